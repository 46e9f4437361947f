//! Foundation properties: months arithmetic (R10), money, working days (R9),
//! clause look-up, policy validation.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use skill_grants::date::add_months;
use skill_grants::{Clause, ClauseId, HolidayCalendar, Policy, PolicyData, Yuan};

/// Dates from 2000 to 2040, with month ends and 29 February well represented.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (2000i32..2040, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        // Every fourth year from 2000 to 2036 is a leap year: no rejections.
        (500i32..510).prop_map(|k| NaiveDate::from_ymd_opt(k * 4, 2, 29).unwrap()),
        (2000i32..2040, 1u32..=12).prop_map(|(y, m)| {
            let first_next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            first_next.unwrap().pred_opt().unwrap()
        }),
    ]
}

/// Amounts in fen: zero, small, subsidy-sized, and near-overflow.
pub fn yuan() -> impl Strategy<Value = Yuan> {
    prop_oneof![
        Just(Yuan::ZERO),
        (0i64..1_000).prop_map(|f| Yuan::from_fen(f).unwrap()),
        (0i64..100_000_000).prop_map(|f| Yuan::from_fen(f).unwrap()),
        (0i64..i64::MAX).prop_map(|f| Yuan::from_fen(f).unwrap()),
    ]
}

proptest! {
    #![proptest_config(crate::config(256))]

    /// R10: plus N months lands in the right month, on the same day or the month's last day.
    #[test]
    fn add_months_follows_r10(start in date(), months in 0u32..60) {
        let end = add_months(start, months).unwrap();
        let month_index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        prop_assert_eq!(month_index(end), month_index(start) + months as i32);
        if end.day() != start.day() {
            prop_assert!(end.day() < start.day());
            prop_assert_eq!(end.succ_opt().unwrap().day(), 1, "fell to the month's last day");
        }
    }

    /// Money: addition and subtraction are exact and inverse; below zero is an error.
    #[test]
    fn money_arithmetic_is_exact(a in yuan(), b in yuan()) {
        match a.checked_add(b) {
            Ok(sum) => {
                prop_assert_eq!(sum.checked_sub(b).unwrap(), a);
                prop_assert_eq!(sum.fen(), a.fen() + b.fen());
                prop_assert_eq!(sum.as_decimal().scale(), 2);
            }
            Err(_) => prop_assert!(a.fen() + b.fen() > 79_228_162_514_264_337_593_543_950_335),
        }
        prop_assert_eq!(a.checked_sub(b).is_ok(), a >= b);
    }

    /// Money: a sum is exact to the fen whatever the order of its terms.
    #[test]
    fn money_sums_are_exact_and_order_free(fens in proptest::collection::vec(0i64..10_000_000_000, 0..20)) {
        let amounts: Vec<Yuan> = fens.iter().map(|f| Yuan::from_fen(*f).unwrap()).collect();
        let sum = Yuan::checked_sum(amounts.iter().copied()).unwrap();
        prop_assert_eq!(sum.fen(), fens.iter().map(|f| i128::from(*f)).sum::<i128>());
        let reversed = Yuan::checked_sum(amounts.iter().rev().copied()).unwrap();
        prop_assert_eq!(reversed, sum);
        prop_assert_eq!(sum.as_decimal().scale(), 2);
    }

    /// Money: the decimal text parses back to the same amount; serde round-trips.
    #[test]
    fn money_round_trips(a in yuan()) {
        let text = a.as_decimal().to_string();
        prop_assert_eq!(text.parse::<Yuan>().unwrap(), a);
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Yuan>(&json).unwrap(), a);
    }

    /// Money: arbitrary text never panics the parser; what it accepts has two places.
    #[test]
    fn money_parser_never_panics(s in "\\PC{0,24}") {
        if let Ok(y) = s.parse::<Yuan>() {
            prop_assert_eq!(y.as_decimal().scale(), 2);
        }
    }

    /// R9: the n-th working day is a working day, with exactly n working days from the start.
    #[test]
    fn notice_end_is_the_nth_working_day(
        start in date(),
        n in 1u32..30,
        holidays in proptest::collection::vec(0i64..60, 0..20),
        worked in proptest::collection::vec(0i64..60, 0..5),
    ) {
        let days = |offsets: Vec<i64>| offsets.into_iter().map(move |o| start + chrono::Duration::days(o));
        let worked: Vec<NaiveDate> = days(worked).filter(|d| d.weekday().number_from_monday() > 5).collect();
        let holidays: Vec<NaiveDate> = days(holidays).filter(|d| !worked.contains(d)).collect();
        let cal = HolidayCalendar::new(holidays, worked).unwrap();
        let end = cal.nth_working_day(start, n).unwrap();
        prop_assert!(cal.is_working_day(end));
        prop_assert_eq!(cal.working_days_between(start, end), n);
    }

    /// Clause ids: every id and heading parses back; arbitrary text never panics.
    #[test]
    fn clause_lookup_never_panics(s in "\\PC{0,12}") {
        if let Ok(c) = Clause::lookup(&s) {
            prop_assert!(ClauseId::ALL.contains(&c.id));
        }
    }

    /// Policies: arbitrary numeric fields are validated, never panic, and what
    /// loads round-trips through serde.
    #[test]
    fn policy_validation_never_panics(
        subsidy in -1_000_000i64..1_000_000,
        places in 0u32..4,
        total in -5i64..100,
        months in -5i64..2000,
        notice in -2i64..400,
    ) {
        let mut data: PolicyData = Policy::ordos_2022().to_data();
        // A policy's amount is `Yuan` (issue 15): a negative amount or one
        // with more than two places never reaches the policy at all.
        let Ok(amount) = Yuan::new(rust_decimal::Decimal::new(subsidy, places)) else {
            prop_assert!(subsidy < 0 || places > 2);
            return Ok(());
        };
        data.studio.subsidy = amount;
        data.training_base.programme_total = total;
        data.training_base.construction_months = months;
        data.notice_working_days = notice;
        if let Ok(p) = Policy::try_from(data) {
            prop_assert!(p.subsidy(skill_grants::ProjectKind::Studio) > Yuan::ZERO);
            prop_assert!(p.construction_months(skill_grants::ProjectKind::TrainingBase) > 0);
            let json = serde_json::to_string(&p).unwrap();
            prop_assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), p);
        }
    }

    /// Arbitrary JSON never panics the policy loader.
    #[test]
    fn policy_loader_never_panics_on_arbitrary_json(s in "\\PC{0,64}") {
        let _ = serde_json::from_str::<Policy>(&s);
        let _ = serde_json::from_str::<HolidayCalendar>(&s);
    }
}
