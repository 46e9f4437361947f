//! The Chinese wording of the round's errors ([`RoundError::explain`] in
//! [`Lang::Zh`]). An application that contradicts itself is worded by its
//! own module, and a nested error of dates or money by its own `explain`.
//! Dates are written out (`2024年7月1日`).

use crate::lang::{Lang, last_day_in_force, zh_day};

use super::error::RoundError;

impl RoundError {
    /// The error in Chinese.
    pub(super) fn zh(&self) -> String {
        let zh = Lang::Zh;
        match self {
            RoundError::OutOfOrder {
                step,
                expected,
                stage,
            } => format!(
                "“{}”须在“{}”阶段进行，而评审现处于“{}”阶段",
                step.name(zh),
                expected.name(zh),
                stage.name(zh)
            ),
            RoundError::YearOutsideProgramme { year, first, last } => {
                format!("设置：{year} 年不在项目实施年度 {first}－{last} 年之内（二（一））")
            }
            RoundError::PolicyNotInForce { policy, date } => {
                format!(
                    "设置：政策 `{policy}` 在基准日{}不在有效期内",
                    zh_day(*date)
                )
            }
            RoundError::PlacesMissing { year } => {
                format!("设置：没有 {year} 年度的名额：请给出 `places`，或在政策中设定（R3）")
            }
            RoundError::PlacesForAnotherYear { year, places_year } => {
                format!("设置：`places` 是 {places_year} 年度的名额，本次评审为 {year} 年度")
            }
            RoundError::QuotaTwice { recommender, kind } => format!(
                "设置：`quotas` 为{}的{}重复设定了推荐名额（四（三））",
                recommender.name(zh),
                kind.name(zh)
            ),
            RoundError::EarlierPastTotal {
                kind,
                earlier,
                total,
            } => format!(
                "设置：`earlier` 记{} {earlier} 个，超过项目总数 {total} 个（R3）",
                kind.name(zh)
            ),
            RoundError::CoverageInconsistent {
                kind,
                by_seat,
                by_kind,
            } => format!(
                "设置：`earlier.by_seat` 记{} {by_seat} 个，`earlier.by_kind` 记 {by_kind} 个，二者不符",
                kind.name(zh)
            ),
            RoundError::KindMismatch {
                recommender,
                kind,
                position,
                application,
                application_kind,
            } => format!(
                "推荐：{}的{}名单第 {position} 位：申报 `{application}` 申报的是{}",
                recommender.name(zh),
                kind.name(zh),
                application_kind.name(zh)
            ),
            RoundError::ReferenceDateMismatch {
                application,
                date,
                round_date,
            } => format!(
                "推荐：申报 `{application}` 的基准日为{}，本次评审的基准日为{}",
                zh_day(*date),
                zh_day(*round_date)
            ),
            RoundError::AlreadySubmitted { recommender, kind } => format!(
                "推荐：{}的{}名单已经报送",
                recommender.name(zh),
                kind.name(zh)
            ),
            RoundError::Application {
                recommender,
                position,
                source,
            } => format!(
                "推荐：{}的名单第 {position} 位：申报材料自相矛盾，未予审查（{}）",
                recommender.name(zh),
                source.explain(zh)
            ),
            RoundError::NoExperts => "评审：专家组没有成员（五）".to_owned(),
            RoundError::ExpertNameBlank { index } => {
                format!("评审：`experts[{index}].name` 为空")
            }
            RoundError::ScoreForUnknown { application } => {
                format!("评审：评分所指的 `{application}` 不在任何推荐名单上")
            }
            RoundError::ScoreForRefused { application } => {
                format!("评审：评分所指的 `{application}` 已在评审前被退回")
            }
            RoundError::ScoreTwice { application } => {
                format!("评审：`{application}` 被评分两次")
            }
            RoundError::ScoreMissing { application } => {
                format!("评审：已受理的申报 `{application}` 没有评分")
            }
            RoundError::NoticeBeforeReference { start, reference } => {
                format!(
                    "公示：开始日{}早于本次评审的基准日{}",
                    zh_day(*start),
                    zh_day(*reference)
                )
            }
            RoundError::Calendar(e) => {
                format!("公示：无法计算公示的工作日（{}）", e.explain(zh))
            }
            RoundError::NotOnNotice { application } => {
                format!("异议：`{application}` 不在公示名单上")
            }
            RoundError::ObjectionOutsideNotice {
                application,
                received_on,
                starts_on,
                ends_on,
            } => format!(
                "异议：对 `{application}` 的异议于{}收到，不在公示期{}至{}之内",
                zh_day(*received_on),
                zh_day(*starts_on),
                zh_day(*ends_on)
            ),
            RoundError::ReleaseBeforeNoticeEnds {
                release,
                notice_end,
            } => format!(
                "下达：下达日{}不在公示最后一日{}之后（五）",
                zh_day(*release),
                zh_day(*notice_end)
            ),
            RoundError::NoticePastPolicy {
                ends_on,
                policy,
                until,
            } => format!(
                "公示：结束日为{}，而政策 `{policy}` 有效期至{}（含当日），公示后无法依该政策下达资金（五）",
                zh_day(*ends_on),
                zh_day(*until)
            ),
            RoundError::ReleaseOutsidePolicy {
                release,
                policy,
                from,
                until,
            } => format!(
                "下达：政策 `{policy}` 在下达日{}不在有效期内（自{}起有效{}）",
                zh_day(*release),
                zh_day(*from),
                last_day_in_force(*until, Lang::Zh)
            ),
            RoundError::Money(e) => format!("金额：{}", e.explain(zh)),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::date::DateError;
    use crate::domain::{ApplicationId, Banner, BodyId, ProjectKind};
    use crate::eligibility::ApplicationError;
    use crate::money::MoneyError;
    use crate::round::error::{Stage, Step};
    use crate::round::inputs::Recommender;

    /// One error of every kind, so that a new kind without its Chinese
    /// wording shows here (the `match` in `zh` is exhaustive already).
    fn every_error() -> Vec<RoundError> {
        let day = NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default();
        let app = || ApplicationId::new("A-1");
        let banner = Recommender::Banner(Banner::OtogBanner);
        let kind = ProjectKind::Studio;
        vec![
            RoundError::OutOfOrder {
                step: Step::Release,
                expected: Stage::Notice,
                stage: Stage::Open,
            },
            RoundError::YearOutsideProgramme {
                year: 2026,
                first: 2022,
                last: 2025,
            },
            RoundError::PolicyNotInForce {
                policy: "p".into(),
                date: day,
            },
            RoundError::PlacesMissing { year: 2023 },
            RoundError::PlacesForAnotherYear {
                year: 2023,
                places_year: 2024,
            },
            RoundError::QuotaTwice {
                recommender: banner.clone(),
                kind,
            },
            RoundError::EarlierPastTotal {
                kind,
                earlier: 41,
                total: 40,
            },
            RoundError::CoverageInconsistent {
                kind,
                by_seat: 3,
                by_kind: 4,
            },
            RoundError::KindMismatch {
                recommender: Recommender::Body(BodyId::new("city-energy")),
                kind,
                position: 2,
                application: app(),
                application_kind: ProjectKind::TrainingBase,
            },
            RoundError::ReferenceDateMismatch {
                application: app(),
                date: day,
                round_date: day,
            },
            RoundError::AlreadySubmitted {
                recommender: banner.clone(),
                kind,
            },
            RoundError::Application {
                recommender: banner,
                position: 1,
                source: ApplicationError::LeadOnBase { application: app() },
            },
            RoundError::NoExperts,
            RoundError::ExpertNameBlank { index: 0 },
            RoundError::ScoreForUnknown { application: app() },
            RoundError::ScoreForRefused { application: app() },
            RoundError::ScoreTwice { application: app() },
            RoundError::ScoreMissing { application: app() },
            RoundError::NoticeBeforeReference {
                start: day,
                reference: day,
            },
            RoundError::Calendar(DateError::ZeroWorkingDays),
            RoundError::NotOnNotice { application: app() },
            RoundError::ObjectionOutsideNotice {
                application: app(),
                received_on: day,
                starts_on: day,
                ends_on: day,
            },
            RoundError::ReleaseBeforeNoticeEnds {
                release: day,
                notice_end: day,
            },
            RoundError::NoticePastPolicy {
                ends_on: day,
                policy: "p".into(),
                until: day,
            },
            RoundError::ReleaseOutsidePolicy {
                release: day,
                policy: "p".into(),
                from: day,
                until: None,
            },
            RoundError::Money(MoneyError::TooManyPlaces(rust_decimal::Decimal::new(
                1234, 3,
            ))),
        ]
    }

    #[test]
    fn every_round_error_is_worded_in_chinese_and_keeps_its_values() {
        for e in every_error() {
            let zh = e.explain(Lang::Zh);
            let en = e.explain(Lang::En);
            assert_eq!(en, e.to_string());
            assert!(crate::lang::has_chinese(&zh), "{zh}");
            // The English sentence is Chinese-free except for names given in
            // Chinese; the Chinese one is not the English.
            assert_ne!(zh, en);
            // Every date, id and number of two or more characters in the
            // English is in the Chinese too (a clause such as `(2.1)` is
            // cited the Chinese way).
            for token in en
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .filter(|t| t.len() > 1 && t.chars().any(|c| c.is_ascii_digit()))
            {
                // A date is written out in the Chinese (`2024年7月1日`).
                match token.parse::<chrono::NaiveDate>() {
                    Ok(date) => {
                        let day = zh_day(date).to_string();
                        assert!(zh.contains(&day), "{day} missing from {zh}");
                        assert!(!zh.contains(token), "{token} not written out in {zh}");
                    }
                    Err(_) => assert!(zh.contains(token), "{token} missing from {zh}"),
                }
            }
        }
    }

    #[test]
    fn a_step_out_of_order_names_its_stages_in_chinese() {
        let e = RoundError::OutOfOrder {
            step: Step::Release,
            expected: Stage::Notice,
            stage: Stage::Open,
        };
        assert_eq!(
            e.explain(Lang::Zh),
            "“下达资金”须在“公示中”阶段进行，而评审现处于“推荐申报中”阶段"
        );
    }
}
