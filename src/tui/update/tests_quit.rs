//! `update` on the way out: quitting clean or with changes, saving first (a new plan asks
//! where), a terminal too small for anything but quitting, and Ctrl-C whatever the key table.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{add_community_manager, key, new_plan, press, team_review, typed};
use super::*;
use crate::tui::keymap::action_for;
use crate::tui::state::Focus;

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
        assert!(app.typing.is_none() && !app.coverage);
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
