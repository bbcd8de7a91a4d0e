//! The offer matcher's measured quality on `../shared/devset/` (read at test time; CI always has
//! `../shared` beside the clone, so a missing devset fails loudly). The thresholds are the
//! figures of the reader learned from the corpus of 459 postings, role descriptions and
//! job-description templates (session 15; see corpus/README.md), with the odds of `shared`
//! taken 1.5 times (`reader.shared_odds`): 79/93 lines, 24/33 hard, 9/12 verdicts. Learned from
//! the 377 postings before the templates it had 79, 25 and 9 here; the templates were kept for
//! the cross-validation's sake, not this set's: on the 377 postings, lines given alone by the
//! mean of the three classes' figures 74.5% → 75.9% (shared 101 → 111 of 169), role duty lines
//! 1,832 → 1,836, and on the templates themselves (learned from the others) verdicts 53 → 62
//! of 82 and lines alone 426 → 449 of 547. One hard line on this small set is noise beside that
//! (issue #11: a lower dev figure with a higher cross-validated one is progress). The
//! hand-tuned matcher had 83/93, 27/33 and 11/12 by fitting this very set; the reader is
//! learned from `corpus/` and never sees these lines, and it is judged by the end-to-end
//! cross-validation over the corpus (`examples/reader_cv.rs`). Raise the thresholds when the
//! reader gets better. `cargo run --release --example offer_eval` prints the full report.
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
        all.correct() >= 79,
        "per-line accuracy fell: {}/{} (was 79/93)\n{}",
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
        report.verdicts_right >= 9,
        "posting verdicts fell: {}/{} (was 9/12)\n{}",
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
