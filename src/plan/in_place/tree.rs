//! The plan's own text as a tree of nodes with their byte ranges, from `saphyr-parser`'s
//! spanned events. `yaml_serde` (which reads the plan) reports no positions, so this second,
//! position-only reading is what lets a save edit the text where the change is.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// One node of the text: where it starts and ends (bytes), its line and column (0-based), and
/// whether it is written in flow style (`[a, b]`, `{k: v}`), where edits rewrite it whole.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub flow: bool,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Scalar,
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The value of `key` in a mapping, with the key node.
    pub fn entry(&self, key: &str, text: &str) -> Option<&(Node, Node)> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.scalar_text(text) == Some(key)),
            _ => None,
        }
    }

    fn scalar_text<'t>(&self, text: &'t str) -> Option<&'t str> {
        match self.kind {
            Kind::Scalar => text
                .get(self.start..self.end)
                .map(|s| s.trim_matches(|c| c == '"' || c == '\'')),
            _ => None,
        }
    }
}

/// Reads `text` into a tree. `None` for what the editor does not handle (more than one
/// document, anchors and aliases, tags) or cannot read: the save then writes the plan whole.
pub fn parse(text: &str) -> Option<Node> {
    // saphyr counts characters; edits need bytes.
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |chars: usize| bytes_at.get(chars).copied();
    let mut stack: Vec<Building> = Vec::new();
    let mut root = None;
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let start = byte(span.start.index())?;
        let end = byte(span.end.index())?;
        let (line, col) = (span.start.line().saturating_sub(1), span.start.col());
        let is_map = matches!(event, Event::MappingStart(..));
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Alias(_) => return None,
            Event::Scalar(_, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                // A quoted scalar's span runs on over the spaces and comment after it.
                let end = match style {
                    ScalarStyle::DoubleQuoted | ScalarStyle::SingleQuoted => {
                        quoted_end(text, start).unwrap_or(end)
                    }
                    _ => end,
                };
                Some(Node {
                    kind: Kind::Scalar,
                    start,
                    end,
                    line,
                    col,
                    flow: false,
                })
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                // A flow collection's start event covers its bracket.
                let flow = text
                    .get(start..end)
                    .is_some_and(|s| s.starts_with('[') || s.starts_with('{'));
                stack.push(Building {
                    is_map,
                    flow,
                    start,
                    line,
                    col,
                    items: Vec::new(),
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => Some(finish(stack.pop()?, start)),
            _ => continue,
        };
        if let Some(node) = node {
            match stack.last_mut() {
                Some(parent) => parent.items.push(node),
                None => root = Some(node),
            }
        }
    }
    root
}

/// The node of a collection whose end event starts at `end_at`.
fn finish(b: Building, end_at: usize) -> Node {
    let last_end = b.items.last().map_or(b.start, |n| n.end);
    // A flow collection ends at its bracket (the event's span runs on over a comment after
    // it); a block one at its last entry.
    let end = if b.flow {
        (end_at + 1).max(last_end)
    } else {
        last_end
    };
    let kind = if b.is_map {
        let mut entries = Vec::new();
        let mut items = b.items.into_iter();
        while let (Some(k), Some(v)) = (items.next(), items.next()) {
            entries.push((k, v));
        }
        Kind::Map(entries)
    } else {
        Kind::Seq(b.items)
    };
    // A block collection starts at its first entry (the dash or the key).
    let (start, line, col) = match (&kind, b.flow) {
        (Kind::Map(e), false) if !e.is_empty() => (e[0].0.start, e[0].0.line, e[0].0.col),
        _ => (b.start, b.line, b.col),
    };
    Node {
        kind,
        start,
        end,
        line,
        col,
        flow: b.flow,
    }
}

struct Building {
    is_map: bool,
    flow: bool,
    start: usize,
    line: usize,
    col: usize,
    items: Vec<Node>,
}

/// The byte after the closing quote of the quoted scalar starting at `start`.
fn quoted_end(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let mut chars = rest.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // In single quotes, '' is a quote inside the text.
                if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    return Some(start + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}
