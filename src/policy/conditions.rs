//! Host-supplied unit conditions (R16): the conditions of the implementation
//! rules (实施细则) that clause 3.1 points to, which are not public; a host
//! supplies them in its policy.

use serde::{Deserialize, Serialize};

use crate::application::SkillLevel;
use crate::domain::ProjectKind;
use crate::lang::Lang;

/// A host-supplied unit condition (R16, cited as 3.1 plus the host's reference).
///
/// The implementation rules that 3.1 points to are not public; the crate ships
/// conditions only as a labelled example ([`UnitCondition::examples`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitCondition {
    /// The condition's id, unique within the policy.
    pub id: String,
    /// The host's own reference (article of the implementation rules).
    pub reference: String,
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// The kind it applies to; `None` (stated as `null`, never left out) for both.
    #[serde(deserialize_with = "super::data::stated")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "super::data::Stated<ProjectKind>")
    )]
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
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
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
