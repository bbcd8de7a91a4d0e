//! The text report of `rolescope offer`: the verdict in one plain sentence, each duty with its
//! mapped task and role, the shares, what was ignored, and the findings of the one-person plan.

use std::fmt::Write as _;

use super::check_text::{Paint, TextOptions, Tone, write_finding};
use super::numbers::hours;
use super::wrap::wrap;
use crate::analysis::pct;
use crate::catalog::Catalog;
use crate::offer::{Judgement, Offer, RoleSource, Verdict};

fn role_title<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.role(id).map_or(id, |r| r.title.as_str())
}

/// A (possibly fractional) number of lines: "7", "6.5".
fn lines(n: f64) -> String {
    if (n - n.round()).abs() < 0.01 {
        format!("{}", n.round() as i64)
    } else {
        format!("{n:.1}")
    }
}

/// "5 of the 7 duties that belong to one role (71%) are", or, of a single such duty, "the one
/// duty that belongs to one role is".
fn share_of(n: f64, counted: f64) -> String {
    if (counted - 1.0).abs() < 0.01 && (n - 1.0).abs() < 0.01 {
        "the one duty that belongs to one role is".to_owned()
    } else {
        format!(
            "{} of the {} duties that belong to one role ({}) are",
            lines(n),
            lines(counted),
            pct(n / counted)
        )
    }
}

/// What the offer states of the job besides its duties, as the reply and the view show it:
/// the hours a week, the schedule, the pay and the place, each when the offer says.
pub fn stated_facts(offer: &Offer) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(h) = offer.hours_per_week {
        facts.push(format!("{} a week offered", hours(h)));
    }
    if let Some(s) = offer.schedule {
        facts.push(s.to_string());
    }
    if let Some(p) = &offer.pay {
        facts.push(p.to_string());
    }
    // Labelled: a mode of work alone ("hybrid") reads as a verdict beside the others.
    if let Some(p) = &offer.place {
        facts.push(format!("place: {p}"));
    }
    facts
}

/// The verdict in one sentence a freelancer understands.
pub fn verdict_sentence(offer: &Offer, j: &Judgement, catalog: &Catalog) -> String {
    let counted = j.tally.counted();
    let count_of = |id: &str| {
        catalog
            .role_position(id)
            .map_or(0.0, |p| j.tally.by_slot[p])
    };
    let named: Vec<&str> = offer
        .role
        .as_ref()
        .map(|r| r.role_ids().collect())
        .unwrap_or_default();
    let titled = match named.as_slice() {
        [] => "The title names none of the catalog's roles".to_owned(),
        [one] => format!("Titled {}", role_title(catalog, one)),
        many => format!(
            "Titled as a mix of {}",
            many.iter()
                .map(|id| role_title(catalog, id))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    };
    let mix = || {
        catalog
            .roles()
            .iter()
            .filter(|r| count_of(&r.id) > 0.0)
            .map(|r| format!("{} {}", r.title, pct(count_of(&r.id) / counted)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &j.verdict {
        Verdict::Unclear => match offer.lines.len() {
            0 => "Too little to judge: no duty lines were found.".to_owned(),
            1 if counted > 0.0 => "Too little to judge: only one duty line was found.".to_owned(),
            1 => "Too little to judge: the one duty line found is no one role's work.".to_owned(),
            n => format!(
                "Too little to judge: only {} of {n} duty lines matched one role's work.",
                lines(counted)
            ),
        },
        Verdict::Hybrid if j.titled_hybrid => {
            format!("{titled}, and the duties are that mix: {}.", mix())
        }
        Verdict::FitsTitle => {
            let id = named.first().copied().unwrap_or_default();
            let fit = if (counted - 1.0).abs() < 0.01 {
                "and"
            } else {
                "and the duties fit:"
            };
            format!(
                "{titled}, {fit} {} {} work.",
                share_of(count_of(id), counted),
                role_title(catalog, id)
            )
        }
        Verdict::Mostly(id) => format!(
            "{titled}, but {} {} work.",
            share_of(count_of(id), counted),
            role_title(catalog, id)
        ),
        Verdict::Hybrid => format!(
            "{titled}, but the duties are a hybrid with no side dominating; of the duties that belong to one role: {}.",
            mix()
        ),
    }
}

/// The text report of one judged offer.
pub fn offer_text(
    offer: &Offer,
    j: &Judgement,
    catalog: &Catalog,
    paint: &dyn Paint,
    opts: TextOptions,
) -> String {
    let mut out = String::new();
    let role = match (&offer.role, offer.role_source) {
        (Some(r), RoleSource::Given) => format!("{r} (given)"),
        (Some(r), _) => format!("{r} (from the title)"),
        (None, _) => match j.best_fit.as_deref() {
            Some(fit) => format!("no role named; judged as {fit}"),
            None if offer.lines.is_empty() => "no role named, and no duty to judge by".to_owned(),
            None => "no role named, and no duty that is one role's work".to_owned(),
        },
    };
    let mut head = format!(
        "{} — {role}",
        offer.title.as_deref().unwrap_or("(no title found)")
    );
    for fact in stated_facts(offer) {
        let _ = write!(head, " · {fact}");
    }
    let how = match offer.language_source {
        crate::offer::LanguageSource::Given => " (--lang)",
        crate::offer::LanguageSource::Detected => "",
        crate::offer::LanguageSource::Fallback => " (too little text to tell)",
    };
    let _ = write!(head, " · read as {}{how}", offer.language.name());
    let _ = writeln!(
        out,
        "{}",
        paint.paint(&wrap(&head, opts.width, "  "), Tone::Heading)
    );
    let tone = match j.verdict {
        Verdict::FitsTitle => Tone::Good,
        Verdict::Hybrid if j.titled_hybrid => Tone::Good,
        Verdict::Unclear => Tone::Info,
        _ => Tone::Warning,
    };
    let verdict = format!("{}: {}", j.verdict, verdict_sentence(offer, j, catalog));
    let _ = writeln!(
        out,
        "\n  {}",
        paint.paint(&wrap(&verdict, opts.width, "  "), tone)
    );
    let shares: Vec<String> = j
        .shares(catalog)
        .filter(|(_, s)| *s > 0.0)
        .map(|(o, s)| format!("{o} {}", pct(s)))
        .collect();
    // Nothing placed, nothing unmatched: no line of shares to show.
    if !shares.is_empty() || j.tally.unmatched > 0.0 {
        let mut mix = format!(
            "all placed duties, shared ones included: {}",
            shares.join(" · ")
        );
        if j.tally.unmatched > 0.0 {
            let _ = write!(mix, " · {} unmatched", lines(j.tally.unmatched));
        }
        let _ = writeln!(
            out,
            "  {}",
            paint.paint(&wrap(&mix, opts.width, "  "), Tone::Dim)
        );
    }

    let _ = writeln!(
        out,
        "\n  {}",
        paint.paint(&format!("Duties ({})", offer.lines.len()), Tone::Heading)
    );
    for line in &offer.lines {
        write_duty(&mut out, line, catalog, paint, opts);
    }
    write_ignored(&mut out, &offer.ignored, paint);
    let _ = writeln!(out, "\n  {}", paint.paint("Findings", Tone::Heading));
    if j.analysis.findings.is_empty() {
        let _ = writeln!(out, "    {}", paint.paint("✓ no findings", Tone::Good));
    }
    for f in &j.analysis.findings {
        write_finding(&mut out, f, catalog, &j.plan, paint, opts);
    }
    out
}

/// One duty line: its text, whose work the reader found it to be with the words that decided
/// it, and its closest catalog task.
fn write_duty(
    out: &mut String,
    line: &crate::offer::DutyLine,
    catalog: &Catalog,
    paint: &dyn Paint,
    opts: TextOptions,
) {
    let task = line
        .mapping
        .as_ref()
        .and_then(|m| catalog.task(&m.task).map(|t| (t, m)));
    let _ = writeln!(
        out,
        "    {}",
        wrap(&format!("• {}", line.text), opts.width, "      ")
    );
    // Whose work the reader found it to be, and the words that decided it.
    let why = line
        .reading
        .as_ref()
        .map(|r| (r.class.as_str(), r.because()));
    let mapped = match (task, &why) {
        // No task of the role shares a word with the line: the role's most typical task
        // stands in, and the line says so rather than show a 0% match.
        (Some((t, m)), Some((_, why))) if m.confidence <= 0.0 => format!(
            "→ {} ({why}) · no task of the role shares its words; counted as {} — {}",
            t.role, t.id, t.title
        ),
        (Some((t, m)), Some((_, why))) => format!(
            "→ {} ({why}) · closest task {}, {:.0}% — {}",
            t.role,
            t.id,
            m.confidence * 100.0,
            t.title
        ),
        (Some((t, m)), None) => format!(
            "→ {} · {} · {:.0}% sure — {}",
            t.role,
            t.id,
            m.confidence * 100.0,
            t.title
        ),
        (None, Some((class, why))) if *class == crate::offer::roles::NEITHER => {
            format!("→ neither role's work ({why})")
        }
        (None, _) => "→ unmatched: no catalog task fits well".to_owned(),
    };
    let tone = if task.is_some() {
        Tone::Dim
    } else {
        Tone::Info
    };
    let _ = writeln!(
        out,
        "      {}",
        paint.paint(&wrap(&mapped, opts.width, "        "), tone)
    );
}

/// The lines left out, shortened: enough to see that nothing important was missed.
fn write_ignored(out: &mut String, ignored: &[String], paint: &dyn Paint) {
    if !ignored.is_empty() {
        let _ = writeln!(
            *out,
            "\n  {}",
            paint.paint(
                &format!(
                    "Ignored ({}: headings, company text, requirements, benefits)",
                    ignored.len()
                ),
                Tone::Heading
            )
        );
        for text in ignored {
            let short: String = if text.chars().count() > 90 {
                text.chars().take(89).chain(std::iter::once('…')).collect()
            } else {
                text.clone()
            };
            let _ = writeln!(*out, "    {}", paint.paint(&short, Tone::Dim));
        }
    }
}
