//! Fixes in the view: `f` lists the highlighted finding's fixes and Enter applies one; `F`
//! lists the team's rebalance, Enter applies the highlighted change and `a` all of them.
//!
//! A finding's fixes are computed when the list opens, on copies of the plan and analysis (the
//! library tries each candidate on only the people it touches, so this stays quick on large
//! plans). The rebalance is not: it tries fixes across the whole plan, seconds on 10,000
//! people, so `update` only opens its list as "Computing…" and asks the loop for it
//! ([`Effect::Rebalance`]); the loop runs [`propose`] on a worker thread, keeps drawing and
//! answering keys meanwhile, and reports back ([`Action::Rebalanced`], dropped if the plan
//! changed since). After a change is applied from the list the rest may no longer
//! hold, so the list is computed again the same way.
//!
//! One fix is one undo step, touching only the people it changes. Applying the whole rebalance
//! is one undo step too: it is one decision, as `check --fix` is one write, and the greedy
//! order's halfway plans mean nothing on their own.

use super::edit::{self, Touches};
use super::{Effect, moved};
use crate::analysis::hours_label;
use crate::catalog::Catalog;
use crate::fix::{self, Change, FindingKey, Fix, FixSettings};
use crate::plan::Plan;
use crate::report::model::role_label;
use crate::tui::action::Action;
use crate::tui::fixes::{FixList, RebalanceList, finding_words};
use crate::tui::state::{App, Overlay};
use crate::tui::text::fit;

/// The settings that order fixes (`data/fixes.yaml`, built in).
fn settings() -> Result<FixSettings, String> {
    FixSettings::builtin().map_err(|e| format!("No fixes: {e}"))
}

/// `f`: lists the highlighted finding's fixes, or says on the status line that it has none.
pub(super) fn open(app: &mut App) -> Result<(), String> {
    if app.highlighted_accepted().is_some() {
        return Err("An accepted finding needs no fix; w withdraws the acceptance.".to_owned());
    }
    let finding = app
        .highlighted_finding()
        .ok_or("No finding is highlighted.")?
        .clone();
    let settings = settings()?;
    let (mut plan, mut analysis) = (app.plan.clone(), app.analysis.clone());
    let fixes = fix::fixes_for(&app.catalog, &mut plan, &mut analysis, &finding, &settings);
    let key = FindingKey::of(&finding);
    let what = finding_words(&app.catalog, &key);
    if fixes.is_empty() {
        return Err(format!(
            "No fix for {what}: none clears it without an error; edit the plan, or accept it (x)."
        ));
    }
    let count = fixes.len();
    app.status = format!(
        "{count} fix{} for {what}: Enter applies the highlighted one, Esc cancels.",
        if count == 1 { "" } else { "es" }
    );
    app.overlays
        .push(Overlay::Fixes(Box::new(FixList::new(key, fixes))));
    Ok(())
}

/// The keys of a finding's fix list.
pub(super) fn handle_list(app: &mut App, action: &Action) -> Effect {
    let page = app.page_size();
    let Some(Overlay::Fixes(list)) = app.overlays.last_mut() else {
        return Effect::None;
    };
    let bottom = list.fixes.len().saturating_sub(1);
    if let Some(to) = moved(action, list.selected, bottom, page) {
        list.selected = to;
        return Effect::None;
    }
    match action {
        Action::Submit => {
            let Some(fix) = list.highlighted().cloned() else {
                return Effect::None;
            };
            app.overlays.pop();
            let outcome = apply_fix(app, &fix);
            say_applied(app, outcome, "u undoes it");
        }
        Action::Cancel => {
            app.overlays.pop();
            "No fix applied.".clone_into(&mut app.status);
        }
        _ => {}
    }
    Effect::None
}

/// `F`: opens the rebalance list as "Computing…" and asks the loop to compute it.
pub(super) fn open_rebalance(app: &mut App) -> Effect {
    if let Err(e) = settings() {
        app.status = e;
        return Effect::None;
    }
    recompute(app);
    app.overlays
        .push(Overlay::Rebalance(Box::new(RebalanceList::computing(
            app.revision,
            app.analysis.counts(),
        ))));
    Effect::Rebalance
}

/// Puts the open rebalance list back to "Computing…" for the plan as it is now.
fn recompute(app: &mut App) {
    let (revision, counts) = (app.revision, app.analysis.counts());
    if let Some(Overlay::Rebalance(list)) = app.overlays.last_mut() {
        let selected = list.selected;
        **list = RebalanceList::computing(revision, counts);
        list.selected = selected;
    }
    if app.status.is_empty() {
        "Computing the team's rebalance…".clone_into(&mut app.status);
    }
}

/// What the loop's worker runs for [`Effect::Rebalance`] ([`propose`] on the app's plan).
pub fn proposal(app: &App) -> Action {
    propose(&app.catalog, &app.plan, app.revision)
}

/// The team's rebalance of `plan` (at `revision`), unsafe fixes allowed (each is marked), and
/// the findings it would leave. Takes no `App`, so a worker thread can run it on a copy.
pub fn propose(catalog: &Catalog, plan: &Plan, revision: u64) -> Action {
    match FixSettings::builtin() {
        Ok(settings) => {
            let result = fix::rebalance(catalog, plan, &settings, true);
            Action::Rebalanced {
                revision,
                fixes: result.applied,
                after: result.analysis.counts(),
                method: result.method.summary(),
            }
        }
        Err(_) => Action::RebalanceFailed { revision },
    }
}

/// The worker failed: the list being computed closes and the status line says so.
pub(super) fn rebalance_failed(app: &mut App, revision: u64) {
    let Some(Overlay::Rebalance(list)) = app.overlays.last() else {
        return;
    };
    if list.fixes.is_some() || list.revision != revision {
        return;
    }
    app.overlays.pop();
    "The rebalance failed; the plan is unchanged. Fixes of single findings (f) still work."
        .clone_into(&mut app.status);
}

/// The loop's report: fills the list being computed, unless the plan changed since (stale).
pub(super) fn rebalanced(
    app: &mut App,
    revision: u64,
    fixes: Vec<Fix>,
    after: [usize; 3],
    method: &str,
) {
    let Some(Overlay::Rebalance(list)) = app.overlays.last_mut() else {
        return;
    };
    if list.fixes.is_some() || list.revision != revision {
        return;
    }
    if fixes.is_empty() {
        let nothing = if list.before == [0; 3] {
            "No findings: the rebalance has nothing to change."
        } else {
            "The rebalance has nothing to change: no fix clears a finding without a worse one."
        };
        app.overlays.pop();
        let done = std::mem::take(&mut app.status);
        app.status = if done.contains("undoes") {
            format!("{done} {nothing}")
        } else {
            nothing.to_owned()
        };
        return;
    }
    let unsafe_count = fixes.iter().filter(|f| !f.safe).count();
    list.selected = list.selected.min(fixes.len() - 1);
    list.after = after;
    let count = fixes.len();
    list.fixes = Some(fixes);
    if app.status.is_empty() || app.status.starts_with("Computing") {
        app.status = format!(
            "The rebalance proposes {count} change{} ({unsafe_count} unsafe): Enter applies one, a all; {method}.",
            if count == 1 { "" } else { "s" }
        );
    }
}

/// The keys of the rebalance list.
pub(super) fn handle_rebalance(app: &mut App, action: &Action) -> Effect {
    let page = app.page_size();
    let Some(Overlay::Rebalance(list)) = app.overlays.last_mut() else {
        return Effect::None;
    };
    let bottom = list.shown().len().saturating_sub(1);
    if let Some(to) = moved(action, list.selected, bottom, page) {
        list.selected = to;
        return Effect::None;
    }
    match action {
        Action::Submit => {
            let Some(fix) = list.highlighted().cloned() else {
                return Effect::None;
            };
            app.status = match apply_fix(app, &fix) {
                Ok(()) => edit::hinted(&app.status, "u undoes it"),
                Err(e) => {
                    format!("That change no longer applies ({e}); the rest is computed again.")
                }
            };
            recompute(app);
            return Effect::Rebalance;
        }
        Action::ApplyAll => {
            let fixes = list.shown().to_vec();
            if fixes.is_empty() {
                return Effect::None;
            }
            app.overlays.pop();
            let outcome = apply_all(app, &fixes);
            say_applied(app, outcome, "u undoes them all");
        }
        Action::Cancel => {
            app.overlays.pop();
        }
        _ => {}
    }
    Effect::None
}

/// The status line after applying: what was done with how to undo it, or why not.
fn say_applied(app: &mut App, outcome: Result<(), String>, undo: &str) {
    app.status = match outcome {
        Ok(()) => edit::hinted(&app.status, undo),
        Err(e) => format!("Not applied: {e}"),
    };
}

/// Applies one fix as one undoable change of the people it touches.
fn apply_fix(app: &mut App, fix: &Fix) -> Result<(), String> {
    let touches = touches(&app.plan, &fix.changes);
    let status = done(&app.catalog, &fix.changes);
    edit::change(app, touches, |plan, _| {
        fix::apply(plan, &fix.changes).map(|_| status)
    })
}

/// Applies every fix of the rebalance, in order, as one undoable change; all or none.
fn apply_all(app: &mut App, fixes: &[Fix]) -> Result<(), String> {
    let risky = match fixes.iter().filter(|f| !f.safe).count() {
        0 => "all safe".to_owned(),
        n => format!("{n} of them unsafe"),
    };
    let status = format!(
        "Applied the rebalance: {} change{}, {risky}.",
        fixes.len(),
        if fixes.len() == 1 { "" } else { "s" }
    );
    edit::change(app, Touches::Plan, |plan, _| {
        for fix in fixes {
            fix::apply(plan, &fix.changes)?;
        }
        Ok(status)
    })
}

/// The people a fix's changes name, as undo keeps them: one, two, or (more) the plan.
fn touches(plan: &Plan, changes: &[Change]) -> Touches {
    // The plan's own `accept` list is the plan's, not a person's.
    if changes
        .iter()
        .any(|c| matches!(c, Change::ReplaceAccepted { person: None, .. }))
    {
        return Touches::Plan;
    }
    let mut people: Vec<usize> = changes
        .iter()
        .flat_map(|c| match c {
            Change::Move { from, to, .. } => vec![from, to],
            Change::Retitle { person, .. }
            | Change::Assign { person, .. }
            | Change::Unassign { person, .. }
            | Change::SetHours { person, .. }
            | Change::ReplaceTask { person, .. }
            | Change::ReplaceRole { person, .. } => vec![person],
            Change::ReplaceAccepted { person, .. } => person.iter().collect(),
        })
        .filter_map(|name| plan.people.iter().position(|p| p.name == *name))
        .collect();
    people.sort_unstable();
    people.dedup();
    match people[..] {
        [one] => Touches::Person(one),
        [a, b] => Touches::Pair(a, b),
        _ => Touches::Plan,
    }
}

/// What a fix did, for the status line and the undo step: its first change in words, and how
/// many more there were.
pub(super) fn done(catalog: &Catalog, changes: &[Change]) -> String {
    let Some(first) = changes.first() else {
        return "Changed nothing.".to_owned();
    };
    let first = said(catalog, first);
    match changes.len() - 1 {
        0 => format!("{first}."),
        1 => format!("{first}, and 1 more change."),
        more => format!("{first}, and {more} more changes."),
    }
}

fn said(catalog: &Catalog, change: &Change) -> String {
    let title = |id: &str| {
        fit(
            catalog.task(id).map_or(id, |t| t.title.as_str()),
            edit::TITLE_COLUMNS,
        )
    };
    match change {
        Change::Move {
            task,
            from,
            to,
            hours,
        } => format!(
            "Moved “{}” ({}) from {from} to {to}",
            title(task),
            hours_label(*hours)
        ),
        Change::Retitle { person, role } => {
            format!("{person} is now {}", role_label(catalog, role))
        }
        Change::Assign {
            person,
            task,
            hours,
        } => format!(
            "Assigned “{}” ({}) to {person}",
            title(task),
            hours_label(*hours)
        ),
        Change::Unassign { person, task } => format!("Took “{}” off {person}", title(task)),
        Change::SetHours {
            person,
            task,
            hours,
        } => format!(
            "Set “{}” to {} a week for {person}",
            title(task),
            hours_label(*hours)
        ),
        Change::ReplaceTask { person, from, to } | Change::ReplaceRole { person, from, to } => {
            format!("Replaced {from} with {to} for {person}")
        }
        Change::ReplaceAccepted {
            person, from, to, ..
        } => match person {
            Some(person) => format!("Replaced {from} with {to} in {person}'s accept list"),
            None => format!("Replaced {from} with {to} in the plan's accept list"),
        },
    }
}
