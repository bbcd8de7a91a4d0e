//! The TUI's view through ratatui's `TestBackend`: snapshots of every screen and overlay at
//! 80×24 and 120×40, every screen at tiny and huge sizes without panic, and style checks that
//! the monochrome theme keeps selection and severity visible.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use rolescope::Catalog;
use rolescope::plan::load_plan;
use rolescope::tui::view::{self, Theme, ThemeName};
use rolescope::tui::{Action, App, Focus, update};

fn team_review() -> App {
    let catalog = Arc::new(Catalog::builtin().unwrap());
    let path = Path::new("examples/team-review.yaml");
    let plan = load_plan(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap()
        .plan;
    App::new(catalog, plan, Some(path.to_owned()))
}

fn empty() -> App {
    App::new(
        Arc::new(Catalog::builtin().unwrap()),
        rolescope::Plan::new("New plan"),
        None,
    )
}

fn render(app: &App, width: u16, height: u16, theme: ThemeName) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = Theme::new(theme);
    terminal.draw(|f| view::draw(f, app, &theme)).unwrap();
    terminal
}

fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}

/// Every screen and overlay, by name.
fn screens() -> Vec<(&'static str, App)> {
    let mut out = vec![("main", team_review()), ("welcome", empty())];
    let mut a = team_review();
    apply(&mut a, [Action::ToggleCoverage]);
    out.push(("coverage", a));
    let mut a = team_review();
    apply(&mut a, [Action::Help]);
    out.push(("help", a));
    let mut a = team_review();
    apply(&mut a, [Action::Down, Action::DeletePerson]);
    out.push(("confirm-delete", a));
    let mut a = team_review();
    apply(
        &mut a,
        [Action::AddPerson, Action::Input('山'), Action::Input('田')],
    );
    out.push(("prompt-add-person", a));
    let mut a = team_review();
    apply(&mut a, [Action::PickRole]);
    out.push(("role-picker", a));
    let mut a = team_review();
    apply(
        &mut a,
        [
            Action::FilterStart,
            Action::FilterInput('m'),
            Action::FilterInput('e'),
            Action::FilterInput('e'),
            Action::FilterInput('t'),
        ],
    );
    out.push(("filter", a));
    let mut a = team_review();
    apply(
        &mut a,
        [Action::Focus(Focus::Catalog), Action::Assign, Action::Quit],
    );
    out.push(("confirm-quit", a));
    let mut a = team_review();
    apply(
        &mut a,
        [Action::ToggleScope, Action::Focus(Focus::Findings)],
    );
    out.push(("team-findings", a));
    let mut a = team_review();
    apply(
        &mut a,
        [
            Action::ImportOffer,
            Action::Paste(OFFER.to_owned()),
            Action::Input('~'),
        ],
    );
    out.push(("import-paste", a));
    let mut a = team_review();
    apply(
        &mut a,
        [
            Action::ImportOffer,
            Action::Paste(OFFER.to_owned()),
            Action::Submit,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::NextChoice,
            Action::Down,
            Action::DropLine,
        ],
    );
    out.push(("import-review", a));
    let mut a = team_review();
    apply(&mut a, [Action::ExportReport, Action::NextChoice]);
    out.push(("export", a));
    out
}

/// A posting written for these tests (title, company text, duties, requirements, benefits).
const OFFER: &str = "Community Manager (m/f/d)\n\nAbout us: we are a fast-growing fintech startup in Berlin.\n\nWhat you'll do:\n- Grow our Instagram and TikTok following with daily posts and stories\n- Reply to comments and DMs on our brand accounts\n- Moderate our Discord server and welcome new members\n- Run monthly meetups for our most active users\n- Plan and schedule our content calendar\n- Report on engagement metrics every week\n\nWhat you bring:\n- 3+ years experience in social media\n\nBenefits: free snacks, 30 days of vacation\n";

#[test]
fn snapshots_of_every_screen() {
    for (name, app) in screens() {
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = render(&app, w, h, ThemeName::Default);
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn every_screen_survives_any_size() {
    for (name, mut app) in screens() {
        for (w, h) in [
            (1, 1),
            (10, 3),
            (40, 12),
            (59, 15),
            (60, 16),
            (80, 24),
            (200, 60),
            (300, 2),
        ] {
            update(&mut app, Action::Resize(w, h));
            let terminal = render(&app, w, h, ThemeName::Mono);
            let text = format!("{}", terminal.backend());
            if w < view::MIN_WIDTH || h < view::MIN_HEIGHT {
                if w * h >= 40 {
                    assert!(
                        text.contains("too small") || text.contains("Terminal"),
                        "{name} at {w}x{h}:\n{text}"
                    );
                }
            } else {
                assert!(
                    !text.contains("too small"),
                    "{name} at {w}x{h} draws the panes"
                );
            }
        }
    }
}

#[test]
fn monochrome_keeps_selection_and_severity_visible() {
    let app = team_review();
    let terminal = render(&app, 100, 30, ThemeName::Mono);
    let buffer = terminal.backend().buffer();
    // The selected person (first row of the people pane) is reversed, and no cell has a colour.
    let row = buffer.area.y + 2;
    let cell = &buffer[(2, row)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "selected row is reversed: {cell:?}"
    );
    for cell in buffer.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "no colour in mono: {cell:?}"
        );
    }
    // Severity is carried by symbols: Maya is over capacity (a warning, `!`).
    let text = format!("{}", terminal.backend());
    assert!(text.contains("! over-capacity"), "{text}");
    // An unselected warning in the people pane is bold in mono.
    let people_row = (0..buffer.area.width)
        .map(|x| buffer[(x, row + 1)].symbol().to_owned())
        .collect::<String>();
    assert!(people_row.contains("Jon Park"), "{people_row}");
}

#[test]
fn default_theme_marks_severity_with_colour_and_symbol() {
    let app = team_review();
    let terminal = render(&app, 100, 30, ThemeName::Default);
    let buffer = terminal.backend().buffer();
    let found = buffer
        .content()
        .iter()
        .any(|c| c.symbol() == "!" && c.fg == ratatui::style::Color::Yellow);
    assert!(found, "a warning symbol drawn in the warning colour");
}

#[test]
fn cjk_names_keep_columns_aligned() {
    let app = team_review();
    let terminal = render(&app, 100, 30, ThemeName::Mono);
    let lines: Vec<String> = format!("{}", terminal.backend())
        .lines()
        .map(str::to_owned)
        .collect();
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let yamada = lines.iter().find(|l| l.contains("山田")).unwrap();
    let jon = lines.iter().find(|l| l.contains("Jon Park")).unwrap();
    // The pane border after the people columns sits in the same display column on both rows.
    let border = |l: &str| {
        let idx = l
            .char_indices()
            .filter(|(_, c)| *c == '│')
            .nth(1)
            .unwrap()
            .0;
        width(&l[..idx])
    };
    assert_eq!(border(yamada), border(jon), "\n{yamada}\n{jon}");
}
