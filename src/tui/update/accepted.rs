//! The accepted findings in the findings pane: listing them under the active ones, and
//! withdrawing the `accept` entry behind one, so an exception is never only in the file.

use super::edit::{self, Touches};
use crate::analysis::accepting_entry;
use crate::tui::state::{App, Scope};

/// Shows or hides the accepted findings; shown, the first of them is highlighted, since the
/// user asked to see them and `w` then works at once.
pub(super) fn toggle(app: &mut App) {
    app.show_accepted = !app.show_accepted;
    if !app.show_accepted {
        app.selected.findings = app
            .selected
            .findings
            .min(app.visible_findings().len().saturating_sub(1));
        "Accepted findings hidden.".clone_into(&mut app.status);
        return;
    }
    let count = app.visible_accepted().len();
    app.status = match (count, app.scope) {
        (0, Scope::Team) => "The plan accepts no findings.".to_owned(),
        (0, Scope::Person) => match app.selected_person() {
            Some(p) => format!("No accepted findings for {}.", p.name),
            None => "No accepted findings.".to_owned(),
        },
        (1, _) => "1 accepted finding, listed after the others (w withdraws it).".to_owned(),
        _ => format!("{count} accepted findings, listed after the others (w withdraws one)."),
    };
    if count > 0 {
        app.selected.findings = app.visible_findings().len();
    }
}

/// Removes the `accept` entry behind the highlighted accepted finding (the one the analysis
/// applied, by [`accepting_entry`]) as one undoable change, then highlights the finding, which
/// is active again.
pub(super) fn withdraw(app: &mut App) -> Result<(), String> {
    let Some(accepted) = app.highlighted_accepted() else {
        return Err(if app.show_accepted {
            "Only an accepted finding (✓) can be withdrawn.".to_owned()
        } else {
            "Only an accepted finding can be withdrawn; A lists them.".to_owned()
        });
    };
    let finding = accepted.finding.clone();
    let person = finding.person_index;
    let list = match person {
        Some(i) => app.plan.people.get(i).map(|p| p.accept.as_slice()),
        None => Some(app.plan.accept.as_slice()),
    }
    .unwrap_or_default();
    let entry = accepting_entry(list, &finding)
        .ok_or_else(|| "No `accept` entry in the plan accepts this finding.".to_owned())?;
    // Findings of the same person (or the team) that this entry accepts too, and come back.
    let same_list = |f: &crate::finding::Finding| f.person_index == person;
    let silenced = app
        .analysis
        .accepted
        .iter()
        .filter(|a| same_list(&a.finding) && accepting_entry(list, &a.finding) == Some(entry))
        .count();
    edit::change(
        app,
        person.map_or(Touches::Plan, Touches::Person),
        |plan, catalog| edit::withdraw(plan, catalog, person, entry, silenced),
    )?;
    app.status = edit::hinted(&app.status, "u undoes it");
    if let Some(row) = app.visible_findings().iter().position(|f| **f == finding) {
        app.selected.findings = row;
    }
    Ok(())
}
