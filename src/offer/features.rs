//! What the learned models see of a line: Snowball stems (per language, accents folded), word
//! pairs and the letter sequences of its words for the role model; stems, the heading above,
//! and the line's shape for the section model. One place makes them, so training and reading can never disagree.

use std::sync::{Mutex, PoisonError};

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::feature_hash::Fnv;
use super::language::Language;
pub use super::letters::{GRAM, fold, fold_into, wrapped_word};
use super::model::HashedFeature;
use super::names::Names;

/// A language's stemmer, made once per posting, and the stems it has given so far.
pub struct Stems {
    stemmer: Stemmer,
    /// Each word as written → its stem. A posting says most of its words many times over,
    /// and stemming was a tenth of reading one; the stem of a word is always the same.
    /// (Behind a lock: a long posting's duties are read on two threads.)
    seen: Mutex<FxHashMap<String, String>>,
}

impl Stems {
    pub fn new(language: Language) -> Stems {
        Stems {
            stemmer: language.stemmer(),
            seen: Mutex::default(),
        }
    }

    /// The line's tokens: each word lower-cased, stemmed and folded to plain letters, with the
    /// word as written beside it (what an explanation shows). Numbers and one-letter words are
    /// left out: they say nothing about whose work a line is.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = Vec::new();
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < 2 || word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let stem = if let Some(stem) = seen.get(word) {
                stem.clone()
            } else {
                let stem = fold(&self.stemmer.stem(&word.to_lowercase()));
                seen.insert(word.to_owned(), stem.clone());
                stem
            };
            out.push(Token {
                stem,
                word: word.to_owned(),
            });
        }
        out
    }
}

/// Lengths of the letter sequences the role model takes from every word, boundaries marked
/// (scikit-learn's `char_wb`): they let "moderar", "modérer" and "moderate" share evidence
/// that their stems do not, and a short word's whole `<dm>` is one of them. The model values
/// them by IDF, so common sequences ("<com", "ing>") weigh little. (Four and five letters: in
/// the end-to-end cross-validation as good as three to five, 154 against 155 of the 199 role-
/// titled verdicts and 1,364 against 1,359 duty lines, for half the extra reading time.)
pub const ROLE_GRAMS: std::ops::RangeInclusive<usize> = 4..=5;

/// What a letter sequence's feature name starts with (`#agra`), apart from any stem.
pub const GRAM_MARK: &str = "#";

/// One word of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub stem: String,
    pub word: String,
}

/// The role model's features of a line: every stem, every pair of neighbouring stems
/// ("repli comment"), and every letter sequence of its words ([`ROLE_GRAMS`], named
/// `#<repl`), each once. The feature's name is the stem, pair or `#` and the letters.
pub fn role_features(tokens: &[Token]) -> Vec<String> {
    let mut names = Names::new();
    role_names(tokens, &mut names);
    names.to_vec()
}

/// [`role_features`], written into `out` (empty), sorted.
pub fn role_names(tokens: &[Token], out: &mut Names) {
    // A word of n letters gives a stem, a pair and about 2n letter sequences of some six
    // bytes each.
    let letters: usize = tokens.iter().map(|t| t.word.len()).sum();
    out.reserve(
        2 * tokens.len() + 2 * letters,
        12 * letters + 16 * tokens.len(),
    );
    for t in tokens {
        out.push(&[&t.stem]);
    }
    for p in tokens.windows(2) {
        out.push(&[&p[0].stem, " ", &p[1].stem]);
    }
    let mut letters = Vec::new();
    for t in tokens {
        wrapped_word(&t.word, &mut letters);
        for n in ROLE_GRAMS {
            for g in letters.windows(n) {
                out.push_chars(GRAM_MARK, g);
            }
        }
    }
    out.sort_dedup_from(0);
}

/// Where a role feature of a line comes from: an explanation finds the words a feature stands
/// for from it ([`role_feature_surface`]), with no name written for any feature of any line
/// ([`role_feature_name`] writes one, for tests and tools).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleFeature {
    /// The stem of token `n`.
    Stem(u32),
    /// The stems of tokens `n` and `n + 1`.
    Pair(u32),
    /// `len` letters from `start` of token `token`'s `<word>`.
    Letters { token: u32, start: u16, len: u8 },
}

/// [`role_names`] as hashes: each feature's name's hash and block (`gram_block` for a letter
/// sequence, 0 for a stem or a pair: the blocks of a model weighted by IDF with the letter
/// sequences apart, or all together) into `hashes`, where it comes from into `origins`, in
/// the same order; repeats are left in ([`super::model::LinearModel::known_hashed`] reads each
/// once). The same features as [`role_names`], without writing or sorting their names.
pub fn role_hashed(
    tokens: &[Token],
    gram_block: u8,
    hashes: &mut Vec<HashedFeature>,
    origins: &mut Vec<RoleFeature>,
) {
    let mut push = |hash: Fnv, block: u8, origin: RoleFeature| {
        hashes.push(HashedFeature {
            hash: hash.finish(),
            block,
        });
        origins.push(origin);
    };
    let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    for (i, t) in tokens.iter().enumerate() {
        let mut h = Fnv::new();
        h.str(&t.stem);
        push(h, 0, RoleFeature::Stem(index(i)));
    }
    for (i, p) in tokens.windows(2).enumerate() {
        let mut h = Fnv::new();
        h.str(&p[0].stem);
        h.byte(b' ');
        h.str(&p[1].stem);
        push(h, 0, RoleFeature::Pair(index(i)));
    }
    let mut letters = Vec::new();
    let mut mark = Fnv::new();
    mark.str(GRAM_MARK);
    for (i, t) in tokens.iter().enumerate() {
        wrapped_word(&t.word, &mut letters);
        for n in ROLE_GRAMS {
            for (start, g) in letters.windows(n).enumerate() {
                let mut h = mark;
                for &c in g {
                    h.char(c);
                }
                let origin = RoleFeature::Letters {
                    token: index(i),
                    start: u16::try_from(start).unwrap_or(u16::MAX),
                    len: u8::try_from(n).unwrap_or(u8::MAX),
                };
                push(h, gram_block, origin);
            }
        }
    }
}

/// The name of a feature [`role_hashed`] found in `tokens` (`"repli comment"`, `"#<rep"`).
pub fn role_feature_name(tokens: &[Token], feature: RoleFeature) -> String {
    let stem = |i: u32| tokens.get(i as usize).map_or("", |t| t.stem.as_str());
    match feature {
        RoleFeature::Stem(i) => stem(i).to_owned(),
        RoleFeature::Pair(i) => format!("{} {}", stem(i), stem(i + 1)),
        RoleFeature::Letters { token, start, len } => {
            let mut letters = Vec::new();
            if let Some(t) = tokens.get(token as usize) {
                wrapped_word(&t.word, &mut letters);
            }
            let from = usize::from(start).min(letters.len());
            let to = (from + usize::from(len)).min(letters.len());
            let mut name = GRAM_MARK.to_owned();
            name.extend(&letters[from..to]);
            name
        }
    }
}

/// The words of the line a feature [`role_hashed`] found in `tokens` stands for, as written:
/// [`surface`] of its name, read from where it came from. (Of a feature found more than once,
/// [`super::model::LinearModel::known_hashed`] keeps the first, and the first token whose
/// word holds a letter sequence is the first that gave it.)
pub fn role_feature_surface(tokens: &[Token], feature: RoleFeature) -> Option<String> {
    match feature {
        RoleFeature::Stem(i) | RoleFeature::Letters { token: i, .. } => {
            tokens.get(i as usize).map(|t| t.word.clone())
        }
        RoleFeature::Pair(i) => {
            let (a, b) = (tokens.get(i as usize)?, tokens.get(i as usize + 1)?);
            Some(format!("{} {}", a.word, b.word))
        }
    }
}

/// The words of the line a role feature stands for, as written ("reply comments"), found by
/// its name: what [`role_feature_surface`] finds from where the feature came from (a test
/// holds the two equal).
pub fn surface(tokens: &[Token], feature: &str) -> Option<String> {
    // A letter sequence names the word it was taken from ("#agra" → "Instagram").
    if let Some(gram) = feature.strip_prefix(GRAM_MARK) {
        return tokens
            .iter()
            .find(|t| format!("<{}>", fold(&t.word.to_lowercase())).contains(gram))
            .map(|t| t.word.clone());
    }
    match feature.split_once(' ') {
        None => tokens
            .iter()
            .find(|t| t.stem == feature)
            .map(|t| t.word.clone()),
        Some((a, b)) => tokens
            .windows(2)
            .find(|p| p[0].stem == a && p[1].stem == b)
            .map(|p| format!("{} {}", p[0].word, p[1].word)),
    }
}

/// A line of a posting as the section model sees it. (Independent flags of its shape, each a
/// feature of its own: not a state machine.)
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default)]
pub struct LineShape<'a> {
    pub text: &'a str,
    /// It started with a bullet or a number.
    pub marked: bool,
    /// A Markdown heading, or it ended with ":".
    pub heading_like: bool,
    /// A sentence cut out of a longer line of prose.
    pub sentence: bool,
}

/// Where a line stands among its neighbours.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'h> {
    /// The stems of the heading above it, if any.
    pub heading: Option<&'h [String]>,
    /// Its index and the number of lines.
    pub index: usize,
    pub count: usize,
    pub prev_marked: bool,
    pub next_marked: bool,
}

/// Whether a line can head the lines after it: a Markdown heading or a line ending in ":", or a
/// short line with no bullet and no full stop. Structure only, so it holds in every language.
pub fn heads_a_block(shape: &LineShape<'_>) -> bool {
    let words = shape.text.split_whitespace().count();
    shape.heading_like
        || (!shape.marked
            && !shape.sentence
            && words <= 6
            && !shape.text.trim_end().ends_with(['.', '!', '?', ';', ',']))
}

/// The section model's features of a line.
pub fn section_features(
    language: Language,
    shape: &LineShape<'_>,
    tokens: &[Token],
    context: &Context<'_>,
) -> Vec<String> {
    let mut names = Names::new();
    section_names(language, shape, tokens, context, &mut names);
    names.to_vec()
}

/// [`section_features`], written into `out` (empty), sorted.
pub fn section_names(
    language: Language,
    shape: &LineShape<'_>,
    tokens: &[Token],
    context: &Context<'_>,
    out: &mut Names,
) {
    out.push(&["lang:", language.code()]);
    for t in tokens.iter().take(40) {
        out.push(&["w:", &t.stem]);
    }
    if let Some(first) = tokens.first() {
        out.push(&["f:", &first.stem]);
        // The first word as written: a stem is one for "Moderate" (a duty) and "Moderator" (a
        // title), "Manage" and "Manager"; the word is not.
        out.push(&["fw:", &fold(&first.word.to_lowercase())]);
    }
    if let Some(second) = tokens.get(1) {
        out.push(&["f2:", &second.stem]);
    }
    match context.heading {
        Some(stems) if !stems.is_empty() => {
            for s in stems.iter().take(8) {
                out.push(&["h:", s]);
            }
        }
        _ => out.push(&["h:none"]),
    }
    let text = shape.text.trim();
    let words = text.split_whitespace().count();
    let bucket = match words {
        0..=1 => "1",
        2..=3 => "2-3",
        4..=7 => "4-7",
        8..=15 => "8-15",
        16..=30 => "16-30",
        _ => "31+",
    };
    out.push(&["s:len", bucket]);
    let flags = [
        ("s:bullet", shape.marked),
        ("s:heading", shape.heading_like),
        ("s:heads", heads_a_block(shape)),
        ("s:sentence", shape.sentence),
        ("s:period", text.ends_with('.')),
        ("s:question", text.ends_with('?')),
        ("s:exclaim", text.ends_with('!')),
        ("s:digit", text.chars().any(|c| c.is_ascii_digit())),
        (
            "s:money",
            text.contains(['$', '€', '£', '¥']) || text.contains("R$"),
        ),
        (
            "s:link",
            text.contains("http") || text.contains("www.") || text.contains('@'),
        ),
        (
            "s:caps",
            text.chars().any(char::is_alphabetic)
                && !text.chars().any(char::is_lowercase)
                && words <= 8,
        ),
        ("s:first", context.index == 0),
        // A list that starts the text is no title: people paste a duty list alone.
        ("s:firstbullet", context.index == 0 && shape.marked),
        (
            "s:bulletnoheading",
            shape.marked && context.heading.is_none_or(<[String]>::is_empty),
        ),
        ("s:prevbullet", context.prev_marked),
        ("s:nextbullet", context.next_marked),
        (
            "s:bulletunder",
            shape.marked && context.heading.is_some_and(|h| !h.is_empty()),
        ),
    ];
    for (f, on) in flags {
        if on {
            out.push(&[f]);
        }
    }
    let fifth = (context.index * 5).checked_div(context.count).unwrap_or(0);
    out.push(&["s:pos", &fifth.to_string()]);
    out.sort_dedup_from(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_stemmed_per_language_and_folded() {
        let en = Stems::new(Language::English);
        let stems: Vec<String> = en
            .tokens("Replying to comments, 3 DMs & a post")
            .into_iter()
            .map(|t| t.stem)
            .collect();
        assert_eq!(stems, ["repli", "to", "comment", "dms", "post"]);
        let es = Stems::new(Language::Spanish);
        let a = es.tokens("Gestión");
        let b = es.tokens("gestion");
        assert_eq!(a[0].stem, b[0].stem);
        assert_eq!(a[0].word, "Gestión");
    }

    #[test]
    fn role_features_are_stems_and_pairs_once_each() {
        let en = Stems::new(Language::English);
        let t = en.tokens("reply to comments, reply to DMs");
        let f = role_features(&t);
        assert!(f.contains(&"repli to".to_owned()));
        assert_eq!(f.iter().filter(|x| *x == "repli").count(), 1);
        assert_eq!(surface(&t, "repli to").as_deref(), Some("reply to"));
        assert_eq!(surface(&t, "dms").as_deref(), Some("DMs"));
        // Four and five letters of every word, its boundaries marked: a short word whole.
        for want in ["#<to>", "#<dms>", "#omme", "#ents>"] {
            assert!(f.contains(&want.to_owned()), "{want} in {f:?}");
        }
        assert!(!f.contains(&"#<to".to_owned()), "{f:?}");
        assert!(
            f.iter()
                .filter_map(|x| x.strip_prefix(GRAM_MARK))
                .all(|g| ROLE_GRAMS.contains(&g.chars().count()))
        );
        assert_eq!(surface(&t, "#<dms>").as_deref(), Some("DMs"));
        assert_eq!(surface(&t, "#omme").as_deref(), Some("comments"));
    }

    #[test]
    fn hashed_role_features_are_the_named_ones() {
        use crate::offer::feature_hash::feature_hash;
        let lines = [
            (
                "reply to comments, reply to DMs and reply again",
                Language::English,
            ),
            (
                "Modérer le serveur Discord et créer des événements",
                Language::French,
            ),
            (
                "Gestionar las redes sociales: Instagram, TikTok",
                Language::Spanish,
            ),
            ("a", Language::English),
        ];
        for (text, language) in lines {
            let t = Stems::new(language).tokens(text);
            let (mut hashes, mut origins) = (Vec::new(), Vec::new());
            role_hashed(&t, 1, &mut hashes, &mut origins);
            assert_eq!(hashes.len(), origins.len());
            // Every origin names its feature, hashed as the name is, in its block.
            let mut named: Vec<String> = Vec::new();
            for (h, &o) in hashes.iter().zip(&origins) {
                let name = role_feature_name(&t, o);
                assert_eq!(h.hash, feature_hash(&name), "{name}");
                assert_eq!(h.block, u8::from(name.starts_with(GRAM_MARK)), "{name}");
                named.push(name);
            }
            // The same features as the named path, repeats aside.
            named.sort_unstable();
            named.dedup();
            assert_eq!(named, role_features(&t), "{text}");
            // The first origin of a feature stands for the words its name does.
            for (i, &o) in origins.iter().enumerate() {
                let name = role_feature_name(&t, o);
                let first = origins[..i]
                    .iter()
                    .all(|&e| role_feature_name(&t, e) != name);
                if first {
                    assert_eq!(role_feature_surface(&t, o), surface(&t, &name), "{name}");
                }
            }
        }
    }

    #[test]
    fn section_features_see_the_heading_and_the_shape() {
        let en = Stems::new(Language::English);
        let heading = vec!["respons".to_owned()];
        let text = "Host monthly meetups";
        let shape = LineShape {
            text,
            marked: true,
            ..LineShape::default()
        };
        let f = section_features(
            Language::English,
            &shape,
            &en.tokens(text),
            &Context {
                heading: Some(&heading),
                index: 3,
                count: 10,
                ..Context::default()
            },
        );
        for want in ["h:respons", "s:bullet", "f:host", "s:len2-3", "lang:en"] {
            assert!(f.contains(&want.to_owned()), "{want} in {f:?}");
        }
        assert!(!f.contains(&"h:none".to_owned()));
    }

    #[test]
    fn a_short_unbulleted_line_heads_a_block_and_a_sentence_does_not() {
        let short = LineShape {
            text: "What you'll do",
            ..LineShape::default()
        };
        assert!(heads_a_block(&short));
        let sentence = LineShape {
            text: "You will run our meetups.",
            ..LineShape::default()
        };
        assert!(!heads_a_block(&sentence));
        let colon = LineShape {
            text: "In this role you will be doing these things",
            heading_like: true,
            ..LineShape::default()
        };
        assert!(heads_a_block(&colon));
    }
}
