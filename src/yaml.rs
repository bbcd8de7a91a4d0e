//! Every YAML call in rolescope goes through this module.
//!
//! Keeping the YAML library behind one door means the rest of the crate never sees its error
//! type, and a switch of library (serde_yaml was archived; we use its maintained continuation,
//! `yaml_serde`, under the same name) touches one file. It also gives every YAML error the same
//! shape: file, line, column, what was expected, and a did-you-mean where one helps.

use std::cell::Cell;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{InputError, Location};
use crate::suggest::{did_you_mean, worded};

/// Parses `text` (read from `origin`) into `T`.
pub fn parse<T: DeserializeOwned>(origin: &str, text: &str) -> Result<T, InputError> {
    if text.trim().is_empty() {
        return Err(InputError {
            origin: origin.to_owned(),
            location: None,
            message: "the file is empty; expected a YAML mapping".to_owned(),
        });
    }
    if is_only_comments(text) {
        return Err(InputError {
            origin: origin.to_owned(),
            location: None,
            message: "the file has only comments; expected a YAML mapping".to_owned(),
        });
    }
    serde_yaml::from_str(text).map_err(|err| {
        let mut e = convert(origin, &err);
        // The reader stops at a raw control character with "at position N" (a character
        // offset) and a location of 1:1: say where it is, and which character.
        if let Some((at, c)) = first_raw_control(text)
            && e.message.contains("control characters are not allowed")
        {
            e.location = Some(location_of(text, at));
            e.message = format!(
                "{} here; a YAML file may not hold it raw",
                crate::safe_text::describe(c)
            );
        }
        e
    })
}

/// The first control character YAML does not allow raw in a file (all but tab and line
/// breaks), with its byte offset.
fn first_raw_control(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The 1-based line and column (in characters) of byte offset `at`.
fn location_of(text: &str, at: usize) -> Location {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Whether every line is blank, a comment or a document marker: YAML reads that as nothing,
/// which serde would report as a missing field on a line past the end.
fn is_only_comments(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// Writes `value` as YAML text.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, InputError> {
    serde_yaml::to_string(value).map_err(|err| InputError {
        origin: "<output>".to_owned(),
        location: None,
        message: err.to_string(),
    })
}

/// A value as YAML's data model (for comparing plans field by field).
pub fn to_value<T: Serialize>(value: &T) -> Option<serde_yaml::Value> {
    serde_yaml::to_value(value).ok()
}

fn convert(origin: &str, err: &serde_yaml::Error) -> InputError {
    let location = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    // The library writes " at line L column C" into the text; we print the location up front.
    let mut message = plain_types(&strip_positions(&err.to_string()));
    if let Some(hint) = unknown_name_hint(&message) {
        message.push_str(&hint);
    }
    InputError {
        origin: origin.to_owned(),
        location,
        message,
    }
}

/// serde names Rust types ("expected f64", "invalid type: sequence"); a plan's author
/// thinks in numbers, lists and text.
fn plain_types(message: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected u8", "expected a whole number"),
        ("expected u16", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        (
            "expected a sequence",
            "expected a list (lines starting with \"- \")",
        ),
        ("invalid type: sequence", "invalid type: a list"),
        ("invalid type: map", "invalid type: a mapping of keys"),
    ];
    let mut out = message.to_owned();
    for (rust, plain) in WORDS {
        if let Some(i) = out.find(rust) {
            let end = i + rust.len();
            // Whole words only: "expected u32" but not "expected u32x".
            if !out[end..].starts_with(|c: char| c.is_alphanumeric()) {
                out.replace_range(i..end, plain);
            }
        }
    }
    out
}

/// Removes every " at line L column C" from a message.
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(idx) = rest.find(" at line ") {
        out.push_str(&rest[..idx]);
        let tail = &rest[idx + " at line ".len()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let line_len = digits(tail);
        match tail[line_len..].strip_prefix(" column ") {
            Some(col) if line_len > 0 && digits(col) > 0 => rest = &col[digits(col)..],
            _ => {
                out.push_str(" at line ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// serde says "unknown field `capcity`, expected one of `name`, `role`, ..." (and the same for
/// enum variants); turn the list into a did-you-mean when one name is close.
fn unknown_name_hint(message: &str) -> Option<String> {
    let start = message
        .find("unknown field `")
        .map(|i| i + "unknown field `".len())
        .or_else(|| {
            message
                .find("unknown variant `")
                .map(|i| i + "unknown variant `".len())
        })?;
    let rest = &message[start..];
    let end = rest.find('`')?;
    let given = &rest[..end];
    let expected: Vec<&str> = rest[end + 1..].split('`').skip(1).step_by(2).collect();
    did_you_mean(given, expected.iter().copied()).map(|s| worded(Some(s)))
}

/// Finds where a scalar `value` is written in `text`, at or after line `from_line` (1-based).
/// For many look-ups in one text, build a [`Locator`] once instead.
pub fn locate_scalar(text: &str, value: &str, from_line: usize) -> Option<Location> {
    Locator::new(text).find(value, from_line)
}

/// Finds scalars in a text, with the line starts computed once, so a pass over a plan that
/// looks up each person after the previous one stays linear in the file's size.
///
/// Deserialized values carry no positions, so messages about ids (an unknown task in a plan, a
/// clash between catalog files) locate them in the text afterwards; plans and catalogs are
/// line-oriented, which makes this reliable. A search runs over the whole rest of the text
/// with one substring searcher (`memchr::memmem`), and only its hits are checked against their
/// line (a token in value position, not in a comment), so it reads the text at memory speed
/// instead of line by line.
///
/// A value the text does not spell as it was parsed (`"\x41"` for `A`) is never found, and each
/// such search reads to the end of the text; a hostile file with thousands of them would make
/// the searches quadratic. So a locator reads at most [`LOCATE_BUDGET`] times the text's size in
/// all; past that, positions are left out (the messages stay) and every search returns at once.
pub struct Locator<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Bytes the searches may still read.
    budget: Cell<usize>,
}

/// How many times its text's size a [`Locator`] reads at most, over all its searches (plus
/// one mebibyte, so small files never run out).
pub const LOCATE_BUDGET: usize = 16;

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let budget = text
            .len()
            .saturating_mul(LOCATE_BUDGET)
            .saturating_add(1 << 20);
        Locator {
            text,
            starts,
            budget: Cell::new(budget),
        }
    }

    /// Where `value` stands as a whole token in value position (`key: value`, `- value`,
    /// `{id: value}`, `[a, value]`), quoted or not and not as a key, at or after `from_line`.
    pub fn find(&self, value: &str, from_line: usize) -> Option<Location> {
        self.search(value, from_line, true)
    }

    /// Where a value starting with `prefix` stands, as [`Locator::find`] would find the whole
    /// value: for a value whose rest the file may spell differently (a YAML escape).
    pub fn find_start(&self, prefix: &str, from_line: usize) -> Option<Location> {
        self.search(prefix, from_line, false)
    }

    /// The line (0-based) holding byte `at`, and the byte range of its code: the line without
    /// its line break and without a comment (from the first ` #`).
    fn code_of(&self, at: usize) -> (usize, std::ops::Range<usize>) {
        let line = self.starts.partition_point(|&s| s <= at) - 1;
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(self.text.len(), |&next| {
            let before_break = next - 1;
            // `str::lines` takes a `\r` before the `\n` as part of the line break.
            if before_break > start && self.text.as_bytes()[before_break - 1] == b'\r' {
                before_break - 1
            } else {
                before_break
            }
        });
        if let Some(comment) = memchr::memmem::find(&self.text.as_bytes()[start..end], b" #") {
            end = start + comment;
        }
        (line, start..end)
    }

    fn search(&self, value: &str, from_line: usize, whole: bool) -> Option<Location> {
        // A value never spans lines as the text is searched (line by line, as it was written).
        if value.is_empty() || value.contains('\n') {
            return None;
        }
        let first = from_line.max(1) - 1;
        let start = *self.starts.get(first)?;
        // Read no further than the budget allows; what lies past it is never found.
        let budget = self.budget.get();
        let rest = self.text.len() - start;
        let end = start + rest.min(budget);
        let opens = |c: char| matches!(c, ' ' | '\t' | '{' | '[' | ',' | '"' | '\'');
        let closes = |c: char| matches!(c, ' ' | '\t' | '}' | ']' | ',' | '"' | '\'' | '#');
        let hay = &self.text.as_bytes()[start..end];
        for hit in memchr::memmem::find_iter(hay, value.as_bytes()) {
            let at = start + hit;
            let (line, code) = self.code_of(at);
            if at + value.len() > code.end {
                continue;
            }
            let before = self.text[code.start..at].chars().next_back();
            let rest = &self.text[at + value.len()..code.end];
            let after = rest.chars().next();
            let is_key = rest.trim_start_matches(['"', '\'']).starts_with(':');
            if before.is_none_or(opens) && (!whole || after.is_none_or(closes) && !is_key) {
                let read = self.starts.get(line + 1).map_or(self.text.len(), |&s| s) - start;
                self.budget.set(budget.saturating_sub(read));
                let quoted = before.is_some_and(|c| c == '"' || c == '\'');
                let col_start = if quoted { at - 1 } else { at };
                return Some(Location {
                    line: line + 1,
                    column: self.text[code.start..col_start].chars().count() + 1,
                });
            }
        }
        self.budget.set(budget - (end - start));
        None
    }
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
    fn type_errors_speak_of_numbers_and_lists() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct T {
            hours: f64,
            tasks: Vec<String>,
            version: u32,
        }
        let e = parse::<T>("t.yaml", "hours: forty\ntasks: []\nversion: 1\n").unwrap_err();
        assert!(e.message.contains("expected a number"), "{}", e.message);
        let e = parse::<T>("t.yaml", "hours: 1\ntasks: x\nversion: 1\n").unwrap_err();
        assert!(e.message.contains("expected a list"), "{}", e.message);
        let e = parse::<T>("t.yaml", "hours: 1\ntasks: []\nversion: v\n").unwrap_err();
        assert!(
            e.message.contains("expected a whole number"),
            "{}",
            e.message
        );
        let e = parse::<T>("t.yaml", "hours: [1]\ntasks: []\nversion: 1\n").unwrap_err();
        assert!(e.message.contains("invalid type: a list"), "{}", e.message);
    }

    #[test]
    fn errors_carry_file_line_column_and_did_you_mean() {
        let err = parse::<Sample>("plan.yaml", "name: x\ncapcity: 3\n").unwrap_err();
        assert_eq!(err.location, Some(Location { line: 2, column: 1 }));
        assert!(
            err.message.contains("unknown field `capcity`"),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("did you mean `capacity`?"),
            "{}",
            err.message
        );
        assert!(err.to_string().starts_with("plan.yaml:2:1: "), "{err}");
        assert!(!err.to_string().contains(" at line "), "{err}");
    }

    #[test]
    fn positions_are_taken_out_of_messages() {
        assert_eq!(
            strip_positions(
                "did not find ']' at line 6 column 7, while parsing at line 5 column 10"
            ),
            "did not find ']', while parsing"
        );
        assert_eq!(strip_positions("at line one"), "at line one");
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
        let err = parse::<Sample>("c.yaml", "# a\n---\n  # b\n").unwrap_err();
        assert!(err.message.contains("only comments"), "{err}");
    }

    #[test]
    fn locate_skips_comments_longer_tokens_and_keys_and_reads_crlf_lines() {
        let text = "a: x # tx\r\nb: [tx-2, tx]\r\ntx: 1\r\nc: 'tx'\r\n";
        assert_eq!(
            locate_scalar(text, "tx", 1),
            Some(Location {
                line: 2,
                column: 11
            }),
            "not in the comment, not inside `tx-2`"
        );
        assert_eq!(
            locate_scalar(text, "tx", 3),
            Some(Location { line: 4, column: 4 }),
            "not the key; a quoted value is located at its quote"
        );
        assert_eq!(
            locate_scalar("a: x\r\n", "x", 1),
            Some(Location { line: 1, column: 4 })
        );
        assert_eq!(locate_scalar("a: b\nc", "b\nc", 1), None);
        assert_eq!(
            Locator::new("a: Zoë x\n").find_start("x", 1),
            Some(Location { line: 1, column: 8 }),
            "columns count characters"
        );
    }

    #[test]
    fn a_locator_stops_reading_when_its_budget_is_spent() {
        let text = format!("{}k: found\n", "k: v\n".repeat(1 << 16));
        let locator = Locator::new(&text);
        assert!(locator.find("found", 1).is_some());
        for _ in 0..LOCATE_BUDGET + 8 {
            assert_eq!(locator.find("missing", 1), None);
        }
        assert_eq!(locator.find("found", 1), None, "the budget is spent");
    }

    #[test]
    fn locate_finds_list_items_and_values() {
        let text = "people:\n  - name: Ana\n    tasks:\n      - sm-post\n      - id: \"cm-x\"\n";
        assert_eq!(
            locate_scalar(text, "sm-post", 1),
            Some(Location { line: 4, column: 9 })
        );
        assert_eq!(
            locate_scalar(text, "cm-x", 1),
            Some(Location {
                line: 5,
                column: 13
            })
        );
        assert_eq!(
            locate_scalar(text, "Ana", 1),
            Some(Location {
                line: 2,
                column: 11
            })
        );
        assert_eq!(locate_scalar(text, "sm-post", 5), None);
        assert_eq!(
            locate_scalar("- {id: t, name: t2}\n", "t2", 1),
            Some(Location {
                line: 1,
                column: 17
            })
        );
        assert_eq!(
            locate_scalar("tasks: [a, ab]\n", "ab", 1),
            Some(Location {
                line: 1,
                column: 12
            })
        );
        assert_eq!(
            locate_scalar("ab: 1\nx: ab\n", "ab", 1),
            Some(Location { line: 2, column: 4 }),
            "keys are skipped"
        );
    }
}
