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

    let mut legend = vec![Span::raw(" ".repeat(LABEL.len()))];
    for &(slot, _) in &cells {
        let share = shares.get(slot).copied().unwrap_or(0.0);
        if share <= 0.0 && !own.contains(&slot) {
            continue;
        }
        let name = if slot == shared_slot {
            "shared".to_owned()
        } else {
            catalog
                .roles()
                .get(slot)
                .map_or_else(String::new, |r| initials(&r.title))
        };
        let fill = FILLS[fill_index(slot, shared_slot, &own)];
        legend.push(Span::styled(
            format!("{fill} {name} {}  ", pct(share)),
            theme.owner(slot, slot == shared_slot),
        ));
    }
    if let Some(l) = limit {
        legend.push(Span::styled(
            format!("│ drift limit {}  ", pct(l)),
            theme.dim,
        ));
    }
    if person.role.is_hybrid() {
        legend.push(Span::styled(
            format!("declared {}  ", person.role),
            theme.dim,
        ));
    }
    let fit = summary
        .best_fit
        .as_deref()
        .and_then(|id| catalog.role(id))
        .map_or("none yet", |r| r.title.as_str());
    legend.push(Span::styled(format!("best fit: {fit}"), theme.title));
    frame.render_widget(
        Paragraph::new(vec![Line::from(bar), Line::from(legend)]),
        area,
    );
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
