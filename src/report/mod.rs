//! Output formats built from an [`Analysis`](crate::Analysis): plain text for a terminal or a
//! log, and JSON for scripts. They produce strings; printing, colour and files are the front
//! ends' business.

pub mod check_json;
pub mod check_text;
pub mod wrap;

pub use check_json::{CheckJson, check_json};
pub use check_text::{Paint, Plain, Tone, check_text};
