//! The stages of a round, its steps and their errors.
//!
//! Each step ([`Step`]) applies rules of the notice: [`Step::law`] gives its
//! stable id, clauses, reading and gloss in one `match`, which the registry
//! ([`crate::rules`]) collects.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::inputs::Recommender;
use crate::clause::{ClauseId, Law};
use crate::date::DateError;
use crate::domain::ApplicationId;
use crate::domain::ProjectKind;
use crate::eligibility::ApplicationError;
use crate::lang::{Lang, last_day_in_force};
use crate::money::MoneyError;

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

/// A step of the round (the table of the [module docs](super)), named in
/// [`RoundError::OutOfOrder`].
///
/// ```
/// use skill_grants::round::Step;
/// use skill_grants::ClauseId;
/// let law = Step::Review.law();
/// assert_eq!(law.id, "round.step.review");
/// assert_eq!(law.clauses, &[ClauseId::C2_2, ClauseId::C5]);
/// assert_eq!(law.reading, Some("R9"));
/// assert_eq!(Step::ALL.len(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// [`Round::set_up`](super::Round::set_up), which makes the round.
    SetUp,
    /// [`Round::submit`](super::Round::submit).
    Submit,
    /// [`Round::close_submissions`](super::Round::close_submissions).
    CloseSubmissions,
    /// [`Round::review`](super::Round::review).
    Review,
    /// [`Round::start_notice`](super::Round::start_notice).
    StartNotice,
    /// [`Round::record_objection`](super::Round::record_objection).
    RecordObjection,
    /// [`Round::release`](super::Round::release).
    Release,
}

impl Step {
    /// Every step, in the order of the round.
    pub const ALL: [Step; 7] = [
        Step::SetUp,
        Step::Submit,
        Step::CloseSubmissions,
        Step::Review,
        Step::StartNotice,
        Step::RecordObjection,
        Step::Release,
    ];

    /// The rule the step applies: its id, clauses, reading and gloss.
    pub const fn law(self) -> Law {
        let (id, clauses, reading, gloss): (_, &'static [ClauseId], _, _) = match self {
            Step::SetUp => (
                "round.step.set_up",
                &[ClauseId::C2_1, ClauseId::C4_3],
                Some("R3"),
                "the city sets up the year's round: places, quotas, balances, earlier rounds",
            ),
            Step::Submit => (
                "round.step.submit",
                &[ClauseId::C4_1, ClauseId::C4_2, ClauseId::C4_3],
                Some("R8"),
                "a recommender submits its ranked list and report",
            ),
            Step::CloseSubmissions => (
                "round.step.close_submissions",
                &[ClauseId::C4_1, ClauseId::C4_2],
                Some("R8"),
                "submissions close; an entry on two recommenders' lists is refused on both",
            ),
            Step::Review => (
                "round.step.review",
                &[ClauseId::C2_2, ClauseId::C5],
                Some("R9"),
                "the city ranks, selects within places and totals, and funds",
            ),
            Step::StartNotice => (
                "round.step.start_notice",
                &[ClauseId::C5],
                Some("R9"),
                "the public notice runs for the policy's working days",
            ),
            Step::RecordObjection => (
                "round.step.record_objection",
                &[ClauseId::C5],
                Some("R9"),
                "an objection during the notice; an upheld one removes the candidate",
            ),
            Step::Release => (
                "round.step.release",
                &[ClauseId::C5],
                None,
                "the subsidies are released after the notice; the projects are created",
            ),
        };
        Law {
            id,
            clauses,
            reading,
            gloss,
        }
    }

    /// How Rust code names the step, for the clause map; `submit`, `review`
    /// and `release` are common words, not looked for.
    pub(crate) const fn code(self) -> &'static [&'static str] {
        match self {
            Step::SetUp => &["set_up", "RoundSetup"],
            Step::CloseSubmissions => &["close_submissions"],
            Step::StartNotice => &["start_notice"],
            Step::RecordObjection => &["record_objection"],
            Step::Submit | Step::Review | Step::Release => &[],
        }
    }

    /// The step's name.
    ///
    /// ```
    /// use skill_grants::{Lang, round::Step};
    /// assert_eq!(Step::Review.name(Lang::Zh), "专家评审");
    /// assert_eq!(Step::Review.name(Lang::En), "review");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Step::SetUp, Lang::Zh) => "设置年度评审",
            (Step::SetUp, Lang::En) => "set-up",
            (Step::Submit, Lang::Zh) => "报送推荐名单",
            (Step::Submit, Lang::En) => "submission",
            (Step::CloseSubmissions, Lang::Zh) => "推荐截止",
            (Step::CloseSubmissions, Lang::En) => "closing of submissions",
            (Step::Review, Lang::Zh) => "专家评审",
            (Step::Review, Lang::En) => "review",
            (Step::StartNotice, Lang::Zh) => "开始公示",
            (Step::StartNotice, Lang::En) => "start of the public notice",
            (Step::RecordObjection, Lang::Zh) => "记录异议",
            (Step::RecordObjection, Lang::En) => "objection",
            (Step::Release, Lang::Zh) => "下达资金",
            (Step::Release, Lang::En) => "release",
        }
    }

    /// The stage the step needs; `None` for [`Step::SetUp`], which makes
    /// the round.
    ///
    /// ```
    /// use skill_grants::round::{Stage, Step};
    /// assert_eq!(Step::Review.expects(), Some(Stage::Closed));
    /// assert_eq!(Step::SetUp.expects(), None);
    /// ```
    pub const fn expects(self) -> Option<Stage> {
        match self {
            Step::SetUp => None,
            Step::Submit | Step::CloseSubmissions => Some(Stage::Open),
            Step::Review => Some(Stage::Closed),
            Step::StartNotice => Some(Stage::Reviewed),
            Step::RecordObjection | Step::Release => Some(Stage::Notice),
        }
    }
}

/// An error in a round step: the step is out of order, or its input is bad.
/// The round is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RoundError {
    /// The step cannot be taken at the round's stage.
    #[error(
        "the {} needs the stage “{}”, but the round is at the stage “{}”",
        step.name(Lang::En),
        expected.name(Lang::En),
        stage.name(Lang::En)
    )]
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
    /// The notice would end on or after the policy's last day in force, so
    /// the subsidies could not be released under it (5).
    #[error(
        "notice: ends on {ends_on}, but policy `{policy}` is in force only until {until}: the subsidies could not be released after it (5)"
    )]
    NoticePastPolicy {
        /// The notice's last day.
        ends_on: NaiveDate,
        /// The policy's id.
        policy: String,
        /// Its last day in force.
        until: NaiveDate,
    },
    /// The release date lies outside the policy's effective period (5).
    #[error(
        "release on {release}: policy `{policy}` is not in force on that day (in force from {from}{})",
        last_day_in_force(*until, Lang::En)
    )]
    ReleaseOutsidePolicy {
        /// The release date given.
        release: NaiveDate,
        /// The policy's id.
        policy: String,
        /// Its first day in force.
        from: NaiveDate,
        /// Its last day in force, if any.
        until: Option<NaiveDate>,
    },
    /// Money arithmetic overflowed.
    #[error("money: {0}")]
    Money(MoneyError),
}

impl RoundError {
    /// The error explained in a language. The English is its `Display`; the
    /// Chinese says the same (a nested error of dates or money in its own
    /// Chinese, [`DateError::explain`](crate::date::DateError::explain),
    /// [`MoneyError::explain`](crate::money::MoneyError::explain)).
    ///
    /// ```
    /// use skill_grants::{Lang, round::{RoundError, Stage, Step}};
    /// let e = RoundError::OutOfOrder { step: Step::Review, expected: Stage::Closed, stage: Stage::Open };
    /// assert_eq!(e.explain(Lang::Zh), "“专家评审”须在“推荐截止，待评审”阶段进行，而评审现处于“推荐申报中”阶段");
    /// assert_eq!(e.explain(Lang::En), e.to_string());
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.zh(),
        }
    }
}
