//! The offer text reader end to end: bytes → text (the same checks as `rolescope offer`) →
//! read (title, duty lines, mapping) → judge (verdict, shares, analysis) → the JSON reply, and
//! the one-person plan `--save` writes must load back equal.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use rolescope::offer::{MatchingConfig, Reader, RoleHint, judge};
use rolescope::plan::{parse_plan, to_yaml};
use rolescope::report::offer_json;
use rolescope::{Catalog, fsio};

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::builtin().expect("the built-in catalog loads"));
static READER: LazyLock<Reader> = LazyLock::new(|| {
    Reader::new(
        &CATALOG,
        MatchingConfig::builtin().expect("the built-in matching config loads"),
    )
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = fsio::read_text_from(data, "fuzz.txt") else {
        return;
    };
    if text.trim().is_empty() {
        return;
    }
    let offer = READER.read(&CATALOG, &text, &RoleHint::default());
    let judgement = judge(&CATALOG, &offer, &READER.config);
    let doc = offer_json(&offer, &judgement, &CATALOG);
    let _ = serde_json::to_string(&doc);
    let saved = to_yaml(&judgement.plan).expect("the offer's plan can be saved");
    match parse_plan("offer-plan.yaml", &saved) {
        Ok(again) => assert_eq!(again, judgement.plan, "--save → load changed the plan"),
        Err(e) => panic!("the offer's saved plan does not load: {e}\n--- saved:\n{saved}"),
    }
});
