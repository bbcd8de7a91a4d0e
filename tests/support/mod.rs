//! Helpers shared by the report tests: load a plan the way the command line does, and render it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use rolescope::catalog::{Catalog, builtin_sources};
use rolescope::plan::{load_plan, parse_plan};
use rolescope::report::{ReportFormat, Subject, render};
use rolescope::{Plan, analyze};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn catalog() -> Catalog {
    Catalog::from_sources(&builtin_sources()).unwrap()
}

/// The report of `plan` (as read from `origin`) about `person`, or the default subject.
pub fn render_plan(
    plan: &Plan,
    text: &str,
    origin: &str,
    person: Option<&str>,
    format: ReportFormat,
) -> String {
    let catalog = catalog();
    let mut analysis = analyze(&catalog, plan);
    analysis.locate_in(plan, text);
    let subject = Subject::choose(plan, origin, person).unwrap();
    render(format, &catalog, plan, &analysis, origin, subject)
}

/// The report of an example plan, named by its path relative to the crate root.
pub fn render_example(relative: &str, person: Option<&str>, format: ReportFormat) -> String {
    let loaded = load_plan(&root().join(relative)).unwrap();
    render_plan(&loaded.plan, &loaded.text, relative, person, format)
}

pub fn render_text(yaml: &str, person: Option<&str>, format: ReportFormat) -> String {
    let plan = parse_plan("hostile.yaml", yaml).unwrap();
    render_plan(&plan, yaml, "hostile.yaml", person, format)
}

/// Every `examples/*.yaml`, by path relative to the crate root, sorted.
pub fn example_plans() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| format!("examples/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    out.sort();
    out
}

pub fn stem(relative: &str) -> String {
    Path::new(relative)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// The offer reply to an offer's text (read from `origin`), as `offer --report` writes it.
pub fn render_offer(text: &str, origin: &str, format: ReportFormat) -> String {
    use rolescope::offer::{MatchingConfig, Reader, RoleHint, judge};
    let catalog = catalog();
    let reader = Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
    let offer = reader.read(&catalog, text, &RoleHint::default());
    let judgement = judge(&catalog, &offer, &reader.config);
    rolescope::report::render_offer_reply(format, &catalog, &offer, &judgement, origin)
}

/// The offer reply to one of `tests/fixtures/offers/`, named by its file name.
pub fn render_offer_fixture(name: &str, format: ReportFormat) -> String {
    let relative = format!("tests/fixtures/offers/{name}");
    let text = std::fs::read_to_string(root().join(&relative)).unwrap();
    render_offer(&text, &relative, format)
}

/// One of `tests/fixtures/offers/` read by the built-in reader, named by its file name.
pub fn read_offer_fixture(name: &str) -> rolescope::offer::Offer {
    use rolescope::offer::{MatchingConfig, Reader, RoleHint};
    let text =
        std::fs::read_to_string(root().join(format!("tests/fixtures/offers/{name}"))).unwrap();
    let catalog = catalog();
    let reader = Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
    reader.read(&catalog, &text, &RoleHint::default())
}
