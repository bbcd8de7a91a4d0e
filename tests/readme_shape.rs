//! The README stays a page read in minutes (the rest lives in docs/ and CONTRIBUTING.md), and
//! its first code block stays the two commands: one runs the app on an example, the other is
//! the exact test command CI runs (`.ci/run`).

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path)
}

/// The commands of the README's first fenced code block, comments after `#` left out.
fn first_code_block_commands(readme: &str) -> Vec<String> {
    readme
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .map(|l| l.split(" #").next().unwrap_or(l).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_readme_is_at_most_400_lines() {
    let lines = read("README.md").lines().count();
    assert!(
        lines <= 400,
        "README.md has {lines} lines; move detail to docs/ or CONTRIBUTING.md"
    );
}

#[test]
fn the_readme_opens_with_the_two_commands_and_the_ci_test_command() {
    let commands = first_code_block_commands(&read("README.md"));
    assert_eq!(
        commands,
        [
            "cargo run --release -- examples/team-review.yaml",
            "cargo test --locked"
        ],
        "the README's first code block must be the two commands"
    );
    let ci = read(".ci/run");
    let ci_test = ci
        .lines()
        .rfind(|l| l.trim_start().starts_with("cargo test"))
        .expect(".ci/run runs the tests")
        .trim();
    assert_eq!(
        ci_test, commands[1],
        "the README's test command is the one CI runs"
    );
}
