//! From free text to comparable terms: lower-casing, splitting into words, a light stemmer,
//! synonyms and stopwords. The posting's lines and the catalog's texts go through the same
//! steps, so "moderating", "moderation" and "moderators" meet on one term.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

/// The word lists a [`Normalizer`] is made from: `data/matching.yaml`'s (see
/// `MatchingConfig::word_lists`). Borrowed, and free of the configuration's types, so that the
/// build script, which compiles this file to index the built-in catalogs, can hand over its own.
#[derive(Debug, Clone, Copy)]
pub struct WordLists<'a> {
    pub synonyms: &'a [Vec<String>],
    pub stopwords: &'a [String],
    pub weak_words: &'a BTreeMap<String, f64>,
    /// What opens and closes a phrase naming colleagues, how far apart, the words after an
    /// opener that make it none, and the words that make it about members.
    pub collaborator_opens: &'a [String],
    pub collaborator_closes: &'a [String],
    pub collaborator_max_words: usize,
    pub collaborator_except: &'a [String],
    pub collaborator_members: &'a [String],
}

/// Turns text into terms with the word lists of a [`MatchingConfig`].
#[derive(Debug, Clone)]
pub struct Normalizer {
    stop: FxHashSet<String>,
    synonym: FxHashMap<String, String>,
    /// Synonyms by the word as written (lower-cased), checked before stemming.
    exact: FxHashMap<String, String>,
    /// Synonyms of several words ("team members" → "colleague"), longest first.
    phrases: Vec<(Vec<String>, String)>,
    /// Positions in `phrases` by a phrase's first stem, in order: only these can start at a
    /// given word.
    phrase_starts: FxHashMap<String, Vec<usize>>,
    weak: FxHashMap<String, f64>,
    colleagues: Colleagues,
}

/// The phrases of a duty line that name colleagues ("with the marketing and PR teams"), as
/// canonical stems: what opens and closes one, how far apart, and what makes one about members.
#[derive(Debug, Clone)]
struct Colleagues {
    opens: FxHashSet<String>,
    closes: FxHashSet<String>,
    reach: usize,
    /// Right after an opener, these make it no colleague phrase ("with each other").
    except: Vec<Vec<String>>,
    /// In the span, these make it about members ("with our volunteer mod team").
    members: FxHashSet<String>,
}

impl Colleagues {
    /// Where a colleague phrase opening at `stems[i]` ends, if one does.
    fn span_end(&self, stems: &[String], i: usize) -> Option<usize> {
        if !self.opens.contains(&stems[i])
            || self.except.iter().any(|p| stems[i + 1..].starts_with(p))
        {
            return None;
        }
        (i + 1..stems.len().min(i + 1 + self.reach))
            .rfind(|&j| self.closes.contains(&stems[j]))
            .filter(|&end| !stems[i..=end].iter().any(|w| self.members.contains(w)))
    }
}

/// One word of a text after normalising: its canonical stem, and whether it is a stopword.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stem: String,
    pub stop: bool,
}

impl Normalizer {
    pub fn new(config: &WordLists<'_>) -> Normalizer {
        let mut synonym = FxHashMap::default();
        let mut exact = FxHashMap::default();
        let mut phrases = Vec::new();
        for group in config.synonyms {
            let Some(head) = group.first().and_then(|w| single_stem(w)) else {
                continue;
            };
            for word in group.iter().skip(1) {
                let ws: Vec<String> = words(word).collect();
                if ws.len() > 1 {
                    phrases.push((ws.iter().map(|w| stem(w)).collect::<Vec<_>>(), head.clone()));
                    continue;
                }
                let Some(w) = ws.into_iter().next() else {
                    continue;
                };
                let (s, suffix) = stem_parts(&w);
                if s == head {
                    continue;
                }
                exact.insert(w, head.clone());
                // Other forms of the word meet it through its stem only when the stemmer took
                // off an inflection: the stem of "supporters" or "creators" is the verb
                // ("support", "create"), which means something else.
                if INFLECTIONS.contains(&suffix) {
                    synonym.insert(s, head.clone());
                }
            }
        }
        phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut phrase_starts: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, (p, _)) in phrases.iter().enumerate() {
            if let Some(first) = p.first() {
                phrase_starts.entry(first.clone()).or_default().push(i);
            }
        }
        let canon = |w: &str| -> Option<String> {
            if let Some(head) = exact.get(&w.to_lowercase()) {
                return Some(head.clone());
            }
            single_stem(w).map(|s| synonym.get(&s).cloned().unwrap_or(s))
        };
        let stop = config.stopwords.iter().filter_map(|w| canon(w)).collect();
        let weak = config
            .weak_words
            .iter()
            .filter_map(|(w, m)| canon(w).map(|s| (s, *m)))
            .collect();
        let canon_set = |list: &[String]| list.iter().filter_map(|w| canon(w)).collect();
        let colleagues = Colleagues {
            opens: canon_set(config.collaborator_opens),
            closes: canon_set(config.collaborator_closes),
            reach: config.collaborator_max_words,
            except: config
                .collaborator_except
                .iter()
                .map(|p| words(p).map(|w| stem(&w)).collect::<Vec<_>>())
                .filter(|p| !p.is_empty())
                .collect(),
            members: canon_set(config.collaborator_members),
        };
        Normalizer {
            stop,
            synonym,
            exact,
            phrases,
            phrase_starts,
            weak,
            colleagues,
        }
    }

    /// Every word of `text` as a [`Term`], in order.
    pub fn terms(&self, text: &str) -> Vec<Term> {
        self.terms_of(text, false)
    }

    /// The terms of a posting's duty line: as [`Normalizer::terms`], without the phrases that
    /// only name colleagues ("with the marketing team"). Catalog texts keep theirs: there
    /// "partner with product teams" is the duty itself.
    pub fn duty_terms(&self, text: &str) -> Vec<Term> {
        self.terms_of(text, true)
    }

    fn terms_of(&self, text: &str, duty: bool) -> Vec<Term> {
        let mut stems: Vec<String> = words(text)
            .map(|w| match self.exact.get(&w) {
                Some(head) => head.clone(),
                None => stem_owned(w).0,
            })
            .collect();
        if !self.phrases.is_empty() {
            stems = self.join_phrases(stems);
        }
        for s in &mut stems {
            if let Some(head) = self.synonym.get(s) {
                head.clone_into(s);
            }
        }
        let stems = if duty {
            self.without_collaborators(stems)
        } else {
            stems
        };
        stems
            .into_iter()
            .map(|stem| {
                let stop = self.stop.contains(&stem);
                Term { stem, stop }
            })
            .collect()
    }

    /// Drops each "with … team(s)" span: who the work is done with, not what it is.
    fn without_collaborators(&self, mut stems: Vec<String>) -> Vec<String> {
        let mut out = Vec::with_capacity(stems.len());
        let mut i = 0;
        while i < stems.len() {
            // A span is found looking forward only: the stems already moved out are behind.
            if let Some(end) = self.colleagues.span_end(&stems, i) {
                i = end + 1;
            } else {
                out.push(std::mem::take(&mut stems[i]));
                i += 1;
            }
        }
        out
    }

    /// Replaces each multi-word synonym by its group's word.
    fn join_phrases(&self, mut stems: Vec<String>) -> Vec<String> {
        // Most texts hold no phrase's first word: nothing to join.
        if !stems.iter().any(|s| self.phrase_starts.contains_key(s)) {
            return stems;
        }
        let mut out = Vec::with_capacity(stems.len());
        let mut i = 0;
        while i < stems.len() {
            let hit = self.phrase_starts.get(&stems[i]).and_then(|starts| {
                starts
                    .iter()
                    .map(|&p| &self.phrases[p])
                    .find(|(p, _)| stems[i..].starts_with(p))
            });
            if let Some((p, head)) = hit {
                out.push(head.clone());
                i += p.len();
            } else {
                out.push(std::mem::take(&mut stems[i]));
                i += 1;
            }
        }
        out
    }

    /// The stems of `text` without stopwords, in order.
    pub fn content(&self, text: &str) -> Vec<String> {
        content(self.terms(text))
    }

    /// [`Normalizer::content`] of a posting's duty line.
    pub fn duty_content(&self, text: &str) -> Vec<String> {
        content(self.duty_terms(text))
    }

    /// How much a term counts: 1, or less for words every role's postings use.
    pub fn weight(&self, stem: &str) -> f64 {
        self.weak.get(stem).copied().unwrap_or(1.0)
    }
}

fn content(terms: Vec<Term>) -> Vec<String> {
    terms
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| t.stem)
        .collect()
}

fn single_stem(word: &str) -> Option<String> {
    let mut it = words(word);
    let first = it.next()?;
    it.next().is_none().then(|| stem(&first))
}

/// The lower-cased words of `text`: runs of letters and digits (an apostrophe inside a word
/// ends it, so "brand's" gives "brand" and "s").
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Suffixes stripped by [`stem`], longest first, with their replacement. Not "-ly": it gains
/// little ("daily", "weekly" are stopwords) and "friendly" would meet "friends".
const SUFFIXES: &[(&str, &str)] = &[
    ("izations", "ize"),
    ("isations", "ise"),
    ("ization", "ize"),
    ("isation", "ise"),
    ("ational", "ate"),
    ("ations", "at"),
    ("ation", "at"),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ness", ""),
    ("ers", ""),
    ("ors", ""),
    ("er", ""),
    ("or", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
];

/// A light English stemmer: strips one common suffix, then a final "e" and a doubled final
/// consonant. It needs only to be consistent (both sides are stemmed alike), not to give real
/// roots, so it is small enough to read: "moderating", "moderation", "moderators" and
/// "moderate" all become "moderat". Words of other scripts are left as they are.
pub fn stem(word: &str) -> String {
    stem_parts(word).0
}

/// Suffixes that only inflect a word (number, tense), so the stem keeps its meaning.
const INFLECTIONS: &[&str] = &["", "s", "es", "ies", "ied", "ed"];

/// The stem of `word` and the suffix taken off ("" when none).
fn stem_parts(word: &str) -> (String, &'static str) {
    stem_owned(word.to_owned())
}

/// [`stem_parts`] of a word already owned: the stem is cut from it in place.
fn stem_owned(mut w: String) -> (String, &'static str) {
    if w.len() <= 3 || !w.is_ascii() {
        return (w, "");
    }
    let mut taken = "";
    for (suffix, replacement) in SUFFIXES {
        if let Some(rest) = w.strip_suffix(suffix) {
            let blocked = *suffix == "s"
                && (rest.ends_with('s') || rest.ends_with('u') || rest.ends_with('i'));
            if rest.len() >= 3 && !blocked {
                w.truncate(rest.len());
                w.push_str(replacement);
                taken = suffix;
                break;
            }
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    let b = w.as_bytes();
    if b.len() > 3 {
        let (last, prev) = (b[b.len() - 1], b[b.len() - 2]);
        if last == prev && !matches!(last, b'l' | b's' | b'z') && !is_vowel(last) {
            w.pop();
        }
    }
    (w, taken)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_forms() {
        for group in [
            &["moderating", "moderation", "moderators", "moderate"][..],
            &["messages", "message", "messaging"],
            &["posts", "posting", "posted", "post"],
            &["engagement", "engaging", "engage"],
            &["planning", "plans", "plan"],
            &["communities", "community"],
            &["users", "user"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(
                stems.iter().all(|s| s == &stems[0]),
                "{group:?} → {stems:?}"
            );
        }
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("café"), "café");
    }

    #[test]
    fn synonyms_and_stopwords_come_from_the_config() {
        let config = super::super::config::MatchingConfig::builtin().unwrap();
        let n = Normalizer::new(&config.word_lists());
        assert_eq!(
            n.content("Moderate the Discord"),
            n.content("moderating forums")
        );
        assert_eq!(n.content("the brand's Instagram"), vec!["brand", "social"]);
        assert!(n.weight(&stem("community")) < 1.0);
    }

    #[test]
    fn colleagues_named_in_a_duty_are_left_out() {
        let config = super::super::config::MatchingConfig::builtin().unwrap();
        let n = Normalizer::new(&config.word_lists());
        let line = "Work with the marketing and PR teams to identify community leaders";
        assert_eq!(
            n.duty_content(line),
            n.duty_content("Work to identify community leaders")
        );
        assert_eq!(
            n.duty_content("Coordinate with team members to plan posts"),
            n.duty_content("Coordinate to plan posts")
        );
        // Catalog texts keep them, and "each other" is members, not colleagues.
        assert!(n.content(line).contains(&stem("marketing")));
        assert!(
            n.duty_terms("members talk with each other and the team")
                .iter()
                .any(|t| t.stem == stem("other"))
        );
        // Volunteers are members, not colleagues: their span is kept.
        assert!(
            n.duty_content("Look after the forums with our volunteer moderator team")
                .contains(&stem("volunteer"))
        );
        // Nothing to close the phrase within reach: kept.
        assert!(
            n.duty_content(
                "Work with members on their talks and tutorials for the conference team"
            )
            .contains(&stem("tutorials"))
        );
    }

    #[test]
    fn synonyms_do_not_reach_verbs_through_agent_nouns() {
        // "supporters" are an audience, "support" is not; "creators" are not "create".
        let config = super::super::config::MatchingConfig::builtin().unwrap();
        let n = Normalizer::new(&config.word_lists());
        assert_eq!(n.content("supporters"), n.content("followers"));
        assert_eq!(n.content("fans"), n.content("followers"));
        assert_ne!(n.content("support"), n.content("followers"));
        assert_ne!(n.content("follow up"), n.content("followers"));
        assert_ne!(n.content("create"), n.content("influencers"));
        assert_ne!(n.content("serve"), n.content("forum"));
        // Inflections still meet: plurals and tenses of a listed word.
        assert_eq!(n.content("tournament"), n.content("events"));
        assert_eq!(n.content("published"), n.content("posts"));
    }
}
