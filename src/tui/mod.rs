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
//! - [`keymap`]: the bindings table that dispatches keys and generates footer, help and README;
//! - [`history`] and [`input`]: undo/redo snapshots and the text field prompts use; [`filter`]:
//!   the catalog narrowed by typed words, for the catalog pane and the import's task picker;
//! - [`import`] and [`export`]: the state of the offer import and report export overlays;
//! - [`view`]: draws the state, one small file per screen region; [`mouse`] hit-tests clicks
//!   against the same layout;
//! - [`run`]: the blocking event loop, saves and recovery copies ([`persist`]), the terminal
//!   guard ([`terminal`]) and the user's [`config`].

pub mod action;
pub mod config;
pub mod export;
pub mod filter;
pub mod focus;
pub mod history;
pub mod import;
pub mod input;
pub mod keymap;
pub mod keyspec;
pub mod mouse;
pub mod persist;
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
