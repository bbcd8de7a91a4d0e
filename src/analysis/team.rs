//! Team-level view: which core categories of the roles a plan hires for are covered, by whom,
//! and which are not (`coverage-gap`).

use std::collections::{BTreeSet, HashMap};

use super::explain;
use super::mix::RoleMix;
use crate::catalog::Catalog;
use crate::finding::Finding;

/// One core category of a hired role and the people (by plan index) who have a task in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryCoverage {
    pub role: String,
    pub category: String,
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

/// Collects, person by person, who has tasks in which category.
pub(super) struct CoverageBuilder<'a> {
    catalog: &'a Catalog,
    hired: BTreeSet<usize>,
    by_category: HashMap<&'a str, Vec<usize>>,
}

impl<'a> CoverageBuilder<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        CoverageBuilder {
            catalog,
            hired: BTreeSet::new(),
            by_category: HashMap::new(),
        }
    }

    pub fn add(&mut self, person: usize, mix: &RoleMix<'a>) {
        for (role, _) in &mix.roles {
            if let Some(i) = self.catalog.role_position(&role.id) {
                self.hired.insert(i);
            }
        }
        for category in &mix.categories {
            let people = self.by_category.entry(category).or_default();
            if people.last() != Some(&person) {
                people.push(person);
            }
        }
    }

    pub fn finish(self) -> Coverage {
        let roles = self.catalog.roles();
        let mut rows = Vec::new();
        for &i in &self.hired {
            let role = &roles[i];
            for category in self.catalog.core_categories(&role.id) {
                rows.push(CategoryCoverage {
                    role: role.id.clone(),
                    category: category.id.clone(),
                    covered_by: self
                        .by_category
                        .get(category.id.as_str())
                        .cloned()
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
            Some(explain::coverage_gap(
                catalog.role(&gap.role)?,
                catalog.category(&gap.category)?,
            ))
        })
        .collect()
}
