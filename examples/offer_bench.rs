//! Speed of `rolescope offer`: a 200-line posting checked end to end, in process (catalog
//! load, settings, models, matcher, extraction, matching, verdict, JSON) and through the built
//! binary (`rolescope offer FILE --format json`, target 10 ms), and the reading cost growing
//! linearly with the number of lines (50, 100, 200, 400). Prints medians.
//!
//! `cargo build --release && cargo run --release --example offer_bench`
//!
//! The binary is timed only when it is built beside the example (`target/release/rolescope`).
//! `offer_bench --write DIR` writes the postings (`posting-200.txt`, …) for hyperfine, which
//! measures the binary more carefully (the figures in docs/offers.md):
//! `hyperfine -N -i --warmup 20 --runs 101 'target/release/rolescope offer DIR/posting-200.txt --format json'`
//! (`-i`: the verdict's findings make it exit 1).
//!
//! `offer_bench --against OTHER [RUNS]` times this build's binary and another one (an older
//! build, say) run by run in turn, on each posting size and a one-line offer: the host's
//! speed drifts from minute to minute on a shared machine, and runs taken in turn see the same
//! drift (sets of runs taken one after the other do not). Prints each binary's median and
//! quartiles.

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use rolescope::catalog::Catalog;
use rolescope::offer::{Matcher, MatchingConfig, Reader, RoleHint, judge};
use rolescope::report::offer_json;

/// Duty phrasings written for this benchmark, combined into varied lines.
const VERBS: &[&str] = &[
    "Schedule and publish",
    "Moderate",
    "Plan and host",
    "Track and report on",
    "Write",
    "Run",
    "Reply to",
    "Recruit and train",
    "Analyse",
    "Coordinate",
];
const OBJECTS: &[&str] = &[
    "posts on our Instagram and TikTok accounts",
    "the members' Discord server and its channels",
    "monthly meetups for members in three cities",
    "engagement, reach and follower growth every week",
    "captions, hashtags and short videos for the brand",
    "the ambassador programme with our most active members",
    "comments and DMs on the brand's social accounts",
    "volunteer moderators for the forum",
    "sentiment and recurring themes in support questions",
    "with product to close the loop on member feedback",
];

fn posting(lines: usize) -> String {
    let mut text =
        String::from("Community Manager\n\nAbout us\nWe make software.\n\nResponsibilities:\n");
    for i in 0..lines {
        let verb = VERBS[i % VERBS.len()];
        let object = OBJECTS[(i / VERBS.len() + i) % OBJECTS.len()];
        let _ = writeln!(text, "- {verb} {object} (item {i})");
    }
    text.push_str("\nRequirements:\n- 3+ years of experience\n");
    text
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(f());
        times.push(start.elapsed());
    }
    median(times)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The sizes the reading cost is measured at.
const SIZES: [usize; 4] = [50, 100, 200, 400];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice()
        && flag == "--write"
    {
        std::fs::create_dir_all(dir).unwrap();
        for lines in SIZES {
            let path = std::path::Path::new(dir).join(format!("posting-{lines}.txt"));
            std::fs::write(&path, posting(lines)).unwrap();
            println!("{}", path.display());
        }
        return;
    }
    if let [flag, other, rest @ ..] = args.as_slice()
        && flag == "--against"
    {
        let runs = rest.first().map_or(300, |r| r.parse().unwrap());
        in_turn(std::path::Path::new(other), runs);
        return;
    }
    let runs = 31;
    let text200 = posting(200);
    let whole = time(runs, || {
        let catalog = Catalog::builtin().unwrap();
        let reader = Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
        let offer = reader.read(&catalog, &text200, &RoleHint::default());
        let j = judge(&catalog, &offer, &reader.config);
        serde_json::to_string(&offer_json(&offer, &j, &catalog)).unwrap()
    });
    println!(
        "200-line posting, whole check incl. catalog load and JSON: median {} over {runs} runs (target < 50 ms)",
        ms(whole)
    );

    let catalog = Catalog::builtin().unwrap();
    let load = time(runs, || Catalog::builtin().unwrap());
    let build = time(runs, || {
        Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap()
    });
    let config = MatchingConfig::builtin().unwrap();
    let settings = time(runs, || MatchingConfig::builtin().unwrap());
    let matcher = time(runs, || Matcher::new(&catalog, &config));
    println!(
        "  catalog load {}, settings {}, reader start-up (models) {}, matcher {} (built beside the first read)",
        ms(load),
        ms(settings),
        ms(build),
        ms(matcher)
    );
    through_the_binary(&text200);

    let reader = Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
    println!("\nread (extract + match) by posting size, medians over {runs} runs:");
    let mut per_line = Vec::new();
    for lines in SIZES {
        let text = posting(lines);
        let t = time(runs, || reader.read(&catalog, &text, &RoleHint::default()));
        let us = t.as_secs_f64() * 1e6 / lines as f64;
        per_line.push(us);
        println!("  {lines:>4} lines: {:>9}  ({us:.1} µs per line)", ms(t));
    }
    let (lo, hi) = per_line
        .iter()
        .fold((f64::MAX, 0.0_f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    println!(
        "  per-line cost varies by {:.0}% across sizes (linear when flat)",
        100.0 * (hi - lo) / lo
    );
}

/// The binary built beside this example, if it is.
fn built_binary() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().unwrap();
    exe.parent()
        .and_then(|examples| examples.parent())
        .map(|dir| dir.join("rolescope"))
        .filter(|bin| bin.is_file())
}

/// `bin offer FILE --format json`, its output dropped; how long it took.
fn offer_run(bin: &std::path::Path, file: &std::path::Path) -> Duration {
    let t = Instant::now();
    std::process::Command::new(bin)
        .args(["offer", file.to_str().unwrap(), "--format", "json"])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    t.elapsed()
}

/// This build's binary and `other`, run by run in turn (which goes first alternating), on
/// each posting size and a one-line offer.
fn in_turn(other: &std::path::Path, runs: usize) {
    let Some(bin) = built_binary() else {
        println!("the binary is not built; `cargo build --release` first");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = vec![(
        "one line".to_owned(),
        "Reply to comments on our Instagram account\n".to_owned(),
    )];
    inputs.extend(SIZES.iter().map(|&n| (format!("{n} lines"), posting(n))));
    println!("{runs} runs each, in turn; medians (quartiles):");
    for (name, text) in inputs {
        let file = dir.path().join("posting.txt");
        std::fs::write(&file, text).unwrap();
        let pair = [bin.as_path(), other];
        for b in pair {
            for _ in 0..10 {
                offer_run(b, &file);
            }
        }
        let mut times = [Vec::new(), Vec::new()];
        for i in 0..runs {
            for k in [i % 2, 1 - i % 2] {
                times[k].push(offer_run(pair[k], &file));
            }
        }
        let mut line = format!("  {name:>9}:");
        for (b, t) in pair.iter().zip(&mut times) {
            t.sort();
            let _ = write!(
                line,
                "  {} {} ({}–{})",
                b.display(),
                ms(t[t.len() / 2]),
                ms(t[t.len() / 4]),
                ms(t[t.len() * 3 / 4])
            );
        }
        println!("{line}");
    }
}

/// `rolescope offer FILE --format json` of the posting, through the binary built beside this
/// example, output to nowhere: what a user waits for, process start included.
fn through_the_binary(text: &str) {
    let Some(bin) = built_binary() else {
        println!("  (through the binary: not built; `cargo build --release` first)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("posting-200.txt");
    std::fs::write(&file, text).unwrap();
    let run = || {
        std::process::Command::new(&bin)
            .args(["offer", file.to_str().unwrap(), "--format", "json"])
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap()
    };
    for _ in 0..10 {
        run();
    }
    let t = time(101, run);
    println!(
        "  through the binary, `rolescope offer posting-200.txt --format json`: median {} over 101 runs (target 10 ms)",
        ms(t)
    );
}
