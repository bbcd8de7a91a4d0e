//! Which lines of a pasted posting are duties: the text laid out in lines (and the sentences of
//! prose), each line read by a learned section model that sees its words, the heading above it
//! and its shape, and a duty line cut into the duties it lists.
//!
//! Nothing here is a word list: the model and the stems that open duties are learned from
//! labelled whole postings (`corpus/`, `examples/train_reader.rs`) and embedded as
//! `data/reader/sections.model`.

use rustc_hash::FxHashSet;

use super::config::BareListConfig;
use super::extract::{Line, clean, sentences, split_duties, text_lines};
use super::features::{Context, LineShape, Stems, Token, heads_a_block, section_names};
use super::language::Language;
use super::model::{LinearModel, ModelError};
use super::names::Names;

/// The class of the section model that marks a duty.
pub const DUTY: &str = "duty";
/// The class of the section model that marks the title line.
pub const TITLE: &str = "title";
/// The class of the section model that marks a heading ("Responsibilities", "About us").
pub const HEADING: &str = "heading";
/// The most duties one line gives: a line that lists more is a run-on text, not a list.
pub const MAX_DUTIES_PER_LINE: usize = 12;
/// The section model's class of text that is none of the others (menus, notes, stray lines).
pub const OTHER: &str = "other";
/// The model's list of stems that open a duty ("host", "gestion", "anim").
pub const OPENERS: &str = "openers";

/// One line of the laid-out text: a line of the posting, or one sentence of a line of prose.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidLine {
    pub text: String,
    /// The posting's line it comes from (cleaned of bullets and markup).
    pub source_text: String,
    /// Index of that line among the posting's lines.
    pub source: usize,
    pub marked: bool,
    pub heading_like: bool,
    /// A sentence cut out of a longer line.
    pub sentence: bool,
}

impl LaidLine {
    fn shape(&self) -> LineShape<'_> {
        LineShape {
            text: &self.text,
            marked: self.marked,
            heading_like: self.heading_like,
            sentence: self.sentence,
        }
    }
}

/// The lines of a pasted text ([`text_lines`]: HTML decoded, bullets and markup stripped,
/// wrapped paragraphs and bullets joined), and each line of several sentences cut into them.
pub fn lay_out(text: &str) -> Vec<LaidLine> {
    let lines = text_lines(text);
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        push_pieces(&line, i, &mut out);
    }
    out
}

/// The lines of a posting given line by line (the corpus): each cleaned and cut the same way,
/// with the index of the line it came from.
pub fn lay_out_lines<S: AsRef<str>>(lines: &[S]) -> Vec<LaidLine> {
    let mut out = Vec::with_capacity(lines.len());
    for (i, raw) in lines.iter().enumerate() {
        if let Some(line) = clean(raw.as_ref()) {
            push_pieces(&line, i, &mut out);
        }
    }
    out
}

fn push_pieces(line: &Line, source: usize, out: &mut Vec<LaidLine>) {
    let parts = sentences(&line.text);
    let sentence = parts.len() > 1;
    for text in parts {
        out.push(LaidLine {
            text,
            source_text: line.text.clone(),
            source,
            marked: line.marked,
            heading_like: line.heading_like,
            sentence,
        });
    }
}

/// The section model's features of every laid-out line, in order.
pub fn features_of(language: Language, stems: &Stems, lines: &[LaidLine]) -> Vec<Vec<String>> {
    names_of(language, lines, &tokens_of(stems, lines))
        .iter()
        .map(Names::to_vec)
        .collect()
}

/// Every laid-out line's tokens, in order: what both models read a line by.
pub fn tokens_of(stems: &Stems, lines: &[LaidLine]) -> Vec<Vec<Token>> {
    lines.iter().map(|line| stems.tokens(&line.text)).collect()
}

/// [`features_of`] the lines whose `tokens` are given.
fn names_of(language: Language, lines: &[LaidLine], tokens: &[Vec<Token>]) -> Vec<Names> {
    let mut heading: Option<Vec<String>> = None;
    let mut out = Vec::with_capacity(lines.len());
    for (i, (line, tokens)) in lines.iter().zip(tokens).enumerate() {
        let context = Context {
            heading: heading.as_deref(),
            index: i,
            count: lines.len(),
            prev_marked: i > 0 && lines[i - 1].marked,
            next_marked: lines.get(i + 1).is_some_and(|l| l.marked),
        };
        let shape = line.shape();
        let mut names = Names::new();
        section_names(language, &shape, tokens, &context, &mut names);
        out.push(names);
        if heads_a_block(&shape) {
            heading = Some(tokens.iter().map(|t| t.stem.clone()).collect());
        }
    }
    out
}

/// Each line's block: the lines under one heading share a block, and a line that can head the
/// lines after it starts a new one.
pub fn blocks_of(lines: &[LaidLine]) -> Vec<usize> {
    let mut block = 0;
    lines
        .iter()
        .map(|line| {
            if heads_a_block(&line.shape()) {
                block += 1;
            }
            block
        })
        .collect()
}

/// The second pass's extra features of every line, from the first pass's probabilities: the
/// most likely section of the line, of the lines before and after it, and of its block (the
/// mean over the block's lines), and how much of its block reads as duties. The lines of a
/// posting come in runs of one section, so "Run giveaways" amid duties is read as one.
pub fn context_features(
    first: &[Vec<f64>],
    classes: &[String],
    blocks: &[usize],
) -> Vec<Vec<String>> {
    let best = |p: &[f64]| {
        (0..p.len())
            .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
            .map_or("none", |c| classes[c].as_str())
    };
    let duty = classes.iter().position(|c| c == DUTY);
    let mut means: Vec<(usize, Vec<f64>, usize)> = Vec::new(); // (block, sum, count)
    for (p, &b) in first.iter().zip(blocks) {
        match means.last_mut() {
            Some((last, sum, n)) if *last == b => {
                sum.iter_mut().zip(p).for_each(|(s, v)| *s += v);
                *n += 1;
            }
            _ => means.push((b, p.clone(), 1)),
        }
    }
    let mut block_of = means.iter();
    let mut current = block_of.next();
    let mut out = Vec::with_capacity(first.len());
    for (i, &b) in blocks.iter().enumerate() {
        while current.is_some_and(|(cb, _, _)| *cb != b) {
            current = block_of.next();
        }
        let mut f = vec![
            format!("c:self:{}", best(&first[i])),
            format!(
                "c:prev:{}",
                i.checked_sub(1).map_or("none", |j| best(&first[j]))
            ),
            format!("c:next:{}", first.get(i + 1).map_or("none", |p| best(p))),
        ];
        if let Some((_, sum, n)) = current {
            f.push(format!("c:block:{}", best(sum)));
            if let Some(d) = duty {
                #[allow(
                    clippy::cast_precision_loss,
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss
                )]
                let fifth = ((sum[d] / *n as f64) * 5.0).floor().min(4.0) as usize;
                f.push(format!("c:blockduty:{fifth}"));
            }
        }
        out.push(f);
    }
    out
}

/// The learned section model, ready to read.
#[derive(Debug, Clone)]
pub struct SectionReader {
    /// The first pass: each line by its words, heading and shape.
    first: LinearModel,
    /// The second pass: the same, and the first pass's reading of the lines around it.
    model: LinearModel,
    duty: usize,
    /// The class that marks a title line, if the model has one.
    title: Option<usize>,
    /// The class that marks a heading, if the model has one.
    heading: Option<usize>,
    openers: FxHashSet<String>,
    /// The words that join two duties on one line ("and", "y", "et", "e").
    joiners: FxHashSet<String>,
    /// A line is a duty when the model gives it at least this probability.
    pub threshold: f64,
    /// A short first line that is no duty is the title from this probability of the title
    /// class.
    first_line_title_min: f64,
    /// When a run of plain lines is a list that lost its bullets ([`Self::bare_list`]).
    bare_list: BareListConfig,
}

impl SectionReader {
    pub fn new(
        first: LinearModel,
        model: LinearModel,
        threshold: f64,
        first_line_title_min: f64,
        joiners: &[String],
        bare_list: BareListConfig,
    ) -> Result<SectionReader, ModelError> {
        if first.classes != model.classes {
            return Err(ModelError {
                line: 0,
                message: "the two section models have different classes".to_owned(),
            });
        }
        let duty = model.class_index(DUTY).ok_or_else(|| ModelError {
            line: 0,
            message: format!("the section model has no `{DUTY}` class"),
        })?;
        let openers = model.extra(OPENERS).iter().cloned().collect();
        Ok(SectionReader {
            title: model.class_index(TITLE),
            heading: model.class_index(HEADING),
            first,
            model,
            duty,
            openers,
            joiners: joiners.iter().map(|j| j.to_lowercase()).collect(),
            first_line_title_min,
            threshold,
            bare_list,
        })
    }

    /// The probability that each line is a duty, and whether the first line reads as the
    /// posting's title (the model's most likely section for it). `tokens` are the lines'
    /// ([`tokens_of`]).
    pub fn duty_probabilities(
        &self,
        language: Language,
        lines: &[LaidLine],
        tokens: &[Vec<Token>],
    ) -> (Vec<f64>, bool) {
        let mut first_is_title = false;
        let mut second = self.probabilities_of(language, lines, tokens).1;
        let relaid = self.reread_bare_list(language, lines, tokens, &mut second);
        let lines = relaid.as_deref().unwrap_or(lines);
        let p = second
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                // The first line is the title when the model says so, or when it is short like a
                // heading, is no duty, and the model finds a title likely enough.
                if i == 0
                    && let Some(t) = self.title
                {
                    // A greeting ("Hi Sam,"), a question, a date or a reference number is never
                    // a title, in any language. Nor is a bulleted line: it is an item of a
                    // list. Nor is a line the model reads as a heading above all else
                    // ("Responsibilities", "About us", "Overview"): it names a section.
                    let ends_like_a_title = !lines[0].marked
                        && !lines[0].text.trim_end().ends_with([',', '!', '?', ';'])
                        && !lines[0].text.contains('?')
                        && !super::extract::mostly_numbers(&lines[0].text);
                    let a_heading = self
                        .heading
                        .is_some_and(|h| (0..p.len()).all(|c| p[c] <= p[h]));
                    first_is_title = ends_like_a_title
                        && !a_heading
                        && ((0..p.len()).all(|c| p[c] <= p[t])
                            || (heads_a_block(&lines[0].shape())
                                && p[self.duty] < self.threshold
                                && p[t] >= self.first_line_title_min));
                }
                p[self.duty]
            })
            .collect();
        (p, first_is_title)
    }

    /// The lines of a list that lost its bullets (copied from a web page, or typed bare), to be
    /// read again as bullets: the section model reads a short line with no bullet as a heading,
    /// so "Community Manager" over five bare duties gave one or two. Taken, in a text with no
    /// bullet anywhere (one that marks its lists marks them all): each run of at least
    /// `bare_list.min_lines` plain lines (no heading mark such as `#` or a closing colon, not a
    /// sentence cut from prose, no greeting, sign-off or question ending in `,` `!` `?`: "Kind
    /// regards," over a name and a job title) read as headings, duties or other text; but not
    /// a line read as a heading from `bare_list.heading_from` ("Requisitos" between the duties
    /// and the requirements stays the heading it is), and nothing unless the lines taken are at
    /// least `bare_list.min_share` of the text. In a whole posting, plain short lines are as
    /// often headings, field labels and lists of requirements or benefits: read as bullets,
    /// they gave as many lines that are no duty as duties (`examples/reader_cv.rs`).
    pub(super) fn bare_list(&self, lines: &[LaidLine], p: &[Vec<f64>]) -> Vec<usize> {
        let Some(heading) = self.heading else {
            return Vec::new();
        };
        if lines.iter().any(|l| l.marked) {
            return Vec::new();
        }
        let best = |i: usize| {
            (0..p[i].len())
                .max_by(|&a, &b| p[i][a].total_cmp(&p[i][b]).then(b.cmp(&a)))
                .unwrap_or(0)
        };
        let other = self.model.class_index(OTHER);
        let item = |i: usize| {
            let line = &lines[i];
            let class = best(i);
            !line.heading_like
                && !line.sentence
                && !line.text.trim_end().ends_with([',', '!', '?'])
                && (class == heading || class == self.duty || Some(class) == other)
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if !item(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < lines.len() && item(i) {
                i += 1;
            }
            if i - start >= self.bare_list.min_lines {
                out.extend((start..i).filter(|&j| p[j][heading] < self.bare_list.heading_from));
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let share = out.len() as f64 / lines.len().max(1) as f64;
        if share < self.bare_list.min_share {
            return Vec::new();
        }
        out
    }

    /// A list that lost its bullets ([`Self::bare_list`]) read again as the bulleted list it
    /// was: its lines' readings in `second` replaced, and the lines as read (`None`: no such
    /// list).
    fn reread_bare_list(
        &self,
        language: Language,
        lines: &[LaidLine],
        tokens: &[Vec<Token>],
        second: &mut [Vec<f64>],
    ) -> Option<Vec<LaidLine>> {
        let bare = self.bare_list(lines, second);
        if bare.is_empty() {
            return None;
        }
        let mut relaid = lines.to_vec();
        for &i in &bare {
            relaid[i].marked = true;
        }
        let reread = self.probabilities_of(language, &relaid, tokens).1;
        for &i in &bare {
            second[i].clone_from(&reread[i]);
        }
        Some(relaid)
    }

    /// Every line's probability of each class ([`Self::classes`]), after the first pass and
    /// after the second (where a list that lost its bullets is read again as bullets, as the
    /// reader reads it).
    pub fn probabilities(
        &self,
        language: Language,
        stems: &Stems,
        lines: &[LaidLine],
    ) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
        let tokens = tokens_of(stems, lines);
        let (first, mut second) = self.probabilities_of(language, lines, &tokens);
        self.reread_bare_list(language, lines, &tokens, &mut second);
        (first, second)
    }

    /// [`Self::probabilities`] of lines whose tokens are given.
    fn probabilities_of(
        &self,
        language: Language,
        lines: &[LaidLine],
        tokens: &[Vec<Token>],
    ) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
        let mut features = names_of(language, lines, tokens);
        let first: Vec<Vec<f64>> = features
            .iter()
            .map(|f| self.first.probabilities_of(&self.first.known(f.iter())))
            .collect();
        let context = context_features(&first, &self.model.classes, &blocks_of(lines));
        for (f, c) in features.iter_mut().zip(context) {
            for name in &c {
                f.push(&[name]);
            }
        }
        let second = features
            .iter()
            .map(|f| self.model.probabilities_of(&self.model.known(f.iter())))
            .collect();
        (first, second)
    }

    /// The section classes, in the order of [`Self::probabilities`].
    pub fn classes(&self) -> &[String] {
        &self.model.classes
    }

    /// The duties one duty line lists: cut at ";", and at ",", ":" or a joining word where the
    /// next clause opens with a stem that opens duties ("plan the calendar, write captions and
    /// reply to DMs" is three). A clause of one word stays with its neighbour.
    pub fn split(&self, stems: &Stems, text: &str) -> Vec<String> {
        let mut parts: Vec<String> = split_duties(text)
            .iter()
            .flat_map(|part| self.split_clauses(stems, part))
            .collect();
        // A run-on text is no list: past the bound, the rest stays one duty.
        if parts.len() > MAX_DUTIES_PER_LINE {
            let rest = parts.split_off(MAX_DUTIES_PER_LINE - 1).join(" ");
            parts.push(rest);
        }
        parts
    }

    fn split_clauses(&self, stems: &Stems, text: &str) -> Vec<String> {
        // Candidate cuts: after ", " and ": " (punctuation), and before a joining word
        // (" and ", " y ", " et ", " e "; `reader.joiners` in `data/matching.yaml`).
        // (end of the left part, start of the right part, punctuation?)
        let mut cuts: Vec<(usize, usize, bool)> = Vec::new();
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            if (c == ',' || c == ':') && bytes.get(i + 1) == Some(&b' ') {
                cuts.push((i, i + 2, true));
            } else if c == ' ' {
                let rest = &text[i + 1..];
                let word_end = rest.find(' ').unwrap_or(rest.len());
                let word = &rest[..word_end];
                if self.joiners.contains(word) && word_end < rest.len() {
                    cuts.push((i, i + 1, false));
                }
            }
        }
        let mut out: Vec<String> = Vec::new();
        let mut start = 0;
        for (end, next, punctuation) in cuts {
            if end < start || !self.opens_duty(stems, &text[next..]) {
                continue;
            }
            let left = text[start..end].trim();
            let left_words = left.split_whitespace().count();
            // Two verbs sharing one object are one duty ("…, shoot and edit Reels"): no cut
            // at a joining word that has a single word before it since the last cut or comma.
            if !punctuation
                && left
                    .rsplit([',', ':', ';'])
                    .next()
                    .is_some_and(|clause| clause.split_whitespace().count() == 1)
            {
                continue;
            }
            // A series of verbs sharing one object is one duty ("help write, schedule, and
            // manage our profiles"): no cut after a bare verb that another bare verb follows,
            // nor after the bare verb that ends the series.
            if punctuation && self.in_verb_series(stems, left, &text[next..]) {
                continue;
            }
            // The left part must be a duty of its own: it opens like one, or (cut at
            // punctuation) is long enough to be one ("You'd run our accounts: plan …").
            let duty_like = left_words >= 2 && self.opens_duty(stems, self.strip_joiner(left));
            if !(duty_like || (punctuation && left_words >= 3)) {
                continue;
            }
            out.push(left.to_owned());
            start = next;
        }
        let last = text[start..].trim();
        if out.is_empty() || last.split_whitespace().count() >= 2 {
            out.push(last.to_owned());
        } else if let Some(prev) = out.last_mut() {
            prev.push(' ');
            prev.push_str(last);
        }
        // Only a clause that was cut off starts with a joining word ("and grow our followers");
        // the first keeps its words ("two duty lines" is no joiner).
        out.into_iter()
            .enumerate()
            .map(|(i, s)| {
                if i == 0 {
                    s
                } else {
                    self.strip_joiner(&s).to_owned()
                }
            })
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Whether a clause opens a duty: its first word, or the word after a short joining word,
    /// is a learned duty opener, and the clause has two words or more.
    fn opens_duty(&self, stems: &Stems, clause: &str) -> bool {
        let words: Vec<&str> = clause.split_whitespace().take(4).collect();
        if words.len() < 2 {
            return false;
        }
        let is_opener = |w: &str| self.is_opener(stems, w);
        if is_opener(words[0]) {
            return true;
        }
        // "and grow our followers"; and two verbs on one object, the second a known opener
        // ("shoot and edit Reels").
        (self.joiners.contains(words[0]) && words.len() >= 3 && is_opener(words[1]))
            || (words.len() == 4 && self.joiners.contains(words[1]) && is_opener(words[2]))
    }

    /// The word's stem is one that duties open with (learned: "manage", "welcome", "publi").
    fn is_opener(&self, stems: &Stems, word: &str) -> bool {
        stems
            .tokens(word)
            .first()
            .is_some_and(|t| self.openers.contains(&t.stem))
    }

    /// The cut between `left` and `right` falls inside a series of bare verbs: `left` ends in
    /// a verb with nothing after it and `right` opens with another ("write" | "schedule, and
    /// manage …"), or `left`'s last clause is that one verb ("…, schedule" | "and manage …").
    fn in_verb_series(&self, stems: &Stems, left: &str, right: &str) -> bool {
        let is_opener = |w: &str| self.is_opener(stems, w);
        let last_clause = left.rsplit([',', ':', ';']).next().unwrap_or(left);
        let last_word = left.split_whitespace().next_back().unwrap_or("");
        let first_word = right.split_whitespace().next().unwrap_or("");
        let bare_next = first_word.ends_with(',') && is_opener(first_word);
        let alone_in_clause = left.contains(',')
            && last_clause.split_whitespace().count() == 1
            && is_opener(last_clause);
        (is_opener(last_word) && bare_next) || alone_in_clause
    }

    /// A clause without the joining word it starts with ("and grow our followers" → "grow our
    /// followers").
    fn strip_joiner<'t>(&self, s: &'t str) -> &'t str {
        let s = s.trim();
        if let Some((first, rest)) = s.split_once(' ')
            && self.joiners.contains(first)
            && rest.split_whitespace().count() >= 2
        {
            return rest.trim_start();
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(openers: &[&str]) -> SectionReader {
        let text = format!(
            "classes\tduty\tother\nbias\t0\t0\nextra\topeners\t{}\nf\tw:host\t1\t-1\n",
            openers.join("\t")
        );
        let model = LinearModel::parse(&text).unwrap();
        let joiners = ["and", "y", "et", "e"].map(str::to_owned);
        let bare_list = BareListConfig {
            min_lines: 3,
            heading_from: 0.5,
            min_share: 0.5,
        };
        SectionReader::new(model.clone(), model, 0.5, 0.1, &joiners, bare_list).unwrap()
    }

    #[test]
    fn a_line_that_lists_duties_gives_one_each() {
        let r = reader(&["plan", "write", "repli", "grow"]);
        let stems = Stems::new(Language::English);
        let parts = r.split(
            &stems,
            "You'd run our accounts: plan the content calendar, shoot and edit Reels, write captions, reply to comments and DMs, and grow our followers",
        );
        assert_eq!(
            parts,
            [
                "You'd run our accounts",
                "plan the content calendar, shoot and edit Reels",
                "write captions",
                "reply to comments and DMs",
                "grow our followers"
            ]
        );
    }

    #[test]
    fn two_verbs_on_one_object_are_one_duty() {
        // "edit" opens duties; "shoot" is too rare to: the pair still starts a duty of its
        // own, and is not cut between its verbs.
        let r = reader(&["plan", "edit", "write"]);
        let stems = Stems::new(Language::English);
        assert_eq!(
            r.split(
                &stems,
                "plan the content calendar, shoot and edit Reels, write captions"
            ),
            [
                "plan the content calendar",
                "shoot and edit Reels",
                "write captions"
            ]
        );
        // Without the comma's cut, a joining word after one word is no cut either.
        assert_eq!(
            r.split(&stems, "Shoot and edit Reels every week"),
            ["Shoot and edit Reels every week"]
        );
    }

    #[test]
    fn a_clause_that_does_not_open_like_a_duty_keeps_its_line_whole() {
        let r = reader(&["design", "maintain", "evolv"]);
        let stems = Stems::new(Language::English);
        for line in [
            "You will start to design and execute your strategy",
            "Should organise, design and maintain forums",
        ] {
            assert_eq!(r.split(&stems, line), [line]);
        }
    }

    #[test]
    fn a_list_of_nouns_is_one_duty() {
        let r = reader(&["plan", "grow"]);
        let stems = Stems::new(Language::English);
        assert_eq!(
            r.split(&stems, "Moderate Discord, Reddit and the forum"),
            ["Moderate Discord, Reddit and the forum"]
        );
    }

    #[test]
    fn other_languages_split_after_their_joining_word() {
        let r = reader(&["gestion", "cre"]);
        let stems = Stems::new(Language::Spanish);
        assert_eq!(
            r.split(
                &stems,
                "Gestionar las redes sociales y crear contenido para Instagram"
            ),
            [
                "Gestionar las redes sociales",
                "crear contenido para Instagram"
            ]
        );
    }

    #[test]
    fn prose_is_laid_out_sentence_by_sentence_with_its_line() {
        let lines =
            lay_out("Title\n\nWe are a small team. You will host our meetups.\n- Reply to DMs\n");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Title",
                "We are a small team.",
                "You will host our meetups.",
                "Reply to DMs"
            ]
        );
        assert!(lines[2].sentence);
        assert_eq!(
            lines[2].source_text,
            "We are a small team. You will host our meetups."
        );
        assert!(lines[3].marked && !lines[3].sentence);
    }

    #[test]
    fn the_heading_above_a_line_is_part_of_what_the_model_sees() {
        let lines = lay_out("Responsibilities:\n- Host meetups\n");
        let f = features_of(Language::English, &Stems::new(Language::English), &lines);
        assert!(f[1].contains(&"h:respons".to_owned()), "{:?}", f[1]);
        assert!(f[0].contains(&"h:none".to_owned()));
    }
}
