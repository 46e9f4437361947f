//! The back ends the suite runs over: a harness opens stores on one fresh
//! database, runs raw SQL on it (to tamper), and names it to a child process.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)]

use std::path::PathBuf;

use skill_grants_store::{EventStore, SqliteStore};

/// One fresh database for one test.
pub trait Harness: Sync {
    /// The store type.
    type Store: EventStore + Send + 'static;
    /// A new connection to the test's database.
    fn connect(&self) -> Self::Store;
    /// Runs one statement on the database, outside the store; rows changed.
    fn sql(&self, statement: &str) -> u64;
    /// The arguments that name this database to `store-writer`.
    fn writer_args(&self) -> Vec<String>;
    /// The back end's name.
    fn name(&self) -> &'static str;
}

/// A SQLite file in a fresh temporary directory, removed at the end.
pub struct Sqlite {
    dir: PathBuf,
    pub path: PathBuf,
}

pub fn sqlite(test: &str) -> Option<Sqlite> {
    let dir = std::env::temp_dir().join(format!("sg-store-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("store.db");
    Some(Sqlite { dir, path })
}

impl Drop for Sqlite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Harness for Sqlite {
    type Store = SqliteStore;
    fn connect(&self) -> SqliteStore {
        SqliteStore::open(&self.path).unwrap()
    }
    fn sql(&self, statement: &str) -> u64 {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.execute(statement, []).unwrap() as u64
    }
    fn writer_args(&self) -> Vec<String> {
        vec!["sqlite".into(), self.path.display().to_string()]
    }
    fn name(&self) -> &'static str {
        "sqlite"
    }
}

/// The URL of the PostgreSQL server the tests use.
pub const PG_URL: &str = "SKILL_GRANTS_PG_URL";
/// Set to 1 (CI does) to make a missing URL a failure, not a skip.
pub const REQUIRE_PG: &str = "SKILL_GRANTS_REQUIRE_PG";

/// Says a test was skipped on the real stderr, past the test harness's
/// capture, so that a skip shows even when the test passes.
pub fn say_skipped(message: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// The PostgreSQL URL, or `None` (skipped, said on stderr) — a failure
/// when `SKILL_GRANTS_REQUIRE_PG=1`.
pub fn pg_url(test: &str) -> Option<String> {
    match std::env::var(PG_URL) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            if std::env::var(REQUIRE_PG).is_ok_and(|v| v == "1") {
                panic!(
                    "{test}: {REQUIRE_PG}=1 but {PG_URL} is not set: the PostgreSQL tests must run"
                );
            }
            say_skipped(&format!(
                "{test}: SKIPPED on PostgreSQL: {PG_URL} is not set (start a server with `.ci/postgres start DIR` and export the URL it prints)"
            ));
            None
        }
    }
}

#[cfg(feature = "postgres")]
pub use pg::*;

#[cfg(feature = "postgres")]
mod pg {
    use super::*;
    use postgres::{Client, Config, NoTls};
    use skill_grants_store::PgStore;

    /// A fresh database on the server, named after the test, dropped at the end.
    pub struct Postgres {
        url: String,
        admin: Config,
        config: Config,
        dbname: String,
    }

    pub fn postgres(test: &str) -> Option<Postgres> {
        let url = pg_url(test)?;
        let admin: Config = url
            .parse()
            .expect("SKILL_GRANTS_PG_URL is not a PostgreSQL URL");
        let dbname = format!("sg_test_{test}");
        let mut client = admin
            .connect(NoTls)
            .expect("connecting to SKILL_GRANTS_PG_URL");
        client
            .batch_execute(&format!("DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"))
            .unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {dbname}"))
            .unwrap();
        let mut config = admin.clone();
        config.dbname(&dbname);
        Some(Postgres {
            url,
            admin,
            config,
            dbname,
        })
    }

    impl Drop for Postgres {
        fn drop(&mut self) {
            if let Ok(mut client) = self.admin.connect(NoTls) {
                let _ = client.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.dbname
                ));
            }
        }
    }

    impl Harness for Postgres {
        type Store = PgStore;
        fn connect(&self) -> PgStore {
            PgStore::from_client(self.config.connect(NoTls).unwrap()).unwrap()
        }
        fn sql(&self, statement: &str) -> u64 {
            let mut client: Client = self.config.connect(NoTls).unwrap();
            client.execute(statement, &[]).unwrap()
        }
        fn writer_args(&self) -> Vec<String> {
            vec!["postgres".into(), self.url.clone(), self.dbname.clone()]
        }
        fn name(&self) -> &'static str {
            "postgres"
        }
    }
}
