//! One eligibility decision, explained, and what would change it.
//!
//! ```sh
//! cargo run --example check_application              # Chinese
//! cargo run --example check_application -- --lang en # English
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cli.rs"]
mod cli;

use skill_grants::application::{Application, PastProject, Unit, UnitKind};
use skill_grants::domain::{Seat, Specialty, UnitId};
use skill_grants::eligibility::decide;
use skill_grants::{Banner, Lang, NaiveDate, Policy, ProjectKind};

const USAGE: &str = "\
One eligibility decision (an invented technical school in the 2022 round), every finding with
its clause, and what would change it.

Usage: cargo run --example check_application -- [--lang zh|en]

Options:
  --lang zh|en   language of the explanation (default zh)
  -h, --help     this text
";

fn main() {
    let lang = cli::Cli::parse(USAGE, &[], &["--lang"]).lang();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let policy = Policy::ordos_2022();

    // An invented technical school whose earlier base passed acceptance in March 2021 (3.4),
    // applying in the 2022 round with three specialties (6.1 allows one or two).
    let mut unit = Unit::new(
        UnitId::new("U-031"),
        "鄂托克旗某技工学校（示例）",
        UnitKind::TechnicalSchool,
        Seat::Banner(Banner::OtogBanner),
    );
    let mut earlier = PastProject::open("2019-B-02", ProjectKind::TrainingBase, d(2019, 3, 1));
    earlier.accepted_on = Some(d(2021, 3, 15));
    earlier.closed_on = Some(d(2021, 3, 15));
    earlier.rated_effective = true;
    unit.projects.push(earlier);
    let app = Application::training_base(
        "A-2022-031",
        unit,
        d(2022, 7, 1),
        ["焊工", "电工", "化工总控工"].map(Specialty::new),
    );

    // The decision: every rule evaluated, each finding citing its clause, with a remedy.
    let decision = decide(&policy, &app).expect("the application is well formed");
    println!("{}", decision.render(lang));

    // What would change it: drop a specialty, and apply on the first date the time bar allows.
    let mut fixed = app.clone();
    fixed.specialties.truncate(2);
    let from = decide(&policy, &fixed).unwrap().eligible_from();
    println!();
    match from {
        Some(date) => {
            fixed.reference_date = date;
            let again = decide(&policy, &fixed).unwrap();
            println!(
                "{} {date}: {}",
                if lang == Lang::Zh {
                    "改为两个专业，并于"
                } else {
                    "With two specialties, applying on"
                },
                if again.is_eligible() {
                    if lang == Lang::Zh {
                        "符合申报条件"
                    } else {
                        "eligible"
                    }
                } else if lang == Lang::Zh {
                    "仍不符合"
                } else {
                    "still not eligible"
                }
            );
        }
        None => println!(
            "{}",
            if lang == Lang::Zh {
                "事实不变，任何日期都不符合申报条件"
            } else {
                "no date makes it eligible with the same facts"
            }
        ),
    }
}
