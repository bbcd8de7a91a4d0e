//! Prints the full evaluation of `rolescope offer` on `../shared/devset/`:
//! `cargo run --release --example offer_eval`.

// Prints its own summary of trusted data; the terminal gate is for the app.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
mod eval;

fn main() {
    print!("{}", eval::run().text);
}
