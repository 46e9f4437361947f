//! Shared fixtures for the lifecycle tests: invented units and people only.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use skill_grants::application::{Honour, StudioLead};
use skill_grants::chain::Sealed;
use skill_grants::domain::{BodyId, PersonId, ProjectId, Seat, Specialty, UnitId};
use skill_grants::lifecycle::*;
use skill_grants::{Banner, Policy, ProjectKind, Yuan};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn y(n: u32) -> Yuan {
    Yuan::from_yuan(n)
}

/// A base in 准格尔旗, released 2022-09-01, two specialties.
pub fn base_start() -> ProjectStart {
    ProjectStart {
        project: ProjectId::new("2022-B-01"),
        kind: ProjectKind::TrainingBase,
        unit: UnitId::new("U-B01"),
        unit_name: "准格尔旗某煤炭企业".into(),
        seat: Seat::Banner(Banner::JungarBanner),
        specialties: vec![Specialty::new("煤矿机电"), Specialty::new("电工")],
        lead: None,
        released: y(200_000),
        released_on: d(2022, 9, 1),
        policy: Policy::ordos_2022().reference(),
    }
}

/// A studio in 乌审旗, released 2022-09-15, led by 王某.
pub fn studio_start() -> ProjectStart {
    ProjectStart {
        project: ProjectId::new("2022-S-01"),
        kind: ProjectKind::Studio,
        unit: UnitId::new("U-S01"),
        unit_name: "乌审旗某技工学校".into(),
        seat: Seat::Banner(Banner::UxinBanner),
        specialties: vec![],
        lead: Some(StudioLead::new(
            PersonId::new("P-1"),
            "王某",
            [Honour::CityTechnicalExpert],
        )),
        released: y(50_000),
        released_on: d(2022, 9, 15),
        policy: Policy::ordos_2022().reference(),
    }
}

/// A base under a 4.2 body.
pub fn body_base_start() -> ProjectStart {
    ProjectStart {
        project: ProjectId::new("2022-B-02"),
        unit: UnitId::new("U-B02"),
        unit_name: "某市直能源企业下属培训中心".into(),
        seat: Seat::Body(BodyId::new("city-energy-group")),
        ..base_start()
    }
}

pub fn unit_of(start: &ProjectStart) -> Actor {
    Actor::Unit(start.unit.clone())
}

/// A project and its log so far.
pub struct Given {
    pub project: Project,
    pub log: Vec<Sealed<Event>>,
}

impl Given {
    pub fn start(start: ProjectStart) -> Given {
        let (project, event) = Project::open(start, &Policy::ordos_2022()).unwrap();
        Given {
            project,
            log: vec![event],
        }
    }

    pub fn base() -> Given {
        Given::start(base_start())
    }

    pub fn studio() -> Given {
        Given::start(studio_start())
    }

    /// A studio when `studio`, otherwise a base (for properties over both).
    pub fn either(studio: bool) -> Given {
        if studio {
            Given::studio()
        } else {
            Given::base()
        }
    }

    pub fn unit(&self) -> Actor {
        unit_of(self.project.start())
    }

    /// When a command is accepted: apply its events, log them, check that
    /// replay gives the same state and that the invariants hold.
    pub fn when(&mut self, by: Actor, on: NaiveDate, action: Action) -> Vec<Event> {
        let events = self
            .project
            .decide(&Command::new(by, on, action))
            .unwrap_or_else(|e| panic!("refused: {e}"));
        for e in &events {
            self.project.apply(e).unwrap();
        }
        self.log.extend(events.iter().cloned());
        let policy = Policy::ordos_2022();
        assert_eq!(
            Project::replay(&self.log, &policy, Some(&self.project.head())).unwrap(),
            self.project
        );
        self.project.check_invariants().unwrap();
        events.into_iter().map(|r| r.event).collect()
    }

    /// When a command is refused: the error, and the state unchanged.
    pub fn refused(&self, by: Actor, on: NaiveDate, action: Action) -> LifecycleError {
        let before = self.project.clone();
        let err = self
            .project
            .decide(&Command::new(by, on, action))
            .expect_err("expected a refusal");
        assert_eq!(self.project, before);
        err
    }

    pub fn pay(&mut self, on: NaiveDate, spend: Spend) -> Vec<Event> {
        let unit = self.unit();
        self.when(unit, on, Action::Pay { spend })
    }

    pub fn refused_pay(&self, on: NaiveDate, spend: Spend) -> LifecycleError {
        self.refused(self.unit(), on, Action::Pay { spend })
    }

    pub fn finding(&mut self, on: NaiveDate) {
        self.when(
            Actor::City,
            on,
            Action::VerifyFinding {
                misconduct: Misconduct::Fraud,
                report: "市人社局调查报告".into(),
            },
        );
    }
}

pub fn base_spend(amount: Yuan) -> Spend {
    Spend::base(
        SpendingCategory::TrainingEquipment,
        amount,
        SpecialtyIndex(0),
    )
}

pub fn studio_spend(amount: Yuan) -> Spend {
    Spend::studio(SpendingCategory::InnovationResearch, amount)
}

pub fn lead(id: &str, name: &str, honours: &[Honour]) -> StudioLead {
    StudioLead::new(PersonId::new(id), name, honours.iter().copied())
}
