//! The people pane: name, role (or split), hours against capacity, and findings by severity;
//! while the people filter is set, only the people whose names match, best match first.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{filter_title, pane, row_style};
use crate::analysis::hours_label;
use crate::catalog::Catalog;
use crate::finding::Severity;
use crate::plan::RoleSpec;
use crate::tui::action::Action;
use crate::tui::keymap::{Context, keys_for};
use crate::tui::state::{App, Filtered, Focus};
use crate::tui::text::{cell, fit, fit_middle, initials, right, window_start};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::People && app.top_overlay().is_none();
    let typing = app.typing == Some(Filtered::People);
    let visible = app.visible_people();
    let title = filter_title::title(
        "People",
        visible.len(),
        app.plan.people.len(),
        &app.people_filter,
        typing,
        keys_for(&app.bindings, Context::People, &Action::PeopleFilterStart),
        area.width,
    );
    let block = pane(title, focused || typing, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.plan.people.is_empty() {
        let hint = "No one yet. Press a to add a person, or quit and open an example: rolescope examples/team-review.yaml";
        super::hint(frame, inner, hint, theme);
        return;
    }
    if visible.is_empty() {
        let context = if typing {
            Context::Filter
        } else {
            Context::People
        };
        let hint = match keys_for(&app.bindings, context, &Action::FilterClear) {
            Some(keys) => format!("No one's name matches the filter ({keys} clears it)."),
            None => "No one's name matches the filter.".to_owned(),
        };
        super::hint(frame, inner, &hint, theme);
        return;
    }
    let height = usize::from(inner.height);
    let start = window_start(app.selected_row(Focus::People), height);
    let rows: Vec<Row> = visible
        .iter()
        .skip(start)
        .take(height)
        .map(|&i| Row::of(app, i))
        .collect();
    let columns = Columns::fit(&rows, usize::from(inner.width));
    let names = shown_names(&rows, columns.name);
    let selected = app.selected_person_index();
    let lines: Vec<Line> = rows
        .iter()
        .zip(&names)
        .map(|(row, name)| {
            let style = row_style(Some(row.index) == selected, focused, theme);
            row.line(name, &columns, Some(row.index) == selected, style, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One person as the pane shows them, before the columns are sized.
struct Row<'a> {
    /// Plan index.
    index: usize,
    name: &'a str,
    role: String,
    hours: String,
    /// Errors, warnings and infos about them.
    counts: [usize; 3],
}

impl<'a> Row<'a> {
    fn of(app: &'a App, index: usize) -> Row<'a> {
        let person = &app.plan.people[index];
        let hours_now = app.analysis.people.get(index).map_or(0.0, |s| s.hours);
        let number = |h: f64| hours_label(h).trim_end_matches(" h").to_owned();
        Row {
            index,
            name: &person.name,
            role: role_label(&app.catalog, &person.role),
            hours: format!("{}/{}", number(hours_now), number(person.capacity)),
            counts: app.analysis.counts_for(index),
        }
    }

    /// `[worst] name role hours/capacity [counts]`, each column at its width, with the name
    /// as [`shown_names`] fitted it.
    fn line(
        &self,
        name: &str,
        columns: &Columns,
        selected: bool,
        style: Style,
        theme: &Theme,
    ) -> Line<'static> {
        let [e, w, n] = self.counts;
        let paint = |s: Severity| if selected { style } else { theme.severity(s) };
        let mut spans = vec![match worst(e, w, n) {
            Some(s) => Span::styled(format!("{} ", s.symbol()), paint(s)),
            None => Span::styled("  ", style),
        }];
        spans.extend([
            Span::styled(cell(name, columns.name), style),
            Span::styled(" ", style),
            Span::styled(cell(&self.role, columns.role), style),
            Span::styled(" ", style),
            Span::styled(right(&self.hours, columns.hours), style),
        ]);
        if columns.counts > 0 {
            spans.push(Span::styled(" ", style));
            let shown = counts(e, w, n);
            let used: usize = shown.iter().map(|(t, _)| t.width()).sum();
            spans.extend(
                shown
                    .into_iter()
                    .map(|(text, s)| Span::styled(text, paint(s))),
            );
            spans.push(Span::styled(" ".repeat(columns.counts - used), style));
        }
        Line::from(spans)
    }
}

/// The rows' names fitted to `width` columns: cut at their end, as text usually is, except
/// where two rows on screen would then read the same (a family's names, a numbered list of one
/// name in a large plan), which are cut in their middle instead, so what tells them apart
/// shows.
fn shown_names(rows: &[Row], width: usize) -> Vec<String> {
    let cut: Vec<String> = rows.iter().map(|r| fit(r.name, width)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for name in &cut {
        *seen.entry(name.as_str()).or_default() += 1;
    }
    rows.iter()
        .zip(&cut)
        .map(|(row, name)| {
            if seen[name.as_str()] > 1 {
                fit_middle(row.name, width)
            } else {
                name.clone()
            }
        })
        .collect()
}

/// Column widths: the role, hours and counts take what the rows on screen need, and the name
/// takes the rest, so a pane of long names (or of numbered ones, at scale) shows all it can.
struct Columns {
    name: usize,
    role: usize,
    hours: usize,
    /// 0: no column (a narrow pane, or no findings on screen).
    counts: usize,
}

impl Columns {
    fn fit(rows: &[Row], width: usize) -> Columns {
        let widest = |w: &dyn Fn(&Row) -> usize| rows.iter().map(w).max().unwrap_or(0);
        let role = widest(&|r| r.role.width()).clamp(2, width / 4);
        let hours = widest(&|r| r.hours.width());
        // The counts are a wide pane's extra; a narrow one gives their room to the name.
        let counts = if width >= 40 {
            widest(&|r| {
                let [e, w, n] = r.counts;
                counts(e, w, n).iter().map(|(t, _)| t.width()).sum()
            })
        } else {
            0
        };
        let separators = 2 + usize::from(counts > 0);
        let name = width
            .saturating_sub(2 + role + hours + counts + separators)
            .max(4);
        Columns {
            name,
            role,
            hours,
            counts,
        }
    }
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

/// "x1 !2 i1" — symbol and count for each severity present, a space between them.
fn counts(errors: usize, warnings: usize, infos: usize) -> Vec<(String, Severity)> {
    let present: Vec<(usize, Severity)> = [
        (errors, Severity::Error),
        (warnings, Severity::Warning),
        (infos, Severity::Info),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .collect();
    let last = present.len().saturating_sub(1);
    present
        .into_iter()
        .enumerate()
        .map(|(at, (n, s))| {
            let gap = if at < last { " " } else { "" };
            (format!("{}{n}{gap}", s.symbol()), s)
        })
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
