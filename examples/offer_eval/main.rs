//! Prints the full evaluation of `rolescope offer` on `../shared/devset/`:
//! `cargo run --release --example offer_eval`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
mod eval;

fn main() {
    print!("{}", eval::run().text);
}
