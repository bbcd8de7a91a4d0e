//! The sections of the Markdown and HTML reports, written once: which headings, paragraphs and
//! lists appear, in what order and under which conditions. Each format supplies only its
//! markup (and its escaping) through [`Markup`]; what has no counterpart in the other format
//! (HTML's SVG bars, Markdown's tables) stays behind a method of its own.
//!
//! Every method that writes takes text ready for the format: user text goes through
//! [`Markup::esc`] first; the report's own fixed words are written as they are.

use std::collections::HashMap;

use super::check_json::{AcceptedJson, FindingJson};
use super::model::{
    Body, COVERAGE_COLUMNS, CoverageMatrix, FINDINGS_LISTED, FindingGroup, Mix, OfferReply,
    PEOPLE_SHOWN, ReplyVerdict, Report, RoleDescription, TeamReview, Verdict,
};
use super::numbers::{count, hours, load, percent};
use super::words;
use crate::finding::{Rule, Severity};

/// How a paragraph reads: HTML gives it a class, Markdown emphasis where it has any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Para {
    Plain,
    /// A line that sums up (HTML `summary`; plain in Markdown).
    Summary,
    /// A line that sums up and stands out (HTML `summary`; bold in Markdown).
    Headline,
    /// A responsibility's hours and roles (HTML `meta`; italic in Markdown).
    Meta,
    /// A side note (HTML `note`; plain in Markdown).
    Note,
    /// What the symbols or colours of the table or chart below mean (HTML `legend`; plain in
    /// Markdown).
    Legend,
}

/// The markup of one format.
pub(super) trait Markup {
    /// User text made safe for the format.
    fn esc(&self, text: &str) -> String;
    /// Strong emphasis around markup-ready text.
    fn strong(&self, text: &str) -> String;
    /// Emphasis around markup-ready text.
    fn em(&self, text: &str) -> String;
    /// Inline text with a style (HTML: a `span` of that class; Markdown: the text as it is).
    fn span(&self, class: &str, text: &str) -> String;
    /// A verdict's symbol and a space, where the format shows one (HTML: colour and symbol;
    /// Markdown says it in words).
    fn mark(&self, mark: &str) -> String;
    /// A line break inside a paragraph.
    fn line_break(&self) -> &'static str;

    /// The document's title and the line under it.
    fn header(&mut self, title: &str, sub: Option<&str>);
    /// Where the report comes from, for the line under the title: Markdown has no footer, so
    /// it names `source` (already worded, e.g. " (plan.yaml)") and the tool there.
    fn provenance(&self, source: &str) -> String;
    fn section_start(&mut self, id: &str, heading: &str);
    fn section_end(&mut self);
    fn subheading(&mut self, class: Option<&str>, text: &str);
    fn para(&mut self, style: Para, text: &str);
    /// A bulleted list; an empty one is still written (the duties of a responsibility).
    fn list(&mut self, items: &[String]);
    /// A warning to read before anything else (a job ad's unresolved errors): its heading,
    /// items and closing words (HTML: a box marked as an alert; Markdown: a block quote).
    fn alert(&mut self, heading: &str, items: &[String], closing: &str);
    /// A verdict box of `class` (HTML) around what follows, up to [`Markup::verdict_end`].
    fn verdict_start(&mut self, class: &str);
    fn verdict_end(&mut self);

    /// The role description's mix of roles (HTML: a bar and a legend).
    fn role_mix(&mut self, person: &str, mix: &Mix);
    /// The team's workload, a row a person ([`TeamReview::shown`]).
    fn workload(&mut self, t: &TeamReview);
    /// Whether the team review has a role mix to show (Markdown: any owner in anyone's mix,
    /// even at 0%; HTML: any hours to draw).
    fn has_team_mix(&self, t: &TeamReview) -> bool;
    /// Each person's share of the week per owner (Markdown: a table; HTML: a bar a person),
    /// for the people [`TeamReview::shown`].
    fn team_mix(&mut self, t: &TeamReview);
    /// How many people do each core category of each hired role (the matrix has rows), and,
    /// with `per_person`, who: a column a person.
    fn coverage_table(&mut self, c: &CoverageMatrix, per_person: bool);
    /// An offer's duties by role (Markdown: a table; HTML: a bar and a legend).
    fn shares(&mut self, r: &OfferReply);
    /// One severity's findings (HTML: with a badge each).
    fn findings_list(&mut self, severity: Severity, findings: &[FindingJson]);
    /// One severity's findings gathered by rule and task or category, each gathering with
    /// everyone it is about and one example's words.
    fn finding_clusters(&mut self, severity: Severity, clusters: &[Cluster]);
}

/// Findings of one rule about one task or category (or about the team), gathered: what a
/// long list of findings is shown as.
pub(super) struct Cluster<'f> {
    /// "out-of-role · cm-meetups": the rule, then the task or category, if any.
    pub head: String,
    /// The people the findings are about, in plan order; findings about the team add none.
    pub people: Vec<&'f str>,
    /// How many findings are gathered here.
    pub findings: usize,
    /// The first of them, whose words stand for the rest.
    pub example: &'f FindingJson<'f>,
}

/// `findings` gathered by rule, task and category, in the order each first appears.
pub(super) fn clusters<'f>(
    findings: impl Iterator<Item = &'f FindingJson<'f>>,
) -> Vec<Cluster<'f>> {
    let mut at: HashMap<(Rule, Option<&str>, Option<&str>), usize> = HashMap::default();
    let mut out: Vec<Cluster<'f>> = Vec::new();
    for f in findings {
        let key = (f.rule, f.task, f.category);
        let i = *at.entry(key).or_insert_with(|| {
            let mut head = f.rule.id().to_owned();
            for part in [f.task, f.category].into_iter().flatten() {
                head.push_str(" · ");
                head.push_str(part);
            }
            out.push(Cluster {
                head,
                people: Vec::new(),
                findings: 0,
                example: f,
            });
            out.len() - 1
        });
        let c = &mut out[i];
        c.findings += 1;
        c.people.extend(f.person);
    }
    out
}

/// The report's body, whatever its kind.
pub(super) fn body<M: Markup>(m: &mut M, report: &Report) {
    match &report.body {
        Body::RoleDescription(r) => role_description(m, report, r),
        Body::TeamReview(t) => team_review(m, report, t),
        Body::OfferReply(r) => offer_reply(m, r),
        Body::JobAd(ad) => super::job_ad::job_ad(m, ad),
    }
}

fn role_description<M: Markup>(m: &mut M, report: &Report, r: &RoleDescription) {
    let source = m.provenance(&format!(" ({})", m.esc(report.file)));
    let sub = format!(
        "Role description for {}, from the plan “{}”{source}.",
        m.esc(r.person),
        m.esc(report.plan)
    );
    m.header(&m.esc(&r.title), Some(&sub));
    m.section_start("about", "About the role");
    match r.roles.as_slice() {
        [one] => m.para(Para::Plain, &m.esc(one.summary)),
        many => {
            for role in many {
                let lead = format!("{} ({}).", m.esc(role.title), percent(role.part));
                let text = format!("{} {}", m.strong(&lead), m.esc(role.summary));
                m.para(Para::Plain, &text);
            }
        }
    }
    m.para(Para::Summary, &m.esc(&words::week(&r.mix)));
    m.role_mix(r.person, &r.mix);
    m.section_end();

    responsibilities(m, r);
    not_this_role(m, r);
    fit(m, r);
    findings(m, &r.findings, &r.accepted);
}

fn responsibilities<M: Markup>(m: &mut M, r: &RoleDescription) {
    m.section_start("responsibilities", "Responsibilities");
    if r.responsibilities.is_empty() {
        m.para(Para::Plain, "No duties are assigned yet.");
    }
    for resp in &r.responsibilities {
        m.subheading(None, &m.esc(resp.title));
        m.para(Para::Meta, &m.esc(&words::responsibility_meta(resp)));
        if let Some(note) = words::responsibility_note(resp, &r.fit) {
            m.para(Para::Note, &m.esc(&note));
        }
        let duties: Vec<String> = resp
            .duties
            .iter()
            .map(|d| {
                let flag = match (d.out_of_role, d.accepted) {
                    (true, Some(reason)) => format!(
                        " {} {}",
                        m.span("flag", "⚠ out of role"),
                        m.span("note", &format!("(accepted: {})", m.esc(reason)))
                    ),
                    (true, None) => format!(" {}", m.span("flag", "⚠ out of role")),
                    (false, _) => String::new(),
                };
                let note = d.note.map_or_else(String::new, |n| {
                    format!(" {}", m.span("note", &format!("— {}", m.esc(n))))
                });
                format!("{} ({}){flag}{note}", m.esc(d.title), hours(d.hours))
            })
            .collect();
        m.list(&duties);
    }
    m.section_end();
}

fn not_this_role<M: Markup>(m: &mut M, r: &RoleDescription) {
    if r.not_this_role.is_empty() {
        return;
    }
    m.section_start("not", "What this role is not");
    for o in &r.not_this_role {
        m.para(
            Para::Plain,
            &m.esc(&words::other_role_lead(o, &r.fit, &r.title)),
        );
        if words::list_carried(o, &r.fit) {
            m.para(Para::Plain, words::CARRIED);
            let carried: Vec<String> = o
                .carried
                .iter()
                .map(|c| format!("{} ({})", m.esc(c.title), hours(c.hours)))
                .collect();
            m.list(&carried);
        }
        if !o.flagged.is_empty() {
            m.para(Para::Plain, words::FLAGGED);
            let flagged: Vec<String> = o
                .flagged
                .iter()
                .map(|f| {
                    format!(
                        "{} ({}): {}",
                        m.strong(&m.esc(f.title)),
                        hours(f.hours),
                        m.esc(f.why)
                    )
                })
                .collect();
            m.list(&flagged);
        }
        if let Some(k) = words::kept_off(o) {
            m.para(Para::Plain, &m.esc(&k));
        }
    }
    m.section_end();
}

fn fit<M: Markup>(m: &mut M, r: &RoleDescription) {
    let (class, mark) = match r.fit.verdict {
        Verdict::Fits => ("fits", "✓"),
        Verdict::Close => ("close", "⚠"),
        Verdict::Mismatch => ("mismatch", "⚠"),
        Verdict::TooThin => ("too-thin", "⚠"),
        Verdict::NoWork => ("no-work", "⚠"),
    };
    m.section_start("fit", "Fit");
    m.verdict_start(class);
    let line = format!(
        "{}{}",
        m.mark(mark),
        m.esc(&words::fit_line(&r.fit, &r.title))
    );
    m.para(Para::Headline, &line);
    m.para(Para::Plain, &m.esc(&words::verdict(&r.fit, &r.title)));
    m.verdict_end();
    m.section_end();
}

fn team_review<M: Markup>(m: &mut M, report: &Report, t: &TeamReview) {
    let people = if t.totals.people == 1 {
        "person"
    } else {
        "people"
    };
    let source = m.provenance(&format!(", from {}", m.esc(report.file)));
    let sub = format!(
        "Team workload review of {} {people}{source}.",
        t.totals.people
    );
    m.header(&m.esc(report.plan), Some(&sub));
    if !report.description.trim().is_empty() {
        m.para(Para::Plain, &m.esc(report.description.trim()));
    }
    let totals = format!(
        "{} of tasks for {} of capacity ({}) · {}",
        hours(t.totals.hours),
        hours(t.totals.capacity),
        load(t.totals.load),
        words::counts(t.totals.findings)
    );
    m.para(Para::Headline, &totals);

    let cut = people_cut(t);
    m.section_start("workload", "Workload");
    if let Some(cut) = &cut {
        m.para(Para::Note, cut);
    }
    m.workload(t);
    m.section_end();

    if m.has_team_mix(t) {
        m.section_start("role-mix", "Role mix");
        m.para(
            Para::Legend,
            "Share of each person's week, by the role the work belongs to.",
        );
        if let Some(cut) = &cut {
            m.para(Para::Note, cut);
        }
        m.team_mix(t);
        m.section_end();
    }
    coverage(m, &t.coverage);
    findings(m, &t.findings, &t.accepted);
}

/// What the per-person tables leave out, when the team is larger than they show.
fn people_cut(t: &TeamReview) -> Option<String> {
    let people = t.totals.people;
    if people <= PEOPLE_SHOWN {
        return None;
    }
    let (over, misfit) = t.over_and_misfit();
    Some(format!(
        "The table shows the first {} of {} people, in plan order; the totals above and the \
         CSV and JSON reports count everyone. Of all {}, {} are over capacity and {} have \
         work that fits another role better than their title.",
        count(PEOPLE_SHOWN),
        count(people),
        count(people),
        count(over),
        count(misfit)
    ))
}

fn coverage<M: Markup>(m: &mut M, c: &CoverageMatrix) {
    m.section_start("coverage", "Coverage of core work");
    if c.rows.is_empty() {
        m.para(Para::Plain, "The plan hires for no role with core work.");
        m.section_end();
        return;
    }
    let per_person = c.people.len() <= COVERAGE_COLUMNS;
    if per_person {
        m.para(
            Para::Legend,
            "✓ has a task in the category; · has none; ✗ gap: nobody does this core work",
        );
    } else {
        let note = format!(
            "How many of the {} people have a task in each category (a column for each person \
             is shown up to {} people; the JSON report names who covers each). ✗ gap: nobody \
             does this core work.",
            count(c.people.len()),
            count(COVERAGE_COLUMNS)
        );
        m.para(Para::Legend, &note);
    }
    m.coverage_table(c, per_person);
    m.section_end();
}

fn findings<M: Markup>(m: &mut M, groups: &[FindingGroup], accepted: &[AcceptedJson]) {
    m.section_start("findings", "Findings");
    if groups.is_empty() {
        m.para(Para::Summary, "✓ No findings.");
    }
    let total: usize = groups.iter().map(|g| g.findings.len()).sum();
    let gathered = total > FINDINGS_LISTED;
    if gathered {
        let note = format!(
            "{} findings: past {} they are gathered by rule and task or category, each with \
             everyone it is about and the words of its first finding; the JSON and CSV reports \
             have each finding's own.",
            count(total),
            count(FINDINGS_LISTED)
        );
        m.para(Para::Note, &note);
    }
    for g in groups {
        let heading = format!(
            "{} {}",
            words::symbol(g.severity),
            words::severity_heading(g.severity, g.findings.len())
        );
        m.subheading(Some(g.severity.as_str()), &heading);
        if gathered {
            m.finding_clusters(g.severity, &clusters(g.findings.iter()));
        } else {
            m.findings_list(g.severity, &g.findings);
        }
    }
    if !accepted.is_empty() {
        let heading = format!("✓ Accepted exceptions ({})", accepted.len());
        m.subheading(Some("accepted"), &heading);
        m.list(&accepted_items(m, accepted));
    }
    m.section_end();
}

/// The accepted findings as list items: each with its reason, or, past [`FINDINGS_LISTED`],
/// gathered by rule, task or category and reason, with everyone each gathering is about.
fn accepted_items<M: Markup>(m: &M, accepted: &[AcceptedJson]) -> Vec<String> {
    if accepted.len() <= FINDINGS_LISTED {
        return accepted
            .iter()
            .map(|a| {
                let f = &a.finding;
                format!(
                    "{}: {} {} {}",
                    m.strong(&m.esc(&words::finding_head(f))),
                    m.esc(&crate::analysis::sentence(&f.message)),
                    m.em("Accepted because:"),
                    m.esc(a.reason)
                )
            })
            .collect();
    }
    let mut by_reason: Vec<(&str, Vec<&FindingJson>)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::default();
    for a in accepted {
        let i = *at.entry(a.reason).or_insert_with(|| {
            by_reason.push((a.reason, Vec::new()));
            by_reason.len() - 1
        });
        by_reason[i].1.push(&a.finding);
    }
    let mut items = Vec::new();
    for (reason, findings) in by_reason {
        for c in clusters(findings.into_iter()) {
            let people: Vec<String> = c.people.iter().map(|p| m.esc(p)).collect();
            items.push(format!(
                "{} ({}): {} {} {}",
                m.strong(&m.esc(&c.head)),
                words::findings_count(c.findings),
                if people.is_empty() {
                    "the team.".to_owned()
                } else {
                    format!("{}.", people.join(", "))
                },
                m.em("Accepted because:"),
                m.esc(reason)
            ));
        }
    }
    items
}

/// A reply to an offer, to paste into an e-mail: the freelancer's words, no tool notes.
fn offer_reply<M: Markup>(m: &mut M, r: &OfferReply) {
    m.header(&m.esc(&words::reply_subject(r)), None);
    m.para(Para::Plain, words::REPLY_HELLO);
    m.para(Para::Plain, &m.esc(&words::reply_opening(r)));
    if let Some(terms) = words::reply_terms(r) {
        m.para(Para::Plain, &m.esc(&terms));
    }

    m.section_start("split", words::REPLY_SPLIT);
    m.para(Para::Plain, &m.esc(&words::reply_split(r)));
    if r.mapped() > 0.0 {
        m.shares(r);
    }
    m.section_end();

    let (class, mark) = match r.kind {
        ReplyVerdict::Fits => ("fits", "✓"),
        ReplyVerdict::Mostly { .. } => ("mismatch", "⚠"),
        ReplyVerdict::Hybrid | ReplyVerdict::Unclear => ("close", "⚠"),
    };
    m.section_start("fit", words::REPLY_FIT);
    m.verdict_start(class);
    let verdict = format!("{}{}", m.mark(mark), m.esc(&words::reply_verdict(r)));
    m.para(Para::Plain, &verdict);
    m.verdict_end();
    m.section_end();

    if !r.misfits.is_empty() {
        m.section_start("misfits", &m.esc(&words::reply_misfits_heading(r)));
        m.para(Para::Plain, &m.esc(&words::reply_misfits_intro(r)));
        let misfits: Vec<String> = r
            .misfits
            .iter()
            .map(|f| {
                format!(
                    "{}: {}",
                    m.strong(&m.esc(f.text)),
                    m.esc(&words::reply_misfit(f, r))
                )
            })
            .collect();
        m.list(&misfits);
        m.section_end();
    }

    if !r.unmatched.is_empty() {
        m.section_start("unmatched", &m.esc(words::REPLY_UNMATCHED));
        m.para(Para::Plain, &m.esc(&words::reply_unmatched_intro(r)));
        let unmatched: Vec<String> = r.unmatched.iter().map(|u| m.esc(u)).collect();
        m.list(&unmatched);
        m.section_end();
    }

    m.section_start("suggestion", words::REPLY_SUGGESTION);
    for p in words::reply_suggestion(r) {
        m.para(Para::Plain, &m.esc(&p));
    }
    let missing = words::reply_missing(r);
    if !missing.is_empty() {
        let missing: Vec<String> = missing.iter().map(|t| m.esc(t)).collect();
        m.list(&missing);
    }
    m.para(Para::Plain, &m.esc(words::reply_closing(r)));
    let regards = format!(
        "{}{}{}",
        words::REPLY_REGARDS,
        m.line_break(),
        words::REPLY_NAME
    );
    m.para(Para::Plain, &regards);
    m.section_end();
}
