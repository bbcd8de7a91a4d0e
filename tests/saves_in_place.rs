//! Saves that keep the file, as a property: any sequence of the edits the view makes (capacity,
//! hours, notes, tasks and people added and removed, renames, roles and splits, accepted
//! findings, the plan's name and description), applied to each example plan and to a
//! hand-written plan with comments and flow lists, is written back into the file's own text,
//! and that text reads as exactly the edited plan. Each example's comments all survive an edit
//! that does not remove what they sit on.
#![allow(clippy::unwrap_used)]

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::Config;
use rolescope::plan::in_place::edit;
use rolescope::plan::{Acceptance, parse_plan};
use rolescope::{Assignment, Catalog, Person, Plan, RoleSpec, Rule};

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::builtin().unwrap());

const HAND_WRITTEN: &str = "\
# A plan written by hand.
name: 'Hand'   # quoted on purpose
people:
  - {name: Flow Person, role: community-manager, tasks: [cm-meetups]}
  - name: Block Person   # comment
    role:
      community-manager: 60
      social-media-manager: 40
    tasks:
      - sm-write-copy
      # between items
      - id: cm-meetups
        hours: 2
        note: |
          a block note
          on two lines
accept:
  - rule: coverage-gap
    reason: covered by the agency
";

fn texts() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ["team-review", "hiring-scope", "startup-offer"]
        .iter()
        .map(|name| {
            let path = format!("{}/examples/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
            (name.to_string(), std::fs::read_to_string(path).unwrap())
        })
        .collect();
    out.push(("hand-written".into(), HAND_WRITTEN.into()));
    out
}

/// One edit as the view makes it, with its choices drawn by the strategy.
#[derive(Debug, Clone)]
enum Edit {
    Capacity(usize, u8),
    Hours(usize, usize, Option<u8>),
    Note(usize, usize, Option<&'static str>),
    AddTask(usize, usize),
    RemoveTask(usize, usize),
    AddPerson(&'static str),
    RemovePerson(usize),
    Rename(usize, &'static str),
    Role(usize, bool),
    Accept(usize),
    RemoveAccept(usize),
    Describe(&'static str),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let names = prop::sample::select(vec!["Ana", "Zoë N.", "山田", "O'Brien", "x: y", "- dash"]);
    let notes = prop::sample::select(vec![
        "short",
        "two\nlines",
        "# not a comment",
        "quote \" it",
    ]);
    let edit = prop_oneof![
        (any::<usize>(), 0u8..=60).prop_map(|(p, c)| Edit::Capacity(p, c)),
        (any::<usize>(), any::<usize>(), prop::option::of(0u8..=20))
            .prop_map(|(p, t, h)| Edit::Hours(p, t, h)),
        (any::<usize>(), any::<usize>(), prop::option::of(notes))
            .prop_map(|(p, t, n)| Edit::Note(p, t, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(p, t)| Edit::AddTask(p, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(p, t)| Edit::RemoveTask(p, t)),
        names.clone().prop_map(Edit::AddPerson),
        any::<usize>().prop_map(Edit::RemovePerson),
        (any::<usize>(), names).prop_map(|(p, n)| Edit::Rename(p, n)),
        (any::<usize>(), any::<bool>()).prop_map(|(p, h)| Edit::Role(p, h)),
        any::<usize>().prop_map(Edit::Accept),
        any::<usize>().prop_map(Edit::RemoveAccept),
        prop::sample::select(vec!["", "Q3", "two\nlines"]).prop_map(Edit::Describe),
    ];
    prop::collection::vec(edit, 1..8)
}

fn apply(plan: &mut Plan, edit: &Edit) {
    let people = plan.people.len();
    let person = |i: usize| (people > 0).then(|| i % people);
    match *edit {
        Edit::Capacity(p, c) => {
            if let Some(p) = person(p) {
                plan.people[p].capacity = f64::from(c);
            }
        }
        Edit::Hours(p, ..) | Edit::RemoveTask(p, _) | Edit::Note(p, ..)
            if person(p).is_none_or(|p| plan.people[p].tasks.is_empty()) => {}
        Edit::Hours(p, t, h) => {
            let p = person(p).unwrap();
            let n = plan.people[p].tasks.len();
            plan.people[p].tasks[t % n].hours = h.map(f64::from);
        }
        Edit::Note(p, t, note) => {
            let p = person(p).unwrap();
            let n = plan.people[p].tasks.len();
            plan.people[p].tasks[t % n].note = note.map(str::to_owned);
        }
        Edit::RemoveTask(p, t) => {
            let p = person(p).unwrap();
            let n = plan.people[p].tasks.len();
            plan.people[p].tasks.remove(t % n);
        }
        Edit::AddTask(p, t) => {
            if let Some(p) = person(p) {
                let tasks = CATALOG.tasks();
                let id = &tasks[t % tasks.len()].id;
                if !plan.people[p].has_task(id) {
                    plan.people[p].tasks.push(Assignment::new(id.clone()));
                }
            }
        }
        Edit::AddPerson(name) => {
            if plan.person(name).is_none() {
                plan.people.push(Person::new(
                    name,
                    RoleSpec::Single("social-media-manager".into()),
                ));
            }
        }
        Edit::RemovePerson(p) => {
            if let Some(p) = person(p) {
                plan.people.remove(p);
            }
        }
        Edit::Rename(p, name) => {
            if let Some(p) = person(p)
                && plan.person(name).is_none()
            {
                name.clone_into(&mut plan.people[p].name);
            }
        }
        Edit::Role(p, hybrid) => {
            if let Some(p) = person(p) {
                plan.people[p].role = if hybrid {
                    RoleSpec::Hybrid(vec![
                        ("community-manager".into(), 70.0),
                        ("social-media-manager".into(), 30.0),
                    ])
                } else {
                    RoleSpec::Single("community-manager".into())
                };
            }
        }
        Edit::Accept(p) => {
            if let Some(p) = person(p)
                && plan.people[p].accept.is_empty()
            {
                plan.people[p].accept.push(Acceptance {
                    rule: Rule::OverCapacity,
                    task: None,
                    category: None,
                    reason: "agreed for the launch".into(),
                });
            }
        }
        Edit::RemoveAccept(p) => {
            if let Some(p) = person(p) {
                plan.people[p].accept.clear();
            }
            plan.accept.clear();
        }
        Edit::Describe(text) => text.clone_into(&mut plan.description),
    }
}

proptest! {
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200),
        ..Config::default()
    })]

    #[test]
    fn every_edit_is_written_into_the_file_s_own_text(which in 0usize..4, edits in edits()) {
        let (name, text) = &texts()[which];
        let old = parse_plan(name, text).unwrap();
        let mut new = old.clone();
        for e in &edits {
            apply(&mut new, e);
        }
        let edited = edit(text, &old, &new);
        prop_assert!(edited.is_some(), "{name}: gave up on {edits:?}");
        let edited = edited.unwrap();
        prop_assert_eq!(parse_plan(name, &edited).unwrap(), new);
        // Comments stay unless what they sit on is gone.
        if !edits.iter().any(|e| matches!(e, Edit::RemovePerson(_) | Edit::RemoveTask(..) | Edit::Role(..) | Edit::RemoveAccept(_))) {
            for comment in text.lines().filter(|l| l.trim_start().starts_with('#')) {
                prop_assert!(edited.contains(comment), "{name}: lost {comment:?} after {edits:?}\n{edited}");
            }
        }
    }
}

#[test]
fn one_capacity_in_the_team_review_changes_one_line() {
    let (_, text) = &texts()[0];
    let old = parse_plan("team-review", text).unwrap();
    let mut new = old.clone();
    new.people[0].capacity = 36.0;
    let edited = edit(text, &old, &new).unwrap();
    let changed: Vec<(&str, &str)> = text
        .lines()
        .zip(edited.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("  capacity: 40", "  capacity: 36")]);
    assert_eq!(text.lines().count(), edited.lines().count());
}
