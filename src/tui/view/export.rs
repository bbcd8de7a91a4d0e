//! The "Export a report" overlay: the formats in a row (the chosen one marked), what the
//! report is about, and the path it will be written to.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::overlay::{centered, popup, skip_columns};
use super::text::{cell, fit};
use super::theme::Theme;
use crate::report::{ReportFormat, Subject};
use crate::tui::export::{ExportForm, format_name};
use crate::tui::state::App;

pub fn render(frame: &mut Frame, area: Rect, app: &App, form: &ExportForm, theme: &Theme) {
    let rect = centered(area, 72, 9);
    let block = popup(" Export a report · Enter: write · Esc: cancel ", theme);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);

    let mut formats = vec![Span::styled("Format   ", theme.dim)];
    for f in ReportFormat::ALL {
        let chosen = f == form.format;
        let label = if chosen {
            format!("[{}]", format_name(f))
        } else {
            format!(" {} ", format_name(f))
        };
        formats.push(Span::styled(
            label,
            if chosen { theme.selected } else { theme.text },
        ));
        formats.push(Span::raw(" "));
    }
    formats.push(Span::styled("(tab)", theme.dim));

    let subject = match form.subject {
        Subject::Team => "Team review: workload, coverage and every finding".to_owned(),
        Subject::Person(i) => format!(
            "Role description of {}",
            app.plan.people.get(i).map_or("?", |p| p.name.as_str())
        ),
    };
    let field = width.saturating_sub(9);
    let cursor = form.input.display_cursor();
    let shift = cursor.saturating_sub(field.saturating_sub(1));
    let lines = vec![
        Line::from(formats),
        Line::from(vec![
            Span::styled("Report   ", theme.dim),
            Span::styled(fit(&subject, width.saturating_sub(16)), theme.text),
            Span::styled(" (↑/↓)", theme.dim),
        ]),
        Line::default(),
        Line::from(vec![
            Span::styled("Path     ", theme.dim),
            Span::styled(
                cell(&skip_columns(form.input.text(), shift), field),
                theme.selected_unfocused,
            ),
        ]),
        Line::default(),
        Line::from(Span::styled(
            fit(
                "Written atomically; an existing file there is replaced.",
                width,
            ),
            theme.dim,
        )),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    if inner.width > 9 && inner.height > 3 {
        let x = inner
            .x
            .saturating_add(9)
            .saturating_add(u16::try_from(cursor - shift).unwrap_or(0));
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y + 3,
        ));
    }
}
