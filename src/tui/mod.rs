//! The terminal UI, in the shape of the best ratatui apps: state, actions, a pure update, and
//! one key table; the view only reads the state and the event loop only feeds it.
//!
//! ```text
//!   key / paste / resize ──keymap──▶ Action ──update──▶ App (+ Analysis)
//!                                              │
//!                                              └──▶ Effect (save, read offer, export, quit)
//!                                                     ──loop──▶ Action::Saved / OfferRead / Exported
//! ```
//!
//! - [`state`]: [`App`], the plan being edited, its analysis, focus, selections and overlays;
//! - [`action`]: [`Action`], everything that can be asked of the TUI;
//! - [`update`](mod@update): [`update()`], pure, returning an [`Effect`] for the loop;
//! - [`keytable`]: the one table of key bindings, as data ([`keytable::BINDINGS`]), and what
//!   reads only it: lookup, help rows, the docs' key list, remapping, clashes; [`keymap`]:
//!   the contexts in force for the app now, so what a key does and what the footer shows;
//! - [`history`] and [`input`]: undo/redo snapshots and the text field prompts use; [`filter`]:
//!   the catalog and the people narrowed by typed words, for the catalog and People panes and
//!   the import's and the move's pickers, ranked by [`rank`];
//! - [`import`] and [`export`]: the state of the offer import and report export overlays;
//!   [`mover`] and [`fixes`]: of the move picker and of the fix and rebalance lists;
//! - [`view`]: draws the state, one small file per screen region; [`text`]: fitting text into
//!   columns; [`mouse`] hit-tests clicks against the same layout;
//! - [`run`]: the blocking event loop, saves and recovery copies ([`persist`]), the terminal
//!   guard ([`terminal`]) and the user's [`config`].
//!
//! # Layers
//!
//! A module imports only from the layers below its own, never sideways or up, so no circle of
//! imports can form; `tests/tui_layers.rs` reads every file's paths against this diagram. The
//! state holds the key table in force (a remap is the user's, and `update` bounds the help's
//! scroll by it), so the table sits below the state, and only what reads an [`App`] (which
//! contexts apply now) sits above it, in [`keymap`]. The files of a directory are one module
//! here; nothing imports from this root, which only re-exports for the crate's users.
//!
//! ```text
//!   run                                   the loop: reads events, performs effects, saves
//!   mouse, config                         clicks on the view's layout; the user's settings
//!   view                                  draws an App (and the table in force it holds)
//!   update                                update(App, Action) → Effect, pure
//!   keymap                                contexts in force for an App: key → Action, footer
//!   state                                 App, overlays, selections, the minimum size
//!   keytable                              the bindings as data; lookup, help rows, remapping
//!   action, import, export, mover, fixes  Action; the state of the import, export, move, fix overlays
//!   focus, keyspec, input, filter, history, text, persist, terminal
//!   rank                                  typed words ranked against a list (nucleo)
//! ```

pub mod action;
pub mod config;
pub mod export;
pub mod filter;
pub mod fixes;
pub mod focus;
pub mod history;
pub mod import;
pub mod input;
pub mod keymap;
pub mod keyspec;
pub mod keytable;
pub mod mouse;
pub mod mover;
pub mod persist;
pub mod rank;
pub mod run;
pub mod state;
pub mod terminal;
pub mod text;
pub mod update;
pub mod view;

pub use action::Action;
pub use history::History;
pub use input::TextInput;
pub use keymap::{Binding, Context, action_for, footer_hints, help_rows, markdown_key_list};
pub use keyspec::KeySpec;
pub use state::{App, Confirm, Focus, Overlay, PromptKind, Scope, Selection};
pub use update::{Effect, update};
