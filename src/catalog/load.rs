//! Merging catalog files into one [`Catalog`] and validating the result.
//!
//! Order: built-in files, then the user's catalog directory, then `--catalog` paths. A user file
//! may replace a built-in entry by id (recorded in its [`Origin`]); two user files defining the
//! same id is an error naming both, because which one should win is the user's call, not ours.

use std::collections::HashMap;
use std::path::Path;

use super::file::{CatalogFile, CategoryEntry, RoleEntry, TaskEntry};
use super::{Catalog, Category, Origin, Owner, PartialThresholds, Role, SHARED, Task};
use crate::error::{InputError, InputErrors, Location};
use crate::suggest::hint;
use crate::{fsio, safe_text, yaml};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));
}

/// The text of one catalog file and where it came from.
#[derive(Debug, Clone)]
pub struct CatalogSource {
    pub origin: String,
    pub text: String,
    pub builtin: bool,
}

/// Whether an embedded `data/` file is a catalog: the roles under `roles/` and `shared.yaml`.
/// Other files there (`matching.yaml`, the text-matching cues) have their own formats.
fn is_catalog_file(path: &str) -> bool {
    path.starts_with("roles/") || path == "shared.yaml"
}

/// The catalog files embedded in the binary.
pub fn builtin_sources() -> Vec<CatalogSource> {
    builtin::FILES
        .iter()
        .filter(|(path, _)| is_catalog_file(path))
        .map(|(path, text)| CatalogSource {
            origin: format!("<built-in>/{path}"),
            text: (*text).to_owned(),
            builtin: true,
        })
        .collect()
}

/// The text of a non-catalog file embedded from `data/` (e.g. `matching.yaml`), by its path
/// under `data/`.
pub fn builtin_data_file(path: &str) -> Option<&'static str> {
    builtin::FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, text)| *text)
}

/// A learned model embedded in compact form by the build script (`reader/roles.model`, …).
pub fn builtin_model_bytes(path: &str) -> Option<&'static [u8]> {
    builtin::MODELS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}

/// A catalog file, or every `*.yaml` file of a directory in name order.
pub fn sources_from_path(path: &Path) -> Result<Vec<CatalogSource>, InputError> {
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| {
                InputError::new(
                    path.display().to_string(),
                    None,
                    format!("cannot list directory: {e}"),
                )
            })?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        files.sort();
        files.iter().map(|p| read_source(p)).collect()
    } else {
        Ok(vec![read_source(path)?])
    }
}

/// Every catalog in `<config dir>/catalogs/`; none if the directory does not exist.
pub fn user_catalog_dir_sources(config_dir: &Path) -> Result<Vec<CatalogSource>, InputError> {
    let dir = config_dir.join("catalogs");
    if dir.is_dir() {
        sources_from_path(&dir)
    } else {
        Ok(Vec::new())
    }
}

fn read_source(path: &Path) -> Result<CatalogSource, InputError> {
    Ok(CatalogSource {
        origin: path.display().to_string(),
        text: fsio::read_text(path)?,
        builtin: false,
    })
}

impl Catalog {
    /// The built-in catalog alone.
    pub fn builtin() -> Result<Catalog, InputErrors> {
        Catalog::from_sources(&builtin_sources())
    }

    /// Merges and validates `sources` in order (built-ins first).
    pub fn from_sources(sources: &[CatalogSource]) -> Result<Catalog, InputErrors> {
        let mut merger = Merger::default();
        let mut files = Vec::new();
        for (index, source) in sources.iter().enumerate() {
            match yaml::parse::<CatalogFile>(&source.origin, &source.text) {
                Ok(file) => files.push((index, file)),
                Err(e) => merger.errors.push(e),
            }
        }
        merger.finish(sources, files)
    }
}

/// An entry as merged so far: which source defined it, and the source it replaced.
struct Placed<T> {
    entry: T,
    source: usize,
    overrides: Option<usize>,
}

#[derive(Default)]
struct Merger {
    defaults: PartialThresholds,
    roles: Vec<Placed<RoleEntry>>,
    categories: Vec<Placed<CategoryEntry>>,
    tasks: Vec<Placed<TaskEntry>>,
    errors: Vec<InputError>,
}

trait HasId {
    const KIND: &'static str;
    fn id(&self) -> &str;
    /// The fields shown on one line (ids, titles, aliases, keywords), by name: they must hold
    /// no control character, line breaks included.
    fn one_line_fields(&self) -> Vec<(&'static str, &str)>;
}

impl HasId for RoleEntry {
    const KIND: &'static str = "role";
    fn id(&self) -> &str {
        &self.id
    }
    fn one_line_fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = vec![("id", self.id.as_str()), ("title", &self.title)];
        fields.extend(self.aliases.iter().map(|a| ("aliases", a.as_str())));
        fields.extend(self.covers.iter().map(|c| ("covers", c.as_str())));
        fields
    }
}

impl HasId for CategoryEntry {
    const KIND: &'static str = "category";
    fn id(&self) -> &str {
        &self.id
    }
    fn one_line_fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("id", self.id.as_str()),
            ("role", owner_id(&self.role)),
            ("title", &self.title),
        ]
    }
}

impl HasId for TaskEntry {
    const KIND: &'static str = "task";
    fn id(&self) -> &str {
        &self.id
    }
    fn one_line_fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = vec![
            ("id", self.id.as_str()),
            ("title", &self.title),
            ("role", owner_id(&self.role)),
            ("category", &self.category),
        ];
        fields.extend(self.keywords.iter().map(|k| ("keywords", k.as_str())));
        fields
    }
}

fn owner_id(owner: &Owner) -> &str {
    match owner {
        Owner::Role(id) => id,
        Owner::Shared => crate::catalog::SHARED,
    }
}

/// A located error for each of an entry's one-line fields that holds a control character.
fn unsafe_fields<T: HasId>(entry: &T, source: &CatalogSource) -> Vec<InputError> {
    entry.one_line_fields().into_iter().filter_map(|(field, value)| {
        let (at, c) = safe_text::first_unsafe(value)?;
        let before = value[..at].trim_end();
        let location = (!before.is_empty())
            .then(|| yaml::Locator::new(&source.text).find_start(before, 1))
            .flatten();
        Some(InputError::new(
            &source.origin,
            location,
            format!(
                "{} `{}`: `{field}` `{}` holds {}; ids, titles, aliases and keywords must be plain text on one line",
                T::KIND,
                safe_text::one_line(entry.id()),
                safe_text::one_line(value),
                safe_text::describe(c),
            ),
        ))
    }).collect()
}

fn locate(source: &CatalogSource, value: &str) -> Option<Location> {
    yaml::locate_scalar(&source.text, value, 1)
}

/// Adds `entries` from source `index` to `placed`, replacing built-ins and rejecting clashes.
fn place<T: HasId>(
    placed: &mut Vec<Placed<T>>,
    entries: Vec<T>,
    index: usize,
    sources: &[&CatalogSource],
    errors: &mut Vec<InputError>,
) {
    let source = sources[index];
    let mut by_id: HashMap<String, usize> = placed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.entry.id().to_owned(), i))
        .collect();
    for entry in entries {
        let unsafe_errors = unsafe_fields(&entry, source);
        if !unsafe_errors.is_empty() {
            errors.extend(unsafe_errors);
            continue;
        }
        let id = entry.id().to_owned();
        if id.trim().is_empty() {
            errors.push(InputError::new(
                &source.origin,
                None,
                format!("a {} has an empty `id`", T::KIND),
            ));
            continue;
        }
        match by_id.get(&id).map(|&i| &mut placed[i]) {
            None => {
                by_id.insert(id, placed.len());
                placed.push(Placed { entry, source: index, overrides: None });
            }
            Some(prev) if prev.source == index => errors.push(InputError::new(
                &source.origin,
                yaml::locate_scalar(&source.text, &id, locate(source, &id).map_or(1, |l| l.line + 1)),
                format!("{} id `{id}` is defined twice in this file", T::KIND),
            )),
            Some(prev) if sources[prev.source].builtin && !source.builtin => {
                let overrides = Some(prev.source);
                *prev = Placed { entry, source: index, overrides };
            }
            Some(prev) => errors.push(InputError::new(
                &source.origin,
                locate(source, &id),
                format!(
                    "{} id `{id}` is already defined in {}; rename one of them, or keep only one file",
                    T::KIND,
                    sources[prev.source].origin
                ),
            )),
        }
    }
}

impl Merger {
    /// Places the parsed `files` (source index, content) in order, then validates the result.
    fn finish(
        mut self,
        sources: &[CatalogSource],
        files: Vec<(usize, CatalogFile)>,
    ) -> Result<Catalog, InputErrors> {
        let refs: Vec<&CatalogSource> = sources.iter().collect();
        for (index, file) in files {
            if let Some(d) = file.defaults {
                for p in d.thresholds.problems() {
                    self.errors.push(InputError::new(
                        &refs[index].origin,
                        None,
                        format!("defaults.thresholds: {p}"),
                    ));
                }
                self.defaults = self.defaults.layered(&d.thresholds);
            }
            place(&mut self.roles, file.roles, index, &refs, &mut self.errors);
            place(
                &mut self.categories,
                file.categories,
                index,
                &refs,
                &mut self.errors,
            );
            place(&mut self.tasks, file.tasks, index, &refs, &mut self.errors);
        }
        let catalog = self.build(&refs);
        if self.errors.is_empty() {
            Ok(catalog)
        } else {
            Err(InputErrors(self.errors))
        }
    }

    fn origin<T>(p: &Placed<T>, sources: &[&CatalogSource]) -> Origin {
        Origin {
            file: sources[p.source].origin.clone(),
            builtin: sources[p.source].builtin,
            overrides: p.overrides.map(|i| sources[i].origin.clone()),
        }
    }

    fn build(&mut self, sources: &[&CatalogSource]) -> Catalog {
        let mut errors = std::mem::take(&mut self.errors);
        let roles = self.build_roles(sources, &mut errors);
        let categories = self.build_categories(sources, &mut errors);
        let tasks = self.build_tasks(sources, &mut errors);
        self.errors = errors;
        Catalog::new(roles, categories, tasks, self.defaults.complete().ok())
    }

    fn category_owners(&self) -> HashMap<&str, &Owner> {
        self.categories
            .iter()
            .map(|p| (p.entry.id.as_str(), &p.entry.role))
            .collect()
    }

    fn category_ids(&self) -> Vec<&str> {
        self.categories
            .iter()
            .map(|p| p.entry.id.as_str())
            .collect()
    }

    fn build_roles(&self, sources: &[&CatalogSource], errors: &mut Vec<InputError>) -> Vec<Role> {
        let category_owner = self.category_owners();
        let category_ids = self.category_ids();
        let mut roles = Vec::new();
        let mut alias_owner: HashMap<String, &str> = HashMap::new();
        for p in &self.roles {
            let (r, src) = (&p.entry, sources[p.source]);
            let err = |msg: String| InputError::new(&src.origin, locate(src, &r.id), msg);
            if r.id == SHARED {
                errors.push(err(format!(
                    "`{SHARED}` is reserved for the overlap between roles; pick another role id"
                )));
            }
            for cover in &r.covers {
                match category_owner.get(cover.as_str()) {
                    None => errors.push(InputError::new(
                        &src.origin,
                        locate(src, cover),
                        format!("role `{}` covers unknown category `{cover}`{}", r.id, hint(cover, category_ids.iter().copied())),
                    )),
                    Some(owner) if owner.role() == Some(r.id.as_str()) => errors.push(err(format!(
                        "role `{}` lists its own category `{cover}` under `covers`; `covers` is for other roles' categories",
                        r.id
                    ))),
                    Some(_) => {}
                }
            }
            for alias in r.aliases.iter().chain(std::iter::once(&r.title)) {
                let key = alias.to_lowercase();
                match alias_owner.get(&key) {
                    Some(other) if *other != r.id => errors.push(InputError::new(
                        &src.origin,
                        locate(src, alias),
                        format!("title `{alias}` of role `{}` is also a title of role `{other}`; a title must mean one role", r.id),
                    )),
                    _ => {
                        alias_owner.insert(key, &r.id);
                    }
                }
            }
            for problem in r.thresholds.problems() {
                errors.push(err(format!("role `{}` thresholds: {problem}", r.id)));
            }
            let thresholds = match self.defaults.layered(&r.thresholds).complete() {
                Ok(t) => t,
                Err(missing) => {
                    errors.push(err(format!(
                        "role `{}` has no value for threshold(s) {}; set them in its `thresholds` or in a `defaults` block",
                        r.id,
                        missing.join(", ")
                    )));
                    continue;
                }
            };
            roles.push(Role {
                id: r.id.clone(),
                title: r.title.clone(),
                aliases: r.aliases.clone(),
                summary: r.summary.trim().to_owned(),
                covers: r.covers.clone(),
                drift_note: r.drift_note.as_ref().map(|n| n.trim().to_owned()),
                thresholds,
                origin: Self::origin(p, sources),
            });
        }

        roles
    }

    fn build_categories(
        &self,
        sources: &[&CatalogSource],
        errors: &mut Vec<InputError>,
    ) -> Vec<Category> {
        let role_ids: Vec<&str> = self.roles.iter().map(|p| p.entry.id.as_str()).collect();
        let mut categories = Vec::new();
        for p in &self.categories {
            let (c, src) = (&p.entry, sources[p.source]);
            if let Owner::Role(role) = &c.role {
                if !role_ids.contains(&role.as_str()) {
                    errors.push(InputError::new(
                        &src.origin,
                        locate(src, role),
                        format!(
                            "category `{}` belongs to unknown role `{role}`{}; expected a role id or `{SHARED}`",
                            c.id,
                            hint(role, role_ids.iter().copied())
                        ),
                    ));
                }
            } else if c.core {
                errors.push(InputError::new(
                    &src.origin,
                    locate(src, &c.id),
                    format!(
                        "shared category `{}` cannot be core: core categories belong to one role",
                        c.id
                    ),
                ));
            }
            categories.push(Category {
                id: c.id.clone(),
                role: c.role.clone(),
                title: c.title.clone(),
                core: c.core,
                summary: c.summary.trim().to_owned(),
                references: c.references.clone(),
                origin: Self::origin(p, sources),
            });
        }

        categories
    }

    fn build_tasks(&self, sources: &[&CatalogSource], errors: &mut Vec<InputError>) -> Vec<Task> {
        let category_owner = self.category_owners();
        let category_ids = self.category_ids();
        let mut tasks = Vec::new();
        for p in &self.tasks {
            let (t, src) = (&p.entry, sources[p.source]);
            let at = |v: &str| locate(src, v).or_else(|| locate(src, &t.id));
            match category_owner.get(t.category.as_str()) {
                None => errors.push(InputError::new(
                    &src.origin,
                    at(&t.category),
                    format!("task `{}` has unknown category `{}`{}", t.id, t.category, hint(&t.category, category_ids.iter().copied())),
                )),
                Some(owner) if **owner != t.role => errors.push(InputError::new(
                    &src.origin,
                    at(t.role.as_str()),
                    format!(
                        "task `{}` is owned by `{}` but its category `{}` belongs to `{owner}`; they must match",
                        t.id, t.role, t.category
                    ),
                )),
                Some(_) => {}
            }
            if !t.hours.is_finite() || t.hours <= 0.0 || t.hours > 168.0 {
                errors.push(InputError::new(
                    &src.origin,
                    locate(src, &t.id),
                    format!("task `{}` has {} typical hours; expected a number of hours a week above 0 and at most 168", t.id, t.hours),
                ));
            }
            tasks.push(Task {
                id: t.id.clone(),
                title: t.title.clone(),
                role: t.role.clone(),
                category: t.category.clone(),
                hours: t.hours,
                why: t.why.trim().to_owned(),
                keywords: t.keywords.iter().map(|k| k.to_lowercase()).collect(),
                references: t.references.clone(),
                origin: Self::origin(p, sources),
            });
        }
        tasks
    }
}
