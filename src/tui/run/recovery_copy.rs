//! When the loop brings this instance's recovery copy up to date; the writing itself is the
//! writer thread's ([`Writer`]).

use std::time::{Duration, Instant};

use crate::tui::persist::writer::Writer;
use crate::tui::state::App;

/// Recovery copies are written at most this often while there are unsaved changes.
const RECOVERY_EVERY: Duration = Duration::from_secs(3);

/// This instance's recovery copy, as the loop sees it: the thread that writes it, and when it
/// was last asked to, and of which revision of the plan.
pub(super) struct Recovery {
    pub(super) writer: Option<Writer>,
    pub(super) written_revision: u64,
    pub(super) last_write: Option<Instant>,
}

impl Recovery {
    pub(super) fn pending(&self, app: &App) -> bool {
        app.revision != self.written_revision
    }

    pub(super) fn due(&self) -> bool {
        self.last_write
            .is_none_or(|t| t.elapsed() >= RECOVERY_EVERY)
    }

    pub(super) fn until_due(&self) -> Duration {
        self.last_write.map_or(Duration::ZERO, |t| {
            RECOVERY_EVERY.saturating_sub(t.elapsed())
        })
    }

    /// Brings the copy up to date with the plan: a copy of its current revision while it has
    /// unsaved changes, none once it is saved (or undone back to what was saved). The UI
    /// thread only clones the plan; the writer thread turns it into YAML and writes it.
    pub(super) fn write(&mut self, app: &App) {
        if !self.pending(app) {
            return;
        }
        if let Some(writer) = &self.writer {
            if app.dirty {
                writer.write(app.path.clone(), app.plan.clone());
                self.last_write = Some(Instant::now());
            } else {
                writer.discard();
            }
        }
        self.written_revision = app.revision;
    }

    /// The plan as it is now is saved: no copy is needed until the next change.
    pub(super) fn saved(&mut self, app: &App) {
        if let Some(writer) = &self.writer {
            writer.discard();
        }
        self.written_revision = app.revision;
    }
}
