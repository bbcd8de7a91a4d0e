//! One plan-wide set of changes: fixes applied one after another, each chosen as the most
//! preferred fix of the most severe finding that still has one, and kept only if it lowers the
//! plan's weighted count of findings (errors weigh most), so the rebalance always ends.
//!
//! This is the greedy pass the issue allows beyond a stated size; the optimal program over
//! pruned candidates (a mixed-integer program) is not built yet, so the result may use more
//! changes than the fewest possible.

use std::collections::BTreeSet;

use super::{Fix, FixSettings, apply, fixes_for};
use crate::analysis::{Analysis, analyze};
use crate::catalog::Catalog;
use crate::finding::Severity;
use crate::plan::Plan;

/// A plan after a rebalance, and the fixes that made it, in the order applied.
#[derive(Debug, Clone)]
pub struct Rebalance {
    pub plan: Plan,
    pub analysis: Analysis,
    pub applied: Vec<Fix>,
}

/// How much a finding weighs: an error more than any number of warnings a fix could create.
fn weight(severity: Severity) -> i64 {
    match severity {
        Severity::Error => 1_000,
        Severity::Warning => 10,
        Severity::Info => 1,
    }
}

/// Rebalances `plan`: safe fixes only, or all of them with `allow_unsafe`.
pub fn rebalance(
    catalog: &Catalog,
    plan: &Plan,
    settings: &FixSettings,
    allow_unsafe: bool,
) -> Rebalance {
    let mut plan = plan.clone();
    let mut analysis = analyze(catalog, &plan);
    let mut applied = Vec::new();
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
                    .find(|f| {
                        let gain: i64 = f.clears.iter().map(|k| weight(k.severity)).sum();
                        let cost: i64 = f.creates.iter().map(|k| weight(k.severity)).sum();
                        gain > cost
                    });
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
    Rebalance {
        plan,
        analysis,
        applied,
    }
}
