//! The task picker over the import review, driven by keys: open it on a line, narrow and move
//! through the catalog, pick (the line's task and the verdict change), or go back unchanged.

use crossterm::event::KeyCode;

use super::tests_io::{key, line_index, paste_offer, press, review, team_review};
use super::*;
use crate::tui::import::{Review, TaskPicker};
use crate::tui::keymap::{Context, active_contexts};

fn picker(app: &App) -> &TaskPicker {
    review(app).picker.as_ref().expect("the picker is open")
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

/// The catalog id of the picker's highlighted task.
fn highlighted(app: &App) -> Option<String> {
    picker(app)
        .task()
        .map(|i| app.catalog.tasks()[i].id.to_string())
}

/// Selects the line holding `text` and opens the picker on it.
fn open_on(app: &mut App, text: &str) -> usize {
    let at = line_index(app, text);
    update(app, Action::Top);
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    key(app, 't');
    at
}

#[test]
fn the_picker_opens_on_the_lines_task_and_takes_typed_keys() {
    let mut app = team_review();
    paste_offer(&mut app);
    let at = open_on(&mut app, "Discord");
    assert_eq!(active_contexts(&app), [Context::TaskPicker]);
    let mapped = review(&app).lines[at].mapping().map(|m| m.task.clone());
    assert!(mapped.is_some(), "the Discord line maps to a task");
    assert_eq!(highlighted(&app), mapped, "it starts on the line's task");
    assert_eq!(picker(&app).visible.len(), app.catalog.tasks().len());
    // Letters that are commands in the review (d, n, q, t) are typed into the filter here.
    type_text(&mut app, "Dnqt");
    assert_eq!(picker(&app).filter.text(), "Dnqt");
    assert_eq!(
        review(&app).lines[at].mapping().map(|m| m.task.clone()),
        mapped
    );
    assert!(!review(&app).lines[at].dropped);
}

#[test]
fn typing_narrows_by_title_id_and_keywords_and_backspace_widens() {
    let mut app = team_review();
    paste_offer(&mut app);
    open_on(&mut app, "meetups");
    let all = picker(&app).visible.len();
    type_text(&mut app, "MEETUP");
    let narrowed = picker(&app).visible.clone();
    assert!(!narrowed.is_empty() && narrowed.len() < all);
    assert!(
        narrowed
            .iter()
            .any(|&i| app.catalog.tasks()[i].id == "cm-meetups")
    );
    // Ids match too, and every word must.
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(picker(&app).visible.len(), all, "an empty filter shows all");
    type_text(&mut app, "sm-social-inbox");
    assert_eq!(highlighted(&app).as_deref(), Some("sm-social-inbox"));
    assert_eq!(picker(&app).visible.len(), 1);
    // A paste types its text, line breaks as spaces.
    for _ in 0.."sm-social-inbox".len() {
        press(&mut app, KeyCode::Backspace);
    }
    update(&mut app, Action::Paste("onboarding\njourney".into()));
    assert_eq!(picker(&app).filter.text(), "onboarding journey");
    assert_eq!(highlighted(&app).as_deref(), Some("cm-onboarding-journey"));
}

#[test]
fn typing_highlights_the_first_match_as_the_catalog_filter_does() {
    let mut app = team_review();
    paste_offer(&mut app);
    open_on(&mut app, "meetups");
    assert!(picker(&app).selected > 0, "it opens on the line's task");
    type_text(&mut app, "meet");
    assert_eq!(picker(&app).selected, 0);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "u");
    assert_eq!(
        picker(&app).selected,
        0,
        "a row that still matches moves too"
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(picker(&app).selected, 0);
}

#[test]
fn arrows_pages_home_and_end_move_within_the_list() {
    let mut app = team_review();
    paste_offer(&mut app);
    open_on(&mut app, "meetups");
    let last = picker(&app).visible.len() - 1;
    press(&mut app, KeyCode::Home);
    assert_eq!(picker(&app).selected, 0);
    press(&mut app, KeyCode::Up);
    assert_eq!(picker(&app).selected, 0, "stays at the top");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(picker(&app).selected, 2);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(picker(&app).selected, 2 + app.page_size());
    press(&mut app, KeyCode::PageUp);
    assert_eq!(picker(&app).selected, 2);
    press(&mut app, KeyCode::End);
    assert_eq!(picker(&app).selected, last);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(picker(&app).selected, last, "stays at the bottom");
    // The review's own selection did not move.
    assert_eq!(review(&app).selected, line_index(&app, "meetups"));
}

#[test]
fn picking_maps_the_line_marks_it_chosen_and_rejudges_the_offer() {
    let mut app = team_review();
    paste_offer(&mut app);
    let before = review(&app).verdict.clone();
    assert!(before.contains(", but "), "{before}");
    // Every line to a Community Manager task: the duties now fit the title.
    for n in 0..review(&app).lines.len() {
        update(&mut app, Action::Top);
        for _ in 0..n {
            press(&mut app, KeyCode::Down);
        }
        key(&mut app, 't');
        type_text(&mut app, "cm-meetups");
        press(&mut app, KeyCode::Enter);
        assert!(review(&app).picker.is_none(), "Enter closes the picker");
        let line = &review(&app).lines[n];
        assert_eq!(line.mapping().map(|m| m.task.as_str()), Some("cm-meetups"));
        assert!(line.chosen());
        assert!(
            app.status.contains("Plan and host in-person meetups"),
            "{}",
            app.status
        );
    }
    let after = &review(&app).verdict;
    assert!(after.contains("the duties fit"), "{after}");
    assert_ne!(*after, before);
    // The review's keys work again, and cycling still reaches the picked task.
    assert_eq!(active_contexts(&app), [Context::Import]);
    update(&mut app, Action::Top);
    let n = review(&app).lines[0].candidates.len();
    for _ in 0..=n {
        press(&mut app, KeyCode::Right);
    }
    assert!(
        review(&app).lines[0].chosen(),
        "a full cycle comes back to it"
    );
    // Enter adds the picked task.
    assert_eq!(review(&app).tasks().len(), 1, "{:?}", review(&app).tasks());
    press(&mut app, KeyCode::Enter);
    assert!(app.plan.people[0].has_task("cm-meetups"));
}

#[test]
fn esc_leaves_the_review_as_it_was() {
    let mut app = team_review();
    paste_offer(&mut app);
    press(&mut app, KeyCode::Down);
    key(&mut app, 'd');
    let before: Review = review(&app).clone();
    key(&mut app, 't');
    type_text(&mut app, "meet");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Esc);
    assert_eq!(*review(&app), before, "the line, its drop and the verdict");
    assert!(app.status.contains("unchanged"), "{}", app.status);
    // A second Esc cancels the import as before.
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert!(!app.dirty);
}

#[test]
fn an_unmatched_or_dropped_line_gets_the_picked_task() {
    let mut app = team_review();
    key(&mut app, 'i');
    update(
        &mut app,
        Action::Paste("- Maintain the servers, databases and the deployment pipeline\n- Moderate our Discord server\n".into()),
    );
    press(&mut app, KeyCode::Enter);
    let at = line_index(&app, "deployment pipeline");
    let line = &review(&app).lines[at];
    assert!(
        line.mapping().is_none(),
        "this test needs a line the reader leaves unmapped: {line:?}"
    );
    open_on(&mut app, "deployment pipeline");
    type_text(&mut app, "cm-moderate-member-spaces");
    press(&mut app, KeyCode::Enter);
    let line = &review(&app).lines[at];
    assert_eq!(
        line.mapping().map(|m| m.task.as_str()),
        Some("cm-moderate-member-spaces")
    );
    assert!(line.chosen());
    assert!(
        line.candidates
            .iter()
            .any(|m| m.task == "cm-moderate-member-spaces"),
        "the pick is now one of its candidates"
    );

    // A dropped line is kept again by a pick.
    key(&mut app, 'd');
    assert!(review(&app).lines[at].dropped);
    key(&mut app, 't');
    type_text(&mut app, "cm-write-guidelines");
    press(&mut app, KeyCode::Enter);
    let line = &review(&app).lines[at];
    assert!(!line.dropped);
    assert_eq!(
        line.mapping().map(|m| m.task.as_str()),
        Some("cm-write-guidelines")
    );
}

#[test]
fn a_filter_with_no_match_picks_nothing_and_says_so() {
    let mut app = team_review();
    paste_offer(&mut app);
    let before = review(&app).clone();
    key(&mut app, 't');
    type_text(&mut app, "山田 zzz");
    assert!(picker(&app).visible.is_empty());
    assert_eq!(picker(&app).task(), None);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::End);
    assert_eq!(picker(&app).selected, 0);
    press(&mut app, KeyCode::Enter);
    assert!(review(&app).picker.is_some(), "the picker stays open");
    assert!(
        app.status.contains("No task matches “山田 zzz”"),
        "{}",
        app.status
    );
    assert_eq!(review(&app).lines, before.lines);
    assert_eq!(review(&app).verdict, before.verdict);
}
