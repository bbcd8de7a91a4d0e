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

/// `s` cut to at most `width` columns from the left, with `…` first when something was cut:
/// for text whose end matters most, such as the words being typed before a cursor.
pub fn fit_tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        let w = g.width();
        if used + w > width - 1 {
            break;
        }
        kept.push(g);
        used += w;
    }
    std::iter::once("…").chain(kept.into_iter().rev()).collect()
}

/// `s` cut to at most `width` columns in its middle, keeping its start and its end around
/// `…`: names that share a start (a family name first, a numbered list of the same name)
/// differ at their end, which an end cut would hide.
pub fn fit_middle(s: &str, width: usize) -> String {
    if s.width() <= width || width < 3 {
        return fit(s, width);
    }
    // The start gets half (rounded up), the end what is left, the `…` of `fit_tail` between.
    let head = fit(s, (width - 1).div_ceil(2) + 1);
    let head = head.strip_suffix('…').unwrap_or(&head).trim_end();
    let tail = fit_tail(s, width - head.width());
    format!("{head}{tail}")
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

/// `one` when `n` is 1, else `many`: "1 duty line", "3 duty lines". (The recovery prompt, in
/// the persist layer below this one, keeps its own.)
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
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
    fn cuts_from_the_left_or_the_middle_by_display_width() {
        assert_eq!(fit_tail("introduce members", 8), "…members");
        assert_eq!(fit_tail("山田花子", 5), "…花子");
        assert_eq!(fit_tail("abc", 0), "");
        // A joined emoji is kept or cut whole, from either end.
        assert_eq!(fit_tail("ab👩\u{200d}💻", 3), "…👩\u{200d}💻");
        assert_eq!(fit_tail("ab👩\u{200d}💻", 2), "…");
        assert_eq!(
            fit_middle("👩\u{200d}💻 Ada Lovelace 12", 9),
            "👩\u{200d}💻 A…e 12"
        );
        assert_eq!(fit_middle("Zoë Lindqvist 123", 17), "Zoë Lindqvist 123");
        assert_eq!(fit_middle("Zoë Lindqvist 123", 12), "Zoë Li…t 123");
        assert_eq!(fit_middle("Zoë Lindqvist 123", 9), "Zoë…t 123");
        assert_eq!(fit_middle("Zoë Lindqvist 123", 5), "Zo…23");
        assert_eq!(fit_middle("Maya Okafor", 9), "Maya…afor");
        assert_eq!(fit_middle("山田花子さん", 9), "山田…さん");
        for width in 0..20 {
            for name in ["Zoë Lindqvist 123", "山田 花子 (Hanako)", "🎉a🎉b🎉c🎉"] {
                assert!(
                    fit_middle(name, width).width() <= width,
                    "{name} in {width}"
                );
            }
        }
    }

    #[test]
    fn initials_and_windows() {
        assert_eq!(initials("Social Media Manager"), "SMM");
        assert_eq!(window_start(0, 5), 0);
        assert_eq!(window_start(4, 5), 0);
        assert_eq!(window_start(7, 5), 3);
        assert_eq!(window_start(3, 0), 0);
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "line", "lines"), "line");
        assert_eq!(plural(0, "line", "lines"), "lines");
        assert_eq!(plural(2, "person", "people"), "people");
    }
}
