//! The "Export a report" overlay: the report formats in a row and the job ad's in the next
//! (the chosen one marked), what the report is about, and the path it will be written to; a
//! job ad that is not ready to post says so before it is written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlay::{centered, popup, text_field};
use super::theme::Theme;
use crate::report::{ReportFormat, Subject, not_ready};
use crate::tui::export::{ExportForm, format_name};
use crate::tui::state::App;
use crate::tui::text::fit;

pub fn render(frame: &mut Frame, area: Rect, app: &App, form: &ExportForm, theme: &Theme) {
    let rect = centered(area, 72, 10);
    let inner = popup(
        frame,
        rect,
        " Export a report · Enter: write · Esc: cancel ",
        theme,
    );
    let width = usize::from(inner.width);

    let (reports, ads): (Vec<ReportFormat>, Vec<ReportFormat>) =
        ReportFormat::ALL.iter().partition(|f| !f.is_posting());
    let mut report_row = choices("Format   ", &reports, form.format, theme);
    report_row.push(Span::styled("(tab)", theme.dim));
    let ad_row = choices("Job ad   ", &ads, form.format, theme);

    let subject = match form.subject {
        Subject::Team => "Team review: workload, coverage and every finding".to_owned(),
        Subject::Person(i) => {
            let name = app.plan.people.get(i).map_or("?", |p| p.name.as_str());
            if form.format.is_posting() {
                format!("Job ad for {name}: no hours, no internal sections")
            } else {
                format!("Role description of {name}")
            }
        }
    };
    // A job ad of a person whose duties still have errors: said before it is written.
    let not_ready = match form.subject {
        Subject::Person(i) if form.format.is_posting() => not_ready(&app.analysis, &app.plan, i),
        _ => None,
    };
    let notes = match &not_ready {
        Some(n) => [
            format!("⚠ Not ready to post: {}.", n.errors_and_rules()),
            "The ad will say so at its top: fix the plan first.".to_owned(),
        ]
        .map(|text| Line::from(Span::styled(fit(&text, width), theme.error))),
        None => [
            Line::from(Span::styled(
                fit("Written atomically; asks before it replaces a file.", width),
                theme.dim,
            )),
            Line::default(),
        ],
    };
    let mut lines = vec![
        Line::from(report_row),
        Line::from(ad_row),
        Line::from(vec![
            Span::styled("Report   ", theme.dim),
            Span::styled(fit(&subject, width.saturating_sub(16)), theme.text),
            Span::styled(" (↑/↓)", theme.dim),
        ]),
        Line::default(),
        // The path field, drawn over this row below.
        Line::default(),
        Line::default(),
    ];
    lines.extend(notes);
    frame.render_widget(Paragraph::new(lines), inner);
    if inner.height > 4 {
        let row = Rect::new(inner.x, inner.y + 4, inner.width, 1);
        text_field(frame, row, "Path     ", &form.input, theme);
    }
}

/// A row of formats after its label, the chosen one in brackets.
fn choices<'a>(
    label: &'a str,
    formats: &[ReportFormat],
    chosen: ReportFormat,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let mut row = vec![Span::styled(label, theme.dim)];
    for &f in formats {
        let is_chosen = f == chosen;
        let text = if is_chosen {
            format!("[{}]", format_name(f))
        } else {
            format!(" {} ", format_name(f))
        };
        row.push(Span::styled(
            text,
            if is_chosen {
                theme.selected
            } else {
                theme.text
            },
        ));
        row.push(Span::raw(" "));
    }
    row
}
