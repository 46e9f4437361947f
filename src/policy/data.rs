//! The serialized, unvalidated form of a policy ([`PolicyData`]), as a host
//! stores, builds or adjusts it; [`Policy::try_from`] validates it.
//!
//! Design notes:
//!
//! - Counts are wide raw types (signed integers) so that a negative total
//!   reaches validation and is reported with the field's name and clause,
//!   rather than failing inside serde with a message that names no field.
//! - Amounts are [`Yuan`]: money has one grammar in the crate (digits, an
//!   optional point and one or two places; no sign, spaces, separators or
//!   exponent), in a policy as in an application. A negative or malformed
//!   amount is refused while reading; a zero amount reaches validation.
//! - Strict input (issue 15): every type of the data form refuses a field it
//!   does not know (`deny_unknown_fields`: a misspelt `constrution_bar` is an
//!   error, not a silent default), and **every field is required**, including
//!   the *parameter* readings (`construction_bar`, `kind_funding_order`,
//!   `notice_working_days`, `move_up_on_objection`, `annual_places`,
//!   `unit_conditions`) and the optional values (`effective_until`, a
//!   condition's `applies_to`), which state `null` when absent: a loaded
//!   policy states every reading it applies, and nothing is filled in for it.
//!   (An empty list is written `[]`.) The Ordos values are
//!   [`Policy::ordos_2022`]; a host adjusts them through
//!   [`Policy::to_data`], which writes every field.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::conditions::UnitCondition;
use super::{AnnualPlaces, ConstructionBar, Document, KindTerms, Policy};
use crate::domain::{Fund, ProjectKind};
use crate::money::Yuan;

/// The schema of a stated `Option` (see [`stated`]): the value or `null`,
/// and required (schemars drops `null` from a field marked required).
#[cfg(feature = "schema")]
pub(super) struct Stated<T>(std::marker::PhantomData<T>);

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Stated<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Stated_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<T>>::json_schema(generator)
    }
}

/// Reads an `Option` that the document must state (`null` for none): serde
/// would otherwise read a missing `Option` field as `None` in silence.
pub(super) fn stated<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// The raw form of [`KindTerms`] in [`PolicyData`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindTermsData {
    /// The subsidy per project, in yuan (the crate's one grammar for money,
    /// e.g. `"200000.00"`); zero is refused by validation.
    pub subsidy: Yuan,
    /// The programme total.
    pub programme_total: i64,
    /// The construction period in months.
    pub construction_months: i64,
}

/// The serialized, unvalidated form of a [`Policy`]. Every field is public so a
/// host can build or adjust one; [`Policy::try_from`] validates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyData {
    /// The policy's id, e.g. `"ordos-2022-100"`.
    pub id: String,
    /// Its revision; decisions record id and revision.
    pub revision: u32,
    /// The document it executes (R17).
    pub document: Document,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force; `null` (stated, never left out) for a policy
    /// without an end.
    #[serde(deserialize_with = "stated")]
    #[cfg_attr(feature = "schema", schemars(with = "Stated<NaiveDate>"))]
    pub effective_until: Option<NaiveDate>,
    /// First year of the programme (2022).
    pub programme_first_year: i32,
    /// Last year of the programme (2025).
    pub programme_last_year: i32,
    /// Terms for training bases.
    pub training_base: KindTermsData,
    /// Terms for studios.
    pub studio: KindTermsData,
    /// The funds in their order of draw (2.2, R4).
    pub funding_order: Vec<Fund>,
    /// The order in which kinds are paid within a round (R4, *parameter*).
    pub kind_funding_order: Vec<ProjectKind>,
    /// Places per year, where the policy fixes them (R3, *parameter*); a round
    /// may also set its places itself. `[]` when the policy fixes none.
    pub annual_places: Vec<AnnualPlaces>,
    /// How long an earlier project bars its unit (R6, *parameter*).
    pub construction_bar: ConstructionBar,
    /// Months after acceptance before a unit may apply again (3.4, R7).
    pub reapply_after_months: i64,
    /// The fewest specialties a base declares (6.1, R11).
    pub specialties_min: i64,
    /// The most specialties a base declares (6.1, R11).
    pub specialties_max: i64,
    /// Length of the public notice in working days (R9, *parameter*).
    pub notice_working_days: i64,
    /// Whether the next in rank moves up after an upheld objection (R9, *parameter*).
    pub move_up_on_objection: bool,
    /// Host-supplied unit conditions (R16, *parameter*); `[]` for none.
    pub unit_conditions: Vec<UnitCondition>,
}

impl From<Policy> for PolicyData {
    fn from(p: Policy) -> Self {
        let terms = |t: KindTerms| KindTermsData {
            subsidy: t.subsidy,
            programme_total: i64::from(t.programme_total),
            construction_months: i64::from(t.construction_months),
        };
        PolicyData {
            id: String::from(p.id),
            revision: p.revision,
            document: p.document,
            effective_from: p.effective_from,
            effective_until: p.effective_until,
            programme_first_year: p.programme_years.0,
            programme_last_year: p.programme_years.1,
            training_base: terms(p.training_base),
            studio: terms(p.studio),
            funding_order: p.funding_order,
            kind_funding_order: p.kind_order.to_vec(),
            annual_places: p.annual_places,
            construction_bar: p.construction_bar,
            reapply_after_months: i64::from(p.reapply_after_months),
            specialties_min: i64::from(p.specialties.0),
            specialties_max: i64::from(p.specialties.1),
            notice_working_days: i64::from(p.notice_working_days),
            move_up_on_objection: p.move_up_on_objection,
            unit_conditions: p.unit_conditions,
        }
    }
}
