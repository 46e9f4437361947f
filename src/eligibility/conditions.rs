//! The conditions of application (申报条件): one function per rule, in the
//! order of the notice, and [`evaluate`], which applies every one of them.
//!
//! Each function reads the application and the policy, allocates nothing
//! except, for a failure of 3.3 or 3.4, the id of the project it names, and
//! does not depend on the order of the unit's titles or projects (where
//! several candidates exist the choice is made by value, then by id).

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::error::ApplicationError;
use super::validate::validate;
use super::{
    BarringProject, ConditionCheck, EarlierProject, Facts, Finding, HonourSet, Outcome, Remedy,
    RuleId, Standing,
};
use crate::application::{Application, PastProject, Title, Unit};
use crate::date::add_months;
use crate::domain::ProjectKind;
use crate::domain::{BodyId, Seat};
use crate::policy::{ConditionTest, ConstructionBar, Policy, UnitCondition};

/// Applies every rule to `application`, in the order of the notice
/// ([`RuleId::ALL`]), replacing the contents of `findings` with one finding
/// per rule, and one per host condition of the policy (R16) in the policy's
/// order. The work of [`decide`](super::decide) without building a
/// [`Decision`](super::Decision): a caller deciding many applications (a
/// round) reuses one buffer.
///
/// # Law
///
/// 1.2.1 (R1), 1.2.2 (R2), 3.1 (R16), 3.2 (R5), 3.3 (R6), 3.4 (R7), 4.2 and
/// 6.1 (R11): each rule's own function below says what it reads.
///
/// # Errors
///
/// [`ApplicationError`] when the application contradicts itself (checked
/// first, before any rule), or when a completion deadline or reapplication
/// date (R10) leaves the range of dates; `findings` is then of no use.
///
/// # Example
///
/// See [`decide`](super::decide), which calls it.
pub(crate) fn evaluate(
    policy: &Policy,
    application: &Application,
    findings: &mut Vec<Finding>,
) -> Result<(), ApplicationError> {
    findings.clear();
    validate(application)?;
    let conditions = policy.unit_conditions();
    findings.reserve(RuleId::ALL.len() + conditions.len());
    // 1.2.1 (R1), 1.2.2 (R2).
    findings.push(host_kind(application));
    findings.push(lead_honours(application));
    // 3.1 (R16): one finding per host condition, in the policy's order.
    for (index, condition) in conditions.iter().enumerate() {
        findings.push(host_condition(
            index,
            condition,
            application,
            application.reference_date,
        ));
    }
    // 3.2 (R5), 3.3 (R6), 3.4 (R7), 4.2, 6.1 (R11).
    findings.push(region_title(application));
    findings.push(construction_period(policy, application)?);
    findings.push(reapplication(policy, application)?);
    findings.push(directly_under_body(application));
    findings.push(specialties(policy, application));
    Ok(())
}

fn finding(rule: RuleId, outcome: Outcome, facts: Facts, remedy: Option<Remedy>) -> Finding {
    Finding {
        rule,
        clause: rule.clause(),
        outcome,
        facts,
        remedy,
    }
}

fn passed(rule: RuleId, facts: Facts) -> Finding {
    finding(rule, Outcome::Passed, facts, None)
}

fn failed(rule: RuleId, facts: Facts, remedy: Remedy) -> Finding {
    finding(rule, Outcome::Failed, facts, Some(remedy))
}

fn not_applicable(rule: RuleId, facts: Facts) -> Finding {
    finding(rule, Outcome::NotApplicable, facts, None)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// R1 (1.2.1): only technical schools, vocational colleges and key enterprises
/// host a training base. Studios: not applicable.
pub(super) fn host_kind(app: &Application) -> Finding {
    let rule = RuleId::HostKind;
    let facts = Facts::HostKind {
        unit_kind: app.unit.kind,
    };
    match app.kind {
        ProjectKind::Studio => not_applicable(rule, facts),
        ProjectKind::TrainingBase if app.unit.kind.may_host_base() => passed(rule, facts),
        ProjectKind::TrainingBase => failed(rule, facts, Remedy::NoPathBack),
    }
}

/// R2 (1.2.2): a studio's lead holds at least one of the seven honours.
/// Bases: not applicable.
pub(super) fn lead_honours(app: &Application) -> Finding {
    let rule = RuleId::LeadHonours;
    match (app.kind, &app.lead) {
        (ProjectKind::TrainingBase, _) => not_applicable(
            rule,
            Facts::LeadHonours {
                held: HonourSet::EMPTY,
            },
        ),
        (ProjectKind::Studio, lead) => {
            let held = lead.as_ref().map_or(HonourSet::EMPTY, |l| {
                HonourSet::from_honours(l.honours.iter().copied())
            });
            let facts = Facts::LeadHonours { held };
            if held.is_empty() {
                failed(rule, facts, Remedy::LeadWithHonour)
            } else {
                passed(rule, facts)
            }
        }
    }
}

/// Full years from `born` to `on` (a birthday on 29 February is reached on
/// 1 March in other years).
fn full_years(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// R16 (3.1): one host-supplied condition, as of the day `on` (the reference
/// date; a later day for [`first_day_free`]: the lead's age is the one fact
/// that changes with the day). Not applicable when it is for the other kind,
/// or reads a studio lead and the application (a base) has none. A fact the
/// condition reads and the application does not supply fails it.
pub(super) fn host_condition(
    index: usize,
    c: &UnitCondition,
    app: &Application,
    on: NaiveDate,
) -> Finding {
    let rule = RuleId::HostCondition;
    let lead = app.lead.as_ref();
    let facts_of = &app.unit.facts;
    let (check, reads_lead) = match &c.test {
        ConditionTest::MinSiteArea { square_metres } => (
            ConditionCheck::SiteArea {
                required: *square_metres,
                actual: facts_of.site_area_m2,
            },
            false,
        ),
        ConditionTest::MinYearlyTrainees { count } => (
            ConditionCheck::YearlyTrainees {
                required: *count,
                actual: facts_of.yearly_trainees,
            },
            false,
        ),
        ConditionTest::LeadMinSkillLevel { level } => (
            ConditionCheck::LeadSkillLevel {
                required: *level,
                actual: lead.and_then(|l| l.skill_level),
            },
            true,
        ),
        ConditionTest::LeadMaxAge { years } => (
            ConditionCheck::LeadAge {
                limit: *years,
                actual: lead.and_then(|l| l.born_on).map(|b| full_years(b, on)),
            },
            true,
        ),
        ConditionTest::Declared { key } => (
            ConditionCheck::Declared {
                declared: facts_of.declarations.iter().any(|d| d == key),
            },
            false,
        ),
    };
    let facts = Facts::HostCondition {
        index: count(index),
        applies_to: c.applies_to,
        check,
    };
    if c.applies_to.is_some_and(|k| k != app.kind) || (reads_lead && lead.is_none()) {
        return not_applicable(rule, facts);
    }
    let met = match check {
        ConditionCheck::SiteArea { required, actual }
        | ConditionCheck::YearlyTrainees { required, actual } => actual.map(|a| a >= required),
        ConditionCheck::LeadSkillLevel { required, actual } => actual.map(|a| a >= required),
        ConditionCheck::LeadAge { limit, actual } => actual.map(|a| a < limit),
        ConditionCheck::Declared { declared } => Some(declared),
    };
    match met {
        Some(true) => passed(rule, facts),
        Some(false) => failed(rule, facts, Remedy::MeetCondition),
        None => failed(rule, facts, Remedy::SupplyFact),
    }
}

/// R16: true when a host condition's finding may change with the day it is
/// judged on — the lead's age (the other facts are the unit's, as supplied).
fn changes_with_the_day(c: &UnitCondition) -> bool {
    match c.test {
        ConditionTest::LeadMaxAge { .. } => true,
        ConditionTest::MinSiteArea { .. }
        | ConditionTest::MinYearlyTrainees { .. }
        | ConditionTest::LeadMinSkillLevel { .. }
        | ConditionTest::Declared { .. } => false,
    }
}

/// R5 (3.2): a funded region-or-national title of the same kind bars; an
/// unfunded one, or one of the other kind, does not. Not applicable when the
/// unit holds no region-or-national title of the kind applied for (the
/// precondition of 3.2 is absent); passed when it holds only unfunded ones.
pub(super) fn region_title(app: &Application) -> Finding {
    let rule = RuleId::RegionTitle;
    let mut barring: Option<&Title> = None;
    let mut same_kind_unfunded = 0u32;
    let mut other_kind = 0u32;
    for t in &app.unit.titles {
        if t.kind != app.kind {
            other_kind = other_kind.saturating_add(1);
        } else if !t.funded {
            same_kind_unfunded = same_kind_unfunded.saturating_add(1);
        } else if barring.is_none_or(|b| t > b) {
            barring = Some(t);
        }
    }
    let facts = Facts::RegionTitle {
        barring: barring.cloned(),
        same_kind_unfunded,
        other_kind,
    };
    match (barring.is_some(), same_kind_unfunded) {
        (true, _) => failed(rule, facts, Remedy::NoPathBack),
        // No region-or-national title of this kind: the rule's precondition
        // is absent (titles of the other kind are not its concern).
        (false, 0) => not_applicable(rule, facts),
        (false, _) => passed(rule, facts),
    }
}

fn out_of_range(app: &Application, p: &PastProject) -> ApplicationError {
    ApplicationError::DateOutOfRange {
        application: app.id.clone(),
        project: p.id.clone(),
    }
}

/// `None` (no date known) counts as later than any date.
fn cmp_open_ended(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => x.cmp(&y),
    }
}

/// The days on which one project bars the unit (R6 or R7): from `from`
/// (included) until `until` (excluded); `None` for a bar that never ends with
/// the same facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    from: NaiveDate,
    until: Option<NaiveDate>,
}

impl Span {
    /// True when the bar holds on `day`.
    fn holds_on(self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day < u)
    }
}

/// One project's construction period, as R6 reads it.
struct Construction<'a> {
    project: &'a PastProject,
    deadline: NaiveDate,
    closed_on: Option<NaiveDate>,
    span: Span,
}

/// R6 (3.3), for one funded city-level project, of either kind: the span in
/// which it bars the unit — from its release through its completion deadline
/// (R10), both days included, or until its closing day, whichever comes
/// first (free from the closing day); under the stricter *parameter*, until
/// it closes, by acceptance, or by revocation or dissolution, which end
/// construction. A project is closed on its acceptance date if it has one,
/// otherwise on its closing date. [`construction_period`] judges the
/// reference date by it, and [`first_day_free`] the days after.
fn construction<'a>(
    policy: &Policy,
    app: &Application,
    p: &'a PastProject,
) -> Result<Construction<'a>, ApplicationError> {
    let closed_on = p.accepted_on.or(p.closed_on);
    let deadline = policy
        .completion_deadline(p.kind, p.released_on)
        .map_err(|_| out_of_range(app, p))?;
    let until = match policy.construction_bar() {
        ConstructionBar::UntilDeadlineOrClosed => {
            let after = deadline.succ_opt().ok_or_else(|| out_of_range(app, p))?;
            Some(closed_on.map_or(after, |c| c.min(after)))
        }
        ConstructionBar::UntilAccepted => closed_on,
    };
    Ok(Construction {
        project: p,
        deadline,
        closed_on,
        span: Span {
            from: p.released_on,
            until,
        },
    })
}

/// R6 (3.3): any funded city-level project, of either kind, bars the unit while
/// the reference date lies in its construction period ([`construction`]).
/// Not applicable when the unit has no funded city-level project.
pub(super) fn construction_period(
    policy: &Policy,
    app: &Application,
) -> Result<Finding, ApplicationError> {
    let rule = RuleId::ConstructionPeriod;
    let reference = app.reference_date;
    let mut barring = 0u32;
    let mut latest: Option<Construction<'_>> = None;
    for p in &app.unit.projects {
        let c = construction(policy, app, p)?;
        if !c.span.holds_on(reference) {
            continue;
        }
        barring = barring.saturating_add(1);
        let replace = match &latest {
            None => true,
            Some(l) => match cmp_open_ended(c.span.until, l.span.until) {
                Ordering::Greater => true,
                Ordering::Equal => p.id < l.project.id,
                Ordering::Less => false,
            },
        };
        if replace {
            latest = Some(c);
        }
    }
    let remedy = latest.as_ref().map(|l| match l.span.until {
        Some(d) => Remedy::ApplyFrom(d),
        None => Remedy::AwaitClosing,
    });
    let facts = Facts::ConstructionPeriod {
        reference_date: reference,
        bar: policy.construction_bar(),
        projects: count(app.unit.projects.len()),
        barring,
        latest: latest.map(|l| BarringProject {
            id: l.project.id.clone(),
            kind: l.project.kind,
            released_on: l.project.released_on,
            deadline: l.deadline,
            closed_on: l.closed_on,
            free_from: l.span.until,
        }),
    };
    Ok(match (remedy, app.unit.projects.is_empty()) {
        (Some(r), _) => failed(rule, facts, r),
        // No funded city-level project at all: the precondition of 3.3 is absent.
        (None, true) => not_applicable(rule, facts),
        (None, false) => passed(rule, facts),
    })
}

/// R7 (3.4), for one earlier city-level project of the kind applied for: how
/// it stands in the way of reapplying, and the span in which it does — every
/// day before its acceptance date plus the months of 3.4 (R10) when it
/// passed acceptance rated effective (then it stands as
/// [`Standing::TooRecent`]); every day, with no end, when it was revoked,
/// closed without acceptance, accepted but not rated effective, or is not yet
/// accepted. [`reapplication`] judges the reference date by it, and
/// [`first_day_free`] the days after.
fn earlier_project(
    policy: &Policy,
    app: &Application,
    p: &PastProject,
) -> Result<(Standing, Span), ApplicationError> {
    let (standing, until) = if p.revoked {
        (Standing::Revoked, None)
    } else {
        match p.accepted_on {
            None if p.closed_on.is_some() => (Standing::NeverAccepted, None),
            None => (Standing::NotYetAccepted, None),
            Some(_) if !p.rated_effective => (Standing::NotRatedEffective, None),
            Some(accepted) => {
                let from = add_months(accepted, policy.reapply_after_months())
                    .map_err(|_| out_of_range(app, p))?;
                (Standing::TooRecent, Some(from))
            }
        }
    };
    Ok((
        standing,
        Span {
            from: NaiveDate::MIN,
            until,
        },
    ))
}

/// R7 (3.4): every earlier city-level project of the same kind must have passed
/// acceptance, been rated effective, and its acceptance date plus the months
/// of 3.4 (R10) must be on or before the reference date ([`earlier_project`]).
/// A revoked project, one closed without acceptance, or one accepted but not
/// rated effective gives no path back. Not applicable when the unit had no
/// earlier city-level project of this kind.
pub(super) fn reapplication(
    policy: &Policy,
    app: &Application,
) -> Result<Finding, ApplicationError> {
    let rule = RuleId::Reapplication;
    let reference = app.reference_date;
    let mut earlier = 0u32;
    let mut blocking = 0u32;
    let mut worst: Option<(&PastProject, Standing, Option<NaiveDate>)> = None;
    for p in app.unit.projects.iter().filter(|p| p.kind == app.kind) {
        earlier = earlier.saturating_add(1);
        let (standing, span) = earlier_project(policy, app, p)?;
        if !span.holds_on(reference) {
            continue;
        }
        let eligible_from = span.until;
        blocking = blocking.saturating_add(1);
        let replace = match &worst {
            None => true,
            Some((w, ws, wfrom)) => match standing
                .cmp(ws)
                .then_with(|| cmp_open_ended(eligible_from, *wfrom))
            {
                Ordering::Greater => true,
                Ordering::Equal => p.id < w.id,
                Ordering::Less => false,
            },
        };
        if replace {
            worst = Some((p, standing, eligible_from));
        }
    }
    let remedy = worst.as_ref().map(|(_, s, from)| match (s, from) {
        (Standing::TooRecent, Some(d)) => Remedy::ApplyFrom(*d),
        (Standing::NotYetAccepted, _) => Remedy::AwaitAcceptance,
        _ => Remedy::NoPathBack,
    });
    let facts = Facts::Reapplication {
        reference_date: reference,
        after_months: policy.reapply_after_months(),
        earlier,
        blocking,
        worst: worst.map(|(p, standing, eligible_from)| EarlierProject {
            id: p.id.clone(),
            standing,
            accepted_on: p.accepted_on,
            eligible_from,
        }),
    };
    Ok(match (remedy, earlier) {
        (Some(r), _) => failed(rule, facts, r),
        // No earlier city-level project of this kind: the precondition of 3.4
        // (a unit applying again) is absent.
        (None, 0) => not_applicable(rule, facts),
        (None, _) => passed(rule, facts),
    })
}

/// The first day, on or after the reference date, on which the unit could
/// apply with the same facts, given the `findings` of [`evaluate`] on it:
/// the reference date when no finding failed; `None` when a failure is not
/// a time bar with a date (3.3, 3.4). Otherwise the first day no bar of
/// 3.3 or 3.4 holds on ([`first_day_outside`]), and `None` when on that day
/// a host condition fails (R16: the lead has reached the age limit, and never
/// gets younger).
///
/// Every bar starts on or before the reference date unless a project was
/// released after it (R7's bars hold from any earlier day; R6's from the
/// release): then the bars that hold on the reference date end by the latest
/// date of the failures, and the others before it, so that date is the day,
/// and the spans are not needed.
///
/// # Errors
///
/// As [`evaluate`], which has already met them: a date of R10 out of range.
pub(super) fn first_day_free(
    policy: &Policy,
    app: &Application,
    findings: &[Finding],
) -> Result<Option<NaiveDate>, ApplicationError> {
    let reference = app.reference_date;
    let mut latest: Option<NaiveDate> = None;
    for f in findings.iter().filter(|f| f.outcome == Outcome::Failed) {
        match f.remedy {
            Some(Remedy::ApplyFrom(d)) => latest = latest.max(Some(d)),
            _ => return Ok(None),
        }
    }
    let Some(latest) = latest else {
        return Ok(Some(reference));
    };
    let day = if app.unit.projects.iter().all(|p| p.released_on <= reference) {
        latest
    } else {
        match first_day_outside(policy, app)? {
            Some(day) => day,
            None => return Ok(None),
        }
    };
    let aged_out = policy
        .unit_conditions()
        .iter()
        .enumerate()
        .filter(|(_, c)| changes_with_the_day(c))
        .any(|(i, c)| host_condition(i, c, app, day).outcome == Outcome::Failed);
    Ok((!aged_out).then_some(day))
}

/// The first day on or after the reference date that no bar of 3.3 or 3.4
/// holds on: each project's bars are the spans of [`construction`] and
/// [`earlier_project`] — the rules' own — sorted by their first day and
/// swept once (O(n log n)), so that a bar ending inside another's span moves
/// the day on, and a project released after the reference date (which does
/// not bar on it, R6) bars from its release; `None` when the day reaches a
/// bar with no end.
fn first_day_outside(
    policy: &Policy,
    app: &Application,
) -> Result<Option<NaiveDate>, ApplicationError> {
    let mut spans = Vec::with_capacity(app.unit.projects.len().saturating_mul(2));
    for p in &app.unit.projects {
        spans.push(construction(policy, app, p)?.span);
        if p.kind == app.kind {
            spans.push(earlier_project(policy, app, p)?.1);
        }
    }
    spans.sort_unstable_by_key(|s| s.from);
    let mut day = app.reference_date;
    for span in spans {
        if span.from > day {
            break;
        }
        match span.until {
            Some(until) => day = day.max(until),
            None => return Ok(None),
        }
    }
    Ok(Some(day))
}

/// 4.2 (直属单位推荐), the one place the clause is checked: the body `unit`
/// sits directly under, if any, and whether that body may recommend it —
/// only an independent legal person (独立法人). `None` for a unit in a banner
/// or district, which its banner or district recommends (4.1).
fn recommending_body(unit: &Unit) -> Option<(&BodyId, bool)> {
    match &unit.seat {
        Seat::Body(body) => Some((body, unit.independent_legal_person)),
        Seat::Banner(_) => None,
    }
}

/// 4.2: a unit seated directly under a recommending body must be an
/// independent legal person. A unit in a banner or district (4.1): not
/// applicable.
pub(super) fn directly_under_body(app: &Application) -> Finding {
    let rule = RuleId::DirectlyUnderBody;
    let under = recommending_body(&app.unit);
    let facts = Facts::DirectlyUnderBody {
        under_body: under.is_some(),
        independent_legal_person: app.unit.independent_legal_person,
    };
    match under {
        None => not_applicable(rule, facts),
        Some((_, true)) => passed(rule, facts),
        Some((_, false)) => failed(rule, facts, Remedy::IndependentLegalPerson),
    }
}

/// 4.2, for a body's list (R8): true when `unit` sits directly under `body`
/// and is an independent legal person, so that `body` may recommend it. The
/// same check as the rule [`RuleId::DirectlyUnderBody`].
///
/// # Law
///
/// Clause 4.2 (四（二）): a city department, large enterprise or institution
/// recommends among its directly affiliated units with independent
/// legal-person status; reading R8 for the lists.
///
/// # Errors
///
/// None: the answer is a plain yes or no.
///
/// # Example
///
/// ```
/// use skill_grants::eligibility::body_may_recommend;
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// let body = BodyId::new("city-energy-group");
/// let mut unit = Unit::new(UnitId::new("U-1"), "某能源集团下属技工学校", UnitKind::TechnicalSchool, Seat::Body(body.clone()));
/// assert!(body_may_recommend(&unit, &body));
/// assert!(!body_may_recommend(&unit, &BodyId::new("city-transport-bureau")));
/// unit.independent_legal_person = false;
/// assert!(!body_may_recommend(&unit, &body));
/// ```
pub fn body_may_recommend(unit: &Unit, body: &BodyId) -> bool {
    matches!(recommending_body(unit), Some((b, true)) if b == body)
}

/// R11 (6.1): a base declares between the policy's fewest and most specialties
/// (one or two). Studios: not applicable.
pub(super) fn specialties(policy: &Policy, app: &Application) -> Finding {
    let rule = RuleId::Specialties;
    let (min, max) = policy.specialties_range();
    let declared = count(app.specialties.len());
    let facts = Facts::Specialties { declared, min, max };
    match app.kind {
        ProjectKind::Studio => not_applicable(rule, facts),
        ProjectKind::TrainingBase if (min..=max).contains(&declared) => passed(rule, facts),
        ProjectKind::TrainingBase => failed(rule, facts, Remedy::DeclareSpecialties { min, max }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::UnitKind;
    use crate::domain::Banner;
    use crate::domain::Specialty;

    #[test]
    fn evaluate_gives_one_finding_per_rule_in_the_order_of_the_notice() {
        let mut policy = Policy::ordos_2022().to_data();
        policy.unit_conditions = UnitCondition::examples();
        let policy = Policy::try_from(policy).unwrap();
        let unit = Unit::new(
            crate::domain::UnitId::new("U-1"),
            "达拉特旗某职业技术学校",
            UnitKind::VocationalCollege,
            Seat::Banner(Banner::DaladBanner),
        );
        let app = Application::training_base("A-1", unit, d(2023, 7, 1), [Specialty::new("电工")]);
        let mut findings = Vec::new();
        evaluate(&policy, &app, &mut findings).unwrap();
        let mut rules: Vec<RuleId> = findings.iter().map(|f| f.rule).collect();
        let conditions = rules
            .iter()
            .filter(|r| **r == RuleId::HostCondition)
            .count();
        assert_eq!(conditions, policy.unit_conditions().len());
        rules.dedup();
        assert_eq!(rules, RuleId::ALL);
        assert!(findings.iter().all(|f| f.clause == f.rule.clause()));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn full_years_counts_birthdays() {
        assert_eq!(full_years(d(1965, 7, 1), d(2025, 6, 30)), 59);
        assert_eq!(full_years(d(1965, 7, 1), d(2025, 7, 1)), 60);
        // Born on 29 February: 60 on 1 March of a common year.
        assert_eq!(full_years(d(1964, 2, 29), d(2024, 2, 28)), 59);
        assert_eq!(full_years(d(1964, 2, 29), d(2024, 2, 29)), 60);
        assert_eq!(full_years(d(1963, 2, 28), d(2023, 2, 28)), 60);
    }

    #[test]
    fn open_ended_is_later_than_any_date() {
        assert_eq!(cmp_open_ended(None, Some(d(9999, 1, 1))), Ordering::Greater);
        assert_eq!(
            cmp_open_ended(Some(d(2024, 1, 1)), Some(d(2023, 1, 1))),
            Ordering::Greater
        );
        assert_eq!(cmp_open_ended(None, None), Ordering::Equal);
    }
}
