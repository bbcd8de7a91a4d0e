//! One plan-wide set of changes that clears every error it can and as many warnings as
//! possible with the fewest changes, nobody pushed over capacity.
//!
//! Two ways are tried and the better result kept (lighter findings left, then fewer changes):
//!
//! - **The program** ([`super::program`]): a mixed-integer program chooses among every
//!   finding's fixes at once; the chosen fixes are applied one by one, each kept only if the
//!   plan's findings really get lighter (fixes are measured alone and may interact), then the
//!   greedy pass finishes what is left.
//! - **The greedy pass**: fixes applied one after another, each the most preferred fix of the
//!   most severe finding that still has one, kept only if it lowers the plan's weighted count of
//!   findings (errors weigh most), so it always ends.
//!
//! On a large plan whose candidate fixes all fall into groups beyond the program's limit, the
//! program would only repeat the greedy pass, so only the greedy pass runs.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::program::{self, Choice};
use super::{Fix, FixSettings, apply, fixes_for};
use crate::analysis::{Analysis, analyze};
use crate::catalog::Catalog;
use crate::finding::Severity;
use crate::plan::{Person, Plan};

/// A plan after a rebalance, and the fixes that made it, in the order applied.
#[derive(Debug, Clone)]
pub struct Rebalance {
    pub plan: Plan,
    pub analysis: Analysis,
    pub applied: Vec<Fix>,
    /// How the fixes were chosen.
    pub method: Method,
}

/// How a rebalance chose its fixes.
#[derive(Debug, Clone)]
pub struct Method {
    /// What the program decided (candidates, groups, optimum proven, groups left to greedy).
    pub program: Choice,
    /// Whether the program's result was kept; otherwise the greedy pass alone did better or
    /// as well (or the program could decide nothing).
    pub program_kept: bool,
    /// The weight of the findings left by the greedy pass alone and by the program, and the
    /// number of changes each made: how close the greedy pass comes to the program.
    pub greedy_left: f64,
    pub greedy_changes: usize,
    pub program_left: Option<f64>,
    pub program_changes: Option<usize>,
    /// Rounds of the program (each on the plan the previous left); none when the plan has
    /// more findings than `max_findings` of `data/fixes.yaml`.
    pub rounds: usize,
    pub max_findings: usize,
}

impl Method {
    /// One sentence for the command line and the view.
    pub fn summary(&self) -> String {
        let p = &self.program;
        let mut out = if p.optimal == 0 && self.rounds == 0 {
            format!(
                "chosen by the greedy pass (more findings than the program's limit of {})",
                self.max_findings
            )
        } else if p.optimal == 0 {
            format!(
                "chosen by the greedy pass ({} candidate fix{} in {} group{}, none small enough for the program)",
                p.candidates,
                plural_es(p.candidates),
                p.groups,
                plural_s(p.groups)
            )
        } else if self.program_kept {
            format!(
                "chosen by a mixed-integer program over {} candidate fix{} in {} group{}, {} solved to the optimum",
                p.candidates,
                plural_es(p.candidates),
                p.groups,
                plural_s(p.groups),
                p.optimal
            )
        } else {
            format!(
                "chosen by the greedy pass, which left less than the program over {} candidate fix{}",
                p.candidates,
                plural_es(p.candidates)
            )
        };
        if !p.left.is_empty() {
            let fixes: usize = p.left.iter().map(|(n, _)| n).sum();
            let _ = write!(
                out,
                "; {} group{} of {fixes} fixes left to the greedy pass ({})",
                p.left.len(),
                plural_s(p.left.len()),
                p.left[0].1
            );
        }
        out
    }
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn plural_es(n: usize) -> &'static str {
    if n == 1 { "" } else { "es" }
}

/// The weight of what an analysis still finds.
fn left(settings: &FixSettings, analysis: &Analysis) -> f64 {
    analysis
        .findings
        .iter()
        .map(|f| settings.weight(f.severity))
        .sum::<f64>()
        + 0.0 // an empty sum is -0.0
}

fn changes(fixes: &[Fix]) -> usize {
    fixes.iter().map(|f| f.changes.len()).sum()
}

/// Rebalances `plan`: safe fixes only, or all of them with `allow_unsafe`.
pub fn rebalance(
    catalog: &Catalog,
    plan: &Plan,
    settings: &FixSettings,
    allow_unsafe: bool,
) -> Rebalance {
    let start = analyze(catalog, plan);
    let alone = greedy(
        catalog,
        plan.clone(),
        start.clone(),
        settings,
        allow_unsafe,
        Vec::new(),
    );
    let mut method = Method {
        greedy_left: left(settings, &alone.analysis),
        greedy_changes: changes(&alone.applied),
        program_kept: false,
        program_left: None,
        program_changes: None,
        program: Choice::default(),
        rounds: 0,
        max_findings: settings.program.max_findings,
    };
    if start.findings.len() > settings.program.max_findings {
        return alone.with(method);
    }
    // Rounds of the program: each chooses among the fixes of the findings left, with the
    // teammates' room as it now is, until a round changes nothing; safe fixes alone first,
    // so that an unsafe fix never takes the place of a move a later round would find.
    let (mut work, mut work_analysis) = (plan.clone(), start);
    let mut applied = Vec::new();
    let phases: &[bool] = if allow_unsafe {
        &[false, true]
    } else {
        &[false]
    };
    for &unsafe_too in phases {
        for _ in 0..settings.program.max_rounds {
            let choice =
                program::choose(catalog, &mut work, &mut work_analysis, settings, unsafe_too);
            let kept = applied.len();
            for fix in &choice.fixes {
                keep_if_lighter(
                    catalog,
                    &mut work,
                    &mut work_analysis,
                    settings,
                    fix,
                    &mut applied,
                );
            }
            method.rounds += 1;
            method.program.absorb(choice);
            if applied.len() == kept {
                break;
            }
        }
    }
    if method.program.optimal == 0 {
        return alone.with(method);
    }
    let programmed = greedy(
        catalog,
        work,
        work_analysis,
        settings,
        allow_unsafe,
        applied,
    );
    let (p_left, p_changes) = (
        left(settings, &programmed.analysis),
        changes(&programmed.applied),
    );
    method.program_left = Some(p_left);
    method.program_changes = Some(p_changes);
    if (p_left, p_changes) <= (method.greedy_left, method.greedy_changes) {
        method.program_kept = true;
        programmed.with(method)
    } else {
        alone.with(method)
    }
}

/// A plan after a pass of fixes, before it is told how they were chosen.
struct Fixed {
    plan: Plan,
    analysis: Analysis,
    applied: Vec<Fix>,
}

impl Fixed {
    fn with(self, method: Method) -> Rebalance {
        Rebalance {
            plan: self.plan,
            analysis: self.analysis,
            applied: self.applied,
            method,
        }
    }
}

/// Applies `fix` and keeps it only if it brings no error and the findings get lighter.
fn keep_if_lighter(
    catalog: &Catalog,
    plan: &mut Plan,
    analysis: &mut Analysis,
    settings: &FixSettings,
    fix: &Fix,
    applied: &mut Vec<Fix>,
) {
    let before = left(settings, analysis);
    let errors = analysis.counts()[0];
    let saved: Vec<Person> = plan.people.clone();
    let saved_accept = plan.accept.clone();
    let Ok(touched) = apply(plan, &fix.changes) else {
        return;
    };
    analysis.update_people(catalog, plan, &touched);
    if analysis.counts()[0] <= errors && left(settings, analysis) < before {
        applied.push(fix.clone());
    } else {
        plan.people = saved;
        plan.accept = saved_accept;
        analysis.update_people(catalog, plan, &touched);
    }
}

/// The greedy pass from `plan` (analysed as `analysis`), after the fixes `applied` already.
fn greedy(
    catalog: &Catalog,
    mut plan: Plan,
    mut analysis: Analysis,
    settings: &FixSettings,
    allow_unsafe: bool,
    mut applied: Vec<Fix>,
) -> Fixed {
    // Findings (by key) for which no fix helped; not tried again.
    let mut stuck = BTreeSet::new();
    let limit = 4 * analysis.findings.len() + 8;
    for _ in 0..limit {
        // The most severe findings that may still have a fix; among their best fixes, the
        // kind `data/fixes.yaml` prefers (a retitle before taking work away, say).
        let mut chosen: Option<Fix> = None;
        for severity in Severity::ALL {
            for i in 0..analysis.findings.len() {
                let finding = analysis.findings[i].clone();
                let key = super::FindingKey::of(&finding);
                if finding.severity != severity || stuck.contains(&key) {
                    continue;
                }
                let fix = fixes_for(catalog, &mut plan, &mut analysis, &finding, settings)
                    .into_iter()
                    .filter(|f| f.safe || allow_unsafe)
                    .find(|f| settings.weight_of(&f.clears) > settings.weight_of(&f.creates));
                match fix {
                    Some(fix) => {
                        let better = chosen
                            .as_ref()
                            .is_none_or(|c| settings.rank(&fix.kind) < settings.rank(&c.kind));
                        let best_kind = settings.rank(&fix.kind) == 0;
                        if better {
                            chosen = Some(fix);
                        }
                        if best_kind {
                            break; // nothing can be preferred to it
                        }
                    }
                    None => {
                        stuck.insert(key);
                    }
                }
            }
            if chosen.is_some() {
                break;
            }
        }
        let Some(fix) = chosen else { break };
        match apply(&mut plan, &fix.changes) {
            Ok(touched) => analysis.update_people(catalog, &plan, &touched),
            Err(_) => break,
        }
        applied.push(fix);
    }
    Fixed {
        plan,
        analysis,
        applied,
    }
}
