//! Everything the user (or the loop, reporting back) can ask the TUI to do.
//!
//! Keys, mouse, paste and I/O results all become an [`Action`] before they touch state, so
//! `update` can be tested without a terminal and a key remap never needs a code change.

use std::path::PathBuf;

use super::focus::Focus;

/// One request to change the TUI's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Moves focus to the next pane, so every pane is reachable from the keyboard alone.
    FocusNext,
    /// Moves focus to the previous pane, for going back without a full cycle.
    FocusPrev,
    /// Focuses one pane directly (a number key or a click), skipping the cycle.
    Focus(Focus),

    /// Moves the selection (or the help text) one row up.
    Up,
    /// Moves the selection (or the help text) one row down.
    Down,
    /// Moves one screenful up, so long catalogs and teams are quick to cross.
    PageUp,
    /// Moves one screenful down.
    PageDown,
    /// Jumps to the first row.
    Top,
    /// Jumps to the last row.
    Bottom,

    /// Switches the findings pane between the selected person and the whole team, since a
    /// hiring manager looks at one role and a team lead at everyone.
    ToggleScope,
    /// Shows or hides the team coverage view (core categories × people), where gaps show.
    ToggleCoverage,
    /// Opens the key help, generated from the same table that dispatches keys.
    Help,

    /// Starts typing the catalog filter (focusing the catalog); typing then narrows and ranks
    /// the catalog instead of running keys. A kept filter is edited from its end, not
    /// replaced, so it can be continued, and [`InputClear`](Action::InputClear) empties it.
    FilterStart,
    /// Starts typing the people filter (focusing the People pane): part of a name, so one
    /// person can be found among hundreds.
    PeopleFilterStart,
    /// Types a character into the filter being typed (or into a picker's).
    FilterInput(char),
    /// Deletes the character before the cursor of the filter being typed (or of a picker's).
    FilterBackspace,
    /// Empties the filter being typed, or the focused pane's kept one, and stops typing: the
    /// whole list shows again, with the row that was highlighted still highlighted.
    FilterClear,
    /// Stops typing into the filter but keeps it, so keys work again on the narrowed list.
    FilterConfirm,

    /// Asks for a name and adds a person (then offers the role picker).
    AddPerson,
    /// Asks for a new name for the selected person.
    RenamePerson,
    /// Deletes the selected person, after a confirmation, since their tasks go with them.
    DeletePerson,
    /// Opens the role picker for the selected person: a catalog role or a hybrid split.
    PickRole,
    /// Asks for the selected person's weekly capacity.
    SetCapacity,

    /// Assigns the highlighted catalog task to the selected person.
    Assign,
    /// Removes the selected task from the selected person.
    Unassign,
    /// Opens the person picker to move the selected task, hours and note with it.
    MoveTask,
    /// Adds half an hour a week to the selected task.
    HoursUp,
    /// Takes half an hour a week off the selected task (never below 0).
    HoursDown,
    /// Asks for the selected task's weekly hours as a number.
    SetHours,

    /// Asks for a reason and accepts the highlighted finding, writing an `accept` entry so the
    /// exception is documented in the plan rather than hidden.
    AcceptFinding,
    /// Lists the accepted findings (with their reasons) under the active ones in the findings
    /// pane, or hides them again: an exception should stay in sight, not only in the file.
    ToggleAccepted,
    /// Removes the `accept` entry behind the highlighted accepted finding, as one undoable
    /// change, so the finding is reported again when the reason no longer holds.
    WithdrawAcceptance,
    /// Asks for a new name for the plan, the title of its header and its reports.
    RenamePlan,

    /// Lists the highlighted finding's fixes with what each clears and creates, so a finding
    /// is repaired from where it is read; [`Submit`](Action::Submit) applies the highlighted
    /// one as one undoable change.
    ShowFixes,
    /// Computes the team's rebalance and lists it change by change, safe or not, so the whole
    /// plan can be repaired a change at a time or at once.
    Rebalance,
    /// In the rebalance list: applies every change listed, as one undoable change.
    ApplyAll,
    /// The loop's report on an [`Effect::Rebalance`](super::Effect::Rebalance): the changes
    /// proposed for the plan at `revision`, and the findings (error, warning, info) after them.
    Rebalanced {
        revision: u64,
        fixes: Vec<crate::fix::Fix>,
        after: [usize; 3],
        /// How the fixes were chosen ([`crate::fix::Method::summary`]).
        method: String,
    },
    /// The rebalance of the plan at `revision` failed (its worker panicked).
    RebalanceFailed { revision: u64 },

    /// Opens the "Import an offer" overlay: paste a posting (or name a file), correct the
    /// mapped duties, add them to a person.
    ImportOffer,
    /// Opens the "Export a report" overlay: format, subject and path, then writes it.
    ExportReport,
    /// In the import review, the highlighted line's next candidate task; in the export
    /// overlay, the next format.
    NextChoice,
    /// The previous candidate task, or the previous format.
    PrevChoice,
    /// In the import review: drops the highlighted line (or keeps it again).
    DropLine,
    /// In the import review: opens a picker over the whole catalog for the highlighted line,
    /// for when none of its closest tasks is right. Typing narrows it (as
    /// [`FilterInput`](Action::FilterInput) and [`FilterBackspace`](Action::FilterBackspace)),
    /// [`Submit`](Action::Submit) picks, [`Cancel`](Action::Cancel) leaves the line as it was.
    PickTask,
    /// In the import review: adds the mapped tasks to a new person named after the offer.
    AddAsNewPerson,

    /// Goes back one plan change.
    Undo,
    /// Re-applies the last undone change.
    Redo,
    /// Saves to the plan's path (or asks for one); in the unsaved-changes question, saves and
    /// then quits.
    Save,
    /// Asks for a path and saves there.
    SaveAs,
    /// Quits, asking first when there are unsaved changes.
    Quit,
    /// Ctrl-C, whatever the key table says: closes what is open and quits as [`Action::Quit`]
    /// does; pressed again at the unsaved-changes question, quits and keeps the unsaved work
    /// as a recovery copy, so there is always a way out that loses nothing.
    Interrupt,
    /// In the unsaved-changes question: quits without saving.
    Discard,

    /// Text pasted from the terminal (bracketed paste), inserted whole into the open prompt or
    /// filter rather than replayed as keys that could trigger commands.
    Paste(String),
    /// The terminal's new size in columns and rows, which sets how far a page moves.
    Resize(u16, u16),
    /// The loop's report on a save it ran for an [`Effect::Save`](super::Effect::Save): the
    /// path written, or the error to show.
    Saved(Result<PathBuf, String>),

    /// The loop's report on an [`Effect::ReadOffer`](super::Effect::ReadOffer): the file's
    /// text, or why it could not be read.
    OfferRead(Result<String, String>),
    /// The loop's report on an [`Effect::Export`](super::Effect::Export): the path written,
    /// or why it was not.
    Exported(Result<PathBuf, String>),

    /// Types a character into the open prompt.
    Input(char),
    /// Deletes the character before the prompt's cursor.
    InputBackspace,
    /// Deletes the character under the prompt's cursor.
    InputDelete,
    /// Moves the prompt's cursor one character left.
    InputLeft,
    /// Moves the prompt's cursor one character right.
    InputRight,
    /// Moves the prompt's cursor to the start.
    InputHome,
    /// Moves the prompt's cursor to the end.
    InputEnd,
    /// Empties the text field being typed (a prompt, a path, a filter, a picker's words), as
    /// Ctrl-U does in a shell, instead of a Backspace per character.
    InputClear,
    /// Confirms the open prompt, picker or question.
    Submit,
    /// Closes the top overlay without doing anything.
    Cancel,
    /// A mouse click on row `row` (an index into the pane's list) of the `focus` pane.
    Click { focus: Focus, row: usize },
    /// The mouse wheel over the `focus` pane, `delta` rows down (negative: up).
    Scroll { focus: Focus, delta: isize },
    /// The save found the file changed on disk since it was opened: ask before overwriting.
    SaveConflict(PathBuf),
    /// Save as found another file at the path: ask before replacing it.
    SaveWouldReplace(PathBuf),
    /// The export found a file at the path: ask before replacing it.
    ExportWouldReplace {
        path: PathBuf,
        format: crate::report::ReportFormat,
        subject: crate::report::Subject,
    },
}
