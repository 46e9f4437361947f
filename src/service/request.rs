//! The request side of the line protocol: [`Request`], its [`RequestId`],
//! the round's steps and the [`Format`] a host parses lines with.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::application::Application;
use crate::chain::{Head, Sealed};
use crate::clause::ClauseId;
use crate::date::HolidayCalendar;
use crate::domain::ProjectId;
use crate::lang::Lang;
use crate::lifecycle::{Command, Event, ProjectStart};
use crate::round::{CityReview, FundedProject, Objection, Recommendation, Round, RoundSetup};

/// The most characters a text request id may have.
pub const MAX_ID_CHARS: usize = 64;

/// A request's id, echoed by its response so that a client may pipeline:
/// a non-negative integer (`7`) or a text of at most 64 characters
/// (`"check-1"`). Anything else makes the line malformed.
///
/// ```
/// use skill_grants::service::RequestId;
/// let id: RequestId = serde_json::from_str("7").unwrap();
/// assert_eq!(id, RequestId::Number(7));
/// assert!(serde_json::from_str::<RequestId>(&format!("\"{}\"", "x".repeat(65))).is_err());
/// assert!(serde_json::from_str::<RequestId>("-1").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RequestId {
    /// An integer id.
    Number(u64),
    /// A text id (at most 64 characters).
    Text(String),
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestId::Number(n) => write!(f, "{n}"),
            RequestId::Text(s) => f.write_str(s),
        }
    }
}

impl Serialize for RequestId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RequestId::Number(n) => serializer.serialize_u64(*n),
            RequestId::Text(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for RequestId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = RequestId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a request id: a non-negative integer or a text of at most {MAX_ID_CHARS} characters"
                )
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RequestId, E> {
                Ok(RequestId::Number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RequestId, E> {
                u64::try_from(v)
                    .map(RequestId::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RequestId, E> {
                if v.chars().nth(MAX_ID_CHARS).is_some() {
                    return Err(E::invalid_length(v.chars().count(), &self));
                }
                Ok(RequestId::Text(v.to_owned()))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for RequestId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RequestId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A request id, echoed by the response: a non-negative integer or a text of at most 64 characters.",
            "anyOf": [
                {"type": "integer", "format": "uint64", "minimum": 0},
                {"type": "string", "maxLength": MAX_ID_CHARS}
            ]
        })
    }
}

/// How a host turns a line's text into a value: the crate parses no JSON
/// itself. With `serde_json`:
///
/// ```
/// use skill_grants::service::Format;
/// struct Json;
/// impl Format for Json {
///     type Error = serde_json::Error;
///     fn parse<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, Self::Error> {
///         serde_json::from_str(text)
///     }
/// }
/// let n: u8 = Json.parse("7").unwrap();
/// assert_eq!(n, 7);
/// ```
pub trait Format {
    /// The parser's error; its message is quoted, bounded, in the response.
    type Error: fmt::Display;

    /// Parses one line's text.
    ///
    /// # Errors
    ///
    /// When the text is not a `T` in this format.
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, Self::Error>;
}

/// What a line that is not a request still tells: its id and type, if they
/// read, so that the error echoes the id.
#[derive(Debug, Deserialize)]
pub(super) struct Probe {
    #[serde(default)]
    pub(super) id: Option<RequestId>,
    #[serde(default, rename = "type")]
    pub(super) kind: Option<String>,
}

/// One request line, tagged by `"type"`. Every request may carry an `id`
/// ([`RequestId`]) that its response echoes. See the [module docs](super)
/// for one complete example of each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Request {
    /// Decide an application's eligibility (1.2, 3.1–3.4, 4.2, 6.1);
    /// answered by `decision`.
    Check {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The application.
        application: Box<Application>,
        /// The language of the decision's text; no text when left out.
        #[serde(default)]
        lang: Option<Lang>,
    },
    /// One step of the round of a year (2.1, 4, 5); answered by `round`.
    Round {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The round's year (one round a year).
        year: i32,
        /// The step.
        step: Box<RoundStep>,
    },
    /// A whole round from one document: set-up, lists, review, notice,
    /// objections and release; answered by `round_outcome`. Nothing is kept
    /// when a step is refused.
    RunRound {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The round.
        run: Box<RoundRun>,
        /// The language of the outcome's text; no text when left out.
        #[serde(default)]
        lang: Option<Lang>,
    },
    /// The outcome of a year's round so far; answered by `round_outcome`.
    RoundOutcome {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The round's year.
        year: i32,
        /// The language of the outcome's text; no text when left out.
        #[serde(default)]
        lang: Option<Lang>,
    },
    /// The round as the host stores it; answered by `round_stored`.
    StoredRound {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The round's year.
        year: i32,
    },
    /// Restore a stored round after a restart; it is checked when read
    /// ([`crate::round::StoredRoundError`]). Answered by `round_restored`.
    RestoreRound {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The stored round, as `stored_round` gave it.
        round: Box<Round>,
    },
    /// Open a project from its start record; answered by `events`.
    Open {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The start record.
        start: Box<ProjectStart>,
    },
    /// Open a project from a released round's funded entry, exactly as the
    /// round's `projects` list it; answered by `events`.
    OpenFunded {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The funded project.
        funded: Box<FundedProject>,
    },
    /// Decide a command on an open project; answered by `events`.
    Command {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
        /// The command.
        command: Box<Command>,
    },
    /// The state of a project, now or at the end of a past day; answered by
    /// `state`.
    State {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
        /// The day; now when left out.
        #[serde(default)]
        on: Option<NaiveDate>,
    },
    /// A project's whole sealed log and its head, to store; answered by `log`.
    Log {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The project.
        project: ProjectId,
    },
    /// Restore a project from its stored sealed log (and the head kept apart
    /// from it), replayed and checked; answered by `project_restored`.
    RestoreProject {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The sealed log.
        log: Vec<Sealed<Event>>,
        /// The head kept apart from the log: detects truncation.
        #[serde(default)]
        head: Option<Head>,
    },
    /// The service's policy; answered by `policy`.
    Policy {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
    },
    /// The clause registry, one line per clause; answered by `clauses`.
    Clauses {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
    },
    /// One clause with its text and the rules that cite it; answered by
    /// `clause`.
    Clause {
        /// The request's id, echoed.
        #[serde(default)]
        id: Option<RequestId>,
        /// The clause, by id (`"3.3"`) or heading (`"三（三）"`).
        clause: ClauseId,
    },
}

impl Request {
    /// `check`: decide an application, with its text in `lang` if given.
    pub fn check(application: Application, lang: Option<Lang>) -> Request {
        Request::Check {
            id: None,
            application: Box::new(application),
            lang,
        }
    }

    /// `open`: open a project from its start record.
    pub fn open(start: ProjectStart) -> Request {
        Request::Open {
            id: None,
            start: Box::new(start),
        }
    }

    /// `open_funded`: open a project from a released round's funded entry.
    pub fn open_funded(funded: FundedProject) -> Request {
        Request::OpenFunded {
            id: None,
            funded: Box::new(funded),
        }
    }

    /// `command`: decide a command on a project.
    pub fn command(project: ProjectId, command: Command) -> Request {
        Request::Command {
            id: None,
            project,
            command: Box::new(command),
        }
    }

    /// `state`: a project now (`None`) or at the end of a day.
    pub fn state(project: ProjectId, on: Option<NaiveDate>) -> Request {
        Request::State {
            id: None,
            project,
            on,
        }
    }

    /// `restore_project`: a project from its stored log and head.
    pub fn restore_project(log: Vec<Sealed<Event>>, head: Option<Head>) -> Request {
        Request::RestoreProject {
            id: None,
            log,
            head,
        }
    }

    /// `restore_round`: a stored round.
    pub fn restore_round(round: Round) -> Request {
        Request::RestoreRound {
            id: None,
            round: Box::new(round),
        }
    }

    /// The same request carrying `id`, which its response echoes.
    ///
    /// ```
    /// use skill_grants::service::{Request, RequestId};
    /// let r = Request::state("2022-ST-01".into(), None).with_id(RequestId::Number(9));
    /// assert_eq!(r.id(), Some(&RequestId::Number(9)));
    /// ```
    #[must_use]
    pub fn with_id(mut self, new: RequestId) -> Request {
        match &mut self {
            Request::Check { id, .. }
            | Request::Round { id, .. }
            | Request::RunRound { id, .. }
            | Request::RoundOutcome { id, .. }
            | Request::StoredRound { id, .. }
            | Request::RestoreRound { id, .. }
            | Request::Open { id, .. }
            | Request::OpenFunded { id, .. }
            | Request::Command { id, .. }
            | Request::State { id, .. }
            | Request::Log { id, .. }
            | Request::RestoreProject { id, .. }
            | Request::Policy { id }
            | Request::Clauses { id }
            | Request::Clause { id, .. } => *id = Some(new),
        }
        self
    }

    /// The request's id, if it has one.
    ///
    /// ```
    /// use skill_grants::service::{Request, RequestId};
    /// let r: Request = serde_json::from_str(r#"{"type":"policy","id":"p"}"#).unwrap();
    /// assert_eq!(r.id(), Some(&RequestId::Text("p".into())));
    /// ```
    pub fn id(&self) -> Option<&RequestId> {
        match self {
            Request::Check { id, .. }
            | Request::Round { id, .. }
            | Request::RunRound { id, .. }
            | Request::RoundOutcome { id, .. }
            | Request::StoredRound { id, .. }
            | Request::RestoreRound { id, .. }
            | Request::Open { id, .. }
            | Request::OpenFunded { id, .. }
            | Request::Command { id, .. }
            | Request::State { id, .. }
            | Request::Log { id, .. }
            | Request::RestoreProject { id, .. }
            | Request::Policy { id }
            | Request::Clauses { id }
            | Request::Clause { id, .. } => id.as_ref(),
        }
    }
}

/// One step of a round, tagged by `"step"`, in the order
/// [`Round`]'s methods take them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RoundStep {
    /// [`Round::set_up`] under the service's policy.
    SetUp {
        /// The set-up.
        setup: RoundSetup,
    },
    /// [`Round::submit`].
    Submit {
        /// A recommender's list.
        recommendation: Recommendation,
    },
    /// [`Round::close_submissions`].
    CloseSubmissions,
    /// [`Round::review`].
    Review {
        /// The expert group and the scores.
        review: CityReview,
    },
    /// [`Round::start_notice`].
    StartNotice {
        /// The first day of the notice.
        starts_on: NaiveDate,
        /// The holidays and worked weekend days (R9).
        calendar: HolidayCalendar,
    },
    /// [`Round::record_objection`].
    RecordObjection {
        /// The objection.
        objection: Objection,
    },
    /// [`Round::release`].
    Release {
        /// The release date.
        on: NaiveDate,
    },
}

/// The notice of a whole round: its first day and the calendar (R9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoticeStart {
    /// The first day of the notice.
    pub starts_on: NaiveDate,
    /// The holidays and worked weekend days.
    pub calendar: HolidayCalendar,
}

/// A whole round in one document: every step's input, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundRun {
    /// The set-up (under the service's policy).
    pub setup: RoundSetup,
    /// The recommenders' lists, submitted in order.
    pub recommendations: Vec<Recommendation>,
    /// The city review.
    pub review: CityReview,
    /// The public notice.
    pub notice: NoticeStart,
    /// The objections, recorded in order.
    #[serde(default)]
    pub objections: Vec<Objection>,
    /// The release date.
    pub release_on: NaiveDate,
}
