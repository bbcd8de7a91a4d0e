//! What an output file may replace. A report written over the plan it reports on, or a
//! one-person offer plan saved over a team's plan, loses work that no undo brings back, so:
//!
//! - `-o FILE` refuses a file that is an input of the same command (told by identity, so a
//!   link or another spelling of the path is caught) and any file that loads as a plan; other
//!   existing files are replaced, as any `-o` does.
//! - `--save FILE` refuses any existing file: it writes a new plan.
//! - `--force` allows both, and the refusal says so. The refusal is bad usage: exit 2.
//!
//! Edits in place (the view saving the plan it opened) are not outputs and are not guarded.

use std::path::Path;

use crate::error::InputError;
use crate::plan::parse_plan;
use crate::{fsio, safe_text};

/// Refuses `-o path` when it would replace an input of this command or a plan.
pub fn check_output(path: &Path, inputs: &[&Path], force: bool) -> Result<(), InputError> {
    check_not_input("-o", path, inputs, force)?;
    if !force && exists(path) && loads_as_plan(path) {
        return Err(refusal(
            "-o",
            path,
            "is a plan, and a report would replace it",
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
            safe_text::one_line(&path.display().to_string())
        ),
    )
}

/// Refuses an output `path` that is one of the command's `inputs`, told by identity (device
/// and inode through the `same-file` crate), not by spelling.
pub fn check_not_input(
    flag: &str,
    path: &Path,
    inputs: &[&Path],
    force: bool,
) -> Result<(), InputError> {
    if force || !exists(path) {
        return Ok(());
    }
    if let Some(input) = inputs
        .iter()
        .find(|input| same_file::is_same_file(path, input).unwrap_or(false))
    {
        let how = if *input == path {
            String::new()
        } else {
            format!(" ({})", safe_text::one_line(&input.display().to_string()))
        };
        return Err(refusal(
            flag,
            path,
            &format!("is an input of this command{how}"),
        ));
    }
    Ok(())
}

/// Refuses `--save path` when a file is there already.
pub fn check_save(path: &Path, force: bool) -> Result<(), InputError> {
    if force || !exists(path) {
        return Ok(());
    }
    let what = if loads_as_plan(path) {
        "a plan"
    } else {
        "a file"
    };
    Err(InputError::new(
        "--save",
        None,
        format!(
            "{} is already {what}; --save writes a new plan and never replaces one (add --force to replace it)",
            safe_text::one_line(&path.display().to_string())
        ),
    ))
}

/// Whether something is at `path`, following links (a dangling link is nothing to lose; the
/// save creates its target).
fn exists(path: &Path) -> bool {
    std::fs::metadata(path).is_ok()
}

fn loads_as_plan(path: &Path) -> bool {
    fsio::read_text(path).is_ok_and(|text| parse_plan(&path.display().to_string(), &text).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_or_a_plan_is_refused_unless_forced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("plan.yaml");
        std::fs::write(&plan, "name: p\npeople: []\n").expect("write");
        let posting = dir.path().join("offer.txt");
        std::fs::write(&posting, "Community Manager\n").expect("write");
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "my notes").expect("write");

        let err = check_output(&posting, &[&posting], false).expect_err("an input");
        assert!(err.message.contains("input of this command"), "{err}");
        assert!(err.message.contains("--force"), "{err}");
        let err = check_output(&plan, &[&posting], false).expect_err("a plan");
        assert!(err.message.contains("is a plan"), "{err}");
        check_output(&notes, &[&posting], false).expect("any other file is replaced");
        check_output(&plan, &[&plan], true).expect("forced");
        check_output(&dir.path().join("new.md"), &[&plan], false).expect("new file");

        let err = check_save(&notes, false).expect_err("an existing file");
        assert!(err.message.contains("already a file"), "{err}");
        let err = check_save(&plan, false).expect_err("an existing plan");
        assert!(err.message.contains("already a plan"), "{err}");
        check_save(&notes, true).expect("forced");
        check_save(&dir.path().join("new.yaml"), false).expect("new file");
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
            let err = check_output(path, &[&posting], false).expect_err("same file");
            assert!(err.message.contains("input of this command"), "{err}");
        }
    }
}
