//! `rolescope --generate KIND`: man pages and shell completions, made from the same clap
//! definition that parses the arguments, so they cannot drift from the real flags (as
//! ripgrep's `--generate` does). They need no plan and no catalog: packagers run them at
//! build time, users once after installing.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use clap_complete::Shell;
use clap_mangen::Man;

use super::Cli;
use super::help::command;
use crate::error::InputError;
use crate::{console, fsio, safe_text};

/// What `--generate` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GenerateKind {
    /// The man page rolescope(1), its commands listed, on standard output.
    Man,
    /// One man page per command (rolescope.1, rolescope-check.1, …), written into DIR:
    /// `rolescope --generate man-pages DIR`.
    ManPages,
    /// Completions for bash, on standard output.
    CompleteBash,
    /// Completions for zsh, on standard output.
    CompleteZsh,
    /// Completions for fish, on standard output.
    CompleteFish,
    /// Completions for PowerShell, on standard output.
    CompletePowershell,
}

/// The flag as the user types it, for messages.
const FLAG: &str = "--generate";

/// Writes what `kind` asks for; 0 on success, an error (exit 2) on bad usage or a failed write.
pub fn run(cli: &Cli, kind: GenerateKind) -> anyhow::Result<u8> {
    let name = kind
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_owned());
    if cli.command.is_some() {
        return Err(InputError::new(
            FLAG,
            None,
            format!("{name} is used alone, without a command"),
        )
        .into());
    }
    let shell = match kind {
        GenerateKind::Man => {
            refuse_extra(cli, &name)?;
            let mut page = Vec::new();
            Man::new(for_man()).render(&mut page)?;
            console::print(&String::from_utf8_lossy(&page), false)?;
            return Ok(0);
        }
        GenerateKind::ManPages => {
            let Some(dir) = &cli.plan else {
                return Err(InputError::new(
                    FLAG,
                    None,
                    format!(
                        "man-pages needs the directory to write into: rolescope {FLAG} man-pages DIR"
                    ),
                )
                .into());
            };
            return write_man_pages(dir);
        }
        GenerateKind::CompleteBash => Shell::Bash,
        GenerateKind::CompleteZsh => Shell::Zsh,
        GenerateKind::CompleteFish => Shell::Fish,
        GenerateKind::CompletePowershell => Shell::PowerShell,
    };
    refuse_extra(cli, &name)?;
    let mut script = Vec::new();
    // Written into memory first: clap_complete panics on a failed write, and standard output
    // may be a closed pipe.
    clap_complete::generate(shell, &mut command(), "rolescope", &mut script);
    console::print(&String::from_utf8_lossy(&script), false)?;
    Ok(0)
}

/// Kinds that print take no PLAN: a path there is a mistake (`--generate man out.1`), not
/// something to ignore.
fn refuse_extra(cli: &Cli, name: &str) -> Result<(), InputError> {
    match &cli.plan {
        None => Ok(()),
        Some(extra) => Err(InputError::new(
            FLAG,
            None,
            format!(
                "{name} prints to standard output and takes no other argument, but `{}` was given (to write a file, redirect the output: rolescope {FLAG} {name} > FILE)",
                shown(extra)
            ),
        )),
    }
}

/// The command for man pages: without clap's `help` subcommand, which has no page of its own.
fn for_man() -> clap::Command {
    command().disable_help_subcommand(true)
}

/// Every page: rolescope(1), then one per command and nested command, by their display names
/// (`rolescope-catalog-list`), as clap_mangen names them.
fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn add(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        let man = Man::new(cmd.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        out.push((man.get_filename(), page));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            add(sub, out)?;
        }
        Ok(())
    }
    let mut cmd = for_man();
    // Building gives every subcommand its display name (`rolescope-check`).
    cmd.build();
    let mut pages = Vec::new();
    add(&cmd, &mut pages)?;
    Ok(pages)
}

/// Writes every page into `dir`, each atomically (a page is either the old one or the new
/// one, whole), and says what it wrote.
fn write_man_pages(dir: &Path) -> anyhow::Result<u8> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(InputError::new(
                FLAG,
                None,
                format!(
                    "{} is not a directory; give the directory to write the man pages into",
                    shown(dir)
                ),
            )
            .into());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(InputError::new(
                FLAG,
                None,
                format!(
                    "the directory {} does not exist; create it first (mkdir -p {})",
                    shown(dir),
                    shown(dir)
                ),
            )
            .into());
        }
        Err(e) => {
            return Err(InputError::new(
                FLAG,
                None,
                format!("cannot use {}: {}", shown(dir), fsio::os_reason(&e)),
            )
            .into());
        }
    }
    let pages = man_pages()?;
    let mut written: Vec<PathBuf> = Vec::with_capacity(pages.len());
    for (name, page) in &pages {
        let path = dir.join(name);
        fsio::write_atomic(&path, page).map_err(|e| {
            anyhow::anyhow!(
                "cannot write the man page {}: {}{}",
                path.display(),
                fsio::os_reason(&e),
                if written.is_empty() {
                    String::new()
                } else {
                    format!(" ({} pages before it were written)", written.len())
                }
            )
        })?;
        written.push(path);
    }
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    console::print(
        &format!(
            "Wrote {} man pages to {}: {}\n",
            pages.len(),
            dir.display(),
            names.join(", ")
        ),
        false,
    )?;
    Ok(0)
}

fn shown(path: &Path) -> String {
    safe_text::one_line(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_per_command_none_for_help() {
        let names: Vec<String> = man_pages().unwrap().into_iter().map(|(n, _)| n).collect();
        for name in [
            "rolescope.1",
            "rolescope-check.1",
            "rolescope-report.1",
            "rolescope-offer.1",
            "rolescope-catalog.1",
        ] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("help")), "{names:?}");
    }
}
