//! The typed error for bad input: a file that cannot be read, parsed or validated.
//!
//! It is typed (not an `anyhow` string) because every front end shows it the same way:
//! `file:line:column: message`, like a compiler, and the TUI shows it before taking the terminal.

use std::fmt;

use serde::Serialize;

/// A 1-based position in a source file, as editors and compilers print them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One problem with one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `<built-in>/...`, `<stdin>`) the text came from.
    pub origin: String,
    pub location: Option<Location>,
    /// What went wrong and what was expected, with a did-you-mean where one helps.
    pub message: String,
}

impl InputError {
    pub fn new(
        origin: impl Into<String>,
        location: Option<Location>,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            origin: origin.into(),
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(loc) => write!(f, "{}:{}: {}", self.origin, loc, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// Every problem found in a set of inputs, so a user fixes them in one pass, not one per run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

impl From<InputError> for InputErrors {
    fn from(e: InputError) -> Self {
        InputErrors(vec![e])
    }
}
