//! Events (事件): the kinds of event, who may cause each, and the event log's records.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::application::StudioLead;
use crate::clause::{ClauseId, Law};
use crate::domain::ProjectId;
use crate::domain::ProjectKind;
use crate::lang::Lang;
use crate::money::Yuan;

use super::types::{
    EvaluationRating, InspectionResult, LeadChangeReason, Misconduct, ProjectStart, RenameCause,
    Role, Spend,
};

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

    /// Where this kind of event stands in the law: its rule id
    /// (`lifecycle.event.<id>`), every clause it may cite (6.1 or 6.2 by the
    /// project's kind for the end of construction, see
    /// [`EventKind::clause_for`]), the reading it follows, and a gloss.
    ///
    /// ```
    /// use skill_grants::clause::ClauseId;
    /// use skill_grants::lifecycle::EventKind;
    /// let law = EventKind::Revoked.law();
    /// assert_eq!(law.id, "lifecycle.event.revoked");
    /// assert_eq!(law.clauses, &[ClauseId::C7_2]);
    /// assert_eq!(law.reading, Some("R13"));
    /// ```
    pub const fn law(self) -> Law {
        use ClauseId as C;
        const END_OF_CONSTRUCTION: &[ClauseId] = &[C::C6_1, C::C6_2];
        match self {
            EventKind::Started => Law {
                id: "lifecycle.event.started",
                clauses: &[C::C5],
                reading: Some("R4"),
                gloss: "the city releases the fixed subsidy and the project starts",
            },
            EventKind::Paid => Law {
                id: "lifecycle.event.paid",
                clauses: &[C::C7_1],
                reading: Some("R12"),
                gloss: "the project unit pays from the project's own account, never below zero",
            },
            EventKind::ConstructionCompleted => Law {
                id: "lifecycle.event.construction_completed",
                clauses: END_OF_CONSTRUCTION,
                reading: Some("R10"),
                gloss: "the unit declares construction complete on or before the deadline",
            },
            EventKind::DeadlinePassed => Law {
                id: "lifecycle.event.deadline_passed",
                clauses: END_OF_CONSTRUCTION,
                reading: Some("R10"),
                gloss: "the construction period ends the day after the deadline; a pending request lapses",
            },
            EventKind::Inspected => Law {
                id: "lifecycle.event.inspected",
                clauses: &[C::C7_2],
                reading: None,
                gloss: "the city, or the project's banner or body, records an inspection",
            },
            EventKind::Evaluated => Law {
                id: "lifecycle.event.evaluated",
                clauses: &[C::C7_2],
                reading: None,
                gloss: "the city or its expert group records a phased evaluation",
            },
            EventKind::Accepted => Law {
                id: "lifecycle.event.accepted",
                clauses: &[C::C7_2],
                reading: None,
                gloss: "the city decides that acceptance passed: announced, plaque awarded",
            },
            EventKind::NotAccepted => Law {
                id: "lifecycle.event.not_accepted",
                clauses: &[C::C7_2],
                reading: None,
                gloss: "the city decides that acceptance failed",
            },
            EventKind::FindingVerified => Law {
                id: "lifecycle.event.finding_verified",
                clauses: &[C::C7_2],
                reading: Some("R13"),
                gloss: "the city records a verified finding of misconduct",
            },
            EventKind::Revoked => Law {
                id: "lifecycle.event.revoked",
                clauses: &[C::C7_2],
                reading: Some("R13"),
                gloss: "after a verified finding, the title is revoked and every yuan released recovered",
            },
            EventKind::RenameRequested => Law {
                id: "lifecycle.event.rename_requested",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "a base's unit asks to continue under a new name",
            },
            EventKind::RenameApproved => Law {
                id: "lifecycle.event.rename_approved",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "the city approves the rename; the project continues under the new name",
            },
            EventKind::RenameRefused => Law {
                id: "lifecycle.event.rename_refused",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "the city refuses the rename",
            },
            EventKind::LeadChangeRequested => Law {
                id: "lifecycle.event.lead_change_requested",
                clauses: &[C::C7_4],
                reading: Some("R15"),
                gloss: "a studio's unit asks to change its lead to one holding an honour",
            },
            EventKind::LeadChangeApproved => Law {
                id: "lifecycle.event.lead_change_approved",
                clauses: &[C::C7_4],
                reading: Some("R15"),
                gloss: "the city approves the lead change",
            },
            EventKind::LeadChangeRefused => Law {
                id: "lifecycle.event.lead_change_refused",
                clauses: &[C::C7_4],
                reading: Some("R15"),
                gloss: "the city refuses the lead change",
            },
            EventKind::Dissolved => Law {
                id: "lifecycle.event.dissolved",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "the unit was dissolved during construction: released minus spent is recovered",
            },
            EventKind::Repaid => Law {
                id: "lifecycle.event.repaid",
                clauses: &[C::C7_2],
                reading: Some("R13"),
                gloss: "city finance records a repayment of money owed after a revocation",
            },
        }
    }

    /// The name of the [`Action`](super::Action) that causes this kind of
    /// event; `None` for the start (caused by the round) and the deadline
    /// (caused by the calendar).
    ///
    /// ```
    /// use skill_grants::lifecycle::EventKind;
    /// assert_eq!(EventKind::NotAccepted.action(), Some("Reject"));
    /// assert_eq!(EventKind::DeadlinePassed.action(), None);
    /// ```
    pub const fn action(self) -> Option<&'static str> {
        match self {
            EventKind::Started | EventKind::DeadlinePassed => None,
            EventKind::Paid => Some("Pay"),
            EventKind::ConstructionCompleted => Some("CompleteConstruction"),
            EventKind::Inspected => Some("Inspect"),
            EventKind::Evaluated => Some("Evaluate"),
            EventKind::Accepted => Some("Accept"),
            EventKind::NotAccepted => Some("Reject"),
            EventKind::FindingVerified => Some("VerifyFinding"),
            EventKind::Revoked => Some("Revoke"),
            EventKind::RenameRequested => Some("RequestRename"),
            EventKind::RenameApproved => Some("ApproveRename"),
            EventKind::RenameRefused => Some("RefuseRename"),
            EventKind::LeadChangeRequested => Some("RequestLeadChange"),
            EventKind::LeadChangeApproved => Some("ApproveLeadChange"),
            EventKind::LeadChangeRefused => Some("RefuseLeadChange"),
            EventKind::Dissolved => Some("Dissolve"),
            EventKind::Repaid => Some("RecordRepayment"),
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

/// What happened (事件内容). Amounts are computed by the crate and recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Change {
    /// The subsidy was released and the project started (5).
    Started {
        /// The start record.
        start: Box<ProjectStart>,
        /// The completion deadline of R10, computed from the policy.
        deadline: NaiveDate,
    },
    /// A payment from the project's account (6.1, 6.2, 7.1).
    Paid {
        /// What was spent.
        spend: Spend,
    },
    /// The unit declared construction complete before the deadline.
    ConstructionCompleted,
    /// The construction period ended (the day after the R10 deadline); no
    /// actor: the crate records it when the first command after the deadline
    /// arrives. A pending rename or lead change lapses.
    DeadlinePassed {
        /// The request that lapsed, if one was pending.
        lapsed: Option<EventKind>,
    },
    /// An inspection (7.2).
    Inspected {
        /// What it found.
        result: InspectionResult,
        /// The host's report reference.
        report: String,
    },
    /// A phased evaluation (7.2).
    Evaluated {
        /// The stage.
        stage: u32,
        /// What it found.
        rating: EvaluationRating,
        /// The host's report reference.
        report: String,
    },
    /// Acceptance passed (7.2).
    Accepted {
        /// Rated effective (3.4).
        rated_effective: bool,
    },
    /// Acceptance failed (7.2).
    NotAccepted,
    /// A verified finding of misconduct (7.2, R13).
    FindingVerified {
        /// What was found.
        misconduct: Misconduct,
        /// The host's reference.
        report: String,
    },
    /// The title was revoked and recovery of everything released ordered (7.2, R13).
    Revoked {
        /// Recovery ordered: every yuan released.
        recovery_ordered: Yuan,
        /// Returned from the account at once: its balance.
        returned_from_account: Yuan,
        /// Owed by the unit: what it had spent.
        owed: Yuan,
    },
    /// A rename was requested (7.3).
    RenameRequested {
        /// The new name.
        new_name: String,
        /// Why.
        cause: RenameCause,
    },
    /// The rename was approved: the project continues under the new name (7.3, R14).
    RenameApproved,
    /// The rename was refused (7.3).
    RenameRefused,
    /// A lead change was requested (7.4).
    LeadChangeRequested {
        /// The proposed lead.
        new_lead: StudioLead,
        /// Why.
        reason: LeadChangeReason,
    },
    /// The lead change was approved (7.4).
    LeadChangeApproved,
    /// The lead change was refused (7.4).
    LeadChangeRefused,
    /// The unit was dissolved during construction (7.3, R14).
    Dissolved {
        /// Recovered by city finance from the account: released − spent.
        returned_from_account: Yuan,
        /// Spent, to be handled under the asset rules.
        spent_for_asset_rules: Yuan,
    },
    /// City finance recorded a repayment of money owed (7.2, R13).
    Repaid {
        /// Repaid now.
        amount: Yuan,
    },
}

impl Change {
    /// The kind of this change.
    ///
    /// ```
    /// use skill_grants::lifecycle::{Change, EventKind};
    /// assert_eq!(Change::NotAccepted.kind(), EventKind::NotAccepted);
    /// ```
    pub const fn kind(&self) -> EventKind {
        match self {
            Change::Started { .. } => EventKind::Started,
            Change::Paid { .. } => EventKind::Paid,
            Change::ConstructionCompleted => EventKind::ConstructionCompleted,
            Change::DeadlinePassed { .. } => EventKind::DeadlinePassed,
            Change::Inspected { .. } => EventKind::Inspected,
            Change::Evaluated { .. } => EventKind::Evaluated,
            Change::Accepted { .. } => EventKind::Accepted,
            Change::NotAccepted => EventKind::NotAccepted,
            Change::FindingVerified { .. } => EventKind::FindingVerified,
            Change::Revoked { .. } => EventKind::Revoked,
            Change::RenameRequested { .. } => EventKind::RenameRequested,
            Change::RenameApproved => EventKind::RenameApproved,
            Change::RenameRefused => EventKind::RenameRefused,
            Change::LeadChangeRequested { .. } => EventKind::LeadChangeRequested,
            Change::LeadChangeApproved => EventKind::LeadChangeApproved,
            Change::LeadChangeRefused => EventKind::LeadChangeRefused,
            Change::Dissolved { .. } => EventKind::Dissolved,
            Change::Repaid { .. } => EventKind::Repaid,
        }
    }
}

/// One event of a project's log (事件): the project, the day, the role that
/// acted (`None` only for [`Change::DeadlinePassed`], which the calendar
/// decides), and what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The project it belongs to.
    pub project: ProjectId,
    /// The day it happened.
    pub on: NaiveDate,
    /// The role that acted.
    pub by: Option<Role>,
    /// What happened.
    pub change: Change,
}

impl Event {
    /// The kind of this event.
    pub const fn kind(&self) -> EventKind {
        self.change.kind()
    }

    /// The clause this event executes.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::ClauseId;
    /// use skill_grants::lifecycle::{Change, Event, Role};
    /// use skill_grants::domain::ProjectId;
    /// let e = Event { project: ProjectId::new("P"), on: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(), by: Some(Role::City), change: Change::NotAccepted };
    /// assert_eq!(e.clause(), ClauseId::C7_2);
    /// ```
    pub const fn clause(&self) -> ClauseId {
        self.kind().clause()
    }
}
