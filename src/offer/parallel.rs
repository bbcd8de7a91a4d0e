//! Work on a posting's lines shared between two threads.
//!
//! A long posting's lines are read one by one, each on its own, so two threads can share them.
//! They take the next few items from one counter rather than half each: the other core may be
//! busy (the reader's own side thread, another program), and whichever thread is free goes on.
//! Each item is worked out on its own, so the results, put back in order, are the same on one
//! thread or two.

use std::sync::atomic::{AtomicUsize, Ordering};

/// From this many items the work is shared with a second thread (an item takes some 20 µs, a
/// thread some 50 µs to start).
pub const PARALLEL_FROM: usize = 16;

/// Items a thread takes from the counter at a time: few enough that neither thread is left
/// with a long tail, enough that the counter is seldom touched.
const CHUNK: usize = 4;

/// `f` of `0..n`, in order; from [`PARALLEL_FROM`] items on, on two threads.
pub fn map_in_order<U: Send>(n: usize, f: impl Fn(usize) -> U + Sync) -> Vec<U> {
    if n < PARALLEL_FROM {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let from = next.fetch_add(CHUNK, Ordering::Relaxed);
            if from >= n {
                return done;
            }
            for i in from..(from + CHUNK).min(n) {
                done.push((i, f(i)));
            }
        }
    };
    let (mine, theirs) = std::thread::scope(|scope| {
        // A system that will not start a thread (a process or memory limit) leaves all the
        // work to this one.
        let second = std::thread::Builder::new().spawn_scoped(scope, work).ok();
        let mine = work();
        let theirs = second.map_or_else(Vec::new, |second| {
            second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
        (mine, theirs)
    });
    let mut slots: Vec<Option<U>> = std::iter::repeat_with(|| None).take(n).collect();
    for (i, u) in mine.into_iter().chain(theirs) {
        slots[i] = Some(u);
    }
    // Every index was taken by exactly one thread.
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_on_one_thread_or_two() {
        for n in [0, 1, PARALLEL_FROM - 1, PARALLEL_FROM, 101] {
            let got = map_in_order(n, |i| i * i);
            let want: Vec<usize> = (0..n).map(|i| i * i).collect();
            assert_eq!(got, want, "{n} items");
        }
    }

    #[test]
    fn a_panic_on_either_thread_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            map_in_order(64, |i| {
                assert!(i != 63, "item 63");
                i
            })
        });
        assert!(caught.is_err());
    }
}
