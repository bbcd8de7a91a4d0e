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
//! learned weights). Matching a line is linear in its length; the catalog side is the tasks'
//! term index (`super::term_index`), which the build script makes for the built-in catalogs.

use super::config::{MatchingConfig, ScoringConfig};
use super::feature_hash::feature_hash;
use super::names::Names;
use super::normalize::Normalizer;
use super::term_index::{IndexWeights, TaskText, TermIndex, grams, pairs, tasks_key};
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
    /// The tasks' terms: built in by the build script for the built-in catalogs.
    index: TermIndex,
    /// Per task: its owner slot (role position, or the shared slot).
    task_slot: Vec<usize>,
    /// Per task: its category's position in the catalog.
    task_category: Vec<usize>,
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
        let norm = Normalizer::new(&config.word_lists());
        let index = builtin_index(catalog).unwrap_or_else(|| {
            TermIndex::build(&task_texts(catalog), &index_weights(&config.scoring), &norm)
        });
        let n = catalog.tasks().len().max(1) as f64;
        let task_slot = (0..catalog.tasks().len())
            .map(|i| catalog.task_slot(i))
            .collect();
        let task_category = (0..catalog.tasks().len())
            .map(|i| catalog.task_category(i))
            .collect();
        Matcher {
            norm,
            scoring: config.scoring.clone(),
            index,
            task_slot,
            task_category,
            unknown_weight: config.scoring.unknown_word_weight * (1.0 + n).ln(),
        }
    }

    /// Every task's score for `text` (its similarity), by position.
    pub fn scores(&self, text: &str) -> Vec<f64> {
        let mut scores = vec![0.0; self.index.task_norms().len()];
        let line = self.line(text);
        for &(_, id, lw) in &line.terms {
            for (task, dw) in self.index.postings(id) {
                scores[task as usize] += lw * dw;
            }
        }
        if line.norm > 0.0 {
            for (s, n) in scores.iter_mut().zip(self.index.task_norms()) {
                *s /= line.norm * n;
            }
        }
        scores
    }

    /// The known terms of a duty line with their weights, and the line's length.
    fn line(&self, text: &str) -> LineTerms {
        let mut names = Names::new();
        // About one letter sequence a letter, and fewer words and pairs.
        names.reserve(text.len() + 16, 4 * text.len() + 64);
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
            let Some(id) = self.index.id(feature_hash(term)) else {
                // A word no task uses still makes the line longer: a line of mostly unknown
                // words ("water the office plants") is a poor match for any task.
                if !term.contains(' ') && !term.starts_with('#') {
                    line_sq += self.unknown_weight * self.unknown_weight;
                }
                continue;
            };
            let lw = self.index.weight(id);
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
        let divisor = (line.norm * self.index.task_norms()[task]).max(1e-12);
        let mut parts: Vec<(String, f64)> = line
            .terms
            .iter()
            .filter_map(|&(i, id, lw)| {
                let (_, dw) = self.index.postings(id).find(|&(t, _)| t as usize == task)?;
                Some((line.names.get(i).to_owned(), lw * dw / divisor))
            })
            .collect();
        parts.sort_by(|a, b| b.1.total_cmp(&a.1));
        parts
    }

    /// The closest task of one owner slot to `text`: the role a line was read as. Its
    /// category first, by the summed scores of the category's tasks (the tasks of a category
    /// together describe its work: "Protect the community from spam" shares a word or two with
    /// many tasks of moderation and one of onboarding, and is moderation); then the category's
    /// task that shares most with the line. (The role is decided; any term in common picks
    /// among its tasks, so no threshold applies.) `None` when no task of the slot shares a term.
    /// On 312 corpus duty lines labelled blind by two readers (`examples/task_eval.rs`), the
    /// category came out right for 146 against 122 by the single closest task (175 with the
    /// keywords in other languages). It can pass over a single task that shares much more
    /// with the line than any other, in a category whose other tasks share nothing; the sum
    /// won on the measure all the same.
    pub fn closest_in(&self, text: &str, slot: usize) -> Option<Scored> {
        let scores = self.scores(text);
        let in_slot = |t: &usize| self.task_slot[*t] == slot && scores[*t] > 0.0;
        let mut by_category: Vec<(usize, f64)> = Vec::new();
        for t in (0..scores.len()).filter(in_slot) {
            let category = self.task_category[t];
            match by_category.iter_mut().find(|(c, _)| *c == category) {
                Some((_, sum)) => *sum += scores[t],
                None => by_category.push((category, scores[t])),
            }
        }
        // Ties: the category of the first scoring task, in catalog order.
        let category = by_category
            .iter()
            .fold(None::<(usize, f64)>, |best, &(c, sum)| match best {
                Some((_, b)) if b >= sum => best,
                _ => Some((c, sum)),
            })?
            .0;
        let task = (0..scores.len())
            .filter(in_slot)
            .filter(|&t| self.task_category[t] == category)
            .fold(None::<usize>, |best, t| match best {
                Some(b) if scores[b] >= scores[t] => best,
                _ => Some(t),
            })?;
        Some(Scored {
            task,
            score: scores[task],
            confidence: (scores[task] / self.scoring.full_confidence).min(1.0),
        })
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

/// The index the build script made of the built-in catalogs' tasks, when `catalog` is exactly
/// the built-in one: each of its tasks and their categories built in, the same tasks in the
/// same order (a user catalog that adds, replaces or reorders one gets an index built for it).
fn builtin_index(catalog: &Catalog) -> Option<TermIndex> {
    let builtin = catalog.tasks().iter().all(|t| {
        t.origin.builtin
            && catalog
                .category(&t.category)
                .is_some_and(|c| c.origin.builtin)
    });
    if !builtin {
        return None;
    }
    let key = tasks_key(catalog.tasks().iter().map(|t| t.id.as_str()));
    TermIndex::from_bytes(crate::catalog::builtin_term_index(), key)
}

/// The texts of `catalog`'s tasks that the index reads, in order.
fn task_texts(catalog: &Catalog) -> Vec<TaskText<'_>> {
    catalog
        .tasks()
        .iter()
        .map(|t| TaskText {
            title: &t.title,
            keywords: t
                .keywords
                .iter()
                .map(crate::catalog::Text::as_str)
                .collect(),
            other_keywords: t
                .keywords_by_language
                .values()
                .flatten()
                .map(crate::catalog::Text::as_str)
                .collect(),
            why: &t.why,
            category: catalog
                .category(&t.category)
                .map(|c| (c.id.as_str(), c.title.as_str(), c.summary.as_str())),
        })
        .collect()
}

/// The index's share of the `scoring` settings.
pub(super) fn index_weights(s: &ScoringConfig) -> IndexWeights {
    let fw = s.field_weights;
    IndexWeights {
        title: fw.title,
        keywords: fw.keywords,
        keywords_by_language: fw.keywords_by_language,
        why: fw.why,
        category_title: fw.category_title,
        category_summary: fw.category_summary,
        gram: s.gram_weight,
        bigram_boost: s.bigram_boost,
        task_length_power: s.task_length_power,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CatalogSource, builtin_sources};

    fn built_at_run_time(catalog: &Catalog, config: &MatchingConfig) -> TermIndex {
        let norm = Normalizer::new(&config.word_lists());
        TermIndex::build(&task_texts(catalog), &index_weights(&config.scoring), &norm)
    }

    #[test]
    fn the_built_in_index_is_the_one_the_catalogs_give_at_run_time() {
        let catalog = Catalog::builtin().unwrap();
        let config = MatchingConfig::builtin().unwrap();
        let embedded =
            builtin_index(&catalog).expect("the built-in catalogs take the build's index");
        assert_eq!(embedded, built_at_run_time(&catalog, &config));
    }

    #[test]
    fn a_user_catalog_gets_an_index_of_its_own() {
        let config = MatchingConfig::builtin().unwrap();
        let user = |text: &str| CatalogSource {
            origin: "mine.yaml".into(),
            text: text.to_owned().into(),
            builtin: false,
            compact: None,
        };
        // A task added, and a built-in category's summary replaced: both change the terms.
        for text in [
            "tasks:\n- {id: mine, title: Water the office plants, role: shared, category: sh-metrics, hours: 1, why: w}\n",
            "categories:\n- {id: sh-metrics, role: shared, title: Metrics, core: false, summary: Plants and watering}\n",
        ] {
            let mut sources = builtin_sources();
            sources.push(user(text));
            let catalog = Catalog::from_sources(&sources).unwrap();
            assert!(builtin_index(&catalog).is_none(), "{text}");
            let matcher = Matcher::new(&catalog, &config);
            assert_eq!(matcher.index, built_at_run_time(&catalog, &config));
            let best = matcher.ranked("water the plants", 1);
            assert!(!best.is_empty(), "{text}");
        }
    }
}
