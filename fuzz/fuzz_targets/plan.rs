//! Plan loading: bytes → text (the same checks as reading a file) → `parse_plan`; a plan that
//! parses is analysed against the built-in catalog, saved, re-parsed, and must come back equal
//! (and save to the same text again).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use rolescope::plan::{parse_plan, to_yaml};
use rolescope::{Catalog, analyze, fsio};

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::builtin().expect("the built-in catalog loads"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = fsio::read_text_from(data, "fuzz.yaml") else {
        return;
    };
    let Ok(plan) = parse_plan("fuzz.yaml", &text) else {
        return;
    };
    let mut analysis = analyze(&CATALOG, &plan);
    analysis.locate_in(&plan, &text);
    let saved = to_yaml(&plan).expect("a plan that parsed can be saved");
    let again = match parse_plan("saved.yaml", &saved) {
        Ok(p) => p,
        Err(e) => panic!("a saved plan does not load again: {e}\n--- saved:\n{saved}"),
    };
    assert_eq!(
        again, plan,
        "save → load changed the plan\n--- saved:\n{saved}"
    );
    let resaved = to_yaml(&again).expect("saves again");
    assert_eq!(resaved, saved, "save → load → save is not byte for byte");
});
