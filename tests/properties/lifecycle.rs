//! Properties of the lifecycle under random valid and invalid command sequences:
//! money conserved, balances never below zero, terminal states terminal,
//! replay equal to the live state, serde round trips.

use crate::common::*;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use skill_grants::application::{Honour, StudioLead};
use skill_grants::chain::{self, Head, Sealed, Verified};
use skill_grants::domain::{BodyId, PersonId, UnitId};
use skill_grants::lifecycle::*;
use skill_grants::{Banner, Policy, Yuan, rules};

fn any_actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        Just(Actor::Unit(UnitId::new("U-B01"))),
        Just(Actor::Unit(UnitId::new("U-S01"))),
        Just(Actor::Unit(UnitId::new("U-OTHER"))),
        prop::sample::select(Banner::ALL.to_vec()).prop_map(Actor::BannerAuthority),
        Just(Actor::BodyAuthority(BodyId::new("city-energy-group"))),
        Just(Actor::City),
        Just(Actor::CityFinance),
        Just(Actor::ExpertGroup),
    ]
}

/// `None` stands for the actor who may give the command (filled in by `usual_actor`).
fn actor() -> impl Strategy<Value = Option<Actor>> {
    prop::option::weighted(0.25, any_actor())
}

fn usual_actor(own: &Actor, action: &Action) -> Actor {
    match action {
        Action::Pay { .. }
        | Action::CompleteConstruction
        | Action::RequestRename { .. }
        | Action::RequestLeadChange { .. } => own.clone(),
        Action::Evaluate { .. } => Actor::ExpertGroup,
        Action::RecordRepayment { .. } => Actor::CityFinance,
        _ => Actor::City,
    }
}

/// Mostly a category of the project's own list, sometimes any category.
fn fit_category(kind: skill_grants::ProjectKind, action: Action, fit: bool) -> Action {
    match action {
        Action::Pay { mut spend } if fit => {
            let own: Vec<_> = SpendingCategory::ALL
                .into_iter()
                .filter(|c| c.allowed_for() == Some(kind))
                .collect();
            spend.category = own[spend.category as usize % own.len()];
            if kind == skill_grants::ProjectKind::Studio {
                spend.specialty = None;
            }
            Action::Pay { spend }
        }
        other => other,
    }
}

fn amount() -> impl Strategy<Value = Yuan> {
    prop_oneof![
        1 => Just(Yuan::ZERO),
        6 => (1i64..=2_000_000).prop_map(|f| Yuan::from_fen(f).unwrap()),
        1 => (1i64..=25_000_000).prop_map(|f| Yuan::from_fen(f).unwrap()),
    ]
}

fn new_lead() -> impl Strategy<Value = StudioLead> {
    (
        prop::sample::select(vec!["P-1", "P-2", "P-3"]),
        prop::collection::vec(prop::sample::select(Honour::ALL.to_vec()), 0..2),
    )
        .prop_map(|(id, honours)| StudioLead::new(PersonId::new(id), "赵某", honours))
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        40 => (
            prop::sample::select(SpendingCategory::ALL.to_vec()),
            amount(),
            prop::option::weighted(0.8, (0u8..3).prop_map(SpecialtyIndex)),
        )
            .prop_map(|(category, amount, specialty)| Action::Pay {
                spend: Spend { category, amount, specialty }
            }),
        2 => Just(Action::CompleteConstruction),
        2 => Just(Action::Inspect { result: InspectionResult::ProblemsFound, report: "检查".into() }),
        2 => Just(Action::Evaluate { stage: 1, rating: EvaluationRating::MeetsRequirements, report: "评估".into() }),
        2 => any::<bool>().prop_map(|rated_effective| Action::Accept { rated_effective }),
        1 => Just(Action::Reject),
        4 => Just(Action::VerifyFinding { misconduct: Misconduct::Fraud, report: "查明".into() }),
        4 => Just(Action::Revoke),
        3 => prop::sample::select(vec!["准格尔旗某能源集团", "准格尔旗某煤炭企业", " "])
            .prop_map(|n| Action::RequestRename { new_name: n.into(), cause: RenameCause::InstitutionalReform }),
        3 => Just(Action::ApproveRename),
        2 => Just(Action::RefuseRename),
        3 => new_lead().prop_map(|new_lead| Action::RequestLeadChange { new_lead, reason: LeadChangeReason::Transfer }),
        3 => Just(Action::ApproveLeadChange),
        2 => Just(Action::RefuseLeadChange),
        1 => Just(Action::Dissolve),
        8 => amount().prop_map(|amount| Action::RecordRepayment { amount }),
    ]
}

/// A step: days after the previous command (sometimes before it), actor, action.
fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        (-5i64..=60, actor(), action(), prop::bool::weighted(0.85)),
        0..40,
    )
}

type Step = (i64, Option<Actor>, Action, bool);

/// The command of a step, on a project of `kind` whose unit is `own`.
fn command(
    own: &Actor,
    kind: skill_grants::ProjectKind,
    date: NaiveDate,
    by: Option<Actor>,
    action: Action,
    fit: bool,
) -> Command {
    let action = fit_category(kind, action, fit);
    let by = by.unwrap_or_else(|| usual_actor(own, &action));
    Command::new(by, date, action)
}

fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap()
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap()
    }
}

fn run(studio: bool, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let start = if studio { studio_start() } else { base_start() };
    let mut g = Given::start(start);
    let own = g.unit();
    let mut date = g.project.start().released_on;
    let mut snapshots: Vec<(NaiveDate, Project)> = vec![(date, g.project.clone())];
    let kind = g.project.kind();
    for (days, by, action, fit) in steps {
        date = shift(date, days);
        let command = command(&own, kind, date, by, action, fit);
        let before = g.project.clone();
        // `execute` (which commits one record in place and copies the
        // project for two) is `decide` then `apply`, and changes nothing
        // when it refuses.
        let mut executed = before.clone();
        let execution = executed.execute(&command);
        match g.project.decide(&command) {
            Ok(events) => {
                prop_assert_eq!(execution.as_ref(), Ok(&events));
                prop_assert!(!events.is_empty() && events.len() <= 2);
                for e in &events {
                    prop_assert!(rules::cites(
                        &rules::event_id(e.event.kind()),
                        e.event.clause()
                    ));
                    prop_assert!(g.project.apply(e).is_ok());
                    let json = serde_json::to_string(e).unwrap();
                    prop_assert_eq!(&serde_json::from_str::<Sealed<Event>>(&json).unwrap(), e);
                }
                g.log.extend(events);
                if before.status().is_terminal() {
                    prop_assert_eq!(g.project.status(), before.status());
                }
                snapshots.push((date, g.project.clone()));
                prop_assert_eq!(&executed, &g.project);
            }
            Err(err) => {
                prop_assert_eq!(execution.as_ref(), Err(&err));
                prop_assert_eq!(&executed, &before, "a refused execute changed the state");
                prop_assert_eq!(&g.project, &before, "refusal changed the state");
                // Every refusal cites a clause of the registry and explains itself.
                prop_assert!(
                    rules::cites(&rules::lifecycle_error_id(&err), err.clause()),
                    "{:?} cites {}, not in the registry",
                    err,
                    err.clause()
                );
                prop_assert!(!err.explain(skill_grants::Lang::Zh).is_empty());
            }
        }
        if let Err(v) = g.project.check_invariants() {
            return Err(TestCaseError::fail(format!("{v} after {command:?}")));
        }
        let l = g.project.ledger();
        prop_assert!(l.balance <= l.released && l.spent <= l.released);
    }
    // Replay (against the head) equals the live state.
    let policy = Policy::ordos_2022();
    let head = g.project.head();
    prop_assert_eq!(
        &Project::replay(&g.log, &policy, Some(&head)).unwrap(),
        &g.project
    );
    // The state on each past date equals the state as it was then.
    for (i, (on, snapshot)) in snapshots.iter().enumerate() {
        let later = snapshots.get(i + 1).is_none_or(|(next, _)| next > on);
        if later {
            let past = Project::state_on(&g.log, &policy, *on).unwrap().unwrap();
            prop_assert_eq!(&past, snapshot);
        }
    }
    // The stored (JSON) sealed log restores the state: a project is never
    // deserialized, only replayed.
    let json = serde_json::to_string(&g.log).unwrap();
    let stored: Vec<Sealed<Event>> = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(
        &Project::replay(&stored, &policy, Some(&head)).unwrap(),
        &g.project
    );
    Ok(())
}

/// Given a random log (commands executed on a base or a studio, refused
/// ones left out), when it is verified once, then its verified replay and
/// its state on every date of an event, the day before and the day after,
/// equal those of `replay` and `state_on`, which verify it each time.
fn verified_replay_equals_replay(studio: bool, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let mut g = Given::either(studio);
    let own = g.unit();
    let mut date = g.project.start().released_on;
    for (days, by, action, fit) in steps {
        date = shift(date, days);
        let c = command(&own, g.project.kind(), date, by, action, fit);
        if let Ok(events) = g.project.execute(&c) {
            g.log.extend(events);
        }
    }
    let policy = Policy::ordos_2022();
    let head = g.project.head();
    let verified = Verified::verify_against(&g.log, &head).unwrap();
    prop_assert_eq!(
        Project::replay_verified(&verified, &policy),
        Project::replay(&g.log, &policy, Some(&head))
    );
    prop_assert_eq!(
        Project::replay_verified(&verified, &policy).unwrap(),
        g.project
    );
    for record in &g.log {
        for on in [
            shift(record.event.on, -1),
            record.event.on,
            shift(record.event.on, 1),
        ] {
            prop_assert_eq!(
                Project::state_on_verified(&verified, &policy, on),
                Project::state_on(&g.log, &policy, on),
                "on {}",
                on
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::config(256))]

    #[test]
    fn the_replay_of_a_verified_log_equals_replay(studio in any::<bool>(), s in steps()) {
        verified_replay_equals_replay(studio, s)?;
    }

    #[test]
    fn base_sequences_keep_every_invariant(s in steps()) {
        run(false, s)?;
    }

    #[test]
    fn studio_sequences_keep_every_invariant(s in steps()) {
        run(true, s)?;
    }

    #[test]
    fn a_corrupted_amount_is_caught_by_replay_or_by_the_invariants(
        s in steps(),
        pick in any::<prop::sample::Index>(),
        fen in 1i64..=1_000_000,
    ) {
        let mut g = Given::base();
        let own = g.unit();
        let mut date = g.project.start().released_on;
        for (days, by, action, fit) in s {
            date = shift(date, days.max(0));
            let c = command(&own, g.project.kind(), date, by, action, fit);
            if let Ok(events) = g.project.execute(&c) {
                g.log.extend(events);
            }
        }
        let payments: Vec<usize> = g.log.iter().enumerate()
            .filter(|(_, e)| e.event.kind() == EventKind::Paid).map(|(i, _)| i).collect();
        prop_assume!(!payments.is_empty());
        let at = payments[pick.index(payments.len())];
        let policy = Policy::ordos_2022();
        let mut log = g.log.clone();
        if let Change::Paid { spend } = &mut log[at].event.change {
            spend.amount = spend.amount.checked_add(Yuan::from_fen(fen).unwrap()).unwrap();
        }
        // The tampered log is refused by the chain, at the tampered record.
        let e = Project::replay(&log, &policy, None).unwrap_err();
        prop_assert_eq!(e.position, at);
        prop_assert!(matches!(e.reason, ReplayReason::Chain(_)));
        // Sealed afresh (log and head rewritten together), it either is
        // refused by the lifecycle's own checks, or replays to a different
        // state whose invariants hold.
        let mut head = Head::GENESIS;
        let mut resealed = Vec::with_capacity(log.len());
        for r in log {
            let (record, next) = chain::seal(head, r.event).unwrap();
            head = next;
            resealed.push(record);
        }
        // The replay of the resealed log once verified gives the same answer
        // (refused by the same law at the same place, or the same state).
        let replayed = Project::replay(&resealed, &policy, Some(&head));
        let verified = Verified::verify_against(&resealed, &head).unwrap();
        prop_assert_eq!(&Project::replay_verified(&verified, &policy), &replayed);
        match replayed {
            Err(e) => prop_assert!(e.position >= at),
            Ok(p) => {
                prop_assert_ne!(&p, &g.project);
                p.check_invariants().unwrap();
            }
        }
    }
}

/// `state_on_verified` against an oracle that does not replay: the live
/// project after each executed command, asked on the day of that command's
/// last record (when no later command has a record on that day), and `None`
/// the day before the release. (From the second reading of the verified
/// replay: comparing `state_on` with `state_on_verified` compares one
/// function with itself.)
fn state_on_is_the_live_state(studio: bool, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let mut g = Given::either(studio);
    let own = g.unit();
    let released_on = g.project.start().released_on;
    let mut date = released_on;
    // (the day of the first record, the day of the last, the state after).
    let mut states: Vec<(NaiveDate, NaiveDate, Project)> = vec![(date, date, g.project.clone())];
    for (days, by, action, fit) in steps {
        date = shift(date, days);
        let c = command(&own, g.project.kind(), date, by, action, fit);
        if let Ok(events) = g.project.execute(&c) {
            if let (Some(first), Some(last)) = (events.first(), events.last()) {
                states.push((first.event.on, last.event.on, g.project.clone()));
            }
            g.log.extend(events);
        }
    }
    let policy = Policy::ordos_2022();
    let verified = Verified::verify(&g.log).unwrap();
    for (i, (_, last_on, state)) in states.iter().enumerate() {
        let later_same_day = states
            .get(i + 1)
            .is_some_and(|(first, _, _)| first <= last_on);
        if later_same_day {
            continue;
        }
        let found = Project::state_on_verified(&verified, &policy, *last_on).unwrap();
        prop_assert_eq!(found.as_ref(), Some(state), "on {}", last_on);
    }
    prop_assert_eq!(
        Project::state_on_verified(&verified, &policy, shift(released_on, -1)).unwrap(),
        None
    );
    Ok(())
}

proptest! {
    #![proptest_config(crate::config(512))]
    #[test]
    fn the_state_on_a_date_is_the_live_state_after_that_days_last_record(
        studio in any::<bool>(),
        s in steps(),
    ) {
        state_on_is_the_live_state(studio, s)?;
    }
}
