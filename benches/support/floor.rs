//! The floor of one eligibility decision (issue 14): the same rules as
//! `eligibility::decide`, written by hand as one plain function that answers
//! only "eligible or not": the same validation checks and every rule, each
//! evaluated (as `decide` evaluates every one), but no findings, no facts, no
//! text and nothing allocated. The bench
//! `eligibility/floor` runs it on the same pool as `eligibility/decide`, so
//! the ratio of the two is measured in one run, whatever the load; both
//! benches check first that it agrees with `decide` on every application of
//! the pool.

use chrono::Datelike;
use skill_grants::application::Application;
use skill_grants::date::add_months;
use skill_grants::domain::Seat;
use skill_grants::policy::{ConditionTest, ConstructionBar};
use skill_grants::{NaiveDate, Policy, ProjectKind};

/// Full years from `born` to `on`.
fn full_years(born: NaiveDate, on: NaiveDate) -> i32 {
    let years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years - 1
    } else {
        years
    }
}

/// True when `app` does not contradict itself: the checks of `decide`'s
/// validation (blank ids, a lead on a base or none on a studio, specialties on
/// a studio, a lead born after the reference date, repeated specialties or
/// projects, a project closed or accepted before its release or accepted
/// after its closing).
fn well_formed(app: &Application) -> bool {
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    let base = app.kind == ProjectKind::TrainingBase;
    let mut ok = !blank(app.id.as_str()) & !blank(app.unit.id.as_str());
    ok &= match (&app.lead, base) {
        (Some(_), true) => false,
        (None, false) => false,
        (Some(l), false) => {
            !blank(l.id.as_str())
                & l.born_on.is_none_or(|b| b <= app.reference_date)
                & app.specialties.is_empty()
        }
        (None, true) => true,
    };
    for (i, s) in app.specialties.iter().enumerate() {
        ok &= !blank(s.as_str());
        ok &= !app.specialties.iter().take(i).any(|t| t == s);
    }
    let projects = &app.unit.projects;
    for (i, p) in projects.iter().enumerate() {
        ok &= !blank(p.id.as_str());
        ok &= !projects.iter().take(i).any(|q| q.id == p.id);
        ok &= p.closed_on.is_none_or(|c| c >= p.released_on);
        ok &= p.accepted_on.is_none_or(|a| a >= p.released_on);
        ok &= !matches!((p.accepted_on, p.closed_on), (Some(a), Some(c)) if a > c);
    }
    ok
}

/// True when `app` is well formed and meets every rule of eligibility under
/// `policy`: 1.2.1 (R1), 1.2.2 (R2), 3.1 (R16), 3.2 (R5), 3.3 (R6), 3.4 (R7),
/// 4.2, 6.1 (R11). Every rule is evaluated, as `decide` evaluates every one
/// (no stop at the first failure).
pub fn eligible_by_hand(policy: &Policy, app: &Application) -> bool {
    let base = app.kind == ProjectKind::TrainingBase;
    let unit = &app.unit;
    let on = app.reference_date;
    let lead = app.lead.as_ref();
    let mut ok = well_formed(app);
    // R1, R2.
    ok &= !base || unit.kind.may_host_base();
    ok &= base || lead.is_some_and(|l| !l.honours.is_empty());
    // R16.
    for c in policy.unit_conditions() {
        if c.applies_to.is_some_and(|k| k != app.kind) {
            continue;
        }
        ok &= match &c.test {
            ConditionTest::MinSiteArea { square_metres } => {
                unit.facts.site_area_m2.is_some_and(|a| a >= *square_metres)
            }
            ConditionTest::MinYearlyTrainees { count } => {
                unit.facts.yearly_trainees.is_some_and(|a| a >= *count)
            }
            ConditionTest::LeadMinSkillLevel { level } => {
                lead.is_none_or(|l| l.skill_level.is_some_and(|s| s >= *level))
            }
            ConditionTest::LeadMaxAge { years } => lead.is_none_or(|l| {
                l.born_on
                    .is_some_and(|b| i64::from(full_years(b, on)) < i64::from(*years))
            }),
            ConditionTest::Declared { key } => unit.facts.declarations.iter().any(|d| d == key),
            _ => false,
        };
    }
    // R5.
    ok &= !unit.titles.iter().any(|t| t.kind == app.kind && t.funded);
    // R6 and R7.
    for p in &unit.projects {
        let closed = p.accepted_on.or(p.closed_on);
        let Ok(deadline) = policy.completion_deadline(p.kind, p.released_on) else {
            return false;
        };
        let free_from = match policy.construction_bar() {
            ConstructionBar::UntilAccepted => closed,
            _ => deadline
                .succ_opt()
                .map(|after| closed.map_or(after, |c| c.min(after))),
        };
        ok &= !(on >= p.released_on && free_from.is_none_or(|f| on < f));
        if p.kind == app.kind {
            ok &= match p.accepted_on {
                Some(a) if !p.revoked && p.rated_effective => {
                    matches!(add_months(a, policy.reapply_after_months()), Ok(from) if from <= on)
                }
                _ => false,
            };
        }
    }
    // 4.2.
    ok &= !matches!(unit.seat, Seat::Body(_)) || unit.independent_legal_person;
    // R11.
    if base {
        let (min, max) = policy.specialties_range();
        let n = u32::try_from(app.specialties.len()).unwrap_or(u32::MAX);
        ok &= (min..=max).contains(&n);
    }
    ok
}
