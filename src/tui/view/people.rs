//! The people pane: name, role (or split), hours against capacity, and findings by severity.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{pane, row_style};
use crate::analysis::hours_label;
use crate::catalog::Catalog;
use crate::finding::Severity;
use crate::plan::RoleSpec;
use crate::tui::text::{cell, initials, right, window_start};

use crate::tui::state::{App, Focus};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::People && app.top_overlay().is_none();
    let title = format!(" People ({}) ", app.plan.people.len());
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.plan.people.is_empty() {
        let hint = "No one yet. Press a to add a person, or quit and open an example: rolescope examples/team-review.yaml";
        super::hint(frame, inner, hint, theme);
        return;
    }
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let start = window_start(app.selected.people, height);
    let shown: Vec<usize> = (start..app.plan.people.len()).take(height).collect();
    let roles: Vec<String> = shown
        .iter()
        .map(|&i| role_label(&app.catalog, &app.plan.people[i].role))
        .collect();
    // [worst] name | role | hours/capacity | [counts]: the name takes what the other columns
    // leave; a wide pane also shows the count of findings of each severity.
    let wide = width >= 40;
    let counts_w = if wide { 9 } else { 0 };
    let hours_w = 7;
    let role_w = roles
        .iter()
        .map(|r| r.width())
        .max()
        .unwrap_or(2)
        .clamp(2, width / 4);
    let name_w = width
        .saturating_sub(2 + role_w + hours_w + counts_w + 2)
        .max(4);
    let lines: Vec<Line> = shown
        .iter()
        .zip(&roles)
        .map(|(&i, role)| {
            let person = &app.plan.people[i];
            let hours_now = app.analysis.people.get(i).map_or(0.0, |s| s.hours);
            let selected = i == app.selected.people;
            let style = row_style(selected, focused, theme);
            let number = |h: f64| hours_label(h).trim_end_matches(" h").to_owned();
            let hours = format!("{}/{}", number(hours_now), number(person.capacity));
            let [e, w, n] = app.analysis.counts_for(i);
            let paint = |s: Severity| if selected { style } else { theme.severity(s) };
            let mut spans = vec![match worst(e, w, n) {
                Some(s) => Span::styled(format!("{} ", s.symbol()), paint(s)),
                None => Span::styled("  ", style),
            }];
            spans.extend([
                Span::styled(cell(&person.name, name_w), style),
                Span::styled(" ", style),
                Span::styled(cell(role, role_w), style),
                Span::styled(" ", style),
                Span::styled(right(&hours, hours_w), style),
            ]);
            if wide {
                spans.push(Span::styled(" ", style));
                spans.extend(
                    counts(e, w, n)
                        .into_iter()
                        .map(|(text, s)| Span::styled(text, paint(s))),
                );
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "CM", or "CM/SMM" for a hybrid (the split itself is in the role-mix legend).
pub fn role_label(catalog: &Catalog, role: &RoleSpec) -> String {
    let short = |id: &str| {
        catalog
            .role(id)
            .map_or_else(|| format!("{id}?"), |r| initials(&r.title))
    };
    role.role_ids().map(short).collect::<Vec<_>>().join("/")
}

/// "x1 !2 i1" — symbol and count for each severity present.
fn counts(errors: usize, warnings: usize, infos: usize) -> Vec<(String, Severity)> {
    [
        (errors, Severity::Error),
        (warnings, Severity::Warning),
        (infos, Severity::Info),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| (format!("{}{n} ", s.symbol()), s))
    .collect()
}

/// The worst severity present, if any.
fn worst(errors: usize, warnings: usize, infos: usize) -> Option<Severity> {
    if errors > 0 {
        Some(Severity::Error)
    } else if warnings > 0 {
        Some(Severity::Warning)
    } else if infos > 0 {
        Some(Severity::Info)
    } else {
        None
    }
}
