//! The response side of the line protocol: [`Response`], its
//! [`ErrorBody`], the round's [`StepDone`] and the registry's entries.

use chrono::NaiveDate;
use serde::Serialize;

use super::request::RequestId;
use super::text::{bounded, byte_prefix};
use crate::chain::{Head, Sealed};
use crate::clause::{Clause, ClauseId};
use crate::domain::{ApplicationId, ProjectId};
use crate::eligibility::Decision;
use crate::lang::Lang;
use crate::lifecycle::{Event, LifecycleError, Project, Status};
use crate::policy::Policy;
use crate::round::{FundedProject, NoticePeriod, Round, RoundOutcome, Stage, SubmissionReceipt};
use crate::rules::Rule;

/// What went wrong with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The line is not a request (not JSON, or not of the format).
    Malformed,
    /// The line is not UTF-8.
    NotUtf8,
    /// The line is longer than the host's limit; it was skipped unread.
    LineTooLong,
    /// No project of that id is open.
    UnknownProject,
    /// A project of that id is already open.
    ProjectExists,
    /// The start record does not fit the policy (2.2, 6.1, 1.2.2, …).
    StartRefused,
    /// The lifecycle refused the command; nothing changed.
    Refused,
    /// The stored log could not be replayed (never for a log this service kept).
    Replay,
    /// The application contradicts itself and was not decided.
    ApplicationRefused,
    /// No round of that year is held.
    UnknownRound,
    /// A round of that year is already held.
    RoundExists,
    /// The round refused the step (out of order, or a bad input); nothing changed.
    RoundRefused,
    /// A stored log or round does not verify; nothing was restored.
    RestoreRefused,
}

/// An error, with the clause it cites and its message in both languages.
/// A message quotes at most 40 characters of any text it refuses and is at
/// most about 400 characters long, whatever the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ErrorBody {
    /// What went wrong.
    pub code: ErrorCode,
    /// The clause cited, if any.
    pub clause: Option<ClauseId>,
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
}

impl ErrorBody {
    /// An error of `code` citing `clause`, its messages bounded.
    ///
    /// ```
    /// use skill_grants::service::{ErrorBody, ErrorCode};
    /// let e = ErrorBody::new(ErrorCode::Malformed, None, "坏", &"x".repeat(10_000));
    /// assert!(e.en.chars().count() <= 401);
    /// ```
    pub fn new(code: ErrorCode, clause: Option<ClauseId>, zh: &str, en: &str) -> ErrorBody {
        ErrorBody {
            code,
            clause,
            zh: bounded(zh),
            en: bounded(en),
        }
    }

    pub(super) fn lifecycle(code: ErrorCode, e: &LifecycleError) -> ErrorBody {
        ErrorBody::new(
            code,
            Some(e.clause()),
            &e.explain(Lang::Zh),
            &e.explain(Lang::En),
        )
    }
}

/// What a round step did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "step", rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepDone {
    /// The round is set up and open for lists.
    SetUp,
    /// The list was received.
    Submit {
        /// What was admitted and refused, with reasons.
        receipt: SubmissionReceipt,
    },
    /// Submissions are closed.
    CloseSubmissions,
    /// The city review is recorded, ranked and funded.
    Review,
    /// The public notice runs.
    StartNotice {
        /// Its first and last day.
        notice: NoticePeriod,
    },
    /// The objection is recorded.
    RecordObjection {
        /// Who moved up, if anyone.
        moved_up: Option<ApplicationId>,
    },
    /// The funds are released.
    Release {
        /// The funded projects: send each to `open_funded`.
        projects: Vec<FundedProject>,
    },
}

/// One clause of the registry, in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ClauseSummary {
    /// Our id.
    pub id: ClauseId,
    /// The Chinese heading.
    pub heading_zh: String,
    /// Whether the crate executes it.
    pub executed: bool,
}

impl ClauseSummary {
    pub(super) fn of(c: &Clause) -> ClauseSummary {
        ClauseSummary {
            id: c.id,
            heading_zh: c.heading_zh.to_owned(),
            executed: c.execution.is_executed(),
        }
    }
}

/// One clause of the registry in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ClauseEntry {
    /// Our id.
    pub id: ClauseId,
    /// The Chinese heading.
    pub heading_zh: String,
    /// The original text.
    pub text_zh: String,
    /// An English gloss (ours).
    pub gloss_en: String,
    /// Whether the crate executes it.
    pub executed: bool,
    /// Why not, or where it is recorded, when it is not executed.
    pub why: Option<String>,
    /// The same in Chinese (未执行的原因或记录位置).
    pub why_zh: Option<String>,
}

impl ClauseEntry {
    pub(super) fn of(c: &Clause) -> ClauseEntry {
        ClauseEntry {
            id: c.id,
            heading_zh: c.heading_zh.to_owned(),
            text_zh: c.text_zh.to_owned(),
            gloss_en: c.gloss_en.to_owned(),
            executed: c.execution.is_executed(),
            why: c.execution.why_en().map(str::to_owned),
            why_zh: c.execution.why_zh().map(str::to_owned),
        }
    }
}

/// One rule of the registry ([`crate::rules`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleEntry {
    /// The rule's stable id (`eligibility.construction_period`).
    pub id: String,
    /// The clauses it cites.
    pub clauses: Vec<ClauseId>,
    /// The reading it follows, if any (`"R6"`).
    pub reading: Option<String>,
    /// What it does, in English.
    pub summary: String,
}

impl RuleEntry {
    pub(super) fn of(r: &Rule) -> RuleEntry {
        RuleEntry {
            id: r.id.clone(),
            clauses: r.clauses.clone(),
            reading: r.reading.map(str::to_owned),
            summary: r.summary.clone(),
        }
    }
}

/// One response line, tagged by `"type"`: `line` is the request's line
/// number (from 1, every line counted), `id` the request's id or `null`.
/// An output only (its states are restored by replay, never deserialized).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Response {
    /// An eligibility decision (answers `check`).
    Decision {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// True when no finding failed.
        eligible: bool,
        /// The first date the unit could apply with the same facts, if any.
        eligible_from: Option<NaiveDate>,
        /// The decision: every finding with its clause.
        decision: Box<Decision>,
        /// The decision in words, in the language asked for.
        text: Option<String>,
    },
    /// A round step done (answers `round`).
    Round {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The round's year.
        year: i32,
        /// The stage the round is at now.
        stage: Stage,
        /// What the step did.
        done: Box<StepDone>,
    },
    /// A round's outcome (answers `run_round` and `round_outcome`).
    RoundOutcome {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The round's year.
        year: i32,
        /// The outcome; its `projects` are the funded entries for `open_funded`.
        outcome: Box<RoundOutcome>,
        /// The outcome in words, in the language asked for.
        text: Option<String>,
    },
    /// A round as the host stores it (answers `stored_round`).
    RoundStored {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The round's year.
        year: i32,
        /// The round: send it back in `restore_round` after a restart.
        round: Box<Round>,
    },
    /// A round restored (answers `restore_round`).
    RoundRestored {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The round's year.
        year: i32,
        /// Its stage.
        stage: Stage,
    },
    /// The events a request caused, already applied; store them in order
    /// (answers `open`, `open_funded`, `command`).
    Events {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
        /// The sealed events.
        events: Vec<Sealed<Event>>,
        /// The project's head after them: keep it apart from the log.
        head: Head,
    },
    /// A project's state (answers `state`).
    State {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
        /// Its status on the day asked (deadline taken into account), if it had started.
        status: Option<Status>,
        /// The project, if it had started by then.
        state: Option<Box<Project>>,
    },
    /// A project's whole log (answers `log`).
    Log {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
        /// The sealed log.
        events: Vec<Sealed<Event>>,
        /// Its head.
        head: Head,
    },
    /// A project restored from its log (answers `restore_project`).
    ProjectRestored {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
        /// Its head.
        head: Head,
        /// Its status on its last event's day.
        status: Status,
    },
    /// The service's policy (answers `policy`).
    Policy {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The policy, as a policy document.
        policy: Box<Policy>,
    },
    /// The clause registry (answers `clauses`).
    Clauses {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// Every clause, in the notice's order.
        clauses: Vec<ClauseSummary>,
    },
    /// One clause (answers `clause`).
    Clause {
        /// The request's line number.
        line: u64,
        /// The request's id.
        id: Option<RequestId>,
        /// The clause.
        clause: Box<ClauseEntry>,
        /// The rules that cite it.
        rules: Vec<RuleEntry>,
    },
    /// The request was refused or not understood; nothing changed.
    Error {
        /// The request's line number.
        line: u64,
        /// The request's id, when it could be read.
        id: Option<RequestId>,
        /// What went wrong.
        error: ErrorBody,
    },
}

impl Response {
    /// An error answer.
    pub(super) fn error(line: u64, id: Option<RequestId>, error: ErrorBody) -> Response {
        Response::Error { line, id, error }
    }

    /// The answer to a line that does not parse; `detail` is the parser's
    /// message (its quotes are cut to 40 characters).
    ///
    /// ```
    /// use skill_grants::service::{ErrorCode, Response};
    /// let r = Response::malformed(7, None, "expected value at line 1 column 1");
    /// assert!(matches!(r, Response::Error { line: 7, ref error, .. } if error.code == ErrorCode::Malformed));
    /// ```
    pub fn malformed(line: u64, id: Option<RequestId>, detail: impl std::fmt::Display) -> Response {
        Response::refused_line(line, id, ErrorCode::Malformed, detail)
    }

    pub(super) fn refused_line(
        line: u64,
        id: Option<RequestId>,
        code: ErrorCode,
        detail: impl std::fmt::Display,
    ) -> Response {
        let (zh, en) = match code {
            ErrorCode::RestoreRefused => (
                format!("第 {line} 行：存储的评审未通过校验，未恢复：{detail}"),
                format!(
                    "line {line}: the stored round does not verify; nothing restored: {detail}"
                ),
            ),
            _ => (
                format!("第 {line} 行不是有效的请求：{detail}"),
                format!("line {line} is not a valid request: {detail}"),
            ),
        };
        Response::error(line, id, ErrorBody::new(code, None, &zh, &en))
    }

    /// The answer to a line longer than the host's limit of `limit` bytes,
    /// skipped unread after `prefix` (its first bytes; at most 40 characters
    /// are quoted). `seen` is how many bytes the line had.
    ///
    /// ```
    /// use skill_grants::service::{ErrorCode, Response};
    /// let r = Response::line_too_long(3, 2_000_000, 1_048_576, &[b'{'; 200]);
    /// let Response::Error { error, .. } = r else { panic!() };
    /// assert_eq!(error.code, ErrorCode::LineTooLong);
    /// assert!(error.en.contains("2000000 bytes"), "{}", error.en);
    /// ```
    pub fn line_too_long(line: u64, seen: u64, limit: u64, prefix: &[u8]) -> Response {
        let quoted = byte_prefix(prefix);
        Response::error(
            line,
            None,
            ErrorBody::new(
                ErrorCode::LineTooLong,
                None,
                &format!("第 {line} 行共 {seen} 字节，超过上限 {limit} 字节，未读取：{quoted}"),
                &format!(
                    "line {line} has {seen} bytes, over the limit of {limit} bytes; skipped unread: {quoted}"
                ),
            ),
        )
    }

    /// The answer to a line that is not UTF-8: the first bad byte's offset.
    pub(super) fn not_utf8(line: u64, bytes: &[u8], valid_up_to: usize) -> Response {
        let quoted = byte_prefix(bytes);
        Response::error(
            line,
            None,
            ErrorBody::new(
                ErrorCode::NotUtf8,
                None,
                &format!("第 {line} 行不是 UTF-8 文本（第 {valid_up_to} 字节起）：{quoted}"),
                &format!("line {line} is not UTF-8 (from byte {valid_up_to}): {quoted}"),
            ),
        )
    }

    /// The line number this response answers.
    pub fn line(&self) -> u64 {
        match self {
            Response::Decision { line, .. }
            | Response::Round { line, .. }
            | Response::RoundOutcome { line, .. }
            | Response::RoundStored { line, .. }
            | Response::RoundRestored { line, .. }
            | Response::Events { line, .. }
            | Response::State { line, .. }
            | Response::Log { line, .. }
            | Response::ProjectRestored { line, .. }
            | Response::Policy { line, .. }
            | Response::Clauses { line, .. }
            | Response::Clause { line, .. }
            | Response::Error { line, .. } => *line,
        }
    }

    /// The id of the request this response answers, if it had one.
    pub fn id(&self) -> Option<&RequestId> {
        match self {
            Response::Decision { id, .. }
            | Response::Round { id, .. }
            | Response::RoundOutcome { id, .. }
            | Response::RoundStored { id, .. }
            | Response::RoundRestored { id, .. }
            | Response::Events { id, .. }
            | Response::State { id, .. }
            | Response::Log { id, .. }
            | Response::ProjectRestored { id, .. }
            | Response::Policy { id, .. }
            | Response::Clauses { id, .. }
            | Response::Clause { id, .. }
            | Response::Error { id, .. } => id.as_ref(),
        }
    }

    /// The error, if this is one.
    pub fn error_body(&self) -> Option<&ErrorBody> {
        match self {
            Response::Error { error, .. } => Some(error),
            _ => None,
        }
    }
}
