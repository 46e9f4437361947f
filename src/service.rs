//! The integrator's line protocol: requests in, responses out, one JSON
//! object per line (JSON lines). The crate does no I/O and parses no JSON;
//! the host reads a line, parses it into a [`Request`] (with `serde_json` or
//! any serde format), hands it to a [`Service`], and writes the
//! [`Response`]. A line that does not parse gets [`Response::malformed`], and
//! the stream goes on. `examples/integrate_json.rs` is such a host in
//! thirty lines.
//!
//! ## The line format
//!
//! Every request is an object tagged by `"type"`:
//!
//! | `type` | fields | what it does |
//! |---|---|---|
//! | `open` | `start`: a [`ProjectStart`] (what a released round gives, [`crate::round::FundedProject::project_start`]) | opens the project; answers `events` with its `started` event |
//! | `command` | `project`: the id; `command`: a [`Command`] (`by`, `on`, `action`) | decides the command; answers `events` (applied) or `error` (nothing changed) |
//! | `state` | `project`; optional `on`: a date | answers `state`: the project now, or as it stood at the end of `on` |
//!
//! Every response is an object tagged by `"type"` and carries `line`, the
//! 1-based line number of the request it answers:
//!
//! | `type` | fields |
//! |---|---|
//! | `events` | `project`, `events`: the [`Event`]s to store, in order |
//! | `state` | `project`, `status`, `state`: a [`Project`], or `null` if it had not started by `on` |
//! | `error` | `error`: an [`ErrorBody`] — a `code`, the `clause` cited (if any), and the message in Chinese and English |
//!
//! ```text
//! → {"type":"open","start":{"project":"2022-ST-01", … }}
//! ← {"type":"events","line":1,"project":"2022-ST-01","events":[{"project":"2022-ST-01","on":"2022-09-20","by":"city","change":{"event":"started", … }}]}
//! → {"type":"command","project":"2022-ST-01","command":{"by":{"unit":"U-047"},"on":"2023-01-05","action":{"action":"pay","spend":{"category":"travel","amount":"800.00"}}}}
//! ← {"type":"error","line":2,"error":{"code":"refused","clause":"6.2","zh":"〔六（二）〕建设项目资金不得用于差旅费","en":"[6.2] …"}}
//! → {"type":"command", oops
//! ← {"type":"error","line":3,"error":{"code":"malformed","clause":null,"zh":"…","en":"…"}}
//! ```
//!
//! The JSON Schema of both sides is `schema/request.json` and
//! `schema/response.json` (feature `schema`).
//!
//! ```
//! use skill_grants::service::{ErrorCode, Request, Response, Service};
//! use skill_grants::Policy;
//!
//! let round = skill_grants::sample::round_2022()?;
//! let start = round.projects()[0].project_start();
//! let mut service = Service::new(Policy::ordos_2022());
//! let opened = service.handle(1, Request::Open { start: start.clone() });
//! assert!(matches!(opened, Response::Events { .. }));
//! let again = service.handle(2, Request::Open { start });
//! assert!(matches!(again, Response::Error { ref error, .. } if error.code == ErrorCode::ProjectExists));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::chain::Sealed;
use crate::clause::ClauseId;
use crate::domain::ProjectId;
use crate::lang::Lang;
use crate::lifecycle::{Command, Event, LifecycleError, Project, ProjectStart, Status};
use crate::policy::Policy;

/// One request line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Request {
    /// Open a project from a released round's start record.
    Open {
        /// The start record.
        start: ProjectStart,
    },
    /// Decide a command on an open project.
    Command {
        /// The project.
        project: ProjectId,
        /// The command.
        command: Command,
    },
    /// The state of a project, now or at the end of a past day.
    State {
        /// The project.
        project: ProjectId,
        /// The day; `None` for now.
        #[serde(default)]
        on: Option<NaiveDate>,
    },
}

/// What went wrong with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The line is not a request (not JSON, or not of the format).
    Malformed,
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
}

/// An error, with the clause it cites and its message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    fn lifecycle(code: ErrorCode, e: &LifecycleError) -> ErrorBody {
        ErrorBody {
            code,
            clause: Some(e.clause()),
            zh: e.explain(Lang::Zh),
            en: e.explain(Lang::En),
        }
    }

    fn plain(code: ErrorCode, zh: String, en: String) -> ErrorBody {
        ErrorBody {
            code,
            clause: None,
            zh,
            en,
        }
    }
}

/// One response line; `line` is the request's line number. An output only (its
/// state is a [`Project`], restored through replay, never deserialized).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Response {
    /// The events the request caused, already applied; store them in order.
    Events {
        /// The request's line number.
        line: u64,
        /// The project.
        project: ProjectId,
        /// The events.
        events: Vec<Sealed<Event>>,
    },
    /// A project's state.
    State {
        /// The request's line number.
        line: u64,
        /// The project.
        project: ProjectId,
        /// Its status on the day asked (deadline taken into account), if it had started.
        status: Option<Status>,
        /// The project, if it had started by then.
        state: Option<Box<Project>>,
    },
    /// The request was refused or not understood; nothing changed.
    Error {
        /// The request's line number.
        line: u64,
        /// What went wrong.
        error: ErrorBody,
    },
}

impl Response {
    /// The answer to a line that does not parse; `detail` is the parser's message.
    ///
    /// ```
    /// use skill_grants::service::{ErrorCode, Response};
    /// let r = Response::malformed(7, "expected value at line 1 column 1");
    /// assert!(matches!(r, Response::Error { line: 7, ref error } if error.code == ErrorCode::Malformed));
    /// ```
    pub fn malformed(line: u64, detail: impl std::fmt::Display) -> Response {
        Response::Error {
            line,
            error: ErrorBody::plain(
                ErrorCode::Malformed,
                format!("第 {line} 行不是有效的请求：{detail}"),
                format!("line {line} is not a valid request: {detail}"),
            ),
        }
    }

    /// The line number this response answers.
    pub fn line(&self) -> u64 {
        match self {
            Response::Events { line, .. }
            | Response::State { line, .. }
            | Response::Error { line, .. } => *line,
        }
    }
}

/// The projects a host has opened, each with its stored log.
///
/// A real host keeps the logs in its database and rebuilds a project with
/// [`Project::replay`]; this keeps them in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    policy: Policy,
    projects: BTreeMap<ProjectId, (Project, Vec<Sealed<Event>>)>,
}

impl Service {
    /// A service under a policy, with no project open.
    pub fn new(policy: Policy) -> Service {
        Service {
            policy,
            projects: BTreeMap::new(),
        }
    }

    /// The stored log of a project.
    pub fn log(&self, project: &ProjectId) -> Option<&[Sealed<Event>]> {
        self.projects.get(project).map(|(_, log)| log.as_slice())
    }

    /// Handles one request (line number `line`) and answers it.
    pub fn handle(&mut self, line: u64, request: Request) -> Response {
        match request {
            Request::Open { start } => {
                if self.projects.contains_key(&start.project) {
                    return Response::Error {
                        line,
                        error: ErrorBody::plain(
                            ErrorCode::ProjectExists,
                            format!("项目 {} 已开立", start.project),
                            format!("project {} is already open", start.project),
                        ),
                    };
                }
                match Project::open(start, &self.policy) {
                    Ok((project, event)) => {
                        let id = project.id().clone();
                        let events = vec![event];
                        self.projects.insert(id.clone(), (project, events.clone()));
                        Response::Events {
                            line,
                            project: id,
                            events,
                        }
                    }
                    Err(e) => Response::Error {
                        line,
                        error: ErrorBody::lifecycle(ErrorCode::StartRefused, &e),
                    },
                }
            }
            Request::Command { project, command } => {
                let Some((state, log)) = self.projects.get_mut(&project) else {
                    return unknown(line, &project);
                };
                match state.execute(&command) {
                    Ok(events) => {
                        log.extend(events.iter().cloned());
                        Response::Events {
                            line,
                            project,
                            events,
                        }
                    }
                    Err(e) => Response::Error {
                        line,
                        error: ErrorBody::lifecycle(ErrorCode::Refused, &e),
                    },
                }
            }
            Request::State { project, on } => {
                let Some((state, log)) = self.projects.get(&project) else {
                    return unknown(line, &project);
                };
                let found = match on {
                    None => Ok(Some(state.clone())),
                    Some(date) => Project::state_on(log, &self.policy, date),
                };
                match found {
                    Ok(p) => Response::State {
                        line,
                        status: p
                            .as_ref()
                            .map(|p| p.status_on(on.unwrap_or(p.last_event_on()))),
                        project,
                        state: p.map(Box::new),
                    },
                    Err(e) => Response::Error {
                        line,
                        error: ErrorBody {
                            code: ErrorCode::Replay,
                            clause: Some(e.reason.clause()),
                            zh: e.to_string(),
                            en: e.to_string(),
                        },
                    },
                }
            }
        }
    }
}

fn unknown(line: u64, project: &ProjectId) -> Response {
    Response::Error {
        line,
        error: ErrorBody::plain(
            ErrorCode::UnknownProject,
            format!("项目 {project} 未开立"),
            format!("no project {project} is open"),
        ),
    }
}
