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

#[test]
fn safe_fixes_respect_accepted_tasks_existing_holders_and_real_splits() {
    let catalog = Catalog::builtin().expect("catalog");
    let settings = FixSettings::builtin().expect("settings");
    // Jon runs the meetups on purpose (accepted); Maya has them already.
    let text = "name: T\npeople:\n- name: Maya\n  role: community-manager\n  tasks: [cm-meetups]\n- name: Jon\n  role: social-media-manager\n  capacity: 10\n  tasks:\n  - id: cm-meetups\n    hours: 6\n    note: Berlin\n  - sm-write-copy\n  - cm-online-events\n  accept:\n  - rule: out-of-role\n    task: cm-meetups\n    reason: he lives in Berlin\n";
    let mut plan = parse_plan("t.yaml", text).expect("plan");
    let mut analysis = analyze(&catalog, &plan);
    for finding in analysis.findings.clone() {
        for fix in fixes_for(&catalog, &mut plan, &mut analysis, &finding, &settings) {
            for change in &fix.changes {
                if let Change::Move { task, to, .. } = change {
                    assert_ne!(task, "cm-meetups", "accepted where it is: {fix:?}");
                    let holder = plan.person(to).expect("teammate");
                    assert!(!holder.has_task(task), "{to} has it already: {fix:?}");
                }
                if let Change::Retitle {
                    role: crate::plan::RoleSpec::Hybrid(parts),
                    ..
                } = change
                {
                    assert!(parts.iter().all(|(_, w)| *w >= 1.0), "{fix:?}");
                }
            }
        }
    }
    // A move onto someone who has the task is refused, not merged at a loss.
    let mut p = plan.clone();
    let err = apply(
        &mut p,
        &[Change::Move {
            task: "cm-meetups".into(),
            from: "Jon".into(),
            to: "Maya".into(),
            hours: 6.0,
        }],
    )
    .expect_err("Maya has it");
    assert!(err.contains("already"), "{err}");
}

#[test]
fn a_fix_of_several_changes_to_one_person_counts_their_findings_once() {
    let catalog = Catalog::builtin().expect("catalog");
    let settings = FixSettings::builtin().expect("settings");
    let text = "name: T\npeople:\n- name: Sam\n  role: community-manager\n  tasks: [cm-meetups, sm-write-copy, sm-paid-social, sm-schedule-posts, sm-grow-followers]\n";
    let mut plan = parse_plan("t.yaml", text).expect("plan");
    let mut analysis = analyze(&catalog, &plan);
    for finding in analysis.findings.clone() {
        for fix in fixes_for(&catalog, &mut plan, &mut analysis, &finding, &settings) {
            for keys in [&fix.clears, &fix.creates] {
                let mut seen = keys.clone();
                seen.dedup();
                assert_eq!(seen.len(), keys.len(), "{fix:?}");
            }
        }
    }
}

#[test]
fn mistyped_ids_in_accept_entries_get_their_did_you_mean() {
    let catalog = Catalog::builtin().expect("catalog");
    let settings = FixSettings::builtin().expect("settings");
    let text = "name: T\naccept:\n- rule: coverage-gap\n  category: cm-event\n  reason: agency runs them\npeople:\n- name: Jon\n  role: social-media-manager\n  tasks: [sm-schedule-posts]\n  accept:\n  - rule: out-of-role\n    task: sm-shedule-posts\n    reason: typo\n";
    let mut plan = parse_plan("t.yaml", text).expect("plan");
    let before = plan.clone();
    let mut analysis = analyze(&catalog, &plan);
    let mut fixed = plan.clone();
    let mut offered = 0;
    for finding in analysis.findings.clone() {
        if !matches!(finding.rule, Rule::UnknownTask | Rule::UnknownCategory) {
            continue;
        }
        let found = fixes_for(&catalog, &mut plan, &mut analysis, &finding, &settings);
        let fix = found
            .first()
            .unwrap_or_else(|| panic!("a fix for {finding:?}"));
        assert!(
            matches!(fix.changes[0], Change::ReplaceAccepted { .. }),
            "{fix:?}"
        );
        apply(&mut fixed, &fix.changes).expect("applies");
        offered += 1;
    }
    assert_eq!(offered, 2);
    assert_eq!(
        plan, before,
        "trying leaves the plan's own accept list as it was"
    );
    assert_eq!(fixed.accept[0].category.as_deref(), Some("cm-events"));
    assert_eq!(
        fixed.people[0].accept[0].task.as_deref(),
        Some("sm-schedule-posts")
    );
    assert!(
        analyze(&catalog, &fixed)
            .findings
            .iter()
            .all(|f| !matches!(f.rule, Rule::UnknownTask | Rule::UnknownCategory))
    );
}
