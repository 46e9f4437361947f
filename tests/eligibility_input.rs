//! Eligibility: an application that contradicts itself is refused with a typed
//! error naming the field, never turned into a "not eligible" decision.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod eligibility_support;

use eligibility_support::*;
use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::eligibility::{ApplicationError, Outcome, RuleId, decide};
use skill_grants::{Policy, ProjectKind};

fn refuse(app: &Application) -> ApplicationError {
    decide(&Policy::ordos_2022(), app).unwrap_err()
}

#[test]
fn a_base_that_names_a_lead() {
    let mut app = base(school(), d(2023, 7, 1));
    app.lead = Some(lead());
    let err = refuse(&app);
    assert_eq!(
        err,
        ApplicationError::LeadOnBase {
            application: "A-B-01".into()
        }
    );
    assert_eq!(err.field(), "lead");
    assert_eq!(err.application().as_str(), "A-B-01");
}

#[test]
fn a_studio_that_declares_specialties() {
    let mut app = studio(school(), d(2023, 7, 1));
    app.specialties.push(Specialty::new("焊工"));
    let err = refuse(&app);
    assert_eq!(
        err,
        ApplicationError::SpecialtiesOnStudio {
            application: "A-S-01".into()
        }
    );
    assert_eq!(err.field(), "specialties");
}

#[test]
fn a_studio_with_no_lead() {
    let mut app = studio(school(), d(2023, 7, 1));
    app.lead = None;
    let err = refuse(&app);
    assert_eq!(
        err,
        ApplicationError::MissingLead {
            application: "A-S-01".into()
        }
    );
    assert_eq!(err.field(), "lead");
}

#[test]
fn a_duplicated_specialty() {
    let app = Application::training_base(
        "A-B-01",
        school(),
        d(2023, 7, 1),
        ["电工", "焊工", "电工"].map(Specialty::new),
    );
    let err = refuse(&app);
    assert_eq!(
        err,
        ApplicationError::DuplicateSpecialty {
            application: "A-B-01".into(),
            specialty: Specialty::new("电工")
        }
    );
    assert_eq!(err.field(), "specialties");
}

#[test]
fn blank_ids() {
    let mut app = base(school(), d(2023, 7, 1));
    app.id = ApplicationId::new(" ");
    assert_eq!(refuse(&app).field(), "id");

    let mut app = base(school(), d(2023, 7, 1));
    app.unit.id = UnitId::new("");
    assert_eq!(refuse(&app).field(), "unit.id");

    let mut app = studio(school(), d(2023, 7, 1));
    app.lead.as_mut().unwrap().id = PersonId::new("");
    assert_eq!(refuse(&app).field(), "lead.id");

    let mut app = base(school(), d(2023, 7, 1));
    app.specialties.push(Specialty::new("  "));
    assert_eq!(
        refuse(&app),
        ApplicationError::Blank {
            application: "A-B-01".into(),
            field: "specialties[1]".into()
        }
    );

    let mut app = base(school(), d(2023, 7, 1));
    app.unit
        .projects
        .push(open("", ProjectKind::Studio, d(2022, 9, 1)));
    assert_eq!(refuse(&app).field(), "unit.projects[].id");
}

#[test]
fn a_closing_date_before_the_release_date() {
    let mut app = base(school(), d(2023, 7, 1));
    app.unit.projects.push(closed(
        "2022-S-01",
        ProjectKind::Studio,
        d(2022, 9, 1),
        d(2022, 8, 31),
    ));
    let err = refuse(&app);
    assert_eq!(
        err,
        ApplicationError::ClosedBeforeRelease {
            application: "A-B-01".into(),
            project: ProjectId::new("2022-S-01"),
            released_on: d(2022, 9, 1),
            closed_on: d(2022, 8, 31),
        }
    );
    assert_eq!(err.field(), "unit.projects[2022-S-01].closed_on");
    // Closing on the release day itself is allowed.
    app.unit.projects[0].closed_on = Some(d(2022, 9, 1));
    assert!(decide(&Policy::ordos_2022(), &app).is_ok());
}

#[test]
fn an_acceptance_date_before_release_or_after_closing() {
    let mut app = base(school(), d(2023, 7, 1));
    let mut p = open("2022-S-01", ProjectKind::Studio, d(2022, 9, 1));
    p.accepted_on = Some(d(2022, 1, 1));
    app.unit.projects.push(p);
    let err = refuse(&app);
    assert!(
        matches!(err, ApplicationError::AcceptedBeforeRelease { .. }),
        "{err:?}"
    );
    assert_eq!(err.field(), "unit.projects[2022-S-01].accepted_on");

    app.unit.projects[0].accepted_on = Some(d(2023, 5, 1));
    app.unit.projects[0].closed_on = Some(d(2023, 4, 1));
    let err = refuse(&app);
    assert!(
        matches!(err, ApplicationError::AcceptedAfterClosing { .. }),
        "{err:?}"
    );
    assert_eq!(err.field(), "unit.projects[2022-S-01].accepted_on");
}

#[test]
fn a_duplicated_project_id() {
    let mut app = base(school(), d(2023, 7, 1));
    app.unit
        .projects
        .push(open("2022-S-01", ProjectKind::Studio, d(2022, 9, 1)));
    app.unit
        .projects
        .push(open("2022-S-01", ProjectKind::Studio, d(2022, 10, 1)));
    assert_eq!(
        refuse(&app),
        ApplicationError::DuplicateProject {
            application: "A-B-01".into(),
            project: ProjectId::new("2022-S-01")
        }
    );
}

#[test]
fn a_lead_born_after_the_reference_date() {
    let mut app = studio(school(), d(2023, 7, 1));
    app.lead.as_mut().unwrap().born_on = Some(d(2023, 7, 2));
    assert_eq!(refuse(&app).field(), "lead.born_on");
}

#[test]
fn the_error_does_not_depend_on_the_order_of_the_history() {
    let mut app = base(school(), d(2023, 7, 1));
    app.unit.projects.push(closed(
        "2022-S-09",
        ProjectKind::Studio,
        d(2022, 9, 1),
        d(2022, 8, 1),
    ));
    app.unit.projects.push(closed(
        "2022-S-02",
        ProjectKind::Studio,
        d(2022, 9, 1),
        d(2022, 8, 1),
    ));
    let first = refuse(&app);
    app.unit.projects.reverse();
    assert_eq!(refuse(&app), first);
    assert_eq!(first.field(), "unit.projects[2022-S-02].closed_on");
}

#[test]
fn the_message_names_the_application_and_the_field() {
    let mut app = studio(school(), d(2023, 7, 1));
    app.lead = None;
    assert_eq!(
        refuse(&app).to_string(),
        "application `A-S-01`: field `lead`: a studio application must name its lead"
    );
}

#[test]
fn a_base_with_no_specialty_or_three_is_well_formed_and_fails_r11() {
    for n in [0, 3] {
        let app = Application::training_base(
            "A-B-01",
            school(),
            d(2023, 7, 1),
            ["焊工", "电工", "钳工"]
                .into_iter()
                .take(n)
                .map(Specialty::new),
        );
        let decision = decide(&Policy::ordos_2022(), &app).unwrap();
        assert_eq!(outcome(&decision, RuleId::Specialties), Outcome::Failed);
        assert!(!decision.is_eligible());
    }
}

#[test]
fn an_unknown_honour_code_in_serialized_input_fails() {
    let good = r#"{"id":"P-1","name":"王某","honours":["ordos_craftsman"]}"#;
    let lead: StudioLead = serde_json::from_str(good).unwrap();
    assert_eq!(lead.honours, vec![Honour::OrdosCraftsman]);
    let bad = r#"{"id":"P-1","name":"王某","honours":["ordos_craftsman","provincial_hero"]}"#;
    let err = serde_json::from_str::<StudioLead>(bad).unwrap_err();
    assert!(err.to_string().contains("provincial_hero"), "{err}");

    let app = studio(school(), d(2023, 7, 1));
    let json = serde_json::to_string(&app)
        .unwrap()
        .replace("city_technical_expert", "city_hero");
    assert!(serde_json::from_str::<Application>(&json).is_err());
}
