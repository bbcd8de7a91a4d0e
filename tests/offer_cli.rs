//! `rolescope offer` through the built binary: exit codes, the JSON shape, input errors, --save.
#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs rolescope with `stdin` as input and an empty config dir (no user catalogs).
fn offer(args: &[&str], stdin: &[u8]) -> Output {
    let config = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .arg("offer")
        .args(args)
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .env("ROLESCOPE_CONFIG_DIR", config.path())
        .env("ROLESCOPE_DATA_DIR", config.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// The text of each duty line of an `offer --format json` document.
fn line_texts(doc: &Value) -> Vec<&str> {
    doc["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Written for these tests: a community manager title over mostly social media work.
const SOCIAL_IN_DISGUISE: &str = "\
Community Manager

About us
We make a calendar app for dog walkers.

Responsibilities:
- Schedule and publish posts on our Instagram and TikTok every day
- Write captions and hashtags for the brand's posts
- Reply to comments and DMs on our brand accounts
- Run paid social ads and report on their results
- Work with influencers to grow our follower count

Requirements:
- 3+ years of experience in social media marketing
";

/// Written for these tests: a community manager's duties.
const REAL_COMMUNITY: &str = "\
Job title: Community Manager
- Welcome new members in our forum and introduce them to each other
- Write and enforce the community guidelines and code of conduct
- Recruit, train and coordinate volunteer moderators
- Run the ambassador programme
- Plan and host local meetups for members
- Carry member feedback and pain points to the product team
";

#[test]
fn json_has_the_documented_shape() {
    let o = offer(
        &["--format", "json", "--fail-on", "never"],
        SOCIAL_IN_DISGUISE.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json(&o);
    for key in [
        "title", "role", "verdict", "best_fit", "shares", "lines", "ignored", "findings",
    ] {
        assert!(doc.get(key).is_some(), "missing {key}: {doc}");
    }
    assert_eq!(doc["title"], "Community Manager");
    assert_eq!(doc["role"], "community-manager");
    assert_eq!(doc["verdict"], "mostly-social-media-manager");
    assert_eq!(doc["best_fit"], "social-media-manager");
    let shares = doc["shares"].as_object().unwrap();
    assert!(shares.contains_key("shared") && shares.contains_key("community-manager"));
    let sum: f64 = shares.values().map(|v| v.as_f64().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-3, "{shares:?}");
    assert_eq!(doc["language"], "en");
    assert_eq!(doc["language_source"], "detected");
    assert_eq!(doc["title_reading"], "alias");
    let lines = doc["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 5);
    for l in lines {
        for key in [
            "text",
            "source_text",
            "task",
            "role",
            "confidence",
            "reading",
        ] {
            assert!(l.get(key).is_some(), "line lacks {key}: {l}");
        }
        let reading = &l["reading"];
        assert_eq!(reading["class"], l["role"], "{l}");
        assert!(
            reading["by"] == "model" || reading["by"] == "model-in-posting",
            "{l}"
        );
        assert!(
            reading["probability"]
                .as_f64()
                .is_some_and(|p| p > 0.0 && p <= 1.0)
        );
        assert!(reading["evidence"].is_array(), "{l}");
    }
    let ignored: Vec<&str> = doc["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(ignored.contains(&"We make a calendar app for dog walkers."));
    assert!(ignored.iter().any(|l| l.contains("3+ years")));
    let f = &doc["findings"][0];
    for key in [
        "rule",
        "severity",
        "person",
        "task",
        "message",
        "explanation",
        "location",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    // Social work under a community title: errors (role-drift, title-mismatch) → 1.
    let o = offer(&[], SOCIAL_IN_DISGUISE.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("mostly-social-media-manager"), "{text}");
    // A real community manager job: no errors → 0.
    let o = offer(&["--format", "json"], REAL_COMMUNITY.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["verdict"], "fits-title");
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let o = offer(&[], b"  \n\n ");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is empty"), "{}", stderr(&o));
    let o = offer(&[], b"Community Manager\n\0\x01binary");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    let o = offer(&["--role", "comunity-manager"], REAL_COMMUNITY.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `community-manager`"),
        "{}",
        stderr(&o)
    );
    let o = offer(&["no-such-posting.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
}

#[test]
fn huge_input_is_refused() {
    let config = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(["offer", "-"])
        .env("ROLESCOPE_CONFIG_DIR", config.path())
        .env("ROLESCOPE_MAX_INPUT_BYTES", "1000")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The child may stop reading early; a broken pipe here is fine.
    let _ = child.stdin.take().unwrap().write_all(&[b'x'; 5000]);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("limit"), "{}", stderr(&o));
}

#[test]
fn role_and_title_flags_override_the_text() {
    let o = offer(
        &["--format", "json", "--role", "social-media-manager"],
        SOCIAL_IN_DISGUISE.as_bytes(),
    );
    let doc = json(&o);
    assert_eq!(doc["role"], "social-media-manager");
    assert_eq!(doc["verdict"], "fits-title");
    let o = offer(
        &[
            "--format",
            "json",
            "--title",
            "Social Media Community Manager",
        ],
        SOCIAL_IN_DISGUISE.as_bytes(),
    );
    let doc = json(&o);
    assert_eq!(doc["title"], "Social Media Community Manager");
    assert!(
        doc["role"].is_object(),
        "a mixed title is a split: {}",
        doc["role"]
    );
}

#[test]
fn unmatched_lines_have_null_task_and_role() {
    // No title naming a role: a duty is no one's work from even odds. Which of the engineering
    // duties the model calls no one's work is its call; each one it does has no task, role or
    // confidence in the JSON.
    let text = "Responsibilities:\n- Welcome new members to the forum\n- Write software code and fix bugs\n";
    let doc = json(&offer(
        &["--format", "json", "--fail-on", "never"],
        text.as_bytes(),
    ));
    let lines = doc["lines"].as_array().unwrap();
    let unmatched: Vec<_> = lines
        .iter()
        .filter(|l| l["reading"]["class"] == "neither")
        .collect();
    assert!(!unmatched.is_empty(), "{doc}");
    for line in unmatched {
        assert!(
            line["task"].is_null() && line["role"].is_null() && line["confidence"].is_null(),
            "{line}"
        );
    }
}

#[test]
fn save_writes_a_plan_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("offer.yaml");
    let o = offer(
        &["--save", plan.to_str().unwrap(), "--fail-on", "never"],
        REAL_COMMUNITY.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert!(saved.contains("cm-welcome-new-members"), "{saved}");
    let config = tempfile::tempdir().unwrap();
    let check = Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(["check", plan.to_str().unwrap(), "--fail-on", "never"])
        .env("ROLESCOPE_CONFIG_DIR", config.path())
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn save_refuses_a_plan_with_no_role_to_hold() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("offer.yaml");
    let save = ["--save", plan.to_str().unwrap(), "--fail-on", "never"];
    let o = offer(&save, b"Marketing Coordinator\nWe need help.\n");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing saved to"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--role"), "{}", stderr(&o));
    assert!(!plan.exists());
    // The reading is still given before the refusal.
    assert!(String::from_utf8_lossy(&o.stdout).contains("no role named"));
    // Duties of one role's work, or a role given, are enough to save.
    let o = offer(
        &save,
        b"Marketing Coordinator\n\n- Welcome new members to our Discord server\n\
          - Moderate the forum and keep its guidelines\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(plan.exists());
}

#[test]
fn report_markdown_goes_to_stdout_with_the_exit_code_of_offer() {
    let o = offer(&["--report", "markdown"], SOCIAL_IN_DISGUISE.as_bytes());
    // The findings of the offer's plan still set the exit code: role-drift is an error.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(
        md.starts_with("# Re: Community Manager\n\nHi,\n\nThanks for the offer"),
        "{md}"
    );
    assert!(
        md.contains("## Duties that aren't Community Manager work"),
        "{md}"
    );
    assert!(md.contains("Social Media Manager role rather than a Community Manager role"));
    assert!(md.contains("- **Reply to comments and DMs on our brand accounts**: I'd call this"));
    assert!(md.ends_with("Best regards,  \n[Your name]\n"), "{md}");

    let o = offer(
        &["--report", "markdown", "--fail-on", "never"],
        REAL_COMMUNITY.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("So the duties match the title: this is a Community Manager role."));
}

#[test]
fn report_html_is_written_atomically_to_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reply.html");
    let o = offer(
        &[
            "--report",
            "html",
            "-o",
            path.to_str().unwrap(),
            "--fail-on",
            "never",
        ],
        SOCIAL_IN_DISGUISE.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing on stdout with -o");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<h1>Re: Community Manager</h1>"));
    assert!(html.contains("<svg"), "the role-mix bar");
    assert!(!html.contains("<script"));
    // The reply goes to the client: no tool note, no local file name.
    assert!(!html.contains("rolescope from"), "{html}");
    assert!(html.trim_end().ends_with("</main>\n</body>\n</html>"));
    // Only the reply is left in the directory: no temporary file.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn report_conflicts_with_json_and_output_needs_report() {
    // Usage errors exit before reading standard input: give none, or writing it races the exit.
    let o = offer(&["--report", "markdown", "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    let o = offer(&["-o", "reply.md"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--report"), "{}", stderr(&o));
    let o = offer(&["--report", "csv"], b"");
    assert_eq!(o.status.code(), Some(2), "only markdown and html");
}

/// Written for these tests: a freelancer e-mail stating the hours in the title's bracket and
/// the rate on a line of its own.
const FREELANCE_EMAIL: &str = "\
Hi Laura,

Thanks for the chat last week! We're a boutique coffee roaster looking for a Community Manager (20h/week). You would welcome new members to our Discord server and moderate the member forum. You would also host monthly meetups for our regulars and carry member feedback to the product team.

Rate: 25 EUR/hour
We can pay the rate of 25 EUR/hour monthly, on invoice.

Best,
Tom
";

#[test]
fn pay_and_hours_are_facts_not_duties() {
    let o = offer(
        &["--format", "json", "--fail-on", "never"],
        FREELANCE_EMAIL.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(doc["title"], "Community Manager");
    assert_eq!(doc["hours_per_week"], 20.0);
    let pay = &doc["pay"];
    assert_eq!(pay["text"], "25 EUR/hour", "{doc}");
    assert_eq!(pay["amount_min"], 25.0);
    assert_eq!(pay["amount_max"], 25.0);
    assert_eq!(pay["currency"], "EUR");
    assert_eq!(pay["per"], "hour");
    let lines = doc["lines"].as_array().unwrap();
    assert!(!lines.is_empty(), "{doc}");
    for l in lines {
        let text = l["text"].as_str().unwrap();
        assert!(
            !text.contains("Rate") && !text.contains("EUR"),
            "a pay line counted as a duty: {text}"
        );
    }
}

#[test]
fn the_reply_states_the_terms_it_read() {
    let o = offer(
        &["--report", "markdown", "--fail-on", "never"],
        FREELANCE_EMAIL.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("20 h a week, 25 EUR/hour"), "{md}");
}

/// Written for these tests: a part-time posting that gives no hours.
const PART_TIME: &str = "\
Community Manager
Schedule: part-time
Responsibilities:
- Welcome new members in our forum and introduce them to each other
- Moderate the community's Discord server
- Train and support our part-time volunteer moderators
- Plan and host local meetups for members
";

#[test]
fn part_time_is_a_fact_shown_without_made_up_hours() {
    let o = offer(
        &["--format", "json", "--fail-on", "never"],
        PART_TIME.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(doc["schedule"], "part-time", "{doc}");
    assert_eq!(doc["hours_per_week"], Value::Null, "{doc}");
    let lines = line_texts(&doc);
    assert!(
        !lines.iter().any(|l| l.contains("Schedule")),
        "the schedule line counted as a duty: {lines:?}"
    );
    // A duty that names part-time people stays a duty.
    assert!(
        lines.iter().any(|l| l.contains("part-time volunteer")),
        "{lines:?}"
    );
    // The text output and the reply say part-time, with no number of hours.
    let text = offer(&["--fail-on", "never"], PART_TIME.as_bytes());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("· part-time"), "{text}");
    assert!(!text.contains("a week offered"), "{text}");
    let md = offer(
        &["--report", "markdown", "--fail-on", "never"],
        PART_TIME.as_bytes(),
    );
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("the offer is for part-time work"), "{md}");
}

#[test]
fn full_time_is_read_and_no_schedule_is_null() {
    let full = "Social Media Coordinator (full-time)\nResponsibilities:\n\
                - Schedule and publish posts on our Instagram\n\
                - Reply to comments and DMs on our brand accounts\n";
    let doc = json(&offer(
        &["--format", "json", "--fail-on", "never"],
        full.as_bytes(),
    ));
    assert_eq!(doc["schedule"], "full-time", "{doc}");
    let doc = json(&offer(
        &["--format", "json", "--fail-on", "never"],
        SOCIAL_IN_DISGUISE.as_bytes(),
    ));
    assert_eq!(doc["schedule"], Value::Null, "{doc}");
}

/// Written for these tests: an offer too vague to judge.
const VAGUE_EMAIL: &str = "\
Hi Sam,

Thanks for the call! We are a small family bakery in Porto. You would keep an eye on our online presence and do the bookkeeping.

Rate: 22 EUR/hour, about 10 hours a week.

Best,
Ana
";

#[test]
fn an_unclear_reply_does_not_praise_clear_duties() {
    let json_out = offer(
        &["--format", "json", "--fail-on", "never"],
        VAGUE_EMAIL.as_bytes(),
    );
    assert_eq!(json(&json_out)["verdict"], "unclear");
    for format in ["markdown", "html"] {
        let o = offer(
            &["--report", format, "--fail-on", "never"],
            VAGUE_EMAIL.as_bytes(),
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let reply = String::from_utf8_lossy(&o.stdout);
        assert!(!reply.contains("so clearly"), "{reply}");
        assert!(reply.contains("10 h a week, 22 EUR/hour"), "{reply}");
    }
}

/// The reply names a duty's closest task only when the match is sure enough: a task named on a
/// 7% match ("help at our pop-up stands" as co-marketing with partner brands) is a claim the
/// duty does not make, and the client reads it.
#[test]
fn the_reply_names_no_task_for_a_duty_close_to_none() {
    let email = "Hi! We're a boutique coffee roaster looking for a Community Manager (20h/week). \
                 You'd run our Instagram and TikTok: plan the content calendar, shoot and edit \
                 Reels, write captions, reply to comments and DMs, and grow our followers. \
                 You'd also report monthly on reach and engagement. Occasionally help at our \
                 pop-up stands. Rate: 25 EUR/hour.\n";
    let o = offer(
        &["--report", "markdown", "--fail-on", "never"],
        email.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    let line = |duty: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("- **{duty}**")))
            .unwrap_or_else(|| panic!("no line for {duty:?} in {md}"))
            .to_owned()
    };
    assert!(
        line("write captions").contains("I'd call this “Write copy, captions and hashtags"),
        "{md}"
    );
    let stands = line("Occasionally help at our pop-up stands.");
    assert!(
        stands.ends_with(
            "I read this as Social Media Manager work, though it is close to none of that \
             role's usual tasks."
        ),
        "{stands}"
    );
    // The text output still shows the closest task and its confidence.
    let o = offer(&["--fail-on", "never"], email.as_bytes());
    let text = String::from_utf8(o.stdout).unwrap();
    let after = text
        .split("Occasionally help at our pop-up stands.")
        .nth(1)
        .unwrap_or_default();
    let reading: String = after.lines().take(3).collect();
    assert!(reading.contains("closest task sm-"), "{text}");
}

#[test]
fn a_hard_wrapped_email_is_read_by_its_paragraphs() {
    // A plain-text e-mail wraps its paragraphs; its subject line names the job.
    let text = "Subject: Community Manager for our bakery\n\nHi Alex,\n\n\
                We're a small bakery in Leeds and we'd love some help. The person would\n\
                post on our Instagram three times a week, answer messages from customers\n\
                and run a monthly tasting evening for our regulars. It's about 10 hours a\n\
                week at 18 GBP/hour.\n\nThanks,\nPriya\n";
    let doc = json(&offer(
        &["--format", "json", "--fail-on", "never"],
        text.as_bytes(),
    ));
    assert_eq!(doc["title"], "Community Manager for our bakery", "{doc}");
    // The hours were split over two lines.
    assert_eq!(doc["hours_per_week"], 10.0, "{doc}");
    let lines = line_texts(&doc);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("post on our Instagram three times a week")),
        "{lines:?}"
    );
    // No duty is a fragment cut by the wrap.
    assert!(
        lines
            .iter()
            .all(|l| !l.ends_with("would") && !l.ends_with(" a")),
        "{lines:?}"
    );
}

#[test]
fn the_place_is_labelled_so_a_mode_of_work_is_no_verdict() {
    let text = "Community Manager (híbrido)\n\nFunciones:\n- Moderar el foro de la comunidad\n";
    let out = offer(&["--fail-on", "never"], text.as_bytes());
    let header = String::from_utf8(out.stdout).unwrap();
    let header = header.lines().take(2).collect::<Vec<_>>().join(" ");
    assert!(header.contains("place: hybrid"), "{header}");
}

#[test]
fn a_text_with_no_role_and_no_duty_says_so_in_its_heading() {
    // The text output of `offer -` on `text`, and its first line.
    let read = |text: &[u8]| {
        let out = String::from_utf8_lossy(&offer(&["-"], text).stdout).into_owned();
        let heading = out.lines().next().unwrap_or_default().to_owned();
        (heading, out)
    };
    let (heading, out) = read(b"Marketing Coordinator\nWe need help.\n");
    assert!(
        heading.contains("no role named, and no duty to judge by"),
        "{out}"
    );
    assert!(!heading.contains("judged as -"), "{out}");
    // Nor do the rules speak of a role nobody offered.
    assert!(!out.contains("Community Manager"), "{out}");
    assert!(!out.contains("coverage-gap"), "{out}");
    // Duties that are all shared work are no role's to judge by.
    let (heading, out) = read(
        b"Marketing Coordinator\n- Report on reach and engagement metrics\n\
          - Answer customer support tickets\n",
    );
    assert!(
        heading.contains("no role named, and no duty that is one role's work"),
        "{out}"
    );
    // With duties, the heading names the role they fit.
    let (heading, out) = read(
        b"Marketing Coordinator\n\n- Welcome new members to our Discord server\n\
          - Moderate the forum and keep its guidelines\n",
    );
    assert!(
        heading.contains("no role named; judged as community-manager"),
        "{out}"
    );
}
