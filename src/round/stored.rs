//! A stored round read back: nothing loads unchecked.
//!
//! [`Round`] deserializes through [`RoundRecord`], its fields as written, and
//! [`Round::try_from`] checks them before a round exists: the set-up as
//! [`Round::set_up`] checks it (and keeps it: quotas sorted, coverage
//! normalised); the lists as [`Round::submit`] holds them (sorted, one per
//! recommender and kind, each list's quota, ranks, kinds and reference
//! dates, and the whole-list reasons its report, quota and entries give,
//! R8); the stage's consistency (what each stage has and has not yet
//! recorded: verdicts, scores, ranks, experts, notice, objections, release;
//! the city ranks in the order of R9);
//! once submissions close, admitted application ids unique (else no review
//! could score them); and the invariants of the outcome
//! ([`check_invariants`]: places, quotas, totals, ranking, amounts, funds,
//! projects). A round that fails any of them is refused with a
//! [`StoredRoundError`] naming the field or the list and entry.
//!
//! What is not re-derived: the eligibility decisions recorded in the
//! verdicts (the policy and application are stored, so a host can re-decide),
//! and the notice's working days (the holiday calendar is not stored; the
//! notice is checked to start on or after the reference date, end on or
//! after its start, and end before the policy's last day).

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::Deserialize;

use super::coverage::Coverage;
use super::error::{RoundError, Stage};
use super::inputs::{ExpertMember, FundBalances, NoticePeriod, ObjectionRecord, Quota, RoundSetup};
use super::law::{self, Ranked};
use super::list::RecommendationList;
use super::outcome::{InvariantViolation, check_invariants};
use super::steps::Round;
use super::verdict::{Refusal, RefusalKind, Verdict};
use crate::application::Application;
use crate::domain::ApplicationId;
use crate::domain::ProjectKind;
use crate::policy::{AnnualPlaces, Policy};

/// A round as stored, field for field, before it is checked; [`Round`]'s
/// `Deserialize` reads one and checks it ([`Round::try_from`]).
///
/// ```
/// use skill_grants::round::{Round, RoundRecord};
/// let json = serde_json::to_value(skill_grants::sample::round_2022()?)?;
/// let record: RoundRecord = serde_json::from_value(json)?;
/// let round = Round::try_from(record)?;
/// assert_eq!(round, skill_grants::sample::round_2022()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "Round",
        description = "An annual round (年度评审, 2.1), as stored; checked when read. See the [module docs](self)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct RoundRecord {
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
}

/// Why a stored round is refused when read: what is wrong and where.
///
/// ```
/// use skill_grants::round::Round;
/// let mut json = serde_json::to_value(skill_grants::sample::round_2022()?)?;
/// json["stage"] = "open".into(); // a final round relabelled as open
/// let err = serde_json::from_value::<Round>(json).err().ok_or("loaded")?;
/// assert!(err.to_string().starts_with("stored round: `"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoredRoundError {
    /// The set-up fails the checks of [`Round::set_up`].
    #[error("stored round: {0}")]
    SetUp(RoundError),
    /// A field differs from what the steps record; `at` is its path
    /// (`lists[2].candidates[0].verdict`).
    #[error("stored round: `{at}` {problem}")]
    Inconsistent {
        /// The field's path.
        at: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The outcome breaks an invariant (funds, places, quotas, ranking,
    /// amounts, projects).
    #[error("stored round: {0}")]
    Invariant(InvariantViolation),
    /// The outcome cannot be computed (money overflows).
    #[error("stored round: {0}")]
    Outcome(RoundError),
}

fn wrong(at: impl Into<String>, problem: impl Into<String>) -> StoredRoundError {
    StoredRoundError::Inconsistent {
        at: at.into(),
        problem: problem.into(),
    }
}

impl TryFrom<RoundRecord> for Round {
    type Error = StoredRoundError;

    /// Checks a stored round (see the [round module docs](super)).
    ///
    /// # Errors
    ///
    /// [`StoredRoundError`], naming the field or the list and entry.
    fn try_from(r: RoundRecord) -> Result<Round, StoredRoundError> {
        let setup = RoundSetup {
            year: r.year,
            reference_date: r.reference_date,
            places: Some(r.places),
            quotas: r.quotas.clone(),
            balances: r.initial_balances,
            earlier: r.earlier.clone(),
        };
        let fresh = Round::set_up(r.policy.clone(), setup).map_err(StoredRoundError::SetUp)?;
        if fresh.quotas != r.quotas {
            return Err(wrong("quotas", "are not sorted by recommender and kind"));
        }
        if fresh.earlier != r.earlier {
            return Err(wrong(
                "earlier",
                "is not sorted with its seats and specialties merged",
            ));
        }
        let round = Round {
            policy: r.policy,
            year: r.year,
            reference_date: r.reference_date,
            places: r.places,
            quotas: r.quotas,
            initial_balances: r.initial_balances,
            balances: r.balances,
            earlier: r.earlier,
            stage: r.stage,
            lists: r.lists,
            experts: r.experts,
            notice: r.notice,
            objections: r.objections,
            released_on: r.released_on,
        };
        round.check_lists()?;
        round.check_stage()?;
        let outcome = round.outcome().map_err(StoredRoundError::Outcome)?;
        check_invariants(&outcome).map_err(StoredRoundError::Invariant)?;
        Ok(round)
    }
}

impl Round {
    /// The lists as [`Round::submit`] holds them.
    fn check_lists(&self) -> Result<(), StoredRoundError> {
        for (li, pair) in self.lists.windows(2).enumerate() {
            if let [a, b] = pair {
                if (&a.recommender, a.kind) >= (&b.recommender, b.kind) {
                    return Err(wrong(
                        format!("lists[{}]", li.saturating_add(1)),
                        "is out of order or a second list for its recommender and kind",
                    ));
                }
            }
        }
        for (li, list) in self.lists.iter().enumerate() {
            let quota = self.quota(&list.recommender, list.kind);
            if list.quota != quota {
                return Err(wrong(
                    format!("lists[{li}].quota"),
                    format!("is {}, the round's quota is {quota}", list.quota),
                ));
            }
            if let Some(r) = list.refused.iter().find(|r| !r.is_whole_list()) {
                return Err(wrong(
                    format!("lists[{li}].refused"),
                    format!("holds {:?}, not a reason to refuse a list whole", r.kind()),
                ));
            }
            // The reasons a list's own content gives, as `submit` finds them
            // (R8); a list refused for standing applications elsewhere
            // also says so.
            let mut own = Vec::new();
            let missing = list.report.missing_parts();
            if !missing.is_empty() {
                own.push(Refusal::ReportIncomplete { missing });
            }
            let listed = u32::try_from(list.candidates.len()).unwrap_or(u32::MAX);
            if listed > quota {
                own.push(Refusal::OverQuota { listed, quota });
            }
            let applications: Vec<Application> = list
                .candidates
                .iter()
                .map(|c| c.application.clone())
                .collect();
            own.extend(law::duplicates(&applications));
            let stored: Vec<Refusal> = list
                .refused
                .iter()
                .filter(|r| r.kind() != RefusalKind::ApplicationOnOtherList)
                .cloned()
                .collect();
            if stored != own {
                return Err(wrong(
                    format!("lists[{li}].refused"),
                    "differs from the reasons its report, quota and entries give (R8)",
                ));
            }
            for attempt in &list.earlier_attempts {
                if attempt.reasons.is_empty() || attempt.reasons.iter().any(|r| !r.is_whole_list())
                {
                    return Err(wrong(
                        format!("lists[{li}].earlier_attempts"),
                        "holds an attempt without reasons to refuse it whole",
                    ));
                }
            }
            for (ci, c) in list.candidates.iter().enumerate() {
                let at = format!("lists[{li}].candidates[{ci}]");
                if usize::try_from(c.recommendation_rank).ok() != ci.checked_add(1) {
                    return Err(wrong(
                        format!("{at}.recommendation_rank"),
                        format!(
                            "is {}, its place on the list is {}",
                            c.recommendation_rank,
                            ci.saturating_add(1)
                        ),
                    ));
                }
                if c.application.kind != list.kind {
                    return Err(wrong(
                        format!("{at}.application.kind"),
                        "differs from its list's kind",
                    ));
                }
                if c.application.reference_date != self.reference_date {
                    return Err(wrong(
                        format!("{at}.application.reference_date"),
                        "differs from the round's reference date",
                    ));
                }
                let whole = match &c.verdict {
                    Verdict::Refused { reasons } => reasons.iter().any(Refusal::is_whole_list),
                    _ => false,
                };
                let refused_whole = !list.refused.is_empty();
                let as_list =
                    matches!(&c.verdict, Verdict::Refused { reasons } if *reasons == list.refused);
                if (refused_whole && !as_list) || (!refused_whole && whole) {
                    return Err(wrong(
                        format!("{at}.verdict"),
                        "does not follow its list's standing (refused whole or not)",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The city ranks of each kind are 1, 2, 3… in the order of R9
    /// ([`law::r9`]: score, recommendation rank, application) over the
    /// candidates the review ranked.
    fn check_ranking(&self) -> Result<(), StoredRoundError> {
        let mut by_kind: BTreeMap<ProjectKind, Vec<(Ranked<'_>, u32, String)>> = BTreeMap::new();
        for (li, list) in self.lists.iter().enumerate() {
            for (ci, c) in list.candidates.iter().enumerate() {
                if let (Some(score), Some(rank)) = (c.score, c.city_rank) {
                    by_kind.entry(list.kind).or_default().push((
                        Ranked {
                            score,
                            recommendation_rank: c.recommendation_rank,
                            application: &c.application.id,
                        },
                        rank,
                        format!("lists[{li}].candidates[{ci}].city_rank"),
                    ));
                }
            }
        }
        for ranked in by_kind.values_mut() {
            ranked.sort_by(|a, b| law::r9(&a.0, &b.0));
            for (place, (_, rank, at)) in ranked.iter().enumerate() {
                if usize::try_from(*rank).ok() != place.checked_add(1) {
                    return Err(wrong(
                        at.as_str(),
                        format!(
                            "is {rank}, but its score ranks it {} of its kind (R9)",
                            place.saturating_add(1)
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// What the stage has recorded, and has not yet.
    fn check_stage(&self) -> Result<(), StoredRoundError> {
        let stage = self.stage;
        let name = stage.name(crate::lang::Lang::En);
        let reviewed = stage >= Stage::Reviewed;
        let mut admitted: HashSet<&ApplicationId> = HashSet::new();
        let mut removed = 0usize;
        for (li, list) in self.lists.iter().enumerate() {
            for (ci, c) in list.candidates.iter().enumerate() {
                let at = format!("lists[{li}].candidates[{ci}]");
                let refused = matches!(c.verdict, Verdict::Refused { .. });
                let fits = match &c.verdict {
                    Verdict::Refused { .. } => true,
                    Verdict::Admitted => !reviewed,
                    Verdict::Selected { moved_up_for, .. } => {
                        reviewed && (moved_up_for.is_none() || stage >= Stage::Notice)
                    }
                    Verdict::NotSelected { .. } => reviewed,
                    Verdict::Removed { objection, .. } => {
                        removed = removed.saturating_add(1);
                        let upheld = self.objections.get(*objection).is_some_and(|o| {
                            o.objection.upheld && o.objection.application == c.application.id
                        });
                        stage >= Stage::Notice && upheld
                    }
                };
                if !fits {
                    return Err(wrong(
                        format!("{at}.verdict"),
                        format!("cannot stand at stage `{name}`"),
                    ));
                }
                if (reviewed && !refused) != c.score.is_some() {
                    return Err(wrong(
                        format!("{at}.score"),
                        format!("does not fit stage `{name}`"),
                    ));
                }
                if (reviewed && !refused) != c.city_rank.is_some() {
                    return Err(wrong(
                        format!("{at}.city_rank"),
                        format!("does not fit stage `{name}`"),
                    ));
                }
                if stage >= Stage::Closed && !refused && !admitted.insert(&c.application.id) {
                    return Err(wrong(
                        format!("{at}.application.id"),
                        "names an application another admitted candidate has",
                    ));
                }
            }
        }
        if reviewed {
            self.check_ranking()?;
        }
        if reviewed == self.experts.is_empty() {
            return Err(wrong("experts", format!("do not fit stage `{name}`")));
        }
        if (stage >= Stage::Notice) != self.notice.is_some() {
            return Err(wrong("notice", format!("does not fit stage `{name}`")));
        }
        if let Some(n) = self.notice {
            let past_policy = self
                .policy
                .effective_until()
                .is_some_and(|u| n.ends_on >= u);
            if n.starts_on < self.reference_date || n.ends_on < n.starts_on || past_policy {
                return Err(wrong(
                    "notice",
                    "must start on or after the reference date, end on or after its start and before the policy's last day",
                ));
            }
        }
        let upheld = self
            .objections
            .iter()
            .filter(|o| o.objection.upheld)
            .count();
        if (stage < Stage::Notice && !self.objections.is_empty()) || upheld != removed {
            return Err(wrong(
                "objections",
                format!("do not fit the verdicts at stage `{name}`"),
            ));
        }
        if let Some(n) = self.notice {
            if let Some(i) = self
                .objections
                .iter()
                .position(|o| !n.contains(o.objection.received_on))
            {
                return Err(wrong(
                    format!("objections[{i}].objection.received_on"),
                    "is outside the notice",
                ));
            }
        }
        match (stage == Stage::Final, self.released_on, self.notice) {
            (false, None, _) => {}
            (true, Some(on), Some(n)) if on > n.ends_on && self.policy.is_in_force(on) => {}
            _ => {
                return Err(wrong(
                    "released_on",
                    format!(
                        "does not fit stage `{name}` (a day after the notice, the policy in force)"
                    ),
                ));
            }
        }
        if !reviewed && self.balances != self.initial_balances {
            return Err(wrong(
                "balances",
                "differ from `initial_balances` before the review",
            ));
        }
        Ok(())
    }
}
