//! The sentences of a report, shared by the Markdown and HTML renderers so both say exactly the
//! same thing. They return plain text; each renderer escapes it for its format.

use super::check_json::FindingJson;
use super::model::{
    Counts, Fit, Misfit, Mix, OfferReply, OtherRole, ReplyVerdict, Responsibility, Share, Verdict,
};
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

/// "out-of-role · Jon Park · cm-meetups", "coverage-gap · cm-events" — which rule, who, and the
/// task or category, before the message.
/// "1 finding", "2,500 findings".
pub fn findings_count(n: usize) -> String {
    let word = if n == 1 { "finding" } else { "findings" };
    format!("{} {word}", super::numbers::count(n))
}

pub fn finding_head(f: &FindingJson) -> String {
    let mut out = String::from(f.rule.id());
    for part in [f.person, f.task, f.category].into_iter().flatten() {
        out.push_str(" · ");
        out.push_str(part);
    }
    out
}

// ---- The offer reply: the freelancer's voice, not the tool's. ----

/// The offer's roles by title: "Community Manager", "Community Manager and Social Media
/// Manager".
fn offered_titles(r: &OfferReply, joiner: &str) -> String {
    r.offered
        .iter()
        .map(|o| o.title)
        .collect::<Vec<_>>()
        .join(joiner)
}

/// "1 is", "5 are", "2.5 are": a count of duty lines as the subject of a sentence.
fn duties_are(n: f64) -> String {
    let verb = if (n - 1.0).abs() < 0.01 { "is" } else { "are" };
    format!("{} {verb}", lines(n))
}

/// A (possibly fractional) number of duty lines: "7", "6.5".
pub fn lines(n: f64) -> String {
    if (n - n.round()).abs() < 0.01 {
        format!("{}", n.round() as i64)
    } else {
        format!("{n:.1}")
    }
}

/// The reply's heading: "Re: Community Manager".
pub fn reply_subject(r: &OfferReply) -> String {
    match r.title {
        Some(t) => format!("Re: {t}"),
        None => "Re: your offer".to_owned(),
    }
}

/// The salutation.
pub const REPLY_HELLO: &str = "Hi,";

/// The first paragraph: thanks, and why the rest follows. The duties are praised as clearly set
/// out only when they were clear enough to judge.
pub fn reply_opening(r: &OfferReply) -> String {
    let thanks = match r.title {
        Some(t) => format!("Thanks for the offer for the {t} role"),
        None => "Thanks for the offer".to_owned(),
    };
    if r.kind == ReplyVerdict::Unclear || r.lines <= 0.0 {
        return format!(
            "{thanks}. I went through what it says about the work, and before we go further I'd \
             like to share how I read it."
        );
    }
    let then = match r.kind {
        ReplyVerdict::Fits => "here is how I read them.",
        ReplyVerdict::Mostly { .. } if r.titled() => {
            "before we go further I'd like to share how they add up, because the title and the \
             work point in different directions."
        }
        _ => "before we go further I'd like to share how they add up.",
    };
    format!(
        "{thanks}, and for setting out the duties so clearly. I went through them one by one, \
         and {then}"
    )
}

/// The terms the offer states, as read: "As I read it, the offer is for 20 h a week, at 25
/// EUR/hour." ("for part-time work" when it gives no hours). An offer in another language than
/// English says which one was read, since the reply is in English. `None` when there is nothing
/// to say.
pub fn reply_terms(r: &OfferReply) -> Option<String> {
    let language = (r.language != "English")
        .then(|| format!("I read your offer in {} and reply in English.", r.language));
    // Part-time with no hours stated stays "part-time work": no number is made up.
    let hours = match (r.hours_per_week, r.schedule) {
        (Some(h), _) => Some(format!("{} a week", super::numbers::hours(h))),
        (None, Some(s)) => Some(format!("{s} work")),
        (None, None) => None,
    };
    let terms = match (hours, &r.pay) {
        (Some(h), Some(p)) => Some(format!("{h}, {p}")),
        (Some(h), None) => Some(h),
        (None, Some(p)) => Some(p.clone()),
        (None, None) => None,
    }
    .map(|t| {
        format!("As I read it, the offer is for {t}; please correct me if that is not right.")
    });
    match (language, terms) {
        (Some(l), Some(t)) => Some(format!("{l} {t}")),
        (l, t) => l.or(t),
    }
}

pub const REPLY_SPLIT: &str = "How the duties split";
pub const REPLY_FIT: &str = "Which title fits";
pub const REPLY_UNMATCHED: &str = "Duties I couldn't place";
pub const REPLY_SUGGESTION: &str = "My suggestion";
/// The shares table's row of duties that matched no task.
pub const REPLY_UNMATCHED_ROW: &str = "Couldn't place";

/// The label of an owner in the reply's shares: a role title, or the overlap in plain words.
pub fn share_label(s: &Share) -> String {
    if s.is_shared() {
        "Shared ground (either role)".to_owned()
    } else {
        s.label.clone()
    }
}

/// "Of the 8 duties listed, 5 are Social Media Manager work, 1 is Community Manager work, 1 is
/// shared ground either role covers, and 1 I couldn't place."
pub fn reply_split(r: &OfferReply) -> String {
    if r.lines <= 0.0 {
        return "I couldn't find a list of duties in the offer.".to_owned();
    }
    let mut shares: Vec<&Share> = r.shares.iter().filter(|s| s.lines > 0.0).collect();
    // Largest first; a stable sort keeps catalog order (shared last) on ties.
    shares.sort_by(|a, b| b.lines.total_cmp(&a.lines));
    let mut parts: Vec<String> = shares
        .iter()
        .map(|s| {
            if s.is_shared() {
                format!(
                    "{} shared ground that either role covers",
                    duties_are(s.lines)
                )
            } else {
                format!("{} {} work", duties_are(s.lines), s.label)
            }
        })
        .collect();
    let unmatched = r.lines - r.mapped();
    if unmatched > 0.0 {
        parts.push(format!("{} I couldn't place", lines(unmatched)));
    }
    let listed = if (r.lines - 1.0).abs() < 0.01 {
        "Of the 1 duty listed".to_owned()
    } else {
        format!("Of the {} duties listed", lines(r.lines))
    };
    format!("{listed}, {}.", and_list(&parts))
}

/// "a, b and c"; "a, b, and c" reads as one more item to some, so no serial comma unless an
/// item has a comma of its own.
fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let comma = if init.len() > 1 { "," } else { "" };
            format!("{}{comma} and {last}", init.join(", "))
        }
    }
}

/// "A Social Media Manager runs the brand's social channels so the brand is alive online."
fn role_is(title: &str, summary: &str) -> String {
    format!("A {title} {}", lower_first(summary))
}

/// Which title fits, in plain words.
pub fn reply_verdict(r: &OfferReply) -> String {
    let offered = offered_titles(r, " and ");
    match r.kind {
        ReplyVerdict::Fits if !r.titled() => format!(
            "The title doesn't name a role as such, but the duties describe a {offered}. {}",
            r.offered
                .first()
                .map(|o| role_is(o.title, o.summary))
                .unwrap_or_default()
        ),
        ReplyVerdict::Fits if r.offered.len() > 1 => {
            format!("So the duties match the title: a real mix of {offered} work.")
        }
        ReplyVerdict::Fits => format!("So the duties match the title: this is a {offered} role."),
        ReplyVerdict::Mostly { title, summary } => {
            let lead = if r.offered.len() > 1 {
                format!("The title names both {offered}, but the duties are mostly {title} work.")
            } else {
                format!("So, as written, this is a {title} role rather than a {offered} role.")
            };
            let others: Vec<String> = r
                .offered
                .iter()
                .map(|o| role_is(o.title, o.summary))
                .collect();
            format!(
                "{lead} The two titles are often used interchangeably, but they describe \
                 different jobs. {} {}",
                role_is(title, summary),
                others.join(" ")
            )
        }
        ReplyVerdict::Hybrid => {
            let mixed: Vec<&str> = r
                .shares
                .iter()
                .filter(|s| !s.is_shared() && s.lines > 0.0)
                .map(|s| s.label.as_str())
                .collect();
            let tail = if r.titled() && r.offered.len() == 1 {
                format!(" The title {offered} covers only part of it.")
            } else {
                String::new()
            };
            format!(
                "So the duties are a real mix of {} work, with neither side clearly leading.{tail}",
                mixed.join(" and ")
            )
        }
        ReplyVerdict::Unclear => "Too few of the duties belong clearly to one role for me to say \
                                  which title fits."
            .to_owned(),
    }
}

/// "Duties that aren't Community Manager work".
pub fn reply_misfits_heading(r: &OfferReply) -> String {
    format!("Duties that aren't {} work", offered_titles(r, " or "))
}

/// The sentence before the list of duties that do not fit the offered title.
pub fn reply_misfits_intro(r: &OfferReply) -> String {
    let offered = offered_titles(r, " or ");
    match r.kind {
        ReplyVerdict::Mostly { title, .. } => {
            format!("These belong to a {title} rather than a {offered}:")
        }
        _ if r.misfits.len() == 1 => "One duty belongs with another role:".to_owned(),
        _ => "These duties belong with another role:".to_owned(),
    }
}

/// After the duty itself: "I'd call this “Schedule and publish posts on the brand's social
/// channels”, a Social Media Manager task: publishing ...", or, when the task match is too weak
/// to name, "I read this as Social Media Manager work, though it is close to none of that
/// role's usual tasks."
pub fn reply_misfit(m: &Misfit, r: &OfferReply) -> String {
    let mut out = match m.named {
        Some(task) => format!(
            "I'd call this “{}”, a {} task: {}",
            task.title,
            m.role_title,
            lower_first(task.why)
        ),
        None => format!(
            "I read this as {} work, though it is close to none of that role's usual tasks.",
            m.role_title
        ),
    };
    if r.kind == ReplyVerdict::Fits && !m.flagged {
        out.push_str(" It can be one channel of the role, as long as it stays a small part of it.");
    }
    out
}

/// The sentence before the duties that matched no task.
pub fn reply_unmatched_intro(r: &OfferReply) -> String {
    if r.unmatched.len() == 1 {
        "This one isn't part of the usual work of either role, so I'd like to know whether it is \
         part of the job and how much time it takes:"
            .to_owned()
    } else {
        "These aren't part of the usual work of either role, so I'd like to know whether they are \
         part of the job and how much time they take:"
            .to_owned()
    }
}

/// The friendly closing suggestion, as paragraphs.
pub fn reply_suggestion(r: &OfferReply) -> Vec<String> {
    let offered = offered_titles(r, " and ");
    let mut out = Vec::new();
    match r.kind {
        ReplyVerdict::Mostly { title, .. } => {
            out.push(format!(
                "Would you consider calling the role {title}? That is the job these duties \
                 describe, and the title would then set the right expectations on both sides."
            ));
            let add = if r.missing.is_empty() {
                format!("{offered} work.")
            } else {
                format!("{offered} work, such as:")
            };
            out.push(format!(
                "If it is a {offered} you need, I'd suggest rebalancing the duties: move some of \
                 the {title} work to someone else and add {add}"
            ));
        }
        ReplyVerdict::Fits if r.misfits.is_empty() => {
            out.push(
                "The role as written makes sense to me, so I have no changes to suggest."
                    .to_owned(),
            );
        }
        ReplyVerdict::Fits => {
            let (n, them, take) = if r.misfits.len() == 1 {
                ("duty", "it", "it takes")
            } else {
                ("duties", "them", "they take")
            };
            out.push(format!(
                "The role as written makes sense to me. The only thing I'd look at is the {n} \
                 above that belong{} to another role: we could agree how much of the week {take}, \
                 or leave {them} with someone else on your team.",
                if r.misfits.len() == 1 { "s" } else { "" }
            ));
            if !r.titled() {
                out.push(format!(
                    "Calling the role {offered} would also make clear to everyone what it is."
                ));
            }
        }
        ReplyVerdict::Hybrid => out.push(
            "I'd suggest either naming the role as the mix it is, so that everyone expects both \
             kinds of work, or deciding which side matters most and moving the rest to someone \
             else."
                .to_owned(),
        ),
        ReplyVerdict::Unclear => out.push(
            "Could you tell me a little more about what a typical week in this role looks like? \
             With that I can say whether it is a good fit for me."
                .to_owned(),
        ),
    }
    out
}

/// The offered role's core work that no duty touches, listed after the suggestion to rebalance
/// (empty unless the duties are mostly another role's).
pub fn reply_missing<'r, 'a>(r: &'r OfferReply<'a>) -> &'r [&'a str] {
    match r.kind {
        ReplyVerdict::Mostly { .. } => r.missing.as_slice(),
        _ => &[],
    }
}

/// The reply's closing line: "either way" only where the reply offered a choice.
pub fn reply_closing(r: &OfferReply<'_>) -> &'static str {
    match r.kind {
        ReplyVerdict::Fits if r.misfits.is_empty() => {
            "I'd be glad to talk it through. Thanks again for thinking of me."
        }
        _ => "Either way, I'd be glad to talk it through. Thanks again for thinking of me.",
    }
}

pub const REPLY_REGARDS: &str = "Best regards,";
pub const REPLY_NAME: &str = "[Your name]";
