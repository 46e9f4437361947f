//! Sample data and builders for the round tests (shared by tests/round*.rs).
//!
//! Units, people and 4.2 bodies are invented; banners and districts are real.
#![allow(dead_code)]

use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::round::*;
use skill_grants::{AnnualPlaces, Banner, NaiveDate, Policy, ProjectKind, Yuan};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub const REF: (i32, u32, u32) = (2022, 7, 1);

pub fn reference() -> NaiveDate {
    d(REF.0, REF.1, REF.2)
}

pub fn banner(b: Banner) -> Recommender {
    Recommender::Banner(b)
}

pub fn body(id: &str) -> Recommender {
    Recommender::Body(BodyId::new(id))
}

pub fn report() -> RecommendationReport {
    RecommendationReport::new(
        "单位申报、旗区初评、公示后上报",
        "材料审查与现场评审相结合",
        "技工院校、企业专家五人",
    )
}

/// A base application at a vocational college in `seat`.
pub fn base(id: &str, unit: &str, name: &str, seat: Seat) -> Application {
    let u = Unit::new(UnitId::new(unit), name, UnitKind::VocationalCollege, seat);
    Application::training_base(id, u, reference(), [Specialty::new("化工总控工")])
}

/// A base application with its own specialties.
pub fn base_with(id: &str, unit: &str, name: &str, seat: Seat, specs: &[&str]) -> Application {
    let u = Unit::new(UnitId::new(unit), name, UnitKind::KeyEnterprise, seat);
    Application::training_base(id, u, reference(), specs.iter().map(|s| Specialty::new(*s)))
}

/// A studio application led by an Ordos Craftsman.
pub fn studio(id: &str, unit: &str, name: &str, seat: Seat) -> Application {
    let u = Unit::new(UnitId::new(unit), name, UnitKind::KeyEnterprise, seat);
    let lead = StudioLead::new(
        PersonId::new(format!("P-{id}")),
        "王某",
        [Honour::OrdosCraftsman],
    );
    Application::studio(id, u, reference(), lead)
}

pub fn in_banner(b: Banner) -> Seat {
    Seat::Banner(b)
}

pub fn under(body: &str) -> Seat {
    Seat::Body(BodyId::new(body))
}

pub fn recommendation(
    by: Recommender,
    kind: ProjectKind,
    candidates: Vec<Application>,
) -> Recommendation {
    Recommendation {
        recommender: by,
        kind,
        report: report(),
        candidates,
    }
}

pub fn setup(places: (u32, u32), quotas: Vec<Quota>, balances: (u32, u32)) -> RoundSetup {
    RoundSetup {
        year: REF.0,
        reference_date: reference(),
        places: Some(AnnualPlaces {
            year: REF.0,
            training_bases: places.0,
            studios: places.1,
        }),
        quotas,
        balances: FundBalances::new(Yuan::from_yuan(balances.0), Yuan::from_yuan(balances.1)),
        earlier: Coverage::default(),
    }
}

/// Quotas of `n` per kind for every banner and the given bodies.
pub fn quotas(n: u32, bodies: &[&str]) -> Vec<Quota> {
    let mut out = Vec::new();
    for kind in ProjectKind::ALL {
        for b in Banner::ALL {
            out.push(Quota::new(banner(b), kind, n));
        }
        for id in bodies {
            out.push(Quota::new(body(id), kind, n));
        }
    }
    out
}

pub fn experts() -> Vec<ExpertMember> {
    vec![
        ExpertMember::new("张某", "市某技工学校"),
        ExpertMember::new("李某", "市某局直属单位"),
        ExpertMember::new("赵某", "某能源企业"),
    ]
}

pub fn review(scores: &[(&str, u32)]) -> CityReview {
    CityReview {
        experts: experts(),
        scores: scores
            .iter()
            .map(|(a, s)| CandidateScore::new(*a, Score::points(*s)))
            .collect(),
    }
}

pub fn verdict<'a>(outcome: &'a RoundOutcome, app: &str) -> &'a Verdict {
    &outcome
        .candidates
        .iter()
        .find(|c| c.application.as_str() == app)
        .unwrap_or_else(|| panic!("no candidate {app}"))
        .verdict
}

pub fn is_funded(v: &Verdict) -> bool {
    matches!(
        v,
        Verdict::Selected {
            funding: Funding::Funded { .. },
            ..
        }
    )
}

pub fn policy_with(move_up: bool, studios_first: bool) -> Policy {
    let mut data = Policy::ordos_2022().to_data();
    data.move_up_on_objection = move_up;
    if studios_first {
        data.kind_funding_order = vec![ProjectKind::Studio, ProjectKind::TrainingBase];
    }
    data.revision = 2;
    Policy::try_from(data).unwrap()
}
