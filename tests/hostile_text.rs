//! Hostile text never drives the terminal: every command, and the view, run in a real
//! pseudo-terminal on inputs full of control sequences (set the window title, write the
//! clipboard, clear the screen, hide text, C1 controls, right-to-left overrides), and the bytes
//! that reach the terminal are checked. The command line may send only the colour sequences it
//! paints with; the view only what a full-screen app needs (cursor moves, colours), never an
//! OSC, a DCS, a BEL, a C1 control or a bidi override.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

/// A title, the clipboard, a screen clear, hidden text, a C1 CSI, a bidi override and BEL, as
/// raw characters.
const PAYLOAD: &str =
    "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGFjaw==\u{7}\u{1b}[2J\u{1b}[8m\u{9b}31m\u{202e}\u{7}";

/// The same as YAML double-quoted escapes, for plans and catalogs.
const YAML_PAYLOAD: &str = r"\e]0;PWNED\a\e]52;c;aGFjaw==\a\e[2J\e[8m\u009b31m\u202e\a";

/// Runs the binary in a pseudo-terminal with `keys` typed after `settle`, returning every
/// byte it wrote and its exit code.
fn run_in_pty(dir: &Path, args: &[&str], keys: Option<(&str, Duration)>) -> (Vec<u8>, u32) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rolescope"));
    cmd.args(args);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env("ROLESCOPE_CONFIG_DIR", dir.join("config"));
    cmd.env("ROLESCOPE_DATA_DIR", dir.join("data"));
    cmd.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let start = Instant::now();
    let mut out = Vec::new();
    let mut typed = false;
    loop {
        while let Ok(bytes) = rx.recv_timeout(Duration::from_millis(20)) {
            out.extend(bytes);
        }
        if let Some((text, settle)) = keys
            && !typed
            && start.elapsed() > settle
        {
            std::io::Write::write_all(&mut writer, text.as_bytes()).unwrap();
            typed = true;
        }
        if let Some(status) = child.try_wait().unwrap() {
            std::thread::sleep(Duration::from_millis(50));
            while let Ok(bytes) = rx.try_recv() {
                out.extend(bytes);
            }
            return (out, status.exit_code());
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!(
                "{args:?} did not exit; it wrote:\n{}",
                String::from_utf8_lossy(&out)
            );
        }
    }
}

/// The first thing in `out` that must not reach a terminal, if any. `sgr_only`: every escape
/// sequence must be a colour (`ESC [ digits ; m`); otherwise CSI sequences (cursor, colours,
/// modes) are allowed and only string sequences (OSC, DCS, APC, PM, SOS) are not.
fn first_hostile(out: &[u8], sgr_only: bool) -> Option<String> {
    let text = String::from_utf8_lossy(out);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let context = || {
            chars[i.saturating_sub(30)..(i + 30).min(chars.len())]
                .iter()
                .collect::<String>()
        };
        match c {
            '\u{1b}' => {
                let next = chars.get(i + 1).copied();
                if next != Some('[') {
                    return Some(format!("ESC {next:?} in {:?}", context()));
                }
                let mut j = i + 2;
                while j < chars.len()
                    && (chars[j].is_ascii_digit()
                        || matches!(chars[j], ';' | '?' | '<' | '=' | '>'))
                {
                    j += 1;
                }
                let end = chars.get(j).copied();
                if sgr_only && end != Some('m') {
                    return Some(format!(
                        "non-colour sequence ending {end:?} in {:?}",
                        context()
                    ));
                }
                if sgr_only {
                    let params: String = chars[i + 2..j].iter().collect();
                    if !is_colour(&params) {
                        return Some(format!("not a colour: {params:?} in {:?}", context()));
                    }
                }
                i = j + 1;
                continue;
            }
            '\u{7}' | '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                return Some(format!("{c:?} in {:?}", context()));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Colours and weights only: no hidden (8), blinking (5) or reversed (7) text.
fn is_colour(params: &str) -> bool {
    let parts: Vec<&str> = params.split(';').collect();
    match parts.as_slice() {
        [one] => {
            one.is_empty()
                || matches!(
                    one.parse::<u8>(),
                    Ok(0 | 1 | 2 | 22 | 39 | 49 | 30..=37 | 90..=97)
                )
        }
        ["38" | "48", "5", n] => n.parse::<u8>().is_ok(),
        _ => false,
    }
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A plan whose free text (description, notes, reasons) carries the payload: names and ids
/// refuse it, so it comes through the text that may hold anything.
fn hostile_plan() -> String {
    format!(
        r#"name: Hostile team
description: "desc {YAML_PAYLOAD}"
accept:
  - rule: coverage-gap
    reason: "gap {YAML_PAYLOAD}"
people:
  - name: Ana
    role: community-manager
    capacity: 2
    tasks:
      - id: cm-welcome
        note: "note {YAML_PAYLOAD}"
      - sm-paid-social
    accept:
      - rule: over-capacity
        reason: "busy {YAML_PAYLOAD}"
"#
    )
}

fn hostile_catalog() -> String {
    format!(
        r#"tasks:
  - id: x-hostile
    title: Hostile task
    role: shared
    category: engagement-metrics
    hours: 1
    why: "why {YAML_PAYLOAD}"
"#
    )
}

fn hostile_offer() -> String {
    format!(
        "Job title: Community {PAYLOAD}Manager\n- Reply to comments {PAYLOAD}\n- Plan meetups for members {PAYLOAD}\n- Welcome new members to the forum\nPay: 25 EUR/hour {PAYLOAD}\n"
    )
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    write(dir.path(), "plan.yaml", &hostile_plan());
    write(dir.path(), "hostile.yaml", &hostile_catalog());
    write(dir.path(), "offer.txt", &hostile_offer());
    write(
        dir.path(),
        "bad-id.yaml",
        &format!("roles:\n  - id: \"evil{YAML_PAYLOAD}\"\n    title: Evil\n    summary: s\n"),
    );
    write(
        dir.path(),
        "bad-name.yaml",
        &format!(
            "name: p\npeople:\n  - name: \"Al{YAML_PAYLOAD}ice\"\n    role: community-manager\n"
        ),
    );
    write(
        dir.path(),
        "bad-field.yaml",
        &format!("name: p\n\"peo{YAML_PAYLOAD}ple\": []\n"),
    );
    dir
}

#[test]
fn no_command_lets_a_control_sequence_through() {
    let dir = setup();
    let missing = format!("no-such{PAYLOAD}.yaml");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", "plan.yaml"],
        vec!["check", "plan.yaml", "--format", "json"],
        vec!["--catalog", "hostile.yaml", "check", "plan.yaml"],
        vec!["offer", "offer.txt"],
        vec!["offer", "offer.txt", "--format", "json"],
        vec!["offer", "offer.txt", "--report", "markdown"],
        vec!["report", "plan.yaml"],
        vec!["report", "plan.yaml", "--format", "csv"],
        vec!["report", "plan.yaml", "--format", "html"],
        vec!["report", "plan.yaml", "--format", "json"],
        vec![
            "report",
            "plan.yaml",
            "--person",
            "Ana",
            "--format",
            "markdown",
        ],
        vec!["report", "plan.yaml", "--person", PAYLOAD],
        vec!["offer", "offer.txt", "--role", PAYLOAD],
        vec!["--catalog", "hostile.yaml", "catalog", "list"],
        vec![
            "--catalog",
            "hostile.yaml",
            "catalog",
            "list",
            "--format",
            "json",
        ],
        vec!["catalog", "validate", "hostile.yaml"],
        vec!["catalog", "validate", "bad-id.yaml"],
        vec!["check", "bad-name.yaml"],
        vec!["check", "bad-field.yaml"],
        vec!["check", &missing],
        vec!["check", "plan.yaml", "--format", PAYLOAD],
        vec![PAYLOAD, "--no-such-flag"],
    ];
    for args in &runs {
        let (out, code) = run_in_pty(dir.path(), args, None);
        assert!(code <= 2, "{args:?} exited {code}");
        if let Some(what) = first_hostile(&out, true) {
            panic!("{args:?} let through {what}");
        }
    }
    // And the payload was there to be caught: it is shown, not dropped.
    let (out, _) = run_in_pty(dir.path(), &["check", "plan.yaml"], None);
    assert!(String::from_utf8_lossy(&out).contains(r"\e]0;PWNED\x07"));
}

#[test]
fn the_offer_saved_as_a_plan_is_clean_and_loads_again() {
    let dir = setup();
    let (out, code) = run_in_pty(
        dir.path(),
        &["offer", "offer.txt", "--save", "new.yaml"],
        None,
    );
    assert!(code <= 1, "{}", String::from_utf8_lossy(&out));
    let saved = std::fs::read_to_string(dir.path().join("new.yaml")).unwrap();
    assert!(!saved.contains(r"\e"), "{saved}");
    let (out, code) = run_in_pty(dir.path(), &["check", "new.yaml"], None);
    assert!(code <= 1, "{}", String::from_utf8_lossy(&out));
    assert!(first_hostile(&out, true).is_none());
}

#[test]
fn the_view_shows_hostile_text_without_obeying_it() {
    let dir = setup();
    // Open the plan, show the findings' explanations and the notes, then quit.
    let (out, code) = run_in_pty(
        dir.path(),
        &["plan.yaml"],
        Some(("\tjj\tjjq", Duration::from_millis(1500))),
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
    assert!(String::from_utf8_lossy(&out).contains("Hostile team"));
    if let Some(what) = first_hostile(&out, false) {
        panic!("the view let through {what}");
    }
}
