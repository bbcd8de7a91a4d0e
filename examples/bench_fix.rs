//! Speed of the plan-wide rebalance (`check --fix --unsafe-fixes`): the team example repeated
//! to 300 and to 10,000 people, the rebalance alone, medians; and on each example how close
//! the greedy pass comes to the mixed-integer program (weight of the findings left, changes).
//!
//! `cargo run --release --example bench_fix`

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use rolescope::fix::{FixSettings, rebalance};
use rolescope::plan::load_plan;
use rolescope::{Catalog, Plan, analyze};

fn repeated(plan: &Plan, people: usize) -> Plan {
    let mut out = plan.clone();
    out.people = (0..people)
        .map(|i| {
            let mut p = plan.people[i % plan.people.len()].clone();
            p.name = format!("{} {}", p.name, i / plan.people.len() + 1);
            p
        })
        .collect();
    out
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!("rolescope bench_fix · {cores} CPU(s) · release build\n");
    let catalog = Catalog::builtin().unwrap();
    let settings = FixSettings::builtin().unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/team-review.yaml");
    let team = load_plan(std::path::Path::new(example)).unwrap().plan;
    // How close the greedy pass comes to the program on the examples.
    for name in [
        "team-review.yaml",
        "startup-offer.yaml",
        "hiring-scope.yaml",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name);
        let plan = load_plan(&path).unwrap().plan;
        for allow_unsafe in [false, true] {
            let m = rebalance(&catalog, &plan, &settings, allow_unsafe).method;
            println!(
                "{name}{}: greedy alone leaves weight {} with {} changes; the program then greedy {} with {}",
                if allow_unsafe { " (unsafe too)" } else { "" },
                m.greedy_left,
                m.greedy_changes,
                m.program_left.map_or("-".to_owned(), |v| v.to_string()),
                m.program_changes.map_or("-".to_owned(), |v| v.to_string()),
            );
        }
    }
    println!();
    for (people, runs) in [(300, 11), (10_000, 3)] {
        let plan = repeated(&team, people);
        let before = analyze(&catalog, &plan).findings.len();
        let mut times: Vec<Duration> = Vec::new();
        let mut after = 0;
        let mut changes = 0;
        let mut method = None;
        for _ in 0..runs {
            let t = Instant::now();
            let result = rebalance(&catalog, &plan, &settings, true);
            times.push(t.elapsed());
            after = result.analysis.findings.len();
            changes = result.applied.len();
            method = Some(result.method);
        }
        times.sort();
        println!(
            "{people} people: {before} findings -> {after} with {changes} fixes · median {:.1} ms of {runs}",
            times[times.len() / 2].as_secs_f64() * 1000.0
        );
        if let Some(m) = method {
            println!("  {}", m.summary());
            println!(
                "  weight of findings left / changes: greedy alone {} / {}, program then greedy {} / {}",
                m.greedy_left,
                m.greedy_changes,
                m.program_left.map_or("-".to_owned(), |v| v.to_string()),
                m.program_changes.map_or("-".to_owned(), |v| v.to_string()),
            );
        }
    }
}
