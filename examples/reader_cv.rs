//! The whole offer reader measured end to end on postings it never learned from: the corpus's
//! sources dealt into folds, the models learned without each fold, and each held-out posting
//! pasted whole (its lines joined, as a person copies the page) through the same `Reader` and
//! verdict the binary uses.
//!
//! ```text
//! cargo run --release --example reader_cv                  # 10 folds of whole sources
//! cargo run --release --example reader_cv -- --folds 5
//! cargo run --release --example reader_cv -- --show-misses # every wrong verdict, by file; every line given alone read wrong, with its file; every duty-list verdict missed, with the line counts read and labelled; every title misfound or misread
//! cargo run --release --example reader_cv -- --cache target/reader-cv --matching FILE
//! cargo run --release --example reader_cv -- --cache target/reader-cv --training FILE
//! cargo run --release --example reader_cv -- --learn-from DIR   # a grown copy of the corpus
//! ```
//!
//! `--learn-from DIR` learns from another copy of the corpus (the same files, labelled
//! differently: an earlier labelling, say) while measuring against `corpus/postings`. It may
//! also hold more sources (a grown copy of the corpus): those are in no fold, and every fold
//! learns from them, so the same postings are measured before and after the corpus grew.
//! `--cache DIR` keeps each fold's learned models in `DIR` and reads them back on the next run,
//! under a key of the learning settings and the postings learned from (a change to either
//! learns them again; old keys can be deleted); with `--matching FILE`
//! the reader's settings come from a copy of `data/matching.yaml`, so thresholds can be tried
//! against held-out postings in seconds, without building again. `--training FILE` learns with
//! a copy of `data/reader/training.yaml`.
//!
//! It measures what `offer_raw_eval.py` measures on the dev postings (verdicts, duty lines read
//! and given the right role, duties missed, non-duties read as duties) on the corpus's postings in
//! four languages instead of 19, so a change to the reader or its settings can be judged on
//! text nobody tuned on.

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use rolescope::catalog::Catalog;
use rolescope::offer::extract::without_marks;
use rolescope::offer::feature_hash::feature_hash;
use rolescope::offer::model::LinearModel;
use rolescope::offer::training::{CorpusPosting, TrainingConfig, interval, load_corpus, train};
use rolescope::offer::{LearnedModels, MatchingConfig, Reader, RoleHint, judge};
use rolescope::plan::RoleSpec;

/// One held-out posting as the reader read it.
struct Outcome {
    name: String,
    language: String,
    want: String,
    got: String,
    /// How the reader took the role from the title: `alias`, `words`, or `none`.
    title: &'static str,
    /// The title the reader found, if any.
    found_title: Option<String>,
    /// The role(s) the gold title names (`title_role` in the corpus: `community`,
    /// `social-media`, `both`, `none`; `?` when a posting has none).
    title_role: String,
    /// The role(s) the reader took from the title, in the same terms.
    read_role: &'static str,
    /// The title found is the gold title or a part of it (its words, in order): no heading,
    /// notice or lead-in taken for it, nothing left on it.
    title_text_right: bool,
    /// Labelled duty lines of some role's work: (label, what the reader gave; `None` = missed).
    lines: Vec<(String, Option<String>)>,
    /// Labelled duty lines of no role's work: what the reader gave (`None` = not read as a
    /// duty; `unmatched` = read as a duty of no role). What reading fewer lines as no one's
    /// work costs.
    neither_lines: Vec<Option<String>>,
    /// Lines read as duties that are no labelled duty: the section each stands in.
    false_duties: Vec<String>,
    /// The whole text's line counts (community/social/shared) and, of them, those of lines
    /// that are no labelled duty: what the non-duties read as duties did to the verdict.
    raw_counts: String,
    /// Labelled duty lines of some role's work, each given alone with `--role
    /// community-manager` (as `offer_lines_eval.py` gives the dev lines): (label, the role of
    /// the first duty read; `None` = none read; the line).
    alone: Vec<(String, Option<String>, String)>,
    /// The verdict on the posting's title and labelled duty lines as bullets, with `--title`
    /// (as `offer_lines_eval.py` gives the dev duty lists).
    list_got: String,
    /// The duty-list reading's line counts against the labels': `read c/s/sh, labelled c/s/sh`.
    list_counts: String,
    /// Lines of company, requirement, benefit or application text of more than one sentence,
    /// each given alone as the duty lines are: whether a duty was read in it.
    paragraphs: Vec<bool>,
    /// The title over the duty lines with their bullets lost (as a web page copies a list):
    /// the verdict, and how many of the duty lines were read as duties, of how many.
    bare_got: String,
    bare_read: (usize, usize),
}

impl Outcome {
    /// The posting's file name, without its folder.
    fn file_name(&self) -> &str {
        self.name.rsplit('/').next().unwrap_or(&self.name)
    }
}

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut folds = 10usize;
    let mut show_misses = false;
    let mut cache: Option<PathBuf> = None;
    let mut matching: Option<PathBuf> = None;
    let mut learn_dir: Option<PathBuf> = None;
    let mut training_file = root.join("data/reader/training.yaml");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--folds" => {
                folds = args
                    .next()
                    .context("--folds needs a number")?
                    .parse()
                    .context("--folds needs a number")?;
            }
            "--show-misses" => show_misses = true,
            "--cache" => cache = Some(args.next().context("--cache needs a folder")?.into()),
            "--matching" => matching = Some(args.next().context("--matching needs a file")?.into()),
            "--training" => {
                training_file = args.next().context("--training needs a file")?.into();
            }
            "--learn-from" => {
                learn_dir = Some(args.next().context("--learn-from needs a folder")?.into());
            }
            other => anyhow::bail!(
                "unknown argument `{other}` (expected --folds N, --show-misses, --cache DIR, --matching FILE, --training FILE, --learn-from DIR)"
            ),
        }
    }
    let corpus = load_corpus(&root.join("corpus/postings"))?;
    let learn_corpus = match &learn_dir {
        Some(dir) => load_corpus(dir)?,
        None => corpus.clone(),
    };
    // A folder with no posting (the corpus folder instead of its `postings/`) would train
    // models on nothing and measure every posting as missed.
    if learn_corpus.is_empty() {
        anyhow::bail!(
            "no postings to learn from in {} (give the folder of the posting files, e.g. corpus/postings)",
            learn_dir
                .as_deref()
                .unwrap_or(&root.join("corpus/postings"))
                .display()
        );
    }
    let catalog = Catalog::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    let training = TrainingConfig::from_file(&training_file)?;
    // Each fold's models depend on the learning settings and on every posting learned from:
    // the cache keeps them under a key of both, so a change to either learns them again.
    let cache =
        cache.map(|dir| dir.join(format!("{:016x}", learned_key(&training, &learn_corpus))));
    let config = match &matching {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            MatchingConfig::parse(&path.display().to_string(), &text)
        }
        None => MatchingConfig::builtin(),
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;

    let mut groups: Vec<String> = corpus.iter().map(|(_, p)| p.group()).collect();
    groups.sort_unstable();
    groups.dedup();
    // A source of `--learn-from` that the measured corpus does not hold is in no fold: every
    // fold learns from it.
    let fold_of = |p: &CorpusPosting| {
        groups
            .binary_search(&p.group())
            .ok()
            .map(|i| i % folds.max(1))
    };
    println!(
        "end to end over {} postings of {} sources, {folds} folds of whole sources",
        corpus.len(),
        groups.len()
    );
    let started = std::time::Instant::now();
    let mut outcomes = Vec::new();
    // The postings that mark lines with bullets, read again with every bullet lost.
    let mut unbulleted = Vec::new();
    for fold in 0..folds {
        let models = fold_models(
            &learn_corpus,
            &catalog,
            &training,
            cache.as_deref(),
            folds,
            fold,
            |p| fold_of(p) != Some(fold),
        )?;
        let reader = Reader::with_models(&catalog, config.clone(), models)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        for (name, posting) in corpus.iter().filter(|(_, p)| fold_of(p) == Some(fold)) {
            outcomes.push(read_one(&catalog, &reader, &config, name, posting, true));
            if let Some(bare) = without_bullets(posting) {
                unbulleted.push(read_one(&catalog, &reader, &config, name, &bare, false));
            }
        }
        eprint!("\rfold {}/{folds}", fold + 1);
    }
    eprintln!();
    report(&outcomes, show_misses);
    report_unbulleted(&outcomes, &unbulleted);
    println!("(in {:.0} s)", started.elapsed().as_secs_f64());
    Ok(())
}

/// A key of what the models are learned from: the learning settings and every posting, by
/// name and content.
fn learned_key(training: &TrainingConfig, corpus: &[(String, CorpusPosting)]) -> u64 {
    let mut text = format!("{training:?}");
    for (name, posting) in corpus {
        let file = name.rsplit('/').next().unwrap_or(name);
        write!(text, "\n{file}\n{posting:?}").expect("writing to a String cannot fail");
    }
    feature_hash(&text)
}

/// The models learned without the fold's sources: read from the cache when it has them,
/// otherwise learned (and written to the cache).
fn fold_models(
    corpus: &[(String, CorpusPosting)],
    catalog: &Catalog,
    training: &TrainingConfig,
    cache: Option<&std::path::Path>,
    folds: usize,
    fold: usize,
    learn_from: impl Fn(&CorpusPosting) -> bool,
) -> anyhow::Result<LearnedModels> {
    let dir = cache.map(|c| c.join(format!("{folds}-folds/{fold}")));
    let files = ["sections-first.model", "sections.model", "roles.model"];
    let texts: Vec<String> = match &dir {
        Some(d) if files.iter().all(|f| d.join(f).is_file()) => files
            .iter()
            .map(|f| std::fs::read_to_string(d.join(f)))
            .collect::<Result<_, _>>()?,
        _ => {
            let learn: Vec<(String, CorpusPosting)> = corpus
                .iter()
                .filter(|(_, p)| learn_from(p))
                .cloned()
                .collect();
            let trained = train(&learn, catalog, training);
            let texts = vec![trained.sections_first, trained.sections, trained.roles];
            if let Some(d) = &dir {
                std::fs::create_dir_all(d)?;
                for (f, t) in files.iter().zip(&texts) {
                    std::fs::write(d.join(f), t)?;
                }
            }
            texts
        }
    };
    let parse = |text: &str| LinearModel::parse(text).map_err(|e| anyhow::anyhow!("{e:?}"));
    Ok(LearnedModels {
        sections_first: parse(&texts[0])?,
        sections: parse(&texts[1])?,
        roles: parse(&texts[2])?,
    })
}

fn read_one(
    catalog: &Catalog,
    reader: &Reader,
    config: &MatchingConfig,
    name: &str,
    posting: &CorpusPosting,
    as_given: bool,
) -> Outcome {
    let text: Vec<&str> = posting.lines.iter().map(|l| l.text.as_str()).collect();
    let offer = reader.read(catalog, &text.join("\n"), &RoleHint::default());
    let judgement = judge(catalog, &offer, config);
    let got = short_verdict(&judgement.verdict.id());
    // Each line read as a duty: the posting line it came from, and whose work it was read as.
    let read: Vec<(String, String)> = offer
        .lines
        .iter()
        .map(|l| {
            let class = l.reading.as_ref().map_or("unmatched", |r| r.class.as_str());
            (key(&l.source_text, usize::MAX), short_class(class))
        })
        .collect();
    let labelled: Vec<(String, &str)> = posting
        .lines
        .iter()
        .filter(|l| l.section == "duty")
        .map(|l| (key(&l.text, 40), l.label.as_deref().unwrap_or("neither")))
        .collect();
    // Each line read as a duty that is no labelled duty, by the section it stands in.
    let raw_counts = raw_counts(&read, &labelled, &judgement.tally.by_slot);
    let false_duties = {
        let mut seen: Vec<&str> = read.iter().map(|(t, _)| t.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.iter()
            .filter(|t| {
                !labelled
                    .iter()
                    .any(|(k, _)| !k.is_empty() && t.contains(k.as_str()))
            })
            .map(|t| {
                // The line it is: the longest whose words it holds ("Responsibilities" is in
                // many a duty's line too).
                posting
                    .lines
                    .iter()
                    .map(|l| (key(&l.text, usize::MAX), l))
                    .filter(|(k, _)| !k.is_empty() && t.contains(k.as_str()))
                    .max_by_key(|(k, _)| k.len())
                    .map_or_else(|| "(not found)".to_owned(), |(_, l)| l.section.clone())
            })
            .collect()
    };
    let hit = |k: &str| {
        read.iter()
            .find(|(t, _)| !k.is_empty() && t.contains(k))
            .map(|(_, class)| class.clone())
    };
    let lines = labelled
        .iter()
        .filter(|(_, label)| *label != "neither")
        .map(|(k, label)| ((*label).to_owned(), hit(k)))
        .collect();
    let neither_lines = labelled
        .iter()
        .filter(|(_, label)| *label == "neither")
        .map(|(k, _)| hit(k))
        .collect();
    let AsGiven {
        alone,
        list_got,
        list_counts,
        paragraphs,
    } = if as_given {
        read_as_given(catalog, reader, config, posting)
    } else {
        AsGiven::default()
    };
    let (bare_got, bare_read) = if as_given {
        read_bare_list(catalog, reader, config, posting)
    } else {
        (String::new(), (0, 0))
    };
    Outcome {
        alone,
        list_got,
        list_counts,
        paragraphs,
        bare_got,
        bare_read,
        name: name.to_owned(),
        language: posting.language.clone(),
        want: posting.verdict.clone(),
        got,
        title: offer.title_reading.map_or("none", |t| t.as_str()),
        found_title: offer.title.clone(),
        title_role: posting.title_role.clone().unwrap_or_else(|| "?".to_owned()),
        read_role: read_role(offer.role.as_ref()),
        title_text_right: offer.title.as_deref().is_some_and(|t| {
            let found = key(t, usize::MAX);
            !found.is_empty() && key(&posting.title, usize::MAX).contains(&found)
        }),
        lines,
        neither_lines,
        false_duties,
        raw_counts,
    }
}

/// A verdict's line counts per slot of the built-in catalog (community manager, social media
/// manager, shared), as `12.0/3.0/1.0`.
fn slot_counts(slots: &[f64]) -> String {
    slots
        .iter()
        .map(|c| format!("{c:.1}"))
        .collect::<Vec<_>>()
        .join("/")
}

/// The whole text's line counts per slot (community/social/shared) and, of the lines read as
/// each role's work, those that are no labelled duty: what the non-duties read as duties did to
/// the verdict.
fn raw_counts(read: &[(String, String)], labelled: &[(String, &str)], slots: &[f64]) -> String {
    let is_labelled = |t: &str| {
        labelled
            .iter()
            .any(|(k, _)| !k.is_empty() && t.contains(k.as_str()))
    };
    let unlabelled = |class: &str| {
        read.iter()
            .filter(|(t, c)| c == class && !is_labelled(t))
            .count()
    };
    format!(
        "read {}, of them no labelled duty {}/{}/{}",
        slot_counts(slots),
        unlabelled("community"),
        unlabelled("social"),
        unlabelled("shared")
    )
}

/// The posting in the two forms `offer_lines_eval.py` gives the dev set through the binary:
/// each labelled duty line of some role's work alone, with the role community-manager given
/// (the role of its first duty read), and the title with the labelled duty lines as bullets,
/// with the title given (the verdict); and, given alone the same way, each line of company,
/// requirement, benefit or application text of more than one sentence (whether a duty is
/// read in it: text that is no duty, read as one).
fn read_as_given(
    catalog: &Catalog,
    reader: &Reader,
    config: &MatchingConfig,
    posting: &CorpusPosting,
) -> AsGiven {
    let duties: Vec<_> = posting
        .lines
        .iter()
        .filter(|l| l.section == "duty")
        .collect();
    let with_role = RoleHint {
        role: Some("community-manager".to_owned()),
        ..RoleHint::default()
    };
    let alone = duties
        .iter()
        .filter_map(|l| {
            let label = l.label.as_deref().filter(|&label| label != "neither")?;
            let offer = reader.read(catalog, &format!("{}\n", l.text), &with_role);
            let got = offer
                .lines
                .first()
                .map(|d| short_class(d.reading.as_ref().map_or("unmatched", |r| r.class.as_str())));
            Some((label.to_owned(), got, l.text.clone()))
        })
        .collect();
    let list = format!(
        "{}\n\n{}\n",
        posting.title,
        duties
            .iter()
            .map(|l| format!("- {}", l.text))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let with_title = RoleHint {
        title: Some(posting.title.clone()),
        ..RoleHint::default()
    };
    let offer = reader.read(catalog, &list, &with_title);
    let judgement = judge(catalog, &offer, config);
    let list_got = short_verdict(&judgement.verdict.id());
    let labelled = |label: &str| {
        duties
            .iter()
            .filter(|l| l.label.as_deref() == Some(label))
            .count()
    };
    // The built-in catalog's slots: community manager, social media manager, shared.
    let slots = &judgement.tally.by_slot;
    let list_counts = format!(
        "read {}, labelled {}/{}/{}",
        slot_counts(slots),
        labelled("community"),
        labelled("social"),
        labelled("shared")
    );
    let paragraphs = posting
        .lines
        .iter()
        .filter(|l| {
            matches!(
                l.section.as_str(),
                "blurb" | "requirement" | "benefit" | "pay" | "apply" | "legal" | "other"
            ) && l.text.trim_end_matches('.').contains(". ")
        })
        .map(|l| {
            !reader
                .read(catalog, &format!("{}\n", l.text), &with_role)
                .lines
                .is_empty()
        })
        .collect();
    AsGiven {
        alone,
        list_got,
        list_counts,
        paragraphs,
    }
}

/// The posting with every bullet and number that opens a line lost (as a copy from a web
/// page loses them, and as the reader takes them off: [`without_marks`]); `None` when it has
/// none.
fn without_bullets(posting: &CorpusPosting) -> Option<CorpusPosting> {
    if posting
        .lines
        .iter()
        .all(|l| without_marks(&l.text) == l.text.trim_start())
    {
        return None;
    }
    let mut bare = posting.clone();
    for line in &mut bare.lines {
        line.text = without_marks(&line.text).to_owned();
    }
    Some(bare)
}

/// The postings that mark lines with bullets, as found and with every bullet lost.
fn report_unbulleted(outcomes: &[Outcome], unbulleted: &[Outcome]) {
    let names: std::collections::BTreeSet<&str> =
        unbulleted.iter().map(|o| o.name.as_str()).collect();
    let as_found: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| names.contains(o.name.as_str()))
        .collect();
    println!(
        "
the {} postings with bullets, as found and with every bullet lost (verdicts all; titled as a role / role duty lines right, missed, non-duties read as duties):",
        unbulleted.len()
    );
    let lost: Vec<&Outcome> = unbulleted.iter().collect();
    for (how, os) in [("as found", &as_found), ("bare", &lost)] {
        let (all, titled) = all_and_titled(os, |o| o.want == o.got);
        let lines: Vec<&(String, Option<String>)> = os.iter().flat_map(|o| &o.lines).collect();
        let right = lines
            .iter()
            .filter(|(want, got)| got.as_deref() == Some(want.as_str()))
            .count();
        let missed = lines.iter().filter(|(_, got)| got.is_none()).count();
        let false_duties: usize = os.iter().map(|o| o.false_duties.len()).sum();
        let mut by_section: BTreeMap<&str, usize> = BTreeMap::new();
        for section in os.iter().flat_map(|o| &o.false_duties) {
            *by_section.entry(section.as_str()).or_default() += 1;
        }
        let by_section: Vec<String> = by_section
            .iter()
            .map(|(section, n)| format!("{section} {n}"))
            .collect();
        println!(
            "  {how:<9} {all}; {titled} / {}, missed {missed}, non-duties {false_duties} ({})",
            interval(right, lines.len()),
            by_section.join(", ")
        );
    }
}

/// The posting's title over its duty lines with their bullets and numbers lost, as a list
/// copied from a web page often comes: the verdict, and how many duty lines were read as
/// duties (of how many).
fn read_bare_list(
    catalog: &Catalog,
    reader: &Reader,
    config: &MatchingConfig,
    posting: &CorpusPosting,
) -> (String, (usize, usize)) {
    let duties: Vec<String> = posting
        .lines
        .iter()
        .filter(|l| l.section == "duty")
        .map(|l| without_marks(&l.text).to_owned())
        .collect();
    let text = format!("{}\n\n{}\n", posting.title, duties.join("\n"));
    let offer = reader.read(catalog, &text, &RoleHint::default());
    let verdict = short_verdict(&judge(catalog, &offer, config).verdict.id());
    let read: Vec<String> = offer
        .lines
        .iter()
        .map(|l| key(&l.source_text, usize::MAX))
        .collect();
    let found = duties
        .iter()
        .filter(|d| {
            let k = key(d, 40);
            !k.is_empty() && read.iter().any(|r| r.contains(&k))
        })
        .count();
    (verdict, (found, duties.len()))
}

/// A posting read in the forms `offer_lines_eval.py` gives (see the fields of [`Outcome`]).
#[derive(Default)]
struct AsGiven {
    alone: Vec<(String, Option<String>, String)>,
    list_got: String,
    list_counts: String,
    paragraphs: Vec<bool>,
}

/// A line as the measure compares lines: lower-cased, letters and digits only, one space
/// between words, cut to `len` characters (how `offer_raw_eval.py` finds a labelled line).
fn key(text: &str, len: usize) -> String {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(len)
        .collect()
}

/// The role(s) the reader took from the title, as the corpus's `title_role` names them.
fn read_role(role: Option<&RoleSpec>) -> &'static str {
    let Some(role) = role else { return "none" };
    let ids: Vec<&str> = role.role_ids().collect();
    let community = ids.contains(&"community-manager");
    let social = ids.contains(&"social-media-manager");
    match (community, social) {
        (true, true) => "both",
        (true, false) => "community",
        (false, true) => "social-media",
        (false, false) => "none",
    }
}

/// How many of `outcomes` are `right`, and of those titled as a role, as intervals.
fn all_and_titled(outcomes: &[&Outcome], right: impl Fn(&Outcome) -> bool) -> (String, String) {
    let titled: Vec<&Outcome> = outcomes
        .iter()
        .copied()
        .filter(|o| titled_as_role(&o.title_role))
        .collect();
    let count = |os: &[&Outcome]| os.iter().filter(|o| right(o)).count();
    (
        interval(count(outcomes), outcomes.len()),
        interval(count(&titled), titled.len()),
    )
}

/// Whether a gold title role is a role's title: the form of the measurement sets' postings.
fn titled_as_role(title_role: &str) -> bool {
    matches!(title_role, "community" | "social-media" | "both")
}

/// The title measure: the title found and read as the role(s) its gold `title_role` names,
/// per language and by gold title role, with the confusion of gold against read.
fn report_titles(outcomes: &[Outcome], by_lang: &BTreeMap<&str, Vec<&Outcome>>) {
    println!("\ntitles found: the gold title or a part of it, and nothing else:");
    for (lang, os) in by_lang {
        let right = os.iter().filter(|o| o.title_text_right).count();
        println!("  {lang:<5} {}", interval(right, os.len()));
    }
    println!("\ntitles read as the role(s) the gold title names (title_role):");
    for (lang, os) in by_lang {
        let (all, titled) = all_and_titled(os, |o| o.read_role == o.title_role);
        println!("  {lang:<5} {all}   titled as a role: {titled}");
    }
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for o in outcomes {
        *confusion
            .entry((o.title_role.as_str(), o.read_role))
            .or_default() += 1;
    }
    println!("  gold title role -> read:");
    for ((gold, read), n) in &confusion {
        println!("    {gold:<13} -> {read:<13} {n}");
    }
    println!("\nverdicts by gold title role:");
    let mut groups: BTreeMap<&str, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes {
        groups.entry(o.title_role.as_str()).or_default().push(o);
        if titled_as_role(&o.title_role) {
            groups.entry("titled as a role").or_default().push(o);
        }
    }
    for (group, os) in &groups {
        let right = os.iter().filter(|o| o.want == o.got).count();
        let mut langs: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for o in os {
            let e = langs.entry(o.language.as_str()).or_default();
            e.0 += usize::from(o.want == o.got);
            e.1 += 1;
        }
        let per_lang: Vec<String> = langs
            .iter()
            .map(|(l, (r, n))| format!("{l} {r}/{n}"))
            .collect();
        println!(
            "  {group:<16} {}   ({})",
            interval(right, os.len()),
            per_lang.join(", ")
        );
    }
    println!(
        "  (titled as a role: community, social-media or both, the form of ../shared/devset/raw)"
    );
}

fn short_verdict(id: &str) -> String {
    match id {
        "mostly-social-media-manager" => "mostly-social-media".to_owned(),
        "mostly-community-manager" => "mostly-community".to_owned(),
        other => other.to_owned(),
    }
}

fn short_class(class: &str) -> String {
    match class {
        "community-manager" => "community",
        "social-media-manager" => "social",
        "shared" => "shared",
        _ => "unmatched",
    }
    .to_owned()
}

/// Duty lines of some role's work read right, by language and for the postings titled as a
/// role; what the rest of the measure leaves out (lines of no one's work read as someone's);
/// and where the non-duties read as duties stand.
fn report_lines(outcomes: &[Outcome], by_lang: &BTreeMap<&str, Vec<&Outcome>>) {
    println!("\nduty lines of some role's work, read as duties and given the right role:");
    for (lang, os) in by_lang {
        let all: Vec<&(String, Option<String>)> = os.iter().flat_map(|o| &o.lines).collect();
        let right = all
            .iter()
            .filter(|(want, got)| got.as_deref() == Some(want.as_str()))
            .count();
        let missed = all.iter().filter(|(_, got)| got.is_none()).count();
        let false_duties: usize = os.iter().map(|o| o.false_duties.len()).sum();
        println!(
            "  {lang:<5} {}   missed {missed}, non-duties read as duties {false_duties}",
            interval(right, all.len())
        );
    }
    let titled: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| titled_as_role(&o.title_role))
        .collect();
    let titled_lines: Vec<_> = titled.iter().flat_map(|o| &o.lines).collect();
    let titled_right = titled_lines
        .iter()
        .filter(|(want, got)| got.as_deref() == Some(want.as_str()))
        .count();
    println!(
        "  titled as a role {}",
        interval(titled_right, titled_lines.len())
    );
    // The other side of the measure: duty lines of no one's work (left out of it) that were
    // read as some role's work, and so count in a verdict.
    for (what, os) in [
        ("all", outcomes.iter().collect::<Vec<_>>()),
        ("titled as a role", titled),
    ] {
        let neither: Vec<_> = os.iter().flat_map(|o| &o.neither_lines).collect();
        let as_role = neither
            .iter()
            .filter(|got| got.as_deref().is_some_and(|c| c != "unmatched"))
            .count();
        println!(
            "  duty lines of no role's work read as some role's work, {what}: {as_role}/{}",
            neither.len()
        );
    }
    let mut sections: BTreeMap<&str, usize> = BTreeMap::new();
    for section in outcomes.iter().flat_map(|o| &o.false_duties) {
        *sections.entry(section.as_str()).or_default() += 1;
    }
    let mut sections: Vec<(&str, usize)> = sections.into_iter().collect();
    sections.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let sections: Vec<String> = sections.iter().map(|(s, n)| format!("{s} {n}")).collect();
    println!(
        "  non-duties read as duties, by the section they stand in: {}",
        sections.join(", ")
    );
}

/// The measures of `offer_lines_eval.py`, on the held-out corpus postings: each duty line of
/// some role's work given alone, and verdicts on the duty lists (all postings, and those
/// titled as a role, the form of the dev duty lists).
fn report_as_given(by_lang: &BTreeMap<&str, Vec<&Outcome>>) {
    println!(
        "\nas offer_lines_eval.py gives them: a duty line alone with --role community-manager, its first duty's role right:"
    );
    for (lang, os) in by_lang {
        let lines: Vec<_> = os.iter().flat_map(|o| &o.alone).collect();
        let right = lines
            .iter()
            .filter(|(want, got, _)| got.as_deref() == Some(want.as_str()))
            .count();
        println!("  {lang:<5} {}", interval(right, lines.len()));
    }
    // By label: the corpus's mix of classes is not the measurement sets' (a quarter of the
    // dev lines are `shared`, a twelfth of the corpus's work lines), so each class's figure
    // counts.
    let mut by_label: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (want, got, _) in by_lang
        .get("all")
        .into_iter()
        .flatten()
        .flat_map(|o| &o.alone)
    {
        let e = by_label.entry(want.as_str()).or_default();
        e.0 += usize::from(got.as_deref() == Some(want.as_str()));
        e.1 += 1;
    }
    let by_label: Vec<String> = by_label
        .iter()
        .map(|(label, (right, n))| format!("{label} {right}/{n}"))
        .collect();
    println!("  by label: {}", by_label.join(", "));
    println!(
        "  lines of company, requirement or benefit text of two sentences or more, given alone, read as holding a duty:"
    );
    for (lang, os) in by_lang {
        let read: Vec<bool> = os
            .iter()
            .flat_map(|o| o.paragraphs.iter().copied())
            .collect();
        let with_duty = read.iter().filter(|&&d| d).count();
        println!("  {lang:<5} {with_duty}/{}", read.len());
    }
    println!(
        "  verdicts on the title and duty lines as bullets, with --title (all; titled as a role):"
    );
    for (lang, os) in by_lang {
        let (all, titled) = all_and_titled(os, |o| o.list_got == o.want);
        println!("  {lang:<5} {all}; {titled}");
    }
    println!(
        "  the title over the duty lines with no bullets: duty lines read as duties; verdicts (all; titled as a role):"
    );
    for (lang, os) in by_lang {
        let (found, n) = os
            .iter()
            .fold((0, 0), |(f, n), o| (f + o.bare_read.0, n + o.bare_read.1));
        let (all, titled) = all_and_titled(os, |o| o.bare_got == o.want);
        println!("  {lang:<5} {}; {all}; {titled}", interval(found, n));
    }
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for o in by_lang.get("all").into_iter().flatten() {
        if titled_as_role(&o.title_role) {
            *confusion.entry((&o.want, &o.list_got)).or_default() += 1;
        }
    }
    println!("  duty-list verdicts of the postings titled as a role (want -> got):");
    for ((want, got), n) in &confusion {
        println!("    {want:<20} -> {got:<20} {n}");
    }
}

fn report(outcomes: &[Outcome], show_misses: bool) {
    let mut by_lang: BTreeMap<&str, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes {
        by_lang.entry("all").or_default().push(o);
        by_lang.entry(o.language.as_str()).or_default().push(o);
    }
    println!("\nverdicts (95% Wilson interval):");
    for (lang, os) in &by_lang {
        let right = os.iter().filter(|o| o.want == o.got).count();
        println!("  {lang:<5} {}", interval(right, os.len()));
    }
    let mut by_title: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        let e = by_title.entry(o.title).or_default();
        e.0 += usize::from(o.want == o.got);
        e.1 += 1;
    }
    println!(
        "  by how the title was read (alias: it names a role; words: read by the role model):"
    );
    for (how, (right, n)) in &by_title {
        println!("    {how:<6} {}", interval(*right, *n));
    }
    report_titles(outcomes, &by_lang);
    report_lines(outcomes, &by_lang);
    report_as_given(&by_lang);
    let mut verdicts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut lines: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for o in outcomes {
        *verdicts.entry((&o.want, &o.got)).or_default() += 1;
        for (want, got) in &o.lines {
            *lines
                .entry((want.as_str(), got.as_deref().unwrap_or("missed")))
                .or_default() += 1;
        }
    }
    println!("\nverdicts (want -> got):");
    for ((want, got), n) in &verdicts {
        println!("  {want:<20} -> {got:<20} {n}");
    }
    println!("\nduty lines (label -> got):");
    for ((want, got), n) in &lines {
        println!("  {want:<10} -> {got:<10} {n}");
    }
    if show_misses {
        report_misses(outcomes);
    }
}

/// Every posting, line and title the reader got wrong (`--show-misses`).
fn report_misses(outcomes: &[Outcome]) {
    println!("\nwrong verdicts:");
    for o in outcomes.iter().filter(|o| o.want != o.got) {
        let name = o.file_name();
        println!(
            "  {name}: want {}, got {} (title {:?} read by {} as {}, gold {}; {}; as a duty list {})",
            o.want,
            o.got,
            o.found_title.as_deref().unwrap_or(""),
            o.title,
            o.read_role,
            o.title_role,
            o.raw_counts,
            o.list_got,
        );
    }
    println!(
        "\nduty lines given alone not read as their label's work (label -> got, `none`: no duty read, `unmatched`: a duty of no class; file: line):"
    );
    for o in outcomes {
        for (want, got, text) in o
            .alone
            .iter()
            .filter(|(w, g, _)| g.as_deref() != Some(w.as_str()))
        {
            println!(
                "  {} {want} -> {} ({}): {text}",
                o.language,
                got.as_deref().unwrap_or("none"),
                o.file_name()
            );
        }
    }
    println!(
        "\nduty-list verdicts missed, postings titled as a role (counts: community/social/shared):"
    );
    for o in outcomes
        .iter()
        .filter(|o| titled_as_role(&o.title_role) && o.list_got != o.want)
    {
        println!(
            "  {}: want {}, got {} ({})",
            o.file_name(),
            o.want,
            o.list_got,
            o.list_counts
        );
    }
    println!("\ntitles found that are not the gold title or a part of it:");
    for o in outcomes.iter().filter(|o| !o.title_text_right) {
        let name = o.file_name();
        println!(
            "  {name}: found {:?}",
            o.found_title.as_deref().unwrap_or("")
        );
    }
    println!("\ntitles not read as their gold role:");
    for o in outcomes.iter().filter(|o| o.read_role != o.title_role) {
        let name = o.file_name();
        println!(
            "  {name}: gold {}, read {} (title {:?})",
            o.title_role,
            o.read_role,
            o.found_title.as_deref().unwrap_or("")
        );
    }
}
