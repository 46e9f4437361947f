//! The annual round (年度评审): quotas, ranked recommendation lists, city
//! review, funding, public notice and release (2.1, 2.2, 4.1–4.3, 5; readings
//! R3, R4, R8, R9).
//!
//! A [`Round`] is a checked state machine. Each step is a method that returns a
//! [`Result`]; a step called at the wrong [`Stage`], or with bad input, returns
//! a [`RoundError`] and changes nothing.
//!
//! | stage | step | next stage |
//! |---|---|---|
//! | — | [`Round::set_up`] (city: year, places, quotas, balances, earlier rounds) | [`Stage::Open`] |
//! | [`Stage::Open`] | [`Round::submit`] (4.1, 4.2, R8), repeatable | [`Stage::Open`] |
//! | [`Stage::Open`] | [`Round::close_submissions`] | [`Stage::Closed`] |
//! | [`Stage::Closed`] | [`Round::review`] (5, R9; then 2.2, R4) | [`Stage::Reviewed`] |
//! | [`Stage::Reviewed`] | [`Round::start_notice`] (5, R9) | [`Stage::Notice`] |
//! | [`Stage::Notice`] | [`Round::record_objection`] (5, R9), repeatable | [`Stage::Notice`] |
//! | [`Stage::Notice`] | [`Round::release`] (5) | [`Stage::Final`] |
//!
//! At every stage the round serializes with serde, so a host can store it and
//! resume; a round's value is exactly its serialized form. [`Round::outcome`]
//! says where every candidate stands.
//!
//! ## Nothing loads unchecked
//!
//! A [`Round`] read from JSON is validated on load: it deserializes through
//! [`RoundRecord`] (its fields as written, unknown fields refused) and is
//! checked before it exists — the set-up as [`Round::set_up`] checks it, the
//! lists as [`Round::submit`] holds them (order, quotas, ranks, kinds, dates,
//! whole-list reasons), the stage's consistency (what each stage has recorded
//! and has not yet), admitted application ids unique once closed, and the
//! outcome's invariants ([`check_invariants`]: funds, places, quotas,
//! totals, ranking, amounts, projects). A round that fails is refused with a
//! [`StoredRoundError`] naming the field or the list and entry, e.g.
//! `lists[2].candidates[0].verdict`. Not re-derived on load: the
//! eligibility decisions in the verdicts (a host can re-decide from the
//! stored policy and applications) and the notice's working days (the
//! holiday calendar is not stored). Every input type refuses unknown fields;
//! a [`Score`] is a string in one grammar ([`ScoreError`]).
//!
//! ## Where each rule lives
//!
//! | file | what it holds |
//! |---|---|
//! | [`law`] | the rules as plain functions: R3 [`law::selection_limit`], R4 [`law::pay`], R8 [`law::placement`], [`law::entry_refusals`], [`law::duplicates`], [`law::on_other_list`], [`law::listed_by_others`], R9 [`law::r9`] |
//! | `steps.rs`, `notice.rs` | [`Round`]: the checked steps, which apply those rules in the notice's order (`notice.rs`: the public notice, its objections, the release) |
//! | `inputs.rs` | what the city and recommenders bring: [`RoundSetup`], [`Quota`], [`FundBalances`], [`Recommendation`], [`CityReview`], [`Objection`] |
//! | `list.rs` | the lists as held: [`RecommendationList`], [`Candidate`], [`SubmissionReceipt`] |
//! | `verdict.rs` | where a candidate stands and why: [`Refusal`], [`Verdict`], [`Funding`]; each kind's rule in one `match` ([`RefusalKind::law`], [`VerdictKind::law`]) |
//! | `error.rs` | [`Stage`], [`Step`] (each step's rule: [`Step::law`]) and [`RoundError`] |
//! | `outcome.rs`, `render.rs` | [`RoundOutcome`], [`check_invariants`], explanations in Chinese and English |
//! | `stored.rs` | a stored round read back and checked: [`RoundRecord`], [`StoredRoundError`] |
//!
//! ```
//! use skill_grants::application::*;
//! use skill_grants::domain::*;
//! use skill_grants::round::*;
//! use skill_grants::{AnnualPlaces, Banner, HolidayCalendar, NaiveDate, Policy, ProjectKind, Yuan};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let setup = RoundSetup {
//!     year: 2022,
//!     reference_date: d(2022, 7, 1),
//!     places: Some(AnnualPlaces { year: 2022, training_bases: 1, studios: 1 }),
//!     quotas: vec![Quota::new(Recommender::Banner(Banner::DaladBanner), ProjectKind::TrainingBase, 2)],
//!     balances: FundBalances::new(Yuan::from_yuan(150_000), Yuan::from_yuan(100_000)),
//!     earlier: Coverage::default(),
//! };
//! let mut round = Round::set_up(Policy::ordos_2022(), setup)?;
//!
//! let unit = Unit::new(UnitId::new("U-1"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
//! let app = Application::training_base("A-1", unit, d(2022, 7, 1), [Specialty::new("焊工")]);
//! let receipt = round.submit(Recommendation {
//!     recommender: Recommender::Banner(Banner::DaladBanner),
//!     kind: ProjectKind::TrainingBase,
//!     report: RecommendationReport::new("旗区初评", "材料审查与现场评审", "专家五人"),
//!     candidates: vec![app],
//! })?;
//! assert!(receipt.accepted());
//!
//! round.close_submissions()?;
//! round.review(CityReview {
//!     experts: vec![ExpertMember::new("专家甲", "市某局")],
//!     scores: vec![CandidateScore::new("A-1", Score::points(88))],
//! })?;
//! round.start_notice(d(2022, 9, 5), &HolidayCalendar::weekends_only())?;
//! assert_eq!(round.notice().map(|n| n.ends_on), Some(d(2022, 9, 9)));
//! round.release(d(2022, 9, 13))?;
//!
//! let outcome = round.outcome()?;
//! let project = &outcome.projects[0];
//! assert_eq!(project.id.as_str(), "2022-TB-01");
//! // 2.2, R4: ¥150,000 from the employment subsidy fund, the rest from the talent fund.
//! assert_eq!(project.draws[1].amount, Yuan::from_yuan(50_000));
//! check_invariants(&outcome)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod brief;
pub(crate) mod coverage;
pub(crate) mod error;
pub(crate) mod inputs;
pub mod law;
pub(crate) mod list;
pub(crate) mod notice;
mod outcome;
mod render;
mod start;
pub(crate) mod steps;
mod stored;
pub(crate) mod verdict;
mod wording;

pub use coverage::{Coverage, KindCounts, SeatCoverage, SpecialtyCoverage};
pub use error::{RoundError, Stage, Step};
pub use inputs::{
    CandidateScore, CityReview, ExpertMember, FundBalances, NoticePeriod, Objection,
    ObjectionRecord, Quota, Recommendation, RecommendationReport, Recommender, ReportPart,
    RoundSetup, Score, ScoreError,
};
pub use list::{Candidate, RecommendationList, RefusedAttempt, SubmissionReceipt};
pub use outcome::{
    CandidateOutcome, FundedProject, InvariantViolation, ListOutcome, RoundOutcome,
    check_invariants,
};
pub use steps::Round;
pub use stored::{RoundRecord, StoredRoundError};
pub use verdict::{Draw, Funding, NotSelectedReason, Refusal, RefusalKind, Verdict, VerdictKind};
