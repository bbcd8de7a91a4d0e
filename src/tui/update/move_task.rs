//! Moving a task from one person to another (`m` on a task): the picker's keys, and the edit.
//! The task keeps its hours and its note, so moving is not unassigning and assigning again
//! (which would reset both); onto someone who has the task already, the hours add up and the
//! notes are joined, and the status line says so.

use super::edit::{self, Touches, effective_hours};
use super::field::edit_text;
use crate::catalog::Catalog;
use crate::plan::Plan;
use crate::tui::action::Action;
use crate::tui::mover::MovePicker;
use crate::tui::state::{App, Focus, Overlay};
use crate::tui::text::fit;

/// `m` on a task: opens the picker, unless there is no task or no one to move it to.
pub(super) fn open(app: &mut App) -> Result<(), String> {
    let from = app
        .selected_person_index()
        .ok_or_else(|| "Add a person first (a).".to_owned())?;
    let task = app.selected.tasks;
    if app.plan.people[from].tasks.get(task).is_none() {
        return Err("No task is selected.".to_owned());
    }
    if app.plan.people.len() < 2 {
        return Err("Add someone to move the task to first (a).".to_owned());
    }
    app.overlays
        .push(Overlay::MovePicker(Box::new(MovePicker::new(
            &app.plan, from, task,
        ))));
    Ok(())
}

/// The picker's keys: typing narrows the people, Enter moves the task to the highlighted one.
pub(super) fn handle(app: &mut App, action: &Action) {
    let page = app.page_size();
    let Some(Overlay::MovePicker(picker)) = app.overlays.last_mut() else {
        return;
    };
    let count = picker.candidates().len();
    let last = count.saturating_sub(1);
    if picker.filter.edited(|f| {
        edit_text(f, action);
    }) {
        picker.refilter(&app.plan);
        return;
    }
    match action {
        Action::Up => picker.selected = picker.selected.saturating_sub(1),
        Action::Down => picker.selected = (picker.selected + 1).min(last),
        Action::PageUp => picker.selected = picker.selected.saturating_sub(page),
        Action::PageDown => picker.selected = (picker.selected + page).min(last),
        Action::Top => picker.selected = 0,
        Action::Bottom => picker.selected = last,
        Action::Cancel => {
            app.overlays.pop();
        }
        Action::Submit => {
            let Some(&to) = picker.candidates().get(picker.selected) else {
                "No one matches; change the name typed.".clone_into(&mut app.status);
                return;
            };
            let (from, task) = (picker.from, picker.task);
            let moved_id = app.plan.people[from].tasks[task].task.clone();
            app.overlays.pop();
            let outcome = edit::change(app, Touches::Pair(from, to), |plan, catalog| {
                move_task(plan, catalog, from, task, to)
            });
            match outcome {
                Ok(()) => {
                    app.status = edit::hinted(&app.status, "u undoes it");
                    // Follow the task: its new owner, with the task selected.
                    app.show_person(to);
                    app.selected.tasks = app.plan.people[to]
                        .tasks
                        .iter()
                        .position(|a| a.task == moved_id)
                        .unwrap_or(0);
                    app.focus = Focus::Tasks;
                    app.clamp();
                }
                Err(e) => app.status = e,
            }
        }
        _ => {}
    }
}

/// Moves task `task` of person `from` to person `to`, hours and note included; onto someone
/// who has it already, the hours are added and the notes joined.
pub fn move_task(
    plan: &mut Plan,
    catalog: &Catalog,
    from: usize,
    task: usize,
    to: usize,
) -> Result<String, String> {
    if from == to || to >= plan.people.len() || from >= plan.people.len() {
        return Err("Choose another person.".to_owned());
    }
    if task >= plan.people[from].tasks.len() {
        return Err(format!("{} has no task selected.", plan.people[from].name));
    }
    let moved = plan.people[from].tasks.remove(task);
    let title = fit(
        catalog
            .task(&moved.task)
            .map_or(moved.task.as_str(), |t| t.title.as_str()),
        edit::TITLE_COLUMNS,
    );
    let hours = effective_hours(catalog, &moved);
    let (giver, taker) = (plan.people[from].name.clone(), plan.people[to].name.clone());
    let target = &mut plan.people[to];
    if let Some(existing) = target.tasks.iter_mut().find(|a| a.task == moved.task) {
        let total = effective_hours(catalog, existing) + hours;
        existing.hours = Some(total);
        let joined = match (existing.note.take(), moved.note) {
            (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
            (a, b) => a.or(b),
        };
        existing.note = joined;
        return Ok(format!(
            "Moved “{title}” ({}) from {giver} to {taker}, who had it already: now {} a week, notes joined.",
            crate::analysis::hours_label(hours),
            crate::analysis::hours_label(total)
        ));
    }
    target.tasks.push(moved);
    Ok(format!(
        "Moved “{title}” ({}) from {giver} to {taker}.",
        crate::analysis::hours_label(hours)
    ))
}
