//! `update` driven the two ways the loop will drive it: key events through the keymap, and
//! actions directly (for what keys cannot reach, like the loop's save report). Here: the
//! helpers the other `tests_*` files share, and editing people and tasks, undo and redo;
//! the filter, paging and help, findings, and quitting have files of their own.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::finding::Rule;
use crate::plan::{Plan, RoleSpec, load_plan};
use crate::tui::keymap::action_for;
use crate::tui::state::Focus;
use crate::{Catalog, analyze};

pub(super) fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::builtin().unwrap())
}

pub(super) fn new_plan() -> App {
    App::new(catalog(), Plan::new("new"), None)
}

pub(super) fn team_review() -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/team-review.yaml");
    let loaded = load_plan(&path).unwrap();
    App::new(catalog(), loaded.plan, loaded.path)
}

/// Sends one key press; returns the effect, or `None` if the key is unbound here.
pub(super) fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    let action = action_for(app, KeyEvent::new(code, KeyModifiers::NONE))?;
    Some(update(app, action))
}

pub(super) fn key(app: &mut App, c: char) -> Option<Effect> {
    press(app, KeyCode::Char(c))
}

pub(super) fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(key(app, c).is_some(), "`{c}` is not typed here");
    }
}

/// Highlights a catalog task by id, as the arrow keys would.
pub(super) fn highlight(app: &mut App, id: &str) {
    let pos = app
        .visible_catalog()
        .iter()
        .position(|&i| app.catalog.tasks()[i].id == id)
        .unwrap();
    app.selected.catalog = pos;
}

/// Gives the selected person the role on row `row` of the role picker, through the keys.
pub(super) fn pick_role(app: &mut App, row: usize) {
    key(app, 'R');
    for _ in 0..row {
        key(app, 'j');
    }
    press(app, KeyCode::Enter);
}

pub(super) fn rules_of(app: &App, person: usize) -> Vec<Rule> {
    app.analysis.findings_for(person).map(|f| f.rule).collect()
}

/// Adds a community manager named `name` through the keys, and returns their index.
pub(super) fn add_community_manager(app: &mut App, name: &str) -> usize {
    key(app, 'a');
    typed(app, name);
    press(app, KeyCode::Enter);
    assert!(matches!(
        app.top_overlay(),
        Some(Overlay::RolePicker { .. })
    ));
    press(app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    app.selected.people
}
#[test]
fn a_new_person_with_social_tasks_drifts_from_community_work() {
    let mut app = new_plan();
    let ana = add_community_manager(&mut app, "Ana");
    assert_eq!(app.plan.people[ana].name, "Ana");
    assert_eq!(
        app.plan.people[ana].role,
        RoleSpec::Single("community-manager".into())
    );
    key(&mut app, '3');
    assert_eq!(app.focus, Focus::Catalog);
    for id in ["sm-schedule-posts", "sm-write-copy", "sm-run-campaigns"] {
        highlight(&mut app, id);
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.plan.people[ana].tasks.len(), 3);
    assert!(
        rules_of(&app, ana).contains(&Rule::RoleDrift),
        "{:?}",
        rules_of(&app, ana)
    );
    assert!(app.dirty);
    assert_eq!(
        app.analysis.people[ana].hours,
        analyze(&app.catalog, &app.plan).people[ana].hours
    );
}

#[test]
fn assigning_needs_a_person_and_never_duplicates() {
    let mut app = new_plan();
    key(&mut app, '3');
    press(&mut app, KeyCode::Enter);
    assert!(app.status.contains("Add a person"), "{}", app.status);
    add_community_manager(&mut app, "Ana");
    key(&mut app, '3');
    highlight(&mut app, "cm-welcome-new-members");
    press(&mut app, KeyCode::Enter);
    let once = app.plan.clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan, once);
    assert!(app.status.contains("already has"), "{}", app.status);
    key(&mut app, 'u');
    assert!(
        app.plan.people[0].tasks.is_empty(),
        "the repeat left no undo step"
    );
}

#[test]
fn a_hybrid_split_is_typed_in_the_role_picker() {
    let mut app = team_review();
    key(&mut app, 'R');
    let roles = app.catalog.roles().len();
    assert_eq!(
        app.top_overlay(),
        Some(&Overlay::RolePicker {
            person: 0,
            selected: 0
        })
    );
    for _ in 0..roles {
        key(&mut app, 'j');
    }
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::Prompt { kind, input }) = app.top_overlay() else {
        panic!("expected the split prompt");
    };
    assert_eq!(kind, &PromptKind::Split(0));
    assert_eq!(input.text(), "community-manager 50 social-media-manager 50");
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "oops");
    press(&mut app, KeyCode::Enter);
    assert!(app.status.contains("above 0"), "{}", app.status);
    assert!(
        matches!(app.top_overlay(), Some(Overlay::Prompt { .. })),
        "prompt stays open"
    );
    update(&mut app, Action::InputHome);
    update(&mut app, Action::InputEnd);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "40");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert_eq!(
        app.plan.people[0].role,
        RoleSpec::Hybrid(vec![
            ("community-manager".into(), 50.0),
            ("social-media-manager".into(), 40.0)
        ])
    );
}

#[test]
fn status_lines_name_roles_and_tasks_by_their_titles() {
    let mut app = team_review();
    // Maya's role: the second of the picker (social media manager), then a hybrid split.
    pick_role(&mut app, 1);
    assert_eq!(app.status, "Maya Okafor is now Social Media Manager.");
    let split_row = app.catalog.roles().len();
    pick_role(&mut app, split_row);
    let Some(Overlay::Prompt { input, .. }) = app.overlays.last_mut() else {
        panic!("expected the split prompt");
    };
    input.clear();
    typed(&mut app, "community-manager 60 social-media-manager 40");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status,
        "Maya Okafor is now Community Manager 60% / Social Media Manager 40%."
    );
    // Her first task, whose title is long: cut, never its id.
    key(&mut app, '2');
    let title = &app.catalog.task("cm-welcome-new-members").unwrap().title;
    assert!(title.chars().count() > 40, "{title}");
    let short = format!("{}…", title.chars().take(39).collect::<String>());
    key(&mut app, 'h');
    update(&mut app, Action::Paste(".5".into()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.status, format!("Set “{short}” to 2.5 h a week."));
    key(&mut app, 'd');
    assert_eq!(app.status, format!("Took “{short}” off Maya Okafor."));
    assert!(!app.status.contains("cm-"));
}

#[test]
fn hours_move_by_half_hours_never_below_zero_and_can_be_typed() {
    let mut app = team_review();
    key(&mut app, '2');
    let typical = app.catalog.task("cm-welcome-new-members").unwrap().hours;
    key(&mut app, '+');
    assert_eq!(app.plan.people[0].tasks[0].hours, Some(typical + 0.5));
    key(&mut app, '-');
    assert_eq!(
        app.plan.people[0].tasks[0].hours, None,
        "typical hours are no override"
    );
    key(&mut app, 'h');
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "0,5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people[0].tasks[0].hours, Some(0.5));
    key(&mut app, '-');
    key(&mut app, '-');
    assert_eq!(app.plan.people[0].tasks[0].hours, Some(0.0));
    assert!(app.status.contains("range is 0"), "{}", app.status);
}

#[test]
fn unassigning_keeps_the_selection_in_range() {
    let mut app = team_review();
    key(&mut app, '2');
    key(&mut app, 'G');
    let n = app.plan.people[0].tasks.len();
    assert_eq!(app.selected.tasks, n - 1);
    let last = app.plan.people[0].tasks[n - 1].task.clone();
    key(&mut app, 'd');
    assert_eq!(app.plan.people[0].tasks.len(), n - 1);
    assert!(!app.plan.people[0].has_task(&last));
    assert_eq!(app.selected.tasks, n - 2);
}

#[test]
fn undoing_everything_returns_the_original_plan_and_redo_replays_it() {
    let mut app = team_review();
    let original = app.plan.clone();
    key(&mut app, '2');
    key(&mut app, '+');
    key(&mut app, 'd');
    key(&mut app, '1');
    key(&mut app, 'j');
    key(&mut app, 'd');
    key(&mut app, 'y');
    add_community_manager(&mut app, "Ana");
    let edited = app.plan.clone();
    assert_ne!(edited, original);
    let mut undos = 0;
    while app.history.can_undo() {
        key(&mut app, 'u');
        undos += 1;
    }
    assert_eq!(undos, 4);
    assert_eq!(app.plan, original);
    assert!(!app.dirty, "back at the saved plan");
    key(&mut app, 'u');
    assert_eq!(app.status, "Nothing to undo.");
    let redo = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    while app.history.can_redo() {
        let action = action_for(&app, redo).unwrap();
        update(&mut app, action);
    }
    assert_eq!(app.plan, edited);
    assert!(app.dirty);
}

#[test]
fn undo_and_redo_say_which_change_they_took_back_or_did_again() {
    let mut app = team_review();
    key(&mut app, '3');
    highlight(&mut app, "sm-reply-comments");
    press(&mut app, KeyCode::Enter);
    let title = "Reply to comments and replies on the br…";
    let assigned = format!("Assigned “{title}” to Maya Okafor.");
    assert_eq!(app.status, assigned);
    key(&mut app, 'u');
    assert_eq!(
        app.status,
        format!("Undone: assigned “{title}” to Maya Okafor (ctrl-r to redo).")
    );
    update(&mut app, Action::Redo);
    assert_eq!(
        app.status,
        format!("Redone: assigned “{title}” to Maya Okafor.")
    );
    // A label that starts with a name keeps its capital.
    key(&mut app, '1');
    pick_role(&mut app, 1);
    key(&mut app, 'u');
    assert_eq!(
        app.status,
        "Undone: Maya Okafor is now Social Media Manager (ctrl-r to redo)."
    );
    // The key hint on the edit's own status line is not part of the label.
    key(&mut app, 'j');
    key(&mut app, 'd');
    key(&mut app, 'y');
    assert_eq!(app.status, "Deleted Jon Park (u undoes it).");
    key(&mut app, 'u');
    assert_eq!(app.status, "Undone: deleted Jon Park (ctrl-r to redo).");
    key(&mut app, 'u');
    key(&mut app, 'u');
    assert_eq!(app.status, "Nothing to undo.");
}

#[test]
fn deleting_asks_first() {
    let mut app = team_review();
    key(&mut app, 'G');
    key(&mut app, 'd');
    assert_eq!(
        app.top_overlay(),
        Some(&Overlay::Confirm(Confirm::DeletePerson(3)))
    );
    key(&mut app, 'n');
    assert_eq!(app.plan.people.len(), 4);
    assert!(app.overlays.is_empty());
    key(&mut app, 'd');
    key(&mut app, 'y');
    assert_eq!(app.plan.people.len(), 3);
    assert_eq!(
        app.selected.people, 2,
        "selection moved to the new last person"
    );
    assert!(app.plan.person("山田 花子 (Hanako Yamada)").is_none());
}

#[test]
fn overlays_are_modal() {
    let mut app = team_review();
    key(&mut app, 'r');
    update(&mut app, Action::DeletePerson);
    update(&mut app, Action::Paste("Maya\nO.".into()));
    assert_eq!(app.plan.people.len(), 4);
    let Some(Overlay::Prompt { input, .. }) = app.top_overlay() else {
        panic!("rename prompt closed");
    };
    assert_eq!(input.text(), "Maya OkaforMaya O.");
    assert_eq!(
        key(&mut app, 'q'),
        Some(Effect::None),
        "q is typed, not quit"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert_eq!(app.plan.people[0].name, "Maya Okafor");
}

#[test]
fn renaming_refuses_a_name_already_taken() {
    let mut app = team_review();
    key(&mut app, 'r');
    update(&mut app, Action::InputHome);
    for _ in 0..20 {
        press(&mut app, KeyCode::Delete);
    }
    typed(&mut app, "Jon Park");
    press(&mut app, KeyCode::Enter);
    assert!(app.status.contains("unique"), "{}", app.status);
    assert_eq!(app.plan.people[0].name, "Maya Okafor");
    assert!(!app.dirty);
}
