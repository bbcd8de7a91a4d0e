//! The JSON report: exactly the document `check --format json` prints for the plan (people,
//! findings, accepted), with the report's sections added under `report`. A script that reads
//! `check` output reads this unchanged.

use std::io::{self, BufWriter, IntoInnerError, Write};

use serde::Serialize;

use super::check_json::CheckJson;
use super::model::Report;
use crate::safe_writer::{SafeWriter, Style};

#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    #[serde(flatten)]
    pub check: CheckJson<'a>,
    pub report: &'a Report<'a>,
}

/// Pretty-printed JSON, ending in a newline.
pub fn render(check: CheckJson, report: &Report) -> String {
    pretty(&ReportJson { check, report })
}

/// Any of rolescope's JSON documents, pretty-printed and ending in a newline, with DEL, C1
/// and bidirectional controls escaped too (see [`crate::safe_text::json`]), so that no JSON it
/// writes carries a raw control character to a terminal. For short documents; long ones are
/// streamed with [`write_pretty`].
pub fn pretty(doc: &impl Serialize) -> String {
    let mut out = Vec::new();
    // Serialising plain structs of strings and numbers into memory cannot fail; keep a valid
    // document even if it ever did.
    match write_pretty(doc, &mut out).map(|()| String::from_utf8(out)) {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => format!("{{\"error\": {:?}}}\n", e.to_string()),
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// serde_json's `PrettyFormatter` (two spaces a level), byte for byte, but writing each line
/// break with its indent in one piece: the pretty formatter writes the indent two spaces at a
/// time, and those small writes were most of the time of a long document.
#[derive(Default)]
struct Indented {
    depth: usize,
    has_value: bool,
}

/// A comma, a line break and the deepest indent written; a slice of it is any line's start.
const BREAKS: &[u8] = b",\n                                                                ";

impl Indented {
    /// A line break (after a comma unless `first`) and the indent of the current depth.
    fn line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        let width = 2 * self.depth;
        let from = usize::from(first);
        if let Some(line) = BREAKS.get(from..2 + width) {
            out.write_all(line)
        } else {
            out.write_all(&BREAKS[from..2])?;
            (0..self.depth).try_for_each(|_| out.write_all(b"  "))
        }
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(out, true)?;
        }
        out.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(out, true)?;
        }
        out.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `doc` as [`pretty`] would, straight to `out` as it is serialised: through a buffer
/// and a [`SafeWriter`] that escapes as it goes, so the document is never whole in memory.
pub fn write_pretty(doc: &impl Serialize, out: impl Write) -> io::Result<()> {
    let mut buffered = BufWriter::with_capacity(1 << 16, SafeWriter::new(out, Style::Json));
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffered, Indented::default());
    doc.serialize(&mut serializer)?;
    buffered.write_all(b"\n")?;
    buffered
        .into_inner()
        .map_err(IntoInnerError::into_error)?
        .finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indent_is_serde_jsons_pretty_one_at_any_depth() {
        let mut deep = serde_json::json!({"leaf": [1, {"a": "b"}, [], {}]});
        for i in 0..40 {
            deep = serde_json::json!({"level": i, "inner": [deep, "x"], "empty": []});
        }
        let expected = serde_json::to_string_pretty(&deep).unwrap() + "\n";
        assert_eq!(pretty(&deep), expected);
    }
}
