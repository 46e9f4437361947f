//! # skill-grants
//!
//! The Ordos programme of city-level **high-skill talent training bases**
//! (高技能人才培训基地, 20 at ¥200,000 each) and **skill master studios**
//! (技能大师工作室, 40 at ¥50,000 each) for 2022–2025, as set by the notice
//! 鄂人社发〔2022〕100号, executed as code.
//!
//! The crate is pure logic: no I/O, no clock, no database. Callers pass dates
//! in; every value a host stores serializes with serde; every rule cites the
//! clause it executes ([`ClauseId`]); money is [`Yuan`], exact to the fen.
//!
//! ## Quick start
//!
//! ```sh
//! cargo run -p annual-round   # a whole 2022 round and every project's life, on built-in data
//! cargo test --all-features           # every test, the JSON Schema tests included
//! ```
//!
//! The same run as a library call, on the invented sample data of [`sample`]:
//!
//! ```
//! use skill_grants::{sample, round::check_invariants, Lang};
//!
//! let run = sample::annual_round_2022()?;
//! check_invariants(&run.round)?;                 // places, quotas, funds, ranking
//! assert!(run.money_balances());                 // released = spent + recovered + balance
//! print!("{}", run.summary(Lang::En));           // what the round decided, in about ten lines
//! println!("{}", run.round.render(Lang::En));    // every candidate, with reasons and clauses
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! One application on its own:
//!
//! ```
//! use skill_grants::{eligibility, sample, Lang, Policy};
//!
//! let app = &sample::applications_2022()[30];    // `A-2022-031`, marked 〔R7〕
//! let decision = eligibility::decide(&Policy::ordos_2022(), app)?;
//! assert!(!decision.is_eligible());
//! println!("{}", decision.render(Lang::Zh));     // each finding, its clause, and the remedy
//! # Ok::<(), skill_grants::eligibility::ApplicationError>(())
//! ```
//!
//! The main job is the workspace's bin crate `annual-round`
//! (`cargo run -p annual-round`). More examples, one per kind of user, are in
//! `examples/`: `check_application` (one decision and what
//! would change it), `project_ledger` (commands, a refused payment, replay,
//! a past state), `integrate_json` (a JSON-lines service), `custom_policy`
//! (another policy from JSON; an invalid one refused) and `policy` (the policy,
//! the clause table and the readings R1–R17). Each answers `--help`.
//!
//! ## The model
//!
//! - [`clause`]: the registry of the notice's clauses, by our ids (`"3.2"`) and
//!   by their Chinese headings (`三（二）`).
//! - [`policy`]: every number and choice the rules read, validated on load;
//!   [`Policy::ordos_2022`] is the notice, and a host may load another.
//! - [`money`]: [`Yuan`], exact to the fen, never negative, a decimal string in JSON.
//! - [`date`]: the deadline arithmetic of reading R10 and working days (R9).
//! - [`domain`]: the shared terms — kinds of project, banners, funds, seats,
//!   and the ids of units, people, applications, projects and bodies.
//! - [`application`]: the application model — units, studio leads, their
//!   history, applications.
//! - [`lang`]: the two languages of explanations and how clauses are cited.
//! - [`eligibility`]: who may apply — every condition of 1.2, 3.1–3.4, 4.2 and
//!   6.1 evaluated in full, each finding citing its clause, explained on demand
//!   in Chinese and English.
//! - [`round`]: the annual round — quotas, ranked recommendation lists, city
//!   review, funding from the two funds, public notice and objections, release
//!   and coverage. A checked state machine: `set_up → submit → close_submissions
//!   → review → start_notice → record_objection → release`, then
//!   [`round::Round::outcome`].
//! - [`lifecycle`]: a funded project's life, event-sourced: its account and
//!   payments, evaluation, acceptance, revocation and recovery, rename,
//!   dissolution, lead change. [`round::FundedProject::project_start`] is the
//!   glue from a released round to [`lifecycle::Project::open`].
//! - [`reading`]: the readings R1–R17 as data — where the notice leaves a
//!   choice, the one the crate takes, in Chinese and English.
//! - [`rules`]: the rule registry — every rule of the crate with the clauses
//!   it cites and the reading it follows, built from the modules' own tables;
//!   the readings R1–R17.
//! - [`service`]: the integrator's JSON-lines protocol for the whole programme
//!   (eligibility, rounds, projects, restore, registry), host-agnostic.
//! - [`sample`]: built-in, invented sample data and the whole 2022 scenario.
//! - `schema` (cargo feature `schema`): the JSON Schema of every serialized
//!   input and output type; committed copies are in `schema/`.
//!
//! ## The lifecycle of a project
//!
//! Generated from the transition table ([`lifecycle::transition`]) by
//! [`lifecycle::mermaid`]; a test keeps this copy in step.
//!
#![doc = concat!("```mermaid\n", include_str!("lifecycle/diagram.mmd"), "```")]
//!
//! ## Readings
//!
//! Where the notice leaves a choice, the crate follows the readings R1–R17
//! ([`reading`]: each in Chinese and English, with its clauses; `cargo run
//! --example policy` prints them); the ones marked *parameter* are fields of
//! [`Policy`] a host may change ([`Policy::sources`] lists every value with its
//! clause and reading). Each rule's documentation names the reading it follows.
//!
//! ## Performance
//!
//! Deciding is cheap enough to run on every request: the built-in round with
//! its fourteen projects' lives runs in a few milliseconds in release mode.
//! The benchmark figures (eligibility, a city-sized round, the ledger's hot
//! path) are in the README's *Performance* section (`cargo bench`).
//!
//! ## For auditors
//!
//! Every decision carries its clauses; [`round::check_invariants`] and
//! [`lifecycle::Project::check_invariants`] state what must always hold; the
//! README's *For auditors* section describes the conformance suite, the clause
//! map and the property tests.
//!
//! ## Stability
//!
//! MSRV: Rust 1.85 (edition 2024). The crate is pre-1.0: public enums that will
//! grow are `#[non_exhaustive]`, serialized forms change only with a note in
//! the CHANGELOG, and every change that alters a decision's outcome is marked
//! (*) there.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The README's Rust examples run as doctests, so its library example stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod id;

pub mod application;
pub mod chain;
pub mod clause;
pub mod date;
pub mod domain;
pub mod eligibility;
pub mod lang;
pub mod lifecycle;
pub mod money;
pub mod policy;
pub mod reading;
mod repeat;
pub mod round;
pub mod rules;
pub mod sample;
#[cfg(feature = "schema")]
pub mod schema;
pub mod service;

pub use clause::{Clause, ClauseError, ClauseId, Execution};
pub use date::{DateError, HolidayCalendar};
pub use domain::{Banner, Fund, ProjectKind};
pub use lang::Lang;
pub use lifecycle::{LifecycleError, Project, ProjectStart};
pub use money::{MoneyError, Yuan};
pub use policy::{
    AnnualPlaces, ConditionTest, ConstructionBar, Policy, PolicyData, PolicyError, PolicyId,
    PolicySet, UnitCondition,
};
pub use round::{Recommender, Round, RoundError, RoundOutcome, RoundSetup};

/// Re-exported so callers use the same decimal and date types as the crate.
pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;
