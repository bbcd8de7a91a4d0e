//! `check --show-fixes`, `--diff` and `--fix` through the built binary, on copies of the
//! examples: fixes are shown, previewed without writing, and applied in place keeping the
//! file's comments.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(args)
        .current_dir(dir)
        .env("ROLESCOPE_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn copy(dir: &Path, example: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example),
    )
    .unwrap();
    std::fs::write(dir.join(example), &text).unwrap();
    text
}

/// How many findings of each severity the plan has now.
fn counts(dir: &Path, file: &str) -> serde_json::Value {
    let (_, out, _) = run(dir, &["check", file, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let n = |s: &str| findings.iter().filter(|f| f["severity"] == s).count();
    serde_json::json!({"errors": n("error"), "warnings": n("warning")})
}

#[test]
fn fixes_are_shown_previewed_and_applied_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let original = copy(d, "team-review.yaml");

    let (_, out, _) = run(
        d,
        &[
            "check",
            "team-review.yaml",
            "--format",
            "json",
            "--show-fixes",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let with_fixes = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fixes"].as_array().is_some_and(|a| !a.is_empty()))
        .count();
    assert!(with_fixes > 0, "{out}");
    let fix = &doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|f| f["fixes"].as_array()?.first().cloned())
        .unwrap();
    for field in [
        "id",
        "kind",
        "description",
        "safe",
        "changes",
        "clears",
        "creates",
    ] {
        assert!(fix.get(field).is_some(), "{field} in {fix}");
    }

    let (code, out, _) = run(d, &["check", "team-review.yaml", "--diff"]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("--- a/team-review.yaml\n+++ b/team-review.yaml\n@@"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("team-review.yaml")).unwrap(),
        original
    );

    let before = counts(d, "team-review.yaml");
    let (_, _, err) = run(d, &["check", "team-review.yaml", "--fix", "--unsafe-fixes"]);
    assert!(err.starts_with("fixed team-review.yaml:"), "{err}");
    let after = counts(d, "team-review.yaml");
    assert_eq!(after["errors"], 0, "{after}");
    assert!(
        after["warnings"].as_u64() < before["warnings"].as_u64(),
        "{before} -> {after}"
    );
    let fixed = std::fs::read_to_string(d.join("team-review.yaml")).unwrap();
    for comment in original.lines().filter(|l| l.starts_with('#')) {
        assert!(fixed.contains(comment), "kept: {comment}");
    }
}

#[test]
fn the_startup_offer_is_left_with_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(d, "startup-offer.yaml");
    assert!(counts(d, "startup-offer.yaml")["errors"].as_u64() > Some(0));
    run(
        d,
        &["check", "startup-offer.yaml", "--fix", "--unsafe-fixes"],
    );
    assert_eq!(counts(d, "startup-offer.yaml")["errors"], 0);
}

#[test]
fn standard_input_can_be_diffed_but_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(d, "team-review.yaml");
    let out = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(["check", "-", "--fix"])
        .current_dir(d)
        .env("ROLESCOPE_CONFIG_DIR", d.join("config"))
        .stdin(std::fs::File::open(d.join("team-review.yaml")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--diff"));
}
