//! The terminal UI, in the shape of the best ratatui apps: state, actions, a pure update, and
//! one key table; the view and the event loop come next and only read or feed these.
//!
//! ```text
//!   key / paste / resize ──keymap──▶ Action ──update──▶ App (+ Analysis)
//!                                              │
//!                                              └──▶ Effect (save, quit) ──loop──▶ Action::Saved
//! ```
//!
//! - [`state`]: [`App`], the plan being edited, its analysis, focus, selections and overlays;
//! - [`action`]: [`Action`], everything that can be asked of the TUI;
//! - [`update`](mod@update): [`update()`], pure, returning an [`Effect`] for the loop;
//! - [`keymap`]: the bindings table that dispatches keys and generates footer, help and README;
//! - [`history`] and [`input`]: undo/redo snapshots and the text field prompts use;
//! - to come: `view` (one small file per screen region) and `run` (the blocking event loop).

pub mod action;
pub mod history;
pub mod input;
pub mod keymap;
pub mod keyspec;
pub mod state;
pub mod update;

pub use action::Action;
pub use history::History;
pub use input::TextInput;
pub use keymap::{Binding, Context, action_for, footer_hints, help_rows, markdown_key_list};
pub use keyspec::KeySpec;
pub use state::{App, Confirm, Focus, Overlay, PromptKind, Scope, Selection};
pub use update::{Effect, update};
