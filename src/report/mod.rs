//! Output formats built from an [`Analysis`](crate::Analysis) or a judged offer: plain text for
//! a terminal or a log, and JSON for scripts (`check`, `offer`); and shareable reports
//! (`report`): a format-independent [`model`] laid out as Markdown, HTML, CSV or JSON, and a
//! job ad to publish (Markdown or HTML). They
//! produce strings; printing, colour and files are the front ends' business.

pub mod check_json;
pub mod check_text;
pub mod csv;
pub mod escape;
pub mod html;
mod job_ad;
pub mod json;
pub mod markdown;
pub mod model;
pub mod numbers;
pub mod offer_json;
pub mod offer_text;
mod render;
mod sections;
mod words;
pub mod wrap;

pub use check_json::{CheckJson, check_json};
pub use check_text::{Paint, Plain, Tone, check_text};
pub use job_ad::{NotReady, not_ready};
pub use model::{Report, Subject};
pub use offer_json::{OfferJson, offer_json};
pub use offer_text::{offer_text, verdict_sentence};
pub use render::{ReportFormat, render, render_offer_reply, write};
