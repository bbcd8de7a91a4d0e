//! `update` with the people filter (`/` in the People pane): it narrows the pane by part of a
//! name, best match first, and every action reaches the highlighted person, whose plan index
//! the selection keeps; Esc brings everyone back with that person still highlighted. And
//! Ctrl-U, which empties any text field.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{catalog, key, press, team_review, typed};
use super::*;
use crate::plan::Plan;
use crate::tui::keymap::action_for;
use crate::tui::state::{Filtered, Focus};

/// The team-review example's four people repeated `times` times, numbered ("Zoë Lindqvist
/// 73"), as a large plan of similar names reads.
fn numbered_team(times: usize) -> App {
    let base = team_review().plan;
    let mut plan = Plan::new("At scale");
    for n in 1..=times {
        for person in &base.people {
            let mut person = person.clone();
            person.name = format!("{} {n}", person.name);
            plan.people.push(person);
        }
    }
    App::new(catalog(), plan, None)
}

fn ctrl(app: &mut App, c: char) -> Option<Effect> {
    let action = action_for(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))?;
    Some(update(app, action))
}

fn selected_name(app: &App) -> Option<&str> {
    app.selected_person().map(|p| p.name.as_str())
}

#[test]
fn slash_in_the_people_pane_filters_people_and_the_best_match_is_highlighted() {
    let mut app = numbered_team(75);
    assert_eq!(app.visible_people().len(), 300);
    key(&mut app, '/');
    assert_eq!(app.typing, Some(Filtered::People));
    assert_eq!(app.focus, Focus::People);
    typed(&mut app, "lindqvist 73");
    assert_eq!(app.visible_people().len(), 1);
    assert_eq!(selected_name(&app), Some("Zoë Lindqvist 73"));
    // Any case, and without the accent; a number alone finds every name holding it, the
    // names that hold it as a word of their own first.
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "7");
    let names: Vec<&str> = app
        .visible_people()
        .iter()
        .map(|&i| app.plan.people[i].name.as_str())
        .collect();
    assert!(names.len() > 1, "{names:?}");
    assert_eq!(names[0], "Zoë Lindqvist 7", "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("Zoë")), "{names:?}");
    // The catalog's filter is untouched, and keeps its own key in the catalog pane.
    assert!(app.filter.is_empty());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.typing, None);
    key(&mut app, '3');
    key(&mut app, '/');
    assert_eq!(app.typing, Some(Filtered::Catalog));
}

#[test]
fn every_action_reaches_the_highlighted_person_and_undo_the_same_one() {
    let mut app = numbered_team(75);
    key(&mut app, '/');
    typed(&mut app, "zoe 7");
    press(&mut app, KeyCode::Enter);
    // "Zoë Lindqvist 7" first, then 70 to 75 (a word starting with 7), then 17, 27, ...
    assert_eq!(app.visible_people().len(), 13);
    key(&mut app, 'j');
    let target = app.selected_person_index().unwrap();
    assert_eq!(app.plan.people[target].name, "Zoë Lindqvist 70");
    assert_eq!(app.selected_row(Focus::People), 1);

    // Capacity, through its prompt: Ctrl-U empties the prefilled value first.
    key(&mut app, 'c');
    assert_eq!(
        app.top_overlay(),
        Some(&Overlay::Prompt {
            kind: PromptKind::Capacity(target),
            input: crate::tui::input::TextInput::with_text("32"),
        })
    );
    ctrl(&mut app, 'u');
    typed(&mut app, "21.5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people[target].capacity, 21.5);
    let untouched = |app: &App| {
        app.plan
            .people
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != target)
            .all(|(_, p)| p.capacity != 21.5)
    };
    assert!(untouched(&app));

    // Delete: the question names the highlighted person, and the yes deletes them.
    key(&mut app, 'd');
    assert_eq!(
        app.top_overlay(),
        Some(&Overlay::Confirm(Confirm::DeletePerson(target)))
    );
    key(&mut app, 'y');
    assert!(app.plan.person("Zoë Lindqvist 70").is_none());
    assert_eq!(app.plan.people.len(), 299);
    // The filter still applies to the plan as it is now, the same row highlighted.
    assert_eq!(app.visible_people().len(), 12);
    assert_eq!(selected_name(&app), Some("Zoë Lindqvist 71"));

    // Undo brings the same person back, with the capacity they were given.
    key(&mut app, 'u');
    assert_eq!(app.plan.people.len(), 300);
    assert_eq!(app.plan.people[target].name, "Zoë Lindqvist 70");
    assert_eq!(app.plan.people[target].capacity, 21.5);
    assert_eq!(app.visible_people().len(), 13);
    key(&mut app, 'u');
    assert_eq!(app.plan.people[target].capacity, 32.0);
}

#[test]
fn esc_brings_everyone_back_with_the_found_person_still_highlighted() {
    let mut app = numbered_team(75);
    key(&mut app, '/');
    typed(&mut app, "yamada 42");
    let found = app.selected_person_index().unwrap();
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.typing, None);
    assert!(app.people_filter.is_empty());
    assert_eq!(app.visible_people().len(), 300);
    assert_eq!(app.selected_person_index(), Some(found));
    assert_eq!(app.selected_row(Focus::People), found);

    // Kept with Enter, then cleared with Esc from the pane.
    key(&mut app, '/');
    typed(&mut app, "park 3");
    press(&mut app, KeyCode::Enter);
    let found = app.selected_person_index().unwrap();
    assert_eq!(app.plan.people[found].name, "Jon Park 3");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_people().len(), 300);
    assert_eq!(app.selected_person_index(), Some(found));
}

#[test]
fn slash_on_a_kept_filter_continues_it_and_ctrl_u_clears_it() {
    let mut app = numbered_team(3);
    key(&mut app, '/');
    typed(&mut app, "maya");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.visible_people().len(), 3);
    key(&mut app, '/');
    assert!(app.status.contains("ctrl-u clears it"), "{}", app.status);
    typed(&mut app, " 2");
    assert_eq!(app.people_filter.text(), "maya 2");
    assert_eq!(selected_name(&app), Some("Maya Okafor 2"));
    // The cursor moves, and typing goes where it is.
    press(&mut app, KeyCode::Home);
    typed(&mut app, "o");
    assert_eq!(app.people_filter.text(), "omaya 2");
    assert!(app.visible_people().is_empty());
    ctrl(&mut app, 'u');
    assert!(app.people_filter.is_empty());
    assert_eq!(app.typing, Some(Filtered::People), "still typing");
    assert_eq!(app.visible_people().len(), 12);
}

#[test]
fn with_no_one_shown_no_one_is_acted_on() {
    let mut app = team_review();
    key(&mut app, '/');
    typed(&mut app, "nobody by this name");
    press(&mut app, KeyCode::Enter);
    assert!(app.visible_people().is_empty());
    assert_eq!(app.selected_person_index(), None);
    assert_eq!(app.pane_len(Focus::Tasks), 0);
    key(&mut app, 'd');
    assert!(app.overlays.is_empty());
    assert!(app.status.contains("no name matches"), "{}", app.status);
    key(&mut app, 'j');
    key(&mut app, '3');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan, team_review().plan, "nothing was assigned");
}

#[test]
fn a_person_an_action_leads_to_is_shown_even_if_the_filter_hid_them() {
    let mut app = team_review();
    key(&mut app, '/');
    typed(&mut app, "maya");
    press(&mut app, KeyCode::Enter);
    key(&mut app, 'a');
    typed(&mut app, "Ana Test");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_name(&app), Some("Ana Test"));
    assert!(
        app.people_filter.is_empty(),
        "the filter would have hidden Ana"
    );
    assert_eq!(app.visible_people().len(), 5);
}

#[test]
fn up_down_and_clicks_move_among_the_people_shown() {
    let mut app = numbered_team(25);
    key(&mut app, '/');
    typed(&mut app, "okafor 2");
    press(&mut app, KeyCode::Enter);
    // "Maya Okafor 2" first, then 20 to 25 in plan order, then 12.
    let shown: Vec<usize> = app.visible_people().to_vec();
    assert_eq!(shown.len(), 8);
    key(&mut app, 'G');
    assert_eq!(app.selected_person_index(), Some(shown[7]));
    assert_eq!(app.plan.people[shown[7]].name, "Maya Okafor 12");
    key(&mut app, 'k');
    assert_eq!(app.selected_person_index(), Some(shown[6]));
    update(
        &mut app,
        Action::Click {
            focus: Focus::People,
            row: 1,
        },
    );
    assert_eq!(app.selected_person_index(), Some(shown[1]));
    key(&mut app, 'g');
    assert_eq!(
        app.plan.people[app.selected_person_index().unwrap()].name,
        "Maya Okafor 2"
    );
}

#[test]
fn ctrl_u_clears_every_text_field() {
    let mut app = team_review();
    // A prompt (a name to rename), then the catalog filter, the import's path and the export's.
    key(&mut app, 'r');
    ctrl(&mut app, 'u');
    let Some(Overlay::Prompt { input, .. }) = app.top_overlay() else {
        panic!("the rename prompt is open");
    };
    assert!(input.is_empty());
    press(&mut app, KeyCode::Esc);

    key(&mut app, '3');
    key(&mut app, '/');
    typed(&mut app, "meetup");
    let narrowed = app.visible_catalog().len();
    ctrl(&mut app, 'u');
    assert!(app.filter.is_empty());
    assert!(app.visible_catalog().len() > narrowed);
    press(&mut app, KeyCode::Esc);

    key(&mut app, 'e');
    ctrl(&mut app, 'u');
    let Some(Overlay::Export(form)) = app.top_overlay() else {
        panic!("the export form is open");
    };
    assert!(form.input.is_empty());
    press(&mut app, KeyCode::Esc);

    key(&mut app, '2');
    key(&mut app, 'm');
    typed(&mut app, "zo");
    ctrl(&mut app, 'u');
    let Some(Overlay::MovePicker(picker)) = app.top_overlay() else {
        panic!("the move picker is open");
    };
    assert!(picker.filter.is_empty());
    assert_eq!(picker.candidates().len(), 3, "everyone else again");
}
