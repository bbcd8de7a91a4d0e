//! The title of a pane that a filter narrows (the catalog, the People pane): how many rows
//! show (of how many), then the filter's words, with the cursor while they are typed, or the
//! key that starts a filter. It is cut to the pane's width by the words' start, so the end
//! being typed stays in sight.

use unicode_width::UnicodeWidthStr;

use crate::tui::input::TextInput;
use crate::tui::text::{fit, fit_tail};

/// Where the cursor is drawn in the words being typed.
const CURSOR: &str = "▏";

/// Columns of typed words the title keeps in sight before it shortens its head.
const MIN_WORDS: usize = 8;

/// A filtered list's title, fitted to `width` columns (the pane's, border included).
pub(super) fn title(
    label: &str,
    shown: usize,
    total: usize,
    words: &TextInput,
    typing: bool,
    start_key: Option<String>,
    width: u16,
) -> String {
    let room = usize::from(width).saturating_sub(2);
    let filtered = !words.text().trim().is_empty();
    let count = if filtered {
        format!("{shown} of {total}")
    } else {
        total.to_string()
    };
    let head = format!(" {label} ({count}) ");
    if !typing && words.is_empty() {
        return match start_key {
            // Nothing to filter yet: no hint.
            Some(key) if total > 0 && head.width() + key.width() + 13 <= room => {
                format!("{head}· {key} to filter ")
            }
            _ => head,
        };
    }
    // The words need room to be read: where the pane is too narrow for the full head, a
    // short one (" People (13/300) /") leaves them more.
    let full = format!("{head}· filter: ");
    let wanted = words.text().width().min(MIN_WORDS) + CURSOR.width();
    // `<`: the space after the words needs a column too.
    let head = if full.width() + wanted < room {
        full
    } else {
        format!(" {label} ({}) /", count.replace(" of ", "/"))
    };
    // One column for the space after the words.
    let space = room.saturating_sub(head.width() + 1);
    let shown_words = if typing {
        let (before, after) = words.text().split_at(byte_at(words.text(), words.cursor()));
        let after = fit(after, space.saturating_sub(CURSOR.width()) / 2);
        let before = fit_tail(before, space.saturating_sub(CURSOR.width() + after.width()));
        format!("{before}{CURSOR}{after}")
    } else {
        fit_tail(words.text(), space)
    };
    format!("{head}{shown_words} ")
}

/// The byte offset of char `chars` in `text` (its end, past the last).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, cursor_left: usize) -> TextInput {
        let mut input = TextInput::with_text(text);
        for _ in 0..cursor_left {
            input.left();
        }
        input
    }

    #[test]
    fn the_title_counts_names_the_words_and_shows_the_cursor_while_typing() {
        let none = TextInput::default();
        let key = || Some("/".to_owned());
        assert_eq!(
            title("People", 4, 4, &none, false, key(), 40),
            " People (4) · / to filter "
        );
        assert_eq!(
            title("People", 4, 4, &none, false, None, 40),
            " People (4) "
        );
        assert_eq!(
            title("People", 4, 4, &none, false, key(), 20),
            " People (4) "
        );
        assert_eq!(
            title("People", 0, 0, &none, false, key(), 40),
            " People (0) "
        );
        let zoe = words("zoe", 0);
        assert_eq!(
            title("People", 1, 300, &zoe, true, key(), 60),
            " People (1 of 300) · filter: zoe▏ "
        );
        assert_eq!(
            title("People", 1, 300, &zoe, false, key(), 60),
            " People (1 of 300) · filter: zoe "
        );
        assert_eq!(
            title("People", 1, 300, &words("zoe 12", 3), true, key(), 60),
            " People (1 of 300) · filter: zoe▏ 12 "
        );
    }

    #[test]
    fn long_words_lose_their_start_and_the_title_fits() {
        let long = words("introduce members to each other who share", 0);
        let t = title("Catalog", 1, 96, &long, true, None, 48);
        assert!(t.width() <= 46, "{t}");
        assert!(t.ends_with("share▏ "), "{t}");
        assert!(t.contains("filter: …"), "{t}");
        // A narrow pane shortens the head to keep the words in sight.
        assert_eq!(
            title("People", 13, 300, &words("zoe 7", 0), true, None, 28),
            " People (13/300) /zoe 7▏ "
        );
        // Down to no width at all without failing; fitted once the head and a word fit.
        for width in 0..60 {
            let t = title("Catalog", 1, 96, &long, true, None, width);
            if width >= 34 {
                assert!(t.width() <= usize::from(width) - 2, "{width}: {t}");
            }
        }
    }
}
