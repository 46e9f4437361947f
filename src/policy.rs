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
//! Design note: [`PolicyData`] uses wide raw types (signed integers, bare
//! decimals) so that a negative total or a zero amount reaches validation and
//! is reported with the field's name, rather than failing inside serde with a
//! message that names no field.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::{self, DateError};
use crate::model::SkillLevel;
use crate::{ClauseId, Fund, Lang, ProjectKind, Yuan};

/// An error in a policy: the field it names and what is wrong with it.
///
/// ```
/// use skill_grants::{Policy, PolicyError};
/// let mut data = Policy::ordos_2022().to_data();
/// data.studio.construction_months = 0;
/// let err = Policy::try_from(data).unwrap_err();
/// assert_eq!(err, PolicyError::ZeroMonths { field: "studio.construction_months".into() });
/// assert_eq!(err.field(), "studio.construction_months");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// A required text is empty.
    #[error("policy field `{field}` is empty")]
    Empty {
        /// The field.
        field: String,
    },
    /// An amount is zero or negative.
    #[error("policy field `{field}`: amount {value} must be greater than zero")]
    NotPositive {
        /// The field.
        field: String,
        /// The amount given.
        value: Decimal,
    },
    /// An amount has more than two decimal places.
    #[error("policy field `{field}`: amount {value} has more than two decimal places")]
    TooManyPlaces {
        /// The field.
        field: String,
        /// The amount given.
        value: Decimal,
    },
    /// A period in months is zero.
    #[error("policy field `{field}`: a period of zero months")]
    ZeroMonths {
        /// The field.
        field: String,
    },
    /// A count that must be at least one is zero.
    #[error("policy field `{field}` must be at least 1")]
    Zero {
        /// The field.
        field: String,
    },
    /// A count is negative.
    #[error("policy field `{field}`: {value} is negative")]
    Negative {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
    },
    /// A count is larger than the crate accepts.
    #[error("policy field `{field}`: {value} is larger than {max}")]
    TooLarge {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
        /// The largest value accepted.
        max: i64,
    },
    /// A fund is listed twice in the order of draw.
    #[error("policy field `{field}`: fund `{fund:?}` is listed twice")]
    DuplicateFund {
        /// The field.
        field: String,
        /// The fund.
        fund: Fund,
    },
    /// A fund is missing from the order of draw.
    #[error("policy field `{field}`: fund `{fund:?}` is missing")]
    MissingFund {
        /// The field.
        field: String,
        /// The fund.
        fund: Fund,
    },
    /// A kind is listed twice or missing in the order of kinds (R4).
    #[error("policy field `{field}`: must list each of training_base and studio exactly once")]
    KindOrder {
        /// The field.
        field: String,
    },
    /// A period ends before it starts.
    #[error("policy field `{field}`: ends on {end}, before it starts on {start}")]
    EndsBeforeStart {
        /// The field.
        field: String,
        /// The start.
        start: String,
        /// The end.
        end: String,
    },
    /// The allowed number of specialties is empty or starts at zero (R11).
    #[error("policy field `{field}`: {min}..={max} is not a range of at least one specialty")]
    SpecialtyRange {
        /// The field.
        field: String,
        /// The minimum given.
        min: i64,
        /// The maximum given.
        max: i64,
    },
    /// A year's places are given twice, or lie outside the programme (R3).
    #[error("policy field `{field}`: year {year} is outside the programme or listed twice")]
    BadYear {
        /// The field.
        field: String,
        /// The year.
        year: i32,
    },
    /// Two host conditions share an id (R16).
    #[error("policy field `{field}`: condition id `{id}` is used twice")]
    DuplicateCondition {
        /// The field.
        field: String,
        /// The id.
        id: String,
    },
    /// Two policies of a set are in force on the same day.
    #[error("policies `{first}` and `{second}` are both in force on {day}")]
    Overlap {
        /// The earlier policy (id and revision).
        first: String,
        /// The later policy (id and revision).
        second: String,
        /// The first day both are in force.
        day: NaiveDate,
    },
}

impl PolicyError {
    /// The field the error names (`"effective"` for an overlap in a set).
    ///
    /// ```
    /// use skill_grants::PolicyError;
    /// assert_eq!(PolicyError::Empty { field: "id".into() }.field(), "id");
    /// ```
    pub fn field(&self) -> &str {
        match self {
            PolicyError::Empty { field }
            | PolicyError::NotPositive { field, .. }
            | PolicyError::TooManyPlaces { field, .. }
            | PolicyError::ZeroMonths { field }
            | PolicyError::Zero { field }
            | PolicyError::Negative { field, .. }
            | PolicyError::TooLarge { field, .. }
            | PolicyError::DuplicateFund { field, .. }
            | PolicyError::MissingFund { field, .. }
            | PolicyError::KindOrder { field }
            | PolicyError::EndsBeforeStart { field, .. }
            | PolicyError::SpecialtyRange { field, .. }
            | PolicyError::BadYear { field, .. }
            | PolicyError::DuplicateCondition { field, .. } => field,
            PolicyError::Overlap { .. } => "effective",
        }
    }
}

/// The document a policy executes (R17): a number alone is ambiguous, so the
/// issuing authorities and the date of issue are recorded with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
pub struct KindTerms {
    /// The fixed subsidy per project (2.2, R4).
    pub subsidy: Yuan,
    /// How many projects of this kind the programme funds in all (1.2.1, 1.2.2, R3).
    pub programme_total: u32,
    /// The construction period in months from release (6.1, 6.2, R10).
    pub construction_months: u32,
}

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

/// A host-supplied unit condition (R16, cited as 3.1 plus the host's reference).
///
/// The implementation rules that 3.1 points to are not public; the crate ships
/// conditions only as a labelled example ([`UnitCondition::examples`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitCondition {
    /// The condition's id, unique within the policy.
    pub id: String,
    /// The host's own reference (article of the implementation rules).
    pub reference: String,
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// The kind it applies to; `None` for both.
    #[serde(default)]
    pub applies_to: Option<ProjectKind>,
    /// What it checks.
    pub test: ConditionTest,
}

impl UnitCondition {
    /// The label in a language.
    ///
    /// ```
    /// use skill_grants::{Lang, UnitCondition};
    /// let c = &UnitCondition::examples()[0];
    /// assert!(!c.label(Lang::En).is_empty());
    /// ```
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.label_zh,
            Lang::En => &self.label_en,
        }
    }

    /// An **example** list of host conditions, for documentation and tests.
    /// It is not the Ordos rule: the implementation rules are not public (R16).
    ///
    /// ```
    /// let ex = skill_grants::UnitCondition::examples();
    /// assert!(ex.iter().all(|c| c.reference.starts_with("EXAMPLE")));
    /// ```
    pub fn examples() -> Vec<UnitCondition> {
        vec![
            UnitCondition {
                id: "min-site-area".into(),
                reference: "EXAMPLE 细则 第五条".into(),
                label_zh: "实训场地面积不少于 500 平方米（示例）".into(),
                label_en: "training site of at least 500 m² (example)".into(),
                applies_to: Some(ProjectKind::TrainingBase),
                test: ConditionTest::MinSiteArea { square_metres: 500 },
            },
            UnitCondition {
                id: "lead-skill-level".into(),
                reference: "EXAMPLE 细则 第六条".into(),
                label_zh: "领办人具有技师及以上职业技能等级（示例）".into(),
                label_en: "lead holds technician level or above (example)".into(),
                applies_to: Some(ProjectKind::Studio),
                test: ConditionTest::LeadMinSkillLevel {
                    level: SkillLevel::Level2,
                },
            },
            UnitCondition {
                id: "lead-age".into(),
                reference: "EXAMPLE 细则 第六条".into(),
                label_zh: "领办人未满 60 周岁（示例）".into(),
                label_en: "lead younger than 60 (example)".into(),
                applies_to: Some(ProjectKind::Studio),
                test: ConditionTest::LeadMaxAge { years: 60 },
            },
        ]
    }
}

/// What a host condition checks (R16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConditionTest {
    /// The unit's training site is at least this large.
    MinSiteArea {
        /// Square metres.
        square_metres: u32,
    },
    /// The unit trained at least this many people in the last year.
    MinYearlyTrainees {
        /// People.
        count: u32,
    },
    /// The studio's lead holds at least this skill level.
    LeadMinSkillLevel {
        /// The level.
        level: SkillLevel,
    },
    /// The studio's lead is younger than this many years on the reference date.
    LeadMaxAge {
        /// Years.
        years: u32,
    },
    /// The unit declares this named fact.
    Declared {
        /// The declaration's key.
        key: String,
    },
}

/// A policy's id: shared text, so that every decision, round outcome and
/// project can name its policy without copying the id (cloning is a reference
/// count). Reads, compares, prints and serializes as the plain string.
///
/// ```
/// use skill_grants::policy::PolicyId;
/// let id = PolicyId::from("ordos-2022-100");
/// assert_eq!(id, "ordos-2022-100");
/// assert_eq!(id.as_str().len(), 14);
/// assert_eq!(serde_json::to_string(&id).unwrap(), "\"ordos-2022-100\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PolicyId(Arc<str>);

shared_text_id!(PolicyId);

impl std::ops::Deref for PolicyId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for PolicyId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<PolicyId> for String {
    fn from(id: PolicyId) -> Self {
        id.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for PolicyId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for PolicyId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for PolicyId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<PolicyId> for str {
    fn eq(&self, other: &PolicyId) -> bool {
        *self == *other.0
    }
}

impl PartialEq<PolicyId> for &str {
    fn eq(&self, other: &PolicyId) -> bool {
        **self == *other.0
    }
}

impl PartialEq<PolicyId> for String {
    fn eq(&self, other: &PolicyId) -> bool {
        **self == *other.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PolicyId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PolicyId".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String>::json_schema(generator)
    }
}

/// Who produced a decision: a policy's id and revision.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyRef {
    /// The policy's id.
    pub id: PolicyId,
    /// Its revision.
    pub revision: u32,
}

/// Where a value of the Ordos policy comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParameterSource {
    /// The [`PolicyData`] field.
    pub field: &'static str,
    /// The clause that fixes or leaves open the value.
    pub clause: ClauseId,
    /// The reading of clauses.md, if one applies (`"R9"`).
    pub reading: Option<&'static str>,
    /// True when the reading marks this a *parameter* a host may change.
    pub parameter: bool,
}

const SOURCES: &[ParameterSource] = &[
    src("document", ClauseId::Preamble, Some("R17"), false),
    src("document.issued_on", ClauseId::Colophon, Some("R17"), false),
    src("programme_first_year", ClauseId::C2_1, None, false),
    src("programme_last_year", ClauseId::C2_1, None, false),
    src("training_base.subsidy", ClauseId::C2_2, Some("R4"), false),
    src("studio.subsidy", ClauseId::C2_2, Some("R4"), false),
    src(
        "training_base.programme_total",
        ClauseId::C1_2_1,
        Some("R3"),
        false,
    ),
    src(
        "studio.programme_total",
        ClauseId::C1_2_2,
        Some("R3"),
        false,
    ),
    src(
        "training_base.construction_months",
        ClauseId::C6_1,
        Some("R10"),
        false,
    ),
    src(
        "studio.construction_months",
        ClauseId::C6_2,
        Some("R10"),
        false,
    ),
    src("funding_order", ClauseId::C2_2, Some("R4"), false),
    src("kind_funding_order", ClauseId::C2_2, Some("R4"), true),
    src("annual_places", ClauseId::C4_3, Some("R3"), true),
    src("construction_bar", ClauseId::C3_3, Some("R6"), true),
    src("reapply_after_months", ClauseId::C3_4, Some("R7"), false),
    src("specialties_min", ClauseId::C6_1, Some("R11"), false),
    src("specialties_max", ClauseId::C6_1, Some("R11"), false),
    src("notice_working_days", ClauseId::C5, Some("R9"), true),
    src("move_up_on_objection", ClauseId::C5, Some("R9"), true),
    src("unit_conditions", ClauseId::C3_1, Some("R16"), true),
];

const fn src(
    field: &'static str,
    clause: ClauseId,
    reading: Option<&'static str>,
    parameter: bool,
) -> ParameterSource {
    ParameterSource {
        field,
        clause,
        reading,
        parameter,
    }
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

/// A validated policy: every number and choice the rules read.
///
/// Build one with [`Policy::ordos_2022`], from [`PolicyData`] with
/// [`Policy::try_from`], or by deserializing (which validates).
///
/// ```
/// use chrono::NaiveDate;
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

/// Largest month count accepted (100 years).
const MAX_MONTHS: i64 = 1200;
/// Largest count of projects, places or days accepted.
const MAX_COUNT: i64 = 1_000_000;

impl Policy {
    /// The values of 鄂人社发〔2022〕100号 (issued 2022-06-06), in force from the
    /// date of issue through the end of 2025. See [`Policy::sources`] for the
    /// clause behind each value.
    ///
    /// ```
    /// use skill_grants::{Fund, Policy};
    /// let p = Policy::ordos_2022();
    /// assert_eq!(p.funding_order(), &[Fund::EmploymentSubsidy, Fund::TalentSpecial]);
    /// assert_eq!(p.notice_working_days(), 5);
    /// ```
    pub fn ordos_2022() -> Policy {
        // Each value below is tied to its clause in SOURCES.
        let issued = NaiveDate::from_ymd_opt(2022, 6, 6).unwrap_or_default();
        Policy {
            id: PolicyId::from("ordos-2022-100"),
            revision: 1,
            document: Document {
                number: "鄂人社发〔2022〕100号".into(),
                issuers: vec![
                    "鄂尔多斯市人力资源和社会保障局".into(),
                    "鄂尔多斯市财政局".into(),
                ],
                issued_on: issued,
            },
            effective_from: issued,
            effective_until: NaiveDate::from_ymd_opt(2025, 12, 31),
            programme_years: (2022, 2025),
            training_base: KindTerms {
                subsidy: Yuan::from_yuan(200_000),
                programme_total: 20,
                construction_months: 24,
            },
            studio: KindTerms {
                subsidy: Yuan::from_yuan(50_000),
                programme_total: 40,
                construction_months: 12,
            },
            funding_order: vec![Fund::EmploymentSubsidy, Fund::TalentSpecial],
            kind_order: [ProjectKind::TrainingBase, ProjectKind::Studio],
            annual_places: Vec::new(),
            construction_bar: ConstructionBar::UntilDeadlineOrClosed,
            reapply_after_months: 24,
            specialties: (1, 2),
            notice_working_days: 5,
            move_up_on_objection: false,
            unit_conditions: Vec::new(),
        }
    }

    /// Where each value of [`Policy::ordos_2022`] comes from: field, clause,
    /// reading, and whether it is a *parameter*.
    ///
    /// ```
    /// use skill_grants::{ClauseId, Policy};
    /// let s = Policy::sources().iter().find(|s| s.field == "notice_working_days").unwrap();
    /// assert_eq!(s.clause, ClauseId::C5);
    /// assert!(s.parameter);
    /// ```
    pub fn sources() -> &'static [ParameterSource] {
        SOURCES
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

    /// R10: the completion deadline of a project of `kind` released on `released_on`.
    ///
    /// ```
    /// use chrono::NaiveDate;
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

fn non_empty(field: &str, value: &str) -> Result<(), PolicyError> {
    if value.trim().is_empty() {
        Err(PolicyError::Empty {
            field: field.to_owned(),
        })
    } else {
        Ok(())
    }
}

fn count(field: &str, value: i64, max: i64) -> Result<u32, PolicyError> {
    if value < 0 {
        return Err(PolicyError::Negative {
            field: field.to_owned(),
            value,
        });
    }
    if value > max {
        return Err(PolicyError::TooLarge {
            field: field.to_owned(),
            value,
            max,
        });
    }
    u32::try_from(value).map_err(|_| PolicyError::TooLarge {
        field: field.to_owned(),
        value,
        max,
    })
}

fn months(field: &str, value: i64) -> Result<u32, PolicyError> {
    let m = count(field, value, MAX_MONTHS)?;
    if m == 0 {
        return Err(PolicyError::ZeroMonths {
            field: field.to_owned(),
        });
    }
    Ok(m)
}

fn amount(field: &str, value: Decimal) -> Result<Yuan, PolicyError> {
    if value <= Decimal::ZERO {
        return Err(PolicyError::NotPositive {
            field: field.to_owned(),
            value,
        });
    }
    Yuan::new(value).map_err(|_| PolicyError::TooManyPlaces {
        field: field.to_owned(),
        value,
    })
}

fn kind_terms(prefix: &str, data: &KindTermsData) -> Result<KindTerms, PolicyError> {
    Ok(KindTerms {
        subsidy: amount(&format!("{prefix}.subsidy"), data.subsidy)?,
        programme_total: count(
            &format!("{prefix}.programme_total"),
            data.programme_total,
            MAX_COUNT,
        )?,
        construction_months: months(
            &format!("{prefix}.construction_months"),
            data.construction_months,
        )?,
    })
}

impl TryFrom<PolicyData> for Policy {
    type Error = PolicyError;

    /// Validates a policy; the first problem found is returned, naming its field.
    fn try_from(d: PolicyData) -> Result<Self, Self::Error> {
        non_empty("id", &d.id)?;
        non_empty("document.number", &d.document.number)?;
        if d.document.issuers.is_empty() {
            return Err(PolicyError::Empty {
                field: "document.issuers".into(),
            });
        }
        for (i, issuer) in d.document.issuers.iter().enumerate() {
            non_empty(&format!("document.issuers[{i}]"), issuer)?;
        }
        if let Some(until) = d.effective_until {
            if until < d.effective_from {
                return Err(PolicyError::EndsBeforeStart {
                    field: "effective_until".into(),
                    start: d.effective_from.to_string(),
                    end: until.to_string(),
                });
            }
        }
        if d.programme_last_year < d.programme_first_year {
            return Err(PolicyError::EndsBeforeStart {
                field: "programme_last_year".into(),
                start: d.programme_first_year.to_string(),
                end: d.programme_last_year.to_string(),
            });
        }
        let training_base = kind_terms("training_base", &d.training_base)?;
        let studio = kind_terms("studio", &d.studio)?;

        let mut seen = BTreeSet::new();
        for fund in &d.funding_order {
            if !seen.insert(*fund) {
                return Err(PolicyError::DuplicateFund {
                    field: "funding_order".into(),
                    fund: *fund,
                });
            }
        }
        for fund in Fund::ALL {
            if !seen.contains(&fund) {
                return Err(PolicyError::MissingFund {
                    field: "funding_order".into(),
                    fund,
                });
            }
        }
        let kind_order = match d.kind_funding_order.as_slice() {
            [a, b] if a != b => [*a, *b],
            _ => {
                return Err(PolicyError::KindOrder {
                    field: "kind_funding_order".into(),
                });
            }
        };
        let mut years = BTreeSet::new();
        for (i, p) in d.annual_places.iter().enumerate() {
            if p.year < d.programme_first_year
                || p.year > d.programme_last_year
                || !years.insert(p.year)
            {
                return Err(PolicyError::BadYear {
                    field: format!("annual_places[{i}].year"),
                    year: p.year,
                });
            }
        }
        let reapply_after_months = months("reapply_after_months", d.reapply_after_months)?;
        let smin = count("specialties_min", d.specialties_min, MAX_COUNT)?;
        let smax = count("specialties_max", d.specialties_max, MAX_COUNT)?;
        if smin == 0 || smax < smin {
            return Err(PolicyError::SpecialtyRange {
                field: "specialties_min".into(),
                min: d.specialties_min,
                max: d.specialties_max,
            });
        }
        let notice_working_days = count("notice_working_days", d.notice_working_days, 366)?;
        if notice_working_days == 0 {
            return Err(PolicyError::Zero {
                field: "notice_working_days".into(),
            });
        }
        let mut ids = BTreeSet::new();
        for (i, c) in d.unit_conditions.iter().enumerate() {
            non_empty(&format!("unit_conditions[{i}].id"), &c.id)?;
            non_empty(&format!("unit_conditions[{i}].reference"), &c.reference)?;
            if !ids.insert(c.id.as_str()) {
                return Err(PolicyError::DuplicateCondition {
                    field: format!("unit_conditions[{i}].id"),
                    id: c.id.clone(),
                });
            }
        }
        Ok(Policy {
            id: PolicyId::from(d.id),
            revision: d.revision,
            document: d.document,
            effective_from: d.effective_from,
            effective_until: d.effective_until,
            programme_years: (d.programme_first_year, d.programme_last_year),
            training_base,
            studio,
            funding_order: d.funding_order,
            kind_order,
            annual_places: d.annual_places,
            construction_bar: d.construction_bar,
            reapply_after_months,
            specialties: (smin, smax),
            notice_working_days,
            move_up_on_objection: d.move_up_on_objection,
            unit_conditions: d.unit_conditions,
        })
    }
}

/// A set of policies with disjoint effective periods: which one is in force on a date.
///
/// ```
/// use chrono::NaiveDate;
/// use skill_grants::{Policy, PolicySet};
/// let set = PolicySet::new([Policy::ordos_2022()])?;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(set.in_force(d(2024, 5, 1)).is_some());
/// assert!(set.in_force(d(2022, 6, 5)).is_none());
/// # Ok::<(), skill_grants::PolicyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Policy>", into = "Vec<Policy>")]
pub struct PolicySet {
    policies: Vec<Policy>,
}

impl PolicySet {
    /// Builds a set; two policies in force on the same day are an error. The
    /// order of the input does not matter.
    pub fn new(policies: impl IntoIterator<Item = Policy>) -> Result<PolicySet, PolicyError> {
        let mut policies: Vec<Policy> = policies.into_iter().collect();
        policies.sort_by(|a, b| {
            (a.effective_from, &a.id, a.revision).cmp(&(b.effective_from, &b.id, b.revision))
        });
        for pair in policies.windows(2) {
            if let [a, b] = pair {
                if a.effective_until.is_none_or(|end| end >= b.effective_from) {
                    return Err(PolicyError::Overlap {
                        first: format!("{}#{}", a.id, a.revision),
                        second: format!("{}#{}", b.id, b.revision),
                        day: b.effective_from,
                    });
                }
            }
        }
        Ok(PolicySet { policies })
    }

    /// The policy in force on `date`, if any.
    pub fn in_force(&self, date: NaiveDate) -> Option<&Policy> {
        self.policies.iter().find(|p| p.is_in_force(date))
    }

    /// The policies, in order of their effective periods.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }
}

impl TryFrom<Vec<Policy>> for PolicySet {
    type Error = PolicyError;
    fn try_from(value: Vec<Policy>) -> Result<Self, Self::Error> {
        PolicySet::new(value)
    }
}

impl From<PolicySet> for Vec<Policy> {
    fn from(value: PolicySet) -> Self {
        value.policies
    }
}
