//! Changes applied to a plan, and the people each one touches (so the analysis can follow
//! them alone).

use super::{AcceptField, Change};
use crate::plan::{Assignment, Plan, RoleSpec};

/// Applies `changes` to `plan` in order; returns the indices of the people touched, or why a
/// change no longer applies (a person or task gone since the fix was computed).
pub fn apply(plan: &mut Plan, changes: &[Change]) -> Result<Vec<usize>, String> {
    apply_known(plan, changes, &[])
}

/// [`apply`], looking people up among `known` (plan indices) before searching the plan: a
/// fix tried on a 10,000-person plan knows whom it names.
pub(super) fn apply_known(
    plan: &mut Plan,
    changes: &[Change],
    known: &[usize],
) -> Result<Vec<usize>, String> {
    let mut touched = Vec::new();
    for change in changes {
        touched.extend(apply_one(plan, change, known)?);
    }
    touched.sort_unstable();
    touched.dedup();
    Ok(touched)
}

fn index(plan: &Plan, known: &[usize], name: &str) -> Result<usize, String> {
    known
        .iter()
        .copied()
        .find(|&i| plan.people.get(i).is_some_and(|p| p.name == name))
        .or_else(|| plan.people.iter().position(|p| p.name == name))
        .ok_or_else(|| format!("{name} is no longer in the plan"))
}

fn task_at(plan: &Plan, person: usize, task: &str) -> Result<usize, String> {
    plan.people[person]
        .tasks
        .iter()
        .position(|a| a.task == task)
        .ok_or_else(|| format!("{} no longer has {task}", plan.people[person].name))
}

fn apply_one(plan: &mut Plan, change: &Change, known: &[usize]) -> Result<Vec<usize>, String> {
    match change {
        Change::Move { task, from, to, .. } => {
            let (from, to) = (index(plan, known, from)?, index(plan, known, to)?);
            let at = task_at(plan, from, task)?;
            // Fixes move a task only to someone without it (joining hours and notes is the
            // view's `m`, which knows the catalog's hours); refuse rather than lose either.
            if plan.people[to].has_task(task) {
                return Err(format!("{} has {task} already", plan.people[to].name));
            }
            let moved = plan.people[from].tasks.remove(at);
            plan.people[to].tasks.push(moved);
            Ok(vec![from, to])
        }
        Change::Retitle { person, role } => {
            let i = index(plan, known, person)?;
            plan.people[i].role = role.clone();
            Ok(vec![i])
        }
        Change::Assign {
            person,
            task,
            hours,
        } => {
            let i = index(plan, known, person)?;
            // At the task's typical hours, as assigning in the view does: no override.
            let _ = hours;
            if !plan.people[i].has_task(task) {
                plan.people[i].tasks.push(Assignment::new(task.clone()));
            }
            Ok(vec![i])
        }
        Change::Unassign { person, task } => {
            let i = index(plan, known, person)?;
            let at = task_at(plan, i, task)?;
            plan.people[i].tasks.remove(at);
            Ok(vec![i])
        }
        Change::SetHours {
            person,
            task,
            hours,
        } => {
            let i = index(plan, known, person)?;
            let at = task_at(plan, i, task)?;
            plan.people[i].tasks[at].hours = Some(*hours);
            Ok(vec![i])
        }
        Change::ReplaceTask { person, from, to } => {
            let i = index(plan, known, person)?;
            let at = task_at(plan, i, from)?;
            if plan.people[i].has_task(to) {
                return Err(format!("{person} has {to} already"));
            }
            to.clone_into(&mut plan.people[i].tasks[at].task);
            Ok(vec![i])
        }
        Change::ReplaceAccepted {
            person,
            rule,
            field,
            from,
            to,
        } => {
            let (list, touched) = match person {
                Some(name) => {
                    let i = index(plan, known, name)?;
                    (&mut plan.people[i].accept, vec![i])
                }
                None => (&mut plan.accept, Vec::new()),
            };
            let entry = list
                .iter_mut()
                .find(|a| {
                    a.rule == *rule
                        && match field {
                            AcceptField::Task => a.task.as_deref() == Some(from.as_str()),
                            AcceptField::Category => a.category.as_deref() == Some(from.as_str()),
                        }
                })
                .ok_or_else(|| format!("no accept entry names {from} any more"))?;
            match field {
                AcceptField::Task => entry.task = Some(to.clone()),
                AcceptField::Category => entry.category = Some(to.clone()),
            }
            Ok(touched)
        }
        Change::ReplaceRole { person, from, to } => {
            let i = index(plan, known, person)?;
            let role = &mut plan.people[i].role;
            match role {
                RoleSpec::Single(id) if id == from => to.clone_into(id),
                RoleSpec::Hybrid(parts) => {
                    for (id, _) in parts.iter_mut().filter(|(id, _)| id == from) {
                        to.clone_into(id);
                    }
                }
                RoleSpec::Single(_) => return Err(format!("{person} no longer has role {from}")),
            }
            Ok(vec![i])
        }
    }
}
