//! The job ad: one person's role as a posting to publish, not to plan with. It keeps what a
//! candidate reads (what the role is, what the work is, what it is not) and leaves out what
//! only the team needs: hours, the role mix, the fit, findings, notes, file names and the
//! tool. The role description ([`super::RoleDescription`]) stays the internal version.
//!
//! What it never leaves out is a problem: a person whose duties still have errors against the
//! title (role drift, a title mismatch, …) gets an ad that says so before anything else, since
//! a posting that promises one job and describes another is what rolescope exists to prevent.

use serde::Serialize;

use super::role_label;
use crate::analysis::{Analysis, RoleMix};
use crate::catalog::Catalog;
use crate::finding::{Finding, Severity};
use crate::plan::{Plan, RoleSpec};
use crate::report::check_json::{FindingJson, finding_json};

/// One person's role as a job ad.
#[derive(Debug, Serialize)]
pub struct JobAd<'a> {
    /// The person the ad is built from (a name, or a placeholder such as "Open position"):
    /// named only in the warning, never in the ad itself.
    pub person: &'a str,
    /// The title the ad is for ("Community Manager"; a hybrid's titles joined by " / ").
    pub title: String,
    /// "About the role": a paragraph per role the person holds.
    pub about: Vec<AdRole<'a>>,
    /// The person's duties by category, in catalog category order.
    pub responsibilities: Vec<AdCategory<'a>>,
    /// Each role the person does not hold, with its core work that none of the duties touch.
    pub not_this_role: Vec<AdOtherRole<'a>>,
    /// The person's unresolved errors: when there are any, the ad says so first.
    pub errors: Vec<FindingJson<'a>>,
}

/// A role the person holds, as the ad introduces it.
#[derive(Debug, Serialize)]
pub struct AdRole<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// Part of the declared split (1 for a single role).
    #[serde(serialize_with = "super::round")]
    pub part: f64,
    /// The catalog's ad paragraph for the role, else its summary.
    pub text: &'a str,
}

/// One category of the person's duties.
#[derive(Debug, Serialize)]
pub struct AdCategory<'a> {
    pub category: &'a str,
    pub title: &'a str,
    /// Task titles, in the plan's order, each once.
    pub duties: Vec<&'a str>,
}

/// Another role, and what of its core work the ad's role does not include.
#[derive(Debug, Serialize)]
pub struct AdOtherRole<'a> {
    pub role: &'a str,
    pub title: &'a str,
    /// Whether some of the person's duties are this role's work (listed under
    /// responsibilities): the ad then says "apart from the duties above".
    pub carries_some: bool,
    /// Titles of its core categories that none of the person's duties touch, in catalog order.
    pub categories: Vec<&'a str>,
}

/// The findings at error severity about the person at `index` that the plan has not
/// accepted; in a one-person plan, the team's too (they can only be about that person's
/// role). What an ad must warn about.
pub fn ad_errors<'a>(
    analysis: &'a Analysis,
    plan: &Plan,
    index: usize,
) -> impl Iterator<Item = &'a Finding> {
    let one_person = plan.people.len() == 1;
    analysis.findings.iter().filter(move |f| {
        f.severity == Severity::Error
            && (f.person_index == Some(index) || (one_person && f.person_index.is_none()))
    })
}

/// The job ad of the person at `index`.
pub(super) fn build<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &'a Analysis,
    index: usize,
) -> JobAd<'a> {
    let person = &plan.people[index];
    let mix = RoleMix::of(catalog, person, &[]);
    let title = match &person.role {
        RoleSpec::Hybrid(_) => person
            .role
            .role_ids()
            .map(|id| catalog.role(id).map_or(id, |r| r.title.as_str()))
            .collect::<Vec<_>>()
            .join(" / "),
        RoleSpec::Single(_) => role_label(catalog, &person.role),
    };
    let about = mix
        .roles
        .iter()
        .map(|(role, part)| AdRole {
            id: &role.id,
            title: &role.title,
            part: *part,
            text: role.posting.as_deref().unwrap_or(&role.summary),
        })
        .collect();
    JobAd {
        person: &person.name,
        title,
        about,
        responsibilities: responsibilities(catalog, &mix),
        not_this_role: other_roles(catalog, &mix),
        errors: ad_errors(analysis, plan, index)
            .map(|f| finding_json(f, catalog, plan))
            .collect(),
    }
}

/// The person's known tasks grouped by category: the categories of the roles the person
/// holds first, then those of other roles the person carries, then the shared work, each in
/// catalog order (so a Social Media Manager's ad does not open on the community manager's
/// work the catalog lists first); tasks in plan order. A task assigned twice is listed once.
/// Unknown tasks have no category and no title to show (the analysis reports them).
fn responsibilities<'a>(catalog: &'a Catalog, mix: &RoleMix<'a>) -> Vec<AdCategory<'a>> {
    let mut tasks: Vec<(usize, &'a str)> = Vec::with_capacity(mix.tasks.len());
    for t in &mix.tasks {
        let Some(task) = t.task else { continue };
        let entry = (catalog.task_category(t.position), task.title.as_str());
        if !tasks.contains(&entry) {
            tasks.push(entry);
        }
    }
    // Stable: plan order within a category.
    let group = |position: usize| match catalog.categories()[position].role.role() {
        Some(role) if mix.holds(role) => 0,
        Some(_) => 1,
        None => 2,
    };
    tasks.sort_by_key(|&(category, _)| (group(category), category));
    let mut out: Vec<AdCategory<'a>> = Vec::new();
    for (position, title) in tasks {
        let category = &catalog.categories()[position];
        match out.last_mut() {
            Some(last) if last.category == category.id => last.duties.push(title),
            _ => out.push(AdCategory {
                category: &category.id,
                title: &category.title,
                duties: vec![title],
            }),
        }
    }
    out
}

/// Every catalog role the person does not hold that keeps some core work out of the ad's
/// duties. A person of no known role gets none: there is no role to set apart.
fn other_roles<'a>(catalog: &'a Catalog, mix: &RoleMix<'a>) -> Vec<AdOtherRole<'a>> {
    if mix.roles.is_empty() {
        return Vec::new();
    }
    catalog
        .roles()
        .iter()
        .filter(|r| !mix.holds(&r.id))
        .map(|role| AdOtherRole {
            role: &role.id,
            title: &role.title,
            carries_some: mix
                .tasks
                .iter()
                .filter_map(|t| t.task)
                .any(|task| task.role.role() == Some(role.id.as_str())),
            categories: catalog
                .core_categories(&role.id)
                .filter(|c| !mix.has_category(&c.id))
                .map(|c| c.title.as_str())
                .collect(),
        })
        .filter(|o| !o.categories.is_empty())
        .collect()
}
