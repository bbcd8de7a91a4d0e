//! Colour for the text reports, when writing to a terminal that wants it.

use crossterm::style::Stylize as _;

use super::ColorChoice;
use crate::console;
use crate::report::{Paint, Tone};

/// ANSI colours from the terminal's own palette (named colours), so light and dark themes work.
pub struct AnsiPaint;

impl Paint for AnsiPaint {
    fn paint(&self, text: &str, tone: Tone) -> String {
        match tone {
            Tone::Error => text.red().bold().to_string(),
            Tone::Warning => text.yellow().bold().to_string(),
            Tone::Info => text.blue().to_string(),
            Tone::Heading => text.bold().to_string(),
            Tone::Dim => text.dim().to_string(),
            Tone::Good => text.green().to_string(),
        }
    }
}

/// Colour only for a terminal, never under `NO_COLOR` or `TERM=dumb`, unless forced.
pub fn use_colour(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            console::stdout_is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// Columns to wrap text to: the terminal's width (at most 100, for readability), else 100.
pub fn width() -> usize {
    if console::stdout_is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
    {
        return usize::from(cols).clamp(40, 100);
    }
    100
}
