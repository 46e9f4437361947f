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
//! - [`Project::apply`] applies an event; it never fails.
//! - [`Project::replay`] rebuilds a project from its log and refuses a corrupt
//!   log (out of date order, an event impossible in its state, a wrong project
//!   id) with the position and the reason ([`ReplayError`]);
//!   [`Project::state_on`] gives the state as it stood on a past date.
//! - [`Project::check_invariants`] checks what must hold at every moment
//!   (money conserved, recovery balanced, …), for auditors' suites.
//!
//! The ledger's hot path is [`Project::decide_payment`] and
//! [`Project::apply_payment`]: no allocation, no formatting, a specialty
//! referred to by its position ([`SpecialtyIndex`]).
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
//! use chrono::NaiveDate;
//! use skill_grants::lifecycle::*;
//! use skill_grants::model::{ProjectId, Seat, Specialty, UnitId};
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
//! let events = project.decide(&pay)?;
//! for e in &events { project.apply(e); }
//! assert_eq!(project.ledger().balance, Yuan::from_yuan(120_000));
//!
//! // Travel is never allowed (6.1).
//! let travel = Command::new(unit, d(2023, 3, 2), Action::Pay {
//!     spend: Spend::base(SpendingCategory::Travel, Yuan::from_yuan(1_000), SpecialtyIndex(0)),
//! });
//! let err = project.decide(&travel).unwrap_err();
//! assert_eq!(err.clause().as_str(), "6.1");
//!
//! // The log replays to the same state.
//! let log: Vec<Event> = std::iter::once(started).chain(events).collect();
//! assert_eq!(Project::replay(&log)?, project);
//! project.check_invariants()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod table;
mod types;

pub use error::{InvariantViolation, LifecycleError, ReplayError, ReplayReason};
pub use table::{EventKind, Status, Transition, mermaid, transition, transitions};
pub use types::{
    Action, Actor, Change, Command, EvaluationRating, Event, FormerLead, FormerName,
    InspectionResult, LeadChangeReason, Ledger, Misconduct, Payment, PendingRequest, ProjectStart,
    RenameCause, Role, SpecialtyIndex, Spend, SpendingCategory, VerifiedFinding,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ProjectId, Seat, Specialty, StudioLead};
use crate::{Policy, ProjectKind, Yuan};

/// A funded project (建设项目) and everything its log has established.
///
/// Build one with [`Project::open`] or [`Project::replay`]; change it only by
/// applying events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    events: u64,
}

impl Project {
    /// Opens a project from the round's start record: checks it against the
    /// policy (the policy named, the fixed subsidy of 2.2, the specialties of
    /// 6.1/R11, the lead and honours of 1.2.2/R2), computes the deadline of
    /// R10, and returns the project with its first event, [`Change::Started`].
    ///
    /// The event is recorded as the city's (5: the city releases the subsidy).
    pub fn open(start: ProjectStart, policy: &Policy) -> Result<(Project, Event), LifecycleError> {
        let reference = policy.reference();
        if start.policy != reference {
            return Err(LifecycleError::PolicyMismatch {
                expected: reference,
                found: start.policy,
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
        if start.kind == ProjectKind::TrainingBase {
            let (min, max) = policy.specialties_range();
            let count = start.specialties.len();
            if count < min as usize || count > max as usize {
                return Err(LifecycleError::SpecialtyCount { count, min, max });
            }
        }
        check_start_shape(&start)?;
        let deadline = policy
            .completion_deadline(start.kind, start.released_on)
            .map_err(LifecycleError::Deadline)?;
        let event = Event {
            project: start.project.clone(),
            on: start.released_on,
            by: Some(Role::City),
            change: Change::Started {
                start: Box::new(start.clone()),
                deadline,
            },
        };
        Ok((Project::from_start(start, deadline), event))
    }

    fn from_start(start: ProjectStart, deadline: NaiveDate) -> Project {
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
            events: 1,
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
    /// [`Status::AwaitingAcceptance`] (R10). For earlier dates, see
    /// [`Project::state_on`].
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

    /// The number of events applied, the start included.
    pub fn event_count(&self) -> u64 {
        self.events
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

    // ----- deciding -----

    /// Checks a command against the state and returns the events it causes
    /// (usually one; two when the deadline has passed since the last event:
    /// [`Change::DeadlinePassed`] first). On error, nothing is changed.
    pub fn decide(&self, command: &Command) -> Result<Vec<Event>, LifecycleError> {
        let on = command.on;
        if let Action::Pay { spend } = &command.action {
            let payment = self.decide_payment(&command.by, on, spend)?;
            return Ok(vec![self.payment_event(payment)]);
        }
        self.check_date(on)?;
        let role = self.resolve(&command.by)?;
        let lapse = self.status.in_construction() && on > self.deadline;
        let (status, pending) = if lapse {
            (Status::AwaitingAcceptance, None)
        } else {
            (self.status, self.pending.as_ref())
        };
        let change = self.build(status, on, &command.action)?;
        self.admit(status, pending, role, &change)?;
        let mut events = Vec::with_capacity(2);
        if lapse {
            events.push(self.deadline_event());
        }
        events.push(Event {
            project: self.start.project.clone(),
            on,
            by: Some(role),
            change,
        });
        Ok(events)
    }

    /// The ledger's fast path: checks a payment (the actor, the date against
    /// the release and the deadline, the state, the category, the specialty,
    /// the amount against the balance). Allocates nothing.
    pub fn decide_payment(
        &self,
        by: &Actor,
        on: NaiveDate,
        spend: &Spend,
    ) -> Result<Payment, LifecycleError> {
        self.check_date(on)?;
        let role = self.resolve(by)?;
        if !EventKind::Paid.permits(role) {
            return Err(LifecycleError::NotPermitted {
                role,
                event: EventKind::Paid,
            });
        }
        self.check_spend(self.status, on, spend)?;
        Ok(Payment { on, spend: *spend })
    }

    /// Applies a payment accepted by [`Project::decide_payment`]; the same as
    /// applying its [`Project::payment_event`]. Never fails.
    pub fn apply_payment(&mut self, payment: &Payment) {
        self.apply_spend(&payment.spend);
        self.touch(payment.on);
    }

    /// The logged event of a payment.
    pub fn payment_event(&self, payment: Payment) -> Event {
        Event {
            project: self.start.project.clone(),
            on: payment.on,
            by: Some(Role::ProjectUnit),
            change: Change::Paid {
                spend: payment.spend,
            },
        }
    }

    fn deadline_event(&self) -> Event {
        Event {
            project: self.start.project.clone(),
            on: self.deadline.succ_opt().unwrap_or(self.deadline),
            by: None,
            change: Change::DeadlinePassed {
                lapsed: self.pending_kind(),
            },
        }
    }

    fn pending_kind(&self) -> Option<EventKind> {
        match &self.pending {
            Some(PendingRequest::Rename { .. }) => Some(EventKind::RenameRequested),
            Some(PendingRequest::LeadChange { .. }) => Some(EventKind::LeadChangeRequested),
            None => None,
        }
    }

    fn check_date(&self, on: NaiveDate) -> Result<(), LifecycleError> {
        if on < self.start.released_on {
            return Err(LifecycleError::BeforeRelease {
                date: on,
                released_on: self.start.released_on,
                kind: self.start.kind,
            });
        }
        if on < self.last_on {
            return Err(LifecycleError::BeforeLastEvent {
                date: on,
                last: self.last_on,
            });
        }
        Ok(())
    }

    /// The role an actor acts in on this project, or why it may not act.
    fn resolve(&self, actor: &Actor) -> Result<Role, LifecycleError> {
        match actor {
            Actor::Unit(unit) if *unit == self.start.unit => Ok(Role::ProjectUnit),
            Actor::Unit(unit) => Err(LifecycleError::NotProjectUnit { unit: unit.clone() }),
            Actor::BannerAuthority(b) if matches!(&self.start.seat, Seat::Banner(s) if s == b) => {
                Ok(Role::LocalAuthority)
            }
            Actor::BodyAuthority(b) if matches!(&self.start.seat, Seat::Body(s) if s == b) => {
                Ok(Role::LocalAuthority)
            }
            Actor::BannerAuthority(_) | Actor::BodyAuthority(_) => {
                Err(LifecycleError::OutsideJurisdiction {
                    actor: actor.clone(),
                    seat: self.start.seat.clone(),
                })
            }
            Actor::City => Ok(Role::City),
            Actor::CityFinance => Ok(Role::CityFinance),
            Actor::ExpertGroup => Ok(Role::ExpertGroup),
        }
    }

    /// The payment rules (6.1, 6.2, 7.1, R10, R12), in a fixed order.
    fn check_spend(
        &self,
        status: Status,
        on: NaiveDate,
        spend: &Spend,
    ) -> Result<(), LifecycleError> {
        let kind = self.start.kind;
        if on > self.deadline {
            return Err(LifecycleError::AfterDeadline {
                date: on,
                deadline: self.deadline,
                kind,
            });
        }
        if transition(status, EventKind::Paid).is_none() {
            return Err(LifecycleError::NotInState {
                status,
                event: EventKind::Paid,
                kind,
            });
        }
        match spend.category.allowed_for() {
            None => {
                return Err(LifecycleError::ProhibitedCategory {
                    category: spend.category,
                    kind,
                });
            }
            Some(k) if k != kind => {
                return Err(LifecycleError::CategoryOfOtherKind {
                    category: spend.category,
                    kind,
                });
            }
            Some(_) => {}
        }
        let declared = self.start.specialties.len();
        match spend.specialty {
            None if kind == ProjectKind::TrainingBase => {
                return Err(LifecycleError::SpecialtyMissing);
            }
            Some(index) if usize::from(index.0) >= declared => {
                return Err(LifecycleError::SpecialtyNotDeclared {
                    index,
                    declared,
                    kind,
                });
            }
            _ => {}
        }
        if spend.amount.is_zero() {
            return Err(LifecycleError::ZeroAmount {
                event: EventKind::Paid,
            });
        }
        if spend.amount > self.ledger.balance {
            return Err(LifecycleError::AboveBalance {
                amount: spend.amount,
                balance: self.ledger.balance,
            });
        }
        Ok(())
    }

    /// Builds the change an action asks for, computing amounts (R13, R14).
    fn build(
        &self,
        status: Status,
        on: NaiveDate,
        action: &Action,
    ) -> Result<Change, LifecycleError> {
        Ok(match action {
            Action::Pay { spend } => {
                self.check_spend(status, on, spend)?;
                Change::Paid { spend: *spend }
            }
            Action::CompleteConstruction => Change::ConstructionCompleted,
            Action::Inspect { result, report } => Change::Inspected {
                result: *result,
                report: report.clone(),
            },
            Action::Evaluate {
                stage,
                rating,
                report,
            } => Change::Evaluated {
                stage: *stage,
                rating: *rating,
                report: report.clone(),
            },
            Action::Accept { rated_effective } => Change::Accepted {
                rated_effective: *rated_effective,
            },
            Action::Reject => Change::NotAccepted,
            Action::VerifyFinding { misconduct, report } => Change::FindingVerified {
                misconduct: *misconduct,
                report: report.clone(),
            },
            Action::Revoke => {
                let (recovery_ordered, returned_from_account, owed) = self.revocation();
                Change::Revoked {
                    recovery_ordered,
                    returned_from_account,
                    owed,
                }
            }
            Action::RequestRename { new_name, cause } => Change::RenameRequested {
                new_name: new_name.trim().to_owned(),
                cause: *cause,
            },
            Action::ApproveRename => Change::RenameApproved,
            Action::RefuseRename => Change::RenameRefused,
            Action::RequestLeadChange { new_lead, reason } => Change::LeadChangeRequested {
                new_lead: new_lead.clone(),
                reason: *reason,
            },
            Action::ApproveLeadChange => Change::LeadChangeApproved,
            Action::RefuseLeadChange => Change::LeadChangeRefused,
            Action::Dissolve => Change::Dissolved {
                returned_from_account: self.ledger.balance,
                spent_for_asset_rules: self.ledger.spent,
            },
            Action::RecordRepayment { amount } => Change::Repaid { amount: *amount },
        })
    }

    /// R13: recovery of every yuan released; the balance back from the
    /// account; the spent part owed.
    fn revocation(&self) -> (Yuan, Yuan, Yuan) {
        (self.ledger.released, self.ledger.balance, self.ledger.spent)
    }

    /// Whether a change may happen in `status` by `role`: the access rule,
    /// the kind of project, the transition table, then the change's own rules.
    fn admit(
        &self,
        status: Status,
        pending: Option<&PendingRequest>,
        role: Role,
        change: &Change,
    ) -> Result<(), LifecycleError> {
        let kind = change.kind();
        if !kind.permits(role) {
            return Err(LifecycleError::NotPermitted { role, event: kind });
        }
        let project_kind = self.start.kind;
        match kind {
            EventKind::RenameRequested | EventKind::RenameApproved | EventKind::RenameRefused
                if project_kind == ProjectKind::Studio =>
            {
                return Err(LifecycleError::RenameOnStudio);
            }
            EventKind::LeadChangeRequested
            | EventKind::LeadChangeApproved
            | EventKind::LeadChangeRefused
                if project_kind == ProjectKind::TrainingBase =>
            {
                return Err(LifecycleError::LeadChangeOnBase);
            }
            _ => {}
        }
        if transition(status, kind).is_none() {
            return Err(LifecycleError::NotInState {
                status,
                event: kind,
                kind: project_kind,
            });
        }
        match change {
            Change::Revoked { .. } if self.findings.is_empty() => {
                Err(LifecycleError::NoVerifiedFinding)
            }
            Change::RenameRequested { new_name, .. } => {
                if new_name.trim().is_empty() {
                    Err(LifecycleError::EmptyName)
                } else if new_name.trim() == self.unit_name {
                    Err(LifecycleError::SameName)
                } else {
                    Ok(())
                }
            }
            Change::LeadChangeRequested { new_lead, .. } => {
                if self.lead.as_ref().is_some_and(|l| l.id == new_lead.id) {
                    Err(LifecycleError::SameLead {
                        person: new_lead.id.clone(),
                    })
                } else if new_lead.honours.is_empty() {
                    Err(LifecycleError::NewLeadWithoutHonour {
                        person: new_lead.id.clone(),
                    })
                } else {
                    Ok(())
                }
            }
            Change::RenameApproved | Change::RenameRefused
                if !matches!(pending, Some(PendingRequest::Rename { .. })) =>
            {
                Err(LifecycleError::NotInState {
                    status,
                    event: kind,
                    kind: project_kind,
                })
            }
            Change::LeadChangeApproved | Change::LeadChangeRefused
                if !matches!(pending, Some(PendingRequest::LeadChange { .. })) =>
            {
                Err(LifecycleError::NotInState {
                    status,
                    event: kind,
                    kind: project_kind,
                })
            }
            Change::Repaid { amount } => {
                if amount.is_zero() {
                    Err(LifecycleError::ZeroAmount {
                        event: EventKind::Repaid,
                    })
                } else if *amount > self.ledger.owed {
                    Err(LifecycleError::AboveOwed {
                        amount: *amount,
                        owed: self.ledger.owed,
                    })
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    // ----- applying -----

    /// Applies an event. Never fails: an event is applied as recorded (use
    /// [`Project::replay`] to check a log first). A `Started` event is ignored
    /// (a project starts only once).
    pub fn apply(&mut self, event: &Event) {
        let on = event.on;
        match &event.change {
            Change::Started { .. } => return,
            Change::Paid { spend } => self.apply_spend(spend),
            Change::ConstructionCompleted => {}
            Change::DeadlinePassed { .. } => self.pending = None,
            Change::Inspected { .. } => self.inspections = self.inspections.saturating_add(1),
            Change::Evaluated { rating, .. } => {
                self.evaluations = self.evaluations.saturating_add(1);
                self.last_rating = Some(*rating);
            }
            Change::Accepted { rated_effective } => {
                self.accepted_on = Some(on);
                self.rated_effective = *rated_effective;
                self.closed_on = Some(on);
            }
            Change::NotAccepted => self.closed_on = Some(on),
            Change::FindingVerified { misconduct, report } => {
                self.findings.push(VerifiedFinding {
                    on,
                    misconduct: *misconduct,
                    report: report.clone(),
                });
            }
            Change::Revoked {
                recovery_ordered,
                returned_from_account,
                owed,
            } => {
                let l = &mut self.ledger;
                if let (Ok(balance), Ok(returned), Ok(ordered), Ok(now_owed)) = (
                    l.balance.checked_sub(*returned_from_account),
                    l.returned_from_account.checked_add(*returned_from_account),
                    l.recovery_ordered.checked_add(*recovery_ordered),
                    l.owed.checked_add(*owed),
                ) {
                    l.balance = balance;
                    l.returned_from_account = returned;
                    l.recovery_ordered = ordered;
                    l.owed = now_owed;
                }
                self.pending = None;
                self.closed_on = Some(on);
            }
            Change::RenameRequested { new_name, cause } => {
                self.pending = Some(PendingRequest::Rename {
                    requested_on: on,
                    new_name: new_name.clone(),
                    cause: *cause,
                });
            }
            Change::RenameApproved => {
                if let Some(PendingRequest::Rename {
                    new_name, cause, ..
                }) = self.pending.take()
                {
                    let old = std::mem::replace(&mut self.unit_name, new_name);
                    self.former_names.push(FormerName {
                        name: old,
                        replaced_on: on,
                        cause,
                    });
                }
            }
            Change::LeadChangeRequested { new_lead, reason } => {
                self.pending = Some(PendingRequest::LeadChange {
                    requested_on: on,
                    new_lead: new_lead.clone(),
                    reason: *reason,
                });
            }
            Change::LeadChangeApproved => {
                if let Some(PendingRequest::LeadChange {
                    new_lead, reason, ..
                }) = self.pending.take()
                {
                    if let Some(old) = self.lead.replace(new_lead) {
                        self.former_leads.push(FormerLead {
                            id: old.id,
                            name: old.name,
                            replaced_on: on,
                            reason,
                        });
                    }
                }
            }
            Change::RenameRefused | Change::LeadChangeRefused => self.pending = None,
            Change::Dissolved {
                returned_from_account,
                spent_for_asset_rules,
            } => {
                let l = &mut self.ledger;
                if let (Ok(balance), Ok(returned), Ok(ordered)) = (
                    l.balance.checked_sub(*returned_from_account),
                    l.returned_from_account.checked_add(*returned_from_account),
                    l.recovery_ordered.checked_add(*returned_from_account),
                ) {
                    l.balance = balance;
                    l.returned_from_account = returned;
                    l.recovery_ordered = ordered;
                    l.spent_for_asset_rules = *spent_for_asset_rules;
                }
                self.pending = None;
                self.closed_on = Some(on);
            }
            Change::Repaid { amount } => {
                let l = &mut self.ledger;
                if let (Ok(owed), Ok(repaid)) =
                    (l.owed.checked_sub(*amount), l.repaid.checked_add(*amount))
                {
                    l.owed = owed;
                    l.repaid = repaid;
                }
            }
        }
        if let Some(to) = transition(self.status, event.kind()) {
            self.status = to;
        }
        self.touch(on);
    }

    fn apply_spend(&mut self, spend: &Spend) {
        let l = &mut self.ledger;
        if let (Ok(balance), Ok(spent)) = (
            l.balance.checked_sub(spend.amount),
            l.spent.checked_add(spend.amount),
        ) {
            l.balance = balance;
            l.spent = spent;
            l.payments = l.payments.saturating_add(1);
        }
    }

    fn touch(&mut self, on: NaiveDate) {
        if on > self.last_on {
            self.last_on = on;
        }
        self.events = self.events.saturating_add(1);
    }

    // ----- replaying -----

    /// Rebuilds a project from its log, checking every event: the first must
    /// be `Started`, every event must belong to the project, be in date
    /// order, be possible in the state it meets (the transition table, the
    /// access rule, the payment rules, the recorded amounts).
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Project, ReplayError> {
        Project::replay_until(events, None)?.ok_or(ReplayError {
            position: 0,
            reason: ReplayReason::Empty,
        })
    }

    /// The project as it stood at the end of `date`: the log replayed up to
    /// and including that day (checked as [`Project::replay`] checks it).
    /// `None` when the project had not started by then.
    pub fn state_on<'a>(
        events: impl IntoIterator<Item = &'a Event>,
        date: NaiveDate,
    ) -> Result<Option<Project>, ReplayError> {
        Project::replay_until(events, Some(date))
    }

    fn replay_until<'a>(
        events: impl IntoIterator<Item = &'a Event>,
        until: Option<NaiveDate>,
    ) -> Result<Option<Project>, ReplayError> {
        let mut iter = events.into_iter();
        let Some(first) = iter.next() else {
            return Ok(None);
        };
        let fail = |position, reason| ReplayError { position, reason };
        let Change::Started { start, deadline } = &first.change else {
            return Err(fail(
                0,
                ReplayReason::NotStarted {
                    found: first.kind(),
                },
            ));
        };
        if first.project != start.project {
            return Err(fail(
                0,
                ReplayReason::WrongProject {
                    expected: start.project.clone(),
                    found: first.project.clone(),
                },
            ));
        }
        if first.on != start.released_on {
            return Err(fail(
                0,
                ReplayReason::OutOfOrder {
                    previous: start.released_on,
                    date: first.on,
                },
            ));
        }
        if first.by != Some(Role::City) {
            return Err(fail(
                0,
                ReplayReason::WrongActor {
                    event: EventKind::Started,
                    by: first.by,
                },
            ));
        }
        check_start_shape(start).map_err(|e| fail(0, ReplayReason::BadStart(e)))?;
        if *deadline <= start.released_on {
            return Err(fail(
                0,
                ReplayReason::DeadlineMisrecorded {
                    expected: start.released_on,
                    found: *deadline,
                },
            ));
        }
        if until.is_some_and(|d| first.on > d) {
            return Ok(None);
        }
        let mut project = Project::from_start(start.as_ref().clone(), *deadline);
        for (position, event) in iter.enumerate() {
            let position = position.saturating_add(1);
            if until.is_some_and(|d| event.on > d) {
                break;
            }
            project
                .check_event(event)
                .map_err(|reason| fail(position, reason))?;
            project.apply(event);
        }
        Ok(Some(project))
    }

    /// Whether a logged event may follow the current state.
    fn check_event(&self, event: &Event) -> Result<(), ReplayReason> {
        if event.project != self.start.project {
            return Err(ReplayReason::WrongProject {
                expected: self.start.project.clone(),
                found: event.project.clone(),
            });
        }
        if event.on < self.last_on {
            return Err(ReplayReason::OutOfOrder {
                previous: self.last_on,
                date: event.on,
            });
        }
        // The day construction ended by the deadline; computed only where read.
        let ended = || self.deadline.succ_opt().unwrap_or(self.deadline);
        match (&event.change, event.by) {
            (Change::Started { .. }, _) => Err(ReplayReason::StartedAgain),
            (Change::DeadlinePassed { lapsed }, None) => {
                if !self.status.in_construction() {
                    return Err(ReplayReason::Refused(LifecycleError::NotInState {
                        status: self.status,
                        event: EventKind::DeadlinePassed,
                        kind: self.start.kind,
                    }));
                }
                if event.on != ended() {
                    return Err(ReplayReason::DeadlineMisrecorded {
                        expected: ended(),
                        found: event.on,
                    });
                }
                if *lapsed != self.pending_kind() {
                    return Err(ReplayReason::RecordedDiffers { field: "lapsed" });
                }
                Ok(())
            }
            (change, Some(role)) if !matches!(change, Change::DeadlinePassed { .. }) => {
                if self.status.in_construction() && event.on > self.deadline {
                    return Err(ReplayReason::DeadlineMisrecorded {
                        expected: ended(),
                        found: event.on,
                    });
                }
                if let Change::Paid { spend } = change {
                    if !EventKind::Paid.permits(role) {
                        return Err(ReplayReason::Refused(LifecycleError::NotPermitted {
                            role,
                            event: EventKind::Paid,
                        }));
                    }
                    return self
                        .check_spend(self.status, event.on, spend)
                        .map_err(ReplayReason::Refused);
                }
                self.admit(self.status, self.pending.as_ref(), role, change)
                    .map_err(ReplayReason::Refused)?;
                match change {
                    Change::Revoked {
                        recovery_ordered,
                        returned_from_account,
                        owed,
                    } if (*recovery_ordered, *returned_from_account, *owed)
                        != self.revocation() =>
                    {
                        Err(ReplayReason::RecordedDiffers { field: "revoked" })
                    }
                    Change::Dissolved {
                        returned_from_account,
                        spent_for_asset_rules,
                    } if (*returned_from_account, *spent_for_asset_rules)
                        != (self.ledger.balance, self.ledger.spent) =>
                    {
                        Err(ReplayReason::RecordedDiffers { field: "dissolved" })
                    }
                    Change::RenameRequested { new_name, .. } if new_name.trim() != new_name => {
                        Err(ReplayReason::RecordedDiffers { field: "new_name" })
                    }
                    _ => Ok(()),
                }
            }
            (change, by) => Err(ReplayReason::WrongActor {
                event: change.kind(),
                by,
            }),
        }
    }

    // ----- invariants -----

    /// Checks what must hold at every moment: money conserved (released =
    /// spent + balance + returned), recovery balanced (ordered = returned +
    /// repaid + owed), the recovery a revocation or dissolution implies, no
    /// recovery otherwise, the pending request matching the state, leads and
    /// names matching the kind. For auditors' suites and property tests.
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        let l = &self.ledger;
        let conserved = l
            .spent
            .checked_add(l.balance)
            .and_then(|s| s.checked_add(l.returned_from_account));
        if conserved.as_ref() != Ok(&l.released) {
            return Err(InvariantViolation::MoneyNotConserved {
                released: l.released,
                spent: l.spent,
                balance: l.balance,
                returned: l.returned_from_account,
            });
        }
        let recovered = l
            .returned_from_account
            .checked_add(l.repaid)
            .and_then(|s| s.checked_add(l.owed));
        if recovered.as_ref() != Ok(&l.recovery_ordered) {
            return Err(InvariantViolation::RecoveryNotBalanced {
                ordered: l.recovery_ordered,
                returned: l.returned_from_account,
                repaid: l.repaid,
                owed: l.owed,
            });
        }
        if l.released != self.start.released {
            return Err(InvariantViolation::ReleaseChanged {
                ledger: l.released,
                start: self.start.released,
            });
        }
        let expected = match self.status {
            Status::Revoked => Some(l.released),
            Status::Dissolved => l.released.checked_sub(l.spent).ok(),
            _ => None,
        };
        match expected {
            Some(expected) => {
                if l.recovery_ordered != expected || !l.balance.is_zero() {
                    return Err(InvariantViolation::WrongRecovery {
                        status: self.status,
                        expected,
                        ordered: l.recovery_ordered,
                        balance: l.balance,
                    });
                }
                if self.status == Status::Dissolved && l.spent_for_asset_rules != l.spent {
                    return Err(InvariantViolation::RecoveryWithoutClosure {
                        status: self.status,
                    });
                }
            }
            None => {
                if !(l.recovery_ordered.is_zero()
                    && l.returned_from_account.is_zero()
                    && l.spent_for_asset_rules.is_zero())
                {
                    return Err(InvariantViolation::RecoveryWithoutClosure {
                        status: self.status,
                    });
                }
            }
        }
        let pending_ok = match (self.status, &self.pending) {
            (Status::PendingRename, Some(PendingRequest::Rename { .. }))
            | (Status::PendingLeadChange, Some(PendingRequest::LeadChange { .. }))
            | (_, None) => !matches!(
                (self.status, &self.pending),
                (Status::PendingRename | Status::PendingLeadChange, None)
            ),
            _ => false,
        };
        if !pending_ok {
            return Err(InvariantViolation::PendingMismatch {
                status: self.status,
            });
        }
        let kind_ok = match self.start.kind {
            ProjectKind::TrainingBase => self.lead.is_none() && self.former_leads.is_empty(),
            ProjectKind::Studio => self.lead.is_some() && self.former_names.is_empty(),
        };
        if !kind_ok {
            return Err(InvariantViolation::KindMismatch {
                kind: self.start.kind,
            });
        }
        if self.status == Status::Accepted && self.accepted_on.is_none() {
            return Err(InvariantViolation::AcceptanceUndated);
        }
        Ok(())
    }
}

/// The checks of a start record that need no policy: the lead and the
/// specialties match the kind, the lead holds an honour (1.2.2, R2).
fn check_start_shape(start: &ProjectStart) -> Result<(), LifecycleError> {
    match start.kind {
        ProjectKind::TrainingBase => {
            if start.lead.is_some() {
                return Err(LifecycleError::LeadOnBase);
            }
            if start.specialties.is_empty() || start.specialties.len() > usize::from(u8::MAX) {
                return Err(LifecycleError::SpecialtyCount {
                    count: start.specialties.len(),
                    min: 1,
                    max: u32::from(u8::MAX),
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
    Ok(())
}
