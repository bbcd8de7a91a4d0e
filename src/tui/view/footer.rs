//! The status line (what the last action did) and the footer (the keys that work here), both
//! from the key table so they cannot drift from what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::tui::keymap::{Hint, footer_hints};
use crate::tui::state::App;
use crate::tui::text::fit;

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

    // Pinned hints (help, quit) always show, at the right; the context's keys fill the rest
    // from the left, each that fits: one long hint that does not fit leaves its room to
    // shorter ones after it.
    let (pinned, rest): (Vec<Hint>, Vec<Hint>) =
        footer_hints(app).into_iter().partition(|h| h.pinned);
    let item_width = |h: &Hint| {
        unicode_width::UnicodeWidthStr::width(format!(" {} {} ", h.keys, h.help).as_str())
    };
    let reserved: usize = pinned.iter().map(item_width).sum();
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
    for item in &pinned {
        spans.extend(hint_spans(item, theme));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
}

fn hint_spans<'a>(hint: &Hint, theme: &Theme) -> [Span<'a>; 2] {
    [
        Span::styled(format!(" {} ", hint.keys), theme.selected_unfocused),
        Span::styled(format!("{} ", hint.help), theme.dim),
    ]
}
