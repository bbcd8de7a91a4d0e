//! The CSV report: one row per assignment, for spreadsheets (RFC 4180: a header row, CRLF line
//! ends, fields quoted only when they must be, and formulas defused; see [`super::escape::csv`]).

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

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
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The assignments of the report as CSV, written row by row to `out` (buffered here).
pub fn write(report: &Report, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    out.write_all(HEADER.join(",").as_bytes())?;
    out.write_all(b"\r\n")?;
    let mut findings = String::new();
    for row in &report.assignments {
        findings.clear();
        for (i, f) in row.findings.iter().enumerate() {
            if i > 0 {
                findings.push_str("; ");
            }
            let _ = write!(findings, "{} ({})", f.rule, f.severity);
        }
        let fields = [
            field(row.person),
            field(&row.role),
            field(row.task),
            field(row.title.unwrap_or("")),
            field(row.owner.unwrap_or("")),
            field(row.category.unwrap_or("")),
            plain(row.hours),
            field(row.note.unwrap_or("")),
            field(&findings),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(f.as_bytes())?;
        }
        out.write_all(b"\r\n")?;
    }
    out.flush()
}
