//! The two filters typed over the panes: the catalog's (`/` from the tasks, catalog or
//! findings pane) and the people's (`/` from the People pane). Both are edited like any text
//! field; while one is being typed, the keys go to it.

use super::field::{edit_text, is_text_edit};
use crate::tui::action::Action;
use crate::tui::keymap::{Context, keys_for};
use crate::tui::state::{App, Filtered, Focus};

/// Handles `action` if it is about a filter, and says whether it was.
pub(super) fn handle(app: &mut App, action: &Action) -> bool {
    match action {
        Action::FilterStart => start(app, Filtered::Catalog),
        Action::PeopleFilterStart => start(app, Filtered::People),
        Action::FilterConfirm => app.typing = None,
        Action::FilterClear => {
            let which = app.typing.take().unwrap_or(match app.focus {
                Focus::People => Filtered::People,
                _ => Filtered::Catalog,
            });
            match which {
                Filtered::People => app.clear_people_filter(),
                Filtered::Catalog => app.clear_filter(),
            }
        }
        _ => match app.typing {
            Some(Filtered::Catalog) if is_text_edit(action) => app.edit_filter(|f| {
                edit_text(f, action);
            }),
            Some(Filtered::People) if is_text_edit(action) => app.edit_people_filter(|f| {
                edit_text(f, action);
            }),
            _ => return false,
        },
    }
    true
}

/// Starts typing into a filter, focusing its pane. A kept filter is edited where it ends, so
/// typing continues it; the status line says how to clear it instead.
fn start(app: &mut App, which: Filtered) {
    app.typing = Some(which);
    let input = match which {
        Filtered::People => {
            app.focus = Focus::People;
            &mut app.people_filter
        }
        Filtered::Catalog => {
            app.focus = Focus::Catalog;
            &mut app.filter
        }
    };
    input.end();
    if !input.is_empty()
        && let Some(keys) = keys_for(&app.bindings, Context::Filter, &Action::InputClear)
    {
        app.status = format!("Editing the filter: type to go on, {keys} clears it.");
    }
}
