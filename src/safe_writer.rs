//! A writer that shows or escapes unsafe characters as the text streams past, so output can
//! be written piece by piece instead of built whole and cleaned afterwards.
//!
//! It does to a stream what [`safe_text`] does to a string: the characters
//! [`safe_text::is_unsafe`] names (C0 controls, DEL, C1 controls, bidirectional controls)
//! become `\uXXXX` in JSON ([`Style::Json`], as [`safe_text::json`]) or a visible name for a
//! terminal or a text file ([`Style::Visible`], as [`safe_text::free_text`]). A write may end
//! inside a character (a buffer's edge cuts anywhere): its first bytes wait for the next
//! write. Bytes that are not UTF-8 are written as U+FFFD, never raw.

use std::io::{self, Write};

use crate::safe_text;

/// How an unsafe character is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `\u0085` inside JSON strings; newlines (the layout of pretty JSON) pass. JSON outside
    /// strings is ASCII punctuation, digits and letters, and `serde_json` escapes C0 controls
    /// inside them, so every character escaped here is inside a string, where `\uXXXX` means
    /// the same character.
    Json,
    /// `\e`, `\x07`, `<U+202E>`; newlines and tabs pass.
    Visible,
}

/// Writes everything to `inner` with unsafe characters escaped in `style`.
pub struct SafeWriter<W: Write> {
    inner: W,
    style: Style,
    /// The first bytes of a character the last write cut (at most 3).
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W, style: Style) -> Self {
        SafeWriter {
            inner,
            style,
            pending: Vec::with_capacity(4),
        }
    }

    /// Writes out a character still cut at the end (as U+FFFD: the text ended inside it) and
    /// flushes.
    pub fn finish(mut self) -> io::Result<()> {
        self.end()?;
        self.inner.flush()
    }

    fn end(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.pending.clear();
            self.inner.write_all("\u{FFFD}".as_bytes())?;
        }
        Ok(())
    }

    fn keeps(&self, c: char) -> bool {
        match self.style {
            Style::Json => c == '\n',
            Style::Visible => c == '\n' || c == '\t',
        }
    }

    /// Writes whole characters, escaping the unsafe ones.
    fn text(&mut self, text: &str) -> io::Result<()> {
        let mut rest = text;
        while let Some((at, c)) = safe_text::first_unsafe_but(rest, |c| self.keeps(c)) {
            self.inner.write_all(&rest.as_bytes()[..at])?;
            match self.style {
                Style::Json => write!(self.inner, "\\u{:04x}", c as u32)?,
                Style::Visible => self.inner.write_all(safe_text::name_of(c).as_bytes())?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        self.inner.write_all(rest.as_bytes())
    }

    /// Writes `bytes` as text: whole characters now, a cut one at the end kept for later,
    /// bytes that are no UTF-8 as U+FFFD.
    fn bytes(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => return self.text(text),
                Err(e) => {
                    let (good, bad) = bytes.split_at(e.valid_up_to());
                    if let Ok(text) = std::str::from_utf8(good) {
                        self.text(text)?;
                    }
                    match e.error_len() {
                        None => {
                            self.pending.extend_from_slice(bad);
                            return Ok(());
                        }
                        Some(n) => {
                            self.inner.write_all("\u{FFFD}".as_bytes())?;
                            bytes = &bad[n..];
                        }
                    }
                }
            }
        }
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        // Complete the character the last write cut, a byte at a time (it lacks 3 at most).
        while !self.pending.is_empty() && !rest.is_empty() {
            self.pending.push(rest[0]);
            rest = &rest[1..];
            let pending = std::mem::take(&mut self.pending);
            match std::str::from_utf8(&pending) {
                Ok(text) => self.text(text)?,
                Err(e) if e.error_len().is_none() => self.pending = pending,
                // Not the rest of a character after all: what was kept is no UTF-8, and the
                // bytes after it are read afresh.
                Err(_) => {
                    self.inner.write_all("\u{FFFD}".as_bytes())?;
                    let last = pending.len() - 1;
                    self.bytes(&pending[last..])?;
                }
            }
        }
        self.bytes(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(style: Style, pieces: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let mut w = SafeWriter::new(&mut out, style);
        for p in pieces {
            w.write_all(p).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    const HOSTILE: &str =
        "a\u{1b}]0;x\u{7}b\u{7f} \u{85}c\u{202e}d\u{2069}\t\n\u{9b}é山👩\u{200d}💻";

    #[test]
    fn json_escapes_as_safe_text_json_does() {
        let expected = safe_text::json(HOSTILE.to_owned());
        assert_eq!(through(Style::Json, &[HOSTILE.as_bytes()]), expected);
    }

    #[test]
    fn visible_shows_as_the_terminal_gate_does() {
        let expected = crate::console::terminal_text(HOSTILE, false);
        assert_eq!(through(Style::Visible, &[HOSTILE.as_bytes()]), expected);
    }

    #[test]
    fn a_cut_anywhere_gives_the_same_text() {
        let bytes = HOSTILE.as_bytes();
        for style in [Style::Json, Style::Visible] {
            let whole = through(style, &[bytes]);
            for i in 0..=bytes.len() {
                for j in i..=bytes.len() {
                    let cut = through(style, &[&bytes[..i], &bytes[i..j], &bytes[j..]]);
                    assert_eq!(cut, whole, "cut at {i} and {j}");
                }
            }
            let one_by_one: Vec<&[u8]> = bytes.chunks(1).collect();
            assert_eq!(through(style, &one_by_one), whole);
        }
    }

    #[test]
    fn bytes_that_are_no_utf8_never_pass_raw() {
        assert_eq!(through(Style::Visible, &[b"a\x9bb"]), "a\u{FFFD}b");
        assert_eq!(through(Style::Visible, &[b"a\xc2", b"b"]), "a\u{FFFD}b");
        assert_eq!(through(Style::Json, &[b"a\xe2\x80"]), "a\u{FFFD}");
    }
}
