//! Finding the duty lines in a pasted posting: HTML remnants decoded, bullets and numbering
//! stripped, section headings followed ("Responsibilities" opens duties, "Requirements" and
//! "Benefits" open text that is ignored), several duties on one line split at ";".
//!
//! Pure text work: it knows no catalog. The title is recognised through a callback, so the
//! catalog's aliases stay the only source of what a title is.

use super::config::MatchingConfig;
use super::facts::Facts;
use super::normalize::words;

/// A posting cut into its parts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The line that gives the job title, if one was found.
    pub title: Option<String>,
    /// Duty lines, cleaned of bullets and markup, in text order.
    pub duties: Vec<Duty>,
    /// Non-empty lines that were not taken as duties (headings, company text, requirements,
    /// benefits), cleaned the same way, so the user can see what was left out.
    pub ignored: Vec<String>,
    /// The text is prose (an e-mail, a paragraph), not a list: its duties are sentences, and a
    /// sentence that matches no task is narrative rather than a duty nobody could place.
    pub prose: bool,
    /// The hours a week the posting offers, if it says ("20 h/week"): the first such mention.
    pub hours_per_week: Option<f64>,
}

/// One duty and how much it counts in the verdict: 1 for a line of the posting, 1/n for each
/// of n duties split from one line at ";" (the author wrote them as one item).
#[derive(Debug, Clone, PartialEq)]
pub struct Duty {
    pub text: String,
    pub weight: f64,
}

/// Words of a duty line beyond which the rest is kept as text but not matched.
pub const MAX_LINE_CHARS: usize = 2_000;

/// What kind of block a line sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before any heading, or under a heading we do not know.
    None,
    Duties,
    Other,
}

/// One line after cleaning.
pub(super) struct Line {
    pub(super) text: String,
    /// The text's words, lower-cased and joined by single spaces: what cues are compared with.
    pub(super) plain: String,
    /// It started with a bullet or a number.
    pub(super) marked: bool,
    /// It was a Markdown heading or ends with ":".
    pub(super) heading_like: bool,
}

/// Word lists the extractor uses, pre-normalised.
#[derive(Debug, Clone)]
pub struct Extractor {
    duty_headings: Vec<String>,
    other_headings: Vec<String>,
    not_duty: Vec<String>,
    not_duty_openers: Vec<String>,
    blurb_openers: Vec<String>,
    greetings: Vec<String>,
    sign_offs: Vec<String>,
    title_prefixes: Vec<String>,
    hour_units: Vec<String>,
    weeks: Vec<String>,
    duty_joiners: Vec<String>,
    duty_verbs: Vec<String>,
    max_hours: f64,
    /// A line stating the pay is no duty.
    facts: Facts,
}

impl Extractor {
    pub fn new(config: &MatchingConfig) -> Extractor {
        let norm = |v: &[String]| -> Vec<String> {
            let mut out: Vec<String> = v
                .iter()
                .map(|s| plain(s))
                .filter(|s| !s.is_empty())
                .collect();
            // Longest first, so "about the role" wins over "about".
            out.sort_by_key(|s| std::cmp::Reverse(s.len()));
            out
        };
        Extractor {
            duty_headings: norm(&config.sections.duties),
            other_headings: norm(&config.sections.other),
            not_duty: padded(norm(&config.not_duty_cues), " ", " "),
            not_duty_openers: padded(norm(&config.not_duty_openers), "", " "),
            blurb_openers: padded(norm(&config.blurb_openers), "", " "),
            greetings: padded(norm(&config.letter.greetings), "", " "),
            sign_offs: padded(norm(&config.letter.sign_offs), "", " "),
            hour_units: norm(&config.hours_per_week.units),
            weeks: norm(&config.hours_per_week.weeks),
            // " and ", " & ": a joiner as it stands between two duties.
            duty_joiners: config
                .second_duty
                .joiners
                .iter()
                .map(|j| format!(" {} ", j.trim()))
                .collect(),
            duty_verbs: norm(&config.second_duty.verbs),
            max_hours: config.hours_per_week.max,
            title_prefixes: norm(&config.titles.prefixes),
            facts: Facts::new(config),
        }
    }

    /// Cuts `text` into title, duties and ignored lines. `is_title` says whether a short line
    /// names a job title (the catalog's aliases decide).
    pub fn extract(&self, text: &str, is_title: &dyn Fn(&str) -> bool) -> Extracted {
        let lines = join_continuations(
            split_lines(&decode_html(text))
                .iter()
                .filter_map(|raw| clean(raw))
                .collect(),
        );
        let headings: Vec<Option<Section>> = lines.iter().map(|l| self.heading(l)).collect();
        let any_marked = lines.iter().any(|l| l.marked);
        let any_duty_heading = headings.contains(&Some(Section::Duties));
        // No bullets and no headings, and some line holds several sentences: an e-mail or a
        // paragraph, read sentence by sentence.
        let prose =
            !any_marked && !any_duty_heading && lines.iter().any(|l| sentences(&l.text).len() > 1);
        let mut out = Extracted {
            prose,
            hours_per_week: lines.iter().find_map(|l| self.hours_in(&l.text)),
            ..Extracted::default()
        };
        // When the duties sections use bullets, the bullets are the duties and a paragraph
        // beside them ("About the role: we're looking for someone who…") is the blurb; a short
        // line without a bullet ("Host AMAs") is still a duty.
        let bulleted_duties = {
            let mut section = Section::None;
            lines.iter().zip(&headings).any(|(l, h)| {
                if let Some(s) = h {
                    section = *s;
                }
                section == Section::Duties && l.marked
            })
        };
        let mut section = Section::None;
        let mut signed_off = false;
        for (i, line) in lines.iter().enumerate() {
            if signed_off {
                out.ignored.push(line.text.clone());
                continue;
            }
            if out.title.is_none()
                && i < 5
                && !line.marked
                && let Some(t) = self.title_of(&line.text, is_title)
            {
                out.title = Some(t);
                out.ignored.push(line.text.clone());
                continue;
            }
            if let Some(s) = headings[i] {
                section = s;
                out.ignored.push(line.text.clone());
                continue;
            }
            if !line.marked && self.sign_off(&line.text, &line.plain) {
                signed_off = true;
                out.ignored.push(line.text.clone());
                continue;
            }
            let duty = !line.heading_like
                && !self.label(&line.text)
                // In prose, each sentence is checked on its own below.
                && (prose || !self.facts.is_fact_line(&line.text))
                && !self.not_duty(&line.plain)
                && (line.marked || !self.greeting(&line.plain))
                && match section {
                    Section::Duties => {
                        line.marked || !bulleted_duties || !reads_as_prose(&line.text)
                    }
                    Section::Other => false,
                    // With a duties heading somewhere, text before it is the company's blurb;
                    // without one, bullets are the duties (prose around them is blurb), and a
                    // text with no bullets at all is a plain list of duties.
                    Section::None => {
                        !any_duty_heading
                            && (line.marked || !any_marked)
                            && !opens_with(&self.blurb_openers, &line.plain)
                    }
                };
            if !duty {
                out.ignored.push(line.text.clone());
            } else if prose {
                for sentence in sentences(&line.text) {
                    let p = plain(&sentence);
                    if self.greeting(&p) || self.not_duty(&p) || self.facts.is_fact_line(&sentence)
                    {
                        out.ignored.push(sentence);
                    } else {
                        out.duties.push(Duty {
                            text: sentence,
                            weight: 1.0,
                        });
                    }
                }
            } else {
                let parts: Vec<String> = split_duties(&line.text)
                    .iter()
                    .flat_map(|p| self.split_at_verbs(p))
                    .collect();
                let weight = 1.0 / parts.len() as f64;
                out.duties
                    .extend(parts.into_iter().map(|text| Duty { text, weight }));
            }
        }
        out
    }

    /// The section a heading line opens, if it is one.
    fn heading(&self, line: &Line) -> Option<Section> {
        let p = &line.plain;
        let n = p.split(' ').count();
        if p.is_empty() || n > 8 || (line.marked && !line.heading_like) {
            return None;
        }
        let starts = |h: &String| {
            *p == *h || (p.starts_with(h.as_str()) && p.as_bytes().get(h.len()) == Some(&b' '))
        };
        let found = |list: &[String]| list.iter().find(|h| starts(h)).map(String::len);
        // A known heading word for word is a heading at any length ("What we're looking for"
        // without its colon); one that only starts like a heading must look like one.
        let exact = self.duty_headings.contains(p) || self.other_headings.contains(p);
        let strict = exact || line.heading_like || n <= 4;
        match (found(&self.duty_headings), found(&self.other_headings)) {
            (Some(d), Some(o)) if strict => Some(if d >= o {
                Section::Duties
            } else {
                Section::Other
            }),
            (Some(_), None) if strict => Some(Section::Duties),
            (None, Some(_)) if strict => Some(Section::Other),
            // An unknown heading ("Moderation:", "Our stack:") is a sub-heading: the block
            // goes on, and the heading itself is not a duty.
            _ => None,
        }
    }

    /// The title named by a line: "Job title: X", or a short line that names a role.
    fn title_of(&self, text: &str, is_title: &dyn Fn(&str) -> bool) -> Option<String> {
        if let Some((head, rest)) = text.split_once(':') {
            let rest = rest.trim();
            if self.title_prefixes.contains(&plain(head)) && !rest.is_empty() {
                return Some(rest.to_owned());
            }
        }
        let n = words(text).count();
        (n > 0 && n <= 12 && !text.ends_with('.') && is_title(text)).then(|| text.to_owned())
    }

    /// "20h/week", "15 hours a week", "15–20 horas semanales" (the upper end of a range): a
    /// number, a unit of hours right after it, and a word for the week within three words.
    fn hours_in(&self, text: &str) -> Option<f64> {
        let tokens = number_and_word_tokens(text);
        tokens.iter().enumerate().find_map(|(i, t)| {
            let hours: f64 = t.replace(',', ".").parse().ok()?;
            let unit = tokens.get(i + 1)?;
            let week = tokens
                .iter()
                .skip(i + 2)
                .take(3)
                .any(|w| self.weeks.contains(w));
            (self.hour_units.contains(unit) && week && hours > 0.0 && hours <= self.max_hours)
                .then_some(hours)
        })
    }

    /// "Grow our follower base and increase brand awareness": two duties, where a joiner
    /// ("and") is followed by one of the duty verbs and each side has three words or more.
    /// "Collect feedback and bring it to the product team" stays one ("bring" is no duty of its
    /// own).
    fn split_at_verbs(&self, text: &str) -> Vec<String> {
        let mut parts = Vec::new();
        let mut rest = text;
        loop {
            let mut joins: Vec<(usize, usize)> = self
                .duty_joiners
                .iter()
                .flat_map(|j| {
                    rest.match_indices(j.as_str())
                        .map(|(i, _)| (i, i + j.len()))
                })
                .collect();
            joins.sort_unstable();
            let Some((left, right)) = joins
                .into_iter()
                .map(|(start, end)| (&rest[..start], &rest[end..]))
                .find(|(left, right)| {
                    let next = words(right).next().unwrap_or_default();
                    words(left).count() >= 3
                        && words(right).count() >= 3
                        && self.duty_verbs.contains(&next)
                })
            else {
                break;
            };
            parts.push(left.trim_end_matches(',').trim().to_owned());
            rest = right;
        }
        parts.push(rest.trim().to_owned());
        parts
    }

    /// A requirement, benefit or company fact, wherever it stands (`p`: a line's plain form).
    fn not_duty(&self, p: &str) -> bool {
        let padded = format!(" {p} ");
        self.not_duty.iter().any(|c| padded.contains(c.as_str()))
            || opens_with(&self.not_duty_openers, p)
    }

    /// "Rate: €25/h", "Must have: a laptop": a label of the non-duty kind with its value.
    fn label(&self, text: &str) -> bool {
        text.split_once(':').is_some_and(|(head, rest)| {
            !rest.trim().is_empty() && self.other_headings.contains(&plain(head))
        })
    }

    /// "Hi Laura,", "Thanks for the chat last week!": a short line opening a letter (`p`: its
    /// plain form).
    fn greeting(&self, p: &str) -> bool {
        p.split(' ').count() <= 8 && opens_with(&self.greetings, p)
    }

    /// "Best,", "Kind regards": the letter ends, and what follows is its signature.
    fn sign_off(&self, text: &str, p: &str) -> bool {
        self.sign_offs.contains(&format!("{p} "))
            || (text.trim_end().ends_with(',')
                && p.split(' ').count() <= 3
                && opens_with(&self.sign_offs, p))
    }
}

/// Whether a line's plain form `p` starts with one of `openers` (normalised phrases followed
/// by a space, see [`padded`]), word for word.
fn opens_with(openers: &[String], p: &str) -> bool {
    let p = format!("{p} ");
    openers.iter().any(|c| p.starts_with(c.as_str()))
}

/// Phrases with `before` and `after` around them, so comparing with a line's words (padded the
/// same way) matches whole words only, without a new string per phrase and line.
fn padded(phrases: Vec<String>, before: &str, after: &str) -> Vec<String> {
    phrases
        .into_iter()
        .map(|p| format!("{before}{p}{after}"))
        .collect()
}

/// Runs of digits (with a decimal point or comma inside) and runs of letters, lower-cased:
/// "20h/week" gives "20", "h", "week".
fn number_and_word_tokens(text: &str) -> Vec<String> {
    #[derive(PartialEq)]
    enum Kind {
        Digit,
        Letter,
        Other,
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_kind = Kind::Other;
    for (k, &c) in chars.iter().enumerate() {
        let kind = if c.is_ascii_digit()
            || (matches!(c, '.' | ',')
                && current_kind == Kind::Digit
                && chars.get(k + 1).is_some_and(char::is_ascii_digit))
        {
            Kind::Digit
        } else if c.is_alphabetic() {
            Kind::Letter
        } else {
            Kind::Other
        };
        if kind != current_kind && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if kind != Kind::Other {
            current.extend(c.to_lowercase());
        }
        current_kind = kind;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Lower-cased words joined by single spaces: the form headings and cues are compared in.
fn plain(s: &str) -> String {
    words(s).collect::<Vec<_>>().join(" ")
}

/// Lines of the text; a line holding several inline bullets ("a • b • c") gives one line each.
pub(super) fn split_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let parts: Vec<&str> = line.split(" • ").collect();
        if parts.len() > 2 || (parts.len() == 2 && !parts[0].trim().is_empty()) {
            // Every part is a bullet point, the first one included.
            out.extend(
                parts
                    .iter()
                    .map(|p| format!("• {}", p.trim_start_matches('•').trim())),
            );
        } else {
            out.push(line.to_owned());
        }
    }
    out
}

/// Joins the lines that continue a bullet point: a hard-wrapped bullet, or a `<br>` inside an
/// `<li>`. A continuation starts with a lower-case letter, has no bullet of its own, and
/// follows a bullet whose text does not end a sentence.
pub(super) fn join_continuations(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(prev) = out.last_mut()
            && prev.marked
            && !prev.heading_like
            && !line.marked
            && !line.heading_like
            && line.text.chars().next().is_some_and(char::is_lowercase)
            && !prev.text.ends_with(['.', '!', '?', ':'])
        {
            prev.text.push(' ');
            prev.text.push_str(&line.text);
            prev.plain.push(' ');
            prev.plain.push_str(&line.plain);
            continue;
        }
        out.push(line);
    }
    out
}

/// Characters that open a bullet point in the wild (Markdown, Word, PDFs, other languages).
const BULLETS: &[char] = &[
    '•', '·', '▪', '▫', '◦', '‣', '⁃', '○', '●', '■', '□', '◆', '◇', '➢', '➤', '►', '▶', '▸', '✓',
    '✔', '☐', '☑', '✗', '→', '⇒', '*', '+', '-', '–', '—', '~', '>', '・', '※', '◎', '★', '☆',
    '\u{f0b7}', '\u{f0a7}',
];

/// Strips markup, bullets and numbering from one raw line; `None` for an empty one.
pub(super) fn clean(raw: &str) -> Option<Line> {
    let mut s = raw.trim().replace('\t', " ");
    let mut heading_like = false;
    if s.starts_with('#') {
        s = s.trim_start_matches('#').trim().to_owned();
        heading_like = true;
    }
    let mut marked = false;
    loop {
        let t = s.trim_start();
        if let Some(rest) = strip_bullet(t).or_else(|| strip_number(t)) {
            s = rest.trim_start().to_owned();
            marked = true;
        } else {
            break;
        }
    }
    // Markdown emphasis and checkboxes.
    let s = s.replace("**", "").replace("__", "");
    let s = s
        .strip_prefix("[ ] ")
        .or_else(|| s.strip_prefix("[x] "))
        .unwrap_or(&s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !s.chars().any(char::is_alphanumeric) {
        return None;
    }
    if s.ends_with(':') {
        heading_like = true;
    }
    let text = s.trim_end_matches(':').trim().to_owned();
    Some(Line {
        plain: plain(&text),
        text,
        marked,
        heading_like,
    })
}

fn strip_bullet(t: &str) -> Option<&str> {
    let c = t.chars().next()?;
    if !BULLETS.contains(&c) {
        return None;
    }
    let rest = &t[c.len_utf8()..];
    // ASCII marks need a space after them ("-5% churn" and "*args" are not bullets); the
    // typographic bullets do not.
    if c.is_ascii() || c == '–' || c == '—' {
        (rest.starts_with(' ') || rest.is_empty()).then_some(rest)
    } else {
        Some(rest)
    }
}

/// "1." "1)" "(1)" "a)" "b." "iv)" followed by a space.
fn strip_number(t: &str) -> Option<&str> {
    let body = t.strip_prefix('(').unwrap_or(t);
    let end = body.find(['.', ')'])?;
    let (label, rest) = (&body[..end], &body[end + 1..]);
    let ok = (!label.is_empty() && label.len() <= 3 && label.chars().all(|c| c.is_ascii_digit()))
        || (label.len() == 1 && label.chars().all(|c| c.is_ascii_alphabetic()))
        || (!label.is_empty()
            && label.len() <= 4
            && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    (ok && rest.starts_with(' ')).then_some(rest)
}

/// A paragraph rather than a duty: several sentences, or one long one.
fn reads_as_prose(text: &str) -> bool {
    words(text).count() >= 12 || sentences(text).len() > 1
}

/// The sentences of a line of prose: split after ".", "!" or "?" where the next word starts
/// with a capital letter or a digit and the sentence so far has three words or more (so
/// "e.g. Discord" and "Dr. Who" stay whole).
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next_is_space = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
        let then_capital = chars
            .get(k + 2)
            .is_some_and(|&(_, n)| n.is_uppercase() || n.is_ascii_digit());
        let so_far = &text[start..=i];
        if next_is_space && then_capital && words(so_far).count() >= 3 {
            out.push(so_far.trim().to_owned());
            start = i + c.len_utf8();
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        out.push(last.to_owned());
    }
    out
}

/// One line, or several when duties are joined by ";" (each part a duty of three words or
/// more; otherwise the ";" is punctuation inside one duty).
pub(super) fn split_duties(text: &str) -> Vec<String> {
    let parts: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 && parts.iter().all(|p| words(p).count() >= 3) {
        parts.into_iter().map(str::to_owned).collect()
    } else {
        vec![text.to_owned()]
    }
}

/// Replaces the HTML a posting copied from a web page carries: block tags become line breaks,
/// other tags go, entities are decoded.
pub fn decode_html(text: &str) -> String {
    if !text.contains('<') && !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            if let Some((len, name)) = tag(rest) {
                if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push('\n');
                    if name == "li" && !rest.starts_with("</") {
                        out.push_str("• ");
                    }
                }
                rest = &rest[len..];
            } else {
                out.push('<');
                rest = &rest[1..];
            }
        } else if let Some((len, decoded)) = entity(rest) {
            out.push_str(&decoded);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

const BLOCK_TAGS: &[&str] = &[
    "br", "p", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section",
];

/// An HTML tag at the start of `s`: its length and lower-cased name.
fn tag(s: &str) -> Option<(usize, String)> {
    let end = head(s, 400).find('>')?;
    let inner = s[1..end].trim_start_matches('/');
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let first = inner.chars().next()?;
    (first.is_ascii_alphabetic() && !name.is_empty()).then_some((end + 1, name))
}

/// At most the first `max` bytes of `s`, cut back to a character boundary (a posting's text is
/// any UTF-8: a byte count may fall inside a character such as `—`).
fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// An HTML entity at the start of `s`: its length and text.
fn entity(s: &str) -> Option<(usize, String)> {
    let end = head(s, 12).find(';')?;
    let name = &s[1..end];
    let decoded = match name {
        "amp" => "&".to_owned(),
        "lt" => "<".to_owned(),
        "gt" => ">".to_owned(),
        "quot" | "rdquo" | "ldquo" => "\"".to_owned(),
        "apos" | "rsquo" | "lsquo" => "'".to_owned(),
        "nbsp" => " ".to_owned(),
        "bull" => "•".to_owned(),
        "middot" => "·".to_owned(),
        "ndash" => "–".to_owned(),
        "mdash" => "—".to_owned(),
        "hellip" => "…".to_owned(),
        _ => {
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    name.strip_prefix('#')?.parse().ok()?
                };
            char::from_u32(code)?.to_string()
        }
    };
    Some((end + 1, decoded))
}
