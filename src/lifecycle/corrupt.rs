//! Why a log or a state is refused: a corrupt log on replay
//! ([`ReplayError`], from [`Project::replay`](super::Project::replay)) and a
//! broken invariant ([`InvariantViolation`], from
//! [`Project::check_invariants`](super::Project::check_invariants)).

use chrono::NaiveDate;

use crate::chain::ChainError;
use crate::clause::ClauseId;
use crate::domain::ProjectId;
use crate::domain::ProjectKind;
use crate::lang::Lang;
use crate::money::{MoneyError, Yuan};

use super::error::LifecycleError;
use super::event::EventKind;
use super::status::Status;
use super::types::Role;

/// Why a log was refused on replay.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayReason {
    /// The log has no events.
    #[error("the log is empty")]
    Empty,
    /// The first event is not `Started`.
    #[error("the first event is “{}”, not the start", found.name(Lang::En))]
    NotStarted {
        /// The kind found.
        found: EventKind,
    },
    /// A second `Started` event.
    #[error("the project is started a second time")]
    StartedAgain,
    /// The event belongs to another project.
    #[error("event of project `{found}` in the log of `{expected}`")]
    WrongProject {
        /// The log's project.
        expected: ProjectId,
        /// The event's project.
        found: ProjectId,
    },
    /// The event is dated before the previous one.
    #[error("dated {date}, before the previous event on {previous}")]
    OutOfOrder {
        /// The previous event's date.
        previous: NaiveDate,
        /// This event's date.
        date: NaiveDate,
    },
    /// An event other than `DeadlinePassed` has no actor, or `DeadlinePassed` has one.
    #[error(
        "“{}” has the wrong actor: {}",
        event.name(Lang::En),
        by.map_or("none", |r| r.name(Lang::En))
    )]
    WrongActor {
        /// The event.
        event: EventKind,
        /// The actor recorded.
        by: Option<Role>,
    },
    /// The construction period's end is missing or misdated (R10).
    #[error(
        "the end of the construction period is to be recorded on {expected}, the day after the deadline; the log records {found}"
    )]
    DeadlineMisrecorded {
        /// When it ended (the day after the deadline).
        expected: NaiveDate,
        /// The date of the offending event.
        found: NaiveDate,
    },
    /// Recorded amounts differ from those the crate computes (R13, R14), or
    /// a lapsed request differs from the pending one.
    #[error("recorded `{field}` differs from what the state gives")]
    RecordedDiffers {
        /// The field.
        field: &'static str,
    },
    /// The start record is malformed.
    #[error("malformed start record: {0}")]
    BadStart(LifecycleError),
    /// The event is impossible in the state, or breaks a rule.
    #[error("{0}")]
    Refused(LifecycleError),
    /// The sealed log is broken here: a gap, a duplicate, a reorder, a
    /// changed byte, or (against the host's head) truncated, extended or
    /// rewritten ([`crate::chain`]).
    #[error("{0}")]
    Chain(ChainError),
    /// A recorded event cannot be applied (its ledger arithmetic fails).
    #[error("{0}")]
    Apply(ApplyError),
}

impl ReplayReason {
    /// The clause the refusal cites.
    ///
    /// ```
    /// use skill_grants::{ClauseId, lifecycle::ReplayReason};
    /// assert_eq!(ReplayReason::Empty.clause(), ClauseId::C5);
    /// ```
    pub fn clause(&self) -> ClauseId {
        match self {
            ReplayReason::Empty | ReplayReason::NotStarted { .. } | ReplayReason::StartedAgain => {
                ClauseId::C5
            }
            ReplayReason::WrongProject { .. }
            | ReplayReason::OutOfOrder { .. }
            | ReplayReason::WrongActor { .. } => ClauseId::C7_1,
            ReplayReason::DeadlineMisrecorded { .. } => ClauseId::C6_1,
            ReplayReason::RecordedDiffers { .. } => ClauseId::C7_2,
            ReplayReason::BadStart(e) | ReplayReason::Refused(e) => e.clause(),
            ReplayReason::Chain(_) | ReplayReason::Apply(_) => ClauseId::C7_1,
        }
    }
}

/// A corrupt log: the position (0-based) of the first bad event and the reason.
///
/// ```
/// use skill_grants::lifecycle::{Project, ReplayReason};
/// let err = Project::replay(&[], &skill_grants::Policy::ordos_2022(), None).unwrap_err();
/// assert_eq!((err.position, err.reason), (0, ReplayReason::Empty));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event #{position}: {reason}")]
pub struct ReplayError {
    /// The position of the event in the log (0-based).
    pub position: usize,
    /// Why it was refused.
    pub reason: ReplayReason,
}

/// Why a sealed event was not applied ([`Project::apply`](super::Project::apply)).
/// [`ApplyError::clause`] gives the clause a refusal cites.
/// The project is left as it was.
///
/// ```
/// use skill_grants::lifecycle::ApplyError;
/// let e = ApplyError::Stale { expected: 3, found: 2 };
/// assert!(e.to_string().contains("decided against another state"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplyError {
    /// The event was sealed for another sequence number than the next: it was
    /// decided against another state of the project (a stale snapshot, or
    /// another writer went first). Decide it again on the current state.
    #[error(
        "the event is sealed as event {found} but the project expects event {expected}: it was decided against another state; decide it again"
    )]
    Stale {
        /// The sequence number the project expects (its head's, plus one).
        expected: u64,
        /// The event's.
        found: u64,
    },
    /// The record does not chain to the project's head, or its hash does
    /// not match its contents.
    #[error("{0}")]
    Record(ChainError),
    /// The event belongs to another project.
    #[error("event of project `{found}` applied to `{expected}`")]
    WrongProject {
        /// The project's id.
        expected: ProjectId,
        /// The event's.
        found: ProjectId,
    },
    /// A `Started` event applied to an open project.
    #[error("the project is started already")]
    StartedAgain,
    /// The law refuses the event in the project's state, as replay would
    /// refuse it in a log: an action the state or the actor does not allow,
    /// a misdated event, or amounts that differ from what the state gives.
    #[error("the event is not lawful in the project's state: {0}")]
    Unlawful(Box<ReplayReason>),
    /// The event's ledger arithmetic fails (7.1); nothing is applied.
    #[error("“{}”: the account's arithmetic fails: {error}", event.name(Lang::En))]
    Money {
        /// The event.
        event: EventKind,
        /// The arithmetic error.
        error: MoneyError,
    },
}

impl ApplyError {
    /// The clause the refusal cites: the law's own for an unlawful event,
    /// otherwise 7.1 (one project's books, every event in its place).
    ///
    /// ```
    /// use skill_grants::{ClauseId, lifecycle::{ApplyError, ReplayReason}};
    /// assert_eq!(ApplyError::Stale { expected: 3, found: 2 }.clause(), ClauseId::C7_1);
    /// let e = ApplyError::Unlawful(Box::new(ReplayReason::RecordedDiffers { field: "revoked" }));
    /// assert_eq!(e.clause(), ClauseId::C7_2);
    /// ```
    pub fn clause(&self) -> ClauseId {
        match self {
            ApplyError::Unlawful(reason) => reason.clause(),
            ApplyError::Stale { .. }
            | ApplyError::Record(_)
            | ApplyError::WrongProject { .. }
            | ApplyError::StartedAgain
            | ApplyError::Money { .. } => ClauseId::C7_1,
        }
    }
}

/// An invariant a project's state breaks (for auditors: see
/// [`super::Project::check_invariants`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvariantViolation {
    /// released ≠ spent + balance + returned from the account (7.1, R13).
    #[error("released {released} ≠ spent {spent} + balance {balance} + returned {returned}")]
    MoneyNotConserved {
        /// Released.
        released: Yuan,
        /// Spent.
        spent: Yuan,
        /// Balance.
        balance: Yuan,
        /// Returned from the account.
        returned: Yuan,
    },
    /// recovery ordered ≠ returned + repaid + owed (R13).
    #[error("recovery ordered {ordered} ≠ returned {returned} + repaid {repaid} + owed {owed}")]
    RecoveryNotBalanced {
        /// Recovery ordered.
        ordered: Yuan,
        /// Returned from the account.
        returned: Yuan,
        /// Repaid.
        repaid: Yuan,
        /// Owed.
        owed: Yuan,
    },
    /// The ledger's released amount differs from the start record's.
    #[error("the ledger records {ledger} released; the start record {start}")]
    ReleaseChanged {
        /// In the ledger.
        ledger: Yuan,
        /// In the start record.
        start: Yuan,
    },
    /// A revoked or dissolved project has the wrong recovery (R13, R14).
    #[error(
        "a project “{}” must have recovery {expected}, balance zero; has {ordered}, balance {balance}",
        status.name(Lang::En)
    )]
    WrongRecovery {
        /// The state.
        status: Status,
        /// The recovery it should have.
        expected: Yuan,
        /// The recovery it has.
        ordered: Yuan,
        /// Its balance.
        balance: Yuan,
    },
    /// Money was recovered from a project that was neither revoked nor dissolved.
    #[error("a project “{}” has recovery or asset-rule amounts", status.name(Lang::En))]
    RecoveryWithoutClosure {
        /// The state.
        status: Status,
    },
    /// A pending request does not match the state.
    #[error("the state “{}” does not match the pending request", status.name(Lang::En))]
    PendingMismatch {
        /// The state.
        status: Status,
    },
    /// A base with a lead or lead history, or a studio without a lead.
    #[error("a {kind} with the wrong lead or name history")]
    KindMismatch {
        /// The kind.
        kind: ProjectKind,
    },
    /// An accepted project without an acceptance date.
    #[error("an accepted project has no acceptance date")]
    AcceptanceUndated,
}
