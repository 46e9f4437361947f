//! Commands (指令): who asks, on which day, for what.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::application::StudioLead;
use crate::money::Yuan;

use super::event::EventKind;
use super::types::{
    Actor, EvaluationRating, InspectionResult, LeadChangeReason, Misconduct, RenameCause, Spend,
};

/// What a command asks for. Each produces the event of the same name
/// ([`Action::kind`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Action {
    /// Pay from the project's account (6.1, 6.2, 7.1).
    Pay {
        /// What is spent.
        spend: Spend,
    },
    /// The unit declares construction complete before the deadline (6.1, 6.2).
    CompleteConstruction,
    /// Record an inspection (7.2).
    Inspect {
        /// What it found.
        result: InspectionResult,
        /// The host's reference to the inspection report.
        report: String,
    },
    /// Record a phased evaluation against the output requirements (7.2).
    Evaluate {
        /// The stage (1 for the first evaluation, …).
        stage: u32,
        /// What it found.
        rating: EvaluationRating,
        /// The host's reference to the evaluation report.
        report: String,
    },
    /// Acceptance passed (验收合格): announced, plaque awarded (7.2).
    Accept {
        /// Whether acceptance rated the project effective (效能显著, 3.4).
        rated_effective: bool,
    },
    /// Acceptance failed (验收不合格, 7.2).
    Reject,
    /// Record a verified finding of misconduct (查明属实, 7.2, R13).
    VerifyFinding {
        /// What was found.
        misconduct: Misconduct,
        /// The host's reference to the investigation.
        report: String,
    },
    /// Revoke the title and order recovery of every yuan released (7.2, R13).
    Revoke,
    /// A base's unit asks to continue under a new name (7.3).
    RequestRename {
        /// The new name.
        new_name: String,
        /// Why.
        cause: RenameCause,
    },
    /// The city approves the pending rename (7.3).
    ApproveRename,
    /// The city refuses the pending rename (7.3).
    RefuseRename,
    /// A studio's unit asks to change its lead (7.4).
    RequestLeadChange {
        /// The new lead, who must hold an honour of 1.2.2 (R15).
        new_lead: StudioLead,
        /// Why.
        reason: LeadChangeReason,
    },
    /// The city approves the pending lead change (7.4).
    ApproveLeadChange,
    /// The city refuses the pending lead change (7.4).
    RefuseLeadChange,
    /// The unit was dissolved during construction (撤销, 7.3, R14).
    Dissolve,
    /// City finance records a repayment of money owed after a revocation
    /// (7.2, 7.3, R13).
    RecordRepayment {
        /// How much was repaid.
        amount: Yuan,
    },
}

impl Action {
    /// The kind of event this action produces.
    ///
    /// ```
    /// use skill_grants::lifecycle::{Action, EventKind};
    /// assert_eq!(Action::Revoke.kind(), EventKind::Revoked);
    /// ```
    pub const fn kind(&self) -> EventKind {
        match self {
            Action::Pay { .. } => EventKind::Paid,
            Action::CompleteConstruction => EventKind::ConstructionCompleted,
            Action::Inspect { .. } => EventKind::Inspected,
            Action::Evaluate { .. } => EventKind::Evaluated,
            Action::Accept { .. } => EventKind::Accepted,
            Action::Reject => EventKind::NotAccepted,
            Action::VerifyFinding { .. } => EventKind::FindingVerified,
            Action::Revoke => EventKind::Revoked,
            Action::RequestRename { .. } => EventKind::RenameRequested,
            Action::ApproveRename => EventKind::RenameApproved,
            Action::RefuseRename => EventKind::RenameRefused,
            Action::RequestLeadChange { .. } => EventKind::LeadChangeRequested,
            Action::ApproveLeadChange => EventKind::LeadChangeApproved,
            Action::RefuseLeadChange => EventKind::LeadChangeRefused,
            Action::Dissolve => EventKind::Dissolved,
            Action::RecordRepayment { .. } => EventKind::Repaid,
        }
    }
}

/// A command (指令): who asks, on which day, for what.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::lifecycle::{Action, Actor, Command};
/// let c = Command::new(Actor::City, NaiveDate::from_ymd_opt(2023, 1, 5).unwrap(), Action::Revoke);
/// assert_eq!(c.by, Actor::City);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// Who gives it.
    pub by: Actor,
    /// The day it takes effect.
    pub on: NaiveDate,
    /// What it asks for.
    pub action: Action,
}

impl Command {
    /// A command.
    pub fn new(by: Actor, on: NaiveDate, action: Action) -> Command {
        Command { by, on, action }
    }
}
