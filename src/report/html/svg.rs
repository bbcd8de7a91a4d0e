//! A person's role mix as an inline SVG stacked bar. Each segment carries its percentage as
//! text when it is wide enough, and a legend under the bar names every owner with its share,
//! so the chart reads in print and without colour.

use std::fmt::Write as _;

use crate::report::escape::html as esc;
use crate::report::model::{Mix, Segment, Share};
use crate::report::numbers::percent;

/// Width of the bar in SVG units; the bar scales to its container.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 28.0;
/// Narrower segments get no label inside (their share is in the legend).
const MIN_LABEL_WIDTH: f64 = 34.0;

/// Fill colours for roles by catalog slot; shared work is always grey.
const ROLE_COLOURS: [&str; 6] = [
    "#17766f", "#b45309", "#6d4aa8", "#2563a6", "#a3365d", "#4d7c0f",
];
const SHARED_COLOUR: &str = "#6b7280";

/// The fill of one owner's segment, the same in every chart of a report.
pub fn colour(segment: &Segment) -> &'static str {
    fill(segment.is_shared(), segment.slot)
}

/// The fill of an owner by catalog slot.
pub fn fill(shared: bool, slot: usize) -> &'static str {
    if shared {
        SHARED_COLOUR
    } else {
        ROLE_COLOURS[slot % ROLE_COLOURS.len()]
    }
}

/// The bar for `mix`, with an accessible title naming every share (`label` names the person).
pub fn mix_bar(out: &mut String, label: &str, mix: &Mix) {
    let parts: Vec<Part> = mix
        .segments
        .iter()
        .map(|s| Part {
            label: &s.label,
            fill: colour(s),
            share: s.share,
        })
        .collect();
    let empty = (mix.hours <= 0.0).then_some("no tasks");
    bar(out, &format!("Role mix of {label}"), label, &parts, empty);
}

/// The bar of an offer's duties by role (`label` names the offer).
pub fn share_bar(out: &mut String, label: &str, shares: &[Share], names: &[String]) {
    let parts: Vec<Part> = shares
        .iter()
        .zip(names)
        .map(|(s, name)| Part {
            label: name,
            fill: fill(s.is_shared(), s.slot),
            share: s.share,
        })
        .collect();
    let empty = shares
        .iter()
        .all(|s| s.share <= 0.0)
        .then_some("no duties matched a role");
    bar(
        out,
        &format!("Duties of {label} by role"),
        label,
        &parts,
        empty,
    );
}

/// One segment of a stacked bar.
struct Part<'a> {
    label: &'a str,
    fill: &'static str,
    share: f64,
}

/// A stacked bar of `parts`, or the `empty` text in an empty frame.
fn bar(out: &mut String, aria: &str, label: &str, parts: &[Part], empty: Option<&str>) {
    let summary: Vec<String> = parts
        .iter()
        .map(|s| format!("{} {}", s.label, percent(s.share)))
        .collect();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"{}\"><title>{}</title>",
        esc(aria),
        esc(&format!("{label}: {}", summary.join(", ")))
    );
    let _ = write!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#f3f5f7\" \
         stroke=\"#d5dae0\"/>"
    );
    if let Some(text) = empty {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"19\" text-anchor=\"middle\" font-size=\"13\" \
             fill=\"#5b6470\">{text}</text></svg>",
            WIDTH / 2.0
        );
        return;
    }
    let mut x = 0.0;
    for s in parts.iter().filter(|s| s.share > 0.0) {
        let w = s.share * WIDTH;
        // A white gap between segments keeps them apart in greyscale print.
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"0\" width=\"{w:.1}\" height=\"{HEIGHT}\" fill=\"{}\" \
             stroke=\"#fff\" stroke-width=\"2\"><title>{}</title></rect>",
            s.fill,
            esc(&format!("{} {}", s.label, percent(s.share)))
        );
        if w >= MIN_LABEL_WIDTH {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"19\" text-anchor=\"middle\" font-size=\"13\" \
                 font-weight=\"700\" fill=\"#fff\">{}</text>",
                x + w / 2.0,
                percent(s.share)
            );
        }
        x += w;
    }
    out.push_str("</svg>");
}

/// The legend under a bar: a swatch and "Community Manager 79% (35.5 h)" per owner.
pub fn legend(out: &mut String, mix: &Mix) {
    if mix.hours <= 0.0 {
        return;
    }
    out.push_str("<ul class=\"mix-legend\">");
    for s in &mix.segments {
        let _ = write!(
            out,
            "<li><span class=\"swatch\" style=\"background:{}\"></span>{} {} ({})</li>",
            colour(s),
            esc(&s.label),
            percent(s.share),
            crate::report::numbers::hours(s.hours)
        );
    }
    out.push_str("</ul>");
}
