//! The evaluation of `rolescope offer` on `../shared/devset/` (read at run time, never copied
//! into the repository): per-line role accuracy, per-role precision and recall, the 3×3
//! confusion matrix, the hard subset, and the posting verdicts. Shared by the example program
//! (`cargo run --example offer_eval`) and the test that holds the reached accuracy.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rolescope::catalog::Catalog;
use rolescope::offer::{MatchingConfig, Reader, RoleHint, judge};
use serde::Deserialize;

/// The devset's labels, in matrix order; `unmatched` is counted apart.
pub const LABELS: [&str; 3] = ["community", "social", "shared"];

#[derive(Debug, Deserialize)]
pub struct TaskLine {
    pub text: String,
    pub label: String,
    #[serde(default)]
    pub hard: bool,
}

#[derive(Debug, Deserialize)]
pub struct Posting {
    pub title: String,
    pub duties: Vec<String>,
    pub verdict: String,
    #[serde(default)]
    pub why: String,
}

/// Where the devset lives: `../shared/devset` beside the clone.
pub fn devset_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the manifest dir has a parent")
        .join("shared")
        .join("devset")
}

/// The devset label of a catalog owner: the community manager's tasks are `community`, the
/// social media manager's `social`, the overlap `shared`.
fn label_of(owner: &str) -> &'static str {
    match owner {
        "community-manager" => "community",
        "social-media-manager" => "social",
        _ => "shared",
    }
}

/// The devset's verdict names for ours (`mostly-social-media` for
/// `mostly-social-media-manager`).
fn devset_verdict(ours: &str) -> String {
    match ours {
        "mostly-social-media-manager" => "mostly-social-media".to_owned(),
        "mostly-community-manager" => "mostly-community".to_owned(),
        other => other.to_owned(),
    }
}

#[derive(Debug, Default, Clone)]
pub struct LineStats {
    /// matrix[truth][predicted]
    pub matrix: [[usize; 3]; 3],
    /// Unmatched per true label.
    pub unmatched: [usize; 3],
}

impl LineStats {
    pub fn total(&self) -> usize {
        self.matrix.iter().flatten().sum::<usize>() + self.unmatched.iter().sum::<usize>()
    }
    pub fn correct(&self) -> usize {
        (0..3).map(|i| self.matrix[i][i]).sum()
    }
    /// Right answers over all lines (unmatched lines count as not right).
    pub fn accuracy(&self) -> f64 {
        self.correct() as f64 / self.total().max(1) as f64
    }
    pub fn precision(&self, i: usize) -> f64 {
        let col: usize = (0..3).map(|t| self.matrix[t][i]).sum();
        self.matrix[i][i] as f64 / col.max(1) as f64
    }
    pub fn recall(&self, i: usize) -> f64 {
        let row: usize = self.matrix[i].iter().sum::<usize>() + self.unmatched[i];
        self.matrix[i][i] as f64 / row.max(1) as f64
    }
    pub fn macro_f1(&self) -> f64 {
        (0..3)
            .map(|i| {
                let (p, r) = (self.precision(i), self.recall(i));
                if p + r == 0.0 {
                    0.0
                } else {
                    2.0 * p * r / (p + r)
                }
            })
            .sum::<f64>()
            / 3.0
    }
}

pub struct Report {
    pub all: LineStats,
    pub hard: LineStats,
    pub verdicts_right: usize,
    pub verdicts_total: usize,
    /// Postings whose verdict changed when pasted as bare bullets under the title instead of
    /// under a "Responsibilities:" heading (the section model sees the heading, so it may
    /// take fewer bare lines for duties; the verdict should not change).
    pub shape_disagreements: Vec<String>,
    pub text: String,
}

/// Runs the whole evaluation; panics with a clear message when the devset is missing.
pub fn run() -> Report {
    let dir = devset_dir();
    let tasks_path = dir.join("tasks.yaml");
    let tasks_text = std::fs::read_to_string(&tasks_path).unwrap_or_else(|e| {
        panic!(
            "the devset is missing: cannot read {} ({e}); it must sit beside the clone as ../shared/devset",
            tasks_path.display()
        )
    });
    let lines: Vec<TaskLine> = serde_yaml::from_str(&tasks_text).expect("tasks.yaml parses");
    let catalog = Catalog::builtin().expect("built-in catalog");
    // OFFER_EVAL_MATCHING=path tries another matching.yaml without rebuilding (for tuning).
    let config = match std::env::var("OFFER_EVAL_MATCHING") {
        Ok(path) => {
            let text = std::fs::read_to_string(&path).expect("OFFER_EVAL_MATCHING readable");
            MatchingConfig::parse(&path, &text).expect("OFFER_EVAL_MATCHING parses")
        }
        Err(_) => MatchingConfig::builtin().expect("matching config"),
    };
    let reader = Reader::new(&catalog, config).expect("built-in reader");
    let mut out = String::new();
    let mut all = LineStats::default();
    let mut hard = LineStats::default();
    let mut misses = Vec::new();
    for line in &lines {
        let truth = LABELS
            .iter()
            .position(|l| *l == line.label)
            .unwrap_or_else(|| panic!("unknown label {}", line.label));
        let mapping = reader.map_line(&catalog, &line.text);
        let predicted = mapping.as_ref().map(|m| {
            let owner = catalog
                .task(&m.task)
                .expect("mapped task exists")
                .role
                .as_str()
                .to_owned();
            LABELS
                .iter()
                .position(|l| *l == label_of(&owner))
                .expect("label")
        });
        for stats in std::iter::once(&mut all).chain(line.hard.then_some(&mut hard)) {
            match predicted {
                Some(p) => stats.matrix[truth][p] += 1,
                None => stats.unmatched[truth] += 1,
            }
        }
        if predicted != Some(truth) {
            misses.push(format!(
                "  {}{:<9} → {:<9} {}  [{}]",
                if line.hard { "H " } else { "  " },
                line.label,
                predicted.map_or("unmatched", |p| LABELS[p]),
                line.text.chars().take(90).collect::<String>(),
                mapping.map_or(String::new(), |m| format!("{} {:.2}", m.task, m.confidence)),
            ));
        }
    }
    write_stats(&mut out, "All lines", &all);
    write_stats(&mut out, "Hard subset", &hard);
    let _ = writeln!(out, "\nMissed lines ({}):", misses.len());
    for m in &misses {
        let _ = writeln!(out, "{m}");
    }

    let (right, total, shape_disagreements) = postings(&dir, &catalog, &reader, &mut out);
    Report {
        all,
        hard,
        verdicts_right: right,
        verdicts_total: total,
        shape_disagreements,
        text: out,
    }
}

/// Runs every posting as pasted text (title, a heading, the duties as bullets) and compares
/// verdicts; returns (right, total, postings whose verdict differs when the same duties are
/// pasted as bare bullets with no heading).
fn postings(
    dir: &Path,
    catalog: &Catalog,
    reader: &Reader,
    out: &mut String,
) -> (usize, usize, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("postings"))
        .expect("devset postings directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut right = 0;
    let mut disagreements = Vec::new();
    let _ = writeln!(out, "\nPostings:");
    for file in &files {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let text = std::fs::read_to_string(file).expect("posting readable");
        let posting: Posting = serde_yaml::from_str(&text).expect("posting parses");
        let bullets = posting
            .duties
            .iter()
            .map(|d| format!("- {d}"))
            .collect::<Vec<_>>()
            .join("\n");
        let headed = format!("{}\n\nResponsibilities:\n{bullets}\n", posting.title);
        let bare = format!("{}\n\n{bullets}\n", posting.title);
        let offer = reader.read(catalog, &headed, &RoleHint::default());
        let j = judge(catalog, &offer, &reader.config);
        let ours = devset_verdict(&j.verdict.id());
        let bare_offer = reader.read(catalog, &bare, &RoleHint::default());
        let bare_verdict =
            devset_verdict(&judge(catalog, &bare_offer, &reader.config).verdict.id());
        if bare_verdict != ours {
            disagreements.push(format!(
                "{name}: {} duty lines and {ours} under a heading, {} and {bare_verdict} as bare bullets",
                offer.lines.len(),
                bare_offer.lines.len()
            ));
        }
        let ok = ours == posting.verdict;
        right += usize::from(ok);
        let counts: Vec<String> = j
            .tally
            .by_slot
            .iter()
            .zip(catalog.role_ids().chain(["shared"]))
            .map(|(c, id)| format!("{id} {c:.2}"))
            .collect();
        let _ = writeln!(
            out,
            "  {} {:<55} expected {:<20} got {:<20} ({}, unmatched {})",
            if ok { "✓" } else { "✗" },
            name,
            posting.verdict,
            ours,
            counts.join(", "),
            j.tally.unmatched
        );
        if !ok {
            let _ = writeln!(out, "      why: {}", posting.why);
        }
    }
    let _ = writeln!(out, "Verdicts right: {right}/{}", files.len());
    if disagreements.is_empty() {
        let _ = writeln!(
            out,
            "Bare bullets read the same as under a heading: all postings"
        );
    } else {
        let _ = writeln!(out, "Bare bullets read differently:");
        for d in &disagreements {
            let _ = writeln!(out, "  {d}");
        }
    }
    (right, files.len(), disagreements)
}

fn write_stats(out: &mut String, name: &str, s: &LineStats) {
    let _ = writeln!(
        out,
        "{name}: {} lines, accuracy {:.1}% ({}/{}), macro-F1 {:.3}, unmatched {}",
        s.total(),
        100.0 * s.accuracy(),
        s.correct(),
        s.total(),
        s.macro_f1(),
        s.unmatched.iter().sum::<usize>()
    );
    let _ = writeln!(
        out,
        "  truth \\ predicted   community   social   shared   unmatched"
    );
    for (i, l) in LABELS.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {l:<19} {:>9} {:>8} {:>8} {:>11}",
            s.matrix[i][0], s.matrix[i][1], s.matrix[i][2], s.unmatched[i]
        );
    }
    for (i, l) in LABELS.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {l:<9} precision {:.1}%  recall {:.1}%",
            100.0 * s.precision(i),
            100.0 * s.recall(i)
        );
    }
}
