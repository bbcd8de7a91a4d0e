//! The README's key list is the key table's own Markdown, so help and docs cannot drift apart.
//! To refresh it, replace the block between the markers with `markdown_key_list()`'s output
//! (printed by this test when it fails).

#[test]
fn readme_key_list_matches_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start =
        readme.find("<!-- keys:start -->").expect("start marker") + "<!-- keys:start -->".len();
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    let documented = readme[start..end].trim();
    let expected = rolescope::tui::markdown_key_list();
    assert_eq!(
        documented,
        expected.trim(),
        "README key list is stale; it should read:\n{expected}"
    );
}
