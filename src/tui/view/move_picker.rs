//! The person picker of a task move: the task on the title, the typed name, then the people
//! that match with their role and hours, so the choice can weigh who has room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlay::{centered, popup};
use super::theme::Theme;
use crate::analysis::hours_label;
use crate::tui::mover::MovePicker;
use crate::tui::state::App;
use crate::tui::text::{cell, fit, window_start};

pub fn render(frame: &mut Frame, area: Rect, app: &App, picker: &MovePicker, theme: &Theme) {
    let candidates = picker.candidates();
    let task = app.plan.people[picker.from]
        .tasks
        .get(picker.task)
        .map_or("", |a| {
            app.catalog
                .task(&a.task)
                .map_or(a.task.as_str(), |t| t.title.as_str())
        });
    let height = u16::try_from(candidates.len() + 4)
        .unwrap_or(u16::MAX)
        .clamp(6, area.height.max(6));
    let rect = centered(area, 72, height);
    let title = format!(" Move “{}” to · Enter: move · Esc: cancel ", fit(task, 30));
    let inner = popup(frame, rect, &title, theme);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::from(vec![
        Span::styled("Name: ", theme.dim),
        Span::styled(picker.filter.text().to_owned(), theme.text),
        Span::styled("▏", theme.dim),
    ])];
    let rows = usize::from(inner.height).saturating_sub(1);
    if candidates.is_empty() {
        lines.push(Line::from(Span::styled(
            "No one matches; Backspace to widen.",
            theme.dim,
        )));
    }
    let start = window_start(picker.selected, rows);
    for (row, &i) in candidates.iter().enumerate().skip(start).take(rows) {
        let person = &app.plan.people[i];
        let summary = app.analysis.people.get(i);
        let load = summary.map_or_else(String::new, |s| {
            format!(
                "{} / {}",
                hours_label(s.hours),
                hours_label(person.capacity)
            )
        });
        let role = crate::report::model::role_label(&app.catalog, &person.role);
        let name_w = width.saturating_sub(34).max(8);
        let label = format!(
            "{} {} {}",
            cell(&person.name, name_w),
            cell(&role, 16),
            cell(&load, 15)
        );
        let style = if row == picker.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::from(Span::styled(cell(&label, width), style)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
