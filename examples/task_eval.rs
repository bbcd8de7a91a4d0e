//! How well a duty line maps to the catalog task it states: the closest task is what the plan
//! of an offer holds, and what coverage gaps and out-of-role findings are judged by.
//!
//! `cargo run --release --example task_eval [-- FILE]` reads `corpus/task-labels.yaml` (corpus
//! duty lines, each with the category, and mostly the task, two readers chose blind and agreed
//! on; see the file's head) and reports, by language with 95% Wilson intervals:
//!
//! - **given its role**: the closest task among the tasks of the line's labelled role (what the
//!   matcher does once the role is read: `Matcher::closest_in`), its category and the task;
//! - **end to end**: the line given alone as `offer` reads it (`--role community-manager`, as
//!   `offer_lines_eval.py` gives lines), the category of its first duty's task.

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use rolescope::catalog::Catalog;
use rolescope::offer::training::interval;
use rolescope::offer::{MatchingConfig, Reader, RoleHint};
use serde::Deserialize;

/// One labelled line.
#[derive(Debug, Deserialize)]
struct Labelled {
    text: String,
    language: String,
    /// `community`, `social` or `shared`, as the corpus labels the line.
    role: String,
    /// `None` where the two readers chose different tasks of the category.
    task: Option<String>,
    category: String,
}

/// Right answers and lines, per language and in all.
#[derive(Default)]
struct Tally(BTreeMap<String, (usize, usize)>);

impl Tally {
    fn add(&mut self, language: &str, right: bool) {
        for key in ["all", language] {
            let e = self.0.entry(key.to_owned()).or_default();
            e.0 += usize::from(right);
            e.1 += 1;
        }
    }

    fn print(&self, what: &str) {
        println!("{what}:");
        for (language, (right, n)) in &self.0 {
            println!("  {language:<5} {}", interval(*right, *n));
        }
    }
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/task-labels.yaml"),
        PathBuf::from,
    );
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let lines: Vec<Labelled> =
        serde_yaml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let catalog = Catalog::builtin()?;
    let config = MatchingConfig::builtin()?;
    let reader = Reader::new(&catalog, config).map_err(|e| anyhow::anyhow!("{e}"))?;
    let matcher = reader.matcher(&catalog);
    let category_of = |task: &str| catalog.task(task).map(|t| t.category.to_string());
    let slot_of = |role: &str| match role {
        "community" => catalog.role_position("community-manager"),
        "social" => catalog.role_position("social-media-manager"),
        _ => Some(catalog.shared_slot()),
    };
    let hint = RoleHint {
        role: Some("community-manager".to_owned()),
        ..RoleHint::default()
    };
    let (mut category, mut task, mut end_to_end) =
        (Tally::default(), Tally::default(), Tally::default());
    let mut misses: BTreeMap<(String, String), usize> = BTreeMap::new();
    for line in &lines {
        let slot = slot_of(&line.role).context("the built-in catalog has the three owners")?;
        let best = matcher
            .closest_in(&line.text, slot)
            .map(|s| catalog.tasks()[s.task].id.to_string());
        let best_category = best.as_deref().and_then(category_of);
        category.add(
            &line.language,
            best_category.as_deref() == Some(&line.category),
        );
        if let Some(want) = &line.task {
            task.add(&line.language, best.as_deref() == Some(want));
        }
        if best_category.as_deref() != Some(&line.category) {
            *misses
                .entry((
                    line.category.clone(),
                    best_category.unwrap_or_else(|| "(none)".to_owned()),
                ))
                .or_default() += 1;
        }
        let offer = reader.read(&catalog, &format!("{}\n", line.text), &hint);
        let read_category = offer
            .lines
            .first()
            .and_then(|d| d.mapping.as_ref())
            .and_then(|m| category_of(&m.task));
        end_to_end.add(
            &line.language,
            read_category.as_deref() == Some(&line.category),
        );
    }
    println!("{} labelled lines ({})", lines.len(), path.display());
    category.print("given its role: the closest task's category right");
    task.print("given its role: the closest task right");
    end_to_end.print("end to end (given alone, as offer reads it): the category right");
    let mut misses: Vec<_> = misses.into_iter().collect();
    misses.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("most frequent category misses, given its role (labelled -> read):");
    for ((want, got), n) in misses.iter().take(12) {
        println!("  {want:<22} -> {got:<22} {n}");
    }
    Ok(())
}
