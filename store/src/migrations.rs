//! The schema, as versioned migrations embedded in the crate and applied
//! when a store is opened. A migration is applied once, in its own
//! transaction, and recorded in `schema_migrations`; a database whose
//! version is newer than the crate's is refused.

/// One schema step.
pub(crate) struct Migration {
    /// Its version (1, 2, …): applied in order, each once.
    pub(crate) version: i64,
    /// A short name, recorded with it.
    pub(crate) name: &'static str,
    /// The SQL.
    pub(crate) sql: &'static str,
}

/// The schema version this crate creates and reads: the last migration's.
///
/// ```
/// assert_eq!(skill_grants_store::SCHEMA_VERSION, 1);
/// ```
pub const SCHEMA_VERSION: i64 = 1;

/// SQLite's migrations, in order.
pub(crate) const SQLITE: &[Migration] = &[Migration {
    version: 1,
    name: "initial: heads, events, rounds",
    sql: include_str!("../migrations/sqlite/0001_initial.sql"),
}];

/// PostgreSQL's migrations, in order.
#[cfg(feature = "postgres")]
pub(crate) const POSTGRES: &[Migration] = &[Migration {
    version: 1,
    name: "initial: heads, events, rounds",
    sql: include_str!("../migrations/postgres/0001_initial.sql"),
}];

/// The table that records the applied migrations (SQLite).
pub(crate) const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name    TEXT NOT NULL
)";

/// The table that records the applied migrations (PostgreSQL).
#[cfg(feature = "postgres")]
pub(crate) const CREATE_TABLE_PG: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name    TEXT NOT NULL
)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_run_from_one_without_gaps_to_the_schema_version() {
        let lists: &[&[Migration]] = &[
            SQLITE,
            #[cfg(feature = "postgres")]
            POSTGRES,
        ];
        for list in lists {
            let versions: Vec<i64> = list.iter().map(|m| m.version).collect();
            let expected: Vec<i64> = (1..=SCHEMA_VERSION).collect();
            assert_eq!(versions, expected);
            assert!(
                list.iter()
                    .all(|m| !m.name.is_empty() && !m.sql.trim().is_empty())
            );
        }
    }
}
