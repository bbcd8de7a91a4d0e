//! Mouse hit-testing: a pure function from a mouse event and the regions of the last draw to
//! an action, so clicks are tested without a terminal.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::state::App;
use super::text::window_start;
use super::view::Regions;

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
            let start = window_start(app.selected_row(focus), usize::from(inner.height));
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crossterm::event::KeyModifiers;
    use ratatui::layout::Rect;

    use super::*;
    use crate::tui::state::Focus;
    use crate::tui::view::layout;
    use crate::{Catalog, Plan};

    fn app() -> App {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/team-review.yaml"
        ))
        .unwrap();
        let plan: Plan = crate::plan::parse_plan("t", &text).unwrap();
        let mut app = App::new(Arc::new(Catalog::builtin().unwrap()), plan, None);
        app.size = (100, 30);
        app
    }

    fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    #[test]
    fn a_click_focuses_the_pane_and_selects_the_row_under_it() {
        let app = app();
        let regions = layout(Rect::new(0, 0, 100, 30), &app);
        let people = regions.people;
        // Third row inside the people pane's border: Zoë, index 2.
        let click = event(
            MouseEventKind::Down(MouseButton::Left),
            people.x + 3,
            people.y + 3,
        );
        assert_eq!(
            action_for(&app, &regions, click),
            Some(Action::Click {
                focus: Focus::People,
                row: 2
            })
        );
        // Below the last person: focus only.
        let empty = event(
            MouseEventKind::Down(MouseButton::Left),
            people.x + 3,
            people.y + 10,
        );
        assert_eq!(
            action_for(&app, &regions, empty),
            Some(Action::Focus(Focus::People))
        );
        let catalog = regions.catalog;
        let wheel = event(MouseEventKind::ScrollDown, catalog.x + 5, catalog.y + 2);
        assert_eq!(
            action_for(&app, &regions, wheel),
            Some(Action::Scroll {
                focus: Focus::Catalog,
                delta: 3
            })
        );
    }

    #[test]
    fn clicks_follow_the_scrolled_window_and_overlays_block_them() {
        let mut app = app();
        let regions = layout(Rect::new(0, 0, 100, 30), &app);
        let catalog = regions.catalog;
        let height = usize::from(catalog.height - 2);
        app.selected.catalog = 40;
        let first_visible = 40 - (height - 1);
        let click = event(
            MouseEventKind::Down(MouseButton::Left),
            catalog.x + 5,
            catalog.y + 1,
        );
        assert_eq!(
            action_for(&app, &regions, click),
            Some(Action::Click {
                focus: Focus::Catalog,
                row: first_visible
            })
        );
        crate::tui::update::update(&mut app, Action::Help);
        assert_eq!(action_for(&app, &regions, click), None);
    }
}
