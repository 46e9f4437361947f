//! The transition table: states, kinds of event, who may cause them, and the
//! Mermaid diagram generated from the table.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::{ClauseId, Lang, ProjectKind};

use super::types::Role;

/// The state of a project (项目状态).
///
/// ```
/// use skill_grants::{Lang, lifecycle::Status};
/// assert_eq!(Status::Revoked.name(Lang::Zh), "已撤销称号");
/// assert!(Status::Dissolved.is_terminal());
/// assert!(!Status::Accepted.is_terminal());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// 建设中 — under construction, inside the period of R10.
    UnderConstruction,
    /// 单位名称变更待核准 — a base's rename awaits the city's approval (7.3).
    PendingRename,
    /// 领办人变更待核准 — a studio's lead change awaits the city's approval (7.4, R15).
    PendingLeadChange,
    /// 建设期满待验收 — construction over, awaiting acceptance (6.1, 6.2, 7.2).
    AwaitingAcceptance,
    /// 验收合格 — accepted: announced, plaque awarded (7.2).
    Accepted,
    /// 验收不合格 — not accepted (7.2).
    NotAccepted,
    /// 已撤销称号 — title revoked, money recovered (7.2, R13). Terminal.
    Revoked,
    /// 建设期内单位撤销 — the unit was dissolved during construction (7.3, R14). Terminal.
    Dissolved,
}

impl Status {
    /// Every state, in the order of the diagram.
    pub const ALL: [Status; 8] = [
        Status::UnderConstruction,
        Status::PendingRename,
        Status::PendingLeadChange,
        Status::AwaitingAcceptance,
        Status::Accepted,
        Status::NotAccepted,
        Status::Revoked,
        Status::Dissolved,
    ];

    /// True for a state no event leaves (revoked, dissolved).
    pub const fn is_terminal(self) -> bool {
        matches!(self, Status::Revoked | Status::Dissolved)
    }

    /// True while the construction period runs (建设期内): under construction
    /// or with a request pending.
    pub const fn in_construction(self) -> bool {
        matches!(
            self,
            Status::UnderConstruction | Status::PendingRename | Status::PendingLeadChange
        )
    }

    /// The state's identifier in the diagram and in serialized form.
    pub const fn id(self) -> &'static str {
        match self {
            Status::UnderConstruction => "under_construction",
            Status::PendingRename => "pending_rename",
            Status::PendingLeadChange => "pending_lead_change",
            Status::AwaitingAcceptance => "awaiting_acceptance",
            Status::Accepted => "accepted",
            Status::NotAccepted => "not_accepted",
            Status::Revoked => "revoked",
            Status::Dissolved => "dissolved",
        }
    }

    /// The state's name.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::Status};
    /// assert_eq!(Status::AwaitingAcceptance.name(Lang::En), "construction over, awaiting acceptance");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::UnderConstruction, Lang::Zh) => "建设中",
            (Status::UnderConstruction, Lang::En) => "under construction",
            (Status::PendingRename, Lang::Zh) => "单位名称变更待核准",
            (Status::PendingRename, Lang::En) => "rename awaiting approval",
            (Status::PendingLeadChange, Lang::Zh) => "领办人变更待核准",
            (Status::PendingLeadChange, Lang::En) => "lead change awaiting approval",
            (Status::AwaitingAcceptance, Lang::Zh) => "建设期满待验收",
            (Status::AwaitingAcceptance, Lang::En) => "construction over, awaiting acceptance",
            (Status::Accepted, Lang::Zh) => "验收合格",
            (Status::Accepted, Lang::En) => "accepted",
            (Status::NotAccepted, Lang::Zh) => "验收不合格",
            (Status::NotAccepted, Lang::En) => "not accepted",
            (Status::Revoked, Lang::Zh) => "已撤销称号",
            (Status::Revoked, Lang::En) => "title revoked",
            (Status::Dissolved, Lang::Zh) => "建设期内单位撤销",
            (Status::Dissolved, Lang::En) => "unit dissolved during construction",
        }
    }
}

/// The kinds of event (事件类型); every command produces the kind of the same
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// 资金下达、项目启动 (5).
    Started,
    /// 项目资金支出 (6.1, 6.2, 7.1).
    Paid,
    /// 单位申报建设完成 (6.1, 6.2).
    ConstructionCompleted,
    /// 建设期满 (R10).
    DeadlinePassed,
    /// 检查 (7.2).
    Inspected,
    /// 分阶段评估 (7.2).
    Evaluated,
    /// 验收合格 (7.2).
    Accepted,
    /// 验收不合格 (7.2).
    NotAccepted,
    /// 查明属实 (7.2, R13).
    FindingVerified,
    /// 撤销称号、追回资金 (7.2, R13).
    Revoked,
    /// 申请变更单位名称 (7.3).
    RenameRequested,
    /// 核准变更单位名称 (7.3).
    RenameApproved,
    /// 不予核准变更单位名称 (7.3).
    RenameRefused,
    /// 申请变更领办人 (7.4).
    LeadChangeRequested,
    /// 核准变更领办人 (7.4).
    LeadChangeApproved,
    /// 不予核准变更领办人 (7.4).
    LeadChangeRefused,
    /// 建设期内单位撤销 (7.3, R14).
    Dissolved,
    /// 市财政部门收回欠款 (7.2, 7.3, R13).
    Repaid,
}

impl EventKind {
    /// Every kind, in the order of the diagram's labels.
    pub const ALL: [EventKind; 18] = [
        EventKind::Started,
        EventKind::Paid,
        EventKind::ConstructionCompleted,
        EventKind::DeadlinePassed,
        EventKind::Inspected,
        EventKind::Evaluated,
        EventKind::Accepted,
        EventKind::NotAccepted,
        EventKind::FindingVerified,
        EventKind::Revoked,
        EventKind::RenameRequested,
        EventKind::RenameApproved,
        EventKind::RenameRefused,
        EventKind::LeadChangeRequested,
        EventKind::LeadChangeApproved,
        EventKind::LeadChangeRefused,
        EventKind::Dissolved,
        EventKind::Repaid,
    ];

    /// The clause this kind of event executes. A payment cites 7.1 (the
    /// project's own account); its checks cite 6.1 or 6.2 by kind.
    ///
    /// ```
    /// use skill_grants::{ClauseId, lifecycle::EventKind};
    /// assert_eq!(EventKind::LeadChangeApproved.clause(), ClauseId::C7_4);
    /// ```
    pub const fn clause(self) -> ClauseId {
        match self {
            EventKind::Started => ClauseId::C5,
            EventKind::Paid => ClauseId::C7_1,
            EventKind::ConstructionCompleted | EventKind::DeadlinePassed => ClauseId::C6_1,
            EventKind::Inspected
            | EventKind::Evaluated
            | EventKind::Accepted
            | EventKind::NotAccepted
            | EventKind::FindingVerified
            | EventKind::Revoked
            | EventKind::Repaid => ClauseId::C7_2,
            EventKind::RenameRequested
            | EventKind::RenameApproved
            | EventKind::RenameRefused
            | EventKind::Dissolved => ClauseId::C7_3,
            EventKind::LeadChangeRequested
            | EventKind::LeadChangeApproved
            | EventKind::LeadChangeRefused => ClauseId::C7_4,
        }
    }

    /// The clause for this kind on a project of `kind`: 6.1 or 6.2 for the
    /// construction period's end, [`EventKind::clause`] otherwise.
    ///
    /// ```
    /// use skill_grants::{ClauseId, ProjectKind, lifecycle::EventKind};
    /// assert_eq!(EventKind::DeadlinePassed.clause_for(ProjectKind::Studio), ClauseId::C6_2);
    /// ```
    pub const fn clause_for(self, kind: ProjectKind) -> ClauseId {
        match self {
            EventKind::ConstructionCompleted | EventKind::DeadlinePassed => kind.fund_clause(),
            other => other.clause(),
        }
    }

    /// The kind's identifier in the diagram.
    pub const fn id(self) -> &'static str {
        match self {
            EventKind::Started => "started",
            EventKind::Paid => "paid",
            EventKind::ConstructionCompleted => "construction_completed",
            EventKind::DeadlinePassed => "deadline_passed",
            EventKind::Inspected => "inspected",
            EventKind::Evaluated => "evaluated",
            EventKind::Accepted => "accepted",
            EventKind::NotAccepted => "not_accepted",
            EventKind::FindingVerified => "finding_verified",
            EventKind::Revoked => "revoked",
            EventKind::RenameRequested => "rename_requested",
            EventKind::RenameApproved => "rename_approved",
            EventKind::RenameRefused => "rename_refused",
            EventKind::LeadChangeRequested => "lead_change_requested",
            EventKind::LeadChangeApproved => "lead_change_approved",
            EventKind::LeadChangeRefused => "lead_change_refused",
            EventKind::Dissolved => "dissolved",
            EventKind::Repaid => "repaid",
        }
    }

    /// The kind's name.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::EventKind};
    /// assert_eq!(EventKind::Repaid.name(Lang::Zh), "市财政部门收回欠款");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EventKind::Started, Lang::Zh) => "资金下达、项目启动",
            (EventKind::Started, Lang::En) => "subsidy released, project started",
            (EventKind::Paid, Lang::Zh) => "项目资金支出",
            (EventKind::Paid, Lang::En) => "payment from the project account",
            (EventKind::ConstructionCompleted, Lang::Zh) => "单位申报建设完成",
            (EventKind::ConstructionCompleted, Lang::En) => "construction declared complete",
            (EventKind::DeadlinePassed, Lang::Zh) => "建设期满",
            (EventKind::DeadlinePassed, Lang::En) => "construction period over",
            (EventKind::Inspected, Lang::Zh) => "检查",
            (EventKind::Inspected, Lang::En) => "inspection",
            (EventKind::Evaluated, Lang::Zh) => "分阶段评估",
            (EventKind::Evaluated, Lang::En) => "phased evaluation",
            (EventKind::Accepted, Lang::Zh) => "验收合格",
            (EventKind::Accepted, Lang::En) => "acceptance passed",
            (EventKind::NotAccepted, Lang::Zh) => "验收不合格",
            (EventKind::NotAccepted, Lang::En) => "acceptance failed",
            (EventKind::FindingVerified, Lang::Zh) => "查明属实",
            (EventKind::FindingVerified, Lang::En) => "finding verified",
            (EventKind::Revoked, Lang::Zh) => "撤销称号、追回资金",
            (EventKind::Revoked, Lang::En) => "title revoked, recovery ordered",
            (EventKind::RenameRequested, Lang::Zh) => "申请变更单位名称",
            (EventKind::RenameRequested, Lang::En) => "rename requested",
            (EventKind::RenameApproved, Lang::Zh) => "核准变更单位名称",
            (EventKind::RenameApproved, Lang::En) => "rename approved",
            (EventKind::RenameRefused, Lang::Zh) => "不予核准变更单位名称",
            (EventKind::RenameRefused, Lang::En) => "rename refused",
            (EventKind::LeadChangeRequested, Lang::Zh) => "申请变更领办人",
            (EventKind::LeadChangeRequested, Lang::En) => "lead change requested",
            (EventKind::LeadChangeApproved, Lang::Zh) => "核准变更领办人",
            (EventKind::LeadChangeApproved, Lang::En) => "lead change approved",
            (EventKind::LeadChangeRefused, Lang::Zh) => "不予核准变更领办人",
            (EventKind::LeadChangeRefused, Lang::En) => "lead change refused",
            (EventKind::Dissolved, Lang::Zh) => "建设期内单位撤销",
            (EventKind::Dissolved, Lang::En) => "unit dissolved",
            (EventKind::Repaid, Lang::Zh) => "市财政部门收回欠款",
            (EventKind::Repaid, Lang::En) => "repayment recorded by city finance",
        }
    }

    /// Who may cause this kind of event (the access rule). `DeadlinePassed`
    /// has no actor; `Started` is caused by the round ([`super::Project::open`]).
    ///
    /// ```
    /// use skill_grants::lifecycle::{EventKind, Role};
    /// assert!(EventKind::Revoked.permits(Role::City));
    /// assert!(!EventKind::Revoked.permits(Role::LocalAuthority));
    /// assert!(EventKind::Repaid.permits(Role::CityFinance));
    /// assert!(!EventKind::RenameApproved.permits(Role::ProjectUnit));
    /// ```
    pub const fn permits(self, role: Role) -> bool {
        match self {
            EventKind::Started => matches!(role, Role::City),
            EventKind::DeadlinePassed => false,
            // 6.1, 6.2, 7.1: the unit spends from its own account.
            EventKind::Paid
            | EventKind::ConstructionCompleted
            // 7.3, 7.4: the unit submits the request.
            | EventKind::RenameRequested
            | EventKind::LeadChangeRequested => matches!(role, Role::ProjectUnit),
            // 7.1 (local management and guidance), 7.2 (city inspection).
            EventKind::Inspected => matches!(role, Role::City | Role::LocalAuthority),
            // 7.2: the city evaluates, through its expert group (5).
            EventKind::Evaluated => matches!(role, Role::City | Role::ExpertGroup),
            // 7.2, 7.3, 7.4: only the city decides.
            EventKind::Accepted
            | EventKind::NotAccepted
            | EventKind::FindingVerified
            | EventKind::Revoked
            | EventKind::RenameApproved
            | EventKind::RenameRefused
            | EventKind::LeadChangeApproved
            | EventKind::LeadChangeRefused => matches!(role, Role::City),
            // 7.3: the city (with city finance, which recovers the money).
            EventKind::Dissolved => matches!(role, Role::City | Role::CityFinance),
            // 7.3: only city finance records a recovery.
            EventKind::Repaid => matches!(role, Role::CityFinance),
        }
    }
}

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
