//! The offer matcher's measured quality on `../shared/devset/` (read at test time; CI always has
//! `../shared` beside the clone, so a missing devset fails loudly). The thresholds are the
//! figures of the reader learned from the corpus of 457 postings, role descriptions and
//! job-description templates with every posting audited (session 18; see corpus/README.md),
//! with the odds of `shared` taken 1.5 times (`reader.shared_odds`): 78/93 lines, 24/33 hard,
//! 10/12 verdicts. Before session 18's audit of 102 postings (84 labels changed, decided blind)
//! the reader had 80, 25 and 9 here; on the audited corpus the cross-validated figures moved
//! within noise (verdicts 287 → 283 of 457, lines given alone 2,466 → 2,468 of 3,080, learned
//! from the first labels and from the audited ones, scored on the audited). Learned from
//! the 377 postings before the templates it had 79, 25 and 9 here. The templates were kept for
//! the cross-validation's sake, not this set's, and not every figure rose: on the 377 postings
//! (learned from the grown corpus, the same folds), lines given alone 2,034 → 2,025 of 2,518 in
//! the corpus's mix but 74.5% → 76.0% by the mean of the three classes' figures (shared 101 →
//! 111 of 169), role duty lines 1,832 → 1,841, non-duties read as duties 1,315 → 1,293, verdicts
//! 229 → 224 (role-titled 201 → 198); through the binary the dev whole postings went 18 → 16 of
//! 19 (a hybrid read as fitting its title; a posting labelled, unsure, mostly social media read
//! as a hybrid). The hand-tuned matcher had 83/93, 27/33 and 11/12
//! by fitting this very set; the reader is learned from `corpus/` and never sees these lines,
//! and it is judged by the end-to-end cross-validation over the corpus
//! (`examples/reader_cv.rs`; issue #11: a lower dev figure with a higher cross-validated one is
//! progress). Raise the thresholds when the reader gets better. `cargo run --release --example
//! offer_eval` prints the full report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../examples/offer_eval/eval.rs"]
#[allow(dead_code)]
mod eval;

#[test]
fn devset_accuracy_holds() {
    let report = eval::run();
    println!("{}", report.text);
    let (all, hard) = (&report.all, &report.hard);
    assert_eq!(
        all.total(),
        93,
        "the devset changed size; re-measure and update docs/offers.md"
    );
    assert!(
        all.correct() >= 78,
        "per-line accuracy fell: {}/{} (was 78/93)\n{}",
        all.correct(),
        all.total(),
        report.text
    );
    assert!(
        hard.correct() >= 24,
        "hard-subset accuracy fell: {}/{} (was 24/33)\n{}",
        hard.correct(),
        hard.total(),
        report.text
    );
    assert!(
        report.verdicts_right >= 10,
        "posting verdicts fell: {}/{} (was 10/12)\n{}",
        report.verdicts_right,
        report.verdicts_total,
        report.text
    );
    assert!(
        report.shape_disagreements.len() <= 1,
        "the same duties read differently as bare bullets: {:?}",
        report.shape_disagreements
    );
}
