//! What decides between fixes, from `data/fixes.yaml`: the order of the kinds of fix, how much
//! room a teammate must keep, how many teammates are tried. Data, so a team can prefer a
//! retitle to a move without a new build.

use serde::Deserialize;

use crate::error::InputError;
use crate::finding::Severity;

/// The settings of `data/fixes.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixSettings {
    /// Kinds of fix, most preferred first: `move`, `replace-id`, `retitle`, `hybrid`,
    /// `assign`, `set-hours`, `unassign`.
    pub order: Vec<String>,
    pub room_margin_hours: f64,
    pub candidates: usize,
    /// What a finding of each severity weighs in the team's rebalance.
    pub weights: Weights,
    /// The costs and limits of the rebalance's program.
    pub program: ProgramSettings,
}

/// What a finding weighs in the rebalance, by severity.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub error: f64,
    pub warning: f64,
    pub info: f64,
}

/// The costs the rebalance's mixed-integer program weighs against the findings a fix clears,
/// and when it leaves a group of fixes to the greedy pass.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSettings {
    pub change_cost: f64,
    pub kind_cost: f64,
    pub unsafe_cost: f64,
    pub max_fixes: usize,
    pub max_findings: usize,
    pub max_rounds: usize,
    pub time_limit_seconds: f64,
}

impl FixSettings {
    /// The built-in settings, embedded at build time.
    pub fn builtin() -> Result<FixSettings, InputError> {
        let text = crate::catalog::builtin_data_file("fixes.yaml").unwrap_or_default();
        crate::yaml::parse("<built-in>/fixes.yaml", text)
    }

    /// What a finding of `severity` weighs.
    pub fn weight(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Error => self.weights.error,
            Severity::Warning => self.weights.warning,
            Severity::Info => self.weights.info,
        }
    }

    /// The weight of a list of findings.
    pub fn weight_of<'a>(&self, keys: impl IntoIterator<Item = &'a super::FindingKey>) -> f64 {
        keys.into_iter().map(|k| self.weight(k.severity)).sum()
    }

    /// Where a kind of fix stands in the preferred order (unlisted kinds last).
    pub fn rank(&self, kind: &str) -> usize {
        self.order
            .iter()
            .position(|k| k == kind)
            .unwrap_or(self.order.len())
    }
}
