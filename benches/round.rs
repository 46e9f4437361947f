//! Bench 2: a whole annual round — list checks (R8), eligibility of every
//! candidate, closing (listed-by-others), ranking, selection and funding —
//! for 1,000, 10,000 and 100,000 candidates over the nine banners and the
//! 4.2 bodies; the same with the inputs read from JSON before each run; and
//! each step alone, to show where the time goes.
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
use skill_grants::domain::ApplicationId;
use skill_grants::round::Round;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The whole round, two or three ways per size. `whole`: each run's inputs
/// are clones of one generated input, so their application ids (shared
/// texts) all live in the generator's memory, away from the rest of each
/// clone. `whole_from_json`: the inputs as a service receives them, the
/// lists and the scores read from JSON before each run (not timed), so every
/// string is newly allocated beside the rest of its application and no score
/// shares its text with the round's ids. `whole_cold` (10,000 and 100,000
/// only): as `whole`, with the caches emptied after the inputs are made (not
/// timed), so that the smaller round, too, reads its inputs from memory;
/// in the other two, a 10,000 round finds its just-made inputs in cache and a
/// 100,000 round does not. The README explains what the differences show.
fn whole_round(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let mut group = c.benchmark_group("round");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for n in SIZES {
        let input = support::round_input(n, 11);
        let lists = serde_json::to_string(&input.lists).unwrap();
        let review = serde_json::to_string(&input.review).unwrap();
        let from_json = || support::RoundInput {
            setup: input.setup.clone(),
            lists: serde_json::from_str(&lists).unwrap(),
            review: serde_json::from_str(&review).unwrap(),
        };
        let cold = || {
            let input = input.clone();
            support::empty_caches();
            input
        };
        let variants: [(&str, &dyn Fn() -> support::RoundInput); 3] = [
            ("whole", &|| input.clone()),
            ("whole_from_json", &from_json),
            ("whole_cold", &cold),
        ];
        group.throughput(Throughput::Elements(n as u64));
        for (name, make) in variants {
            // Emptying the caches before each of the many runs of a small
            // round would take minutes; the two larger sizes tell.
            if name == "whole_cold" && n < 10_000 {
                continue;
            }
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter_batched(
                    make,
                    |input| support::run_round(&policy, input),
                    BatchSize::PerIteration,
                )
            });
        }
    }
    group.finish();
}

fn steps(c: &mut Criterion) {
    let policy = Policy::ordos_2022();
    let mut group = c.benchmark_group("round_step");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for n in [10_000usize, 100_000] {
        let input = support::round_input(n, 11);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("submit", n), &input, |b, input| {
            b.iter_batched(
                || input.clone(),
                |input| {
                    let mut round = Round::set_up(policy.clone(), input.setup).unwrap();
                    for l in input.lists {
                        round.submit(l).unwrap();
                    }
                    round
                },
                BatchSize::PerIteration,
            )
        });
        let mut submitted = Round::set_up(policy.clone(), input.setup.clone()).unwrap();
        for l in input.lists.clone() {
            submitted.submit(l).unwrap();
        }
        group.bench_with_input(BenchmarkId::new("close", n), &submitted, |b, round| {
            b.iter_batched(
                || round.clone(),
                |mut round| {
                    round.close_submissions().unwrap();
                    round
                },
                BatchSize::PerIteration,
            )
        });
        let mut closed = submitted.clone();
        closed.close_submissions().unwrap();
        group.bench_with_input(BenchmarkId::new("review", n), &closed, |b, round| {
            b.iter_batched(
                || (round.clone(), input.review.clone()),
                |(mut round, review)| {
                    round.review(review).unwrap();
                    round
                },
                BatchSize::PerIteration,
            )
        });
        // The same review with every score naming a fresh copy of its id's
        // text, as when the scores are read from a file: no score shares its
        // text with the round's id.
        let mut fresh = input.review.clone();
        for s in &mut fresh.scores {
            s.application = ApplicationId::from(s.application.as_str());
        }
        group.bench_with_input(
            BenchmarkId::new("review_fresh_ids", n),
            &closed,
            |b, round| {
                b.iter_batched(
                    || (round.clone(), fresh.clone()),
                    |(mut round, review)| {
                        round.review(review).unwrap();
                        round
                    },
                    BatchSize::PerIteration,
                )
            },
        );
        let reviewed = support::final_round(&policy, input.clone());
        group.bench_with_input(BenchmarkId::new("outcome", n), &reviewed, |b, round| {
            b.iter(|| black_box(round.outcome().unwrap()))
        });
    }
    group.finish();
}

/// `round_step/check_invariants`: the invariants of an outcome of 100,000
/// candidates, every one selected and funded with its project, so that
/// matching projects to candidates runs at full size (it was quadratic).
/// `round/whole_shared_prefix`: a whole round of 100,000 whose application
/// ids share a 200-character prefix (std's keyed hashing; no super-linear
/// path).
fn hostile(c: &mut Criterion) {
    use skill_grants::round::{Draw, Funding, KindCounts, Verdict, check_invariants};
    use skill_grants::{AnnualPlaces, Fund, Yuan};
    let policy = Policy::ordos_2022();
    let n = 100_000usize;
    let input = support::round_input(n, 11);
    let mut outcome = support::final_round(&policy, input.clone())
        .outcome()
        .unwrap();
    let template = outcome.projects[0].clone();
    let mut projects = Vec::new();
    let mut total = Yuan::ZERO;
    for (i, c) in outcome.candidates.iter_mut().enumerate() {
        let amount = outcome.subsidies.of(c.kind);
        let draws = vec![Draw {
            fund: Fund::EmploymentSubsidy,
            amount,
        }];
        c.verdict = Verdict::Selected {
            funding: Funding::Funded {
                amount,
                draws: draws.clone(),
            },
            moved_up_for: None,
        };
        c.city_rank = Some(i as u32 + 1);
        total = total.checked_add(amount).unwrap();
        let mut p = template.clone();
        p.application = c.application.clone();
        p.kind = c.kind;
        p.amount = amount;
        p.draws = draws;
        projects.push(p);
    }
    projects.reverse();
    outcome.projects = projects;
    outcome.places = AnnualPlaces {
        year: outcome.year,
        training_bases: u32::MAX,
        studios: u32::MAX,
    };
    outcome.programme_totals = KindCounts {
        training_bases: u32::MAX,
        studios: u32::MAX,
    };
    outcome.selected_before = KindCounts::default();
    for l in &mut outcome.lists {
        l.quota = u32::MAX;
    }
    outcome.balances = skill_grants::round::FundBalances::new(total, Yuan::ZERO);
    outcome.drawn = outcome.balances;
    outcome.remaining = skill_grants::round::FundBalances::default();
    check_invariants(&outcome).unwrap();
    let mut group = c.benchmark_group("round_step");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_with_input(BenchmarkId::new("check_invariants", n), &outcome, |b, o| {
        b.iter(|| check_invariants(black_box(o)).unwrap())
    });
    group.finish();

    let prefix = "P".repeat(200);
    let mut shared = input;
    for l in &mut shared.lists {
        for a in &mut l.candidates {
            a.id = ApplicationId::from(format!("{prefix}{}", a.id).as_str());
        }
    }
    for s in &mut shared.review.scores {
        s.application = ApplicationId::from(format!("{prefix}{}", s.application).as_str());
    }
    let mut group = c.benchmark_group("round");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function(BenchmarkId::new("whole_shared_prefix", n), |b| {
        b.iter_batched(
            || shared.clone(),
            |input| support::run_round(&policy, input),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, whole_round, steps, hostile);
criterion_main!(benches);
