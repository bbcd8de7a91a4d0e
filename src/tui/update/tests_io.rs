//! The import and export overlays driven by keys and by the loop's reports, as a user and the
//! loop would drive them: paste an offer, correct it, add it, undo it; export and fail to.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::Catalog;
use crate::plan::{Plan, RoleSpec, load_plan};
use crate::report::{ReportFormat, Subject};
use crate::tui::import::{ImportStep, Review};
use crate::tui::keymap::action_for;
use crate::tui::state::Focus;

/// A posting written for these tests: a title, company text, six duties, requirements and
/// benefits.
pub(super) const OFFER: &str = "Community Manager (m/f/d)\n\
\n\
About us: we are a fast-growing fintech startup in Berlin.\n\
\n\
What you'll do:\n\
- Grow our Instagram and TikTok following with daily posts and stories\n\
- Reply to comments and DMs on our brand accounts\n\
- Moderate our Discord server and welcome new members\n\
- Run monthly meetups for our most active users\n\
- Plan and schedule our content calendar\n\
- Report on engagement metrics every week\n\
\n\
What you bring:\n\
- 3+ years experience in social media\n\
\n\
Benefits: free snacks, 30 days of vacation\n";

pub(super) fn team_review() -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/team-review.yaml");
    let loaded = load_plan(&path).unwrap();
    App::new(
        Arc::new(Catalog::builtin().unwrap()),
        loaded.plan,
        loaded.path,
    )
}

pub(super) fn press(app: &mut App, code: KeyCode) -> Effect {
    let action = action_for(app, KeyEvent::new(code, KeyModifiers::NONE))
        .unwrap_or_else(|| panic!("{code:?} is not bound here"));
    update(app, action)
}

pub(super) fn key(app: &mut App, c: char) -> Effect {
    press(app, KeyCode::Char(c))
}

pub(super) fn review(app: &App) -> &Review {
    match app.top_overlay() {
        Some(Overlay::Import(step)) => match step.as_ref() {
            ImportStep::Review(r) => r,
            ImportStep::Source { .. } => panic!("still at the first step"),
        },
        other => panic!("no import overlay: {other:?}"),
    }
}

pub(super) fn line_index(app: &App, text: &str) -> usize {
    review(app)
        .lines
        .iter()
        .position(|l| l.text.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}"))
}

/// Opens the import overlay and pastes [`OFFER`] as a terminal's bracketed paste would.
pub(super) fn paste_offer(app: &mut App) {
    key(app, 'i');
    assert!(matches!(app.top_overlay(), Some(Overlay::Import(_))));
    update(app, Action::Paste(OFFER.to_owned()));
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
}

#[test]
fn a_pasted_offer_is_corrected_added_to_a_person_and_undone() {
    let mut app = team_review();
    let before = app.plan.clone();
    paste_offer(&mut app);
    let r = review(&app);
    assert_eq!(r.title.as_deref(), Some("Community Manager"));
    assert_eq!(r.lines.len(), 6, "{:?}", r.lines);
    assert!(r.ignored.len() >= 3, "{:?}", r.ignored);
    assert!(r.verdict.contains("Social Media Manager"), "{}", r.verdict);

    // Correct the meetups line: step to its next candidate task.
    let meetups = line_index(&app, "meetups");
    for _ in 0..meetups {
        key(&mut app, 'j');
    }
    assert_eq!(review(&app).selected, meetups);
    let first = review(&app).lines[meetups].mapping().cloned();
    press(&mut app, KeyCode::Right);
    let second = review(&app).lines[meetups].mapping().cloned();
    assert_ne!(first, second, "→ picks another task");
    assert!(app.status.starts_with("Mapped to"), "{}", app.status);
    press(&mut app, KeyCode::Left);
    assert_eq!(review(&app).lines[meetups].mapping().cloned(), first);

    // Drop the content calendar line.
    key(&mut app, 'j');
    key(&mut app, 'd');
    let calendar = line_index(&app, "content calendar");
    assert!(review(&app).lines[calendar].dropped);
    let tasks = review(&app).tasks();
    assert_eq!(tasks.len(), 5, "{tasks:?}");

    // Enter adds the tasks to the selected person (Maya) as one change.
    let maya = app.plan.people[0].tasks.len();
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert_eq!(app.focus, Focus::Tasks);
    let added = &app.plan.people[0].tasks[maya..];
    let had = tasks
        .iter()
        .filter(|(t, _)| before.people[0].has_task(t))
        .count();
    assert_eq!(added.len(), tasks.len() - had);
    assert!(
        added
            .iter()
            .all(|a| a.note.as_deref().is_some_and(|n| !n.is_empty()))
    );
    let plural = if added.len() == 1 { "" } else { "s" };
    let already = if had > 0 {
        format!(", who already had {had}")
    } else {
        String::new()
    };
    let what = format!(
        "dded {} task{plural} from the offer to Maya Okafor{already}",
        added.len()
    );
    assert_eq!(app.status, format!("A{what} (u undoes it)."));
    assert!(app.dirty);

    key(&mut app, 'u');
    assert_eq!(app.plan, before, "one undo takes the whole import back");
    assert!(!app.dirty);
    assert_eq!(app.status, format!("Undone: a{what} (ctrl-r to redo)."));
}

#[test]
fn an_offer_becomes_a_new_person_named_and_cast_by_its_title() {
    let mut app = team_review();
    let before = app.plan.clone();
    paste_offer(&mut app);
    key(&mut app, 'n');
    let p = app.plan.people.last().unwrap();
    assert_eq!(p.name, "Community Manager");
    assert_eq!(p.role, RoleSpec::Single("community-manager".into()));
    assert_eq!(p.tasks.len(), 6);
    assert_eq!(app.selected.people, app.plan.people.len() - 1);
    // A second import of the same offer gets a name of its own.
    paste_offer(&mut app);
    key(&mut app, 'n');
    assert_eq!(
        app.plan.people.last().unwrap().name,
        "Community Manager (2)"
    );
    key(&mut app, 'u');
    key(&mut app, 'u');
    assert_eq!(app.plan, before);
}

#[test]
fn a_new_person_from_an_offer_has_the_hours_it_offers() {
    let mut app = team_review();
    key(&mut app, 'i');
    update(
        &mut app,
        Action::Paste(
            "Community Manager (freelance, 12 h/week)\n- Moderate our Discord server\n- Run meetups\n"
                .to_owned(),
        ),
    );
    press(&mut app, KeyCode::Enter);
    key(&mut app, 'n');
    let p = app.plan.people.last().unwrap();
    assert_eq!(p.name, "Community Manager");
    assert_eq!(p.capacity, 12.0);
}

#[test]
fn a_typed_path_is_read_by_the_loop_and_its_errors_keep_the_overlay() {
    let mut app = team_review();
    key(&mut app, 'i');
    for c in "offer.txt".chars() {
        key(&mut app, c);
    }
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::ReadOffer(PathBuf::from("offer.txt"))
    );
    update(
        &mut app,
        Action::OfferRead(Err("offer.txt: no such file".into())),
    );
    assert!(app.status.contains("no such file"), "{}", app.status);
    assert!(matches!(
        app.top_overlay().map(|o| match o {
            Overlay::Import(step) => matches!(**step, ImportStep::Source { .. }),
            _ => false,
        }),
        Some(true)
    ));
    update(&mut app, Action::OfferRead(Ok(OFFER.to_owned())));
    assert_eq!(review(&app).lines.len(), 6);
    key(&mut app, 'd');
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert!(!app.dirty, "cancelling changes nothing");
}

/// A view on an empty new plan with the import overlay open.
fn importing_into_a_new_plan() -> App {
    let mut app = App::new(
        Arc::new(Catalog::builtin().unwrap()),
        Plan::new("new"),
        None,
    );
    key(&mut app, 'i');
    app
}

#[test]
fn duties_can_be_typed_line_by_line() {
    let mut app = importing_into_a_new_plan();
    for line in [
        "Moderate the Discord server",
        "Welcome new members personally",
    ] {
        for c in line.chars() {
            key(&mut app, c);
        }
        assert_eq!(press(&mut app, KeyCode::Enter), Effect::None);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(review(&app).lines.len(), 2);
    // With nobody in the plan, Enter makes a new person.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.people.len(), 1);
    assert_eq!(app.plan.people[0].name, "Offer");
}

#[test]
fn a_paragraph_pasted_as_one_line_is_read_like_a_posting() {
    let mut app = importing_into_a_new_plan();
    // A one-line paste lands in the input (it might be a path); Enter adds it as a line.
    update(
        &mut app,
        Action::Paste(
            "Hi! We're a small bakery looking for a Community Manager (10h/week). You'd \
             reply to comments and DMs on our Instagram and plan our posts."
                .into(),
        ),
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let lines: Vec<&str> = review(&app).lines.iter().map(|l| l.text.as_str()).collect();
    assert!(!lines.iter().any(|l| l.starts_with("Hi!")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("reply to comments")),
        "{lines:?}"
    );
}

#[test]
fn one_duty_line_is_counted_in_the_singular() {
    let mut app = importing_into_a_new_plan();
    update(
        &mut app,
        Action::Paste("Community Manager\n\n- Moderate our Discord server and its channels".into()),
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(review(&app).lines.len(), 1);
    assert!(
        app.status.starts_with("1 of 1 duty line matched a task;"),
        "{}",
        app.status
    );
}

#[test]
fn export_asks_for_format_subject_and_path_beside_the_plan() {
    let mut app = team_review();
    let plan_path = app.path.clone().unwrap();
    key(&mut app, 'e');
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::Export {
            path: plan_path.with_extension("md"),
            format: ReportFormat::Markdown,
            subject: Subject::Team,
            replace: false,
        }
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    // A role description is named after its person too, so it never replaces the team review.
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::Export {
            path: plan_path.with_file_name("team-review-maya-okafor.html"),
            format: ReportFormat::Html,
            subject: Subject::Person(0),
            replace: false,
        }
    );
    // A failed write says why and keeps the overlay, to fix the path.
    update(
        &mut app,
        Action::Exported(Err("/nope/x.html: No such file or directory".into())),
    );
    assert!(
        app.status.starts_with("Report not written: /nope"),
        "{}",
        app.status
    );
    assert!(matches!(app.top_overlay(), Some(Overlay::Export(_))));
    update(&mut app, Action::Exported(Ok(PathBuf::from("/tmp/t.html"))));
    assert!(app.overlays.is_empty());
    assert_eq!(app.status, "Wrote the HTML report to /tmp/t.html.");
}

#[test]
fn switching_the_export_subject_keeps_a_path_the_user_typed() {
    let mut app = team_review();
    let plan_path = app.path.clone().unwrap();
    let path = |app: &App| match app.top_overlay() {
        Some(Overlay::Export(form)) => form.input.text().to_owned(),
        _ => panic!("no export overlay"),
    };
    let beside = |name: &str| plan_path.with_file_name(name).display().to_string();
    key(&mut app, 'e');
    assert_eq!(path(&app), beside("team-review.md"));
    press(&mut app, KeyCode::Down);
    assert_eq!(path(&app), beside("team-review-maya-okafor.md"));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Up);
    assert_eq!(path(&app), beside("team-review.html"), "back to the team's");
    // Typed (here: one letter added), the path stays through every switch.
    key(&mut app, 'x');
    let typed = format!("{}x", beside("team-review.html"));
    assert_eq!(path(&app), typed);
    press(&mut app, KeyCode::Down);
    assert_eq!(path(&app), typed);
    press(&mut app, KeyCode::Up);
    assert_eq!(path(&app), typed);
}

#[test]
fn a_job_ad_is_about_one_person_and_warns_when_it_is_not_ready() {
    let mut app = team_review();
    let plan_path = app.path.clone().unwrap();
    let form = |app: &App| match app.top_overlay() {
        Some(Overlay::Export(form)) => (form.format, form.subject, form.input.text().to_owned()),
        _ => panic!("no export overlay"),
    };
    let beside = |name: &str| plan_path.with_file_name(name).display().to_string();
    key(&mut app, 'e');
    // Past the four report formats, the job ads: about the highlighted person, never the team.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(
        form(&app),
        (
            ReportFormat::PostingMarkdown,
            Subject::Person(0),
            beside("team-review-maya-okafor-job-ad.md")
        )
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(form(&app).0, ReportFormat::PostingHtml);
    // Back to the team: its review in the same markup.
    press(&mut app, KeyCode::Up);
    assert_eq!(
        form(&app),
        (
            ReportFormat::Html,
            Subject::Team,
            beside("team-review.html")
        )
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(form(&app).0, ReportFormat::Csv);

    // Written for a person with no errors: said plainly.
    press(&mut app, KeyCode::Esc);
    key(&mut app, 'e');
    press(&mut app, KeyCode::BackTab);
    update(
        &mut app,
        Action::Exported(Ok(PathBuf::from("/tmp/ad.html"))),
    );
    assert_eq!(app.status, "Wrote the job ad (HTML) to /tmp/ad.html.");

    // A person whose duties still have errors: the status line says so first.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/startup-offer.yaml");
    let loaded = load_plan(&path).unwrap();
    let mut app = App::new(
        Arc::new(Catalog::builtin().unwrap()),
        loaded.plan,
        Some(path),
    );
    key(&mut app, 'e');
    press(&mut app, KeyCode::BackTab);
    assert_eq!(form(&app).0, ReportFormat::PostingHtml);
    update(
        &mut app,
        Action::Exported(Ok(PathBuf::from("/tmp/ad.html"))),
    );
    assert!(
        app.status.starts_with(
            "⚠ Not ready to post: 2 errors for Alex Rivera (role-drift, title-mismatch)."
        ),
        "{}",
        app.status
    );
}

#[test]
fn with_nobody_to_write_about_the_job_ads_are_passed_over() {
    let mut app = App::new(
        Arc::new(Catalog::builtin().unwrap()),
        Plan::new("Empty"),
        None,
    );
    key(&mut app, 'e');
    press(&mut app, KeyCode::BackTab);
    let Some(Overlay::Export(form)) = app.top_overlay() else {
        panic!("no export overlay");
    };
    assert_eq!(
        (form.format, form.subject),
        (ReportFormat::Json, Subject::Team)
    );
    assert!(app.status.contains("for a job ad"), "{}", app.status);
}

#[test]
fn export_of_a_new_plan_goes_to_the_current_directory_and_never_over_the_plan() {
    let mut app = App::new(
        Arc::new(Catalog::builtin().unwrap()),
        Plan::new("Hiring: CM"),
        None,
    );
    key(&mut app, 'e');
    let Effect::Export { path, .. } = press(&mut app, KeyCode::Enter) else {
        panic!("no export");
    };
    assert_eq!(path, PathBuf::from("hiring-cm.md"));

    let mut app = team_review();
    let plan_path = app.path.clone().unwrap();
    key(&mut app, 'e');
    let Some(Overlay::Export(form)) = app.overlays.last_mut() else {
        panic!("no export overlay");
    };
    form.input = crate::tui::input::TextInput::with_text(plan_path.display().to_string());
    assert_eq!(press(&mut app, KeyCode::Enter), Effect::None);
    assert!(app.status.contains("plan's own file"), "{}", app.status);
}

#[test]
fn save_as_and_export_ask_before_replacing_a_file() {
    // The loop found a file where Save as would write: it asks, and `y` saves over it.
    let mut app = team_review();
    let other = PathBuf::from("/tmp/someone-elses.yaml");
    update(&mut app, Action::SaveWouldReplace(other.clone()));
    assert_eq!(
        app.top_overlay(),
        Some(&Overlay::Confirm(Confirm::Replace(other.clone())))
    );
    assert_eq!(key(&mut app, 'y'), Effect::Overwrite(other.clone()));
    // `n` keeps the file and saves nothing.
    update(&mut app, Action::SaveWouldReplace(other.clone()));
    assert_eq!(key(&mut app, 'n'), Effect::None);
    assert!(app.top_overlay().is_none());

    // The export asks too, and `y` sends the same export with leave to replace.
    let mut app = team_review();
    key(&mut app, 'e');
    let Effect::Export {
        path,
        format,
        subject,
        replace: false,
    } = press(&mut app, KeyCode::Enter)
    else {
        panic!("the export form submits");
    };
    update(
        &mut app,
        Action::ExportWouldReplace {
            path: path.clone(),
            format,
            subject,
        },
    );
    assert_eq!(
        key(&mut app, 'y'),
        Effect::Export {
            path,
            format,
            subject,
            replace: true,
        }
    );
}
