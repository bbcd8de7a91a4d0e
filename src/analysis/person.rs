//! The rules about one person: ids, drift, single tasks out of role, missing core work, the
//! title, and capacity. Each reads the person's [`RoleMix`]; none loops over other people.
//! They record numbers and ids only; the words are written on demand by `explain`.

use super::mix::RoleMix;
use crate::catalog::Catalog;
use crate::finding::{Detail, Finding, Rule, Severity};
use crate::plan::Person;

/// Builds findings about one person.
struct About<'p> {
    person: &'p Person,
    index: usize,
}

impl About<'_> {
    fn finding(
        &self,
        rule: Rule,
        severity: Severity,
        task: Option<&str>,
        detail: Detail,
    ) -> Finding {
        Finding {
            rule,
            severity,
            person: Some(self.person.name.clone()),
            person_index: Some(self.index),
            task: task.map(str::to_owned),
            category: None,
            location: None,
            detail,
        }
    }
}

/// Everything found about `person` (before `accept` is applied), appended to `out`.
pub fn findings(
    catalog: &Catalog,
    person: &Person,
    index: usize,
    mix: &RoleMix,
    out: &mut Vec<Finding>,
) {
    let about = About { person, index };
    for id in &mix.unknown_roles {
        out.push(about.finding(
            Rule::UnknownRole,
            Severity::Error,
            None,
            Detail::UnknownRole {
                role: (*id).to_owned(),
            },
        ));
    }
    for t in mix.tasks.iter().filter(|t| t.task.is_none()) {
        out.push(about.finding(
            Rule::UnknownTask,
            Severity::Error,
            Some(t.id),
            Detail::UnknownTask,
        ));
    }
    out_of_role(catalog, &about, mix, out);
    out.extend(role_drift(&about, mix));
    out.extend(title_mismatch(catalog, &about, mix));
    missing_core(catalog, &about, mix, out);
    out.extend(capacity(&about, mix));
}

/// `out-of-role`: a task no role of the person owns, shares, or covers as a channel.
fn out_of_role(catalog: &Catalog, about: &About, mix: &RoleMix, out: &mut Vec<Finding>) {
    if mix.roles.is_empty() {
        return;
    }
    for t in mix.tasks.iter().filter(|t| t.task.is_some()) {
        let category = catalog.task_category(t.position);
        if !mix
            .role_positions
            .iter()
            .any(|&r| catalog.role_allows(r, category))
        {
            out.push(about.finding(
                Rule::OutOfRole,
                Severity::Warning,
                Some(t.id),
                Detail::OutOfRole,
            ));
        }
    }
}

/// `role-drift`: too much of the week off the role (or off the declared split).
fn role_drift(about: &About, mix: &RoleMix) -> Option<Finding> {
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
    Some(about.finding(
        Rule::RoleDrift,
        severity,
        None,
        Detail::RoleDrift { drift, limit },
    ))
}

/// `title-mismatch`: another role's work leads the hired role's by more than the margin.
fn title_mismatch(catalog: &Catalog, about: &About, mix: &RoleMix) -> Option<Finding> {
    let t = mix.thresholds?;
    if mix.roles.is_empty() || mix.role_hours() < t.min_fit_hours {
        return None;
    }
    let best = catalog.role_position(&mix.best_fit()?.id)?;
    if mix.role_positions.contains(&best) {
        return None;
    }
    let (own, own_share) = mix
        .role_positions
        .iter()
        .map(|&r| (r, mix.share_at(r)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let best_share = mix.share_at(best);
    if best_share - own_share <= t.title_margin {
        return None;
    }
    let detail = Detail::TitleMismatch {
        own,
        own_share,
        best,
        best_share,
        shared_share: mix.shared_share(),
    };
    Some(about.finding(Rule::TitleMismatch, Severity::Error, None, detail))
}

/// `missing-core`: a held role of which none of the core categories is present.
fn missing_core(catalog: &Catalog, about: &About, mix: &RoleMix, out: &mut Vec<Finding>) {
    if mix.total <= 0.0 {
        return;
    }
    for (&role, (r, _)) in mix.role_positions.iter().zip(&mix.roles) {
        // By position, as the mix keeps categories: no look-up by id for each core category.
        let mut core = catalog
            .categories()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.core && c.role.role() == Some(r.id.as_str()))
            .peekable();
        if core.peek().is_some() && !core.any(|(i, _)| mix.categories[i]) {
            out.push(about.finding(
                Rule::MissingCore,
                Severity::Warning,
                None,
                Detail::MissingCore { role },
            ));
        }
    }
}

/// `over-capacity` and `under-use`: hours against the person's weekly capacity.
fn capacity(about: &About, mix: &RoleMix) -> Option<Finding> {
    let t = mix.thresholds?;
    let (hours, capacity) = (mix.total, about.person.capacity);
    let detail = Detail::Capacity { hours, capacity };
    if capacity <= 0.0 {
        return (hours > 0.0)
            .then(|| about.finding(Rule::OverCapacity, Severity::Error, None, detail));
    }
    let load = hours / capacity;
    let (rule, severity) = if load > t.overload_error {
        (Rule::OverCapacity, Severity::Error)
    } else if load > t.overload_warning {
        (Rule::OverCapacity, Severity::Warning)
    } else if load < t.underuse_info {
        (Rule::UnderUse, Severity::Info)
    } else {
        return None;
    };
    Some(about.finding(rule, severity, None, detail))
}
