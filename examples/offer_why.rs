//! Shows why `rolescope offer` reads a duty line as it does: the learned role model's
//! probability of each class with the words that raised the best one, then the catalog tasks
//! closest to the line by their words (the task a line maps to is the closest of its role).
//!
//! `cargo run --release --example offer_why -- "Moderate our Discord server"` (several lines
//! as several arguments, or none to read stdin line by line).

// An example prints its own measurements of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::BufRead;

use rolescope::catalog::Catalog;
use rolescope::offer::features::Stems;
use rolescope::offer::{MatchingConfig, Reader, language};

fn main() -> anyhow::Result<()> {
    let catalog = Catalog::builtin()?;
    let config = MatchingConfig::builtin()?;
    let min_confidence = config.reader.language_min_confidence;
    let reader = Reader::new(&catalog, config).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut lines: Vec<String> = std::env::args().skip(1).collect();
    if lines.is_empty() {
        lines = std::io::stdin().lock().lines().collect::<Result<_, _>>()?;
    }
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        let (lang, _) = language::detect(line, min_confidence);
        let stems = Stems::new(lang);
        println!("{line}  [{}]", lang.code());
        let mut classes = reader.roles().probabilities(&stems, line);
        classes.sort_by(|a, b| b.1.total_cmp(&a.1));
        let classes: Vec<String> = classes
            .iter()
            .map(|(c, p)| format!("{c} {:.0}%", p * 100.0))
            .collect();
        let guess = reader.roles().read(&stems, line);
        println!(
            "  role model (shared odds taken as offer takes them): {}",
            classes.join(" · ")
        );
        println!("  decided by: {}", guess.evidence.join(", "));
        // Every task's similarity, best first, also those below the matching threshold.
        let scores = reader.matcher(&catalog).scores(line);
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        for &t in order.iter().take(5) {
            let task = &catalog.tasks()[t];
            let terms: Vec<String> = reader
                .matcher(&catalog)
                .explain(line, t)
                .iter()
                .take(6)
                .map(|(t, v)| format!("{t} {v:.3}"))
                .collect();
            println!(
                "  {:.3} {:<32} {:<22} | {}",
                scores[t],
                task.id,
                task.role.as_str(),
                terms.join(", ")
            );
        }
        println!();
    }
    Ok(())
}
