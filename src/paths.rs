//! Where rolescope keeps user files: the config directory (user catalogs, `config.yaml`) and
//! the data directory (last plan used, recovery copies).
//!
//! On every Unix, including macOS, it is `$XDG_CONFIG_HOME/rolescope` or `~/.config/rolescope`
//! (users expect one place across their machines); elsewhere `directories` decides. The
//! environment variables `ROLESCOPE_CONFIG_DIR` and `ROLESCOPE_DATA_DIR` override both, which is
//! also how tests keep away from the real home directory.

use std::path::PathBuf;

pub const CONFIG_DIR_ENV: &str = "ROLESCOPE_CONFIG_DIR";
pub const DATA_DIR_ENV: &str = "ROLESCOPE_DATA_DIR";

/// The view's settings, in the config directory.
pub const CONFIG_FILE: &str = "config.yaml";
/// The user's own catalogs (`*.yaml`), in the config directory.
pub const CATALOGS_DIR: &str = "catalogs";

/// The config directory, if one can be determined.
pub fn config_dir() -> Option<PathBuf> {
    dir(CONFIG_DIR_ENV, "XDG_CONFIG_HOME", ".config", |d| {
        d.config_dir().to_owned()
    })
}

/// The data directory, if one can be determined.
pub fn data_dir() -> Option<PathBuf> {
    dir(DATA_DIR_ENV, "XDG_DATA_HOME", ".local/share", |d| {
        d.data_dir().to_owned()
    })
}

fn dir(
    override_var: &str,
    xdg_var: &str,
    home_fallback: &str,
    platform: impl Fn(&directories::ProjectDirs) -> PathBuf,
) -> Option<PathBuf> {
    if let Some(p) = non_empty_env(override_var) {
        return Some(p);
    }
    if cfg!(unix) {
        if let Some(base) = non_empty_env(xdg_var) {
            return Some(base.join("rolescope"));
        }
        if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_owned()) {
            return Some(home.join(home_fallback).join("rolescope"));
        }
    }
    directories::ProjectDirs::from("", "", "rolescope").map(|d| platform(&d))
}

fn non_empty_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
