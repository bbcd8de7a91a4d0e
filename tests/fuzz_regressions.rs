//! Inputs the fuzzers in `fuzz/` found that broke rolescope, kept so they stay fixed. Each test
//! names the target that found it; the input is the minimized one `cargo fuzz tmin` gave.

use rolescope::Catalog;
use rolescope::offer::extract::decode_html;
use rolescope::offer::{MatchingConfig, Reader, RoleHint, judge};

fn read_and_judge(text: &str) -> usize {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let reader = Reader::new(
        &catalog,
        MatchingConfig::builtin().expect("built-in config"),
    )
    .expect("built-in reader");
    let offer = reader.read(&catalog, text, &RoleHint::default());
    let _ = judge(&catalog, &offer, &reader.config);
    offer.lines.len() + offer.ignored.len()
}

/// `offer` target: an `&` that starts no entity, with a multi-byte character within the 12
/// bytes the entity decoder looks at, panicked with "byte index 12 is not a char boundary".
#[test]
fn offer_ampersand_before_a_multibyte_char_is_not_a_panic() {
    let minimized = "& Manager \u{2014}";
    assert_eq!(minimized.len(), 13);
    assert!(read_and_judge(minimized) > 0);
    assert_eq!(
        decode_html(minimized),
        minimized,
        "not an entity: kept as written"
    );
    assert_eq!(decode_html("&amp;\u{2014}&mdash;"), "&\u{2014}\u{2014}");
}

/// Same cut in the HTML tag scan (first 400 bytes after a `<`): found by reading the code the
/// crash pointed at, not by the fuzzer.
#[test]
fn offer_unclosed_tag_before_a_multibyte_char_is_not_a_panic() {
    for pad in 395..=400 {
        let text = format!(
            "<{}\u{2014}\u{2014} write posts <li>answer comments",
            "x".repeat(pad)
        );
        assert!(read_and_judge(&text) > 0, "pad {pad}");
        let decoded = decode_html(&text);
        assert!(decoded.contains("\u{2014}\u{2014}"), "pad {pad}: {decoded}");
    }
}
