//! An application that contradicts itself, in words
//! ([`ApplicationError::explain`]): the English is the error's `Display`,
//! the Chinese says the same, naming the same field.

use crate::lang::{Lang, zh_day};

use super::error::ApplicationError;

impl ApplicationError {
    /// The refusal explained in a language, naming the application and the
    /// field ([`ApplicationError::field`]).
    ///
    /// ```
    /// use skill_grants::Lang;
    /// use skill_grants::eligibility::ApplicationError;
    /// let e = ApplicationError::MissingLead { application: "A-9".into() };
    /// assert_eq!(e.explain(Lang::Zh), "申报 `A-9`：字段 `lead`：工作室申报须写明领办人");
    /// assert_eq!(e.explain(Lang::En), e.to_string());
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => format!(
                "申报 `{}`：字段 `{}`：{}",
                self.application(),
                self.field(),
                self.zh()
            ),
        }
    }

    /// What is wrong, in Chinese, without the application and field.
    fn zh(&self) -> String {
        match self {
            ApplicationError::Blank { .. } => "为空".to_owned(),
            ApplicationError::LeadOnBase { .. } => "培训基地没有领办人".to_owned(),
            ApplicationError::SpecialtiesOnStudio { .. } => "工作室不申报专业（职业）".to_owned(),
            ApplicationError::MissingLead { .. } => "工作室申报须写明领办人".to_owned(),
            ApplicationError::DuplicateSpecialty { specialty, .. } => {
                format!("专业（职业）“{specialty}”申报了两次")
            }
            ApplicationError::DuplicateProject { project, .. } => {
                format!("项目编号 `{project}` 用了两次")
            }
            ApplicationError::ClosedBeforeRelease {
                released_on,
                closed_on,
                ..
            } => format!(
                "结项日{}早于资金下达日{}",
                zh_day(*closed_on),
                zh_day(*released_on)
            ),
            ApplicationError::AcceptedBeforeRelease {
                released_on,
                accepted_on,
                ..
            } => format!(
                "验收日{}早于资金下达日{}",
                zh_day(*accepted_on),
                zh_day(*released_on)
            ),
            ApplicationError::AcceptedAfterClosing {
                accepted_on,
                closed_on,
                ..
            } => format!(
                "验收日{}晚于结项日{}（验收即结项，不能在其后）",
                zh_day(*accepted_on),
                zh_day(*closed_on)
            ),
            ApplicationError::BornAfterReference {
                born_on,
                reference_date,
                ..
            } => format!(
                "出生日期{}晚于基准日{}",
                zh_day(*born_on),
                zh_day(*reference_date)
            ),
            ApplicationError::DateOutOfRange { .. } => {
                "由该项目计算所得的日期（R10：完成期限或可再次申报日期）超出可表示的日期范围"
                    .to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{ApplicationId, ProjectId, Specialty};

    #[test]
    fn every_application_error_is_worded_in_chinese_with_its_field_and_dates() {
        let app = || ApplicationId::new("A-1");
        let project = || ProjectId::new("2022-B-01");
        let (d1, d2) = (
            NaiveDate::from_ymd_opt(2022, 8, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2023, 9, 30).unwrap_or_default(),
        );
        let every = [
            ApplicationError::Blank {
                application: app(),
                field: "unit.id".into(),
            },
            ApplicationError::LeadOnBase { application: app() },
            ApplicationError::SpecialtiesOnStudio { application: app() },
            ApplicationError::MissingLead { application: app() },
            ApplicationError::DuplicateSpecialty {
                application: app(),
                specialty: Specialty::new("焊工"),
            },
            ApplicationError::DuplicateProject {
                application: app(),
                project: project(),
            },
            ApplicationError::ClosedBeforeRelease {
                application: app(),
                project: project(),
                released_on: d2,
                closed_on: d1,
            },
            ApplicationError::AcceptedBeforeRelease {
                application: app(),
                project: project(),
                released_on: d2,
                accepted_on: d1,
            },
            ApplicationError::AcceptedAfterClosing {
                application: app(),
                project: project(),
                accepted_on: d2,
                closed_on: d1,
            },
            ApplicationError::BornAfterReference {
                application: app(),
                born_on: d2,
                reference_date: d1,
            },
            ApplicationError::DateOutOfRange {
                application: app(),
                project: project(),
            },
        ];
        for e in every {
            let (zh, en) = (e.explain(Lang::Zh), e.explain(Lang::En));
            assert_eq!(en, e.to_string());
            assert!(zh.contains(&format!("`{}`", e.field())), "{zh}");
            assert!(zh.contains("`A-1`"), "{zh}");
            // Each date of the English is in the Chinese, written out.
            for date in [d1, d2] {
                assert_eq!(
                    zh.contains(&zh_day(date).to_string()),
                    en.contains(&date.to_string()),
                    "{zh} / {en}"
                );
                assert!(!zh.contains(&date.to_string()), "{zh}");
            }
        }
    }
}
