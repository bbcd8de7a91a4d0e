//! The People pane's rows: the plan's people, narrowed and ranked by the people filter. The
//! selection stays a plan index, which is what edits, undo and every action on "the selected
//! person" use; only the pane's rows (moving, clicking, scrolling) go through the visible list,
//! so a filter never makes an action reach another person than the highlighted one.

use super::{App, Focus, Scope};
use crate::tui::filter;
use crate::tui::input::TextInput;

impl App {
    /// Plan indices the People pane shows: the best match first while a filter is set, else
    /// everyone in plan order.
    pub fn visible_people(&self) -> &[usize] {
        &self.people_visible
    }

    /// Whether the people filter holds words (spaces alone narrow nothing).
    pub fn people_filtered(&self) -> bool {
        !self.people_filter.text().trim().is_empty()
    }

    /// The highlighted row of the pane `focus`: for people, the selected person's place among
    /// the visible ones (0 when no one shows).
    pub fn selected_row(&self, focus: Focus) -> usize {
        match focus {
            Focus::People => self
                .people_visible
                .iter()
                .position(|&i| i == self.selected.people)
                .unwrap_or(0),
            _ => self.selected.get(focus),
        }
    }

    /// Highlights row `row` (clamped) of the pane `focus`; a newly selected person starts at
    /// their first task and finding.
    pub(crate) fn select_row(&mut self, focus: Focus, row: usize) {
        let last = self.pane_len(focus).saturating_sub(1);
        match focus {
            Focus::People => {
                if let Some(&person) = self.people_visible.get(row.min(last)) {
                    self.select_person(person);
                }
            }
            _ => *self.selected.get_mut(focus) = row.min(last),
        }
    }

    /// Selects person `index` (a plan index); the tasks and (the person's) findings start at
    /// their first row when it is someone else.
    pub(crate) fn select_person(&mut self, index: usize) {
        if self.selected.people != index {
            self.selected.people = index;
            self.selected.tasks = 0;
            if self.scope == Scope::Person {
                self.selected.findings = 0;
            }
        }
    }

    /// Selects person `index` after an action that leads to them (added, given an import's
    /// tasks, given a moved task): a people filter that hides them is cleared, so the person
    /// the action was about is in sight and the next key acts on them.
    pub(crate) fn show_person(&mut self, index: usize) {
        self.selected.people = index;
        if !self.people_visible.contains(&index) {
            self.people_filter.clear();
            self.refilter_people();
        }
    }

    /// Edits the people filter's words and, if they changed, narrows the pane with the best
    /// match highlighted, as the catalog's filter does.
    pub(crate) fn edit_people_filter(&mut self, edit: impl FnOnce(&mut TextInput)) {
        if self.people_filter.edited(edit) {
            self.refilter_people();
            if let Some(&best) = self.people_visible.first() {
                self.select_person(best);
            }
            self.clamp();
        }
    }

    /// Empties the people filter, keeping the highlighted person highlighted among everyone.
    pub(crate) fn clear_people_filter(&mut self) {
        self.people_filter.clear();
        self.refilter_people();
        self.clamp();
    }

    /// Runs the people filter again over the plan as it is: after a change to the plan (a
    /// person added, renamed or deleted moves every index after it) or to the filter. When the
    /// selected person is no longer shown (deleted, or renamed out of the filter), the row
    /// they were on stays highlighted, as it does in a list with no filter.
    pub(crate) fn refilter_people(&mut self) {
        let row = self.selected_row(Focus::People);
        let names = self.plan.people.iter().map(|p| p.name.as_str());
        self.people_visible = filter::people(names, self.people_filter.text());
        if !self.people_visible.contains(&self.selected.people)
            && let Some(&there) = self.people_visible.get(row).or(self.people_visible.last())
        {
            self.select_person(there);
        }
    }

    /// Keeps the selected person in the plan and, while a filter is set, among the people it
    /// shows (the best match, when the selected one no longer is); with no one shown, the
    /// index stays and [`App::selected_person_index`] says no one is selected.
    pub(super) fn keep_person_in_view(&mut self) {
        let last = self.plan.people.len().saturating_sub(1);
        self.selected.people = self.selected.people.min(last);
        if !self.people_visible.contains(&self.selected.people)
            && let Some(&best) = self.people_visible.first()
        {
            self.select_person(best);
        }
    }
}
