//! The clause-to-test map: every executed clause of the notice has a rule that
//! executes it and a test or conformance case that exercises it; the scanner
//! behind `cargo run --example clause_map` finds what it should.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod clause_map_support;

use clause_map_support as scan;
use skill_grants::rules;
use skill_grants::{Clause, ClauseId, Execution};

#[test]
fn every_executed_clause_has_a_rule_and_a_test() {
    let root = scan::root();
    let tests = scan::scan_tests(&root);
    let cases = scan::conformance_cases(&root);
    assert!(
        tests.len() > 100,
        "the scanner found only {} tests",
        tests.len()
    );
    let rows = scan::map(&tests, &cases);
    let mut gaps = Vec::new();
    for row in &rows {
        if !row.clause.execution.is_executed() {
            continue;
        }
        if row.rules.is_empty() {
            gaps.push(format!("{}: executed by no rule", row.clause.id));
        }
        if row.tests.is_empty() {
            gaps.push(format!(
                "{}: exercised by no #[test] function",
                row.clause.id
            ));
        }
        if row.cases.is_empty() {
            gaps.push(format!("{}: tested by no conformance case", row.clause.id));
        }
    }
    assert!(gaps.is_empty(), "clause map gaps:\n{}", gaps.join("\n"));
}

#[test]
fn no_rule_cites_a_clause_that_is_not_computable() {
    for rule in rules::all() {
        for c in &rule.clauses {
            assert!(
                !matches!(c.clause().execution, Execution::NotComputable { .. }),
                "{} cites {c}, which is not computable",
                rule.id
            );
        }
    }
    // The metadata clauses are recorded by the policy only.
    for c in [ClauseId::Preamble, ClauseId::Colophon] {
        assert!(rules::for_clause(c).all(|r| r.id.starts_with("policy.document")));
    }
}

#[test]
fn every_reading_has_a_rule_and_a_conformance_case() {
    let cases = scan::conformance_cases(&scan::root());
    for r in rules::READINGS {
        assert!(
            rules::all().iter().any(|x| x.reading == Some(r.id)),
            "{} has no rule",
            r.id
        );
        assert!(
            cases.iter().any(|c| c.readings.iter().any(|x| x == r.id)),
            "{} has no conformance case",
            r.id
        );
    }
}

const SAMPLE: &str = r####"
// #[test] fn in_a_comment() { ClauseId::C1_1 }
/* #[test] fn in_a_block_comment() { ClauseId::C1_1 } */
#[test]
fn names_a_clause() {
    let s = "}{ #[test] fn in_a_string() {";
    let c = '{';
    assert_eq!(x, ClauseId::C3_3);
}

#[test]
#[should_panic]
fn quotes_clauses() {
    assert!(text.contains("clause 5"));
    assert!(text.contains("〔四（三）、四（一）〕"));
    assert!(text.starts_with("[7.3] "));
    assert_eq!(c.as_str(), "6.2");
    let raw = r#"clause 3.2 "quoted" }"#;
    let not = "clause 3.21 and 1.2";
}

proptest! {
    #[test]
    fn names_a_rule(x in 0u32..5) {
        let _ = RuleId::Specialties;
        let _ = skill_grants::lifecycle::LifecycleError::NoVerifiedFinding;
    }
}

fn not_a_test() { ClauseId::C2_1 }
"####;

#[test]
fn the_scanner_reads_test_bodies_and_nothing_else() {
    let found = scan::scan_source("sample.rs", SAMPLE);
    let names: Vec<&str> = found.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["names_a_clause", "quotes_clauses", "names_a_rule"]);
    let clauses = |i: usize| found[i].clauses.iter().copied().collect::<Vec<_>>();
    assert_eq!(clauses(0), [ClauseId::C3_3]);
    assert_eq!(
        clauses(1),
        [
            ClauseId::C3_2,
            ClauseId::C4_1,
            ClauseId::C4_3,
            ClauseId::C5,
            ClauseId::C6_2,
            ClauseId::C7_3
        ]
    );
    assert_eq!(clauses(2), [ClauseId::C6_1, ClauseId::C7_2]);
}

#[test]
fn every_clause_of_the_registry_has_a_row() {
    let rows = scan::map(&[], &[]);
    assert_eq!(rows.len(), Clause::all().len());
    assert!(rows.iter().any(|r| r.has_gap()));
}
