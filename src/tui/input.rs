//! A one-line text field for prompts and the catalog filter.
//!
//! The cursor is kept as a char index so editing never splits a UTF-8 sequence, and is reported
//! as a display column so the terminal cursor lands after wide characters (CJK, emoji), which
//! a char-index cursor would put in the middle of them.

use unicode_width::UnicodeWidthStr;

/// The text being typed and where the cursor is in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Position in chars, `0..=text.chars().count()`.
    cursor: usize,
}

impl TextInput {
    /// A field holding `text` with the cursor at its end, so a prefilled value (a name to
    /// rename, the current hours) can be edited or backspaced at once.
    pub fn with_text(text: impl Into<String>) -> TextInput {
        let text = text.into();
        let cursor = text.chars().count();
        TextInput { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor position in chars.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The cursor's column, in terminal cells, from the start of the text.
    pub fn display_cursor(&self) -> usize {
        self.text[..self.byte_at(self.cursor)].width()
    }

    /// Inserts one character; control characters and bidirectional overrides are dropped
    /// because a one-line field cannot show them and a plan refuses them in names.
    pub fn insert(&mut self, c: char) {
        if crate::safe_text::is_unsafe(c) {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts pasted text; line breaks and tabs become spaces, since the field is one line.
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(if c.is_whitespace() { ' ' } else { c });
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Applies `edit` and says whether the text changed, so a filter is applied again (and its
    /// highlight moved) only when its words did, not on a Backspace in an empty field.
    pub fn edited(&mut self, edit: impl FnOnce(&mut TextInput)) -> bool {
        let before = self.text.clone();
        edit(self);
        self.text != before
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_move_the_display_cursor_by_two() {
        let mut input = TextInput::with_text("山田");
        assert_eq!(input.cursor(), 2);
        assert_eq!(input.display_cursor(), 4);
        input.left();
        assert_eq!(input.display_cursor(), 2);
        input.insert('x');
        assert_eq!(input.text(), "山x田");
        assert_eq!(input.display_cursor(), 3);
    }

    #[test]
    fn emoji_are_one_char_and_two_columns() {
        let mut input = TextInput::default();
        input.insert_str("a🎉b");
        assert_eq!(input.cursor(), 3);
        assert_eq!(input.display_cursor(), 4);
        input.left();
        input.backspace();
        assert_eq!(input.text(), "ab");
        assert_eq!(input.display_cursor(), 1);
    }

    #[test]
    fn editing_at_both_ends_stays_in_bounds() {
        let mut input = TextInput::with_text("ab");
        input.right();
        input.delete();
        assert_eq!(input.text(), "ab");
        input.home();
        input.backspace();
        input.left();
        assert_eq!((input.text(), input.cursor()), ("ab", 0));
        input.delete();
        input.end();
        assert_eq!((input.text(), input.cursor()), ("b", 1));
        input.clear();
        assert!(input.is_empty());
    }

    #[test]
    fn pasted_line_breaks_become_spaces_and_controls_are_dropped() {
        let mut input = TextInput::default();
        input.insert_str("a\nb\tc");
        input.insert('\u{7}');
        assert_eq!(input.text(), "a b c");
    }
}
