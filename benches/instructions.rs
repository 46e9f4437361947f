//! Not a criterion bench: runs one workload once, for instruction counts
//! under valgrind (the VM's timings move by a third; its instruction counts
//! do not). Only the `measured` function is counted:
//!
//! ```text
//! cargo bench -p skill-grants-benches --bench instructions --no-run
//! valgrind --tool=callgrind --toggle-collect='*measured*' \
//!     target/release/deps/instructions-HASH WORKLOAD N
//! ```
//!
//! WORKLOAD is `round` (a whole round of about N candidates, as
//! `round/whole`), `outcome` (`Round::outcome` of such a round, released, as
//! `round_step/outcome`), `decide` (N eligibility decisions over a pool of 64
//! applications, as `eligibility/decide`), `floor` (the same with the
//! hand-written floor, as `eligibility/floor`), `ledger` (N payment commands
//! decided, sealed and applied, as `ledger/decide_apply_payment`),
//! `execute` (the same through `Project::execute`), `replay` (a log of N
//! events, as `replay/full`), `replay_verified` (the same log verified
//! first, then `Project::replay_verified`, as `replay/verified`: count it
//! with `--toggle-collect='*measured_replay_verified*'`, which leaves the
//! verification out; run plainly it also prints the replay's own processor
//! time), `verify` (the chain alone over such a log, `chain::verify`), `seal_only` (SHA-256 chain hashes of the
//! canonical bytes of a log's N events, as `chain/seal_only`) or `sizes`
//! (prints the canonical size of a payment event and of the round's types;
//! nothing counted) or `count` (prints how many candidates a round input of
//! N has, and their verdicts). Not for valgrind: `rounds N R` (R rounds of
//! N, each on a fresh clone of one input: the median and smallest processor
//! time and the median of page faults), `outcomes N R` (R outcomes of one
//! released round of N, as `round_step/outcome`) and `steps N [WARM]` (one round's steps,
//! each with its processor time and page faults).
//!
//! Run without valgrind it prints the processor time `measured` took (this
//! thread's run time from `/proc/thread-self/schedstat`, so time spent
//! waiting for the shared cores is left out), for A/B runs on a busy machine.
#![allow(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::hint::black_box;

use skill_grants::Policy;
use skill_grants::chain::{self, Digest};
use skill_grants::eligibility::decide;
use skill_grants::lifecycle::{Action, Command, Project};

enum Work {
    Round(support::RoundInput),
    Outcome(Box<skill_grants::round::Round>),
    Decide(Vec<skill_grants::application::Application>, usize),
    Floor(Vec<skill_grants::application::Application>, usize),
    Ledger(Vec<Project>, Vec<support::PaymentCommand>),
    Execute(Vec<Project>, Vec<Command>, Vec<usize>),
    Replay(Vec<skill_grants::chain::Sealed<skill_grants::lifecycle::Event>>),
    ReplayVerified(Vec<skill_grants::chain::Sealed<skill_grants::lifecycle::Event>>),
    Verify(Vec<skill_grants::chain::Sealed<skill_grants::lifecycle::Event>>),
    SealOnly(Vec<Vec<u8>>),
}

#[inline(never)]
fn measured(policy: &Policy, work: Work) {
    match work {
        Work::Round(input) => {
            // Not dropped here (criterion drops a run's output untimed).
            std::mem::forget(black_box(support::run_round(policy, input)));
        }
        Work::Outcome(round) => {
            // The outcome dropped, as criterion's `iter` does; the round not.
            black_box(round.outcome().unwrap());
            std::mem::forget(round);
        }
        Work::Decide(apps, n) => {
            // The pool cycled without `%` (its integer division is not the
            // law's work), as `eligibility/decide` does.
            for app in apps.iter().cycle().take(n) {
                black_box(decide(policy, app).unwrap());
            }
        }
        Work::Floor(apps, n) => {
            for app in apps.iter().cycle().take(n) {
                black_box(support::floor::eligible_by_hand(policy, app));
            }
        }
        Work::Ledger(mut projects, commands) => {
            for cmd in &commands {
                let project = &mut projects[cmd.project];
                if let Ok(payment) = project.decide_payment(&cmd.by, cmd.on, &cmd.spend) {
                    let record = project.payment_event(payment).unwrap();
                    project.apply(&record).unwrap();
                }
            }
            black_box(projects);
        }
        Work::Execute(mut projects, commands, targets) => {
            for (cmd, p) in commands.iter().zip(&targets) {
                black_box(projects[*p].execute(cmd).ok());
            }
            black_box(projects);
        }
        Work::Replay(log) => {
            black_box(Project::replay(&log, policy, None).unwrap());
        }
        Work::ReplayVerified(log) => {
            // Verified before (not counted: `verify` is its own workload).
            let verified = chain::Verified::verify(&log).unwrap();
            let before = cpu_ns();
            measured_replay_verified(policy, &verified);
            if let (Some(b), Some(a)) = (before, cpu_ns()) {
                println!(
                    "replay_verified alone: {:.3} ms, {:.1} ns an event",
                    (a - b) as f64 / 1e6,
                    (a - b) as f64 / log.len() as f64
                );
            }
        }
        Work::Verify(log) => {
            black_box(chain::verify(&log).unwrap());
        }
        Work::SealOnly(bytes) => {
            let mut prev = Digest::ZERO;
            for (i, b) in bytes.iter().enumerate() {
                prev = chain::chain_hash(&prev, i as u64 + 1, b);
            }
            black_box(prev);
        }
    }
}

/// The replay of a verified log alone (the verification before it is not
/// counted): callgrind counts this function when `measured` is toggled off,
/// with `--toggle-collect='*measured_replay_verified*'`.
#[inline(never)]
fn measured_replay_verified(
    policy: &Policy,
    verified: &chain::Verified<'_, skill_grants::lifecycle::Event>,
) {
    black_box(Project::replay_verified(verified, policy).unwrap());
}

fn main() {
    // `cargo bench` runs every bench target with `--bench` (and a filter):
    // this one then does nothing.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_none_or(|a| a.starts_with('-')) {
        return;
    }
    let what = args[0].as_str();
    let n: usize = args.get(1).map_or(10_000, |s| s.parse().unwrap());
    let policy = Policy::ordos_2022();
    let work = match what {
        "round" => Work::Round(support::round_input(n, 11)),
        "outcome" => Work::Outcome(Box::new(support::final_round(
            &policy,
            support::round_input(n, 11),
        ))),
        "rounds" => {
            // REPEATS rounds, each on a clone of one input made before it
            // (as `round/whole`), its output dropped after it; the median
            // and the smallest processor time of a round.
            let repeats: usize = args.get(2).map_or(11, |s| s.parse().unwrap());
            let input = support::round_input(n, 11);
            let mut times = Vec::with_capacity(repeats);
            let mut faults = Vec::with_capacity(repeats);
            for _ in 0..repeats {
                let clone = input.clone();
                let before = cpu_ns().unwrap_or(0);
                let faults_before = minor_faults().unwrap_or(0);
                let round = black_box(support::run_round(&policy, clone));
                times.push(cpu_ns().unwrap_or(0).saturating_sub(before));
                faults.push(minor_faults().unwrap_or(0).saturating_sub(faults_before));
                drop(round);
            }
            if std::env::var_os("ROUNDS_ALL").is_some() {
                println!("each round: {times:?} ns, {faults:?} page faults");
            }
            times.sort_unstable();
            faults.sort_unstable();
            // The mean as well: each reading lags by up to a tick, so for
            // rounds shorter than a few ticks only the mean tells.
            let mean = times.iter().sum::<u64>() as f64 / repeats as f64;
            println!(
                "rounds {n}: mean {:.2} ms, median {:.2} ms, smallest {:.2} ms of {repeats}; median {} page faults",
                mean / 1e6,
                times[repeats / 2] as f64 / 1e6,
                times[0] as f64 / 1e6,
                faults[repeats / 2]
            );
            return;
        }
        "outcomes" => {
            // REPEATS outcomes of one released round of N, each dropped (as
            // `round_step/outcome`): the mean, median and smallest processor
            // time of one.
            let repeats: usize = args.get(2).map_or(11, |s| s.parse().unwrap());
            let round = support::final_round(&policy, support::round_input(n, 11));
            let mut times = Vec::with_capacity(repeats);
            for _ in 0..repeats {
                let before = cpu_ns().unwrap_or(0);
                black_box(round.outcome().unwrap());
                times.push(cpu_ns().unwrap_or(0).saturating_sub(before));
            }
            times.sort_unstable();
            let mean = times.iter().sum::<u64>() as f64 / repeats as f64;
            println!(
                "outcomes {n}: mean {:.2} ms, median {:.2} ms, smallest {:.2} ms of {repeats}",
                mean / 1e6,
                times[repeats / 2] as f64 / 1e6,
                times[0] as f64 / 1e6
            );
            return;
        }
        "steps" => {
            // One round of N candidates, step by step: each step's processor
            // time and minor page faults (the memory it is the first to touch).
            // As in `rounds`: WARM rounds (1 unless given) on clones, each
            // dropped; then the measured one on another clone.
            let input = support::round_input(n, 11);
            let warm: usize = args.get(2).map_or(1, |s| s.parse().unwrap());
            for _ in 0..warm {
                drop(support::run_round(&policy, input.clone()));
            }
            let input = input.clone();
            let mut at = (cpu_ns().unwrap_or(0), minor_faults().unwrap_or(0));
            let mut report = |step: &str| {
                let now = (cpu_ns().unwrap_or(0), minor_faults().unwrap_or(0));
                println!(
                    "{step}: {:.2} ms, {} page faults",
                    now.0.saturating_sub(at.0) as f64 / 1e6,
                    now.1.saturating_sub(at.1)
                );
                at = (cpu_ns().unwrap_or(0), minor_faults().unwrap_or(0));
            };
            let mut round =
                skill_grants::round::Round::set_up(policy.clone(), input.setup).unwrap();
            for l in input.lists {
                black_box(round.submit(l).unwrap());
            }
            report("submit");
            round.close_submissions().unwrap();
            report("close");
            round.review(input.review).unwrap();
            report("review");
            std::mem::forget(black_box(round));
            return;
        }
        "decide" | "floor" => {
            // The same pool and policy for both, so that they compare.
            let policy = support::policy_with_conditions();
            let apps = support::applications(64, 7);
            let work = if what == "decide" {
                Work::Decide(apps, n)
            } else {
                Work::Floor(apps, n)
            };
            let before = cpu_ns();
            measured(&policy, work);
            if let (Some(b), Some(a)) = (before, cpu_ns()) {
                println!("{what} {n}: {:.1} ns each", (a - b) as f64 / n as f64);
            }
            return;
        }
        "ledger" => {
            let projects = support::projects(&policy, 60);
            let commands = support::payment_commands(&projects, n, 5);
            Work::Ledger(projects, commands)
        }
        "execute" => {
            let projects = support::projects(&policy, 60);
            let commands = support::payment_commands(&projects, n, 5);
            let targets = commands.iter().map(|c| c.project).collect();
            let commands = commands
                .into_iter()
                .map(|c| Command::new(c.by, c.on, Action::Pay { spend: c.spend }))
                .collect();
            Work::Execute(projects, commands, targets)
        }
        "replay" => Work::Replay(support::event_log(&policy, n, 3)),
        "replay_verified" => Work::ReplayVerified(support::event_log(&policy, n, 3)),
        "verify" => Work::Verify(support::event_log(&policy, n, 3)),
        "seal_only" => Work::SealOnly(
            support::event_log(&policy, n, 3)
                .iter()
                .map(|r| chain::canonical_bytes(&r.event).unwrap())
                .collect(),
        ),
        "count" => {
            let input = support::round_input(n, 11);
            let listed: usize = input.lists.iter().map(|l| l.candidates.len()).sum();
            let lists = input.lists.len();
            let round = support::run_round(&policy, input);
            let mut by_verdict = std::collections::BTreeMap::new();
            for c in round.lists().iter().flat_map(|l| l.candidates()) {
                *by_verdict
                    .entry(format!("{:?}", c.verdict.kind()))
                    .or_insert(0usize) += 1;
            }
            println!("round_input({n}): {listed} candidates on {lists} lists; {by_verdict:?}");
            return;
        }
        "sizes" => {
            use skill_grants::eligibility::{Decision, Facts, Finding};
            use skill_grants::round::{Candidate, Refusal, Verdict};
            println!(
                "bytes: Application {}, Candidate {}, Verdict {}, Refusal {}, Decision {}, Finding {}, Facts {}",
                size_of::<skill_grants::application::Application>(),
                size_of::<Candidate>(),
                size_of::<Verdict>(),
                size_of::<Refusal>(),
                size_of::<Decision>(),
                size_of::<Finding>(),
                size_of::<Facts>()
            );
            println!(
                "bytes: Sealed<Event> {}, Event {}, Change {}, Project {}",
                size_of::<chain::Sealed<skill_grants::lifecycle::Event>>(),
                size_of::<skill_grants::lifecycle::Event>(),
                size_of::<skill_grants::lifecycle::Change>(),
                size_of::<Project>()
            );
            let log = support::event_log(&policy, 100, 3);
            for r in log.iter().take(4) {
                let bytes = chain::canonical_bytes(&r.event).unwrap();
                println!("{:?}: {} canonical bytes", r.event.kind(), bytes.len());
            }
            return;
        }
        other => panic!("unknown workload {other}"),
    };
    let before = cpu_ns();
    measured(&policy, work);
    let after = cpu_ns();
    if let (Some(before), Some(after)) = (before, after) {
        let ns = after.saturating_sub(before);
        println!(
            "{what} {n}: {:.3} ms processor time, {:.1} ns each",
            ns as f64 / 1e6,
            ns as f64 / n as f64
        );
    }
}

/// This thread's minor page faults so far (Linux: field 10 of
/// `/proc/thread-self/stat`, counted after the command name).
fn minor_faults() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after_name = text.rsplit_once(')')?.1;
    after_name.split_whitespace().nth(7)?.parse().ok()
}

/// This thread's processor time so far, in nanoseconds (Linux: the first
/// field of `/proc/thread-self/schedstat`). The kernel brings it up to date
/// at its ticks and when the thread leaves a core, so one reading can lag
/// by up to a tick (a few milliseconds): a short workload is timed by the
/// mean of many runs, not by one.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}
