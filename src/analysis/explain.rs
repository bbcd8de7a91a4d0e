//! The words of each finding. Messages fit on one line; explanations argue from the catalog's
//! own texts (role summaries, task `why`s, category summaries), so a new role brings its own
//! reasons with it and nothing here names a particular role.

use super::mix::RoleMix;
use crate::catalog::{Catalog, Category, Role, Task};
use crate::finding::{Finding, Rule, Severity};
use crate::plan::Person;
use crate::suggest::hint;

/// "62%" — shares are shown as whole percentages everywhere.
pub fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// "34 h", "2.5 h".
pub fn hours(h: f64) -> String {
    if (h - h.round()).abs() < 0.05 {
        format!("{:.0} h", h.round())
    } else {
        format!("{h:.1} h")
    }
}

fn finding(
    rule: Rule,
    severity: Severity,
    person: Option<(&Person, usize)>,
    task: Option<&str>,
) -> Finding {
    Finding {
        rule,
        severity,
        person: person.map(|(p, _)| p.name.clone()),
        person_index: person.map(|(_, i)| i),
        task: task.map(str::to_owned),
        message: String::new(),
        explanation: String::new(),
        location: None,
    }
}

pub fn unknown_role(
    catalog: &Catalog,
    id: &str,
    person: Option<&Person>,
    index: Option<usize>,
) -> Finding {
    let known: Vec<&str> = catalog.role_ids().collect();
    let mut f = finding(Rule::UnknownRole, Severity::Error, person.zip(index), None);
    f.message = match person {
        Some(p) => format!(
            "{} has unknown role `{id}`{}",
            p.name,
            hint(id, known.iter().copied())
        ),
        None => format!(
            "thresholds are set for unknown role `{id}`{}",
            hint(id, known.iter().copied())
        ),
    };
    f.explanation = format!(
        "The catalogs define the roles {}. A role the catalog does not know cannot be checked: its work, core \
         categories and thresholds are unknown. Fix the id, or load the catalog that defines it with `--catalog`.",
        known
            .iter()
            .map(|r| format!("`{r}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    f
}

pub fn unknown_task(catalog: &Catalog, person: &Person, index: usize, id: &str) -> Finding {
    let mut f = finding(
        Rule::UnknownTask,
        Severity::Error,
        Some((person, index)),
        Some(id),
    );
    f.message = format!(
        "{} is assigned unknown task `{id}`{}",
        person.name,
        hint(id, catalog.task_ids())
    );
    "The catalog has no task with this id, so its hours and owning role are unknown and it is left out \
     of the role mix. It may have been renamed, or come from a user catalog that is not loaded \
     (see `rolescope catalog list`)."
        .clone_into(&mut f.explanation);
    f
}

pub fn out_of_role(
    person: &Person,
    index: usize,
    mix: &RoleMix,
    task: &Task,
    owner: Option<&Role>,
) -> Finding {
    let held = held_titles(mix);
    let owner_title = owner.map_or_else(|| task.role.to_string(), |r| r.title.clone());
    let mut f = finding(
        Rule::OutOfRole,
        Severity::Warning,
        Some((person, index)),
        Some(&task.id),
    );
    f.message = format!(
        "\"{}\" is {owner_title} work, outside what a {held} covers",
        task.title
    );
    let role_text = mix
        .roles
        .iter()
        .map(|(r, _)| format!("A {} {}", r.title, lower_first(first_sentence(&r.summary))))
        .collect::<Vec<_>>();
    f.explanation = format!(
        "{} {} Giving this task to {} expects them to do another job; move it to someone in that role, or accept \
         it with a reason if it is deliberate.",
        sentence(&task.why),
        role_text.join(" "),
        person.name
    );
    f
}

pub fn role_drift(
    catalog: &Catalog,
    person: &Person,
    index: usize,
    mix: &RoleMix,
    drift: f64,
    severity: Severity,
    limit: f64,
) -> Finding {
    let mut f = finding(Rule::RoleDrift, severity, Some((person, index)), None);
    let foreign = foreign_work(catalog, mix);
    if person.role.is_hybrid() {
        let declared: Vec<String> = mix
            .roles
            .iter()
            .map(|(r, w)| format!("{} {}", r.id, pct(*w)))
            .collect();
        let actual: Vec<String> = mix
            .roles
            .iter()
            .map(|(r, _)| format!("{} {}", r.id, pct(mix.share_of_role(&r.id))))
            .collect();
        f.message = format!(
            "{} of {}'s week is off the declared split ({} declared, {} actual; limit {})",
            pct(drift),
            person.name,
            declared.join(" / "),
            actual.join(" / "),
            pct(limit)
        );
        f.explanation = format!(
            "{} is hired as a hybrid with an intended split, and the tasks have drifted from it{}. A hybrid is judged \
             against its own split: each part should get roughly the time it was hired for. Rebalance the tasks or \
             change the declared split so the title tells the truth.",
            person.name,
            foreign_clause(&foreign)
        );
    } else {
        let (role, _) = mix.roles[0];
        f.message = format!(
            "{} of {}'s {} go to other roles' work (limit {} for a {})",
            pct(drift),
            person.name,
            hours(mix.total),
            pct(limit),
            role.title
        );
        let covered = if role.covers.is_empty() {
            format!("None of that work is part of a {}'s job.", role.title)
        } else {
            format!(
                "Some of it can be one channel of a {}'s job, but a role made mostly of it is a different job.",
                role.title
            )
        };
        f.explanation = format!(
            "{} is hired as {}. A {} {} Here {} of the week goes elsewhere{}. {covered}{} Move those tasks to the \
             role they belong to, or retitle the role to match the work.",
            person.name,
            role.title,
            role.title,
            lower_first(first_sentence(&role.summary)),
            pct(drift),
            foreign_clause(&foreign),
            role.drift_note
                .as_ref()
                .map_or_else(String::new, |n| format!(" {}", sentence(n)))
        );
    }
    f
}

pub fn title_mismatch(
    person: &Person,
    index: usize,
    mix: &RoleMix,
    own: &Role,
    own_share: f64,
    best: &Role,
    best_share: f64,
) -> Finding {
    let mut f = finding(
        Rule::TitleMismatch,
        Severity::Error,
        Some((person, index)),
        None,
    );
    f.message = format!(
        "{}'s tasks fit {} ({}) better than {} ({})",
        person.name,
        best.title,
        pct(best_share),
        own.title,
        pct(own_share)
    );
    f.explanation = format!(
        "By hours, {}'s week is {} {} work, {} {} work and {} shared work. A {} {} The title promises \
         {} work, and the people who apply for it will expect it. Either call the role {}, or move the {} \
         tasks to someone else and give {} the core work of a {}.",
        person.name,
        pct(best_share),
        best.title,
        pct(own_share),
        own.title,
        pct(mix.shared_share()),
        best.title,
        lower_first(first_sentence(&best.summary)),
        own.title,
        best.title,
        best.title,
        person.name,
        own.title
    );
    f
}

pub fn missing_core(person: &Person, index: usize, role: &Role, core: &[&Category]) -> Finding {
    let names: Vec<&str> = core.iter().map(|c| c.title.as_str()).collect();
    let mut f = finding(
        Rule::MissingCore,
        Severity::Warning,
        Some((person, index)),
        None,
    );
    f.message = format!(
        "none of a {}'s core work is among {}'s tasks",
        role.title, person.name
    );
    f.explanation = format!(
        "A {} is defined by its core work: {}. {} has none of it, so the role is a {} in name only. Add at least \
         one task from these categories, or change the title.",
        role.title,
        names.join("; "),
        person.name,
        role.title
    );
    f
}

pub fn capacity(
    person: &Person,
    index: usize,
    hours_total: f64,
    rule: Rule,
    severity: Severity,
) -> Finding {
    let mut f = finding(rule, severity, Some((person, index)), None);
    let load = if person.capacity > 0.0 {
        format!(" ({})", pct(hours_total / person.capacity))
    } else {
        String::new()
    };
    f.message = format!(
        "{} has {} of tasks for {} of capacity{load}",
        person.name,
        hours(hours_total),
        hours(person.capacity)
    );
    f.explanation = if rule == Rule::OverCapacity {
        format!(
            "More work than hours means something is dropped without anyone deciding what. Move tasks to someone \
             with room, trim their hours, or raise {}'s capacity if the hours are real.",
            person.name
        )
    } else {
        format!(
            "{} has far fewer hours of tasks than capacity. Either the role is part-time (lower the capacity), or \
             work the person will do is missing from the plan: a role scoped on paper this thin is usually filled \
             later with whatever is at hand.",
            person.name
        )
    };
    f
}

pub fn coverage_gap(role: &Role, category: &Category) -> Finding {
    let mut f = finding(Rule::CoverageGap, Severity::Warning, None, None);
    f.message = format!(
        "nobody covers \"{}\", core work of a {}",
        category.title, role.title
    );
    f.explanation = format!(
        "{} The plan hires for {}, so this work is expected to happen, but no one has a task in it. Assign a task \
         from this category to someone, or accept the gap with a reason.",
        sentence(&category.summary),
        role.title
    );
    f
}

/// "Community Manager" or "Community Manager / Social Media Manager".
fn held_titles(mix: &RoleMix) -> String {
    mix.roles
        .iter()
        .map(|(r, _)| r.title.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The person's tasks that belong to roles they do not hold, largest first, with their owners.
fn foreign_work<'a>(catalog: &'a Catalog, mix: &RoleMix<'a>) -> Vec<(&'a str, &'a str, f64)> {
    let mut out: Vec<(&str, &str, f64)> = mix
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
    out.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)));
    out
}

fn foreign_clause(foreign: &[(&str, &str, f64)]) -> String {
    if foreign.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = foreign
        .iter()
        .take(3)
        .map(|(title, owner, h)| format!("\"{title}\" ({owner}, {})", hours(*h)))
        .collect();
    let more = if foreign.len() > 3 {
        format!(" and {} more", foreign.len() - 3)
    } else {
        String::new()
    };
    format!(", to {}{more}", shown.join(", "))
}

/// The first sentence of a summary: explanations quote it, the full text is in `catalog list`.
fn first_sentence(s: &str) -> &str {
    let s = s.trim();
    s.match_indices(". ").next().map_or(s, |(i, _)| &s[..=i])
}

/// Ends the text with a full stop.
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() || s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

fn lower_first(s: &str) -> String {
    let s = sentence(s);
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().collect::<String>() + chars.as_str()
        }
        _ => s,
    }
}
