//! The selected person's tasks: title, hours, owning role, and a marker on tasks a finding
//! concerns.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{pane, row_style};
use crate::analysis::hours_label;
use crate::catalog::{Catalog, Owner};
use crate::tui::state::{App, Focus};
use crate::tui::text::{cell, fit, initials, right, window_start};
use crate::tui::update::effective_hours;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Tasks && app.top_overlay().is_none();
    let Some(person) = app.selected_person() else {
        let block = pane(" Tasks ", focused, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        super::hint(frame, inner, "Select a person to see their tasks.", theme);
        return;
    };
    let index = app.selected.people;
    let hours = app.analysis.people.get(index).map_or(0.0, |s| s.hours);
    // The hours say more than the end of a long name, so the name is cut to leave them room.
    let head = " Tasks — ";
    let tail = format!(
        " ({} of {}) ",
        hours_label(hours),
        hours_label(person.capacity)
    );
    let room =
        usize::from(area.width.saturating_sub(2)).saturating_sub(head.width() + tail.width());
    let title = format!("{head}{}{tail}", fit(&person.name, room));
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if person.tasks.is_empty() {
        let hint = "No tasks. Pick one in the catalog (Tab to it, / to filter) and press Enter.";
        super::hint(frame, inner, hint, theme);
        return;
    }
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let start = window_start(app.selected.tasks, height);
    let (marker_w, hours_w, owner_w) = (2, 6, 7);
    let title_w = width.saturating_sub(marker_w + hours_w + owner_w + 2);
    let lines: Vec<Line> = person
        .tasks
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, a)| {
            let selected = i == app.selected.tasks;
            let style = row_style(selected, focused, theme);
            let task = app.catalog.task(&a.task);
            let worst = app
                .analysis
                .findings_for(index)
                .filter(|f| f.task.as_deref() == Some(&a.task))
                .map(|f| f.severity)
                .max();
            let marker = worst.map_or_else(
                || Span::styled("  ", style),
                |s| {
                    Span::styled(
                        format!("{} ", s.symbol()),
                        if selected { style } else { theme.severity(s) },
                    )
                },
            );
            let title = task.map_or_else(
                || format!("{} (unknown task)", a.task),
                |t| t.title.to_string(),
            );
            let note = if a.note.is_some() { " ✎" } else { "" };
            Line::from(vec![
                marker,
                Span::styled(cell(&format!("{title}{note}"), title_w), style),
                Span::styled(" ", style),
                Span::styled(
                    right(&hours_label(effective_hours(&app.catalog, a)), hours_w),
                    style,
                ),
                Span::styled(" ", style),
                Span::styled(
                    cell(&owner_label(&app.catalog, task.map(|t| &t.role)), owner_w),
                    style,
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "CM", "SMM", "shared", or "?" for an unknown task.
pub fn owner_label(catalog: &Catalog, owner: Option<&Owner>) -> String {
    match owner {
        Some(Owner::Shared) => "shared".to_owned(),
        Some(Owner::Role(id)) => catalog
            .role(id)
            .map_or_else(|| id.to_string(), |r| initials(&r.title)),
        None => "?".to_owned(),
    }
}
