//! `<config dir>/config.yaml`: the user's choices for the TUI.
//!
//! ```yaml
//! theme: light      # default | light | mono (NO_COLOR or TERM=dumb force mono)
//! mouse: false      # turn mouse capture off, so the terminal can select text
//! keys:             # `context.command` (as in docs/view.md's key list): a key or a list of keys
//!   global.quit: ctrl-q
//!   tasks.unassign: [d, delete]
//! ```

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::keymap::{BINDINGS, Binding, command_names, remap};
use super::keyspec::KeySpec;
use super::view::ThemeName;
use crate::error::InputError;
use crate::{fsio, yaml};

/// The TUI's settings, with defaults for anything the file leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub theme: ThemeName,
    pub mouse: bool,
    /// The key table: the defaults with the user's overrides applied.
    pub bindings: Arc<[Binding]>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Default,
            mouse: true,
            bindings: BINDINGS.into(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with optional `theme`, `mouse` and `keys`"
)]
struct ConfigFile {
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, OneOrMany>,
}

/// `quit: ctrl-q` or `quit: [ctrl-q, q]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Config {
    /// Reads `config.yaml` from `dir`; a missing file means the defaults, a broken one is an
    /// error with its location, so a typo never silently changes nothing.
    pub fn load(dir: &Path) -> Result<Config, InputError> {
        let path = dir.join(crate::paths::CONFIG_FILE);
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = fsio::read_text(&path)?;
        let origin = path.display().to_string();
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            yaml::parse(&origin, &text)?
        };
        let mut config = Config::default();
        if let Some(name) = file.theme {
            config.theme = ThemeName::parse(&name).ok_or_else(|| {
                InputError::new(
                    &origin,
                    yaml::locate_scalar(&text, &name, 1),
                    format!("unknown theme `{name}`; expected `default`, `light` or `mono`"),
                )
            })?;
        }
        if let Some(mouse) = file.mouse {
            config.mouse = mouse;
        }
        if !file.keys.is_empty() {
            let mut overrides = Vec::new();
            for (name, keys) in file.keys {
                let at = yaml::locate_scalar(&text, &name, 1).or_else(|| locate_key(&text, &name));
                let known = command_names();
                if !known.contains(&name) {
                    let hint = crate::suggest::hint(&name, known.iter().map(String::as_str));
                    return Err(InputError::new(
                        &origin,
                        at,
                        format!(
                            "unknown key command `{name}`{hint}; `?` in rolescope and docs/view.md name them all"
                        ),
                    ));
                }
                let keys = match keys {
                    OneOrMany::One(k) => vec![k],
                    OneOrMany::Many(ks) => ks,
                };
                let parsed: Result<Vec<KeySpec>, String> =
                    keys.iter().map(|k| KeySpec::parse(k)).collect();
                let parsed = parsed
                    .map_err(|e| InputError::new(&origin, at, format!("keys.{name}: {e}")))?;
                if parsed.is_empty() {
                    return Err(InputError::new(
                        &origin,
                        at,
                        format!("keys.{name}: give at least one key"),
                    ));
                }
                overrides.push((name, parsed));
            }
            config.bindings = remap(&overrides)
                .map_err(|e| {
                    let at = locate_key(&text, &e.command);
                    InputError::new(&origin, at, format!("keys.{}: {}", e.command, e.message))
                })?
                .into();
        }
        Ok(config)
    }
}

/// Where `name:` is written as a mapping key (the locator finds values, not keys).
fn locate_key(text: &str, name: &str) -> Option<crate::error::Location> {
    text.lines().enumerate().find_map(|(i, line)| {
        let col = line.find(&format!("{name}:"))?;
        Some(crate::error::Location {
            line: i + 1,
            column: line[..col].chars().count() + 1,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_and_values_are_read() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Config::load(dir.path()).unwrap(), Config::default());
        std::fs::write(
            dir.path().join("config.yaml"),
            "theme: light\nmouse: false\n",
        )
        .unwrap();
        let config = Config::load(dir.path()).unwrap();
        assert_eq!((config.theme, config.mouse), (ThemeName::Light, false));
    }

    #[test]
    fn mistakes_are_located() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.yaml"), "theme: dark\n").unwrap();
        let e = Config::load(dir.path()).unwrap_err();
        assert!(
            e.to_string()
                .contains("config.yaml:1:8: unknown theme `dark`"),
            "{e}"
        );
        std::fs::write(dir.path().join("config.yaml"), "mose: false\n").unwrap();
        let e = Config::load(dir.path()).unwrap_err();
        assert!(e.message.contains("did you mean `mouse`"), "{e}");
    }

    #[test]
    fn keys_can_be_remapped_and_clashes_are_refused() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let dir = tempfile::tempdir().unwrap();
        let write = |text: &str| std::fs::write(dir.path().join("config.yaml"), text).unwrap();
        write("keys:\n  global.quit: ctrl-q\n  tasks.unassign: [x, delete]\n");
        let config = Config::load(dir.path()).unwrap();
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let contexts = [
            crate::tui::keymap::Context::People,
            crate::tui::keymap::Context::Global,
        ];
        let find = |k| crate::tui::keymap::action_in(&config.bindings, &contexts, k);
        assert_eq!(find(ctrl_q), Some(crate::tui::action::Action::Quit));
        assert_eq!(find(q), None, "the old key no longer quits");

        write("keys:\n  global.quit: a\n");
        let e = Config::load(dir.path()).unwrap_err();
        assert!(
            e.message
                == "keys.global.quit: key `a` would be bound to both global.add-person and global.quit; give one of them another key",
            "each command once: {e}"
        );
        assert_eq!(
            e.location.map(|l| l.line),
            Some(2),
            "the config's line: {e}"
        );
        write("keys:\n  people.rename: r\n  global.quit: ctrl-c\n");
        let e = Config::load(dir.path()).unwrap_err();
        assert!(e.message.contains("always quits"), "{e}");
        assert_eq!(e.location.map(|l| l.line), Some(3), "{e}");
        write("keys:\n  global.quitt: ctrl-q\n");
        let e = Config::load(dir.path()).unwrap_err();
        assert!(e.message.contains("did you mean `global.quit`"), "{e}");
        assert_eq!(e.location.map(|l| l.line), Some(2), "{e}");
        write("keys:\n  global.quit: ctrl-\n");
        assert!(Config::load(dir.path()).is_err());
    }
}
