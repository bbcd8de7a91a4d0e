//! `update` listing accepted findings (`A`) and withdrawing them (`w`), and renaming the plan
//! (`N`), driven through the keys.

use crossterm::event::KeyCode;

use super::tests::{catalog, key, press, team_review, typed};
use super::*;
use crate::finding::Rule;
use crate::plan::{Acceptance, parse_plan};
use crate::tui::state::Focus;

/// The example team with Jon's out-of-role meetups accepted through the keys, the findings
/// pane focused on Jon.
fn jon_accepted() -> App {
    let mut app = team_review();
    key(&mut app, 'j');
    key(&mut app, '4');
    key(&mut app, 'x');
    typed(&mut app, "He asked for it");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people[1].accept.len(), 1);
    app
}

#[test]
fn accepted_findings_are_listed_with_their_reasons_and_withdrawn_as_one_undoable_change() {
    let mut app = jon_accepted();
    let active = app.visible_findings().len();
    assert!(app.visible_accepted().is_empty(), "hidden by default");
    assert_eq!(app.accepted_in_scope().len(), 1, "but counted");

    key(&mut app, 'A');
    assert!(app.show_accepted);
    assert_eq!(
        app.status,
        "1 accepted finding, listed after the others (w withdraws it)."
    );
    assert_eq!(app.pane_len(Focus::Findings), active + 1);
    assert_eq!(
        app.selected.findings, active,
        "the accepted row is highlighted"
    );
    let accepted = app.highlighted_accepted().expect("an accepted row").clone();
    assert_eq!(accepted.reason, "He asked for it");
    assert_eq!(accepted.finding.task.as_deref(), Some("cm-meetups"));
    assert!(app.highlighted_finding().is_none());

    key(&mut app, 'w');
    assert_eq!(
        app.status,
        "Withdrew the acceptance of out-of-role for Jon Park: “He asked for it” (u undoes it)."
    );
    assert!(app.plan.people[1].accept.is_empty());
    assert!(
        !app.dirty,
        "accepted then withdrawn: the plan is the file's again"
    );
    assert!(app.analysis.accepted.is_empty());
    assert_eq!(
        app.highlighted_finding(),
        Some(&accepted.finding),
        "the finding is back, and highlighted"
    );
    assert_eq!(app.pane_len(Focus::Findings), active + 1);

    key(&mut app, 'u');
    assert_eq!(
        app.status,
        "Undone: withdrew the acceptance of out-of-role for Jon Park: “He asked for it” (ctrl-r to redo)."
    );
    assert_eq!(app.plan.people[1].accept[0].reason, "He asked for it");
    assert_eq!(app.analysis.accepted.len(), 1);
    update(&mut app, Action::Redo);
    assert!(app.plan.people[1].accept.is_empty());
    key(&mut app, 'u');
    key(&mut app, 'u');
    assert!(
        app.plan.people[1].accept.is_empty(),
        "the accept is undone too"
    );
    assert!(!app.dirty, "back to the file");
}

#[test]
fn withdraw_and_accept_refuse_the_wrong_kind_of_row() {
    let mut app = jon_accepted();
    key(&mut app, 'w');
    assert_eq!(
        app.status,
        "Only an accepted finding can be withdrawn; A lists them."
    );
    // Jon's one finding is accepted; the team has active ones above it.
    key(&mut app, 't');
    key(&mut app, 'A');
    key(&mut app, 'g');
    assert!(app.highlighted_finding().is_some());
    key(&mut app, 'w');
    assert_eq!(app.status, "Only an accepted finding (✓) can be withdrawn.");
    key(&mut app, 'G');
    key(&mut app, 'x');
    assert_eq!(
        app.status,
        "Accepted already: “He asked for it” (w withdraws it)."
    );
    assert!(app.overlays.is_empty(), "no prompt for an accepted finding");
    assert_eq!(app.plan.people[1].accept.len(), 1, "nothing changed");
    assert!(!app.can_redo());
}

#[test]
fn hiding_the_accepted_findings_keeps_the_selection_on_a_listed_row() {
    let mut app = jon_accepted();
    key(&mut app, 'A');
    let last = app.selected.findings;
    assert!(app.highlighted_accepted().is_some());
    key(&mut app, 'A');
    assert_eq!(app.status, "Accepted findings hidden.");
    assert!(app.selected.findings < last.max(1));
    assert!(app.highlighted_accepted().is_none());
    // Zoë has no accepted findings: listing says so.
    key(&mut app, '1');
    key(&mut app, 'j');
    key(&mut app, '4');
    key(&mut app, 'A');
    assert_eq!(app.status, "No accepted findings for Zoë Lindqvist.");
}

#[test]
fn a_team_gap_is_withdrawn_from_the_plans_own_list() {
    let mut app = team_review();
    key(&mut app, '4');
    key(&mut app, 't');
    key(&mut app, 'G');
    let gap = app.highlighted_finding().expect("the gap").clone();
    assert_eq!(gap.rule, Rule::CoverageGap);
    key(&mut app, 'x');
    typed(&mut app, "hiring in Q4");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.accept.len(), 1);
    key(&mut app, 'A');
    assert_eq!(app.highlighted_accepted().map(|a| &a.finding), Some(&gap));
    key(&mut app, 'w');
    assert!(
        app.status
            .starts_with("Withdrew the acceptance of the gap in “Advocates, ambassadors and"),
        "{}",
        app.status
    );
    assert!(app.plan.accept.is_empty());
    assert_eq!(app.highlighted_finding(), Some(&gap));
}

#[test]
fn withdrawing_an_entry_that_accepts_several_findings_says_so() {
    // A social media manager with two community tasks, both out of role, accepted by one entry
    // that names no task; a second entry would accept them too, but the first is the one used.
    let text = "name: two\npeople:\n- name: Ben\n  role: social-media-manager\n  tasks: [sm-schedule-posts, sm-write-copy, sm-reply-comments, cm-meetups, cm-flagship-event]\n  accept:\n  - rule: out-of-role\n    reason: covering for Ana\n  - rule: out-of-role\n    task: cm-meetups\n    reason: his own idea\n";
    let mut app = App::new(
        catalog(),
        parse_plan("two.yaml", text).expect("a plan"),
        None,
    );
    let out_of_role = |app: &App| {
        app.analysis
            .accepted
            .iter()
            .filter(|a| a.finding.rule == Rule::OutOfRole)
            .count()
    };
    assert_eq!(out_of_role(&app), 2, "{:?}", app.analysis.accepted);
    key(&mut app, '4');
    key(&mut app, 'A');
    while app
        .highlighted_accepted()
        .is_some_and(|a| a.finding.rule != Rule::OutOfRole)
    {
        key(&mut app, 'j');
    }
    assert_eq!(
        app.highlighted_accepted().map(|a| a.reason.as_str()),
        Some("covering for Ana")
    );
    key(&mut app, 'w');
    assert_eq!(
        app.status,
        "Withdrew the acceptance of out-of-role for Ben: “covering for Ana”; it accepted 2 findings (u undoes it)."
    );
    assert_eq!(
        app.plan.people[0].accept,
        [Acceptance {
            rule: Rule::OutOfRole,
            task: Some("cm-meetups".to_owned()),
            category: None,
            reason: "his own idea".to_owned(),
        }]
    );
    let left: Vec<_> = app
        .analysis
        .accepted
        .iter()
        .filter(|a| a.finding.rule == Rule::OutOfRole)
        .map(|a| (a.finding.task.as_deref(), a.reason.as_str()))
        .collect();
    assert_eq!(left, [(Some("cm-meetups"), "his own idea")]);
}

#[test]
fn the_plan_is_renamed_in_one_undoable_step_and_never_to_nothing() {
    let mut app = team_review();
    let old = app.plan.name.clone();
    key(&mut app, 'N');
    match app.top_overlay() {
        Some(Overlay::Prompt {
            kind: PromptKind::RenamePlan,
            input,
        }) => assert_eq!(input.text(), old),
        other => panic!("no rename prompt: {other:?}"),
    }
    for _ in 0..old.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "   ");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.status, "A plan's name cannot be empty.");
    assert!(
        matches!(app.top_overlay(), Some(Overlay::Prompt { .. })),
        "the prompt stays open"
    );
    // Control characters and bidirectional overrides cannot be typed or pasted in.
    update(&mut app, Action::Input('\u{7}'));
    update(
        &mut app,
        Action::Paste("Q4\u{1b}\u{202e} review\n".to_owned()),
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.status, "Renamed the plan to “Q4 review”.");
    assert_eq!(app.plan.name, "Q4 review");
    assert_eq!(app.analysis.plan, "Q4 review");
    assert!(app.dirty);
    assert!(app.overlays.is_empty());

    key(&mut app, 'u');
    assert_eq!(
        app.status,
        "Undone: renamed the plan to “Q4 review” (ctrl-r to redo)."
    );
    assert_eq!(app.plan.name, old);
    assert!(!app.dirty);
    update(&mut app, Action::Redo);
    assert_eq!(app.plan.name, "Q4 review");
}

#[test]
fn renaming_the_plan_to_its_own_name_leaves_no_undo_step() {
    let mut app = team_review();
    key(&mut app, 'N');
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert!(!app.can_undo());
    assert!(!app.dirty);
}
