//! The state of the "Export a report" overlay: which report, in which format, written where.

use std::path::{Path, PathBuf};

use crate::plan::Plan;
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

/// The name a format goes by on screen: its markup (the job ad's formats have a row of their
/// own, so theirs is "Markdown" and "HTML" too).
pub fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Markdown | ReportFormat::PostingMarkdown => "Markdown",
        ReportFormat::Html | ReportFormat::PostingHtml => "HTML",
        ReportFormat::Csv => "CSV",
        ReportFormat::Json => "JSON",
    }
}

/// What the status line calls what a format writes: "the HTML report", "the job ad (HTML)".
pub fn document_name(format: ReportFormat) -> String {
    if format.is_posting() {
        format!("the job ad ({})", format_name(format))
    } else {
        format!("the {} report", format_name(format))
    }
}

/// The report format in the same markup as a job ad's: what the form falls back to when its
/// subject becomes the team, which has no job ad.
pub fn report_format(format: ReportFormat) -> ReportFormat {
    match format {
        ReportFormat::PostingMarkdown => ReportFormat::Markdown,
        ReportFormat::PostingHtml => ReportFormat::Html,
        other => other,
    }
}

/// Where a report goes by default: beside the plan, named after it, with the format's
/// extension (`team.yaml` → `team.md`); a role description adds the person
/// (`team-maya-okafor.md`), so writing one never replaces the team review, and a job ad adds
/// `job-ad` too (`team-maya-okafor-job-ad.md`), so it never replaces the role description. A
/// plan never saved is named after its title, in the current directory.
pub fn default_path(
    plan_path: Option<&Path>,
    plan: &Plan,
    subject: Subject,
    format: ReportFormat,
) -> PathBuf {
    let stem = plan_path
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .or_else(|| Some(slug(&plan.name)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "report".to_owned());
    let name = match subject {
        Subject::Team => stem,
        Subject::Person(i) => {
            let who = plan
                .people
                .get(i)
                .map(|p| slug(&p.name))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("person-{}", i + 1));
            if format.is_posting() {
                format!("{stem}-{who}-job-ad")
            } else {
                format!("{stem}-{who}")
            }
        }
    };
    let file = format!("{name}.{}", format.extension());
    match plan_path {
        Some(p) => p.with_file_name(file),
        None => PathBuf::from(file),
    }
}

/// A name as a file name part that any system, shell and URL takes as it is: lowercase ASCII
/// letters and digits, other runs as one dash (`Zoë Lindqvist` → `zoe-lindqvist`). Latin
/// letters with accents keep their base letter; other scripts leave nothing, and the caller
/// falls back to a plain name.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(base) = base_letters(c) {
            out.push_str(base);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The ASCII letters a lowercase accented Latin letter is written as without its accent.
fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì'..='ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ţ' | 'ť' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
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
    use crate::plan::{Person, RoleSpec};

    fn plan(names: &[&str]) -> Plan {
        let mut plan = Plan::new("Q3 plan: Ana & Jon");
        for name in names {
            plan.people.push(Person::new(
                *name,
                RoleSpec::Single("community-manager".into()),
            ));
        }
        plan
    }

    #[test]
    fn default_paths_sit_beside_the_plan_or_in_the_current_directory() {
        let team = Some(Path::new("examples/team-review.yaml"));
        assert_eq!(
            default_path(team, &plan(&[]), Subject::Team, ReportFormat::Html),
            PathBuf::from("examples/team-review.html")
        );
        assert_eq!(
            default_path(None, &plan(&[]), Subject::Team, ReportFormat::Markdown),
            PathBuf::from("q3-plan-ana-jon.md")
        );
        let mut unnamed = plan(&[]);
        unnamed.name = "***".into();
        assert_eq!(
            default_path(None, &unnamed, Subject::Team, ReportFormat::Csv),
            PathBuf::from("report.csv")
        );
    }

    #[test]
    fn a_role_description_is_named_after_its_person_too() {
        let people = plan(&["Maya Okafor", "山田", "Zoë Lindqvist-Ærø", "  Ana  (CM) "]);
        let path =
            |plan_path, i| default_path(plan_path, &people, Subject::Person(i), ReportFormat::Html);
        let team = Some(Path::new("examples/team-review.yaml"));
        assert_eq!(
            path(team, 0),
            PathBuf::from("examples/team-review-maya-okafor.html")
        );
        assert_eq!(
            path(team, 1),
            PathBuf::from("examples/team-review-person-2.html")
        );
        assert_eq!(
            path(team, 2),
            PathBuf::from("examples/team-review-zoe-lindqvist-aero.html")
        );
        assert_eq!(path(None, 3), PathBuf::from("q3-plan-ana-jon-ana-cm.html"));
    }

    #[test]
    fn a_job_ad_never_replaces_the_role_description() {
        let people = plan(&["Maya Okafor"]);
        let team = Some(Path::new("examples/team-review.yaml"));
        assert_eq!(
            default_path(team, &people, Subject::Person(0), ReportFormat::PostingHtml),
            PathBuf::from("examples/team-review-maya-okafor-job-ad.html")
        );
        assert_eq!(
            document_name(ReportFormat::PostingMarkdown),
            "the job ad (Markdown)"
        );
        assert_eq!(document_name(ReportFormat::Csv), "the CSV report");
    }

    #[test]
    fn retargeting_changes_only_report_extensions() {
        assert_eq!(retarget("a/b.md", ReportFormat::Json), "a/b.json");
        assert_eq!(retarget("notes.txt", ReportFormat::Json), "notes.txt");
    }
}
