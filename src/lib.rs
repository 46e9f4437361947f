//! # skill-grants
//!
//! The Ordos programme of city-level **high-skill talent training bases**
//! (高技能人才培训基地, 20 at ¥200,000 each) and **skill master studios**
//! (技能大师工作室, 40 at ¥50,000 each) for 2022–2025, as set by the notice
//! 鄂人社发〔2022〕100号, executed as code.
//!
//! The crate is pure logic: no I/O, no clock, no database. Callers pass dates
//! in; every value a host stores serializes with serde; every rule cites the
//! clause it executes ([`ClauseId`]).
//!
//! ## Quick start
//!
//! ```
//! use skill_grants::{Clause, Policy, ProjectKind, Yuan};
//!
//! let policy = Policy::ordos_2022();
//! assert_eq!(policy.subsidy(ProjectKind::Studio), Yuan::from_yuan(50_000));
//! for clause in Clause::all() {
//!     println!("{:>8}  {}  {}", clause.id, clause.heading_zh, clause.gloss_en);
//! }
//! ```
//!
//! ## The model
//!
//! - [`clause`]: the registry of the notice's clauses, by our ids (`"3.2"`) and
//!   by their Chinese headings (`三（二）`).
//! - [`policy`]: every number and choice the rules read, validated on load.
//! - [`money`]: [`Yuan`], exact to the fen, never negative.
//! - [`date`]: the deadline arithmetic of reading R10 and working days (R9).
//! - [`model`]: units, studio leads, their history, applications.
//! - [`eligibility`]: who may apply — every condition of 1.2, 3.1–3.4, 4.2 and
//!   6.1 evaluated in full, each finding citing its clause, explained on demand
//!   in Chinese and English.
//! - [`sample`]: built-in, invented sample data for examples, tests and benches.
//! - [`lifecycle`]: a funded project's life, event-sourced: its account and
//!   payments, evaluation, acceptance, revocation and recovery, rename,
//!   dissolution, lead change.
//! - [`round`]: the annual round — quotas, ranked recommendation lists, city
//!   review, funding from the two funds, public notice, release and coverage.
//!
//! ## Readings
//!
//! Where the notice leaves a choice, the crate follows the readings R1–R17 of
//! its clause index (`clauses.md`); the ones marked *parameter* are fields of
//! [`Policy`] a host may change ([`Policy::sources`] lists them).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod clause;
pub mod date;
pub mod domain;
pub mod eligibility;
pub mod lifecycle;
pub mod model;
pub mod money;
pub mod policy;
pub mod round;
pub mod sample;
#[cfg(feature = "schema")]
pub mod schema;
pub mod service;

pub use clause::{Clause, ClauseError, ClauseId, Execution};
pub use date::{DateError, HolidayCalendar};
pub use domain::{Banner, Fund, Lang, ProjectKind};
pub use lifecycle::{LifecycleError, Project, ProjectStart};
pub use money::{MoneyError, Yuan};
pub use policy::{
    AnnualPlaces, ConditionTest, ConstructionBar, Policy, PolicyData, PolicyError, PolicySet,
    UnitCondition,
};
pub use round::{Recommender, Round, RoundError, RoundOutcome, RoundSetup};

/// Re-exported so callers use the same decimal and date types as the crate.
pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;
