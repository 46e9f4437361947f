//! The main job on built-in data: the whole 2022 round of 鄂人社发〔2022〕100号, then every funded
//! project through its construction period.
//!
//! ```sh
//! cargo run --example annual_round              # Chinese tables
//! cargo run --example annual_round -- --lang en # English tables
//! cargo run --example annual_round -- --json    # the whole run as JSON (skill_grants::sample::AnnualRun)
//! ```
//!
//! Every unit and person is invented (see `skill_grants::sample`); the nine banners and districts
//! are real. The scenario itself lives in the library (`sample::annual_round_2022`), so the tests
//! run exactly what this prints.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::chain::Sealed;
use skill_grants::domain::Seat;
use skill_grants::lifecycle::{Change, Event, ProjectStart};
use skill_grants::round::{CandidateOutcome, Funding, Recommender, Verdict};
use skill_grants::sample::{self, AnnualRun, MoneyLine};
use skill_grants::{Fund, Lang, ProjectKind, Yuan};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match args.iter().position(|a| a == "--lang") {
        Some(i) if args.get(i + 1).map(String::as_str) == Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let run = match sample::annual_round_2022() {
        Ok(run) => run,
        Err(e) => {
            eprintln!("the sample scenario failed: {e}");
            std::process::exit(1);
        }
    };
    if args.iter().any(|a| a == "--json") {
        // For machines: the whole run, which parses back into `AnnualRun`.
        println!(
            "{}",
            serde_json::to_string_pretty(&run).expect("serializes")
        );
        return;
    }
    let t = Text(lang);
    print_round(&run, t);
    print_projects(&run, t);
}

/// Chinese or English, picked per phrase.
#[derive(Clone, Copy)]
struct Text(Lang);

impl Text {
    fn s<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self.0 {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    fn money(self, y: Yuan) -> String {
        // Plain figures (`¥200,000.00`) line up better in tables than 万元 wording.
        y.to_string()
    }
}

fn print_round(run: &AnnualRun, t: Text) {
    let o = &run.round;
    let lang = t.0;
    heading(&match lang {
        Lang::Zh => format!(
            "{} 年度评审 · {}（{} 第 {} 版）",
            o.year, "鄂人社发〔2022〕100号", o.policy.id, o.policy.revision
        ),
        Lang::En => format!(
            "The {} round · 鄂人社发〔2022〕100号 (policy {} rev. {})",
            o.year, o.policy.id, o.policy.revision
        ),
    });
    for kind in ProjectKind::ALL {
        println!(
            "{}: {} {}, {} {}, {} {} [2.1, 2.2, R3]",
            kind.name(lang),
            t.s("本年名额", "places this year"),
            o.places.of(kind),
            t.s("每个补助", "subsidy each"),
            t.money(o.subsidies.of(kind)),
            t.s("项目总数", "programme total"),
            o.programme_totals.of(kind),
        );
    }
    println!("{}: {}", t.s("参照日", "reference date"), o.reference_date);

    heading(t.s(
        "一、推荐名单（名额 四（三），推荐 四（一）、四（二））",
        "1. Lists (quotas 4.3; recommendations 4.1, 4.2)",
    ));
    let mut rows = Vec::new();
    for l in &o.lists {
        rows.push(vec![
            recommender(&l.recommender, lang),
            l.kind.name(lang).to_owned(),
            l.quota.to_string(),
            l.listed.to_string(),
            l.admitted.to_string(),
        ]);
    }
    table(
        &[
            t.s("推荐单位", "recommender"),
            t.s("类别", "kind"),
            t.s("名额", "quota"),
            t.s("推荐", "listed"),
            t.s("受理", "admitted"),
        ],
        &rows,
    );

    heading(t.s(
        "二、不予受理的候选单位（原因及条款）",
        "2. Refused candidates (reasons and clauses)",
    ));
    let refused: Vec<&CandidateOutcome> = o
        .candidates
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Refused { .. }))
        .collect();
    let rows: Vec<Vec<String>> = refused
        .iter()
        .map(|c| {
            vec![
                c.application.to_string(),
                c.unit_name.clone(),
                c.explain(lang),
            ]
        })
        .collect();
    table(
        &[
            t.s("申报", "application"),
            t.s("单位", "unit"),
            t.s("原因", "why"),
        ],
        &rows,
    );
    let admitted = o.candidates.len() - refused.len();
    println!(
        "{} {admitted}{}{} {}",
        t.s("受理", "admitted:"),
        t.s("，", ", "),
        t.s("不予受理", "refused:"),
        refused.len()
    );

    heading(t.s(
        "三、全市评审排名（五；得分高者在前，同分按推荐位次、申报编号，R9）",
        "3. City ranking (5; higher score first, ties by recommendation rank, then id, R9)",
    ));
    println!(
        "{}: {}",
        t.s("专家组", "expert group"),
        o.experts
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
            .join(t.s("、", ", "))
    );
    for kind in ProjectKind::ALL {
        println!();
        println!("{}", kind.name(lang));
        let rows: Vec<Vec<String>> = o
            .candidates
            .iter()
            .filter(|c| c.kind == kind && c.city_rank.is_some())
            .map(|c| {
                vec![
                    c.city_rank.map(|r| r.to_string()).unwrap_or_default(),
                    c.score.map(|s| s.to_string()).unwrap_or_default(),
                    c.application.to_string(),
                    c.unit_name.clone(),
                    recommender(&c.recommender, lang),
                    verdict(&c.verdict, t),
                ]
            })
            .collect();
        table(
            &[
                t.s("名次", "rank"),
                t.s("得分", "score"),
                t.s("申报", "application"),
                t.s("单位", "unit"),
                t.s("推荐单位", "recommender"),
                t.s("结果", "result"),
            ],
            &rows,
        );
    }

    if let Some(n) = o.notice {
        heading(&match lang {
            Lang::Zh => format!(
                "四、公示 {} 至 {}（5 个工作日，9 月 12 日中秋节不计，R9）",
                n.starts_on, n.ends_on
            ),
            Lang::En => format!(
                "4. Public notice {} to {} (5 working days; the Mid-Autumn holiday on 12 September does not count, R9)",
                n.starts_on, n.ends_on
            ),
        });
        for (i, r) in o.objections.iter().enumerate() {
            let ob = &r.objection;
            println!(
                "{}. {} {} — {} — {}",
                i + 1,
                ob.received_on,
                ob.application,
                ob.summary,
                if ob.upheld {
                    t.s(
                        "异议成立：取消入选，资金退回（不递补，R9）",
                        "upheld: removed, its draws go back to the funds (no move-up, R9)",
                    )
                } else {
                    t.s("异议不成立", "dismissed")
                }
            );
        }
    }

    heading(t.s(
        "五、下达资金的建设项目（先列支就业补助资金，不足部分由市人才专项资金解决，二（二））",
        "5. Projects funded (employment subsidy fund first, the talent fund for the shortfall, 2.2)",
    ));
    let rows: Vec<Vec<String>> = o
        .projects
        .iter()
        .map(|p| {
            let drawn = |fund: Fund| {
                p.draws
                    .iter()
                    .find(|d| d.fund == fund)
                    .map(|d| t.money(d.amount))
                    .unwrap_or_else(|| "-".into())
            };
            vec![
                p.id.to_string(),
                p.unit_name.clone(),
                seat(&p.unit_seat, lang),
                t.money(p.amount),
                drawn(Fund::EmploymentSubsidy),
                drawn(Fund::TalentSpecial),
            ]
        })
        .collect();
    table(
        &[
            t.s("项目", "project"),
            t.s("单位", "unit"),
            t.s("属地", "seat"),
            t.s("补助", "subsidy"),
            Fund::EmploymentSubsidy.name(lang),
            Fund::TalentSpecial.name(lang),
        ],
        &rows,
    );
    if let Some(on) = o.released_on {
        println!("{}: {on}", t.s("资金下达日", "released on"));
    }

    heading(t.s("六、资金合计（二（二））", "6. Fund totals (2.2)"));
    let rows: Vec<Vec<String>> = Fund::ALL
        .iter()
        .map(|f| {
            vec![
                f.name(lang).to_owned(),
                t.money(o.balances.of(*f)),
                t.money(o.drawn.of(*f)),
                t.money(o.remaining.of(*f)),
            ]
        })
        .collect();
    table(
        &[
            t.s("资金", "fund"),
            t.s("原有", "held"),
            t.s("列支", "drawn"),
            t.s("结余", "remaining"),
        ],
        &rows,
    );
}

fn print_projects(run: &AnnualRun, t: Text) {
    let lang = t.0;
    heading(&match lang {
        Lang::Zh => format!("七、建设期：各项目截至 {} 的状态（六、七）", run.as_of),
        Lang::En => format!(
            "7. Construction: each project's state on {} (6, 7)",
            run.as_of
        ),
    });
    let rows: Vec<Vec<String>> = run
        .projects
        .iter()
        .map(|p| {
            let pr = &p.project;
            vec![
                pr.id().to_string(),
                pr.unit_name().to_owned(),
                pr.deadline().to_string(),
                p.log.len().to_string(),
                p.status.name(lang).to_owned(),
                notes(&p.log, pr.start(), t),
            ]
        })
        .collect();
    table(
        &[
            t.s("项目", "project"),
            t.s("单位（现名）", "unit (current name)"),
            t.s("建设期至", "deadline"),
            t.s("事件", "events"),
            t.s("状态", "status"),
            t.s("经过", "what happened"),
        ],
        &rows,
    );

    heading(t.s("八、被拒绝的指令", "8. Commands refused"));
    let rows: Vec<Vec<String>> = run
        .projects
        .iter()
        .flat_map(|p| {
            p.refused.iter().map(|r| {
                vec![
                    p.project.id().to_string(),
                    r.command.on.to_string(),
                    r.reason(lang).to_owned(),
                ]
            })
        })
        .collect();
    table(
        &[
            t.s("项目", "project"),
            t.s("日期", "date"),
            t.s("原因", "why"),
        ],
        &rows,
    );

    heading(t.s(
        "九、资金去向：下达 = 支出 + 收回 + 余额（七（一）至七（三））",
        "9. Money: released = spent + recovered + balance (7.1–7.3)",
    ));
    let line = |name: String, m: &MoneyLine| {
        vec![
            name,
            t.money(m.released),
            t.money(m.spent),
            t.money(m.recovered),
            t.money(m.balance),
            t.money(m.repaid),
            t.money(m.owed),
            if m.balances() { "✓" } else { "✗" }.to_owned(),
        ]
    };
    let mut rows: Vec<Vec<String>> = run
        .projects
        .iter()
        .map(|p| line(p.project.id().to_string(), &p.money))
        .collect();
    rows.push(line(t.s("合计", "total").to_owned(), &run.money_total));
    table(
        &[
            t.s("项目", "project"),
            t.s("下达", "released"),
            t.s("支出", "spent"),
            t.s("收回", "recovered"),
            t.s("余额", "balance"),
            t.s("追回已支出", "repaid"),
            t.s("尚欠", "owed"),
            t.s("平衡", "adds up"),
        ],
        &rows,
    );
    let ok = run.money_balances();
    println!(
        "{}",
        if ok {
            t.s(
                "核对：每个项目及合计均满足 下达 = 支出 + 收回 + 余额。",
                "Check: released = spent + recovered + balance for every project and in total.",
            )
        } else {
            t.s("核对失败！", "CHECK FAILED!")
        }
    );
    if !ok {
        std::process::exit(1);
    }
}

/// The notable events of a log, in a few words.
fn notes(log: &[Sealed<Event>], start: &ProjectStart, t: Text) -> String {
    let log: Vec<&Event> = log.iter().map(|r| &r.event).collect();
    let mut out: Vec<String> = Vec::new();
    let payments = log
        .iter()
        .filter(|e| matches!(e.change, Change::Paid { .. }))
        .count();
    out.push(match t.0 {
        Lang::Zh => format!("支出 {payments} 笔"),
        Lang::En => format!("{payments} payments"),
    });
    for e in log {
        let note = match &e.change {
            Change::Evaluated { stage, .. } => Some(match t.0 {
                Lang::Zh => format!("第{stage}阶段评估"),
                Lang::En => format!("evaluation {stage}"),
            }),
            Change::RenameApproved => Some(t.s("更名获准", "rename approved").to_owned()),
            Change::LeadChangeApproved => Some(match (t.0, &start.lead) {
                (Lang::Zh, Some(l)) => format!("领办人{}变更获准", l.name),
                (Lang::En, Some(l)) => format!("lead {} replaced", l.name),
                _ => String::new(),
            }),
            Change::DeadlinePassed { .. } => Some(t.s("建设期满", "deadline passed").to_owned()),
            Change::ConstructionCompleted => {
                Some(t.s("建设完成", "construction completed").to_owned())
            }
            Change::Revoked { .. } => Some(
                t.s("撤销称号、追回资金", "revoked, money recovered")
                    .to_owned(),
            ),
            Change::Dissolved { .. } => Some(
                t.s("单位撤销、收回余额", "unit dissolved, balance recovered")
                    .to_owned(),
            ),
            Change::Accepted { rated_effective } => Some(match (t.0, rated_effective) {
                (Lang::Zh, true) => "验收合格（效能显著）".to_owned(),
                (Lang::Zh, false) => "验收合格".to_owned(),
                (Lang::En, true) => "accepted (effective)".to_owned(),
                (Lang::En, false) => "accepted".to_owned(),
            }),
            _ => None,
        };
        out.extend(note.filter(|n| !n.is_empty()));
    }
    out.join(t.s("，", ", "))
}

fn verdict(v: &Verdict, t: Text) -> String {
    match v {
        Verdict::Selected {
            funding: Funding::Funded { .. },
            ..
        } => t.s("入选", "selected").to_owned(),
        Verdict::Selected { .. } => t.s("入选，资金不足", "selected, not funded").to_owned(),
        Verdict::NotSelected { .. } => t
            .s("未入选（名额已满）", "not selected (places filled)")
            .to_owned(),
        Verdict::Removed { .. } => t
            .s("异议成立，取消", "removed after an objection")
            .to_owned(),
        Verdict::Admitted => t.s("已受理", "admitted").to_owned(),
        Verdict::Refused { .. } => t.s("不予受理", "refused").to_owned(),
    }
}

/// A recommender's name: the banner's, or the sample body's.
fn recommender(r: &Recommender, lang: Lang) -> String {
    match r {
        Recommender::Banner(b) => b.name(lang).to_owned(),
        Recommender::Body(id) => body_name(id.as_str()),
    }
    .replace("（示例）", "")
}

fn body_name(id: &str) -> String {
    sample::bodies()
        .into_iter()
        .find(|(b, _)| b.as_str() == id)
        .map(|(_, name)| name.to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn seat(s: &Seat, lang: Lang) -> String {
    match s {
        Seat::Banner(b) => b.name(lang).to_owned(),
        Seat::Body(id) => body_name(id.as_str()).replace("（示例）", ""),
    }
}

fn heading(title: &str) {
    println!();
    println!("{title}");
    println!("{}", "─".repeat(width(title).min(100)));
}

/// Display width: CJK and full-width forms take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// A plain text table; the last column is not padded.
fn table(header: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        println!("(—)");
        return;
    }
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, cell) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len() - 1;
        let mut s = String::new();
        for (i, c) in cells.into_iter().enumerate() {
            s.push_str(c);
            if i < last {
                s.push_str(&" ".repeat(widths[i] - width(c) + 2));
            }
        }
        println!("{}", s.trim_end());
    };
    line(header.to_vec());
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for r in rows {
        line(r.iter().map(String::as_str).collect());
    }
}
