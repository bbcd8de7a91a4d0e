//! From diagnosis to repair: the changes that would make a finding right, computed by the
//! library (no terminal code), as linters attach fixes to their findings.
//!
//! A [`Fix`] is a description, its [`Change`]s, whether it is safe (it keeps everyone's job what
//! it is: a task moved to a teammate whose role owns it and who has room) or not (it changes a
//! job, adds or removes work, or guesses an id), and the findings it clears and creates,
//! measured by analysing the plan with the fix applied. A fix that would create an error is
//! never offered. Which kinds of fix come first, and how much room a teammate must keep, are
//! data (`data/fixes.yaml`), not code.

mod apply;
mod find;
pub mod program;
mod rebalance;
mod settings;

use serde::Serialize;

pub use apply::apply;
pub use find::fixes_for;
pub use rebalance::{Method, Rebalance, rebalance};
pub use settings::{FixSettings, ProgramSettings, Weights};

use crate::finding::{Finding, Rule, Severity};
use crate::plan::RoleSpec;

/// One change to a plan, by names and ids (as a plan file writes them).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// The task goes from one person to another, with its hours and note.
    Move {
        task: String,
        from: String,
        to: String,
        hours: f64,
    },
    /// The person's role becomes `role` (one role, or a hybrid split).
    Retitle { person: String, role: RoleSpec },
    /// A task is added to the person's list, at its typical `hours` (no override).
    Assign {
        person: String,
        task: String,
        hours: f64,
    },
    /// A task is taken off the person's list.
    Unassign { person: String, task: String },
    /// A task's weekly hours are set.
    SetHours {
        person: String,
        task: String,
        hours: f64,
    },
    /// An id the catalog lacks is replaced by the one it probably meant.
    ReplaceTask {
        person: String,
        from: String,
        to: String,
    },
    ReplaceRole {
        person: String,
        from: String,
        to: String,
    },
    /// An `accept` entry (of `person`, or of the plan when `None`) names a task or category
    /// the catalog lacks: it is replaced by the one it probably meant.
    ReplaceAccepted {
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<String>,
        rule: crate::finding::Rule,
        field: AcceptField,
        from: String,
        to: String,
    },
}

/// Which id of an `accept` entry a [`Change::ReplaceAccepted`] replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AcceptField {
    Task,
    Category,
}

/// A finding as fixes refer to it: its rule and whom and what it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FindingKey {
    pub rule: Rule,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

impl FindingKey {
    pub fn of(f: &Finding) -> FindingKey {
        FindingKey {
            rule: f.rule,
            severity: f.severity,
            person: f.person.clone(),
            task: f.task.clone(),
            category: f.category.clone(),
        }
    }
}

/// A way to make a finding right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    /// Stable within one analysis: the kind of fix and what it acts on (`move:cm-meetups:Zoë`).
    pub id: String,
    /// The kind of fix (`move`, `retitle`, `hybrid`, `assign`, `set-hours`, `unassign`,
    /// `replace-id`), which `data/fixes.yaml` orders.
    pub kind: String,
    pub description: String,
    /// Safe fixes keep every job what it is; `--fix` applies only these unless
    /// `--unsafe-fixes`.
    pub safe: bool,
    pub changes: Vec<Change>,
    /// Findings the fix makes go away, and findings it brings (never an error).
    pub clears: Vec<FindingKey>,
    pub creates: Vec<FindingKey>,
}

/// Each person's free hours a week (negative when over capacity), by plan index.
fn room(plan: &crate::plan::Plan, analysis: &crate::analysis::Analysis) -> Vec<f64> {
    plan.people
        .iter()
        .zip(&analysis.people)
        .map(|(p, s)| p.capacity - s.hours)
        .collect()
}

#[cfg(test)]
mod tests;
