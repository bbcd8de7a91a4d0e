//! Reading a job offer or posting written in plain text: which lines are duties, whose work
//! each is and its closest catalog task, which role the title names, and whether the duties fit
//! it.
//!
//! Pure and offline, for every front end: [`Reader::read`] turns text into an [`Offer`] (per
//! duty: its reading by the learned role model, with probability and evidence, and its closest
//! task); [`judge`] turns an offer into a verdict, shares and the same [`Analysis`] `check`
//! gives, through an in-memory plan of one person. A front end that lets the user correct a
//! mapping (pick another task from [`Reader::candidates`], or drop the line) edits
//! [`Offer::lines`] and calls [`judge`] again.
//!
//! The steps, each measurable on its own:
//! - [`extract`]: lines out of a messy paste (HTML, bullets, wraps, sentences), the title line
//!   and the hours;
//! - [`sections`]: which lines are duties (the learned section model, two passes), and the
//!   duties a line lists;
//! - [`roles`]: whose work a duty is (the learned role model), with the words that decided it;
//! - [`matcher`]: the closest task of that role, by words, phrases and letter sequences;
//! - [`facts`]: pay and place; [`title`]: which role a title names; [`language`]: which of the
//!   four languages the text is in;
//! - [`verdict`]: `fits-title`, `mostly-<role>`, `hybrid`, `unclear`;
//! - [`features`], [`model`], [`training`]: what the models see, the models themselves, and how
//!   they are learned from `corpus/`;
//! - [`config`]: `data/matching.yaml`, where every threshold and word list lives.

pub mod config;
pub mod extract;
pub mod facts;
pub mod feature_hash;
pub mod features;
pub mod language;
pub mod letters;
pub mod matcher;
pub mod model;
pub mod names;
pub mod normalize;
mod parallel;
pub mod roles;
pub mod sections;
pub mod term_index;
pub mod title;
pub mod training;
pub mod verdict;

#[cfg(test)]
mod tests;

use crate::analysis::{Analysis, analyze};
use crate::catalog::{Catalog, SHARED};
use crate::error::InputError;
use crate::plan::{Assignment, Person, Plan, RoleSpec};

pub use config::MatchingConfig;
pub use extract::{Extracted, Extractor};
pub use facts::{Facts, Pay, Period, Schedule};
pub use features::Stems;
pub use language::{Language, LanguageSource};
pub use matcher::{Matcher, Scored};
pub use roles::{Reading, RoleReader};
pub use sections::SectionReader;
pub use title::{TitleResolver, TitleRoles};
pub use verdict::{Tally, Verdict};

/// A duty line's catalog task and how sure the match is.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub task: String,
    /// 0..1.
    pub confidence: f64,
}

/// One duty of a posting and what it was mapped to (`None`: work of no role, no task close
/// enough, or dropped by the user).
#[derive(Debug, Clone, PartialEq)]
pub struct DutyLine {
    pub text: String,
    /// The line of the posting the duty was read from: the same as `text`, or the whole line
    /// when it listed several duties.
    pub source_text: String,
    pub mapping: Option<Mapping>,
    /// How much the duty counts in the verdict: 1 (each duty split from a line counts as one).
    pub weight: f64,
    /// Whose work the reader found it to be, and why.
    pub reading: Option<LineReading>,
}

/// Whose work a duty line is, as the reader decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineReading {
    /// A role id, `shared`, or `neither` (work of no role).
    pub class: String,
    /// How sure: the model's probability, or the task match's confidence.
    pub probability: f64,
    /// The words of the line that decided it, strongest first.
    pub evidence: Vec<String>,
    pub by: Reading,
}

impl LineReading {
    /// How sure the reader is and why, as a reply or a review says it: "94% by “comments”,
    /// “Instagram”", "67% by “edit” and the rest of the posting", "40% by its tasks' words
    /// “onboarding”".
    pub fn because(&self) -> String {
        let words: Vec<String> = self.evidence.iter().map(|w| format!("“{w}”")).collect();
        let by = match self.by {
            Reading::Model if words.is_empty() => String::new(),
            Reading::Model => format!(" by {}", words.join(", ")),
            Reading::ModelInPosting if words.is_empty() => " by the rest of the posting".to_owned(),
            Reading::ModelInPosting => {
                format!(" by {} and the rest of the posting", words.join(", "))
            }
            Reading::ModelInLine if words.is_empty() => " by the rest of its line".to_owned(),
            Reading::ModelInLine => format!(" by {} and the rest of its line", words.join(", ")),
            Reading::Tasks => format!(" by its tasks' words {}", words.join(", ")),
        };
        format!("{:.0}%{by}", self.probability * 100.0)
    }
}

/// Where the role a posting is judged against came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleSource {
    /// `--role`.
    Given,
    /// `--title`, or the title line of the text.
    Title,
    /// The title names no role: the posting is judged against the role its duties fit best.
    Duties,
}

impl RoleSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleSource::Given => "given",
            RoleSource::Title => "title",
            RoleSource::Duties => "duties",
        }
    }
}

/// How the title was read into a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleReading {
    /// The role was given (`--role`).
    Given,
    /// The title is, or holds, a role's name or alias from the catalogs.
    Alias,
    /// The title's words were read by the role model, as a duty line is ("Discord Moderator").
    Words,
}

impl TitleReading {
    pub fn as_str(self) -> &'static str {
        match self {
            TitleReading::Given => "given",
            TitleReading::Alias => "alias",
            TitleReading::Words => "words",
        }
    }
}

/// What the user says about the role and the text, strongest first.
#[derive(Debug, Clone, Default)]
pub struct RoleHint {
    /// A role id (`--role`); the caller checks it exists.
    pub role: Option<String>,
    /// A job title (`--title`).
    pub title: Option<String>,
    /// The posting's language (`--lang`), instead of detecting it.
    pub language: Option<Language>,
    /// Every line is a duty the user gave (typed one at a time), whatever the section model
    /// would say; only a line naming a role by the catalog's names is taken for the title.
    pub lines_are_duties: bool,
}

/// A posting read into duty lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// The job title (given, or found in the text).
    pub title: Option<String>,
    /// The role(s) the title names; `None` when it names none, or there is no title.
    pub role: Option<RoleSpec>,
    pub role_source: RoleSource,
    /// How the title gave the role; `None` when no role came from it.
    pub title_reading: Option<TitleReading>,
    pub language: Language,
    pub language_source: LanguageSource,
    pub lines: Vec<DutyLine>,
    /// Lines that were not taken as duties.
    pub ignored: Vec<String>,
    /// The hours a week the posting offers, when it says: the offered role's capacity.
    pub hours_per_week: Option<f64>,
    /// The pay the posting offers, from the first line that states it ("25 EUR/hour").
    pub pay: Option<Pay>,
    /// Where the work is, from the first line that says: a "Location: X" value as written,
    /// or a mode of work (`remote`, `hybrid`, `on-site`).
    pub place: Option<String>,
    /// Part-time or full-time, from the first line that is no duty and names one (the title,
    /// a facts line, the blurb): a duty such as "train our part-time moderators" says nothing
    /// of the job's own hours. Part-time with no hours stated leaves `hours_per_week` empty.
    pub schedule: Option<Schedule>,
}

/// The catalog prepared for reading postings: the learned section and role models, the task
/// matcher (the closest task of the role a line was read as), titles and facts.
#[derive(Debug, Clone)]
pub struct Reader {
    pub config: MatchingConfig,
    /// Built on first use ([`Reader::matcher`]): from the index the build script made when
    /// the catalog is the built-in one, else by indexing the catalog's tasks, most of a
    /// reader's start-up; [`Reader::read`] builds it on a second thread while it reads the
    /// posting's lines and sections, which need no matcher.
    matcher: std::sync::OnceLock<Matcher>,
    titles: TitleResolver,
    extractor: Extractor,
    sections: SectionReader,
    roles: RoleReader,
    /// Per owner slot (each role, then shared): the task a line of that owner maps to when no
    /// task's words are close (a line in Spanish, say): the owner's most typical task by the
    /// role model.
    /// Worked out on first use: few lines share no word with any task of their role.
    typical: std::sync::OnceLock<Vec<Option<usize>>>,
    /// The catalog has a role the role model has no weights for (a user catalog's).
    untrained_roles: bool,
    /// Pay, place and working time: its phrase lists are made on first use, on a first
    /// read's side thread while the lines are laid out (1.7 M instructions).
    facts: std::sync::OnceLock<Facts>,
}

/// The three learned models a reader reads with.
#[derive(Debug, Clone)]
pub struct LearnedModels {
    /// The section model's first pass.
    pub sections_first: model::LinearModel,
    /// The section model's second pass, which also sees how the first read the lines around.
    pub sections: model::LinearModel,
    /// The role model: whose work a duty line is.
    pub roles: model::LinearModel,
}

/// A duty as the reader reads it: the posting line it is from, the duty's text, its tokens
/// (the line's own when the duty is the whole line), and the role model's reading of it alone,
/// which its reading in the posting starts from.
struct Duty<'a> {
    source: &'a str,
    text: String,
    tokens: std::borrow::Cow<'a, [features::Token]>,
    alone: roles::RoleLine,
}

/// What becomes of a laid-out line: no duty (its text kept among the ignored lines), or the
/// duties it lists.
enum LineFate<'a> {
    Ignored,
    Duties(Vec<Duty<'a>>),
}

/// A posting laid out for its lines' fates: its lines, their tokens, each one's probability of
/// being a duty line, the stemmer of its language, and the line taken for its title.
struct LaidPosting {
    laid: Vec<sections::LaidLine>,
    tokens: Vec<Vec<features::Token>>,
    p: Vec<f64>,
    stems: Stems,
    title_line: Option<String>,
}

/// A posting's duties, to be read in their posting's context (each duty's `contexts`, empty
/// when there is none).
struct DutiesToRead<'a> {
    duties: Vec<Duty<'a>>,
    contexts: Vec<Vec<f64>>,
    given: bool,
    neither_min: f64,
}

/// What a read's caller and helper share: the side tasks, and the two stages of the
/// posting's lines (`'x`: the laid-out posting the stages read from).
#[derive(Default)]
struct Shared<'x> {
    crew: parallel::Crew,
    language: parallel::Aside<(Language, LanguageSource)>,
    facts: parallel::Aside<()>,
    extracted: parallel::Aside<extract::Extracted>,
    matcher: parallel::Aside<()>,
    stated: parallel::Aside<(Option<Pay>, Option<String>)>,
    fates: parallel::Stage<&'x LaidPosting, LineFate<'x>>,
    duties: parallel::Stage<DutiesToRead<'x>, DutyLine>,
}

/// Room for the posting a read lays out, where the read's helper finds it: made before the
/// [`EarlyRead`] whose stages read from it.
#[derive(Default)]
pub struct Layout(std::sync::OnceLock<LaidPosting>);

/// What an early read waits for: the reader, its catalog, the text and the hint.
struct ReadInputs<'x> {
    reader: &'x Reader,
    catalog: &'x Catalog,
    text: &'x str,
    hint: &'x RoleHint,
}

/// A read whose helper thread is started before the reader, the catalog and the text are
/// ready: a command that reads one posting starts it first thing, while the machine's second
/// core is most likely still awake from starting the process ([`parallel`] says why that
/// matters). The helper waits for the read awake ([`EarlyRead::help`]), then helps as
/// [`Reader::read`]'s own helper does.
#[derive(Default)]
pub struct EarlyRead<'x> {
    inputs: std::sync::OnceLock<ReadInputs<'x>>,
    shared: Shared<'x>,
}

impl<'x> EarlyRead<'x> {
    /// On the helper thread: waits for the read, then helps with it. Returns once the read is
    /// done, or at once when the caller is done without reading.
    fn help(&self) {
        let crew = &self.shared.crew;
        crew.wait_until(|| self.inputs.get().is_some() || crew.caller_done());
        if let Some(r) = self.inputs.get() {
            r.reader.help(r.catalog, r.text, r.hint, &self.shared);
        }
    }

    /// `caller` on this thread, which loads what the read needs and calls [`Self::read`],
    /// and [`Self::help`] on a second one when `wanted`; the helper stops waiting as soon as
    /// `caller` returns, read or not ([`parallel::with_helper`]).
    pub fn with_helper<R>(&self, wanted: bool, caller: impl FnOnce() -> R) -> R {
        parallel::with_helper(&self.shared.crew, wanted, || self.help(), caller)
    }

    /// On the caller: [`Reader::read`] of `text`, with the helper started beforehand.
    pub fn read(
        &self,
        layout: &'x Layout,
        reader: &'x Reader,
        catalog: &'x Catalog,
        text: &'x str,
        hint: &'x RoleHint,
    ) -> Offer {
        let first = self.inputs.set(ReadInputs {
            reader,
            catalog,
            text,
            hint,
        });
        debug_assert!(first.is_ok(), "an early read reads once");
        self.shared.crew.wake();
        reader.read_lines(catalog, text, hint, &layout.0, &self.shared)
    }
}

/// Where the learned models live under `data/`.
pub const SECTIONS_MODEL: &str = "reader/sections.model";
pub const SECTIONS_FIRST_MODEL: &str = "reader/sections-first.model";
pub const ROLES_MODEL: &str = "reader/roles.model";

/// The most words the head of a ranked line below the first can have to be taken for the
/// title ("Social Media & Marketing Officer"): past it, the line is a sentence that holds a
/// rank word, not a title.
const HEAD_WORDS: usize = 8;

fn builtin_model(path: &str) -> Result<model::LinearModel, InputError> {
    let origin = format!("<built-in>/{path}");
    let bytes = crate::catalog::builtin_model_bytes(path)
        .ok_or_else(|| InputError::new(&origin, None, "is missing from this build"))?;
    model::LinearModel::from_compact(bytes).map_err(|e| {
        InputError::new(
            &origin,
            None,
            format!("byte {}: {} (build rolescope again)", e.line, e.message),
        )
    })
}

impl Reader {
    pub fn new(catalog: &Catalog, config: MatchingConfig) -> Result<Reader, InputError> {
        // The models are read in place from the bytes the binary embeds: nothing to wait
        // for. Indexing the catalog's tasks is left for the first read.
        let models = LearnedModels {
            sections_first: builtin_model(SECTIONS_FIRST_MODEL)?,
            sections: builtin_model(SECTIONS_MODEL)?,
            roles: builtin_model(ROLES_MODEL)?,
        };
        Reader::with_models(catalog, config, models)
    }

    /// A reader with models other than the built-in ones: what the end-to-end
    /// cross-validation reads held-out postings with (`examples/reader_cv.rs`).
    pub fn with_models(
        catalog: &Catalog,
        config: MatchingConfig,
        models: LearnedModels,
    ) -> Result<Reader, InputError> {
        let LearnedModels {
            sections_first: first,
            sections: second,
            roles,
        } = models;
        let sections = SectionReader::new(
            first,
            second,
            config.reader.duty_threshold,
            config.reader.first_line_title_min,
            &config.reader.joiners,
            config.reader.bare_list,
        )
        .map_err(|e| InputError::new(format!("<built-in>/{SECTIONS_MODEL}"), None, e.message))?;
        let roles =
            RoleReader::new(roles, &config.stopwords).with_shared_odds(config.reader.shared_odds);
        let untrained_roles = catalog.roles().iter().any(|r| !roles.knows(&r.id));
        Ok(Reader {
            matcher: std::sync::OnceLock::new(),
            titles: TitleResolver::new(catalog, &config),
            extractor: Extractor::new(&config),
            sections,
            roles,
            typical: std::sync::OnceLock::new(),
            untrained_roles,
            facts: std::sync::OnceLock::new(),
            config,
        })
    }

    /// Reads `text`: finds the title and the duty lines, and reads each duty's role and task.
    ///
    /// A first read (or a long posting's) starts one helper thread at once ([`parallel`]).
    /// Meanwhile it does what the lines' reading does not wait for at once: the language
    /// (wanted once the lines are laid out), the facts' phrase lists, the extractor's title and
    /// hours, then the catalog's matcher (needed only once the duties are found), then the pay
    /// and the place; then it helps with each line's fate and each duty's reading. Whatever it
    /// has not begun when the reading needs it, the reading does itself.
    pub fn read(&self, catalog: &Catalog, text: &str, hint: &RoleHint) -> Offer {
        let layout = Layout::default();
        let shared = Shared::default();
        // A helper is some 0.2 ms to start: worth it for a first read's side tasks and for a
        // long posting's lines, not for a short text once the reader is warm.
        let wanted = self.matcher.get().is_none()
            || memchr::memchr_iter(b'\n', text.as_bytes()).count() >= parallel::PARALLEL_FROM;
        parallel::with_helper(
            &shared.crew,
            wanted,
            || self.help(catalog, text, hint, &shared),
            || self.read_lines(catalog, text, hint, &layout.0, &shared),
        )
    }

    /// The helper's part of a read: the side tasks in the order the reading needs them, then
    /// its share of the lines' fates and the duties' readings.
    fn help(&self, catalog: &Catalog, text: &str, hint: &RoleHint, shared: &Shared<'_>) {
        shared
            .language
            .make(&shared.crew, || self.language_of(text, hint));
        shared.facts.make(&shared.crew, || {
            self.facts();
        });
        shared
            .extracted
            .make(&shared.crew, || self.extract(catalog, text));
        shared.matcher.make(&shared.crew, || {
            self.matcher(catalog);
        });
        shared.stated.make(&shared.crew, || self.stated(text));
        shared
            .fates
            .help(&shared.crew, |posting, i| self.line_fate(posting, i));
        shared
            .duties
            .help(&shared.crew, |duties, i| self.duty_line(catalog, duties, i));
    }

    /// The extractor's reading of `text`: a title line found by the catalog's names, and the
    /// hours.
    fn extract(&self, catalog: &Catalog, text: &str) -> extract::Extracted {
        let is_title = |line: &str| self.titles.is_title_line(catalog, line);
        self.extractor.extract(text, &is_title)
    }

    /// The language to read `text` in: the one given, or the one it is written in.
    fn language_of(&self, text: &str, hint: &RoleHint) -> (Language, LanguageSource) {
        match hint.language {
            Some(l) => (l, LanguageSource::Given),
            None => language::detect(text, self.config.reader.language_min_confidence),
        }
    }

    /// The pay and the place of work `text` states.
    fn stated(&self, text: &str) -> (Option<Pay>, Option<String>) {
        (
            self.facts().first(text, Facts::pay_in),
            self.facts().first(text, Facts::place_in),
        )
    }

    /// [`Self::read`] on the caller's thread: the posting laid out into `posting`, where the
    /// helper finds it; the side tasks and the two stages of lines through `shared`.
    fn read_lines<'x>(
        &self,
        catalog: &Catalog,
        text: &str,
        hint: &RoleHint,
        posting: &'x std::sync::OnceLock<LaidPosting>,
        shared: &Shared<'x>,
    ) -> Offer {
        let crew = &shared.crew;
        let laid = sections::lay_out(text);
        let &(language, language_source) =
            shared.language.get(crew, || self.language_of(text, hint));
        let stems = Stems::new(language);
        let tokens = sections::tokens_of(&stems, &laid);
        let (mut p, first_is_title) = self.sections.duty_probabilities(language, &laid, &tokens);
        // The extractor still finds a title line by the catalog's names and the hours; the
        // learned section model decides which lines are duties, and takes a first line it
        // reads as a title ("Discord Moderator") when no line names a role.
        let extracted = shared.extracted.get(crew, || self.extract(catalog, text));
        let from_layout = !hint.lines_are_duties && laid.len() > 1;
        let title_line = extracted
            .title
            .clone()
            .or_else(|| {
                (from_layout && first_is_title && !laid[0].sentence).then(|| laid[0].text.clone())
            })
            .or_else(|| {
                from_layout
                    .then(|| self.ranked_title_line(&laid, &p))
                    .flatten()
            });
        let ranked_head = from_layout
            .then(|| self.ranked_head_line(&laid, &p))
            .flatten();
        let (title_line, found_title) =
            self.choose_title(catalog, &stems, hint, text, title_line, ranked_head);
        let title = hint
            .title
            .clone()
            .or_else(|| found_title.as_ref().map(|t| self.titles.short(catalog, t)));
        let (role, role_source, title_reading) =
            self.title_role(catalog, &stems, hint, title.as_deref());

        // A text of one line is what the user wants read: a duty, unless it is the title.
        let given = hint.lines_are_duties
            || (laid.len() == 1 && (hint.role.is_some() || extracted.title.is_none()));
        if given {
            p.fill(1.0);
        }
        // Each line's fate and its duties, each duty read alone: every line on its own, so
        // shared with the helper for a long posting.
        let laid_posting = posting.get_or_init(|| LaidPosting {
            laid,
            tokens,
            p,
            stems,
            title_line,
        });
        shared.facts.get(crew, || {
            self.facts();
        });
        let fates = shared
            .fates
            .run(crew, laid_posting, laid_posting.laid.len(), |posting, i| {
                self.line_fate(posting, i)
            });
        let (duties, ignored, schedule) = self.sort_fates(&laid_posting.laid, fates);
        // A line given alone that lists several duties is their context, as a posting is its
        // duties' ("plan the calendar, write captions and reply to DMs"); lines typed one at a
        // time (the import) are each read alone.
        let contexts = if hint.lines_are_duties && laid_posting.laid.len() > 1 {
            Vec::new()
        } else {
            self.posting_contexts(&duties)
        };
        let titled = matches!(
            title_reading,
            Some(TitleReading::Alias | TitleReading::Given | TitleReading::Words)
        );
        shared.matcher.get(crew, || {
            self.matcher(catalog);
        });
        let n = duties.len();
        let input = DutiesToRead {
            duties,
            contexts,
            given,
            neither_min: self.neither_min(given, titled),
        };
        let lines = shared.duties.run(crew, input, n, |duties, i| {
            self.duty_line(catalog, duties, i)
        });
        let (pay, place) = shared.stated.get(crew, || self.stated(text)).clone();
        Offer {
            title,
            role,
            role_source,
            title_reading,
            language,
            language_source,
            lines,
            ignored,
            hours_per_week: extracted.hours_per_week,
            pay,
            place,
            schedule,
        }
    }

    /// The duties of a posting's lines, in order; the lines ignored; and the first working
    /// time an ignored line states.
    fn sort_fates<'a>(
        &self,
        laid: &[sections::LaidLine],
        fates: Vec<LineFate<'a>>,
    ) -> (Vec<Duty<'a>>, Vec<String>, Option<Schedule>) {
        let mut ignored = Vec::new();
        let mut duties = Vec::new();
        let mut schedule = None;
        for (line, fate) in laid.iter().zip(fates) {
            match fate {
                LineFate::Ignored => {
                    if schedule.is_none() {
                        schedule = self.facts().schedule_in(&line.text);
                    }
                    ignored.push(line.text.clone());
                }
                LineFate::Duties(mut some) => duties.append(&mut some),
            }
        }
        (duties, ignored, schedule)
    }

    /// What becomes of laid-out line `i`: ignored, or its duties, each read alone.
    fn line_fate<'a>(&self, posting: &'a LaidPosting, i: usize) -> LineFate<'a> {
        let LaidPosting {
            laid,
            tokens,
            p,
            stems,
            title_line,
        } = posting;
        let line = &laid[i];
        let is_title_line = laid.len() > 1 && title_line.as_deref() == Some(line.text.as_str());
        // Pay and place are facts of the offer, never duties, whatever the model says; nor
        // is a short unbulleted line that ends in a comma, the shape of a greeting or a
        // sign-off in any language ("Hi Sam,", "Com os melhores cumprimentos,").
        let salutation = !line.marked
            && line.text.trim_end().ends_with(',')
            && line.text.split_whitespace().count() <= 5;
        if p[i] < self.sections.threshold
            || is_title_line
            || salutation
            || self.facts().is_fact_line(&line.text)
        {
            return LineFate::Ignored;
        }
        let duties = self
            .sections
            .split(stems, &line.text)
            .into_iter()
            .map(|duty| {
                // "Buscamos Community Manager para gestionar …": the duty is what they
                // want done.
                let text = match self.titles.duty_after_lead_in(&duty) {
                    Some(rest) => rest.to_owned(),
                    None => duty,
                };
                // A line of one duty is read by the tokens the section model read it by.
                let tokens = if text == line.text {
                    std::borrow::Cow::Borrowed(tokens[i].as_slice())
                } else {
                    std::borrow::Cow::Owned(stems.tokens(&text))
                };
                let alone = self.roles.line(&tokens);
                Duty {
                    source: line.source_text.as_str(),
                    text,
                    tokens,
                    alone,
                }
            })
            .collect();
        LineFate::Duties(duties)
    }

    /// The posting's title line and its title, tidied: the title-shaped `line` found, else a
    /// title inside a sentence, else `ranked_head` (the line is then `None`, as when there is
    /// no title). A line that is no job title (no rank word, and it names neither role by the
    /// catalog's names or its words) gives way to a title the text says it is hiring for, after
    /// a lead-in ("Acme is looking for an experienced Community Manager"), or else to
    /// `ranked_head`, a ranked line just below it ("Chat Moderation Specialist:
    /// Responsibilities, Job Description, Salary"): a paste often opens with a heading, a
    /// site's name or a menu left in the copy ("Job description", "JobDescription.org",
    /// "Eastern Cape"). A line read as a role by its words alone, with no rank word (an
    /// e-mail's subject, "Propuesta de colaboración"; a menu, "Home"), gives way to a hired
    /// title that names a role by the catalog's names ("Buscamos una community manager
    /// para…"), or else to `ranked_head`. A role the
    /// text only mentions ("report to our Social Media Manager") never replaces a line, nor
    /// does anything replace a `--title`; a `--role` changes nothing here. (In the end-to-end
    /// cross-validation, `reader_cv`, on the audited labels of session 18: verdicts 282 → 283
    /// of 457, of postings titled as a role 257 → 258 of 335. Taking a role the text mentions
    /// too gave 287 and 261, but turned "Developer Advocate" or "Software Engineer" titles into
    /// the manager they report to. Session 19: the ranked line below, 286 → 291 and 261 → 265;
    /// the hired title over a line read by its words, titles found right 308 → 310 of 457,
    /// verdicts the same.)
    fn choose_title(
        &self,
        catalog: &Catalog,
        stems: &Stems,
        hint: &RoleHint,
        text: &str,
        line: Option<String>,
        ranked_head: Option<String>,
    ) -> (Option<String>, Option<String>) {
        let Some(line) = line else {
            return (None, self.titles.find_in(text).or(ranked_head));
        };
        let title = self.titles.tidy(&line);
        if hint.title.is_some() || self.titles.has_rank(&title) {
            return (Some(line), Some(title));
        }
        let names_a_role = |t: &str| {
            self.titles.resolve(catalog, &self.titles.short(catalog, t)) != TitleRoles::None
        };
        // Read without `--role`: the role given says whose work is asked about, not which line
        // is the title.
        let unhinted = RoleHint {
            role: None,
            ..hint.clone()
        };
        let read_as_a_role = || {
            let short = self.titles.short(catalog, &title);
            self.title_role(catalog, stems, &unhinted, Some(&short))
                .0
                .is_some()
        };
        let replacement = if !read_as_a_role() {
            self.titles.after_lead_in(text).or(ranked_head)
        } else if !names_a_role(&title) {
            // Read as a role by its words alone ("Propuesta de colaboración", an e-mail's
            // subject; "Home", a menu), it gives way to a hired title that names a role by the
            // catalog's names ("Buscamos una community manager para…"), or to a ranked line
            // below it.
            self.titles
                .after_lead_in(text)
                .filter(|h| names_a_role(h))
                .or(ranked_head)
        } else {
            None
        };
        if let Some(hired) = replacement {
            return (None, Some(hired));
        }
        (Some(line), Some(title))
    }

    /// A line near the top that reads as a job title by its shape and words, when no line
    /// names a role: short, unbulleted, not a sentence, no duty, no question, no label line
    /// ("Reports to: Head of Marketing"), and holding a rank word ("Marketing Coordinator",
    /// "Director/a de comunicación"). Taken when the first line is no title by the section
    /// model (a heading, a notice, a date): preferred to it, it measured one title worse in
    /// the end-to-end cross-validation, since a real first-line title may lack a rank word.
    fn ranked_title_line(&self, laid: &[sections::LaidLine], p: &[f64]) -> Option<String> {
        laid.iter()
            .zip(p)
            .take(extract::TITLE_LINES)
            .find(|(l, p)| {
                let text = l.text.trim_end();
                !l.marked
                    && !l.sentence
                    && **p < self.sections.threshold
                    && !text.ends_with(['.', ',', ';', '!', '?', ':'])
                    && !text.contains([':', '?'])
                    && !extract::mostly_numbers(text)
                    && (1..=extract::TITLE_WORDS).contains(&text.split_whitespace().count())
                    && self.titles.has_rank(text)
            })
            .map(|(l, _)| l.text.clone())
    }

    /// The head of the first line below the first one, among the top lines and before any
    /// duty, that has a rank word: the part before a colon, a comma, a bracket, a bar or a dash
    /// ("Chat
    /// Moderation Specialist" of "Chat Moderation Specialist: Responsibilities, Job
    /// Description, Salary"; "Social Media & Marketing Officer" of "Social Media & Marketing
    /// Officer, Eastern Cape Provincial Legislature (Fixed Term Contract …)"). Not a bulleted
    /// line, a question or a date.
    fn ranked_head_line(&self, laid: &[sections::LaidLine], p: &[f64]) -> Option<String> {
        laid.iter()
            .zip(p)
            .take(extract::TITLE_LINES)
            .take_while(|(_, p)| **p < self.sections.threshold)
            .skip(1)
            .find_map(|(l, _)| {
                if l.marked || l.text.contains('?') {
                    return None;
                }
                let head = l.text.split([':', ',', '(', '|', '–', '—']).next()?.trim();
                ((1..=HEAD_WORDS).contains(&head.split_whitespace().count())
                    && !extract::mostly_numbers(head)
                    && self.titles.has_rank(head))
                .then(|| self.titles.tidy(head))
            })
    }

    /// For each duty of a posting, the mean class probabilities of its other duties, drawn
    /// towards even odds the fewer they are (empty when the posting has fewer than two duties,
    /// or context is turned off).
    fn posting_contexts(&self, duties: &[Duty<'_>]) -> Vec<Vec<f64>> {
        if duties.len() < 2 || self.config.reader.posting_context_weight <= 0.0 {
            return Vec::new();
        }
        let classes = duties.first().map_or(0, |d| d.alone.probabilities().len());
        let mut sum = vec![0.0; classes];
        for d in duties {
            for (s, v) in sum.iter_mut().zip(d.alone.probabilities()) {
                *s += v;
            }
        }
        // The mean of the others, with one more "line" that is even odds on every class: a
        // posting of two duties says less about the one than a posting of twenty.
        let others = (duties.len() - 1) as f64;
        let even = 1.0 / classes.max(1) as f64;
        duties
            .iter()
            .map(|d| {
                sum.iter()
                    .zip(d.alone.probabilities())
                    .map(|(s, v)| (s - v + even) / (others + 1.0))
                    .collect()
            })
            .collect()
    }

    /// Duty `i`'s reading, in its posting context when there is one, and its closest task.
    fn duty_line(&self, catalog: &Catalog, input: &DutiesToRead<'_>, i: usize) -> DutyLine {
        let duty = &input.duties[i];
        let context = input.contexts.get(i).map(|others| roles::PostingContext {
            others,
            weight: self.config.reader.posting_context_weight,
            keep_from: self.config.reader.context_keeps_line_from,
        });
        let guess = self
            .roles
            .read_line_in(&duty.alone, &duty.tokens, input.neither_min, context);
        let (mapping, reading) = self.map_guess(catalog, &duty.text, guess, input.given);
        DutyLine {
            source_text: duty.source.to_owned(),
            text: duty.text.clone(),
            mapping,
            weight: 1.0,
            reading: Some(reading),
        }
    }

    /// The role a posting is judged against, where it came from and how the title was read.
    fn title_role(
        &self,
        catalog: &Catalog,
        stems: &Stems,
        hint: &RoleHint,
        title: Option<&str>,
    ) -> (Option<RoleSpec>, RoleSource, Option<TitleReading>) {
        if let Some(id) = &hint.role {
            return (
                Some(RoleSpec::Single(id.clone())),
                RoleSource::Given,
                Some(TitleReading::Given),
            );
        }
        let Some(t) = title else {
            return (None, RoleSource::Duties, None);
        };
        match self.titles.resolve(catalog, t) {
            TitleRoles::One(id) => (
                Some(RoleSpec::Single(id)),
                RoleSource::Title,
                Some(TitleReading::Alias),
            ),
            TitleRoles::Mixed(ids) => (
                Some(RoleSpec::Hybrid(
                    ids.into_iter().map(|id| (id, 1.0)).collect(),
                )),
                RoleSource::Title,
                Some(TitleReading::Alias),
            ),
            TitleRoles::None => {
                // "Discord Moderator", "Instagram Coordinator": read as a duty would be.
                let guess = self.roles.read(stems, t);
                if guess.probability >= self.config.reader.title_min_probability
                    && catalog.role(&guess.class).is_some()
                {
                    (
                        Some(RoleSpec::Single(guess.class)),
                        RoleSource::Title,
                        Some(TitleReading::Words),
                    )
                } else {
                    (None, RoleSource::Duties, None)
                }
            }
        }
    }

    /// One duty's role (learned model; a role with no learned weights through its tasks'
    /// texts) and its closest catalog task of that role. A `given` line (the user gave it as
    /// a duty) is read as no role's work only when the model is sure of it.
    pub fn read_duty(
        &self,
        catalog: &Catalog,
        stems: &Stems,
        text: &str,
        given: bool,
    ) -> (Option<Mapping>, LineReading) {
        let guess = self
            .roles
            .read_given(stems, text, self.neither_min(given, false));
        self.map_guess(catalog, text, guess, given)
    }

    /// How sure the role model must be that a duty is no one's work to say so: a duty the
    /// user gave, one in a posting whose title names a role (or whose role was given), or one
    /// in any other posting.
    fn neither_min(&self, given: bool, titled: bool) -> f64 {
        let reader = &self.config.reader;
        if given {
            reader.given_line_neither_min
        } else if titled {
            reader.titled_line_neither_min
        } else {
            reader.posting_line_neither_min
        }
    }

    /// A duty's reading and closest task, from the role model's guess.
    fn map_guess(
        &self,
        catalog: &Catalog,
        text: &str,
        mut guess: roles::RoleGuess,
        given: bool,
    ) -> (Option<Mapping>, LineReading) {
        let reader = &self.config.reader;
        // In a posting, a line the model can barely place (close to even odds between the
        // classes) is no role's work as far as the reader can tell: it stays out of the verdict.
        if !given && guess.probability < reader.posting_line_min_probability {
            roles::NEITHER.clone_into(&mut guess.class);
        }
        // A role a user catalog adds has no weights: its tasks' words are the only evidence.
        // (Only looked for when the catalog has such a role.)
        let best_task = self
            .untrained_roles
            .then(|| self.matcher(catalog).ranked(text, 1).into_iter().next())
            .flatten();
        if let Some(s) = best_task {
            let slot = catalog.task_slot(s.task);
            let class = owner_class(catalog, slot);
            if !self.roles.knows(&class)
                && s.confidence >= self.config.reader.untrained_role_min_confidence
                && s.confidence > guess.probability
            {
                let reading = LineReading {
                    class,
                    probability: s.confidence,
                    evidence: self
                        .matcher(catalog)
                        .terms_of(text, s.task, roles::EVIDENCE_WORDS),
                    by: Reading::Tasks,
                };
                let mapping = Mapping {
                    task: catalog.tasks()[s.task].id.to_string(),
                    confidence: s.confidence,
                };
                return (Some(mapping), reading);
            }
        }
        let slot = owner_slot(catalog, &guess.class);
        let mapping = slot.and_then(|slot| {
            self.matcher(catalog)
                .closest_in(text, slot)
                .map(|s| (s.task, s.confidence))
                .or_else(|| {
                    self.typical(catalog)
                        .get(slot)
                        .copied()
                        .flatten()
                        .map(|t| (t, 0.0))
                })
                .map(|(t, confidence)| Mapping {
                    task: catalog.tasks()[t].id.to_string(),
                    confidence,
                })
        });
        let reading = LineReading {
            class: guess.class,
            probability: guess.probability,
            evidence: guess.evidence,
            by: match (guess.tipped_by_posting, given) {
                (true, true) => Reading::ModelInLine,
                (true, false) => Reading::ModelInPosting,
                (false, _) => Reading::Model,
            },
        };
        (mapping, reading)
    }

    /// Each owner slot's most typical task: the one the role model reads most surely as that
    /// owner's work.
    fn typical(&self, catalog: &Catalog) -> &[Option<usize>] {
        self.typical.get_or_init(|| {
            let english = Stems::new(Language::English);
            let mut typical: Vec<(f64, Option<usize>)> =
                vec![(0.0, None); catalog.shared_slot() + 1];
            for (t, task) in catalog.tasks().iter().enumerate() {
                let class = owner_class(catalog, catalog.task_slot(t));
                let text = format!("{}. {}", task.title, task.keywords.join(", "));
                let p = self.roles.learned_probability(&english, &text, &class);
                let best = &mut typical[catalog.task_slot(t)];
                if best.1.is_none() || p > best.0 {
                    *best = (p, Some(t));
                }
            }
            typical.into_iter().map(|(_, t)| t).collect()
        })
    }

    /// The best task for one duty line, or `None` when it is no role's work.
    pub fn map_line(&self, catalog: &Catalog, text: &str) -> Option<Mapping> {
        let stems =
            Stems::new(language::detect(text, self.config.reader.language_min_confidence).0);
        self.read_duty(catalog, &stems, text, true).0
    }

    /// The `n` best tasks for a duty line, best first: the choices offered when correcting.
    /// The reader's own choice (`first`) comes first, then the closest tasks by their words.
    pub fn candidates(
        &self,
        catalog: &Catalog,
        first: Option<&Mapping>,
        text: &str,
        n: usize,
    ) -> Vec<Mapping> {
        let mut out: Vec<Mapping> = first.cloned().into_iter().collect();
        for s in self.matcher(catalog).ranked(text, n + 1) {
            let id = &catalog.tasks()[s.task].id;
            if out.len() < n && !out.iter().any(|m| &m.task == id) {
                out.push(Mapping {
                    task: id.to_string(),
                    confidence: s.confidence,
                });
            }
        }
        out
    }

    /// The pay and place reader; [`Facts::is_fact_line`] tells a fact from a duty.
    pub fn facts(&self) -> &Facts {
        self.facts.get_or_init(|| Facts::new(&self.config))
    }

    /// The matcher of `catalog` (the catalog the reader was made for), built on first use.
    pub fn matcher(&self, catalog: &Catalog) -> &Matcher {
        self.matcher
            .get_or_init(|| Matcher::new(catalog, &self.config))
    }

    /// The learned section model, for evaluation and explanations.
    pub fn sections(&self) -> &SectionReader {
        &self.sections
    }

    /// The learned role model, for evaluation and explanations.
    pub fn roles(&self) -> &RoleReader {
        &self.roles
    }
}

/// The role model's class for an owner slot: the role's id, or `shared`.
fn owner_class(catalog: &Catalog, slot: usize) -> String {
    catalog
        .roles()
        .get(slot)
        .map_or_else(|| SHARED.to_owned(), |r| r.id.to_string())
}

/// The owner slot of a class; `None` for `neither` or a class the catalog lacks.
fn owner_slot(catalog: &Catalog, class: &str) -> Option<usize> {
    if class == SHARED {
        Some(catalog.shared_slot())
    } else {
        catalog.role_position(class)
    }
}

/// An offer's verdict, shares and findings.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub verdict: Verdict,
    pub tally: Tally,
    /// The role with most duty lines, if any.
    pub best_fit: Option<String>,
    /// The one-person plan the findings are about (what `--save` writes).
    pub plan: Plan,
    pub analysis: Analysis,
    /// The verdict is `hybrid` and the title names that mix (several roles, each with duties,
    /// one of them leading): the reply says the duties match the title.
    pub titled_hybrid: bool,
    /// The least confidence of a task match at which the reply names the task to the client
    /// (`verdict.named_task_min_confidence`).
    pub named_task_min_confidence: f64,
}

impl Judgement {
    /// The text names no role and holds no duty of one role's work: its plan's role would only
    /// be a placeholder (the catalog's first), so there are no findings and nothing to save.
    pub fn has_no_role(&self, offer: &Offer) -> bool {
        offer.role.is_none() && self.best_fit.is_none()
    }

    /// Each owner (role id, then `shared`) with its share of the mapped lines.
    pub fn shares<'a>(&'a self, catalog: &'a Catalog) -> impl Iterator<Item = (&'a str, f64)> {
        catalog
            .role_ids()
            .chain(std::iter::once(SHARED))
            .zip(self.tally.shares())
    }
}

/// The person a posting's plan holds; findings are worded about them.
pub const PERSON: &str = crate::analysis::OFFERED_ROLE;

/// Judges an offer: tallies its mapped lines, gives the verdict, and analyses a one-person
/// plan of the mapped tasks with the same rules as `check`. Pure; call it again after the
/// user corrects a mapping.
pub fn judge(catalog: &Catalog, offer: &Offer, config: &MatchingConfig) -> Judgement {
    let shared = catalog.shared_slot();
    let mut tally = Tally {
        by_slot: vec![0.0; shared + 1],
        unmatched: 0.0,
    };
    for line in &offer.lines {
        match line
            .mapping
            .as_ref()
            .and_then(|m| catalog.task_position(&m.task))
        {
            Some(t) => tally.by_slot[catalog.task_slot(t)] += line.weight,
            None => tally.unmatched += line.weight,
        }
    }
    let named = verdict::named_slots(catalog, offer.role.as_ref());
    let best_fit = tally.top(&named).map(|s| catalog.roles()[s].id.to_string());
    let verdict = verdict::verdict(catalog, offer.role.as_ref(), &tally, &config.verdict);
    let titled_hybrid = verdict::titled_hybrid(&named, &tally, &verdict);
    let plan = plan_of(catalog, offer, best_fit.as_deref());
    let mut analysis = analyze(catalog, &plan);
    // With no role named and no duty to judge by, the plan's role is only a placeholder (the
    // catalog's first): what the rules find is about a role nobody offered ("nobody covers the
    // core work of a Community Manager" for a "Marketing Coordinator" text), so nothing is said.
    // (`Judgement::has_no_role`, before there is a judgement.)
    if offer.role.is_none() && best_fit.is_none() {
        analysis.findings.clear();
    }
    Judgement {
        verdict,
        tally,
        best_fit,
        plan,
        analysis,
        titled_hybrid,
        named_task_min_confidence: config.verdict.named_task_min_confidence,
    }
}

/// The one-person plan of an offer: each mapped task once, at its typical hours, noted with the
/// posting's words. The capacity is the hours the posting offers when it says ("20 h/week"), so
/// duties that typically need more show as over-capacity; otherwise it is the tasks' total, as
/// a posting without hours gives nothing to compare with.
pub fn plan_of(catalog: &Catalog, offer: &Offer, best_fit: Option<&str>) -> Plan {
    let role = offer.role.clone().unwrap_or_else(|| {
        RoleSpec::Single(
            best_fit
                .or_else(|| catalog.role_ids().next())
                .unwrap_or_default()
                .to_owned(),
        )
    });
    // Offer text is anyone's: what becomes the plan is cleaned of control characters, so the
    // saved plan loads again (names refuse them) and shows nothing hidden.
    let name = match offer.title.as_deref().map(crate::safe_text::cleaned_name) {
        Some(t) if !t.is_empty() => format!("Offer: {t}"),
        _ => "Offer".to_owned(),
    };
    let mut plan = Plan::new(name);
    let mut person = Person::new(PERSON, role);
    for line in &offer.lines {
        let Some(m) = &line.mapping else { continue };
        if person.has_task(&m.task) || catalog.task(&m.task).is_none() {
            continue;
        }
        let mut a = Assignment::new(m.task.clone());
        a.note = Some(crate::analysis::shortened(
            &crate::safe_text::cleaned_name(&line.text),
            160,
        ));
        person.tasks.push(a);
    }
    let hours: f64 = person
        .tasks
        .iter()
        .filter_map(|a| catalog.task(&a.task))
        .map(|t| t.hours)
        .sum();
    person.capacity = offer
        .hours_per_week
        .unwrap_or_else(|| (hours * 2.0).round() / 2.0);
    if person.capacity <= 0.0 {
        person.capacity = crate::plan::DEFAULT_CAPACITY;
    }
    plan.people.push(person);
    plan
}
