//! Reading and writing plan files, and the two places where the file format is friendlier than
//! the derived one: a role is a bare id or a `{role: weight}` split, and a task is a bare id or
//! a map with `id`, `hours` and `note`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Assignment, Plan, RoleSpec, validate};
use crate::error::{InputError, InputErrors};
use crate::{fsio, yaml};

/// A plan together with the file it came from, its text (for locating findings) and where it
/// was loaded from.
#[derive(Debug, Clone)]
pub struct LoadedPlan {
    pub plan: Plan,
    pub origin: String,
    pub path: Option<PathBuf>,
    pub text: String,
}

/// Parses and validates plan text; `origin` names it in messages.
pub fn parse_plan(origin: &str, text: &str) -> Result<Plan, InputErrors> {
    let plan: Plan = match yaml::parse(origin, text) {
        Ok(plan) => plan,
        // A plan from a newer rolescope may have fields or shapes this build does not know;
        // then "please upgrade" is the useful message, not the first unknown field.
        Err(e) => return Err(validate::newer_version(origin, text).unwrap_or(e).into()),
    };
    validate::check(&plan, origin, text)?;
    Ok(plan)
}

/// Reads, parses and validates a plan file.
pub fn load_plan(path: &Path) -> Result<LoadedPlan, InputErrors> {
    let text = fsio::read_text(path)?;
    let origin = path.display().to_string();
    let plan = parse_plan(&origin, &text)?;
    Ok(LoadedPlan {
        plan,
        origin,
        path: Some(path.to_owned()),
        text,
    })
}

/// The plan as YAML text, in the canonical form rolescope writes (stable for diffs).
pub fn to_yaml(plan: &Plan) -> Result<String, InputError> {
    yaml::to_string(plan)
}

/// Writes the plan atomically: the old file stays whole if anything fails.
pub fn save_plan(path: &Path, plan: &Plan) -> anyhow::Result<()> {
    write_plan_text(path, &to_yaml(plan)?)
}

/// The text to write for `plan`. With `base` (the text a plan was read from, and that plan),
/// that text edited where the plan changed, keeping its comments and layout (see
/// [`super::in_place`]); without it, or when the text cannot be edited faithfully, the
/// canonical form.
pub fn plan_text(plan: &Plan, base: Option<(&str, &Plan)>) -> Result<String, InputError> {
    if let Some((text, old)) = base
        && let Some(edited) = super::in_place::edit(text, old, plan)
    {
        return Ok(edited);
    }
    to_yaml(plan)
}

/// Whether `path` is a regular file that reads as YAML shaped like a plan (a mapping with
/// `people`, or with `name` and `version`), valid or not: a plan from a newer rolescope or
/// with a typo is still someone's plan. Devices and pipes are never read.
pub fn looks_like_plan(path: &Path) -> bool {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(text) = fsio::read_text(path) else {
        return false;
    };
    let Ok(serde_yaml::Value::Mapping(map)) = crate::yaml::parse::<serde_yaml::Value>("", &text)
    else {
        return false;
    };
    let has = |key: &str| map.contains_key(key);
    has("people") || (has("name") && has("version"))
}

/// Writes plan text atomically: the old file stays whole if anything fails.
pub fn write_plan_text(path: &Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context as _;
    fsio::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot save the plan to {}", path.display()))
}

/// Writes whole hours as integers (`capacity: 40`, not `40.0`), so hand-written plans survive a
/// save unchanged.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `serialize_with` passes a reference
pub(super) fn hours<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

impl Serialize for RoleSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RoleSpec::Single(id) => s.serialize_str(id),
            RoleSpec::Hybrid(parts) => {
                let mut map = s.serialize_map(Some(parts.len()))?;
                for (id, weight) in parts {
                    map.serialize_entry(id, &Hours(*weight))?;
                }
                map.end()
            }
        }
    }
}

struct Hours(f64);

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        hours(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for RoleSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RoleVisitor;
        impl<'de> Visitor<'de> for RoleVisitor {
            type Value = RoleSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a role id (e.g. `community-manager`) or a split such as `{community-manager: 60, social-media-manager: 40}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RoleSpec, E> {
                Ok(RoleSpec::Single(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RoleSpec, A::Error> {
                let mut parts = Vec::new();
                while let Some((id, weight)) = map.next_entry::<String, f64>()? {
                    parts.push((id, weight));
                }
                Ok(RoleSpec::Hybrid(parts))
            }
        }
        d.deserialize_any(RoleVisitor)
    }
}

impl Serialize for Assignment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.hours.is_none() && self.note.is_none() {
            return s.serialize_str(&self.task);
        }
        let len = 1 + usize::from(self.hours.is_some()) + usize::from(self.note.is_some());
        let mut map = s.serialize_map(Some(len))?;
        map.serialize_entry("id", &self.task)?;
        if let Some(h) = self.hours {
            map.serialize_entry("hours", &Hours(h))?;
        }
        if let Some(n) = &self.note {
            map.serialize_entry("note", n)?;
        }
        map.end()
    }
}

/// The long form of an assignment, derived so unknown fields get serde's usual message.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignmentFields {
    id: String,
    #[serde(default)]
    hours: Option<f64>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Assignment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AssignmentVisitor;
        impl<'de> Visitor<'de> for AssignmentVisitor {
            type Value = Assignment;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a task id, or a map with `id` and optional `hours` and `note`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Assignment, E> {
                Ok(Assignment::new(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Assignment, A::Error> {
                let f = AssignmentFields::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Assignment {
                    task: f.id,
                    hours: f.hours,
                    note: f.note,
                })
            }
        }
        d.deserialize_any(AssignmentVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Rule;
    use crate::plan::{Acceptance, Person};

    const SAMPLE: &str = "\
version: 1
name: Sample
thresholds:
  all:
    drift_warning: 0.4
accept:
- rule: coverage-gap
  category: cm-events
  reason: the agency runs them
people:
- name: Ana
  role: community-manager
  capacity: 40
  tasks:
  - cm-welcome
  - id: sm-post
    hours: 2.5
    note: only launches
  accept:
  - rule: role-drift
    reason: launch month
- name: Ben
  role:
    community-manager: 60
    social-media-manager: 40
  capacity: 32
  tasks: []
";

    #[test]
    fn short_and_long_forms_parse() {
        let plan = parse_plan("s.yaml", SAMPLE).unwrap();
        let ana = &plan.people[0];
        assert_eq!(ana.tasks[0], Assignment::new("cm-welcome"));
        assert_eq!(ana.tasks[1].hours, Some(2.5));
        assert_eq!(ana.accept[0].rule, Rule::RoleDrift);
        let ben = &plan.people[1];
        assert_eq!(
            ben.role.split(),
            vec![("community-manager", 0.6), ("social-media-manager", 0.4)]
        );
        assert_eq!(plan.thresholds["all"].drift_warning, Some(0.4));
        assert_eq!(plan.accept[0].category.as_deref(), Some("cm-events"));
        assert_eq!(ana.accept[0].category, None, "older entries have none");
    }

    #[test]
    fn save_gives_back_the_same_text_and_plan() {
        let plan = parse_plan("s.yaml", SAMPLE).unwrap();
        let text = to_yaml(&plan).unwrap();
        assert_eq!(text, SAMPLE, "canonical plans survive a save byte for byte");
        assert_eq!(parse_plan("again", &text).unwrap(), plan);
    }

    #[test]
    fn built_plans_round_trip() {
        let mut plan = Plan::new("Built");
        let mut p = Person::new("Zoë 山田", RoleSpec::Single("social-media-manager".into()));
        p.capacity = 12.5;
        p.tasks.push(Assignment {
            task: "x".into(),
            hours: Some(0.5),
            note: Some("a: b # c".into()),
        });
        p.accept.push(Acceptance {
            rule: Rule::OutOfRole,
            task: Some("x".into()),
            category: None,
            reason: "trial".into(),
        });
        plan.people.push(p);
        let text = to_yaml(&plan).unwrap();
        assert_eq!(parse_plan("built", &text).unwrap(), plan);
    }

    #[test]
    fn wrong_shapes_are_located() {
        let err =
            parse_plan("p.yaml", "name: x\npeople:\n- name: A\n  role: [a, b]\n").unwrap_err();
        let e = &err.0[0];
        assert_eq!(e.location.map(|l| l.line), Some(4));
        assert!(e.message.contains("a role id"), "{e}");
        let err = parse_plan(
            "p.yaml",
            "name: x\npeople:\n- name: A\n  role: r\n  tasks:\n  - id: t\n    hour: 3\n",
        )
        .unwrap_err();
        let e = &err.0[0];
        assert_eq!(e.location.map(|l| l.line), Some(7), "{e}");
        assert!(
            e.message.contains("unknown field `hour`")
                && e.message.contains("did you mean `hours`"),
            "{e}"
        );
    }

    #[test]
    fn unknown_rule_in_accept_suggests_the_right_one() {
        let text = "name: x\npeople:\n- name: A\n  role: r\n  accept:\n  - rule: role-drfit\n    reason: x\n";
        let e = &parse_plan("p.yaml", text).unwrap_err().0[0];
        assert!(e.message.contains("did you mean `role-drift`"), "{e}");
        assert_eq!(e.location.map(|l| l.line), Some(6));
    }
}
