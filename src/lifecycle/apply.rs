//! Applying: an event changes the state; it never fails.

use chrono::NaiveDate;

use super::Project;
use super::event::{Change, Event};
use super::table::transition;
use super::types::{FormerLead, FormerName, Payment, PendingRequest, Spend, VerifiedFinding};

impl Project {
    /// Applies a payment accepted by [`Project::decide_payment`]; the same as
    /// applying its [`Project::payment_event`].
    ///
    /// # Law
    ///
    /// 7.1, R12: the amount leaves the balance and is counted as spent.
    ///
    /// # Errors
    ///
    /// None: the payment was checked when it was decided.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use skill_grants::lifecycle::*;
    /// # use skill_grants::model::{ProjectId, Seat, Specialty, UnitId};
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
    /// let spend = Spend::base(SpendingCategory::InstructorHire, Yuan::from_yuan(30_000), SpecialtyIndex(0));
    /// let payment = project.decide_payment(&unit, d(2023, 5, 2), &spend)?;
    /// let mut by_event = project.clone();
    /// by_event.apply(&by_event.payment_event(payment));
    /// project.apply_payment(&payment);
    /// assert_eq!(project, by_event);
    /// assert_eq!(project.ledger().spent, Yuan::from_yuan(30_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_payment(&mut self, payment: &Payment) {
        self.apply_spend(&payment.spend);
        self.touch(payment.on);
    }

    /// Applies an event, as recorded: the state moves by the transition
    /// table and the event's amounts enter the ledger. A `Started` event is
    /// ignored (a project starts only once). Use [`Project::decide`] to make
    /// events and [`Project::replay`] to check a log.
    ///
    /// # Law
    ///
    /// The transition table ([`transition`]); 7.1, R12 (a
    /// payment); 7.2, R13 (a revocation returns the balance, the spent part is
    /// owed; a repayment lowers what is owed); 7.3, R14 (a dissolution returns
    /// released − spent; an approved rename keeps the former name); 7.4, R15
    /// (an approved lead change keeps the former lead).
    ///
    /// # Errors
    ///
    /// None: an event is applied as recorded, never refused.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use skill_grants::lifecycle::*;
    /// # use skill_grants::model::{ProjectId, Seat, Specialty, UnitId};
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
    /// let finding = Command::new(Actor::City, d(2023, 2, 1), Action::VerifyFinding {
    ///     misconduct: Misconduct::Fraud,
    ///     report: "2023-01".into(),
    /// });
    /// for e in project.decide(&finding)? { project.apply(&e); }
    /// let revoke = Command::new(Actor::City, d(2023, 2, 2), Action::Revoke);
    /// for e in project.decide(&revoke)? { project.apply(&e); }
    /// assert_eq!(project.status(), Status::Revoked);
    /// assert_eq!(project.ledger().recovery_ordered, Yuan::from_yuan(200_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

    pub(super) fn touch(&mut self, on: NaiveDate) {
        if on > self.last_on {
            self.last_on = on;
        }
        self.events = self.events.saturating_add(1);
    }
}
