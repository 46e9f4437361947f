//! One project's ledger: commands, a refused payment, the stored event log replayed, and the
//! project's state on a past date.
//!
//! ```sh
//! cargo run --example project_ledger              # Chinese reasons
//! cargo run --example project_ledger -- --lang en # English reasons
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cli.rs"]
mod cli;

use skill_grants::chain::Sealed;
use skill_grants::lifecycle::{Action, Actor, Command, Event, Project, Spend, SpendingCategory};
use skill_grants::{Lang, NaiveDate, Yuan, sample};

const USAGE: &str = "\
One studio's ledger from the built-in 2022 round: commands, refused payments, the stored sealed
log replayed against its head, and the project's state on a past date.

Usage: cargo run --example project_ledger -- [--lang zh|en]

Options:
  --lang zh|en   language of the output (default zh)
  -h, --help     this text
";

fn main() {
    let lang = cli::Cli::parse(USAGE, &[], &["--lang"]).lang();
    let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();

    // A studio from the built-in 2022 round: the round's release is the project's start.
    let round = sample::round_2022().expect("the sample round runs");
    let funded = round
        .projects()
        .into_iter()
        .find(|p| p.id.as_str() == "2022-ST-01")
        .unwrap();
    let (mut project, started) = Project::open(funded.project_start(), round.policy()).unwrap();
    let mut log: Vec<Sealed<Event>> = vec![started];
    println!(
        "{} {}",
        project.id(),
        sample::name(project.unit_name(), lang)
    );
    println!("{}", log[0].event.explain(lang));

    // The unit's commands. `execute` decides and applies; the sealed events are what a host
    // stores, and the project's head (sequence and hash) is what it keeps apart.
    let unit = Actor::Unit(funded.unit.clone());
    let spend = |c, n| Action::Pay {
        spend: Spend::studio(c, Yuan::from_yuan(n)),
    };
    let commands = [
        Command::new(
            unit.clone(),
            d(2022, 10, 20),
            spend(SpendingCategory::TrainingSupplies, 12_000),
        ),
        Command::new(
            unit.clone(),
            d(2023, 1, 9),
            spend(SpendingCategory::LabourFees, 3_000),
        ),
        Command::new(
            unit.clone(),
            d(2023, 2, 15),
            spend(SpendingCategory::InnovationResearch, 18_000),
        ),
        Command::new(
            unit.clone(),
            d(2023, 3, 1),
            spend(SpendingCategory::SkillExchange, 30_000),
        ),
        Command::new(
            unit,
            d(2023, 7, 10),
            spend(SpendingCategory::SkillExchange, 10_000),
        ),
    ];
    for command in &commands {
        match project.execute(command) {
            Ok(events) => {
                for e in &events {
                    println!("{}", e.event.explain(lang));
                }
                log.extend(events);
            }
            // Refused: labour fees are never allowed (6.2); 30,000 is more than the balance (7.1).
            Err(e) => println!(
                "{} — {}{}",
                command.explain(lang),
                t("拒绝：", "refused: "),
                e.explain(lang)
            ),
        }
    }

    // The stored log (here JSON) is the project: replay, against the head kept apart, rebuilds
    // exactly the same state (a project itself is never deserialized).
    let stored = serde_json::to_string(&log).unwrap();
    let head = project.head();
    let reloaded: Vec<Sealed<Event>> = serde_json::from_str(&stored).unwrap();
    let replayed = Project::replay(&reloaded, round.policy(), Some(&head))
        .expect("a log this code wrote replays");
    assert_eq!(replayed, project);
    println!();
    println!("{}", project.ledger().explain(lang));
    println!(
        "{} {} {} ({} bytes JSON){}",
        t("重放", "replayed"),
        reloaded.len(),
        t("条已封存事件", "sealed events"),
        stored.len(),
        t("：状态相同", ": the same state")
    );

    // The state on a past date, from the same log.
    let past = Project::state_on(&reloaded, round.policy(), d(2022, 12, 31))
        .unwrap()
        .unwrap();
    println!(
        "2022-12-31 {}{}{}",
        past.status().name(lang),
        t("：", ": "),
        past.ledger().explain(lang)
    );
    // And after the deadline, without any new event, the status moves on (R10).
    println!(
        "2023-12-31 {}",
        project.status_on(d(2023, 12, 31)).name(lang)
    );
}
