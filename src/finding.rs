//! What the analysis reports: a rule, how serious it is, whom and what it concerns, and why.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Location;

/// How serious a finding is; `--fail-on` and the TUI's markers are keyed on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// A symbol that tells the severity apart without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Info => "i",
            Severity::Warning => "!",
            Severity::Error => "x",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every rule the analysis applies. Plans name them in `accept`, so the kebab-case ids are part
/// of the file format and must not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Too much of a person's week goes to another role's work.
    RoleDrift,
    /// One task lies outside what the person's role covers.
    OutOfRole,
    /// None of the role's core categories is present.
    MissingCore,
    /// The task mix fits another role better than the title.
    TitleMismatch,
    /// More hours than the person's capacity.
    OverCapacity,
    /// Far fewer hours than the person's capacity.
    UnderUse,
    /// A core category of a role the team hires for that nobody covers.
    CoverageGap,
    /// An assignment names a task the catalog does not have.
    UnknownTask,
    /// A person (or a threshold override) names a role the catalog does not have.
    UnknownRole,
    /// An `accept` entry names a category the catalog does not have.
    UnknownCategory,
}

impl Rule {
    pub const ALL: [Rule; 10] = [
        Rule::RoleDrift,
        Rule::OutOfRole,
        Rule::MissingCore,
        Rule::TitleMismatch,
        Rule::OverCapacity,
        Rule::UnderUse,
        Rule::CoverageGap,
        Rule::UnknownTask,
        Rule::UnknownRole,
        Rule::UnknownCategory,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::RoleDrift => "role-drift",
            Rule::OutOfRole => "out-of-role",
            Rule::MissingCore => "missing-core",
            Rule::TitleMismatch => "title-mismatch",
            Rule::OverCapacity => "over-capacity",
            Rule::UnderUse => "under-use",
            Rule::CoverageGap => "coverage-gap",
            Rule::UnknownTask => "unknown-task",
            Rule::UnknownRole => "unknown-role",
            Rule::UnknownCategory => "unknown-category",
        }
    }

    /// Whether the rule's findings are each about one category, so that an `accept` entry may
    /// narrow it with `category` (one coverage gap, not all of them).
    pub fn has_category(self) -> bool {
        matches!(self, Rule::CoverageGap)
    }

    /// One line on what the rule checks, for `--help`, docs/rules.md and the TUI's help.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::RoleDrift => "too much of a person's week goes to another role's work",
            Rule::OutOfRole => "a task lies outside what the person's role covers",
            Rule::MissingCore => "none of the role's core categories is present",
            Rule::TitleMismatch => "the task mix fits another role better than the title",
            Rule::OverCapacity => "more hours assigned than the person's weekly capacity",
            Rule::UnderUse => "far fewer hours assigned than the person's capacity",
            Rule::CoverageGap => "a core category of a hired role that nobody covers",
            Rule::UnknownTask => {
                "an assignment or accept entry names a task the catalog does not have"
            }
            Rule::UnknownRole => "a role id the catalog does not have",
            Rule::UnknownCategory => "an accept entry names a category the catalog does not have",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The numbers and ids behind a finding, from which its words are written on demand
/// ([`crate::analysis::message`], [`crate::analysis::explanation`]): the analysis runs on every
/// keypress in the TUI, and most findings are never read in full.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    UnknownRole {
        role: String,
    },
    UnknownTask,
    /// The task (in [`Finding::task`]) lies outside the person's roles.
    OutOfRole,
    /// Share of the week off the role or split, and the threshold it passed.
    RoleDrift {
        drift: f64,
        limit: f64,
    },
    /// Catalog positions of the hired role and the better-fitting one, with their shares.
    TitleMismatch {
        own: usize,
        own_share: f64,
        best: usize,
        best_share: f64,
        shared_share: f64,
    },
    /// Catalog position of the role whose core work is missing.
    MissingCore {
        role: usize,
    },
    Capacity {
        hours: f64,
        capacity: f64,
    },
    /// Catalog positions of the hired role and its uncovered core category.
    CoverageGap {
        role: usize,
        category: usize,
    },
    /// The task id (in [`Finding::task`]) an `accept` entry of `rule` names, which the catalog
    /// lacks.
    UnknownAcceptedTask {
        rule: Rule,
    },
    /// The category id an `accept` entry of `rule` names, which the catalog lacks.
    UnknownCategory {
        rule: Rule,
        category: String,
    },
}

/// One mismatch. Its one-line message and its explanation are written from `detail` when a
/// front end shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// The person's name; `None` for team-level findings.
    pub person: Option<String>,
    /// Index of the person in the plan, so front ends need not match names.
    pub person_index: Option<usize>,
    /// The task id; `None` where no single task is at fault.
    pub task: Option<String>,
    /// The category id, for findings about one category (a coverage gap); `None` otherwise.
    pub category: Option<String>,
    /// Where in the plan file the problem is written, when it is about one spot.
    pub location: Option<Location>,
    pub detail: Detail,
}

/// A finding silenced by an `accept` entry, kept so reports can show the exception and its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub finding: Finding,
    pub reason: String,
}
