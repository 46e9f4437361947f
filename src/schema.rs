//! JSON Schema for integrators (cargo feature `schema`, via schemars).
//!
//! Every serialized input and output type implements
//! [`schemars::JsonSchema`]; money ([`crate::money::Yuan`]) is described as a decimal
//! string with at most two places, clause ids as the strings of the registry.
//!
//! ```
//! let schema = schemars::schema_for!(skill_grants::Policy);
//! let text = serde_json::to_string(&schema).unwrap();
//! assert!(text.contains("notice_working_days"));
//! ```

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::clause::ClauseId;

use crate::date::HolidayCalendar;

use crate::money::Yuan;

use crate::policy::{Policy, PolicySet};

impl JsonSchema for Yuan {
    fn schema_name() -> Cow<'static, str> {
        "Yuan".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,2})?$",
            "description": "An amount in yuan, exact to the fen: a decimal string with at most two places, never negative (\"200000.00\").",
        })
    }
}

impl JsonSchema for ClauseId {
    fn schema_name() -> Cow<'static, str> {
        "ClauseId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = ClauseId::ALL.iter().map(|c| c.as_str()).collect();
        json_schema!({
            "type": "string",
            "enum": ids,
            "description": "A clause of 鄂人社发〔2022〕100号 by the crate's id.",
        })
    }
}

impl JsonSchema for Policy {
    fn schema_name() -> Cow<'static, str> {
        "Policy".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        crate::policy::PolicyData::json_schema(generator)
    }
}

impl JsonSchema for PolicySet {
    fn schema_name() -> Cow<'static, str> {
        "PolicySet".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Vec<Policy>>::json_schema(generator)
    }
}

impl JsonSchema for HolidayCalendar {
    fn schema_name() -> Cow<'static, str> {
        "HolidayCalendar".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        crate::date::calendar_schema(generator)
    }
}

/// The JSON Schema of every serialized input and output type, by the file
/// name it is committed under in `schema/` (without `.json`), in a fixed order.
///
/// | name | type | direction |
/// |---|---|---|
/// | `policy` | [`Policy`] | input (validated on load) |
/// | `policy-set` | [`PolicySet`] | input |
/// | `holiday-calendar` | [`HolidayCalendar`] | input |
/// | `application` | [`crate::application::Application`] | input |
/// | `decision` | [`crate::eligibility::Decision`] | output |
/// | `round-setup` | [`crate::round::RoundSetup`] | input |
/// | `recommendation` | [`crate::round::Recommendation`] | input |
/// | `submission-receipt` | [`crate::round::SubmissionReceipt`] | output |
/// | `city-review` | [`crate::round::CityReview`] | input |
/// | `objection` | [`crate::round::Objection`] | input |
/// | `round` | [`crate::round::Round`] | stored state |
/// | `round-outcome` | [`crate::round::RoundOutcome`] | output |
/// | `project-start` | [`crate::lifecycle::ProjectStart`] | input (from the round) |
/// | `command` | [`crate::lifecycle::Command`] | input |
/// | `event` | [`crate::lifecycle::Event`] | the payload of a sealed event |
/// | `sealed-event` | [`crate::chain::Sealed`]`<Event>` | output, stored (the project's log) |
/// | `head` | [`crate::chain::Head`] | output, kept by the host apart from the log |
/// | `project` | [`crate::lifecycle::Project`] | output only (restored by replay, never loaded) |
/// | `request` | [`crate::service::Request`] | input line |
/// | `response` | [`crate::service::Response`] | output line |
/// | `annual-run` | [`crate::sample::AnnualRun`] | output of `annual_round --json` |
///
/// ```
/// let all = skill_grants::schema::schemas();
/// assert!(all.iter().any(|(name, _)| *name == "event"));
/// ```
pub fn schemas() -> Vec<(&'static str, Schema)> {
    use schemars::schema_for;
    vec![
        ("policy", schema_for!(Policy)),
        ("policy-set", schema_for!(PolicySet)),
        ("holiday-calendar", schema_for!(HolidayCalendar)),
        ("application", schema_for!(crate::application::Application)),
        ("decision", schema_for!(crate::eligibility::Decision)),
        ("round-setup", schema_for!(crate::round::RoundSetup)),
        ("recommendation", schema_for!(crate::round::Recommendation)),
        (
            "submission-receipt",
            schema_for!(crate::round::SubmissionReceipt),
        ),
        ("city-review", schema_for!(crate::round::CityReview)),
        ("objection", schema_for!(crate::round::Objection)),
        ("round", schema_for!(crate::round::Round)),
        ("round-outcome", schema_for!(crate::round::RoundOutcome)),
        ("project-start", schema_for!(crate::lifecycle::ProjectStart)),
        ("command", schema_for!(crate::lifecycle::Command)),
        ("event", schema_for!(crate::lifecycle::Event)),
        (
            "sealed-event",
            schema_for!(crate::chain::Sealed<crate::lifecycle::Event>),
        ),
        ("head", schema_for!(crate::chain::Head)),
        ("project", schema_for!(crate::lifecycle::Project)),
        ("request", schema_for!(crate::service::Request)),
        ("response", schema_for!(crate::service::Response)),
        ("annual-run", schema_for!(crate::sample::AnnualRun)),
    ]
}
