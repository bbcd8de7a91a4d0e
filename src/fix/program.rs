//! The team's rebalance as a mixed-integer program over pruned candidates.
//!
//! The candidates are every finding's fixes (each already pruned to the few teammates with
//! most room whose role owns the task, see `find.rs`), each measured on its own: the findings
//! it clears and those it brings. One binary variable says whether a fix is chosen, one
//! continuous variable in [0, 1] whether a finding is cleared (at most once, however many
//! chosen fixes clear it). The program maximises the weight of the findings cleared, less the
//! weight of those the chosen fixes bring and the costs of `data/fixes.yaml` (each change, each
//! step down the preferred kinds, each unsafe fix), subject to:
//!
//! - one change per assignment: two fixes that move, unassign or re-hour the same task of the
//!   same person, or retitle the same person, are never both chosen;
//! - capacity: nobody whose hours the chosen fixes raise ends over their capacity.
//!
//! With hours and capacities this is a bin-packing-like problem, not a one-to-one assignment,
//! hence the integer program rather than a matching. Fixes that share no person and clear no
//! common finding cannot affect each other, so each such group is its own small program; a
//! group too large for branch and bound within `max_fixes`, or whose solve runs past the time
//! limit, is left to the greedy pass, and the result says so.
//!
//! A fix's effects are measured alone; two chosen fixes may interact (the same teammate's role
//! mix moved by two moves). The caller therefore applies the chosen fixes one by one, keeps
//! each only if the plan's findings really get lighter, and ends with the greedy pass.
//!
//! The solver is `microlp` through `good_lp`, pure Rust. Its documentation warns that it may
//! panic on hard problems; it runs on a thread of its own ([`SOLVER_THREAD`]) so that a panic
//! there only means "left to the greedy pass", never a crash or a broken terminal.

use std::collections::BTreeMap;

use good_lp::{
    Expression, ProblemVariables, Solution as _, SolutionStatus, SolverModel as _, Variable,
    WithTimeLimit as _, microlp, variable,
};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Change, FindingKey, Fix, FixSettings, fixes_for};
use crate::analysis::Analysis;
use crate::catalog::Catalog;
use crate::plan::Plan;

/// The name of the thread the solver runs on: panic hooks stay quiet for it, since its panic
/// is caught and reported as a group left to the greedy pass.
pub const SOLVER_THREAD: &str = "rolescope-solver";

/// The name of the view's rebalance worker: its panic is caught and reported in the view.
pub const REBALANCE_THREAD: &str = "rolescope-rebalance";

/// Whether the current thread's panics are caught and reported by whoever started it, so
/// panic hooks should neither print nor restore the terminal.
pub fn is_contained_thread() -> bool {
    matches!(
        std::thread::current().name(),
        Some(SOLVER_THREAD | REBALANCE_THREAD)
    )
}

/// What the program chose, and how much of the plan it could decide.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    /// The chosen fixes, most preferred kind first.
    pub fixes: Vec<Fix>,
    /// Candidate fixes considered, and the groups they fell into.
    pub candidates: usize,
    pub groups: usize,
    /// Groups solved to a proven optimum (a group of one fix needs no solver).
    pub optimal: usize,
    /// Groups left to the greedy pass: too many fixes, past the time limit, or a solver
    /// failure; each with its size and why.
    pub left: Vec<(usize, &'static str)>,
}

impl Choice {
    /// Adds a later round's figures to this one's (its fixes are applied, not kept).
    pub fn absorb(&mut self, round: Choice) {
        self.candidates += round.candidates;
        self.groups += round.groups;
        self.optimal += round.optimal;
        self.left.extend(round.left);
    }
}

/// One candidate as the program sees it.
struct Candidate {
    fix: Fix,
    /// The people the fix names, by plan index.
    people: Vec<usize>,
    /// What the fix changes that another fix must not change too: (person, task), or
    /// (person, "") for the person's role.
    touches: Vec<(usize, String)>,
    /// Hours a week each person gains (negative: loses) if the fix is chosen.
    hours: Vec<(usize, f64)>,
    /// The fix's cost in the objective: weight of what it brings, and the settings' costs.
    cost: f64,
}

/// Chooses the team's fixes. `plan` and `analysis` are changed while candidates are tried and
/// put back as they were.
pub fn choose(
    catalog: &Catalog,
    plan: &mut Plan,
    analysis: &mut Analysis,
    settings: &FixSettings,
    allow_unsafe: bool,
) -> Choice {
    let candidates = candidates(catalog, plan, analysis, settings, allow_unsafe);
    let groups = groups(&candidates);
    let room = super::room(plan, analysis);
    let mut choice = Choice {
        candidates: candidates.len(),
        groups: groups.len(),
        ..Choice::default()
    };
    // Groups of one need no solver; the rest go to the solver's thread together.
    let mut to_solve = Vec::new();
    let mut chosen: Vec<usize> = Vec::new();
    for group in groups {
        if group.len() > settings.program.max_fixes {
            choice
                .left
                .push((group.len(), "more fixes than the program's limit"));
        } else if let [only] = group[..] {
            choice.optimal += 1;
            if gain(&candidates[only], settings) > 0.0 {
                chosen.push(only);
            }
        } else {
            to_solve.push(group);
        }
    }
    let limit = settings.program.time_limit_seconds;
    let solved = contained(|| {
        to_solve
            .iter()
            .map(|group| solve(&candidates, group, &room, settings, limit))
            .collect::<Vec<_>>()
    });
    match solved {
        Some(results) => {
            for (group, result) in to_solve.iter().zip(results) {
                match result {
                    Ok(picked) => {
                        choice.optimal += 1;
                        chosen.extend(picked);
                    }
                    Err(why) => choice.left.push((group.len(), why)),
                }
            }
        }
        None => {
            for group in &to_solve {
                choice.left.push((group.len(), "the solver failed"));
            }
        }
    }
    chosen.sort_by_key(|&i| (settings.rank(&candidates[i].fix.kind), i));
    let mut candidates: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    choice.fixes = chosen
        .into_iter()
        .filter_map(|i| candidates[i].take().map(|c| c.fix))
        .collect();
    choice
}

/// A fix's worth on its own: what it clears less what it costs.
fn gain(c: &Candidate, settings: &FixSettings) -> f64 {
    settings.weight_of(&c.fix.clears) - c.cost
}

/// Every finding's fixes that may be used, each once, with what the program needs to know.
fn candidates(
    catalog: &Catalog,
    plan: &mut Plan,
    analysis: &mut Analysis,
    settings: &FixSettings,
    allow_unsafe: bool,
) -> Vec<Candidate> {
    let index: FxHashMap<String, usize> = plan
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.clone(), i))
        .collect();
    // The same fix may come from several findings (a move that clears two); it is one
    // candidate, known by its id and description (which names its changes).
    let mut seen: FxHashSet<(String, String)> = FxHashSet::default();
    let mut out = Vec::new();
    for finding in analysis.findings.clone() {
        for fix in fixes_for(catalog, plan, analysis, &finding, settings) {
            if !(fix.safe || allow_unsafe)
                || !seen.insert((fix.id.clone(), fix.description.clone()))
            {
                continue;
            }
            // A fix that does more harm than good on its own is no candidate.
            if settings.weight_of(&fix.clears) <= settings.weight_of(&fix.creates) {
                continue;
            }
            out.push(describe(catalog, plan, &index, fix, settings));
        }
    }
    out
}

fn describe(
    catalog: &Catalog,
    plan: &Plan,
    index: &FxHashMap<String, usize>,
    fix: Fix,
    settings: &FixSettings,
) -> Candidate {
    let at = |name: &str| index.get(name).copied();
    let held = |p: usize, task: &str| {
        plan.people[p]
            .tasks
            .iter()
            .find(|a| a.task == task)
            .map_or(0.0, |a| a.hours_in(catalog))
    };
    let mut touches = Vec::new();
    let mut hours = Vec::new();
    for change in &fix.changes {
        match change {
            Change::Move {
                task,
                from,
                to,
                hours: h,
            } => {
                if let (Some(f), Some(t)) = (at(from), at(to)) {
                    touches.extend([(f, task.clone()), (t, task.clone())]);
                    hours.extend([(f, -h), (t, *h)]);
                }
            }
            Change::Retitle { person, .. } | Change::ReplaceRole { person, .. } => {
                touches.extend(at(person).map(|p| (p, String::new())));
            }
            // A task of one person added, taken off or re-houred: the assignment it touches
            // and the hours it moves.
            Change::Assign {
                person,
                task,
                hours: h,
            } => on_task(&mut touches, &mut hours, at(person), task, |_| *h),
            Change::Unassign { person, task } => {
                on_task(&mut touches, &mut hours, at(person), task, |p| {
                    -held(p, task)
                });
            }
            Change::SetHours {
                person,
                task,
                hours: h,
            } => on_task(&mut touches, &mut hours, at(person), task, |p| {
                h - held(p, task)
            }),
            Change::ReplaceTask { person, from, to } => {
                if let Some(p) = at(person) {
                    touches.extend([(p, from.clone()), (p, to.clone())]);
                }
            }
            Change::ReplaceAccepted { .. } => {}
        }
    }
    let mut people: Vec<usize> = touches.iter().map(|(p, _)| *p).collect();
    people.sort_unstable();
    people.dedup();
    let program = &settings.program;
    #[allow(clippy::cast_precision_loss)] // a handful of changes, a short list of kinds
    let cost = settings.weight_of(&fix.creates)
        + program.change_cost * fix.changes.len() as f64
        + program.kind_cost * settings.rank(&fix.kind) as f64
        + if fix.safe { 0.0 } else { program.unsafe_cost };
    Candidate {
        fix,
        people,
        touches,
        hours,
        cost,
    }
}

/// Notes that a change touches `task` of person `p` (if known) and moves `delta(p)` hours.
fn on_task(
    touches: &mut Vec<(usize, String)>,
    hours: &mut Vec<(usize, f64)>,
    p: Option<usize>,
    task: &str,
    delta: impl Fn(usize) -> f64,
) {
    if let Some(p) = p {
        touches.push((p, task.to_owned()));
        hours.push((p, delta(p)));
    }
}

/// Candidates that share a person or a finding they clear, in groups (union-find), each group
/// in candidate order.
fn groups(candidates: &[Candidate]) -> Vec<Vec<usize>> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..candidates.len()).collect();
    let mut by_person: FxHashMap<usize, usize> = FxHashMap::default();
    let mut by_finding: BTreeMap<&FindingKey, usize> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let firsts: Vec<usize> = c
            .people
            .iter()
            .map(|&p| *by_person.entry(p).or_insert(i))
            .chain(
                c.fix
                    .clears
                    .iter()
                    .map(|k| *by_finding.entry(k).or_insert(i)),
            )
            .collect();
        for j in firsts {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..candidates.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Solves one group's program; the chosen candidates, or why it was left to the greedy pass.
fn solve(
    candidates: &[Candidate],
    group: &[usize],
    room: &[f64],
    settings: &FixSettings,
    time_limit: f64,
) -> Result<Vec<usize>, &'static str> {
    let mut vars = ProblemVariables::new();
    let chosen: Vec<Variable> = group
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    // The findings the group's fixes clear, each a variable in [0, 1], and who clears it.
    let cleared = by_key(group, |i| candidates[i].fix.clears.iter());
    let findings: Vec<(Variable, &FindingKey)> = cleared
        .keys()
        .map(|&k| (vars.add(variable().min(0.0).max(1.0)), k))
        .collect();
    let mut objective = Expression::from(0.0);
    for &(y, key) in &findings {
        objective.add_mul(settings.weight(key.severity), y);
    }
    for (at, &i) in group.iter().enumerate() {
        objective.add_mul(-candidates[i].cost, chosen[at]);
    }
    let mut model = vars
        .maximise(objective)
        .using(microlp)
        .with_time_limit(time_limit);
    // A finding counts only if a chosen fix clears it.
    for (y, key) in &findings {
        let mut by = Expression::from(0.0);
        for &at in &cleared[key] {
            by.add_mul(1.0, chosen[at]);
        }
        model.add_constraint(Expression::from(*y).leq(by));
    }
    // One change per assignment (and per person's role).
    let touching = by_key(group, |i| candidates[i].touches.iter());
    for by in touching.values().filter(|by| by.len() > 1) {
        let mut sum = Expression::from(0.0);
        for &at in by {
            sum.add_mul(1.0, chosen[at]);
        }
        model.add_constraint(sum.leq(1.0));
    }
    // Nobody whose hours rise ends over capacity (someone over already may only lose hours).
    let mut gains: BTreeMap<usize, Vec<(usize, f64)>> = BTreeMap::new();
    for (at, &i) in group.iter().enumerate() {
        for &(p, h) in &candidates[i].hours {
            gains.entry(p).or_default().push((at, h));
        }
    }
    for (p, changes) in &gains {
        if changes.iter().all(|&(_, h)| h <= 0.0) {
            continue;
        }
        let mut sum = Expression::from(0.0);
        for &(at, h) in changes {
            sum.add_mul(h, chosen[at]);
        }
        model.add_constraint(sum.leq(room[*p].max(0.0) + 1e-9));
    }
    let solution = model.solve().map_err(|e| match e {
        good_lp::ResolutionError::Other(_) => "past the time limit",
        _ => "the solver failed",
    })?;
    if !matches!(solution.status(), SolutionStatus::Optimal) {
        return Err("past the time limit");
    }
    Ok(group
        .iter()
        .zip(&chosen)
        .filter(|&(_, &x)| solution.value(x) > 0.5)
        .map(|(&i, _)| i)
        .collect())
}

/// For each key the group's candidates name, the positions in `group` of those naming it
/// (each once).
fn by_key<'a, K: Ord + 'a, I: Iterator<Item = &'a K>>(
    group: &[usize],
    keys_of: impl Fn(usize) -> I,
) -> BTreeMap<&'a K, Vec<usize>> {
    let mut out: BTreeMap<&K, Vec<usize>> = BTreeMap::new();
    for (at, &i) in group.iter().enumerate() {
        for key in keys_of(i) {
            let by = out.entry(key).or_default();
            if !by.contains(&at) {
                by.push(at);
            }
        }
    }
    out
}

/// Runs `work` on the solver's thread; `None` if it panicked.
fn contained<T: Send>(work: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name(SOLVER_THREAD.to_owned())
            .spawn_scoped(scope, work)
            .ok()?
            .join()
            .ok()
    })
}
