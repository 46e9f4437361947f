//! The wording of each rule, in Chinese and English: the rule's name, the
//! reason a finding gives from its facts, and the remedy — one section per
//! rule, in the order of the notice. [`render`](super::render) assembles
//! these into a finding's and a decision's text.

use std::fmt;

use chrono::NaiveDate;

use super::{
    ConditionCheck, EarlierProject, Facts, Finding, HonourSet, Outcome, Remedy, RuleId, Standing,
};
use crate::application::{SkillLevel, TitleLevel};
use crate::domain::ProjectKind;
use crate::lang::{Day, Lang, clause_name};
use crate::policy::{ConditionTest, ConstructionBar, UnitCondition};

impl RuleId {
    /// The rule's short name.
    ///
    /// ```
    /// use skill_grants::{Lang, eligibility::RuleId};
    /// assert_eq!(RuleId::ConstructionPeriod.name(Lang::Zh), "建设期限制");
    /// assert_eq!(RuleId::ConstructionPeriod.name(Lang::En), "construction period");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RuleId::HostKind, Lang::Zh) => "承建单位类别",
            (RuleId::HostKind, Lang::En) => "host kind",
            (RuleId::LeadHonours, Lang::Zh) => "领办人荣誉",
            (RuleId::LeadHonours, Lang::En) => "lead's honours",
            (RuleId::HostCondition, Lang::Zh) => "实施细则单位条件",
            (RuleId::HostCondition, Lang::En) => "unit condition of the implementation rules",
            (RuleId::RegionTitle, Lang::Zh) => "自治区级以上称号",
            (RuleId::RegionTitle, Lang::En) => "region-or-national title",
            (RuleId::ConstructionPeriod, Lang::Zh) => "建设期限制",
            (RuleId::ConstructionPeriod, Lang::En) => "construction period",
            (RuleId::Reapplication, Lang::Zh) => "再次申报",
            (RuleId::Reapplication, Lang::En) => "reapplication",
            (RuleId::DirectlyUnderBody, Lang::Zh) => "直属单位推荐",
            (RuleId::DirectlyUnderBody, Lang::En) => "direct recommendation",
            (RuleId::Specialties, Lang::Zh) => "专业（职业）数量",
            (RuleId::Specialties, Lang::En) => "number of specialties",
        }
    }
}

fn level_name(level: TitleLevel, lang: Lang) -> &'static str {
    match (level, lang) {
        (TitleLevel::Region, Lang::Zh) => "自治区级",
        (TitleLevel::Region, Lang::En) => "region-level",
        (TitleLevel::National, Lang::Zh) => "国家级",
        (TitleLevel::National, Lang::En) => "national",
    }
}

fn skill_name(level: SkillLevel, lang: Lang) -> &'static str {
    match (level, lang) {
        (SkillLevel::Level5, Lang::Zh) => "五级/初级工",
        (SkillLevel::Level5, Lang::En) => "level 5 (junior worker)",
        (SkillLevel::Level4, Lang::Zh) => "四级/中级工",
        (SkillLevel::Level4, Lang::En) => "level 4 (intermediate worker)",
        (SkillLevel::Level3, Lang::Zh) => "三级/高级工",
        (SkillLevel::Level3, Lang::En) => "level 3 (senior worker)",
        (SkillLevel::Level2, Lang::Zh) => "二级/技师",
        (SkillLevel::Level2, Lang::En) => "level 2 (technician)",
        (SkillLevel::Level1, Lang::Zh) => "一级/高级技师",
        (SkillLevel::Level1, Lang::En) => "level 1 (senior technician)",
    }
}

pub(super) fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The clause as cited in a language: `三（三）`, `clause 3.3`.
pub(super) fn cite(rule: RuleId, lang: Lang) -> Cite {
    Cite(rule, lang)
}

pub(super) struct Cite(RuleId, Lang);

impl fmt::Display for Cite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&clause_name(self.0.clause(), self.1))
    }
}

fn honours(f: &mut fmt::Formatter<'_>, held: HonourSet, lang: Lang) -> fmt::Result {
    let sep = match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    };
    for (i, h) in held.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        f.write_str(h.name(lang))?;
    }
    Ok(())
}

pub(super) fn reason(
    f: &mut fmt::Formatter<'_>,
    finding: &Finding,
    condition: Option<&UnitCondition>,
    lang: Lang,
) -> fmt::Result {
    let outcome = finding.outcome;
    match &finding.facts {
        Facts::HostKind { unit_kind } => match (outcome, lang) {
            (Outcome::NotApplicable, Lang::Zh) => {
                f.write_str("承建单位类别只适用于培训基地，本申报为技能大师工作室。")
            }
            (Outcome::NotApplicable, Lang::En) => {
                f.write_str("The host kind concerns training bases only; this is a studio application.")
            }
            (Outcome::Passed, Lang::Zh) => write!(
                f,
                "申报单位为{}，属于可承建培训基地的技工院校、职业院校或重点企业。",
                unit_kind.name(lang)
            ),
            (Outcome::Passed, Lang::En) => write!(
                f,
                "The unit is a {}, one of the kinds that may host a training base.",
                unit_kind.name(lang)
            ),
            (Outcome::Failed, Lang::Zh) => write!(
                f,
                "申报单位为{}；培训基地只在技工院校、职业院校和重点企业实施。",
                unit_kind.name(lang)
            ),
            (Outcome::Failed, Lang::En) => write!(
                f,
                "The unit is of the kind “{}”; training bases are set up only in technical schools, vocational colleges and key enterprises.",
                unit_kind.name(lang)
            ),
        },
        Facts::LeadHonours { held } => match (outcome, lang) {
            (Outcome::NotApplicable, Lang::Zh) => {
                f.write_str("领办人荣誉只适用于技能大师工作室，本申报为培训基地。")
            }
            (Outcome::NotApplicable, Lang::En) => f.write_str(
                "The lead's honours concern studios only; this is a training base application.",
            ),
            (Outcome::Passed, Lang::Zh) => {
                f.write_str("领办人持有一（二）2 所列荣誉：")?;
                honours(f, *held, lang)?;
                f.write_str("。")
            }
            (Outcome::Passed, Lang::En) => {
                f.write_str("Honours of clause 1.2.2 held by the lead: ")?;
                honours(f, *held, lang)?;
                f.write_str(".")
            }
            (Outcome::Failed, Lang::Zh) => {
                f.write_str("领办人未持有一（二）2 所列七项荣誉中的任何一项。")
            }
            (Outcome::Failed, Lang::En) => {
                f.write_str("The lead holds none of the seven honours listed in clause 1.2.2.")
            }
        },
        Facts::HostCondition {
            applies_to, check, ..
        } => {
            if outcome == Outcome::NotApplicable {
                let reads_lead = matches!(
                    check,
                    ConditionCheck::LeadSkillLevel { .. } | ConditionCheck::LeadAge { .. }
                );
                return match (applies_to, reads_lead, lang) {
                    (Some(k), false, Lang::Zh) | (Some(k @ ProjectKind::Studio), true, Lang::Zh) => {
                        write!(f, "该条件只适用于{}。", k.name(lang))
                    }
                    (Some(k), false, Lang::En) | (Some(k @ ProjectKind::Studio), true, Lang::En) => {
                        write!(f, "This condition concerns {} applications only.", k.name(lang))
                    }
                    (_, _, Lang::Zh) => f.write_str("该条件针对技能大师工作室领办人，培训基地申报无领办人。"),
                    (_, _, Lang::En) => f.write_str(
                        "This condition reads a studio's lead; a training base application has none.",
                    ),
                };
            }
            check_text(f, check, condition, lang)
        }
        Facts::RegionTitle {
            barring,
            same_kind_unfunded,
            other_kind,
        } => match (barring, lang) {
            (Some(t), Lang::Zh) => write!(
                f,
                "单位已获评{}{}并获得过资金资助，不再申报市级同一建设项目。",
                level_name(t.level, lang),
                t.kind.name(lang)
            ),
            (Some(t), Lang::En) => write!(
                f,
                "The unit already holds a funded {} {} title and may not apply for the same city-level project.",
                level_name(t.level, lang),
                t.kind.name(lang)
            ),
            (None, Lang::Zh) if *same_kind_unfunded == 0 && *other_kind == 0 => {
                f.write_str("单位未获评自治区级以上同类称号。")
            }
            (None, Lang::En) if *same_kind_unfunded == 0 && *other_kind == 0 => {
                f.write_str("The unit holds no region-or-national title of this kind.")
            }
            (None, _) => {
                match lang {
                    Lang::Zh => f.write_str("单位无获得过资金资助的自治区级以上同类称号（不构成限制：")?,
                    Lang::En => f.write_str(
                        "The unit holds no funded region-or-national title of this kind (not barring: ",
                    )?,
                }
                let unfunded = *same_kind_unfunded;
                let other = *other_kind;
                match lang {
                    Lang::Zh if unfunded > 0 => write!(f, "未获资助的同类称号 {unfunded} 项")?,
                    Lang::En if unfunded > 0 => write!(
                        f,
                        "{unfunded} unfunded {} of this kind",
                        plural(unfunded, "title", "titles")
                    )?,
                    _ => {}
                }
                match lang {
                    Lang::Zh if unfunded > 0 && other > 0 => f.write_str("、")?,
                    Lang::En if unfunded > 0 && other > 0 => f.write_str(" and ")?,
                    _ => {}
                }
                match lang {
                    Lang::Zh if other > 0 => write!(f, "另一类称号 {other} 项")?,
                    Lang::En if other > 0 => write!(
                        f,
                        "{other} {} of the other kind",
                        plural(other, "title", "titles")
                    )?,
                    _ => {}
                }
                match lang {
                    Lang::Zh => f.write_str("）。"),
                    Lang::En => f.write_str(")."),
                }
            }
        },
        Facts::ConstructionPeriod {
            reference_date,
            bar,
            projects,
            barring,
            latest,
        } => {
            let reference = Day(*reference_date, lang);
            match (latest, lang) {
                (None, Lang::Zh) if *projects == 0 => {
                    f.write_str("单位此前未获得市级建设项目资金支持。")
                }
                (None, Lang::En) if *projects == 0 => {
                    f.write_str("The unit has had no funded city-level project.")
                }
                (None, Lang::Zh) if *projects == 1 => write!(
                    f,
                    "单位的 1 个市级建设项目在参考日期{reference}不在建设期内。"
                ),
                (None, Lang::En) if *projects == 1 => write!(
                    f,
                    "The unit's one funded city-level project is not in its construction period on the reference date, {reference}."
                ),
                (None, Lang::Zh) => write!(
                    f,
                    "单位的 {projects} 个市级建设项目在参考日期{reference}均不在建设期内。"
                ),
                (None, Lang::En) => write!(
                    f,
                    "None of the unit's {projects} funded city-level projects is in its construction period on the reference date, {reference}."
                ),
                (Some(p), Lang::Zh) => {
                    write!(
                        f,
                        "市级{}项目 {} 于{}下达资金，完成期限为{}",
                        p.kind.name(lang),
                        p.id,
                        Day(p.released_on, lang),
                        Day(p.deadline, lang)
                    )?;
                    if let Some(c) = p.closed_on {
                        write!(f, "，{}结项", Day(c, lang))?;
                    }
                    write!(f, "；参考日期{reference}仍在建设期内")?;
                    if *bar == ConstructionBar::UntilAccepted {
                        f.write_str("（按严格解读，建设期持续至项目验收或结项）")?;
                    }
                    if *barring > 1 {
                        write!(f, "（共 {barring} 个项目在建设期内）")?;
                    }
                    f.write_str("，单位不参加当年申报。")
                }
                (Some(p), Lang::En) => {
                    write!(
                        f,
                        "City-level {} {}: funds released on {}, completion deadline {}",
                        p.kind.name(lang),
                        p.id,
                        Day(p.released_on, lang),
                        Day(p.deadline, lang)
                    )?;
                    if let Some(c) = p.closed_on {
                        write!(f, ", closed on {}", Day(c, lang))?;
                    }
                    write!(
                        f,
                        "; on the reference date, {reference}, it is still in its construction period"
                    )?;
                    if *bar == ConstructionBar::UntilAccepted {
                        f.write_str(
                            " (stricter reading: the period lasts until the project is accepted or closed)",
                        )?;
                    }
                    if *barring > 1 {
                        write!(f, " ({barring} projects are in their construction period)")?;
                    }
                    f.write_str(", so the unit does not take part in this year's round.")
                }
            }
        }
        Facts::Reapplication {
            reference_date,
            after_months,
            earlier,
            blocking,
            worst,
        } => match (worst, lang) {
            (None, Lang::Zh) if *earlier == 0 => f.write_str("单位此前没有同类市级建设项目。"),
            (None, Lang::En) if *earlier == 0 => {
                f.write_str("The unit has had no earlier city-level project of this kind.")
            }
            (None, Lang::Zh) if *earlier == 1 => write!(
                f,
                "单位此前 1 个同类项目已验收合格满 {after_months} 个月，且效能显著、效果明显。"
            ),
            (None, Lang::En) if *earlier == 1 => write!(
                f,
                "The unit's one earlier project of this kind passed acceptance at least {after_months} months before the reference date and was rated effective."
            ),
            (None, Lang::Zh) => write!(
                f,
                "单位此前 {earlier} 个同类项目均已验收合格满 {after_months} 个月，且效能显著、效果明显。"
            ),
            (None, Lang::En) => write!(
                f,
                "Each of the unit's {earlier} earlier projects of this kind passed acceptance at least {after_months} months before the reference date and was rated effective."
            ),
            (Some(w), _) => {
                earlier_text(f, w, *reference_date, *after_months, lang)?;
                match lang {
                    Lang::Zh if *blocking > 1 => {
                        write!(f, "（共 {blocking} 个同类项目不满足再次申报条件）")
                    }
                    Lang::En if *blocking > 1 => write!(
                        f,
                        " ({blocking} earlier projects of this kind stand in the way)"
                    ),
                    _ => Ok(()),
                }?;
                match lang {
                    Lang::Zh => f.write_str("。"),
                    Lang::En => f.write_str("."),
                }
            }
        },
        Facts::DirectlyUnderBody {
            independent_legal_person,
            ..
        } => match (outcome, independent_legal_person, lang) {
            (Outcome::NotApplicable, _, Lang::Zh) => {
                f.write_str("单位由所在旗区推荐（四（一）），不适用直属单位推荐条件。")
            }
            (Outcome::NotApplicable, _, Lang::En) => f.write_str(
                "The unit is recommended by its banner or district (clause 4.1); this condition does not apply.",
            ),
            (_, true, Lang::Zh) => f.write_str("单位为推荐部门直属、具有独立法人资格的单位。"),
            (_, true, Lang::En) => f.write_str(
                "The unit sits directly under its recommending body and is an independent legal person.",
            ),
            (_, false, Lang::Zh) => f.write_str("单位直属于推荐部门，但不具有独立法人资格。"),
            (_, false, Lang::En) => f.write_str(
                "The unit sits directly under its recommending body but is not an independent legal person.",
            ),
        },
        Facts::Specialties { declared, min, max } => match (outcome, lang) {
            (Outcome::NotApplicable, Lang::Zh) => {
                f.write_str("专业（职业）数量只适用于培训基地，本申报为技能大师工作室。")
            }
            (Outcome::NotApplicable, Lang::En) => f.write_str(
                "The number of specialties concerns training bases only; this is a studio application.",
            ),
            (Outcome::Passed, Lang::Zh) => write!(
                f,
                "申报 {declared} 个急需紧缺专业（职业），在 {min}–{max} 个之内。"
            ),
            (Outcome::Passed, Lang::En) => write!(
                f,
                "{declared} {} declared, within {min} to {max}.",
                plural(*declared, "specialty", "specialties")
            ),
            (Outcome::Failed, Lang::Zh) => {
                write!(f, "申报 {declared} 个专业（职业），应为 {min}–{max} 个。")
            }
            (Outcome::Failed, Lang::En) => write!(
                f,
                "{declared} {} declared; {min} to {max} required.",
                plural(*declared, "specialty", "specialties")
            ),
        },
    }
}

fn check_text(
    f: &mut fmt::Formatter<'_>,
    check: &ConditionCheck,
    condition: Option<&UnitCondition>,
    lang: Lang,
) -> fmt::Result {
    match (*check, lang) {
        (
            ConditionCheck::SiteArea {
                required,
                actual: Some(a),
            },
            Lang::Zh,
        ) => {
            write!(f, "实训场地面积 {a} 平方米，要求不少于 {required} 平方米。")
        }
        (
            ConditionCheck::SiteArea {
                required,
                actual: Some(a),
            },
            Lang::En,
        ) => {
            write!(
                f,
                "Training site of {a} m²; at least {required} m² required."
            )
        }
        (
            ConditionCheck::SiteArea {
                required,
                actual: None,
            },
            Lang::Zh,
        ) => {
            write!(f, "未提供实训场地面积；要求不少于 {required} 平方米。")
        }
        (
            ConditionCheck::SiteArea {
                required,
                actual: None,
            },
            Lang::En,
        ) => {
            write!(
                f,
                "No training site area supplied; at least {required} m² required."
            )
        }
        (
            ConditionCheck::YearlyTrainees {
                required,
                actual: Some(a),
            },
            Lang::Zh,
        ) => {
            write!(f, "上一年度培训 {a} 人，要求不少于 {required} 人。")
        }
        (
            ConditionCheck::YearlyTrainees {
                required,
                actual: Some(a),
            },
            Lang::En,
        ) => write!(
            f,
            "{a} {} trained in the last year; at least {required} required.",
            plural(a, "person", "people")
        ),
        (
            ConditionCheck::YearlyTrainees {
                required,
                actual: None,
            },
            Lang::Zh,
        ) => {
            write!(f, "未提供上一年度培训人数；要求不少于 {required} 人。")
        }
        (
            ConditionCheck::YearlyTrainees {
                required,
                actual: None,
            },
            Lang::En,
        ) => write!(
            f,
            "No figure supplied for people trained in the last year; at least {required} required."
        ),
        (
            ConditionCheck::LeadSkillLevel {
                required,
                actual: Some(a),
            },
            Lang::Zh,
        ) => write!(
            f,
            "领办人职业技能等级为{}，要求{}及以上。",
            skill_name(a, lang),
            skill_name(required, lang)
        ),
        (
            ConditionCheck::LeadSkillLevel {
                required,
                actual: Some(a),
            },
            Lang::En,
        ) => write!(
            f,
            "The lead's skill level is {}; {} or above required.",
            skill_name(a, lang),
            skill_name(required, lang)
        ),
        (
            ConditionCheck::LeadSkillLevel {
                required,
                actual: None,
            },
            Lang::Zh,
        ) => write!(
            f,
            "未提供领办人职业技能等级；要求{}及以上。",
            skill_name(required, lang)
        ),
        (
            ConditionCheck::LeadSkillLevel {
                required,
                actual: None,
            },
            Lang::En,
        ) => write!(
            f,
            "No skill level supplied for the lead; {} or above required.",
            skill_name(required, lang)
        ),
        (
            ConditionCheck::LeadAge {
                limit,
                actual: Some(a),
            },
            Lang::Zh,
        ) => {
            write!(f, "参考日期时领办人 {a} 周岁，要求未满 {limit} 周岁。")
        }
        (
            ConditionCheck::LeadAge {
                limit,
                actual: Some(a),
            },
            Lang::En,
        ) => write!(
            f,
            "The lead is {a} on the reference date; the lead must be younger than {limit}."
        ),
        (
            ConditionCheck::LeadAge {
                limit,
                actual: None,
            },
            Lang::Zh,
        ) => {
            write!(f, "未提供领办人出生日期；要求未满 {limit} 周岁。")
        }
        (
            ConditionCheck::LeadAge {
                limit,
                actual: None,
            },
            Lang::En,
        ) => write!(
            f,
            "No date of birth supplied for the lead; the lead must be younger than {limit}."
        ),
        (ConditionCheck::Declared { declared }, _) => {
            let key = condition.and_then(|c| match &c.test {
                ConditionTest::Declared { key } => Some(key.as_str()),
                _ => None,
            });
            match (declared, key, lang) {
                (true, Some(k), Lang::Zh) => write!(f, "单位已声明「{k}」。"),
                (true, Some(k), Lang::En) => write!(f, "The unit declares “{k}”."),
                (false, Some(k), Lang::Zh) => write!(f, "单位未声明「{k}」。"),
                (false, Some(k), Lang::En) => write!(f, "The unit does not declare “{k}”."),
                (true, None, Lang::Zh) => f.write_str("单位已作出该条件要求的声明。"),
                (true, None, Lang::En) => {
                    f.write_str("The unit makes the declaration the condition requires.")
                }
                (false, None, Lang::Zh) => f.write_str("单位未作出该条件要求的声明。"),
                (false, None, Lang::En) => {
                    f.write_str("The unit does not make the declaration the condition requires.")
                }
            }
        }
    }
}

fn earlier_text(
    f: &mut fmt::Formatter<'_>,
    w: &EarlierProject,
    reference_date: NaiveDate,
    months: u32,
    lang: Lang,
) -> fmt::Result {
    let id = &w.id;
    let reference = Day(reference_date, lang);
    match (w.standing, w.accepted_on, lang) {
        (Standing::Revoked, _, Lang::Zh) => write!(f, "同类项目 {id} 的称号已被撤销"),
        (Standing::Revoked, _, Lang::En) => {
            write!(
                f,
                "The title of the earlier project {id} of this kind was revoked"
            )
        }
        (Standing::NeverAccepted, _, Lang::Zh) => {
            write!(f, "同类项目 {id} 未经验收合格即已结项")
        }
        (Standing::NeverAccepted, _, Lang::En) => write!(
            f,
            "The earlier project {id} of this kind was closed without passing acceptance"
        ),
        (Standing::NotRatedEffective, Some(a), Lang::Zh) => write!(
            f,
            "同类项目 {id} 于{}验收合格，但未评为效能显著、效果明显",
            Day(a, lang)
        ),
        (Standing::NotRatedEffective, Some(a), Lang::En) => write!(
            f,
            "The earlier project {id} of this kind passed acceptance on {} but was not rated effective",
            Day(a, lang)
        ),
        (Standing::NotRatedEffective, None, Lang::Zh) => {
            write!(f, "同类项目 {id} 未评为效能显著、效果明显")
        }
        (Standing::NotRatedEffective, None, Lang::En) => {
            write!(
                f,
                "The earlier project {id} of this kind was not rated effective"
            )
        }
        (Standing::NotYetAccepted, _, Lang::Zh) => write!(f, "同类项目 {id} 尚未验收"),
        (Standing::NotYetAccepted, _, Lang::En) => write!(
            f,
            "The earlier project {id} of this kind has not yet passed acceptance"
        ),
        (Standing::TooRecent, Some(a), Lang::Zh) => write!(
            f,
            "同类项目 {id} 于{}验收合格，至参考日期{reference}未满 {months} 个月",
            Day(a, lang)
        ),
        (Standing::TooRecent, Some(a), Lang::En) => write!(
            f,
            "The earlier project {id} of this kind passed acceptance on {}, less than {months} months before the reference date, {reference}",
            Day(a, lang)
        ),
        (Standing::TooRecent, None, Lang::Zh) => {
            write!(f, "同类项目 {id} 验收合格未满 {months} 个月")
        }
        (Standing::TooRecent, None, Lang::En) => write!(
            f,
            "The earlier project {id} of this kind passed acceptance less than {months} months before the reference date"
        ),
    }
}

pub(super) fn remedy_text(
    f: &mut fmt::Formatter<'_>,
    rule: RuleId,
    remedy: Remedy,
    facts: &Facts,
    lang: Lang,
) -> fmt::Result {
    match (remedy, lang) {
        // This one bar; the first date to apply, every bar together, is the
        // decision's `eligible_from`, in the text's last line.
        (Remedy::ApplyFrom(d), Lang::Zh) => write!(f, "此项限制自{}起解除。", Day(d, lang)),
        (Remedy::ApplyFrom(d), Lang::En) => write!(f, "This bar lifts on {}.", Day(d, lang)),
        (Remedy::AwaitClosing, Lang::Zh) => {
            f.write_str("须待该项目验收或结项后方可申报，目前无法确定日期。")
        }
        (Remedy::AwaitClosing, Lang::En) => f.write_str(
            "The unit may apply only after that project is accepted or closed; no date can be given yet.",
        ),
        (Remedy::AwaitAcceptance, _) => {
            let months = match facts {
                Facts::Reapplication { after_months, .. } => *after_months,
                _ => 24,
            };
            match lang {
                Lang::Zh => write!(
                    f,
                    "须待该项目验收合格并评为效能显著，满 {months} 个月后方可再次申报，目前无法确定日期。"
                ),
                Lang::En => write!(
                    f,
                    "The unit may apply again only {months} months after that project passes acceptance rated effective; no date can be given yet."
                ),
            }
        }
        (Remedy::NoPathBack, Lang::Zh) => match rule {
            RuleId::HostKind => f.write_str("该单位不能申报培训基地（本条不限制技能大师工作室）。"),
            RuleId::RegionTitle => {
                f.write_str("该单位不能再申报市级同类项目（本条不限制另一类项目）。")
            }
            _ => f.write_str("该单位不能再次申报同类项目。"),
        },
        (Remedy::NoPathBack, Lang::En) => match rule {
            RuleId::HostKind => f.write_str(
                "This unit cannot apply for a training base (this clause does not restrict studios).",
            ),
            RuleId::RegionTitle => f.write_str(
                "The unit cannot apply for a city-level project of this kind (this clause does not bar the other kind).",
            ),
            _ => f.write_str("The unit cannot apply again for a project of this kind."),
        },
        (Remedy::LeadWithHonour, Lang::Zh) => {
            f.write_str("须由持有上述荣誉之一的技能大师领办。")
        }
        (Remedy::LeadWithHonour, Lang::En) => {
            f.write_str("The studio needs a lead who holds at least one of these honours.")
        }
        (Remedy::DeclareSpecialties { min, max }, Lang::Zh) if min == max => {
            write!(f, "须申报 {min} 个专业（职业）。")
        }
        (Remedy::DeclareSpecialties { min, max }, Lang::En) if min == max => write!(
            f,
            "Declare exactly {min} {}.",
            plural(min, "specialty", "specialties")
        ),
        (Remedy::DeclareSpecialties { min, max }, Lang::Zh) => {
            write!(f, "须申报 {min}–{max} 个专业（职业）。")
        }
        (Remedy::DeclareSpecialties { min, max }, Lang::En) => {
            write!(f, "Declare {min} to {max} specialties.")
        }
        (Remedy::IndependentLegalPerson, Lang::Zh) => f.write_str(
            "直属单位推荐只限具有独立法人资格的单位，须由具有独立法人资格的单位申报。",
        ),
        (Remedy::IndependentLegalPerson, Lang::En) => f.write_str(
            "A body recommends only independent legal persons directly under it; the application must come from one.",
        ),
        (Remedy::SupplyFact, Lang::Zh) => f.write_str("须补充提供该项信息。"),
        (Remedy::SupplyFact, Lang::En) => f.write_str("The fact must be supplied to be assessed."),
        (Remedy::MeetCondition, Lang::Zh) => f.write_str("须满足该条件。"),
        (Remedy::MeetCondition, Lang::En) => f.write_str("The condition must be met."),
    }
}
