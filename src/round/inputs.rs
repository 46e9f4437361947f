//! What the city and the recommenders bring to a round: recommenders and
//! their quotas (4.1–4.3), the two funds (2.2), the set-up (2.1, R3), the
//! recommendation and its report (4.1, 4.2), the expert scores (5) and the
//! objections of the public notice (5, R9).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::coverage::Coverage;
use crate::application::Application;
use crate::clause::ClauseId;
use crate::domain::{ApplicationId, BodyId};
use crate::domain::{Banner, Fund, ProjectKind};
use crate::lang::Lang;
use crate::money::{DecimalTextError, MoneyError, Yuan, quoted, two_place_decimal};
use crate::policy::AnnualPlaces;
#[cfg(doc)]
use crate::policy::Policy;

/// A recommender (推荐单位): a banner or district (旗区, 4.1) or a directly
/// recommending body (市直委办室局、大企业、事业单位、驻市单位, 4.2).
///
/// ```
/// use skill_grants::round::Recommender;
/// use skill_grants::{Banner, ClauseId, Lang, domain::BodyId};
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

    /// The balance of one fund, to change it.
    pub(crate) fn slot(&mut self, fund: Fund) -> &mut Yuan {
        match fund {
            Fund::EmploymentSubsidy => &mut self.employment_subsidy,
            Fund::TalentSpecial => &mut self.talent_special,
        }
    }

    /// Both together.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when the sum of the two funds overflows.
    pub fn total(&self) -> Result<Yuan, MoneyError> {
        self.employment_subsidy.checked_add(self.talent_special)
    }
}

/// What the city sets up for a year's round (2.1, 4.3, R3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

/// An expert score (专家评分): exact, never negative, at most two decimal places.
///
/// In JSON (and [`FromStr`]) a score is a string in one grammar, the same as
/// an amount of money's: ASCII digits, then optionally a point and one or two
/// digits (`"88"`, `"85.5"`, `"85.50"`). No sign, spaces, separators or
/// exponent, no leading or trailing point; anything else is a [`ScoreError`].
///
/// ```
/// use skill_grants::round::{Score, ScoreError};
/// use skill_grants::Decimal;
/// assert!(Score::new(Decimal::new(8_550, 2)).is_some());
/// assert!(Score::new(Decimal::new(-1, 0)).is_none());
/// assert!(Score::points(90) > Score::points(85));
/// assert_eq!("85.50".parse::<Score>()?, Score::new(Decimal::new(855, 1)).ok_or("score")?);
/// assert!(matches!("1e2".parse::<Score>(), Err(ScoreError::Malformed(_))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Score(Decimal);

/// A score's text outside the grammar of [`Score`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScoreError {
    /// Not digits with an optional point and one or two places. The text is
    /// quoted up to its first 40 characters.
    #[error(
        "`{0}` is not a score: expected digits with an optional point and one or two places, such as \"85.5\" (no sign, spaces, separators or exponent)"
    )]
    Malformed(String),
    /// More than two decimal places.
    #[error("score `{0}` has more than two decimal places")]
    TooManyPlaces(String),
    /// Too many digits for an exact decimal.
    #[error("score `{0}` is too large")]
    TooLarge(String),
}

impl FromStr for Score {
    type Err = ScoreError;

    /// Parses a score in its one grammar (see [`Score`]).
    ///
    /// # Errors
    ///
    /// [`ScoreError::Malformed`] for text outside the grammar,
    /// [`ScoreError::TooManyPlaces`] for three or more places (even zeros),
    /// [`ScoreError::TooLarge`] past the decimal type.
    ///
    /// ```
    /// use skill_grants::round::{Score, ScoreError};
    /// assert_eq!("88".parse::<Score>()?, Score::points(88));
    /// for bad in ["1e2", "+1", "-0", " 7", "7 ", "1_000", "1,000", ".5", "5.", "", "NaN"] {
    ///     assert!(matches!(bad.parse::<Score>(), Err(ScoreError::Malformed(_))), "{bad}");
    /// }
    /// assert!(matches!("85.000".parse::<Score>(), Err(ScoreError::TooManyPlaces(_))));
    /// # Ok::<(), ScoreError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let value = two_place_decimal(s).map_err(|e| match e {
            DecimalTextError::Malformed => ScoreError::Malformed(quoted(s)),
            DecimalTextError::TooLarge => ScoreError::TooLarge(quoted(s)),
            DecimalTextError::TooManyPlaces(_) => ScoreError::TooManyPlaces(quoted(s)),
        })?;
        Score::new(value).ok_or_else(|| ScoreError::Malformed(quoted(s)))
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Score {
    /// A string in the grammar of [`Score`]; a JSON number is refused.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Score {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Score".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,2})?$",
            "description": "An expert score (专家评分): a decimal string with at most two places, never negative (\"85.5\").",
        })
    }
}

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

    /// The score in hundredths of a point: a whole number, exact, as a score
    /// is never negative and has at most two decimal places.
    fn hundredths(self) -> u128 {
        let mantissa = self.0.mantissa().unsigned_abs();
        match self.0.scale() {
            0 => mantissa.saturating_mul(100),
            1 => mantissa.saturating_mul(10),
            _ => mantissa,
        }
    }
}

impl Ord for Score {
    /// The order of the scores' values, compared in hundredths of a point
    /// (the same order as the decimals', without their rescaling).
    fn cmp(&self, other: &Self) -> Ordering {
        self.hundredths().cmp(&other.hundredths())
    }
}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct CityReview {
    /// The expert group's members (at least one).
    pub experts: Vec<ExpertMember>,
    /// One score per admitted candidate.
    pub scores: Vec<CandidateScore>,
}

/// An objection raised during the public notice (异议, 5, R9), with the city's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores order as their decimals do, whatever their scales.
    #[test]
    fn scores_order_as_their_values() {
        let scores: Vec<Score> = [0i64, 1, 9, 10, 99, 100, 850, 855, 8_550, 10_000, 12_345]
            .into_iter()
            .flat_map(|n| [Decimal::new(n, 2), Decimal::new(n, 1), Decimal::new(n, 0)])
            .filter_map(Score::new)
            .chain([Score::points(0), Score::points(85), Score::points(u32::MAX)])
            .collect();
        for a in &scores {
            for b in &scores {
                assert_eq!(a.cmp(b), a.value().cmp(&b.value()), "{a} vs {b}");
                assert_eq!(a == b, a.value() == b.value(), "{a} vs {b}");
            }
        }
    }
}
