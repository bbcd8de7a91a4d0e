//! The pure heart of the TUI: `update(state, action) -> effect`.
//!
//! No I/O happens here. Saving is returned as an [`Effect`] for the loop to run, and its result
//! comes back as [`Action::Saved`], so every behaviour, including "save, then quit", can be
//! tested by feeding actions.

mod accepted;
mod edit;
mod export;
mod field;
mod filters;
mod fixes;
mod import;
mod move_task;
mod overlay;
mod parse;
mod picker;
mod selection;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_accepted;
#[cfg(test)]
mod tests_findings;
#[cfg(test)]
mod tests_fixes;
#[cfg(test)]
mod tests_io;
#[cfg(test)]
mod tests_move;
#[cfg(test)]
mod tests_navigation;
#[cfg(test)]
mod tests_people;
#[cfg(test)]
mod tests_picker;
#[cfg(test)]
mod tests_quit;

use std::path::PathBuf;

use self::overlay::open_prompt;
use self::selection::on_selection;
use super::action::Action;
use super::state::{App, Confirm, Overlay, PromptKind, Scope};

pub use self::edit::effective_hours;
pub use self::fixes::{proposal, propose};
pub use self::parse::WEEK_HOURS;

/// What the loop must do after an update, since `update` itself does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Write the plan to this path, then report back with [`Action::Saved`].
    Save(PathBuf),
    /// Write the plan to this path even though it changed on disk (the user said so).
    Overwrite(PathBuf),
    /// Read this text file (an offer to import), then report back with [`Action::OfferRead`].
    ReadOffer(PathBuf),
    /// Write the report about `subject` in `format` to `path`, then report back with
    /// [`Action::Exported`].
    Export {
        path: PathBuf,
        format: crate::report::ReportFormat,
        subject: crate::report::Subject,
        /// The user agreed to replace the file at `path`; otherwise the loop asks first.
        replace: bool,
    },
    /// Compute the team's rebalance (seconds on a large plan, so after drawing "Computing…"),
    /// then report back with [`Action::Rebalanced`] ([`proposal`] computes it).
    Rebalance,
    /// Restore the terminal and exit.
    Quit,
}

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) -> Effect {
    let action = match from_loop(app, action) {
        Ok(effect) => return effect,
        Err(action) => action,
    };
    if app.too_small() {
        return while_too_small(app, action);
    }
    app.status.clear();
    if !app.overlays.is_empty() {
        return overlay::handle(app, action);
    }
    if filters::handle(app, &action) {
        return Effect::None;
    }
    let page = app.page_size();
    match action {
        Action::FocusNext => app.focus = app.focus.next(),
        Action::FocusPrev => app.focus = app.focus.prev(),
        Action::Focus(focus) => app.focus = focus,
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => step(app, -page.cast_signed()),
        Action::PageDown => step(app, page.cast_signed()),
        Action::Top => select(app, 0),
        Action::Bottom => select(app, usize::MAX),
        Action::ToggleScope => {
            app.scope = match app.scope {
                Scope::Person => Scope::Team,
                Scope::Team => Scope::Person,
            };
            app.selected.findings = 0;
        }
        Action::ToggleCoverage => app.coverage = !app.coverage,
        Action::ToggleAccepted => accepted::toggle(app),
        Action::Click { focus, row } => {
            // A click leaves a filter being typed as it is, as Enter would.
            app.typing = None;
            app.focus = focus;
            select(app, row);
        }
        Action::Scroll { focus, delta } => {
            app.focus = focus;
            step(app, delta);
        }
        Action::Help => app.overlays.push(Overlay::Help { scroll: 0 }),
        Action::AddPerson => open_prompt(app, PromptKind::AddPerson, ""),
        Action::RenamePlan => {
            let name = app.plan.name.clone();
            open_prompt(app, PromptKind::RenamePlan, name);
        }
        Action::ImportOffer => import::open(app),
        Action::ExportReport => export::open(app),
        Action::Rebalance => return fixes::open_rebalance(app),
        Action::Undo => {
            let label = app.history.undo(&mut app.plan);
            after_history(app, label, "Nothing to undo.", |what| {
                edit::hinted(&format!("Undone: {what}"), "ctrl-r to redo")
            });
        }
        Action::Redo => {
            let label = app.history.redo(&mut app.plan);
            after_history(app, label, "Nothing to redo.", |what| {
                format!("Redone: {what}")
            });
        }
        Action::Save => return save(app),
        Action::SaveAs => {
            let path = app.path.as_ref().map(|p| p.display().to_string());
            open_prompt(app, PromptKind::SaveAs, path.unwrap_or_default());
        }
        Action::Quit => return quit(app),
        other => {
            if let Err(reason) = on_selection(app, &other) {
                app.status = reason;
            }
        }
    }
    Effect::None
}

/// Reports from the loop (a resize, a save, a read, a question it needs answered) and Ctrl-C:
/// handled whatever overlay is open and however small the terminal. Any other action comes
/// back for [`update`] to route.
fn from_loop(app: &mut App, action: Action) -> Result<Effect, Action> {
    let effect = match action {
        Action::Resize(width, height) => {
            app.size = (width, height);
            Effect::None
        }
        Action::Saved(result) => saved(app, result),
        Action::OfferRead(result) => import::offer_read(app, result),
        Action::Exported(result) => export::exported(app, result),
        Action::Interrupt => interrupt(app),
        Action::Rebalanced {
            revision,
            fixes,
            after,
            method,
        } => {
            fixes::rebalanced(app, revision, fixes, after, &method);
            Effect::None
        }
        Action::RebalanceFailed { revision } => {
            fixes::rebalance_failed(app, revision);
            Effect::None
        }
        Action::SaveWouldReplace(path) => {
            app.quit_after_save = false;
            app.status = format!("{} exists already.", path.display());
            app.overlays.push(Overlay::Confirm(Confirm::Replace(path)));
            Effect::None
        }
        Action::ExportWouldReplace {
            path,
            format,
            subject,
        } => {
            app.status = format!("{} exists already.", path.display());
            app.overlays.push(Overlay::Confirm(Confirm::ReplaceExport {
                path,
                format,
                subject,
            }));
            Effect::None
        }
        Action::SaveConflict(path) => {
            app.quit_after_save = false;
            app.status = format!("{} changed on disk since it was opened.", path.display());
            app.overlays
                .push(Overlay::Confirm(Confirm::Overwrite(path)));
            Effect::None
        }
        other => return Err(other),
    };
    Ok(effect)
}

/// While the terminal is too small to draw the panes, the user cannot see what a key would
/// change, so everything is ignored, status line included, except quitting: the quit key
/// (over any overlay, as the screen says) and the answers to a question about saving.
fn while_too_small(app: &mut App, action: Action) -> Effect {
    let asked = app.saving_question().is_some();
    match action {
        Action::Submit | Action::Cancel | Action::Save | Action::Discard if asked => {
            app.status.clear();
            overlay::handle(app, action)
        }
        Action::Quit if !asked => {
            app.status.clear();
            quit(app)
        }
        _ => Effect::None,
    }
}

/// Ctrl-C: what quit does from anywhere (an open prompt, picker or import is dropped), and
/// at the question about unsaved changes, quitting with the work kept for the next start.
fn interrupt(app: &mut App) -> Effect {
    if app.saving_question() == Some(&Confirm::Quit) {
        app.keep_recovery = true;
        app.quit = true;
        return Effect::Quit;
    }
    app.overlays.clear();
    app.typing = None;
    app.quit_after_save = false;
    quit(app)
}

/// Quits, or asks first when there are unsaved changes.
fn quit(app: &mut App) -> Effect {
    if app.dirty {
        app.overlays.push(Overlay::Confirm(Confirm::Quit));
        Effect::None
    } else {
        app.quit = true;
        Effect::Quit
    }
}

/// Where a list's selection at `at` goes on a movement action, in a list whose last row is
/// `last` and whose page is `page` rows; `None` for any other action. The import review and
/// its task picker share it, so both move alike.
fn moved(action: &Action, at: usize, last: usize, page: usize) -> Option<usize> {
    match action {
        Action::Up => Some(at.saturating_sub(1)),
        Action::Down => Some((at + 1).min(last)),
        Action::PageUp => Some(at.saturating_sub(page)),
        Action::PageDown => Some((at + page).min(last)),
        Action::Top => Some(0),
        Action::Bottom => Some(last),
        _ => None,
    }
}

/// Moves the focused pane's selection by `delta` rows, within the pane.
fn step(app: &mut App, delta: isize) {
    let at = app.selected_row(app.focus);
    select(app, at.saturating_add_signed(delta));
}

/// Selects row `to` (clamped) in the focused pane; a new person starts at their first task.
fn select(app: &mut App, to: usize) {
    app.select_row(app.focus, to);
}

/// After an undo or redo: the analysis follows, and the status says which change was taken
/// back or done again, from its label ("Undone: assigned “…” to Maya (ctrl-r to redo).").
fn after_history(
    app: &mut App,
    label: Option<String>,
    nothing: &str,
    say: impl FnOnce(String) -> String,
) {
    let Some(label) = label else {
        nothing.clone_into(&mut app.status);
        return;
    };
    let people = app.history.last_people().map(<[usize]>::to_vec);
    app.refresh_touching(people.as_deref());
    app.status = say(as_clause(app, &label));
}

/// A step's label ("Assigned “…” to Maya.") as the rest of a sentence: the first letter
/// lowercased, unless the label starts with a person's name ("Maya Okafor is now …"), which
/// keeps its capital; the full stop stays.
fn as_clause(app: &App, label: &str) -> String {
    let named = app.plan.people.iter().any(|p| {
        label
            .strip_prefix(p.name.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
    });
    let mut chars = label.chars();
    match chars.next() {
        Some(first) if !named => first.to_lowercase().chain(chars).collect(),
        _ => label.to_owned(),
    }
}

/// Saves to the plan's path, or asks for one first.
fn save(app: &mut App) -> Effect {
    if let Some(path) = &app.path {
        return Effect::Save(path.clone());
    }
    open_prompt(app, PromptKind::SaveAs, "");
    "Where should the plan be saved?".clone_into(&mut app.status);
    Effect::None
}

fn saved(app: &mut App, result: Result<PathBuf, String>) -> Effect {
    match result {
        Ok(path) => {
            app.saved = app.plan.clone();
            app.dirty = false;
            app.status = format!("Saved {}.", path.display());
            app.path = Some(path);
            if std::mem::take(&mut app.quit_after_save) {
                app.quit = true;
                return Effect::Quit;
            }
        }
        Err(e) => {
            app.quit_after_save = false;
            app.status = format!("Not saved: {e}");
        }
    }
    Effect::None
}
