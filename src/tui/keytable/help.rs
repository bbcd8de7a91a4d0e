//! What the help popup, the footer and docs/view.md show of a key table, and the names
//! `config.yaml` gives its commands.

use super::{BINDINGS, Binding, Context, Footer};
use crate::tui::action::Action;
use crate::tui::keyspec::KeySpec;

/// The bindings of one context grouped by action (keys in table order), e.g. `up/k`, each
/// with the footer placement of its first binding.
pub(crate) fn groups(
    bindings: &[Binding],
    context: Context,
    footer_only: bool,
) -> Vec<(Vec<KeySpec>, &'static str, Footer)> {
    let mut out: Vec<(Vec<KeySpec>, &Action, &'static str, Footer)> = Vec::new();
    for b in bindings
        .iter()
        .filter(|b| b.context == context && (b.footer != Footer::Hidden || !footer_only))
    {
        match out
            .iter_mut()
            .find(|(_, action, _, _)| **action == b.action)
        {
            Some((keys, ..)) => keys.push(b.key),
            None => out.push((vec![b.key], &b.action, b.help, b.footer)),
        }
    }
    out.into_iter()
        .map(|(keys, _, help, footer)| (keys, help, footer))
        .collect()
}

pub(crate) fn joined(keys: &[KeySpec], sep: &str) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// The keys bound to `action` in `context`, as help shows them (`up/k`), if any: for text
/// that names a key, so it stays true under a remapped table.
pub fn keys_for(bindings: &[Binding], context: Context, action: &Action) -> Option<String> {
    let keys: Vec<KeySpec> = bindings
        .iter()
        .filter(|b| b.context == context && b.action == *action)
        .map(|b| b.key)
        .collect();
    (!keys.is_empty()).then(|| joined(&keys, "/"))
}

/// Every binding for the help popup, by context, with same-action keys on one row.
pub fn help_rows(bindings: &[Binding]) -> Vec<(Context, String, &'static str)> {
    let mut rows = Vec::new();
    for ctx in Context::ALL {
        for (keys, help, _) in groups(bindings, ctx, false) {
            rows.push((ctx, joined(&keys, "/"), help));
        }
        if let Some(help) = ctx.typing_help() {
            rows.push((ctx, "(type)".to_owned(), help));
        }
    }
    rows
}

/// The key list for docs/view.md, one section per context (`tests/doc_keys.rs` holds the
/// page to it).
pub fn markdown_key_list() -> String {
    let mut lines = Vec::new();
    for ctx in Context::ALL {
        lines.push(format!("**{}**\n", ctx.title()));
        for (keys, help, _) in groups(BINDINGS, ctx, false) {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            lines.push(format!(
                "- {}: {help} (`{}.{}`)",
                keys.join(" / "),
                ctx.name(),
                command_name(help)
            ));
        }
        if let Some(help) = ctx.typing_help() {
            lines.push(format!("- any character: {help}"));
        }
        lines.push(String::new());
    }
    lines.join("\n")
}

/// The config name of a command: its help text in kebab case (`add person` → `add-person`).
pub fn command_name(help: &str) -> String {
    let mut out = String::new();
    for c in help.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `context.command` for every default binding, in table order: the names `config.yaml` uses.
pub fn command_names() -> Vec<String> {
    BINDINGS
        .iter()
        .map(|b| format!("{}.{}", b.context.name(), command_name(b.help)))
        .collect()
}
