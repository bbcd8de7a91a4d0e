//! Whose work a duty line is: a learned role model over Snowball stems and word pairs
//! (`data/reader/roles.model`, learned from the labelled corpus and the catalogs' task texts),
//! with the words that decided each line.
//!
//! The model's classes are role ids, `shared`, and `neither` (work of no role). A role a user
//! catalog adds has no weights: it is read through its tasks' texts (the [`super::Matcher`]),
//! and the line says so ([`Reading::Tasks`]).

use super::features::{Stems, Token, role_features, role_names, surface_in};
use super::model::LinearModel;
use super::names::Names;

/// The role model's class for work that is neither role's.
pub const NEITHER: &str = "neither";

/// How a line's role was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// By the learned role model.
    Model,
    /// By the catalog's task texts: the line's best task belongs to a role the model was not
    /// trained on.
    Tasks,
}

impl Reading {
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Model => "model",
            Reading::Tasks => "tasks",
        }
    }
}

/// The role model's answer for one line.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleGuess {
    /// The class: a role id, `shared` or `neither`.
    pub class: String,
    pub probability: f64,
    /// The words that raised this class most, as written in the line, strongest first.
    pub evidence: Vec<String>,
}

/// The learned role model, ready to read.
#[derive(Debug, Clone)]
pub struct RoleReader {
    model: LinearModel,
    /// Words that name nothing a reader can check ("for", "the", "every"): never evidence.
    stopwords: rustc_hash::FxHashSet<String>,
}

/// How many words a line's evidence names at most.
pub const EVIDENCE_WORDS: usize = 3;

impl RoleReader {
    pub fn new(model: LinearModel, stopwords: &[String]) -> RoleReader {
        RoleReader {
            model,
            stopwords: stopwords.iter().map(|w| w.to_lowercase()).collect(),
        }
    }

    /// Whether the model has weights for this class (a role id, `shared` or `neither`).
    pub fn knows(&self, class: &str) -> bool {
        self.model.class_index(class).is_some()
    }

    /// The most likely class of a line, with its evidence.
    pub fn read(&self, stems: &Stems, text: &str) -> RoleGuess {
        self.read_with(stems, text, 0.0)
    }

    /// The most likely class of a line the user gave as a duty: `neither` only when the model
    /// gives it at least `neither_min`, otherwise the most likely work class. (A line pasted
    /// alone is someone's work far more often than not; in a posting, the model's own odds
    /// decide.)
    pub fn read_given(&self, stems: &Stems, text: &str, neither_min: f64) -> RoleGuess {
        self.read_with(stems, text, neither_min)
    }

    fn read_with(&self, stems: &Stems, text: &str, neither_min: f64) -> RoleGuess {
        self.read_tokens(&stems.tokens(text), neither_min)
    }

    /// [`Self::read_given`] of a line already cut into tokens ([`Stems::tokens`]).
    pub fn read_tokens(&self, tokens: &[Token], neither_min: f64) -> RoleGuess {
        let mut features = Names::new();
        role_names(tokens, &mut features);
        let known = self.model.known(features.iter());
        let p = self.model.probabilities_of(&known);
        let neither = self.model.class_index(NEITHER);
        let allowed = |c: usize| Some(c) != neither || p[c] >= neither_min;
        let best = (0..p.len())
            .filter(|&c| allowed(c))
            .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let raised = self
            .model
            .explain_of(&known, |i| features.get(i), best, EVIDENCE_WORDS * 3);
        // No feature of the line raised its class: the model has only its prior to go on,
        // which is no reading of the line.
        if raised.is_empty() {
            return RoleGuess {
                class: NEITHER.to_owned(),
                probability: neither.map_or(0.0, |c| p[c]),
                evidence: Vec::new(),
            };
        }
        let mut wrapped = Vec::new();
        let mut evidence: Vec<String> = Vec::new();
        for c in raised {
            let Some(words) = surface_in(tokens, &mut wrapped, &c.feature) else {
                continue;
            };
            // Function words ("our", "for the", "every") can carry weight, but name nothing a
            // reader can check: evidence is content words (an acronym such as "DMs" stays).
            let function_word = |w: &str| {
                self.stopwords.contains(&w.to_lowercase())
                    || (w.chars().count() <= 3 && w.chars().all(char::is_lowercase))
            };
            if words.split(' ').any(function_word) {
                continue;
            }
            // A pair repeats a word already named, or the other way round: keep the first.
            let lower = words.to_lowercase();
            if evidence.iter().any(|e| {
                let e = e.to_lowercase();
                e.contains(&lower) || lower.contains(&e)
            }) {
                continue;
            }
            evidence.push(words);
            if evidence.len() == EVIDENCE_WORDS {
                break;
            }
        }
        RoleGuess {
            class: self.model.classes[best].clone(),
            probability: p[best],
            evidence,
        }
    }

    /// The probability of each class, by class name.
    pub fn probabilities(&self, stems: &Stems, text: &str) -> Vec<(String, f64)> {
        let features = role_features(&stems.tokens(text));
        self.model
            .classes
            .iter()
            .cloned()
            .zip(self.model.probabilities(&features))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offer::language::Language;

    #[test]
    fn the_best_class_comes_with_the_words_that_decided_it() {
        let model = LinearModel::parse(
            "classes\tcommunity-manager\tsocial-media-manager\tshared\tneither\n\
             bias\t0\t0\t0\t0\n\
             f\tcomment\t-1\t2\t0\t0\n\
             f\tinstagram\t-1\t3\t0\t0\n\
             f\trepli\t0\t1\t0\t0\n\
             f\trepli to\t0\t1.5\t0\t0\n",
        )
        .unwrap();
        let r = RoleReader::new(model, &["to".to_owned()]);
        let g = r.read(
            &Stems::new(Language::English),
            "Reply to comments on Instagram",
        );
        assert_eq!(g.class, "social-media-manager");
        // "Reply to" weighs more than "Reply", but "to" names nothing: the word stands alone.
        assert_eq!(g.evidence, ["Instagram", "comments", "Reply"]);
        assert!(r.knows("shared") && !r.knows("developer-advocate"));
    }
}
