use super::*;
use crate::plan::parse_plan;
use crate::{Catalog, analyze};

fn team() -> (Catalog, Plan) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/team-review.yaml"
    ))
    .expect("example");
    (
        Catalog::builtin().expect("catalog"),
        parse_plan("team-review.yaml", &text).expect("plan"),
    )
}

use crate::plan::Plan;

#[test]
fn every_fix_clears_its_finding_and_creates_no_error() {
    let (catalog, mut plan) = team();
    let mut analysis = analyze(&catalog, &plan);
    let settings = FixSettings::builtin().expect("settings");
    let before = plan.clone();
    let mut offered = 0;
    for finding in analysis.findings.clone() {
        let finding = &finding;
        for fix in fixes_for(&catalog, &mut plan, &mut analysis, finding, &settings) {
            offered += 1;
            assert!(fix.clears.contains(&FindingKey::of(finding)), "{fix:?}");
            assert!(fix.creates.iter().all(|k| k.severity != Severity::Error));
            // Applied for real, the finding is gone.
            let mut fixed = plan.clone();
            apply(&mut fixed, &fix.changes).expect("applies");
            let after = analyze(&catalog, &fixed);
            assert!(
                !after
                    .findings
                    .iter()
                    .any(|f| FindingKey::of(f) == FindingKey::of(finding)
                        && f.person == finding.person),
                "{fix:?}"
            );
        }
        assert_eq!(plan, before, "trying fixes leaves the plan as it was");
        assert_eq!(
            analysis.findings,
            analyze(&catalog, &plan).findings,
            "and the analysis"
        );
    }
    assert!(offered > 0);
}

#[test]
fn an_out_of_role_task_moves_to_a_teammate_who_owns_it_safely() {
    let (catalog, mut plan) = team();
    let mut analysis = analyze(&catalog, &plan);
    let settings = FixSettings::builtin().expect("settings");
    let finding = analysis
        .findings
        .iter()
        .find(|f| f.rule == Rule::OutOfRole && f.task.as_deref() == Some("cm-meetups"))
        .expect("Jon runs the meetups")
        .clone();
    let fixes = fixes_for(&catalog, &mut plan, &mut analysis, &finding, &settings);
    let first = fixes.first().expect("a fix");
    assert!(first.safe, "{first:?}");
    assert!(
        matches!(&first.changes[0], Change::Move { task, to, .. } if task == "cm-meetups" && to != "Jon Park")
    );
    assert!(
        fixes
            .iter()
            .any(|f| !f.safe && f.id.starts_with("unassign:"))
    );
}
