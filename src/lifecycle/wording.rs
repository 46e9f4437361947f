//! The Chinese wording of the lifecycle's refusals ([`LifecycleError::explain`]
//! in [`Lang::Zh`](crate::lang::Lang::Zh)), and of a log refused on replay
//! or a record refused by `apply` ([`ReplayError::explain`],
//! [`ApplyError::explain`]).

use crate::lang::{Lang, cited_before, last_day_in_force, zh_day};

use super::corrupt::{ApplyError, ReplayError, ReplayReason};
use super::error::LifecycleError;
use super::text::TextProblem;
use super::types::Actor;

impl LifecycleError {
    /// The refusal in Chinese, without its clause heading.
    pub(super) fn zh(&self) -> String {
        match self {
            LifecycleError::PolicyMismatch { expected, found } => format!(
                "启动记录所依政策为 {}#{}，与给定政策 {}#{} 不符",
                found.id, found.revision, expected.id, expected.revision
            ),
            LifecycleError::ReleaseNotSubsidy {
                kind,
                expected,
                found,
            } => format!(
                "下达金额 {} 不等于{}补助标准 {}",
                found.to_chinese(),
                kind.name(Lang::Zh),
                expected.to_chinese()
            ),
            LifecycleError::SpecialtyCount { count, min, max } => {
                format!("培训基地申报专业（职业）{count} 个，应为 {min}－{max} 个")
            }
            LifecycleError::SpecialtiesOnStudio { count } => {
                format!("工作室不申报专业（职业），却给出 {count} 个")
            }
            LifecycleError::LeadMissing => "工作室启动记录缺少领办人".to_owned(),
            LifecycleError::LeadOnBase => "培训基地没有领办人，却给出了领办人".to_owned(),
            LifecycleError::LeadWithoutHonour { person } => {
                format!("领办人 {person} 不具备七类技能大师荣誉之一")
            }
            LifecycleError::Deadline(e) => format!("无法计算完成期限：{}", e.explain(Lang::Zh)),
            LifecycleError::BeforeLastEvent { date, last } => {
                format!(
                    "日期{}早于项目最后一条记录的日期{}",
                    zh_day(*date),
                    zh_day(*last)
                )
            }
            LifecycleError::BeforeRelease {
                date, released_on, ..
            } => format!(
                "日期{}早于资金下达日{}",
                zh_day(*date),
                zh_day(*released_on)
            ),
            LifecycleError::NotProjectUnit { unit } => {
                format!("单位 {unit} 不是本项目建设单位")
            }
            LifecycleError::OutsideJurisdiction { actor, .. } => match actor {
                Actor::BannerAuthority(b) => {
                    format!("{}人社、财政部门对本项目无管辖权", b.name(Lang::Zh))
                }
                Actor::BodyAuthority(b) => format!("主管部门 {b} 对本项目无管辖权"),
                _ => "对本项目无管辖权".to_owned(),
            },
            LifecycleError::NotPermitted { role, event } => {
                format!("{}无权进行“{}”", role.name(Lang::Zh), event.name(Lang::Zh))
            }
            LifecycleError::NotInState { status, event, .. } => format!(
                "项目处于“{}”状态，不能进行“{}”",
                status.name(Lang::Zh),
                event.name(Lang::Zh)
            ),
            LifecycleError::ProhibitedCategory { category, .. } => {
                format!("建设项目资金不得用于{}", category.name(Lang::Zh))
            }
            LifecycleError::CategoryOfOtherKind { category, kind } => format!(
                "“{}”不在{}经费使用范围内",
                category.name(Lang::Zh),
                kind.name(Lang::Zh)
            ),
            LifecycleError::SpecialtyMissing => {
                "培训基地支出须注明所服务的申报专业（职业）".to_owned()
            }
            LifecycleError::SpecialtyNotDeclared {
                index, declared, ..
            } => format!(
                "第 {} 个专业（职业）未申报：项目只申报了 {declared} 个",
                u32::from(index.0) + 1
            ),
            LifecycleError::AfterDeadline { date, deadline, .. } => {
                format!("支出日期{}晚于完成期限{}", zh_day(*date), zh_day(*deadline))
            }
            LifecycleError::ZeroAmount { event } => {
                format!("“{}”金额为零", event.name(Lang::Zh))
            }
            LifecycleError::AboveBalance { amount, balance } => format!(
                "支出 {} 超过账户余额 {}",
                amount.to_chinese(),
                balance.to_chinese()
            ),
            LifecycleError::AboveOwed { amount, owed } => format!(
                "收回 {} 超过尚欠金额 {}",
                amount.to_chinese(),
                owed.to_chinese()
            ),
            LifecycleError::Money(e) => format!("账户金额计算失败：{}", e.explain(Lang::Zh)),
            LifecycleError::NoVerifiedFinding => "撤销称号须先有经查明属实的问题记录".to_owned(),
            LifecycleError::RenameOnStudio => {
                "第七条第（三）项仅规定培训基地单位名称变更，工作室不适用".to_owned()
            }
            LifecycleError::LeadChangeOnBase => {
                "第七条第（四）项仅规定工作室领办人变更，培训基地不适用".to_owned()
            }
            LifecycleError::EmptyName => "变更后的单位名称为空".to_owned(),
            LifecycleError::SameName => "变更后的单位名称与现名称相同".to_owned(),
            LifecycleError::SameLead { person } => {
                format!("拟任领办人 {person} 已是本工作室领办人")
            }
            LifecycleError::NewLeadWithoutHonour { person } => {
                format!("拟任领办人 {person} 不具备七类技能大师荣誉之一，不符合技能大师条件")
            }
            LifecycleError::BadText { field, problem } => match problem {
                TextProblem::Blank => format!("`{field}` 为空"),
                TextProblem::ControlCharacter { at } => {
                    format!("`{field}` 第 {} 个字符是控制字符", at.saturating_add(1))
                }
                TextProblem::Invisible => format!("`{field}` 只含不可见字符"),
            },
            LifecycleError::DuplicateSpecialty { specialty, .. } => {
                format!("专业（职业）“{specialty}”重复申报")
            }
            LifecycleError::ReleaseOutsidePolicy {
                released_on,
                from,
                until,
            } => format!(
                "资金下达日{}不在政策有效期内（自{}起{}）",
                zh_day(*released_on),
                zh_day(*from),
                last_day_in_force(*until, Lang::Zh)
            ),
            LifecycleError::DeadlineRecorded { expected, found } => {
                format!(
                    "记录的完成期限{}与按规定计算的{}不符",
                    zh_day(*found),
                    zh_day(*expected)
                )
            }
            LifecycleError::Unsealable(e) => {
                format!("事件无法写入防篡改日志：{}", e.explain(Lang::Zh))
            }
        }
    }
}

impl ReplayError {
    /// The refusal explained in a language, with its clause: the position of
    /// the bad event (0-based) and why.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::{Project, ReplayReason}};
    /// let err = Project::replay(&[], &skill_grants::Policy::ordos_2022(), None).unwrap_err();
    /// assert_eq!(err.explain(Lang::Zh), "〔五〕第 0 条事件（从 0 起算）：日志没有事件");
    /// assert_eq!(err.explain(Lang::En), "[5] event #0: the log is empty");
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let text = match lang {
            Lang::En => self.to_string(),
            Lang::Zh => format!(
                "第 {} 条事件（从 0 起算）：{}",
                self.position,
                self.reason.zh()
            ),
        };
        cited_before(&[self.reason.clause()], &text, lang)
    }
}

impl ReplayReason {
    /// The reason in Chinese.
    fn zh(&self) -> String {
        match self {
            ReplayReason::Empty => "日志没有事件".to_owned(),
            ReplayReason::NotStarted { found } => {
                format!("第一条事件是“{}”，而不是项目启动", found.name(Lang::Zh))
            }
            ReplayReason::StartedAgain => "项目被第二次启动".to_owned(),
            ReplayReason::WrongProject { expected, found } => {
                format!("项目 `{expected}` 的日志中有项目 `{found}` 的事件")
            }
            ReplayReason::OutOfOrder { previous, date } => {
                format!(
                    "日期{}早于前一条事件的日期{}",
                    zh_day(*date),
                    zh_day(*previous)
                )
            }
            ReplayReason::WrongActor { event, by } => format!(
                "“{}”的行为主体有误：{}",
                event.name(Lang::Zh),
                by.map_or("无", |r| r.name(Lang::Zh))
            ),
            ReplayReason::DeadlineMisrecorded { expected, found } => {
                format!(
                    "建设期期满应于{}记录，日志所记日期为{}",
                    zh_day(*expected),
                    zh_day(*found)
                )
            }
            ReplayReason::RecordedDiffers { field } => {
                format!("记录的 `{field}` 与按状态计算的不符")
            }
            ReplayReason::BadStart(e) => format!("启动记录有误：{}", e.zh()),
            ReplayReason::Refused(e) => e.zh(),
            ReplayReason::Chain(e) => e.explain(Lang::Zh),
            ReplayReason::Apply(e) => e.zh(),
        }
    }
}

impl ApplyError {
    /// Why the record was not applied, in a language.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::ApplyError};
    /// let e = ApplyError::Stale { expected: 3, found: 2 };
    /// assert_eq!(e.explain(Lang::Zh), "该事件封存为第 2 号事件，而项目的下一号为 3：它是依据项目的另一状态作出的，请重新决定");
    /// assert_eq!(e.explain(Lang::En), e.to_string());
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.zh(),
        }
    }

    fn zh(&self) -> String {
        match self {
            ApplyError::Stale { expected, found } => format!(
                "该事件封存为第 {found} 号事件，而项目的下一号为 {expected}：它是依据项目的另一状态作出的，请重新决定"
            ),
            ApplyError::Record(e) => e.explain(Lang::Zh),
            ApplyError::WrongProject { expected, found } => {
                format!("项目 `{found}` 的事件不能用于项目 `{expected}`")
            }
            ApplyError::StartedAgain => "项目已经启动".to_owned(),
            ApplyError::Unlawful(reason) => {
                format!("该事件在项目当前状态下不合规定：{}", reason.zh())
            }
            ApplyError::Money { event, error } => {
                format!(
                    "“{}”：账户金额计算失败（{}）",
                    event.name(Lang::Zh),
                    error.explain(Lang::Zh)
                )
            }
        }
    }
}
