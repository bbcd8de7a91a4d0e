//! The key table's own checks: no clashes in the defaults, the clash finder itself, and help
//! and docs/view.md listing every binding.

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

#[test]
fn the_people_filter_is_remapped_apart_from_the_catalogs() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let people = [C::People, C::Global];
    let catalog = [C::Catalog, C::Global];
    // By default `/` filters the pane's own list: people in the People pane, tasks in the
    // catalog (and from the tasks and findings panes).
    assert_eq!(
        action_in(BINDINGS, &people, press('/')),
        Some(A::PeopleFilterStart)
    );
    assert_eq!(
        action_in(BINDINGS, &catalog, press('/')),
        Some(A::FilterStart)
    );
    assert_eq!(
        action_in(BINDINGS, &[C::Tasks, C::Global], press('/')),
        Some(A::FilterStart)
    );
    let table = remap(&[("people.filter".into(), vec![ch('p')])]).unwrap();
    assert_eq!(
        action_in(&table, &people, press('p')),
        Some(A::PeopleFilterStart)
    );
    assert_eq!(action_in(&table, &people, press('/')), None);
    assert_eq!(
        action_in(&table, &catalog, press('/')),
        Some(A::FilterStart)
    );
    // A key the pane already uses is refused, naming both commands.
    let clash = remap(&[("people.filter".into(), vec![ch('r')])]).unwrap_err();
    assert!(clash.message.contains("people.rename"), "{}", clash.message);
}
