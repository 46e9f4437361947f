//! Issue 15, strict input: every input type refuses fields it does not know,
//! naming them, instead of dropping them in silence (each case here was
//! accepted before).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::model::Application;

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
