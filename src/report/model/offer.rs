//! The offer reply: what a freelancer sends back to a client about an offer's duties (how they
//! split between the roles, which title fits them, which duties do not fit the offered title,
//! which were not understood), built from a judged offer.

use serde::Serialize;

use crate::analysis::first_sentence;
use crate::catalog::{Catalog, SHARED};
use crate::offer::{Judgement, Mapping, Offer, RoleSource, Verdict};

/// A reply to one offer.
#[derive(Debug, Serialize)]
pub struct OfferReply<'a> {
    /// The offer's job title as written, if any.
    pub title: Option<&'a str>,
    /// The roles the offer is judged against (by title): the title's roles, `--role`, or, when
    /// the title names none, the role the duties fit best.
    pub offered: Vec<OfferedRole<'a>>,
    /// `given`, `title` or `duties`, as in `offer --format json`.
    pub role_source: &'static str,
    /// `fits-title`, `mostly-<role-id>`, `hybrid` or `unclear`.
    pub verdict: String,
    #[serde(skip)]
    pub kind: ReplyVerdict<'a>,
    /// Duty lines in the offer (a line split at ";" counts its share).
    #[serde(serialize_with = "super::round")]
    pub lines: f64,
    /// Each owner with a mapped line (roles in catalog order, then shared), and the offered
    /// roles even at 0.
    pub shares: Vec<Share>,
    /// Duties mapped to another role's task, in offer order.
    pub misfits: Vec<Misfit<'a>>,
    /// Duties no task fits, in offer order.
    pub unmatched: Vec<&'a str>,
    /// Core work of the offered role(s) that none of the duties touch, by category title.
    pub missing: Vec<&'a str>,
    /// The hours a week the offer states, if it does.
    pub hours_per_week: Option<f64>,
    /// `part-time` or `full-time`, when the offer says; the reply names it when no hours are
    /// given, rather than making up a number.
    pub schedule: Option<&'static str>,
    /// The pay the offer states, in one form ("25 EUR/hour"), if it does.
    pub pay: Option<String>,
    /// The language the offer was read in ("Spanish"); the reply is in English.
    pub language: &'static str,
}

/// A role the offer is judged against.
#[derive(Debug, Serialize)]
pub struct OfferedRole<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The first sentence of the role's summary.
    pub summary: &'a str,
}

/// The verdict, with the role titles the words need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyVerdict<'a> {
    /// The duties fit the offered role(s).
    Fits,
    /// The duties are mostly this role's work (its title and summary), not the offered one's.
    Mostly { title: &'a str, summary: &'a str },
    /// Several roles' work, none leading.
    Hybrid,
    /// Too few duties matched a role.
    Unclear,
}

/// One owner's part of the mapped duty lines.
#[derive(Debug, Clone, Serialize)]
pub struct Share {
    /// A role id, or `shared`.
    pub owner: String,
    /// The role's title, or "Shared".
    pub label: String,
    /// The owner's slot in the catalog, so charts colour it as in every other report.
    #[serde(skip)]
    pub slot: usize,
    #[serde(serialize_with = "super::round")]
    pub lines: f64,
    #[serde(serialize_with = "super::round")]
    pub share: f64,
}

impl Share {
    pub fn is_shared(&self) -> bool {
        self.owner == SHARED
    }
}

/// A duty that belongs to another role than the offered one.
#[derive(Debug, Serialize)]
pub struct Misfit<'a> {
    /// The duty as the offer wrote it.
    pub text: &'a str,
    pub task: &'a str,
    /// The closest task's title and why it belongs to its role, when the match is sure enough
    /// to name it to the client (`verdict.named_task_min_confidence`).
    #[serde(flatten)]
    pub named: Option<NamedTask<'a>>,
    pub role: &'a str,
    pub role_title: &'a str,
    /// Flagged `out-of-role` for the offered role (not merely carried as one channel of it).
    pub flagged: bool,
}

/// A catalog task a misfit duty is named by in the reply.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct NamedTask<'a> {
    #[serde(rename = "task_title")]
    pub title: &'a str,
    /// Why the task belongs to its role.
    pub why: &'a str,
}

/// How the reply names the task a line was matched to: by its title and reason when the
/// match is sure enough (`Judgement::named_task_min_confidence`), otherwise not at all.
fn named_task<'a>(
    j: &Judgement,
    mapping: &Mapping,
    task: &'a crate::catalog::Task,
) -> Option<NamedTask<'a>> {
    (mapping.confidence >= j.named_task_min_confidence).then_some(NamedTask {
        title: &task.title,
        why: &task.why,
    })
}

/// The reply to `offer`, judged as `judgement`.
pub fn build<'a>(catalog: &'a Catalog, offer: &'a Offer, j: &'a Judgement) -> OfferReply<'a> {
    let spec = j.plan.people.first().map(|p| &p.role);
    let offered: Vec<OfferedRole<'a>> = spec
        .into_iter()
        .flat_map(crate::plan::RoleSpec::role_ids)
        .filter_map(|id| catalog.role(id))
        .map(|r| OfferedRole {
            id: &r.id,
            title: &r.title,
            summary: first_sentence(&r.summary),
        })
        .collect();
    let is_offered = |id: &str| offered.iter().any(|o| o.id == id);
    let flagged: Vec<&str> = j
        .analysis
        .findings
        .iter()
        .filter(|f| f.rule == crate::finding::Rule::OutOfRole)
        .filter_map(|f| f.task.as_deref())
        .collect();

    let mut misfits = Vec::new();
    let mut unmatched = Vec::new();
    let mut touched = Vec::new();
    for line in &offer.lines {
        let matched = line
            .mapping
            .as_ref()
            .and_then(|m| Some((m, catalog.task(&m.task)?)));
        let Some((mapping, task)) = matched else {
            unmatched.push(line.text.as_str());
            continue;
        };
        touched.push(task.category.as_str());
        let Some(role) = task.role.role().filter(|r| !is_offered(r)) else {
            continue;
        };
        misfits.push(Misfit {
            text: &line.text,
            task: &task.id,
            named: named_task(j, mapping, task),
            role,
            role_title: catalog.role(role).map_or(role, |r| r.title.as_str()),
            flagged: flagged.contains(&task.id.as_str()),
        });
    }
    let missing = offered
        .iter()
        .flat_map(|o| catalog.core_categories(o.id))
        .filter(|c| !touched.contains(&c.id.as_str()))
        .map(|c| c.title.as_str())
        .collect();

    let roles = catalog.roles();
    let shares = j
        .shares(catalog)
        .enumerate()
        .filter(|(_, (owner, share))| *share > 0.0 || is_offered(owner))
        .map(|(slot, (owner, share))| Share {
            owner: owner.to_owned(),
            label: roles
                .get(slot)
                .map_or_else(|| "Shared".to_owned(), |r| r.title.to_string()),
            slot,
            lines: j.tally.by_slot.get(slot).copied().unwrap_or(0.0),
            share,
        })
        .collect();

    let kind = match &j.verdict {
        Verdict::FitsTitle => ReplyVerdict::Fits,
        // A title naming no role is judged against the duties' best fit: "mostly" that role
        // is the role itself, so it fits.
        Verdict::Mostly(id) if is_offered(id) => ReplyVerdict::Fits,
        Verdict::Mostly(id) => {
            catalog
                .role(id)
                .map_or(ReplyVerdict::Hybrid, |r| ReplyVerdict::Mostly {
                    title: &r.title,
                    summary: first_sentence(&r.summary),
                })
        }
        // The title names the mix the duties are.
        Verdict::Hybrid if j.titled_hybrid => ReplyVerdict::Fits,
        Verdict::Hybrid => ReplyVerdict::Hybrid,
        Verdict::Unclear => ReplyVerdict::Unclear,
    };
    OfferReply {
        title: offer.title.as_deref(),
        offered,
        role_source: offer.role_source.as_str(),
        verdict: j.verdict.id(),
        kind,
        lines: offer.lines.iter().map(|l| l.weight).sum(),
        shares,
        misfits,
        unmatched,
        missing,
        hours_per_week: offer.hours_per_week,
        schedule: offer.schedule.map(crate::offer::Schedule::as_str),
        pay: offer.pay.as_ref().map(ToString::to_string),
        language: offer.language.name(),
    }
}

impl OfferReply<'_> {
    /// Whether the title named the role (or `--role` gave it), rather than the duties.
    pub fn titled(&self) -> bool {
        self.role_source != RoleSource::Duties.as_str()
    }

    /// Lines mapped to a task (shared included).
    pub fn mapped(&self) -> f64 {
        self.shares.iter().map(|s| s.lines).sum()
    }
}
