//! The Markdown report: reads well as plain text (tables padded to line up by display width)
//! and renders cleanly on GitHub, in editors and in wikis. Every user string is escaped.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::check_json::FindingJson;
use super::escape::markdown as md;
use super::model::{CoverageMatrix, CoverageStatus, Mix, OfferReply, Report, TeamReview};
use super::numbers::{count, hours, load, percent};
use super::sections::{self, Cluster, Markup, Para};
use super::words;
use crate::finding::Severity;

/// The report as one Markdown document, ending in a newline.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    sections::body(&mut Markdown(&mut out), report);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The owners anyone has hours with (or holds as a role), in slot order: the role mix's
/// columns.
fn owners<'t>(t: &'t TeamReview) -> Vec<(usize, &'t str)> {
    let mut owners: Vec<(usize, &str)> = Vec::new();
    for s in t.workload.iter().flat_map(|w| &w.mix.segments) {
        if !owners.iter().any(|(slot, _)| *slot == s.slot) {
            owners.push((s.slot, &s.label));
        }
    }
    owners.sort_by_key(|(slot, _)| *slot);
    owners
}

fn percent_of(mix: &Mix, share: f64) -> String {
    if mix.hours > 0.0 {
        percent(share)
    } else {
        "–".to_owned()
    }
}

/// Markdown's markup for the shared [`sections`].
struct Markdown<'o>(&'o mut String);

impl Markup for Markdown<'_> {
    fn esc(&self, text: &str) -> String {
        md(text)
    }

    fn strong(&self, text: &str) -> String {
        format!("**{text}**")
    }

    fn em(&self, text: &str) -> String {
        format!("*{text}*")
    }

    fn span(&self, _class: &str, text: &str) -> String {
        text.to_owned()
    }

    fn mark(&self, _mark: &str) -> String {
        String::new()
    }

    /// Two spaces at the end of a line are a hard line break in CommonMark, and invisible in
    /// the raw text that gets pasted into an e-mail.
    fn line_break(&self) -> &'static str {
        "  \n"
    }

    fn header(&mut self, title: &str, sub: Option<&str>) {
        let _ = writeln!(self.0, "# {title}\n");
        if let Some(sub) = sub {
            let _ = writeln!(self.0, "*{sub}*\n");
        }
    }

    fn provenance(&self, source: &str) -> String {
        format!("{source}, made with rolescope")
    }

    fn section_start(&mut self, _id: &str, heading: &str) {
        let _ = writeln!(self.0, "## {heading}\n");
    }

    fn section_end(&mut self) {}

    fn subheading(&mut self, _class: Option<&str>, text: &str) {
        let _ = writeln!(self.0, "### {text}\n");
    }

    fn para(&mut self, style: Para, text: &str) {
        let _ = match style {
            Para::Meta => writeln!(self.0, "*{text}*\n"),
            Para::Headline => writeln!(self.0, "**{text}**\n"),
            Para::Plain | Para::Summary | Para::Note | Para::Legend => writeln!(self.0, "{text}\n"),
        };
    }

    fn list(&mut self, items: &[String]) {
        for item in items {
            let _ = writeln!(self.0, "- {item}");
        }
        self.0.push('\n');
    }

    /// A block quote, so it stands apart in the raw text and on every renderer.
    fn alert(&mut self, heading: &str, items: &[String], closing: &str) {
        let _ = writeln!(self.0, "> **{heading}**\n>");
        for item in items {
            let _ = writeln!(self.0, "> - {item}");
        }
        let _ = writeln!(self.0, ">\n> {closing}\n");
    }

    fn verdict_start(&mut self, _class: &str) {}

    fn verdict_end(&mut self) {}

    fn role_mix(&mut self, _person: &str, mix: &Mix) {
        let _ = writeln!(self.0, "Role mix: {}\n", md(&words::mix_line(mix)));
    }

    fn workload(&mut self, t: &TeamReview) {
        let rows: Vec<Vec<String>> = t
            .shown()
            .iter()
            .map(|w| {
                let best = w.best_fit.map_or_else(
                    || "–".to_owned(),
                    |b| {
                        if w.fits {
                            md(b)
                        } else {
                            format!("{} ⚠ not the title", md(b))
                        }
                    },
                );
                vec![
                    md(w.person),
                    md(&w.role),
                    hours(w.mix.hours),
                    hours(w.mix.capacity),
                    load(w.mix.load),
                    best,
                    words::counts_cell(w.findings),
                ]
            })
            .collect();
        table(
            self.0,
            &[
                ("Person", Align::Left),
                ("Role", Align::Left),
                ("Hours", Align::Right),
                ("Capacity", Align::Right),
                ("Load", Align::Right),
                ("Best fit", Align::Left),
                ("Findings", Align::Left),
            ],
            &rows,
        );
    }

    fn has_team_mix(&self, t: &TeamReview) -> bool {
        !owners(t).is_empty()
    }

    /// One column per owner anyone has hours with.
    fn team_mix(&mut self, t: &TeamReview) {
        let owners = owners(t);
        let labels: Vec<String> = owners.iter().map(|(_, l)| md(l)).collect();
        let mut columns: Vec<(&str, Align)> = vec![("Person", Align::Left)];
        columns.extend(labels.iter().map(|l| (l.as_str(), Align::Right)));
        let rows: Vec<Vec<String>> = t
            .shown()
            .iter()
            .map(|w| {
                let mut row = vec![md(w.person)];
                row.extend(owners.iter().map(|(slot, _)| {
                    w.mix
                        .segments
                        .iter()
                        .find(|s| s.slot == *slot)
                        .map_or_else(|| "–".to_owned(), |s| percent_of(&w.mix, s.share))
                }));
                row
            })
            .collect();
        table(self.0, &columns, &rows);
    }

    fn coverage_table(&mut self, c: &CoverageMatrix, per_person: bool) {
        let names: Vec<String> = if per_person {
            c.people.iter().map(|p| md(p)).collect()
        } else {
            Vec::new()
        };
        let mut columns: Vec<(&str, Align)> =
            vec![("Role", Align::Left), ("Core category", Align::Left)];
        columns.extend(names.iter().map(|n| (n.as_str(), Align::Center)));
        columns.push(("People", Align::Right));
        columns.push(("Status", Align::Left));
        let rows: Vec<Vec<String>> = c
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![md(r.role), md(r.title)];
                if per_person {
                    row.extend(
                        r.cells
                            .iter()
                            .map(|&on| if on { "✓" } else { "·" }.to_owned()),
                    );
                }
                row.push(count(r.covered_by.len()));
                row.push(
                    match r.status {
                        CoverageStatus::Covered => "✓ covered",
                        CoverageStatus::Gap => "✗ gap",
                        CoverageStatus::AcceptedGap => "✗ gap (accepted)",
                    }
                    .to_owned(),
                );
                row
            })
            .collect();
        table(self.0, &columns, &rows);
    }

    fn shares(&mut self, r: &OfferReply) {
        let mut rows: Vec<Vec<String>> = r
            .shares
            .iter()
            .map(|s| {
                vec![
                    md(&words::share_label(s)),
                    words::lines(s.lines),
                    percent(s.share),
                ]
            })
            .collect();
        if !r.unmatched.is_empty() {
            let n = r.lines - r.mapped();
            rows.push(vec![
                md(words::REPLY_UNMATCHED_ROW),
                words::lines(n),
                "–".to_owned(),
            ]);
        }
        table(
            self.0,
            &[
                ("Work", Align::Left),
                ("Duties", Align::Right),
                ("Share", Align::Right),
            ],
            &rows,
        );
    }

    /// A loose list item a gathering: its head, how many, everyone it is about, and the first
    /// finding's words as a paragraph under it.
    fn finding_clusters(&mut self, _severity: Severity, clusters: &[Cluster]) {
        for c in clusters {
            let who = if c.people.is_empty() {
                "about the team".to_owned()
            } else {
                c.people
                    .iter()
                    .map(|p| md(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                self.0,
                "- **{}** ({}): {who}\n",
                md(&c.head),
                words::findings_count(c.findings)
            );
            let _ = writeln!(
                self.0,
                "  For example: {} {}\n",
                md(&crate::analysis::sentence(&c.example.message)),
                md(&c.example.explanation)
            );
        }
    }

    /// Loose list items, the explanation a paragraph of its own under the finding.
    fn findings_list(&mut self, _severity: Severity, findings: &[FindingJson]) {
        for f in findings {
            let head = words::finding_head(f);
            let _ = writeln!(self.0, "- **{}**: {}\n", md(&head), md(&f.message));
            let _ = writeln!(self.0, "  {}\n", md(&f.explanation));
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Right,
    Center,
}

/// A GitHub table whose columns line up in the raw text too (by display width, so CJK names
/// and symbols keep the pipes aligned). Cells must already be escaped.
fn table(out: &mut String, columns: &[(&str, Align)], rows: &[Vec<String>]) {
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (h, _))| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .chain([h.width(), 3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let line = |out: &mut String, cells: Vec<(String, Align)>| {
        out.push('|');
        for ((cell, align), &w) in cells.iter().zip(&widths) {
            let pad = w.saturating_sub(cell.width());
            let (left, right) = match align {
                Align::Left => (0, pad),
                Align::Right => (pad, 0),
                Align::Center => (pad / 2, pad - pad / 2),
            };
            let _ = write!(out, " {}{cell}{} |", " ".repeat(left), " ".repeat(right));
        }
        out.push('\n');
    };
    line(
        out,
        columns.iter().map(|(h, a)| ((*h).to_owned(), *a)).collect(),
    );
    out.push('|');
    for ((_, align), &w) in columns.iter().zip(&widths) {
        let rule = match align {
            Align::Left => format!(":{}", "-".repeat(w - 1)),
            Align::Right => format!("{}:", "-".repeat(w - 1)),
            Align::Center => format!(":{}:", "-".repeat(w - 2)),
        };
        let _ = write!(out, " {rule} |");
    }
    out.push('\n');
    for row in rows {
        line(
            out,
            row.iter()
                .zip(columns)
                .map(|(c, (_, a))| (c.clone(), *a))
                .collect(),
        );
    }
    out.push('\n');
}
