//! The HTML report: one self-contained file (inline CSS and SVG; no script, no network, no
//! external font) that can be mailed, attached to a ticket or printed. A Content Security
//! Policy forbids scripts and fetches too, as a second line behind the escaping.
//!
//! Severity and coverage are shown by a symbol and a word as well as by colour, so the page
//! reads in greyscale print.

mod svg;

use std::fmt::Write as _;

use super::check_json::FindingJson;
use super::escape::html as esc;
use super::model::{Body, CoverageMatrix, CoverageStatus, Mix, OfferReply, Report, TeamReview};
use super::numbers::{count, hours, load, percent};
use super::sections::{self, Cluster, Markup, Para};
use super::words;
use crate::finding::Severity;

const STYLE: &str = include_str!("style.css");
/// What only a job ad needs on top of [`STYLE`]: its warning box.
const AD_STYLE: &str = include_str!("ad.css");
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The report as one HTML document.
pub fn render(report: &Report) -> String {
    let title = match &report.body {
        Body::RoleDescription(r) => format!("{} — role description for {}", r.title, r.person),
        Body::TeamReview(_) => format!("{} — team review", report.plan),
        Body::OfferReply(r) => words::reply_subject(r),
        Body::JobAd(ad) if !ad.errors.is_empty() => format!("Not ready to post: {}", ad.title),
        Body::JobAd(ad) => ad.title.clone(),
    };
    // A job ad is published as it is: no generator, no footer, nothing that names the tool.
    let ad = matches!(report.body, Body::JobAd(_));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{}\
         <title>{}</title>\n<style>\n{STYLE}{}</style>\n</head>\n<body>\n<main>\n",
        if ad {
            ""
        } else {
            "<meta name=\"generator\" content=\"rolescope\">\n"
        },
        esc(&title),
        if ad { AD_STYLE } else { "" }
    );
    sections::body(&mut Html(&mut out), report);
    // A reply goes to the client as it is: no note of the tool or of the user's file names,
    // as in the Markdown reply; so does a job ad.
    if !matches!(report.body, Body::OfferReply(_) | Body::JobAd(_)) {
        out.push_str("<footer>Made with rolescope from ");
        out.push_str(&esc(report.file));
        out.push_str(".</footer>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// HTML's markup for the shared [`sections`].
struct Html<'o>(&'o mut String);

impl Markup for Html<'_> {
    fn esc(&self, text: &str) -> String {
        esc(text)
    }

    fn strong(&self, text: &str) -> String {
        format!("<strong>{text}</strong>")
    }

    fn em(&self, text: &str) -> String {
        format!("<em>{text}</em>")
    }

    fn span(&self, class: &str, text: &str) -> String {
        format!("<span class=\"{class}\">{text}</span>")
    }

    fn mark(&self, mark: &str) -> String {
        format!("{mark} ")
    }

    fn line_break(&self) -> &'static str {
        "<br>"
    }

    fn header(&mut self, title: &str, sub: Option<&str>) {
        let _ = writeln!(self.0, "<header>\n<h1>{title}</h1>");
        if let Some(sub) = sub {
            let _ = writeln!(self.0, "<p class=\"sub\">{sub}</p>");
        }
        self.0.push_str("</header>\n");
    }

    /// The footer names the file and the tool.
    fn provenance(&self, _source: &str) -> String {
        String::new()
    }

    fn section_start(&mut self, id: &str, heading: &str) {
        let _ = writeln!(self.0, "<section id=\"{id}\">\n<h2>{heading}</h2>");
    }

    fn section_end(&mut self) {
        self.0.push_str("</section>\n");
    }

    fn subheading(&mut self, class: Option<&str>, text: &str) {
        let _ = match class {
            Some(class) => writeln!(self.0, "<h3 class=\"{class}\">{text}</h3>"),
            None => writeln!(self.0, "<h3>{text}</h3>"),
        };
    }

    fn para(&mut self, style: Para, text: &str) {
        let class = match style {
            Para::Plain => "",
            Para::Summary | Para::Headline => " class=\"summary\"",
            Para::Meta => " class=\"meta\"",
            Para::Note => " class=\"note\"",
            Para::Legend => " class=\"legend\"",
        };
        let _ = writeln!(self.0, "<p{class}>{text}</p>");
    }

    fn list(&mut self, items: &[String]) {
        self.0.push_str("<ul>\n");
        for item in items {
            let _ = writeln!(self.0, "<li>{item}</li>");
        }
        self.0.push_str("</ul>\n");
    }

    fn alert(&mut self, heading: &str, items: &[String], closing: &str) {
        let _ = writeln!(
            self.0,
            "<div class=\"alert\" role=\"alert\">\n<p class=\"alert-heading\">{heading}</p>"
        );
        self.list(items);
        let _ = writeln!(self.0, "<p>{closing}</p>\n</div>");
    }

    fn verdict_start(&mut self, class: &str) {
        let _ = writeln!(self.0, "<div class=\"fit {class}\">");
    }

    fn verdict_end(&mut self) {
        self.0.push_str("</div>\n");
    }

    fn role_mix(&mut self, person: &str, mix: &Mix) {
        self.0
            .push_str("<figure class=\"mix\"><figcaption>Role mix</figcaption>");
        svg::mix_bar(self.0, person, mix);
        svg::legend(self.0, mix);
        self.0.push_str("</figure>\n");
    }

    fn workload(&mut self, t: &TeamReview) {
        self.0.push_str(
            "<table>\n<thead><tr><th scope=\"col\">Person</th>\
             <th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Hours</th>\
             <th scope=\"col\" class=\"num\">Capacity</th><th scope=\"col\" class=\"num\">Load</th>\
             <th scope=\"col\">Best fit</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n",
        );
        for w in t.shown() {
            let best = w.best_fit.map_or_else(
                || "–".to_owned(),
                |b| {
                    if w.fits {
                        esc(b)
                    } else {
                        format!("{} <span class=\"flag\">⚠ not the title</span>", esc(b))
                    }
                },
            );
            let over = w.mix.load.is_some_and(|l| l > 1.0);
            let _ = writeln!(
                self.0,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}{}</td><td>{best}</td><td class=\"nowrap\">{}</td></tr>",
                esc(w.person),
                esc(&w.role),
                hours(w.mix.hours),
                hours(w.mix.capacity),
                load(w.mix.load),
                if over {
                    " <span class=\"flag\">⚠</span>"
                } else {
                    ""
                },
                esc(&words::counts_cell(w.findings))
            );
        }
        self.0.push_str("</tbody>\n</table>\n");
    }

    fn has_team_mix(&self, t: &TeamReview) -> bool {
        t.workload.iter().any(|w| w.mix.hours > 0.0)
    }

    /// A bar and a legend a person.
    fn team_mix(&mut self, t: &TeamReview) {
        for w in t.shown() {
            let _ = write!(
                self.0,
                "<figure class=\"mix\"><figcaption>{} <span class=\"legend\">· {}</span></figcaption>",
                esc(w.person),
                esc(&w.role)
            );
            svg::mix_bar(self.0, w.person, &w.mix);
            svg::legend(self.0, &w.mix);
            self.0.push_str("</figure>\n");
        }
    }

    /// A role is written once, spanning its categories (rows come grouped by role). Gaps are
    /// marked by class as well as by symbol.
    fn coverage_table(&mut self, c: &CoverageMatrix, per_person: bool) {
        self.0.push_str(
            "<table>\n<thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Core category</th>",
        );
        if per_person {
            for p in &c.people {
                let _ = write!(self.0, "<th scope=\"col\" class=\"mark\">{}</th>", esc(p));
            }
        }
        self.0.push_str(
            "<th scope=\"col\" class=\"num\">People</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n",
        );
        for (i, r) in c.rows.iter().enumerate() {
            let gap = r.status == CoverageStatus::Gap;
            let _ = write!(self.0, "<tr{}>", if gap { " class=\"gap\"" } else { "" });
            if i == 0 || c.rows[i - 1].role != r.role {
                let span = c.rows[i..].iter().take_while(|o| o.role == r.role).count();
                let _ = write!(
                    self.0,
                    "<th scope=\"rowgroup\" class=\"role\" rowspan=\"{span}\">{}</th>",
                    esc(r.role)
                );
            }
            let _ = write!(self.0, "<th scope=\"row\">{}</th>", esc(r.title));
            if per_person {
                for &on in &r.cells {
                    self.0.push_str(if on {
                        "<td class=\"mark yes\">✓<span class=\"sr\"> yes</span></td>"
                    } else {
                        "<td class=\"mark no\">·<span class=\"sr\"> no</span></td>"
                    });
                }
            }
            let _ = write!(
                self.0,
                "<td class=\"num\">{}</td>",
                count(r.covered_by.len())
            );
            self.0.push_str(match r.status {
                CoverageStatus::Covered => "<td class=\"covered\">✓ covered</td>",
                CoverageStatus::Gap => "<td class=\"gap\">✗ gap</td>",
                CoverageStatus::AcceptedGap => "<td class=\"accepted\">✗ gap (accepted)</td>",
            });
            self.0.push_str("</tr>\n");
        }
        self.0.push_str("</tbody>\n</table>\n");
    }

    /// The duties' split as a bar, with a legend that gives each share's duties.
    fn shares(&mut self, r: &OfferReply) {
        let names: Vec<String> = r.shares.iter().map(words::share_label).collect();
        self.0
            .push_str("<figure class=\"mix\"><figcaption>Duties by role</figcaption>");
        svg::share_bar(self.0, r.title.unwrap_or("the offer"), &r.shares, &names);
        self.0.push_str("<ul class=\"mix-legend\">");
        for (s, name) in r.shares.iter().zip(&names) {
            let n = if (s.lines - 1.0).abs() < 0.01 {
                "duty"
            } else {
                "duties"
            };
            let _ = write!(
                self.0,
                "<li><span class=\"swatch\" style=\"background:{}\"></span>{} {} ({} {n})</li>",
                svg::fill(s.is_shared(), s.slot),
                esc(name),
                percent(s.share),
                words::lines(s.lines)
            );
        }
        self.0.push_str("</ul></figure>\n");
    }

    /// A gathering a list item: a badge, its head and count, everyone it is about (a list
    /// shown inline, comma-separated by the style sheet), and its first finding's words.
    fn finding_clusters(&mut self, severity: Severity, clusters: &[Cluster]) {
        let class = severity.as_str();
        self.0.push_str("<ul class=\"findings\">\n");
        for c in clusters {
            let _ = write!(
                self.0,
                "<li class=\"{class}\"><span class=\"badge\">{} {}</span><strong>{}</strong> ({}) ",
                words::symbol(severity),
                badge_word(severity),
                esc(&c.head),
                words::findings_count(c.findings)
            );
            if c.people.is_empty() {
                self.0.push_str("about the team");
            } else {
                self.0.push_str("<ul class=\"who\">");
                for p in &c.people {
                    let _ = write!(self.0, "<li>{}</li>", esc(p));
                }
                self.0.push_str("</ul>");
            }
            let _ = writeln!(
                self.0,
                "\n<p>For example: {} {}</p></li>",
                esc(&crate::analysis::sentence(&c.example.message)),
                esc(&c.example.explanation)
            );
        }
        self.0.push_str("</ul>\n");
    }

    /// Each finding with a badge (symbol and word, for greyscale print) and its explanation.
    fn findings_list(&mut self, severity: Severity, findings: &[FindingJson]) {
        let class = severity.as_str();
        self.0.push_str("<ul class=\"findings\">\n");
        for f in findings {
            let _ = writeln!(
                self.0,
                "<li class=\"{class}\"><span class=\"badge\">{} {}</span><strong>{}</strong>: {}\n<p>{}</p></li>",
                words::symbol(severity),
                badge_word(severity),
                esc(&words::finding_head(f)),
                esc(&f.message),
                esc(&f.explanation)
            );
        }
        self.0.push_str("</ul>\n");
    }
}

fn badge_word(s: Severity) -> &'static str {
    s.as_str()
}
