//! The TUI's whole state: the plan being edited, its latest analysis, and what the screen shows.
//!
//! Only `update` writes it; the view (to come) only reads it. Selections are indices kept in
//! range by [`App::clamp`] after every change, so the view can index without checking twice.

use std::path::PathBuf;
use std::sync::Arc;

use super::export::ExportForm;
use super::filter::CatalogFilter;
use super::fixes::{FixList, RebalanceList};
pub use super::focus::Focus;
use super::history::History;
use super::import::ImportStep;
use super::input::TextInput;
use super::mover::MovePicker;
use crate::analysis::{Analysis, analyze};
use crate::catalog::{Catalog, Task};
use crate::finding::Rule;
use crate::plan::{Assignment, Person, Plan};

mod findings;
mod people;
mod selection;

pub use selection::Selection;

/// Below this size the panes cannot show a row each; the view draws a message instead, and
/// `update` takes only quitting (see [`App::too_small`]). Here rather than in the view, so the
/// state can tell without asking it.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether `area` is too small to draw the panes.
pub fn too_small(area: ratatui::layout::Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The lists a typed filter narrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filtered {
    People,
    Catalog,
}

/// Whose findings the findings pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Person,
    Team,
}

/// A modal layer over the panes; the top one gets every key until it closes.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Confirm(Confirm),
    Prompt {
        kind: PromptKind,
        input: TextInput,
    },
    /// Roles of the catalog, then one "hybrid split" row; `selected` indexes that list.
    RolePicker {
        person: usize,
        selected: usize,
    },
    /// Importing a job offer: its text, then its duty lines mapped to tasks.
    Import(Box<ImportStep>),
    /// Exporting a report: format, subject and path.
    Export(ExportForm),
    /// Moving a task: the person it goes to.
    MovePicker(Box<MovePicker>),
    /// The fixes of one finding (`f`): one is applied, or none.
    Fixes(Box<FixList>),
    /// The team's rebalance (`F`), change by change: one is applied, or all.
    Rebalance(Box<RebalanceList>),
}

/// A question that needs a yes before something is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Delete the person at this index, with their tasks.
    DeletePerson(usize),
    /// Quit with unsaved changes: save, discard or stay.
    Quit,
    /// The file changed on disk since it was opened or saved: overwrite it anyway?
    Overwrite(PathBuf),
    /// Save as: another file is at this path already; replace it with the plan?
    Replace(PathBuf),
    /// Export: a file is at this path already; replace it with the report?
    ReplaceExport {
        path: PathBuf,
        format: crate::report::ReportFormat,
        subject: crate::report::Subject,
    },
}

/// What a prompt's text is for; indices are taken when the prompt opens, and no plan change
/// can happen while it is open (overlays are modal), so they stay valid.
#[derive(Debug, Clone, PartialEq)]
pub enum PromptKind {
    AddPerson,
    Rename(usize),
    /// A new name for the plan itself (the header's and the reports' title).
    RenamePlan,
    Capacity(usize),
    Hours {
        person: usize,
        task: usize,
    },
    /// A hybrid role split, typed as `role weight role weight ...`.
    Split(usize),
    /// A reason for accepting a finding; `person` is `None` for team findings. `task` and
    /// `category` are the finding's, so the entry accepts that finding and not its whole rule.
    Accept {
        person: Option<usize>,
        rule: Rule,
        task: Option<String>,
        category: Option<String>,
    },
    SaveAs,
}

/// "the gap in “Events and meetups”": what accepting a coverage gap accepts, for the prompt
/// and the status line, with the category's title cut to `columns` (an id the catalog lacks
/// is shown as written).
pub fn gap_words(catalog: &Catalog, category: &str, columns: usize) -> String {
    let title = catalog
        .category(category)
        .map_or(category, |c| c.title.as_str());
    format!("the gap in “{}”", super::text::fit(title, columns))
}

/// The TUI's state.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // independent flags, not the states of one machine
pub struct App {
    pub plan: Plan,
    /// Shared so the loop can also hand it to background work without a copy.
    pub catalog: Arc<Catalog>,
    /// The analysis of `plan` as it is now; `update` re-runs it after every change.
    pub analysis: Analysis,
    pub focus: Focus,
    pub selected: Selection,
    pub scope: Scope,
    /// Whether the team coverage view replaces the task and catalog panes.
    pub coverage: bool,
    /// Whether the findings pane also lists the accepted findings (dimmed, with their
    /// reasons), so they can be seen and withdrawn; off by default, as they need no action.
    pub show_accepted: bool,
    /// The catalog filter's words.
    pub filter: TextInput,
    /// The people filter's words: part of a name.
    pub people_filter: TextInput,
    /// The filter keys type into, while one is being typed: then keys type rather than run
    /// commands.
    pub typing: Option<Filtered>,
    pub overlays: Vec<Overlay>,
    /// Whether the plan differs from the file (or from nothing, for a new plan).
    pub dirty: bool,
    /// One line of feedback on the last action, cleared by the next one.
    pub status: String,
    pub path: Option<PathBuf>,
    /// Set when the loop should restore the terminal and exit.
    pub quit: bool,
    /// Set when the user quit with unsaved changes by Ctrl-C twice: the loop writes a last
    /// recovery copy and keeps it, so the next start offers the work back.
    pub keep_recovery: bool,
    /// Terminal size in columns and rows, as last reported.
    pub size: (u16, u16),
    /// The key table in force: the defaults, or the user's remapped one.
    pub bindings: Arc<[super::keytable::Binding]>,
    /// Counts changes to the plan (edits, undo, redo), so the loop knows when to write a
    /// recovery copy without comparing plans.
    pub revision: u64,
    pub(super) history: History,
    /// The plan as last loaded or saved, so undoing back to it clears `dirty`.
    pub(super) saved: Plan,
    /// The file's text as last read or written (the text `saved` is), so a save edits it in
    /// place and keeps its comments; `None` for a plan with no file yet.
    pub saved_text: Option<String>,
    /// Set by "save and quit", so the save's success can finish the quit.
    pub(super) quit_after_save: bool,
    /// The offer reader, built on the first import (it indexes the whole catalog).
    pub(super) reader: Option<Arc<crate::offer::Reader>>,
    /// The catalog's order and search text, shared by the catalog pane and the task picker.
    pub(super) catalog_filter: CatalogFilter,
    catalog_visible: Vec<usize>,
    /// Plan indices the People pane shows (see [`App::visible_people`]), redone after every
    /// change to the plan or the people filter.
    people_visible: Vec<usize>,
}

impl App {
    /// State for editing `plan` (saved at `path`, if it has one yet).
    pub fn new(catalog: Arc<Catalog>, plan: Plan, path: Option<PathBuf>) -> App {
        let catalog_filter = CatalogFilter::new(&catalog);
        let analysis = analyze(&catalog, &plan);
        let people_visible = (0..plan.people.len()).collect();
        App {
            saved: plan.clone(),
            saved_text: None,
            plan,
            analysis,
            focus: Focus::People,
            selected: Selection::default(),
            scope: Scope::Person,
            coverage: false,
            show_accepted: false,
            filter: TextInput::default(),
            people_filter: TextInput::default(),
            typing: None,
            overlays: Vec::new(),
            dirty: false,
            status: String::new(),
            path,
            quit: false,
            keep_recovery: false,
            size: (80, 24),
            revision: 0,
            bindings: super::keytable::BINDINGS.into(),
            history: History::default(),
            quit_after_save: false,
            reader: None,
            catalog_visible: catalog_filter.all().to_vec(),
            catalog_filter,
            people_visible,
            catalog,
        }
    }

    /// The selected person's plan index: the highlighted row of the People pane, so `None`
    /// while the people filter shows no one (an action must not reach a person out of sight).
    pub fn selected_person_index(&self) -> Option<usize> {
        let i = self.selected.people;
        let shown = !self.people_filtered() || self.people_visible.contains(&i);
        (i < self.plan.people.len() && shown).then_some(i)
    }

    pub fn selected_person(&self) -> Option<&Person> {
        self.plan.people.get(self.selected_person_index()?)
    }

    pub fn selected_assignment(&self) -> Option<&Assignment> {
        self.selected_person()?.tasks.get(self.selected.tasks)
    }

    /// Catalog task indices the catalog pane shows: grouped by role, then category, in catalog
    /// order, narrowed by the filter.
    pub fn visible_catalog(&self) -> &[usize] {
        &self.catalog_visible
    }

    pub fn highlighted_task(&self) -> Option<&Task> {
        let index = *self.catalog_visible.get(self.selected.catalog)?;
        self.catalog.tasks().get(index)
    }

    /// Whether there is a change to undo (for tests and the footer; only `update` undoes).
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn top_overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Whether the terminal, as last reported, is too small for the panes (the view's own
    /// test). Then only quitting works, since any other key would change what the user cannot
    /// see; `update` decides it from this, so it stays pure.
    pub fn too_small(&self) -> bool {
        let (width, height) = self.size;
        too_small(ratatui::layout::Rect::new(0, 0, width, height))
    }

    /// The plan as last loaded or saved (what `saved_text` reads as).
    pub fn saved_plan(&self) -> &Plan {
        &self.saved
    }

    /// The question on top when it is about saving on the way out (unsaved changes, or a file
    /// changed on disk): the one kind still answered while the terminal is too small, so quitting
    /// never gets stuck behind it.
    pub fn saving_question(&self) -> Option<&Confirm> {
        match self.top_overlay() {
            Some(Overlay::Confirm(
                q @ (Confirm::Quit | Confirm::Overwrite(_) | Confirm::Replace(_)),
            )) => Some(q),
            _ => None,
        }
    }

    /// How many rows a pane has, for moving and clamping its selection.
    pub fn pane_len(&self, focus: Focus) -> usize {
        match focus {
            Focus::People => self.people_visible.len(),
            Focus::Tasks => self.selected_person().map_or(0, |p| p.tasks.len()),
            Focus::Catalog => self.catalog_visible.len(),
            Focus::Findings => self.findings_rows(),
        }
    }

    /// Rows a PageUp/PageDown moves: about one pane's height at the current terminal size.
    pub fn page_size(&self) -> usize {
        (usize::from(self.size.1).saturating_sub(8) / 2).max(1)
    }

    /// Re-runs the analysis and brings every selection back in range; called after any change
    /// to the plan, since people, tasks and findings may all have come or gone. After a change
    /// to some people (`Some`), only they are analysed again
    /// ([`crate::Analysis::update_people`]), so an edit costs what it touches, not the plan.
    pub(super) fn refresh_touching(&mut self, people: Option<&[usize]>) {
        self.revision += 1;
        match people {
            Some(people) => self
                .analysis
                .update_people(&self.catalog, &self.plan, people),
            None => self.analysis = analyze(&self.catalog, &self.plan),
        }
        self.dirty = self.plan != self.saved;
        self.refilter_people();
        self.clamp();
    }

    /// Edits the filter's words and, if they changed, narrows the catalog with the first match
    /// highlighted: the row that was highlighted before says nothing about the new words, and
    /// Enter should take the best match, not whatever task lands on the old row number.
    pub(super) fn edit_filter(&mut self, edit: impl FnOnce(&mut TextInput)) {
        if self.filter.edited(edit) {
            self.catalog_filter
                .narrow(self.filter.text(), &mut self.catalog_visible);
            self.selected.catalog = 0;
            self.clamp();
        }
    }

    /// Empties the filter, keeping the highlighted task highlighted in the whole catalog: the
    /// search is over, and what it found is shown among its neighbours.
    pub(super) fn clear_filter(&mut self) {
        let found = self.catalog_visible.get(self.selected.catalog).copied();
        self.filter.clear();
        self.catalog_filter.narrow("", &mut self.catalog_visible);
        self.selected.catalog = found
            .and_then(|t| self.catalog_visible.iter().position(|&i| i == t))
            .unwrap_or(0);
        self.clamp();
    }

    pub(super) fn clamp(&mut self) {
        self.keep_person_in_view();
        for focus in Focus::ALL {
            if focus == Focus::People {
                continue;
            }
            let last = self.pane_len(focus).saturating_sub(1);
            let sel = self.selected.get_mut(focus);
            *sel = (*sel).min(last);
        }
        if let Some(Overlay::Help { scroll }) = self.overlays.last_mut() {
            *scroll = (*scroll).min(
                super::keytable::help_rows(&self.bindings)
                    .len()
                    .saturating_sub(1),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(Arc::new(Catalog::builtin().unwrap()), Plan::new("t"), None)
    }

    #[test]
    fn catalog_is_grouped_by_owner_then_category() {
        let app = app();
        let tasks = app.catalog.tasks();
        let order = app.visible_catalog();
        assert_eq!(order.len(), tasks.len());
        let owners: Vec<_> = order.iter().map(|&i| tasks[i].role.clone()).collect();
        let mut runs = owners.clone();
        runs.dedup();
        assert_eq!(
            runs,
            app.catalog.owners(),
            "each owner is one contiguous run"
        );
        let categories: Vec<&str> = order.iter().map(|&i| tasks[i].category.as_str()).collect();
        let mut seen = Vec::new();
        for c in categories {
            if seen.last() != Some(&c) {
                assert!(!seen.contains(&c), "category {c} appears in two runs");
                seen.push(c);
            }
        }
    }

    #[test]
    fn empty_plan_has_no_selection_to_act_on() {
        let app = app();
        assert!(app.selected_person().is_none());
        assert!(app.selected_assignment().is_none());
        assert!(app.visible_findings().is_empty());
        assert!(app.highlighted_task().is_some());
        assert!(!app.dirty);
    }
}
