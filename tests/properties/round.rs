//! Properties of the round (proptest): places, quotas and programme totals are never
//! exceeded; money drawn equals the funded subsidies and never exceeds the balances;
//! the outcome does not depend on the order of recommenders, quotas or scores;
//! selection is monotone in a selected candidate's score.
//!
//! The generator (`RoundSpec`) and `run` are reusable by auditors' suites;
//! the invariants themselves are `skill_grants::round::check_invariants`.

use crate::round_support::*;
use proptest::prelude::*;
use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::round::*;
use skill_grants::{AnnualPlaces, Banner, HolidayCalendar, ProjectKind, Yuan, rules};

const BODIES: [&str; 2] = ["市某局", "某能源集团"];

/// One list to submit: who, which kind, and per entry (foreign seat?, score).
#[derive(Debug, Clone)]
struct ListSpec {
    recommender: usize,
    kind: ProjectKind,
    entries: Vec<(bool, u32)>,
}

#[derive(Debug, Clone)]
struct RoundSpec {
    places: (u32, u32),
    earlier: (u32, u32),
    balances_fen: (i64, i64),
    quotas: Vec<(usize, ProjectKind, u32)>,
    lists: Vec<ListSpec>,
    move_up: bool,
    studios_first: bool,
    objections: Vec<(usize, bool)>,
}

fn recommender(i: usize) -> Recommender {
    match Banner::ALL.get(i) {
        Some(b) => Recommender::Banner(*b),
        None => Recommender::Body(BodyId::new(BODIES[(i - Banner::ALL.len()) % BODIES.len()])),
    }
}

fn seat_of(r: &Recommender, foreign: bool) -> Seat {
    match (r, foreign) {
        (Recommender::Banner(b), false) => Seat::Banner(*b),
        (Recommender::Banner(Banner::Dongsheng), true) => Seat::Banner(Banner::Kangbashi),
        (Recommender::Banner(_), true) => Seat::Banner(Banner::Dongsheng),
        (Recommender::Body(id), false) => Seat::Body(id.clone()),
        (Recommender::Body(_), true) => Seat::Banner(Banner::UxinBanner),
    }
}

fn kind() -> impl Strategy<Value = ProjectKind> {
    prop_oneof![Just(ProjectKind::TrainingBase), Just(ProjectKind::Studio)]
}

fn spec() -> impl Strategy<Value = RoundSpec> {
    let n = Banner::ALL.len() + BODIES.len();
    (
        (0u32..4, 0u32..6),
        (
            prop_oneof![0u32..4, 16u32..=20],
            prop_oneof![0u32..6, 36u32..=40],
        ),
        // Balances in fen: empty funds, whole subsidies (exact boundaries), anything.
        (
            prop_oneof![
                Just(0i64),
                (0i64..8).prop_map(|n| n * 5_000_000),
                0i64..100_000_000
            ],
            prop_oneof![
                Just(0i64),
                (0i64..4).prop_map(|n| n * 5_000_000),
                0i64..30_000_000
            ],
        ),
        prop::collection::vec(0u32..8, 12),
        prop::collection::vec(
            (
                0..n,
                kind(),
                prop::collection::vec((prop::bool::weighted(0.15), 0u32..6), 0..6),
            ),
            0..12,
        ),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((0usize..8, any::<bool>()), 0..3),
    )
        .prop_map(
            |(places, earlier, balances_fen, quotas, lists, move_up, studios_first, objections)| {
                // One list per recommender and kind; one quota per recommender and kind.
                let mut seen = std::collections::BTreeSet::new();
                let lists: Vec<ListSpec> = lists
                    .into_iter()
                    .filter(|(r, k, _)| seen.insert((*r, *k)))
                    .map(|(recommender, kind, entries)| ListSpec {
                        recommender,
                        kind,
                        entries,
                    })
                    .collect();
                // Quotas for the listed recommenders: mostly enough, now and then one short.
                let quotas = lists
                    .iter()
                    .zip(quotas.iter().cycle())
                    .map(|(l, q)| {
                        let listed = l.entries.len() as u32;
                        let quota = if *q == 0 {
                            listed.saturating_sub(1)
                        } else if *q == 7 {
                            0
                        } else {
                            listed + q % 3
                        };
                        (l.recommender, l.kind, quota)
                    })
                    .collect();
                RoundSpec {
                    places,
                    earlier,
                    balances_fen,
                    quotas,
                    lists,
                    move_up,
                    studios_first,
                    objections,
                }
            },
        )
}

/// The applications of a list, with ids unique across the round.
fn applications(l: &ListSpec) -> Vec<Application> {
    let r = recommender(l.recommender);
    l.entries
        .iter()
        .enumerate()
        .map(|(i, (foreign, _))| {
            let tag = format!("{}-{:?}-{}", l.recommender, l.kind, i);
            let seat = seat_of(&r, *foreign);
            match l.kind {
                ProjectKind::TrainingBase => base(
                    &format!("A-{tag}"),
                    &format!("U-{tag}"),
                    "某职业技术学校",
                    seat,
                ),
                ProjectKind::Studio => {
                    studio(&format!("A-{tag}"), &format!("U-{tag}"), "某化工企业", seat)
                }
            }
        })
        .collect()
}

/// How the inputs are ordered: a seed for shuffling lists, quotas and scores.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for i in (1..items.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (state >> 33) as usize % (i + 1);
        items.swap(i, j);
    }
}

/// Runs a round to the end of the review (and, with `to_end`, through notice,
/// objections and release). `seed` orders lists, quotas and scores; `bump`
/// raises one application's score.
fn run(spec: &RoundSpec, seed: u64, bump: Option<(&str, u32)>, to_end: bool) -> Round {
    run_with(spec, seed, bump, to_end, false)
}

/// A stored and loaded copy of a round (JSON).
fn reload(round: &Round) -> Round {
    serde_json::from_str(&serde_json::to_string(round).unwrap()).unwrap()
}

/// [`run`]; with `reload`, the round is stored and loaded after the lists and
/// after closing, and the scores name fresh copies of the ids (no text shared
/// with the round's).
fn run_with(
    spec: &RoundSpec,
    seed: u64,
    bump: Option<(&str, u32)>,
    to_end: bool,
    reload_between: bool,
) -> Round {
    let mut quotas: Vec<Quota> = spec
        .quotas
        .iter()
        .map(|(r, k, n)| Quota::new(recommender(*r), *k, *n))
        .collect();
    shuffle(&mut quotas, seed);
    let earlier = Coverage {
        by_kind: KindCounts {
            training_bases: spec.earlier.0,
            studios: spec.earlier.1,
        },
        by_seat: vec![SeatCoverage {
            seat: Seat::Banner(Banner::Dongsheng),
            counts: KindCounts {
                training_bases: spec.earlier.0,
                studios: spec.earlier.1,
            },
        }],
        by_specialty: vec![],
    };
    let setup = RoundSetup {
        year: 2022,
        reference_date: reference(),
        places: Some(AnnualPlaces {
            year: 2022,
            training_bases: spec.places.0,
            studios: spec.places.1,
        }),
        quotas,
        balances: FundBalances::new(
            Yuan::from_fen(spec.balances_fen.0).unwrap(),
            Yuan::from_fen(spec.balances_fen.1).unwrap(),
        ),
        earlier,
    };
    let mut round = Round::set_up(policy_with(spec.move_up, spec.studios_first), setup).unwrap();
    let mut lists = spec.lists.clone();
    shuffle(&mut lists, seed ^ 0x9e37);
    let mut scores = Vec::new();
    for l in &lists {
        let apps = applications(l);
        for (a, (_, s)) in apps.iter().zip(&l.entries) {
            let s = match bump {
                Some((id, by)) if id == a.id.as_str() => s + by,
                _ => *s,
            };
            scores.push((a.id.clone(), s));
        }
        round
            .submit(recommendation(recommender(l.recommender), l.kind, apps))
            .unwrap();
    }
    if reload_between {
        round = reload(&round);
    }
    round.close_submissions().unwrap();
    if reload_between {
        round = reload(&round);
    }
    let admitted: std::collections::HashSet<ApplicationId> = round
        .lists()
        .iter()
        .flat_map(|l| l.candidates())
        .filter(|c| matches!(c.verdict, Verdict::Admitted))
        .map(|c| c.application.id.clone())
        .collect();
    let mut scores: Vec<CandidateScore> = scores
        .into_iter()
        .filter(|(a, _)| admitted.contains(a))
        .map(|(a, s)| CandidateScore {
            application: if reload_between {
                ApplicationId::new(a.as_str())
            } else {
                a
            },
            score: Score::points(s),
        })
        .collect();
    shuffle(&mut scores, seed ^ 0x51);
    round
        .review(CityReview {
            experts: experts(),
            scores,
        })
        .unwrap();
    if !to_end {
        return round;
    }
    round
        .start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only())
        .unwrap();
    for (pick, upheld) in &spec.objections {
        // Object to the pick-th funded candidate by application id: a fixed order.
        let mut funded: Vec<ApplicationId> = round
            .outcome()
            .unwrap()
            .candidates
            .into_iter()
            .filter(|c| is_funded(&c.verdict))
            .map(|c| c.application)
            .collect();
        funded.sort();
        if let Some(app) = funded.get(pick % funded.len().max(1)) {
            round
                .record_objection(Objection {
                    application: app.clone(),
                    received_on: d(2022, 9, 6),
                    summary: "异议".into(),
                    upheld: *upheld,
                })
                .unwrap();
        }
    }
    round.release(d(2022, 9, 13)).unwrap();
    round
}

proptest! {
    #![proptest_config(crate::config(64))]

    #[test]
    fn invariants_hold_at_every_stage(spec in spec()) {
        let reviewed = run(&spec, 0, None, false);
        check_invariants(&reviewed.outcome().unwrap()).unwrap();
        let done = run(&spec, 0, None, true);
        let out = done.outcome().unwrap();
        check_invariants(&out).unwrap();
        // Every refusal and verdict cites clauses its rule has in the registry.
        for c in &out.candidates {
            match &c.verdict {
                Verdict::Refused { reasons } => {
                    prop_assert!(!reasons.is_empty());
                    for r in reasons.iter() {
                        let id = rules::refusal_id(r);
                        for clause in r.clauses(&c.recommender) {
                            prop_assert!(rules::cites(&id, clause), "{} cites {}", id, clause);
                        }
                    }
                }
                v => {
                    let id = rules::verdict_id(v).unwrap();
                    for clause in &c.clauses {
                        prop_assert!(rules::cites(&id, *clause), "{} cites {}", id, clause);
                    }
                }
            }
        }
        // Money: drawn = sum of the projects' subsidies, and within the balances.
        let paid = Yuan::checked_sum(out.projects.iter().map(|p| p.amount)).unwrap();
        prop_assert_eq!(out.drawn.total().unwrap(), paid);
        prop_assert!(out.drawn.employment_subsidy <= out.balances.employment_subsidy);
        prop_assert!(out.drawn.talent_special <= out.balances.talent_special);
        for kind in ProjectKind::ALL {
            let projects = out.projects.iter().filter(|p| p.kind == kind).count() as u32;
            prop_assert!(projects <= out.places.of(kind));
            prop_assert!(out.selected_before.of(kind) + projects <= out.programme_totals.of(kind));
            prop_assert_eq!(out.coverage.by_kind.of(kind), out.selected_before.of(kind) + projects);
        }
    }

    #[test]
    fn the_outcome_does_not_depend_on_the_order_of_inputs(spec in spec(), seed in any::<u64>()) {
        let a = run(&spec, 0, None, true).outcome().unwrap();
        let b = run(&spec, seed, None, true).outcome().unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn storing_the_round_between_steps_or_fresh_score_ids_change_nothing(
        spec in spec(),
        seed in any::<u64>(),
    ) {
        let a = run(&spec, seed, None, true).outcome().unwrap();
        let b = run_with(&spec, seed, None, true, true).outcome().unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn raising_a_selected_candidates_score_never_deselects_it(
        spec in spec(),
        pick in any::<prop::sample::Index>(),
        by in 1u32..20,
    ) {
        let out = run(&spec, 0, None, false).outcome().unwrap();
        let selected: Vec<ApplicationId> = out
            .candidates
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Selected { .. }))
            .map(|c| c.application.clone())
            .collect();
        prop_assume!(!selected.is_empty());
        let app = pick.get(&selected);
        let raised = run(&spec, 0, Some((app.as_str(), by)), false).outcome().unwrap();
        let still = matches!(verdict(&raised, app.as_str()), Verdict::Selected { .. });
        prop_assert!(still, "{} was deselected", app);
        check_invariants(&raised).unwrap();
    }
}

// ---------- issue 15: ids repeated within and across recommenders ----------

/// Lists whose application ids come from a pool of six, so that ids repeat
/// within a list, across one recommender's two lists and across
/// recommenders; each entry with its own unit. Per list: (recommender
/// index, kind, entries as pool indices).
fn repeated_ids() -> impl Strategy<Value = Vec<(usize, ProjectKind, Vec<usize>)>> {
    let kind = prop_oneof![Just(ProjectKind::TrainingBase), Just(ProjectKind::Studio)];
    prop::collection::vec(
        (0..3usize, kind, prop::collection::vec(0..6usize, 0..4)),
        0..8,
    )
}

proptest! {
    #![proptest_config(crate::config(64))]

    /// Issue 15: whatever ids repeat, within a list, across one
    /// recommender's lists or across recommenders, every admitted candidate
    /// can be scored and the round reviewed, noticed and released; at every
    /// stage it restores from JSON identically.
    #[test]
    fn repeated_ids_never_get_a_round_stuck(lists in repeated_ids(), resubmit in any::<bool>()) {
        let banners = [Banner::DaladBanner, Banner::Dongsheng, Banner::Kangbashi];
        let mut round = Round::set_up(
            skill_grants::Policy::ordos_2022(),
            setup((3, 3), quotas(5, &[]), (10_000_000, 0)),
        )
        .unwrap();
        let mut unit = 0usize;
        for (li, (r, kind, entries)) in lists.iter().enumerate() {
            let seat = in_banner(banners[*r]);
            let candidates: Vec<Application> = entries
                .iter()
                .map(|a| {
                    unit += 1;
                    let (id, u) = (format!("A-{a}"), format!("U-{li}-{unit}"));
                    match kind {
                        ProjectKind::TrainingBase => base(&id, &u, "某职业技术学校", seat.clone()),
                        ProjectKind::Studio => studio(&id, &u, "某企业", seat.clone()),
                    }
                })
                .collect();
            let rec = recommendation(banner(banners[*r]), *kind, candidates);
            match round.submit(rec.clone()) {
                Ok(receipt) if !receipt.accepted() && resubmit => {
                    // A refused list may come again, without its first entry.
                    let mut again = rec;
                    if !again.candidates.is_empty() {
                        again.candidates.remove(0);
                    }
                    let _ = round.submit(again);
                }
                Ok(_) | Err(RoundError::AlreadySubmitted { .. }) => {}
                Err(e) => prop_assert!(false, "submit: {e}"),
            }
        }
        let back: Round = serde_json::from_str(&serde_json::to_string(&round).unwrap()).unwrap();
        prop_assert_eq!(&back, &round);
        round.close_submissions().unwrap();
        let scores: Vec<CandidateScore> = round
            .lists()
            .iter()
            .flat_map(|l| l.candidates())
            .filter(|c| matches!(c.verdict, Verdict::Admitted))
            .enumerate()
            .map(|(i, c)| CandidateScore {
                application: c.application.id.clone(),
                score: Score::points(50 + i as u32),
            })
            .collect();
        let back: Round = serde_json::from_str(&serde_json::to_string(&round).unwrap()).unwrap();
        prop_assert_eq!(&back, &round);
        if let Err(e) = round.review(CityReview { experts: experts(), scores }) {
            prop_assert!(false, "review: {e}");
        }
        round.start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only()).unwrap();
        round.release(d(2022, 9, 13)).unwrap();
        check_invariants(&round.outcome().unwrap()).unwrap();
        let back: Round = serde_json::from_str(&serde_json::to_string(&round).unwrap()).unwrap();
        prop_assert_eq!(&back, &round);
    }
}
