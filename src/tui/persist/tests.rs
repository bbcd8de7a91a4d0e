//! Recovery copies with several instances: each test plays instances in one process, each with
//! its own open lock file, so "killing" one is dropping it without a clean finish, which
//! releases its OS lock exactly as the end of its process would. (`tests/tui_pty.rs` does it
//! for real, with `kill -9` on the binary.) And the last plan opened.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::DataDir;
use super::prompt::{Choice, choose};
use super::recovery::{Instance, STALE_AFTER, clean_up, leftovers, plan_key};
use super::writer::Writer;
use crate::plan::Plan;

struct Setup {
    _dir: tempfile::TempDir,
    data: DataDir,
    plan_path: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = DataDir::new(dir.path().join("data"));
    let plan_path = dir.path().join("plan.yaml");
    std::fs::write(&plan_path, "name: On disk\n").expect("write plan");
    Setup {
        _dir: dir,
        data,
        plan_path,
    }
}

fn plan(name: &str) -> Plan {
    Plan::new(name)
}

fn start(data: &DataDir) -> Instance {
    Instance::start(data).expect("instance starts")
}

/// Every file in the recovery directory, by name, sorted.
fn files(data: &DataDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.recovery_dir())
        .expect("recovery dir")
        .map(|e| {
            e.expect("entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .collect();
    names.sort();
    names
}

fn set_age(path: &Path, age: Duration) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open to set time")
        .set_modified(SystemTime::now() - age)
        .expect("set modified time");
}

const DAY: Duration = Duration::from_secs(86_400);

#[test]
fn a_killed_instances_copy_is_offered_and_a_live_ones_is_not() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    let mut first = start(&s.data);
    first
        .write(path, &plan("First's work"))
        .expect("first writes");
    let mut second = start(&s.data);
    second
        .write(path, &plan("Second's work"))
        .expect("second writes");

    let third = start(&s.data);
    assert!(
        leftovers(&third, path).is_empty(),
        "both are running: nothing to offer"
    );
    assert_eq!(clean_up(&third), 0, "nothing of a live instance is removed");

    drop(first); // killed: its lock is released, its copy stays
    let found = leftovers(&third, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].plan.name, "First's work");
    assert!(
        leftovers(&second, None).is_empty(),
        "a copy of one plan is not offered for another"
    );
    drop(found);

    let second_copy = second.copy_path(path);
    assert!(
        second_copy.exists(),
        "the live instance's copy is untouched"
    );
    assert_eq!(
        files(&s.data).len(),
        5,
        "three locks, two copies: {:?}",
        files(&s.data)
    );
}

#[test]
fn an_instance_deciding_about_a_copy_holds_it_from_others() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    let mut gone = start(&s.data);
    gone.write(path, &plan("Lost work")).expect("write");
    drop(gone);
    let (asking, other) = (start(&s.data), start(&s.data));
    let offered = leftovers(&asking, path);
    assert_eq!(offered.len(), 1);
    assert!(
        leftovers(&other, path).is_empty(),
        "while one instance asks, another does not offer the same copy"
    );
    drop(offered); // kept for next time
    assert_eq!(leftovers(&other, path).len(), 1, "offered again once kept");
}

#[test]
fn restoring_makes_the_copy_ones_own_and_a_clean_quit_removes_everything() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    let mut gone = start(&s.data);
    gone.write(path, &plan("Lost work")).expect("write");
    drop(gone);
    let mut next = start(&s.data);
    let found = leftovers(&next, path).pop().expect("offered");
    let restored = found.restore(&mut next, path).expect("restored");
    assert_eq!(restored.name, "Lost work");
    let own = next.copy_path(path);
    assert!(own.exists(), "the work is in this instance's copy at once");
    assert_eq!(files(&s.data).len(), 2, "own lock and own copy");

    // Killed in turn before writing anything: the restored work is still offered.
    drop(next);
    let mut after = start(&s.data);
    let found = leftovers(&after, path).pop().expect("offered again");
    assert_eq!(found.plan.name, "Lost work");
    found.restore(&mut after, path).expect("restored");
    after.finish();
    assert!(files(&s.data).is_empty(), "{:?}", files(&s.data));
}

#[test]
fn discarding_a_gone_copy_removes_it_and_its_lock() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    let mut gone = start(&s.data);
    gone.write(path, &plan("Unwanted")).expect("write");
    drop(gone);
    let next = start(&s.data);
    for copy in leftovers(&next, path) {
        copy.discard();
    }
    assert_eq!(files(&s.data).len(), 1, "only the live lock is left");
    assert!(leftovers(&start(&s.data), path).is_empty());
}

#[test]
fn new_plan_copies_of_two_instances_do_not_clobber_each_other() {
    let s = setup();
    let mut a = start(&s.data);
    let mut b = start(&s.data);
    a.write(None, &plan("A's new plan")).expect("a writes");
    b.write(None, &plan("B's new plan")).expect("b writes");
    assert_ne!(a.copy_path(None), b.copy_path(None));
    // A saves its new plan somewhere: its own new-plan copy goes, B's stays.
    a.discard();
    assert!(!a.copy_path(None).exists());
    let text = std::fs::read_to_string(b.copy_path(None)).expect("b's copy");
    assert!(text.contains("B's new plan"), "{text}");
    a.finish();
    drop(b);
    let found = leftovers(&start(&s.data), None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].plan.name, "B's new plan");
}

#[test]
fn several_gone_copies_come_newest_first() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    for (name, age) in [("old", 3 * DAY), ("newest", DAY / 24), ("middle", DAY)] {
        let mut gone = start(&s.data);
        gone.write(path, &plan(name)).expect("write");
        set_age(&gone.copy_path(path), age);
    }
    let names: Vec<String> = leftovers(&start(&s.data), path)
        .into_iter()
        .map(|c| c.plan.name)
        .collect();
    assert_eq!(names, ["newest", "middle", "old"]);
}

#[test]
fn a_save_as_moves_the_copy_to_the_new_name() {
    let s = setup();
    let mut a = start(&s.data);
    a.write(None, &plan("p")).expect("write new");
    let other = s.plan_path.with_file_name("other.yaml");
    a.write(Some(&other), &plan("p")).expect("write saved-as");
    assert!(!a.copy_path(None).exists(), "the old name is removed");
    assert!(a.copy_path(Some(&other)).exists());
}

#[test]
fn copies_of_long_gone_instances_are_cleaned_up_and_nothing_else() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    let mut stale = start(&s.data);
    stale.write(path, &plan("stale")).expect("write");
    let stale_copy = stale.copy_path(path);
    drop(stale);
    set_age(&stale_copy, STALE_AFTER + DAY);

    let mut recent = start(&s.data);
    recent.write(path, &plan("recent")).expect("write");
    let recent_copy = recent.copy_path(path);
    drop(recent);
    set_age(&recent_copy, STALE_AFTER.saturating_sub(DAY));

    let mut live = start(&s.data);
    live.write(path, &plan("live")).expect("write");
    let live_copy = live.copy_path(path);
    set_age(&live_copy, STALE_AFTER * 2);

    drop(start(&s.data)); // killed before any change: a lock file and no copy

    let dir = s.data.recovery_dir();
    let legacy = dir.join(format!("{}.yaml", plan_key(path)));
    std::fs::write(&legacy, "name: legacy\n").expect("legacy copy");
    set_age(&legacy, STALE_AFTER + DAY);
    let stray_temp = dir.join(".rolescope-a1B2c3.tmp");
    std::fs::write(&stray_temp, "half a pl").expect("temp");
    set_age(&stray_temp, DAY);
    let not_ours = dir.join("notes.yaml");
    std::fs::write(&not_ours, "mine").expect("other file");
    set_age(&not_ours, STALE_AFTER * 2);

    let next = start(&s.data);
    assert_eq!(
        clean_up(&next),
        5,
        "stale copy, its lock, the lone lock, legacy, temp"
    );
    assert!(!stale_copy.exists() && !legacy.exists() && !stray_temp.exists());
    assert!(recent_copy.exists(), "younger than the limit: kept");
    assert!(
        live_copy.exists(),
        "a live instance's copy is never removed"
    );
    assert!(not_ours.exists(), "a file rolescope did not make is left");
    assert_eq!(
        files(&s.data).len(),
        6,
        "recent copy and lock, live copy and lock, next's lock, notes: {:?}",
        files(&s.data)
    );
    drop(live);
}

#[test]
fn a_copy_written_by_an_older_version_is_offered() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    let next = start(&s.data);
    let legacy = s
        .data
        .recovery_dir()
        .join(format!("{}.yaml", plan_key(path)));
    std::fs::write(&legacy, "name: from before\n").expect("legacy copy");
    let found = leftovers(&next, path);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].plan.name, "from before");
}

#[cfg(unix)]
#[test]
fn copies_are_private_from_the_start() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    let s = setup();
    let mut a = start(&s.data);
    a.write(Some(&s.plan_path), &plan("private"))
        .expect("write");
    assert_eq!(mode(&s.data.recovery_dir()), 0o700);
    for name in files(&s.data) {
        assert_eq!(
            mode(&s.data.recovery_dir().join(&name)),
            0o600,
            "{name} is readable only by its owner"
        );
    }
    drop(a);

    // A directory left 0755 by an older version is narrowed.
    std::fs::set_permissions(
        s.data.recovery_dir(),
        std::fs::Permissions::from_mode(0o755),
    )
    .expect("widen");
    let _b = start(&s.data);
    assert_eq!(mode(&s.data.recovery_dir()), 0o700);
}

#[test]
fn the_writer_keeps_the_newest_copy_when_the_view_dies_and_removes_it_on_a_clean_quit() {
    let s = setup();
    let path = Some(s.plan_path.clone());
    let writer = Writer::start(start(&s.data)).expect("writer");
    for i in 0..20 {
        writer.write(path.clone(), plan(&format!("revision {i}")));
    }
    drop(writer); // an error or a panic in the loop: what is pending is written, and kept
    let mut next = start(&s.data);
    let mut found = leftovers(&next, path.as_deref());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].plan.name, "revision 19", "the newest one");
    let copy = found.pop().expect("one copy");
    copy.restore(&mut next, path.as_deref()).expect("restored");

    let writer = Writer::start(next).expect("writer");
    writer.write(path.clone(), plan("saved soon"));
    writer.discard();
    writer.write(path, plan("then changed"));
    writer.finish();
    assert!(files(&s.data).is_empty(), "{:?}", files(&s.data));
}

#[test]
fn last_plan_is_remembered_only_while_it_exists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = DataDir::new(dir.path().join("d"));
    let plan = dir.path().join("p.yaml");
    std::fs::write(&plan, "name: p\n").expect("write plan");
    data.remember(&plan).expect("remember");
    assert_eq!(
        data.last_plan(),
        Some(std::path::absolute(&plan).expect("absolute"))
    );
    std::fs::remove_file(&plan).expect("remove plan");
    assert_eq!(data.last_plan(), None);
}

#[test]
fn the_question_lists_each_copy_and_asks_again_until_answered() {
    let s = setup();
    let path = Some(s.plan_path.as_path());
    for (name, age) in [("Older", 2 * DAY), ("Newer", Duration::from_secs(300))] {
        let mut gone = start(&s.data);
        let mut plan = plan(name);
        plan.people.push(crate::plan::Person::new(
            "Ana",
            crate::plan::RoleSpec::Single("community-manager".into()),
        ));
        gone.write(path, &plan).expect("write");
        set_age(&gone.copy_path(path), age);
    }
    set_age(&s.plan_path, DAY); // saved between the two copies
    let copies = leftovers(&start(&s.data), path);
    let mut out = Vec::new();
    let choice = choose(&copies, path, &mut "x\n2\n".as_bytes(), &mut out);
    assert_eq!(choice, Choice::Restore(1));
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(
        out.contains("from rolescopes that did not quit normally"),
        "{out}"
    );
    assert!(
        out.contains("  1. 5 minutes ago: \"Newer\"\n     1 person, 0 tasks assigned\n"),
        "{out}"
    );
    assert!(
        out.contains("  2. 2 days ago: \"Older\"\n     1 person, 0 tasks assigned; the plan file was saved after this copy\n"),
        "{out}"
    );
    assert_eq!(
        out.matches("Restore which? [1-2").count(),
        2,
        "asked again: {out}"
    );

    let mut out = Vec::new();
    assert_eq!(
        choose(&copies, path, &mut "".as_bytes(), &mut out),
        Choice::Keep,
        "no answer at all keeps them"
    );
}
