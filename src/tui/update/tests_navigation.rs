//! `update` moving around: the catalog filter, paging by the terminal's height, and help.

use crossterm::event::KeyCode;

use super::tests::{highlight, key, new_plan, press, team_review, typed};
use super::*;

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
    assert!(app.typing.is_none());
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
    key(&mut app, '3');
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
