//! Hostile names and notes (markup, table pipes, quotes, formulas, line breaks) must not break
//! or inject into any report format.
#![allow(clippy::unwrap_used)]

mod support;

use rolescope::report::ReportFormat;
use support::render_text;

/// A plan whose every user string is hostile to some format.
pub const HOSTILE: &str = r#"version: 1
name: "<script>alert('plan')</script> | *Q3* & co"
description: "line one\nline two <b>bold</b>"
people:
- name: "<script>alert(1)</script>"
  role: community-manager
  tasks:
  - cm-welcome-new-members
  - id: sm-paid-social
    note: "a|b, \"quoted\" & 'single'\nsecond line <img src=x>"
- name: "a|b"
  role: social-media-manager
  tasks: [sm-schedule-posts, cm-meetups]
- name: "\"&'"
  role: social-media-manager
  tasks: [sm-write-copy]
- name: "=HYPERLINK(\"http://example.com\")"
  role: community-manager
  tasks: [cm-meetups]
- name: "- [x] **Ω** 1. `tick` &amp;"
  role: community-manager
  tasks: []
"#;

const NAMES: [&str; 5] = [
    "<script>alert(1)</script>",
    "a|b",
    "\"&'",
    "=HYPERLINK(\"http://example.com\")",
    "- [x] **Ω** 1. `tick` &amp;",
];

/// The tags rolescope writes; anything else in the output was injected.
const TAGS: [&str; 28] = [
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "p",
    "section",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "strong",
    "em",
    "span",
    "figure",
    "figcaption",
];
const SVG_TAGS: [&str; 4] = ["svg", "rect", "text", "div"];

fn tag_names(html: &str) -> Vec<String> {
    html.match_indices('<')
        .map(|(i, _)| {
            html[i + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn html_escapes_every_user_string() {
    for person in [None, Some("<script>alert(1)</script>")] {
        let html = render_text(HOSTILE, person, ReportFormat::Html);
        for tag in tag_names(&html) {
            assert!(
                TAGS.contains(&tag.as_str()) || SVG_TAGS.contains(&tag.as_str()),
                "unexpected tag <{tag}> in:\n{html}"
            );
        }
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        if person.is_none() {
            assert!(html.contains("&quot;&amp;&#39;"));
            assert!(html.contains("a|b"));
        }
    }
}

/// Pipes that are not escaped with a backslash: the column separators of a table row.
fn separators(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
    }
    n
}

#[test]
fn markdown_tables_keep_their_columns_and_markup_stays_text() {
    for person in [None, Some("a|b"), Some("- [x] **Ω** 1. `tick` &amp;")] {
        let md = render_text(HOSTILE, person, ReportFormat::Markdown);
        let mut table: Option<usize> = None;
        for line in md.lines() {
            if line.starts_with('|') {
                let n = separators(line);
                let expected = *table.get_or_insert(n);
                assert_eq!(n, expected, "row has a different number of columns: {line}");
            } else {
                table = None;
            }
            assert!(
                !line.starts_with("- -") && !line.starts_with("# -"),
                "{line}"
            );
        }
        // Every `<`, `*`, `` ` `` and `[` a user wrote is escaped.
        for (i, c) in md.char_indices() {
            if matches!(c, '<' | '`' | '[') {
                assert!(
                    md[..i].ends_with('\\'),
                    "unescaped {c:?} in line {:?}",
                    md[..i].lines().last()
                );
            }
        }
        assert!(!md.contains("\\<script>"), "{md}");
    }
}

/// A minimal RFC 4180 reader: records of fields, quotes doubled inside quoted fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR is followed by LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            _ => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

#[test]
fn csv_has_nine_fields_per_row_and_defused_formulas() {
    let csv = render_text(HOSTILE, None, ReportFormat::Csv);
    let records = parse_csv(&csv);
    assert_eq!(records[0].len(), 9);
    assert_eq!(records[0][0], "person");
    for r in &records {
        assert_eq!(r.len(), 9, "{r:?}");
    }
    let people: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(people.contains(&"<script>alert(1)</script>"));
    assert!(people.contains(&"a|b"));
    assert!(people.contains(&"\"&'"));
    assert!(
        people.contains(&"'=HYPERLINK(\"http://example.com\")"),
        "{people:?}"
    );
    let note = records.iter().find(|r| r[2] == "sm-paid-social").unwrap();
    assert_eq!(
        note[7],
        "a|b, \"quoted\" & 'single'\nsecond line <img src=x>"
    );
    assert_eq!(note[8], "out-of-role (warning)");
}

#[test]
fn json_keeps_names_exactly() {
    let json: serde_json::Value =
        serde_json::from_str(&render_text(HOSTILE, None, ReportFormat::Json)).unwrap();
    let people: Vec<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(people, NAMES);
    let workload: Vec<&str> = json["report"]["workload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["person"].as_str().unwrap())
        .collect();
    assert_eq!(workload, NAMES);
}

/// An offer reply whose title and duty lines are hostile. The offer is built by hand: the
/// extractor already strips HTML tags from pasted text, and the renderers must not rely on it.
fn hostile_reply(format: ReportFormat) -> String {
    use rolescope::offer::{DutyLine, Mapping, Offer, RoleSource, judge};
    use rolescope::plan::RoleSpec;
    let catalog = support::catalog();
    let line = |text: &str, task: Option<&str>| DutyLine {
        text: text.to_owned(),
        mapping: task.map(|t| Mapping {
            task: t.to_owned(),
            confidence: 1.0,
        }),
        weight: 1.0,
        source_text: text.to_owned(),
        reading: None,
    };
    let offer = Offer {
        title: Some("<script>alert('title')</script> | *CM*".to_owned()),
        role: Some(RoleSpec::Single("community-manager".to_owned())),
        role_source: RoleSource::Title,
        title_reading: None,
        language: rolescope::offer::Language::English,
        language_source: rolescope::offer::LanguageSource::Detected,
        lines: vec![
            line(
                "<script>alert(1)</script> schedule posts",
                Some("sm-schedule-posts"),
            ),
            line("Reply to a|b comments \"&'", Some("sm-reply-comments")),
            line(
                "- [x] **Ω** 1. `tick` &amp; <img src=x>",
                Some("sm-write-copy"),
            ),
            line(
                "Welcome members <b>here</b>",
                Some("cm-welcome-new-members"),
            ),
            line("Do the books | \"&' <script>x</script>", None),
        ],
        ignored: Vec::new(),
        hours_per_week: None,
        pay: None,
        place: None,
        schedule: None,
    };
    let config = rolescope::offer::MatchingConfig::builtin().unwrap();
    let judgement = judge(&catalog, &offer, &config);
    rolescope::report::render_offer_reply(format, &catalog, &offer, &judgement, "<offer>.txt")
}

#[test]
fn offer_reply_html_escapes_duty_lines_and_title() {
    let html = hostile_reply(ReportFormat::Html);
    for tag in tag_names(&html) {
        assert!(
            TAGS.contains(&tag.as_str()) || SVG_TAGS.contains(&tag.as_str()) || tag == "br",
            "unexpected tag <{tag}> in:\n{html}"
        );
    }
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; schedule posts"));
    assert!(html.contains("Reply to a|b comments &quot;&amp;&#39;"));
    assert!(html.contains("Do the books | &quot;&amp;&#39; &lt;script&gt;x&lt;/script&gt;"));
    assert!(html.contains("<title>Re: &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
    // The reply names no local file (it goes to the client), escaped or not.
    assert!(!html.contains("offer&gt;.txt") && !html.contains("<offer>.txt"));
}

#[test]
fn offer_reply_markdown_escapes_duty_lines_and_title() {
    let md = hostile_reply(ReportFormat::Markdown);
    let mut table: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = separators(line);
            assert_eq!(n, *table.get_or_insert(n), "{line}");
        } else {
            table = None;
        }
    }
    for (i, c) in md.char_indices() {
        if matches!(c, '<' | '`' | '[') && !md[i..].starts_with("[Your name]") {
            assert!(
                md[..i].ends_with('\\'),
                "unescaped {c:?} in line {:?}",
                md[..i].lines().last()
            );
        }
    }
    assert!(
        md.contains("- **\\<script\\>alert(1)\\</script\\> schedule posts**: "),
        "{md}"
    );
    assert!(md.contains("Reply to a\\|b comments \"&'"), "{md}");
    assert!(
        md.contains("- Do the books \\| \"&' \\<script\\>x\\</script\\>"),
        "{md}"
    );
    assert!(
        md.contains("\\- \\[x\\] \\*\\*Ω\\*\\* 1. \\`tick\\` \\&amp; \\<img src=x\\>"),
        "{md}"
    );
    assert!(
        md.starts_with("# Re: \\<script\\>alert('title')\\</script\\> \\| \\*CM\\*\n"),
        "{md}"
    );
}
