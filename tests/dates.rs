//! Dates: R10 deadlines (month ends, 29 February, year ends) and R9 working days.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::date::add_months;
use skill_grants::{DateError, HolidayCalendar, NaiveDate, Policy, ProjectKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn plus_months_keeps_the_day_when_it_exists() {
    assert_eq!(add_months(d(2022, 7, 15), 24).unwrap(), d(2024, 7, 15));
    assert_eq!(add_months(d(2022, 7, 15), 12).unwrap(), d(2023, 7, 15));
    assert_eq!(add_months(d(2022, 1, 31), 24).unwrap(), d(2024, 1, 31));
}

#[test]
fn a_missing_day_falls_to_the_last_day_of_the_month() {
    assert_eq!(add_months(d(2024, 2, 29), 12).unwrap(), d(2025, 2, 28));
    assert_eq!(add_months(d(2024, 2, 29), 24).unwrap(), d(2026, 2, 28));
    assert_eq!(add_months(d(2024, 2, 29), 48).unwrap(), d(2028, 2, 29));
    assert_eq!(add_months(d(2022, 3, 31), 1).unwrap(), d(2022, 4, 30));
    assert_eq!(add_months(d(2023, 12, 31), 2).unwrap(), d(2024, 2, 29));
    assert_eq!(add_months(d(2022, 12, 31), 2).unwrap(), d(2023, 2, 28));
    assert_eq!(add_months(d(2022, 5, 31), 13).unwrap(), d(2023, 6, 30));
}

#[test]
fn year_ends_roll_over() {
    assert_eq!(add_months(d(2022, 12, 31), 12).unwrap(), d(2023, 12, 31));
    assert_eq!(add_months(d(2022, 11, 30), 1).unwrap(), d(2022, 12, 30));
    assert_eq!(add_months(d(2022, 12, 1), 1).unwrap(), d(2023, 1, 1));
}

#[test]
fn out_of_range_is_an_error() {
    assert_eq!(
        add_months(NaiveDate::MAX, 1),
        Err(DateError::OutOfRange {
            date: NaiveDate::MAX,
            months: 1
        })
    );
}

#[test]
fn policy_deadlines_are_24_and_12_months() {
    let p = Policy::ordos_2022();
    assert_eq!(
        p.completion_deadline(ProjectKind::TrainingBase, d(2022, 8, 31))
            .unwrap(),
        d(2024, 8, 31)
    );
    assert_eq!(
        p.completion_deadline(ProjectKind::Studio, d(2024, 2, 29))
            .unwrap(),
        d(2025, 2, 28)
    );
}

/// The 2022 National Day holiday: 1–7 October off; Saturday 8 and Sunday 9 October worked.
fn national_day_2022() -> HolidayCalendar {
    HolidayCalendar::new(
        (1..=7).map(|day| d(2022, 10, day)),
        [d(2022, 10, 8), d(2022, 10, 9)],
    )
    .unwrap()
}

#[test]
fn weekends_and_holidays_are_not_working_days_unless_worked() {
    let cal = national_day_2022();
    assert!(cal.is_working_day(d(2022, 9, 30))); // Friday
    assert!(!cal.is_working_day(d(2022, 10, 1))); // Saturday, holiday
    assert!(!cal.is_working_day(d(2022, 10, 4))); // Tuesday, holiday
    assert!(cal.is_working_day(d(2022, 10, 8))); // Saturday, worked
    assert!(cal.is_working_day(d(2022, 10, 9))); // Sunday, worked
    assert!(!cal.is_working_day(d(2022, 10, 15))); // ordinary Saturday
}

#[test]
fn a_notice_that_spans_the_holiday_week() {
    let cal = national_day_2022();
    // Starts Thursday 29 September: 29, 30 Sep, then 8, 9, 10 Oct.
    assert_eq!(
        cal.nth_working_day(d(2022, 9, 29), 5).unwrap(),
        d(2022, 10, 10)
    );
    // Starting inside the holiday, counting begins on the worked Saturday.
    assert_eq!(
        cal.nth_working_day(d(2022, 10, 3), 5).unwrap(),
        d(2022, 10, 12)
    );
    assert_eq!(
        cal.nth_working_day(d(2022, 10, 3), 1).unwrap(),
        d(2022, 10, 8)
    );
    assert_eq!(cal.working_days_between(d(2022, 9, 29), d(2022, 10, 10)), 5);
    // Without the calendar the same notice would end on 5 October.
    assert_eq!(
        HolidayCalendar::weekends_only()
            .nth_working_day(d(2022, 9, 29), 5)
            .unwrap(),
        d(2022, 10, 5)
    );
}

#[test]
fn a_notice_across_the_year_end() {
    let cal = HolidayCalendar::new([d(2023, 1, 2)], []).unwrap();
    // Thursday 29 Dec 2022: 29, 30 Dec, (31 Sat, 1 Sun, 2 holiday), 3, 4, 5 Jan.
    assert_eq!(
        cal.nth_working_day(d(2022, 12, 29), 5).unwrap(),
        d(2023, 1, 5)
    );
}

#[test]
fn zero_days_and_contradictions_are_errors() {
    let cal = HolidayCalendar::weekends_only();
    assert_eq!(
        cal.nth_working_day(d(2022, 6, 13), 0),
        Err(DateError::ZeroWorkingDays)
    );
    assert_eq!(
        HolidayCalendar::new([d(2022, 10, 8)], [d(2022, 10, 8)]),
        Err(DateError::Contradiction(d(2022, 10, 8)))
    );
}

#[test]
fn a_calendar_without_working_days_ends_in_an_error() {
    let start = d(2022, 1, 1);
    let all_off = HolidayCalendar::new(start.iter_days().take(800), []).unwrap();
    assert_eq!(
        all_off.nth_working_day(start, 1),
        Err(DateError::NoWorkingDay(start))
    );
}

#[test]
fn calendars_round_trip_through_serde_whatever_the_input_order() {
    let a = HolidayCalendar::new([d(2022, 10, 2), d(2022, 10, 1)], []).unwrap();
    let b = HolidayCalendar::new([d(2022, 10, 1), d(2022, 10, 2), d(2022, 10, 1)], []).unwrap();
    assert_eq!(a, b);
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(
        json,
        r#"{"holidays":["2022-10-01","2022-10-02"],"worked_weekend_days":[]}"#
    );
    assert_eq!(serde_json::from_str::<HolidayCalendar>(&json).unwrap(), a);
    let bad = r#"{"holidays":["2022-10-08"],"worked_weekend_days":["2022-10-08"]}"#;
    assert!(serde_json::from_str::<HolidayCalendar>(bad).is_err());
}

/// Issue 15: a working-day count that leaves the range of dates says so (it
/// used to say the calendar had no working day).
#[test]
fn counting_working_days_past_the_last_date_says_so() {
    let cal = HolidayCalendar::weekends_only();
    let start = NaiveDate::MAX.pred_opt().unwrap().pred_opt().unwrap();
    let err = cal.nth_working_day(start, 30).unwrap_err();
    assert_eq!(
        err,
        DateError::WorkingDaysOutOfRange { start, count: 30 },
        "{err}"
    );
    assert!(err.to_string().contains("range"), "{err}");
}

/// The guard of `nth_working_day` (no working day in 366 days) is exact: a
/// working day after 366 days without one is still found; 367 without one
/// is an error. (Kills the mutant `idle > 366` → `idle == 366`.)
#[test]
fn a_working_day_after_366_idle_days_is_found() {
    use chrono::{Datelike, Days, Weekday};
    let start = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let days = |n: u64| start.checked_add_days(Days::new(n)).unwrap();
    let weekdays = |from: u64, to: u64| {
        (from..to)
            .map(days)
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .collect::<Vec<_>>()
    };
    // Days 0..366 idle (weekends, and every weekday a holiday); day 366,
    // Thursday 2 January 2031, works.
    assert_eq!(days(366).weekday(), Weekday::Thu);
    let cal = HolidayCalendar::new(weekdays(0, 366), []).unwrap();
    assert_eq!(cal.nth_working_day(start, 1).unwrap(), days(366));
    // One more idle day and the guard stops the count.
    let cal = HolidayCalendar::new(weekdays(0, 367), []).unwrap();
    assert!(matches!(
        cal.nth_working_day(start, 1),
        Err(DateError::NoWorkingDay(_))
    ));
}

/// A calendar reports the holidays and worked weekend days it was given, in
/// date order, each once (kills the accessors' surviving mutants).
#[test]
fn a_calendar_lists_its_holidays_and_worked_weekend_days() {
    let cal = HolidayCalendar::new(
        [d(2022, 10, 3), d(2022, 10, 1), d(2022, 10, 3)],
        [d(2022, 10, 8)],
    )
    .unwrap();
    assert_eq!(
        cal.holidays().collect::<Vec<_>>(),
        vec![d(2022, 10, 1), d(2022, 10, 3)]
    );
    assert_eq!(
        cal.worked_weekend_days().collect::<Vec<_>>(),
        vec![d(2022, 10, 8)]
    );
    assert_eq!(HolidayCalendar::weekends_only().holidays().count(), 0);
}
