//! Scoring a duty line against every catalog task.
//!
//! Each task becomes a weighted bag of terms from its title, keywords, `why` and its category's
//! title and summary (weights in `data/matching.yaml`); single words and two-word phrases both
//! count, phrases more. Terms are weighted by how distinctive they are across the catalog
//! (inverse document frequency) and by the weak-word list. A line's similarity to a task is a
//! cosine with the task's length only partly discounted, so a well-described task is not
//! punished for its many keywords.
//!
//! Whose work a line is comes from the learned role model (`super::roles`); the matcher picks
//! the closest task of that role (and reads the roles a user catalog adds, which have no
//! learned weights). Matching a line is linear in its length; the catalog side is built once.

use rustc_hash::FxHashMap;

use super::config::{MatchingConfig, ScoringConfig};
use super::feature_hash::feature_hash;
use super::features::{GRAM, wrapped_word};
use super::names::Names;
use super::normalize::Normalizer;
use crate::catalog::Catalog;

/// Terms of a line beyond this many are not matched (a pasted paragraph, not a duty).
const MAX_LINE_TERMS: usize = 300;

/// A line's best task, how well it fits, and the runner-up owner's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Position in [`Catalog::tasks`].
    pub task: usize,
    /// Similarity.
    pub score: f64,
    /// 0..1: how sure the match is.
    pub confidence: f64,
}

/// The catalog, prepared for matching.
#[derive(Debug, Clone)]
pub struct Matcher {
    norm: Normalizer,
    scoring: ScoringConfig,
    /// Term id by the 64-bit hash of the term ([`feature_hash`]): the catalog's terms are
    /// never written out as strings, and a line's are looked up by hash. (Some 10,000 terms:
    /// two sharing a hash is a chance of about one in 10^11.)
    vocab: FxHashMap<u64, u32>,
    /// Per term: the line-side weight (idf × weak-word factor × phrase boost).
    term_weight: Vec<f64>,
    /// Per term: (task position, task-side weight).
    postings: Postings,
    /// Per task: the length divisor.
    task_norm: Vec<f64>,
    /// Per task: its owner slot (role position, or the shared slot).
    task_slot: Vec<usize>,
    /// The line-side weight of a word no task uses.
    unknown_weight: f64,
}

/// A duty line as the matcher sees it: its terms by name, (name position, term id, line-side
/// weight) of each term some task uses, and the line's length over all its terms, unknown
/// words included.
struct LineTerms {
    names: Names,
    terms: Vec<(usize, u32, f64)>,
    norm: f64,
}

impl Matcher {
    pub fn new(catalog: &Catalog, config: &MatchingConfig) -> Matcher {
        let norm = Normalizer::new(config);
        let TaskTerms {
            ids,
            factor,
            df,
            entries,
            ends,
        } = index_tasks(catalog, config, &norm);
        let n = ends.len().max(1) as f64;
        let term_weight: Vec<f64> = factor
            .iter()
            .zip(&df)
            .map(|(factor, df)| (1.0 + n / df).ln() * factor)
            .collect();
        let postings = Postings::new(&df, &entries, &ends, &term_weight);
        let mut lengths = Vec::with_capacity(ends.len());
        let mut start = 0;
        for &end in &ends {
            let mut sq = 0.0;
            for &(id, fwt) in &entries[start..end] {
                let w = fwt * term_weight[id as usize];
                sq += w * w;
            }
            lengths.push(f64::sqrt(sq).max(1e-9));
            start = end;
        }
        let mean = lengths.iter().sum::<f64>() / lengths.len().max(1) as f64;
        let p = config.scoring.task_length_power;
        let task_norm = lengths
            .iter()
            .map(|l| l.powf(p) * mean.powf(1.0 - p))
            .collect();
        let task_slot = (0..catalog.tasks().len())
            .map(|i| catalog.task_slot(i))
            .collect();
        Matcher {
            norm,
            scoring: config.scoring.clone(),
            vocab: ids,
            term_weight,
            postings,
            task_norm,
            task_slot,
            unknown_weight: config.scoring.unknown_word_weight * (1.0 + n).ln(),
        }
    }

    /// Every task's score for `text` (its similarity), by position.
    pub fn scores(&self, text: &str) -> Vec<f64> {
        let mut scores = vec![0.0; self.task_norm.len()];
        let line = self.line(text);
        for &(_, id, lw) in &line.terms {
            for (task, dw) in self.postings.of(id) {
                scores[task as usize] += lw * dw;
            }
        }
        if line.norm > 0.0 {
            for (s, n) in scores.iter_mut().zip(&self.task_norm) {
                *s /= line.norm * n;
            }
        }
        scores
    }

    /// The known terms of a duty line with their weights, and the line's length.
    fn line(&self, text: &str) -> LineTerms {
        let mut names = Names::new();
        pairs(&self.norm.duty_content(text), |parts| names.push(parts));
        let from = names.len();
        let mut letters = Vec::new();
        grams(text, &mut letters, |g| names.push_chars("#", g));
        names.sort_dedup_from(from);
        names.truncate(MAX_LINE_TERMS);
        names.sort_dedup_from(0);
        let mut line_sq = 0.0;
        let mut known = Vec::with_capacity(names.len());
        for (i, term) in names.iter().enumerate() {
            let Some(&id) = self.vocab.get(&feature_hash(term)) else {
                // A word no task uses still makes the line longer: a line of mostly unknown
                // words ("water the office plants") is a poor match for any task.
                if !term.contains(' ') && !term.starts_with('#') {
                    line_sq += self.unknown_weight * self.unknown_weight;
                }
                continue;
            };
            let lw = self.term_weight[id as usize];
            line_sq += lw * lw;
            known.push((i, id, lw));
        }
        LineTerms {
            names,
            terms: known,
            norm: line_sq.sqrt(),
        }
    }

    /// What made `task` score as it did for `text`: each shared term with its part of the
    /// similarity, largest first (`cargo run --example offer_why`).
    pub fn explain(&self, text: &str, task: usize) -> Vec<(String, f64)> {
        let line = self.line(text);
        let divisor = (line.norm * self.task_norm[task]).max(1e-12);
        let mut parts: Vec<(String, f64)> = line
            .terms
            .iter()
            .filter_map(|&(i, id, lw)| {
                let (_, dw) = self.postings.of(id).find(|&(t, _)| t as usize == task)?;
                Some((line.names.get(i).to_owned(), lw * dw / divisor))
            })
            .collect();
        parts.sort_by(|a, b| b.1.total_cmp(&a.1));
        parts
    }

    /// The `n` tasks of one owner slot that share most with `text`, best first: the closest
    /// task of the role a line was read as. (The role is decided; any term in common picks
    /// among its tasks, so no threshold applies.)
    pub fn ranked_in(&self, text: &str, slot: usize, n: usize) -> Vec<Scored> {
        let scores = self.scores(text);
        let mut order: Vec<usize> = (0..scores.len())
            .filter(|&t| self.task_slot[t] == slot && scores[t] > 0.0)
            .collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        order
            .into_iter()
            .take(n)
            .map(|t| Scored {
                task: t,
                score: scores[t],
                confidence: (scores[t] / self.scoring.full_confidence).min(1.0),
            })
            .collect()
    }

    /// The terms of `text` that brought it closest to `task`, at most `n`: the evidence of a
    /// line read through a role's task texts.
    pub fn terms_of(&self, text: &str, task: usize, n: usize) -> Vec<String> {
        self.explain(text, task)
            .into_iter()
            .take(n)
            .map(|(t, _)| t)
            .collect()
    }

    /// The `n` best tasks for `text`, best first, of those sharing any term with it: what a
    /// front end offers when the user corrects a mapping.
    pub fn ranked(&self, text: &str, n: usize) -> Vec<Scored> {
        let scores = self.scores(text);
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        order
            .into_iter()
            .take(n)
            .filter(|&t| scores[t] > 0.0)
            .map(|t| Scored {
                task: t,
                score: scores[t],
                confidence: (scores[t] / self.scoring.full_confidence).min(1.0),
            })
            .collect()
    }
}

/// The catalog's terms as they are met: an id each, its weak-word factor and how many tasks
/// use it.
struct Vocabulary<'a> {
    norm: &'a Normalizer,
    bigram_boost: f64,
    ids: FxHashMap<u64, u32>,
    /// Per term: the weak-word factor (the phrase boost included).
    factor: Vec<f64>,
    /// Per term: how many tasks use it.
    df: Vec<f64>,
    /// Per term: the last task that used it (position + 1) and where in `entries`.
    seen: Vec<(usize, usize)>,
    /// Every task's (term id, field weight) of each of its terms, task after task.
    entries: Vec<(u32, f64)>,
    /// The term being written.
    scratch: String,
}

impl Vocabulary<'_> {
    /// Adds the term written in `scratch` to task `task`'s list at field weight `w` (the
    /// highest weight of the fields the term appears in counts).
    fn add(&mut self, task: usize, w: f64) {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(feature_hash(&self.scratch)).or_insert(next);
        if id == next {
            let term = self.scratch.as_str();
            self.factor
                .push(if let Some((a, b)) = term.split_once(' ') {
                    // A phrase of weak words is weak too ("community members" says little more
                    // than "members"), by the geometric mean of its words' factors.
                    self.bigram_boost * (self.norm.weight(a) * self.norm.weight(b)).sqrt()
                } else {
                    self.norm.weight(term)
                });
            self.df.push(0.0);
            self.seen.push((0, 0));
        }
        let (last, at) = &mut self.seen[id as usize];
        if *last == task + 1 {
            self.entries[*at].1 = f64::max(self.entries[*at].1, w);
        } else {
            *last = task + 1;
            *at = self.entries.len();
            self.entries.push((id, f64::max(0.0, w)));
            self.df[id as usize] += 1.0;
        }
    }

    /// Adds each single stem and phrase of `content` to a task.
    fn add_pairs(&mut self, task: usize, content: &[String], w: f64) {
        pairs(content, |parts| {
            self.scratch.clear();
            for p in parts {
                self.scratch.push_str(p);
            }
            self.add(task, w);
        });
    }
}

/// The catalog's terms: each term's id by its hash, weak-word factor and how many tasks use
/// it, and per task (term id, field weight) of each of its terms: `entries[ends[t - 1]..ends[t]]`
/// for task `t`.
struct TaskTerms {
    ids: FxHashMap<u64, u32>,
    factor: Vec<f64>,
    df: Vec<f64>,
    entries: Vec<(u32, f64)>,
    ends: Vec<usize>,
}

/// Reads every task's texts into terms. A category's texts are read once, not once per task.
fn index_tasks(catalog: &Catalog, config: &MatchingConfig, norm: &Normalizer) -> TaskTerms {
    let fw = config.scoring.field_weights;
    let g = config.scoring.gram_weight;
    let mut vocab = Vocabulary {
        norm,
        bigram_boost: config.scoring.bigram_boost,
        ids: FxHashMap::default(),
        factor: Vec::new(),
        df: Vec::new(),
        seen: Vec::new(),
        entries: Vec::new(),
        scratch: String::new(),
    };
    let mut categories: FxHashMap<&str, (Vec<String>, Vec<String>)> = FxHashMap::default();
    let mut letters = Vec::new();
    let mut ends = Vec::with_capacity(catalog.tasks().len());
    for (t, task) in catalog.tasks().iter().enumerate() {
        vocab.add_pairs(t, &norm.content(&task.title), fw.title);
        for k in &task.keywords {
            vocab.add_pairs(t, &norm.content(k), fw.keywords);
        }
        vocab.add_pairs(t, &norm.content(&task.why), fw.why);
        if let Some(c) = catalog.category(&task.category) {
            let (title, summary) = categories
                .entry(c.id.as_str())
                .or_insert_with(|| (norm.content(&c.title), norm.content(&c.summary)));
            vocab.add_pairs(t, title, fw.category_title);
            vocab.add_pairs(t, summary, fw.category_summary);
        }
        // Letter sequences of the title and keywords, so that a line in another language
        // meets its task through shared roots ("moderar el foro", "modérer le forum").
        for text in std::iter::once(&task.title).chain(&task.keywords) {
            grams(text, &mut letters, |gram| {
                vocab.scratch.clear();
                vocab.scratch.push('#');
                vocab.scratch.extend(gram);
                vocab.add(t, g);
            });
        }
        ends.push(vocab.entries.len());
    }
    TaskTerms {
        ids: vocab.ids,
        factor: vocab.factor,
        df: vocab.df,
        entries: vocab.entries,
        ends,
    }
}

/// Per term, the tasks that use it with their task-side weights, in task order: one list for
/// all terms and where each term's part starts, not a list per term (some 5,000 terms).
#[derive(Debug, Clone)]
struct Postings {
    /// Term `id`'s part is `entries[starts[id]..starts[id + 1]]`.
    starts: Vec<usize>,
    entries: Vec<(u32, f64)>,
}

impl Postings {
    /// The postings of the tasks' terms (`entries[ends[t - 1]..ends[t]]` for task `t`), each
    /// weighted by its term's weight; `df` is how many tasks use each term.
    fn new(df: &[f64], entries: &[(u32, f64)], ends: &[usize], term_weight: &[f64]) -> Postings {
        // Each term's part is filled from its end, the last task first, so that its tasks
        // end up in order and `starts` ends up at the part's start.
        let mut starts = Vec::with_capacity(df.len() + 1);
        let mut at = 0;
        for &n in df {
            at += n as usize;
            starts.push(at);
        }
        starts.push(at);
        let mut out = vec![(0, 0.0); at];
        for t in (0..ends.len()).rev() {
            let start = if t == 0 { 0 } else { ends[t - 1] };
            for &(id, fwt) in &entries[start..ends[t]] {
                let id = id as usize;
                starts[id] -= 1;
                out[starts[id]] = (t as u32, fwt * term_weight[id]);
            }
        }
        Postings {
            starts,
            entries: out,
        }
    }

    /// Term `id`'s (task, task-side weight), in task order.
    fn of(&self, id: u32) -> impl Iterator<Item = (u32, f64)> + '_ {
        let id = id as usize;
        self.entries[self.starts[id]..self.starts[id + 1]]
            .iter()
            .copied()
    }
}

/// Calls `emit` with each letter sequence of a text's longer words (four letters of `<word>`,
/// accents folded), as the role model's features have them; a term is `#` and the letters.
/// `letters` is room to work in.
fn grams(text: &str, letters: &mut Vec<char>, mut emit: impl FnMut(&[char])) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < GRAM {
            continue;
        }
        wrapped_word(word, letters);
        letters.windows(GRAM).for_each(&mut emit);
    }
}

/// Calls `emit` with the parts of each single stem and two-word phrase (adjacent
/// non-stopwords) of a text's content stems, in order: `["moderat"]`, `["moderat", " ",
/// "forum"]`.
fn pairs(content: &[String], mut emit: impl FnMut(&[&str])) {
    for (i, w) in content.iter().enumerate() {
        emit(&[w]);
        // Two synonyms in a row ("Discord server") are one thing, not a phrase.
        if let Some(next) = content.get(i + 1).filter(|n| *n != w) {
            emit(&[w, " ", next]);
        }
    }
}
