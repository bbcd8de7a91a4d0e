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
use super::features::{GRAM, fold};
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
    vocab: FxHashMap<String, u32>,
    /// Per term: the line-side weight (idf × weak-word factor × phrase boost).
    term_weight: Vec<f64>,
    /// Per term: (task position, task-side weight).
    postings: Vec<Vec<(u32, f64)>>,
    /// Per task: the length divisor.
    task_norm: Vec<f64>,
    /// Per task: its owner slot (role position, or the shared slot).
    task_slot: Vec<usize>,
    /// The line-side weight of a word no task uses.
    unknown_weight: f64,
}

/// A duty line as the matcher sees it: (term id, line-side weight) of each term some task uses,
/// and the line's length over all its terms, unknown words included.
struct LineTerms {
    terms: Vec<(u32, f64)>,
    norm: f64,
}

impl Matcher {
    pub fn new(catalog: &Catalog, config: &MatchingConfig) -> Matcher {
        let norm = Normalizer::new(config);
        let docs = task_documents(catalog, config, &norm);
        let n = docs.len().max(1) as f64;
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut df: Vec<f64> = Vec::new();
        for doc in &docs {
            for term in doc.keys() {
                let next = vocab.len() as u32;
                let id = *vocab.entry(term.clone()).or_insert(next);
                if id as usize == df.len() {
                    df.push(0.0);
                }
                df[id as usize] += 1.0;
            }
        }
        let term_weight: Vec<f64> = {
            let mut w = vec![0.0; vocab.len()];
            for (term, &id) in &vocab {
                let idf = (1.0 + n / df[id as usize]).ln();
                let factor = if let Some((a, b)) = term.split_once(' ') {
                    // A phrase of weak words is weak too ("community members" says little
                    // more than "members"), by the geometric mean of its words' factors.
                    config.scoring.bigram_boost * (norm.weight(a) * norm.weight(b)).sqrt()
                } else {
                    norm.weight(term)
                };
                w[id as usize] = idf * factor;
            }
            w
        };
        let mut postings = vec![Vec::new(); vocab.len()];
        let mut lengths = Vec::with_capacity(docs.len());
        for (t, doc) in docs.iter().enumerate() {
            let mut sq = 0.0;
            for (term, fwt) in doc {
                let id = vocab[term];
                let w = fwt * term_weight[id as usize];
                postings[id as usize].push((t as u32, w));
                sq += w * w;
            }
            lengths.push(f64::sqrt(sq).max(1e-9));
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
            vocab,
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
        for &(id, lw) in &line.terms {
            for &(task, dw) in &self.postings[id as usize] {
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
        let mut terms = pairs(&self.norm.duty_content(text));
        terms.extend(grams(text));
        terms.truncate(MAX_LINE_TERMS);
        terms.sort_unstable();
        terms.dedup();
        let mut line_sq = 0.0;
        let mut known = Vec::with_capacity(terms.len());
        for term in &terms {
            let Some(&id) = self.vocab.get(term) else {
                // A word no task uses still makes the line longer: a line of mostly unknown
                // words ("water the office plants") is a poor match for any task.
                if !term.contains(' ') && !term.starts_with('#') {
                    line_sq += self.unknown_weight * self.unknown_weight;
                }
                continue;
            };
            let lw = self.term_weight[id as usize];
            line_sq += lw * lw;
            known.push((id, lw));
        }
        LineTerms {
            terms: known,
            norm: line_sq.sqrt(),
        }
    }

    /// What made `task` score as it did for `text`: each shared term with its part of the
    /// similarity, largest first (`cargo run --example offer_why`).
    pub fn explain(&self, text: &str, task: usize) -> Vec<(String, f64)> {
        let line = self.line(text);
        let divisor = (line.norm * self.task_norm[task]).max(1e-12);
        let names: FxHashMap<u32, &str> =
            self.vocab.iter().map(|(t, &id)| (id, t.as_str())).collect();
        let mut parts: Vec<(String, f64)> = line
            .terms
            .iter()
            .filter_map(|&(id, lw)| {
                let &(_, dw) = self.postings[id as usize]
                    .iter()
                    .find(|(t, _)| *t as usize == task)?;
                Some((names[&id].to_owned(), lw * dw / divisor))
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

/// Per task: term → field weight (the highest of the fields the term appears in).
fn task_documents(
    catalog: &Catalog,
    config: &MatchingConfig,
    norm: &Normalizer,
) -> Vec<FxHashMap<String, f64>> {
    let fw = config.scoring.field_weights;
    catalog
        .tasks()
        .iter()
        .map(|task| {
            let mut doc = FxHashMap::default();
            let mut add = |text: &str, w: f64| {
                for term in pairs(&norm.content(text)) {
                    let e = doc.entry(term).or_insert(0.0);
                    *e = f64::max(*e, w);
                }
            };
            add(&task.title, fw.title);
            for k in &task.keywords {
                add(k, fw.keywords);
            }
            add(&task.why, fw.why);
            if let Some(c) = catalog.category(&task.category) {
                add(&c.title, fw.category_title);
                add(&c.summary, fw.category_summary);
            }
            // Letter sequences of the title and keywords, so that a line in another language
            // meets its task through shared roots ("moderar el foro", "modérer le forum").
            let g = config.scoring.gram_weight;
            for text in std::iter::once(&task.title).chain(&task.keywords) {
                for gram in grams(text) {
                    let e = doc.entry(gram).or_insert(0.0);
                    *e = f64::max(*e, g);
                }
            }
            doc
        })
        .collect()
}

/// The letter sequences of a text's longer words (`#` and four letters of `<word>`, accents
/// folded), as the role model's features have them.
fn grams(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < GRAM {
            continue;
        }
        let w: Vec<char> = format!("<{}>", fold(&word.to_lowercase()))
            .chars()
            .collect();
        out.extend(
            w.windows(GRAM)
                .map(|g| format!("#{}", g.iter().collect::<String>())),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Single stems and two-word phrases (adjacent non-stopwords) of a text's content stems.
fn pairs(content: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(content.len() * 2);
    for (i, w) in content.iter().enumerate() {
        out.push(w.clone());
        // Two synonyms in a row ("Discord server") are one thing, not a phrase.
        if let Some(next) = content.get(i + 1).filter(|n| *n != w) {
            out.push(format!("{w} {next}"));
        }
    }
    out
}
