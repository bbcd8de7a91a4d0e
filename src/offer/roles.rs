//! Whose work a duty line is: a learned role model over Snowball stems and word pairs
//! (`data/reader/roles.model`, learned from the labelled corpus and the catalogs' task texts),
//! with the words that decided each line.
//!
//! The model's classes are role ids, `shared`, and `neither` (work of no role). A role a user
//! catalog adds has no weights: it is read through its tasks' texts (the [`super::Matcher`]),
//! and the line says so ([`Reading::Tasks`]).

use super::features::{
    GRAM_MARK, RoleFeature, Stems, Token, role_feature_surface, role_features, role_hashed,
};
use super::model::{Known, LinearModel};

/// The role model's class for work that is neither role's.
pub const NEITHER: &str = "neither";

/// How a line's role was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// By the learned role model.
    Model,
    /// By the learned role model, where the line alone leaned another way and the posting's
    /// other duties tipped it: a close call read in context ("Create content for our
    /// community" in a posting of Discord and meetup duties).
    ModelInPosting,
    /// By the learned role model, where the line alone leaned another way and the other
    /// duties of the one line the user gave tipped it ("Engage with people, welcome new
    /// members to the forum and run meetups").
    ModelInLine,
    /// By the catalog's task texts: the line's best task belongs to a role the model was not
    /// trained on.
    Tasks,
}

impl Reading {
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Model => "model",
            Reading::ModelInPosting => "model-in-posting",
            Reading::ModelInLine => "model-in-line",
            Reading::Tasks => "tasks",
        }
    }
}

/// The role model's answer for one line.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleGuess {
    /// The class: a role id, `shared` or `neither`.
    pub class: String,
    pub probability: f64,
    /// The words that raised this class most, as written in the line, strongest first.
    pub evidence: Vec<String>,
    /// The posting's other duties changed the class the line alone would get.
    pub tipped_by_posting: bool,
}

/// What the rest of a posting says about a line's role: the mean of the other duties' class
/// probabilities, and how much it weighs against the line's own (as an exponent: 1 counts it
/// as much as the line).
#[derive(Debug, Clone, Copy)]
pub struct PostingContext<'a> {
    pub others: &'a [f64],
    pub weight: f64,
    /// A line whose most likely class alone has at least this probability keeps it.
    pub keep_from: f64,
}

/// A line as the role model reads it: its features, those the model has weights for, and its
/// class probabilities alone. Made once per duty of a posting: the posting's context needs
/// every duty's probabilities before any duty is read in it ([`RoleReader::read_line_in`]).
#[derive(Debug, Clone)]
pub struct RoleLine {
    /// Where each feature came from, in the order the model's lookup numbers them.
    features: Vec<RoleFeature>,
    known: Known,
    alone: Vec<f64>,
}

impl RoleLine {
    /// Each class's probability for the line alone, in the model's class order.
    pub fn probabilities(&self) -> &[f64] {
        &self.alone
    }
}

/// The learned role model, ready to read.
#[derive(Debug, Clone)]
pub struct RoleReader {
    model: LinearModel,
    /// Words that name nothing a reader can check ("for", "the", "every"): never evidence.
    stopwords: rustc_hash::FxHashSet<String>,
    /// `shared`'s position among the classes and the factor its odds are taken by
    /// ([`Self::with_shared_odds`]).
    shared_odds: Option<(usize, f64)>,
    /// The block of the model's letter sequences (`#…`) among its IDF-weighted features.
    gram_block: u8,
}

/// How many words a line's evidence names at most.
pub const EVIDENCE_WORDS: usize = 3;

impl RoleReader {
    pub fn new(model: LinearModel, stopwords: &[String]) -> RoleReader {
        // A line's features are hashed with their block told by their kind (a letter sequence
        // or not): right for the only blocks training makes, none or the letter sequences'.
        debug_assert!(
            model.block_prefixes().is_empty() || model.block_prefixes() == [GRAM_MARK],
            "the role model's blocks are the letter sequences'"
        );
        RoleReader {
            gram_block: model.block_of(GRAM_MARK),
            model,
            stopwords: stopwords.iter().map(|w| w.to_lowercase()).collect(),
            shared_odds: None,
        }
    }

    /// The reader with `shared`'s odds multiplied by `factor` (then every line's probabilities
    /// made to sum to one again) before a class is chosen. The model learned its classes
    /// with equal weights, yet calls the class with the fewest lines and the fewest words of
    /// its own (the overlap of the two roles) too rarely: this moves the decision's
    /// threshold, not the words' weights. Chosen in the end-to-end cross-validation
    /// (`data/matching.yaml`, `reader.shared_odds`).
    ///
    /// All four classes are made to sum to one again, so `neither` falls a little with the
    /// others: keeping its probability as it was measured worse end to end (3 verdicts, 6
    /// duty lines and 4 lines given alone fewer of 377 postings; `docs/offers.md`).
    #[must_use]
    pub fn with_shared_odds(mut self, factor: f64) -> RoleReader {
        self.shared_odds = self
            .model
            .class_index(crate::catalog::SHARED)
            .filter(|_| (factor - 1.0).abs() > f64::EPSILON)
            .map(|c| (c, factor));
        self
    }

    /// A line's class probabilities from the model, with `shared`'s odds adjusted.
    fn adjusted(&self, mut p: Vec<f64>) -> Vec<f64> {
        if let Some((c, factor)) = self.shared_odds {
            take_odds(&mut p, c, factor);
        }
        p
    }

    /// Whether the model has weights for this class (a role id, `shared` or `neither`).
    pub fn knows(&self, class: &str) -> bool {
        self.model.class_index(class).is_some()
    }

    /// The most likely class of a line, with its evidence.
    pub fn read(&self, stems: &Stems, text: &str) -> RoleGuess {
        self.read_with(stems, text, 0.0)
    }

    /// The most likely class of a line the user gave as a duty: `neither` only when the model
    /// gives it at least `neither_min`, otherwise the most likely work class. (A line pasted
    /// alone is someone's work far more often than not; in a posting, the model's own odds
    /// decide.)
    pub fn read_given(&self, stems: &Stems, text: &str, neither_min: f64) -> RoleGuess {
        self.read_with(stems, text, neither_min)
    }

    fn read_with(&self, stems: &Stems, text: &str, neither_min: f64) -> RoleGuess {
        self.read_tokens(&stems.tokens(text), neither_min)
    }

    /// [`Self::read_given`] of a line already cut into tokens ([`Stems::tokens`]).
    pub fn read_tokens(&self, tokens: &[Token], neither_min: f64) -> RoleGuess {
        self.read_tokens_in(tokens, neither_min, None)
    }

    /// Each class's probability for a line (in the model's class order): what the other
    /// lines of a posting see of it.
    pub fn class_probabilities(&self, tokens: &[Token]) -> Vec<f64> {
        self.line(tokens).alone
    }

    /// A line of tokens ([`Stems::tokens`]) as the model reads it.
    pub fn line(&self, tokens: &[Token]) -> RoleLine {
        // Hashed, not named: a line has some sixty features, and an explanation finds its
        // words from where each came from, with no name to write.
        let n = 2 * tokens.len() + 2 * tokens.iter().map(|t| t.word.len() + 2).sum::<usize>();
        let mut hashes = Vec::with_capacity(n);
        let mut features = Vec::with_capacity(n);
        role_hashed(tokens, self.gram_block, &mut hashes, &mut features);
        // Kept until the posting's duties are read in context: no room to spare.
        features.shrink_to_fit();
        let known = self.model.known_hashed(&hashes);
        let alone = self.adjusted(self.model.probabilities_of(&known));
        RoleLine {
            features,
            known,
            alone,
        }
    }

    /// [`Self::read_tokens`] of a duty in a posting: the line's own odds times the posting's
    /// (the mean of its other duties' probabilities, raised to the context's weight), made to
    /// sum to one. Lines of one posting are mostly one kind of work, so a close call goes the
    /// posting's way; a line that clearly says otherwise keeps its own reading. The posting
    /// only splits the roles' odds between them: the odds that a line is the work the roles
    /// share stay the line's own.
    pub fn read_tokens_in(
        &self,
        tokens: &[Token],
        neither_min: f64,
        context: Option<PostingContext<'_>>,
    ) -> RoleGuess {
        self.read_line_in(&self.line(tokens), tokens, neither_min, context)
    }

    /// [`Self::read_tokens_in`] of a line already read by the model ([`Self::line`] of
    /// `tokens`).
    pub fn read_line_in(
        &self,
        line: &RoleLine,
        tokens: &[Token],
        neither_min: f64,
        context: Option<PostingContext<'_>>,
    ) -> RoleGuess {
        let RoleLine {
            features,
            known,
            alone,
        } = line;
        let neither = self.model.class_index(NEITHER);
        let best_of = |p: &[f64]| {
            (0..p.len())
                .filter(|&c| Some(c) != neither || p[c] >= neither_min)
                .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
                .unwrap_or(0)
        };
        // Whether a line is anyone's work at all is the line's own business: the posting only
        // tips which work it is.
        let no_ones = neither.is_some_and(|c| alone[c] >= neither_min);
        let own = best_of(alone);
        // The posting tips a close call, not a line that clearly says what it is.
        let keeps_own = context.is_some_and(|ctx| alone[own] >= ctx.keep_from);
        let p = match context {
            Some(ctx)
                if !no_ones
                    && !keeps_own
                    && ctx.weight > 0.0
                    && ctx.others.len() == alone.len() =>
            {
                let shared = self.model.class_index(crate::catalog::SHARED);
                in_posting(alone, ctx, neither, shared)
            }
            _ => alone.clone(),
        };
        let mut best = best_of(&p);
        let mut raised = self.model.explain_rows(known, best, EVIDENCE_WORDS * 3);
        // The posting may tip a line only to a class some word of the line speaks for.
        if raised.is_empty() && best != own {
            best = own;
            raised = self.model.explain_rows(known, best, EVIDENCE_WORDS * 3);
        }
        let tipped_by_posting = best != own;
        // No feature of the line raised its class: the model has only its prior to go on,
        // which is no reading of the line.
        if raised.is_empty() {
            return RoleGuess {
                class: NEITHER.to_owned(),
                probability: neither.map_or(0.0, |c| p[c]),
                evidence: Vec::new(),
                tipped_by_posting: false,
            };
        }
        let mut evidence: Vec<String> = Vec::new();
        for (i, _) in raised {
            let Some(feature) = features.get(i) else {
                continue;
            };
            let Some(words) = role_feature_surface(tokens, *feature) else {
                continue;
            };
            // Function words ("our", "for the", "every") can carry weight, but name nothing a
            // reader can check: evidence is content words (an acronym such as "DMs" stays).
            let function_word = |w: &str| {
                self.stopwords.contains(&w.to_lowercase())
                    || (w.chars().count() <= 3 && w.chars().all(char::is_lowercase))
            };
            if words.split(' ').any(function_word) {
                continue;
            }
            // A pair repeats a word already named, or the other way round: keep the first.
            let lower = words.to_lowercase();
            if evidence.iter().any(|e| {
                let e = e.to_lowercase();
                e.contains(&lower) || lower.contains(&e)
            }) {
                continue;
            }
            evidence.push(words);
            if evidence.len() == EVIDENCE_WORDS {
                break;
            }
        }
        RoleGuess {
            class: self.model.classes[best].clone(),
            probability: p[best],
            evidence,
            tipped_by_posting,
        }
    }

    /// The probability of each class, by class name, as the reader weighs them (`shared`'s
    /// odds taken, [`Self::with_shared_odds`]).
    pub fn probabilities(&self, stems: &Stems, text: &str) -> Vec<(String, f64)> {
        self.model
            .classes
            .iter()
            .cloned()
            .zip(self.line(&stems.tokens(text)).alone)
            .collect()
    }

    /// The learned model's own probability of `class` for a line, before any odds are taken:
    /// which of a role's tasks the model reads most surely as that role's work.
    pub fn learned_probability(&self, stems: &Stems, text: &str, class: &str) -> f64 {
        self.model.class_index(class).map_or(0.0, |c| {
            self.model
                .probabilities(&role_features(&stems.tokens(text)))[c]
        })
    }
}

/// Class `c`'s odds in `p` (probabilities summing to one) multiplied by `factor`, and `p` made
/// to sum to one again ([`RoleReader::with_shared_odds`]; the cross-validation of
/// `examples/train_reader.rs` reads its lines the same way).
pub fn take_odds(p: &mut [f64], c: usize, factor: f64) {
    if let Some(v) = p.get_mut(c) {
        *v *= factor;
        let sum: f64 = p.iter().sum();
        if sum > 0.0 {
            for v in p.iter_mut() {
                *v /= sum;
            }
        }
    }
}

/// A line's odds read in its posting ([`RoleReader::read_line_in`]): someone's work, so
/// `neither` is out of the running; each role's odds times the posting's (`ctx.others`, raised
/// to `ctx.weight`), scaled back to the roles' own total, since the posting says which role's
/// work it is mostly, not whether a line is the work both share; `shared` keeps its odds. Made
/// to sum to one (the line's own odds when nothing is left).
fn in_posting(
    alone: &[f64],
    ctx: PostingContext<'_>,
    neither: Option<usize>,
    shared: Option<usize>,
) -> Vec<f64> {
    let is_role = |c: usize| Some(c) != neither && Some(c) != shared;
    let mut q: Vec<f64> = alone
        .iter()
        .zip(ctx.others)
        .enumerate()
        .map(|(c, (a, o))| {
            if is_role(c) {
                a * o.max(1e-9).powf(ctx.weight)
            } else if Some(c) == shared {
                *a
            } else {
                0.0
            }
        })
        .collect();
    if shared.is_some() {
        let roles_alone: f64 = (0..alone.len())
            .filter(|&c| is_role(c))
            .map(|c| alone[c])
            .sum();
        let roles_now: f64 = (0..q.len()).filter(|&c| is_role(c)).map(|c| q[c]).sum();
        if roles_now > 0.0 {
            for c in (0..q.len()).filter(|&c| is_role(c)) {
                q[c] *= roles_alone / roles_now;
            }
        }
    }
    let sum: f64 = q.iter().sum();
    if sum > 0.0 {
        for v in &mut q {
            *v /= sum;
        }
        q
    } else {
        alone.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offer::language::Language;

    #[test]
    fn the_best_class_comes_with_the_words_that_decided_it() {
        let model = LinearModel::parse(
            "classes\tcommunity-manager\tsocial-media-manager\tshared\tneither\n\
             bias\t0\t0\t0\t0\n\
             f\tcomment\t-1\t2\t0\t0\n\
             f\tinstagram\t-1\t3\t0\t0\n\
             f\trepli\t0\t1\t0\t0\n\
             f\trepli to\t0\t1.5\t0\t0\n",
        )
        .unwrap();
        let r = RoleReader::new(model, &["to".to_owned()]);
        let g = r.read(
            &Stems::new(Language::English),
            "Reply to comments on Instagram",
        );
        assert_eq!(g.class, "social-media-manager");
        // "Reply to" weighs more than "Reply", but "to" names nothing: the word stands alone.
        assert_eq!(g.evidence, ["Instagram", "comments", "Reply"]);
        assert!(r.knows("shared") && !r.knows("developer-advocate"));
    }

    fn toy() -> RoleReader {
        let model = LinearModel::parse(
            "classes\tcommunity-manager\tsocial-media-manager\tshared\tneither\n\
             bias\t0\t0\t0\t0\n\
             f\tcontent\t0.2\t0.4\t0\t-1\n\
             f\tinstagram\t-2\t3\t0\t-1\n\
             f\tmeetup\t3\t-2\t0\t-1\n",
        )
        .unwrap();
        RoleReader::new(model, &[])
    }

    #[test]
    fn a_close_call_goes_the_way_of_the_rest_of_the_posting() {
        let r = toy();
        let stems = Stems::new(Language::English);
        let line = stems.tokens("Create content");
        let alone = r.read_tokens(&line, 0.5);
        assert_eq!(alone.class, "social-media-manager");
        assert!(!alone.tipped_by_posting);
        // The other duties are meetups: the close call is community work in this posting.
        let others = r.class_probabilities(&stems.tokens("Host the meetup"));
        let context = PostingContext {
            others: &others,
            weight: 1.0,
            keep_from: 1.0,
        };
        let read = r.read_tokens_in(&line, 0.5, Some(context));
        assert_eq!(read.class, "community-manager");
        assert!(read.tipped_by_posting);
        // A line as sure of itself alone as `keep_from` keeps its class, and its odds.
        let sure = r.class_probabilities(&line)[1];
        let kept = r.read_tokens_in(
            &line,
            0.5,
            Some(PostingContext {
                keep_from: sure,
                ..context
            }),
        );
        assert!((kept.probability - sure).abs() < 1e-12);
        assert_eq!(kept.class, "social-media-manager");
        assert!(!kept.tipped_by_posting);
        // With no weight the posting says nothing.
        let off = r.read_tokens_in(
            &line,
            0.5,
            Some(PostingContext {
                weight: 0.0,
                ..context
            }),
        );
        assert_eq!(off.class, "social-media-manager");
    }

    #[test]
    fn shared_odds_move_a_close_call_to_the_overlap() {
        let model = LinearModel::parse(
            "classes\tcommunity-manager\tsocial-media-manager\tshared\tneither\n\
             bias\t0\t0\t0\t0\n\
             f\tmeetup\t3\t-2\t0\t-1\n\
             f\tmetric\t0.5\t0\t0.3\t-1\n",
        )
        .unwrap();
        let stems = Stems::new(Language::English);
        let plain = RoleReader::new(model.clone(), &[]);
        let leaning = RoleReader::new(model, &[]).with_shared_odds(1.5);
        let close = stems.tokens("Track metrics");
        assert_eq!(plain.read_tokens(&close, 0.5).class, "community-manager");
        let read = leaning.read_tokens(&close, 0.5);
        assert_eq!(read.class, "shared");
        assert_eq!(read.evidence, ["metrics"]);
        // Shared's odds grow by the factor against every other class's, and the probabilities
        // still sum to one.
        let (p, q) = (
            plain.class_probabilities(&close),
            leaning.class_probabilities(&close),
        );
        assert!((q.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{q:?}");
        for c in [0, 1, 3] {
            assert!(
                ((q[2] / q[c]) / (p[2] / p[c]) - 1.5).abs() < 1e-9,
                "{p:?} {q:?}"
            );
        }
        // A line that clearly says otherwise keeps its class.
        let clear = stems.tokens("Host the meetup");
        assert_eq!(leaning.read_tokens(&clear, 0.5).class, "community-manager");
    }

    #[test]
    fn a_line_that_clearly_says_otherwise_keeps_its_own_reading() {
        let r = toy();
        let stems = Stems::new(Language::English);
        let others = r.class_probabilities(&stems.tokens("Host the meetup"));
        let context = PostingContext {
            others: &others,
            weight: 1.0,
            keep_from: 1.0,
        };
        let read = r.read_tokens_in(&stems.tokens("Post on Instagram"), 0.5, Some(context));
        assert_eq!(read.class, "social-media-manager");
        assert!(!read.tipped_by_posting);
        assert_eq!(read.evidence, ["Instagram"]);
    }
}
