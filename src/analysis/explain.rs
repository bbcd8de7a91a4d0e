//! The words of each finding, written on demand from its [`Detail`]. Messages fit on one line;
//! explanations argue from the catalog's own texts (role summaries, task `why`s, category
//! summaries), so a new role brings its own reasons with it and nothing here names a role.

use super::mix::RoleMix;
use super::role_thresholds;
use crate::catalog::{Catalog, Role, Task};
use crate::finding::{Detail, Finding, Rule};
use crate::plan::{Person, Plan};
use crate::suggest::{hint, worded};

/// "62%" — shares are shown as whole percentages everywhere.
pub fn pct(share: f64) -> String {
    Pct(share).to_string()
}

/// [`pct`], written straight into the text it is part of.
struct Pct(f64);

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}%", (self.0 * 100.0).round() as i64)
    }
}

/// `s` cut to `max` characters, with `…` when something was cut: for a title quoted in one
/// line of a message or a note.
pub fn shortened(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// "34 h", "2.5 h".
pub fn hours(h: f64) -> String {
    Hours(h).to_string()
}

/// [`hours`], written straight into the text it is part of.
struct Hours(f64);

impl std::fmt::Display for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let h = self.0;
        if (h - h.round()).abs() < 0.005 {
            write!(f, "{} h", h.round() as i64)
        } else {
            // Quarter hours are common in plans: 0.25 h is not "0.2 h".
            let text = format!("{h:.2}");
            write!(f, "{} h", text.trim_end_matches('0'))
        }
    }
}

/// What a front end needs to write a finding: the plan it is about and the catalog it was
/// checked against.
struct Ctx<'a> {
    catalog: &'a Catalog,
    plan: &'a Plan,
    f: &'a Finding,
}

impl<'a> Ctx<'a> {
    fn person(&self) -> Option<&'a Person> {
        self.f.person_index.and_then(|i| self.plan.people.get(i))
    }

    fn name(&self) -> &'a str {
        self.f.person.as_deref().unwrap_or("the team")
    }

    fn task(&self) -> Option<&'a Task> {
        self.f.task.as_deref().and_then(|id| self.catalog.task(id))
    }

    fn role_at(&self, position: usize) -> Option<&'a Role> {
        self.catalog.roles().get(position)
    }

    /// The roles the person holds that the catalog knows, in the order of their role spec
    /// (as [`RoleMix::roles`] has them): what an out-of-role finding's words need, without
    /// working out the whole mix again.
    fn held_roles(&self) -> Option<Vec<&'a Role>> {
        let person = self.person()?;
        Some(
            person
                .role
                .role_ids()
                .filter_map(|id| self.catalog.role(id))
                .collect(),
        )
    }

    /// The person's role mix, recomputed for the few findings whose words need it.
    fn with_mix<T>(&self, f: impl FnOnce(&RoleMix) -> T) -> Option<T> {
        let person = self.person()?;
        let thresholds = role_thresholds(self.catalog, self.plan);
        Some(f(&RoleMix::of(self.catalog, person, &thresholds)))
    }
}

/// The one-line message of `finding`.
pub fn message(finding: &Finding, catalog: &Catalog, plan: &Plan) -> String {
    let c = Ctx {
        catalog,
        plan,
        f: finding,
    };
    let name = c.name();
    match &finding.detail {
        Detail::UnknownRole { role } => {
            let known = catalog.role_ids();
            match finding.person {
                Some(_) => format!("{} has unknown role `{role}`{}", capitalize(name), hint(role, known)),
                None => format!("thresholds are set for unknown role `{role}`{}", hint(role, known)),
            }
        }
        Detail::UnknownTask => {
            let id = finding.task.as_deref().unwrap_or_default();
            format!("{} is assigned unknown task `{id}`{}", capitalize(name), worded(catalog.suggest_task(id)))
        }
        Detail::OutOfRole => {
            let task = c.task();
            let owner = task.and_then(|t| t.role.role()).and_then(|id| catalog.role(id));
            format!(
                "\"{}\" is {} work, outside what a {} covers",
                task.map_or("?", |t| t.title.as_str()),
                owner.map_or("another role's", |r| r.title.as_str()),
                c.held_roles().map(|roles| titles(&roles)).unwrap_or_default()
            )
        }
        Detail::RoleDrift { drift, limit } => c
            .with_mix(|mix| {
                if c.person().is_some_and(|p| p.role.is_hybrid()) {
                    let declared: Vec<String> = mix.roles.iter().map(|(r, w)| format!("{} {}", r.id, Pct(*w))).collect();
                    let actual: Vec<String> =
                        mix.roles.iter().map(|(r, _)| format!("{} {}", r.id, Pct(mix.share_of_role(&r.id)))).collect();
                    format!(
                        "{} of {name}'s week is off the declared split ({} declared, {} actual; limit {})",
                        Pct(*drift),
                        declared.join(" / "),
                        actual.join(" / "),
                        Pct(*limit)
                    )
                } else {
                    format!(
                        "{} of {name}'s {} go to other roles' work (limit {} for a {})",
                        Pct(*drift),
                        Hours(mix.total),
                        Pct(*limit),
                        held_titles(mix)
                    )
                }
            })
            .unwrap_or_default(),
        Detail::TitleMismatch { own, own_share, best, best_share, .. } => format!(
            "{name}'s tasks fit {} ({}) better than {} ({})",
            title(c.role_at(*best)),
            Pct(*best_share),
            title(c.role_at(*own)),
            Pct(*own_share)
        ),
        Detail::MissingCore { role } => {
            format!("none of a {}'s core work is among {name}'s tasks", title(c.role_at(*role)))
        }
        Detail::Capacity { hours: h, capacity } => {
            let load = if *capacity > 0.0 { format!(" ({})", Pct(h / capacity)) } else { String::new() };
            format!("{} has {} of tasks for {} of capacity{load}", capitalize(name), Hours(*h), Hours(*capacity))
        }
        Detail::CoverageGap { role, category } => format!(
            "nobody covers \"{}\", core work of a {}",
            catalog.categories().get(*category).map_or("?", |c| c.title.as_str()),
            title(c.role_at(*role))
        ),
        Detail::UnknownAcceptedTask { rule } => {
            let id = finding.task.as_deref().unwrap_or_default();
            let whose = match finding.person {
                Some(_) => format!("{}'s accept", capitalize(name)),
                None => "accept".to_owned(),
            };
            format!("{whose} `{rule}` names unknown task `{id}`{}", worded(catalog.suggest_task(id)))
        }
        Detail::UnknownCategory { rule, category } => format!(
            "accept `{rule}` names unknown category `{category}`{}",
            hint(category, catalog.categories().iter().map(|c| c.id.as_str()))
        ),
    }
}

/// Why `finding` matters, in a few sentences grounded in the role distinction.
pub fn explanation(finding: &Finding, catalog: &Catalog, plan: &Plan) -> String {
    let c = Ctx {
        catalog,
        plan,
        f: finding,
    };
    let name = c.name();
    let cap = capitalize(name);
    match &finding.detail {
        Detail::UnknownRole { .. } => format!(
            "The catalogs define the roles {}. A role the catalog does not know cannot be checked: its work, core \
             categories and thresholds are unknown. Fix the id, or load the catalog that defines it with `--catalog`.",
            catalog.role_ids().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
        ),
        Detail::UnknownTask => "The catalog has no task with this id, so its hours and owning role are unknown and it \
                                is left out of the role mix. It may have been renamed, or come from a user catalog that \
                                is not loaded (see `rolescope catalog list`)."
            .to_owned(),
        Detail::OutOfRole => {
            let roles = c
                .held_roles()
                .map(|roles| {
                    roles
                        .iter()
                        .map(|r| format!("A {} {}", r.title, lower_first(first_sentence(&r.summary))))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            format!(
                "{} {roles} Giving this task to {name} expects them to do another job; move it to someone in that role, \
                 or accept it with a reason if it is deliberate.",
                sentence(c.task().map_or("", |t| t.why.as_str()))
            )
        }
        Detail::RoleDrift { drift, .. } => c.with_mix(|mix| drift_explanation(&c, mix, *drift)).unwrap_or_default(),
        Detail::TitleMismatch { own, own_share, best, best_share, shared_share } => {
            let (own, best) = (title(c.role_at(*own)), c.role_at(*best));
            let best_title = title(best);
            format!(
                "By hours, {name}'s week is {} {best_title} work, {} {own} work and {} shared work. A {best_title} {} \
                 The title promises {own} work, and the people who apply for it will expect it. Either call the \
                 role {best_title}, or move the {best_title} tasks to someone else and give {name} the core work of a \
                 {own}.",
                Pct(*best_share),
                Pct(*own_share),
                Pct(*shared_share),
                lower_first(first_sentence(best.map_or("", |r| r.summary.as_str())))
            )
        }
        Detail::MissingCore { role } => {
            let role = c.role_at(*role);
            let core: Vec<&str> = role.map_or_else(Vec::new, |r| catalog.core_categories(&r.id).map(|c| c.title.as_str()).collect());
            let t = title(role);
            format!(
                "A {t} is defined by its core work: {}. {cap} has none of it, so the role is a {t} in name only. Add at \
                 least one task from these categories, or change the title.",
                core.join("; ")
            )
        }
        Detail::Capacity { .. } if finding.rule == Rule::OverCapacity => format!(
            "More work than hours means something is dropped without anyone deciding what. Move tasks to someone with \
             room, trim their hours, or raise {name}'s capacity if the hours are real."
        ),
        Detail::Capacity { .. } => format!(
            "{cap} has far fewer hours of tasks than capacity. Either the role is part-time (lower the capacity), or \
             work the person will do is missing from the plan: a role scoped on paper this thin is usually filled later \
             with whatever is at hand."
        ),
        Detail::CoverageGap { role, category } => format!(
            "{} The plan hires for {}, so this work is expected to happen, but no one has a task in it. Assign a task \
             from this category to someone, or accept the gap with a reason.",
            sentence(catalog.categories().get(*category).map_or("", |c| c.summary.as_str())),
            title(c.role_at(*role))
        ),
        Detail::UnknownAcceptedTask { .. } => "The catalogs have no task with this id, so this `accept` entry \
                                              silences nothing: the finding it was written for is still reported. \
                                              Fix the id (`rolescope catalog list` shows each task's), or load the \
                                              catalog that defines it with `--catalog`."
            .to_owned(),
        Detail::UnknownCategory { .. } => "The catalogs have no category with this id, so this `accept` entry \
                                           silences nothing: the finding it was written for is still reported. Fix \
                                           the id (`rolescope catalog list` shows each category's), or load the \
                                           catalog that defines it with `--catalog`."
            .to_owned(),
    }
}

fn drift_explanation(c: &Ctx, mix: &RoleMix, drift: f64) -> String {
    let name = c.name();
    let cap = capitalize(name);
    let foreign = foreign_clause(c.catalog, mix);
    if c.person().is_some_and(|p| p.role.is_hybrid()) {
        return format!(
            "{cap} is hired as a hybrid with an intended split, and the tasks have drifted from it{foreign}. A hybrid \
             is judged against its own split: each part should get roughly the time it was hired for. Rebalance the \
             tasks or change the declared split so the title tells the truth."
        );
    }
    let Some((role, _)) = mix.roles.first() else {
        return String::new();
    };
    let covered = if role.covers.is_empty() {
        format!("None of that work is part of a {}'s job.", role.title)
    } else {
        format!(
            "Some of it can be one channel of a {}'s job, but a role made mostly of it is a different job.",
            role.title
        )
    };
    format!(
        "{cap} is hired as {title}. A {title} {summary} Here {share} of the week goes elsewhere{foreign}. {covered}{note} \
         Move those tasks to the role they belong to, or retitle the role to match the work.",
        title = role.title,
        summary = lower_first(first_sentence(&role.summary)),
        share = Pct(drift),
        note = role
            .drift_note
            .as_ref()
            .map_or_else(String::new, |n| format!(" {}", sentence(n)))
    )
}

/// A name that starts a sentence. People's names are left as written (a person called `b` or
/// `de Vries` stays so); only the description an offer check gives its one person ("the
/// offered role", [`crate::analysis::OFFERED_ROLE`]) is a phrase that takes a capital.
fn capitalize(name: &str) -> std::borrow::Cow<'_, str> {
    if name != super::OFFERED_ROLE {
        return name.into();
    }
    let mut chars = name.chars();
    chars
        .next()
        .map_or_else(String::new, |c| {
            c.to_uppercase().collect::<String>() + chars.as_str()
        })
        .into()
}

fn title(role: Option<&Role>) -> &str {
    role.map_or("?", |r| r.title.as_str())
}

/// "Community Manager" or "Community Manager / Social Media Manager".
fn held_titles(mix: &RoleMix) -> String {
    let roles: Vec<&Role> = mix.roles.iter().map(|(r, _)| *r).collect();
    titles(&roles)
}

/// The roles' titles joined with " / ".
fn titles(roles: &[&Role]) -> String {
    roles
        .iter()
        .map(|r| r.title.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// ", to "A" (Social Media Manager, 6 h), ... and 3 more": the person's tasks that belong to
/// roles they do not hold, largest first.
fn foreign_clause(catalog: &Catalog, mix: &RoleMix) -> String {
    let mut foreign: Vec<(&str, &str, f64)> = mix
        .tasks
        .iter()
        .filter_map(|t| {
            let task = t.task?;
            let owner = task.role.role()?;
            (!mix.holds(owner)).then(|| {
                (
                    task.title.as_str(),
                    catalog.role(owner).map_or(owner, |r| r.title.as_str()),
                    t.hours,
                )
            })
        })
        .collect();
    if foreign.is_empty() {
        return String::new();
    }
    foreign.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)));
    let shown: Vec<String> = foreign
        .iter()
        .take(3)
        .map(|(title, owner, h)| format!("\"{title}\" ({owner}, {})", Hours(*h)))
        .collect();
    let more = if foreign.len() > 3 {
        format!(" and {} more", foreign.len() - 3)
    } else {
        String::new()
    };
    format!(", to {}{more}", shown.join(", "))
}

/// The first sentence of a summary: explanations quote it, the full text is in `catalog list`.
pub(crate) fn first_sentence(s: &str) -> &str {
    let s = s.trim();
    s.match_indices(". ").next().map_or(s, |(i, _)| &s[..=i])
}

/// Ends the text with a full stop.
pub(crate) fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() || s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

pub(crate) fn lower_first(s: &str) -> String {
    let s = sentence(s);
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().collect::<String>() + chars.as_str()
        }
        _ => s,
    }
}

#[cfg(test)]
mod hours_tests {
    use super::hours;

    #[test]
    fn hours_keep_quarters_and_drop_needless_decimals() {
        assert_eq!(hours(3.0), "3 h");
        assert_eq!(hours(1.5), "1.5 h");
        assert_eq!(hours(0.25), "0.25 h");
        assert_eq!(hours(29.75), "29.75 h");
        assert_eq!(hours(2.0 / 3.0), "0.67 h");
        assert_eq!(hours(4.999), "5 h");
    }
}
