//! The policy as data: the Ordos values, serde round trips, and one failing
//! load per validation rule, each naming its field.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{Value, json};
use skill_grants::policy::ParameterSource;
use skill_grants::{
    ClauseId, ConstructionBar, Fund, NaiveDate, Policy, PolicyData, PolicyError, PolicySet,
    ProjectKind, UnitCondition, Yuan,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn ordos_2022_carries_the_notices_values() {
    let p = Policy::ordos_2022();
    assert_eq!(p.document().number, "鄂人社发〔2022〕100号");
    assert_eq!(
        p.document().issuers,
        ["鄂尔多斯市人力资源和社会保障局", "鄂尔多斯市财政局"]
    );
    assert_eq!(p.document().issued_on, d(2022, 6, 6));
    assert_eq!(p.programme_years(), (2022, 2025));
    assert_eq!(
        p.subsidy(ProjectKind::TrainingBase),
        Yuan::from_yuan(200_000)
    );
    assert_eq!(p.subsidy(ProjectKind::Studio), Yuan::from_yuan(50_000));
    assert_eq!(p.programme_total(ProjectKind::TrainingBase), 20);
    assert_eq!(p.programme_total(ProjectKind::Studio), 40);
    assert_eq!(p.construction_months(ProjectKind::TrainingBase), 24);
    assert_eq!(p.construction_months(ProjectKind::Studio), 12);
    assert_eq!(
        p.funding_order(),
        [Fund::EmploymentSubsidy, Fund::TalentSpecial]
    );
    assert_eq!(
        p.kind_funding_order(),
        [ProjectKind::TrainingBase, ProjectKind::Studio]
    );
    assert_eq!(p.notice_working_days(), 5);
    assert!(!p.move_up_on_objection());
    assert_eq!(p.construction_bar(), ConstructionBar::UntilDeadlineOrClosed);
    assert_eq!(p.reapply_after_months(), 24);
    assert_eq!(p.specialties_range(), (1, 2));
    assert!(p.unit_conditions().is_empty(), "R16: none by default");
}

#[test]
fn every_field_of_the_data_form_is_tied_to_a_clause() {
    let data = serde_json::to_value(Policy::ordos_2022().to_data()).unwrap();
    let sources: Vec<&ParameterSource> = Policy::sources().iter().collect();
    let skip = ["id", "revision", "effective_from", "effective_until"];
    for (field, value) in data.as_object().unwrap() {
        if skip.contains(&field.as_str()) {
            continue;
        }
        let named = |f: &str| sources.iter().any(|s| s.field == f);
        let tied = named(field)
            || value
                .as_object()
                .is_some_and(|o| o.keys().all(|k| named(&format!("{field}.{k}"))));
        assert!(tied, "field {field} has no clause in Policy::sources()");
    }
    // The readings marked *parameter* (`skill_grants::reading`): R3, R4 (order of kinds), R6, R9, R16.
    let params: Vec<_> = sources
        .iter()
        .filter(|s| s.parameter)
        .map(|s| s.reading)
        .collect();
    for r in ["R3", "R4", "R6", "R9", "R16"] {
        assert!(params.contains(&Some(r)), "{r} is a parameter");
    }
    let s = sources
        .iter()
        .find(|s| s.field == "studio.construction_months")
        .unwrap();
    assert_eq!(s.clause, ClauseId::C6_2);
}

#[test]
fn a_policy_round_trips_through_json() {
    let p = Policy::ordos_2022();
    let json = serde_json::to_string_pretty(&p).unwrap();
    assert!(json.contains("\"subsidy\": \"200000.00\""), "{json}");
    let back: Policy = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
    let data = p.to_data();
    assert_eq!(Policy::try_from(data).unwrap(), p);
}

/// Loads the Ordos policy with one JSON field changed, expecting an error.
fn load_with(path: &[&str], value: Value) -> String {
    let mut v = serde_json::to_value(Policy::ordos_2022()).unwrap();
    let mut slot = &mut v;
    for key in path {
        slot = slot
            .get_mut(*key)
            .unwrap_or_else(|| panic!("no field {key}"));
    }
    *slot = value;
    let err = serde_json::from_value::<Policy>(v).unwrap_err();
    err.to_string()
}

/// Validates the Ordos data with one change, expecting an error.
fn validate_with(change: impl FnOnce(&mut PolicyData)) -> PolicyError {
    let mut data = Policy::ordos_2022().to_data();
    change(&mut data);
    Policy::try_from(data).unwrap_err()
}

/// Loads a JSON policy through `serde_path_to_error`, giving the path of the
/// field at fault and the message.
fn load_at(v: Value) -> (String, String) {
    let err = serde_path_to_error::deserialize::<_, Policy>(v).unwrap_err();
    (err.path().to_string(), err.inner().to_string())
}

#[test]
fn zero_or_negative_amounts_are_refused_naming_the_field() {
    let e = validate_with(|d| d.training_base.subsidy = Yuan::ZERO);
    assert_eq!(e.field(), "training_base.subsidy");
    assert!(matches!(e, PolicyError::NotPositive { .. }));
    let msg = load_with(&["training_base", "subsidy"], json!("0"));
    assert!(msg.contains("training_base.subsidy"), "{msg}");
    // Issue 15: an amount is `Yuan`, so a sign is refused by the one grammar
    // for money while reading; the reader's path names the field.
    let msg = load_with(&["studio", "subsidy"], json!("-50000.00"));
    assert!(msg.contains("not an amount of money"), "{msg}");
    let mut v = serde_json::to_value(Policy::ordos_2022()).unwrap();
    v["studio"]["subsidy"] = json!("-50000.00");
    let (path, msg) = load_at(v);
    assert_eq!(path, "studio.subsidy");
    assert!(msg.contains("no sign"), "{msg}");
}

#[test]
fn amounts_outside_the_grammar_for_money_are_refused() {
    for bad in ["50000.001", "5e4", "50,000", " 50000", "50000.", "+50000"] {
        let mut v = serde_json::to_value(Policy::ordos_2022()).unwrap();
        v["studio"]["subsidy"] = json!(bad);
        let (path, msg) = load_at(v);
        assert_eq!(path, "studio.subsidy", "{bad}");
        assert!(msg.contains("amount"), "{bad}: {msg}");
    }
    let mut v = serde_json::to_value(Policy::ordos_2022()).unwrap();
    v["studio"]["subsidy"] = json!(50000);
    assert_eq!(load_at(v).0, "studio.subsidy", "a number is not an amount");
}

#[test]
fn zero_month_periods_are_refused() {
    let e = validate_with(|d| d.training_base.construction_months = 0);
    assert_eq!(
        e,
        PolicyError::ZeroMonths {
            field: "training_base.construction_months".into()
        }
    );
    let msg = load_with(&["studio", "construction_months"], json!(0));
    assert!(msg.contains("studio.construction_months"), "{msg}");
    let e = validate_with(|d| d.reapply_after_months = 0);
    assert_eq!(e.field(), "reapply_after_months");
}

#[test]
fn negative_totals_are_refused() {
    let e = validate_with(|d| d.studio.programme_total = -1);
    assert_eq!(
        e,
        PolicyError::Negative {
            field: "studio.programme_total".into(),
            value: -1
        }
    );
    let msg = load_with(&["training_base", "programme_total"], json!(-20));
    assert!(msg.contains("training_base.programme_total"), "{msg}");
    let e = validate_with(|d| d.training_base.construction_months = -24);
    assert_eq!(e.field(), "training_base.construction_months");
}

#[test]
fn a_zero_total_is_allowed() {
    let mut data = Policy::ordos_2022().to_data();
    data.studio.programme_total = 0;
    assert_eq!(
        Policy::try_from(data)
            .unwrap()
            .programme_total(ProjectKind::Studio),
        0
    );
}

#[test]
fn duplicate_or_missing_funding_sources_are_refused() {
    // Issue 15: every problem is reported; a fund listed twice in a list of
    // two is also a fund missing.
    let e =
        validate_with(|d| d.funding_order = vec![Fund::EmploymentSubsidy, Fund::EmploymentSubsidy]);
    assert_eq!(
        e.errors(),
        [
            PolicyError::DuplicateFund {
                field: "funding_order".into(),
                fund: Fund::EmploymentSubsidy
            },
            PolicyError::MissingFund {
                field: "funding_order".into(),
                fund: Fund::TalentSpecial
            }
        ]
    );
    assert_eq!(e.field(), "funding_order");
    let e = validate_with(|d| d.funding_order = vec![Fund::TalentSpecial]);
    assert_eq!(
        e,
        PolicyError::MissingFund {
            field: "funding_order".into(),
            fund: Fund::EmploymentSubsidy
        }
    );
    let msg = load_with(&["funding_order"], json!(["employment_subsidy"]));
    assert!(msg.contains("funding_order"), "{msg}");
}

#[test]
fn a_reversed_funding_order_is_a_valid_policy() {
    let mut data = Policy::ordos_2022().to_data();
    data.funding_order = vec![Fund::TalentSpecial, Fund::EmploymentSubsidy];
    let p = Policy::try_from(data).unwrap();
    assert_eq!(p.funding_order()[0], Fund::TalentSpecial);
}

#[test]
fn an_effective_period_that_ends_before_it_starts_is_refused() {
    let e = validate_with(|d| d.effective_until = Some(d.effective_from.pred_opt().unwrap()));
    assert_eq!(e.field(), "effective_until");
    assert!(matches!(e, PolicyError::EndsBeforeStart { .. }));
    let msg = load_with(&["effective_until"], json!("2022-01-01"));
    assert!(msg.contains("effective_until"), "{msg}");
    let e = validate_with(|d| d.programme_last_year = 2021);
    assert_eq!(e.field(), "programme_last_year");
}

#[test]
fn other_fields_are_validated_too() {
    assert_eq!(validate_with(|d| d.id = " ".into()).field(), "id");
    assert_eq!(
        validate_with(|d| d.document.number.clear()).field(),
        "document.number"
    );
    assert_eq!(
        validate_with(|d| d.document.issuers.clear()).field(),
        "document.issuers"
    );
    assert_eq!(
        validate_with(|d| d.kind_funding_order = vec![ProjectKind::Studio]).field(),
        "kind_funding_order"
    );
    assert_eq!(
        validate_with(|d| d.notice_working_days = 0),
        PolicyError::Zero {
            field: "notice_working_days".into()
        }
    );
    assert_eq!(
        validate_with(|d| d.notice_working_days = -3).field(),
        "notice_working_days"
    );
    assert_eq!(
        validate_with(|d| d.specialties_max = 0).field(),
        "specialties_min"
    );
    assert_eq!(
        validate_with(|d| d.annual_places = vec![skill_grants::AnnualPlaces {
            year: 2030,
            training_bases: 1,
            studios: 1
        }])
        .field(),
        "annual_places[0].year"
    );
    let e = validate_with(|d| {
        let mut conds = UnitCondition::examples();
        conds[1].id = conds[0].id.clone();
        d.unit_conditions = conds;
    });
    assert_eq!(e.field(), "unit_conditions[1].id");
    assert!(matches!(e, PolicyError::DuplicateCondition { .. }));
}

#[test]
fn example_unit_conditions_load_and_are_labelled_as_examples() {
    let mut data = Policy::ordos_2022().to_data();
    data.unit_conditions = UnitCondition::examples();
    let p = Policy::try_from(data).unwrap();
    assert_eq!(p.unit_conditions().len(), 3);
    assert!(
        p.unit_conditions()
            .iter()
            .all(|c| c.label_en.contains("example"))
    );
}

fn with_period(id: &str, from: NaiveDate, until: Option<NaiveDate>) -> Policy {
    let mut data = Policy::ordos_2022().to_data();
    data.id = id.into();
    data.effective_from = from;
    data.effective_until = until;
    Policy::try_from(data).unwrap()
}

#[test]
fn a_policy_set_answers_which_policy_is_in_force() {
    let a = with_period("a", d(2022, 6, 6), Some(d(2023, 12, 31)));
    let b = with_period("b", d(2024, 1, 1), None);
    for set in [
        PolicySet::new([a.clone(), b.clone()]).unwrap(),
        PolicySet::new([b.clone(), a.clone()]).unwrap(),
    ] {
        assert_eq!(set.in_force(d(2022, 6, 5)), None);
        assert_eq!(set.in_force(d(2022, 6, 6)).unwrap().id(), "a");
        assert_eq!(set.in_force(d(2023, 12, 31)).unwrap().id(), "a");
        assert_eq!(set.in_force(d(2024, 1, 1)).unwrap().id(), "b");
        assert_eq!(set.in_force(d(2099, 1, 1)).unwrap().id(), "b");
    }
}

#[test]
fn overlapping_periods_are_an_error() {
    let a = with_period("a", d(2022, 6, 6), Some(d(2024, 1, 1)));
    let b = with_period("b", d(2024, 1, 1), None);
    assert_eq!(
        PolicySet::new([b, a.clone()]),
        Err(PolicyError::Overlap {
            first: "a#1".into(),
            second: "b#1".into(),
            day: d(2024, 1, 1)
        })
    );
    let open = with_period("c", d(2020, 1, 1), None);
    assert!(PolicySet::new([open, a]).is_err());
    let json = serde_json::to_string(&vec![Policy::ordos_2022(), Policy::ordos_2022()]).unwrap();
    assert!(serde_json::from_str::<PolicySet>(&json).is_err());
}
