//! A read's two threads: the caller, and one helper started once at the start of the read.
//!
//! Why one helper, started early and kept busy, and why neither thread goes to sleep while the
//! other works: on the virtual machine the reader is measured on, a thread that blocks and is
//! woken by the other one, or a thread just started, is often left waiting for a core until the
//! next scheduler tick. Measured there (`examples/thread_start.rs`): a blocked receiver woken
//! by a busy sender waits 13–42 µs at the median, but 3.3–3.8 ms at the 90th percentile in six
//! of eight runs of forty tries; a new thread starts in 0.1–0.2 ms at the median, but the
//! slowest of forty took 3.2–4.1 ms in six of the eight runs. A 200-line posting is read in
//! about 10 ms, and a read that started two threads and waited on each paid those milliseconds
//! in most runs (the second thread of its last step started after 3 ms, when the caller had
//! done nearly all the work alone).
//!
//! So: the helper is started once per read (`rolescope offer` starts it before it even loads
//! the catalog: `super::EarlyRead`), works through the read's side tasks ([`Aside`]), then
//! helps with each [`Stage`] of lines the caller posts. Between them it spins, then yields,
//! rather than sleeps, which keeps its core awake; it stops when the caller is done. The caller
//! does not sleep on the helper either: a side task the helper has not begun, the caller does
//! itself; what the helper holds, it spins for (an item takes some 20 µs). A wait past 20 ms
//! is no wait inside a read (a slow disk, a pipe): it naps, longer each time, and whatever the
//! waiter waits for wakes it at once ([`Crew::wake`]).
//!
//! Each item of a stage is worked out on its own, so the results, put back in order, are the
//! same on one thread or two.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// From this many items a stage is shared with the helper (an item takes some 20 µs).
pub const PARALLEL_FROM: usize = 16;

/// Items a thread takes from a stage's counter at a time: few enough that neither thread is
/// left with a long tail, enough that the counter is seldom touched.
const CHUNK: usize = 4;

/// Spins before a waiting thread starts yielding its core to anyone else who wants it.
const SPINS: u32 = 200;

/// How long a waiting thread stays awake (spinning, then yielding) before it sleeps between
/// looks: far longer than any wait inside a read, short enough that a wait that is no part of
/// one (a posting still being pasted at the keyboard while the helper waits for it) costs no
/// core.
const AWAKE_FOR: Duration = Duration::from_millis(20);

/// A sleeping waiter's first time between looks; each nap is twice the last, up to
/// [`LONGEST_NAP`]: a waiter left waiting for long wakes some ten times a second.
const NAP: Duration = Duration::from_millis(1);
const LONGEST_NAP: Duration = Duration::from_millis(100);

/// What the caller and the helper of one read know of each other.
#[derive(Debug, Default)]
pub struct Crew {
    /// The caller is done with the read (or panicked): the helper stops waiting for work.
    caller_done: AtomicBool,
    /// The helper is gone: its work done, it panicked, or it was never started.
    helper_gone: AtomicBool,
    /// Threads napping in [`Crew::wait_until`]: whatever either thread does that another may
    /// wait for wakes them ([`Crew::wake`]), so a nap never delays the read.
    nappers: Mutex<Vec<std::thread::Thread>>,
}

impl Crew {
    /// Says that no helper is coming (it was not wanted, or the system would not start it):
    /// the caller does all the work.
    pub fn without_helper(&self) {
        self.helper_gone.store(true, SeqCst);
    }

    /// Marks the helper gone when dropped: at the end of its work, or as a panic unwinds it,
    /// so that the caller never waits for a helper that will not come.
    pub fn helper_leaving(&self) -> impl Drop + '_ {
        Flag {
            crew: self,
            flag: &self.helper_gone,
        }
    }

    /// Marks the caller done when dropped: at the end of the read, or as a panic unwinds it,
    /// so that the helper stops waiting for stages that will not come.
    pub fn caller_closing(&self) -> impl Drop + '_ {
        Flag {
            crew: self,
            flag: &self.caller_done,
        }
    }

    /// Wakes every thread napping in [`Crew::wait_until`], to look again at what it waits for.
    pub fn wake(&self) {
        for t in self
            .nappers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
        {
            t.unpark();
        }
    }

    /// Waits, awake, until `done`: spins a little, then yields the core to anyone who wants
    /// it. Sleeping would let the core go idle, and waking it again is what costs
    /// milliseconds. A wait longer than [`AWAKE_FOR`] is no wait inside a read: it naps
    /// between looks, longer each time, and [`Crew::wake`] ends a nap at once.
    pub fn wait_until(&self, done: impl Fn() -> bool) {
        let mut spins = 0;
        let mut since: Option<Instant> = None;
        let mut nap = NAP;
        let mut napping = false;
        while !done() {
            if spins < SPINS {
                spins += 1;
                std::hint::spin_loop();
            } else if since.get_or_insert_with(Instant::now).elapsed() < AWAKE_FOR {
                std::thread::yield_now();
            } else if !napping {
                // Known to the crew before the next look, so that a wake between that look
                // and the nap ends the nap.
                napping = true;
                self.nappers
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(std::thread::current());
            } else {
                std::thread::park_timeout(nap);
                nap = (nap * 2).min(LONGEST_NAP);
            }
        }
    }

    fn helper_gone(&self) -> bool {
        self.helper_gone.load(SeqCst)
    }

    pub fn caller_done(&self) -> bool {
        self.caller_done.load(SeqCst)
    }
}

/// `caller` on this thread, and `helper` on a second one when `wanted`: the crew told when no
/// helper comes (not wanted, or a system that will not start a thread: a process or memory
/// limit), the helper's end marked as it returns or panics (so the caller never waits for it),
/// the caller's end likewise (so the helper stops waiting), and a panic on the helper passed
/// on to the caller as it was.
pub fn with_helper<'env, R>(
    crew: &'env Crew,
    wanted: bool,
    helper: impl FnOnce() + Send + 'env,
    caller: impl FnOnce() -> R,
) -> R {
    std::thread::scope(|scope| {
        let helper = wanted
            .then(|| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, || {
                        let _leaving = crew.helper_leaving();
                        helper();
                    })
                    .ok()
            })
            .flatten();
        if helper.is_none() {
            crew.without_helper();
        }
        let closing = crew.caller_closing();
        let done = caller();
        drop(closing);
        if let Some(Err(panic)) = helper.map(std::thread::ScopedJoinHandle::join) {
            std::panic::resume_unwind(panic);
        }
        done
    })
}

/// Sets its flag when dropped, and wakes whoever naps waiting for it.
struct Flag<'a> {
    crew: &'a Crew,
    flag: &'a AtomicBool,
}

impl Drop for Flag<'_> {
    fn drop(&mut self) {
        self.flag.store(true, SeqCst);
        self.crew.wake();
    }
}

/// A side task of a read: worked out by whichever thread comes to it first. The helper does
/// it ahead of need; the caller, when it needs the value, takes it, does it itself when the
/// helper has not begun, or waits (awake) while the helper finishes it.
#[derive(Debug)]
pub struct Aside<T> {
    begun: AtomicBool,
    value: OnceLock<T>,
}

impl<T> Default for Aside<T> {
    fn default() -> Self {
        Aside {
            begun: AtomicBool::new(false),
            value: OnceLock::new(),
        }
    }
}

impl<T> Aside<T> {
    /// On the helper: works the value out, unless the caller has begun it.
    pub fn make(&self, crew: &Crew, f: impl FnOnce() -> T) {
        if !self.begun.swap(true, SeqCst) {
            let _ = self.value.set(f());
            crew.wake();
        }
    }

    /// On the caller: the value, worked out here if the helper has not begun it.
    pub fn get(&self, crew: &Crew, f: impl FnOnce() -> T) -> &T {
        if let Some(v) = self.value.get() {
            return v;
        }
        if self.begun.swap(true, SeqCst) {
            crew.wait_until(|| self.value.get().is_some() || crew.helper_gone());
        }
        // Set by the helper, or begun by nobody else, or the helper is gone (it panicked)
        // without it: only this thread initialises the cell then, so this never blocks.
        self.value.get_or_init(f)
    }
}

/// One pass over a posting's items (its lines, its duties) that the caller posts and the
/// helper helps with: each thread takes the next few items from one counter, so whichever is
/// free goes on, and the other core may be busy with anything.
#[derive(Debug)]
pub struct Stage<I, U> {
    /// The stage's input and its number of items, once the caller has posted it.
    posted: OnceLock<(I, usize)>,
    next: AtomicUsize,
    /// The helper holds items it has not handed back.
    helping: AtomicBool,
    helped: Mutex<Vec<(usize, U)>>,
}

impl<I, U> Default for Stage<I, U> {
    fn default() -> Self {
        Stage {
            posted: OnceLock::new(),
            next: AtomicUsize::new(0),
            helping: AtomicBool::new(false),
            helped: Mutex::new(Vec::new()),
        }
    }
}

impl<I: Sync, U: Send> Stage<I, U> {
    /// On the caller: `f` of each of the `n` items of `input`, in order; shared with the
    /// helper from [`PARALLEL_FROM`] items on.
    pub fn run(&self, crew: &Crew, input: I, n: usize, f: impl Fn(&I, usize) -> U) -> Vec<U> {
        let alone = n < PARALLEL_FROM || crew.helper_gone();
        if alone {
            self.next.store(n, SeqCst);
        }
        // A stage is posted once: a second run would read the first one's input.
        debug_assert!(self.posted.get().is_none(), "a stage runs once");
        let (input, _) = self.posted.get_or_init(|| (input, n));
        crew.wake();
        if alone {
            return (0..n).map(|i| f(input, i)).collect();
        }
        let mut slots: Vec<Option<U>> = std::iter::repeat_with(|| None).take(n).collect();
        for (i, u) in take_items(&self.next, n, || false, |i| f(input, i)) {
            slots[i] = Some(u);
        }
        // The counter is spent: every item is done but those the helper still holds. (It
        // marks itself helping before it takes any, so it is seen here.)
        crew.wait_until(|| !self.helping.load(SeqCst) || crew.helper_gone());
        let helped =
            std::mem::take(&mut *self.helped.lock().unwrap_or_else(PoisonError::into_inner));
        for (i, u) in helped {
            slots[i] = Some(u);
        }
        // Only a helper that panicked holding items leaves any undone: they are done here,
        // and its panic reaches the caller when the read's threads are joined.
        slots
            .into_iter()
            .enumerate()
            .map(|(i, u)| u.unwrap_or_else(|| f(input, i)))
            .collect()
    }

    /// On the helper: waits (awake) for the caller to post the stage, then takes items until
    /// none is left. Returns at once when the caller is done without posting it.
    pub fn help(&self, crew: &Crew, f: impl Fn(&I, usize) -> U) {
        crew.wait_until(|| self.posted.get().is_some() || crew.caller_done());
        let Some((input, n)) = self.posted.get() else {
            return;
        };
        self.helping.store(true, SeqCst);
        let done = take_items(&self.next, *n, || crew.caller_done(), |i| f(input, i));
        self.helped
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend(done);
        self.helping.store(false, SeqCst);
        crew.wake();
    }
}

/// `f` of the items taken from `next`, [`CHUNK`] at a time, until none is left below `n` (or
/// `stop`), with their indices.
fn take_items<U>(
    next: &AtomicUsize,
    n: usize,
    stop: impl Fn() -> bool,
    f: impl Fn(usize) -> U,
) -> Vec<(usize, U)> {
    let mut done = Vec::new();
    while !stop() {
        let from = next.fetch_add(CHUNK, SeqCst);
        if from >= n {
            break;
        }
        for i in from..(from + CHUNK).min(n) {
            done.push((i, f(i)));
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `f` of `0..n` through a stage, with a helper or without.
    fn staged(n: usize, with_helper: bool, f: impl Fn(usize) -> usize + Sync) -> Vec<usize> {
        let crew = Crew::default();
        let stage: Stage<usize, usize> = Stage::default();
        std::thread::scope(|scope| {
            if with_helper {
                scope.spawn(|| {
                    let _leaving = crew.helper_leaving();
                    stage.help(&crew, |_, i| f(i));
                });
            } else {
                crew.without_helper();
            }
            let _closing = crew.caller_closing();
            stage.run(&crew, 0, n, |_, i| f(i))
        })
    }

    #[test]
    fn results_come_back_in_order_with_a_helper_or_without() {
        for with_helper in [false, true] {
            for n in [0, 1, PARALLEL_FROM - 1, PARALLEL_FROM, 101, 1000] {
                let got = staged(n, with_helper, |i| i * i);
                let want: Vec<usize> = (0..n).map(|i| i * i).collect();
                assert_eq!(got, want, "{n} items, helper {with_helper}");
            }
        }
    }

    #[test]
    fn the_helper_takes_a_share_of_a_long_stage() {
        let crew = Crew::default();
        let stage: Stage<(), std::thread::ThreadId> = Stage::default();
        let caller = std::thread::current().id();
        let helper_began = AtomicBool::new(false);
        // The caller's first item waits for the helper to take one: however slow the system
        // is to start the helper, it gets its share.
        let item = |(): &(), i| {
            let me = std::thread::current().id();
            if me == caller {
                crew.wait_until(|| i > 0 || helper_began.load(SeqCst));
            } else {
                helper_began.store(true, SeqCst);
            }
            me
        };
        let by = std::thread::scope(|scope| {
            scope.spawn(|| {
                let _leaving = crew.helper_leaving();
                stage.help(&crew, item);
            });
            let _closing = crew.caller_closing();
            stage.run(&crew, (), 200, item)
        });
        assert_eq!(by[0], caller);
        assert!(by.iter().any(|t| *t != caller), "the helper took no item");
    }

    #[test]
    fn a_panic_on_either_thread_reaches_the_caller() {
        for with_helper in [false, true] {
            let caught = std::panic::catch_unwind(|| {
                staged(64, with_helper, |i| {
                    assert!(i != 63, "item 63");
                    i
                })
            });
            assert!(caught.is_err(), "helper {with_helper}");
        }
    }

    #[test]
    fn a_helper_that_panics_leaves_its_items_to_the_caller() {
        let crew = Crew::default();
        let stage: Stage<(), usize> = Stage::default();
        let helper_began = AtomicBool::new(false);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            std::thread::scope(|scope| {
                let helper = scope.spawn(|| {
                    let _leaving = crew.helper_leaving();
                    stage.help(&crew, |(), _| {
                        helper_began.store(true, SeqCst);
                        panic!("the helper's panic")
                    });
                });
                let closing = crew.caller_closing();
                // The caller's first item waits until the helper has taken (and dropped) one.
                let got = stage.run(&crew, (), 200, |(), i| {
                    crew.wait_until(|| i > 0 || helper_began.load(SeqCst));
                    i
                });
                assert_eq!(got, (0..200).collect::<Vec<_>>());
                drop(closing);
                if let Err(panic) = helper.join() {
                    std::panic::resume_unwind(panic);
                }
            });
        }));
        // The caller finished the stage, the helper's items too; the helper's panic came
        // through the join.
        let message = caught.expect_err("the helper's panic is lost");
        assert_eq!(message.downcast_ref::<&str>(), Some(&"the helper's panic"));
    }

    #[test]
    fn a_helper_stops_waiting_when_the_caller_is_done_without_posting() {
        let crew = Crew::default();
        let never: Stage<(), ()> = Stage::default();
        std::thread::scope(|scope| {
            scope.spawn(|| never.help(&crew, |(), _| ()));
            let _closing = crew.caller_closing();
        });
    }

    #[test]
    fn a_long_wait_sleeps_between_looks() {
        // A helper left waiting must not hold a core: after AWAKE_FOR it naps (1, 2, 4, 8 ms
        // ...), so it looks a handful of times in the next AWAKE_FOR.
        let late_looks = AtomicUsize::new(0);
        let start = Instant::now();
        Crew::default().wait_until(|| {
            let elapsed = start.elapsed();
            if elapsed >= AWAKE_FOR * 2 {
                late_looks.fetch_add(1, SeqCst);
            }
            elapsed >= AWAKE_FOR * 3
        });
        // Yielding all the way would look tens of thousands of times.
        let late_looks = late_looks.load(SeqCst);
        assert!(late_looks <= 25, "{late_looks} looks");
    }

    #[test]
    fn a_napping_helper_is_woken_when_the_caller_is_done() {
        // The helper waits past AWAKE_FOR (a slow disk, a pipe), then naps; the caller's end
        // must end its nap at once, or the join waits out the nap.
        let crew = Crew::default();
        let never: Stage<(), ()> = Stage::default();
        let joined = std::thread::scope(|scope| {
            scope.spawn(|| never.help(&crew, |(), _| ()));
            // Awake for 20 ms, then naps of 1, 2, 4 … 64, 100, 100 ms: at 297 ms the helper
            // is halfway through a nap of 100 ms, which only a wake cuts short.
            std::thread::sleep(Duration::from_millis(297));
            let closed = Instant::now();
            drop(crew.caller_closing());
            closed
        });
        let late = joined.elapsed();
        assert!(late < Duration::from_millis(25), "the join waited {late:?}");
    }

    #[test]
    fn a_side_task_is_done_once_by_whichever_thread_comes_first() {
        for helper_first in [false, true] {
            let crew = Crew::default();
            let aside: Aside<u32> = Aside::default();
            let made = AtomicUsize::new(0);
            let work_out = || {
                made.fetch_add(1, SeqCst);
                7
            };
            if helper_first {
                aside.make(&crew, work_out);
            }
            crew.without_helper();
            assert_eq!(*aside.get(&crew, work_out), 7);
            aside.make(&crew, work_out);
            assert_eq!(made.load(SeqCst), 1, "helper first {helper_first}");
        }
    }

    #[test]
    fn a_side_task_begun_by_a_helper_that_died_is_done_by_the_caller() {
        let crew = Crew::default();
        let aside: Aside<u32> = Aside::default();
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _leaving = crew.helper_leaving();
            aside.make(&crew, || panic!("the helper's panic"));
        }));
        assert_eq!(*aside.get(&crew, || 9), 9);
    }
}
