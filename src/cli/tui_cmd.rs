//! `rolescope [PLAN]`: the interactive view. Everything that can fail on input (catalogs, the
//! plan, the config) is checked here, on the normal screen, before the terminal is taken over.

use std::sync::Arc;

use super::{Cli, load_catalog};
use crate::tui::config::Config;
use crate::tui::persist::DataDir;
use crate::tui::run::{offer_recovery, open, run as run_tui};
use crate::tui::view::ThemeName;
use crate::{console, paths};

pub fn run(cli: &Cli) -> anyhow::Result<u8> {
    let catalog = Arc::new(load_catalog(&cli.catalogs)?);
    let mut config = match paths::config_dir() {
        Some(dir) => Config::load(&dir)?,
        None => Config::default(),
    };
    config.theme = ThemeName::resolve(
        cli.theme.map(ThemeName::from),
        config.theme,
        std::env::var("NO_COLOR").ok().as_deref(),
        std::env::var("TERM").ok().as_deref(),
    );
    let data = DataDir::from_env();
    let mut session = open(cli.plan.as_deref(), data.as_ref())?;
    if !console::stdin_is_terminal() || !console::stdout_is_terminal() {
        anyhow::bail!(
            "the interactive view needs a terminal; for a report use `rolescope check {}`",
            session
                .path
                .as_ref()
                .map_or_else(|| "PLAN".to_owned(), |p| p.display().to_string())
        );
    }
    if let Some(data) = &data {
        offer_recovery(&mut session, data);
    }
    run_tui(catalog, session, &config, data.as_ref())?;
    Ok(0)
}
