//! Team-level view: which core categories of the roles a plan hires for are covered, by whom,
//! and which are not (`coverage-gap`).

use std::collections::BTreeSet;

use super::mix::RoleMix;
use crate::catalog::Catalog;
use crate::finding::{Detail, Finding, Rule, Severity};

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
    /// Per catalog category position, the people with a task in it.
    by_category: Vec<Vec<usize>>,
}

impl<'a> CoverageBuilder<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        CoverageBuilder {
            catalog,
            hired: BTreeSet::new(),
            by_category: vec![Vec::new(); catalog.categories().len()],
        }
    }

    pub fn add(&mut self, person: usize, mix: &RoleMix<'a>) {
        self.hired.extend(mix.role_positions.iter().copied());
        for (category, &present) in mix.categories.iter().enumerate() {
            if present {
                self.by_category[category].push(person);
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
                        .catalog
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
                category: Some(gap.category.clone()),
                location: None,
                detail,
            })
        })
        .collect()
}
