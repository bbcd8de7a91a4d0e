//! `<config dir>/config.yaml`: the user's choices for the TUI.
//!
//! ```yaml
//! theme: light      # default | light | mono (NO_COLOR or TERM=dumb force mono)
//! mouse: false      # turn mouse capture off, so the terminal can select text
//! ```

use std::path::Path;

use serde::Deserialize;

use super::view::ThemeName;
use crate::error::InputError;
use crate::{fsio, yaml};

/// The TUI's settings, with defaults for anything the file leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Default,
            mouse: true,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with optional `theme` and `mouse`"
)]
struct ConfigFile {
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    mouse: Option<bool>,
}

impl Config {
    /// Reads `config.yaml` from `dir`; a missing file means the defaults, a broken one is an
    /// error with its location, so a typo never silently changes nothing.
    pub fn load(dir: &Path) -> Result<Config, InputError> {
        let path = dir.join("config.yaml");
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
        Ok(config)
    }
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
        assert_eq!(
            Config::load(dir.path()).unwrap(),
            Config {
                theme: ThemeName::Light,
                mouse: false
            }
        );
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
}
