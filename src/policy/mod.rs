//! The policy as data: every number and choice the rules read.
//!
//! A [`Policy`] is built only by validation ([`Policy::try_from`] a
//! [`PolicyData`], or deserialization, which validates), so a bad policy never
//! reaches the rules. [`Policy::ordos_2022`] returns the values of
//! 鄂人社发〔2022〕100号, each tied to its clause ([`Policy::sources`]).
//!
//! ```
//! use skill_grants::{Policy, ProjectKind, Yuan};
//!
//! let policy = Policy::ordos_2022();
//! assert_eq!(policy.subsidy(ProjectKind::TrainingBase), Yuan::from_yuan(200_000));
//! assert_eq!(policy.programme_total(ProjectKind::Studio), 40);
//! assert_eq!(policy.construction_months(ProjectKind::TrainingBase), 24);
//!
//! // A host changes a *parameter* reading through the data form.
//! let mut data = policy.to_data();
//! data.notice_working_days = 7;
//! data.revision = 2;
//! let revised = Policy::try_from(data)?;
//! assert_eq!(revised.notice_working_days(), 7);
//! # Ok::<(), skill_grants::PolicyError>(())
//! ```
//!
//! # Reading a policy document (strict input)
//!
//! A policy read from JSON (or any serde format) states every field: a field
//! the crate does not know is refused (a misspelt `constrution_bar` is an
//! error, not the default reading of R6), and so is a field left out — every
//! *parameter* reading, the lists (`[]` for none) and the optional values
//! (`null` for none: `effective_until`, a condition's `applies_to`). Amounts
//! are [`Yuan`], in the crate's one grammar for money. The committed JSON
//! Schema (`schema/policy.json`) says the same (`additionalProperties:
//! false`, every field `required`).
//!
//! Validation then reports every problem, in the order of [`PolicyData`]'s
//! fields ([`PolicyError::Many`] when there are several), each naming its
//! field path and, for a value of the notice, its clause and reading. A
//! malformed document fails inside serde, before validation; to have its
//! error name the field path (`studio.subsidy: ...`), read it through the
//! `serde_path_to_error` crate, as `examples/custom_policy.rs` does (the
//! crate itself parses no JSON and does not depend on it).
//!
//! ```
//! use skill_grants::{Policy, PolicyError};
//!
//! let mut doc = serde_json::to_value(Policy::ordos_2022()).unwrap();
//! doc["constrution_bar"] = "until_accepted".into();
//! let err = serde_json::from_value::<Policy>(doc).unwrap_err();
//! assert!(err.to_string().contains("unknown field `constrution_bar`"));
//!
//! let mut doc = serde_json::to_value(Policy::ordos_2022()).unwrap();
//! doc.as_object_mut().unwrap().remove("notice_working_days");
//! let err = serde_json::from_value::<Policy>(doc).unwrap_err();
//! assert!(err.to_string().contains("missing field `notice_working_days`"));
//! ```
//!
//! The module by concern:
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | [`Policy`] and its terms ([`Document`], [`KindTerms`], [`ConstructionBar`], [`AnnualPlaces`]) |
//! | [`parameters`] | the table: each value of the notice beside its clause and reading |
//! | `data.rs` | [`PolicyData`], the serialized, unvalidated form |
//! | `validate.rs` | [`Policy::try_from`]: validation, naming each field as the table does |
//! | `error.rs` | [`PolicyError`] |
//! | `conditions.rs` | host conditions (R16): [`UnitCondition`], [`ConditionTest`] |
//! | `set.rs` | [`PolicySet`] |
//! | `id.rs` | [`PolicyId`], [`PolicyRef`] |

mod conditions;
mod data;
mod error;
mod id;
pub mod parameters;
mod set;
mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::{self, DateError};
use crate::domain::{Fund, ProjectKind};
use crate::money::Yuan;

pub use conditions::{ConditionTest, UnitCondition};
pub use data::{KindTermsData, PolicyData};
pub use error::PolicyError;
pub use id::{PolicyId, PolicyRef};
pub use parameters::ParameterSource;
use parameters::{KindParameters, ORDOS_2022};
pub use set::PolicySet;

/// The first year a policy's dates (date of issue, effective period) and
/// programme years may lie in.
pub const EARLIEST_YEAR: i32 = 2000;

/// The last year a policy's dates and programme years may lie in.
///
/// The programme runs 2022–2025; a year outside
/// [`EARLIEST_YEAR`]`..=`[`LATEST_YEAR`] in a policy is a slip (`20222` for
/// `2022`), not a policy, and validation refuses it
/// ([`PolicyError::OutOfRange`]). The bound also keeps every deadline
/// computable: a release in force (at the latest 2100-12-31) plus the longest
/// construction period a policy may set (1,200 months) stays far inside the
/// dates chrono represents.
///
/// ```
/// use skill_grants::policy::{EARLIEST_YEAR, LATEST_YEAR};
/// use skill_grants::{NaiveDate, Policy, PolicyError};
/// assert_eq!((EARLIEST_YEAR, LATEST_YEAR), (2000, 2100));
/// let mut data = Policy::ordos_2022().to_data();
/// data.effective_until = NaiveDate::from_ymd_opt(20251, 12, 31);
/// let err = Policy::try_from(data).unwrap_err();
/// assert!(matches!(err, PolicyError::OutOfRange { .. }), "{err}");
/// assert_eq!(err.field(), "effective_until");
/// ```
pub const LATEST_YEAR: i32 = 2100;

/// The document a policy executes (R17): a number alone is ambiguous, so the
/// issuing authorities and the date of issue are recorded with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document number, e.g. `鄂人社发〔2022〕100号`.
    pub number: String,
    /// The issuing authorities, in the document's order.
    pub issuers: Vec<String>,
    /// The date of issue.
    pub issued_on: NaiveDate,
}

/// The terms of one kind of project: subsidy, programme total, construction period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindTerms {
    /// The fixed subsidy per project (2.2, R4).
    pub subsidy: Yuan,
    /// How many projects of this kind the programme funds in all (1.2.1, 1.2.2, R3).
    pub programme_total: u32,
    /// The construction period in months from release (6.1, 6.2, R10).
    pub construction_months: u32,
}

/// R6: how long an earlier funded project bars its unit (3.3). *Parameter.*
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConstructionBar {
    /// From release through the completion deadline, or until the project is
    /// closed if that comes first (the crate's reading).
    #[default]
    UntilDeadlineOrClosed,
    /// The stricter reading: the bar lasts until the project is accepted.
    UntilAccepted,
}

/// The places a year's round may fill per kind (R3, set by the city).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnnualPlaces {
    /// The round's year.
    pub year: i32,
    /// Places for training bases.
    pub training_bases: u32,
    /// Places for studios.
    pub studios: u32,
}

impl AnnualPlaces {
    /// The places for one kind.
    ///
    /// ```
    /// use skill_grants::{AnnualPlaces, ProjectKind};
    /// let p = AnnualPlaces { year: 2022, training_bases: 5, studios: 10 };
    /// assert_eq!(p.of(ProjectKind::Studio), 10);
    /// ```
    pub const fn of(&self, kind: ProjectKind) -> u32 {
        match kind {
            ProjectKind::TrainingBase => self.training_bases,
            ProjectKind::Studio => self.studios,
        }
    }
}

/// A validated policy: every number and choice the rules read.
///
/// Build one with [`Policy::ordos_2022`], from [`PolicyData`] with
/// [`Policy::try_from`], or by deserializing (which validates).
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::Policy;
/// let p = Policy::ordos_2022();
/// assert_eq!(p.document().number, "鄂人社发〔2022〕100号");
/// assert!(p.is_in_force(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()));
/// let json = serde_json::to_string(&p).unwrap();
/// let back: Policy = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, p);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PolicyData", into = "PolicyData")]
pub struct Policy {
    id: PolicyId,
    revision: u32,
    document: Document,
    effective_from: NaiveDate,
    effective_until: Option<NaiveDate>,
    programme_years: (i32, i32),
    training_base: KindTerms,
    studio: KindTerms,
    funding_order: Vec<Fund>,
    kind_order: [ProjectKind; 2],
    annual_places: Vec<AnnualPlaces>,
    construction_bar: ConstructionBar,
    reapply_after_months: u32,
    specialties: (u32, u32),
    notice_working_days: u32,
    move_up_on_objection: bool,
    unit_conditions: Vec<UnitCondition>,
}

impl Policy {
    /// The values of 鄂人社发〔2022〕100号 (issued 2022-06-06), in force from the
    /// date of issue through the end of 2025, read from the parameters table
    /// ([`parameters::ORDOS_2022`]), where each stands beside its clause and
    /// reading ([`Policy::sources`]).
    ///
    /// ```
    /// use skill_grants::{Fund, Policy};
    /// let p = Policy::ordos_2022();
    /// assert_eq!(p.funding_order(), &[Fund::EmploymentSubsidy, Fund::TalentSpecial]);
    /// assert_eq!(p.notice_working_days(), 5);
    /// ```
    pub fn ordos_2022() -> Policy {
        let t = &ORDOS_2022;
        let terms = |k: &KindParameters| KindTerms {
            subsidy: Yuan::from_yuan(k.subsidy.value),
            programme_total: k.programme_total.value,
            construction_months: k.construction_months.value,
        };
        let issued = t.issued_on.value;
        Policy {
            id: PolicyId::from("ordos-2022-100"),
            revision: 1,
            document: Document {
                number: t.document.value.number.to_owned(),
                issuers: t
                    .document
                    .value
                    .issuers
                    .iter()
                    .map(|&s| s.to_owned())
                    .collect(),
                issued_on: issued,
            },
            // In force from the date of issue through the programme's last year.
            effective_from: issued,
            effective_until: NaiveDate::from_ymd_opt(t.programme_last_year.value, 12, 31),
            programme_years: (t.programme_first_year.value, t.programme_last_year.value),
            training_base: terms(&t.training_base),
            studio: terms(&t.studio),
            funding_order: t.funding_order.value.to_vec(),
            kind_order: t.kind_funding_order.value,
            annual_places: t.annual_places.value.to_vec(),
            construction_bar: t.construction_bar.value,
            reapply_after_months: t.reapply_after_months.value,
            specialties: (t.specialties_min.value, t.specialties_max.value),
            notice_working_days: t.notice_working_days.value,
            move_up_on_objection: t.move_up_on_objection.value,
            unit_conditions: t.unit_conditions.value.to_vec(),
        }
    }

    /// The policy's id and revision, as recorded on decisions.
    ///
    /// ```
    /// assert_eq!(skill_grants::Policy::ordos_2022().reference().revision, 1);
    /// ```
    pub fn reference(&self) -> PolicyRef {
        PolicyRef {
            id: self.id.clone(),
            revision: self.revision,
        }
    }

    /// The policy's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The policy's revision.
    pub fn revision(&self) -> u32 {
        self.revision
    }

    /// The document it executes (R17).
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// First day in force.
    pub fn effective_from(&self) -> NaiveDate {
        self.effective_from
    }

    /// Last day in force, if any.
    pub fn effective_until(&self) -> Option<NaiveDate> {
        self.effective_until
    }

    /// True when the policy is in force on `date`.
    pub fn is_in_force(&self, date: NaiveDate) -> bool {
        date >= self.effective_from && self.effective_until.is_none_or(|end| date <= end)
    }

    /// The programme's first and last year (2022, 2025).
    ///
    /// ```
    /// assert_eq!(skill_grants::Policy::ordos_2022().programme_years(), (2022, 2025));
    /// ```
    pub fn programme_years(&self) -> (i32, i32) {
        self.programme_years
    }

    /// The terms of a kind.
    pub fn terms(&self, kind: ProjectKind) -> &KindTerms {
        match kind {
            ProjectKind::TrainingBase => &self.training_base,
            ProjectKind::Studio => &self.studio,
        }
    }

    /// The fixed subsidy per project of a kind (2.2).
    pub fn subsidy(&self, kind: ProjectKind) -> Yuan {
        self.terms(kind).subsidy
    }

    /// The programme total of a kind (R3).
    pub fn programme_total(&self, kind: ProjectKind) -> u32 {
        self.terms(kind).programme_total
    }

    /// The construction period of a kind, in months (R10).
    pub fn construction_months(&self, kind: ProjectKind) -> u32 {
        self.terms(kind).construction_months
    }

    /// R10: the completion deadline of a project of `kind` released on
    /// `released_on`: the release date plus the kind's construction months
    /// ([`crate::date::add_months`]).
    ///
    /// # Law
    ///
    /// 6.1 (a base finishes within 2 years of release) and 6.2 (a studio
    /// within 1 year); reading R10: calendar months, a missing day falling to
    /// the month's last day; spending on the deadline day is allowed.
    ///
    /// # Errors
    ///
    /// [`DateError::OutOfRange`] when the deadline lies outside the dates
    /// chrono represents.
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::{Policy, ProjectKind};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let p = Policy::ordos_2022();
    /// assert_eq!(p.completion_deadline(ProjectKind::Studio, d(2024, 2, 29))?, d(2025, 2, 28));
    /// # Ok::<(), skill_grants::DateError>(())
    /// ```
    pub fn completion_deadline(
        &self,
        kind: ProjectKind,
        released_on: NaiveDate,
    ) -> Result<NaiveDate, DateError> {
        date::add_months(released_on, self.construction_months(kind))
    }

    /// The funds in their order of draw (2.2, R4).
    pub fn funding_order(&self) -> &[Fund] {
        &self.funding_order
    }

    /// The order in which kinds are paid within a round (R4, *parameter*).
    pub fn kind_funding_order(&self) -> [ProjectKind; 2] {
        self.kind_order
    }

    /// The places a year's round may fill, if the policy fixes them (R3).
    ///
    /// ```
    /// assert_eq!(skill_grants::Policy::ordos_2022().annual_places(2022), None);
    /// ```
    pub fn annual_places(&self, year: i32) -> Option<AnnualPlaces> {
        self.annual_places.iter().find(|p| p.year == year).copied()
    }

    /// R6: how long an earlier project bars its unit.
    pub fn construction_bar(&self) -> ConstructionBar {
        self.construction_bar
    }

    /// 3.4, R7: months after acceptance before the unit may apply again (24).
    pub fn reapply_after_months(&self) -> u32 {
        self.reapply_after_months
    }

    /// 6.1, R11: the fewest and most specialties a base declares (1, 2).
    pub fn specialties_range(&self) -> (u32, u32) {
        self.specialties
    }

    /// R9: the length of the public notice in working days.
    pub fn notice_working_days(&self) -> u32 {
        self.notice_working_days
    }

    /// R9: whether the next in rank moves up after an upheld objection.
    pub fn move_up_on_objection(&self) -> bool {
        self.move_up_on_objection
    }

    /// R16: the host-supplied unit conditions.
    pub fn unit_conditions(&self) -> &[UnitCondition] {
        &self.unit_conditions
    }

    /// The policy in its data form, to store or to adjust and validate again.
    pub fn to_data(&self) -> PolicyData {
        PolicyData::from(self.clone())
    }
}
