//! A person's role mix: where their hours go, by owning role and category. Every per-person
//! rule reads it, and so do the TUI's role-mix bar and the reports.

use super::PersonSummary;
use crate::catalog::{Catalog, Role, Task, Thresholds};
use crate::plan::{Person, RoleSpec};

/// One assignment resolved against the catalog.
#[derive(Debug, Clone)]
pub struct MixTask<'a> {
    /// Index of the assignment in the person's task list.
    pub index: usize,
    pub id: &'a str,
    pub task: Option<&'a Task>,
    /// Position of the task in the catalog (meaningless when `task` is `None`).
    pub position: usize,
    pub hours: f64,
}

/// Where one person's hours go.
#[derive(Debug, Clone)]
pub struct RoleMix<'a> {
    /// The person's known roles with their normalised share of the intended split.
    pub roles: Vec<(&'a Role, f64)>,
    /// Catalog positions of `roles`, in the same order.
    pub role_positions: Vec<usize>,
    /// Role ids in the person's role spec that the catalog lacks.
    pub unknown_roles: Vec<&'a str>,
    /// Hours per owner: index `i` is the catalog's role `i`, the last entry is `shared`.
    pub hours_by_owner: Vec<f64>,
    /// Hours of known tasks.
    pub total: f64,
    pub tasks: Vec<MixTask<'a>>,
    /// Per catalog category position: does the person have a task in it?
    pub categories: Vec<bool>,
    pub thresholds: Option<Thresholds>,
    catalog: &'a Catalog,
}

/// The vectors of a [`RoleMix`], kept from one person to the next: an analysis of a whole team
/// fills the same ones for everyone instead of allocating five per person.
#[derive(Debug, Default)]
pub(crate) struct MixBuffers<'a> {
    roles: Vec<(&'a Role, f64)>,
    role_positions: Vec<usize>,
    unknown_roles: Vec<&'a str>,
    hours_by_owner: Vec<f64>,
    tasks: Vec<MixTask<'a>>,
    categories: Vec<bool>,
}

impl<'a> RoleMix<'a> {
    pub fn of(catalog: &'a Catalog, person: &'a Person, thresholds: &[Thresholds]) -> RoleMix<'a> {
        Self::of_in(catalog, person, thresholds, MixBuffers::default())
    }

    /// [`RoleMix::of`] written into `buffers` (emptied first), which
    /// [`RoleMix::into_buffers`] hands back for the next person.
    pub(crate) fn of_in(
        catalog: &'a Catalog,
        person: &'a Person,
        thresholds: &[Thresholds],
        buffers: MixBuffers<'a>,
    ) -> RoleMix<'a> {
        let MixBuffers {
            mut roles,
            mut role_positions,
            mut unknown_roles,
            mut hours_by_owner,
            mut tasks,
            mut categories,
        } = buffers;
        roles.clear();
        role_positions.clear();
        unknown_roles.clear();
        let mut add = |id: &'a str, weight: f64| match catalog.role_position(id) {
            Some(pos) => {
                roles.push((&catalog.roles()[pos], weight));
                role_positions.push(pos);
            }
            None => unknown_roles.push(id),
        };
        // A single role (the common case) needs no split vector.
        match &person.role {
            RoleSpec::Single(id) => add(id, 1.0),
            RoleSpec::Hybrid(_) => {
                for (id, weight) in person.role.split() {
                    add(id, weight);
                }
            }
        }
        let known_weight: f64 = roles.iter().map(|(_, w)| w).sum();
        if known_weight > 0.0 {
            for (_, w) in &mut roles {
                *w /= known_weight;
            }
        }
        let thresholds = match role_positions.as_slice() {
            [] => catalog.default_thresholds(),
            [one] => thresholds.get(*one).copied(),
            many => {
                let parts: Vec<(Thresholds, f64)> = many
                    .iter()
                    .zip(&roles)
                    .filter_map(|(&pos, (_, w))| thresholds.get(pos).map(|t| (*t, *w)))
                    .collect();
                Thresholds::blend(&parts)
            }
        };

        hours_by_owner.clear();
        hours_by_owner.resize(catalog.shared_slot() + 1, 0.0);
        categories.clear();
        categories.resize(catalog.categories().len(), false);
        tasks.clear();
        tasks.reserve(person.tasks.len());
        for (index, a) in person.tasks.iter().enumerate() {
            let position = catalog.task_position(&a.task);
            let task = position.map(|p| &catalog.tasks()[p]);
            let hours = task.map_or(0.0, |t| a.hours.unwrap_or(t.hours));
            if let Some(p) = position {
                hours_by_owner[catalog.task_slot(p)] += hours;
                categories[catalog.task_category(p)] = true;
            }
            tasks.push(MixTask {
                index,
                id: &a.task,
                task,
                position: position.unwrap_or(0),
                hours,
            });
        }
        let total = hours_by_owner.iter().sum();
        RoleMix {
            roles,
            role_positions,
            unknown_roles,
            hours_by_owner,
            total,
            tasks,
            categories,
            thresholds,
            catalog,
        }
    }

    /// Share of the week owned by role position `i` (or `shared` for the last index).
    pub fn share_at(&self, i: usize) -> f64 {
        if self.total > 0.0 {
            self.hours_by_owner[i] / self.total
        } else {
            0.0
        }
    }

    pub fn share_of_role(&self, id: &str) -> f64 {
        self.catalog
            .role_position(id)
            .map_or(0.0, |i| self.share_at(i))
    }

    pub fn shared_share(&self) -> f64 {
        self.share_at(self.hours_by_owner.len() - 1)
    }

    /// Hours on work some role owns (not the overlap): the base the fit is judged on.
    pub fn role_hours(&self) -> f64 {
        // Summed from the roles' own hours, not `total - shared`, which can leave a rounding
        // residue where the true value is exact.
        self.hours_by_owner[..self.hours_by_owner.len() - 1]
            .iter()
            .sum()
    }

    pub fn holds(&self, role: &str) -> bool {
        self.roles.iter().any(|(r, _)| r.id == role)
    }

    /// Whether the person has a task in the category with this id.
    pub fn has_category(&self, id: &str) -> bool {
        self.catalog
            .category_position(id)
            .is_some_and(|p| self.categories[p])
    }

    /// The role with most hours; ties go to the person's own roles, then catalog order.
    pub fn best_fit(&self) -> Option<&'a Role> {
        let mut best: Option<(usize, f64, bool)> = None;
        for (i, role) in self.catalog.roles().iter().enumerate() {
            let hours = self.hours_by_owner[i];
            if hours <= 0.0 {
                continue;
            }
            let own = self.holds(&role.id);
            let better = match best {
                None => true,
                Some((_, h, o)) => hours > h + 1e-9 || ((hours - h).abs() <= 1e-9 && own && !o),
            };
            if better {
                best = Some((i, hours, own));
            }
        }
        best.map(|(i, _, _)| &self.catalog.roles()[i])
    }

    /// Share of the week that went off the intended split: for one role, the share of other
    /// roles' work; for a hybrid, how much each declared role falls short of its part.
    ///
    /// Computed from hours, dividing once at the end: `1 - shared - own` in shares leaves a
    /// rounding residue (1e-16) where no hour is off the role, which a `drift_warning: 0`
    /// policy would report as a "0%" drift. Residues far below a minute are taken as none.
    pub fn drift(&self) -> f64 {
        if self.total <= 0.0 || self.roles.is_empty() {
            return 0.0;
        }
        let shared = self.hours_by_owner.len() - 1;
        let off_split = match self.role_positions.as_slice() {
            // One role: exactly the other roles' hours.
            [own] => self.hours_by_owner[..shared]
                .iter()
                .enumerate()
                .filter(|(i, _)| i != own)
                .map(|(_, h)| h)
                .sum(),
            // A hybrid: how far each role's hours fall short of its part of the role hours.
            positions => {
                let role_hours = self.role_hours();
                positions
                    .iter()
                    .zip(&self.roles)
                    .map(|(&pos, (_, w))| (w * role_hours - self.hours_by_owner[pos]).max(0.0))
                    .sum::<f64>()
            }
        };
        let drift = off_split / self.total;
        if drift < 1e-12 { 0.0 } else { drift.min(1.0) }
    }

    /// The mix's vectors, for the next [`RoleMix::of_in`].
    pub(crate) fn into_buffers(self) -> MixBuffers<'a> {
        MixBuffers {
            roles: self.roles,
            role_positions: self.role_positions,
            unknown_roles: self.unknown_roles,
            hours_by_owner: self.hours_by_owner,
            tasks: self.tasks,
            categories: self.categories,
        }
    }

    /// The person's summary: their numbers as the analysis keeps them.
    pub fn summary(&self, person: &Person) -> PersonSummary {
        PersonSummary {
            name: person.name.clone(),
            capacity: person.capacity,
            hours: self.total,
            share_by_slot: (0..self.hours_by_owner.len())
                .map(|i| self.share_at(i))
                .collect(),
            best_fit: self.best_fit().map(|r| r.id.clone()),
            drift: self.drift(),
            thresholds: self.thresholds,
        }
    }
}
