//! Eligibility rules, one section per rule, with the boundaries of the issue.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod eligibility_support;

use eligibility_support::*;
use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::eligibility::{
    ConditionCheck, Facts, HonourSet, Outcome, Remedy, RuleId, Standing, body_may_recommend, decide,
};
use skill_grants::{Banner, ClauseId, ConstructionBar, Lang, Policy, ProjectKind};

use ProjectKind::{Studio, TrainingBase};

// ---------------------------------------------------------------- the list

#[test]
fn every_rule_names_its_clause_and_reading() {
    let map: Vec<(RuleId, &str, Option<&str>)> = RuleId::ALL
        .iter()
        .map(|r| (*r, r.clause().as_str(), r.reading()))
        .collect();
    assert_eq!(
        map,
        vec![
            (RuleId::HostKind, "1.2.1", Some("R1")),
            (RuleId::LeadHonours, "1.2.2", Some("R2")),
            (RuleId::HostCondition, "3.1", Some("R16")),
            (RuleId::RegionTitle, "3.2", Some("R5")),
            (RuleId::ConstructionPeriod, "3.3", Some("R6")),
            (RuleId::Reapplication, "3.4", Some("R7")),
            (RuleId::DirectlyUnderBody, "4.2", None),
            (RuleId::Specialties, "6.1", Some("R11")),
        ]
    );
}

#[test]
fn every_rule_is_evaluated_even_after_failures() {
    // Given a base application failing R1, R5, R6, R7, 4.2 and R11 at once
    let mut unit = Unit::new(
        UnitId::new("U-X"),
        "鄂托克前旗某商贸公司",
        UnitKind::Other,
        Seat::Body(BodyId::new("city-commerce-bureau")),
    );
    unit.independent_legal_person = false;
    unit.titles.push(Title {
        kind: TrainingBase,
        level: TitleLevel::Region,
        funded: true,
    });
    unit.projects
        .push(open("2023-B-02", TrainingBase, d(2023, 9, 1)));
    let app = Application::training_base("A-X", unit, d(2024, 7, 1), []);
    // When it is decided
    let decision = decide_ordos(&app);
    // Then there is one finding per rule, in order, each citing its clause
    let rules: Vec<RuleId> = decision.findings.iter().map(|f| f.rule).collect();
    let expected: Vec<RuleId> = RuleId::ALL
        .into_iter()
        .filter(|r| *r != RuleId::HostCondition)
        .collect();
    assert_eq!(rules, expected);
    assert!(
        decision
            .findings
            .iter()
            .all(|f| f.clause == f.rule.clause())
    );
    let failed: Vec<RuleId> = decision.failures().map(|f| f.rule).collect();
    assert_eq!(
        failed,
        vec![
            RuleId::HostKind,
            RuleId::RegionTitle,
            RuleId::ConstructionPeriod,
            RuleId::Reapplication,
            RuleId::DirectlyUnderBody,
            RuleId::Specialties,
        ]
    );
    assert!(!decision.is_eligible());
    assert!(decision.failures().all(|f| f.remedy.is_some()));
    assert!(
        decision
            .findings
            .iter()
            .filter(|f| f.outcome != Outcome::Failed)
            .all(|f| f.remedy.is_none())
    );
}

#[test]
fn decision_records_policy_application_kind_and_reference_date() {
    let app = studio(school(), d(2023, 7, 1));
    let decision = decide(&strict_policy(), &app).unwrap();
    assert_eq!(decision.policy.id, "ordos-2022-100");
    assert_eq!(decision.policy.revision, 2);
    assert_eq!(decision.application.as_str(), "A-S-01");
    assert_eq!(decision.kind, Studio);
    assert_eq!(decision.reference_date, d(2023, 7, 1));
    assert!(decision.is_eligible());
    assert_eq!(decision.eligible_from(), Some(d(2023, 7, 1)));
}

// ---------------------------------------------------------------- R1, 1.2.1

#[test]
fn r1_the_three_host_kinds_may_hold_a_base() {
    for kind in [
        UnitKind::TechnicalSchool,
        UnitKind::VocationalCollege,
        UnitKind::KeyEnterprise,
    ] {
        let mut unit = school();
        unit.kind = kind;
        let decision = decide_ordos(&base(unit, d(2023, 7, 1)));
        assert_eq!(
            outcome(&decision, RuleId::HostKind),
            Outcome::Passed,
            "{kind:?}"
        );
        assert!(decision.is_eligible());
    }
}

#[test]
fn r1_another_kind_of_unit_may_not_hold_a_base_but_may_hold_a_studio() {
    let mut unit = school();
    unit.kind = UnitKind::Other;
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    let f = finding(&decision, RuleId::HostKind);
    assert_eq!(f.outcome, Outcome::Failed);
    assert_eq!(f.clause, ClauseId::C1_2_1);
    assert_eq!(
        f.facts,
        Facts::HostKind {
            unit_kind: UnitKind::Other
        }
    );
    assert_eq!(f.remedy, Some(Remedy::NoPathBack));

    let decision = decide_ordos(&studio(unit, d(2023, 7, 1)));
    assert_eq!(outcome(&decision, RuleId::HostKind), Outcome::NotApplicable);
    assert!(decision.is_eligible());
}

// ---------------------------------------------------------------- R2, 1.2.2

#[test]
fn r2_each_of_the_seven_honours_qualifies_a_lead() {
    for honour in Honour::ALL {
        let mut app = studio(school(), d(2023, 7, 1));
        app.lead = Some(StudioLead::new(PersonId::new("P-9"), "李某", [honour]));
        let decision = decide_ordos(&app);
        let f = finding(&decision, RuleId::LeadHonours);
        assert_eq!(f.outcome, Outcome::Passed, "{honour:?}");
        assert_eq!(
            f.facts,
            Facts::LeadHonours {
                held: HonourSet::from_honours([honour])
            }
        );
    }
}

#[test]
fn r2_a_lead_without_an_honour_fails() {
    let mut app = studio(school(), d(2023, 7, 1));
    app.lead = Some(StudioLead::new(PersonId::new("P-9"), "李某", []));
    let decision = decide_ordos(&app);
    assert_eq!(outcome(&decision, RuleId::LeadHonours), Outcome::Failed);
    assert_eq!(
        remedy(&decision, RuleId::LeadHonours),
        Some(Remedy::LeadWithHonour)
    );
    assert!(!decision.is_eligible());
}

#[test]
fn r2_does_not_apply_to_a_base() {
    let decision = decide_ordos(&base(school(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::LeadHonours),
        Outcome::NotApplicable
    );
}

// ---------------------------------------------------------------- R11, 6.1

#[test]
fn r11_a_base_declares_one_or_two_specialties() {
    let names = ["焊工", "电工", "数控车工"];
    let expect = [
        (0, Outcome::Failed),
        (1, Outcome::Passed),
        (2, Outcome::Passed),
        (3, Outcome::Failed),
    ];
    for (n, want) in expect {
        let app = Application::training_base(
            "A-B-01",
            school(),
            d(2023, 7, 1),
            names.iter().take(n).map(|s| Specialty::new(*s)),
        );
        let decision = decide_ordos(&app);
        let f = finding(&decision, RuleId::Specialties);
        assert_eq!(f.outcome, want, "{n} specialties");
        assert_eq!(
            f.facts,
            Facts::Specialties {
                declared: u32::try_from(n).unwrap(),
                min: 1,
                max: 2
            }
        );
        let expected_remedy =
            (want == Outcome::Failed).then_some(Remedy::DeclareSpecialties { min: 1, max: 2 });
        assert_eq!(f.remedy, expected_remedy);
    }
}

#[test]
fn r11_reads_the_range_from_the_policy() {
    let mut data = Policy::ordos_2022().to_data();
    data.specialties_max = 3;
    let policy = Policy::try_from(data).unwrap();
    let app = Application::training_base(
        "A-B-01",
        school(),
        d(2023, 7, 1),
        ["焊工", "电工", "钳工"].map(Specialty::new),
    );
    let decision = decide(&policy, &app).unwrap();
    assert_eq!(outcome(&decision, RuleId::Specialties), Outcome::Passed);
}

#[test]
fn r11_does_not_apply_to_a_studio() {
    let decision = decide_ordos(&studio(school(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::Specialties),
        Outcome::NotApplicable
    );
}

// ---------------------------------------------------------------- R5, 3.2

fn title(kind: ProjectKind, level: TitleLevel, funded: bool) -> Title {
    Title {
        kind,
        level,
        funded,
    }
}

#[test]
fn r5_a_funded_title_of_the_same_kind_bars() {
    for level in [TitleLevel::Region, TitleLevel::National] {
        let mut unit = school();
        unit.titles.push(title(TrainingBase, level, true));
        let decision = decide_ordos(&base(unit, d(2023, 7, 1)));
        let f = finding(&decision, RuleId::RegionTitle);
        assert_eq!(f.outcome, Outcome::Failed);
        assert_eq!(f.remedy, Some(Remedy::NoPathBack));
        assert_eq!(
            f.facts,
            Facts::RegionTitle {
                barring: Some(title(TrainingBase, level, true)),
                same_kind_unfunded: 0,
                other_kind: 0
            }
        );
    }
}

#[test]
fn r5_an_unfunded_title_or_one_of_the_other_kind_does_not_bar() {
    let mut unit = school();
    unit.titles
        .push(title(TrainingBase, TitleLevel::National, false));
    unit.titles.push(title(Studio, TitleLevel::Region, true));
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    let f = finding(&decision, RuleId::RegionTitle);
    assert_eq!(f.outcome, Outcome::Passed);
    assert_eq!(
        f.facts,
        Facts::RegionTitle {
            barring: None,
            same_kind_unfunded: 1,
            other_kind: 1
        }
    );
    // The funded studio title bars a studio application.
    let decision = decide_ordos(&studio(unit, d(2023, 7, 1)));
    assert_eq!(outcome(&decision, RuleId::RegionTitle), Outcome::Failed);
}

#[test]
fn r5_names_the_highest_barring_title_whatever_the_order() {
    let mut unit = school();
    unit.titles.push(title(Studio, TitleLevel::Region, true));
    unit.titles.push(title(Studio, TitleLevel::National, true));
    let a = decide_ordos(&studio(unit.clone(), d(2023, 7, 1)));
    unit.titles.reverse();
    let b = decide_ordos(&studio(unit, d(2023, 7, 1)));
    assert_eq!(a, b);
    match &finding(&a, RuleId::RegionTitle).facts {
        Facts::RegionTitle {
            barring: Some(t), ..
        } => assert_eq!(t.level, TitleLevel::National),
        other => panic!("unexpected facts {other:?}"),
    }
}

// ---------------------------------------------------------------- R6, 3.3

#[test]
fn r6_still_barred_on_the_deadline_and_free_the_day_after() {
    // Given a base released on 1 July 2022: deadline 1 July 2024 (6.1, R10)
    let mut unit = school();
    unit.projects
        .push(open("2022-B-01", TrainingBase, d(2022, 7, 1)));
    // When a studio application's reference date is the deadline itself
    let on_deadline = decide_ordos(&studio(unit.clone(), d(2024, 7, 1)));
    // Then it is barred, and may apply from the day after
    let f = finding(&on_deadline, RuleId::ConstructionPeriod);
    assert_eq!(f.outcome, Outcome::Failed);
    assert_eq!(f.clause, ClauseId::C3_3);
    assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2024, 7, 2))));
    match &f.facts {
        Facts::ConstructionPeriod {
            latest: Some(p),
            barring: 1,
            projects: 1,
            bar: ConstructionBar::UntilDeadlineOrClosed,
            ..
        } => {
            assert_eq!(p.id.as_str(), "2022-B-01");
            assert_eq!(p.deadline, d(2024, 7, 1));
            assert_eq!(p.free_from, Some(d(2024, 7, 2)));
        }
        other => panic!("unexpected facts {other:?}"),
    }
    assert_eq!(on_deadline.eligible_from(), Some(d(2024, 7, 2)));
    // And the day after, it is free
    let after = decide_ordos(&studio(unit, d(2024, 7, 2)));
    assert_eq!(outcome(&after, RuleId::ConstructionPeriod), Outcome::Passed);
    assert!(after.is_eligible());
}

#[test]
fn r6_a_deadline_falling_from_29_february_to_the_28th() {
    // A studio released on 29 February 2024: deadline 28 February 2025.
    let mut unit = school();
    unit.projects
        .push(open("2024-S-03", Studio, d(2024, 2, 29)));
    let on_deadline = decide_ordos(&base(unit.clone(), d(2025, 2, 28)));
    assert_eq!(
        outcome(&on_deadline, RuleId::ConstructionPeriod),
        Outcome::Failed
    );
    assert_eq!(
        remedy(&on_deadline, RuleId::ConstructionPeriod),
        Some(Remedy::ApplyFrom(d(2025, 3, 1)))
    );
    let after = decide_ordos(&base(unit, d(2025, 3, 1)));
    assert_eq!(outcome(&after, RuleId::ConstructionPeriod), Outcome::Passed);
}

#[test]
fn r6_a_project_closed_early_is_free_from_its_closing_day() {
    // A studio released 1 September 2022 (deadline 1 September 2023), accepted 15 March 2023.
    let mut unit = school();
    unit.projects.push(accepted(
        "2022-S-05",
        Studio,
        d(2022, 9, 1),
        d(2023, 3, 15),
        true,
    ));
    let day_before = decide_ordos(&base(unit.clone(), d(2023, 3, 14)));
    assert_eq!(
        outcome(&day_before, RuleId::ConstructionPeriod),
        Outcome::Failed
    );
    assert_eq!(
        remedy(&day_before, RuleId::ConstructionPeriod),
        Some(Remedy::ApplyFrom(d(2023, 3, 15)))
    );
    let closing_day = decide_ordos(&base(unit, d(2023, 3, 15)));
    assert_eq!(
        outcome(&closing_day, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
    assert!(closing_day.is_eligible());
}

#[test]
fn r6_a_dissolved_or_revoked_project_no_longer_bars_from_its_closing_day() {
    let mut unit = school();
    let mut p = closed("2022-S-06", Studio, d(2022, 9, 1), d(2023, 1, 10));
    p.revoked = true;
    unit.projects.push(p);
    let decision = decide_ordos(&base(unit, d(2023, 1, 10)));
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
}

#[test]
fn r6_a_project_of_either_kind_bars() {
    let mut unit = school();
    unit.projects.push(open("2023-S-01", Studio, d(2023, 9, 1)));
    let decision = decide_ordos(&base(unit, d(2024, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::Failed
    );
    // No earlier base: 3.4 has nothing to judge (issue 18: not applicable).
    assert_eq!(
        outcome(&decision, RuleId::Reapplication),
        Outcome::NotApplicable
    );
    assert_eq!(decision.eligible_from(), Some(d(2024, 9, 2)));
}

#[test]
fn r6_a_project_released_after_the_reference_date_does_not_bar_it() {
    let mut unit = school();
    unit.projects.push(open("2024-S-01", Studio, d(2024, 8, 1)));
    let decision = decide_ordos(&base(unit, d(2024, 7, 31)));
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
}

#[test]
fn r6_names_the_project_that_bars_longest() {
    let mut unit = school();
    unit.projects.push(open("2023-S-01", Studio, d(2023, 9, 1))); // free 2024-09-02
    unit.projects
        .push(open("2023-B-01", TrainingBase, d(2023, 8, 1))); // free 2025-08-02
    let decision = decide_ordos(&studio(unit, d(2024, 7, 1)));
    let f = finding(&decision, RuleId::ConstructionPeriod);
    assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2025, 8, 2))));
    match &f.facts {
        Facts::ConstructionPeriod {
            latest: Some(p),
            barring,
            ..
        } => {
            assert_eq!(p.id.as_str(), "2023-B-01");
            assert_eq!(*barring, 2);
        }
        other => panic!("unexpected facts {other:?}"),
    }
}

#[test]
fn r6_the_stricter_parameter_keeps_the_bar_until_acceptance() {
    // A base released 1 July 2022 (deadline 1 July 2024), accepted late on 1 October 2024.
    let mut unit = school();
    unit.projects.push(accepted(
        "2022-B-01",
        TrainingBase,
        d(2022, 7, 1),
        d(2024, 10, 1),
        true,
    ));
    let app = studio(unit.clone(), d(2024, 9, 30));
    // The crate's reading: free from 2 July 2024.
    assert_eq!(
        outcome(&decide_ordos(&app), RuleId::ConstructionPeriod),
        Outcome::Passed
    );
    // The stricter reading: barred until the acceptance day.
    let strict = decide(&strict_policy(), &app).unwrap();
    let f = finding(&strict, RuleId::ConstructionPeriod);
    assert_eq!(f.outcome, Outcome::Failed);
    assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2024, 10, 1))));
    let on_acceptance = decide(&strict_policy(), &studio(unit, d(2024, 10, 1))).unwrap();
    assert_eq!(
        outcome(&on_acceptance, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
}

#[test]
fn r6_the_stricter_parameter_gives_no_date_while_the_project_is_open() {
    let mut unit = school();
    unit.projects
        .push(open("2022-B-01", TrainingBase, d(2022, 7, 1)));
    let strict = decide(&strict_policy(), &studio(unit, d(2025, 7, 1))).unwrap();
    assert_eq!(
        remedy(&strict, RuleId::ConstructionPeriod),
        Some(Remedy::AwaitClosing)
    );
    assert_eq!(strict.eligible_from(), None);
}

// ---------------------------------------------------------------- R7, 3.4

fn with_earlier_studio(accepted_on: chrono::NaiveDate) -> Unit {
    let mut unit = school();
    unit.projects.push(accepted(
        "2021-S-01",
        Studio,
        d(2021, 7, 1),
        accepted_on,
        true,
    ));
    unit
}

#[test]
fn r7_exactly_two_years_after_acceptance_is_eligible_and_one_day_less_is_not() {
    let unit = with_earlier_studio(d(2022, 7, 1));
    let on_time = decide_ordos(&studio(unit.clone(), d(2024, 7, 1)));
    let f = finding(&on_time, RuleId::Reapplication);
    assert_eq!(f.outcome, Outcome::Passed);
    assert_eq!(
        f.facts,
        Facts::Reapplication {
            reference_date: d(2024, 7, 1),
            after_months: 24,
            earlier: 1,
            blocking: 0,
            worst: None
        }
    );
    assert!(on_time.is_eligible());

    let a_day_early = decide_ordos(&studio(unit, d(2024, 6, 30)));
    let f = finding(&a_day_early, RuleId::Reapplication);
    assert_eq!(f.outcome, Outcome::Failed);
    assert_eq!(f.clause, ClauseId::C3_4);
    assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2024, 7, 1))));
    match &f.facts {
        Facts::Reapplication { worst: Some(w), .. } => {
            assert_eq!(w.standing, Standing::TooRecent);
            assert_eq!(w.accepted_on, Some(d(2022, 7, 1)));
            assert_eq!(w.eligible_from, Some(d(2024, 7, 1)));
        }
        other => panic!("unexpected facts {other:?}"),
    }
    assert_eq!(a_day_early.eligible_from(), Some(d(2024, 7, 1)));
}

#[test]
fn r7_acceptance_on_29_february_counts_to_the_28th() {
    let unit = with_earlier_studio(d(2024, 2, 29));
    let early = decide_ordos(&studio(unit.clone(), d(2026, 2, 27)));
    assert_eq!(
        remedy(&early, RuleId::Reapplication),
        Some(Remedy::ApplyFrom(d(2026, 2, 28)))
    );
    let on_time = decide_ordos(&studio(unit, d(2026, 2, 28)));
    assert_eq!(outcome(&on_time, RuleId::Reapplication), Outcome::Passed);
}

#[test]
fn r7_no_path_back_for_revoked_never_accepted_or_not_effective() {
    let released = d(2021, 7, 1);
    let mut revoked = accepted("2021-S-01", Studio, released, d(2022, 7, 1), true);
    revoked.revoked = true;
    let cases = [
        (revoked, Standing::Revoked),
        (
            closed("2021-S-01", Studio, released, d(2022, 1, 1)),
            Standing::NeverAccepted,
        ),
        (
            accepted("2021-S-01", Studio, released, d(2022, 7, 1), false),
            Standing::NotRatedEffective,
        ),
    ];
    for (project, standing) in cases {
        let mut unit = school();
        unit.projects.push(project);
        // Long after: still no path back.
        let decision = decide_ordos(&studio(unit, d(2030, 1, 1)));
        let f = finding(&decision, RuleId::Reapplication);
        assert_eq!(f.outcome, Outcome::Failed, "{standing:?}");
        assert_eq!(f.remedy, Some(Remedy::NoPathBack), "{standing:?}");
        match &f.facts {
            Facts::Reapplication { worst: Some(w), .. } => assert_eq!(w.standing, standing),
            other => panic!("unexpected facts {other:?}"),
        }
        assert_eq!(decision.eligible_from(), None);
    }
}

#[test]
fn r7_an_open_project_of_the_same_kind_waits_for_acceptance() {
    let mut unit = school();
    unit.projects.push(open("2023-S-01", Studio, d(2023, 9, 1)));
    // Long past its deadline, so 3.3 no longer bars; 3.4 still does.
    let decision = decide_ordos(&studio(unit, d(2025, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::AwaitAcceptance)
    );
}

#[test]
fn r7_every_earlier_project_must_meet_it() {
    let mut unit = school();
    unit.projects.push(accepted(
        "2019-S-01",
        Studio,
        d(2019, 7, 1),
        d(2020, 7, 1),
        true,
    ));
    unit.projects.push(accepted(
        "2022-S-02",
        Studio,
        d(2022, 9, 1),
        d(2023, 9, 1),
        true,
    ));
    let decision = decide_ordos(&studio(unit, d(2024, 7, 1)));
    let f = finding(&decision, RuleId::Reapplication);
    assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2025, 9, 1))));
    match &f.facts {
        Facts::Reapplication {
            earlier: 2,
            blocking: 1,
            worst: Some(w),
            ..
        } => assert_eq!(w.id.as_str(), "2022-S-02"),
        other => panic!("unexpected facts {other:?}"),
    }
}

#[test]
fn r7_the_final_bar_outweighs_a_date() {
    let mut unit = school();
    unit.projects.push(accepted(
        "2022-S-02",
        Studio,
        d(2022, 9, 1),
        d(2023, 9, 1),
        true,
    ));
    let mut revoked = accepted("2019-S-01", Studio, d(2019, 7, 1), d(2020, 7, 1), true);
    revoked.revoked = true;
    unit.projects.push(revoked);
    let decision = decide_ordos(&studio(unit, d(2024, 7, 1)));
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::NoPathBack)
    );
}

#[test]
fn r7_a_project_of_the_other_kind_does_not_count() {
    let mut unit = school();
    let mut revoked = accepted(
        "2021-B-01",
        TrainingBase,
        d(2021, 7, 1),
        d(2022, 7, 1),
        false,
    );
    revoked.revoked = true;
    unit.projects.push(revoked);
    let decision = decide_ordos(&studio(unit, d(2023, 7, 1)));
    let f = finding(&decision, RuleId::Reapplication);
    // No earlier studio: 3.4 has nothing to judge (issue 18: not applicable).
    assert_eq!(f.outcome, Outcome::NotApplicable);
    assert!(matches!(f.facts, Facts::Reapplication { earlier: 0, .. }));
}

#[test]
fn r6_and_r7_dates_combine_into_the_first_date_to_apply() {
    // A studio accepted 1 March 2024 (R7: from 1 March 2026) and a base open
    // since 1 June 2024 (R6: from 2 June 2026).
    let mut unit = with_earlier_studio(d(2024, 3, 1));
    unit.projects
        .push(open("2024-B-01", TrainingBase, d(2024, 6, 1)));
    let decision = decide_ordos(&studio(unit, d(2025, 7, 1)));
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::ApplyFrom(d(2026, 3, 1)))
    );
    assert_eq!(
        remedy(&decision, RuleId::ConstructionPeriod),
        Some(Remedy::ApplyFrom(d(2026, 6, 2)))
    );
    assert_eq!(decision.eligible_from(), Some(d(2026, 6, 2)));
}

// ------------------------------------- the first date to apply (R6, R7, R10)

/// A school with a base released 14 May 2021 and another released 21 May
/// 2022 (R10: free from 15 May 2023 and 22 May 2024).
fn school_with_a_base_released_later() -> Unit {
    let mut unit = school();
    unit.projects
        .push(open("2021-B-01", TrainingBase, d(2021, 5, 14)));
    unit.projects
        .push(open("2022-B-01", TrainingBase, d(2022, 5, 21)));
    unit
}

#[test]
fn a_project_released_after_the_reference_date_bars_on_the_first_date_it_would_give() {
    // Given a school with a base released 14 May 2021 (R10: deadline 14 May
    // 2023, free from 15 May 2023) and another released 21 May 2022 (deadline
    // 21 May 2024, free from 22 May 2024), applying for a studio as of 14 May
    // 2021
    let unit = school_with_a_base_released_later();
    // When it is decided
    let decision = decide_ordos(&studio(unit.clone(), d(2021, 5, 14)));
    // Then on that day only the first base bars (the second is not yet
    // released), with its own date
    let f = finding(&decision, RuleId::ConstructionPeriod);
    assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2023, 5, 15))));
    match &f.facts {
        Facts::ConstructionPeriod { barring, .. } => assert_eq!(*barring, 1),
        other => panic!("unexpected facts {other:?}"),
    }
    // But on 15 May 2023 the second base is in construction, so the first
    // date the unit could apply is the day after its deadline
    assert_eq!(decision.eligible_from(), Some(d(2024, 5, 22)));
    // And deciding on those days says the same
    let on_first = decide_ordos(&studio(unit.clone(), d(2023, 5, 15)));
    assert!(!on_first.is_eligible());
    assert_eq!(on_first.eligible_from(), Some(d(2024, 5, 22)));
    assert!(decide_ordos(&studio(unit.clone(), d(2024, 5, 22))).is_eligible());
    assert!(!decide_ordos(&studio(unit, d(2024, 5, 21))).is_eligible());
}

#[test]
fn every_project_released_after_the_reference_date_still_bars_on_the_first_date_it_would_give() {
    // Given a unit whose two projects were both released after the
    // reference date, 14 May 2021: a studio released 1 June 2021 and accepted
    // 1 December 2021, rated effective (R7, R10: free from 1 December 2023),
    // and a base released 1 June 2023 (R6, R10: deadline 1 June 2025, free
    // from 2 June 2025)
    let mut unit = school();
    unit.projects.push(accepted(
        "2021-S-01",
        Studio,
        d(2021, 6, 1),
        d(2021, 12, 1),
        true,
    ));
    unit.projects
        .push(open("2023-B-01", TrainingBase, d(2023, 6, 1)));
    // When the unit applies for a studio as of 14 May 2021
    let decision = decide_ordos(&studio(unit.clone(), d(2021, 5, 14)));
    // Then on that day only 3.4 fails, with its own date
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::ApplyFrom(d(2023, 12, 1)))
    );
    assert_eq!(decision.failures().count(), 1);
    // But on 1 December 2023 the base is in construction (3.3), so the first
    // date to apply is the day after its deadline
    assert_eq!(decision.eligible_from(), Some(d(2025, 6, 2)));
    assert!(!decide_ordos(&studio(unit.clone(), d(2023, 12, 1))).is_eligible());
    assert!(decide_ordos(&studio(unit, d(2025, 6, 2))).is_eligible());
}

#[test]
fn the_text_says_when_the_first_date_is_later_than_every_bar_lifts() {
    // Given the school of the first test above: on the reference date one
    // base bars until 15 May 2023, and a base released later bars until
    // 22 May 2024
    let mut unit = school_with_a_base_released_later();
    let decision = decide_ordos(&studio(unit.clone(), d(2021, 5, 14)));
    // When it is rendered
    let (zh, en) = (decision.render(Lang::Zh), decision.render(Lang::En));
    // Then the finding gives its own bar's end, and the last line the first
    // date, saying why it is later
    assert!(en.contains("This bar lifts on 15 May 2023."), "{en}");
    assert!(
        en.contains(
            "the first date the unit may apply: 22 May 2024 (later than the bars above lift"
        ),
        "{en}"
    );
    assert!(zh.contains("此项限制自2023年5月15日起解除。"), "{zh}");
    assert!(
        zh.contains("最早可申报日期：2024年5月22日（晚于上列各项限制的解除日期"),
        "{zh}"
    );
    // And without the later release the last line says nothing more
    unit.projects.pop();
    let en = decide_ordos(&studio(unit, d(2021, 5, 14))).render(Lang::En);
    assert!(
        en.ends_with("the first date the unit may apply: 15 May 2023\n"),
        "{en}"
    );
}

#[test]
fn a_project_released_after_the_first_free_day_does_not_move_it() {
    // Given a base free from 15 May 2023 and another released on 16 May 2023
    let mut unit = school();
    unit.projects
        .push(open("2021-B-01", TrainingBase, d(2021, 5, 14)));
    unit.projects
        .push(open("2023-B-01", TrainingBase, d(2023, 5, 16)));
    // When the unit applies for a studio as of 1 July 2022
    let decision = decide_ordos(&studio(unit.clone(), d(2022, 7, 1)));
    // Then 15 May 2023 is a free day: the first date to apply
    assert_eq!(decision.eligible_from(), Some(d(2023, 5, 15)));
    // And a base released on 15 May 2023 itself would bar from that day
    // (R10: 15 May 2025, free from 16 May 2025)
    unit.projects[1] = open("2023-B-01", TrainingBase, d(2023, 5, 15));
    let decision = decide_ordos(&studio(unit, d(2022, 7, 1)));
    assert_eq!(decision.eligible_from(), Some(d(2025, 5, 16)));
}

#[test]
fn bars_of_3_3_chain_through_several_projects_released_later() {
    // Given, as of 1 July 2022, bases released 14 May 2021 (R10: free from
    // 15 May 2023), 1 March 2023 (free from 2 March 2025), 10 January 2025
    // (free from 11 January 2027) and 12 January 2027, the day after
    let mut unit = school();
    unit.projects
        .push(open("2021-B-01", TrainingBase, d(2021, 5, 14)));
    unit.projects
        .push(open("2023-B-01", TrainingBase, d(2023, 3, 1)));
    unit.projects
        .push(open("2025-B-01", TrainingBase, d(2025, 1, 10)));
    unit.projects
        .push(open("2027-B-01", TrainingBase, d(2027, 1, 12)));
    // When the unit applies for a studio
    let decision = decide_ordos(&studio(unit.clone(), d(2022, 7, 1)));
    // Then each bar's end falls inside the next one's span, up to the third:
    // the first date is 11 January 2027 (the fourth starts a day later)
    assert_eq!(
        remedy(&decision, RuleId::ConstructionPeriod),
        Some(Remedy::ApplyFrom(d(2023, 5, 15)))
    );
    assert_eq!(decision.eligible_from(), Some(d(2027, 1, 11)));
    // And the second base dissolved on 1 August 2023 ends its span there:
    // the chain breaks on that day
    unit.projects[1] = closed("2023-B-01", TrainingBase, d(2023, 3, 1), d(2023, 8, 1));
    let decision = decide_ordos(&studio(unit, d(2022, 7, 1)));
    assert_eq!(decision.eligible_from(), Some(d(2023, 8, 1)));
}

#[test]
fn a_bar_of_3_4_ending_inside_a_construction_period_moves_the_date_on() {
    // Given a base accepted on 15 February 2022, rated effective (R7, R10:
    // from 15 February 2024), and a studio released 1 September 2023 (R10:
    // deadline 1 September 2024, free from 2 September 2024)
    let mut unit = school();
    unit.projects.push(accepted(
        "2020-B-01",
        TrainingBase,
        d(2020, 3, 1),
        d(2022, 2, 15),
        true,
    ));
    unit.projects.push(open("2023-S-01", Studio, d(2023, 9, 1)));
    // When the unit applies for a base again as of 1 July 2023
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    // Then 3.4 bars until 15 February 2024, 3.3 not on that day
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::ApplyFrom(d(2024, 2, 15)))
    );
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
    // But on 15 February 2024 the studio is in construction: the first date
    // is the day after its deadline
    assert_eq!(decision.eligible_from(), Some(d(2024, 9, 2)));
    // And under the stricter reading of 3.3 the open studio bars with no end
    let strict = decide(&strict_policy(), &base(unit, d(2023, 7, 1))).unwrap();
    assert_eq!(
        outcome(&strict, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
    assert_eq!(strict.eligible_from(), None);
}

#[test]
fn a_bar_with_no_end_after_the_first_free_day_does_not_matter() {
    // Given, under the stricter reading, a base accepted 1 March 2024 (free
    // from that day) and a base released 1 April 2024, never closed
    let mut unit = school();
    unit.projects.push(accepted(
        "2022-B-01",
        TrainingBase,
        d(2022, 7, 1),
        d(2024, 3, 1),
        true,
    ));
    unit.projects
        .push(open("2024-B-01", TrainingBase, d(2024, 4, 1)));
    // When the unit applies for a studio as of 1 January 2024
    let strict = decide(&strict_policy(), &studio(unit.clone(), d(2024, 1, 1))).unwrap();
    // Then it may apply from 1 March 2024, before the second base's release
    assert_eq!(strict.eligible_from(), Some(d(2024, 3, 1)));
    // And with the second base released on 1 March 2024 there is no date
    unit.projects[1] = open("2024-B-01", TrainingBase, d(2024, 3, 1));
    let strict = decide(&strict_policy(), &studio(unit, d(2024, 1, 1))).unwrap();
    assert_eq!(strict.eligible_from(), None);
}

#[test]
fn a_lead_who_reaches_the_age_limit_before_the_bar_ends_gives_no_date() {
    // Given the example host conditions (R16: a lead younger than 60) and a
    // base open since 1 June 2024 (R6, R10: free from 2 June 2026)
    let policy = policy_with_examples();
    let mut unit = school();
    unit.projects
        .push(open("2024-B-01", TrainingBase, d(2024, 6, 1)));
    for (born, expected) in [
        // 60 on 1 June 2026: too old on 2 June 2026, and ever after
        (d(1966, 6, 1), None),
        // 60 on 2 June 2026, the first day the bar is lifted
        (d(1966, 6, 2), None),
        // 60 on 3 June 2026: still 59 on 2 June 2026
        (d(1966, 6, 3), Some(d(2026, 6, 2))),
    ] {
        // When a studio led by someone born on `born` applies on 1 July 2025
        let mut app = studio(unit.clone(), d(2025, 7, 1));
        let lead = app.lead.as_mut().unwrap();
        lead.skill_level = Some(SkillLevel::Level1);
        lead.born_on = Some(born);
        let decision = decide(&policy, &app).unwrap();
        // Then only 3.3 fails on that day, and the first date to apply is
        // the bar's end only while the lead is still under 60 on it
        let failed: Vec<RuleId> = decision.failures().map(|f| f.rule).collect();
        assert_eq!(failed, vec![RuleId::ConstructionPeriod], "{born}");
        assert_eq!(decision.eligible_from(), expected, "{born}");
    }
}

// ---------------------------------------------------------------- 4.2

#[test]
fn directly_under_body_requires_an_independent_legal_person() {
    let body = BodyId::new("city-energy-group");
    let mut unit = enterprise();
    unit.seat = Seat::Body(body.clone());
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::DirectlyUnderBody),
        Outcome::Passed
    );
    assert!(body_may_recommend(&unit, &body));

    unit.independent_legal_person = false;
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    let f = finding(&decision, RuleId::DirectlyUnderBody);
    assert_eq!(f.outcome, Outcome::Failed);
    assert_eq!(f.clause, ClauseId::C4_2);
    assert_eq!(f.remedy, Some(Remedy::IndependentLegalPerson));
    assert!(!body_may_recommend(&unit, &body));
}

#[test]
fn directly_under_body_does_not_apply_to_a_banner_unit() {
    let mut unit = enterprise();
    unit.independent_legal_person = false;
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::DirectlyUnderBody),
        Outcome::NotApplicable
    );
    assert!(decision.is_eligible());
    assert!(!body_may_recommend(
        &unit,
        &BodyId::new("city-energy-group")
    ));
    assert_eq!(unit.seat, Seat::Banner(Banner::JungarBanner));
}

// ---------------------------------------------------------------- R16, 3.1

fn conditions(
    decision: &skill_grants::eligibility::Decision,
) -> Vec<(u32, Outcome, Option<Remedy>)> {
    decision
        .findings
        .iter()
        .filter_map(|f| match f.facts {
            Facts::HostCondition { index, .. } => Some((index, f.outcome, f.remedy)),
            _ => None,
        })
        .collect()
}

#[test]
fn r16_one_finding_per_host_condition_cited_as_3_1() {
    let policy = policy_with_examples();
    let decision = decide(&policy, &base(school(), d(2023, 7, 1))).unwrap();
    assert_eq!(decision.findings.len(), 7 + 3);
    let hosts: Vec<_> = decision
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::HostCondition)
        .collect();
    assert_eq!(hosts.len(), 3);
    assert!(hosts.iter().all(|f| f.clause == ClauseId::C3_1));
    assert_eq!(
        hosts
            .iter()
            .map(|f| f.host_condition(&policy).unwrap().id.as_str())
            .collect::<Vec<_>>(),
        vec!["min-site-area", "lead-skill-level", "lead-age"]
    );
    // The base has no site area: it must supply it. The two studio conditions do not apply.
    assert_eq!(
        conditions(&decision),
        vec![
            (0, Outcome::Failed, Some(Remedy::SupplyFact)),
            (1, Outcome::NotApplicable, None),
            (2, Outcome::NotApplicable, None),
        ]
    );
}

#[test]
fn r16_site_area_boundary() {
    let policy = policy_with_examples();
    for (area, want) in [(499, Outcome::Failed), (500, Outcome::Passed)] {
        let mut unit = school();
        unit.facts.site_area_m2 = Some(area);
        let decision = decide(&policy, &base(unit, d(2023, 7, 1))).unwrap();
        let f = &decision.findings[2];
        assert_eq!(f.outcome, want, "{area} m²");
        assert_eq!(
            f.facts,
            Facts::HostCondition {
                index: 0,
                applies_to: Some(TrainingBase),
                check: ConditionCheck::SiteArea {
                    required: 500,
                    actual: Some(area)
                }
            }
        );
    }
}

#[test]
fn r16_lead_skill_level_and_age() {
    let policy = policy_with_examples();
    let reference = d(2025, 7, 1);
    let cases = [
        // level, born, expected (skill, age)
        (
            SkillLevel::Level1,
            d(1965, 7, 2),
            (Outcome::Passed, Outcome::Passed),
        ), // 59
        (
            SkillLevel::Level2,
            d(1965, 7, 1),
            (Outcome::Passed, Outcome::Failed),
        ), // 60 today
        (
            SkillLevel::Level3,
            d(1980, 1, 1),
            (Outcome::Failed, Outcome::Passed),
        ),
    ];
    for (level, born, (skill, age)) in cases {
        let mut app = studio(school(), reference);
        let lead = app.lead.as_mut().unwrap();
        lead.skill_level = Some(level);
        lead.born_on = Some(born);
        let decision = decide(&policy, &app).unwrap();
        let got = conditions(&decision);
        assert_eq!(got[0].1, Outcome::NotApplicable);
        assert_eq!((got[1].1, got[2].1), (skill, age), "{level:?} {born}");
    }
}

#[test]
fn r16_a_missing_lead_fact_fails_and_asks_for_it() {
    let policy = policy_with_examples();
    let decision = decide(&policy, &studio(school(), d(2025, 7, 1))).unwrap();
    assert_eq!(
        conditions(&decision),
        vec![
            (0, Outcome::NotApplicable, None),
            (1, Outcome::Failed, Some(Remedy::SupplyFact)),
            (2, Outcome::Failed, Some(Remedy::SupplyFact)),
        ]
    );
}

#[test]
fn r16_declared_and_yearly_trainees() {
    let mut data = Policy::ordos_2022().to_data();
    data.unit_conditions = vec![
        skill_grants::UnitCondition {
            id: "safety".into(),
            reference: "EXAMPLE 细则 第七条".into(),
            label_zh: "安全生产承诺（示例）".into(),
            label_en: "safety pledge (example)".into(),
            applies_to: None,
            test: skill_grants::ConditionTest::Declared {
                key: "safety-certified".into(),
            },
        },
        skill_grants::UnitCondition {
            id: "trainees".into(),
            reference: "EXAMPLE 细则 第八条".into(),
            label_zh: "年培训不少于 200 人（示例）".into(),
            label_en: "at least 200 trained a year (example)".into(),
            applies_to: None,
            test: skill_grants::ConditionTest::MinYearlyTrainees { count: 200 },
        },
    ];
    let policy = Policy::try_from(data).unwrap();
    let mut unit = school();
    unit.facts.yearly_trainees = Some(200);
    let decision = decide(&policy, &studio(unit.clone(), d(2023, 7, 1))).unwrap();
    assert_eq!(
        conditions(&decision),
        vec![
            (0, Outcome::Failed, Some(Remedy::MeetCondition)),
            (1, Outcome::Passed, None),
        ]
    );
    unit.facts.declarations.push("safety-certified".into());
    unit.facts.yearly_trainees = Some(199);
    let decision = decide(&policy, &base(unit, d(2023, 7, 1))).unwrap();
    assert_eq!(
        conditions(&decision),
        vec![
            (0, Outcome::Passed, None),
            (1, Outcome::Failed, Some(Remedy::MeetCondition)),
        ]
    );
    let text = decision.render_with(&policy, skill_grants::Lang::En);
    assert!(text.contains("clause 3.1 [EXAMPLE 细则 第七条] safety pledge (example) (R16): The unit declares “safety-certified”."), "{text}");
}

#[test]
fn decide_does_not_touch_the_application() {
    let mut unit = with_earlier_studio(d(2022, 7, 1));
    unit.projects
        .push(open("2024-B-01", TrainingBase, d(2024, 6, 1)));
    let app = studio(unit, d(2024, 7, 1));
    let before = app.clone();
    let _ = decide(&Policy::ordos_2022(), &app).unwrap();
    assert_eq!(app, before);
    let _ = decide(&strict_policy(), &app);
    assert_eq!(app, before);
}

/// Issue 18: a rule on the unit's history is not applicable when there is
/// nothing for it to judge, and passed when it judges and finds no bar.
#[test]
fn r5_r6_r7_not_applicable_without_their_precondition_passed_with_it() {
    let title = |kind, funded| Title {
        kind,
        level: TitleLevel::Region,
        funded,
    };
    // 3.2: a studio title does not concern a base application…
    let mut unit = school();
    unit.titles.push(title(Studio, true));
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::RegionTitle),
        Outcome::NotApplicable
    );
    // …an unfunded base title is judged and does not bar.
    unit.titles.push(title(TrainingBase, false));
    let decision = decide_ordos(&base(unit, d(2023, 7, 1)));
    assert_eq!(outcome(&decision, RuleId::RegionTitle), Outcome::Passed);

    // 3.3: no project at all; then a studio closed before the reference date.
    let decision = decide_ordos(&base(school(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::NotApplicable
    );
    assert_eq!(
        outcome(&decision, RuleId::Reapplication),
        Outcome::NotApplicable
    );
    let mut unit = school();
    unit.projects
        .push(closed("2021-S-01", Studio, d(2021, 7, 1), d(2022, 6, 30)));
    let decision = decide_ordos(&base(unit.clone(), d(2023, 7, 1)));
    assert_eq!(
        outcome(&decision, RuleId::ConstructionPeriod),
        Outcome::Passed
    );
    // 3.4 concerns the same kind only: for a base, the studio is no earlier
    // project; for a studio it is, and (closed without acceptance) it fails.
    assert_eq!(
        outcome(&decision, RuleId::Reapplication),
        Outcome::NotApplicable
    );
    let decision = decide_ordos(&studio(unit, d(2023, 7, 1)));
    assert_eq!(outcome(&decision, RuleId::Reapplication), Outcome::Failed);
}

/// R6 names one barring project: the one that bars longest, and among those
/// ending the same day the smallest id, whatever the order of the unit's
/// projects (kills the surviving mutant of the tie-break).
#[test]
fn r6_names_the_same_barring_project_whatever_the_order() {
    for ids in [["2022-B-02", "2022-B-01"], ["2022-B-01", "2022-B-02"]] {
        let mut unit = school();
        for id in ids {
            unit.projects.push(open(id, TrainingBase, d(2022, 9, 1)));
        }
        let decision = decide_ordos(&studio(unit, d(2023, 7, 1)));
        let f = finding(&decision, RuleId::ConstructionPeriod);
        let Facts::ConstructionPeriod {
            barring, latest, ..
        } = &f.facts
        else {
            panic!("{:?}", f.facts);
        };
        assert_eq!(*barring, 2);
        assert_eq!(
            latest.as_ref().map(|l| l.id.as_str()),
            Some("2022-B-01"),
            "{ids:?}"
        );
    }
}

/// R7 names one blocking earlier project: the worst standing, then the
/// latest date, then the smallest id, whatever the order of the projects.
#[test]
fn r7_names_the_same_blocking_project_whatever_the_order() {
    for ids in [["2022-S-02", "2022-S-01"], ["2022-S-01", "2022-S-02"]] {
        let mut unit = school();
        for id in ids {
            unit.projects
                .push(accepted(id, Studio, d(2022, 9, 1), d(2023, 9, 1), true));
        }
        let decision = decide_ordos(&studio(unit, d(2024, 7, 1)));
        let f = finding(&decision, RuleId::Reapplication);
        let Facts::Reapplication {
            blocking, worst, ..
        } = &f.facts
        else {
            panic!("{:?}", f.facts);
        };
        assert_eq!(*blocking, 2);
        assert_eq!(
            worst.as_ref().map(|w| w.id.as_str()),
            Some("2022-S-01"),
            "{ids:?}"
        );
        assert_eq!(f.remedy, Some(Remedy::ApplyFrom(d(2025, 9, 1))));
    }
}

/// R7: an earlier project of the kind still open (neither accepted nor
/// closed) blocks until its acceptance; one closed without acceptance gives
/// no path back (kills the surviving mutant of the `closed_on` guard).
#[test]
fn r7_an_open_earlier_project_awaits_acceptance_a_closed_one_has_no_path_back() {
    let mut unit = school();
    unit.projects.push(open("2023-S-01", Studio, d(2023, 9, 1)));
    let decision = decide_ordos(&studio(unit, d(2025, 7, 1)));
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::AwaitAcceptance)
    );
    let mut unit = school();
    unit.projects
        .push(closed("2023-S-01", Studio, d(2023, 9, 1), d(2024, 3, 1)));
    let decision = decide_ordos(&studio(unit, d(2025, 7, 1)));
    assert_eq!(
        remedy(&decision, RuleId::Reapplication),
        Some(Remedy::NoPathBack)
    );
}
