//! The application model: units (申报单位), studio leads (领办人), their history,
//! and applications.
//!
//! These are plain data, serializable, built by the host. Whether an
//! application is well formed and eligible is decided in [`crate::eligibility`].
//!
//! ```
//! use skill_grants::NaiveDate;
//! use skill_grants::application::*;
//! use skill_grants::domain::*;
//! use skill_grants::{Banner, ProjectKind};
//!
//! let unit = Unit::new(UnitId::new("U-001"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
//! let app = Application::training_base(
//!     "A-2022-001",
//!     unit,
//!     NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(),
//!     [Specialty::new("焊工")],
//! );
//! assert_eq!(app.kind, ProjectKind::TrainingBase);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{ApplicationId, PersonId, ProjectId, ProjectKind, Seat, Specialty, UnitId};

use crate::lang::Lang;

/// What kind of organisation a unit is (1.2.1, R1).
///
/// ```
/// use skill_grants::application::UnitKind;
/// assert!(UnitKind::KeyEnterprise.may_host_base());
/// assert!(!UnitKind::Other.may_host_base());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum UnitKind {
    /// 技工院校 — a technical school.
    TechnicalSchool,
    /// 职业院校 — a vocational college.
    VocationalCollege,
    /// 重点企业 — a key enterprise.
    KeyEnterprise,
    /// Any other kind of unit (其他单位).
    Other,
}

impl UnitKind {
    /// R1: only technical schools, vocational colleges and key enterprises may
    /// host a training base.
    pub const fn may_host_base(self) -> bool {
        !matches!(self, UnitKind::Other)
    }

    /// The kind's name.
    ///
    /// ```
    /// use skill_grants::{Lang, application::UnitKind};
    /// assert_eq!(UnitKind::TechnicalSchool.name(Lang::Zh), "技工院校");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (UnitKind::TechnicalSchool, Lang::Zh) => "技工院校",
            (UnitKind::TechnicalSchool, Lang::En) => "technical school",
            (UnitKind::VocationalCollege, Lang::Zh) => "职业院校",
            (UnitKind::VocationalCollege, Lang::En) => "vocational college",
            (UnitKind::KeyEnterprise, Lang::Zh) => "重点企业",
            (UnitKind::KeyEnterprise, Lang::En) => "key enterprise",
            (UnitKind::Other, Lang::Zh) => "其他单位",
            (UnitKind::Other, Lang::En) => "other unit",
        }
    }
}

/// The level of a title a unit already holds (3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum TitleLevel {
    /// 自治区级 — Inner Mongolia Autonomous Region level.
    Region,
    /// 国家级 — national level.
    National,
}

/// A region-level or national base or studio title the unit holds (3.2, R5).
///
/// ```
/// use skill_grants::{ProjectKind, application::{Title, TitleLevel}};
/// let t = Title { kind: ProjectKind::Studio, level: TitleLevel::National, funded: true };
/// assert!(t.funded);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Title {
    /// Base or studio.
    pub kind: ProjectKind,
    /// Region or national.
    pub level: TitleLevel,
    /// Whether the title came with funding (获得过资金资助).
    pub funded: bool,
}

/// An earlier city-level project of the unit under this programme (3.3, 3.4).
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::{ProjectKind, application::PastProject};
/// let p = PastProject::open("2022-S-01", ProjectKind::Studio, NaiveDate::from_ymd_opt(2022, 9, 1).unwrap());
/// assert!(p.closed_on.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PastProject {
    /// The project's id.
    pub id: ProjectId,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The day its subsidy was released (资金下达).
    pub released_on: NaiveDate,
    /// The day it was closed (accepted, revoked or dissolved), if it was.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    /// The day it passed acceptance (验收合格), if it did.
    #[serde(default)]
    pub accepted_on: Option<NaiveDate>,
    /// Whether acceptance rated it effective (效能显著、效果明显).
    #[serde(default)]
    pub rated_effective: bool,
    /// Whether its title was revoked (撤销称号).
    #[serde(default)]
    pub revoked: bool,
}

impl PastProject {
    /// A project still open: released, not closed, not accepted, not revoked.
    pub fn open(id: impl Into<String>, kind: ProjectKind, released_on: NaiveDate) -> PastProject {
        PastProject {
            id: ProjectId::new(id),
            kind,
            released_on,
            closed_on: None,
            accepted_on: None,
            rated_effective: false,
            revoked: false,
        }
    }
}

/// A unit that applies (申报单位).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The host's id.
    pub id: UnitId,
    /// The unit's name (invented in samples; never a real unit).
    pub name: String,
    /// What kind of organisation it is.
    pub kind: UnitKind,
    /// Where it sits.
    pub seat: Seat,
    /// Whether it is an independent legal person (独立法人资格, 4.2).
    pub independent_legal_person: bool,
    /// Region-level or national titles it holds.
    #[serde(default)]
    pub titles: Vec<Title>,
    /// Its earlier city-level projects.
    #[serde(default)]
    pub projects: Vec<PastProject>,
    /// Facts the host's unit conditions (R16) read, if supplied.
    #[serde(default)]
    pub facts: UnitFacts,
}

impl Unit {
    /// A unit with no history, independent legal person, no host facts.
    ///
    /// The id is a [`UnitId`], so that it cannot be swapped with the name
    /// unnoticed.
    ///
    /// ```
    /// use skill_grants::{Banner, application::{Unit, UnitKind}, domain::{Seat, UnitId}};
    /// let u = Unit::new(UnitId::new("U-1"), "乌审旗某技工学校", UnitKind::TechnicalSchool, Seat::Banner(Banner::UxinBanner));
    /// assert!(u.independent_legal_person);
    /// ```
    pub fn new(id: UnitId, name: impl Into<String>, kind: UnitKind, seat: Seat) -> Unit {
        Unit {
            id,
            name: name.into(),
            kind,
            seat,
            independent_legal_person: true,
            titles: Vec::new(),
            projects: Vec::new(),
            facts: UnitFacts::default(),
        }
    }
}

/// Facts about a unit that only host-supplied conditions (R16) read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitFacts {
    /// Training site area in square metres.
    #[serde(default)]
    pub site_area_m2: Option<u32>,
    /// People trained in the last year.
    #[serde(default)]
    pub yearly_trainees: Option<u32>,
    /// Named yes/no facts the host's conditions may require (e.g. `"safety-certified"`).
    #[serde(default)]
    pub declarations: Vec<String>,
}

/// The seven honours of 1.2.2, one of which a studio's lead must hold (R2).
///
/// ```
/// use skill_grants::{Lang, application::Honour};
/// assert_eq!(Honour::ALL.len(), 7);
/// assert_eq!(Honour::OrdosCraftsman.name(Lang::Zh), "鄂尔多斯工匠");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum Honour {
    /// 中华技能大奖获得者 — winner of the China Skills Award.
    ChinaSkillsAward,
    /// 全国技术能手 — National Technical Expert.
    NationalTechnicalExpert,
    /// 自治区技师高级技师突出贡献奖获得者 — region award for outstanding technicians and senior technicians.
    RegionOutstandingTechnicianAward,
    /// 全区技术能手 — Region Technical Expert.
    RegionTechnicalExpert,
    /// 全市技术能手 — City Technical Expert.
    CityTechnicalExpert,
    /// 鄂尔多斯工匠 — Ordos Craftsman.
    OrdosCraftsman,
    /// 掌握传统技能、民间绝技的技能大师 — master of a traditional skill or folk craft.
    TraditionalSkillMaster,
}

impl Honour {
    /// The seven honours, in the order of 1.2.2.
    pub const ALL: [Honour; 7] = [
        Honour::ChinaSkillsAward,
        Honour::NationalTechnicalExpert,
        Honour::RegionOutstandingTechnicianAward,
        Honour::RegionTechnicalExpert,
        Honour::CityTechnicalExpert,
        Honour::OrdosCraftsman,
        Honour::TraditionalSkillMaster,
    ];

    /// The honour's name.
    ///
    /// ```
    /// use skill_grants::{Lang, application::Honour};
    /// assert_eq!(Honour::ChinaSkillsAward.name(Lang::En), "China Skills Award winner");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Honour::ChinaSkillsAward, Lang::Zh) => "中华技能大奖获得者",
            (Honour::ChinaSkillsAward, Lang::En) => "China Skills Award winner",
            (Honour::NationalTechnicalExpert, Lang::Zh) => "全国技术能手",
            (Honour::NationalTechnicalExpert, Lang::En) => "National Technical Expert",
            (Honour::RegionOutstandingTechnicianAward, Lang::Zh) => {
                "自治区技师高级技师突出贡献奖获得者"
            }
            (Honour::RegionOutstandingTechnicianAward, Lang::En) => {
                "Inner Mongolia award for outstanding technicians and senior technicians"
            }
            (Honour::RegionTechnicalExpert, Lang::Zh) => "全区技术能手",
            (Honour::RegionTechnicalExpert, Lang::En) => "Region Technical Expert",
            (Honour::CityTechnicalExpert, Lang::Zh) => "全市技术能手",
            (Honour::CityTechnicalExpert, Lang::En) => "City Technical Expert",
            (Honour::OrdosCraftsman, Lang::Zh) => "鄂尔多斯工匠",
            (Honour::OrdosCraftsman, Lang::En) => "Ordos Craftsman",
            (Honour::TraditionalSkillMaster, Lang::Zh) => "掌握传统技能、民间绝技的技能大师",
            (Honour::TraditionalSkillMaster, Lang::En) => {
                "master of a traditional skill or folk craft"
            }
        }
    }
}

/// A vocational skill level (职业技能等级), for host conditions (R16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum SkillLevel {
    /// 五级/初级工.
    Level5,
    /// 四级/中级工.
    Level4,
    /// 三级/高级工.
    Level3,
    /// 二级/技师.
    Level2,
    /// 一级/高级技师.
    Level1,
}

/// A studio lead (领办人): the master the studio relies on (1.2.2, 7.4).
///
/// ```
/// use skill_grants::application::{Honour, StudioLead};
/// use skill_grants::domain::PersonId;
/// let lead = StudioLead::new(PersonId::new("P-1"), "王某", [Honour::CityTechnicalExpert]);
/// assert_eq!(lead.honours.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StudioLead {
    /// The host's id of the person.
    pub id: PersonId,
    /// The person's name (invented in samples).
    pub name: String,
    /// Honours of 1.2.2 the person holds.
    #[serde(default)]
    pub honours: Vec<Honour>,
    /// Skill level, if the host's conditions need it.
    #[serde(default)]
    pub skill_level: Option<SkillLevel>,
    /// Date of birth, if the host's conditions need it.
    #[serde(default)]
    pub born_on: Option<NaiveDate>,
}

impl StudioLead {
    /// A lead with honours and no other facts.
    ///
    /// Give the id as a [`PersonId`], so that it cannot be swapped with the
    /// name unnoticed. (A string still converts into the id for now; a later
    /// release takes [`PersonId`] only.)
    ///
    /// ```
    /// use skill_grants::application::{Honour, StudioLead};
    /// use skill_grants::domain::PersonId;
    /// let lead = StudioLead::new(PersonId::new("P-1"), "王某", [Honour::OrdosCraftsman]);
    /// assert_eq!(lead.id.as_str(), "P-1");
    /// ```
    pub fn new(
        id: PersonId,
        name: impl Into<String>,
        honours: impl IntoIterator<Item = Honour>,
    ) -> StudioLead {
        StudioLead {
            id,
            name: name.into(),
            honours: honours.into_iter().collect(),
            skill_level: None,
            born_on: None,
        }
    }
}

/// An application (申报) for one project in one annual round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The host's id; also the tie-breaker of last resort in a ranking (R9).
    pub id: ApplicationId,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The applying unit, with its history.
    pub unit: Unit,
    /// The round's reference date, against which time bars are judged.
    pub reference_date: NaiveDate,
    /// For a base: its declared specialties (6.1). Empty for a studio.
    #[serde(default)]
    pub specialties: Vec<Specialty>,
    /// For a studio: its lead. None for a base.
    #[serde(default)]
    pub lead: Option<StudioLead>,
}

impl Application {
    /// An application for a training base.
    pub fn training_base(
        id: impl Into<String>,
        unit: Unit,
        reference_date: NaiveDate,
        specialties: impl IntoIterator<Item = Specialty>,
    ) -> Application {
        Application {
            id: ApplicationId::new(id),
            kind: ProjectKind::TrainingBase,
            unit,
            reference_date,
            specialties: specialties.into_iter().collect(),
            lead: None,
        }
    }

    /// An application for a skill master studio.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::{Banner, ProjectKind, application::*, domain::*};
    /// let unit = Unit::new(UnitId::new("U-2"), "杭锦旗某能源企业", UnitKind::KeyEnterprise, Seat::Banner(Banner::HangginBanner));
    /// let lead = StudioLead::new(PersonId::new("P-2"), "李某", [Honour::OrdosCraftsman]);
    /// let app = Application::studio("A-2", unit, NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(), lead);
    /// assert_eq!(app.kind, ProjectKind::Studio);
    /// ```
    pub fn studio(
        id: impl Into<String>,
        unit: Unit,
        reference_date: NaiveDate,
        lead: StudioLead,
    ) -> Application {
        Application {
            id: ApplicationId::new(id),
            kind: ProjectKind::Studio,
            unit,
            reference_date,
            specialties: Vec::new(),
            lead: Some(lead),
        }
    }
}
