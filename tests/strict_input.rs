//! Issue 15, strict input: every input type refuses fields it does not know,
//! naming them, instead of dropping them in silence (each case here was
//! accepted before).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::application::Application;

/// Issue 15: an application, unit, lead, title, earlier project or holiday
/// calendar with a field the crate does not know is refused when read, naming
/// the field (it used to be dropped in silence).
#[test]
fn unknown_fields_are_refused_when_read() {
    let app = skill_grants::sample::applications_2022()[0].clone();
    let good = serde_json::to_value(&app).unwrap();
    assert!(serde_json::from_value::<Application>(good.clone()).is_ok());

    let mut misspelt = good.clone();
    misspelt["unit"]["nmae"] = serde_json::json!("达拉特旗某职业技术学校");
    let err = serde_json::from_value::<Application>(misspelt).unwrap_err();
    assert!(err.to_string().contains("unknown field `nmae`"), "{err}");

    let mut extra = good;
    extra["currency"] = serde_json::json!("USD");
    let err = serde_json::from_value::<Application>(extra).unwrap_err();
    assert!(
        err.to_string().contains("unknown field `currency`"),
        "{err}"
    );

    let err = serde_json::from_str::<skill_grants::HolidayCalendar>(
        r#"{"holidays": [], "worked_days": [], "weekend": "sat"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown field"), "{err}");
}

/// Issue 15: a `state` request with a misspelt `on` was answered with the
/// present state; it is refused when read.
#[test]
fn a_service_request_with_an_unknown_field_is_refused() {
    use skill_grants::service::Request;
    let ok: Request =
        serde_json::from_str(r#"{"type":"state","project":"2022-B-01","on":"2023-01-01"}"#)
            .unwrap();
    assert!(matches!(ok, Request::State { on: Some(_), .. }));
    let err = serde_json::from_str::<Request>(
        r#"{"type":"state","project":"2022-B-01","onn":"2023-01-01"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown field `onn`"), "{err}");
}

/// Issue 15: every policy document in `tests/boundary/policy-*.json` is
/// refused when read, and the error says what and where: the path of the
/// field at fault (as `serde_path_to_error` reports it, where the file names
/// one) and each expected text, in order. Each file is one policy document
/// (`policy`), a sentence (`name`), a note saying whether it loaded before,
/// and `expect`: `{"path"?: "studio.subsidy", "error": [texts, in order]}`.
#[test]
fn policy_documents_at_the_boundary_are_refused_saying_what_and_where() {
    use serde_json::Value;
    use skill_grants::Policy;

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/boundary");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("policy-") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{} policy files", files.len());
    for file in files {
        let name = file.display();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let text = serde_json::to_string_pretty(&case["policy"]).unwrap();
        let mut reader = serde_json::Deserializer::from_str(&text);
        let err = match serde_path_to_error::deserialize::<_, Policy>(&mut reader) {
            Ok(_) => panic!("{name}: loaded"),
            Err(err) => err,
        };
        if let Some(path) = case["expect"]["path"].as_str() {
            assert_eq!(err.path().to_string(), path, "{name}");
        }
        let message = err.inner().to_string();
        let mut rest = message.as_str();
        for want in case["expect"]["error"].as_array().unwrap() {
            let want = want.as_str().unwrap();
            let at = rest
                .find(want)
                .unwrap_or_else(|| panic!("{name}: `{want}` not found (in order) in: {message}"));
            rest = &rest[at + want.len()..];
        }
    }

    // The invented city's policy, which states every field, loads.
    let example = include_str!("../examples/data/example-city-2024.json");
    serde_json::from_str::<Policy>(example).unwrap();
}

/// Issue 15: no field of a policy document may be left out or misspelt. For
/// every key at every depth of a full policy (with host conditions and a
/// year's places), the document without it, and with it misspelt, is refused
/// naming it; the document itself round-trips.
#[test]
fn every_key_of_a_policy_document_is_required_and_checked() {
    use serde_json::Value;
    use skill_grants::{AnnualPlaces, Policy, UnitCondition};

    let mut data = Policy::ordos_2022().to_data();
    data.unit_conditions = UnitCondition::examples();
    data.unit_conditions[0].applies_to = None;
    data.annual_places = vec![AnnualPlaces {
        year: 2023,
        training_bases: 5,
        studios: 10,
    }];
    let policy = Policy::try_from(data).unwrap();
    let full = serde_json::to_value(&policy).unwrap();
    assert_eq!(
        serde_json::from_value::<Policy>(full.clone()).unwrap(),
        policy
    );

    /// Every object's keys, as JSON pointers.
    fn keys(v: &Value, at: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(o) => {
                for (k, child) in o {
                    out.push((at.clone(), k.clone()));
                    keys(child, format!("{at}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    keys(child, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&full, String::new(), &mut all);
    assert!(all.len() > 40, "{} keys", all.len());
    for (parent, key) in all {
        let mut without = full.clone();
        let object = without
            .pointer_mut(&parent)
            .unwrap()
            .as_object_mut()
            .unwrap();
        let value = object.remove(&key).unwrap();
        let err = serde_json::from_value::<Policy>(without.clone())
            .expect_err(&format!("{parent}/{key} left out"));
        assert!(err.to_string().contains(&format!("`{key}`")), "{err}");

        let misspelt = format!("{key}_");
        let object = without
            .pointer_mut(&parent)
            .unwrap()
            .as_object_mut()
            .unwrap();
        object.insert(misspelt.clone(), value);
        let err = serde_json::from_value::<Policy>(without)
            .expect_err(&format!("{parent}/{key} misspelt"));
        assert!(
            err.to_string().contains(&format!("`{misspelt}`"))
                || err.to_string().contains(&format!("`{key}`")),
            "{err}"
        );
    }
}
