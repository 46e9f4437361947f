//! The clause-to-test map: for every clause of the notice, the rules that
//! execute it, and the tests and conformance cases that exercise it.
//!
//! ```sh
//! cargo run --example clause_map            # every clause, with rule ids, test and case names
//! cargo run --example clause_map -- --counts # one line per clause: counts only
//! NO_COLOR=1 cargo run --example clause_map  # without ANSI colours
//! ```
//!
//! An executed clause with no rule, or exercised by no test and no case, is
//! marked in red (`✗`). A clause the crate does not execute says why. How
//! tests are found: see `tests/clause_map_support/mod.rs` and the README's
//! "For auditors" section. `tests/clause_map.rs` fails on any red mark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/clause_map_support/mod.rs"]
mod scan;

#[path = "support/cli.rs"]
mod cli;

const USAGE: &str = "\
The clause-to-test map of 鄂人社发〔2022〕100号: for every clause, the rules that execute it and
the tests and conformance cases that exercise it; then the readings R1-R17.

Usage: cargo run --example clause_map -- [--counts]

Options:
  --counts       one line per clause: counts only
  -h, --help     this text

Environment: NO_COLOR=1 prints without ANSI colours.
";

use skill_grants::rules::{self, READINGS};
use skill_grants::{Execution, Lang};

struct Paint {
    on: bool,
}

impl Paint {
    fn red(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

fn main() {
    let counts_only = cli::Cli::parse(USAGE, &["--counts"], &[]).flag("--counts");
    let paint = Paint {
        on: std::env::var_os("NO_COLOR").is_none(),
    };
    let root = scan::root();
    let tests = scan::scan_tests(&root);
    let cases = scan::conformance_cases(&root);
    let rows = scan::map(&tests, &cases);

    println!(
        "{}",
        paint.bold("Clause map of 鄂人社发〔2022〕100号: rules, tests, conformance cases")
    );
    println!(
        "{} #[test] functions scanned, {} conformance cases, {} rules in the registry\n",
        tests.len(),
        cases.len(),
        rules::all().len()
    );
    let mut gaps = 0;
    for row in &rows {
        let c = row.clause;
        let head = format!("{:<8} {:<10} {}", c.id, c.heading_zh, c.gloss_en);
        match c.execution {
            Execution::Executed => {
                let mut marks = Vec::new();
                if row.rules.is_empty() {
                    marks.push(paint.red("✗ executed by no rule"));
                }
                if row.tests.is_empty() && row.cases.is_empty() {
                    marks.push(paint.red("✗ tested by nothing"));
                }
                if marks.is_empty() {
                    println!("{} {}", paint.green("✓"), paint.bold(&head));
                } else {
                    gaps += 1;
                    println!(
                        "{} {}  {}",
                        paint.red("✗"),
                        paint.bold(&head),
                        marks.join("  ")
                    );
                }
            }
            Execution::NotComputable { why, .. } => {
                println!("{} {}", paint.dim("·"), paint.bold(&head));
                println!(
                    "    {}",
                    paint.dim(&format!("not executed (not computable): {why}"))
                );
            }
            Execution::Metadata { why, .. } => {
                println!("{} {}", paint.dim("·"), paint.bold(&head));
                println!(
                    "    {}",
                    paint.dim(&format!("not executed (metadata): {why}"))
                );
            }
        }
        if counts_only {
            println!(
                "    rules {}, tests {}, cases {}",
                row.rules.len(),
                row.tests.len(),
                row.cases.len()
            );
            continue;
        }
        if !row.rules.is_empty() {
            let ids: Vec<String> = row
                .rules
                .iter()
                .map(|r| match r.reading {
                    Some(reading) => format!("{} ({reading})", r.id),
                    None => r.id.clone(),
                })
                .collect();
            println!("    rules ({}): {}", ids.len(), ids.join(", "));
        }
        if !row.tests.is_empty() {
            println!("    tests ({}):", row.tests.len());
            let mut file = "";
            let mut names: Vec<&str> = Vec::new();
            for t in &row.tests {
                if t.file != file && !names.is_empty() {
                    println!("      {file}: {}", names.join(", "));
                    names.clear();
                }
                file = &t.file;
                names.push(&t.name);
            }
            if !names.is_empty() {
                println!("      {file}: {}", names.join(", "));
            }
        }
        if !row.cases.is_empty() {
            let files: Vec<&str> = row.cases.iter().map(|c| c.file.as_str()).collect();
            println!("    cases ({}): {}", files.len(), files.join(", "));
        }
    }

    println!("\n{}", paint.bold("Readings"));
    for r in READINGS {
        let rules_n = rules::all()
            .iter()
            .filter(|x| x.reading == Some(r.id))
            .count();
        let cases_n = cases
            .iter()
            .filter(|c| c.readings.iter().any(|x| x == r.id))
            .count();
        let clauses: Vec<&str> = r.clauses.iter().map(|c| c.as_str()).collect();
        let line = format!(
            "{:<4} ({}){}  rules {rules_n}, cases {cases_n}: {}",
            r.id,
            clauses.join(", "),
            if r.parameter { " parameter" } else { "" },
            r.gloss_en
        );
        if rules_n == 0 || cases_n == 0 {
            gaps += 1;
            println!("{} {line}", paint.red("✗"));
        } else {
            println!("{} {line}", paint.green("✓"));
        }
    }
    let executed = rows
        .iter()
        .filter(|r| r.clause.execution.is_executed())
        .count();
    println!(
        "\n{executed} executed clauses, {} not executed; {}",
        rows.len() - executed,
        if gaps == 0 {
            paint.green("no gaps")
        } else {
            paint.red(&format!("{gaps} gaps"))
        }
    );
    let _ = Lang::Zh;
}
