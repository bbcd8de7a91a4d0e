//! The posting's verdict from its mapped lines, by the devset's guide: count the lines mapped to
//! one role's task (shared and unmatched lines are left out), and call a side dominant at
//! `verdict.dominant_share` (about 60%) of what remains.

use std::fmt;

use crate::catalog::Catalog;
use crate::plan::RoleSpec;

use super::config::VerdictConfig;

/// Whether a posting's duties fit its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The duties are mostly the work of the one role the title names.
    FitsTitle,
    /// The duties are mostly this role's work, which the title does not name (or a mixed title
    /// whose other side has no lines; or a title naming no role).
    Mostly(String),
    /// Substantial amounts of several roles' work, none dominating; or the hybrid a title
    /// naming several roles announces (`Judgement::titled_hybrid`: the labelling guide's rule, whichever
    /// of its roles has more lines).
    Hybrid,
    /// Too few duties matched a role to judge.
    Unclear,
}

impl Verdict {
    /// The verdict's stable id: `fits-title`, `mostly-<role-id>`, `hybrid`, `unclear`.
    pub fn id(&self) -> String {
        match self {
            Verdict::FitsTitle => "fits-title".to_owned(),
            Verdict::Mostly(role) => format!("mostly-{role}"),
            Verdict::Hybrid => "hybrid".to_owned(),
            Verdict::Unclear => "unclear".to_owned(),
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

/// Duty lines per owner slot (each role by catalog position, then shared), plus unmatched
/// ones; a line split from a longer one counts its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub by_slot: Vec<f64>,
    pub unmatched: f64,
}

impl Tally {
    /// Lines mapped to one role's work: what the verdict counts.
    pub fn counted(&self) -> f64 {
        self.by_slot[..self.by_slot.len() - 1].iter().sum()
    }

    /// The role slot with most lines (ties: earliest in `prefer`, then catalog order).
    pub fn top(&self, prefer: &[usize]) -> Option<usize> {
        let roles = &self.by_slot[..self.by_slot.len() - 1];
        let max = roles.iter().copied().fold(0.0, f64::max);
        if max <= 0.0 {
            return None;
        }
        prefer
            .iter()
            .copied()
            .find(|&s| roles.get(s).is_some_and(|&c| c >= max - 1e-9))
            .or_else(|| roles.iter().position(|&c| c >= max - 1e-9))
    }

    /// Each owner's share of the mapped lines (shared included), summing to 1, or all 0.
    pub fn shares(&self) -> Vec<f64> {
        let total: f64 = self.by_slot.iter().sum();
        self.by_slot
            .iter()
            .map(|&c| if total > 0.0 { c / total } else { 0.0 })
            .collect()
    }
}

/// The verdict for a posting titled as `titled` (none when the title names no role).
pub fn verdict(
    catalog: &Catalog,
    titled: Option<&RoleSpec>,
    tally: &Tally,
    config: &VerdictConfig,
) -> Verdict {
    let counted = tally.counted();
    if counted <= 0.0 {
        return Verdict::Unclear;
    }
    let named = named_slots(catalog, titled);
    let Some(top) = tally.top(&named) else {
        return Verdict::Unclear;
    };
    if counted < config.min_counted_lines as f64 - 1e-9 {
        let confirms = named == [top]
            && (tally.by_slot[top] - counted).abs() < 1e-9
            && counted >= config.min_lines_confirming_title as f64 - 1e-9;
        return if confirms {
            Verdict::FitsTitle
        } else {
            Verdict::Unclear
        };
    }
    let share = |slot: usize| tally.by_slot[slot] / counted;
    let dominant = share(top) >= config.dominant_share - 1e-9;
    let top_id = catalog.roles()[top].id.to_string();
    match named.len() {
        0 if dominant => Verdict::Mostly(top_id),
        1 if dominant && named[0] == top => Verdict::FitsTitle,
        n if n > 1 && holds_each(&named, top, tally) => Verdict::Hybrid,
        _ if dominant && (named.len() > 1 || !named.contains(&top)) => Verdict::Mostly(top_id),
        _ => Verdict::Hybrid,
    }
}

/// The catalog positions of the roles a title names.
pub(super) fn named_slots(catalog: &Catalog, titled: Option<&RoleSpec>) -> Vec<usize> {
    titled
        .map(|r| {
            r.role_ids()
                .filter_map(|id| catalog.role_position(id))
                .collect()
        })
        .unwrap_or_default()
}

/// The duties hold some work of each named role, and the role with most lines is one of them
/// (a third role of a user catalog leading is no mix the title announces).
fn holds_each(named: &[usize], top: usize, tally: &Tally) -> bool {
    named.contains(&top) && named.iter().all(|&s| tally.by_slot[s] > 1e-9)
}

/// Whether a `hybrid` verdict is the mix its title announces: the title names several roles
/// (`named`, [`named_slots`]) and the duties hold each of them, led by one of them. The reply
/// then says the duties match the title.
pub(super) fn titled_hybrid(named: &[usize], tally: &Tally, verdict: &Verdict) -> bool {
    *verdict == Verdict::Hybrid
        && named.len() > 1
        && tally
            .top(named)
            .is_some_and(|top| holds_each(named, top, tally))
}
