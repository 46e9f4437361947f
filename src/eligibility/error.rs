//! The typed refusal of an application that contradicts itself, and the checks
//! that find it.

use chrono::NaiveDate;

use crate::ProjectKind;
use crate::model::{Application, ApplicationId, PastProject, ProjectId, Specialty};

/// An application that contradicts itself, refused before any rule runs.
///
/// A refusal is not a "not eligible" decision: the application must be
/// corrected and decided again. Every variant names the application and, via
/// [`ApplicationError::field`], the field that is wrong. Past projects are
/// named by their id, not their position, so the field named does not depend
/// on the order of the unit's history.
///
/// ```
/// use chrono::NaiveDate;
/// use skill_grants::eligibility::{decide, ApplicationError};
/// use skill_grants::model::*;
/// use skill_grants::{Banner, Policy};
///
/// let unit = Unit::new("U-1", "准格尔旗某技工学校", UnitKind::TechnicalSchool, Seat::Banner(Banner::JungarBanner));
/// let mut app = Application::training_base(
///     "A-1", unit, NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(), [Specialty::new("焊工")],
/// );
/// app.lead = Some(StudioLead::new("P-1", "王某", [Honour::OrdosCraftsman]));
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
        "application `{application}`: field `unit.projects[{project}].released_on`: the completion deadline is out of the supported range of dates"
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

/// Empty or only white space (stops at the first other character).
#[inline]
fn blank(s: &str) -> bool {
    // Most text is decided by its first byte: an ASCII character other than
    // white space, or the lead byte of a character from U+4000 up (Chinese
    // included; no white space lies there), is not blank.
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0b => false,
        Some(b) if *b >= 0xe4 => false,
        _ => s.chars().all(char::is_whitespace),
    }
}

/// Checks that an application does not contradict itself. Allocates only
/// when it refuses.
pub(super) fn validate(app: &Application) -> Result<(), ApplicationError> {
    let refuse_blank = |field: String| ApplicationError::Blank {
        application: app.id.clone(),
        field,
    };
    if blank(app.id.as_str()) {
        return Err(refuse_blank("id".to_owned()));
    }
    if blank(app.unit.id.as_str()) {
        return Err(refuse_blank("unit.id".to_owned()));
    }
    match app.kind {
        ProjectKind::TrainingBase => {
            if app.lead.is_some() {
                return Err(ApplicationError::LeadOnBase {
                    application: app.id.clone(),
                });
            }
        }
        ProjectKind::Studio => {
            if !app.specialties.is_empty() {
                return Err(ApplicationError::SpecialtiesOnStudio {
                    application: app.id.clone(),
                });
            }
            match &app.lead {
                None => {
                    return Err(ApplicationError::MissingLead {
                        application: app.id.clone(),
                    });
                }
                Some(lead) => {
                    if blank(lead.id.as_str()) {
                        return Err(refuse_blank("lead.id".to_owned()));
                    }
                    if let Some(born_on) = lead.born_on {
                        if born_on > app.reference_date {
                            return Err(ApplicationError::BornAfterReference {
                                application: app.id.clone(),
                                born_on,
                                reference_date: app.reference_date,
                            });
                        }
                    }
                }
            }
        }
    }
    for (i, s) in app.specialties.iter().enumerate() {
        if blank(s.as_str()) {
            return Err(refuse_blank(format!("specialties[{i}]")));
        }
    }
    // The smallest repeated specialty, so the answer does not depend on order.
    let mut repeated: Option<&Specialty> = None;
    for (i, a) in app.specialties.iter().enumerate() {
        if app.specialties.iter().skip(i + 1).any(|b| b == a) && repeated.is_none_or(|r| a < r) {
            repeated = Some(a);
        }
    }
    if let Some(specialty) = repeated {
        return Err(ApplicationError::DuplicateSpecialty {
            application: app.id.clone(),
            specialty: specialty.clone(),
        });
    }
    validate_projects(app)
}

/// The projects' checks. Where several projects are wrong, the one with the
/// smallest id is reported, so the error does not depend on their order.
fn validate_projects(app: &Application) -> Result<(), ApplicationError> {
    let projects = &app.unit.projects;
    if projects.iter().any(|p| blank(p.id.as_str())) {
        return Err(ApplicationError::Blank {
            application: app.id.clone(),
            field: "unit.projects[].id".to_owned(),
        });
    }
    let mut repeated: Option<&ProjectId> = None;
    for (i, a) in projects.iter().enumerate() {
        if projects.iter().skip(i + 1).any(|b| b.id == a.id) && repeated.is_none_or(|r| a.id < *r) {
            repeated = Some(&a.id);
        }
    }
    if let Some(project) = repeated {
        return Err(ApplicationError::DuplicateProject {
            application: app.id.clone(),
            project: project.clone(),
        });
    }
    let mut first: Option<(&PastProject, Problem)> = None;
    for p in projects {
        if let Some(problem) = problem(p) {
            if first.is_none_or(|(f, _)| p.id < f.id) {
                first = Some((p, problem));
            }
        }
    }
    match first {
        None => Ok(()),
        Some((p, problem)) => Err(problem.into_error(app, p)),
    }
}

/// What is wrong with a past project's dates.
#[derive(Clone, Copy)]
enum Problem {
    ClosedBeforeRelease(NaiveDate),
    AcceptedBeforeRelease(NaiveDate),
    AcceptedAfterClosing(NaiveDate, NaiveDate),
}

fn problem(p: &PastProject) -> Option<Problem> {
    if let Some(c) = p.closed_on.filter(|c| *c < p.released_on) {
        return Some(Problem::ClosedBeforeRelease(c));
    }
    if let Some(a) = p.accepted_on.filter(|a| *a < p.released_on) {
        return Some(Problem::AcceptedBeforeRelease(a));
    }
    match (p.accepted_on, p.closed_on) {
        (Some(a), Some(c)) if a > c => Some(Problem::AcceptedAfterClosing(a, c)),
        _ => None,
    }
}

impl Problem {
    fn into_error(self, app: &Application, p: &PastProject) -> ApplicationError {
        let application = app.id.clone();
        let project = p.id.clone();
        match self {
            Problem::ClosedBeforeRelease(closed_on) => ApplicationError::ClosedBeforeRelease {
                application,
                project,
                released_on: p.released_on,
                closed_on,
            },
            Problem::AcceptedBeforeRelease(accepted_on) => {
                ApplicationError::AcceptedBeforeRelease {
                    application,
                    project,
                    released_on: p.released_on,
                    accepted_on,
                }
            }
            Problem::AcceptedAfterClosing(accepted_on, closed_on) => {
                ApplicationError::AcceptedAfterClosing {
                    application,
                    project,
                    accepted_on,
                    closed_on,
                }
            }
        }
    }
}

#[cfg(test)]
mod blank_tests {
    use super::blank;

    #[test]
    fn blank_agrees_with_the_unicode_definition() {
        for s in [
            "",
            " ",
            "\t\n\x0b\x0c\r",
            "\u{85}",
            "\u{a0}",
            "\u{3000}",
            "\u{2029} ",
            "A-1",
            "电工",
            "\x0bA",
            " \u{3000}x",
            "\u{feff}",
            "😀",
        ] {
            assert_eq!(blank(s), s.chars().all(char::is_whitespace), "{s:?}");
        }
    }
}
