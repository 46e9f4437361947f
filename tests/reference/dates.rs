//! Calendar months, read from 6.1 and 6.2 (资金下达后两年内 / 一年内) and R10:
//! the same day of the month `n` months later; where that day does not exist
//! (29, 30 or 31 of a shorter month), the last day of that month.

use chrono::{Datelike, NaiveDate};

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if leap => 29,
        _ => 28,
    }
}

/// `date` plus `months` calendar months (R10).
pub fn plus_months(date: NaiveDate, months: u32) -> NaiveDate {
    let zero_based = date.month0() + months;
    let year = date.year() + (zero_based / 12) as i32;
    let month = zero_based % 12 + 1;
    let day = date.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The completion deadline (6.1, 6.2, R10): two years for a base, one for a
/// studio, from the day of release; the deadline day itself is inside.
pub fn deadline(base: bool, released_on: NaiveDate) -> NaiveDate {
    plus_months(released_on, if base { 24 } else { 12 })
}
