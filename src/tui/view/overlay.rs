//! Overlays drawn over the panes: help, yes/no questions, text prompts and the role picker;
//! the import and export overlays have files of their own ([`super::import`], [`super::export`]).
//! Only the top one of the stack is drawn; it is also the one that gets the keys.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::tui::input::TextInput;
use crate::tui::keymap::help_rows;
use crate::tui::state::{App, Confirm, Overlay, PromptKind, gap_words};
use crate::tui::text::{cell, fit, window_start};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.top_overlay() {
        None => {}
        Some(Overlay::Help { scroll }) => help(frame, area, app, *scroll, theme),
        Some(Overlay::Confirm(question)) => confirm(frame, area, app, question, theme),
        Some(Overlay::Prompt { kind, input }) => {
            let (title, hint) = prompt_text(app, kind);
            // Wide enough for a long title (the gap an accept prompt is about), where it fits.
            let wide = u16::try_from(title.width() + 2).unwrap_or(u16::MAX);
            let rect = centered(area, wide.max(64), 5);
            let inner = popup(frame, rect, &title, theme);
            let width = usize::from(inner.width);
            // Keep the cursor on screen: show the tail of a long entry.
            let cursor = input.display_cursor();
            let shift = cursor.saturating_sub(width.saturating_sub(1));
            let shown: String = skip_columns(input.text(), shift);
            frame.render_widget(
                Paragraph::new(vec![
                    Line::from(Span::styled(fit(&shown, width), theme.title)),
                    Line::from(Span::styled(fit(&hint, width), theme.dim)),
                    Line::from(Span::styled(
                        fit("Enter: OK · Esc: cancel", width),
                        theme.dim,
                    )),
                ]),
                inner,
            );
            let x = inner
                .x
                .saturating_add(u16::try_from(cursor - shift).unwrap_or(0));
            if inner.width > 0 && inner.height > 0 {
                frame.set_cursor_position(Position::new(
                    x.min(inner.right().saturating_sub(1)),
                    inner.y,
                ));
            }
        }
        Some(Overlay::RolePicker { person, selected }) => {
            role_picker(frame, area, app, *person, *selected, theme);
        }
        Some(Overlay::Import(step)) => super::import::render(frame, area, app, step, theme),
        Some(Overlay::Export(form)) => super::export::render(frame, area, app, form, theme),
        Some(Overlay::MovePicker(picker)) => {
            super::move_picker::render(frame, area, app, picker, theme);
        }
        Some(Overlay::Fixes(list)) => super::fixes::render_list(frame, area, app, list, theme),
        Some(Overlay::Rebalance(list)) => {
            super::fixes::render_rebalance(frame, area, app, list, theme);
        }
    }
}

fn help(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let rect = centered(area, 76, area.height.saturating_sub(2));
    let inner = popup(frame, rect, " Keys · Esc or ? to close ", theme);
    let mut lines = Vec::new();
    let mut context = None;
    for (ctx, keys, help) in help_rows(&app.bindings) {
        if context != Some(ctx) {
            context = Some(ctx);
            lines.push(Line::from(Span::styled(ctx.title(), theme.title)));
        }
        // A description longer than the popup continues on the next lines, under itself.
        let room = usize::from(inner.width).saturating_sub(24).max(12);
        for (n, part) in wrapped(help, room).into_iter().enumerate() {
            let keys = if n == 0 {
                cell(&keys, 22)
            } else {
                " ".repeat(22)
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.warning),
                Span::raw(part),
            ]));
        }
    }
    let visible: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// `text` in lines of at most `width` columns, broken between words (a word longer than a
/// line is cut).
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() { 0 } else { line.width() + 1 };
        if !line.is_empty() && needed + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&fit(word, width));
    }
    lines.push(line);
    lines
}

fn confirm(frame: &mut Frame, area: Rect, app: &App, question: &Confirm, theme: &Theme) {
    let (title, text, keys) = question_text(app, question);
    let rect = centered(area, 60, 5);
    let inner = popup(frame, rect, title, theme);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(text),
            Line::from(Span::styled(keys, theme.warning)),
        ])
        .wrap(Wrap { trim: true }),
        inner,
    );
}

/// A question's title, text and answer keys; the "too small" screen asks it in words too.
pub fn question_text(app: &App, question: &Confirm) -> (&'static str, String, &'static str) {
    match question {
        Confirm::DeletePerson(i) => {
            let name = app
                .plan
                .people
                .get(*i)
                .map_or("this person", |p| p.name.as_str());
            (
                " Delete? ",
                format!("Delete {name} and their tasks? (u undoes it)"),
                "y: delete · n/Esc: keep",
            )
        }
        Confirm::Quit => (
            " Unsaved changes ",
            "The plan has unsaved changes.".to_owned(),
            "s: save and quit · d: quit without saving · Esc: stay · ctrl-c: quit, keep for next start",
        ),
        Confirm::Replace(path) => (
            " Replace file? ",
            format!(
                "{} exists already. Replace it with this plan?",
                path.display()
            ),
            "y: replace · n/Esc: don't save",
        ),
        Confirm::ReplaceExport { path, .. } => (
            " Replace file? ",
            format!(
                "{} exists already. Replace it with this export?",
                path.display()
            ),
            "y: replace · n/Esc: choose another path",
        ),
        Confirm::Overwrite(path) => (
            " File changed on disk ",
            format!(
                "{} changed since it was opened. Overwrite it with this plan?",
                path.display()
            ),
            "y: overwrite · n/Esc: don't save",
        ),
    }
}

fn role_picker(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    person: usize,
    selected: usize,
    theme: &Theme,
) {
    let roles = app.catalog.roles();
    let name = app.plan.people.get(person).map_or("", |p| p.name.as_str());
    let height = u16::try_from(roles.len() + 3)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, 64, height.max(4));
    let inner = popup(
        frame,
        rect,
        &format!(" Role for {name} · Enter: choose · Esc: cancel "),
        theme,
    );
    let rows = usize::from(inner.height);
    let start = window_start(selected, rows);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = roles
        .iter()
        .map(|r| format!("{} ({})", r.title, r.id))
        .chain(std::iter::once(
            "Hybrid split… (e.g. community-manager 60 social-media-manager 40)".to_owned(),
        ))
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, label)| {
            let style = if i == selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(Span::styled(cell(&label, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The title and hint line of each prompt.
fn prompt_text(app: &App, kind: &PromptKind) -> (String, String) {
    let name = |i: &usize| {
        app.plan
            .people
            .get(*i)
            .map_or(String::new(), |p| p.name.clone())
    };
    match kind {
        PromptKind::AddPerson => (
            " New person ".into(),
            "Their name (or the open position's title).".into(),
        ),
        PromptKind::Rename(i) => (
            format!(" Rename {} ", name(i)),
            "A new name; names must be unique.".into(),
        ),
        PromptKind::RenamePlan => (
            " Rename the plan ".into(),
            "Its new name, shown in the header and in reports.".into(),
        ),
        PromptKind::Capacity(i) => (
            format!(" Capacity of {} ", name(i)),
            "Weekly hours they can give (0–168).".into(),
        ),
        PromptKind::Hours { person, .. } => (
            format!(" Hours for {}'s task ", name(person)),
            "Weekly hours for this task (0–168).".into(),
        ),
        PromptKind::Split(i) => (
            format!(" Hybrid split for {} ", name(i)),
            "Roles and weights, e.g. community-manager 60 social-media-manager 40".into(),
        ),
        PromptKind::Accept { rule, category, .. } => (
            match category {
                Some(c) => format!(" Accept {} ", gap_words(&app.catalog, c, usize::MAX)),
                None => format!(" Accept {rule} "),
            },
            "Why is this intended? The reason is saved in the plan.".into(),
        ),
        PromptKind::SaveAs => (" Save as ".into(), "Path of the plan file to write.".into()),
    }
}

/// Clears `rect` and frames it as a popup titled `title`, returning the inside to draw in, so
/// nothing of the panes beneath shows through.
pub(super) fn popup(frame: &mut Frame, rect: Rect, title: &str, theme: &Theme) -> Rect {
    // A popup nearly as wide as the screen would leave a column or two of the panes beneath
    // on each side, their borders reading as `┌┌` and `└│`: the whole band is blanked instead.
    let screen = frame.area();
    let margin = rect
        .x
        .saturating_sub(screen.x)
        .min(screen.right().saturating_sub(rect.right()));
    if margin < 3 {
        let band = Rect::new(screen.x, rect.y, screen.width, rect.height);
        frame.render_widget(Clear, band);
        frame.render_widget(Block::default().style(theme.base), band);
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_owned())
        .style(theme.base)
        .border_style(theme.border_focused);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// A `width`×`height` rectangle centred in `area`, shrunk to fit it.
pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A one-line text field after `label`, with the terminal cursor in it; a long entry shows its
/// tail, so the cursor stays on screen.
pub(super) fn text_field(
    frame: &mut Frame,
    area: Rect,
    label: &str,
    input: &TextInput,
    theme: &Theme,
) {
    let label_w = label.width();
    let room = usize::from(area.width).saturating_sub(label_w);
    let cursor = input.display_cursor();
    let shift = cursor.saturating_sub(room.saturating_sub(1));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label.to_owned(), theme.dim),
            Span::styled(
                cell(&skip_columns(input.text(), shift), room),
                theme.selected_unfocused,
            ),
        ])),
        area,
    );
    let label_w = u16::try_from(label_w).unwrap_or(u16::MAX);
    if area.width > label_w && area.height > 0 {
        let x = area
            .x
            .saturating_add(label_w)
            .saturating_add(u16::try_from(cursor - shift).unwrap_or(0));
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// `s` without its first `columns` display columns.
fn skip_columns(s: &str, columns: usize) -> String {
    let mut used = 0;
    s.chars()
        .skip_while(|c| {
            let skip = used < columns;
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            skip
        })
        .collect()
}
