//! The integrator's line protocol: requests in, responses out, one JSON
//! object per line (JSON lines), for the whole programme — eligibility, the
//! annual round, each project's life, restore after a restart, and the
//! policy and clause registry.
//!
//! The crate does no I/O and parses no JSON. A host reads a line of bytes
//! (at most its limit), hands it to [`Service::handle_line`] with a
//! [`Format`] (five lines around `serde_json`), and writes the [`Response`]
//! it gets, flushing after each one. `examples/integrate_json.rs` is such a
//! host; `clients/python/skill_grants_client.py` is a client in Python.
//!
//! # Example
//!
//! ```
//! use skill_grants::service::{ErrorCode, Format, Response, Service};
//! use skill_grants::Policy;
//!
//! struct Json;
//! impl Format for Json {
//!     type Error = serde_json::Error;
//!     fn parse<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, Self::Error> {
//!         serde_json::from_str(text)
//!     }
//! }
//!
//! let mut service = Service::new(Policy::ordos_2022());
//! let answer = service.handle_line(1, br#"{"type":"clause","id":1,"clause":"3.3"}"#, &Json);
//! assert!(matches!(answer, Some(Response::Clause { line: 1, .. })));
//! let answer = service.handle_line(2, b"{\"type\":\"clause\", oops", &Json);
//! assert!(matches!(answer, Some(Response::Error { line: 2, ref error, .. }) if error.code == ErrorCode::Malformed));
//! let answer = service.handle_line(3, b"\xff\xfe", &Json);
//! assert!(matches!(answer, Some(Response::Error { line: 3, ref error, .. }) if error.code == ErrorCode::NotUtf8));
//! assert_eq!(service.handle_line(4, b"  ", &Json), None); // a blank line is skipped
//! ```
//!
#![doc = include_str!("../../docs/protocol.md")]

mod request;
mod response;
mod rounds;
mod text;

use std::collections::BTreeMap;

use crate::chain::{Head, Sealed};
use crate::clause::{Clause, ClauseId};
use crate::domain::ProjectId;
use crate::lang::Lang;
use crate::lifecycle::{Event, Project, ProjectStart};
use crate::policy::Policy;
use crate::round::Round;
use crate::rules;

pub use request::{Format, MAX_ID_CHARS, NoticeStart, Request, RequestId, RoundRun, RoundStep};
pub use response::{
    ClauseEntry, ClauseSummary, ErrorBody, ErrorCode, Response, RuleEntry, StepDone,
};

use request::Probe;
use text::prefix;

/// The default limit of a line, in bytes (1 MiB), that a host should apply
/// before handing a line to [`Service::handle_line`].
pub const DEFAULT_MAX_LINE_BYTES: u64 = 1 << 20;

/// A service under one policy: the rounds it holds (one a year) and the
/// projects it has opened, each with its sealed log.
///
/// A real host keeps the logs and the stored rounds in its database and,
/// after a restart, sends them back with `restore_project` and
/// `restore_round`; this keeps them in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    policy: Policy,
    rounds: BTreeMap<i32, Round>,
    projects: BTreeMap<ProjectId, (Project, Vec<Sealed<Event>>)>,
}

impl Service {
    /// A service under a policy, with no round and no project.
    ///
    /// ```
    /// use skill_grants::service::Service;
    /// let service = Service::new(skill_grants::Policy::ordos_2022());
    /// assert_eq!(service.policy().id(), "ordos-2022-100");
    /// ```
    pub fn new(policy: Policy) -> Service {
        Service {
            policy,
            rounds: BTreeMap::new(),
            projects: BTreeMap::new(),
        }
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The stored log of a project.
    pub fn log(&self, project: &ProjectId) -> Option<&[Sealed<Event>]> {
        self.projects.get(project).map(|(_, log)| log.as_slice())
    }

    /// The round of a year, if held.
    pub fn round(&self, year: i32) -> Option<&Round> {
        self.rounds.get(&year)
    }

    /// Handles one line of bytes (number `line`, counted from 1 over every
    /// line, blank ones included; a trailing `\n` or `\r\n` is ignored):
    /// `None` for a blank line, otherwise exactly one response. A line that
    /// is not UTF-8 gets `not_utf8`; one that does not parse as a [`Request`]
    /// gets `malformed` (echoing its `id` when that much reads), or
    /// `restore_refused` for a `restore_round` whose round does not verify.
    /// Nothing changes on an error. The host enforces its length limit before
    /// (see [`Response::line_too_long`]).
    pub fn handle_line<F: Format>(
        &mut self,
        line: u64,
        bytes: &[u8],
        format: &F,
    ) -> Option<Response> {
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => return Some(Response::not_utf8(line, bytes, e.valid_up_to())),
        };
        if text.trim().is_empty() {
            return None;
        }
        match format.parse::<Request>(text) {
            Ok(request) => Some(self.handle(line, request)),
            Err(e) => {
                let probe = format.parse::<Probe>(text).ok();
                let (id, kind) = match probe {
                    Some(p) => (p.id, p.kind),
                    None => (None, None),
                };
                let code = match kind.as_deref() {
                    Some("restore_round") => ErrorCode::RestoreRefused,
                    _ => ErrorCode::Malformed,
                };
                Some(Response::refused_line(line, id, code, e))
            }
        }
    }

    /// Handles one request (line number `line`) and answers it; a refused
    /// request changes nothing.
    pub fn handle(&mut self, line: u64, request: Request) -> Response {
        match request {
            Request::Check {
                id,
                application,
                lang,
            } => rounds::check(&self.policy, line, id, &application, lang),
            Request::Round { id, year, step } => {
                rounds::step(&self.policy, &mut self.rounds, line, id, year, *step)
            }
            Request::RunRound { id, run, lang } => {
                rounds::run(&self.policy, &mut self.rounds, line, id, *run, lang)
            }
            Request::RoundOutcome { id, year, lang } => {
                rounds::outcome(&self.rounds, line, id, year, lang)
            }
            Request::StoredRound { id, year } => match self.rounds.get(&year) {
                Some(round) => Response::RoundStored {
                    line,
                    id,
                    year,
                    round: Box::new(round.clone()),
                },
                None => rounds::unknown(line, id, year),
            },
            Request::RestoreRound { id, round } => {
                rounds::restore(&self.policy, &mut self.rounds, line, id, *round)
            }
            Request::Open { id, start } => self.open(line, id, *start),
            Request::OpenFunded { id, funded } => self.open(line, id, funded.project_start()),
            Request::Command {
                id,
                project,
                command,
            } => {
                let Some((state, log)) = self.projects.get_mut(&project) else {
                    return unknown(line, id, &project);
                };
                match state.execute(&command) {
                    Ok(events) => {
                        log.extend(events.iter().cloned());
                        Response::Events {
                            line,
                            id,
                            project,
                            events,
                            head: state.head(),
                        }
                    }
                    Err(e) => {
                        Response::error(line, id, ErrorBody::lifecycle(ErrorCode::Refused, &e))
                    }
                }
            }
            Request::State { id, project, on } => self.state(line, id, project, on),
            Request::Log { id, project } => match self.projects.get(&project) {
                Some((state, log)) => Response::Log {
                    line,
                    id,
                    head: state.head(),
                    project,
                    events: log.clone(),
                },
                None => unknown(line, id, &project),
            },
            Request::RestoreProject { id, log, head } => self.restore_project(line, id, log, head),
            Request::Policy { id } => Response::Policy {
                line,
                id,
                policy: Box::new(self.policy.clone()),
            },
            Request::Clauses { id } => Response::Clauses {
                line,
                id,
                clauses: Clause::all().iter().map(ClauseSummary::of).collect(),
            },
            Request::Clause { id, clause } => clause_entry(line, id, clause),
        }
    }

    fn open(&mut self, line: u64, id: Option<RequestId>, start: ProjectStart) -> Response {
        if self.projects.contains_key(&start.project) {
            return project_exists(line, id, &start.project);
        }
        match Project::open(start, &self.policy) {
            Ok((project, event)) => {
                let project_id = project.id().clone();
                let head = project.head();
                let events = vec![event];
                self.projects
                    .insert(project_id.clone(), (project, events.clone()));
                Response::Events {
                    line,
                    id,
                    project: project_id,
                    events,
                    head,
                }
            }
            Err(e) => Response::error(line, id, ErrorBody::lifecycle(ErrorCode::StartRefused, &e)),
        }
    }

    fn state(
        &self,
        line: u64,
        id: Option<RequestId>,
        project: ProjectId,
        on: Option<chrono::NaiveDate>,
    ) -> Response {
        let Some((state, log)) = self.projects.get(&project) else {
            return unknown(line, id, &project);
        };
        let found = match on {
            None => Ok(Some(state.clone())),
            Some(date) => Project::state_on(log, &self.policy, date),
        };
        match found {
            Ok(p) => Response::State {
                line,
                id,
                status: p
                    .as_ref()
                    .map(|p| p.status_on(on.unwrap_or(p.last_event_on()))),
                project,
                state: p.map(Box::new),
            },
            Err(e) => Response::error(
                line,
                id,
                ErrorBody::new(
                    ErrorCode::Replay,
                    Some(e.reason.clause()),
                    &format!("存储的日志无法重放：{}", e.explain(Lang::Zh)),
                    &format!("the stored log cannot be replayed: {}", e.explain(Lang::En)),
                ),
            ),
        }
    }

    fn restore_project(
        &mut self,
        line: u64,
        id: Option<RequestId>,
        log: Vec<Sealed<Event>>,
        head: Option<Head>,
    ) -> Response {
        let project = match Project::replay(&log, &self.policy, head.as_ref()) {
            Ok(p) => p,
            Err(e) => {
                return Response::error(
                    line,
                    id,
                    ErrorBody::new(
                        ErrorCode::RestoreRefused,
                        Some(e.reason.clause()),
                        &format!("存储的日志未通过校验，未恢复：{}", e.explain(Lang::Zh)),
                        &format!(
                            "the stored log does not verify; nothing restored: {}",
                            e.explain(Lang::En)
                        ),
                    ),
                );
            }
        };
        let project_id = project.id().clone();
        if self.projects.contains_key(&project_id) {
            return project_exists(line, id, &project_id);
        }
        let head = project.head();
        let status = project.status_on(project.last_event_on());
        self.projects.insert(project_id.clone(), (project, log));
        Response::ProjectRestored {
            line,
            id,
            project: project_id,
            head,
            status,
        }
    }
}

fn clause_entry(line: u64, id: Option<RequestId>, clause: ClauseId) -> Response {
    Response::Clause {
        line,
        id,
        clause: Box::new(ClauseEntry::of(clause.clause())),
        rules: rules::for_clause(clause).map(RuleEntry::of).collect(),
    }
}

/// The answer to opening or restoring a project the service already holds.
fn project_exists(line: u64, id: Option<RequestId>, project: &ProjectId) -> Response {
    let p = prefix(project.as_str());
    Response::error(
        line,
        id,
        ErrorBody::new(
            ErrorCode::ProjectExists,
            None,
            &format!("项目 {p} 已开立"),
            &format!("project {p} is already open"),
        ),
    )
}

fn unknown(line: u64, id: Option<RequestId>, project: &ProjectId) -> Response {
    let p = prefix(project.as_str());
    Response::error(
        line,
        id,
        ErrorBody::new(
            ErrorCode::UnknownProject,
            None,
            &format!("项目 {p} 未开立"),
            &format!("no project {p} is open"),
        ),
    )
}
