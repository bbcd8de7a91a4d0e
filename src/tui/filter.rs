//! Narrowing the catalog by typed words: one index serves the catalog pane's `/` filter and the
//! import review's task picker, so both list tasks in the same order and match the same words.

use crate::catalog::{Catalog, Task};

/// The catalog's tasks in display order, with the lowercased text a filter searches, built
/// once per catalog so typing does not re-read every task.
#[derive(Debug, Clone)]
pub struct CatalogFilter {
    order: Vec<usize>,
    haystacks: Vec<String>,
}

impl CatalogFilter {
    pub fn new(catalog: &Catalog) -> CatalogFilter {
        CatalogFilter {
            order: grouped_order(catalog),
            haystacks: catalog
                .tasks()
                .iter()
                .map(|t| haystack(catalog, t))
                .collect(),
        }
    }

    /// Every task index, in display order: what an empty filter shows.
    pub fn all(&self) -> &[usize] {
        &self.order
    }

    /// Sets `visible` to the tasks whose text holds every word of `query` (case-insensitive).
    /// Where the highlight goes is the caller's choice: the first match while the words are
    /// being typed, the task the user found when the filter is cleared.
    pub fn narrow(&self, query: &str, visible: &mut Vec<usize>) {
        let query = query.to_lowercase();
        let terms: Vec<&str> = query.split_whitespace().collect();
        *visible = self
            .order
            .iter()
            .copied()
            .filter(|&i| terms.iter().all(|t| self.haystacks[i].contains(t)))
            .collect();
    }
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

/// The lowercased text a filter searches: id, title, owner, category title and keywords.
fn haystack(catalog: &Catalog, task: &Task) -> String {
    let category = catalog.category(&task.category).map_or("", |c| &c.title);
    let mut text = format!("{} {} {} {}", task.id, task.title, task.role, category);
    for k in &task.keywords {
        text.push(' ');
        text.push_str(k);
    }
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_matches_every_word_in_any_case() {
        let catalog = Catalog::builtin().unwrap();
        let filter = CatalogFilter::new(&catalog);
        let mut visible = filter.all().to_vec();
        filter.narrow("MODERAT", &mut visible);
        assert!(!visible.is_empty() && visible.len() < filter.all().len());
        assert!(
            visible
                .iter()
                .all(|&i| haystack(&catalog, &catalog.tasks()[i]).contains("moderat"))
        );
        filter.narrow("moderat zzzz-no-such-word", &mut visible);
        assert!(visible.is_empty());
        filter.narrow("", &mut visible);
        assert_eq!(visible, filter.all());
    }
}
