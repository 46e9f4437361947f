//! Trust at the boundary (issue 15), the lifecycle's part: each reproduced
//! failure is a case under `tests/boundary/` (JSON, as a host would send or
//! store it), refused now. Before this change every one of them was accepted.
//!
//! - `open-*.json` `{start, expect: {refusal, field}}`: a start record
//!   [`Project::open`] refuses (and replay refuses as the log's first record).
//! - `command-*.json` `{start, commands | commands_json, expect}`: a command
//!   refused (`refusal`, `field`), or a command that does not load
//!   (`unknown_field`).
//! - `replay-*.json` `{start, commands, tamper, expect}`: the project's sealed
//!   log, stored as JSON, tampered with (`set` a JSON pointer, `duplicate` a
//!   record, `drop_from` a position); replay refuses it at `position` by the
//!   chain (`chain`, or `chain_against_head` with the host's head). Sealed
//!   afresh (an attacker who rewrites the whole log), the lifecycle's own
//!   checks refuse it (`resealed`: a refusal id), or only the host's head does
//!   (`resealed_against_head`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use serde_json::Value;
use skill_grants::chain::{self, ChainError, Head, Sealed};
use skill_grants::lifecycle::{
    Command, Event, LifecycleError, Project, ProjectStart, ReplayError, ReplayReason,
};
use skill_grants::{Policy, rules};

fn cases(prefix: &str) -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/boundary");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name().unwrap().to_string_lossy().starts_with(prefix)
        })
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty(), "no {prefix}*.json cases");
    out
}

fn refusal_id(e: &LifecycleError) -> String {
    rules::lifecycle_error_id(e)
        .trim_start_matches("lifecycle.refusal.")
        .to_owned()
}

fn check_refusal(name: &str, e: &LifecycleError, expect: &Value) {
    assert_eq!(
        refusal_id(e),
        expect["refusal"].as_str().unwrap(),
        "{name}: {e}"
    );
    if let Some(field) = expect["field"].as_str() {
        match e {
            LifecycleError::BadText { field: f, .. } => assert_eq!(f, field, "{name}"),
            other => panic!("{name}: expected a bad `{field}`, got {other}"),
        }
        assert!(e.to_string().contains(field), "{name}: {e}");
    }
    // Every refusal cites a clause its law lists, and explains itself.
    assert!(e.kind().law().clauses.contains(&e.clause()), "{name}");
    assert!(!e.explain(skill_grants::Lang::Zh).is_empty());
}

fn reseal(events: Vec<Event>) -> (Vec<Sealed<Event>>, Head) {
    let mut head = Head::GENESIS;
    let mut log = Vec::new();
    for e in events {
        let (record, next) = chain::seal(head, e).unwrap();
        head = next;
        log.push(record);
    }
    (log, head)
}

#[test]
fn start_records_are_refused_at_open_and_at_replay() {
    let policy = Policy::ordos_2022();
    for (name, case) in cases("open-") {
        let start: ProjectStart =
            serde_json::from_value(case["start"].clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let e = Project::open(start.clone(), &policy).unwrap_err();
        check_refusal(&name, &e, &case["expect"]);
        // The same record as the first of a (well sealed) log: refused too.
        let deadline = start.released_on;
        let first = Event {
            project: start.project.clone(),
            on: start.released_on,
            by: Some(skill_grants::lifecycle::Role::City),
            change: skill_grants::lifecycle::Change::Started {
                start: Box::new(start),
                deadline,
            },
        };
        let (log, head) = reseal(vec![first]);
        let e = Project::replay(&log, &policy, Some(&head)).unwrap_err();
        assert_eq!(e.position, 0, "{name}");
        match e.reason {
            ReplayReason::BadStart(inner) => check_refusal(&name, &inner, &case["expect"]),
            other => panic!("{name}: {other}"),
        }
    }
}

#[test]
fn commands_are_refused_or_do_not_load() {
    let policy = Policy::ordos_2022();
    for (name, case) in cases("command-") {
        let start: ProjectStart = serde_json::from_value(case["start"].clone()).unwrap();
        let (mut project, _) = Project::open(start, &policy).unwrap();
        if let Some(raw) = case["commands_json"].as_array() {
            let field = case["expect"]["unknown_field"].as_str().unwrap();
            for c in raw {
                let e = serde_json::from_value::<Command>(c.clone()).unwrap_err();
                assert!(
                    e.to_string().contains(&format!("unknown field `{field}`")),
                    "{name}: {e}"
                );
            }
            continue;
        }
        let commands: Vec<Command> = serde_json::from_value(case["commands"].clone()).unwrap();
        let (last, before) = commands.split_last().unwrap();
        for c in before {
            project.execute(c).unwrap();
        }
        let e = project.execute(last).unwrap_err();
        check_refusal(&name, &e, &case["expect"]);
    }
}

fn chain_kind(e: &ChainError) -> &'static str {
    match e {
        ChainError::Sequence { .. } => "sequence",
        ChainError::Link { .. } => "link",
        ChainError::Hash { .. } => "hash",
        ChainError::Truncated { .. } => "truncated",
        ChainError::Extended { .. } => "extended",
        ChainError::Diverged { .. } => "diverged",
        _ => "other",
    }
}

fn tamper(mut log: Value, steps: &[Value]) -> Value {
    for step in steps {
        let records = log.as_array_mut().unwrap();
        if let Some(set) = step.get("set") {
            let pointer = set["pointer"].as_str().unwrap();
            let mut whole = Value::Array(records.clone());
            *whole.pointer_mut(pointer).unwrap() = set["value"].clone();
            log = whole;
        } else if let Some(i) = step.get("duplicate") {
            let i = i.as_u64().unwrap() as usize;
            let copy = records[i].clone();
            records.insert(i + 1, copy);
        } else if let Some(i) = step.get("drop_from") {
            records.truncate(i.as_u64().unwrap() as usize);
        } else {
            panic!("unknown tamper step {step}");
        }
    }
    log
}

#[test]
fn tampered_stored_logs_are_refused_naming_the_position() {
    let policy = Policy::ordos_2022();
    for (name, case) in cases("replay-") {
        let start: ProjectStart = serde_json::from_value(case["start"].clone()).unwrap();
        let (mut project, first) = Project::open(start, &policy).unwrap();
        let mut log = vec![first];
        let commands: Vec<Command> = serde_json::from_value(case["commands"].clone()).unwrap();
        for c in &commands {
            log.extend(project.execute(c).unwrap());
        }
        let head = project.head();
        assert_eq!(
            Project::replay(&log, &policy, Some(&head)).unwrap(),
            project
        );

        let stored = tamper(
            serde_json::to_value(&log).unwrap(),
            case["tamper"].as_array().unwrap(),
        );
        let loaded: Vec<Sealed<Event>> =
            serde_json::from_value(stored).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expect = &case["expect"];
        let position = expect["position"].as_u64().unwrap() as usize;
        let chain_refusal = |e: ReplayError, kind: &str| {
            assert_eq!(e.position, position, "{name}: {e}");
            match &e.reason {
                ReplayReason::Chain(c) => assert_eq!(chain_kind(c), kind, "{name}: {e}"),
                other => panic!("{name}: expected a broken chain, got {other}"),
            }
        };
        if let Some(kind) = expect["chain"].as_str() {
            chain_refusal(Project::replay(&loaded, &policy, None).unwrap_err(), kind);
            chain_refusal(
                Project::replay(&loaded, &policy, Some(&head)).unwrap_err(),
                kind,
            );
        }
        if let Some(kind) = expect["chain_against_head"].as_str() {
            chain_refusal(
                Project::replay(&loaded, &policy, Some(&head)).unwrap_err(),
                kind,
            );
        }
        if let Some(status) = expect["status_without_head"].as_str() {
            // Without the head, a log cut short is a valid shorter log: the
            // reason the host keeps the head apart.
            let p = Project::replay(&loaded, &policy, None).unwrap();
            assert_eq!(serde_json::to_value(p.status()).unwrap(), status, "{name}");
        }
        let events: Vec<Event> = loaded.into_iter().map(|r| r.event).collect();
        let (resealed, new_head) = reseal(events);
        if let Some(refusal) = expect["resealed"].as_str() {
            let e = Project::replay(&resealed, &policy, Some(&new_head)).unwrap_err();
            assert_eq!(e.position, position, "{name}: {e}");
            match &e.reason {
                ReplayReason::BadStart(inner) | ReplayReason::Refused(inner) => {
                    assert_eq!(refusal_id(inner), refusal, "{name}: {e}");
                }
                other => panic!("{name}: {other}"),
            }
        }
        if expect["resealed_against_head"].as_str().is_some() {
            let e = Project::replay(&resealed, &policy, Some(&head)).unwrap_err();
            assert!(matches!(e.reason, ReplayReason::Chain(_)), "{name}: {e}");
        }
    }
}
