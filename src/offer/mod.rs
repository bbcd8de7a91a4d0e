//! Reading a job offer or posting written in plain text: which lines are duties, which catalog
//! task each one is, which role the title names, and whether the duties fit it.
//!
//! Pure and offline, for every front end: [`Reader::read`] turns text into an [`Offer`] (per
//! line: the mapped task and a confidence, or unmatched); [`judge`] turns an offer into a
//! verdict, shares and the same [`Analysis`] `check` gives, through an in-memory plan of one
//! person. A front end that lets the user correct a mapping (pick another task from
//! [`Reader::candidates`], or drop the line) edits [`Offer::lines`] and calls [`judge`] again.
//!
//! - [`extract`]: duty lines out of a messy posting;
//! - [`normalize`]: words, stems, synonyms, stopwords;
//! - [`matcher`]: the scores of a line against every task;
//! - [`title`]: which role a title names;
//! - [`verdict`]: fits-title, mostly-<role>, hybrid, unclear;
//! - [`config`]: `data/matching.yaml`, where every word list and threshold lives;
//! - [`training`], [`model`], [`features`], [`sections`], [`roles`], [`language`]: the reader
//!   learned from `corpus/` (section model: is a line a duty; role model: whose work), its
//!   features and its cross-validation (`examples/train_reader.rs`). Not yet what
//!   [`Reader::read`] uses: see the README's "The learned reader".

pub mod config;
pub mod extract;
pub mod facts;
pub mod features;
pub mod language;
pub mod matcher;
pub mod model;
pub mod normalize;
pub mod roles;
pub mod sections;
pub mod title;
pub mod training;
pub mod verdict;

#[cfg(test)]
mod tests;

use crate::analysis::{Analysis, analyze};
use crate::catalog::{Catalog, SHARED};
use crate::plan::{Assignment, Person, Plan, RoleSpec};

pub use config::MatchingConfig;
pub use extract::{Duty, Extracted, Extractor};
pub use facts::{Facts, Pay, Period};
pub use matcher::{Matcher, Scored};
pub use title::{TitleResolver, TitleRoles};
pub use verdict::{Tally, Verdict};

/// A duty line's catalog task and how sure the match is.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub task: String,
    /// 0..1.
    pub confidence: f64,
}

/// One duty line of a posting and what it was mapped to (`None`: unmatched, or dropped by
/// the user).
#[derive(Debug, Clone, PartialEq)]
pub struct DutyLine {
    pub text: String,
    pub mapping: Option<Mapping>,
    /// How much the line counts in the verdict: 1, or 1/n when it is one of n duties the
    /// posting wrote on one line.
    pub weight: f64,
}

/// Where the role a posting is judged against came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleSource {
    /// `--role`.
    Given,
    /// `--title`, or the title line of the text.
    Title,
    /// The title names no role: the posting is judged against the role its duties fit best.
    Duties,
}

impl RoleSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleSource::Given => "given",
            RoleSource::Title => "title",
            RoleSource::Duties => "duties",
        }
    }
}

/// What the user says about the role, strongest first.
#[derive(Debug, Clone, Default)]
pub struct RoleHint {
    /// A role id (`--role`); the caller checks it exists.
    pub role: Option<String>,
    /// A job title (`--title`).
    pub title: Option<String>,
}

/// A posting read into duty lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// The job title (given, or found in the text).
    pub title: Option<String>,
    /// The role(s) the title names; `None` when it names none, or there is no title.
    pub role: Option<RoleSpec>,
    pub role_source: RoleSource,
    pub lines: Vec<DutyLine>,
    /// Lines that were not taken as duties.
    pub ignored: Vec<String>,
    /// The hours a week the posting offers, when it says: the offered role's capacity.
    pub hours_per_week: Option<f64>,
    /// The pay the posting offers, from the first line that states it ("25 EUR/hour").
    pub pay: Option<Pay>,
    /// Where the work is, from the first line that says: a "Location: X" value as written,
    /// or a mode of work (`remote`, `hybrid`, `on-site`).
    pub place: Option<String>,
}

/// The catalog prepared for reading postings: matcher, title resolver, extractor.
#[derive(Debug, Clone)]
pub struct Reader {
    pub config: MatchingConfig,
    matcher: Matcher,
    titles: TitleResolver,
    extractor: Extractor,
    facts: Facts,
}

impl Reader {
    pub fn new(catalog: &Catalog, config: MatchingConfig) -> Reader {
        Reader {
            matcher: Matcher::new(catalog, &config),
            titles: TitleResolver::new(catalog, &config),
            extractor: Extractor::new(&config),
            facts: Facts::new(&config),
            config,
        }
    }

    /// Reads `text`: finds the title and the duty lines, and maps each line to a task.
    pub fn read(&self, catalog: &Catalog, text: &str, hint: &RoleHint) -> Offer {
        let is_title = |line: &str| self.titles.is_title_line(catalog, line);
        let mut extracted = self.extractor.extract(text, &is_title);
        if extracted.prose && extracted.title.is_none() {
            extracted.title = self.titles.find_in(text);
            // The sentence that names the role ("we'd love to have you as our Community
            // Manager") offers the job; it is not one of its duties.
            if let Some(t) = &extracted.title
                && let Some(i) = extracted
                    .duties
                    .iter()
                    .position(|d| d.text.contains(t.as_str()))
            {
                extracted.ignored.push(extracted.duties.remove(i).text);
            }
        }
        let title = hint
            .title
            .clone()
            .or_else(|| extracted.title.map(|t| self.titles.short(catalog, &t)));
        let (role, role_source) = match (&hint.role, &title) {
            (Some(id), _) => (Some(RoleSpec::Single(id.clone())), RoleSource::Given),
            (None, Some(t)) => match self.titles.resolve(catalog, t) {
                TitleRoles::One(id) => (Some(RoleSpec::Single(id)), RoleSource::Title),
                TitleRoles::Mixed(ids) => (
                    Some(RoleSpec::Hybrid(
                        ids.into_iter().map(|id| (id, 1.0)).collect(),
                    )),
                    RoleSource::Title,
                ),
                TitleRoles::None => (None, RoleSource::Duties),
            },
            (None, None) => (None, RoleSource::Duties),
        };
        let mut ignored = extracted.ignored;
        let mut lines = Vec::with_capacity(extracted.duties.len());
        for d in extracted.duties {
            let mapping = self.map_line(catalog, &d.text);
            // In prose, a sentence no task fits is narrative ("Thanks for the chat last
            // week!"), not a duty nobody could place.
            if mapping.is_none() && extracted.prose {
                ignored.push(d.text);
            } else {
                lines.push(DutyLine {
                    mapping,
                    text: d.text,
                    weight: d.weight,
                });
            }
        }
        Offer {
            title,
            role,
            role_source,
            lines,
            ignored,
            hours_per_week: extracted.hours_per_week,
            pay: self.facts.first(text, Facts::pay_in),
            place: self.facts.first(text, Facts::place_in),
        }
    }

    /// The best task for one duty line, or `None` when nothing fits well enough.
    pub fn map_line(&self, catalog: &Catalog, text: &str) -> Option<Mapping> {
        self.candidates(catalog, text, 1).into_iter().next()
    }

    /// The `n` best tasks for a duty line, best first: the choices offered when correcting.
    pub fn candidates(&self, catalog: &Catalog, text: &str, n: usize) -> Vec<Mapping> {
        self.matcher
            .ranked(text, n)
            .into_iter()
            .map(|s| Mapping {
                task: catalog.tasks()[s.task].id.clone(),
                confidence: s.confidence,
            })
            .collect()
    }

    /// The pay and place reader; [`Facts::is_fact_line`] tells a fact from a duty.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The matcher, for evaluation and benchmarks.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }
}

/// An offer's verdict, shares and findings.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub verdict: Verdict,
    pub tally: Tally,
    /// The role with most duty lines, if any.
    pub best_fit: Option<String>,
    /// The one-person plan the findings are about (what `--save` writes).
    pub plan: Plan,
    pub analysis: Analysis,
}

impl Judgement {
    /// Each owner (role id, then `shared`) with its share of the mapped lines.
    pub fn shares<'a>(&'a self, catalog: &'a Catalog) -> impl Iterator<Item = (&'a str, f64)> {
        catalog
            .role_ids()
            .chain(std::iter::once(SHARED))
            .zip(self.tally.shares())
    }
}

/// The person a posting's plan holds; findings are worded about them.
pub const PERSON: &str = "the offered role";

/// Judges an offer: tallies its mapped lines, gives the verdict, and analyses a one-person
/// plan of the mapped tasks with the same rules as `check`. Pure; call it again after the
/// user corrects a mapping.
pub fn judge(catalog: &Catalog, offer: &Offer, config: &MatchingConfig) -> Judgement {
    let shared = catalog.shared_slot();
    let mut tally = Tally {
        by_slot: vec![0.0; shared + 1],
        unmatched: 0.0,
    };
    for line in &offer.lines {
        match line
            .mapping
            .as_ref()
            .and_then(|m| catalog.task_position(&m.task))
        {
            Some(t) => tally.by_slot[catalog.task_slot(t)] += line.weight,
            None => tally.unmatched += line.weight,
        }
    }
    let named: Vec<usize> = offer
        .role
        .as_ref()
        .map(|r| {
            r.role_ids()
                .filter_map(|id| catalog.role_position(id))
                .collect()
        })
        .unwrap_or_default();
    let best_fit = tally.top(&named).map(|s| catalog.roles()[s].id.clone());
    let verdict = verdict::verdict(catalog, offer.role.as_ref(), &tally, &config.verdict);
    let plan = plan_of(catalog, offer, best_fit.as_deref());
    let analysis = analyze(catalog, &plan);
    Judgement {
        verdict,
        tally,
        best_fit,
        plan,
        analysis,
    }
}

/// The one-person plan of an offer: each mapped task once, at its typical hours, noted with the
/// posting's words. The capacity is the hours the posting offers when it says ("20 h/week"), so
/// duties that typically need more show as over-capacity; otherwise it is the tasks' total, as
/// a posting without hours gives nothing to compare with.
pub fn plan_of(catalog: &Catalog, offer: &Offer, best_fit: Option<&str>) -> Plan {
    let role = offer.role.clone().unwrap_or_else(|| {
        RoleSpec::Single(
            best_fit
                .or_else(|| catalog.role_ids().next())
                .unwrap_or_default()
                .to_owned(),
        )
    });
    let name = match &offer.title {
        Some(t) => format!("Offer: {t}"),
        None => "Offer".to_owned(),
    };
    let mut plan = Plan::new(name);
    let mut person = Person::new(PERSON, role);
    for line in &offer.lines {
        let Some(m) = &line.mapping else { continue };
        if person.has_task(&m.task) || catalog.task(&m.task).is_none() {
            continue;
        }
        let mut a = Assignment::new(m.task.clone());
        a.note = Some(truncate(&line.text, 160));
        person.tasks.push(a);
    }
    let hours: f64 = person
        .tasks
        .iter()
        .filter_map(|a| catalog.task(&a.task))
        .map(|t| t.hours)
        .sum();
    person.capacity = offer
        .hours_per_week
        .unwrap_or_else(|| (hours * 2.0).round() / 2.0);
    if person.capacity <= 0.0 {
        person.capacity = crate::plan::DEFAULT_CAPACITY;
    }
    plan.people.push(person);
    plan
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}
