//! Findings for the selected person or the whole team, then (with `A`) their accepted ones,
//! dimmed with a ✓ and their reasons; and the highlighted one's explanation in full. Only the
//! rows on screen are worded.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::{pane, row_style};
use crate::analysis::{explanation, message};
use crate::finding::{Accepted, Finding};
use crate::tui::state::{App, Focus, Scope};
use crate::tui::text::{fit, window_start};

/// One row of the list: an active finding, or an accepted one with its reason.
enum Row<'a> {
    Active(&'a Finding),
    Accepted(&'a Accepted),
}

pub fn render(frame: &mut Frame, list: Rect, detail: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Findings && app.top_overlay().is_none();
    let findings = app.visible_findings();
    let whose = match app.scope {
        Scope::Team => "team".to_owned(),
        Scope::Person => app
            .selected_person()
            .map_or_else(|| "nobody selected".to_owned(), |p| p.name.clone()),
    };
    let accepted = app.accepted_in_scope().len();
    let title = format!(
        " Findings — {whose} ({}){} · t: {} ",
        findings.len(),
        if accepted > 0 {
            format!(", {accepted} accepted")
        } else {
            String::new()
        },
        if app.scope == Scope::Team {
            "person"
        } else {
            "team"
        }
    );
    let block = pane(
        fit(&title, usize::from(list.width).saturating_sub(2)),
        focused,
        theme,
    );
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let rows: Vec<Row> = findings
        .iter()
        .map(|f| Row::Active(f))
        .chain(app.visible_accepted().into_iter().map(Row::Accepted))
        .collect();
    if rows.is_empty() {
        let text = match accepted {
            0 => "✓ Nothing to report.".to_owned(),
            1 => "✓ Nothing to report (1 accepted; A lists it).".to_owned(),
            n => format!("✓ Nothing to report ({n} accepted; A lists them)."),
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.good)
                .wrap(Wrap { trim: true }),
            inner,
        );
    } else {
        let height = usize::from(inner.height);
        let start = window_start(app.selected.findings, height);
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, row)| {
                let selected = i == app.selected.findings;
                line(app, row, usize::from(inner.width), selected, focused, theme)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    why(frame, detail, app, theme);
}

/// The highlighted finding in full: what, why, and the key that acts on it.
fn why(frame: &mut Frame, detail: Rect, app: &App, theme: &Theme) {
    let block = pane(" Why ", false, theme);
    let inner = block.inner(detail);
    frame.render_widget(block, detail);
    let body = match (app.highlighted_finding(), app.highlighted_accepted()) {
        (Some(f), _) => vec![
            Line::from(Span::styled(
                format!("{} {} {}", f.severity.symbol(), f.severity, f.rule),
                theme.severity(f.severity),
            )),
            Line::from(Span::styled(
                message(f, &app.catalog, &app.plan),
                theme.title,
            )),
            Line::from(explanation(f, &app.catalog, &app.plan)),
            Line::from(Span::styled(
                "x: accept this finding with a reason",
                theme.dim,
            )),
        ],
        (None, Some(a)) => {
            let f = &a.finding;
            vec![
                // The reason first: it is what the row cuts short, and what a withdrawal loses.
                Line::from(Span::styled(
                    format!("✓ accepted: “{}”", a.reason),
                    theme.good,
                )),
                Line::from(Span::styled(
                    format!("{} {} {}", f.severity.symbol(), f.severity, f.rule),
                    theme.dim,
                )),
                Line::from(Span::styled(
                    message(f, &app.catalog, &app.plan),
                    theme.title,
                )),
                Line::from(Span::styled(
                    explanation(f, &app.catalog, &app.plan),
                    theme.dim,
                )),
                Line::from(Span::styled(
                    "w: withdraw the acceptance, so it is reported again",
                    theme.dim,
                )),
            ]
        }
        (None, None) => vec![Line::from(Span::styled(
            "Findings appear here as you assign tasks: each says what does not fit and why.",
            theme.dim,
        ))],
    };
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: true }), inner);
}

/// A row `width` cells wide: the severity's symbol and the rule, then whose and what; an
/// accepted row is dimmed, marked ✓ and leads with its reason, which is what it adds.
fn line<'a>(
    app: &App,
    row: &Row,
    width: usize,
    selected: bool,
    focused: bool,
    theme: &Theme,
) -> Line<'a> {
    let style = row_style(selected, focused, theme);
    let f = match row {
        Row::Active(f) => f,
        Row::Accepted(a) => &a.finding,
    };
    let who = match (app.scope, &f.person) {
        (Scope::Team, Some(name)) => format!("{name}: "),
        _ => String::new(),
    };
    let what = message(f, &app.catalog, &app.plan);
    let (label, text, label_style, text_style) = match row {
        Row::Active(_) => (
            format!("{} {} ", f.severity.symbol(), f.rule),
            format!("{who}{what}"),
            theme.severity(f.severity),
            style,
        ),
        Row::Accepted(a) => (
            format!("✓ {} ", f.rule),
            format!("{who}accepted: {} · {what}", a.reason),
            theme.dim,
            if selected { style } else { theme.dim },
        ),
    };
    let text = fit(&text, width.saturating_sub(label.chars().count()));
    Line::from(vec![
        Span::styled(label, if selected { style } else { label_style }),
        Span::styled(text, text_style),
    ])
}
