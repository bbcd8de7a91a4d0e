//! The catalog's tasks as weighted terms, indexed for the matcher (`super::matcher`).
//!
//! Each task becomes a bag of terms from its title, keywords, `why` and its category's title
//! and summary (single stems, two-word phrases, and letter sequences of the title and
//! keywords), weighted by field, by the weak-word list and by how distinctive the term is
//! across the catalog. Reading the catalog's texts into terms was half of a short `offer`'s
//! instructions (19 M), so the build script compiles this file and indexes the built-in
//! catalogs once ([`TermIndex::to_bytes`]); the reader reads that index in place with
//! [`TermIndex::from_bytes`], which copies only the task norms and hashes nothing, and builds
//! one at run time ([`TermIndex::build`]) only for a user's catalog. A test holds the two
//! equal.
//!
//! A term's id is its place among the terms' hashes in increasing order, so a line's term is
//! found by the top bits of its hash and a short search, with no hash table to build.

use rustc_hash::FxHashMap;

use super::feature_hash::{directory_bits, feature_hash};
use super::letters::{GRAM, wrapped_word};
use super::normalize::Normalizer;

/// The texts of one task that lines are compared with.
#[derive(Debug, Clone)]
pub struct TaskText<'a> {
    pub title: &'a str,
    pub keywords: Vec<&'a str>,
    /// The keywords of other languages (`keywords_by_language` in a catalog).
    pub other_keywords: Vec<&'a str>,
    pub why: &'a str,
    /// Its category's id, title and summary, if the category is known.
    pub category: Option<(&'a str, &'a str, &'a str)>,
}

/// How much each part of a task counts (`scoring` in `data/matching.yaml`).
#[derive(Debug, Clone, Copy)]
pub struct IndexWeights {
    pub title: f64,
    pub keywords: f64,
    /// A word or phrase of a keyword in another language (no letter sequences: a line in
    /// that language meets it word for word).
    pub keywords_by_language: f64,
    pub why: f64,
    pub category_title: f64,
    pub category_summary: f64,
    /// A letter sequence of the title or a keyword.
    pub gram: f64,
    /// A two-word phrase, beside a single word.
    pub bigram_boost: f64,
    /// How much a task's own length divides its score (0 not at all, 1 a full cosine).
    pub task_length_power: f64,
}

/// The tasks' terms, ready for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct TermIndex {
    /// Every term's 64-bit hash ([`feature_hash`]), in increasing order. (Some 10,000 terms:
    /// two sharing a hash is a chance of about one in 10^11.)
    hashes: Table<u64>,
    /// How many top bits of a hash [`Self::directory`] is by.
    bits: u32,
    /// For each value of the top bits, where its hashes start; one more entry, the end.
    directory: Table<u32>,
    /// Per term: the line-side weight (idf × weak-word factor × phrase boost).
    term_weight: Table<f64>,
    /// Term `id`'s postings are `postings[starts[id]..starts[id + 1]]`.
    starts: Table<u32>,
    /// Per term, in task order: (task position, task-side weight).
    postings: Table<(u32, f64)>,
    /// Per task: the length divisor.
    task_norm: Vec<f64>,
}

/// A list of numbers: owned (an index built at run time), or little-endian in the bytes the
/// binary embeds, read in place, so that a reader of the built-in catalogs copies none of them
/// (copying the index back was a fifth of a one-line offer's instructions, and its 500 KB
/// as many page faults) and touches only the pages its lookups need.
#[derive(Debug, Clone)]
enum Table<T> {
    Owned(Vec<T>),
    Embedded(&'static [u8]),
}

/// A number as the embedded index lays it out.
trait Le: Copy + PartialEq {
    const SIZE: usize;
    /// From exactly [`Self::SIZE`] bytes.
    fn read(bytes: &[u8]) -> Self;
    fn write(self, out: &mut Vec<u8>);
}

impl Le for u32 {
    const SIZE: usize = 4;
    fn read(b: &[u8]) -> u32 {
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }
    fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Le for u64 {
    const SIZE: usize = 8;
    fn read(b: &[u8]) -> u64 {
        let mut x = [0; 8];
        x.copy_from_slice(&b[..8]);
        u64::from_le_bytes(x)
    }
    fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Le for f64 {
    const SIZE: usize = 8;
    fn read(b: &[u8]) -> f64 {
        f64::from_bits(u64::read(b))
    }
    fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

/// A posting: the task's position, then its weight.
impl Le for (u32, f64) {
    const SIZE: usize = 12;
    fn read(b: &[u8]) -> (u32, f64) {
        (u32::read(&b[..4]), f64::read(&b[4..12]))
    }
    fn write(self, out: &mut Vec<u8>) {
        self.0.write(out);
        self.1.write(out);
    }
}

impl<T: Le> Table<T> {
    fn len(&self) -> usize {
        match self {
            Table::Owned(v) => v.len(),
            Table::Embedded(b) => b.len() / T::SIZE,
        }
    }

    fn get(&self, i: usize) -> Option<T> {
        match self {
            Table::Owned(v) => v.get(i).copied(),
            Table::Embedded(b) => b.get(i * T::SIZE..(i + 1) * T::SIZE).map(T::read),
        }
    }

    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    fn write(&self, out: &mut Vec<u8>) {
        self.iter().for_each(|x| x.write(out));
    }
}

/// Two tables are equal when they hold the same numbers, owned or embedded.
impl<T: Le> PartialEq for Table<T> {
    fn eq(&self, other: &Table<T>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// The index's first bytes in its embedded form.
const MAGIC: &[u8; 4] = b"RSX2";

impl TermIndex {
    /// Reads every task's texts into terms and weighs them.
    pub fn build(tasks: &[TaskText<'_>], weights: &IndexWeights, norm: &Normalizer) -> TermIndex {
        let TaskTerms {
            ids,
            factor,
            df,
            entries,
            in_length,
            rarity_df,
            ends,
        } = index_tasks(tasks, weights, norm);
        let n = ends.len().max(1) as f64;
        let term_weight: Vec<f64> = factor
            .iter()
            .zip(&rarity_df)
            .map(|(factor, df)| (1.0 + n / df).ln() * factor)
            .collect();
        let mut lengths = Vec::with_capacity(ends.len());
        let mut start = 0;
        for &end in &ends {
            let mut sq = 0.0;
            for (&(id, fwt), _) in entries[start..end]
                .iter()
                .zip(&in_length[start..end])
                .filter(|(_, counts)| **counts)
            {
                let w = fwt * term_weight[id as usize];
                sq += w * w;
            }
            lengths.push(f64::sqrt(sq).max(1e-9));
            start = end;
        }
        let mean = lengths.iter().sum::<f64>() / lengths.len().max(1) as f64;
        let p = weights.task_length_power;
        let task_norm = lengths
            .iter()
            .map(|l| l.powf(p) * mean.powf(1.0 - p))
            .collect();
        // Terms were numbered as met; the index numbers them by hash.
        let mut by_hash: Vec<(u64, u32)> = ids.into_iter().collect();
        by_hash.sort_unstable();
        let mut renumber = vec![0; by_hash.len()];
        for (new, &(_, old)) in by_hash.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let hashes: Vec<u64> = by_hash.iter().map(|&(h, _)| h).collect();
        let (bits, directory) = directory_of(&hashes);
        let (starts, postings) = postings_of(&df, &entries, &ends, &term_weight, &renumber);
        TermIndex {
            bits,
            directory: Table::Owned(directory),
            term_weight: Table::Owned(
                by_hash
                    .iter()
                    .map(|&(_, old)| term_weight[old as usize])
                    .collect(),
            ),
            hashes: Table::Owned(hashes),
            starts: Table::Owned(starts),
            postings: Table::Owned(postings),
            task_norm,
        }
    }

    /// The id of the term whose hash is `hash`, if some task uses it.
    pub fn id(&self, hash: u64) -> Option<u32> {
        let top = usize::try_from(hash >> (64 - self.bits)).ok()?;
        let from = self.directory.get(top)? as usize;
        let to = (self.directory.get(top + 1)? as usize).min(self.hashes.len());
        // A run holds about one hash.
        let at = (from..to).find(|&i| self.hashes.get(i) == Some(hash))?;
        u32::try_from(at).ok()
    }

    /// Term `id`'s line-side weight.
    pub fn weight(&self, id: u32) -> f64 {
        self.term_weight.get(id as usize).unwrap_or(0.0)
    }

    /// Term `id`'s (task position, task-side weight), in task order. (A posting of a task the
    /// index does not have, which only damaged bytes could hold, is left out.)
    pub fn postings(&self, id: u32) -> impl Iterator<Item = (u32, f64)> + '_ {
        let id = id as usize;
        let from = self.starts.get(id).map_or(0, |s| s as usize);
        let to = self
            .starts
            .get(id + 1)
            .map_or(0, |s| s as usize)
            .min(self.postings.len());
        (from..to.max(from))
            .filter_map(|i| self.postings.get(i))
            .filter(|&(task, _)| (task as usize) < self.task_norm.len())
    }

    /// Per task: the length its score is divided by.
    pub fn task_norms(&self) -> &[f64] {
        &self.task_norm
    }

    /// The index as the build script embeds it, for the tasks whose ids give `key`
    /// ([`tasks_key`]): the magic, then little-endian counts (terms, tasks, postings, the
    /// directory's bits), the hashes, the directory, where each term's postings start, the
    /// terms' weights, the task norms and the postings.
    pub fn to_bytes(&self, key: u64) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&key.to_le_bytes());
        for n in [
            self.hashes.len(),
            self.task_norm.len(),
            self.postings.len(),
            self.bits as usize,
        ] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        self.hashes.write(&mut out);
        self.directory.write(&mut out);
        self.starts.write(&mut out);
        self.term_weight.write(&mut out);
        self.task_norm.iter().for_each(|w| w.write(&mut out));
        self.postings.write(&mut out);
        out
    }

    /// The index [`Self::to_bytes`] wrote, read in place, if it was written for the tasks
    /// whose ids give `key` and its parts are the sizes its counts say: otherwise `None`, and
    /// the caller builds one. (Its numbers are not all read here, which would touch every
    /// page: a lookup stays within bounds whatever they are, and a test holds the embedded
    /// index to the one the catalogs give at run time.)
    pub fn from_bytes(bytes: &'static [u8], key: u64) -> Option<TermIndex> {
        let mut r = Bytes(bytes.strip_prefix(MAGIC)?);
        if r.u64()? != key {
            return None;
        }
        let terms = r.u32()? as usize;
        let tasks = r.u32()? as usize;
        let postings = r.u32()? as usize;
        let bits = r.u32()?;
        if bits != directory_bits(terms) {
            return None;
        }
        let hashes = Table::<u64>::Embedded(r.part(terms, 8)?);
        let directory = Table::<u32>::Embedded(r.part((1 << bits) + 1, 4)?);
        let starts = Table::<u32>::Embedded(r.part(terms + 1, 4)?);
        let term_weight = Table::<f64>::Embedded(r.part(terms, 8)?);
        let task_norm = r.part(tasks, 8)?.chunks_exact(8).map(f64::read).collect();
        let postings = Table::<(u32, f64)>::Embedded(r.part(postings, 12)?);
        let sound = r.0.is_empty()
            && starts.get(0) == Some(0)
            && starts.get(terms).map(|s| s as usize) == Some(postings.len())
            && directory.get(1 << bits).map(|d| d as usize) == Some(terms);
        sound.then_some(TermIndex {
            hashes,
            bits,
            directory,
            term_weight,
            starts,
            postings,
            task_norm,
        })
    }
}

/// What identifies a list of tasks: the hash of their ids in order, each followed by a
/// newline. An embedded index is used only for the tasks it was built for.
pub fn tasks_key<'a>(ids: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut text = String::new();
    for id in ids {
        text.push_str(id);
        text.push('\n');
    }
    feature_hash(&text)
}

/// Reads little-endian numbers off the front of a byte string.
struct Bytes(&'static [u8]);

impl Bytes {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }

    /// The next `n` numbers of `size` bytes, as they are.
    fn part(&mut self, n: usize, size: usize) -> Option<&'static [u8]> {
        let len = n.checked_mul(size)?;
        let (head, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        Some(head)
    }
}

/// For sorted `hashes`, how many top bits the directory is by, and for each value of them
/// where its hashes start (and one more entry, the end).
fn directory_of(hashes: &[u64]) -> (u32, Vec<u32>) {
    let bits = directory_bits(hashes.len());
    let mut directory = Vec::with_capacity((1 << bits) + 1);
    let mut at = 0;
    for top in 0..=(1u64 << bits) {
        while at < hashes.len() && hashes[at] >> (64 - bits) < top {
            at += 1;
        }
        directory.push(at as u32);
    }
    (bits, directory)
}

/// The catalog's terms as they are met: an id each, its weak-word factor and how many tasks
/// use it.
struct Vocabulary<'a> {
    norm: &'a Normalizer,
    bigram_boost: f64,
    ids: FxHashMap<u64, u32>,
    /// Per term: the weak-word factor (the phrase boost included).
    factor: Vec<f64>,
    /// Per term: how many tasks use it.
    df: Vec<f64>,
    /// Per term: how many tasks use it in a field that counts in their length (not only in a
    /// keyword of another language).
    df_counted: Vec<f64>,
    /// Per term: the last task that used it (position + 1) and where in `entries`.
    seen: Vec<(usize, usize)>,
    /// Every task's (term id, field weight) of each of its terms, task after task.
    entries: Vec<(u32, f64)>,
    /// Per entry: the highest weight of the fields that count in the task's length (`None`:
    /// only keywords of another language use it), and of the others.
    weights: Vec<(Option<f64>, f64)>,
    /// Whether the terms being added count in their task's length.
    counting: bool,
    /// The term being written.
    scratch: String,
}

impl Vocabulary<'_> {
    /// Adds the term written in `scratch` to task `task`'s list at field weight `w` (the
    /// highest weight of the fields the term appears in counts).
    fn add(&mut self, task: usize, w: f64) {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(feature_hash(&self.scratch)).or_insert(next);
        if id == next {
            let term = self.scratch.as_str();
            self.factor
                .push(if let Some((a, b)) = term.split_once(' ') {
                    // A phrase of weak words is weak too ("community members" says little more
                    // than "members"), by the geometric mean of its words' factors.
                    self.bigram_boost * (self.norm.weight(a) * self.norm.weight(b)).sqrt()
                } else {
                    self.norm.weight(term)
                });
            self.df.push(0.0);
            self.df_counted.push(0.0);
            self.seen.push((0, 0));
        }
        let w = f64::max(0.0, w);
        let (last, at) = &mut self.seen[id as usize];
        if *last != task + 1 {
            *last = task + 1;
            *at = self.entries.len();
            self.entries.push((id, 0.0));
            self.weights.push((None, 0.0));
            self.df[id as usize] += 1.0;
        }
        let (counted, other) = &mut self.weights[*at];
        if self.counting {
            if counted.is_none() {
                self.df_counted[id as usize] += 1.0;
            }
            *counted = Some(counted.map_or(w, |c| c.max(w)));
        } else {
            *other = other.max(w);
        }
    }

    /// Adds each single stem and phrase of `content` to a task.
    fn add_pairs(&mut self, task: usize, content: &[String], w: f64) {
        pairs(content, |parts| {
            self.scratch.clear();
            for p in parts {
                self.scratch.push_str(p);
            }
            self.add(task, w);
        });
    }
}

/// The catalog's terms: each term's id by its hash, weak-word factor and how many tasks use
/// it, and per task (term id, field weight) of each of its terms: `entries[ends[t - 1]..ends[t]]`
/// for task `t`.
struct TaskTerms {
    ids: FxHashMap<u64, u32>,
    factor: Vec<f64>,
    df: Vec<f64>,
    entries: Vec<(u32, f64)>,
    /// Per entry: whether it counts in its task's length. A term only a keyword of another
    /// language brings does not: a task is as long as its description in one language, and
    /// its translations must not make every English line's match weaker. A term a counted
    /// field uses keeps that field's weight, and its rarity among the tasks is counted over
    /// the counted fields: an English line matches as it would with no translations.
    in_length: Vec<bool>,
    /// Per term: the task count its weight is worked out from: over the fields that count in
    /// a task's length, or over all for a term only keywords of other languages use.
    rarity_df: Vec<f64>,
    ends: Vec<usize>,
}

/// Reads every task's texts into terms. A category's texts are read once, not once per task.
fn index_tasks(tasks: &[TaskText<'_>], fw: &IndexWeights, norm: &Normalizer) -> TaskTerms {
    let mut vocab = Vocabulary {
        norm,
        bigram_boost: fw.bigram_boost,
        ids: FxHashMap::default(),
        factor: Vec::new(),
        df: Vec::new(),
        df_counted: Vec::new(),
        seen: Vec::new(),
        entries: Vec::new(),
        weights: Vec::new(),
        counting: true,
        scratch: String::new(),
    };
    let mut categories: FxHashMap<&str, (Vec<String>, Vec<String>)> = FxHashMap::default();
    let mut letters = Vec::new();
    let mut ends = Vec::with_capacity(tasks.len());
    for (t, task) in tasks.iter().enumerate() {
        vocab.add_pairs(t, &norm.content(task.title), fw.title);
        for k in &task.keywords {
            vocab.add_pairs(t, &norm.content(k), fw.keywords);
        }
        vocab.counting = false;
        for k in &task.other_keywords {
            vocab.add_pairs(t, &norm.content(k), fw.keywords_by_language);
        }
        vocab.counting = true;
        vocab.add_pairs(t, &norm.content(task.why), fw.why);
        if let Some((id, title, summary)) = task.category {
            let (title, summary) = categories
                .entry(id)
                .or_insert_with(|| (norm.content(title), norm.content(summary)));
            vocab.add_pairs(t, title, fw.category_title);
            vocab.add_pairs(t, summary, fw.category_summary);
        }
        // Letter sequences of the title and keywords, so that a line in another language
        // meets its task through shared roots ("moderar el foro", "modérer le forum").
        for text in std::iter::once(&task.title).chain(&task.keywords) {
            grams(text, &mut letters, |gram| {
                vocab.scratch.clear();
                vocab.scratch.push('#');
                vocab.scratch.extend(gram);
                vocab.add(t, fw.gram);
            });
        }
        ends.push(vocab.entries.len());
    }
    let mut entries = vocab.entries;
    let mut in_length = Vec::with_capacity(entries.len());
    for (entry, &(counted, other)) in entries.iter_mut().zip(&vocab.weights) {
        entry.1 = counted.unwrap_or(other);
        in_length.push(counted.is_some());
    }
    let rarity_df = vocab
        .df
        .iter()
        .zip(&vocab.df_counted)
        .map(|(&all, &counted)| if counted > 0.0 { counted } else { all })
        .collect();
    TaskTerms {
        ids: vocab.ids,
        factor: vocab.factor,
        df: vocab.df,
        rarity_df,
        entries,
        in_length,
        ends,
    }
}

/// Per term (numbered by `renumber`), the tasks that use it with their task-side weights, in
/// task order: one list for all terms and where each term's part starts, not a list per term.
/// `entries[ends[t - 1]..ends[t]]` are task `t`'s terms; `df` is how many tasks use each term.
fn postings_of(
    df: &[f64],
    entries: &[(u32, f64)],
    ends: &[usize],
    term_weight: &[f64],
    renumber: &[u32],
) -> (Vec<u32>, Vec<(u32, f64)>) {
    let mut count = vec![0u32; df.len()];
    for (old, &n) in df.iter().enumerate() {
        count[renumber[old] as usize] = n as u32;
    }
    // Each term's part is filled from its end, the last task first, so that its tasks end up
    // in order and `starts` ends up at the part's start.
    let mut starts = Vec::with_capacity(df.len() + 1);
    let mut at = 0;
    for n in count {
        at += n;
        starts.push(at);
    }
    starts.push(at);
    let mut out = vec![(0, 0.0); at as usize];
    for t in (0..ends.len()).rev() {
        let start = if t == 0 { 0 } else { ends[t - 1] };
        for &(old, fwt) in &entries[start..ends[t]] {
            let id = renumber[old as usize] as usize;
            starts[id] -= 1;
            out[starts[id] as usize] = (t as u32, fwt * term_weight[old as usize]);
        }
    }
    (starts, out)
}

/// Calls `emit` with each letter sequence of a text's longer words (four letters of `<word>`,
/// accents folded), as the role model's features have them; a term is `#` and the letters.
/// `letters` is room to work in.
pub fn grams(text: &str, letters: &mut Vec<char>, mut emit: impl FnMut(&[char])) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < GRAM {
            continue;
        }
        wrapped_word(word, letters);
        letters.windows(GRAM).for_each(&mut emit);
    }
}

/// Calls `emit` with the parts of each single stem and two-word phrase (adjacent
/// non-stopwords) of a text's content stems, in order: `["moderat"]`, `["moderat", " ",
/// "forum"]`.
pub fn pairs(content: &[String], mut emit: impl FnMut(&[&str])) {
    for (i, w) in content.iter().enumerate() {
        emit(&[w]);
        // Two synonyms in a row ("Discord server") are one thing, not a phrase.
        if let Some(next) = content.get(i + 1).filter(|n| *n != w) {
            emit(&[w, " ", next]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offer::MatchingConfig;

    fn small() -> TermIndex {
        let config = MatchingConfig::builtin().unwrap();
        let norm = Normalizer::new(&config.word_lists());
        let weights = crate::offer::matcher::index_weights(&config.scoring);
        let tasks = [
            TaskText {
                title: "Moderate the forum",
                keywords: vec!["forum moderation", "modérer"],
                other_keywords: vec![],
                why: "Members talk to members.",
                category: Some(("c", "Moderation", "Keeping spaces safe")),
            },
            TaskText {
                title: "Schedule posts",
                keywords: vec![],
                other_keywords: vec![],
                why: "The brand speaks.",
                category: None,
            },
        ];
        TermIndex::build(&tasks, &weights, &norm)
    }

    /// Bytes that live as long as the binary's own, as the embedded index does.
    fn embedded(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn keywords_of_other_languages_match_but_leave_english_matching_as_it_was() {
        let config = MatchingConfig::builtin().unwrap();
        let norm = Normalizer::new(&config.word_lists());
        let weights = crate::offer::matcher::index_weights(&config.scoring);
        let tasks = |translated: bool| {
            let other = |phrases: Vec<&'static str>| if translated { phrases } else { vec![] };
            [
                TaskText {
                    title: "Moderate the forum",
                    keywords: vec!["forum moderation"],
                    // "members" is in the task's `why` too, at a lower weight.
                    other_keywords: other(vec!["moderar el foro", "modérer les members"]),
                    why: "Members talk to members.",
                    category: None,
                },
                TaskText {
                    title: "Schedule posts",
                    keywords: vec![],
                    // "forum" is the other task's word: still rare among the English texts.
                    other_keywords: other(vec!["publicar en el forum"]),
                    why: "The brand speaks.",
                    category: None,
                },
            ]
        };
        let plain = TermIndex::build(&tasks(false), &weights, &norm);
        let translated = TermIndex::build(&tasks(true), &weights, &norm);
        assert_eq!(plain.task_norms(), translated.task_norms());
        let id =
            |index: &TermIndex, word: &str| index.id(feature_hash(&norm.content(word)[0])).unwrap();
        for word in ["members", "forum"] {
            let posting = |index: &TermIndex| {
                let id = id(index, word);
                (index.weight(id), index.postings(id).find(|&(t, _)| t == 0))
            };
            assert_eq!(posting(&plain), posting(&translated), "{word}");
        }
        assert!(
            plain
                .id(feature_hash(&norm.content("moderar")[0]))
                .is_none()
        );
        let moderar = id(&translated, "moderar");
        assert!(translated.postings(moderar).any(|(t, w)| t == 0 && w > 0.0));
    }

    #[test]
    fn the_embedded_form_reads_back_as_it_was_written() {
        let index = small();
        let bytes = embedded(index.to_bytes(7));
        assert_eq!(TermIndex::from_bytes(bytes, 7), Some(index.clone()));
        // Written for other tasks: not taken.
        assert_eq!(TermIndex::from_bytes(bytes, 8), None);
        // Every term is found by its hash, and nothing else is, read in place or not.
        let back = TermIndex::from_bytes(bytes, 7).unwrap();
        for (id, h) in index.hashes.iter().enumerate() {
            assert_eq!(index.id(h), Some(id as u32));
            assert_eq!(back.id(h), Some(id as u32));
            assert!(back.postings(id as u32).eq(index.postings(id as u32)));
            assert_eq!(back.weight(id as u32), index.weight(id as u32));
        }
        assert_eq!(index.id(feature_hash("no such term")), None);
        assert_eq!(back.id(feature_hash("no such term")), None);
    }

    #[test]
    fn damaged_bytes_are_refused_or_read_without_a_panic() {
        let bytes = small().to_bytes(7);
        for end in 0..bytes.len() {
            assert_eq!(
                TermIndex::from_bytes(embedded(bytes[..end].to_vec()), 7),
                None,
                "cut at {end}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(TermIndex::from_bytes(embedded(longer), 7), None);
        // A posting's task past the tasks (the last posting's task number is 12 bytes from
        // the end): read in place, the index does not look at every posting when it starts,
        // and leaves that one out when it is looked up.
        let mut wrong = bytes;
        let at = wrong.len() - 12;
        wrong[at..at + 4].copy_from_slice(&9u32.to_le_bytes());
        let index = TermIndex::from_bytes(embedded(wrong), 7).unwrap();
        let tasks = index.task_norms().len();
        for id in 0..index.hashes.len() {
            assert!(index.postings(id as u32).all(|(t, _)| (t as usize) < tasks));
        }
        // Nothing looked up out of bounds panics.
        assert_eq!(index.postings(u32::MAX).count(), 0);
        assert!(index.weight(u32::MAX).abs() < f64::EPSILON);
    }
}
