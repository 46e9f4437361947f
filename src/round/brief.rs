//! Short forms of a refusal, for a table cell or a summary line: the rule in
//! a few words ([`RefusalKind::name`], [`Refusal::label`]) and one short
//! reason with its clauses cited once ([`Refusal::brief`]).
//! [`Refusal::explain`] gives the full reason.

use super::inputs::Recommender;
use super::verdict::{Refusal, RefusalKind};
use crate::eligibility::RuleId;
use crate::lang::{Lang, cited_after, zh_day};

impl RefusalKind {
    /// The rule in a few words.
    ///
    /// ```
    /// use skill_grants::{Lang, round::RefusalKind};
    /// assert_eq!(RefusalKind::OverQuota.name(Lang::En), "list over its quota");
    /// assert_eq!(RefusalKind::OverQuota.name(Lang::Zh), "名单超过名额");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RefusalKind::OverQuota, Lang::Zh) => "名单超过名额",
            (RefusalKind::OverQuota, Lang::En) => "list over its quota",
            (RefusalKind::ReportIncomplete, Lang::Zh) => "推荐报告不全",
            (RefusalKind::ReportIncomplete, Lang::En) => "report incomplete",
            (RefusalKind::UnitListedTwice, Lang::Zh) => "单位重复列入",
            (RefusalKind::UnitListedTwice, Lang::En) => "unit listed twice",
            (RefusalKind::ApplicationListedTwice, Lang::Zh) => "申报重复列入",
            (RefusalKind::ApplicationListedTwice, Lang::En) => "application listed twice",
            (RefusalKind::ApplicationOnOtherList, Lang::Zh) => "已列入另一类名单",
            (RefusalKind::ApplicationOnOtherList, Lang::En) => "already on the other list",
            (RefusalKind::OutsideJurisdiction, Lang::Zh) => "不在辖区内",
            (RefusalKind::OutsideJurisdiction, Lang::En) => "outside the jurisdiction",
            (RefusalKind::NotUnderBody, Lang::Zh) => "非直属单位",
            (RefusalKind::NotUnderBody, Lang::En) => "not directly under the body",
            (RefusalKind::NotIndependentLegalPerson, Lang::Zh) => "非独立法人",
            (RefusalKind::NotIndependentLegalPerson, Lang::En) => "not an independent legal person",
            (RefusalKind::ListedByOthers, Lang::Zh) => "重复推荐",
            (RefusalKind::ListedByOthers, Lang::En) => "listed by another recommender",
            (RefusalKind::Ineligible, Lang::Zh) => "不符合申报条件",
            (RefusalKind::Ineligible, Lang::En) => "not eligible",
        }
    }
}

/// A rule of eligibility named with its reading: `承建单位类别（R1）`,
/// `host kind (R1)`.
fn rule_label(rule: RuleId, lang: Lang) -> String {
    match (rule.reading(), lang) {
        (Some(r), Lang::Zh) => format!("{}（{r}）", rule.name(lang)),
        (Some(r), Lang::En) => format!("{} ({r})", rule.name(lang)),
        (None, _) => rule.name(lang).to_owned(),
    }
}

impl Refusal {
    /// The reason in a few words, without clauses: for an ineligible
    /// candidate the rules it fails, each with its reading; otherwise the
    /// refusal's kind ([`RefusalKind::name`]). A summary groups refusals by
    /// this label.
    ///
    /// ```
    /// use skill_grants::{Lang, round::Refusal};
    /// let r = Refusal::OverQuota { listed: 3, quota: 2 };
    /// assert_eq!(r.label(Lang::En), "list over its quota");
    /// ```
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Refusal::Ineligible { decision } => {
                let rules: Vec<String> = decision
                    .failures()
                    .map(|f| rule_label(f.rule, lang))
                    .collect();
                match lang {
                    Lang::Zh => rules.join("、"),
                    Lang::En => rules.join(", "),
                }
            }
            other => other.kind().name(lang).to_owned(),
        }
    }

    /// One short reason with its clauses cited once, for a table cell:
    /// the label, and for an ineligible candidate the first date it may
    /// apply when there is one. [`Refusal::explain`] gives the full reason.
    ///
    /// ```
    /// use skill_grants::round::{Recommender, Refusal};
    /// use skill_grants::{Banner, Lang};
    /// let r = Refusal::OverQuota { listed: 3, quota: 2 };
    /// let by = Recommender::Banner(Banner::Dongsheng);
    /// assert_eq!(r.brief(Lang::En, &by), "list over its quota: 3 listed, quota 2 [4.3, 4.1]");
    /// assert_eq!(r.brief(Lang::Zh, &by), "名单超过名额：推荐 3 个，名额 2 个〔四（三）、四（一）〕");
    /// ```
    pub fn brief(&self, lang: Lang, by: &Recommender) -> String {
        let label = self.label(lang);
        let text = match (self, lang) {
            (Refusal::Ineligible { decision }, _) => match (decision.eligible_from(), lang) {
                (Some(on), Lang::Zh) => format!("不符合{label}；{}起可申报", zh_day(on)),
                (Some(on), Lang::En) => format!("fails {label}; may apply from {on}"),
                (None, Lang::Zh) => format!("不符合{label}"),
                (None, Lang::En) => format!("fails {label}"),
            },
            (Refusal::OverQuota { listed, quota }, Lang::Zh) => {
                format!("{label}：推荐 {listed} 个，名额 {quota} 个")
            }
            (Refusal::OverQuota { listed, quota }, Lang::En) => {
                format!("{label}: {listed} listed, quota {quota}")
            }
            (Refusal::UnitListedTwice { unit }, Lang::Zh) => format!("{label}：{unit}"),
            (Refusal::UnitListedTwice { unit }, Lang::En) => format!("{label}: {unit}"),
            (Refusal::ApplicationListedTwice { application }, Lang::Zh)
            | (Refusal::ApplicationOnOtherList { application, .. }, Lang::Zh) => {
                format!("{label}：{application}")
            }
            (Refusal::ApplicationListedTwice { application }, Lang::En)
            | (Refusal::ApplicationOnOtherList { application, .. }, Lang::En) => {
                format!("{label}: {application}")
            }
            (Refusal::OutsideJurisdiction { seat, .. }, Lang::Zh) => {
                format!("{label}（单位属{}）", seat.name(lang))
            }
            (Refusal::OutsideJurisdiction { seat, .. }, Lang::En) => {
                format!("{label} (the unit sits in {})", seat.name(lang))
            }
            _ => label,
        };
        cited_after(&text, &self.clauses(by), lang)
    }
}

/// The refusal's label in English ([`Refusal::label`]): its clauses depend on
/// the recommender, so they are cited by [`Refusal::brief`] and
/// [`Refusal::explain`], which take it.
///
/// ```
/// use skill_grants::round::Refusal;
/// let r = Refusal::OverQuota { listed: 3, quota: 2 };
/// assert_eq!(r.to_string(), "list over its quota");
/// ```
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Banner;

    #[test]
    fn every_kind_has_a_name_in_both_languages() {
        for kind in RefusalKind::ALL {
            assert!(!kind.name(Lang::Zh).is_empty());
            assert!(kind.name(Lang::En).is_ascii());
        }
        let by = Recommender::Banner(Banner::Dongsheng);
        let r = Refusal::OverQuota {
            listed: 3,
            quota: 2,
        };
        // The clauses are cited once, at the end.
        assert_eq!(r.brief(Lang::En, &by).matches('[').count(), 1);
    }
}
