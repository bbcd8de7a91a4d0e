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
    example("examples/team-review.yaml")
}

fn example(relative: &str) -> App {
    let catalog = Arc::new(Catalog::builtin().unwrap());
    let path = Path::new(relative);
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
            Action::Focus(Focus::Tasks),
            Action::Down,
            Action::MoveTask,
            Action::FilterInput('o'),
        ],
    );
    out.push(("move-picker", a));
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
        [
            Action::Focus(Focus::Catalog),
            Action::Bottom,
            Action::Assign,
            Action::Quit,
        ],
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
            Action::ToggleScope,
            Action::Focus(Focus::Findings),
            Action::Bottom,
            Action::AcceptFinding,
        ],
    );
    out.push(("prompt-accept-gap", a));
    out.extend(fix_screens());
    out.extend(accepted_screens());
    out.extend(import_screens());
    out.extend(search_screens());
    let mut a = team_review();
    apply(&mut a, [Action::ExportReport, Action::NextChoice]);
    out.push(("export", a));
    // The job ad of the startup example's only person, whose duties still have errors: the
    // form says so before anything is written.
    let mut a = example("examples/startup-offer.yaml");
    apply(
        &mut a,
        [Action::ExportReport, Action::PrevChoice, Action::PrevChoice],
    );
    out.push(("export-job-ad-not-ready", a));
    out
}

/// The team-review example's people repeated 75 times with numbered names ("Zoë Lindqvist
/// 73"): 300 people whose names differ only at their end.
fn team_of_300() -> App {
    let base = team_review();
    let mut plan = rolescope::Plan::new("Team review at scale");
    for n in 1..=75 {
        for person in &base.plan.people {
            let mut person = person.clone();
            person.name = format!("{} {n}", person.name);
            plan.people.push(person);
        }
    }
    App::new(Arc::clone(&base.catalog), plan, None)
}

fn typing(app: &mut App, text: &str) {
    apply(app, text.chars().map(Action::FilterInput));
}

/// The ranked catalog (a task's own words put it first) and the People pane at scale: 300
/// names, then narrowed by part of a name, kept, with a person below the best match selected.
fn search_screens() -> Vec<(&'static str, App)> {
    let mut ranked = team_review();
    apply(
        &mut ranked,
        [Action::Focus(Focus::Catalog), Action::FilterStart],
    );
    typing(&mut ranked, "introduce members");
    let mut people = team_of_300();
    apply(&mut people, [Action::Bottom]);
    let mut filtered = team_of_300();
    apply(&mut filtered, [Action::PeopleFilterStart]);
    typing(&mut filtered, "zoe 7");
    apply(&mut filtered, [Action::FilterConfirm, Action::Down]);
    vec![
        ("ranked-catalog", ranked),
        ("people-300", people),
        ("people-filtered", filtered),
    ]
}

/// Jon's out-of-role meetups' fixes (`f`), and the team's rebalance (`F`) being computed and
/// computed, with its second change highlighted.
fn fix_screens() -> Vec<(&'static str, App)> {
    let mut fixes = team_review();
    apply(
        &mut fixes,
        [
            Action::Down,
            Action::Focus(Focus::Findings),
            Action::ShowFixes,
        ],
    );
    let mut computing = team_review();
    apply(&mut computing, [Action::Rebalance]);
    let mut rebalance = computing.clone();
    let proposal = rolescope::tui::update::proposal(&rebalance);
    apply(&mut rebalance, [proposal, Action::Down]);
    vec![
        ("fixes", fixes),
        ("rebalance-computing", computing),
        ("rebalance", rebalance),
    ]
}

/// Jon's out-of-role meetups accepted: his pane with it hidden (counted), the team's with it
/// listed and highlighted; and the prompt that renames the plan.
fn accepted_screens() -> Vec<(&'static str, App)> {
    let mut jon = team_review();
    apply(
        &mut jon,
        [
            Action::Down,
            Action::Focus(Focus::Findings),
            Action::AcceptFinding,
            Action::Paste("He asked for it; the agency takes over in Q4".to_owned()),
            Action::Submit,
        ],
    );
    let mut listed = jon.clone();
    apply(&mut listed, [Action::ToggleScope, Action::ToggleAccepted]);
    let mut rename = team_review();
    apply(&mut rename, [Action::RenamePlan, Action::Input('!')]);
    vec![
        ("accepted-hidden", jon),
        ("accepted-listed", listed),
        ("prompt-rename-plan", rename),
    ]
}

/// The import overlay's screens: pasting, the review, the task picker (also with wide text),
/// and the review after a pick.
fn import_screens() -> Vec<(&'static str, App)> {
    let mut paste = team_review();
    apply(
        &mut paste,
        [
            Action::ImportOffer,
            Action::Paste(OFFER.to_owned()),
            Action::Input('~'),
        ],
    );
    let m = Action::FilterInput;
    vec![
        ("import-paste", paste),
        (
            "import-review",
            reviewing(
                OFFER,
                [
                    Action::Down,
                    Action::Down,
                    Action::Down,
                    Action::NextChoice,
                    Action::Down,
                    Action::DropLine,
                ],
            ),
        ),
        (
            "import-picker",
            reviewing(
                OFFER,
                [
                    Action::Down,
                    Action::Down,
                    Action::PickTask,
                    m('m'),
                    m('e'),
                    m('m'),
                    m('b'),
                    Action::Down,
                ],
            ),
        ),
        (
            "import-picked",
            reviewing(
                OFFER,
                [
                    Action::Down,
                    Action::PickTask,
                    Action::Paste("cm-recognition".to_owned()),
                    Action::Submit,
                ],
            ),
        ),
        ("import-review-facts", reviewing(FACTS_OFFER, [])),
        (
            "import-picker-cjk",
            reviewing(CJK_OFFER, [Action::PickTask, m('山'), m('田')]),
        ),
    ]
}

/// The example team with `offer` pasted and read, then `actions` applied to the review.
fn reviewing(offer: &str, actions: impl IntoIterator<Item = Action>) -> App {
    let mut app = team_review();
    apply(
        &mut app,
        [
            Action::ImportOffer,
            Action::Paste(offer.to_owned()),
            Action::Submit,
        ],
    );
    apply(&mut app, actions);
    app
}

/// A posting written for these tests (title, company text, duties, requirements, benefits).
const OFFER: &str = "Community Manager (m/f/d)\n\nAbout us: we are a fast-growing fintech startup in Berlin.\n\nWhat you'll do:\n- Grow our Instagram and TikTok following with daily posts and stories\n- Reply to comments and DMs on our brand accounts\n- Moderate our Discord server and welcome new members\n- Run monthly meetups for our most active users\n- Plan and schedule our content calendar\n- Report on engagement metrics every week\n\nWhat you bring:\n- 3+ years experience in social media\n\nBenefits: free snacks, 30 days of vacation\n";

/// An offer that states its hours, pay and place besides its duties: the review shows them.
const FACTS_OFFER: &str = "Social Media Manager\n\n- Schedule our Instagram posts\n- Reply to comments on our brand accounts\n\nPart-time, 20 hours a week. Pay: 25 EUR/hour.\nLocation: Lisbon\n";

/// A duty line with wide characters, for the picker's title and filter. (The reader is learned
/// on English, Spanish, French and Portuguese; a line wholly in Japanese is not read as a duty.)
const CJK_OFFER: &str = "- Plan community events with 山田さん and run the monthly meetup (毎月のミートアップを運営する)\n- Moderate our Discord server\n";

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
fn the_filtered_people_pane_highlights_the_person_the_keys_act_on() {
    let mut app = team_of_300();
    apply(&mut app, [Action::PeopleFilterStart]);
    typing(&mut app, "zoe 7");
    apply(&mut app, [Action::FilterConfirm, Action::Down]);
    let selected = app.selected_person().unwrap().name.clone();
    assert_eq!(selected, "Zoë Lindqvist 70");
    for theme in [ThemeName::Default, ThemeName::Mono] {
        let terminal = render(&app, 120, 40, theme);
        let buffer = terminal.backend().buffer();
        let rows: Vec<(String, ratatui::style::Style)> = (2..15)
            .map(|y| {
                let text = (1..40).map(|x| buffer[(x, y)].symbol()).collect::<String>();
                (text, buffer[(3, y)].style())
            })
            .collect();
        let marked: Vec<&str> = rows
            .iter()
            .filter(|(_, style)| *style != rows[0].1)
            .map(|(text, _)| text.trim())
            .collect();
        assert_eq!(marked.len(), 1, "{theme:?}: {rows:?}");
        assert!(marked[0].contains(&selected), "{theme:?}: {marked:?}");
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

#[test]
fn the_task_picker_marks_its_highlighted_row_and_keeps_wide_text_in_its_frame() {
    let (_, mut app) = screens()
        .into_iter()
        .find(|(name, _)| *name == "import-picker")
        .unwrap();
    update(&mut app, Action::Resize(100, 30));
    let terminal = render(&app, 100, 30, ThemeName::Mono);
    let buffer = terminal.backend().buffer();
    let row_text = |y: u16| {
        (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect::<String>()
    };
    // Typing moved the highlight to the first match, and Down to the second: that row is
    // reversed, the others are not.
    let y = (0..buffer.area.height)
        .find(|&y| row_text(y).contains("Design and run the onboarding"))
        .unwrap();
    let x = row_text(y).find("Design").unwrap();
    let x = u16::try_from(row_text(y)[..x].chars().count()).unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let other = (0..buffer.area.height)
        .find(|&y| row_text(y).contains("Host orientation calls"))
        .unwrap();
    assert!(!buffer[(x, other)].modifier.contains(Modifier::REVERSED));

    // Wide characters in the duty line and the filter: cut to fit, they leave the picker's
    // right border in place on every row.
    let (_, mut app) = screens()
        .into_iter()
        .find(|(name, _)| *name == "import-picker-cjk")
        .unwrap();
    for (w, h) in [(60, 16), (61, 17), (83, 24), (120, 40)] {
        update(&mut app, Action::Resize(w, h));
        let terminal = render(&app, w, h, ThemeName::Mono);
        let buffer = terminal.backend().buffer();
        let text = format!("{}", terminal.backend());
        let top = text
            .lines()
            .position(|l| l.contains("Pick any task"))
            .unwrap();
        let top = u16::try_from(top).unwrap();
        // The review is `w - 2` columns wide (at most 120), centred; the picker fills its inside.
        let review = (w - 2).min(120);
        let corner = (w - review) / 2 + review - 2;
        assert_eq!(buffer[(corner, top)].symbol(), "┐", "{w}x{h}:\n{text}");
        for y in top + 1..top + 4 {
            assert_eq!(
                buffer[(corner, y)].symbol(),
                "│",
                "{w}x{h}, row {y}:\n{text}"
            );
        }
        assert!(text.contains("> 山田"), "{text}");
    }
}

#[test]
fn the_too_small_screen_says_how_to_quit_and_asks_the_question_about_saving() {
    let words = |app: &App, w: u16, h: u16| {
        let terminal = render(app, w, h, ThemeName::Mono);
        let buffer = terminal.backend().buffer();
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buffer[(x, y)].symbol().to_owned())
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut app = team_review();
    apply(&mut app, [Action::Focus(Focus::Tasks), Action::HoursUp]);
    update(&mut app, Action::Resize(50, 14));
    let text = words(&app, 50, 14);
    assert!(text.contains("this is 50×14"), "{text}");
    assert!(text.contains("press q to quit"), "{text}");
    update(&mut app, Action::Quit);
    let text = words(&app, 50, 14);
    assert!(text.contains("The plan has unsaved changes."), "{text}");
    assert!(text.contains("d: quit without saving"), "{text}");
    update(&mut app, Action::Save);
    update(&mut app, Action::Saved(Err("disk full".to_owned())));
    let text = words(&app, 50, 14);
    assert!(text.contains("Not saved: disk full"), "{text}");
}

#[test]
fn the_footer_fills_its_room_with_every_hint_that_fits() {
    let terminal = render(&team_review(), 80, 24, ThemeName::Mono);
    let text = format!("{}", terminal.backend());
    let footer = text.lines().last().unwrap();
    // "tab next pane" does not fit after the People pane's keys; the shorter "a add person"
    // after it does.
    assert!(!footer.contains("next pane"), "{footer}");
    assert!(footer.contains(" / filter  a add person "), "{footer}");
    assert!(footer.ends_with(" ? help  q quit \""), "{footer}");
}

#[test]
fn the_header_keeps_the_unsaved_marker_and_the_tasks_title_its_hours() {
    let mut app = team_review();
    apply(&mut app, [Action::Focus(Focus::Tasks), Action::HoursUp]);
    for (w, h) in [(60, 16), (61, 20), (80, 24), (100, 30)] {
        update(&mut app, Action::Resize(w, h));
        let text = format!("{}", render(&app, w, h, ThemeName::Mono).backend());
        let header = text.lines().next().unwrap();
        assert!(header.contains("[+] unsaved"), "{w}x{h}: {header}");
        assert!(header.contains(" rolescope · Team"), "{w}x{h}: {header}");
    }

    let catalog = Arc::new(Catalog::builtin().unwrap());
    let mut plan = team_review().plan;
    plan.people[0].name = "Maya Alexandra Okafor-Fitzgerald de la Cruz y Montenegro".into();
    let app = App::new(catalog, plan, None);
    for (w, h) in [(60, 16), (100, 30), (200, 60)] {
        let text = format!("{}", render(&app, w, h, ThemeName::Mono).backend());
        let title = text.lines().find(|l| l.contains("Tasks — ")).unwrap();
        assert!(title.contains(" h of 40 h) "), "{w}x{h}: {title}");
        assert!(title.contains("Tasks — Maya"), "{w}x{h}: {title}");
    }
}

/// The light theme on its white background: every cell of every screen reads. Text needs a
/// contrast of 4.5:1 (WCAG AA), box-drawing and bar cells 3:1; no cell is left to the
/// terminal's palette (every colour is explicit) and none is dimmed (DIM depends on the
/// terminal too).
#[test]
fn the_light_theme_reads_on_white_in_every_cell() {
    use ratatui::style::Color;
    use rolescope::tui::view::theme::contrast;
    let rgb = |c: Color| match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        _ => None,
    };
    for (name, app) in screens() {
        for (width, height) in [(80, 24), (120, 40)] {
            let terminal = render(&app, width, height, ThemeName::Light);
            let buffer = terminal.backend().buffer();
            let mut covered = 0; // columns still covered by the last wide character
            for (i, cell) in buffer.content.iter().enumerate() {
                let at = (i % usize::from(width), i / usize::from(width));
                if covered > 0 {
                    covered -= 1;
                    continue; // drawn with the wide character before it
                }
                covered = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
                let (Some(mut fg), Some(mut bg)) = (rgb(cell.fg), rgb(cell.bg)) else {
                    panic!("{name} {width}x{height} {at:?}: a palette colour {cell:?}");
                };
                assert!(
                    !cell.modifier.contains(Modifier::DIM),
                    "{name} {at:?}: dimmed"
                );
                if cell.modifier.contains(Modifier::REVERSED) {
                    std::mem::swap(&mut fg, &mut bg);
                }
                let symbol = cell.symbol();
                if symbol.trim().is_empty() {
                    continue;
                }
                let graphic = symbol
                    .chars()
                    .all(|c| ('\u{2500}'..='\u{259f}').contains(&c) || c == '·');
                let needed = if graphic { 3.0 } else { 4.5 };
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= needed,
                    "{name} {width}x{height} {at:?} {symbol:?}: contrast {ratio:.2} < {needed}"
                );
            }
        }
    }
}

/// In every theme, mono included, the selected row of the focused pane and of an unfocused
/// pane are drawn differently.
#[test]
fn the_focused_selection_stands_out_from_the_unfocused_ones() {
    let app = team_review();
    for theme in [ThemeName::Default, ThemeName::Light, ThemeName::Mono] {
        let terminal = render(&app, 120, 40, theme);
        let buffer = terminal.backend().buffer();
        // The people pane has focus: its first row is selected; the tasks pane's first row is
        // selected without focus.
        let row_style = |needle: &str| {
            let y = (0..40)
                .find(|&y| {
                    (0..120)
                        .map(|x| buffer[(x, y)].symbol())
                        .collect::<String>()
                        .contains(needle)
                })
                .unwrap();
            let x = (0..120)
                .find(|&x| {
                    (x..120)
                        .map(|x| buffer[(x, y)].symbol())
                        .collect::<String>()
                        .starts_with(needle)
                })
                .unwrap();
            let cell = &buffer[(x, y)];
            (cell.fg, cell.bg, cell.modifier)
        };
        let focused = row_style("! Maya Okafor");
        let unfocused = row_style("Welcome new members personally");
        assert_ne!(focused, unfocused, "{theme:?}");
        assert_ne!(
            focused.2, unfocused.2,
            "{theme:?}: only colour tells them apart"
        );
    }
}
