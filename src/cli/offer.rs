//! `rolescope offer [FILE|-]`: check a job offer or posting written in plain text.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::paint::{AnsiPaint, use_colour, width};
use super::{Cli, FailOn, Format, catalog_sources, load_catalog, output};
use crate::analysis::reaches;
use crate::error::InputError;
use crate::offer::{EarlyRead, Language, Layout, MatchingConfig, Reader, RoleHint, judge};
use crate::plan::save_plan;
use crate::report::check_text::TextOptions;
use crate::report::{Paint, Plain, ReportFormat, offer_json, offer_text, render_offer_reply};
use crate::suggest::hint;
use crate::{console, fsio, report};

/// `--report` values: the formats a reply is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReplyFormat {
    Markdown,
    Html,
}

impl From<ReplyFormat> for ReportFormat {
    fn from(f: ReplyFormat) -> ReportFormat {
        match f {
            ReplyFormat::Markdown => ReportFormat::Markdown,
            ReplyFormat::Html => ReportFormat::Html,
        }
    }
}

#[derive(Debug, Args)]
pub struct OfferArgs {
    /// The posting or offer as plain text or Markdown (`-` or nothing reads standard input).
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,

    /// The job title, when the text has none (or to override it).
    #[arg(long, conflicts_with = "role")]
    pub title: Option<String>,

    /// Judge against this role id, whatever the title says.
    #[arg(long, value_name = "ROLE-ID")]
    pub role: Option<String>,

    /// The posting's language (en, es, fr, pt), instead of detecting it. The reply stays in
    /// English.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write a reply to send the client instead (how the duties split, which title fits,
    /// which duties do not fit it). Replaces --format.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["format", "brief"])]
    pub report: Option<ReplyFormat>,

    /// Write the reply to this file (atomically) instead of standard output. It never
    /// replaces the posting or a catalog being read, or a plan, without --force.
    #[arg(short = 'o', long = "output", value_name = "FILE", requires = "report")]
    pub output: Option<PathBuf>,

    /// Write the mapped one-person plan to this new file (atomically), ready to edit. An
    /// existing file is never replaced without --force.
    #[arg(long, value_name = "PLAN.yaml")]
    pub save: Option<PathBuf>,

    /// Let -o and --save replace a file they refuse by default.
    #[arg(long)]
    pub force: bool,

    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Leave out the explanations under each finding (text format).
    #[arg(long)]
    pub brief: bool,
}

/// Refuses, before anything is written, outputs that would replace what they should not
/// (see [`output`]).
fn check_outputs(cli: &Cli, args: &OfferArgs) -> anyhow::Result<()> {
    if args.output.is_none() && args.save.is_none() {
        return Ok(());
    }
    let inputs = output::Inputs::new(&args.file, &catalog_sources(&cli.catalogs)?);
    if let Some(path) = &args.output {
        output::check_output(path, &inputs, args.force)?;
    }
    if let Some(path) = &args.save {
        output::check_save(path, args.output.as_deref(), &inputs, args.force)?;
    }
    Ok(())
}

fn parse_language(s: &str) -> Result<Language, String> {
    s.parse()
        .map_err(|e: crate::offer::language::UnknownLanguage| {
            let codes = crate::offer::language::LANGUAGES.iter().map(|l| l.code());
            format!("{e}{}", hint(s, codes))
        })
}

/// What `offer` reads with: the catalog, the reader, the text and where it came from, and the
/// user's hint.
struct Loaded {
    catalog: crate::catalog::Catalog,
    reader: Reader,
    origin: String,
    text: String,
    hint: RoleHint,
}

/// The catalog, the text (a file or standard input), the reader and the hint, every bad input
/// refused with its reason before anything is read.
fn load(cli: &Cli, args: &OfferArgs) -> anyhow::Result<Loaded> {
    let catalog = load_catalog(&cli.catalogs)?;
    let (origin, text) = if args.file.as_os_str() == "-" {
        let origin = "<stdin>".to_owned();
        if console::stdin_is_terminal() {
            // Without a file the posting comes from the keyboard; say so rather than wait in
            // silence for a user who expected a prompt.
            console::eprint_line(
                "Paste the posting, then press Ctrl-D on a line of its own (Ctrl-Z then Enter on Windows). Or give a file: rolescope offer posting.txt",
            );
        }
        let text = fsio::read_text_from(std::io::stdin().lock(), &origin)?;
        (origin, text)
    } else {
        (
            args.file.display().to_string(),
            fsio::read_text(&args.file)?,
        )
    };
    if text.trim().is_empty() {
        return Err(InputError::new(
            origin,
            None,
            "is empty; expected a job posting, an offer or a list of duties as plain text",
        )
        .into());
    }
    if let Some(role) = &args.role
        && catalog.role(role).is_none()
    {
        return Err(InputError::new(
            "--role",
            None,
            format!("unknown role `{role}`{}", hint(role, catalog.role_ids())),
        )
        .into());
    }
    let reader = Reader::new(&catalog, MatchingConfig::builtin()?)?;
    let hint = RoleHint {
        role: args.role.clone(),
        title: args.title.clone(),
        language: args.lang,
        lines_are_duties: false,
    };
    Ok(Loaded {
        catalog,
        reader,
        origin,
        text,
        hint,
    })
}

pub fn run(cli: &Cli, args: &OfferArgs) -> anyhow::Result<u8> {
    check_outputs(cli, args)?;
    // The reader's helper thread is started first, while the catalog, the text and the reader
    // are loaded: the machine's second core is most likely still awake from starting the
    // process, and the helper keeps it so until the read begins (`offer::EarlyRead`). Not for
    // a posting pasted at the keyboard, which takes seconds: the read starts its own helper.
    let loaded = std::sync::OnceLock::new();
    let layout = Layout::default();
    let early = EarlyRead::default();
    let at_keyboard = args.file.as_os_str() == "-" && console::stdin_is_terminal();
    let read = early.with_helper(!at_keyboard, || {
        load(cli, args).map(|inputs| {
            let l: &Loaded = loaded.get_or_init(|| inputs);
            let offer = if at_keyboard {
                l.reader.read(&l.catalog, &l.text, &l.hint)
            } else {
                early.read(&layout, &l.reader, &l.catalog, &l.text, &l.hint)
            };
            (l, offer)
        })
    });
    let (l, offer) = read?;
    let Loaded {
        catalog,
        reader,
        origin,
        ..
    } = l;
    let judgement = judge(catalog, &offer, &reader.config);

    let colour = use_colour(cli.color);
    if let Some(format) = args.report {
        let text = render_offer_reply(format.into(), catalog, &offer, &judgement, origin);
        match args.output.as_deref().filter(|p| !output::is_stdout(p)) {
            Some(path) => fsio::write_atomic(path, text.as_bytes()).map_err(|e| {
                anyhow::anyhow!(
                    "cannot write the reply to {}: {}",
                    path.display(),
                    crate::fsio::os_reason(&e)
                )
            })?,
            None => console::print(&text, false)?,
        }
    } else {
        match args.format {
            Format::Json => {
                let doc = offer_json(&offer, &judgement, catalog);
                console::print(&report::json::pretty(&doc), false)?;
            }
            Format::Text => {
                let paint: &dyn Paint = if colour { &AnsiPaint } else { &Plain };
                let opts = TextOptions {
                    width: width(),
                    explain: !args.brief,
                };
                console::print(
                    &offer_text(&offer, &judgement, catalog, paint, opts),
                    colour,
                )?;
            }
        }
    }
    if let Some(path) = &args.save {
        // With no role named and no duty of one role's work, the plan's role would only be a
        // placeholder (the catalog's first): a file that says a role was offered when none was.
        if judgement.has_no_role(&offer) {
            anyhow::bail!(
                "nothing saved to {}: neither the title nor the duties name a role of the catalog (no duty in the text is one role's work); give the role with --role ROLE-ID (`rolescope catalog list` shows them)",
                path.display()
            );
        }
        save_plan(path, &judgement.plan)?;
        console::eprint_line(&format!("saved the mapped plan to {}", path.display()));
    }
    let failed = args
        .fail_on
        .level()
        .is_some_and(|level| reaches(&judgement.analysis.findings, level));
    // The process ends next: freeing the reader's index and a long posting's readings string
    // by string was 1 M of the 50 M instructions of a 200-line offer, and the system takes
    // the memory back at once.
    std::mem::forget(judgement);
    std::mem::forget(offer);
    std::mem::forget(early);
    std::mem::forget(layout);
    std::mem::forget(loaded);
    Ok(u8::from(failed))
}
