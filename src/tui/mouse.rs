//! Mouse hit-testing: a pure function from a mouse event and the regions of the last draw to
//! an action, so clicks are tested without a terminal.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::state::App;
use super::view::Regions;
use super::view::text::window_start;

/// Rows the wheel moves per notch.
const WHEEL_ROWS: isize = 3;

/// The action a mouse event asks for, if any: a click focuses a pane and selects the row under
/// the pointer; the wheel scrolls the pane under the pointer.
pub fn action_for(app: &App, regions: &Regions, event: MouseEvent) -> Option<Action> {
    if app.top_overlay().is_some() {
        return None;
    }
    let at = Position::new(event.column, event.row);
    let (focus, area) = regions.panes().into_iter().find(|(_, r)| r.contains(at))?;
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let inner = inner(area);
            if !inner.contains(at) {
                return Some(Action::Focus(focus));
            }
            let start = window_start(app.selected.get(focus), usize::from(inner.height));
            let row = start + usize::from(at.y - inner.y);
            if row < app.pane_len(focus) {
                Some(Action::Click { focus, row })
            } else {
                Some(Action::Focus(focus))
            }
        }
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            focus,
            delta: WHEEL_ROWS,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            focus,
            delta: -WHEEL_ROWS,
        }),
        _ => None,
    }
}

/// The rows inside a pane's border.
fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}
