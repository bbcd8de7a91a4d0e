//! Writes an instance's recovery copies on a thread of their own, so the view never waits for
//! one: on a 10,000-person plan, turning the plan into YAML and writing it takes about 80 ms,
//! which froze the view at the first edit. The UI thread only clones the plan (about 11 ms on
//! that plan; see `examples/bench_recovery.rs`) and sends it.
//!
//! The thread blocks on its channel between jobs (no polling: an idle view stays at 0% CPU).
//! When jobs pile up while it writes, only the newest matters: a copy of an older revision, or
//! a write followed by a discard, is skipped.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::recovery::Instance;
use crate::plan::Plan;

/// What the view asks of the writer.
enum Job {
    /// Write a copy of this plan, saved at this path (`None`: a new plan).
    Write(Option<PathBuf>, Plan),
    /// Remove the copy: the plan was saved, or is back to what was saved.
    Discard,
    /// A clean quit: remove the copy, release the instance's lock, and stop.
    Finish,
}

/// The handle the view keeps. Dropping it without [`Writer::finish`] (an error or a panic
/// in the loop) writes what is pending and stops, and keeps the copy: that is not a clean quit,
/// and the work is offered back next time.
#[derive(Debug)]
pub struct Writer {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    /// Starts the thread, which owns `instance` (its lock and its copy) from now on.
    pub fn start(instance: Instance) -> std::io::Result<Writer> {
        let (jobs, queue) = channel();
        let thread = std::thread::Builder::new()
            .name("recovery-writer".to_owned())
            .spawn(move || work(instance, &queue))?;
        Ok(Writer {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    /// Asks for a copy of `plan`, saved at `path` (`None`: never saved).
    pub fn write(&self, path: Option<PathBuf>, plan: Plan) {
        self.send(Job::Write(path, plan));
    }

    /// Asks for the copy to be removed.
    pub fn discard(&self) {
        self.send(Job::Discard);
    }

    /// A clean quit: waits until the copy is removed and the instance's lock released.
    pub fn finish(mut self) {
        self.send(Job::Finish);
        self.stop();
    }

    fn send(&self, job: Job) {
        // The thread only ends on `Finish` or a panic; then there is nothing left to ask.
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Closes the channel and waits for the thread to finish what it was given.
    fn stop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn work(mut instance: Instance, queue: &Receiver<Job>) {
    while let Ok(mut job) = queue.recv() {
        // Newest first: `Finish` is always the last job sent, so it is never skipped.
        while let Ok(newer) = queue.try_recv() {
            job = newer;
        }
        match job {
            Job::Write(path, plan) => {
                // A failed copy must not stop the editing; the next change tries again.
                let _ = instance.write(path.as_deref(), &plan);
            }
            Job::Discard => instance.discard(),
            Job::Finish => {
                instance.finish();
                return;
            }
        }
    }
    // The view went away without a clean quit: the copy stays, and the lock is released with
    // `instance`, so the next start offers the copy.
}
