//! Output formats built from an [`Analysis`](crate::Analysis) or a judged offer: plain text for
//! a terminal or a log, and JSON for scripts. They produce strings; printing, colour and files
//! are the front ends' business.

pub mod check_json;
pub mod check_text;
pub mod offer_json;
pub mod offer_text;
pub mod wrap;

pub use check_json::{CheckJson, check_json};
pub use check_text::{Paint, Plain, Tone, check_text};
pub use offer_json::{OfferJson, offer_json};
pub use offer_text::{offer_text, verdict_sentence};
