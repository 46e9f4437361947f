-- skill-grants-store, PostgreSQL schema version 1.
-- One row per project: where its log ends (the chain's head), kept apart from the log.
CREATE TABLE heads (
    project TEXT PRIMARY KEY,
    seq     BIGINT NOT NULL CHECK (seq >= 1),
    hash    BYTEA NOT NULL CHECK (length(hash) = 32)
);

-- One row per sealed event: its place in the chain and the event's serde form (JSON text).
CREATE TABLE events (
    project TEXT NOT NULL,
    seq     BIGINT NOT NULL CHECK (seq >= 1),
    prev    BYTEA NOT NULL,
    hash    BYTEA NOT NULL,
    event   TEXT NOT NULL,
    PRIMARY KEY (project, seq)
);

-- One row per round, by the host's key: the round's serde form (JSON text), checked when read.
CREATE TABLE rounds (
    key   TEXT PRIMARY KEY,
    year  INTEGER NOT NULL,
    stage TEXT NOT NULL,
    round TEXT NOT NULL
);
