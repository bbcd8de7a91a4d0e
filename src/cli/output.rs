//! What an output file may replace. A report written over the plan it reports on, or a
//! one-person offer plan saved over a team's plan, loses work that no undo brings back, so:
//!
//! - `-o FILE` refuses a file that is an input of the same command (the plan or posting, a
//!   catalog file read from `--catalog` or the user's catalog directory, or the file standard
//!   input was redirected from; told by identity, so a link or another spelling of the path is
//!   caught) and any file that looks like a plan, valid or not; other existing files are
//!   replaced, as any `-o` does. `-o -` is standard output.
//! - `--save FILE` refuses any existing file: it writes a new plan.
//! - `--force` allows both, and the refusal says so. The refusal is bad usage: exit 2, before
//!   anything is written. A directory is refused whatever the flags.
//!
//! Edits in place (the view saving the plan it opened) are not outputs and are not guarded.

use std::path::{Path, PathBuf};

use crate::catalog::CatalogSource;
use crate::error::InputError;
use crate::{fsio, safe_text};

/// What a command reads, to be kept from being written over.
#[derive(Debug, Default)]
pub struct Inputs {
    files: Vec<PathBuf>,
    stdin: bool,
}

impl Inputs {
    /// The command's input `file` (`-` for standard input) and the catalog files it loads.
    pub fn new(file: &Path, catalogs: &[CatalogSource]) -> Inputs {
        let mut files: Vec<PathBuf> = catalogs
            .iter()
            .filter(|c| !c.builtin)
            .map(|c| PathBuf::from(c.origin.as_str()))
            .collect();
        let stdin = file.as_os_str() == "-";
        if !stdin {
            files.push(file.to_owned());
        }
        Inputs { files, stdin }
    }

    /// The input `path` is (by identity), if any.
    fn holding(&self, path: &Path) -> Option<String> {
        if let Some(input) = self
            .files
            .iter()
            .find(|input| same_file::is_same_file(path, input).unwrap_or(false))
        {
            return Some(if input == path {
                String::new()
            } else {
                format!(" ({})", safe_text::one_line(&input.display().to_string()))
            });
        }
        let from_stdin = self.stdin
            && matches!(
                (same_file::Handle::stdin(), same_file::Handle::from_path(path)),
                (Ok(a), Ok(b)) if a == b
            );
        from_stdin.then(|| " (standard input is read from it)".to_owned())
    }
}

/// Whether `-o` names standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Refuses `-o path` when it would replace an input of this command or a plan.
pub fn check_output(path: &Path, inputs: &Inputs, force: bool) -> Result<(), InputError> {
    if is_stdout(path) {
        return Ok(());
    }
    check_not_input("-o", path, inputs, force)?;
    if !force && crate::plan::looks_like_plan(path) {
        return Err(refusal(
            "-o",
            path,
            "is a plan, and a report would replace it",
        ));
    }
    Ok(())
}

/// Refuses `--save path` when a file is there already, or when it is where `-o` writes too.
pub fn check_save(
    path: &Path,
    output: Option<&Path>,
    inputs: &Inputs,
    force: bool,
) -> Result<(), InputError> {
    if output.is_some_and(|o| same_target(o, path)) {
        return Err(InputError::new(
            "--save",
            None,
            format!(
                "{} is where -o writes the reply too; the plan and the reply need a file each",
                shown(path)
            ),
        ));
    }
    check_not_input("--save", path, inputs, force)?;
    if force || std::fs::metadata(path).is_err() {
        return Ok(());
    }
    let what = if crate::plan::looks_like_plan(path) {
        "a plan"
    } else {
        "a file"
    };
    Err(InputError::new(
        "--save",
        None,
        format!(
            "{} is already {what}; --save writes a new plan and never replaces one (add --force to replace it)",
            shown(path)
        ),
    ))
}

/// Refuses an output `path` that is a directory, or (unless forced) one of the command's
/// `inputs`.
fn check_not_input(
    flag: &str,
    path: &Path,
    inputs: &Inputs,
    force: bool,
) -> Result<(), InputError> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(InputError::new(
            flag,
            None,
            format!("{} is a directory; give a file name", shown(path)),
        ));
    }
    if let (false, Some(how)) = (force, inputs.holding(path)) {
        return Err(refusal(
            flag,
            path,
            &format!("is an input of this command{how}"),
        ));
    }
    Ok(())
}

fn refusal(flag: &str, path: &Path, why: &str) -> InputError {
    InputError::new(
        flag,
        None,
        format!(
            "{} {why}; choose another file, or add --force to replace it",
            shown(path)
        ),
    )
}

fn shown(path: &Path) -> String {
    safe_text::one_line(&path.display().to_string()).into_owned()
}

/// Whether two outputs land in one file: by identity when both exist, else by the absolute
/// path of the directory (links resolved) and the name.
fn same_target(a: &Path, b: &Path) -> bool {
    if let Ok(same) = same_file::is_same_file(a, b) {
        return same;
    }
    let resolved = |p: &Path| {
        let p = fsio::link_target(p).unwrap_or_else(|_| p.to_owned());
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(dir)
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(files: &[&Path]) -> Inputs {
        Inputs {
            files: files.iter().map(|p| p.to_path_buf()).collect(),
            stdin: false,
        }
    }

    #[test]
    fn an_input_or_a_plan_is_refused_unless_forced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("plan.yaml");
        std::fs::write(&plan, "name: p\npeople: []\n").expect("write");
        let broken = dir.path().join("newer.yaml");
        std::fs::write(&broken, "version: 9\nname: p\npeople: [{nmae: x}]\n").expect("write");
        let posting = dir.path().join("offer.txt");
        std::fs::write(&posting, "Community Manager\n").expect("write");
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "my notes").expect("write");
        let read = inputs(&[&posting]);

        let err = check_output(&posting, &read, false).expect_err("an input");
        assert!(err.message.contains("input of this command"), "{err}");
        assert!(err.message.contains("--force"), "{err}");
        for a_plan in [&plan, &broken] {
            let err = check_output(a_plan, &read, false).expect_err("a plan");
            assert!(err.message.contains("is a plan"), "{err}");
        }
        check_output(&notes, &read, false).expect("any other file is replaced");
        check_output(&plan, &inputs(&[&plan]), true).expect("forced");
        check_output(&dir.path().join("new.md"), &read, false).expect("new file");
        check_output(Path::new("-"), &read, false).expect("standard output");
        let err = check_output(dir.path(), &read, true).expect_err("a directory");
        assert!(err.message.contains("is a directory"), "{err}");

        let err = check_save(&notes, None, &read, false).expect_err("an existing file");
        assert!(err.message.contains("already a file"), "{err}");
        let err = check_save(&plan, None, &read, false).expect_err("an existing plan");
        assert!(err.message.contains("already a plan"), "{err}");
        check_save(&notes, None, &read, true).expect("forced");
        check_save(&dir.path().join("new.yaml"), None, &read, false).expect("new file");
        let new = dir.path().join("new.yaml");
        let err = check_save(
            &new,
            Some(&dir.path().join(".").join("new.yaml")),
            &read,
            true,
        )
        .expect_err("the same file as -o, spelled otherwise");
        assert!(err.message.contains("new.yaml is where -o writes"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn an_input_is_known_by_identity_not_by_spelling() {
        let dir = tempfile::tempdir().expect("temp dir");
        let posting = dir.path().join("offer.txt");
        std::fs::write(&posting, "x").expect("write");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&posting, &link).expect("symlink");
        let other_spelling = dir.path().join(".").join("offer.txt");
        for path in [&link, &other_spelling] {
            let err = check_output(path, &inputs(&[&posting]), false).expect_err("same file");
            assert!(err.message.contains("input of this command"), "{err}");
        }
    }
}
