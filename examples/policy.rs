//! Prints the Ordos policy, the clause table (what the crate executes, and why not where it does
//! not), the readings R1–R17 (where the notice leaves a choice, the one the crate takes) and the
//! clause behind each policy value.
//!
//! ```sh
//! cargo run --example policy              # Chinese
//! cargo run --example policy -- --lang en # English
//! ```

#[path = "support/cli.rs"]
mod cli;

use skill_grants::lang::cite;
use skill_grants::{Clause, Execution, Lang, Policy, ProjectKind, reading};
use unicode_width::UnicodeWidthStr;

const USAGE: &str = "\\
The policy of 鄂人社发〔2022〕100号 as the crate holds it: amounts and periods, the clause table,
the readings R1-R17, and the clause behind each policy value.

Usage: cargo run --example policy -- [--lang zh|en]

Options:
  --lang zh|en   language of the output (default zh)
  -h, --help     this text
";

/// `s` padded with spaces to `width` display columns (a Chinese character takes two).
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// The first `n` characters of `s`, with `…` when cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn main() {
    let lang = cli::Cli::parse(USAGE, &[], &["--lang"]).lang();
    let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
    let policy = Policy::ordos_2022();
    let doc = policy.document();
    println!(
        "{} ({}), {}",
        doc.number,
        doc.issuers.join("、"),
        doc.issued_on
    );
    let (from, to) = policy.programme_years();
    match lang {
        Lang::Zh => println!(
            "实施期 {from}—{to} 年；公示 {} 个工作日",
            policy.notice_working_days()
        ),
        Lang::En => println!(
            "programme {from}–{to}; public notice {} working days",
            policy.notice_working_days()
        ),
    }
    for kind in ProjectKind::ALL {
        match lang {
            Lang::Zh => println!(
                "  {} 补助 {}（{}），总数 {} 个，建设期 {} 个月",
                pad(kind.name(lang), 18),
                policy.subsidy(kind),
                policy.subsidy(kind).to_chinese(),
                policy.programme_total(kind),
                policy.construction_months(kind)
            ),
            Lang::En => println!(
                "  {} subsidy {}, {} in all, {} months to build",
                pad(kind.name(lang), 32),
                policy.subsidy(kind),
                policy.programme_total(kind),
                policy.construction_months(kind)
            ),
        }
    }

    println!();
    println!("{}", t("条款（是否执行）", "Clauses (executed or not)"));
    for clause in Clause::all() {
        let executed = match (clause.execution, lang) {
            (Execution::Executed, Lang::Zh) => "执行".to_owned(),
            (Execution::Executed, Lang::En) => "yes".to_owned(),
            (Execution::NotComputable { why, why_zh }, _) => {
                format!("{}{}", t("否：", "no: "), t(why_zh, why))
            }
            (Execution::Metadata { why, why_zh }, _) => {
                format!("{}{}", t("元数据：", "metadata: "), t(why_zh, why))
            }
        };
        let what = match lang {
            Lang::Zh => cut(clause.text_zh, 28),
            Lang::En => clause.gloss_en.to_owned(),
        };
        println!(
            "  {} {} {}  {what}",
            pad(clause.id.as_str(), 9),
            pad(clause.heading_zh, 10),
            pad(
                if clause.execution.is_executed() {
                    t("是", "yes")
                } else {
                    t("否", "no")
                },
                4
            ),
        );
        if !clause.execution.is_executed() {
            println!("{}{executed}", " ".repeat(28));
        }
    }

    println!();
    println!(
        "{}",
        t(
            "解读 R1–R17：条文留有选择之处，本库采用的理解（“参数”表示政策可改为另一种理解）",
            "Readings R1–R17: where the notice leaves a choice, the one the crate takes (a *parameter* may be set to the other reading by the policy)"
        )
    );
    for r in reading::READINGS.iter() {
        let statement = match lang {
            Lang::Zh => r.statement_zh,
            Lang::En => r.statement_en,
        };
        println!(
            "  {} {}{} {statement}",
            pad(r.id, 3),
            cite(r.clauses, lang),
            if r.parameter {
                t("（参数）", " (parameter)")
            } else {
                ""
            }
        );
    }

    println!();
    println!(
        "{}",
        t("政策取值及其条款", "Policy values and their clauses")
    );
    for s in Policy::sources() {
        let line = format!(
            "  {} {} {} {}",
            pad(s.field, 36),
            pad(s.clause.as_str(), 9),
            pad(s.reading.unwrap_or("-"), 4),
            if s.parameter {
                t("参数", "parameter")
            } else {
                ""
            }
        );
        println!("{}", line.trim_end());
    }
}
