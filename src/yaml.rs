//! Every YAML call in rolescope goes through this module.
//!
//! Keeping the YAML library behind one door means the rest of the crate never sees its error
//! type, and a switch of library (serde_yaml was archived; we use its maintained continuation,
//! `yaml_serde`, under the same name) touches one file. It also gives every YAML error the same
//! shape: file, line, column, what was expected, and a did-you-mean where one helps.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{InputError, Location};
use crate::suggest::did_you_mean;

/// Parses `text` (read from `origin`) into `T`.
pub fn parse<T: DeserializeOwned>(origin: &str, text: &str) -> Result<T, InputError> {
    if text.trim().is_empty() {
        return Err(InputError {
            origin: origin.to_owned(),
            location: None,
            message: "the file is empty; expected a YAML mapping".to_owned(),
        });
    }
    serde_yaml::from_str(text).map_err(|err| convert(origin, &err))
}

/// Writes `value` as YAML text.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, InputError> {
    serde_yaml::to_string(value).map_err(|err| InputError {
        origin: "<output>".to_owned(),
        location: None,
        message: err.to_string(),
    })
}

fn convert(origin: &str, err: &serde_yaml::Error) -> InputError {
    let location = err.location().map(|l| Location { line: l.line(), column: l.column() });
    let mut message = err.to_string();
    // The library appends " at line L column C"; we print the location up front instead.
    if let Some(idx) = message.rfind(" at line ") {
        if message[idx..].contains(" column ") {
            message.truncate(idx);
        }
    }
    if let Some(hint) = unknown_name_hint(&message) {
        message.push_str(&hint);
    }
    InputError { origin: origin.to_owned(), location, message }
}

/// serde says "unknown field `capcity`, expected one of `name`, `role`, ..." (and the same for
/// enum variants); turn the list into a did-you-mean when one name is close.
fn unknown_name_hint(message: &str) -> Option<String> {
    let start = message.find("unknown field `").map(|i| i + "unknown field `".len()).or_else(|| {
        message.find("unknown variant `").map(|i| i + "unknown variant `".len())
    })?;
    let rest = &message[start..];
    let end = rest.find('`')?;
    let given = &rest[..end];
    let expected: Vec<&str> = rest[end + 1..].split('`').skip(1).step_by(2).collect();
    did_you_mean(given, expected.iter().copied()).map(|s| format!(" (did you mean `{s}`?)"))
}

/// Finds where a scalar `value` is written in `text`, at or after line `from_line` (1-based):
/// as a mapping value (`key: value`) or a list item (`- value`), quoted or not.
///
/// Deserialized values carry no positions, so findings about ids (an unknown task in a plan)
/// locate them in the text afterwards; plans are line-oriented, which makes this reliable.
pub fn locate_scalar(text: &str, value: &str, from_line: usize) -> Option<Location> {
    for (idx, line) in text.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let candidates = [trimmed.strip_prefix("- "), trimmed.split_once(": ").map(|(_, v)| v)];
        for candidate in candidates.into_iter().flatten() {
            let candidate = candidate.trim_start_matches("- ").trim_start_matches("id: ");
            let bare = candidate.split(" #").next().unwrap_or(candidate).trim();
            let unquoted = bare.trim_matches(|c| c == '"' || c == '\'');
            if unquoted == value {
                let offset = line.find(bare).unwrap_or(indent);
                let column = line[..offset].chars().count() + 1;
                return Some(Location { line: idx + 1, column });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        capacity: f64,
    }

    #[test]
    fn errors_carry_file_line_column_and_did_you_mean() {
        let err = parse::<Sample>("plan.yaml", "name: x\ncapcity: 3\n").unwrap_err();
        assert_eq!(err.location, Some(Location { line: 2, column: 1 }));
        assert!(err.message.contains("unknown field `capcity`"), "{}", err.message);
        assert!(err.message.contains("did you mean `capacity`?"), "{}", err.message);
        assert!(err.to_string().starts_with("plan.yaml:2:1: "), "{err}");
        assert!(!err.to_string().contains(" at line "), "{err}");
    }

    #[test]
    fn wrong_types_name_the_path() {
        let err = parse::<Sample>("p.yaml", "name: x\ncapacity: forty\n").unwrap_err();
        assert_eq!(err.location.map(|l| l.line), Some(2));
        assert!(err.message.contains("capacity"), "{}", err.message);
    }

    #[test]
    fn empty_text_is_a_clear_error() {
        let err = parse::<Sample>("e.yaml", "  \n").unwrap_err();
        assert!(err.message.contains("empty"));
    }

    #[test]
    fn locate_finds_list_items_and_values() {
        let text = "people:\n  - name: Ana\n    tasks:\n      - sm-post\n      - id: \"cm-x\"\n";
        assert_eq!(locate_scalar(text, "sm-post", 1), Some(Location { line: 4, column: 9 }));
        assert_eq!(locate_scalar(text, "cm-x", 1), Some(Location { line: 5, column: 13 }));
        assert_eq!(locate_scalar(text, "Ana", 1), Some(Location { line: 2, column: 13 }));
        assert_eq!(locate_scalar(text, "sm-post", 5), None);
    }
}
