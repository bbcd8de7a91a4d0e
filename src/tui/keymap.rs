//! What the key table means for the app now: the contexts in force (the top overlay, the
//! filter being typed, the focused pane), so what a key press asks for and what the footer
//! shows. Above the state it reads; the table itself, and what reads only the table, is in
//! [`keytable`](super::keytable), below the state, and is named here too so `keymap::…` is the
//! one place to look.

use crossterm::event::KeyEvent;

use super::action::Action;
use super::import::ImportStep;
pub use super::keytable::{
    BINDINGS, Binding, Context, INTERRUPT, RemapError, action_in, command_name, command_names,
    duplicates, help_rows, keys_for, markdown_key_list, remap,
};
use super::keytable::{Footer, groups, joined};
use super::state::{App, Confirm, Focus, Overlay};

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
        Some(Overlay::MovePicker(_)) => vec![Context::PersonPicker],
        Some(Overlay::Fixes(_)) => vec![Context::Fixes],
        Some(Overlay::Rebalance(_)) => vec![Context::Rebalance],
        None if app.typing.is_some() => vec![Context::Filter],
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crossterm::event::{KeyCode, KeyEventKind, KeyEventState, KeyModifiers};

    use super::*;
    use crate::tui::keytable::{ALT_GR, ch, shown};
    use crate::{Catalog, Plan};
    use Action as A;
    use Context as C;

    fn app() -> App {
        App::new(Arc::new(Catalog::builtin().unwrap()), Plan::new("t"), None)
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
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
        app.typing = Some(crate::tui::state::Filtered::People);
        assert_eq!(action_for(&app, key('q')), Some(Action::FilterInput('q')));
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&app, ctrl_u), Some(Action::InputClear));
        app.typing = None;
        app.overlays.push(Overlay::Prompt {
            kind: crate::tui::state::PromptKind::AddPerson,
            input: crate::tui::input::TextInput::default(),
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
}
