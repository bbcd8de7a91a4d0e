//! `--generate` (man pages and completions) and the help's lines about where the files are,
//! through the built binary.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The commands every man page set and every completion script must know.
const COMMANDS: [&str; 4] = ["check", "report", "offer", "catalog"];

const KINDS: [&str; 6] = [
    "man",
    "man-pages",
    "complete-bash",
    "complete-zsh",
    "complete-fish",
    "complete-powershell",
];

/// Runs rolescope in a temporary directory (so no plan is near), with `config` and `data` as
/// its directories.
fn rolescope_in(args: &[&str], config: &Path, data: &Path) -> Output {
    let cwd = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(args)
        .current_dir(cwd.path())
        .env("ROLESCOPE_CONFIG_DIR", config)
        .env("ROLESCOPE_DATA_DIR", data)
        .output()
        .expect("the binary runs")
}

fn rolescope(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    rolescope_in(args, dir.path(), dir.path())
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn man_prints_rolescope_1_with_its_commands() {
    let o = rolescope(&["--generate", "man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH rolescope 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("rolescope\\-{command}(1)")),
            "{command} in {page}"
        );
    }
    // The page is installed for everyone: it says where files go in general, not on the
    // machine that made it.
    assert!(page.contains("XDG_CONFIG_HOME"), "{page}");
    assert!(!page.contains("Files on this machine"), "{page}");
}

#[test]
fn man_pages_writes_one_page_per_command_into_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = rolescope(&["--generate", "man-pages", out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "rolescope-catalog-list.1",
            "rolescope-catalog-validate.1",
            "rolescope-catalog.1",
            "rolescope-check.1",
            "rolescope-offer.1",
            "rolescope-report.1",
            "rolescope.1",
        ]
    );
    for name in &names {
        let page = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let title = name.trim_end_matches(".1");
        assert!(
            page.contains(&format!(".TH {title} 1")),
            "{name} has its own title: {page}"
        );
    }
    let check = std::fs::read_to_string(dir.path().join("rolescope-check.1")).unwrap();
    assert!(check.contains("\\-\\-fail\\-on"), "{check}");
    assert!(stdout(&o).contains("Wrote 7 man pages"), "{}", stdout(&o));

    // Run again: the pages are replaced whole, and no temporary file is left beside them.
    let again = rolescope(&["--generate", "man-pages", out]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), names.len());
}

#[test]
fn man_pages_needs_an_existing_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("man1");
    let o = rolescope(&["--generate", "man-pages", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("mkdir -p"), "{err}");
    assert!(!missing.exists());

    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let o = rolescope(&["--generate", "man-pages", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not a directory"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");

    let o = rolescope(&["--generate", "man-pages"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--generate man-pages DIR"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn completions_know_the_commands_and_their_flags() {
    for (kind, marker) in [
        ("complete-bash", "complete -F _rolescope"),
        ("complete-zsh", "#compdef rolescope"),
        ("complete-fish", "complete -c rolescope"),
        ("complete-powershell", "Register-ArgumentCompleter"),
    ] {
        let o = rolescope(&["--generate", kind]);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains(marker), "{kind}: {script}");
        for command in COMMANDS {
            assert!(script.contains(command), "{kind} knows {command}");
        }
        for flag in ["fail-on", "generate", "person"] {
            assert!(script.contains(flag), "{kind} knows {flag}");
        }
        // PowerShell's script completes flags and commands, not their values.
        if kind != "complete-powershell" {
            for value in ["posting-markdown", "man-pages", "complete-fish"] {
                assert!(script.contains(value), "{kind} knows {value}");
            }
        }
    }
}

#[test]
fn a_bad_kind_lists_the_kinds() {
    let o = rolescope(&["--generate", "bash"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("invalid value 'bash'"), "{err}");
    for kind in KINDS {
        assert!(err.contains(kind), "{kind} in {err}");
    }
    assert!(stdout(&o).is_empty());
}

#[test]
fn generate_stands_alone() {
    let o = rolescope(&["--generate", "man", "extra.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("takes no other argument"),
        "{}",
        stderr(&o)
    );
    let o = rolescope(&["--generate", "complete-bash", "catalog", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("without a command"), "{}", stderr(&o));
}

#[test]
fn help_names_the_config_file_and_the_data_directory_here() {
    let config = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.yaml"), "theme: light\n").unwrap();
    for flag in ["--help", "-h"] {
        let o = rolescope_in(&[flag], config.path(), data.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let help = stdout(&o);
        let config_file = config.path().join("config.yaml");
        assert!(
            help.contains(&format!("Config file:    {}\n", config_file.display())),
            "{help}"
        );
        let catalogs = config.path().join("catalogs");
        assert!(
            help.contains(&format!(
                "User catalogs:  {} (not there yet)",
                catalogs.display()
            )),
            "{help}"
        );
        assert!(
            help.contains(&format!("Data directory: {}\n", data.path().display())),
            "{help}"
        );
    }
}

#[test]
fn help_shows_a_hostile_directory_name_instead_of_obeying_it() {
    let base = tempfile::tempdir().unwrap();
    let hostile: PathBuf = base.path().join("x\u{1b}]0;PWNED\u{7}\u{1b}[2J");
    let o = rolescope_in(&["--help"], &hostile, &hostile);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let help = stdout(&o);
    assert!(
        !help.contains('\u{1b}') && !help.contains('\u{7}'),
        "{help:?}"
    );
    assert!(help.contains("x\\e]0;PWNED\\x07\\e[2J"), "{help}");
    assert!(help.contains("(not there yet)"), "{help}");
}

#[test]
fn the_install_page_names_every_kind() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/install.md"))
            .unwrap();
    for kind in KINDS {
        assert!(page.contains(&format!("--generate {kind}")), "{kind}");
    }
}
