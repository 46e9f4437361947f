//! The serialized, unvalidated form of a policy ([`PolicyData`]), as a host
//! stores, builds or adjusts it; [`Policy::try_from`] validates it.
//!
//! Design note: [`PolicyData`] uses wide raw types (signed integers, bare
//! decimals) so that a negative total or a zero amount reaches validation and
//! is reported with the field's name, rather than failing inside serde with a
//! message that names no field.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::conditions::UnitCondition;
use super::{AnnualPlaces, ConstructionBar, Document, KindTerms, Policy};
use crate::domain::{Fund, ProjectKind};

/// The raw form of [`KindTerms`] in [`PolicyData`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KindTermsData {
    /// The subsidy per project, in yuan.
    pub subsidy: Decimal,
    /// The programme total.
    pub programme_total: i64,
    /// The construction period in months.
    pub construction_months: i64,
}

/// The serialized, unvalidated form of a [`Policy`]. Every field is public so a
/// host can build or adjust one; [`Policy::try_from`] validates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyData {
    /// The policy's id, e.g. `"ordos-2022-100"`.
    pub id: String,
    /// Its revision; decisions record id and revision.
    pub revision: u32,
    /// The document it executes (R17).
    pub document: Document,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force, if it ends.
    #[serde(default)]
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
    /// may also set its places itself.
    #[serde(default)]
    pub annual_places: Vec<AnnualPlaces>,
    /// How long an earlier project bars its unit (R6, *parameter*).
    #[serde(default)]
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
    /// Host-supplied unit conditions (R16); none by default.
    #[serde(default)]
    pub unit_conditions: Vec<UnitCondition>,
}

impl From<Policy> for PolicyData {
    fn from(p: Policy) -> Self {
        let terms = |t: KindTerms| KindTermsData {
            subsidy: t.subsidy.as_decimal(),
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
