//! The typed refusal of an application that contradicts itself; the checks
//! that find it are in `validate.rs`.

use chrono::NaiveDate;

use crate::domain::{ApplicationId, ProjectId, Specialty};

/// An application that contradicts itself, refused before any rule runs.
///
/// A refusal is not a "not eligible" decision: the application must be
/// corrected and decided again. Every variant names the application and, via
/// [`ApplicationError::field`], the field that is wrong. Past projects are
/// named by their id, not their position, so the field named does not depend
/// on the order of the unit's history.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::eligibility::{decide, ApplicationError};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{Banner, Policy};
///
/// let unit = Unit::new(UnitId::new("U-1"), "准格尔旗某技工学校", UnitKind::TechnicalSchool, Seat::Banner(Banner::JungarBanner));
/// let mut app = Application::training_base(
///     "A-1", unit, NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(), [Specialty::new("焊工")],
/// );
/// app.lead = Some(StudioLead::new(PersonId::new("P-1"), "王某", [Honour::OrdosCraftsman]));
/// let err = decide(&Policy::ordos_2022(), &app).unwrap_err();
/// assert_eq!(err, ApplicationError::LeadOnBase { application: "A-1".into() });
/// assert_eq!(err.field(), "lead");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplicationError {
    /// An id (or a specialty's name) is empty or only white space.
    #[error("application `{application}`: field `{field}` is blank")]
    Blank {
        /// The application.
        application: ApplicationId,
        /// The blank field, e.g. `"unit.id"` or `"specialties[1]"`.
        field: String,
    },
    /// A training base application names a studio lead (领办人 belongs to studios).
    #[error("application `{application}`: field `lead`: a training base has no studio lead")]
    LeadOnBase {
        /// The application.
        application: ApplicationId,
    },
    /// A studio application declares specialties (专业 belong to bases, 6.1).
    #[error("application `{application}`: field `specialties`: a studio declares no specialties")]
    SpecialtiesOnStudio {
        /// The application.
        application: ApplicationId,
    },
    /// A studio application names no lead.
    #[error("application `{application}`: field `lead`: a studio application must name its lead")]
    MissingLead {
        /// The application.
        application: ApplicationId,
    },
    /// A specialty is declared twice.
    #[error("application `{application}`: field `specialties`: `{specialty}` is declared twice")]
    DuplicateSpecialty {
        /// The application.
        application: ApplicationId,
        /// The repeated specialty.
        specialty: Specialty,
    },
    /// Two of the unit's past projects share an id.
    #[error(
        "application `{application}`: field `unit.projects`: project id `{project}` is used twice"
    )]
    DuplicateProject {
        /// The application.
        application: ApplicationId,
        /// The repeated id.
        project: ProjectId,
    },
    /// A past project was closed before its subsidy was released.
    #[error(
        "application `{application}`: field `unit.projects[{project}].closed_on`: closed on {closed_on}, before its release on {released_on}"
    )]
    ClosedBeforeRelease {
        /// The application.
        application: ApplicationId,
        /// The project.
        project: ProjectId,
        /// Its release date.
        released_on: NaiveDate,
        /// Its closing date.
        closed_on: NaiveDate,
    },
    /// A past project passed acceptance before its subsidy was released.
    #[error(
        "application `{application}`: field `unit.projects[{project}].accepted_on`: accepted on {accepted_on}, before its release on {released_on}"
    )]
    AcceptedBeforeRelease {
        /// The application.
        application: ApplicationId,
        /// The project.
        project: ProjectId,
        /// Its release date.
        released_on: NaiveDate,
        /// Its acceptance date.
        accepted_on: NaiveDate,
    },
    /// A past project passed acceptance after it had been closed (acceptance
    /// closes a project, so it cannot come later).
    #[error(
        "application `{application}`: field `unit.projects[{project}].accepted_on`: accepted on {accepted_on}, after it was closed on {closed_on}"
    )]
    AcceptedAfterClosing {
        /// The application.
        application: ApplicationId,
        /// The project.
        project: ProjectId,
        /// Its acceptance date.
        accepted_on: NaiveDate,
        /// Its closing date.
        closed_on: NaiveDate,
    },
    /// The studio lead's date of birth is after the round's reference date.
    #[error(
        "application `{application}`: field `lead.born_on`: born on {born_on}, after the reference date {reference_date}"
    )]
    BornAfterReference {
        /// The application.
        application: ApplicationId,
        /// The date of birth given.
        born_on: NaiveDate,
        /// The reference date.
        reference_date: NaiveDate,
    },
    /// A past project's completion deadline (R10) lies outside the range of
    /// dates the crate can represent.
    #[error(
        "application `{application}`: field `unit.projects[{project}].released_on`: a date computed from the project (R10: its completion deadline or reapplication date) is out of the supported range of dates"
    )]
    DateOutOfRange {
        /// The application.
        application: ApplicationId,
        /// The project.
        project: ProjectId,
    },
}

impl ApplicationError {
    /// The application refused.
    ///
    /// ```
    /// use skill_grants::eligibility::ApplicationError;
    /// let e = ApplicationError::MissingLead { application: "A-9".into() };
    /// assert_eq!(e.application().as_str(), "A-9");
    /// ```
    pub fn application(&self) -> &ApplicationId {
        match self {
            ApplicationError::Blank { application, .. }
            | ApplicationError::LeadOnBase { application }
            | ApplicationError::SpecialtiesOnStudio { application }
            | ApplicationError::MissingLead { application }
            | ApplicationError::DuplicateSpecialty { application, .. }
            | ApplicationError::DuplicateProject { application, .. }
            | ApplicationError::ClosedBeforeRelease { application, .. }
            | ApplicationError::AcceptedBeforeRelease { application, .. }
            | ApplicationError::AcceptedAfterClosing { application, .. }
            | ApplicationError::BornAfterReference { application, .. }
            | ApplicationError::DateOutOfRange { application, .. } => application,
        }
    }

    /// The path of the field that is wrong, past projects named by id
    /// (`"unit.projects[2022-B-01].closed_on"`).
    ///
    /// ```
    /// use skill_grants::eligibility::ApplicationError;
    /// let e = ApplicationError::SpecialtiesOnStudio { application: "A-9".into() };
    /// assert_eq!(e.field(), "specialties");
    /// ```
    pub fn field(&self) -> String {
        match self {
            ApplicationError::Blank { field, .. } => field.clone(),
            ApplicationError::LeadOnBase { .. } | ApplicationError::MissingLead { .. } => {
                "lead".to_owned()
            }
            ApplicationError::SpecialtiesOnStudio { .. }
            | ApplicationError::DuplicateSpecialty { .. } => "specialties".to_owned(),
            ApplicationError::DuplicateProject { .. } => "unit.projects".to_owned(),
            ApplicationError::ClosedBeforeRelease { project, .. } => {
                format!("unit.projects[{project}].closed_on")
            }
            ApplicationError::AcceptedBeforeRelease { project, .. }
            | ApplicationError::AcceptedAfterClosing { project, .. } => {
                format!("unit.projects[{project}].accepted_on")
            }
            ApplicationError::BornAfterReference { .. } => "lead.born_on".to_owned(),
            ApplicationError::DateOutOfRange { project, .. } => {
                format!("unit.projects[{project}].released_on")
            }
        }
    }
}
