//! The error of a policy that fails validation, naming its field.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::parameters::{ParameterSource, source_of};
use crate::domain::Fund;

/// An error in a policy: the field it names and what is wrong with it.
///
/// ```
/// use skill_grants::{Policy, PolicyError};
/// let mut data = Policy::ordos_2022().to_data();
/// data.studio.construction_months = 0;
/// let err = Policy::try_from(data).unwrap_err();
/// assert_eq!(err, PolicyError::ZeroMonths { field: "studio.construction_months".into() });
/// assert_eq!(err.field(), "studio.construction_months");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// A required text is empty.
    #[error("policy field `{field}` is empty")]
    Empty {
        /// The field.
        field: String,
    },
    /// An amount is zero or negative.
    #[error("policy field `{field}`: amount {value} must be greater than zero")]
    NotPositive {
        /// The field.
        field: String,
        /// The amount given.
        value: Decimal,
    },
    /// An amount has more than two decimal places.
    #[error("policy field `{field}`: amount {value} has more than two decimal places")]
    TooManyPlaces {
        /// The field.
        field: String,
        /// The amount given.
        value: Decimal,
    },
    /// A period in months is zero.
    #[error("policy field `{field}`: a period of zero months")]
    ZeroMonths {
        /// The field.
        field: String,
    },
    /// A count that must be at least one is zero.
    #[error("policy field `{field}` must be at least 1")]
    Zero {
        /// The field.
        field: String,
    },
    /// A count is negative.
    #[error("policy field `{field}`: {value} is negative")]
    Negative {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
    },
    /// A count is larger than the crate accepts.
    #[error("policy field `{field}`: {value} is larger than {max}")]
    TooLarge {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
        /// The largest value accepted.
        max: i64,
    },
    /// A fund is listed twice in the order of draw.
    #[error("policy field `{field}`: fund `{fund:?}` is listed twice")]
    DuplicateFund {
        /// The field.
        field: String,
        /// The fund.
        fund: Fund,
    },
    /// A fund is missing from the order of draw.
    #[error("policy field `{field}`: fund `{fund:?}` is missing")]
    MissingFund {
        /// The field.
        field: String,
        /// The fund.
        fund: Fund,
    },
    /// A kind is listed twice or missing in the order of kinds (R4).
    #[error("policy field `{field}`: must list each of training_base and studio exactly once")]
    KindOrder {
        /// The field.
        field: String,
    },
    /// A period ends before it starts.
    #[error("policy field `{field}`: ends on {end}, before it starts on {start}")]
    EndsBeforeStart {
        /// The field.
        field: String,
        /// The start.
        start: String,
        /// The end.
        end: String,
    },
    /// The allowed number of specialties is empty or starts at zero (R11).
    #[error("policy field `{field}`: {min}..={max} is not a range of at least one specialty")]
    SpecialtyRange {
        /// The field.
        field: String,
        /// The minimum given.
        min: i64,
        /// The maximum given.
        max: i64,
    },
    /// A year's places are given twice, or lie outside the programme (R3).
    #[error("policy field `{field}`: year {year} is outside the programme or listed twice")]
    BadYear {
        /// The field.
        field: String,
        /// The year.
        year: i32,
    },
    /// Two host conditions share an id (R16).
    #[error("policy field `{field}`: condition id `{id}` is used twice")]
    DuplicateCondition {
        /// The field.
        field: String,
        /// The id.
        id: String,
    },
    /// Two policies of a set are in force on the same day.
    #[error("policies `{first}` and `{second}` are both in force on {day}")]
    Overlap {
        /// The earlier policy (id and revision).
        first: String,
        /// The later policy (id and revision).
        second: String,
        /// The first day both are in force.
        day: NaiveDate,
    },
}

impl PolicyError {
    /// The field the error names (`"effective"` for an overlap in a set).
    ///
    /// ```
    /// use skill_grants::PolicyError;
    /// assert_eq!(PolicyError::Empty { field: "id".into() }.field(), "id");
    /// ```
    pub fn field(&self) -> &str {
        match self {
            PolicyError::Empty { field }
            | PolicyError::NotPositive { field, .. }
            | PolicyError::TooManyPlaces { field, .. }
            | PolicyError::ZeroMonths { field }
            | PolicyError::Zero { field }
            | PolicyError::Negative { field, .. }
            | PolicyError::TooLarge { field, .. }
            | PolicyError::DuplicateFund { field, .. }
            | PolicyError::MissingFund { field, .. }
            | PolicyError::KindOrder { field }
            | PolicyError::EndsBeforeStart { field, .. }
            | PolicyError::SpecialtyRange { field, .. }
            | PolicyError::BadYear { field, .. }
            | PolicyError::DuplicateCondition { field, .. } => field,
            PolicyError::Overlap { .. } => "effective",
        }
    }

    /// Where the value the error names comes from in the notice: its entry
    /// of the parameters table (clause, reading, *parameter* or fixed), if
    /// the notice speaks to it (not for the policy's own id or dates).
    ///
    /// ```
    /// use skill_grants::{ClauseId, PolicyError};
    /// let e = PolicyError::ZeroMonths { field: "studio.construction_months".into() };
    /// assert_eq!(e.parameter_source().unwrap().clause, ClauseId::C6_2);
    /// assert_eq!(e.parameter_source().unwrap().reading, Some("R10"));
    /// assert!(PolicyError::Empty { field: "id".into() }.parameter_source().is_none());
    /// ```
    pub fn parameter_source(&self) -> Option<&'static ParameterSource> {
        source_of(self.field())
    }
}
