//! The CSV report: one row per assignment, for spreadsheets (RFC 4180: a header row, CRLF line
//! ends, fields quoted only when they must be, and formulas defused; see [`super::escape::csv`]).

use super::escape::csv as field;
use super::model::Report;
use super::numbers::plain;

pub const HEADER: [&str; 9] = [
    "person",
    "role",
    "task_id",
    "task",
    "owning_role",
    "category",
    "hours",
    "note",
    "findings",
];

/// The assignments of the report as CSV text.
pub fn render(report: &Report) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for row in &report.assignments {
        let findings: Vec<String> = row
            .findings
            .iter()
            .map(|f| format!("{} ({})", f.rule, f.severity))
            .collect();
        let fields = [
            field(row.person),
            field(&row.role),
            field(row.task),
            field(row.title.unwrap_or("")),
            field(row.owner.unwrap_or("")),
            field(row.category.unwrap_or("")),
            plain(row.hours),
            field(row.note.unwrap_or("")),
            field(&findings.join("; ")),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
