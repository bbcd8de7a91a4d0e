//! Findings for the selected person or the whole team, and the highlighted one's explanation
//! in full. Only the rows on screen are worded.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::{pane, row_style};
use crate::analysis::{explanation, message};
use crate::tui::state::{App, Focus, Scope};
use crate::tui::text::{fit, window_start};

pub fn render(frame: &mut Frame, list: Rect, detail: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Findings && app.top_overlay().is_none();
    let findings = app.visible_findings();
    let whose = match app.scope {
        Scope::Team => "team".to_owned(),
        Scope::Person => app
            .selected_person()
            .map_or_else(|| "nobody selected".to_owned(), |p| p.name.clone()),
    };
    let accepted = app.analysis.accepted.len();
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
    if findings.is_empty() {
        frame.render_widget(
            Paragraph::new("✓ Nothing to report.").style(theme.good),
            inner,
        );
    } else {
        let height = usize::from(inner.height);
        let width = usize::from(inner.width);
        let start = window_start(app.selected.findings, height);
        let lines: Vec<Line> = findings
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, f)| {
                let selected = i == app.selected.findings;
                let style = row_style(selected, focused, theme);
                let label = format!("{} {} ", f.severity.symbol(), f.rule);
                let who = match (app.scope, &f.person) {
                    (Scope::Team, Some(name)) => format!("{name}: "),
                    _ => String::new(),
                };
                let text = fit(
                    &format!("{who}{}", message(f, &app.catalog, &app.plan)),
                    width.saturating_sub(label.chars().count()),
                );
                Line::from(vec![
                    Span::styled(
                        label,
                        if selected {
                            style
                        } else {
                            theme.severity(f.severity)
                        },
                    ),
                    Span::styled(text, style),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    let block = pane(" Why ", false, theme);
    let inner = block.inner(detail);
    frame.render_widget(block, detail);
    let body = match app.highlighted_finding() {
        Some(f) => vec![
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
        None => vec![Line::from(Span::styled(
            "Findings appear here as you assign tasks: each says what does not fit and why.",
            theme.dim,
        ))],
    };
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: true }), inner);
}
