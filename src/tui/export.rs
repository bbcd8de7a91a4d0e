//! The state of the "Export a report" overlay: which report, in which format, written where.

use std::path::{Path, PathBuf};

use crate::report::{ReportFormat, Subject};
use crate::tui::input::TextInput;

/// What the export overlay will write.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportForm {
    pub format: ReportFormat,
    pub subject: Subject,
    /// The path to write, prefilled next to the plan.
    pub input: TextInput,
}

/// The name a format goes by on screen and in the status line.
pub fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Markdown => "Markdown",
        ReportFormat::Html => "HTML",
        ReportFormat::Csv => "CSV",
        ReportFormat::Json => "JSON",
    }
}

/// Where a report goes by default: beside the plan with the plan's stem and the format's
/// extension; for a plan never saved, in the current directory, named after the plan.
pub fn default_path(plan_path: Option<&Path>, plan_name: &str, format: ReportFormat) -> PathBuf {
    if let Some(p) = plan_path {
        return p.with_extension(format.extension());
    }
    let mut stem = String::new();
    for c in plan_name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "report" } else { stem };
    PathBuf::from(format!("{stem}.{}", format.extension()))
}

/// `path` with its extension changed to `format`'s when it ends in a report format's
/// extension (the default, or one the user typed), and unchanged otherwise, so a name the user
/// chose on purpose (`notes.txt`) stays.
pub fn retarget(path: &str, format: ReportFormat) -> String {
    let p = Path::new(path);
    if ReportFormat::from_path(p).is_some() {
        p.with_extension(format.extension()).display().to_string()
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_paths_sit_beside_the_plan_or_in_the_current_directory() {
        assert_eq!(
            default_path(
                Some(Path::new("examples/team-review.yaml")),
                "x",
                ReportFormat::Html
            ),
            PathBuf::from("examples/team-review.html")
        );
        assert_eq!(
            default_path(None, "Q3 plan: Ana & Jon", ReportFormat::Markdown),
            PathBuf::from("q3-plan-ana-jon.md")
        );
        assert_eq!(
            default_path(None, "***", ReportFormat::Csv),
            PathBuf::from("report.csv")
        );
    }

    #[test]
    fn retargeting_changes_only_report_extensions() {
        assert_eq!(retarget("a/b.md", ReportFormat::Json), "a/b.json");
        assert_eq!(retarget("notes.txt", ReportFormat::Json), "notes.txt");
    }
}
