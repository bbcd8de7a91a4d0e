//! The key table's own checks: no clashes in the defaults, the clash finder itself, and help
//! and the README listing every binding.

use super::*;
use crate::tui::action::Action as A;
use Context as C;

#[test]
fn no_key_is_bound_twice_where_both_bindings_apply() {
    assert_eq!(duplicates(BINDINGS), []);
}

#[test]
fn duplicates_are_found_within_a_context_and_against_global() {
    let table = [
        quiet(ch('q'), C::Global, A::Quit, "quit"),
        quiet(ch('q'), C::People, A::RenamePerson, "rename"),
        quiet(ch('q'), C::Help, A::Cancel, "close"),
        quiet(ch('x'), C::Findings, A::AcceptFinding, "accept"),
        quiet(ch('x'), C::Findings, A::Help, "help"),
    ];
    assert_eq!(
        duplicates(&table),
        [
            (ch('q'), C::Global, C::People),
            (ch('x'), C::Findings, C::Findings)
        ]
    );
}

#[test]
fn help_and_markdown_list_every_binding() {
    let rows = help_rows(BINDINGS);
    assert!(rows.contains(&(Context::Global, "up/k".to_owned(), "move up")));
    assert!(rows.contains(&(Context::Export, "(type)".to_owned(), "type the path")));
    let md = markdown_key_list();
    assert!(
        md.starts_with("**Everywhere**\n\n- `tab`: next pane (`global.next-pane`)\n"),
        "{md}"
    );
    for b in BINDINGS {
        assert!(md.contains(&format!("`{}`", b.key)), "{} missing", b.key);
        assert!(!b.help.is_empty());
    }
}
