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
    /// Rank words ("manager", "lead") as written, lower-cased, with their plurals ("managers",
    /// "moderadores"): a line of the text is taken as the title only if it has one (or is an
    /// exact alias), so "Grow the community" is not a title. Words, not stems: the stem of
    /// "moderator" is the stem of "moderate", of "manager" that of "manage", and a duty line
    /// ("Moderate the forum", "Manage our community forum") is no title.
    rank: FxHashSet<String>,
    /// Stems of seniority and small words ("senior", "de"): what may stand between a rank
    /// and a core ("gestor sénior de comunidad").
    fillers: FxHashSet<String>,
    /// " – ", " | ", " at ": what may follow a title on its line (with spaces around it).
    separators: Vec<String>,
    /// Lower-cased lead-ins of a title in a sentence ("looking for"), longest first.
    lead_ins: Vec<String>,
    /// Lower-cased articles after a lead-in ("un·e"), longest first.
    articles: Vec<String>,
    /// Lower-cased words that end a title after a lead-in ("para").
    stops: FxHashSet<String>,
    /// Lower-cased words that may stand inside a capitalised title ("of").
    inner_words: FxHashSet<String>,
    /// Lower-cased markers ("h/f", "part-time"), and every word of them.
    markers: FxHashSet<String>,
    marker_words: FxHashSet<String>,
    /// The words of "20 h/week": hour units and week words, lower-cased.
    hour_words: FxHashSet<String>,
    /// Labels cut off the front of a title, as plain words ("job title", "offre d'emploi").
    prefixes: Vec<String>,
    /// Endings of inclusive writing ("e" of "chargé.e", "a" of "director/a"), lower-cased.
    endings: FxHashSet<String>,
}

/// A lead-in is cut off a title line when it starts within this many words of the line's
/// start: "Acme recrute un.e …", "Le magazine Imagine recrute un …", but not a lead-in deep in
/// a sentence.
const LEAD_IN_WORDS: usize = 6;
/// The most words kept after a lead-in cut off a title line.
const TITLE_WORDS: usize = 12;
/// What ends a title after a lead-in, inside or after a word.
const TITLE_END: &str = ".,;:!?()[]\n\"“”«»";

impl TitleResolver {
    pub fn new(catalog: &Catalog, config: &MatchingConfig) -> TitleResolver {
        let stems = |list: &[String]| -> FxHashSet<String> {
            list.iter()
                .flat_map(|w| words(w).map(|w| stem(&w)).collect::<Vec<_>>())
                .collect()
        };
        let rank: FxHashSet<String> = config
            .titles
            .rank_words
            .iter()
            .flat_map(|w| words(w).collect::<Vec<_>>())
            .flat_map(|w| [format!("{w}s"), format!("{w}es"), w])
            .collect();
        let fillers = stems(&config.titles.filler_words);
        let mut generic = stems(&config.titles.rank_words);
        generic.extend(fillers.iter().cloned());
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
                if !core.is_empty() && !cores.contains(&(role.id.to_string(), core.clone())) {
                    cores.push((role.id.to_string(), core));
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
        let lower = |list: &[String]| -> Vec<String> {
            let mut out: Vec<String> = list
                .iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
            out.sort_by_key(|s| std::cmp::Reverse(s.len()));
            out
        };
        let t = &config.titles;
        let markers: FxHashSet<String> = lower(&t.markers).into_iter().collect();
        let marker_words = markers
            .iter()
            .flat_map(|m| words(m).collect::<Vec<_>>())
            .collect();
        let h = &config.hours_per_week;
        TitleResolver {
            cores,
            rank,
            fillers,
            separators,
            lead_ins: lower(&t.lead_ins),
            articles: lower(&t.articles),
            stops: lower(&t.stops).into_iter().collect(),
            inner_words: lower(&t.inner_words).into_iter().collect(),
            markers,
            marker_words,
            hour_words: lower(&h.units).into_iter().chain(lower(&h.weeks)).collect(),
            prefixes: t
                .prefixes
                .iter()
                .map(|p| words(p).collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect(),
            endings: lower(&t.inclusive_endings).into_iter().collect(),
        }
    }

    /// How much of `word` is letters, inclusive endings included: all of "chargé.e",
    /// "director/a", "coordinateur·trice" and "Chargé(e)", only "chargé" of "chargé." and
    /// "Manager" of "Manager,".
    fn inclusive_len(&self, word: &str) -> usize {
        let letters = |s: &str| s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
        let mut end = letters(word);
        while end > 0 {
            let rest = &word[end..];
            let Some(mark) = rest.chars().next().filter(|c| ".·/-(".contains(*c)) else {
                break;
            };
            let tail = &rest[mark.len_utf8()..];
            let n = letters(tail);
            if n == 0 || !self.endings.contains(&tail[..n].to_lowercase()) {
                break;
            }
            let close = usize::from(mark == '(');
            if close == 1 && !tail[n..].starts_with(')') {
                break;
            }
            end += mark.len_utf8() + n + close;
        }
        end
    }

    /// `word` up to the first of `ends` that is no part of its inclusive writing ("chargé.e"
    /// is not cut at its point), and where in `word` that cut is, if it has one: ("Manager",
    /// Some(7)) of "Manager,".
    fn cut_word<'w>(&self, word: &'w str, ends: &str) -> (&'w str, Option<usize>) {
        let skip = self.inclusive_len(word);
        let cut = word[skip..]
            .find(|c: char| ends.contains(c))
            .map(|c| c + skip);
        (&word[..cut.unwrap_or(word.len())], cut)
    }

    /// `word` without an inclusive ending, lower-cased: "nuestro" of "nuestro/a", "un" of
    /// "un.e"; `None` when the word is more than letters and endings.
    fn inclusive_base(&self, word: &str) -> Option<String> {
        (self.inclusive_len(word) == word.len()).then(|| {
            word.split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default()
                .to_lowercase()
        })
    }

    /// `rest` without the articles it starts with ("a", "un·e", "nuestro/a", "a new").
    fn skip_articles<'t>(&self, mut rest: &'t str) -> &'t str {
        rest = rest.trim_start();
        loop {
            let listed = self.articles.iter().find(|a| {
                rest.get(..a.len())
                    .is_some_and(|head| head.to_lowercase() == **a)
                    && rest[a.len()..].starts_with(char::is_whitespace)
            });
            let len = if let Some(a) = listed {
                a.len()
            } else {
                let word = rest.split_whitespace().next().unwrap_or_default();
                let inclusive = self
                    .inclusive_base(word)
                    .is_some_and(|b| word.len() > b.len() && self.articles.contains(&b));
                if !inclusive || word.len() == rest.len() {
                    return rest;
                }
                word.len()
            };
            rest = rest[len..].trim_start();
        }
    }

    /// A title line as a title: without a label in front ("Offre d'emploi : X", "Job title:
    /// X", "Vaga – X") and without a lead-in near its start with what precedes it ("Acme
    /// recrute un.e chargé.e de …", "Buscamos a nuestro/a director/a de …", "We're hiring a
    /// … !"): what follows, less articles, up to a stop word or the end of the sentence.
    /// Markers are left for [`Self::clean`].
    pub fn tidy(&self, line: &str) -> String {
        // A tag in brackets in front ("[NEW ROLE]: …", "[Remote] …") files the posting; it
        // is no part of the title.
        let mut title = line.trim();
        while let Some(rest) = title.strip_prefix('[').and_then(|r| r.split_once(']')) {
            let rest = rest
                .1
                .trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            if rest.is_empty() {
                break;
            }
            title = rest;
        }
        // An article in front, when it cannot be a capitalised word of the title ("un(e)
        // Chargé(e) de …", "Un.e Facilitateur.trice"; not "Our …", not "A Player …").
        let first = title.split_whitespace().next().unwrap_or_default();
        let inclusive = self
            .inclusive_base(first)
            .is_some_and(|b| b.len() < first.len());
        if inclusive || first.starts_with(char::is_lowercase) {
            title = self.skip_articles(title);
        }
        if let Some(rest) = self.after_prefix(title) {
            title = self.skip_articles(rest);
        }
        if let Some(rest) = self.after_lead_in_at_start(title) {
            let rest = self.skip_articles(rest);
            let mut taken: Vec<&str> = Vec::new();
            for word in rest.split_whitespace() {
                let (bare, cut) = self.cut_word(word, TITLE_END);
                if bare.is_empty() || self.stops.contains(&bare.to_lowercase()) {
                    break;
                }
                taken.push(bare);
                if cut.is_some() || taken.len() >= TITLE_WORDS {
                    break;
                }
            }
            if !taken.is_empty() {
                return taken.join(" ");
            }
        }
        title.to_owned()
    }

    /// The duty in a sentence that opens by asking for someone: what follows the lead-in, the
    /// title and the stop word after it ("Buscamos Community Manager para gestionar nuestras
    /// redes" → "gestionar nuestras redes"). `None` when the sentence does not open so, what
    /// follows the lead-in reads as no title ("Looking for trends to post about"), or nothing of
    /// two words or more follows: the whole sentence is then the duty.
    pub fn duty_after_lead_in<'t>(&self, sentence: &'t str) -> Option<&'t str> {
        let rest = self.skip_articles(self.after_lead_in_at_start(sentence)?);
        for (taken, (at, word)) in rest
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - rest.as_ptr() as usize, w))
            .enumerate()
        {
            if taken >= TITLE_WORDS {
                return None;
            }
            if let (_, Some(cut)) = self.cut_word(word, TITLE_END) {
                // "… a Community Manager: you will run …", "…, who will run …".
                let after = rest[at + cut..]
                    .trim_start_matches(|c: char| TITLE_END.contains(c) || c.is_whitespace());
                let after = self.after_stop(after).unwrap_or(after);
                let title = self.clean(&rest[..at + cut]);
                return (self.reads_as_title(&title) && after.split_whitespace().count() >= 2)
                    .then_some(after);
            }
            if self.stops.contains(&word.to_lowercase()) {
                let after = rest[at + word.len()..].trim_start();
                let title = self.clean(&rest[..at]);
                return (self.reads_as_title(&title) && after.split_whitespace().count() >= 2)
                    .then_some(after);
            }
        }
        None
    }

    /// What follows `text`'s first word when that word is a stop word ("who will run …").
    fn after_stop<'t>(&self, text: &'t str) -> Option<&'t str> {
        let (first, rest) = text.split_once(char::is_whitespace)?;
        self.stops
            .contains(&first.to_lowercase())
            .then(|| rest.trim_start())
    }

    /// What follows a title label ("Job title:", "Offre d'emploi :", "Vaga –"), if `line`
    /// starts with one.
    fn after_prefix<'t>(&self, line: &'t str) -> Option<&'t str> {
        let cuts = [":", " - ", " – ", " — "];
        cuts.iter()
            .filter_map(|c| line.split_once(c))
            .filter(|(head, _)| head.split_whitespace().count() <= 4)
            .find(|(head, rest)| {
                !rest.trim().is_empty()
                    && self
                        .prefixes
                        .contains(&words(head).collect::<Vec<_>>().join(" "))
            })
            .map(|(_, rest)| rest.trim())
    }

    /// What follows the first lead-in that starts within [`LEAD_IN_WORDS`] words of the
    /// start of `line` and is followed by a space.
    fn after_lead_in_at_start<'t>(&self, line: &'t str) -> Option<&'t str> {
        let lower = line.to_ascii_lowercase();
        let starts: Vec<usize> = line
            .split_whitespace()
            .take(LEAD_IN_WORDS)
            .map(|w| w.as_ptr() as usize - line.as_ptr() as usize)
            .collect();
        starts.into_iter().find_map(|i| {
            self.lead_ins.iter().find_map(|l| {
                let end = i + l.len();
                (lower[i..].starts_with(l.as_str())
                    && lower[end..].starts_with(char::is_whitespace))
                .then(|| &line[end..])
            })
        })
    }

    /// The roles `title` names (see the module comment for how).
    pub fn resolve(&self, catalog: &Catalog, title: &str) -> TitleRoles {
        if let Some(role) = catalog.role_by_title(title) {
            return TitleRoles::One(role.id.to_string());
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

    /// A job title named inside a sentence, as written and cleaned of markers (see
    /// [`TitleResolver::clean`]). For offers written as prose, where no line is the title.
    ///
    /// 1. After a lead-in (`titles.lead_ins`: "looking for", "buscamos", "nous recherchons",
    ///    "procuramos", "is hiring"), less an article ("a", "un·e", "um(a)"): the words up to
    ///    punctuation or a stop word ("para", "pour", "who"), or, in a capitalised title, up to
    ///    the first word in lower case. Taken when it names a role's core or has a rank word
    ///    ("Marketing Coordinator" is kept as the title and names no role).
    /// 2. Otherwise a role's core with a rank word after it ("we'd love to have you as our
    ///    Community Manager on a 6-month contract") or, as Spanish, French and Portuguese
    ///    write it, before it ("O analista de mídias sociais é o profissional…").
    pub fn find_in(&self, text: &str) -> Option<String> {
        self.after_lead_in(text)
            .or_else(|| self.core_and_rank(text))
    }

    /// The title after the first lead-in that is followed by one (rule 1 of [`Self::find_in`]):
    /// a title the text says it is hiring for, not a role it mentions ("report to our Social
    /// Media Manager").
    pub fn after_lead_in(&self, text: &str) -> Option<String> {
        // ASCII lower-casing keeps every byte offset of `text`.
        let lower = text.to_ascii_lowercase();
        let mut starts: Vec<usize> = self
            .lead_ins
            .iter()
            .flat_map(|l| {
                lower
                    .match_indices(l.as_str())
                    .filter(|(i, m)| {
                        let before = lower[..*i].chars().next_back();
                        let after = lower[i + m.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && after.is_some_and(char::is_whitespace)
                    })
                    .map(|(i, m)| i + m.len())
                    .collect::<Vec<_>>()
            })
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .find_map(|end| self.title_after(&text[end..]))
    }

    /// The title at the start of `rest` (what follows a lead-in), if one is there.
    fn title_after(&self, rest: &str) -> Option<String> {
        self.title_at(rest, true)
    }

    /// [`Self::title_after`]; `retry`: look again from a capitalised word a few words on, once.
    fn title_at(&self, rest: &str, retry: bool) -> Option<String> {
        // Articles, as many as stand there ("a new", "un.e").
        let rest = self.skip_articles(rest);
        let mut taken: Vec<&str> = Vec::new();
        let capitalised = rest.starts_with(char::is_uppercase);
        for word in rest.split_whitespace() {
            let (bare, cut) = self.cut_word(word, ".,;:!?()[]\n\"“”");
            let low = bare.to_lowercase();
            if bare.is_empty()
                || self.stops.contains(&low)
                || ["-", "–", "—", "|"].contains(&bare)
                || (capitalised
                    && !bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    && !self.inner_words.contains(&low)
                    && !self.markers.contains(&low))
            {
                break;
            }
            taken.push(bare);
            if cut.is_some() || taken.len() > 8 {
                break;
            }
        }
        let title = self.clean(&taken.join(" "));
        if self.reads_as_title(&title) {
            return Some(title);
        }
        // Lower-case praise before a capitalised title ("seeking a skilled and innovative
        // Social Media Program Specialist to …"): the title is the capitalised run.
        // Looked at once only: a capitalised word behind a quote mark ("“Growth Lead”") would
        // otherwise be found again at the same place, for ever.
        if capitalised || !retry {
            return None;
        }
        let mut offset = 0;
        for word in rest.split_inclusive(char::is_whitespace).take(6) {
            if let Some(at) = word.find(char::is_alphanumeric)
                && word[at..].starts_with(char::is_uppercase)
            {
                return self.title_at(&rest[offset + at..], false);
            }
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word
                .trim_end()
                .ends_with(['.', ';', ':', '!', '?', '(', ')'])
                || self.stops.contains(&bare.to_lowercase())
            {
                break;
            }
            offset += word.len();
        }
        None
    }

    /// Whether words found after a lead-in are a title: one to six words that name a role's
    /// core or have a rank word ("Marketing Coordinator"; not "trends").
    fn reads_as_title(&self, title: &str) -> bool {
        let stems: Vec<String> = words(title).map(|w| stem(&w)).collect();
        let n = stems.len();
        let names_role = self
            .cores
            .iter()
            .any(|(_, core)| stems.windows(core.len()).any(|w| w == &core[..]));
        let ranked = words(title).any(|w| self.rank.contains(&w));
        (1..=6).contains(&n) && (names_role || ranked)
    }

    /// A role's core and a rank word, as written, within one sentence: the rank after the core
    /// as English writes it ("Community Manager"), or before it as Spanish, French and
    /// Portuguese write it, with one or two small or seniority words between ("de", "da",
    /// "sénior de"), and only as the sentence's subject, at its start or after an article ("O
    /// analista de mídias sociais é…", "Le chargé de communauté anime…"): a rank met inside a
    /// sentence is someone else's ("Apoyar al responsable de comunidad", "avec le responsable
    /// de la communauté"), and an English verb before a core is no title ("Lead community
    /// events").
    fn core_and_rank(&self, text: &str) -> Option<String> {
        text.split(['.', '!', '?', ';', ':', '\n'])
            .find_map(|sentence| self.core_and_rank_in(sentence))
    }

    /// [`Self::core_and_rank`] in one sentence.
    fn core_and_rank_in(&self, sentence: &str) -> Option<String> {
        let written: Vec<&str> = sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = written.iter().map(|w| w.to_lowercase()).collect();
        let stems: Vec<String> = lower.iter().map(|w| stem(w)).collect();
        let subject_at = |r: usize| {
            r == 0
                || (r == 1
                    && (self.articles.contains(&lower[0]) || self.fillers.contains(&stems[0])))
        };
        (0..stems.len()).find_map(|i| {
            self.cores.iter().find_map(|(_, core)| {
                let end = i + core.len();
                if stems.get(i..end) != Some(&core[..]) {
                    return None;
                }
                if lower.get(end).is_some_and(|w| self.rank.contains(w)) {
                    return Some(written[i..=end].join(" "));
                }
                let rank = (2..=3).filter_map(|back| i.checked_sub(back)).find(|&r| {
                    self.rank.contains(&lower[r])
                        && subject_at(r)
                        && stems[r + 1..i].iter().all(|w| self.fillers.contains(w))
                })?;
                Some(written[rank..end].join(" "))
            })
        })
    }

    /// The title without what follows it on its line ("Community Manager – Agencia Kreativa
    /// (Madrid)", "Social Media Lead | Acme"): the part before a dash or bar, when it names the
    /// same roles as the whole. A reply then thanks for "the Community Manager role", not for
    /// the company's address.
    pub fn short(&self, catalog: &Catalog, title: &str) -> String {
        let title = &self.clean(title);
        let whole = self.resolve(catalog, title);
        self.separators
            .iter()
            .filter_map(|sep| title.split_once(sep.as_str()).map(|(head, _)| head.trim()))
            .filter(|head| !head.is_empty() && self.resolve(catalog, head) == whole)
            .min_by_key(|head| head.len())
            .map_or_else(|| title.to_owned(), str::to_owned)
    }

    /// A title without the markers postings add to it: "(20h/week)", "(H/F)", "H/F",
    /// "(m/w/d)", "(remote)", "(part-time)" (`titles.markers`, and a bracket of hours), and a
    /// place after a dash ("- Madrid": a tail that names no role and has no rank word).
    pub fn clean(&self, title: &str) -> String {
        let mut out = String::with_capacity(title.len());
        let mut rest = title;
        // Brackets that hold only markers and hours.
        while let Some(open) = rest.find(['(', '[']) {
            let close = if rest[open..].starts_with('(') {
                ')'
            } else {
                ']'
            };
            let Some(len) = rest[open..].find(close) else {
                break;
            };
            let inside = &rest[open + 1..open + len];
            out.push_str(&rest[..open]);
            if !self.is_marker(inside) {
                out.push_str(&rest[open..=open + len]);
            }
            rest = &rest[open + len + 1..];
        }
        out.push_str(rest);
        // Markers with a "/" standing alone ("Community Manager H/F").
        let kept: Vec<&str> = out
            .split_whitespace()
            .filter(|w| !(w.contains('/') && self.markers.contains(&w.to_lowercase())))
            .collect();
        let mut title = kept.join(" ");
        // A place after a dash.
        for sep in [" - ", " – ", " — ", " | "] {
            if let Some((head, tail)) = title.split_once(sep) {
                let stems: Vec<String> = words(tail).map(|w| stem(&w)).collect();
                let names = self
                    .cores
                    .iter()
                    .any(|(_, core)| stems.windows(core.len()).any(|w| w == &core[..]));
                if !head.trim().is_empty() && !names && !words(tail).any(|w| self.rank.contains(&w))
                {
                    title = head.to_owned();
                }
            }
        }
        title
            .trim_matches(|c: char| c.is_whitespace() || ",;:-–—|".contains(c))
            .to_owned()
    }

    /// Whether a bracket's content is markers and hours only ("H/F", "20h/week",
    /// "freelance, 20 h/week").
    fn is_marker(&self, inside: &str) -> bool {
        let low = inside.trim().to_lowercase();
        if self.markers.contains(&low) {
            return true;
        }
        let mut any = false;
        let all = words(&low).all(|w| {
            any = true;
            let letters = w.trim_start_matches(|c: char| c.is_ascii_digit());
            letters.is_empty()
                || self.marker_words.contains(letters)
                || self.hour_words.contains(letters)
        });
        any && all
    }

    /// Whether `line` holds a rank word ("manager", "coordinator", "director/a").
    pub fn has_rank(&self, line: &str) -> bool {
        words(line).any(|w| self.rank.contains(&w))
    }

    /// Whether a line of a posting reads as a job title naming a role: an exact title or
    /// alias, or a role's core together with a rank word ("Discord Community Manager").
    pub fn is_title_line(&self, catalog: &Catalog, line: &str) -> bool {
        catalog.role_by_title(line).is_some()
            || (self.has_rank(line) && self.resolve(catalog, line) != TitleRoles::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Catalog, TitleResolver) {
        let catalog = Catalog::builtin().unwrap();
        let titles = TitleResolver::new(&catalog, &MatchingConfig::builtin().unwrap());
        (catalog, titles)
    }

    #[test]
    fn titles_inside_sentences_in_four_languages() {
        let (catalog, titles) = setup();
        let cases = [
            (
                "We're a boutique coffee roaster looking for a Community Manager (20h/week).",
                "Community Manager",
                "community-manager",
            ),
            (
                "Buscamos Community Manager para gestionar nuestras redes sociales",
                "Community Manager",
                "community-manager",
            ),
            (
                "Nous recherchons un·e Community Manager (H/F) pour animer notre communauté.",
                "Community Manager",
                "community-manager",
            ),
            (
                "Procuramos um(a) Social Media para cuidar das nossas redes.",
                "Social Media",
                "social-media-manager",
            ),
            (
                "Acme is hiring a Social Media Coordinator",
                "Social Media Coordinator",
                "social-media-manager",
            ),
            (
                "Estamos buscando un community manager que gestione la comunidad",
                "community manager",
                "community-manager",
            ),
        ];
        for (text, title, role) in cases {
            let found = titles.find_in(text);
            assert_eq!(found.as_deref(), Some(title), "{text}");
            assert_eq!(
                titles.resolve(&catalog, title),
                TitleRoles::One(role.to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_rank_before_the_core_names_the_role_in_a_sentence() {
        let (catalog, titles) = setup();
        let cases = [
            (
                "O analista de mídias sociais é o profissional responsável pelas redes da marca.",
                "analista de mídias sociais",
                "social-media-manager",
            ),
            (
                "A gestora da comunidade acolhe os novos membros no fórum.",
                "gestora da comunidade",
                "community-manager",
            ),
            (
                "Le chargé de communauté anime le forum et accueille les membres.",
                "chargé de communauté",
                "community-manager",
            ),
            (
                "El coordinador sénior de redes sociales planifica las publicaciones.",
                "coordinador sénior de redes sociales",
                "social-media-manager",
            ),
        ];
        for (text, title, role) in cases {
            assert_eq!(titles.find_in(text).as_deref(), Some(title), "{text}");
            assert_eq!(
                titles.resolve(&catalog, title),
                TitleRoles::One(role.to_owned()),
                "{text}"
            );
        }
        // A rank with other words between it and the core names no role: the rank is someone
        // else's ("the director of communication and social media").
        assert_no_title(
            &titles,
            &[
                "La responsable de comunicación y redes sociales supervisa el trabajo.",
                "Experiencia en redes sociales y en comunidades en línea.",
                // A rank inside a sentence is someone else's; an English verb is no rank.
                "Apoyar al responsable de comunidad en los eventos.",
                "Reportarás al director de redes sociales.",
                "Tu travailleras avec le responsable de la communauté.",
                "Você vai trabalhar com a gerente de redes sociais.",
                "Lead community events and meetups.",
                "You will lead the community team.",
            ],
        );
    }

    #[test]
    fn a_title_after_a_lead_in_names_a_role_or_has_a_rank() {
        let (catalog, titles) = setup();
        // Kept as the posting's title, naming no role: the duties decide.
        let t = titles.find_in("We are looking for a Marketing Coordinator to join us.");
        assert_eq!(t.as_deref(), Some("Marketing Coordinator"));
        assert_eq!(
            titles.resolve(&catalog, "Marketing Coordinator"),
            TitleRoles::None
        );
        // Neither: no title.
        assert_no_title(
            &titles,
            &[
                "We're looking for someone who loves coffee.",
                "Buscamos gente con ganas de aprender.",
            ],
        );
    }

    /// Each of `texts` holds no job title.
    fn assert_no_title(titles: &TitleResolver, texts: &[&str]) {
        for text in texts {
            assert_eq!(titles.find_in(text), None, "{text}");
        }
    }

    #[test]
    fn praise_before_a_capitalised_title_is_left_out_of_it() {
        let (_, titles) = setup();
        assert_eq!(
            titles
                .find_in("The county is seeking a skilled and innovative Social Media Program Specialist to lead our channels.")
                .as_deref(),
            Some("Social Media Program Specialist")
        );
        // A capital past a stop word or a sentence's end is no title after the lead-in.
        assert_no_title(
            &titles,
            &[
                "We are looking for someone to run our Instagram.",
                "We are looking for fun. Community matters to us.",
            ],
        );
    }

    #[test]
    fn a_title_in_quote_marks_after_a_lead_in_is_read_once() {
        // The capitalised word behind the quote mark was once looked for again at the same
        // place, without end (a stack overflow in training).
        let (_, titles) = setup();
        for text in [
            "We are looking for a “Social Media Coordinator” to join us.",
            "We are looking for a \"Social Media Coordinator\" to join us.",
            "We are looking for (Social Media Coordinator) help.",
        ] {
            assert_eq!(
                titles.find_in(text).as_deref(),
                Some("Social Media Coordinator"),
                "{text}"
            );
        }
        assert_no_title(
            &titles,
            &[
                "We are looking for “fun”.",
                "We are looking for a “Happiness Hero” to join us.",
                "We are looking for ¿Qué?",
            ],
        );
    }

    #[test]
    fn markers_are_cleaned_off_every_title() {
        let (catalog, titles) = setup();
        for written in [
            "Community Manager (20h/week)",
            "Community Manager (H/F)",
            "Community Manager (F/H)",
            "Community Manager (m/w/d)",
            "Community Manager (f/m/x)",
            "Community Manager H/F",
            "Community Manager (remote)",
            "Community Manager - Madrid",
            "Community Manager (part-time)",
            "Community Manager (freelance, 20 h/week)",
        ] {
            assert_eq!(titles.clean(written), "Community Manager", "{written}");
            assert_eq!(
                titles.short(&catalog, written),
                "Community Manager",
                "{written}"
            );
        }
        // What is no marker stays.
        assert_eq!(
            titles.clean("Community Manager - Social Media"),
            "Community Manager - Social Media"
        );
        assert_eq!(
            titles.clean("Community Manager (Web3)"),
            "Community Manager (Web3)"
        );
    }

    #[test]
    fn tidy_cuts_lead_ins_and_labels_off_a_title_line() {
        let (_, titles) = setup();
        let cases = [
            // A lead-in near the start, with what comes before it, in four languages.
            (
                "Acme recrute un.e chargé.e de communication",
                "chargé.e de communication",
            ),
            (
                "Buscamos a nuestro/a director/a de comunicación",
                "director/a de comunicación",
            ),
            (
                "We're hiring a Social Media Coordinator!",
                "Social Media Coordinator",
            ),
            ("Acme seeks Community Coordinator", "Community Coordinator"),
            (
                "Procuramos um(a) Social Media para a agência",
                "Social Media",
            ),
            (
                "Nous cherchons un Gestionnaire de communauté pour Lyon",
                "Gestionnaire de communauté",
            ),
            // An announcement or field label, then a colon or a dash.
            (
                "OFFRE D'EMPLOI : Chargé(e) de mission climat",
                "Chargé(e) de mission climat",
            ),
            (
                "Appel à candidatures : Chargé.e de campagne",
                "Chargé.e de campagne",
            ),
            (
                "Titre du poste : un(e) Chargé(e) de projet",
                "Chargé(e) de projet",
            ),
            (
                "Vaga – Analista de Redes Sociais",
                "Analista de Redes Sociais",
            ),
            (
                "Job title: Community Manager (H/F)",
                "Community Manager (H/F)",
            ),
            // A tag in brackets in front.
            ("[NEW ROLE]: Social Media Manager", "Social Media Manager"),
            ("[Remote] Position: Community Lead", "Community Lead"),
        ];
        for (line, want) in cases {
            assert_eq!(titles.tidy(line), want, "{line}");
        }
    }

    #[test]
    fn tidy_leaves_a_title_without_a_lead_in_alone() {
        let (_, titles) = setup();
        for line in [
            "Community Manager",
            "Chargé·e de communication – Festival",
            "Coordinateur.trice de programmes participatifs",
            "Key Role - Community Manager",
            // A lead-in deep in a long line is no lead-in of a title line.
            "Our small and friendly team of four people in Lyon is hiring a designer",
            // Nothing after the lead-in: the line stays.
            "Acme recrute",
        ] {
            assert_eq!(titles.tidy(line), line, "{line}");
        }
    }

    #[test]
    fn a_sentence_asking_for_someone_gives_its_duty() {
        let (_, t) = setup();
        for (sentence, duty) in [
            (
                "Buscamos Community Manager para gestionar nuestras redes sociales",
                "gestionar nuestras redes sociales",
            ),
            (
                "We're looking for a Social Media Lead to run our Instagram and TikTok",
                "run our Instagram and TikTok",
            ),
            (
                "Nous recherchons un·e community manager pour animer notre forum",
                "animer notre forum",
            ),
            (
                "We are looking for a Community Manager: you will welcome new members",
                "you will welcome new members",
            ),
        ] {
            assert_eq!(t.duty_after_lead_in(sentence), Some(duty), "{sentence}");
        }
        for sentence in [
            "Run our Instagram and TikTok",
            "We're looking for a Community Manager.",
            "Looking for trends to post about",
            "We're looking for someone to run our Instagram",
        ] {
            assert_eq!(t.duty_after_lead_in(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn inclusive_writing_is_one_word() {
        let (_, titles) = setup();
        for word in [
            "chargé.e",
            "un.e",
            "director/a",
            "coordinateur·trice",
            "Chargé(e)",
            "facilitateur.trice",
        ] {
            assert_eq!(titles.inclusive_len(word), word.len(), "{word}");
        }
        // A point that ends a sentence, a slash between two words, a bracket of something else.
        assert_eq!(titles.inclusive_len("chargé."), "chargé".len());
        assert_eq!(
            titles.inclusive_len("Specialist/Manager"),
            "Specialist".len()
        );
        assert_eq!(titles.inclusive_len("Manager(remote)"), "Manager".len());
        // After a lead-in, an inclusive title is not cut at its point.
        assert_eq!(
            titles.find_in("L'association recrute un.e coordinateur.trice de réseau."),
            Some("coordinateur.trice de réseau".to_owned())
        );
    }

    #[test]
    fn rank_words_through_inclusive_writing() {
        let (_, titles) = setup();
        assert!(titles.has_rank("Director/a de comunicación"));
        assert!(titles.has_rank("Marketing Coordinator"));
        assert!(!titles.has_rank("About us"));
        assert!(!titles.has_rank("Requisitos de admissão"));
    }

    #[test]
    fn a_rank_word_in_the_plural_is_a_rank_word() {
        let (catalog, titles) = setup();
        for title in [
            "MODERADORES",
            "Gestores de comunidad",
            "Coordinadores de redes sociales",
            "Diretores de comunidade",
            "Community Managers",
        ] {
            assert!(titles.has_rank(title), "{title}");
        }
        assert!(titles.is_title_line(&catalog, "Gestores de comunidad"));
        assert!(!titles.has_rank("Deberes y tareas"));
        // A rank word is a word, not a stem: the verb a rank is named after is no rank.
        for duty in [
            "Moderate the forum and welcome new members",
            "Manage our community forum",
            "Coordinate the meetups",
            "Direct the team",
        ] {
            assert!(!titles.has_rank(duty), "{duty}");
            assert!(!titles.is_title_line(&catalog, duty), "{duty}");
            assert_eq!(titles.find_in(duty), None, "{duty}");
        }
    }
}
