//! Merging catalog files into one [`Catalog`] and validating the result.
//!
//! Order: built-in files, then the user's catalog directory, then `--catalog` paths. A user file
//! may replace a built-in entry by id (recorded in its [`Origin`]); two user files defining the
//! same id is an error naming both, because which one should win is the user's call, not ours.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use super::file::{CatalogFile, CategoryEntry, RoleEntry, TaskEntry};
use super::{
    Catalog, Category, Origin, Owner, PartialThresholds, Role, SHARED, Task, Text, Thresholds,
};
use crate::error::{InputError, InputErrors, Location};
use crate::suggest::hint;
use crate::{fsio, safe_text, yaml};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));
}

/// The text of one catalog file and where it came from.
#[derive(Debug, Clone)]
pub struct CatalogSource {
    /// The file's path, or `<built-in>/…` (the binary's own text for the built-ins, which
    /// every entry's [`Origin`] then shares without a copy).
    pub origin: Text,
    /// The file's YAML; borrowed from the binary for the built-ins, which are not copied.
    pub text: Cow<'static, str>,
    pub builtin: bool,
    /// The same file already parsed, for the built-ins: the root of its tree among the nodes
    /// the build script embeds (`tree.rs`). Reading it scans no text and copies no string,
    /// where the YAML's parse would cost every command a millisecond at start. `text` stays
    /// the YAML, for positions in messages.
    pub compact: Option<u32>,
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
        .map(|(path, text)| {
            let compact = builtin::COMPACT.iter().find(|(p, _, _)| p == path);
            CatalogSource {
                origin: compact.map_or_else(
                    || Text::from(format!("<built-in>/{path}")),
                    |(_, origin, _)| Text::from_static(origin),
                ),
                text: Cow::Borrowed(*text),
                builtin: true,
                compact: compact.map(|(_, _, root)| *root),
            }
        })
        .collect()
}

/// `part` as the binary's own text when it lies inside the built-in catalogs' strings (their
/// trees' or their YAML), so that reading the built-ins copies none of them: see [`Text`]'s
/// `Deserialize`. `None` for any other text.
pub(super) fn builtin_static(part: &str) -> Option<&'static str> {
    let within = |whole: &'static str| {
        let at = super::text::offset_within(whole, part)?;
        whole.get(at..at + part.len())
    };
    within(builtin::TREE_STRINGS).or_else(|| {
        builtin::FILES
            .iter()
            .filter(|(path, _)| is_catalog_file(path))
            .find_map(|(_, text)| within(text))
    })
}

/// The text of a non-catalog file embedded from `data/` (e.g. `matching.yaml`), by its path
/// under `data/`.
pub fn builtin_data_file(path: &str) -> Option<&'static str> {
    builtin::FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, text)| *text)
}

/// `data/matching.yaml` as the build script laid it out in the catalogs' tree, read without
/// parsing its YAML (`MatchingConfig::builtin`).
pub fn builtin_matching<T: serde::Deserialize<'static>>() -> Result<T, serde::de::value::Error> {
    let root = builtin::MATCHING_ROOT as usize;
    serde::Deserialize::deserialize(super::tree::Node::new(
        builtin::TREE_NODES,
        builtin::TREE_STRINGS,
        root,
    ))
}

/// The matcher's index of the built-in catalogs' tasks, made by the build script
/// (`offer::term_index`).
pub fn builtin_term_index() -> &'static [u8] {
    builtin::TERM_INDEX
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
    let dir = config_dir.join(crate::paths::CATALOGS_DIR);
    if dir.is_dir() {
        sources_from_path(&dir)
    } else {
        Ok(Vec::new())
    }
}

fn read_source(path: &Path) -> Result<CatalogSource, InputError> {
    Ok(CatalogSource {
        origin: path.display().to_string().into(),
        text: Cow::Owned(fsio::read_text(path)?),
        builtin: false,
        compact: None,
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
            match parse_source(source) {
                Ok(file) => files.push((index, file)),
                Err(e) => merger.errors.push(e),
            }
        }
        merger.finish(sources, files)
    }
}

/// A source's catalog: from its compact form when it has one, else (or if that ever failed
/// to read) from its YAML, whose errors have positions.
pub fn parse_source(source: &CatalogSource) -> Result<CatalogFile, InputError> {
    if let Some(file) = source.compact.and_then(|root| compact_file(root).ok()) {
        return Ok(file);
    }
    yaml::parse::<CatalogFile>(&source.origin, &source.text)
}

/// The built-in catalog whose tree starts at node `root`.
pub fn compact_file(root: u32) -> Result<CatalogFile, serde::de::value::Error> {
    let node = super::tree::Node::new(builtin::TREE_NODES, builtin::TREE_STRINGS, root as usize);
    serde::Deserialize::deserialize(node)
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
    roles: Placing<RoleEntry>,
    categories: Placing<CategoryEntry>,
    tasks: Placing<TaskEntry>,
    errors: Vec<InputError>,
}

/// The entries of one kind placed so far, and where each id is among them.
struct Placing<T> {
    placed: Vec<Placed<T>>,
    by_id: HashMap<Text, usize>,
}

impl<T> Placing<T> {
    fn reserve(&mut self, n: usize) {
        self.placed.reserve(n);
        self.by_id.reserve(n);
    }
}

impl<T> Default for Placing<T> {
    fn default() -> Self {
        Placing {
            placed: Vec::new(),
            by_id: HashMap::default(),
        }
    }
}

trait HasId {
    const KIND: &'static str;
    fn id(&self) -> &Text;
    /// The fields shown on one line (ids, titles, aliases, keywords), by name: they must hold
    /// no control character, line breaks included.
    fn one_line_fields(&self) -> impl Iterator<Item = (&'static str, &Text)>;
}

impl HasId for RoleEntry {
    const KIND: &'static str = "role";
    fn id(&self) -> &Text {
        &self.id
    }
    fn one_line_fields(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        [("id", &self.id), ("title", &self.title)]
            .into_iter()
            .chain(self.aliases.iter().map(|a| ("aliases", a)))
            .chain(self.covers.iter().map(|c| ("covers", c)))
    }
}

impl HasId for CategoryEntry {
    const KIND: &'static str = "category";
    fn id(&self) -> &Text {
        &self.id
    }
    fn one_line_fields(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        [
            ("id", &self.id),
            ("role", owner_id(&self.role)),
            ("title", &self.title),
        ]
        .into_iter()
    }
}

impl HasId for TaskEntry {
    const KIND: &'static str = "task";
    fn id(&self) -> &Text {
        &self.id
    }
    fn one_line_fields(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        [
            ("id", &self.id),
            ("title", &self.title),
            ("role", owner_id(&self.role)),
            ("category", &self.category),
        ]
        .into_iter()
        .chain(self.keywords.iter().map(|k| ("keywords", k)))
        .chain(
            self.keywords_by_language
                .keys()
                .map(|k| ("keywords_by_language", k)),
        )
        .chain(
            self.keywords_by_language
                .values()
                .flatten()
                .map(|k| ("keywords_by_language", k)),
        )
    }
}

/// Keywords in lower case, as they are matched: a built-in catalog's as they are.
fn lowered(keywords: Vec<Text>, builtin: bool) -> Vec<Text> {
    if builtin {
        keywords
    } else {
        keywords.into_iter().map(Text::lowercased).collect()
    }
}

fn owner_id(owner: &Owner) -> &Text {
    static SHARED: Text = Text::from_static(crate::catalog::SHARED);
    match owner {
        Owner::Role(id) => id,
        Owner::Shared => &SHARED,
    }
}

/// A located error for each of an entry's one-line fields that holds a control character.
/// The built-in catalogs' own strings (kept in the binary, see [`Text`]) are passed over: they
/// were fixed when the binary was built, and a test holds every one of them to this check.
fn unsafe_fields<T: HasId>(entry: &T, source: &CatalogSource) -> Vec<InputError> {
    unsafe_fields_among(entry, source, |value| !value.is_static())
}

/// [`unsafe_fields`] of the fields `among` picks.
fn unsafe_fields_among<T: HasId>(
    entry: &T,
    source: &CatalogSource,
    among: impl Fn(&Text) -> bool,
) -> Vec<InputError> {
    entry.one_line_fields().filter(|(_, value)| among(value)).filter_map(|(field, value)| {
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

/// Every one-line field of the built-in catalogs that holds a control character, checked in
/// full (what [`unsafe_fields`] leaves to this): as read from their trees and from their YAML.
#[cfg(test)]
pub(super) fn builtin_unsafe_fields() -> Vec<InputError> {
    let mut errors = Vec::new();
    for source in builtin_sources() {
        let tree = source.compact.and_then(|root| compact_file(root).ok());
        let yaml = yaml::parse::<CatalogFile>(&source.origin, &source.text).ok();
        for file in tree.into_iter().chain(yaml) {
            for r in &file.roles {
                errors.extend(unsafe_fields_among(r, &source, |_| true));
            }
            for c in &file.categories {
                errors.extend(unsafe_fields_among(c, &source, |_| true));
            }
            for t in &file.tasks {
                errors.extend(unsafe_fields_among(t, &source, |_| true));
            }
        }
    }
    errors
}

fn locate(source: &CatalogSource, value: &str) -> Option<Location> {
    yaml::locate_scalar(&source.text, value, 1)
}

/// Adds `entries` from source `index` to `placed`, replacing built-ins and rejecting clashes.
fn place<T: HasId>(
    placing: &mut Placing<T>,
    entries: Vec<T>,
    index: usize,
    sources: &[&CatalogSource],
    errors: &mut Vec<InputError>,
) {
    let source = sources[index];
    let Placing { placed, by_id } = placing;
    for entry in entries {
        let unsafe_errors = unsafe_fields(&entry, source);
        if !unsafe_errors.is_empty() {
            errors.extend(unsafe_errors);
            continue;
        }
        let id = entry.id();
        if id.trim().is_empty() {
            errors.push(InputError::new(
                &source.origin,
                None,
                format!("a {} has an empty `id`", T::KIND),
            ));
            continue;
        }
        match by_id.get(id).map(|&i| &mut placed[i]) {
            None => {
                by_id.insert(id.clone(), placed.len());
                placed.push(Placed { entry, source: index, overrides: None });
            }
            Some(prev) if prev.source == index => errors.push(InputError::new(
                &source.origin,
                yaml::locate_scalar(&source.text, id, locate(source, id).map_or(1, |l| l.line + 1)),
                format!("{} id `{id}` is defined twice in this file", T::KIND),
            )),
            Some(prev) if sources[prev.source].builtin && !source.builtin => {
                let overrides = Some(prev.source);
                *prev = Placed { entry, source: index, overrides };
            }
            Some(prev) => errors.push(InputError::new(
                &source.origin,
                locate(source, id),
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
        // Room for every entry at once: the built-ins alone would regrow each list five times.
        let count = |f: fn(&CatalogFile) -> usize| files.iter().map(|(_, file)| f(file)).sum();
        self.roles.reserve(count(|f| f.roles.len()));
        self.categories.reserve(count(|f| f.categories.len()));
        self.tasks.reserve(count(|f| f.tasks.len()));
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

    /// Checks the merged entries, then moves them into the catalog's own types (a catalog
    /// with errors is dropped by the caller, so nothing is copied for it).
    fn build(&mut self, sources: &[&CatalogSource]) -> Catalog {
        let mut errors = std::mem::take(&mut self.errors);
        let thresholds = self.check_roles(sources, &mut errors);
        self.check_categories(sources, &mut errors);
        self.check_tasks(sources, &mut errors);
        self.errors = errors;
        let roles = std::mem::take(&mut self.roles.placed)
            .into_iter()
            .zip(thresholds)
            .filter_map(|(p, thresholds)| {
                let origin = Self::origin(&p, sources);
                let r = p.entry;
                Some(Role {
                    id: r.id,
                    title: r.title,
                    aliases: r.aliases,
                    summary: r.summary.trimmed(),
                    // An empty paragraph is no posting: the job ad falls back to the summary.
                    posting: r.posting.map(Text::trimmed).filter(|p| !p.is_empty()),
                    covers: r.covers,
                    drift_note: r.drift_note.map(Text::trimmed),
                    thresholds: thresholds?,
                    origin,
                })
            })
            .collect();
        let categories = std::mem::take(&mut self.categories.placed)
            .into_iter()
            .map(|p| {
                let origin = Self::origin(&p, sources);
                let c = p.entry;
                Category {
                    id: c.id,
                    role: c.role,
                    title: c.title,
                    core: c.core,
                    summary: c.summary.trimmed(),
                    references: c.references,
                    origin,
                }
            })
            .collect();
        let tasks = std::mem::take(&mut self.tasks.placed)
            .into_iter()
            .map(|p| {
                let origin = Self::origin(&p, sources);
                let t = p.entry;
                Task {
                    id: t.id,
                    title: t.title,
                    role: t.role,
                    category: t.category,
                    hours: t.hours,
                    why: t.why.trimmed(),
                    // The built-in catalogs' keywords are written in lower case (a test
                    // checks it): only a user's are lowered, letter by letter, at each start.
                    keywords: lowered(t.keywords, origin.builtin),
                    keywords_by_language: t
                        .keywords_by_language
                        .into_iter()
                        .map(|(language, k)| (language, lowered(k, origin.builtin)))
                        .collect(),
                    references: t.references,
                    origin,
                }
            })
            .collect();
        Catalog::new(roles, categories, tasks, self.defaults.complete().ok())
    }

    fn category_owners(&self) -> HashMap<&str, &Owner> {
        self.categories
            .placed
            .iter()
            .map(|p| (p.entry.id.as_str(), &p.entry.role))
            .collect()
    }

    fn category_ids(&self) -> Vec<&str> {
        self.categories
            .placed
            .iter()
            .map(|p| p.entry.id.as_str())
            .collect()
    }

    /// Checks the roles; each one's thresholds, `None` for a role left out for want of them.
    fn check_roles(
        &self,
        sources: &[&CatalogSource],
        errors: &mut Vec<InputError>,
    ) -> Vec<Option<Thresholds>> {
        let category_owner = self.category_owners();
        let category_ids = self.category_ids();
        let mut roles = Vec::with_capacity(self.roles.placed.len());
        let mut alias_owner: HashMap<String, &str> = HashMap::default();
        for p in &self.roles.placed {
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
            match self.defaults.layered(&r.thresholds).complete() {
                Ok(t) => roles.push(Some(t)),
                Err(missing) => {
                    errors.push(err(format!(
                        "role `{}` has no value for threshold(s) {}; set them in its `thresholds` or in a `defaults` block",
                        r.id,
                        missing.join(", ")
                    )));
                    roles.push(None);
                }
            }
        }
        roles
    }

    fn check_categories(&self, sources: &[&CatalogSource], errors: &mut Vec<InputError>) {
        let role_ids: Vec<&str> = self
            .roles
            .placed
            .iter()
            .map(|p| p.entry.id.as_str())
            .collect();
        for p in &self.categories.placed {
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
        }
    }

    fn check_tasks(&self, sources: &[&CatalogSource], errors: &mut Vec<InputError>) {
        let category_owner = self.category_owners();
        let category_ids = self.category_ids();
        for p in &self.tasks.placed {
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
            for language in t.keywords_by_language.keys() {
                let code = (2..=3).contains(&language.len())
                    && language.bytes().all(|b| b.is_ascii_lowercase());
                if !code {
                    errors.push(InputError::new(
                        &src.origin,
                        at(language),
                        format!("task `{}` has keywords for `{language}`; expected a language code such as `es`, `fr` or `pt`", t.id),
                    ));
                }
            }
        }
    }
}
