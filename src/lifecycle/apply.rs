//! Applying: a sealed event changes the state, or is refused whole.

use chrono::NaiveDate;

use crate::chain::{self, Head, Sealed};
use crate::money::MoneyError;

use super::Project;
use super::corrupt::{ApplyError, ReplayReason};
use super::event::{Change, Event};
use super::table::transition;
use super::types::{FormerLead, FormerName, PendingRequest, VerifiedFinding};

impl Project {
    /// Applies a sealed event, as recorded: the state moves by the transition
    /// table and the event's amounts enter the ledger. The event must be the
    /// next of the project's log: sealed for the sequence number after the
    /// project's [`head`](Project::head), chained to it, its hash matching
    /// its contents, of this project — and lawful in the project's state, as
    /// [`Project::replay`] checks every event of a log (the chain proves who
    /// sealed a record, not that the law allowed it). An event decided
    /// against another state (two commands decided on one snapshot, applied
    /// one after the other) is refused, never dropped; so is an event whose
    /// ledger arithmetic fails. On error nothing changes.
    ///
    /// # Law
    ///
    /// 7.1 (one project's books, every event in its place); each event's own
    /// clause ([`super::EventKind::law`]).
    ///
    /// # Errors
    ///
    /// [`ApplyError::Stale`] (the event was decided against another state),
    /// [`ApplyError::Record`] (not chained to the head, or its hash does not
    /// match its contents), [`ApplyError::WrongProject`],
    /// [`ApplyError::StartedAgain`], [`ApplyError::Unlawful`] (the law
    /// refuses the event in this state), [`ApplyError::Money`].
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
    /// let pay = Command::new(unit, d(2023, 5, 2), Action::Pay {
    ///     spend: Spend::base(SpendingCategory::InstructorHire, Yuan::from_yuan(150_000), SpecialtyIndex(0)),
    /// });
    /// // Two payments decided on one snapshot: the second is refused, not dropped.
    /// let first = project.decide(&pay)?;
    /// let second = project.decide(&pay)?;
    /// project.apply(&first[0])?;
    /// let err = project.apply(&second[0]).unwrap_err();
    /// assert_eq!(err, ApplyError::Stale { expected: 3, found: 2 });
    /// assert_eq!(project.ledger().spent, Yuan::from_yuan(150_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, record: &Sealed<Event>) -> Result<(), ApplyError> {
        let expected = self.head.seq.saturating_add(1);
        if record.seq != expected {
            return Err(ApplyError::Stale {
                expected,
                found: record.seq,
            });
        }
        let head = chain::verify_from(&self.head, std::slice::from_ref(record))
            .map_err(ApplyError::Record)?;
        // The law, as replay checks each event: a sealed record is only as
        // lawful as its writer, and a record refused here is one that replay
        // of the log would refuse.
        self.check_event(&record.event)
            .map_err(|reason| match reason {
                ReplayReason::WrongProject { expected, found } => {
                    ApplyError::WrongProject { expected, found }
                }
                ReplayReason::StartedAgain => ApplyError::StartedAgain,
                other => ApplyError::Unlawful(Box::new(other)),
            })?;
        self.commit(&record.event, head)
    }

    /// Applies an event whose place in the chain and whose law have been
    /// checked — by `check_event` (in `apply` and replay: this project's, not
    /// a second start, lawful in the state) or by `decide` (in `execute`) —
    /// moving the head to `head`; refuses it whole if its arithmetic fails.
    pub(super) fn commit(&mut self, event: &Event, head: Head) -> Result<(), ApplyError> {
        self.enter_amounts(&event.change)
            .map_err(|error| ApplyError::Money {
                event: event.kind(),
                error,
            })?;
        self.apply_unchecked(event);
        self.head = head;
        Ok(())
    }

    /// Enters a change's amounts in the ledger, or leaves it unchanged and
    /// says which arithmetic fails (then the event is refused whole): each
    /// arm computes every new amount before it writes any.
    fn enter_amounts(&mut self, change: &Change) -> Result<(), MoneyError> {
        let l = &mut self.ledger;
        match change {
            Change::Paid { spend } => {
                let balance = l.balance.checked_sub(spend.amount)?;
                let spent = l.spent.checked_add(spend.amount)?;
                (l.balance, l.spent) = (balance, spent);
                l.payments = l.payments.saturating_add(1);
            }
            Change::Revoked {
                recovery_ordered,
                returned_from_account,
                owed,
            } => {
                let balance = l.balance.checked_sub(*returned_from_account)?;
                let returned = l
                    .returned_from_account
                    .checked_add(*returned_from_account)?;
                let ordered = l.recovery_ordered.checked_add(*recovery_ordered)?;
                let owed = l.owed.checked_add(*owed)?;
                (l.balance, l.returned_from_account) = (balance, returned);
                (l.recovery_ordered, l.owed) = (ordered, owed);
            }
            Change::Dissolved {
                returned_from_account,
                spent_for_asset_rules,
            } => {
                let balance = l.balance.checked_sub(*returned_from_account)?;
                let returned = l
                    .returned_from_account
                    .checked_add(*returned_from_account)?;
                let ordered = l.recovery_ordered.checked_add(*returned_from_account)?;
                (l.balance, l.returned_from_account) = (balance, returned);
                l.recovery_ordered = ordered;
                l.spent_for_asset_rules = *spent_for_asset_rules;
            }
            Change::Repaid { amount } => {
                let owed = l.owed.checked_sub(*amount)?;
                let repaid = l.repaid.checked_add(*amount)?;
                (l.owed, l.repaid) = (owed, repaid);
            }
            _ => {}
        }
        Ok(())
    }

    /// Everything but the ledger and the head: the state, the records.
    fn apply_unchecked(&mut self, event: &Event) {
        let on = event.on;
        match &event.change {
            Change::Started { .. }
            | Change::Paid { .. }
            | Change::ConstructionCompleted
            | Change::Repaid { .. } => {}
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
            Change::Revoked { .. } | Change::Dissolved { .. } => {
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
                    && let Some(old) = self.lead.replace(new_lead)
                {
                    self.former_leads.push(FormerLead {
                        id: old.id,
                        name: old.name,
                        replaced_on: on,
                        reason,
                    });
                }
            }
            Change::RenameRefused | Change::LeadChangeRefused => self.pending = None,
        }
        if let Some(to) = transition(self.status, event.kind()) {
            self.status = to;
        }
        if on > self.last_on {
            self.last_on = on;
        }
    }

    /// The last day of construction's next day, or the deadline itself at
    /// the end of the calendar (never reached in practice).
    pub(super) fn day_after_deadline(&self) -> NaiveDate {
        self.deadline.succ_opt().unwrap_or(self.deadline)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal::Decimal;

    use crate::money::{MoneyError, Yuan};

    use super::super::Project;
    use super::super::corrupt::ApplyError;
    use super::super::event::{Change, Event, EventKind};
    use super::super::types::{SpecialtyIndex, Spend, SpendingCategory};

    /// Given a project whose spent amount is at the largest amount, when a
    /// payment is committed whose balance arithmetic succeeds but whose
    /// spent arithmetic overflows, then it is refused whole: no amount of
    /// the ledger, nor the head, moved.
    #[test]
    fn a_commit_whose_second_sum_fails_changes_nothing() {
        let round = crate::sample::round_2022().unwrap();
        let (mut project, started) =
            Project::open(round.projects()[0].project_start(), round.policy()).unwrap();
        let largest = Yuan::new(Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 2));
        project.ledger.spent = largest.unwrap();
        let before = project.clone();
        let spend = Spend::base(
            SpendingCategory::TrainingEquipment,
            Yuan::from_yuan(1),
            SpecialtyIndex(0),
        );
        let paid = Event {
            change: Change::Paid { spend },
            ..started.event.clone()
        };
        let next = crate::chain::seal(project.head(), paid.clone()).unwrap().1;
        let err = project.commit(&paid, next).unwrap_err();
        assert!(matches!(
            err,
            ApplyError::Money {
                event: EventKind::Paid,
                error: MoneyError::Overflow(..)
            }
        ));
        assert_eq!(project, before);
    }
}
