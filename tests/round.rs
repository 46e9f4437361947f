//! The annual round: R8 refusals, city review and ranking (R9), funding from two
//! funds (2.2, R4), programme totals (R3), public notice and objections (5, R9),
//! release, serde at every step, and snapshots of a complete round in both languages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod round_support;

use round_support::*;
use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::eligibility;
use skill_grants::round::*;
use skill_grants::{Banner, ClauseId, Fund, HolidayCalendar, Lang, Policy, ProjectKind, Yuan};

const DALAD: Banner = Banner::DaladBanner;
const OTOG: Banner = Banner::OtogBanner;
const BODY: &str = "市某局";

fn open_round(places: (u32, u32), balances: (u32, u32)) -> Round {
    Round::set_up(
        Policy::ordos_2022(),
        setup(places, quotas(3, &[BODY]), balances),
    )
    .unwrap()
}

fn refusals(receipt: &SubmissionReceipt, app: &str) -> Vec<Refusal> {
    receipt
        .refused
        .iter()
        .find(|(a, _)| a.as_str() == app)
        .map(|(_, r)| r.to_vec())
        .unwrap_or_default()
}

// ---------- R8: whole-list refusals ----------

#[test]
fn a_list_longer_than_the_quota_is_refused_whole() {
    // Given a quota of 3 bases for Dalad Banner
    let mut round = open_round((5, 5), (1_000_000, 0));
    // When Dalad lists 4
    let apps = (1..=4)
        .map(|i| {
            base(
                &format!("A-{i}"),
                &format!("U-{i}"),
                "达拉特旗某职业技术学校",
                in_banner(DALAD),
            )
        })
        .collect();
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            apps,
        ))
        .unwrap();
    // Then the whole list is refused, citing 4.3
    assert!(!receipt.accepted());
    assert_eq!(
        receipt.list_refused,
        vec![Refusal::OverQuota {
            listed: 4,
            quota: 3
        }]
    );
    assert!(receipt.admitted.is_empty());
    let out = round.outcome().unwrap();
    assert!(
        out.candidates
            .iter()
            .all(|c| matches!(c.verdict, Verdict::Refused { .. }))
    );
    assert_eq!(
        out.candidates[0].clauses,
        vec![ClauseId::C4_1, ClauseId::C4_3]
    );
}

#[test]
fn a_recommender_without_a_quota_has_a_quota_of_zero() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let receipt = round
        .submit(recommendation(
            body("市某未分配名额单位"),
            ProjectKind::Studio,
            vec![studio(
                "S-1",
                "U-1",
                "市某集团直属企业",
                under("市某未分配名额单位"),
            )],
        ))
        .unwrap();
    assert_eq!(
        receipt.list_refused,
        vec![Refusal::OverQuota {
            listed: 1,
            quota: 0
        }]
    );
}

#[test]
fn a_report_missing_any_part_refuses_the_list() {
    for (report, missing) in [
        (
            RecommendationReport::new("", "评审方法", "专家组成"),
            vec![ReportPart::Procedure],
        ),
        (
            RecommendationReport::new("程序", "  ", "专家组成"),
            vec![ReportPart::Methods],
        ),
        (
            RecommendationReport::new("程序", "方法", ""),
            vec![ReportPart::ExpertComposition],
        ),
        (
            RecommendationReport::default(),
            vec![
                ReportPart::Procedure,
                ReportPart::Methods,
                ReportPart::ExpertComposition,
            ],
        ),
    ] {
        let mut round = open_round((5, 5), (1_000_000, 0));
        let receipt = round
            .submit(Recommendation {
                recommender: banner(DALAD),
                kind: ProjectKind::TrainingBase,
                report,
                candidates: vec![base(
                    "A-1",
                    "U-1",
                    "达拉特旗某职业技术学校",
                    in_banner(DALAD),
                )],
            })
            .unwrap();
        assert_eq!(
            receipt.list_refused,
            vec![Refusal::ReportIncomplete { missing }]
        );
        let out = round.outcome().unwrap();
        assert_eq!(out.lists[0].admitted, 0);
        assert!(out.candidates[0].explain(Lang::Zh).contains("推荐报告缺少"));
    }
}

#[test]
fn a_unit_listed_twice_refuses_the_list() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![
                base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD)),
                base("A-2", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD)),
            ],
        ))
        .unwrap();
    assert_eq!(
        receipt.list_refused,
        vec![Refusal::UnitListedTwice {
            unit: UnitId::new("U-1")
        }]
    );
}

#[test]
fn an_application_listed_twice_refuses_the_list() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let a = base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD));
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![a.clone(), a],
        ))
        .unwrap();
    assert!(
        receipt
            .list_refused
            .contains(&Refusal::ApplicationListedTwice {
                application: ApplicationId::new("A-1")
            })
    );
}

#[test]
fn a_refused_list_may_be_submitted_again_but_a_standing_one_may_not() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let apps: Vec<_> = (1..=4)
        .map(|i| {
            base(
                &format!("A-{i}"),
                &format!("U-{i}"),
                "达拉特旗某职业技术学校",
                in_banner(DALAD),
            )
        })
        .collect();
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            apps.clone(),
        ))
        .unwrap();
    // The recommender chooses three.
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            apps[..3].to_vec(),
        ))
        .unwrap();
    assert!(receipt.accepted());
    let list = &round.lists()[0];
    assert_eq!(list.earlier_attempts.len(), 1);
    assert_eq!(list.earlier_attempts[0].applications.len(), 4);
    // A third submission is an error and changes nothing.
    let before = round.clone();
    let err = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            apps[..1].to_vec(),
        ))
        .unwrap_err();
    assert_eq!(
        err,
        RoundError::AlreadySubmitted {
            recommender: banner(DALAD),
            kind: ProjectKind::TrainingBase
        }
    );
    assert_eq!(round, before);
}

// ---------- R8: one-by-one refusals ----------

#[test]
fn a_candidate_from_another_banners_jurisdiction_is_refused_and_the_rest_stand() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![
                base("A-1", "U-1", "鄂托克旗某化工企业", in_banner(OTOG)),
                base("A-2", "U-2", "达拉特旗某职业技术学校", in_banner(DALAD)),
            ],
        ))
        .unwrap();
    assert!(receipt.accepted());
    assert_eq!(receipt.admitted, vec![ApplicationId::new("A-2")]);
    assert_eq!(
        refusals(&receipt, "A-1"),
        vec![Refusal::OutsideJurisdiction {
            banner: DALAD,
            seat: in_banner(OTOG)
        }]
    );
    let out = round.outcome().unwrap();
    let a1 = out
        .candidates
        .iter()
        .find(|c| c.application.as_str() == "A-1")
        .unwrap();
    assert_eq!(a1.clauses, vec![ClauseId::C4_1]);
    assert_eq!(
        a1.explain(Lang::Zh),
        "不予受理：单位属鄂托克旗，不在达拉特旗辖区内〔四（一）〕"
    );
}

#[test]
fn a_body_may_list_only_independent_legal_persons_directly_under_it() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let mut branch = studio("S-2", "U-2", "市某局直属单位某分支机构", under(BODY));
    branch.unit.independent_legal_person = false;
    let receipt = round
        .submit(recommendation(
            body(BODY),
            ProjectKind::Studio,
            vec![
                studio("S-1", "U-1", "市某局直属单位", under(BODY)),
                branch,
                studio("S-3", "U-3", "市另一局直属单位", under("市另一局")),
            ],
        ))
        .unwrap();
    assert_eq!(receipt.admitted, vec![ApplicationId::new("S-1")]);
    // The list check (R8) says so; the eligibility decision, which fails only
    // on the same rule of 4.2, is not given a second time.
    assert_eq!(
        refusals(&receipt, "S-2"),
        vec![Refusal::NotIndependentLegalPerson {
            body: BodyId::new(BODY)
        }]
    );
    assert_eq!(
        refusals(&receipt, "S-3"),
        vec![Refusal::NotUnderBody {
            body: BodyId::new(BODY),
            seat: under("市另一局")
        }]
    );
    assert_eq!(
        Refusal::NotUnderBody {
            body: BodyId::new(BODY),
            seat: under("市另一局")
        }
        .clauses(&body(BODY)),
        vec![ClauseId::C4_2]
    );
}

#[test]
fn ineligible_candidates_are_refused_one_by_one_with_their_decision() {
    // Given a base at a unit of kind Other (R1) and a studio lead with no honour (R2).
    // R1 refuses a base at a unit of another kind; R2 a studio lead with no honour.
    let policy = Policy::ordos_2022();
    let mut other = base("A-1", "U-1", "达拉特旗某商贸公司", in_banner(DALAD));
    other.unit.kind = UnitKind::Other;
    let good = base("A-2", "U-2", "达拉特旗某职业技术学校", in_banner(DALAD));
    let mut round = open_round((5, 5), (1_000_000, 0));
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![other.clone(), good],
        ))
        .unwrap();
    let decision = eligibility::decide(&policy, &other).unwrap();
    assert!(!decision.is_eligible());
    assert_eq!(
        refusals(&receipt, "A-1"),
        vec![Refusal::Ineligible { decision }]
    );
    assert!(!receipt.admitted.contains(&ApplicationId::new("A-1")));
    assert!(receipt.admitted.contains(&ApplicationId::new("A-2")));

    let mut no_honour = studio("S-1", "U-3", "达拉特旗某能源企业", in_banner(DALAD));
    no_honour.lead.as_mut().unwrap().honours.clear();
    let good = studio("S-2", "U-4", "达拉特旗某煤化工企业", in_banner(DALAD));
    let receipt = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::Studio,
            vec![no_honour.clone(), good],
        ))
        .unwrap();
    let decision = eligibility::decide(&policy, &no_honour).unwrap();
    assert!(!decision.is_eligible());
    assert_eq!(
        refusals(&receipt, "S-1"),
        vec![Refusal::Ineligible { decision }]
    );
    assert_eq!(receipt.admitted, vec![ApplicationId::new("S-2")]);
}

#[test]
fn an_entry_on_two_recommenders_lists_is_refused_on_both_whatever_the_order() {
    // The same unit id, claimed by Dalad and by a body (the host's data disagree).
    let a = base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD));
    let mut b = base("A-9", "U-1", "达拉特旗某职业技术学校", under(BODY));
    b.unit.seat = under(BODY);
    let run = |first_dalad: bool| {
        let mut round = open_round((5, 5), (1_000_000, 0));
        let ra = recommendation(banner(DALAD), ProjectKind::TrainingBase, vec![a.clone()]);
        let rb = recommendation(body(BODY), ProjectKind::TrainingBase, vec![b.clone()]);
        if first_dalad {
            round.submit(ra).unwrap();
            round.submit(rb).unwrap();
        } else {
            round.submit(rb).unwrap();
            round.submit(ra).unwrap();
        }
        round.close_submissions().unwrap();
        round
    };
    let one = run(true);
    assert_eq!(one, run(false));
    let out = one.outcome().unwrap();
    assert_eq!(
        verdict(&out, "A-1"),
        &Verdict::Refused {
            reasons: vec![Refusal::ListedByOthers {
                others: vec![body(BODY)]
            }]
        }
    );
    assert_eq!(
        verdict(&out, "A-9"),
        &Verdict::Refused {
            reasons: vec![Refusal::ListedByOthers {
                others: vec![banner(DALAD)]
            }]
        }
    );
}

#[test]
fn closing_refuses_each_entry_listed_by_others_and_only_those_wherever_they_stand_in_the_lists() {
    // Given two lists in which the entries claimed by both recommenders (units
    // U-1 and U-3, placed in Dalad by one and under the body by the other)
    // stand first and last, with entries only one recommender lists between.
    let dalad = vec![
        base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD)),
        base("A-2", "U-2", "达拉特旗某技工学校", in_banner(DALAD)),
        base("A-3", "U-3", "达拉特旗某装备制造企业", in_banner(DALAD)),
    ];
    let by_body = vec![
        base("A-9", "U-1", "达拉特旗某职业技术学校", under(BODY)),
        base("A-8", "U-5", "某集团直属某技工学校", under(BODY)),
        base("A-7", "U-3", "达拉特旗某装备制造企业", under(BODY)),
    ];
    let mut round = open_round((5, 5), (1_000_000, 0));
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            dalad,
        ))
        .unwrap();
    round
        .submit(recommendation(
            body(BODY),
            ProjectKind::TrainingBase,
            by_body,
        ))
        .unwrap();
    // When submissions close,
    round.close_submissions().unwrap();
    // then each entry claimed by both is refused, naming the other, and the
    // entries between them stand.
    let out = round.outcome().unwrap();
    for (id, other) in [
        ("A-1", body(BODY)),
        ("A-3", body(BODY)),
        ("A-9", banner(DALAD)),
        ("A-7", banner(DALAD)),
    ] {
        assert_eq!(
            verdict(&out, id),
            &Verdict::Refused {
                reasons: vec![Refusal::ListedByOthers {
                    others: vec![other]
                }]
            },
            "{id}"
        );
    }
    for id in ["A-2", "A-8"] {
        assert_eq!(verdict(&out, id), &Verdict::Admitted, "{id}");
    }
}

#[test]
fn a_candidate_of_another_kind_or_date_is_an_error_and_changes_nothing() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let before = round.clone();
    let err = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![studio("S-1", "U-1", "达拉特旗某能源企业", in_banner(DALAD))],
        ))
        .unwrap_err();
    assert!(matches!(err, RoundError::KindMismatch { position: 1, .. }));
    let mut late = base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD));
    late.reference_date = d(2022, 8, 1);
    let err = round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![late],
        ))
        .unwrap_err();
    assert!(matches!(err, RoundError::ReferenceDateMismatch { .. }));
    assert_eq!(round, before);
}

#[test]
fn errors_keep_their_precedence_over_each_other_and_over_whole_list_refusals() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let before = round.clone();
    // A malformed application (a base naming a studio lead) …
    let mut malformed = base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD));
    malformed.lead = studio("S-0", "U-0", "达拉特旗某企业", in_banner(DALAD)).lead;
    let fine = |id: &str, unit: &str| base(id, unit, "达拉特旗某职业技术学校", in_banner(DALAD));
    let submit = |round: &mut Round, apps: Vec<Application>| {
        round.submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            apps,
        ))
    };

    // … before an entry of another kind further down: the kind wins.
    let other_kind = studio("S-1", "U-3", "达拉特旗某能源企业", in_banner(DALAD));
    let err = submit(
        &mut round,
        vec![malformed.clone(), fine("A-2", "U-2"), other_kind],
    )
    .unwrap_err();
    assert!(
        matches!(err, RoundError::KindMismatch { position: 3, .. }),
        "{err:?}"
    );
    assert_eq!(round, before);

    // In a list that stands, the first malformed application is the error.
    let mut second = malformed.clone();
    second.id = "A-3".into();
    second.unit.id = "U-3".into();
    let err = submit(
        &mut round,
        vec![fine("A-2", "U-2"), malformed.clone(), second],
    )
    .unwrap_err();
    assert!(
        matches!(err, RoundError::Application { position: 2, .. }),
        "{err:?}"
    );
    assert_eq!(round, before);

    // In a list refused whole (the same unit twice, R8), no entry is judged:
    // the list is recorded, refused, and the malformed entry is no error.
    let receipt = submit(&mut round, vec![malformed, fine("A-2", "U-1")]).unwrap();
    assert!(!receipt.accepted());
    assert!(receipt.admitted.is_empty() && receipt.refused.is_empty());
    let list = &round.lists()[0];
    assert_eq!(list.len(), 2);
    assert!(list.candidates().all(|c| matches!(
        &c.verdict,
        Verdict::Refused { reasons } if reasons[..] == receipt.list_refused[..]
    )));
}

// ---------- set-up ----------

#[test]
fn set_up_checks_year_places_quotas_and_earlier_rounds() {
    let p = Policy::ordos_2022();
    let mut s = setup((5, 5), vec![], (0, 0));
    s.year = 2026;
    assert!(matches!(
        Round::set_up(p.clone(), s).unwrap_err(),
        RoundError::YearOutsideProgramme {
            year: 2026,
            first: 2022,
            last: 2025
        }
    ));
    let mut s = setup((5, 5), vec![], (0, 0));
    s.places = None;
    assert_eq!(
        Round::set_up(p.clone(), s).unwrap_err(),
        RoundError::PlacesMissing { year: 2022 }
    );
    let s = setup(
        (5, 5),
        vec![
            Quota::new(banner(DALAD), ProjectKind::Studio, 1),
            Quota::new(banner(DALAD), ProjectKind::Studio, 2),
        ],
        (0, 0),
    );
    assert!(matches!(
        Round::set_up(p.clone(), s).unwrap_err(),
        RoundError::QuotaTwice { .. }
    ));
    let mut s = setup((5, 5), vec![], (0, 0));
    s.earlier.by_kind.training_bases = 21;
    s.earlier.by_seat = vec![SeatCoverage {
        seat: in_banner(DALAD),
        counts: KindCounts {
            training_bases: 21,
            studios: 0,
        },
    }];
    assert!(matches!(
        Round::set_up(p.clone(), s).unwrap_err(),
        RoundError::EarlierPastTotal {
            earlier: 21,
            total: 20,
            ..
        }
    ));
    let mut s = setup((5, 5), vec![], (0, 0));
    s.earlier.by_kind.studios = 3;
    assert!(matches!(
        Round::set_up(p, s).unwrap_err(),
        RoundError::CoverageInconsistent {
            by_seat: 0,
            by_kind: 3,
            ..
        }
    ));
}

// ---------- order of steps ----------

#[test]
fn steps_out_of_order_are_errors_and_change_nothing() {
    let mut round = open_round((1, 1), (1_000_000, 0));
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![base(
                "A-1",
                "U-1",
                "达拉特旗某职业技术学校",
                in_banner(DALAD),
            )],
        ))
        .unwrap();
    let before = round.clone();
    assert_eq!(
        round.review(review(&[("A-1", 90)])).unwrap_err(),
        RoundError::OutOfOrder {
            step: Step::Review,
            expected: Stage::Closed,
            stage: Stage::Open
        }
    );
    assert!(matches!(
        round.release(d(2022, 12, 1)),
        Err(RoundError::OutOfOrder { .. })
    ));
    assert!(matches!(
        round.start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only()),
        Err(RoundError::OutOfOrder { .. })
    ));
    assert_eq!(round, before);

    round.close_submissions().unwrap();
    let err = round
        .submit(recommendation(banner(OTOG), ProjectKind::Studio, vec![]))
        .unwrap_err();
    assert!(matches!(
        err,
        RoundError::OutOfOrder {
            step: Step::Submit,
            ..
        }
    ));
    round.review(review(&[("A-1", 90)])).unwrap();
    let before = round.clone();
    let err = round
        .record_objection(Objection {
            application: ApplicationId::new("A-1"),
            received_on: d(2022, 9, 6),
            summary: "材料不实".into(),
            upheld: true,
        })
        .unwrap_err();
    assert!(matches!(
        err,
        RoundError::OutOfOrder {
            step: Step::RecordObjection,
            ..
        }
    ));
    round
        .start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only())
        .unwrap();
    // Release on the last notice day is too early (5, R9).
    let mid = round.clone();
    assert_eq!(
        round.release(d(2022, 9, 9)).unwrap_err(),
        RoundError::ReleaseBeforeNoticeEnds {
            release: d(2022, 9, 9),
            notice_end: d(2022, 9, 9)
        }
    );
    assert_eq!(round, mid);
    assert_ne!(round, before);
    round.release(d(2022, 9, 10)).unwrap();
    assert_eq!(round.stage(), Stage::Final);
}

#[test]
fn bad_reviews_are_errors_and_change_nothing() {
    let mut round = open_round((2, 2), (1_000_000, 0));
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![
                base("A-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD)),
                base("A-2", "U-2", "鄂托克旗某化工企业", in_banner(OTOG)),
            ],
        ))
        .unwrap();
    round.close_submissions().unwrap();
    let before = round.clone();
    let no_experts = CityReview {
        experts: vec![],
        scores: review(&[("A-1", 80)]).scores,
    };
    assert_eq!(round.review(no_experts).unwrap_err(), RoundError::NoExperts);
    let mut blank = review(&[("A-1", 80)]);
    blank.experts[1].name = " ".into();
    assert_eq!(
        round.review(blank).unwrap_err(),
        RoundError::ExpertNameBlank { index: 1 }
    );
    assert_eq!(
        round.review(review(&[])).unwrap_err(),
        RoundError::ScoreMissing {
            application: ApplicationId::new("A-1")
        }
    );
    assert_eq!(
        round
            .review(review(&[("A-1", 80), ("A-1", 81)]))
            .unwrap_err(),
        RoundError::ScoreTwice {
            application: ApplicationId::new("A-1")
        }
    );
    assert_eq!(
        round
            .review(review(&[("A-1", 80), ("A-2", 81)]))
            .unwrap_err(),
        RoundError::ScoreForRefused {
            application: ApplicationId::new("A-2")
        }
    );
    assert_eq!(
        round
            .review(review(&[("A-1", 80), ("X-9", 81)]))
            .unwrap_err(),
        RoundError::ScoreForUnknown {
            application: ApplicationId::new("X-9")
        }
    );
    assert_eq!(round, before);
}

// ---------- ranking (R9) ----------

#[test]
fn ties_go_to_the_better_recommendation_rank_then_the_earlier_application() {
    let mut round = open_round((2, 0), (10_000_000, 0));
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![
                base("A-5", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD)),
                base("A-2", "U-2", "达拉特旗某技工学校", in_banner(DALAD)),
            ],
        ))
        .unwrap();
    round
        .submit(recommendation(
            banner(OTOG),
            ProjectKind::TrainingBase,
            vec![
                base("A-9", "U-3", "鄂托克旗某化工企业", in_banner(OTOG)),
                base("A-3", "U-4", "鄂托克旗某技工学校", in_banner(OTOG)),
            ],
        ))
        .unwrap();
    round.close_submissions().unwrap();
    // All four tie on score. Rank 1 on a list: → A-5 first by id.
    round
        .review(review(&[
            ("A-2", 80),
            ("A-3", 80),
            ("A-5", 80),
            ("A-9", 80),
        ]))
        .unwrap();
    let out = round.outcome().unwrap();
    let order: Vec<&str> = out
        .candidates
        .iter()
        .map(|c| c.application.as_str())
        .collect();
    assert_eq!(order, ["A-5", "A-9", "A-2", "A-3"]);
    assert!(is_funded(verdict(&out, "A-9")));
    assert_eq!(
        verdict(&out, "A-2"),
        &Verdict::NotSelected {
            reason: NotSelectedReason::PlacesFilled { places: 2 }
        }
    );
    check_invariants(&out).unwrap();
}

// ---------- funding (2.2, R4) ----------

#[test]
fn one_subsidy_is_split_across_the_two_funds_to_the_fen() {
    let mut s = setup((1, 0), quotas(3, &[]), (0, 0));
    s.balances = FundBalances::new("150000.01".parse().unwrap(), "60000.00".parse().unwrap());
    let mut round = Round::set_up(Policy::ordos_2022(), s).unwrap();
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![base(
                "A-1",
                "U-1",
                "达拉特旗某职业技术学校",
                in_banner(DALAD),
            )],
        ))
        .unwrap();
    round.close_submissions().unwrap();
    round.review(review(&[("A-1", 90)])).unwrap();
    let out = round.outcome().unwrap();
    assert_eq!(
        verdict(&out, "A-1"),
        &Verdict::Selected {
            funding: Funding::Funded {
                amount: Yuan::from_yuan(200_000),
                draws: vec![
                    Draw {
                        fund: Fund::EmploymentSubsidy,
                        amount: "150000.01".parse().unwrap()
                    },
                    Draw {
                        fund: Fund::TalentSpecial,
                        amount: "49999.99".parse().unwrap()
                    },
                ],
            },
            moved_up_for: None,
        }
    );
    assert_eq!(out.remaining.employment_subsidy, Yuan::ZERO);
    assert_eq!(out.remaining.talent_special, "10000.01".parse().unwrap());
    assert_eq!(out.drawn.total().unwrap(), Yuan::from_yuan(200_000));
    check_invariants(&out).unwrap();
}

fn bases_and_studios_round(policy: Policy, balances: (u32, u32)) -> RoundOutcome {
    let mut round = Round::set_up(policy, setup((3, 2), quotas(3, &[]), balances)).unwrap();
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![
                base("B-1", "U-1", "达拉特旗某职业技术学校", in_banner(DALAD)),
                base("B-2", "U-2", "达拉特旗某技工学校", in_banner(DALAD)),
                base("B-3", "U-3", "达拉特旗某煤化工企业", in_banner(DALAD)),
            ],
        ))
        .unwrap();
    round
        .submit(recommendation(
            banner(OTOG),
            ProjectKind::Studio,
            vec![
                studio("S-1", "U-4", "鄂托克旗某化工企业", in_banner(OTOG)),
                studio("S-2", "U-5", "鄂托克旗某建材企业", in_banner(OTOG)),
            ],
        ))
        .unwrap();
    round.close_submissions().unwrap();
    round
        .review(review(&[
            ("B-1", 95),
            ("B-2", 90),
            ("B-3", 85),
            ("S-1", 92),
            ("S-2", 88),
        ]))
        .unwrap();
    round.outcome().unwrap()
}

#[test]
fn when_the_funds_run_out_part_way_an_unpaid_base_does_not_stop_a_cheaper_studio() {
    // ¥450,000 in all: bases 1 and 2 (¥400,000), base 3 cannot be paid, studio 1 can.
    let out = bases_and_studios_round(Policy::ordos_2022(), (300_000, 150_000));
    assert!(is_funded(verdict(&out, "B-1")));
    assert!(is_funded(verdict(&out, "B-2")));
    assert_eq!(
        verdict(&out, "B-3"),
        &Verdict::Selected {
            funding: Funding::NotFunded {
                subsidy: Yuan::from_yuan(200_000),
                available: Yuan::from_yuan(50_000),
            },
            moved_up_for: None,
        }
    );
    assert!(is_funded(verdict(&out, "S-1")));
    assert!(matches!(
        verdict(&out, "S-2"),
        Verdict::Selected {
            funding: Funding::NotFunded { .. },
            ..
        }
    ));
    // B-2 is split: ¥100,000 employment + ¥100,000 talent.
    match verdict(&out, "B-2") {
        Verdict::Selected {
            funding: Funding::Funded { draws, .. },
            ..
        } => {
            assert_eq!(draws.len(), 2);
            assert_eq!(draws[1].amount, Yuan::from_yuan(100_000));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(out.remaining.total().unwrap(), Yuan::ZERO);
    assert!(
        out.candidates
            .iter()
            .find(|c| c.application.as_str() == "B-3")
            .unwrap()
            .explain(Lang::En)
            .contains("not funded")
    );
    check_invariants(&out).unwrap();
}

#[test]
fn the_kind_order_is_a_policy_parameter() {
    // Studios first: both studios are paid, then two bases; base 3 is not.
    let out = bases_and_studios_round(policy_with(false, true), (300_000, 250_000));
    assert!(is_funded(verdict(&out, "S-1")));
    assert!(is_funded(verdict(&out, "S-2")));
    assert!(is_funded(verdict(&out, "B-1")));
    assert!(is_funded(verdict(&out, "B-2")));
    assert!(!is_funded(verdict(&out, "B-3")));
    // Bases first with the same money: three bases would need 600,000; S-2 is unpaid.
    let out = bases_and_studios_round(Policy::ordos_2022(), (300_000, 250_000));
    assert!(is_funded(verdict(&out, "B-2")));
    assert!(!is_funded(verdict(&out, "B-3")));
    assert!(is_funded(verdict(&out, "S-1")));
    assert!(is_funded(verdict(&out, "S-2")));
    check_invariants(&out).unwrap();
}

// ---------- R3: programme totals ----------

#[test]
fn in_the_last_year_the_programme_totals_not_the_places_bind() {
    // 18 bases and 37 studios selected in 2022–2024; 2025 offers 5 places each.
    let earlier = Coverage {
        by_kind: KindCounts {
            training_bases: 18,
            studios: 37,
        },
        by_seat: vec![
            SeatCoverage {
                seat: in_banner(DALAD),
                counts: KindCounts {
                    training_bases: 10,
                    studios: 20,
                },
            },
            SeatCoverage {
                seat: in_banner(OTOG),
                counts: KindCounts {
                    training_bases: 8,
                    studios: 17,
                },
            },
        ],
        by_specialty: vec![SpecialtyCoverage {
            specialty: Specialty::new("电工"),
            training_bases: 18,
        }],
    };
    let date = d(2025, 5, 6);
    let mut s = setup((5, 5), quotas(5, &[]), (5_000_000, 0));
    s.year = 2025;
    s.reference_date = date;
    s.places = Some(skill_grants::AnnualPlaces {
        year: 2025,
        training_bases: 5,
        studios: 5,
    });
    s.earlier = earlier;
    let mut round = Round::set_up(Policy::ordos_2022(), s).unwrap();
    let mut bases = Vec::new();
    let mut studios = Vec::new();
    for i in 1..=4 {
        let mut b = base(
            &format!("B-{i}"),
            &format!("U-B{i}"),
            "乌审旗某技工学校",
            in_banner(Banner::UxinBanner),
        );
        b.reference_date = date;
        bases.push(b);
        let mut st = studio(
            &format!("S-{i}"),
            &format!("U-S{i}"),
            "乌审旗某能源企业",
            in_banner(Banner::UxinBanner),
        );
        st.reference_date = date;
        studios.push(st);
    }
    round
        .submit(recommendation(
            banner(Banner::UxinBanner),
            ProjectKind::TrainingBase,
            bases,
        ))
        .unwrap();
    round
        .submit(recommendation(
            banner(Banner::UxinBanner),
            ProjectKind::Studio,
            studios,
        ))
        .unwrap();
    round.close_submissions().unwrap();
    round
        .review(review(&[
            ("B-1", 90),
            ("B-2", 89),
            ("B-3", 88),
            ("B-4", 87),
            ("S-1", 90),
            ("S-2", 89),
            ("S-3", 88),
            ("S-4", 87),
        ]))
        .unwrap();
    let out = round.outcome().unwrap();
    let selected = |kind| {
        out.candidates
            .iter()
            .filter(|c| c.kind == kind && matches!(c.verdict, Verdict::Selected { .. }))
            .count()
    };
    assert_eq!(selected(ProjectKind::TrainingBase), 2);
    assert_eq!(selected(ProjectKind::Studio), 3);
    assert_eq!(
        verdict(&out, "B-3"),
        &Verdict::NotSelected {
            reason: NotSelectedReason::ProgrammeTotalReached {
                total: 20,
                before: 18
            }
        }
    );
    let b3 = out
        .candidates
        .iter()
        .find(|c| c.application.as_str() == "B-3")
        .unwrap();
    assert_eq!(b3.clauses, vec![ClauseId::C1_2_1, ClauseId::C5]);
    check_invariants(&out).unwrap();

    round
        .start_notice(d(2025, 9, 1), &HolidayCalendar::weekends_only())
        .unwrap();
    round.release(d(2025, 9, 10)).unwrap();
    let out = round.outcome().unwrap();
    assert_eq!(
        out.coverage.by_kind,
        KindCounts {
            training_bases: 20,
            studios: 40
        }
    );
    let uxin = out
        .coverage
        .by_seat
        .iter()
        .find(|s| s.seat == in_banner(Banner::UxinBanner))
        .unwrap();
    assert_eq!(
        uxin.counts,
        KindCounts {
            training_bases: 2,
            studios: 3
        }
    );
    assert_eq!(out.coverage.by_seat.len(), 3);
    check_invariants(&out).unwrap();
}

// ---------- public notice and objections (5, R9) ----------

fn noticed_round(policy: Policy) -> Round {
    let mut round = Round::set_up(policy, setup((0, 2), quotas(3, &[BODY]), (150_000, 0))).unwrap();
    round
        .submit(recommendation(
            body(BODY),
            ProjectKind::Studio,
            vec![
                studio("S-1", "U-1", "市某局直属单位甲", under(BODY)),
                studio("S-2", "U-2", "市某局直属单位乙", under(BODY)),
                studio("S-3", "U-3", "市某局直属单位丙", under(BODY)),
            ],
        ))
        .unwrap();
    round.close_submissions().unwrap();
    round
        .review(review(&[("S-1", 90), ("S-2", 85), ("S-3", 80)]))
        .unwrap();
    // 2022 National Day: 1–7 October off, Saturday 8 and Sunday 9 worked.
    let cal = HolidayCalendar::new(
        (1..=7).map(|day| d(2022, 10, day)),
        [d(2022, 10, 8), d(2022, 10, 9)],
    )
    .unwrap();
    let n = round.start_notice(d(2022, 9, 29), &cal).unwrap();
    // Thu 29, Fri 30, Sat 8, Sun 9, Mon 10.
    assert_eq!(
        n,
        NoticePeriod {
            starts_on: d(2022, 9, 29),
            ends_on: d(2022, 10, 10)
        }
    );
    round
}

fn upheld(app: &str, on: skill_grants::NaiveDate) -> Objection {
    Objection {
        application: ApplicationId::new(app),
        received_on: on,
        summary: "领办人荣誉证书存疑".into(),
        upheld: true,
    }
}

#[test]
fn an_upheld_objection_removes_the_candidate_and_no_one_moves_up_by_default() {
    let mut round = noticed_round(Policy::ordos_2022());
    assert_eq!(round.balances().employment_subsidy, Yuan::from_yuan(50_000));
    let moved = round
        .record_objection(upheld("S-1", d(2022, 10, 8)))
        .unwrap();
    assert_eq!(moved, None);
    let out = round.outcome().unwrap();
    assert_eq!(
        verdict(&out, "S-1"),
        &Verdict::Removed {
            objection: 0,
            returned: vec![Draw {
                fund: Fund::EmploymentSubsidy,
                amount: Yuan::from_yuan(50_000)
            }],
        }
    );
    assert!(is_funded(verdict(&out, "S-2")));
    assert!(matches!(verdict(&out, "S-3"), Verdict::NotSelected { .. }));
    assert_eq!(out.remaining.employment_subsidy, Yuan::from_yuan(100_000));
    check_invariants(&out).unwrap();
    round.release(d(2022, 10, 11)).unwrap();
    let out = round.outcome().unwrap();
    assert_eq!(out.projects.len(), 1);
    assert_eq!(out.projects[0].application.as_str(), "S-2");
    assert_eq!(out.projects[0].id.as_str(), "2022-ST-01");
}

#[test]
fn with_the_parameter_the_next_in_rank_moves_up_and_is_funded_by_the_same_rule() {
    let mut round = noticed_round(policy_with(true, false));
    let moved = round
        .record_objection(upheld("S-2", d(2022, 9, 30)))
        .unwrap();
    assert_eq!(moved, Some(ApplicationId::new("S-3")));
    let out = round.outcome().unwrap();
    assert_eq!(
        verdict(&out, "S-3"),
        &Verdict::Selected {
            funding: Funding::Funded {
                amount: Yuan::from_yuan(50_000),
                draws: vec![Draw {
                    fund: Fund::EmploymentSubsidy,
                    amount: Yuan::from_yuan(50_000)
                }],
            },
            moved_up_for: Some(ApplicationId::new("S-2")),
        }
    );
    assert_eq!(out.objections[0].moved_up, Some(ApplicationId::new("S-3")));
    assert_eq!(out.remaining.employment_subsidy, Yuan::from_yuan(50_000));
    check_invariants(&out).unwrap();
    round.release(d(2022, 10, 11)).unwrap();
    let out = round.outcome().unwrap();
    let ids: Vec<&str> = out.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2022-ST-01", "2022-ST-02"]);
    assert_eq!(out.projects[1].application.as_str(), "S-3");
    check_invariants(&out).unwrap();
}

#[test]
fn a_dismissed_objection_changes_no_verdict() {
    let mut round = noticed_round(policy_with(true, false));
    let before = round.outcome().unwrap().candidates;
    let mut o = upheld("S-1", d(2022, 10, 10));
    o.upheld = false;
    assert_eq!(round.record_objection(o).unwrap(), None);
    assert_eq!(round.outcome().unwrap().candidates, before);
    assert_eq!(round.objections().len(), 1);
}

#[test]
fn objections_outside_the_notice_or_against_others_are_errors() {
    let mut round = noticed_round(Policy::ordos_2022());
    let before = round.clone();
    assert_eq!(
        round
            .record_objection(upheld("S-1", d(2022, 10, 11)))
            .unwrap_err(),
        RoundError::ObjectionOutsideNotice {
            application: ApplicationId::new("S-1"),
            received_on: d(2022, 10, 11),
            starts_on: d(2022, 9, 29),
            ends_on: d(2022, 10, 10),
        }
    );
    assert_eq!(
        round
            .record_objection(upheld("S-3", d(2022, 10, 10)))
            .unwrap_err(),
        RoundError::NotOnNotice {
            application: ApplicationId::new("S-3")
        }
    );
    assert_eq!(round, before);
}

// ---------- serde at every step ----------

fn json_round_trip(round: &Round) -> Round {
    let text = serde_json::to_string(round).unwrap();
    let back: Round = serde_json::from_str(&text).unwrap();
    assert_eq!(&back, round);
    back
}

#[test]
fn a_round_serializes_at_every_step_and_resumes() {
    let mut round = open_round((1, 1), (1_000_000, 0));
    round = json_round_trip(&round);
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![base(
                "A-1",
                "U-1",
                "达拉特旗某职业技术学校",
                in_banner(DALAD),
            )],
        ))
        .unwrap();
    round = json_round_trip(&round);
    round.close_submissions().unwrap();
    round = json_round_trip(&round);
    round.review(review(&[("A-1", 90)])).unwrap();
    round = json_round_trip(&round);
    round
        .start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only())
        .unwrap();
    round = json_round_trip(&round);
    round.release(d(2022, 9, 13)).unwrap();
    round = json_round_trip(&round);
    let out = round.outcome().unwrap();
    let text = serde_json::to_string(&out).unwrap();
    let back: RoundOutcome = serde_json::from_str(&text).unwrap();
    assert_eq!(back, out);
}

// ---------- a complete round, both languages ----------

fn complete_round() -> Round {
    let mut s = setup((2, 3), quotas(2, &[BODY]), (400_000, 200_000));
    s.earlier = Coverage {
        by_kind: KindCounts {
            training_bases: 1,
            studios: 0,
        },
        by_seat: vec![SeatCoverage {
            seat: in_banner(Banner::Dongsheng),
            counts: KindCounts {
                training_bases: 1,
                studios: 0,
            },
        }],
        by_specialty: vec![SpecialtyCoverage {
            specialty: Specialty::new("电工"),
            training_bases: 1,
        }],
    };
    let mut round = Round::set_up(policy_with(true, false), s).unwrap();
    round
        .submit(recommendation(
            banner(OTOG),
            ProjectKind::TrainingBase,
            vec![
                base_with(
                    "B-01",
                    "U-01",
                    "鄂托克旗某化工企业",
                    in_banner(OTOG),
                    &["化工总控工", "电工"],
                ),
                base_with(
                    "B-02",
                    "U-02",
                    "鄂托克旗某建材企业",
                    in_banner(OTOG),
                    &["焊工"],
                ),
            ],
        ))
        .unwrap();
    round
        .submit(recommendation(
            banner(DALAD),
            ProjectKind::TrainingBase,
            vec![
                base_with(
                    "B-03",
                    "U-03",
                    "达拉特旗某职业技术学校",
                    in_banner(DALAD),
                    &["电工"],
                ),
                base_with(
                    "B-04",
                    "U-04",
                    "鄂托克前旗某技工学校",
                    in_banner(Banner::OtogFrontBanner),
                    &["焊工"],
                ),
            ],
        ))
        .unwrap();
    round
        .submit(recommendation(
            body(BODY),
            ProjectKind::Studio,
            vec![
                studio("S-01", "U-05", "市某局直属单位甲", under(BODY)),
                studio("S-02", "U-06", "市某局直属单位乙", under(BODY)),
            ],
        ))
        .unwrap();
    round
        .submit(recommendation(
            banner(Banner::JungarBanner),
            ProjectKind::Studio,
            vec![
                studio(
                    "S-03",
                    "U-07",
                    "准格尔旗某煤炭企业",
                    in_banner(Banner::JungarBanner),
                ),
                studio(
                    "S-04",
                    "U-08",
                    "准格尔旗某电力企业",
                    in_banner(Banner::JungarBanner),
                ),
            ],
        ))
        .unwrap();
    round
        .submit(Recommendation {
            recommender: banner(Banner::HangginBanner),
            kind: ProjectKind::Studio,
            report: RecommendationReport::new("旗区初评", "", "专家三人"),
            candidates: vec![studio(
                "S-05",
                "U-09",
                "杭锦旗某农牧企业",
                in_banner(Banner::HangginBanner),
            )],
        })
        .unwrap();
    round.close_submissions().unwrap();
    round
        .review(review(&[
            ("B-01", 92),
            ("B-02", 80),
            ("B-03", 88),
            ("S-01", 91),
            ("S-02", 84),
            ("S-03", 91),
            ("S-04", 86),
        ]))
        .unwrap();
    round
        .start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only())
        .unwrap();
    round
        .record_objection(Objection {
            application: ApplicationId::new("S-03"),
            received_on: d(2022, 9, 7),
            summary: "领办人已调离".into(),
            upheld: true,
        })
        .unwrap();
    round.release(d(2022, 9, 15)).unwrap();
    round
}

#[test]
fn a_complete_round_creates_the_projects_the_lifecycle_needs() {
    let round = complete_round();
    let out = round.outcome().unwrap();
    check_invariants(&out).unwrap();
    // Every released project opens in the lifecycle with its full subsidy in its account.
    for p in &out.projects {
        let (project, _started) =
            skill_grants::Project::open(p.project_start(), round.policy()).unwrap();
        assert_eq!(project.start().released, p.amount);
        assert_eq!(project.start().project, p.id);
    }
    let ids: Vec<&str> = out.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2022-TB-01",
            "2022-TB-02",
            "2022-ST-01",
            "2022-ST-02",
            "2022-ST-03"
        ]
    );
    let tb1 = &out.projects[0];
    assert_eq!(tb1.application.as_str(), "B-01");
    assert_eq!(tb1.unit_seat, in_banner(OTOG));
    assert_eq!(tb1.specialties.len(), 2);
    assert_eq!(tb1.lead, None);
    assert_eq!(tb1.released_on, d(2022, 9, 15));
    assert_eq!(tb1.policy.revision, 2);
    let st = &out.projects[2];
    assert!(st.lead.is_some());
    // Bases: 400,000 employment. Studios: talent fund.
    assert_eq!(out.drawn.employment_subsidy, Yuan::from_yuan(400_000));
    assert_eq!(out.drawn.talent_special, Yuan::from_yuan(150_000));
    assert_eq!(
        out.coverage.by_kind,
        KindCounts {
            training_bases: 3,
            studios: 3
        }
    );
    let electricians = out
        .coverage
        .by_specialty
        .iter()
        .find(|s| s.specialty.as_str() == "电工")
        .unwrap();
    assert_eq!(electricians.training_bases, 3);
}

#[test]
fn snapshot_of_a_complete_round_in_chinese() {
    insta::assert_snapshot!(complete_round().outcome().unwrap().render(Lang::Zh));
}

#[test]
fn snapshot_of_a_complete_round_in_english() {
    insta::assert_snapshot!(complete_round().outcome().unwrap().render(Lang::En));
}

#[test]
fn a_body_unit_that_fails_another_rule_too_keeps_its_eligibility_decision() {
    let mut round = open_round((5, 5), (1_000_000, 0));
    let mut app = studio("S-9", "U-9", "市某局直属单位某分支机构", under(BODY));
    app.unit.independent_legal_person = false;
    app.lead.as_mut().unwrap().honours.clear();
    let receipt = round
        .submit(recommendation(body(BODY), ProjectKind::Studio, vec![app]))
        .unwrap();
    let reasons = refusals(&receipt, "S-9");
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(
        reasons[0],
        Refusal::NotIndependentLegalPerson {
            body: BodyId::new(BODY)
        }
    );
    match &reasons[1] {
        Refusal::Ineligible { decision } => {
            let failed: Vec<_> = decision.failures().map(|f| f.rule).collect();
            assert!(failed.contains(&skill_grants::eligibility::RuleId::LeadHonours));
        }
        other => panic!("expected the eligibility decision, got {other:?}"),
    }
}

/// R3 (1.2, 2.1) at its edge: when the year's places and what remains of the
/// programme are equal, both bind; the reason given to those below the line
/// is the year's places (the count is the same either way). Found by
/// mutation testing (`<` against `<=` in `law::selection_limit`).
#[test]
fn r3_when_places_and_the_programme_remainder_are_equal_the_places_are_named() {
    assert_eq!(
        law::selection_limit(6, 20, 14),
        (6, NotSelectedReason::PlacesFilled { places: 6 })
    );
    assert_eq!(
        law::selection_limit(6, 20, 15),
        (
            5,
            NotSelectedReason::ProgrammeTotalReached {
                total: 20,
                before: 15
            }
        )
    );
    assert_eq!(
        law::selection_limit(6, 20, 13),
        (6, NotSelectedReason::PlacesFilled { places: 6 })
    );
}
