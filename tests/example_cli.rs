//! The examples' command-line convention (`examples/support/cli.rs`): `--help` exits 0, an
//! unknown argument, a missing value or a flag given a value is refused (exit status 2),
//! `--lang en` and `--lang=en` are the same.

#[path = "../examples/support/cli.rs"]
mod cli;
