//! JSON Schema for integrators (cargo feature `schema`, via schemars).
//!
//! Every serialized input and output type implements
//! [`schemars::JsonSchema`]; money ([`crate::Yuan`]) is described as a decimal
//! string with at most two places, clause ids as the strings of the registry.
//!
//! ```
//! let schema = schemars::schema_for!(skill_grants::Policy);
//! let text = serde_json::to_string(&schema).unwrap();
//! assert!(text.contains("notice_working_days"));
//! ```

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::{ClauseId, HolidayCalendar, Policy, PolicySet, Yuan};

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
        crate::PolicyData::json_schema(generator)
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
