//! The conformance suite: every case in `tests/conformance/*.json` is run and
//! its outcome compared with the case's expectation. Adding a case is adding a
//! file; no Rust to touch. The README's "For auditors" section documents the
//! format for auditors; in short:
//!
//! ```json
//! {"name": "what the case checks, in a sentence",
//!  "clause": "3.3",                    // the clause it tests (our id or 三（三）)
//!  "readings": ["R6", "R10"],          // the readings it tests (R1–R17), may be empty
//!  "note": "free text for the auditor",
//!  "policy": "ordos_2022",             // or {"patch": {...}} merged into it, or a whole policy
//!                                      // (which states every field; an unknown key is refused)
//!  "run": {"type": "...", ...},        // what to run, below
//!  "expect": {...}}                    // what must come out, matched key by key
//! ```
//!
//! Run types and what they give (`expect` names only the keys it checks):
//!
//! - `policy_load` — loads the policy: `{"ok": true}` or `{"error": ...}`; a
//!   malformed policy's error starts with the path of the field at fault
//!   (`studio.subsidy: ...`), a policy that fails validation names its fields.
//! - `document` — the document the policy executes (R17): `{"document":
//!   {"number", "issuers", "issued_on"}, "effective_from", "effective_until"}`.
//! - `deadline` `{kind, released_on}` — `{"deadline"}` (R10).
//! - `add_months` `{date, months}` — `{"date"}` (R10).
//! - `public_notice` `{starts_on, calendar}` — `{"ends_on"}` (R9).
//! - `eligibility` `{application}` (an `Application` in the crate's serde form)
//!   — `{"eligible", "failed_rules" (one per failed finding, in order),
//!   "failed_clauses", "remedies" {rule: remedy}, "eligible_from", "findings"}`,
//!   or `{"error", "field"}` for an application that contradicts itself.
//! - `round` `{setup, recommendations?, close?, review?, notice? {starts_on,
//!   calendar}, objections?, release_on?}` (the crate's serde forms; each step
//!   runs if present, in that order; submissions close unless `"close":
//!   false`) — `{"stage", "receipts", "verdicts" {application: verdict},
//!   "selected", "funded", "not_funded", "refused" {application: [reasons]},
//!   "not_selected" {application: bound}, "removed", "moved_up" {application:
//!   replaced}, "city_rank", "draws" {application: [{fund, amount}]},
//!   "clauses" {application: [clauses]}, "lists_refused" {"recommender/kind":
//!   [reasons]}, "drawn", "remaining", "notice", "projects" {id: {application,
//!   amount, draws}}, "invariants"}`, or `{"error", "failed_step"}`.
//! - `lifecycle` `{start, commands?, status_on?}` (a `ProjectStart`, whose
//!   `policy` may be left out, and `Command`s) — `{"status", "deadline",
//!   "ledger" {released, spent, balance, returned_from_account,
//!   recovery_ordered, repaid, owed, spent_for_asset_rules, payments}, "steps"
//!   [one per command: {"events": [kinds]} or {"error", "refusal", "clause"}],
//!   "unit_name", "lead", "former_names", "accepted_on", "rated_effective",
//!   "closed_on", "status_on" {date: status}, "replay", "invariants"}`, or
//!   `{"error", "clause"}` when the project cannot be opened.
//!
//! Matching: objects key by key (keys `expect` does not name are not checked);
//! arrays element by element, of the same length; a string under an `"error"`
//! key by substring; anything else by equality. On a mismatch the test prints
//! the file, what was expected and what came out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value, json};
use skill_grants::application::Application;
use skill_grants::date::add_months;
use skill_grants::eligibility::decide;
use skill_grants::lifecycle::{Command, Project, ProjectStart};
use skill_grants::round::{
    CityReview, Funding, Objection, Recommendation, Recommender, Round, RoundSetup, Verdict,
    check_invariants,
};
use skill_grants::{ClauseId, HolidayCalendar, Lang, NaiveDate, Policy, ProjectKind, rules};

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
    read(value)
}

/// Reads a value of the case; an error names the path of the field at fault
/// (`studio.subsidy: ...`) as `serde_path_to_error` tracks it (no path for an
/// error of the whole value: a policy that fails validation names its own
/// field).
fn read<T: for<'de> Deserialize<'de>>(value: Value) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|e| e.to_string())
}

fn field<T: for<'de> Deserialize<'de>>(run: &Value, name: &str) -> T {
    read(run.get(name).cloned().unwrap_or(Value::Null))
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
        "document" => json!({
            "document": policy.document(),
            "effective_from": policy.effective_from(),
            "effective_until": policy.effective_until(),
        }),
        "eligibility" => run_eligibility(&policy, &case.run),
        "round" => run_round(policy, &case.run),
        "lifecycle" => run_lifecycle(&policy, &case.run),
        other => panic!("unknown run type `{other}`"),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

/// The serde tag of an internally tagged enum value (`{"reason": "over_quota", ...}`).
fn tag(value: Value, key: &str) -> Value {
    value.get(key).cloned().unwrap_or(value)
}

fn recommender_key(r: &Recommender, kind: ProjectKind) -> String {
    let who = match r {
        Recommender::Banner(b) => to_json(b).as_str().unwrap_or_default().to_owned(),
        Recommender::Body(id) => format!("body:{id}"),
    };
    format!("{who}/{}", to_json(&kind).as_str().unwrap_or_default())
}

fn run_eligibility(policy: &Policy, run: &Value) -> Value {
    let app: Application = field(run, "application");
    match decide(policy, &app) {
        Ok(d) => {
            let failed: Vec<_> = d.failures().collect();
            let mut clauses: Vec<ClauseId> = failed.iter().map(|f| f.clause).collect();
            clauses.sort();
            clauses.dedup();
            let mut remedies = Map::new();
            for f in &failed {
                let rule = to_json(&f.rule).as_str().unwrap().to_owned();
                remedies.entry(rule).or_insert_with(|| to_json(&f.remedy));
            }
            json!({
                "eligible": d.is_eligible(),
                "failed_rules": failed.iter().map(|f| to_json(&f.rule)).collect::<Vec<_>>(),
                "failed_clauses": clauses,
                "remedies": remedies,
                "eligible_from": d.eligible_from(),
                "findings": d.findings,
            })
        }
        Err(e) => json!({ "error": e.to_string(), "field": e.field() }),
    }
}

fn run_round(policy: Policy, run: &Value) -> Value {
    let fail = |step: &str, e: &dyn std::fmt::Display| json!({ "error": e.to_string(), "failed_step": step });
    let setup: RoundSetup = field(run, "setup");
    let mut round = match Round::set_up(policy, setup) {
        Ok(r) => r,
        Err(e) => return fail("set_up", &e),
    };
    let mut receipts = Vec::new();
    if run.get("recommendations").is_some() {
        let recommendations: Vec<Recommendation> = field(run, "recommendations");
        for r in recommendations {
            match round.submit(r) {
                Ok(receipt) => receipts.push(json!({
                    "accepted": receipt.accepted(),
                    "list_refused": receipt.list_refused.iter().map(|r| tag(to_json(r), "reason")).collect::<Vec<_>>(),
                    "admitted": receipt.admitted,
                    "refused": receipt.refused.iter().map(|(a, rs)| json!([a, rs.iter().map(|r| tag(to_json(r), "reason")).collect::<Vec<_>>()])).collect::<Vec<_>>(),
                })),
                Err(e) => return fail("submit", &e),
            }
        }
    }
    if run.get("close") != Some(&Value::Bool(false)) {
        if let Err(e) = round.close_submissions() {
            return fail("close_submissions", &e);
        }
    }
    if run.get("review").is_some() {
        let review: CityReview = field(run, "review");
        if let Err(e) = round.review(review) {
            return fail("review", &e);
        }
    }
    if let Some(notice) = run.get("notice") {
        let starts_on: NaiveDate = field(notice, "starts_on");
        let calendar: HolidayCalendar = field(notice, "calendar");
        if let Err(e) = round.start_notice(starts_on, &calendar) {
            return fail("start_notice", &e);
        }
    }
    if run.get("objections").is_some() {
        let objections: Vec<Objection> = field(run, "objections");
        for o in objections {
            if let Err(e) = round.record_objection(o) {
                return fail("record_objection", &e);
            }
        }
    }
    if run.get("release_on").is_some() {
        let on: NaiveDate = field(run, "release_on");
        if let Err(e) = round.release(on) {
            return fail("release", &e);
        }
    }
    let out = match round.outcome() {
        Ok(o) => o,
        Err(e) => return fail("outcome", &e),
    };
    let mut verdicts = Map::new();
    let mut refused = Map::new();
    let mut not_selected = Map::new();
    let mut moved_up = Map::new();
    let mut city_rank = Map::new();
    let mut draws = Map::new();
    let mut clauses = Map::new();
    let (mut selected, mut funded, mut not_funded, mut removed) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for c in &out.candidates {
        let app = c.application.to_string();
        verdicts.insert(app.clone(), tag(to_json(&c.verdict), "verdict"));
        clauses.insert(app.clone(), to_json(&c.clauses));
        if let Some(r) = c.city_rank {
            city_rank.insert(app.clone(), json!(r));
        }
        match &c.verdict {
            Verdict::Refused { reasons } => {
                refused.insert(
                    app.clone(),
                    reasons.iter().map(|r| tag(to_json(r), "reason")).collect(),
                );
            }
            Verdict::Selected {
                funding,
                moved_up_for,
            } => {
                selected.push(app.clone());
                if let Some(f) = moved_up_for {
                    moved_up.insert(app.clone(), json!(f));
                }
                match funding {
                    Funding::Funded { draws: d, .. } => {
                        funded.push(app.clone());
                        draws.insert(app.clone(), to_json(d));
                    }
                    Funding::NotFunded { .. } => not_funded.push(app.clone()),
                }
            }
            Verdict::NotSelected { reason } => {
                not_selected.insert(app.clone(), tag(to_json(reason), "bound"));
            }
            Verdict::Removed { .. } => removed.push(app.clone()),
            _ => {}
        }
    }
    let mut lists_refused = Map::new();
    for l in &out.lists {
        if !l.refused.is_empty() {
            lists_refused.insert(
                recommender_key(&l.recommender, l.kind),
                l.refused
                    .iter()
                    .map(|r| tag(to_json(r), "reason"))
                    .collect(),
            );
        }
    }
    let projects: Map<String, Value> = out
        .projects
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                json!({"application": p.application, "amount": p.amount, "draws": p.draws, "released_on": p.released_on}),
            )
        })
        .collect();
    json!({
        "stage": out.stage,
        "receipts": receipts,
        "verdicts": verdicts,
        "selected": selected,
        "funded": funded,
        "not_funded": not_funded,
        "refused": refused,
        "not_selected": not_selected,
        "removed": removed,
        "moved_up": moved_up,
        "city_rank": city_rank,
        "draws": draws,
        "clauses": clauses,
        "lists_refused": lists_refused,
        "drawn": out.drawn,
        "remaining": out.remaining,
        "notice": out.notice,
        "projects": projects,
        "invariants": match check_invariants(&out) { Ok(()) => "ok".to_owned(), Err(e) => e.to_string() },
    })
}

fn run_lifecycle(policy: &Policy, run: &Value) -> Value {
    let mut start = run.get("start").cloned().unwrap_or(Value::Null);
    if let Value::Object(o) = &mut start {
        o.entry("policy")
            .or_insert_with(|| to_json(&policy.reference()));
    }
    let start: ProjectStart =
        serde_json::from_value(start).unwrap_or_else(|e| panic!("run.start: {e}"));
    let (mut project, first) = match Project::open(start, policy) {
        Ok(p) => p,
        Err(e) => return json!({ "error": e.explain(Lang::En), "clause": e.clause() }),
    };
    let mut log = vec![first];
    let commands: Vec<Command> = if run.get("commands").is_some() {
        field(run, "commands")
    } else {
        Vec::new()
    };
    let mut steps = Vec::new();
    for c in &commands {
        match project.decide(c) {
            Ok(events) => {
                for e in &events {
                    project.apply(e).unwrap();
                }
                steps.push(
                    json!({ "events": events.iter().map(|e| e.event.kind().id()).collect::<Vec<_>>() }),
                );
                log.extend(events);
            }
            Err(e) => steps.push(json!({
                "error": e.explain(Lang::En),
                "refusal": rules::lifecycle_error_id(&e).trim_start_matches("lifecycle.refusal."),
                "clause": e.clause(),
            })),
        }
    }
    let mut status_on = BTreeMap::new();
    if run.get("status_on").is_some() {
        let dates: Vec<NaiveDate> = field(run, "status_on");
        for d in dates {
            status_on.insert(d.to_string(), to_json(&project.status_on(d)));
        }
    }
    let replay = match Project::replay(&log, policy, Some(&project.head())) {
        Ok(p) if p == project => "ok".to_owned(),
        Ok(_) => "replay gives another state".to_owned(),
        Err(e) => e.to_string(),
    };
    json!({
        "status": project.status(),
        "deadline": project.deadline(),
        "ledger": project.ledger(),
        "steps": steps,
        "unit_name": project.unit_name(),
        "lead": project.lead().map(|l| l.id.to_string()),
        "former_names": project.former_names().iter().map(|f| f.name.clone()).collect::<Vec<_>>(),
        "accepted_on": project.accepted().map(|a| a.0),
        "rated_effective": project.accepted().map(|a| a.1),
        "closed_on": project.closed_on(),
        "status_on": status_on,
        "replay": replay,
        "invariants": match project.check_invariants() { Ok(()) => "ok".to_owned(), Err(e) => e.to_string() },
    })
}

/// True when `actual` meets `expected`: objects by the keys `expected` names,
/// arrays element by element (same length), strings under an "error" key by
/// substring, everything else by equality.
fn meets(expected: &Value, actual: &Value, key: &str) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| meets(ev, av, k))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(ev, av)| meets(ev, av, key))
        }
        (Value::String(e), Value::String(a)) if key == "error" => a.contains(e.as_str()),
        (e, a) => e == a,
    }
}

/// The part of `actual` that `expected` names (objects by key, recursively),
/// so that a mismatch prints what was compared, not the whole outcome.
fn projection(expected: &Value, actual: &Value) -> Value {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => Value::Object(
            e.iter()
                .map(|(k, ev)| {
                    let av = a
                        .get(k)
                        .map_or(Value::String("<missing>".into()), |av| projection(ev, av));
                    (k.clone(), av)
                })
                .collect(),
        ),
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            Value::Array(e.iter().zip(a).map(|(ev, av)| projection(ev, av)).collect())
        }
        (_, a) => a.clone(),
    }
}

#[test]
fn every_conformance_case_passes() {
    let files = case_files();
    assert!(!files.is_empty(), "no conformance cases found");
    let mut failures = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let mut reader = serde_json::Deserializer::from_str(&text);
        let case: Case = match serde_path_to_error::deserialize(&mut reader) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: not a valid case: {e}", file.display()));
                continue;
            }
        };
        if let Some(bad) = case.readings.iter().find(|r| rules::reading(r).is_none()) {
            failures.push(format!(
                "{}: unknown reading `{bad}` (R1–R17)",
                file.display()
            ));
            continue;
        }
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
                projection(&case.expect, &actual)
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

#[test]
fn the_suite_has_at_least_forty_cases() {
    // Coverage of every executed clause and every reading R1–R17 by the cases
    // is checked by tests/clause_map.rs.
    let n = case_files().len();
    assert!(n >= 40, "only {n} conformance cases");
}
