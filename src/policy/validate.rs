//! Validation: the only way to a [`Policy`]. The first problem found is
//! returned, naming its field as the parameters table ([`super::parameters`])
//! names it.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::data::{KindTermsData, PolicyData};
use super::error::PolicyError;
use super::id::PolicyId;
use super::parameters::{KindParameters, ORDOS_2022};
use super::{KindTerms, Policy};
use crate::domain::Fund;
use crate::money::Yuan;

/// Largest month count accepted (100 years).
const MAX_MONTHS: i64 = 1200;
/// Largest count of projects, places or days accepted.
const MAX_COUNT: i64 = 1_000_000;

fn non_empty(field: &str, value: &str) -> Result<(), PolicyError> {
    if value.trim().is_empty() {
        Err(PolicyError::Empty {
            field: field.to_owned(),
        })
    } else {
        Ok(())
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

fn amount(field: &str, value: Decimal) -> Result<Yuan, PolicyError> {
    if value <= Decimal::ZERO {
        return Err(PolicyError::NotPositive {
            field: field.to_owned(),
            value,
        });
    }
    Yuan::new(value).map_err(|_| PolicyError::TooManyPlaces {
        field: field.to_owned(),
        value,
    })
}

/// The terms of one kind, each field named as the table names it.
fn kind_terms(table: &KindParameters, data: &KindTermsData) -> Result<KindTerms, PolicyError> {
    Ok(KindTerms {
        subsidy: amount(table.subsidy.source.field, data.subsidy)?,
        programme_total: count(
            table.programme_total.source.field,
            data.programme_total,
            MAX_COUNT,
        )?,
        construction_months: months(
            table.construction_months.source.field,
            data.construction_months,
        )?,
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
    /// (3.1, R16) and the document (R17).
    ///
    /// # Errors
    ///
    /// The first problem found, as a [`PolicyError`] naming its field
    /// ([`PolicyError::field`]) and, through it, the clause
    /// ([`PolicyError::parameter_source`]).
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
    /// ```
    fn try_from(d: PolicyData) -> Result<Self, Self::Error> {
        let t = &ORDOS_2022;
        non_empty("id", &d.id)?;
        non_empty(
            &format!("{}.number", t.document.source.field),
            &d.document.number,
        )?;
        if d.document.issuers.is_empty() {
            return Err(PolicyError::Empty {
                field: format!("{}.issuers", t.document.source.field),
            });
        }
        for (i, issuer) in d.document.issuers.iter().enumerate() {
            non_empty(&format!("{}.issuers[{i}]", t.document.source.field), issuer)?;
        }
        if let Some(until) = d.effective_until {
            if until < d.effective_from {
                return Err(PolicyError::EndsBeforeStart {
                    field: "effective_until".into(),
                    start: d.effective_from.to_string(),
                    end: until.to_string(),
                });
            }
        }
        if d.programme_last_year < d.programme_first_year {
            return Err(PolicyError::EndsBeforeStart {
                field: t.programme_last_year.source.field.into(),
                start: d.programme_first_year.to_string(),
                end: d.programme_last_year.to_string(),
            });
        }
        let training_base = kind_terms(&t.training_base, &d.training_base)?;
        let studio = kind_terms(&t.studio, &d.studio)?;

        let mut seen = BTreeSet::new();
        for fund in &d.funding_order {
            if !seen.insert(*fund) {
                return Err(PolicyError::DuplicateFund {
                    field: t.funding_order.source.field.into(),
                    fund: *fund,
                });
            }
        }
        for fund in Fund::ALL {
            if !seen.contains(&fund) {
                return Err(PolicyError::MissingFund {
                    field: t.funding_order.source.field.into(),
                    fund,
                });
            }
        }
        let kind_order = match d.kind_funding_order.as_slice() {
            [a, b] if a != b => [*a, *b],
            _ => {
                return Err(PolicyError::KindOrder {
                    field: t.kind_funding_order.source.field.into(),
                });
            }
        };
        let mut years = BTreeSet::new();
        for (i, p) in d.annual_places.iter().enumerate() {
            if p.year < d.programme_first_year
                || p.year > d.programme_last_year
                || !years.insert(p.year)
            {
                return Err(PolicyError::BadYear {
                    field: format!("{}[{i}].year", t.annual_places.source.field),
                    year: p.year,
                });
            }
        }
        let reapply_after_months =
            months(t.reapply_after_months.source.field, d.reapply_after_months)?;
        let smin = count(t.specialties_min.source.field, d.specialties_min, MAX_COUNT)?;
        let smax = count(t.specialties_max.source.field, d.specialties_max, MAX_COUNT)?;
        if smin == 0 || smax < smin {
            return Err(PolicyError::SpecialtyRange {
                field: t.specialties_min.source.field.into(),
                min: d.specialties_min,
                max: d.specialties_max,
            });
        }
        let notice_working_days = count(
            t.notice_working_days.source.field,
            d.notice_working_days,
            366,
        )?;
        if notice_working_days == 0 {
            return Err(PolicyError::Zero {
                field: t.notice_working_days.source.field.into(),
            });
        }
        let mut ids = BTreeSet::new();
        for (i, c) in d.unit_conditions.iter().enumerate() {
            non_empty(
                &format!("{}[{i}].id", t.unit_conditions.source.field),
                &c.id,
            )?;
            non_empty(
                &format!("{}[{i}].reference", t.unit_conditions.source.field),
                &c.reference,
            )?;
            if !ids.insert(c.id.as_str()) {
                return Err(PolicyError::DuplicateCondition {
                    field: format!("{}[{i}].id", t.unit_conditions.source.field),
                    id: c.id.clone(),
                });
            }
        }
        Ok(Policy {
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
            specialties: (smin, smax),
            notice_working_days,
            move_up_on_objection: d.move_up_on_objection,
            unit_conditions: d.unit_conditions,
        })
    }
}
