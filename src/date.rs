//! Dates: the deadline arithmetic of R10 and working days for the public notice.
//!
//! The crate never reads the clock; every date is a [`NaiveDate`] the caller
//! passes in.
//!
//! **R10.** A deadline is the release date plus N calendar months; where that
//! day does not exist in the target month (the 29th, 30th or 31st), it falls to
//! the last day of that month. Spending *on* the deadline day is allowed.
//!
//! ```
//! use skill_grants::NaiveDate;
//! use skill_grants::date::add_months;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(add_months(d(2024, 2, 29), 12)?, d(2025, 2, 28));
//! assert_eq!(add_months(d(2022, 8, 31), 24)?, d(2024, 8, 31));
//! assert_eq!(add_months(d(2023, 1, 31), 1)?, d(2023, 2, 28));
//! # Ok::<(), skill_grants::DateError>(())
//! ```
//!
//! **Working days (R9).** A [`HolidayCalendar`], supplied by the host, lists the
//! public holidays and the weekend days that are worked (调休上班). A day is a
//! working day when it is listed as worked, or when it is a Monday to Friday not
//! listed as a holiday.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, zh_day};

/// An error in date arithmetic or in a holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Adding months left the range of dates chrono can represent.
    #[error("{date} plus {months} months is out of the supported range of dates")]
    OutOfRange {
        /// The start date.
        date: NaiveDate,
        /// The months added.
        months: u32,
    },
    /// A count of working days must be at least one.
    #[error("a count of working days must be at least 1")]
    ZeroWorkingDays,
    /// A date is listed both as a holiday and as a worked day.
    #[error("{0} is listed both as a holiday and as a worked day")]
    Contradiction(NaiveDate),
    /// Counting working days left the range of dates chrono can represent.
    #[error("counting {count} working days from {start} leaves the supported range of dates")]
    WorkingDaysOutOfRange {
        /// The first day counted.
        start: NaiveDate,
        /// The working days counted.
        count: u32,
    },
    /// The calendar has no working day within a year of the date.
    #[error("no working day within 366 days after {0}: check the holiday calendar")]
    NoWorkingDay(NaiveDate),
}

impl DateError {
    /// The error in a language: in Chinese with its dates written out
    /// (`2024年7月1日`); in English, its `Display` text.
    ///
    /// ```
    /// use skill_grants::{DateError, Lang, NaiveDate};
    /// let e = DateError::Contradiction(NaiveDate::from_ymd_opt(2024, 10, 1).unwrap());
    /// assert_eq!(e.explain(Lang::Zh), "2024年10月1日同时被列为节假日和调休工作日");
    /// assert_eq!(e.explain(Lang::En), e.to_string());
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => match self {
                DateError::OutOfRange { date, months } => {
                    format!("{}加{months}个月超出支持的日期范围", zh_day(*date))
                }
                DateError::ZeroWorkingDays => "工作日天数至少为1".to_owned(),
                DateError::Contradiction(d) => {
                    format!("{}同时被列为节假日和调休工作日", zh_day(*d))
                }
                DateError::WorkingDaysOutOfRange { start, count } => {
                    format!("自{}起计{count}个工作日超出支持的日期范围", zh_day(*start))
                }
                DateError::NoWorkingDay(d) => {
                    format!("{}之后366天内没有工作日，请检查节假日日历", zh_day(*d))
                }
            },
        }
    }
}

/// R10: `date` plus `months` calendar months; a day that does not exist in the
/// target month falls to that month's last day.
///
/// # Errors
///
/// [`DateError::OutOfRange`] when the result is past the last date chrono
/// represents.
///
/// ```
/// use skill_grants::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2022, 3, 31).unwrap();
/// assert_eq!(skill_grants::date::add_months(d, 1)?, NaiveDate::from_ymd_opt(2022, 4, 30).unwrap());
/// # Ok::<(), skill_grants::DateError>(())
/// ```
pub fn add_months(date: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    // chrono clamps to the last day of the month, which is exactly R10.
    date.checked_add_months(Months::new(months))
        .ok_or(DateError::OutOfRange { date, months })
}

/// True for Saturday and Sunday.
fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A host-supplied calendar of public holidays and worked weekend days.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::HolidayCalendar;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2022, m, day).unwrap();
/// // 2022 National Day week: 1–7 October off, Saturday 8 and Sunday 9 worked.
/// let cal = HolidayCalendar::new((1..=7).map(|day| d(10, day)), [d(10, 8), d(10, 9)])?;
/// assert!(!cal.is_working_day(d(10, 3)));
/// assert!(cal.is_working_day(d(10, 8)));
/// assert!(!cal.is_working_day(d(10, 15))); // an ordinary Saturday
/// # Ok::<(), skill_grants::DateError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CalendarData", into = "CalendarData")]
pub struct HolidayCalendar {
    holidays: BTreeSet<NaiveDate>,
    worked: BTreeSet<NaiveDate>,
}

/// The serialized form of a [`HolidayCalendar`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct CalendarData {
    #[serde(default)]
    holidays: Vec<NaiveDate>,
    #[serde(default)]
    worked_weekend_days: Vec<NaiveDate>,
}

/// The schema of a [`HolidayCalendar`]'s serialized form.
#[cfg(feature = "schema")]
pub(crate) fn calendar_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    <CalendarData as schemars::JsonSchema>::json_schema(generator)
}

impl TryFrom<CalendarData> for HolidayCalendar {
    type Error = DateError;
    fn try_from(value: CalendarData) -> Result<Self, Self::Error> {
        HolidayCalendar::new(value.holidays, value.worked_weekend_days)
    }
}

impl From<HolidayCalendar> for CalendarData {
    fn from(value: HolidayCalendar) -> Self {
        CalendarData {
            holidays: value.holidays.into_iter().collect(),
            worked_weekend_days: value.worked.into_iter().collect(),
        }
    }
}

impl HolidayCalendar {
    /// A calendar with weekends only: no holidays, no worked weekend days.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// let cal = skill_grants::HolidayCalendar::weekends_only();
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2022, 10, 3).unwrap()));
    /// ```
    pub fn weekends_only() -> HolidayCalendar {
        HolidayCalendar::default()
    }

    /// Builds a calendar from holidays and worked weekend days. A date in both
    /// lists is an error. Order and duplicates in the input do not matter.
    ///
    /// # Errors
    ///
    /// [`DateError`] when a date is both a holiday and a working weekend day.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// use skill_grants::{DateError, HolidayCalendar};
    /// let d = NaiveDate::from_ymd_opt(2022, 10, 1).unwrap();
    /// assert_eq!(HolidayCalendar::new([d], [d]), Err(DateError::Contradiction(d)));
    /// ```
    pub fn new(
        holidays: impl IntoIterator<Item = NaiveDate>,
        worked_weekend_days: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<HolidayCalendar, DateError> {
        let holidays: BTreeSet<NaiveDate> = holidays.into_iter().collect();
        let worked: BTreeSet<NaiveDate> = worked_weekend_days.into_iter().collect();
        if let Some(both) = holidays.intersection(&worked).next() {
            return Err(DateError::Contradiction(*both));
        }
        Ok(HolidayCalendar { holidays, worked })
    }

    /// True when people work on `date`.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// let cal = skill_grants::HolidayCalendar::weekends_only();
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2022, 6, 11).unwrap())); // Saturday
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.worked.contains(&date) {
            return true;
        }
        !is_weekend(date) && !self.holidays.contains(&date)
    }

    /// The `n`-th working day counted from `start` (R9): `start` itself counts
    /// as the first if it is a working day, otherwise counting begins on the
    /// next working day. This is the last day of a public notice of `n`
    /// working days starting on `start`.
    ///
    /// # Errors
    ///
    /// [`DateError::ZeroWorkingDays`] for `n` = 0,
    /// [`DateError::NoWorkingDay`] when the calendar has no working day in
    /// 366 days, [`DateError::WorkingDaysOutOfRange`] when the count runs past
    /// the last date chrono represents.
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// let cal = skill_grants::HolidayCalendar::weekends_only();
    /// let d = |day| NaiveDate::from_ymd_opt(2022, 6, day).unwrap();
    /// // Monday 13 June + 5 working days ends on Friday 17 June.
    /// assert_eq!(cal.nth_working_day(d(13), 5)?, d(17));
    /// // Saturday 11 June: counting starts on Monday 13.
    /// assert_eq!(cal.nth_working_day(d(11), 5)?, d(17));
    /// # Ok::<(), skill_grants::DateError>(())
    /// ```
    pub fn nth_working_day(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, DateError> {
        if n == 0 {
            return Err(DateError::ZeroWorkingDays);
        }
        let mut remaining = n;
        let mut day = start;
        let mut idle = 0u32;
        loop {
            if self.is_working_day(day) {
                remaining -= 1;
                idle = 0;
                if remaining == 0 {
                    return Ok(day);
                }
            } else {
                idle += 1;
                if idle > 366 {
                    return Err(DateError::NoWorkingDay(start));
                }
            }
            day = day
                .succ_opt()
                .ok_or(DateError::WorkingDaysOutOfRange { start, count: n })?;
        }
    }

    /// The number of working days from `from` to `to`, both included (zero
    /// when `to` is before `from`).
    ///
    /// ```
    /// use skill_grants::NaiveDate;
    /// let cal = skill_grants::HolidayCalendar::weekends_only();
    /// let d = |day| NaiveDate::from_ymd_opt(2022, 6, day).unwrap();
    /// assert_eq!(cal.working_days_between(d(10), d(20)), 7);
    /// ```
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .fold(0u32, |n, _| n.saturating_add(1))
    }

    /// The listed public holidays, in date order.
    ///
    /// ```
    /// assert_eq!(skill_grants::HolidayCalendar::weekends_only().holidays().count(), 0);
    /// ```
    pub fn holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays.iter().copied()
    }

    /// The listed worked weekend days, in date order.
    ///
    /// ```
    /// assert_eq!(skill_grants::HolidayCalendar::weekends_only().worked_weekend_days().count(), 0);
    /// ```
    pub fn worked_weekend_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.worked.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_error_is_worded_in_chinese_with_its_dates_written_out() {
        let day = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap_or_default();
        let every = [
            DateError::OutOfRange {
                date: day,
                months: 24,
            },
            DateError::ZeroWorkingDays,
            DateError::Contradiction(day),
            DateError::WorkingDaysOutOfRange {
                start: day,
                count: 5,
            },
            DateError::NoWorkingDay(day),
        ];
        for e in every {
            let (zh, en) = (e.explain(Lang::Zh), e.explain(Lang::En));
            assert_eq!(en, e.to_string());
            assert!(crate::lang::has_chinese(&zh), "{zh}");
            assert_eq!(
                zh.contains("2024年10月1日"),
                en.contains("2024-10-01"),
                "{zh} / {en}"
            );
            assert!(!zh.contains("2024-10-01"), "{zh}");
        }
    }
}
