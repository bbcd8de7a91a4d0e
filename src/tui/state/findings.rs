//! What the findings pane lists: the active findings of the selected person or the team, then,
//! while [`App::show_accepted`] is on, their accepted ones, so an exception stays in sight with
//! its reason and can be withdrawn. One selection runs over both lists, active rows first.

use super::{App, Scope};
use crate::finding::{Accepted, Finding};

impl App {
    /// The active findings the findings pane lists, for the selected person or the whole team.
    /// How many findings [`App::visible_findings`] lists, without listing them (the layout
    /// asks on every frame).
    pub fn visible_findings_count(&self) -> usize {
        match self.scope {
            Scope::Team => self.analysis.findings.len(),
            Scope::Person => self
                .selected_person_index()
                .map_or(0, |i| self.analysis.findings_for(i).count()),
        }
    }

    pub fn visible_findings(&self) -> Vec<&Finding> {
        match self.scope {
            Scope::Team => self.analysis.findings.iter().collect(),
            Scope::Person => self
                .selected_person_index()
                .map(|i| self.analysis.findings_for(i).collect())
                .unwrap_or_default(),
        }
    }

    /// The accepted findings of the same person or team, listed or not: the pane's title
    /// counts them either way, so a hidden exception is still announced.
    pub fn accepted_in_scope(&self) -> Vec<&Accepted> {
        match self.scope {
            Scope::Team => self.analysis.accepted.iter().collect(),
            Scope::Person => self
                .selected_person_index()
                .map(|i| self.analysis.accepted_for(i).collect())
                .unwrap_or_default(),
        }
    }

    /// The accepted findings the pane lists under the active ones: those in scope while
    /// [`App::show_accepted`] is on, none otherwise.
    pub fn visible_accepted(&self) -> Vec<&Accepted> {
        if self.show_accepted {
            self.accepted_in_scope()
        } else {
            Vec::new()
        }
    }

    /// The highlighted row when it is an active finding.
    pub fn highlighted_finding(&self) -> Option<&Finding> {
        self.visible_findings().get(self.selected.findings).copied()
    }

    /// The highlighted row when it is an accepted finding (listed after the active ones).
    pub fn highlighted_accepted(&self) -> Option<&Accepted> {
        let row = self
            .selected
            .findings
            .checked_sub(self.visible_findings().len())?;
        self.visible_accepted().get(row).copied()
    }

    /// How many rows the findings pane has: the active findings and the listed accepted ones.
    pub(super) fn findings_rows(&self) -> usize {
        self.visible_findings().len() + self.visible_accepted().len()
    }
}
