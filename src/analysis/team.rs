//! Team-level view: which core categories of the roles a plan hires for are covered, by whom,
//! and which are not (`coverage-gap`).

use super::mix::RoleMix;
use crate::catalog::{Catalog, Text};
use crate::finding::{Detail, Finding, Rule, Severity};

/// One core category of a hired role and the people (by plan index) who have a task in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryCoverage {
    pub role: Text,
    pub category: Text,
    pub covered_by: Vec<usize>,
}

/// Core categories × people, for every role the plan hires for, in catalog order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub rows: Vec<CategoryCoverage>,
}

impl Coverage {
    pub fn gaps(&self) -> impl Iterator<Item = &CategoryCoverage> {
        self.rows.iter().filter(|r| r.covered_by.is_empty())
    }
}

/// Who has tasks in which category, and which roles are hired, kept person by person so one
/// person's change is taken out and put back without going over everyone again (the TUI does
/// this on every edit; see [`super::Analysis::update_people`]).
#[derive(Debug, Clone, Default)]
pub(super) struct CoverageIndex {
    /// Per catalog category position, the people (plan indices, ascending) with a task in it.
    by_category: Vec<Vec<usize>>,
    /// Per catalog role position, how many people are hired for it (wholly or in part).
    hires: Vec<usize>,
    /// Per person, the category positions and the role positions they were added with.
    people: Vec<(Vec<usize>, Vec<usize>)>,
}

impl CoverageIndex {
    pub fn new(catalog: &Catalog, people: usize) -> Self {
        CoverageIndex {
            by_category: vec![Vec::new(); catalog.categories().len()],
            hires: vec![0; catalog.roles().len()],
            people: vec![(Vec::new(), Vec::new()); people],
        }
    }

    /// Records `person`'s categories and roles; people are added in plan order, or put back
    /// after [`CoverageIndex::remove`].
    pub fn add(&mut self, person: usize, mix: &RoleMix<'_>) {
        let categories: Vec<usize> = (0..mix.categories.len())
            .filter(|&c| mix.categories[c])
            .collect();
        for &c in &categories {
            let list = &mut self.by_category[c];
            // A whole analysis adds people in plan order: each goes at the end, found without
            // a search; one put back after an edit is searched for.
            if list.last().is_none_or(|&last| last < person) {
                list.push(person);
            } else if let Err(at) = list.binary_search(&person) {
                list.insert(at, person);
            }
        }
        for &r in &mix.role_positions {
            self.hires[r] += 1;
        }
        self.people[person] = (categories, mix.role_positions.clone());
    }

    /// Takes `person`'s contribution out again.
    pub fn remove(&mut self, person: usize) {
        let (categories, roles) = std::mem::take(&mut self.people[person]);
        for c in categories {
            let list = &mut self.by_category[c];
            if let Ok(at) = list.binary_search(&person) {
                list.remove(at);
            }
        }
        for r in roles {
            self.hires[r] = self.hires[r].saturating_sub(1);
        }
    }

    /// The category positions `person` was added with.
    pub fn categories_of(&self, person: usize) -> &[usize] {
        self.people.get(person).map_or(&[], |(c, _)| c.as_slice())
    }

    /// Which roles are hired (by catalog position): what decides the coverage table's rows.
    pub fn hired(&self) -> Vec<bool> {
        self.hires.iter().map(|&n| n > 0).collect()
    }

    /// Brings the rows of `coverage` about the categories at `changed` (catalog positions) up
    /// to date; the rows themselves stay, so this is for changes that hire and drop no role.
    pub fn refresh_rows(&self, catalog: &Catalog, coverage: &mut Coverage, changed: &[usize]) {
        for row in &mut coverage.rows {
            if let Some(p) = catalog.category_position(&row.category)
                && changed.contains(&p)
            {
                row.covered_by.clone_from(&self.by_category[p]);
            }
        }
    }

    /// The coverage table: every core category of every hired role, in catalog order.
    pub fn coverage(&self, catalog: &Catalog) -> Coverage {
        let mut rows = Vec::new();
        for (i, role) in catalog.roles().iter().enumerate() {
            if self.hires[i] == 0 {
                continue;
            }
            for category in catalog.core_categories(&role.id) {
                rows.push(CategoryCoverage {
                    role: role.id.clone(),
                    category: category.id.clone(),
                    covered_by: catalog
                        .category_position(&category.id)
                        .map(|p| self.by_category[p].clone())
                        .unwrap_or_default(),
                });
            }
        }
        Coverage { rows }
    }
}

/// A `coverage-gap` for every uncovered core category.
pub(super) fn findings(catalog: &Catalog, coverage: &Coverage) -> Vec<Finding> {
    coverage
        .gaps()
        .filter_map(|gap| {
            let detail = Detail::CoverageGap {
                role: catalog.role_position(&gap.role)?,
                category: catalog.category_position(&gap.category)?,
            };
            Some(Finding {
                rule: Rule::CoverageGap,
                severity: Severity::Warning,
                person: None,
                person_index: None,
                task: None,
                category: Some(String::from(&gap.category)),
                location: None,
                detail,
            })
        })
        .collect()
}
