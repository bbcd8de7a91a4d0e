//! End to end: the real binary in a pseudo-terminal, its screen rebuilt with `vt100`, keys sent
//! as a user types them. Every wait has a deadline, so a hang fails the test instead of CI.
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, SlavePty, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 110;
const DEADLINE: Duration = Duration::from_secs(15);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open so the terminal outlives the child: after it exits, the test can still see
    /// what mode it left the terminal in (echo comes back only in cooked mode).
    _slave: Box<dyn SlavePty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
}

impl Session {
    fn start(args: &[&Path], config: &Path, data: &Path) -> Session {
        Session::start_with(args, config, data, &[])
    }

    fn start_with(args: &[&Path], config: &Path, data: &Path, env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rolescope"));
        for a in args {
            cmd.arg(a);
        }
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("ROLESCOPE_CONFIG_DIR", config);
        cmd.env("ROLESCOPE_DATA_DIR", data);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        let master = pair.master;
        std::thread::spawn(move || {
            let _master = master; // keep the pty open while reading
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            _slave: pair.slave,
            writer,
            output,
            screen: vt100::Parser::new(ROWS, COLS, 0),
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.screen.process(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until the screen shows `needle`, or fails with what it shows.
    fn wait_for(&mut self, needle: &str) {
        let end = Instant::now() + DEADLINE;
        while Instant::now() < end {
            self.pump(Duration::from_millis(50));
            if self.text().contains(needle) {
                return;
            }
        }
        panic!(
            "timed out waiting for {needle:?}; the screen shows:\n{}",
            self.text()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the app read and redraw before the next key.
        self.pump(Duration::from_millis(60));
    }

    /// Waits for the process to exit and returns its status code.
    fn wait_exit(&mut self) -> u32 {
        let end = Instant::now() + DEADLINE;
        while Instant::now() < end {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().unwrap() {
                self.pump(Duration::from_millis(100));
                return status.exit_code();
            }
        }
        let _ = self.child.kill();
        panic!("rolescope did not exit; the screen shows:\n{}", self.text());
    }
}

/// Checks what a crash must not leave behind: the alternate screen, mouse capture, bracketed
/// paste, and raw mode (in cooked mode the terminal echoes what is typed; in raw mode it does
/// not).
fn assert_terminal_restored(s: &mut Session) {
    assert_modes_off(s.screen.screen());
    s.send("echo-check");
    s.wait_for("echo-check");
}

/// The screen is back to normal: no alternate screen, mouse capture or bracketed paste.
fn assert_modes_off(screen: &vt100::Screen) {
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture is off"
    );
    assert!(!screen.bracketed_paste(), "bracketed paste is off");
}

/// A copy of the team-review example in a temporary directory (with its own config and data
/// directories), opened in the view and drawn.
fn on_team_review() -> (tempfile::TempDir, PathBuf, Session) {
    let dir = tempfile::tempdir().unwrap();
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    let plan = temp_plan(dir.path());
    let mut s = Session::start(&[&plan], &config, &data);
    s.wait_for("People (4)");
    (dir, plan, s)
}

fn temp_plan(dir: &Path) -> PathBuf {
    let plan = dir.join("plan.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team-review.yaml"),
        &plan,
    )
    .unwrap();
    plan
}

#[test]
fn add_assign_see_a_finding_save_and_quit() {
    let (_dir, plan, mut s) = on_team_review();
    assert!(
        s.screen.screen().alternate_screen(),
        "the view runs on the alternate screen"
    );

    // Add a person: name, then the role picker (first row: community manager).
    s.send("a");
    s.wait_for("New person");
    s.send("Ana Test\r");
    s.wait_for("Role for Ana Test");
    s.send("\r");
    s.wait_for("People (5)");

    // Assign paid social ads from the catalog: out of a community manager's role. (In the
    // People pane, `/` filters the people; `3` goes to the catalog first.)
    s.send("3/");
    s.send("sm-paid-social");
    s.wait_for("Catalog (1 of 96)");
    s.send("\r");
    s.send("\r");
    s.wait_for("out-of-role");

    s.send("s");
    s.wait_for("Saved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_modes_off(s.screen.screen());

    let saved = rolescope::plan::load_plan(&plan).unwrap().plan;
    let ana = saved.person("Ana Test").expect("the new person was saved");
    assert_eq!(
        ana.role,
        rolescope::RoleSpec::Single("community-manager".into())
    );
    assert!(ana.has_task("sm-paid-social"), "{:?}", ana.tasks);
}

#[test]
fn a_tasks_own_words_highlight_it_first_and_enter_twice_assigns_it() {
    let (_dir, plan, mut s) = on_team_review();
    // Jon, then the catalog, then the words of the task's title, as a user would type them.
    s.send("j");
    s.send("3");
    s.send("/introduce members");
    s.wait_for("filter: introduce members");
    // The title's own words rank it first, above "Welcome new members…" (whose keywords hold
    // both words too): the first Enter keeps the filter, the second assigns the highlighted task.
    s.send("\r");
    s.send("\r");
    s.wait_for("Assigned “Introduce members to each other");
    s.send("s");
    s.wait_for("Saved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let saved = rolescope::plan::load_plan(&plan).unwrap().plan;
    let jon = saved.person("Jon Park").unwrap();
    assert!(jon.has_task("cm-introduce-members"), "{:?}", jon.tasks);
    assert!(!jon.has_task("cm-welcome-new-members"), "{:?}", jon.tasks);
}

#[test]
fn a_killed_session_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    let plan = temp_plan(dir.path());
    let original = std::fs::read_to_string(&plan).unwrap();

    let mut s = Session::start(&[&plan], &config, &data);
    s.wait_for("People (4)");
    s.send("a");
    s.send("Crash Test\r");
    s.wait_for("Role for Crash Test");
    s.send("\r");
    s.wait_for("People (5)");
    // The recovery copy is written right after the first change.
    let recovery = data.join("recovery");
    let end = Instant::now() + DEADLINE;
    // The lock file is there from the start; the copy is the `.yaml` the writer thread makes.
    let copies = |dir: &Path| {
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
                .count()
        })
    };
    while copies(&recovery) == 0 {
        assert!(Instant::now() < end, "no recovery copy was written");
        std::thread::sleep(Duration::from_millis(50));
    }
    s.child.kill().unwrap();
    let _ = s.child.wait();
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        original,
        "the plan file itself is untouched"
    );

    let mut s = Session::start(&[&plan], &config, &data);
    s.wait_for("Restore them? [y = restore");
    s.send("y\r");
    s.wait_for("Crash Test");
    s.wait_for("unsaved");
    s.send("q");
    s.wait_for("Unsaved changes");
    s.send("s");
    assert_eq!(s.wait_exit(), 0);
    let saved = rolescope::plan::load_plan(&plan).unwrap().plan;
    assert!(
        saved.person("Crash Test").is_some(),
        "the restored work was saved"
    );
    assert_eq!(
        std::fs::read_dir(&recovery).map_or(0, Iterator::count),
        0,
        "the recovery copy is cleaned up"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let (_dir, plan, mut s) = on_team_review();
    s.send("a");
    s.send("Late Edit\r");
    s.wait_for("Role for Late Edit");
    s.send("\r");
    s.wait_for("People (5)");
    // Someone else edits the file meanwhile (a newer modification time).
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(
        &plan,
        std::fs::read_to_string(&plan)
            .unwrap()
            .replace("Team review", "Team review (edited)"),
    )
    .unwrap();
    s.send("s");
    s.wait_for("File changed on disk");
    s.send("n");
    s.wait_for("unsaved");
    assert!(
        std::fs::read_to_string(&plan).unwrap().contains("(edited)"),
        "declining keeps their version"
    );
    s.send("s");
    s.wait_for("File changed on disk");
    s.send("y");
    s.wait_for("Saved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let saved = rolescope::plan::load_plan(&plan).unwrap().plan;
    assert!(saved.person("Late Edit").is_some());
}

#[test]
fn a_pasted_offer_is_imported_and_a_report_exported() {
    let (dir, plan, mut s) = on_team_review();

    // Paste a posting the way a terminal does: one bracketed paste, lines ended by CR.
    s.send("i");
    s.wait_for("Import an offer");
    let offer = [
        "Community Manager (m/f/d)",
        "",
        "What you'll do:",
        "- Moderate our Discord server and welcome new members",
        "- Run monthly meetups for our most active users",
        "- Reply to comments and DMs on our brand accounts",
        "",
        "Benefits: free snacks",
    ]
    .join("\r");
    s.send(&format!("\x1b[200~{offer}\x1b[201~"));
    s.wait_for("lines so far");
    s.send("\r");
    s.wait_for("3 duty lines");
    s.wait_for("Moderate the member spaces");
    // Drop the brand-account line, then add the rest as a new person.
    s.send("G");
    s.send("d");
    s.wait_for("1 dropped");
    s.send("n");
    s.wait_for("People (5)");
    s.wait_for("Added 2 tasks from the offer");

    // Export the team review as HTML beside the plan.
    s.send("e");
    s.wait_for("Export a report");
    s.send("\t");
    s.wait_for("[HTML]");
    s.send("\r");
    s.wait_for("Wrote the HTML report");
    let report = std::fs::read_to_string(dir.path().join("plan.html")).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"), "{}", &report[..80]);
    assert!(report.contains("Community Manager"));

    s.send("q");
    s.wait_for("Unsaved changes");
    s.send("s");
    assert_eq!(s.wait_exit(), 0);
    let saved = rolescope::plan::load_plan(&plan).unwrap().plan;
    let hire = saved.person("Community Manager").unwrap();
    assert_eq!(hire.tasks.len(), 2, "{:?}", hire.tasks);
    assert!(
        !hire.tasks.iter().any(|a| a.task.starts_with("sm-")),
        "{:?}",
        hire.tasks
    );
}

/// Injects `fault` (the test-only hook, triggered by F12) and checks the exit code, the
/// message on the restored screen, and the terminal's state.
fn restored_after(fault: &str, code: u32, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let plan = temp_plan(dir.path());
    let env = [("ROLESCOPE_TEST_FAULT", fault)];
    let mut s = Session::start_with(&[&plan], &dir.path().join("c"), &dir.path().join("d"), &env);
    s.wait_for("People (4)");
    s.send("\x1b[24~"); // F12
    assert_eq!(s.wait_exit(), code, "exit code after an injected {fault}");
    s.wait_for(message);
    assert_terminal_restored(&mut s);
}

#[test]
fn the_terminal_is_restored_after_a_panic() {
    restored_after("panic", 101, "injected panic");
}

#[test]
fn the_terminal_is_restored_after_an_error() {
    restored_after("error", 2, "injected error");
}

/// Adds a person called `name` (first role) and waits until this instance's recovery copy,
/// named with its process id, is on disk.
fn add_person_and_wait_for_copy(s: &mut Session, name: &str, people: usize, recovery: &Path) {
    s.send("a");
    s.send(&format!("{name}\r"));
    s.wait_for(&format!("Role for {name}"));
    s.send("\r");
    s.wait_for(&format!("People ({people})"));
    let pid = s.child.process_id().expect("a process id");
    let end = Instant::now() + DEADLINE;
    while !copy_names(recovery)
        .iter()
        .any(|n| n.contains(&format!("-{pid}-")))
    {
        assert!(Instant::now() < end, "no recovery copy of process {pid}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn copy_names(recovery: &Path) -> Vec<String> {
    std::fs::read_dir(recovery).map_or_else(
        |_| Vec::new(),
        |dir| {
            dir.map(|e| {
                e.expect("directory entry")
                    .file_name()
                    .into_string()
                    .expect("UTF-8 name")
            })
            .filter(|n| Path::new(n).extension().is_some_and(|e| e == "yaml"))
            .collect()
        },
    )
}

/// `kill -9`: nothing of rolescope runs on the way out. (portable-pty's own `kill` sends
/// SIGHUP first, which a closed terminal does too.)
fn kill(s: &mut Session) {
    #[cfg(unix)]
    {
        let pid = s.child.process_id().expect("a process id");
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -9 {pid}");
    }
    #[cfg(not(unix))]
    s.child.kill().expect("killed");
    let _ = s.child.wait();
}

/// Two instances on one plan: neither sees the other's copy while both run; once the first is
/// killed, its work is offered on the next start (and only its work, while the second lives);
/// with both killed, both copies are offered, newest first, and the one chosen is restored.
#[test]
fn two_instances_and_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    let recovery = data.join("recovery");
    let plan = temp_plan(dir.path());

    let mut first = Session::start(&[&plan], &config, &data);
    first.wait_for("People (4)");
    add_person_and_wait_for_copy(&mut first, "Alpha Work", 5, &recovery);

    // A second instance on the same plan while the first runs: no question, nothing deleted.
    let mut second = Session::start(&[&plan], &config, &data);
    second.wait_for("People (4)");
    assert!(!second.text().contains("Restore"), "{}", second.text());
    assert_eq!(copy_names(&recovery).len(), 1, "the first one's copy stays");
    std::thread::sleep(Duration::from_millis(1100)); // a newer copy, by the clock
    add_person_and_wait_for_copy(&mut second, "Beta Work", 5, &recovery);
    assert_eq!(copy_names(&recovery).len(), 2, "one copy per instance");

    kill(&mut first);
    let mut third = Session::start(&[&plan], &config, &data);
    third.wait_for("Restore them? [y = restore");
    let offer = third.text();
    assert!(
        offer.contains("1. just now: \"Team review") && offer.contains("5 people"),
        "{offer}"
    );
    assert!(
        !offer.contains("2. "),
        "the live second is not offered: {offer}"
    );
    third.send("\r"); // keep it for later
    third.wait_for("People (4)");
    third.send("q");
    assert_eq!(third.wait_exit(), 0);
    assert_eq!(
        copy_names(&recovery).len(),
        2,
        "kept, and the live one's too"
    );

    kill(&mut second);
    let mut fourth = Session::start(&[&plan], &config, &data);
    fourth.wait_for("Restore which? [1-2");
    fourth.send("2\r"); // the older one: the first instance's work
    fourth.wait_for("Alpha Work");
    assert!(!fourth.text().contains("Beta Work"));
    fourth.send("q");
    fourth.wait_for("Unsaved changes");
    fourth.send("s");
    assert_eq!(fourth.wait_exit(), 0);
    let saved = rolescope::plan::load_plan(&plan).expect("saved plan").plan;
    assert!(saved.person("Alpha Work").is_some());

    // The second one's copy is still there, and now says the plan was saved after it.
    let mut fifth = Session::start(&[&plan], &config, &data);
    fifth.wait_for("the plan file was saved after this copy");
    fifth.send("d\r");
    fifth.wait_for("People (5)");
    fifth.send("q");
    assert_eq!(fifth.wait_exit(), 0);
    assert!(
        std::fs::read_dir(&recovery)
            .expect("recovery dir")
            .next()
            .is_none(),
        "nothing left: {:?}",
        copy_names(&recovery)
    );
}

#[test]
fn a_save_from_the_view_changes_only_the_line_that_changed() {
    let (_dir, plan, mut s) = on_team_review();
    let before = std::fs::read_to_string(&plan).unwrap();
    s.send("c");
    s.wait_for("Capacity of Maya Okafor");
    s.send("\x7f\x7f36\r");
    s.send("s");
    s.wait_for("Saved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let after = std::fs::read_to_string(&plan).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("  capacity: 40", "  capacity: 36")]);
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "comments and all stay"
    );
}

/// `offer` with no file, on a terminal, says how to give it the posting instead of waiting in
/// silence, then reads what is typed up to Ctrl-D.
#[test]
fn offer_on_a_terminal_says_to_paste_then_ctrl_d() {
    let config = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[Path::new("offer")], config.path(), data.path());
    s.wait_for("Paste the posting, then press Ctrl-D");
    s.send("Community Manager\r- Welcome new members and moderate the forum\r\u{4}");
    // The reply (longer than the screen) ends with the findings of the new plan it implies.
    s.wait_for("coverage-gap");
    s.wait_exit();
}
