//! Fitting text into columns by display width, so CJK names and emoji stay aligned.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` cut to at most `width` columns, with `…` when something was cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` fitted to exactly `width` columns: cut with `…`, or padded with spaces.
pub fn cell(s: &str, width: usize) -> String {
    let mut out = fit(s, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// `s` right-aligned in `width` columns (cut if longer).
pub fn right(s: &str, width: usize) -> String {
    let fitted = fit(s, width);
    let pad = width.saturating_sub(fitted.width());
    format!("{}{fitted}", " ".repeat(pad))
}

/// "CM" for "Community Manager": short role labels for narrow columns, from the role's own
/// title so a new role gets one too.
pub fn initials(title: &str) -> String {
    title
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The first row a list shows so that `selected` is visible in `height` rows. It depends only
/// on these numbers, so mouse hit-testing computes the same window as the drawing did.
pub fn window_start(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_by_display_width() {
        assert_eq!(fit("山田花子", 5), "山田…");
        assert_eq!(fit("山田花子", 8), "山田花子");
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(cell("山田花子", 5).width(), 5);
        assert_eq!(fit("🎉🎉🎉", 4).width(), 3);
        assert_eq!(fit("abc", 0), "");
        assert_eq!(right("7 h", 5), "  7 h");
    }

    #[test]
    fn initials_and_windows() {
        assert_eq!(initials("Social Media Manager"), "SMM");
        assert_eq!(window_start(0, 5), 0);
        assert_eq!(window_start(4, 5), 0);
        assert_eq!(window_start(7, 5), 3);
        assert_eq!(window_start(3, 0), 0);
    }
}
