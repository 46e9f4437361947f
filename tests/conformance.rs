//! The conformance suite: every case in `tests/conformance/*.json` is run and
//! its outcome compared with the case's expectation. Adding a case is adding a
//! file; see the README's "For auditors" section for the format.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};
use skill_grants::date::add_months;
use skill_grants::{ClauseId, HolidayCalendar, NaiveDate, Policy, ProjectKind};

/// One case file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case checks, in a sentence.
    name: String,
    /// The clause it tests (our id, e.g. "3.3").
    clause: ClauseId,
    /// The readings it tests, if any ("R10").
    #[serde(default)]
    readings: Vec<String>,
    /// Free text for the auditor.
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
    /// The policy: "ordos_2022" (default), {"patch": {...}} applied to it, or a whole policy.
    #[serde(default)]
    policy: Option<Value>,
    /// What to run: an object with a "type" and its inputs.
    run: Value,
    /// The expected outcome.
    expect: Value,
}

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Merges `patch` into `target` (objects key by key, anything else replaced).
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                merge(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (t, p) => *t = p.clone(),
    }
}

/// Loads the case's policy, or the error loading it gives.
fn load_policy(spec: &Option<Value>) -> Result<Policy, String> {
    let base = serde_json::to_value(Policy::ordos_2022()).unwrap();
    let value = match spec {
        None => base,
        Some(Value::String(s)) if s == "ordos_2022" => base,
        Some(Value::Object(o)) if o.contains_key("patch") => {
            let mut v = base;
            merge(&mut v, &o["patch"]);
            v
        }
        Some(other) => other.clone(),
    };
    serde_json::from_value::<Policy>(value).map_err(|e| e.to_string())
}

fn field<T: for<'de> Deserialize<'de>>(run: &Value, name: &str) -> T {
    serde_json::from_value(run.get(name).cloned().unwrap_or(Value::Null))
        .unwrap_or_else(|e| panic!("run.{name}: {e}"))
}

/// Runs a case; returns the outcome as JSON, in the shape of `expect`.
fn run(case: &Case) -> Value {
    let kind = case.run.get("type").and_then(Value::as_str).unwrap_or("");
    let policy = load_policy(&case.policy);
    if kind == "policy_load" {
        return match policy {
            Ok(_) => json!({ "ok": true }),
            Err(e) => json!({ "error": e }),
        };
    }
    let policy = policy.unwrap_or_else(|e| panic!("the case's policy does not load: {e}"));
    match kind {
        "deadline" => {
            let kind: ProjectKind = field(&case.run, "kind");
            let released: NaiveDate = field(&case.run, "released_on");
            match policy.completion_deadline(kind, released) {
                Ok(d) => json!({ "deadline": d }),
                Err(e) => json!({ "error": e.to_string() }),
            }
        }
        "add_months" => {
            let date: NaiveDate = field(&case.run, "date");
            let months: u32 = field(&case.run, "months");
            match add_months(date, months) {
                Ok(d) => json!({ "date": d }),
                Err(e) => json!({ "error": e.to_string() }),
            }
        }
        "public_notice" => {
            let calendar: HolidayCalendar = field(&case.run, "calendar");
            let start: NaiveDate = field(&case.run, "starts_on");
            match calendar.nth_working_day(start, policy.notice_working_days()) {
                Ok(d) => json!({ "ends_on": d }),
                Err(e) => json!({ "error": e.to_string() }),
            }
        }
        other => panic!("unknown run type `{other}`"),
    }
}

/// True when `actual` meets `expected`: objects by the keys `expected` names,
/// strings under an "error" key by substring, everything else by equality.
fn meets(expected: &Value, actual: &Value, key: &str) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| meets(ev, av, k))),
        (Value::String(e), Value::String(a)) if key == "error" => a.contains(e.as_str()),
        (e, a) => e == a,
    }
}

#[test]
fn every_conformance_case_passes() {
    let files = case_files();
    assert!(!files.is_empty(), "no conformance cases found");
    let mut failures = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let case: Case = match serde_json::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: not a valid case: {e}", file.display()));
                continue;
            }
        };
        let outcome = std::panic::catch_unwind(|| run(&case));
        match outcome {
            Ok(actual) if meets(&case.expect, &actual, "") => {}
            Ok(actual) => failures.push(format!(
                "{} ({}; clause {}; {:?})\n  expected: {}\n  got:      {}",
                file.display(),
                case.name,
                case.clause,
                case.readings,
                case.expect,
                actual
            )),
            Err(_) => failures.push(format!(
                "{}: the case could not be run (see above)",
                file.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} conformance cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
