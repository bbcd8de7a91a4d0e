//! Narrowing a list by typed words, ranked (see [`rank`](super::rank)): one index serves the
//! catalog pane's filter and the import review's task picker, so both list tasks in the same
//! order and match the same words; [`people`] does the same for the People pane's filter and
//! the move picker.

use super::rank::{Query, Searched, Text, ranked};
use crate::catalog::{Catalog, Task};

/// The catalog's tasks in display order, with the text a filter searches, built once per
/// catalog so typing does not re-read every task.
#[derive(Debug, Clone)]
pub struct CatalogFilter {
    order: Vec<usize>,
    /// By catalog index: what a filter searches in each task ([`searched`]).
    searched: Vec<Searched>,
}

impl CatalogFilter {
    pub fn new(catalog: &Catalog) -> CatalogFilter {
        CatalogFilter {
            order: grouped_order(catalog),
            searched: catalog
                .tasks()
                .iter()
                .map(|t| searched(catalog, t))
                .collect(),
        }
    }

    /// Every task index, in display order: what an empty filter shows.
    pub fn all(&self) -> &[usize] {
        &self.order
    }

    /// Sets `visible` to the tasks that match `query`, best first: every word in the title,
    /// then every word somewhere in the task's text (id, keywords, category, owner), then the
    /// words matched fuzzily; equal matches in display order. An empty query shows every task
    /// in display order. Where the highlight goes is the caller's choice: the best match while
    /// the words are being typed, the task the user found when the filter is cleared.
    pub fn narrow(&self, query: &str, visible: &mut Vec<usize>) {
        let query = Query::new(query);
        if query.is_empty() {
            visible.clone_from(&self.order);
            return;
        }
        let searched = self.order.iter().map(|&i| &self.searched[i]);
        *visible = ranked(&query, searched)
            .into_iter()
            .map(|at| self.order[at])
            .collect();
    }
}

/// The positions in `names` (plan indices, for a plan's names) of those that match `query`,
/// best first: every word found in the name, then the words matched fuzzily; equal matches in
/// the names' order. An empty query keeps every name, in order.
pub fn people<'a>(names: impl IntoIterator<Item = &'a str>, query: &str) -> Vec<usize> {
    let query = Query::new(query);
    let names = names.into_iter();
    if query.is_empty() {
        return (0..names.count()).collect();
    }
    let searched: Vec<Searched> = names.map(Searched::one).collect();
    ranked(&query, &searched)
}

/// Catalog task indices grouped by owner (roles in catalog order, then shared), then by
/// category in catalog order, so related duties sit together however the files list them.
fn grouped_order(catalog: &Catalog) -> Vec<usize> {
    let tasks = catalog.tasks();
    let mut placed = vec![false; tasks.len()];
    let mut order = Vec::with_capacity(tasks.len());
    for owner in catalog.owners() {
        for category in catalog.categories_of(&owner) {
            for (i, task) in tasks.iter().enumerate() {
                if !placed[i] && task.category == category.id {
                    placed[i] = true;
                    order.push(i);
                }
            }
        }
    }
    order.extend((0..tasks.len()).filter(|&i| !placed[i]));
    order
}

/// What a filter searches in a task: its title first; then with its id, owner, category title
/// and keywords; and for fuzzy matching, each of these apart.
fn searched(catalog: &Catalog, task: &Task) -> Searched {
    let category = catalog
        .category(&task.category)
        .map_or("", |c| c.title.as_str());
    let fields: Vec<&str> = [task.title.as_str(), &task.id, task.role.as_str(), category]
        .into_iter()
        .chain(task.all_keywords().map(crate::catalog::Text::as_str))
        .collect();
    Searched::new(
        vec![Text::new(&task.title), Text::new(&fields.join(" "))],
        fields.into_iter().map(Text::new).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(catalog: &Catalog, filter: &CatalogFilter, query: &str) -> Vec<String> {
        let mut visible = Vec::new();
        filter.narrow(query, &mut visible);
        visible
            .iter()
            .map(|&i| catalog.tasks()[i].title.to_string())
            .collect()
    }

    #[test]
    fn narrowing_matches_every_word_in_any_case() {
        let catalog = Catalog::builtin().unwrap();
        let filter = CatalogFilter::new(&catalog);
        let mut visible = filter.all().to_vec();
        filter.narrow("MODERAT", &mut visible);
        assert!(!visible.is_empty() && visible.len() < filter.all().len());
        filter.narrow("moderat zzzz-no-such-word", &mut visible);
        assert!(visible.is_empty());
        filter.narrow("", &mut visible);
        assert_eq!(visible, filter.all());
    }

    #[test]
    fn a_tasks_own_words_put_it_first() {
        let catalog = Catalog::builtin().unwrap();
        let filter = CatalogFilter::new(&catalog);
        let first = |q: &str| titles(&catalog, &filter, q).remove(0);
        assert!(
            first("introduce members").starts_with("Introduce members to each other"),
            "{}",
            first("introduce members")
        );
        assert!(first("paid social").starts_with("Manage paid social ads"));
        assert!(first("grow the brand").starts_with("Grow the brand's followers"));
        // An id, typed whole, is in the second tier: its own task is the only one.
        assert_eq!(
            titles(&catalog, &filter, "sm-paid-social")[0],
            first("paid social")
        );
    }

    #[test]
    fn title_matches_come_before_keyword_matches_and_fuzzy_ones_last() {
        let catalog = Catalog::builtin().unwrap();
        let filter = CatalogFilter::new(&catalog);
        let found = titles(&catalog, &filter, "introduce members");
        let welcome = found
            .iter()
            .position(|t| t.starts_with("Welcome new members"))
            .expect("its keywords hold both words");
        assert!(welcome > 0);
        // Fuzzy: the letters in order, with gaps, still find it.
        assert!(titles(&catalog, &filter, "intrdc mmbrs")[0].starts_with("Introduce members"));
    }

    #[test]
    fn people_rank_by_name_with_equal_matches_in_plan_order() {
        let names = [
            "Zoë Lindqvist 1",
            "Maya Okafor",
            "Zoë Lindqvist 12",
            "zoe park",
        ];
        assert_eq!(people(names, ""), [0, 1, 2, 3]);
        assert_eq!(people(names, "zoe"), [0, 2, 3]);
        assert_eq!(people(names, "lindqvist 12"), [2]);
        assert_eq!(people(names, "OKA"), [1]);
        assert_eq!(people(names, "nobody"), Vec::<usize>::new());
    }
}
