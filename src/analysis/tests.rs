//! Each rule with a firing and a non-firing case, on a small catalog written for the tests so
//! the numbers are easy to follow (every task is 10 h unless a plan overrides it).

use super::*;
use crate::catalog::{Catalog, CatalogSource};
use crate::finding::{Finding, Rule, Severity};
use crate::plan::parse_plan;

const CATALOG: &str = "
defaults:
  thresholds: {drift_warning: 0.3, drift_error: 0.5, title_margin: 0.1, min_fit_hours: 4,
               overload_warning: 1.0, overload_error: 1.2, underuse_info: 0.5}
roles:
- id: cm
  title: Community Manager
  aliases: [community lead]
  summary: Builds a community. More text.
  covers: [sm-post]
  thresholds: {drift_warning: 0.35}
- id: sm
  title: Social Media Manager
  summary: Runs the brand's channels.
  thresholds: {drift_warning: 0.15, drift_error: 0.3}
categories:
- {id: cm-welcome, role: cm, title: Welcome, core: true}
- {id: cm-events, role: cm, title: Events, core: true}
- {id: cm-strategy, role: cm, title: Strategy}
- {id: sm-post, role: sm, title: Posting, core: true}
- {id: sm-ads, role: sm, title: Ads, core: true}
- {id: sh-metrics, role: shared, title: Metrics}
tasks:
- {id: welcome, title: Welcome members, role: cm, category: cm-welcome, hours: 10, why: w}
- {id: meetups, title: Run meetups, role: cm, category: cm-events, hours: 10, why: w}
- {id: plan, title: Community plan, role: cm, category: cm-strategy, hours: 10, why: w}
- {id: posts, title: Schedule posts, role: sm, category: sm-post, hours: 10, why: w}
- {id: replies, title: Reply to comments, role: sm, category: sm-post, hours: 10, why: w}
- {id: ads, title: Paid ads, role: sm, category: sm-ads, hours: 10, why: w}
- {id: metrics, title: Engagement metrics, role: shared, category: sh-metrics, hours: 10, why: w}
";

fn catalog() -> Catalog {
    let source = CatalogSource {
        origin: "test.yaml".into(),
        text: CATALOG.into(),
        builtin: true,
        compact: None,
    };
    Catalog::from_sources(&[source]).expect("test catalog is valid")
}

/// An analysis with the plan and catalog it came from, to write findings' words.
struct Run {
    analysis: Analysis,
    plan: crate::plan::Plan,
    catalog: Catalog,
}

impl std::ops::Deref for Run {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        &self.analysis
    }
}

impl Run {
    fn msg(&self, f: &Finding) -> String {
        message(f, &self.catalog, &self.plan)
    }
    fn why(&self, f: &Finding) -> String {
        explanation(f, &self.catalog, &self.plan)
    }
}

/// A plan of one person: `role` (YAML), capacity 40, tasks as YAML list items.
fn one(role: &str, tasks: &str) -> Run {
    run(&format!(
        "name: t\npeople:\n- name: P\n  role: {role}\n  capacity: 40\n  tasks: {tasks}\n"
    ))
}

fn run(text: &str) -> Run {
    let plan = parse_plan("t.yaml", text).expect("test plan is valid");
    let catalog = catalog();
    Run {
        analysis: analyze(&catalog, &plan),
        plan,
        catalog,
    }
}

fn rules(a: &Analysis) -> Vec<(Rule, Severity)> {
    a.findings.iter().map(|f| (f.rule, f.severity)).collect()
}

fn has(a: &Analysis, rule: Rule) -> Option<Severity> {
    a.findings
        .iter()
        .find(|f| f.rule == rule)
        .map(|f| f.severity)
}

#[test]
fn role_drift_fires_when_most_of_a_community_role_is_social() {
    // 20 h social of 30 h: 67% > 50%.
    let a = one("cm", "[welcome, posts, replies]");
    assert_eq!(
        has(&a, Rule::RoleDrift),
        Some(Severity::Error),
        "{:?}",
        rules(&a)
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::RoleDrift)
        .unwrap();
    assert!(a.msg(f).starts_with("67% of P's 30 h"), "{}", a.msg(f));
    assert!(a.why(f).contains("\"Schedule posts\""), "{}", a.why(f));
}

#[test]
fn role_drift_warns_between_the_thresholds_and_tolerates_a_little_social() {
    // 40%: above the 35% warning, below the 50% error.
    let a = one(
        "cm",
        "[welcome, meetups, {id: posts, hours: 8}, {id: replies, hours: 5.33}]",
    );
    assert_eq!(
        has(&a, Rule::RoleDrift),
        Some(Severity::Warning),
        "{:?}",
        rules(&a)
    );
    // 25%: a little social work is part of a community manager's job.
    let a = one("cm", "[welcome, meetups, plan, posts]");
    assert_eq!(has(&a, Rule::RoleDrift), None, "{:?}", rules(&a));
}

#[test]
fn role_drift_is_stricter_for_social_media_managers() {
    // 25% community work: the social media limits are 15% / 30%, so it warns.
    let a = one("sm", "[posts, replies, ads, {id: welcome, hours: 10}]");
    assert_eq!(
        has(&a, Rule::RoleDrift),
        Some(Severity::Warning),
        "{:?}",
        rules(&a)
    );
}

#[test]
fn role_drift_for_hybrids_is_measured_against_the_split() {
    // Declared 50/50, actual 21/79: 29% of the week is off the split; the blended warning is 25%.
    let a = one(
        "{cm: 50, sm: 50}",
        "[{id: welcome, hours: 8}, posts, replies, ads]",
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::RoleDrift)
        .expect("drift fires");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        a.msg(f).contains("cm 50% / sm 50% declared")
            && a.msg(f).contains("cm 21% / sm 79% actual"),
        "{}",
        a.msg(f)
    );
    // On the split: nothing.
    let a = one("{cm: 50, sm: 50}", "[welcome, meetups, posts, ads]");
    assert_eq!(has(&a, Rule::RoleDrift), None, "{:?}", rules(&a));
}

#[test]
fn fit_is_not_judged_on_a_few_hours() {
    let a = one("cm", "[{id: posts, hours: 3}]");
    assert_eq!(has(&a, Rule::RoleDrift), None);
    assert_eq!(has(&a, Rule::TitleMismatch), None);
}

#[test]
fn out_of_role_fires_for_community_work_given_to_social_media() {
    let a = one("sm", "[posts, ads, meetups]");
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::OutOfRole)
        .expect("fires");
    assert_eq!(f.task.as_deref(), Some("meetups"));
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn out_of_role_spares_covered_channels_and_shared_work() {
    // `sm-post` is covered by the community role; shared work fits anyone.
    let a = one("cm", "[welcome, meetups, posts, metrics]");
    assert_eq!(has(&a, Rule::OutOfRole), None, "{:?}", rules(&a));
    // Ads are not covered: out of role for a community manager.
    let a = one("cm", "[welcome, meetups, plan, ads]");
    assert_eq!(
        a.findings
            .iter()
            .filter(|f| f.rule == Rule::OutOfRole)
            .count(),
        1
    );
}

#[test]
fn missing_core_fires_only_without_any_core_category() {
    let a = one("cm", "[plan, metrics]");
    assert_eq!(has(&a, Rule::MissingCore), Some(Severity::Warning));
    let a = one("cm", "[plan, meetups]");
    assert_eq!(has(&a, Rule::MissingCore), None);
    let a = one("cm", "[]");
    assert_eq!(
        has(&a, Rule::MissingCore),
        None,
        "an empty role is under-use, not missing core"
    );
}

#[test]
fn title_mismatch_names_the_better_role_and_shares() {
    let a = one("cm", "[welcome, posts, replies, ads]");
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::TitleMismatch)
        .expect("fires");
    assert!(
        a.msg(f).contains("Social Media Manager (75%)")
            && a.msg(f).contains("Community Manager (25%)"),
        "{}",
        a.msg(f)
    );
    assert_eq!(a.people[0].best_fit.as_deref(), Some("sm"));
}

#[test]
fn title_mismatch_needs_a_lead_beyond_the_margin() {
    // 50/50 is a tie: the title is not wrong.
    let a = one("cm", "[welcome, posts]");
    assert_eq!(has(&a, Rule::TitleMismatch), None);
    assert_eq!(
        a.people[0].best_fit.as_deref(),
        Some("cm"),
        "ties go to the person's own role"
    );
}

#[test]
fn title_mismatch_for_hybrids_only_when_the_best_role_is_outside_the_split() {
    let a = one("{cm: 50, sm: 50}", "[welcome, posts, replies, ads]");
    assert_eq!(has(&a, Rule::TitleMismatch), None);
}

#[test]
fn capacity_rules() {
    let over = |tasks: &str| one("cm", tasks);
    // 50 h for 40: 125% > 120% error.
    assert_eq!(
        has(
            &over("[welcome, meetups, plan, posts, metrics]"),
            Rule::OverCapacity
        ),
        Some(Severity::Error)
    );
    // 44 h: warning.
    assert_eq!(
        has(
            &over("[welcome, meetups, plan, {id: posts, hours: 14}]"),
            Rule::OverCapacity
        ),
        Some(Severity::Warning)
    );
    // 30 h: fine; 10 h: under-use info.
    let fine = over("[welcome, meetups, plan]");
    assert_eq!(has(&fine, Rule::OverCapacity), None);
    assert_eq!(has(&fine, Rule::UnderUse), None);
    assert_eq!(
        has(&over("[welcome]"), Rule::UnderUse),
        Some(Severity::Info)
    );
}

#[test]
fn zero_capacity_with_work_is_an_error() {
    let a = run("name: t\npeople:\n- {name: P, role: cm, capacity: 0, tasks: [welcome]}\n");
    assert_eq!(has(&a, Rule::OverCapacity), Some(Severity::Error));
}

#[test]
fn coverage_gap_lists_each_uncovered_core_category_once() {
    // cm hired; nobody runs events.
    let a = run(
        "name: t\npeople:\n- {name: A, role: cm, tasks: [welcome, plan]}\n- {name: B, role: cm, tasks: [welcome]}\n",
    );
    let gaps: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.rule == Rule::CoverageGap)
        .map(|f| a.msg(f))
        .collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert!(gaps[0].contains("\"Events\""));
    assert!(
        a.findings
            .iter()
            .filter(|f| f.rule == Rule::CoverageGap)
            .all(|f| f.person.is_none())
    );
    // Covered by anyone (here a social media manager) counts as covered.
    let a = run(
        "name: t\npeople:\n- {name: A, role: cm, tasks: [welcome]}\n- {name: B, role: sm, tasks: [posts, ads, meetups]}\n",
    );
    assert_eq!(has(&a, Rule::CoverageGap), None, "{:?}", rules(&a));
    let row = a
        .coverage
        .rows
        .iter()
        .find(|r| r.category == "cm-events")
        .unwrap();
    assert_eq!(row.covered_by, vec![1]);
}

#[test]
fn unknown_ids_get_a_did_you_mean() {
    let a = one("cm", "[welcom]");
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::UnknownTask)
        .expect("fires");
    assert!(
        a.msg(f).contains("`welcom`") && a.msg(f).contains("did you mean `welcome`?"),
        "{}",
        a.msg(f)
    );
    assert_eq!(f.severity, Severity::Error);
    let a = one("cmm", "[welcome]");
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::UnknownRole)
        .expect("fires");
    assert!(a.msg(f).contains("did you mean `cm`?"), "{}", a.msg(f));
    let a = one("cm", "[welcome, meetups]");
    assert!(has(&a, Rule::UnknownTask).is_none() && has(&a, Rule::UnknownRole).is_none());
}

#[test]
fn unknown_ids_are_located_in_the_text() {
    let text = "name: t\npeople:\n- name: A\n  role: cm\n  tasks:\n  - welcome\n- name: B\n  role: cm\n  tasks:\n  - welcom\n";
    let plan = parse_plan("t.yaml", text).unwrap();
    let mut a = analyze(&catalog(), &plan);
    a.locate_in(&plan, text);
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == Rule::UnknownTask)
        .unwrap();
    assert_eq!(
        f.location,
        Some(crate::Location {
            line: 10,
            column: 5
        })
    );
}

#[test]
fn plan_thresholds_override_the_role_profile() {
    let tasks = "[welcome, posts, replies]";
    let base = format!("people:\n- name: P\n  role: cm\n  tasks: {tasks}\n");
    assert_eq!(
        has(&run(&format!("name: t\n{base}")), Rule::RoleDrift),
        Some(Severity::Error)
    );
    let all = run(&format!(
        "name: t\nthresholds:\n  all: {{drift_error: 0.9}}\n{base}"
    ));
    assert_eq!(has(&all, Rule::RoleDrift), Some(Severity::Warning));
    let own = run(&format!(
        "name: t\nthresholds:\n  all: {{drift_error: 0.9}}\n  cm: {{drift_warning: 0.95, drift_error: 0.99}}\n{base}"
    ));
    assert_eq!(
        has(&own, Rule::RoleDrift),
        None,
        "the role's own override wins over `all`"
    );
    let unknown = run(&format!(
        "name: t\nthresholds:\n  cmm: {{drift_error: 0.9}}\n{base}"
    ));
    assert!(
        unknown
            .findings
            .iter()
            .any(|f| f.rule == Rule::UnknownRole && f.person.is_none())
    );
}

#[test]
fn accept_silences_exactly_the_named_rule_and_task() {
    let text = "name: t\npeople:\n- name: P\n  role: sm\n  tasks: [posts, ads, meetups, welcome]\n  accept:\n  - rule: out-of-role\n    task: meetups\n    reason: city meetups this quarter\n";
    let a = run(text);
    let out: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == Rule::OutOfRole)
        .collect();
    assert_eq!(out.len(), 1, "welcome is still reported");
    assert_eq!(out[0].task.as_deref(), Some("welcome"));
    assert_eq!(a.accepted.len(), 1);
    assert_eq!(a.accepted[0].reason, "city meetups this quarter");
    assert!(
        has(&a, Rule::RoleDrift).is_some(),
        "other rules are untouched"
    );

    let all = run(&text.replace("    task: meetups\n", ""));
    assert_eq!(has(&all, Rule::OutOfRole), None);
    assert_eq!(all.accepted.len(), 2);
}

#[test]
fn team_findings_are_accepted_at_plan_level() {
    let text = "name: t\naccept:\n- {rule: coverage-gap, reason: events are run by the agency}\npeople:\n- {name: A, role: cm, tasks: [welcome, plan]}\n";
    let a = run(text);
    assert_eq!(has(&a, Rule::CoverageGap), None);
    assert_eq!(a.accepted.len(), 1);
}

#[test]
fn a_category_accepts_that_gap_and_leaves_the_others() {
    // cm and sm hired; nobody runs events or ads.
    let plain = "name: t\npeople:\n- {name: A, role: cm, tasks: [welcome]}\n- {name: B, role: sm, tasks: [posts]}\n";
    let gaps = |a: &Run| -> Vec<Option<String>> {
        a.findings
            .iter()
            .filter(|f| f.rule == Rule::CoverageGap)
            .map(|f| f.category.clone())
            .collect()
    };
    let before = run(plain);
    assert_eq!(
        gaps(&before),
        [Some("cm-events".to_owned()), Some("sm-ads".to_owned())]
    );
    let one = run(&plain.replace(
        "people:",
        "accept:\n- {rule: coverage-gap, category: cm-events, reason: the agency runs them}\npeople:",
    ));
    assert_eq!(gaps(&one), [Some("sm-ads".to_owned())], "the ads gap stays");
    assert_eq!(one.accepted.len(), 1);
    assert_eq!(
        one.accepted[0].finding.category.as_deref(),
        Some("cm-events")
    );
    assert_eq!(one.accepted[0].reason, "the agency runs them");
    // A category with no gap accepts nothing; one without a category accepts every gap.
    let none = run(&plain.replace(
        "people:",
        "accept:\n- {rule: coverage-gap, category: cm-welcome, reason: r}\npeople:",
    ));
    assert_eq!(gaps(&none).len(), 2);
    assert!(none.accepted.is_empty());
    let all = run(&plain.replace(
        "people:",
        "accept:\n- {rule: coverage-gap, reason: r}\npeople:",
    ));
    assert!(gaps(&all).is_empty());
    assert_eq!(all.accepted.len(), 2);
}

#[test]
fn an_unknown_category_in_accept_is_a_located_error_with_a_did_you_mean() {
    let text = "name: t\naccept:\n- rule: coverage-gap\n  category: cm-event\n  reason: the agency\npeople:\n- {name: A, role: cm, tasks: [welcome]}\n";
    let plan = parse_plan("t.yaml", text).unwrap();
    let catalog = catalog();
    let mut a = analyze(&catalog, &plan);
    a.locate_in(&plan, text);
    let f = a
        .team_findings()
        .find(|f| f.rule == Rule::UnknownCategory)
        .expect("fires");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.location,
        Some(crate::Location {
            line: 4,
            column: 13
        })
    );
    let msg = message(f, &catalog, &plan);
    assert_eq!(
        msg,
        "accept `coverage-gap` names unknown category `cm-event` (did you mean `cm-events`?)"
    );
    assert!(a.accepted.is_empty(), "a typo accepts nothing");
    assert_eq!(has(&a, Rule::CoverageGap), Some(Severity::Warning));

    let fixed = run(&text.replace("cm-event\n", "cm-events\n"));
    assert_eq!(has(&fixed, Rule::UnknownCategory), None);
}

#[test]
fn an_unknown_task_in_accept_is_a_located_error_with_a_did_you_mean() {
    let text = "name: t\naccept:\n- rule: out-of-role\n  task: welcom\n  reason: r\npeople:\n\
                - name: A\n  role: cm\n  tasks: [welcome, posts]\n  accept:\n  - rule: out-of-role\n    task: post\n    reason: on purpose\n";
    let plan = parse_plan("t.yaml", text).unwrap();
    let catalog = catalog();
    let mut a = analyze(&catalog, &plan);
    a.locate_in(&plan, text);
    let mine: Vec<&Finding> = a
        .findings_for(0)
        .filter(|f| f.rule == Rule::UnknownTask)
        .collect();
    assert_eq!(mine.len(), 1, "{:?}", a.findings);
    assert_eq!(mine[0].severity, Severity::Error);
    assert_eq!(
        message(mine[0], &catalog, &plan),
        "A's accept `out-of-role` names unknown task `post` (did you mean `posts`?)"
    );
    assert_eq!(
        mine[0].location,
        Some(crate::Location {
            line: 12,
            column: 11
        })
    );
    let team: Vec<&Finding> = a
        .team_findings()
        .filter(|f| f.rule == Rule::UnknownTask)
        .collect();
    assert_eq!(team.len(), 1);
    assert_eq!(
        message(team[0], &catalog, &plan),
        "accept `out-of-role` names unknown task `welcom` (did you mean `welcome`?)"
    );
    assert_eq!(team[0].location.map(|l| l.line), Some(4));
    // A typo accepts nothing.
    assert!(a.accepted.is_empty(), "{:?}", a.accepted);

    let fixed = run(&text
        .replace("task: post\n", "task: posts\n")
        .replace("welcom\n", "welcome\n"));
    assert_eq!(has(&fixed, Rule::UnknownTask), None);
}

#[test]
fn shares_sum_to_one_and_findings_are_ordered() {
    let a = one("cm", "[welcome, posts, metrics, nope]");
    let sum: f64 = a.people[0].share_by_slot.iter().sum();
    assert!((sum - 1.0).abs() < 1e-9, "{sum}");
    assert_eq!(a.people[0].hours, 30.0, "unknown tasks carry no hours");
    let sev: Vec<Severity> = a.findings_for(0).map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(sev, sorted);
    let empty = one("cm", "[]");
    assert!(empty.people[0].share_by_slot.iter().all(|s| *s == 0.0));
    assert_eq!(empty.people[0].best_fit, None);
}

#[test]
fn no_hour_off_the_role_is_no_drift_even_with_a_zero_limit() {
    // Shares of 1/3 and 2/3 used to leave 1e-16 of "drift" (1 - 1/3 - 2/3), which a
    // `drift_warning: 0` policy reported as "0% ... go to other roles' work (limit 0%)".
    let a = run(
        "name: t\nthresholds:\n  all: {drift_warning: 0, min_fit_hours: 0}\npeople:\n- name: P\n  role: cm\n  tasks: [metrics, {id: welcome, hours: 20}]\n",
    );
    assert_eq!(a.people[0].drift, 0.0);
    assert_eq!(has(&a, Rule::RoleDrift), None, "{:?}", rules(&a));
    let hybrid = run(
        "name: t\nthresholds:\n  all: {drift_warning: 0, min_fit_hours: 0}\npeople:\n- name: P\n  role: {cm: 1, sm: 2}\n  tasks: [metrics, {id: welcome, hours: 1}, {id: posts, hours: 2}]\n",
    );
    assert_eq!(hybrid.people[0].drift, 0.0);
    assert_eq!(has(&hybrid, Rule::RoleDrift), None, "{:?}", rules(&hybrid));
}
