//! Values written as YAML text for the place they go: a scalar on its line, a flow collection,
//! or a block at a given indentation. Block text comes from `yaml_serde`, the same writer as a
//! whole plan, so new entries look like the ones a canonical save writes.

use serde_yaml::Value;

/// A scalar (or an empty collection) on one line: `cm-x`, `8`, `'40'`, `[]`. Text with a line
/// break is written double-quoted (JSON's string syntax is YAML's), as it must stay on the line.
pub fn inline(value: &Value) -> String {
    match value {
        Value::Sequence(_) | Value::Mapping(_) => flow(value),
        _ => {
            let text = crate::yaml::to_string(value).unwrap_or_default();
            let text = text.trim_end_matches('\n');
            if text.contains('\n') {
                serde_json::to_string(value).unwrap_or_else(|_| text.replace('\n', " "))
            } else {
                text.to_owned()
            }
        }
    }
}

/// A collection in flow style, for a place that was written so: `[a, b]`, `{id: x, hours: 8}`.
pub fn flow(value: &Value) -> String {
    match value {
        Value::Sequence(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Mapping(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", inline(k), flow(v)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
        scalar => inline(scalar),
    }
}

/// `value` as block YAML whose first line goes where the cursor is and whose other lines start
/// at column `indent`; no final line break.
pub fn block(value: &Value, indent: usize) -> String {
    let text = crate::yaml::to_string(value).unwrap_or_default();
    let pad = " ".repeat(indent);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line);
    }
    out
}
