//! The matching configuration: synonyms, section headings and thresholds, read from
//! `data/matching.yaml` (embedded at build time). Nothing the matcher knows about words is
//! written in Rust, so a new role or a better word list is a YAML change.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::catalog::{builtin_data_file, builtin_matching};
use crate::error::InputError;
use crate::yaml;

/// Where the built-in matching configuration lives under `data/`.
pub const BUILTIN_PATH: &str = "matching.yaml";

/// Everything `data/matching.yaml` holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchingConfig {
    pub verdict: VerdictConfig,
    /// How the learned reader's answers are used.
    pub reader: ReaderConfig,
    pub scoring: ScoringConfig,
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Multipliers for words that appear in every role's postings.
    #[serde(default)]
    pub weak_words: BTreeMap<String, f64>,
    /// Groups of words read as their first word.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Phrases naming whom a duty is done with, left out of matching.
    #[serde(default)]
    pub collaborators: CollaboratorConfig,
    pub titles: TitleConfig,
    /// How a posting states the hours it offers ("20 h/week", "15 hours a week").
    #[serde(default)]
    pub hours_per_week: HoursConfig,
    /// How a posting states its pay and place of work (see `offer::facts`).
    #[serde(default)]
    pub facts: FactsConfig,
}

/// The words of the facts a posting states: currencies, pay periods, location labels.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsConfig {
    /// Currency code ("EUR") → how postings write it ("€", "euros").
    pub currencies: BTreeMap<String, Vec<String>>,
    /// Period (`hour`, `day`, `week`, `month`, `year`) → how postings write it ("/h", "mensais").
    pub periods: BTreeMap<String, Vec<String>>,
    /// Words that make a line with an amount of money about pay even without a period.
    #[serde(default)]
    pub pay_labels: Vec<String>,
    /// Words that make an amount of money something else than pay ("ad budget").
    #[serde(default)]
    pub not_pay: Vec<String>,
    /// What joins the ends of a range ("-", "to", "a").
    #[serde(default)]
    pub range_joiners: Vec<String>,
    /// Labels of a line giving the place of work ("Location: Madrid").
    #[serde(default)]
    pub place_labels: Vec<String>,
    /// Mode of work (`remote`, `hybrid`, `on-site`) → how postings write it.
    #[serde(default)]
    pub work_modes: BTreeMap<String, Vec<String>>,
    /// Working time (`part-time`, `full-time`) → how postings write it ("media jornada").
    #[serde(default)]
    pub schedules: BTreeMap<String, Vec<String>>,
    /// Words that may stand beside a schedule on a line that states only facts ("Part-time
    /// position", "Contrat : CDI à temps plein"): such a line is never a duty.
    #[serde(default)]
    pub schedule_companions: Vec<String>,
}

/// Thresholds on the learned models' probabilities (`data/reader/*.model`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReaderConfig {
    /// A line is a duty when the section model gives it at least this probability.
    pub duty_threshold: f64,
    /// A role a user catalog adds (no learned weights) takes a line when its best task's
    /// confidence is at least this, and above the learned model's probability.
    pub untrained_role_min_confidence: f64,
    /// A title that names no role through the catalog's aliases is read by the role model, and
    /// names the role it finds when the model gives it at least this probability.
    pub title_min_probability: f64,
    /// With no title line naming a role, a short first line that is no duty is the title when
    /// the section model gives the title class at least this probability.
    pub first_line_title_min: f64,
    /// A line given alone (one line of text, or a line typed as a duty) is read as no role's
    /// work only when the role model gives `neither` at least this probability.
    pub given_line_neither_min: f64,
    /// A duty line found in a posting is read as no role's work only from this probability
    /// of `neither` (the section model already judged it a duty).
    pub posting_line_neither_min: f64,
    /// The same, in a posting whose title names a role (or whose role was given): a job
    /// titled "Community Manager" has few duties that are no one's work, so `neither` must be
    /// surer to take one out of the verdict.
    pub titled_line_neither_min: f64,
    /// How much a posting's other duties weigh in reading one of its duty lines (0: not at
    /// all; 1: as much as the line's own words). See [`super::roles::PostingContext`].
    pub posting_context_weight: f64,
    /// A duty line whose most likely class alone has at least this probability keeps that
    /// class in its posting: the posting tips close calls, not lines that clearly say what
    /// they are ("Schedule our Instagram posts" amid community duties stays social media work).
    pub context_keeps_line_from: f64,
    /// The odds of `shared` (the work both roles share: metrics, user content, support) are
    /// multiplied by this before a line's class is chosen. The role model is learned with its
    /// classes weighed equally, yet calls the overlap too rarely (it is the class with the
    /// fewest lines, and its lines read like one role's or the other's); this evens out what
    /// each class gets right. See [`super::roles::RoleReader::with_shared_odds`].
    pub shared_odds: f64,
    /// A duty line found in a posting whose most likely class has less than this probability
    /// is left unread (no role's work as far as the reader can tell).
    pub posting_line_min_probability: f64,
    /// The language whatlang finds is taken when it is reliable or at least this sure;
    /// otherwise the text is read as English.
    pub language_min_confidence: f64,
    /// The words that join two duties listed on one line ("plan the calendar and reply to
    /// DMs"), in the four languages.
    pub joiners: Vec<String>,
    /// When a run of plain lines is read as a list that lost its bullets.
    pub bare_list: BareListConfig,
}

/// When a run of plain lines is a list that lost its bullets (copied from a web page), read
/// again as bullets. See [`super::sections::SectionReader::bare_list`].
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BareListConfig {
    /// The fewest lines of a run: two short lines in a row are as often a heading and its
    /// one line.
    pub min_lines: usize,
    /// A line of the run read as a heading from this probability stays a heading.
    pub heading_from: f64,
    /// The lines read again must be at least this share of the text's lines.
    pub min_share: f64,
}

/// The words of "N hours a week": a number, a unit, then a word for the week within a few
/// words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursConfig {
    pub units: Vec<String>,
    pub weeks: Vec<String>,
    /// Words for a day and for a month: hours a day count five days a week, hours a month
    /// the twelfth of a year's 52 weeks.
    #[serde(default)]
    pub days: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    /// More hours than this are no week's work ("500 hours a week of video uploaded").
    pub max: f64,
}

/// "With the marketing and PR teams": a phrase that names the colleagues a duty is done with
/// says nothing about whose work the duty is, so its words are left out of matching. A span
/// opens at one of `opens` and closes at one of `closes` at most `max_words` later.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollaboratorConfig {
    pub opens: Vec<String>,
    pub closes: Vec<String>,
    pub max_words: usize,
    /// Words right after an opener that make it no collaborator phrase ("with each other and
    /// the team" is about members, not colleagues).
    #[serde(default)]
    pub except: Vec<String>,
    /// Words that make a span about members, not colleagues ("with our volunteer mod team").
    #[serde(default)]
    pub members: Vec<String>,
}

/// When a side dominates, and when there is too little to judge.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictConfig {
    pub dominant_share: f64,
    pub min_counted_lines: usize,
    /// Fewer counted lines suffice when every one of them is the work the title names: the
    /// title is evidence too, and a line that agrees with it confirms it, while one line
    /// against it is too little to overrule it.
    pub min_lines_confirming_title: usize,
    /// The reply to the client names a duty's closest catalog task from this confidence of
    /// the match; below it, it says only whose work the duty is (a task named on a 7% match
    /// reads as a claim the duty does not make).
    pub named_task_min_confidence: f64,
}

/// The knobs of the similarity score (see `matcher`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringConfig {
    pub field_weights: FieldWeights,
    pub bigram_boost: f64,
    pub task_length_power: f64,
    pub full_confidence: f64,
    /// How much a letter sequence of a task's title and keywords counts beside a word of its
    /// title: what lets a line in Spanish, French or Portuguese meet its task.
    pub gram_weight: f64,
    /// How much a word no task uses weighs in a line's length, as a share of the rarest word's
    /// weight.
    pub unknown_word_weight: f64,
}

/// How much each part of a catalog entry counts.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldWeights {
    pub title: f64,
    pub keywords: f64,
    /// A task's keywords in other languages (`keywords_by_language`).
    pub keywords_by_language: f64,
    pub category_title: f64,
    pub why: f64,
    pub category_summary: f64,
}

/// How titles are found and read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleConfig {
    pub prefixes: Vec<String>,
    /// Words naming a rank ("manager", "lead"): a title line needs one.
    pub rank_words: Vec<String>,
    /// Seniority, contract and small words: like rank words, not part of an alias's core.
    pub filler_words: Vec<String>,
    /// What separates a title from the company or place on its line ("Community Manager –
    /// Acme (Madrid)"), written with spaces around it in the text.
    #[serde(default)]
    pub separators: Vec<String>,
    /// Phrases that introduce a title inside a sentence ("looking for", "buscamos"): the title
    /// is the words after one, up to a stop.
    #[serde(default)]
    pub lead_ins: Vec<String>,
    /// Words after a lead-in that are not part of the title ("a", "un·e", "um(a)").
    #[serde(default)]
    pub articles: Vec<String>,
    /// Words that end a title found after a lead-in ("for", "para", "pour", "who").
    #[serde(default)]
    pub stops: Vec<String>,
    /// Words that may stand inside a capitalised title without ending it ("Head of
    /// Community").
    #[serde(default)]
    pub inner_words: Vec<String>,
    /// Markers cleaned off every title ("H/F", "m/w/d", "remote", "part-time"), alone or in
    /// brackets; a bracket of hours ("(20h/week)") goes too.
    #[serde(default)]
    pub markers: Vec<String>,
    /// Endings of inclusive writing after a ".", "·", "/", "-" or "(" ("chargé.e",
    /// "director/a", "coordinateur·trice", "un(e)"): the word is read whole, as its base.
    #[serde(default)]
    pub inclusive_endings: Vec<String>,
}

impl MatchingConfig {
    /// The configuration embedded from `data/matching.yaml`: read from the tree the build
    /// script laid it out in (its YAML's parse was a tenth of reading a short posting), or,
    /// should that fail, from its YAML, whose errors have positions.
    pub fn builtin() -> Result<MatchingConfig, InputError> {
        let origin = format!("<built-in>/{BUILTIN_PATH}");
        if let Ok(config) = builtin_matching::<MatchingConfig>() {
            return MatchingConfig::checked(&origin, config);
        }
        let text = builtin_data_file(BUILTIN_PATH)
            .ok_or_else(|| InputError::new(&origin, None, "is missing from this build"))?;
        MatchingConfig::parse(&origin, text)
    }

    /// The word lists a [`Normalizer`](super::normalize::Normalizer) is made from.
    pub fn word_lists(&self) -> super::normalize::WordLists<'_> {
        let c = &self.collaborators;
        super::normalize::WordLists {
            synonyms: &self.synonyms,
            stopwords: &self.stopwords,
            weak_words: &self.weak_words,
            collaborator_opens: &c.opens,
            collaborator_closes: &c.closes,
            collaborator_max_words: c.max_words,
            collaborator_except: &c.except,
            collaborator_members: &c.members,
        }
    }

    /// Parses a matching configuration (for tests and experiments with other word lists).
    pub fn parse(origin: &str, text: &str) -> Result<MatchingConfig, InputError> {
        MatchingConfig::checked(origin, yaml::parse(origin, text)?)
    }

    /// `config`, if its values are in range.
    fn checked(origin: &str, config: MatchingConfig) -> Result<MatchingConfig, InputError> {
        let v = config.verdict;
        if !(v.dominant_share > 0.5 && v.dominant_share <= 1.0) {
            return Err(InputError::new(
                origin,
                None,
                format!(
                    "verdict.dominant_share is {}; expected a share above 0.5 and at most 1",
                    v.dominant_share
                ),
            ));
        }
        let m = v.named_task_min_confidence;
        if !(0.0..=1.0).contains(&m) {
            return Err(InputError::new(
                origin,
                None,
                format!(
                    "verdict.named_task_min_confidence is {m}; expected a confidence from 0 to 1"
                ),
            ));
        }
        let w = config.reader.posting_context_weight;
        if !(w.is_finite() && w >= 0.0) {
            return Err(InputError::new(
                origin,
                None,
                format!("reader.posting_context_weight is {w}; expected a weight of 0 or more"),
            ));
        }
        let keep = config.reader.context_keeps_line_from;
        if !(keep > 0.0 && keep <= 1.0) {
            return Err(InputError::new(
                origin,
                None,
                format!(
                    "reader.context_keeps_line_from is {keep}; expected a probability above 0 and at most 1"
                ),
            ));
        }
        let bare = config.reader.bare_list;
        let out_of_range = if bare.min_lines < 2 {
            Some(format!(
                "reader.bare_list.min_lines is {}; expected 2 or more",
                bare.min_lines
            ))
        } else if !(bare.heading_from > 0.0 && bare.heading_from <= 1.0) {
            Some(format!(
                "reader.bare_list.heading_from is {}; expected a probability above 0 and at most 1",
                bare.heading_from
            ))
        } else if !(0.0..=1.0).contains(&bare.min_share) {
            Some(format!(
                "reader.bare_list.min_share is {}; expected a share from 0 to 1",
                bare.min_share
            ))
        } else {
            None
        };
        if let Some(message) = out_of_range {
            return Err(InputError::new(origin, None, message));
        }
        let k = config.reader.shared_odds;
        if !(k.is_finite() && k > 0.0) {
            return Err(InputError::new(
                origin,
                None,
                format!("reader.shared_odds is {k}; expected a factor above 0"),
            ));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A setting out of range is refused with its name and value, never taken silently.
    #[test]
    fn a_setting_out_of_range_is_refused_with_its_name() {
        let text = builtin_data_file(BUILTIN_PATH).unwrap();
        for (from, to, message) in [
            (
                "posting_context_weight: 2.0",
                "posting_context_weight: -1",
                "reader.posting_context_weight is -1",
            ),
            (
                "shared_odds: 1.5",
                "shared_odds: 0",
                "reader.shared_odds is 0",
            ),
            (
                "shared_odds: 1.5",
                "shared_odds: -1",
                "reader.shared_odds is -1",
            ),
            (
                "shared_odds: 1.5",
                "shared_odds: .inf",
                "reader.shared_odds is inf",
            ),
            (
                "context_keeps_line_from: 0.6",
                "context_keeps_line_from: 1.5",
                "reader.context_keeps_line_from is 1.5",
            ),
            (
                "min_lines: 3",
                "min_lines: 1",
                "reader.bare_list.min_lines is 1",
            ),
            (
                "heading_from: 0.5",
                "heading_from: 0",
                "reader.bare_list.heading_from is 0",
            ),
            (
                "min_share: 0.5",
                "min_share: 1.5",
                "reader.bare_list.min_share is 1.5",
            ),
            (
                "named_task_min_confidence: 0.15",
                "named_task_min_confidence: 1.5",
                "verdict.named_task_min_confidence is 1.5",
            ),
            (
                "named_task_min_confidence: 0.15",
                "named_task_min_confidence: .nan",
                "verdict.named_task_min_confidence is NaN",
            ),
        ] {
            assert!(text.contains(from), "{from}");
            let err = MatchingConfig::parse("matching.yaml", &text.replace(from, to)).unwrap_err();
            assert!(err.to_string().contains(message), "{err}");
        }
    }

    /// The built-in settings are read from the build script's tree, not their YAML, and read
    /// the same.
    #[test]
    fn the_built_in_settings_read_from_the_tree_as_from_their_yaml() {
        let text = builtin_data_file(BUILTIN_PATH).unwrap();
        let from_yaml = MatchingConfig::parse("matching.yaml", text).unwrap();
        let from_tree = builtin_matching::<MatchingConfig>().unwrap();
        assert_eq!(format!("{from_tree:?}"), format!("{from_yaml:?}"));
    }
}
