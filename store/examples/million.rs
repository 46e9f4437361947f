//! A million events written and replayed: the store's rate and size, run by
//! hand (not in CI). Release mode:
//!
//! ```sh
//! cargo run --release -p skill-grants-store --example million                  # SQLite, a temporary file
//! cargo run --release -p skill-grants-store --example million -- --db FILE     # SQLite, this new file (kept)
//! cargo run --release -p skill-grants-store --all-features --example million -- --pg URL   # PostgreSQL
//! cargo run --release -p skill-grants-store --example million -- --projects 100 --events 10000
//! ```
//!
//! 1,000 generated training bases with 1,000 events each (the start and 999
//! one-fen payments): each project's log appended in batches of `--batch`
//! records (one transaction each), then every project loaded — its rows read,
//! decoded, its chain verified against the stored head and every event
//! replayed by the lifecycle — and checked against the state written.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../support/logs.rs"]
mod logs;

use std::path::PathBuf;
use std::time::Instant;

use skill_grants_store::{EventStore, SqliteStore};

struct Args {
    projects: usize,
    events: usize,
    batch: usize,
    db: Option<PathBuf>,
    pg: Option<String>,
}

fn args() -> Args {
    let mut a = Args {
        projects: 1_000,
        events: 1_000,
        batch: 1_000,
        db: None,
        pg: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--projects" => a.projects = value().parse().unwrap_or_else(|_| usage("--projects N")),
            "--events" => a.events = value().parse().unwrap_or_else(|_| usage("--events N")),
            "--batch" => a.batch = value().parse().unwrap_or_else(|_| usage("--batch N")),
            "--db" => a.db = Some(PathBuf::from(value())),
            "--pg" => a.pg = Some(value()),
            "--help" | "-h" => {
                println!(
                    "usage: million [--projects N] [--events N] [--batch N] [--db FILE | --pg URL]"
                );
                std::process::exit(0);
            }
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if a.batch == 0 || a.events == 0 {
        usage("--batch and --events must be at least 1");
    }
    a
}

fn usage(problem: &str) -> ! {
    eprintln!(
        "million: {problem}\nusage: million [--projects N] [--events N] [--batch N] [--db FILE | --pg URL]"
    );
    std::process::exit(2);
}

fn rate(n: usize, seconds: f64) -> String {
    format!("{:.0} events/s", n as f64 / seconds)
}

/// This thread's time on a CPU so far, in seconds (Linux: the first field of
/// /proc/thread-self/schedstat): on a shared machine, a rate per CPU second
/// says more than one per wall second. Zero elsewhere.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|n| n.parse::<u64>().ok())
        })
        .map_or(0.0, |ns| ns as f64 / 1e9)
}

/// Wall and CPU time since (`t`, `c`), with the rates.
fn timing(n: usize, t: Instant, c: f64) -> String {
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu() - c;
    format!(
        "{wall:.2} s wall ({}), {cpu:.2} s on CPU ({})",
        rate(n, wall),
        rate(n, cpu)
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args();
    let total = a.projects * a.events;
    let (policy, template) = logs::template()?;

    let (t, c) = (Instant::now(), cpu());
    let mut written = Vec::with_capacity(a.projects);
    for i in 0..a.projects {
        written.push(logs::payment_log(
            &policy,
            logs::start(&template, i),
            a.events,
        )?);
    }
    println!(
        "generated {} projects x {} events = {total} events (decide, seal, apply) in {}",
        a.projects,
        a.events,
        timing(total, t, c)
    );

    let temp = std::env::temp_dir().join(format!("sg-million-{}", std::process::id()));
    let (mut store, path): (Box<dyn EventStore>, Option<PathBuf>) = match (&a.pg, &a.db) {
        (Some(url), _) => (pg(url)?, None),
        (None, Some(path)) => {
            if path.exists() {
                usage(&format!("{} exists", path.display()));
            }
            (Box::new(SqliteStore::open(path)?), Some(path.clone()))
        }
        (None, None) => {
            std::fs::create_dir_all(&temp)?;
            let path = temp.join("million.db");
            (Box::new(SqliteStore::open(&path)?), Some(path))
        }
    };

    let (t, c) = (Instant::now(), cpu());
    let mut transactions = 0usize;
    for (project, log) in &written {
        let mut head = 0;
        for batch in log.chunks(a.batch) {
            head = store.append(project.id(), head, batch)?.seq;
            transactions += 1;
        }
    }
    println!(
        "appended {total} events in {transactions} transactions (batches of {}) in {}",
        a.batch,
        timing(total, t, c)
    );
    drop(store);
    if let Some(path) = &path {
        let size = std::fs::metadata(path)?.len();
        let wal = std::fs::metadata(path.with_extension("db-wal")).map_or(0, |m| m.len());
        println!(
            "SQLite file {}: {:.1} MB ({:.0} bytes/event), WAL left {wal} bytes",
            path.display(),
            size as f64 / 1e6,
            size as f64 / total as f64
        );
    }

    let mut store: Box<dyn EventStore> = match (&a.pg, &path) {
        (Some(url), _) => pg_reopen(url)?,
        (None, Some(path)) => Box::new(SqliteStore::open(path)?),
        (None, None) => unreachable!(),
    };
    let ids = store.projects()?;
    assert_eq!(ids.len(), a.projects);

    // The library's part alone: the same logs verified and replayed from memory.
    let (t, c) = (Instant::now(), cpu());
    let mut in_memory = 0u64;
    for (project, log) in &written {
        let replayed =
            skill_grants::lifecycle::Project::replay(log, &policy, Some(&project.head()))?;
        in_memory += replayed.event_count();
    }
    println!(
        "replayed {in_memory} events from memory (verify the chain, replay; no database) in {}",
        timing(in_memory as usize, t, c)
    );

    let (t, c) = (Instant::now(), cpu());
    let mut read = 0usize;
    for id in &ids {
        read += store.read_unverified(id)?.0.len();
    }
    println!(
        "read and decoded {read} events (rows to sealed events, not verified) in {}",
        timing(read, t, c)
    );

    let (t, c) = (Instant::now(), cpu());
    let mut replayed = 0u64;
    for (id, (expected, _)) in ids.iter().zip(&written) {
        let project = store.load_project(id, &policy)?;
        assert_eq!(&project, expected);
        replayed += project.event_count();
    }
    println!(
        "loaded and replayed {replayed} events (read, decode, verify the chain against the head, replay) in {}",
        timing(replayed as usize, t, c)
    );
    if let Some(url) = &a.pg {
        pg_size(url)?;
    }
    if a.db.is_none() && a.pg.is_none() {
        std::fs::remove_dir_all(&temp)?;
    }
    Ok(())
}

#[cfg(feature = "postgres")]
fn pg(url: &str) -> Result<Box<dyn EventStore>, Box<dyn std::error::Error>> {
    let mut store = skill_grants_store::PgStore::connect(url)?;
    if !store.projects()?.is_empty() {
        usage("the PostgreSQL database already holds projects: give an empty one");
    }
    Ok(Box::new(store))
}

#[cfg(feature = "postgres")]
fn pg_reopen(url: &str) -> Result<Box<dyn EventStore>, Box<dyn std::error::Error>> {
    Ok(Box::new(skill_grants_store::PgStore::connect(url)?))
}

#[cfg(feature = "postgres")]
fn pg_size(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut client = postgres::Client::connect(url, postgres::NoTls)?;
    let row = client.query_one(
        "SELECT pg_total_relation_size('events'), pg_total_relation_size('heads'), pg_database_size(current_database())",
        &[],
    )?;
    let (events, heads, db): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
    println!(
        "PostgreSQL: events table with indexes {:.1} MB, heads {:.1} MB, whole database {:.1} MB",
        events as f64 / 1e6,
        heads as f64 / 1e6,
        db as f64 / 1e6
    );
    Ok(())
}

#[cfg(not(feature = "postgres"))]
fn pg(_: &str) -> Result<Box<dyn EventStore>, Box<dyn std::error::Error>> {
    usage("--pg needs the `postgres` feature (--all-features)")
}

#[cfg(not(feature = "postgres"))]
fn pg_reopen(url: &str) -> Result<Box<dyn EventStore>, Box<dyn std::error::Error>> {
    pg(url)
}

#[cfg(not(feature = "postgres"))]
fn pg_size(_: &str) -> Result<(), Box<dyn std::error::Error>> {
    Ok(())
}
