//! The on-disk shape of a catalog file. Built-in and user catalogs share it, so anything the
//! built-ins do (a new role, a new task) a user file can do too.

use serde::{Deserialize, Serialize};

use super::{Owner, PartialThresholds};

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
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posting: Option<String>,
    #[serde(default)]
    pub covers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift_note: Option<String>,
    #[serde(default)]
    pub thresholds: PartialThresholds,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a category: a mapping with `id`, `role`, `title` and optional `core`, `summary`, `references`"
)]
pub struct CategoryEntry {
    pub id: String,
    pub role: Owner,
    pub title: String,
    #[serde(default)]
    pub core: bool,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub references: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a task: a mapping with `id`, `title`, `role`, `category`, `hours`, `why` and optional `keywords`, `references`"
)]
pub struct TaskEntry {
    pub id: String,
    pub title: String,
    pub role: Owner,
    pub category: String,
    pub hours: f64,
    pub why: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub references: Vec<String>,
}
