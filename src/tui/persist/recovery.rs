//! Recovery copies: one per running instance of the view, so several instances on one plan (or
//! on several unsaved new plans) never read, offer or delete each other's unsaved work.
//!
//! In `<data dir>/recovery/` (0700 on Unix; every file in it 0600, created so):
//!
//! - `<instance>.lock`, where `<instance>` is `<pid>-<start time in ns, hex>`: created when the
//!   view starts and locked (`File::try_lock`, an OS lock) for the instance's whole life. The
//!   operating system drops the lock when the process ends, however it ends (a crash, `kill -9`,
//!   a closed terminal), so a lock that can be taken belongs to an instance that is gone.
//! - `<plan>-<instance>.yaml`, the instance's copy of its unsaved plan, where `<plan>` is a hash
//!   of the plan file's absolute path, or `new-plan` for a plan never saved. Written atomically,
//!   so the copy is always whole; the lock lives in its own file because an atomic write
//!   replaces the copy's inode, and a lock on the old inode would guard nothing.
//!
//! A copy is offered for restoring only when its instance is gone, and only to an instance that
//! holds that instance's lock while the user decides, so two instances starting at once cannot
//! both restore (and later both save) the same work. Copies of live instances are never read,
//! offered or deleted. Copies of gone instances are deleted after [`STALE_AFTER`], by whichever
//! instance starts next.

mod names;

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use self::names::{Entry, entries, lock_name};
use super::DataDir;
use crate::fsio;
use crate::plan::{Plan, parse_plan, to_yaml};

/// How long a copy of a gone instance is kept when nobody restores or discards it: long enough
/// to come back from a holiday to a crashed session, short enough that forgotten copies of old
/// plans do not pile up. Mentioned in docs/view.md.
pub const STALE_AFTER: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// A temporary file in the recovery directory older than this was left by a write that was
/// killed half way (a write takes milliseconds, so no live instance is still making it).
const TEMP_STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// The plan part of the name of a copy of a plan never saved.
const NEW_PLAN_KEY: &str = "new-plan";

/// Prefix of the temporary file an instance's lock is created as, before it gets its name.
const LOCK_TEMP_PREFIX: &str = ".lock-";

/// The prefix and suffix of `fsio`'s temporary files, and the length of their random part.
const WRITE_TEMP_PREFIX: &str = ".rolescope-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM_LEN: usize = 6;

/// Which plan a copy belongs to, as it appears in the copy's name: a hash of the plan file's
/// absolute path (stable across runs), or `new-plan`.
pub fn plan_key(plan: Option<&Path>) -> String {
    match plan.and_then(|p| std::path::absolute(p).ok()) {
        Some(abs) => format!("{:016x}", fnv1a(abs.display().to_string().as_bytes())),
        None => NEW_PLAN_KEY.to_owned(),
    }
}

/// FNV-1a: a stable hash across runs and platforms (std's hasher is randomly seeded).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The running instance: its lock, held until [`Instance::finish`] or the end of the process,
/// and its copy.
#[derive(Debug)]
pub struct Instance {
    dir: PathBuf,
    id: String,
    /// Held, never read: the open, locked file is what tells other instances this one lives.
    _lock: File,
    /// The copy this instance wrote last (or restored), which is the one it deletes.
    current: Option<PathBuf>,
}

impl Instance {
    /// Creates the recovery directory if needed, and this instance's lock file, already
    /// locked when it appears under its name: a lock file that could be seen unlocked for a
    /// moment would look like a gone instance's to another one starting at that moment.
    pub fn start(data: &DataDir) -> io::Result<Instance> {
        let dir = data.recovery_dir();
        create_private_dir(&dir)?;
        let started = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let mut tmp = private_builder(LOCK_TEMP_PREFIX).tempfile_in(&dir)?;
        tmp.as_file().try_lock().map_err(io::Error::from)?;
        // Two instances of one process (only tests make them) may start in the same
        // nanosecond: the next stamp is as good.
        for stamp in started.. {
            let id = format!("{}-{stamp:x}", std::process::id());
            match tmp.persist_noclobber(dir.join(lock_name(&id))) {
                Ok(lock) => {
                    return Ok(Instance {
                        dir,
                        id,
                        _lock: lock,
                        current: None,
                    });
                }
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
                Err(e) => return Err(e.error),
            }
        }
        unreachable!("a free name is found long before the stamps run out")
    }

    /// Where this instance keeps its copy of the plan saved at `plan` (or of a new plan).
    pub fn copy_path(&self, plan: Option<&Path>) -> PathBuf {
        self.dir
            .join(format!("{}-{}.yaml", plan_key(plan), self.id))
    }

    /// Writes this instance's copy of `plan` (saved at `path`, if it has been) atomically and
    /// readable only by its owner. After a save-as the plan's path, and so the copy's name,
    /// changes: the copy under the old name is removed once the new one is written.
    pub fn write(&mut self, path: Option<&Path>, plan: &Plan) -> anyhow::Result<()> {
        let file = self.copy_path(path);
        let origin = path.map_or_else(|| "a new plan".to_owned(), |p| p.display().to_string());
        let text = format!("# rolescope recovery copy of {origin}\n{}", to_yaml(plan)?);
        fsio::write_atomic_private(&file, text.as_bytes())?;
        if let Some(old) = self.current.replace(file)
            && Some(&old) != self.current.as_ref()
        {
            let _ = std::fs::remove_file(old);
        }
        Ok(())
    }

    /// Removes this instance's copy: after a save, when undo brings the plan back to what was
    /// saved, and on a clean quit.
    pub fn discard(&mut self) {
        if let Some(file) = self.current.take() {
            let _ = std::fs::remove_file(file);
        }
    }

    /// A clean end: the copy is removed, then the lock file, then the lock is released (in
    /// that order, so no other instance ever sees a copy whose lock file is gone while this
    /// one lives).
    pub fn finish(mut self) {
        self.discard();
        let _ = std::fs::remove_file(self.dir.join(lock_name(&self.id)));
    }
}

/// A copy left by an instance that is gone, held (its lock taken) until it is restored,
/// discarded, or dropped to be offered again next time.
#[derive(Debug)]
pub struct Leftover {
    pub plan: Plan,
    pub written: SystemTime,
    pub file: PathBuf,
    /// The gone instance's lock file and the lock on it; `None` for a copy with no lock file:
    /// one written by a version of rolescope that kept one copy per plan, or whose lock file
    /// someone deleted.
    lock: Option<(PathBuf, File)>,
}

impl Leftover {
    /// Takes the copy over as `instance`'s own (a rename, so the work is never out of a file
    /// for a moment: if this instance crashes too, its copy is offered next time), and returns
    /// its plan.
    pub fn restore(self, instance: &mut Instance, path: Option<&Path>) -> io::Result<Plan> {
        let own = instance.copy_path(path);
        std::fs::rename(&self.file, &own)?;
        instance.current = Some(own);
        remove_lock(self.lock);
        Ok(self.plan)
    }

    /// Deletes the copy, and its instance's lock file.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.file);
        remove_lock(self.lock);
    }
}

/// Removes a gone instance's lock file while holding its lock, then releases it.
fn remove_lock(lock: Option<(PathBuf, File)>) {
    if let Some((path, _held)) = lock {
        let _ = std::fs::remove_file(path);
    }
}

/// The copies of `plan` (or of new plans) that gone instances left, newest first, each with its
/// instance's lock taken. Copies that cannot be read as a plan are left alone (and cleaned up
/// with the others after [`STALE_AFTER`]).
pub fn leftovers(instance: &Instance, plan: Option<&Path>) -> Vec<Leftover> {
    let key = plan_key(plan);
    let mut found: Vec<Leftover> = entries(&instance.dir)
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Copy {
                path,
                key: k,
                instance: owner,
                written,
            } if k == key && owner.as_deref() != Some(&instance.id) => {
                let lock = match owner {
                    Some(owner) => match owner_state(&instance.dir, &owner) {
                        Owner::Gone(lock) => {
                            lock.map(|file| (instance.dir.join(lock_name(&owner)), file))
                        }
                        Owner::Live => return None,
                    },
                    None => None,
                };
                let text = fsio::read_text(&path).ok()?;
                let plan = parse_plan(&path.display().to_string(), &text).ok()?;
                Some(Leftover {
                    plan,
                    written,
                    file: path,
                    lock,
                })
            }
            _ => None,
        })
        .collect();
    found.sort_by_key(|copy| std::cmp::Reverse(copy.written));
    found
}

/// Deletes what gone instances left and nobody will want: copies older than [`STALE_AFTER`],
/// lock files with no copy (an instance that never had unsaved changes, killed), and
/// temporary files of writes killed half way. Returns how many files it removed.
pub fn clean_up(instance: &Instance) -> usize {
    let entries = entries(&instance.dir);
    let copies_of = |id: &str| {
        entries
            .iter()
            .filter(|e| matches!(e, Entry::Copy { instance: Some(i), .. } if i == id))
            .count()
    };
    let mut removed = 0;
    let mut remove = |path: &Path| {
        if std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    };
    for entry in &entries {
        match entry {
            Entry::Copy {
                path,
                instance: owner,
                written,
                ..
            } if age(*written) > STALE_AFTER => match owner {
                Some(owner) if *owner != instance.id => {
                    if let Owner::Gone(lock) = owner_state(&instance.dir, owner) {
                        remove(path);
                        if copies_of(owner) == 1 {
                            remove(&instance.dir.join(lock_name(owner)));
                        }
                        drop(lock);
                    }
                }
                Some(_) => {}
                None => remove(path),
            },
            Entry::Lock { path, instance: id } if *id != instance.id && copies_of(id) == 0 => {
                if let Owner::Gone(Some(lock)) = owner_state(&instance.dir, id) {
                    remove(path);
                    drop(lock);
                }
            }
            Entry::Temp { path, written } if age(*written) > TEMP_STALE_AFTER => remove(path),
            _ => {}
        }
    }
    removed
}

/// Whether the instance that owns a lock file still runs.
enum Owner {
    Live,
    /// Gone: its lock, now held by the caller (`None` when the lock file is not there at all).
    Gone(Option<File>),
}

/// Tries the lock of instance `id`. Anything but "taken" or "not there" (a lock file that
/// cannot be opened, a file system without locks) counts as live: a copy that cannot be told
/// apart is left alone rather than risk offering or deleting a running instance's work.
fn owner_state(dir: &Path, id: &str) -> Owner {
    let file = match File::open(dir.join(lock_name(id))) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Owner::Gone(None),
        Err(_) => return Owner::Live,
    };
    match file.try_lock() {
        Ok(()) => Owner::Gone(Some(file)),
        Err(TryLockError::WouldBlock | TryLockError::Error(_)) => Owner::Live,
    }
}

fn age(written: SystemTime) -> Duration {
    written.elapsed().unwrap_or_default()
}

/// A temporary-file builder for files only the owner may read.
fn private_builder(prefix: &str) -> tempfile::Builder<'_, '_> {
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_LEN);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    builder
}

/// Creates `dir` (and the data directory above it) with the recovery directory itself 0700 on
/// Unix from the start; one left 0755 by an older version is narrowed to 0700.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(dir)?.permissions().mode();
                if mode & 0o077 != 0 {
                    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
                }
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}
