//! The view: draws the [`App`] and nothing else. It reads state, never changes it, and builds
//! only the rows that fit on screen.
//!
//! ```text
//! ┌ header: plan name, file, unsaved marker, finding counts ──────────────────────┐
//! │ People          │ Tasks of the selected person                                │
//! │ name role h/cap │ ─────────────────────────────────────────────────────────── │
//! │ x1 !2 i0        │ Catalog (filter with /), or the coverage view (v)           │
//! │ role mix: ██████████▓▓▓▓░░ │ limit   legend · best fit                        │
//! │ Findings (person or team)        │ Explanation of the highlighted finding      │
//! │ status line                                                                    │
//! │ footer: the keys that work here                                               │
//! ```

mod catalog;
mod coverage;
mod export;
mod filter_title;
mod findings;
mod fixes;
mod footer;
mod header;
mod import;
mod mix;
mod move_picker;
mod overlay;
mod people;
mod tasks;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub use theme::{Theme, ThemeName};

use super::action::Action;
use super::keymap::{Context, keys_for};
use super::state::{App, Focus};

/// The smallest size the panes are drawn at, and the test, kept with the state (whose `update`
/// needs them too) and named here for the view's users.
pub use super::state::{MIN_HEIGHT, MIN_WIDTH, too_small};

/// Where each region of the screen is, for drawing and for mouse hit-testing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    pub people: Rect,
    /// The tasks pane (zero-sized while the coverage view is shown).
    pub tasks: Rect,
    /// The catalog pane (zero-sized while the coverage view is shown).
    pub catalog: Rect,
    /// The coverage view (zero-sized unless it is shown).
    pub coverage: Rect,
    pub mix: Rect,
    pub findings: Rect,
    pub explanation: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Regions {
    /// The pane a list region belongs to, with its inner rows (inside the border).
    pub fn panes(&self) -> [(Focus, Rect); 4] {
        [
            (Focus::People, self.people),
            (Focus::Tasks, self.tasks),
            (Focus::Catalog, self.catalog),
            (Focus::Findings, self.findings),
        ]
    }
}

/// Splits the screen; used by [`draw`] and by mouse hit-testing, so both agree.
pub fn layout(area: Rect, app: &App) -> Regions {
    if too_small(area) {
        return Regions::default();
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [top, mix, bottom] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(2),
        Constraint::Length(findings_height(body.height, app)),
    ])
    .areas(body);
    let people_width = (top.width * 36 / 100).clamp(28, 60);
    let [people, right] =
        Layout::horizontal([Constraint::Length(people_width), Constraint::Min(0)]).areas(top);
    let (tasks, catalog, coverage) = if app.coverage {
        (Rect::default(), Rect::default(), right)
    } else {
        let [tasks, catalog] = Layout::vertical([
            Constraint::Length(tasks_height(right.height, app)),
            Constraint::Min(0),
        ])
        .areas(right);
        (tasks, catalog, Rect::default())
    };
    let [findings, explanation] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    Regions {
        header,
        people,
        tasks,
        catalog,
        coverage,
        mix,
        findings,
        explanation,
        status,
        footer,
    }
}

/// Rows the findings and explanation panes get: what they hold (the findings listed, or the
/// explanation's few lines, whichever is more; three lines of guidance when there is nothing to
/// report), at most two fifths of the body, so an empty list does not take the room
/// the tasks and the catalog can use, and a long one does not crowd them out.
fn findings_height(body: u16, app: &App) -> u16 {
    /// Lines a finding's explanation takes at common widths (message, why, what to do, the
    /// accept hint).
    const EXPLANATION: usize = 7;
    let listed = app.visible_findings_count() + app.visible_accepted().len();
    let content = if listed == 0 {
        3
    } else {
        listed.max(EXPLANATION)
    };
    let want = u16::try_from(content + 2).unwrap_or(u16::MAX);
    want.clamp(5, (body * 2 / 5).max(5))
}

/// Rows the tasks pane gets above the catalog: the person's tasks (at least a few rows, so
/// adding one shows where it went), at most three fifths of the column, the catalog the rest.
fn tasks_height(column: u16, app: &App) -> u16 {
    let tasks = app.selected_person().map_or(0, |p| p.tasks.len());
    let want = u16::try_from(tasks.max(3) + 2).unwrap_or(u16::MAX);
    want.min(column * 3 / 5).max(column.min(5))
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_panes(frame, app, theme);
    shown_safely(frame.buffer_mut());
}

/// The TUI's side of the terminal gate: whatever a pane drew, no cell holds a control
/// character or a bidirectional override. ratatui drops such graphemes when it lays out text,
/// but that is its choice, not a promise; this pass over the cells (a few thousand, next to
/// drawing them) makes it one. A cell is one column, so such a cell shows `�`.
fn shown_safely(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(crate::safe_text::is_unsafe) {
            cell.set_symbol("\u{fffd}");
        }
    }
}

fn draw_panes(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    // The light theme's own background under everything (the others paint nothing here).
    frame.render_widget(Block::default().style(theme.base), area);
    if too_small(area) {
        let message = too_small_message(app, area);
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let r = layout(area, app);
    header::render(frame, r.header, app, theme);
    people::render(frame, r.people, app, theme);
    if app.coverage {
        coverage::render(frame, r.coverage, app, theme);
    } else {
        tasks::render(frame, r.tasks, app, theme);
        catalog::render(frame, r.catalog, app, theme);
    }
    mix::render(frame, r.mix, app, theme);
    findings::render(frame, r.findings, r.explanation, app, theme);
    footer::render(frame, r.status, r.footer, app, theme);
    overlay::render(frame, area, app, theme);
}

/// What the screen says instead of the panes: the sizes, and how to quit (or the question about
/// saving being asked, which is answered here too), then the last status line, so the outcome
/// of a save made from here is not lost.
fn too_small_message(app: &App, area: Rect) -> String {
    let next = match app.saving_question() {
        Some(question) => {
            let (_, text, keys) = overlay::question_text(app, question);
            format!("{text} {keys}")
        }
        None => keys_for(&app.bindings, Context::Global, &Action::Quit).map_or_else(
            || "Enlarge the window.".to_owned(),
            |keys| format!("Enlarge the window, or press {keys} to quit."),
        ),
    };
    let mut message = format!(
        "Terminal too small: rolescope needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. {next}",
        area.width, area.height
    );
    if !app.status.is_empty() {
        message.push('\n');
        message.push_str(&app.status);
    }
    message
}

/// A bordered pane whose border shows whether it has focus.
fn pane<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(title)
        .title_style(if focused {
            theme.border_focused
        } else {
            theme.pane_title
        })
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
}

/// A quiet line of guidance where a pane has nothing to list yet.
fn hint(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    frame.render_widget(
        Paragraph::new(text.to_owned())
            .style(theme.dim)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The style of a list row: selected (more strongly when the pane has focus) or plain.
fn row_style(selected: bool, focused: bool, theme: &Theme) -> ratatui::style::Style {
    match (selected, focused) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
        _ => theme.text,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Paragraph, Widget as _};

    #[test]
    fn no_cell_keeps_a_control_or_a_bidirectional_override() {
        let area = Rect::new(0, 0, 20, 1);
        let mut buffer = Buffer::empty(area);
        Paragraph::new("abc def").render(area, &mut buffer);
        // ratatui drops such graphemes when it lays out text today; a cell set directly (or
        // a future layout) must still not carry one to the terminal.
        buffer[(3, 0)].set_symbol("\u{202e}");
        buffer[(7, 0)].set_symbol("\u{1b}");
        super::shown_safely(&mut buffer);
        let row: String = buffer
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(!row.chars().any(crate::safe_text::is_unsafe), "{row:?}");
        assert!(row.starts_with("abc\u{fffd}def\u{fffd}"), "{row:?}");
    }
}
