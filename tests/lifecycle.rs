//! Given (events) / when (command) / then (events or error): every transition and every refusal.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use skill_grants::application::Honour;
use skill_grants::chain::{self, ChainError, Head, Sealed, Verified};
use skill_grants::domain::{BodyId, PersonId, ProjectId, Specialty, UnitId};
use skill_grants::lifecycle::*;
use skill_grants::{Banner, ClauseId, Lang, Policy, ProjectKind, Yuan};

// ----- opening -----

#[test]
fn opening_computes_the_r10_deadline_for_each_kind() {
    assert_eq!(Given::base().project.deadline(), d(2024, 9, 1));
    assert_eq!(Given::studio().project.deadline(), d(2023, 9, 15));
    let leap = ProjectStart {
        released_on: d(2024, 2, 29),
        ..studio_start()
    };
    assert_eq!(Given::start(leap).project.deadline(), d(2025, 2, 28));
}

#[test]
fn opening_starts_the_log_and_the_account() {
    let g = Given::base();
    assert_eq!(g.log.len(), 1);
    assert_eq!(g.log[0].event.kind(), EventKind::Started);
    assert_eq!(g.log[0].event.by, Some(Role::City));
    assert_eq!(g.project.status(), Status::UnderConstruction);
    assert_eq!(g.project.ledger().balance, y(200_000));
    assert_eq!(g.project.ledger().released, y(200_000));
    g.project.check_invariants().unwrap();
}

#[test]
fn opening_refuses_bad_start_records() {
    let policy = Policy::ordos_2022();
    let open = |s: ProjectStart| Project::open(s, &policy).unwrap_err();

    let mut other = policy.to_data();
    other.revision = 2;
    let revised = Policy::try_from(other).unwrap();
    let e = Project::open(base_start(), &revised).unwrap_err();
    assert!(matches!(e, LifecycleError::PolicyMismatch { .. }));
    assert_eq!(e.clause(), ClauseId::C5);

    let e = open(ProjectStart {
        released: y(150_000),
        ..base_start()
    });
    assert_eq!(
        e,
        LifecycleError::ReleaseNotSubsidy {
            kind: ProjectKind::TrainingBase,
            expected: y(200_000),
            found: y(150_000)
        }
    );
    assert_eq!(e.clause(), ClauseId::C2_2);

    for n in [0usize, 3] {
        let e = open(ProjectStart {
            specialties: (0..n).map(|i| Specialty::new(format!("专业{i}"))).collect(),
            ..base_start()
        });
        assert_eq!(
            e,
            LifecycleError::SpecialtyCount {
                count: n,
                min: 1,
                max: 2
            }
        );
        assert_eq!(e.clause(), ClauseId::C6_1);
    }
    let e = open(ProjectStart {
        lead: Some(lead("P-9", "李某", &[Honour::OrdosCraftsman])),
        ..base_start()
    });
    assert_eq!(e, LifecycleError::LeadOnBase);

    let e = open(ProjectStart {
        lead: None,
        ..studio_start()
    });
    assert_eq!(
        (e.clone(), e.clause()),
        (LifecycleError::LeadMissing, ClauseId::C1_2_2)
    );
    let e = open(ProjectStart {
        lead: Some(lead("P-9", "李某", &[])),
        ..studio_start()
    });
    assert_eq!(
        e,
        LifecycleError::LeadWithoutHonour {
            person: PersonId::new("P-9")
        }
    );
    let e = open(ProjectStart {
        specialties: vec![Specialty::new("焊工")],
        ..studio_start()
    });
    assert_eq!(
        (e.clone(), e.clause()),
        (
            LifecycleError::SpecialtiesOnStudio { count: 1 },
            ClauseId::C6_2
        )
    );
}

// ----- the ledger -----

#[test]
fn every_base_category_is_paid_for_a_declared_specialty() {
    let mut g = Given::base();
    let base_categories: Vec<_> = SpendingCategory::ALL
        .into_iter()
        .filter(|c| c.allowed_for() == Some(ProjectKind::TrainingBase))
        .collect();
    assert_eq!(base_categories.len(), 8);
    for (i, c) in base_categories.iter().enumerate() {
        let events = g.pay(
            d(2023, 1, 2),
            Spend::base(*c, y(1_000), SpecialtyIndex((i % 2) as u8)),
        );
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].by, Some(Role::ProjectUnit));
        assert_eq!(events[0].clause(), ClauseId::C7_1);
    }
    assert_eq!(g.project.ledger().spent, y(8_000));
    assert_eq!(g.project.ledger().balance, y(192_000));
    assert_eq!(g.project.ledger().payments, 8);
}

#[test]
fn every_studio_category_is_paid() {
    let mut g = Given::studio();
    for c in [
        SpendingCategory::InnovationResearch,
        SpendingCategory::TrainingSupplies,
        SpendingCategory::SkillExchange,
    ] {
        g.pay(d(2023, 1, 2), Spend::studio(c, y(5_000)));
    }
    assert_eq!(g.project.ledger().balance, y(35_000));
}

#[test]
fn a_payment_on_the_deadline_day_is_allowed_and_the_day_after_refused_for_each_kind() {
    for (mut g, spend) in [
        (Given::base(), base_spend(y(10))),
        (Given::studio(), studio_spend(y(10))),
    ] {
        let deadline = g.project.deadline();
        let next = deadline.succ_opt().unwrap();
        let kind = g.project.kind();
        let e = g.refused_pay(next, spend);
        assert_eq!(
            e,
            LifecycleError::AfterDeadline {
                date: next,
                deadline,
                kind
            }
        );
        assert_eq!(e.clause(), kind.fund_clause());
        g.pay(deadline, spend);
        assert_eq!(g.project.ledger().spent, y(10));
        let e = g.refused_pay(next, spend);
        assert!(matches!(e, LifecycleError::AfterDeadline { .. }));
    }
}

#[test]
fn a_payment_before_the_release_or_before_the_last_event_is_refused() {
    let mut g = Given::base();
    let e = g.refused_pay(d(2022, 8, 31), base_spend(y(10)));
    assert_eq!(e.clause(), ClauseId::C6_1);
    assert!(matches!(e, LifecycleError::BeforeRelease { .. }));
    g.pay(d(2023, 5, 1), base_spend(y(10)));
    let e = g.refused_pay(d(2023, 4, 30), base_spend(y(10)));
    assert_eq!(
        e,
        LifecycleError::BeforeLastEvent {
            date: d(2023, 4, 30),
            last: d(2023, 5, 1)
        }
    );
    assert_eq!(e.clause(), ClauseId::C7_1);
}

/// R6, R10 (6.1, 6.2): the construction period runs from the release date,
/// that day included: the release day is not "before the release", and a
/// payment on it is allowed for each kind; the day before is refused.
#[test]
fn a_payment_on_the_release_day_is_allowed_and_the_day_before_refused_for_each_kind() {
    for (mut g, spend) in [
        (Given::base(), base_spend(y(10))),
        (Given::studio(), studio_spend(y(10))),
    ] {
        let released_on = g.project.start().released_on;
        let before = released_on.pred_opt().unwrap();
        let kind = g.project.kind();
        assert_eq!(
            g.refused_pay(before, spend),
            LifecycleError::BeforeRelease {
                date: before,
                released_on,
                kind
            }
        );
        g.pay(released_on, spend);
        assert_eq!(g.project.ledger().spent, y(10));
    }
}

#[test]
fn prohibited_categories_are_refused_for_both_kinds() {
    for (g, kind) in [
        (Given::base(), ProjectKind::TrainingBase),
        (Given::studio(), ProjectKind::Studio),
    ] {
        for category in [
            SpendingCategory::Travel,
            SpendingCategory::LabourFees,
            SpendingCategory::OutOfScope,
        ] {
            let spend = Spend {
                category,
                amount: y(100),
                specialty: (kind == ProjectKind::TrainingBase).then_some(SpecialtyIndex(0)),
            };
            let e = g.refused_pay(d(2023, 1, 1), spend);
            assert_eq!(e, LifecycleError::ProhibitedCategory { category, kind });
            assert_eq!(e.clause(), kind.fund_clause());
        }
    }
}

#[test]
fn a_category_of_the_other_kind_is_refused() {
    let e = Given::base().refused_pay(
        d(2023, 1, 1),
        Spend::base(SpendingCategory::SkillExchange, y(100), SpecialtyIndex(0)),
    );
    assert_eq!(
        (e.clone(), e.clause()),
        (
            LifecycleError::CategoryOfOtherKind {
                category: SpendingCategory::SkillExchange,
                kind: ProjectKind::TrainingBase
            },
            ClauseId::C6_1
        )
    );
    let e = Given::studio().refused_pay(
        d(2023, 1, 1),
        Spend::studio(SpendingCategory::RawMaterials, y(100)),
    );
    assert_eq!(e.clause(), ClauseId::C6_2);
    assert!(matches!(e, LifecycleError::CategoryOfOtherKind { .. }));
}

#[test]
fn a_specialty_not_declared_is_refused() {
    let g = Given::base();
    let e = g.refused_pay(
        d(2023, 1, 1),
        Spend::base(SpendingCategory::RawMaterials, y(1), SpecialtyIndex(2)),
    );
    assert_eq!(
        e,
        LifecycleError::SpecialtyNotDeclared {
            index: SpecialtyIndex(2),
            declared: 2,
            kind: ProjectKind::TrainingBase
        }
    );
    assert_eq!(e.clause(), ClauseId::C6_1);
    let mut no_specialty = base_spend(y(1));
    no_specialty.specialty = None;
    assert_eq!(
        g.refused_pay(d(2023, 1, 1), no_specialty),
        LifecycleError::SpecialtyMissing
    );
    assert_eq!(
        g.project.specialty_index(&Specialty::new("电工")),
        Some(SpecialtyIndex(1))
    );
    assert_eq!(g.project.specialty_index(&Specialty::new("焊工")), None);

    let mut with_specialty = studio_spend(y(1));
    with_specialty.specialty = Some(SpecialtyIndex(0));
    let e = Given::studio().refused_pay(d(2023, 1, 1), with_specialty);
    assert_eq!(e.clause(), ClauseId::C6_2);
}

#[test]
fn zero_and_amounts_above_the_balance_are_refused_the_exact_balance_is_not() {
    let mut g = Given::studio();
    let e = g.refused_pay(d(2023, 1, 1), studio_spend(Yuan::ZERO));
    assert_eq!(
        (e.clone(), e.clause()),
        (
            LifecycleError::ZeroAmount {
                event: EventKind::Paid
            },
            ClauseId::C7_1
        )
    );
    let e = g.refused_pay(
        d(2023, 1, 1),
        studio_spend(Yuan::from_fen(5_000_001).unwrap()),
    );
    assert_eq!(
        e,
        LifecycleError::AboveBalance {
            amount: Yuan::from_fen(5_000_001).unwrap(),
            balance: y(50_000)
        }
    );
    assert_eq!(e.clause(), ClauseId::C7_1);
    g.pay(d(2023, 1, 1), studio_spend(y(50_000)));
    assert!(g.project.ledger().balance.is_zero());
    let e = g.refused_pay(d(2023, 1, 2), studio_spend(Yuan::from_fen(1).unwrap()));
    assert!(matches!(e, LifecycleError::AboveBalance { .. }));
}

#[test]
fn the_fast_path_agrees_with_decide() {
    let g = Given::base();
    let unit = g.unit();
    let spend = base_spend(y(500));
    let payment = g
        .project
        .decide_payment(&unit, d(2023, 1, 1), &spend)
        .unwrap();
    let events = g
        .project
        .decide(&Command::new(
            unit.clone(),
            d(2023, 1, 1),
            Action::Pay { spend },
        ))
        .unwrap();
    assert_eq!(events, vec![g.project.payment_event(payment).unwrap()]);
    let travel = Spend::base(SpendingCategory::Travel, y(1), SpecialtyIndex(0));
    assert_eq!(
        g.project.decide_payment(&unit, d(2023, 1, 1), &travel),
        Err(LifecycleError::ProhibitedCategory {
            category: SpendingCategory::Travel,
            kind: ProjectKind::TrainingBase
        })
    );
}

// ----- actors -----

#[test]
fn only_the_projects_unit_pays() {
    let g = Given::base();
    let other = Actor::Unit(UnitId::new("U-OTHER"));
    let e = g.refused(
        other,
        d(2023, 1, 1),
        Action::Pay {
            spend: base_spend(y(1)),
        },
    );
    assert_eq!(
        e,
        LifecycleError::NotProjectUnit {
            unit: UnitId::new("U-OTHER")
        }
    );
    assert_eq!(e.clause(), ClauseId::C7_1);
    for actor in [
        Actor::City,
        Actor::CityFinance,
        Actor::ExpertGroup,
        Actor::BannerAuthority(Banner::JungarBanner),
    ] {
        let e = g.refused(
            actor,
            d(2023, 1, 1),
            Action::Pay {
                spend: base_spend(y(1)),
            },
        );
        assert!(
            matches!(
                e,
                LifecycleError::NotPermitted {
                    event: EventKind::Paid,
                    ..
                }
            ),
            "{e:?}"
        );
    }
}

#[test]
fn a_banner_inspects_only_projects_in_its_jurisdiction() {
    let mut g = Given::base();
    let inspect = || Action::Inspect {
        result: InspectionResult::Satisfactory,
        report: "准格尔旗人社局检查".into(),
    };
    let e = g.refused(
        Actor::BannerAuthority(Banner::DaladBanner),
        d(2023, 1, 1),
        inspect(),
    );
    assert!(matches!(e, LifecycleError::OutsideJurisdiction { .. }));
    assert_eq!(e.clause(), ClauseId::C4_1);
    let e = g.refused(
        Actor::BodyAuthority(BodyId::new("city-energy-group")),
        d(2023, 1, 1),
        inspect(),
    );
    assert_eq!(e.clause(), ClauseId::C4_2);
    let events = g.when(
        Actor::BannerAuthority(Banner::JungarBanner),
        d(2023, 1, 1),
        inspect(),
    );
    assert_eq!(events[0].by, Some(Role::LocalAuthority));
    g.when(Actor::City, d(2023, 2, 1), inspect());
    assert_eq!(g.project.inspections(), 2);
    // A banner may inspect but not decide.
    let e = g.refused(
        Actor::BannerAuthority(Banner::JungarBanner),
        d(2023, 3, 1),
        Action::Revoke,
    );
    assert!(matches!(
        e,
        LifecycleError::NotPermitted {
            role: Role::LocalAuthority,
            ..
        }
    ));
}

#[test]
fn a_body_acts_only_on_projects_under_it() {
    let mut g = Given::start(body_base_start());
    let inspect = || Action::Inspect {
        result: InspectionResult::ProblemsFound,
        report: "主管部门检查".into(),
    };
    let e = g.refused(
        Actor::BodyAuthority(BodyId::new("city-transport")),
        d(2023, 1, 1),
        inspect(),
    );
    assert_eq!(e.clause(), ClauseId::C4_2);
    let e = g.refused(
        Actor::BannerAuthority(Banner::JungarBanner),
        d(2023, 1, 1),
        inspect(),
    );
    assert!(matches!(e, LifecycleError::OutsideJurisdiction { .. }));
    g.when(
        Actor::BodyAuthority(BodyId::new("city-energy-group")),
        d(2023, 1, 1),
        inspect(),
    );
    assert_eq!(g.project.inspections(), 1);
}

#[test]
fn the_expert_group_evaluates_a_unit_does_not() {
    let mut g = Given::base();
    let evaluate = || Action::Evaluate {
        stage: 1,
        rating: EvaluationRating::PartlyMeets,
        report: "第一阶段评估".into(),
    };
    let e = g.refused(g.unit(), d(2023, 3, 1), evaluate());
    assert_eq!(
        (e.clone(), e.clause()),
        (
            LifecycleError::NotPermitted {
                role: Role::ProjectUnit,
                event: EventKind::Evaluated
            },
            ClauseId::C7_2
        )
    );
    let e = g.refused(Actor::CityFinance, d(2023, 3, 1), evaluate());
    assert!(matches!(e, LifecycleError::NotPermitted { .. }));
    g.when(Actor::ExpertGroup, d(2023, 3, 1), evaluate());
    assert_eq!(
        g.project.evaluations(),
        (1, Some(EvaluationRating::PartlyMeets))
    );
}

// ----- construction over, acceptance -----

#[test]
fn a_command_after_the_deadline_records_that_construction_ended() {
    let mut g = Given::studio();
    let events = g.when(
        Actor::City,
        d(2023, 10, 10),
        Action::Inspect {
            result: InspectionResult::Satisfactory,
            report: "期满检查".into(),
        },
    );
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].change, Change::DeadlinePassed { lapsed: None });
    assert_eq!((events[0].on, events[0].by), (d(2023, 9, 16), None));
    assert_eq!(events[0].clause(), ClauseId::C6_1);
    assert_eq!(
        EventKind::DeadlinePassed.clause_for(ProjectKind::Studio),
        ClauseId::C6_2
    );
    assert_eq!(events[1].kind(), EventKind::Inspected);
    assert_eq!(g.project.status(), Status::AwaitingAcceptance);
}

#[test]
fn status_on_a_date_sees_the_deadline() {
    let g = Given::studio();
    assert_eq!(
        g.project.status_on(d(2023, 9, 15)),
        Status::UnderConstruction
    );
    assert_eq!(
        g.project.status_on(d(2023, 9, 16)),
        Status::AwaitingAcceptance
    );
    assert_eq!(g.project.status(), Status::UnderConstruction);
}

#[test]
fn acceptance_before_construction_ends_is_refused() {
    let g = Given::base();
    let e = g.refused(
        Actor::City,
        d(2023, 1, 1),
        Action::Accept {
            rated_effective: true,
        },
    );
    assert_eq!(
        e,
        LifecycleError::NotInState {
            status: Status::UnderConstruction,
            event: EventKind::Accepted,
            kind: ProjectKind::TrainingBase
        }
    );
    assert_eq!(e.clause(), ClauseId::C7_2);
}

#[test]
fn early_completion_then_acceptance() {
    let mut g = Given::base();
    g.pay(d(2023, 6, 1), base_spend(y(199_000)));
    let e = g.refused(Actor::City, d(2023, 7, 1), Action::CompleteConstruction);
    assert!(matches!(
        e,
        LifecycleError::NotPermitted {
            role: Role::City,
            ..
        }
    ));
    g.when(g.unit(), d(2023, 7, 1), Action::CompleteConstruction);
    assert_eq!(g.project.status(), Status::AwaitingAcceptance);
    let e = g.refused_pay(d(2023, 7, 2), base_spend(y(1)));
    assert_eq!(e.clause(), ClauseId::C6_1);
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::AwaitingAcceptance,
            ..
        }
    ));
    let e = g.refused(
        Actor::BannerAuthority(Banner::JungarBanner),
        d(2023, 8, 1),
        Action::Accept {
            rated_effective: true,
        },
    );
    assert!(matches!(e, LifecycleError::NotPermitted { .. }));
    let events = g.when(
        Actor::City,
        d(2023, 8, 1),
        Action::Accept {
            rated_effective: true,
        },
    );
    assert_eq!(events.len(), 1);
    assert_eq!(g.project.status(), Status::Accepted);
    assert_eq!(g.project.accepted(), Some((d(2023, 8, 1), true)));
    assert_eq!(g.project.closed_on(), Some(d(2023, 8, 1)));
}

#[test]
fn acceptance_after_the_deadline_and_its_failure() {
    let mut g = Given::studio();
    let events = g.when(Actor::City, d(2023, 11, 1), Action::Reject);
    assert_eq!(
        events.iter().map(Event::kind).collect::<Vec<_>>(),
        vec![EventKind::DeadlinePassed, EventKind::NotAccepted]
    );
    assert_eq!(g.project.status(), Status::NotAccepted);
    assert_eq!(g.project.accepted(), None);
    let e = g.refused(
        Actor::City,
        d(2023, 11, 2),
        Action::Accept {
            rated_effective: false,
        },
    );
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::NotAccepted,
            ..
        }
    ));
}

// ----- revocation and recovery -----

#[test]
fn revocation_needs_a_verified_finding_first() {
    let mut g = Given::base();
    let e = g.refused(Actor::City, d(2023, 1, 1), Action::Revoke);
    assert_eq!(
        (e.clone(), e.clause()),
        (LifecycleError::NoVerifiedFinding, ClauseId::C7_2)
    );
    let e = g.refused(
        g.unit(),
        d(2023, 1, 1),
        Action::VerifyFinding {
            misconduct: Misconduct::TrainingNotCarriedOut,
            report: "x".into(),
        },
    );
    assert!(matches!(e, LifecycleError::NotPermitted { .. }));
    g.finding(d(2023, 1, 1));
    assert_eq!(g.project.findings().len(), 1);
    let e = g.refused(Actor::CityFinance, d(2023, 1, 2), Action::Revoke);
    assert!(matches!(
        e,
        LifecycleError::NotPermitted {
            role: Role::CityFinance,
            ..
        }
    ));
    g.when(Actor::City, d(2023, 1, 2), Action::Revoke);
    assert_eq!(g.project.status(), Status::Revoked);
}

#[test]
fn revocation_during_construction_recovers_everything_released() {
    let mut g = Given::base();
    g.pay(d(2022, 12, 1), base_spend(y(70_000)));
    g.finding(d(2023, 2, 1));
    let events = g.when(Actor::City, d(2023, 2, 10), Action::Revoke);
    assert_eq!(
        events[0].change,
        Change::Revoked {
            recovery_ordered: y(200_000),
            returned_from_account: y(130_000),
            owed: y(70_000)
        }
    );
    let l = g.project.ledger();
    assert_eq!(
        (l.balance, l.spent, l.returned_from_account),
        (Yuan::ZERO, y(70_000), y(130_000))
    );
    assert_eq!(
        (l.recovery_ordered, l.repaid, l.owed),
        (y(200_000), Yuan::ZERO, y(70_000))
    );
    // Nothing more may be paid.
    let e = g.refused_pay(d(2023, 2, 11), base_spend(y(1)));
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::Revoked,
            ..
        }
    ));
    assert_eq!(e.clause(), ClauseId::C7_2);
}

#[test]
fn revocation_after_acceptance() {
    let mut g = Given::studio();
    g.pay(d(2023, 3, 1), studio_spend(y(48_000)));
    g.when(
        Actor::City,
        d(2023, 10, 1),
        Action::Accept {
            rated_effective: true,
        },
    );
    assert_eq!(g.project.status(), Status::Accepted);
    g.when(
        Actor::City,
        d(2024, 4, 1),
        Action::VerifyFinding {
            misconduct: Misconduct::TrainingNotCarriedOut,
            report: "审计发现".into(),
        },
    );
    let events = g.when(Actor::City, d(2024, 5, 1), Action::Revoke);
    assert_eq!(
        events[0].change,
        Change::Revoked {
            recovery_ordered: y(50_000),
            returned_from_account: y(2_000),
            owed: y(48_000)
        }
    );
    assert_eq!(g.project.status(), Status::Revoked);
    assert_eq!(g.project.accepted(), Some((d(2023, 10, 1), true)));
}

#[test]
fn city_finance_records_repayment_in_several_parts() {
    let mut g = Given::base();
    g.pay(d(2022, 12, 1), base_spend(y(70_000)));
    g.finding(d(2023, 2, 1));
    g.when(Actor::City, d(2023, 2, 10), Action::Revoke);

    let e = g.refused(
        Actor::City,
        d(2023, 3, 1),
        Action::RecordRepayment { amount: y(10) },
    );
    assert!(matches!(
        e,
        LifecycleError::NotPermitted {
            role: Role::City,
            event: EventKind::Repaid
        }
    ));
    let e = g.refused(
        Actor::CityFinance,
        d(2023, 3, 1),
        Action::RecordRepayment { amount: Yuan::ZERO },
    );
    assert_eq!(
        e,
        LifecycleError::ZeroAmount {
            event: EventKind::Repaid
        }
    );
    let e = g.refused(
        Actor::CityFinance,
        d(2023, 3, 1),
        Action::RecordRepayment { amount: y(70_001) },
    );
    assert_eq!(
        (e.clone(), e.clause()),
        (
            LifecycleError::AboveOwed {
                amount: y(70_001),
                owed: y(70_000)
            },
            ClauseId::C7_2
        )
    );

    g.when(
        Actor::CityFinance,
        d(2023, 3, 1),
        Action::RecordRepayment { amount: y(30_000) },
    );
    assert_eq!(
        (g.project.ledger().repaid, g.project.ledger().owed),
        (y(30_000), y(40_000))
    );
    g.when(
        Actor::CityFinance,
        d(2023, 6, 1),
        Action::RecordRepayment { amount: y(40_000) },
    );
    let l = g.project.ledger();
    assert_eq!(
        (l.repaid, l.owed, l.recovery_ordered),
        (y(70_000), Yuan::ZERO, y(200_000))
    );
    assert_eq!(g.project.status(), Status::Revoked);
    let e = g.refused(
        Actor::CityFinance,
        d(2023, 7, 1),
        Action::RecordRepayment { amount: y(1) },
    );
    assert!(matches!(e, LifecycleError::AboveOwed { .. }));
}

#[test]
fn repayment_without_revocation_is_refused() {
    let g = Given::base();
    let e = g.refused(
        Actor::CityFinance,
        d(2023, 3, 1),
        Action::RecordRepayment { amount: y(1) },
    );
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::UnderConstruction,
            event: EventKind::Repaid,
            ..
        }
    ));
}

// ----- dissolution -----

#[test]
fn dissolution_with_part_of_the_money_spent() {
    let mut g = Given::base();
    g.pay(d(2023, 1, 5), base_spend(y(45_000)));
    g.pay(
        d(2023, 2, 5),
        Spend::base(
            SpendingCategory::TeacherTraining,
            Yuan::from_fen(1_234_567).unwrap(),
            SpecialtyIndex(1),
        ),
    );
    let e = g.refused(g.unit(), d(2023, 3, 1), Action::Dissolve);
    assert!(matches!(e, LifecycleError::NotPermitted { .. }));
    let events = g.when(Actor::CityFinance, d(2023, 3, 1), Action::Dissolve);
    let spent = Yuan::from_fen(4_500_000 + 1_234_567).unwrap();
    let unspent = y(200_000).checked_sub(spent).unwrap();
    assert_eq!(
        events[0].change,
        Change::Dissolved {
            returned_from_account: unspent,
            spent_for_asset_rules: spent
        }
    );
    assert_eq!(events[0].clause(), ClauseId::C7_3);
    let l = g.project.ledger();
    assert_eq!(
        (
            l.balance,
            l.recovery_ordered,
            l.owed,
            l.spent_for_asset_rules
        ),
        (Yuan::ZERO, unspent, Yuan::ZERO, spent)
    );
    assert_eq!(g.project.status(), Status::Dissolved);
    // Terminal: nothing more happens.
    let e = g.refused(
        Actor::City,
        d(2023, 4, 1),
        Action::Inspect {
            result: InspectionResult::Satisfactory,
            report: "x".into(),
        },
    );
    assert_eq!(e.clause(), ClauseId::C7_3);
    let e = g.refused(
        Actor::CityFinance,
        d(2023, 4, 1),
        Action::RecordRepayment { amount: y(1) },
    );
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::Dissolved,
            ..
        }
    ));
}

#[test]
fn dissolution_after_construction_is_refused() {
    let g = Given::studio();
    let e = g.refused(Actor::City, d(2023, 9, 16), Action::Dissolve);
    assert_eq!(
        e,
        LifecycleError::NotInState {
            status: Status::AwaitingAcceptance,
            event: EventKind::Dissolved,
            kind: ProjectKind::Studio
        }
    );
    assert_eq!(e.clause(), ClauseId::C6_2);
}

// ----- rename -----

fn rename(name: &str) -> Action {
    Action::RequestRename {
        new_name: name.into(),
        cause: RenameCause::Restructuring,
    }
}

#[test]
fn a_base_is_renamed_with_the_citys_approval_and_keeps_its_history() {
    let mut g = Given::base();
    g.pay(d(2023, 1, 1), base_spend(y(1_000)));
    g.when(g.unit(), d(2023, 2, 1), rename("准格尔旗某能源集团"));
    assert_eq!(g.project.status(), Status::PendingRename);
    assert!(matches!(
        g.project.pending(),
        Some(PendingRequest::Rename { .. })
    ));
    // While pending, no spending (7.3: continues after approval).
    let e = g.refused_pay(d(2023, 2, 2), base_spend(y(1)));
    assert_eq!(e.clause(), ClauseId::C7_3);
    // A unit cannot approve its own rename.
    let e = g.refused(g.unit(), d(2023, 2, 3), Action::ApproveRename);
    assert_eq!(
        e,
        LifecycleError::NotPermitted {
            role: Role::ProjectUnit,
            event: EventKind::RenameApproved
        }
    );
    let e = g.refused(
        Actor::BannerAuthority(Banner::JungarBanner),
        d(2023, 2, 3),
        Action::ApproveRename,
    );
    assert!(matches!(e, LifecycleError::NotPermitted { .. }));
    g.when(Actor::City, d(2023, 3, 1), Action::ApproveRename);
    assert_eq!(g.project.status(), Status::UnderConstruction);
    assert_eq!(g.project.unit_name(), "准格尔旗某能源集团");
    assert_eq!(
        g.project.former_names(),
        &[FormerName {
            name: "准格尔旗某煤炭企业".into(),
            replaced_on: d(2023, 3, 1),
            cause: RenameCause::Restructuring
        }]
    );
    assert_eq!(g.project.ledger().spent, y(1_000));
    g.pay(d(2023, 3, 2), base_spend(y(1)));
}

#[test]
fn a_refused_rename_returns_to_construction() {
    let mut g = Given::base();
    g.when(g.unit(), d(2023, 2, 1), rename("新名称某公司"));
    g.when(Actor::City, d(2023, 3, 1), Action::RefuseRename);
    assert_eq!(g.project.status(), Status::UnderConstruction);
    assert_eq!(g.project.unit_name(), "准格尔旗某煤炭企业");
    assert!(g.project.former_names().is_empty());
    let e = g.refused(Actor::City, d(2023, 3, 2), Action::ApproveRename);
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::UnderConstruction,
            ..
        }
    ));
    assert_eq!(e.clause(), ClauseId::C7_3);
}

#[test]
fn a_rename_on_a_studio_is_refused() {
    let g = Given::studio();
    let e = g.refused(g.unit(), d(2023, 2, 1), rename("乌审旗某职业学院"));
    assert_eq!(
        (e.clone(), e.clause()),
        (LifecycleError::RenameOnStudio, ClauseId::C7_3)
    );
    let e = g.refused(Actor::City, d(2023, 2, 1), Action::ApproveRename);
    assert_eq!(e, LifecycleError::RenameOnStudio);
}

#[test]
fn empty_or_unchanged_names_are_refused() {
    let g = Given::base();
    assert_eq!(
        g.refused(g.unit(), d(2023, 2, 1), rename("  ")),
        LifecycleError::EmptyName
    );
    assert_eq!(
        g.refused(g.unit(), d(2023, 2, 1), rename("准格尔旗某煤炭企业")),
        LifecycleError::SameName
    );
}

#[test]
fn a_pending_rename_lapses_when_construction_ends() {
    let mut g = Given::base();
    g.when(g.unit(), d(2024, 8, 1), rename("准格尔旗某能源集团"));
    let events = g.when(
        Actor::City,
        d(2024, 9, 10),
        Action::Inspect {
            result: InspectionResult::Satisfactory,
            report: "x".into(),
        },
    );
    assert_eq!(
        events[0].change,
        Change::DeadlinePassed {
            lapsed: Some(EventKind::RenameRequested)
        }
    );
    assert_eq!(g.project.status(), Status::AwaitingAcceptance);
    assert!(g.project.pending().is_none());
    let e = g.refused(Actor::City, d(2024, 9, 11), Action::ApproveRename);
    assert!(matches!(
        e,
        LifecycleError::NotInState {
            status: Status::AwaitingAcceptance,
            ..
        }
    ));
}

// ----- lead change -----

fn change_lead(to: skill_grants::application::StudioLead) -> Action {
    Action::RequestLeadChange {
        new_lead: to,
        reason: LeadChangeReason::Retirement,
    }
}

#[test]
fn a_studio_changes_its_lead_with_the_citys_approval() {
    let mut g = Given::studio();
    g.when(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-2", "李某", &[Honour::OrdosCraftsman])),
    );
    assert_eq!(g.project.status(), Status::PendingLeadChange);
    let e = g.refused_pay(d(2023, 1, 11), studio_spend(y(1)));
    assert_eq!(e.clause(), ClauseId::C7_4);
    let e = g.refused(g.unit(), d(2023, 1, 12), Action::ApproveLeadChange);
    assert!(matches!(e, LifecycleError::NotPermitted { .. }));
    g.when(Actor::City, d(2023, 2, 1), Action::ApproveLeadChange);
    assert_eq!(g.project.status(), Status::UnderConstruction);
    assert_eq!(g.project.lead().unwrap().id, PersonId::new("P-2"));
    assert_eq!(
        g.project.former_leads(),
        &[FormerLead {
            id: PersonId::new("P-1"),
            name: "王某".into(),
            replaced_on: d(2023, 2, 1),
            reason: LeadChangeReason::Retirement
        }]
    );
}

#[test]
fn a_refused_lead_change_keeps_the_lead() {
    let mut g = Given::studio();
    g.when(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-2", "李某", &[Honour::OrdosCraftsman])),
    );
    g.when(Actor::City, d(2023, 2, 1), Action::RefuseLeadChange);
    assert_eq!(g.project.status(), Status::UnderConstruction);
    assert_eq!(g.project.lead().unwrap().id, PersonId::new("P-1"));
    assert!(g.project.former_leads().is_empty());
}

#[test]
fn a_lead_without_an_honour_is_refused() {
    let g = Given::studio();
    let e = g.refused(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-3", "张某", &[])),
    );
    assert_eq!(
        e,
        LifecycleError::NewLeadWithoutHonour {
            person: PersonId::new("P-3")
        }
    );
    assert_eq!(e.clause(), ClauseId::C7_4);
    let e = g.refused(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-1", "王某", &[Honour::CityTechnicalExpert])),
    );
    assert_eq!(
        e,
        LifecycleError::SameLead {
            person: PersonId::new("P-1")
        }
    );
}

#[test]
fn a_lead_change_on_a_base_is_refused() {
    let g = Given::base();
    let e = g.refused(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-2", "李某", &[Honour::OrdosCraftsman])),
    );
    assert_eq!(
        (e.clone(), e.clause()),
        (LifecycleError::LeadChangeOnBase, ClauseId::C7_4)
    );
}

#[test]
fn revocation_while_a_request_is_pending_drops_it() {
    let mut g = Given::studio();
    g.when(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-2", "李某", &[Honour::OrdosCraftsman])),
    );
    g.finding(d(2023, 1, 20));
    assert_eq!(g.project.status(), Status::PendingLeadChange);
    g.when(Actor::City, d(2023, 2, 1), Action::Revoke);
    assert_eq!(g.project.status(), Status::Revoked);
    assert!(g.project.pending().is_none());
}

// ----- replay -----

/// The events of a sealed log.
fn plain(log: &[Sealed<Event>]) -> Vec<Event> {
    log.iter().map(|r| r.event.clone()).collect()
}

/// Seals events afresh (what someone who rewrites the whole log and its head
/// can do): the chain holds, so only the lifecycle's own checks can refuse.
fn reseal(events: Vec<Event>) -> Vec<Sealed<Event>> {
    let mut head = Head::GENESIS;
    events
        .into_iter()
        .map(|e| {
            let (record, next) = chain::seal(head, e).unwrap();
            head = next;
            record
        })
        .collect()
}

/// Replay; and, when the chain holds, the replay of the verified log, which
/// must give the same project or the same refusal (the same law, only the
/// hashing left out) — so every refusal below is also one of
/// `Project::replay_verified`.
fn replay(log: &[Sealed<Event>]) -> Result<Project, ReplayError> {
    let policy = Policy::ordos_2022();
    let replayed = Project::replay(log, &policy, None);
    if let Ok(verified) = Verified::verify(log) {
        assert_eq!(Project::replay_verified(&verified, &policy), replayed);
    }
    replayed
}

fn replay_events(events: Vec<Event>) -> Result<Project, ReplayError> {
    replay(&reseal(events))
}

fn sample_log() -> Vec<Sealed<Event>> {
    let mut g = Given::base();
    g.pay(d(2023, 1, 1), base_spend(y(60_000)));
    g.when(g.unit(), d(2023, 2, 1), rename("准格尔旗某能源集团"));
    g.when(Actor::City, d(2023, 3, 1), Action::ApproveRename);
    g.pay(d(2023, 4, 1), base_spend(y(10_000)));
    g.finding(d(2023, 5, 1));
    g.when(Actor::City, d(2023, 5, 2), Action::Revoke);
    g.when(
        Actor::CityFinance,
        d(2023, 6, 1),
        Action::RecordRepayment { amount: y(20_000) },
    );
    g.log
}

#[test]
fn replay_refuses_recorded_dissolution_amounts_and_a_padded_new_name_that_the_state_does_not_give()
{
    // Given a base dissolved during construction (R14: the balance returned,
    // the spending on assets kept on record),
    let mut g = Given::base();
    g.pay(d(2023, 1, 1), base_spend(y(60_000)));
    g.when(Actor::CityFinance, d(2023, 3, 1), Action::Dissolve);
    let events = plain(&g.log);
    replay_events(events.clone()).unwrap();
    let at = events
        .iter()
        .position(|e| e.kind() == EventKind::Dissolved)
        .unwrap();
    // when its record states other amounts and the log is sealed afresh,
    for (returned, spent) in [(y(130_000), y(60_000)), (y(140_000), y(50_000))] {
        let mut cooked = events.clone();
        cooked[at].change = Change::Dissolved {
            returned_from_account: returned,
            spent_for_asset_rules: spent,
        };
        // then replay refuses it at that record.
        let e = replay_events(cooked).unwrap_err();
        assert_eq!(
            (e.position, e.reason),
            (at, ReplayReason::RecordedDiffers { field: "dissolved" })
        );
    }

    // Given a rename request (7.3) whose recorded name has spaces around it,
    // which `decide` never records (it records the name trimmed),
    let mut padded = plain(&sample_log());
    let at = padded
        .iter()
        .position(|e| e.kind() == EventKind::RenameRequested)
        .unwrap();
    let Change::RenameRequested { new_name, .. } = &mut padded[at].change else {
        panic!("not a rename request");
    };
    *new_name = format!(" {new_name} ");
    // then replay refuses it at that record.
    let e = replay_events(padded).unwrap_err();
    assert_eq!(
        (e.position, e.reason),
        (at, ReplayReason::RecordedDiffers { field: "new_name" })
    );
}

#[test]
fn replay_against_a_head_the_log_departs_from_names_the_record_at_the_head() {
    // Given the host's head taken from another log of the same length,
    let log = sample_log();
    let mut other = plain(&log);
    other[1].on = d(2023, 1, 2);
    let other = reseal(other);
    let head = other[2].head();
    // when the log is replayed against it,
    let e = Project::replay(&log, &Policy::ordos_2022(), Some(&head)).unwrap_err();
    // then the refusal is at the record whose hash the head does not match
    // (sequence number 3, the third record).
    assert!(
        matches!(
            e.reason,
            ReplayReason::Chain(ChainError::Diverged { seq: 3, .. })
        ),
        "{e}"
    );
    assert_eq!(e.position, 2);
}

#[test]
fn replay_refuses_a_corrupt_log_with_position_and_reason() {
    let sealed = sample_log();
    replay(&sealed).unwrap();
    let log = plain(&sealed);

    assert_eq!(replay(&[]).unwrap_err().reason, ReplayReason::Empty);
    let e = replay_events(log[1..].to_vec()).unwrap_err();
    assert_eq!(
        (e.position, e.reason),
        (
            0,
            ReplayReason::NotStarted {
                found: EventKind::Paid
            }
        )
    );

    let mut wrong = log.clone();
    wrong[3].project = ProjectId::new("2022-B-99");
    let e = replay_events(wrong).unwrap_err();
    assert_eq!(e.position, 3);
    assert_eq!(
        e.reason,
        ReplayReason::WrongProject {
            expected: ProjectId::new("2022-B-01"),
            found: ProjectId::new("2022-B-99")
        }
    );

    let mut swapped = log.clone();
    swapped.swap(1, 4);
    let e = replay_events(swapped).unwrap_err();
    assert_eq!(e.position, 2);
    assert!(matches!(e.reason, ReplayReason::OutOfOrder { .. }), "{e}");

    // A payment after the revocation: impossible in its state.
    let mut late = log.clone();
    late.push(Event {
        on: d(2023, 7, 1),
        ..log[1].clone()
    });
    let e = replay_events(late).unwrap_err();
    assert_eq!(e.position, log.len());
    assert!(matches!(
        e.reason,
        ReplayReason::Refused(LifecycleError::NotInState {
            status: Status::Revoked,
            ..
        })
    ));
    assert_eq!(e.reason.clause(), ClauseId::C7_2);

    // Recorded amounts that the state does not give.
    let mut cooked = log.clone();
    let pos = cooked
        .iter()
        .position(|e| e.kind() == EventKind::Revoked)
        .unwrap();
    cooked[pos].change = Change::Revoked {
        recovery_ordered: y(200_000),
        returned_from_account: y(130_000),
        owed: y(60_000),
    };
    let e = replay_events(cooked).unwrap_err();
    assert_eq!(
        (e.position, e.reason),
        (pos, ReplayReason::RecordedDiffers { field: "revoked" })
    );

    // A second start.
    let mut twice = log.clone();
    twice.insert(1, Event { ..log[0].clone() });
    assert_eq!(
        replay_events(twice).unwrap_err().reason,
        ReplayReason::StartedAgain
    );

    // A payment recorded as the city's.
    let mut by_city = log.clone();
    by_city[1].by = Some(Role::City);
    let e = replay_events(by_city).unwrap_err();
    assert_eq!(
        e.reason,
        ReplayReason::Refused(LifecycleError::NotPermitted {
            role: Role::City,
            event: EventKind::Paid
        })
    );
}

#[test]
fn replay_refuses_events_after_the_deadline_without_its_record() {
    let mut g = Given::studio();
    g.when(
        Actor::City,
        d(2023, 10, 1),
        Action::Accept {
            rated_effective: false,
        },
    );
    let mut log = plain(&g.log);
    assert_eq!(log[1].kind(), EventKind::DeadlinePassed);
    log.remove(1);
    let e = replay_events(log).unwrap_err();
    assert_eq!(
        (e.position, e.reason),
        (
            1,
            ReplayReason::DeadlineMisrecorded {
                expected: d(2023, 9, 16),
                found: d(2023, 10, 1)
            }
        )
    );
    let mut misdated = plain(&g.log);
    misdated[1].on = d(2023, 9, 20);
    assert!(matches!(
        replay_events(misdated).unwrap_err().reason,
        ReplayReason::DeadlineMisrecorded { .. }
    ));
    let mut with_actor = plain(&g.log);
    with_actor[1].by = Some(Role::City);
    assert!(matches!(
        replay_events(with_actor).unwrap_err().reason,
        ReplayReason::WrongActor { .. }
    ));
}

#[test]
fn the_state_on_a_past_date() {
    let log = sample_log();
    assert_eq!(
        Project::state_on(&log, &Policy::ordos_2022(), d(2022, 8, 31)).unwrap(),
        None
    );
    let on_release = Project::state_on(&log, &Policy::ordos_2022(), d(2022, 9, 1))
        .unwrap()
        .unwrap();
    assert_eq!(on_release.ledger().balance, y(200_000));
    let mid = Project::state_on(&log, &Policy::ordos_2022(), d(2023, 2, 15))
        .unwrap()
        .unwrap();
    assert_eq!(mid.status(), Status::PendingRename);
    assert_eq!(mid.ledger().spent, y(60_000));
    assert_eq!(mid.unit_name(), "准格尔旗某煤炭企业");
    let end = Project::state_on(&log, &Policy::ordos_2022(), d(2030, 1, 1))
        .unwrap()
        .unwrap();
    assert_eq!(end, replay(&log).unwrap());
    assert_eq!(end.unit_name(), "准格尔旗某能源集团");
    assert_eq!(end.ledger().owed, y(50_000));
}

#[test]
fn the_state_on_each_date_from_a_log_verified_once() {
    // Given a log verified once against its head
    let log = sample_log();
    let policy = Policy::ordos_2022();
    let head = log.last().unwrap().head();
    let verified = Verified::verify_against(&log, &head).unwrap();
    // When the state is asked for on every day from before the release to
    // after the last event
    let mut on = d(2022, 8, 30);
    while on <= d(2023, 6, 2) {
        // Then it is the state `state_on` gives, which verifies the chain
        // each time
        assert_eq!(
            Project::state_on_verified(&verified, &policy, on),
            Project::state_on(&log, &policy, on),
            "{on}"
        );
        on = on.succ_opt().unwrap();
    }
    assert_eq!(
        Project::replay_verified(&verified, &policy).unwrap(),
        Project::replay(&log, &policy, Some(&head)).unwrap()
    );
}

#[test]
fn a_verified_log_of_unlawful_events_is_still_refused() {
    // Given logs sealed afresh (so that the chain holds) around events the
    // law refuses: travel paid (6.1), a payment by the city, a second
    // start, an amount above the balance
    let policy = Policy::ordos_2022();
    let log = plain(&sample_log());
    let paid = log[1].clone();
    let pay = |spend: Spend| Event {
        change: Change::Paid { spend },
        ..paid.clone()
    };
    let travel = Spend::base(SpendingCategory::Travel, y(1), SpecialtyIndex(0));
    let mut by_city = paid.clone();
    by_city.by = Some(Role::City);
    let cases: Vec<(&str, Vec<Event>, ReplayReason)> = vec![
        (
            "travel",
            vec![log[0].clone(), pay(travel)],
            ReplayReason::Refused(LifecycleError::ProhibitedCategory {
                category: SpendingCategory::Travel,
                kind: ProjectKind::TrainingBase,
            }),
        ),
        (
            "paid by the city",
            vec![log[0].clone(), by_city],
            ReplayReason::Refused(LifecycleError::NotPermitted {
                role: Role::City,
                event: EventKind::Paid,
            }),
        ),
        (
            "a second start",
            vec![log[0].clone(), log[0].clone()],
            ReplayReason::StartedAgain,
        ),
        (
            "above the balance",
            vec![log[0].clone(), pay(base_spend(y(200_001)))],
            ReplayReason::Refused(LifecycleError::AboveBalance {
                amount: y(200_001),
                balance: y(200_000),
            }),
        ),
    ];
    for (what, events, reason) in cases {
        let sealed = reseal(events);
        // When the chain is verified, and the verified log replayed
        let verified = Verified::verify(&sealed).unwrap();
        let e = Project::replay_verified(&verified, &policy).unwrap_err();
        // Then the law refuses the event, at its position, as replay does
        assert_eq!((e.position, &e.reason), (1, &reason), "{what}");
        assert_eq!(Project::replay(&sealed, &policy, None), Err(e.clone()));
        assert_eq!(
            Project::state_on_verified(&verified, &policy, d(2030, 1, 1)),
            Err(e),
            "{what}"
        );
    }
    // And an empty verified log is refused as an empty log.
    let empty: Vec<Sealed<Event>> = Vec::new();
    let verified = Verified::verify(&empty).unwrap();
    assert_eq!(
        Project::replay_verified(&verified, &policy)
            .unwrap_err()
            .reason,
        ReplayReason::Empty
    );
}

// ----- rendering and storage -----

#[test]
fn refusals_explain_themselves_in_both_languages() {
    let d1 = d(2023, 9, 16);
    let errors = vec![
        LifecycleError::ProhibitedCategory {
            category: SpendingCategory::LabourFees,
            kind: ProjectKind::TrainingBase,
        },
        LifecycleError::AfterDeadline {
            date: d1,
            deadline: d(2023, 9, 15),
            kind: ProjectKind::Studio,
        },
        LifecycleError::AboveBalance {
            amount: y(60_000),
            balance: y(50_000),
        },
        LifecycleError::NotPermitted {
            role: Role::ProjectUnit,
            event: EventKind::RenameApproved,
        },
        LifecycleError::OutsideJurisdiction {
            actor: Actor::BannerAuthority(Banner::DaladBanner),
            seat: skill_grants::domain::Seat::Banner(Banner::JungarBanner),
        },
        LifecycleError::NotInState {
            status: Status::PendingLeadChange,
            event: EventKind::Paid,
            kind: ProjectKind::Studio,
        },
        LifecycleError::NoVerifiedFinding,
        LifecycleError::RenameOnStudio,
        LifecycleError::NewLeadWithoutHonour {
            person: PersonId::new("P-3"),
        },
        LifecycleError::AboveOwed {
            amount: y(1),
            owed: Yuan::ZERO,
        },
    ];
    let text: Vec<String> = errors
        .iter()
        .flat_map(|e| [e.explain(Lang::Zh), e.explain(Lang::En)])
        .collect();
    insta::assert_snapshot!("lifecycle_refusals", text.join("\n"));
}

#[test]
fn a_log_serializes_in_a_stable_shape_and_round_trips() {
    let sealed = sample_log();
    let log = plain(&sealed);
    let json = serde_json::to_value(&log).unwrap();
    insta::assert_json_snapshot!("lifecycle_sample_log", json);
    let back: Vec<Event> = serde_json::from_value(json).unwrap();
    assert_eq!(back, log);
    // The sealed log round-trips; a project is restored by replaying it
    // (against the head kept apart), never deserialized.
    let project = replay(&sealed).unwrap();
    let text = serde_json::to_string(&sealed).unwrap();
    let stored: Vec<Sealed<Event>> = serde_json::from_str(&text).unwrap();
    assert_eq!(stored, sealed);
    let again = Project::replay(&stored, &Policy::ordos_2022(), Some(&project.head())).unwrap();
    assert_eq!(again, project);
}

#[test]
fn categories_name_themselves_in_both_languages() {
    let zh: Vec<_> = SpendingCategory::ALL
        .iter()
        .map(|c| c.name(Lang::Zh))
        .collect();
    assert!(zh.contains(&"技能研修实训设备的购置改造与维护"));
    assert!(zh.contains(&"劳务费"));
    let mut en: Vec<_> = SpendingCategory::ALL
        .iter()
        .map(|c| c.name(Lang::En))
        .collect();
    en.sort_unstable();
    en.dedup();
    assert_eq!(en.len(), 14);
}

// ----- concurrency and the sealed log (issue 15) -----

#[test]
fn two_payments_decided_on_one_snapshot_the_second_is_refused_not_dropped() {
    let mut g = Given::base();
    let pay = Command::new(
        g.unit(),
        d(2023, 1, 10),
        Action::Pay {
            spend: base_spend(y(150_000)),
        },
    );
    let first = g.project.decide(&pay).unwrap();
    let second = g.project.decide(&pay).unwrap();
    g.project.apply(&first[0]).unwrap();
    let before = g.project.clone();
    let e = g.project.apply(&second[0]).unwrap_err();
    assert_eq!(
        e,
        ApplyError::Stale {
            expected: 3,
            found: 2
        }
    );
    assert!(e.to_string().contains("decided against another state"));
    assert_eq!(g.project, before);
    assert_eq!(g.project.ledger().payments, 1);
    // Decided again on the current state, the second payment is refused by
    // the balance rule: the money is never silently lost.
    let again = g.project.execute(&pay).unwrap_err();
    assert_eq!(again.kind(), LifecycleErrorKind::AboveBalance);
    g.project.check_invariants().unwrap();
}

#[test]
fn apply_refuses_a_record_not_chained_to_the_head_or_of_another_project() {
    let mut g = Given::base();
    let pay = Command::new(
        g.unit(),
        d(2023, 1, 10),
        Action::Pay {
            spend: base_spend(y(1_000)),
        },
    );
    let records = g.project.decide(&pay).unwrap();
    let mut forged = records[0].clone();
    if let Change::Paid { spend } = &mut forged.event.change {
        spend.amount = y(2_000);
    }
    assert!(matches!(
        g.project.apply(&forged).unwrap_err(),
        ApplyError::Record(chain::ChainError::Hash { .. })
    ));
    let before = g.project.clone();
    let other = Given::studio();
    let e = g
        .project
        .apply(
            &chain::seal(g.project.head(), other.log[0].event.clone())
                .unwrap()
                .0,
        )
        .unwrap_err();
    assert!(matches!(e, ApplyError::WrongProject { .. }), "{e}");
    assert_eq!(g.project, before);
    g.project.apply(&records[0]).unwrap();
}

/// Seals `change` by the city on `on`, in its place after the project's
/// head, and hands it to `apply`, which must refuse it and change nothing;
/// the refusal.
fn apply_refused_city_record(g: &mut Given, on: chrono::NaiveDate, change: Change) -> ApplyError {
    let forged = Event {
        project: g.project.id().clone(),
        on,
        by: Some(Role::City),
        change,
    };
    let (record, _) = chain::seal(g.project.head(), forged).unwrap();
    let before = g.project.clone();
    let e = g.project.apply(&record).unwrap_err();
    assert_eq!(g.project, before);
    e
}

/// R13, 7.1: a sealed revocation whose recorded return exceeds the balance
/// (and so differs from what the state gives) is refused by `apply` as
/// replay would refuse it, before any arithmetic; nothing changes.
#[test]
fn apply_refuses_a_revocation_whose_amounts_are_not_the_states() {
    let mut g = Given::base();
    g.finding(d(2023, 3, 1));
    let e = apply_refused_city_record(
        &mut g,
        d(2023, 3, 2),
        Change::Revoked {
            recovery_ordered: y(200_000),
            returned_from_account: y(300_000),
            owed: Yuan::ZERO,
        },
    );
    assert!(
        matches!(
            &e,
            ApplyError::Unlawful(reason)
                if **reason == ReplayReason::RecordedDiffers { field: "revoked" }
        ),
        "{e}"
    );
    assert_eq!(g.project.status(), Status::UnderConstruction);
}

#[test]
fn execute_decides_and_applies_and_the_head_follows_the_log() {
    let mut g = Given::base();
    let records = g
        .project
        .execute(&Command::new(
            g.unit(),
            d(2024, 9, 10),
            Action::CompleteConstruction,
        ))
        .unwrap_err();
    // After the deadline, completion is no longer possible.
    assert_eq!(records.kind(), LifecycleErrorKind::NotInState);
    let records = g
        .project
        .execute(&Command::new(
            Actor::City,
            d(2024, 9, 10),
            Action::Accept {
                rated_effective: true,
            },
        ))
        .unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!((records[0].seq, records[1].seq), (2, 3));
    assert_eq!(records[1].prev, records[0].hash);
    assert_eq!(g.project.head(), records[1].head());
    assert_eq!(g.project.event_count(), 3);
}

#[test]
fn a_rename_to_a_name_with_a_control_character_is_refused() {
    let mut g = Given::base();
    let e = g.refused(g.unit(), d(2023, 2, 1), rename("新\u{7}名"));
    assert!(matches!(e, LifecycleError::BadText { ref field, .. } if field == "new_name"));
    assert_eq!(e.clause(), ClauseId::C7_3);
    let e = g.refused(g.unit(), d(2023, 2, 1), rename("\u{200B}\u{FEFF}"));
    assert!(matches!(
        e,
        LifecycleError::BadText {
            problem: TextProblem::Invisible,
            ..
        }
    ));
    // A name with a zero-width joiner among visible characters is a name.
    g.when(
        g.unit(),
        d(2023, 2, 1),
        rename("准格尔旗\u{200D}某能源集团"),
    );
}

/// Seals, in its place, the city's refusal of the other kind's request (7.3
/// renames are for bases, 7.4 lead changes for studios) while a request of
/// the project's own kind is pending, and hands it to `apply`: `decide` would
/// never make it, and `apply` refuses it as replay would (the law in the
/// project's state), so the pending request is not lost and nothing changes.
fn a_foreign_refusal_is_refused(g: &mut Given, on: chrono::NaiveDate, change: Change) {
    let e = apply_refused_city_record(g, on, change);
    assert!(
        matches!(
            &e,
            ApplyError::Unlawful(reason) if matches!(**reason, ReplayReason::Refused(_))
        ),
        "{e}"
    );
    assert!(g.project.pending().is_some());
    g.project.check_invariants().unwrap();
}

/// 7.3, 7.4: the city decides on a request only while that very request is
/// pending; a sealed decision on the other kind's request is refused by
/// `apply`, and the pending request is then approved or refused as usual.
#[test]
fn a_decision_on_a_request_needs_that_request_pending() {
    let mut g = Given::base();
    g.when(g.unit(), d(2023, 2, 1), rename("准格尔旗某能源集团"));
    a_foreign_refusal_is_refused(&mut g, d(2023, 2, 2), Change::LeadChangeRefused);
    a_foreign_refusal_is_refused(&mut g, d(2023, 2, 2), Change::LeadChangeApproved);
    assert_eq!(g.project.status(), Status::PendingRename);
    g.when(Actor::City, d(2023, 2, 3), Action::ApproveRename);
    assert_eq!(g.project.unit_name(), "准格尔旗某能源集团");

    let mut g = Given::studio();
    g.when(
        g.unit(),
        d(2023, 1, 10),
        change_lead(lead("P-2", "李某", &[Honour::OrdosCraftsman])),
    );
    a_foreign_refusal_is_refused(&mut g, d(2023, 1, 11), Change::RenameRefused);
    a_foreign_refusal_is_refused(&mut g, d(2023, 1, 11), Change::RenameApproved);
    assert_eq!(g.project.status(), Status::PendingLeadChange);
    g.when(Actor::City, d(2023, 1, 12), Action::RefuseLeadChange);
    assert_eq!(g.project.lead().unwrap().id, PersonId::new("P-1"));
}
