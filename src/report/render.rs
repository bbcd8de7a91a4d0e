//! One entry point for every shareable report: `rolescope report` calls it, the tests call it,
//! and the TUI's export key (`e`) all call it, so they write the same bytes.

use std::io::{self, Write};
use std::path::Path;

use super::{check_json, csv, html, json, markdown, model};
use crate::analysis::Analysis;
use crate::catalog::Catalog;
use crate::offer::{Judgement, Offer};
use crate::plan::Plan;

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
    Csv,
    Json,
    /// One person's role as a job ad to publish, in Markdown (see [`model::JobAd`]).
    PostingMarkdown,
    /// The job ad as a standalone HTML page.
    PostingHtml,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 6] = [
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::PostingMarkdown,
        ReportFormat::PostingHtml,
    ];

    /// The usual file extension, for default file names.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Markdown | ReportFormat::PostingMarkdown => "md",
            ReportFormat::Html | ReportFormat::PostingHtml => "html",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
        }
    }

    /// Whether the format is a job ad, which is about one person (never the team).
    pub fn is_posting(self) -> bool {
        matches!(
            self,
            ReportFormat::PostingMarkdown | ReportFormat::PostingHtml
        )
    }

    /// The format a file name asks for (`team.html` → HTML), if its extension is known.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "html" | "htm" => Some(ReportFormat::Html),
            "csv" => Some(ReportFormat::Csv),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }
}

/// The report about `subject` of `plan` (read from `file`) in `format`.
pub fn render(
    format: ReportFormat,
    catalog: &Catalog,
    plan: &Plan,
    analysis: &Analysis,
    file: &str,
    subject: model::Subject,
) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(format, catalog, plan, analysis, file, subject, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`] written to `out` as it is produced: CSV row by row and JSON as it is
/// serialised (both grow with the plan), so neither is ever whole in memory; Markdown and HTML
/// are bounded and written whole. A job ad of the team, or of a person the plan does not have,
/// is refused (`InvalidInput`): callers choose a person first.
#[allow(clippy::too_many_arguments)] // render's inputs and a writer
pub fn write(
    format: ReportFormat,
    catalog: &Catalog,
    plan: &Plan,
    analysis: &Analysis,
    file: &str,
    subject: model::Subject,
    out: impl Write,
) -> io::Result<()> {
    if format.is_posting() {
        let model::Subject::Person(index) = subject else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a job ad is about one person, not the team",
            ));
        };
        if index >= plan.people.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "no person {} in a plan of {} people",
                    index + 1,
                    plan.people.len()
                ),
            ));
        }
        let report = model::build_job_ad(catalog, plan, analysis, file, index);
        return match format {
            ReportFormat::PostingHtml => write_all(out, html::render(&report).as_bytes()),
            _ => write_all(out, markdown::render(&report).as_bytes()),
        };
    }
    let build = match format {
        ReportFormat::Csv | ReportFormat::Json => model::build,
        _ => model::build_without_rows,
    };
    let report = build(catalog, plan, analysis, file, subject);
    match format {
        ReportFormat::Markdown | ReportFormat::PostingMarkdown => {
            write_all(out, markdown::render(&report).as_bytes())
        }
        ReportFormat::Html | ReportFormat::PostingHtml => {
            write_all(out, html::render(&report).as_bytes())
        }
        ReportFormat::Csv => csv::write(&report, out),
        ReportFormat::Json => json::write_pretty(
            &json::ReportJson {
                check: check_json(analysis, file, catalog, plan),
                report: &report,
            },
            out,
        ),
    }
}

fn write_all(mut out: impl Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(bytes)?;
    out.flush()
}

/// The reply a freelancer sends about a judged `offer` (read from `file`) in `format`. The
/// command line offers Markdown and HTML; CSV and JSON give the offer plan's assignments and
/// the reply's sections like any other report.
pub fn render_offer_reply(
    format: ReportFormat,
    catalog: &Catalog,
    offer: &Offer,
    judgement: &Judgement,
    file: &str,
) -> String {
    let report = model::build_offer_reply(catalog, offer, judgement, file);
    match format {
        ReportFormat::Markdown | ReportFormat::PostingMarkdown => markdown::render(&report),
        ReportFormat::Html | ReportFormat::PostingHtml => html::render(&report),
        ReportFormat::Csv => csv::render(&report),
        ReportFormat::Json => json::render(
            check_json(&judgement.analysis, file, catalog, &judgement.plan),
            &report,
        ),
    }
}
