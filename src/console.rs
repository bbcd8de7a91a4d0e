//! Standard output and standard error: the only place rolescope writes to them (the TUI
//! draws through ratatui in `tui::terminal`, which shows no raw text either).
//!
//! Every byte passes [`terminal_text`] (or, streamed, a [`SafeWriter`] that does the same) on
//! its way, so a control sequence from a plan, a catalog, an offer, a config or a file name is
//! shown (`\e]0;…`) instead of obeyed, whichever command printed it and whether or not the
//! text was cleaned before. The colours rolescope paints itself are the only escape sequences
//! let through, and only when colour is on. Clippy's `print_stdout` and `print_stderr` lints
//! (and `disallowed-methods` for `std::io::stdout` and `std::io::stderr`, see `clippy.toml`)
//! keep everything else from writing around this module.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

use std::borrow::Cow;
use std::io::{IsTerminal as _, Write};

use crate::safe_text;
use crate::safe_writer::{SafeWriter, Style};

/// Writes `text` to standard output through the gate; `colour` lets rolescope's own colour
/// sequences through.
pub fn print(text: &str, colour: bool) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(terminal_text(text, colour).as_bytes())?;
    out.flush()
}

/// Writes `text` and a newline to standard error through the gate (no colour).
pub fn eprint_line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", terminal_text(text, false));
}

/// Writes `text` to standard error through the gate; `colour` as for [`print`].
pub fn eprint(text: &str, colour: bool) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(terminal_text(text, colour).as_bytes());
    let _ = err.flush();
}

/// Writes a question to standard output with no newline, for an answer typed on its line.
pub fn prompt(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(terminal_text(text, false).as_bytes());
    let _ = out.flush();
}

/// Standard output as a writer through the gate (no colour), for code that writes with
/// `write!` to any `io::Write`, such as the recovery question, or that streams a long output
/// (`check --format json`) instead of building it whole. Unbuffered: a caller that writes
/// small pieces puts a `BufWriter` in front.
pub fn stdout_gated() -> SafeWriter<std::io::StdoutLock<'static>> {
    SafeWriter::new(std::io::stdout().lock(), Style::Visible)
}

/// Writes a JSON document to standard output as [`crate::report::json::write_pretty`] does,
/// streamed. Its escaping is the gate: every unsafe character is written as `\uXXXX` (and
/// line breaks are the only control characters left), so the visible gate of
/// [`stdout_gated`] would pass every byte unchanged, and the document is not scanned twice.
pub fn print_json(doc: &impl serde::Serialize) -> std::io::Result<()> {
    crate::report::json::write_pretty(doc, std::io::stdout().lock())
}

/// Whether standard output is a terminal (for colour and wrapping decisions).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Whether standard input is a terminal.
pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// Whether standard error is a terminal.
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// `text` made safe for a terminal: unsafe characters shown visibly (see
/// [`safe_text::free_text`]), except, when `colour` is on, the Select Graphic Rendition
/// sequences that set the colours and weights rolescope paints with. Anything else after an
/// ESC (titles, the clipboard, cursor moves, clearing, hidden or blinking text) is shown.
pub fn terminal_text(text: &str, colour: bool) -> Cow<'_, str> {
    if safe_text::first_unsafe_but(text, |c| c == '\n' || c == '\t').is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if colour && c == '\u{1b}' {
            let len = painted_sequence_len(rest);
            if len > 0 {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if safe_text::is_unsafe(c) && c != '\n' && c != '\t' {
            out.push_str(&safe_text::name_of(c));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The length of the colour sequence at the start of `s` (`ESC [ params m`) when every
/// parameter is one rolescope paints with, else 0.
fn painted_sequence_len(s: &str) -> usize {
    let Some(body) = s.strip_prefix("\u{1b}[") else {
        return 0;
    };
    let Some(end) = body.find('m') else {
        return 0;
    };
    let params = &body[..end];
    if params.len() > 16 || !params.bytes().all(|b| b.is_ascii_digit() || b == b';') {
        return 0;
    }
    let parts: Vec<&str> = params.split(';').collect();
    let allowed = match parts.as_slice() {
        // Reset, bold, dim, normal weight, default colours, and the eight colours with their
        // bright forms.
        [one] => {
            matches!(
                one.parse::<u8>(),
                Ok(0 | 1 | 2 | 22 | 39 | 49 | 30..=37 | 90..=97)
            ) || one.is_empty()
        }
        // A palette colour, as crossterm writes named colours: `38;5;N`.
        ["38" | "48", "5", n] => n.parse::<u8>().is_ok(),
        _ => false,
    };
    if allowed { 2 + end + 1 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::style::Stylize as _;

    #[test]
    fn hostile_sequences_are_shown_even_with_colour_on() {
        for colour in [false, true] {
            let text = terminal_text(
                "Community \u{1b}]0;PWNED\u{7}Manager \u{1b}[2J \u{1b}[8m \u{9b}31m\n",
                colour,
            );
            assert_eq!(
                text,
                "Community \\e]0;PWNED\\x07Manager \\e[2J \\e[8m <U+009B>31m\n"
            );
        }
    }

    #[test]
    fn our_own_colours_pass_only_when_colour_is_on() {
        let painted = format!("{} {}\n", "error".red().bold(), "dim".dim());
        assert_eq!(terminal_text(&painted, true), painted);
        assert!(!terminal_text(&painted, false).contains('\u{1b}'));
    }
}
