//! Key soak: random key events, pastes, resizes, clicks and the loop's reports (saves, reads,
//! exports that succeed or fail, the rebalance it computes) driven through `keymap::action_for`
//! and `update`, over each example plan, with the view drawn into ratatui's `TestBackend` every
//! 50th step at the current size (1×1 to 250×80), with one of the three themes.
//!
//! After every step: no panic, every pane's selection in range, every overlay's indices valid
//! (a fix list never empty and for a finding the plan has, a rebalance being computed for the
//! plan as it is), shares finite, in 0..=1 and summing to 1 (or all 0); and while the terminal
//! is too small for the panes, a step that is not quitting (or a resize) changes nothing at
//! all. Every 97 steps: the analysis is the one of the plan as it is, and the plan survives
//! save -> load. At checkpoints and at the end: undo all the way, then redo all the way, gives
//! back the same plan.
//!
//! Seeded and reproducible: the seed is printed (`cargo test --test soak -- --nocapture`);
//! rerun one with `ROLESCOPE_SOAK_SEED=<seed>`. The default run is 35,000 events per example
//! plan (105,000 in all); the long one is ignored by default:
//! `ROLESCOPE_SOAK_EVENTS=1000000 cargo test --release --test soak -- --ignored --nocapture`.

// Prints its own summary of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used, clippy::float_cmp)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolescope::catalog::Catalog;
use rolescope::fix::FindingKey;
use rolescope::plan::{load_plan, parse_plan, to_yaml};
use rolescope::report::Subject;
use rolescope::tui::import::ImportStep;
use rolescope::tui::keymap::help_rows;
use rolescope::tui::view::{self, Theme, ThemeName};
use rolescope::tui::{
    Action, App, Confirm, Effect, Focus, Overlay, PromptKind, action_for, update,
};

const EVENTS_PER_PLAN: u64 = 35_000;
const DRAW_EVERY: u64 = 50;
const DEEP_CHECK_EVERY: u64 = 97;
const CHECKPOINT_EVERY: u64 = 10_000;

/// SplitMix64: tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const OFFER: &str = "Community Manager\n\nWhat you will do:\n- Welcome new members on our forum\n- Run monthly meetups\n- Schedule posts on Instagram and TikTok\n- Answer comments and DMs on our social channels\n- Report engagement metrics\n";

fn paste_text(rng: &mut Rng) -> String {
    let fixed = [
        OFFER,
        "community-manager 60 social-media-manager 40",
        "12.5",
        "-3",
        "NaN",
        "1e400",
        "山田 花子",
        "Zoë \u{200d}\u{1f469}\u{200d}\u{1f4bb} a\tb",
        "line one\r\nline two\rline three\n",
        "",
        "   ",
        "\u{1b}[31mred\u{1b}[0m",
        "/nonexistent/offer.txt",
        "meet",
    ];
    if rng.chance(1) {
        // A big paste (up to about 5 kB).
        return OFFER.repeat(1 + rng.below(30));
    }
    if rng.chance(30) {
        let len = rng.below(24);
        return (0..len)
            .map(|_| char::from_u32(32 + (rng.next() % 0x3000) as u32).unwrap_or('?'))
            .collect();
    }
    (*rng.pick(&fixed)).to_owned()
}

fn key(rng: &mut Rng) -> KeyEvent {
    let specials = [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Insert,
        KeyCode::F(1),
        KeyCode::F(5),
        KeyCode::F(12),
    ];
    let code = match rng.below(10) {
        0..=2 => *rng.pick(&specials),
        // The keys most bindings use.
        3..=7 => KeyCode::Char(char::from(
            *rng.pick(b"aAdDrRcCuUxXwWiIeEsSqQ?/tTvVhHnNgGjJkKyYfF+-=0123456789 .,"),
        )),
        8 => KeyCode::Char(char::from(32 + rng.below(95) as u8)),
        _ => KeyCode::Char(*rng.pick(&['é', '山', 'ß', '\u{1f600}', '\u{301}', '\u{7f}'])),
    };
    let modifiers = match rng.below(10) {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::SHIFT,
        2 => KeyModifiers::ALT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// One random input, as the event loop would turn it into an action (or none).
fn input(rng: &mut Rng, app: &App) -> Option<Action> {
    match rng.below(100) {
        0..=83 => action_for(app, key(rng)),
        84..=88 => Some(Action::Paste(paste_text(rng))),
        // Mostly sizes that show the panes: below them only quitting works, and the soak
        // would spend a third of its steps there.
        89..=93 if rng.chance(80) => Some(Action::Resize(
            view::MIN_WIDTH + rng.below(usize::from(251 - view::MIN_WIDTH)) as u16,
            view::MIN_HEIGHT + rng.below(usize::from(81 - view::MIN_HEIGHT)) as u16,
        )),
        89..=93 => Some(Action::Resize(
            1 + rng.below(250) as u16,
            1 + rng.below(80) as u16,
        )),
        94..=96 => Some(Action::Click {
            focus: *rng.pick(&Focus::ALL),
            row: rng.below(200),
        }),
        _ => Some(Action::Scroll {
            focus: *rng.pick(&Focus::ALL),
            delta: rng.below(21).cast_signed() - 10,
        }),
    }
}

/// What the loop reports back for an effect: success or failure, at random; the rebalance, as
/// the loop computes it.
fn report(rng: &mut Rng, app: &App, effect: Effect) -> Option<Action> {
    let ok = rng.chance(60);
    match effect {
        Effect::None | Effect::Quit => None,
        Effect::Rebalance => Some(rolescope::tui::update::proposal(app)),
        Effect::Save(path) | Effect::Overwrite(path) => Some(match rng.below(10) {
            0 => Action::SaveConflict(path),
            _ if ok => Action::Saved(Ok(path)),
            _ => Action::Saved(Err("No space left on device (os error 28)".to_owned())),
        }),
        Effect::ReadOffer(_) => Some(Action::OfferRead(if ok {
            Ok(OFFER.to_owned())
        } else {
            Err("no such file".to_owned())
        })),
        Effect::Export { path, .. } => Some(Action::Exported(if ok {
            Ok(path)
        } else {
            Err("Permission denied (os error 13)".to_owned())
        })),
    }
}

/// What a user could see change; compared across a step taken while the terminal is too small.
fn seen(app: &App) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        (
            app.plan.clone(),
            app.dirty,
            app.revision,
            app.status.clone(),
        ),
        (app.overlays.clone(), app.focus, app.selected, app.scope),
        (
            (app.filter.clone(), app.people_filter.clone()),
            app.typing,
            app.coverage,
            app.quit,
        ),
    )
}

/// Whether `action` may change anything while the terminal is too small: quitting, answering
/// the question about saving it may ask, and a new size.
fn works_when_too_small(action: &Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::Interrupt
            | Action::Save
            | Action::Discard
            | Action::Submit
            | Action::Cancel
            | Action::Resize(..)
    )
}

/// The invariants that must hold after every step.
fn check_invariants(app: &App, step: u64, seed: u64) {
    let ctx = || format!("seed {seed}, step {step}");
    let people = app.plan.people.len();
    for focus in Focus::ALL {
        let len = app.pane_len(focus);
        let sel = app.selected_row(focus);
        assert!(
            sel < len.max(1),
            "{}: {focus:?} selection {sel} of {len}",
            ctx()
        );
    }
    assert_eq!(app.analysis.people.len(), people, "{}", ctx());
    for p in &app.analysis.people {
        let sum: f64 = p.share_by_slot.iter().sum();
        for s in &p.share_by_slot {
            assert!(
                s.is_finite() && (0.0..=1.0).contains(s),
                "{}: {} share {s}",
                ctx(),
                p.name
            );
        }
        if p.hours > 0.0 {
            assert!((sum - 1.0).abs() < 1e-9, "{}: shares sum {sum}", ctx());
        } else {
            assert_eq!(sum, 0.0, "{}: {} has no hours", ctx(), p.name);
        }
    }
    assert!(
        app.overlays.len() <= 3,
        "{}: overlays {:?}",
        ctx(),
        app.overlays
    );
    let task_count = |i: usize| app.plan.people.get(i).map(|p| p.tasks.len());
    for overlay in &app.overlays {
        let ok = match overlay {
            Overlay::Help { scroll } => *scroll < help_rows(&app.bindings).len().max(1),
            Overlay::Confirm(Confirm::DeletePerson(i)) => *i < people,
            Overlay::Confirm(_) => true,
            Overlay::Prompt { kind, .. } => match kind {
                PromptKind::Rename(i) | PromptKind::Capacity(i) | PromptKind::Split(i) => {
                    *i < people
                }
                PromptKind::Hours { person, task } => {
                    task_count(*person).is_some_and(|n| *task < n)
                }
                PromptKind::Accept { person, .. } => person.is_none_or(|i| i < people),
                PromptKind::AddPerson | PromptKind::RenamePlan | PromptKind::SaveAs => true,
            },
            Overlay::RolePicker { person, selected } => {
                *person < people && *selected <= app.catalog.roles().len()
            }
            Overlay::Import(step) => match step.as_ref() {
                ImportStep::Source { .. } => true,
                ImportStep::Review(r) => {
                    r.selected < r.lines.len().max(1)
                        && r.lines.iter().all(|l| {
                            l.choice.is_none_or(|c| c < l.candidates.len())
                                && l.picked.iter().all(|&p| p < l.candidates.len())
                        })
                        && r.picker.as_ref().is_none_or(|p| {
                            p.selected < p.visible.len().max(1)
                                && p.visible.iter().all(|&t| t < app.catalog.tasks().len())
                        })
                }
            },
            Overlay::MovePicker(picker) => {
                task_count(picker.from).is_some_and(|n| picker.task < n)
                    && picker.selected < picker.candidates().len().max(1)
            }
            // A finding's fixes: never an empty list, for a finding the plan still has.
            Overlay::Fixes(list) => {
                list.selected < list.fixes.len()
                    && app
                        .analysis
                        .findings
                        .iter()
                        .any(|f| FindingKey::of(f) == list.finding)
            }
            // The rebalance: a computed list is never empty, and one being computed is for
            // the plan as it is (else the loop's report would be dropped and it would hang).
            Overlay::Rebalance(list) => match &list.fixes {
                Some(fixes) => list.selected < fixes.len(),
                None => list.revision == app.revision,
            },
            Overlay::Export(form) => match form.subject {
                Subject::Person(i) => i < people,
                Subject::Team => true,
            },
        };
        assert!(ok, "{}: overlay out of range: {overlay:?}", ctx());
    }
    if app
        .overlays
        .iter()
        .filter(|o| matches!(o, Overlay::Help { .. }))
        .count()
        > 1
    {
        panic!("{}: help opened twice: {:?}", ctx(), app.overlays);
    }
}

/// The slower checks: the analysis matches the plan, and the plan survives save -> load.
fn deep_check(app: &App, step: u64, seed: u64) {
    let fresh = rolescope::analyze(&app.catalog, &app.plan);
    let keys = |a: &rolescope::Analysis| {
        let mut k: Vec<_> = a
            .findings
            .iter()
            .map(|f| (f.rule, f.severity, f.person.clone(), f.task.clone()))
            .collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&fresh),
        keys(&app.analysis),
        "seed {seed}, step {step}: stale analysis"
    );
    let text = to_yaml(&app.plan).unwrap();
    let back = parse_plan("soak.yaml", &text).unwrap_or_else(|e| {
        panic!("seed {seed}, step {step}: the plan would not load: {e}\n{text}")
    });
    assert_eq!(back, app.plan, "seed {seed}, step {step}");
}

/// Undo all the way, then redo all the way: the same plan comes back.
fn undo_redo_round_trip(app: &App, step: u64, seed: u64) -> usize {
    let mut a = app.clone();
    // Undo works from the panes, as a user would get there: close what is open, and make the
    // terminal big enough to show them.
    a.overlays.clear();
    a.typing = None;
    update(&mut a, Action::Resize(80, 24));
    let now = a.plan.clone();
    let mut undone = 0;
    while a.can_undo() {
        update(&mut a, Action::Undo);
        undone += 1;
        assert!(
            undone <= 10_000,
            "seed {seed}, step {step}: undo never ends"
        );
    }
    // Redo as many as were undone: changes undone before the checkpoint stay undone.
    for _ in 0..undone {
        assert!(a.can_redo(), "seed {seed}, step {step}: redo ran out");
        update(&mut a, Action::Redo);
    }
    assert_eq!(
        a.plan, now,
        "seed {seed}, step {step}: undo then redo changed the plan"
    );
    undone
}

fn seed_for(name: &str) -> u64 {
    std::env::var("ROLESCOPE_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            // A fixed default per plan, so CI runs are reproducible without the variable.
            name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            })
        })
}

fn soak(example: &str, events: u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalog = Arc::new(Catalog::builtin().unwrap());
    let plan = load_plan(&root.join(example)).unwrap().plan;
    let path: PathBuf = std::env::temp_dir().join("rolescope-soak-never-written.yaml");
    let mut app = App::new(catalog, plan, Some(path));
    let seed = seed_for(example);
    println!("soak {example}: seed {seed} ({events} events; ROLESCOPE_SOAK_SEED={seed} to rerun)");
    let mut rng = Rng(seed);
    let themes = [
        Theme::new(ThemeName::Default),
        Theme::new(ThemeName::Light),
        Theme::new(ThemeName::Mono),
    ];
    let start = Instant::now();
    let (mut draws, mut undo_depth, mut max_people) = (0u64, 0usize, 0usize);
    let (mut picking, mut small_steps, mut fixing) = (0u64, 0u64, 0u64);
    for step in 0..events {
        if let Some(action) = input(&mut rng, &app) {
            let before = (app.too_small() && !works_when_too_small(&action)).then(|| seen(&app));
            let label = format!("{action:?}");
            let effect = update(&mut app, action);
            if let Some(before) = before {
                assert_eq!(
                    seen(&app),
                    before,
                    "seed {seed}, step {step}: {label} changed state while too small"
                );
                small_steps += 1;
            }
            if let Some(reply) = report(&mut rng, &app, effect) {
                update(&mut app, reply);
            }
        }
        // A quit ends a real session; the soak goes on with the same state.
        app.quit = false;
        check_invariants(&app, step, seed);
        if step % DRAW_EVERY == 0 {
            let (w, h) = app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let theme = &themes[rng.below(themes.len())];
            terminal.draw(|f| view::draw(f, &app, theme)).unwrap();
            draws += 1;
        }
        if step % DEEP_CHECK_EVERY == 0 {
            deep_check(&app, step, seed);
        }
        if step > 0 && step % CHECKPOINT_EVERY == 0 {
            undo_depth = undo_depth.max(undo_redo_round_trip(&app, step, seed));
        }
        max_people = max_people.max(app.plan.people.len());
        if matches!(
            app.top_overlay(),
            Some(Overlay::Fixes(_) | Overlay::Rebalance(_))
        ) {
            fixing += 1;
        }
        if let Some(Overlay::Import(step)) = app.top_overlay()
            && matches!(&**step, ImportStep::Review(r) if r.picker.is_some())
        {
            picking += 1;
        }
    }
    deep_check(&app, events, seed);
    undo_depth = undo_depth.max(undo_redo_round_trip(&app, events, seed));
    println!(
        "soak {example}: {events} events, {draws} draws, up to {max_people} people, undo depth up to {undo_depth}, {picking} steps in the task picker, {fixing} in the fix lists, {small_steps} ignored while too small, {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

#[test]
fn soak_team_review() {
    soak("examples/team-review.yaml", EVENTS_PER_PLAN);
}

#[test]
fn soak_startup_offer() {
    soak("examples/startup-offer.yaml", EVENTS_PER_PLAN);
}

#[test]
fn soak_hiring_scope() {
    soak("examples/hiring-scope.yaml", EVENTS_PER_PLAN);
}

/// The long soak: `ROLESCOPE_SOAK_EVENTS` events (default 1,000,000) per example plan.
#[test]
#[ignore = "long: run with --ignored (and --release)"]
fn soak_long() {
    let events = std::env::var("ROLESCOPE_SOAK_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    for example in [
        "examples/team-review.yaml",
        "examples/startup-offer.yaml",
        "examples/hiring-scope.yaml",
    ] {
        soak(example, events);
    }
}
