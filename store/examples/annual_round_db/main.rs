//! The main job, persisted: the sample 2022 round and every funded project's
//! log written to SQLite, then read back, verified and summed.
//!
//! ```sh
//! cargo run -p skill-grants-store --example annual_round_db -- --db grants.db      # run, write, print the money
//! cargo run -p skill-grants-store --example annual_round_db -- --resume grants.db  # read back, verify, print the same
//! ```
//!
//! The logic is in `cli.rs`, which the tests run in-process
//! (`tests/annual_round_db.rs`).

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
