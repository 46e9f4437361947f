//! Text, rendered on demand from codes and facts, in Chinese and English.
//!
//! Nothing here runs while deciding. [`FindingText`] and [`DecisionText`] are
//! `Display` adapters, so a host can write a decision straight into its own
//! buffer without an intermediate `String`. The wording of each rule is in
//! `wording.rs`.

use std::fmt;

use super::wording::{cite, reason, remedy_text};
use super::{Decision, Facts, Finding, Remedy};
use crate::lang::Day;
use crate::lang::Lang;
use crate::policy::{Policy, UnitCondition};

/// One finding in words: `[outcome] clause rule (reading): reason. remedy`.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::eligibility::{decide, FindingText, RuleId};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{Banner, Lang, Policy};
/// let unit = Unit::new(UnitId::new("U-1"), "康巴什区某技工学校", UnitKind::TechnicalSchool, Seat::Banner(Banner::Kangbashi));
/// let app = Application::training_base("A-1", unit, NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(), []);
/// let decision = decide(&Policy::ordos_2022(), &app)?;
/// let f = decision.finding(RuleId::Specialties).unwrap();
/// assert_eq!(
///     FindingText::new(f, None, Lang::En).to_string(),
///     "[failed] clause 6.1 number of specialties (R11): 0 specialties declared; 1 to 2 required. Declare 1 to 2 specialties."
/// );
/// # Ok::<(), skill_grants::eligibility::ApplicationError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FindingText<'a> {
    finding: &'a Finding,
    condition: Option<&'a UnitCondition>,
    lang: Lang,
}

impl<'a> FindingText<'a> {
    /// The text of `finding` in `lang`; with `policy`, a host condition is
    /// named by its label and reference there.
    pub fn new(finding: &'a Finding, policy: Option<&'a Policy>, lang: Lang) -> FindingText<'a> {
        FindingText {
            finding,
            condition: policy.and_then(|p| finding.host_condition(p)),
            lang,
        }
    }
}

impl fmt::Display for FindingText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let FindingText {
            finding,
            condition,
            lang,
        } = *self;
        let rule = finding.rule;
        write!(f, "[{}] {}", finding.outcome.name(lang), cite(rule, lang))?;
        match (condition, &finding.facts, lang) {
            (Some(c), _, Lang::Zh) => write!(f, "〔{}〕{}", c.reference, c.label(lang))?,
            (Some(c), _, Lang::En) => write!(f, " [{}] {}", c.reference, c.label(lang))?,
            (None, Facts::HostCondition { index, .. }, Lang::Zh) => {
                write!(f, " 实施细则单位条件第 {} 项", u64::from(*index) + 1)?
            }
            (None, Facts::HostCondition { index, .. }, Lang::En) => write!(
                f,
                " unit condition no. {} of the implementation rules",
                u64::from(*index) + 1
            )?,
            (None, _, _) => write!(f, " {}", rule.name(lang))?,
        }
        match (rule.reading(), lang) {
            (Some(r), Lang::Zh) => write!(f, "（{r}）：")?,
            (Some(r), Lang::En) => write!(f, " ({r}): ")?,
            (None, Lang::Zh) => f.write_str("：")?,
            (None, Lang::En) => f.write_str(": ")?,
        }
        reason(f, finding, condition, lang)?;
        if let Some(remedy) = finding.remedy {
            if lang == Lang::En {
                f.write_str(" ")?;
            }
            remedy_text(f, rule, remedy, &finding.facts, lang)?;
        }
        Ok(())
    }
}

/// A whole decision in words: heading, result, every finding, and the first
/// date the unit may apply where there is one.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::eligibility::{decide, DecisionText};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{Banner, Lang, Policy};
/// let unit = Unit::new(UnitId::new("U-1"), "伊金霍洛旗某重点企业", UnitKind::KeyEnterprise, Seat::Banner(Banner::EjinHoroBanner));
/// let app = Application::training_base("A-1", unit, NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(), [Specialty::new("电工")]);
/// let policy = Policy::ordos_2022();
/// let decision = decide(&policy, &app)?;
/// let text = DecisionText::new(&decision, Some(&policy), Lang::Zh).to_string();
/// assert!(text.contains("结论：符合申报条件"));
/// # Ok::<(), skill_grants::eligibility::ApplicationError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DecisionText<'a> {
    decision: &'a Decision,
    policy: Option<&'a Policy>,
    lang: Lang,
}

impl<'a> DecisionText<'a> {
    /// The text of `decision` in `lang`. `policy` names host conditions by
    /// their labels; it is ignored unless it is the policy (id and revision)
    /// that made the decision.
    pub fn new(decision: &'a Decision, policy: Option<&'a Policy>, lang: Lang) -> DecisionText<'a> {
        let policy = policy
            .filter(|p| p.id() == decision.policy.id && p.revision() == decision.policy.revision);
        DecisionText {
            decision,
            policy,
            lang,
        }
    }
}

impl fmt::Display for DecisionText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let DecisionText {
            decision: d,
            policy,
            lang,
        } = *self;
        let failed = d.failures().count();
        let reference = Day(d.reference_date, lang);
        match lang {
            Lang::Zh => {
                writeln!(
                    f,
                    "资格审查：申报 {}（{}），参考日期{reference}",
                    d.application,
                    d.kind.name(lang)
                )?;
                writeln!(f, "政策：{} 第 {} 版", d.policy.id, d.policy.revision)?;
                if failed == 0 {
                    writeln!(f, "结论：符合申报条件")?;
                } else {
                    writeln!(
                        f,
                        "结论：不符合申报条件（{} 项中 {failed} 项未通过）",
                        d.findings.len()
                    )?;
                }
            }
            Lang::En => {
                writeln!(
                    f,
                    "Eligibility: application {} ({}), reference date {reference}",
                    d.application,
                    d.kind.name(lang)
                )?;
                writeln!(f, "Policy: {} revision {}", d.policy.id, d.policy.revision)?;
                if failed == 0 {
                    writeln!(f, "Result: eligible")?;
                } else {
                    writeln!(
                        f,
                        "Result: not eligible ({failed} of {} findings failed)",
                        d.findings.len()
                    )?;
                }
            }
        }
        for (i, finding) in d.findings.iter().enumerate() {
            writeln!(f, "{}. {}", i + 1, FindingText::new(finding, policy, lang))?;
        }
        // Only when every failure is a time bar with a date (3.3, 3.4). A
        // day later than every bar's own date means another bar holds then
        // (a project released after the reference date, or bars that chain).
        let later = d.eligible_from().is_some_and(|day| {
            d.failures()
                .all(|f| matches!(f.remedy, Some(Remedy::ApplyFrom(lifts)) if lifts < day))
        });
        match (failed > 0, d.eligible_from(), lang) {
            (true, Some(day), Lang::Zh) => {
                write!(f, "其他情况不变时，最早可申报日期：{}", Day(day, lang))?;
                if later {
                    f.write_str("（晚于上列各项限制的解除日期：届时另有三（三）或三（四）的限制，例如基准日后下达资金的项目尚在建设期内）")?;
                }
                writeln!(f)?
            }
            (true, Some(day), Lang::En) => {
                write!(
                    f,
                    "With nothing else changed, the first date the unit may apply: {}",
                    Day(day, lang)
                )?;
                if later {
                    f.write_str(" (later than the bars above lift: on those dates another bar of 3.3 or 3.4 holds, such as a project released after the reference date still in its construction period)")?;
                }
                writeln!(f)?
            }
            _ => {}
        }
        Ok(())
    }
}
