//! `rolescope catalog list` and `rolescope catalog validate`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::paint::{AnsiPaint, use_colour};
use super::{Cli, Format, catalog_sources, load_catalog};
use crate::analysis::hours_label;
use crate::catalog::{Catalog, Owner, builtin_sources, sources_from_path};
use crate::error::InputErrors;
use crate::report::{Paint, Plain, Tone};
use crate::{console, report};

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List roles, categories and tasks, and the file each came from.
    List(ListArgs),
    /// Check catalog files (merged over the built-in catalogs) and report every problem.
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Catalog files or directories.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(cli: &Cli, cmd: &CatalogCommand) -> anyhow::Result<u8> {
    match cmd {
        CatalogCommand::List(args) => {
            let catalog = load_catalog(&cli.catalogs)?;
            match args.format {
                Format::Json => {
                    let doc = serde_json::json!({
                        "roles": catalog.roles(),
                        "categories": catalog.categories(),
                        "tasks": catalog.tasks(),
                    });
                    console::print(&report::json::pretty(&doc), false)?;
                }
                Format::Text => {
                    let colour = use_colour(cli.color);
                    let paint: &dyn Paint = if colour { &AnsiPaint } else { &Plain };
                    console::print(&list_text(&catalog, paint), colour)?;
                }
            }
            Ok(0)
        }
        CatalogCommand::Validate(args) => {
            // The files are checked on top of the built-ins (they may use built-in categories),
            // and on top of the user's other catalogs, which they will be loaded with.
            let mut sources = catalog_sources(&cli.catalogs)?;
            let mut errors = Vec::new();
            for file in &args.files {
                match sources_from_path(file) {
                    Ok(s) => sources.extend(s),
                    Err(e) => errors.push(e),
                }
            }
            if !errors.is_empty() {
                return Err(InputErrors(errors).into());
            }
            let catalog = Catalog::from_sources(&sources)?;
            let builtin = builtin_sources().len();
            for source in &sources[builtin..] {
                let from = |file: &str| file == source.origin;
                let roles = catalog
                    .roles()
                    .iter()
                    .filter(|r| from(&r.origin.file))
                    .count();
                let categories = catalog
                    .categories()
                    .iter()
                    .filter(|c| from(&c.origin.file))
                    .count();
                let tasks = catalog
                    .tasks()
                    .iter()
                    .filter(|t| from(&t.origin.file))
                    .count();
                console::print(
                    &format!(
                        "ok: {} ({roles} roles, {categories} categories, {tasks} tasks)\n",
                        source.origin
                    ),
                    false,
                )?;
            }
            Ok(0)
        }
    }
}

fn list_text(catalog: &Catalog, paint: &dyn Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.paint("Roles", Tone::Heading));
    for role in catalog.roles() {
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            paint.paint(&role.id, Tone::Heading),
            role.title,
            paint.paint(&origin(&role.origin), Tone::Dim)
        );
        let _ = writeln!(out, "    titles: {}", role.aliases.join(", "));
        let core: Vec<&str> = catalog
            .core_categories(&role.id)
            .map(|c| c.id.as_str())
            .collect();
        let _ = writeln!(out, "    core:   {}", core.join(", "));
        if !role.covers.is_empty() {
            let _ = writeln!(out, "    covers: {}", role.covers.join(", "));
        }
    }
    for owner in catalog.owners() {
        let title = match &owner {
            Owner::Role(id) => catalog
                .role(id)
                .map_or(id.to_string(), |r| r.title.to_string()),
            Owner::Shared => "Shared (both roles)".to_owned(),
        };
        let _ = writeln!(out, "\n{}", paint.paint(&title, Tone::Heading));
        for category in catalog.categories_of(&owner) {
            let core = if category.core { " [core]" } else { "" };
            let _ = writeln!(out, "  {} ({}){core}", category.title, category.id);
            for task in catalog.tasks().iter().filter(|t| t.category == category.id) {
                let _ = writeln!(
                    out,
                    "    {:<34} {:>5}  {}{}",
                    task.id,
                    hours_label(task.hours),
                    task.title,
                    paint.paint(&task_origin(task), Tone::Dim)
                );
            }
        }
    }
    out
}

fn origin(o: &crate::catalog::Origin) -> String {
    match &o.overrides {
        Some(prev) => format!("({}, overrides {prev})", o.file),
        None => format!("({})", o.file),
    }
}

fn task_origin(t: &crate::catalog::Task) -> String {
    if t.origin.builtin {
        String::new()
    } else {
        format!("  {}", origin(&t.origin))
    }
}
