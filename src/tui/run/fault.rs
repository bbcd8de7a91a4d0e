//! The faults the end-to-end tests inject into the loop, in a file of their own so the loop
//! reads without them.

use crossterm::event::Event;

/// A fault injected by the end-to-end tests, which check that the terminal is restored after
/// an error and after a panic: with `ROLESCOPE_TEST_FAULT=panic` (or `error`), F12 panics (or
/// fails the loop). Without the variable nothing changes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Fault {
    Panic,
    Error,
}

impl Fault {
    pub(super) fn from_env() -> Option<Fault> {
        match std::env::var("ROLESCOPE_TEST_FAULT").ok()?.as_str() {
            "panic" => Some(Fault::Panic),
            "error" => Some(Fault::Error),
            _ => None,
        }
    }

    pub(super) fn trigger(self, event: &Event) -> anyhow::Result<()> {
        let Event::Key(key) = event else {
            return Ok(());
        };
        if key.code != crossterm::event::KeyCode::F(12) {
            return Ok(());
        }
        match self {
            Fault::Panic => panic!("injected panic (ROLESCOPE_TEST_FAULT=panic)"),
            Fault::Error => anyhow::bail!("injected error (ROLESCOPE_TEST_FAULT=error)"),
        }
    }
}
