//! The transition table: the state each kind of event leads to from each
//! state, its rows, and the Mermaid diagram generated from it.

use std::fmt::Write as _;

use serde::Serialize;

use crate::clause::ClauseId;
use crate::domain::ProjectKind;
use crate::lang::Lang;

use super::event::EventKind;
use super::status::Status;

/// The transition table: the state an event of `kind` leads to from `from`,
/// or `None` when that event is impossible in that state. The deciding,
/// applying and replaying code, and the diagram ([`mermaid`]), all read this
/// one function.
///
/// ```
/// use skill_grants::lifecycle::{transition, EventKind, Status};
/// assert_eq!(transition(Status::Accepted, EventKind::Revoked), Some(Status::Revoked));
/// assert_eq!(transition(Status::Revoked, EventKind::Paid), None);
/// ```
pub const fn transition(from: Status, kind: EventKind) -> Option<Status> {
    use EventKind as E;
    use Status as S;
    match (from, kind) {
        // 建设中
        (S::UnderConstruction, E::Paid | E::Inspected | E::Evaluated | E::FindingVerified) => {
            Some(S::UnderConstruction)
        }
        (S::UnderConstruction, E::ConstructionCompleted | E::DeadlinePassed) => {
            Some(S::AwaitingAcceptance)
        }
        (S::UnderConstruction, E::RenameRequested) => Some(S::PendingRename),
        (S::UnderConstruction, E::LeadChangeRequested) => Some(S::PendingLeadChange),
        // Pending requests (7.3, 7.4): no spending until the city decides.
        (S::PendingRename, E::Inspected | E::Evaluated | E::FindingVerified) => {
            Some(S::PendingRename)
        }
        (S::PendingRename, E::RenameApproved | E::RenameRefused) => Some(S::UnderConstruction),
        (S::PendingLeadChange, E::Inspected | E::Evaluated | E::FindingVerified) => {
            Some(S::PendingLeadChange)
        }
        (S::PendingLeadChange, E::LeadChangeApproved | E::LeadChangeRefused) => {
            Some(S::UnderConstruction)
        }
        (S::PendingRename | S::PendingLeadChange, E::DeadlinePassed) => Some(S::AwaitingAcceptance),
        // 7.3: dissolution during construction.
        (S::UnderConstruction | S::PendingRename | S::PendingLeadChange, E::Dissolved) => {
            Some(S::Dissolved)
        }
        // 建设期满待验收
        (S::AwaitingAcceptance, E::Inspected | E::Evaluated | E::FindingVerified) => {
            Some(S::AwaitingAcceptance)
        }
        (S::AwaitingAcceptance, E::Accepted) => Some(S::Accepted),
        (S::AwaitingAcceptance, E::NotAccepted) => Some(S::NotAccepted),
        // After the decision on acceptance.
        (S::Accepted, E::Inspected | E::FindingVerified) => Some(S::Accepted),
        (S::NotAccepted, E::Inspected | E::FindingVerified) => Some(S::NotAccepted),
        // 7.2, R13: revocation during construction or after acceptance.
        (
            S::UnderConstruction
            | S::PendingRename
            | S::PendingLeadChange
            | S::AwaitingAcceptance
            | S::Accepted
            | S::NotAccepted,
            E::Revoked,
        ) => Some(S::Revoked),
        // R13: repayment of the spent part after a revocation.
        (S::Revoked, E::Repaid) => Some(S::Revoked),
        _ => None,
    }
}

/// One row of the transition table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// The state before.
    pub from: Status,
    /// The event.
    pub kind: EventKind,
    /// The state after.
    pub to: Status,
    /// The clause the event executes.
    pub clause: ClauseId,
}

impl Transition {
    /// The row's rule id in the registry ([`crate::rules`]),
    /// `lifecycle.transition.<from>.<event>`, from the state's and the
    /// event's own ids ([`Status::id`], [`EventKind::id`]). The row cites its
    /// event's law ([`EventKind::law`]).
    ///
    /// ```
    /// use skill_grants::lifecycle::{transitions, EventKind, Status};
    /// let row = transitions().into_iter().find(|t| t.from == Status::Accepted && t.kind == EventKind::Revoked).unwrap();
    /// assert_eq!(row.rule_id(), "lifecycle.transition.accepted.revoked");
    /// assert!(skill_grants::rules::find(&row.rule_id()).is_some());
    /// ```
    pub fn rule_id(&self) -> String {
        format!("lifecycle.transition.{}.{}", self.from.id(), self.kind.id())
    }
}

/// Every row of the transition table, by state then by kind of event.
///
/// ```
/// let rows = skill_grants::lifecycle::transitions();
/// assert!(rows.iter().all(|t| !t.from.is_terminal() || t.to == t.from));
/// ```
pub fn transitions() -> Vec<Transition> {
    let mut rows = Vec::new();
    for from in Status::ALL {
        for kind in EventKind::ALL {
            if let Some(to) = transition(from, kind) {
                rows.push(Transition {
                    from,
                    kind,
                    to,
                    clause: kind.clause(),
                });
            }
        }
    }
    rows
}

/// The state diagram in Mermaid (`stateDiagram-v2`), generated from
/// [`transition`]. Events that leave the state unchanged are listed on a
/// self-loop.
///
/// ```
/// let text = skill_grants::lifecycle::mermaid();
/// assert!(text.starts_with("stateDiagram-v2"));
/// assert!(text.contains("accepted --> revoked"));
/// ```
pub fn mermaid() -> String {
    let mut out = String::from("stateDiagram-v2\n");
    for s in Status::ALL {
        let _ = writeln!(
            out,
            "    {}: {} / {}",
            s.id(),
            s.name(Lang::Zh),
            s.name(Lang::En)
        );
    }
    let _ = writeln!(
        out,
        "    [*] --> {}: {} ({})",
        Status::UnderConstruction.id(),
        EventKind::Started.id(),
        EventKind::Started.clause()
    );
    let rows = transitions();
    for from in Status::ALL {
        for to in Status::ALL {
            let labels: Vec<String> = rows
                .iter()
                .filter(|t| t.from == from && t.to == to)
                .map(|t| {
                    let (base, studio) = (
                        t.kind.clause_for(ProjectKind::TrainingBase),
                        t.kind.clause_for(ProjectKind::Studio),
                    );
                    if base == studio {
                        format!("{} ({})", t.kind.id(), t.clause)
                    } else {
                        format!("{} ({}/{})", t.kind.id(), base, studio)
                    }
                })
                .collect();
            if !labels.is_empty() {
                let _ = writeln!(
                    out,
                    "    {} --> {}: {}",
                    from.id(),
                    to.id(),
                    labels.join(", ")
                );
            }
        }
    }
    for s in Status::ALL {
        if s.is_terminal() {
            let _ = writeln!(out, "    {} --> [*]", s.id());
        }
    }
    out
}
