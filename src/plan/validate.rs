//! Checks a parsed plan for values that the YAML shape allows but that make no sense: these are
//! input errors (exit 2), unlike ids the catalog lacks, which are findings a user may still want
//! to see next to the rest.

use std::collections::HashSet;

use super::{ALL_ROLES, Acceptance, PLAN_VERSION, Person, Plan, RoleSpec};
use crate::error::{InputError, InputErrors, Location};
use crate::safe_text;
use crate::yaml::Locator;

const WEEK_HOURS: f64 = 168.0;

pub(super) fn check(plan: &Plan, origin: &str, text: &str) -> Result<(), InputErrors> {
    let mut checker = Checker {
        origin,
        locator: Locator::new(text),
        errors: Vec::new(),
    };
    checker.plan_fields(plan);
    checker.plain("the plan's name", &plan.name, 1);
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
            format!("`{}`", safe_text::one_line(&person.name))
        };
        if person.name.trim().is_empty() {
            checker.err(here, format!("{who} has an empty name"));
        } else if checker.plain("a person's name", &person.name, line) {
            // Refused above; a clash with another name would only repeat it.
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

fn newer_message(version: u64) -> String {
    format!(
        "this plan was written by a newer rolescope (plan format version {version}); this build reads up to version {PLAN_VERSION}: please upgrade rolescope"
    )
}

/// When a plan does not parse, whether it says it is of a newer format version: read leniently
/// (any other field, of any shape), so the message is "please upgrade" rather than the first
/// field this build does not know.
pub(super) fn newer_version(origin: &str, text: &str) -> Option<InputError> {
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        version: Option<u64>,
    }
    let v = crate::yaml::parse::<VersionOnly>(origin, text)
        .ok()?
        .version?;
    (v > u64::from(PLAN_VERSION)).then(|| {
        InputError::new(
            origin,
            Locator::new(text).find(&v.to_string(), 1),
            newer_message(v),
        )
    })
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

    /// Refuses an id, a name or a title that holds a control character (a newline included)
    /// or a bidirectional override: it would reach terminals and reports, and one line of a
    /// table cannot hold it. Returns whether it was refused. The value is located by the text
    /// before its first such character, since YAML may have written the rest as an escape.
    fn plain(&mut self, what: &str, value: &str, from: usize) -> bool {
        let Some((at, c)) = safe_text::first_unsafe(value) else {
            return false;
        };
        let before = value[..at].trim_end();
        let location = if before.is_empty() {
            None
        } else {
            self.locator.find_start(before, from)
        };
        self.err(
            location,
            format!(
                "{what} `{}` holds {}; ids, names and titles must be plain text on one line",
                safe_text::one_line(value),
                safe_text::describe(c)
            ),
        );
        true
    }

    fn plan_fields(&mut self, plan: &Plan) {
        if u64::from(plan.version) > u64::from(PLAN_VERSION) {
            let v = u64::from(plan.version);
            self.err(self.at(&v.to_string(), 1), newer_message(v));
        }
        if plan.version == 0 {
            self.err(self.at("0", 1), "`version` starts at 1".to_owned());
        }
        for (key, t) in &plan.thresholds {
            self.plain("thresholds: the key", key, 1);
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
        let mut from = 1;
        for a in &plan.accept {
            self.accept_ids(a, "accept", 1);
            if a.reason.trim().is_empty() {
                self.err(
                    self.at(a.rule.id(), 1),
                    format!(
                        "accept `{}`: give a reason, so the exception explains itself",
                        a.rule
                    ),
                );
            }
            self.category(a, None, &mut from);
        }
    }

    /// `category` narrows only rules whose findings are about one category, and those are team
    /// findings, accepted in the plan's own list. (Whether the catalog has the category is a
    /// finding, like an unknown task: the plan may come from a machine with other catalogs.)
    /// `who` is the person whose list holds `a`, `None` for the plan's own; the category is
    /// searched for from line `from`, which moves past each one reported.
    fn category(&mut self, a: &Acceptance, who: Option<&str>, from: &mut usize) {
        let Some(category) = &a.category else {
            return;
        };
        let rule = a.rule;
        let why = if !rule.has_category() {
            "its findings are not about one category, so `category` cannot narrow them"
        } else if who.is_some() {
            "its findings are about the team: accept one in the plan's own `accept`, not a person's"
        } else {
            return;
        };
        let who = who.map_or_else(String::new, |w| format!("{w}: "));
        let at = self.at(category, *from);
        if let Some(at) = at {
            *from = at.line + 1;
        }
        let at = at.or_else(|| self.at(rule.id(), *from));
        self.err(
            at,
            format!("{who}accept `{rule}` with category `{category}`: {why}"),
        );
    }

    fn accept_ids(&mut self, a: &Acceptance, what: &str, from: usize) {
        if let Some(task) = &a.task {
            self.plain(&format!("{what}: task"), task, from);
        }
        if let Some(category) = &a.category {
            self.plain(&format!("{what}: category"), category, from);
        }
    }

    fn person(&mut self, person: &Person, who: &str, here: Option<Location>, line: usize) {
        if !person.capacity.is_finite() || person.capacity < 0.0 || person.capacity > WEEK_HOURS {
            self.err(
                self.at(&fmt_num(person.capacity), line).or(here),
                format!(
                    "{who} has capacity {}; expected weekly hours from 0 to {WEEK_HOURS}",
                    show_num(person.capacity)
                ),
            );
        }
        match &person.role {
            RoleSpec::Single(role) => {
                self.plain(&format!("{who}: role"), role, line);
            }
            RoleSpec::Hybrid(parts) => {
                for (role, _) in parts {
                    self.plain(&format!("{who}: role"), role, line);
                }
            }
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
                        format!("{who}: split weight {} for `{role}` must be a number above 0 (percentages or fractions)", show_num(*weight)),
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
            if self.plain(&format!("{who}: task"), &a.task, line) {
                continue;
            }
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
                self.err(at(self), format!("{who}: task `{}` has {} hours; expected weekly hours from 0 to {WEEK_HOURS}", a.task, show_num(h)));
            }
        }
        let mut from = line;
        for a in &person.accept {
            self.accept_ids(a, &format!("{who}: accept"), line);
            if a.reason.trim().is_empty() {
                self.err(
                    self.at(a.rule.id(), line).or(here),
                    format!(
                        "{who}: accept `{}` needs a reason, so the exception explains itself",
                        a.rule
                    ),
                );
            }
            self.category(a, Some(who), &mut from);
        }
    }
}

/// A number for a message: huge and tiny ones in exponent form (`1e300`, not 301 digits).
fn show_num(v: f64) -> String {
    if v.is_finite() && v != 0.0 && !(1e-6..1e15).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

fn fmt_num(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e15 {
        return format!("{v:e}");
    }
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
    fn newer_versions_are_refused_before_their_unknown_fields() {
        for text in [
            "version: 99\nname: x\nteams: [a]\npeople: 3\n",
            "version: 5000000000\nname: x\n",
        ] {
            let e = errors(text);
            assert_eq!(e.len(), 1, "{e:?}");
            assert!(
                e[0].starts_with("p.yaml:1:10: ") && e[0].contains("newer rolescope"),
                "{e:?}"
            );
        }
        let e = errors("version: 1\nname: x\nteams: [a]\n");
        assert!(e[0].contains("unknown field `teams`"), "{e:?}");
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
    fn a_category_narrows_a_team_acceptance_only() {
        let good = "name: x\naccept:\n- rule: coverage-gap\n  category: cm-events\n  reason: the agency\npeople: []\n";
        assert!(errors(good).is_empty(), "{:?}", errors(good));
        let e =
            errors("name: x\naccept:\n- rule: over-capacity\n  category: cm-events\n  reason: r\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("p.yaml:4:13: accept `over-capacity` with category `cm-events`: ")
                && e[0].contains("not about one category"),
            "{e:?}"
        );
        let e = errors(
            "name: x\npeople:\n- name: A\n  role: r\n  accept:\n  - rule: coverage-gap\n    category: cm-events\n    reason: r\n  - {rule: out-of-role, category: cm-events, reason: r}\n",
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with("p.yaml:7:15: `A`: accept `coverage-gap`")
                && e[0].contains("the plan's own `accept`"),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("p.yaml:9:") && e[1].contains("not about one category"),
            "{e:?}"
        );
    }

    #[test]
    fn a_clean_plan_has_no_errors() {
        assert!(errors("name: x\npeople:\n- name: A\n  role: r\n  tasks: [t]\n").is_empty());
    }
}
