//! The default key table, as data: every binding, in the order help lists them.

use crossterm::event::KeyCode;

use super::{Binding, Context, Footer};
use crate::tui::action::Action;
use crate::tui::focus::Focus;
use crate::tui::keyspec::KeySpec;

const fn binding(
    key: KeySpec,
    context: Context,
    action: Action,
    help: &'static str,
    footer: Footer,
) -> Binding {
    Binding {
        key,
        context,
        action,
        help,
        footer,
    }
}

pub(crate) const fn shown(
    key: KeySpec,
    context: Context,
    action: Action,
    help: &'static str,
) -> Binding {
    binding(key, context, action, help, Footer::Shown)
}

pub(crate) const fn quiet(
    key: KeySpec,
    context: Context,
    action: Action,
    help: &'static str,
) -> Binding {
    binding(key, context, action, help, Footer::Hidden)
}

const fn pinned(key: KeySpec, context: Context, action: Action, help: &'static str) -> Binding {
    binding(key, context, action, help, Footer::Pinned)
}

pub(crate) const fn ch(c: char) -> KeySpec {
    KeySpec::char(c)
}

const fn named(code: KeyCode) -> KeySpec {
    KeySpec::key(code)
}

use Action as A;
use Context as C;
use KeyCode as K;

/// The default bindings, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    shown(named(K::Tab), C::Global, A::FocusNext, "next pane"),
    quiet(named(K::BackTab), C::Global, A::FocusPrev, "previous pane"),
    quiet(ch('1'), C::Global, A::Focus(Focus::People), "people pane"),
    quiet(ch('2'), C::Global, A::Focus(Focus::Tasks), "tasks pane"),
    quiet(ch('3'), C::Global, A::Focus(Focus::Catalog), "catalog pane"),
    quiet(
        ch('4'),
        C::Global,
        A::Focus(Focus::Findings),
        "findings pane",
    ),
    quiet(named(K::Up), C::Global, A::Up, "move up"),
    quiet(ch('k'), C::Global, A::Up, "move up"),
    quiet(named(K::Down), C::Global, A::Down, "move down"),
    quiet(ch('j'), C::Global, A::Down, "move down"),
    quiet(named(K::PageUp), C::Global, A::PageUp, "page up"),
    quiet(named(K::PageDown), C::Global, A::PageDown, "page down"),
    quiet(ch('g'), C::Global, A::Top, "first row"),
    quiet(named(K::Home), C::Global, A::Top, "first row"),
    quiet(ch('G'), C::Global, A::Bottom, "last row"),
    quiet(named(K::End), C::Global, A::Bottom, "last row"),
    shown(ch('a'), C::Global, A::AddPerson, "add person"),
    quiet(ch('N'), C::Global, A::RenamePlan, "rename plan"),
    shown(ch('t'), C::Global, A::ToggleScope, "person/team findings"),
    shown(ch('v'), C::Global, A::ToggleCoverage, "coverage"),
    shown(ch('u'), C::Global, A::Undo, "undo"),
    quiet(KeySpec::ctrl('r'), C::Global, A::Redo, "redo"),
    shown(ch('s'), C::Global, A::Save, "save"),
    quiet(ch('S'), C::Global, A::SaveAs, "save as"),
    shown(ch('i'), C::Global, A::ImportOffer, "import offer"),
    shown(ch('e'), C::Global, A::ExportReport, "export report"),
    shown(ch('F'), C::Global, A::Rebalance, "rebalance team"),
    pinned(ch('?'), C::Global, A::Help, "help"),
    pinned(ch('q'), C::Global, A::Quit, "quit"),
    shown(ch('r'), C::People, A::RenamePerson, "rename"),
    shown(ch('R'), C::People, A::PickRole, "role"),
    shown(ch('c'), C::People, A::SetCapacity, "capacity"),
    shown(ch('d'), C::People, A::DeletePerson, "delete"),
    shown(ch('/'), C::People, A::PeopleFilterStart, "filter"),
    quiet(named(K::Esc), C::People, A::FilterClear, "clear filter"),
    quiet(
        named(K::Enter),
        C::People,
        A::Focus(Focus::Tasks),
        "their tasks",
    ),
    shown(ch('/'), C::Tasks, A::FilterStart, "filter catalog"),
    shown(ch('+'), C::Tasks, A::HoursUp, "+½ h"),
    quiet(ch('='), C::Tasks, A::HoursUp, "+½ h"),
    shown(ch('-'), C::Tasks, A::HoursDown, "−½ h"),
    shown(ch('h'), C::Tasks, A::SetHours, "set hours"),
    shown(ch('d'), C::Tasks, A::Unassign, "unassign"),
    shown(ch('m'), C::Tasks, A::MoveTask, "move to…"),
    quiet(named(K::Delete), C::Tasks, A::Unassign, "unassign"),
    shown(named(K::Enter), C::Catalog, A::Assign, "assign"),
    shown(ch('/'), C::Catalog, A::FilterStart, "filter"),
    quiet(named(K::Esc), C::Catalog, A::FilterClear, "clear filter"),
    shown(ch('x'), C::Findings, A::AcceptFinding, "accept"),
    shown(ch('A'), C::Findings, A::ToggleAccepted, "show accepted"),
    shown(ch('w'), C::Findings, A::WithdrawAcceptance, "withdraw"),
    shown(ch('f'), C::Findings, A::ShowFixes, "fixes"),
    quiet(ch('/'), C::Findings, A::FilterStart, "filter catalog"),
    shown(named(K::Enter), C::Filter, A::FilterConfirm, "keep filter"),
    shown(named(K::Esc), C::Filter, A::FilterClear, "clear filter"),
    quiet(named(K::Backspace), C::Filter, A::FilterBackspace, "delete"),
    shown(
        KeySpec::ctrl('u'),
        C::Filter,
        A::InputClear,
        "clear the words",
    ),
    quiet(
        named(K::Delete),
        C::Filter,
        A::InputDelete,
        "delete forward",
    ),
    quiet(named(K::Left), C::Filter, A::InputLeft, "cursor left"),
    quiet(named(K::Right), C::Filter, A::InputRight, "cursor right"),
    quiet(named(K::Home), C::Filter, A::InputHome, "cursor to start"),
    quiet(named(K::End), C::Filter, A::InputEnd, "cursor to end"),
    quiet(named(K::Up), C::Filter, A::Up, "move up"),
    quiet(named(K::Down), C::Filter, A::Down, "move down"),
    shown(named(K::Enter), C::Prompt, A::Submit, "ok"),
    shown(named(K::Esc), C::Prompt, A::Cancel, "cancel"),
    quiet(
        named(K::Backspace),
        C::Prompt,
        A::InputBackspace,
        "delete back",
    ),
    quiet(
        named(K::Delete),
        C::Prompt,
        A::InputDelete,
        "delete forward",
    ),
    quiet(named(K::Left), C::Prompt, A::InputLeft, "cursor left"),
    quiet(named(K::Right), C::Prompt, A::InputRight, "cursor right"),
    quiet(named(K::Home), C::Prompt, A::InputHome, "cursor to start"),
    quiet(named(K::End), C::Prompt, A::InputEnd, "cursor to end"),
    shown(
        KeySpec::ctrl('u'),
        C::Prompt,
        A::InputClear,
        "clear the text",
    ),
    shown(ch('y'), C::Confirm, A::Submit, "yes"),
    quiet(named(K::Enter), C::Confirm, A::Submit, "yes"),
    shown(ch('n'), C::Confirm, A::Cancel, "no"),
    quiet(named(K::Esc), C::Confirm, A::Cancel, "no"),
    shown(ch('s'), C::Unsaved, A::Save, "save and quit"),
    shown(ch('d'), C::Unsaved, A::Discard, "quit without saving"),
    shown(named(K::Esc), C::Unsaved, A::Cancel, "stay"),
    shown(named(K::Enter), C::RolePicker, A::Submit, "choose"),
    shown(named(K::Esc), C::RolePicker, A::Cancel, "cancel"),
    quiet(named(K::Up), C::RolePicker, A::Up, "move up"),
    quiet(ch('k'), C::RolePicker, A::Up, "move up"),
    quiet(named(K::Down), C::RolePicker, A::Down, "move down"),
    quiet(ch('j'), C::RolePicker, A::Down, "move down"),
    shown(named(K::Enter), C::Import, A::Submit, "add to person"),
    shown(ch('n'), C::Import, A::AddAsNewPerson, "new person"),
    shown(named(K::Right), C::Import, A::NextChoice, "next task"),
    quiet(ch('l'), C::Import, A::NextChoice, "next task"),
    quiet(named(K::Left), C::Import, A::PrevChoice, "previous task"),
    quiet(ch('h'), C::Import, A::PrevChoice, "previous task"),
    shown(ch('d'), C::Import, A::DropLine, "drop/keep line"),
    quiet(named(K::Delete), C::Import, A::DropLine, "drop/keep line"),
    shown(ch('t'), C::Import, A::PickTask, "pick any task"),
    pinned(named(K::Esc), C::Import, A::Cancel, "cancel"),
    quiet(named(K::Up), C::Import, A::Up, "move up"),
    quiet(ch('k'), C::Import, A::Up, "move up"),
    quiet(named(K::Down), C::Import, A::Down, "move down"),
    quiet(ch('j'), C::Import, A::Down, "move down"),
    quiet(named(K::PageUp), C::Import, A::PageUp, "page up"),
    quiet(named(K::PageDown), C::Import, A::PageDown, "page down"),
    quiet(ch('g'), C::Import, A::Top, "first line"),
    quiet(named(K::Home), C::Import, A::Top, "first line"),
    quiet(ch('G'), C::Import, A::Bottom, "last line"),
    quiet(named(K::End), C::Import, A::Bottom, "last line"),
    shown(named(K::Enter), C::TaskPicker, A::Submit, "choose"),
    shown(
        named(K::Esc),
        C::TaskPicker,
        A::Cancel,
        "back to the review",
    ),
    quiet(
        named(K::Backspace),
        C::TaskPicker,
        A::FilterBackspace,
        "delete",
    ),
    quiet(
        KeySpec::ctrl('u'),
        C::TaskPicker,
        A::InputClear,
        "clear the words",
    ),
    quiet(named(K::Up), C::TaskPicker, A::Up, "move up"),
    quiet(named(K::Down), C::TaskPicker, A::Down, "move down"),
    quiet(named(K::PageUp), C::TaskPicker, A::PageUp, "page up"),
    quiet(named(K::PageDown), C::TaskPicker, A::PageDown, "page down"),
    quiet(named(K::Home), C::TaskPicker, A::Top, "first task"),
    quiet(named(K::End), C::TaskPicker, A::Bottom, "last task"),
    shown(named(K::Enter), C::PersonPicker, A::Submit, "move here"),
    shown(named(K::Esc), C::PersonPicker, A::Cancel, "cancel"),
    quiet(
        named(K::Backspace),
        C::PersonPicker,
        A::FilterBackspace,
        "delete",
    ),
    quiet(
        KeySpec::ctrl('u'),
        C::PersonPicker,
        A::InputClear,
        "clear the name",
    ),
    quiet(named(K::Up), C::PersonPicker, A::Up, "move up"),
    quiet(named(K::Down), C::PersonPicker, A::Down, "move down"),
    quiet(named(K::PageUp), C::PersonPicker, A::PageUp, "page up"),
    quiet(
        named(K::PageDown),
        C::PersonPicker,
        A::PageDown,
        "page down",
    ),
    quiet(named(K::Home), C::PersonPicker, A::Top, "first person"),
    quiet(named(K::End), C::PersonPicker, A::Bottom, "last person"),
    shown(named(K::Tab), C::Export, A::NextChoice, "next format"),
    quiet(
        named(K::BackTab),
        C::Export,
        A::PrevChoice,
        "previous format",
    ),
    shown(named(K::Up), C::Export, A::Up, "team/person"),
    quiet(named(K::Down), C::Export, A::Up, "team/person"),
    shown(named(K::Enter), C::Fixes, A::Submit, "apply"),
    shown(named(K::Esc), C::Fixes, A::Cancel, "cancel"),
    quiet(named(K::Up), C::Fixes, A::Up, "move up"),
    quiet(ch('k'), C::Fixes, A::Up, "move up"),
    quiet(named(K::Down), C::Fixes, A::Down, "move down"),
    quiet(ch('j'), C::Fixes, A::Down, "move down"),
    quiet(named(K::Home), C::Fixes, A::Top, "first fix"),
    quiet(named(K::End), C::Fixes, A::Bottom, "last fix"),
    shown(named(K::Enter), C::Rebalance, A::Submit, "apply one"),
    shown(ch('a'), C::Rebalance, A::ApplyAll, "apply all"),
    shown(named(K::Esc), C::Rebalance, A::Cancel, "close"),
    quiet(ch('q'), C::Rebalance, A::Cancel, "close"),
    quiet(named(K::Up), C::Rebalance, A::Up, "move up"),
    quiet(ch('k'), C::Rebalance, A::Up, "move up"),
    quiet(named(K::Down), C::Rebalance, A::Down, "move down"),
    quiet(ch('j'), C::Rebalance, A::Down, "move down"),
    quiet(named(K::PageUp), C::Rebalance, A::PageUp, "page up"),
    quiet(named(K::PageDown), C::Rebalance, A::PageDown, "page down"),
    quiet(named(K::Home), C::Rebalance, A::Top, "first change"),
    quiet(named(K::End), C::Rebalance, A::Bottom, "last change"),
    shown(named(K::Esc), C::Help, A::Cancel, "close"),
    quiet(ch('?'), C::Help, A::Cancel, "close"),
    quiet(ch('q'), C::Help, A::Cancel, "close"),
    quiet(named(K::Up), C::Help, A::Up, "scroll up"),
    quiet(ch('k'), C::Help, A::Up, "scroll up"),
    quiet(named(K::Down), C::Help, A::Down, "scroll down"),
    quiet(ch('j'), C::Help, A::Down, "scroll down"),
    quiet(named(K::PageUp), C::Help, A::PageUp, "page up"),
    quiet(named(K::PageDown), C::Help, A::PageDown, "page down"),
];
