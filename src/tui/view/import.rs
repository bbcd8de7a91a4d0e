//! The "Import an offer" overlay: the text box of the first step, then the review of each
//! duty line with its task, owning role and confidence ("chosen" for a task the user picked),
//! and over the review, the picker of any catalog task for one line.
//!
//! ```text
//! ┌ Import an offer · Community Manager → Community Manager ──────────────────┐
//! │ Titled Community Manager, but 5 of the 7 duties that belong to one role…   │
//! │ 8 duty lines · 6 lines ignored (company text, requirements, benefits)       │
//! │   Duty line               → Task                              Role    Conf  │
//! │   Moderate our Discord…   → Moderate the member spaces day…   CM       82%  │
//! │ ✗ Free snacks             · dropped                                          │
//! │ ─────────────────────────────────────────────────────────────────────────── │
//! │ the highlighted line in full, and its task: option 1 of 5 (←/→)            │
//! └─────────────────────────────────────────────────────────────────────────────┘
//!
//! The picker, inside the review's frame in place of its body:
//!
//! ┌ Import an offer · Community Manager (m/f/d) → Community Manager ─────────────┐
//! │┌ Pick any task for this line · Enter: choose · Esc: back ───────────────────┐│
//! ││“Moderate our Discord server and welcome new members”                       ││
//! ││> memb                                                                      ││
//! ││39 of 96 tasks match · ✓ the line's task now                                ││
//! ││  Welcome new members personally and po… CM        2 h Onboarding and we…   ││
//! ││✓ Moderate the member spaces day to day… CM        5 h Guidelines and mo…   ││
//! │└────────────────────────────────────────────────────────────────────────────┘│
//! └──────────────────────────────────────────────────────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::catalog::task_rows;
use super::overlay::{centered, popup, text_field};
use super::tasks::owner_label;
use super::theme::Theme;
use crate::catalog::Task;
use crate::tui::import::{ImportStep, Review, ReviewLine, TaskPicker};
use crate::tui::input::TextInput;
use crate::tui::state::App;
use crate::tui::text::{cell, fit, plural, right, window_start};

pub fn render(frame: &mut Frame, area: Rect, app: &App, step: &ImportStep, theme: &Theme) {
    match step {
        ImportStep::Source { pasted, input, .. } => source(frame, area, pasted, input, theme),
        ImportStep::Review(review) => review_lines(frame, area, app, review, theme),
    }
}

fn source(frame: &mut Frame, area: Rect, pasted: &str, input: &TextInput, theme: &Theme) {
    let rect = centered(area, 76, 14);
    let inner = popup(
        frame,
        rect,
        " Import an offer · Enter: read · Esc: cancel ",
        theme,
    );
    let width = usize::from(inner.width);
    let pasted_lines: Vec<&str> = pasted.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut lines = vec![
        Line::from(Span::styled(
            fit(
                "Paste the offer: a whole posting, or just its duties.",
                width,
            ),
            theme.text,
        )),
        Line::from(Span::styled(
            fit("Or type the path of a text file and press Enter.", width),
            theme.text,
        )),
        Line::default(),
    ];
    let input_row = lines.len();
    // The text field, drawn over this row once the rest is down.
    lines.push(Line::default());
    lines.push(Line::default());
    if pasted_lines.is_empty() {
        lines.push(Line::from(Span::styled(
            fit("Nothing pasted yet.", width),
            theme.dim,
        )));
    } else {
        let n = pasted_lines.len();
        let plural = if n == 1 { "" } else { "s" };
        lines.push(Line::from(Span::styled(
            fit(
                &format!("{n} line{plural} so far · Enter on an empty line reads them"),
                width,
            ),
            theme.title,
        )));
        let room = usize::from(inner.height).saturating_sub(lines.len());
        for l in pasted_lines.iter().skip(n.saturating_sub(room)) {
            lines.push(Line::from(Span::styled(
                fit(&format!("  {}", l.trim()), width),
                theme.dim,
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let row = u16::try_from(input_row).unwrap_or(u16::MAX);
    if inner.height > row {
        let area = Rect::new(inner.x, inner.y + row, inner.width, 1);
        text_field(frame, area, "> ", input, theme);
    }
}

fn review_lines(frame: &mut Frame, area: Rect, app: &App, review: &Review, theme: &Theme) {
    // Leave the status line and the footer visible: they say what the last key did.
    let width = area.width.saturating_sub(2).min(120);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y.saturating_add(1).min(area.bottom()),
        width,
        area.height.saturating_sub(3),
    );
    // The review takes nearly the whole width: the column or two left on each side would show
    // slivers of the panes' borders beneath (`┌┌`, `└│`), so the whole band is blanked first.
    let band = Rect::new(area.x, rect.y, area.width, rect.height);
    frame.render_widget(ratatui::widgets::Clear, band);
    frame.render_widget(ratatui::widgets::Block::default().style(theme.base), band);
    let role = review.role.as_ref().map_or_else(
        || "no role in the title".to_owned(),
        |r| {
            r.role_ids()
                .map(|id| app.catalog.role(id).map_or(id, |role| role.title.as_str()))
                .collect::<Vec<_>>()
                .join(" + ")
        },
    );
    let title = match &review.title {
        Some(t) => format!(" Import an offer · {t} → {role} "),
        None => format!(" Import an offer · {role} "),
    };
    let inner = popup(frame, rect, &title, theme);
    // What the offer states besides duties (hours, schedule, pay, place), as `offer` says it,
    // on a line of its own above the counts when it states any.
    let facts = (!review.stated.is_empty()).then(|| review.stated.join(" · "));
    let [verdict, head, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(if facts.is_some() { 3 } else { 2 }),
        Constraint::Min(1),
        Constraint::Length(5),
    ])
    .areas(inner);
    let w = usize::from(inner.width);
    let matched = review
        .lines
        .iter()
        .filter(|l| l.mapping().is_some())
        .count();
    let dropped = review.lines.iter().filter(|l| l.dropped).count();
    let (duties, ignored) = (review.lines.len(), review.ignored.len());
    let mut counts = format!(
        "{duties} duty {}, {matched} mapped to tasks, {dropped} dropped · {ignored} {} ignored (not duties)",
        plural(duties, "line", "lines"),
        plural(ignored, "line", "lines"),
    );
    if dropped == 0 {
        counts = counts.replace(", 0 dropped", "");
    }
    frame.render_widget(
        Paragraph::new(Span::styled(review.verdict.clone(), theme.title)).wrap(Wrap { trim: true }),
        verdict,
    );
    frame.render_widget(
        Paragraph::new(
            facts
                .iter()
                .map(|f| Line::from(Span::styled(fit(f, w), theme.text)))
                .chain([
                    Line::from(Span::styled(fit(&counts, w), theme.dim)),
                    header_row(w, theme),
                ])
                .collect::<Vec<_>>(),
        ),
        head,
    );
    let rows = usize::from(list.height);
    let start = window_start(review.selected, rows);
    let lines: Vec<Line> = review
        .lines
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, l)| row(app, l, i == review.selected, w, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let [detail, target] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(detail);
    if let Some(line) = review.line() {
        details(frame, detail, app, line, theme);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&target_text(app, review), w), theme.dim)),
        target,
    );
    if let Some(picker) = &review.picker {
        task_picker(frame, inner, app, review.line(), picker, theme);
    }
}

/// In place of the review's body, inside its frame (so the offer stays named above it): the
/// duty line, the words typed so far, how many tasks match them, and the tasks, with `✓` on
/// the line's task now.
fn task_picker(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    line: Option<&ReviewLine>,
    picker: &TaskPicker,
    theme: &Theme,
) {
    let inner = popup(
        frame,
        area,
        " Pick any task for this line · Enter: choose · Esc: back ",
        theme,
    );
    let [duty, input, count, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let w = usize::from(inner.width);
    let text = line.map_or("", |l| l.text.as_str());
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&format!("“{text}”"), w), theme.title)),
        duty,
    );
    text_field(frame, input, "> ", &picker.filter, theme);
    let current = line.and_then(ReviewLine::mapping).map(|m| m.task.as_str());
    let current_shown = picker
        .visible
        .iter()
        .any(|&i| current == Some(app.catalog.tasks()[i].id.as_str()));
    let total = app.catalog.tasks().len();
    let mut counted = if picker.filter.is_empty() {
        format!("{total} tasks · type to narrow")
    } else {
        format!("{} of {total} tasks match", picker.visible.len())
    };
    if current_shown {
        counted.push_str(" · ✓ the line's task now");
    }
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&counted, w), theme.dim)),
        count,
    );
    if picker.visible.is_empty() {
        let none = format!(
            "No task matches “{}”; Backspace widens the search.",
            picker.filter.text()
        );
        super::hint(frame, list, &none, theme);
        return;
    }
    let marked = |task: &Task| current == Some(task.id.as_str());
    let lines = task_rows(
        app,
        &picker.visible,
        picker.selected,
        true,
        list,
        marked,
        theme,
    );
    frame.render_widget(Paragraph::new(lines), list);
}

/// Where the tasks will go: the selected person on Enter, a new one on `n`.
fn target_text(app: &App, review: &Review) -> String {
    let n = review.tasks().len();
    let (tasks, them) = if n == 1 {
        ("the task".to_owned(), "it")
    } else {
        (format!("the {n} tasks"), "them")
    };
    let new = review.title.as_deref().unwrap_or("Offer");
    match app.selected_person() {
        Some(p) => format!(
            "Enter adds {tasks} to {} · n adds {them} as a new person, {new}",
            p.name
        ),
        None => format!("Enter adds {tasks} as a new person, {new}"),
    }
}

/// The confidence column's width: room for "chosen".
const CONF_W: usize = 6;

/// Column widths: marker, duty line, arrow, task, role, confidence.
fn columns(width: usize) -> (usize, usize, usize) {
    let (role_w, conf_w) = (7, CONF_W);
    let rest = width.saturating_sub(2 + 3 + 1 + role_w + conf_w);
    let line_w = rest * 2 / 5;
    (line_w, rest - line_w, role_w)
}

fn header_row(width: usize, theme: &Theme) -> Line<'static> {
    let (line_w, task_w, role_w) = columns(width);
    Line::from(Span::styled(
        fit(
            &format!(
                "  {}   {} {}{}",
                cell("Duty line", line_w),
                cell("Task", task_w),
                cell("Role", role_w),
                right("Conf", CONF_W)
            ),
            width,
        ),
        theme.dim,
    ))
}

fn row<'a>(app: &App, l: &ReviewLine, selected: bool, width: usize, theme: &Theme) -> Line<'a> {
    let (line_w, task_w, role_w) = columns(width);
    let style = if selected { theme.selected } else { theme.text };
    let quiet = if selected { theme.selected } else { theme.dim };
    let mapping = l.mapping();
    let task = mapping.and_then(|m| app.catalog.task(&m.task));
    let (marker, arrow, task_text, task_style) = match (l.dropped, task) {
        (true, _) => ("✗ ", " · ", "dropped (d keeps it)".to_owned(), quiet),
        (false, Some(t)) => ("  ", " → ", t.title.to_string(), style),
        (false, None) if l.candidates.is_empty() => {
            ("? ", " · ", "no task fits (t picks any)".to_owned(), quiet)
        }
        (false, None) => ("? ", " · ", "no task (→ picks one)".to_owned(), quiet),
    };
    let owner = task.map_or_else(String::new, |t| owner_label(&app.catalog, Some(&t.role)));
    let confidence = match mapping {
        Some(_) if l.chosen() => "chosen".to_owned(),
        Some(m) => format!("{:.0}%", (m.confidence * 100.0).round()),
        None => String::new(),
    };
    let line_style = if l.dropped { quiet } else { style };
    Line::from(vec![
        Span::styled(marker, style),
        Span::styled(cell(&l.text, line_w), line_style),
        Span::styled(arrow, quiet),
        Span::styled(cell(&task_text, task_w), task_style),
        Span::styled(" ", style),
        Span::styled(cell(&owner, role_w), style),
        Span::styled(right(&confidence, CONF_W), style),
    ])
}

/// The highlighted line in full, and where its task stands among the alternatives.
fn details(frame: &mut Frame, area: Rect, app: &App, line: &ReviewLine, theme: &Theme) {
    let w = usize::from(area.width);
    let choice = match (line.dropped, line.mapping()) {
        (true, _) => "Dropped: adds no task and does not count in the verdict.".to_owned(),
        (false, Some(m)) => {
            let task = app.catalog.task(&m.task);
            let title = task.map_or(m.task.as_str(), |t| t.title.as_str());
            let owner = task.map_or("", |t| {
                t.role
                    .role()
                    .and_then(|id| app.catalog.role(id))
                    .map_or("shared", |r| r.title.as_str())
            });
            let by = if line.chosen() { ", chosen by you" } else { "" };
            format!(
                "Task {} of {} (←/→){by}: {title} ({owner}) · t: any task",
                line.choice.map_or(0, |c| c + 1),
                line.candidates.len()
            )
        }
        (false, None) if line.candidates.is_empty() => {
            "No catalog task comes close; t picks any task, d drops the line.".to_owned()
        }
        (false, None) => format!(
            "No task chosen; ←/→ picks one of {} close tasks, t any task.",
            line.candidates.len()
        ),
    };
    let mut text = vec![
        Line::from(Span::styled("─".repeat(w), theme.border)),
        Line::from(Span::styled(line.text.clone(), theme.text)),
    ];
    // Whose work the reader found the line to be, and the words that decided it.
    if let Some(r) = &line.reading {
        let whose = app
            .catalog
            .role(&r.class)
            .map_or(r.class.as_str(), |role| role.title.as_str());
        let whose = match r.class.as_str() {
            crate::offer::roles::NEITHER => "no role's work",
            crate::catalog::SHARED => "shared work",
            _ => whose,
        };
        text.push(Line::from(Span::styled(
            format!("Read as {whose}, {}", r.because()),
            theme.dim,
        )));
    }
    let [top, bottom] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), top);
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&choice, w), theme.title)),
        bottom,
    );
}
