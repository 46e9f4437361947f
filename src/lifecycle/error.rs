//! Refusals of commands and of start records, each citing its clause.

use chrono::NaiveDate;

use crate::chain::ChainError;
use crate::clause::{ClauseId, Law};
use crate::date::DateError;
use crate::domain::ProjectKind;
use crate::domain::{PersonId, Seat, Specialty, UnitId};
use crate::lang::{Lang, cited_before, last_day_in_force};
use crate::money::{MoneyError, Yuan};
use crate::policy::PolicyRef;

use super::event::EventKind;
use super::status::Status;
use super::text::TextProblem;
use super::types::{Actor, Role, SpecialtyIndex, SpendingCategory};

/// Why a command (or a project's start) was refused. The project is left as
/// it was. Every refusal cites its clause ([`LifecycleError::clause`]).
///
/// ```
/// use skill_grants::lifecycle::LifecycleError;
/// use skill_grants::{ClauseId, Lang};
/// let e = LifecycleError::NoVerifiedFinding;
/// assert_eq!(e.clause(), ClauseId::C7_2);
/// assert!(e.explain(Lang::Zh).contains("查明属实"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LifecycleError {
    /// The start record names a policy other than the one given.
    #[error(
        "start record names policy {}#{}, but policy {}#{} was given",
        found.id,
        found.revision,
        expected.id,
        expected.revision
    )]
    PolicyMismatch {
        /// The policy given.
        expected: PolicyRef,
        /// The policy the start record names.
        found: PolicyRef,
    },
    /// The amount released is not the fixed subsidy of its kind (2.2, R4).
    #[error("released {found}, but the subsidy of a {kind} is {expected}")]
    ReleaseNotSubsidy {
        /// The kind.
        kind: ProjectKind,
        /// The subsidy.
        expected: Yuan,
        /// The amount in the start record.
        found: Yuan,
    },
    /// A base declares too few or too many specialties (6.1, R11).
    #[error("a base declares {count} specialties; between {min} and {max} are required")]
    SpecialtyCount {
        /// How many it declares.
        count: usize,
        /// The fewest allowed.
        min: u32,
        /// The most allowed.
        max: u32,
    },
    /// A studio's start record declares specialties (6.2 has none).
    #[error("a studio declares no specialties, but {count} were given")]
    SpecialtiesOnStudio {
        /// How many were given.
        count: usize,
    },
    /// A studio's start record has no lead (1.2.2).
    #[error("a studio's start record has no lead")]
    LeadMissing,
    /// A base's start record names a lead (only studios have one, 1.2.2).
    #[error("a training base has no studio lead, but one was given")]
    LeadOnBase,
    /// A studio's lead holds none of the seven honours (1.2.2, R2).
    #[error("lead `{person}` holds none of the seven honours of 1.2.2")]
    LeadWithoutHonour {
        /// The person.
        person: PersonId,
    },
    /// The deadline of R10 cannot be computed.
    #[error("the completion deadline cannot be computed: {0}")]
    Deadline(DateError),
    /// The command is dated before the project's last event (7.1: the books run in order).
    #[error("dated {date}, before the project's last event on {last}")]
    BeforeLastEvent {
        /// The command's date.
        date: NaiveDate,
        /// The last event's date.
        last: NaiveDate,
    },
    /// The command is dated before the subsidy's release (5, 6.1, 6.2).
    #[error("dated {date}, before the release on {released_on}")]
    BeforeRelease {
        /// The command's date.
        date: NaiveDate,
        /// The release date.
        released_on: NaiveDate,
        /// The project's kind.
        kind: ProjectKind,
    },
    /// A unit other than the project's unit acted (7.1).
    #[error("unit `{unit}` is not this project's unit")]
    NotProjectUnit {
        /// The unit that tried.
        unit: UnitId,
    },
    /// A banner's or body's authority acted on a project outside its
    /// jurisdiction (4.1, 4.2, 7.1).
    #[error(
        "{}: no jurisdiction over a project seated at {}",
        actor_name(actor),
        seat_name(seat)
    )]
    OutsideJurisdiction {
        /// The authority that tried.
        actor: Actor,
        /// The project's seat.
        seat: Seat,
    },
    /// The role may not cause this event (the access rule).
    #[error("{} may not cause “{}”", role.name(Lang::En), event.name(Lang::En))]
    NotPermitted {
        /// The role that tried.
        role: Role,
        /// The event asked for.
        event: EventKind,
    },
    /// The event is impossible in the project's state (the transition table).
    #[error("“{}” is impossible while the project is {}", event.name(Lang::En), status.name(Lang::En))]
    NotInState {
        /// The state.
        status: Status,
        /// The event asked for.
        event: EventKind,
        /// The project's kind.
        kind: ProjectKind,
    },
    /// A prohibited category: travel, labour fees, out of scope (6.1, 6.2).
    #[error("{} may never be paid from a {kind}'s funds", category.name(Lang::En))]
    ProhibitedCategory {
        /// The category.
        category: SpendingCategory,
        /// The project's kind.
        kind: ProjectKind,
    },
    /// A category of the other kind's list (6.1, 6.2).
    #[error("{} is not in the list of a {kind}", category.name(Lang::En))]
    CategoryOfOtherKind {
        /// The category.
        category: SpendingCategory,
        /// The project's kind.
        kind: ProjectKind,
    },
    /// A base's payment names no specialty (6.1).
    #[error("a base's payment must name one of its declared specialties")]
    SpecialtyMissing,
    /// A payment names a specialty the project did not declare (6.1, 6.2).
    #[error("specialty #{} was not declared: the project declared {declared}", u32::from(index.0) + 1)]
    SpecialtyNotDeclared {
        /// The index given.
        index: SpecialtyIndex,
        /// How many the project declared.
        declared: usize,
        /// The project's kind.
        kind: ProjectKind,
    },
    /// A payment after the completion deadline (6.1, 6.2, R10).
    #[error("payment on {date}, after the completion deadline {deadline}")]
    AfterDeadline {
        /// The payment's date.
        date: NaiveDate,
        /// The deadline (itself allowed).
        deadline: NaiveDate,
        /// The project's kind.
        kind: ProjectKind,
    },
    /// A zero amount (7.1 for payments, 7.2 for repayments).
    #[error("an amount of zero for “{}”", event.name(Lang::En))]
    ZeroAmount {
        /// The event asked for.
        event: EventKind,
    },
    /// A payment above the account's balance (7.1, R12).
    #[error("payment of {amount} exceeds the balance of {balance}")]
    AboveBalance {
        /// The amount asked.
        amount: Yuan,
        /// The balance.
        balance: Yuan,
    },
    /// A repayment above what is owed (7.2, R13).
    #[error("repayment of {amount} exceeds the {owed} still owed")]
    AboveOwed {
        /// The amount given.
        amount: Yuan,
        /// Still owed.
        owed: Yuan,
    },
    /// Arithmetic on the account overflowed (7.1).
    #[error("account arithmetic failed: {0}")]
    Money(MoneyError),
    /// A revocation without a verified finding on record (7.2, R13).
    #[error("revocation needs a verified finding (查明属实) on record first")]
    NoVerifiedFinding,
    /// A rename on a studio: 7.3 provides renames for bases only (R14).
    #[error("7.3 provides a change of name for training bases only, not studios")]
    RenameOnStudio,
    /// A lead change on a base: 7.4 concerns studios only.
    #[error("7.4 provides a change of lead for studios only, not training bases")]
    LeadChangeOnBase,
    /// A rename to an empty name (7.3).
    #[error("the new name is empty")]
    EmptyName,
    /// A rename to the current name (7.3).
    #[error("the new name is the project's current name")]
    SameName,
    /// A lead change to the current lead (7.4).
    #[error("the proposed lead `{person}` already leads the studio")]
    SameLead {
        /// The person.
        person: PersonId,
    },
    /// The proposed new lead holds none of the seven honours (7.4, R15).
    #[error("the proposed lead `{person}` holds none of the seven honours of 1.2.2")]
    NewLeadWithoutHonour {
        /// The person.
        person: PersonId,
    },
    /// An id or name in the start record, or a new name, is blank, holds a
    /// control character, or only invisible (zero-width or format)
    /// characters. `field` names it (`unit_name`, `specialties[1]`,
    /// `lead.name`, `new_name`, …).
    #[error("`{field}` {problem}")]
    BadText {
        /// The field, as a path in the start record or command.
        field: String,
        /// What is wrong with it.
        problem: TextProblem,
    },
    /// A base declares the same specialty twice (6.1, R11).
    #[error(
        "specialty `{specialty}` is declared twice (`specialties[{first}]` and `specialties[{second}]`)"
    )]
    DuplicateSpecialty {
        /// The specialty.
        specialty: Specialty,
        /// Its first position.
        first: usize,
        /// Its repeated position.
        second: usize,
    },
    /// The release date lies outside the policy's effective period (5).
    #[error(
        "released on {released_on}, outside the policy's effective period (from {from}{})",
        last_day_in_force(*until, Lang::En)
    )]
    ReleaseOutsidePolicy {
        /// The release date.
        released_on: NaiveDate,
        /// The policy's first day.
        from: NaiveDate,
        /// Its last day, if any.
        until: Option<NaiveDate>,
    },
    /// The recorded deadline is not the one R10 computes (6.1, 6.2, R10).
    #[error("the recorded deadline {found} is not the deadline R10 gives, {expected}")]
    DeadlineRecorded {
        /// The deadline R10 gives.
        expected: NaiveDate,
        /// The deadline recorded.
        found: NaiveDate,
    },
    /// The event cannot be sealed into the project's log (7.1: the books are
    /// one chained log).
    #[error("the event cannot be sealed into the log: {0}")]
    Unsealable(ChainError),
}

impl LifecycleError {
    /// The refusal's kind, which carries its law ([`LifecycleErrorKind::law`]).
    ///
    /// ```
    /// use skill_grants::lifecycle::{LifecycleError, LifecycleErrorKind};
    /// assert_eq!(LifecycleError::SameName.kind(), LifecycleErrorKind::SameName);
    /// ```
    pub const fn kind(&self) -> LifecycleErrorKind {
        match self {
            LifecycleError::PolicyMismatch { .. } => LifecycleErrorKind::PolicyMismatch,
            LifecycleError::ReleaseNotSubsidy { .. } => LifecycleErrorKind::ReleaseNotSubsidy,
            LifecycleError::SpecialtyCount { .. } => LifecycleErrorKind::SpecialtyCount,
            LifecycleError::SpecialtiesOnStudio { .. } => LifecycleErrorKind::SpecialtiesOnStudio,
            LifecycleError::LeadMissing => LifecycleErrorKind::LeadMissing,
            LifecycleError::LeadOnBase => LifecycleErrorKind::LeadOnBase,
            LifecycleError::LeadWithoutHonour { .. } => LifecycleErrorKind::LeadWithoutHonour,
            LifecycleError::Deadline(_) => LifecycleErrorKind::Deadline,
            LifecycleError::BeforeLastEvent { .. } => LifecycleErrorKind::BeforeLastEvent,
            LifecycleError::BeforeRelease { .. } => LifecycleErrorKind::BeforeRelease,
            LifecycleError::NotProjectUnit { .. } => LifecycleErrorKind::NotProjectUnit,
            LifecycleError::OutsideJurisdiction { .. } => LifecycleErrorKind::OutsideJurisdiction,
            LifecycleError::NotPermitted { .. } => LifecycleErrorKind::NotPermitted,
            LifecycleError::NotInState { .. } => LifecycleErrorKind::NotInState,
            LifecycleError::ProhibitedCategory { .. } => LifecycleErrorKind::ProhibitedCategory,
            LifecycleError::CategoryOfOtherKind { .. } => LifecycleErrorKind::CategoryOfOtherKind,
            LifecycleError::SpecialtyMissing => LifecycleErrorKind::SpecialtyMissing,
            LifecycleError::SpecialtyNotDeclared { .. } => LifecycleErrorKind::SpecialtyNotDeclared,
            LifecycleError::AfterDeadline { .. } => LifecycleErrorKind::AfterDeadline,
            LifecycleError::ZeroAmount { .. } => LifecycleErrorKind::ZeroAmount,
            LifecycleError::AboveBalance { .. } => LifecycleErrorKind::AboveBalance,
            LifecycleError::AboveOwed { .. } => LifecycleErrorKind::AboveOwed,
            LifecycleError::Money(_) => LifecycleErrorKind::Money,
            LifecycleError::NoVerifiedFinding => LifecycleErrorKind::NoVerifiedFinding,
            LifecycleError::RenameOnStudio => LifecycleErrorKind::RenameOnStudio,
            LifecycleError::LeadChangeOnBase => LifecycleErrorKind::LeadChangeOnBase,
            LifecycleError::EmptyName => LifecycleErrorKind::EmptyName,
            LifecycleError::SameName => LifecycleErrorKind::SameName,
            LifecycleError::SameLead { .. } => LifecycleErrorKind::SameLead,
            LifecycleError::NewLeadWithoutHonour { .. } => LifecycleErrorKind::NewLeadWithoutHonour,
            LifecycleError::BadText { .. } => LifecycleErrorKind::BadText,
            LifecycleError::DuplicateSpecialty { .. } => LifecycleErrorKind::DuplicateSpecialty,
            LifecycleError::ReleaseOutsidePolicy { .. } => LifecycleErrorKind::ReleaseOutsidePolicy,
            LifecycleError::DeadlineRecorded { .. } => LifecycleErrorKind::DeadlineRecorded,
            LifecycleError::Unsealable(_) => LifecycleErrorKind::Unsealable,
        }
    }

    /// The clause the refusal cites.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::lifecycle::LifecycleError;
    /// use skill_grants::{ClauseId, ProjectKind};
    /// let d = NaiveDate::from_ymd_opt(2023, 9, 2).unwrap();
    /// let e = LifecycleError::AfterDeadline { date: d, deadline: d, kind: ProjectKind::Studio };
    /// assert_eq!(e.clause(), ClauseId::C6_2);
    /// ```
    pub fn clause(&self) -> ClauseId {
        match self {
            LifecycleError::PolicyMismatch { .. } => ClauseId::C5,
            LifecycleError::ReleaseNotSubsidy { .. } => ClauseId::C2_2,
            LifecycleError::SpecialtyCount { .. } | LifecycleError::SpecialtyMissing => {
                ClauseId::C6_1
            }
            LifecycleError::SpecialtiesOnStudio { .. } => ClauseId::C6_2,
            LifecycleError::LeadMissing | LifecycleError::LeadWithoutHonour { .. } => {
                ClauseId::C1_2_2
            }
            LifecycleError::LeadOnBase => ClauseId::C1_2_1,
            LifecycleError::Deadline(_) => ClauseId::C6_1,
            LifecycleError::BeforeLastEvent { .. }
            | LifecycleError::NotProjectUnit { .. }
            | LifecycleError::AboveBalance { .. }
            | LifecycleError::Money(_) => ClauseId::C7_1,
            LifecycleError::BeforeRelease { kind, .. }
            | LifecycleError::ProhibitedCategory { kind, .. }
            | LifecycleError::CategoryOfOtherKind { kind, .. }
            | LifecycleError::SpecialtyNotDeclared { kind, .. }
            | LifecycleError::AfterDeadline { kind, .. } => kind.fund_clause(),
            LifecycleError::OutsideJurisdiction { actor, .. } => match actor {
                Actor::BodyAuthority(_) => ClauseId::C4_2,
                _ => ClauseId::C4_1,
            },
            LifecycleError::NotPermitted { event, .. } => event.clause(),
            LifecycleError::NotInState {
                status,
                event,
                kind,
            } => match status {
                Status::PendingRename | Status::Dissolved => ClauseId::C7_3,
                Status::PendingLeadChange => ClauseId::C7_4,
                Status::Revoked => ClauseId::C7_2,
                Status::AwaitingAcceptance
                    if matches!(
                        event,
                        EventKind::Paid
                            | EventKind::ConstructionCompleted
                            | EventKind::RenameRequested
                            | EventKind::LeadChangeRequested
                            | EventKind::Dissolved
                    ) =>
                {
                    kind.fund_clause()
                }
                _ => match event {
                    EventKind::Paid => kind.fund_clause(),
                    other => other.clause_for(*kind),
                },
            },
            LifecycleError::ZeroAmount { event } => match event {
                EventKind::Paid => ClauseId::C7_1,
                other => other.clause(),
            },
            LifecycleError::AboveOwed { .. } | LifecycleError::NoVerifiedFinding => ClauseId::C7_2,
            LifecycleError::RenameOnStudio
            | LifecycleError::EmptyName
            | LifecycleError::SameName => ClauseId::C7_3,
            LifecycleError::LeadChangeOnBase
            | LifecycleError::SameLead { .. }
            | LifecycleError::NewLeadWithoutHonour { .. } => ClauseId::C7_4,
            LifecycleError::BadText { field, .. } if field == "new_name" => ClauseId::C7_3,
            LifecycleError::BadText { field, .. } if field.starts_with("new_lead") => {
                ClauseId::C7_4
            }
            LifecycleError::BadText { .. } | LifecycleError::ReleaseOutsidePolicy { .. } => {
                ClauseId::C5
            }
            LifecycleError::DuplicateSpecialty { .. } | LifecycleError::DeadlineRecorded { .. } => {
                ClauseId::C6_1
            }
            LifecycleError::Unsealable(_) => ClauseId::C7_1,
        }
    }

    /// The refusal explained in a language, with its clause.
    ///
    /// ```
    /// use skill_grants::lifecycle::LifecycleError;
    /// use skill_grants::Lang;
    /// let e = LifecycleError::RenameOnStudio;
    /// assert_eq!(e.explain(Lang::Zh), "〔七（三）〕第七条第（三）项仅规定培训基地单位名称变更，工作室不适用");
    /// assert!(e.explain(Lang::En).starts_with("[7.3] "));
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let clause = self.clause();
        match lang {
            Lang::En => cited_before(&[clause], &self.to_string(), lang),
            Lang::Zh => cited_before(&[clause], &self.zh(), lang),
        }
    }
}

/// The kinds of [`LifecycleError`], without their data: each carries its
/// rule id, the clauses it may cite, its reading and a gloss ([`law`](Self::law)).
///
/// ```
/// use skill_grants::clause::ClauseId;
/// use skill_grants::lifecycle::{LifecycleError, LifecycleErrorKind};
/// let e = LifecycleError::NoVerifiedFinding;
/// assert_eq!(e.kind(), LifecycleErrorKind::NoVerifiedFinding);
/// assert_eq!(e.kind().law().id, "lifecycle.refusal.no_verified_finding");
/// assert!(e.kind().law().cites(e.clause()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum LifecycleErrorKind {
    /// See [`LifecycleError::PolicyMismatch`].
    PolicyMismatch,
    /// See [`LifecycleError::ReleaseNotSubsidy`].
    ReleaseNotSubsidy,
    /// See [`LifecycleError::SpecialtyCount`].
    SpecialtyCount,
    /// See [`LifecycleError::SpecialtiesOnStudio`].
    SpecialtiesOnStudio,
    /// See [`LifecycleError::LeadMissing`].
    LeadMissing,
    /// See [`LifecycleError::LeadOnBase`].
    LeadOnBase,
    /// See [`LifecycleError::LeadWithoutHonour`].
    LeadWithoutHonour,
    /// See [`LifecycleError::Deadline`].
    Deadline,
    /// See [`LifecycleError::BeforeLastEvent`].
    BeforeLastEvent,
    /// See [`LifecycleError::BeforeRelease`].
    BeforeRelease,
    /// See [`LifecycleError::NotProjectUnit`].
    NotProjectUnit,
    /// See [`LifecycleError::OutsideJurisdiction`].
    OutsideJurisdiction,
    /// See [`LifecycleError::NotPermitted`].
    NotPermitted,
    /// See [`LifecycleError::NotInState`].
    NotInState,
    /// See [`LifecycleError::ProhibitedCategory`].
    ProhibitedCategory,
    /// See [`LifecycleError::CategoryOfOtherKind`].
    CategoryOfOtherKind,
    /// See [`LifecycleError::SpecialtyMissing`].
    SpecialtyMissing,
    /// See [`LifecycleError::SpecialtyNotDeclared`].
    SpecialtyNotDeclared,
    /// See [`LifecycleError::AfterDeadline`].
    AfterDeadline,
    /// See [`LifecycleError::ZeroAmount`].
    ZeroAmount,
    /// See [`LifecycleError::AboveBalance`].
    AboveBalance,
    /// See [`LifecycleError::AboveOwed`].
    AboveOwed,
    /// See [`LifecycleError::Money`].
    Money,
    /// See [`LifecycleError::NoVerifiedFinding`].
    NoVerifiedFinding,
    /// See [`LifecycleError::RenameOnStudio`].
    RenameOnStudio,
    /// See [`LifecycleError::LeadChangeOnBase`].
    LeadChangeOnBase,
    /// See [`LifecycleError::EmptyName`].
    EmptyName,
    /// See [`LifecycleError::SameName`].
    SameName,
    /// See [`LifecycleError::SameLead`].
    SameLead,
    /// See [`LifecycleError::NewLeadWithoutHonour`].
    NewLeadWithoutHonour,
    /// See [`LifecycleError::BadText`].
    BadText,
    /// See [`LifecycleError::DuplicateSpecialty`].
    DuplicateSpecialty,
    /// See [`LifecycleError::ReleaseOutsidePolicy`].
    ReleaseOutsidePolicy,
    /// See [`LifecycleError::DeadlineRecorded`].
    DeadlineRecorded,
    /// See [`LifecycleError::Unsealable`].
    Unsealable,
}

impl LifecycleErrorKind {
    /// Every kind, in the order of [`LifecycleError`]'s variants.
    pub const ALL: [LifecycleErrorKind; 35] = [
        LifecycleErrorKind::PolicyMismatch,
        LifecycleErrorKind::ReleaseNotSubsidy,
        LifecycleErrorKind::SpecialtyCount,
        LifecycleErrorKind::SpecialtiesOnStudio,
        LifecycleErrorKind::LeadMissing,
        LifecycleErrorKind::LeadOnBase,
        LifecycleErrorKind::LeadWithoutHonour,
        LifecycleErrorKind::Deadline,
        LifecycleErrorKind::BeforeLastEvent,
        LifecycleErrorKind::BeforeRelease,
        LifecycleErrorKind::NotProjectUnit,
        LifecycleErrorKind::OutsideJurisdiction,
        LifecycleErrorKind::NotPermitted,
        LifecycleErrorKind::NotInState,
        LifecycleErrorKind::ProhibitedCategory,
        LifecycleErrorKind::CategoryOfOtherKind,
        LifecycleErrorKind::SpecialtyMissing,
        LifecycleErrorKind::SpecialtyNotDeclared,
        LifecycleErrorKind::AfterDeadline,
        LifecycleErrorKind::ZeroAmount,
        LifecycleErrorKind::AboveBalance,
        LifecycleErrorKind::AboveOwed,
        LifecycleErrorKind::Money,
        LifecycleErrorKind::NoVerifiedFinding,
        LifecycleErrorKind::RenameOnStudio,
        LifecycleErrorKind::LeadChangeOnBase,
        LifecycleErrorKind::EmptyName,
        LifecycleErrorKind::SameName,
        LifecycleErrorKind::SameLead,
        LifecycleErrorKind::NewLeadWithoutHonour,
        LifecycleErrorKind::BadText,
        LifecycleErrorKind::DuplicateSpecialty,
        LifecycleErrorKind::ReleaseOutsidePolicy,
        LifecycleErrorKind::DeadlineRecorded,
        LifecycleErrorKind::Unsealable,
    ];

    /// Where this refusal stands in the law: its rule id
    /// (`lifecycle.refusal.<name>`), every clause it may cite (a refusal's
    /// own clause, [`LifecycleError::clause`], is always one of them), the
    /// reading it follows, and a gloss.
    ///
    /// ```
    /// use skill_grants::clause::ClauseId;
    /// use skill_grants::lifecycle::LifecycleErrorKind;
    /// let law = LifecycleErrorKind::AfterDeadline.law();
    /// assert_eq!(law.id, "lifecycle.refusal.after_deadline");
    /// assert_eq!(law.clauses, &[ClauseId::C6_1, ClauseId::C6_2]);
    /// assert_eq!(law.reading, Some("R10"));
    /// ```
    pub const fn law(self) -> Law {
        use ClauseId as C;
        match self {
            LifecycleErrorKind::PolicyMismatch => Law {
                id: "lifecycle.refusal.policy_mismatch",
                clauses: &[C::C5],
                reading: None,
                gloss: "a start record naming another policy than the one given is refused",
            },
            LifecycleErrorKind::ReleaseNotSubsidy => Law {
                id: "lifecycle.refusal.release_not_subsidy",
                clauses: &[C::C2_2],
                reading: Some("R4"),
                gloss: "the amount released must be the fixed subsidy of the project's kind",
            },
            LifecycleErrorKind::SpecialtyCount => Law {
                id: "lifecycle.refusal.specialty_count",
                clauses: &[C::C6_1],
                reading: Some("R11"),
                gloss: "a base declares one or two specialties",
            },
            LifecycleErrorKind::SpecialtiesOnStudio => Law {
                id: "lifecycle.refusal.specialties_on_studio",
                clauses: &[C::C6_2],
                reading: None,
                gloss: "a studio declares no specialties",
            },
            LifecycleErrorKind::LeadMissing => Law {
                id: "lifecycle.refusal.lead_missing",
                clauses: &[C::C1_2_2],
                reading: None,
                gloss: "a studio's start record names its lead",
            },
            LifecycleErrorKind::LeadOnBase => Law {
                id: "lifecycle.refusal.lead_on_base",
                clauses: &[C::C1_2_1],
                reading: None,
                gloss: "a base has no studio lead",
            },
            LifecycleErrorKind::LeadWithoutHonour => Law {
                id: "lifecycle.refusal.lead_without_honour",
                clauses: &[C::C1_2_2],
                reading: Some("R2"),
                gloss: "a studio's lead holds one of the seven honours",
            },
            LifecycleErrorKind::Deadline => Law {
                id: "lifecycle.refusal.deadline",
                clauses: &[C::C6_1],
                reading: Some("R10"),
                gloss: "the completion deadline must be computable from the release date",
            },
            LifecycleErrorKind::BeforeLastEvent => Law {
                id: "lifecycle.refusal.before_last_event",
                clauses: &[C::C7_1],
                reading: None,
                gloss: "the books run in date order: nothing is dated before the last event",
            },
            LifecycleErrorKind::BeforeRelease => Law {
                id: "lifecycle.refusal.before_release",
                clauses: &[C::C6_1, C::C6_2],
                reading: Some("R10"),
                gloss: "nothing is dated before the subsidy's release",
            },
            LifecycleErrorKind::NotProjectUnit => Law {
                id: "lifecycle.refusal.not_project_unit",
                clauses: &[C::C7_1],
                reading: Some("R12"),
                gloss: "only the project's own unit acts as its unit",
            },
            LifecycleErrorKind::OutsideJurisdiction => Law {
                id: "lifecycle.refusal.outside_jurisdiction",
                clauses: &[C::C4_1, C::C4_2],
                reading: None,
                gloss: "a banner or body acts only on projects seated in it",
            },
            LifecycleErrorKind::NotPermitted => Law {
                id: "lifecycle.refusal.not_permitted",
                clauses: &[C::C5, C::C6_1, C::C7_1, C::C7_2, C::C7_3, C::C7_4],
                reading: None,
                gloss: "each kind of event has the roles that may cause it (the access rule)",
            },
            LifecycleErrorKind::NotInState => Law {
                id: "lifecycle.refusal.not_in_state",
                clauses: &[C::C5, C::C6_1, C::C6_2, C::C7_2, C::C7_3, C::C7_4],
                reading: None,
                gloss: "an event impossible in the project's state is refused (the transition table)",
            },
            LifecycleErrorKind::ProhibitedCategory => Law {
                id: "lifecycle.refusal.prohibited_category",
                clauses: &[C::C6_1, C::C6_2],
                reading: None,
                gloss: "travel, labour fees and spending outside the scope are never paid",
            },
            LifecycleErrorKind::CategoryOfOtherKind => Law {
                id: "lifecycle.refusal.category_of_other_kind",
                clauses: &[C::C6_1, C::C6_2],
                reading: None,
                gloss: "a project pays only categories of its own kind's list",
            },
            LifecycleErrorKind::SpecialtyMissing => Law {
                id: "lifecycle.refusal.specialty_missing",
                clauses: &[C::C6_1],
                reading: None,
                gloss: "a base's payment names the declared specialty it serves",
            },
            LifecycleErrorKind::SpecialtyNotDeclared => Law {
                id: "lifecycle.refusal.specialty_not_declared",
                clauses: &[C::C6_1, C::C6_2],
                reading: None,
                gloss: "a payment serves only a specialty the project declared",
            },
            LifecycleErrorKind::AfterDeadline => Law {
                id: "lifecycle.refusal.after_deadline",
                clauses: &[C::C6_1, C::C6_2],
                reading: Some("R10"),
                gloss: "no payment after the completion deadline; the deadline day itself is allowed",
            },
            LifecycleErrorKind::ZeroAmount => Law {
                id: "lifecycle.refusal.zero_amount",
                clauses: &[C::C5, C::C6_1, C::C7_1, C::C7_2, C::C7_3, C::C7_4],
                reading: None,
                gloss: "a release, payment or repayment of zero is refused",
            },
            LifecycleErrorKind::AboveBalance => Law {
                id: "lifecycle.refusal.above_balance",
                clauses: &[C::C7_1],
                reading: Some("R12"),
                gloss: "a payment never takes the account below zero",
            },
            LifecycleErrorKind::AboveOwed => Law {
                id: "lifecycle.refusal.above_owed",
                clauses: &[C::C7_2],
                reading: Some("R13"),
                gloss: "a repayment never exceeds what is still owed",
            },
            LifecycleErrorKind::Money => Law {
                id: "lifecycle.refusal.money",
                clauses: &[C::C7_1],
                reading: Some("R12"),
                gloss: "account arithmetic that overflows is refused",
            },
            LifecycleErrorKind::NoVerifiedFinding => Law {
                id: "lifecycle.refusal.no_verified_finding",
                clauses: &[C::C7_2],
                reading: Some("R13"),
                gloss: "revocation needs a verified finding on record first",
            },
            LifecycleErrorKind::RenameOnStudio => Law {
                id: "lifecycle.refusal.rename_on_studio",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "the notice provides renames for bases only",
            },
            LifecycleErrorKind::LeadChangeOnBase => Law {
                id: "lifecycle.refusal.lead_change_on_base",
                clauses: &[C::C7_4],
                reading: None,
                gloss: "the notice provides lead changes for studios only",
            },
            LifecycleErrorKind::EmptyName => Law {
                id: "lifecycle.refusal.empty_name",
                clauses: &[C::C7_3],
                reading: None,
                gloss: "a rename gives a new name",
            },
            LifecycleErrorKind::SameName => Law {
                id: "lifecycle.refusal.same_name",
                clauses: &[C::C7_3],
                reading: None,
                gloss: "a rename changes the name",
            },
            LifecycleErrorKind::SameLead => Law {
                id: "lifecycle.refusal.same_lead",
                clauses: &[C::C7_4],
                reading: None,
                gloss: "a lead change changes the lead",
            },
            LifecycleErrorKind::NewLeadWithoutHonour => Law {
                id: "lifecycle.refusal.new_lead_without_honour",
                clauses: &[C::C7_4],
                reading: Some("R15"),
                gloss: "the new lead holds one of the seven honours, checked as at application",
            },
            LifecycleErrorKind::BadText => Law {
                id: "lifecycle.refusal.bad_text",
                clauses: &[C::C5, C::C7_3, C::C7_4],
                reading: None,
                gloss: "ids and names in a start record or request are not blank, hold no control character and something visible",
            },
            LifecycleErrorKind::DuplicateSpecialty => Law {
                id: "lifecycle.refusal.duplicate_specialty",
                clauses: &[C::C6_1],
                reading: Some("R11"),
                gloss: "a base declares each specialty once",
            },
            LifecycleErrorKind::ReleaseOutsidePolicy => Law {
                id: "lifecycle.refusal.release_outside_policy",
                clauses: &[C::C5],
                reading: None,
                gloss: "the subsidy is released within the policy's effective period",
            },
            LifecycleErrorKind::DeadlineRecorded => Law {
                id: "lifecycle.refusal.deadline_recorded",
                clauses: &[C::C6_1],
                reading: Some("R10"),
                gloss: "a start record's deadline is the one R10 computes from the release",
            },
            LifecycleErrorKind::Unsealable => Law {
                id: "lifecycle.refusal.unsealable",
                clauses: &[C::C7_1],
                reading: None,
                gloss: "every event of the project's books is sealed into its tamper-evident log",
            },
        }
    }
}

fn actor_name(actor: &Actor) -> String {
    match actor {
        Actor::Unit(u) => format!("unit `{u}`"),
        Actor::BannerAuthority(b) => format!("the HR&SS and finance of {}", b.name(Lang::En)),
        Actor::BodyAuthority(b) => format!("body `{b}`"),
        Actor::City => Role::City.name(Lang::En).to_owned(),
        Actor::CityFinance => Role::CityFinance.name(Lang::En).to_owned(),
        Actor::ExpertGroup => Role::ExpertGroup.name(Lang::En).to_owned(),
    }
}

fn seat_name(seat: &Seat) -> String {
    match seat {
        Seat::Banner(_) => seat.name(Lang::En).to_owned(),
        Seat::Body(b) => format!("body `{b}`"),
    }
}
