//! The key list in `docs/view.md` is the key table's own Markdown, so help and docs cannot drift
//! apart. To refresh it, replace the block between the markers with `markdown_key_list()`'s
//! output (printed by this test when it fails).

#[test]
fn docs_key_list_matches_the_key_table() {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/view.md"))
        .expect("docs/view.md");
    let start =
        page.find("<!-- keys:start -->").expect("start marker") + "<!-- keys:start -->".len();
    let end = page.find("<!-- keys:end -->").expect("end marker");
    let documented = page[start..end].trim();
    let expected = rolescope::tui::markdown_key_list();
    assert_eq!(
        documented,
        expected.trim(),
        "the key list in docs/view.md is stale; it should read:\n{expected}"
    );
}
