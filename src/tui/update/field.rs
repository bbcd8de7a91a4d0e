//! Text field edits: one mapping from actions to edits of a [`TextInput`], used by every field
//! (prompts, the import's and the export's paths, the filters, the pickers' words), so each
//! takes the same keys, Ctrl-U included.

use crate::tui::action::Action;
use crate::tui::input::TextInput;

/// Applies `action` to `input` if it is an edit of a text field (a character, a paste,
/// Backspace, Delete, the cursor keys, clearing); `false` for any other action.
pub(super) fn edit_text(input: &mut TextInput, action: &Action) -> bool {
    match action {
        Action::Input(c) | Action::FilterInput(c) => input.insert(*c),
        Action::Paste(text) => input.insert_str(text),
        Action::InputBackspace | Action::FilterBackspace => input.backspace(),
        Action::InputDelete => input.delete(),
        Action::InputLeft => input.left(),
        Action::InputRight => input.right(),
        Action::InputHome => input.home(),
        Action::InputEnd => input.end(),
        Action::InputClear => input.clear(),
        _ => return false,
    }
    true
}

/// Whether `action` edits a text field (see [`edit_text`]).
pub(super) fn is_text_edit(action: &Action) -> bool {
    edit_text(&mut TextInput::default(), action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_key_edits_and_ctrl_u_clears() {
        let mut input = TextInput::default();
        for action in [
            Action::Input('a'),
            Action::FilterInput('c'),
            Action::InputLeft,
            Action::Paste("b".into()),
            Action::InputEnd,
            Action::FilterBackspace,
        ] {
            assert!(edit_text(&mut input, &action), "{action:?}");
        }
        assert_eq!((input.text(), input.cursor()), ("ab", 2));
        assert!(edit_text(&mut input, &Action::InputClear));
        assert!(input.is_empty());
        assert!(!edit_text(&mut input, &Action::Submit));
        assert!(!is_text_edit(&Action::Up) && is_text_edit(&Action::InputClear));
    }
}
