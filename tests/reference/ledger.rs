//! A second reading of a project's account (六、七 and R10, R12, R13, R14),
//! written from the notice on a plain description of the commands, in fen.
//!
//! - 6.1, 6.2, R10: spending is allowed from the release through the
//!   deadline day (24 or 12 months, the last day of a shorter month), only on
//!   the kind's own categories, never on travel, labour fees or anything
//!   outside the scope; a base's spending names one of its specialties.
//! - 7.1, R12: the account never goes below zero; a payment is positive.
//! - 7.2, R13: acceptance comes once construction is over (declared complete,
//!   or the deadline passed); revocation needs a verified finding first and
//!   may come during construction or after acceptance; it orders the
//!   recovery of everything released: the balance goes back at once, the
//!   spent part is owed until city finance records its repayment.
//! - 7.3, R14: a dissolution during construction recovers the unspent
//!   balance; the spent part is handled under the asset rules.

use chrono::NaiveDate;

use super::dates::deadline;

/// Money in fen.
pub type Fen = i64;

/// One command, as the model reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The unit pays: category allowed for the kind?, prohibited?, specialty
    /// index (a base's), amount.
    Pay {
        /// On the kind's own list (6.1 for a base, 6.2 for a studio).
        own_list: bool,
        /// Travel, labour fees or out of scope.
        prohibited: bool,
        /// The specialty index given (bases name one of theirs).
        specialty: Option<u8>,
        /// The amount.
        amount: Fen,
    },
    /// The unit declares construction complete.
    Complete,
    /// Acceptance passed.
    Accept {
        /// Rated effective.
        effective: bool,
    },
    /// A verified finding of misconduct.
    Finding,
    /// The title is revoked.
    Revoke,
    /// The unit is dissolved.
    Dissolve,
    /// City finance records a repayment.
    Repay {
        /// The amount.
        amount: Fen,
    },
}

/// Where the project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Construction,
    AwaitingAcceptance,
    Accepted,
    Revoked,
    Dissolved,
}

/// The account, as R13 states its two identities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Account {
    /// Released.
    pub released: Fen,
    /// Spent.
    pub spent: Fen,
    /// Balance.
    pub balance: Fen,
    /// Returned from the account on recovery.
    pub returned: Fen,
    /// Recovery ordered.
    pub recovery_ordered: Fen,
    /// Repaid by the unit.
    pub repaid: Fen,
    /// Still owed.
    pub owed: Fen,
    /// Spent, handled under the asset rules (7.3).
    pub asset_rules: Fen,
}

/// A project as the model follows it.
#[derive(Debug, Clone)]
pub struct Model {
    base: bool,
    specialties: u8,
    deadline: NaiveDate,
    phase: Phase,
    finding: bool,
    /// The account.
    pub account: Account,
}

impl Model {
    /// Opened: `released` fen on `released_on`.
    pub fn open(base: bool, specialties: u8, released: Fen, released_on: NaiveDate) -> Model {
        Model {
            base,
            specialties,
            deadline: deadline(base, released_on),
            phase: Phase::Construction,
            finding: false,
            account: Account {
                released,
                balance: released,
                ..Account::default()
            },
        }
    }

    /// Applies `step` on `on` (dates never go back); `false` when the law
    /// refuses it, the project then unchanged.
    pub fn apply(&mut self, on: NaiveDate, step: &Step) -> bool {
        // R10: the construction period ends with the deadline day.
        if self.phase == Phase::Construction && on > self.deadline {
            self.phase = Phase::AwaitingAcceptance;
        }
        let a = &mut self.account;
        match (step, self.phase) {
            (
                Step::Pay {
                    own_list,
                    prohibited,
                    specialty,
                    amount,
                },
                Phase::Construction,
            ) => {
                let specialty_ok = if self.base {
                    specialty.is_some_and(|s| s < self.specialties)
                } else {
                    specialty.is_none()
                };
                if !own_list || *prohibited || !specialty_ok || *amount <= 0 || *amount > a.balance
                {
                    return false;
                }
                a.spent += amount;
                a.balance -= amount;
                true
            }
            (Step::Complete, Phase::Construction) => {
                self.phase = Phase::AwaitingAcceptance;
                true
            }
            (Step::Accept { .. }, Phase::AwaitingAcceptance) => {
                self.phase = Phase::Accepted;
                true
            }
            (Step::Finding, Phase::Construction | Phase::AwaitingAcceptance | Phase::Accepted) => {
                self.finding = true;
                true
            }
            (Step::Revoke, Phase::Construction | Phase::AwaitingAcceptance | Phase::Accepted)
                if self.finding =>
            {
                a.recovery_ordered = a.released;
                a.returned = a.balance;
                a.owed = a.spent;
                a.balance = 0;
                self.phase = Phase::Revoked;
                true
            }
            (Step::Dissolve, Phase::Construction) => {
                a.returned = a.balance;
                a.recovery_ordered = a.balance;
                a.asset_rules = a.spent;
                a.balance = 0;
                self.phase = Phase::Dissolved;
                true
            }
            (Step::Repay { amount }, Phase::Revoked) if *amount > 0 && *amount <= a.owed => {
                a.repaid += amount;
                a.owed -= amount;
                true
            }
            _ => false,
        }
    }
}
