//! How close `rolescope check` comes to its floor: parsing the plan.
//!
//! ```text
//! cargo run --release --example bench_floor -- [--people 1000,10000,100000] [--runs 11]
//!                                              [--dir DIR] [--bin target/release/rolescope]
//! ```
//!
//! Run through cargo, it builds `target/release/rolescope` first (see [`release_binary`]).
//!
//! For each size, writes `DIR/team-N.yaml`: the people of `examples/team-review.yaml` repeated
//! (names made unique with a number) to N people. Then, side by side and alternating so a busy
//! machine slows both alike, it runs `--runs` times each:
//!
//! - the floor: this program again as `bench_floor --floor FILE`, a process that reads the file
//!   and parses it with serde_yaml into the plan's own typed structs (`rolescope::Plan`), which
//!   any `check` has to do, and nothing else (like `check`, it exits without freeing);
//! - `rolescope check FILE --format json` with standard output to `/dev/null`, with
//!   `ROLESCOPE_CONFIG_DIR` set to an empty directory so only the built-in catalogs load.
//!
//! It prints the medians and their ratio, where the time goes in process, the size of the
//! HTML team review (`report --format html`, one run), and, first, the same for start-up:
//! `check` of the 4-person `examples/team-review.yaml` (and of the 1-person
//! `examples/hiring-scope.yaml`) beside `/bin/true` and beside `examples/noop.rs`, a Rust
//! program that does nothing, built with the same release profile (this program's own
//! `--noop` stands in when it is not built: a 40 MB binary, which also makes the runs after it
//! slower). The in-process parse alone is printed too, for reference. Plain
//! `std::time::Instant` around each child process, no harness; timings go to standard output.

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail, ensure};
use rolescope::Plan;

const USAGE: &str = "usage: bench_floor [--people N,N,...] [--runs R] [--dir DIR] [--bin PATH]\n       bench_floor --floor FILE | --noop";

struct Options {
    people: Vec<usize>,
    runs: usize,
    dir: PathBuf,
    bin: PathBuf,
}

fn parse_args(args: &[String]) -> Result<Options> {
    let mut people = vec![1_000, 10_000, 100_000];
    let mut runs = 11;
    let mut dir = std::env::temp_dir().join("rolescope-floor");
    let mut bin = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .with_context(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--people" => {
                people = value()?
                    .split(',')
                    .map(|n| n.trim().replace('_', "").parse().context("--people"))
                    .collect::<Result<_>>()?;
            }
            "--runs" => runs = value()?.parse().context("--runs")?,
            "--dir" => dir = PathBuf::from(value()?),
            "--bin" => bin = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    ensure!(runs >= 1, "--runs must be at least 1");
    let bin = match bin {
        Some(bin) => bin,
        None => release_binary()?,
    };
    ensure!(
        bin.is_file(),
        "{} not found: build it first (cargo build --release --bins)",
        bin.display()
    );
    Ok(Options {
        people,
        runs,
        dir,
        bin,
    })
}

/// `target/release/rolescope`. Under `cargo run` (which sets `CARGO`), built first, so that
/// `cargo run --release --example bench_floor` measures the sources it was run from, never a
/// binary left from an older build.
fn release_binary() -> Result<PathBuf> {
    if let Some(cargo) = std::env::var_os("CARGO") {
        eprintln!("bench_floor: cargo build --release --bin rolescope --example noop");
        let status = Command::new(cargo)
            .args(["build", "--release", "--locked", "--bin", "rolescope"])
            .args(["--example", "noop"])
            .status()
            .context("cargo build")?;
        ensure!(
            status.success(),
            "cargo build --release --bin rolescope failed"
        );
    }
    Ok(PathBuf::from("target/release/rolescope"))
}

/// The Rust no-op to compare start-up with: `examples/noop.rs` built beside this program, or
/// this program as `--noop` when it is not there.
fn noop_command(me: &Path) -> (Command, &'static str) {
    let small = me.with_file_name("noop");
    if small.is_file() {
        (Command::new(small), "examples/noop (Rust no-op)")
    } else {
        let mut c = Command::new(me);
        c.arg("--noop");
        (c, "bench_floor --noop (Rust no-op)")
    }
}

/// The floor: read the file and parse it into the plan's typed structs, nothing more. Like
/// `check`, it leaves its memory to the system at exit instead of freeing it piece by piece.
fn floor(path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let plan: Plan = serde_yaml::from_str(&text).context("parse")?;
    std::mem::forget(std::hint::black_box(plan));
    std::mem::forget(text);
    Ok(())
}

/// `examples/team-review.yaml`'s people repeated to `people`, each name made unique.
fn grown_plan(people: usize) -> Result<String> {
    let text = std::fs::read_to_string("examples/team-review.yaml")
        .context("run from the repository root (examples/team-review.yaml)")?;
    let base = rolescope::plan::parse_plan("examples/team-review.yaml", &text)?;
    let mut plan = base.clone();
    plan.people.clear();
    for i in 0..people {
        let mut p = base.people[i % base.people.len()].clone();
        p.name = format!("{} {}", p.name, i / base.people.len() + 1);
        plan.people.push(p);
    }
    Ok(rolescope::plan::to_yaml(&plan)?)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Wall time of one child process, output discarded; exit 0 or 1 (findings) only.
fn timed(cmd: &mut Command) -> Result<Duration> {
    let start = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("{cmd:?}"))?;
    let took = start.elapsed();
    ensure!(
        matches!(status.code(), Some(0 | 1)),
        "{cmd:?} failed: {status}"
    );
    Ok(took)
}

/// Runs each command once untimed, then `runs` rounds of all of them in turn; the medians.
fn side_by_side(runs: usize, cmds: &mut [Command]) -> Result<Vec<Duration>> {
    for c in cmds.iter_mut() {
        timed(c)?;
    }
    let mut times = vec![Vec::with_capacity(runs); cmds.len()];
    for _ in 0..runs {
        for (c, t) in cmds.iter_mut().zip(&mut times) {
            t.push(timed(c)?);
        }
    }
    Ok(times.into_iter().map(median).collect())
}

/// One `report --format html` of the plan: how large the team review is, and how long it took.
fn html_review(opts: &Options, config: &Path, path: &Path, people: usize) -> Result<()> {
    let out = opts.dir.join(format!("team-{people}.html"));
    let start = Instant::now();
    let status = Command::new(&opts.bin)
        .env("ROLESCOPE_CONFIG_DIR", config)
        .env("ROLESCOPE_MAX_INPUT_BYTES", "1000000000")
        .args(["report", "--format", "html", "--force", "-o"])
        .arg(&out)
        .arg(path)
        .status()?;
    let took = start.elapsed();
    ensure!(status.success(), "report --format html failed: {status}");
    println!(
        "    HTML team review: {:.2} MB, written in {:.0} ms (one run)",
        std::fs::metadata(&out)?.len() as f64 / 1e6,
        ms(took)
    );
    Ok(())
}

/// Median wall time of `f` over `runs` runs (after one untimed run), its result dropped
/// outside the timing.
fn in_process<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    drop(std::hint::black_box(f()));
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let out = f();
                let took = start.elapsed();
                drop(std::hint::black_box(out));
                took
            })
            .collect(),
    )
}

/// Where a check's time goes, stage by stage, in this process: the same calls `check`
/// makes, timed apart.
fn stages(runs: usize, path: &Path) -> Result<()> {
    // Read as the floor reads it: `fsio::read_text` would refuse 100,000 people (37 MB) over
    // the default input limit, which this process cannot raise for itself.
    let text = std::fs::read_to_string(path)?;
    let origin = path.display().to_string();
    let read = in_process(runs, || std::fs::read_to_string(path));
    let parse = in_process(runs, || serde_yaml::from_str::<Plan>(&text));
    let parse_validate = in_process(runs, || rolescope::plan::parse_plan(&origin, &text));
    // The built-in catalogs only, as `check` loads them with an empty config directory.
    let catalog = rolescope::Catalog::builtin()?;
    let load = in_process(runs, rolescope::Catalog::builtin);
    let plan = rolescope::plan::parse_plan(&origin, &text)?;
    let analysis = in_process(runs, || rolescope::analyze(&catalog, &plan));
    let mut result = rolescope::analyze(&catalog, &plan);
    let locate = in_process(runs, || {
        let mut a = result.clone();
        a.locate_in(&plan, &text);
        a
    })
    .saturating_sub(in_process(runs, || result.clone()));
    result.locate_in(&plan, &text);
    let doc = rolescope::report::check_json(&result, &origin, &catalog, &plan);
    let json = in_process(runs, || {
        rolescope::report::json::write_pretty(&doc, std::io::sink())
    });
    println!(
        "    in process: read {:.1}, parse {:.1}, validate {:.1}, catalogs {:.2}, analysis {:.1}, locate {:.1}, JSON out {:.1} ms",
        ms(read),
        ms(parse),
        ms(parse_validate.saturating_sub(parse)),
        ms(load),
        ms(analysis),
        ms(locate),
        ms(json)
    );
    Ok(())
}

fn run(opts: &Options) -> Result<()> {
    let me = std::env::current_exe()?;
    std::fs::create_dir_all(&opts.dir)?;
    let config = opts.dir.join("empty-config");
    std::fs::create_dir_all(&config)?;
    let cpus = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!(
        "rolescope bench_floor: {cpus} CPU(s), {} runs each, medians, side by side; load average {}",
        opts.runs,
        load_average()
    );
    println!();
    // Start-up first, while this process is small and before the large plans fill the caches.
    let check = |plan: &str| {
        let mut c = Command::new(&opts.bin);
        c.env("ROLESCOPE_CONFIG_DIR", &config).args(["check", plan]);
        c
    };
    let (noop, noop_name) = noop_command(&me);
    let runs = opts.runs.max(201);
    let m = side_by_side(
        runs,
        &mut [
            check("examples/team-review.yaml"),
            check("examples/hiring-scope.yaml"),
            noop,
            Command::new("/bin/true"),
        ],
    )?;
    println!("  start-up, {runs} runs each (check beside the Rust no-op, then beside /bin/true):");
    for (i, plan) in [
        "team-review.yaml (4 people)",
        "hiring-scope.yaml (1 person)",
    ]
    .iter()
    .enumerate()
    {
        println!(
            "    check examples/{plan:<28} {:>6.2} ms   {:.2}×   {:.2}×",
            ms(m[i]),
            m[i].as_secs_f64() / m[2].as_secs_f64(),
            m[i].as_secs_f64() / m[3].as_secs_f64()
        );
    }
    println!("    {noop_name:<45} {:>6.2} ms", ms(m[2]));
    println!(
        "    /bin/true                                     {:>6.2} ms",
        ms(m[3])
    );
    println!();
    println!(
        "  {:>8} {:>10} {:>12} {:>12} {:>8} {:>12}",
        "people", "file MB", "floor ms", "check ms", "ratio", "in-proc ms"
    );
    for &n in &opts.people {
        let path = opts.dir.join(format!("team-{n}.yaml"));
        std::fs::write(&path, grown_plan(n)?)?;
        let size = std::fs::metadata(&path)?.len();
        let mut floor_cmd = Command::new(&me);
        floor_cmd.arg("--floor").arg(&path);
        let mut check = Command::new(&opts.bin);
        check
            .env("ROLESCOPE_CONFIG_DIR", &config)
            // 100,000 people are 37 MB, past the default 32 MiB input limit.
            .env("ROLESCOPE_MAX_INPUT_BYTES", "1000000000")
            .args(["check", "--format", "json", "--fail-on", "never"])
            .arg(&path);
        // Fewer rounds at sizes where one round takes seconds would be tempting; the brief
        // asks for the same count everywhere, so it is kept.
        let m = side_by_side(opts.runs, &mut [floor_cmd, check])?;
        let text = std::fs::read_to_string(&path)?;
        let in_proc = median(
            (0..opts.runs)
                .map(|_| {
                    let start = Instant::now();
                    let plan: Result<Plan, _> = serde_yaml::from_str(&text);
                    let took = start.elapsed();
                    drop(std::hint::black_box(plan));
                    took
                })
                .collect(),
        );
        println!(
            "  {n:>8} {:>10.1} {:>12.1} {:>12.1} {:>7.2}× {:>12.1}",
            size as f64 / 1e6,
            ms(m[0]),
            ms(m[1]),
            m[1].as_secs_f64() / m[0].as_secs_f64(),
            ms(in_proc)
        );
        stages(opts.runs, &path)?;
        html_review(opts, &config, &path, n)?;
    }
    println!("  load average at the end: {}", load_average());
    Ok(())
}

/// The machine's load averages (1, 5, 15 minutes), where the system tells them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".to_owned(),
        |s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag] if flag == "--noop" => Ok(()),
        [flag, file] if flag == "--floor" => floor(Path::new(file)),
        _ => parse_args(&args).and_then(|o| run(&o)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_floor: {e:#}");
            ExitCode::from(2)
        }
    }
}
