//! Speed of `rolescope offer`: a 200-line posting checked end to end (catalog load, matcher
//! build, extraction, matching, verdict, analysis, JSON) in well under 50 ms, and the matching
//! cost growing linearly with the number of lines (50, 100, 200, 400). Prints medians.
//!
//! `cargo run --release --example offer_bench`

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use rolescope::catalog::Catalog;
use rolescope::offer::{MatchingConfig, Reader, RoleHint, judge};
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

fn main() {
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
    println!(
        "  catalog load {}, reader start-up (models and catalog index) {}",
        ms(load),
        ms(build)
    );

    let reader = Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
    println!("\nread (extract + match) by posting size, medians over {runs} runs:");
    let mut per_line = Vec::new();
    for lines in [50, 100, 200, 400] {
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
