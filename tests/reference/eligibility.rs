//! A second reading of the conditions of application (三、申报条件 and the
//! conditions of 一 and 四), written from the notice and the readings
//! R1, R2, R5, R6, R7, R11 and clause 4.2, without the crate's logic. It reads
//! the crate's input type `Application` and answers with its own types.
//!
//! Host conditions (3.1, R16) are not modelled: the properties use the Ordos
//! policy, which has none.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use skill_grants::ProjectKind;
use skill_grants::application::{Application, PastProject, UnitKind};
use skill_grants::domain::Seat;

use super::dates::{deadline, plus_months};

/// A rule's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The rule judged the application and it meets the rule.
    Passed,
    /// It does not.
    Failed,
    /// The rule has nothing to judge here.
    NotApplicable,
}

impl Answer {
    /// As the crate writes an outcome.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Passed => "passed",
            Answer::Failed => "failed",
            Answer::NotApplicable => "not_applicable",
        }
    }
}

/// Which reading of 3.3 (R6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    /// Release through the deadline, or until closed, whichever is first.
    DeadlineOrClosed,
    /// The stricter reading: until the project is closed.
    UntilClosed,
}

/// The model's decision: one answer per rule, by the rule's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Answers by rule name (`host_kind`, ..., `specialties`).
    pub answers: BTreeMap<&'static str, Answer>,
}

impl Reading {
    /// Eligible when no rule failed.
    pub fn eligible(&self) -> bool {
        self.answers.values().all(|a| *a != Answer::Failed)
    }
}

fn is_base(kind: ProjectKind) -> bool {
    kind == ProjectKind::TrainingBase
}

/// The day a past project closed (acceptance, revocation, dissolution, or a
/// closing without acceptance): the earliest date recorded for it.
fn closing_day(p: &PastProject) -> Option<NaiveDate> {
    match (p.accepted_on, p.closed_on) {
        (Some(a), Some(c)) => Some(a.min(c)),
        (a, c) => a.or(c),
    }
}

/// 3.3 (R6): is `p` in its construction period on `day`?
fn in_construction(p: &PastProject, day: NaiveDate, bar: Bar) -> bool {
    if day < p.released_on {
        return false;
    }
    let before_closing = closing_day(p).is_none_or(|c| day < c);
    match bar {
        Bar::DeadlineOrClosed => day <= deadline(is_base(p.kind), p.released_on) && before_closing,
        Bar::UntilClosed => before_closing,
    }
}

/// 3.4 (R7): may the unit apply again, as far as `p` is concerned, on `day`?
fn reapplication_open(p: &PastProject, day: NaiveDate) -> bool {
    match p.accepted_on {
        Some(accepted) if !p.revoked && p.rated_effective => plus_months(accepted, 24) <= day,
        _ => false,
    }
}

/// Every rule, as of `day` (the round's reference date).
pub fn read(app: &Application, day: NaiveDate, bar: Bar) -> Reading {
    use Answer::*;
    let base = is_base(app.kind);
    let unit = &app.unit;
    let mut answers = BTreeMap::new();

    // 1.2.1 (R1): 在技工院校、职业院校和重点企业 — bases only.
    let host = match unit.kind {
        UnitKind::TechnicalSchool | UnitKind::VocationalCollege | UnitKind::KeyEnterprise => Passed,
        _ => Failed,
    };
    answers.insert("host_kind", if base { host } else { NotApplicable });

    // 1.2.2 (R2): 依托 ... 技能大师 — a studio's lead holds one of the seven honours.
    let honoured = app.lead.as_ref().is_some_and(|l| !l.honours.is_empty());
    answers.insert(
        "lead_honours",
        match (base, honoured) {
            (true, _) => NotApplicable,
            (false, true) => Passed,
            (false, false) => Failed,
        },
    );

    // 3.2 (R5): 已获评自治区级以上 ... 并获得过资金资助的，不再申报市级同一建设项目.
    let same_kind: Vec<_> = unit.titles.iter().filter(|t| t.kind == app.kind).collect();
    answers.insert(
        "region_title",
        if same_kind.is_empty() {
            NotApplicable
        } else if same_kind.iter().any(|t| t.funded) {
            Failed
        } else {
            Passed
        },
    );

    // 3.3 (R6): 已获得市级建设项目资金支持，仍在项目建设期内的单位，不参加当年申报.
    answers.insert(
        "construction_period",
        if unit.projects.is_empty() {
            NotApplicable
        } else if unit.projects.iter().any(|p| in_construction(p, day, bar)) {
            Failed
        } else {
            Passed
        },
    );

    // 3.4 (R7): 验收合格 2 年及以上 ... 可以再次申报 — every earlier project of the kind.
    let earlier: Vec<_> = unit
        .projects
        .iter()
        .filter(|p| p.kind == app.kind)
        .collect();
    answers.insert(
        "reapplication",
        if earlier.is_empty() {
            NotApplicable
        } else if earlier.iter().all(|p| reapplication_open(p, day)) {
            Passed
        } else {
            Failed
        },
    );

    // 4.2: 在本部门直属的具有独立法人资格的单位中 — units under a body only.
    answers.insert(
        "directly_under_body",
        match (&unit.seat, unit.independent_legal_person) {
            (Seat::Banner(_), _) => NotApplicable,
            (Seat::Body(_), true) => Passed,
            (Seat::Body(_), false) => Failed,
        },
    );

    // 6.1 (R11): 主要用于支持 1－2 个急需紧缺专业（职业） — bases only.
    let n = app.specialties.len();
    answers.insert(
        "specialties",
        match (base, (1..=2).contains(&n)) {
            (false, _) => NotApplicable,
            (true, true) => Passed,
            (true, false) => Failed,
        },
    );
    Reading { answers }
}

/// The first day, on or after `day`, on which the same application would be
/// eligible, found by moving the day forward past each time bar (3.3, 3.4)
/// until none holds; `None` when a rule fails that time does not cure, or a
/// bar has no end (the stricter reading of 3.3 with a project never closed;
/// 3.4 with an earlier project not accepted, revoked or not rated effective).
pub fn first_eligible_day(app: &Application, day: NaiveDate, bar: Bar) -> Option<NaiveDate> {
    let mut day = day;
    // Each step moves past at least one bar's end, and no bar starts after
    // its own end: the loop ends within twice the number of past projects.
    for _ in 0..=(2 * app.unit.projects.len() + 1) {
        let r = read(app, day, bar);
        if r.eligible() {
            return Some(day);
        }
        let timeless = [
            "host_kind",
            "lead_honours",
            "region_title",
            "directly_under_body",
            "specialties",
        ];
        if timeless.iter().any(|k| r.answers[k] == Answer::Failed) {
            return None;
        }
        let mut next = day;
        for p in &app.unit.projects {
            if in_construction(p, day, bar) {
                let end = match bar {
                    Bar::DeadlineOrClosed => {
                        let after = deadline(is_base(p.kind), p.released_on).succ_opt()?;
                        closing_day(p).map_or(after, |c| c.min(after))
                    }
                    Bar::UntilClosed => closing_day(p)?,
                };
                next = next.max(end);
            }
            if p.kind == app.kind && !reapplication_open(p, day) {
                match p.accepted_on {
                    Some(a) if !p.revoked && p.rated_effective => {
                        next = next.max(plus_months(a, 24));
                    }
                    _ => return None,
                }
            }
        }
        if next == day {
            return None;
        }
        day = next;
    }
    None
}
