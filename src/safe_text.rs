//! The one gate between untrusted text and a terminal or a text report.
//!
//! Plans, catalogs, configs and job offers come from other people, and a terminal obeys the
//! control sequences in what it prints: an ESC in a person's name can set the window title,
//! write the clipboard (OSC 52) or clear the screen, and a right-to-left override can make a
//! line read backwards. Everything written to standard output or standard error, and every
//! text report, shows such characters visibly instead (`\e`, `\x07`, `<U+202E>`).
//!
//! Joiners, soft hyphens, variation selectors and other format characters are not controls:
//! emoji such as 👩‍💻 need them, so they pass.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must never reach a terminal as it is: C0 controls, DEL, C1 controls, and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what
/// follows them on the line.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidirectional embedding, override and isolate controls ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` as one line with every unsafe character shown visibly, newlines and tabs included:
/// for ids, names, titles, file names and anything else that must stay on its line.
pub fn one_line(text: &str) -> Cow<'_, str> {
    show(text, |_| false)
}

/// `text` with every unsafe character shown visibly except newline and tab, which free text
/// (notes, reasons, descriptions, offer lines, whole reports) keeps.
pub fn free_text(text: &str) -> Cow<'_, str> {
    show(text, |c| c == '\n' || c == '\t')
}

/// `text` with unsafe characters removed and runs of whitespace made one space: for text from
/// an offer that becomes a name or a title in a plan, which must load again.
pub fn cleaned_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || is_unsafe(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The first unsafe character of `text` (newline and tab included), with its byte offset:
/// ids, names and titles holding one are refused at load.
pub fn first_unsafe(text: &str) -> Option<(usize, char)> {
    // Most ids and names are printable ASCII: one quick pass over the bytes says so (a fold
    // without an early exit, which the compiler turns into vector instructions).
    if text
        .bytes()
        .fold(true, |plain, b| plain & (0x20..0x7f).contains(&b))
    {
        return None;
    }
    text.char_indices().find(|&(_, c)| is_unsafe(c))
}

/// The first unsafe character of `text` that `keep` does not let through, with its byte
/// offset. Reads bytes, not characters: only a C0 byte, DEL, and the lead bytes of the C1
/// controls (0xC2) and of the bidirectional controls (0xE2) can start one, so long clean text
/// (a whole report) is passed over at memory speed.
pub fn first_unsafe_but(text: &str, keep: impl Fn(char) -> bool) -> Option<(usize, char)> {
    /// Clean blocks of this many bytes are passed over with one test each (which the compiler
    /// turns into vector instructions).
    const BLOCK: usize = 32;
    let (keep_newline, keep_tab) = (keep('\n'), keep('\t'));
    let stop = |b: u8| {
        (b < 0x20 && !(keep_newline && b == b'\n') && !(keep_tab && b == b'\t'))
            || b == 0x7f
            || b == 0xc2
            || b == 0xe2
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        while let Some(block) = bytes.get(from..from + BLOCK) {
            if block.iter().fold(false, |any, &b| any | stop(b)) {
                break;
            }
            from += BLOCK;
        }
        let at = from + bytes[from..].iter().position(|&b| stop(b))?;
        let c = text[at..].chars().next()?;
        if is_unsafe(c) && !keep(c) {
            return Some((at, c));
        }
        from = at + c.len_utf8();
    }
}

/// An unsafe character named for a message: "a control character (\\e)", "a line break
/// (\\n)", "a bidirectional text control (<U+202E>)".
pub fn describe(c: char) -> String {
    let kind = if is_bidi_control(c) {
        "a bidirectional text control"
    } else if c == '\n' || c == '\r' {
        "a line break"
    } else {
        "a control character"
    };
    format!("{kind} ({})", name_of(c))
}

/// How an unsafe character is shown: the usual backslash names where there is one, else its
/// code (`\x1b` style for C0 and DEL, `<U+0085>` for the rest).
pub fn name_of(c: char) -> String {
    match c {
        '\u{1b}' => "\\e".to_owned(),
        '\n' => "\\n".to_owned(),
        '\r' => "\\r".to_owned(),
        '\t' => "\\t".to_owned(),
        '\0' => "\\0".to_owned(),
        c if (c as u32) < 0x20 || c == '\u{7f}' => format!("\\x{:02x}", c as u32),
        c => format!("<U+{:04X}>", c as u32),
    }
}

fn show(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if first_unsafe_but(text, &keep).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            out.push_str(&name_of(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text with DEL, the C1 controls and the bidirectional controls escaped as `\uXXXX`.
///
/// `serde_json` escapes only C0, so the rest would reach a terminal raw when JSON is printed.
/// Outside strings, JSON holds only ASCII punctuation, digits and letters, so every such
/// character found is inside a string, where `\uXXXX` means the same character: the data is
/// unchanged for any JSON reader. The line breaks of pretty-printed JSON are its layout (a
/// line break inside a string is already `\n`), so they stay.
pub fn json(text: String) -> String {
    let escape = |c: char| is_unsafe(c) && c != '\n';
    if first_unsafe_but(&text, |c| c == '\n').is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escape(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_unsafe_character_is_found_anywhere_in_long_text() {
        let clean = "Zoë — 山田 © plain\n".repeat(40);
        assert_eq!(first_unsafe_but(&clean, |c| c == '\n'), None);
        assert_eq!(
            first_unsafe_but(&clean, |_| false),
            Some((clean.find('\n').unwrap(), '\n'))
        );
        for bad in ['\u{1b}', '\u{7f}', '\u{85}', '\u{202e}', '\u{2066}', '\t'] {
            for at in [0, 31, 32, 33, 500, clean.len()] {
                let mut text = clean.clone();
                let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
                text.insert(at, bad);
                assert_eq!(
                    first_unsafe_but(&text, |c| c == '\n'),
                    Some((at, bad)),
                    "{bad:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn controls_and_bidi_are_shown_not_emitted() {
        let hostile = "Al\u{1b}]0;PWNED\u{7}ice \u{9b}2J \u{202e}olleh\u{7f}";
        let shown = one_line(hostile);
        assert_eq!(shown, "Al\\e]0;PWNED\\x07ice <U+009B>2J <U+202E>olleh\\x7f");
        assert!(!shown.chars().any(is_unsafe));
    }

    #[test]
    fn free_text_keeps_lines_and_tabs_but_not_carriage_returns() {
        assert_eq!(free_text("a\n\tb\rc"), "a\n\tb\\rc");
        assert_eq!(one_line("a\nb"), "a\\nb");
    }

    #[test]
    fn clean_text_is_borrowed_and_joiners_pass() {
        let emoji = "👩\u{200d}💻 Zoë soft\u{ad}hyphen";
        assert!(matches!(one_line(emoji), Cow::Borrowed(_)));
        assert_eq!(one_line(emoji), emoji);
        assert!(first_unsafe(emoji).is_none());
    }

    #[test]
    fn names_from_offers_are_cleaned_to_one_line() {
        assert_eq!(
            cleaned_name("Community \u{1b}]0;x\u{7}Manager\n"),
            "Community ]0;x Manager"
        );
        assert_eq!(first_unsafe("ab\ncd"), Some((2, '\n')));
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let value = vec!["a\u{1b}b\u{85}c\u{202e}d\u{7f}\ne"];
        let doc = serde_json::to_string_pretty(&value).expect("serialises");
        let escaped = json(doc);
        assert_eq!(
            escaped, "[\n  \"a\\u001bb\\u0085c\\u202ed\\u007f\\ne\"\n]",
            "layout kept, controls in strings escaped"
        );
        let back: Vec<String> = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, value);
    }
}
