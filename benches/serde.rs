//! Bench 5: storage cost beside the rules — a round outcome and a project's
//! event log to JSON and back (serde_json).
#![allow(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use skill_grants::Policy;
use skill_grants::lifecycle::Event;
use skill_grants::round::RoundOutcome;

fn outcome(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let mut group = c.benchmark_group("serde_outcome");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    for n in [1_000usize, 10_000] {
        let round = support::final_round(&policy, support::round_input(n, 11));
        let outcome = round.outcome().unwrap();
        let json = serde_json::to_string(&outcome).unwrap();
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_with_input(BenchmarkId::new("to_json", n), &outcome, |b, o| {
            b.iter(|| black_box(serde_json::to_string(black_box(o)).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("from_json", n), &json, |b, j| {
            b.iter(|| black_box(serde_json::from_str::<RoundOutcome>(black_box(j)).unwrap()))
        });
    }
    group.finish();
}

fn event_log(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let mut group = c.benchmark_group("serde_log");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    for n in [1_000usize, 100_000] {
        let log = support::event_log(&policy, n, 3);
        let json = serde_json::to_string(&log).unwrap();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("to_json", n), &log, |b, l| {
            b.iter(|| black_box(serde_json::to_string(black_box(l)).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("from_json", n), &json, |b, j| {
            b.iter(|| black_box(serde_json::from_str::<Vec<Event>>(black_box(j)).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, outcome, event_log);
criterion_main!(benches);
