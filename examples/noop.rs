//! A Rust program that does nothing, built with the release profile like rolescope: what
//! `bench_floor` compares rolescope's start-up with, beside `/bin/true`. (bench_floor's own
//! `--noop` is a 40 MB binary, and running it between the timed runs made them slower.)

fn main() {}
