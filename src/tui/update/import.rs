//! The "Import an offer" overlay: gather the text, read it, let the user correct the mapped
//! duty lines, then add the tasks to a person as one undoable change.

use std::path::PathBuf;
use std::sync::Arc;

use super::edit::{self, Touches};
use super::field::edit_text;
use super::{Effect, moved, picker};
use crate::offer::{MatchingConfig, Reader};
use crate::tui::action::Action;
use crate::tui::import::{ImportStep, Review};
use crate::tui::state::{App, Focus, Overlay};

/// Opens the overlay at its first step.
pub fn open(app: &mut App) {
    app.overlays
        .push(Overlay::Import(Box::new(ImportStep::source())));
    "Paste the offer (or type a file's path and press Enter).".clone_into(&mut app.status);
}

/// Handles an action while the import overlay is on top.
pub fn handle(app: &mut App, action: Action) -> Effect {
    let page = app.page_size();
    let Some(Overlay::Import(step)) = app.overlays.last_mut() else {
        return Effect::None;
    };
    match step.as_mut() {
        ImportStep::Source {
            pasted,
            input,
            typed,
        } => match action {
            Action::Paste(text) => {
                // A pasted line without a break may be a path; anything longer is the offer.
                if pasted.is_empty() && !text.trim().contains(['\n', '\r']) {
                    input.insert_str(text.trim());
                } else {
                    append_line(pasted, &text);
                    *typed = false;
                }
            }
            Action::Submit => return submit_source(app),
            Action::Cancel => {
                app.overlays.pop();
            }
            other => {
                edit_text(input, &other);
            }
        },
        ImportStep::Review(review) if review.picker.is_some() => {
            return picker::handle(app, &action);
        }
        ImportStep::Review(review) => {
            let last = review.lines.len().saturating_sub(1);
            if let Some(to) = moved(&action, review.selected, last, page) {
                review.selected = to;
                return Effect::None;
            }
            match action {
                Action::NextChoice | Action::PrevChoice | Action::DropLine => {
                    correct(app, &action);
                }
                Action::PickTask => picker::open(app),
                Action::Submit => add_to_selected(app),
                Action::AddAsNewPerson => add_as_new_person(app),
                Action::Cancel => {
                    app.overlays.pop();
                    "Import cancelled; the plan is unchanged.".clone_into(&mut app.status);
                }
                _ => {}
            }
        }
    }
    Effect::None
}

/// The loop read the file the user named: review its text, or say why it could not.
pub fn offer_read(app: &mut App, result: Result<String, String>) -> Effect {
    let in_source = matches!(
        app.top_overlay(),
        Some(Overlay::Import(step)) if matches!(**step, ImportStep::Source { .. })
    );
    if in_source {
        match result {
            Ok(text) => review(app, &text, false),
            Err(e) => app.status = format!("Not read: {e}"),
        }
    }
    Effect::None
}

/// Adds `text` to the pasted text on a line of its own.
fn append_line(pasted: &mut String, text: &str) {
    if !pasted.is_empty() && !pasted.ends_with('\n') {
        pasted.push('\n');
    }
    pasted.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
}

/// Whether a line holds more than one sentence ("Hi! We're a coffee roaster…").
fn several_sentences(text: &str) -> bool {
    let t = text.trim();
    [". ", "! ", "? "].iter().any(|p| t.contains(p))
}

/// Whether a typed line names a file rather than being a duty: one word, or an explicit path.
fn looks_like_path(text: &str) -> bool {
    !text.contains(char::is_whitespace) || text.starts_with(['/', '~', '.'])
}

/// Enter in the first step: a typed path is read by the loop; a typed duty joins the pasted
/// text; Enter on an empty line reads what was pasted.
fn submit_source(app: &mut App) -> Effect {
    let Some(Overlay::Import(step)) = app.overlays.last_mut() else {
        return Effect::None;
    };
    let ImportStep::Source {
        pasted,
        input,
        typed: all_typed,
    } = step.as_mut()
    else {
        return Effect::None;
    };
    let typed = input.text().trim().to_owned();
    if !typed.is_empty() {
        if pasted.is_empty() && looks_like_path(&typed) {
            app.status = format!("Reading {typed}…");
            return Effect::ReadOffer(PathBuf::from(typed));
        }
        // Lines typed one duty at a time are each a duty; a line of several sentences is a
        // pasted paragraph (an e-mail), which the reader sorts out like any posting.
        if pasted.is_empty() {
            *all_typed = true;
        }
        if several_sentences(&typed) {
            *all_typed = false;
        }
        append_line(pasted, &typed);
        input.clear();
        "Line added; Enter on an empty line reads the offer.".clone_into(&mut app.status);
        return Effect::None;
    }
    if pasted.trim().is_empty() {
        "Paste the offer's text, or type a file's path.".clone_into(&mut app.status);
        return Effect::None;
    }
    let text = std::mem::take(pasted);
    let typed = std::mem::take(all_typed);
    review(app, &text, typed);
    Effect::None
}

/// The reader, built once: it indexes the whole catalog.
pub(super) fn reader(app: &mut App) -> Result<Arc<Reader>, String> {
    if let Some(r) = &app.reader {
        return Ok(Arc::clone(r));
    }
    let config = MatchingConfig::builtin().map_err(|e| e.to_string())?;
    let r = Arc::new(Reader::new(&app.catalog, config).map_err(|e| e.to_string())?);
    app.reader = Some(Arc::clone(&r));
    Ok(r)
}

/// Reads `text` (`typed`: one duty per line, typed by the user) and moves the overlay to the
/// review step.
fn review(app: &mut App, text: &str, typed: bool) {
    let reader = match reader(app) {
        Ok(r) => r,
        Err(e) => {
            app.status = format!("Cannot read offers: {e}");
            return;
        }
    };
    let review = Review::read(&reader, &app.catalog, text, typed);
    if review.lines.is_empty() {
        app.status = format!(
            "No duty lines found ({} lines ignored); paste the duties, one per line.",
            review.ignored.len()
        );
        if let Some(Overlay::Import(step)) = app.overlays.last_mut() {
            **step = ImportStep::source();
        }
        return;
    }
    let matched = review
        .lines
        .iter()
        .filter(|l| l.mapping().is_some())
        .count();
    let total = review.lines.len();
    app.status = format!(
        "{matched} of {total} duty {} matched a task; ←/→ picks another, t any task, d drops a line.",
        crate::tui::text::plural(total, "line", "lines")
    );
    if let Some(Overlay::Import(step)) = app.overlays.last_mut() {
        **step = ImportStep::Review(Box::new(review));
    }
}

/// Picks another task for the highlighted line, or drops it (or keeps it again).
fn correct(app: &mut App, action: &Action) {
    let Ok(reader) = reader(app) else { return };
    let catalog = Arc::clone(&app.catalog);
    let Some(review) = review_in(&mut app.overlays) else {
        return;
    };
    let at = review.selected;
    let Some(line) = review.lines.get_mut(at) else {
        return;
    };
    let status = if *action == Action::DropLine {
        line.dropped = !line.dropped;
        if line.dropped {
            "Line dropped: it adds no task (d keeps it again).".to_owned()
        } else {
            "Line kept.".to_owned()
        }
    } else {
        let delta = if *action == Action::NextChoice { 1 } else { -1 };
        if !line.cycle(delta) {
            "No catalog task comes close to this line; t picks any task, d drops it.".to_owned()
        } else if let Some(task) = line.mapping().and_then(|m| catalog.task(&m.task)) {
            format!("Mapped to “{}”.", task.title)
        } else {
            "No task for this line.".to_owned()
        }
    };
    review.rejudge(&reader, &catalog);
    app.status = status;
}

/// The review in the top overlay, to change, if the import overlay is at that step. It takes
/// the overlays rather than the app so the catalog can be read alongside.
pub(super) fn review_in(overlays: &mut [Overlay]) -> Option<&mut Review> {
    match overlays.last_mut() {
        Some(Overlay::Import(step)) => step.review_mut(),
        _ => None,
    }
}

/// The review being shown, if the import overlay is at that step.
fn current_review(app: &App) -> Option<&Review> {
    match app.top_overlay() {
        Some(Overlay::Import(step)) => step.review(),
        _ => None,
    }
}

/// Enter: the tasks go to the selected person, or to a new one when there is nobody yet.
fn add_to_selected(app: &mut App) {
    let Some(person) = app.selected_person_index() else {
        add_as_new_person(app);
        return;
    };
    let Some(tasks) = current_review(app).map(Review::tasks) else {
        return;
    };
    if tasks.is_empty() {
        "No duty line is mapped to a task; nothing to add.".clone_into(&mut app.status);
        return;
    }
    let outcome = edit::change(app, Touches::Person(person), |plan, cat| {
        edit::add_tasks(plan, cat, person, &tasks)
    });
    finish(app, person, outcome);
}

/// `n`: a new person named after the offer's title, in the role the title names (or the role
/// the duties fit best), with the mapped tasks, as one change.
fn add_as_new_person(app: &mut App) {
    let Some(review) = current_review(app) else {
        return;
    };
    let tasks = review.tasks();
    if tasks.is_empty() {
        "No duty line is mapped to a task; nothing to add.".clone_into(&mut app.status);
        return;
    }
    let role = review.new_person_role(&app.catalog);
    // The title is the offer's text: cleaned of control characters, as a name must be.
    let base = review
        .title
        .as_deref()
        .map(crate::safe_text::cleaned_name)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Offer".to_owned());
    let name = edit::unique_name(&app.plan, &base);
    let hours = review.hours_per_week;
    let outcome = edit::change(app, Touches::Plan, |plan, cat| {
        edit::add_person_with(plan, &name, role)?;
        let index = plan.people.len() - 1;
        // The offer's own hours, when it states them, are the week the person has.
        if let Some(h) = hours {
            plan.people[index].capacity = h;
        }
        edit::add_tasks(plan, cat, index, &tasks)
    });
    let index = app.plan.people.len().saturating_sub(1);
    finish(app, index, outcome);
}

/// After adding: close the overlay and show the person's tasks; on a refusal, say why.
fn finish(app: &mut App, person: usize, outcome: Result<(), String>) {
    match outcome {
        Ok(()) => {
            app.status = edit::hinted(&app.status, "u undoes it");
            app.overlays.pop();
            app.show_person(person);
            app.selected.tasks = 0;
            app.selected.findings = 0;
            app.focus = Focus::Tasks;
            app.clamp();
        }
        Err(e) => app.status = e,
    }
}
