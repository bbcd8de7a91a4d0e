//! What the TUI keeps in the data directory between runs: the last plan opened, and recovery
//! copies of unsaved work, so a crash, a kill or a closed terminal never loses a plan.
//!
//! - [`recovery`]: one copy per running instance, each with a lock that tells a live instance
//!   from a gone one; finding the copies of gone instances and cleaning up old ones;
//! - [`writer`]: the thread that writes an instance's copies, off the UI thread;
//! - [`prompt`]: the question that offers the copies of gone instances back at start.

pub mod prompt;
pub mod recovery;
pub mod writer;

use std::path::{Path, PathBuf};

use crate::fsio;

/// Files under one data directory.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// The data directory from the environment (see [`crate::paths::data_dir`]).
    pub fn from_env() -> Option<DataDir> {
        crate::paths::data_dir().map(DataDir::new)
    }

    fn last_plan_file(&self) -> PathBuf {
        self.root.join("last-plan")
    }

    /// The plan opened last, if it still exists.
    pub fn last_plan(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(self.last_plan_file()).ok()?;
        let path = PathBuf::from(text.trim());
        path.is_file().then_some(path)
    }

    /// Remembers `plan` as the one to open next time `rolescope` starts without a file.
    pub fn remember(&self, plan: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.root)?;
        let absolute = std::path::absolute(plan)?;
        fsio::write_atomic(
            &self.last_plan_file(),
            absolute.display().to_string().as_bytes(),
        )
    }

    /// The directory of recovery copies and their locks (see [`recovery`]).
    pub fn recovery_dir(&self) -> PathBuf {
        self.root.join("recovery")
    }
}

#[cfg(test)]
mod tests;
