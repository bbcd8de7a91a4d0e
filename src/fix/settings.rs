//! What decides between fixes, from `data/fixes.yaml`: the order of the kinds of fix, how much
//! room a teammate must keep, how many teammates are tried. Data, so a team can prefer a
//! retitle to a move without a new build.

use serde::Deserialize;

use crate::error::InputError;

/// The settings of `data/fixes.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixSettings {
    /// Kinds of fix, most preferred first: `move`, `replace-id`, `retitle`, `hybrid`,
    /// `assign`, `set-hours`, `unassign`.
    pub order: Vec<String>,
    pub room_margin_hours: f64,
    pub candidates: usize,
}

impl FixSettings {
    /// The built-in settings, embedded at build time.
    pub fn builtin() -> Result<FixSettings, InputError> {
        let text = crate::catalog::builtin_data_file("fixes.yaml").unwrap_or_default();
        crate::yaml::parse("<built-in>/fixes.yaml", text)
    }

    /// Where a kind of fix stands in the preferred order (unlisted kinds last).
    pub fn rank(&self, kind: &str) -> usize {
        self.order
            .iter()
            .position(|k| k == kind)
            .unwrap_or(self.order.len())
    }
}
