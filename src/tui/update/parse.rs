//! Reading what was typed into prompts: hours and hybrid role splits.
//!
//! The rules match the plan file's validation, so the TUI can never produce a plan that
//! `check` would then refuse to load.

use crate::catalog::Catalog;
use crate::plan::RoleSpec;
use crate::suggest;

/// Hours in a week: no capacity or task can take more.
pub const WEEK_HOURS: f64 = 168.0;

/// Weekly hours, `0` to `168`; a comma decimal (`2,5`) and a trailing `h` are accepted since
/// that is how people write hours.
pub fn hours(text: &str) -> Result<f64, String> {
    let cleaned = text.trim().trim_end_matches('h').trim().replace(',', ".");
    match cleaned.parse::<f64>() {
        Ok(h) if h.is_finite() && (0.0..=WEEK_HOURS).contains(&h) => Ok(h),
        _ => Err(format!(
            "`{}` is not weekly hours: give a number from 0 to {WEEK_HOURS}",
            text.trim()
        )),
    }
}

/// A role, or a split like `community-manager 60 social-media-manager 40` (commas, colons and
/// `%` are ignored); one role alone is a single role, not a hybrid.
pub fn split(text: &str, catalog: &Catalog) -> Result<RoleSpec, String> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '%' | '/' | '='))
        .filter(|t| !t.is_empty())
        .collect();
    if let [id] = tokens.as_slice() {
        return known_role(id, catalog).map(|id| RoleSpec::Single(id.to_owned()));
    }
    if tokens.is_empty() || !tokens.len().is_multiple_of(2) {
        return Err(
            "give roles with weights, e.g. `community-manager 60 social-media-manager 40`"
                .to_owned(),
        );
    }
    let mut parts: Vec<(String, f64)> = Vec::new();
    for pair in tokens.chunks(2) {
        let id = known_role(pair[0], catalog)?;
        let weight = match pair[1].parse::<f64>() {
            Ok(w) if w.is_finite() && w > 0.0 => w,
            _ => return Err(format!("the weight for `{id}` must be a number above 0")),
        };
        if parts.iter().any(|(seen, _)| seen == id) {
            return Err(format!("`{id}` appears twice in the split"));
        }
        parts.push((id.to_owned(), weight));
    }
    Ok(match parts.as_slice() {
        [(id, _)] => RoleSpec::Single(id.clone()),
        _ => RoleSpec::Hybrid(parts),
    })
}

fn known_role<'a>(id: &'a str, catalog: &Catalog) -> Result<&'a str, String> {
    if catalog.role(id).is_some() {
        return Ok(id);
    }
    Err(format!(
        "no role `{id}`{}; roles: {}",
        suggest::hint(id, catalog.role_ids()),
        catalog.role_ids().collect::<Vec<_>>().join(", ")
    ))
}

/// The text a split prompt starts with: the person's own split, or an even split of their role
/// and the next catalog role, so the format is shown by example.
pub fn split_text(spec: &RoleSpec, catalog: &Catalog) -> String {
    match spec {
        RoleSpec::Hybrid(parts) => parts
            .iter()
            .map(|(id, w)| format!("{id} {w}"))
            .collect::<Vec<_>>()
            .join(" "),
        RoleSpec::Single(id) => match catalog.role_ids().find(|other| other != id) {
            Some(other) => format!("{id} 50 {other} 50"),
            None => format!("{id} 100"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_accept_common_spellings_and_refuse_the_absurd() {
        assert_eq!(hours("2.5"), Ok(2.5));
        assert_eq!(hours(" 2,5 h"), Ok(2.5));
        assert_eq!(hours("0"), Ok(0.0));
        for bad in ["-1", "169", "NaN", "inf", "", "abc"] {
            assert!(hours(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn splits_parse_in_the_forms_people_type() {
        let catalog = Catalog::builtin().unwrap();
        let want = RoleSpec::Hybrid(vec![
            ("community-manager".to_owned(), 60.0),
            ("social-media-manager".to_owned(), 40.0),
        ]);
        for text in [
            "community-manager 60 social-media-manager 40",
            "community-manager: 60%, social-media-manager: 40%",
        ] {
            assert_eq!(split(text, &catalog), Ok(want.clone()), "{text}");
        }
        assert_eq!(
            split("community-manager", &catalog),
            Ok(RoleSpec::Single("community-manager".to_owned()))
        );
        assert_eq!(
            split_text(&want, &catalog).as_str(),
            "community-manager 60 social-media-manager 40"
        );
    }

    #[test]
    fn bad_splits_say_what_is_wrong() {
        let catalog = Catalog::builtin().unwrap();
        let err = |t| split(t, &catalog).unwrap_err();
        assert!(
            err("comunity-manager 50 social-media-manager 50")
                .contains("did you mean `community-manager`")
        );
        assert!(err("community-manager 0 social-media-manager 50").contains("above 0"));
        assert!(err("community-manager 50 community-manager 50").contains("twice"));
        assert!(err("community-manager 50 social-media-manager").contains("with weights"));
    }
}
