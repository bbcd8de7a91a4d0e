//! Taking over the terminal and always giving it back: on quit, on error (the guard's `Drop`)
//! and on panic (a hook). `ratatui::init` restores raw mode and the alternate screen but not
//! mouse capture or bracketed paste, so those are undone here too.
//!
//! This and `console` are the only modules that touch standard output: ratatui draws cells,
//! and the view passes untrusted text through `safe_text` before it becomes a cell.
#![allow(clippy::disallowed_methods)]

use std::io::{Write, stdout};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType};
use ratatui::DefaultTerminal;

/// The terminal in raw mode on the alternate screen, restored when dropped.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    pub fn enter(mouse: bool) -> std::io::Result<TerminalGuard> {
        let terminal = ratatui::try_init()?;
        // ratatui's hook (installed by try_init) restores raw mode and the screen; ours runs
        // first and turns off what it does not know about.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A worker's caught panic leaves the view running: the terminal stays as it is.
            if crate::fix::program::is_contained_thread() {
                return;
            }
            release_input_modes();
            previous(info);
        }));
        let mut out = stdout();
        // What was on the screen before (the recovery question) must not show through cells
        // the first frame leaves blank; some terminals keep it on the alternate screen.
        // (ratatui's own `clear` asks for the cursor position, which not every terminal
        // answers.)
        execute!(out, Clear(ClearType::All), EnableBracketedPaste)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        release_input_modes();
        ratatui::restore();
        let _ = stdout().flush();
    }
}

fn release_input_modes() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
}
