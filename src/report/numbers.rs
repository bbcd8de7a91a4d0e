//! How numbers read in shareable reports: hours to the half hour, shares as whole percents.
//! A report is read by people, not scripts (JSON keeps the exact values), so "12.5 h" and
//! "31%" are enough and do not change from one run to the next with noise in the last digit.

pub use crate::analysis::pct as percent;

/// Hours rounded to the nearest half hour: "45 h", "15.5 h".
pub fn hours(h: f64) -> String {
    let halves = (h * 2.0).round();
    if halves % 2.0 == 0.0 {
        format!("{} h", (halves / 2.0) as i64)
    } else {
        format!("{:.1} h", halves / 2.0)
    }
}

/// An exact number for spreadsheets, without a trailing ".0": "6", "2.25".
pub fn plain(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// A count with thousands separated: "4", "2,500", "100,000".
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// "75%", or "–" when there is no capacity to measure against.
pub fn load(load: Option<f64>) -> String {
    load.map_or_else(|| "–".to_owned(), percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_round_to_the_half_hour() {
        assert_eq!(hours(45.0), "45 h");
        assert_eq!(hours(15.5), "15.5 h");
        assert_eq!(hours(2.2), "2 h");
        assert_eq!(hours(2.3), "2.5 h");
        assert_eq!(hours(0.0), "0 h");
    }

    #[test]
    fn plain_numbers_have_no_trailing_zero() {
        assert_eq!(plain(6.0), "6");
        assert_eq!(plain(2.25), "2.25");
        assert_eq!(plain(1.0 / 3.0), "0.33");
    }

    #[test]
    fn counts_have_thousands_separated() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(2500), "2,500");
        assert_eq!(count(100_000), "100,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn percent_is_whole() {
        assert_eq!(percent(0.125), "13%");
        assert_eq!(load(None), "–");
    }
}
