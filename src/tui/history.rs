//! Undo and redo as whole-plan snapshots.
//!
//! Plans are a few kilobytes, so a clone per change is cheaper to get right than inverse
//! operations for every kind of edit, and undo can never drift from what the edit did.

use crate::plan::Plan;

/// How many changes can be undone; old snapshots are dropped first, so memory stays bounded
/// even on a long session with a large plan.
pub const UNDO_LIMIT: usize = 200;

/// The plans before (undo) and after (redo) the current one.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
}

impl History {
    /// Records the plan as it was before a change; a new change makes the redo branch
    /// meaningless, so it is dropped.
    pub fn record(&mut self, before: Plan) {
        if self.undo.len() == UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// The plan to go back to, given the current one (kept for redo).
    pub fn undo(&mut self, current: &Plan) -> Option<Plan> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(previous)
    }

    /// The plan to go forward to, given the current one (kept for undo).
    pub fn redo(&mut self, current: &Plan) -> Option<Plan> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
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

    fn named(name: &str) -> Plan {
        Plan::new(name)
    }

    #[test]
    fn undo_then_redo_gives_back_the_same_plans() {
        let mut h = History::default();
        h.record(named("a"));
        h.record(named("b"));
        let current = named("c");
        let b = h.undo(&current).unwrap();
        let a = h.undo(&b).unwrap();
        assert_eq!((a.name.as_str(), b.name.as_str()), ("a", "b"));
        assert!(h.undo(&a).is_none());
        assert_eq!(h.redo(&a).unwrap(), b);
        assert_eq!(h.redo(&b).unwrap(), current);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut h = History::default();
        h.record(named("a"));
        h.undo(&named("b")).unwrap();
        assert!(h.can_redo());
        h.record(named("a"));
        assert!(!h.can_redo());
        assert!(h.can_undo());
    }

    #[test]
    fn the_oldest_snapshot_goes_first_when_full() {
        let mut h = History::default();
        for i in 0..=UNDO_LIMIT {
            h.record(named(&i.to_string()));
        }
        let mut current = named("now");
        let mut oldest = String::new();
        while let Some(p) = h.undo(&current) {
            oldest.clone_from(&p.name);
            current = p;
        }
        assert_eq!(oldest, "1");
    }
}
