-- skill-grants-store, SQLite schema version 1.
-- One row per project: where its log ends (the chain's head), kept apart from the log.
CREATE TABLE heads (
    project TEXT PRIMARY KEY NOT NULL,
    seq     INTEGER NOT NULL CHECK (seq >= 1),
    hash    BLOB NOT NULL CHECK (length(hash) = 32)
) WITHOUT ROWID;

-- One row per sealed event: its place in the chain and the event's serde form (JSON).
CREATE TABLE events (
    project TEXT NOT NULL,
    seq     INTEGER NOT NULL CHECK (seq >= 1),
    prev    BLOB NOT NULL,
    hash    BLOB NOT NULL,
    event   TEXT NOT NULL,
    PRIMARY KEY (project, seq)
) WITHOUT ROWID;

-- One row per round, by the host's key: the round's serde form (JSON), checked when read.
CREATE TABLE rounds (
    key   TEXT PRIMARY KEY NOT NULL,
    year  INTEGER NOT NULL,
    stage TEXT NOT NULL,
    round TEXT NOT NULL
) WITHOUT ROWID;
