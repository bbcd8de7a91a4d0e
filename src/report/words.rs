//! The sentences of a report, shared by the Markdown and HTML renderers so both say exactly the
//! same thing. They return plain text; each renderer escapes it for its format.

use super::model::{Counts, Fit, Mix, OtherRole, Responsibility, Verdict};
use super::numbers::{hours, load, percent};
use crate::analysis::lower_first;
use crate::finding::Severity;

/// A symbol for each severity, so a printed or colourless report still tells them apart.
pub fn symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✗",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

/// "Errors (2)".
pub fn severity_heading(severity: Severity, n: usize) -> String {
    let word = match severity {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Info",
    };
    format!("{word} ({n})")
}

/// "0 errors, 3 warnings, 1 info".
pub fn counts(c: Counts) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            w.to_owned()
        } else {
            format!("{w}s")
        }
    };
    format!(
        "{} {}, {} {}, {} info",
        c.error,
        plural(c.error, "error"),
        c.warning,
        plural(c.warning, "warning"),
        c.info
    )
}

/// "✗ 1 error, ⚠ 2 warnings" for a table cell, "✓ none" when there are none.
pub fn counts_cell(c: Counts) -> String {
    let parts: Vec<String> = [
        (Severity::Error, c.error),
        (Severity::Warning, c.warning),
        (Severity::Info, c.info),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(s, n)| {
        let word = if *n == 1 || *s == Severity::Info {
            s.as_str().to_owned()
        } else {
            format!("{}s", s.as_str())
        };
        format!("{} {n} {word}", symbol(*s))
    })
    .collect();
    if parts.is_empty() {
        "✓ none".to_owned()
    } else {
        parts.join(", ")
    }
}

/// "Community Manager 0% · Social Media Manager 95% · Shared 5%", or "no tasks".
pub fn mix_line(mix: &Mix) -> String {
    if mix.hours <= 0.0 {
        return "no tasks".to_owned();
    }
    mix.segments
        .iter()
        .map(|s| format!("{} {}", s.label, percent(s.share)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "30 h of duties a week for 40 h of capacity (75%)."
pub fn week(mix: &Mix) -> String {
    format!(
        "{} of duties a week for {} of capacity ({}).",
        hours(mix.hours),
        hours(mix.capacity),
        load(mix.load)
    )
}

/// "10 h · 33% of the week · core".
pub fn responsibility_meta(r: &Responsibility) -> String {
    let core = if r.core && r.own { " · core" } else { "" };
    format!(
        "{} · {} of the week{core}",
        hours(r.hours),
        percent(r.share)
    )
}

/// Why a category of another role's work is in the list at all, or `None` for own work.
pub fn responsibility_note(r: &Responsibility, fit: &Fit) -> Option<String> {
    if r.own {
        None
    } else if fit.verdict == Verdict::Mismatch && fit.best_fit.as_deref() == Some(r.owner_title) {
        // Most of the week is this role's work: "one channel" would not be true.
        Some(format!("{} work.", r.owner_title))
    } else if r.duties.iter().any(|d| d.out_of_role) {
        Some(format!(
            "{} work, outside this role (see “What this role is not”).",
            r.owner_title
        ))
    } else {
        Some(format!(
            "{} work, carried as one channel of this role.",
            r.owner_title
        ))
    }
}

/// The opening sentences about another role: what it is, and how much of it is here.
pub fn other_role_lead(o: &OtherRole, fit: &Fit, title: &str) -> String {
    let what = format!("A {} {}", o.title, lower_first(o.summary));
    if is_real_role(o, fit) {
        format!(
            "Titled {title}, but {} of the week is {} work (see the fit below). {what}",
            percent(o.share),
            o.title
        )
    } else if o.hours <= 0.0 {
        format!(
            "Not a {} role. {what} None of that work is part of this role.",
            o.title
        )
    } else {
        format!(
            "Not a {} role. {what} This role has {} of it ({} of the week).",
            o.title,
            hours(o.hours),
            percent(o.share)
        )
    }
}

/// Whether to list the other role's tasks the person carries as a channel: not when that role
/// is what the duties really are (they are the responsibilities above, and "one channel, not
/// the job" would not be true).
pub fn list_carried(o: &OtherRole, fit: &Fit) -> bool {
    !o.carried.is_empty() && !is_real_role(o, fit)
}

fn is_real_role(o: &OtherRole, fit: &Fit) -> bool {
    fit.verdict == Verdict::Mismatch && fit.best_fit.as_deref() == Some(o.title)
}

pub const CARRIED: &str = "Carried as one channel of this role, not as the job:";
pub const FLAGGED: &str = "Flagged: outside what this role covers, and why it belongs elsewhere:";

/// "Kept off: none of a Social Media Manager's core work is part of this role (A; B)." or
/// `None` when the person touches all of it.
pub fn kept_off(o: &OtherRole) -> Option<String> {
    (!o.kept_off.is_empty()).then(|| {
        let which = if o.hours <= 0.0 {
            format!("none of a {}'s core work is", o.title)
        } else {
            format!("the rest of a {}'s core work is not", o.title)
        };
        format!(
            "Kept off: {which} part of this role ({}).",
            o.kept_off.join("; ")
        )
    })
}

/// "Best fit: Social Media Manager (95%) · title: Community Manager (0%) · shared 5%".
pub fn fit_line(fit: &Fit, title: &str) -> String {
    let best = fit.best_fit.as_deref().map_or_else(
        || "none".to_owned(),
        |b| format!("{b} ({})", percent(fit.best_share)),
    );
    format!(
        "Best fit: {best} · title: {title} ({}) · shared work: {}",
        percent(fit.title_share),
        percent(fit.shared_share)
    )
}

/// The verdict in a sentence a hiring manager can act on.
pub fn verdict(fit: &Fit, title: &str) -> String {
    let best = fit.best_fit.as_deref().unwrap_or("another role");
    match fit.verdict {
        Verdict::Fits if !fit.parts.is_empty() => {
            let actual: Vec<String> = fit
                .parts
                .iter()
                .map(|p| format!("{} {}", p.title, percent(p.share)))
                .collect();
            let declared: Vec<String> = fit.parts.iter().map(|p| percent(p.declared)).collect();
            format!(
                "The duties fit the hybrid title: {} of the week, against a declared {} split, \
                 and shared work {}.",
                actual.join(" and "),
                declared.join(" / "),
                percent(fit.shared_share)
            )
        }
        Verdict::Fits => format!(
            "The duties fit the title: {title} work takes {} of the week, and shared work {}.",
            percent(fit.title_share),
            percent(fit.shared_share)
        ),
        Verdict::Mismatch => format!(
            "The duties fit {best} ({}) better than the title {title} ({}). Before posting, either \
             call the role {best}, or replace the {best} duties with {title} work.",
            percent(fit.best_share),
            percent(fit.title_share)
        ),
        Verdict::Close => format!(
            "The duties lean towards {best} ({}) over {title} ({}), within the margin: the title \
             fits, but only just.",
            percent(fit.best_share),
            percent(fit.title_share)
        ),
        Verdict::TooThin => {
            "There are too few hours of either role's work to judge the fit.".to_owned()
        }
        Verdict::NoWork => "No duties are assigned yet, so the fit cannot be judged.".to_owned(),
    }
}

/// "Maya Okafor · over-capacity" — who and which rule, before the message.
pub fn finding_head(rule: &str, person: Option<&str>, task: Option<&str>) -> String {
    let mut out = String::from(rule);
    if let Some(p) = person {
        out.push_str(" · ");
        out.push_str(p);
    }
    if let Some(t) = task {
        out.push_str(" · ");
        out.push_str(t);
    }
    out
}
