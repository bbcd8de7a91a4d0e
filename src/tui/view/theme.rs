//! Colours and the symbols that carry the same meaning without them.
//!
//! The default theme uses ANSI named colours, so the user's terminal palette (dark or light)
//! decides the actual shades; the light theme avoids yellow and white text; the monochrome theme
//! (under `NO_COLOR` or `TERM=dumb`) uses only reverse and bold. Every state also has a symbol
//! or a word, so no theme shows anything by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::finding::Severity;

/// Which theme to use; `config.yaml` may name one, the environment may force monochrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Default,
    Light,
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "default" => Some(ThemeName::Default),
            "light" => Some(ThemeName::Light),
            "mono" | "monochrome" => Some(ThemeName::Mono),
            _ => None,
        }
    }

    /// Monochrome when `NO_COLOR` is set (to anything but empty) or `TERM=dumb`, else `chosen`.
    pub fn from_env(chosen: ThemeName, no_color: Option<&str>, term: Option<&str>) -> ThemeName {
        if no_color.is_some_and(|v| !v.is_empty()) || term == Some("dumb") {
            ThemeName::Mono
        } else {
            chosen
        }
    }
}

/// Styles for every kind of thing the view draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    /// The selected row of a pane without focus: visible, but quieter.
    pub selected_unfocused: Style,
    pub error: Style,
    pub warning: Style,
    pub info: Style,
    pub good: Style,
    /// Fill colours of the role-mix bar by owner slot (roles in catalog order, then shared).
    pub owners: [Color; 4],
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let plain = Style::default();
        match name {
            ThemeName::Default => Theme {
                name,
                text: plain,
                dim: plain.add_modifier(Modifier::DIM),
                title: plain.add_modifier(Modifier::BOLD),
                border: plain.fg(Color::DarkGray),
                border_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                selected_unfocused: plain.add_modifier(Modifier::REVERSED),
                error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
                warning: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                info: plain.fg(Color::Blue),
                good: plain.fg(Color::Green),
                owners: [Color::Cyan, Color::Magenta, Color::Yellow, Color::Gray],
            },
            ThemeName::Light => Theme {
                name,
                text: plain,
                dim: plain.fg(Color::DarkGray),
                title: plain.add_modifier(Modifier::BOLD),
                border: plain.fg(Color::Gray),
                border_focused: plain.fg(Color::Blue).add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                selected_unfocused: plain.add_modifier(Modifier::REVERSED),
                error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
                warning: plain.fg(Color::Magenta).add_modifier(Modifier::BOLD),
                info: plain.fg(Color::Blue),
                good: plain.fg(Color::Green),
                owners: [Color::Blue, Color::Magenta, Color::Red, Color::DarkGray],
            },
            ThemeName::Mono => Theme {
                name,
                text: plain,
                dim: plain,
                title: plain.add_modifier(Modifier::BOLD),
                border: plain,
                border_focused: plain.add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                selected_unfocused: plain.add_modifier(Modifier::REVERSED),
                error: plain.add_modifier(Modifier::BOLD),
                warning: plain.add_modifier(Modifier::BOLD),
                info: plain,
                good: plain,
                owners: [Color::Reset; 4],
            },
        }
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    /// Style of the bar segment for owner slot `slot`; monochrome relies on the fill symbol.
    pub fn owner(&self, slot: usize) -> Style {
        let color = self.owners[slot.min(self.owners.len() - 1)];
        if self.name == ThemeName::Mono {
            Style::default()
        } else {
            Style::default().fg(color)
        }
    }
}

/// Bar fill symbols by owner slot, distinct without colour (the last is for shared work).
pub const FILLS: [char; 4] = ['█', '▓', '▒', '░'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_and_dumb_terminals_get_monochrome() {
        assert_eq!(
            ThemeName::from_env(ThemeName::Light, Some("1"), None),
            ThemeName::Mono
        );
        assert_eq!(
            ThemeName::from_env(ThemeName::Default, None, Some("dumb")),
            ThemeName::Mono
        );
        assert_eq!(
            ThemeName::from_env(ThemeName::Light, Some(""), Some("xterm")),
            ThemeName::Light
        );
    }

    #[test]
    fn monochrome_uses_no_colours() {
        let t = Theme::new(ThemeName::Mono);
        for style in [
            t.text, t.dim, t.title, t.border, t.selected, t.error, t.warning, t.info, t.good,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
