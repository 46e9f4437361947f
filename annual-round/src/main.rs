//! The main job on built-in data: the whole 2022 round of 鄂人社发〔2022〕100号, then every funded
//! project through its construction period — a summary first, then the detail.
//!
//! ```sh
//! cargo run -p annual-round              # Chinese
//! cargo run -p annual-round -- --lang en # English
//! cargo run -p annual-round -- --json    # the whole run as JSON (skill_grants::sample::AnnualRun)
//! ```
//!
//! Every unit and person is invented (see `skill_grants::sample`); the nine banners and districts
//! are real. The scenario and its report live in the library (`sample::annual_round_2022`,
//! `AnnualRun::report`), so the tests check exactly what this prints. It is a crate of its own, not
//! an example, so that it builds without the library's test-only dev-dependencies.

// The examples' command-line convention, shared with them.
#[path = "../../examples/support/cli.rs"]
mod cli;

use skill_grants::sample;

const USAGE: &str = "\
The 2022 round of 鄂人社发〔2022〕100号 on built-in sample data, then every funded project
through its construction period: a summary first, then the detail.

Usage: cargo run -p annual-round -- [--lang zh|en] [--summary] [--json]

Options:
  --lang zh|en   language of the report (default zh)
  --summary      the summary only
  --json         the whole run as JSON (skill_grants::sample::AnnualRun)
  -h, --help     this text
";

fn main() {
    let cli = cli::Cli::parse(USAGE, &["--json", "--summary"], &["--lang"]);
    let lang = cli.lang();
    let run = match sample::annual_round_2022() {
        Ok(run) => run,
        Err(e) => {
            eprintln!("the sample scenario failed: {e}");
            std::process::exit(1);
        }
    };
    if cli.flag("--json") {
        // For machines: the whole run, which parses back into `AnnualRun`.
        match serde_json::to_string_pretty(&run) {
            Ok(json) => emit(&format!("{json}\n")),
            Err(e) => {
                eprintln!("the run does not serialize: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    if cli.flag("--summary") {
        emit(&run.summary(lang));
    } else {
        emit(&run.report(lang));
    }
    if !run.money_balances() {
        eprintln!("the money does not add up: released ≠ spent + recovered + balance");
        std::process::exit(1);
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends the program quietly.
fn emit(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("cannot write the report: {e}");
        std::process::exit(1);
    }
}
