//! Moving a task to another person: the picker's state. The task keeps its hours and note; the
//! people to choose from narrow as a name is typed, since a plan may hold thousands.

use crate::plan::Plan;
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
}

impl MovePicker {
    pub fn new(from: usize, task: usize) -> MovePicker {
        MovePicker {
            from,
            task,
            filter: TextInput::default(),
            selected: 0,
        }
    }

    /// Everyone but the task's owner whose name holds every typed word (any case), in plan
    /// order.
    pub fn candidates(&self, plan: &Plan) -> Vec<usize> {
        let words: Vec<String> = self
            .filter
            .text()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        plan.people
            .iter()
            .enumerate()
            .filter(|&(i, p)| {
                i != self.from && {
                    let name = p.name.to_lowercase();
                    words.iter().all(|w| name.contains(w.as_str()))
                }
            })
            .map(|(i, _)| i)
            .collect()
    }
}
