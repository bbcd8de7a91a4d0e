//! The text report of `rolescope check`: grouped by person, each finding marked by a symbol and
//! a word (so it reads without colour), with its explanation wrapped underneath.

use std::fmt::Write as _;

use super::wrap::wrap;
use crate::analysis::{Analysis, explanation, message, pct};
use crate::catalog::Catalog;
use crate::finding::{Finding, Severity};
use crate::plan::Plan;

/// What a piece of text is, so a front end can colour it; the report itself stays plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Error,
    Warning,
    Info,
    Heading,
    Dim,
    Good,
}

impl From<Severity> for Tone {
    fn from(s: Severity) -> Tone {
        match s {
            Severity::Error => Tone::Error,
            Severity::Warning => Tone::Warning,
            Severity::Info => Tone::Info,
        }
    }
}

/// Colours text for a given tone; [`Plain`] leaves it alone.
pub trait Paint {
    fn paint(&self, text: &str, tone: Tone) -> String;
}

/// No colour: for pipes, files and `NO_COLOR`.
pub struct Plain;

impl Paint for Plain {
    fn paint(&self, text: &str, _tone: Tone) -> String {
        text.to_owned()
    }
}

/// How the text report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    /// Columns to wrap explanations to.
    pub width: usize,
    /// Show each finding's explanation under it.
    pub explain: bool,
}

const LABEL_WIDTH: usize = 9;

/// The text report of one plan.
pub fn check_text(
    analysis: &Analysis,
    plan: &Plan,
    file: &str,
    catalog: &Catalog,
    paint: &dyn Paint,
    opts: TextOptions,
) -> String {
    let mut out = String::new();
    let people = analysis.people.len();
    let title = format!(
        "{file} — {} ({people} {})",
        analysis.plan,
        if people == 1 { "person" } else { "people" }
    );
    let _ = writeln!(
        out,
        "{}",
        paint.paint(&wrap(&title, opts.width, "  "), Tone::Heading)
    );

    for (i, (person, spec)) in analysis.people.iter().zip(&plan.people).enumerate() {
        let shares: Vec<String> = person
            .shares(catalog)
            .filter(|(o, s)| *s > 0.0 || spec.role.role_ids().any(|r| r == *o))
            .map(|(o, s)| format!("{o} {}", pct(s)))
            .collect();
        let fit = person
            .best_fit
            .as_deref()
            .map_or(String::new(), |b| format!(" · best fit: {b}"));
        let header = format!(
            "{} · {} · {} / {}{fit}",
            person.name,
            spec.role,
            crate::analysis::hours_label(person.hours),
            crate::analysis::hours_label(person.capacity),
        );
        let _ = writeln!(
            out,
            "\n  {}",
            paint.paint(&wrap(&header, opts.width, "    "), Tone::Heading)
        );
        let mix = if shares.is_empty() {
            "no tasks".to_owned()
        } else {
            format!("mix: {}", shares.join(" · "))
        };
        let _ = writeln!(
            out,
            "    {}",
            paint.paint(&wrap(&mix, opts.width, "    "), Tone::Dim)
        );
        let mut any = false;
        for f in analysis.findings_for(i) {
            write_finding(&mut out, f, catalog, plan, paint, opts);
            any = true;
        }
        if !any {
            let _ = writeln!(out, "    {}", paint.paint("✓ no findings", Tone::Good));
        }
    }
    let team: Vec<&Finding> = analysis.team_findings().collect();
    if !team.is_empty() {
        let _ = writeln!(out, "\n  {}", paint.paint("Team", Tone::Heading));
        for f in team {
            write_finding(&mut out, f, catalog, plan, paint, opts);
        }
    }
    if !analysis.accepted.is_empty() {
        let _ = writeln!(out, "\n  {}", paint.paint("Accepted", Tone::Heading));
        for a in &analysis.accepted {
            let f = &a.finding;
            // Whom, and which task or category: one gap accepted is not all of them.
            let about = [
                f.person.as_deref().or(Some("team")),
                f.task.as_deref(),
                f.category.as_deref(),
            ];
            let about: Vec<&str> = about.into_iter().flatten().collect();
            let _ = writeln!(
                out,
                "    {}",
                paint.paint(
                    &format!("✓ {} ({}): {}", f.rule, about.join(", "), a.reason),
                    Tone::Dim
                )
            );
        }
    }
    let [errors, warnings, infos] = analysis.counts();
    let summary = format!(
        "{errors} {}, {warnings} {}, {infos} info{}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        if analysis.accepted.is_empty() {
            String::new()
        } else {
            format!(", {} accepted", analysis.accepted.len())
        }
    );
    let tone = analysis.worst().map_or(Tone::Good, Tone::from);
    let _ = writeln!(out, "\n  {}", paint.paint(&summary, tone));
    out
}

pub(crate) fn write_finding(
    out: &mut String,
    f: &Finding,
    catalog: &Catalog,
    plan: &Plan,
    paint: &dyn Paint,
    opts: TextOptions,
) {
    let indent = " ".repeat(4 + LABEL_WIDTH + 2);
    let label = format!("{} {:<7}", f.severity.symbol(), f.severity.as_str());
    let at = f.location.map_or(String::new(), |l| {
        format!(" (line {}, column {})", l.line, l.column)
    });
    // The label takes the start of the line; the message wraps under the explanation.
    let head = format!("{}: {}{at}", f.rule, message(f, catalog, plan));
    let wrapped = wrap(&head, opts.width, &indent);
    let (rule, rest) = wrapped.split_at(f.rule.id().len() + 1);
    let _ = writeln!(
        out,
        "    {} {}{rest}",
        paint.paint(&label, f.severity.into()),
        paint.paint(rule, Tone::Heading)
    );
    if opts.explain {
        let text = wrap(&explanation(f, catalog, plan), opts.width, &indent);
        let _ = writeln!(out, "{indent}{}", paint.paint(&text, Tone::Dim));
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}
