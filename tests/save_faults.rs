//! Saving under faults, through the real binary: a full disk and a read-only file system leave
//! the old plan whole and say why; a process killed at any moment of a save never leaves a
//! truncated plan behind.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use rolescope::plan::{load_plan, parse_plan};

const OLD_PLAN: &str =
    "name: Old plan\npeople:\n- name: Ana\n  role: community-manager\n  tasks: [cm-meetups]\n";

/// An offer long enough that its saved plan takes a while to write.
fn long_offer(dir: &Path) -> PathBuf {
    let duties = [
        "Welcome new members in our forum and point them to the getting started guide",
        "Write and enforce the community guidelines for our Discord server",
        "Run monthly meetups for members in Berlin and online",
        "Schedule posts on Instagram and LinkedIn",
        "Reply to comments and DMs on the brand's accounts",
        "Report engagement metrics to the leadership team",
        "Recruit and support our ambassador programme",
        "Collect product feedback from members and close the loop with the product team",
    ];
    let mut text = String::from("Community Manager\n\nResponsibilities\n");
    for i in 0..200 {
        let _ = writeln!(text, "- {} ({i})", duties[i % duties.len()]);
    }
    let path = dir.join("offer.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn rolescope(config: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolescope"));
    cmd.env("ROLESCOPE_CONFIG_DIR", config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// `rolescope offer OFFER --fail-on never --force --save TARGET`: a real save of a plan over
/// the plan at `target` (`--force`, since `--save` never replaces a file by default).
fn save_offer(config: &Path, offer: &Path, target: &Path) -> Command {
    let mut cmd = rolescope(config);
    cmd.arg("offer")
        .arg(offer)
        .args(["--fail-on", "never", "--force", "--save"])
        .arg(target);
    cmd
}

/// xorshift: reproducible kill times without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_kill_at_any_moment_never_leaves_a_truncated_plan() {
    let dir = tempfile::tempdir().unwrap();
    let offer = long_offer(dir.path());
    let target = dir.path().join("plan.yaml");
    // The plan a finished save writes, to compare against.
    std::fs::write(&target, OLD_PLAN).unwrap();
    let started = std::time::Instant::now();
    let status = save_offer(dir.path(), &offer, &target).status().unwrap();
    assert!(status.success());
    // Kill times spread over the whole run (start-up, reading, matching, saving) and a bit after.
    let window = u64::try_from(started.elapsed().as_micros() * 5 / 4)
        .unwrap()
        .max(1);
    let new_plan = load_plan(&target).unwrap().plan;
    let old_plan = parse_plan("old", OLD_PLAN).unwrap();

    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let (mut old_seen, mut new_seen) = (0, 0);
    for _ in 0..120 {
        std::fs::write(&target, OLD_PLAN).unwrap();
        let mut child = save_offer(dir.path(), &offer, &target).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % window));
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&target).unwrap();
        let plan = parse_plan("after kill", &text)
            .unwrap_or_else(|e| panic!("a kill left a broken plan: {e}\n{text}"));
        if plan == old_plan {
            old_seen += 1;
        } else {
            assert_eq!(
                plan, new_plan,
                "the plan is either the old one or the new one, whole"
            );
            new_seen += 1;
        }
    }
    let strays = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".rolescope-"))
        .count();
    println!(
        "120 kills: the old plan survived {old_seen} times, the new one was complete {new_seen} times; \
         {strays} temporary files were left by kills during a write (never the plan itself)"
    );
    assert!(
        old_seen > 0 && new_seen > 0,
        "kills landed both before and after the save"
    );
}

/// A tiny tmpfs, mounted for the test and unmounted when dropped; `None` where mounting is not
/// allowed (not root, or no mount command), in which case the test says so and does nothing.
struct TinyFs {
    dir: tempfile::TempDir,
}

impl TinyFs {
    fn mount(size: &str) -> Option<TinyFs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TinyFs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for TinyFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_leaves_the_old_plan_whole_and_says_so() {
    let Some(fs) = TinyFs::mount("12k") else {
        println!(
            "SKIPPED: cannot mount a tmpfs here (needs root); the failing-writer unit test in fsio covers the library"
        );
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let offer = long_offer(work.path());
    let target = fs.path().join("plan.yaml");
    std::fs::write(&target, OLD_PLAN).unwrap();
    // Fill the rest of the file system so the new plan cannot fit.
    let filler = fs.path().join("filler");
    let _ = std::fs::write(&filler, vec![b'x'; 8 * 1024]);
    let out = save_offer(work.path(), &offer, &target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot save the plan") && err.contains("plan.yaml"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        OLD_PLAN,
        "the old plan is untouched"
    );
    let left: Vec<_> = std::fs::read_dir(fs.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file is left behind: {left:?}");
}

#[test]
fn a_read_only_file_system_leaves_the_old_plan_whole_and_says_so() {
    let Some(fs) = TinyFs::mount("1m") else {
        println!("SKIPPED: cannot mount a tmpfs here (needs root)");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let offer = long_offer(work.path());
    let target = fs.path().join("plan.yaml");
    std::fs::write(&target, OLD_PLAN).unwrap();
    assert!(fs.read_only(), "remount read-only");
    let out = save_offer(work.path(), &offer, &target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot save the plan") && err.to_lowercase().contains("read-only"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), OLD_PLAN);
}
