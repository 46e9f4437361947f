//! Validation: the only way to a [`Policy`]. Every problem is found, in the
//! order of [`PolicyData`]'s fields, each naming its field as the parameters
//! table ([`super::parameters`]) names it; one problem is returned as itself,
//! several as [`PolicyError::Many`] (issue 15: a host fixing a policy sees
//! every error at once, and the same input always gives the same list).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::conditions::ConditionTest;
use super::data::{KindTermsData, PolicyData};
use super::error::PolicyError;
use super::id::PolicyId;
use super::parameters::{KindParameters, ORDOS_2022};
use super::{EARLIEST_YEAR, KindTerms, LATEST_YEAR, Policy};
use crate::domain::Fund;
use crate::money::Yuan;

/// Largest month count accepted (100 years).
const MAX_MONTHS: i64 = 1200;
/// Largest count of projects, places or days accepted.
const MAX_COUNT: i64 = 1_000_000;
/// The problems found so far, in field order.
#[derive(Default)]
struct Problems(Vec<PolicyError>);

impl Problems {
    /// Keeps the value, or records the problem.
    fn keep<T>(&mut self, checked: Result<T, PolicyError>) -> Option<T> {
        match checked {
            Ok(value) => Some(value),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    /// Records a problem.
    fn add(&mut self, e: PolicyError) {
        self.0.push(e);
    }

    /// A text that must be stated: not blank, no control characters.
    fn text(&mut self, field: String, value: &str) {
        if value.trim().is_empty() {
            self.add(PolicyError::Empty { field });
        } else {
            self.label(field, value);
        }
    }

    /// A text that may be blank but holds no control characters (a line
    /// break in a label would forge a line of a rendered decision).
    fn label(&mut self, field: String, value: &str) {
        if value.chars().any(char::is_control) {
            self.add(PolicyError::ControlCharacter { field });
        }
    }

    /// A year within [`EARLIEST_YEAR`]..=[`LATEST_YEAR`].
    fn year(&mut self, field: &str, year: i32) -> Option<i32> {
        if (EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            Some(year)
        } else {
            self.add(PolicyError::OutOfRange {
                field: field.to_owned(),
                value: year.to_string(),
            });
            None
        }
    }

    /// A date within the years [`EARLIEST_YEAR`]..=[`LATEST_YEAR`].
    fn date(&mut self, field: &str, date: NaiveDate) -> Option<NaiveDate> {
        if (EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
            Some(date)
        } else {
            self.add(PolicyError::OutOfRange {
                field: field.to_owned(),
                value: date.to_string(),
            });
            None
        }
    }

    /// One problem as itself, several as [`PolicyError::Many`].
    fn into_error(self) -> PolicyError {
        match <[PolicyError; 1]>::try_from(self.0) {
            Ok([one]) => one,
            Err(errors) => PolicyError::Many { errors },
        }
    }
}

fn count(field: &str, value: i64, max: i64) -> Result<u32, PolicyError> {
    if value < 0 {
        return Err(PolicyError::Negative {
            field: field.to_owned(),
            value,
        });
    }
    if value > max {
        return Err(PolicyError::TooLarge {
            field: field.to_owned(),
            value,
            max,
        });
    }
    u32::try_from(value).map_err(|_| PolicyError::TooLarge {
        field: field.to_owned(),
        value,
        max,
    })
}

fn months(field: &str, value: i64) -> Result<u32, PolicyError> {
    let m = count(field, value, MAX_MONTHS)?;
    if m == 0 {
        return Err(PolicyError::ZeroMonths {
            field: field.to_owned(),
        });
    }
    Ok(m)
}

fn amount(field: &str, value: Yuan) -> Result<Yuan, PolicyError> {
    if value.is_zero() {
        return Err(PolicyError::NotPositive {
            field: field.to_owned(),
            value: value.as_decimal(),
        });
    }
    Ok(value)
}

/// The terms of one kind, each field named as the table names it.
fn kind_terms(
    problems: &mut Problems,
    table: &KindParameters,
    data: &KindTermsData,
) -> Option<KindTerms> {
    let subsidy = problems.keep(amount(table.subsidy.source.field, data.subsidy));
    let programme_total = problems.keep(count(
        table.programme_total.source.field,
        data.programme_total,
        MAX_COUNT,
    ));
    let construction_months = problems.keep(months(
        table.construction_months.source.field,
        data.construction_months,
    ));
    Some(KindTerms {
        subsidy: subsidy?,
        programme_total: programme_total?,
        construction_months: construction_months?,
    })
}

impl TryFrom<PolicyData> for Policy {
    type Error = PolicyError;

    /// Validates a policy: the only way to a [`Policy`] (deserializing one
    /// validates through here). Each field is named as the parameters table
    /// names it ([`Policy::sources`]).
    ///
    /// # Law
    ///
    /// The values the notice fixes or leaves open, each with its clause in
    /// [`super::parameters::ORDOS_2022`]: amounts (2.2, R4), totals (1.2.1,
    /// 1.2.2, R3), periods (6.1, 6.2, R10; 3.4, R7), the order of the funds
    /// (2.2), specialties (6.1, R11), the notice (5, R9), host conditions
    /// (3.1, R16) and the document (R17). The policy's own dates (date of
    /// issue, effective period, programme years) lie within 2000–2100, the
    /// effective period does not end before it starts, and it meets the
    /// programme's years (2.1).
    ///
    /// # Errors
    ///
    /// Every problem found, in the order of [`PolicyData`]'s fields: one as
    /// itself, several as [`PolicyError::Many`]. Each names its field
    /// ([`PolicyError::field`]) and, through it, the clause
    /// ([`PolicyError::parameter_source`]), which its message also cites.
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::{ClauseId, Policy, PolicyError};
    /// let mut data = Policy::ordos_2022().to_data();
    /// data.specialties_min = 0;
    /// let err = Policy::try_from(data).unwrap_err();
    /// assert_eq!(err.field(), "specialties_min");
    /// assert_eq!(err.parameter_source().unwrap().clause, ClauseId::C6_1);
    /// assert!(err.to_string().contains("(clause 6.1, R11)"), "{err}");
    ///
    /// // Two problems: both are reported, in field order.
    /// let mut data = Policy::ordos_2022().to_data();
    /// data.notice_working_days = 0;
    /// data.studio.construction_months = 0;
    /// let err = Policy::try_from(data).unwrap_err();
    /// let fields: Vec<&str> = err.errors().iter().map(|e| e.field()).collect();
    /// assert_eq!(fields, ["studio.construction_months", "notice_working_days"]);
    /// ```
    fn try_from(d: PolicyData) -> Result<Self, Self::Error> {
        let t = &ORDOS_2022;
        let mut problems = Problems::default();
        let doc = t.document.source.field;

        problems.text("id".into(), &d.id);
        problems.text(format!("{doc}.number"), &d.document.number);
        if d.document.issuers.is_empty() {
            problems.add(PolicyError::Empty {
                field: format!("{doc}.issuers"),
            });
        }
        for (i, issuer) in d.document.issuers.iter().enumerate() {
            problems.text(format!("{doc}.issuers[{i}]"), issuer);
        }
        problems.date(t.issued_on.source.field, d.document.issued_on);

        // The effective period: plausible dates, in order.
        let from = problems.date("effective_from", d.effective_from);
        let until = match d.effective_until {
            Some(until) => problems.date("effective_until", until).map(Some),
            None => Some(None),
        };
        if let (Some(from), Some(Some(until))) = (from, until) {
            if until < from {
                problems.add(PolicyError::EndsBeforeStart {
                    field: "effective_until".into(),
                    start: from.to_string(),
                    end: until.to_string(),
                });
            }
        }

        // The programme's years (2.1), and the period meeting them.
        let first = problems.year(t.programme_first_year.source.field, d.programme_first_year);
        let last = problems.year(t.programme_last_year.source.field, d.programme_last_year);
        let programme = match (first, last) {
            (Some(first), Some(last)) if last < first => {
                problems.add(PolicyError::EndsBeforeStart {
                    field: t.programme_last_year.source.field.into(),
                    start: first.to_string(),
                    end: last.to_string(),
                });
                None
            }
            (Some(first), Some(last)) => Some((first, last)),
            _ => None,
        };
        if let (Some((first, last)), Some(from), Some(until)) = (programme, from, until) {
            let misses = if from.year() > last {
                Some("effective_from")
            } else if until.is_some_and(|until| until.year() < first) {
                Some("effective_until")
            } else {
                None
            };
            if let Some(field) = misses {
                problems.add(PolicyError::OutsideProgramme {
                    field: field.into(),
                    start: from.to_string(),
                    end: until.map_or_else(|| "no end".to_owned(), |u| u.to_string()),
                    first_year: first,
                    last_year: last,
                });
            }
        }

        let training_base = kind_terms(&mut problems, &t.training_base, &d.training_base);
        let studio = kind_terms(&mut problems, &t.studio, &d.studio);

        let funds = t.funding_order.source.field;
        let mut seen = BTreeSet::new();
        for fund in &d.funding_order {
            if !seen.insert(*fund) {
                problems.add(PolicyError::DuplicateFund {
                    field: funds.into(),
                    fund: *fund,
                });
            }
        }
        for fund in Fund::ALL {
            if !seen.contains(&fund) {
                problems.add(PolicyError::MissingFund {
                    field: funds.into(),
                    fund,
                });
            }
        }
        let kind_order = match d.kind_funding_order.as_slice() {
            [a, b] if a != b => Some([*a, *b]),
            _ => {
                problems.add(PolicyError::KindOrder {
                    field: t.kind_funding_order.source.field.into(),
                });
                None
            }
        };
        let mut years = BTreeSet::new();
        for (i, p) in d.annual_places.iter().enumerate() {
            if p.year < d.programme_first_year
                || p.year > d.programme_last_year
                || !years.insert(p.year)
            {
                problems.add(PolicyError::BadYear {
                    field: format!("{}[{i}].year", t.annual_places.source.field),
                    year: p.year,
                });
            }
        }
        let reapply_after_months = problems.keep(months(
            t.reapply_after_months.source.field,
            d.reapply_after_months,
        ));
        let smin = problems.keep(count(
            t.specialties_min.source.field,
            d.specialties_min,
            MAX_COUNT,
        ));
        let smax = problems.keep(count(
            t.specialties_max.source.field,
            d.specialties_max,
            MAX_COUNT,
        ));
        let specialties = match (smin, smax) {
            (Some(min), Some(max)) if min == 0 || max < min => {
                problems.add(PolicyError::SpecialtyRange {
                    field: t.specialties_min.source.field.into(),
                    min: d.specialties_min,
                    max: d.specialties_max,
                });
                None
            }
            (Some(min), Some(max)) => Some((min, max)),
            _ => None,
        };
        let notice_field = t.notice_working_days.source.field;
        let notice_working_days =
            match problems.keep(count(notice_field, d.notice_working_days, 366)) {
                Some(0) => {
                    problems.add(PolicyError::Zero {
                        field: notice_field.into(),
                    });
                    None
                }
                days => days,
            };
        let conditions = t.unit_conditions.source.field;
        let mut ids = BTreeSet::new();
        for (i, c) in d.unit_conditions.iter().enumerate() {
            problems.text(format!("{conditions}[{i}].id"), &c.id);
            problems.text(format!("{conditions}[{i}].reference"), &c.reference);
            problems.label(format!("{conditions}[{i}].label_zh"), &c.label_zh);
            problems.label(format!("{conditions}[{i}].label_en"), &c.label_en);
            if let ConditionTest::Declared { key } = &c.test {
                problems.text(format!("{conditions}[{i}].test.key"), key);
            }
            if !ids.insert(c.id.as_str()) {
                problems.add(PolicyError::DuplicateCondition {
                    field: format!("{conditions}[{i}].id"),
                    id: c.id.clone(),
                });
            }
        }

        match (
            training_base,
            studio,
            kind_order,
            reapply_after_months,
            specialties,
            notice_working_days,
        ) {
            (
                Some(training_base),
                Some(studio),
                Some(kind_order),
                Some(reapply_after_months),
                Some(specialties),
                Some(notice_working_days),
            ) if problems.0.is_empty() => Ok(Policy {
                id: PolicyId::from(d.id),
                revision: d.revision,
                document: d.document,
                effective_from: d.effective_from,
                effective_until: d.effective_until,
                programme_years: (d.programme_first_year, d.programme_last_year),
                training_base,
                studio,
                funding_order: d.funding_order,
                kind_order,
                annual_places: d.annual_places,
                construction_bar: d.construction_bar,
                reapply_after_months,
                specialties,
                notice_working_days,
                move_up_on_objection: d.move_up_on_objection,
                unit_conditions: d.unit_conditions,
            }),
            _ => Err(problems.into_error()),
        }
    }
}
