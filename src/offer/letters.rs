//! Letters of words as the role model and the matcher compare them: accents folded, and the
//! letter sequences of `<word>`. A file of its own because the build script compiles it too,
//! to index the built-in catalogs' tasks as the matcher does (`offer/term_index.rs`).

/// Length of the letter sequences the matcher takes from each longer word, fastText-style:
/// they let "moderar", "modérer" and "moderate" share evidence that their stems do not. (The
/// role model takes 4 and 5 letters of every word: `features::ROLE_GRAMS`.)
pub const GRAM: usize = 4;

/// Accented letters of the four languages folded to plain ones after stemming, so "gestión" and
/// a "gestion" typed without its accent are one stem.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], written onto the end of `out` (a `String` or a `Vec<char>`).
pub fn fold_into(s: &str, out: &mut impl Extend<char>) {
    for c in s.chars() {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.extend(['a']),
            'è' | 'é' | 'ê' | 'ë' => out.extend(['e']),
            'ì' | 'í' | 'î' | 'ï' => out.extend(['i']),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.extend(['o']),
            'ù' | 'ú' | 'û' | 'ü' => out.extend(['u']),
            'ç' => out.extend(['c']),
            'ñ' => out.extend(['n']),
            'œ' => out.extend(['o', 'e']),
            'æ' => out.extend(['a', 'e']),
            _ => out.extend([c]),
        }
    }
}

/// The letters of `<word>`, lower-cased and folded, into `out` (cleared first): what the
/// letter sequences of a word are taken from. (An ASCII word, most of them, needs no
/// lower-cased copy: nothing in it folds.)
pub fn wrapped_word(word: &str, out: &mut Vec<char>) {
    out.clear();
    out.push('<');
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        fold_into(&word.to_lowercase(), out);
    }
    out.push('>');
}
