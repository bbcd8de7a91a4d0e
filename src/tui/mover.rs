//! Moving a task to another person: the picker's state. The task keeps its hours and note; the
//! people to choose from narrow as a name is typed, best match first, since a plan may hold
//! thousands.

use crate::plan::Plan;
use crate::tui::filter;
use crate::tui::input::TextInput;

/// The person picker opened with `m` on a task.
#[derive(Debug, Clone, PartialEq)]
pub struct MovePicker {
    /// Whose task moves (plan index) and which of their tasks (index in their list).
    pub from: usize,
    pub task: usize,
    /// Typed words that narrow the people by name.
    pub filter: TextInput,
    /// Row of [`MovePicker::candidates`] highlighted.
    pub selected: usize,
    /// The people the filter lets through, kept so drawing and moving about do not go over
    /// the whole plan again; redone by [`MovePicker::refilter`] when the filter changes.
    matches: Vec<usize>,
}

impl MovePicker {
    pub fn new(plan: &Plan, from: usize, task: usize) -> MovePicker {
        let mut picker = MovePicker {
            from,
            task,
            filter: TextInput::default(),
            selected: 0,
            matches: Vec::new(),
        };
        picker.refilter(plan);
        picker
    }

    /// Everyone but the task's owner, narrowed and ranked by the typed words as the People
    /// pane's filter ranks them (best match first; everyone in plan order for no words).
    pub fn candidates(&self) -> &[usize] {
        &self.matches
    }

    /// Narrows the people again after the filter changed, highlighting the best match.
    pub fn refilter(&mut self, plan: &Plan) {
        let names = plan.people.iter().map(|p| p.name.as_str());
        self.matches = filter::people(names, self.filter.text());
        self.matches.retain(|&i| i != self.from);
        self.selected = 0;
    }
}
