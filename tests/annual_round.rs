//! The built-in 2022 programme run (what `cargo run -p annual-round` prints): its JSON
//! round-trips through the crate's own types, it is deterministic, its money adds up, and it
//! contains every case the README promises.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::chain::Sealed;
use skill_grants::lifecycle::{Change, Event, Project, Status};
use skill_grants::round::{Funding, RoundOutcome, Verdict, check_invariants};
use skill_grants::sample::{self, AnnualRun, MoneyLine};
use skill_grants::{ClauseId, Fund, ProjectKind};

fn run() -> AnnualRun {
    sample::annual_round_2022().unwrap()
}

#[test]
fn the_json_output_round_trips_through_the_crates_types() {
    let run = run();
    // Exactly what `--json` prints.
    let text = serde_json::to_string_pretty(&run).unwrap();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The round's outcome and the money round-trip through the crate's types.
    let round: RoundOutcome = serde_json::from_value(back["round"].clone()).unwrap();
    assert_eq!(round, run.round);
    let total: MoneyLine = serde_json::from_value(back["money_total"].clone()).unwrap();
    assert_eq!(total, run.money_total);
    // A project is not deserialized: each stored (sealed) log replays from its
    // JSON, against the project's head, to the same project, whose JSON is
    // the one printed.
    let policy = skill_grants::Policy::ordos_2022();
    let printed = back["projects"].as_array().unwrap();
    assert_eq!(printed.len(), run.projects.len());
    for (p, json) in run.projects.iter().zip(printed) {
        let log: Vec<Sealed<Event>> = serde_json::from_value(json["log"].clone()).unwrap();
        let replayed = Project::replay(&log, &policy, Some(&p.project.head())).unwrap();
        assert_eq!(replayed, p.project);
        assert_eq!(serde_json::to_value(&replayed).unwrap(), json["project"]);
    }
}

#[test]
fn the_run_is_deterministic() {
    assert_eq!(run(), run());
    assert_eq!(
        serde_json::to_string(&run()).unwrap(),
        serde_json::to_string(&run()).unwrap()
    );
}

#[test]
fn the_round_keeps_its_invariants_and_splits_a_subsidy() {
    let run = run();
    check_invariants(&run.round).unwrap();
    let o = &run.round;
    assert_eq!(
        o.projects.len(),
        14,
        "5 bases and 10 studios less one removed"
    );
    // One project drawn from both funds (2.2, R4), the employment fund first.
    let split: Vec<_> = o.projects.iter().filter(|p| p.draws.len() == 2).collect();
    assert_eq!(split.len(), 1);
    assert_eq!(split[0].draws[0].fund, Fund::EmploymentSubsidy);
    assert!(o.remaining.of(Fund::EmploymentSubsidy).is_zero());
    // One upheld objection, one dismissed; the upheld one's candidate is removed.
    assert_eq!(o.objections.len(), 2);
    let upheld = o.objections.iter().find(|r| r.objection.upheld).unwrap();
    let removed = o
        .candidates
        .iter()
        .find(|c| c.application == upheld.objection.application)
        .unwrap();
    assert!(matches!(removed.verdict, Verdict::Removed { .. }));
    // Seven refused, each for the reason its name carries.
    let refused: Vec<_> = o
        .candidates
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Refused { .. }))
        .collect();
    assert_eq!(refused.len(), 7);
    for c in refused {
        let tag = c
            .unit_name
            .split('〔')
            .nth(1)
            .unwrap()
            .trim_end_matches('〕');
        let text = c.explain(skill_grants::Lang::En);
        assert!(
            text.contains(tag),
            "{} should cite {tag}: {text}",
            c.application
        );
    }
    // Every selected one is funded.
    assert!(o.candidates.iter().all(|c| !matches!(
        c.verdict,
        Verdict::Selected {
            funding: Funding::NotFunded { .. },
            ..
        }
    )));
}

#[test]
fn the_lifecycle_cases_are_all_there() {
    let run = run();
    let status = |s: Status| run.projects.iter().filter(|p| p.status == s).count();
    assert_eq!(status(Status::Revoked), 1);
    assert_eq!(status(Status::Dissolved), 1);
    assert_eq!(status(Status::Accepted), 12);
    let refused: Vec<_> = run.projects.iter().flat_map(|p| &p.refused).collect();
    assert_eq!(refused.len(), 2);
    assert!(
        refused
            .iter()
            .any(|r| r.clause == ClauseId::C6_1 && r.reason_en.contains("travel"))
    );
    assert!(
        refused
            .iter()
            .any(|r| r.clause == ClauseId::C6_2 && r.reason_en.contains("deadline"))
    );
    let changed = |f: fn(&Change) -> bool| {
        run.projects
            .iter()
            .filter(|p| p.log.iter().any(|e| f(&e.event.change)))
            .count()
    };
    assert_eq!(changed(|c| matches!(c, Change::RenameApproved)), 1);
    assert_eq!(changed(|c| matches!(c, Change::LeadChangeApproved)), 1);
    assert!(changed(|c| matches!(c, Change::Evaluated { .. })) >= 12);
    let revoked = run
        .projects
        .iter()
        .find(|p| p.status == Status::Revoked)
        .unwrap();
    assert_eq!(revoked.project.kind(), ProjectKind::Studio);
    assert!(revoked.money.owed.is_zero(), "recovered in full");
    assert_eq!(revoked.money.repaid, revoked.money.spent);
}

#[test]
fn money_adds_up_per_project_and_in_total() {
    let run = run();
    assert!(run.money_balances());
    let mut total = sample::MoneyLine::ZERO;
    for p in &run.projects {
        assert!(p.money.balances(), "{}", p.project.id());
        p.project.check_invariants().unwrap();
        total = total.checked_add(&p.money).unwrap();
    }
    assert_eq!(total, run.money_total);
    let released: skill_grants::Yuan =
        skill_grants::Yuan::checked_sum(run.round.projects.iter().map(|p| p.amount)).unwrap();
    assert_eq!(run.money_total.released, released);
}

#[test]
fn a_past_state_comes_from_the_log() {
    let run = run();
    let p = run
        .projects
        .iter()
        .find(|p| p.status == Status::Dissolved)
        .unwrap();
    let before = Project::state_on(
        &p.log,
        &skill_grants::Policy::ordos_2022(),
        sample::release_2022(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(before.status(), Status::UnderConstruction);
    assert_eq!(before.ledger().spent, skill_grants::Yuan::ZERO);
    assert!(
        Project::state_on(
            &p.log,
            &skill_grants::Policy::ordos_2022(),
            chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()
        )
        .unwrap()
        .is_none()
    );
}

/// What `cargo run -p annual-round` prints, in each language (the example prints
/// `AnnualRun::report`): reviewed by reading it.
#[test]
fn snapshot_of_the_main_job_in_chinese() {
    insta::assert_snapshot!("main_job_zh", run().report(skill_grants::Lang::Zh));
}

#[test]
fn snapshot_of_the_main_job_in_english() {
    insta::assert_snapshot!("main_job_en", run().report(skill_grants::Lang::En));
}

/// The summary comes first and says what the round decided within the first screen.
#[test]
fn the_summary_comes_first_and_fits_a_screen() {
    let run = run();
    for lang in [skill_grants::Lang::Zh, skill_grants::Lang::En] {
        let report = run.report(lang);
        let summary = run.summary(lang);
        assert!(report.starts_with(&summary));
        assert!(summary.lines().count() <= 16, "{summary}");
        // Funded by kind, drawn and left per fund, refused, removed, the money.
        let total = run.money_total.released.to_string();
        assert!(summary.contains(&total));
        for fund in Fund::ALL {
            assert!(summary.contains(fund.name(lang)));
            assert!(summary.contains(&run.round.remaining.of(fund).to_string()));
        }
        assert!(summary.contains("A-2022-045"));
    }
    let en = run.summary(skill_grants::Lang::En);
    assert!(en.contains("5 training bases and 9 studios"), "{en}");
    assert!(en.contains("7 of 62"), "{en}");
}

/// English mode is English: no Chinese character outside the notice's own number.
#[test]
fn the_english_report_is_english() {
    let report = run().report(skill_grants::Lang::En);
    let han =
        |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3000}'..='\u{303F}').contains(&c);
    for line in report.lines() {
        if !line.contains("鄂人社发〔2022〕100号") {
            assert!(!line.chars().any(han), "{line}");
        }
    }
}
