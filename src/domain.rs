//! The domain's shared terms (共用术语): the two kinds of project, the nine
//! banners and districts, the two funds, a unit's seat, and the ids of units,
//! people, applications, projects and bodies. The application model is in
//! [`crate::application`]; the languages of explanations in [`crate::lang`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::clause::ClauseId;
use crate::lang::Lang;

/// The two kinds of project the notice creates (建设项目).
///
/// ```
/// use skill_grants::{ClauseId, ProjectKind};
/// assert_eq!(ProjectKind::TrainingBase.clause(), ClauseId::C1_2_1);
/// assert_eq!(ProjectKind::Studio.fund_clause(), ClauseId::C6_2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    /// 高技能人才培训基地 — a city-level high-skill talent training base (1.2.1).
    TrainingBase,
    /// 技能大师工作室 — a city-level skill master studio (1.2.2).
    Studio,
}

impl ProjectKind {
    /// Both kinds, bases first.
    pub const ALL: [ProjectKind; 2] = [ProjectKind::TrainingBase, ProjectKind::Studio];

    /// The kind's name in a language.
    ///
    /// ```
    /// use skill_grants::{Lang, ProjectKind};
    /// assert_eq!(ProjectKind::Studio.name(Lang::Zh), "技能大师工作室");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ProjectKind::TrainingBase, Lang::Zh) => "高技能人才培训基地",
            (ProjectKind::TrainingBase, Lang::En) => "high-skill talent training base",
            (ProjectKind::Studio, Lang::Zh) => "技能大师工作室",
            (ProjectKind::Studio, Lang::En) => "skill master studio",
        }
    }

    /// The clause that creates this kind (1.2.1 or 1.2.2).
    ///
    /// ```
    /// assert_eq!(skill_grants::ProjectKind::Studio.clause().as_str(), "1.2.2");
    /// ```
    pub const fn clause(self) -> ClauseId {
        match self {
            ProjectKind::TrainingBase => ClauseId::C1_2_1,
            ProjectKind::Studio => ClauseId::C1_2_2,
        }
    }

    /// The clause on the use of this kind's funds and its period (6.1 or 6.2).
    ///
    /// ```
    /// assert_eq!(skill_grants::ProjectKind::TrainingBase.fund_clause().as_str(), "6.1");
    /// ```
    pub const fn fund_clause(self) -> ClauseId {
        match self {
            ProjectKind::TrainingBase => ClauseId::C6_1,
            ProjectKind::Studio => ClauseId::C6_2,
        }
    }
}

impl fmt::Display for ProjectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

/// The nine banners and districts of Ordos (旗区), the recommenders of 4.1.
///
/// ```
/// use skill_grants::{Banner, Lang};
/// assert_eq!(Banner::ALL.len(), 9);
/// assert_eq!(Banner::Dongsheng.name(Lang::Zh), "东胜区");
/// assert_eq!(Banner::EjinHoroBanner.name(Lang::En), "Ejin Horo Banner");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Banner {
    /// 东胜区 — Dongsheng District.
    Dongsheng,
    /// 康巴什区 — Kangbashi District.
    Kangbashi,
    /// 达拉特旗 — Dalad Banner.
    DaladBanner,
    /// 准格尔旗 — Jungar Banner.
    JungarBanner,
    /// 鄂托克前旗 — Otog Front Banner.
    OtogFrontBanner,
    /// 鄂托克旗 — Otog Banner.
    OtogBanner,
    /// 杭锦旗 — Hanggin Banner.
    HangginBanner,
    /// 乌审旗 — Uxin Banner.
    UxinBanner,
    /// 伊金霍洛旗 — Ejin Horo Banner.
    EjinHoroBanner,
}

impl Banner {
    /// All nine, in the order of the clause index.
    pub const ALL: [Banner; 9] = [
        Banner::Dongsheng,
        Banner::Kangbashi,
        Banner::DaladBanner,
        Banner::JungarBanner,
        Banner::OtogFrontBanner,
        Banner::OtogBanner,
        Banner::HangginBanner,
        Banner::UxinBanner,
        Banner::EjinHoroBanner,
    ];

    /// The banner's or district's name.
    ///
    /// ```
    /// use skill_grants::{Banner, Lang};
    /// assert_eq!(Banner::UxinBanner.name(Lang::Zh), "乌审旗");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Banner::Dongsheng, Lang::Zh) => "东胜区",
            (Banner::Dongsheng, Lang::En) => "Dongsheng District",
            (Banner::Kangbashi, Lang::Zh) => "康巴什区",
            (Banner::Kangbashi, Lang::En) => "Kangbashi District",
            (Banner::DaladBanner, Lang::Zh) => "达拉特旗",
            (Banner::DaladBanner, Lang::En) => "Dalad Banner",
            (Banner::JungarBanner, Lang::Zh) => "准格尔旗",
            (Banner::JungarBanner, Lang::En) => "Jungar Banner",
            (Banner::OtogFrontBanner, Lang::Zh) => "鄂托克前旗",
            (Banner::OtogFrontBanner, Lang::En) => "Otog Front Banner",
            (Banner::OtogBanner, Lang::Zh) => "鄂托克旗",
            (Banner::OtogBanner, Lang::En) => "Otog Banner",
            (Banner::HangginBanner, Lang::Zh) => "杭锦旗",
            (Banner::HangginBanner, Lang::En) => "Hanggin Banner",
            (Banner::UxinBanner, Lang::Zh) => "乌审旗",
            (Banner::UxinBanner, Lang::En) => "Uxin Banner",
            (Banner::EjinHoroBanner, Lang::Zh) => "伊金霍洛旗",
            (Banner::EjinHoroBanner, Lang::En) => "Ejin Horo Banner",
        }
    }
}

impl fmt::Display for Banner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

/// A source of subsidy money (2.2).
///
/// ```
/// use skill_grants::{Fund, Lang};
/// assert_eq!(Fund::EmploymentSubsidy.name(Lang::Zh), "就业补助资金");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fund {
    /// 就业补助资金 — the employment subsidy fund, drawn first (2.2).
    EmploymentSubsidy,
    /// 市人才专项资金 — the city talent special fund, for any shortfall (2.2).
    TalentSpecial,
}

impl Fund {
    /// Both funds, in the notice's order of draw.
    pub const ALL: [Fund; 2] = [Fund::EmploymentSubsidy, Fund::TalentSpecial];

    /// The fund's name.
    ///
    /// ```
    /// use skill_grants::{Fund, Lang};
    /// assert_eq!(Fund::TalentSpecial.name(Lang::En), "city talent special fund");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Fund::EmploymentSubsidy, Lang::Zh) => "就业补助资金",
            (Fund::EmploymentSubsidy, Lang::En) => "employment subsidy fund",
            (Fund::TalentSpecial, Lang::Zh) => "市人才专项资金",
            (Fund::TalentSpecial, Lang::En) => "city talent special fund",
        }
    }
}

impl fmt::Display for Fund {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

crate::id::text_id!(
    /// The host's id of a unit (申报单位).
    ///
    /// ```
    /// assert_eq!(skill_grants::domain::UnitId::new("U-1").as_str(), "U-1");
    /// ```
    UnitId
);
crate::id::text_id!(
    /// The host's id of an application (申报).
    ///
    /// ```
    /// assert_eq!(skill_grants::domain::ApplicationId::from("A-1").to_string(), "A-1");
    /// ```
    ApplicationId
);
crate::id::text_id!(
    /// The host's id of a person who leads or may lead a studio (领办人).
    ///
    /// ```
    /// assert_eq!(skill_grants::domain::PersonId::new("P-1").as_str(), "P-1");
    /// ```
    PersonId
);
crate::id::text_id!(
    /// The id of a city-level project (建设项目).
    ///
    /// ```
    /// assert_eq!(skill_grants::domain::ProjectId::new("2022-B-01").as_str(), "2022-B-01");
    /// ```
    ProjectId
);
crate::id::text_id!(
    /// The id of a directly recommending body of 4.2 (市直委办室局、大企业、事业单位、驻市单位).
    ///
    /// ```
    /// assert_eq!(skill_grants::domain::BodyId::new("city-transport").as_str(), "city-transport");
    /// ```
    BodyId
);

/// A specialty or occupation (专业（职业）) a training base declares (6.1).
///
/// ```
/// let s = skill_grants::domain::Specialty::new("电工");
/// assert_eq!(s.as_str(), "电工");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Specialty(pub String);

impl Specialty {
    /// Wraps a name.
    pub fn new(name: impl Into<String>) -> Self {
        Specialty(name.into())
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Specialty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a unit sits, which decides who may recommend it (4.1, 4.2).
///
/// ```
/// use skill_grants::{Banner, domain::{BodyId, Seat}};
/// let s = Seat::Body(BodyId::new("city-energy-bureau"));
/// assert_ne!(s, Seat::Banner(Banner::Kangbashi));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum Seat {
    /// In a banner's or district's jurisdiction (4.1).
    Banner(Banner),
    /// Directly under a recommending body of 4.2.
    Body(BodyId),
}

impl Seat {
    /// The seat's name: a banner's or district's name in the language, a
    /// body's id as it is.
    ///
    /// ```
    /// use skill_grants::{Banner, Lang, domain::{BodyId, Seat}};
    /// assert_eq!(Seat::Banner(Banner::Dongsheng).name(Lang::Zh), "东胜区");
    /// assert_eq!(Seat::Body(BodyId::new("city-transport")).name(Lang::En), "city-transport");
    /// ```
    pub fn name(&self, lang: Lang) -> &str {
        match self {
            Seat::Banner(b) => b.name(lang),
            Seat::Body(id) => id.as_str(),
        }
    }
}
