//! Escaping of user text (person names, notes, plan names, catalog titles) for each format.
//!
//! Everything a user or a catalog wrote goes through one of these before it reaches a report,
//! so a person named `<script>`, `a|b` or `"&'` can neither break the layout (a Markdown table
//! column, a CSV field) nor inject markup (HTML, Markdown links or emphasis) or a spreadsheet
//! formula. Control characters and bidirectional overrides are shown by name (`\e`,
//! `<U+202E>`, see [`crate::safe_text`]), so a report opened in a terminal or an editor shows
//! what the text held instead of obeying it.

use crate::safe_text;

/// Text for Markdown (CommonMark + GitHub tables): one line, with every character that could
/// start markup backslash-escaped, including `|` so a table cell stays one cell.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            // A line break would end a table row or a list item: fold it into a space.
            '\n' | '\r' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if safe_text::is_unsafe(c) => {
                for n in safe_text::name_of(c).chars() {
                    if matches!(n, '\\' | '<' | '>') {
                        out.push('\\');
                    }
                    out.push(n);
                }
            }
            // `&amp;`, `&#60;`: only an ampersand that could start an entity needs escaping.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            // At the start of a list item or paragraph these would start a list or a heading.
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        if at_start && c.is_ascii_digit() {
            // "1. text" or "1) text" would start an ordered list.
            let mut digits = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            out.push_str(&digits[1..]);
            // Only a marker followed by a space (or nothing) starts a list: "39.5 h" does not.
            let mut ahead = chars.clone();
            if let Some(p @ ('.' | ')')) = ahead.next()
                && ahead.peek().is_none_or(|n| n.is_whitespace())
            {
                out.push('\\');
                out.push(p);
                chars.next();
            }
        }
        at_start = false;
    }
    out
}

/// Text for HTML element content and attribute values (quoted with `"`).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if safe_text::is_unsafe(c) => out.push_str(&html(&safe_text::name_of(c))),
            _ => out.push(c),
        }
    }
    out
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with
/// quotes doubled. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises for CSV exports.
pub fn csv(text: &str) -> String {
    // A line break inside a quoted field is CSV; only the other controls are named.
    let shown: Vec<_> = text.split('\n').map(safe_text::one_line).collect();
    let shown = shown.join("\n");
    let text = shown.as_str();
    let guarded;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{text}");
        guarded.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup_and_table_pipes() {
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(markdown("<script>"), "\\<script\\>");
        assert_eq!(
            markdown("*x* _y_ [z](u) `c`"),
            "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\`"
        );
        assert_eq!(markdown("two\nlines\r\n"), "two lines ");
        assert_eq!(markdown("Q3 community & social"), "Q3 community & social");
        assert_eq!(markdown("&amp; &#60;"), "\\&amp; \\&\\#60;");
        assert_eq!(markdown("C# dev"), "C\\# dev");
    }

    #[test]
    fn markdown_escapes_what_would_start_a_block() {
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("1. first"), "1\\. first");
        assert_eq!(markdown("2024) year"), "2024\\) year");
        assert_eq!(markdown("2024 year"), "2024 year");
        assert_eq!(markdown("39.5 h"), "39.5 h");
        assert_eq!(markdown("1."), "1\\.");
        assert_eq!(markdown("a-b 1. c"), "a-b 1. c");
    }

    #[test]
    fn markdown_keeps_unicode() {
        assert_eq!(
            markdown("山田 花子 (Hanako Yamada)"),
            "山田 花子 (Hanako Yamada)"
        );
        assert_eq!(markdown("Zoë"), "Zoë");
    }

    #[test]
    fn html_escapes_the_five() {
        assert_eq!(html("<script>\"&'"), "&lt;script&gt;&quot;&amp;&#39;");
        assert_eq!(html("Zoë 山田"), "Zoë 山田");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn controls_are_named_in_every_format() {
        let hostile = "Al\u{1b}]0;x\u{7}ice\u{202e}";
        assert_eq!(markdown(hostile), "Al\\\\e\\]0;x\\\\x07ice\\<U+202E\\>");
        assert_eq!(html(hostile), "Al\\e]0;x\\x07ice&lt;U+202E&gt;");
        assert_eq!(csv(hostile), "Al\\e]0;x\\x07ice<U+202E>");
        assert_eq!(csv("a\u{9b}\nb"), "\"a<U+009B>\nb\"");
        for text in [markdown(hostile), html(hostile), csv(hostile)] {
            assert!(!text.chars().any(safe_text::is_unsafe), "{text:?}");
        }
    }

    #[test]
    fn csv_defuses_formulas() {
        assert_eq!(csv("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv("-1"), "'-1");
    }
}
