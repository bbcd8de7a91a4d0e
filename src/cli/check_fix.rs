//! `check --show-fixes`, `--diff`, `--fix` and `--unsafe-fixes`, as ruff does them: fixes are
//! shown with their findings, previewed as a unified diff of the plan file, or applied in place
//! (keeping the file's comments and layout, see [`crate::plan::in_place`]).

use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::fix::{Fix, FixSettings, fixes_for, rebalance};
use crate::plan::{LoadedPlan, Plan, plan_text, write_plan_text};
use crate::report::CheckJson;
use crate::safe_text;

/// Each finding's fixes, in the order of `analysis.findings`.
pub fn all_fixes(catalog: &Catalog, plan: &Plan, analysis: &Analysis) -> Vec<Vec<Fix>> {
    let Ok(settings) = FixSettings::builtin() else {
        return vec![Vec::new(); analysis.findings.len()];
    };
    let mut work = plan.clone();
    let mut working = analysis.clone();
    analysis
        .findings
        .iter()
        .map(|f| fixes_for(catalog, &mut work, &mut working, f, &settings))
        .collect()
}

/// Puts each finding's fixes into the JSON document (findings are in analysis order).
pub fn into_json(doc: &mut CheckJson<'_>, fixes: Vec<Vec<Fix>>) {
    doc.findings.fixes = Some(fixes);
}

/// The fixes of every finding, as text under the report.
pub fn text(analysis: &Analysis, fixes: &[Vec<Fix>]) -> String {
    let mut out =
        String::from("\n  Fixes (--fix applies the safe ones, --unsafe-fixes the rest)\n");
    let mut any = false;
    for (finding, fixes) in analysis.findings.iter().zip(fixes) {
        if fixes.is_empty() {
            continue;
        }
        any = true;
        let who = finding
            .person
            .as_deref()
            .map_or_else(String::new, |p| format!(" ({p})"));
        let _ = writeln!(out, "    {}{who}", finding.rule);
        for fix in fixes {
            let _ = writeln!(
                out,
                "      {} {}",
                if fix.safe { "safe  " } else { "unsafe" },
                fix.description
            );
        }
    }
    if !any {
        out.push_str("    no finding has a fix\n");
    }
    out
}

/// What `--diff` or `--fix` did to one plan.
pub struct Fixed {
    pub plan: Plan,
    pub text: String,
    pub applied: Vec<Fix>,
    /// How the fixes were chosen (the program, or the greedy pass, and why).
    pub method: crate::fix::Method,
    /// Whether the file's own text could be edited (else it is written in canonical form,
    /// without its comments, and the summary says so).
    pub kept_layout: bool,
}

/// Rebalances `loaded` and returns the new plan and its file text (the old text edited in
/// place).
pub fn fix_plan(
    catalog: &Catalog,
    loaded: &LoadedPlan,
    allow_unsafe: bool,
) -> Result<Fixed, InputError> {
    let settings = FixSettings::builtin()?;
    let result = rebalance(catalog, &loaded.plan, &settings, allow_unsafe);
    let edited = crate::plan::in_place::edit(&loaded.text, &loaded.plan, &result.plan);
    let kept_layout = edited.is_some();
    let text = match edited {
        Some(text) => text,
        None => plan_text(&result.plan, None)?,
    };
    Ok(Fixed {
        plan: result.plan,
        text,
        applied: result.applied,
        method: result.method,
        kept_layout,
    })
}

/// The unified diff from `before` to `after` for the file at `name`.
pub fn diff(name: &str, before: &str, after: &str) -> String {
    let name = safe_text::one_line(name);
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// Writes the fixed plan over its file, unless the file changed since it was read.
pub fn write(loaded: &LoadedPlan, fixed: &Fixed) -> anyhow::Result<()> {
    let Some(path) = &loaded.path else {
        anyhow::bail!("--fix needs a plan file; standard input can only be shown with --diff");
    };
    let now = crate::fsio::read_text(path)?;
    if now != loaded.text {
        anyhow::bail!(
            "{} changed on disk while it was being fixed; nothing was written, run again",
            path.display()
        );
    }
    write_plan_text(path, &fixed.text)
}

/// What `--fix` says it changed, on standard error.
pub fn summary(origin: &str, fixed: &Fixed) -> String {
    let applied = &fixed.applied;
    let mut out = format!(
        "fixed {origin}: {} change{}",
        applied.len(),
        if applied.len() == 1 { "" } else { "s" }
    );
    for fix in applied {
        let _ = write!(out, "\n  - {}", fix.description);
    }
    if !applied.is_empty() {
        let _ = write!(out, "\n  ({})", fixed.method.summary());
    }
    if !fixed.kept_layout {
        out.push_str(
            "\n  (the file could not be edited in place, so it was written whole in canonical form: its comments and layout are gone)",
        );
    }
    out
}
