//! The task picker over the import review: any catalog task for the selected duty line, when
//! none of its closest tasks is right. It takes every action while open; Enter changes the
//! line and re-judges the offer, Esc leaves both as they were.

use std::sync::Arc;

use super::field::{edit_text, is_text_edit};
use super::import::{reader, review_in};
use super::{Effect, moved};
use crate::tui::action::Action;
use crate::tui::import::TaskPicker;
use crate::tui::state::App;

/// Opens the picker on the selected line's task (or its closest one, or the catalog's top).
pub fn open(app: &mut App) {
    let catalog = &app.catalog;
    let filter = &app.catalog_filter;
    let Some(review) = review_in(&mut app.overlays) else {
        return;
    };
    let Some(line) = review.line() else {
        return;
    };
    let current = line
        .choice
        .and_then(|c| line.candidates.get(c))
        .or(line.candidates.first())
        .and_then(|m| catalog.task_position(&m.task));
    review.picker = Some(TaskPicker::new(filter, current));
    "Type to narrow the catalog; Enter picks the task for this line, Esc goes back."
        .clone_into(&mut app.status);
}

/// Handles an action while the picker is open.
pub fn handle(app: &mut App, action: &Action) -> Effect {
    let page = app.page_size();
    let filter = &app.catalog_filter;
    let Some(picker) = review_in(&mut app.overlays).and_then(|r| r.picker.as_mut()) else {
        return Effect::None;
    };
    let last = picker.visible.len().saturating_sub(1);
    if let Some(to) = moved(action, picker.selected, last, page) {
        picker.selected = to;
        return Effect::None;
    }
    if is_text_edit(action) {
        picker.edit(filter, |f| {
            edit_text(f, action);
        });
        return Effect::None;
    }
    match action {
        Action::Submit => choose(app),
        Action::Cancel => {
            if let Some(review) = review_in(&mut app.overlays) {
                review.picker = None;
            }
            "Back to the review; the line is unchanged.".clone_into(&mut app.status);
        }
        _ => {}
    }
    Effect::None
}

/// Enter: the highlighted task becomes the line's, and the verdict follows.
fn choose(app: &mut App) {
    let Ok(reader) = reader(app) else { return };
    let catalog = Arc::clone(&app.catalog);
    let Some(review) = review_in(&mut app.overlays) else {
        return;
    };
    let Some(picker) = &review.picker else { return };
    let Some(task) = picker.task().and_then(|i| catalog.tasks().get(i)) else {
        app.status = format!(
            "No task matches “{}”; Backspace widens the search, Esc goes back.",
            picker.filter.text()
        );
        return;
    };
    review.picker = None;
    let at = review.selected;
    if let Some(line) = review.lines.get_mut(at) {
        line.pick(&task.id);
    }
    review.rejudge(&reader, &catalog);
    app.status = format!("Mapped to “{}”, as you chose.", task.title);
}
