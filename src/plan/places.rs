//! Where each person of a plan is written in its text, found only when a message needs it.
//!
//! A parsed plan has no positions. A person is found by their name, searched for after the
//! person before them (a name may also appear as a value elsewhere, a note for one), and
//! their fields are searched for from that line on. Locating every person costs as much as a
//! good part of the parse, and a valid plan needs none of it, so the search runs lazily: up to
//! the person a message is about, continuing from the last one found.

use super::Person;
use crate::error::Location;
use crate::yaml::Locator;

/// The people of one plan and its text, with the people located so far.
pub struct PersonPlaces<'a> {
    text: &'a str,
    people: &'a [Person],
    /// Built on the first search: a valid plan never needs its line starts.
    locator: Option<Locator<'a>>,
    /// For each person located so far: where their name stands, and the line their fields are
    /// searched from (the name's line, or the line after the person before when the name was
    /// not found).
    found: Vec<(Option<Location>, usize)>,
    /// The line the next person's name is searched from.
    next: usize,
}

impl<'a> PersonPlaces<'a> {
    pub fn new(text: &'a str, people: &'a [Person]) -> Self {
        PersonPlaces {
            text,
            people,
            locator: None,
            found: Vec::new(),
            next: 1,
        }
    }

    /// The text's locator, for values searched from a person's line on.
    pub fn locator(&mut self) -> &Locator<'a> {
        self.locator.get_or_insert_with(|| Locator::new(self.text))
    }

    /// Where the name of the person at `index` stands, and the line their fields are searched
    /// from. People are located in plan order, each after the one before, up to `index`.
    pub fn of(&mut self, index: usize) -> (Option<Location>, usize) {
        while self.found.len() <= index && self.found.len() < self.people.len() {
            let name = &self.people[self.found.len()].name;
            let next = self.next;
            let here = self.locator().find(name, next);
            let line = here.map_or(next, |l| l.line);
            self.next = line + 1;
            self.found.push((here, line));
        }
        self.found.get(index).copied().unwrap_or((None, 1))
    }

    /// The line the fields of the person at `index` are searched from.
    pub fn line(&mut self, index: usize) -> usize {
        self.of(index).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Person, RoleSpec};

    fn person(name: &str) -> Person {
        Person::new(name, RoleSpec::Single("r".into()))
    }

    #[test]
    fn people_are_found_in_order_each_after_the_one_before() {
        let text = "people:\n- name: X\n  note: A\n- name: B\n- name: A\n  role: r\n- name: C\n";
        let people = [person("B"), person("A"), person("Gone"), person("C")];
        let mut places = PersonPlaces::new(text, &people);
        assert_eq!(places.line(1), 5, "A after B, not the note before B");
        assert_eq!(places.of(0).0, Some(Location { line: 4, column: 9 }));
        assert_eq!(
            places.of(2),
            (None, 6),
            "not found: the line after the one before"
        );
        assert_eq!(places.of(3).0, Some(Location { line: 7, column: 9 }));
        assert_eq!(places.of(9), (None, 1), "no such person");
    }
}
