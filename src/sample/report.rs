//! The report of the built-in run (what `cargo run -p annual-round`
//! prints): a summary of about ten lines, then the detail, in Chinese or
//! English. Tables are aligned by display width (a Chinese character takes
//! two columns), money is right-aligned, scores have two places, and each
//! reason cites its clauses once.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use super::names::name;
use super::scenario::{AnnualRun, MoneyLine};
use crate::domain::{Fund, ProjectKind, Seat};
use crate::lang::{Lang, zh_day};
use crate::lifecycle::Change;
use crate::round::{Funding, Recommender, Verdict};

/// Picks the phrase of a language.
fn t<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A column's alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A plain text table aligned by display width; the last column is not
/// padded when left-aligned.
struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn write(&self, out: &mut String) {
        if self.rows.is_empty() {
            out.push_str("(—)\n");
            return;
        }
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        self.line(out, &self.header, &widths);
        self.line(out, &rule, &widths);
        for row in &self.rows {
            self.line(out, row, &widths);
        }
    }

    fn line(&self, out: &mut String, cells: &[String], widths: &[usize]) {
        let mut s = String::new();
        let last = cells.len().saturating_sub(1);
        for (i, ((cell, w), align)) in cells.iter().zip(widths).zip(&self.align).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let pad = " ".repeat(w.saturating_sub(cell.width()));
            match align {
                Align::Right => {
                    s.push_str(&pad);
                    s.push_str(cell);
                }
                Align::Left => {
                    s.push_str(cell);
                    if i < last {
                        s.push_str(&pad);
                    }
                }
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    }
}

fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&"═".repeat(title.width().min(100)));
    out.push('\n');
}

/// A recommender's name in a language (the sample's bodies translated).
fn recommender(r: &Recommender, lang: Lang) -> String {
    name(r.name(lang), lang)
}

fn seat(s: &Seat, lang: Lang) -> String {
    name(s.name(lang), lang)
}

/// Two places, as the expert group scores.
fn score(s: Option<crate::round::Score>) -> String {
    s.map(|s| format!("{:.2}", Decimal::from(s)))
        .unwrap_or_default()
}

/// Label-and-value lines, the labels padded to one display width.
fn labelled(out: &mut String, lines: &[(String, String)]) {
    let width = lines.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    for (label, value) in lines {
        let pad = " ".repeat(width.saturating_sub(label.width()));
        let mut first = true;
        for part in value.split('\n') {
            if first {
                let _ = writeln!(out, "{label}{pad}  {part}");
                first = false;
            } else {
                let _ = writeln!(out, "{}  {part}", " ".repeat(width));
            }
        }
    }
}

/// Items joined into lines no wider than `width`.
fn wrap(items: &[String], sep: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        if !line.is_empty() && line.width() + sep.width() + item.width() > width {
            line.push_str(sep.trim_end());
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(item);
    }
    lines.push(line);
    lines.join("\n")
}

impl AnnualRun {
    /// The run in about ten lines: what was funded, by kind and fund; who
    /// was refused and why; who was removed; what the projects came to; and
    /// the money, drawn and left.
    ///
    /// ```
    /// use skill_grants::{Lang, sample};
    /// let run = sample::annual_round_2022()?;
    /// let summary = run.summary(Lang::En);
    /// assert!(summary.contains("5 training bases and 9 studios"));
    /// assert!(summary.lines().count() <= 14);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self, lang: Lang) -> String {
        let o = &self.round;
        let mut out = String::new();
        let title = match lang {
            Lang::Zh => format!(
                "{} 年度评审结果（鄂人社发〔2022〕100号，{} 第 {} 版）",
                o.year, o.policy.id, o.policy.revision
            ),
            Lang::En => format!(
                "The {} round of 鄂人社发〔2022〕100号 (policy {} rev. {})",
                o.year, o.policy.id, o.policy.revision
            ),
        };
        let _ = writeln!(out, "{title}\n{}", "═".repeat(title.width().min(100)));
        let funded = |kind: ProjectKind| o.projects.iter().filter(|p| p.kind == kind).count();
        let (bases, studios) = (
            funded(ProjectKind::TrainingBase),
            funded(ProjectKind::Studio),
        );
        let mut lines: Vec<(String, String)> = Vec::new();
        let released = o
            .released_on
            .map(|d| match lang {
                Lang::Zh => zh_day(d).to_string(),
                Lang::En => d.to_string(),
            })
            .unwrap_or_else(|| "—".into());
        lines.push((
            t(lang, "入选下达", "Funded").to_owned(),
            match lang {
                Lang::Zh => format!(
                    "培训基地 {bases} 个、工作室 {studios} 个（本年名额 {} 个、{} 个），共 {}，{released}下达〔二（二）、五〕",
                    o.places.training_bases, o.places.studios, self.money_total.released
                ),
                Lang::En => format!(
                    "{bases} training bases and {studios} studios ({} and {} places this year), {} released on {released} [2.2, 5]",
                    o.places.training_bases, o.places.studios, self.money_total.released
                ),
            },
        ));
        let mut funds = Table::new(&[
            (t(lang, "资金", "fund"), Align::Left),
            (t(lang, "原有", "held"), Align::Right),
            (t(lang, "列支", "drawn"), Align::Right),
            (t(lang, "结余", "left"), Align::Right),
        ]);
        for f in Fund::ALL {
            funds.row(vec![
                f.name(lang).to_owned(),
                o.balances.of(f).to_string(),
                o.drawn.of(f).to_string(),
                o.remaining.of(f).to_string(),
            ]);
        }
        let mut fund_text = String::new();
        funds.write(&mut fund_text);
        lines.push((
            t(lang, "资金", "Funds").to_owned(),
            fund_text.trim_end().to_owned(),
        ));

        // Refused, grouped by reason in order of first appearance.
        let mut reasons: Vec<(String, usize)> = Vec::new();
        let mut refused = 0usize;
        for c in &o.candidates {
            if let Verdict::Refused { reasons: rs } = &c.verdict {
                refused += 1;
                let label = rs
                    .iter()
                    .map(|r| r.label(lang))
                    .collect::<Vec<_>>()
                    .join(t(lang, "；", "; "));
                match reasons.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, n)) => *n += 1,
                    None => reasons.push((label, 1)),
                }
            }
        }
        let items: Vec<String> = reasons
            .iter()
            .map(|(l, n)| match n {
                1 => l.clone(),
                n => format!("{l} ×{n}"),
            })
            .collect();
        let head = match lang {
            Lang::Zh => format!("{refused} 个（共 {} 个）：", o.candidates.len()),
            Lang::En => format!("{refused} of {}: ", o.candidates.len()),
        };
        let mut all = vec![format!(
            "{head}{}",
            items.first().cloned().unwrap_or_default()
        )];
        all.extend(items.iter().skip(1).cloned());
        lines.push((
            t(lang, "不予受理", "Refused").to_owned(),
            wrap(&all, t(lang, "，", ", "), 90),
        ));
        let not_selected = o
            .candidates
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::NotSelected { .. }))
            .count();
        let not_funded = o
            .candidates
            .iter()
            .filter(|c| {
                matches!(
                    c.verdict,
                    Verdict::Selected {
                        funding: Funding::NotFunded { .. },
                        ..
                    }
                )
            })
            .count();
        lines.push((
            t(lang, "未入选", "Not selected").to_owned(),
            match lang {
                Lang::Zh => format!(
                    "{not_selected} 个（名额已满）；入选而资金不足 {not_funded} 个〔二（一）、五〕"
                ),
                Lang::En => format!(
                    "{not_selected} (places filled); selected but not funded: {not_funded} [2.1, 5]"
                ),
            },
        ));
        let removed: Vec<String> = o
            .candidates
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Removed { .. }))
            .map(|c| c.application.to_string())
            .collect();
        lines.push((
            t(lang, "公示后取消", "Removed").to_owned(),
            match lang {
                Lang::Zh => format!(
                    "{} 个（{}），异议成立，不递补，资金退回（R9）〔五〕",
                    removed.len(),
                    removed.join("、")
                ),
                Lang::En => format!(
                    "{} ({}), objection upheld; no move-up, its money back in the funds (R9) [5]",
                    removed.len(),
                    removed.join(", ")
                ),
            },
        ));
        // The projects on the last day, by status.
        let mut statuses: Vec<(String, usize)> = Vec::new();
        for p in &self.projects {
            let s = p.status.name(lang).to_owned();
            match statuses.iter_mut().find(|(l, _)| *l == s) {
                Some((_, n)) => *n += 1,
                None => statuses.push((s, 1)),
            }
        }
        let refused_commands: usize = self.projects.iter().map(|p| p.refused.len()).sum();
        let items: Vec<String> = statuses
            .iter()
            .map(|(s, n)| match lang {
                Lang::Zh => format!("{s} {n} 个"),
                Lang::En => format!("{s}: {n}"),
            })
            .collect();
        lines.push((
            match lang {
                Lang::Zh => format!("至{}", zh_day(self.as_of)),
                Lang::En => format!("On {}", self.as_of),
            },
            match lang {
                Lang::Zh => format!("{}；拒绝指令 {refused_commands} 条", items.join("，")),
                Lang::En => format!("{}; {refused_commands} commands refused", items.join(", ")),
            },
        ));
        let m = &self.money_total;
        let check = if self.money_balances() { "✓" } else { "✗" };
        lines.push((
            t(lang, "资金去向", "Money").to_owned(),
            match lang {
                Lang::Zh => format!(
                    "下达 {} = 支出 {} + 收回 {} + 余额 {} {check}〔七（一）、七（二）〕",
                    m.released, m.spent, m.recovered, m.balance
                ),
                Lang::En => format!(
                    "released {} = spent {} + recovered {} + balance {} {check} [7.1, 7.2]",
                    m.released, m.spent, m.recovered, m.balance
                ),
            },
        ));
        labelled(&mut out, &lines);
        out
    }

    /// The whole report: [`AnnualRun::summary`] first, then the detail —
    /// the lists against their quotas, the refused candidates (one short
    /// reason each), the city ranking, the public notice, the funded
    /// projects, each project's construction period, the refused commands
    /// and the money per project.
    ///
    /// ```
    /// use skill_grants::{Lang, sample};
    /// let run = sample::annual_round_2022()?;
    /// let report = run.report(Lang::En);
    /// assert!(report.starts_with(&run.summary(Lang::En)));
    /// // English throughout: no Chinese outside the notice's number.
    /// let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    /// assert!(report.lines().all(|l| l.contains("鄂人社发") || !l.chars().any(han)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self, lang: Lang) -> String {
        let mut out = self.summary(lang);
        self.lists(&mut out, lang);
        self.refused(&mut out, lang);
        self.ranking(&mut out, lang);
        self.notice(&mut out, lang);
        self.funded(&mut out, lang);
        self.construction(&mut out, lang);
        self.money(&mut out, lang);
        out
    }

    fn lists(&self, out: &mut String, lang: Lang) {
        heading(
            out,
            t(
                lang,
                "一、推荐名单与名额〔四（一）、四（二）、四（三）〕",
                "1. Lists against their quotas [4.1, 4.2, 4.3]",
            ),
        );
        let mut table = Table::new(&[
            (t(lang, "推荐单位", "recommender"), Align::Left),
            (t(lang, "基地名额", "base quota"), Align::Right),
            (t(lang, "推荐", "listed"), Align::Right),
            (t(lang, "受理", "admitted"), Align::Right),
            (t(lang, "工作室名额", "studio quota"), Align::Right),
            (t(lang, "推荐", "listed"), Align::Right),
            (t(lang, "受理", "admitted"), Align::Right),
        ]);
        let mut seen: Vec<&Recommender> = Vec::new();
        for l in &self.round.lists {
            if !seen.contains(&&l.recommender) {
                seen.push(&l.recommender);
            }
        }
        for r in seen {
            let mut row = vec![recommender(r, lang)];
            for kind in ProjectKind::ALL {
                match self
                    .round
                    .lists
                    .iter()
                    .find(|l| &l.recommender == r && l.kind == kind)
                {
                    Some(l) => row.extend([
                        l.quota.to_string(),
                        l.listed.to_string(),
                        l.admitted.to_string(),
                    ]),
                    None => row.extend(["—".to_owned(), "—".to_owned(), "—".to_owned()]),
                }
            }
            table.row(row);
        }
        table.write(out);
    }

    fn refused(&self, out: &mut String, lang: Lang) {
        heading(
            out,
            t(
                lang,
                "二、不予受理（每项一个原因，条款见括号）",
                "2. Refused candidates (one reason each, its clause in brackets)",
            ),
        );
        let mut table = Table::new(&[
            (t(lang, "申报", "application"), Align::Left),
            (t(lang, "单位", "unit"), Align::Left),
            (t(lang, "原因", "reason"), Align::Left),
        ]);
        for c in &self.round.candidates {
            if let Verdict::Refused { reasons } = &c.verdict {
                let why: Vec<String> = reasons
                    .iter()
                    .map(|r| r.brief(lang, &c.recommender))
                    .collect();
                table.row(vec![
                    c.application.to_string(),
                    name(&c.unit_name, lang),
                    why.join(t(lang, "；", "; ")),
                ]);
            }
        }
        table.write(out);
        out.push_str(t(
            lang,
            "（单位名称后的〔R1〕等为示例数据所标的拒绝原因。）\n",
            "(The [R1] and the like after a sample unit's name mark the reason it was built to be refused.)\n",
        ));
    }

    fn ranking(&self, out: &mut String, lang: Lang) {
        heading(
            out,
            t(
                lang,
                "三、全市评审排名：得分高者在前，同分按推荐位次、申报编号（R9）〔五〕",
                "3. City ranking: higher score first, ties by recommendation rank, then id (R9) [5]",
            ),
        );
        let experts: Vec<String> = self
            .round
            .experts
            .iter()
            .map(|e| name(&e.name, lang))
            .collect();
        let _ = writeln!(
            out,
            "{}{}",
            t(lang, "专家组：", "Expert group: "),
            experts.join(t(lang, "、", ", "))
        );
        for kind in ProjectKind::ALL {
            let _ = writeln!(out, "\n{}", kind.name(lang));
            let mut table = Table::new(&[
                (t(lang, "名次", "rank"), Align::Right),
                (t(lang, "得分", "score"), Align::Right),
                (t(lang, "申报", "application"), Align::Left),
                (t(lang, "单位", "unit"), Align::Left),
                (t(lang, "推荐单位", "recommender"), Align::Left),
                (t(lang, "结果", "result"), Align::Left),
            ]);
            for c in self
                .round
                .candidates
                .iter()
                .filter(|c| c.kind == kind && c.city_rank.is_some())
            {
                table.row(vec![
                    c.city_rank.map(|r| r.to_string()).unwrap_or_default(),
                    score(c.score),
                    c.application.to_string(),
                    name(&c.unit_name, lang),
                    recommender(&c.recommender, lang),
                    verdict(&c.verdict, lang).to_owned(),
                ]);
            }
            table.write(out);
        }
    }

    fn notice(&self, out: &mut String, lang: Lang) {
        let Some(n) = self.round.notice else {
            return;
        };
        heading(
            out,
            &match lang {
                Lang::Zh => format!(
                    "四、公示{}至{}：5 个工作日，节假日不计（R9）〔五〕",
                    zh_day(n.starts_on),
                    zh_day(n.ends_on)
                ),
                Lang::En => format!(
                    "4. Public notice {} to {}: 5 working days, holidays not counted (R9) [5]",
                    n.starts_on, n.ends_on
                ),
            },
        );
        let mut table = Table::new(&[
            (t(lang, "收到", "received"), Align::Left),
            (t(lang, "申报", "application"), Align::Left),
            (t(lang, "异议", "objection"), Align::Left),
            (t(lang, "结论", "finding"), Align::Left),
        ]);
        for r in &self.round.objections {
            let ob = &r.objection;
            let finding = match (ob.upheld, &r.moved_up, lang) {
                (true, None, Lang::Zh) => "成立：取消入选，不递补，资金退回".to_owned(),
                (true, None, Lang::En) => {
                    "upheld: removed, no move-up, its money back in the funds".to_owned()
                }
                (true, Some(a), Lang::Zh) => format!("成立：取消入选，{a} 递补"),
                (true, Some(a), Lang::En) => format!("upheld: removed, {a} moved up"),
                (false, _, Lang::Zh) => "不成立".to_owned(),
                (false, _, Lang::En) => "dismissed".to_owned(),
            };
            table.row(vec![
                ob.received_on.to_string(),
                ob.application.to_string(),
                name(&ob.summary, lang),
                finding,
            ]);
        }
        table.write(out);
    }

    fn funded(&self, out: &mut String, lang: Lang) {
        heading(
            out,
            t(
                lang,
                "五、下达资金的项目：先列支就业补助资金，不足部分由市人才专项资金解决〔二（二）〕",
                "5. Projects funded: the employment subsidy fund first, the talent fund for the rest [2.2]",
            ),
        );
        let mut table = Table::new(&[
            (t(lang, "项目", "project"), Align::Left),
            (t(lang, "单位", "unit"), Align::Left),
            (t(lang, "属地", "seat"), Align::Left),
            (t(lang, "补助", "subsidy"), Align::Right),
            (Fund::EmploymentSubsidy.name(lang), Align::Right),
            (Fund::TalentSpecial.name(lang), Align::Right),
        ]);
        for p in &self.round.projects {
            let drawn = |fund: Fund| {
                p.draws
                    .iter()
                    .find(|d| d.fund == fund)
                    .map(|d| d.amount.to_string())
                    .unwrap_or_else(|| "—".into())
            };
            table.row(vec![
                p.id.to_string(),
                name(&p.unit_name, lang),
                seat(&p.unit_seat, lang),
                p.amount.to_string(),
                drawn(Fund::EmploymentSubsidy),
                drawn(Fund::TalentSpecial),
            ]);
        }
        table.write(out);
    }

    fn construction(&self, out: &mut String, lang: Lang) {
        heading(
            out,
            &match lang {
                Lang::Zh => format!("六、建设期：各项目至{}的经过〔六、七〕", zh_day(self.as_of)),
                Lang::En => format!("6. Construction: each project up to {} [6, 7]", self.as_of),
            },
        );
        let mut table = Table::new(&[
            (t(lang, "项目", "project"), Align::Left),
            (t(lang, "单位（现名）", "unit (current name)"), Align::Left),
            (t(lang, "完成期限", "deadline"), Align::Left),
            (t(lang, "状态", "status"), Align::Left),
            (t(lang, "经过", "what happened"), Align::Left),
        ]);
        for p in &self.projects {
            let pr = &p.project;
            table.row(vec![
                pr.id().to_string(),
                name(pr.unit_name(), lang),
                pr.deadline().to_string(),
                p.status.name(lang).to_owned(),
                history(p, lang),
            ]);
        }
        table.write(out);

        heading(out, t(lang, "七、被拒绝的指令", "7. Commands refused"));
        let mut table = Table::new(&[
            (t(lang, "项目", "project"), Align::Left),
            (t(lang, "指令", "command"), Align::Left),
            (t(lang, "原因", "reason"), Align::Left),
        ]);
        for p in &self.projects {
            for r in &p.refused {
                table.row(vec![
                    p.project.id().to_string(),
                    match lang {
                        Lang::Zh => format!(
                            "{} {}",
                            zh_day(r.command.on),
                            r.command.action.explain(lang)
                        ),
                        Lang::En => format!("{} {}", r.command.on, r.command.action.explain(lang)),
                    },
                    r.reason(lang).to_owned(),
                ]);
            }
        }
        table.write(out);
    }

    fn money(&self, out: &mut String, lang: Lang) {
        heading(
            out,
            t(
                lang,
                "八、资金去向：下达 = 支出 + 收回 + 余额〔七（一）、七（二）、七（三）〕",
                "8. Money: released = spent + recovered + balance [7.1, 7.2, 7.3]",
            ),
        );
        let mut table = Table::new(&[
            (t(lang, "项目", "project"), Align::Left),
            (t(lang, "下达", "released"), Align::Right),
            (t(lang, "支出", "spent"), Align::Right),
            (t(lang, "收回", "recovered"), Align::Right),
            (t(lang, "余额", "balance"), Align::Right),
            (t(lang, "追回已支出", "repaid"), Align::Right),
            (t(lang, "尚欠", "owed"), Align::Right),
            (t(lang, "平衡", "adds up"), Align::Left),
        ]);
        let line = |label: String, m: &MoneyLine| {
            vec![
                label,
                m.released.to_string(),
                m.spent.to_string(),
                m.recovered.to_string(),
                m.balance.to_string(),
                m.repaid.to_string(),
                m.owed.to_string(),
                if m.balances() { "✓" } else { "✗" }.to_owned(),
            ]
        };
        for p in &self.projects {
            table.row(line(p.project.id().to_string(), &p.money));
        }
        table.row(line(t(lang, "合计", "total").to_owned(), &self.money_total));
        table.write(out);
    }
}

/// A candidate's place in the ranking, in a few words.
fn verdict(v: &Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Selected {
            funding: Funding::Funded { .. },
            moved_up_for: None,
        } => t(lang, "入选", "selected"),
        Verdict::Selected {
            funding: Funding::Funded { .. },
            ..
        } => t(lang, "递补入选", "selected (moved up)"),
        Verdict::Selected { .. } => t(lang, "入选，资金不足", "selected, not funded"),
        Verdict::NotSelected { .. } => {
            t(lang, "未入选（名额已满）", "not selected (places filled)")
        }
        Verdict::Removed { .. } => t(lang, "异议成立，取消", "removed (objection upheld)"),
        Verdict::Admitted => t(lang, "已受理", "admitted"),
        Verdict::Refused { .. } => t(lang, "不予受理", "refused"),
    }
}

/// A project's notable events in order, each with its date where it ends or
/// changes the project.
fn history(p: &super::scenario::ProjectRun, lang: Lang) -> String {
    let payments = p
        .log
        .iter()
        .filter(|r| matches!(r.event.change, Change::Paid { .. }))
        .count();
    let mut out: Vec<String> = vec![match lang {
        Lang::Zh => format!("支出 {payments} 笔"),
        Lang::En => format!("{payments} payments"),
    }];
    let stages: Vec<String> = p
        .log
        .iter()
        .filter_map(|r| match r.event.change {
            Change::Evaluated { stage, .. } => Some(stage.to_string()),
            _ => None,
        })
        .collect();
    if !stages.is_empty() {
        out.push(match lang {
            Lang::Zh => format!("阶段评估 {} 次", stages.len()),
            Lang::En => format!("evaluated {}×", stages.len()),
        });
    }
    for r in &p.log {
        let e = &r.event;
        let on = e.on;
        let zh_on = zh_day(on);
        let note = match (&e.change, lang) {
            (Change::RenameApproved, Lang::Zh) => Some(format!("{zh_on}更名")),
            (Change::RenameApproved, Lang::En) => Some(format!("renamed {on}")),
            (Change::LeadChangeApproved, Lang::Zh) => Some(format!("{zh_on}更换领办人")),
            (Change::LeadChangeApproved, Lang::En) => Some(format!("lead replaced {on}")),
            (Change::ConstructionCompleted, Lang::Zh) => Some(format!("{zh_on}完成建设")),
            (Change::ConstructionCompleted, Lang::En) => Some(format!("completed {on}")),
            (Change::DeadlinePassed { .. }, Lang::Zh) => Some(format!("{zh_on}建设期结束")),
            (Change::DeadlinePassed { .. }, Lang::En) => Some(format!("period ended {on}")),
            (Change::Accepted { rated_effective }, Lang::Zh) => Some(format!(
                "{zh_on}验收合格{}",
                if *rated_effective {
                    "（效能显著）"
                } else {
                    ""
                }
            )),
            (Change::Accepted { rated_effective }, Lang::En) => Some(format!(
                "accepted {on}{}",
                if *rated_effective { " (effective)" } else { "" }
            )),
            (Change::NotAccepted, _)
            | (Change::Revoked { .. }, _)
            | (Change::Dissolved { .. }, _) => Some(match lang {
                Lang::Zh => format!("{zh_on}{}", e.kind().name(lang)),
                Lang::En => format!("{} {on}", e.kind().name(lang)),
            }),
            (Change::Repaid { amount }, Lang::Zh) => Some(format!("{zh_on}收回欠款 {amount}")),
            (Change::Repaid { amount }, Lang::En) => Some(format!("repaid {amount} {on}")),
            _ => None,
        };
        out.extend(note);
    }
    out.join(t(lang, "，", ", "))
}
