//! Eligibility: the decision does not depend on the order of the unit's
//! history, its remedies hold, and it survives a serde round trip.

use crate::eligibility_support::*;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use skill_grants::application::*;
use skill_grants::eligibility::{Decision, Outcome, Remedy, RuleId, decide};
use skill_grants::{Lang, Policy, ProjectKind, rules};

fn day(from: NaiveDate, offset: u64) -> NaiveDate {
    from.checked_add_days(Days::new(offset)).unwrap()
}

fn kind() -> impl Strategy<Value = ProjectKind> {
    prop_oneof![Just(ProjectKind::TrainingBase), Just(ProjectKind::Studio)]
}

fn title() -> impl Strategy<Value = Title> {
    (kind(), any::<bool>(), any::<bool>()).prop_map(|(kind, national, funded)| Title {
        kind,
        level: if national {
            TitleLevel::National
        } else {
            TitleLevel::Region
        },
        funded,
    })
}

/// (kind, release offset, state: 0 open / 1 accepted / 2 closed, duration, effective, revoked)
fn project() -> impl Strategy<Value = (ProjectKind, u64, u8, u64, bool, bool)> {
    (
        kind(),
        0u64..2200,
        0u8..3,
        0u64..900,
        any::<bool>(),
        any::<bool>(),
    )
}

fn build_projects(raw: &[(ProjectKind, u64, u8, u64, bool, bool)]) -> Vec<PastProject> {
    let start = d(2019, 1, 1);
    raw.iter()
        .enumerate()
        .map(|(i, (kind, rel, state, dur, effective, revoked))| {
            let released = day(start, *rel);
            let end = day(released, *dur);
            let id = format!("P-{i:02}");
            match state {
                0 => open(&id, *kind, released),
                1 => PastProject {
                    revoked: *revoked,
                    ..accepted(&id, *kind, released, end, *effective)
                },
                _ => PastProject {
                    revoked: *revoked,
                    ..closed(&id, *kind, released, end)
                },
            }
        })
        .collect()
}

fn application(
    kind: ProjectKind,
    reference: NaiveDate,
    titles: Vec<Title>,
    projects: Vec<PastProject>,
) -> Application {
    let mut unit = school();
    unit.titles = titles;
    unit.projects = projects;
    match kind {
        ProjectKind::TrainingBase => base(unit, reference),
        ProjectKind::Studio => studio(unit, reference),
    }
}

prop_compose! {
    /// An application and the same application with its history shuffled.
    fn shuffled_pair()(
        kind in kind(),
        reference in 0u64..2600,
        titles in prop::collection::vec(title(), 0..4),
        raw in prop::collection::vec(project(), 0..6),
    )(
        kind in Just(kind),
        reference in Just(reference),
        titles in Just(titles.clone()),
        shuffled_titles in Just(titles).prop_shuffle(),
        projects in Just(build_projects(&raw)),
        shuffled_projects in Just(build_projects(&raw)).prop_shuffle(),
    ) -> (Application, Application) {
        let reference = day(d(2021, 1, 1), reference);
        (
            application(kind, reference, titles, projects),
            application(kind, reference, shuffled_titles, shuffled_projects),
        )
    }
}

fn policies() -> [Policy; 3] {
    [
        Policy::ordos_2022(),
        strict_policy(),
        policy_with_examples(),
    ]
}

proptest! {
    #![proptest_config(crate::config(128))]

    #[test]
    fn the_decision_is_the_same_whatever_the_order_of_the_history((a, b) in shuffled_pair()) {
        for policy in policies() {
            let da = decide(&policy, &a).unwrap();
            let db = decide(&policy, &b).unwrap();
            prop_assert_eq!(&da, &db);
            prop_assert_eq!(da.render(Lang::Zh), db.render(Lang::Zh));
        }
    }

    #[test]
    fn findings_are_consistent((a, _) in shuffled_pair()) {
        for policy in policies() {
            let decision = decide(&policy, &a).unwrap();
            prop_assert_eq!(
                decision.is_eligible(),
                decision.findings.iter().all(|f| f.outcome != Outcome::Failed)
            );
            prop_assert_eq!(decision.is_eligible(), decision.failures().next().is_none());
            if decision.is_eligible() {
                prop_assert_eq!(decision.eligible_from(), Some(a.reference_date));
            }
            for f in &decision.findings {
                prop_assert_eq!(f.clause, f.rule.clause());
                // Every finding cites a clause its rule has in the registry.
                prop_assert!(rules::cites(&rules::eligibility_id(f.rule), f.clause), "{:?}", f);
                prop_assert_eq!(f.remedy.is_some(), f.outcome == Outcome::Failed);
            }
            if let Some(from) = decision.eligible_from() {
                prop_assert!(from >= a.reference_date);
            }
            for lang in [Lang::Zh, Lang::En] {
                let text = decision.render_with(&policy, lang);
                prop_assert_eq!(text.lines().count(), 3 + decision.findings.len()
                    + usize::from(!decision.is_eligible() && decision.eligible_from().is_some()));
            }
        }
    }

    /// Where a time bar gives a date, a round on that date is free of it
    /// (when no project was released between the two dates).
    #[test]
    fn the_date_of_a_remedy_lifts_the_bar((a, _) in shuffled_pair()) {
        let policy = Policy::ordos_2022();
        let decision = decide(&policy, &a).unwrap();
        for rule in [RuleId::ConstructionPeriod, RuleId::Reapplication] {
            let f = decision.finding(rule).unwrap();
            if let Some(Remedy::ApplyFrom(from)) = f.remedy {
                prop_assert!(from > a.reference_date);
                let released_between = a.unit.projects.iter()
                    .any(|p| p.released_on > a.reference_date && p.released_on <= from);
                let mut later = a.clone();
                later.reference_date = from;
                let on = decide(&policy, &later).unwrap();
                if !released_between {
                    prop_assert_eq!(on.finding(rule).unwrap().outcome, Outcome::Passed);
                }
                // The day before, it still bars.
                let mut before = a.clone();
                before.reference_date = from.pred_opt().unwrap();
                let b = decide(&policy, &before).unwrap();
                prop_assert_eq!(b.finding(rule).unwrap().outcome, Outcome::Failed);
            }
        }
    }

    /// The first date to apply (`eligible_from`) is a day the unit is
    /// eligible on with the same facts, and no day from the reference date
    /// to it is (the day before it, and one day drawn between), whatever
    /// projects were released after the reference date (R6, R7, R10).
    #[test]
    fn the_first_date_to_apply_is_the_first_eligible_day(
        (a, _) in shuffled_pair(),
        between in 0u64..1000,
    ) {
        for policy in [Policy::ordos_2022(), strict_policy()] {
            let decision = decide(&policy, &a).unwrap();
            let Some(from) = decision.eligible_from() else { continue };
            let on_day = |day: NaiveDate| {
                let mut later = a.clone();
                later.reference_date = day;
                decide(&policy, &later).unwrap().is_eligible()
            };
            prop_assert!(on_day(from), "not eligible on {}", from);
            if from > a.reference_date {
                prop_assert!(!on_day(from.pred_opt().unwrap()));
                let gap = u64::try_from((from - a.reference_date).num_days()).unwrap();
                let inside = day(a.reference_date, gap.saturating_sub(1) * between / 1000);
                prop_assert!(!on_day(inside), "eligible on {} before {}", inside, from);
            }
        }
    }

    #[test]
    fn a_decision_survives_a_serde_round_trip((a, _) in shuffled_pair()) {
        for policy in policies() {
            let decision = decide(&policy, &a).unwrap();
            let json = serde_json::to_string(&decision).unwrap();
            let back: Decision = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, decision);
        }
    }
}

#[test]
fn the_stored_form_of_a_finding() {
    let mut unit = school();
    unit.projects
        .push(open("2022-B-01", ProjectKind::TrainingBase, d(2022, 7, 1)));
    let decision = decide_ordos(&studio(unit, d(2024, 7, 1)));
    let json = serde_json::to_value(&decision).unwrap();
    assert_eq!(
        json["policy"],
        serde_json::json!({"id": "ordos-2022-100", "revision": 1})
    );
    assert_eq!(json["application"], "A-S-01");
    assert_eq!(json["kind"], "studio");
    assert_eq!(json["reference_date"], "2024-07-01");
    assert_eq!(
        json["findings"][3],
        serde_json::json!({
            "rule": "construction_period",
            "clause": "3.3",
            "outcome": "failed",
            "facts": {"construction_period": {
                "reference_date": "2024-07-01",
                "bar": "until_deadline_or_closed",
                "projects": 1,
                "barring": 1,
                "latest": {
                    "id": "2022-B-01",
                    "kind": "training_base",
                    "released_on": "2022-07-01",
                    "deadline": "2024-07-01",
                    "closed_on": null,
                    "free_from": "2024-07-02"
                }
            }},
            "remedy": {"apply_from": "2024-07-02"}
        })
    );
    assert_eq!(
        json["findings"][1]["facts"],
        serde_json::json!({"lead_honours": {"held": ["city_technical_expert"]}})
    );
    assert_eq!(json["eligible_from"], "2024-07-02");
    let back: Decision = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, decision);
    // The first date to apply is always stated: a stored decision without it
    // is refused, not read as "no date".
    let mut without = json;
    without.as_object_mut().unwrap().remove("eligible_from");
    let err = serde_json::from_value::<Decision>(without).unwrap_err();
    assert!(err.to_string().contains("eligible_from"), "{err}");
}

#[test]
fn an_unknown_honour_in_a_stored_decision_fails() {
    let decision = decide_ordos(&studio(school(), d(2024, 7, 1)));
    let json = serde_json::to_string(&decision)
        .unwrap()
        .replace("city_technical_expert", "city_hero");
    assert!(serde_json::from_str::<Decision>(&json).is_err());
}

#[cfg(feature = "schema")]
#[test]
fn a_decision_has_a_json_schema() {
    let schema = schemars::schema_for!(Decision);
    let text = serde_json::to_string(&schema).unwrap();
    for word in [
        "construction_period",
        "apply_from",
        "not_applicable",
        "ordos_craftsman",
    ] {
        assert!(text.contains(word), "{word}");
    }
}

fn released_on() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (2019i32..2026, 1u32..=12, 1u32..=31).prop_filter_map("a real date", |(y, m, day)| {
            NaiveDate::from_ymd_opt(y, m, day)
        }),
        prop::sample::select(vec![2020, 2024]).prop_map(|y| d(y, 2, 29)),
        (2019i32..2026, 1u32..=12).prop_map(|(y, m)| {
            let next = if m == 12 {
                d(y + 1, 1, 1)
            } else {
                d(y, m + 1, 1)
            };
            next.pred_opt().unwrap()
        }),
    ]
}

proptest! {
    #![proptest_config(crate::config(256))]

    /// 3.3, R6, R10: a funded project bars its unit through its deadline day
    /// exactly, and not the day after (leap days and month ends included).
    #[test]
    fn the_construction_bar_ends_exactly_after_the_deadline(kind in kind(), released in released_on()) {
        let policy = Policy::ordos_2022();
        let deadline = policy.completion_deadline(kind, released).unwrap();
        let mut unit = school();
        unit.projects.push(open("P-1", kind, released));
        // Apply for the other kind, so that 3.4 does not concern the project.
        let other = match kind { ProjectKind::TrainingBase => ProjectKind::Studio, ProjectKind::Studio => ProjectKind::TrainingBase };
        let on = |date: NaiveDate| application(other, date, vec![], unit.projects.clone());
        for (date, barred) in [(released, true), (deadline, true), (deadline.succ_opt().unwrap(), false)] {
            let decision = decide(&policy, &on(date)).unwrap();
            let outcome = decision.finding(RuleId::ConstructionPeriod).unwrap().outcome;
            prop_assert_eq!(outcome == Outcome::Failed, barred, "on {}", date);
            prop_assert_eq!(decision.is_eligible(), !barred);
        }
    }

    /// 3.4, R7, R10: reapplication opens exactly 24 months after acceptance.
    #[test]
    fn reapplication_opens_exactly_24_months_after_acceptance(kind in kind(), accepted_on in released_on()) {
        let policy = Policy::ordos_2022();
        let released = accepted_on.checked_sub_days(Days::new(30)).unwrap();
        let mut unit = school();
        unit.projects.push(accepted("P-1", kind, released, accepted_on, true));
        let from = skill_grants::date::add_months(accepted_on, 24).unwrap();
        let day_before = from.pred_opt().unwrap();
        let before = decide(&policy, &application(kind, day_before, vec![], unit.projects.clone())).unwrap();
        let on = decide(&policy, &application(kind, from, vec![], unit.projects.clone())).unwrap();
        prop_assert_eq!(before.finding(RuleId::Reapplication).unwrap().remedy, Some(Remedy::ApplyFrom(from)));
        prop_assert!(on.is_eligible(), "{}", on.render(Lang::En));
    }
}
