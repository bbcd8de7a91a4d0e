//! The status line (what the last action did) and the footer (the keys that work here), both
//! from the key table so they cannot drift from what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::fit;
use super::theme::Theme;
use crate::tui::keymap::footer_hints;
use crate::tui::state::App;

pub fn render(frame: &mut Frame, status: Rect, footer: Rect, app: &App, theme: &Theme) {
    let text = if app.status.is_empty() && app.plan.people.is_empty() {
        "Welcome! a adds a person, i imports a job offer, ? lists every key; try: rolescope examples/team-review.yaml"
    } else {
        app.status.as_str()
    };
    let width = usize::from(status.width);
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&format!(" {text}"), width), theme.text)),
        status,
    );

    // Help and quit always show, at the right; the context's keys fill the rest from the left,
    // each that fits: one long hint that does not fit leaves its room to shorter ones after it.
    let hints = footer_hints(app);
    let (always, rest): (Vec<_>, Vec<_>) = hints
        .into_iter()
        .partition(|(_, help)| matches!(*help, "help" | "quit"));
    let item_width = |(keys, help): &(String, &str)| {
        unicode_width::UnicodeWidthStr::width(format!(" {keys} {help} ").as_str())
    };
    let reserved: usize = always.iter().map(item_width).sum();
    let mut spans = Vec::new();
    let mut used = 0;
    for item in &rest {
        let w = item_width(item);
        if used + w + reserved > usize::from(footer.width) {
            continue;
        }
        used += w;
        spans.extend(hint_spans(item, theme));
    }
    spans.push(Span::raw(
        " ".repeat(usize::from(footer.width).saturating_sub(used + reserved)),
    ));
    for item in &always {
        spans.extend(hint_spans(item, theme));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
}

fn hint_spans<'a>((keys, help): &(String, &'a str), theme: &Theme) -> [Span<'a>; 2] {
    [
        Span::styled(format!(" {keys} "), theme.selected_unfocused),
        Span::styled(format!("{help} "), theme.dim),
    ]
}
