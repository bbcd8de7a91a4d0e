//! The plain-text work before the learned models read a posting: HTML remnants decoded, lines
//! split, bullets and numbering stripped, hard-wrapped bullets joined, prose cut into
//! sentences, and a line listing duties cut at ";". Also the two facts the reader takes from the
//! text's words rather than from a model: the title line ("Job title: X", or one of the first
//! lines naming a role) and the hours a week offered.
//!
//! Pure text work: it knows no catalog. The title is recognised through a callback, so the
//! catalog's aliases stay the only source of what a title is.

use super::config::MatchingConfig;
use super::normalize::words;

/// The title line and the hours a week of a posting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The line that gives the job title, if one of the first lines does.
    pub title: Option<String>,
    /// The hours a week the posting offers, if it says ("20 h/week"): the first such mention.
    pub hours_per_week: Option<f64>,
}

/// How many of a text's first lines may name its title.
pub(super) const TITLE_LINES: usize = 5;
/// The most words a line naming the title has.
pub(super) const TITLE_WORDS: usize = 12;
/// Working days in a week and weeks in a year, to read hours a day or a month as a week's.
const DAYS_A_WEEK: f64 = 5.0;
const WEEKS_A_YEAR: f64 = 52.0;

/// One line after cleaning.
pub(super) struct Line {
    pub(super) text: String,
    /// It started with a bullet or a number.
    pub(super) marked: bool,
    /// It was a Markdown heading or ends with ":".
    pub(super) heading_like: bool,
}

/// The words the title and hours are found by, pre-normalised.
#[derive(Debug, Clone)]
pub struct Extractor {
    title_prefixes: Vec<String>,
    hour_units: Vec<String>,
    weeks: Vec<String>,
    days: Vec<String>,
    months: Vec<String>,
    max_hours: f64,
}

impl Extractor {
    pub fn new(config: &MatchingConfig) -> Extractor {
        let norm = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| plain(s))
                .filter(|s| !s.is_empty())
                .collect()
        };
        Extractor {
            hour_units: norm(&config.hours_per_week.units),
            weeks: norm(&config.hours_per_week.weeks),
            days: norm(&config.hours_per_week.days),
            months: norm(&config.hours_per_week.months),
            max_hours: config.hours_per_week.max,
            title_prefixes: norm(&config.titles.prefixes),
        }
    }

    /// The title line and the hours a week of `text`. `is_title` says whether a short line
    /// names a job title (the catalog's aliases decide); only an unbulleted line among the
    /// first few can be the title.
    pub fn extract(&self, text: &str, is_title: &dyn Fn(&str) -> bool) -> Extracted {
        let lines = text_lines(text);
        Extracted {
            title: lines
                .iter()
                .take(TITLE_LINES)
                .filter(|l| !l.marked)
                .find_map(|l| self.title_of(&l.text, is_title)),
            hours_per_week: lines.iter().find_map(|l| self.hours_in(&l.text)),
        }
    }

    /// The title named by a line: "Job title: X" (or "Vaga – X": a label of
    /// `titles.prefixes`, then a colon or a dash), or a short line that names a role. A
    /// question names no title ("Looking to add Community Manager experience to your
    /// résumé?"): it asks the reader something.
    fn title_of(&self, text: &str, is_title: &dyn Fn(&str) -> bool) -> Option<String> {
        for cut in [":", " - ", " – ", " — "] {
            if let Some((head, rest)) = text.split_once(cut) {
                let rest = rest.trim();
                if self.title_prefixes.contains(&plain(head)) && !rest.is_empty() {
                    return Some(rest.to_owned());
                }
            }
        }
        let n = words(text).count();
        (n > 0 && n <= TITLE_WORDS && !text.ends_with('.') && !text.contains('?') && is_title(text))
            .then(|| text.to_owned())
    }

    /// "20h/week", "15 hours a week", "15–20 horas semanales" (the upper end of a range): a
    /// number, a unit of hours right after it, and a word for the week within three words.
    fn hours_in(&self, text: &str) -> Option<f64> {
        let tokens = number_and_word_tokens(text);
        tokens.iter().enumerate().find_map(|(i, t)| {
            let hours: f64 = t.replace(',', ".").parse().ok()?;
            let unit = tokens.get(i + 1)?;
            if !self.hour_units.contains(unit) || hours <= 0.0 {
                return None;
            }
            // The period within three words: a week, a day (five a week) or a month.
            let per_week = tokens.iter().skip(i + 2).take(3).find_map(|w| {
                if self.weeks.contains(w) {
                    Some(hours)
                } else if self.days.contains(w) {
                    Some(hours * DAYS_A_WEEK)
                } else if self.months.contains(w) {
                    Some(hours * 12.0 / WEEKS_A_YEAR)
                } else {
                    None
                }
            })?;
            // To a tenth of an hour: "60 horas mensuales" is 13.8 h a week.
            let per_week = (per_week * 10.0).round() / 10.0;
            (per_week <= self.max_hours).then_some(per_week)
        })
    }
}

/// Whether a line holds at least as many numbers as words: a date ("19 Dezembro 2024") or a
/// reference ("Aviso (extrato) n.º 120/2026/2"), which heads a notice but names no job.
pub(super) fn mostly_numbers(text: &str) -> bool {
    let (mut numbers, mut words) = (0usize, 0usize);
    for t in text.split(|c: char| !c.is_alphanumeric()) {
        if t.chars().any(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if t.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
        }
    }
    numbers > 0 && numbers >= words
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

/// The least number of characters of a line that a hard wrap may have ended: a plain-text
/// e-mail or a PDF wraps its paragraphs at 60 to 80 characters, while an unbulleted list's
/// items ("plan the calendar") are short, and are not joined.
const WRAPPED_LINE_MIN_CHARS: usize = 50;

/// The lines of a pasted text, each cleaned once ([`clean`]): HTML decoded, inline bullets
/// split, paragraphs that a plain-text e-mail or a PDF copy wrapped joined again ("… The person
/// would" / "post on our Instagram …"), and hard-wrapped bullets joined
/// ([`join_continuations`]). A line continues a paragraph when neither it nor the line before
/// has a bullet, number or heading mark, the line before is long enough to have been wrapped
/// ([`WRAPPED_LINE_MIN_CHARS`]) and ends no sentence, no blank line stands between them, and
/// it starts with a lower-case word.
pub(super) fn text_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut joinable = false;
    for raw in split_lines(&decode_html(text)) {
        let Some(line) = clean(&raw) else {
            // A blank line ends a paragraph.
            joinable = false;
            continue;
        };
        let plain = !line.marked && !line.heading_like;
        if joinable
            && plain
            && starts_with_a_word(&line.text)
            && let Some(prev) = lines.last_mut()
        {
            prev.text.push(' ');
            prev.text.push_str(&line.text);
        } else {
            lines.push(line);
        }
        joinable = plain
            && lines.last().is_some_and(|l| {
                l.text.chars().count() >= WRAPPED_LINE_MIN_CHARS
                    && !l.text.ends_with(['.', '!', '?', ':', ';'])
            });
    }
    join_continuations(lines)
}

/// Whether `text` starts with a lower-case word, as the rest of a wrapped sentence does (not
/// with a link such as "https://…", which a title or a sign-off is often followed by).
fn starts_with_a_word(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| c.is_ascii_punctuation());
    first.chars().next().is_some_and(char::is_lowercase)
        && first
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
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
    let unmarked = without_marks(&s);
    let marked = unmarked.len() < s.trim_start().len();
    let s = unmarked.to_owned();
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
        text,
        marked,
        heading_like,
    })
}

/// A line without the bullets and numbers that open it ("• ", "- ", "1. ", "(b) ", "iv. "), as
/// the reader takes them off, and without the space before its text.
pub fn without_marks(raw: &str) -> &str {
    let mut t = raw.trim_start();
    while let Some(rest) = strip_bullet(t).or_else(|| strip_number(t)) {
        t = rest.trim_start();
    }
    t
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

/// The sentences of a line of prose: split after ".", "!" or "?" where the next word starts
/// with a capital letter or a digit and the sentence so far has three words or more (so
/// "e.g. Discord" and "Dr. Who" stay whole), and never inside brackets ("Evangelist (Paid!
/// Part Time, Fall)" is one title).
pub(super) fn sentences(text: &str) -> Vec<String> {
    // Most lines hold no ".", "!" or "?" before a space: one sentence, with no pass over their
    // characters (every line is cut so, some twice).
    let ends_a_sentence = |w: &[u8]| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ';
    if !text.as_bytes().windows(2).any(ends_a_sentence) {
        let whole = text.trim();
        return if whole.is_empty() {
            Vec::new()
        } else {
            vec![whole.to_owned()]
        };
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            // Only a bracket that closes later on the line: a stray "(" leaves the rest alone.
            '(' if text[i..].contains(')') => depth += 1,
            '[' if text[i..].contains(']') => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || !matches!(c, '.' | '!' | '?') {
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

#[cfg(test)]
mod tests {
    #[test]
    fn sentences_end_outside_brackets_only() {
        assert_eq!(
            super::sentences("Community Evangelist (Paid! Part Time, Fall)"),
            ["Community Evangelist (Paid! Part Time, Fall)"]
        );
        assert_eq!(
            super::sentences("Run our forum (daily). Plan the meetups. Write the newsletter."),
            [
                "Run our forum (daily).",
                "Plan the meetups.",
                "Write the newsletter."
            ]
        );
        // A bracket that never closes does not hold the rest of the line together.
        assert_eq!(
            super::sentences("Run our forum (daily! Plan the meetups every month."),
            ["Run our forum (daily!", "Plan the meetups every month."]
        );
    }

    fn wrapped(text: &str) -> Vec<String> {
        super::text_lines(text)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn a_paragraph_a_plain_text_email_wrapped_is_one_line_again() {
        let text = "We are a small bakery in Leeds and we would love some help. The person would\n\
                    post on our Instagram three times a week, answer messages from customers\n\
                    and run a monthly tasting evening. It is about 10 hours a week.\n";
        assert_eq!(
            wrapped(text),
            [
                "We are a small bakery in Leeds and we would love some help. The person would \
              post on our Instagram three times a week, answer messages from customers \
              and run a monthly tasting evening. It is about 10 hours a week."
            ]
        );
    }

    #[test]
    fn lines_that_were_never_wrapped_stay_apart() {
        // Short unbulleted items, a line that ends a sentence, a line starting with a capital,
        // a blank line between paragraphs, bullets and headings.
        for text in [
            "plan the content calendar\nwrite captions for every post\n",
            "We are a small bakery in Leeds and we would love some help this spring.\n\
             post on our Instagram\n",
            "We are a small bakery in Leeds and we would love some help this spring\n\
             Post on our Instagram\n",
            "We are a small bakery in Leeds and we would love some help this spring\n\n\
             post on our Instagram\n",
            "- Schedule and publish posts on our Instagram and TikTok accounts every\n\
             - reply to comments\n",
            "## What you will do as our new community manager in the Leeds shop\n\
             welcome new members\n",
            "Social Media Engagement Evangelist (Paid! Part Time, Fall) for our team\n\
             https://example.org/jobs/42\n",
        ] {
            let lines = wrapped(text);
            assert_eq!(lines.len(), 2, "{text:?} gave {lines:?}");
        }
    }

    #[test]
    fn dates_and_references_are_mostly_numbers() {
        for line in [
            "19 Dezembro 2024",
            "Aviso (extrato) n.º 120/2026/2",
            "2024-03-01",
        ] {
            assert!(super::mostly_numbers(line), "{line}");
        }
        for line in [
            "1718 Social Media Coordinator",
            "Community Manager (20h/week)",
            "Community Manager",
            "Nov. 2024: Poste à temps partiel en communications",
        ] {
            assert!(!super::mostly_numbers(line), "{line}");
        }
    }
}
