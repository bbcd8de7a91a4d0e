//! Embeds every `data/**/*.yaml` file into the binary, so that rolescope works with no files
//! installed and a new built-in role is a YAML-only change (drop a file into `data/roles/`).
//! The learned `data/reader/*.model` files are embedded in a compact form made here: feature
//! names as 64-bit hashes in sorted order and weights as little-endian `f64`, so the reader
//! starts without parsing some 24,000 lines of text (`LinearModel::from_compact` reads it).
//! The built-in catalogs (`roles/*.yaml`, `shared.yaml`) are also embedded parsed: read as
//! YAML here, once, and written as minified JSON, which the catalog loader deserialises ten
//! times faster than the YAML on every start (`CatalogSource::compact`). The YAML stays
//! embedded too, for `catalog` commands and for positions in messages.

// A build script talks to cargo on standard output.
#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "offer/feature_hash.rs"]
mod feature_hash;

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
        "/// The built-in catalogs parsed at build time, as JSON: (path under `data/`, JSON).\npub static COMPACT: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let rel = relative(file, &data);
        if !(rel.starts_with("roles/") || rel == "shared.yaml") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read a catalog file");
        let dest = out_dir.join(rel.replace('/', "__") + ".json");
        std::fs::write(&dest, catalog_json(&rel, &text)).expect("write a compact catalog");
        writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            dest.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
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

/// A catalog file as minified JSON. A file that is no YAML fails the build with its line: the
/// built-in catalogs must load. (Whether it has the catalog's shape is the loader's to say; a
/// test holds the JSON to the YAML, field for field.)
fn catalog_json(name: &str, text: &str) -> String {
    let value: serde_yaml::Value = serde_yaml::from_str(text)
        .unwrap_or_else(|e| panic!("data/{name}: not a YAML catalog: {e}"));
    serde_json::to_string(&value)
        .unwrap_or_else(|e| panic!("data/{name}: cannot be written as JSON: {e}"))
}

/// A model file's compact form. A model that does not parse fails the build with its file and
/// line: the reader could not start without it.
fn compact(name: &str, text: &str) -> Vec<u8> {
    let mut classes: Vec<&str> = Vec::new();
    let mut bias: Vec<f64> = Vec::new();
    let mut extras: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut rows: Vec<(u64, &str, Vec<f64>)> = Vec::new();
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
            Some("f") => {
                let f = parts.next().unwrap_or_default();
                let w: Vec<f64> = parts.map(|p| number(i + 1, p)).collect();
                assert!(
                    w.len() == classes.len(),
                    "data/{name}:{}: {} weights for {} classes",
                    i + 1,
                    w.len(),
                    classes.len()
                );
                rows.push((feature_hash::feature_hash(f), f, w));
            }
            other => panic!("data/{name}:{}: unknown line kind {other:?}", i + 1),
        }
    }
    assert!(
        classes.len() >= 2 && bias.len() == classes.len(),
        "data/{name}: needs a classes line of two or more classes and a bias line"
    );
    rows.sort_by_key(|r| r.0);
    for pair in rows.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "data/{name}: features `{}` and `{}` share a hash",
            pair[0].1,
            pair[1].1
        );
    }
    let mut out = Vec::new();
    out.extend_from_slice(feature_hash::MAGIC);
    let word = |out: &mut Vec<u8>, n: usize| {
        out.extend_from_slice(&u32::try_from(n).expect("fits u32").to_le_bytes());
    };
    let string = |out: &mut Vec<u8>, s: &str| {
        word(out, s.len());
        out.extend_from_slice(s.as_bytes());
    };
    word(&mut out, classes.len());
    for c in &classes {
        string(&mut out, c);
    }
    for b in &bias {
        out.extend_from_slice(&b.to_le_bytes());
    }
    word(&mut out, extras.len());
    for (n, list) in &extras {
        string(&mut out, n);
        word(&mut out, list.len());
        for v in list {
            string(&mut out, v);
        }
    }
    word(&mut out, rows.len());
    for (h, _, _) in &rows {
        out.extend_from_slice(&h.to_le_bytes());
    }
    for (_, _, w) in &rows {
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
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
