//! Actions on the selected person, task or finding: the pane keys that edit the plan or open
//! a prompt for it.

use super::edit::{self, Touches};
use super::effective_hours;
use super::overlay::open_prompt;
use crate::plan::RoleSpec;
use crate::tui::action::Action;
use crate::tui::state::{App, Confirm, Overlay, PromptKind, gap_words};

/// Actions on the selected person, task or finding.
pub(super) fn on_selection(app: &mut App, action: &Action) -> Result<(), String> {
    let person = app.selected_person_index();
    let need_person = || person.ok_or_else(|| nobody(app));
    let task = app.selected.tasks;
    match action {
        Action::RenamePerson => {
            let i = need_person()?;
            let name = app.plan.people[i].name.clone();
            open_prompt(app, PromptKind::Rename(i), name);
        }
        Action::DeletePerson => {
            let i = need_person()?;
            app.overlays
                .push(Overlay::Confirm(Confirm::DeletePerson(i)));
        }
        Action::PickRole => {
            let i = need_person()?;
            // The last row of the picker is the hybrid split.
            let selected = match &app.plan.people[i].role {
                RoleSpec::Single(id) => app.catalog.role_position(id).unwrap_or(0),
                RoleSpec::Hybrid(_) => app.catalog.roles().len(),
            };
            app.overlays.push(Overlay::RolePicker {
                person: i,
                selected,
            });
        }
        Action::SetCapacity => {
            let i = need_person()?;
            let capacity = app.plan.people[i].capacity.to_string();
            open_prompt(app, PromptKind::Capacity(i), capacity);
        }
        Action::Assign => {
            let i = need_person()?;
            let id = app
                .highlighted_task()
                .map(|t| t.id.clone())
                .ok_or_else(|| "No catalog task is highlighted.".to_owned())?;
            edit::change(app, Touches::Person(i), |plan, cat| {
                edit::assign(plan, cat, i, &id)
            })?;
            if let Some(pos) = app.plan.people[i].tasks.iter().position(|a| a.task == id) {
                app.selected.tasks = pos;
            }
        }
        Action::MoveTask => super::move_task::open(app)?,
        Action::Unassign => {
            let i = need_person()?;
            edit::change(app, Touches::Person(i), |plan, cat| {
                edit::unassign(plan, cat, i, task)
            })?;
        }
        Action::HoursUp | Action::HoursDown => {
            let i = need_person()?;
            let delta = if *action == Action::HoursUp {
                0.5
            } else {
                -0.5
            };
            edit::change(app, Touches::Person(i), |plan, cat| {
                edit::nudge_hours(plan, cat, i, task, delta)
            })?;
        }
        Action::SetHours => {
            let i = need_person()?;
            let a = app.selected_assignment().ok_or("No task selected.")?;
            let hours = effective_hours(&app.catalog, a).to_string();
            open_prompt(app, PromptKind::Hours { person: i, task }, hours);
        }
        Action::WithdrawAcceptance => super::accepted::withdraw(app)?,
        Action::ShowFixes => super::fixes::open(app)?,
        Action::AcceptFinding => {
            if let Some(a) = app.highlighted_accepted() {
                return Err(format!(
                    "Accepted already: “{}” (w withdraws it).",
                    crate::tui::text::fit(&a.reason, edit::TITLE_COLUMNS)
                ));
            }
            let f = app
                .highlighted_finding()
                .ok_or("No finding is highlighted.")?;
            let kind = PromptKind::Accept {
                person: f.person_index,
                rule: f.rule,
                task: f.task.clone(),
                category: f.category.clone(),
            };
            app.status = match &f.category {
                Some(c) => format!(
                    "Why is {} intended?",
                    gap_words(&app.catalog, c, edit::TITLE_COLUMNS)
                ),
                None => format!("Why is `{}` intended here?", f.rule),
            };
            open_prompt(app, kind, "");
        }
        // Prompt and question actions with nothing open, and paste outside the filter.
        _ => {}
    }
    Ok(())
}

/// Why no person is selected: there is no one yet, or the people filter shows no one.
fn nobody(app: &App) -> String {
    if app.plan.people.is_empty() {
        "Add a person first (a).".to_owned()
    } else {
        "No one is highlighted: no name matches the people filter.".to_owned()
    }
}
