//! The offer matcher's measured quality on `../shared/devset/` (read at test time; CI always has
//! `../shared` beside the clone, so a missing devset fails loudly). The thresholds are the
//! figures reached when they were set: raise them when the matcher gets better, never lower
//! them. `cargo run --release --example offer_eval` prints the full report.
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
        "the devset changed size; re-measure and update the README"
    );
    assert!(
        all.correct() >= 83,
        "per-line accuracy fell: {}/{} (was 83/93)\n{}",
        all.correct(),
        all.total(),
        report.text
    );
    assert!(
        hard.correct() >= 27,
        "hard-subset accuracy fell: {}/{} (was 27/33)\n{}",
        hard.correct(),
        hard.total(),
        report.text
    );
    assert!(
        report.verdicts_right >= 11,
        "posting verdicts fell: {}/{} (was 11/12)\n{}",
        report.verdicts_right,
        report.verdicts_total,
        report.text
    );
    assert!(
        report.shape_disagreements.is_empty(),
        "the same duties read differently as bare bullets: {:?}",
        report.shape_disagreements
    );
}
