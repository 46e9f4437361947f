//! The recommendation lists a round holds (推荐名单, 4.1, 4.2), their
//! candidates, and what a submission reports back.

use serde::{Deserialize, Serialize};

use super::inputs::{RecommendationReport, Recommender, Score};
use super::verdict::{Refusal, Verdict};
use crate::application::Application;
use crate::domain::ApplicationId;
use crate::domain::ProjectKind;

/// One candidate on a list, with its round state (推荐对象).
///
/// ```
/// use skill_grants::round::Verdict;
/// let round = skill_grants::sample::round_2022()?;
/// let list = &round.lists()[0];
/// let first = list.candidate(0).ok_or("an empty list")?;
/// assert_eq!(first.recommendation_rank, 1);
/// let json = serde_json::to_value(first)?;
/// assert_eq!(json["application"]["id"], first.application.id.as_str());
/// assert!(!matches!(first.verdict, Verdict::Admitted)); // the round is final
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "One candidate on a list, with its round state.")
)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The application as recommended.
    pub application: Application,
    /// Its place on the recommender's list (1 = first).
    pub recommendation_rank: u32,
    /// The expert score, once reviewed.
    #[serde(default)]
    pub score: Option<Score>,
    /// Its place in the city ranking of its kind (1 = first), once reviewed.
    #[serde(default)]
    pub city_rank: Option<u32>,
    /// Where it stands.
    pub verdict: Verdict,
}

/// An earlier submission for the same recommender and kind that was refused whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RefusedAttempt {
    /// The applications it listed, in order.
    pub applications: Vec<ApplicationId>,
    /// Why it was refused.
    pub reasons: Vec<Refusal>,
}

/// A recommender's list for one kind (推荐名单), as the round holds it: its
/// candidates in order of recommendation, each with its round state.
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "A recommender's list for one kind (推荐名单), as the round holds it.")
)]
#[serde(deny_unknown_fields)]
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
    /// The candidates, in order of recommendation.
    pub(super) candidates: Vec<Candidate>,
    /// Earlier submissions for this recommender and kind, refused whole.
    #[serde(default)]
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
    /// assert_eq!(list.candidates().next_back(), list.candidate(list.len() - 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidates(&self) -> std::slice::Iter<'_, Candidate> {
        self.candidates.iter()
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
    pub fn candidate(&self, index: usize) -> Option<&Candidate> {
        self.candidates.get(index)
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
        self.candidates.len()
    }

    /// True when the list has no candidate.
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?;
    /// assert!(!round.lists()[0].is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }
}

impl<'a> IntoIterator for &'a RecommendationList {
    type Item = &'a Candidate;
    type IntoIter = std::slice::Iter<'a, Candidate>;

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
    fn into_iter(self) -> Self::IntoIter {
        self.candidates.iter()
    }
}

/// What [`Round::submit`](super::Round::submit) reports back: the list's
/// standing and each refused entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "What [`Round::submit`] reports back: the list's standing and each refused entry."
    )
)]
#[serde(deny_unknown_fields)]
pub struct SubmissionReceipt {
    /// Who submitted.
    pub recommender: Recommender,
    /// For which kind.
    pub kind: ProjectKind,
    /// Reasons the whole list was refused (empty when it stands).
    pub list_refused: Vec<Refusal>,
    /// Candidates admitted to the city review, in list order.
    pub admitted: Vec<ApplicationId>,
    /// Candidates refused one by one, with their reasons.
    pub refused: Vec<(ApplicationId, Vec<Refusal>)>,
}

impl SubmissionReceipt {
    /// True when the list stands (it may still have refused entries).
    pub fn accepted(&self) -> bool {
        self.list_refused.is_empty()
    }
}
