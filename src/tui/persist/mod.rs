//! What the TUI keeps in the data directory between runs: the last plan opened, and recovery
//! copies of unsaved work, so a crash, a kill or a closed terminal never loses a plan.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::fsio;
use crate::plan::{Plan, parse_plan, to_yaml};

/// Files under one data directory.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

/// A recovery copy found for a plan.
#[derive(Debug, Clone)]
pub struct Recovered {
    pub plan: Plan,
    pub written: SystemTime,
    pub file: PathBuf,
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

    /// Where the recovery copy of the plan at `path` (or of an unsaved new plan) lives: one
    /// file per plan, named by a hash of its absolute path.
    pub fn recovery_file(&self, path: Option<&Path>) -> PathBuf {
        let key = match path.and_then(|p| std::path::absolute(p).ok()) {
            Some(abs) => format!("{:016x}", fnv1a(abs.display().to_string().as_bytes())),
            None => "new-plan".to_owned(),
        };
        self.root.join("recovery").join(format!("{key}.yaml"))
    }

    /// Writes a recovery copy atomically, naming the plan file it belongs to in a comment.
    pub fn write_recovery(&self, path: Option<&Path>, plan: &Plan) -> anyhow::Result<()> {
        let file = self.recovery_file(path);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let origin = path.map_or_else(|| "a new plan".to_owned(), |p| p.display().to_string());
        let text = format!("# rolescope recovery copy of {origin}\n{}", to_yaml(plan)?);
        fsio::write_atomic(&file, text.as_bytes())?;
        Ok(())
    }

    /// The recovery copy for `path`, if there is one newer than the plan file itself.
    pub fn recovery_for(&self, path: Option<&Path>) -> Option<Recovered> {
        let file = self.recovery_file(path);
        let written = std::fs::metadata(&file).and_then(|m| m.modified()).ok()?;
        if let Some(saved) = path.and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
            && saved > written
        {
            return None;
        }
        let text = fsio::read_text(&file).ok()?;
        let plan = parse_plan(&file.display().to_string(), &text).ok()?;
        Some(Recovered {
            plan,
            written,
            file,
        })
    }

    /// Removes the recovery copy for `path` (after a save, or when the user declines it).
    pub fn discard_recovery(&self, path: Option<&Path>) {
        let _ = std::fs::remove_file(self.recovery_file(path));
    }
}

/// FNV-1a: a stable hash across runs and platforms (std's hasher is randomly seeded).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_round_trip_and_cleanup() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let plan_path = dir.path().join("plan.yaml");
        let mut plan = Plan::new("Recovered plan");
        plan.description = "unsaved".into();
        assert!(data.recovery_for(Some(&plan_path)).is_none());
        data.write_recovery(Some(&plan_path), &plan).unwrap();
        let found = data.recovery_for(Some(&plan_path)).expect("recovery found");
        assert_eq!(found.plan, plan);
        assert!(
            data.recovery_for(None).is_none(),
            "a new plan has its own slot"
        );
        data.discard_recovery(Some(&plan_path));
        assert!(data.recovery_for(Some(&plan_path)).is_none());
    }

    #[test]
    fn a_plan_saved_after_the_recovery_copy_wins() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path());
        let plan_path = dir.path().join("plan.yaml");
        data.write_recovery(Some(&plan_path), &Plan::new("old"))
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&plan_path, "name: newer\n").unwrap();
        assert!(data.recovery_for(Some(&plan_path)).is_none());
    }

    #[test]
    fn last_plan_is_remembered_only_while_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("d"));
        let plan = dir.path().join("p.yaml");
        std::fs::write(&plan, "name: p\n").unwrap();
        data.remember(&plan).unwrap();
        assert_eq!(data.last_plan(), Some(std::path::absolute(&plan).unwrap()));
        std::fs::remove_file(&plan).unwrap();
        assert_eq!(data.last_plan(), None);
    }
}
