//! The job ad's sections, for Markdown and HTML alike (through [`Markup`]), and its words: a
//! warning first when the person's duties still have errors, then the title, "About the
//! role", "Responsibilities" and "What this role is not". Nothing names the tool, the plan's
//! file or a number of hours: the ad is pasted into a job board as it is.

use super::model::{JobAd, ad_errors};
use super::numbers::percent;
use super::sections::{Markup, Para};
use crate::analysis::Analysis;
use crate::plan::Plan;

/// Said when the person has no duty with a known task.
const NO_DUTIES: &str = "No duties are assigned yet.";

/// The ad's sections.
pub(super) fn job_ad<M: Markup>(m: &mut M, ad: &JobAd) {
    if !ad.errors.is_empty() {
        let items: Vec<String> = ad
            .errors
            .iter()
            .map(|f| format!("{}: {}", m.strong(f.rule.id()), m.esc(&f.message)))
            .collect();
        m.alert(
            &m.esc(&not_ready_heading(ad.person, ad.errors.len())),
            &items,
            NOT_READY_ADVICE,
        );
    }
    m.header(&m.esc(&ad.title), None);

    // A person of no known role has no paragraph to show (the warning above says why).
    if !ad.about.is_empty() {
        m.section_start("about", "About the role");
        match ad.about.as_slice() {
            [one] => m.para(Para::Plain, &m.esc(one.text)),
            many => {
                for role in many {
                    let lead =
                        format!("{} (about {} of the role).", role.title, percent(role.part));
                    let text = format!("{} {}", m.strong(&m.esc(&lead)), m.esc(role.text));
                    m.para(Para::Plain, &text);
                }
            }
        }
        m.section_end();
    }

    m.section_start("responsibilities", "Responsibilities");
    if ad.responsibilities.is_empty() {
        m.para(Para::Plain, NO_DUTIES);
    }
    for category in &ad.responsibilities {
        m.subheading(None, &m.esc(category.title));
        let duties: Vec<String> = category.duties.iter().map(|d| m.esc(d)).collect();
        m.list(&duties);
    }
    m.section_end();

    if !ad.not_this_role.is_empty() {
        m.section_start("not", "What this role is not");
        for other in &ad.not_this_role {
            let lead = if other.carries_some {
                format!(
                    "This is not a {} role. Apart from the duties above, it does not include:",
                    other.title
                )
            } else {
                format!("This is not a {} role. It does not include:", other.title)
            };
            m.para(Para::Plain, &m.esc(&lead));
            let categories: Vec<String> = other.categories.iter().map(|c| m.esc(c)).collect();
            m.list(&categories);
        }
        m.section_end();
    }
}

/// What the warning at the top of the ad says after the errors.
const NOT_READY_ADVICE: &str = "An ad built on these errors promises a job that is not the \
one on offer, and the people who apply will expect what it promises. Fix them in the plan (the \
duties, the title or the hours) and export the ad again; this notice is left out once they are \
fixed, or accepted in the plan with a reason.";

fn not_ready_heading(person: &str, errors: usize) -> String {
    let n = if errors == 1 {
        "1 error".to_owned()
    } else {
        format!("{errors} errors")
    };
    format!("⚠ Do not post this ad yet: the plan still has {n} for {person}.")
}

/// Why a person's job ad is not ready to post: what the front ends say (on standard error, in
/// the view's status line) as they write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady<'a> {
    pub person: &'a str,
    /// How many errors.
    pub errors: usize,
    /// Their rules, each once, in the analysis' order.
    pub rules: Vec<&'static str>,
}

impl NotReady<'_> {
    /// "2 errors (role-drift, title-mismatch)".
    pub fn errors_and_rules(&self) -> String {
        let errors = if self.errors == 1 { "error" } else { "errors" };
        format!("{} {errors} ({})", self.errors, self.rules.join(", "))
    }

    /// "2 errors for Alex Rivera (role-drift, title-mismatch)".
    pub fn summary(&self) -> String {
        let errors = if self.errors == 1 { "error" } else { "errors" };
        format!(
            "{} {errors} for {} ({})",
            self.errors,
            self.person,
            self.rules.join(", ")
        )
    }

    /// The whole warning, for standard error.
    pub fn warning(&self) -> String {
        format!(
            "this job ad is not ready to post: the plan still has {}. The ad says so at its \
             top; fix them (`rolescope check` explains each) and export again.",
            self.summary()
        )
    }
}

/// Why the job ad of the person at `index` is not ready to post, or `None` when it is.
pub fn not_ready<'a>(analysis: &Analysis, plan: &'a Plan, index: usize) -> Option<NotReady<'a>> {
    let mut rules: Vec<&'static str> = Vec::new();
    let mut errors = 0;
    for f in ad_errors(analysis, plan, index) {
        errors += 1;
        if !rules.contains(&f.rule.id()) {
            rules.push(f.rule.id());
        }
    }
    (errors > 0).then(|| NotReady {
        person: plan.people.get(index).map_or("?", |p| p.name.as_str()),
        errors,
        rules,
    })
}
