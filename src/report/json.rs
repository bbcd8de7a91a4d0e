//! The JSON report: exactly the document `check --format json` prints for the plan (people,
//! findings, accepted), with the report's sections added under `report`. A script that reads
//! `check` output reads this unchanged.

use serde::Serialize;

use super::check_json::CheckJson;
use super::model::Report;

#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    #[serde(flatten)]
    pub check: CheckJson<'a>,
    pub report: &'a Report<'a>,
}

/// Pretty-printed JSON, ending in a newline.
pub fn render(check: CheckJson, report: &Report) -> String {
    let doc = ReportJson { check, report };
    // Serialising plain structs of strings and numbers cannot fail; keep a valid document
    // even if it ever did.
    let mut out = serde_json::to_string_pretty(&doc)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    out.push('\n');
    out
}
