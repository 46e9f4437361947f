//! The project lifecycle (项目全周期), event-sourced: the account and its
//! payments (6.1, 6.2, 7.1, R10, R12), inspection, evaluation and acceptance
//! (7.2), revocation and recovery (7.2, R13), rename and dissolution (7.3,
//! R14), lead change (7.4, R15).
//!
//! A project is opened from the round's [`ProjectStart`] ([`Project::open`]);
//! the first event of its log is [`Change::Started`]. Then:
//!
//! - [`Project::decide`] checks a [`Command`] against the state and yields
//!   events, or a [`LifecycleError`] citing its clause; the project is not
//!   changed either way.
//! - [`Project::apply`] applies a sealed event, or refuses it whole
//!   ([`ApplyError`]); [`Project::execute`] decides and applies in one call.
//! - [`Project::replay`] rebuilds a project from its sealed log and refuses a
//!   corrupt log (a broken chain, a start record the policy refuses, out of
//!   date order, an event impossible in its state, a wrong project id) with
//!   the position and the reason ([`ReplayError`]);
//!   [`Project::state_on`] gives the state as it stood on a past date. A log
//!   verified once ([`crate::chain::Verified`]) replays without hashing
//!   again: [`Project::replay_verified`], [`Project::state_on_verified`].
//! - [`Project::check_invariants`] checks what must hold at every moment
//!   (money conserved, recovery balanced, …), for auditors' suites.
//!
//! ## The sealed log, and restoring a project
//!
//! Every event is sealed into the project's tamper-evident log
//! ([`crate::chain`]): [`Project::open`], [`Project::decide`],
//! [`Project::execute`] and [`Project::payment_event`] give
//! [`crate::chain::Sealed`]`<`[`Event`]`>` records carrying the next
//! sequence number and the SHA-256 chain hash; the plain [`Event`] is the
//! record's payload. The host stores the records, and keeps the project's
//! [`Project::head`] (sequence and hash) **apart** from them.
//!
//! - [`Project::apply`] applies a record only if it is the next one (its
//!   sequence number is the head's plus one, it chains to the head, its hash
//!   matches): an event decided against another state — two commands decided
//!   on one snapshot — is refused with [`ApplyError::Stale`], never dropped.
//!   A record must also be lawful in the project's state, as replay checks
//!   every event of a log ([`ApplyError::Unlawful`]): the chain proves who
//!   sealed it, not that the law allowed it. An event whose ledger
//!   arithmetic fails is refused whole ([`ApplyError::Money`]); the status
//!   never moves without the ledger.
//! - **A `Project` is never deserialized.** It implements `Serialize` (to
//!   show it) but not `Deserialize`: the only ways to get one are
//!   [`Project::open`] (a start record checked against the policy) and
//!   [`Project::replay`] of its sealed log, given the policy and, to detect
//!   truncation, the host's head. Replay checks the chain first (a gap,
//!   duplicate, reorder or changed byte is refused naming the record's
//!   position; against the head also truncation, extension and a rewrite),
//!   then the start record as strictly as [`Project::open`] (and the
//!   recorded deadline against R10), then every event as
//!   [`Project::decide`] would.
//!
//! ```compile_fail
//! // A stored state cannot be loaded unchecked: restore it by replay.
//! let project: skill_grants::lifecycle::Project = serde_json::from_str("{}").unwrap();
//! ```
//!
//! ## Where to read each rule
//!
//! | file | what it holds | clauses |
//! |---|---|---|
//! | `mod.rs` | this guide; [`Project`], [`Project::open`] and the start record's checks | 1.2.2, 2.2, 5, 6.1, R2, R4, R11 |
//! | `decide.rs` | [`Project::decide`]: a command gives events or a refusal; the access rule, the one **payment rule** (`check_payment`: deadline, state, categories, specialty, balance) | 6.1, 6.2, 7.1–7.4, R10, R12–R15 |
//! | `apply.rs` | [`Project::apply`]: an event changes the state | 7.1–7.4, R13, R14 |
//! | `replay.rs` | [`Project::replay`], [`Project::state_on`] (the chain verified, then) and [`Project::replay_verified`], [`Project::state_on_verified`]: a log checked event by event by one replay law, with the same checks as `decide` | 5, 6.1, 7.1, R10 |
//! | `invariants.rs` | [`Project::check_invariants`]: what holds at every moment | 7.1, R13, R14 |
//! | `table.rs` | the transition table ([`transition`]) and its diagram | 6.1–7.4 |
//! | `event.rs` | [`EventKind`] with its law ([`EventKind::law`]) and access rule ([`EventKind::permits`]); [`Change`], [`Event`] | |
//! | `status.rs` | [`Status`] with its law ([`Status::law`]) | |
//! | `error.rs` | [`LifecycleError`] and its kinds' laws ([`LifecycleErrorKind::law`]) | |
//! | `corrupt.rs` | a corrupt log ([`ReplayError`]) and a broken invariant ([`InvariantViolation`]) | |
//! | `command.rs`, `types.rs` | [`Command`] and [`Action`]; the start record, roles, spending categories, the [`Ledger`] | |
//!
//! Every rule's id, clauses and reading are in one `law()` match beside its
//! variants; the registry ([`crate::rules`]) only collects them. The step
//! files (`decide`, `apply`, `replay`, `invariants`) only add methods to
//! [`Project`]; the others do not depend on them.
//!
//! The ledger's hot path is [`Project::decide_payment`] (no allocation, no
//! formatting, a specialty referred to by its position, [`SpecialtyIndex`]),
//! then [`Project::payment_event`] (sealed) and [`Project::apply`].
//!
//! ## When construction ends
//!
//! The construction period runs from the release through the deadline of R10
//! (release + 24 months for a base, 12 for a studio; the deadline day is
//! inside). It ends either when the unit declares construction complete
//! ([`Action::CompleteConstruction`]), or on the day after the deadline: the
//! first command dated after the deadline yields a
//! [`Change::DeadlinePassed`] event (dated the day after the deadline, no
//! actor) before its own event, and a rename or lead change still pending
//! lapses. Between events, [`Project::status_on`] tells the status on a date
//! with the deadline taken into account.
//!
//! ## Who may do what
//!
//! See [`EventKind::permits`]: the project unit pays, declares completion and
//! requests renames and lead changes; the HR&SS and finance of the project's
//! banner or 4.2 body inspect (7.1); the city inspects, evaluates, decides
//! acceptance, records verified findings, revokes and approves or refuses
//! requests; the expert group evaluates; city finance records repayments; the
//! city or city finance records a dissolution. A unit other than the
//! project's, or an authority of another banner or body, is refused.
//!
//! ## States
//!
//! The diagram is generated from [`transition`] by [`mermaid`] (and
//! snapshotted by the tests, so it cannot drift from the code):
//!
#![doc = concat!("```mermaid\n", include_str!("diagram.mmd"), "```")]
//!
//! ## Example
//!
//! ```
//! use skill_grants::NaiveDate;
//! use skill_grants::lifecycle::*;
//! use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
//! use skill_grants::{Banner, Policy, ProjectKind, Yuan};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let policy = Policy::ordos_2022();
//! let start = ProjectStart {
//!     project: ProjectId::new("2022-B-01"),
//!     kind: ProjectKind::TrainingBase,
//!     unit: UnitId::new("U-001"),
//!     unit_name: "准格尔旗某煤炭企业".into(),
//!     seat: Seat::Banner(Banner::JungarBanner),
//!     specialties: vec![Specialty::new("煤矿机电")],
//!     lead: None,
//!     released: Yuan::from_yuan(200_000),
//!     released_on: d(2022, 9, 1),
//!     policy: policy.reference(),
//! };
//! let (mut project, started) = Project::open(start, &policy)?;
//! assert_eq!(project.deadline(), d(2024, 9, 1));
//!
//! let unit = Actor::Unit(UnitId::new("U-001"));
//! let pay = Command::new(unit.clone(), d(2023, 3, 1), Action::Pay {
//!     spend: Spend::base(SpendingCategory::TrainingEquipment, Yuan::from_yuan(80_000), SpecialtyIndex(0)),
//! });
//! let events = project.decide(&pay)?;          // sealed, not yet applied
//! for e in &events { project.apply(e)?; }       // or: project.execute(&pay)?
//! assert_eq!(project.ledger().balance, Yuan::from_yuan(120_000));
//!
//! // Travel is never allowed (6.1).
//! let travel = Command::new(unit, d(2023, 3, 2), Action::Pay {
//!     spend: Spend::base(SpendingCategory::Travel, Yuan::from_yuan(1_000), SpecialtyIndex(0)),
//! });
//! let err = project.decide(&travel).unwrap_err();
//! assert_eq!(err.clause().as_str(), "6.1");
//!
//! // The sealed log replays, against the head the host keeps, to the same state.
//! let log: Vec<_> = std::iter::once(started).chain(events).collect();
//! assert_eq!(Project::replay(&log, &policy, Some(&project.head()))?, project);
//! project.check_invariants()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
mod command;
mod corrupt;
mod decide;
mod error;
mod event;
mod explain;
mod invariants;
#[cfg(test)]
mod law_tests;
mod replay;
mod start;
mod status;
mod table;
mod text;
mod types;
mod wording;

pub use command::{Action, Command};
pub use corrupt::ApplyError;
pub use corrupt::{InvariantViolation, ReplayError, ReplayReason};
pub use error::{LifecycleError, LifecycleErrorKind};
pub use event::{Change, Event, EventKind};
pub use status::Status;
pub use table::{Transition, mermaid, transition, transitions};
pub use text::TextProblem;
pub use types::{
    Actor, EvaluationRating, FormerLead, FormerName, InspectionResult, LeadChangeReason, Ledger,
    Misconduct, Payment, PendingRequest, ProjectStart, RenameCause, Role, SpecialtyIndex, Spend,
    SpendingCategory, VerifiedFinding,
};

use chrono::NaiveDate;
use serde::Serialize;

use crate::application::StudioLead;
use crate::chain::{self, Head, Sealed};
use crate::domain::ProjectKind;
use crate::domain::{ProjectId, Seat, Specialty};
use crate::policy::Policy;
use crate::repeat::smallest_repeated;

/// A funded project (建设项目) and everything its log has established.
///
/// Build one with [`Project::open`] or [`Project::replay`]; change it only by
/// applying events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Project {
    start: ProjectStart,
    deadline: NaiveDate,
    status: Status,
    unit_name: String,
    lead: Option<StudioLead>,
    former_names: Vec<FormerName>,
    former_leads: Vec<FormerLead>,
    pending: Option<PendingRequest>,
    findings: Vec<VerifiedFinding>,
    inspections: u32,
    evaluations: u32,
    last_rating: Option<EvaluationRating>,
    accepted_on: Option<NaiveDate>,
    rated_effective: bool,
    closed_on: Option<NaiveDate>,
    ledger: Ledger,
    last_on: NaiveDate,
    head: Head,
}

impl Project {
    /// Opens a project from the round's start record: checks it against the
    /// policy, computes the deadline, and returns the project with its first
    /// event, [`Change::Started`], recorded as the city's.
    ///
    /// # Law
    ///
    /// 5 (the city releases the subsidy; [`EventKind::Started`]); 2.2, R4 (the
    /// amount is the fixed subsidy of the kind); 6.1, R11 (a base declares one
    /// or two specialties; a studio none, 6.2); 1.2.1, 1.2.2, R2 (only a studio
    /// has a lead, who holds an honour); 6.1, 6.2, R10 (the deadline: release
    /// + 24 months for a base, 12 for a studio).
    ///
    /// # Errors
    ///
    /// [`LifecycleError::PolicyMismatch`], [`LifecycleError::ReleaseNotSubsidy`],
    /// [`LifecycleError::SpecialtyCount`], [`LifecycleError::SpecialtiesOnStudio`],
    /// [`LifecycleError::LeadOnBase`], [`LifecycleError::LeadMissing`],
    /// [`LifecycleError::LeadWithoutHonour`], [`LifecycleError::ZeroAmount`],
    /// [`LifecycleError::Deadline`]; each cites its clause.
    ///
    /// # Example
    ///
    /// ```
    /// # use skill_grants::NaiveDate;
    /// # use skill_grants::lifecycle::*;
    /// # use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
    /// # use skill_grants::{Banner, Policy, ProjectKind, Yuan};
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// # let policy = Policy::ordos_2022();
    /// # let start = ProjectStart {
    /// #     project: ProjectId::new("2022-B-01"),
    /// #     kind: ProjectKind::TrainingBase,
    /// #     unit: UnitId::new("U-001"),
    /// #     unit_name: "准格尔旗某煤炭企业".into(),
    /// #     seat: Seat::Banner(Banner::JungarBanner),
    /// #     specialties: vec![Specialty::new("煤矿机电")],
    /// #     lead: None,
    /// #     released: Yuan::from_yuan(200_000),
    /// #     released_on: d(2022, 9, 1),
    /// #     policy: policy.reference(),
    /// # };
    /// # let (mut project, started) = Project::open(start, &policy)?;
    /// # let unit = Actor::Unit(UnitId::new("U-001"));
    /// assert_eq!(project.deadline(), d(2024, 9, 1));
    /// assert_eq!(started.event.kind(), EventKind::Started);
    /// assert_eq!(started.seq, 1);
    ///
    /// // A studio's subsidy is not a base's (2.2, R4).
    /// let mut wrong = project.start().clone();
    /// wrong.released = Yuan::from_yuan(100_000);
    /// let err = Project::open(wrong, &policy).unwrap_err();
    /// assert_eq!(err.kind().law().id, "lifecycle.refusal.release_not_subsidy");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(
        start: ProjectStart,
        policy: &Policy,
    ) -> Result<(Project, Sealed<Event>), LifecycleError> {
        let deadline = check_start(&start, policy)?;
        let event = Event {
            project: start.project.clone(),
            on: start.released_on,
            by: Some(Role::City),
            change: Change::Started {
                start: Box::new(start.clone()),
                deadline,
            },
        };
        let (record, head) =
            chain::seal(Head::GENESIS, event).map_err(LifecycleError::Unsealable)?;
        Ok((Project::from_start(start, deadline, head), record))
    }

    fn from_start(start: ProjectStart, deadline: NaiveDate, head: Head) -> Project {
        Project {
            deadline,
            status: Status::UnderConstruction,
            unit_name: start.unit_name.clone(),
            lead: start.lead.clone(),
            former_names: Vec::new(),
            former_leads: Vec::new(),
            pending: None,
            findings: Vec::new(),
            inspections: 0,
            evaluations: 0,
            last_rating: None,
            accepted_on: None,
            rated_effective: false,
            closed_on: None,
            ledger: Ledger::opened(start.released),
            last_on: start.released_on,
            head,
            start,
        }
    }

    // ----- read access -----

    /// The project's id.
    pub fn id(&self) -> &ProjectId {
        &self.start.project
    }

    /// Base or studio.
    pub fn kind(&self) -> ProjectKind {
        self.start.kind
    }

    /// The start record.
    pub fn start(&self) -> &ProjectStart {
        &self.start
    }

    /// The completion deadline of R10 (the last day payments are allowed).
    pub fn deadline(&self) -> NaiveDate {
        self.deadline
    }

    /// The state as recorded by the last event.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The status on `date` (on or after the last event): as recorded, except
    /// that a project still in construction after its deadline is
    /// [`Status::AwaitingAcceptance`]. For earlier dates, see
    /// [`Project::state_on`].
    ///
    /// # Law
    ///
    /// 6.1, 6.2, R10: the construction period ends after the deadline day.
    ///
    /// # Errors
    ///
    /// None.
    ///
    /// # Example
    ///
    /// ```
    /// # use skill_grants::NaiveDate;
    /// # use skill_grants::lifecycle::*;
    /// # use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
    /// # use skill_grants::{Banner, Policy, ProjectKind, Yuan};
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// # let policy = Policy::ordos_2022();
    /// # let start = ProjectStart {
    /// #     project: ProjectId::new("2022-B-01"),
    /// #     kind: ProjectKind::TrainingBase,
    /// #     unit: UnitId::new("U-001"),
    /// #     unit_name: "准格尔旗某煤炭企业".into(),
    /// #     seat: Seat::Banner(Banner::JungarBanner),
    /// #     specialties: vec![Specialty::new("煤矿机电")],
    /// #     lead: None,
    /// #     released: Yuan::from_yuan(200_000),
    /// #     released_on: d(2022, 9, 1),
    /// #     policy: policy.reference(),
    /// # };
    /// # let (mut project, started) = Project::open(start, &policy)?;
    /// # let unit = Actor::Unit(UnitId::new("U-001"));
    /// assert_eq!(project.status_on(d(2024, 9, 1)), Status::UnderConstruction);
    /// assert_eq!(project.status_on(d(2024, 9, 2)), Status::AwaitingAcceptance);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status_on(&self, date: NaiveDate) -> Status {
        if self.status.in_construction() && date > self.deadline {
            Status::AwaitingAcceptance
        } else {
            self.status
        }
    }

    /// The unit's current name (after any approved rename, 7.3).
    pub fn unit_name(&self) -> &str {
        &self.unit_name
    }

    /// The studio's current lead (after any approved change, 7.4).
    pub fn lead(&self) -> Option<&StudioLead> {
        self.lead.as_ref()
    }

    /// Former names, oldest first (R14: the history is kept).
    pub fn former_names(&self) -> &[FormerName] {
        &self.former_names
    }

    /// Former leads, oldest first.
    pub fn former_leads(&self) -> &[FormerLead] {
        &self.former_leads
    }

    /// The request awaiting the city's approval, if any.
    pub fn pending(&self) -> Option<&PendingRequest> {
        self.pending.as_ref()
    }

    /// Verified findings on record (7.2, R13).
    pub fn findings(&self) -> &[VerifiedFinding] {
        &self.findings
    }

    /// Number of inspections recorded (7.2).
    pub fn inspections(&self) -> u32 {
        self.inspections
    }

    /// Number of phased evaluations recorded, and the last rating (7.2).
    pub fn evaluations(&self) -> (u32, Option<EvaluationRating>) {
        (self.evaluations, self.last_rating)
    }

    /// The day acceptance passed, if it did, and whether it was rated effective.
    pub fn accepted(&self) -> Option<(NaiveDate, bool)> {
        self.accepted_on.map(|d| (d, self.rated_effective))
    }

    /// The day the project closed (accepted, not accepted, revoked, dissolved).
    pub fn closed_on(&self) -> Option<NaiveDate> {
        self.closed_on
    }

    /// The account and its recovery.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The date of the last event.
    pub fn last_event_on(&self) -> NaiveDate {
        self.last_on
    }

    /// The number of events applied, the start included (the sequence
    /// number of the last one).
    pub fn event_count(&self) -> u64 {
        self.head.seq
    }

    /// The head of the project's sealed log: the sequence number and hash
    /// of the last event applied. The host keeps it apart from the log and
    /// gives it to [`Project::replay`] to detect truncation.
    pub fn head(&self) -> Head {
        self.head
    }

    /// The position of a declared specialty, to name it in a [`Spend`].
    pub fn specialty_index(&self, specialty: &Specialty) -> Option<SpecialtyIndex> {
        self.start
            .specialties
            .iter()
            .position(|s| s == specialty)
            .and_then(|i| u8::try_from(i).ok())
            .map(SpecialtyIndex)
    }
}

/// The checks of a start record, at [`Project::open`] and at replay, as
/// strict as an application's: the policy named is the one given (5), the
/// release within its effective period (5) and equal to the kind's subsidy
/// (2.2, R4); every id and name not blank, free of control characters and
/// not only invisible characters; a base's specialties as many as the
/// policy allows, each once (6.1, R11), a studio none (6.2); only a studio
/// has a lead, who holds an honour (1.2.1, 1.2.2, R2). Returns the deadline
/// R10 computes (6.1, 6.2).
pub(super) fn check_start(
    start: &ProjectStart,
    policy: &Policy,
) -> Result<NaiveDate, LifecycleError> {
    let reference = policy.reference();
    if start.policy != reference {
        return Err(LifecycleError::PolicyMismatch {
            expected: reference,
            found: start.policy.clone(),
        });
    }
    if !policy.is_in_force(start.released_on) {
        return Err(LifecycleError::ReleaseOutsidePolicy {
            released_on: start.released_on,
            from: policy.effective_from(),
            until: policy.effective_until(),
        });
    }
    let subsidy = policy.subsidy(start.kind);
    if start.released != subsidy {
        return Err(LifecycleError::ReleaseNotSubsidy {
            kind: start.kind,
            expected: subsidy,
            found: start.released,
        });
    }
    check_text("project", start.project.as_str())?;
    check_text("unit", start.unit.as_str())?;
    check_text("unit_name", &start.unit_name)?;
    if let Seat::Body(body) = &start.seat {
        check_text("seat.body", body.as_str())?;
    }
    if let Some(lead) = &start.lead {
        check_text("lead.id", lead.id.as_str())?;
        check_text("lead.name", &lead.name)?;
    }
    for (i, specialty) in start.specialties.iter().enumerate() {
        if let Some(problem) = TextProblem::of(&specialty.0) {
            return Err(LifecycleError::BadText {
                field: format!("specialties[{i}]"),
                problem,
            });
        }
    }
    match start.kind {
        ProjectKind::TrainingBase => {
            if start.lead.is_some() {
                return Err(LifecycleError::LeadOnBase);
            }
            let (min, max) = policy.specialties_range();
            let count = start.specialties.len();
            if count < min as usize || count > max as usize || count > usize::from(u8::MAX) {
                return Err(LifecycleError::SpecialtyCount { count, min, max });
            }
            // Each specialty once (O(n log n)).
            if let Some((specialty, first, second)) = smallest_repeated(start.specialties.iter()) {
                return Err(LifecycleError::DuplicateSpecialty {
                    specialty: specialty.clone(),
                    first,
                    second,
                });
            }
        }
        ProjectKind::Studio => {
            if !start.specialties.is_empty() {
                return Err(LifecycleError::SpecialtiesOnStudio {
                    count: start.specialties.len(),
                });
            }
            match &start.lead {
                None => return Err(LifecycleError::LeadMissing),
                Some(lead) if lead.honours.is_empty() => {
                    return Err(LifecycleError::LeadWithoutHonour {
                        person: lead.id.clone(),
                    });
                }
                Some(_) => {}
            }
        }
    }
    if start.released.is_zero() {
        return Err(LifecycleError::ZeroAmount {
            event: EventKind::Started,
        });
    }
    policy
        .completion_deadline(start.kind, start.released_on)
        .map_err(LifecycleError::Deadline)
}

/// An id or a name: not blank, no control character, something visible.
pub(super) fn check_text(field: &str, text: &str) -> Result<(), LifecycleError> {
    match TextProblem::of(text) {
        None => Ok(()),
        Some(problem) => Err(LifecycleError::BadText {
            field: field.to_owned(),
            problem,
        }),
    }
}
