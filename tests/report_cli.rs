//! `rolescope report` through the built binary: formats, --person, -o, exit codes, messages.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs rolescope from the crate root with an empty config dir (no user catalogs).
fn rolescope(args: &[&str]) -> Output {
    let config = tempfile::tempdir().unwrap();
    run(args, config.path(), None)
}

fn run(args: &[&str], config: &Path, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(args)
        .current_dir(root())
        .env("ROLESCOPE_CONFIG_DIR", config)
        .env("ROLESCOPE_DATA_DIR", config)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(text) = stdin {
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn team_plan_gives_a_markdown_team_review_and_exits_0() {
    let o = rolescope(&["report", "examples/team-review.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("# Team review — Q3 community and social\n"),
        "{out}"
    );
    for heading in [
        "## Workload",
        "## Role mix",
        "## Coverage of core work",
        "## Findings",
    ] {
        assert!(out.contains(heading), "{heading} missing");
    }
}

#[test]
fn one_person_plan_gives_a_role_description_even_with_errors() {
    // `check` exits 1 on this plan; a report is a document, not a gate.
    let o = rolescope(&["report", "examples/startup-offer.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# Community Manager\n"), "{out}");
    assert!(out.contains("## What this role is not"));
    assert!(out.contains("The duties fit Social Media Manager (95%) better than the title"));
}

#[test]
fn person_picks_a_role_description_out_of_a_team() {
    let o = rolescope(&[
        "report",
        "examples/team-review.yaml",
        "--person",
        "jon park",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# Social Media Manager\n"), "{out}");
    assert!(out.contains("Role description for Jon Park"));
}

#[test]
fn person_may_be_the_start_of_one_name() {
    for (given, who) in [
        ("山田 花子", "山田 花子 (Hanako Yamada)"),
        ("maya", "Maya Okafor"),
    ] {
        let o = rolescope(&["report", "examples/team-review.yaml", "--person", given]);
        assert_eq!(o.status.code(), Some(0), "{given}: {}", stderr(&o));
        assert!(
            stdout(&o).contains(&format!("Role description for {who}")),
            "{given}"
        );
    }
    // Not a part of a word: "Ma" is no one's name.
    let o = rolescope(&["report", "examples/team-review.yaml", "--person", "Ma"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unknown_person_exits_2_with_a_did_you_mean() {
    let o = rolescope(&[
        "report",
        "examples/team-review.yaml",
        "--person",
        "Maya Okafr",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("no person named `Maya Okafr` in the plan (did you mean `Maya Okafor`?)"),
        "{err}"
    );
    assert!(err.contains("examples/team-review.yaml"), "{err}");
}

#[test]
fn output_file_is_written_and_its_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.html");
    let o = rolescope(&[
        "report",
        "examples/team-review.yaml",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing on stdout with -o");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // An explicit --format wins over the extension, and a second run replaces the file.
    let o = rolescope(&[
        "report",
        "examples/team-review.yaml",
        "--format",
        "csv",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("person,role,task_id,")
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

#[test]
fn unwritable_output_exits_2_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-dir").join("report.md");
    let o = rolescope(&[
        "report",
        "examples/team-review.yaml",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("cannot write the report to") && err.contains("missing-dir"),
        "{err}"
    );
    assert!(
        !err.contains(".rolescope-"),
        "the temporary file is not named: {err}"
    );
}

#[test]
fn json_is_the_check_document_plus_report_sections() {
    let o = rolescope(&["report", "examples/team-review.yaml", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let c = rolescope(&["check", "examples/team-review.yaml", "--format", "json"]);
    let check: Value = serde_json::from_slice(&c.stdout).unwrap();
    for key in ["plan", "file", "people", "findings", "accepted"] {
        assert_eq!(report[key], check[key], "`{key}` is the same as in check");
    }
    assert_eq!(report["report"]["kind"], "team-review");
    assert_eq!(report["report"]["workload"].as_array().unwrap().len(), 4);
    assert_eq!(
        report["report"]["assignments"].as_array().unwrap().len(),
        43
    );
}

#[test]
fn plan_from_stdin() {
    let text = std::fs::read_to_string(root().join("examples/hiring-scope.yaml")).unwrap();
    let config = tempfile::tempdir().unwrap();
    let o = run(
        &["report", "-", "--format", "csv"],
        config.path(),
        Some(&text),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1 + 19);
}

#[test]
fn bad_input_exits_2() {
    let o = rolescope(&["report", "examples/no-such-plan.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-plan.yaml"), "{}", stderr(&o));

    let o = rolescope(&["report", "tests/fixtures/broken-syntax.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken-syntax.yaml:"), "{}", stderr(&o));

    let o = rolescope(&["report", "examples/team-review.yaml", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("markdown"), "{}", stderr(&o));
}

#[test]
fn a_mistyped_first_name_gets_the_full_name_as_did_you_mean() {
    let o = rolescope(&["report", "examples/team-review.yaml", "--person", "jonn"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `Jon Park`?"),
        "{}",
        stderr(&o)
    );
}
