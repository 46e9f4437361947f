//! The conformance suite: every case in `tests/conformance/*.json` is run and
//! its outcome compared with the case's expectation. Adding a case is adding a
//! file; no Rust to touch. `docs/conformance.md` documents the format for
//! auditors; `docs/ids.md` lists every id an expectation may use. In short:
//!
//! ```json
//! {"name": "what the case checks, in a sentence",
//!  "clause": "3.3",                    // the clause it tests, or several: ["3.3", "6.1"]
//!  "readings": ["R6", "R10"],          // the readings it tests (R1–R17), may be empty
//!  "note": "free text for the auditor",
//!  "policy": "ordos_2022",             // or {"patch": {...}} merged into it, or a whole policy
//!  "run": {"type": "...", ...},        // what to run (docs/conformance.md)
//!  "expect": {...}}                    // what must come out, matched key by key
//! ```
//!
//! The runner is strict, so that a case cannot pass by accident:
//!
//! - an unknown key is refused at every level: in the case, in `run` (each
//!   run type has its own keys), in a policy patch (a key the Ordos policy
//!   does not have), in the crate's inputs (their serde forms refuse unknown
//!   fields) and in `expect` (a key the outcome does not have);
//! - an expectation that asserts nothing (`{}` or `[]` anywhere in `expect`) is
//!   refused: to assert that something is exactly empty, write
//!   `{"exactly": {}}` or `{"exactly": []}` (`{"exactly": v}` compares the
//!   whole value, with no key left unchecked);
//! - an input the crate refuses when reading it (an amount of `"0.001"`)
//!   comes out as `{"input_error": {"field", "error"}}`, which a case may
//!   expect; any other expectation of such a case fails.
//!
//! Matching: objects key by key (keys `expect` does not name are not checked);
//! arrays element by element, of the same length; a string under an `"error"`
//! key by substring; anything else by equality. On a mismatch the test prints
//! the file, the path of the first difference, what was expected there and
//! what came out.
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
use skill_grants::chain::{Head, Sealed, seal};
use skill_grants::date::add_months;
use skill_grants::eligibility::decide;
use skill_grants::lifecycle::{Command, Event, Project, ProjectStart, ReplayReason};
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
    /// The clause it tests (our id, e.g. "3.3"), or several.
    clause: Clauses,
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
    /// What to run.
    run: Run,
    /// The expected outcome.
    expect: Value,
}

/// One clause or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Clauses {
    One(ClauseId),
    Many(Vec<ClauseId>),
}

impl Clauses {
    fn all(&self) -> Vec<ClauseId> {
        match self {
            Clauses::One(c) => vec![*c],
            Clauses::Many(cs) => cs.clone(),
        }
    }
}

/// What to run. The crate's inputs are kept as JSON and read when the case
/// runs, so that an input the crate refuses is an outcome (`input_error`)
/// rather than a malformed case.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Run {
    PolicyLoad {},
    Document {},
    Deadline {
        kind: Value,
        released_on: Value,
    },
    AddMonths {
        date: Value,
        months: Value,
    },
    PublicNotice {
        starts_on: Value,
        calendar: Value,
    },
    Eligibility {
        application: Value,
    },
    Round {
        setup: Value,
        /// Places of earlier rounds by kind alone (`{"training_bases": 19,
        /// "studios": 0}`): filled into `setup.earlier`, counted under one
        /// seat that stands for "earlier rounds" (a body id no unit uses).
        #[serde(default)]
        earlier_places: Option<Value>,
        #[serde(default)]
        recommendations: Option<Value>,
        #[serde(default)]
        close: Option<bool>,
        #[serde(default)]
        review: Option<Value>,
        #[serde(default)]
        notice: Option<NoticeRun>,
        #[serde(default)]
        objections: Option<Value>,
        #[serde(default)]
        release_on: Option<Value>,
    },
    Lifecycle {
        /// One project (a `ProjectStart`; its `policy` may be left out).
        #[serde(default)]
        start: Option<Value>,
        /// Several projects.
        #[serde(default)]
        projects: Option<Vec<Value>>,
        /// Commands, in order; with several projects each names its project
        /// (`"project": "2022-B-01"`, beside the command's own keys).
        #[serde(default)]
        commands: Option<Vec<Value>>,
        /// A given event log (`Event`s in the crate's serde form), sealed in
        /// this order and replayed, instead of `start` and `commands`.
        #[serde(default)]
        log: Option<Vec<Value>>,
        /// Dates: the status from the final state, as `Project::status_on`.
        #[serde(default)]
        status_on: Option<Value>,
        /// Dates: the project as it stood at the end of each date (the log
        /// replayed up to that day), with its status on that day.
        #[serde(default)]
        state_on: Option<Value>,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeRun {
    starts_on: Value,
    calendar: Value,
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

/// A case that cannot be run as written (a misspelt key, a vacuous
/// expectation): the message names the key.
type CaseError = String;

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

/// Every key of `patch` must be a key of `base` at the same place (objects
/// recursively; a value that is not an object is replaced whole).
fn check_patch(patch: &Value, base: &Value, path: &str) -> Result<(), CaseError> {
    match (patch, base) {
        (Value::Object(p), Value::Object(b)) => {
            if p.is_empty() {
                return Err(format!("{path}: an empty patch changes nothing"));
            }
            for (k, v) in p {
                let Some(bv) = b.get(k) else {
                    let known: Vec<&str> = b.keys().map(String::as_str).collect();
                    return Err(format!(
                        "{path}.{k}: the policy has no field `{k}` here (it has: {})",
                        known.join(", ")
                    ));
                };
                check_patch(v, bv, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The policy's JSON: the Ordos policy, patched, or a whole policy. A patch
/// key the policy does not have is a case error, except in a `policy_load`
/// run, where what the loader says of it is the point.
fn policy_value(spec: &Option<Value>, strict_patch: bool) -> Result<Value, CaseError> {
    let base = serde_json::to_value(Policy::ordos_2022()).unwrap();
    match spec {
        None => Ok(base),
        Some(Value::String(s)) if s == "ordos_2022" => Ok(base),
        Some(Value::String(s)) => Err(format!("policy: unknown policy `{s}` (ordos_2022)")),
        Some(Value::Object(o)) if o.contains_key("patch") => {
            if let Some(other) = o.keys().find(|k| *k != "patch") {
                return Err(format!("policy.{other}: unknown key beside `patch`"));
            }
            let patch = &o["patch"];
            if strict_patch {
                check_patch(patch, &base, "policy.patch")?;
            }
            let mut v = base;
            merge(&mut v, patch);
            Ok(v)
        }
        Some(other) => Ok(other.clone()),
    }
}

/// Reads a value of the case; an error names the path of the field at fault
/// (`studio.subsidy: ...`) as `serde_path_to_error` tracks it.
fn read<T: for<'de> Deserialize<'de>>(value: Value) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|e| e.to_string())
}

/// Reads one of the crate's inputs; a refusal is the outcome
/// `{"input_error": {"field", "error"}}`.
fn input<T: for<'de> Deserialize<'de>>(value: &Value, name: &str) -> Result<T, Value> {
    serde_path_to_error::deserialize(value.clone()).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path.is_empty() {
            name.to_owned()
        } else {
            format!("{name}.{path}")
        };
        json!({ "input_error": { "field": field, "error": e.inner().to_string() } })
    })
}

/// Runs a case; returns the outcome as JSON, in the shape of `expect`.
fn run(case: &Case) -> Result<Value, CaseError> {
    let is_load = matches!(case.run, Run::PolicyLoad {});
    let value = policy_value(&case.policy, !is_load)?;
    let policy: Result<Policy, String> = read(value);
    if is_load {
        return Ok(match policy {
            Ok(_) => json!({ "ok": true }),
            Err(e) => json!({ "error": e }),
        });
    }
    let policy = policy.map_err(|e| format!("policy: the case's policy does not load: {e}"))?;
    let out = match &case.run {
        Run::PolicyLoad {} => unreachable!(),
        Run::Deadline { kind, released_on } => (|| {
            let kind: ProjectKind = input(kind, "run.kind")?;
            let released: NaiveDate = input(released_on, "run.released_on")?;
            Ok(match policy.completion_deadline(kind, released) {
                Ok(d) => json!({ "deadline": d }),
                Err(e) => json!({ "error": e.to_string() }),
            })
        })(),
        Run::AddMonths { date, months } => (|| {
            let date: NaiveDate = input(date, "run.date")?;
            let months: u32 = input(months, "run.months")?;
            Ok(match add_months(date, months) {
                Ok(d) => json!({ "date": d }),
                Err(e) => json!({ "error": e.to_string() }),
            })
        })(),
        Run::PublicNotice {
            starts_on,
            calendar,
        } => (|| {
            let calendar: HolidayCalendar = input(calendar, "run.calendar")?;
            let start: NaiveDate = input(starts_on, "run.starts_on")?;
            Ok(
                match calendar.nth_working_day(start, policy.notice_working_days()) {
                    Ok(d) => json!({ "ends_on": d }),
                    Err(e) => json!({ "error": e.to_string() }),
                },
            )
        })(),
        Run::Document {} => Ok(json!({
            "document": policy.document(),
            "effective_from": policy.effective_from(),
            "effective_until": policy.effective_until(),
        })),
        Run::Eligibility { application } => run_eligibility(&policy, application),
        Run::Round { .. } => run_round(policy, &case.run),
        Run::Lifecycle { .. } => run_lifecycle(&policy, &case.run)?,
    };
    Ok(out.unwrap_or_else(|input_error| input_error))
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

fn rule_name(rule: &impl serde::Serialize) -> String {
    to_json(rule).as_str().unwrap_or_default().to_owned()
}

fn run_eligibility(policy: &Policy, application: &Value) -> Result<Value, Value> {
    let app: Application = input(application, "run.application")?;
    Ok(match decide(policy, &app) {
        Ok(d) => {
            let failed: Vec<_> = d.failures().collect();
            let mut clauses: Vec<ClauseId> = failed.iter().map(|f| f.clause).collect();
            clauses.sort();
            clauses.dedup();
            let mut remedies = Map::new();
            for f in &failed {
                remedies
                    .entry(rule_name(&f.rule))
                    .or_insert_with(|| to_json(&f.remedy));
            }
            // By rule id; host conditions (R16) as `host_condition.<index>`.
            let mut by_rule = Map::new();
            let mut outcomes = Map::new();
            let mut host = 0usize;
            for f in &d.findings {
                let mut key = rule_name(&f.rule);
                if key == "host_condition" {
                    key = format!("host_condition.{host}");
                    host += 1;
                }
                outcomes.insert(key.clone(), to_json(&f.outcome));
                by_rule.insert(key, to_json(f));
            }
            json!({
                "eligible": d.is_eligible(),
                "failed_rules": failed.iter().map(|f| to_json(&f.rule)).collect::<Vec<_>>(),
                "failed_clauses": clauses,
                "remedies": remedies,
                "eligible_from": d.eligible_from(),
                "findings": d.findings,
                "findings_by_rule": by_rule,
                "outcomes": outcomes,
            })
        }
        Err(e) => json!({ "error": e.to_string(), "field": e.field() }),
    })
}

fn run_round(policy: Policy, run: &Run) -> Result<Value, Value> {
    let Run::Round {
        setup,
        earlier_places,
        recommendations,
        close,
        review,
        notice,
        objections,
        release_on,
    } = run
    else {
        unreachable!()
    };
    let fail = |step: &str, e: &dyn std::fmt::Display| json!({ "error": e.to_string(), "failed_step": step });
    let mut setup_value = setup.clone();
    if let Some(counts) = earlier_places {
        let earlier = json!({
            "by_kind": counts,
            "by_seat": [{"seat": {"body": "earlier-rounds"}, "counts": counts}],
        });
        if let Value::Object(o) = &mut setup_value {
            o.insert("earlier".into(), earlier);
        }
    }
    let setup: RoundSetup = input(&setup_value, "run.setup")?;
    let mut round = match Round::set_up(policy, setup) {
        Ok(r) => r,
        Err(e) => return Ok(fail("set_up", &e)),
    };
    let mut receipts = Vec::new();
    if let Some(recommendations) = recommendations {
        let recommendations: Vec<Recommendation> = input(recommendations, "run.recommendations")?;
        for r in recommendations {
            match round.submit(r) {
                Ok(receipt) => receipts.push(json!({
                    "accepted": receipt.accepted(),
                    "list_refused": receipt.list_refused.iter().map(|r| tag(to_json(r), "reason")).collect::<Vec<_>>(),
                    "list_refusals": receipt.list_refused.iter().map(to_json).collect::<Vec<_>>(),
                    "admitted": receipt.admitted,
                    "refused": receipt.refused.iter().map(|(a, rs)| json!([a, rs.iter().map(|r| tag(to_json(r), "reason")).collect::<Vec<_>>()])).collect::<Vec<_>>(),
                })),
                Err(e) => return Ok(fail("submit", &e)),
            }
        }
    }
    if *close != Some(false) {
        if let Err(e) = round.close_submissions() {
            return Ok(fail("close_submissions", &e));
        }
    }
    if let Some(review) = review {
        let review: CityReview = input(review, "run.review")?;
        if let Err(e) = round.review(review) {
            return Ok(fail("review", &e));
        }
    }
    if let Some(notice) = notice {
        let starts_on: NaiveDate = input(&notice.starts_on, "run.notice.starts_on")?;
        let calendar: HolidayCalendar = input(&notice.calendar, "run.notice.calendar")?;
        if let Err(e) = round.start_notice(starts_on, &calendar) {
            return Ok(fail("start_notice", &e));
        }
    }
    if let Some(objections) = objections {
        let objections: Vec<Objection> = input(objections, "run.objections")?;
        for o in objections {
            if let Err(e) = round.record_objection(o) {
                return Ok(fail("record_objection", &e));
            }
        }
    }
    if let Some(on) = release_on {
        let on: NaiveDate = input(on, "run.release_on")?;
        if let Err(e) = round.release(on) {
            return Ok(fail("release", &e));
        }
    }
    let out = match round.outcome() {
        Ok(o) => o,
        Err(e) => return Ok(fail("outcome", &e)),
    };
    let mut verdicts = Map::new();
    let mut refused = Map::new();
    let mut refusals = Map::new();
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
                refusals.insert(app.clone(), reasons.iter().map(to_json).collect());
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
    let mut list_refusals = Map::new();
    for l in &out.lists {
        if !l.refused.is_empty() {
            let key = recommender_key(&l.recommender, l.kind);
            lists_refused.insert(
                key.clone(),
                l.refused
                    .iter()
                    .map(|r| tag(to_json(r), "reason"))
                    .collect(),
            );
            list_refusals.insert(key, l.refused.iter().map(to_json).collect());
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
    Ok(json!({
        "stage": out.stage,
        "receipts": receipts,
        "verdicts": verdicts,
        "selected": selected,
        "funded": funded,
        "not_funded": not_funded,
        "refused": refused,
        "refusals": refusals,
        "not_selected": not_selected,
        "removed": removed,
        "moved_up": moved_up,
        "city_rank": city_rank,
        "draws": draws,
        "clauses": clauses,
        "lists_refused": lists_refused,
        "list_refusals": list_refusals,
        "drawn": out.drawn,
        "remaining": out.remaining,
        "notice": out.notice,
        "projects": projects,
        "invariants": match check_invariants(&out) { Ok(()) => "ok".to_owned(), Err(e) => e.to_string() },
    }))
}

/// `Chain(..)` → `chain`: the id of a replay refusal, from its variant name.
fn replay_reason_id(reason: &ReplayReason) -> String {
    let debug = format!("{reason:?}");
    let name: String = debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn replay_error_json(e: &skill_grants::lifecycle::ReplayError) -> Value {
    let refusal = match &e.reason {
        ReplayReason::Refused(l) | ReplayReason::BadStart(l) => Some(
            rules::lifecycle_error_id(l)
                .trim_start_matches("lifecycle.refusal.")
                .to_owned(),
        ),
        _ => None,
    };
    json!({
        "position": e.position,
        "reason": replay_reason_id(&e.reason),
        "refusal": refusal,
        "clause": e.reason.clause(),
        "error": e.to_string(),
    })
}

/// A project's state, as the outcome shows it.
fn project_json(project: &Project) -> Map<String, Value> {
    let v = json!({
        "status": project.status(),
        "deadline": project.deadline(),
        "ledger": project.ledger(),
        "unit_name": project.unit_name(),
        "lead": project.lead().map(|l| l.id.to_string()),
        "former_names": project.former_names().iter().map(|f| f.name.clone()).collect::<Vec<_>>(),
        "accepted_on": project.accepted().map(|a| a.0),
        "rated_effective": project.accepted().map(|a| a.1),
        "closed_on": project.closed_on(),
        "invariants": match project.check_invariants() { Ok(()) => "ok".to_owned(), Err(e) => e.to_string() },
    });
    match v {
        Value::Object(o) => o,
        _ => unreachable!(),
    }
}

/// The outcome keys for one project's log: its state, `status_on` (from the
/// final state), `state_on` (as of each date) and `replay` (its own log
/// replayed against its head).
fn project_outcome(
    project: &Project,
    log: &[Sealed<Event>],
    policy: &Policy,
    status_on: &[NaiveDate],
    state_on: &[NaiveDate],
) -> Map<String, Value> {
    let mut out = project_json(project);
    let mut status = BTreeMap::new();
    for d in status_on {
        status.insert(d.to_string(), to_json(&project.status_on(*d)));
    }
    out.insert("status_on".into(), to_json(&status));
    let mut states = Map::new();
    for d in state_on {
        let v = match Project::state_on(log, policy, *d) {
            Ok(Some(p)) => {
                let mut s = project_json(&p);
                s.insert("status".into(), to_json(&p.status_on(*d)));
                Value::Object(s)
            }
            Ok(None) => json!("not_started"),
            Err(e) => json!({ "replay_error": replay_error_json(&e) }),
        };
        states.insert(d.to_string(), v);
    }
    out.insert("state_on".into(), Value::Object(states));
    let replay = match Project::replay(log, policy, Some(&project.head())) {
        Ok(p) if &p == project => "ok".to_owned(),
        Ok(_) => "replay gives another state".to_owned(),
        Err(e) => e.to_string(),
    };
    out.insert("replay".into(), json!(replay));
    out
}

fn run_lifecycle(policy: &Policy, run: &Run) -> Result<Result<Value, Value>, CaseError> {
    let Run::Lifecycle {
        start,
        projects,
        commands,
        log,
        status_on,
        state_on,
    } = run
    else {
        unreachable!()
    };
    let status_on: Vec<NaiveDate> = match status_on {
        Some(v) => match input(v, "run.status_on") {
            Ok(d) => d,
            Err(e) => return Ok(Err(e)),
        },
        None => Vec::new(),
    };
    let state_on: Vec<NaiveDate> = match state_on {
        Some(v) => match input(v, "run.state_on") {
            Ok(d) => d,
            Err(e) => return Ok(Err(e)),
        },
        None => Vec::new(),
    };
    if let Some(events) = log {
        if start.is_some() || projects.is_some() || commands.is_some() {
            return Err("run.log: a given log replaces `start`, `projects` and `commands`".into());
        }
        return Ok(replay_given(policy, events, &status_on, &state_on));
    }
    let starts: Vec<(String, &Value)> = match (start, projects) {
        (Some(s), None) => vec![("run.start".into(), s)],
        (None, Some(ps)) if !ps.is_empty() => ps
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("run.projects[{i}]"), p))
            .collect(),
        _ => return Err("run: a lifecycle case has `start` or a non-empty `projects`".into()),
    };
    let mut opened: Vec<(Project, Vec<Sealed<Event>>)> = Vec::new();
    for (name, value) in &starts {
        let mut value = (*value).clone();
        if let Value::Object(o) = &mut value {
            o.entry("policy")
                .or_insert_with(|| to_json(&policy.reference()));
        }
        let start: ProjectStart = match input(&value, name) {
            Ok(s) => s,
            Err(e) => return Ok(Err(e)),
        };
        match Project::open(start, policy) {
            Ok((p, first)) => opened.push((p, vec![first])),
            Err(e) => {
                return Ok(Ok(
                    json!({ "error": e.explain(Lang::En), "clause": e.clause(), "project": name }),
                ));
            }
        }
    }
    let several = opened.len() > 1;
    let mut steps = Vec::new();
    for (i, value) in commands.iter().flatten().enumerate() {
        let name = format!("run.commands[{i}]");
        let mut value = value.clone();
        let target = match &mut value {
            Value::Object(o) => o.remove("project"),
            _ => None,
        };
        let index = match (&target, several) {
            (None, false) => 0,
            (None, true) => {
                return Err(format!(
                    "{name}: with several projects a command names its `project`"
                ));
            }
            (Some(id), _) => opened
                .iter()
                .position(|(p, _)| Value::String(p.id().to_string()) == *id)
                .ok_or_else(|| format!("{name}.project: no project {id} in the case"))?,
        };
        let command: Command = match input(&value, &name) {
            Ok(c) => c,
            Err(e) => return Ok(Err(e)),
        };
        let (project, _) = &mut opened[index];
        match project.decide(&command) {
            Ok(events) => {
                for e in &events {
                    project.apply(e).unwrap();
                }
                let mut all_invariants = Vec::new();
                for (p, _) in &opened {
                    if let Err(e) = p.check_invariants() {
                        all_invariants.push(format!("{}: {e}", p.id()));
                    }
                }
                let (project, _) = &opened[index];
                steps.push(json!({
                    "project": project.id().to_string(),
                    "events": events.iter().map(|e| e.event.kind().id()).collect::<Vec<_>>(),
                    "changes": events.iter().map(|e| to_json(&e.event.change)).collect::<Vec<_>>(),
                    "status": project.status(),
                    "balance": project.ledger().balance,
                    "invariants": if all_invariants.is_empty() { "ok".to_owned() } else { all_invariants.join("; ") },
                }));
                opened[index].1.extend(events);
            }
            Err(e) => steps.push(json!({
                "project": project.id().to_string(),
                "error": e.explain(Lang::En),
                "refusal": rules::lifecycle_error_id(&e).trim_start_matches("lifecycle.refusal."),
                "clause": e.clause(),
            })),
        }
    }
    let mut by_id = Map::new();
    for (p, log) in &opened {
        by_id.insert(
            p.id().to_string(),
            Value::Object(project_outcome(p, log, policy, &status_on, &state_on)),
        );
    }
    let mut out = if several {
        Map::new()
    } else {
        let (p, log) = &opened[0];
        project_outcome(p, log, policy, &status_on, &state_on)
    };
    out.insert("steps".into(), Value::Array(steps));
    out.insert("projects".into(), Value::Object(by_id));
    Ok(Ok(Value::Object(out)))
}

/// A given log: its events sealed in order (so that the chain holds and the
/// law is what is tested), then replayed.
fn replay_given(
    policy: &Policy,
    events: &[Value],
    status_on: &[NaiveDate],
    state_on: &[NaiveDate],
) -> Result<Value, Value> {
    let mut head = Head::GENESIS;
    let mut log = Vec::new();
    for (i, value) in events.iter().enumerate() {
        // A start record's `policy` may be left out: the case's policy.
        let mut value = value.clone();
        if let Some(Value::Object(start)) = value.pointer_mut("/change/start") {
            start
                .entry("policy")
                .or_insert_with(|| to_json(&policy.reference()));
        }
        let event: Event = input(&value, &format!("run.log[{i}]"))?;
        let (sealed, next) = seal(head, event).unwrap();
        head = next;
        log.push(sealed);
    }
    Ok(match Project::replay(&log, policy, Some(&head)) {
        Ok(p) => {
            let mut out = project_outcome(&p, &log, policy, status_on, state_on);
            out.insert("replay".into(), json!("ok"));
            Value::Object(out)
        }
        Err(e) => json!({ "replay": replay_error_json(&e) }),
    })
}

/// Problems of the expectation itself: an empty object or array asserts
/// nothing; `exactly` stands alone.
fn lint_expect(expected: &Value, path: &str, problems: &mut Vec<String>) {
    match expected {
        Value::Object(o) if o.contains_key("exactly") && o.len() > 1 => {
            problems.push(format!(
                "{path}: `exactly` stands alone (beside it: {})",
                o.keys()
                    .filter(|k| *k != "exactly")
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Value::Object(o) if o.contains_key("exactly") => {}
        Value::Object(o) if o.is_empty() => problems.push(format!(
            "{path}: an empty object asserts nothing; write {{\"exactly\": {{}}}} to assert that it is empty"
        )),
        Value::Array(a) if a.is_empty() => problems.push(format!(
            "{path}: an empty array is refused as ambiguous; write {{\"exactly\": []}} to assert that it is empty"
        )),
        Value::Object(o) => {
            for (k, v) in o {
                lint_expect(v, &format!("{path}.{k}"), problems);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                lint_expect(v, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

/// `Ok` when `actual` meets `expected`; otherwise the path of the first
/// difference and what differs.
fn meets(expected: &Value, actual: &Value, path: &str, key: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), _) if e.len() == 1 && e.contains_key("exactly") => {
            if &e["exactly"] == actual {
                Ok(())
            } else {
                Err(format!(
                    "{path}: expected exactly {}, got {actual}",
                    e["exactly"]
                ))
            }
        }
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let here = format!("{path}.{k}");
                let Some(av) = a.get(k) else {
                    let keys: Vec<&str> = a.keys().map(String::as_str).collect();
                    return Err(format!(
                        "{here}: the outcome has no key `{k}` here (it has: {})",
                        keys.join(", ")
                    ));
                };
                meets(ev, av, &here, k)?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} elements, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                meets(ev, av, &format!("{path}[{i}]"), key)?;
            }
            Ok(())
        }
        (Value::String(e), Value::String(a)) if key == "error" => {
            if a.contains(e.as_str()) {
                Ok(())
            } else {
                Err(format!(
                    "{path}: expected an error containing {e:?}, got {a:?}"
                ))
            }
        }
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
}

/// Reads, checks and runs one case file: `Err` with every problem found.
fn check_case(text: &str) -> Result<(), String> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let case: Case = serde_path_to_error::deserialize(&mut reader)
        .map_err(|e| format!("not a valid case: {e}"))?;
    if let Some(bad) = case.readings.iter().find(|r| rules::reading(r).is_none()) {
        return Err(format!("unknown reading `{bad}` (R1–R17)"));
    }
    if case.clause.all().is_empty() {
        return Err("clause: names no clause".into());
    }
    let mut problems = Vec::new();
    lint_expect(&case.expect, "expect", &mut problems);
    if !problems.is_empty() {
        return Err(problems.join("\n  "));
    }
    let actual = std::panic::catch_unwind(|| run(&case))
        .map_err(|_| "the case could not be run (see above)".to_owned())??;
    if let (Some(refused), None) = (actual.get("input_error"), case.expect.get("input_error")) {
        return Err(format!(
            "the crate refused an input of the case: {}: {}",
            refused["field"].as_str().unwrap_or_default(),
            refused["error"].as_str().unwrap_or_default()
        ));
    }
    meets(&case.expect, &actual, "expect", "").map_err(|diff| {
        format!(
            "({}; clause {:?}; {:?})\n  {diff}",
            case.name,
            case.clause.all(),
            case.readings
        )
    })
}

#[test]
fn every_conformance_case_passes() {
    let files = case_files();
    assert!(!files.is_empty(), "no conformance cases found");
    let mut failures = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        if let Err(e) = check_case(&text) {
            failures.push(format!("{}: {e}", file.display()));
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

/// The runner's own strictness: a case written wrong fails, and the message
/// names what is wrong. Each is a shipped case with one thing spoilt.
mod strictness {
    use super::*;

    fn shipped(file: &str) -> Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/conformance")
            .join(file);
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    }

    fn fails_naming(case: &Value, words: &[&str]) {
        let err = check_case(&case.to_string()).expect_err("the spoilt case passed");
        for w in words {
            assert!(err.contains(w), "`{w}` not in the message: {err}");
        }
    }

    #[test]
    fn the_shipped_cases_used_here_pass_unspoilt() {
        for f in [
            "round-objection-upheld-no-move-up.json",
            "lifecycle-payment-above-balance.json",
            "eligibility-reapply-one-day-short.json",
            "policy-ordos-loads.json",
        ] {
            check_case(&shipped(f).to_string()).unwrap();
        }
    }

    #[test]
    fn a_misspelt_run_key_fails_naming_it() {
        let mut case = shipped("round-objection-upheld-no-move-up.json");
        let run = case["run"].as_object_mut().unwrap();
        let objections = run.remove("objections").unwrap();
        run.insert("objektions".into(), objections);
        fails_naming(&case, &["objektions"]);

        let mut case = shipped("lifecycle-payment-above-balance.json");
        let run = case["run"].as_object_mut().unwrap();
        let commands = run.remove("commands").unwrap();
        run.insert("comands".into(), commands);
        fails_naming(&case, &["comands"]);
    }

    #[test]
    fn a_misspelt_case_key_fails_naming_it() {
        let mut case = shipped("eligibility-reapply-one-day-short.json");
        let o = case.as_object_mut().unwrap();
        let readings = o.remove("readings").unwrap();
        o.insert("readngs".into(), readings);
        fails_naming(&case, &["readngs"]);
    }

    #[test]
    fn a_misspelt_policy_patch_key_fails_naming_it() {
        let mut case = shipped("eligibility-reapply-one-day-short.json");
        case["policy"] = json!({"patch": {"reapply_after_monhts": 12}});
        fails_naming(&case, &["reapply_after_monhts", "policy.patch"]);
        // Nested, inside a field the policy has.
        case["policy"] = json!({"patch": {"studio": {"subsidyy": "1.00"}}});
        fails_naming(&case, &["policy.patch.studio.subsidyy"]);
        // Beside the patch.
        case["policy"] = json!({"patch": {"notice_working_days": 7}, "pach": {}});
        fails_naming(&case, &["pach"]);
    }

    #[test]
    fn a_misspelt_key_in_the_crates_input_is_an_input_error_naming_it() {
        let mut case = shipped("lifecycle-payment-above-balance.json");
        case["run"]["start"]["unit_nmae"] = json!("x");
        fails_naming(&case, &["refused an input", "run.start.unit_nmae"]);
    }

    #[test]
    fn a_misspelt_expect_key_fails_naming_it() {
        let mut case = shipped("round-objection-upheld-no-move-up.json");
        case["expect"]["remvoed"] = json!(["A-1"]);
        fails_naming(&case, &["expect.remvoed"]);
        let mut case = shipped("lifecycle-payment-above-balance.json");
        case["expect"]["ledger"]["balanse"] = json!("0.00");
        fails_naming(&case, &["expect.ledger.balanse"]);
    }

    #[test]
    fn an_empty_expectation_fails_naming_it() {
        let mut case = shipped("round-objection-upheld-no-move-up.json");
        case["expect"]["projects"] = json!({});
        fails_naming(&case, &["expect.projects", "asserts nothing", "exactly"]);
        case["expect"] = json!({});
        fails_naming(&case, &["expect", "asserts nothing"]);
        let mut case = shipped("eligibility-reapply-one-day-short.json");
        case["expect"]["failed_clauses"] = json!([]);
        fails_naming(&case, &["expect.failed_clauses", "exactly"]);
    }

    #[test]
    fn exactly_compares_the_whole_value() {
        let mut case = shipped("eligibility-reapply-one-day-short.json");
        // The case fails 3.4 only: its clauses are not exactly empty…
        case["expect"] = json!({"failed_clauses": {"exactly": []}});
        fails_naming(&case, &["expect.failed_clauses", "exactly"]);
        // …and exactly ["3.4"].
        case["expect"] = json!({"failed_clauses": {"exactly": ["3.4"]}});
        check_case(&case.to_string()).unwrap();
        // `exactly` stands alone.
        case["expect"] = json!({"failed_clauses": {"exactly": ["3.4"], "also": 1}});
        fails_naming(&case, &["exactly", "also"]);
    }

    #[test]
    fn an_unknown_run_type_fails_naming_it() {
        let mut case = shipped("policy-ordos-loads.json");
        case["run"]["type"] = json!("polcy_load");
        fails_naming(&case, &["polcy_load"]);
    }
}
