//! The fix overlays: a finding's fixes (`f`) and the team's rebalance (`F`). Each fix shows
//! whether it is safe, its description and its preview, what it clears and creates (whole when
//! highlighted, on one line each otherwise), so a fix is chosen knowing what it costs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlay::{centered, popup};
use super::theme::Theme;
use crate::fix::Fix;
use crate::report::wrap::wrap;
use crate::tui::fixes::{FixList, RebalanceList, finding_words, preview};
use crate::tui::state::App;
use crate::tui::text::{cell, fit};

/// Columns before a description: safe/unsafe, and in the rebalance its number first.
const LABEL: usize = 8;
const NUMBERED_LABEL: usize = 11;

/// The widest an overlay is drawn; its height follows what it lists, up to the screen's.
const WIDTH: u16 = 96;

/// A popup `lines` tall inside (plus its frame), at most the screen less the header and the
/// status line, so what was just done stays in sight.
fn sized(area: Rect, lines: usize) -> Rect {
    let room = area.height.saturating_sub(4).max(5);
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX).min(room);
    centered(area, WIDTH, height)
}

/// The inside width of a popup on `area`.
fn inner_width(area: Rect) -> u16 {
    WIDTH.min(area.width).saturating_sub(2)
}

pub fn render_list(frame: &mut Frame, area: Rect, app: &App, list: &FixList, theme: &Theme) {
    let title = format!(
        " Fixes for {} · Enter: apply · Esc: cancel ",
        finding_words(&app.catalog, &list.finding)
    );
    let width = inner_width(area);
    let blocks: Vec<Vec<Line>> = list
        .fixes
        .iter()
        .enumerate()
        .map(|(i, fix)| item(app, fix, None, i == list.selected, width, theme))
        .collect();
    let rect = sized(area, blocks.iter().map(Vec::len).sum());
    let inner = popup(frame, rect, &fit(&title, usize::from(rect.width)), theme);
    let lines = window(blocks, list.selected, usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_rebalance(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    list: &RebalanceList,
    theme: &Theme,
) {
    let title = " Team rebalance · Enter: apply one · a: apply all · Esc: close ";
    let width = usize::from(inner_width(area));
    let Some(fixes) = &list.fixes else {
        let text = "Computing the team's rebalance… (a large plan takes seconds)";
        let rect = sized(area, 1);
        let inner = popup(frame, rect, &fit(title, usize::from(rect.width)), theme);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(fit(text, width), theme.dim))),
            inner,
        );
        return;
    };
    let unsafe_count = fixes.iter().filter(|f| !f.safe).count();
    let summary = format!(
        "{} change{} ({unsafe_count} unsafe). Now {}; after all of them, {}.",
        fixes.len(),
        if fixes.len() == 1 { "" } else { "s" },
        counts(list.before),
        counts(list.after)
    );
    let mut lines: Vec<Line> = wrap(&summary, width, "")
        .lines()
        .map(|l| Line::from(Span::styled(fit(l, width), theme.title)))
        .collect();
    lines.push(Line::default());
    let blocks: Vec<Vec<Line>> = fixes
        .iter()
        .enumerate()
        .map(|(i, fix)| {
            let highlighted = i == list.selected;
            item(app, fix, Some(i + 1), highlighted, inner_width(area), theme)
        })
        .collect();
    let all = lines.len() + blocks.iter().map(Vec::len).sum::<usize>();
    let rect = sized(area, all);
    let inner = popup(frame, rect, &fit(title, usize::from(rect.width)), theme);
    let rows = usize::from(inner.height).saturating_sub(lines.len());
    lines.extend(window(blocks, list.selected, rows));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "0 errors, 3 warnings, 1 info".
fn counts([errors, warnings, infos]: [usize; 3]) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{errors} error{}, {warnings} warning{}, {infos} info",
        plural(errors),
        plural(warnings)
    )
}

/// One fix's lines: label and description, then its preview, indented under the description.
fn item<'a>(
    app: &App,
    fix: &Fix,
    number: Option<usize>,
    highlighted: bool,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let width = usize::from(width);
    let label_width = if number.is_some() {
        NUMBERED_LABEL
    } else {
        LABEL
    };
    let text_width = width.saturating_sub(label_width);
    let (label, label_style) = if fix.safe {
        ("safe", theme.good)
    } else {
        ("unsafe", theme.warning)
    };
    let label = match number {
        Some(n) => format!("{n:>2} {label}"),
        None => label.to_owned(),
    };
    let description: Vec<String> = if highlighted {
        wrap(&fix.description, text_width, "")
            .lines()
            .map(|l| cell(l, text_width))
            .collect()
    } else {
        vec![cell(&fix.description, text_width)]
    };
    let style = if highlighted {
        theme.selected
    } else {
        theme.text
    };
    let mut lines = Vec::new();
    for (row, text) in description.into_iter().enumerate() {
        let head = if row == 0 { label.as_str() } else { "" };
        lines.push(Line::from(vec![
            Span::styled(
                cell(head, label_width),
                if highlighted { style } else { label_style },
            ),
            Span::styled(text, style),
        ]));
    }
    let preview = preview(&app.catalog, fix);
    let previews: Vec<String> = if highlighted {
        wrap(&preview, text_width, "")
            .lines()
            .map(str::to_owned)
            .collect()
    } else {
        vec![preview]
    };
    for text in previews {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(label_width.min(width))),
            Span::styled(cell(&text, text_width), theme.dim),
        ]));
    }
    lines
}

/// The items' lines that fit in `rows`, from the first item that leaves the highlighted one
/// whole on screen.
fn window(blocks: Vec<Vec<Line<'_>>>, selected: usize, rows: usize) -> Vec<Line<'_>> {
    let mut start = 0;
    while start < selected && blocks[start..=selected].iter().map(Vec::len).sum::<usize>() > rows {
        start += 1;
    }
    blocks
        .into_iter()
        .skip(start)
        .flatten()
        .take(rows)
        .collect()
}
