//! The words and signs a list of phrases starts with, and whether a line holds any of them.
//!
//! A line holding none cannot match any of the phrases anywhere, and saying so takes one pass
//! over its characters, where cutting it into [`super::tokens`] makes a string of every word.
//! Most lines of a posting name no currency, working time or mode of work: [`super::Facts`]
//! skips those at this cost (on a 200-line posting the token cuts of such lines were a tenth
//! of the whole read).

use rustc_hash::FxHashSet;

use super::Phrase;
#[cfg(test)]
use super::Token;

/// The first tokens of some phrases, as [`super::tokens`] writes them (lower-cased words and
/// single signs).
#[derive(Debug, Clone, Default)]
pub(super) struct FirstKeys {
    keys: FxHashSet<String>,
    /// A phrase starts with a number: the scan does not read numbers, so every line may hold
    /// one.
    any: bool,
    /// The longest key, in bytes: a longer ASCII word is none of them.
    longest: usize,
}

/// ASCII words up to this length are lower-cased on the stack, not in a new string.
const STACK_WORD: usize = 32;

impl FirstKeys {
    pub(super) fn new<'a>(phrases: impl IntoIterator<Item = &'a Phrase>) -> FirstKeys {
        let mut out = FirstKeys::default();
        for first in phrases.into_iter().filter_map(|p| p.first()) {
            // A token's key starts with a digit only when it is a number.
            out.any |= first.starts_with(|c: char| c.is_ascii_digit());
            out.longest = out.longest.max(first.len());
            out.keys.insert(first.clone());
        }
        out
    }

    /// The first tokens of those of `phrases` that start with a word, for a phrase looked for
    /// only at a line's first word.
    pub(super) fn of_words<'a>(phrases: impl IntoIterator<Item = &'a Phrase>) -> FirstKeys {
        FirstKeys::new(phrases.into_iter().filter(|p| {
            p.first()
                .is_some_and(|k| k.chars().any(char::is_alphabetic))
        }))
    }

    /// Whether some token of `line` may be one of the keys. `false` means none is: every
    /// word of `line` (a run of letters, lower-cased) and every sign outside a number is
    /// looked up; a sign inside a number is looked up too, which only ever says yes more.
    pub(super) fn in_line(&self, line: &str) -> bool {
        if self.any {
            return true;
        }
        let mut chars = line.char_indices().peekable();
        let mut sign = [0u8; 4];
        while let Some((start, c)) = chars.next() {
            if c.is_alphabetic() {
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = chars.peek().filter(|(_, n)| n.is_alphabetic()) {
                    end = i + n.len_utf8();
                    chars.next();
                }
                if self.has_word(&line[start..end]) {
                    return true;
                }
            } else if !c.is_whitespace() && !c.is_ascii_digit() {
                let key = if c == '’' {
                    "'"
                } else {
                    c.encode_utf8(&mut sign)
                };
                if self.keys.contains(key) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether `word` (a run of letters as written) lower-cased is a key.
    fn has_word(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return self.keys.contains(&word.to_lowercase());
        }
        if word.len() > self.longest {
            return false;
        }
        let mut buf = [0u8; STACK_WORD];
        match buf.get_mut(..word.len()) {
            Some(low) => {
                low.copy_from_slice(word.as_bytes());
                low.make_ascii_lowercase();
                std::str::from_utf8(low).is_ok_and(|low| self.keys.contains(low))
            }
            None => self.keys.contains(&word.to_ascii_lowercase()),
        }
    }
}

/// Whether `toks` holds a key: what [`FirstKeys::in_line`] must never deny (for the tests).
#[cfg(test)]
fn in_tokens(keys: &FirstKeys, toks: &[Token]) -> bool {
    keys.any || toks.iter().any(|t| keys.keys.contains(&t.key))
}

#[cfg(test)]
mod tests {
    use super::super::tokens;
    use super::*;

    fn phrases(list: &[&str]) -> Vec<Phrase> {
        list.iter()
            .map(|s| tokens(s).into_iter().map(|t| t.key).collect())
            .collect()
    }

    #[test]
    fn a_line_holds_a_key_exactly_when_one_of_its_tokens_is_one() {
        let keys = FirstKeys::new(&phrases(&[
            "€",
            "eur",
            "us$",
            "dólares",
            "pesos mexicanos",
            "’s",
            "ΣΟΦΙΑΣ",
        ]));
        assert!(!keys.any);
        for line in [
            "Salary: 40.000 €/year",
            "- Schedule and publish posts (item 3)",
            "Paid in EUR",
            "US$ 25/hour",
            "USD 25/hour",
            "25 DÓLARES por hora",
            "Pesos: 2.500",
            "the brand’s voice",
            "Moderate the Discord server",
            "ΣΟΦΙΑΣ",
            "σοφιας",
            "",
            "a word longer than thirty-two letters: pneumonoultramicroscopicsilicovolcanoconiosis",
        ] {
            assert_eq!(
                keys.in_line(line),
                in_tokens(&keys, &tokens(line)),
                "{line:?}"
            );
        }
    }

    proptest::proptest! {
        /// Any line of currency signs, letters in both cases and scripts, digits, separators.
        #[test]
        fn the_scan_never_denies_a_key_the_tokens_hold(line in "[$€£’'.,:/ a-zA-ZéÉσΣΟ0-9-]{0,40}") {
            let keys = FirstKeys::new(&phrases(&["€", "eur", "us$", "é", "’s", "σο", "a"]));
            proptest::prop_assert_eq!(keys.in_line(&line), in_tokens(&keys, &tokens(&line)));
        }
    }

    #[test]
    fn a_phrase_opening_with_a_number_lets_every_line_through() {
        let list = phrases(&["100% remote", "remote"]);
        assert!(FirstKeys::new(&list).in_line("Moderate the forum"));
        let words = FirstKeys::of_words(&list);
        assert!(!words.in_line("Moderate the forum"));
        assert!(words.in_line("Fully Remote"));
    }
}
