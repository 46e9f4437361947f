//! The vocabulary of the lifecycle: the start record, actors and roles,
//! spending categories and payments, findings, requests and the ledger.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::application::StudioLead;
use crate::domain::{Banner, ProjectKind};
use crate::domain::{BodyId, PersonId, ProjectId, Seat, Specialty, UnitId};
use crate::lang::Lang;
use crate::money::Yuan;
use crate::policy::PolicyRef;

/// How a project starts: the record the annual round produces when it releases
/// a subsidy (资金下达, 5). The first event of every log carries it
/// ([`Change::Started`](super::Change::Started)).
///
/// Build one with [`ProjectStart::training_base`] or [`ProjectStart::studio`]
/// (amount and policy reference taken from the policy), or from a released
/// round's funded project (`ProjectStart::from(&funded)`); a host that stores
/// start records reads them back with serde.
///
/// ```
/// use skill_grants::lifecycle::ProjectStart;
/// use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
/// use skill_grants::{Banner, NaiveDate, Policy, ProjectKind, Yuan};
///
/// let start = ProjectStart::training_base(
///     ProjectId::new("2022-B-01"),
///     UnitId::new("U-001"),
///     "准格尔旗某煤炭企业",
///     Seat::Banner(Banner::JungarBanner),
///     [Specialty::new("煤矿机电")],
///     NaiveDate::from_ymd_opt(2022, 9, 1).unwrap(),
///     &Policy::ordos_2022(),
/// );
/// assert_eq!(start.kind, ProjectKind::TrainingBase);
/// assert_eq!(start.released, Yuan::from_yuan(200_000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectStart {
    /// The project's id.
    pub project: ProjectId,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The project unit (项目建设单位).
    pub unit: UnitId,
    /// The unit's name when the subsidy was released.
    pub unit_name: String,
    /// Where the unit sits: its banner (4.1) or its 4.2 body; decides which
    /// local authority may act on the project.
    pub seat: Seat,
    /// For a base: its declared specialties (6.1, R11), referred to by
    /// position ([`SpecialtyIndex`]). Empty for a studio.
    #[serde(default)]
    pub specialties: Vec<Specialty>,
    /// For a studio: its lead (领办人, 1.2.2). `None` for a base.
    #[serde(default)]
    pub lead: Option<StudioLead>,
    /// The amount released (下达的补助资金), the subsidy of 2.2.
    pub released: Yuan,
    /// The day it was released; the construction period counts from it (R10).
    pub released_on: NaiveDate,
    /// The policy the round applied.
    pub policy: PolicyRef,
}

/// Who gives a command (the actor, 行为主体), with the identity the crate
/// checks against the project.
///
/// ```
/// use skill_grants::lifecycle::Actor;
/// use skill_grants::domain::UnitId;
/// use skill_grants::Banner;
/// let a = Actor::Unit(UnitId::new("U-001"));
/// assert_ne!(a, Actor::BannerAuthority(Banner::JungarBanner));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Actor {
    /// 项目建设单位 — a unit; only the project's own unit acts as such.
    Unit(UnitId),
    /// 旗区人力资源社会保障部门会同财政部门 — a banner's or district's HR&SS
    /// with its finance bureau (4.1, 7.1); acts only on projects seated in it.
    BannerAuthority(Banner),
    /// A directly recommending body of 4.2 (主管部门); acts only on projects
    /// of units under it.
    BodyAuthority(BodyId),
    /// 市人力资源社会保障局会同财政局 — the city HR&SS bureau with the city
    /// finance bureau (5, 7.2, 7.3, 7.4).
    City,
    /// 市财政部门 — city finance, which recovers money (7.3).
    CityFinance,
    /// 专家组 — the city's expert group (5), for evaluations (7.2).
    ExpertGroup,
}

/// The role in which an actor acted, as recorded on an event. The identity
/// behind it is implied by the project (its unit, its seat), which the crate
/// checked when it decided.
///
/// ```
/// use skill_grants::lifecycle::Role;
/// use skill_grants::Lang;
/// assert_eq!(Role::CityFinance.name(Lang::Zh), "市财政部门");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// 项目建设单位 — the project's own unit.
    ProjectUnit,
    /// 属地人社、财政部门或主管部门 — the HR&SS and finance of the project's
    /// banner (4.1, 7.1), or its 4.2 body.
    LocalAuthority,
    /// 市人力资源社会保障局、财政局 — the city bureaus.
    City,
    /// 市财政部门 — city finance.
    CityFinance,
    /// 专家组 — the expert group.
    ExpertGroup,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [
        Role::ProjectUnit,
        Role::LocalAuthority,
        Role::City,
        Role::CityFinance,
        Role::ExpertGroup,
    ];

    /// The role's name.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::Role};
    /// assert_eq!(Role::ExpertGroup.name(Lang::En), "the expert group");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::ProjectUnit, Lang::Zh) => "项目建设单位",
            (Role::ProjectUnit, Lang::En) => "the project unit",
            (Role::LocalAuthority, Lang::Zh) => "属地人力资源社会保障、财政部门或主管部门",
            (Role::LocalAuthority, Lang::En) => {
                "the HR&SS and finance of the project's banner, or its supervising body"
            }
            (Role::City, Lang::Zh) => "市人力资源社会保障局、财政局",
            (Role::City, Lang::En) => "the city HR&SS bureau with the finance bureau",
            (Role::CityFinance, Lang::Zh) => "市财政部门",
            (Role::CityFinance, Lang::En) => "city finance",
            (Role::ExpertGroup, Lang::Zh) => "专家组",
            (Role::ExpertGroup, Lang::En) => "the expert group",
        }
    }
}

/// What the money of a project may be, or was attempted to be, spent on
/// (支出类别): the closed lists of 6.1 (bases) and 6.2 (studios), and the
/// prohibited spending of both.
///
/// ```
/// use skill_grants::lifecycle::SpendingCategory;
/// use skill_grants::{Lang, ProjectKind};
/// let c = SpendingCategory::RawMaterials;
/// assert_eq!(c.name(Lang::Zh), "原材料消耗");
/// assert_eq!(c.allowed_for(), Some(ProjectKind::TrainingBase));
/// assert!(SpendingCategory::Travel.is_prohibited());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpendingCategory {
    /// 技能研修实训设备的购置改造与维护 — equipment for skill study and practical
    /// training: purchase, renovation and maintenance (6.1).
    TrainingEquipment,
    /// 原材料消耗 — raw materials consumed (6.1).
    RawMaterials,
    /// 指导教师聘用 — hiring instructors (6.1).
    InstructorHire,
    /// 师资培训 — training the teaching staff (6.1).
    TeacherTraining,
    /// 培训基础设施完善 — improving training infrastructure (6.1).
    TrainingInfrastructure,
    /// 课程设置和教材开发 — curriculum and textbook development (6.1).
    CurriculumAndTextbooks,
    /// 与教学活动有关的科研活动 — research tied to teaching (6.1).
    TeachingResearch,
    /// 其他培训成本 — other training costs (6.1).
    OtherTrainingCosts,
    /// 技术技能创新研发 — technical-skill innovation R&D (6.2).
    InnovationResearch,
    /// 培训用品购置 — training supplies (6.2).
    TrainingSupplies,
    /// 技能交流推广 — skill exchange and promotion (6.2).
    SkillExchange,
    /// 差旅费 — travel; never allowed (6.1, 6.2).
    Travel,
    /// 劳务费 — labour fees; never allowed (6.1, 6.2).
    LabourFees,
    /// 与项目资金使用范围无关的其他支出 — anything outside the scope; never
    /// allowed (6.1, 6.2).
    OutOfScope,
}

impl SpendingCategory {
    /// Every category: the eight of 6.1, the three of 6.2, the three prohibited.
    pub const ALL: [SpendingCategory; 14] = [
        SpendingCategory::TrainingEquipment,
        SpendingCategory::RawMaterials,
        SpendingCategory::InstructorHire,
        SpendingCategory::TeacherTraining,
        SpendingCategory::TrainingInfrastructure,
        SpendingCategory::CurriculumAndTextbooks,
        SpendingCategory::TeachingResearch,
        SpendingCategory::OtherTrainingCosts,
        SpendingCategory::InnovationResearch,
        SpendingCategory::TrainingSupplies,
        SpendingCategory::SkillExchange,
        SpendingCategory::Travel,
        SpendingCategory::LabourFees,
        SpendingCategory::OutOfScope,
    ];

    /// The kind whose list holds this category; `None` for a prohibited one.
    ///
    /// ```
    /// use skill_grants::{ProjectKind, lifecycle::SpendingCategory};
    /// assert_eq!(SpendingCategory::SkillExchange.allowed_for(), Some(ProjectKind::Studio));
    /// assert_eq!(SpendingCategory::LabourFees.allowed_for(), None);
    /// ```
    pub const fn allowed_for(self) -> Option<ProjectKind> {
        match self {
            SpendingCategory::TrainingEquipment
            | SpendingCategory::RawMaterials
            | SpendingCategory::InstructorHire
            | SpendingCategory::TeacherTraining
            | SpendingCategory::TrainingInfrastructure
            | SpendingCategory::CurriculumAndTextbooks
            | SpendingCategory::TeachingResearch
            | SpendingCategory::OtherTrainingCosts => Some(ProjectKind::TrainingBase),
            SpendingCategory::InnovationResearch
            | SpendingCategory::TrainingSupplies
            | SpendingCategory::SkillExchange => Some(ProjectKind::Studio),
            SpendingCategory::Travel
            | SpendingCategory::LabourFees
            | SpendingCategory::OutOfScope => None,
        }
    }

    /// True for travel, labour fees and out-of-scope spending (6.1, 6.2).
    pub const fn is_prohibited(self) -> bool {
        self.allowed_for().is_none()
    }

    /// The category's name.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::SpendingCategory};
    /// assert_eq!(SpendingCategory::Travel.name(Lang::Zh), "差旅费");
    /// assert_eq!(SpendingCategory::TrainingSupplies.name(Lang::En), "training supplies");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SpendingCategory::TrainingEquipment, Lang::Zh) => "技能研修实训设备的购置改造与维护",
            (SpendingCategory::TrainingEquipment, Lang::En) => {
                "training equipment: purchase, renovation and maintenance"
            }
            (SpendingCategory::RawMaterials, Lang::Zh) => "原材料消耗",
            (SpendingCategory::RawMaterials, Lang::En) => "raw materials consumed",
            (SpendingCategory::InstructorHire, Lang::Zh) => "指导教师聘用",
            (SpendingCategory::InstructorHire, Lang::En) => "hiring instructors",
            (SpendingCategory::TeacherTraining, Lang::Zh) => "师资培训",
            (SpendingCategory::TeacherTraining, Lang::En) => "training the teaching staff",
            (SpendingCategory::TrainingInfrastructure, Lang::Zh) => "培训基础设施完善",
            (SpendingCategory::TrainingInfrastructure, Lang::En) => {
                "improving training infrastructure"
            }
            (SpendingCategory::CurriculumAndTextbooks, Lang::Zh) => "课程设置和教材开发",
            (SpendingCategory::CurriculumAndTextbooks, Lang::En) => {
                "curriculum and textbook development"
            }
            (SpendingCategory::TeachingResearch, Lang::Zh) => "与教学活动有关的科研活动",
            (SpendingCategory::TeachingResearch, Lang::En) => "research tied to teaching",
            (SpendingCategory::OtherTrainingCosts, Lang::Zh) => "其他培训成本",
            (SpendingCategory::OtherTrainingCosts, Lang::En) => "other training costs",
            (SpendingCategory::InnovationResearch, Lang::Zh) => "技术技能创新研发",
            (SpendingCategory::InnovationResearch, Lang::En) => "technical-skill innovation R&D",
            (SpendingCategory::TrainingSupplies, Lang::Zh) => "培训用品购置",
            (SpendingCategory::TrainingSupplies, Lang::En) => "training supplies",
            (SpendingCategory::SkillExchange, Lang::Zh) => "技能交流推广",
            (SpendingCategory::SkillExchange, Lang::En) => "skill exchange and promotion",
            (SpendingCategory::Travel, Lang::Zh) => "差旅费",
            (SpendingCategory::Travel, Lang::En) => "travel",
            (SpendingCategory::LabourFees, Lang::Zh) => "劳务费",
            (SpendingCategory::LabourFees, Lang::En) => "labour fees",
            (SpendingCategory::OutOfScope, Lang::Zh) => "与项目资金使用范围无关的其他支出",
            (SpendingCategory::OutOfScope, Lang::En) => "spending outside the project's scope",
        }
    }
}

/// A base's declared specialty, by its position in
/// [`ProjectStart::specialties`] (0 or 1). A cheap, copyable reference:
/// payments never carry the specialty's name.
///
/// ```
/// use skill_grants::lifecycle::SpecialtyIndex;
/// assert_eq!(SpecialtyIndex(1).0, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct SpecialtyIndex(pub u8);

/// One spending from the project's account (项目资金支出): category, amount
/// and, for a base, the specialty it serves (6.1, 6.2, 7.1). Copyable: the
/// ledger's hot path never allocates.
///
/// ```
/// use skill_grants::lifecycle::{Spend, SpendingCategory, SpecialtyIndex};
/// use skill_grants::Yuan;
/// let s = Spend::base(SpendingCategory::RawMaterials, Yuan::from_yuan(3_000), SpecialtyIndex(0));
/// assert_eq!(s.specialty, Some(SpecialtyIndex(0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Spend {
    /// What it pays for.
    pub category: SpendingCategory,
    /// How much.
    pub amount: Yuan,
    /// For a base: the declared specialty it serves. `None` for a studio.
    #[serde(default)]
    pub specialty: Option<SpecialtyIndex>,
}

impl Spend {
    /// A base's spending, for one of its specialties.
    pub const fn base(
        category: SpendingCategory,
        amount: Yuan,
        specialty: SpecialtyIndex,
    ) -> Spend {
        Spend {
            category,
            amount,
            specialty: Some(specialty),
        }
    }

    /// A studio's spending.
    ///
    /// ```
    /// use skill_grants::lifecycle::{Spend, SpendingCategory};
    /// assert!(Spend::studio(SpendingCategory::SkillExchange, skill_grants::Yuan::from_yuan(9)).specialty.is_none());
    /// ```
    pub const fn studio(category: SpendingCategory, amount: Yuan) -> Spend {
        Spend {
            category,
            amount,
            specialty: None,
        }
    }
}

/// A payment the ledger accepted: its date and spending. What the fast path
/// ([`super::Project::decide_payment`]) returns; [`super::Project::payment_event`]
/// makes the logged [`Event`](super::Event) of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// The day of the payment.
    pub on: NaiveDate,
    /// What was spent.
    pub spend: Spend,
}

/// What a phased evaluation found against the output requirements (分阶段评估, 7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvaluationRating {
    /// 达到产出要求 — meets the output requirements.
    MeetsRequirements,
    /// 部分达到 — partly meets them.
    PartlyMeets,
    /// 未达到 — does not meet them.
    FailsRequirements,
}

/// What an inspection found (检查, 7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InspectionResult {
    /// 未发现问题 — nothing wrong.
    Satisfactory,
    /// 发现问题 — problems found (to follow up, possibly to a verified finding).
    ProblemsFound,
}

/// A misconduct that, once verified (查明属实), grounds a revocation (7.2, R13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Misconduct {
    /// 弄虚作假 — fraud.
    Fraud,
    /// 未按照规定开展高技能人才培训工作 — training not carried out as required.
    TrainingNotCarriedOut,
}

/// Why a base's unit changes its name (7.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RenameCause {
    /// 机构改革 — institutional reform.
    InstitutionalReform,
    /// 机构重组 — restructuring.
    Restructuring,
    /// 其他原因 — another cause (the notice's 等).
    Other,
}

/// Why a studio's lead changes (7.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LeadChangeReason {
    /// 调离 — transfer.
    Transfer,
    /// 解聘 — dismissal.
    Dismissal,
    /// 退休 — retirement.
    Retirement,
    /// 其他原因 — another reason (the notice's 等).
    Other,
}

/// A former name of a base's unit, kept when a rename is approved (7.3, R14).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    /// The name.
    pub name: String,
    /// The day the rename was approved (from then on the new name applies).
    pub replaced_on: NaiveDate,
    /// Why it changed.
    pub cause: RenameCause,
}

/// A former lead of a studio, kept when a lead change is approved (7.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormerLead {
    /// The person's id.
    pub id: PersonId,
    /// The person's name.
    pub name: String,
    /// The day the change was approved (from then on the new lead leads).
    pub replaced_on: NaiveDate,
    /// Why they left.
    pub reason: LeadChangeReason,
}

/// A request awaiting the city's approval (7.3, 7.4, R15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "request", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PendingRequest {
    /// A rename (7.3).
    Rename {
        /// The day requested.
        requested_on: NaiveDate,
        /// The new name.
        new_name: String,
        /// Why.
        cause: RenameCause,
    },
    /// A lead change (7.4).
    LeadChange {
        /// The day requested.
        requested_on: NaiveDate,
        /// The proposed lead.
        new_lead: StudioLead,
        /// Why.
        reason: LeadChangeReason,
    },
}

/// A verified finding on record (7.2, R13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifiedFinding {
    /// The day verified.
    pub on: NaiveDate,
    /// What was found.
    pub misconduct: Misconduct,
    /// The host's reference.
    pub report: String,
}

/// The project's account (单独建账, 7.1, R12) and its recovery (7.2, 7.3, R13, R14).
///
/// At every moment: `released = spent + balance + returned_from_account` and
/// `recovery_ordered = returned_from_account + repaid + owed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ledger {
    /// Released into the account (5).
    pub released: Yuan,
    /// Paid out of the account (6.1, 6.2).
    pub spent: Yuan,
    /// Left in the account.
    pub balance: Yuan,
    /// Taken back from the account by city finance (7.2, 7.3).
    pub returned_from_account: Yuan,
    /// Recovery ordered (7.2: everything released; 7.3: released − spent).
    pub recovery_ordered: Yuan,
    /// Repaid by the unit after a revocation.
    pub repaid: Yuan,
    /// Still owed by the unit after a revocation.
    pub owed: Yuan,
    /// Spent money to be handled under asset rules after a dissolution (7.3, R14).
    pub spent_for_asset_rules: Yuan,
    /// Number of payments.
    pub payments: u64,
}

impl Ledger {
    /// A new account holding what was released, nothing spent or recovered.
    ///
    /// (Every amount starts from [`Yuan::ZERO`], never from `Yuan::default()`,
    /// so that all amounts keep two decimal places.)
    ///
    /// ```
    /// use skill_grants::{Yuan, lifecycle::Ledger};
    /// let l = Ledger::opened(Yuan::from_yuan(50_000));
    /// assert_eq!(l.balance, l.released);
    /// assert_eq!(l.spent.checked_add(l.owed)?, Yuan::ZERO);
    /// # Ok::<(), skill_grants::MoneyError>(())
    /// ```
    pub const fn opened(released: Yuan) -> Ledger {
        Ledger {
            released,
            spent: Yuan::ZERO,
            balance: released,
            returned_from_account: Yuan::ZERO,
            recovery_ordered: Yuan::ZERO,
            repaid: Yuan::ZERO,
            owed: Yuan::ZERO,
            spent_for_asset_rules: Yuan::ZERO,
            payments: 0,
        }
    }
}
