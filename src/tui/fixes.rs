//! Fixes in the view: the state of the two overlays that offer them. `f` on a finding lists
//! that finding's fixes ([`FixList`]), computed once when it opens (one finding's fixes touch a
//! few people, so this is quick on any plan); `F` lists the team's rebalance change by change
//! ([`RebalanceList`]), computed by the loop after it has drawn "Computing…", since on a
//! 10,000-person plan it takes seconds.

use super::text::fit;
use crate::catalog::Catalog;
use crate::fix::{FindingKey, Fix};

/// The fixes of one finding, most preferred first; never empty (a finding without a fix is
/// said on the status line instead).
#[derive(Debug, Clone, PartialEq)]
pub struct FixList {
    /// The finding the fixes are for.
    pub finding: FindingKey,
    pub fixes: Vec<Fix>,
    /// Row of [`FixList::fixes`] highlighted.
    pub selected: usize,
}

impl FixList {
    pub fn new(finding: FindingKey, fixes: Vec<Fix>) -> FixList {
        FixList {
            finding,
            fixes,
            selected: 0,
        }
    }

    pub fn highlighted(&self) -> Option<&Fix> {
        self.fixes.get(self.selected)
    }
}

/// The team's rebalance: the changes it proposes, in the order it would apply them, each
/// marked safe or not (unsafe ones are allowed, so it clears as much as it can).
#[derive(Debug, Clone, PartialEq)]
pub struct RebalanceList {
    /// `None` while the loop computes it.
    pub fixes: Option<Vec<Fix>>,
    /// Row of the fixes highlighted.
    pub selected: usize,
    /// The plan's [`revision`](super::state::App::revision) it is computed for: a report for
    /// another one is stale and dropped.
    pub revision: u64,
    /// Active findings (error, warning, info) now and after every change listed.
    pub before: [usize; 3],
    pub after: [usize; 3],
}

impl RebalanceList {
    /// A list being computed for the plan at `revision`.
    pub fn computing(revision: u64, before: [usize; 3]) -> RebalanceList {
        RebalanceList {
            fixes: None,
            selected: 0,
            revision,
            before,
            after: before,
        }
    }

    /// The changes listed (none while computing).
    pub fn shown(&self) -> &[Fix] {
        self.fixes.as_deref().unwrap_or_default()
    }

    pub fn highlighted(&self) -> Option<&Fix> {
        self.shown().get(self.selected)
    }
}

/// A finding as the lists and the status line name it: its rule and whom it is about
/// ("out-of-role (Jon Park)"), or for a team finding the category (cut to 32 columns).
pub fn finding_words(catalog: &Catalog, key: &FindingKey) -> String {
    match (&key.person, &key.category) {
        (Some(person), _) => format!("{} ({person})", key.rule),
        (None, Some(category)) => {
            let title = catalog
                .category(category)
                .map_or(category.as_str(), |c| c.title.as_str());
            format!("{} (“{}”)", key.rule, fit(title, 32))
        }
        (None, None) => key.rule.to_string(),
    }
}

/// What a fix makes go away and what it brings, as one line of its preview:
/// "clears: out-of-role (Jon Park) · creates: —".
pub fn preview(catalog: &Catalog, fix: &Fix) -> String {
    let list = |keys: &[FindingKey]| {
        if keys.is_empty() {
            "—".to_owned()
        } else {
            keys.iter()
                .map(|k| finding_words(catalog, k))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    format!(
        "clears: {} · creates: {}",
        list(&fix.clears),
        list(&fix.creates)
    )
}
