//! One test suite over every back end (`suite!` below instantiates each test
//! for SQLite, and for PostgreSQL with the `postgres` feature): round trips of
//! logs and rounds, refused appends that write nothing, two writers racing
//! on one sequence, tampered rows found at their position, and a writer
//! killed with SIGKILL losing nothing it was told was stored.
//!
//! PostgreSQL: set `SKILL_GRANTS_PG_URL` (`.ci/postgres start DIR` prints
//! one); unset, those tests say they are skipped — unless
//! `SKILL_GRANTS_REQUIRE_PG=1`, which makes a missing URL a failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../support/logs.rs"]
mod logs;
mod support;

use std::io::{BufRead as _, BufReader};
use std::process::{Command as Process, Stdio};
use std::sync::{Arc, Barrier};

use skill_grants::chain::{ChainError, Head};
use skill_grants::domain::{ProjectId, UnitId};
use skill_grants::lifecycle::{
    Action, Actor, Command, Project, ProjectStart, SpecialtyIndex, Spend, SpendingCategory,
};
use skill_grants::round::{Round, Stage};
use skill_grants::{NaiveDate, Policy, Yuan, sample};
use skill_grants_store::{EventStore, SCHEMA_VERSION, StoreError};
use support::Harness;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn base(policy_and_template: &(Policy, ProjectStart), id: &str) -> ProjectStart {
    let mut start = policy_and_template.1.clone();
    start.project = ProjectId::new(id);
    start
}

fn pay(start: &ProjectStart, on: NaiveDate, yuan: u32) -> Command {
    Command::new(
        Actor::Unit(UnitId::new(start.unit.as_str())),
        on,
        Action::Pay {
            spend: Spend::base(
                SpendingCategory::TrainingEquipment,
                Yuan::from_yuan(yuan),
                SpecialtyIndex(0),
            ),
        },
    )
}

// ---------------------------------------------------------------- round trips

/// Every sample project's log and the round at every stage go in and come
/// back equal, verified; the projects are listed in id order.
fn round_trip<H: Harness>(h: &H) {
    let run = sample::annual_round_2022().unwrap();
    let round = sample::round_2022().unwrap();
    let policy = round.policy();
    let mut store = h.connect();
    assert!(store.projects().unwrap().is_empty());

    for p in &run.projects {
        // The first half in one batch, the rest one record at a time.
        let (first, rest) = p.log.split_at(p.log.len() / 2);
        let mut head = store.append(p.project.id(), 0, first).unwrap();
        assert_eq!(head.seq, first.len() as u64);
        for record in rest {
            head = store
                .append(p.project.id(), head.seq, std::slice::from_ref(record))
                .unwrap();
        }
        assert_eq!(head, p.project.head());
        // An empty batch writes nothing and returns the head.
        assert_eq!(store.append(p.project.id(), head.seq, &[]).unwrap(), head);
    }
    // A new connection sees the same.
    let mut store = h.connect();
    let mut ids: Vec<ProjectId> = run
        .projects
        .iter()
        .map(|p| p.project.id().clone())
        .collect();
    ids.sort();
    assert_eq!(store.projects().unwrap(), ids);
    for p in &run.projects {
        assert_eq!(store.read_log(p.project.id()).unwrap(), p.log);
        // Read with its proof, the log replays to the project without
        // hashing again.
        let verified = store.read_verified(p.project.id()).unwrap();
        assert_eq!(verified.records(), &p.log[..]);
        assert_eq!(verified.head(), p.project.head());
        assert_eq!(
            Project::replay_verified(&verified.as_verified(), policy).unwrap(),
            p.project
        );
        assert_eq!(store.head(p.project.id()).unwrap(), Some(p.project.head()));
        assert_eq!(
            store.load_project(p.project.id(), policy).unwrap(),
            p.project
        );
    }
    let missing = ProjectId::new("2099-XX-01");
    assert_eq!(store.head(&missing).unwrap(), None);
    assert!(matches!(
        store.read_log(&missing),
        Err(StoreError::UnknownProject { ref project }) if *project == missing
    ));

    // The round at every stage, saved under one key (the last save wins) and
    // under its stage's own key.
    let mut stages: Vec<Round> = Vec::new();
    let mut r = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022()).unwrap();
    stages.push(r.clone());
    for rec in sample::recommendations_2022() {
        r.submit(rec).unwrap();
    }
    stages.push(r.clone());
    r.close_submissions().unwrap();
    stages.push(r.clone());
    stages.push(round.clone()); // final
    assert_eq!(
        stages.iter().map(Round::stage).collect::<Vec<_>>(),
        [Stage::Open, Stage::Open, Stage::Closed, Stage::Final]
    );
    assert_eq!(store.load_round("2022").unwrap(), None);
    for (i, stage) in stages.iter().enumerate() {
        store.save_round("2022", stage).unwrap();
        store.save_round(&format!("2022-{i}"), stage).unwrap();
        assert_eq!(store.load_round("2022").unwrap().as_ref(), Some(stage));
    }
    let mut store = h.connect();
    for (i, stage) in stages.iter().enumerate() {
        assert_eq!(
            store.load_round(&format!("2022-{i}")).unwrap().as_ref(),
            Some(stage)
        );
    }
    assert_eq!(store.load_round("2022").unwrap(), Some(round));
    assert_eq!(
        store.rounds().unwrap(),
        ["2022", "2022-0", "2022-1", "2022-2", "2022-3"]
    );
}

/// A stored round that breaks the law is refused on load, naming the field.
fn tampered_round_refused<H: Harness>(h: &H) {
    let round = sample::round_2022().unwrap();
    let mut store = h.connect();
    store.save_round("2022", &round).unwrap();
    // The final round relabelled as still open.
    let changed = h.sql(
        "UPDATE rounds SET round = replace(round, '\"stage\":\"final\"', '\"stage\":\"open\"') WHERE key = '2022'",
    );
    assert_eq!(changed, 1);
    let err = store.load_round("2022").unwrap_err();
    assert!(
        matches!(err, StoreError::Round { ref key, .. } if key == "2022"),
        "{err}"
    );
    let text = err.to_string();
    assert!(
        text.starts_with("round `2022`: refused when read: stored round: `"),
        "{text}"
    );
}

// ---------------------------------------------------------------- refusals

/// A stale, unchained, foreign or half-bad append is refused whole: the
/// stored log is exactly as before.
fn refused_appends_write_nothing<H: Harness>(h: &H) {
    let t = logs::template().unwrap();
    let mut store = h.connect();
    let (project, log) = logs::payment_log(&t.0, base(&t, "R-1"), 6).unwrap();
    let id = project.id().clone();
    store.append(&id, 0, &log[..3]).unwrap();
    let before = store.read_log(&id).unwrap();

    // Stale: the writer believes the log is at seq 2.
    let err = store.append(&id, 2, &log[3..]).unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { ref project, expected: 2, actual: 3 } if *project == id),
        "{err}"
    );
    assert!(err.to_string().contains("nothing was written"));
    // A new project's first append when it exists.
    assert!(matches!(
        store.append(&id, 0, &log[..1]),
        Err(StoreError::Conflict {
            expected: 0,
            actual: 3,
            ..
        })
    ));
    // Ahead of the log.
    assert!(matches!(
        store.append(&id, 4, &log[4..]),
        Err(StoreError::Conflict {
            expected: 4,
            actual: 3,
            ..
        })
    ));
    // A gap: seq 5 after the head at 3.
    let err = store.append(&id, 3, &log[4..]).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotChained {
                source: ChainError::Sequence {
                    index: 0,
                    expected: 4,
                    found: 5
                },
                ..
            }
        ),
        "{err}"
    );
    // A good record followed by a forged one: neither is written.
    let mut forged = log[3..5].to_vec();
    forged[1].event.on = d(2099, 1, 1);
    let err = store.append(&id, 3, &forged).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotChained {
                source: ChainError::Hash {
                    index: 1,
                    seq: 5,
                    ..
                },
                ..
            }
        ),
        "{err}"
    );
    // Another project's log appended under this id.
    let (_, other) = logs::payment_log(&t.0, base(&t, "R-2"), 2).unwrap();
    let err = store
        .append(&ProjectId::new("R-2x"), 0, &other)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::WrongProject { position: 0, ref found, .. } if found.as_str() == "R-2"),
        "{err}"
    );
    assert_eq!(store.head(&ProjectId::new("R-2x")).unwrap(), None);

    let mut again = h.connect();
    assert_eq!(again.read_log(&id).unwrap(), before);
    assert_eq!(again.head(&id).unwrap().map(|h| h.seq), Some(3));
    assert_eq!(again.projects().unwrap(), std::slice::from_ref(&id));
    // And the rest still goes on from where it is.
    assert_eq!(again.append(&id, 3, &log[3..]).unwrap(), project.head());
}

/// A refused command and a refused start write nothing; `execute` stores
/// what it decided.
fn execute_and_open<H: Harness>(h: &H) {
    let t = logs::template().unwrap();
    let (policy, _) = &t;
    let mut store = h.connect();
    let start = base(&t, "E-1");
    let id = start.project.clone();
    let (opened, head) = store.open_project(start.clone(), policy).unwrap();
    assert_eq!(head, opened.head());
    assert!(
        store
            .open_project(start.clone(), policy)
            .unwrap_err()
            .is_conflict()
    );

    let (after, records) = store
        .execute(&id, policy, &pay(&start, d(2023, 3, 1), 80_000))
        .unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(after.ledger().spent, Yuan::from_yuan(80_000));
    // Travel is never allowed (6.1): refused, citing the clause, nothing written.
    let travel = Command::new(
        Actor::Unit(UnitId::new(start.unit.as_str())),
        d(2023, 3, 2),
        Action::Pay {
            spend: Spend::base(
                SpendingCategory::Travel,
                Yuan::from_yuan(10),
                SpecialtyIndex(0),
            ),
        },
    );
    let err = store.execute(&id, policy, &travel).unwrap_err();
    match &err {
        StoreError::Refused { source, .. } => assert_eq!(source.clause().as_str(), "6.1"),
        other => panic!("{other}"),
    }
    assert_eq!(store.head(&id).unwrap(), Some(after.head()));
    // A start record the policy refuses (a studio's amount on a base).
    let mut wrong = base(&t, "E-2");
    wrong.released = Yuan::from_yuan(50_000);
    assert!(matches!(
        store.open_project(wrong, policy),
        Err(StoreError::Refused { .. })
    ));
    assert_eq!(store.projects().unwrap(), [id]);
}

// ---------------------------------------------------------------- concurrency

/// Two clerks load the same state and decide a payment each; both append
/// against the same sequence at once. Exactly one wins; the other gets a
/// conflict; the money is conserved. Twenty races in a row.
fn two_writers_one_sequence<H: Harness>(h: &H) {
    let t = logs::template().unwrap();
    let policy = t.0.clone();
    let start = base(&t, "C-1");
    let id = start.project.clone();
    h.connect().open_project(start.clone(), &policy).unwrap();
    let races = 20u32;
    let mut spent = Yuan::ZERO;
    for race in 0..races {
        let barrier = Arc::new(Barrier::new(2));
        let results: Vec<(u32, Result<Head, StoreError>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = [1_000u32, 2_000]
                .into_iter()
                .map(|yuan| {
                    let barrier = Arc::clone(&barrier);
                    let (policy, start, id) = (&policy, &start, &id);
                    scope.spawn(move || {
                        let mut store = h.connect();
                        let project = store.load_project(id, policy).unwrap();
                        let records = project
                            .decide(&pay(start, d(2023, 1, 1 + race), yuan))
                            .unwrap();
                        barrier.wait();
                        (yuan, store.append(id, project.head().seq, &records))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let won: Vec<u32> = results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(y, _)| *y)
            .collect();
        assert_eq!(won.len(), 1, "race {race}: {results:?}");
        let lost: Vec<&StoreError> = results
            .iter()
            .filter_map(|(_, r)| r.as_ref().err())
            .collect();
        let expected = 1 + u64::from(race);
        assert!(
            matches!(lost[..], [StoreError::Conflict { expected: e, actual: a, .. }] if *e == expected && *a == expected + 1),
            "race {race}: {lost:?}"
        );
        spent = spent.checked_add(Yuan::from_yuan(won[0])).unwrap();
    }
    let project = h.connect().load_project(&id, &policy).unwrap();
    let ledger = project.ledger();
    assert_eq!(project.head().seq, 1 + u64::from(races));
    assert_eq!(ledger.spent, spent);
    assert_eq!(ledger.payments, u64::from(races));
    assert_eq!(
        ledger.spent.checked_add(ledger.balance).unwrap(),
        ledger.released
    );
    project.check_invariants().unwrap();
}

// ---------------------------------------------------------------- tampering

/// A changed row is found on load, naming its position and sequence number;
/// so are a removed row, a cut end, a head moved back (the log goes on past
/// it with another hash) and a row that is not an event.
fn tampered_rows_found<H: Harness>(h: &H) {
    let t = logs::template().unwrap();
    let policy = t.0.clone();
    let mut store = h.connect();
    let mut put = |name: &str| {
        let (project, log) = logs::payment_log(&policy, base(&t, name), 6).unwrap();
        store.append(project.id(), 0, &log).unwrap();
        (project.id().clone(), log)
    };
    let (changed, _) = put("T-changed");
    let (removed, _) = put("T-removed");
    let (cut, _) = put("T-cut");
    let (head_moved, _) = put("T-head");
    let (garbage, _) = put("T-garbage");
    let (intact, intact_log) = put("T-intact");

    // One payment's amount changed in place (record 2, seq 3).
    assert_eq!(
        h.sql("UPDATE events SET event = replace(event, '\"0.01\"', '\"0.02\"') WHERE project = 'T-changed' AND seq = 3"),
        1
    );
    assert_eq!(
        h.sql("DELETE FROM events WHERE project = 'T-removed' AND seq = 4"),
        1
    );
    assert_eq!(
        h.sql("DELETE FROM events WHERE project = 'T-cut' AND seq = 6"),
        1
    );
    assert_eq!(
        h.sql("UPDATE heads SET seq = 5 WHERE project = 'T-head'"),
        1
    );
    assert_eq!(
        h.sql("UPDATE events SET event = '{\"not\":\"an event\"}' WHERE project = 'T-garbage' AND seq = 2"),
        1
    );

    let mut store = h.connect();
    for load in [true, false] {
        let mut get = |id: &ProjectId| -> StoreError {
            if load {
                store.load_project(id, &policy).unwrap_err()
            } else {
                store.read_log(id).unwrap_err()
            }
        };
        let err = get(&changed);
        assert!(
            matches!(
                err,
                StoreError::Tampered {
                    source: ChainError::Hash {
                        index: 2,
                        seq: 3,
                        ..
                    },
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(err.position(), Some(2));
        let text = err.to_string();
        assert!(
            text.contains("`T-changed`") && text.contains("record 2 (seq 3)"),
            "{text}"
        );

        let err = get(&removed);
        assert!(
            matches!(
                err,
                StoreError::Tampered {
                    source: ChainError::Sequence {
                        index: 3,
                        expected: 4,
                        found: 5
                    },
                    ..
                }
            ),
            "{err}"
        );
        let err = get(&cut);
        assert!(
            matches!(
                err,
                StoreError::Tampered {
                    source: ChainError::Truncated { .. },
                    ..
                }
            ),
            "{err}"
        );
        let err = get(&head_moved);
        assert!(
            matches!(
                err,
                StoreError::Tampered {
                    source: ChainError::Diverged { seq: 5, .. },
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(err.position(), Some(4));
        let err = get(&garbage);
        assert!(
            matches!(
                err,
                StoreError::Corrupt {
                    position: 1,
                    seq: 2,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(err.position(), Some(1));
    }
    // The others are untouched.
    assert_eq!(store.read_log(&intact).unwrap(), intact_log);
}

// ---------------------------------------------------------------- crashes

/// A writer killed with SIGKILL loses nothing it was told was stored: once
/// at a random point (perhaps inside a transaction), once between deciding
/// and appending.
fn killed_writer_loses_nothing_acknowledged<H: Harness>(h: &H) {
    let policy = logs::template().unwrap().0;
    drop(h.connect()); // the schema, before the child opens it
    for (project, pause_ms, kill_after) in [("K-random", 0u64, 40usize), ("K-between", 300, 4)] {
        let mut child = Process::new(env!("CARGO_BIN_EXE_store-writer"))
            .args(h.writer_args())
            .args([project, &pause_ms.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut acked: Vec<u64> = Vec::new();
        let mut decided_at_kill = None;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(seq) = line.strip_prefix("acked ") {
                acked.push(seq.parse().unwrap());
                if pause_ms == 0 && acked.len() >= kill_after {
                    break;
                }
            } else if let Some(seq) = line.strip_prefix("decided ") {
                if pause_ms > 0 && acked.len() >= kill_after {
                    decided_at_kill = Some(seq.parse::<u64>().unwrap());
                    break;
                }
            }
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "{project}: the writer was not killed: {status}"
        );
        // What it printed before it died.
        for line in lines {
            if let Some(seq) = line.unwrap().strip_prefix("acked ") {
                acked.push(seq.parse().unwrap());
            }
        }
        let last = *acked.last().unwrap();
        assert!(acked.len() >= kill_after);
        assert_eq!(acked, (1..=last).collect::<Vec<_>>(), "{project}");

        let mut store = h.connect();
        let id = ProjectId::new(project);
        let log = store.read_log(&id).unwrap();
        let replayed = store.load_project(&id, &policy).unwrap();
        let head = replayed.head().seq;
        assert!(
            head == last || head == last + 1,
            "{project}: acknowledged up to {last}, stored up to {head}"
        );
        assert_eq!(log.len() as u64, head);
        if let Some(decided) = decided_at_kill {
            // Killed while pausing before the append: that record is not there.
            assert_eq!(decided, last + 1);
            assert_eq!(
                head, last,
                "{project}: the unacknowledged record was stored"
            );
        }
        assert_eq!(replayed.ledger().payments, head - 1);
        // The store is usable after the crash: the next append goes on.
        let next = replayed;
        let records = next
            .decide(&pay(next.start(), next.last_event_on(), 1))
            .unwrap();
        store.append(&id, head, &records).unwrap();
    }
}

// ---------------------------------------------------------------- the schema

fn schema_is_migrated_once<H: Harness>(h: &H) {
    // Two connections open the same database; the schema is there once.
    let _a = h.connect();
    let _b = h.connect();
    assert_eq!(
        h.sql("DELETE FROM schema_migrations WHERE version > 1000"),
        0
    );
    assert_eq!(
        h.sql(&format!(
            "UPDATE schema_migrations SET name = name WHERE version = {SCHEMA_VERSION}"
        )),
        1
    );
}

macro_rules! suite {
    ($backend:ident, $harness:path) => {
        mod $backend {
            macro_rules! run {
                ($test:ident) => {
                    #[test]
                    fn $test() {
                        if let Some(h) =
                            $harness(concat!(stringify!($backend), "_", stringify!($test)))
                        {
                            super::$test(&h);
                        }
                    }
                };
            }
            run!(round_trip);
            run!(tampered_round_refused);
            run!(refused_appends_write_nothing);
            run!(execute_and_open);
            run!(two_writers_one_sequence);
            run!(tampered_rows_found);
            run!(killed_writer_loses_nothing_acknowledged);
            run!(schema_is_migrated_once);
        }
    };
}

suite!(sqlite, crate::support::sqlite);
#[cfg(feature = "postgres")]
suite!(postgres, crate::support::postgres);

/// Without the `postgres` feature the PostgreSQL half of the suite is not
/// compiled: that is a skip, said so — and a failure when CI requires it.
#[cfg(not(feature = "postgres"))]
#[test]
fn postgres_suite_compiled_out() {
    if std::env::var(support::REQUIRE_PG).is_ok_and(|v| v == "1") {
        panic!(
            "SKILL_GRANTS_REQUIRE_PG=1 but the `postgres` feature is off: run with --all-features"
        );
    }
    support::say_skipped("PostgreSQL suite: SKIPPED (build with --features postgres)");
}

/// The in-memory SQLite store behaves as the file store for one writer.
#[test]
fn sqlite_in_memory_round_trip() {
    let run = sample::annual_round_2022().unwrap();
    let mut store = skill_grants_store::SqliteStore::open_in_memory().unwrap();
    for p in &run.projects {
        store.append(p.project.id(), 0, &p.log).unwrap();
    }
    for p in &run.projects {
        let loaded: Project = store
            .load_project(p.project.id(), &Policy::ordos_2022())
            .unwrap();
        assert_eq!(loaded, p.project);
    }
}

/// A database whose schema is newer than the crate is refused, saying so;
/// a file that is not a database is refused, naming it.
#[test]
fn sqlite_newer_schema_and_foreign_file_refused() {
    let h = support::sqlite("newer_schema").unwrap();
    drop(h.connect());
    assert_eq!(
        h.sql("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')"),
        1
    );
    let err = skill_grants_store::SqliteStore::open(&h.path).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::SchemaTooNew {
                found: 99,
                known: SCHEMA_VERSION
            }
        ),
        "{err}"
    );
    let other = h.path.with_file_name("notes.txt");
    std::fs::write(&other, "not a database, but long enough to have a header of its own ........................................................").unwrap();
    let err = skill_grants_store::SqliteStore::open(&other).unwrap_err();
    assert!(matches!(err, StoreError::Sqlite { .. }), "{err}");
    assert!(
        err.to_string().contains("notes.txt") || err.to_string().contains("WAL"),
        "{err}"
    );
}
