//! The panes that take keys, in their own file below the state and the actions: an
//! [`Action`](super::action::Action) can name a pane, and the key table names actions.

/// The panes that take keys; the order is the Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    People,
    Tasks,
    Catalog,
    Findings,
}

impl Focus {
    pub const ALL: [Focus; 4] = [Focus::People, Focus::Tasks, Focus::Catalog, Focus::Findings];

    #[must_use]
    pub fn next(self) -> Focus {
        Focus::ALL[(self as usize + 1) % Focus::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> Focus {
        Focus::ALL[(self as usize + Focus::ALL.len() - 1) % Focus::ALL.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_cycles_both_ways() {
        assert_eq!(Focus::Findings.next(), Focus::People);
        assert_eq!(Focus::People.prev(), Focus::Findings);
        for f in Focus::ALL {
            assert_eq!(f.next().prev(), f);
        }
    }
}
