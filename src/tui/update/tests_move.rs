//! Moving a task with `m`: the picker narrows by name, the task keeps its hours and note, one
//! undo brings it back, and onto someone who has it the hours add up and the notes join.

use crossterm::event::KeyCode;

use super::tests::{key, press, team_review, typed};
use super::*;

/// Selects Maya's support task (8 h) in the tasks pane.
fn on_support_task(app: &mut App) {
    let maya = &app.plan.people[0];
    assert_eq!(maya.name, "Maya Okafor");
    let at = maya
        .tasks
        .iter()
        .position(|a| a.task == "sh-answer-support-questions")
        .expect("Maya answers support questions");
    app.plan.people[0].tasks[at].note = Some("the forum's support threads".into());
    app.saved = app.plan.clone();
    key(app, '2');
    app.selected.tasks = at;
}

#[test]
fn moving_keeps_hours_and_note_and_undo_brings_it_back() {
    let mut app = team_review();
    on_support_task(&mut app);
    key(&mut app, 'm');
    assert!(matches!(app.top_overlay(), Some(Overlay::MovePicker(_))));
    typed(&mut app, "zo");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty(), "{}", app.status);
    let zoe = app.plan.person("Zoë Lindqvist").expect("Zoë");
    let moved = zoe
        .tasks
        .iter()
        .find(|a| a.task == "sh-answer-support-questions")
        .expect("moved to Zoë");
    assert_eq!(moved.hours, Some(8.0));
    assert_eq!(moved.note.as_deref(), Some("the forum's support threads"));
    assert!(!app.plan.people[0].has_task("sh-answer-support-questions"));
    assert!(app.status.starts_with("Moved “"), "{}", app.status);
    assert_eq!(app.plan.people[app.selected.people].name, "Zoë Lindqvist");
    // The findings follow at once, as a full analysis would have them.
    assert_eq!(
        app.analysis.findings,
        crate::analyze(&app.catalog, &app.plan).findings
    );
    key(&mut app, 'u');
    assert_eq!(app.plan, app.saved, "one undo step");
    assert!(!app.dirty);
}

#[test]
fn onto_someone_who_has_it_the_hours_add_up_and_the_notes_join() {
    let mut app = team_review();
    on_support_task(&mut app);
    let zoe = app
        .plan
        .people
        .iter()
        .position(|p| p.name == "Zoë Lindqvist")
        .expect("Zoë");
    let mut theirs = crate::plan::Assignment::new("sh-answer-support-questions");
    theirs.hours = Some(2.0);
    theirs.note = Some("DMs".into());
    app.plan.people[zoe].tasks.push(theirs);
    key(&mut app, 'm');
    typed(&mut app, "lindq");
    press(&mut app, KeyCode::Enter);
    let task = app.plan.people[zoe]
        .tasks
        .iter()
        .find(|a| a.task == "sh-answer-support-questions")
        .expect("still once");
    assert_eq!(task.hours, Some(10.0));
    assert_eq!(
        task.note.as_deref(),
        Some("DMs; the forum's support threads")
    );
    assert!(app.status.contains("had it already"), "{}", app.status);
}

#[test]
fn nobody_to_move_to_or_no_match_is_said() {
    let mut app = team_review();
    on_support_task(&mut app);
    key(&mut app, 'm');
    typed(&mut app, "nobody by this name");
    press(&mut app, KeyCode::Enter);
    assert!(app.status.contains("No one matches"), "{}", app.status);
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert_eq!(app.plan, app.saved, "nothing moved");
}
