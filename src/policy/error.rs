//! The error of a policy that fails validation, naming its field and, where
//! the notice speaks to it, the clause and reading (from the parameters table).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::parameters::{ParameterSource, source_of};
use super::{EARLIEST_YEAR, LATEST_YEAR};
use crate::domain::Fund;

/// An error in a policy: the field it names (a path, such as
/// `training_base.subsidy` or `unit_conditions[1].id`), what is wrong with it,
/// and, where the field is a value of the notice, its clause and reading
/// (``policy field `studio.construction_months` (clause 6.2, R10): a period of
/// zero months``). Validation reports every problem: several come as
/// [`PolicyError::Many`], in the order of the data form's fields.
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
    #[error("policy field `{field}`{} is empty", at(.field))]
    Empty {
        /// The field.
        field: String,
    },
    /// An amount is zero (a negative amount is refused when read: money has
    /// no sign in the crate's grammar).
    #[error("policy field `{field}`{}: amount {value} must be greater than zero", at(.field))]
    NotPositive {
        /// The field.
        field: String,
        /// The amount given.
        value: Decimal,
    },
    /// A period in months is zero.
    #[error("policy field `{field}`{}: a period of zero months", at(.field))]
    ZeroMonths {
        /// The field.
        field: String,
    },
    /// A count that must be at least one is zero.
    #[error("policy field `{field}`{} must be at least 1", at(.field))]
    Zero {
        /// The field.
        field: String,
    },
    /// A count is negative.
    #[error("policy field `{field}`{}: {value} is negative", at(.field))]
    Negative {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
    },
    /// A count is larger than the crate accepts.
    #[error("policy field `{field}`{}: {value} is larger than {max}", at(.field))]
    TooLarge {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
        /// The largest value accepted.
        max: i64,
    },
    /// A fund is listed twice in the order of draw.
    #[error("policy field `{field}`{}: fund `{fund:?}` is listed twice", at(.field))]
    DuplicateFund {
        /// The field.
        field: String,
        /// The fund.
        fund: Fund,
    },
    /// A fund is missing from the order of draw.
    #[error("policy field `{field}`{}: fund `{fund:?}` is missing", at(.field))]
    MissingFund {
        /// The field.
        field: String,
        /// The fund.
        fund: Fund,
    },
    /// A kind is listed twice or missing in the order of kinds (R4).
    #[error("policy field `{field}`{}: must list each of training_base and studio exactly once", at(.field))]
    KindOrder {
        /// The field.
        field: String,
    },
    /// A period ends before it starts.
    #[error("policy field `{field}`{}: ends on {end}, before it starts on {start}", at(.field))]
    EndsBeforeStart {
        /// The field.
        field: String,
        /// The start.
        start: String,
        /// The end.
        end: String,
    },
    /// The allowed number of specialties is empty or starts at zero (R11).
    #[error("policy field `{field}`{}: {min}..={max} is not a range of at least one specialty", at(.field))]
    SpecialtyRange {
        /// The field.
        field: String,
        /// The minimum given.
        min: i64,
        /// The maximum given.
        max: i64,
    },
    /// A year's places are given twice, or lie outside the programme (R3).
    #[error("policy field `{field}`{}: year {year} is outside the programme or listed twice", at(.field))]
    BadYear {
        /// The field.
        field: String,
        /// The year.
        year: i32,
    },
    /// Two host conditions share an id (R16).
    #[error("policy field `{field}`{}: condition id `{id}` is used twice", at(.field))]
    DuplicateCondition {
        /// The field.
        field: String,
        /// The id.
        id: String,
    },
    /// A text holds a control character (a line break, a tab, ...).
    #[error("policy field `{field}`{}: contains a control character", at(.field))]
    ControlCharacter {
        /// The field.
        field: String,
    },
    /// A date or year lies outside the years a policy may speak of
    /// (2000–2100): a slip such as `20222`, refused before any deadline is
    /// computed from it.
    #[error(
        "policy field `{field}`{}: {value} is outside the years {earliest} to {latest} a policy may speak of",
        at(.field),
        earliest = EARLIEST_YEAR,
        latest = LATEST_YEAR
    )]
    OutOfRange {
        /// The field.
        field: String,
        /// The date or year given.
        value: String,
    },
    /// The effective period does not meet the programme's years (2.1): the
    /// policy would be in force only outside its own programme.
    #[error(
        "policy field `{field}`{}: in force from {start} to {end}, which does not meet the programme's years {first_year}–{last_year}",
        at(.field)
    )]
    OutsideProgramme {
        /// The field (`effective_from` or `effective_until`).
        field: String,
        /// The first day in force.
        start: String,
        /// The last day in force, or "no end".
        end: String,
        /// The programme's first year.
        first_year: i32,
        /// The programme's last year.
        last_year: i32,
    },
    /// Several problems, in the order of the data form's fields (none of
    /// them is itself [`PolicyError::Many`]).
    #[error("{} problems in the policy: {}", .errors.len(), list(.errors))]
    Many {
        /// The problems, in field order.
        errors: Vec<PolicyError>,
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
    /// The field the error names (`"effective"` for an overlap in a set; the
    /// first problem's field for [`PolicyError::Many`]).
    ///
    /// ```
    /// use skill_grants::PolicyError;
    /// assert_eq!(PolicyError::Empty { field: "id".into() }.field(), "id");
    /// ```
    pub fn field(&self) -> &str {
        match self {
            PolicyError::Many { errors } => errors.first().map_or("policy", PolicyError::field),
            PolicyError::Empty { field }
            | PolicyError::NotPositive { field, .. }
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
            | PolicyError::DuplicateCondition { field, .. }
            | PolicyError::ControlCharacter { field }
            | PolicyError::OutOfRange { field, .. }
            | PolicyError::OutsideProgramme { field, .. } => field,
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

    /// Every problem: the list of [`PolicyError::Many`], or this one error.
    ///
    /// ```
    /// use skill_grants::PolicyError;
    /// let e = PolicyError::Empty { field: "id".into() };
    /// assert_eq!(e.errors(), [e.clone()]);
    /// ```
    pub fn errors(&self) -> &[PolicyError] {
        match self {
            PolicyError::Many { errors } => errors,
            one => std::slice::from_ref(one),
        }
    }
}

/// ` (clause 6.2, R10)` for a field of the parameters table, nothing for the
/// host's own record (id, revision, effective period).
fn at(field: &str) -> String {
    match source_of(field) {
        Some(ParameterSource {
            clause,
            reading: Some(reading),
            ..
        }) => format!(" (clause {clause}, {reading})"),
        Some(ParameterSource { clause, .. }) => format!(" (clause {clause})"),
        None => String::new(),
    }
}

/// The problems, one after another.
fn list(errors: &[PolicyError]) -> String {
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    texts.join("; ")
}
