//! `update` driven the two ways the loop will drive it: key events through the keymap, and
//! actions directly (for what keys cannot reach, like the loop's save report).

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::finding::Rule;
use crate::plan::{Acceptance, Plan, RoleSpec, load_plan, parse_plan};
use crate::tui::keymap::action_for;
use crate::{Catalog, analyze};

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::builtin().unwrap())
}

fn new_plan() -> App {
    App::new(catalog(), Plan::new("new"), None)
}

fn team_review() -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/team-review.yaml");
    let loaded = load_plan(&path).unwrap();
    App::new(catalog(), loaded.plan, loaded.path)
}

/// Sends one key press; returns the effect, or `None` if the key is unbound here.
fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    let action = action_for(app, KeyEvent::new(code, KeyModifiers::NONE))?;
    Some(update(app, action))
}

fn key(app: &mut App, c: char) -> Option<Effect> {
    press(app, KeyCode::Char(c))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(key(app, c).is_some(), "`{c}` is not typed here");
    }
}

/// Highlights a catalog task by id, as the arrow keys would.
fn highlight(app: &mut App, id: &str) {
    let pos = app
        .visible_catalog()
        .iter()
        .position(|&i| app.catalog.tasks()[i].id == id)
        .unwrap();
    app.selected.catalog = pos;
}

/// Gives the selected person the role on row `row` of the role picker, through the keys.
fn pick_role(app: &mut App, row: usize) {
    key(app, 'R');
    for _ in 0..row {
        key(app, 'j');
    }
    press(app, KeyCode::Enter);
}

fn rules_of(app: &App, person: usize) -> Vec<Rule> {
    app.analysis.findings_for(person).map(|f| f.rule).collect()
}

/// Adds a community manager named `name` through the keys, and returns their index.
fn add_community_manager(app: &mut App, name: &str) -> usize {
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

#[test]
fn quitting_clean_is_immediate_and_dirty_asks() {
    let mut app = team_review();
    assert_eq!(key(&mut app, 'q'), Some(Effect::Quit));
    assert!(app.quit);

    let mut app = team_review();
    let path = app.path.clone().unwrap();
    key(&mut app, 'c');
    typed(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people[0].capacity, 40.0, "400 h is refused");
    assert!(app.status.contains("0 to 168"), "{}", app.status);
    update(&mut app, Action::InputBackspace);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people[0].capacity, 40.0);
    key(&mut app, 'c');
    update(&mut app, Action::InputBackspace);
    update(&mut app, Action::InputBackspace);
    typed(&mut app, "32");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people[0].capacity, 32.0);
    assert!(app.dirty);
    assert_eq!(key(&mut app, 'q'), Some(Effect::None));
    assert_eq!(app.top_overlay(), Some(&Overlay::Confirm(Confirm::Quit)));
    assert_eq!(key(&mut app, 's'), Some(Effect::Save(path.clone())));
    assert!(!app.quit, "not before the save succeeded");
    assert_eq!(update(&mut app, Action::Saved(Ok(path))), Effect::Quit);
    assert!(app.quit && !app.dirty);
}

#[test]
fn quitting_a_new_plan_asks_where_to_save_and_survives_a_failed_save() {
    let mut app = new_plan();
    add_community_manager(&mut app, "Ana");
    key(&mut app, 'q');
    assert_eq!(key(&mut app, 's'), Some(Effect::None));
    assert!(matches!(
        app.top_overlay(),
        Some(Overlay::Prompt {
            kind: PromptKind::SaveAs,
            ..
        })
    ));
    typed(&mut app, "team.yaml");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Some(Effect::Save("team.yaml".into()))
    );
    assert_eq!(
        update(&mut app, Action::Saved(Err("disk full".into()))),
        Effect::None
    );
    assert!(!app.quit && app.dirty);
    assert_eq!(app.status, "Not saved: disk full");
    key(&mut app, 'q');
    assert_eq!(key(&mut app, 'd'), Some(Effect::Quit), "discard quits");
}

#[test]
fn a_successful_save_clears_dirty_and_remembers_the_path() {
    let mut app = new_plan();
    add_community_manager(&mut app, "Ana");
    key(&mut app, 'S');
    typed(&mut app, "a.yaml");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Some(Effect::Save("a.yaml".into()))
    );
    update(&mut app, Action::Saved(Ok("a.yaml".into())));
    assert!(!app.dirty);
    assert_eq!(app.path, Some(PathBuf::from("a.yaml")));
    assert_eq!(key(&mut app, 's'), Some(Effect::Save("a.yaml".into())));
    assert!(!app.quit, "a plain save does not quit");
}

#[test]
fn the_filter_narrows_the_catalog_and_keeps_the_selection_in_range() {
    let mut app = team_review();
    key(&mut app, '3');
    let all = app.visible_catalog().len();
    key(&mut app, 'G');
    assert_eq!(app.selected.catalog, all - 1);
    key(&mut app, '/');
    typed(&mut app, "welcome");
    let shown = app.visible_catalog().len();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    assert!(app.selected.catalog < shown);
    assert!(app.highlighted_task().is_some());
    typed(&mut app, "zzz");
    assert!(app.visible_catalog().is_empty());
    assert!(app.highlighted_task().is_none());
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert!(!app.filter_editing);
    assert_eq!(app.filter.text(), "welcome");
    assert_eq!(
        key(&mut app, 'q'),
        Some(Effect::Quit),
        "keys work again after Enter"
    );

    let mut app = team_review();
    key(&mut app, '/');
    typed(&mut app, "WELCOME new");
    highlight(&mut app, "cm-welcome-new-members");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_catalog().len(), all);
    assert_eq!(app.highlighted_task().unwrap().id, "cm-welcome-new-members");
}

#[test]
fn changing_the_filter_highlights_the_first_match() {
    // The reviewer's steps: the fourth row, then `/meetup`, then Enter Enter.
    let mut app = team_review();
    for c in "3gjjj".chars() {
        key(&mut app, c);
    }
    assert_eq!(app.selected.catalog, 3);
    key(&mut app, '/');
    typed(&mut app, "meetup");
    assert_eq!(app.selected.catalog, 0, "the first match, not the fourth");
    let first = app.catalog.tasks()[app.visible_catalog()[0]].clone();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.plan.people[0].has_task(&first.id), "{}", app.status);
    assert!(
        app.status.starts_with("Assigned “Plan and host"),
        "{}",
        app.status
    );

    // A highlighted row that still matches moves to the first match too, on every change.
    let mut app = team_review();
    key(&mut app, '/');
    typed(&mut app, "meet");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected.catalog, 1);
    typed(&mut app, "u");
    assert_eq!(app.selected.catalog, 0);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.selected.catalog, 0);
    // No change, no move: Backspace in an empty filter.
    let mut app = team_review();
    key(&mut app, '3');
    key(&mut app, 'j');
    key(&mut app, '/');
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.selected.catalog, 1);
}

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

#[test]
fn paging_follows_the_terminal_height() {
    let mut app = team_review();
    key(&mut app, '3');
    update(&mut app, Action::Resize(120, 40));
    let page = app.page_size();
    assert_eq!(page, 16);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.selected.catalog, page);
    update(&mut app, Action::Resize(60, 16));
    assert_eq!(app.page_size(), 4);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.selected.catalog, page - 4);
}

#[test]
fn a_terminal_too_small_for_the_panes_takes_only_quit() {
    let mut app = team_review();
    key(&mut app, '2');
    update(&mut app, Action::Resize(40, 12));
    "Earlier news.".clone_into(&mut app.status);
    let plan = app.plan.clone();
    let unchanged = |app: &App| {
        assert_eq!(app.plan, plan);
        assert_eq!(app.status, "Earlier news.");
        assert!(app.overlays.is_empty());
        assert_eq!(
            (app.focus, app.selected),
            (Focus::Tasks, crate::tui::state::Selection::default())
        );
        assert!(!app.filter_editing && !app.coverage);
    };
    // The reviewer's `d`: the tasks pane's keys are not bound while the panes are not shown...
    assert_eq!(key(&mut app, 'd'), None);
    unchanged(&app);
    // ...and `update` ignores whatever else arrives, so no key or click can change unseen state.
    for action in [
        Action::Unassign,
        Action::DeletePerson,
        Action::HoursUp,
        Action::Assign,
        Action::Undo,
        Action::AddPerson,
        Action::Help,
        Action::FilterStart,
        Action::Paste("x".into()),
        Action::Click {
            focus: Focus::People,
            row: 2,
        },
        Action::ToggleCoverage,
        Action::Down,
        Action::ImportOffer,
        Action::ExportReport,
        Action::Save,
    ] {
        assert_eq!(update(&mut app, action.clone()), Effect::None, "{action:?}");
        unchanged(&app);
    }
    assert_eq!(key(&mut app, 'q'), Some(Effect::Quit), "a clean plan quits");

    // With unsaved changes and a prompt open, `q` still quits, by way of the question.
    let mut app = team_review();
    key(&mut app, '2');
    key(&mut app, '+');
    key(&mut app, 'h');
    update(&mut app, Action::Resize(59, 30));
    assert_eq!(
        key(&mut app, 'q'),
        Some(Effect::None),
        "not typed into the prompt"
    );
    assert_eq!(app.top_overlay(), Some(&Overlay::Confirm(Confirm::Quit)));
    assert_eq!(key(&mut app, 'q'), None, "the question takes its own keys");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top_overlay(), Some(Overlay::Prompt { .. })));
    key(&mut app, 'q');
    assert_eq!(key(&mut app, 'd'), Some(Effect::Quit));

    // A big enough terminal gives every key back.
    let mut app = team_review();
    update(&mut app, Action::Resize(10, 3));
    update(&mut app, Action::Resize(60, 16));
    key(&mut app, '2');
    key(&mut app, 'd');
    assert_eq!(
        app.plan.people[0].tasks.len(),
        plan.people[0].tasks.len() - 1
    );
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = new_plan();
    key(&mut app, '?');
    key(&mut app, 'j');
    key(&mut app, 'j');
    assert_eq!(app.top_overlay(), Some(&Overlay::Help { scroll: 2 }));
    key(&mut app, 'q');
    assert!(app.overlays.is_empty());
    assert!(!app.quit);
}

#[test]
fn ctrl_c_always_quits_whatever_the_key_table_says() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let f13 = crate::tui::keyspec::KeySpec::parse("f13").unwrap();
    let unreachable = crate::tui::keymap::remap(&[("global.quit".into(), vec![f13])]).unwrap();

    // A clean plan: Ctrl-C quits at once, from inside a prompt too.
    let mut app = team_review();
    app.bindings = unreachable.clone().into();
    assert_eq!(key(&mut app, 'q'), None, "q no longer quits");
    key(&mut app, 'a');
    assert!(app.top_overlay().is_some(), "the new-person prompt is open");
    let action = action_for(&app, ctrl_c).unwrap();
    assert_eq!(update(&mut app, action), Effect::Quit);
    assert!(!app.keep_recovery);

    // Unsaved changes: Ctrl-C asks as quit does; again, it quits and keeps the work.
    let mut app = team_review();
    app.bindings = unreachable.into();
    app.dirty = true;
    key(&mut app, 'a');
    let action = action_for(&app, ctrl_c).unwrap();
    assert_eq!(update(&mut app, action), Effect::None);
    assert_eq!(app.top_overlay(), Some(&Overlay::Confirm(Confirm::Quit)));
    assert!(!app.quit);
    let action = action_for(&app, ctrl_c).unwrap();
    assert_eq!(update(&mut app, action), Effect::Quit);
    assert!(
        app.quit && app.keep_recovery,
        "the loop keeps the recovery copy"
    );
}
