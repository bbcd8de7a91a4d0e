//! The one table of key bindings: it dispatches keys, and it is what the footer, the help popup
//! and the README's key list are generated from, so none of them can drift from the code.
//!
//! Pane contexts are layered over `Global`; modal contexts (overlays, the filter being typed)
//! replace it, so `q` can close the help and letters can be typed into a prompt.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::import::ImportStep;
use super::keyspec::KeySpec;
use super::state::{App, Confirm, Focus, Overlay};

const ALT_GR: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::ALT);

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
    /// Typing into the catalog filter.
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
    /// Choosing a report's format, subject and path (the prompt keys edit the path).
    Export,
    Help,
}

impl Context {
    /// Every context, in the order help and the README list them.
    pub const ALL: [Context; 14] = [
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
        Context::Export,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::People => "People",
            Context::Tasks => "Tasks",
            Context::Catalog => "Catalog",
            Context::Findings => "Findings",
            Context::Filter => "Typing a catalog filter",
            Context::Prompt => "Prompts",
            Context::Confirm => "Questions",
            Context::Unsaved => "Quitting with unsaved changes",
            Context::RolePicker => "Role picker",
            Context::Import => "Importing an offer (after pasting it)",
            Context::TaskPicker => "Picking any task for a duty line (importing, t)",
            Context::Export => "Exporting a report (prompt keys edit the path)",
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
            Context::Export => "export",
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
            Context::Filter | Context::TaskPicker => Some(Action::FilterInput(c)),
            Context::Prompt | Context::Export => Some(Action::Input(c)),
            _ => None,
        }
    }

    /// The help line for typing, in contexts that take text.
    fn typing_help(self) -> Option<&'static str> {
        match self {
            Context::Filter => Some("narrow the catalog as you type"),
            Context::Prompt => {
                Some("type or paste the value (importing: the offer, or a file's path)")
            }
            Context::Export => Some("type the path"),
            Context::TaskPicker => Some("narrow the tasks as you type (title, id, keywords)"),
            _ => None,
        }
    }
}

/// Whether and where the footer shows a binding; it has room for the main actions only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    /// Only in help and the README.
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

const fn shown(key: KeySpec, context: Context, action: Action, help: &'static str) -> Binding {
    binding(key, context, action, help, Footer::Shown)
}

const fn quiet(key: KeySpec, context: Context, action: Action, help: &'static str) -> Binding {
    binding(key, context, action, help, Footer::Hidden)
}

const fn pinned(key: KeySpec, context: Context, action: Action, help: &'static str) -> Binding {
    binding(key, context, action, help, Footer::Pinned)
}

const fn ch(c: char) -> KeySpec {
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
    shown(ch('/'), C::Global, A::FilterStart, "filter catalog"),
    shown(ch('t'), C::Global, A::ToggleScope, "person/team findings"),
    shown(ch('v'), C::Global, A::ToggleCoverage, "coverage"),
    shown(ch('u'), C::Global, A::Undo, "undo"),
    quiet(KeySpec::ctrl('r'), C::Global, A::Redo, "redo"),
    shown(ch('s'), C::Global, A::Save, "save"),
    quiet(ch('S'), C::Global, A::SaveAs, "save as"),
    shown(ch('i'), C::Global, A::ImportOffer, "import offer"),
    shown(ch('e'), C::Global, A::ExportReport, "export report"),
    pinned(ch('?'), C::Global, A::Help, "help"),
    pinned(ch('q'), C::Global, A::Quit, "quit"),
    shown(ch('r'), C::People, A::RenamePerson, "rename"),
    shown(ch('R'), C::People, A::PickRole, "role"),
    shown(ch('c'), C::People, A::SetCapacity, "capacity"),
    shown(ch('d'), C::People, A::DeletePerson, "delete"),
    quiet(
        named(K::Enter),
        C::People,
        A::Focus(Focus::Tasks),
        "their tasks",
    ),
    shown(ch('+'), C::Tasks, A::HoursUp, "+½ h"),
    quiet(ch('='), C::Tasks, A::HoursUp, "+½ h"),
    shown(ch('-'), C::Tasks, A::HoursDown, "−½ h"),
    shown(ch('h'), C::Tasks, A::SetHours, "set hours"),
    shown(ch('d'), C::Tasks, A::Unassign, "unassign"),
    quiet(named(K::Delete), C::Tasks, A::Unassign, "unassign"),
    shown(named(K::Enter), C::Catalog, A::Assign, "assign"),
    quiet(named(K::Esc), C::Catalog, A::FilterClear, "clear filter"),
    shown(ch('x'), C::Findings, A::AcceptFinding, "accept"),
    shown(named(K::Enter), C::Filter, A::FilterConfirm, "keep filter"),
    shown(named(K::Esc), C::Filter, A::FilterClear, "clear filter"),
    quiet(named(K::Backspace), C::Filter, A::FilterBackspace, "delete"),
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
    quiet(named(K::Up), C::TaskPicker, A::Up, "move up"),
    quiet(named(K::Down), C::TaskPicker, A::Down, "move down"),
    quiet(named(K::PageUp), C::TaskPicker, A::PageUp, "page up"),
    quiet(named(K::PageDown), C::TaskPicker, A::PageDown, "page down"),
    quiet(named(K::Home), C::TaskPicker, A::Top, "first task"),
    quiet(named(K::End), C::TaskPicker, A::Bottom, "last task"),
    shown(named(K::Tab), C::Export, A::NextChoice, "next format"),
    quiet(
        named(K::BackTab),
        C::Export,
        A::PrevChoice,
        "previous format",
    ),
    shown(named(K::Up), C::Export, A::Up, "team/person"),
    quiet(named(K::Down), C::Export, A::Up, "team/person"),
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

/// The contexts whose bindings apply now, most specific first.
pub fn active_contexts(app: &App) -> Vec<Context> {
    if app.too_small() {
        // Only quitting works (see `update`): the global quit key, even over an overlay, as
        // the "too small" screen says, and the answers to a question about saving.
        return match app.saving_question() {
            Some(Confirm::Quit) => vec![Context::Unsaved],
            Some(_) => vec![Context::Confirm],
            None => vec![Context::Global],
        };
    }
    match app.top_overlay() {
        Some(Overlay::Help { .. }) => vec![Context::Help],
        Some(Overlay::Confirm(Confirm::Quit)) => vec![Context::Unsaved],
        Some(Overlay::Confirm(_)) => vec![Context::Confirm],
        Some(Overlay::Prompt { .. }) => vec![Context::Prompt],
        Some(Overlay::RolePicker { .. }) => vec![Context::RolePicker],
        Some(Overlay::Import(step)) => match &**step {
            ImportStep::Source { .. } => vec![Context::Prompt],
            ImportStep::Review(review) if review.picker.is_some() => vec![Context::TaskPicker],
            ImportStep::Review(_) => vec![Context::Import],
        },
        Some(Overlay::Export(_)) => vec![Context::Export, Context::Prompt],
        None if app.filter_editing => vec![Context::Filter],
        None => {
            let pane = match app.focus {
                Focus::People => Context::People,
                Focus::Tasks => Context::Tasks,
                Focus::Catalog => Context::Catalog,
                Focus::Findings => Context::Findings,
            };
            vec![pane, Context::Global]
        }
    }
}

/// The action a key press asks for in the app's current context; releases and repeats of
/// the kitty protocol (and Windows' release events) are ignored so no key fires twice.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    action_in(&app.bindings, &active_contexts(app), key)
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

/// The bindings of one context grouped by action (keys in table order), e.g. `up/k`, each
/// with the footer placement of its first binding.
fn groups(
    bindings: &[Binding],
    context: Context,
    footer_only: bool,
) -> Vec<(Vec<KeySpec>, &'static str, Footer)> {
    let mut out: Vec<(Vec<KeySpec>, &Action, &'static str, Footer)> = Vec::new();
    for b in bindings
        .iter()
        .filter(|b| b.context == context && (b.footer != Footer::Hidden || !footer_only))
    {
        match out
            .iter_mut()
            .find(|(_, action, _, _)| **action == b.action)
        {
            Some((keys, ..)) => keys.push(b.key),
            None => out.push((vec![b.key], &b.action, b.help, b.footer)),
        }
    }
    out.into_iter()
        .map(|(keys, _, help, footer)| (keys, help, footer))
        .collect()
}

fn joined(keys: &[KeySpec], sep: &str) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// The keys bound to `action` in `context`, as help shows them (`up/k`), if any: for text
/// that names a key, so it stays true under a remapped table.
pub fn keys_for(bindings: &[Binding], context: Context, action: &Action) -> Option<String> {
    let keys: Vec<KeySpec> = bindings
        .iter()
        .filter(|b| b.context == context && b.action == *action)
        .map(|b| b.key)
        .collect();
    (!keys.is_empty()).then(|| joined(&keys, "/"))
}

/// A footer entry: the keys (`up/k`), what they do, and whether it is pinned to the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub help: &'static str,
    pub pinned: bool,
}

/// The keys to show in the footer now: the focused context's first, then the global ones.
pub fn footer_hints(app: &App) -> Vec<Hint> {
    active_contexts(app)
        .into_iter()
        .flat_map(|ctx| groups(&app.bindings, ctx, true))
        .map(|(keys, help, footer)| Hint {
            keys: joined(&keys, "/"),
            help,
            pinned: footer == Footer::Pinned,
        })
        .collect()
}

/// Every binding for the help popup, by context, with same-action keys on one row.
pub fn help_rows(bindings: &[Binding]) -> Vec<(Context, String, &'static str)> {
    let mut rows = Vec::new();
    for ctx in Context::ALL {
        for (keys, help, _) in groups(bindings, ctx, false) {
            rows.push((ctx, joined(&keys, "/"), help));
        }
        if let Some(help) = ctx.typing_help() {
            rows.push((ctx, "(type)".to_owned(), help));
        }
    }
    rows
}

/// The key list for the README, one section per context.
pub fn markdown_key_list() -> String {
    let mut lines = Vec::new();
    for ctx in Context::ALL {
        lines.push(format!("**{}**\n", ctx.title()));
        for (keys, help, _) in groups(BINDINGS, ctx, false) {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            lines.push(format!(
                "- {}: {help} (`{}.{}`)",
                keys.join(" / "),
                ctx.name(),
                command_name(help)
            ));
        }
        if let Some(help) = ctx.typing_help() {
            lines.push(format!("- any character: {help}"));
        }
        lines.push(String::new());
    }
    lines.join("\n")
}

/// The config name of a command: its help text in kebab case (`add person` → `add-person`).
pub fn command_name(help: &str) -> String {
    let mut out = String::new();
    for c in help.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `context.command` for every default binding, in table order: the names `config.yaml` uses.
pub fn command_names() -> Vec<String> {
    BINDINGS
        .iter()
        .map(|b| format!("{}.{}", b.context.name(), command_name(b.help)))
        .collect()
}

/// The default table with the user's overrides: each `context.command` name gets exactly the
/// keys given (replacing its defaults). Unknown names and keys that would clash are errors,
/// since a silently ignored or shadowed binding is worse than none.
pub fn remap(overrides: &[(String, Vec<KeySpec>)]) -> Result<Vec<Binding>, RemapError> {
    let mut table: Vec<Binding> = BINDINGS.to_vec();
    let names = command_names();
    for (name, keys) in overrides {
        let fail = |message: String| RemapError {
            command: name.clone(),
            message,
        };
        let Some(first) = names.iter().position(|n| n == name) else {
            let hint = crate::suggest::hint(name, names.iter().map(String::as_str));
            return Err(fail(format!(
                "unknown key command `{name}`{hint}; `?` in rolescope and the README list them"
            )));
        };
        if keys.contains(&INTERRUPT) {
            return Err(fail(format!(
                "`{INTERRUPT}` always quits (asking about unsaved changes), so it cannot be bound to anything"
            )));
        }
        let template = BINDINGS[first].clone();
        table.retain(|b| {
            b.context != template.context || command_name(b.help) != command_name(template.help)
        });
        for (i, key) in keys.iter().enumerate() {
            table.push(Binding {
                key: *key,
                footer: if i == 0 {
                    template.footer
                } else {
                    Footer::Hidden
                },
                ..template.clone()
            });
        }
    }
    if let Some((key, a, b)) = duplicates(&table).first() {
        // Every command the key would reach in the two contexts, each named once.
        let mut commands: Vec<String> = Vec::new();
        for x in table
            .iter()
            .filter(|x| x.key == *key && (x.context == *a || x.context == *b))
        {
            let name = format!("{}.{}", x.context.name(), command_name(x.help));
            if !commands.contains(&name) {
                commands.push(name);
            }
        }
        // The clash comes from the config (the defaults have none): blame a command it set.
        let command = commands
            .iter()
            .find(|c| overrides.iter().any(|(n, _)| n == *c))
            .or_else(|| overrides.first().map(|(n, _)| n))
            .cloned()
            .unwrap_or_default();
        let listed = match commands.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => commands.join(""),
        };
        return Err(RemapError {
            command,
            message: format!(
                "key `{key}` would be bound to both {listed}; give one of them another key"
            ),
        });
    }
    Ok(table)
}

/// Why a remapped key table was refused, and the `context.command` of the config it is
/// about, so the message can name the config file's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemapError {
    pub command: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crossterm::event::{KeyEventState, KeyModifiers};

    use super::*;
    use crate::{Catalog, Plan};

    fn app() -> App {
        App::new(Arc::new(Catalog::builtin().unwrap()), Plan::new("t"), None)
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn no_key_is_bound_twice_where_both_bindings_apply() {
        assert_eq!(duplicates(BINDINGS), []);
    }

    #[test]
    fn duplicates_are_found_within_a_context_and_against_global() {
        let table = [
            quiet(ch('q'), C::Global, A::Quit, "quit"),
            quiet(ch('q'), C::People, A::RenamePerson, "rename"),
            quiet(ch('q'), C::Help, A::Cancel, "close"),
            quiet(ch('x'), C::Findings, A::AcceptFinding, "accept"),
            quiet(ch('x'), C::Findings, A::Help, "help"),
        ];
        assert_eq!(
            duplicates(&table),
            [
                (ch('q'), C::Global, C::People),
                (ch('x'), C::Findings, C::Findings)
            ]
        );
    }

    #[test]
    fn only_presses_dispatch() {
        let app = app();
        assert_eq!(action_for(&app, key('q')), Some(Action::Quit));
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let ev = KeyEvent::new_with_kind_and_state(
                KeyCode::Char('q'),
                KeyModifiers::NONE,
                kind,
                KeyEventState::NONE,
            );
            assert_eq!(action_for(&app, ev), None);
        }
    }

    #[test]
    fn pane_keys_win_and_globals_still_apply() {
        let mut app = app();
        assert_eq!(action_for(&app, key('d')), Some(Action::DeletePerson));
        app.focus = Focus::Tasks;
        assert_eq!(action_for(&app, key('d')), Some(Action::Unassign));
        assert_eq!(action_for(&app, key('u')), Some(Action::Undo));
        let redo = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&app, redo), Some(Action::Redo));
        let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(&app, back), Some(Action::FocusPrev));
    }

    #[test]
    fn modal_contexts_take_text_and_hide_globals() {
        let mut app = app();
        app.filter_editing = true;
        assert_eq!(action_for(&app, key('q')), Some(Action::FilterInput('q')));
        app.filter_editing = false;
        app.overlays.push(Overlay::Prompt {
            kind: crate::tui::state::PromptKind::AddPerson,
            input: crate::tui::TextInput::default(),
        });
        assert_eq!(action_for(&app, key('q')), Some(Action::Input('q')));
        assert_eq!(action_for(&app, key('山')), Some(Action::Input('山')));
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&app, ctrl_x), None);
        let alt_gr_at = KeyEvent::new(KeyCode::Char('@'), ALT_GR);
        assert_eq!(action_for(&app, alt_gr_at), Some(Action::Input('@')));
        app.overlays.push(Overlay::Help { scroll: 0 });
        assert_eq!(action_for(&app, key('q')), Some(Action::Cancel));
    }

    fn shown_hints(app: &App) -> Vec<(String, &'static str, bool)> {
        footer_hints(app)
            .into_iter()
            .map(|h| (h.keys, h.help, h.pinned))
            .collect()
    }

    #[test]
    fn footer_follows_the_context() {
        let mut app = app();
        let hints = shown_hints(&app);
        assert_eq!(hints[0], ("r".to_owned(), "rename", false));
        assert!(hints.contains(&("q".to_owned(), "quit", true)));
        assert!(!hints.iter().any(|(_, h, _)| *h == "move up"));
        app.overlays.push(Overlay::Confirm(Confirm::Quit));
        let keys: Vec<String> = shown_hints(&app).into_iter().map(|(k, ..)| k).collect();
        assert_eq!(keys, ["s", "d", "esc"]);
    }

    #[test]
    fn the_table_pins_help_and_quit_whatever_their_keys_or_words() {
        let pinned = |app: &App| -> Vec<(String, &'static str)> {
            shown_hints(app)
                .into_iter()
                .filter(|(.., p)| *p)
                .map(|(k, h, _)| (k, h))
                .collect()
        };
        let mut app = app();
        assert_eq!(
            pinned(&app),
            [("?".to_owned(), "help"), ("q".to_owned(), "quit")]
        );
        // Remapped, quit keeps its place on its first key; the words "help" or "quit" in
        // another binding's help pin nothing.
        let mut table = remap(&[("global.quit".into(), vec![ch('Q'), ch('Z')])]).unwrap();
        table.push(shown(ch('z'), C::People, A::Help, "help"));
        app.bindings = table.into();
        assert_eq!(
            pinned(&app),
            [("?".to_owned(), "help"), ("Q".to_owned(), "quit")]
        );
        assert!(shown_hints(&app).contains(&("z".to_owned(), "help", false)));
    }

    #[test]
    fn help_and_markdown_list_every_binding() {
        let rows = help_rows(BINDINGS);
        assert!(rows.contains(&(Context::Global, "up/k".to_owned(), "move up")));
        assert!(rows.contains(&(Context::Export, "(type)".to_owned(), "type the path")));
        let md = markdown_key_list();
        assert!(
            md.starts_with("**Everywhere**\n\n- `tab`: next pane (`global.next-pane`)\n"),
            "{md}"
        );
        for b in BINDINGS {
            assert!(md.contains(&format!("`{}`", b.key)), "{} missing", b.key);
            assert!(!b.help.is_empty());
        }
    }
}
