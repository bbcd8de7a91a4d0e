//! Shows how `rolescope offer` reads a pasted text line by line: each laid-out line with the
//! section the learned model gives it after its first pass and after its second (which also
//! sees how the lines around it read), and the duty probability the reader compares with its
//! threshold.
//!
//! `cargo run --release --example offer_sections -- posting.txt` (or the text on stdin).

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read as _;

use rolescope::catalog::Catalog;
use rolescope::offer::features::Stems;
use rolescope::offer::{MatchingConfig, Reader, language, sections};

fn main() -> anyhow::Result<()> {
    let catalog = Catalog::builtin()?;
    let config = MatchingConfig::builtin()?;
    let threshold = config.reader.duty_threshold;
    let min_confidence = config.reader.language_min_confidence;
    let reader = Reader::new(&catalog, config).map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = if let Some(path) = std::env::args().nth(1) {
        std::fs::read_to_string(&path)?
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
