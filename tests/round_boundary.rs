//! Issue 15, trust at the boundary, for the annual round: each case here was
//! accepted before (or got a round stuck) and is refused now, naming what and
//! where.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod round_support;

use round_support::*;
use skill_grants::round::*;
use skill_grants::{Banner, HolidayCalendar, NaiveDate, Policy, ProjectKind, sample};

fn stored() -> serde_json::Value {
    serde_json::to_value(sample::round_2022().unwrap()).unwrap()
}

/// A stored round with tampered balances used to load; it is refused, naming
/// the fund. The untampered one restores identically.
#[test]
fn a_round_with_tampered_balances_is_refused_when_read() {
    let round = sample::round_2022().unwrap();
    let back: Round = serde_json::from_value(stored()).unwrap();
    assert_eq!(back, round);

    let mut tampered = stored();
    tampered["balances"]["talent_special"] = serde_json::json!("9999999.00");
    let err = serde_json::from_value::<Round>(tampered).unwrap_err();
    assert!(err.to_string().contains("talent"), "{err}");

    let mut extra = stored();
    extra["balance"] = serde_json::json!("1.00");
    let err = serde_json::from_value::<Round>(extra).unwrap_err();
    assert!(err.to_string().contains("unknown field `balance`"), "{err}");

    let mut stage = stored();
    stage["stage"] = serde_json::json!("open");
    let err = serde_json::from_value::<Round>(stage).unwrap_err();
    assert!(err.to_string().contains("stored round"), "{err}");
}

/// One recommender listing the same application id on its base list and its
/// studio list got both admitted, and no set of scores could review the
/// round. The second list is refused whole (R8); the round reviews.
#[test]
fn the_same_application_on_two_lists_of_one_recommender_is_refused() {
    let mut round = Round::set_up(
        Policy::ordos_2022(),
        setup((5, 5), quotas(3, &[]), (10_000_000, 0)),
    )
    .unwrap();
    let seat = in_banner(Banner::DaladBanner);
    let by = banner(Banner::DaladBanner);
    let b = base("A-1", "U-1", "达拉特旗某职业技术学校", seat.clone());
    let s = studio("A-1", "U-2", "达拉特旗某企业", seat);
    assert!(
        round
            .submit(recommendation(
                by.clone(),
                ProjectKind::TrainingBase,
                vec![b]
            ))
            .unwrap()
            .accepted()
    );
    let receipt = round
        .submit(recommendation(by, ProjectKind::Studio, vec![s]))
        .unwrap();
    assert_eq!(
        receipt.list_refused,
        vec![Refusal::ApplicationOnOtherList {
            application: skill_grants::domain::ApplicationId::new("A-1"),
            kind: ProjectKind::TrainingBase,
        }]
    );
    round.close_submissions().unwrap();
    round.review(review(&[("A-1", 90)])).unwrap();
    check_invariants(&round.outcome().unwrap()).unwrap();
    let law = RefusalKind::ApplicationOnOtherList.law();
    assert_eq!(law.id, "round.refusal.application_on_other_list");
}

fn at_notice() -> Round {
    let mut round = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022()).unwrap();
    for r in sample::recommendations_2022() {
        round.submit(r).unwrap();
    }
    round.close_submissions().unwrap();
    let scores = round
        .lists()
        .iter()
        .flat_map(|l| l.candidates())
        .filter(|c| matches!(c.verdict, Verdict::Admitted))
        .map(|c| CandidateScore {
            application: c.application.id.clone(),
            score: sample::score_2022(&c.application.id),
        })
        .collect();
    round
        .review(CityReview {
            experts: sample::experts_2022(),
            scores,
        })
        .unwrap();
    round
        .start_notice(
            sample::notice_start_2022(),
            &HolidayCalendar::weekends_only(),
        )
        .unwrap();
    round
}

/// Release dates outside the policy's period were accepted (the last one
/// left every funded project unable to open); they are refused, typed.
#[test]
fn a_release_outside_the_policys_period_is_refused() {
    let round = at_notice();
    for date in [NaiveDate::from_ymd_opt(2099, 1, 1).unwrap(), NaiveDate::MAX] {
        let mut r = round.clone();
        let err = r.release(date).unwrap_err();
        assert!(
            matches!(err, RoundError::ReleaseOutsidePolicy { release, .. } if release == date),
            "{err}"
        );
        assert_eq!(r, round);
    }
    let mut r = round.clone();
    assert!(
        r.release(NaiveDate::from_ymd_opt(0, 1, 1).unwrap())
            .is_err()
    );
    let mut r = round.clone();
    r.release(sample::release_2022()).unwrap();
}

/// Scores accepted "1e2"; one grammar now, and a clear error.
#[test]
fn scores_have_one_grammar() {
    let ok: CandidateScore =
        serde_json::from_str(r#"{"application":"A-1","score":"85.5"}"#).unwrap();
    assert_eq!(ok.score.to_string(), "85.5");
    for bad in [
        "1e2", "+85", "-1", " 85", "85 ", "8,5", ".5", "85.", "85.005",
    ] {
        let text = format!(r#"{{"application":"A-1","score":"{bad}"}}"#);
        let err = serde_json::from_str::<CandidateScore>(&text).unwrap_err();
        assert!(err.to_string().contains("score"), "{bad}: {err}");
    }
    let err =
        serde_json::from_str::<CandidateScore>(r#"{"application":"A-1","score":85}"#).unwrap_err();
    assert!(err.to_string().contains("string"), "{err}");
}

/// Every round input refuses fields it does not know.
#[test]
fn round_inputs_refuse_unknown_fields() {
    let mut setup = serde_json::to_value(sample::round_setup_2022()).unwrap();
    setup["quotas"][0]["place"] = serde_json::json!(1);
    let err = serde_json::from_value::<RoundSetup>(setup).unwrap_err();
    assert!(err.to_string().contains("unknown field `place`"), "{err}");
    for (text, field) in [
        (r#"{"experts":[],"scores":[],"score":[]}"#, "score"),
        (
            r#"{"experts":[{"name":"x","affiliaton":"y"}],"scores":[]}"#,
            "affiliaton",
        ),
        (
            r#"{"application":"A","received_on":"2022-09-06","summary":"x","upheld":true,"by":"y"}"#,
            "by",
        ),
    ] {
        let err = if field == "by" {
            serde_json::from_str::<Objection>(text)
                .map(|_| ())
                .unwrap_err()
        } else {
            serde_json::from_str::<CityReview>(text)
                .map(|_| ())
                .unwrap_err()
        };
        assert!(
            err.to_string()
                .contains(&format!("unknown field `{field}`")),
            "{err}"
        );
    }
    let mut rec = serde_json::to_value(&sample::recommendations_2022()[0]).unwrap();
    rec["report"]["method"] = serde_json::json!("x");
    let err = serde_json::from_value::<Recommendation>(rec).unwrap_err();
    assert!(err.to_string().contains("unknown field `method`"), "{err}");
}

/// The JSON cases of `tests/boundary/round-*.json`: each input, read as its
/// type, is refused with the text given. An input is given whole
/// (`input`) or as the sample round with fields set by JSON pointer
/// (`from`, `set`).
#[test]
fn the_json_boundary_cases_are_refused() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/boundary");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("round-") && name.ends_with(".json")
        })
        .collect();
    entries.sort();
    for path in entries {
        let case: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut input = match case["from"].as_str() {
            Some("sample_round_2022") => stored(),
            Some(other) => panic!("{}: unknown `from` {other}", path.display()),
            None => case["input"].clone(),
        };
        for set in case["set"].as_array().into_iter().flatten() {
            let pointer = set[0].as_str().unwrap();
            match input.pointer_mut(pointer) {
                Some(slot) => *slot = set[1].clone(),
                None => {
                    let (parent, key) = pointer.rsplit_once('/').unwrap();
                    input.pointer_mut(parent).unwrap()[key] = set[1].clone();
                }
            }
        }
        let err = match case["type"].as_str().unwrap() {
            "round" => serde_json::from_value::<Round>(input).map(|_| ()),
            "city_review" => serde_json::from_value::<CityReview>(input).map(|_| ()),
            "round_setup" => serde_json::from_value::<RoundSetup>(input).map(|_| ()),
            "objection" => serde_json::from_value::<Objection>(input).map(|_| ()),
            "recommendation" => serde_json::from_value::<Recommendation>(input).map(|_| ()),
            other => panic!("{}: unknown type {other}", path.display()),
        }
        .expect_err(&path.display().to_string());
        let expected = case["refused_with"].as_str().unwrap();
        assert!(
            err.to_string().contains(expected),
            "{}: {err}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 8, "{seen} cases");
}
