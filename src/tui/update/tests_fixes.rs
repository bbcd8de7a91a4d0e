//! Fixes in the view: `f` lists a finding's fixes and Enter applies one as one undo step; `F`
//! lists the team's rebalance, which the loop's worker computes while "Computing…" shows; Enter
//! applies one change and the rest is computed again, `a` applies all as one undo step.

use crossterm::event::KeyCode;

use super::tests::{key, press, team_review};
use super::*;
use crate::finding::Rule;

/// Does what the loop does for the rebalance's effect: computes it and reports back.
fn perform(app: &mut App, effect: Option<&Effect>) {
    if effect == Some(&Effect::Rebalance) {
        let reply = proposal(app);
        assert_eq!(update(app, reply), Effect::None);
    }
}

/// Highlights Jon's out-of-role finding (cm-meetups) in the findings pane.
fn on_jons_meetups(app: &mut App) {
    let jon = app
        .plan
        .people
        .iter()
        .position(|p| p.name == "Jon Park")
        .expect("Jon");
    app.selected.people = jon;
    key(app, '4');
    let row = app
        .visible_findings()
        .iter()
        .position(|f| f.rule == Rule::OutOfRole && f.task.as_deref() == Some("cm-meetups"))
        .expect("Jon's meetups are out of role");
    app.selected.findings = row;
}

fn jon_out_of_role(app: &App) -> bool {
    app.analysis
        .findings
        .iter()
        .any(|f| f.rule == Rule::OutOfRole && f.person.as_deref() == Some("Jon Park"))
}

#[test]
fn f_lists_a_safe_move_first_and_enter_applies_it_as_one_undo_step() {
    let mut app = team_review();
    on_jons_meetups(&mut app);
    key(&mut app, 'f');
    let Some(Overlay::Fixes(list)) = app.top_overlay() else {
        panic!("no fix list: {}", app.status);
    };
    let first = &list.fixes[0];
    assert!(first.safe && first.kind == "move", "{first:?}");
    assert!(list.fixes.len() >= 2, "an unsafe unassign too");
    assert!(
        app.status.contains("out-of-role (Jon Park)"),
        "{}",
        app.status
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert!(!jon_out_of_role(&app), "the finding is gone");
    assert!(
        app.status.starts_with("Moved “") && app.status.ends_with("(u undoes it)."),
        "{}",
        app.status
    );
    assert!(app.dirty);
    // The findings follow at once, as a full analysis would have them.
    assert_eq!(
        app.analysis.findings,
        crate::analyze(&app.catalog, &app.plan).findings
    );
    key(&mut app, 'u');
    assert_eq!(app.plan, app.saved, "one undo step");
    assert!(jon_out_of_role(&app), "the finding is back");
    assert!(app.status.starts_with("Undone: moved “"), "{}", app.status);
}

#[test]
fn arrows_choose_and_esc_applies_nothing() {
    let mut app = team_review();
    on_jons_meetups(&mut app);
    key(&mut app, 'f');
    press(&mut app, KeyCode::Down);
    let Some(Overlay::Fixes(list)) = app.top_overlay() else {
        panic!("no fix list");
    };
    assert_eq!(list.selected, 1);
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert_eq!(app.plan, app.saved);
    assert!(!app.can_undo());
    assert_eq!(app.status, "No fix applied.");
}

#[test]
fn the_unsafe_choice_applies_what_it_says() {
    let mut app = team_review();
    on_jons_meetups(&mut app);
    key(&mut app, 'f');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.status.starts_with("Took “"), "{}", app.status);
    let jon = app.plan.person("Jon Park").expect("Jon");
    assert!(!jon.has_task("cm-meetups"));
    assert!(!jon_out_of_role(&app));
}

#[test]
fn a_finding_without_a_fix_says_so_instead_of_an_empty_list() {
    let mut app = team_review();
    let zoe = app
        .plan
        .people
        .iter()
        .position(|p| p.name == "Zoë Lindqvist")
        .expect("Zoë");
    app.selected.people = zoe;
    key(&mut app, '4');
    assert_eq!(
        app.highlighted_finding().map(|f| f.rule),
        Some(Rule::UnderUse)
    );
    key(&mut app, 'f');
    assert!(app.overlays.is_empty());
    assert!(
        app.status.starts_with("No fix for under-use"),
        "{}",
        app.status
    );
    // Nothing highlighted at all.
    app.selected.people = app
        .plan
        .people
        .iter()
        .position(|p| p.name.starts_with("山田"))
        .expect("Hanako");
    key(&mut app, 'f');
    assert!(app.overlays.is_empty());
    assert_eq!(app.status, "No finding is highlighted.");
}

#[test]
fn rebalance_computes_after_the_screen_says_so_and_a_applies_all_as_one_step() {
    let mut app = team_review();
    let effect = key(&mut app, 'F');
    assert_eq!(effect, Some(Effect::Rebalance));
    let Some(Overlay::Rebalance(list)) = app.top_overlay() else {
        panic!("no rebalance list");
    };
    assert!(list.fixes.is_none(), "computing until the loop reports");
    assert!(app.status.starts_with("Computing"), "{}", app.status);
    perform(&mut app, effect.as_ref());
    let Some(Overlay::Rebalance(list)) = app.top_overlay() else {
        panic!("no rebalance list");
    };
    assert_eq!(list.shown().len(), 3, "{:?}", list.shown());
    assert_eq!(list.after, [0, 0, 0]);
    assert!(list.shown().iter().any(|f| !f.safe), "marked unsafe");
    key(&mut app, 'a');
    assert!(app.overlays.is_empty());
    assert!(
        app.analysis.findings.is_empty(),
        "{:?}",
        app.analysis.findings
    );
    assert_eq!(
        app.status,
        "Applied the rebalance: 3 changes, 1 of them unsafe (u undoes them all)."
    );
    key(&mut app, 'u');
    assert_eq!(app.plan, app.saved, "one undo step for all");
    assert!(!app.can_undo());
}

#[test]
fn enter_applies_the_highlighted_change_and_the_rest_is_computed_again() {
    let mut app = team_review();
    let effect = key(&mut app, 'F');
    perform(&mut app, effect.as_ref());
    press(&mut app, KeyCode::Down);
    let effect = press(&mut app, KeyCode::Enter);
    assert_eq!(effect, Some(Effect::Rebalance));
    assert!(app.status.ends_with("(u undoes it)."), "{}", app.status);
    assert!(
        !jon_out_of_role(&app),
        "the second change moved Jon's meetups"
    );
    perform(&mut app, effect.as_ref());
    let Some(Overlay::Rebalance(list)) = app.top_overlay() else {
        panic!("the list stays open: {}", app.status);
    };
    assert_eq!(list.shown().len(), 2, "{:?}", list.shown());
    assert_eq!(list.selected, 1, "the highlight stays where it was");
    assert!(app.status.starts_with("Moved “"), "{}", app.status);
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    key(&mut app, 'u');
    assert_eq!(app.plan, app.saved, "one undo step");
}

#[test]
fn a_report_for_another_revision_is_dropped() {
    let mut app = team_review();
    key(&mut app, 'F');
    let Action::Rebalanced { fixes, after, .. } = proposal(&app) else {
        panic!("a proposal");
    };
    let stale = Action::Rebalanced {
        revision: app.revision + 1,
        fixes,
        after,
        method: String::new(),
    };
    update(&mut app, stale);
    let Some(Overlay::Rebalance(list)) = app.top_overlay() else {
        panic!("no rebalance list");
    };
    assert!(list.fixes.is_none());
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
}

#[test]
fn a_plan_with_nothing_to_fix_closes_the_list_and_says_so() {
    let mut app = team_review();
    let effect = key(&mut app, 'F');
    perform(&mut app, effect.as_ref());
    key(&mut app, 'a');
    let effect = key(&mut app, 'F');
    perform(&mut app, effect.as_ref());
    assert!(app.overlays.is_empty());
    assert_eq!(
        app.status,
        "No findings: the rebalance has nothing to change."
    );
}

#[test]
fn a_failed_rebalance_closes_its_list_and_says_the_plan_is_unchanged() {
    let mut app = team_review();
    let effect = update(&mut app, Action::Rebalance);
    assert_eq!(effect, Effect::Rebalance);
    let before = app.plan.clone();
    let revision = app.revision;
    // An answer for another revision is not this list's.
    update(
        &mut app,
        Action::RebalanceFailed {
            revision: revision + 1,
        },
    );
    assert!(matches!(app.overlays.last(), Some(Overlay::Rebalance(_))));
    update(&mut app, Action::RebalanceFailed { revision });
    assert!(app.overlays.is_empty());
    assert!(app.status.contains("failed"), "{}", app.status);
    assert_eq!(app.plan, before);
}

#[test]
fn the_proposal_says_how_its_changes_were_chosen() {
    let mut app = team_review();
    update(&mut app, Action::Rebalance);
    let reply = proposal(&app);
    update(&mut app, reply);
    assert!(app.status.contains("chosen by"), "{}", app.status);
}
