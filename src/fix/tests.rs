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

/// Two people over capacity, two teammates with room 5 h and 3 h: the one over by 3 h must go
/// to the smaller room so the one over by 5 h fits the larger. Taking the most room first (the
/// greedy pass) leaves the second over capacity; the program clears both.
fn two_over_two_with_room() -> Plan {
    let base = "  - cm-welcome-new-members\n  - cm-write-guidelines\n  - cm-introduce-members\n  - cm-ambassador-program\n  - cm-meetups\n  - cm-carry-member-concerns\n";
    let person = |name: &str, capacity: u32, extra: &str| {
        format!(
            "- name: {name}\n  role: community-manager\n  capacity: {capacity}\n  tasks:\n{extra}{base}"
        )
    };
    let text = format!(
        "version: 1\nname: Two over, two with room\npeople:\n{}{}{}{}",
        person("Ana", 13, "  - id: cm-peer-mentoring\n    hours: 3\n"),
        person("Ben", 13, "  - id: cm-volunteer-moderators\n    hours: 5\n"),
        person("Xia", 18, ""),
        person("Yul", 16, ""),
    );
    parse_plan("two-over.yaml", &text).expect("plan")
}

#[test]
fn the_program_finds_the_allocation_the_greedy_pass_misses() {
    let catalog = Catalog::builtin().expect("catalog");
    let plan = two_over_two_with_room();
    assert_eq!(analyze(&catalog, &plan).counts(), [2, 0, 0]);
    let settings = FixSettings::builtin().expect("settings");
    let result = rebalance(&catalog, &plan, &settings, false);
    assert_eq!(result.analysis.counts(), [0, 0, 0], "{:?}", result.applied);
    assert!(result.method.program_kept, "{}", result.method.summary());
    // The greedy pass alone leaves one over-capacity error.
    assert!(result.method.greedy_left >= settings.weights.error);
    assert_eq!(result.method.program_left, Some(0.0));
    let moves: Vec<_> = result.applied.iter().map(|f| &f.changes).collect();
    assert!(
        moves.iter().any(
            |c| matches!(&c[..], [Change::Move { from, to, .. }] if from == "Ana" && to == "Yul")
        ),
        "{moves:?}"
    );
    assert!(result.method.summary().contains("mixed-integer program"));
}

#[test]
fn without_the_program_the_same_plan_keeps_an_error() {
    // The same plan with the program switched off (no rounds): the greedy pass's answer.
    let catalog = Catalog::builtin().expect("catalog");
    let plan = two_over_two_with_room();
    let mut settings = FixSettings::builtin().expect("settings");
    settings.program.max_rounds = 0;
    let result = rebalance(&catalog, &plan, &settings, false);
    assert_eq!(result.analysis.counts()[0], 1);
    assert!(!result.method.program_kept);
}

#[test]
fn a_move_off_is_offered_to_each_teammate_with_room() {
    let catalog = Catalog::builtin().expect("catalog");
    let mut plan = two_over_two_with_room();
    let mut analysis = analyze(&catalog, &plan);
    let settings = FixSettings::builtin().expect("settings");
    let ana = analysis.findings[0].clone();
    let fixes = fixes_for(&catalog, &mut plan, &mut analysis, &ana, &settings);
    let to: Vec<&str> = fixes
        .iter()
        .filter_map(|f| match &f.changes[..] {
            [Change::Move { to, .. }] => Some(to.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(to, ["Xia", "Yul"], "{fixes:?}");
    assert_eq!(fixes[0].id, "move-off:Ana");
    assert_eq!(fixes[1].id, "move-off:Ana:Yul");
}

#[test]
fn the_rebalance_is_never_worse_than_the_greedy_pass_and_leaves_nobody_over_capacity() {
    let (catalog, plan) = team();
    let settings = FixSettings::builtin().expect("settings");
    for allow_unsafe in [false, true] {
        let result = rebalance(&catalog, &plan, &settings, allow_unsafe);
        let left: f64 = result
            .analysis
            .findings
            .iter()
            .map(|f| settings.weight(f.severity))
            .sum();
        assert!(
            left <= result.method.greedy_left,
            "{}",
            result.method.summary()
        );
        for (person, summary) in result.plan.people.iter().zip(&result.analysis.people) {
            let before = plan.people.iter().position(|p| p.name == person.name);
            let was = before.map_or(0.0, |i| analyze(&catalog, &plan).people[i].hours);
            assert!(
                summary.hours <= person.capacity || summary.hours <= was,
                "{} pushed over capacity",
                person.name
            );
        }
    }
}

#[test]
fn a_contained_thread_is_known_by_its_name() {
    assert!(!program::is_contained_thread());
    let inside = std::thread::Builder::new()
        .name(program::SOLVER_THREAD.to_owned())
        .spawn(program::is_contained_thread)
        .expect("thread")
        .join()
        .expect("no panic");
    assert!(inside);
}
