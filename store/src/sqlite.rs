//! The SQLite back end (rusqlite, SQLite bundled): the embedded default.

use std::path::Path;
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};
use skill_grants::chain::{Head, Sealed};
use skill_grants::domain::ProjectId;
use skill_grants::lifecycle::Event;
use skill_grants::round::Round;

use crate::EventStore;
use crate::codec;
use crate::error::StoreError;
use crate::migrations::{self, SCHEMA_VERSION};

/// How long a writer waits for another's transaction before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An [`EventStore`] on SQLite: a file (WAL mode, `synchronous = FULL`) or
/// an in-memory database. One connection; open one store per thread on the
/// same file for concurrent writers — an append takes SQLite's write lock
/// for its transaction (`BEGIN IMMEDIATE`), so a second writer waits (up to
/// 30 s) and then sees the moved head.
///
/// ```
/// use skill_grants_store::{EventStore, SqliteStore};
///
/// let dir = std::env::temp_dir().join(format!("sg-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("grants.db");
/// let round = skill_grants::sample::round_2022()?;
/// {
///     let mut store = SqliteStore::open(&path)?;
///     store.open_project(round.projects()[0].project_start(), round.policy())?;
/// }
/// let mut again = SqliteStore::open(&path)?; // reopened: the log is there, verified on load
/// assert_eq!(again.projects()?.len(), 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
}

fn db(what: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
    let what = what.into();
    move |source| StoreError::Sqlite { what, source }
}

/// As [`db`], the description made only on failure (for per-row calls).
fn db_lazy(what: impl FnOnce() -> String) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Sqlite {
        what: what(),
        source,
    }
}

fn is_constraint(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::ConstraintViolation)
}

impl SqliteStore {
    /// Opens (or creates) a database file: WAL mode, `synchronous = FULL`,
    /// and the schema migrated to [`SCHEMA_VERSION`].
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`] when the file cannot be opened or is not a
    /// database; [`StoreError::JournalMode`]; [`StoreError::SchemaTooNew`].
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(db(format!("opening {}", path.display())))?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(db(format!("setting WAL mode on {}", path.display())))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::JournalMode {
                path: path.display().to_string(),
                mode,
            });
        }
        SqliteStore::prepare(conn)
    }

    /// Opens a new, empty in-memory database (gone when the store is
    /// dropped), migrated to [`SCHEMA_VERSION`].
    ///
    /// ```
    /// let mut store = skill_grants_store::SqliteStore::open_in_memory()?;
    /// assert_eq!(store.schema_version()?, skill_grants_store::SCHEMA_VERSION);
    /// # Ok::<(), skill_grants_store::StoreError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`].
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let conn = Connection::open_in_memory().map_err(db("opening an in-memory database"))?;
        SqliteStore::prepare(conn)
    }

    fn prepare(conn: Connection) -> Result<SqliteStore, StoreError> {
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(db("setting synchronous = FULL"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(db("setting the busy timeout"))?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    /// Applies the pending migrations, in one transaction under the write
    /// lock (two processes opening one file migrate once).
    fn migrate(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db("starting the migration"))?;
        tx.execute_batch(migrations::CREATE_TABLE)
            .map_err(db("creating schema_migrations"))?;
        let current: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |row| row.get(0),
            )
            .map_err(db("reading the schema version"))?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        for m in migrations::SQLITE.iter().filter(|m| m.version > current) {
            tx.execute_batch(m.sql)
                .map_err(db(format!("applying migration {} ({})", m.version, m.name)))?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
                params![m.version, m.name],
            )
            .map_err(db(format!("recording migration {}", m.version)))?;
        }
        tx.commit().map_err(db("committing the migration"))
    }

    /// The schema version of the open database.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`].
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        self.conn
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |row| row.get(0),
            )
            .map_err(db("reading the schema version"))
    }
}

fn read_head(conn: &Connection, project: &ProjectId) -> Result<Option<Head>, StoreError> {
    let row: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT seq, hash FROM heads WHERE project = ?1",
            [project.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(db(format!("reading the head of `{project}`")))?;
    row.map(|(seq, hash)| codec::head_from_db(project, seq, &hash))
        .transpose()
}

fn conflict(conn: &Connection, project: &ProjectId, expected: u64) -> StoreError {
    let actual: Result<i64, _> = conn.query_row(
        "SELECT MAX(COALESCE((SELECT seq FROM heads WHERE project = ?1), 0),
                    COALESCE((SELECT MAX(seq) FROM events WHERE project = ?1), 0))",
        [project.as_str()],
        |row| row.get(0),
    );
    match actual {
        Ok(actual) => StoreError::Conflict {
            project: project.clone(),
            expected,
            actual: u64::try_from(actual).unwrap_or(0),
        },
        Err(source) => StoreError::Sqlite {
            what: format!("reading where the log of `{project}` is after a conflict"),
            source,
        },
    }
}

impl EventStore for SqliteStore {
    fn append(
        &mut self,
        project: &ProjectId,
        expected: u64,
        records: &[Sealed<Event>],
    ) -> Result<Head, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db(format!("starting an append to `{project}`")))?;
        let current = read_head(&tx, project)?.unwrap_or(Head::GENESIS);
        let (rows, head) = codec::prepare_append(project, expected, current, records)?;
        if rows.is_empty() {
            return Ok(current);
        }
        let seq = codec::seq_to_db(project, head.seq)?;
        let moved = if expected == 0 {
            tx.execute(
                "INSERT INTO heads (project, seq, hash) VALUES (?1, ?2, ?3) ON CONFLICT (project) DO NOTHING",
                params![project.as_str(), seq, &head.hash.as_bytes()[..]],
            )
        } else {
            tx.execute(
                "UPDATE heads SET seq = ?2, hash = ?3 WHERE project = ?1 AND seq = ?4",
                params![
                    project.as_str(),
                    seq,
                    &head.hash.as_bytes()[..],
                    codec::seq_to_db(project, expected)?
                ],
            )
        }
        .map_err(db(format!("moving the head of `{project}`")))?;
        if moved != 1 {
            return Err(conflict(&tx, project, expected));
        }
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO events (project, seq, prev, hash, event) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(db("preparing the insert of events"))?;
            for row in &rows {
                match insert.execute(params![
                    project.as_str(),
                    row.seq,
                    &row.prev[..],
                    &row.hash[..],
                    row.event
                ]) {
                    Ok(_) => {}
                    Err(e) if is_constraint(&e) => return Err(conflict(&tx, project, expected)),
                    Err(source) => {
                        return Err(StoreError::Sqlite {
                            what: format!("inserting seq {} of `{project}`", row.seq),
                            source,
                        });
                    }
                }
            }
        }
        tx.commit()
            .map_err(db(format!("committing an append to `{project}`")))?;
        Ok(head)
    }

    fn head(&mut self, project: &ProjectId) -> Result<Option<Head>, StoreError> {
        read_head(&self.conn, project)
    }

    fn read_unverified(
        &mut self,
        project: &ProjectId,
    ) -> Result<(Vec<Sealed<Event>>, Head), StoreError> {
        // One read transaction: the head and the rows from one snapshot.
        let tx = self
            .conn
            .transaction()
            .map_err(db(format!("starting a read of `{project}`")))?;
        let head = read_head(&tx, project)?;
        let mut log = Vec::new();
        {
            let mut select = tx
                .prepare_cached(
                    "SELECT seq, prev, hash, event FROM events WHERE project = ?1 ORDER BY seq",
                )
                .map_err(db("preparing the read of events"))?;
            let what = || format!("reading the log of `{project}`");
            let mut rows = select.query([project.as_str()]).map_err(db(what()))?;
            while let Some(row) = rows.next().map_err(db_lazy(what))? {
                let seq = match row.get_ref(0).map_err(db_lazy(what))? {
                    ValueRef::Integer(seq) => seq,
                    _ => -1,
                };
                let bytes = |i: usize| -> Result<&[u8], StoreError> {
                    Ok(match row.get_ref(i).map_err(db_lazy(what))? {
                        ValueRef::Blob(b) | ValueRef::Text(b) => b,
                        _ => &[],
                    })
                };
                log.push(codec::record_from_db(
                    project,
                    log.len(),
                    seq,
                    bytes(1)?,
                    bytes(2)?,
                    bytes(3)?,
                )?);
            }
        }
        tx.commit()
            .map_err(db(format!("ending a read of `{project}`")))?;
        codec::log_and_head(project, log, head)
    }

    fn projects(&mut self) -> Result<Vec<ProjectId>, StoreError> {
        let mut select = self
            .conn
            .prepare_cached(
                "SELECT project FROM heads UNION SELECT DISTINCT project FROM events ORDER BY 1",
            )
            .map_err(db("preparing the list of projects"))?;
        let ids = select
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(db("listing projects"))?
            .map(|r| r.map(ProjectId::new))
            .collect::<Result<Vec<_>, _>>()
            .map_err(db("listing projects"))?;
        Ok(ids)
    }

    fn save_round(&mut self, key: &str, round: &Round) -> Result<(), StoreError> {
        let (year, stage, json) = codec::round_to_db(key, round)?;
        self.conn
            .execute(
                "INSERT INTO rounds (key, year, stage, round) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET year = excluded.year, stage = excluded.stage, round = excluded.round",
                params![key, year, stage, json],
            )
            .map_err(db(format!("saving round `{key}`")))?;
        Ok(())
    }

    fn load_round(&mut self, key: &str) -> Result<Option<Round>, StoreError> {
        let json: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT CAST(round AS BLOB) FROM rounds WHERE key = ?1",
                [key],
                |row| row.get(0),
            )
            .optional()
            .map_err(db(format!("reading round `{key}`")))?;
        json.map(|json| codec::round_from_db(key, &json))
            .transpose()
    }

    fn rounds(&mut self) -> Result<Vec<String>, StoreError> {
        let mut select = self
            .conn
            .prepare_cached("SELECT key FROM rounds ORDER BY key")
            .map_err(db("preparing the list of rounds"))?;
        let keys = select
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(db("listing rounds"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(db("listing rounds"))?;
        Ok(keys)
    }
}
