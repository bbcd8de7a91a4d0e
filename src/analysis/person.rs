//! The rules about one person: ids, drift, single tasks out of role, missing core work, the
//! title, and capacity. Each reads the person's [`RoleMix`]; none loops over other people.

use super::explain;
use super::mix::RoleMix;
use crate::catalog::{Catalog, Owner};
use crate::finding::{Finding, Rule, Severity};
use crate::plan::Person;

/// Everything found about `person` (before `accept` is applied).
pub fn findings(catalog: &Catalog, person: &Person, index: usize, mix: &RoleMix) -> Vec<Finding> {
    let mut out = Vec::new();
    for id in &mix.unknown_roles {
        out.push(explain::unknown_role(
            catalog,
            id,
            Some(person),
            Some(index),
        ));
    }
    for t in &mix.tasks {
        if t.task.is_none() {
            out.push(explain::unknown_task(catalog, person, index, t.id));
        }
    }
    out.extend(out_of_role(catalog, person, index, mix));
    out.extend(role_drift(catalog, person, index, mix));
    out.extend(title_mismatch(person, index, mix));
    out.extend(missing_core(catalog, person, index, mix));
    out.extend(capacity(person, index, mix));
    out
}

/// `out-of-role`: a task no role of the person owns, shares, or covers as a channel.
fn out_of_role(catalog: &Catalog, person: &Person, index: usize, mix: &RoleMix) -> Vec<Finding> {
    if mix.roles.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for t in &mix.tasks {
        let Some(task) = t.task else { continue };
        let Some(category) = catalog.category(&task.category) else {
            continue;
        };
        if matches!(task.role, Owner::Shared)
            || mix
                .roles
                .iter()
                .any(|(r, _)| catalog.role_covers(r, category))
        {
            continue;
        }
        let owner = task.role.role().and_then(|id| catalog.role(id));
        out.push(explain::out_of_role(person, index, mix, task, owner));
    }
    out
}

/// `role-drift`: too much of the week off the role (or off the declared split).
fn role_drift(catalog: &Catalog, person: &Person, index: usize, mix: &RoleMix) -> Option<Finding> {
    let t = mix.thresholds?;
    if mix.roles.is_empty() || mix.role_hours() < t.min_fit_hours {
        return None;
    }
    let drift = mix.drift();
    let (severity, limit) = if drift > t.drift_error {
        (Severity::Error, t.drift_error)
    } else if drift > t.drift_warning {
        (Severity::Warning, t.drift_warning)
    } else {
        return None;
    };
    Some(explain::role_drift(
        catalog, person, index, mix, drift, severity, limit,
    ))
}

/// `title-mismatch`: another role's work leads the hired role's by more than the margin.
fn title_mismatch(person: &Person, index: usize, mix: &RoleMix) -> Option<Finding> {
    let t = mix.thresholds?;
    if mix.roles.is_empty() || mix.role_hours() < t.min_fit_hours {
        return None;
    }
    let best = mix.best_fit()?;
    if mix.holds(&best.id) {
        return None;
    }
    let (own, own_share) = mix
        .roles
        .iter()
        .map(|(r, _)| (*r, mix.share_of_role(&r.id)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let best_share = mix.share_of_role(&best.id);
    if best_share - own_share <= t.title_margin {
        return None;
    }
    Some(explain::title_mismatch(
        person, index, mix, own, own_share, best, best_share,
    ))
}

/// `missing-core`: a held role of which none of the core categories is present.
fn missing_core(catalog: &Catalog, person: &Person, index: usize, mix: &RoleMix) -> Vec<Finding> {
    if mix.total <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (role, _) in &mix.roles {
        let core: Vec<_> = catalog.core_categories(&role.id).collect();
        if !core.is_empty() && !core.iter().any(|c| mix.categories.contains(c.id.as_str())) {
            out.push(explain::missing_core(person, index, role, &core));
        }
    }
    out
}

/// `over-capacity` and `under-use`: hours against the person's weekly capacity.
fn capacity(person: &Person, index: usize, mix: &RoleMix) -> Option<Finding> {
    let t = mix.thresholds?;
    let hours = mix.total;
    if person.capacity <= 0.0 {
        return (hours > 0.0)
            .then(|| explain::capacity(person, index, hours, Rule::OverCapacity, Severity::Error));
    }
    let load = hours / person.capacity;
    let (rule, severity) = if load > t.overload_error {
        (Rule::OverCapacity, Severity::Error)
    } else if load > t.overload_warning {
        (Rule::OverCapacity, Severity::Warning)
    } else if load < t.underuse_info {
        (Rule::UnderUse, Severity::Info)
    } else {
        return None;
    };
    Some(explain::capacity(person, index, hours, rule, severity))
}
