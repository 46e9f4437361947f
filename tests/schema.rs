//! JSON Schema (feature `schema`): the committed files in `schema/` match the code, and every
//! schema accepts what the crate writes for the built-in sample (and rejects what it should not).
//!
//! Run with `cargo test --features schema`. After a deliberate change to a serialized type,
//! regenerate the committed files with `UPDATE_SCHEMA=1 cargo test --features schema --test schema`.
//!
//! No JSON-Schema crate is used: `Validator` below implements the subset of JSON Schema 2020-12
//! that schemars emits for this crate — `type`, `properties`, `required`, `additionalProperties`,
//! `enum`, `const`, `oneOf`/`anyOf`/`allOf`, `$ref` into `$defs`, `items`, `prefixItems`,
//! `minItems`/`maxItems`, `minimum`/`maximum`, `maxLength`, the formats `date` and the integer widths, and the
//! two `pattern`s in use (money and decimals), each checked by hand. Any other keyword or pattern
//! fails the test, so the subset cannot silently fall behind what schemars writes.
#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::{Map, Value, json};
use skill_grants::lifecycle::Project;
use skill_grants::round::{CandidateScore, CityReview, Round};
use skill_grants::service::{Request, Service};
use skill_grants::{Policy, PolicySet, eligibility, sample};

// ---------- the committed copies ----------

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema")
}

fn pretty(schema: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap();
    text.push('\n');
    text
}

#[test]
fn committed_schemas_match_the_code() {
    let update = std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v != "0" && !v.is_empty());
    let dir = schema_dir();
    let mut stale = Vec::new();
    let mut names = Vec::new();
    for (name, schema) in skill_grants::schema::schemas() {
        let path = dir.join(format!("{name}.json"));
        names.push(format!("{name}.json"));
        let text = pretty(&schema);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schema/ is out of step with the code for {stale:?}; \
         regenerate with `UPDATE_SCHEMA=1 cargo test --features schema --test schema`"
    );
    // No file left over from a type that is gone.
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    present.sort();
    names.sort();
    assert_eq!(present, names, "schema/ holds files no type produces");
}

// ---------- the validator ----------

struct Validator<'a> {
    root: &'a Value,
}

impl Validator<'_> {
    fn check(&self, schema: &Value, value: &Value, path: &str) -> Result<(), String> {
        let obj = match schema {
            Value::Bool(true) => return Ok(()),
            Value::Bool(false) => return Err(format!("{path}: no value is allowed")),
            Value::Object(o) => o,
            other => panic!("not a schema: {other}"),
        };
        for (key, sub) in obj {
            match key.as_str() {
                "$schema" | "title" | "description" | "default" | "$defs" | "examples"
                | "deprecated" | "readOnly" | "writeOnly" => {}
                "$ref" => {
                    let target = self.resolve(sub.as_str().unwrap());
                    self.check(target, value, path)?;
                }
                "type" => check_type(sub, value, path)?,
                "enum" => {
                    if !sub.as_array().unwrap().contains(value) {
                        return Err(format!("{path}: {value} is not one of {sub}"));
                    }
                }
                "const" => {
                    if sub != value {
                        return Err(format!("{path}: {value} is not {sub}"));
                    }
                }
                "properties" => {
                    if let Value::Object(v) = value {
                        for (name, s) in sub.as_object().unwrap() {
                            if let Some(field) = v.get(name) {
                                self.check(s, field, &format!("{path}.{name}"))?;
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(v) = value {
                        for name in sub.as_array().unwrap() {
                            let name = name.as_str().unwrap();
                            if !v.contains_key(name) {
                                return Err(format!("{path}: missing required `{name}`"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(v) = value {
                        let known = obj.get("properties").and_then(Value::as_object);
                        for (name, field) in v {
                            if known.is_some_and(|k| k.contains_key(name)) {
                                continue;
                            }
                            self.check(sub, field, &format!("{path}.{name}"))
                                .map_err(|e| format!("{e} (additional property `{name}`)"))?;
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = value {
                        let skip = obj
                            .get("prefixItems")
                            .and_then(Value::as_array)
                            .map_or(0, Vec::len);
                        for (i, item) in items.iter().enumerate().skip(skip) {
                            self.check(sub, item, &format!("{path}[{i}]"))?;
                        }
                    }
                }
                "prefixItems" => {
                    if let Value::Array(items) = value {
                        for (i, (s, item)) in sub.as_array().unwrap().iter().zip(items).enumerate()
                        {
                            self.check(s, item, &format!("{path}[{i}]"))?;
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let Value::Array(items) = value {
                        let n = sub.as_u64().unwrap() as usize;
                        let ok = if key == "minItems" {
                            items.len() >= n
                        } else {
                            items.len() <= n
                        };
                        if !ok {
                            return Err(format!("{path}: {} items, {key} {n}", items.len()));
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let Some(x) = value.as_f64() {
                        let bound = sub.as_f64().unwrap();
                        let ok = if key == "minimum" {
                            x >= bound
                        } else {
                            x <= bound
                        };
                        if !ok {
                            return Err(format!("{path}: {x} breaks {key} {bound}"));
                        }
                    }
                }
                "oneOf" => {
                    let matched = sub
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| self.check(s, value, path).is_ok())
                        .count();
                    if matched != 1 {
                        return Err(format!("{path}: {value} matches {matched} of oneOf"));
                    }
                }
                "anyOf" => {
                    let alternatives = sub.as_array().unwrap();
                    if !alternatives
                        .iter()
                        .any(|s| self.check(s, value, path).is_ok())
                    {
                        let why: Vec<String> = alternatives
                            .iter()
                            .filter_map(|s| self.check(s, value, path).err())
                            .collect();
                        return Err(format!("{path}: matches no anyOf: {why:?}"));
                    }
                }
                "allOf" => {
                    for s in sub.as_array().unwrap() {
                        self.check(s, value, path)?;
                    }
                }
                "format" => check_format(sub.as_str().unwrap(), value, path)?,
                "pattern" => check_pattern(sub.as_str().unwrap(), value, path)?,
                "maxLength" => {
                    let max = sub.as_u64().unwrap();
                    if let Value::String(s) = value {
                        if s.chars().count() as u64 > max {
                            return Err(format!("{path}: longer than {max} characters"));
                        }
                    }
                }
                other => panic!("the test's validator does not know `{other}` (at {path})"),
            }
        }
        Ok(())
    }

    fn resolve(&self, reference: &str) -> &Value {
        let name = reference
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
        &self.root["$defs"][name]
    }
}

fn check_type(t: &Value, value: &Value, path: &str) -> Result<(), String> {
    let types: Vec<&str> = match t {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().map(|x| x.as_str().unwrap()).collect(),
        other => panic!("bad type {other}"),
    };
    let ok = types.iter().any(|t| match *t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("unknown type {other}"),
    });
    if ok {
        Ok(())
    } else {
        Err(format!("{path}: {value} is not of type {t}"))
    }
}

fn check_format(format: &str, value: &Value, path: &str) -> Result<(), String> {
    let ok = match format {
        "date" => value.as_str().is_none_or(|s| {
            s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        }),
        "uint" | "uint8" | "uint16" | "uint32" | "uint64" => {
            !value.is_number() || value.is_u64() && fits_unsigned(format, value)
        }
        "int" | "int8" | "int16" | "int32" | "int64" => !value.is_number() || value.is_i64(),
        other => panic!("the test's validator does not know format `{other}` (at {path})"),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{path}: {value} is not a {format}"))
    }
}

fn fits_unsigned(format: &str, value: &Value) -> bool {
    let n = value.as_u64().unwrap();
    match format {
        "uint8" => n <= u64::from(u8::MAX),
        "uint16" => n <= u64::from(u16::MAX),
        "uint32" => n <= u64::from(u32::MAX),
        _ => true,
    }
}

/// The two patterns schemars writes for this crate, checked by hand.
fn check_pattern(pattern: &str, value: &Value, path: &str) -> Result<(), String> {
    let Some(s) = value.as_str() else {
        return Ok(());
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let ok = match pattern {
        // Yuan: ^[0-9]+(\.[0-9]{1,2})?$
        r"^[0-9]+(\.[0-9]{1,2})?$" => match s.split_once('.') {
            None => digits(s),
            Some((whole, fen)) => digits(whole) && digits(fen) && fen.len() <= 2,
        },
        // Decimal (rust_decimal): ^-?\d+(\.\d+)?([eE]\d+)?$
        r"^-?\d+(\.\d+)?([eE]\d+)?$" => {
            let s = s.strip_prefix('-').unwrap_or(s);
            let (mantissa, exponent) = match s.split_once(['e', 'E']) {
                Some((m, e)) => (m, Some(e)),
                None => (s, None),
            };
            let mantissa_ok = match mantissa.split_once('.') {
                None => digits(mantissa),
                Some((w, f)) => digits(w) && digits(f),
            };
            mantissa_ok && exponent.is_none_or(digits)
        }
        // Digest (chain): ^[0-9a-f]{64}$
        r"^[0-9a-f]{64}$" => {
            s.len() == 64
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }
        other => panic!("the test's validator does not know pattern `{other}` (at {path})"),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{path}: {s:?} does not match {pattern}"))
    }
}

fn schema(name: &str) -> &'static Value {
    static ALL: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        skill_grants::schema::schemas()
            .into_iter()
            .map(|(n, s)| (n, serde_json::to_value(s).unwrap()))
            .collect()
    });
    all.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("no schema {name}"))
}

fn validate(name: &str, value: &impl Serialize) -> Result<(), String> {
    let schema = schema(name);
    let value = serde_json::to_value(value).unwrap();
    Validator { root: schema }.check(schema, &value, name)
}

fn accepts(name: &str, value: &impl Serialize) {
    if let Err(e) = validate(name, value) {
        panic!("schema `{name}` refuses what the crate wrote: {e}");
    }
}

// ---------- the schemas accept what the crate writes ----------

#[test]
fn inputs_of_the_sample_round_validate() {
    accepts("policy", &Policy::ordos_2022());
    accepts(
        "policy-set",
        &PolicySet::new([Policy::ordos_2022()]).unwrap(),
    );
    accepts("holiday-calendar", &sample::calendar_2022().unwrap());
    accepts("round-setup", &sample::round_setup_2022());
    let policy = Policy::ordos_2022();
    for app in sample::applications_2022() {
        accepts("application", &app);
        accepts("decision", &eligibility::decide(&policy, &app).unwrap());
    }
    let mut round = Round::set_up(policy, sample::round_setup_2022()).unwrap();
    for rec in sample::recommendations_2022() {
        accepts("recommendation", &rec);
        accepts("submission-receipt", &round.submit(rec).unwrap());
    }
    accepts("round", &round);
}

#[test]
fn outputs_of_the_sample_round_validate() {
    let round = sample::round_2022().unwrap();
    accepts("round", &round);
    let outcome = round.outcome().unwrap();
    accepts("round-outcome", &outcome);
    let review = CityReview {
        experts: outcome.experts.clone(),
        scores: outcome
            .candidates
            .iter()
            .filter_map(|c| {
                c.score
                    .map(|s| CandidateScore::new(c.application.as_str(), s))
            })
            .collect(),
    };
    accepts("city-review", &review);
    for o in &outcome.objections {
        accepts("objection", &o.objection);
    }
}

#[test]
fn the_lifecycle_of_every_sample_project_validates() {
    let run = sample::annual_round_2022().unwrap();
    accepts("annual-run", &run);
    for p in &run.projects {
        accepts("project-start", p.project.start());
        accepts("project", &p.project);
        for e in &p.log {
            accepts("sealed-event", e);
            accepts("event", &e.event);
        }
        accepts("head", &p.project.head());
        let (fresh, _) = Project::open(p.project.start().clone(), &Policy::ordos_2022()).unwrap();
        for c in sample::commands_2022(&fresh) {
            accepts("command", &c);
        }
    }
}

#[test]
fn the_line_protocol_validates_both_ways() {
    let run = sample::annual_round_2022().unwrap();
    let mut service = Service::new(Policy::ordos_2022());
    let mut line = 0;
    let mut next = |request: Request, service: &mut Service| {
        line += 1;
        accepts("request", &request);
        let response = service.handle(line, request);
        accepts("response", &response);
        response
    };
    for p in run.projects.iter().take(3) {
        let start = p.project.start().clone();
        let project = start.project.clone();
        next(Request::open(start), &mut service);
        let (fresh, _) = Project::open(p.project.start().clone(), &Policy::ordos_2022()).unwrap();
        for command in sample::commands_2022(&fresh) {
            let request = Request::command(project.clone(), command);
            next(request, &mut service);
        }
        let state = Request::state(project, Some(sample::release_2022()));
        next(state, &mut service);
    }
    accepts(
        "response",
        &skill_grants::service::Response::malformed(99, None, "not JSON"),
    );
}

/// Issue 16: the golden transcripts of the line protocol (`tests/service/*.jsonl`, the docs'
/// examples): every request that reads validates against `request.json`, every answer against
/// `response.json`; a line the schema refuses is one the service refuses as `malformed`.
#[test]
fn the_protocol_transcripts_validate() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/service");
    let mut requests = 0;
    let mut responses = 0;
    for name in ["session", "restart", "errors"] {
        let input = std::fs::read(dir.join(format!("{name}.in.jsonl"))).unwrap();
        for line in input.split(|&b| b == b'\n') {
            let Ok(value) = serde_json::from_slice::<Value>(line) else {
                continue;
            };
            let reads = serde_json::from_value::<Request>(value.clone()).is_ok();
            if reads {
                validate_value("request", &value).unwrap_or_else(|e| panic!("{name}: {e}"));
                requests += 1;
            }
        }
        let output = std::fs::read_to_string(dir.join(format!("{name}.out.jsonl"))).unwrap();
        for line in output.lines() {
            let value: Value = serde_json::from_str(line).unwrap();
            validate_value("response", &value).unwrap_or_else(|e| panic!("{name}: {e}"));
            responses += 1;
        }
    }
    assert!(
        requests >= 30 && responses >= 45,
        "{requests} requests, {responses} responses"
    );
    // The id's bounds are in the schema too.
    let long = json!({"type": "policy", "id": "x".repeat(65)});
    assert!(validate_value("request", &long).is_err());
    assert!(validate_value("request", &json!({"type": "policy", "id": 7})).is_ok());
}

// ---------- and refuse what they should ----------

#[test]
fn the_validator_refuses_bad_values() {
    let mut event =
        serde_json::to_value(&sample::annual_round_2022().unwrap().projects[0].log[1].event)
            .unwrap();
    assert!(validate_value("event", &event).is_ok());
    // Money with three decimal places.
    event["change"]["spend"]["amount"] = json!("12.345");
    assert!(validate_value("event", &event).is_err());
    // A spending category that does not exist.
    event["change"]["spend"]["amount"] = json!("12.34");
    event["change"]["spend"]["category"] = json!("champagne");
    assert!(validate_value("event", &event).is_err());
    // A required field missing.
    let mut o = Map::new();
    o.insert("project".into(), json!("2022-TB-01"));
    assert!(validate_value("event", &Value::Object(o)).is_err());
    // A date that is not a date.
    let mut cmd = serde_json::to_value(skill_grants::lifecycle::Command::new(
        skill_grants::lifecycle::Actor::City,
        sample::release_2022(),
        skill_grants::lifecycle::Action::Revoke,
    ))
    .unwrap();
    assert!(validate_value("command", &cmd).is_ok());
    cmd["on"] = json!("2023-02-30");
    assert!(validate_value("command", &cmd).is_err());
}

fn validate_value(name: &str, value: &Value) -> Result<(), String> {
    let schema = schema(name);
    Validator { root: schema }.check(schema, value, name)
}

/// Issue 15: the policy schema says what the reader says — no field it does
/// not know (`additionalProperties: false`), every field stated, money in the
/// one grammar — for each policy document of `tests/boundary/` that the
/// reader refuses for its shape (the others fail validation, which a schema
/// does not express); the invented city's policy, stating every field, passes.
#[test]
fn the_policy_schema_refuses_the_documents_the_reader_refuses() {
    let example: Value =
        serde_json::from_str(include_str!("../examples/data/example-city-2024.json")).unwrap();
    validate_value("policy", &example).unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/boundary");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("policy-") {
            continue;
        }
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let shape = ["unknown field", "missing field", "amount", "invalid type"];
        let by_shape = case["expect"]["error"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| shape.iter().any(|s| e.as_str().unwrap().contains(s)));
        if by_shape {
            assert!(
                validate_value("policy", &case["policy"]).is_err(),
                "{name}: the schema accepts it"
            );
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked} documents checked");
}
