//! Eligibility of the crate's sample round: every sample marked with a reason
//! code fails exactly that rule, and every other sample is eligible.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::Policy;
use skill_grants::eligibility::{RuleId, decide};
use skill_grants::sample::applications_2022;

fn rule_of_tag(name: &str) -> Option<RuleId> {
    let tag = name.split('〔').nth(1)?.trim_end_matches('〕');
    let rule = RuleId::ALL.into_iter().find(|r| match r.reading() {
        Some(reading) => reading == tag,
        None => r.clause().as_str() == tag,
    });
    assert!(rule.is_some(), "unknown tag {tag}");
    rule
}

#[test]
fn each_sample_fails_exactly_the_rule_it_is_marked_with() {
    let policy = Policy::ordos_2022();
    let apps = applications_2022();
    let mut marked = 0;
    for app in &apps {
        let decision = decide(&policy, app).unwrap();
        let failed: Vec<RuleId> = decision.failures().map(|f| f.rule).collect();
        match rule_of_tag(&app.unit.name) {
            Some(rule) => {
                marked += 1;
                assert_eq!(failed, vec![rule], "{}", app.unit.name);
            }
            None => assert!(decision.is_eligible(), "{}: {failed:?}", app.unit.name),
        }
    }
    assert_eq!(marked, 7);
}
