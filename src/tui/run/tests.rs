//! The loop's own I/O helpers: exporting a report, and `~` in a typed path.

use super::*;

fn app() -> App {
    let catalog = Arc::new(Catalog::builtin().unwrap());
    let mut plan = Plan::new("t");
    plan.people.push(crate::plan::Person::new(
        "Ana",
        crate::plan::RoleSpec::Single("community-manager".into()),
    ));
    App::new(catalog, plan, None)
}

#[test]
fn export_writes_the_report_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    let written = export(&app(), &path, ReportFormat::Json, Subject::Person(0)).unwrap();
    assert!(written.is_absolute());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"Ana\""), "{text}");
}

#[test]
fn a_job_ad_of_the_team_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ad.md");
    let err = export(&app(), &path, ReportFormat::PostingMarkdown, Subject::Team).unwrap_err();
    assert!(err.contains("one person"), "{err}");
    assert!(!path.exists());
    export(
        &app(),
        &path,
        ReportFormat::PostingMarkdown,
        Subject::Person(0),
    )
    .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Community Manager\n")
    );
}

#[test]
fn a_failed_export_names_the_path_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("r.md");
    let err = export(&app(), &path, ReportFormat::Markdown, Subject::Team).unwrap_err();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    assert!(err.contains("No such file"), "{err}");
    assert!(!err.contains(" at path "), "{err}");
}

#[test]
fn home_is_expanded_only_at_the_start() {
    if let Some(home) = std::env::var_os("HOME") {
        assert_eq!(
            expand_home(Path::new("~/a.txt")),
            PathBuf::from(home).join("a.txt")
        );
    }
    assert_eq!(expand_home(Path::new("a/~/b")), PathBuf::from("a/~/b"));
}
