//! How long a second thread waits for a core on this machine: why a read starts one helper
//! and never sleeps on it (`src/offer/parallel.rs`).
//!
//! `cargo run --release --example thread_start` prints, over 40 tries each:
//!
//! - a new thread's start: from `spawn` to its first instruction, while the parent keeps
//!   working (as the reader does once it has started its helper);
//! - a blocked thread's wake-up: from a busy thread's `send` to the receiver running again;
//!
//! On an idle laptop both are some microseconds. On the 2-core virtual machine the reader is
//! measured on, a new thread or a woken one is now and then queued on the busy core until the
//! next scheduler tick (4 ms at 250 Hz): the medians stay small, the tail does not. Hence one
//! helper per read, started first, and threads that wait for each other awake.

// An example prints its own measurements; the terminal gate is for the app.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

const TRIES: usize = 40;

/// About `d` of work that needs a core (not a sleep).
fn work(d: Duration) {
    let t = Instant::now();
    let mut x = 0_u64;
    while t.elapsed() < d {
        for i in 0..1_000 {
            x = black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i));
        }
    }
}

fn spawn_to_start() -> Duration {
    let t0 = Instant::now();
    let started = std::thread::spawn(move || t0.elapsed());
    work(Duration::from_millis(5));
    started.join().unwrap_or_default()
}

fn blocked_wake() -> Duration {
    let (send, receive) = std::sync::mpsc::channel();
    let sender = std::thread::spawn(move || {
        work(Duration::from_micros(1_500));
        let _ = send.send(Instant::now());
        work(Duration::from_millis(5));
    });
    let waited = receive
        .recv()
        .map(|sent| sent.elapsed())
        .unwrap_or_default();
    let _ = sender.join();
    waited
}

fn report(what: &str, f: fn() -> Duration) {
    let mut times: Vec<Duration> = (0..TRIES).map(|_| f()).collect();
    times.sort();
    let at = |q: usize| times[(TRIES - 1) * q / 100].as_micros();
    println!(
        "{what:<34} median {:>5} µs   upper quartile {:>5} µs   90th percentile {:>5} µs   max {:>5} µs",
        at(50),
        at(75),
        at(90),
        at(100)
    );
}

fn main() {
    println!(
        "{} cores; {TRIES} tries each",
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    );
    report("new thread: spawn to first step", spawn_to_start);
    report("blocked receiver: send to running", blocked_wake);
}
