//! A plan: the people, their roles and capacity, and the tasks assigned to them.
//!
//! Plans are YAML files a team keeps in git, edited by hand and by the TUI, so the format is
//! small, forgiving where it costs nothing (a task may be written as its bare id) and strict
//! where a typo would silently change the meaning (unknown fields are errors).

mod file;
pub mod in_place;
mod places;
mod validate;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::PartialThresholds;
use crate::finding::Rule;

pub use file::{
    LoadedPlan, load_plan, looks_like_plan, parse_plan, plan_text, save_plan, to_yaml,
    write_plan_text,
};
pub use places::PersonPlaces;

/// The plan format version this build writes and reads. A plan with a higher `version` was
/// written by a newer rolescope and is refused rather than half-understood.
pub const PLAN_VERSION: u32 = 1;

/// Capacity assumed when a person has none: a full-time week.
pub const DEFAULT_CAPACITY: f64 = 40.0;

/// A set of people and what they are asked to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a plan: a mapping with `name` and `people`"
)]
pub struct Plan {
    #[serde(default = "current_version")]
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Threshold overrides: `all` applies to every role, a role id to that role only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub thresholds: BTreeMap<String, PartialThresholds>,
    /// Deliberate exceptions for team-level rules (`coverage-gap`, narrowed by `category`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<Acceptance>,
    #[serde(default)]
    pub people: Vec<Person>,
}

fn current_version() -> u32 {
    PLAN_VERSION
}

/// The key of threshold overrides that apply to every role.
pub const ALL_ROLES: &str = "all";

impl Plan {
    pub fn new(name: impl Into<String>) -> Plan {
        Plan {
            version: PLAN_VERSION,
            name: name.into(),
            description: String::new(),
            thresholds: BTreeMap::new(),
            accept: Vec::new(),
            people: Vec::new(),
        }
    }

    pub fn person(&self, name: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.name == name)
    }
}

/// One person (or an open position) in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a person: a mapping with `name`, `role`, `capacity` and `tasks`"
)]
pub struct Person {
    pub name: String,
    pub role: RoleSpec,
    /// Weekly hours this person can give.
    #[serde(default = "default_capacity", serialize_with = "file::hours")]
    pub capacity: f64,
    #[serde(default)]
    pub tasks: Vec<Assignment>,
    /// Deliberate exceptions, like a linter's allow: the finding is reported as accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<Acceptance>,
}

fn default_capacity() -> f64 {
    DEFAULT_CAPACITY
}

impl Person {
    pub fn new(name: impl Into<String>, role: RoleSpec) -> Person {
        Person {
            name: name.into(),
            role,
            capacity: DEFAULT_CAPACITY,
            tasks: Vec::new(),
            accept: Vec::new(),
        }
    }

    pub fn has_task(&self, id: &str) -> bool {
        self.tasks.iter().any(|a| a.task == id)
    }
}

/// The role a person is hired for: one role, or a hybrid with its intended split.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleSpec {
    Single(String),
    /// Role ids with weights (percentages or fractions; only their ratio counts), in file order.
    Hybrid(Vec<(String, f64)>),
}

impl RoleSpec {
    /// Each role id with its share of the intended split, summing to 1.
    pub fn split(&self) -> Vec<(&str, f64)> {
        match self {
            RoleSpec::Single(id) => vec![(id.as_str(), 1.0)],
            RoleSpec::Hybrid(parts) => {
                let total: f64 = parts
                    .iter()
                    .map(|(_, w)| *w)
                    .filter(|w| w.is_finite() && *w > 0.0)
                    .sum();
                parts
                    .iter()
                    .map(|(id, w)| {
                        (
                            id.as_str(),
                            if total > 0.0 && w.is_finite() && *w > 0.0 {
                                w / total
                            } else {
                                0.0
                            },
                        )
                    })
                    .collect()
            }
        }
    }

    pub fn role_ids(&self) -> impl Iterator<Item = &str> {
        let ids: Vec<&str> = match self {
            RoleSpec::Single(id) => vec![id.as_str()],
            RoleSpec::Hybrid(parts) => parts.iter().map(|(id, _)| id.as_str()).collect(),
        };
        ids.into_iter()
    }

    pub fn is_hybrid(&self) -> bool {
        matches!(self, RoleSpec::Hybrid(_))
    }
}

impl fmt::Display for RoleSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoleSpec::Single(id) => f.write_str(id),
            RoleSpec::Hybrid(_) => {
                let parts: Vec<String> = self
                    .split()
                    .iter()
                    .map(|(id, share)| format!("{id} {:.0}%", share * 100.0))
                    .collect();
                f.write_str(&parts.join(" / "))
            }
        }
    }
}

/// A task given to a person, with an optional hours override and note.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub task: String,
    /// Weekly hours for this person, when they differ from the task's typical hours.
    pub hours: Option<f64>,
    pub note: Option<String>,
}

impl Assignment {
    pub fn new(task: impl Into<String>) -> Assignment {
        Assignment {
            task: task.into(),
            hours: None,
            note: None,
        }
    }

    /// The weekly hours this assignment counts for: its own, else the task's typical hours
    /// in `catalog` (0 for a task the catalog lacks).
    pub fn hours_in(&self, catalog: &crate::catalog::Catalog) -> f64 {
        self.hours
            .or_else(|| catalog.task(&self.task).map(|t| t.hours))
            .unwrap_or(0.0)
    }
}

/// "This finding is known and intended": silences `rule` (for one `task`, or one `category`,
/// if given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an accepted finding: a mapping with `rule`, optional `task` or `category`, and `reason`"
)]
pub struct Acceptance {
    pub rule: Rule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// A category id: only the finding about that category (one coverage gap, not all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub reason: String,
}
