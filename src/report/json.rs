//! The JSON report: exactly the document `check --format json` prints for the plan (people,
//! findings, accepted), with the report's sections added under `report`. A script that reads
//! `check` output reads this unchanged.

use serde::Serialize;

use super::check_json::CheckJson;
use super::model::Report;
use crate::safe_text;

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
/// and bidirectional controls escaped too (see [`safe_text::json`]), so that no JSON it
/// writes carries a raw control character to a terminal.
pub fn pretty(doc: &impl Serialize) -> String {
    // Serialising plain structs of strings and numbers cannot fail; keep a valid document
    // even if it ever did.
    let mut out = serde_json::to_string_pretty(doc)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    out = safe_text::json(out);
    out.push('\n');
    out
}
