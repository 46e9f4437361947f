//! Validation: an application that contradicts itself is refused, naming the
//! field, before any rule runs. Where several parts are wrong, the one
//! reported does not depend on the order of the unit's history.

use chrono::NaiveDate;

use super::error::ApplicationError;
use crate::application::{Application, PastProject};
use crate::domain::ProjectKind;
use crate::repeat::smallest_repeated;

/// Empty or only white space (stops at the first other character).
fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Checks that an application does not contradict itself.
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
    if let Some(specialty) = smallest_repeated(app.specialties.iter()).map(|(s, _, _)| s) {
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
    if let Some(project) = smallest_repeated(projects.iter().map(|p| &p.id)).map(|(id, _, _)| id) {
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
