//! The JSON document of `rolescope offer --format json`. Its shape is documented in
//! docs/offers.md and kept stable: fields may be added, never renamed or removed.

use std::collections::BTreeMap;

use serde::Serialize;

use super::check_json::{FindingJson, RoleJson, finding_json};
use super::offer_text::verdict_sentence;
use crate::catalog::Catalog;
use crate::offer::{Judgement, Offer, Period, TitleReading};
use crate::plan::RoleSpec;

/// One posting's result.
#[derive(Debug, Serialize)]
pub struct OfferJson<'a> {
    pub title: Option<&'a str>,
    /// The role judged against: an id, `{role-id: fraction}` for a mixed title, or `null` when
    /// the title names no role.
    pub role: Option<RoleJson<'a>>,
    /// `given` (`--role`), `title` (`--title` or the text's title line) or `duties` (the title
    /// names no role).
    pub role_source: &'static str,
    /// How the title gave the role: `alias` (a role's name or alias), `words` (the role model
    /// read the title's words, e.g. "Discord Moderator"), `given` (`--role`), or `null`.
    pub title_reading: Option<&'static str>,
    /// The posting's language (`en`, `es`, `fr`, `pt`) and how it was settled (`detected`,
    /// `given` with `--lang`, or `fallback` to English for a text too short to tell).
    pub language: &'static str,
    pub language_source: &'static str,
    pub verdict: String,
    /// The verdict in one plain sentence.
    pub summary: String,
    pub best_fit: Option<&'a str>,
    /// The hours a week the posting offers, when it says ("20 h/week"); the offered role's
    /// capacity in the findings.
    pub hours_per_week: Option<f64>,
    /// The pay the posting offers, from the first line that states it, or `null`.
    pub pay: Option<PayJson>,
    /// Where the work is: a "Location: X" value as written, `remote`, `hybrid` or `on-site`;
    /// `null` when the posting does not say.
    pub place: Option<&'a str>,
    /// The working time, `part-time` or `full-time`, when a line that is no duty says (the
    /// title, a facts line); `null` otherwise. Part-time with no hours keeps `hours_per_week`
    /// `null`: no number is made up.
    pub schedule: Option<&'static str>,
    /// Share of the mapped duty lines per owner (every role id and `shared`), summing to 1.
    pub shares: BTreeMap<&'a str, f64>,
    pub lines: Vec<LineJson<'a>>,
    pub ignored: Vec<&'a str>,
    pub findings: Vec<FindingJson<'a>>,
}

/// The pay a posting states.
#[derive(Debug, Serialize)]
pub struct PayJson {
    /// The words that state it, as written ("25 EUR/hour", "$55,000 - $70,000 per year").
    pub text: String,
    pub amount_min: f64,
    /// Equal to `amount_min` unless the posting gives a range.
    pub amount_max: f64,
    /// The currency's code ("EUR", "USD").
    pub currency: String,
    /// `hour`, `day`, `week`, `month`, `year`, or `null` when the posting names no period.
    pub per: Option<&'static str>,
}

/// One duty line.
#[derive(Debug, Serialize)]
pub struct LineJson<'a> {
    pub text: &'a str,
    /// The posting's line the duty was read from (the whole line when it listed several).
    pub source_text: &'a str,
    /// The mapped task id, or `null` when unmatched.
    pub task: Option<&'a str>,
    /// The mapped task's owning role id, `"shared"`, or `null` when unmatched.
    pub role: Option<&'a str>,
    /// 0..1, or `null` when unmatched.
    pub confidence: Option<f64>,
    /// Whose work the reader found the line to be and why, or `null` for a line the user
    /// mapped by hand.
    pub reading: Option<ReadingJson<'a>>,
}

/// How a line's role was decided.
#[derive(Debug, Serialize)]
pub struct ReadingJson<'a> {
    /// A role id, `shared`, or `neither` (work of no role).
    pub class: &'a str,
    /// 0..1: the role model's probability, or the task match's confidence.
    pub probability: f64,
    /// The words of the line that decided it, strongest first.
    pub evidence: &'a [String],
    /// `model` (the learned role model), `model-in-posting` (the model, where the posting's
    /// other duties tipped a line that alone leaned another way), `model-in-line` (the same,
    /// tipped by the other duties of the one line given) or `tasks` (a role with no learned
    /// weights, read through its tasks' texts).
    pub by: &'static str,
}

fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// The JSON view of a judged offer.
pub fn offer_json<'a>(
    offer: &'a Offer,
    judgement: &'a Judgement,
    catalog: &'a Catalog,
) -> OfferJson<'a> {
    OfferJson {
        title: offer.title.as_deref(),
        role: offer.role.as_ref().map(|r| match r {
            RoleSpec::Single(id) => RoleJson::Single(id),
            RoleSpec::Hybrid(_) => RoleJson::Split(
                r.split()
                    .into_iter()
                    .map(|(id, w)| (id, round(w)))
                    .collect(),
            ),
        }),
        role_source: offer.role_source.as_str(),
        title_reading: offer.title_reading.map(TitleReading::as_str),
        language: offer.language.code(),
        language_source: offer.language_source.as_str(),
        verdict: judgement.verdict.id(),
        summary: verdict_sentence(offer, judgement, catalog),
        best_fit: judgement.best_fit.as_deref(),
        hours_per_week: offer.hours_per_week,
        pay: offer.pay.as_ref().map(|p| PayJson {
            text: p.text.clone(),
            amount_min: p.min,
            amount_max: p.max,
            currency: p.currency.clone(),
            per: p.per.map(Period::as_str),
        }),
        place: offer.place.as_deref(),
        schedule: offer.schedule.map(crate::offer::Schedule::as_str),
        shares: judgement
            .shares(catalog)
            .map(|(o, s)| (o, round(s)))
            .collect(),
        lines: offer
            .lines
            .iter()
            .map(|l| {
                let task = l.mapping.as_ref().and_then(|m| catalog.task(&m.task));
                LineJson {
                    text: &l.text,
                    source_text: &l.source_text,
                    task: task.map(|t| t.id.as_str()),
                    role: task.map(|t| t.role.as_str()),
                    confidence: l
                        .mapping
                        .as_ref()
                        .filter(|_| task.is_some())
                        .map(|m| round(m.confidence)),
                    reading: l.reading.as_ref().map(|r| ReadingJson {
                        class: &r.class,
                        probability: round(r.probability),
                        evidence: &r.evidence,
                        by: r.by.as_str(),
                    }),
                }
            })
            .collect(),
        ignored: offer.ignored.iter().map(String::as_str).collect(),
        findings: judgement
            .analysis
            .findings
            .iter()
            .map(|f| finding_json(f, catalog, &judgement.plan))
            .collect(),
    }
}
