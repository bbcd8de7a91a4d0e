//! The question asked on the normal screen, before the view starts, when instances that did
//! not quit normally left copies of unsaved work on the plan being opened: each copy with its
//! age and what it holds, newest first, and the user picks one, or none.

use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::SystemTime;

use super::recovery::Leftover;

/// What the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Restore the copy at this index (the others are kept).
    Restore(usize),
    /// Delete every copy offered.
    DiscardAll,
    /// Decide later: every copy is offered again next time.
    Keep,
}

/// Lists `copies` (newest first) and reads the choice from `input`. An answer that is not one
/// of the choices asks again; the end of input keeps everything.
pub fn choose(
    copies: &[Leftover],
    plan: Option<&Path>,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> Choice {
    let what = plan.map_or_else(|| "a new plan".to_owned(), |p| p.display().to_string());
    let saved = plan.and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    let now = SystemTime::now();
    let who = if copies.len() == 1 {
        "a rolescope"
    } else {
        "rolescopes"
    };
    let mut text = format!("Unsaved changes to {what}, from {who} that did not quit normally:\n");
    for (i, copy) in copies.iter().enumerate() {
        let _ = writeln!(text, "  {}. {}", i + 1, describe(copy, saved, now));
    }
    let question = if copies.len() == 1 {
        "Restore them? [y = restore, d = delete, Enter = keep for next time] ".to_owned()
    } else {
        format!(
            "Restore which? [1-{} (y = 1), d = delete them all, Enter = keep them for next time] ",
            copies.len()
        )
    };
    let _ = write!(output, "{text}{question}");
    loop {
        let _ = output.flush();
        let mut answer = String::new();
        if !matches!(input.read_line(&mut answer), Ok(n) if n > 0) {
            let _ = writeln!(output);
            return Choice::Keep;
        }
        match parse(answer.trim(), copies.len()) {
            Some(choice) => return choice,
            None => {
                let _ = write!(output, "{question}");
            }
        }
    }
}

fn parse(answer: &str, count: usize) -> Option<Choice> {
    match answer {
        // "n" as in the old [y/N]: not now, which keeps the copy rather than delete it.
        "" | "n" | "N" | "no" => Some(Choice::Keep),
        "y" | "Y" | "yes" => Some(Choice::Restore(0)),
        "d" | "D" => Some(Choice::DiscardAll),
        n => n
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map(|n| Choice::Restore(n - 1)),
    }
}

/// Two lines per copy: when it was written and the plan's name; what it holds, and whether the
/// plan file was saved after it (then restoring replaces what was saved since).
fn describe(copy: &Leftover, saved: Option<SystemTime>, now: SystemTime) -> String {
    let plan = &copy.plan;
    let assignments: usize = plan.people.iter().map(|p| p.tasks.len()).sum();
    // Debug quoting shows control characters in a name as escapes, never raw.
    let mut line = format!(
        "{}: {:?}\n     {} {}, {} {}",
        ago(copy.written, now),
        plan.name,
        plan.people.len(),
        plural(plan.people.len(), "person", "people"),
        assignments,
        plural(assignments, "task assigned", "tasks assigned"),
    );
    if saved.is_some_and(|s| s > copy.written) {
        line.push_str("; the plan file was saved after this copy");
    }
    line
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "just now", "5 minutes ago", "3 days ago".
pub fn ago(then: SystemTime, now: SystemTime) -> String {
    let secs = now.duration_since(then).map_or(0, |d| d.as_secs());
    let (n, unit) = match secs {
        0..60 => return "just now".to_owned(),
        60..3600 => (secs / 60, "minute"),
        3600..86_400 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn answers() {
        assert_eq!(parse("", 2), Some(Choice::Keep));
        assert_eq!(parse("y", 2), Some(Choice::Restore(0)));
        assert_eq!(parse("2", 2), Some(Choice::Restore(1)));
        assert_eq!(parse("d", 2), Some(Choice::DiscardAll));
        assert_eq!(parse("3", 2), None);
        assert_eq!(parse("0", 2), None);
        assert_eq!(parse("n", 2), Some(Choice::Keep));
        assert_eq!(parse("x", 2), None);
    }

    #[test]
    fn ages_read_naturally() {
        let now = SystemTime::now();
        let at = |secs| now - Duration::from_secs(secs);
        assert_eq!(ago(at(5), now), "just now");
        assert_eq!(ago(at(60), now), "1 minute ago");
        assert_eq!(ago(at(7200), now), "2 hours ago");
        assert_eq!(ago(at(3 * 86_400 + 5), now), "3 days ago");
        assert_eq!(ago(now + Duration::from_secs(9), now), "just now");
    }
}
