//! Team reviews of a team grown past the report's limits stay bounded and still carry every
//! finding: the HTML's findings equal the JSON's, whether they are listed one by one (a small
//! team) or gathered by rule with every person named (a large one), and the per-person tables
//! say how many people they show.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use rolescope::report::model::{COVERAGE_COLUMNS, FINDINGS_LISTED, PEOPLE_SHOWN, Subject};
use rolescope::report::{ReportFormat, render};
use rolescope::{Catalog, Plan, analyze};

/// `examples/team-review.yaml`'s people repeated to `people`, each name made unique.
fn grown(people: usize) -> Plan {
    let text = std::fs::read_to_string("examples/team-review.yaml").unwrap();
    let base = rolescope::plan::parse_plan("team-review.yaml", &text).unwrap();
    let mut plan = base.clone();
    plan.people = (0..people)
        .map(|i| {
            let mut p = base.people[i % base.people.len()].clone();
            if people > base.people.len() {
                p.name = format!("{} {}", p.name, i / base.people.len() + 1);
            }
            p
        })
        .collect();
    plan
}

fn reports(plan: &Plan) -> (String, serde_json::Value) {
    let catalog = Catalog::builtin().unwrap();
    let analysis = analyze(&catalog, plan);
    let at = |format| {
        render(
            format,
            &catalog,
            plan,
            &analysis,
            "team.yaml",
            Subject::Team,
        )
    };
    let json = serde_json::from_str(&at(ReportFormat::Json)).unwrap();
    (at(ReportFormat::Html), json)
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text between `open` and the next `close` after it, and what follows.
fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<(&'t str, &'t str)> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some((
        &text[start..start + len],
        &text[start + len + close.len()..],
    ))
}

/// Each finding of the HTML's findings section as (severity, what it is about), counted:
/// "out-of-role · Jon Park 1 · cm-meetups" for a listed one; the gathering's head and one
/// person (`head | person`) for each person of a gathered one.
fn html_findings(html: &str) -> (BTreeMap<String, usize>, bool) {
    let (section, _) = between(html, "<section id=\"findings\">", "</section>").unwrap();
    let mut found = BTreeMap::new();
    let mut gathered = false;
    for item in section.split("\n<li class=\"").skip(1) {
        let severity = &item[..item.find('"').unwrap()];
        if !["error", "warning", "info"].contains(&severity) {
            continue;
        }
        let (head, rest) = between(item, "<strong>", "</strong>").unwrap();
        let head = unescape(head);
        match between(rest, "<ul class=\"who\">", "</ul>") {
            Some((who, _)) => {
                gathered = true;
                for name in who.split("<li>").skip(1) {
                    let name = unescape(name.trim_end_matches("</li>"));
                    *found
                        .entry(format!("{severity}: {head} | {name}"))
                        .or_default() += 1;
                }
            }
            None if rest.starts_with(" (") && rest.contains(") about the team") => {
                gathered = true;
                *found
                    .entry(format!("{severity}: {head} | the team"))
                    .or_default() += 1;
            }
            None => *found.entry(format!("{severity}: {head}")).or_default() += 1,
        }
    }
    (found, gathered)
}

/// The JSON's findings in the same form, listed or gathered as the HTML has them.
fn json_findings(json: &serde_json::Value, gathered: bool) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for f in json["findings"].as_array().unwrap() {
        let part = |k: &str| f[k].as_str().map(str::to_owned);
        let rule = part("rule").unwrap();
        let severity = part("severity").unwrap();
        let (person, task, category) = (part("person"), part("task"), part("category"));
        let key = if gathered {
            let head: Vec<String> = [Some(rule), task, category].into_iter().flatten().collect();
            let who = person.unwrap_or_else(|| "the team".to_owned());
            format!("{severity}: {} | {who}", head.join(" · "))
        } else {
            let head: Vec<String> = [Some(rule), person, task, category]
                .into_iter()
                .flatten()
                .collect();
            format!("{severity}: {}", head.join(" · "))
        };
        *found.entry(key).or_default() += 1;
    }
    found
}

#[test]
fn the_html_has_the_json_findings_listed_or_gathered() {
    for people in [4, 400] {
        let (html, json) = reports(&grown(people));
        let (from_html, gathered) = html_findings(&html);
        let total = json["findings"].as_array().unwrap().len();
        assert_eq!(
            gathered,
            total > FINDINGS_LISTED,
            "{people} people, {total} findings"
        );
        assert!(total > 0);
        assert_eq!(from_html, json_findings(&json, gathered), "{people} people");
    }
}

#[test]
fn a_large_team_review_says_what_its_tables_leave_out() {
    let people = 400;
    let (html, json) = reports(&grown(people));
    let note = format!("The table shows the first {PEOPLE_SHOWN} of {people} people");
    assert_eq!(html.matches(&note).count(), 2, "workload and role mix");
    let (workload, _) = between(&html, "<section id=\"workload\">", "</section>").unwrap();
    assert_eq!(
        workload.matches("<tr><th scope=\"row\">").count(),
        PEOPLE_SHOWN
    );
    let (coverage, _) = between(&html, "<section id=\"coverage\">", "</section>").unwrap();
    assert!(
        coverage.contains(&format!("is shown up to {COVERAGE_COLUMNS} people")),
        "{coverage}"
    );
    assert!(!coverage.contains("class=\"mark"), "no column a person");
    // Each category's count is the JSON's list of who covers it.
    for row in json["report"]["coverage"]["rows"].as_array().unwrap() {
        let n = row["covered_by"].as_array().unwrap().len();
        let title = row["title"].as_str().unwrap().replace('\'', "&#39;");
        let cell = format!("<th scope=\"row\">{title}</th><td class=\"num\">{n}</td>");
        assert!(coverage.contains(&cell), "{cell}");
    }
    // The JSON stays complete: everyone, in the workload and every assignment.
    assert_eq!(json["people"].as_array().unwrap().len(), people);
    assert_eq!(json["report"]["workload"].as_array().unwrap().len(), people);
}

#[test]
fn a_small_team_review_shows_everyone() {
    let (html, _) = reports(&grown(4));
    assert!(!html.contains("The table shows the first"));
    let (coverage, _) = between(&html, "<section id=\"coverage\">", "</section>").unwrap();
    assert!(coverage.contains("<th scope=\"col\" class=\"mark\">Maya Okafor</th>"));
}
