//! The on-disk shape of a catalog file. Built-in and user catalogs share it, so anything the
//! built-ins do (a new role, a new task) a user file can do too.

use serde::{Deserialize, Serialize};

use super::{Owner, PartialThresholds, Text};

/// One catalog file: any mix of defaults, roles, categories and tasks.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a catalog: a mapping with `defaults`, `roles`, `categories` and/or `tasks`"
)]
pub struct CatalogFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defaults: Option<Defaults>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskEntry>,
}

/// Thresholds every role inherits unless it sets its own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    #[serde(default)]
    pub thresholds: PartialThresholds,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a role: a mapping with `id`, `title`, `summary` and optional `posting`, `aliases`, `covers`, `thresholds`"
)]
pub struct RoleEntry {
    pub id: Text,
    pub title: Text,
    #[serde(default)]
    pub aliases: Vec<Text>,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posting: Option<Text>,
    #[serde(default)]
    pub covers: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift_note: Option<Text>,
    #[serde(default)]
    pub thresholds: PartialThresholds,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a category: a mapping with `id`, `role`, `title` and optional `core`, `summary`, `references`"
)]
pub struct CategoryEntry {
    pub id: Text,
    pub role: Owner,
    pub title: Text,
    #[serde(default)]
    pub core: bool,
    #[serde(default)]
    pub summary: Text,
    #[serde(default)]
    pub references: Vec<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a task: a mapping with `id`, `title`, `role`, `category`, `hours`, `why` and optional `keywords`, `keywords_by_language`, `references`"
)]
pub struct TaskEntry {
    pub id: Text,
    pub title: Text,
    pub role: Owner,
    pub category: Text,
    pub hours: f64,
    pub why: Text,
    #[serde(default)]
    pub keywords: Vec<Text>,
    /// How postings in other languages name the work, by language code (`es`, `fr`, `pt`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub keywords_by_language: std::collections::BTreeMap<Text, Vec<Text>>,
    #[serde(default)]
    pub references: Vec<Text>,
}
