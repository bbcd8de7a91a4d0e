//! Shows how `rolescope offer` reads a pasted text line by line: each laid-out line with the
//! section the learned model gives it after its first pass and after its second (which also
//! sees how the lines around it read), and the duty probability the reader compares with its
//! threshold.
//!
//! `cargo run --release --example offer_sections -- posting.txt` (or the text on stdin).
//! `-- --models DIR posting.txt` reads with the models in `DIR` (`sections-first.model`,
//! `sections.model`, `roles.model`), such as a fold's that `reader_cv --cache` keeps: how a
//! posting reads to models that never saw it.

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read as _;

use anyhow::Context as _;

use rolescope::catalog::Catalog;
use rolescope::offer::features::Stems;
use rolescope::offer::model::LinearModel;
use rolescope::offer::{LearnedModels, MatchingConfig, Reader, language, sections};

fn main() -> anyhow::Result<()> {
    let catalog = Catalog::builtin()?;
    let config = MatchingConfig::builtin()?;
    let threshold = config.reader.duty_threshold;
    let min_confidence = config.reader.language_min_confidence;
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let reader = if args.first().is_some_and(|a| a == "--models") {
        let dir = std::path::PathBuf::from(args.get(1).context("--models needs a folder")?);
        let parse = |file: &str| -> anyhow::Result<LinearModel> {
            let text = std::fs::read_to_string(dir.join(file))
                .with_context(|| format!("reading {}", dir.join(file).display()))?;
            LinearModel::parse(&text).map_err(|e| anyhow::anyhow!("{file}: {e:?}"))
        };
        let models = LearnedModels {
            sections_first: parse("sections-first.model")?,
            sections: parse("sections.model")?,
            roles: parse("roles.model")?,
        };
        args.drain(..2);
        Reader::with_models(&catalog, config, models)
    } else {
        Reader::new(&catalog, config)
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = if let Some(path) = args.first() {
        std::fs::read_to_string(path)?
    } else {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    };
    let (lang, _) = language::detect(&text, min_confidence);
    let stems = Stems::new(lang);
    let laid = sections::lay_out(&text);
    let model = reader.sections();
    let (first, second) = model.probabilities(lang, &stems, &laid);
    let best = |p: &[f64]| {
        let c = (0..p.len())
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        format!("{:<11} {:>3.0}%", model.classes()[c], p[c] * 100.0)
    };
    let duty = model
        .classes()
        .iter()
        .position(|c| c == sections::DUTY)
        .unwrap_or(0);
    println!("language {}, duty threshold {threshold}", lang.code());
    println!(
        "{:<16} {:<16} {:>5}  line",
        "first pass", "in context", "duty"
    );
    for ((line, a), b) in laid.iter().zip(&first).zip(&second) {
        let mark = if b[duty] >= threshold { '*' } else { ' ' };
        let text: String = line.text.chars().take(70).collect();
        println!(
            "{} {} {:>4.0}%{mark} {text}",
            best(a),
            best(b),
            b[duty] * 100.0
        );
    }
    Ok(())
}
