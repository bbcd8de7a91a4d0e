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

/// Writes `doc` as [`pretty`] would, straight to `out` as it is serialised: through a buffer
/// and a [`SafeWriter`] that escapes as it goes, so the document is never whole in memory.
pub fn write_pretty(doc: &impl Serialize, out: impl Write) -> io::Result<()> {
    let mut buffered = BufWriter::with_capacity(1 << 16, SafeWriter::new(out, Style::Json));
    serde_json::to_writer_pretty(&mut buffered, doc)?;
    buffered.write_all(b"\n")?;
    buffered
        .into_inner()
        .map_err(IntoInnerError::into_error)?
        .finish()?;
    Ok(())
}
