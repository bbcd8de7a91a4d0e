//! The JSON document of `rolescope check --format json`. Its shape is documented in
//! docs/files.md and kept stable: fields may be added, never renamed or removed.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::analysis::{Analysis, PersonSummary, explanation, message};
use crate::catalog::Catalog;
use crate::finding::{Finding, Rule, Severity};
use crate::plan::{Person, Plan, RoleSpec};

/// One plan's result. The people and findings are written as they are serialised, one at a
/// time, so a plan of 100,000 people streams out without its document ever being whole in
/// memory (see [`super::json::write_pretty`]).
#[derive(Debug, Serialize)]
pub struct CheckJson<'a> {
    pub plan: &'a str,
    /// The file the plan was read from.
    pub file: &'a str,
    pub people: PeopleJson<'a>,
    pub findings: FindingsJson<'a>,
    pub accepted: AcceptedListJson<'a>,
}

/// What every part of a [`CheckJson`] is written from.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    analysis: &'a Analysis,
    catalog: &'a Catalog,
    plan: &'a Plan,
}

/// The `people` list, one [`PersonJson`] per person, written as serialised.
#[derive(Debug)]
pub struct PeopleJson<'a>(Sources<'a>);

/// The `findings` list, one [`FindingJson`] per active finding, written as serialised; with
/// `check --show-fixes`, each with its fixes.
#[derive(Debug)]
pub struct FindingsJson<'a> {
    sources: Sources<'a>,
    /// Each finding's fixes, in the order of the analysis' findings.
    pub fixes: Option<Vec<Vec<crate::fix::Fix>>>,
}

/// The `accepted` list, one [`AcceptedJson`] per accepted finding, written as serialised.
#[derive(Debug)]
pub struct AcceptedListJson<'a>(Sources<'a>);

/// One person's numbers.
#[derive(Debug, Serialize)]
pub struct PersonJson<'a> {
    pub name: &'a str,
    /// A role id, or `{role-id: fraction}` for a hybrid.
    pub role: RoleJson<'a>,
    pub capacity: f64,
    pub hours: f64,
    pub shares: SharesJson<'a>,
    pub best_fit: Option<&'a str>,
}

/// A person's share of each owner (each role, then `shared`), written as a map with its keys
/// in order (as a `BTreeMap` of them would be) without building one per person: the order of
/// the owners is worked out once for the whole document.
#[derive(Debug)]
pub struct SharesJson<'a> {
    /// The owners' ids and slots, by id.
    owners: &'a [(&'a str, usize)],
    share_by_slot: &'a [f64],
}

impl Serialize for SharesJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.owners.iter().filter_map(|&(id, slot)| {
            self.share_by_slot
                .get(slot)
                .map(|&share| (id, round(share)))
        }))
    }
}

/// Every owner a share is kept for (each catalog role, then `shared`), with its slot, in the
/// order of their ids.
fn owners_by_id(catalog: &Catalog) -> Vec<(&str, usize)> {
    let mut owners: Vec<(&str, usize)> = catalog
        .roles()
        .iter()
        .map(|r| r.id.as_str())
        .chain(std::iter::once(crate::catalog::SHARED))
        .enumerate()
        .map(|(slot, id)| (id, slot))
        .collect();
    owners.sort_by(|a, b| a.0.cmp(b.0));
    owners
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum RoleJson<'a> {
    Single(&'a str),
    Split(BTreeMap<&'a str, f64>),
}

#[derive(Debug, Serialize)]
pub struct FindingJson<'a> {
    pub rule: Rule,
    pub severity: Severity,
    pub person: Option<&'a str>,
    pub task: Option<&'a str>,
    /// The category id of a finding about one category (a coverage gap).
    pub category: Option<&'a str>,
    pub message: String,
    pub explanation: String,
    /// `{"line", "column"}` in the plan file, where the finding is about one spot.
    pub location: Option<crate::Location>,
    /// The finding's fixes, with `check --show-fixes` only (see [`crate::fix::Fix`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixes: Option<&'a [crate::fix::Fix]>,
}

#[derive(Debug, Serialize)]
pub struct AcceptedJson<'a> {
    #[serde(flatten)]
    pub finding: FindingJson<'a>,
    pub reason: &'a str,
}

/// Shares and fractions are rounded to 4 places so output is stable across platforms.
pub(crate) fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

pub(crate) fn finding_json<'a>(f: &'a Finding, catalog: &Catalog, plan: &Plan) -> FindingJson<'a> {
    FindingJson {
        rule: f.rule,
        severity: f.severity,
        person: f.person.as_deref(),
        task: f.task.as_deref(),
        category: f.category.as_deref(),
        message: message(f, catalog, plan),
        explanation: explanation(f, catalog, plan),
        location: f.location,
        fixes: None,
    }
}

fn person_json<'a>(
    p: &'a PersonSummary,
    person: &'a Person,
    owners: &'a [(&'a str, usize)],
) -> PersonJson<'a> {
    PersonJson {
        name: &p.name,
        role: match &person.role {
            RoleSpec::Single(id) => RoleJson::Single(id),
            RoleSpec::Hybrid(_) => RoleJson::Split(
                person
                    .role
                    .split()
                    .into_iter()
                    .map(|(id, w)| (id, round(w)))
                    .collect(),
            ),
        },
        capacity: p.capacity,
        hours: round(p.hours),
        shares: SharesJson {
            owners,
            share_by_slot: &p.share_by_slot,
        },
        best_fit: p.best_fit.as_deref(),
    }
}

impl Serialize for PeopleJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Sources {
            analysis,
            catalog,
            plan,
        } = self.0;
        let owners = owners_by_id(catalog);
        s.collect_seq(
            analysis
                .people
                .iter()
                .zip(&plan.people)
                .map(|(p, person)| person_json(p, person, &owners)),
        )
    }
}

impl Serialize for FindingsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Sources {
            analysis,
            catalog,
            plan,
        } = self.sources;
        s.collect_seq(analysis.findings.iter().enumerate().map(|(i, f)| {
            let mut json = finding_json(f, catalog, plan);
            json.fixes = self
                .fixes
                .as_ref()
                .map(|all| all.get(i).map_or(&[][..], Vec::as_slice));
            json
        }))
    }
}

impl Serialize for AcceptedListJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Sources {
            analysis,
            catalog,
            plan,
        } = self.0;
        s.collect_seq(analysis.accepted.iter().map(|a| AcceptedJson {
            finding: finding_json(&a.finding, catalog, plan),
            reason: &a.reason,
        }))
    }
}

/// The JSON view of `analysis` of `plan` (read from `file`) against `catalog`.
pub fn check_json<'a>(
    analysis: &'a Analysis,
    file: &'a str,
    catalog: &'a Catalog,
    plan: &'a Plan,
) -> CheckJson<'a> {
    let sources = Sources {
        analysis,
        catalog,
        plan,
    };
    CheckJson {
        plan: &analysis.plan,
        file,
        people: PeopleJson(sources),
        findings: FindingsJson {
            sources,
            fixes: None,
        },
        accepted: AcceptedListJson(sources),
    }
}
