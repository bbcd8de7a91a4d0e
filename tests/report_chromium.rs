//! The HTML report in a real browser: headless Chromium parses it (`--dump-dom`) and draws it
//! (`--screenshot`). Skipped with a message when no Chromium is installed, unless
//! `ROLESCOPE_REQUIRE_CHROMIUM=1` (CI sets it after installing Debian's `chromium`), so CI
//! cannot pass by skipping. `ROLESCOPE_CHROMIUM` names the binary if it is not on `PATH`.

// Prints its own summary of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used)]

mod support;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rolescope::report::ReportFormat;
use support::{render_example, render_text};

const HOSTILE: &str = r#"version: 1
name: "</title><script>alert('plan')</script>"
people:
- name: "<script>alert(1)</script>"
  role: community-manager
  tasks:
  - cm-welcome-new-members
  - id: sm-paid-social
    note: "<img src=x onerror=alert(2)> & \"quoted\""
- name: "a|b \"&'"
  role: social-media-manager
  tasks: [sm-schedule-posts]
"#;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ROLESCOPE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

/// The browser, or `None` after saying why the test is skipped.
fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var("ROLESCOPE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "ROLESCOPE_REQUIRE_CHROMIUM=1 but no chromium binary was found on PATH \
             (install Debian's `chromium`, or set ROLESCOPE_CHROMIUM)"
        );
        eprintln!(
            "SKIPPED: no chromium binary on PATH; the HTML report was not checked in a browser \
             (install `chromium`, or set ROLESCOPE_REQUIRE_CHROMIUM=1 to make this a failure)"
        );
    }
    found
}

/// Runs headless Chromium on `file` with `extra` flags; returns stdout. Killed after 60 s.
fn headless(browser: &Path, file: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", file.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).unwrap();
        out
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn team_review_parses_and_draws_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = render_example("examples/team-review.yaml", None, ReportFormat::Html);
    let file = write(dir.path(), "team.html", &html);

    let dom = headless(&browser, &file, &["--dump-dom"]);
    assert!(
        dom.contains("<h1>Team review — Q3 community and social</h1>"),
        "{dom}"
    );
    assert!(!dom.contains("<script"), "no script in the page");
    for id in ["workload", "role-mix", "coverage", "findings"] {
        assert!(
            dom.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    assert_eq!(
        dom.matches("<figure class=\"mix\">").count(),
        4,
        "one bar per person"
    );
    assert_eq!(dom.matches("<svg").count(), 4);
    assert!(
        dom.contains("山田 花子 (Hanako Yamada)"),
        "Unicode survives"
    );
    assert!(
        dom.contains("<td class=\"gap\">✗ gap</td>"),
        "the gap is marked by a symbol"
    );
    // The coverage table: 11 core categories, each with one cell per person.
    let coverage = &dom[dom.find("<section id=\"coverage\">").unwrap()..];
    let coverage = &coverage[..coverage.find("</section>").unwrap()];
    assert_eq!(coverage.matches("<tr").count(), 1 + 11);
    assert_eq!(
        coverage.matches("class=\"mark yes\"").count()
            + coverage.matches("class=\"mark no\"").count(),
        44
    );

    assert_draws(&browser, &file, &dir.path().join("team.png"), "1200,1600");
}

#[test]
fn hostile_names_stay_text_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, person) in [
        ("team.html", None),
        ("person.html", Some("<script>alert(1)</script>")),
    ] {
        let html = render_text(HOSTILE, person, ReportFormat::Html);
        let file = write(dir.path(), name, &html);
        let dom = headless(&browser, &file, &["--dump-dom"]);
        assert!(
            !dom.contains("<script"),
            "no script element in {name}:\n{dom}"
        );
        assert!(!dom.contains("<img"), "no injected image in {name}");
        assert!(
            dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{dom}"
        );
        assert!(dom.contains("<h1>"), "the page parsed as a report");
    }
}

#[test]
fn offer_reply_parses_and_draws_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = support::render_offer_fixture("tea-shop-community-manager.txt", ReportFormat::Html);
    let file = write(dir.path(), "reply.html", &html);

    let dom = headless(&browser, &file, &["--dump-dom"]);
    assert!(dom.contains("<h1>Re: Community Manager</h1>"), "{dom}");
    assert!(!dom.contains("<script"), "no script in the page");
    for id in ["split", "fit", "misfits", "unmatched", "suggestion"] {
        assert!(
            dom.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    assert_eq!(
        dom.matches("<svg").count(),
        1,
        "one bar of the duties by role"
    );
    // Every duty read as social media work is listed, one item each (at least the five the
    // fixture's bullets plainly state).
    let social = support::read_offer_fixture("tea-shop-community-manager.txt")
        .lines
        .iter()
        .filter(|l| {
            l.mapping.is_some()
                && l.reading
                    .as_ref()
                    .is_some_and(|r| r.class == "social-media-manager")
        })
        .count();
    assert!(social >= 5, "the fixture's social media bullets: {social}");
    let misfits = &dom[dom.find("<section id=\"misfits\">").unwrap()..];
    let misfits = &misfits[..misfits.find("</section>").unwrap()];
    assert_eq!(
        misfits.matches("<li>").count(),
        social,
        "one item per social media duty"
    );
    assert!(dom.contains("Best regards,<br>[Your name]"), "{dom}");

    assert_draws(&browser, &file, &dir.path().join("reply.png"), "1000,1600");
}

/// Takes a screenshot of `file` at `size` ("width,height") and checks a real, non-blank PNG
/// was drawn.
fn assert_draws(browser: &Path, file: &Path, png: &Path, size: &str) {
    let shot = format!("--screenshot={}", png.display());
    let window = format!("--window-size={size}");
    headless(browser, file, &[&shot, &window, "--hide-scrollbars"]);
    let bytes = std::fs::read(png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG was drawn");
    assert!(
        bytes.len() > 20_000,
        "the screenshot is not blank ({} bytes)",
        bytes.len()
    );
}
