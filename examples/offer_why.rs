//! Shows why `rolescope offer` maps a duty line where it does: the best tasks with their
//! scores, the terms each shares with the line, and the relationship-cue bonus.
//!
//! `cargo run --release --example offer_why -- "Moderate our Discord server"` (several lines
//! as several arguments, or none to read stdin line by line; `--no-cues` leaves the
//! relationship cues out).

use std::io::BufRead;

use rolescope::catalog::Catalog;
use rolescope::offer::{MatchingConfig, Reader};

fn main() -> anyhow::Result<()> {
    let catalog = Catalog::builtin()?;
    let mut config = MatchingConfig::builtin()?;
    let mut lines: Vec<String> = std::env::args().skip(1).collect();
    // `--no-cues`: similarity alone, to see what the words say before the cues decide.
    if let Some(i) = lines.iter().position(|a| a == "--no-cues") {
        lines.remove(i);
        config.scoring.max_cue_bonus = 0.0;
    }
    let reader = Reader::new(&catalog, config);
    if lines.is_empty() {
        lines = std::io::stdin().lock().lines().collect::<Result<_, _>>()?;
    }
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        println!("{line}");
        // Every score, best first, also those below the matching threshold.
        let scores = reader.matcher().scores(line);
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        for &t in order.iter().take(5) {
            let task = &catalog.tasks()[t];
            let (terms, cue) = reader.matcher().explain(line, t);
            let terms: Vec<String> = terms
                .iter()
                .take(6)
                .map(|(t, v)| format!("{t} {v:.3}"))
                .collect();
            println!(
                "  {:.3} {:<32} cue {:+.2} | {}",
                scores[t],
                task.id,
                cue,
                terms.join(", ")
            );
        }
        // The best score of each owner: how close the role decision was.
        let mut best: Vec<(String, f64)> = Vec::new();
        for (t, task) in catalog.tasks().iter().enumerate() {
            let owner = task.role.to_string();
            match best.iter_mut().find(|(o, _)| *o == owner) {
                Some((_, s)) => *s = s.max(scores[t]),
                None => best.push((owner, scores[t])),
            }
        }
        let best: Vec<String> = best.iter().map(|(o, s)| format!("{o} {s:.3}")).collect();
        println!("  best by owner: {}\n", best.join(" · "));
    }
    Ok(())
}
