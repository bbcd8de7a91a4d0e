//! Snapshots of every report format for every example plan (and one role description picked
//! out of the team plan with `--person`). Review changes with `cargo insta review`, or read
//! the `.snap` files under `tests/snapshots/`: they are the reports as a user gets them.
#![allow(clippy::unwrap_used)]

mod support;

use rolescope::report::ReportFormat;
use support::{example_plans, render_example, stem};

fn snapshot_all(format: ReportFormat) {
    let plans = example_plans();
    assert!(plans.len() >= 3, "the examples were found: {plans:?}");
    for plan in plans {
        let mut text = render_example(&plan, None, format);
        if format == ReportFormat::Csv {
            // RFC 4180 wants CRLF (checked in report_escaping.rs); snapshots keep plain lines.
            assert!(text.ends_with("\r\n"));
            text = text.replace("\r\n", "\n");
        }
        insta::assert_snapshot!(format!("{}.{}", stem(&plan), format.extension()), text);
    }
}

#[test]
fn markdown_of_every_example() {
    snapshot_all(ReportFormat::Markdown);
}

#[test]
fn html_of_every_example() {
    snapshot_all(ReportFormat::Html);
}

#[test]
fn csv_of_every_example() {
    snapshot_all(ReportFormat::Csv);
}

#[test]
fn json_of_every_example() {
    snapshot_all(ReportFormat::Json);
}

#[test]
fn role_description_of_a_hybrid_from_the_team_plan() {
    let text = render_example(
        "examples/team-review.yaml",
        Some("Zoë Lindqvist"),
        ReportFormat::Markdown,
    );
    insta::assert_snapshot!("team-review.zoe.md", text);
}

#[test]
fn role_description_of_a_social_media_manager_given_meetups() {
    let text = render_example(
        "examples/team-review.yaml",
        Some("Jon Park"),
        ReportFormat::Markdown,
    );
    insta::assert_snapshot!("team-review.jon.md", text);
}

#[test]
fn accepted_findings_unknown_tasks_and_empty_people() {
    let plan = "tests/fixtures/accepted.yaml";
    insta::assert_snapshot!(
        "accepted.team.md",
        render_example(plan, None, ReportFormat::Markdown)
    );
    insta::assert_snapshot!(
        "accepted.jon.md",
        render_example(plan, Some("Jon"), ReportFormat::Markdown)
    );
    insta::assert_snapshot!(
        "accepted.maya.md",
        render_example(plan, Some("Maya"), ReportFormat::Markdown)
    );
}

/// Offers written for these tests (not from the devset): a community manager title over
/// mostly social media work, and one whose duties fit the title.
const OFFERS: [&str; 2] = [
    "tea-shop-community-manager.txt",
    "notes-app-community-manager.txt",
];

#[test]
fn offer_replies_in_markdown_and_html() {
    for name in OFFERS {
        let stem = name.trim_end_matches(".txt");
        for format in [ReportFormat::Markdown, ReportFormat::Html] {
            let text = support::render_offer_fixture(name, format);
            insta::assert_snapshot!(format!("reply.{stem}.{}", format.extension()), text);
        }
    }
}
