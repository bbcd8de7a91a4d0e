//! The "Export a report" overlay: pick the format and the subject, edit the path, and ask the
//! loop to write it; the loop's answer ([`Action::Exported`]) says where, or why not.

use std::path::PathBuf;

use super::Effect;
use super::field::edit_text;
use crate::report::{ReportFormat, Subject};
use crate::tui::action::Action;
use crate::tui::export::{ExportForm, default_path, format_name, retarget};
use crate::tui::input::TextInput;
use crate::tui::state::{App, Overlay};

/// Opens the overlay: Markdown, the whole team (or the only person), beside the plan.
pub fn open(app: &mut App) {
    let format = ReportFormat::Markdown;
    let subject = if app.plan.people.len() == 1 {
        Subject::Person(0)
    } else {
        Subject::Team
    };
    let path = default_path(app.path.as_deref(), &app.plan, subject, format);
    app.overlays.push(Overlay::Export(ExportForm {
        format,
        subject,
        input: TextInput::with_text(path.display().to_string()),
    }));
}

/// Handles an action while the export overlay is on top.
pub fn handle(app: &mut App, action: &Action) -> Effect {
    let selected = app.selected_person_index();
    let plan_path = app.path.clone();
    let Some(Overlay::Export(form)) = app.overlays.last_mut() else {
        return Effect::None;
    };
    if edit_text(&mut form.input, action) {
        return Effect::None;
    }
    match action {
        Action::NextChoice | Action::PrevChoice => {
            let all = ReportFormat::ALL;
            let at = all.iter().position(|f| *f == form.format).unwrap_or(0);
            let next = if *action == Action::NextChoice {
                (at + 1) % all.len()
            } else {
                (at + all.len() - 1) % all.len()
            };
            form.format = all[next];
            form.input = TextInput::with_text(retarget(form.input.text(), form.format));
        }
        Action::Up | Action::Down => {
            let subject = match (form.subject, selected) {
                (Subject::Team, Some(i)) => Subject::Person(i),
                (Subject::Team, None) => {
                    "Add a person first (a) for a role description.".clone_into(&mut app.status);
                    Subject::Team
                }
                (Subject::Person(_), _) => Subject::Team,
            };
            // The default name follows the subject; a path the user typed stays as typed.
            let default =
                |subject| default_path(plan_path.as_deref(), &app.plan, subject, form.format);
            if form.input.text() == default(form.subject).display().to_string() {
                form.input = TextInput::with_text(default(subject).display().to_string());
            }
            form.subject = subject;
        }
        Action::Submit => {
            let path = form.input.text().trim().to_owned();
            if path.is_empty() {
                "Type a path to write the report to.".clone_into(&mut app.status);
                return Effect::None;
            }
            if plan_path.as_deref() == Some(std::path::Path::new(&path)) {
                "That is the plan's own file; choose another path for the report."
                    .clone_into(&mut app.status);
                return Effect::None;
            }
            app.status = format!("Writing the {} report…", format_name(form.format));
            return Effect::Export {
                path: PathBuf::from(path),
                format: form.format,
                subject: form.subject,
                replace: false,
            };
        }
        Action::Cancel => {
            app.overlays.pop();
        }
        _ => {}
    }
    Effect::None
}

/// The loop wrote the report (the overlay closes) or could not (it stays, to fix the path).
pub fn exported(app: &mut App, result: Result<PathBuf, String>) -> Effect {
    let format = match app.top_overlay() {
        Some(Overlay::Export(form)) => Some(form.format),
        _ => None,
    };
    match result {
        Ok(path) => {
            if format.is_some() {
                app.overlays.pop();
            }
            let what = format.map_or("report", format_name);
            app.status = format!("Wrote the {what} report to {}.", path.display());
        }
        Err(e) => app.status = format!("Report not written: {e}"),
    }
    Effect::None
}
