//! The team coverage view: each hired role's core categories × people, showing who covers what
//! and every gap (a key away from the task panes, `v`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane;
use super::theme::Theme;
use crate::tui::state::App;
use crate::tui::text::{cell, window_start};

const COLUMN: usize = 6;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = &app.analysis.coverage.rows;
    let gaps = rows.iter().filter(|r| r.covered_by.is_empty()).count();
    let title = format!(
        " Coverage of core work · {gaps} gap{} · v: back to tasks ",
        if gaps == 1 { "" } else { "s" }
    );
    let block = pane(title, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if rows.is_empty() {
        super::hint(
            frame,
            inner,
            "Nobody holds a known role yet, so there is no core work to cover.",
            theme,
        );
        return;
    }
    let width = usize::from(inner.width);
    let status_w = 8;
    let people = &app.plan.people;
    // Category names get what the people columns leave, between 16 and 40 columns.
    let columns = (width.saturating_sub(16 + status_w) / COLUMN).clamp(1, people.len().max(1));
    let label_w = width
        .saturating_sub(status_w + columns * COLUMN)
        .clamp(12, 40);
    let first = window_start(app.selected.people, columns);
    let shown: Vec<usize> = (first..people.len()).take(columns).collect();

    let mut header = vec![
        Span::styled(cell("core work \\ people", label_w), theme.dim),
        Span::raw(cell("", status_w)),
    ];
    for &i in &shown {
        let style = if i == app.selected.people {
            theme.selected_unfocused
        } else {
            theme.title
        };
        let first = people[i].name.split_whitespace().next().unwrap_or_default();
        header.push(Span::styled(cell(first, COLUMN - 1), style));
        header.push(Span::raw(" "));
    }
    let mut lines = vec![Line::from(header)];
    let mut role = "";
    for row in rows {
        if row.role != role {
            role = &row.role;
            let title = app.catalog.role(role).map_or(role, |r| r.title.as_str());
            lines.push(Line::from(Span::styled(title.to_owned(), theme.title)));
        }
        let name = app
            .catalog
            .category(&row.category)
            .map_or(row.category.as_str(), |c| c.title.as_str());
        let (status, style) = if row.covered_by.is_empty() {
            ("✗ gap".to_owned(), theme.warning)
        } else {
            (format!("✓ {}", row.covered_by.len()), theme.good)
        };
        let mut spans = vec![
            Span::raw(cell(&format!(" {name}"), label_w)),
            Span::styled(cell(&status, status_w), style),
        ];
        for &i in &shown {
            let (mark, style) = if row.covered_by.contains(&i) {
                ("✓", theme.good)
            } else {
                ("·", theme.dim)
            };
            spans.push(Span::styled(cell(&format!("  {mark}"), COLUMN), style));
        }
        lines.push(Line::from(spans));
    }
    if people.len() > shown.len() {
        lines.push(Line::from(Span::styled(
            format!(
                "showing {} of {} people around the selected one",
                shown.len(),
                people.len()
            ),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
