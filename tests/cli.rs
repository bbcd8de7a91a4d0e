//! The command line through the built binary: exit codes, stdout shape, stderr messages.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs rolescope from the crate root with an empty config dir (no user catalogs).
fn rolescope(args: &[&str]) -> Output {
    let config = tempfile::tempdir().unwrap();
    rolescope_with_config(args, config.path())
}

fn rolescope_with_config(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(args)
        .current_dir(root())
        .env("ROLESCOPE_CONFIG_DIR", config)
        .env("ROLESCOPE_DATA_DIR", config)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stdout(o)))
}

fn rules_of(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn startup_offer_fails_with_drift_and_title_mismatch() {
    let o = rolescope(&["check", "examples/startup-offer.yaml", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc = json(&o);
    let rules = rules_of(&doc);
    assert!(
        rules.contains(&"role-drift".to_owned()) && rules.contains(&"title-mismatch".to_owned()),
        "{rules:?}"
    );
    let person = &doc["people"][0];
    assert_eq!(person["role"], "community-manager");
    assert_eq!(person["best_fit"], "social-media-manager");
    let social = person["shares"]["social-media-manager"].as_f64().unwrap();
    assert!(social > 0.9, "{social}");
}

#[test]
fn hiring_scope_has_nothing_at_warning_or_above() {
    let o = rolescope(&[
        "check",
        "examples/hiring-scope.yaml",
        "--fail-on",
        "warning",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let doc = json(&o);
    for f in doc["findings"].as_array().unwrap() {
        assert_eq!(f["severity"], "info", "{f}");
    }
    let social = doc["people"][0]["shares"]["social-media-manager"]
        .as_f64()
        .unwrap();
    assert!(
        social > 0.0 && social < 0.35,
        "a little social work: {social}"
    );
}

#[test]
fn team_review_reports_overload_out_of_role_and_a_gap() {
    let o = rolescope(&["check", "examples/team-review.yaml", "--format", "json"]);
    let doc = json(&o);
    let people = doc["people"].as_array().unwrap();
    assert!(people.len() >= 4);
    assert!(people.iter().any(|p| p["role"].is_object()), "one hybrid");
    let findings = doc["findings"].as_array().unwrap();
    let find = |rule: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} reported"))
    };
    assert_eq!(find("over-capacity")["person"], "Maya Okafor");
    assert_eq!(find("out-of-role")["task"], "cm-meetups");
    assert!(find("coverage-gap")["person"].is_null());
    assert_eq!(
        o.status.code(),
        Some(0),
        "no errors, so the default --fail-on passes"
    );
    let o = rolescope(&["check", "examples/team-review.yaml", "--fail-on", "warning"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn json_has_the_documented_shape() {
    let o = rolescope(&["check", "examples/team-review.yaml", "--format", "json"]);
    let doc = json(&o);
    for key in ["plan", "people", "findings", "accepted"] {
        assert!(doc.get(key).is_some(), "{key}");
    }
    for p in doc["people"].as_array().unwrap() {
        for key in ["name", "role", "capacity", "hours", "shares", "best_fit"] {
            assert!(p.get(key).is_some(), "person.{key}");
        }
        let sum: f64 = p["shares"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-3, "shares sum to 1: {sum}");
    }
    for f in doc["findings"].as_array().unwrap() {
        for key in [
            "rule",
            "severity",
            "person",
            "task",
            "category",
            "message",
            "explanation",
        ] {
            assert!(f.get(key).is_some(), "finding.{key}");
        }
    }
    let two = rolescope(&[
        "check",
        "examples/team-review.yaml",
        "examples/hiring-scope.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(
        json(&two).as_array().map(Vec::len),
        Some(2),
        "several plans give an array"
    );
}

#[test]
fn text_output_groups_by_person_with_symbols_and_no_colour_when_piped() {
    let o = rolescope(&["check", "examples/team-review.yaml"]);
    let out = stdout(&o);
    assert!(
        out.contains("Maya Okafor") && out.contains("! warning over-capacity:"),
        "{out}"
    );
    assert!(out.contains("Team") && out.contains("coverage-gap:"));
    assert!(!out.contains('\u{1b}'), "no escape codes in a pipe");
    let coloured = rolescope(&["check", "examples/team-review.yaml", "--color", "always"]);
    assert!(stdout(&coloured).contains('\u{1b}'));
    let brief = rolescope(&["check", "examples/team-review.yaml", "--brief"]);
    assert!(stdout(&brief).len() < out.len());
}

#[test]
fn fail_on_levels() {
    let code = |level: &str| {
        rolescope(&["check", "examples/startup-offer.yaml", "--fail-on", level])
            .status
            .code()
    };
    assert_eq!(code("never"), Some(0));
    assert_eq!(code("error"), Some(1));
    assert_eq!(code("info"), Some(1));
}

#[test]
fn broken_yaml_exits_2_with_file_line_column() {
    let o = rolescope(&["check", "tests/fixtures/broken-syntax.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: tests/fixtures/broken-syntax.yaml:"),
        "{err}"
    );
    assert!(
        err.split(':')
            .nth(2)
            .is_some_and(|l| l.trim().parse::<usize>().is_ok()),
        "line number: {err}"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn unknown_fields_and_wrong_types_are_named() {
    let o = rolescope(&["check", "tests/fixtures/unknown-field.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown-field.yaml:5:3:") && err.contains("unknown field `capcity`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `capacity`?") && err.contains("expected one of"),
        "{err}"
    );

    let o = rolescope(&["check", "tests/fixtures/wrong-type.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("wrong-type.yaml:5:")
            && err.contains("capacity")
            && err.contains("invalid type"),
        "{err}"
    );
}

#[test]
fn unknown_ids_are_findings_with_location_and_did_you_mean() {
    let o = rolescope(&["check", "tests/fixtures/unknown-ids.yaml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // Messages wrap to the width; compare with runs of white space folded.
    let out = stdout(&o).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.contains("unknown-role:") && out.contains("did you mean `community-manager`?"),
        "{out}"
    );
    assert!(
        out.contains("unknown-task:") && out.contains("did you mean `sm-schedule-posts`?"),
        "{out}"
    );
    assert!(out.contains("(line 10, column 5)"), "{out}");
}

#[test]
fn accepting_one_gap_by_category_leaves_the_others_and_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let plan = |accept: &str| {
        let path = dir.path().join("plan.yaml");
        let text = format!(
            "name: Gaps\naccept:\n{accept}people:\n- name: Ana\n  role: community-manager\n  tasks: [cm-welcome-new-members, cm-write-guidelines]\n"
        );
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let path =
        plan("- rule: coverage-gap\n  category: cm-events\n  reason: the agency runs events\n");
    let o = rolescope(&["check", &path, "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "gaps are warnings: {}",
        stderr(&o)
    );
    let doc = json(&o);
    let gaps: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "coverage-gap")
        .map(|f| f["category"].as_str().unwrap())
        .collect();
    assert_eq!(gaps, ["cm-connection", "cm-advocacy", "cm-member-voice"]);
    let accepted = doc["accepted"].as_array().unwrap();
    assert_eq!(accepted.len(), 1, "{accepted:?}");
    assert_eq!(accepted[0]["category"], "cm-events");
    assert_eq!(accepted[0]["reason"], "the agency runs events");
    let text = stdout(&rolescope(&["check", &path, "--brief"]));
    assert!(
        text.contains("✓ coverage-gap (team, cm-events): the agency runs events"),
        "{text}"
    );

    // A typo is a located finding with a did-you-mean, and accepts nothing.
    let path = plan("- rule: coverage-gap\n  category: cm-event\n  reason: r\n");
    let o = rolescope(&["check", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.contains("unknown-category: accept `coverage-gap` names unknown category `cm-event` (did you mean `cm-events`?) (line 4, column 13)"),
        "{out}"
    );
    assert!(!out.contains("accepted"), "{out}");

    // A category on a rule whose findings have none is bad input.
    let path = plan("- rule: over-capacity\n  category: cm-events\n  reason: r\n");
    let o = rolescope(&["check", &path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!(
            "{path}:4:13: accept `over-capacity` with category `cm-events`: its findings are not about one category"
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_files_directories_and_bad_usage_exit_2() {
    let o = rolescope(&["check", "no/such/plan.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/plan.yaml: no such file"),
        "{}",
        stderr(&o)
    );
    let o = rolescope(&["check", "examples"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a directory"));
    let o = rolescope(&[
        "check",
        "examples/hiring-scope.yaml",
        "--fail-on",
        "sometimes",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = rolescope(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn empty_and_binary_plans_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.yaml");
    std::fs::write(&empty, "").unwrap();
    let o = rolescope(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
    let bin = dir.path().join("bin.yaml");
    std::fs::write(&bin, [0x7f, b'E', b'L', b'F', 0, 1, 2]).unwrap();
    let o = rolescope(&["check", bin.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
}

#[test]
fn plans_can_come_from_stdin() {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(["check", "-", "--format", "json"])
        .env("ROLESCOPE_CONFIG_DIR", tempfile::tempdir().unwrap().path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let plan = std::fs::read(root().join("examples/startup-offer.yaml")).unwrap();
    child.stdin.take().unwrap().write_all(&plan).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["people"][0]["name"], "Alex Rivera");
}

#[test]
fn without_a_terminal_the_interactive_view_points_to_check() {
    let o = rolescope(&["examples/team-review.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("needs a terminal")
            && err.contains("rolescope check examples/team-review.yaml"),
        "{err}"
    );
    let help = rolescope(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let out = stdout(&help);
    assert!(
        out.contains("Usage:") && out.contains("check") && out.contains("[PLAN]"),
        "{out}"
    );
}

#[test]
fn the_interactive_view_reports_bad_plans_before_taking_the_terminal() {
    let o = rolescope(&["tests/fixtures/unknown-field.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown-field.yaml:5:3: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_third_role_is_a_yaml_only_change() {
    let args = [
        "--catalog",
        "tests/fixtures/developer-advocate.yaml",
        "check",
        "tests/fixtures/devrel-plan.yaml",
        "--format",
        "json",
    ];
    let o = rolescope(&args);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    let doc = json(&o);
    let kim = &doc["people"][0];
    assert!(
        kim["shares"]["developer-advocate"].as_f64().unwrap() > 0.3,
        "{kim}"
    );
    let findings = doc["findings"].as_array().unwrap();
    // Meetups are covered by the new role's `covers`; paid social is not.
    let out_of_role: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "out-of-role" && f["person"] == "Kim")
        .map(|f| f["task"].as_str().unwrap())
        .collect();
    assert_eq!(out_of_role, vec!["sm-paid-social"]);
    assert!(
        findings.iter().all(|f| f["rule"] != "unknown-role"),
        "{findings:?}"
    );
    // Its categories count for coverage: nobody reports developer friction.
    assert!(findings.iter().any(|f| {
        f["rule"] == "coverage-gap"
            && f["message"]
                .as_str()
                .unwrap()
                .contains("Developer feedback")
    }));

    let list = rolescope(&[
        "--catalog",
        "tests/fixtures/developer-advocate.yaml",
        "catalog",
        "list",
    ]);
    assert!(
        stdout(&list).contains("developer-advocate  Developer Advocate"),
        "{}",
        stdout(&list)
    );
}

#[test]
fn user_catalogs_override_builtins_and_clash_with_each_other() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("catalogs");
    std::fs::create_dir(&dir).unwrap();
    let task = "tasks:\n- id: cm-meetups\n  title: Run the city meetups\n  role: community-manager\n  category: cm-events\n  hours: 6\n  why: Members meet in person.\n";
    std::fs::write(dir.join("a.yaml"), task).unwrap();
    let o = rolescope_with_config(&["catalog", "list", "--format", "json"], config.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json(&o);
    let meetups = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "cm-meetups")
        .unwrap();
    assert_eq!(meetups["hours"], 6.0);
    assert!(
        meetups["origin"]["overrides"]
            .as_str()
            .unwrap()
            .starts_with("<built-in>/")
    );

    std::fs::write(dir.join("b.yaml"), task).unwrap();
    let o = rolescope_with_config(&["check", "examples/hiring-scope.yaml"], config.path());
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("b.yaml") && err.contains("a.yaml") && err.contains("`cm-meetups`"),
        "{err}"
    );
}

#[test]
fn catalog_validate_reports_ok_or_every_problem() {
    let o = rolescope(&[
        "catalog",
        "validate",
        "tests/fixtures/developer-advocate.yaml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(
            "ok: tests/fixtures/developer-advocate.yaml (1 roles, 2 categories, 3 tasks)"
        ),
        "{}",
        stdout(&o)
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "tasks:\n- {id: x, title: X, role: community-manager, category: cm-event, hours: 0, why: w}\n").unwrap();
    let o = rolescope(&["catalog", "validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("did you mean `cm-events`?") && err.contains("0 typical hours"),
        "{err}"
    );
    assert!(err.contains("2 problems found"), "{err}");
}
