//! Benches 3 and 4: the ledger (1,000,000 payment commands checked and applied
//! over 60 projects) and replay (rebuilding a project from logs of 1,000,
//! 100,000 and 1,000,000 events; the state on a past date).
//!
//! Every event is sealed (SHA-256 over its canonical bytes, `chain`), so each
//! group also measures its floor: `hash_only`, the chain hashes alone over the
//! same events' canonical bytes (made before the run, not timed).
//! `replay/verified` replays a log verified before the run
//! (`Project::replay_verified`): the replay law without the hashing.
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

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use skill_grants::Policy;
use skill_grants::chain::{self, Digest};
use skill_grants::lifecycle::{Action, Command, Project};

/// The chain hashes of a log whose events have these canonical bytes: what
/// sealing or verifying it costs at least.
fn hash_all(bytes: &[Vec<u8>]) -> Digest {
    let mut prev = Digest::ZERO;
    for (seq, b) in (1u64..).zip(bytes) {
        prev = chain::chain_hash(&prev, seq, b);
    }
    prev
}

fn ledger(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let projects = support::projects(&policy, 60);
    let mut group = c.benchmark_group("ledger");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    {
        let n = 1_000_000usize;
        let commands = support::payment_commands(&projects, n, 5);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(
            BenchmarkId::new("decide_apply_payment", n),
            &commands,
            |b, commands| {
                b.iter_batched(
                    || projects.clone(),
                    |mut projects| {
                        let mut refused = 0u32;
                        for cmd in commands {
                            let project = &mut projects[cmd.project];
                            match project.decide_payment(&cmd.by, cmd.on, &cmd.spend) {
                                Ok(payment) => {
                                    let record = project.payment_event(payment).unwrap();
                                    project.apply(&record).unwrap();
                                }
                                Err(_) => refused += 1,
                            }
                        }
                        black_box(refused);
                        projects
                    },
                    BatchSize::PerIteration,
                )
            },
        );
        // The same commands through `Project::execute`, as a host holding
        // the state runs them: decided, sealed (one hash each) and applied
        // without hashing again what it sealed itself.
        let pay: Vec<(usize, Command)> = commands
            .iter()
            .map(|c| {
                let action = Action::Pay { spend: c.spend };
                (c.project, Command::new(c.by.clone(), c.on, action))
            })
            .collect();
        group.bench_with_input(BenchmarkId::new("execute_payment", n), &pay, |b, pay| {
            b.iter_batched(
                || projects.clone(),
                |mut projects| {
                    let mut refused = 0u32;
                    for (p, command) in pay {
                        match projects[*p].execute(command) {
                            Ok(records) => {
                                black_box(records);
                            }
                            Err(_) => refused += 1,
                        }
                    }
                    black_box(refused);
                    projects
                },
                BatchSize::PerIteration,
            )
        });
        // The decision alone (no event, no seal).
        group.bench_with_input(
            BenchmarkId::new("decide_payment", n),
            &commands,
            |b, commands| {
                b.iter(|| {
                    let mut refused = 0u32;
                    for cmd in commands {
                        if projects[cmd.project]
                            .decide_payment(&cmd.by, cmd.on, &cmd.spend)
                            .is_err()
                        {
                            refused += 1;
                        }
                    }
                    black_box(refused)
                })
            },
        );
    }
    {
        // The floor: SHA-256 chain hashes alone over the canonical bytes of
        // the first 100,000 accepted payments' events (about 340 bytes each).
        let n = 100_000usize;
        let commands = support::payment_commands(&projects, n, 5);
        let mut projects = projects.clone();
        let mut bytes = Vec::with_capacity(n);
        for cmd in &commands {
            let project = &mut projects[cmd.project];
            if let Ok(payment) = project.decide_payment(&cmd.by, cmd.on, &cmd.spend) {
                let record = project.payment_event(payment).unwrap();
                bytes.push(chain::canonical_bytes(&record.event).unwrap());
                project.apply(&record).unwrap();
            }
        }
        group.throughput(Throughput::Elements(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("hash_only", n), &bytes, |b, bytes| {
            b.iter(|| black_box(hash_all(black_box(bytes))))
        });
    }
    group.finish();
}

fn replay(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let mut group = c.benchmark_group("replay");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    for n in [1_000usize, 100_000, 1_000_000] {
        let log = support::event_log(&policy, n, 3);
        let middle = log[n / 2].event.on;
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("full", n), &log, |b, log| {
            b.iter(|| black_box(Project::replay(black_box(log), &policy, None).unwrap()))
        });
        // The same log verified once before the run: the replay law alone,
        // as a host that holds a verified log replays it again.
        let verified = chain::Verified::verify(&log).unwrap();
        group.bench_with_input(BenchmarkId::new("verified", n), &verified, |b, verified| {
            b.iter(|| black_box(Project::replay_verified(black_box(verified), &policy).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("state_on_middle", n), &log, |b, log| {
            b.iter(|| black_box(Project::state_on(black_box(log), &policy, middle).unwrap()))
        });
        if n == 100_000 {
            // The floor: the chain hashes alone over the log's canonical
            // bytes (made before the run), and the chain's verification
            // alone (encoding and hashing each event, no replay).
            let bytes: Vec<Vec<u8>> = log
                .iter()
                .map(|r| chain::canonical_bytes(&r.event).unwrap())
                .collect();
            group.bench_with_input(BenchmarkId::new("hash_only", n), &bytes, |b, bytes| {
                b.iter(|| black_box(hash_all(black_box(bytes))))
            });
            group.bench_with_input(BenchmarkId::new("verify_only", n), &log, |b, log| {
                b.iter(|| black_box(chain::verify(black_box(log)).unwrap()))
            });
        }
    }
    group.finish();
}

/// Hostile start records (issue 15): 100,000 specialties, all distinct or
/// all the same, at `open` and as the first record of a sealed log. The
/// checks are linear or O(n log n) (the duplicate check sorts), so these take
/// milliseconds, not the seconds a quadratic scan would.
fn hostile_start(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let mut group = c.benchmark_group("hostile_start");
    group.sample_size(10);
    let n = 100_000usize;
    let base = support::start(
        &policy,
        1,
        skill_grants::ProjectKind::TrainingBase,
        support::d(2023, 9, 1),
    );
    let distinct = skill_grants::lifecycle::ProjectStart {
        specialties: (0..n)
            .map(|i| skill_grants::domain::Specialty::new(format!("专业{i}")))
            .collect(),
        ..base.clone()
    };
    let same = skill_grants::lifecycle::ProjectStart {
        specialties: vec![skill_grants::domain::Specialty::new("电工"); n],
        ..base
    };
    for (name, start) in [("distinct", distinct), ("same", same)] {
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("open", name), &start, |b, start| {
            b.iter(|| black_box(Project::open(black_box(start.clone()), &policy).is_err()))
        });
    }
    group.finish();
}

criterion_group!(benches, ledger, replay, hostile_start);
criterion_main!(benches);
