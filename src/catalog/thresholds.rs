//! The numbers the rules compare against. They live in the catalogs (a `defaults` block, then
//! each role's own), and a plan may override them, so tuning a rule never means editing Rust.

use serde::{Deserialize, Serialize};

/// Thresholds with every value known: what a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// Share of a person's hours on other roles' work above which `role-drift` warns.
    pub drift_warning: f64,
    /// ... above which it is an error: the role is mostly someone else's job.
    pub drift_error: f64,
    /// How far another role's share must lead the hired role's share for `title-mismatch`.
    pub title_margin: f64,
    /// Below this many role-owned hours a week, the mix is too thin to judge.
    pub min_fit_hours: f64,
    /// Hours / capacity above which `over-capacity` warns.
    pub overload_warning: f64,
    /// Hours / capacity above which `over-capacity` is an error.
    pub overload_error: f64,
    /// Hours / capacity below which `under-use` is reported (as info).
    pub underuse_info: f64,
}

/// Thresholds as written in a file: any subset, layered over what is below it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialThresholds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift_warning: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift_error: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_margin: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_fit_hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overload_warning: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overload_error: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underuse_info: Option<f64>,
}

/// Applies `f` to each (name, layered value) pair so the field list is written once.
macro_rules! each_field {
    ($m:ident) => {
        $m!(drift_warning);
        $m!(drift_error);
        $m!(title_margin);
        $m!(min_fit_hours);
        $m!(overload_warning);
        $m!(overload_error);
        $m!(underuse_info);
    };
}

impl PartialThresholds {
    /// `self` with every value `over` sets replaced by `over`'s.
    #[must_use]
    pub fn layered(mut self, over: &PartialThresholds) -> PartialThresholds {
        macro_rules! take {
            ($f:ident) => {
                if over.$f.is_some() {
                    self.$f = over.$f;
                }
            };
        }
        each_field!(take);
        self
    }

    pub fn is_empty(&self) -> bool {
        *self == PartialThresholds::default()
    }

    /// Every value set, or the names of those that are missing.
    pub fn complete(&self) -> Result<Thresholds, Vec<&'static str>> {
        let mut missing = Vec::new();
        macro_rules! need {
            ($f:ident) => {
                if self.$f.is_none() {
                    missing.push(stringify!($f));
                }
            };
        }
        each_field!(need);
        if !missing.is_empty() {
            return Err(missing);
        }
        let get = |v: Option<f64>| v.unwrap_or_default();
        Ok(Thresholds {
            drift_warning: get(self.drift_warning),
            drift_error: get(self.drift_error),
            title_margin: get(self.title_margin),
            min_fit_hours: get(self.min_fit_hours),
            overload_warning: get(self.overload_warning),
            overload_error: get(self.overload_error),
            underuse_info: get(self.underuse_info),
        })
    }

    /// Problems with the values that are set: each must be a finite number, shares within 0..=1.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        macro_rules! check {
            ($f:ident) => {
                if let Some(v) = self.$f {
                    let share = !matches!(
                        stringify!($f),
                        "min_fit_hours" | "overload_warning" | "overload_error"
                    );
                    if !v.is_finite() || v < 0.0 {
                        out.push(format!(
                            "`{}` must be a number of at least 0, not {v}",
                            stringify!($f)
                        ));
                    } else if share && v > 1.0 {
                        out.push(format!(
                            "`{}` is a share of the week between 0 and 1, not {v}",
                            stringify!($f)
                        ));
                    }
                }
            };
        }
        each_field!(check);
        out
    }
}

impl From<Thresholds> for PartialThresholds {
    fn from(t: Thresholds) -> Self {
        PartialThresholds {
            drift_warning: Some(t.drift_warning),
            drift_error: Some(t.drift_error),
            title_margin: Some(t.title_margin),
            min_fit_hours: Some(t.min_fit_hours),
            overload_warning: Some(t.overload_warning),
            overload_error: Some(t.overload_error),
            underuse_info: Some(t.underuse_info),
        }
    }
}

impl Thresholds {
    /// These thresholds with the values `over` sets replaced (a plan's overrides).
    #[must_use]
    pub fn with(self, over: &PartialThresholds) -> Thresholds {
        PartialThresholds::from(self)
            .layered(over)
            .complete()
            .unwrap_or(self)
    }

    /// The split-weighted blend of several roles' thresholds, for a hybrid person: a 60/40
    /// community/social hybrid tolerates drift between what each role alone would.
    pub fn blend(parts: &[(Thresholds, f64)]) -> Option<Thresholds> {
        let total: f64 = parts.iter().map(|(_, w)| w).sum();
        if parts.is_empty() || total <= 0.0 {
            return None;
        }
        let mut out = Thresholds {
            drift_warning: 0.0,
            drift_error: 0.0,
            title_margin: 0.0,
            min_fit_hours: 0.0,
            overload_warning: 0.0,
            overload_error: 0.0,
            underuse_info: 0.0,
        };
        for (t, w) in parts {
            let w = w / total;
            macro_rules! add {
                ($f:ident) => {
                    out.$f += t.$f * w;
                };
            }
            each_field!(add);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(v: f64) -> PartialThresholds {
        PartialThresholds {
            drift_warning: Some(v),
            drift_error: Some(v),
            title_margin: Some(v),
            min_fit_hours: Some(v),
            overload_warning: Some(v),
            overload_error: Some(v),
            underuse_info: Some(v),
        }
    }

    #[test]
    fn later_layer_wins_per_field() {
        let over = PartialThresholds {
            drift_warning: Some(0.9),
            ..Default::default()
        };
        let t = full(0.1).layered(&over).complete().unwrap();
        assert!((t.drift_warning - 0.9).abs() < 1e-9);
        assert!((t.drift_error - 0.1).abs() < 1e-9);
    }

    #[test]
    fn missing_fields_are_named() {
        let partial = PartialThresholds {
            drift_warning: Some(0.2),
            ..Default::default()
        };
        let missing = partial.complete().unwrap_err();
        assert!(missing.contains(&"drift_error") && !missing.contains(&"drift_warning"));
    }

    #[test]
    fn out_of_range_values_are_problems() {
        let bad = PartialThresholds {
            drift_warning: Some(1.5),
            overload_error: Some(f64::NAN),
            ..Default::default()
        };
        let problems = bad.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(full(0.5).problems().is_empty());
    }

    #[test]
    fn blend_weights_by_split() {
        let a = full(0.2).complete().unwrap();
        let b = full(0.6).complete().unwrap();
        let t = Thresholds::blend(&[(a, 3.0), (b, 1.0)]).unwrap();
        assert!((t.drift_warning - 0.3).abs() < 1e-9);
        assert!(Thresholds::blend(&[]).is_none());
    }
}
