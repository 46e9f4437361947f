//! Applying: an event changes the state; it never fails.

use chrono::NaiveDate;

use super::Project;
use super::event::{Change, Event};
use super::table::transition;
use super::types::{FormerLead, FormerName, Payment, PendingRequest, Spend, VerifiedFinding};

impl Project {
    /// Applies a payment accepted by [`Project::decide_payment`]; the same as
    /// applying its [`Project::payment_event`]. Never fails.
    pub fn apply_payment(&mut self, payment: &Payment) {
        self.apply_spend(&payment.spend);
        self.touch(payment.on);
    }

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

    pub(super) fn touch(&mut self, on: NaiveDate) {
        if on > self.last_on {
            self.last_on = on;
        }
        self.events = self.events.saturating_add(1);
    }
}
