//! The event loop: blocks on input, turns each event into an [`Action`], runs [`update`], does
//! the I/O the update asks for (save, recovery copies) and redraws. Nothing is drawn without an
//! event, so an idle rolescope uses no CPU. Before the loop, on the normal screen, the copies of
//! unsaved work that crashed instances left are offered back ([`offer_recovery`]).

mod fault;
mod recovery_copy;
#[cfg(test)]
mod tests;
mod worker;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use crossterm::event::{self, Event};

use self::fault::Fault;
use self::recovery_copy::Recovery;
use self::worker::Worker;
use super::action::Action;
use super::config::Config;
use super::keymap::action_for;
use super::mouse;
use super::persist::DataDir;
use super::persist::prompt;
use super::persist::recovery::{self, Instance, Leftover};
use super::persist::writer::Writer;
use super::state::App;
use super::terminal::TerminalGuard;
use super::update::{Effect, update};
use super::view::{self, Theme};
use crate::catalog::Catalog;
use crate::error::InputErrors;
use crate::plan::{Plan, load_plan, plan_text, write_plan_text};
use crate::report::{self, ReportFormat, Subject};
use crate::{console, fsio};

/// What to open, decided before the terminal is taken over.
pub struct Session {
    pub plan: Plan,
    pub path: Option<PathBuf>,
    /// Modification time of the plan file when it was read, to notice edits by others.
    pub disk_time: Option<SystemTime>,
    pub welcome: Option<String>,
    /// The plan as it is on disk, when `plan` is a restored recovery copy that differs from it.
    pub on_disk: Option<Plan>,
    /// This instance's recovery copy and the lock that marks it live (see
    /// [`offer_recovery`]); `None` without a data directory, or when it cannot be written.
    pub recovery: Option<Instance>,
    /// The plan file's text as read, which saves edit in place (`None`: no file yet).
    pub text: Option<String>,
}

/// Opens `path` (or the last plan used, or a new one). Load errors come back as the same
/// messages `check` prints, before any terminal change.
pub fn open(path: Option<&Path>, data: Option<&DataDir>) -> Result<Session, InputErrors> {
    let path = path
        .map(Path::to_path_buf)
        .or_else(|| data.and_then(DataDir::last_plan));
    match path {
        Some(path) if path.exists() => {
            let loaded = load_plan(&path)?;
            Ok(Session {
                plan: loaded.plan,
                disk_time: modified(&path),
                path: Some(path),
                welcome: None,
                on_disk: None,
                recovery: None,
                text: Some(loaded.text),
            })
        }
        Some(path) => {
            let name = path.file_stem().map_or_else(
                || "New plan".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
            let welcome = format!(
                "New plan; it will be written to {} on first save (s).",
                path.display()
            );
            Ok(Session {
                plan: Plan::new(name),
                path: Some(path),
                disk_time: None,
                welcome: Some(welcome),
                on_disk: None,
                recovery: None,
                text: None,
            })
        }
        None => Ok(Session {
            plan: Plan::new("New plan"),
            path: None,
            disk_time: None,
            welcome: None,
            on_disk: None,
            recovery: None,
            text: None,
        }),
    }
}

/// Starts this instance's recovery copy (its lock first), cleans up what gone instances left
/// long ago, and offers the copies of `session`'s plan that gone instances left, on the normal
/// screen before the TUI starts. Restoring one makes it this instance's own copy.
///
/// The answer decides what happens to the copies offered: a number (or `y` for the newest)
/// restores that one and keeps the others for the next start; `d` deletes them all; Enter (or
/// anything unreadable, or the end of input) keeps them all. Keeping is the default because a
/// copy is someone's unsaved work, and one key too fast must not delete it; a kept copy is
/// offered again at every start on that plan until it is restored or deleted, or is older
/// than [`recovery::STALE_AFTER`].
pub fn offer_recovery(session: &mut Session, data: &DataDir) {
    let mut instance = match Instance::start(data) {
        Ok(instance) => instance,
        Err(e) => {
            // Said on the status line, over any welcome: the safety net is off.
            session.welcome = Some(format!(
                "No recovery copies this time: cannot write in {}: {}",
                data.recovery_dir().display(),
                fsio::os_reason(&e)
            ));
            return;
        }
    };
    recovery::clean_up(&instance);
    let mut found = recovery::leftovers(&instance, session.path.as_deref());
    // Unsaved new plans belong to whoever starts a new plan next: offered when the plan being
    // opened has no file yet; otherwise the status line says they are there.
    if session.path.as_deref().is_some_and(Path::exists) {
        let new_plans = recovery::leftovers(&instance, None).len();
        if new_plans > 0 && session.welcome.is_none() {
            session.welcome = Some(format!(
                "{new_plans} unsaved new plan(s) from a rolescope that did not quit normally: `rolescope NEW.yaml` offers them back."
            ));
        }
    } else if session.path.is_some() {
        found.extend(recovery::leftovers(&instance, None));
        found.sort_by_key(|copy| std::cmp::Reverse(copy.written));
    }
    if !found.is_empty() {
        let choice = prompt::choose(
            &found,
            session.path.as_deref(),
            &mut std::io::stdin().lock(),
            &mut console::stdout_gated(),
        );
        match choice {
            prompt::Choice::Restore(i) => {
                let chosen = found.remove(i);
                match chosen.restore(&mut instance, session.path.as_deref()) {
                    Ok(plan) => session.on_disk = Some(std::mem::replace(&mut session.plan, plan)),
                    Err(e) => {
                        session.welcome = Some(format!(
                            "Could not restore the recovery copy: {}",
                            fsio::os_reason(&e)
                        ));
                    }
                }
            }
            prompt::Choice::DiscardAll => found.into_iter().for_each(Leftover::discard),
            prompt::Choice::Keep => {}
        }
    }
    session.recovery = Some(instance);
}

/// Runs the TUI until the user quits.
pub fn run(
    catalog: Arc<Catalog>,
    session: Session,
    config: &Config,
    data: Option<&DataDir>,
) -> anyhow::Result<()> {
    // Resolved by the caller: --theme, ROLESCOPE_THEME, NO_COLOR, then the config file.
    let theme = Theme::new(config.theme);
    let mut app = App::new(catalog, session.plan, session.path);
    app.saved_text = session.text;
    app.bindings = config.bindings.clone();
    if let Some(welcome) = session.welcome {
        app.status = welcome;
    }
    if let Some(on_disk) = session.on_disk {
        app.saved = on_disk;
        app.dirty = app.plan != app.saved;
        "Restored the unsaved changes; s saves them.".clone_into(&mut app.status);
    }
    let mut disk_time = session.disk_time;
    if let (Some(data), Some(path)) = (data, &app.path)
        && path.exists()
    {
        let _ = data.remember(path);
    }
    let mut guard = TerminalGuard::enter(config.mouse).context("cannot set up the terminal")?;
    let size = guard.terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));

    let fault = Fault::from_env();
    let mut recovery = Recovery {
        // Without a thread to write them there are no copies; the lock goes with the instance.
        writer: session.recovery.and_then(|i| Writer::start(i).ok()),
        written_revision: app.revision,
        last_write: None,
    };
    let mut worker: Option<Worker> = None;
    loop {
        guard
            .terminal
            .draw(|frame| view::draw(frame, &app, &theme))?;
        let event = match next_event(&app, &recovery, &mut worker)? {
            Next::Input(event) => event,
            Next::Idle => {
                recovery.write(&app);
                continue;
            }
            Next::Answer(action) => {
                update(&mut app, action);
                continue;
            }
        };
        if let Some(fault) = fault {
            fault.trigger(&event)?;
        }
        let action = match event {
            Event::Key(key) => action_for(&app, key),
            Event::Paste(text) => Some(Action::Paste(text)),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Mouse(m) => {
                let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
                mouse::action_for(&app, &view::layout(area, &app), m)
            }
            _ => None,
        };
        let Some(action) = action else { continue };
        let effect = update(&mut app, action);
        if effect == Effect::Rebalance {
            // A newer request replaces any older one, whose answer would be stale anyway.
            worker = Some(Worker::start(&app));
            continue;
        }
        if perform(&mut app, effect, &mut disk_time, data, &mut recovery) {
            break;
        }
        if app.quit {
            break;
        }
        if !app.dirty || recovery.due() {
            recovery.write(&app);
        }
    }
    if app.keep_recovery {
        // Ctrl-C twice: the unsaved work is written and kept for the next start.
        recovery.write(&app);
    }
    drop(guard);
    if let Some(writer) = recovery.writer {
        if app.keep_recovery {
            // Dropped without `finish`: what is pending is written and the copy stays.
            drop(writer);
        } else {
            // A normal quit comes after a save or a choice to discard: nothing to recover.
            writer.finish();
        }
    }
    Ok(())
}

/// Does the I/O an update asked for and reports back to the state; `true` to quit. Saving
/// as another file or exporting over one asks first (the update decides, from the answer).
fn perform(
    app: &mut App,
    effect: Effect,
    disk_time: &mut Option<SystemTime>,
    data: Option<&DataDir>,
    recovery: &mut Recovery,
) -> bool {
    match effect {
        Effect::None => {}
        Effect::Quit => return true,
        Effect::Save(path) => {
            let opened = app.path.as_deref().is_some_and(|p| same_file(p, &path));
            // Changed on disk, or made by someone else while this new plan was unsaved.
            if opened && modified(&path) != *disk_time {
                update(app, Action::SaveConflict(path));
            } else if !opened && std::fs::metadata(&path).is_ok() {
                update(app, Action::SaveWouldReplace(path));
            } else {
                save(app, path, disk_time, data, recovery);
            }
        }
        Effect::Overwrite(path) => {
            save(app, path, disk_time, data, recovery);
        }
        Effect::Rebalance => {
            // The loop starts a worker for it before `perform`; here only if called directly.
            let reply = super::update::proposal(app);
            update(app, reply);
        }
        Effect::ReadOffer(path) => {
            let result = fsio::read_text(&expand_home(&path)).map_err(|e| e.to_string());
            update(app, Action::OfferRead(result));
        }
        Effect::Export {
            path,
            format,
            subject,
            replace,
        } => {
            let target = expand_home(&path);
            if app.path.as_deref().is_some_and(|p| same_file(p, &target)) {
                let message = "That is the plan's own file; choose another path for the report.";
                update(app, Action::Exported(Err(message.to_owned())));
            } else if std::fs::metadata(&target).is_ok_and(|m| !m.is_file()) {
                // A pipe would block the view until someone reads it; a device is no report.
                let message = format!(
                    "{} is not a regular file; choose a file name for the report.",
                    target.display()
                );
                update(app, Action::Exported(Err(message)));
            } else if crate::plan::looks_like_plan(&target) {
                // A plan is someone's work; the command line refuses it without --force, and
                // the view has no --force.
                let message = format!(
                    "{} is a plan; choose another path for the report.",
                    target.display()
                );
                update(app, Action::Exported(Err(message)));
            } else if !replace && std::fs::metadata(&target).is_ok() {
                update(
                    app,
                    Action::ExportWouldReplace {
                        path,
                        format,
                        subject,
                    },
                );
            } else {
                let result = export(app, &target, format, subject);
                update(app, Action::Exported(result));
            }
        }
    }
    false
}

/// What the loop wakes up for.
enum Next {
    Input(Event),
    /// A recovery copy is due.
    Idle,
    /// The rebalance worker answered.
    Answer(Action),
}

/// How often the loop looks for the worker's answer while one is being computed (only then:
/// an idle view blocks on input and uses no CPU).
const WORKER_POLL: Duration = Duration::from_millis(20);

/// Blocks for the next event; while a recovery copy is due, waits only until it is; while the
/// rebalance is computed, wakes up to collect it.
fn next_event(
    app: &App,
    recovery: &Recovery,
    worker: &mut Option<Worker>,
) -> std::io::Result<Next> {
    if let Some(pending) = worker.as_ref() {
        loop {
            if let Some(answer) = pending.answer() {
                *worker = None;
                return Ok(Next::Answer(answer));
            }
            if event::poll(WORKER_POLL)? {
                return event::read().map(Next::Input);
            }
        }
    }
    next_input(app, recovery).map(|e| e.map_or(Next::Idle, Next::Input))
}

/// Blocks for the next input event; while a recovery copy is due, waits only until it is.
fn next_input(app: &App, recovery: &Recovery) -> std::io::Result<Option<Event>> {
    if app.dirty && recovery.pending(app) {
        let wait = recovery.until_due();
        if !event::poll(wait)? {
            return Ok(None);
        }
    }
    event::read().map(Some)
}

fn save(
    app: &mut App,
    path: PathBuf,
    disk_time: &mut Option<SystemTime>,
    data: Option<&DataDir>,
    recovery: &mut Recovery,
) {
    let base = app
        .saved_text
        .as_deref()
        .map(|text| (text, app.saved_plan()));
    let result = plan_text(&app.plan, base)
        .map_err(anyhow::Error::from)
        .and_then(|text| write_plan_text(&path, &text).map(|()| text))
        .map_err(|e| format!("{e:#}"));
    let result = result.map(|text| app.saved_text = Some(text));
    if result.is_ok() {
        *disk_time = modified(&path);
        if let Some(data) = data {
            let _ = data.remember(&path);
        }
        recovery.saved(app);
    }
    update(app, Action::Saved(result.map(|()| path)));
}

/// Writes the report the export overlay asked for; the path it wrote (absolute, so the status
/// line says exactly where), or the reason it could not.
fn export(
    app: &App,
    path: &Path,
    format: ReportFormat,
    subject: Subject,
) -> Result<PathBuf, String> {
    let file = app
        .path
        .as_ref()
        .map_or_else(|| "(unsaved plan)".to_owned(), |p| p.display().to_string());
    // Rendered whole before the file is touched: a report the library refuses (a job ad of
    // the team) leaves no empty file behind.
    let mut text = Vec::new();
    report::write(
        format,
        &app.catalog,
        &app.plan,
        &app.analysis,
        &file,
        subject,
        &mut text,
    )
    .map_err(|e| e.to_string())?;
    fsio::write_atomic(path, &text)
        .map_err(|e| format!("{}: {}", path.display(), fsio::os_reason(&e)))?;
    Ok(std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
}

/// Whether two paths name one file: by identity (a link, `./plan.yaml`), or by spelling when
/// either does not exist yet.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || same_file::is_same_file(a, b).unwrap_or(false)
}

/// `~/x` as the user means it; the shell is not there to expand it in a prompt.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_owned(),
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
