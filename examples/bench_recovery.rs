//! What an edit costs the UI thread when it is the one that writes a recovery copy (the first
//! edit after opening, then at most one every 3 s), on a large generated plan: before, the loop
//! turned the plan into YAML and wrote it itself; now it clones the plan and hands it to the
//! writer thread (`tui::persist::writer`).
//!
//! ```sh
//! cargo run --release --example gen_plan -- --people 10000 --out-dir /tmp/rs10k
//! cargo run --release --example bench_recovery -- /tmp/rs10k
//! ```

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolescope::Catalog;
use rolescope::catalog::{builtin_sources, sources_from_path};
use rolescope::fsio;
use rolescope::plan::{load_plan, to_yaml};
use rolescope::tui::persist::DataDir;
use rolescope::tui::persist::recovery::Instance;
use rolescope::tui::persist::writer::Writer;
use rolescope::tui::view::{self, Theme, ThemeName};
use rolescope::tui::{App, action_for, update};

const ROUNDS: usize = 11;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/rs10k".into()),
    );
    let mut sources = builtin_sources();
    sources.extend(sources_from_path(&dir.join("catalog.yaml")).unwrap());
    let catalog = Arc::new(Catalog::from_sources(&sources).unwrap());
    let plan_path = dir.join("plan.yaml");
    let plan = load_plan(&plan_path).unwrap().plan;
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!(
        "rolescope bench_recovery · {cores} CPU(s) · {} people · median of {ROUNDS}\n",
        plan.people.len()
    );
    let mut app = App::new(catalog, plan, Some(plan_path.clone()));
    update(&mut app, rolescope::tui::Action::Resize(200, 60));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let theme = Theme::new(ThemeName::Default);
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    // Into the first person's tasks; then each edit is half an hour more or less.
    let to_tasks = action_for(&app, key(KeyCode::Char('2'))).unwrap();
    update(&mut app, to_tasks);
    let scratch = tempfile::tempdir().unwrap();
    let data = DataDir::new(scratch.path());
    let old_copy = scratch.path().join("old-copy.yaml");
    let writer = Writer::start(Instance::start(&data).unwrap()).unwrap();

    let (mut edit, mut before, mut after) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let code = if round % 2 == 0 { '+' } else { '-' };
        let revision = app.revision;
        let t = Instant::now();
        if let Some(action) = action_for(&app, key(KeyCode::Char(code))) {
            update(&mut app, action);
        }
        terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
        edit.push(t.elapsed());
        assert_ne!(app.revision, revision, "the key edited the plan");

        // Before: the copy made on the UI thread.
        let t = Instant::now();
        let text = format!(
            "# rolescope recovery copy of {}\n{}",
            plan_path.display(),
            to_yaml(&app.plan).unwrap()
        );
        fsio::write_atomic(&old_copy, text.as_bytes()).unwrap();
        before.push(t.elapsed());

        // Now: a clone sent to the writer thread.
        let t = Instant::now();
        writer.write(app.path.clone(), app.plan.clone());
        after.push(t.elapsed());
        // Let the writer finish, so it does not compete with the next round's timings.
        std::thread::sleep(Duration::from_millis(300));
    }
    writer.finish();
    report("edit alone (update + analysis + draw, 200×60)", &mut edit);
    report(
        "recovery copy on the UI thread, before (YAML + atomic write)",
        &mut before,
    );
    report(
        "recovery copy on the UI thread, now (clone + send)",
        &mut after,
    );
    let median = |v: &[Duration]| v[v.len() / 2].as_secs_f64() * 1000.0;
    println!(
        "first edit, UI thread: {:.1} ms before · {:.1} ms now",
        median(&edit) + median(&before),
        median(&edit) + median(&after)
    );
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what}\n  median {:.3} ms · worst {:.3} ms · best {:.3} ms\n",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        ms(times[0]),
    );
}
