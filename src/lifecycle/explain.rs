//! Events, commands and the ledger in words, Chinese and English: one
//! wording each ([`Event::explain`], [`Command::explain`],
//! [`Ledger::explain`]); `Display` is the English wording.

use std::fmt;

use super::command::{Action, Command};
use super::event::{Change, Event};
use super::types::{Actor, EvaluationRating, InspectionResult, Ledger, Misconduct};
use crate::lang::{Lang, cited_after, zh_day};
use crate::money::Yuan;

fn rating(r: EvaluationRating, lang: Lang) -> &'static str {
    match (r, lang) {
        (EvaluationRating::MeetsRequirements, Lang::Zh) => "达到要求",
        (EvaluationRating::MeetsRequirements, Lang::En) => "meets the requirements",
        (EvaluationRating::PartlyMeets, Lang::Zh) => "部分达到要求",
        (EvaluationRating::PartlyMeets, Lang::En) => "partly meets the requirements",
        (EvaluationRating::FailsRequirements, Lang::Zh) => "未达到要求",
        (EvaluationRating::FailsRequirements, Lang::En) => "fails the requirements",
    }
}

fn inspection(r: InspectionResult, lang: Lang) -> &'static str {
    match (r, lang) {
        (InspectionResult::Satisfactory, Lang::Zh) => "未发现问题",
        (InspectionResult::Satisfactory, Lang::En) => "no problem found",
        (InspectionResult::ProblemsFound, Lang::Zh) => "发现问题",
        (InspectionResult::ProblemsFound, Lang::En) => "problems found",
    }
}

fn misconduct(m: Misconduct, lang: Lang) -> &'static str {
    match (m, lang) {
        (Misconduct::Fraud, Lang::Zh) => "弄虚作假",
        (Misconduct::Fraud, Lang::En) => "fraud",
        (Misconduct::TrainingNotCarriedOut, Lang::Zh) => "未按要求开展培训",
        (Misconduct::TrainingNotCarriedOut, Lang::En) => "training not carried out",
    }
}

fn zh_en(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

impl Change {
    /// What happened, in a few words, without date or clause.
    ///
    /// ```
    /// use skill_grants::{Lang, lifecycle::Change};
    /// let c = Change::Accepted { rated_effective: true };
    /// assert_eq!(c.explain(Lang::Zh), "验收合格（效能显著）");
    /// assert_eq!(c.explain(Lang::En), "acceptance passed, rated effective");
    /// assert_eq!(Change::DeadlinePassed { lapsed: None }.explain(Lang::En), "construction period over");
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let name = self.kind().name(lang).to_owned();
        match self {
            Change::Started { start, deadline } => zh_en(
                lang,
                format!(
                    "{name}：补助 {}，完成期限{}",
                    start.released,
                    zh_day(*deadline)
                ),
                format!("{name}: {}, deadline {deadline}", start.released),
            ),
            Change::Paid { spend } => zh_en(
                lang,
                format!("支出 {}（{}）", spend.amount, spend.category.name(lang)),
                format!("paid {} ({})", spend.amount, spend.category.name(lang)),
            ),
            Change::DeadlinePassed { lapsed: Some(k) } => zh_en(
                lang,
                format!("{name}，{}失效", k.name(lang)),
                format!("{name}; the pending {} lapsed", k.name(lang)),
            ),
            Change::Inspected { result, .. } => zh_en(
                lang,
                format!("{name}：{}", inspection(*result, lang)),
                format!("{name}: {}", inspection(*result, lang)),
            ),
            Change::Evaluated {
                stage, rating: r, ..
            } => zh_en(
                lang,
                format!("第{stage}阶段评估：{}", rating(*r, lang)),
                format!("evaluation {stage}: {}", rating(*r, lang)),
            ),
            Change::Accepted {
                rated_effective: true,
            } => zh_en(
                lang,
                format!("{name}（效能显著）"),
                format!("{name}, rated effective"),
            ),
            Change::FindingVerified { misconduct: m, .. } => zh_en(
                lang,
                format!("{name}：{}", misconduct(*m, lang)),
                format!("{name}: {}", misconduct(*m, lang)),
            ),
            Change::Revoked {
                recovery_ordered,
                returned_from_account,
                owed,
            } => zh_en(
                lang,
                format!(
                    "撤销称号，追回 {recovery_ordered}（账户收回 {returned_from_account}，尚欠 {owed}）"
                ),
                format!(
                    "title revoked, {recovery_ordered} to recover ({returned_from_account} taken from the account, {owed} owed)"
                ),
            ),
            Change::RenameRequested { new_name, .. } => zh_en(
                lang,
                format!("申请更名为“{new_name}”"),
                format!("rename to “{new_name}” requested"),
            ),
            Change::LeadChangeRequested { new_lead, .. } => zh_en(
                lang,
                format!("申请变更领办人为{}", new_lead.name),
                format!("lead change to {} requested", new_lead.name),
            ),
            Change::Dissolved {
                returned_from_account,
                ..
            } => zh_en(
                lang,
                format!("{name}，收回余额 {returned_from_account}"),
                format!("{name}, balance of {returned_from_account} recovered"),
            ),
            Change::Repaid { amount } => zh_en(
                lang,
                format!("{name} {amount}"),
                format!("{name}: {amount}"),
            ),
            _ => name,
        }
    }
}

impl Event {
    /// The event in one line: date, what happened, clause.
    ///
    /// ```
    /// let run = skill_grants::sample::annual_round_2022()?;
    /// let first = &run.projects[0].log[0].event;
    /// assert_eq!(
    ///     first.explain(skill_grants::Lang::En),
    ///     "2022-09-20 subsidy released, project started: ¥200,000.00, deadline 2024-09-20 [5]"
    /// );
    /// assert_eq!(first.to_string(), first.explain(skill_grants::Lang::En));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let text = match lang {
            Lang::Zh => format!("{} {}", zh_day(self.on), self.change.explain(lang)),
            Lang::En => format!("{} {}", self.on, self.change.explain(lang)),
        };
        cited_after(&text, &[self.clause()], lang)
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}

impl Actor {
    /// Who gives a command, in words.
    ///
    /// ```
    /// use skill_grants::{Banner, Lang, lifecycle::Actor};
    /// assert_eq!(Actor::BannerAuthority(Banner::Dongsheng).explain(Lang::En), "the authorities of Dongsheng District");
    /// assert_eq!(Actor::CityFinance.explain(Lang::Zh), "市财政部门");
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match (self, lang) {
            (Actor::Unit(u), Lang::Zh) => format!("单位 {u}"),
            (Actor::Unit(u), Lang::En) => format!("unit {u}"),
            (Actor::BannerAuthority(b), Lang::Zh) => format!("{}人社、财政部门", b.name(lang)),
            (Actor::BannerAuthority(b), Lang::En) => {
                format!("the authorities of {}", b.name(lang))
            }
            (Actor::BodyAuthority(b), Lang::Zh) => format!("主管部门 {b}"),
            (Actor::BodyAuthority(b), Lang::En) => format!("the body {b}"),
            (Actor::City, Lang::Zh) => "市人力资源社会保障局、财政局".to_owned(),
            (Actor::City, Lang::En) => "the city bureaus".to_owned(),
            (Actor::CityFinance, Lang::Zh) => "市财政部门".to_owned(),
            (Actor::CityFinance, Lang::En) => "city finance".to_owned(),
            (Actor::ExpertGroup, Lang::Zh) => "专家组".to_owned(),
            (Actor::ExpertGroup, Lang::En) => "the expert group".to_owned(),
        }
    }
}

impl Action {
    /// What a command asks for, in a few words.
    ///
    /// ```
    /// use skill_grants::{Lang, Yuan, lifecycle::{Action, Spend, SpendingCategory}};
    /// let pay = Action::Pay { spend: Spend::studio(SpendingCategory::Travel, Yuan::from_yuan(6_000)) };
    /// assert_eq!(pay.explain(Lang::En), "pay ¥6,000.00 (travel)");
    /// assert_eq!(pay.explain(Lang::Zh), "支出 ¥6,000.00（差旅费）");
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let name = self.kind().name(lang).to_owned();
        match self {
            Action::Pay { spend } => zh_en(
                lang,
                format!("支出 {}（{}）", spend.amount, spend.category.name(lang)),
                format!("pay {} ({})", spend.amount, spend.category.name(lang)),
            ),
            Action::Evaluate {
                stage, rating: r, ..
            } => zh_en(
                lang,
                format!("第{stage}阶段评估：{}", rating(*r, lang)),
                format!("evaluation {stage}: {}", rating(*r, lang)),
            ),
            Action::Accept {
                rated_effective: true,
            } => zh_en(
                lang,
                format!("{name}（效能显著）"),
                format!("{name}, rated effective"),
            ),
            Action::RequestRename { new_name, .. } => zh_en(
                lang,
                format!("申请更名为“{new_name}”"),
                format!("request a rename to “{new_name}”"),
            ),
            Action::RequestLeadChange { new_lead, .. } => zh_en(
                lang,
                format!("申请变更领办人为{}", new_lead.name),
                format!("request a lead change to {}", new_lead.name),
            ),
            Action::RecordRepayment { amount } => zh_en(
                lang,
                format!("收回欠款 {amount}"),
                format!("record a repayment of {amount}"),
            ),
            _ => name,
        }
    }
}

impl Command {
    /// The command in one line: date, who, what.
    ///
    /// ```
    /// use skill_grants::{Lang, NaiveDate, Yuan};
    /// use skill_grants::lifecycle::{Action, Actor, Command, Spend, SpendingCategory};
    /// let on = NaiveDate::from_ymd_opt(2023, 1, 12).unwrap();
    /// let pay = Action::Pay { spend: Spend::studio(SpendingCategory::Travel, Yuan::from_yuan(6_000)) };
    /// let c = Command::new(Actor::CityFinance, on, pay);
    /// assert_eq!(c.explain(Lang::En), "2023-01-12 city finance: pay ¥6,000.00 (travel)");
    /// assert_eq!(c.to_string(), c.explain(Lang::En));
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let by = self.by.explain(lang);
        let what = self.action.explain(lang);
        match lang {
            Lang::Zh => format!("{} {by}：{what}", self.on),
            Lang::En => format!("{} {by}: {what}", self.on),
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}

impl Ledger {
    /// The account in one line: released = spent + recovered + balance, and
    /// any debt after a revocation.
    ///
    /// ```
    /// use skill_grants::{Lang, Yuan, lifecycle::Ledger};
    /// let l = Ledger::opened(Yuan::from_yuan(50_000));
    /// assert_eq!(
    ///     l.explain(Lang::En),
    ///     "released ¥50,000.00 = spent ¥0.00 + recovered ¥0.00 + balance ¥50,000.00; payments: 0 [7.1]"
    /// );
    /// assert_eq!(l.to_string(), l.explain(Lang::En));
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let mut text = zh_en(
            lang,
            format!(
                "下达 {} = 支出 {} + 收回 {} + 余额 {}；支出 {} 笔",
                self.released, self.spent, self.returned_from_account, self.balance, self.payments
            ),
            format!(
                "released {} = spent {} + recovered {} + balance {}; payments: {}",
                self.released, self.spent, self.returned_from_account, self.balance, self.payments
            ),
        );
        if self.recovery_ordered != Yuan::ZERO {
            text.push_str(&zh_en(
                lang,
                format!(
                    "；责令追回 {}，已还 {}，尚欠 {}",
                    self.recovery_ordered, self.repaid, self.owed
                ),
                format!(
                    "; recovery ordered {}, repaid {}, owed {}",
                    self.recovery_ordered, self.repaid, self.owed
                ),
            ));
        }
        let clauses =
            if self.recovery_ordered != Yuan::ZERO || self.returned_from_account != Yuan::ZERO {
                [crate::clause::ClauseId::C7_1, crate::clause::ClauseId::C7_2].as_slice()
            } else {
                [crate::clause::ClauseId::C7_1].as_slice()
            };
        cited_after(&text, clauses, lang)
    }
}

impl fmt::Display for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}
