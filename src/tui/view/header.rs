//! The top line: which plan, which file, whether it has unsaved changes, and the totals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::finding::Severity;
use crate::tui::state::App;
use crate::tui::text::fit;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [errors, warnings, infos] = app.analysis.counts();
    let counts = format!(
        " {} {errors}  {} {warnings}  {} {infos} ",
        Severity::Error.symbol(),
        Severity::Warning.symbol(),
        Severity::Info.symbol()
    );
    let file = app.path.as_ref().map_or_else(
        || "new plan, not saved yet".to_owned(),
        |p| p.display().to_string(),
    );
    let modified = if app.dirty { " [+] unsaved" } else { "" };
    let left_width = usize::from(area.width).saturating_sub(counts.chars().count());
    // The unsaved marker matters more than the end of a long name or path, so those are cut.
    let marker = fit(modified, left_width);
    let left = fit(
        &format!(" rolescope · {} · {file}", app.plan.name),
        left_width - marker.width(),
    ) + &marker;
    let pad = left_width.saturating_sub(left.width());
    let worst = app
        .analysis
        .worst()
        .map_or(theme.good, |s| theme.severity(s));
    let line = Line::from(vec![
        Span::styled(left, theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(counts, worst),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
