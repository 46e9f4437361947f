//! Bench: the tamper-evident log (`chain`) — sealing and verifying 100,000
//! small events (an enum of the lifecycle's shape: a project id, an amount of
//! money, a date). Throughput is reported in events per second.
#![allow(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Serialize;
use skill_grants::chain::{self, Head, Sealed};
use skill_grants::{NaiveDate, Yuan};

const EVENTS: usize = 100_000;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
enum Ev {
    Paid {
        project: String,
        amount: Yuan,
        on: NaiveDate,
    },
    Closed,
}

fn events() -> Vec<Ev> {
    let day = NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    (0..EVENTS)
        .map(|i| {
            if i % 10 == 9 {
                Ev::Closed
            } else {
                Ev::Paid {
                    project: format!("S-2022-{:03}", i % 40),
                    amount: Yuan::from_fen(i as i64 * 101).unwrap(),
                    on: day,
                }
            }
        })
        .collect()
}

fn seal_all(events: &[Ev]) -> (Vec<Sealed<&Ev>>, Head) {
    let mut head = Head::GENESIS;
    let mut log = Vec::with_capacity(events.len());
    for event in events {
        let (record, next) = chain::seal(head, event).unwrap();
        log.push(record);
        head = next;
    }
    (log, head)
}

fn bench(c: &mut Criterion) {
    let events = events();
    let (log, head) = seal_all(&events);
    let mut group = c.benchmark_group("chain");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("seal_100k", |b| {
        b.iter(|| black_box(seal_all(black_box(&events))))
    });
    group.bench_function("verify_100k", |b| {
        b.iter(|| black_box(chain::verify(black_box(&log)).unwrap()))
    });
    group.bench_function("verify_against_100k", |b| {
        b.iter(|| black_box(chain::verify_against(black_box(&log), &head).unwrap()))
    });
    // The floor of sealing and verifying: the chain hashes alone over the
    // events' canonical bytes (made before the run, not timed).
    let bytes: Vec<Vec<u8>> = events
        .iter()
        .map(|e| chain::canonical_bytes(e).unwrap())
        .collect();
    group.bench_function("seal_only_100k", |b| {
        b.iter(|| {
            let mut prev = chain::Digest::ZERO;
            for (seq, e) in (1u64..).zip(black_box(&bytes)) {
                prev = chain::chain_hash(&prev, seq, e);
            }
            black_box(prev)
        })
    });
    group.bench_function("canonical_bytes_100k", |b| {
        b.iter(|| {
            for e in black_box(&events) {
                black_box(chain::canonical_bytes(e).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
