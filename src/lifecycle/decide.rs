//! Deciding: a command against the state gives events, or a refusal citing its clause.

use chrono::NaiveDate;

use crate::chain::{self, ChainError, Sealed};
use crate::domain::ProjectKind;
use crate::domain::Seat;
use crate::money::Yuan;

use super::command::{Action, Command};
use super::corrupt::ApplyError;
use super::error::LifecycleError;
use super::event::{Change, Event, EventKind};
use super::status::Status;
use super::table::transition;
use super::types::{Actor, Payment, PendingRequest, Role, Spend};
use super::{Project, check_text};

impl Project {
    /// Checks a command against the state and returns the events it causes
    /// (usually one; two when the deadline has passed since the last event:
    /// [`Change::DeadlinePassed`] first). On error, nothing is changed. This
    /// is the aggregate's command handler (cqrs-es's `handle`); apply the
    /// events with [`Project::apply`].
    ///
    /// # Law
    ///
    /// The checks run in this order: the date (5, 6.1, 6.2: not before the
    /// release; 7.1: not before the last event); the actor (4.1, 4.2, 7.1:
    /// the project's own unit, its banner or body, the city); then, for a
    /// payment, the payment rule (6.1, 6.2, 7.1, R10, R12); for any other
    /// change, the access rule ([`EventKind::permits`]), the kind of project
    /// (7.3 renames for bases, 7.4 lead changes for studios), the transition
    /// table ([`transition`]), then the change's own rule
    /// (7.2, R13: a verified finding before revocation, repayments up to
    /// what is owed; 7.3, 7.4, R15: a new name, a new lead with an honour).
    /// Amounts are computed, never taken from the caller (R13, R14). Each
    /// event's law: [`EventKind::law`].
    ///
    /// # Errors
    ///
    /// A [`LifecycleError`] citing its clause ([`LifecycleError::clause`])
    /// and naming its rule ([`LifecycleError::kind`]).
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
    /// let pay = Command::new(unit.clone(), d(2023, 3, 1), Action::Pay {
    ///     spend: Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(5_000), SpecialtyIndex(0)),
    /// });
    /// let events = project.decide(&pay)?;
    /// assert_eq!(events.len(), 1);
    ///
    /// // Revocation needs a verified finding first (7.2, R13).
    /// let revoke = Command::new(Actor::City, d(2023, 3, 1), Action::Revoke);
    /// let err = project.decide(&revoke).unwrap_err();
    /// assert_eq!(err, LifecycleError::NoVerifiedFinding);
    ///
    /// // After the deadline, the period's end is recorded first (R10).
    /// let done = Command::new(Actor::City, d(2024, 10, 8), Action::Accept { rated_effective: false });
    /// let events = project.decide(&done)?;
    /// assert_eq!(events[0].event.kind(), EventKind::DeadlinePassed);
    /// assert_eq!(events[1].event.kind(), EventKind::Accepted);
    /// assert_eq!((events[0].seq, events[1].seq), (2, 3)); // sealed in order
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(&self, command: &Command) -> Result<Vec<Sealed<Event>>, LifecycleError> {
        let on = command.on;
        self.check_date(on)?;
        let role = self.resolve(&command.by)?;
        let lapse = self.status.in_construction() && on > self.deadline;
        let (status, pending) = if lapse {
            (Status::AwaitingAcceptance, None)
        } else {
            (self.status, self.pending.as_ref())
        };
        let change = self.build(&command.action);
        self.admit(status, pending, role, on, &change)?;
        let mut head = self.head;
        let mut records = Vec::with_capacity(2);
        if lapse {
            let (record, next) =
                chain::seal(head, self.deadline_event()).map_err(LifecycleError::Unsealable)?;
            records.push(record);
            head = next;
        }
        let event = Event {
            project: self.start.project.clone(),
            on,
            by: Some(role),
            change,
        };
        let (record, _) = chain::seal(head, event).map_err(LifecycleError::Unsealable)?;
        records.push(record);
        Ok(records)
    }

    /// Decides a command and applies its events in one call: what a host
    /// does when it holds the project's current state. Returns the sealed
    /// events to append to the log (and the new [`Project::head`] to keep).
    ///
    /// # Law
    ///
    /// As [`Project::decide`].
    ///
    /// # Errors
    ///
    /// As [`Project::decide`]; the project is not changed.
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
    /// let pay = Command::new(unit, d(2023, 3, 1), Action::Pay {
    ///     spend: Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(5_000), SpecialtyIndex(0)),
    /// });
    /// let sealed = project.execute(&pay)?;
    /// assert_eq!(sealed[0].seq, 2);
    /// assert_eq!(project.head(), sealed[0].head());
    /// assert_eq!(project.ledger().balance, Yuan::from_yuan(195_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute(&mut self, command: &Command) -> Result<Vec<Sealed<Event>>, LifecycleError> {
        let records = self.decide(command)?;
        // The records were sealed on this state's head just now: they chain,
        // so only the ledger's arithmetic is left to check (not re-hashed).
        // `commit` checks an event before it changes anything, so one record
        // is committed in place; two (the end of the construction period,
        // then the command's event) are committed to a copy, so that the
        // project is unchanged if the second is refused.
        match records.as_slice() {
            [record] => self
                .commit(&record.event, record.head())
                .map_err(unsealable)?,
            _ => {
                let mut next = self.clone();
                for record in &records {
                    next.commit(&record.event, record.head())
                        .map_err(unsealable)?;
                }
                *self = next;
            }
        }
        Ok(records)
    }

    /// The ledger's fast path: checks a payment as [`Project::decide`] checks
    /// an [`Action::Pay`], and returns it as a [`Payment`] (apply it with
    /// [`Project::payment_event`] and [`Project::apply`]). The check
    /// allocates nothing; sealing the event hashes it.
    ///
    /// # Law
    ///
    /// The payment rule, in this order: the date (not before the release, 5,
    /// 6.1, 6.2; not before the last event, 7.1); the project's own unit pays
    /// (7.1); not after the deadline, the deadline day allowed (6.1, 6.2,
    /// R10); in a state that allows spending (no spending while a request is
    /// pending, 7.3, 7.4); a category of the kind's own list, never travel,
    /// labour fees or anything outside the scope (6.1, 6.2); for a base, a
    /// declared specialty (6.1); a positive amount no greater than the
    /// balance (7.1, R12). Replay checks a logged payment by the same rule.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::BeforeRelease`], [`LifecycleError::BeforeLastEvent`],
    /// [`LifecycleError::NotProjectUnit`], [`LifecycleError::OutsideJurisdiction`],
    /// [`LifecycleError::NotPermitted`], [`LifecycleError::AfterDeadline`],
    /// [`LifecycleError::NotInState`], [`LifecycleError::ProhibitedCategory`],
    /// [`LifecycleError::CategoryOfOtherKind`], [`LifecycleError::SpecialtyMissing`],
    /// [`LifecycleError::SpecialtyNotDeclared`], [`LifecycleError::ZeroAmount`],
    /// [`LifecycleError::AboveBalance`].
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
    /// let spend = Spend::base(SpendingCategory::TrainingEquipment, Yuan::from_yuan(80_000), SpecialtyIndex(0));
    /// let payment = project.decide_payment(&unit, d(2024, 9, 1), &spend)?;
    /// project.apply(&project.payment_event(payment)?)?;
    /// assert_eq!(project.ledger().balance, Yuan::from_yuan(120_000));
    ///
    /// // The balance never goes below zero (7.1, R12).
    /// let too_much = Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(120_001), SpecialtyIndex(0));
    /// let err = project.decide_payment(&unit, d(2024, 9, 1), &too_much).unwrap_err();
    /// assert_eq!(err.kind(), LifecycleErrorKind::AboveBalance);
    /// // Labour fees are never allowed (6.1).
    /// let fees = Spend::base(SpendingCategory::LabourFees, Yuan::from_yuan(1), SpecialtyIndex(0));
    /// let err = project.decide_payment(&unit, d(2024, 9, 1), &fees).unwrap_err();
    /// assert_eq!(err.kind(), LifecycleErrorKind::ProhibitedCategory);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide_payment(
        &self,
        by: &Actor,
        on: NaiveDate,
        spend: &Spend,
    ) -> Result<Payment, LifecycleError> {
        self.check_date(on)?;
        let role = self.resolve(by)?;
        self.check_payment(self.status, role, on, spend)?;
        Ok(Payment { on, spend: *spend })
    }

    /// The logged event of a payment accepted by [`Project::decide_payment`]:
    /// a [`Change::Paid`] by the project unit.
    ///
    /// # Law
    ///
    /// 7.1 (the project's own account; [`EventKind::Paid`]), R12.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::Unsealable`] if the event cannot be sealed (never
    /// for an event of this crate); the payment itself was checked by
    /// [`Project::decide_payment`].
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
    /// let spend = Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(3_000), SpecialtyIndex(0));
    /// let payment = project.decide_payment(&unit, d(2023, 1, 9), &spend)?;
    /// let record = project.payment_event(payment)?;
    /// assert_eq!(record.seq, 2);
    /// assert_eq!(record.event.by, Some(Role::ProjectUnit));
    /// assert_eq!(record.event.change, Change::Paid { spend });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payment_event(&self, payment: Payment) -> Result<Sealed<Event>, LifecycleError> {
        let event = Event {
            project: self.start.project.clone(),
            on: payment.on,
            by: Some(Role::ProjectUnit),
            change: Change::Paid {
                spend: payment.spend,
            },
        };
        chain::seal(self.head, event)
            .map(|(record, _)| record)
            .map_err(LifecycleError::Unsealable)
    }

    fn deadline_event(&self) -> Event {
        Event {
            project: self.start.project.clone(),
            on: self.day_after_deadline(),
            by: None,
            change: Change::DeadlinePassed {
                lapsed: self.pending_kind(),
            },
        }
    }

    pub(super) fn pending_kind(&self) -> Option<EventKind> {
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

    /// The payment rule (6.1, 6.2, 7.1, R10, R12), the one check of a
    /// payment, used by [`Project::decide`], [`Project::decide_payment`] and
    /// [`Project::replay`], in this order: the project unit pays (7.1); not
    /// after the deadline (R10); in a state that allows spending (the
    /// transition table); a category of the project's own list, never travel,
    /// labour fees or anything out of scope (6.1, 6.2); for a base, one of
    /// its declared specialties (6.1); a positive amount no greater than the
    /// balance (7.1, R12: the balance never goes below zero).
    pub(super) fn check_payment(
        &self,
        status: Status,
        role: Role,
        on: NaiveDate,
        spend: &Spend,
    ) -> Result<(), LifecycleError> {
        if !EventKind::Paid.permits(role) {
            return Err(LifecycleError::NotPermitted {
                role,
                event: EventKind::Paid,
            });
        }
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

    /// The change an action asks for, with the amounts the crate computes
    /// (R13, R14). Checked by [`Project::admit`].
    fn build(&self, action: &Action) -> Change {
        match action {
            Action::Pay { spend } => Change::Paid { spend: *spend },
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
        }
    }

    /// R13: recovery of every yuan released; the balance back from the
    /// account; the spent part owed.
    pub(super) fn revocation(&self) -> (Yuan, Yuan, Yuan) {
        (self.ledger.released, self.ledger.balance, self.ledger.spent)
    }

    /// Whether a change may happen in `status` by `role` on `on`: a payment
    /// by the payment rule ([`Project::check_payment`]); any other change by
    /// the access rule, the kind of project, the transition table, then the
    /// change's own rules. Used by [`Project::decide`] and by replay.
    pub(super) fn admit(
        &self,
        status: Status,
        pending: Option<&PendingRequest>,
        role: Role,
        on: NaiveDate,
        change: &Change,
    ) -> Result<(), LifecycleError> {
        if let Change::Paid { spend } = change {
            return self.check_payment(status, role, on, spend);
        }
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
                } else if let Err(e) = check_text("new_name", new_name) {
                    Err(e)
                } else if new_name.trim() == self.unit_name {
                    Err(LifecycleError::SameName)
                } else {
                    Ok(())
                }
            }
            Change::LeadChangeRequested { new_lead, .. } => {
                check_text("new_lead.id", new_lead.id.as_str())?;
                check_text("new_lead.name", &new_lead.name)?;
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
}

/// A refusal by [`Project::commit`] of an event [`Project::execute`] sealed
/// itself, as the command's error: only the ledger's arithmetic can fail.
fn unsealable(error: ApplyError) -> LifecycleError {
    match error {
        ApplyError::Money { error, .. } => LifecycleError::Money(error),
        ApplyError::Record(chain) => LifecycleError::Unsealable(chain),
        other => LifecycleError::Unsealable(ChainError::Encoding {
            reason: other.to_string(),
        }),
    }
}
