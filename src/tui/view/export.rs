//! The "Export a report" overlay: the formats in a row (the chosen one marked), what the
//! report is about, and the path it will be written to.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlay::{centered, popup, text_field};
use super::theme::Theme;
use crate::report::{ReportFormat, Subject};
use crate::tui::export::{ExportForm, format_name};
use crate::tui::state::App;
use crate::tui::text::fit;

pub fn render(frame: &mut Frame, area: Rect, app: &App, form: &ExportForm, theme: &Theme) {
    let rect = centered(area, 72, 9);
    let inner = popup(
        frame,
        rect,
        " Export a report · Enter: write · Esc: cancel ",
        theme,
    );
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
    let lines = vec![
        Line::from(formats),
        Line::from(vec![
            Span::styled("Report   ", theme.dim),
            Span::styled(fit(&subject, width.saturating_sub(16)), theme.text),
            Span::styled(" (↑/↓)", theme.dim),
        ]),
        Line::default(),
        // The path field, drawn over this row below.
        Line::default(),
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
    if inner.height > 3 {
        let row = Rect::new(inner.x, inner.y + 3, inner.width, 1);
        text_field(frame, row, "Path     ", &form.input, theme);
    }
}
