use super::*;
use crate::plan::{Acceptance, Assignment, Person, RoleSpec};

fn plan(text: &str) -> Plan {
    parse_plan("t.yaml", text).expect("a valid plan")
}

/// Edits `text` with `change` and returns the new text, checking it reads as the change.
fn edited(text: &str, change: impl FnOnce(&mut Plan)) -> String {
    let old = plan(text);
    let mut new = old.clone();
    change(&mut new);
    let out = edit(text, &old, &new).expect("edited in place");
    assert_eq!(plan(&out), new);
    out
}

const HAND_WRITTEN: &str = "\
# Our team, kept in git.
name: Team   # the name shown in reports
people:
  # Maya runs the forum.
  - name: Maya
    role: community-manager
    capacity: 40   # full time
    tasks:
      - cm-welcome-new-members   # since March
      - id: cm-meetups
        hours: 4
  - name: Jon
    role: social-media-manager
    tasks: [sm-schedule-posts, sm-write-copy]
";

#[test]
fn a_capacity_change_is_one_line_and_comments_stay() {
    let out = edited(HAND_WRITTEN, |p| p.people[0].capacity = 32.0);
    assert_eq!(
        out,
        HAND_WRITTEN.replace("capacity: 40   # full time", "capacity: 32   # full time")
    );
}

#[test]
fn hours_turn_a_bare_task_into_a_mapping_in_place() {
    let out = edited(HAND_WRITTEN, |p| p.people[0].tasks[0].hours = Some(8.0));
    assert!(
        out.contains("      - id: cm-welcome-new-members\n        hours: 8   # since March\n"),
        "{out}"
    );
    assert!(out.starts_with("# Our team, kept in git.\nname: Team   # the name"));
}

#[test]
fn tasks_are_added_and_removed_in_block_and_flow_lists() {
    let out = edited(HAND_WRITTEN, |p| {
        p.people[0]
            .tasks
            .push(Assignment::new("cm-write-guidelines"));
        p.people[1].tasks.remove(0);
    });
    assert!(
        out.contains("        hours: 4\n      - cm-write-guidelines\n"),
        "{out}"
    );
    assert!(out.contains("    tasks: [sm-write-copy]\n"), "{out}");
    let out = edited(HAND_WRITTEN, |p| {
        p.people[0].tasks.remove(0);
    });
    assert!(!out.contains("cm-welcome-new-members"), "{out}");
    assert!(
        out.contains("    tasks:\n      - id: cm-meetups\n"),
        "{out}"
    );
    assert!(out.contains("  # Maya runs the forum."));
}

#[test]
fn people_are_added_removed_and_renamed() {
    let out = edited(HAND_WRITTEN, |p| {
        let mut ana = Person::new("Ana", RoleSpec::Single("community-manager".into()));
        ana.tasks.push(Assignment::new("cm-meetups"));
        p.people.push(ana);
    });
    assert!(out.starts_with(HAND_WRITTEN), "only appended:\n{out}");
    let out = edited(HAND_WRITTEN, |p| {
        p.people.remove(0);
    });
    assert!(
        out.contains("people:\n  # Maya runs the forum.\n  - name: Jon\n"),
        "{out}"
    );
    let out = edited(HAND_WRITTEN, |p| {
        "Maya O.".clone_into(&mut p.people[0].name);
    });
    assert_eq!(
        out,
        HAND_WRITTEN.replace("- name: Maya\n", "- name: Maya O.\n")
    );
}

#[test]
fn roles_notes_accepts_and_the_plan_s_fields() {
    let out = edited(HAND_WRITTEN, |p| {
        p.people[1].role = RoleSpec::Hybrid(vec![
            ("community-manager".into(), 50.0),
            ("social-media-manager".into(), 50.0),
        ]);
    });
    assert!(
        out.contains("    role:\n      community-manager: 50\n"),
        "{out}"
    );
    let out = edited(HAND_WRITTEN, |p| {
        p.people[0].tasks[1].note = Some("Two lines:\nsee the wiki".into());
        p.description = "Q3 review".into();
        p.people[1].accept.push(Acceptance {
            rule: crate::finding::Rule::OverCapacity,
            task: None,
            category: None,
            reason: "launch month".into(),
        });
    });
    assert!(out.contains("description: Q3 review\n"), "{out}");
    assert!(out.contains("accept:\n"), "{out}");
}

#[test]
fn an_unchanged_plan_is_its_text_and_a_bad_text_gives_up() {
    let p = plan(HAND_WRITTEN);
    assert_eq!(edit(HAND_WRITTEN, &p, &p).as_deref(), Some(HAND_WRITTEN));
    let mut other = p.clone();
    other.people[0].capacity = 1.0;
    assert!(edit("name: [unclosed\n", &p, &other).is_none());
}

#[test]
fn a_new_list_is_indented_as_the_file_indents_its_lists() {
    let text = "name: T\npeople:\n- name: A\n  role: community-manager\n  tasks:\n  - cm-meetups\n";
    let out = edited(text, |p| {
        p.people[0].accept.push(Acceptance {
            rule: crate::finding::Rule::OverCapacity,
            task: None,
            category: None,
            reason: "busy month".into(),
        });
    });
    assert!(
        out.ends_with("  accept:\n  - rule: over-capacity\n    reason: busy month\n"),
        "{out}"
    );
}

#[test]
fn comments_after_quoted_values_and_flow_lists_stay() {
    let text = "name: \"Q4 community: Acme\"   # quoted name\npeople:\n  - name: 'Ana Gómez'   # lead\n    role: \"community-manager\"   # hired 2023\n    tasks: [cm-meetups]   # for now\n";
    let out = edited(text, |p| {
        "Q4: Acme (v2)".clone_into(&mut p.name);
        "Ana G.".clone_into(&mut p.people[0].name);
        p.people[0].role = RoleSpec::Single("social-media-manager".into());
        p.people[0]
            .tasks
            .push(Assignment::new("cm-welcome-new-members"));
    });
    for comment in ["# quoted name", "# lead", "# hired 2023", "# for now"] {
        assert!(out.contains(comment), "{comment} kept:\n{out}");
    }
}
