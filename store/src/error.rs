//! What a store refuses, and why: [`StoreError`].

use skill_grants::chain::ChainError;
use skill_grants::domain::ProjectId;
use skill_grants::lifecycle::{LifecycleError, ReplayError};

/// A refused append, a log or round that does not verify on load, or a
/// database failure — each saying what and where (the project, the record's
/// position in its log and its sequence number, the round's key, the
/// database operation).
///
/// A refused append writes nothing: the error is returned after the
/// transaction is rolled back.
///
/// ```
/// use skill_grants::domain::ProjectId;
/// use skill_grants_store::StoreError;
///
/// let err = StoreError::Conflict { project: ProjectId::new("2022-TB-01"), expected: 3, actual: 4 };
/// assert_eq!(
///     err.to_string(),
///     "project `2022-TB-01`: the append expected its log at seq 3 but it is at seq 4 \
///      (another writer appended first); nothing was written",
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The log is not at the sequence number the writer expected: another
    /// writer appended first (optimistic concurrency). Nothing was written;
    /// reload the project, decide again, and append at the new head.
    #[error(
        "project `{project}`: the append expected its log at seq {expected} but it is at seq {actual} (another writer appended first); nothing was written"
    )]
    Conflict {
        /// The project.
        project: ProjectId,
        /// The sequence number the writer last saw (0 for a new log).
        expected: u64,
        /// Where the stored log is.
        actual: u64,
    },
    /// The records to append do not follow the stored head: a gap, a wrong
    /// `prev`, or a hash that does not match the record. Nothing was written.
    #[error(
        "project `{project}`: the records to append do not follow its head: {source}; nothing was written"
    )]
    NotChained {
        /// The project.
        project: ProjectId,
        /// What the chain refused, naming the record by its index in the batch.
        source: ChainError,
    },
    /// A record to append is another project's event. Nothing was written.
    #[error(
        "project `{project}`: record {position} of the batch is an event of project `{found}`; nothing was written"
    )]
    WrongProject {
        /// The project appended to.
        project: ProjectId,
        /// The record's index in the batch (from 0).
        position: usize,
        /// The project its event names.
        found: ProjectId,
    },
    /// The store has no log for the project.
    #[error("project `{project}`: no log in the store")]
    UnknownProject {
        /// The project.
        project: ProjectId,
    },
    /// The stored log does not verify against its stored head: a row was
    /// changed, removed, added or reordered. The chain error names the
    /// record by its position in the log (from 0) and its sequence number.
    #[error("project `{project}`: the stored log does not verify: {source}")]
    Tampered {
        /// The project.
        project: ProjectId,
        /// What the chain found.
        source: ChainError,
    },
    /// A stored head row cannot be read (a negative sequence number, a hash
    /// not 32 bytes).
    #[error("project `{project}`: the stored head cannot be read: {reason}")]
    CorruptHead {
        /// The project.
        project: ProjectId,
        /// What is wrong with it.
        reason: String,
    },
    /// A stored row cannot be read as a sealed event (a sequence number out
    /// of range, a digest not 32 bytes, an event that does not deserialize).
    #[error("project `{project}`: stored record {position} (seq {seq}) cannot be read: {reason}")]
    Corrupt {
        /// The project.
        project: ProjectId,
        /// The row's position in the log, in sequence order (from 0).
        position: usize,
        /// The sequence number stored in the row.
        seq: i64,
        /// What is wrong with it.
        reason: String,
    },
    /// The stored log verifies as a chain but the lifecycle refuses it on
    /// replay (an event impossible in its state, a start record the policy
    /// refuses, …); the replay error names the position.
    #[error("project `{project}`: the stored log does not replay: {source}")]
    Replay {
        /// The project.
        project: ProjectId,
        /// The lifecycle's refusal, with the event's position.
        source: ReplayError,
    },
    /// The lifecycle refused a command ([`crate::EventStore::execute`],
    /// [`crate::EventStore::open_project`]); nothing was written.
    #[error("project `{project}`: refused: {source}; nothing was written")]
    Refused {
        /// The project.
        project: ProjectId,
        /// The refusal, citing its clause.
        source: LifecycleError,
    },
    /// A stored round is refused when read (the checks of
    /// `skill_grants::round::RoundRecord`), or a round cannot be encoded.
    #[error("round `{key}`: {reason}")]
    Round {
        /// The round's key in the store.
        key: String,
        /// What is wrong, with the field's path.
        reason: String,
    },
    /// An event cannot be written as JSON.
    #[error("project `{project}`: record {position} of the batch cannot be encoded: {reason}")]
    Encoding {
        /// The project.
        project: ProjectId,
        /// The record's index in the batch.
        position: usize,
        /// What serde reported.
        reason: String,
    },
    /// A sequence number past the database's integer range (2^63 − 1).
    #[error("project `{project}`: seq {seq} does not fit the database's 64-bit signed integer")]
    SeqRange {
        /// The project.
        project: ProjectId,
        /// The sequence number.
        seq: u64,
    },
    /// The database's schema is newer than this crate knows.
    #[error(
        "the database's schema is at version {found}, newer than this crate's {known}: use a newer skill-grants-store"
    )]
    SchemaTooNew {
        /// The version in the database.
        found: i64,
        /// The newest version this crate has.
        known: i64,
    },
    /// A SQLite file would not go into WAL mode (it stays in the journal
    /// mode named, e.g. on a file system without shared memory).
    #[error("SQLite file {path}: cannot use WAL mode; the journal stays `{mode}`")]
    JournalMode {
        /// The file.
        path: String,
        /// The journal mode SQLite kept.
        mode: String,
    },
    /// SQLite failed.
    #[error("SQLite, {what}: {source}")]
    Sqlite {
        /// The operation, and the project or round it was for.
        what: String,
        /// rusqlite's error.
        source: rusqlite::Error,
    },
    /// PostgreSQL failed.
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL, {what}: {source}")]
    Postgres {
        /// The operation, and the project or round it was for.
        what: String,
        /// The client's error.
        source: postgres::Error,
    },
}

impl StoreError {
    /// The position (index in the log, from 0) of the stored record an error
    /// on load names, if it names one.
    ///
    /// ```
    /// use skill_grants::domain::ProjectId;
    /// use skill_grants_store::StoreError;
    /// let err = StoreError::Corrupt { project: ProjectId::new("P"), position: 4, seq: 5, reason: "x".into() };
    /// assert_eq!(err.position(), Some(4));
    /// ```
    pub fn position(&self) -> Option<usize> {
        match self {
            StoreError::Tampered { source, .. } => chain_index(source),
            StoreError::Corrupt { position, .. } => Some(*position),
            StoreError::Replay { source, .. } => Some(source.position),
            _ => None,
        }
    }

    /// True for [`StoreError::Conflict`]: reload and decide again.
    ///
    /// ```
    /// use skill_grants::domain::ProjectId;
    /// use skill_grants_store::StoreError;
    /// assert!(StoreError::Conflict { project: ProjectId::new("P"), expected: 0, actual: 1 }.is_conflict());
    /// ```
    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Conflict { .. })
    }
}

/// The index a chain error names: a record's, or for a log that ends short
/// of or beyond its head, or was rewritten, the head's.
fn chain_index(error: &ChainError) -> Option<usize> {
    match error {
        ChainError::Sequence { index, .. }
        | ChainError::Link { index, .. }
        | ChainError::Hash { index, .. }
        | ChainError::Unencodable { index, .. } => Some(*index),
        ChainError::Diverged { seq, .. } => usize::try_from(seq.saturating_sub(1)).ok(),
        ChainError::Truncated { found, .. }
        | ChainError::Extended {
            expected: found, ..
        } => usize::try_from(found.seq).ok(),
        _ => None,
    }
}
