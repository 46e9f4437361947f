//! The state of a project (项目状态).

use serde::{Deserialize, Serialize};

use crate::clause::{ClauseId, Law};
use crate::lang::Lang;

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

    /// Where this state stands in the law: its id (`lifecycle.status.<id>`),
    /// the clauses that define it, the reading it follows, and a gloss.
    ///
    /// The registry ([`crate::rules`]) has no rule per state: the
    /// transitions (`lifecycle.transition.<from>.<event>`) cite the law of
    /// their events; this is the state's own reference, for display.
    ///
    /// ```
    /// use skill_grants::clause::ClauseId;
    /// use skill_grants::lifecycle::Status;
    /// let law = Status::PendingLeadChange.law();
    /// assert_eq!(law.id, "lifecycle.status.pending_lead_change");
    /// assert_eq!(law.clauses, &[ClauseId::C7_4]);
    /// assert_eq!(law.reading, Some("R15"));
    /// ```
    pub const fn law(self) -> Law {
        use ClauseId as C;
        match self {
            Status::UnderConstruction => Law {
                id: "lifecycle.status.under_construction",
                clauses: &[C::C6_1, C::C6_2],
                reading: Some("R10"),
                gloss: "from the release through the deadline: 24 months for a base, 12 for a studio",
            },
            Status::PendingRename => Law {
                id: "lifecycle.status.pending_rename",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "a base's rename awaits the city's approval; no spending meanwhile",
            },
            Status::PendingLeadChange => Law {
                id: "lifecycle.status.pending_lead_change",
                clauses: &[C::C7_4],
                reading: Some("R15"),
                gloss: "a studio's lead change awaits the city's approval; no spending meanwhile",
            },
            Status::AwaitingAcceptance => Law {
                id: "lifecycle.status.awaiting_acceptance",
                clauses: &[C::C6_1, C::C6_2, C::C7_2],
                reading: Some("R10"),
                gloss: "construction is over (declared or past the deadline); acceptance is due",
            },
            Status::Accepted => Law {
                id: "lifecycle.status.accepted",
                clauses: &[C::C7_2],
                reading: None,
                gloss: "acceptance passed: announced, plaque awarded",
            },
            Status::NotAccepted => Law {
                id: "lifecycle.status.not_accepted",
                clauses: &[C::C7_2],
                reading: None,
                gloss: "acceptance failed",
            },
            Status::Revoked => Law {
                id: "lifecycle.status.revoked",
                clauses: &[C::C7_2],
                reading: Some("R13"),
                gloss: "title revoked, every yuan released to be recovered; only repayments follow",
            },
            Status::Dissolved => Law {
                id: "lifecycle.status.dissolved",
                clauses: &[C::C7_3],
                reading: Some("R14"),
                gloss: "the unit was dissolved during construction; released minus spent recovered",
            },
        }
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
