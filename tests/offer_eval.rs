//! The offer matcher's measured quality on `../shared/devset/` (read at test time; CI always has
//! `../shared` beside the clone, so a missing devset fails loudly). The thresholds are the
//! figures of the reader learned from the corpus of 377 postings (session 13; see
//! corpus/README.md), with the odds of `shared` taken 1.5 times (session 14,
//! `reader.shared_odds`): 79/93 lines, 25/33 hard, 9/12 verdicts (77 and 24 before the shared
//! odds, which the cross-validation chose, not this set). The reader learned from 310
//! postings had 79, 25 and 10 here; learned from 377 it reads more of the same 310 postings'
//! lines right in the end-to-end cross-validation (1,506 of 1,855 lines given alone against
//! 1,490; 1,051 of 1,348 role-titled duty lines against 1,047; 159 of 199 role-titled verdicts
//! against 158), and two lines or one verdict on this small set are noise beside that
//! (issue #11: a lower dev figure with a higher cross-validated one is progress). Those gains
//! are small too, and not all moved one way on the same 310: all verdicts 191 → 183 (the
//! postings titled as neither role), non-duties read as duties 931 → 981; through the binary
//! (`offer_lines_eval.py`) the dev lines went 83 → 79 of 93 and whole postings 16 → 18 of 19. The
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
        hard.correct() >= 25,
        "hard-subset accuracy fell: {}/{} (was 25/33)\n{}",
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
