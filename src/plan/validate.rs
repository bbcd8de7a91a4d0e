//! Checks a parsed plan for values that the YAML shape allows but that make no sense: these are
//! input errors (exit 2), unlike ids the catalog lacks, which are findings a user may still want
//! to see next to the rest.

use std::fmt;

use std::collections::HashSet;

use super::places::PersonPlaces;
use super::{ALL_ROLES, Acceptance, PLAN_VERSION, Person, Plan, RoleSpec};
use crate::error::{InputError, InputErrors, Location};
use crate::safe_text;
use crate::yaml::Locator;

const WEEK_HOURS: f64 = 168.0;

/// Up to this many tasks, a person's list is checked for repeats pairwise.
const SHORT_LIST: usize = 24;

/// Checks every value of `plan` (read from `origin` as `text`). A valid plan is checked in one
/// pass over the parsed values, with no search in the text and no message words: positions
/// and words are worked out only for what is reported.
pub(super) fn check(plan: &Plan, origin: &str, text: &str) -> Result<(), InputErrors> {
    let mut checker = Checker {
        origin,
        places: PersonPlaces::new(text, &plan.people),
        errors: Vec::new(),
    };
    checker.plan_fields(plan);
    checker.plain(&"the plan's name", &plan.name, None);
    // SipHash, not Fx: names come from the file, and a hostile one could collide Fx hashes
    // by the thousand and make this quadratic.
    let mut names = HashSet::with_capacity(plan.people.len());
    let mut seen = Seen::default();
    for (i, person) in plan.people.iter().enumerate() {
        let who = Who {
            index: i,
            name: &person.name,
        };
        if person.name.trim().is_empty() {
            let here = checker.places.of(i).0;
            checker.err(here, format!("{who} has an empty name"));
        } else if checker.plain(&"a person's name", &person.name, Some(i)) {
            // Refused above; a clash with another name would only repeat it.
        } else if !names.insert(person.name.as_str()) {
            let here = checker.places.of(i).0;
            checker.err(
                here,
                format!("person name {who} is used twice; names identify people in findings and reports, so make them unique"),
            );
        }
        checker.person(i, person, &who, &mut seen);
    }
    if checker.errors.is_empty() {
        Ok(())
    } else {
        Err(InputErrors(checker.errors))
    }
}

/// How a message names a person: their name, or their place in the list when it is empty.
/// Written only when a message is.
struct Who<'a> {
    index: usize,
    name: &'a str,
}

impl fmt::Display for Who<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.trim().is_empty() {
            write!(f, "person #{}", self.index + 1)
        } else {
            write!(f, "`{}`", safe_text::one_line(self.name))
        }
    }
}

/// The ids seen so far in one person's lists, kept from person to person so the sets are
/// allocated once (SipHash, as for names: the ids come from the file).
#[derive(Default)]
struct Seen<'a> {
    roles: HashSet<&'a str>,
    tasks: HashSet<&'a str>,
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
    places: PersonPlaces<'a>,
    errors: Vec<InputError>,
}

impl Checker<'_> {
    fn err(&mut self, location: Option<Location>, message: String) {
        self.errors
            .push(InputError::new(self.origin, location, message));
    }

    fn at(&mut self, value: &str, from: usize) -> Option<Location> {
        self.places.locator().find(value, from)
    }

    /// The line to search a value of the person at `person` from (the plan's own: line 1).
    fn from(&mut self, person: Option<usize>) -> usize {
        person.map_or(1, |i| self.places.line(i))
    }

    /// Refuses an id, a name or a title that holds a control character (a newline included)
    /// or a bidirectional override: it would reach terminals and reports, and one line of a
    /// table cannot hold it. Returns whether it was refused. The value is located by the text
    /// before its first such character, since YAML may have written the rest as an escape.
    /// `person` is the index of the person the value belongs to, if any.
    fn plain(&mut self, what: &dyn fmt::Display, value: &str, person: Option<usize>) -> bool {
        let Some((at, c)) = safe_text::first_unsafe(value) else {
            return false;
        };
        let before = value[..at].trim_end();
        let location = if before.is_empty() {
            None
        } else {
            let from = self.from(person);
            self.places.locator().find_start(before, from)
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
            let at = self.at(&v.to_string(), 1);
            self.err(at, newer_message(v));
        }
        if plan.version == 0 {
            let at = self.at("0", 1);
            self.err(at, "`version` starts at 1".to_owned());
        }
        for (key, t) in &plan.thresholds {
            self.plain(&"thresholds: the key", key, None);
            for problem in t.problems() {
                let at = self.at(key, 1);
                self.err(at, format!("thresholds.{key}: {problem}"));
            }
            if key.trim().is_empty() {
                self.err(
                    None,
                    format!("thresholds: a key must be a role id or `{ALL_ROLES}`"),
                );
            }
        }
        let mut from = None;
        for a in &plan.accept {
            self.accept_ids(a, &"accept", None);
            if a.reason.trim().is_empty() {
                let at = self.at(a.rule.id(), 1);
                self.err(
                    at,
                    format!(
                        "accept `{}`: give a reason, so the exception explains itself",
                        a.rule
                    ),
                );
            }
            self.category(a, None, None, &mut from);
        }
    }

    /// `category` narrows only rules whose findings are about one category, and those are team
    /// findings, accepted in the plan's own list. (Whether the catalog has the category is a
    /// finding, like an unknown task: the plan may come from a machine with other catalogs.)
    /// `who` is the person whose list holds `a` (at index `person`), `None` for the plan's
    /// own; the category is searched for from line `from` (at first the person's line, or 1),
    /// which moves past each one reported.
    fn category(
        &mut self,
        a: &Acceptance,
        who: Option<&Who>,
        person: Option<usize>,
        from: &mut Option<usize>,
    ) {
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
        let start = match *from {
            Some(line) => line,
            None => self.from(person),
        };
        let at = self.at(category, start);
        *from = Some(at.map_or(start, |at| at.line + 1));
        let at = at.or_else(|| self.at(rule.id(), start));
        self.err(
            at,
            format!("{who}accept `{rule}` with category `{category}`: {why}"),
        );
    }

    fn accept_ids(&mut self, a: &Acceptance, what: &dyn fmt::Display, person: Option<usize>) {
        if let Some(task) = &a.task {
            self.plain(&format_args!("{what}: task"), task, person);
        }
        if let Some(category) = &a.category {
            self.plain(&format_args!("{what}: category"), category, person);
        }
    }

    fn person<'p>(&mut self, i: usize, person: &'p Person, who: &Who, seen: &mut Seen<'p>) {
        if !person.capacity.is_finite() || person.capacity < 0.0 || person.capacity > WEEK_HOURS {
            let (here, line) = self.places.of(i);
            let at = self.at(&fmt_num(person.capacity), line).or(here);
            self.err(
                at,
                format!(
                    "{who} has capacity {}; expected weekly hours from 0 to {WEEK_HOURS}",
                    show_num(person.capacity)
                ),
            );
        }
        match &person.role {
            RoleSpec::Single(role) => {
                self.plain(&format_args!("{who}: role"), role, Some(i));
            }
            RoleSpec::Hybrid(parts) => {
                for (role, _) in parts {
                    self.plain(&format_args!("{who}: role"), role, Some(i));
                }
            }
        }
        if let RoleSpec::Hybrid(parts) = &person.role {
            if parts.is_empty() {
                let here = self.places.of(i).0;
                self.err(here, format!("{who} has an empty role split; give a role id or at least one `role: weight` pair"));
            }
            seen.roles.clear();
            for (role, weight) in parts {
                if !weight.is_finite() || *weight <= 0.0 {
                    let (here, line) = self.places.of(i);
                    let at = self.at(&fmt_num(*weight), line).or(here);
                    self.err(
                        at,
                        format!("{who}: split weight {} for `{role}` must be a number above 0 (percentages or fractions)", show_num(*weight)),
                    );
                }
                if !seen.roles.insert(role.as_str()) {
                    let here = self.places.of(i).0;
                    self.err(
                        here,
                        format!("{who}: role `{role}` appears twice in the split"),
                    );
                }
            }
        }
        seen.tasks.clear();
        // A short list is checked for repeats by comparing with the tasks before (no hashing);
        // a long one through the set, so a hostile list of thousands stays linear.
        let short = person.tasks.len() <= SHORT_LIST;
        for (k, a) in person.tasks.iter().enumerate() {
            if self.plain(&format_args!("{who}: task"), &a.task, Some(i)) {
                continue;
            }
            let twice = if short {
                person.tasks[..k].iter().any(|b| b.task == a.task)
            } else {
                !seen.tasks.insert(a.task.as_str())
            };
            let bad_hours = a
                .hours
                .filter(|h| !h.is_finite() || !(0.0..=WEEK_HOURS).contains(h));
            if !twice && bad_hours.is_none() {
                continue;
            }
            let (here, line) = self.places.of(i);
            let at = self.at(&a.task, line).or(here);
            if twice {
                self.err(
                    at,
                    format!(
                        "{who}: task `{}` is assigned twice; give it once, with the total `hours`",
                        a.task
                    ),
                );
            }
            if let Some(h) = bad_hours {
                self.err(at, format!("{who}: task `{}` has {} hours; expected weekly hours from 0 to {WEEK_HOURS}", a.task, show_num(h)));
            }
        }
        let mut from = None;
        for a in &person.accept {
            self.accept_ids(a, &format_args!("{who}: accept"), Some(i));
            if a.reason.trim().is_empty() {
                let (here, line) = self.places.of(i);
                let at = self.at(a.rule.id(), line).or(here);
                self.err(
                    at,
                    format!(
                        "{who}: accept `{}` needs a reason, so the exception explains itself",
                        a.rule
                    ),
                );
            }
            self.category(a, Some(who), Some(i), &mut from);
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
    fn repeated_tasks_are_found_in_short_and_long_lists() {
        for n in [3, super::SHORT_LIST, super::SHORT_LIST + 1, 60] {
            let mut tasks: Vec<String> = (0..n).map(|k| format!("t{k}")).collect();
            tasks.push("t1".to_owned());
            let text = format!(
                "name: x\npeople:\n- name: A\n  role: r\n  tasks: [{}]\n",
                tasks.join(", ")
            );
            let e = errors(&text);
            assert_eq!(e.len(), 1, "{n}: {e:?}");
            assert!(e[0].contains("`t1` is assigned twice"), "{e:?}");
        }
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
