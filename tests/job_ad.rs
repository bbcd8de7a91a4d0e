//! The job ad (`report --format posting-markdown|posting-html`): snapshots of the examples,
//! the warning that comes first when the duties still have errors (in the file and on standard
//! error), no hours and no tool name, and escaping of hostile catalogs and names.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;
use std::process::{Command, Output};

use rolescope::report::ReportFormat;
use support::{render_example, root};

const HIRING: &str = "examples/hiring-scope.yaml";
const STARTUP: &str = "examples/startup-offer.yaml";

fn rolescope(args: &[&str]) -> Output {
    let config = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_rolescope"))
        .args(args)
        .current_dir(root())
        .env("ROLESCOPE_CONFIG_DIR", config.path())
        .env("ROLESCOPE_DATA_DIR", config.path())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_examples_job_ads() {
    for format in [ReportFormat::PostingMarkdown, ReportFormat::PostingHtml] {
        let ext = format.extension();
        insta::assert_snapshot!(
            format!("hiring-scope.job-ad.{ext}"),
            render_example(HIRING, None, format)
        );
        insta::assert_snapshot!(
            format!("startup-offer.job-ad.{ext}"),
            render_example(STARTUP, None, format)
        );
    }
    insta::assert_snapshot!(
        "team-review.zoe.job-ad.md",
        render_example(
            "examples/team-review.yaml",
            Some("Zoë"),
            ReportFormat::PostingMarkdown
        )
    );
}

/// A number of hours as the reports write them: "2 h", "2.5 h", "39.5 h".
fn hours_in(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| {
            w[1].trim_end_matches(|c: char| c.is_ascii_punctuation()) == "h"
                && w[0].trim_start_matches('(').parse::<f64>().is_ok()
        })
        .map(|w| w.join(" "))
        .collect()
}

#[test]
fn a_job_ad_has_no_hours_no_internal_sections_and_no_tool_name() {
    for format in [ReportFormat::PostingMarkdown, ReportFormat::PostingHtml] {
        for (plan, person) in [
            (HIRING, None),
            (STARTUP, None),
            ("examples/team-review.yaml", Some("Maya Okafor")),
            ("examples/team-review.yaml", Some("Jon Park")),
        ] {
            let ad = render_example(plan, person, format);
            assert!(!ad.to_lowercase().contains("rolescope"), "{plan}: {ad}");
            assert!(!ad.contains(plan), "no file name: {ad}");
            // The warning quotes the findings, whose words may count hours; the ad itself
            // never does.
            let body = match ad.find("# Community") {
                Some(at) if format == ReportFormat::PostingMarkdown => &ad[at..],
                _ => ad.split("</div>").last().unwrap(),
            };
            assert_eq!(hours_in(body), Vec::<String>::new(), "{plan}: {body}");
            for internal in [
                "Role mix",
                "Fit",
                "Findings",
                "of the week",
                "capacity",
                "made with",
                "Role description",
            ] {
                assert!(!body.contains(internal), "{internal} in {plan}: {body}");
            }
            for section in ["About the role", "Responsibilities"] {
                assert!(ad.contains(section), "{section} in {plan}: {ad}");
            }
        }
    }
    // The role description keeps its hours: the ad is a second document, not a replacement.
    let description = render_example(HIRING, None, ReportFormat::Markdown);
    assert!(!hours_in(&description).is_empty());
}

#[test]
fn the_hiring_scope_ad_reads_as_a_job_ad() {
    let ad = render_example(HIRING, None, ReportFormat::PostingMarkdown);
    assert!(
        ad.starts_with("# Community Manager\n\n## About the role\n\n"),
        "{ad}"
    );
    assert!(ad.contains("You will build the community"), "{ad}");
    // Categories in catalog order: the community manager's own first.
    let onboarding = ad.find("### Onboarding and welcome").unwrap();
    let publishing = ad
        .find("### Publishing and scheduling on the brand's channels")
        .unwrap();
    assert!(onboarding < publishing, "{ad}");
    // The social media manager's core work the role leaves out, not the part it carries.
    let not = &ad[ad.find("## What this role is not").unwrap()..];
    assert!(
        not.contains("This is not a Social Media Manager role"),
        "{not}"
    );
    assert!(not.contains("- Audience growth and acquisition"), "{not}");
    assert!(!not.contains("Publishing and scheduling"), "{not}");
    assert!(!ad.contains("Do not post"), "{ad}");
}

#[test]
fn an_ad_opens_on_its_own_roles_work_whatever_the_catalog_order() {
    // Jon Park is a Social Media Manager who also runs the meetups: the catalog lists the
    // community manager's categories first, but his ad opens on his own role's work, then the
    // other role's he carries, then the shared work.
    let ad = render_example(
        "examples/team-review.yaml",
        Some("Jon Park"),
        ReportFormat::PostingMarkdown,
    );
    let at = |heading: &str| {
        ad.find(heading)
            .unwrap_or_else(|| panic!("{heading} in {ad}"))
    };
    let own = at("### Publishing and scheduling on the brand's channels");
    let carried = at("### Events and meetups");
    let shared = at("### Sentiment and listening");
    assert!(own < carried && carried < shared, "{ad}");
}

#[test]
fn the_startup_ad_warns_first_in_the_file_and_on_the_terminal() {
    let o = rolescope(&["report", STARTUP, "--format", "posting-markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ad = stdout(&o);
    assert!(
        ad.starts_with(
            "> **⚠ Do not post this ad yet: the plan still has 2 errors for Alex Rivera.**"
        ),
        "{ad}"
    );
    let warning = ad.find("Do not post").unwrap();
    assert!(warning < ad.find("# Community Manager").unwrap());
    for rule in ["role-drift", "title-mismatch"] {
        assert!(ad[..ad.find("# Community").unwrap()].contains(rule), "{ad}");
    }
    let err = stderr(&o);
    assert!(
        err.starts_with("warning: this job ad is not ready to post: the plan still has 2 errors for Alex Rivera (role-drift, title-mismatch)"),
        "{err}"
    );

    // Into a file: the same warning on standard error, and at the top of the page.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ad.html");
    let o = rolescope(&[
        "report",
        STARTUP,
        "-o",
        out.to_str().unwrap(),
        "--format",
        "posting-html",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("not ready to post"), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    let body = &html[html.find("<main>").unwrap()..];
    assert!(
        body.starts_with("<main>\n<div class=\"alert\" role=\"alert\">"),
        "{body}"
    );
    assert!(html.contains("<title>Not ready to post: Community Manager</title>"));
}

#[test]
fn a_ready_ad_says_nothing_on_standard_error() {
    let o = rolescope(&["report", HIRING, "--format", "posting-markdown"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
    assert!(stdout(&o).starts_with("# Community Manager\n"));
}

#[test]
fn an_ad_of_an_unknown_role_warns_and_has_no_empty_about_section() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(
        &plan,
        "version: 1\nname: P\npeople:\n- name: Ana\n  role: comunity-manager\n  tasks: [cm-meetups]\n",
    )
    .unwrap();
    let o = rolescope(&[
        "report",
        plan.to_str().unwrap(),
        "--format",
        "posting-markdown",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("(unknown-role)"), "{}", stderr(&o));
    let ad = stdout(&o);
    assert!(ad.starts_with("> **⚠ Do not post this ad yet"), "{ad}");
    assert!(!ad.contains("About the role"), "{ad}");
    assert!(
        ad.contains("## Responsibilities\n\n### Events and meetups\n"),
        "{ad}"
    );
}

#[test]
fn a_job_ad_of_a_team_asks_for_a_person() {
    let o = rolescope(&[
        "report",
        "examples/team-review.yaml",
        "--format",
        "posting-html",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("a job ad is about one person's role: add --person NAME; the plan has Maya Okafor, Jon Park"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
}

/// A user catalog whose every string is hostile to some format, and a plan that uses it.
const HOSTILE_CATALOG: &str = r#"roles:
- id: evil
  title: "<script>alert('title')</script> | *Evil* & co"
  summary: "plain summary"
  posting: "<img src=x onerror=alert(1)> & \"quoted\" *em* | pipe [link](http://x) `tick`"
categories:
- id: evil-core
  role: evil
  title: "<b>core</b> [link](http://x) `tick` # not a heading"
  core: true
tasks:
- id: evil-task
  title: "<script>alert(2)</script> - [x] **bold** | pipe"
  role: evil
  category: evil-core
  hours: 2
  why: w
"#;

const HOSTILE_PLAN: &str = r#"version: 1
name: "</title><script>alert('plan')</script>"
people:
- name: "<script>alert(3)</script> | *Ana*"
  role: evil
  tasks: [sm-schedule-posts, sm-write-copy, sm-visual-content, sm-reply-comments, evil-task]
- name: "Jon"
  role: community-manager
  tasks: [cm-welcome-new-members]
"#;

fn hostile_ad(person: &str, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("evil.yaml");
    std::fs::write(&catalog, HOSTILE_CATALOG).unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, HOSTILE_PLAN).unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    let o = rolescope(&[
        "report",
        &path(&plan),
        "--catalog",
        &path(&catalog),
        "--person",
        person,
        "--format",
        format,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

/// The tags a job ad is written with; anything else was injected.
const AD_TAGS: [&str; 17] = [
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2",
    "h3", "p", "section", "ul", "li", "strong",
];

#[test]
fn html_job_ads_escape_every_catalog_and_plan_string() {
    for person in ["<script>alert(3)</script> | *Ana*", "Jon"] {
        let html = hostile_ad(person, "posting-html");
        for (i, _) in html.match_indices('<') {
            let tag: String = html[i + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect();
            assert!(
                AD_TAGS.contains(&tag.as_str()) || tag == "div",
                "unexpected tag <{tag}> in:\n{html}"
            );
        }
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("<img") && !html.contains("<b>"), "{html}");
    }
    let evil = hostile_ad("<script>alert(3)</script> | *Ana*", "posting-html");
    assert!(evil.contains(
        "<title>Not ready to post: &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; | *Evil* &amp; co</title>"
    ), "{evil}");
    assert!(
        evil.contains("for &lt;script&gt;alert(3)&lt;/script&gt; | *Ana*."),
        "{evil}"
    );
    assert!(
        evil.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"),
        "{evil}"
    );
    assert!(
        evil.contains("<li>&lt;script&gt;alert(2)&lt;/script&gt; - [x] **bold** | pipe</li>"),
        "{evil}"
    );
    let jon = hostile_ad("Jon", "posting-html");
    assert!(
        jon.contains("<li>&lt;b&gt;core&lt;/b&gt; [link](http://x) `tick` # not a heading</li>"),
        "{jon}"
    );
}

#[test]
fn markdown_job_ads_keep_hostile_strings_as_text() {
    let evil = hostile_ad("<script>alert(3)</script> | *Ana*", "posting-markdown");
    assert!(evil.starts_with("> **⚠ Do not post this ad yet"), "{evil}");
    assert!(
        evil.contains("# \\<script\\>alert('title')\\</script\\> \\| \\*Evil\\* & co\n"),
        "{evil}"
    );
    assert!(
        evil.contains("for \\<script\\>alert(3)\\</script\\> \\| \\*Ana\\*."),
        "{evil}"
    );
    assert!(
        evil.contains("- \\<script\\>alert(2)\\</script\\> - \\[x\\] \\*\\*bold\\*\\* \\| pipe\n"),
        "{evil}"
    );
    assert!(evil.contains("\\[link\\](http://x) \\`tick\\`"), "{evil}");
    // Every angle bracket is escaped, so no renderer takes it for HTML.
    for (i, _) in evil.match_indices('<') {
        assert!(evil[..i].ends_with('\\'), "unescaped < at byte {i}: {evil}");
    }
    let jon = hostile_ad("Jon", "posting-markdown");
    assert!(
        jon.contains("- \\<b\\>core\\</b\\> \\[link\\](http://x) \\`tick\\` \\# not a heading\n"),
        "{jon}"
    );
}

/// The example in docs/job-ads.md is the real output, and its warning the real warning.
#[test]
fn the_job_ads_page_shows_the_real_output() {
    let page = std::fs::read_to_string(root().join("docs/job-ads.md")).unwrap();
    let example = &page[page.find("## Example: the hiring-scope plan").unwrap()..];
    let start = example.find("```markdown\n").unwrap() + "```markdown\n".len();
    let end = start + example[start..].find("\n```").unwrap() + 1;
    assert_eq!(
        &example[start..end],
        render_example(HIRING, None, ReportFormat::PostingMarkdown)
    );
    let startup = render_example(STARTUP, None, ReportFormat::PostingMarkdown);
    let warning = &startup[..startup.find("\n\n# ").unwrap()];
    assert!(page.contains(warning), "docs/job-ads.md shows:\n{warning}");
    let o = rolescope(&["report", STARTUP, "--format", "posting-markdown"]);
    assert!(page.contains(stderr(&o).trim_end()), "{}", stderr(&o));
}

#[test]
fn the_library_refuses_a_job_ad_of_a_person_the_plan_lacks() {
    let catalog = support::catalog();
    let text = std::fs::read_to_string(root().join("examples/hiring-scope.yaml")).unwrap();
    let plan = rolescope::plan::parse_plan("hiring-scope.yaml", &text).unwrap();
    let analysis = rolescope::analysis::analyze(&catalog, &plan);
    let past_the_end = plan.people.len();
    for format in [ReportFormat::PostingMarkdown, ReportFormat::PostingHtml] {
        let mut out = Vec::new();
        let err = rolescope::report::write(
            format,
            &catalog,
            &plan,
            &analysis,
            "hiring-scope.yaml",
            rolescope::report::model::Subject::Person(past_the_end),
            &mut out,
        )
        .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{err}");
        assert!(out.is_empty(), "nothing written");
    }
}
