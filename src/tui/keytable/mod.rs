//! The one table of key bindings, and what reads only it: lookup under given contexts, help
//! rows, the docs' key list, remapping and the check for clashes. It knows nothing of the
//! [`App`](super::state::App), so the state can hold the table in force; which contexts apply
//! to an app now, and so what a key does there and what the footer shows, is
//! [`keymap`](super::keymap)'s, above the state.
//!
//! Pane contexts are layered over `Global`; modal contexts (overlays, the filter being typed)
//! replace it, so `q` can close the help and letters can be typed into a prompt.

mod defaults;
mod help;
mod remap;
#[cfg(test)]
mod tests;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use self::defaults::BINDINGS;
#[cfg(test)]
pub(crate) use self::defaults::{ch, quiet, shown};
pub use self::help::{command_name, command_names, help_rows, keys_for, markdown_key_list};
pub(crate) use self::help::{groups, joined};
pub use self::remap::{RemapError, remap};
use super::action::Action;
use super::keyspec::KeySpec;

pub(crate) const ALT_GR: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::ALT);

/// Ctrl-C: always [`Action::Interrupt`], before the key table is looked at, so no config can
/// take away the way out (`config.yaml` may not bind it).
pub const INTERRUPT: KeySpec = KeySpec::ctrl('c');

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    People,
    Tasks,
    Catalog,
    Findings,
    /// Typing into a filter: the catalog's or the people's.
    Filter,
    Prompt,
    Confirm,
    /// The question asked when quitting with unsaved changes.
    Unsaved,
    RolePicker,
    /// Checking an imported offer's duty lines.
    Import,
    /// Picking any catalog task for one of those lines.
    TaskPicker,
    /// Picking the person a task moves to.
    PersonPicker,
    /// Choosing a report's format, subject and path (the prompt keys edit the path).
    Export,
    /// Choosing one of a finding's fixes.
    Fixes,
    /// The team's rebalance, change by change.
    Rebalance,
    Help,
}

impl Context {
    /// Every context, in the order help and docs/view.md list them.
    pub const ALL: [Context; 17] = [
        Context::Global,
        Context::People,
        Context::Tasks,
        Context::Catalog,
        Context::Findings,
        Context::Filter,
        Context::Prompt,
        Context::Confirm,
        Context::Unsaved,
        Context::RolePicker,
        Context::Import,
        Context::TaskPicker,
        Context::PersonPicker,
        Context::Export,
        Context::Fixes,
        Context::Rebalance,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::People => "People",
            Context::Tasks => "Tasks",
            Context::Catalog => "Catalog",
            Context::Findings => "Findings",
            Context::Filter => "Typing a filter (catalog or people)",
            Context::Prompt => "Prompts",
            Context::Confirm => "Questions",
            Context::Unsaved => "Quitting with unsaved changes",
            Context::RolePicker => "Role picker",
            Context::Import => "Importing an offer (after pasting it)",
            Context::TaskPicker => "Picking any task for a duty line (importing, t)",
            Context::PersonPicker => "Picking the person a task moves to (tasks, m)",
            Context::Export => "Exporting a report (prompt keys edit the path)",
            Context::Fixes => "A finding's fixes (findings, f)",
            Context::Rebalance => "The team's rebalance (F)",
            Context::Help => "Help",
        }
    }

    /// The name used in `config.yaml` key overrides (`global.quit`, `tasks.unassign`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::People => "people",
            Context::Tasks => "tasks",
            Context::Catalog => "catalog",
            Context::Findings => "findings",
            Context::Filter => "filter",
            Context::Prompt => "prompt",
            Context::Confirm => "confirm",
            Context::Unsaved => "unsaved",
            Context::RolePicker => "role-picker",
            Context::Import => "import",
            Context::TaskPicker => "task-picker",
            Context::PersonPicker => "person-picker",
            Context::Export => "export",
            Context::Fixes => "fixes",
            Context::Rebalance => "rebalance",
            Context::Help => "help",
        }
    }

    /// Whether `Global` bindings also apply here (pane contexts) or not (modal ones).
    pub fn over_global(self) -> bool {
        matches!(
            self,
            Context::People | Context::Tasks | Context::Catalog | Context::Findings
        )
    }

    /// The context whose bindings also apply under this one: modal contexts that edit a text
    /// field take the prompt's editing keys.
    pub fn layered_over(self) -> Option<Context> {
        match self {
            Context::Export => Some(Context::Prompt),
            _ => None,
        }
    }

    /// What an unbound printable character does here, for contexts that take text.
    fn typed(self, c: char) -> Option<Action> {
        match self {
            Context::Filter | Context::TaskPicker | Context::PersonPicker => {
                Some(Action::FilterInput(c))
            }
            Context::Prompt | Context::Export => Some(Action::Input(c)),
            _ => None,
        }
    }

    /// The help line for typing, in contexts that take text.
    fn typing_help(self) -> Option<&'static str> {
        match self {
            Context::Filter => Some("narrow the list as you type, best match first"),
            Context::Prompt => {
                Some("type or paste the value (importing: the offer, or a file's path)")
            }
            Context::Export => Some("type the path"),
            Context::TaskPicker => Some("narrow the tasks as you type, best match first"),
            Context::PersonPicker => Some("narrow the people as you type, best match first"),
            _ => None,
        }
    }
}

/// Whether and where the footer shows a binding; it has room for the main actions only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    /// Only in help and docs/view.md.
    Hidden,
    /// From the left, while there is room.
    Shown,
    /// Always, at the right: the ways to get help and out must never be crowded off.
    Pinned,
}

/// One key binding.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub key: KeySpec,
    pub context: Context,
    pub action: Action,
    pub help: &'static str,
    pub footer: Footer,
}

/// Looks `key` up in `bindings` (the defaults, or later a remapped table) under `contexts`.
pub fn action_in(bindings: &[Binding], contexts: &[Context], key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let spec = KeySpec::from_event(&key);
    if spec == INTERRUPT {
        return Some(Action::Interrupt);
    }
    contexts
        .iter()
        .find_map(|&ctx| {
            bindings
                .iter()
                .find(|b| b.context == ctx && b.key == spec)
                .map(|b| b.action.clone())
        })
        .or_else(|| match spec.code {
            // AltGr arrives as Ctrl+Alt on Windows, and types `@`, `€`, ... on many layouts.
            KeyCode::Char(c) if spec.modifiers.is_empty() || spec.modifiers == ALT_GR => {
                contexts.first()?.typed(c)
            }
            _ => None,
        })
}

/// Pairs of bindings that would fight over a key: the same key twice in one context, or a
/// global key also bound in a pane context (where both apply). Remapped tables must be checked
/// with this before use, since the first match would silently win.
pub fn duplicates(bindings: &[Binding]) -> Vec<(KeySpec, Context, Context)> {
    let overlap = |a: Context, b: Context| {
        a == b
            || (a == Context::Global && b.over_global())
            || (b == Context::Global && a.over_global())
            || a.layered_over() == Some(b)
            || b.layered_over() == Some(a)
    };
    let mut out = Vec::new();
    for (i, a) in bindings.iter().enumerate() {
        for b in &bindings[i + 1..] {
            if a.key == b.key && overlap(a.context, b.context) {
                out.push((a.key, a.context, b.context));
            }
        }
    }
    out
}
