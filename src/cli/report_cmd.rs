//! `rolescope report PLAN [--person NAME] [--format ...] [-o FILE]`: a report to share, or a
//! job ad to publish (`--format posting-markdown|posting-html`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::read_plan;
use super::{Cli, catalog_sources, load_catalog, output};
use crate::analysis::analyze;
use crate::error::{InputError, InputErrors};
use crate::plan::Plan;
use crate::report::{self, ReportFormat, Subject};
use crate::{console, fsio};

/// `--format` values; the library's [`ReportFormat`] knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Markdown,
    Html,
    Csv,
    Json,
    /// A job ad for one person's role, in Markdown: no hours, no internal sections.
    PostingMarkdown,
    /// The job ad as a standalone HTML page.
    PostingHtml,
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> ReportFormat {
        match f {
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Html => ReportFormat::Html,
            FormatArg::Csv => ReportFormat::Csv,
            FormatArg::Json => ReportFormat::Json,
            FormatArg::PostingMarkdown => ReportFormat::PostingMarkdown,
            FormatArg::PostingHtml => ReportFormat::PostingHtml,
        }
    }
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The plan to report on (`-` reads it from standard input).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Write the role description (or the job ad) of this person (default: the only person of
    /// a one-person plan; otherwise a team review of everyone).
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// Output format [default: from the extension of -o (.md, .html, .csv, .json), else
    /// markdown]. The posting formats write a job ad for one person's role.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write the report to this file (atomically) instead of standard output. It never
    /// replaces the plan or a catalog being read, or any other plan, without --force.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Let -o replace a file it refuses by default (an input of this command, or a plan).
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Writes the report; 0 on success whatever it finds (a report is a document, not a gate:
/// `check` is the gate), 2 on bad input.
pub fn run(cli: &Cli, args: &ReportArgs) -> anyhow::Result<u8> {
    if let Some(path) = &args.output {
        let inputs = output::Inputs::new(&args.plan, &catalog_sources(&cli.catalogs)?);
        output::check_output(path, &inputs, args.force)?;
    }
    let catalog = load_catalog(&cli.catalogs)?;
    let loaded = read_plan(&args.plan)?;
    let subject = Subject::choose(&loaded.plan, &loaded.origin, args.person.as_deref())
        .map_err(InputErrors::from)?;
    let mut analysis = analyze(&catalog, &loaded.plan);
    analysis.locate_in(&loaded.plan, &loaded.text);
    let format = args.format.map_or_else(
        || {
            args.output
                .as_deref()
                .and_then(ReportFormat::from_path)
                .unwrap_or(ReportFormat::Markdown)
        },
        ReportFormat::from,
    );
    if format.is_posting() {
        let Subject::Person(index) = subject else {
            return Err(job_ad_needs_a_person(&loaded.plan, &loaded.origin).into());
        };
        // Said before anything is written: a misleading ad is what this tool exists to stop.
        if let Some(not_ready) = report::not_ready(&analysis, &loaded.plan, index) {
            console::eprint_line(&format!("warning: {}", not_ready.warning()));
        }
    }
    let write = |out: &mut dyn std::io::Write| {
        report::write(
            format,
            &catalog,
            &loaded.plan,
            &analysis,
            &loaded.origin,
            subject,
            out,
        )
    };
    if let Some(path) = args.output.as_deref().filter(|p| !output::is_stdout(p)) {
        // Streamed into the temporary file that then replaces the target: still atomic.
        fsio::write_atomic_with(path, |file| write(file)).map_err(|e| {
            anyhow::anyhow!(
                "cannot write the report to {}: {}",
                path.display(),
                crate::fsio::os_reason(&e)
            )
        })?;
    } else {
        let mut out = console::stdout_gated();
        write(&mut out)?;
        out.finish()?;
    }
    Ok(0)
}

/// The error for a job ad of a plan of several people with no `--person`: a job ad is about
/// one role.
fn job_ad_needs_a_person(plan: &Plan, origin: &str) -> InputError {
    /// Names listed at most: a generated plan may have thousands.
    const SHOWN: usize = 5;
    let names: Vec<&str> = plan
        .people
        .iter()
        .take(SHOWN)
        .map(|p| p.name.as_str())
        .collect();
    let more = plan.people.len().saturating_sub(SHOWN);
    let known = match (names.is_empty(), more) {
        (true, _) => " (the plan has no people)".to_owned(),
        (false, 0) => format!("; the plan has {}", names.join(", ")),
        (false, n) => format!("; the plan has {} and {n} more", names.join(", ")),
    };
    InputError::new(
        origin,
        None,
        format!("a job ad is about one person's role: add --person NAME{known}"),
    )
}
