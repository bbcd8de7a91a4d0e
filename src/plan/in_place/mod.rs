//! Saves that keep the file: a plan edited in the view is written back into its own text,
//! changing only what changed, so comments, key order, quoting and layout stay and the diff of a
//! save is the change itself.
//!
//! Three readings meet here. The text's tree ([`tree`], with byte ranges) says where things are;
//! the plan as loaded and the plan as edited, both in the canonical form, say what changed. They
//! are walked together: where the two plans agree the text is not touched, whatever form it has
//! (a task written `- cm-x`, a capacity left to its default); where they differ, the text at that
//! place is replaced, or an entry is inserted or removed, in the style around it (a block entry
//! at the indentation of its siblings, a flow collection rewritten in flow style).
//!
//! The result is read back before it is used: if it is not exactly the edited plan, the edit
//! gives up and the caller writes the plan in canonical form. Comments may then be lost, never
//! data.

mod render;
mod tree;

use serde_yaml::{Mapping, Value};

use super::{Plan, parse_plan};
use render::{block, flow, inline};
use tree::{Kind, Node};

/// `text` (the file `old` was read from) edited so that it reads as `new`; `None` when that
/// cannot be done faithfully (the caller then writes `new` in canonical form).
pub fn edit(text: &str, old: &Plan, new: &Plan) -> Option<String> {
    if old == new {
        return Some(text.to_owned());
    }
    let root = tree::parse(text)?;
    let old_value = crate::yaml::to_value(old)?;
    let new_value = crate::yaml::to_value(new)?;
    let mut editor = Editor {
        text,
        edits: Vec::new(),
        seq_indent: 2,
    };
    editor.seq_indent = editor.file_seq_indent(&root).unwrap_or(2);
    editor.value(&root, &old_value, &new_value, Place::Root)?;
    let edited = editor.apply();
    let back = parse_plan("<edited plan>", &edited).ok()?;
    (back == *new).then_some(edited)
}

/// Where a node sits, which decides how a replacement is written.
#[derive(Clone, Copy)]
enum Place {
    Root,
    /// The value of a block mapping's key; `after_colon` is the byte after the key's `:`.
    MapValue {
        after_colon: usize,
        key_col: usize,
    },
    /// An item of a block sequence, written after `- `.
    SeqItem,
}

struct Editor<'t> {
    text: &'t str,
    /// Replacements of byte ranges, applied together at the end.
    edits: Vec<(usize, usize, String)>,
    /// How far this file indents a block list under its key (`tasks:` then `- x` at the same
    /// column, or two further in), so a new list looks like the others.
    seq_indent: usize,
}

impl Editor<'_> {
    fn value(&mut self, node: &Node, old: &Value, new: &Value, place: Place) -> Option<()> {
        if old == new {
            return Some(());
        }
        match (&node.kind, old, new) {
            (Kind::Map(_), Value::Mapping(o), Value::Mapping(n)) if !node.flow => {
                self.map(node, o, n)
            }
            (Kind::Seq(_), Value::Sequence(o), Value::Sequence(n))
                if !node.flow && !n.is_empty() =>
            {
                self.seq(node, o, n)
            }
            _ => {
                self.replace(node, new, place);
                Some(())
            }
        }
    }

    /// A block mapping: changed values edited in place, new keys inserted next to the keys
    /// they follow in the canonical order, removed keys deleted with their lines.
    fn map(&mut self, node: &Node, old: &Mapping, new: &Mapping) -> Option<()> {
        let Kind::Map(entries) = &node.kind else {
            return None;
        };
        let mut previous: Option<&(Node, Node)> = None;
        for (key, new_value) in new {
            let key_text = key.as_str()?;
            let old_value = old.get(key);
            match node.entry(key_text, self.text) {
                Some(entry) => {
                    if old_value != Some(new_value) {
                        let place = self.map_value_place(&entry.0);
                        self.value(
                            &entry.1,
                            old_value.unwrap_or(&Value::Null),
                            new_value,
                            place,
                        )?;
                    }
                    previous = Some(entry);
                }
                None if old_value == Some(new_value) => {}
                None => {
                    let text = format!(
                        "{}{key_text}:{}\n",
                        " ".repeat(node.col),
                        after_colon_text(new_value, node.col, self.seq_indent)
                    );
                    let at = match previous {
                        Some((_, value)) => self.after(value),
                        None => self.line_start(entries.first()?.0.start),
                    };
                    self.insert(at, text);
                }
            }
        }
        for (key, _) in old {
            if !new.contains_key(key)
                && let Some((k, v)) = node.entry(key.as_str()?, self.text)
            {
                self.delete_lines(k.start, v.end.max(k.end));
            }
        }
        Some(())
    }

    /// A block sequence: items matched between the old and new lists (unchanged ends first,
    /// then by id or name), matched items edited in place, removed ones deleted with their
    /// lines, new ones inserted at their place at the items' indentation.
    fn seq(&mut self, node: &Node, old: &[Value], new: &[Value]) -> Option<()> {
        let Kind::Seq(items) = &node.kind else {
            return None;
        };
        if items.len() != old.len() {
            return None;
        }
        let pairs = align(old, new);
        // For each new item, the old item it is, if any.
        let mut from_old: Vec<Option<usize>> = vec![None; new.len()];
        let mut kept = vec![false; old.len()];
        for &(i, j) in &pairs {
            from_old[j] = Some(i);
            kept[i] = true;
        }
        for (i, item) in items.iter().enumerate() {
            if !kept[i] {
                self.delete_lines(item.start, item.end);
            }
        }
        let dash_col = self.dash_col(items.first()?)?;
        for (j, value) in new.iter().enumerate() {
            if let Some(i) = from_old[j] {
                if old[i] != *value {
                    self.value(&items[i], &old[i], value, Place::SeqItem)?;
                }
                continue;
            }
            // Inserted before the next kept item, or after the last item.
            let next = from_old[j..].iter().flatten().next();
            let at = match next {
                Some(&i) => self.line_start(items[i].start),
                None => self.after(items.last().unwrap_or(node)),
            };
            let text = format!("{}- {}\n", " ".repeat(dash_col), block(value, dash_col + 2));
            self.insert(at, text);
        }
        Some(())
    }

    /// Writes `new` where `node` is, in the style its place calls for.
    fn replace(&mut self, node: &Node, new: &Value, place: Place) {
        let collection = matches!(new, Value::Mapping(m) if !m.is_empty())
            || matches!(new, Value::Sequence(s) if !s.is_empty());
        let end = self.trimmed_end(node.start, node.end);
        match place {
            _ if node.flow => self.edits.push((node.start, end, flow(new))),
            Place::MapValue {
                after_colon,
                key_col,
            } => {
                // From just after the colon: a block value starts on the next line, a scalar
                // replacing a block value goes back on the key's line, and a `|` scalar's
                // indicator goes with its text.
                self.edits.push((
                    after_colon,
                    end,
                    after_colon_text(new, key_col, self.seq_indent),
                ));
            }
            Place::SeqItem | Place::Root if collection => {
                self.edits.push((node.start, end, block(new, node.col)));
            }
            _ => self.edits.push((node.start, end, inline(new))),
        }
    }

    /// The first block list under a key in the file: how much further in its dashes are than
    /// the key.
    fn file_seq_indent(&self, node: &Node) -> Option<usize> {
        match &node.kind {
            Kind::Map(entries) => entries.iter().find_map(|(key, value)| {
                let here = match &value.kind {
                    Kind::Seq(items) if !value.flow && !items.is_empty() => self
                        .dash_col(&items[0])
                        .map(|dash| dash.saturating_sub(key.col)),
                    _ => None,
                };
                here.or_else(|| self.file_seq_indent(value))
            }),
            Kind::Seq(items) => items.iter().find_map(|i| self.file_seq_indent(i)),
            Kind::Scalar => None,
        }
    }

    /// The column of the `-` that opens the block sequence item `item` (the sequence's own
    /// position is not reliable: an item may sit at its parent key's column or deeper).
    fn dash_col(&self, item: &Node) -> Option<usize> {
        let start = self.line_start(item.start);
        let before = &self.text[start..item.start];
        let dash = before.rfind('-')?;
        Some(before[..dash].chars().count())
    }

    fn map_value_place(&self, key: &Node) -> Place {
        let after_key = &self.text[key.end..];
        let colon = after_key.find(':').map_or(key.end, |i| key.end + i + 1);
        Place::MapValue {
            after_colon: colon,
            key_col: key.col,
        }
    }

    fn insert(&mut self, at: usize, mut text: String) {
        if at == self.text.len() && !self.text.is_empty() && !self.text.ends_with('\n') {
            text.insert(0, '\n');
        }
        self.edits.push((at, at, text));
    }

    /// Removes the lines from the one holding `start` to the one holding `end`, inclusive.
    fn delete_lines(&mut self, start: usize, end: usize) {
        let end = self.trimmed_end(start, end);
        self.edits
            .push((self.line_start(start), self.line_end(end), String::new()));
    }

    /// Where a line after `node` (and everything in it) begins.
    fn after(&self, node: &Node) -> usize {
        self.line_end(self.trimmed_end(node.start, node.end))
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    /// The byte after the line break that ends the line holding `at` (the text's end if none).
    fn line_end(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i + 1)
    }

    /// `end` moved back over line breaks and spaces a block scalar's range may end with.
    fn trimmed_end(&self, start: usize, end: usize) -> usize {
        let end = end.min(self.text.len()).max(start);
        start + self.text[start..end].trim_end().len()
    }

    fn apply(mut self) -> String {
        // Stable: inserts at one place keep the order they were made in.
        self.edits.sort_by_key(|e| (e.0, e.1));
        let mut out = String::with_capacity(self.text.len() + 256);
        let mut at = 0;
        for (start, end, text) in &self.edits {
            if *start < at {
                // Overlapping edits would garble the text; the read-back check catches any
                // that slip through, but skip what clearly overlaps.
                continue;
            }
            out.push_str(&self.text[at..*start]);
            out.push_str(text);
            at = *end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// What follows `key:` for a value: ` scalar`, ` []`, or a block on the next lines.
fn after_colon_text(value: &Value, key_col: usize, seq_indent: usize) -> String {
    match value {
        Value::Mapping(m) if !m.is_empty() => {
            let indent = key_col + 2;
            format!("\n{}{}", " ".repeat(indent), block(value, indent))
        }
        Value::Sequence(s) if !s.is_empty() => {
            let indent = key_col + seq_indent;
            format!("\n{}{}", " ".repeat(indent), block(value, indent))
        }
        _ => format!(" {}", inline(value)),
    }
}

/// Pairs (old index, new index) of the items that are the same item in both lists: equal
/// leading and trailing runs, then, in between, items with the same identity (a person's
/// name, a task's id, the whole entry otherwise) in the same order.
fn align(old: &[Value], new: &[Value]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut front = 0;
    while front < old.len() && front < new.len() && old[front] == new[front] {
        pairs.push((front, front));
        front += 1;
    }
    let mut back = 0;
    while back < old.len() - front
        && back < new.len() - front
        && old[old.len() - 1 - back] == new[new.len() - 1 - back]
    {
        back += 1;
    }
    let mut next_old = front;
    for (j, item) in new.iter().enumerate().take(new.len() - back).skip(front) {
        let id = identity(item);
        if let Some(i) = (next_old..old.len() - back).find(|&i| identity(&old[i]) == id) {
            pairs.push((i, j));
            next_old = i + 1;
        }
    }
    for k in 0..back {
        pairs.push((old.len() - back + k, new.len() - back + k));
    }
    // Between two matched items, what is left on both sides is the same items changed (a
    // renamed person): paired in order, so they are edited rather than replaced.
    pairs.sort_unstable();
    let mut filled = Vec::with_capacity(pairs.len());
    let (mut i, mut j) = (0, 0);
    for &(pi, pj) in pairs.iter().chain(std::iter::once(&(old.len(), new.len()))) {
        let gap = (pi - i).min(pj - j);
        filled.extend((0..gap).map(|k| (i + k, j + k)));
        if pi < old.len() {
            filled.push((pi, pj));
        }
        (i, j) = (pi + 1, pj + 1);
    }
    filled
}

fn identity(value: &Value) -> String {
    match value {
        Value::Mapping(m) => ["name", "id"]
            .iter()
            .find_map(|k| m.get(*k).and_then(Value::as_str))
            .map_or_else(|| inline(value), str::to_owned),
        Value::String(s) => s.clone(),
        other => inline(other),
    }
}

#[cfg(test)]
mod tests;
