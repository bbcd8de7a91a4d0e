//! The team review: the whole plan as a team lead brings it to a meeting (who carries what,
//! who is over or under, which core work nobody does, and every finding with its reason).

use serde::Serialize;

use super::{FindingGroup, Mix, accepted, group, role_label};
use crate::analysis::Analysis;
use crate::catalog::Catalog;
use crate::finding::{Detail, Rule};
use crate::plan::Plan;
use crate::report::check_json::AcceptedJson;

/// How many people the per-person tables (workload, role mix) show at most, in plan order;
/// past that the report says so, and the CSV and JSON reports have everyone. A team review
/// of 100,000 people stays a document one can read (and open: a few megabytes, not hundreds).
pub const PEOPLE_SHOWN: usize = 100;

/// Up to this many people, the coverage table has a column for each; past that it gives each
/// category's count of people (the JSON report names them).
pub const COVERAGE_COLUMNS: usize = 12;

/// Up to this many findings, each is listed with its words; past that, findings are gathered
/// by rule and task or category, each gathering naming every person it is about, with one
/// example's words (the JSON and CSV reports have each finding's own).
pub const FINDINGS_LISTED: usize = 100;

#[derive(Debug, Serialize)]
pub struct TeamReview<'a> {
    pub totals: Totals,
    pub workload: Vec<WorkloadRow<'a>>,
    pub coverage: CoverageMatrix<'a>,
    /// Every active finding, by severity. JSON has them at the top level already.
    #[serde(skip)]
    pub findings: Vec<FindingGroup<'a>>,
    #[serde(skip)]
    pub accepted: Vec<AcceptedJson<'a>>,
}

impl<'a> TeamReview<'a> {
    /// The people the per-person tables show: the first [`PEOPLE_SHOWN`], in plan order.
    pub fn shown(&self) -> &[WorkloadRow<'a>] {
        &self.workload[..self.workload.len().min(PEOPLE_SHOWN)]
    }

    /// How many people are over capacity, and how many have work that fits another role
    /// better than their title, over the whole team.
    pub fn over_and_misfit(&self) -> (usize, usize) {
        let over = self
            .workload
            .iter()
            .filter(|w| w.mix.load.is_some_and(|l| l > 1.0))
            .count();
        let misfit = self.workload.iter().filter(|w| !w.fits).count();
        (over, misfit)
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Totals {
    pub people: usize,
    #[serde(serialize_with = "super::round")]
    pub hours: f64,
    #[serde(serialize_with = "super::round")]
    pub capacity: f64,
    #[serde(serialize_with = "super::round_option")]
    pub load: Option<f64>,
    pub findings: Counts,
    pub accepted: usize,
}

/// Active findings by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl From<[usize; 3]> for Counts {
    fn from([error, warning, info]: [usize; 3]) -> Counts {
        Counts {
            error,
            warning,
            info,
        }
    }
}

impl Counts {
    pub fn total(self) -> usize {
        self.error + self.warning + self.info
    }
}

/// One person in the workload table.
#[derive(Debug, Serialize)]
pub struct WorkloadRow<'a> {
    pub person: &'a str,
    /// The role's title, or a hybrid's split.
    pub role: String,
    /// Title of the role with most hours, if any.
    pub best_fit: Option<&'a str>,
    /// Whether the best fit is one of the person's own roles (or there is none).
    pub fits: bool,
    pub findings: Counts,
    pub mix: Mix,
}

/// Core categories of every role the plan hires for × people.
#[derive(Debug, Serialize)]
pub struct CoverageMatrix<'a> {
    pub people: Vec<&'a str>,
    pub rows: Vec<CoverageRow<'a>>,
}

#[derive(Debug, Serialize)]
pub struct CoverageRow<'a> {
    /// The hired role's title.
    pub role: &'a str,
    pub category: &'a str,
    pub title: &'a str,
    /// Names of the people with a task in the category, in plan order.
    pub covered_by: Vec<&'a str>,
    /// Per person (plan order): do they have a task in it? Empty past [`COVERAGE_COLUMNS`]
    /// people, where the table has no column a person.
    #[serde(skip)]
    pub cells: Vec<bool>,
    pub status: CoverageStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoverageStatus {
    Covered,
    /// Nobody covers it (`coverage-gap`).
    Gap,
    /// Nobody covers it, and the plan accepts that with a reason.
    AcceptedGap,
}

pub(super) fn build<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &'a Analysis,
) -> TeamReview<'a> {
    let workload: Vec<WorkloadRow<'a>> = analysis
        .people
        .iter()
        .zip(&plan.people)
        .enumerate()
        .map(|(i, (summary, person))| {
            let best = summary.best_fit.as_deref().and_then(|id| catalog.role(id));
            WorkloadRow {
                person: &person.name,
                role: role_label(catalog, &person.role),
                best_fit: best.map(|r| r.title.as_str()),
                fits: best.is_none_or(|b| person.role.role_ids().any(|id| id == b.id)),
                findings: analysis.counts_for(i).into(),
                mix: Mix::of(catalog, summary, person),
            }
        })
        .collect();
    let hours: f64 = analysis.people.iter().map(|p| p.hours).sum();
    let capacity: f64 = analysis.people.iter().map(|p| p.capacity).sum();
    TeamReview {
        totals: Totals {
            people: plan.people.len(),
            hours,
            capacity,
            load: (capacity > 0.0).then(|| hours / capacity),
            findings: analysis.counts().into(),
            accepted: analysis.accepted.len(),
        },
        workload,
        coverage: coverage(catalog, plan, analysis),
        findings: group(analysis.findings.iter(), catalog, plan),
        accepted: accepted(analysis, |_| true, catalog, plan),
    }
}

fn coverage<'a>(catalog: &'a Catalog, plan: &'a Plan, analysis: &Analysis) -> CoverageMatrix<'a> {
    let accepted_gaps: Vec<usize> = analysis
        .accepted
        .iter()
        .filter(|a| a.finding.rule == Rule::CoverageGap)
        .filter_map(|a| match a.finding.detail {
            Detail::CoverageGap { category, .. } => Some(category),
            _ => None,
        })
        .collect();
    let rows = analysis
        .coverage
        .rows
        .iter()
        .filter_map(|row| {
            let role = catalog.role(&row.role)?;
            let position = catalog.category_position(&row.category)?;
            let category = &catalog.categories()[position];
            let status = if !row.covered_by.is_empty() {
                CoverageStatus::Covered
            } else if accepted_gaps.contains(&position) {
                CoverageStatus::AcceptedGap
            } else {
                CoverageStatus::Gap
            };
            Some(CoverageRow {
                role: &role.title,
                category: &category.id,
                title: &category.title,
                covered_by: row
                    .covered_by
                    .iter()
                    .filter_map(|&i| plan.people.get(i).map(|p| p.name.as_str()))
                    .collect(),
                cells: cells(&row.covered_by, plan.people.len()),
                status,
            })
        })
        .collect();
    CoverageMatrix {
        people: plan.people.iter().map(|p| p.name.as_str()).collect(),
        rows,
    }
}

/// A row's cells, a person each: only for a team small enough to have a column each
/// ([`COVERAGE_COLUMNS`]), and marked from the list, not searched for person by person.
fn cells(covered_by: &[usize], people: usize) -> Vec<bool> {
    if people > COVERAGE_COLUMNS {
        return Vec::new();
    }
    let mut cells = vec![false; people];
    for &i in covered_by {
        if let Some(cell) = cells.get_mut(i) {
            *cell = true;
        }
    }
    cells
}
