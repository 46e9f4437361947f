//! Prints the Ordos policy and the clause table: what the crate executes, and why not where it does not.
//!
//! Run with `cargo run --example policy` (add `-- --lang en` for English glosses only).

use skill_grants::{Clause, Execution, Lang, Policy, ProjectKind};

fn main() {
    let lang = if std::env::args().any(|a| a == "en") {
        Lang::En
    } else {
        Lang::Zh
    };
    let policy = Policy::ordos_2022();
    let doc = policy.document();
    println!(
        "{} ({}), {}",
        doc.number,
        doc.issuers.join("、"),
        doc.issued_on
    );
    println!(
        "programme {}–{}; public notice {} working days",
        policy.programme_years().0,
        policy.programme_years().1,
        policy.notice_working_days()
    );
    for kind in ProjectKind::ALL {
        println!(
            "  {:<32} subsidy {} ({}), total {}, construction {} months",
            kind.name(lang),
            policy.subsidy(kind),
            policy.subsidy(kind).to_chinese(),
            policy.programme_total(kind),
            policy.construction_months(kind)
        );
    }
    println!();
    println!("{:<9} {:<10} {:<10} gloss", "clause", "条款", "executed");
    for clause in Clause::all() {
        let executed = match clause.execution {
            Execution::Executed => "yes".to_owned(),
            Execution::NotComputable { why } => format!("no: {why}"),
            Execution::Metadata { why } => format!("metadata: {why}"),
        };
        println!(
            "{:<9} {:<10} {:<10} {}",
            clause.id.as_str(),
            clause.heading_zh,
            if clause.execution.is_executed() {
                "yes"
            } else {
                "no"
            },
            clause.gloss_en
        );
        if !clause.execution.is_executed() {
            println!("{:>31} {executed}", "");
        }
    }
    println!();
    println!("policy values and their clauses:");
    for s in Policy::sources() {
        println!(
            "  {:<36} {:<9} {:<4} {}",
            s.field,
            s.clause.as_str(),
            s.reading.unwrap_or("-"),
            if s.parameter { "parameter" } else { "" }
        );
    }
}
