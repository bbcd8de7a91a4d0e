//! Undo and redo as snapshots of what a change touched: the one person an edit changed, or the
//! whole plan when people were added or removed.
//!
//! Snapshots are simpler to get right than inverse operations for every kind of edit, and undo
//! can never drift from what the edit did; keeping only the changed person keeps a long session
//! on a 1,000-person plan fast and small. Each step keeps the status line of the edit that made
//! it, so undo and redo can say what they took back or did again.

use std::collections::VecDeque;

use crate::plan::{Person, Plan};

/// How many changes can be undone; old snapshots are dropped first, so memory stays bounded.
pub const UNDO_LIMIT: usize = 200;

/// The part of a plan as it was before (or after) one change.
#[derive(Debug, Clone, PartialEq)]
pub enum Snapshot {
    /// The whole plan: for adding or deleting people and plan-level changes.
    Plan(Plan),
    /// One person, by index, for edits that touch nobody else.
    Person(usize, Person),
    /// Two people, by index: moving a task from one to the other.
    Pair([(usize, Person); 2]),
}

impl Snapshot {
    /// Puts the snapshot into `plan` and returns what it replaced, which undoes the undo.
    fn swap_into(self, plan: &mut Plan) -> Snapshot {
        match self {
            Snapshot::Plan(mut other) => {
                std::mem::swap(plan, &mut other);
                Snapshot::Plan(other)
            }
            Snapshot::Person(index, mut person) => match plan.people.get_mut(index) {
                Some(slot) => {
                    std::mem::swap(slot, &mut person);
                    Snapshot::Person(index, person)
                }
                // Cannot happen while snapshots are applied in order; keep the plan as it is.
                None => Snapshot::Person(index, person),
            },
            Snapshot::Pair(mut pair) => {
                for (index, person) in &mut pair {
                    if let Some(slot) = plan.people.get_mut(*index) {
                        std::mem::swap(slot, person);
                    }
                }
                Snapshot::Pair(pair)
            }
        }
    }
}

/// One change: the part of the plan on the other side of it, and what the change was.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    snapshot: Snapshot,
    /// The status line of the edit that made the step ("Assigned “…” to Maya.").
    label: String,
}

impl Step {
    /// Swaps the snapshot into `plan`, giving the step that goes back the other way.
    fn people(&self) -> Option<Vec<usize>> {
        match &self.snapshot {
            Snapshot::Person(i, _) => Some(vec![*i]),
            Snapshot::Pair([(a, _), (b, _)]) => Some(vec![*a, *b]),
            Snapshot::Plan(_) => None,
        }
    }

    fn swap_into(self, plan: &mut Plan) -> Step {
        Step {
            snapshot: self.snapshot.swap_into(plan),
            label: self.label,
        }
    }
}

/// The snapshots behind (undo) and ahead of (redo) the current plan.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    last_people: Option<Vec<usize>>,
}

impl History {
    /// Records the state before a change, and the change's status line as its label; a new
    /// change makes the redo branch meaningless, so it is dropped.
    pub fn record(&mut self, before: Snapshot, label: impl Into<String>) {
        if self.undo.len() == UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.undo.push_back(Step {
            snapshot: before,
            label: label.into(),
        });
        self.redo.clear();
    }

    /// Steps `plan` back one change and returns its label; `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> Option<String> {
        let step = self.undo.pop_back()?.swap_into(plan);
        self.last_people = step.people();
        let label = step.label.clone();
        self.redo.push(step);
        Some(label)
    }

    /// Steps `plan` forward one undone change and returns its label; `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan) -> Option<String> {
        let step = self.redo.pop()?.swap_into(plan);
        self.last_people = step.people();
        let label = step.label.clone();
        self.undo.push_back(step);
        Some(label)
    }

    /// The people the last undo or redo put back (`None` when it was the whole plan), so the
    /// analysis follows only them.
    pub fn last_people(&self) -> Option<&[usize]> {
        self.last_people.as_deref()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::RoleSpec;

    fn person(name: &str) -> Person {
        Person::new(name, RoleSpec::Single("r".into()))
    }

    #[test]
    fn undo_then_redo_gives_back_the_same_plans() {
        let mut h = History::default();
        let mut plan = Plan::new("a");
        let a = plan.clone();
        h.record(Snapshot::Plan(plan.clone()), "Added x.");
        plan.people.push(person("x"));
        let b = plan.clone();
        h.record(
            Snapshot::Person(0, plan.people[0].clone()),
            "x can give 10 h.",
        );
        plan.people[0].capacity = 10.0;
        let c = plan.clone();

        assert_eq!(h.undo(&mut plan).as_deref(), Some("x can give 10 h."));
        assert_eq!(plan, b);
        assert_eq!(h.undo(&mut plan).as_deref(), Some("Added x."));
        assert_eq!(plan, a);
        assert_eq!(h.undo(&mut plan), None);
        assert_eq!(h.redo(&mut plan).as_deref(), Some("Added x."));
        assert_eq!(plan, b);
        assert_eq!(h.redo(&mut plan).as_deref(), Some("x can give 10 h."));
        assert_eq!(plan, c);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut h = History::default();
        let mut plan = Plan::new("a");
        h.record(Snapshot::Plan(plan.clone()), "one");
        assert!(h.undo(&mut plan).is_some());
        assert!(h.can_redo());
        h.record(Snapshot::Plan(plan.clone()), "two");
        assert!(!h.can_redo());
        assert!(h.can_undo());
    }

    #[test]
    fn the_oldest_snapshot_goes_first_when_full() {
        let mut h = History::default();
        let mut plan = Plan::new("now");
        for i in 0..=UNDO_LIMIT {
            h.record(Snapshot::Plan(Plan::new(i.to_string())), i.to_string());
        }
        let mut oldest = String::new();
        while h.undo(&mut plan).is_some() {
            oldest.clone_from(&plan.name);
        }
        assert_eq!(oldest, "1");
    }
}
