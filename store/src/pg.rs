//! The PostgreSQL back end (the sync `postgres` client), feature `postgres`.

use postgres::error::SqlState;
use postgres::{Client, GenericClient, NoTls};
use skill_grants::chain::{Head, Sealed};
use skill_grants::domain::ProjectId;
use skill_grants::lifecycle::Event;
use skill_grants::round::Round;

use crate::EventStore;
use crate::codec;
use crate::error::StoreError;
use crate::migrations::{self, SCHEMA_VERSION};

/// The advisory lock key that serialises migrations ("sg19").
const MIGRATION_LOCK: i64 = 0x7367_3139;

/// An [`EventStore`] on PostgreSQL: one client connection; open one store
/// per thread. An append is one transaction: the project's head row is read
/// `FOR UPDATE` (a second writer waits, then sees the moved head), moved only
/// from the expected sequence (`UPDATE … WHERE seq = expected`, or an
/// `INSERT` that the primary key refuses to a second first writer), and the
/// events inserted under their `(project, seq)` primary key.
///
/// ```no_run
/// use skill_grants_store::{EventStore, PgStore};
///
/// let mut store = PgStore::connect("postgresql://grants@127.0.0.1:5432/grants")?;
/// let round = skill_grants::sample::round_2022()?;
/// store.save_round("2022", &round)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PgStore {
    client: Client,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").finish_non_exhaustive()
    }
}

fn db(what: impl Into<String>) -> impl FnOnce(postgres::Error) -> StoreError {
    let what = what.into();
    move |source| StoreError::Postgres { what, source }
}

/// As [`db`], the description made only on failure (for per-row calls).
fn db_lazy(what: impl FnOnce() -> String) -> impl FnOnce(postgres::Error) -> StoreError {
    move |source| StoreError::Postgres {
        what: what(),
        source,
    }
}

fn is_unique_violation(error: &postgres::Error) -> bool {
    error.code() == Some(&SqlState::UNIQUE_VIOLATION)
}

impl PgStore {
    /// Connects to a database by URL (`postgresql://user@host:port/db`, or
    /// the key-value form), without TLS, and migrates its schema to
    /// [`SCHEMA_VERSION`].
    ///
    /// # Errors
    ///
    /// [`StoreError::Postgres`] when the connection fails;
    /// [`StoreError::SchemaTooNew`].
    pub fn connect(url: &str) -> Result<PgStore, StoreError> {
        let client = Client::connect(url, NoTls).map_err(db("connecting"))?;
        PgStore::from_client(client)
    }

    /// A store on a connected client (for TLS or any other configuration),
    /// its schema migrated to [`SCHEMA_VERSION`].
    ///
    /// # Errors
    ///
    /// [`StoreError::Postgres`]; [`StoreError::SchemaTooNew`].
    pub fn from_client(client: Client) -> Result<PgStore, StoreError> {
        let mut store = PgStore { client };
        store.migrate()?;
        Ok(store)
    }

    /// Applies the pending migrations in one transaction, under an advisory
    /// lock (two clients opening one database migrate once).
    fn migrate(&mut self) -> Result<(), StoreError> {
        let mut tx = self
            .client
            .transaction()
            .map_err(db("starting the migration"))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(db("taking the migration lock"))?;
        tx.batch_execute(migrations::CREATE_TABLE_PG)
            .map_err(db("creating schema_migrations"))?;
        let current: i64 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations",
                &[],
            )
            .and_then(|row| row.try_get(0))
            .map_err(db("reading the schema version"))?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        for m in migrations::POSTGRES.iter().filter(|m| m.version > current) {
            tx.batch_execute(m.sql)
                .map_err(db(format!("applying migration {} ({})", m.version, m.name)))?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                &[&m.version, &m.name],
            )
            .map_err(db(format!("recording migration {}", m.version)))?;
        }
        tx.commit().map_err(db("committing the migration"))
    }

    /// The schema version of the database.
    ///
    /// # Errors
    ///
    /// [`StoreError::Postgres`].
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        self.client
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations",
                &[],
            )
            .and_then(|row| row.try_get(0))
            .map_err(db("reading the schema version"))
    }
}

fn read_head(
    client: &mut impl GenericClient,
    project: &ProjectId,
    lock: bool,
) -> Result<Option<Head>, StoreError> {
    let sql = if lock {
        "SELECT seq, hash FROM heads WHERE project = $1 FOR UPDATE"
    } else {
        "SELECT seq, hash FROM heads WHERE project = $1"
    };
    let row = client
        .query_opt(sql, &[&project.as_str()])
        .map_err(db(format!("reading the head of `{project}`")))?;
    match row {
        None => Ok(None),
        Some(row) => {
            let seq: i64 = row
                .try_get(0)
                .map_err(db(format!("reading the head of `{project}`")))?;
            let hash: &[u8] = row
                .try_get(1)
                .map_err(db(format!("reading the head of `{project}`")))?;
            codec::head_from_db(project, seq, hash).map(Some)
        }
    }
}

/// Where the log is after a refused append (read in a fresh statement).
fn conflict(client: &mut Client, project: &ProjectId, expected: u64) -> StoreError {
    let actual = client
        .query_one(
            "SELECT GREATEST(COALESCE((SELECT seq FROM heads WHERE project = $1), 0),
                             COALESCE((SELECT MAX(seq) FROM events WHERE project = $1), 0))::BIGINT",
            &[&project.as_str()],
        )
        .and_then(|row| row.try_get::<_, i64>(0));
    match actual {
        Ok(actual) => StoreError::Conflict {
            project: project.clone(),
            expected,
            actual: u64::try_from(actual).unwrap_or(0),
        },
        Err(source) => StoreError::Postgres {
            what: format!("reading where the log of `{project}` is after a conflict"),
            source,
        },
    }
}

/// What one append's transaction found.
enum Outcome {
    Written(Head),
    /// The head row was not at the expected sequence, or a key was taken:
    /// another writer came first (the transaction was rolled back).
    Lost,
}

impl PgStore {
    fn try_append(
        &mut self,
        project: &ProjectId,
        expected: u64,
        records: &[Sealed<Event>],
    ) -> Result<Outcome, StoreError> {
        let mut tx = self
            .client
            .transaction()
            .map_err(db(format!("starting an append to `{project}`")))?;
        let current = read_head(&mut tx, project, true)?.unwrap_or(Head::GENESIS);
        let (rows, head) = codec::prepare_append(project, expected, current, records)?;
        if rows.is_empty() {
            return Ok(Outcome::Written(current));
        }
        let seq = codec::seq_to_db(project, head.seq)?;
        let hash: &[u8] = head.hash.as_bytes();
        let moved = if expected == 0 {
            tx.execute(
                "INSERT INTO heads (project, seq, hash) VALUES ($1, $2, $3)",
                &[&project.as_str(), &seq, &hash],
            )
        } else {
            let expected_db = codec::seq_to_db(project, expected)?;
            tx.execute(
                "UPDATE heads SET seq = $2, hash = $3 WHERE project = $1 AND seq = $4",
                &[&project.as_str(), &seq, &hash, &expected_db],
            )
        };
        match moved {
            Ok(1) => {}
            Ok(_) => return Ok(Outcome::Lost),
            Err(e) if is_unique_violation(&e) => return Ok(Outcome::Lost),
            Err(source) => {
                return Err(StoreError::Postgres {
                    what: format!("moving the head of `{project}`"),
                    source,
                });
            }
        }
        let seqs: Vec<i64> = rows.iter().map(|r| r.seq).collect();
        let prevs: Vec<&[u8]> = rows.iter().map(|r| &r.prev[..]).collect();
        let hashes: Vec<&[u8]> = rows.iter().map(|r| &r.hash[..]).collect();
        let events: Vec<&str> = rows.iter().map(|r| r.event.as_str()).collect();
        let inserted = tx.execute(
            "INSERT INTO events (project, seq, prev, hash, event)
             SELECT $1, s, p, h, e FROM UNNEST($2::BIGINT[], $3::BYTEA[], $4::BYTEA[], $5::TEXT[]) AS t(s, p, h, e)",
            &[&project.as_str(), &seqs, &prevs, &hashes, &events],
        );
        match inserted {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => return Ok(Outcome::Lost),
            Err(source) => {
                return Err(StoreError::Postgres {
                    what: format!("inserting {} events of `{project}`", rows.len()),
                    source,
                });
            }
        }
        tx.commit()
            .map_err(db(format!("committing an append to `{project}`")))?;
        Ok(Outcome::Written(head))
    }
}

impl EventStore for PgStore {
    fn append(
        &mut self,
        project: &ProjectId,
        expected: u64,
        records: &[Sealed<Event>],
    ) -> Result<Head, StoreError> {
        match self.try_append(project, expected, records)? {
            Outcome::Written(head) => Ok(head),
            Outcome::Lost => Err(conflict(&mut self.client, project, expected)),
        }
    }

    fn head(&mut self, project: &ProjectId) -> Result<Option<Head>, StoreError> {
        read_head(&mut self.client, project, false)
    }

    fn read_unverified(
        &mut self,
        project: &ProjectId,
    ) -> Result<(Vec<Sealed<Event>>, Head), StoreError> {
        // One snapshot for the head and the rows.
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(db(format!("starting a read of `{project}`")))?;
        let head = read_head(&mut tx, project, false)?;
        let what = || format!("reading the log of `{project}`");
        let rows = tx
            .query(
                "SELECT seq, prev, hash, event FROM events WHERE project = $1 ORDER BY seq",
                &[&project.as_str()],
            )
            .map_err(db(what()))?;
        let mut log = Vec::with_capacity(rows.len());
        for (position, row) in rows.iter().enumerate() {
            let seq: i64 = row.try_get(0).map_err(db_lazy(what))?;
            let prev: &[u8] = row.try_get(1).map_err(db_lazy(what))?;
            let hash: &[u8] = row.try_get(2).map_err(db_lazy(what))?;
            let event: &str = row.try_get(3).map_err(db_lazy(what))?;
            log.push(codec::record_from_db(
                project,
                position,
                seq,
                prev,
                hash,
                event.as_bytes(),
            )?);
        }
        tx.commit().map_err(db(what()))?;
        codec::log_and_head(project, log, head)
    }

    fn projects(&mut self) -> Result<Vec<ProjectId>, StoreError> {
        let rows = self
            .client
            .query(
                "SELECT project FROM heads UNION SELECT DISTINCT project FROM events ORDER BY 1",
                &[],
            )
            .map_err(db("listing projects"))?;
        rows.iter()
            .map(|row| row.try_get::<_, &str>(0).map(ProjectId::new))
            .collect::<Result<Vec<_>, _>>()
            .map_err(db("listing projects"))
    }

    fn save_round(&mut self, key: &str, round: &Round) -> Result<(), StoreError> {
        let (year, stage, json) = codec::round_to_db(key, round)?;
        self.client
            .execute(
                "INSERT INTO rounds (key, year, stage, round) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (key) DO UPDATE SET year = excluded.year, stage = excluded.stage, round = excluded.round",
                &[&key, &year, &stage, &json],
            )
            .map_err(db(format!("saving round `{key}`")))?;
        Ok(())
    }

    fn load_round(&mut self, key: &str) -> Result<Option<Round>, StoreError> {
        let row = self
            .client
            .query_opt("SELECT round FROM rounds WHERE key = $1", &[&key])
            .map_err(db(format!("reading round `{key}`")))?;
        match row {
            None => Ok(None),
            Some(row) => {
                let json: &str = row
                    .try_get(0)
                    .map_err(db(format!("reading round `{key}`")))?;
                codec::round_from_db(key, json.as_bytes()).map(Some)
            }
        }
    }

    fn rounds(&mut self) -> Result<Vec<String>, StoreError> {
        let rows = self
            .client
            .query("SELECT key FROM rounds ORDER BY key", &[])
            .map_err(db("listing rounds"))?;
        rows.iter()
            .map(|row| row.try_get::<_, String>(0))
            .collect::<Result<Vec<_>, _>>()
            .map_err(db("listing rounds"))
    }
}
