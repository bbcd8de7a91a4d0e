//! The command line: argument parsing, catalog loading, dispatch and exit codes.
//!
//! Exit codes are part of the interface: 0 when nothing reaches `--fail-on`, 1 when something
//! does, 2 for bad input or bad usage (with the message on stderr). A panic would be 101, which
//! is why every input path returns errors instead.

mod catalog_cmd;
mod check;
mod check_fix;
mod generate;
mod help;
mod offer;
mod output;
mod paint;
mod report_cmd;
mod tui_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{FromArgMatches as _, Parser, Subcommand, ValueEnum};

use crate::catalog::{
    Catalog, CatalogSource, builtin_sources, sources_from_path, user_catalog_dir_sources,
};
use crate::error::{InputError, InputErrors};
use crate::finding::Severity;
use crate::{console, paths};

/// Scope community and social media roles honestly: assign tasks to people and see every
/// mismatch between the work and the title, with the reason.
#[derive(Debug, Parser)]
///
/// The help's closing lines (where the files are) are added at run time: see `help.rs`.
#[command(name = "rolescope", version, about, long_about = None)]
pub struct Cli {
    /// Plan to open in the interactive view (with `--generate man-pages`, the directory to
    /// write the pages into).
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,

    /// Extra catalog file or directory of `*.yaml` files, loaded after the built-in catalogs
    /// and the user's `<config dir>/catalogs/` (repeatable).
    #[arg(long = "catalog", value_name = "PATH", global = true)]
    pub catalogs: Vec<PathBuf>,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Colour theme of the interactive view; over NO_COLOR and the config file's `theme`
    /// [default: the config file's, or mono under NO_COLOR or TERM=dumb]
    #[arg(long, value_enum, env = "ROLESCOPE_THEME", value_name = "THEME")]
    pub theme: Option<ThemeChoice>,

    /// Print a man page or shell completions and exit (`man-pages DIR` writes one page per
    /// command into DIR: put them in a man1 folder on your MANPATH, and completions where your
    /// shell loads them)
    #[arg(long, value_enum, value_name = "KIND")]
    pub generate: Option<generate::GenerateKind>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plans against the role rules; exit 1 if a finding reaches --fail-on.
    Check(check::CheckArgs),
    /// Write a report to share: a role description or a job ad (one person), or a team
    /// review.
    Report(report_cmd::ReportArgs),
    /// Check a job offer or posting written in plain text: map each duty to the catalog and
    /// judge whether the duties fit the title; exit 1 if a finding reaches --fail-on.
    Offer(offer::OfferArgs),
    /// List or validate task catalogs.
    #[command(subcommand)]
    Catalog(catalog_cmd::CatalogCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The interactive view's themes, as `--theme` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeChoice {
    /// The terminal's own palette (dark or light).
    Default,
    /// Explicit colours on a white background.
    Light,
    /// No colour: reverse, bold and underline only.
    Mono,
}

impl From<ThemeChoice> for crate::tui::view::ThemeName {
    fn from(choice: ThemeChoice) -> Self {
        use crate::tui::view::ThemeName;
        match choice {
            ThemeChoice::Default => ThemeName::Default,
            ThemeChoice::Light => ThemeName::Light,
            ThemeChoice::Mono => ThemeName::Mono,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The least severe finding that makes `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// How many problems are printed at most: a generated file with 20,000 duplicate names needs
/// the first few and a count, not 20,000 lines.
const MAX_ERRORS_SHOWN: usize = 20;

/// Exit status for bad input or usage.
const EXIT_INPUT: u8 = 2;

/// Parses the arguments, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    quiet_contained_panics();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The help's closing lines name this machine's files, which means looking at the disk and
    // writing two more texts (a tenth of a check's start): the arguments are parsed against
    // the command without them, and again with them only when it is a help they ask for.
    let mut command = help::command();
    let mut parsed = command.try_get_matches_from_mut(&args);
    if parsed.as_ref().is_err_and(|e| {
        matches!(
            e.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    }) {
        command = help::command_here();
        parsed = command.try_get_matches_from_mut(&args);
    }
    let parsed = parsed
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
        .map_err(|e| e.format(&mut command));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // clap's message quotes the arguments as given: through the gate like the rest.
            let colour = e.use_stderr() && console::stderr_is_terminal();
            let text = if colour {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            if e.use_stderr() {
                console::eprint(&text, colour);
            } else {
                let _ = console::print(&text, console::stdout_is_terminal());
            }
            return ExitCode::from(if e.use_stderr() { EXIT_INPUT } else { 0 });
        }
    };
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            report_error(&e);
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// A panic on a thread whose panic is caught and reported (the rebalance's solver, the view's
/// rebalance worker) is not printed: the caller says what it means ("left to the greedy
/// pass"), and a message on standard error would land in the middle of the view.
fn quiet_contained_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::fix::program::is_contained_thread() {
            previous(info);
        }
    }));
}

fn run(cli: &Cli) -> anyhow::Result<u8> {
    if let Some(kind) = cli.generate {
        return generate::run(cli, kind);
    }
    match &cli.command {
        Some(Command::Check(args)) => check::run(cli, args),
        Some(Command::Report(args)) => report_cmd::run(cli, args),
        Some(Command::Offer(args)) => offer::run(cli, args),
        Some(Command::Catalog(cmd)) => catalog_cmd::run(cli, cmd),
        None => tui_cmd::run(cli),
    }
}

fn report_error(e: &anyhow::Error) {
    if let Some(errors) = e.downcast_ref::<InputErrors>() {
        for err in errors.0.iter().take(MAX_ERRORS_SHOWN) {
            console::eprint_line(&format!("error: {err}"));
        }
        let n = errors.0.len();
        if n > MAX_ERRORS_SHOWN {
            console::eprint_line(&format!(
                "error: … and {} more; fix these and run again to see the rest",
                n - MAX_ERRORS_SHOWN
            ));
        }
        if n > 1 {
            console::eprint_line(&format!(
                "{n} problems found in the input; fix them and run again"
            ));
        }
    } else if let Some(err) = e.downcast_ref::<InputError>() {
        console::eprint_line(&format!("error: {err}"));
    } else {
        console::eprint_line(&format!("error: {e:#}"));
    }
}

/// Built-in catalogs, then the user's catalog directory, then `--catalog` paths.
pub fn catalog_sources(extra: &[PathBuf]) -> Result<Vec<CatalogSource>, InputErrors> {
    let mut sources = builtin_sources();
    let mut errors = Vec::new();
    if let Some(dir) = paths::config_dir() {
        match user_catalog_dir_sources(&dir) {
            Ok(s) => sources.extend(s),
            Err(e) => errors.push(e),
        }
    }
    for path in extra {
        match sources_from_path(path) {
            Ok(s) => sources.extend(s),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(InputErrors(errors))
    }
}

/// The merged catalog the command line works with.
pub fn load_catalog(extra: &[PathBuf]) -> Result<Catalog, InputErrors> {
    Catalog::from_sources(&catalog_sources(extra)?)
}
