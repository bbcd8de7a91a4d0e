//! Checks a parsed plan for values that the YAML shape allows but that make no sense: these are
//! input errors (exit 2), unlike ids the catalog lacks, which are findings a user may still want
//! to see next to the rest.

use std::collections::HashSet;

use super::{ALL_ROLES, PLAN_VERSION, Person, Plan, RoleSpec};
use crate::error::{InputError, InputErrors, Location};
use crate::yaml::Locator;

const WEEK_HOURS: f64 = 168.0;

pub(super) fn check(plan: &Plan, origin: &str, text: &str) -> Result<(), InputErrors> {
    let mut checker = Checker {
        origin,
        locator: Locator::new(text),
        errors: Vec::new(),
    };
    checker.plan_fields(plan);
    let mut names = HashSet::new();
    // Each person is searched for after the previous one, and their fields after their name.
    let mut next = 1;
    for (i, person) in plan.people.iter().enumerate() {
        let here = checker.locator.find(&person.name, next);
        let line = here.map_or(next, |l| l.line);
        next = line + 1;
        let who = if person.name.trim().is_empty() {
            format!("person #{}", i + 1)
        } else {
            format!("`{}`", person.name)
        };
        if person.name.trim().is_empty() {
            checker.err(here, format!("{who} has an empty name"));
        } else if !names.insert(person.name.as_str()) {
            checker.err(
                here,
                format!("person name {who} is used twice; names identify people in findings and reports, so make them unique"),
            );
        }
        checker.person(person, &who, here, line);
    }
    if checker.errors.is_empty() {
        Ok(())
    } else {
        Err(InputErrors(checker.errors))
    }
}

/// Collects every problem; positions are looked up only for what is reported, so a valid plan
/// is checked in one pass.
struct Checker<'a> {
    origin: &'a str,
    locator: Locator<'a>,
    errors: Vec<InputError>,
}

impl Checker<'_> {
    fn err(&mut self, location: Option<Location>, message: String) {
        self.errors
            .push(InputError::new(self.origin, location, message));
    }

    fn at(&self, value: &str, from: usize) -> Option<Location> {
        self.locator.find(value, from)
    }

    fn plan_fields(&mut self, plan: &Plan) {
        if plan.version > PLAN_VERSION {
            self.err(
                self.at(&plan.version.to_string(), 1),
                format!(
                    "this plan was written by a newer rolescope (plan format version {}); this build reads up to version {PLAN_VERSION}: please upgrade rolescope",
                    plan.version
                ),
            );
        }
        if plan.version == 0 {
            self.err(self.at("0", 1), "`version` starts at 1".to_owned());
        }
        for (key, t) in &plan.thresholds {
            for problem in t.problems() {
                self.err(self.at(key, 1), format!("thresholds.{key}: {problem}"));
            }
            if key.trim().is_empty() {
                self.err(
                    None,
                    format!("thresholds: a key must be a role id or `{ALL_ROLES}`"),
                );
            }
        }
        for a in &plan.accept {
            if a.reason.trim().is_empty() {
                self.err(
                    self.at(a.rule.id(), 1),
                    format!(
                        "accept `{}`: give a reason, so the exception explains itself",
                        a.rule
                    ),
                );
            }
        }
    }

    fn person(&mut self, person: &Person, who: &str, here: Option<Location>, line: usize) {
        if !person.capacity.is_finite() || person.capacity < 0.0 || person.capacity > WEEK_HOURS {
            self.err(
                self.at(&fmt_num(person.capacity), line).or(here),
                format!(
                    "{who} has capacity {}; expected weekly hours from 0 to {WEEK_HOURS}",
                    person.capacity
                ),
            );
        }
        if let RoleSpec::Hybrid(parts) = &person.role {
            if parts.is_empty() {
                self.err(here, format!("{who} has an empty role split; give a role id or at least one `role: weight` pair"));
            }
            let mut seen = HashSet::new();
            for (role, weight) in parts {
                if !weight.is_finite() || *weight <= 0.0 {
                    self.err(
                        self.at(&fmt_num(*weight), line).or(here),
                        format!("{who}: split weight {weight} for `{role}` must be a number above 0 (percentages or fractions)"),
                    );
                }
                if !seen.insert(role.as_str()) {
                    self.err(
                        here,
                        format!("{who}: role `{role}` appears twice in the split"),
                    );
                }
            }
        }
        let mut tasks = HashSet::new();
        for a in &person.tasks {
            let at = |c: &Self| c.at(&a.task, line).or(here);
            if !tasks.insert(a.task.as_str()) {
                self.err(
                    at(self),
                    format!(
                        "{who}: task `{}` is assigned twice; give it once, with the total `hours`",
                        a.task
                    ),
                );
            }
            if let Some(h) = a.hours
                && (!h.is_finite() || !(0.0..=WEEK_HOURS).contains(&h))
            {
                self.err(at(self), format!("{who}: task `{}` has {h} hours; expected weekly hours from 0 to {WEEK_HOURS}", a.task));
            }
        }
        for a in &person.accept {
            if a.reason.trim().is_empty() {
                self.err(
                    self.at(a.rule.id(), line).or(here),
                    format!(
                        "{who}: accept `{}` needs a reason, so the exception explains itself",
                        a.rule
                    ),
                );
            }
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.is_finite() {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::parse_plan;

    fn errors(text: &str) -> Vec<String> {
        parse_plan("p.yaml", text).map_or_else(
            |e| e.0.iter().map(ToString::to_string).collect(),
            |_| Vec::new(),
        )
    }

    #[test]
    fn duplicate_names_are_located_at_the_second() {
        let e = errors("name: x\npeople:\n- name: Ana\n  role: r\n- name: Ana\n  role: r\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("p.yaml:5:9: ") && e[0].contains("used twice"),
            "{e:?}"
        );
    }

    #[test]
    fn absurd_numbers_are_refused() {
        let e = errors(
            "name: x\npeople:\n- name: A\n  role: r\n  capacity: -3\n  tasks:\n  - id: t\n    hours: .nan\n",
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].contains("capacity -3") && e[0].starts_with("p.yaml:5:"),
            "{e:?}"
        );
        assert!(e[1].contains("NaN hours"), "{e:?}");
    }

    #[test]
    fn newer_versions_are_refused_clearly() {
        let e = errors("version: 7\nname: x\n");
        assert!(
            e[0].contains("newer rolescope") && e[0].contains("version 7"),
            "{e:?}"
        );
    }

    #[test]
    fn bad_splits_and_repeated_tasks() {
        let e = errors("name: x\npeople:\n- name: A\n  role: {a: 0, b: 50}\n  tasks: [t, t]\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e.iter().any(|m| m.contains("split weight 0")), "{e:?}");
        assert!(e.iter().any(|m| m.contains("assigned twice")), "{e:?}");
    }

    #[test]
    fn a_clean_plan_has_no_errors() {
        assert!(errors("name: x\npeople:\n- name: A\n  role: r\n  tasks: [t]\n").is_empty());
    }
}
