//! Another city's (invented) policy loaded from JSON, with its own amounts, periods and unit
//! conditions; then a policy that does not validate, refused with the field at fault.
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

use skill_grants::eligibility::decide;
use skill_grants::model::{Application, Seat, Specialty, Unit, UnitKind};
use skill_grants::{Banner, Lang, NaiveDate, Policy, PolicyData, ProjectKind};

/// The policy file: see examples/data/example-city-2024.json (every name in it is invented).
const POLICY: &str = include_str!("data/example-city-2024.json");

fn main() {
    // 1. Load: deserializing a `Policy` validates it (`PolicyData` is the unvalidated form).
    let policy: Policy = serde_json::from_str(POLICY).expect("the example policy is valid");
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
        "U-1",
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
    // The same through JSON: a negative subsidy never parses into a `Policy`.
    let negative = POLICY.replace("\"80000.00\"", "\"-80000.00\"");
    match serde_json::from_str::<Policy>(&negative) {
        Ok(_) => panic!("a negative subsidy was accepted"),
        Err(e) => println!("refused: {e}"),
    }
}
