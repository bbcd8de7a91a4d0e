//! Ranking a list by typed words, shared by every list a user narrows by typing: the catalog
//! pane and the import's task picker, the People pane and the move picker. A user types a
//! task's or a person's own words and expects that task or person first, not the first row
//! in list order that happens to hold them somewhere.
//!
//! A candidate is its text in tiers, best first: a task's title, then the title with its id,
//! keywords, category and owner. It ranks in the first tier whose text holds every typed word
//! (as a substring, in any case, `zoe` finding `Zoë`). Failing all, it may match fuzzily: each
//! word's letters in order, with gaps, within one of its fields (the title, a keyword, ...:
//! `intrdc mmbrs`), spread over no more than twice the word's length, since letters strewn
//! over a long line match nearly any short word and a list where everything matches is not
//! narrowed; fuzzy matches in the title come first. Within a tier,
//! [nucleo](https://docs.rs/nucleo-matcher)'s score orders the candidates (a word found at the
//! start of a word, letters together, ...), then the list's own order, so equal matches keep
//! the order the user knows.

use std::cmp::Reverse;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

/// Characters of a candidate's text that are searched: plenty for a title with its keywords,
/// and a bound on the work (and the matcher's limit) whatever a catalog or a plan holds.
const SEARCHED_CHARS: usize = 4_000;

/// How far a fuzzy match may spread: over at most this many times the word's own length.
const SPAN: usize = 2;

/// A text as the matcher reads it, made once per list, not per key typed.
#[derive(Clone, PartialEq, Eq)]
pub struct Text(Utf32String);

impl Text {
    pub fn new(text: &str) -> Text {
        let end = text
            .char_indices()
            .nth(SEARCHED_CHARS)
            .map_or(text.len(), |(at, _)| at);
        Text(Utf32String::from(&text[..end]))
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0.to_string())
    }
}

/// What a filter searches in one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Searched {
    /// Its text by tier, best first, each holding the previous ones' (a task's title; then
    /// the title and everything else).
    tiers: Vec<Text>,
    /// Its fields apart, for fuzzy matching; empty: the last tier's text is the one field.
    fields: Vec<Text>,
}

impl Searched {
    pub fn new(tiers: Vec<Text>, fields: Vec<Text>) -> Searched {
        Searched { tiers, fields }
    }

    /// A candidate with one text, such as a person's name.
    pub fn one(text: &str) -> Searched {
        Searched::new(vec![Text::new(text)], Vec::new())
    }

    fn fuzzy_fields(&self) -> &[Text] {
        if self.fields.is_empty() {
            self.tiers.last().map_or(&[], std::slice::from_ref)
        } else {
            &self.fields
        }
    }
}

/// What was typed, read once per key: each word as a substring to find and as a fuzzy one.
#[derive(Debug)]
pub struct Query {
    words: Vec<Atom>,
    fuzzy: Vec<Atom>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        let atoms = |kind| {
            typed
                .split_whitespace()
                .map(move |word| {
                    Atom::new(
                        word,
                        CaseMatching::Ignore,
                        Normalization::Smart,
                        kind,
                        false,
                    )
                })
                .collect::<Vec<_>>()
        };
        Query {
            words: atoms(AtomKind::Substring),
            fuzzy: atoms(AtomKind::Fuzzy),
        }
    }

    /// Whether nothing but spaces was typed: then every candidate matches, in list order.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Where a candidate ranks: lower tiers first, then higher scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rank {
    pub tier: usize,
    pub score: Reverse<u32>,
}

/// Ranks candidates against one query, reusing the matcher's memory across them.
pub struct Ranker<'q> {
    query: &'q Query,
    matcher: Matcher,
}

impl Ranker<'_> {
    pub fn new(query: &Query) -> Ranker<'_> {
        Ranker {
            query,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Where `candidate` ranks, or `None` if it does not match. Its tiers are numbered from
    /// 0; the fuzzy ones come after them.
    pub fn rank(&mut self, candidate: &Searched) -> Option<Rank> {
        if self.query.is_empty() {
            return Some(Rank {
                tier: 0,
                score: Reverse(0),
            });
        }
        let matcher = &mut self.matcher;
        let found = candidate.tiers.iter().enumerate().find_map(|(tier, text)| {
            let score = self.query.words.iter().try_fold(0, |sum, atom| {
                Some(sum + u32::from(atom.score(text.0.slice(..), matcher)?))
            });
            score.map(|s| (tier, s))
        });
        let (tier, score) = if let Some(found) = found {
            found
        } else {
            let (sub, score) = self.fuzzy(candidate)?;
            (candidate.tiers.len() + sub, score)
        };
        Some(Rank {
            tier,
            score: Reverse(score),
        })
    }

    /// Where `candidate` ranks among fuzzy matches, if every word matches within one of its
    /// fields with its letters close together: first those whose words all match in the
    /// first field (a task's title), then the others, each by the sum of the words' best
    /// scores.
    fn fuzzy(&mut self, candidate: &Searched) -> Option<(usize, u32)> {
        let fields = candidate.fuzzy_fields();
        let words = &self.query.fuzzy;
        let mut word_score =
            |atom: &Atom, field: &Text| close_match(atom, field, &mut self.matcher);
        if let Some(first) = fields.first() {
            let in_first: Option<u32> = words
                .iter()
                .try_fold(0, |sum, atom| Some(sum + word_score(atom, first)?));
            if let Some(score) = in_first {
                return Some((0, score));
            }
        }
        let anywhere = words.iter().try_fold(0, |sum, atom| {
            Some(sum + fields.iter().filter_map(|f| word_score(atom, f)).max()?)
        })?;
        Some((1, anywhere))
    }
}

/// The fuzzy score of `atom` in `text`, if its letters are found there in order and no more
/// than [`SPAN`] times the word's length apart from first to last.
fn close_match(atom: &Atom, text: &Text, matcher: &mut Matcher) -> Option<u32> {
    let mut at = Vec::new();
    let score = atom.indices(text.0.slice(..), matcher, &mut at)?;
    let span = match (at.iter().min(), at.iter().max()) {
        (Some(&first), Some(&last)) => (last - first) as usize + 1,
        _ => 0,
    };
    (span <= SPAN * atom.needle_text().len()).then_some(u32::from(score))
}

/// The positions (in list order) of the candidates that match `query`, best first; every
/// position, in order, for an empty query.
pub fn ranked<'t>(query: &Query, candidates: impl IntoIterator<Item = &'t Searched>) -> Vec<usize> {
    let mut ranker = Ranker::new(query);
    let mut found: Vec<(Rank, usize)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(at, c)| ranker.rank(c).map(|r| (r, at)))
        .collect();
    // The position breaks ties, so equal matches keep the list's order.
    found.sort_unstable();
    found.into_iter().map(|(_, at)| at).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tiers: &[&str]) -> Searched {
        Searched::new(tiers.iter().map(|t| Text::new(t)).collect(), Vec::new())
    }

    fn order(typed: &str, list: &[Searched]) -> Vec<usize> {
        ranked(&Query::new(typed), list)
    }

    #[test]
    fn every_word_in_the_first_tier_ranks_before_the_second_and_fuzzy_last() {
        let list = [
            // Both words, but only among the keywords.
            texts(&[
                "Welcome new members",
                "welcome new members introduce yourself",
            ]),
            // Both words in the title.
            texts(&[
                "Introduce members to each other",
                "introduce members to each other",
            ]),
            // "intvw" only fuzzily: its letters in order within "interview".
            texts(&["Interview our members", "interview our members"]),
            texts(&["Schedule posts", "schedule posts calendar"]),
        ];
        assert_eq!(order("introduce members", &list), [1, 0]);
        assert_eq!(order("intvw members", &list), [2]);
        // i-n-t-r-o spread from "interview" to "our" is too far apart.
        assert_eq!(order("intro members", &list), [1, 0]);
        assert_eq!(order("", &list), [0, 1, 2, 3]);
        assert_eq!(order("   ", &list), [0, 1, 2, 3]);
        assert_eq!(order("zzz", &list), Vec::<usize>::new());
    }

    #[test]
    fn a_fuzzy_match_must_keep_a_words_letters_close_within_one_field() {
        let strewn = Searched::new(
            vec![Text::new("Moderate events and track tickets")],
            vec![
                Text::new("Moderate events and track tickets"),
                Text::new("pins"),
            ],
        );
        let abbreviated = Searched::new(
            vec![Text::new("Manage paid social ads")],
            vec![Text::new("Manage paid social ads"), Text::new("ppc")],
        );
        let list = [strewn, abbreviated];
        // m-e-e-t strewn over a line is not "meet"; p-a-i-d in one word is.
        assert_eq!(order("meet", &list), Vec::<usize>::new());
        assert_eq!(order("pd scl", &list), [1]);
        // Across two fields ("...tickets" and "pins") letters do not join up.
        assert_eq!(order("tspins", &list), Vec::<usize>::new());
    }

    #[test]
    fn a_word_at_a_word_start_outscores_one_inside_a_word_and_ties_keep_list_order() {
        let list = [
            texts(&["Gather feedback"]),
            texts(&["Run the meetups"]),
            texts(&["Host meetups"]),
            texts(&["Run the meetups"]),
        ];
        // "the" inside "Gather" scores less than "the" starting a word.
        assert_eq!(order("the", &list), [1, 3, 0]);
        assert_eq!(order("meetups", &list), [1, 2, 3]);
    }

    #[test]
    fn case_and_accents_do_not_matter_but_a_typed_accent_does() {
        let list = [
            texts(&["Zoë Lindqvist"]),
            texts(&["ZOE PARK"]),
            texts(&["山田 花子"]),
            // Stored decomposed (e, then a combining diaeresis): nucleo reads a grapheme by
            // its first char, so this is "Zoe" to it.
            texts(&["Zoe\u{308} Decomposed"]),
        ];
        assert_eq!(order("zoe", &list), [0, 1, 3]);
        assert_eq!(order("ZOË", &list), [0]);
        assert_eq!(order("花子", &list), [2]);
        assert_eq!(order("lindqvist zoe", &list), [0]);
    }

    #[test]
    fn long_text_is_searched_up_to_a_bound_without_failing() {
        let long = "a".repeat(SEARCHED_CHARS * 3) + " needle";
        let list = [texts(&[&long]), texts(&["needle"])];
        assert_eq!(order("needle", &list), [1]);
        assert_eq!(order("a", &list), [0]);
    }
}
