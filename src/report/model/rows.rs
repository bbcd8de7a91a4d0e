//! One row per assignment: the flat view a spreadsheet wants (CSV) and scripts can filter
//! (JSON), with the findings that concern that one task.

use serde::Serialize;

use super::{Subject, role_label};
use crate::analysis::Analysis;
use crate::catalog::{Catalog, Owner};
use crate::finding::{Rule, Severity};
use crate::plan::Plan;

#[derive(Debug, Serialize)]
pub struct AssignmentRow<'a> {
    pub person: &'a str,
    /// The person's role title, or a hybrid's split.
    pub role: String,
    pub task: &'a str,
    /// The task's title; `None` for a task the catalogs lack.
    pub title: Option<&'a str>,
    /// Title of the role that owns the task, or "Shared".
    pub owner: Option<&'a str>,
    /// Title of the task's category.
    pub category: Option<&'a str>,
    #[serde(serialize_with = "super::round")]
    pub hours: f64,
    pub note: Option<&'a str>,
    /// Active findings about this very task (`out-of-role`, `unknown-task`).
    pub findings: Vec<TaskFinding>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct TaskFinding {
    pub rule: Rule,
    pub severity: Severity,
}

/// The assignments of the subject (one person, or everyone), in plan order.
pub(super) fn build<'a>(
    catalog: &'a Catalog,
    plan: &'a Plan,
    analysis: &Analysis,
    subject: Subject,
) -> Vec<AssignmentRow<'a>> {
    let mut out = Vec::new();
    for (i, person) in plan.people.iter().enumerate() {
        if subject != Subject::Team && subject != Subject::Person(i) {
            continue;
        }
        let role = role_label(catalog, &person.role);
        for a in &person.tasks {
            let task = catalog.task(&a.task);
            let owner = task.map(|t| match &t.role {
                Owner::Shared => "Shared",
                Owner::Role(id) => catalog.role(id).map_or(id.as_str(), |r| r.title.as_str()),
            });
            out.push(AssignmentRow {
                person: &person.name,
                role: role.clone(),
                task: &a.task,
                title: task.map(|t| t.title.as_str()),
                owner,
                category: task
                    .and_then(|t| catalog.category(&t.category))
                    .map(|c| c.title.as_str()),
                hours: task.map_or(0.0, |t| a.hours.unwrap_or(t.hours)),
                note: a.note.as_deref(),
                findings: analysis
                    .findings_for(i)
                    .filter(|f| f.task.as_deref() == Some(a.task.as_str()))
                    .map(|f| TaskFinding {
                        rule: f.rule,
                        severity: f.severity,
                    })
                    .collect(),
            });
        }
    }
    out
}
