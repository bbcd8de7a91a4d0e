//! `rolescope check PLAN...`

use std::path::{Path, PathBuf};

use clap::Args;

use super::paint::{AnsiPaint, use_colour, width};
use super::{Cli, FailOn, Format, check_fix, load_catalog};
use crate::analysis::{analyze, reaches};
use crate::error::InputErrors;
use crate::plan::{LoadedPlan, Plan, load_plan, parse_plan};
use crate::report::check_text::TextOptions;
use crate::report::{Paint, Plain, check_json, check_text};
use crate::{Analysis, console, fsio};

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a command-line flag, as clap wants them
pub struct CheckArgs {
    /// Plan files to check (`-` reads one from standard input).
    #[arg(value_name = "PLAN", required = true)]
    pub plans: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Leave out the explanations under each finding (text format).
    #[arg(long)]
    pub brief: bool,

    /// Add each finding's fixes to the output (text and JSON `fixes`).
    #[arg(long)]
    pub show_fixes: bool,

    /// Print the fixes as a unified diff of each plan file; write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// Apply the safe fixes in place (the file keeps its comments), say what changed, then
    /// report what remains.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, apply fixes that change someone's job or work too (retitle, add
    /// or remove a task, lower hours, replace an unknown id).
    #[arg(long)]
    pub unsafe_fixes: bool,
}

pub fn run(cli: &Cli, args: &CheckArgs) -> anyhow::Result<u8> {
    let catalog = load_catalog(&cli.catalogs)?;
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for path in &args.plans {
        match read_plan(path) {
            Ok(p) => loaded.push(p),
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors).into());
    }
    if args.diff {
        let mut out = String::new();
        for p in &loaded {
            let fixed = check_fix::fix_plan(&catalog, p, args.unsafe_fixes)?;
            out.push_str(&check_fix::diff(&p.origin, &p.text, &fixed.text));
        }
        console::print(&out, false)?;
        return Ok(0);
    }
    if args.fix {
        // A file named twice (`a.yaml ./a.yaml`) is fixed once; later names read the result.
        let mut done: Vec<(PathBuf, Plan, String)> = Vec::new();
        for p in &mut loaded {
            let same = p.path.as_deref().and_then(|path| {
                done.iter()
                    .find(|(d, _, _)| same_file::is_same_file(d, path).unwrap_or(false))
            });
            if let Some((_, plan, text)) = same {
                p.plan = plan.clone();
                p.text = text.clone();
                continue;
            }
            let fixed = check_fix::fix_plan(&catalog, p, args.unsafe_fixes)?;
            if !fixed.applied.is_empty() {
                check_fix::write(p, &fixed)?;
                console::eprint_line(&check_fix::summary(&p.origin, &fixed));
            }
            p.plan = fixed.plan;
            p.text = fixed.text;
            if let Some(path) = &p.path {
                done.push((path.clone(), p.plan.clone(), p.text.clone()));
            }
        }
    }
    let results: Vec<(Analysis, &LoadedPlan)> = loaded
        .iter()
        .map(|p| {
            let mut a = analyze(&catalog, &p.plan);
            a.locate_in(&p.plan, &p.text);
            (a, p)
        })
        .collect();

    print(cli, args, &catalog, &results)?;
    let failed = args
        .fail_on
        .level()
        .is_some_and(|level| results.iter().any(|(a, _)| reaches(&a.findings, level)));
    // The process ends next: freeing a large plan and its analysis string by string was some
    // 7% of a check of 10,000 people (perf), and the system takes the memory back at once.
    std::mem::forget(results);
    std::mem::forget(loaded);
    std::mem::forget(catalog);
    Ok(u8::from(failed))
}

/// Writes the results in the format asked for: JSON streamed as it is serialised, text whole.
fn print(
    cli: &Cli,
    args: &CheckArgs,
    catalog: &crate::Catalog,
    results: &[(Analysis, &LoadedPlan)],
) -> anyhow::Result<()> {
    let colour = use_colour(cli.color);
    match args.format {
        Format::Json => {
            let docs: Vec<_> = results
                .iter()
                .map(|(a, p)| {
                    let mut doc = check_json(a, &p.origin, catalog, &p.plan);
                    if args.show_fixes {
                        check_fix::into_json(&mut doc, check_fix::all_fixes(catalog, &p.plan, a));
                    }
                    doc
                })
                .collect();
            // Streamed as it is serialised: at 100,000 people the document is tens of
            // megabytes, and building it whole first doubled the run's memory.
            if let [doc] = docs.as_slice() {
                console::print_json(doc)?;
            } else {
                console::print_json(&docs)?;
            }
        }
        Format::Text => {
            let mut out = String::new();
            let paint: &dyn Paint = if colour { &AnsiPaint } else { &Plain };
            let opts = TextOptions {
                width: width(),
                explain: !args.brief,
            };
            for (i, (a, p)) in results.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&check_text(a, &p.plan, &p.origin, catalog, paint, opts));
                if args.show_fixes {
                    let fixes = check_fix::all_fixes(catalog, &p.plan, a);
                    out.push_str(&check_fix::text(a, &fixes));
                }
            }
            console::print(&out, colour)?;
        }
    }
    Ok(())
}

pub(super) fn read_plan(path: &Path) -> Result<LoadedPlan, InputErrors> {
    if path.as_os_str() == "-" {
        let text = fsio::read_text_from(std::io::stdin().lock(), "<stdin>")?;
        let plan = parse_plan("<stdin>", &text)?;
        return Ok(LoadedPlan {
            plan,
            origin: "<stdin>".to_owned(),
            path: None,
            text,
        });
    }
    load_plan(path)
}
