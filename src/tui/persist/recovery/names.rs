//! The files of the recovery directory by name: which are rolescope's (copies, locks, the
//! temporary files of a write) by their exact shape, so nothing else there is ever touched.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{LOCK_TEMP_PREFIX, NEW_PLAN_KEY, TEMP_RANDOM_LEN, TEMP_SUFFIX, WRITE_TEMP_PREFIX};

/// A file of the recovery directory that has the exact shape of one rolescope makes; nothing
/// else there is ever touched.
#[derive(Debug)]
pub(super) enum Entry {
    Copy {
        path: PathBuf,
        key: String,
        /// `None` for a copy named by the plan alone (`<plan>.yaml`, one copy per plan), as
        /// versions before one copy per instance wrote them.
        instance: Option<String>,
        written: SystemTime,
    },
    Lock {
        path: PathBuf,
        instance: String,
    },
    Temp {
        path: PathBuf,
        written: SystemTime,
    },
}

pub(super) fn entries(dir: &Path) -> Vec<Entry> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    read.flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let path = e.path();
            let written = || e.metadata().and_then(|m| m.modified()).ok();
            if let Some(stem) = name.strip_suffix(".yaml") {
                let (key, instance) = parse_copy_stem(stem)?;
                Some(Entry::Copy {
                    path,
                    key,
                    instance,
                    written: written()?,
                })
            } else if let Some(id) = name.strip_suffix(".lock") {
                is_instance_id(id).then(|| Entry::Lock {
                    path,
                    instance: id.to_owned(),
                })
            } else if is_temp_name(&name) {
                Some(Entry::Temp {
                    path,
                    written: written()?,
                })
            } else {
                None
            }
        })
        .collect()
}

/// `<plan>-<pid>-<stamp>` (or the plan key alone) → the plan key and the instance id.
pub(super) fn parse_copy_stem(stem: &str) -> Option<(String, Option<String>)> {
    if is_plan_key(stem) {
        return Some((stem.to_owned(), None));
    }
    let mut parts = stem.rsplitn(3, '-');
    let (stamp, pid, key) = (parts.next()?, parts.next()?, parts.next()?);
    let id = format!("{pid}-{stamp}");
    (is_plan_key(key) && is_instance_id(&id)).then(|| (key.to_owned(), Some(id)))
}

pub(super) fn is_plan_key(s: &str) -> bool {
    s == NEW_PLAN_KEY
        || (s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

pub(super) fn is_instance_id(s: &str) -> bool {
    s.split_once('-').is_some_and(|(pid, stamp)| {
        !pid.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && !stamp.is_empty()
            && stamp
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// A temporary file of `fsio::write_atomic_private` or of
/// [`Instance::start`](super::Instance::start), by its exact shape: prefix, six random letters
/// or digits, `.tmp`.
pub(super) fn is_temp_name(name: &str) -> bool {
    [WRITE_TEMP_PREFIX, LOCK_TEMP_PREFIX].iter().any(|prefix| {
        name.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .is_some_and(|random| {
                random.len() == TEMP_RANDOM_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric())
            })
    })
}

pub(super) fn lock_name(id: &str) -> String {
    format!("{id}.lock")
}
