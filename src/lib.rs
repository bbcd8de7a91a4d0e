//! rolescope: scope community and social media roles honestly.
//!
//! The library is the whole engine (catalogs, plans, the mismatch rules, reports) and knows
//! nothing of terminals; the command line (`cli`) and the TUI are thin front ends over it.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::float_cmp))]

pub mod analysis;
pub mod catalog;
pub mod cli;
pub mod console;
pub mod error;
pub mod finding;
pub mod fix;
pub mod fsio;
pub mod offer;
pub mod paths;
pub mod plan;
pub mod report;
pub mod safe_text;
pub mod safe_writer;
pub mod suggest;
pub mod tui;
pub mod yaml;

pub use analysis::{Analysis, PersonSummary, analyze};
pub use catalog::{Catalog, Category, Owner, Role, Task};
pub use error::{InputError, InputErrors, Location};
pub use finding::{Finding, Rule, Severity};
pub use plan::{Assignment, Person, Plan, RoleSpec};
