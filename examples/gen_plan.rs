//! Generates a large synthetic catalog and plan for benchmarking `rolescope check`.
//!
//! ```text
//! cargo run --release --example gen_plan -- [--people N] [--tasks-per-person K] \
//!     [--catalog-tasks M] [--seed S] --out-dir DIR
//! ```
//!
//! Writes `DIR/catalog.yaml` (a user catalog adding M synthetic tasks spread over the built-in
//! categories of every role and the shared overlap) and `DIR/plan.yaml` (N people with mixed
//! roles, some hybrids, each with K distinct tasks drawn from the synthetic and built-in tasks).
//! Both files are written through the library's own serializers, so their format is always the
//! one rolescope reads. The output depends only on the arguments (a hand-written splitmix64
//! generator, no external randomness).

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use rolescope::catalog::{CatalogFile, TaskEntry};
use rolescope::{Assignment, Catalog, Owner, Person, Plan, RoleSpec};

const CM: &str = "community-manager";
const SMM: &str = "social-media-manager";

/// Command-line options, with the defaults of the benchmark.
struct Options {
    people: usize,
    tasks_per_person: usize,
    catalog_tasks: usize,
    seed: u64,
    out_dir: PathBuf,
}

const USAGE: &str = "usage: gen_plan [--people N] [--tasks-per-person K] [--catalog-tasks M] [--seed S] --out-dir DIR";

fn parse_args() -> Result<Options> {
    let mut people = 1000;
    let mut tasks_per_person = 25;
    let mut catalog_tasks = 5000;
    let mut seed = 42;
    let mut out_dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .with_context(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--people" => people = value()?.parse().context("--people")?,
            "--tasks-per-person" => {
                tasks_per_person = value()?.parse().context("--tasks-per-person")?;
            }
            "--catalog-tasks" => catalog_tasks = value()?.parse().context("--catalog-tasks")?,
            "--seed" => seed = value()?.parse().context("--seed")?,
            "--out-dir" => out_dir = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    let Some(out_dir) = out_dir else {
        bail!("--out-dir is required\n{USAGE}");
    };
    Ok(Options {
        people,
        tasks_per_person,
        catalog_tasks,
        seed,
        out_dir,
    })
}

/// splitmix64: tiny, fast, and good enough to spread synthetic data.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `true` with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const VERBS: &[&str] = &[
    "Plan",
    "Run",
    "Review",
    "Draft",
    "Coordinate",
    "Track",
    "Host",
    "Curate",
    "Audit",
    "Refresh",
    "Moderate",
    "Summarise",
    "Launch",
    "Measure",
    "Document",
    "Answer",
];

const OBJECTS: &[&str] = &[
    "weekly digest",
    "member spotlight",
    "launch thread",
    "feedback round",
    "event recap",
    "content calendar",
    "community survey",
    "ambassador check-in",
    "FAQ page",
    "report for leadership",
    "story series",
    "welcome sequence",
    "partner post",
    "office hours",
    "newsletter section",
    "onboarding call",
];

const WORDS: &[&str] = &[
    "engagement",
    "members",
    "forum",
    "discord",
    "newsletter",
    "campaign",
    "followers",
    "reach",
    "calendar",
    "moderation",
    "feedback",
    "events",
    "meetup",
    "ambassadors",
    "analytics",
    "content",
    "stories",
    "replies",
    "inbox",
    "survey",
    "roadmap",
    "onboarding",
    "welcome",
    "advocacy",
    "sentiment",
    "listening",
    "support",
    "highlights",
    "ugc",
    "partners",
    "influencers",
    "reporting",
];

const HOURS: &[f64] = &[0.5, 0.5, 1.0, 1.0, 1.0, 1.5, 1.5, 2.0, 2.5, 3.0];

/// The synthetic tasks, spread round-robin over `categories` (id, owner, title) so every
/// category gets its share.
fn synthetic_tasks(
    rng: &mut Rng,
    count: usize,
    categories: &[(String, Owner, String)],
) -> Vec<TaskEntry> {
    (0..count)
        .map(|i| {
            let (category, owner, category_title) = &categories[i % categories.len()];
            let mut keywords: Vec<String> = Vec::with_capacity(6);
            while keywords.len() < 6 {
                let word = (*rng.pick(WORDS)).to_owned();
                if !keywords.contains(&word) {
                    keywords.push(word);
                }
            }
            TaskEntry {
                id: format!("gen-{:05}", i + 1).into(),
                title: format!(
                    "{} the {} ({})",
                    rng.pick(VERBS),
                    rng.pick(OBJECTS),
                    category_title.to_lowercase()
                )
                .into(),
                role: owner.clone(),
                category: category.clone().into(),
                hours: *rng.pick(HOURS),
                why: format!(
                    "Synthetic benchmark task: it belongs to `{owner}` because its category `{category}` does."
                )
                .into(),
                keywords: keywords.into_iter().map(Into::into).collect(),
                keywords_by_language: std::collections::BTreeMap::new(),
                references: Vec::new(),
            }
        })
        .collect()
}

/// A task pool per owner: every task (built-in and synthetic) whose owner is that role or shared.
struct Pools {
    all: Vec<String>,
    cm: Vec<String>,
    smm: Vec<String>,
    shared: Vec<String>,
}

impl Pools {
    fn new<'a>(tasks: impl Iterator<Item = (&'a str, &'a Owner)>) -> Pools {
        let mut pools = Pools {
            all: Vec::new(),
            cm: Vec::new(),
            smm: Vec::new(),
            shared: Vec::new(),
        };
        for (id, owner) in tasks {
            pools.all.push(id.to_owned());
            match owner {
                Owner::Shared => pools.shared.push(id.to_owned()),
                Owner::Role(r) if r == CM => pools.cm.push(id.to_owned()),
                Owner::Role(r) if r == SMM => pools.smm.push(id.to_owned()),
                Owner::Role(_) => {}
            }
        }
        pools
    }
}

/// K distinct tasks for one person: mostly their own role's work and the overlap, with some
/// drawn from anywhere so the plan has drift and out-of-role findings as real plans do.
fn person_tasks(rng: &mut Rng, pools: &Pools, role: &RoleSpec, k: usize) -> Vec<Assignment> {
    let own: Vec<&Vec<String>> = match role {
        RoleSpec::Single(r) if r == CM => vec![&pools.cm],
        RoleSpec::Single(_) => vec![&pools.smm],
        RoleSpec::Hybrid(_) => vec![&pools.cm, &pools.smm],
    };
    let k = k.min(pools.all.len());
    let mut chosen: Vec<Assignment> = Vec::with_capacity(k);
    let mut seen = std::collections::HashSet::with_capacity(k);
    while chosen.len() < k {
        let dice = rng.below(100);
        let pool = if dice < 65 {
            *rng.pick(&own)
        } else if dice < 85 {
            &pools.shared
        } else {
            &pools.all
        };
        if pool.is_empty() {
            continue;
        }
        let id = rng.pick(pool);
        if !seen.insert(id.as_str()) {
            continue;
        }
        let mut a = Assignment::new(id.clone());
        if rng.chance(8) {
            a.hours = Some(*rng.pick(HOURS) * 2.0);
        }
        chosen.push(a);
    }
    chosen
}

fn generate(opts: &Options) -> Result<(CatalogFile, Plan)> {
    let builtin = Catalog::builtin().map_err(|e| anyhow::anyhow!("built-in catalog: {e}"))?;
    for role in [CM, SMM] {
        if builtin.role(role).is_none() {
            bail!("the built-in catalog has no role `{role}`");
        }
    }
    let categories: Vec<(String, Owner, String)> = builtin
        .categories()
        .iter()
        .filter(|c| match &c.role {
            Owner::Shared => true,
            Owner::Role(r) => r == CM || r == SMM,
        })
        .map(|c| (c.id.to_string(), c.role.clone(), c.title.to_string()))
        .collect();
    if categories.is_empty() && opts.catalog_tasks > 0 {
        bail!("the built-in catalog has no categories to spread tasks over");
    }

    let mut rng = Rng(opts.seed);
    let tasks = synthetic_tasks(&mut rng, opts.catalog_tasks, &categories);
    let pools = Pools::new(
        builtin
            .tasks()
            .iter()
            .map(|t| (t.id.as_str(), &t.role))
            .chain(tasks.iter().map(|t| (t.id.as_str(), &t.role))),
    );

    let mut plan = Plan::new(format!(
        "Synthetic benchmark — {} people × {} tasks",
        opts.people, opts.tasks_per_person
    ));
    plan.description = format!(
        "Generated by `examples/gen_plan.rs` (seed {}, {} synthetic catalog tasks).",
        opts.seed, opts.catalog_tasks
    );
    for i in 0..opts.people {
        let dice = rng.below(100);
        let role = if dice < 45 {
            RoleSpec::Single(CM.to_owned())
        } else if dice < 85 {
            RoleSpec::Single(SMM.to_owned())
        } else {
            RoleSpec::Hybrid(vec![(CM.to_owned(), 60.0), (SMM.to_owned(), 40.0)])
        };
        let mut person = Person::new(format!("Person {:05}", i + 1), role);
        person.capacity = 40.0;
        person.tasks = person_tasks(&mut rng, &pools, &person.role, opts.tasks_per_person);
        plan.people.push(person);
    }

    let catalog = CatalogFile {
        tasks,
        ..CatalogFile::default()
    };
    Ok((catalog, plan))
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    let size = std::fs::metadata(path)?.len();
    println!(
        "wrote {:<40} {:>12} bytes ({:.2} MiB)",
        path.display(),
        size,
        size as f64 / (1024.0 * 1024.0)
    );
    Ok(())
}

fn run() -> Result<()> {
    let opts = parse_args()?;
    let (catalog, plan) = generate(&opts)?;
    std::fs::create_dir_all(&opts.out_dir)
        .with_context(|| format!("cannot create {}", opts.out_dir.display()))?;

    let header = "# Synthetic catalog generated by examples/gen_plan.rs for benchmarks.\n";
    let catalog_text = rolescope::yaml::to_string(&catalog)?;
    write(
        &opts.out_dir.join("catalog.yaml"),
        &format!("{header}{catalog_text}"),
    )?;
    let plan_text = rolescope::plan::to_yaml(&plan)?;
    write(&opts.out_dir.join("plan.yaml"), &plan_text)?;

    let assignments: usize = plan.people.iter().map(|p| p.tasks.len()).sum();
    let hybrids = plan.people.iter().filter(|p| p.role.is_hybrid()).count();
    println!(
        "catalog: {} synthetic tasks; plan: {} people ({} hybrids), {} assignments, seed {}",
        catalog.tasks.len(),
        plan.people.len(),
        hybrids,
        assignments,
        opts.seed
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_plan: {e:#}");
            ExitCode::from(2)
        }
    }
}
