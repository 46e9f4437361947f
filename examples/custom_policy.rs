//! Another city's (invented) policy loaded from JSON, with its own amounts, periods and unit
//! conditions; then policies that do not load, each refused with the field at fault: one that
//! contradicts itself (validation names the field and its clause), and malformed documents,
//! whose errors name the field path as `serde_path_to_error` tracks it (the crate parses no
//! JSON itself; a host reading JSON gets the path the same way).
//!
//! ```sh
//! cargo run --example custom_policy
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cli.rs"]
mod cli;

use skill_grants::application::{Application, Unit, UnitKind};
use skill_grants::domain::{Seat, Specialty, UnitId};
use skill_grants::eligibility::decide;
use skill_grants::{Banner, Lang, NaiveDate, Policy, PolicyData, ProjectKind};

/// The policy file: see examples/data/example-city-2024.json (every name in it is invented).
const POLICY: &str = include_str!("data/example-city-2024.json");

const USAGE: &str = "\
Another city's (invented) policy loaded from JSON, an application decided under it, and
policies that do not load, each refused with the field at fault. English output.

Usage: cargo run --example custom_policy

Options:
  -h, --help     this text
";

fn main() {
    cli::Cli::parse(USAGE, &[], &[]);
    // 1. Load: deserializing a `Policy` validates it (`PolicyData` is the unvalidated form).
    let policy: Policy = load(POLICY).expect("the example policy is valid");
    println!("{} — {}", policy.id(), policy.document().number);
    for kind in ProjectKind::ALL {
        println!(
            "  {}: subsidy {}, {} in all, {} months to build",
            kind.name(Lang::En),
            policy.subsidy(kind),
            policy.programme_total(kind),
            policy.construction_months(kind)
        );
    }
    let released = NaiveDate::from_ymd_opt(2024, 5, 31).unwrap();
    println!(
        "  a studio released on {released} must finish by {} (R10: 31 November does not exist, so the month's last day)",
        policy
            .completion_deadline(ProjectKind::Studio, released)
            .unwrap()
    );

    // 2. Decide under it: three specialties are fine here (1–3), but the host's own unit
    //    conditions (R16) ask for 800 m² and a safety declaration the unit lacks.
    let mut unit = Unit::new(
        UnitId::new("U-1"),
        "杭锦旗某技工学校（示例）",
        UnitKind::TechnicalSchool,
        Seat::Banner(Banner::HangginBanner),
    );
    unit.facts.site_area_m2 = Some(650);
    let app = Application::training_base(
        "A-2024-001",
        unit,
        NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        ["焊工", "电工", "数控车工"].map(Specialty::new),
    );
    let decision = decide(&policy, &app).unwrap();
    println!();
    println!("{}", decision.render_with(&policy, Lang::En));

    // 3. A policy that contradicts itself is refused on load, naming the field.
    let mut bad: PolicyData = serde_json::from_str(POLICY).unwrap();
    bad.specialties_min = 3;
    bad.specialties_max = 2;
    match Policy::try_from(bad) {
        Ok(_) => panic!("an invalid policy was accepted"),
        Err(e) => println!("refused ({}): {e}", e.field()),
    }
    // The same through JSON: a negative subsidy never parses into a `Policy` (money has no
    // sign), and the error names the field path.
    let negative = POLICY.replace("\"80000.00\"", "\"-80000.00\"");
    match load(&negative) {
        Ok(_) => panic!("a negative subsidy was accepted"),
        Err(e) => println!("refused: {e}"),
    }
    // A misspelt parameter is refused, not replaced by a default reading (issue 15).
    let misspelt = POLICY.replace("\"construction_bar\"", "\"constrution_bar\"");
    match load(&misspelt) {
        Ok(_) => panic!("a misspelt field was accepted"),
        Err(e) => println!("refused: {e}"),
    }
}

/// Reads a policy document; an error names the path of the field at fault
/// (`studio.subsidy: ...`) and serde_json's line and column.
fn load(json: &str) -> Result<Policy, String> {
    let mut reader = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| e.to_string())
}
