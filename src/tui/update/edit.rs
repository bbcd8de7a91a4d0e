//! Every change the TUI makes to a plan, and the one path all of them take ([`change`]), which
//! records undo, marks the plan dirty and re-runs the analysis, so no edit can forget a step.
//!
//! Each edit returns the status line on success or the reason it refused; a refused or no-op
//! edit leaves no undo step behind. The status line is also the undo step's label, so it says
//! what changed and nothing else: key hints are added by the caller ([`hinted`]).

use std::sync::Arc;

use super::parse::WEEK_HOURS;
use crate::catalog::Catalog;
use crate::plan::{Acceptance, Assignment, Person, Plan, RoleSpec};
use crate::report::model::role_label;
use crate::tui::history::Snapshot;
use crate::tui::state::{App, gap_words};
use crate::tui::text::fit;

/// What an edit may touch: one person (by index), or the whole plan. Only that part is kept
/// for undo, so edits stay cheap on large plans.
#[derive(Debug, Clone, Copy)]
pub enum Touches {
    Person(usize),
    /// Two people: a task moved from one to the other.
    Pair(usize, usize),
    Plan,
}

/// Applies `edit` to the plan as one undoable change.
pub fn change(
    app: &mut App,
    touches: Touches,
    edit: impl FnOnce(&mut Plan, &Catalog) -> Result<String, String>,
) -> Result<(), String> {
    let before = match touches {
        Touches::Person(i) => match app.plan.people.get(i) {
            Some(p) => Snapshot::Person(i, p.clone()),
            None => return Err("Add a person first (a).".to_owned()),
        },
        Touches::Pair(a, b) => match (app.plan.people.get(a), app.plan.people.get(b)) {
            (Some(pa), Some(pb)) if a != b => Snapshot::Pair([(a, pa.clone()), (b, pb.clone())]),
            _ => return Err("Choose another person.".to_owned()),
        },
        Touches::Plan => Snapshot::Plan(app.plan.clone()),
    };
    let catalog = Arc::clone(&app.catalog);
    let result = edit(&mut app.plan, &catalog);
    let changed = match &before {
        Snapshot::Person(i, p) => app.plan.people.get(*i) != Some(p),
        Snapshot::Pair(pair) => pair.iter().any(|(i, p)| app.plan.people.get(*i) != Some(p)),
        Snapshot::Plan(p) => app.plan != *p,
    };
    match result {
        Ok(status) => {
            if changed {
                app.history.record(before, status.clone());
                match touches {
                    Touches::Person(i) => app.refresh_touching(Some(&[i])),
                    Touches::Pair(a, b) => app.refresh_touching(Some(&[a, b])),
                    Touches::Plan => app.refresh_touching(None),
                }
            }
            app.status = status;
            Ok(())
        }
        Err(reason) => {
            // Put back whatever the refused edit may have touched.
            match before {
                Snapshot::Person(i, p) => app.plan.people[i] = p,
                Snapshot::Pair(pair) => {
                    for (i, p) in pair {
                        app.plan.people[i] = p;
                    }
                }
                Snapshot::Plan(p) => app.plan = p,
            }
            Err(reason)
        }
    }
}

fn person(plan: &mut Plan, index: usize) -> Result<&mut Person, String> {
    plan.people
        .get_mut(index)
        .ok_or_else(|| "Add a person first (a).".to_owned())
}

/// A trimmed name no one else in the plan has, since names identify people in findings.
fn valid_name(plan: &Plan, name: &str, except: Option<usize>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A name cannot be empty.".to_owned());
    }
    let taken = plan
        .people
        .iter()
        .enumerate()
        .any(|(i, p)| p.name == name && Some(i) != except);
    if taken {
        return Err(format!(
            "{name} is already in the plan; names must be unique."
        ));
    }
    Ok(name.to_owned())
}

pub fn add_person(plan: &mut Plan, name: &str, role: &str) -> Result<String, String> {
    let name = valid_name(plan, name, None)?;
    plan.people
        .push(Person::new(name.clone(), RoleSpec::Single(role.to_owned())));
    Ok(format!("Added {name}."))
}

/// Adds a person with any role (a title's hybrid included).
pub fn add_person_with(plan: &mut Plan, name: &str, role: RoleSpec) -> Result<String, String> {
    let name = valid_name(plan, name, None)?;
    plan.people.push(Person::new(name.clone(), role));
    Ok(format!("Added {name}."))
}

/// `base`, or `base (2)`, `base (3)`, ... : the first name nobody in the plan has.
pub fn unique_name(plan: &Plan, base: &str) -> String {
    let base = base.trim();
    let taken = |n: &str| plan.people.iter().any(|p| p.name == n);
    if !taken(base) {
        return base.to_owned();
    }
    // n people take at most n of these n + 1 names.
    (2..=plan.people.len() + 2)
        .map(|i| format!("{base} ({i})"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_owned())
}

/// Longest note kept from a posting's line, as `rolescope offer --save` keeps.
const NOTE_CHARS: usize = 160;

/// Assigns imported tasks, each with the posting's words as its note; tasks the person already
/// has are left as they are.
pub fn add_tasks(
    plan: &mut Plan,
    catalog: &Catalog,
    index: usize,
    tasks: &[(String, String)],
) -> Result<String, String> {
    let p = person(plan, index)?;
    let mut added = 0;
    let mut had = 0;
    for (task, line) in tasks {
        if catalog.task(task).is_none() {
            continue;
        }
        if p.has_task(task) {
            had += 1;
            continue;
        }
        let mut a = Assignment::new(task.clone());
        let mut note: String = line.chars().take(NOTE_CHARS).collect();
        if line.chars().count() > NOTE_CHARS {
            note.pop();
            note.push('…');
        }
        a.note = Some(note);
        p.tasks.push(a);
        added += 1;
    }
    let plural = if added == 1 { "" } else { "s" };
    let already = if had > 0 {
        format!(", who already had {had}")
    } else {
        String::new()
    };
    Ok(format!(
        "Added {added} task{plural} from the offer to {}{already}.",
        p.name
    ))
}

pub fn rename(plan: &mut Plan, index: usize, name: &str) -> Result<String, String> {
    let name = valid_name(plan, name, Some(index))?;
    let p = person(plan, index)?;
    let old = std::mem::replace(&mut p.name, name.clone());
    Ok(format!("Renamed {old} to {name}."))
}

pub fn delete(plan: &mut Plan, index: usize) -> Result<String, String> {
    person(plan, index)?;
    let gone = plan.people.remove(index);
    Ok(format!("Deleted {}.", gone.name))
}

/// Sets a person's role; the status names it by its title ("Community Manager 60% / Social
/// Media Manager 40%"), as the reports do, not by the ids the plan file uses.
pub fn set_role(
    plan: &mut Plan,
    catalog: &Catalog,
    index: usize,
    role: RoleSpec,
) -> Result<String, String> {
    let p = person(plan, index)?;
    p.role = role;
    Ok(format!(
        "{} is now {}.",
        p.name,
        role_label(catalog, &p.role)
    ))
}

pub fn set_capacity(plan: &mut Plan, index: usize, hours: f64) -> Result<String, String> {
    let p = person(plan, index)?;
    p.capacity = hours;
    Ok(format!("{} can give {hours} h a week.", p.name))
}

pub fn assign(
    plan: &mut Plan,
    catalog: &Catalog,
    index: usize,
    task: &str,
) -> Result<String, String> {
    let p = person(plan, index)?;
    let title = task_title(catalog, task);
    if p.has_task(task) {
        return Ok(format!("{} already has “{title}”.", p.name));
    }
    p.tasks.push(Assignment::new(task));
    Ok(format!("Assigned “{title}” to {}.", p.name))
}

pub fn unassign(
    plan: &mut Plan,
    catalog: &Catalog,
    index: usize,
    task: usize,
) -> Result<String, String> {
    let p = person(plan, index)?;
    if task >= p.tasks.len() {
        return Err(format!("{} has no task selected.", p.name));
    }
    let gone = p.tasks.remove(task);
    Ok(format!(
        "Took “{}” off {}.",
        task_title(catalog, &gone.task),
        p.name
    ))
}

/// Widest task title a status line quotes whole: catalog titles run to a sentence, and the line
/// must still show what happened to whom.
pub(super) const TITLE_COLUMNS: usize = 40;

/// A task's title for a status line, cut to [`TITLE_COLUMNS`] with `…`; a task the catalog
/// lacks goes by its id, which is all there is.
fn task_title(catalog: &Catalog, id: &str) -> String {
    fit(
        catalog.task(id).map_or(id, |t| t.title.as_str()),
        TITLE_COLUMNS,
    )
}

/// `sentence` with a hint in brackets before its full stop: "Deleted Ana." and "u undoes it"
/// give "Deleted Ana (u undoes it)."
pub fn hinted(sentence: &str, hint: &str) -> String {
    format!(
        "{} ({hint}).",
        sentence.strip_suffix('.').unwrap_or(sentence)
    )
}

/// The hours an assignment counts for ([`Assignment::hours_in`]).
pub fn effective_hours(catalog: &Catalog, a: &Assignment) -> f64 {
    a.hours_in(catalog)
}

/// Sets a task's weekly hours; the typical hours are stored as no override, so plans stay as
/// short as hand-written ones.
pub fn set_hours(
    plan: &mut Plan,
    catalog: &Catalog,
    index: usize,
    task: usize,
    hours: f64,
) -> Result<String, String> {
    let p = person(plan, index)?;
    let a = p
        .tasks
        .get_mut(task)
        .ok_or_else(|| format!("{} has no task selected.", p.name))?;
    let typical = catalog.task(&a.task).map(|t| t.hours);
    a.hours = (typical != Some(hours)).then_some(hours);
    Ok(format!(
        "Set “{}” to {hours} h a week.",
        task_title(catalog, &a.task)
    ))
}

/// Adds `delta` hours to a task, within 0 to a week's hours.
pub fn nudge_hours(
    plan: &mut Plan,
    catalog: &Catalog,
    index: usize,
    task: usize,
    delta: f64,
) -> Result<String, String> {
    let current = person(plan, index)?
        .tasks
        .get(task)
        .map(|a| effective_hours(catalog, a))
        .ok_or_else(|| "No task selected.".to_owned())?;
    let hours = (current + delta).clamp(0.0, WEEK_HOURS);
    if (hours - current).abs() < f64::EPSILON {
        return Ok(format!(
            "Hours stay at {current}: the range is 0 to {WEEK_HOURS}."
        ));
    }
    set_hours(plan, catalog, index, task, hours)
}

/// Writes an acceptance into the person's `accept` list, or the plan's for team findings.
pub fn accept(
    plan: &mut Plan,
    catalog: &Catalog,
    person_index: Option<usize>,
    acceptance: Acceptance,
) -> Result<String, String> {
    if acceptance.reason.trim().is_empty() {
        return Err("Give a reason, so the exception explains itself.".to_owned());
    }
    let status = match &acceptance.category {
        Some(c) => format!("Accepted {}.", gap_words(catalog, c, TITLE_COLUMNS)),
        None => format!("Accepted {}.", acceptance.rule),
    };
    let list = match person_index {
        Some(i) => &mut person(plan, i)?.accept,
        None => &mut plan.accept,
    };
    list.push(acceptance);
    Ok(status)
}

/// Removes entry `entry` of the person's `accept` list (or the plan's, for team findings), the
/// one behind an accepted finding; `silenced` is how many findings it accepted, so the status
/// says when more than the highlighted one comes back. The reason is quoted, since it is the
/// only copy of what the user wrote (undo brings it back).
pub fn withdraw(
    plan: &mut Plan,
    catalog: &Catalog,
    person_index: Option<usize>,
    entry: usize,
    silenced: usize,
) -> Result<String, String> {
    let (list, whose) = match person_index {
        Some(i) => {
            let p = person(plan, i)?;
            (&mut p.accept, format!(" for {}", p.name))
        }
        None => (&mut plan.accept, String::new()),
    };
    if entry >= list.len() {
        return Err("That acceptance is no longer in the plan.".to_owned());
    }
    let gone = list.remove(entry);
    let what = match &gone.category {
        Some(c) => gap_words(catalog, c, TITLE_COLUMNS),
        None => gone.rule.to_string(),
    };
    let also = if silenced > 1 {
        format!("; it accepted {silenced} findings")
    } else {
        String::new()
    };
    Ok(format!(
        "Withdrew the acceptance of {what}{whose}: “{}”{also}.",
        fit(&gone.reason, TITLE_COLUMNS)
    ))
}

/// Renames the plan: the title of its header and reports, so it cannot be empty.
pub fn rename_plan(plan: &mut Plan, name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A plan's name cannot be empty.".to_owned());
    }
    name.clone_into(&mut plan.name);
    Ok(format!(
        "Renamed the plan to “{}”.",
        fit(name, TITLE_COLUMNS)
    ))
}
