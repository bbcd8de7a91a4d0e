//! The catalog pane: every task grouped by role and category, or while filtered the matches
//! best first, with the tasks the selected person already has marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::tasks::owner_label;
use super::theme::Theme;
use super::{filter_title, pane, row_style};
use crate::analysis::hours_label;
use crate::catalog::Task;
use crate::tui::action::Action;
use crate::tui::keymap::{Context, keys_for};
use crate::tui::state::{App, Filtered, Focus};
use crate::tui::text::{cell, right, window_start};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Catalog && app.top_overlay().is_none();
    let visible = app.visible_catalog();
    let typing = app.typing == Some(Filtered::Catalog);
    let title = filter_title::title(
        "Catalog",
        visible.len(),
        app.catalog.tasks().len(),
        &app.filter,
        typing,
        keys_for(&app.bindings, Context::Catalog, &Action::FilterStart),
        area.width,
    );
    let block = pane(title, focused || typing, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if visible.is_empty() {
        super::hint(
            frame,
            inner,
            "No task matches the filter (Esc clears it).",
            theme,
        );
        return;
    }
    let person = app.selected_person();
    let assigned = |task: &Task| person.is_some_and(|p| p.has_task(&task.id));
    let lines = task_rows(
        app,
        visible,
        app.selected.catalog,
        focused,
        inner,
        assigned,
        theme,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The rows of `tasks` (catalog indices) that fit in `area`, scrolled so `selected` shows,
/// with `✓` where `marked` says. The catalog pane and the import's task picker both list tasks
/// this way, so a task reads the same in both.
pub(super) fn task_rows(
    app: &App,
    tasks: &[usize],
    selected: usize,
    focused: bool,
    area: Rect,
    marked: impl Fn(&Task) -> bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    tasks
        .iter()
        .enumerate()
        .skip(window_start(selected, height))
        .take(height)
        .map(|(row, &index)| {
            let task = &app.catalog.tasks()[index];
            let selected = row == selected;
            let style = row_style(selected, focused, theme);
            task_row(app, task, marked(task), selected, style, width, theme)
        })
        .collect()
}

/// One task as a list row: `✓` when `marked`, title, owner, default hours and, when wide,
/// category.
fn task_row(
    app: &App,
    task: &Task,
    marked: bool,
    selected: bool,
    style: Style,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let wide = width >= 70;
    let (mark_w, owner_w, hours_w) = (2, 7, 6);
    let category_w = if wide { width / 4 } else { 0 };
    let title_w = width.saturating_sub(mark_w + owner_w + hours_w + category_w + 3);
    let mut spans = vec![
        Span::styled(
            if marked { "✓ " } else { "  " },
            if selected { style } else { theme.good },
        ),
        Span::styled(cell(&task.title, title_w), style),
        Span::styled(" ", style),
        Span::styled(
            cell(&owner_label(&app.catalog, Some(&task.role)), owner_w),
            style,
        ),
        Span::styled(right(&hours_label(task.hours), hours_w), style),
    ];
    if wide {
        let category = app
            .catalog
            .category(&task.category)
            .map_or("", |c| c.title.as_str());
        spans.push(Span::styled(" ", style));
        spans.push(Span::styled(
            cell(category, category_w),
            if selected { style } else { theme.dim },
        ));
    }
    Line::from(spans)
}
