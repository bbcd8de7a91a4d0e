//! Did-you-mean suggestions for mistyped ids, fields and rule names.

/// The closest of `candidates` to `given`, if it is close enough to be a likely typo.
///
/// Uses a normalised edit distance in which a swapped pair of letters counts as one edit
/// (optimal string alignment), and a prefix match (`social` for `social-media-manager`) is
/// accepted too. For many lookups in the same names, prepare them once with [`Names`].
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    Names::new(candidates.iter().copied())
        .closest(given)
        .map(|i| candidates[i])
}

/// Names prepared for many did-you-mean lookups: a plan can hold thousands of unknown ids
/// against a catalog of thousands of tasks. Each name is bounded cheaply first (length
/// difference, letters in common), and the edit distance is computed only for names that could
/// still beat the best so far.
#[derive(Debug, Clone)]
pub struct Names {
    words: Vec<Word>,
}

impl Names {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Names {
        Names {
            words: names.into_iter().map(Word::new).collect(),
        }
    }

    /// The position of the name closest to `given`, if it is close enough (see
    /// [`did_you_mean`]); the first of equally close names.
    pub fn closest(&self, given: &str) -> Option<usize> {
        let given = Word::new(given);
        let mut best: Option<(usize, f64)> = None;
        for (i, cand) in self.words.iter().enumerate() {
            let prefix = given.len >= 4 && cand.lower.starts_with(given.lower.as_str());
            let floor = if prefix { 0.8 } else { 0.0 };
            let longest = given.len.max(cand.len).max(1) as f64;
            let beats = |score: f64| match best {
                None => score >= MIN_SIMILARITY,
                Some((_, b)) => score > b,
            };
            let by_length = 1.0 - given.len.abs_diff(cand.len) as f64 / longest;
            if !beats(by_length.max(floor)) {
                continue;
            }
            let by_letters = 1.0 - given.bag_distance(cand) as f64 / longest;
            if !beats(by_letters.max(floor)) {
                continue;
            }
            let distance = strsim::osa_distance(&given.lower, &cand.lower);
            let score = (1.0 - distance as f64 / longest).max(floor);
            if beats(score) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// How alike two names must be (1 = equal) for one to be suggested for the other.
const MIN_SIMILARITY: f64 = 0.6;

/// A name lower-cased, with its length in characters and its ASCII letter counts.
#[derive(Debug, Clone)]
struct Word {
    lower: String,
    len: usize,
    bag: [u16; 128],
}

impl Word {
    fn new(s: &str) -> Word {
        let lower = s.to_lowercase();
        let mut bag = [0u16; 128];
        let mut len = 0;
        for c in lower.chars() {
            len += 1;
            if c.is_ascii() {
                bag[c as usize] = bag[c as usize].saturating_add(1);
            }
        }
        Word { lower, len, bag }
    }

    /// A lower bound of the edit distance from the letters alone: one edit changes the count
    /// of at most one ASCII letter on each side (a swap changes none; letters outside ASCII are
    /// not counted, which only lowers the bound).
    fn bag_distance(&self, other: &Word) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (a, b) in self.bag.iter().zip(&other.bag) {
            if a > b {
                more += usize::from(a - b);
            } else {
                fewer += usize::from(b - a);
            }
        }
        more.max(fewer)
    }
}

/// " (did you mean `x`?)" or nothing, ready to append to a message.
pub fn hint<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    worded(did_you_mean(given, candidates))
}

/// A suggestion, if any, as " (did you mean `x`?)".
pub fn worded(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let ids = ["community-manager", "social-media-manager"];
        assert_eq!(
            did_you_mean("comunity-manager", ids),
            Some("community-manager")
        );
        assert_eq!(did_you_mean("social", ids), Some("social-media-manager"));
        assert_eq!(did_you_mean("accountant", ids), None);
    }

    #[test]
    fn the_cheap_bounds_never_change_the_answer() {
        // The pruned search must pick what scoring every candidate would pick.
        fn slow<'a>(given: &str, candidates: &[&'a str]) -> Option<&'a str> {
            let g = given.to_lowercase();
            let mut best: Option<(&str, f64)> = None;
            for c in candidates {
                let l = c.to_lowercase();
                let longest = g.chars().count().max(l.chars().count()).max(1) as f64;
                let mut s = 1.0 - strsim::osa_distance(&g, &l) as f64 / longest;
                if g.chars().count() >= 4 && l.starts_with(&g) {
                    s = s.max(0.8);
                }
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((c, s));
                }
            }
            best.filter(|&(_, s)| s >= MIN_SIMILARITY).map(|(c, _)| c)
        }
        let ids = [
            "cm-welcome-new-members",
            "cm-welcome-newcomers",
            "sm-reply-comments",
            "sm-reply-comment",
            "sm-schedule-posts",
            "cm-meetups",
            "café-rencontres",
            "山田-tasks",
            "a",
            "",
        ];
        for given in [
            "cm-welcome-new-member",
            "cm-wlecome-newcomers",
            "sm-reply",
            "sm-scheduel-posts",
            "meetups",
            "cafe-rencontres",
            "山田-task",
            "zzzzzzzzzzzz",
            "",
            "a",
        ] {
            assert_eq!(did_you_mean(given, ids), slow(given, &ids), "{given}");
        }
    }

    #[test]
    fn hint_is_empty_without_a_match() {
        assert_eq!(hint("zzz", ["abc"]), "");
        assert_eq!(hint("capcity", ["capacity"]), " (did you mean `capacity`?)");
    }
}
