//! Eligibility (申报条件): who may apply, rule by rule, each citing its clause.
//!
//! [`decide`] first refuses an application that contradicts itself
//! ([`ApplicationError`], naming the field), then evaluates **every** rule —
//! not just up to the first failure — and returns a [`Decision`]: one
//! [`Finding`] per rule (and one per host condition of R16), each with its
//! [`RuleId`], its [`ClauseId`], an [`Outcome`], the typed [`Facts`] it used
//! and, for a failure, a [`Remedy`] (what would change it, such as the first
//! date the unit may apply).
//!
//! Findings hold codes and facts only; no text is built while deciding. Text is
//! rendered on demand, in Chinese or English, citing the clause:
//! [`Decision::render`], [`Finding::explain`] (and the `_with` forms that add the
//! labels and references of the policy's host conditions).
//!
//! The rules, in the order of the notice ([`RuleId::ALL`]):
//!
//! | rule | clause | reading | what it checks |
//! |---|---|---|---|
//! | [`RuleId::HostKind`] | 1.2.1 | R1 | a base is hosted by a technical school, vocational college or key enterprise |
//! | [`RuleId::LeadHonours`] | 1.2.2 | R2 | a studio's lead holds one of the seven honours |
//! | [`RuleId::HostCondition`] | 3.1 | R16 | each host-supplied unit condition of the policy |
//! | [`RuleId::RegionTitle`] | 3.2 | R5 | no funded region-or-national title of the same kind |
//! | [`RuleId::ConstructionPeriod`] | 3.3 | R6 | no funded city project in its construction period |
//! | [`RuleId::Reapplication`] | 3.4 | R7 | every earlier project of the same kind accepted 2+ years ago, rated effective |
//! | [`RuleId::DirectlyUnderBody`] | 4.2 | — | a unit under a body of 4.2 is an independent legal person |
//! | [`RuleId::Specialties`] | 6.1 | R11 | a base declares one or two specialties |
//!
//! Each rule's id, clause, reading and gloss are written once, in
//! [`RuleId::law`]. The module by concern: the rules themselves, one function
//! each in the order above, and the `evaluate` that applies them
//! (`conditions.rs`); the refusal of a self-contradicting application
//! (`validate.rs`, [`ApplicationError`]); each rule's wording (`wording.rs`);
//! a finding's and a decision's text ([`FindingText`], [`DecisionText`]).
//!
//! ```
//! use skill_grants::NaiveDate;
//! use skill_grants::eligibility::{decide, Outcome, Remedy, RuleId};
//! use skill_grants::application::*;
//! use skill_grants::domain::*;
//! use skill_grants::{Banner, Lang, Policy, ProjectKind};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let mut unit = Unit::new(UnitId::new("U-1"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
//! // A base released on 1 July 2022: construction through 1 July 2024 (6.1, R10).
//! unit.projects.push(PastProject::open("2022-B-01", ProjectKind::TrainingBase, d(2022, 7, 1)));
//! let lead = StudioLead::new(PersonId::new("P-1"), "王某", [Honour::CityTechnicalExpert]);
//! let app = Application::studio("A-2024-01", unit, d(2024, 7, 1), lead);
//!
//! let decision = decide(&Policy::ordos_2022(), &app)?;
//! assert!(!decision.is_eligible());
//! let bar = decision.finding(RuleId::ConstructionPeriod).unwrap();
//! assert_eq!(bar.outcome, Outcome::Failed);
//! assert_eq!(bar.remedy, Some(Remedy::ApplyFrom(d(2024, 7, 2))));
//! assert!(decision.render(Lang::Zh).contains("三（三）"));
//! assert!(decision.render(Lang::En).contains("clause 3.3"));
//! # Ok::<(), skill_grants::eligibility::ApplicationError>(())
//! ```

mod conditions;
mod error;
mod error_wording;
mod render;
mod validate;
mod wording;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::application::{Application, Honour, SkillLevel, Title, UnitKind};
use crate::clause::{ClauseId, Law};
use crate::domain::ProjectKind;
use crate::domain::{ApplicationId, ProjectId};
use crate::lang::Lang;
use crate::policy::{ConstructionBar, Policy, PolicyRef, UnitCondition};

pub use conditions::body_may_recommend;
pub(crate) use conditions::evaluate;
use conditions::first_day_free;
pub use error::ApplicationError;
pub use render::{DecisionText, FindingText};

/// The eligibility rules (申报条件), one variant per rule; each carries its
/// law ([`RuleId::law`]: registry id, clause, reading and gloss).
///
/// ```
/// use skill_grants::ClauseId;
/// use skill_grants::eligibility::RuleId;
/// assert_eq!(RuleId::ALL.len(), 8);
/// assert_eq!(RuleId::ConstructionPeriod.law().id, "eligibility.construction_period");
/// assert_eq!(RuleId::ConstructionPeriod.clause(), ClauseId::C3_3);
/// assert_eq!(RuleId::ConstructionPeriod.reading(), Some("R6"));
/// assert!(RuleId::ALL.iter().all(|r| r.clause().clause().execution.is_executed()));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleId {
    /// R1 (1.2.1): a training base is hosted by a technical school (技工院校),
    /// vocational college (职业院校) or key enterprise (重点企业).
    HostKind,
    /// R2 (1.2.2): a studio's lead (领办人) holds at least one of the seven honours.
    LeadHonours,
    /// R16 (3.1): a host-supplied unit condition of the implementation rules
    /// (实施细则); one finding per condition of the policy.
    HostCondition,
    /// R5 (3.2): no funded region-or-national title (自治区级以上称号) of the same kind.
    RegionTitle,
    /// R6 (3.3): no funded city-level project still in its construction period (建设期).
    ConstructionPeriod,
    /// R7 (3.4): reapplication (再次申报) only 24 months after acceptance, rated effective.
    Reapplication,
    /// 4.2: a unit recommended by a directly recommending body (直属单位推荐) is an
    /// independent legal person (独立法人) directly under it.
    DirectlyUnderBody,
    /// R11 (6.1): a base declares one or two specialties (专业（职业）).
    Specialties,
}

impl RuleId {
    /// Every rule, in the order of the notice's clauses (the order of findings).
    pub const ALL: [RuleId; 8] = [
        RuleId::HostKind,
        RuleId::LeadHonours,
        RuleId::HostCondition,
        RuleId::RegionTitle,
        RuleId::ConstructionPeriod,
        RuleId::Reapplication,
        RuleId::DirectlyUnderBody,
        RuleId::Specialties,
    ];

    /// The rule's law: its stable registry id (`eligibility.<rule>`), the
    /// clause it executes, the reading of the clause index it follows, and a
    /// one-line gloss. The one place these are written; [`RuleId::clause`],
    /// [`RuleId::reading`] and the registry ([`crate::rules`]) read them here.
    ///
    /// ```
    /// use skill_grants::ClauseId;
    /// use skill_grants::eligibility::RuleId;
    /// let law = RuleId::Reapplication.law();
    /// assert_eq!(law.id, "eligibility.reapplication");
    /// assert_eq!(law.clauses, &[ClauseId::C3_4]);
    /// assert_eq!(law.reading, Some("R7"));
    /// ```
    pub const fn law(self) -> Law {
        match self {
            RuleId::HostKind => Law {
                id: "eligibility.host_kind",
                clauses: &[ClauseId::C1_2_1],
                reading: Some("R1"),
                gloss: "a training base is hosted by a technical school, vocational college or key enterprise",
            },
            RuleId::LeadHonours => Law {
                id: "eligibility.lead_honours",
                clauses: &[ClauseId::C1_2_2],
                reading: Some("R2"),
                gloss: "a studio's lead holds at least one of the seven honours",
            },
            RuleId::HostCondition => Law {
                id: "eligibility.host_condition",
                clauses: &[ClauseId::C3_1],
                reading: Some("R16"),
                gloss: "each host-supplied unit condition of the implementation rules is met",
            },
            RuleId::RegionTitle => Law {
                id: "eligibility.region_title",
                clauses: &[ClauseId::C3_2],
                reading: Some("R5"),
                gloss: "no funded region-or-national title of the same kind",
            },
            RuleId::ConstructionPeriod => Law {
                id: "eligibility.construction_period",
                clauses: &[ClauseId::C3_3],
                reading: Some("R6"),
                gloss: "no funded city-level project of either kind in its construction period on the reference date",
            },
            RuleId::Reapplication => Law {
                id: "eligibility.reapplication",
                clauses: &[ClauseId::C3_4],
                reading: Some("R7"),
                gloss: "every earlier project of the same kind accepted 24 months before, rated effective",
            },
            RuleId::DirectlyUnderBody => Law {
                id: "eligibility.directly_under_body",
                clauses: &[ClauseId::C4_2],
                reading: None,
                gloss: "a unit under a directly recommending body is an independent legal person",
            },
            RuleId::Specialties => Law {
                id: "eligibility.specialties",
                clauses: &[ClauseId::C6_1],
                reading: Some("R11"),
                gloss: "a training base declares one or two specialties",
            },
        }
    }

    /// The clause the rule executes (each rule executes one).
    ///
    /// ```
    /// use skill_grants::eligibility::RuleId;
    /// assert_eq!(RuleId::Specialties.clause().as_str(), "6.1");
    /// assert_eq!(RuleId::Reapplication.clause().heading_zh(), "三（四）");
    /// ```
    pub const fn clause(self) -> ClauseId {
        match self.law().clauses {
            [clause, ..] => *clause,
            // Never reached: every rule's law names its clause (tested).
            [] => ClauseId::Preamble,
        }
    }

    /// The reading of the clause index the rule follows, if any (`"R6"`).
    ///
    /// ```
    /// use skill_grants::eligibility::RuleId;
    /// assert_eq!(RuleId::HostCondition.reading(), Some("R16"));
    /// assert_eq!(RuleId::DirectlyUnderBody.reading(), None);
    /// ```
    pub const fn reading(self) -> Option<&'static str> {
        self.law().reading
    }
}

/// The outcome of one rule on one application.
///
/// ```
/// use skill_grants::{Lang, eligibility::Outcome};
/// assert_eq!(Outcome::Failed.name(Lang::Zh), "未通过");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule is met.
    Passed,
    /// The rule is not met: the application is not eligible.
    Failed,
    /// The rule does not concern this application: it is for the other kind of
    /// project, or (4.2) the unit is recommended by its banner or district, or
    /// the fact the rule judges is absent — no region-or-national title of
    /// this kind (3.2), no funded city-level project (3.3), no earlier
    /// city-level project of this kind (3.4).
    NotApplicable,
}

impl Outcome {
    /// The outcome's name.
    ///
    /// ```
    /// use skill_grants::{Lang, eligibility::Outcome};
    /// assert_eq!(Outcome::NotApplicable.name(Lang::En), "not applicable");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Passed, Lang::Zh) => "通过",
            (Outcome::Passed, Lang::En) => "passed",
            (Outcome::Failed, Lang::Zh) => "未通过",
            (Outcome::Failed, Lang::En) => "failed",
            (Outcome::NotApplicable, Lang::Zh) => "不适用",
            (Outcome::NotApplicable, Lang::En) => "not applicable",
        }
    }
}

/// A set of the honours of 1.2.2 (荣誉), held in one byte; serializes as a
/// list of honours in the order of 1.2.2.
///
/// ```
/// use skill_grants::eligibility::HonourSet;
/// use skill_grants::application::Honour;
/// let set = HonourSet::from_honours([Honour::OrdosCraftsman, Honour::ChinaSkillsAward, Honour::OrdosCraftsman]);
/// assert_eq!(set.len(), 2);
/// assert!(set.contains(Honour::OrdosCraftsman));
/// assert_eq!(set.iter().next(), Some(Honour::ChinaSkillsAward));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Honour>", into = "Vec<Honour>")]
pub struct HonourSet(u8);

impl HonourSet {
    /// The empty set.
    pub const EMPTY: HonourSet = HonourSet(0);

    const fn bit(h: Honour) -> u8 {
        1 << (h as u8)
    }

    /// The set of the given honours (repeats count once).
    pub fn from_honours(honours: impl IntoIterator<Item = Honour>) -> HonourSet {
        HonourSet(honours.into_iter().fold(0, |acc, h| acc | Self::bit(h)))
    }

    /// True when the set holds `honour`.
    pub const fn contains(self, honour: Honour) -> bool {
        self.0 & Self::bit(honour) != 0
    }

    /// True when the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of honours in the set.
    pub const fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// The honours, in the order of 1.2.2.
    pub fn iter(self) -> impl Iterator<Item = Honour> {
        Honour::ALL.into_iter().filter(move |h| self.contains(*h))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HonourSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HonourSet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Honour>>::json_schema(generator)
    }
}

impl From<Vec<Honour>> for HonourSet {
    fn from(value: Vec<Honour>) -> Self {
        HonourSet::from_honours(value)
    }
}

impl From<HonourSet> for Vec<Honour> {
    fn from(value: HonourSet) -> Self {
        value.iter().collect()
    }
}

/// The facts a host condition (R16) read: the value required and the value
/// found (`None` when the application does not supply it).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConditionCheck {
    /// Training site area in m² (实训场地面积).
    SiteArea {
        /// The minimum.
        required: u32,
        /// The unit's, if supplied.
        actual: Option<u32>,
    },
    /// People trained in the last year (年培训人数).
    YearlyTrainees {
        /// The minimum.
        required: u32,
        /// The unit's, if supplied.
        actual: Option<u32>,
    },
    /// The lead's skill level (职业技能等级).
    LeadSkillLevel {
        /// The lowest level accepted.
        required: SkillLevel,
        /// The lead's, if supplied.
        actual: Option<SkillLevel>,
    },
    /// The lead's age in full years on the reference date (年龄).
    LeadAge {
        /// The lead must be younger than this.
        limit: u32,
        /// The lead's age, if the date of birth is supplied.
        actual: Option<u32>,
    },
    /// A named declaration of the unit (the key is in the policy's condition).
    Declared {
        /// Whether the unit declares it.
        declared: bool,
    },
}

/// A funded city-level project that bars the unit on the reference date (R6).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BarringProject {
    /// The project.
    pub id: ProjectId,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The day its subsidy was released.
    pub released_on: NaiveDate,
    /// Its completion deadline (6.1, 6.2, R10).
    pub deadline: NaiveDate,
    /// The day it was closed (accepted, revoked, dissolved), if it was.
    pub closed_on: Option<NaiveDate>,
    /// The first day it no longer bars; `None` while that cannot be known
    /// (the stricter reading, project not yet closed).
    pub free_from: Option<NaiveDate>,
}

/// Why an earlier project of the same kind stands in the way of reapplying (R7).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Standing {
    /// Accepted and rated effective, but 24 months have not yet passed.
    TooRecent,
    /// Still open: not yet accepted.
    NotYetAccepted,
    /// Accepted, but not rated effective (效能显著、效果明显).
    NotRatedEffective,
    /// Closed without passing acceptance (e.g. dissolved).
    NeverAccepted,
    /// Its title was revoked (撤销称号).
    Revoked,
}

impl Standing {
    /// True when the unit can never reapply for this kind because of it.
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            Standing::NotRatedEffective | Standing::NeverAccepted | Standing::Revoked
        )
    }
}

/// The earlier project of the same kind that stands most in the way (R7).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierProject {
    /// The project.
    pub id: ProjectId,
    /// Why it stands in the way.
    pub standing: Standing,
    /// The day it passed acceptance, if it did.
    pub accepted_on: Option<NaiveDate>,
    /// The first reference date on which it no longer stands in the way, if
    /// there is one (acceptance plus the months of 3.4, by R10).
    pub eligible_from: Option<NaiveDate>,
}

/// The typed facts a rule used. One variant per rule; no text.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Facts {
    /// R1: the unit's kind.
    HostKind {
        /// The unit's kind.
        unit_kind: UnitKind,
    },
    /// R2: the lead's honours of 1.2.2.
    LeadHonours {
        /// Honours held (empty for a base).
        held: HonourSet,
    },
    /// R16: one host condition.
    HostCondition {
        /// Its position in [`Policy::unit_conditions`].
        index: u32,
        /// The kind it applies to, if only one.
        applies_to: Option<ProjectKind>,
        /// What it read.
        check: ConditionCheck,
    },
    /// R5: the unit's region-or-national titles.
    RegionTitle {
        /// The funded title of the same kind that bars, if any (the highest level).
        barring: Option<Title>,
        /// Titles of the same kind never funded (they do not bar).
        same_kind_unfunded: u32,
        /// Titles of the other kind (they do not bar).
        other_kind: u32,
    },
    /// R6: the unit's funded city-level projects on the reference date.
    ConstructionPeriod {
        /// The round's reference date.
        reference_date: NaiveDate,
        /// The reading applied (*parameter*).
        bar: ConstructionBar,
        /// The unit's earlier city-level projects, of either kind.
        projects: u32,
        /// How many of them bar on the reference date.
        barring: u32,
        /// The one that bars longest (smallest id on a tie).
        latest: Option<BarringProject>,
    },
    /// R7: the unit's earlier projects of the same kind.
    Reapplication {
        /// The round's reference date.
        reference_date: NaiveDate,
        /// Months after acceptance (3.4: 24).
        after_months: u32,
        /// Earlier projects of the same kind.
        earlier: u32,
        /// How many of them stand in the way.
        blocking: u32,
        /// The one that stands most in the way (smallest id on a tie).
        worst: Option<EarlierProject>,
    },
    /// 4.2: where the unit sits and its legal status.
    DirectlyUnderBody {
        /// True when the unit sits directly under a body of 4.2.
        under_body: bool,
        /// Whether it is an independent legal person.
        independent_legal_person: bool,
    },
    /// R11: the specialties declared.
    Specialties {
        /// How many were declared.
        declared: u32,
        /// The fewest allowed.
        min: u32,
        /// The most allowed.
        max: u32,
    },
}

/// What would change a failed finding.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Remedy {
    /// This bar no longer holds from this date (a round whose reference date
    /// is this day or later), other facts unchanged (3.3, 3.4). The first
    /// date the unit may apply, every bar taken together, is
    /// [`Decision::eligible_from`].
    ApplyFrom(NaiveDate),
    /// 3.3, stricter reading: no date until the barring project closes.
    AwaitClosing,
    /// 3.4: no date until the earlier project passes acceptance, rated effective.
    AwaitAcceptance,
    /// Nothing the unit can do opens this kind of project to it (R1, R5, R7).
    NoPathBack,
    /// Name a lead who holds one of the seven honours of 1.2.2 (R2).
    LeadWithHonour,
    /// Declare between `min` and `max` specialties (R11).
    DeclareSpecialties {
        /// The fewest.
        min: u32,
        /// The most.
        max: u32,
    },
    /// Be recommended as, or through, an independent legal person (4.2).
    IndependentLegalPerson,
    /// Supply the fact a host condition reads (R16).
    SupplyFact,
    /// Meet the host condition's requirement (R16).
    MeetCondition,
}

/// One finding: a rule, its clause, its outcome, the facts it used and, for a
/// failure, what would change it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule.
    pub rule: RuleId,
    /// The clause it executes (always `rule.clause()`).
    pub clause: ClauseId,
    /// Its outcome.
    pub outcome: Outcome,
    /// The facts it used.
    pub facts: Facts,
    /// For a failure, what would change it.
    #[serde(default)]
    pub remedy: Option<Remedy>,
}

impl Finding {
    /// The finding in words, citing its clause. Host conditions are named by
    /// their position; use [`Finding::explain_with`] for their labels.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::eligibility::{decide, RuleId};
    /// use skill_grants::application::*;
    /// use skill_grants::domain::*;
    /// use skill_grants::{Banner, Lang, Policy};
    /// let unit = Unit::new(UnitId::new("U-1"), "东胜区某商贸公司", UnitKind::Other, Seat::Banner(Banner::Dongsheng));
    /// let app = Application::training_base("A-1", unit, NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(), [Specialty::new("电工")]);
    /// let decision = decide(&Policy::ordos_2022(), &app)?;
    /// let text = decision.finding(RuleId::HostKind).unwrap().explain(Lang::En);
    /// assert!(text.starts_with("[failed] clause 1.2.1"));
    /// # Ok::<(), skill_grants::eligibility::ApplicationError>(())
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        FindingText::new(self, None, lang).to_string()
    }

    /// The finding in words, naming a host condition (R16) by the label and
    /// reference the policy gives it. The policy should be the one that made
    /// the decision.
    pub fn explain_with(&self, policy: &Policy, lang: Lang) -> String {
        FindingText::new(self, Some(policy), lang).to_string()
    }

    /// The host condition this finding evaluated, looked up in `policy`.
    pub fn host_condition<'p>(&self, policy: &'p Policy) -> Option<&'p UnitCondition> {
        match self.facts {
            Facts::HostCondition { index, .. } => usize::try_from(index)
                .ok()
                .and_then(|i| policy.unit_conditions().get(i)),
            _ => None,
        }
    }
}

/// An eligibility decision (资格审查结论): every finding, and the policy that
/// produced it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Decision {
    /// The policy that produced it (id and revision).
    pub policy: PolicyRef,
    /// The application decided.
    pub application: ApplicationId,
    /// Its kind.
    pub kind: ProjectKind,
    /// The round's reference date the time bars were judged on.
    pub reference_date: NaiveDate,
    /// One finding per rule, in the order of [`RuleId::ALL`], with one per host
    /// condition in the policy's order.
    pub findings: Vec<Finding>,
    /// The first date on which the unit could apply with the same facts; see
    /// [`Decision::eligible_from`]. Always stated (`null` for none): a stored
    /// decision without it is refused, not read as "no date".
    #[serde(deserialize_with = "Option::deserialize")]
    #[cfg_attr(feature = "schema", schemars(required, schema_with = "stated_date"))]
    pub eligible_from: Option<NaiveDate>,
}

/// The schema of a date that is always stated, `null` for none (schemars
/// would drop `null` from a required `Option`).
#[cfg(feature = "schema")]
fn stated_date(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    <Option<NaiveDate> as schemars::JsonSchema>::json_schema(generator)
}

impl Decision {
    /// True when no finding failed.
    pub fn is_eligible(&self) -> bool {
        self.findings.iter().all(|f| f.outcome != Outcome::Failed)
    }

    /// The failed findings.
    pub fn failures(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
    }

    /// The first finding of a rule (for [`RuleId::HostCondition`], the first
    /// host condition).
    pub fn finding(&self, rule: RuleId) -> Option<&Finding> {
        self.findings.iter().find(|f| f.rule == rule)
    }

    /// The first date on which the unit could apply with the same facts (the
    /// first reference date of a round it could take part in): the reference
    /// date when eligible; `None` when a failure is not a time bar with a date
    /// (3.3, 3.4); otherwise the first day on or after the reference date on
    /// which no bar of 3.3 (R6) or 3.4 (R7) holds. Bars chain: where one bar
    /// ends inside another's span the day moves on to that one's end, and a
    /// funded project released after the reference date (which does not bar
    /// on it) bars from its release. `None` when the day reaches a bar with
    /// no end, or when the lead is too old on that day for a host condition
    /// of the policy (R16). It is the first such day, not every later one: a
    /// project released after it may bar again.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::eligibility::{decide, Remedy, RuleId};
    /// use skill_grants::application::*;
    /// use skill_grants::domain::*;
    /// use skill_grants::{Banner, Policy, ProjectKind};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut unit = Unit::new(UnitId::new("U-1"), "鄂托克旗某技工学校", UnitKind::TechnicalSchool, Seat::Banner(Banner::OtogBanner));
    /// let mut earlier = PastProject::open("2022-B-07", ProjectKind::TrainingBase, d(2022, 8, 1));
    /// earlier.closed_on = Some(d(2024, 3, 1));
    /// earlier.accepted_on = Some(d(2024, 3, 1));
    /// earlier.rated_effective = true;
    /// unit.projects.push(earlier);
    /// let app = Application::training_base("A-1", unit.clone(), d(2025, 7, 1), [Specialty::new("焊工")]);
    /// let decision = decide(&Policy::ordos_2022(), &app)?;
    /// // 3.4: 24 months after acceptance (R7, R10).
    /// assert_eq!(decision.eligible_from(), Some(d(2026, 3, 1)));
    ///
    /// // A studio released on 1 January 2026 is in construction through
    /// // 1 January 2027 (R6, R10): it does not bar on 1 July 2025, but it
    /// // does on 1 March 2026.
    /// unit.projects.push(PastProject::open("2026-S-01", ProjectKind::Studio, d(2026, 1, 1)));
    /// let app = Application::training_base("A-1", unit, d(2025, 7, 1), [Specialty::new("焊工")]);
    /// let decision = decide(&Policy::ordos_2022(), &app)?;
    /// assert_eq!(decision.finding(RuleId::Reapplication).unwrap().remedy, Some(Remedy::ApplyFrom(d(2026, 3, 1))));
    /// assert_eq!(decision.eligible_from(), Some(d(2027, 1, 2)));
    /// # Ok::<(), skill_grants::eligibility::ApplicationError>(())
    /// ```
    pub fn eligible_from(&self) -> Option<NaiveDate> {
        self.eligible_from
    }

    /// The whole decision in words: a heading, the result, every finding
    /// citing its clause, and the first date the unit may apply where there is
    /// one. Host conditions are named by position; see [`Decision::render_with`].
    pub fn render(&self, lang: Lang) -> String {
        DecisionText::new(self, None, lang).to_string()
    }

    /// As [`Decision::render`], naming each host condition (R16) by the label
    /// and reference of `policy`, when `policy` is the one that made the decision.
    pub fn render_with(&self, policy: &Policy, lang: Lang) -> String {
        DecisionText::new(self, Some(policy), lang).to_string()
    }
}

/// Decides an application against a policy: refuses it if it contradicts
/// itself, otherwise evaluates every rule, in the order of the notice, and
/// returns every finding — not just up to the first failure.
///
/// The decision does not depend on the order of the unit's titles and past
/// projects. Text is not built here; see [`Decision::render`].
///
/// # Law
///
/// The conditions of application (申报条件) of the notice, one rule each
/// ([`RuleId::ALL`]): 1.2.1 (R1), 1.2.2 (R2), 3.1 (R16), 3.2 (R5), 3.3 (R6),
/// 3.4 (R7), 4.2 and 6.1 (R11); each finding cites its clause.
///
/// # Errors
///
/// [`ApplicationError`], naming the field, when the application contradicts
/// itself (a lead on a base, a blank id, a project closed before its
/// release, …), or when a completion deadline or reapplication date (R10)
/// leaves the range of dates. Such an application is not "not eligible": it
/// must be corrected and decided again.
///
/// # Example
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::eligibility::{decide, Outcome, RuleId};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{Banner, Policy};
///
/// let unit = Unit::new(UnitId::new("U-1"), "杭锦旗某技工学校", UnitKind::TechnicalSchool, Seat::Banner(Banner::HangginBanner));
/// let app = Application::training_base("A-1", unit, NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(), []);
/// let decision = decide(&Policy::ordos_2022(), &app)?;
/// // No specialty declared: R11 fails, and every other rule is still reported
/// // (the Ordos policy has no host condition of R16, so no finding for it).
/// assert_eq!(decision.finding(RuleId::Specialties).unwrap().outcome, Outcome::Failed);
/// assert_eq!(decision.findings.len(), RuleId::ALL.len() - 1);
/// assert_eq!(decision.findings.last().unwrap().rule, RuleId::Specialties);
/// # Ok::<(), skill_grants::eligibility::ApplicationError>(())
/// ```
pub fn decide(policy: &Policy, application: &Application) -> Result<Decision, ApplicationError> {
    let mut findings = Vec::with_capacity(RuleId::ALL.len() + policy.unit_conditions().len());
    evaluate(policy, application, &mut findings)?;
    let eligible_from = first_day_free(policy, application, &findings)?;
    Ok(Decision {
        policy: policy.reference(),
        application: application.id.clone(),
        kind: application.kind,
        reference_date: application.reference_date,
        findings,
        eligible_from,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_executes_one_clause_the_crate_executes() {
        for rule in RuleId::ALL {
            let law = rule.law();
            assert_eq!(law.clauses, &[rule.clause()], "{rule:?}");
            assert!(rule.clause().clause().execution.is_executed(), "{rule:?}");
            assert!(law.id.starts_with("eligibility."), "{rule:?}");
            assert!(!law.gloss.is_empty(), "{rule:?}");
        }
    }

    #[test]
    fn the_registry_names_each_rule_as_the_code_does() {
        for rule in RuleId::ALL {
            let r = crate::rules::find(rule.law().id).unwrap();
            assert_eq!(r.code, vec![format!("RuleId::{rule:?}")]);
            assert_eq!(r.clauses, rule.law().clauses);
        }
    }
}
