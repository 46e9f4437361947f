//! Explanations of a round in Chinese and English, citing clauses.

use std::fmt::Write as _;

use super::inputs::Recommender;
use super::outcome::{CandidateOutcome, RoundOutcome};
use super::verdict::{Draw, Funding, NotSelectedReason, Refusal, Verdict};
use crate::domain::{Fund, ProjectKind};
use crate::lang::{Lang, cited_after, zh_day};
use crate::money::Yuan;

fn money(y: Yuan, lang: Lang) -> String {
    match lang {
        Lang::Zh => y.to_chinese(),
        Lang::En => y.to_string(),
    }
}

fn draws_text(draws: &[Draw], lang: Lang) -> String {
    let parts: Vec<String> = draws
        .iter()
        .map(|d| match lang {
            Lang::Zh => format!("{}{}", d.fund.name(lang), money(d.amount, lang)),
            Lang::En => format!("{} from the {}", money(d.amount, lang), d.fund.name(lang)),
        })
        .collect();
    match lang {
        Lang::Zh => parts.join("，"),
        Lang::En => parts.join(", "),
    }
}

impl Refusal {
    /// The reason in a language, naming its clause.
    ///
    /// ```
    /// use skill_grants::round::{Recommender, Refusal};
    /// use skill_grants::{Banner, Lang};
    /// let r = Refusal::OverQuota { listed: 3, quota: 2 };
    /// let by = Recommender::Banner(Banner::Dongsheng);
    /// assert_eq!(r.explain(Lang::Zh, &by), "名单 3 个，超过推荐名额 2 个，整单退回〔四（三）、四（一）〕");
    /// assert!(r.explain(Lang::En, &by).contains("quota of 2"));
    /// ```
    pub fn explain(&self, lang: Lang, by: &Recommender) -> String {
        let text = match (self, lang) {
            (Refusal::OverQuota { listed, quota }, Lang::Zh) => {
                format!("名单 {listed} 个，超过推荐名额 {quota} 个，整单退回")
            }
            (Refusal::OverQuota { listed, quota }, Lang::En) => {
                format!("the list of {listed} exceeds the quota of {quota}: refused whole")
            }
            (Refusal::ReportIncomplete { missing }, lang) => {
                let parts: Vec<&str> = missing.iter().map(|p| p.name(lang)).collect();
                match lang {
                    Lang::Zh => format!("推荐报告缺少{}，整单退回", parts.join("、")),
                    Lang::En => format!("the report lacks its {}: refused whole", parts.join(", ")),
                }
            }
            (Refusal::UnitListedTwice { unit }, Lang::Zh) => {
                format!("单位 {unit} 在名单中重复出现，整单退回")
            }
            (Refusal::UnitListedTwice { unit }, Lang::En) => {
                format!("unit {unit} is listed twice: refused whole")
            }
            (Refusal::ApplicationListedTwice { application }, Lang::Zh) => {
                format!("申报 {application} 在名单中重复出现，整单退回")
            }
            (Refusal::ApplicationListedTwice { application }, Lang::En) => {
                format!("application {application} is listed twice: refused whole")
            }
            (Refusal::ApplicationOnOtherList { application, kind }, Lang::Zh) => format!(
                "申报 {application} 已列入本单位的{}推荐名单，整单退回",
                kind.name(lang)
            ),
            (Refusal::ApplicationOnOtherList { application, kind }, Lang::En) => format!(
                "application {application} already stands on this recommender's {} list: refused whole",
                kind.name(lang)
            ),
            (Refusal::OutsideJurisdiction { banner, seat }, Lang::Zh) => {
                format!("单位属{}，不在{}辖区内", seat.name(lang), banner.name(lang))
            }
            (Refusal::OutsideJurisdiction { banner, seat }, Lang::En) => format!(
                "the unit sits in {}, outside the jurisdiction of {}",
                seat.name(lang),
                banner.name(lang)
            ),
            (Refusal::NotUnderBody { body, seat }, Lang::Zh) => {
                format!("单位属{}，非{}直属单位", seat.name(lang), body)
            }
            (Refusal::NotUnderBody { body, seat }, Lang::En) => format!(
                "the unit sits under {}, not directly under {}",
                seat.name(lang),
                body
            ),
            (Refusal::NotIndependentLegalPerson { body }, Lang::Zh) => {
                format!("非{body}直属的具有独立法人资格的单位")
            }
            (Refusal::NotIndependentLegalPerson { body }, Lang::En) => {
                format!("not an independent legal person (under {body})")
            }
            (Refusal::ListedByOthers { others }, lang) => {
                let names: Vec<&str> = others.iter().map(|o| o.name(lang)).collect();
                match lang {
                    Lang::Zh => format!("同时被{}推荐，重复推荐不予受理", names.join("、")),
                    Lang::En => format!("also listed by {}: not admitted", names.join(", ")),
                }
            }
            // Each failed finding names its clause already: not cited again.
            (Refusal::Ineligible { decision }, lang) => {
                let failed: Vec<String> = decision.failures().map(|f| f.explain(lang)).collect();
                return match lang {
                    Lang::Zh => format!("不符合申报条件：{}", failed.join("；")),
                    Lang::En => format!("not eligible: {}", failed.join("; ")),
                };
            }
        };
        cited_after(&text, &self.clauses(by), lang)
    }
}

impl CandidateOutcome {
    /// Why this candidate stands where it does, citing clauses.
    pub fn explain(&self, lang: Lang) -> String {
        let rank = self.city_rank.unwrap_or(0);
        let text = match (&self.verdict, lang) {
            (Verdict::Refused { reasons }, lang) => {
                let parts: Vec<String> = reasons
                    .iter()
                    .map(|r| r.explain(lang, &self.recommender))
                    .collect();
                return match lang {
                    Lang::Zh => format!("不予受理：{}", parts.join("；")),
                    Lang::En => format!("refused: {}", parts.join("; ")),
                };
            }
            (Verdict::Admitted, Lang::Zh) => "已受理，待全市评审".to_owned(),
            (Verdict::Admitted, Lang::En) => "admitted, awaiting the city review".to_owned(),
            (
                Verdict::Selected {
                    funding,
                    moved_up_for,
                },
                lang,
            ) => {
                let mut s = match lang {
                    Lang::Zh => format!("第 {rank} 名，入选"),
                    Lang::En => format!("ranked {rank}, selected"),
                };
                if let Some(other) = moved_up_for {
                    let _ = match lang {
                        Lang::Zh => write!(s, "（{other} 异议成立后递补）"),
                        Lang::En => write!(s, " (moved up after the objection to {other})"),
                    };
                }
                let _ = match (funding, lang) {
                    (Funding::Funded { amount, draws }, Lang::Zh) => write!(
                        s,
                        "；补助{}（{}）",
                        money(*amount, lang),
                        draws_text(draws, lang)
                    ),
                    (Funding::Funded { amount, draws }, Lang::En) => write!(
                        s,
                        "; subsidy {} ({})",
                        money(*amount, lang),
                        draws_text(draws, lang)
                    ),
                    (Funding::NotFunded { subsidy, available }, Lang::Zh) => write!(
                        s,
                        "；两项资金合计仅余{}，不足补助{}，不予补助",
                        money(*available, lang),
                        money(*subsidy, lang)
                    ),
                    (Funding::NotFunded { subsidy, available }, Lang::En) => write!(
                        s,
                        "; not funded: the two funds held {} together, short of the subsidy {}",
                        money(*available, lang),
                        money(*subsidy, lang)
                    ),
                };
                s
            }
            (Verdict::NotSelected { reason }, lang) => match (reason, lang) {
                (NotSelectedReason::PlacesFilled { places }, Lang::Zh) => {
                    format!("第 {rank} 名，未入选：本年度名额 {places} 个已满")
                }
                (NotSelectedReason::PlacesFilled { places }, Lang::En) => {
                    format!("ranked {rank}, not selected: the year's {places} places are filled")
                }
                (NotSelectedReason::ProgrammeTotalReached { total, before }, Lang::Zh) => format!(
                    "第 {rank} 名，未入选：项目总数 {total} 个，此前已确定 {before} 个，余额已满"
                ),
                (NotSelectedReason::ProgrammeTotalReached { total, before }, Lang::En) => format!(
                    "ranked {rank}, not selected: the programme total of {total} ({before} before) is reached"
                ),
            },
            (Verdict::Removed { objection, .. }, Lang::Zh) => {
                format!(
                    "第 {rank} 名，公示期间异议成立（第 {} 件），取消",
                    objection + 1
                )
            }
            (Verdict::Removed { objection, .. }, Lang::En) => format!(
                "ranked {rank}, removed: objection no. {} upheld during the public notice",
                objection + 1
            ),
        };
        cited_after(&text, &self.clauses, lang)
    }
}

impl RoundOutcome {
    /// The whole outcome as a report in a language: places, lists, every
    /// candidate with its reasons and clauses, money per fund, projects and
    /// coverage.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::new();
        let zh = matches!(lang, Lang::Zh);
        let _ = if zh {
            writeln!(
                s,
                "{} 年度评审（{} 第 {} 版），参照日{}，阶段：{}",
                self.year,
                self.policy.id,
                self.policy.revision,
                zh_day(self.reference_date),
                self.stage.name(lang)
            )
        } else {
            writeln!(
                s,
                "Round {} (policy {} rev. {}), reference date {}, stage: {}",
                self.year,
                self.policy.id,
                self.policy.revision,
                self.reference_date,
                self.stage.name(lang)
            )
        };
        for kind in ProjectKind::ALL {
            let _ = if zh {
                writeln!(
                    s,
                    "{}：本年名额 {} 个；项目总数 {} 个，此前已确定 {} 个；每个补助{}〔二（一）、二（二）〕",
                    kind.name(lang),
                    self.places.of(kind),
                    self.programme_totals.of(kind),
                    self.selected_before.of(kind),
                    money(self.subsidies.of(kind), lang)
                )
            } else {
                writeln!(
                    s,
                    "{}: {} places this year; programme total {}, {} selected before; subsidy {} each [2.1, 2.2]",
                    kind.name(lang),
                    self.places.of(kind),
                    self.programme_totals.of(kind),
                    self.selected_before.of(kind),
                    money(self.subsidies.of(kind), lang)
                )
            };
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", if zh { "推荐名单：" } else { "Lists:" });
        for l in &self.lists {
            let status = if l.refused.is_empty() {
                if zh { "受理" } else { "stands" }.to_owned()
            } else {
                let parts: Vec<String> = l
                    .refused
                    .iter()
                    .map(|r| r.explain(lang, &l.recommender))
                    .collect();
                parts.join(if zh { "；" } else { "; " })
            };
            let _ = if zh {
                writeln!(
                    s,
                    "- {} {}：名额 {}，推荐 {}，受理 {}；{}",
                    l.recommender.name(lang),
                    l.kind.name(lang),
                    l.quota,
                    l.listed,
                    l.admitted,
                    status
                )
            } else {
                writeln!(
                    s,
                    "- {} {}: quota {}, listed {}, admitted {}; {}",
                    l.recommender.name(lang),
                    l.kind.name(lang),
                    l.quota,
                    l.listed,
                    l.admitted,
                    status
                )
            };
        }
        if !self.experts.is_empty() {
            let names: Vec<String> = self
                .experts
                .iter()
                .map(|e| {
                    if zh {
                        format!("{}（{}）", e.name, e.affiliation)
                    } else {
                        format!("{} ({})", e.name, e.affiliation)
                    }
                })
                .collect();
            let _ = writeln!(s);
            let _ = if zh {
                writeln!(s, "专家组：{}〔五〕", names.join("、"))
            } else {
                writeln!(s, "Expert group: {} [5]", names.join(", "))
            };
        }
        for kind in ProjectKind::ALL {
            let _ = writeln!(s);
            let _ = writeln!(
                s,
                "{}{}",
                kind.name(lang),
                if zh {
                    "候选单位："
                } else {
                    " candidates:"
                }
            );
            for c in self.candidates.iter().filter(|c| c.kind == kind) {
                // Scores to two places, as the expert group gives them.
                let score = c
                    .score
                    .map(|x| format!("{:.2}", rust_decimal::Decimal::from(x)))
                    .unwrap_or_else(|| "-".into());
                let _ = if zh {
                    writeln!(
                        s,
                        "- {} {}（{} 第 {} 位，得分 {}）：{}",
                        c.application,
                        c.unit_name,
                        c.recommender.name(lang),
                        c.recommendation_rank,
                        score,
                        c.explain(lang)
                    )
                } else {
                    writeln!(
                        s,
                        "- {} {} ({} #{}, score {}): {}",
                        c.application,
                        c.unit_name,
                        c.recommender.name(lang),
                        c.recommendation_rank,
                        score,
                        c.explain(lang)
                    )
                };
            }
        }
        if let Some(n) = self.notice {
            let _ = writeln!(s);
            let _ = if zh {
                writeln!(
                    s,
                    "公示：{}至{}〔五〕",
                    zh_day(n.starts_on),
                    zh_day(n.ends_on)
                )
            } else {
                writeln!(s, "Public notice: {} to {} [5]", n.starts_on, n.ends_on)
            };
            for (i, o) in self.objections.iter().enumerate() {
                let verdict = match (o.objection.upheld, lang) {
                    (true, Lang::Zh) => "成立",
                    (false, Lang::Zh) => "不成立",
                    (true, Lang::En) => "upheld",
                    (false, Lang::En) => "dismissed",
                };
                let moved = match (&o.moved_up, lang) {
                    (Some(a), Lang::Zh) => format!("，{a} 递补"),
                    (Some(a), Lang::En) => format!(", {a} moved up"),
                    (None, _) => String::new(),
                };
                let _ = if zh {
                    writeln!(
                        s,
                        "- {}. {} {}：{}（{}{}）",
                        i + 1,
                        zh_day(o.objection.received_on),
                        o.objection.application,
                        o.objection.summary,
                        verdict,
                        moved
                    )
                } else {
                    writeln!(
                        s,
                        "- {}. {} {}: \"{}\" ({}{})",
                        i + 1,
                        o.objection.received_on,
                        o.objection.application,
                        o.objection.summary,
                        verdict,
                        moved
                    )
                };
            }
        }
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{}",
            if zh {
                "资金〔二（二）〕："
            } else {
                "Funds [2.2]:"
            }
        );
        for fund in Fund::ALL {
            let _ = if zh {
                writeln!(
                    s,
                    "- {}：原有{}，列支{}，结余{}",
                    fund.name(lang),
                    money(self.balances.of(fund), lang),
                    money(self.drawn.of(fund), lang),
                    money(self.remaining.of(fund), lang)
                )
            } else {
                writeln!(
                    s,
                    "- {}: held {}, drawn {}, remaining {}",
                    fund.name(lang),
                    money(self.balances.of(fund), lang),
                    money(self.drawn.of(fund), lang),
                    money(self.remaining.of(fund), lang)
                )
            };
        }
        if let Some(on) = self.released_on {
            let _ = writeln!(s);
            let _ = if zh {
                writeln!(s, "{}下达资金，建设项目：", zh_day(on))
            } else {
                writeln!(s, "Released on {on}; projects:")
            };
            for p in &self.projects {
                let _ = if zh {
                    writeln!(
                        s,
                        "- {} {} {}（{}）{}：{}",
                        p.id,
                        p.kind.name(lang),
                        p.unit_name,
                        p.unit_seat.name(lang),
                        money(p.amount, lang),
                        draws_text(&p.draws, lang)
                    )
                } else {
                    writeln!(
                        s,
                        "- {} {} {} ({}) {}: {}",
                        p.id,
                        p.kind.name(lang),
                        p.unit_name,
                        p.unit_seat.name(lang),
                        money(p.amount, lang),
                        draws_text(&p.draws, lang)
                    )
                };
            }
        }
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{}",
            if zh {
                "覆盖情况（含以前年度）〔一（二）1〕："
            } else {
                "Coverage so far, earlier rounds included [1.2.1]:"
            }
        );
        let _ = if zh {
            writeln!(
                s,
                "- 培训基地 {} 个，工作室 {} 个",
                self.coverage.by_kind.training_bases, self.coverage.by_kind.studios
            )
        } else {
            writeln!(
                s,
                "- {} training bases, {} studios",
                self.coverage.by_kind.training_bases, self.coverage.by_kind.studios
            )
        };
        for seat in &self.coverage.by_seat {
            let _ = if zh {
                writeln!(
                    s,
                    "- {}：培训基地 {}，工作室 {}",
                    seat.seat.name(lang),
                    seat.counts.training_bases,
                    seat.counts.studios
                )
            } else {
                writeln!(
                    s,
                    "- {}: bases {}, studios {}",
                    seat.seat.name(lang),
                    seat.counts.training_bases,
                    seat.counts.studios
                )
            };
        }
        for spec in &self.coverage.by_specialty {
            let _ = if zh {
                writeln!(
                    s,
                    "- 专业 {}：培训基地 {}",
                    spec.specialty, spec.training_bases
                )
            } else {
                writeln!(
                    s,
                    "- specialty {}: bases {}",
                    spec.specialty, spec.training_bases
                )
            };
        }
        s
    }
}
