//! The role description: one person's role for the people who plan it (what the role is, what
//! the week holds, what it is not, whether the duties fit the title). The version to publish,
//! without hours or the team's judgement, is the job ad ([`super::JobAd`]).

use std::collections::BTreeSet;

use serde::Serialize;

use super::{FindingGroup, Mix, accepted, group, role_label};
use crate::analysis::{Analysis, RoleMix, first_sentence};
use crate::catalog::{Catalog, Owner};
use crate::finding::Rule;
use crate::plan::{Person, Plan, RoleSpec};
use crate::report::check_json::AcceptedJson;

/// One person's role description.
#[derive(Debug, Serialize)]
pub struct RoleDescription<'a> {
    pub person: &'a str,
    /// The title the plan gives the person ("Community Manager", or a hybrid's split).
    pub title: String,
    /// The person's roles, with their part of the declared split and their profile summary.
    pub roles: Vec<HeldRole<'a>>,
    pub mix: Mix,
    /// Categories of the person's tasks, largest first.
    pub responsibilities: Vec<Responsibility<'a>>,
    /// Each role the person does not hold: what of it is carried, flagged or kept off.
    pub not_this_role: Vec<OtherRole<'a>>,
    pub fit: Fit,
    /// The person's findings (and, in a one-person plan, the team's), by severity. JSON has them
    /// at the top level already, as `check` prints them.
    #[serde(skip)]
    pub findings: Vec<FindingGroup<'a>>,
    #[serde(skip)]
    pub accepted: Vec<AcceptedJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct HeldRole<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// Share of the declared split (1 for a single role).
    #[serde(serialize_with = "super::round")]
    pub part: f64,
    pub summary: &'a str,
}

/// The tasks of one category in the person's week.
#[derive(Debug, Serialize)]
pub struct Responsibility<'a> {
    pub category: &'a str,
    pub title: &'a str,
    /// A role id, or `shared`.
    pub owner: &'a str,
    /// The owning role's title, or "Shared".
    pub owner_title: &'a str,
    pub core: bool,
    /// Whether the category is the person's own roles' work or the overlap (not another role's
    /// work carried as a channel or flagged).
    pub own: bool,
    #[serde(serialize_with = "super::round")]
    pub hours: f64,
    #[serde(serialize_with = "super::round")]
    pub share: f64,
    pub duties: Vec<Duty<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Duty<'a> {
    pub task: &'a str,
    pub title: &'a str,
    #[serde(serialize_with = "super::round")]
    pub hours: f64,
    pub note: Option<&'a str>,
    /// Flagged `out-of-role` for this person (active or accepted).
    pub out_of_role: bool,
    /// The plan's reason, when that `out-of-role` is accepted.
    pub accepted: Option<&'a str>,
}

/// Another role, as it touches this one.
#[derive(Debug, Serialize)]
pub struct OtherRole<'a> {
    pub role: &'a str,
    pub title: &'a str,
    /// The first sentence of the role's summary.
    pub summary: &'a str,
    #[serde(serialize_with = "super::round")]
    pub hours: f64,
    #[serde(serialize_with = "super::round")]
    pub share: f64,
    /// Its tasks given to this person that are outside the role (`out-of-role`).
    pub flagged: Vec<Reason<'a>>,
    /// Its tasks given to this person that the role may carry as a channel.
    pub carried: Vec<Reason<'a>>,
    /// Its core categories that none of the person's tasks touch.
    pub kept_off: Vec<&'a str>,
}

/// A task and why it belongs to its role.
#[derive(Debug, Serialize)]
pub struct Reason<'a> {
    pub task: &'a str,
    pub title: &'a str,
    #[serde(serialize_with = "super::round")]
    pub hours: f64,
    pub why: &'a str,
}

/// How the duties compare with the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The person's own role(s) lead.
    Fits,
    /// Another role leads, but within the title margin: the title fits, only just.
    Close,
    /// Another role leads by more than the margin (`title-mismatch`).
    Mismatch,
    /// Too few role hours to judge (below `min_fit_hours`), or only shared work.
    TooThin,
    /// No duties at all.
    NoWork,
}

#[derive(Debug, Serialize)]
pub struct Fit {
    pub verdict: Verdict,
    /// The title's share of the week (all held roles together, for a hybrid).
    #[serde(serialize_with = "super::round")]
    pub title_share: f64,
    /// The role with most hours, by title.
    pub best_fit: Option<String>,
    #[serde(serialize_with = "super::round")]
    pub best_share: f64,
    #[serde(serialize_with = "super::round")]
    pub shared_share: f64,
    /// For a hybrid, each role's declared part and actual share; empty for a single role.
    pub parts: Vec<FitPart>,
}

#[derive(Debug, Serialize)]
pub struct FitPart {
    pub title: String,
    /// Part of the declared split.
    #[serde(serialize_with = "super::round")]
    pub declared: f64,
    /// Share of the week.
    #[serde(serialize_with = "super::round")]
    pub share: f64,
}

/// The role description of the person at `index`.
pub(super) fn build<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &'a Analysis,
    index: usize,
) -> RoleDescription<'a> {
    let person = &plan.people[index];
    let summary = &analysis.people[index];
    // Thresholds only matter to the rules, which have run; the mix is read for its tasks.
    let mix = RoleMix::of(catalog, person, &[]);
    let flagged: BTreeSet<&str> = analysis
        .findings
        .iter()
        .chain(analysis.accepted.iter().map(|a| &a.finding))
        .filter(|f| f.person_index == Some(index) && f.rule == Rule::OutOfRole)
        .filter_map(|f| f.task.as_deref())
        .collect();
    let roles: Vec<HeldRole<'a>> = mix
        .roles
        .iter()
        .map(|(r, part)| HeldRole {
            id: &r.id,
            title: &r.title,
            part: *part,
            summary: &r.summary,
        })
        .collect();
    // A posting's title names the roles; a hybrid's split is in "About the role" and the fit.
    let title = match &person.role {
        RoleSpec::Hybrid(_) => person
            .role
            .role_ids()
            .map(|id| catalog.role(id).map_or(id, |r| r.title.as_str()))
            .collect::<Vec<_>>()
            .join(" / "),
        RoleSpec::Single(_) => role_label(catalog, &person.role),
    };
    let one_person = plan.people.len() == 1;
    let mine = |f: &crate::finding::Finding| {
        f.person_index == Some(index) || (one_person && f.person_index.is_none())
    };
    RoleDescription {
        person: &person.name,
        title,
        responsibilities: responsibilities(catalog, person, &mix, &flagged),
        not_this_role: other_roles(catalog, &mix, &flagged),
        fit: fit(catalog, analysis, index, &mix),
        mix: super::Mix::of(catalog, summary, person),
        roles,
        findings: group(analysis.findings.iter().filter(|f| mine(f)), catalog, plan),
        accepted: accepted(analysis, mine, catalog, plan),
    }
}

fn share(hours: f64, total: f64) -> f64 {
    if total > 0.0 { hours / total } else { 0.0 }
}

/// The person's known tasks by category: largest category first (catalog order on ties),
/// largest task first inside it (plan order on ties).
fn responsibilities<'a>(
    catalog: &'a Catalog,
    person: &'a Person,
    mix: &RoleMix<'a>,
    flagged: &BTreeSet<&str>,
) -> Vec<Responsibility<'a>> {
    let mut out: Vec<(usize, Responsibility<'a>)> = Vec::new();
    for t in &mix.tasks {
        let Some(task) = t.task else { continue };
        let position = catalog.task_category(t.position);
        let duty = Duty {
            task: &task.id,
            title: &task.title,
            hours: t.hours,
            note: person.tasks.get(t.index).and_then(|a| a.note.as_deref()),
            out_of_role: flagged.contains(task.id.as_str()),
            accepted: person
                .accept
                .iter()
                .find(|a| {
                    a.rule == Rule::OutOfRole && a.task.as_ref().is_none_or(|t| t == &task.id)
                })
                .filter(|_| flagged.contains(task.id.as_str()))
                .map(|a| a.reason.as_str()),
        };
        if let Some((_, r)) = out.iter_mut().find(|(p, _)| *p == position) {
            r.hours += t.hours;
            r.duties.push(duty);
            continue;
        }
        let category = &catalog.categories()[position];
        let owner_title = match &category.role {
            Owner::Shared => "Shared",
            Owner::Role(id) => catalog.role(id).map_or(id.as_str(), |r| r.title.as_str()),
        };
        out.push((
            position,
            Responsibility {
                category: &category.id,
                title: &category.title,
                owner: category.role.as_str(),
                owner_title,
                core: category.core,
                own: category.role.role().is_none_or(|id| mix.holds(id)),
                hours: t.hours,
                share: 0.0,
                duties: vec![duty],
            },
        ));
    }
    out.sort_by(|(pa, a), (pb, b)| b.hours.total_cmp(&a.hours).then(pa.cmp(pb)));
    out.into_iter()
        .map(|(_, mut r)| {
            r.share = share(r.hours, mix.total);
            // A stable sort keeps plan order among equal hours.
            r.duties.sort_by(|a, b| b.hours.total_cmp(&a.hours));
            r
        })
        .collect()
}

/// Every catalog role the person does not hold, with what of it they carry, what is flagged
/// and which of its core categories are kept off.
fn other_roles<'a>(
    catalog: &'a Catalog,
    mix: &RoleMix<'a>,
    flagged: &BTreeSet<&str>,
) -> Vec<OtherRole<'a>> {
    catalog
        .roles()
        .iter()
        .filter(|r| !mix.holds(&r.id))
        .map(|role| {
            let mut out = OtherRole {
                role: &role.id,
                title: &role.title,
                summary: first_sentence(&role.summary),
                hours: 0.0,
                share: mix.share_of_role(&role.id),
                flagged: Vec::new(),
                carried: Vec::new(),
                kept_off: catalog
                    .core_categories(&role.id)
                    .filter(|c| !mix.has_category(&c.id))
                    .map(|c| c.title.as_str())
                    .collect(),
            };
            for t in &mix.tasks {
                let Some(task) = t.task.filter(|task| task.role.role() == Some(&role.id)) else {
                    continue;
                };
                out.hours += t.hours;
                let reason = Reason {
                    task: &task.id,
                    title: &task.title,
                    hours: t.hours,
                    why: &task.why,
                };
                if flagged.contains(task.id.as_str()) {
                    out.flagged.push(reason);
                } else {
                    out.carried.push(reason);
                }
            }
            out
        })
        .collect()
}

fn fit(catalog: &Catalog, analysis: &Analysis, index: usize, mix: &RoleMix) -> Fit {
    let best = mix.best_fit();
    let title_share: f64 = mix
        .roles
        .iter()
        .map(|(r, _)| mix.share_of_role(&r.id))
        .sum();
    let mismatch = analysis
        .findings
        .iter()
        .chain(analysis.accepted.iter().map(|a| &a.finding))
        .any(|f| f.person_index == Some(index) && f.rule == Rule::TitleMismatch);
    let min_hours = analysis.people[index]
        .thresholds
        .or_else(|| catalog.default_thresholds())
        .map_or(0.0, |t| t.min_fit_hours);
    let verdict = if mix.total <= 0.0 {
        Verdict::NoWork
    } else if mismatch {
        Verdict::Mismatch
    } else if best.is_none() || mix.role_hours() < min_hours {
        Verdict::TooThin
    } else if best.is_some_and(|b| mix.holds(&b.id)) {
        Verdict::Fits
    } else {
        Verdict::Close
    };
    Fit {
        verdict,
        title_share,
        best_fit: best.map(|r| r.title.to_string()),
        best_share: best.map_or(0.0, |r| mix.share_of_role(&r.id)),
        shared_share: mix.shared_share(),
        parts: if mix.roles.len() > 1 {
            mix.roles
                .iter()
                .map(|(r, declared)| FitPart {
                    title: r.title.to_string(),
                    declared: *declared,
                    share: mix.share_of_role(&r.id),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}
