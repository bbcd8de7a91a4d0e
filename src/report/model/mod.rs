//! The report model: what a shareable report says, built once from a catalog, a plan and its
//! analysis, independent of format.
//!
//! Renderers (`markdown`, `html`, `csv`, `json`) only lay the model out, so every format says
//! the same thing in the same order, and a new kind of report (an offer reply) is a new
//! [`Body`] variant built from the same pieces ([`Mix`], [`FindingGroup`], the role
//! description's fit and "not this role" sections).

mod job_ad;
mod offer;
mod role;
mod rows;
mod team;

use serde::Serialize;

use super::check_json::{AcceptedJson, FindingJson, finding_json};
use crate::analysis::{Analysis, PersonSummary};
use crate::catalog::{Catalog, SHARED};
use crate::error::InputError;
use crate::finding::{Finding, Severity};
use crate::plan::{Person, Plan, RoleSpec};

pub use job_ad::{AdCategory, AdOtherRole, AdRole, JobAd, ad_errors};
pub use offer::{Misfit, OfferReply, OfferedRole, ReplyVerdict, Share};
pub use role::{
    Duty, Fit, FitPart, HeldRole, OtherRole, Reason, Responsibility, RoleDescription, Verdict,
};
pub use rows::{AssignmentRow, TaskFinding};
pub use team::{
    COVERAGE_COLUMNS, Counts, CoverageMatrix, CoverageRow, CoverageStatus, FINDINGS_LISTED,
    PEOPLE_SHOWN, TeamReview, Totals, WorkloadRow,
};

/// One shareable report of one plan.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The plan's name.
    pub plan: &'a str,
    /// The plan's description (may be empty).
    pub description: &'a str,
    /// The file the plan was read from, as the user named it.
    pub file: &'a str,
    #[serde(flatten)]
    pub body: Body<'a>,
    /// One row per assignment of the people the report is about, in plan order.
    pub assignments: Vec<AssignmentRow<'a>>,
}

/// The kinds of report. JSON tags them with `"kind"`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Body<'a> {
    /// One person's role, for the people who plan it: hours, fit and findings included.
    RoleDescription(RoleDescription<'a>),
    /// The whole plan, for a team meeting.
    TeamReview(TeamReview<'a>),
    /// A freelancer's reply to a text offer (`offer --report`).
    OfferReply(OfferReply<'a>),
    /// One person's role as a job ad to publish: no hours, no internal sections.
    JobAd(JobAd<'a>),
}

/// Whom a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The person at this index in the plan: a role description.
    Person(usize),
    /// Everyone: a team review.
    Team,
}

impl Subject {
    /// `--person NAME` if given (exact name, else a unique case-insensitive match, else the
    /// unique name it starts, word for word: "Maya" for "Maya Okafor"); otherwise a
    /// role description for a one-person plan and a team review for any other.
    pub fn choose(plan: &Plan, origin: &str, person: Option<&str>) -> Result<Subject, InputError> {
        let Some(name) = person else {
            return Ok(if plan.people.len() == 1 {
                Subject::Person(0)
            } else {
                Subject::Team
            });
        };
        if let Some(i) = plan.people.iter().position(|p| p.name == name) {
            return Ok(Subject::Person(i));
        }
        let folded: Vec<usize> = (0..plan.people.len())
            .filter(|&i| plan.people[i].name.to_lowercase() == name.to_lowercase())
            .collect();
        if let [i] = folded.as_slice() {
            return Ok(Subject::Person(*i));
        }
        // "山田 花子" for "山田 花子 (Hanako Yamada)", "maya" for "Maya Okafor": a start of
        // one name only, at a word boundary.
        let lower = name.to_lowercase();
        let starts: Vec<usize> = (0..plan.people.len())
            .filter(|&i| {
                let full = plan.people[i].name.to_lowercase();
                !lower.trim().is_empty()
                    && full.starts_with(&lower)
                    && !full[lower.len()..].starts_with(char::is_alphanumeric)
            })
            .collect();
        if let [i] = starts.as_slice() {
            return Ok(Subject::Person(*i));
        }
        let known = if plan.people.is_empty() {
            " (the plan has no people)".to_owned()
        } else {
            crate::suggest::worded(closest_person(plan, name))
        };
        Err(InputError::new(
            origin,
            None,
            format!("no person named `{name}` in the plan{known}"),
        ))
    }
}

/// The person `given` probably meant: the closest full name, else the person one of whose
/// names (first, last, …) is closest (`jonn` for Jon Park), ignoring case.
fn closest_person<'a>(plan: &'a Plan, given: &str) -> Option<&'a str> {
    let names = plan.people.iter().map(|p| p.name.as_str());
    if let Some(full) = crate::suggest::did_you_mean(given, names) {
        return Some(full);
    }
    let lower = given.to_lowercase();
    let words: Vec<(String, &str)> = plan
        .people
        .iter()
        .flat_map(|p| {
            p.name
                .split_whitespace()
                .map(move |w| (w.to_lowercase(), p.name.as_str()))
        })
        .collect();
    let word = crate::suggest::did_you_mean(&lower, words.iter().map(|(w, _)| w.as_str()))?;
    words.iter().find(|(w, _)| w == word).map(|(_, name)| *name)
}

/// Builds the report about `subject` of `plan` (read from `file`), from its `analysis`.
pub fn build<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &'a Analysis,
    file: &'a str,
    subject: Subject,
) -> Report<'a> {
    let mut report = build_without_rows(catalog, plan, analysis, file, subject);
    report.assignments = rows::build(catalog, plan, analysis, subject);
    report
}

/// [`build`] with no [`Report::assignments`]: for Markdown and HTML, which do not show them
/// (at 100,000 people they are a million rows, most of the memory a report would take).
pub fn build_without_rows<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &'a Analysis,
    file: &'a str,
    subject: Subject,
) -> Report<'a> {
    let body = match subject {
        Subject::Person(i) => Body::RoleDescription(role::build(catalog, plan, analysis, i)),
        Subject::Team => Body::TeamReview(team::build(catalog, plan, analysis)),
    };
    Report {
        plan: &plan.name,
        description: &plan.description,
        file,
        body,
        assignments: Vec::new(),
    }
}

/// The job ad of the person at `index` of `plan` (read from `file`).
pub fn build_job_ad<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &'a Analysis,
    file: &'a str,
    index: usize,
) -> Report<'a> {
    Report {
        plan: &plan.name,
        description: &plan.description,
        file,
        body: Body::JobAd(job_ad::build(catalog, plan, analysis, index)),
        assignments: Vec::new(),
    }
}

/// The reply to a judged offer (read from `file`): its plan is the offer's one-person plan.
pub fn build_offer_reply<'a>(
    catalog: &'a Catalog,
    offer: &'a crate::offer::Offer,
    judgement: &'a crate::offer::Judgement,
    file: &'a str,
) -> Report<'a> {
    Report {
        plan: &judgement.plan.name,
        description: &judgement.plan.description,
        file,
        body: Body::OfferReply(offer::build(catalog, offer, judgement)),
        assignments: rows::build(
            catalog,
            &judgement.plan,
            &judgement.analysis,
            Subject::Person(0),
        ),
    }
}

/// Hours of one owner (a role, or the shared overlap) in a person's week.
#[derive(Debug, Clone, Serialize)]
pub struct Segment {
    /// A role id, or `shared`.
    pub owner: String,
    /// The role's title, or "Shared".
    pub label: String,
    /// The owner's slot in the catalog (role position; shared is one past the last role), so
    /// renderers colour an owner the same way in every chart.
    #[serde(skip)]
    pub slot: usize,
    #[serde(serialize_with = "round")]
    pub hours: f64,
    #[serde(serialize_with = "round")]
    pub share: f64,
}

impl Segment {
    pub fn is_shared(&self) -> bool {
        self.owner == SHARED
    }
}

/// Where one person's week goes: the role mix behind the bar charts and the shares.
#[derive(Debug, Clone, Serialize)]
pub struct Mix {
    #[serde(serialize_with = "round")]
    pub hours: f64,
    #[serde(serialize_with = "round")]
    pub capacity: f64,
    /// Hours / capacity; `None` when capacity is 0.
    #[serde(serialize_with = "round_option")]
    pub load: Option<f64>,
    /// Owners with hours, plus the person's own roles even at 0 (so "Community Manager 0%"
    /// is said, not left out), in catalog order with shared last.
    pub segments: Vec<Segment>,
}

impl Mix {
    fn of(catalog: &Catalog, summary: &PersonSummary, person: &Person) -> Mix {
        let roles = catalog.roles();
        let segments = summary
            .shares(catalog)
            .enumerate()
            .filter(|(_, (owner, share))| {
                *share > 0.0 || person.role.role_ids().any(|r| r == *owner)
            })
            .map(|(slot, (owner, share))| Segment {
                owner: owner.to_owned(),
                label: roles
                    .get(slot)
                    .map_or_else(|| "Shared".to_owned(), |r| r.title.to_string()),
                slot,
                hours: share * summary.hours,
                share,
            })
            .collect();
        Mix {
            hours: summary.hours,
            capacity: summary.capacity,
            load: (summary.capacity > 0.0).then(|| summary.hours / summary.capacity),
            segments,
        }
    }
}

/// Findings of one severity, in analysis order (by person in plan order, then team findings).
#[derive(Debug, Serialize)]
pub struct FindingGroup<'a> {
    pub severity: Severity,
    pub findings: Vec<FindingJson<'a>>,
}

/// Groups `findings` by severity, most severe first, leaving out empty groups.
fn group<'a>(
    findings: impl Iterator<Item = &'a Finding>,
    catalog: &Catalog,
    plan: &Plan,
) -> Vec<FindingGroup<'a>> {
    let findings: Vec<&'a Finding> = findings.collect();
    Severity::ALL
        .iter()
        .map(|&severity| FindingGroup {
            severity,
            findings: findings
                .iter()
                .copied()
                .filter(|f| f.severity == severity)
                .map(|f| finding_json(f, catalog, plan))
                .collect(),
        })
        .filter(|g| !g.findings.is_empty())
        .collect()
}

fn accepted<'a>(
    analysis: &'a Analysis,
    keep: impl Fn(&Finding) -> bool,
    catalog: &Catalog,
    plan: &Plan,
) -> Vec<AcceptedJson<'a>> {
    analysis
        .accepted
        .iter()
        .filter(|a| keep(&a.finding))
        .map(|a| AcceptedJson {
            finding: finding_json(&a.finding, catalog, plan),
            reason: &a.reason,
        })
        .collect()
}

/// "Community Manager", or "Community Manager 50% / Social Media Manager 50%" for a hybrid;
/// an id the catalog lacks is shown as written.
pub fn role_label(catalog: &Catalog, spec: &RoleSpec) -> String {
    let title = |id: &str| {
        catalog
            .role(id)
            .map_or_else(|| id.to_owned(), |r| r.title.to_string())
    };
    match spec {
        RoleSpec::Single(id) => title(id),
        RoleSpec::Hybrid(_) => spec
            .split()
            .iter()
            .map(|(id, part)| format!("{} {}", title(id), crate::analysis::pct(*part)))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

/// Numbers in JSON are rounded to 4 places, as in `check --format json`, so output is stable
/// across platforms; the renderers read the exact values.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
fn round<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(super::check_json::round(*v))
}

#[allow(clippy::ref_option)] // serde's `serialize_with` passes a reference
fn round_option<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_some(&super::check_json::round(*v)),
        None => s.serialize_none(),
    }
}
