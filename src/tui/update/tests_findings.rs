//! `update` accepting findings: a person's, the team's, one coverage gap, and a finding that
//! names neither task nor category; each with the reason typed, and undone.

use crossterm::event::KeyCode;

use super::tests::{catalog, key, press, team_review, typed};
use super::*;
use crate::finding::Rule;
use crate::plan::{Acceptance, parse_plan};

#[test]
fn accepting_a_finding_moves_it_to_accepted() {
    let mut app = team_review();
    key(&mut app, 'j');
    key(&mut app, '4');
    let finding = app.highlighted_finding().unwrap().clone();
    assert_eq!(
        (finding.rule, finding.task.as_deref()),
        (Rule::OutOfRole, Some("cm-meetups"))
    );
    key(&mut app, 'x');
    press(&mut app, KeyCode::Enter);
    assert!(app.status.contains("reason"), "{}", app.status);
    typed(&mut app, "He asked for it");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert!(!app.analysis.findings.contains(&finding));
    let accepted = app.analysis.accepted.iter().find(|a| a.finding == finding);
    assert_eq!(accepted.unwrap().reason, "He asked for it");
    assert_eq!(
        app.plan.people[1].accept[0].task.as_deref(),
        Some("cm-meetups")
    );
}

#[test]
fn team_findings_are_accepted_in_the_plan() {
    let mut app = team_review();
    key(&mut app, '4');
    key(&mut app, 't');
    assert_eq!(app.scope, Scope::Team);
    key(&mut app, 'G');
    let gap = app.highlighted_finding().unwrap().clone();
    assert_eq!((gap.rule, gap.person_index), (Rule::CoverageGap, None));
    key(&mut app, 'x');
    typed(&mut app, "hiring in Q4");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.accept.len(), 1);
    assert_eq!(app.plan.accept[0].rule, Rule::CoverageGap);
    assert!(app.analysis.team_findings().next().is_none());
    assert!(app.selected.findings < app.visible_findings().len());
}

#[test]
fn accepting_one_gap_accepts_that_gap_only_and_undo_restores_it() {
    // A community manager with onboarding and guidelines only: four core categories uncovered.
    let text = "name: gaps\npeople:\n- name: Ana\n  role: community-manager\n  tasks: [cm-welcome-new-members, cm-write-guidelines]\n";
    let mut app = App::new(catalog(), parse_plan("gaps.yaml", text).unwrap(), None);
    let gaps = |app: &App| -> Vec<String> {
        app.analysis
            .team_findings()
            .filter_map(|f| f.category.clone())
            .collect()
    };
    let before = gaps(&app);
    assert_eq!(before.len(), 4, "{before:?}");
    key(&mut app, '4');
    key(&mut app, 't');
    app.selected.findings = app
        .visible_findings()
        .iter()
        .position(|f| f.category.as_deref() == Some("cm-events"))
        .unwrap();
    key(&mut app, 'x');
    assert_eq!(
        app.top_overlay().map(|o| matches!(
            o,
            Overlay::Prompt { kind: PromptKind::Accept { category: Some(c), .. }, .. } if c == "cm-events"
        )),
        Some(true)
    );
    assert_eq!(
        app.status,
        "Why is the gap in “Events and meetups” intended?"
    );
    typed(&mut app, "agency runs events");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.status, "Accepted the gap in “Events and meetups”.");
    assert_eq!(
        app.plan.accept,
        [Acceptance {
            rule: Rule::CoverageGap,
            task: None,
            category: Some("cm-events".to_owned()),
            reason: "agency runs events".to_owned(),
        }]
    );
    let left = gaps(&app);
    assert_eq!(left.len(), 3, "the other gaps stay: {left:?}");
    assert!(!left.contains(&"cm-events".to_owned()));
    assert_eq!(app.analysis.accepted.len(), 1);
    assert_eq!(
        app.analysis.accepted[0].finding.category.as_deref(),
        Some("cm-events")
    );
    assert!(crate::plan::to_yaml(&app.plan).unwrap().contains(
        "accept:\n- rule: coverage-gap\n  category: cm-events\n  reason: agency runs events\n"
    ));

    key(&mut app, 'u');
    assert_eq!(
        app.status,
        "Undone: accepted the gap in “Events and meetups” (ctrl-r to redo)."
    );
    assert!(app.plan.accept.is_empty());
    assert_eq!(gaps(&app), before);
    assert!(app.analysis.accepted.is_empty());
    update(&mut app, Action::Redo);
    assert_eq!(app.plan.accept.len(), 1);
    assert_eq!(gaps(&app), left);
}

#[test]
fn a_finding_with_neither_task_nor_category_accepts_its_rule_for_that_person() {
    let mut app = team_review();
    key(&mut app, 'j');
    key(&mut app, 'j');
    key(&mut app, '4');
    let f = app.highlighted_finding().unwrap().clone();
    assert_eq!(
        (
            f.rule,
            f.person_index,
            f.task.as_deref(),
            f.category.as_deref()
        ),
        (Rule::UnderUse, Some(2), None, None)
    );
    key(&mut app, 'x');
    typed(&mut app, "part-time this quarter");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan.people[2].accept,
        [Acceptance {
            rule: Rule::UnderUse,
            task: None,
            category: None,
            reason: "part-time this quarter".to_owned(),
        }]
    );
    assert!(app.plan.accept.is_empty());
}
