//! What must hold at every moment: money conserved, recovery balanced, the
//! state matching the pending request and the kind.

use crate::domain::ProjectKind;

use super::Project;
use super::corrupt::InvariantViolation;
use super::status::Status;
use super::types::PendingRequest;

impl Project {
    /// Checks what must hold at every moment: money conserved (released =
    /// spent + balance + returned), recovery balanced (ordered = returned +
    /// repaid + owed), the recovery a revocation or dissolution implies, no
    /// recovery otherwise, the pending request matching the state, leads and
    /// names matching the kind. For auditors' suites and property tests.
    ///
    /// # Law
    ///
    /// 7.1, R12 (released = spent + balance + returned from the account);
    /// 7.2, R13 (recovery ordered = returned + repaid + owed; a revoked
    /// project owes every yuan released); 7.3, R14 (a dissolved project
    /// returns released − spent, the spent part under asset rules); 7.3, 7.4
    /// (a pending request matches the state); 1.2.2 (only a studio has a
    /// lead); 7.2 (an accepted project has its acceptance date).
    ///
    /// # Errors
    ///
    /// The first [`InvariantViolation`] found. A project built only by
    /// [`Project::open`], [`Project::decide`] and [`Project::apply`]
    /// ([`Project::execute`]), or by [`Project::replay`], never has one.
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
    /// project.check_invariants()?;
    /// let pay = Command::new(unit, d(2023, 3, 1), Action::Pay {
    ///     spend: Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(5_000), SpecialtyIndex(0)),
    /// });
    /// project.execute(&pay)?;
    /// project.check_invariants()?;
    /// // A stored state cannot be loaded unchecked (a `Project` is not
    /// // deserializable): the only way back is replay, which checks every event.
    /// # let _ = started;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
