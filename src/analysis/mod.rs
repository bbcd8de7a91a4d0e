//! The mismatch rules: given a catalog and a plan, what does not fit, for whom, and why.
//!
//! Pure and linear in the number of assignments: one pass over each person's tasks builds their
//! role mix ([`mix`]), the per-person rules read that mix ([`person`]), and one pass over the
//! covered categories finds the team's gaps ([`team`]). The TUI re-runs it on every change.

mod explain;
mod mix;
mod person;
mod team;
#[cfg(test)]
mod tests;

use crate::catalog::{Catalog, Text, Thresholds};
use crate::finding::{Accepted, Detail, Finding, Rule, Severity};
use crate::plan::{ALL_ROLES, Acceptance, Plan};

pub use explain::{explanation, hours as hours_label, message, pct, shortened};
pub(crate) use explain::{first_sentence, lower_first, sentence};
pub use mix::RoleMix;
pub use team::{CategoryCoverage, Coverage};

/// The name of the one person in the plan an offer check builds: a description, not a name,
/// so messages that start with it give it a capital ("The offered role has …").
pub const OFFERED_ROLE: &str = "the offered role";

/// Everything the rules found in one plan.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub plan: String,
    pub people: Vec<PersonSummary>,
    /// Active findings: by person in plan order, then team-level ones; most severe first.
    pub findings: Vec<Finding>,
    /// Findings silenced by an `accept` entry, with its reason.
    pub accepted: Vec<Accepted>,
    /// Core categories of every hired role × who covers them.
    pub coverage: Coverage,
    /// Who covers what, person by person, so an edit of some people is analysed again for
    /// them alone ([`Analysis::update_people`]).
    index: team::CoverageIndex,
}

/// The numbers behind one person's findings.
#[derive(Debug, Clone)]
pub struct PersonSummary {
    pub name: String,
    pub capacity: f64,
    /// Weekly hours of the person's known tasks.
    pub hours: f64,
    /// Share of the week per owner slot (each catalog role by position, then shared), summing
    /// to 1, or all 0 when the person has no hours. See [`PersonSummary::shares`].
    pub share_by_slot: Vec<f64>,
    /// The role whose work takes most of the person's role-owned hours, if any.
    pub best_fit: Option<Text>,
    /// Share of the week off the role (or off the declared split, for a hybrid).
    pub drift: f64,
    /// The thresholds applied to this person (role profile, blended for hybrids, plan overrides).
    pub thresholds: Option<Thresholds>,
}

impl PersonSummary {
    /// Each owner (role id, then `shared`) with its share of the person's week.
    pub fn shares<'a>(&'a self, catalog: &'a Catalog) -> impl Iterator<Item = (&'a str, f64)> + 'a {
        let ids = catalog
            .roles()
            .iter()
            .map(|r| r.id.as_str())
            .chain(std::iter::once(crate::catalog::SHARED));
        ids.zip(self.share_by_slot.iter().copied())
    }

    /// The share of one owner (`shared` or a role id).
    pub fn share(&self, catalog: &Catalog, owner: &str) -> f64 {
        self.shares(catalog)
            .find(|(id, _)| *id == owner)
            .map_or(0.0, |(_, s)| s)
    }
}

impl Analysis {
    /// Fills in where each id-related finding is written in the plan's text (`file:line:col`
    /// in messages); the analysis itself works on the parsed plan, which has no positions.
    pub fn locate_in(&mut self, plan: &Plan, text: &str) {
        if !self.findings.iter().any(|f| {
            matches!(
                f.rule,
                Rule::UnknownTask | Rule::UnknownRole | Rule::UnknownCategory
            )
        }) {
            return;
        }
        // People are located only as far as the last one with a finding to locate.
        let mut places = crate::plan::PersonPlaces::new(text, &plan.people);
        // A person's unknown tasks come in the order of their task list, so each is searched
        // for from the line of the one before: one pass over the person, not one per task.
        let mut after_task: Option<(usize, usize)> = None;
        for f in &mut self.findings {
            let needle = match (&f.detail, &f.task) {
                (Detail::UnknownTask | Detail::UnknownAcceptedTask { .. }, Some(task)) => task,
                (Detail::UnknownRole { role }, _) => role,
                (Detail::UnknownCategory { category, .. }, _) => category,
                _ => continue,
            };
            let from = f.person_index.map_or(1, |i| places.line(i));
            let from = match (&f.detail, after_task) {
                (Detail::UnknownTask, Some((person, line))) if f.person_index == Some(person) => {
                    line
                }
                _ => from,
            };
            f.location = places.locator().find(needle, from);
            if let (Detail::UnknownTask, Some(person), Some(at)) =
                (&f.detail, f.person_index, f.location)
            {
                after_task = Some((person, at.line));
            }
        }
    }

    /// Active findings of one person, by index in the plan.
    ///
    /// Findings are kept in plan order (see [`Analysis::findings`]), so this is a binary
    /// search, not a scan: a report or a screen that asks for every person stays linear.
    pub fn findings_for(&self, person: usize) -> impl Iterator<Item = &Finding> {
        self.findings[person_range(&self.findings, person, |f| f)].iter()
    }

    /// Active findings about no single person (coverage gaps, unknown roles in overrides).
    pub fn team_findings(&self) -> impl Iterator<Item = &Finding> {
        let from = self.findings.partition_point(|f| f.person_index.is_some());
        self.findings[from..].iter()
    }

    /// Accepted findings of one person, by index in the plan; kept in plan order like the
    /// active ones, so this is a binary search too.
    pub fn accepted_for(&self, person: usize) -> impl Iterator<Item = &Accepted> {
        let range = person_range(&self.accepted, person, |a| &a.finding);
        self.accepted[range].iter()
    }

    /// Accepted findings about no single person (a coverage gap accepted in the plan's list).
    pub fn team_accepted(&self) -> impl Iterator<Item = &Accepted> {
        let from = self
            .accepted
            .partition_point(|a| a.finding.person_index.is_some());
        self.accepted[from..].iter()
    }

    /// How many active findings of each severity a person has (error, warning, info).
    pub fn counts_for(&self, person: usize) -> [usize; 3] {
        count(self.findings_for(person))
    }

    /// How many active findings of each severity the plan has (error, warning, info).
    pub fn counts(&self) -> [usize; 3] {
        count(self.findings.iter())
    }

    /// The most severe active finding, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// Where a finding sits in [`Analysis::findings`]: its person's index, team findings last.
fn order(f: &Finding) -> usize {
    f.person_index.unwrap_or(usize::MAX)
}

fn count<'a>(findings: impl Iterator<Item = &'a Finding>) -> [usize; 3] {
    let mut out = [0; 3];
    for f in findings {
        out[match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    out
}

/// Runs every rule over `plan`.
pub fn analyze(catalog: &Catalog, plan: &Plan) -> Analysis {
    let thresholds = role_thresholds(catalog, plan);
    let mut found = (Vec::new(), Vec::new());
    let mut people = Vec::with_capacity(plan.people.len());
    let mut index = team::CoverageIndex::new(catalog, plan.people.len());
    let mut scratch = Scratch::default();
    for index_in_plan in 0..plan.people.len() {
        let summary = person_analysis(
            catalog,
            plan,
            index_in_plan,
            &thresholds,
            &mut index,
            &mut scratch,
            &mut found,
        );
        people.push(summary);
    }
    let (mut findings, mut accepted) = found;
    let coverage = index.coverage(catalog);
    let (team_active, team_accepted) = team_analysis(catalog, plan, &coverage);
    findings.extend(team_active);
    accepted.extend(team_accepted);
    Analysis {
        plan: plan.name.clone(),
        people,
        findings,
        accepted,
        coverage,
        index,
    }
}

impl Analysis {
    /// Brings the analysis up to date after an edit that changed only the people at `touched`
    /// (plan indices), keeping everyone in place: their rules run again, the team's coverage
    /// takes them out and puts them back, and the team's findings are redone from it. The
    /// result equals [`analyze`] of the edited plan (a property test holds it to that); an
    /// edit that adds, removes or reorders people, or changes the plan's own fields, needs
    /// [`analyze`].
    pub fn update_people(&mut self, catalog: &Catalog, plan: &Plan, touched: &[usize]) {
        if plan.people.len() != self.people.len() || touched.iter().any(|&i| i >= self.people.len())
        {
            *self = analyze(catalog, plan);
            return;
        }
        let thresholds = role_thresholds(catalog, plan);
        let mut touched = touched.to_vec();
        touched.sort_unstable();
        touched.dedup();
        let hired = self.index.hired();
        let mut changed: Vec<usize> = Vec::new();
        let mut scratch = Scratch::default();
        for &i in &touched {
            changed.extend_from_slice(self.index.categories_of(i));
            self.index.remove(i);
            let mut found = (Vec::new(), Vec::new());
            self.people[i] = person_analysis(
                catalog,
                plan,
                i,
                &thresholds,
                &mut self.index,
                &mut scratch,
                &mut found,
            );
            let (active, accepted) = found;
            changed.extend_from_slice(self.index.categories_of(i));
            let found = person_range(&self.findings, i, |f| f);
            self.findings.splice(found, active);
            let silenced = person_range(&self.accepted, i, |a| &a.finding);
            self.accepted.splice(silenced, accepted);
        }
        // The same roles hired: only the rows of the categories these people touch change, so
        // an edit does not copy the whole table (linear in the team) again.
        if self.index.hired() == hired {
            changed.sort_unstable();
            changed.dedup();
            self.index
                .refresh_rows(catalog, &mut self.coverage, &changed);
        } else {
            self.coverage = self.index.coverage(catalog);
        }
        let (team_active, team_accepted) = team_analysis(catalog, plan, &self.coverage);
        let from = self.findings.partition_point(|f| f.person_index.is_some());
        self.findings.truncate(from);
        self.findings.extend(team_active);
        let from = self
            .accepted
            .partition_point(|a| a.finding.person_index.is_some());
        self.accepted.truncate(from);
        self.accepted.extend(team_accepted);
        plan.name.clone_into(&mut self.plan);
    }
}

/// The range of `items` (in plan order, team ones last) that belongs to person `i`.
fn person_range<T>(
    items: &[T],
    i: usize,
    finding: impl Fn(&T) -> &Finding,
) -> std::ops::Range<usize> {
    let from = items.partition_point(|x| order(finding(x)) < i);
    let to = items.partition_point(|x| order(finding(x)) <= i);
    from..to.max(from)
}

/// What the per-person rules fill for one person after another: the role mix's vectors and
/// the person's findings before they are sorted and split, allocated once for a whole team.
#[derive(Default)]
struct Scratch<'a> {
    mix: mix::MixBuffers<'a>,
    own: Vec<Finding>,
}

/// Runs the per-person rules for the person at `i`, records them in the coverage `index`, and
/// appends the person's findings to `out` (active, accepted); their summary.
fn person_analysis<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    i: usize,
    thresholds: &[Thresholds],
    index: &mut team::CoverageIndex,
    scratch: &mut Scratch<'a>,
    out: &mut (Vec<Finding>, Vec<Accepted>),
) -> PersonSummary {
    let person = &plan.people[i];
    let mix = RoleMix::of_in(
        catalog,
        person,
        thresholds,
        std::mem::take(&mut scratch.mix),
    );
    index.add(i, &mix);
    let own = &mut scratch.own;
    own.clear();
    person::findings(catalog, person, i, &mix, own);
    own.extend(unknown_accepted_tasks(
        catalog,
        &person.accept,
        Some((i, &person.name)),
    ));
    own.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
    split_accepted(own.drain(..), &person.accept, &mut out.0, &mut out.1);
    let summary = mix.summary(person);
    scratch.mix = mix.into_buffers();
    summary
}

/// The team's findings from its coverage and the plan's own fields, split into active and
/// accepted.
fn team_analysis(
    catalog: &Catalog,
    plan: &Plan,
    coverage: &Coverage,
) -> (Vec<Finding>, Vec<Accepted>) {
    let mut team = team::findings(catalog, coverage);
    team.extend(unknown_override_roles(catalog, plan));
    team.extend(unknown_categories(catalog, plan));
    team.extend(unknown_accepted_tasks(catalog, &plan.accept, None));
    let (mut active, mut accepted) = (Vec::new(), Vec::new());
    split_accepted(team, &plan.accept, &mut active, &mut accepted);
    (active, accepted)
}

/// Each role's thresholds (by catalog position) with the plan's overrides applied: `all` first,
/// then the role's own.
fn role_thresholds(catalog: &Catalog, plan: &Plan) -> Vec<Thresholds> {
    let all = plan.thresholds.get(ALL_ROLES);
    catalog
        .roles()
        .iter()
        .map(|role| {
            let mut t = role.thresholds;
            if let Some(all) = all {
                t = t.with(all);
            }
            if let Some(own) = plan.thresholds.get(role.id.as_str()) {
                t = t.with(own);
            }
            t
        })
        .collect()
}

fn split_accepted(
    found: impl IntoIterator<Item = Finding>,
    accept: &[Acceptance],
    active: &mut Vec<Finding>,
    accepted: &mut Vec<Accepted>,
) {
    for finding in found {
        match accepting_entry(accept, &finding) {
            Some(i) => accepted.push(Accepted {
                finding,
                reason: accept[i].reason.clone(),
            }),
            None => active.push(finding),
        }
    }
}

/// Which entry of `accept` (a person's list, or the plan's for team findings) silences
/// `finding`: the first that matches, as the analysis reads them. Public so the view can
/// withdraw exactly the entry behind an accepted finding, by the same rule that applied it.
pub fn accepting_entry(accept: &[Acceptance], finding: &Finding) -> Option<usize> {
    accept.iter().position(|a| {
        a.rule == finding.rule
            && left_out_or(a.task.as_ref(), finding.task.as_ref())
            && left_out_or(a.category.as_ref(), finding.category.as_ref())
    })
}

/// An `accept` entry's `task` or `category` narrows it when given: then it must be the
/// finding's.
fn left_out_or(given: Option<&String>, found: Option<&String>) -> bool {
    given.is_none_or(|g| found == Some(g))
}

fn unknown_override_roles(catalog: &Catalog, plan: &Plan) -> Vec<Finding> {
    plan.thresholds
        .keys()
        .filter(|k| k.as_str() != ALL_ROLES && catalog.role(k).is_none())
        .map(|key| team_error(Rule::UnknownRole, Detail::UnknownRole { role: key.clone() }))
        .collect()
}

/// An error about the plan as a whole (an id it names that the catalog lacks), located later by
/// [`Analysis::locate_in`].
fn team_error(rule: Rule, detail: Detail) -> Finding {
    Finding {
        rule,
        severity: Severity::Error,
        person: None,
        person_index: None,
        task: None,
        category: None,
        location: None,
        detail,
    }
}

/// The plan's `accept` entries that name a category the catalog lacks: they silence nothing,
/// and a typo should not look like an accepted gap. (Validation keeps `category` out of
/// people's lists.)
fn unknown_categories(catalog: &Catalog, plan: &Plan) -> Vec<Finding> {
    plan.accept
        .iter()
        .filter_map(|a| {
            let category = a.category.as_ref()?;
            catalog.category(category).is_none().then(|| {
                let detail = Detail::UnknownCategory {
                    rule: a.rule,
                    category: category.clone(),
                };
                team_error(Rule::UnknownCategory, detail)
            })
        })
        .collect()
}

/// The `accept` entries (of a person, or of the plan with `person` `None`) that name a task the
/// catalog lacks: like an unknown category, they silence nothing, and a typo should not look
/// like an accepted finding.
fn unknown_accepted_tasks(
    catalog: &Catalog,
    accept: &[Acceptance],
    person: Option<(usize, &String)>,
) -> Vec<Finding> {
    accept
        .iter()
        .filter_map(|a| {
            let task = a.task.as_ref()?;
            catalog.task(task).is_none().then(|| Finding {
                person: person.map(|(_, name)| name.clone()),
                person_index: person.map(|(i, _)| i),
                task: Some(task.clone()),
                ..team_error(
                    Rule::UnknownTask,
                    Detail::UnknownAcceptedTask { rule: a.rule },
                )
            })
        })
        .collect()
}

/// Whether any active finding is at or above `level`.
pub fn reaches(findings: &[Finding], level: Severity) -> bool {
    findings.iter().any(|f| f.severity >= level)
}
