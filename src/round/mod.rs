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
//! resume, and [`Round::outcome`] says where every candidate stands.
//!
//! A refused candidate's reasons ([`Verdict::Refused`]) are an `Arc<[Refusal]>`
//! shared with the [`SubmissionReceipt`] that reported them, so a submission
//! copies no reason: read them as a slice (`reasons.iter()`), build them from
//! a `Vec` with `.into()`. They serialize, and have the JSON Schema, of the
//! list they are.
//!
//! ```
//! use skill_grants::model::*;
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
//! let unit = Unit::new("U-1", "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
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

mod outcome;
mod render;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::DateError;
use crate::eligibility::{self, ApplicationError, Decision};
use crate::model::{Application, ApplicationId, BodyId, Seat, UnitId};
use crate::policy::AnnualPlaces;
use crate::{Banner, ClauseId, Fund, HolidayCalendar, Lang, MoneyError, Policy, ProjectKind, Yuan};

pub use outcome::{
    CandidateOutcome, Coverage, FundedProject, InvariantViolation, KindCounts, ListOutcome,
    RoundOutcome, SeatCoverage, SpecialtyCoverage, check_invariants,
};

/// A recommender (推荐单位): a banner or district (旗区, 4.1) or a directly
/// recommending body (市直委办室局、大企业、事业单位、驻市单位, 4.2).
///
/// ```
/// use skill_grants::round::Recommender;
/// use skill_grants::{Banner, ClauseId, Lang, model::BodyId};
/// assert_eq!(Recommender::Banner(Banner::OtogBanner).clause(), ClauseId::C4_1);
/// let body = Recommender::Body(BodyId::new("市某局"));
/// assert_eq!(body.clause(), ClauseId::C4_2);
/// assert_eq!(body.name(Lang::Zh), "市某局");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Recommender {
    /// A banner or district, for units in its jurisdiction (4.1).
    Banner(Banner),
    /// A body of 4.2, for independent legal persons directly under it.
    Body(BodyId),
}

impl Recommender {
    /// The clause under which it recommends (4.1 or 4.2).
    pub fn clause(&self) -> ClauseId {
        match self {
            Recommender::Banner(_) => ClauseId::C4_1,
            Recommender::Body(_) => ClauseId::C4_2,
        }
    }

    /// Its name: the banner's name in `lang`, or the body's id as given.
    pub fn name(&self, lang: Lang) -> &str {
        match self {
            Recommender::Banner(b) => b.name(lang),
            Recommender::Body(id) => id.as_str(),
        }
    }
}

impl fmt::Display for Recommender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

/// A recommendation quota (推荐名额, 4.3): how many candidates of a kind a
/// recommender may list this year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quota {
    /// The recommender.
    pub recommender: Recommender,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The most candidates its list may hold.
    pub places: u32,
}

impl Quota {
    /// A quota.
    pub fn new(recommender: Recommender, kind: ProjectKind, places: u32) -> Quota {
        Quota {
            recommender,
            kind,
            places,
        }
    }
}

/// The balances of the two funds (2.2): the employment subsidy fund
/// (就业补助资金) and the city talent special fund (市人才专项资金).
///
/// ```
/// use skill_grants::{Fund, Yuan, round::FundBalances};
/// let b = FundBalances::new(Yuan::from_yuan(1), Yuan::from_yuan(2));
/// assert_eq!(b.of(Fund::TalentSpecial), Yuan::from_yuan(2));
/// assert_eq!(b.total()?, Yuan::from_yuan(3));
/// # Ok::<(), skill_grants::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FundBalances {
    /// 就业补助资金 — the employment subsidy fund.
    pub employment_subsidy: Yuan,
    /// 市人才专项资金 — the city talent special fund.
    pub talent_special: Yuan,
}

impl Default for FundBalances {
    /// Both funds empty ([`Yuan::ZERO`], at two places, so sums stay exact).
    fn default() -> Self {
        FundBalances::new(Yuan::ZERO, Yuan::ZERO)
    }
}

impl FundBalances {
    /// Both balances.
    pub fn new(employment_subsidy: Yuan, talent_special: Yuan) -> FundBalances {
        FundBalances {
            employment_subsidy,
            talent_special,
        }
    }

    /// The balance of one fund.
    pub fn of(&self, fund: Fund) -> Yuan {
        match fund {
            Fund::EmploymentSubsidy => self.employment_subsidy,
            Fund::TalentSpecial => self.talent_special,
        }
    }

    fn slot(&mut self, fund: Fund) -> &mut Yuan {
        match fund {
            Fund::EmploymentSubsidy => &mut self.employment_subsidy,
            Fund::TalentSpecial => &mut self.talent_special,
        }
    }

    /// Both together.
    pub fn total(&self) -> Result<Yuan, MoneyError> {
        self.employment_subsidy.checked_add(self.talent_special)
    }
}

/// What the city sets up for a year's round (2.1, 4.3, R3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoundSetup {
    /// The round's year; within the programme's years (2.1).
    pub year: i32,
    /// The reference date against which eligibility is judged; every
    /// application carries the same date.
    pub reference_date: NaiveDate,
    /// This year's places per kind (R3, *parameter*); `None` takes them from
    /// [`Policy::annual_places`].
    #[serde(default)]
    pub places: Option<AnnualPlaces>,
    /// Each recommender's quota per kind (4.3). A recommender without a quota
    /// for a kind has a quota of zero.
    pub quotas: Vec<Quota>,
    /// The balances of the two funds available to this round (2.2).
    pub balances: FundBalances,
    /// The projects created by earlier rounds (R3, 1.2.1): their count per kind
    /// is what the programme has already selected.
    #[serde(default)]
    pub earlier: Coverage,
}

/// The three parts of a recommendation report (推荐报告, 4.1): 评审程序,
/// 评审方法, 专家组成.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportPart {
    /// 评审程序 — the evaluation procedure.
    Procedure,
    /// 评审方法 — the evaluation methods.
    Methods,
    /// 专家组成 — the composition of the expert panel.
    ExpertComposition,
}

impl ReportPart {
    /// The part's name.
    ///
    /// ```
    /// use skill_grants::{Lang, round::ReportPart};
    /// assert_eq!(ReportPart::Methods.name(Lang::Zh), "评审方法");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ReportPart::Procedure, Lang::Zh) => "评审程序",
            (ReportPart::Procedure, Lang::En) => "evaluation procedure",
            (ReportPart::Methods, Lang::Zh) => "评审方法",
            (ReportPart::Methods, Lang::En) => "evaluation methods",
            (ReportPart::ExpertComposition, Lang::Zh) => "专家组成",
            (ReportPart::ExpertComposition, Lang::En) => "expert composition",
        }
    }
}

/// A recommendation report (推荐报告, 4.1, 4.2): procedure, methods and the
/// expert composition of the recommender's preliminary review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecommendationReport {
    /// 评审程序 — the evaluation procedure.
    #[serde(default)]
    pub procedure: String,
    /// 评审方法 — the evaluation methods.
    #[serde(default)]
    pub methods: String,
    /// 专家组成 — the composition of the expert panel.
    #[serde(default)]
    pub expert_composition: String,
}

impl RecommendationReport {
    /// A report with its three parts.
    pub fn new(
        procedure: impl Into<String>,
        methods: impl Into<String>,
        expert_composition: impl Into<String>,
    ) -> RecommendationReport {
        RecommendationReport {
            procedure: procedure.into(),
            methods: methods.into(),
            expert_composition: expert_composition.into(),
        }
    }

    /// The parts that are missing or blank (R8).
    ///
    /// ```
    /// use skill_grants::round::{RecommendationReport, ReportPart};
    /// let r = RecommendationReport::new("初评", " ", "");
    /// assert_eq!(r.missing_parts(), vec![ReportPart::Methods, ReportPart::ExpertComposition]);
    /// ```
    pub fn missing_parts(&self) -> Vec<ReportPart> {
        [
            (ReportPart::Procedure, &self.procedure),
            (ReportPart::Methods, &self.methods),
            (ReportPart::ExpertComposition, &self.expert_composition),
        ]
        .into_iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(part, _)| part)
        .collect()
    }
}

/// A recommender's submission for one kind (4.1, 4.2): a report and the
/// candidate applications in its order of recommendation (first = rank 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recommendation {
    /// Who recommends.
    pub recommender: Recommender,
    /// Base or studio; every candidate must be of this kind.
    pub kind: ProjectKind,
    /// The recommendation report.
    pub report: RecommendationReport,
    /// The candidate list (候选单位名单), in order of recommendation.
    pub candidates: Vec<Application>,
}

/// Why a list or a candidate is refused (R8, eligibility).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Refusal {
    /// The list is longer than the recommender's quota: refused whole (4.3, R8).
    OverQuota {
        /// Candidates listed.
        listed: u32,
        /// The quota.
        quota: u32,
    },
    /// The report lacks a part, or a part is blank: list refused whole (4.1, 4.2, R8).
    ReportIncomplete {
        /// The missing parts.
        missing: Vec<ReportPart>,
    },
    /// A unit appears twice in one list: refused whole, the recommender must
    /// choose its order (4.1, 4.2, R8).
    UnitListedTwice {
        /// The unit.
        unit: UnitId,
    },
    /// An application appears twice in one list: refused whole (4.1, 4.2, R8).
    ApplicationListedTwice {
        /// The application.
        application: ApplicationId,
    },
    /// The candidate is not in the banner's jurisdiction (4.1, R8).
    OutsideJurisdiction {
        /// The recommending banner.
        banner: Banner,
        /// Where the unit sits.
        seat: Seat,
    },
    /// The candidate is not directly under the recommending body (4.2, R8).
    NotUnderBody {
        /// The recommending body.
        body: BodyId,
        /// Where the unit sits.
        seat: Seat,
    },
    /// The candidate is not an independent legal person (独立法人资格, 4.2, R8).
    NotIndependentLegalPerson {
        /// The recommending body.
        body: BodyId,
    },
    /// The same application, or the same unit for the same kind, stands on
    /// more than one recommender's list: every such entry is refused (4.1,
    /// 4.2, R8).
    ListedByOthers {
        /// The other recommenders that listed it.
        others: Vec<Recommender>,
    },
    /// The candidate is not eligible (3.x, 1.2.x, 6.1): its decision says why.
    Ineligible {
        /// The eligibility decision.
        decision: Decision,
    },
}

impl Refusal {
    /// True for the reasons that refuse a whole list.
    pub fn is_whole_list(&self) -> bool {
        matches!(
            self,
            Refusal::OverQuota { .. }
                | Refusal::ReportIncomplete { .. }
                | Refusal::UnitListedTwice { .. }
                | Refusal::ApplicationListedTwice { .. }
        )
    }

    /// The clauses this refusal cites, given who recommended.
    ///
    /// ```
    /// use skill_grants::round::{Recommender, Refusal};
    /// use skill_grants::{Banner, ClauseId};
    /// let r = Refusal::OverQuota { listed: 3, quota: 2 };
    /// assert_eq!(r.clauses(&Recommender::Banner(Banner::Dongsheng)), vec![ClauseId::C4_3, ClauseId::C4_1]);
    /// ```
    pub fn clauses(&self, by: &Recommender) -> Vec<ClauseId> {
        match self {
            Refusal::OverQuota { .. } => vec![ClauseId::C4_3, by.clause()],
            Refusal::ReportIncomplete { .. }
            | Refusal::UnitListedTwice { .. }
            | Refusal::ApplicationListedTwice { .. }
            | Refusal::ListedByOthers { .. } => vec![by.clause()],
            Refusal::OutsideJurisdiction { .. } => vec![ClauseId::C4_1],
            Refusal::NotUnderBody { .. } | Refusal::NotIndependentLegalPerson { .. } => {
                vec![ClauseId::C4_2]
            }
            Refusal::Ineligible { decision } => {
                let mut clauses: Vec<ClauseId> = decision
                    .findings
                    .iter()
                    .filter(|f| f.outcome == eligibility::Outcome::Failed)
                    .map(|f| f.clause)
                    .collect();
                clauses.sort();
                clauses.dedup();
                clauses
            }
        }
    }
}

/// An expert score (专家评分): exact, never negative, at most two decimal places.
///
/// ```
/// use skill_grants::round::Score;
/// use skill_grants::Decimal;
/// assert!(Score::new(Decimal::new(8_550, 2)).is_some());
/// assert!(Score::new(Decimal::new(-1, 0)).is_none());
/// assert!(Score::points(90) > Score::points(85));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Score(Decimal);

impl Score {
    /// A score, if it is not negative and has at most two decimal places.
    pub fn new(value: Decimal) -> Option<Score> {
        let normal = value.normalize();
        if (value.is_sign_negative() && !value.is_zero()) || normal.scale() > 2 {
            None
        } else {
            Some(Score(normal))
        }
    }

    /// A whole number of points.
    pub fn points(points: u32) -> Score {
        Score(Decimal::from(points))
    }

    /// The score as a decimal.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The score in hundredths of a point, an integer ordered as the score
    /// (a score is never negative and has at most two decimal places), so a
    /// ranking compares integers instead of decimals of different scales.
    fn hundredths(self) -> u128 {
        let mantissa = self.0.mantissa().unsigned_abs();
        match self.0.scale() {
            0 => mantissa.saturating_mul(100),
            1 => mantissa.saturating_mul(10),
            _ => mantissa,
        }
    }
}

impl TryFrom<Decimal> for Score {
    type Error = String;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Score::new(value).ok_or_else(|| {
            format!("score {value} must be non-negative with at most two decimal places")
        })
    }
}

impl From<Score> for Decimal {
    fn from(value: Score) -> Self {
        value.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A member of the city's expert group (专家组成员, 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExpertMember {
    /// The expert's name (invented in samples).
    pub name: String,
    /// Where the expert comes from.
    #[serde(default)]
    pub affiliation: String,
}

impl ExpertMember {
    /// An expert.
    pub fn new(name: impl Into<String>, affiliation: impl Into<String>) -> ExpertMember {
        ExpertMember {
            name: name.into(),
            affiliation: affiliation.into(),
        }
    }
}

/// The expert group's score for one admitted candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CandidateScore {
    /// The candidate's application.
    pub application: ApplicationId,
    /// Its score.
    pub score: Score,
}

impl CandidateScore {
    /// A score for an application.
    pub fn new(application: impl Into<String>, score: Score) -> CandidateScore {
        CandidateScore {
            application: ApplicationId::new(application),
            score,
        }
    }
}

/// The city review (全市评审, 5): the expert group and a score for every
/// admitted candidate, in any order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CityReview {
    /// The expert group's members (at least one).
    pub experts: Vec<ExpertMember>,
    /// One score per admitted candidate.
    pub scores: Vec<CandidateScore>,
}

/// One fund's share of a subsidy (2.2, R4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Draw {
    /// The fund.
    pub fund: Fund,
    /// The amount drawn from it.
    pub amount: Yuan,
}

/// How a selected candidate's subsidy is paid (2.2, R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Funding {
    /// The full subsidy is drawn, in the policy's order of funds.
    Funded {
        /// The subsidy (the sum of the draws).
        amount: Yuan,
        /// The non-zero draws, in order of draw.
        draws: Vec<Draw>,
    },
    /// The two funds together could not pay it; nothing was drawn.
    NotFunded {
        /// The subsidy needed.
        subsidy: Yuan,
        /// What the two funds held together when its turn came.
        available: Yuan,
    },
}

/// Why an admitted candidate was not selected (R3, 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "bound", rename_all = "snake_case")]
pub enum NotSelectedReason {
    /// The year's places for its kind were filled by better-ranked candidates.
    PlacesFilled {
        /// The year's places.
        places: u32,
    },
    /// What remained of the programme total for its kind was filled (R3).
    ProgrammeTotalReached {
        /// The programme total.
        total: u32,
        /// Selected by earlier rounds.
        before: u32,
    },
}

/// Where a candidate stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// Refused, with every reason found.
    Refused {
        // Shared with the `SubmissionReceipt` that reported them: a clone
        // counts a reference and copies no reason. Read them as a slice
        // (`reasons.iter()`); build them from a `Vec` with `.into()`.
        // Serialized, and in the JSON Schema, as the list it was.
        /// The reasons.
        reasons: Arc<[Refusal]>,
    },
    /// Admitted to the city review, not yet reviewed.
    Admitted,
    /// Selected by the city review; funded or not.
    Selected {
        /// How its subsidy is paid.
        funding: Funding,
        /// When it moved up after an upheld objection: whom it replaces.
        #[serde(default)]
        moved_up_for: Option<ApplicationId>,
    },
    /// Ranked below the line.
    NotSelected {
        /// What bound.
        reason: NotSelectedReason,
    },
    /// Selected, then removed by an upheld objection during the public notice
    /// (5, R9); any draws went back to the funds.
    Removed {
        /// The index of the objection in [`Round::objections`].
        objection: usize,
        /// The draws returned to the funds.
        returned: Vec<Draw>,
    },
}

/// One candidate on a list, with its round state (推荐对象): a view into a
/// [`RecommendationList`], from [`RecommendationList::candidates`].
///
/// The list keeps the applications as they were submitted and each
/// candidate's state beside them, so a round copies no application; this
/// view puts the two together. It serializes as the candidate's JSON record.
///
/// ```
/// use skill_grants::round::Verdict;
/// let round = skill_grants::sample::round_2022()?;
/// let list = &round.lists()[0];
/// let first = list.candidates().next().ok_or("an empty list")?;
/// assert_eq!(first.recommendation_rank, 1);
/// assert_eq!(first.application, &list.applications()[0]);
/// // A view serializes as the candidate's record in the round's JSON.
/// let json = serde_json::to_value(first)?;
/// assert_eq!(json["application"]["id"], first.application.id.as_str());
/// assert!(!matches!(first.verdict, Verdict::Admitted)); // the round is final
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Candidate<'a> {
    /// The application as recommended.
    pub application: &'a Application,
    /// Its place on the recommender's list (1 = first).
    pub recommendation_rank: u32,
    /// The expert score, once reviewed.
    pub score: Option<Score>,
    /// Its place in the city ranking of its kind (1 = first), once reviewed.
    pub city_rank: Option<u32>,
    /// Where it stands.
    pub verdict: &'a Verdict,
}

/// A candidate's round state, kept beside its application (see
/// [`RecommendationList`]).
#[derive(Debug, Clone, PartialEq)]
struct Standing {
    recommendation_rank: u32,
    score: Option<Score>,
    city_rank: Option<u32>,
    verdict: Verdict,
}

impl Standing {
    fn view<'a>(&'a self, application: &'a Application) -> Candidate<'a> {
        Candidate {
            application,
            recommendation_rank: self.recommendation_rank,
            score: self.score,
            city_rank: self.city_rank,
            verdict: &self.verdict,
        }
    }
}

/// The candidates of a list in order of recommendation, as [`Candidate`]
/// views: see [`RecommendationList::candidates`].
///
/// ```
/// let round = skill_grants::sample::round_2022()?;
/// let list = &round.lists()[0];
/// let mut candidates = list.candidates();
/// assert_eq!(candidates.len(), list.len());
/// let last = candidates.next_back();
/// assert_eq!(candidates.len(), list.len() - 1);
/// assert_eq!(last, list.candidate(list.len() - 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Candidates<'a> {
    inner: std::iter::Zip<std::slice::Iter<'a, Application>, std::slice::Iter<'a, Standing>>,
}

impl<'a> Iterator for Candidates<'a> {
    type Item = Candidate<'a>;

    fn next(&mut self) -> Option<Candidate<'a>> {
        self.inner.next().map(|(a, s)| s.view(a))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Candidates<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(a, s)| s.view(a))
    }
}

impl ExactSizeIterator for Candidates<'_> {}

impl std::iter::FusedIterator for Candidates<'_> {}

/// An earlier submission for the same recommender and kind that was refused whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RefusedAttempt {
    /// The applications it listed, in order.
    pub applications: Vec<ApplicationId>,
    /// Why it was refused.
    pub reasons: Vec<Refusal>,
}

/// A recommender's list for one kind (推荐名单), as the round holds it.
///
/// The applications are kept as submitted, and each candidate's round state
/// (rank, score, verdict) in a second vector of the same length, so a round
/// of 100,000 candidates copies no application record;
/// [`candidates`](RecommendationList::candidates) joins the two. Its JSON is
/// one `candidates` array of records, each with the application and its
/// state, as [`Candidate`] writes it.
///
/// ```
/// use skill_grants::round::{RecommendationList, Verdict};
/// let round = skill_grants::sample::round_2022()?;
/// for list in round.lists() {
///     let refused = list
///         .candidates()
///         .filter(|c| matches!(c.verdict, Verdict::Refused { .. }))
///         .count();
///     assert!(refused <= list.len());
///     assert_eq!(list.candidate(list.len()), None);
/// }
/// // The JSON has one `candidates` array and reads back the same.
/// let list = &round.lists()[0];
/// let json = serde_json::to_value(list)?;
/// assert_eq!(json["candidates"].as_array().map(Vec::len), Some(list.len()));
/// assert_eq!(&serde_json::from_value::<RecommendationList>(json)?, list);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Deserialize)]
#[serde(from = "ListRecord")]
pub struct RecommendationList {
    /// Who recommends.
    pub recommender: Recommender,
    /// Base or studio.
    pub kind: ProjectKind,
    /// Its quota (4.3).
    pub quota: u32,
    /// The report.
    pub report: RecommendationReport,
    /// Reasons the list was refused whole; empty when it stands (R8).
    pub refused: Vec<Refusal>,
    /// The applications, in order of recommendation.
    applications: Vec<Application>,
    /// Their state, one per application, in the same order.
    standings: Vec<Standing>,
    /// Earlier submissions for this recommender and kind, refused whole.
    pub earlier_attempts: Vec<RefusedAttempt>,
}

impl RecommendationList {
    /// The candidates, in order of recommendation.
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// let list = &round.lists()[0];
    /// let ranks: Vec<u32> = list.candidates().map(|c| c.recommendation_rank).collect();
    /// assert_eq!(ranks, (1..=list.len() as u32).collect::<Vec<_>>());
    /// assert_eq!(list.candidates().rev().next(), list.candidate(list.len() - 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidates(&self) -> Candidates<'_> {
        Candidates {
            inner: self.applications.iter().zip(self.standings.iter()),
        }
    }

    /// The candidate at `index` (0 = first recommended), if there is one.
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// let list = &round.lists()[0];
    /// assert_eq!(list.candidate(0).map(|c| c.recommendation_rank), Some(1));
    /// assert_eq!(list.candidate(list.len()), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidate(&self, index: usize) -> Option<Candidate<'_>> {
        let application = self.applications.get(index)?;
        self.standings.get(index).map(|s| s.view(application))
    }

    /// The applications as submitted, in order of recommendation.
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// let list = &round.lists()[0];
    /// assert_eq!(list.applications().len(), list.len());
    /// assert!(list.applications().iter().all(|a| a.kind == list.kind));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn applications(&self) -> &[Application] {
        &self.applications
    }

    /// How many candidates the list has.
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// assert!(round.lists().iter().all(|l| l.len() == l.candidates().count()));
    /// assert!(round.lists().iter().all(|l| !l.is_empty()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.applications.len().min(self.standings.len())
    }

    /// True when the list has no candidate.
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// assert!(!round.lists()[0].is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for RecommendationList {
    /// As the list reads: its candidates as [`Candidate`] views.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecommendationList")
            .field("recommender", &self.recommender)
            .field("kind", &self.kind)
            .field("quota", &self.quota)
            .field("report", &self.report)
            .field("refused", &self.refused)
            .field("candidates", &self.candidates().collect::<Vec<_>>())
            .field("earlier_attempts", &self.earlier_attempts)
            .finish()
    }
}

impl<'a> IntoIterator for &'a RecommendationList {
    type Item = Candidate<'a>;
    type IntoIter = Candidates<'a>;

    /// The candidates, as [`RecommendationList::candidates`].
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// let list = &round.lists()[0];
    /// let mut ranks = Vec::new();
    /// for c in list {
    ///     ranks.push(c.recommendation_rank);
    /// }
    /// assert_eq!(ranks.len(), list.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn into_iter(self) -> Candidates<'a> {
        self.candidates()
    }
}

/// One candidate on a list, with its round state.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename = "Candidate")]
struct CandidateRecord {
    /// The application as recommended.
    application: Application,
    /// Its place on the recommender's list (1 = first).
    recommendation_rank: u32,
    /// The expert score, once reviewed.
    #[serde(default)]
    score: Option<Score>,
    /// Its place in the city ranking of its kind (1 = first), once reviewed.
    #[serde(default)]
    city_rank: Option<u32>,
    /// Where it stands.
    verdict: Verdict,
}

/// A recommender's list for one kind (推荐名单), as the round holds it.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename = "RecommendationList")]
pub(crate) struct ListRecord {
    /// Who recommends.
    recommender: Recommender,
    /// Base or studio.
    kind: ProjectKind,
    /// Its quota (4.3).
    quota: u32,
    /// The report.
    report: RecommendationReport,
    /// Reasons the list was refused whole; empty when it stands (R8).
    refused: Vec<Refusal>,
    /// The candidates, in order of recommendation.
    candidates: Vec<CandidateRecord>,
    /// Earlier submissions for this recommender and kind, refused whole.
    #[serde(default)]
    earlier_attempts: Vec<RefusedAttempt>,
}

impl From<ListRecord> for RecommendationList {
    fn from(record: ListRecord) -> RecommendationList {
        let (applications, standings) = record
            .candidates
            .into_iter()
            .map(|c| {
                let standing = Standing {
                    recommendation_rank: c.recommendation_rank,
                    score: c.score,
                    city_rank: c.city_rank,
                    verdict: c.verdict,
                };
                (c.application, standing)
            })
            .unzip();
        RecommendationList {
            recommender: record.recommender,
            kind: record.kind,
            quota: record.quota,
            report: record.report,
            refused: record.refused,
            applications,
            standings,
            earlier_attempts: record.earlier_attempts,
        }
    }
}

/// The list as [`ListRecord`] writes it, borrowed: the same JSON (and the
/// same struct name, for formats that write it).
#[derive(Serialize)]
#[serde(rename = "RecommendationList")]
struct ListView<'a> {
    recommender: &'a Recommender,
    kind: ProjectKind,
    quota: u32,
    report: &'a RecommendationReport,
    refused: &'a [Refusal],
    candidates: CandidatesView<'a>,
    earlier_attempts: &'a [RefusedAttempt],
}

/// Writes a list's candidates as one array of records.
struct CandidatesView<'a>(&'a RecommendationList);

impl Serialize for CandidatesView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.candidates())
    }
}

impl Serialize for RecommendationList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ListView {
            recommender: &self.recommender,
            kind: self.kind,
            quota: self.quota,
            report: &self.report,
            refused: &self.refused,
            candidates: CandidatesView(self),
            earlier_attempts: &self.earlier_attempts,
        }
        .serialize(serializer)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for RecommendationList {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RecommendationList".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ListRecord::json_schema(generator)
    }
}

/// What [`Round::submit`] reports back: the list's standing and each refused entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubmissionReceipt {
    /// Who submitted.
    pub recommender: Recommender,
    /// For which kind.
    pub kind: ProjectKind,
    /// Reasons the whole list was refused (empty when it stands).
    pub list_refused: Vec<Refusal>,
    /// Candidates admitted to the city review, in list order.
    pub admitted: Vec<ApplicationId>,
    // The reasons are those of the candidates' `Verdict::Refused`, shared
    // (a reference count each), not copied.
    /// Candidates refused one by one, with their reasons.
    pub refused: Vec<(ApplicationId, Arc<[Refusal]>)>,
}

impl SubmissionReceipt {
    /// True when the list stands (it may still have refused entries).
    pub fn accepted(&self) -> bool {
        self.list_refused.is_empty()
    }
}

/// An objection raised during the public notice (异议, 5, R9), with the city's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Objection {
    /// The candidate objected to.
    pub application: ApplicationId,
    /// The day it was received; inside the notice period.
    pub received_on: NaiveDate,
    /// What it says.
    pub summary: String,
    /// Whether the city upheld it.
    pub upheld: bool,
}

/// A recorded objection and what it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObjectionRecord {
    /// The objection.
    pub objection: Objection,
    /// The candidate that moved up in its place, if any (R9, *parameter*).
    #[serde(default)]
    pub moved_up: Option<ApplicationId>,
}

/// The public notice (公示, 5, R9): first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticePeriod {
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day: the policy's number of working days counted per R9.
    pub ends_on: NaiveDate,
}

impl NoticePeriod {
    /// True when `date` lies in the period, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.starts_on && date <= self.ends_on
    }
}

/// The stage a round is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Set up; recommenders submit their lists (4.1, 4.2).
    Open,
    /// Submissions closed; awaiting the city review (5).
    Closed,
    /// Reviewed: candidates ranked, selected and funded (5, 2.2).
    Reviewed,
    /// The public notice is running (5, R9).
    Notice,
    /// Released: final, projects created (5).
    Final,
}

impl Stage {
    /// The stage's name.
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::Open, Lang::Zh) => "推荐申报中",
            (Stage::Open, Lang::En) => "recommendations open",
            (Stage::Closed, Lang::Zh) => "推荐截止，待评审",
            (Stage::Closed, Lang::En) => "submissions closed, awaiting review",
            (Stage::Reviewed, Lang::Zh) => "已评审确定",
            (Stage::Reviewed, Lang::En) => "reviewed, selected and funded",
            (Stage::Notice, Lang::Zh) => "公示中",
            (Stage::Notice, Lang::En) => "public notice running",
            (Stage::Final, Lang::Zh) => "已下达资金",
            (Stage::Final, Lang::En) => "final, subsidies released",
        }
    }
}

/// A step of the round, named in [`RoundError::OutOfOrder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// [`Round::submit`].
    Submit,
    /// [`Round::close_submissions`].
    CloseSubmissions,
    /// [`Round::review`].
    Review,
    /// [`Round::start_notice`].
    StartNotice,
    /// [`Round::record_objection`].
    RecordObjection,
    /// [`Round::release`].
    Release,
}

impl Step {
    const fn expects(self) -> Stage {
        match self {
            Step::Submit | Step::CloseSubmissions => Stage::Open,
            Step::Review => Stage::Closed,
            Step::StartNotice => Stage::Reviewed,
            Step::RecordObjection | Step::Release => Stage::Notice,
        }
    }
}

/// An error in a round step: the step is out of order, or its input is bad.
/// The round is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RoundError {
    /// The step cannot be taken at the round's stage.
    #[error("step {step:?} needs stage {expected:?}, but the round is at stage {stage:?}")]
    OutOfOrder {
        /// The step attempted.
        step: Step,
        /// The stage the step needs.
        expected: Stage,
        /// The stage the round is at.
        stage: Stage,
    },
    /// The year lies outside the programme (2.1).
    #[error("set-up: year {year} is outside the programme years {first}–{last} (2.1)")]
    YearOutsideProgramme {
        /// The year given.
        year: i32,
        /// The programme's first year.
        first: i32,
        /// The programme's last year.
        last: i32,
    },
    /// The policy is not in force on the round's reference date.
    #[error("set-up: policy `{policy}` is not in force on the reference date {date}")]
    PolicyNotInForce {
        /// The policy's id.
        policy: String,
        /// The reference date.
        date: NaiveDate,
    },
    /// Neither the set-up nor the policy gives this year's places (R3).
    #[error("set-up: no places for year {year}: give `places` or set them in the policy (R3)")]
    PlacesMissing {
        /// The year.
        year: i32,
    },
    /// The places given are for another year.
    #[error("set-up: `places` are for year {places_year}, the round is for {year}")]
    PlacesForAnotherYear {
        /// The round's year.
        year: i32,
        /// The year of the places given.
        places_year: i32,
    },
    /// Two quotas for the same recommender and kind (4.3).
    #[error("set-up: `quotas` give {recommender} two quotas for {kind} (4.3)")]
    QuotaTwice {
        /// The recommender.
        recommender: Recommender,
        /// The kind.
        kind: ProjectKind,
    },
    /// Earlier rounds selected more than the programme total (R3).
    #[error("set-up: `earlier` counts {earlier} of {kind}, past the programme total {total} (R3)")]
    EarlierPastTotal {
        /// The kind.
        kind: ProjectKind,
        /// The earlier count.
        earlier: u32,
        /// The programme total.
        total: u32,
    },
    /// The earlier coverage does not add up: per-seat counts differ from per-kind counts.
    #[error(
        "set-up: `earlier.by_seat` counts {by_seat} of {kind}, `earlier.by_kind` counts {by_kind}"
    )]
    CoverageInconsistent {
        /// The kind.
        kind: ProjectKind,
        /// The sum over seats.
        by_seat: u32,
        /// The per-kind count.
        by_kind: u32,
    },
    /// A candidate is of another kind than its list.
    #[error(
        "submit: {recommender}'s {kind} list, entry {position}: application `{application}` is for {application_kind}"
    )]
    KindMismatch {
        /// The recommender.
        recommender: Recommender,
        /// The list's kind.
        kind: ProjectKind,
        /// The entry's place on the list (1 = first).
        position: u32,
        /// The application.
        application: ApplicationId,
        /// Its kind.
        application_kind: ProjectKind,
    },
    /// A candidate carries another reference date than the round.
    #[error(
        "submit: application `{application}` has reference date {date}, the round's is {round_date}"
    )]
    ReferenceDateMismatch {
        /// The application.
        application: ApplicationId,
        /// Its reference date.
        date: NaiveDate,
        /// The round's.
        round_date: NaiveDate,
    },
    /// A list for this recommender and kind already stands.
    #[error("submit: {recommender}'s {kind} list already stands")]
    AlreadySubmitted {
        /// The recommender.
        recommender: Recommender,
        /// The kind.
        kind: ProjectKind,
    },
    /// An application contradicts itself; the eligibility check refused to run.
    #[error("submit: {recommender}'s list, entry {position}: {source}")]
    Application {
        /// The recommender.
        recommender: Recommender,
        /// The entry's place on the list (1 = first).
        position: u32,
        /// The eligibility module's error.
        source: ApplicationError,
    },
    /// The review names no experts (5).
    #[error("review: the expert group has no members (5)")]
    NoExperts,
    /// An expert's name is blank.
    #[error("review: `experts[{index}].name` is blank")]
    ExpertNameBlank {
        /// The expert's index.
        index: usize,
    },
    /// A score names an application that is on no list.
    #[error("review: a score names `{application}`, which is on no list")]
    ScoreForUnknown {
        /// The application.
        application: ApplicationId,
    },
    /// A score names a refused candidate.
    #[error("review: a score names `{application}`, which was refused before review")]
    ScoreForRefused {
        /// The application.
        application: ApplicationId,
    },
    /// Two scores for one candidate.
    #[error("review: `{application}` is scored twice")]
    ScoreTwice {
        /// The application.
        application: ApplicationId,
    },
    /// An admitted candidate has no score.
    #[error("review: admitted candidate `{application}` has no score")]
    ScoreMissing {
        /// The application.
        application: ApplicationId,
    },
    /// The notice would start before the round's reference date.
    #[error("notice: starts on {start}, before the round's reference date {reference}")]
    NoticeBeforeReference {
        /// The start given.
        start: NaiveDate,
        /// The reference date.
        reference: NaiveDate,
    },
    /// The calendar could not count the notice's working days.
    #[error("notice: {0}")]
    Calendar(DateError),
    /// The objection names a candidate that is not on the notice.
    #[error("objection: `{application}` is not on the public notice")]
    NotOnNotice {
        /// The application.
        application: ApplicationId,
    },
    /// The objection was received outside the notice period.
    #[error(
        "objection to `{application}` received on {received_on}, outside the notice {starts_on}–{ends_on}"
    )]
    ObjectionOutsideNotice {
        /// The application.
        application: ApplicationId,
        /// When it was received.
        received_on: NaiveDate,
        /// The notice's first day.
        starts_on: NaiveDate,
        /// The notice's last day.
        ends_on: NaiveDate,
    },
    /// Release on or before the last day of the notice (5).
    #[error("release on {release} is not after the notice's last day {notice_end} (5)")]
    ReleaseBeforeNoticeEnds {
        /// The release date given.
        release: NaiveDate,
        /// The notice's last day.
        notice_end: NaiveDate,
    },
    /// Money arithmetic overflowed.
    #[error("money: {0}")]
    Money(MoneyError),
}

/// An annual round (年度评审, 2.1). See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Round {
    policy: Policy,
    year: i32,
    reference_date: NaiveDate,
    places: AnnualPlaces,
    quotas: Vec<Quota>,
    initial_balances: FundBalances,
    balances: FundBalances,
    earlier: Coverage,
    stage: Stage,
    lists: Vec<RecommendationList>,
    #[serde(default)]
    experts: Vec<ExpertMember>,
    #[serde(default)]
    notice: Option<NoticePeriod>,
    #[serde(default)]
    objections: Vec<ObjectionRecord>,
    #[serde(default)]
    released_on: Option<NaiveDate>,
    /// The id hashes of every candidate, computed once on submission; not
    /// part of the round's value (skipped by serde, ignored by equality).
    #[serde(skip)]
    hashes: IdHashTable,
}

impl Round {
    /// Sets a round up (2.1, 4.3, R3) and opens it for recommendations.
    ///
    /// Quotas are kept sorted, so their order does not matter; the earlier
    /// coverage is normalised the same way.
    pub fn set_up(policy: Policy, setup: RoundSetup) -> Result<Round, RoundError> {
        let (first, last) = policy.programme_years();
        if setup.year < first || setup.year > last {
            return Err(RoundError::YearOutsideProgramme {
                year: setup.year,
                first,
                last,
            });
        }
        if !policy.is_in_force(setup.reference_date) {
            return Err(RoundError::PolicyNotInForce {
                policy: policy.id().to_owned(),
                date: setup.reference_date,
            });
        }
        let places = match setup.places.or_else(|| policy.annual_places(setup.year)) {
            Some(p) => p,
            None => return Err(RoundError::PlacesMissing { year: setup.year }),
        };
        if places.year != setup.year {
            return Err(RoundError::PlacesForAnotherYear {
                year: setup.year,
                places_year: places.year,
            });
        }
        let mut quotas = setup.quotas;
        quotas.sort_by(|a, b| (&a.recommender, a.kind).cmp(&(&b.recommender, b.kind)));
        for pair in quotas.windows(2) {
            if let [a, b] = pair {
                if a.recommender == b.recommender && a.kind == b.kind {
                    return Err(RoundError::QuotaTwice {
                        recommender: a.recommender.clone(),
                        kind: a.kind,
                    });
                }
            }
        }
        let earlier = setup.earlier.normalized();
        for kind in ProjectKind::ALL {
            let by_kind = earlier.by_kind.of(kind);
            let by_seat = earlier
                .by_seat
                .iter()
                .fold(0u32, |n, s| n.saturating_add(s.counts.of(kind)));
            if by_seat != by_kind {
                return Err(RoundError::CoverageInconsistent {
                    kind,
                    by_seat,
                    by_kind,
                });
            }
            let total = policy.programme_total(kind);
            if by_kind > total {
                return Err(RoundError::EarlierPastTotal {
                    kind,
                    earlier: by_kind,
                    total,
                });
            }
        }
        Ok(Round {
            policy,
            year: setup.year,
            reference_date: setup.reference_date,
            places,
            quotas,
            initial_balances: setup.balances,
            balances: setup.balances,
            earlier,
            stage: Stage::Open,
            lists: Vec::new(),
            experts: Vec::new(),
            notice: None,
            objections: Vec::new(),
            released_on: None,
            hashes: IdHashTable::default(),
        })
    }

    fn expect(&self, step: Step) -> Result<(), RoundError> {
        let expected = step.expects();
        if self.stage == expected {
            Ok(())
        } else {
            Err(RoundError::OutOfOrder {
                step,
                expected,
                stage: self.stage,
            })
        }
    }

    /// The quota of a recommender for a kind (4.3); zero when none was set.
    pub fn quota(&self, recommender: &Recommender, kind: ProjectKind) -> u32 {
        self.quotas
            .binary_search_by(|q| (&q.recommender, q.kind).cmp(&(recommender, kind)))
            .ok()
            .and_then(|i| self.quotas.get(i))
            .map_or(0, |q| q.places)
    }

    /// Receives a recommender's list for one kind (4.1, 4.2, R8).
    ///
    /// A list longer than the quota, with an incomplete report, or listing a
    /// unit or an application twice is refused whole and recorded; the
    /// recommender may submit again. Otherwise each entry is checked — the
    /// banner's jurisdiction (4.1), a body's direct, independent-legal-person
    /// units (4.2), and eligibility ([`eligibility::decide`]) — and refused one
    /// by one with every reason found; the rest stand.
    ///
    /// Errors (nothing recorded): the round is not open; a list already stands
    /// for this recommender and kind; an entry is of another kind or carries
    /// another reference date; an application is malformed (in a list that
    /// is not refused whole).
    pub fn submit(
        &mut self,
        recommendation: Recommendation,
    ) -> Result<SubmissionReceipt, RoundError> {
        self.expect(Step::Submit)?;
        let Recommendation {
            recommender,
            kind,
            report,
            candidates,
        } = recommendation;
        let slot = self
            .lists
            .binary_search_by(|l| (&l.recommender, l.kind).cmp(&(&recommender, kind)));
        if let Ok(i) = slot {
            if self.lists.get(i).is_some_and(|l| l.refused.is_empty()) {
                return Err(RoundError::AlreadySubmitted { recommender, kind });
            }
        }
        // Whole-list reasons known before the entries are read (R8).
        let quota = self.quota(&recommender, kind);
        let mut list_refused = Vec::new();
        let missing = report.missing_parts();
        if !missing.is_empty() {
            list_refused.push(Refusal::ReportIncomplete { missing });
        }
        let listed = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
        if listed > quota {
            list_refused.push(Refusal::OverQuota { listed, quota });
        }
        let judge = list_refused.is_empty();

        // One pass over the entries, so each application is read from memory
        // once: its kind and date, its id hashes (kept for duplicates, closing
        // and review), jurisdiction (4.1, 4.2) and eligibility. The verdicts
        // are provisional until the duplicates are known; the errors keep
        // their order of precedence (a kind or date mismatch anywhere first,
        // then the first malformed application of a list that stands). The
        // findings go to one reused buffer; a decision is built only for a
        // refusal; the receipt is filled while the entry is in cache.
        let mut hashes: Vec<IdHashes> = Vec::with_capacity(candidates.len());
        let mut standings = Vec::with_capacity(if judge { candidates.len() } else { 0 });
        let mut findings = Vec::new();
        let mut admitted = Vec::new();
        let mut refused = Vec::new();
        let mut mismatch: Option<RoundError> = None;
        let mut malformed: Option<RoundError> = None;
        for (i, application) in candidates.iter().enumerate() {
            if i % WARM_AHEAD == 0 {
                warm_id_texts(candidates.get(i..).unwrap_or_default());
            }
            if mismatch.is_none() {
                mismatch = self.mismatch(&recommender, kind, i, application);
            }
            hashes.push(IdHashes::of(application, kind));
            if !judge || mismatch.is_some() || malformed.is_some() {
                continue;
            }
            let mut reasons = placement(&recommender, application);
            if let Err(source) = eligibility::evaluate(&self.policy, application, &mut findings) {
                malformed = Some(RoundError::Application {
                    recommender: recommender.clone(),
                    position: position(i),
                    source,
                });
                continue;
            }
            // The list check already refuses a body's unit that is not an
            // independent legal person (4.2); the eligibility decision is
            // added when it says more than that, so no reason is given twice.
            let said_4_2 = reasons
                .iter()
                .any(|r| matches!(r, Refusal::NotIndependentLegalPerson { .. }));
            let failures = || {
                findings
                    .iter()
                    .filter(|f| f.outcome == eligibility::Outcome::Failed)
            };
            let eligible = failures().next().is_none();
            let says_more = failures().any(|f| f.rule != eligibility::RuleId::DirectlyUnderBody);
            if !eligible && (!said_4_2 || says_more) {
                let decision =
                    Decision::of(&self.policy, application, std::mem::take(&mut findings));
                reasons.push(Refusal::Ineligible { decision });
            }
            let verdict = if reasons.is_empty() {
                admitted.push(application.id.clone());
                Verdict::Admitted
            } else {
                // One copy of the reasons, for the round and the receipt.
                let reasons: Arc<[Refusal]> = reasons.into();
                refused.push((application.id.clone(), Arc::clone(&reasons)));
                Verdict::Refused { reasons }
            };
            standings.push(Standing {
                recommendation_rank: position(i),
                score: None,
                city_rank: None,
                verdict,
            });
        }
        if let Some(error) = mismatch {
            return Err(error);
        }
        list_refused.extend(duplicates(&candidates, &hashes));
        if list_refused.is_empty() {
            if let Some(error) = malformed {
                return Err(error);
            }
        } else {
            // Refused whole: every entry carries the list's reasons, and no
            // entry's own verdict stands.
            admitted.clear();
            refused.clear();
            let reasons: Arc<[Refusal]> = list_refused.as_slice().into();
            standings = (0..candidates.len())
                .map(|i| Standing {
                    recommendation_rank: position(i),
                    score: None,
                    city_rank: None,
                    verdict: Verdict::Refused {
                        reasons: Arc::clone(&reasons),
                    },
                })
                .collect();
        }

        let receipt = SubmissionReceipt {
            recommender: recommender.clone(),
            kind,
            list_refused: list_refused.clone(),
            admitted,
            refused,
        };
        let list = RecommendationList {
            recommender,
            kind,
            quota,
            report,
            refused: list_refused,
            applications: candidates,
            standings,
            earlier_attempts: Vec::new(),
        };
        // The table fits the lists before the change, so it fits after.
        self.refresh_hashes();
        self.hashes.admitted_apps_distinct = false;
        match slot {
            Ok(i) => {
                if let Some(old) = self.lists.get_mut(i) {
                    let previous = std::mem::replace(old, list);
                    old.earlier_attempts = previous.earlier_attempts;
                    old.earlier_attempts.push(RefusedAttempt {
                        applications: previous.applications.into_iter().map(|a| a.id).collect(),
                        reasons: previous.refused,
                    });
                }
                if let Some(old) = self.hashes.lists.get_mut(i) {
                    *old = hashes;
                }
            }
            Err(i) => {
                self.lists.insert(i, list);
                if i <= self.hashes.lists.len() {
                    self.hashes.lists.insert(i, hashes);
                }
            }
        }
        Ok(receipt)
    }

    /// The error for an entry of another kind or reference date than its
    /// list and round, if it is one.
    fn mismatch(
        &self,
        recommender: &Recommender,
        kind: ProjectKind,
        i: usize,
        app: &Application,
    ) -> Option<RoundError> {
        if app.kind != kind {
            return Some(RoundError::KindMismatch {
                recommender: recommender.clone(),
                kind,
                position: position(i),
                application: app.id.clone(),
                application_kind: app.kind,
            });
        }
        if app.reference_date != self.reference_date {
            return Some(RoundError::ReferenceDateMismatch {
                application: app.id.clone(),
                date: app.reference_date,
                round_date: self.reference_date,
            });
        }
        None
    }

    /// Computes the id hash table again from the ids when it does not fit
    /// the lists (a deserialized round); else leaves it as it is.
    fn refresh_hashes(&mut self) {
        if !self.hashes.fits(&self.lists) {
            self.hashes = IdHashTable {
                lists: self.lists.iter().map(IdHashTable::of_list).collect(),
                admitted_apps_distinct: false,
            };
        }
    }

    /// The hashes ([`IdHashes`]) that more than one admitted candidate has:
    /// of application ids, and of unit ids with their kind. A first pass of
    /// [`Round::close_submissions`] that reads no id text. Equal ids have
    /// equal hashes, so an application or unit that stands on two lists (R8)
    /// has its hash here; a hash here may also be one recommender's two lists
    /// or a mere collision, which the exact pass sorts out. Both are empty in
    /// the common case, and small in practice. The hashes come from the
    /// table, which the caller has refreshed.
    fn repeated_hashes(&self) -> (FastSet<u64>, FastSet<u64>) {
        let admitted = self
            .lists
            .iter()
            .map(RecommendationList::len)
            .fold(0usize, usize::saturating_add);
        let mut apps: FastSet<u64> = fast_set(admitted);
        let mut units: FastSet<u64> = fast_set(admitted);
        let mut repeated_apps: FastSet<u64> = fast_set(0);
        let mut repeated_units: FastSet<u64> = fast_set(0);
        for (list, hashes) in self.lists.iter().zip(&self.hashes.lists) {
            for (c, h) in list.candidates().zip(hashes) {
                if matches!(c.verdict, Verdict::Admitted) {
                    if !apps.insert(h.app) {
                        repeated_apps.insert(h.app);
                    }
                    if !units.insert(h.unit) {
                        repeated_units.insert(h.unit);
                    }
                }
            }
        }
        (repeated_apps, repeated_units)
    }

    /// Closes submissions (4.1, 4.2). An application, or a unit for the same
    /// kind, that stands on more than one recommender's list is refused on
    /// every one of them (R8); the result does not depend on the order in
    /// which lists arrived.
    pub fn close_submissions(&mut self) -> Result<(), RoundError> {
        self.expect(Step::CloseSubmissions)?;
        self.refresh_hashes();
        // Only a candidate whose hash repeats can stand on two lists; when
        // none repeats, nothing changes.
        let (apps, units) = self.repeated_hashes();
        if apps.is_empty() && units.is_empty() {
            self.hashes.admitted_apps_distinct = true;
            self.stage = Stage::Closed;
            return Ok(());
        }
        // The exact pass reads the id texts of those few candidates only:
        // who lists each application id, and each unit id for a kind.
        let mut holders: FastMap<&str, Vec<&Recommender>> = fast_map(0);
        let mut unit_holders: FastMap<(&str, ProjectKind), Vec<&Recommender>> = fast_map(0);
        // Each suspect's place, and its application id's hash if that repeats.
        let mut suspects: Vec<(usize, usize, Option<u64>)> = Vec::new();
        for (li, (list, hashes)) in self.lists.iter().zip(&self.hashes.lists).enumerate() {
            for (ci, (c, h)) in list.candidates().zip(hashes).enumerate() {
                if !matches!(c.verdict, Verdict::Admitted) {
                    continue;
                }
                let app = apps.contains(&h.app);
                let unit = units.contains(&h.unit);
                if app {
                    holders
                        .entry(c.application.id.as_str())
                        .or_default()
                        .push(&list.recommender);
                }
                if unit {
                    unit_holders
                        .entry((c.application.unit.id.as_str(), list.kind))
                        .or_default()
                        .push(&list.recommender);
                }
                if app || unit {
                    suspects.push((li, ci, app.then_some(h.app)));
                }
            }
        }
        // A suspect is listed by others when another recommender holds its
        // application id or its unit for the kind.
        let mut clashes: Vec<(usize, usize, Vec<Recommender>)> = Vec::new();
        for (li, ci, _) in suspects.iter().copied() {
            let Some((list, c)) = self.lists.get(li).and_then(|l| Some((l, l.candidate(ci)?)))
            else {
                continue;
            };
            let mut others: Vec<Recommender> = holders
                .get(c.application.id.as_str())
                .into_iter()
                .chain(unit_holders.get(&(c.application.unit.id.as_str(), list.kind)))
                .flatten()
                .filter(|r| ***r != list.recommender)
                .map(|r| (*r).clone())
                .collect();
            if !others.is_empty() {
                others.sort();
                others.dedup();
                clashes.push((li, ci, others));
            }
        }
        for (li, ci, others) in clashes {
            if let Some(c) = self.lists.get_mut(li).and_then(|l| l.standings.get_mut(ci)) {
                c.verdict = Verdict::Refused {
                    reasons: Arc::from([Refusal::ListedByOthers { others }]),
                };
            }
        }
        // Still admitted, the suspects whose application id's hash repeats:
        // two of them alike (one recommender's two lists, or a collision)
        // leave the review to check the ids itself.
        let mut still: FastSet<u64> = fast_set(0);
        let mut distinct = true;
        for (li, ci, app) in suspects {
            let admitted = self
                .lists
                .get(li)
                .and_then(|l| l.standings.get(ci))
                .is_some_and(|c| matches!(c.verdict, Verdict::Admitted));
            if let (true, Some(hash)) = (admitted, app) {
                distinct &= still.insert(hash);
            }
        }
        self.hashes.admitted_apps_distinct = distinct;
        self.stage = Stage::Closed;
        Ok(())
    }

    /// The city review (5): records the expert group and the scores, ranks
    /// each kind by score (higher first), ties by recommendation rank, then by
    /// application id (R9), selects up to the year's places and what remains
    /// of the programme total (R3), and funds the selected (2.2, R4): kinds in
    /// [`Policy::kind_funding_order`], each in ranking order; the funds in
    /// [`Policy::funding_order`], split to the fen; a project the two cannot
    /// pay is not funded, and a cheaper one after it may still be.
    pub fn review(&mut self, review: CityReview) -> Result<(), RoundError> {
        self.expect(Step::Review)?;
        self.refresh_hashes();
        if review.experts.is_empty() {
            return Err(RoundError::NoExperts);
        }
        if let Some(index) = review.experts.iter().position(|e| e.name.trim().is_empty()) {
            return Err(RoundError::ExpertNameBlank { index });
        }
        // Flat positions: list li's candidates start at offsets[li].
        let mut offsets = Vec::with_capacity(self.lists.len());
        let mut total = 0usize;
        for l in &self.lists {
            offsets.push(total);
            total = total.saturating_add(l.len());
        }
        // The admitted candidates in list order, gathered in one pass: what
        // the review needs of each, so no later pass reads the large records
        // (only the last one, which writes them).
        let mut ids: Vec<&ApplicationId> = Vec::with_capacity(total);
        let mut addresses: Vec<usize> = Vec::with_capacity(total);
        let mut admitted: Vec<Admitted> = Vec::with_capacity(total);
        let mut flat = 0usize;
        for (list, hashes) in self.lists.iter().zip(&self.hashes.lists) {
            for (c, h) in list.candidates().zip(hashes) {
                if matches!(c.verdict, Verdict::Admitted) {
                    ids.push(&c.application.id);
                    addresses.push(text_address(&c.application.id));
                    admitted.push(Admitted {
                        flat,
                        hash: h.app,
                        recommendation_rank: c.recommendation_rank,
                        kind: list.kind,
                    });
                }
                flat = flat.saturating_add(1);
            }
        }
        // One score per admitted candidate, found by a first pass that reads
        // little (see `scores_fast`); any doubt — a shared hash, an unknown or
        // repeated id, a missing score — and the exact look-up decides, with
        // its errors.
        let distinct = self.hashes.admitted_apps_distinct;
        let scores = match scores_fast(&review, &ids, &addresses, &admitted, distinct) {
            Some(scores) => scores,
            None => {
                let scored = self.scores_exact(&review, total, &offsets)?;
                let mut scores = Vec::with_capacity(admitted.len());
                for (a, id) in admitted.iter().zip(&ids) {
                    let Some(score) = scored.get(a.flat).copied().flatten() else {
                        return Err(RoundError::ScoreMissing {
                            application: (*id).clone(),
                        });
                    };
                    scores.push(score);
                }
                scores
            }
        };
        drop(addresses);
        // The scores are read: their memory is free for what follows.
        let CityReview {
            experts,
            scores: given,
        } = review;
        drop(given);
        // Rank per kind (R9), as indices among the admitted.
        let mut ranked: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for kind in ProjectKind::ALL {
            let members = admitted
                .iter()
                .zip(&scores)
                .enumerate()
                .filter(move |(_, (a, _))| a.kind == kind)
                .map(|(i, (a, score))| (i, score.hundredths(), a.recommendation_rank));
            if let Some(order) = ranked.get_mut(kind_slot(kind)) {
                *order = r9_order(members, &ids);
            }
        }
        drop(ids);
        // City rank per admitted candidate; per kind, the limit and what binds.
        let mut rank_of: Vec<u32> = vec![0; admitted.len()];
        let mut limits = [(0u32, NotSelectedReason::PlacesFilled { places: 0 }); 2];
        for kind in ProjectKind::ALL {
            if let Some(l) = limits.get_mut(kind_slot(kind)) {
                *l = self.selection_limit(kind);
            }
            for (place, i) in ranked
                .get(kind_slot(kind))
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let Some(slot) = rank_of.get_mut(*i) {
                    *slot = position(place);
                }
            }
        }
        // Fund in the policy's kind order, each kind in ranking order (R4):
        // the first `limit` of each sorted kind are selected.
        let mut balances = self.balances;
        let mut fundings: Vec<(usize, Funding)> = Vec::new();
        for kind in self.policy.kind_funding_order() {
            let subsidy = self.policy.subsidy(kind);
            let limit = limits.get(kind_slot(kind)).map_or(0, |l| l.0);
            let Some(order) = ranked.get(kind_slot(kind)) else {
                continue;
            };
            for i in order
                .iter()
                .take(usize::try_from(limit).unwrap_or(usize::MAX))
            {
                let funding = pay(&self.policy, &mut balances, subsidy)?;
                fundings.push((*i, funding));
            }
        }
        drop(ranked);
        // Apply: nothing above can fail from here on. The candidates are
        // written in the order they are held (one pass, no random writes over
        // large records); the fundings are taken in the same order.
        fundings.sort_unstable_by_key(|f| f.0);
        let mut fundings = fundings.into_iter().peekable();
        let mut admitted = admitted.iter().zip(scores.iter().zip(&rank_of)).enumerate();
        let mut next = admitted.next();
        let candidates = self.lists.iter_mut().flat_map(|l| l.standings.iter_mut());
        for (flat, c) in candidates.enumerate() {
            let Some((i, (a, (score, rank)))) = next else {
                break;
            };
            if a.flat != flat {
                continue;
            }
            next = admitted.next();
            let (limit, reason) = limits
                .get(kind_slot(a.kind))
                .copied()
                .unwrap_or((0, NotSelectedReason::PlacesFilled { places: 0 }));
            c.score = Some(*score);
            c.city_rank = Some(*rank);
            c.verdict = if *rank <= limit {
                // Every selected candidate was paid above, in ranking order.
                let funding = match fundings.next_if(|f| f.0 == i) {
                    Some((_, funding)) => funding,
                    None => Funding::NotFunded {
                        subsidy: self.policy.subsidy(a.kind),
                        available: Yuan::ZERO,
                    },
                };
                Verdict::Selected {
                    funding,
                    moved_up_for: None,
                }
            } else {
                Verdict::NotSelected { reason }
            };
        }
        self.balances = balances;
        self.experts = experts;
        self.stage = Stage::Reviewed;
        Ok(())
    }

    /// The scores per flat position, each looked up by its application id.
    fn scores_exact(
        &self,
        review: &CityReview,
        total: usize,
        offsets: &[usize],
    ) -> Result<Vec<Option<Score>>, RoundError> {
        let flat = |li: usize, ci: usize| offsets.get(li).map_or(0, |o| o.saturating_add(ci));
        // Index every candidate by application id; after close_submissions an
        // admitted application id is unique across lists.
        let mut index: FastMap<&str, (usize, bool)> = fast_map(total);
        for (li, list) in self.lists.iter().enumerate() {
            for (ci, c) in list.candidates().enumerate() {
                let admitted = matches!(c.verdict, Verdict::Admitted);
                let e = index
                    .entry(c.application.id.as_str())
                    .or_insert((flat(li, ci), admitted));
                if admitted {
                    *e = (flat(li, ci), true);
                }
            }
        }
        let mut scored: Vec<Option<Score>> = vec![None; total];
        for s in &review.scores {
            match index.get(s.application.as_str()) {
                None => {
                    return Err(RoundError::ScoreForUnknown {
                        application: s.application.clone(),
                    });
                }
                Some((_, false)) => {
                    return Err(RoundError::ScoreForRefused {
                        application: s.application.clone(),
                    });
                }
                Some((at, true)) => {
                    if let Some(slot) = scored.get_mut(*at) {
                        if slot.replace(s.score).is_some() {
                            return Err(RoundError::ScoreTwice {
                                application: s.application.clone(),
                            });
                        }
                    }
                }
            }
        }
        Ok(scored)
    }

    /// How many of a kind this round may select, and what binds (R3).
    fn selection_limit(&self, kind: ProjectKind) -> (u32, NotSelectedReason) {
        let places = self.places.of(kind);
        let total = self.policy.programme_total(kind);
        let before = self.earlier.by_kind.of(kind);
        let remaining = total.saturating_sub(before);
        if remaining < places {
            (
                remaining,
                NotSelectedReason::ProgrammeTotalReached { total, before },
            )
        } else {
            (places, NotSelectedReason::PlacesFilled { places })
        }
    }

    /// Starts the public notice (公示, 5) on `start`; it ends on the policy's
    /// [`Policy::notice_working_days`]-th working day counted per R9
    /// ([`HolidayCalendar::nth_working_day`]). The notice lists every selected,
    /// funded candidate.
    pub fn start_notice(
        &mut self,
        start: NaiveDate,
        calendar: &HolidayCalendar,
    ) -> Result<NoticePeriod, RoundError> {
        self.expect(Step::StartNotice)?;
        if start < self.reference_date {
            return Err(RoundError::NoticeBeforeReference {
                start,
                reference: self.reference_date,
            });
        }
        let ends_on = calendar
            .nth_working_day(start, self.policy.notice_working_days())
            .map_err(RoundError::Calendar)?;
        let period = NoticePeriod {
            starts_on: start,
            ends_on,
        };
        self.notice = Some(period);
        self.stage = Stage::Notice;
        Ok(period)
    }

    /// Records an objection (异议, 5, R9) received during the notice. An
    /// upheld one removes the candidate and returns its draws to the funds; if
    /// [`Policy::move_up_on_objection`], the best-ranked candidate of the same
    /// kind below the line moves up and is funded by the same rule (R4) from
    /// what the funds now hold. Projects already funded keep their draws.
    ///
    /// Returns the candidate that moved up, if any.
    pub fn record_objection(
        &mut self,
        objection: Objection,
    ) -> Result<Option<ApplicationId>, RoundError> {
        self.expect(Step::RecordObjection)?;
        let Some(period) = self.notice else {
            return Err(RoundError::OutOfOrder {
                step: Step::RecordObjection,
                expected: Stage::Notice,
                stage: self.stage,
            });
        };
        let Some((li, ci, kind)) = self.find_on_notice(&objection.application) else {
            return Err(RoundError::NotOnNotice {
                application: objection.application,
            });
        };
        if !period.contains(objection.received_on) {
            return Err(RoundError::ObjectionOutsideNotice {
                application: objection.application,
                received_on: objection.received_on,
                starts_on: period.starts_on,
                ends_on: period.ends_on,
            });
        }
        let index = self.objections.len();
        if !objection.upheld {
            self.objections.push(ObjectionRecord {
                objection,
                moved_up: None,
            });
            return Ok(None);
        }
        // Work on a copy of the balances; commit only when all succeeded.
        let mut balances = self.balances;
        let returned = match self
            .lists
            .get(li)
            .and_then(|l| l.standings.get(ci))
            .map(|c| &c.verdict)
        {
            Some(Verdict::Selected {
                funding: Funding::Funded { draws, .. },
                ..
            }) => draws.clone(),
            _ => Vec::new(),
        };
        for d in &returned {
            let slot = balances.slot(d.fund);
            *slot = slot.checked_add(d.amount).map_err(RoundError::Money)?;
        }
        let next = if self.policy.move_up_on_objection() {
            self.next_in_rank(kind)
        } else {
            None
        };
        let moved = match next {
            Some((nl, nc)) => {
                let funding = pay(&self.policy, &mut balances, self.policy.subsidy(kind))?;
                Some((nl, nc, funding))
            }
            None => None,
        };
        // Commit.
        if let Some(c) = self.lists.get_mut(li).and_then(|l| l.standings.get_mut(ci)) {
            c.verdict = Verdict::Removed {
                objection: index,
                returned,
            };
        }
        let mut moved_up = None;
        if let Some((nl, nc, funding)) = moved {
            if let Some(l) = self.lists.get_mut(nl) {
                if let Some((a, c)) = l.applications.get(nc).zip(l.standings.get_mut(nc)) {
                    c.verdict = Verdict::Selected {
                        funding,
                        moved_up_for: Some(objection.application.clone()),
                    };
                    moved_up = Some(a.id.clone());
                }
            }
        }
        self.balances = balances;
        self.objections.push(ObjectionRecord {
            objection,
            moved_up: moved_up.clone(),
        });
        Ok(moved_up)
    }

    fn find_on_notice(&self, application: &ApplicationId) -> Option<(usize, usize, ProjectKind)> {
        self.lists.iter().enumerate().find_map(|(li, l)| {
            l.candidates().enumerate().find_map(|(ci, c)| {
                let on_notice = matches!(
                    c.verdict,
                    Verdict::Selected {
                        funding: Funding::Funded { .. },
                        ..
                    }
                );
                (on_notice && &c.application.id == application).then_some((li, ci, l.kind))
            })
        })
    }

    fn next_in_rank(&self, kind: ProjectKind) -> Option<(usize, usize)> {
        self.lists
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == kind)
            .flat_map(|(li, l)| l.candidates().enumerate().map(move |(ci, c)| (li, ci, c)))
            .filter(|(_, _, c)| matches!(c.verdict, Verdict::NotSelected { .. }))
            .min_by_key(|(_, _, c)| c.city_rank.unwrap_or(u32::MAX))
            .map(|(li, ci, _)| (li, ci))
    }

    /// Releases the subsidies (下达资金, 5) on `on`, a day after the notice's
    /// last day; the round is final and its projects are created.
    pub fn release(&mut self, on: NaiveDate) -> Result<(), RoundError> {
        self.expect(Step::Release)?;
        let Some(period) = self.notice else {
            return Err(RoundError::OutOfOrder {
                step: Step::Release,
                expected: Stage::Notice,
                stage: self.stage,
            });
        };
        if on <= period.ends_on {
            return Err(RoundError::ReleaseBeforeNoticeEnds {
                release: on,
                notice_end: period.ends_on,
            });
        }
        self.released_on = Some(on);
        self.stage = Stage::Final;
        Ok(())
    }

    /// The stage.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The reference date.
    pub fn reference_date(&self) -> NaiveDate {
        self.reference_date
    }

    /// The policy the round runs under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// This year's places (R3).
    pub fn places(&self) -> AnnualPlaces {
        self.places
    }

    /// The quotas, sorted by recommender and kind (4.3).
    pub fn quotas(&self) -> &[Quota] {
        &self.quotas
    }

    /// What the funds hold now.
    pub fn balances(&self) -> FundBalances {
        self.balances
    }

    /// The lists received, sorted by recommender and kind.
    pub fn lists(&self) -> &[RecommendationList] {
        &self.lists
    }

    /// The expert group, once reviewed.
    pub fn experts(&self) -> &[ExpertMember] {
        &self.experts
    }

    /// The public notice, once started.
    pub fn notice(&self) -> Option<NoticePeriod> {
        self.notice
    }

    /// The objections recorded, in order of recording.
    pub fn objections(&self) -> &[ObjectionRecord] {
        &self.objections
    }

    /// The release date, once final.
    pub fn released_on(&self) -> Option<NaiveDate> {
        self.released_on
    }
}

/// What the review needs of an admitted candidate, gathered in one pass.
struct Admitted {
    /// Its place among all candidates, in list order.
    flat: usize,
    /// The hash of its application id ([`IdHashes::app`]).
    hash: u64,
    recommendation_rank: u32,
    kind: ProjectKind,
}

/// The R9 order of one kind's admitted candidates — score descending,
/// recommendation rank ascending, application id ascending — as indices
/// among the admitted. `members` gives each one's index, score in hundredths
/// ([`Score::hundredths`]) and recommendation rank; `ids` the application ids
/// by index.
///
/// When every score, rank and index fits its field of [`R9Key`] (in
/// practice always), each member packs into one `u64`: from the high bits
/// down, the complemented score, the rank, the index. Integer order is then
/// exactly the order by score (descending) and rank; a plain integer sort
/// does the work, and only runs that tie on both are ordered by id. Otherwise
/// the sort compares the three keys in turn.
fn r9_order(
    members: impl Iterator<Item = (usize, u128, u32)> + Clone,
    ids: &[&ApplicationId],
) -> Vec<usize> {
    let packed: Option<Vec<u64>> = members
        .clone()
        .map(|(i, key, rank)| R9Key::pack(i, key, rank))
        .collect();
    let id = |i: usize| ids.get(i);
    let Some(mut packed) = packed else {
        let mut all: Vec<(usize, u128, u32)> = members.collect();
        all.sort_unstable_by(|a, b| {
            b.1.cmp(&a.1)
                .then(a.2.cmp(&b.2))
                .then_with(|| id(a.0).cmp(&id(b.0)))
        });
        return all.into_iter().map(|m| m.0).collect();
    };
    packed.sort_unstable();
    for run in packed.chunk_by_mut(|a, b| R9Key::ties(*a, *b)) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| id(R9Key::index(*a)).cmp(&id(R9Key::index(*b))));
        }
    }
    packed.into_iter().map(R9Key::index).collect()
}

/// The packing of a member of [`r9_order`] into one `u64`, from the high
/// bits down: the score in hundredths, complemented (20 bits: up to 10,485.75
/// points), the recommendation rank (20 bits: up to 1,048,575), the index
/// among the admitted (24 bits: up to 16,777,215). Eight bytes, not sixteen:
/// the sort of a large round's 50,000 members of a kind takes less than half
/// the time (its memory fits the cache better).
struct R9Key;

impl R9Key {
    const SCORE_BITS: u32 = 20;
    const RANK_BITS: u32 = 20;
    const INDEX_BITS: u32 = 24;

    /// The key, or `None` when a value does not fit its field.
    fn pack(index: usize, hundredths: u128, rank: u32) -> Option<u64> {
        let fits = |value: u64, bits: u32| (value >> bits == 0).then_some(value);
        let score = fits(u64::try_from(hundredths).ok()?, Self::SCORE_BITS)?;
        let rank = fits(u64::from(rank), Self::RANK_BITS)?;
        let index = fits(u64::try_from(index).ok()?, Self::INDEX_BITS)?;
        let complemented = !score & ((1 << Self::SCORE_BITS) - 1);
        Some(
            (complemented << (Self::RANK_BITS + Self::INDEX_BITS))
                | (rank << Self::INDEX_BITS)
                | index,
        )
    }

    /// True when two keys have the same score and rank.
    fn ties(a: u64, b: u64) -> bool {
        a >> Self::INDEX_BITS == b >> Self::INDEX_BITS
    }

    /// The index packed in a key.
    fn index(key: u64) -> usize {
        // 24 bits always fit a usize.
        usize::try_from(key & ((1 << Self::INDEX_BITS) - 1)).unwrap_or(usize::MAX)
    }
}

/// The admitted candidates' id texts, copied one after another in one
/// buffer in the order the candidates are held, so that checking many
/// scores' texts against their candidates' reads this compact buffer, not
/// texts scattered in memory.
#[derive(Default)]
struct IdTexts {
    text: String,
    /// Where each text ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl IdTexts {
    fn with_capacity(n: usize) -> IdTexts {
        IdTexts {
            text: String::with_capacity(n.saturating_mul(16)),
            ends: Vec::with_capacity(n),
        }
    }

    fn of(ids: &[&ApplicationId]) -> IdTexts {
        let mut texts = IdTexts::with_capacity(ids.len());
        for id in ids {
            texts.push(id.as_str());
        }
        texts
    }

    fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len());
    }

    /// The `i`-th text.
    fn get(&self, i: usize) -> Option<&str> {
        let start = match i.checked_sub(1) {
            None => 0,
            Some(before) => *self.ends.get(before)?,
        };
        self.text.get(start..*self.ends.get(i)?)
    }
}

/// Where an id's text lives. Clones of one id share their text; two ids
/// alive at once that do not share it live at different addresses. So equal
/// addresses mean equal text (the converse does not hold).
fn text_address(id: &ApplicationId) -> usize {
    id.as_str().as_ptr().addr()
}

/// The score of each admitted candidate (indices as in `ids`, `addresses`
/// — where each id's text lives, see [`text_address`] — and `admitted`), or
/// `None` when the exact look-up must decide.
///
/// Exact when it answers: no two admitted ids hash alike (checked here,
/// unless `distinct` says closing found so), so no two have the same text,
/// and a score's text names at most one admitted candidate. A score is found
/// by the hash of its text, which is then compared with the candidate's (in
/// [`IdTexts`], a compact copy made the first time it is needed). When the
/// first score is a clone of an admitted candidate's id (a host handing back
/// the ids the round gave it), scores are first looked up by where their
/// text lives, so that no text, the score's or the candidate's, is read at
/// all; a score not found so takes the hash. The look-up by hash is built
/// the first time it is needed, or at once when `distinct` is false (the
/// check). `None` when two admitted ids hash alike, a score names no
/// admitted id or one already scored, or an admitted candidate has no score.
fn scores_fast(
    review: &CityReview,
    ids: &[&ApplicationId],
    addresses: &[usize],
    admitted: &[Admitted],
    distinct: bool,
) -> Option<Vec<Score>> {
    let by_hash_of = || -> Option<FastMap<u64, usize>> {
        let mut by_hash: FastMap<u64, usize> = fast_map(admitted.len());
        for (i, a) in admitted.iter().enumerate() {
            if by_hash.insert(a.hash, i).is_some() {
                return None;
            }
        }
        Some(by_hash)
    };
    let mut by_hash = if distinct { None } else { Some(by_hash_of()?) };
    let clones = review.scores.first().is_some_and(|s| {
        let at = text_address(&s.application);
        addresses.contains(&at)
    });
    let mut by_address: FastMap<usize, usize> = fast_map(if clones { addresses.len() } else { 0 });
    if clones {
        // Distinct texts live at distinct addresses: no address repeats.
        by_address.extend(addresses.iter().enumerate().map(|(i, at)| (*at, i)));
    }
    let mut texts: Option<IdTexts> = None;
    let mut scores: Vec<Option<Score>> = vec![None; admitted.len()];
    // The scores in batches, each step over the whole batch before the next:
    // a step's look-ups land all over tables larger than the cache, and over
    // a batch their misses overlap instead of each waiting alone.
    let mut found: Vec<(usize, bool)> = Vec::with_capacity(SCORE_BATCH);
    for batch in review.scores.chunks(SCORE_BATCH) {
        // Where each score goes, and whether found by hash (text unchecked).
        found.clear();
        for s in batch {
            let at = match by_address.get(&text_address(&s.application)) {
                Some(i) => (*i, false),
                None => {
                    if by_hash.is_none() {
                        by_hash = Some(by_hash_of()?);
                    }
                    let hash = fx_hash(s.application.as_str());
                    (*by_hash.as_ref()?.get(&hash)?, true)
                }
            };
            found.push(at);
        }
        for (s, (i, by_hash)) in batch.iter().zip(&found) {
            if *by_hash
                && texts.get_or_insert_with(|| IdTexts::of(ids)).get(*i)? != s.application.as_str()
            {
                return None;
            }
        }
        for (s, (i, _)) in batch.iter().zip(&found) {
            if scores.get_mut(*i)?.replace(s.score).is_some() {
                return None;
            }
        }
    }
    // Every admitted candidate scored, or the exact look-up decides.
    scores.into_iter().collect()
}

/// How many scores [`scores_fast`] takes per batch.
const SCORE_BATCH: usize = 32;

/// A small multiply-rotate hasher (the Fx hash) for the round's internal
/// look-ups by host ids: several times faster than SipHash on short ids. The
/// ids come from the host, not from an adversary; a collision only slows a
/// look-up down, it never changes a result.
#[derive(Debug, Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        let mut tail = 0u64;
        for (i, b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(*b) << (8 * i);
        }
        self.add(tail);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The state rotated so that its best-mixed high bits become the low bits
    /// a hash table indexes by (as rustc-hash 2 does): a multiply leaves the
    /// low bits depending on the low bits of the input only, which for an
    /// aligned address are zeros.
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// How many applications [`warm_id_texts`] reads ahead of [`Round::submit`].
const WARM_AHEAD: usize = 512;

/// Reads the first byte of the id text of each of the next [`WARM_AHEAD`]
/// applications, so that [`Round::submit`] finds them in cache.
///
/// An application's id text lives in its own allocation, away from the rest
/// of the application, and is the first thing submission reads outside the
/// application record (to hash it). Read there, one candidate at a time, each read that misses the
/// cache waits alone: between two of them lies a whole eligibility decision,
/// more work than the processor can look ahead over. In this loop of a few
/// instructions per application the processor has dozens of the reads under
/// way at once, so their waits overlap. It matters once a round's inputs no
/// longer fit in cache: submission of 100,000 candidates took about 27 ms
/// without it and 23 ms with it (inputs cloned, so the texts sit far from
/// their applications); of 10,000 it makes no difference. The other parts of
/// an application submission reads (unit, history, lead) were tried here too
/// and made it slower: they are read in the order they lie in memory, which
/// the processor's own prefetching already serves.
fn warm_id_texts(applications: &[Application]) {
    let mut folded = 0u8;
    for application in applications.iter().take(WARM_AHEAD) {
        folded ^= application
            .id
            .as_str()
            .as_bytes()
            .first()
            .copied()
            .unwrap_or(0);
    }
    // Keeps the reads: their result is otherwise unused.
    std::hint::black_box(folded);
}

/// The 64-bit Fx hashes of a candidate's application id and of its unit id
/// with the list's kind: keys standing for the ids in first passes. Equal ids
/// have equal hashes, so distinct hashes prove distinct ids; equal hashes
/// prove nothing, and an exact pass over the ids then decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IdHashes {
    /// Of the application id.
    app: u64,
    /// Of the unit id and the kind (R8 compares units per kind).
    unit: u64,
}

impl IdHashes {
    fn of(application: &Application, kind: ProjectKind) -> IdHashes {
        IdHashes {
            app: fx_hash(application.id.as_str()),
            unit: fx_hash(&(application.unit.id.as_str(), kind_slot(kind))),
        }
    }
}

/// A cache beside [`Round::lists`]: per list, in the same order, the
/// [`IdHashes`] of its candidates in list order. [`Round::submit`] computes
/// them while each application is in cache, so closing and review read no id
/// text in the common case. Not part of a round's value: serde skips it (a
/// deserialized round starts without it), equality ignores it, and
/// [`Round::refresh_hashes`] computes it again from the ids whenever it does
/// not match the lists in shape.
#[derive(Clone, Default)]
struct IdHashTable {
    /// Per list, per candidate.
    lists: Vec<Vec<IdHashes>>,
    /// Set by [`Round::close_submissions`] when it found no two admitted
    /// candidates whose application ids hash alike (so no two with the same
    /// id), which spares the review that check; false whenever unknown (before
    /// closing, in a table computed again).
    admitted_apps_distinct: bool,
}

impl IdHashTable {
    /// True when it has one entry per list and per candidate. The ids of a
    /// candidate never change once submitted, so a table of the right shape
    /// holds their hashes.
    fn fits(&self, lists: &[RecommendationList]) -> bool {
        self.lists.len() == lists.len()
            && self
                .lists
                .iter()
                .zip(lists)
                .all(|(h, l)| h.len() == l.len())
    }

    fn of_list(list: &RecommendationList) -> Vec<IdHashes> {
        list.applications
            .iter()
            .map(|a| IdHashes::of(a, list.kind))
            .collect()
    }
}

impl PartialEq for IdHashTable {
    /// Always equal: the table is derived from the lists, which the round's
    /// equality compares.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for IdHashTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdHashTable")
            .field("lists", &self.lists.len())
            .finish_non_exhaustive()
    }
}

/// The Fx hash of a value, as a key standing for it in a first pass.
fn fx_hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

fn fast_map<K, V>(capacity: usize) -> FastMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

fn fast_set<K>(capacity: usize) -> FastSet<K> {
    HashSet::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

/// 1-based position from a 0-based index.
fn position(i: usize) -> u32 {
    u32::try_from(i).map_or(u32::MAX, |i| i.saturating_add(1))
}

const fn kind_slot(kind: ProjectKind) -> usize {
    match kind {
        ProjectKind::TrainingBase => 0,
        ProjectKind::Studio => 1,
    }
}

/// R8: units or applications listed twice in one list, each reported once,
/// in list order. `hashes` are the candidates' [`IdHashes`], in the same
/// order: when no application hash and no unit hash repeats, no id repeats
/// (equal ids hash alike), and no string is compared; otherwise the exact
/// pass over the ids decides.
fn duplicates(candidates: &[Application], hashes: &[IdHashes]) -> Vec<Refusal> {
    let mut apps: FastSet<u64> = fast_set(hashes.len());
    let mut units: FastSet<u64> = fast_set(hashes.len());
    if hashes
        .iter()
        .all(|h| apps.insert(h.app) && units.insert(h.unit))
    {
        return Vec::new();
    }
    duplicates_exact(candidates)
}

/// [`duplicates`] by the ids themselves.
fn duplicates_exact(candidates: &[Application]) -> Vec<Refusal> {
    let mut units: FastMap<&UnitId, u32> = fast_map(candidates.len());
    let mut apps: FastMap<&ApplicationId, u32> = fast_map(candidates.len());
    let mut out = Vec::new();
    for a in candidates {
        let n = apps.entry(&a.id).or_insert(0);
        *n = n.saturating_add(1);
        if *n == 2 {
            out.push(Refusal::ApplicationListedTwice {
                application: a.id.clone(),
            });
        }
        let n = units.entry(&a.unit.id).or_insert(0);
        *n = n.saturating_add(1);
        if *n == 2
            && !out
                .iter()
                .any(|r| matches!(r, Refusal::UnitListedTwice { unit } if *unit == a.unit.id))
        {
            out.push(Refusal::UnitListedTwice {
                unit: a.unit.id.clone(),
            });
        }
    }
    out
}

/// R8: may this recommender list this unit (4.1 jurisdiction, 4.2 direct independent legal person)?
fn placement(recommender: &Recommender, application: &Application) -> Vec<Refusal> {
    let unit = &application.unit;
    let mut out = Vec::new();
    match recommender {
        Recommender::Banner(banner) => {
            if unit.seat != Seat::Banner(*banner) {
                out.push(Refusal::OutsideJurisdiction {
                    banner: *banner,
                    seat: unit.seat.clone(),
                });
            }
        }
        Recommender::Body(body) => {
            let under = match &unit.seat {
                Seat::Body(b) => b == body,
                Seat::Banner(_) => false,
            };
            if !under {
                out.push(Refusal::NotUnderBody {
                    body: body.clone(),
                    seat: unit.seat.clone(),
                });
            }
            if !unit.independent_legal_person {
                out.push(Refusal::NotIndependentLegalPerson { body: body.clone() });
            }
        }
    }
    out
}

/// 2.2, R4: draws a subsidy from the funds in the policy's order, or says it cannot.
fn pay(policy: &Policy, balances: &mut FundBalances, subsidy: Yuan) -> Result<Funding, RoundError> {
    let available = balances.total().map_err(RoundError::Money)?;
    if available < subsidy {
        return Ok(Funding::NotFunded { subsidy, available });
    }
    let mut rest = subsidy;
    let mut draws = Vec::with_capacity(2);
    for fund in policy.funding_order() {
        if rest.is_zero() {
            break;
        }
        let slot = balances.slot(*fund);
        let take = (*slot).min(rest);
        if take.is_zero() {
            continue;
        }
        *slot = slot.checked_sub(take).map_err(RoundError::Money)?;
        rest = rest.checked_sub(take).map_err(RoundError::Money)?;
        draws.push(Draw {
            fund: *fund,
            amount: take,
        });
    }
    Ok(Funding::Funded {
        amount: subsidy,
        draws,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_order_as_the_scores() {
        let scores: Vec<Score> = [0i64, 1, 9, 10, 99, 100, 850, 855, 8_550, 10_000, 12_345]
            .into_iter()
            .flat_map(|n| [Decimal::new(n, 2), Decimal::new(n, 1), Decimal::new(n, 0)])
            .filter_map(Score::new)
            .collect();
        for a in &scores {
            for b in &scores {
                assert_eq!(a.hundredths().cmp(&b.hundredths()), a.cmp(b), "{a} vs {b}");
            }
        }
        assert_eq!(Score::points(85).hundredths(), 8_500);
        assert_eq!(
            Score::new(Decimal::new(8_550, 2)).map(Score::hundredths),
            Some(8_550)
        );
    }

    #[test]
    fn id_texts_give_back_each_text() {
        let mut texts = IdTexts::with_capacity(3);
        for t in ["A-1", "", "鄂尔多斯-2"] {
            texts.push(t);
        }
        assert_eq!(texts.get(0), Some("A-1"));
        assert_eq!(texts.get(1), Some(""));
        assert_eq!(texts.get(2), Some("鄂尔多斯-2"));
        assert_eq!(texts.get(3), None);
    }

    /// The fast score look-up finds each score by where its text lives or
    /// by hash and text, in any mix, and gives up (`None`) on an unknown,
    /// repeated or missing score, whatever path found the others.
    #[test]
    fn scores_fast_matches_clones_fresh_copies_and_a_mix() {
        let owned: Vec<ApplicationId> = (0..5)
            .map(|i| ApplicationId::new(format!("A-{i}")))
            .collect();
        let ids: Vec<&ApplicationId> = owned.iter().collect();
        let addresses: Vec<usize> = ids.iter().map(|id| text_address(id)).collect();
        let admitted: Vec<Admitted> = owned
            .iter()
            .enumerate()
            .map(|(i, id)| Admitted {
                flat: i,
                hash: fx_hash(id.as_str()),
                recommendation_rank: 1,
                kind: ProjectKind::TrainingBase,
            })
            .collect();
        let clone = |i: usize| owned[i].clone();
        let fresh = |i: usize| ApplicationId::new(owned[i].as_str());
        let review = |order: &[(ApplicationId, u32)]| CityReview {
            experts: Vec::new(),
            scores: order
                .iter()
                .map(|(id, p)| CandidateScore {
                    application: id.clone(),
                    score: Score::points(*p),
                })
                .collect(),
        };
        let expected: Vec<Score> = (0..5).map(|i| Score::points(80 + i)).collect();
        let find = |scores: Vec<(ApplicationId, u32)>, distinct: bool| {
            scores_fast(&review(&scores), &ids, &addresses, &admitted, distinct)
        };
        // All clones, all fresh, a clone first then fresh copies, a fresh
        // copy first then clones; in a shuffled order; with the ids known to
        // be distinct or not.
        for (make, distinct) in [
            [true, true, true, true, true],
            [false, false, false, false, false],
            [true, false, false, true, false],
            [false, true, true, false, true],
        ]
        .into_iter()
        .flat_map(|make| [(make, false), (make, true)])
        {
            let find = |scores: Vec<(ApplicationId, u32)>| find(scores, distinct);
            let scores: Vec<(ApplicationId, u32)> = [3usize, 0, 4, 1, 2]
                .iter()
                .zip(make)
                .map(|(i, c)| (if c { clone(*i) } else { fresh(*i) }, 80 + *i as u32))
                .collect();
            assert_eq!(
                find(scores.clone()),
                Some(expected.clone()),
                "{make:?} {distinct}"
            );
            // Unknown, repeated, missing: the exact look-up must decide.
            let mut unknown = scores.clone();
            unknown[4].0 = ApplicationId::new("A-9");
            assert_eq!(find(unknown), None);
            let mut twice = scores.clone();
            twice[4].0 = twice[0].0.clone();
            assert_eq!(find(twice), None);
            assert_eq!(find(scores[..4].to_vec()), None);
        }
        // Two admitted candidates with one id (different texts in memory):
        // unless closing said the ids are distinct, the check finds them.
        let mut same = admitted;
        same[4].hash = same[0].hash;
        let scores: Vec<(ApplicationId, u32)> = (0..5).map(|i| (clone(i), 80 + i as u32)).collect();
        assert_eq!(
            scores_fast(&review(&scores), &ids, &addresses, &same, false),
            None
        );
    }

    /// The packed integer sort and the three-key comparison agree, ties on
    /// score and rank included; a score past 64 bits takes the comparison.
    #[test]
    fn r9_order_packed_agrees_with_the_comparison() {
        let texts: Vec<ApplicationId> = (0..60)
            .map(|i| ApplicationId::new(format!("A-{}", (i * 37) % 60)))
            .collect();
        let ids: Vec<&ApplicationId> = texts.iter().collect();
        let members: Vec<(usize, u128, u32)> = (0..60)
            .map(|i| (i, (i as u128 * 7) % 5 * 100, (i as u32 * 3) % 4))
            .collect();
        // R9 by plain comparison of the three keys.
        let by_comparison = |members: &[(usize, u128, u32)]| -> Vec<usize> {
            let mut sorted = members.to_vec();
            sorted.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(a.2.cmp(&b.2))
                    .then_with(|| ids[a.0].cmp(ids[b.0]))
            });
            sorted.into_iter().map(|m| m.0).collect()
        };
        assert_eq!(
            r9_order(members.iter().copied(), &ids),
            by_comparison(&members)
        );
        // The largest values the packing holds, and one past each: the
        // comparison path. Either way the same order.
        let max_score = (1u128 << 20) - 1;
        for (score, rank) in [
            (max_score, 0),
            (max_score + 1, 0),
            (u128::from(u64::MAX) + 1, 0),
            (0, (1u32 << 20) - 1),
            (0, 1u32 << 20),
        ] {
            let mut extreme = members.clone();
            extreme[59].1 = score;
            extreme[58].2 = rank;
            let expected = by_comparison(&extreme);
            assert_eq!(r9_order(extreme.iter().copied(), &ids), expected);
            if score > 0 {
                assert_eq!(expected[0], 59);
            }
        }
        assert!(R9Key::pack(0, max_score, 0).is_some());
        assert!(R9Key::pack(0, max_score + 1, 0).is_none());
        assert!(R9Key::pack(0, 0, 1 << 20).is_none());
        assert!(R9Key::pack((1 << 24) - 1, 0, 0).is_some());
        assert!(R9Key::pack(1 << 24, 0, 0).is_none());
        assert_eq!(
            R9Key::index(R9Key::pack(12_345, 850, 7).unwrap_or(0)),
            12_345
        );
    }
}
