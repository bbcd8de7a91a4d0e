//! Reading input files defensively and writing output files atomically.
//!
//! Users hand rolescope hand-edited files, directories by mistake, binaries and huge files;
//! each gets a clear [`InputError`] instead of a panic or a hang. Writes go to a temporary file
//! in the same directory, are flushed to disk and renamed over the target, so a crash or a full
//! disk never leaves a half-written plan or report.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::InputError;

/// Largest input file read by default: plans and catalogs are a few hundred kilobytes at most,
/// so anything far bigger is a mistake (a log, a video) and is refused before it is read.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// The environment variable that overrides [`DEFAULT_MAX_INPUT_BYTES`].
pub const MAX_INPUT_ENV: &str = "ROLESCOPE_MAX_INPUT_BYTES";

/// The input size limit in force. A value that is not a positive whole number of bytes is an
/// error rather than a silent fall-back: whoever set it meant some limit, and reading a file
/// under a different one would surprise them.
pub fn max_input_bytes() -> Result<u64, InputError> {
    let Some(raw) = std::env::var_os(MAX_INPUT_ENV) else {
        return Ok(DEFAULT_MAX_INPUT_BYTES);
    };
    let value = raw.to_string_lossy();
    match value.trim().replace('_', "").parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(InputError::new(
            MAX_INPUT_ENV,
            None,
            format!(
                "is {value:?}; expected a positive whole number of bytes, such as {DEFAULT_MAX_INPUT_BYTES} (the default)"
            ),
        )),
    }
}

/// Reads a UTF-8 text file, refusing directories, oversized and binary files with a message
/// that says what was expected.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let origin = path.display().to_string();
    let fail = |message: String| InputError::new(origin.clone(), None, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(io_message(&e)))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a file".to_owned()));
    }
    let limit = max_input_bytes()?;
    if meta.len() > limit {
        return Err(fail(format!(
            "is {} bytes, larger than the {limit}-byte limit for input files (set {MAX_INPUT_ENV} to raise it)",
            meta.len()
        )));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(io_message(&e)))?;
    // Sized from the metadata (plus the byte that tells a file grown past the limit), so a
    // large plan is read without regrowing and copying the buffer.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).map_or(0, |n| n + 1));
    // Read at most one byte past the limit: the file may grow after the size check.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_message(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(fail(format!(
            "is larger than the {limit}-byte limit for input files"
        )));
    }
    text_from_bytes(bytes).map_err(fail)
}

/// Reads all of standard input (or any reader) with the same checks as [`read_text`].
pub fn read_text_from(reader: impl Read, origin: &str) -> Result<String, InputError> {
    let limit = max_input_bytes()?;
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(origin, None, io_message(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::new(
            origin,
            None,
            format!("is larger than the {limit}-byte limit for input"),
        ));
    }
    text_from_bytes(bytes).map_err(|m| InputError::new(origin, None, m))
}

fn text_from_bytes(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err(
            "looks like a binary file (it contains NUL bytes); expected UTF-8 text".to_owned(),
        );
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].split(|&b| b == b'\n').count();
        format!("is not valid UTF-8 text (first bad byte on line {line}, byte offset {at}); save it as UTF-8")
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    Ok(text)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: cannot read this file".to_owned()
        }
        _ => format!("cannot read: {e}"),
    }
}

/// The operating system's words for an I/O error ("No such file or directory (os error 2)"):
/// `tempfile` appends " at path <temporary file>" to errors of an atomic write, which would
/// only confuse, so that part is cut.
pub fn os_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Writes `contents` to `path` atomically: a temporary file in the same directory, fsync,
/// rename over the target (keeping the target's permissions), then fsync of the directory.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |file| file.write_all(contents))
}

/// [`write_atomic`] with the contents written by `write`: whatever `write` or the disk does
/// (a full disk, an error half way), the target is either the old file or the new one, whole.
///
/// A symbolic link is followed: the file it points to is replaced, in its own directory, and
/// the link stays a link (replacing the link with a file would leave the real plan stale).
/// Errors carry the operating system's reason, never the temporary file's name.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = link_target(path)?;
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        )),
        // A device, a pipe or a terminal (`-o /dev/null`, `-o /dev/stdout`): there is no file
        // to replace, and renaming over it would put a regular file where the device was, so
        // the output goes straight to it.
        Ok(meta) if !meta.is_file() => {
            let mut file = std::fs::OpenOptions::new().write(true).open(&target)?;
            write(&mut file)?;
            file.flush()
        }
        _ => replace_atomically(&target, write)
            .map_err(|e| std::io::Error::new(e.kind(), os_reason(&e))),
    }
}

/// How many links in a row are followed before giving up, as the kernel's own limit (40).
const MAX_LINKS: usize = 40;

/// The file `path` names once symbolic links are followed (itself when it is no link); the
/// target of a dangling link is where a new file is created.
pub fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let points_to = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if points_to.is_relative() => dir.join(points_to),
                    _ => points_to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
}

fn replace_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    // A new file gets the usual mode (0666 less the umask), not the temp file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    write(tmp.as_file_mut())?;
    tmp.flush()?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    remove_stale_temporaries(dir);
    Ok(())
}

/// The shape of our temporary files' names: `.rolescope-` six letters or digits `.tmp`. Only
/// names of exactly this shape are ever cleaned up, so a user's `.rolescope-notes.tmp` stays.
const TEMP_PREFIX: &str = ".rolescope-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;

/// Whether `name` is one of our temporary files (see [`TEMP_PREFIX`]).
fn is_our_temporary(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// How old a temporary file of ours must be before a later save treats it as left over.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes `.rolescope-*.tmp` files that a killed save left in `dir` (a kill mid-write cannot
/// run any clean-up). Only old ones: a younger one may be another rolescope saving right now.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !is_our_temporary(&name) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if age.is_some_and(|a| a > STALE_AFTER) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: the rename is already visible; this makes it durable across a power cut.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// [`write_atomic`] for a file only its owner may read (recovery copies of plans that may be
/// private): the temporary file is created 0600 on Unix and renamed into place, so the contents
/// are never readable by others, not even for a moment, whatever the umask. The target's own
/// permissions are not carried over.
pub fn write_atomic_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rolescope-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_directories_binaries_and_bad_utf8() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read_text(dir.path())
                .unwrap_err()
                .message
                .contains("directory")
        );
        let bin = dir.path().join("b.yaml");
        std::fs::write(&bin, b"a\0b").unwrap();
        assert!(read_text(&bin).unwrap_err().message.contains("binary"));
        let bad = dir.path().join("u.yaml");
        std::fs::write(&bad, b"name: x\nbad: \xff\n").unwrap();
        let err = read_text(&bad).unwrap_err();
        assert!(
            err.message.contains("UTF-8") && err.message.contains("line 2"),
            "{err}"
        );
        assert!(
            read_text(&dir.path().join("missing.yaml"))
                .unwrap_err()
                .message
                .contains("no such file")
        );
    }

    #[test]
    fn strips_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bom.yaml");
        std::fs::write(&p, "\u{feff}name: x\n").unwrap();
        assert_eq!(read_text(&p).unwrap(), "name: x\n");
    }

    #[test]
    fn atomic_write_replaces_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.yaml");
        std::fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.yaml");
        std::fs::write(&p, "name: old\n").unwrap();
        let err = write_atomic_with(&p, |f| {
            f.write_all(b"name: ne")?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "name: old\n");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file is removed"
        );
    }

    #[test]
    fn old_temporaries_left_by_a_killed_save_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".rolescope-abc123.tmp");
        let fresh = dir.path().join(".rolescope-def456.tmp");
        let users = dir.path().join(".rolescope-notes-2024.tmp");
        std::fs::write(&stale, "half a pl").unwrap();
        std::fs::write(&fresh, "another save in progress").unwrap();
        std::fs::write(&users, "not ours").unwrap();
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for old in [&stale, &users] {
            std::fs::File::options()
                .write(true)
                .open(old)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        write_atomic(&dir.path().join("plan.yaml"), b"name: x\n").unwrap();
        assert!(!stale.exists(), "a stale temporary is removed");
        assert!(users.exists(), "a file of another shape is not ours");
        assert!(is_our_temporary(".rolescope-a1B2c3.tmp"));
        assert!(!is_our_temporary(".rolescope-a1B2c.tmp"));
        assert!(
            fresh.exists(),
            "a recent one may belong to a save in progress"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_save_through_a_link_updates_the_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        std::fs::create_dir(&real_dir).unwrap();
        let target = real_dir.join("plan.yaml");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("plan.yaml");
        std::os::unix::fs::symlink("real/plan.yaml", &link).unwrap();
        let chain = dir.path().join("again.yaml");
        std::os::unix::fs::symlink(&link, &chain).unwrap();
        write_atomic(&chain, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        for l in [&link, &chain] {
            assert!(
                std::fs::symlink_metadata(l)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            3,
            "no temporary file beside the link"
        );
        // A dangling link: the save creates the file it points to.
        let dangling = dir.path().join("dangling.yaml");
        std::os::unix::fs::symlink("real/new.yaml", &dangling).unwrap();
        write_atomic(&dangling, b"created").unwrap();
        assert_eq!(
            std::fs::read_to_string(real_dir.join("new.yaml")).unwrap(),
            "created"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_a_read_only_directory_fails_and_changes_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("plan.yaml");
        if is_root() {
            // Root writes into any mode; no one creates files in /proc.
            std::os::unix::fs::symlink("/proc/rolescope-plan.yaml", &link).unwrap();
            let err = write_atomic(&link, b"new").unwrap_err();
            assert!(!err.to_string().contains(".rolescope-"), "{err}");
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
            return;
        }
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        let target = locked.join("plan.yaml");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write_atomic(&link, b"new").unwrap_err();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied, "{err}");
        assert!(!err.to_string().contains(".rolescope-"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    fn is_root() -> bool {
        std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
    }

    #[cfg(unix)]
    #[test]
    fn a_device_or_a_pipe_is_written_to_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        write_atomic(&link, b"report").unwrap();
        assert!(
            !std::fs::metadata("/dev/null").unwrap().is_file(),
            "still a device"
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            write_atomic(dir.path(), b"x").unwrap_err().kind(),
            std::io::ErrorKind::IsADirectory
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.html");
        write_atomic(&p, b"x").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_ne!(
            mode & 0o044,
            0,
            "readable by others as a normal new file is (umask permitting): {mode:o}"
        );
    }
}
