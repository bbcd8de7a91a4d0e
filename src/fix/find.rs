//! The fixes of one finding: candidates by kind, each tried on the plan and kept only if it
//! clears the finding without creating an error.

use std::collections::BTreeMap;

use super::apply::apply_known;
use super::{AcceptField, Change, FindingKey, Fix, FixSettings};
use crate::analysis::{Analysis, shortened};
use crate::catalog::{Catalog, Owner};
use crate::finding::{Detail, Finding, Rule, Severity};
use crate::plan::{Person, Plan, RoleSpec};

/// The fixes of `finding`, most preferred first (see [`FixSettings::order`]). `plan` and
/// `analysis` are changed while each candidate is tried (only the people it touches are
/// analysed again) and put back as they were.
pub fn fixes_for(
    catalog: &Catalog,
    plan: &mut Plan,
    analysis: &mut Analysis,
    finding: &Finding,
    settings: &FixSettings,
) -> Vec<Fix> {
    let mut candidates = candidates(catalog, plan, analysis, finding, settings);
    candidates.sort_by_key(|c| settings.rank(c.kind));
    let target = FindingKey::of(finding);
    candidates
        .into_iter()
        .filter_map(|c| {
            let (clears, creates) = try_on(catalog, plan, analysis, &c.people, &c.changes)?;
            let keeps_target = !clears.contains(&target);
            let makes_error = creates.iter().any(|k| k.severity == Severity::Error);
            (!keeps_target && !makes_error).then(|| Fix {
                id: c.id,
                kind: c.kind.to_owned(),
                description: c.description,
                safe: c.safe,
                changes: c.changes,
                clears,
                creates,
            })
        })
        .collect()
}

/// A fix before it is tried.
struct Candidate {
    kind: &'static str,
    /// The people the changes name, by index (so trying it needs no search by name).
    people: Vec<usize>,
    id: String,
    description: String,
    safe: bool,
    changes: Vec<Change>,
}

/// The findings of `people` and of the team, counted by key: all a change to those people
/// can alter.
fn keys(analysis: &Analysis, people: &[usize]) -> BTreeMap<FindingKey, usize> {
    let mut out = BTreeMap::new();
    let touched = people.iter().flat_map(|&i| analysis.findings_for(i));
    for f in touched.chain(analysis.team_findings()) {
        *out.entry(FindingKey::of(f)).or_insert(0) += 1;
    }
    out
}

/// Applies `changes`, analyses the people they touch, notes the findings that went away and
/// those that came, and puts the plan and the analysis back.
fn try_on(
    catalog: &Catalog,
    plan: &mut Plan,
    analysis: &mut Analysis,
    people: &[usize],
    changes: &[Change],
) -> Option<(Vec<FindingKey>, Vec<FindingKey>)> {
    // Everyone the changes name: the candidate's own list, and (should it miss one) a search.
    let mut indices = people.to_vec();
    for name in names_in(changes) {
        let known = indices
            .iter()
            .any(|&i| plan.people.get(i).is_some_and(|p| p.name == name));
        if !known && let Some(i) = plan.people.iter().position(|p| p.name == name) {
            indices.push(i);
        }
    }
    // Several changes to one person name them once: their findings must count once.
    indices.sort_unstable();
    indices.dedup();
    let saved: Vec<(usize, Person)> = indices
        .into_iter()
        .map(|i| (i, plan.people[i].clone()))
        .collect();
    let people: Vec<usize> = saved.iter().map(|(i, _)| *i).collect();
    let before = keys(analysis, &people);
    let known: Vec<usize> = saved.iter().map(|(i, _)| *i).collect();
    // A change to the plan's own `accept` list is put back too.
    let plan_accept = plan.accept.clone();
    let result = apply_known(plan, changes, &known);
    let outcome = result.ok().map(|touched| {
        analysis.update_people(catalog, plan, &touched);
        let after = keys(analysis, &people);
        let diff = |a: &BTreeMap<FindingKey, usize>, b: &BTreeMap<FindingKey, usize>| {
            a.iter()
                .flat_map(|(k, &n)| {
                    let m = b.get(k).copied().unwrap_or(0);
                    std::iter::repeat_n(k.clone(), n.saturating_sub(m))
                })
                .collect::<Vec<_>>()
        };
        (diff(&before, &after), diff(&after, &before))
    });
    for (i, person) in saved {
        plan.people[i] = person;
    }
    plan.accept = plan_accept;
    analysis.update_people(catalog, plan, &people);
    outcome
}

fn names_in(changes: &[Change]) -> Vec<&str> {
    let mut names = Vec::new();
    for c in changes {
        match c {
            Change::Move { from, to, .. } => names.extend([from.as_str(), to.as_str()]),
            Change::Retitle { person, .. }
            | Change::Assign { person, .. }
            | Change::Unassign { person, .. }
            | Change::SetHours { person, .. }
            | Change::ReplaceTask { person, .. }
            | Change::ReplaceRole { person, .. } => names.push(person),
            Change::ReplaceAccepted { person, .. } => names.extend(person.as_deref()),
        }
    }
    names
}

/// Whether person `p`'s roles own `task` (shared work is everyone's).
fn owns(catalog: &Catalog, person: &Person, task: &str) -> bool {
    catalog
        .task(task)
        .is_some_and(|t| owned_by(&t.role, &person.role))
}

/// Whether a role spec holds the role that owns a task (any does for shared work).
fn owned_by(owner: &Owner, role: &RoleSpec) -> bool {
    match (owner, role) {
        (Owner::Shared, _) => true,
        (Owner::Role(r), RoleSpec::Single(id)) => id == r,
        (Owner::Role(r), RoleSpec::Hybrid(parts)) => parts.iter().any(|(id, _)| id == r),
    }
}

fn hours_of(catalog: &Catalog, person: &Person, task: &str) -> f64 {
    person
        .tasks
        .iter()
        .find(|a| a.task == task)
        .map_or(0.0, |a| a.hours_in(catalog))
}

fn title(catalog: &Catalog, task: &str) -> String {
    catalog
        .task(task)
        .map_or_else(|| task.to_owned(), |t| t.title.to_string())
}

/// Teammates (not `from`) whose role owns `task` and who have room for `hours`, most room
/// first, at most `settings.candidates`; `room` is each person's free hours so far.
fn homes(
    catalog: &Catalog,
    plan: &Plan,
    room: &[f64],
    from: usize,
    task: &str,
    hours: f64,
    settings: &FixSettings,
) -> Vec<usize> {
    let Some(owner) = catalog.task(task).map(|t| &t.role) else {
        return Vec::new();
    };
    // Cheapest tests first (most of a big team has no room), then only the few with most
    // room are looked at closely: a 10,000-person team is not sorted for three names.
    let mut found: Vec<usize> = (0..plan.people.len())
        .filter(|&j| {
            j != from
                && room[j] - hours >= settings.room_margin_hours
                && owned_by(owner, &plan.people[j].role)
        })
        .collect();
    let by_room = |a: &usize, b: &usize| room[*b].total_cmp(&room[*a]).then(a.cmp(b));
    let mut wanted = settings.candidates;
    loop {
        let shortlist = (wanted * 4).min(found.len());
        if shortlist < found.len() && shortlist > 0 {
            found.select_nth_unstable_by(shortlist - 1, by_room);
        }
        let mut best: Vec<usize> = found[..shortlist]
            .iter()
            .copied()
            .filter(|&j| !plan.people[j].has_task(task))
            .collect();
        if best.len() >= settings.candidates || shortlist == found.len() {
            best.sort_by(by_room);
            best.truncate(settings.candidates);
            return best;
        }
        wanted *= 4;
    }
}

fn move_change(catalog: &Catalog, plan: &Plan, from: usize, to: usize, task: &str) -> Change {
    Change::Move {
        task: task.to_owned(),
        from: plan.people[from].name.clone(),
        to: plan.people[to].name.clone(),
        hours: hours_of(catalog, &plan.people[from], task),
    }
}

#[allow(clippy::too_many_lines)] // one arm per rule, each short
fn candidates(
    catalog: &Catalog,
    plan: &Plan,
    analysis: &Analysis,
    finding: &Finding,
    settings: &FixSettings,
) -> Vec<Candidate> {
    let room = super::room(plan, analysis);
    let mut out = Vec::new();
    let person = finding.person_index.filter(|&i| i < plan.people.len());
    let name = |i: usize| plan.people[i].name.clone();
    match (&finding.detail, person) {
        (Detail::OutOfRole, Some(p)) => {
            let Some(task) = finding.task.as_deref() else {
                return out;
            };
            let hours = hours_of(catalog, &plan.people[p], task);
            for to in homes(catalog, plan, &room, p, task, hours, settings) {
                out.push(Candidate {
                    kind: "move",
                    people: vec![p, to],
                    id: format!("move:{task}:{}", name(to)),
                    description: format!(
                        "Move “{}” ({hours} h) from {} to {}, whose role owns it",
                        title(catalog, task),
                        name(p),
                        name(to)
                    ),
                    safe: true,
                    changes: vec![move_change(catalog, plan, p, to, task)],
                });
            }
            out.push(unassign(catalog, plan, p, task));
        }
        (Detail::RoleDrift { .. } | Detail::Capacity { .. }, Some(p))
            if finding.rule != Rule::UnderUse =>
        {
            let over = finding.rule == Rule::OverCapacity;
            // The tasks that fit the person least first: another role's, then shared work
            // (for capacity only), biggest first; each to the teammate with most room.
            let person = &plan.people[p];
            // How well each task fits: 0 another role's, 1 shared, 2 the person's own role's.
            let fit = |task: &str| match catalog.task(task).map(|t| &t.role) {
                Some(Owner::Shared) => 1,
                _ if owns(catalog, person, task) => 2,
                _ => 0,
            };
            // A task the plan accepts where it is (an `accept` entry names it) stays: moving
            // it would undo a recorded decision.
            let accepted = |task: &str| {
                person
                    .accept
                    .iter()
                    .any(|a| a.task.as_deref() == Some(task))
            };
            let mut tasks: Vec<(&str, f64, u8)> = person
                .tasks
                .iter()
                .filter(|a| catalog.task(&a.task).is_some() && !accepted(&a.task))
                .map(|a| {
                    (
                        a.task.as_str(),
                        hours_of(catalog, person, &a.task),
                        fit(&a.task),
                    )
                })
                .filter(|&(_, _, fit)| over || fit == 0)
                .collect();
            tasks.sort_by(|a, b| a.2.cmp(&b.2).then(b.1.total_cmp(&a.1)));
            // One fix per teammate the first task could go to (the others each to the
            // teammate with most room then), so that a choice across the team (the view's
            // list, the rebalance's program) can send it elsewhere than where most room is.
            for alt in 0..settings.candidates.max(1) {
                let mut room = room.clone();
                let mut excess = -room[p];
                let mut changes = Vec::new();
                let mut said = Vec::new();
                let mut tos = Vec::new();
                for &(task, hours, _) in &tasks {
                    if over && excess <= 0.0 {
                        break;
                    }
                    let homes = homes(catalog, plan, &room, p, task, hours, settings);
                    let pick = if tos.is_empty() {
                        homes.get(alt)
                    } else {
                        homes.first()
                    };
                    if let Some(&to) = pick {
                        room[to] -= hours;
                        excess -= hours;
                        tos.push(to);
                        said.push(format!(
                            "“{}” ({}) to {}",
                            shortened(&title(catalog, task), 40),
                            crate::analysis::hours_label(hours),
                            name(to)
                        ));
                        changes.push(move_change(catalog, plan, p, to, task));
                    } else if tos.is_empty() && !homes.is_empty() {
                        break; // fewer teammates than `alt` for the first task: no more fixes
                    }
                }
                let Some(&first) = tos.first() else { break };
                out.push(Candidate {
                    kind: "move",
                    people: std::iter::once(p).chain(tos.iter().copied()).collect(),
                    id: if alt == 0 {
                        format!("move-off:{}", name(p))
                    } else {
                        format!("move-off:{}:{}", name(p), name(first))
                    },
                    description: format!("Move from {}: {}", name(p), said.join(", ")),
                    safe: true,
                    changes,
                });
            }
            if over {
                if let Some(biggest) = plan.people[p]
                    .tasks
                    .iter()
                    .filter(|a| catalog.task(&a.task).is_some())
                    .max_by(|a, b| {
                        hours_of(catalog, &plan.people[p], &a.task).total_cmp(&hours_of(
                            catalog,
                            &plan.people[p],
                            &b.task,
                        ))
                    })
                {
                    let excess = -room[p];
                    let hours = hours_of(catalog, &plan.people[p], &biggest.task);
                    let lowered = ((hours - excess) * 2.0).floor().max(1.0) / 2.0;
                    out.push(Candidate {
                        kind: "set-hours",
                        people: vec![p],
                        id: format!("set-hours:{}:{}", name(p), biggest.task),
                        description: format!(
                            "Lower “{}” for {} from {hours} h to {lowered} h",
                            title(catalog, &biggest.task),
                            name(p)
                        ),
                        safe: false,
                        changes: vec![Change::SetHours {
                            person: name(p),
                            task: biggest.task.clone(),
                            hours: lowered,
                        }],
                    });
                }
            } else {
                let foreign: Vec<Change> = plan.people[p]
                    .tasks
                    .iter()
                    .filter(|a| {
                        catalog.task(&a.task).is_some() && !owns(catalog, &plan.people[p], &a.task)
                    })
                    .map(|a| Change::Unassign {
                        person: name(p),
                        task: a.task.clone(),
                    })
                    .collect();
                if !foreign.is_empty() {
                    out.push(Candidate {
                        kind: "unassign",
                        people: vec![p],
                        id: format!("unassign-off-role:{}", name(p)),
                        description: format!(
                            "Take the {} task(s) of other roles off {}",
                            foreign.len(),
                            name(p)
                        ),
                        safe: false,
                        changes: foreign,
                    });
                }
            }
        }
        (
            Detail::TitleMismatch {
                own,
                own_share,
                best,
                best_share,
                ..
            },
            Some(p),
        ) => {
            let roles = catalog.roles();
            let (own, best) = (&roles[*own], &roles[*best]);
            out.push(Candidate {
                kind: "retitle",
                people: vec![p],
                id: format!("retitle:{}:{}", name(p), best.id),
                description: format!("Retitle {} as {}", name(p), best.title),
                safe: false,
                changes: vec![Change::Retitle {
                    person: name(p),
                    role: RoleSpec::Single(best.id.to_string()),
                }],
            });
            let total = own_share + best_share;
            let pct = |s: f64| (s / total * 100.0).round();
            // A side that rounds to 0 % is no split (a plan refuses a 0 weight).
            if total > 0.0 && pct(*own_share) >= 1.0 && pct(*best_share) >= 1.0 {
                out.push(Candidate {
                    kind: "hybrid",
                    people: vec![p],
                    id: format!("hybrid:{}", name(p)),
                    description: format!(
                        "Make {} a hybrid: {} {}% / {} {}%, the measured split",
                        name(p),
                        best.title,
                        pct(*best_share),
                        own.title,
                        pct(*own_share)
                    ),
                    safe: false,
                    changes: vec![Change::Retitle {
                        person: name(p),
                        role: RoleSpec::Hybrid(vec![
                            (best.id.to_string(), pct(*best_share)),
                            (own.id.to_string(), pct(*own_share)),
                        ]),
                    }],
                });
            }
        }
        (Detail::MissingCore { role }, Some(p)) => {
            let role = &catalog.roles()[*role];
            if let Some(task) = catalog
                .core_categories(&role.id)
                .find_map(|c| catalog.tasks().iter().find(|t| t.category == c.id))
            {
                out.push(assign(
                    plan,
                    p,
                    task.id.as_str(),
                    task.title.as_str(),
                    task.hours,
                ));
            }
        }
        (Detail::CoverageGap { role, category }, None) => {
            let role = &catalog.roles()[*role];
            let category = &catalog.categories()[*category];
            let holder = (0..plan.people.len())
                .filter(|&j| {
                    plan.people[j]
                        .role
                        .split()
                        .iter()
                        .any(|(id, _)| *id == role.id)
                })
                .max_by(|&a, &b| room[a].total_cmp(&room[b]).then(b.cmp(&a)));
            let task = catalog.tasks().iter().find(|t| t.category == category.id);
            if let (Some(j), Some(task)) = (holder, task) {
                out.push(assign(plan, j, &task.id, &task.title, task.hours));
            }
        }
        (Detail::UnknownTask, Some(p)) => {
            if let Some(task) = finding.task.as_deref()
                && let Some(to) = catalog.suggest_task(task)
                && !plan.people[p].has_task(to)
            {
                out.push(Candidate {
                    kind: "replace-id",
                    people: vec![p],
                    id: format!("replace-task:{}:{task}", name(p)),
                    description: format!("Replace unknown task `{task}` with `{to}`"),
                    safe: false,
                    changes: vec![Change::ReplaceTask {
                        person: name(p),
                        from: task.to_owned(),
                        to: to.to_owned(),
                    }],
                });
            }
        }
        (Detail::UnknownAcceptedTask { rule }, person) => {
            if let Some(task) = finding.task.as_deref()
                && let Some(to) = catalog.suggest_task(task)
            {
                out.push(replace_accepted(
                    plan,
                    person,
                    *rule,
                    AcceptField::Task,
                    task,
                    to,
                ));
            }
        }
        (Detail::UnknownCategory { rule, category }, None) => {
            let ids = catalog.categories().iter().map(|c| c.id.as_str());
            if let Some(to) = crate::suggest::did_you_mean(category, ids) {
                out.push(replace_accepted(
                    plan,
                    None,
                    *rule,
                    AcceptField::Category,
                    category,
                    to,
                ));
            }
        }
        (Detail::UnknownRole { role }, Some(p)) => {
            if let Some(to) = crate::suggest::did_you_mean(role, catalog.role_ids()) {
                out.push(Candidate {
                    kind: "replace-id",
                    people: vec![p],
                    id: format!("replace-role:{}:{role}", name(p)),
                    description: format!("Replace unknown role `{role}` with `{to}`"),
                    safe: false,
                    changes: vec![Change::ReplaceRole {
                        person: name(p),
                        from: role.clone(),
                        to: to.to_owned(),
                    }],
                });
            }
        }
        _ => {}
    }
    out
}

fn replace_accepted(
    plan: &Plan,
    person: Option<usize>,
    rule: crate::finding::Rule,
    field: AcceptField,
    from: &str,
    to: &str,
) -> Candidate {
    let name = person.map(|p| plan.people[p].name.clone());
    let whose = name
        .as_deref()
        .map_or_else(|| "the plan's".to_owned(), |n| format!("{n}'s"));
    let what = match field {
        AcceptField::Task => "task",
        AcceptField::Category => "category",
    };
    Candidate {
        kind: "replace-id",
        people: person.into_iter().collect(),
        id: format!(
            "replace-accepted-{what}:{}:{from}",
            name.as_deref().unwrap_or("plan")
        ),
        description: format!(
            "In {whose} accept `{rule}`, replace unknown {what} `{from}` with `{to}`"
        ),
        safe: false,
        changes: vec![Change::ReplaceAccepted {
            person: name,
            rule,
            field,
            from: from.to_owned(),
            to: to.to_owned(),
        }],
    }
}

fn unassign(catalog: &Catalog, plan: &Plan, p: usize, task: &str) -> Candidate {
    Candidate {
        kind: "unassign",
        people: vec![p],
        id: format!("unassign:{}:{task}", plan.people[p].name),
        description: format!(
            "Take “{}” off {}",
            title(catalog, task),
            plan.people[p].name
        ),
        safe: false,
        changes: vec![Change::Unassign {
            person: plan.people[p].name.clone(),
            task: task.to_owned(),
        }],
    }
}

fn assign(plan: &Plan, p: usize, task: &str, title: &str, hours: f64) -> Candidate {
    Candidate {
        kind: "assign",
        people: vec![p],
        id: format!("assign:{}:{task}", plan.people[p].name),
        description: format!("Assign “{title}” ({hours} h) to {}", plan.people[p].name),
        safe: false,
        changes: vec![Change::Assign {
            person: plan.people[p].name.clone(),
            task: task.to_owned(),
            hours,
        }],
    }
}
