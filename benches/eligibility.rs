//! Bench 1: one eligibility decision (every finding, no text), the same
//! decision rendered in both languages, and the floor of issue 14
//! (`eligibility/floor`: the same rules hand-written as one function
//! returning a bool, `support::floor`), so that the ratio `decide` / `floor`
//! is measured in one run. Inputs: a pool of varied applications (both
//! kinds, banners and bodies, histories that pass and fail), cycled.
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
use skill_grants::Lang;
use skill_grants::eligibility::decide;
use support::floor::eligible_by_hand;

fn decision(c: &mut Criterion) {
    let policy = support::policy_with_conditions();
    let mut group = c.benchmark_group("eligibility");
    group.measurement_time(Duration::from_secs(4));
    for pool in [64usize, 4096] {
        let apps = support::applications(pool, 7);
        for app in &apps {
            assert_eq!(
                eligible_by_hand(&policy, app),
                decide(&policy, app).unwrap().is_eligible(),
                "the floor disagrees with decide on {}",
                app.id
            );
        }
        group.throughput(Throughput::Elements(1));
        let mut i = 0usize;
        group.bench_with_input(BenchmarkId::new("floor", pool), &apps, |b, apps| {
            b.iter(|| {
                i = next(i, apps.len());
                black_box(eligible_by_hand(black_box(&policy), black_box(&apps[i])))
            })
        });
        let mut i = 0usize;
        group.bench_with_input(BenchmarkId::new("decide", pool), &apps, |b, apps| {
            b.iter(|| {
                i = next(i, apps.len());
                black_box(decide(black_box(&policy), black_box(&apps[i])).unwrap())
            })
        });
        let mut i = 0usize;
        group.bench_with_input(
            BenchmarkId::new("decide_and_render_zh_en", pool),
            &apps,
            |b, apps| {
                b.iter(|| {
                    i = next(i, apps.len());
                    let decision = decide(black_box(&policy), black_box(&apps[i])).unwrap();
                    let zh = decision.render_with(&policy, Lang::Zh);
                    let en = decision.render_with(&policy, Lang::En);
                    black_box((zh, en))
                })
            },
        );
    }
    group.finish();
}

/// The next index of a pool of `len`, back to the first after the last
/// (without the integer division of `%`, which is not the law's work).
fn next(i: usize, len: usize) -> usize {
    if i + 1 < len { i + 1 } else { 0 }
}

criterion_group!(benches, decision);
criterion_main!(benches);
