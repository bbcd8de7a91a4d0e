//! Plans survive load → save → load, and a saved plan saves again byte for byte.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use rolescope::plan::{load_plan, parse_plan, save_plan, to_yaml};

#[test]
fn every_example_plan_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        seen += 1;
        let loaded = load_plan(&path).unwrap();
        let text = to_yaml(&loaded.plan).unwrap();
        let again = parse_plan("saved", &text).unwrap();
        assert_eq!(again, loaded.plan, "{} survives a save", path.display());
        assert_eq!(
            to_yaml(&again).unwrap(),
            text,
            "{} saves byte for byte the second time",
            path.display()
        );
    }
    assert!(seen >= 3, "the examples were found");
}

#[test]
fn save_writes_atomically_and_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    let plan = load_plan(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team-review.yaml"))
        .unwrap()
        .plan;
    save_plan(&path, &plan).unwrap();
    save_plan(&path, &plan).unwrap();
    assert_eq!(load_plan(&path).unwrap().plan, plan);
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "no temporary files are left behind");
}

#[test]
fn a_failed_save_leaves_the_old_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-dir").join("plan.yaml");
    let plan = rolescope::Plan::new("x");
    let err = save_plan(&path, &plan).unwrap_err();
    assert!(
        format!("{err:#}").contains("cannot save the plan to"),
        "{err:#}"
    );
    assert!(!path.exists());
}

#[test]
fn acceptances_with_and_without_a_category_save_byte_for_byte() {
    let text = "\
version: 1
name: Gaps
accept:
- rule: coverage-gap
  category: cm-events
  reason: the agency runs events
- rule: coverage-gap
  reason: older plans accept every gap
people:
- name: Ana
  role: community-manager
  capacity: 40
  tasks:
  - cm-welcome-new-members
  accept:
  - rule: out-of-role
    task: sm-paid-social
    reason: covering in August
";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, text).unwrap();
    let loaded = load_plan(&path).unwrap();
    assert_eq!(loaded.plan.accept[0].category.as_deref(), Some("cm-events"));
    assert_eq!(loaded.plan.accept[1].category, None);
    save_plan(&path, &loaded.plan).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
