//! The highlighted row of each pane, kept in range by [`App::clamp`](super::App::clamp).

use super::Focus;

/// The highlighted row of each pane (for people, the person).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    /// A plan index, not a row: the People pane's row is its place among
    /// [`App::visible_people`](super::App::visible_people) ([`App::selected_row`](super::App::selected_row)).
    pub people: usize,
    pub tasks: usize,
    /// An index into [`App::visible_catalog`](super::App::visible_catalog), not into the catalog.
    pub catalog: usize,
    /// An index into [`App::visible_findings`](super::App::visible_findings), then on into [`App::visible_accepted`](super::App::visible_accepted).
    pub findings: usize,
}

impl Selection {
    pub fn get(&self, focus: Focus) -> usize {
        match focus {
            Focus::People => self.people,
            Focus::Tasks => self.tasks,
            Focus::Catalog => self.catalog,
            Focus::Findings => self.findings,
        }
    }

    pub fn get_mut(&mut self, focus: Focus) -> &mut usize {
        match focus {
            Focus::People => &mut self.people,
            Focus::Tasks => &mut self.tasks,
            Focus::Catalog => &mut self.catalog,
            Focus::Findings => &mut self.findings,
        }
    }
}
