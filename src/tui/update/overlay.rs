//! Actions while an overlay is open: the top overlay takes them all, so nothing changes behind
//! a question or a half-typed prompt.

use std::path::PathBuf;

use super::edit::Touches;
use super::field::edit_text;
use super::{Effect, edit, export, import, parse, save};
use crate::plan::{Acceptance, RoleSpec};
use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::tui::keymap::help_rows;
use crate::tui::state::{App, Confirm, Focus, Overlay, PromptKind};

pub fn handle(app: &mut App, action: Action) -> Effect {
    let page = app.page_size();
    let Some(top) = app.overlays.last_mut() else {
        return Effect::None;
    };
    match top {
        Overlay::Import(_) => return import::handle(app, action),
        Overlay::Export(_) => return export::handle(app, &action),
        Overlay::MovePicker(_) => {
            super::move_task::handle(app, &action);
            return Effect::None;
        }
        Overlay::Fixes(_) => return super::fixes::handle_list(app, &action),
        Overlay::Rebalance(_) => return super::fixes::handle_rebalance(app, &action),
        Overlay::Help { scroll } => {
            let last = help_rows(&app.bindings).len().saturating_sub(1);
            *scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => *scroll + 1,
                Action::PageUp => scroll.saturating_sub(page),
                Action::PageDown => *scroll + page,
                Action::Top => 0,
                Action::Bottom => last,
                Action::Cancel | Action::Help => {
                    app.overlays.pop();
                    return Effect::None;
                }
                _ => *scroll,
            }
            .min(last);
        }
        Overlay::Prompt { input, kind } => {
            if edit_text(input, &action) {
                return Effect::None;
            }
            match action {
                Action::Submit => return submit_prompt(app),
                Action::Cancel => {
                    if *kind == PromptKind::SaveAs {
                        app.quit_after_save = false;
                    }
                    app.overlays.pop();
                }
                _ => {}
            }
        }
        Overlay::RolePicker { person, selected } => {
            let last = app.catalog.roles().len();
            match action {
                Action::Up => *selected = selected.saturating_sub(1),
                Action::Down => *selected = (*selected + 1).min(last),
                Action::Top => *selected = 0,
                Action::Bottom => *selected = last,
                Action::Submit => {
                    let (person, selected) = (*person, *selected);
                    app.overlays.pop();
                    pick_role(app, person, selected);
                }
                Action::Cancel => {
                    app.overlays.pop();
                }
                _ => {}
            }
        }
        Overlay::Confirm(what) => {
            let what = what.clone();
            return confirm(app, what, action);
        }
    }
    Effect::None
}

/// An answer to a question: delete, save before quitting, overwrite or replace a file.
fn confirm(app: &mut App, what: Confirm, action: Action) -> Effect {
    match (what, action) {
        (Confirm::DeletePerson(i), Action::Submit) => {
            app.overlays.pop();
            app.status = match edit::change(app, Touches::Plan, |plan, _| edit::delete(plan, i)) {
                Ok(()) => edit::hinted(&app.status, "u undoes it"),
                Err(e) => e,
            };
        }
        (Confirm::Quit, Action::Save) => {
            app.overlays.pop();
            app.quit_after_save = true;
            return save(app);
        }
        (Confirm::Overwrite(path) | Confirm::Replace(path), Action::Submit) => {
            app.overlays.pop();
            return Effect::Overwrite(path);
        }
        (
            Confirm::ReplaceExport {
                path,
                format,
                subject,
            },
            Action::Submit,
        ) => {
            // Back to the export form, which the loop's report closes or keeps.
            app.overlays.pop();
            return Effect::Export {
                path,
                format,
                subject,
                replace: true,
            };
        }
        (Confirm::Quit, Action::Discard) => {
            app.overlays.pop();
            app.quit = true;
            return Effect::Quit;
        }
        (_, Action::Cancel) => {
            app.overlays.pop();
        }
        _ => {}
    }
    Effect::None
}

/// A catalog role is set at once; the last row asks for a hybrid split instead.
fn pick_role(app: &mut App, person: usize, selected: usize) {
    if let Some(role) = app.catalog.roles().get(selected) {
        let role = RoleSpec::Single(role.id.to_string());
        if let Err(e) = edit::change(app, Touches::Person(person), |plan, cat| {
            edit::set_role(plan, cat, person, role)
        }) {
            app.status = e;
        }
    } else if let Some(p) = app.plan.people.get(person) {
        let text = parse::split_text(&p.role, &app.catalog);
        open_prompt(app, PromptKind::Split(person), text);
        "Type roles with weights, e.g. community-manager 60 social-media-manager 40."
            .clone_into(&mut app.status);
    }
}

pub fn open_prompt(app: &mut App, kind: PromptKind, text: impl Into<String>) {
    app.overlays.push(Overlay::Prompt {
        kind,
        input: TextInput::with_text(text),
    });
}

/// Runs the prompt's purpose with its text; on a refusal the prompt stays open with the text,
/// and the status line says why, so a typo costs one key and not the whole entry.
fn submit_prompt(app: &mut App) -> Effect {
    let Some(Overlay::Prompt { kind, input }) = app.overlays.pop() else {
        return Effect::None;
    };
    let text = input.text().trim().to_owned();
    let outcome = match kind.clone() {
        PromptKind::AddPerson => add_person(app, &text),
        PromptKind::Rename(i) => edit::change(app, Touches::Person(i), |plan, _| {
            edit::rename(plan, i, &text)
        }),
        PromptKind::RenamePlan => {
            edit::change(app, Touches::Plan, |plan, _| edit::rename_plan(plan, &text))
        }
        PromptKind::Capacity(i) => parse::hours(&text).and_then(|h| {
            edit::change(app, Touches::Person(i), |plan, _| {
                edit::set_capacity(plan, i, h)
            })
        }),
        PromptKind::Hours { person, task } => parse::hours(&text).and_then(|h| {
            edit::change(app, Touches::Person(person), |plan, cat| {
                edit::set_hours(plan, cat, person, task, h)
            })
        }),
        PromptKind::Split(i) => parse::split(&text, &app.catalog).and_then(|role| {
            edit::change(app, Touches::Person(i), |plan, cat| {
                edit::set_role(plan, cat, i, role)
            })
        }),
        PromptKind::Accept {
            person,
            rule,
            task,
            category,
        } => {
            let acceptance = Acceptance {
                rule,
                task,
                category,
                reason: text,
            };
            edit::change(
                app,
                person.map_or(Touches::Plan, Touches::Person),
                |plan, catalog| edit::accept(plan, catalog, person, acceptance),
            )
        }
        PromptKind::SaveAs if text.is_empty() => Err("Type a path to save to.".to_owned()),
        PromptKind::SaveAs => return Effect::Save(PathBuf::from(text)),
    };
    if let Err(reason) = outcome {
        app.overlays.push(Overlay::Prompt { kind, input });
        app.status = reason;
    }
    Effect::None
}

/// Adds the person with the catalog's first role, selects them and offers the role picker,
/// since a person without the right role is the first thing a user fixes.
fn add_person(app: &mut App, name: &str) -> Result<(), String> {
    let role = app.catalog.role_ids().next().unwrap_or_default().to_owned();
    edit::change(app, Touches::Plan, |plan, _| {
        edit::add_person(plan, name, &role)
    })?;
    let index = app.plan.people.len() - 1;
    app.show_person(index);
    app.selected.tasks = 0;
    app.selected.findings = 0;
    app.focus = Focus::People;
    app.overlays.push(Overlay::RolePicker {
        person: index,
        selected: 0,
    });
    Ok(())
}
