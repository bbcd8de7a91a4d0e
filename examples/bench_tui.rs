//! Keypress cost in the TUI: update + analysis + a draw into a 200×60 `TestBackend`, on the
//! generated 1,000-person plan; and startup to first frame on an example plan.
//!
//! ```sh
//! cargo run --release --example gen_plan -- --out-dir /tmp/rs-bench
//! cargo run --release --example bench_tui -- /tmp/rs-bench
//! ```

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolescope::Catalog;
use rolescope::catalog::{builtin_sources, sources_from_path};
use rolescope::plan::load_plan;
use rolescope::tui::view::{self, Theme, ThemeName};
use rolescope::tui::{Action, App, action_for, update};

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/rs-bench".into()),
    );
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!("rolescope bench_tui · {cores} CPU(s) · release build\n");
    startup();
    keypresses(&dir);
}

fn startup() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team-review.yaml");
    let mut times = Vec::new();
    for _ in 0..51 {
        let t = Instant::now();
        let catalog = Arc::new(Catalog::builtin().unwrap());
        let plan = load_plan(&example).unwrap().plan;
        let app = App::new(catalog, plan, Some(example.clone()));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let theme = Theme::new(ThemeName::Default);
        terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
        times.push(t.elapsed());
    }
    report(
        "startup to first frame (team-review.yaml, 120×40)",
        &mut times,
    );
}

fn keypresses(dir: &Path) {
    let mut sources = builtin_sources();
    sources.extend(sources_from_path(&dir.join("catalog.yaml")).unwrap());
    let catalog = Arc::new(Catalog::from_sources(&sources).unwrap());
    let plan = load_plan(&dir.join("plan.yaml")).unwrap().plan;
    let people = plan.people.len();
    let assignments: usize = plan.people.iter().map(|p| p.tasks.len()).sum();
    println!(
        "plan: {people} people, {assignments} assignments; catalog: {} tasks\n",
        catalog.tasks().len()
    );
    let mut app = App::new(catalog, plan, None);
    update(&mut app, Action::Resize(200, 60));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let theme = Theme::new(ThemeName::Default);

    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    // Moving around, and edits that re-run the analysis: assign, hours up and down, undo.
    let script: Vec<KeyEvent> = [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Char('3'),
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Char('2'),
        KeyCode::Char('+'),
        KeyCode::Char('-'),
        KeyCode::Char('u'),
        KeyCode::Char('1'),
        KeyCode::Char('t'),
        KeyCode::Char('t'),
        KeyCode::Char('v'),
        KeyCode::Char('v'),
    ]
    .into_iter()
    .map(key)
    .collect();
    let (mut all, mut edits) = (Vec::new(), Vec::new());
    for round in 0..40 {
        for &k in &script {
            let t = Instant::now();
            if let Some(action) = action_for(&app, k) {
                let edit = matches!(
                    action,
                    Action::Assign | Action::HoursUp | Action::HoursDown | Action::Undo
                );
                update(&mut app, action);
                terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
                let spent = t.elapsed();
                if round > 0 {
                    all.push(spent);
                    if edit {
                        edits.push(spent);
                    }
                }
            }
        }
    }
    report(
        "keypress, all keys (update + analysis + draw, 200×60)",
        &mut all,
    );
    report("keypress, edits only (assign, hours ±, undo)", &mut edits);
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what}\n  median {:.3} ms · worst {:.3} ms · best {:.3} ms · {} samples\n",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        ms(times[0]),
        times.len()
    );
}
