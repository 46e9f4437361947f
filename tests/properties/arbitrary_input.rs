//! Nothing panics on arbitrary input: the serialized forms of applications,
//! policies, rounds, projects, event logs, commands and the service's request
//! lines, each mutated at one to
//! four random places (a value replaced by null, a number, a boolean, an
//! edge-case string — 29 February of a common year, a negative or
//! over-precise amount, a far date — an empty array or object), are loaded
//! and, where they load, run through every operation. A returned error is
//! fine; a panic fails the property.

use proptest::prelude::*;
use serde_json::{Value, json};
use skill_grants::application::Application;
use skill_grants::chain::Sealed;
use skill_grants::eligibility::decide;
use skill_grants::lifecycle::{Command, Event, Project, ProjectStart};
use skill_grants::round::{CandidateScore, CityReview, Objection, Round, Score, check_invariants};
use skill_grants::service::{Request, Response, Service};
use skill_grants::{HolidayCalendar, Lang, NaiveDate, Policy, UnitCondition, sample};

use crate::common::{self, Given};
use crate::round_support as rs;

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Every node's path (the root included), depth first.
fn paths(v: &Value, here: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    out.push(here.clone());
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                here.push(Seg::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Seg::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..4).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        prop::sample::select(vec![
            "",
            " ",
            "0",
            "0.00",
            "-1.00",
            "0.001",
            "200000.00",
            "79228162514264337593543950335",
            "2024-02-29",
            "2025-02-29",
            "2022-06-05",
            "2025-12-31",
            "2026-01-01",
            "0001-01-01",
            "9999-12-31",
            "+262142-12-31",
            "training_base",
            "studio",
            "revoked",
            "dissolved",
            "under_construction",
            "final",
            "notice",
            "city",
            "employment_subsidy",
            "dalad_banner",
            "鄂人社发〔2022〕100号",
        ])
        .prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
        Just(json!([null])),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<(prop::sample::Index, Value)>> {
    prop::collection::vec((any::<prop::sample::Index>(), replacement()), 1..=4)
}

fn mutate(mut v: Value, muts: &[(prop::sample::Index, Value)]) -> Value {
    for (at, with) in muts {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = at.get(&all).clone();
        if let Some(n) = node(&mut v, &path) {
            *n = with.clone();
        }
    }
    v
}

/// The path of the first place where two JSON values differ, with both
/// there.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        // An object read with fields left out: serde gives a `default` field
        // its default, so a left-out field that is written back as its
        // default is a difference of form only.
        (Value::Object(x), Value::Object(y)) if y.keys().all(|k| x.contains_key(k)) => {
            x.iter().find_map(|(k, v)| match y.get(k) {
                Some(w) => first_difference(v, w, format!("{at}.{k}")),
                None if all_default(v) => None,
                None => Some(format!("{at}.{k}: only on the left")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, format!("{at}[{i}]"))),
        _ if a == b => None,
        // A struct given as a sequence of its fields (`[]`, `[null]`): serde
        // reads it so; here every field is its default either way.
        (Value::Object(_), Value::Array(y)) if all_default(a) && y.iter().all(all_default) => None,
        // An enum's tag given by the variant's index: serde reads it so.
        (Value::String(_), Value::Number(_))
            if [".status", ".verdict", ".reason", ".bound"]
                .iter()
                .any(|tag| at.ends_with(tag)) =>
        {
            None
        }
        // The same number written two ways ("90" and "90.00").
        (Value::String(x), Value::String(y))
            if x.parse::<skill_grants::Decimal>().is_ok()
                && x.parse::<skill_grants::Decimal>().ok() == y.parse().ok() =>
        {
            None
        }
        _ => Some(format!("{at}: {a} vs {b}")),
    }
}

/// Every field null, zero, false, empty or itself all default.
fn all_default(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(all_default),
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn policies() -> Vec<Policy> {
    let mut data = Policy::ordos_2022().to_data();
    data.unit_conditions = UnitCondition::examples();
    vec![Policy::ordos_2022(), Policy::try_from(data).unwrap()]
}

/// A round at its public notice, with bases and studios from two banners.
fn round_at_notice() -> Round {
    use skill_grants::{Banner, ProjectKind};
    let mut round = Round::set_up(
        rs::policy_with(true, false),
        rs::setup((1, 2), rs::quotas(3, &[]), (250_000, 60_000)),
    )
    .unwrap();
    let dalad = rs::in_banner(Banner::DaladBanner);
    round
        .submit(rs::recommendation(
            rs::banner(Banner::DaladBanner),
            ProjectKind::TrainingBase,
            vec![
                rs::base("A-1", "U-1", "达拉特旗某职业技术学校", dalad.clone()),
                rs::base(
                    "A-2",
                    "U-2",
                    "达拉特旗某技工学校",
                    rs::in_banner(Banner::Dongsheng),
                ),
            ],
        ))
        .unwrap();
    round
        .submit(rs::recommendation(
            rs::banner(Banner::DaladBanner),
            ProjectKind::Studio,
            vec![
                rs::studio("S-1", "U-3", "达拉特旗某化工企业", dalad.clone()),
                rs::studio("S-2", "U-4", "达拉特旗某能源企业", dalad.clone()),
                rs::studio("S-3", "U-5", "达拉特旗某煤炭企业", dalad),
            ],
        ))
        .unwrap();
    round.close_submissions().unwrap();
    round
        .review(rs::review(&[
            ("A-1", 80),
            ("S-1", 90),
            ("S-2", 85),
            ("S-3", 70),
        ]))
        .unwrap();
    round
        .start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only())
        .unwrap();
    round
}

/// Every step and reading of a round, results ignored.
fn exercise_round(mut round: Round) {
    let _ = round.outcome().map(|o| check_invariants(&o));
    let _ = round.projects();
    let _ = round.quota(
        &rs::banner(skill_grants::Banner::DaladBanner),
        skill_grants::ProjectKind::Studio,
    );
    for app in ["A-1", "S-1", "S-2", "S-9"] {
        let _ = round.record_objection(Objection {
            application: app.into(),
            received_on: d(2022, 9, 6),
            summary: "异议".into(),
            upheld: true,
        });
    }
    let _ = round.release(d(2022, 9, 13));
    let _ = round.outcome().map(|o| check_invariants(&o));
    let mut earlier = round.clone();
    let _ = earlier.close_submissions();
    let _ = earlier.review(CityReview {
        experts: rs::experts(),
        scores: vec![
            CandidateScore::new("A-1", Score::points(1)),
            CandidateScore::new("S-1", Score::points(2)),
        ],
    });
    let _ = earlier.start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only());
    let _ = earlier.outcome().map(|o| check_invariants(&o));
}

/// A studio's log with payments, a lead change and an inspection.
fn studio_log() -> Given {
    use skill_grants::lifecycle::*;
    let mut g = Given::studio();
    let unit = g.unit();
    g.pay(d(2023, 1, 10), common::studio_spend(common::y(12_000)));
    g.when(
        unit,
        d(2023, 2, 1),
        Action::RequestLeadChange {
            new_lead: common::lead(
                "P-2",
                "赵某",
                &[skill_grants::application::Honour::OrdosCraftsman],
            ),
            reason: LeadChangeReason::Retirement,
        },
    );
    g.when(Actor::City, d(2023, 2, 20), Action::ApproveLeadChange);
    g.finding(d(2023, 3, 1));
    g
}

fn commands() -> Vec<Command> {
    use skill_grants::lifecycle::*;
    let unit = Actor::Unit(skill_grants::domain::UnitId::new("U-S01"));
    vec![
        Command::new(
            unit.clone(),
            d(2023, 4, 1),
            Action::Pay {
                spend: common::studio_spend(common::y(1_000)),
            },
        ),
        Command::new(unit, d(2023, 5, 1), Action::CompleteConstruction),
        Command::new(Actor::City, d(2023, 6, 1), Action::Revoke),
        Command::new(
            Actor::CityFinance,
            d(2023, 7, 1),
            Action::RecordRepayment {
                amount: common::y(100),
            },
        ),
        Command::new(
            Actor::City,
            d(2024, 9, 1),
            Action::Accept {
                rated_effective: true,
            },
        ),
    ]
}

fn exercise_project(project: &Project) {
    let mut p = project.clone();
    for c in commands() {
        if let Ok(events) = p.decide(&c) {
            for e in &events {
                p.apply(e).unwrap();
            }
        }
        let _ = p.check_invariants();
        let _ = p.status_on(c.on);
    }
}

proptest! {
    #![proptest_config(crate::config(128))]

    #[test]
    fn arbitrary_applications_never_panic(pick in any::<prop::sample::Index>(), muts in mutations()) {
        let apps = sample::applications_2022();
        let app = pick.get(&apps);
        let value = mutate(serde_json::to_value(app).unwrap(), &muts);
        if let Ok(app) = serde_json::from_value::<Application>(value) {
            for policy in policies() {
                if let Ok(decision) = decide(&policy, &app) {
                    prop_assert_eq!(decision.is_eligible(), decision.failures().next().is_none());
                    let _ = decision.render_with(&policy, Lang::Zh);
                    let _ = decision.render(Lang::En);
                    let _ = decision.eligible_from();
                }
            }
        }
    }

    #[test]
    fn arbitrary_policies_never_panic(muts in mutations()) {
        let value = mutate(serde_json::to_value(Policy::ordos_2022()).unwrap(), &muts);
        if let Ok(policy) = serde_json::from_value::<Policy>(value) {
            for app in sample::applications_2022().iter().take(4) {
                let _ = decide(&policy, app).map(|d| d.render(Lang::Zh));
            }
            for kind in skill_grants::ProjectKind::ALL {
                let _ = policy.completion_deadline(kind, d(2024, 2, 29));
            }
        }
    }

    #[test]
    fn arbitrary_rounds_never_panic(muts in mutations()) {
        let value = mutate(serde_json::to_value(round_at_notice()).unwrap(), &muts);
        if let Ok(round) = serde_json::from_value::<Round>(value) {
            exercise_round(round);
        }
    }

    /// Issue 15: a mutated stored round is refused, or restores identically
    /// (what loads writes back the very JSON that was read, or the stored
    /// round itself; reads back the same; keeps its invariants); it is never
    /// loaded wrong.
    #[test]
    fn a_mutated_stored_round_is_refused_or_restores_identically(muts in mutations()) {
        let original = round_at_notice();
        let stored = serde_json::to_value(&original).unwrap();
        let value = mutate(stored.clone(), &muts);
        if let Ok(round) = serde_json::from_value::<Round>(value.clone()) {
            prop_assert!(check_invariants(&round.outcome().unwrap()).is_ok());
            let written = serde_json::to_value(&round).unwrap();
            // What was read is what is written back, or the mutation changed
            // only the form (a struct given as `[]`, its fields all default):
            // then the round is the stored one.
            if written != stored {
                prop_assert_eq!(first_difference(&written, &value, String::new()), None);
            } else {
                prop_assert_eq!(&round, &original);
            }
            prop_assert_eq!(&serde_json::from_value::<Round>(written).unwrap(), &round);
            if value == stored {
                prop_assert_eq!(&round, &original);
            }
        }
    }

    /// Issue 15: a stored round whose balances, set-up balances or a draw
    /// changed by any amount is refused, naming the fund or the candidate.
    #[test]
    fn a_stored_round_with_changed_money_is_refused(which in 0..5usize, fen in 1i64..100_000_000) {
        let mut value = serde_json::to_value(round_at_notice()).unwrap();
        let slot = match which {
            0 => &mut value["balances"]["employment_subsidy"],
            1 => &mut value["balances"]["talent_special"],
            2 => &mut value["initial_balances"]["employment_subsidy"],
            3 => &mut value["initial_balances"]["talent_special"],
            _ => {
                let draw = value["lists"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .flat_map(|l| l["candidates"].as_array_mut().unwrap().iter_mut())
                    .find(|c| c["verdict"]["funding"]["status"] == "funded")
                    .unwrap();
                &mut draw["verdict"]["funding"]["draws"][0]["amount"]
            }
        };
        let amount: skill_grants::Yuan = slot.as_str().unwrap().parse().unwrap();
        let changed = amount.checked_add(skill_grants::Yuan::from_fen(fen).unwrap()).unwrap();
        *slot = serde_json::to_value(changed).unwrap();
        prop_assert!(serde_json::from_value::<Round>(value).is_err());
    }

    #[test]
    fn arbitrary_start_records_never_panic(muts in mutations()) {
        // A project is not deserialized: it is opened from a start record
        // (checked) or replayed from its sealed log. A mutated start record
        // is refused, or opens a project whose invariants hold.
        let g = studio_log();
        let value = mutate(serde_json::to_value(g.project.start()).unwrap(), &muts);
        if let Ok(start) = serde_json::from_value::<ProjectStart>(value) {
            if let Ok((project, _)) = Project::open(start, &Policy::ordos_2022()) {
                prop_assert!(project.check_invariants().is_ok());
                exercise_project(&project);
            }
        }
    }

    #[test]
    fn arbitrary_event_logs_never_panic(muts in mutations()) {
        let g = studio_log();
        let value = mutate(serde_json::to_value(&g.log).unwrap(), &muts);
        if let Ok(log) = serde_json::from_value::<Vec<Sealed<Event>>>(value) {
            let policy = Policy::ordos_2022();
            if let Ok(project) = Project::replay(&log, &policy, None) {
                prop_assert!(project.check_invariants().is_ok());
                exercise_project(&project);
            }
            let _ = Project::state_on(&log, &policy, d(2023, 2, 10));
        }
    }

    #[test]
    fn a_mutated_stored_log_is_refused_or_restores_identically(
        muts in mutations(),
        with_head in any::<bool>(),
    ) {
        // Never loaded wrong: a stored log that was changed is refused, or it
        // restores exactly the project it was (against the host's head), or
        // — with no head to compare — exactly the project as it stood after
        // the same number of events (a log cut short is a valid shorter log).
        let g = studio_log();
        let policy = Policy::ordos_2022();
        let head = g.project.head();
        let value = mutate(serde_json::to_value(&g.log).unwrap(), &muts);
        if let Ok(log) = serde_json::from_value::<Vec<Sealed<Event>>>(value) {
            if with_head {
                if let Ok(p) = Project::replay(&log, &policy, Some(&head)) {
                    prop_assert_eq!(&p, &g.project);
                    prop_assert_eq!(&log, &g.log);
                }
            } else if let Ok(p) = Project::replay(&log, &policy, None) {
                prop_assert!(log.len() <= g.log.len());
                prop_assert_eq!(&log[..], &g.log[..log.len()]);
                let prefix = Project::replay(&g.log[..log.len()], &policy, None).unwrap();
                prop_assert_eq!(p, prefix);
            }
        }
    }

    #[test]
    fn a_stored_log_with_a_changed_byte_is_refused_or_restores_identically(
        pick in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let g = studio_log();
        let policy = Policy::ordos_2022();
        let head = g.project.head();
        let mut text = serde_json::to_string(&g.log).unwrap().into_bytes();
        let at = pick.index(text.len());
        text[at] = byte;
        if let Ok(log) = serde_json::from_slice::<Vec<Sealed<Event>>>(&text) {
            if let Ok(p) = Project::replay(&log, &policy, Some(&head)) {
                prop_assert_eq!(&p, &g.project);
            }
        }
    }

    #[test]
    fn arbitrary_commands_never_panic(muts in mutations()) {
        let g = studio_log();
        let value = mutate(serde_json::to_value(commands()).unwrap(), &muts);
        if let Ok(cmds) = serde_json::from_value::<Vec<Command>>(value) {
            let mut p = g.project.clone();
            for c in &cmds {
                match p.decide(c) {
                    Ok(events) => {
                        for e in &events {
                            prop_assert!(p.apply(e).is_ok());
                        }
                        prop_assert!(p.check_invariants().is_ok());
                    }
                    Err(e) => {
                        let _ = e.explain(Lang::Zh);
                    }
                }
            }
        }
    }

    #[test]
    fn arbitrary_service_requests_never_panic(muts in mutations()) {
        // The integrator's JSON-lines stream (examples/data/commands.jsonl,
        // carried in the crate), parsed whole, mutated, and fed line by line:
        // every request gets one answer naming its line, and the stored logs
        // still replay. The file's deliberately malformed line stays text.
        let requests: Vec<Value> = include_str!("../../examples/data/commands.jsonl")
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|_| Value::from(l)))
            .collect();
        let value = mutate(Value::Array(requests), &muts);
        let Value::Array(lines) = value else { return Ok(()); };
        let mut service = Service::new(Policy::ordos_2022());
        let mut opened = Vec::new();
        for (i, line) in lines.into_iter().enumerate() {
            let n = i as u64 + 1;
            let response = match serde_json::from_value::<Request>(line) {
                Ok(request) => {
                    if let Request::Open { start, .. } = &request {
                        opened.push(start.project.clone());
                    }
                    service.handle(n, request)
                }
                Err(e) => Response::malformed(n, None, e),
            };
            prop_assert_eq!(response.line(), n);
            if let Err(e) = serde_json::to_string(&response) { panic!("{e}: {response:?}"); }
        }
        for id in &opened {
            if let Some(log) = service.log(id) {
                prop_assert!(Project::replay(log, &Policy::ordos_2022(), None).is_ok());
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_loaders(s in "\\PC{0,64}") {
        let _ = serde_json::from_str::<Application>(&s);
        let _ = serde_json::from_str::<Round>(&s);
        let _ = serde_json::from_str::<ProjectStart>(&s);
        let _ = serde_json::from_str::<Vec<Sealed<Event>>>(&s);
        let _ = serde_json::from_str::<Event>(&s);
        let _ = serde_json::from_str::<Command>(&s);
        let _ = serde_json::from_str::<Request>(&s);
    }
}
