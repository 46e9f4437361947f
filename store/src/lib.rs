//! An event store for `skill-grants`: each project's sealed log and each
//! round, kept in a database, tamper-evident and safe for two clerks acting
//! on the same project at once.
//!
//! The library (`skill_grants`) is pure: it seals every event of a project
//! into a SHA-256 chain ([`skill_grants::chain`]) and replays a log against
//! the head a host keeps apart. This crate is that host's storage:
//!
//! - **One interface, [`EventStore`]** (a trait), with two back ends:
//!   [`SqliteStore`] (embedded, the default: a file or in memory) and
//!   `PgStore` (PostgreSQL, cargo feature `postgres`). The same test suite
//!   runs over both.
//! - **Append with an expected sequence** ([`EventStore::append`]): the
//!   writer says where it last saw the log (0 for a new project); if another
//!   writer appended first the append fails with [`StoreError::Conflict`] and
//!   writes nothing. The check is the database's, in one transaction: the
//!   head row is read under a write lock and moved only from the expected
//!   sequence, and `(project, seq)` is the events' primary key. A batch is
//!   one transaction.
//! - **Heads apart from logs**: each project's head (sequence and hash of the
//!   last record) has its own row, moved in the same transaction as the
//!   events. Every load verifies the log against it
//!   ([`skill_grants::chain::verify_against`]): a changed, removed, added or
//!   reordered row is refused with [`StoreError::Tampered`], naming the
//!   record's position and sequence number.
//! - **Rounds at any stage** ([`EventStore::save_round`],
//!   [`EventStore::load_round`]): stored as their serde form and read back
//!   through the library's checked record, so a stored round that breaks
//!   the law is refused, naming the field.
//! - **Schema migrations** are embedded in the crate, versioned, and applied
//!   when a store is opened ([`SCHEMA_VERSION`]); a database newer than the
//!   crate is refused ([`StoreError::SchemaTooNew`]).
//!
//! ```
//! use skill_grants::lifecycle::{Action, Actor, Command, SpecialtyIndex, Spend, SpendingCategory};
//! use skill_grants::{sample, NaiveDate, Yuan};
//! use skill_grants_store::{EventStore, SqliteStore, StoreError};
//!
//! let round = sample::round_2022()?;
//! let policy = round.policy();
//! let start = round.projects()[0].project_start(); // a training base
//! let id = start.project.clone();
//! let unit = Actor::Unit(start.unit.clone());
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! store.save_round("2022", &round)?;
//! let (project, head) = store.open_project(start, policy)?;
//! assert_eq!(head.seq, 1);
//!
//! // Two clerks decide on the same state; the second append is refused.
//! let pay = |yuan| Command::new(unit.clone(), NaiveDate::from_ymd_opt(2023, 3, 1).unwrap(), Action::Pay {
//!     spend: Spend::base(SpendingCategory::TrainingEquipment, Yuan::from_yuan(yuan), SpecialtyIndex(0)),
//! });
//! let first = project.decide(&pay(150_000))?;
//! let second = project.decide(&pay(120_000))?;
//! store.append(&id, project.head().seq, &first)?;
//! let err = store.append(&id, project.head().seq, &second).unwrap_err();
//! assert!(matches!(err, StoreError::Conflict { expected: 1, actual: 2, .. }));
//!
//! // Loading verifies the chain against the head and replays every event.
//! let loaded = store.load_project(&id, policy)?;
//! assert_eq!(loaded.ledger().spent, Yuan::from_yuan(150_000));
//! assert_eq!(store.load_round("2022")?, Some(round));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Durability
//!
//! SQLite files are opened in WAL mode with `synchronous = FULL`: an append
//! that returned `Ok` has been written to the log file and synced, so it
//! survives the process being killed (tested with `SIGKILL`) and a power
//! loss. PostgreSQL commits with its own settings (`synchronous_commit`
//! on by default).
//!
//! ## What is not protected
//!
//! As the chain's own docs say: someone who can write both a log and its
//! head row can rewrite both consistently. Keep a copy of the heads
//! elsewhere (another database, a signed or published list) if that
//! matters, and compare. Rounds carry no chain: they are checked against
//! the law when read, not against tampering; the last save of a key wins.

mod codec;
mod error;
mod migrations;
#[cfg(feature = "postgres")]
mod pg;
mod sqlite;

pub use error::StoreError;
pub use migrations::SCHEMA_VERSION;
#[cfg(feature = "postgres")]
pub use pg::PgStore;
pub use sqlite::SqliteStore;

use skill_grants::chain::{Head, Sealed, VerifiedLog};
use skill_grants::domain::ProjectId;
use skill_grants::lifecycle::{Command, Event, Project, ProjectStart, ReplayError, ReplayReason};
use skill_grants::policy::Policy;
use skill_grants::round::Round;

/// The one store interface, over SQLite ([`SqliteStore`]) and PostgreSQL
/// (`PgStore`, feature `postgres`).
///
/// A trait rather than one type over a back-end enum: a host that uses one
/// database compiles only its client, and a test suite is one generic
/// function over `S: EventStore`. The methods take `&mut self` (a store is
/// one database connection); open one store per thread.
///
/// Required methods are the back end's; the provided ones
/// ([`EventStore::read_log`], [`EventStore::read_verified`], [`EventStore::load_project`],
/// [`EventStore::open_project`], [`EventStore::execute`]) are built on them
/// and behave alike on every back end.
pub trait EventStore {
    /// Appends sealed records to a project's log, if the log is at
    /// `expected` (the sequence number the writer last saw; 0 for a new
    /// project): the records, and the moved head, in one transaction.
    /// Returns the new head. An empty batch writes nothing and returns the
    /// head, after the same check.
    ///
    /// ```
    /// use skill_grants::chain::Head;
    /// use skill_grants::lifecycle::Project;
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let round = skill_grants::sample::round_2022()?;
    /// let (project, started) = Project::open(round.projects()[0].project_start(), round.policy())?;
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let head = store.append(project.id(), 0, &[started.clone()])?;
    /// assert_eq!(head, project.head());
    /// // The same first event again: the log is no longer at seq 0.
    /// assert!(store.append(project.id(), 0, &[started]).unwrap_err().is_conflict());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Nothing is written on any error. [`StoreError::Conflict`] when the
    /// stored log is not at `expected`; [`StoreError::NotChained`] when the
    /// records do not follow the stored head (their first sequence number,
    /// `prev` or hashes); [`StoreError::WrongProject`] for another project's
    /// event; [`StoreError::Encoding`], [`StoreError::SeqRange`]; the
    /// database's error ([`StoreError::Sqlite`], `StoreError::Postgres`).
    fn append(
        &mut self,
        project: &ProjectId,
        expected: u64,
        records: &[Sealed<Event>],
    ) -> Result<Head, StoreError>;

    /// The stored head of a project's log, if the project has one.
    ///
    /// ```
    /// use skill_grants::lifecycle::Project;
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let round = skill_grants::sample::round_2022()?;
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let start = round.projects()[0].project_start();
    /// assert_eq!(store.head(&start.project)?, None);
    /// let (project, _) = store.open_project(start, round.policy())?;
    /// assert_eq!(store.head(project.id())?, Some(project.head()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`StoreError::CorruptHead`]; the database's error.
    fn head(&mut self, project: &ProjectId) -> Result<Option<Head>, StoreError>;

    /// The stored rows of a project's log, in sequence order, and its stored
    /// head (the genesis head if the head row is missing), **not verified**:
    /// use [`EventStore::read_log`] or [`EventStore::load_project`], which
    /// verify. For tools that show a broken log.
    ///
    /// ```
    /// use skill_grants::domain::ProjectId;
    /// use skill_grants_store::{EventStore, SqliteStore, StoreError};
    ///
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let err = store.read_unverified(&ProjectId::new("2022-TB-99")).unwrap_err();
    /// assert!(matches!(err, StoreError::UnknownProject { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`StoreError::UnknownProject`] when there is neither a head nor a row;
    /// [`StoreError::Corrupt`] for a row that cannot be read as a sealed
    /// event (naming its position); [`StoreError::CorruptHead`]; the
    /// database's error.
    fn read_unverified(
        &mut self,
        project: &ProjectId,
    ) -> Result<(Vec<Sealed<Event>>, Head), StoreError>;

    /// Every project with a log, in id order.
    ///
    /// ```
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let round = skill_grants::sample::round_2022()?;
    /// let mut store = SqliteStore::open_in_memory()?;
    /// for funded in round.projects().iter().rev() {
    ///     store.open_project(funded.project_start(), round.policy())?;
    /// }
    /// let ids = store.projects()?;
    /// assert_eq!(ids.len(), round.projects().len());
    /// assert!(ids.windows(2).all(|w| w[0] < w[1]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The database's error.
    fn projects(&mut self) -> Result<Vec<ProjectId>, StoreError>;

    /// Saves a round at any stage under the host's key, replacing what the
    /// key held.
    ///
    /// ```
    /// use skill_grants::round::Stage;
    /// use skill_grants::{sample, Policy, Round};
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let open = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022())?;
    /// store.save_round("2022", &open)?;
    /// assert_eq!(store.load_round("2022")?.map(|r| r.stage()), Some(Stage::Open));
    /// store.save_round("2022", &sample::round_2022()?)?; // later, released: replaces it
    /// assert_eq!(store.load_round("2022")?.map(|r| r.stage()), Some(Stage::Final));
    /// assert_eq!(store.rounds()?, ["2022"]);
    /// assert_eq!(store.load_round("2023")?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`StoreError::Round`] when it cannot be encoded; the database's error.
    fn save_round(&mut self, key: &str, round: &Round) -> Result<(), StoreError>;

    /// The round saved under `key`, checked as the library checks a stored
    /// round (set-up, lists, stage, invariants), or `None`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Round`] naming the field the checks refuse; the
    /// database's error.
    fn load_round(&mut self, key: &str) -> Result<Option<Round>, StoreError>;

    /// The keys of the stored rounds, in order.
    ///
    /// # Errors
    ///
    /// The database's error.
    fn rounds(&mut self) -> Result<Vec<String>, StoreError>;

    /// A project's log, verified against its stored head: a changed,
    /// removed, added or reordered row is refused.
    ///
    /// ```
    /// use skill_grants::lifecycle::Project;
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let round = skill_grants::sample::round_2022()?;
    /// let (project, started) = Project::open(round.projects()[0].project_start(), round.policy())?;
    /// let mut store = SqliteStore::open_in_memory()?;
    /// store.append(project.id(), 0, &[started.clone()])?;
    /// assert_eq!(store.read_log(project.id())?, vec![started]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`EventStore::read_unverified`]; [`StoreError::Tampered`] with the
    /// chain's error (the record's position and sequence number, or
    /// truncation, extension, rewrite against the head).
    fn read_log(&mut self, project: &ProjectId) -> Result<Vec<Sealed<Event>>, StoreError> {
        self.read_verified(project).map(VerifiedLog::into_records)
    }

    /// A project's log, verified against its stored head, with the proof
    /// that it was ([`VerifiedLog`]): a host that holds it replays it, or
    /// asks for its state on many dates ([`Project::state_on_verified`]),
    /// without hashing it again. [`EventStore::read_log`] is this without
    /// the proof.
    ///
    /// ```
    /// use skill_grants::lifecycle::Project;
    /// use skill_grants::NaiveDate;
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let run = skill_grants::sample::annual_round_2022()?;
    /// let policy = skill_grants::Policy::ordos_2022();
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let p = &run.projects[0];
    /// store.append(p.project.id(), 0, &p.log)?;
    /// let log = store.read_verified(p.project.id())?; // hashed once, here
    /// assert_eq!(log.head(), p.project.head());
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let verified = log.as_verified();
    /// // Before the release: not started; long after: as the project stands.
    /// assert_eq!(Project::state_on_verified(&verified, &policy, day(2022, 1, 1))?, None);
    /// assert_eq!(Project::state_on_verified(&verified, &policy, day(2030, 1, 1))?.as_ref(), Some(&p.project));
    /// let on_2023 = Project::state_on_verified(&verified, &policy, day(2023, 1, 1))?;
    /// assert!(on_2023.is_some_and(|s| s.ledger().spent <= p.project.ledger().spent));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`EventStore::read_log`].
    fn read_verified(&mut self, project: &ProjectId) -> Result<VerifiedLog<Event>, StoreError> {
        let (log, head) = self.read_unverified(project)?;
        VerifiedLog::verify_against(log, &head).map_err(|source| StoreError::Tampered {
            project: project.clone(),
            source,
        })
    }

    /// A project rebuilt from its stored log: verified against the stored
    /// head and replayed event by event ([`Project::replay`]).
    ///
    /// ```
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let run = skill_grants::sample::annual_round_2022()?;
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let p = &run.projects[0];
    /// store.append(p.project.id(), 0, &p.log)?;
    /// assert_eq!(store.load_project(p.project.id(), &skill_grants::Policy::ordos_2022())?, p.project);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`EventStore::read_unverified`]; [`StoreError::Tampered`] for a
    /// broken chain (naming the record); [`StoreError::Replay`] for a log
    /// the lifecycle refuses (naming the event).
    fn load_project(
        &mut self,
        project: &ProjectId,
        policy: &Policy,
    ) -> Result<Project, StoreError> {
        let (log, head) = self.read_unverified(project)?;
        Project::replay(&log, policy, Some(&head)).map_err(|e| replay_error(project, e))
    }

    /// Opens a project from its start record ([`Project::open`]) and stores
    /// its first event, expecting no log yet.
    ///
    /// ```
    /// use skill_grants_store::{EventStore, SqliteStore};
    ///
    /// let round = skill_grants::sample::round_2022()?;
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let start = round.projects()[0].project_start();
    /// let (project, head) = store.open_project(start.clone(), round.policy())?;
    /// assert_eq!((head.seq, project.event_count()), (1, 1));
    /// assert!(store.open_project(start, round.policy()).unwrap_err().is_conflict());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`StoreError::Refused`] when the lifecycle refuses the start record;
    /// [`StoreError::Conflict`] when the project already has a log; as
    /// [`EventStore::append`].
    fn open_project(
        &mut self,
        start: ProjectStart,
        policy: &Policy,
    ) -> Result<(Project, Head), StoreError> {
        let id = start.project.clone();
        let (project, started) =
            Project::open(start, policy).map_err(|source| StoreError::Refused {
                project: id.clone(),
                source,
            })?;
        let head = self.append(&id, 0, std::slice::from_ref(&started))?;
        Ok((project, head))
    }

    /// Loads a project, decides and applies a command ([`Project::execute`])
    /// and appends its events at the head it loaded: the project after, and
    /// the records stored. If another writer appended in between, the
    /// command is refused with [`StoreError::Conflict`] and nothing is
    /// written; call again to decide on the new state.
    ///
    /// ```
    /// use skill_grants::lifecycle::{Action, Actor, Command, Spend, SpendingCategory};
    /// use skill_grants::{NaiveDate, Yuan};
    /// use skill_grants_store::{EventStore, SqliteStore, StoreError};
    ///
    /// let round = skill_grants::sample::round_2022()?;
    /// let start = round.projects().last().unwrap().project_start(); // a studio
    /// let unit = Actor::Unit(start.unit.clone());
    /// let mut store = SqliteStore::open_in_memory()?;
    /// let (project, _) = store.open_project(start, round.policy())?;
    /// let on = NaiveDate::from_ymd_opt(2023, 1, 5).unwrap();
    /// let pay = |category| Command::new(unit.clone(), on, Action::Pay {
    ///     spend: Spend::studio(category, Yuan::from_yuan(800)),
    /// });
    /// let (after, records) = store.execute(project.id(), round.policy(), &pay(SpendingCategory::SkillExchange))?;
    /// assert_eq!((records.len(), after.ledger().spent), (1, Yuan::from_yuan(800)));
    /// // Travel is refused (6.2) and nothing is written.
    /// let err = store.execute(project.id(), round.policy(), &pay(SpendingCategory::Travel)).unwrap_err();
    /// assert!(matches!(err, StoreError::Refused { ref source, .. } if source.clause().as_str() == "6.2"));
    /// assert_eq!(store.head(project.id())?, Some(after.head()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`EventStore::load_project`]; [`StoreError::Refused`] when the
    /// lifecycle refuses the command (citing its clause); as
    /// [`EventStore::append`].
    fn execute(
        &mut self,
        project: &ProjectId,
        policy: &Policy,
        command: &Command,
    ) -> Result<(Project, Vec<Sealed<Event>>), StoreError> {
        let mut state = self.load_project(project, policy)?;
        let expected = state.head().seq;
        let records = state
            .execute(command)
            .map_err(|source| StoreError::Refused {
                project: project.clone(),
                source,
            })?;
        self.append(project, expected, &records)?;
        Ok((state, records))
    }
}

/// A replay error as a store error: a broken chain is a tampered log.
fn replay_error(project: &ProjectId, error: ReplayError) -> StoreError {
    match error.reason {
        ReplayReason::Chain(source) => StoreError::Tampered {
            project: project.clone(),
            source,
        },
        _ => StoreError::Replay {
            project: project.clone(),
            source: error,
        },
    }
}
