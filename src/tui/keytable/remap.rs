//! The user's key overrides applied to the default table, refused when a name is unknown or
//! two bindings would clash.

use super::{BINDINGS, Binding, Footer, INTERRUPT, command_name, command_names, duplicates};
use crate::tui::keyspec::KeySpec;

/// The default table with the user's overrides: each `context.command` name gets exactly the
/// keys given (replacing its defaults). Unknown names and keys that would clash are errors,
/// since a silently ignored or shadowed binding is worse than none.
pub fn remap(overrides: &[(String, Vec<KeySpec>)]) -> Result<Vec<Binding>, RemapError> {
    let mut table: Vec<Binding> = BINDINGS.to_vec();
    let names = command_names();
    for (name, keys) in overrides {
        let fail = |message: String| RemapError {
            command: name.clone(),
            message,
        };
        let Some(first) = names.iter().position(|n| n == name) else {
            let hint = crate::suggest::hint(name, names.iter().map(String::as_str));
            return Err(fail(format!(
                "unknown key command `{name}`{hint}; `?` in rolescope and docs/view.md list them"
            )));
        };
        if keys.contains(&INTERRUPT) {
            return Err(fail(format!(
                "`{INTERRUPT}` always quits (asking about unsaved changes), so it cannot be bound to anything"
            )));
        }
        let template = BINDINGS[first].clone();
        table.retain(|b| {
            b.context != template.context || command_name(b.help) != command_name(template.help)
        });
        for (i, key) in keys.iter().enumerate() {
            table.push(Binding {
                key: *key,
                footer: if i == 0 {
                    template.footer
                } else {
                    Footer::Hidden
                },
                ..template.clone()
            });
        }
    }
    if let Some((key, a, b)) = duplicates(&table).first() {
        // Every command the key would reach in the two contexts, each named once.
        let mut commands: Vec<String> = Vec::new();
        for x in table
            .iter()
            .filter(|x| x.key == *key && (x.context == *a || x.context == *b))
        {
            let name = format!("{}.{}", x.context.name(), command_name(x.help));
            if !commands.contains(&name) {
                commands.push(name);
            }
        }
        // The clash comes from the config (the defaults have none): blame a command it set.
        let command = commands
            .iter()
            .find(|c| overrides.iter().any(|(n, _)| n == *c))
            .or_else(|| overrides.first().map(|(n, _)| n))
            .cloned()
            .unwrap_or_default();
        let listed = match commands.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => commands.join(""),
        };
        return Err(RemapError {
            command,
            message: format!(
                "key `{key}` would be bound to both {listed}; give one of them another key"
            ),
        });
    }
    Ok(table)
}

/// Why a remapped key table was refused, and the `context.command` of the config it is
/// about, so the message can name the config file's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemapError {
    pub command: String,
    pub message: String,
}
