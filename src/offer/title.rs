//! Which role a job title names, through the catalog's role titles and aliases.
//!
//! 1. An exact title or alias ("Social Media Lead") names its role.
//! 2. Otherwise each alias is reduced to its *core*, the words left once rank and seniority
//!    words (`titles.rank_words` and `filler_words` in `data/matching.yaml`) are taken out: "social media" of
//!    "Social Media Manager", "community" of "Community Manager". Every role whose core appears
//!    in the title is named by it, so "Game Community Manager" is a community manager title and
//!    "Social Media Community Manager" or "Community Manager (Social Media)" name both roles:
//!    a hybrid with an even split.
//! 3. A title that names no role ("Marketing Coordinator") resolves to none; the duties then
//!    decide which role the posting is judged as.

use rustc_hash::FxHashSet;

use super::config::MatchingConfig;
use super::normalize::{stem, words};
use crate::catalog::Catalog;

/// The roles a title names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleRoles {
    /// Exactly one role.
    One(String),
    /// Several roles, in the order the title names them.
    Mixed(Vec<String>),
    /// No role of the catalog.
    None,
}

/// The aliases' cores, per role, pre-stemmed.
#[derive(Debug, Clone)]
pub struct TitleResolver {
    /// (role id, core as stems), longest cores first.
    cores: Vec<(String, Vec<String>)>,
    /// Stems of rank words ("manager", "lead"): a line of the text is taken as the title only
    /// if it has one (or is an exact alias), so "Grow the community" is not a title.
    rank: FxHashSet<String>,
    /// " – ", " | ", " at ": what may follow a title on its line (with spaces around it).
    separators: Vec<String>,
}

impl TitleResolver {
    pub fn new(catalog: &Catalog, config: &MatchingConfig) -> TitleResolver {
        let stems = |list: &[String]| -> FxHashSet<String> {
            list.iter()
                .flat_map(|w| words(w).map(|w| stem(&w)).collect::<Vec<_>>())
                .collect()
        };
        let rank = stems(&config.titles.rank_words);
        let mut generic = rank.clone();
        generic.extend(stems(&config.titles.filler_words));
        let mut cores = Vec::new();
        for role in catalog.roles() {
            let names = std::iter::once(&role.title)
                .chain(&role.aliases)
                .chain(std::iter::once(&role.id));
            for name in names {
                let core: Vec<String> = words(name)
                    .map(|w| stem(&w))
                    .filter(|w| !generic.contains(w))
                    .collect();
                if !core.is_empty() && !cores.contains(&(role.id.clone(), core.clone())) {
                    cores.push((role.id.clone(), core));
                }
            }
        }
        cores.sort_by_key(|(_, c)| std::cmp::Reverse(c.len()));
        let separators = config
            .titles
            .separators
            .iter()
            .map(|s| format!(" {} ", s.trim()))
            .collect();
        TitleResolver {
            cores,
            rank,
            separators,
        }
    }

    /// The roles `title` names (see the module comment for how).
    pub fn resolve(&self, catalog: &Catalog, title: &str) -> TitleRoles {
        if let Some(role) = catalog.role_by_title(title) {
            return TitleRoles::One(role.id.clone());
        }
        let stems: Vec<String> = words(title).map(|w| stem(&w)).collect();
        let mut used = vec![false; stems.len()];
        let mut found: Vec<(usize, String)> = Vec::new();
        for (role, core) in &self.cores {
            let hit = (0..stems.len().saturating_sub(core.len() - 1)).find(|&i| {
                stems[i..i + core.len()] == core[..] && !used[i..i + core.len()].iter().any(|u| *u)
            });
            if let Some(i) = hit {
                used[i..i + core.len()].iter_mut().for_each(|u| *u = true);
                if !found.iter().any(|(_, r)| r == role) {
                    found.push((i, role.clone()));
                }
            }
        }
        found.sort();
        let mut roles: Vec<String> = found.into_iter().map(|(_, r)| r).collect();
        match roles.len() {
            0 => TitleRoles::None,
            1 => TitleRoles::One(roles.remove(0)),
            _ => TitleRoles::Mixed(roles),
        }
    }

    /// A job title named inside a sentence ("we'd love to have you as our Community Manager
    /// on a 6-month contract"): a role's core followed by a rank word, as written. For offers
    /// written as prose, where no line is the title.
    pub fn find_in(&self, text: &str) -> Option<String> {
        let written: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let stems: Vec<String> = written.iter().map(|w| stem(&w.to_lowercase())).collect();
        (0..stems.len()).find_map(|i| {
            self.cores.iter().find_map(|(_, core)| {
                let end = i + core.len();
                (stems.get(i..end) == Some(&core[..])
                    && stems.get(end).is_some_and(|w| self.rank.contains(w)))
                .then(|| written[i..=end].join(" "))
            })
        })
    }

    /// The title without what follows it on its line ("Community Manager – Agencia Kreativa
    /// (Madrid)", "Social Media Lead | Acme"): the part before a dash or bar, when it names the
    /// same roles as the whole. A reply then thanks for "the Community Manager role", not for
    /// the company's address.
    pub fn short(&self, catalog: &Catalog, title: &str) -> String {
        let whole = self.resolve(catalog, title);
        self.separators
            .iter()
            .filter_map(|sep| title.split_once(sep.as_str()).map(|(head, _)| head.trim()))
            .filter(|head| !head.is_empty() && self.resolve(catalog, head) == whole)
            .min_by_key(|head| head.len())
            .map_or_else(|| title.to_owned(), str::to_owned)
    }

    /// Whether a line of a posting reads as a job title naming a role: an exact title or
    /// alias, or a role's core together with a rank word ("Discord Community Manager").
    pub fn is_title_line(&self, catalog: &Catalog, line: &str) -> bool {
        catalog.role_by_title(line).is_some()
            || (words(line).any(|w| self.rank.contains(&stem(&w)))
                && self.resolve(catalog, line) != TitleRoles::None)
    }
}
