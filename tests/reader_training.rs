//! The learned offer reader is reproducible: training on the committed corpus with the
//! committed settings gives the committed model files byte for byte. A change to the corpus,
//! the features or `data/reader/training.yaml` without running
//! `cargo run --release --example train_reader` fails here.

use std::path::Path;

use rolescope::catalog::Catalog;
use rolescope::offer::training::{TrainingConfig, load_corpus, train};

#[test]
fn the_committed_models_are_what_the_corpus_gives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = load_corpus(&root.join("corpus/postings")).expect("corpus loads");
    assert!(
        corpus.len() >= 100,
        "the corpus has {} postings",
        corpus.len()
    );
    let catalog = Catalog::builtin().expect("built-in catalog");
    let config = TrainingConfig::builtin().expect("training settings");
    let trained = train(&corpus, &catalog, &config);
    for (name, text) in trained.files() {
        let committed =
            std::fs::read_to_string(root.join("data/reader").join(name)).expect("committed model");
        assert!(
            committed == text,
            "data/reader/{name} is not what the corpus gives: run \
             `cargo run --release --example train_reader` and commit the result"
        );
    }
}

/// The binary embeds each model in the compact form the build script makes; it must read as
/// its text file does, feature for feature.
#[test]
fn the_embedded_compact_models_read_as_their_text_files() {
    use rolescope::catalog::builtin_model_bytes;
    use rolescope::offer::model::LinearModel;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["roles.model", "sections-first.model", "sections.model"] {
        let text =
            std::fs::read_to_string(root.join("data/reader").join(name)).expect("model file");
        let from_text = LinearModel::parse(&text).expect("text model parses");
        let bytes = builtin_model_bytes(&format!("reader/{name}")).expect("embedded");
        let compact = LinearModel::from_compact(bytes).expect("compact model reads");
        assert_eq!(compact.classes, from_text.classes, "{name}");
        assert_eq!(compact.extras, from_text.extras, "{name}");
        assert_eq!(compact.feature_count(), from_text.feature_count(), "{name}");
        let features: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("f\t"))
            .filter_map(|l| l.split('\t').next())
            .collect();
        for group in features.chunks(7) {
            assert_eq!(
                compact.probabilities(group),
                from_text.probabilities(group),
                "{name}: {group:?}"
            );
        }
        // A feature the model never saw counts for nothing in either form.
        assert_eq!(
            compact.probabilities(&["no such feature"]),
            from_text.probabilities(&["no such feature"])
        );
        // A cut-off compact model is an error, not a panic.
        assert!(LinearModel::from_compact(&bytes[..bytes.len() / 2]).is_err());
        assert!(LinearModel::from_compact(b"nope").is_err());
    }
}

/// The reader looks a duty's features up by their hashes in the embedded role model; it must
/// read every line as the text model reads the line's features by name, bit for bit, and
/// explain it by the same features in the same order (ties by name).
#[test]
fn the_embedded_role_model_reads_hashed_lines_as_the_text_model_reads_named_ones() {
    use rolescope::catalog::builtin_model_bytes;
    use rolescope::offer::Stems;
    use rolescope::offer::features::{GRAM_MARK, role_feature_name, role_features, role_hashed};
    use rolescope::offer::model::LinearModel;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/reader/roles.model")).expect("model file");
    let from_text = LinearModel::parse(&text).expect("text model parses");
    let compact =
        LinearModel::from_compact(builtin_model_bytes("reader/roles.model").expect("embedded"))
            .expect("compact model reads");
    let corpus = load_corpus(&root.join("corpus/postings")).expect("corpus loads");
    let mut lines = 0;
    // Every tenth posting's duty lines: some 370 lines in the four languages.
    for (_, posting) in corpus.iter().step_by(10) {
        let stems = Stems::new(posting.language());
        for line in posting.lines.iter().filter(|l| l.section == "duty") {
            let tokens = stems.tokens(&line.text);
            let names = role_features(&tokens);
            let by_names = from_text.known(names.iter().map(String::as_str));
            let (mut hashes, mut origins) = (Vec::new(), Vec::new());
            role_hashed(
                &tokens,
                compact.block_of(GRAM_MARK),
                &mut hashes,
                &mut origins,
            );
            let by_hashes = compact.known_hashed(&hashes);
            assert_eq!(
                compact.probabilities_of(&by_hashes),
                from_text.probabilities_of(&by_names),
                "{}",
                line.text
            );
            for class in 0..from_text.classes.len() {
                let want = from_text.explain_of(&by_names, |i| names[i].as_str(), class, 9);
                let got: Vec<(String, f64)> = compact
                    .explain_rows(&by_hashes, class, 9)
                    .into_iter()
                    .map(|(i, w)| (role_feature_name(&tokens, origins[i]), w))
                    .collect();
                let want: Vec<(String, f64)> =
                    want.into_iter().map(|c| (c.feature, c.weight)).collect();
                assert_eq!(got, want, "{}", line.text);
                // Equal weights in the order of the names.
                for pair in got.windows(2) {
                    assert!(
                        pair[0].1 > pair[1].1 || pair[0].0 < pair[1].0,
                        "{pair:?} in {}",
                        line.text
                    );
                }
            }
            lines += 1;
        }
    }
    assert!(lines > 200, "{lines} lines read");
}
