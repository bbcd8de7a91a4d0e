//! The matcher's index of the built-in catalogs' tasks, made at build time with the reader's
//! own code (`offer/term_index.rs` and `offer/normalize.rs`, compiled into the build script), so
//! that `offer` does not read the catalogs' texts into terms on every start. Only the walk
//! over the YAML is written here: the catalogs' tasks in the order the loader merges them
//! (file after file, as `data/` sorts), and the settings the index is weighed by. A test in
//! `offer/matcher.rs` holds the embedded index equal to one the program builds at run time.

use std::collections::BTreeMap;

use serde_yaml::Value;

use super::normalize::{Normalizer, WordLists};
use super::term_index::{IndexWeights, TaskText, TermIndex, tasks_key};

/// The index's bytes for `catalogs` (each built-in catalog file's YAML, in load order) under
/// `matching` (`matching.yaml`'s YAML).
pub fn term_index_bytes(catalogs: &[Value], matching: &Value) -> Vec<u8> {
    let strings = |v: &Value| -> Vec<String> {
        v.as_sequence()
            .map(|s| {
                s.iter()
                    .filter_map(|w| w.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let number = |v: &Value, what: &str| -> f64 {
        v.as_f64()
            .unwrap_or_else(|| panic!("data/matching.yaml: {what} is no number"))
    };
    let synonyms: Vec<Vec<String>> = matching["synonyms"]
        .as_sequence()
        .map(|groups| groups.iter().map(strings).collect())
        .unwrap_or_default();
    let stopwords = strings(&matching["stopwords"]);
    let weak_words: BTreeMap<String, f64> = matching["weak_words"]
        .as_mapping()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), number(v, "a weak word"))))
                .collect()
        })
        .unwrap_or_default();
    let c = &matching["collaborators"];
    let (opens, closes, except, members) = (
        strings(&c["opens"]),
        strings(&c["closes"]),
        strings(&c["except"]),
        strings(&c["members"]),
    );
    let norm = Normalizer::new(&WordLists {
        synonyms: &synonyms,
        stopwords: &stopwords,
        weak_words: &weak_words,
        collaborator_opens: &opens,
        collaborator_closes: &closes,
        collaborator_max_words: c["max_words"]
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .expect("data/matching.yaml: collaborators.max_words"),
        collaborator_except: &except,
        collaborator_members: &members,
    });
    let s = &matching["scoring"];
    let fw = &s["field_weights"];
    let weights = IndexWeights {
        title: number(&fw["title"], "field_weights.title"),
        keywords: number(&fw["keywords"], "field_weights.keywords"),
        keywords_by_language: number(
            &fw["keywords_by_language"],
            "field_weights.keywords_by_language",
        ),
        why: number(&fw["why"], "field_weights.why"),
        category_title: number(&fw["category_title"], "field_weights.category_title"),
        category_summary: number(&fw["category_summary"], "field_weights.category_summary"),
        gram: number(&s["gram_weight"], "gram_weight"),
        bigram_boost: number(&s["bigram_boost"], "bigram_boost"),
        task_length_power: number(&s["task_length_power"], "task_length_power"),
    };
    let mut categories: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for file in catalogs {
        for c in file["categories"].as_sequence().into_iter().flatten() {
            categories.insert(text(&c["id"]), (text(&c["title"]), text(&c["summary"])));
        }
    }
    let mut ids = Vec::new();
    let mut tasks = Vec::new();
    for file in catalogs {
        for t in file["tasks"].as_sequence().into_iter().flatten() {
            let category = text(&t["category"]);
            ids.push(text(&t["id"]));
            tasks.push(TaskText {
                title: text(&t["title"]),
                keywords: t["keywords"]
                    .as_sequence()
                    .into_iter()
                    .flatten()
                    .map(text)
                    .collect(),
                other_keywords: t["keywords_by_language"]
                    .as_mapping()
                    .into_iter()
                    .flat_map(|m| m.values())
                    .filter_map(|v| v.as_sequence())
                    .flatten()
                    .map(text)
                    .collect(),
                why: text(&t["why"]),
                category: categories
                    .get(category)
                    .map(|&(title, summary)| (category, title, summary)),
            });
        }
    }
    TermIndex::build(&tasks, &weights, &norm).to_bytes(tasks_key(ids))
}

/// A YAML string's text, or "" for anything else.
fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}
