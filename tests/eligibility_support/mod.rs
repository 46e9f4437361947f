//! Shared builders for the eligibility tests: invented units and people in the
//! nine real banners and districts.
#![allow(dead_code)]

use chrono::NaiveDate;
use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::eligibility::{Decision, Finding, Outcome, Remedy, RuleId, decide};
use skill_grants::{Banner, Policy, ProjectKind};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A technical school in Dalad Banner with no history.
pub fn school() -> Unit {
    Unit::new(
        UnitId::new("U-DLT-01"),
        "达拉特旗某职业技术学校",
        UnitKind::TechnicalSchool,
        Seat::Banner(Banner::DaladBanner),
    )
}

/// A key enterprise in Jungar Banner with no history.
pub fn enterprise() -> Unit {
    Unit::new(
        UnitId::new("U-ZGE-07"),
        "准格尔旗某煤化工企业",
        UnitKind::KeyEnterprise,
        Seat::Banner(Banner::JungarBanner),
    )
}

pub fn lead() -> StudioLead {
    StudioLead::new(
        PersonId::new("P-001"),
        "王某",
        [Honour::CityTechnicalExpert],
    )
}

/// A base application with one specialty.
pub fn base(unit: Unit, reference: NaiveDate) -> Application {
    Application::training_base("A-B-01", unit, reference, [Specialty::new("焊工")])
}

/// A studio application led by 王某, City Technical Expert.
pub fn studio(unit: Unit, reference: NaiveDate) -> Application {
    Application::studio("A-S-01", unit, reference, lead())
}

/// A project open since `released`.
pub fn open(id: &str, kind: ProjectKind, released: NaiveDate) -> PastProject {
    PastProject::open(id, kind, released)
}

/// A project that passed acceptance (and so closed) on `accepted`.
pub fn accepted(
    id: &str,
    kind: ProjectKind,
    released: NaiveDate,
    accepted: NaiveDate,
    effective: bool,
) -> PastProject {
    PastProject {
        closed_on: Some(accepted),
        accepted_on: Some(accepted),
        rated_effective: effective,
        ..PastProject::open(id, kind, released)
    }
}

/// A project closed on `closed` without acceptance (dissolved or revoked).
pub fn closed(id: &str, kind: ProjectKind, released: NaiveDate, closed: NaiveDate) -> PastProject {
    PastProject {
        closed_on: Some(closed),
        ..PastProject::open(id, kind, released)
    }
}

pub fn decide_ordos(app: &Application) -> Decision {
    decide(&Policy::ordos_2022(), app).unwrap()
}

pub fn finding(decision: &Decision, rule: RuleId) -> &Finding {
    decision
        .finding(rule)
        .unwrap_or_else(|| panic!("no finding for {rule:?}"))
}

pub fn outcome(decision: &Decision, rule: RuleId) -> Outcome {
    finding(decision, rule).outcome
}

pub fn remedy(decision: &Decision, rule: RuleId) -> Option<Remedy> {
    finding(decision, rule).remedy
}

/// The Ordos policy with the stricter reading of R6.
pub fn strict_policy() -> Policy {
    let mut data = Policy::ordos_2022().to_data();
    data.construction_bar = skill_grants::ConstructionBar::UntilAccepted;
    data.revision = 2;
    Policy::try_from(data).unwrap()
}

/// The Ordos policy carrying the crate's *example* host conditions (R16).
pub fn policy_with_examples() -> Policy {
    let mut data = Policy::ordos_2022().to_data();
    data.unit_conditions = skill_grants::UnitCondition::examples();
    data.id = "ordos-2022-100-with-example-conditions".into();
    Policy::try_from(data).unwrap()
}
