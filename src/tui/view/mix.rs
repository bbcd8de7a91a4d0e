//! The role-mix bar of the selected person: where their week goes, by owning role and shared
//! work, with the drift limit marked — the picture a user reads faster than the numbers.
//!
//! The person's own role(s) fill from the left, shared work follows, other roles' work fills
//! from the right; the `│` marks how far other roles' work may reach before `role-drift` warns.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::{FILLS, Theme};
use crate::analysis::pct;
use crate::tui::state::App;
use crate::tui::text::initials;

const LABEL: &str = " Role mix ";

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (Some(person), Some(summary)) = (
        app.selected_person(),
        app.analysis.people.get(app.selected.people),
    ) else {
        frame.render_widget(
            Paragraph::new(" Role mix: add a person to see where their week goes.")
                .style(theme.dim),
            area,
        );
        return;
    };
    let catalog = &app.catalog;
    let shared_slot = catalog.shared_slot();
    let own: Vec<usize> = person
        .role
        .role_ids()
        .filter_map(|id| catalog.role_position(id))
        .collect();
    // Own roles first, then shared, then everyone else's.
    let mut order = own.clone();
    order.push(shared_slot);
    order.extend((0..shared_slot).filter(|s| !own.contains(s)));

    let width = usize::from(area.width).saturating_sub(LABEL.len() + 2);
    let mut cells: Vec<(usize, usize)> = Vec::new(); // (slot, columns)
    let shares = &summary.share_by_slot;
    let mut used = 0;
    for (n, &slot) in order.iter().enumerate() {
        let share = shares.get(slot).copied().unwrap_or(0.0);
        let cols = if n + 1 == order.len() && summary.hours > 0.0 {
            width.saturating_sub(used)
        } else {
            ((share * width as f64).round() as usize).min(width.saturating_sub(used))
        };
        used += cols;
        cells.push((slot, cols));
    }
    let limit = summary.thresholds.map(|t| t.drift_warning);
    let marker = limit.map(|l| ((1.0 - l) * width as f64).round() as usize);

    let mut bar = vec![Span::styled(LABEL, theme.title), Span::raw("▕")];
    let mut col = 0;
    for &(slot, cols) in &cells {
        let fill = FILLS[fill_index(slot, shared_slot, &own)];
        let mut text = String::new();
        for _ in 0..cols {
            text.push(if Some(col) == marker { '│' } else { fill });
            col += 1;
        }
        bar.push(Span::styled(text, theme.owner(slot, slot == shared_slot)));
    }
    if summary.hours <= 0.0 {
        let empty: String = (0..width)
            .map(|c| if Some(c) == marker { '│' } else { '·' })
            .collect();
        bar.push(Span::styled(empty, theme.dim));
    }
    bar.push(Span::raw("▏"));

    // The legend in full words, or, when that does not fit the width, in short ones (a
    // hybrid's declared split and the best fit on an 80-column screen were cut off).
    let legend = Legend {
        catalog,
        theme,
        cells: &cells,
        shares,
        own: &own,
        shared_slot,
        limit,
        role: &person.role,
        best_fit: summary.best_fit.as_deref().and_then(|id| catalog.role(id)),
    };
    let legend_in = |short: bool| legend.spans(short);
    let full = legend_in(false);
    let width: usize = full.iter().map(Span::width).sum();
    let legend = if width <= usize::from(area.width) {
        full
    } else {
        legend_in(true)
    };
    frame.render_widget(
        Paragraph::new(vec![Line::from(bar), Line::from(legend)]),
        area,
    );
}

/// What the legend line under the bar says.
struct Legend<'a> {
    catalog: &'a crate::catalog::Catalog,
    theme: &'a Theme,
    /// (owner slot, columns) in bar order.
    cells: &'a [(usize, usize)],
    shares: &'a [f64],
    own: &'a [usize],
    shared_slot: usize,
    limit: Option<f64>,
    role: &'a crate::plan::RoleSpec,
    best_fit: Option<&'a crate::catalog::Role>,
}

impl Legend<'_> {
    /// The legend's spans, in full words or (`short`) in short ones.
    fn spans(&self, short: bool) -> Vec<Span<'static>> {
        let (catalog, theme) = (self.catalog, self.theme);
        let gap = if short { " " } else { "  " };
        // Under the bar when there is room, else from the left edge.
        let indent = if short { 1 } else { LABEL.len() };
        let mut legend = vec![Span::raw(" ".repeat(indent))];
        for &(slot, _) in self.cells {
            let share = self.shares.get(slot).copied().unwrap_or(0.0);
            if share <= 0.0 && !self.own.contains(&slot) {
                continue;
            }
            let name = if slot == self.shared_slot {
                "shared".to_owned()
            } else {
                catalog
                    .roles()
                    .get(slot)
                    .map_or_else(String::new, |r| initials(&r.title))
            };
            let fill = FILLS[fill_index(slot, self.shared_slot, self.own)];
            legend.push(Span::styled(
                format!("{fill} {name} {}{gap}", pct(share)),
                theme.owner(slot, slot == self.shared_slot),
            ));
        }
        if let Some(l) = self.limit {
            let words = if short { "limit" } else { "drift limit" };
            legend.push(Span::styled(
                format!("│ {words} {}{gap}", pct(l)),
                theme.dim,
            ));
        }
        if self.role.is_hybrid() {
            legend.push(Span::styled(
                format!("declared {}{gap}", declared(catalog, self.role, short)),
                theme.dim,
            ));
        }
        let fit = match (self.best_fit, short) {
            (Some(r), false) => format!("best fit: {}", r.title),
            (Some(r), true) => format!("fit: {}", initials(&r.title)),
            (None, false) => "best fit: none yet".to_owned(),
            (None, true) => "fit: none yet".to_owned(),
        };
        legend.push(Span::styled(fit, theme.title));
        legend
    }
}

/// The fill of a slot: own roles solid, other roles dense, shared light.
fn fill_index(slot: usize, shared_slot: usize, own: &[usize]) -> usize {
    if slot == shared_slot {
        3
    } else if own.contains(&slot) {
        own.iter().position(|&s| s == slot).unwrap_or(0).min(1) * 2
    } else {
        1
    }
}

/// A hybrid's declared split in the legend's short words: "CM 50% / SMM 50%" (role ids, as
/// the plan writes them, would not fit beside the shares on a narrow screen).
/// With `short`, "CM/SMM 50/50".
fn declared(
    catalog: &crate::catalog::Catalog,
    role: &crate::plan::RoleSpec,
    short: bool,
) -> String {
    let parts: Vec<(String, f64)> = role
        .split()
        .into_iter()
        .map(|(id, share)| {
            let name = catalog
                .role(id)
                .map_or_else(|| id.to_owned(), |r| initials(&r.title));
            (name, share)
        })
        .collect();
    if short {
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        let shares: Vec<String> = parts
            .iter()
            .map(|(_, s)| pct(*s).trim_end_matches('%').to_owned())
            .collect();
        format!("{} {}", names.join("/"), shares.join("/"))
    } else {
        parts
            .iter()
            .map(|(n, s)| format!("{n} {}", pct(*s)))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}
