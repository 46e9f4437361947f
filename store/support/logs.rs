//! Generated valid logs for the store's tests, benches and examples:
//! training bases cloned from the sample round's first one under fresh ids,
//! each with a log of one-fen payments spread over its construction period.
//! Included with `#[path]`; not part of the crate's API.
#![allow(dead_code)]

use skill_grants::chain::Sealed;
use skill_grants::domain::{ProjectId, UnitId};
use skill_grants::lifecycle::{
    Actor, Event, Project, ProjectStart, SpecialtyIndex, Spend, SpendingCategory,
};
use skill_grants::policy::Policy;
use skill_grants::{NaiveDate, ProjectKind, Yuan};

/// Any error of the generator.
pub type Error = Box<dyn std::error::Error>;

/// A project and its sealed log.
pub type Logged = (Project, Vec<Sealed<Event>>);

/// The sample policy and a base's start record to clone.
pub fn template() -> Result<(Policy, ProjectStart), Error> {
    let round = skill_grants::sample::round_2022()?;
    let start = round
        .projects()
        .into_iter()
        .map(|p| p.project_start())
        .find(|s| s.kind == ProjectKind::TrainingBase)
        .ok_or("the sample round funds no base")?;
    Ok((round.policy().clone(), start))
}

/// The start record of generated project `i`.
pub fn start(template: &ProjectStart, i: usize) -> ProjectStart {
    let mut start = template.clone();
    start.project = ProjectId::new(format!("G-{i:07}"));
    start
}

/// One fen, for a base's first specialty.
pub fn fen() -> Spend {
    Spend::base(
        SpendingCategory::TrainingEquipment,
        Yuan::from_fen(1).unwrap_or(Yuan::ZERO),
        SpecialtyIndex(0),
    )
}

/// The dates of `n` payments, spread over the 700 days after the release.
pub fn days(released: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let calendar: Vec<NaiveDate> = released.iter_days().take(701).collect();
    (0..n)
        .map(|k| {
            let offset = k.saturating_mul(700) / n.max(1);
            calendar.get(offset).copied().unwrap_or(released)
        })
        .collect()
}

/// A project opened from `start` and its log of `events` records: the start
/// and `events - 1` one-fen payments by the unit.
pub fn payment_log(policy: &Policy, start: ProjectStart, events: usize) -> Result<Logged, Error> {
    let unit = Actor::Unit(UnitId::new(start.unit.as_str()));
    let released = start.released_on;
    let (mut project, started) = Project::open(start, policy)?;
    let mut log = Vec::with_capacity(events);
    log.push(started);
    let payments = events.saturating_sub(1);
    for on in days(released, payments) {
        let payment = project.decide_payment(&unit, on, &fen())?;
        let record = project.payment_event(payment)?;
        project.apply(&record)?;
        log.push(record);
    }
    Ok((project, log))
}
