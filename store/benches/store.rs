//! The store's throughput (release, `cargo bench -p skill-grants-store`):
//!
//! - `sqlite_append/batch_1000`: one project's 1,000-event log appended in
//!   one transaction to a SQLite file (WAL, `synchronous = FULL`), the file
//!   growing as the bench runs. Target: ≥ 20,000 events/s.
//! - `sqlite_load/…`: a 1,000-event log read back from a file of 100 such
//!   logs: `read_unverified` (rows to sealed events), `read_log` (and the
//!   chain verified against the head), `load_project` (read, verify and
//!   replay by the lifecycle). Target for loading and replaying: ≥ 1,000,000
//!   events/s.
//!
//! Short settings (the machine is shared): 10 samples, 5 s each.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../support/logs.rs"]
mod logs;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use skill_grants::domain::ProjectId;
use skill_grants_store::{EventStore, SqliteStore};

const EVENTS: usize = 1_000;

struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str) -> TempFile {
        let dir = std::env::temp_dir().join(format!("sg-bench-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempFile(dir)
    }
    fn db(&self) -> std::path::PathBuf {
        self.0.join("bench.db")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn append(c: &mut Criterion) {
    let (policy, template) = logs::template().unwrap();
    let dir = TempFile::new("append");
    let mut store = SqliteStore::open(dir.db()).unwrap();
    let mut next = 0usize;
    let mut group = c.benchmark_group("sqlite_append");
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("batch_1000", |b| {
        b.iter_batched(
            || {
                next += 1;
                logs::payment_log(&policy, logs::start(&template, next), EVENTS).unwrap()
            },
            |(project, log)| store.append(project.id(), 0, black_box(&log)).unwrap(),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let (policy, template) = logs::template().unwrap();
    let dir = TempFile::new("load");
    let mut store = SqliteStore::open(dir.db()).unwrap();
    let ids: Vec<ProjectId> = (0..100)
        .map(|i| {
            let (project, log) =
                logs::payment_log(&policy, logs::start(&template, i), EVENTS).unwrap();
            store.append(project.id(), 0, &log).unwrap();
            project.id().clone()
        })
        .collect();
    drop(store);
    let mut store = SqliteStore::open(dir.db()).unwrap();
    let mut group = c.benchmark_group("sqlite_load");
    group.throughput(Throughput::Elements(EVENTS as u64));
    let mut i = 0usize;
    let mut next = || {
        i = (i + 1) % ids.len();
        &ids[i]
    };
    group.bench_function("read_unverified_1000", |b| {
        b.iter(|| store.read_unverified(black_box(next())).unwrap());
    });
    group.bench_function("read_log_verified_1000", |b| {
        b.iter(|| store.read_log(black_box(next())).unwrap());
    });
    group.bench_function("load_project_replayed_1000", |b| {
        b.iter(|| store.load_project(black_box(next()), &policy).unwrap());
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = append, load
}
criterion_main!(benches);
