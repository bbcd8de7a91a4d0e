//! The modules of `src/tui/` import each other in layers, as the doc comment of
//! `src/tui/mod.rs` draws them: a module may import only from the layers below its own, so no
//! circle of imports can form again. This test reads that diagram and every file's paths
//! (`use super::…`, `use crate::tui::…`, and the same paths written inline), test code
//! included, and fails on an import that goes sideways or up, or on a module in no layer.
//!
//! Files of one directory (`update/`, `view/`, ...) are one module here: they may use each
//! other freely, as a module's private parts do. Nothing may import from the root (`tui`
//! itself), which only declares the modules and re-exports for the crate's users.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const TUI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/tui");

/// The layers the root's doc comment declares, top first: the lines of the ```text block after
/// the "# Layers" heading, each naming its modules before the first double space.
fn declared_layers() -> Vec<Vec<String>> {
    let root = fs::read_to_string(Path::new(TUI).join("mod.rs")).expect("src/tui/mod.rs");
    let doc: Vec<&str> = root
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let heading = doc
        .iter()
        .position(|l| l.trim() == "# Layers")
        .expect("src/tui/mod.rs has a `# Layers` section");
    let open = heading
        + doc[heading..]
            .iter()
            .position(|l| l.trim() == "```text")
            .expect("the layers are drawn in a ```text block");
    let mut layers = Vec::new();
    for line in &doc[open + 1..] {
        if line.trim() == "```" {
            return layers;
        }
        let names = line.trim().split("  ").next().unwrap_or_default();
        let modules: Vec<String> = names
            .split(',')
            .map(|m| m.trim().trim_end_matches('/').to_owned())
            .filter(|m| !m.is_empty() && m.chars().all(|c| c.is_alphanumeric() || c == '_'))
            .collect();
        if !modules.is_empty() {
            layers.push(modules);
        }
    }
    panic!("the ```text block of layers in src/tui/mod.rs is not closed");
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file's module path below `tui`: `update/edit.rs` is `[update, edit]`, `view/mod.rs` is
/// `[view]`, and `run/fault.rs` (a child of `run.rs`) is `[run, fault]`.
fn module_path(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(TUI).expect("a file under src/tui");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The tokens of Rust source that matter for paths: identifiers, `::`, braces, commas and
/// semicolons; comments, strings and character literals are dropped, so a path in a doc
/// comment or a message is not an import.
fn tokens(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) {
            // A raw string: r"…", r#"…"#, … (or an identifier starting with r, handled below).
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                let hashes = j - i - 1;
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"'
                        && chars[j + 1..].iter().take_while(|&&h| h == '#').count() >= hashes
                    {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                i = j;
            } else {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push(chars[start..i].iter().collect());
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1b}') or a lifetime ('a, 'static).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && next == Some(':') {
            out.push("::".to_owned());
            i += 2;
        } else {
            if matches!(c, '{' | '}' | ',' | ';' | '(' | ')') {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// The paths a use-tree starting at `tokens[at]` names, each as its segments (a group
/// `a::{b, c::d}` gives `a::b` and `a::c::d`).
fn use_tree(
    tokens: &[String],
    mut at: usize,
    prefix: &[String],
    out: &mut Vec<Vec<String>>,
) -> usize {
    let mut path = prefix.to_vec();
    loop {
        match tokens.get(at).map(String::as_str) {
            Some("{") => {
                at += 1;
                while tokens.get(at).is_some_and(|t| t != "}") {
                    if tokens[at] == "," {
                        at += 1;
                        continue;
                    }
                    at = use_tree(tokens, at, &path, out);
                }
                return at + 1;
            }
            Some(t) if t.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                path.push(t.to_owned());
                at += 1;
                if tokens.get(at).map(String::as_str) == Some("::") {
                    at += 1;
                } else {
                    // `as name` renames what the path names; it does not change it.
                    if tokens.get(at).map(String::as_str) == Some("as") {
                        at += 2;
                    }
                    out.push(path);
                    return at;
                }
            }
            _ => {
                out.push(path);
                return at;
            }
        }
    }
}

/// The module of `tui` each path of a file names, resolved from `super::` / `crate::tui::`
/// and cut to the first segment: the modules this file imports from (`tui` for the root).
fn imports(source: &str, file_module: &[String], top_level: &BTreeSet<String>) -> BTreeSet<String> {
    let tokens = tokens(source);
    // Inline modules (`mod tests { … }`) nest below the file's module, for `super::`.
    let mut scopes: Vec<(usize, String)> = Vec::new();
    let mut depth = 0usize;
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if scopes.last().is_some_and(|(d, _)| *d == depth) {
                    scopes.pop();
                }
            }
            "mod" if tokens.get(i + 2).map(String::as_str) == Some("{") => {
                scopes.push((depth, tokens[i + 1].clone()));
            }
            _ => {}
        }
        let starts_path = i == 0 || tokens[i - 1] != "::";
        let base: Option<(Vec<String>, usize)> = if !starts_path {
            None
        } else if tokens[i] == "crate"
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && tokens.get(i + 2).map(String::as_str) == Some("tui")
            && tokens.get(i + 3).map(String::as_str) == Some("::")
        {
            Some((Vec::new(), i + 4))
        } else if tokens[i] == "super" && tokens.get(i + 1).map(String::as_str) == Some("::") {
            let mut module = file_module.to_vec();
            module.extend(scopes.iter().map(|(_, name)| name.clone()));
            let mut at = i;
            while tokens.get(at).map(String::as_str) == Some("super")
                && tokens.get(at + 1).map(String::as_str) == Some("::")
            {
                module.pop();
                at += 2;
            }
            Some((module, at))
        } else {
            None
        };
        if let Some((module, at)) = base {
            let mut paths = Vec::new();
            let end = use_tree(&tokens, at, &module, &mut paths);
            for path in paths {
                let target = match path.first() {
                    // A function or type the root re-exports (`crate::tui::update(…)`) is
                    // still an import from the root.
                    Some(first) if top_level.contains(first) && path.len() > 1 => first.clone(),
                    Some(first)
                        if top_level.contains(first)
                            && tokens.get(end).map(String::as_str) != Some("(") =>
                    {
                        first.clone()
                    }
                    _ => "tui".to_owned(),
                };
                found.insert(target);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if let Some(own) = file_module.first() {
        found.remove(own);
    }
    found
}

/// Every module of `tui` (by its first segment) with the modules it imports from, and the
/// files that do, for the messages.
fn graph() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut files = Vec::new();
    rust_files(Path::new(TUI), &mut files);
    files.sort();
    let top_level: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_path(f).first().cloned())
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_path(file).first().cloned() else {
            continue; // the root: it declares and re-exports everything
        };
        let name = file
            .strip_prefix(TUI)
            .expect("under src/tui")
            .display()
            .to_string();
        let edges = graph.entry(module).or_default();
        let source = fs::read_to_string(file).expect("readable source");
        for target in imports(&source, &module_path(file), &top_level) {
            edges.entry(target).or_default().insert(name.clone());
        }
    }
    graph
}

/// A circle in `graph`, as the modules along it, if there is one.
fn circle(graph: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(found) = visit(next, graph, done, path) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn tui_modules_import_each_other_in_no_circle() {
    let graph = graph();
    assert!(graph.len() > 10, "found the modules of src/tui: {graph:?}");
    if let Some(found) = circle(&graph) {
        panic!("src/tui imports in a circle: {}", found.join(" → "));
    }
}

#[test]
fn tui_modules_import_only_from_the_layers_below() {
    let layers = declared_layers();
    let count = layers.len();
    let rank: BTreeMap<&str, usize> = layers
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (n.as_str(), count - i)))
        .collect();
    let graph = graph();
    let mut wrong = Vec::new();
    for (module, edges) in &graph {
        let Some(&own) = rank.get(module.as_str()) else {
            wrong.push(format!(
                "`{module}` is in no layer: add it to the diagram in src/tui/mod.rs"
            ));
            continue;
        };
        for (target, files) in edges {
            let files: Vec<&str> = files.iter().map(String::as_str).collect();
            match rank.get(target.as_str()) {
                None if target == "tui" => wrong.push(format!(
                    "{} import from the root `tui`: name the module instead",
                    files.join(", ")
                )),
                None => wrong.push(format!("`{target}` is in no layer")),
                Some(&other) if other >= own => wrong.push(format!(
                    "{} ({module}) import from `{target}`, which is not in a layer below",
                    files.join(", ")
                )),
                Some(_) => {}
            }
        }
    }
    for name in rank.keys() {
        if !graph.contains_key(*name) {
            wrong.push(format!(
                "the layers name `{name}`, which is no module of src/tui"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_finds_imports_in_every_form() {
    let source = "use super::state::App;\n\
        use crate::tui::{action::Action, keymap::{self, Binding as B}};\n\
        // use super::view::Theme;\n\
        fn f(c: char) -> bool { let _ = \"super::run\"; crate::tui::update(); c == '{' }\n\
        mod inner { fn g() { super::super::config::x(); } }\n\
        mod tests {\n    use super::*;\n    use crate::tui::input::TextInput;\n}\n";
    let top_level: BTreeSet<String> = ["state", "action", "keymap", "view", "run", "input"]
        .into_iter()
        .chain(["update", "mouse", "config"])
        .map(str::to_owned)
        .collect();
    let found = imports(source, &["mouse".to_owned()], &top_level);
    let expected: BTreeSet<String> = ["state", "action", "keymap", "tui", "config", "input"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(found, expected);
}
