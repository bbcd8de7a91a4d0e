//! Fitting text into columns by display width, so CJK names and emoji stay aligned.
//!
//! Text is measured and cut by grapheme cluster, as ratatui lays it out: an emoji made of
//! several code points joined by U+200D (👩‍💻) is one cluster of two columns. Cutting between
//! its code points (as a cut by `char` did) left half a sequence that terminals draw at
//! different widths, and shifted the rest of the row.

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr;

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
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(g);
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
        // A joined emoji is cut whole, never after its joiner.
        assert_eq!(fit("ab👩\u{200d}💻👩\u{200d}💻", 5), "ab👩\u{200d}💻…");
        assert_eq!(fit("ab👩\u{200d}💻cd", 4), "ab…");
        assert_eq!(cell("👩\u{200d}💻", 4).width(), 4);
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
