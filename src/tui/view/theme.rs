//! Colours and the symbols that carry the same meaning without them.
//!
//! The default theme uses ANSI named colours, so the user's terminal palette (dark or light)
//! decides the actual shades. The light theme does not: palette colours are whatever the user's
//! terminal makes of them (colour 7 is near white in many), so it paints its own white
//! background and uses explicit colours chosen for it, each with a contrast of at least 4.5:1
//! for text and 3:1 for lines (a test measures every cell). The monochrome theme (under
//! `NO_COLOR` or `TERM=dumb`) uses only reverse, bold and underline. Every state also has a
//! symbol or a word, so no theme shows anything by colour alone, and in every theme the
//! selection of the focused pane looks different from the unfocused panes' selections.

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

    /// The theme to use: `--theme` (or `ROLESCOPE_THEME`, which clap reads for the flag) over
    /// `NO_COLOR` and `TERM=dumb` over `config.yaml`. An explicit choice wins over `NO_COLOR`,
    /// as no-color.org allows: the variable is a default, not a ban.
    pub fn resolve(
        asked: Option<ThemeName>,
        config: ThemeName,
        no_color: Option<&str>,
        term: Option<&str>,
    ) -> ThemeName {
        asked.unwrap_or_else(|| ThemeName::from_env(config, no_color, term))
    }
}

/// Styles for every kind of thing the view draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// Painted under everything first: the light theme's own white background.
    pub base: Style,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    /// The title of a pane without focus (a focused pane's title takes `border_focused`).
    pub pane_title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    /// The selected row of a pane without focus: visible, but quieter.
    pub selected_unfocused: Style,
    pub error: Style,
    pub warning: Style,
    pub info: Style,
    pub good: Style,
    /// Fill colours of the role-mix bar by role (in catalog order; more roles reuse the last).
    pub owners: [Color; 3],
    /// Fill colour of shared work, whatever the number of roles.
    pub shared: Color,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let plain = Style::default();
        match name {
            ThemeName::Default => Theme {
                name,
                base: plain,
                text: plain,
                dim: plain.add_modifier(Modifier::DIM),
                title: plain.add_modifier(Modifier::BOLD),
                pane_title: plain,
                border: plain.fg(Color::DarkGray),
                border_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                // Not reversed: an underlined row in a quiet pane, a solid bar in the focused one.
                selected_unfocused: plain.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
                error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
                warning: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                info: plain.fg(Color::Blue),
                good: plain.fg(Color::Green),
                owners: [Color::Cyan, Color::Magenta, Color::Yellow],
                shared: Color::Gray,
            },
            ThemeName::Light => {
                // Contrast on white (WCAG): INK 16.1, MUTED 7.6, LINE 3.3, BLUE 6.7, RED 6.5,
                // ORANGE 7.3, GREEN 5.0, TEAL 5.5, PURPLE 7.1, SLATE 7.6; BLUE on SELECT 5.7.
                let on_white = plain.fg(light::INK).bg(light::PAPER);
                Theme {
                    name,
                    base: on_white,
                    text: on_white,
                    dim: on_white.fg(light::MUTED),
                    title: on_white.add_modifier(Modifier::BOLD),
                    pane_title: on_white.fg(light::MUTED),
                    border: on_white.fg(light::LINE),
                    border_focused: on_white.fg(light::BLUE).add_modifier(Modifier::BOLD),
                    selected: plain
                        .fg(light::PAPER)
                        .bg(light::BLUE)
                        .add_modifier(Modifier::BOLD),
                    selected_unfocused: plain.fg(light::INK).bg(light::SELECT),
                    error: on_white.fg(light::RED).add_modifier(Modifier::BOLD),
                    warning: on_white.fg(light::ORANGE).add_modifier(Modifier::BOLD),
                    info: on_white.fg(light::BLUE),
                    good: on_white.fg(light::GREEN),
                    owners: [light::TEAL, light::ORANGE, light::PURPLE],
                    shared: light::SLATE,
                }
            }
            ThemeName::Mono => Theme {
                name,
                base: plain,
                text: plain,
                dim: plain,
                title: plain.add_modifier(Modifier::BOLD),
                pane_title: plain,
                border: plain,
                border_focused: plain.add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
                error: plain.add_modifier(Modifier::BOLD),
                warning: plain.add_modifier(Modifier::BOLD),
                info: plain,
                good: plain,
                owners: [Color::Reset; 3],
                shared: Color::Reset,
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

    /// Style of the bar segment for owner slot `slot` (`shared` for shared work); monochrome
    /// relies on the fill symbol.
    pub fn owner(&self, slot: usize, shared: bool) -> Style {
        let color = if shared {
            self.shared
        } else {
            self.owners[slot.min(self.owners.len() - 1)]
        };
        if self.name == ThemeName::Mono {
            self.base
        } else {
            self.base.fg(color)
        }
    }
}

/// The light theme's colours, for a white background.
mod light {
    use ratatui::style::Color;

    pub const PAPER: Color = Color::Rgb(0xff, 0xff, 0xff);
    pub const INK: Color = Color::Rgb(0x1f, 0x23, 0x28);
    pub const MUTED: Color = Color::Rgb(0x4b, 0x55, 0x63);
    pub const LINE: Color = Color::Rgb(0x8a, 0x92, 0x9c);
    pub const SELECT: Color = Color::Rgb(0xdd, 0xe3, 0xea);
    pub const BLUE: Color = Color::Rgb(0x1d, 0x4e, 0xd8);
    pub const RED: Color = Color::Rgb(0xb9, 0x1c, 0x1c);
    pub const ORANGE: Color = Color::Rgb(0x9a, 0x34, 0x12);
    pub const GREEN: Color = Color::Rgb(0x15, 0x80, 0x3d);
    pub const TEAL: Color = Color::Rgb(0x0f, 0x76, 0x6e);
    pub const PURPLE: Color = Color::Rgb(0x6d, 0x28, 0xd9);
    pub const SLATE: Color = Color::Rgb(0x4b, 0x55, 0x63);
}

/// WCAG 2 contrast ratio of two sRGB colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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
    fn a_chosen_theme_wins_over_no_color_and_no_color_over_the_config() {
        let light = Some(ThemeName::Light);
        assert_eq!(
            ThemeName::resolve(light, ThemeName::Default, Some("1"), None),
            ThemeName::Light
        );
        assert_eq!(
            ThemeName::resolve(None, ThemeName::Light, Some("1"), None),
            ThemeName::Mono
        );
        assert_eq!(
            ThemeName::resolve(None, ThemeName::Light, None, None),
            ThemeName::Light
        );
    }

    #[test]
    fn the_focused_selection_differs_from_the_unfocused_one_in_every_theme() {
        for name in [ThemeName::Default, ThemeName::Light, ThemeName::Mono] {
            let t = Theme::new(name);
            assert_ne!(t.selected, t.selected_unfocused, "{name:?}");
            // Not only by colour: a terminal without colour still tells them apart.
            assert_ne!(
                t.selected.add_modifier, t.selected_unfocused.add_modifier,
                "{name:?}"
            );
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((10, 20, 30), (10, 20, 30)) - 1.0).abs() < 1e-9);
        // palette colour 7 (xterm's 229,229,229) on white: the unreadable titles of before
        assert!(contrast((229, 229, 229), (255, 255, 255)) < 1.3);
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
