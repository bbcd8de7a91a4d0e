//! Roles, their categories and the task catalog: everything rolescope knows about the jobs.
//!
//! All of it comes from YAML (the built-in files under `data/`, embedded at build time, then
//! the user's catalogs), so a new role or task is a YAML change, never a Rust one. This module
//! holds the merged, validated, indexed result; `file` holds the on-disk shape and `load` the
//! merging and validation.

mod file;
mod load;
#[cfg(test)]
mod tests;
mod text;
mod thresholds;
mod tree;
mod tree_kinds;

use rustc_hash::FxHashMap as HashMap;

use crate::suggest::Names;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use file::{CatalogFile, CategoryEntry, RoleEntry, TaskEntry};
pub use load::{
    CatalogSource, builtin_data_file, builtin_matching, builtin_model_bytes, builtin_sources,
    builtin_term_index, parse_source, sources_from_path, user_catalog_dir_sources,
};
pub use text::Text;
pub use thresholds::{PartialThresholds, Thresholds};

/// Who owns a task or category: one role, or both sides of the overlap.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "Text", into = "Text")]
pub enum Owner {
    Role(Text),
    /// The overlap between roles (engagement metrics, user-generated content, ...): work that
    /// fits any role and never counts as drift.
    Shared,
}

/// The owner value that means "shared" in files and JSON.
pub const SHARED: &str = "shared";

impl From<Text> for Owner {
    fn from(s: Text) -> Self {
        if s == SHARED {
            Owner::Shared
        } else {
            Owner::Role(s)
        }
    }
}

impl From<String> for Owner {
    fn from(s: String) -> Self {
        Owner::from(Text::from(s))
    }
}

impl From<Owner> for Text {
    fn from(o: Owner) -> Self {
        match o {
            Owner::Role(id) => id,
            Owner::Shared => Text::from_static(SHARED),
        }
    }
}

impl From<Owner> for String {
    fn from(o: Owner) -> Self {
        o.as_str().to_owned()
    }
}

impl Owner {
    pub fn as_str(&self) -> &str {
        match self {
            Owner::Role(id) => id,
            Owner::Shared => SHARED,
        }
    }

    pub fn role(&self) -> Option<&str> {
        match self {
            Owner::Role(id) => Some(id),
            Owner::Shared => None,
        }
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a catalog entry was defined, and what it replaced: `catalog list` shows both, so a user
/// can tell why a built-in task reads differently on their machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: Text,
    pub builtin: bool,
    /// The file of the entry this one overrides, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Text>,
}

/// A job as rolescope understands it: what it is, what titles mean it, which categories of work
/// make it up and how strictly its mix is judged.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub id: Text,
    pub title: Text,
    pub aliases: Vec<Text>,
    pub summary: Text,
    /// The "About the role" paragraph of a job ad, written to the people who would apply
    /// (`summary` is written to the people who plan the work); a catalog without one falls
    /// back to the summary.
    pub posting: Option<Text>,
    /// Categories of other roles this role may carry in moderation (social media is one channel
    /// of a community manager's work): such tasks count towards drift but are not out of role.
    pub covers: Vec<Text>,
    /// A sentence added to `role-drift` explanations for this role, in the domain's words.
    pub drift_note: Option<Text>,
    pub thresholds: Thresholds,
    pub origin: Origin,
}

/// A group of tasks inside one role (or the overlap), e.g. "Onboarding and welcome".
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub id: Text,
    pub role: Owner,
    pub title: Text,
    /// A role without any of its core categories is not that role (`missing-core`), and a team
    /// hiring for a role must cover each of them (`coverage-gap`).
    pub core: bool,
    pub summary: Text,
    pub references: Vec<Text>,
    pub origin: Origin,
}

/// One duty, as a plan assigns it and as a posting describes it.
#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: Text,
    pub title: Text,
    pub role: Owner,
    pub category: Text,
    /// Typical hours a week; a plan may override it per assignment.
    pub hours: f64,
    /// Why the task belongs to its role, argued from who talks to whom.
    pub why: Text,
    /// Words and phrases postings use for this duty, for matching free text.
    pub keywords: Vec<Text>,
    /// The same in other languages, by language code (`es`, `fr`, `pt`): matched like the
    /// keywords, but not learned from as English by the role model.
    pub keywords_by_language: std::collections::BTreeMap<Text, Vec<Text>>,
    pub references: Vec<Text>,
    pub origin: Origin,
}

impl Task {
    /// Every phrase a posting may name the task by: its keywords, then those of other
    /// languages.
    pub fn all_keywords(&self) -> impl Iterator<Item = &Text> {
        self.keywords
            .iter()
            .chain(self.keywords_by_language.values().flatten())
    }
}

/// The merged, validated catalog, indexed for lookups by id.
#[derive(Debug, Clone)]
pub struct Catalog {
    roles: Vec<Role>,
    categories: Vec<Category>,
    tasks: Vec<Task>,
    defaults: Option<Thresholds>,
    /// Per task position: the owner slot (role position, or `roles.len()` for shared) and the
    /// category position, resolved once so the analysis does one lookup per assignment.
    task_slot: Vec<usize>,
    task_category: Vec<usize>,
    /// Per role position, per category position: may a holder of the role carry it?
    role_allows: Vec<Vec<bool>>,
    role_index: HashMap<Text, usize>,
    category_index: HashMap<Text, usize>,
    task_index: HashMap<Text, usize>,
    /// Task ids prepared for did-you-mean, built on the first unknown id.
    task_names: OnceLock<Names>,
}

impl Catalog {
    fn new(
        roles: Vec<Role>,
        categories: Vec<Category>,
        tasks: Vec<Task>,
        defaults: Option<Thresholds>,
    ) -> Catalog {
        let index = |ids: Vec<&Text>| -> HashMap<Text, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        let role_index = index(roles.iter().map(|r| &r.id).collect());
        let category_index = index(categories.iter().map(|c| &c.id).collect());
        let shared = roles.len();
        let slot_of = |owner: &Owner| match owner {
            Owner::Role(id) => role_index.get(id).copied().unwrap_or(shared),
            Owner::Shared => shared,
        };
        // Validation guarantees every task's category exists; 0 is never read for a bad one
        // because a catalog with errors is not built.
        let task_category = tasks
            .iter()
            .map(|t| category_index.get(&t.category).copied().unwrap_or(0))
            .collect();
        let task_slot = tasks.iter().map(|t| slot_of(&t.role)).collect();
        let role_allows = roles
            .iter()
            .map(|r| categories.iter().map(|c| may_carry(r, c)).collect())
            .collect();
        Catalog {
            task_index: index(tasks.iter().map(|t| &t.id).collect()),
            role_index,
            category_index,
            task_slot,
            task_category,
            role_allows,
            roles,
            categories,
            tasks,
            defaults,
            task_names: OnceLock::new(),
        }
    }

    /// The catalogs' `defaults` thresholds, if complete: used for people whose role is unknown.
    pub fn default_thresholds(&self) -> Option<Thresholds> {
        self.defaults
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.role_index.get(id).map(|&i| &self.roles[i])
    }

    /// Position of a role in [`Catalog::roles`].
    pub fn role_position(&self, id: &str) -> Option<usize> {
        self.role_index.get(id).copied()
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.category_index.get(id).map(|&i| &self.categories[i])
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.task_index.get(id).map(|&i| &self.tasks[i])
    }

    /// The owner slot of the task at `position`: the owning role's position, or
    /// [`Catalog::shared_slot`] for shared work.
    pub fn task_slot(&self, position: usize) -> usize {
        self.task_slot[position]
    }

    /// The position in [`Catalog::categories`] of the task at `position`'s category.
    pub fn task_category(&self, position: usize) -> usize {
        self.task_category[position]
    }

    /// The slot that stands for shared work in per-owner arrays (one past the last role).
    pub fn shared_slot(&self) -> usize {
        self.roles.len()
    }

    /// Whether a holder of the role at `role` may carry work of the category at `category`
    /// without it being out of role (own work, shared work, or a category it `covers`).
    pub fn role_allows(&self, role: usize, category: usize) -> bool {
        self.role_allows[role][category]
    }

    pub fn category_position(&self, id: &str) -> Option<usize> {
        self.category_index.get(id).copied()
    }

    /// Position of a task in [`Catalog::tasks`], for front ends that keep indices.
    pub fn task_position(&self, id: &str) -> Option<usize> {
        self.task_index.get(id).copied()
    }

    /// The categories a role (or the overlap) owns, in catalog order.
    pub fn categories_of<'a>(
        &'a self,
        owner: &'a Owner,
    ) -> impl Iterator<Item = &'a Category> + 'a {
        self.categories.iter().filter(move |c| &c.role == owner)
    }

    /// The core categories of a role, in catalog order.
    pub fn core_categories<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Category> + 'a {
        self.categories
            .iter()
            .filter(move |c| c.core && c.role.role() == Some(role))
    }

    /// The role whose title or one of whose aliases is `title` (case and spacing ignored).
    pub fn role_by_title(&self, title: &str) -> Option<&Role> {
        let wanted = normalise_title(title);
        self.roles.iter().find(|r| {
            normalise_title(&r.title) == wanted
                || normalise_title(&r.id) == wanted
                || r.aliases.iter().any(|a| normalise_title(a) == wanted)
        })
    }

    pub fn role_ids(&self) -> impl Iterator<Item = &str> {
        self.roles.iter().map(|r| r.id.as_str())
    }

    pub fn task_ids(&self) -> impl Iterator<Item = &str> {
        self.tasks.iter().map(|t| t.id.as_str())
    }

    /// The task id closest to a mistyped `id`, if one is close enough to suggest.
    pub fn suggest_task(&self, id: &str) -> Option<&str> {
        let names = self.task_names.get_or_init(|| Names::new(self.task_ids()));
        names.closest(id).map(|i| self.tasks[i].id.as_str())
    }

    /// Every owner a share can be reported for: each role, then `shared`.
    pub fn owners(&self) -> Vec<Owner> {
        self.roles
            .iter()
            .map(|r| Owner::Role(r.id.clone()))
            .chain(std::iter::once(Owner::Shared))
            .collect()
    }
}

/// Whether a person holding `role` may carry a task of `category` without it being out of
/// role: their own role's work, the overlap, or a category the role covers as a channel.
/// Resolved once per role × category when the catalog is built ([`Catalog::role_allows`]).
fn may_carry(role: &Role, category: &Category) -> bool {
    match &category.role {
        Owner::Shared => true,
        Owner::Role(owner) => owner == &role.id || role.covers.iter().any(|c| c == &category.id),
    }
}

fn normalise_title(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
