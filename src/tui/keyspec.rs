//! A key as bindings name it: `q`, `G`, `enter`, `ctrl-r`, `shift-tab`.
//!
//! The same spelling is parsed (for remapping from a config file) and displayed (footer, help,
//! docs/view.md), so what users read is exactly what they can write. Key events are normalised the
//! same way, because terminals disagree on whether `G` also carries SHIFT.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, normalised: characters carry their case instead of SHIFT, and
/// Shift-Tab is `BackTab` with no modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

const ALIASES: &[(&str, &str)] = &[
    ("backtab", "shift-tab"),
    ("return", "enter"),
    ("escape", "esc"),
    ("del", "delete"),
    ("pgup", "pageup"),
    ("pgdn", "pagedown"),
];

impl KeySpec {
    /// A plain character key (case matters: `g` and `G` differ).
    pub const fn char(c: char) -> KeySpec {
        KeySpec {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A named key without modifiers.
    pub const fn key(code: KeyCode) -> KeySpec {
        KeySpec {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character with Ctrl held.
    pub const fn ctrl(c: char) -> KeySpec {
        KeySpec {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The spec a key event matches.
    pub fn from_event(event: &KeyEvent) -> KeySpec {
        KeySpec::normalised(event.code, event.modifiers)
    }

    fn normalised(code: KeyCode, modifiers: KeyModifiers) -> KeySpec {
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) if shift && c.is_lowercase() => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::Tab if shift => KeyCode::BackTab,
            other => other,
        };
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
            _ => modifiers,
        };
        KeySpec { code, modifiers }
    }

    /// Parses `[ctrl-|alt-|shift-]*key`, where key is one character or a name such as
    /// `enter`, `pageup`, `space` or `f5`.
    pub fn parse(text: &str) -> Result<KeySpec, String> {
        let mut rest = text.trim();
        let mut modifiers = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let found = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len());
            match found {
                Some((prefix, m)) => {
                    modifiers |= m;
                    rest = &rest[prefix.len()..];
                }
                None => break,
            }
        }
        let code = key_code(rest).ok_or_else(|| {
            format!("unknown key `{text}`: use one character or a name like enter, esc, tab, up, pageup, space, f1, with ctrl-, alt- or shift- before it")
        })?;
        Ok(KeySpec::normalised(code, modifiers))
    }
}

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    let name = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map_or(lower.as_str(), |(_, to)| to);
    if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(*code);
    }
    let n: u8 = name.strip_prefix('f')?.parse().ok()?;
    (1..=24).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (m, prefix) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(m) {
                f.write_str(prefix)?;
            }
        }
        if let Some((name, _)) = NAMES.iter().find(|(_, c)| *c == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn parses_the_documented_spellings() {
        assert_eq!(KeySpec::parse("q"), Ok(KeySpec::char('q')));
        assert_eq!(KeySpec::parse("ctrl-r"), Ok(KeySpec::ctrl('r')));
        assert_eq!(KeySpec::parse("Ctrl-R"), Ok(KeySpec::ctrl('R')));
        assert_eq!(
            KeySpec::parse("shift-tab"),
            Ok(KeySpec::key(KeyCode::BackTab))
        );
        assert_eq!(KeySpec::parse("enter"), Ok(KeySpec::key(KeyCode::Enter)));
        assert_eq!(KeySpec::parse("PgDn"), Ok(KeySpec::key(KeyCode::PageDown)));
        assert_eq!(KeySpec::parse("shift-g"), Ok(KeySpec::char('G')));
        assert_eq!(KeySpec::parse("-"), Ok(KeySpec::char('-')));
        assert_eq!(
            KeySpec::parse("ctrl--"),
            Ok(KeySpec {
                code: KeyCode::Char('-'),
                modifiers: KeyModifiers::CONTROL
            })
        );
        assert_eq!(KeySpec::parse("f5"), Ok(KeySpec::key(KeyCode::F(5))));
        assert_eq!(KeySpec::parse("space"), Ok(KeySpec::char(' ')));
    }

    #[test]
    fn rejects_unknown_keys() {
        for bad in ["", "ctrl-", "enterr", "f99", "hyper-x"] {
            let err = KeySpec::parse(bad).unwrap_err();
            assert!(err.contains("unknown key"), "{bad}: {err}");
        }
    }

    #[test]
    fn display_round_trips_through_parse() {
        for text in [
            "q",
            "G",
            "?",
            "+",
            "ctrl-r",
            "shift-tab",
            "enter",
            "esc",
            "pageup",
            "space",
            "f12",
            "alt-x",
            "ctrl--",
        ] {
            let spec = KeySpec::parse(text).unwrap();
            assert_eq!(spec.to_string(), text);
            assert_eq!(KeySpec::parse(&spec.to_string()), Ok(spec));
        }
        assert_eq!(KeySpec::parse("backtab").unwrap().to_string(), "shift-tab");
    }

    #[test]
    fn events_match_whether_or_not_the_terminal_sends_shift() {
        let g = KeySpec::char('G');
        for event in [
            KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
            KeyEvent::new(KeyCode::Char('G'), KeyModifiers::NONE),
            KeyEvent::new(KeyCode::Char('g'), KeyModifiers::SHIFT),
        ] {
            assert_eq!(KeySpec::from_event(&event), g);
        }
        let back = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(KeySpec::from_event(&back), KeySpec::key(KeyCode::BackTab));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_ne!(KeySpec::from_event(&ctrl_r), KeySpec::char('r'));
    }
}
