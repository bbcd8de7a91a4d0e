//! The state of the "Import an offer" overlay: first the text (pasted, typed, or read from a
//! file the user names), then each duty line with the task it was mapped to, which the user
//! can correct before the tasks go to a person: another of its closest tasks, any task of the
//! catalog (the [`TaskPicker`]), or none.
//!
//! Reading and matching are pure and take milliseconds (see [`crate::offer`]), so `update`
//! runs them directly; only reading a file goes through the loop.

use crate::catalog::Catalog;
use crate::offer::{Judgement, Mapping, Offer, Reader, RoleHint, RoleSource, judge};
use crate::plan::RoleSpec;
use crate::report::verdict_sentence;
use crate::tui::filter::CatalogFilter;
use crate::tui::input::TextInput;

/// How many tasks a duty line offers to cycle through when its mapping is corrected.
pub const CANDIDATES: usize = 5;

/// The two steps of an import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportStep {
    /// Getting the text: pasted text gathers in `pasted`; `input` is the line being typed (a
    /// file's path, or one more duty line). `typed`: every line of `pasted` was typed, one
    /// duty at a time, so each is read as a duty.
    Source {
        pasted: String,
        input: TextInput,
        typed: bool,
    },
    /// Checking the mapped duty lines before adding them.
    Review(Box<Review>),
}

impl ImportStep {
    pub fn source() -> ImportStep {
        ImportStep::Source {
            pasted: String::new(),
            input: TextInput::default(),
            typed: false,
        }
    }

    /// The review, once the text has been read.
    pub fn review(&self) -> Option<&Review> {
        match self {
            ImportStep::Review(r) => Some(r),
            ImportStep::Source { .. } => None,
        }
    }

    /// The review to correct, once the text has been read.
    pub fn review_mut(&mut self) -> Option<&mut Review> {
        match self {
            ImportStep::Review(r) => Some(r),
            ImportStep::Source { .. } => None,
        }
    }
}

/// One duty line of the offer being reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    pub text: String,
    /// The posting's line it was read from (the whole line, when it listed several duties).
    pub source_text: String,
    /// Whose work the reader found it to be, with the words that decided it.
    pub reading: Option<crate::offer::LineReading>,
    /// How much the line counts in the verdict (see [`crate::offer::DutyLine::weight`]).
    pub weight: f64,
    /// The best tasks for the line, best first (empty when nothing comes close).
    pub candidates: Vec<Mapping>,
    /// The chosen candidate; `None`: no task (unmatched).
    pub choice: Option<usize>,
    /// Dropped by the user: not added, and not counted in the verdict.
    pub dropped: bool,
    /// Candidates the user picked from the whole catalog. They show as chosen rather than with
    /// the matcher's confidence, since a task the matcher did not offer has none.
    pub picked: Vec<usize>,
}

impl ReviewLine {
    /// The task this line will add, if any.
    pub fn mapping(&self) -> Option<&Mapping> {
        if self.dropped {
            return None;
        }
        self.choice.and_then(|c| self.candidates.get(c))
    }

    /// Steps the choice through the candidates and then "no task", `delta` steps at a time.
    pub fn cycle(&mut self, delta: isize) -> bool {
        let n = self.candidates.len();
        if n == 0 {
            return false;
        }
        // Positions 0..n are the candidates, n is "no task".
        let at = self.choice.unwrap_or(n);
        let next = (at.cast_signed() + delta).rem_euclid((n + 1).cast_signed());
        let next = next.cast_unsigned();
        self.choice = (next < n).then_some(next);
        self.dropped = false;
        true
    }

    /// Makes `task` the line's task because the user picked it from the catalog. A task the
    /// matcher did not offer joins the candidates, so cycling away and back still reaches it.
    pub fn pick(&mut self, task: &str) {
        let at = self
            .candidates
            .iter()
            .position(|c| c.task == task)
            .unwrap_or_else(|| {
                // The user is sure of it; the view says "chosen" instead of this number.
                self.candidates.push(Mapping {
                    task: task.to_owned(),
                    confidence: 1.0,
                });
                self.candidates.len() - 1
            });
        if !self.picked.contains(&at) {
            self.picked.push(at);
        }
        self.choice = Some(at);
        self.dropped = false;
    }

    /// Whether the line's task is one the user picked, rather than the matcher's suggestion.
    pub fn chosen(&self) -> bool {
        !self.dropped && self.choice.is_some_and(|c| self.picked.contains(&c))
    }
}

/// Choosing any catalog task for the highlighted review line, for when none of its closest
/// tasks is right: the catalog in the catalog pane's order, narrowed by typed words the way
/// its `/` filter narrows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskPicker {
    pub filter: TextInput,
    /// Catalog task indices shown.
    pub visible: Vec<usize>,
    /// An index into `visible`.
    pub selected: usize,
}

impl TaskPicker {
    /// The whole catalog with `current` (a catalog task index) highlighted, so the user starts
    /// from the line's task and its neighbours in the same category.
    pub fn new(filter: &CatalogFilter, current: Option<usize>) -> TaskPicker {
        let visible = filter.all().to_vec();
        let selected = current
            .and_then(|t| visible.iter().position(|&i| i == t))
            .unwrap_or(0);
        TaskPicker {
            filter: TextInput::default(),
            visible,
            selected,
        }
    }

    /// Edits the typed words and, if they changed, narrows the list with the first match
    /// highlighted, as the catalog pane's filter does.
    pub fn edit(&mut self, filter: &CatalogFilter, edit: impl FnOnce(&mut TextInput)) {
        if self.filter.edited(edit) {
            filter.narrow(self.filter.text(), &mut self.visible);
            self.selected = 0;
        }
    }

    /// The highlighted catalog task index, if any task matches.
    pub fn task(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }
}

/// An offer read into lines the user can correct.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub title: Option<String>,
    /// The role(s) the title names, if it names any.
    pub role: Option<RoleSpec>,
    pub role_source: RoleSource,
    pub lines: Vec<ReviewLine>,
    /// Lines that were not taken as duties (company text, requirements, benefits).
    pub ignored: Vec<String>,
    pub selected: usize,
    /// The verdict on the lines as they are now, in one sentence.
    pub verdict: String,
    /// The role most mapped lines belong to, for a new person when the title names none.
    pub best_fit: Option<String>,
    /// Open over the review while the user picks any task for the selected line.
    pub picker: Option<TaskPicker>,
    /// The hours a week the offer states, if it does: a new person's capacity.
    pub hours_per_week: Option<f64>,
    pub title_reading: Option<crate::offer::TitleReading>,
    pub language: crate::offer::Language,
    pub language_source: crate::offer::LanguageSource,
    /// What the offer states besides duties (hours, schedule, pay, place), as `offer` says
    /// it, shown above the lines.
    pub stated: Vec<String>,
}

impl Review {
    /// Reads `text` with `reader` and offers each duty line's best tasks. `typed`: the user
    /// typed the lines one duty at a time, so every line is a duty.
    pub fn read(reader: &Reader, catalog: &Catalog, text: &str, typed: bool) -> Review {
        let hint = RoleHint {
            lines_are_duties: typed,
            ..RoleHint::default()
        };
        let offer = reader.read(catalog, text, &hint);
        let lines = offer
            .lines
            .iter()
            .map(|l| {
                let candidates =
                    reader.candidates(catalog, l.mapping.as_ref(), &l.text, CANDIDATES);
                // `read` maps a line to the first candidate when it clears the threshold.
                let choice = l
                    .mapping
                    .as_ref()
                    .and_then(|m| candidates.iter().position(|c| c.task == m.task));
                ReviewLine {
                    text: l.text.clone(),
                    source_text: l.source_text.clone(),
                    reading: l.reading.clone(),
                    weight: l.weight,
                    candidates,
                    choice,
                    dropped: false,
                    picked: Vec::new(),
                }
            })
            .collect();
        let stated = crate::report::offer_text::stated_facts(&offer);
        let mut review = Review {
            title: offer.title,
            role: offer.role,
            role_source: offer.role_source,
            lines,
            ignored: offer.ignored,
            selected: 0,
            verdict: String::new(),
            best_fit: None,
            picker: None,
            hours_per_week: offer.hours_per_week,
            title_reading: offer.title_reading,
            language: offer.language,
            language_source: offer.language_source,
            stated,
        };
        review.rejudge(reader, catalog);
        review
    }

    /// The offer as the user has corrected it: dropped lines left out.
    pub fn offer(&self) -> Offer {
        Offer {
            title: self.title.clone(),
            role: self.role.clone(),
            role_source: self.role_source,
            lines: self
                .lines
                .iter()
                .filter(|l| !l.dropped)
                .map(|l| crate::offer::DutyLine {
                    text: l.text.clone(),
                    source_text: l.source_text.clone(),
                    mapping: l.mapping().cloned(),
                    weight: l.weight,
                    reading: l.reading.clone(),
                })
                .collect(),
            ignored: self.ignored.clone(),
            hours_per_week: self.hours_per_week,
            title_reading: self.title_reading,
            language: self.language,
            language_source: self.language_source,
            // The review judges duties; no reply is written from it.
            pay: None,
            place: None,
            schedule: None,
        }
    }

    /// Judges the lines as they are now; called after every correction.
    pub fn rejudge(&mut self, reader: &Reader, catalog: &Catalog) {
        let offer = self.offer();
        let judgement: Judgement = judge(catalog, &offer, &reader.config);
        self.verdict = verdict_sentence(&offer, &judgement, catalog);
        self.best_fit = judgement.best_fit;
    }

    pub fn line(&self) -> Option<&ReviewLine> {
        self.lines.get(self.selected)
    }

    /// The tasks to add, in line order, each once, with the posting's words as its note.
    pub fn tasks(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for line in &self.lines {
            if let Some(m) = line.mapping()
                && !out.iter().any(|(t, _)| *t == m.task)
            {
                out.push((m.task.clone(), line.text.clone()));
            }
        }
        out
    }

    /// The role a new person gets: the title's, else the role the duties fit best, else the
    /// catalog's first.
    pub fn new_person_role(&self, catalog: &Catalog) -> RoleSpec {
        self.role.clone().unwrap_or_else(|| {
            RoleSpec::Single(
                self.best_fit
                    .as_deref()
                    .or_else(|| catalog.role_ids().next())
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: usize, choice: Option<usize>) -> ReviewLine {
        ReviewLine {
            text: "x".into(),
            source_text: "x".into(),
            reading: None,
            weight: 1.0,
            candidates: (0..n)
                .map(|i| Mapping {
                    task: format!("t{i}"),
                    confidence: 0.5,
                })
                .collect(),
            choice,
            dropped: false,
            picked: Vec::new(),
        }
    }

    #[test]
    fn cycling_passes_through_no_task_and_wraps() {
        let mut l = line(2, Some(0));
        assert!(l.cycle(1));
        assert_eq!(l.choice, Some(1));
        l.cycle(1);
        assert_eq!(l.choice, None);
        l.cycle(1);
        assert_eq!(l.choice, Some(0));
        l.cycle(-1);
        assert_eq!(l.choice, None);
        assert!(!line(0, None).cycle(1));
    }

    #[test]
    fn a_dropped_line_maps_to_nothing_until_cycled() {
        let mut l = line(2, Some(0));
        l.dropped = true;
        assert!(l.mapping().is_none());
        l.cycle(1);
        assert_eq!(l.mapping().map(|m| m.task.as_str()), Some("t1"));
    }

    #[test]
    fn a_picked_task_is_chosen_and_joins_the_candidates_once() {
        let mut l = line(2, None);
        l.dropped = true;
        l.pick("t1");
        assert_eq!(
            (l.choice, l.candidates.len()),
            (Some(1), 2),
            "offered: no new entry"
        );
        assert!(l.chosen() && !l.dropped);
        l.pick("elsewhere");
        assert_eq!(l.choice, Some(2));
        assert_eq!(l.mapping().map(|m| m.task.as_str()), Some("elsewhere"));
        l.pick("elsewhere");
        assert_eq!((l.candidates.len(), l.picked.clone()), (3, vec![1, 2]));
        l.cycle(-2);
        assert_eq!(l.choice, Some(0));
        assert!(!l.chosen(), "the matcher's own suggestion");
        l.cycle(2);
        assert!(l.chosen(), "cycling back reaches the picked task");
        l.dropped = true;
        assert!(!l.chosen());
    }

    #[test]
    fn the_picker_starts_on_the_current_task_and_narrows_by_words() {
        let catalog = Catalog::builtin().unwrap();
        let filter = CatalogFilter::new(&catalog);
        let last = *filter.all().last().unwrap();
        let mut picker = TaskPicker::new(&filter, Some(last));
        assert_eq!(picker.task(), Some(last));
        assert_eq!(TaskPicker::new(&filter, None).selected, 0);
        picker.edit(&filter, |f| f.insert_str("no-such-word"));
        assert_eq!((picker.task(), picker.selected), (None, 0));
    }
}
