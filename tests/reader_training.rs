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
