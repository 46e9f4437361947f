//! The rule registry: every rule the crate executes, by area, with the
//! clauses it cites and the reading it follows — for auditors and for the
//! clause-to-test map (`cargo run --example clause_map`).
//!
//! The registry is not typed out a second time: it is built from the modules'
//! own tables and enums.
//!
//! | area | built from | rule ids |
//! |---|---|---|
//! | [`Area::Policy`] | [`Policy::sources`] | `policy.<field>` |
//! | [`Area::Dates`] | [`ProjectKind::fund_clause`] (R10), the notice of 5 (R9) | `dates.completion_deadline.<kind>`, `dates.public_notice` |
//! | [`Area::Eligibility`] | [`RuleId::ALL`], [`RuleId::clause`], [`RuleId::reading`] | `eligibility.<rule>` |
//! | [`Area::Round`] | [`Step::law`], [`RefusalKind::law`], [`VerdictKind::law`] over each `ALL` | `round.step.<step>`, `round.refusal.<reason>`, `round.verdict.<verdict>` |
//! | [`Area::Lifecycle`] | [`EventKind::ALL`], [`transitions`], [`LifecycleError::clause`] | `lifecycle.event.<kind>`, `lifecycle.transition.<from>.<event>`, `lifecycle.refusal.<error>` |
//!
//! Where a rule's clause depends on the case (a refusal cites 4.1 for a
//! banner's list, 4.2 for a body's; a refusal in the lifecycle cites 6.1 for
//! a base, 6.2 for a studio), the rule lists every clause it may cite: the
//! registry evaluates the module's own `clause()` method over every kind,
//! recommender, state and event, rather than restating it.
//!
//! ```
//! use skill_grants::rules::{self, Area};
//! use skill_grants::ClauseId;
//!
//! let r = rules::find("eligibility.construction_period").unwrap();
//! assert_eq!(r.area, Area::Eligibility);
//! assert_eq!(r.clauses, vec![ClauseId::C3_3]);
//! assert_eq!(r.reading, Some("R6"));
//!
//! // Every executed clause has at least one rule.
//! for clause in skill_grants::Clause::all() {
//!     if clause.execution.is_executed() {
//!         assert!(rules::for_clause(clause.id).next().is_some(), "{}", clause.id);
//!     }
//! }
//! ```

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;

use crate::eligibility::RuleId;
use crate::lifecycle::{
    Action, Actor, EvaluationRating, EventKind, InspectionResult, LeadChangeReason, LifecycleError,
    Misconduct, RenameCause, Role, SpecialtyIndex, Spend, SpendingCategory, Status, transition,
    transitions,
};
use crate::model::{BodyId, PersonId, Seat, StudioLead, UnitId};
use crate::policy::PolicyRef;
use crate::round::error::Step;
use crate::round::verdict::{Refusal, RefusalKind, Verdict, VerdictKind};
use crate::{Banner, ClauseId, DateError, Lang, MoneyError, Policy, ProjectKind, Yuan};

/// The area of the crate a rule belongs to.
///
/// ```
/// use skill_grants::rules::Area;
/// assert_eq!(Area::Lifecycle.as_str(), "lifecycle");
/// assert_eq!(Area::ALL.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The policy's values, each tied to its clause ([`Policy::sources`]).
    Policy,
    /// Deadlines (R10) and the working days of the public notice (R9).
    Dates,
    /// Who may apply ([`crate::eligibility`]).
    Eligibility,
    /// The annual round ([`crate::round`]).
    Round,
    /// A funded project's life ([`crate::lifecycle`]).
    Lifecycle,
}

impl Area {
    /// Every area, in the order of the registry.
    pub const ALL: [Area; 5] = [
        Area::Policy,
        Area::Dates,
        Area::Eligibility,
        Area::Round,
        Area::Lifecycle,
    ];

    /// The area's name, as in rule ids.
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Policy => "policy",
            Area::Dates => "dates",
            Area::Eligibility => "eligibility",
            Area::Round => "round",
            Area::Lifecycle => "lifecycle",
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A reading of the clause index (`R1`–`R17`): where the notice leaves a
/// choice, the one the crate takes.
///
/// ```
/// use skill_grants::rules;
/// let r = rules::reading("R10").unwrap();
/// assert!(r.gloss_en.contains("29 February"));
/// assert!(rules::reading("R18").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// `"R1"` … `"R17"`.
    pub id: &'static str,
    /// The clauses it reads.
    pub clauses: &'static [ClauseId],
    /// True when a host may choose the other reading through the policy.
    pub parameter: bool,
    /// A one-line English gloss (ours).
    pub gloss_en: &'static str,
}

/// The readings R1–R17, in order.
pub const READINGS: [Reading; 17] = [
    reading_of(
        "R1",
        &[ClauseId::C1_2_1],
        false,
        "only technical schools, vocational colleges and key enterprises may hold a base",
    ),
    reading_of(
        "R2",
        &[ClauseId::C1_2_2, ClauseId::C7_4],
        false,
        "a studio's lead holds one of the seven honours, at application and at every lead change",
    ),
    reading_of(
        "R3",
        &[ClauseId::C1_2_1, ClauseId::C1_2_2],
        true,
        "20 bases and 40 studios are programme totals; each year's places are set per round",
    ),
    reading_of(
        "R4",
        &[ClauseId::C2_2],
        true,
        "the subsidy is fixed; employment subsidy fund first, talent fund for the rest; nothing paid in part; ranking order, bases first",
    ),
    reading_of(
        "R5",
        &[ClauseId::C3_2],
        false,
        "only a funded region-or-national title of the same kind bars",
    ),
    reading_of(
        "R6",
        &[ClauseId::C3_3],
        true,
        "any funded city project bars the whole round from release through its deadline, or until it closes",
    ),
    reading_of(
        "R7",
        &[ClauseId::C3_4],
        false,
        "reapply only when every earlier project of the kind was accepted 24+ months before and rated effective",
    ),
    reading_of(
        "R8",
        &[ClauseId::C4_1, ClauseId::C4_2],
        false,
        "a list over quota or without a full report is refused whole; bad entries one by one",
    ),
    reading_of(
        "R9",
        &[ClauseId::C5],
        true,
        "rank by score, then recommendation rank, then application; a notice of 5 working days; objections",
    ),
    reading_of(
        "R10",
        &[ClauseId::C6_1, ClauseId::C6_2],
        false,
        "deadlines are release + 24/12 months; a missing day (29 February) falls to the month's last day",
    ),
    reading_of(
        "R11",
        &[ClauseId::C6_1],
        false,
        "a base declares one or two specialties",
    ),
    reading_of(
        "R12",
        &[ClauseId::C7_1],
        false,
        "one account per project; never below zero; nothing moves between projects",
    ),
    reading_of(
        "R13",
        &[ClauseId::C7_2],
        false,
        "revocation needs a verified finding and recovers every yuan released; the spent part is owed",
    ),
    reading_of(
        "R14",
        &[ClauseId::C7_3],
        false,
        "dissolution recovers released − spent; renames keep the project; renames for bases only",
    ),
    reading_of(
        "R15",
        &[ClauseId::C7_4],
        false,
        "a pending lead change is marked; the new lead is checked like R2",
    ),
    reading_of(
        "R16",
        &[ClauseId::C3_1],
        true,
        "the implementation rules' unit conditions enter as host-supplied checks",
    ),
    reading_of(
        "R17",
        &[ClauseId::Preamble],
        false,
        "the policy records the issuing authorities and the date with the document number",
    ),
];

const fn reading_of(
    id: &'static str,
    clauses: &'static [ClauseId],
    parameter: bool,
    gloss_en: &'static str,
) -> Reading {
    Reading {
        id,
        clauses,
        parameter,
        gloss_en,
    }
}

/// The reading with this id (`"R6"`), if there is one.
pub fn reading(id: &str) -> Option<&'static Reading> {
    READINGS.iter().find(|r| r.id == id)
}

/// One rule of the crate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// A stable id: the area, then the module's own name for the rule
    /// (`"eligibility.construction_period"`, `"round.refusal.over_quota"`).
    pub id: String,
    /// Its area.
    pub area: Area,
    /// The clauses it may cite, in the order of the notice; never empty.
    pub clauses: Vec<ClauseId>,
    /// The reading it follows, if any (`"R6"`).
    pub reading: Option<&'static str>,
    /// How Rust code names it (`"RuleId::ConstructionPeriod"`,
    /// `"LifecycleError::AfterDeadline"`): the clause map counts a test that
    /// names one of these as exercising the rule's clauses.
    pub code: Vec<String>,
    /// What it does, in English.
    pub summary: String,
}

impl Rule {
    /// True when the rule cites `clause`.
    ///
    /// ```
    /// use skill_grants::{rules, ClauseId};
    /// let r = rules::find("round.refusal.over_quota").unwrap();
    /// assert!(r.cites(ClauseId::C4_3));
    /// assert!(!r.cites(ClauseId::C7_1));
    /// ```
    pub fn cites(&self, clause: ClauseId) -> bool {
        self.clauses.contains(&clause)
    }
}

/// Every rule, area by area (policy, dates, eligibility, round, lifecycle).
/// Built once, on first use.
///
/// ```
/// use skill_grants::rules;
/// let all = rules::all();
/// assert!(all.iter().all(|r| !r.clauses.is_empty()));
/// // Ids are unique.
/// let ids: std::collections::BTreeSet<_> = all.iter().map(|r| r.id.as_str()).collect();
/// assert_eq!(ids.len(), all.len());
/// ```
pub fn all() -> &'static [Rule] {
    static REGISTRY: OnceLock<Vec<Rule>> = OnceLock::new();
    REGISTRY.get_or_init(build)
}

/// The rule with this id.
///
/// ```
/// assert!(skill_grants::rules::find("lifecycle.refusal.no_verified_finding").is_some());
/// assert!(skill_grants::rules::find("nothing").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static Rule> {
    all().iter().find(|r| r.id == id)
}

/// The rules that cite `clause`.
///
/// ```
/// use skill_grants::{rules, ClauseId};
/// assert!(rules::for_clause(ClauseId::C7_3).any(|r| r.id == "lifecycle.event.dissolved"));
/// assert_eq!(rules::for_clause(ClauseId::C1_1).count(), 0);
/// ```
pub fn for_clause(clause: ClauseId) -> impl Iterator<Item = &'static Rule> {
    all().iter().filter(move |r| r.cites(clause))
}

/// True when the registry has the rule `id` and it cites `clause`: what a
/// finding, refusal or error citing `clause` must satisfy.
///
/// ```
/// use skill_grants::{rules, ClauseId};
/// assert!(rules::cites("eligibility.specialties", ClauseId::C6_1));
/// assert!(!rules::cites("eligibility.specialties", ClauseId::C6_2));
/// ```
pub fn cites(id: &str, clause: ClauseId) -> bool {
    find(id).is_some_and(|r| r.cites(clause))
}

/// The registry id of an eligibility rule (`"eligibility.host_kind"`).
///
/// ```
/// use skill_grants::eligibility::RuleId;
/// assert_eq!(skill_grants::rules::eligibility_id(RuleId::DirectlyUnderBody), "eligibility.directly_under_body");
/// ```
pub fn eligibility_id(rule: RuleId) -> String {
    format!("eligibility.{}", snake(&variant(&format!("{rule:?}"))))
}

/// The registry id of a round refusal (`"round.refusal.over_quota"`).
///
/// ```
/// use skill_grants::round::Refusal;
/// let r = Refusal::OverQuota { listed: 3, quota: 2 };
/// assert_eq!(skill_grants::rules::refusal_id(&r), "round.refusal.over_quota");
/// ```
pub fn refusal_id(refusal: &Refusal) -> String {
    refusal.kind().law().id.to_owned()
}

/// The registry id of a candidate's verdict (`"round.verdict.selected.funded"`);
/// `None` for [`Verdict::Refused`], whose refusals have their own ids.
///
/// ```
/// use skill_grants::round::{NotSelectedReason, Verdict};
/// let v = Verdict::NotSelected { reason: NotSelectedReason::PlacesFilled { places: 2 } };
/// assert_eq!(skill_grants::rules::verdict_id(&v).as_deref(), Some("round.verdict.not_selected.places_filled"));
/// ```
pub fn verdict_id(verdict: &Verdict) -> Option<String> {
    verdict.kind().map(|k| k.law().id.to_owned())
}

/// The registry id of a lifecycle refusal (`"lifecycle.refusal.after_deadline"`).
///
/// ```
/// use skill_grants::lifecycle::LifecycleError;
/// assert_eq!(skill_grants::rules::lifecycle_error_id(&LifecycleError::NoVerifiedFinding), "lifecycle.refusal.no_verified_finding");
/// ```
pub fn lifecycle_error_id(error: &LifecycleError) -> String {
    format!(
        "lifecycle.refusal.{}",
        snake(&variant(&format!("{error:?}")))
    )
}

/// The registry id of a kind of lifecycle event (`"lifecycle.event.revoked"`).
///
/// ```
/// use skill_grants::lifecycle::EventKind;
/// assert_eq!(skill_grants::rules::event_id(EventKind::Repaid), "lifecycle.event.repaid");
/// ```
pub fn event_id(kind: EventKind) -> String {
    format!("lifecycle.event.{}", kind.id())
}

/// The variant name at the start of a `Debug` rendering (`"OverQuota"` of
/// `"OverQuota { listed: 3, quota: 2 }"`).
fn variant(debug: &str) -> String {
    debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// `OverQuota` → `over_quota`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Collects rules, merging the clauses of entries with the same id.
#[derive(Default)]
struct Builder {
    rules: Vec<Rule>,
}

impl Builder {
    fn add(
        &mut self,
        id: String,
        area: Area,
        clauses: impl IntoIterator<Item = ClauseId>,
        reading: Option<&'static str>,
        code: Vec<String>,
        summary: String,
    ) {
        let clauses: BTreeSet<ClauseId> = clauses.into_iter().collect();
        if let Some(r) = self.rules.iter_mut().find(|r| r.id == id) {
            let mut merged: BTreeSet<ClauseId> = r.clauses.iter().copied().collect();
            merged.extend(clauses);
            r.clauses = merged.into_iter().collect();
            for c in code {
                if !r.code.contains(&c) {
                    r.code.push(c);
                }
            }
            if r.reading.is_none() {
                r.reading = reading;
            }
            return;
        }
        if clauses.is_empty() {
            return;
        }
        self.rules.push(Rule {
            id,
            area,
            clauses: clauses.into_iter().collect(),
            reading,
            code,
            summary,
        });
    }
}

fn build() -> Vec<Rule> {
    let mut b = Builder::default();
    policy_rules(&mut b);
    date_rules(&mut b);
    eligibility_rules(&mut b);
    round_rules(&mut b);
    lifecycle_rules(&mut b);
    b.rules
}

fn policy_rules(b: &mut Builder) {
    for s in Policy::sources() {
        let kind = if s.parameter {
            "a parameter a host may change"
        } else {
            "fixed by the notice"
        };
        b.add(
            format!("policy.{}", s.field),
            Area::Policy,
            [s.clause],
            s.reading,
            Vec::new(),
            format!("the policy's `{}`, {kind}; validated on load", s.field),
        );
    }
}

fn date_rules(b: &mut Builder) {
    for kind in ProjectKind::ALL {
        let name = match kind {
            ProjectKind::TrainingBase => "training_base",
            ProjectKind::Studio => "studio",
        };
        b.add(
            format!("dates.completion_deadline.{name}"),
            Area::Dates,
            [kind.fund_clause()],
            Some("R10"),
            vec!["completion_deadline".into(), "add_months".into()],
            format!(
                "the completion deadline of a {}: release plus its months, a missing day falling to the month's last day",
                kind.name(Lang::En)
            ),
        );
    }
    b.add(
        "dates.public_notice".into(),
        Area::Dates,
        [ClauseId::C5],
        Some("R9"),
        vec!["nth_working_day".into(), "HolidayCalendar".into()],
        "the last day of the public notice: the n-th working day from its first".into(),
    );
}

fn eligibility_rules(b: &mut Builder) {
    for rule in RuleId::ALL {
        b.add(
            eligibility_id(rule),
            Area::Eligibility,
            [rule.clause()],
            rule.reading(),
            vec![format!("RuleId::{}", variant(&format!("{rule:?}")))],
            rule.name(Lang::En).to_owned(),
        );
    }
}

fn round_rules(b: &mut Builder) {
    let steps = Step::ALL.map(|s| (s.law(), s.code().iter().map(|c| (*c).to_owned()).collect()));
    let refusals = RefusalKind::ALL.map(|r| (r.law(), vec![r.code().to_owned()]));
    let verdicts = VerdictKind::ALL.map(|v| (v.law(), vec![v.code().to_owned()]));
    for (law, code) in steps.into_iter().chain(refusals).chain(verdicts) {
        b.add(
            law.id.to_owned(),
            Area::Round,
            law.clauses.iter().copied(),
            law.reading,
            code,
            law.gloss.to_owned(),
        );
    }
}

/// The reading a kind of lifecycle event follows.
const fn event_reading(kind: EventKind) -> Option<&'static str> {
    match kind {
        EventKind::Started => Some("R4"),
        EventKind::Paid => Some("R12"),
        EventKind::ConstructionCompleted | EventKind::DeadlinePassed => Some("R10"),
        EventKind::Inspected
        | EventKind::Evaluated
        | EventKind::Accepted
        | EventKind::NotAccepted => None,
        EventKind::FindingVerified | EventKind::Revoked | EventKind::Repaid => Some("R13"),
        EventKind::RenameRequested
        | EventKind::RenameApproved
        | EventKind::RenameRefused
        | EventKind::Dissolved => Some("R14"),
        EventKind::LeadChangeRequested
        | EventKind::LeadChangeApproved
        | EventKind::LeadChangeRefused => Some("R15"),
    }
}

/// The reading a lifecycle refusal follows.
const fn error_reading(e: &LifecycleError) -> Option<&'static str> {
    match e {
        LifecycleError::ReleaseNotSubsidy { .. } => Some("R4"),
        LifecycleError::SpecialtyCount { .. } => Some("R11"),
        LifecycleError::LeadWithoutHonour { .. } => Some("R2"),
        LifecycleError::Deadline(_)
        | LifecycleError::AfterDeadline { .. }
        | LifecycleError::BeforeRelease { .. } => Some("R10"),
        LifecycleError::AboveBalance { .. }
        | LifecycleError::NotProjectUnit { .. }
        | LifecycleError::Money(_) => Some("R12"),
        LifecycleError::NoVerifiedFinding | LifecycleError::AboveOwed { .. } => Some("R13"),
        LifecycleError::RenameOnStudio => Some("R14"),
        LifecycleError::NewLeadWithoutHonour { .. } => Some("R15"),
        LifecycleError::PolicyMismatch { .. }
        | LifecycleError::SpecialtiesOnStudio { .. }
        | LifecycleError::LeadMissing
        | LifecycleError::LeadOnBase
        | LifecycleError::BeforeLastEvent { .. }
        | LifecycleError::OutsideJurisdiction { .. }
        | LifecycleError::NotPermitted { .. }
        | LifecycleError::NotInState { .. }
        | LifecycleError::ProhibitedCategory { .. }
        | LifecycleError::CategoryOfOtherKind { .. }
        | LifecycleError::SpecialtyMissing
        | LifecycleError::SpecialtyNotDeclared { .. }
        | LifecycleError::ZeroAmount { .. }
        | LifecycleError::LeadChangeOnBase
        | LifecycleError::EmptyName
        | LifecycleError::SameName
        | LifecycleError::SameLead { .. } => None,
    }
}

/// One action of each kind, to name the actions that cause each event.
fn actions() -> Vec<Action> {
    let lead = StudioLead::new("P", "某", []);
    vec![
        Action::Pay {
            spend: Spend::studio(SpendingCategory::SkillExchange, Yuan::ZERO),
        },
        Action::CompleteConstruction,
        Action::Inspect {
            result: InspectionResult::Satisfactory,
            report: String::new(),
        },
        Action::Evaluate {
            stage: 1,
            rating: EvaluationRating::MeetsRequirements,
            report: String::new(),
        },
        Action::Accept {
            rated_effective: true,
        },
        Action::Reject,
        Action::VerifyFinding {
            misconduct: Misconduct::Fraud,
            report: String::new(),
        },
        Action::Revoke,
        Action::RequestRename {
            new_name: String::new(),
            cause: RenameCause::Other,
        },
        Action::ApproveRename,
        Action::RefuseRename,
        Action::RequestLeadChange {
            new_lead: lead,
            reason: LeadChangeReason::Other,
        },
        Action::ApproveLeadChange,
        Action::RefuseLeadChange,
        Action::Dissolve,
        Action::RecordRepayment { amount: Yuan::ZERO },
    ]
}

/// Every lifecycle refusal, in every form whose clause differs: per kind of
/// project, per recommender, per (state, event) the table refuses, per
/// (role, event) the access rule refuses.
fn lifecycle_errors() -> Vec<LifecycleError> {
    let day = NaiveDate::MIN;
    let policy = PolicyRef {
        id: String::new().into(),
        revision: 0,
    };
    let person = PersonId::new("P");
    let mut out = vec![
        LifecycleError::PolicyMismatch {
            expected: policy.clone(),
            found: policy,
        },
        LifecycleError::SpecialtyCount {
            count: 0,
            min: 1,
            max: 2,
        },
        LifecycleError::SpecialtiesOnStudio { count: 1 },
        LifecycleError::LeadMissing,
        LifecycleError::LeadOnBase,
        LifecycleError::LeadWithoutHonour {
            person: person.clone(),
        },
        LifecycleError::Deadline(DateError::OutOfRange {
            date: day,
            months: 12,
        }),
        LifecycleError::BeforeLastEvent {
            date: day,
            last: day,
        },
        LifecycleError::NotProjectUnit {
            unit: UnitId::new("U"),
        },
        LifecycleError::OutsideJurisdiction {
            actor: Actor::BannerAuthority(Banner::Dongsheng),
            seat: Seat::Banner(Banner::Kangbashi),
        },
        LifecycleError::OutsideJurisdiction {
            actor: Actor::BodyAuthority(BodyId::new("body")),
            seat: Seat::Banner(Banner::Kangbashi),
        },
        LifecycleError::SpecialtyMissing,
        LifecycleError::AboveBalance {
            amount: Yuan::ZERO,
            balance: Yuan::ZERO,
        },
        LifecycleError::AboveOwed {
            amount: Yuan::ZERO,
            owed: Yuan::ZERO,
        },
        LifecycleError::Money(MoneyError::Overflow(Yuan::ZERO, Yuan::ZERO)),
        LifecycleError::NoVerifiedFinding,
        LifecycleError::RenameOnStudio,
        LifecycleError::LeadChangeOnBase,
        LifecycleError::EmptyName,
        LifecycleError::SameName,
        LifecycleError::SameLead {
            person: person.clone(),
        },
        LifecycleError::NewLeadWithoutHonour { person },
    ];
    for kind in ProjectKind::ALL {
        out.push(LifecycleError::ReleaseNotSubsidy {
            kind,
            expected: Yuan::ZERO,
            found: Yuan::ZERO,
        });
        out.push(LifecycleError::BeforeRelease {
            date: day,
            released_on: day,
            kind,
        });
        out.push(LifecycleError::ProhibitedCategory {
            category: SpendingCategory::Travel,
            kind,
        });
        out.push(LifecycleError::CategoryOfOtherKind {
            category: SpendingCategory::Travel,
            kind,
        });
        out.push(LifecycleError::SpecialtyNotDeclared {
            index: SpecialtyIndex(2),
            declared: 1,
            kind,
        });
        out.push(LifecycleError::AfterDeadline {
            date: day,
            deadline: day,
            kind,
        });
        for status in Status::ALL {
            for event in EventKind::ALL {
                if transition(status, event).is_none() {
                    out.push(LifecycleError::NotInState {
                        status,
                        event,
                        kind,
                    });
                }
            }
        }
    }
    for event in EventKind::ALL {
        out.push(LifecycleError::ZeroAmount { event });
        for role in Role::ALL {
            if !event.permits(role) {
                out.push(LifecycleError::NotPermitted { role, event });
            }
        }
    }
    out
}

fn lifecycle_rules(b: &mut Builder) {
    let actions = actions();
    for kind in EventKind::ALL {
        let name = variant(&format!("{kind:?}"));
        let mut code = vec![format!("EventKind::{name}"), format!("Change::{name}")];
        code.extend(
            actions
                .iter()
                .filter(|a| a.kind() == kind)
                .map(|a| format!("Action::{}", variant(&format!("{a:?}")))),
        );
        b.add(
            event_id(kind),
            Area::Lifecycle,
            ProjectKind::ALL.map(|k| kind.clause_for(k)),
            event_reading(kind),
            code,
            kind.name(Lang::En).to_owned(),
        );
    }
    for t in transitions() {
        b.add(
            format!("lifecycle.transition.{}.{}", t.from.id(), t.kind.id()),
            Area::Lifecycle,
            ProjectKind::ALL.map(|k| t.kind.clause_for(k)),
            event_reading(t.kind),
            Vec::new(),
            format!(
                "{}: {} → {}",
                t.kind.name(Lang::En),
                t.from.name(Lang::En),
                t.to.name(Lang::En)
            ),
        );
    }
    for e in lifecycle_errors() {
        let name = variant(&format!("{e:?}"));
        b.add(
            lifecycle_error_id(&e),
            Area::Lifecycle,
            [e.clause()],
            error_reading(&e),
            vec![format!("LifecycleError::{name}")],
            format!("refused: {e}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_debug() {
        assert_eq!(variant("OverQuota { listed: 1 }"), "OverQuota");
        assert_eq!(variant("Admitted"), "Admitted");
        assert_eq!(snake("OverQuota"), "over_quota");
        assert_eq!(snake("C3_3"), "c3_3");
    }

    #[test]
    fn every_reading_is_followed_by_some_rule() {
        for r in READINGS {
            assert!(
                all().iter().any(|rule| rule.reading == Some(r.id)),
                "{} has no rule",
                r.id
            );
        }
        for rule in all() {
            if let Some(id) = rule.reading {
                assert!(reading(id).is_some(), "{}: unknown reading {id}", rule.id);
            }
        }
    }

    #[test]
    fn lifecycle_refusals_cite_per_kind() {
        let r = find("lifecycle.refusal.after_deadline").unwrap();
        assert_eq!(r.clauses, vec![ClauseId::C6_1, ClauseId::C6_2]);
        let r = find("round.refusal.over_quota").unwrap();
        assert_eq!(
            r.clauses,
            vec![ClauseId::C4_1, ClauseId::C4_2, ClauseId::C4_3]
        );
    }
}
