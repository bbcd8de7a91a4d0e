//! Word wrapping by display width (so CJK names and emoji do not break alignment).

use unicode_width::UnicodeWidthStr;

/// Wraps `text` to `width` columns; every line after the first is prefixed with `indent`.
/// Words longer than a line are kept whole rather than split mid-word.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let width = width.max(indent.width() + 10);
    let mut out = String::new();
    // The caller prints `indent` before the first line too, so every line starts there.
    let mut line_width = indent.width();
    let mut line_empty = true;
    for word in text.split_whitespace() {
        let w = word.width();
        if !line_empty && line_width + 1 + w > width {
            out.push('\n');
            out.push_str(indent);
            line_width = indent.width();
        } else if !line_empty {
            out.push(' ');
            line_width += 1;
        }
        out.push_str(word);
        line_width += w;
        line_empty = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width() {
        let text = "山田 太郎 works with members every week";
        let out = format!("  {}", wrap(text, 14, "  "));
        for line in out.lines() {
            assert!(line.width() <= 14, "{line:?} is wider than 14");
        }
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")));
    }
}
