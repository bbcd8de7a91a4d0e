//! Did-you-mean suggestions for mistyped ids, fields and rule names.

/// The closest of `candidates` to `given`, if it is close enough to be a likely typo.
///
/// Uses the normalised Damerau-Levenshtein similarity, so a swapped pair of letters counts as
/// one edit, and a prefix match (`social` for `social-media-manager`) is accepted too.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let given_lower = given.to_lowercase();
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        let cand_lower = candidate.to_lowercase();
        let mut score = strsim::normalized_damerau_levenshtein(&given_lower, &cand_lower);
        if given_lower.len() >= 4 && cand_lower.starts_with(&given_lower) {
            score = score.max(0.8);
        }
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.filter(|&(_, score)| score >= 0.6).map(|(c, _)| c)
}

/// " (did you mean `x`?)" or nothing, ready to append to a message.
pub fn hint<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(given, candidates).map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let ids = ["community-manager", "social-media-manager"];
        assert_eq!(
            did_you_mean("comunity-manager", ids),
            Some("community-manager")
        );
        assert_eq!(did_you_mean("social", ids), Some("social-media-manager"));
        assert_eq!(did_you_mean("accountant", ids), None);
    }

    #[test]
    fn hint_is_empty_without_a_match() {
        assert_eq!(hint("zzz", ["abc"]), "");
        assert_eq!(hint("capcity", ["capacity"]), " (did you mean `capacity`?)");
    }
}
