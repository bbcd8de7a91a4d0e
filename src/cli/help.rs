//! The clap command behind the parser, the man pages and the completions, and the help's
//! closing lines about where rolescope keeps its files.
//!
//! Two versions of the same command: [`command`] says where the files go in general (`$XDG_…`,
//! `~/.config/…`), which is right for a man page installed for everyone; [`command_here`], the
//! one that parses, names the places on this machine, with the overrides applied, so that
//! `rolescope --help` answers "which config file is it reading?" without a search.

use std::path::{Path, PathBuf};

use clap::CommandFactory as _;

use super::Cli;
use crate::{paths, safe_text};

/// What the interactive view does with no command; the first lines after the options.
const NO_COMMAND: &str = "With no command, rolescope opens the interactive view on PLAN (a new plan if the \
file does not exist yet), or on the last plan used. Try: rolescope examples/team-review.yaml";

/// Where the files go on any machine, for the man page.
const FILES_IN_GENERAL: &str = "Files: the config file is config.yaml in $XDG_CONFIG_HOME/rolescope, else \
~/.config/rolescope (on Windows, the system's folder for application settings), and the user's own \
catalogs are the *.yaml files of catalogs/ beside it. The data directory, with the last plan used \
and the recovery copies of unsaved work, is $XDG_DATA_HOME/rolescope, else ~/.local/share/rolescope. \
ROLESCOPE_CONFIG_DIR and ROLESCOPE_DATA_DIR replace the two directories. `rolescope --help` names \
them as they are on the machine it runs on.";

/// The command as clap defines it, with the files described in general: for man pages and
/// completions, which are made once and installed anywhere.
pub fn command() -> clap::Command {
    Cli::command()
        .after_help(NO_COMMAND)
        .after_long_help(format!("{NO_COMMAND}\n\n{FILES_IN_GENERAL}"))
}

/// The command that parses this run's arguments: its help names the config file, the user's
/// catalogs and the data directory as resolved here, and says which are not there yet.
pub fn command_here() -> clap::Command {
    let files = files_here(paths::config_dir(), paths::data_dir());
    let text = format!("{NO_COMMAND}\n\n{files}");
    Cli::command()
        .after_help(text.clone())
        .after_long_help(text)
}

/// The closing lines of `--help` for a config directory and a data directory (`None` when
/// neither the environment nor a home directory gives one).
pub fn files_here(config: Option<PathBuf>, data: Option<PathBuf>) -> String {
    let unknown = |var: &str| format!("none found (no home directory; set {var})");
    let (config_file, catalogs) = config.map_or_else(
        || {
            let none = unknown(paths::CONFIG_DIR_ENV);
            (none.clone(), none)
        },
        |dir| {
            (
                located(&dir.join(paths::CONFIG_FILE)),
                located(&dir.join(paths::CATALOGS_DIR)),
            )
        },
    );
    let data = data.map_or_else(|| unknown(paths::DATA_DIR_ENV), |dir| located(&dir));
    format!(
        "Files on this machine ({} and {} change the two directories):\n  \
         Config file:    {config_file}\n  \
         User catalogs:  {catalogs}\n  \
         Data directory: {data}",
        paths::CONFIG_DIR_ENV,
        paths::DATA_DIR_ENV,
    )
}

/// `path`, and "(not there yet)" when nothing is there: the usual state before the first
/// config or catalog is written. Control characters in it are shown by name: clap would strip
/// an escape sequence from the help and show a path that is not the real one.
fn located(path: &Path) -> String {
    let shown = safe_text::one_line(&path.display().to_string()).into_owned();
    if std::fs::symlink_metadata(path).is_ok() {
        shown
    } else {
        format!("{shown} (not there yet)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_are_named_with_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.yaml"), "theme: light\n").unwrap();
        let text = files_here(Some(dir.path().to_owned()), None);
        let config = dir.path().join("config.yaml").display().to_string();
        assert!(
            text.contains(&format!("Config file:    {config}\n")),
            "{text}"
        );
        assert!(text.contains("catalogs (not there yet)"), "{text}");
        assert!(
            text.contains("Data directory: none found (no home directory; set ROLESCOPE_DATA_DIR)"),
            "{text}"
        );
    }

    #[test]
    fn the_general_command_names_no_place_of_this_machine() {
        let help = command().render_long_help().to_string();
        assert!(help.contains("$XDG_CONFIG_HOME/rolescope"), "{help}");
        assert!(!help.contains("Files on this machine"), "{help}");
    }
}
