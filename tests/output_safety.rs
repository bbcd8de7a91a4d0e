//! Outputs never replace what they should not, through the built binary: `-o` refuses an
//! input of the same command and any plan, `--save` refuses any existing file, `--force`
//! overrides both, and a save through a symbolic link updates the file it points to and keeps
//! the link.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(args)
        .current_dir(dir)
        .env("ROLESCOPE_CONFIG_DIR", &config)
        .env("ROLESCOPE_DATA_DIR", &config)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const PLAN: &str =
    "name: Team\npeople:\n  - name: Ana\n    role: community-manager\n    tasks: [cm-welcome]\n";
const OFFER: &str =
    "Community Manager\n- Welcome new members to the forum\n- Plan meetups for members\n";
const NOTES: &str = "my own notes, not a plan\n";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    std::fs::write(dir.path().join("other-plan.yaml"), PLAN).unwrap();
    std::fs::write(dir.path().join("offer.txt"), OFFER).unwrap();
    std::fs::write(dir.path().join("notes.txt"), NOTES).unwrap();
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Exit 2, a message naming the flag and `--force`, and the file as it was.
fn refused(dir: &Path, args: &[&str], file: &str, before: &str, why: &str) {
    let r = run(dir, args);
    assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
    assert!(
        r.stderr.contains(why) && r.stderr.contains("--force"),
        "{args:?}: {}",
        r.stderr
    );
    assert_eq!(read(dir, file), before, "{args:?} left {file} untouched");
}

#[test]
fn outputs_refuse_inputs_plans_and_existing_saves() {
    let dir = setup();
    let d = dir.path();
    refused(
        d,
        &["report", "plan.yaml", "-o", "plan.yaml"],
        "plan.yaml",
        PLAN,
        "input of this command",
    );
    refused(
        d,
        &["report", "./plan.yaml", "-o", "plan.yaml"],
        "plan.yaml",
        PLAN,
        "input of this command",
    );
    refused(
        d,
        &["report", "plan.yaml", "-o", "other-plan.yaml"],
        "other-plan.yaml",
        PLAN,
        "is a plan",
    );
    refused(
        d,
        &["offer", "offer.txt", "--save", "offer.txt"],
        "offer.txt",
        OFFER,
        "input of this command",
    );
    refused(
        d,
        &["offer", "offer.txt", "--save", "notes.txt"],
        "notes.txt",
        NOTES,
        "already a file",
    );
    refused(
        d,
        &["offer", "offer.txt", "--save", "plan.yaml"],
        "plan.yaml",
        PLAN,
        "already a plan",
    );
    refused(
        d,
        &[
            "offer",
            "offer.txt",
            "--report",
            "markdown",
            "-o",
            "offer.txt",
        ],
        "offer.txt",
        OFFER,
        "input of this command",
    );
    // Nothing was printed or written on the way: a refusal comes first.
    assert!(!d.join("report.md").exists());

    // Any other file is replaced by -o, as with any tool.
    let r = run(d, &["report", "plan.yaml", "-o", "notes.txt"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(read(d, "notes.txt").contains("Ana"));

    // --force replaces what was refused, and says nothing more is needed.
    let r = run(
        d,
        &["offer", "offer.txt", "--save", "other-plan.yaml", "--force"],
    );
    assert!(r.code.is_some_and(|c| c <= 1), "{}", r.stderr);
    assert!(read(d, "other-plan.yaml").contains("the offered role"));
    let r = run(d, &["report", "plan.yaml", "-o", "plan.yaml", "--force"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        read(d, "plan.yaml").starts_with('#'),
        "Markdown now, as asked"
    );
}

#[cfg(unix)]
#[test]
fn an_input_reached_through_a_link_is_still_an_input() {
    let dir = setup();
    let d = dir.path();
    std::os::unix::fs::symlink("plan.yaml", d.join("link.yaml")).unwrap();
    refused(
        d,
        &["report", "plan.yaml", "-o", "link.yaml"],
        "plan.yaml",
        PLAN,
        "input of this command",
    );
}

#[cfg(unix)]
#[test]
fn a_save_through_a_link_updates_the_target_and_keeps_the_link() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir(d.join("plans")).unwrap();
    std::fs::write(d.join("plans/offer-plan.yaml"), "name: old\npeople: []\n").unwrap();
    std::os::unix::fs::symlink("plans/offer-plan.yaml", d.join("link.yaml")).unwrap();
    refused(
        d,
        &["offer", "offer.txt", "--save", "link.yaml"],
        "plans/offer-plan.yaml",
        "name: old\npeople: []\n",
        "already a plan",
    );
    let r = run(d, &["offer", "offer.txt", "--save", "link.yaml", "--force"]);
    assert!(r.code.is_some_and(|c| c <= 1), "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(d.join("link.yaml"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(read(d, "plans/offer-plan.yaml").contains("the offered role"));
    // A report through a link to a file that is no plan: replaced in place, link kept.
    std::os::unix::fs::symlink("notes.txt", d.join("notes-link.md")).unwrap();
    let r = run(d, &["report", "plan.yaml", "-o", "notes-link.md"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(read(d, "notes.txt").contains("Ana"));
    assert!(
        std::fs::symlink_metadata(d.join("notes-link.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn catalogs_standard_input_devices_and_broken_plans() {
    let dir = setup();
    let d = dir.path();
    // A catalog file read from a --catalog directory is an input too.
    std::fs::create_dir(d.join("cats")).unwrap();
    let catalog = "tasks: []\n";
    std::fs::write(d.join("cats/extra.yaml"), catalog).unwrap();
    refused(
        d,
        &[
            "--catalog",
            "cats",
            "report",
            "plan.yaml",
            "-o",
            "cats/extra.yaml",
        ],
        "cats/extra.yaml",
        catalog,
        "input of this command",
    );
    // A plan that does not load (a newer version, a typo) is still a plan.
    let newer = "version: 9\nname: Later\npeople: []\n";
    std::fs::write(d.join("newer.yaml"), newer).unwrap();
    refused(
        d,
        &["report", "plan.yaml", "-o", "newer.yaml"],
        "newer.yaml",
        newer,
        "is a plan",
    );

    // Standard input redirected from the posting: -o may not replace it.
    let out = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(["offer", "-", "--report", "markdown", "-o", "offer.txt"])
        .current_dir(d)
        .env("ROLESCOPE_CONFIG_DIR", d.join("config"))
        .stdin(std::fs::File::open(d.join("offer.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
    assert_eq!(read(d, "offer.txt"), OFFER);

    // `-o -` is standard output; a device is written to, not replaced.
    let out = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(["report", "plan.yaml", "-o", "-"])
        .current_dir(d)
        .env("ROLESCOPE_CONFIG_DIR", d.join("config"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ana"));
    assert!(!d.join("-").exists());
    let r = run(d, &["report", "plan.yaml", "-o", "/dev/null"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    // A directory is refused whatever the flags.
    std::fs::create_dir(d.join("out")).unwrap();
    let r = run(d, &["offer", "offer.txt", "--save", "out", "--force"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
}
