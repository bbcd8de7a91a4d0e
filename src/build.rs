//! Embeds every `data/**/*.yaml` file into the binary, so that rolescope works with no files
//! installed and a new built-in role is a YAML-only change (drop a file into `data/roles/`).
//! The learned `data/reader/*.model` files are embedded in a compact form made here: feature
//! names as 64-bit hashes in sorted order with a directory of their top bits and each hash's
//! row, and the rows' weights (and the IDFs of an IDF-weighted model) as little-endian `f64`
//! in the order of the features' names, as the file has them, so the reader starts without
//! parsing tens of thousands of lines of text or indexing their hashes, and sums a line's
//! features in the order fitting summed them (`LinearModel::from_compact` reads it in place).
//! The built-in catalogs (`roles/*.yaml`, `shared.yaml`) are also embedded parsed: read as
//! YAML here, once, and laid out as a flat tree of nodes and strings that the catalog loader
//! walks on every start without scanning any text or copying any string (`catalog/tree.rs`,
//! `CatalogSource::compact`), and so is `matching.yaml`, the reader's settings. The YAML stays
//! embedded too, for `catalog` commands and for positions in messages. The matcher's index of
//! the built-in catalogs' tasks is made here as well, with the reader's own code
//! (`build/term_index.rs`), so that `offer` does not index them on every start.

// A build script talks to cargo on standard output.
#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The reader's own code for what the build script makes ahead of it: the compact models'
// hashes, and the matcher's index of the built-in catalogs' tasks (whose files name each other
// as `super::…`, here the build script's root as in the library `offer`).
#[allow(dead_code)]
#[path = "offer/feature_hash.rs"]
mod feature_hash;
#[allow(dead_code)]
#[path = "offer/letters.rs"]
mod letters;
#[allow(dead_code)]
#[path = "offer/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "offer/term_index.rs"]
mod term_index;

#[path = "build/term_index.rs"]
mod built_index;

fn main() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let data = root.join("data");
    println!("cargo:rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&data, &["yaml", "yml"], &mut files);
    files.sort();
    let mut out = String::from(
        "/// Every embedded data file (catalogs and other YAML): (path under `data/`, contents).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = relative(file, &data);
        writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    out.push_str(
        "/// The built-in catalogs parsed at build time, as trees in `TREE_NODES` and\n/// `TREE_STRINGS` (see `catalog/tree.rs`): (path under `data/`, the origin messages name,\n/// the root node).\npub static COMPACT: &[(&str, &str, u32)] = &[\n",
    );
    let mut tree = Tree::default();
    let mut catalogs = Vec::new();
    for file in &files {
        let rel = relative(file, &data);
        if !(rel.starts_with("roles/") || rel == "shared.yaml") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read a catalog file");
        let value = catalog_value(&rel, &text);
        let root = tree.add(&value);
        catalogs.push(value);
        writeln!(
            out,
            "    ({rel:?}, {:?}, {root}),",
            format!("<built-in>/{rel}")
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    // The reader's settings are read on every `offer`: laid out in the same tree.
    let matching = data.join("matching.yaml");
    let text = std::fs::read_to_string(&matching).expect("read data/matching.yaml");
    let matching_value = catalog_value("matching.yaml", &text);
    let root = tree.add(&matching_value);
    writeln!(
        out,
        "/// `matching.yaml` parsed at build time: its root node in `TREE_NODES`.\npub static MATCHING_ROOT: u32 = {root};"
    )
    .expect("write to string");
    let nodes = out_dir.join("catalog-tree.nodes");
    let strings = out_dir.join("catalog-tree.strings");
    std::fs::write(&nodes, &tree.nodes).expect("write the catalogs' nodes");
    std::fs::write(&strings, &tree.strings).expect("write the catalogs' strings");
    writeln!(
        out,
        "/// Every node of the trees, 12 bytes each: kind, then two numbers.\npub static TREE_NODES: &[u8] = include_bytes!({:?});\n/// Every string of the trees, one after the other.\npub static TREE_STRINGS: &str = include_str!({:?});",
        nodes.display().to_string(),
        strings.display().to_string()
    )
    .expect("write to string");
    // The matcher's index of the built-in catalogs' tasks (`offer/term_index.rs`).
    let index = out_dir.join("term-index.bin");
    std::fs::write(
        &index,
        built_index::term_index_bytes(&catalogs, &matching_value),
    )
    .expect("write the tasks' term index");
    writeln!(
        out,
        "/// The matcher's index of the built-in catalogs' tasks.\npub static TERM_INDEX: &[u8] = include_bytes!({:?});",
        index.display().to_string()
    )
    .expect("write to string");
    out.push_str(
        "/// The learned models in compact form: (path under `data/`, bytes).\npub static MODELS: &[(&str, &[u8])] = &[\n",
    );
    let mut models = Vec::new();
    collect(&data, &["model"], &mut models);
    models.sort();
    for file in &models {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = relative(file, &data);
        let text = std::fs::read_to_string(file).expect("read a model file");
        let bytes = compact(&rel, &text);
        let dest = out_dir.join(rel.replace('/', "__") + ".bin");
        std::fs::write(&dest, bytes).expect("write a compact model");
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            dest.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("builtin_catalog.rs"), out).expect("write generated file");
}

/// A catalog file's (or `matching.yaml`'s) YAML, read. A file that is no YAML fails the build
/// with its line: the built-in catalogs and settings must load. (Whether it has the catalog's shape is the loader's to say; a
/// test holds the tree to the YAML, field for field.)
fn catalog_value(name: &str, text: &str) -> serde_yaml::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("data/{name}: not YAML: {e}"))
}

/// YAML values laid out flat, as `catalog/tree.rs` reads them: a node is three little-endian
/// `u32`s (its kind and two numbers), the items of a sequence and the keys and values of a
/// mapping are consecutive nodes, and strings are ranges of one text. Nothing in it is a
/// pointer, so the binary has nothing to relocate in it at start.
#[derive(Default)]
struct Tree {
    nodes: Vec<u8>,
    strings: String,
    /// Where each string already in `strings` starts: keys (`id`, `title`, …) and repeated
    /// values are written once.
    placed: std::collections::HashMap<String, usize>,
}

/// The node kinds, shared with the reader (`catalog/tree.rs`).
#[path = "catalog/tree_kinds.rs"]
mod tree_kinds;
use tree_kinds::{FALSE, FLOAT, INT, MAPPING, NULL, SEQUENCE, STRING, TRUE, UINT};

impl Tree {
    /// Lays out `value`; its root node's number.
    fn add(&mut self, value: &serde_yaml::Value) -> u32 {
        let root = self.reserve(1);
        self.put(root, value);
        u32::try_from(root).expect("fits u32")
    }

    /// Room for `n` consecutive nodes; the first one's number.
    fn reserve(&mut self, n: usize) -> usize {
        let first = self.nodes.len() / 12;
        self.nodes.resize(self.nodes.len() + 12 * n, 0);
        first
    }

    fn put(&mut self, at: usize, value: &serde_yaml::Value) {
        use serde_yaml::Value;
        let n = |x: usize| u32::try_from(x).expect("fits u32");
        let split = |bits: u64| ((bits & 0xffff_ffff) as u32, (bits >> 32) as u32);
        let (kind, a, b) = match value {
            Value::Null => (NULL, 0, 0),
            Value::Bool(false) => (FALSE, 0, 0),
            Value::Bool(true) => (TRUE, 0, 0),
            Value::Number(x) => {
                if let Some(u) = x.as_u64() {
                    let (a, b) = split(u);
                    (UINT, a, b)
                } else if let Some(i) = x.as_i64() {
                    let (a, b) = split(i.cast_unsigned());
                    (INT, a, b)
                } else {
                    let (a, b) = split(x.as_f64().expect("a YAML number").to_bits());
                    (FLOAT, a, b)
                }
            }
            Value::String(s) => {
                let start = *self.placed.entry(s.clone()).or_insert_with(|| {
                    self.strings.push_str(s);
                    self.strings.len() - s.len()
                });
                (STRING, n(start), n(s.len()))
            }
            Value::Sequence(items) => {
                let first = self.reserve(items.len());
                for (i, item) in items.iter().enumerate() {
                    self.put(first + i, item);
                }
                (SEQUENCE, n(first), n(items.len()))
            }
            Value::Mapping(map) => {
                let first = self.reserve(2 * map.len());
                for (i, (k, v)) in map.iter().enumerate() {
                    self.put(first + 2 * i, k);
                    self.put(first + 2 * i + 1, v);
                }
                (MAPPING, n(first), n(map.len()))
            }
            Value::Tagged(t) => panic!(
                "a built-in catalog holds a YAML tag ({}), which catalogs do not use",
                t.tag
            ),
        };
        for (i, word) in [kind, a, b].into_iter().enumerate() {
            let at = 12 * at + 4 * i;
            self.nodes[at..at + 4].copy_from_slice(&word.to_le_bytes());
        }
    }
}

/// A model file's compact form. A model that does not parse fails the build with its file and
/// line: the reader could not start without it.
fn compact(name: &str, text: &str) -> Vec<u8> {
    let mut classes: Vec<&str> = Vec::new();
    let mut bias: Vec<f64> = Vec::new();
    let mut extras: Vec<(&str, Vec<&str>)> = Vec::new();
    // The block prefixes of an IDF-weighted model (`weighting idf …`).
    let mut idf_blocks: Option<Vec<&str>> = None;
    // (hash, name, weights, IDF): the IDF is 0 in a model without one.
    let mut rows: Vec<(u64, &str, Vec<f64>, f64)> = Vec::new();
    let number = |line: usize, p: &str| -> f64 {
        p.parse()
            .unwrap_or_else(|e| panic!("data/{name}:{line}: `{p}` is no number ({e})"))
    };
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        match parts.next() {
            Some("classes") => classes = parts.collect(),
            Some("bias") => bias = parts.map(|p| number(i + 1, p)).collect(),
            Some("extra") => {
                let n = parts.next().unwrap_or_default();
                extras.push((n, parts.collect()));
            }
            Some("weighting") => {
                assert!(
                    parts.next() == Some("idf") && rows.is_empty(),
                    "data/{name}:{}: the weighting is `idf`, before the features",
                    i + 1
                );
                idf_blocks = Some(parts.collect());
            }
            Some("f") => {
                let f = parts.next().unwrap_or_default();
                let mut w: Vec<f64> = parts.map(|p| number(i + 1, p)).collect();
                let idf = if idf_blocks.is_some() && !w.is_empty() {
                    w.remove(0)
                } else {
                    0.0
                };
                assert!(
                    w.len() == classes.len(),
                    "data/{name}:{}: {} weights for {} classes",
                    i + 1,
                    w.len(),
                    classes.len()
                );
                rows.push((feature_hash::feature_hash(f), f, w, idf));
            }
            other => panic!("data/{name}:{}: unknown line kind {other:?}", i + 1),
        }
    }
    assert!(
        classes.len() >= 2 && bias.len() == classes.len(),
        "data/{name}: needs a classes line of two or more classes and a bias line"
    );
    // Rows stay in the order of the features' names (the file's order, which the trainer
    // writes sorted): a line's features summed in row order are summed as fitting summed them.
    for pair in rows.windows(2) {
        assert!(
            pair[0].1 < pair[1].1,
            "data/{name}: feature `{}` comes before `{}`: features are sorted by name, each once",
            pair[0].1,
            pair[1].1
        );
    }
    // The hashes sorted, each with its row.
    let mut by_hash: Vec<(u64, usize)> = rows.iter().enumerate().map(|(r, x)| (x.0, r)).collect();
    by_hash.sort_unstable();
    for pair in by_hash.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "data/{name}: features `{}` and `{}` share a hash",
            rows[pair[0].1].1,
            rows[pair[1].1].1
        );
    }
    let mut out = Vec::new();
    out.extend_from_slice(feature_hash::MAGIC);
    head(&mut out, &classes, &bias, &extras, idf_blocks.as_deref());
    word(&mut out, rows.len());
    hash_index(&mut out, &by_hash);
    for (_, _, w, _) in &rows {
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    if idf_blocks.is_some() {
        for (_, _, _, idf) in &rows {
            out.extend_from_slice(&idf.to_le_bytes());
        }
    }
    out
}

/// A compact model's index of its features: the directory (for each value of the hashes' top
/// bits, where its run of hashes starts, and one more entry, the end, so that the reader looks
/// a feature up at once), the sorted hashes, and each hash's row.
fn hash_index(out: &mut Vec<u8>, by_hash: &[(u64, usize)]) {
    let top_bits = feature_hash::directory_bits(by_hash.len());
    word(out, top_bits as usize);
    let mut at = 0;
    for top in 0..=(1u64 << top_bits) {
        while at < by_hash.len() && by_hash[at].0 >> (64 - top_bits) < top {
            at += 1;
        }
        word(out, at);
    }
    for (h, _) in by_hash {
        out.extend_from_slice(&h.to_le_bytes());
    }
    for (_, r) in by_hash {
        word(out, *r);
    }
}

/// A compact model's head, after the magic: its classes, biases, extras, and weighting (0:
/// every feature 1/√count; 1 and the blocks' prefixes: IDF).
fn head(
    out: &mut Vec<u8>,
    classes: &[&str],
    bias: &[f64],
    extras: &[(&str, Vec<&str>)],
    idf_blocks: Option<&[&str]>,
) {
    word(out, classes.len());
    for c in classes {
        string(out, c);
    }
    for b in bias {
        out.extend_from_slice(&b.to_le_bytes());
    }
    word(out, extras.len());
    for (n, list) in extras {
        string(out, n);
        word(out, list.len());
        for v in list {
            string(out, v);
        }
    }
    match idf_blocks {
        None => word(out, 0),
        Some(blocks) => {
            word(out, 1);
            word(out, blocks.len());
            for p in blocks {
                string(out, p);
            }
        }
    }
}

/// A little-endian `u32`.
fn word(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).expect("fits u32").to_le_bytes());
}

/// A string: its length, then its bytes.
fn string(out: &mut Vec<u8>, s: &str) {
    word(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// A file's path under `data/`, with forward slashes on every platform.
fn relative(file: &Path, data: &Path) -> String {
    file.strip_prefix(data)
        .expect("file under data/")
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every file under `dir` whose extension is one of `exts`; each directory on the way is watched
/// for new files.
fn collect(dir: &Path, exts: &[&str], files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, exts, files);
        } else if path
            .extension()
            .is_some_and(|e| exts.iter().any(|x| e == *x))
        {
            files.push(path);
        }
    }
}
