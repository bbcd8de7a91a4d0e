//! Learns the offer reader from the labelled corpus and writes `data/reader/*.model`, or
//! measures it by leaving whole sources out.
//!
//! ```text
//! cargo run --release --example train_reader                 # learn, write the models
//! cargo run --release --example train_reader -- --cv         # leave-one-source-out figures
//! cargo run --release --example train_reader -- --corpus DIR --out DIR
//! ```
//!
//! Deterministic: the same corpus, catalogs and `data/reader/training.yaml` give the same files
//! byte for byte (`tests/reader_training.rs` checks the committed ones).

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context as _;
use rolescope::catalog::Catalog;
use rolescope::offer::language::Language;
use rolescope::offer::training::{
    Prediction, TrainingConfig, classes_of, cross_validate, cross_validate_sections, interval,
    load_corpus, role_classes, role_examples, section_documents, train,
};

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut corpus_dir = root.join("corpus/postings");
    let mut out_dir = root.join("data/reader");
    let mut settings = root.join("data/reader/training.yaml");
    let mut cv = false;
    let mut roles_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--corpus" => corpus_dir = args.next().context("--corpus needs a folder")?.into(),
            "--settings" => settings = args.next().context("--settings needs a file")?.into(),
            "--out" => out_dir = args.next().context("--out needs a folder")?.into(),
            "--cv" => cv = true,
            "--cv-roles" => (cv, roles_only) = (true, true),
            other => anyhow::bail!(
                "unknown argument `{other}` (expected --corpus, --out, --settings, --cv, --cv-roles)"
            ),
        }
    }
    let corpus = load_corpus(&corpus_dir)?;
    let catalog = Catalog::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    let config = TrainingConfig::from_file(&settings)?;
    if cv {
        return cross_validation(&corpus, &catalog, &config, roles_only);
    }
    let started = std::time::Instant::now();
    let trained = train(&corpus, &catalog, &config);
    for (name, text) in trained.files() {
        let path = out_dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {} ({} lines)", path.display(), text.lines().count());
    }
    println!(
        "{} postings, learned in {:.1} s",
        corpus.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Folds of whole sources for the section model's cross-validation (each fold fits the
/// model's two passes several times, so leaving one source out at a time would be slow).
const SECTION_FOLDS: usize = 10;

const NEITHER: &str = rolescope::offer::roles::NEITHER;

fn cross_validation(
    corpus: &[(String, rolescope::offer::training::CorpusPosting)],
    catalog: &Catalog,
    config: &TrainingConfig,
    roles_only: bool,
) -> anyhow::Result<()> {
    let groups: std::collections::BTreeSet<String> =
        corpus.iter().map(|(_, p)| p.group()).collect();
    println!(
        "leave-one-source-out over {} postings of {} sources",
        corpus.len(),
        groups.len()
    );

    let examples = role_examples(corpus, catalog, &config.roles);
    let classes = role_classes(catalog, &config.roles);
    // Each prediction is "best<TAB>best of the work classes<TAB>the same with the reader's
    // shared odds": the second is what the model alone gives a line the user gives as a duty
    // (the reader never calls such a line nobody's work), the third what `offer` gives it.
    let shared_odds = rolescope::offer::MatchingConfig::builtin()
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .reader
        .shared_odds;
    let both = cross_validate(&classes, &examples, config.roles.fit, &|m, e| {
        let learned = m.probabilities(&e.features);
        let argmax = |p: &[f64], skip: Option<&str>| {
            (0..p.len())
                .filter(|&c| Some(m.classes[c].as_str()) != skip)
                .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
                .map_or_else(String::new, |c| m.classes[c].clone())
        };
        let mut taken = learned.clone();
        if let Some(c) = m.class_index(rolescope::catalog::SHARED) {
            rolescope::offer::roles::take_odds(&mut taken, c, shared_odds);
        }
        format!(
            "{}\t{}\t{}",
            argmax(&learned, None),
            argmax(&learned, Some(NEITHER)),
            argmax(&taken, Some(NEITHER))
        )
    });
    let pick = |field: usize| -> Vec<Prediction> {
        both.iter()
            .filter(|p| field == 0 || p.want != NEITHER)
            .map(|p| Prediction {
                got: p.got.split('\t').nth(field).unwrap_or(&p.got).to_owned(),
                ..p.clone()
            })
            .collect()
    };
    println!("\nrole of a duty line (accuracy, 95% Wilson interval):");
    report_accuracy(&pick(0));
    confusion(&pick(0), &classes);
    println!("\nrole of a line that is some role's work, never read as `neither`:");
    report_accuracy(&pick(1));
    confusion(&pick(1), &classes);
    println!(
        "\nthe same, with `shared`'s odds taken {shared_odds} times as `offer` takes them (reader.shared_odds):"
    );
    report_accuracy(&pick(2));
    confusion(&pick(2), &classes);
    if roles_only {
        return Ok(());
    }
    section_cross_validation(corpus, config)
}

/// Duty or not, per laid-out line: precision and recall at the reader's threshold (per
/// language, with intervals) and at other thresholds.
fn section_cross_validation(
    corpus: &[(String, rolescope::offer::training::CorpusPosting)],
    config: &TrainingConfig,
) -> anyhow::Result<()> {
    let documents = section_documents(corpus, &config.sections);
    let classes = classes_of(&config.sections.classes);
    let duty = rolescope::offer::sections::DUTY;
    let duty_index = classes.iter().position(|c| c == duty).unwrap_or(0);
    let reader_config =
        rolescope::offer::MatchingConfig::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    let threshold = reader_config.reader.duty_threshold;
    println!("\nsection model: {SECTION_FOLDS} folds of whole sources");
    let predictions: Vec<(Prediction, f64)> = cross_validate_sections(
        &classes,
        &documents,
        config.sections.fit,
        SECTION_FOLDS,
        config.sections.context_folds,
    )
    .into_iter()
    .map(|(p, probabilities)| {
        let want = if p.want == duty { "duty" } else { "not" }.to_owned();
        (Prediction { want, ..p }, probabilities[duty_index])
    })
    .collect();
    println!("\nduty or not at other thresholds (precision / recall / F1):");
    for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8] {
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for (p, probability) in &predictions {
            match (p.want == "duty", *probability >= t) {
                (true, true) => tp += 1.0,
                (false, true) => fp += 1.0,
                (true, false) => fn_ += 1.0,
                _ => {}
            }
        }
        let (precision, recall) = (tp / (tp + fp), tp / (tp + fn_));
        let f1 = 2.0 * precision * recall / (precision + recall);
        println!(
            "  {t:.1}  {:.1}% / {:.1}% / {:.3}",
            precision * 100.0,
            recall * 100.0,
            f1
        );
    }
    let predictions: Vec<Prediction> = predictions
        .into_iter()
        .map(|(p, probability)| Prediction {
            got: if probability >= threshold {
                "duty"
            } else {
                "not"
            }
            .to_owned(),
            ..p
        })
        .collect();
    println!("\nduty or not, per laid-out line (threshold {threshold}):");
    let mut by: BTreeMap<Option<Language>, [usize; 3]> = BTreeMap::new(); // tp, fp, fn
    for p in &predictions {
        for key in [None, Some(p.language)] {
            let e = by.entry(key).or_default();
            match (p.want == "duty", p.got == "duty") {
                (true, true) => e[0] += 1,
                (false, true) => e[1] += 1,
                (true, false) => e[2] += 1,
                _ => {}
            }
        }
    }
    println!("  {:<8} {:>22} {:>22}", "", "precision", "recall");
    for (lang, [tp, fp, fn_]) in by {
        let name = lang.map_or("all", Language::code);
        println!(
            "  {:<8} {:>22} {:>22}",
            name,
            interval(tp, tp + fp),
            interval(tp, tp + fn_)
        );
    }
    Ok(())
}

fn report_accuracy(predictions: &[Prediction]) {
    let mut by: BTreeMap<Option<Language>, (usize, usize)> = BTreeMap::new();
    for p in predictions {
        for key in [None, Some(p.language)] {
            let e = by.entry(key).or_default();
            e.0 += usize::from(p.want == p.got);
            e.1 += 1;
        }
    }
    for (lang, (right, n)) in by {
        println!(
            "  {:<8} {}",
            lang.map_or("all", Language::code),
            interval(right, n)
        );
    }
}

fn confusion(predictions: &[Prediction], classes: &[String]) {
    println!(
        "  confusion (rows: label; columns: {})",
        classes.join(" / ")
    );
    for want in classes {
        let row: Vec<String> = classes
            .iter()
            .map(|got| {
                predictions
                    .iter()
                    .filter(|p| &p.want == want && &p.got == got)
                    .count()
                    .to_string()
            })
            .collect();
        println!("  {want:<22} {}", row.join(" / "));
    }
}
