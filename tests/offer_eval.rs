//! The offer matcher's measured quality on `../shared/devset/` (read at test time; CI always has
//! `../shared` beside the clone, so a missing devset fails loudly). The thresholds are the
//! IDF-weighted role model's figures (corpus of 310 postings; see corpus/README.md): 79/93
//! lines, 25/33 hard, 10/12 verdicts (9/12 before shared work was left to each line's own
//! odds in its posting). The model before it had 78, 25 and 10; the IDF-weighted one reads
//! 1,366 of the corpus's 1,855 duty lines right in the end-to-end cross-validation against
//! 1,294, so a verdict fewer on twelve postings would be noise, not a regression (issue #11). The hand-tuned matcher had 83/93, 27/33 and 11/12 by fitting this very set; the
//! reader is learned from `corpus/` and never sees these lines, and it is judged by the
//! end-to-end cross-validation over the corpus (`examples/reader_cv.rs`, 310 postings),
//! beside which twelve postings are noise. Raise the thresholds when the reader gets better.
//! `cargo run --release --example offer_eval` prints the full report.
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
        hard.correct() >= 25,
        "hard-subset accuracy fell: {}/{} (was 25/33)\n{}",
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
