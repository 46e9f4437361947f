//! Replaying: a project rebuilt from its log, every event checked.

use chrono::NaiveDate;

use crate::chain::{ChainError, Head, Sealed, Verified};
use crate::policy::Policy;

use super::corrupt::{ReplayError, ReplayReason};
use super::error::LifecycleError;
use super::event::{Change, Event, EventKind};
use super::types::Role;
use super::{Project, check_start};

impl Project {
    /// Rebuilds a project from its log: verifies its chain (against the
    /// host's head if given), then checks every event
    /// ([`Project::replay_verified`]): the first must be `Started`, every
    /// event must belong to the project, be in date order, and be possible
    /// in the state it meets, by the same checks as [`Project::decide`]. A
    /// host that replays one log more than once verifies it once
    /// ([`Verified`]) and calls [`Project::replay_verified`] or
    /// [`Project::state_on_verified`].
    ///
    /// # Law
    ///
    /// 5 (the log starts with the release, by the city); 7.1 (one project's
    /// books, in date order); 6.1, 6.2, R10 (the construction period's end
    /// recorded on the day after the deadline); every other event by the
    /// rules [`Project::decide`] applies — the payment rule, the access
    /// rule, the transition table — and its recorded amounts equal to those
    /// the crate computes (7.2, 7.3, R13, R14).
    ///
    /// # Errors
    ///
    /// A [`ReplayError`]: the position of the first bad event and a
    /// [`ReplayReason`] (for a refused event, the [`LifecycleError`]
    /// [`Project::decide`] would give).
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
    /// let mut log = vec![started];
    /// log.extend(project.execute(&pay)?);
    /// let head = project.head(); // kept by the host apart from the log
    /// assert_eq!(Project::replay(&log, &policy, Some(&head))?, project);
    ///
    /// // A changed byte is refused by the chain, naming the record…
    /// let mut changed = log.clone();
    /// changed[1].event.on = d(2023, 3, 2);
    /// let err = Project::replay(&changed, &policy, None).unwrap_err();
    /// assert_eq!(err.position, 1);
    /// assert!(matches!(err.reason, ReplayReason::Chain(_)));
    /// // …a truncation against the head…
    /// assert!(Project::replay(&log[..1], &policy, Some(&head)).is_err());
    ///
    /// // …and travel is never allowed (6.1), not even in a log sealed afresh.
    /// let travel = Event { change: Change::Paid { spend: Spend::base(SpendingCategory::Travel, Yuan::from_yuan(1), SpecialtyIndex(0)) }, ..log[1].event.clone() };
    /// let mut bad = log.clone();
    /// bad.push(skill_grants::chain::seal(head, travel)?.0);
    /// let err = Project::replay(&bad, &policy, None).unwrap_err();
    /// assert_eq!(err.position, 2);
    /// assert_eq!(err.reason.clause().as_str(), "6.1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay(
        log: &[Sealed<Event>],
        policy: &Policy,
        head: Option<&Head>,
    ) -> Result<Project, ReplayError> {
        Project::replay_verified(&verify(log, head)?, policy)
    }

    /// The project as it stood at the end of `date`: the log replayed up to
    /// and including that day (checked as [`Project::replay`] checks it: the
    /// whole chain verified, then [`Project::state_on_verified`]).
    /// `None` when the project had not started by then.
    ///
    /// # Law
    ///
    /// As [`Project::replay`].
    ///
    /// # Errors
    ///
    /// A [`ReplayError`] for a bad event on or before `date` (or a bad start).
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
    /// let mut log = vec![started];
    /// log.extend(project.execute(&pay)?);
    /// let before = Project::state_on(&log, &policy, d(2023, 2, 28))?.unwrap();
    /// assert_eq!(before.ledger().balance, Yuan::from_yuan(200_000));
    /// assert!(Project::state_on(&log, &policy, d(2022, 8, 31))?.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn state_on(
        log: &[Sealed<Event>],
        policy: &Policy,
        date: NaiveDate,
    ) -> Result<Option<Project>, ReplayError> {
        Project::state_on_verified(&verify(log, None)?, policy, date)
    }

    /// Rebuilds a project from a log whose chain has already been verified
    /// ([`Verified`]: made by [`Verified::verify`] or
    /// [`Verified::verify_against`], or lent by a
    /// [`VerifiedLog`](crate::chain::VerifiedLog)), checking every event as
    /// [`Project::replay`] does — only the hashing is not done again.
    /// [`Project::replay`] is this after verifying the chain.
    ///
    /// # Law
    ///
    /// As [`Project::replay`]: 5, 7.1, 6.1, 6.2, R10, and every event by the
    /// rules [`Project::decide`] applies (7.2, 7.3, R13, R14). The chain
    /// proves who sealed a record, not that the law allowed it: a verified
    /// log of an unlawful event is refused here as it is by
    /// [`Project::replay`].
    ///
    /// # Errors
    ///
    /// A [`ReplayError`]: the position of the first bad event and a
    /// [`ReplayReason`] ([`ReplayReason::Empty`] for no records); never
    /// [`ReplayReason::Chain`].
    ///
    /// # Example
    ///
    /// ```
    /// # use skill_grants::NaiveDate;
    /// # use skill_grants::lifecycle::*;
    /// # use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
    /// # use skill_grants::{Banner, Policy, ProjectKind, Yuan};
    /// use skill_grants::chain::{self, Verified};
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
    /// let mut log = vec![started];
    /// log.extend(project.execute(&pay)?);
    /// let head = project.head(); // kept by the host apart from the log
    ///
    /// // Verified once (the chain hashed), replayed without hashing again.
    /// let verified = Verified::verify_against(&log, &head)?;
    /// assert_eq!(Project::replay_verified(&verified, &policy)?, project);
    ///
    /// // The law is still checked: travel is never allowed (6.1), even in a
    /// // log whose chain is sound because it was sealed afresh.
    /// let travel = Event { change: Change::Paid { spend: Spend::base(SpendingCategory::Travel, Yuan::from_yuan(1), SpecialtyIndex(0)) }, ..log[1].event.clone() };
    /// let mut bad = log.clone();
    /// bad.push(chain::seal(head, travel)?.0);
    /// let verified = Verified::verify(&bad)?;
    /// let err = Project::replay_verified(&verified, &policy).unwrap_err();
    /// assert_eq!((err.position, err.reason.clause().as_str()), (2, "6.1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay_verified(
        log: &Verified<'_, Event>,
        policy: &Policy,
    ) -> Result<Project, ReplayError> {
        Project::replay_law(log.records(), policy, None)?.ok_or(ReplayError {
            position: 0,
            reason: ReplayReason::Empty,
        })
    }

    /// The project as it stood at the end of `date`, from a log whose chain
    /// has already been verified: [`Project::state_on`] without hashing the
    /// log again, for a host that holds a log and asks for its state on many
    /// dates. `None` when the project had not started by then.
    ///
    /// # Law
    ///
    /// As [`Project::replay`]; every event on or before `date` is checked.
    ///
    /// # Errors
    ///
    /// A [`ReplayError`] for a bad event on or before `date` (or a bad
    /// start); never [`ReplayReason::Chain`].
    ///
    /// # Example
    ///
    /// ```
    /// # use skill_grants::NaiveDate;
    /// # use skill_grants::lifecycle::*;
    /// # use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
    /// # use skill_grants::{Banner, Policy, ProjectKind, Yuan};
    /// use skill_grants::chain::Verified;
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
    /// let pay = |on, yuan| Command::new(unit.clone(), on, Action::Pay {
    ///     spend: Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(yuan), SpecialtyIndex(0)),
    /// });
    /// let mut log = vec![started];
    /// log.extend(project.execute(&pay(d(2023, 3, 1), 5_000))?);
    /// log.extend(project.execute(&pay(d(2023, 4, 1), 7_000))?);
    ///
    /// let verified = Verified::verify_against(&log, &project.head())?; // hashed once
    /// let spent = |on| -> Result<Option<Yuan>, ReplayError> {
    ///     Ok(Project::state_on_verified(&verified, &policy, on)?.map(|p| p.ledger().spent))
    /// };
    /// assert_eq!(spent(d(2022, 8, 31))?, None); // not started yet
    /// assert_eq!(spent(d(2023, 3, 15))?, Some(Yuan::from_yuan(5_000)));
    /// assert_eq!(spent(d(2023, 4, 1))?, Some(Yuan::from_yuan(12_000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn state_on_verified(
        log: &Verified<'_, Event>,
        policy: &Policy,
        date: NaiveDate,
    ) -> Result<Option<Project>, ReplayError> {
        Project::replay_law(log.records(), policy, Some(date))
    }

    /// The replay law, once, for every entry point: the records of a log
    /// whose chain has been verified (so that each record's head is the
    /// project's head after it), replayed up to and including `until`.
    fn replay_law(
        log: &[Sealed<Event>],
        policy: &Policy,
        until: Option<NaiveDate>,
    ) -> Result<Option<Project>, ReplayError> {
        let fail = |position, reason| ReplayError { position, reason };
        let mut records = log.iter();
        let Some(first_record) = records.next() else {
            return Ok(None);
        };
        let first = &first_record.event;
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
        let computed =
            check_start(start, policy).map_err(|e| fail(0, ReplayReason::BadStart(e)))?;
        if *deadline != computed {
            return Err(fail(
                0,
                ReplayReason::BadStart(LifecycleError::DeadlineRecorded {
                    expected: computed,
                    found: *deadline,
                }),
            ));
        }
        if until.is_some_and(|d| first.on > d) {
            return Ok(None);
        }
        let mut project =
            Project::from_start(start.as_ref().clone(), computed, first_record.head());
        for (position, record) in records.enumerate() {
            let position = position.saturating_add(1);
            let event = &record.event;
            if until.is_some_and(|d| event.on > d) {
                break;
            }
            project
                .check_event(event)
                .map_err(|reason| fail(position, reason))?;
            project
                .commit(event, record.head())
                .map_err(|e| fail(position, ReplayReason::Apply(e)))?;
        }
        Ok(Some(project))
    }

    /// Whether a logged event may follow the current state.
    pub(super) fn check_event(&self, event: &Event) -> Result<(), ReplayReason> {
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
        let ended = || self.day_after_deadline();
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
                self.admit(self.status, self.pending.as_ref(), role, event.on, change)
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
}

/// The chain first: a gap, duplicate, reorder or changed byte, or (against
/// the host's head) a truncation, is refused before any event is read.
fn verify<'a>(
    log: &'a [Sealed<Event>],
    head: Option<&Head>,
) -> Result<Verified<'a, Event>, ReplayError> {
    match head {
        Some(head) => Verified::verify_against(log, head),
        None => Verified::verify(log),
    }
    .map_err(|error| ReplayError {
        position: chain_position(&error, log.len()),
        reason: ReplayReason::Chain(error),
    })
}

/// The position (index in the log) a chain error names; past the end for a
/// log that ends short of, or beyond, the host's head.
fn chain_position(error: &ChainError, len: usize) -> usize {
    match error {
        ChainError::Sequence { index, .. }
        | ChainError::Link { index, .. }
        | ChainError::Hash { index, .. }
        | ChainError::Unencodable { index, .. } => *index,
        ChainError::Diverged { seq, .. } => usize::try_from(*seq)
            .map(|s| s.saturating_sub(1))
            .unwrap_or(len),
        _ => len,
    }
}
