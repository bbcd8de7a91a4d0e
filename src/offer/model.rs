//! A learned linear model: multinomial logistic regression over named features, its fitting,
//! and the plain-text file it is kept in under `data/reader/`.
//!
//! Linear on purpose: every decision is a sum of per-feature weights, so a line's role can be
//! explained by the few words that added most to it, and the file can be read and diffed.
//!
//! A line's features are present or absent; what a present one is worth is the model's
//! [`Weighting`]: 1/√n for a line of n features, or its IDF, L2-normalised over the line's
//! features the model knows (in blocks, so that the many letter sequences of a line do not
//! drown its few words).
//!
//! File format (UTF-8, tab-separated, written by [`LinearModel::to_text`]):
//! ```text
//! # comment lines
//! classes<TAB>community-manager<TAB>social-media-manager<TAB>…
//! bias<TAB>0.1234<TAB>-0.5<TAB>…
//! weighting<TAB>idf<TAB>#…                (IDF-weighted; features named `#…` normalised apart)
//! extra<TAB>name<TAB>value<TAB>value…     (named lists the model carries, e.g. duty openers)
//! f<TAB>feature<TAB>w1<TAB>w2<TAB>…        (one line per feature, sorted by name)
//! f<TAB>feature<TAB>idf<TAB>w1<TAB>w2<TAB>… (the same in an IDF-weighted model)
//! ```
//! A file with no `weighting` line (the section models, and models written before IDF) values
//! every feature 1/√n.

use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use super::feature_hash::{MAGIC, directory_bits, feature_hash};

/// Weights of one model.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    pub classes: Vec<String>,
    bias: Vec<f64>,
    /// Feature → row in `weights` (`classes.len()` weights a row).
    index: Index,
    weights: Weights,
    /// Named word lists learned with the model (sorted), e.g. the stems that open duties.
    pub extras: Vec<(String, Vec<String>)>,
    weighting: Weighting,
    /// Each row's IDF, in row order (an IDF-weighted model; empty otherwise).
    idf: Weights,
}

/// What a feature present in a line is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Weighting {
    /// 1/√n for a line of n features, known to the model or not: every feature alike, and long
    /// lines do not shout.
    Binary,
    /// The feature's IDF (rare features say more), divided by the root of the sum of the
    /// squared IDFs of the line's features in its block that the model knows (unknown
    /// features are no part of the line for it, as in scikit-learn). A feature whose name
    /// starts with the `i`-th prefix is in block `i + 1`, any other in block 0: each block is
    /// a unit vector of its own, so the fifty letter sequences of a line weigh as much
    /// together as its ten words and pairs.
    Idf { blocks: Vec<String> },
}

impl Weighting {
    /// The block of a feature (0 unless its name starts with one of the blocks' prefixes).
    fn block(&self, feature: &str) -> usize {
        match self {
            Weighting::Binary => 0,
            Weighting::Idf { blocks } => blocks
                .iter()
                .position(|p| feature.starts_with(p.as_str()))
                .map_or(0, |i| i + 1),
        }
    }

    fn block_count(&self) -> usize {
        match self {
            Weighting::Binary => 1,
            Weighting::Idf { blocks } => blocks.len() + 1,
        }
    }
}

/// How a model finds a feature's row.
#[derive(Debug, Clone, PartialEq)]
enum Index {
    /// By name: a model fitted or read from its text file (and written back to one); and by
    /// the name's hash, for a line whose features come as hashes ([`LinearModel::known_hashed`]).
    Names {
        names: FxHashMap<String, usize>,
        hashes: FxHashMap<u64, usize>,
    },
    /// By the name's hash: the compact form the binary embeds.
    Hashes(HashIndex),
}

impl Index {
    /// The index of features by name, rows as given (in the order of the names, as fitting
    /// and the model file have them). (Two of a model's ~100,000 names sharing a 64-bit hash is
    /// a chance of about one in 10^9; the build script refuses such an embedded model.)
    fn of_names(names: FxHashMap<String, usize>) -> Index {
        let hashes = names.iter().map(|(n, &r)| (feature_hash(n), r)).collect();
        Index::Names { names, hashes }
    }

    fn row(&self, feature: &str) -> Option<usize> {
        match self {
            Index::Names { names, .. } => names.get(feature).copied(),
            Index::Hashes(hashes) => hashes.row(feature_hash(feature)),
        }
    }

    fn row_of_hash(&self, hash: u64) -> Option<usize> {
        match self {
            Index::Names { hashes, .. } => hashes.get(&hash).copied(),
            Index::Hashes(index) => index.row(hash),
        }
    }

    fn len(&self) -> usize {
        match self {
            Index::Names { names, .. } => names.len(),
            Index::Hashes(hashes) => hashes.len(),
        }
    }
}

/// A model's weights, `classes.len()` a row: owned (a model fitted or read from its text
/// file), or read in place from the compact bytes the binary embeds, so that a reader starts
/// without copying some 200,000 numbers.
#[derive(Debug, Clone, PartialEq)]
enum Weights {
    Owned(Vec<f64>),
    /// Little-endian `f64`s.
    Embedded(&'static [u8]),
}

impl Weights {
    fn get(&self, i: usize) -> f64 {
        match self {
            Weights::Owned(w) => w[i],
            Weights::Embedded(bytes) => f64::from_le_bytes(eight(bytes, i)),
        }
    }

    /// The `k` weights of row `r`.
    fn row(&self, r: usize, k: usize) -> impl Iterator<Item = f64> + '_ {
        (r * k..(r + 1) * k).map(|i| self.get(i))
    }
}

/// The `i`-th eight bytes of `bytes`.
fn eight(bytes: &[u8], i: usize) -> [u8; 8] {
    let mut out = [0; 8];
    out.copy_from_slice(&bytes[i * 8..(i + 1) * 8]);
    out
}

/// Sorted feature hashes (little-endian `u64`s), each hash's row (little-endian `u32`s), and,
/// for each value of their top bits, where its run of hashes starts (little-endian `u32`s): a
/// lookup reads one run of about one hash instead of binary-searching thousands (the models
/// are looked up some 150 times a line). The rows are in the order of the features' names, as
/// in the model's file, so that a line's features summed in row order are summed as fitting
/// summed them. All laid out by the build script and read in place from the embedded bytes: a
/// reader starts without a pass over them, and touches only the pages its lookups need.
#[derive(Debug, Clone, PartialEq)]
struct HashIndex {
    hashes: &'static [u8],
    /// The row of each hash, in the hashes' order.
    rows: &'static [u8],
    /// `starts[b]..starts[b + 1]`: the positions of the hashes whose top bits are `b`.
    starts: &'static [u8],
    /// 64 minus the number of top bits.
    shift: u32,
}

impl HashIndex {
    fn len(&self) -> usize {
        self.hashes.len() / 8
    }

    /// The row of `hash`. (A directory that did not match its hashes would find nothing, or
    /// the wrong row, but read nothing out of bounds: `tests/reader_training.rs` holds the
    /// embedded models to their text files.)
    fn row(&self, hash: u64) -> Option<usize> {
        let top = usize::try_from(hash >> self.shift).ok()?;
        let start = |b: usize| -> Option<usize> {
            let bytes = self.starts.get(b * 4..b * 4 + 4)?;
            Some(u32::from_le_bytes(bytes.try_into().ok()?) as usize)
        };
        let (from, to) = (start(top)?, start(top + 1)?.min(self.len()));
        let at = (from..to).find(|&i| u64::from_le_bytes(eight(self.hashes, i)) == hash)?;
        let row = self.rows.get(at * 4..at * 4 + 4)?;
        let row = u32::from_le_bytes(row.try_into().ok()?) as usize;
        // (Checked here rather than for every row at start, which would read them all.)
        (row < self.len()).then_some(row)
    }
}

/// A line's features as a model sees them: (position among the line's features, row, value)
/// of each feature the model has weights for, its value by the model's [`Weighting`].
/// (Positions and rows as `u32`: a posting's duties keep theirs until all are read.)
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    rows: Vec<(u32, u32, f64)>,
}

/// A position or a row as [`Known`] keeps it (a line's features and a model's rows are far
/// fewer than 2^32).
fn small(n: usize) -> Option<u32> {
    u32::try_from(n).ok()
}

/// A feature of a line given by its name's hash ([`super::feature_hash::Fnv`]) rather than its
/// name, and its block ([`LinearModel::known_hashed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashedFeature {
    pub hash: u64,
    pub block: u8,
}

/// A feature's part in a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub feature: String,
    /// How much it raised the chosen class over the others.
    pub weight: f64,
}

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ModelError {}

/// How to fit a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitOptions {
    /// L2 penalty per example.
    pub l2: f64,
    pub epochs: usize,
    pub learning_rate: f64,
}

/// One training example: feature ids, class, weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub features: Vec<u32>,
    pub class: usize,
    pub weight: f64,
}

impl LinearModel {
    /// Class probabilities for a line with these features (unknown features are ignored).
    pub fn probabilities<S: AsRef<str>>(&self, features: &[S]) -> Vec<f64> {
        self.probabilities_of(&self.known(features.iter().map(AsRef::as_ref)))
    }

    /// The features of a line this model has weights for, looked up once for both
    /// [`Self::probabilities_of`] and [`Self::explain_of`].
    pub fn known<'a>(&self, features: impl ExactSizeIterator<Item = &'a str>) -> Known {
        let count = features.len();
        if self.weighting == Weighting::Binary {
            let v = value(count);
            // Sized for every feature: a collect of unknown length grows it five times or so.
            let mut rows = Vec::with_capacity(count);
            rows.extend(
                features
                    .enumerate()
                    .filter_map(|(i, f)| Some((small(i)?, small(self.index.row(f)?)?, v))),
            );
            return Known { rows };
        }
        let mut blocks = Vec::with_capacity(count);
        let mut rows: Vec<(u32, u32, f64)> = Vec::with_capacity(count);
        rows.extend(features.enumerate().filter_map(|(i, f)| {
            let r = self.index.row(f)?;
            let (at, row) = (small(i)?, small(r)?);
            blocks.push(self.weighting.block(f));
            Some((at, row, self.idf.get(r)))
        }));
        let mut values: Vec<f64> = rows.iter().map(|r| r.2).collect();
        normalise(&mut values, &blocks, self.weighting.block_count());
        for (r, v) in rows.iter_mut().zip(values) {
            r.2 = v;
        }
        Known { rows }
    }

    /// [`Self::known`] of a line whose features come as their names' hashes, each with its
    /// block (as [`Weighting::Idf`] numbers them: 0, or one more than the index of the name's
    /// prefix), in any order and repeated or not: each known feature once, in row order, the
    /// order of the names, so the line is valued and summed as [`Self::known`] would its names.
    /// (Positions in the result are positions in `features`.)
    pub fn known_hashed(&self, features: &[HashedFeature]) -> Known {
        // (row, position) of each known feature, the first of its repeats: packed into one
        // number that sorts as the pair does, so the sort compares numbers, not tuples. (A
        // line has far fewer than 2^32 features: the 32 MB a text may hold gives 2^26 at
        // most; a model far fewer than 2^32 rows.)
        let mut packed: Vec<u64> = Vec::with_capacity(features.len());
        packed.extend(features.iter().enumerate().filter_map(|(i, f)| {
            let row = u32::try_from(self.index.row_of_hash(f.hash)?).ok()?;
            let i = u32::try_from(i).ok()?;
            Some(u64::from(row) << 32 | u64::from(i))
        }));
        packed.sort_unstable();
        packed.dedup_by_key(|p| *p >> 32);
        #[allow(clippy::cast_possible_truncation)]
        let found: Vec<(u32, u32, u8)> = packed
            .iter()
            .map(|&p| {
                let (row, i) = ((p >> 32) as u32, p as u32);
                (row, i, features[i as usize].block)
            })
            .collect();
        if self.weighting == Weighting::Binary {
            // Every distinct feature counts, known or not.
            let mut hashes: Vec<u64> = features.iter().map(|f| f.hash).collect();
            hashes.sort_unstable();
            hashes.dedup();
            let v = value(hashes.len());
            let rows = found.into_iter().map(|(r, i, _)| (i, r, v)).collect();
            return Known { rows };
        }
        let mut values: Vec<f64> = found.iter().map(|f| self.idf.get(f.0 as usize)).collect();
        let blocks: Vec<usize> = found.iter().map(|f| usize::from(f.2)).collect();
        normalise(&mut values, &blocks, self.weighting.block_count());
        let rows = found
            .iter()
            .zip(values)
            .map(|(&(r, i, _), v)| (i, r, v))
            .collect();
        Known { rows }
    }

    /// [`Self::probabilities`] of features already looked up.
    pub fn probabilities_of(&self, known: &Known) -> Vec<f64> {
        let k = self.classes.len();
        let mut scores = self.bias.clone();
        for &(_, r, v) in &known.rows {
            for (s, w) in scores.iter_mut().zip(self.weights.row(r as usize, k)) {
                *s += w * v;
            }
        }
        softmax(&mut scores);
        scores
    }

    /// The features that raised `class` most over the other classes, strongest first.
    pub fn explain<S: AsRef<str>>(
        &self,
        features: &[S],
        class: usize,
        n: usize,
    ) -> Vec<Contribution> {
        let known = self.known(features.iter().map(AsRef::as_ref));
        self.explain_of(&known, |i| features[i].as_ref(), class, n)
    }

    /// [`Self::explain`] of features already looked up; `name` gives the feature at a
    /// position among the line's.
    pub fn explain_of<'a>(
        &self,
        known: &Known,
        name: impl Fn(usize) -> &'a str,
        class: usize,
        n: usize,
    ) -> Vec<Contribution> {
        self.explain_rows(known, class, n)
            .into_iter()
            .map(|(i, weight)| Contribution {
                feature: name(i).to_owned(),
                weight,
            })
            .collect()
    }

    /// The `n` features that raised `class` most over the other classes, strongest first, as
    /// (position among the line's features, weight); ties go to the feature whose name comes
    /// first (rows are in the order of the names).
    pub fn explain_rows(&self, known: &Known, class: usize, n: usize) -> Vec<(usize, f64)> {
        let k = self.classes.len();
        // (weight, row, position)
        let mut out: Vec<(f64, usize, usize)> = Vec::with_capacity(known.rows.len());
        out.extend(known.rows.iter().filter_map(|&(i, r, v)| {
            let (i, r) = (i as usize, r as usize);
            let own = self.weights.get(r * k + class);
            let sum = self.weights.row(r, k).sum::<f64>();
            let others = (sum - own) / (k - 1).max(1) as f64;
            let weight = (own - others) * v;
            (weight > 0.0).then_some((weight, r, i))
        }));
        // Strongest first, ties by row: a line's known features are distinct, so this order is
        // total and the `n` strongest picked out, then sorted, are what a sort of all of them
        // would keep (a line has some fifty; most are not wanted).
        let order = |a: &(f64, usize, usize), b: &(f64, usize, usize)| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
        };
        if out.len() > n && n > 0 {
            out.select_nth_unstable_by(n - 1, order);
        }
        out.truncate(n);
        out.sort_unstable_by(order);
        out.into_iter().map(|(w, _, i)| (i, w)).collect()
    }

    /// The block ([`Weighting::Idf`]) of features whose names start with `prefix`: 0, or one
    /// more than the index of that prefix among the blocks'.
    pub fn block_of(&self, prefix: &str) -> u8 {
        u8::try_from(self.weighting.block(prefix)).unwrap_or(u8::MAX)
    }

    /// The prefixes that put a feature in a block of its own (none but in a model weighted by
    /// IDF in blocks).
    pub fn block_prefixes(&self) -> &[String] {
        match &self.weighting {
            Weighting::Binary => &[],
            Weighting::Idf { blocks } => blocks,
        }
    }

    pub fn class_index(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == name)
    }

    /// A named list carried with the model.
    pub fn extra(&self, name: &str) -> &[String] {
        self.extras
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// Fits a model to examples whose features are ids into `names` (sorted, each example's
    /// ids sorted: the order a line's features are read in, so that fitting and reading sum
    /// their values alike). An IDF-weighted model takes its IDFs from these examples.
    ///
    /// (Single-letter names follow the usual notation: k classes, n features, w weights, b
    /// biases, g gradients, h accumulated squares.) Full-batch gradient
    /// descent with per-weight (AdaGrad) steps, in a fixed order: the same examples give the
    /// same weights, bit for bit.
    #[allow(clippy::many_single_char_names)]
    pub fn fit(
        classes: Vec<String>,
        names: &[String],
        examples: &[Example],
        options: FitOptions,
        weighting: Weighting,
    ) -> LinearModel {
        let k = classes.len();
        let n = names.len();
        let idf = match weighting {
            Weighting::Binary => Vec::new(),
            Weighting::Idf { .. } => idf_of(n, examples),
        };
        let blocks: Vec<usize> = names.iter().map(|f| weighting.block(f)).collect();
        // Each example's feature values, as a reader of the written model will find them.
        let values: Vec<Vec<f64>> = examples
            .iter()
            .map(|e| match weighting {
                Weighting::Binary => vec![value(e.features.len()); e.features.len()],
                Weighting::Idf { .. } => {
                    let mut v: Vec<f64> = e.features.iter().map(|&f| idf[f as usize]).collect();
                    let b: Vec<usize> = e.features.iter().map(|&f| blocks[f as usize]).collect();
                    normalise(&mut v, &b, weighting.block_count());
                    v
                }
            })
            .collect();
        let mut w = vec![0.0; n * k];
        let mut b = vec![0.0; k];
        let mut hw = vec![1e-8; n * k];
        let mut hb = vec![1e-8; k];
        let total: f64 = examples.iter().map(|e| e.weight).sum::<f64>().max(1e-9);
        let mut gw = vec![0.0; n * k];
        let mut gb = vec![0.0; k];
        let mut scores = vec![0.0; k];
        for _ in 0..options.epochs {
            gw.fill(0.0);
            gb.fill(0.0);
            for (e, values) in examples.iter().zip(&values) {
                scores.copy_from_slice(&b);
                for (&f, &v) in e.features.iter().zip(values) {
                    let row = &w[f as usize * k..(f as usize + 1) * k];
                    for (s, wc) in scores.iter_mut().zip(row) {
                        *s += wc * v;
                    }
                }
                softmax(&mut scores);
                for (c, p) in scores.iter().enumerate() {
                    let g = (p - f64::from(u8::from(c == e.class))) * e.weight / total;
                    gb[c] += g;
                    for (&f, &v) in e.features.iter().zip(values) {
                        gw[f as usize * k + c] += g * v;
                    }
                }
            }
            for i in 0..w.len() {
                let g = gw[i] + options.l2 * w[i];
                hw[i] += g * g;
                w[i] -= options.learning_rate * g / hw[i].sqrt();
            }
            for c in 0..k {
                hb[c] += gb[c] * gb[c];
                b[c] -= options.learning_rate * gb[c] / hb[c].sqrt();
            }
        }
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        LinearModel {
            classes,
            bias: b,
            index: Index::of_names(index),
            weights: Weights::Owned(w),
            extras: Vec::new(),
            weighting,
            idf: Weights::Owned(idf),
        }
    }

    /// The model as its file: features sorted by name, weights to 4 decimals, features whose
    /// weights all round to zero left out (but for an IDF-weighted model, where every feature
    /// the model knows counts in the norm of a line).
    pub fn to_text(&self, comments: &[String]) -> String {
        let k = self.classes.len();
        let mut out = String::new();
        for c in comments {
            let _ = writeln!(out, "# {c}");
        }
        let _ = writeln!(out, "classes\t{}", self.classes.join("\t"));
        let _ = writeln!(out, "bias\t{}", fmt_row(&self.bias));
        if let Weighting::Idf { blocks } = &self.weighting {
            let _ = writeln!(out, "weighting\t{IDF}{}", tabbed(blocks));
        }
        for (name, list) in &self.extras {
            let _ = writeln!(out, "extra\t{name}\t{}", list.join("\t"));
        }
        // A compact model keeps no names: it is only read, never written back.
        let mut names: Vec<(&String, &usize)> = match &self.index {
            Index::Names { names, .. } => names.iter().collect(),
            Index::Hashes(_) => Vec::new(),
        };
        names.sort();
        let idf = matches!(self.weighting, Weighting::Idf { .. });
        for (name, &r) in names {
            let mut row: Vec<f64> = self.weights.row(r, k).collect();
            if !idf && row.iter().all(|w| w.abs() < 0.000_05) {
                continue;
            }
            if idf {
                row.insert(0, self.idf.get(r));
            }
            let _ = writeln!(out, "f\t{name}\t{}", fmt_row(&row));
        }
        out
    }

    /// Reads a model file.
    pub fn parse(text: &str) -> Result<LinearModel, ModelError> {
        let mut classes: Vec<String> = Vec::new();
        let mut bias = Vec::new();
        // One feature a line: size the index once rather than grow it line by line.
        let features = text.matches("\nf\t").count();
        let mut index = FxHashMap::with_capacity_and_hasher(features, rustc_hash::FxBuildHasher);
        let mut weights = Vec::new();
        let mut extras = Vec::new();
        let mut weighting = Weighting::Binary;
        let mut idf = Vec::new();
        let mut last_name: Option<&str> = None;
        for (i, line) in text.lines().enumerate() {
            let err = |message: String| ModelError {
                line: i + 1,
                message,
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let kind = parts.next().unwrap_or_default();
            // A feature of an IDF-weighted model has its IDF before its weights.
            let width = classes.len() + usize::from(weighting != Weighting::Binary);
            let numbers =
                |parts: std::str::Split<'_, char>, width: usize| -> Result<Vec<f64>, ModelError> {
                    let row = parts
                        .map(|p| {
                            decimal(p)
                                .map_or_else(|| p.parse::<f64>(), Ok)
                                .map_err(|e| err(format!("`{p}`: {e}")))
                        })
                        .collect::<Result<Vec<f64>, _>>()?;
                    if row.len() == width {
                        Ok(row)
                    } else if width > classes.len() {
                        Err(err(format!(
                            "expected an IDF and {} weights, found {} numbers",
                            classes.len(),
                            row.len()
                        )))
                    } else {
                        Err(err(format!(
                            "expected {width} weights, found {}",
                            row.len()
                        )))
                    }
                };
            match kind {
                "classes" => classes = parts.map(str::to_owned).collect(),
                "bias" => bias = numbers(parts, classes.len())?,
                "weighting" => {
                    if parts.next() != Some(IDF) {
                        return Err(err(format!("the only weighting is `{IDF}`")));
                    }
                    if !index.is_empty() || weighting != Weighting::Binary {
                        return Err(err("one `weighting` line, before the features".to_owned()));
                    }
                    weighting = Weighting::Idf {
                        blocks: parts.map(str::to_owned).collect(),
                    };
                }
                "extra" => {
                    let name = parts.next().unwrap_or_default().to_owned();
                    extras.push((name, parts.map(str::to_owned).collect()));
                }
                "f" => {
                    let name = parts
                        .next()
                        .ok_or_else(|| err("a feature line needs a name".to_owned()))?;
                    // Rows in the names' order: a line is summed in row order (`known_hashed`).
                    if last_name.replace(name).is_some_and(|last| last >= name) {
                        return Err(err(format!("`{name}`: not sorted by name, or repeated")));
                    }
                    let mut row = numbers(parts, width)?;
                    if weighting != Weighting::Binary {
                        let x = row.remove(0);
                        if !(x.is_finite() && x > 0.0) {
                            return Err(err(format!("`{name}`: an IDF is a positive number")));
                        }
                        idf.push(x);
                    }
                    index.insert(name.to_owned(), weights.len() / classes.len().max(1));
                    weights.extend(row);
                }
                other => return Err(err(format!("unknown line kind `{other}`"))),
            }
        }
        if classes.len() < 2 || bias.len() != classes.len() {
            return Err(ModelError {
                line: 0,
                message: "expected a `classes` line of two or more classes and a `bias` line"
                    .to_owned(),
            });
        }
        Ok(LinearModel {
            classes,
            bias,
            index: Index::of_names(index),
            weights: Weights::Owned(weights),
            extras,
            weighting,
            idf: Weights::Owned(idf),
        })
    }

    /// Reads the compact form the build script embeds (`src/build.rs`): the magic, the
    /// classes, the biases, the extras, the weighting (0, or 1 and the blocks' prefixes), the
    /// number of features, the directory's bits and the directory, then the sorted feature
    /// hashes, each hash's row (`u32`), the rows' weights and IDFs (an IDF-weighted model) in
    /// the order of the features' names, all little-endian. `line` in an error is the byte
    /// offset.
    pub fn from_compact(bytes: &'static [u8]) -> Result<LinearModel, ModelError> {
        let mut r = Bytes { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.error("not a compact model"));
        }
        let k = r.count()?;
        let classes = (0..k).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let bias = (0..k).map(|_| r.float()).collect::<Result<Vec<_>, _>>()?;
        let extras = (0..r.count()?)
            .map(|_| {
                let name = r.string()?;
                let list = (0..r.count()?)
                    .map(|_| r.string())
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((name, list))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let weighting = match r.count()? {
            0 => Weighting::Binary,
            1 => Weighting::Idf {
                blocks: (0..r.count()?)
                    .map(|_| r.string())
                    .collect::<Result<Vec<_>, _>>()?,
            },
            _ => return Err(r.error("an unknown weighting")),
        };
        let n = r.count()?;
        let top_bits = r.count()?;
        if top_bits != directory_bits(n) as usize {
            return Err(r.error("the directory of the feature hashes is not the expected size"));
        }
        // The directory, hashes and weights stay where they are in `bytes`: read in place, not
        // copied.
        let starts = r.take(((1 << top_bits) + 1) * 4)?;
        let sizes = n.checked_mul(8).zip(n.checked_mul(k * 8));
        let Some((hash_bytes, weight_bytes)) = sizes else {
            return Err(r.error("the compact model ends too early"));
        };
        let hashes = r.take(hash_bytes)?;
        let rows = r.take(
            n.checked_mul(4)
                .ok_or_else(|| r.error("too many features"))?,
        )?;
        let weights = r.take(weight_bytes)?;
        let idf = match weighting {
            Weighting::Binary => &[][..],
            Weighting::Idf { .. } => r.take(hash_bytes)?,
        };
        if r.at != bytes.len() || classes.len() < 2 {
            return Err(r.error("trailing bytes or too few classes"));
        }
        let index = HashIndex {
            hashes,
            rows,
            starts,
            shift: 64 - top_bits as u32,
        };
        Ok(LinearModel {
            classes,
            bias,
            index: Index::Hashes(index),
            weights: Weights::Embedded(weights),
            extras,
            weighting,
            idf: Weights::Embedded(idf),
        })
    }

    /// How many features carry weights.
    pub fn feature_count(&self) -> usize {
        self.index.len()
    }
}

/// The `weighting` line's name for IDF weighting.
const IDF: &str = "idf";

/// Each feature's value in a [`Weighting::Binary`] model: 1/√n for a line of n features, so
/// long lines do not shout.
fn value(n: usize) -> f64 {
    1.0 / (n.max(1) as f64).sqrt()
}

/// The IDFs of an IDF-weighted model's features (ids `0..n`) over the examples it is fitted
/// to: ln((1 + N) / (1 + df)) + 1 for a feature in df of the N examples (scikit-learn's
/// smoothed IDF: a feature in every example still counts, a little), rounded as the model's
/// file writes it, so that fitting values a line as reading the file will.
fn idf_of(n: usize, examples: &[Example]) -> Vec<f64> {
    let mut df = vec![0usize; n];
    for e in examples {
        for &f in &e.features {
            df[f as usize] += 1;
        }
    }
    let all = examples.len() as f64;
    df.into_iter()
        .map(|d| {
            let x = ((1.0 + all) / (1.0 + d as f64)).ln() + 1.0;
            let written = format!("{x:.4}");
            decimal(&written).unwrap_or(x)
        })
        .collect()
}

/// A line's IDFs made its features' values: each divided by the root of the sum of the
/// squares of its block's ([`Weighting::Idf`]). Fitting and reading both call it with the
/// features in name order (reading by hashes, in row order, which is the names' order), so
/// both sum alike, bit for bit. A block of IDFs all zero (no model
/// writes one) stays zero rather than becoming NaN.
fn normalise(values: &mut [f64], blocks: &[usize], block_count: usize) {
    let mut sums = vec![0.0; block_count];
    for (v, &b) in values.iter().zip(blocks) {
        sums[b] += v * v;
    }
    for (v, &b) in values.iter_mut().zip(blocks) {
        let norm = sums[b].sqrt();
        if norm > 0.0 {
            *v /= norm;
        }
    }
}

/// Prefixes after a tab each: the rest of a `weighting` line.
fn tabbed(list: &[String]) -> String {
    list.iter().fold(String::new(), |mut out, p| {
        out.push('\t');
        out.push_str(p);
        out
    })
}

fn softmax(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        sum += *s;
    }
    for s in scores.iter_mut() {
        *s /= sum;
    }
}

/// A cursor over a compact model's bytes.
struct Bytes {
    bytes: &'static [u8],
    at: usize,
}

impl Bytes {
    fn error(&self, message: &str) -> ModelError {
        ModelError {
            line: self.at,
            message: message.to_owned(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'static [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(self.error("the compact model ends too early"));
        };
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn count(&mut self) -> Result<usize, ModelError> {
        self.array().map(|b| u32::from_le_bytes(b) as usize)
    }

    fn float(&mut self) -> Result<f64, ModelError> {
        self.array().map(f64::from_le_bytes)
    }

    fn string(&mut self) -> Result<String, ModelError> {
        let n = self.count()?;
        let bytes = self.take(n)?.to_vec();
        String::from_utf8(bytes).map_err(|_| self.error("a name is not UTF-8"))
    }
}

/// A weight as the model files write it ("-0.1234": a sign, digits, a point, digits), read
/// without the general float parser, which is most of the time of loading a model. `None`
/// for any other spelling, which the general parser then reads.
fn decimal(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    // Up to 15 digits the integer and the power of ten are exact, so their quotient is the
    // correctly rounded value, the same the general parser gives.
    if whole.is_empty() || whole.len() + fraction.len() > 15 {
        return None;
    }
    let mut n: i64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_possible_wrap
    )]
    let value = n as f64 / 10f64.powi(fraction.len() as i32);
    Some(if negative { -value } else { value })
}

fn fmt_row(row: &[f64]) -> String {
    row.iter()
        .map(|w| {
            let s = format!("{w:.4}");
            if s == "-0.0000" {
                "0.0000".to_owned()
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> LinearModel {
        toy_weighted(Weighting::Binary)
    }

    /// Two classes told apart by "discord" and "instagram"; "the" is in three of the four
    /// examples, the letters `#ord` in both of "discord"'s.
    fn toy_weighted(weighting: Weighting) -> LinearModel {
        let names: Vec<String> = ["#ord", "discord", "instagram", "the"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let ex = |f: &[u32], class| Example {
            features: f.to_vec(),
            class,
            weight: 1.0,
        };
        let examples = vec![
            ex(&[0, 1, 3], 0),
            ex(&[0, 1], 0),
            ex(&[2, 3], 1),
            ex(&[2, 3], 1),
        ];
        LinearModel::fit(
            vec!["community".into(), "social".into()],
            &names,
            &examples,
            FitOptions {
                l2: 0.001,
                epochs: 200,
                learning_rate: 0.5,
            },
            weighting,
        )
    }

    fn blocks() -> Weighting {
        Weighting::Idf {
            blocks: vec!["#".to_owned()],
        }
    }

    #[test]
    fn fitting_learns_which_words_decide() {
        let m = toy();
        assert!(m.probabilities(&["discord"])[0] > 0.8);
        assert!(m.probabilities(&["instagram", "the"])[1] > 0.8);
        let why = m.explain(&["the", "instagram"], 1, 3);
        assert_eq!(why[0].feature, "instagram");
        assert!(
            why.iter()
                .all(|c| c.feature != "the" || c.weight < why[0].weight)
        );
    }

    #[test]
    fn a_line_read_by_hashes_is_read_as_by_names() {
        use super::super::feature_hash::feature_hash;
        for m in [toy(), toy_weighted(blocks())] {
            // In any order, repeated, with features the model does not know.
            let given = [
                "the",
                "#ord",
                "nobody",
                "discord",
                "the",
                "#ord",
                "instagram",
            ];
            let hashed: Vec<HashedFeature> = given
                .iter()
                .map(|f| HashedFeature {
                    hash: feature_hash(f),
                    block: m.block_of(f),
                })
                .collect();
            let mut names: Vec<&str> = given.to_vec();
            names.sort_unstable();
            names.dedup();
            let by_names = m.known(names.iter().copied());
            let by_hashes = m.known_hashed(&hashed);
            assert_eq!(
                m.probabilities_of(&by_hashes),
                m.probabilities_of(&by_names),
                "bit for bit"
            );
            for class in 0..2 {
                let want: Vec<(String, f64)> = m
                    .explain_of(&by_names, |i| names[i], class, 3)
                    .into_iter()
                    .map(|c| (c.feature, c.weight))
                    .collect();
                let got: Vec<(String, f64)> = m
                    .explain_rows(&by_hashes, class, 3)
                    .into_iter()
                    .map(|(i, w)| (given[i].to_owned(), w))
                    .collect();
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn a_model_file_whose_features_are_out_of_order_or_repeated_is_refused() {
        for (text, line) in [
            (
                "classes\ta\tb\nbias\t0\t0\nf\tzeta\t1\t0\nf\talpha\t0\t1\n",
                4,
            ),
            (
                "classes\ta\tb\nbias\t0\t0\nf\talpha\t1\t0\nf\talpha\t0\t1\n",
                4,
            ),
        ] {
            let e = LinearModel::parse(text).unwrap_err();
            assert_eq!(e.line, line, "{e}");
            assert!(e.message.contains("not sorted by name"), "{e}");
        }
        let sorted = "classes\ta\tb\nbias\t0\t0\nf\talpha\t1\t0\nf\tzeta\t0\t1\n";
        assert!(LinearModel::parse(sorted).is_ok());
    }

    #[test]
    fn weights_read_as_the_general_parser_reads_them() {
        for s in ["0.1234", "-0.1234", "12.5000", "-0.0001", "3", "0.0000"] {
            assert_eq!(decimal(s), Some(s.parse::<f64>().unwrap()), "{s}");
        }
        for s in ["1e-5", "", "-", ".5", "1.2.3", "nan", "1x"] {
            assert_eq!(decimal(s), None, "{s}");
        }
    }

    #[test]
    fn the_file_round_trips_and_fitting_is_deterministic() {
        let m = toy_with_extras();
        let text = m.to_text(&["toy".to_owned()]);
        assert_eq!(text, toy_with_extras().to_text(&["toy".to_owned()]));
        let back = LinearModel::parse(&text).unwrap();
        assert_eq!(back.to_text(&["toy".to_owned()]), text);
        assert_eq!(back.extra("openers"), ["host", "plan"]);
        let p = back.probabilities(&["discord"]);
        assert!((p[0] - m.probabilities(&["discord"])[0]).abs() < 1e-3);
    }

    fn toy_with_extras() -> LinearModel {
        let mut m = toy();
        m.extras
            .push(("openers".into(), vec!["host".into(), "plan".into()]));
        m
    }

    #[test]
    fn bad_files_say_which_line() {
        let e = LinearModel::parse("classes\ta\tb\nbias\t0\t0\nf\tx\t1\n").unwrap_err();
        assert_eq!(e.to_string(), "line 3: expected 2 weights, found 1");
        let e = LinearModel::parse("classes\ta\tb\nbias\t0\tz\n").unwrap_err();
        assert!(e.to_string().starts_with("line 2: `z`"), "{e}");
        assert!(LinearModel::parse("").is_err());
        let head = "classes\ta\tb\nbias\t0\t0\n";
        let bad = |rest: &str| {
            LinearModel::parse(&format!("{head}{rest}"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            bad("weighting\tidf\nf\tx\t1\t2\n"),
            "line 4: expected an IDF and 2 weights, found 2 numbers"
        );
        assert_eq!(
            bad("weighting\tidf\nf\tx\t0\t1\t2\n"),
            "line 4: `x`: an IDF is a positive number"
        );
        assert_eq!(
            bad("f\tx\t1\t2\nweighting\tidf\n"),
            "line 4: one `weighting` line, before the features"
        );
        assert_eq!(
            bad("weighting\tbm25\n"),
            "line 3: the only weighting is `idf`"
        );
    }

    #[test]
    fn idf_is_smoothed_as_scikit_learn_does_and_written_beside_the_weights() {
        let m = toy_weighted(blocks());
        let text = m.to_text(&[]);
        assert!(text.contains("\nweighting\tidf\t#\n"), "{text}");
        // "the": in 3 of 4 examples, ln(5/4) + 1; "discord": in 2, ln(5/3) + 1.
        let idf = |name: &str| -> String {
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("f\t{name}\t")))
                .unwrap();
            line.split('\t').nth(2).unwrap().to_owned()
        };
        assert_eq!(idf("the"), "1.2231");
        assert_eq!(idf("discord"), "1.5108");
        assert!(m.probabilities(&["discord"])[0] > 0.8);
        assert!(m.probabilities(&["instagram", "the"])[1] > 0.8);
    }

    #[test]
    fn an_idf_model_round_trips() {
        let m = toy_weighted(blocks());
        let text = m.to_text(&["toy".to_owned()]);
        let back = LinearModel::parse(&text).unwrap();
        assert_eq!(back.to_text(&["toy".to_owned()]), text);
        assert_eq!(back.weighting, blocks());
        for line in [&["discord", "#ord"][..], &["the", "instagram", "unseen"]] {
            let (a, b) = (m.probabilities(line), back.probabilities(line));
            assert!((a[0] - b[0]).abs() < 1e-3, "{line:?}: {a:?} {b:?}");
        }
    }

    /// Each known feature is worth its IDF over the norm of its block's known IDFs; unknown
    /// features count for nothing, and the letter sequences are a block of their own.
    #[test]
    fn idf_values_are_normalised_per_block_over_known_features() {
        let text = "classes\ta\tb\nbias\t0\t0\nweighting\tidf\t#\n\
                    f\t#xy\t2\t1\t0\nf\tp\t1\t1\t0\nf\tq\t3\t1\t0\n";
        let m = LinearModel::parse(text).unwrap();
        let line = ["#xy", "p", "q", "unknown"];
        // Words: (1 + 3)/√10; letters: 2/2.
        let score = 4.0 / 10f64.sqrt() + 1.0;
        let want = 1.0 / (1.0 + (-score).exp());
        let got = m.probabilities(&line)[0];
        assert!((got - want).abs() < 1e-12, "{got} against {want}");
        let why = m.explain(&line, 0, 3);
        assert_eq!(why[0].feature, "#xy");
        assert_eq!(why[1].feature, "q");
        assert!((why[1].weight - 3.0 / 10f64.sqrt()).abs() < 1e-12);
        // The same weights valued 1/√count (unknown feature too) score otherwise.
        let binary =
            LinearModel::parse("classes\ta\tb\nbias\t0\t0\nf\t#xy\t1\t0\nf\tp\t1\t0\nf\tq\t1\t0\n")
                .unwrap();
        let score: f64 = 3.0 / 2.0;
        let want = 1.0 / (1.0 + (-score).exp());
        assert!((binary.probabilities(&line)[0] - want).abs() < 1e-12);
    }

    #[test]
    fn fitting_values_a_line_as_reading_does() {
        // Fitted with the IDFs and values a reader of its file finds, the model scores its
        // own training lines as the re-read file does, to the rounding of the weights.
        let m = toy_weighted(blocks());
        let back = LinearModel::parse(&m.to_text(&[])).unwrap();
        let line = ["#ord", "discord", "the"];
        let known = m.known(line.iter().copied());
        let read = back.known(line.iter().copied());
        assert_eq!(known, read);
    }
}
