//! The "Export a report" overlay: pick the format (a report, or a job ad) and the subject,
//! edit the path, and ask the loop to write it; the loop's answer ([`Action::Exported`]) says
//! where, or why not, and whether the job ad is not ready to post.

use std::path::{Path, PathBuf};

use super::Effect;
use super::field::edit_text;
use crate::plan::Plan;
use crate::report::{ReportFormat, Subject, not_ready};
use crate::tui::action::Action;
use crate::tui::export::{ExportForm, default_path, document_name, report_format, retarget};
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
            let step = |at: usize| {
                if *action == Action::NextChoice {
                    (at + 1) % all.len()
                } else {
                    (at + all.len() - 1) % all.len()
                }
            };
            let mut next = step(all.iter().position(|f| *f == form.format).unwrap_or(0));
            let mut subject = form.subject;
            if all[next].is_posting() && subject == Subject::Team {
                // A job ad is about one person: the highlighted one, else none is offered.
                if let Some(i) = selected {
                    subject = Subject::Person(i);
                } else {
                    while all[next].is_posting() {
                        next = step(next);
                    }
                    "Add a person first (a) for a job ad.".clone_into(&mut app.status);
                }
            }
            choose(form, plan_path.as_deref(), &app.plan, all[next], subject);
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
            // The team has no job ad: its review in the same markup instead.
            let format = if subject == Subject::Team {
                report_format(form.format)
            } else {
                form.format
            };
            choose(form, plan_path.as_deref(), &app.plan, format, subject);
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
            app.status = format!("Writing {}…", document_name(form.format));
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

/// Moves the form to `format` about `subject`. The path follows: the new default name when it
/// was the default, else the path as typed with only a report extension changed.
fn choose(
    form: &mut ExportForm,
    plan_path: Option<&Path>,
    plan: &Plan,
    format: ReportFormat,
    subject: Subject,
) {
    let default = |subject, format| {
        default_path(plan_path, plan, subject, format)
            .display()
            .to_string()
    };
    let text = if form.input.text() == default(form.subject, form.format) {
        default(subject, format)
    } else {
        retarget(form.input.text(), format)
    };
    if text != form.input.text() {
        form.input = TextInput::with_text(text);
    }
    form.format = format;
    form.subject = subject;
}

/// The loop wrote the report (the overlay closes) or could not (it stays, to fix the path).
pub fn exported(app: &mut App, result: Result<PathBuf, String>) -> Effect {
    let format = match app.top_overlay() {
        Some(Overlay::Export(form)) => Some(form.format),
        _ => None,
    };
    let subject = match app.top_overlay() {
        Some(Overlay::Export(form)) => Some(form.subject),
        _ => None,
    };
    match result {
        Ok(path) => {
            if format.is_some() {
                app.overlays.pop();
            }
            let what = format.map_or_else(|| "the report".to_owned(), document_name);
            app.status = format!("Wrote {what} to {}.", path.display());
            // A job ad of a person whose duties still have errors: said first, as on the
            // command line, so nobody posts it unread.
            if let (Some(f), Some(Subject::Person(i))) = (format, subject)
                && f.is_posting()
                && let Some(not_ready) = not_ready(&app.analysis, &app.plan, i)
            {
                app.status = format!(
                    "⚠ Not ready to post: {}. Wrote {what} to {}, with the warning at its top.",
                    not_ready.summary(),
                    path.display()
                );
            }
        }
        Err(e) => app.status = format!("Report not written: {e}"),
    }
    Effect::None
}
