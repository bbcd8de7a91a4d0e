//! Catalog loading: the text as a user catalog merged over the built-ins. When it merges, the
//! catalog is used the way the commands use it: an example plan is analysed against it and a
//! posting reader is built from it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rolescope::catalog::{CatalogSource, builtin_sources};
use rolescope::offer::{MatchingConfig, Reader, RoleHint, judge};
use rolescope::plan::parse_plan;
use rolescope::{Catalog, analyze, fsio};

const PLAN: &str = include_str!("../../examples/team-review.yaml");
const OFFER: &str = "Community Manager\n\n- Welcome new members on Discord\n- Write the weekly newsletter\n- Run paid ads\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = fsio::read_text_from(data, "fuzz.yaml") else {
        return;
    };
    let mut sources = builtin_sources();
    sources.push(CatalogSource {
        origin: "fuzz.yaml".to_owned(),
        text,
        builtin: false,
    });
    let Ok(catalog) = Catalog::from_sources(&sources) else {
        return;
    };
    if let Ok(plan) = parse_plan("team-review.yaml", PLAN) {
        let _ = analyze(&catalog, &plan);
    }
    let config = MatchingConfig::builtin().expect("the built-in matching config loads");
    let reader = Reader::new(&catalog, config);
    let offer = reader.read(&catalog, OFFER, &RoleHint::default());
    let _ = judge(&catalog, &offer, &reader.config);
});
