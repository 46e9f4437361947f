//! The round itself: a checked state machine whose steps apply the rules of
//! [`law`](super::law) in the order of the notice.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, KindCounts};
use super::error::{RoundError, Stage, Step};
use super::inputs::{
    CandidateScore, CityReview, ExpertMember, FundBalances, NoticePeriod, ObjectionRecord, Quota,
    Recommendation, Recommender, RoundSetup, Score,
};
use super::law::{self, Listing, Ranked};
use super::list::{Candidate, RecommendationList, RefusedAttempt, SubmissionReceipt};
use super::verdict::{Funding, NotSelectedReason, Refusal, Verdict};
use crate::application::Application;
use crate::domain::ApplicationId;
use crate::domain::ProjectKind;
use crate::eligibility;
use crate::policy::{AnnualPlaces, Policy};

/// An annual round (年度评审, 2.1). See the [module docs](super) for its
/// steps; its value is exactly its serialized form, which is checked when
/// read ([`StoredRoundError`](super::StoredRoundError)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "super::stored::RoundRecord")]
pub struct Round {
    pub(super) policy: Policy,
    pub(super) year: i32,
    pub(super) reference_date: NaiveDate,
    pub(super) places: AnnualPlaces,
    pub(super) quotas: Vec<Quota>,
    pub(super) initial_balances: FundBalances,
    pub(super) balances: FundBalances,
    pub(super) earlier: Coverage,
    pub(super) stage: Stage,
    pub(super) lists: Vec<RecommendationList>,
    #[serde(default)]
    pub(super) experts: Vec<ExpertMember>,
    #[serde(default)]
    pub(super) notice: Option<NoticePeriod>,
    #[serde(default)]
    pub(super) objections: Vec<ObjectionRecord>,
    #[serde(default)]
    pub(super) released_on: Option<NaiveDate>,
}

/// Where a candidate is held: its list's index in [`Round::lists`] and its
/// own on that list.
pub(super) type At = (usize, usize);

impl Round {
    /// Sets a round up (2.1, 4.3, R3) and opens it for recommendations.
    ///
    /// Quotas are kept sorted, so their order does not matter; the earlier
    /// coverage is normalised the same way.
    ///
    /// # Law
    ///
    /// 2.1 (annual rounds within the programme's years), 4.3 (one quota per
    /// recommender and kind), R3 (the year's places; what earlier rounds
    /// selected counts against the programme totals): [`Step::SetUp`].
    ///
    /// # Errors
    ///
    /// [`RoundError::YearOutsideProgramme`], [`RoundError::PolicyNotInForce`],
    /// [`RoundError::PlacesMissing`], [`RoundError::PlacesForAnotherYear`],
    /// [`RoundError::QuotaTwice`], [`RoundError::CoverageInconsistent`],
    /// [`RoundError::EarlierPastTotal`].
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::round::{Round, Stage};
    /// use skill_grants::{sample, Policy};
    /// let round = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022())?;
    /// assert_eq!(round.stage(), Stage::Open);
    /// assert_eq!(round.year(), 2022);
    /// # Ok::<(), skill_grants::RoundError>(())
    /// ```
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
        })
    }

    /// The round is at the stage `step` needs, or the error that says not.
    pub(super) fn expect(&self, step: Step) -> Result<(), RoundError> {
        match step.expects() {
            Some(expected) if expected != self.stage => Err(RoundError::OutOfOrder {
                step,
                expected,
                stage: self.stage,
            }),
            _ => Ok(()),
        }
    }

    /// The quota of a recommender for a kind (4.3); zero when none was set.
    ///
    /// ```
    /// use skill_grants::round::Recommender;
    /// use skill_grants::{Banner, ProjectKind};
    /// let round = skill_grants::sample::round_2022()?;
    /// let nobody = Recommender::Body(skill_grants::domain::BodyId::new("无此单位"));
    /// assert_eq!(round.quota(&nobody, ProjectKind::Studio), 0);
    /// assert!(round.quota(&Recommender::Banner(Banner::Dongsheng), ProjectKind::TrainingBase) > 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quota(&self, recommender: &Recommender, kind: ProjectKind) -> u32 {
        // The quotas are sorted by recommender and kind (set-up).
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
    /// # Law
    ///
    /// 4.1, 4.2, 4.3 and R8: [`Step::Submit`]; the whole-list reasons by
    /// [`law::duplicates`] and [`law::on_other_list`], an entry's by
    /// [`law::entry_refusals`].
    ///
    /// # Errors
    ///
    /// Nothing is recorded when: the round is not open
    /// ([`RoundError::OutOfOrder`]); a list already stands for this
    /// recommender and kind ([`RoundError::AlreadySubmitted`]); an entry is of
    /// another kind or carries another reference date
    /// ([`RoundError::KindMismatch`], [`RoundError::ReferenceDateMismatch`],
    /// the first such entry); an application is malformed, in a list that is
    /// not refused whole ([`RoundError::Application`], the first one).
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::round::Round;
    /// use skill_grants::{sample, Policy};
    /// let mut round = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022())?;
    /// for recommendation in sample::recommendations_2022() {
    ///     let receipt = round.submit(recommendation)?;
    ///     // Each entry is admitted or refused with its reasons.
    ///     for (application, reasons) in &receipt.refused {
    ///         assert!(!reasons.is_empty(), "{application}");
    ///     }
    /// }
    /// assert!(!round.lists().is_empty());
    /// # Ok::<(), skill_grants::RoundError>(())
    /// ```
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
        for (i, application) in candidates.iter().enumerate() {
            self.check_entry(&recommender, kind, i, application)?;
        }

        // Whole-list reasons (R8).
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
        list_refused.extend(law::duplicates(&candidates));
        // Gathered first, so that the law's look-up table is made at its size.
        let standing: Vec<(ProjectKind, &ApplicationId)> =
            self.standing_elsewhere(&recommender, kind).collect();
        list_refused.extend(law::on_other_list(&candidates, standing));

        // One by one: placement (4.1, 4.2) and eligibility (R8).
        let mut entries = Vec::with_capacity(candidates.len());
        let mut admitted = Vec::with_capacity(if list_refused.is_empty() {
            candidates.len()
        } else {
            0
        });
        let mut refused = Vec::new();
        for (i, application) in candidates.into_iter().enumerate() {
            let verdict = if list_refused.is_empty() {
                let decision =
                    eligibility::decide(&self.policy, &application).map_err(|source| {
                        RoundError::Application {
                            recommender: recommender.clone(),
                            position: position(i),
                            source,
                        }
                    })?;
                let reasons = law::entry_refusals(&recommender, &application, decision);
                if reasons.is_empty() {
                    admitted.push(application.id.clone());
                    Verdict::Admitted
                } else {
                    refused.push((application.id.clone(), reasons.clone()));
                    Verdict::Refused { reasons }
                }
            } else {
                Verdict::Refused {
                    reasons: list_refused.clone(),
                }
            };
            entries.push(Candidate {
                application,
                recommendation_rank: position(i),
                score: None,
                city_rank: None,
                verdict,
            });
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
            candidates: entries,
            earlier_attempts: Vec::new(),
        };
        match slot {
            Ok(i) => {
                if let Some(old) = self.lists.get_mut(i) {
                    let previous = std::mem::replace(old, list);
                    old.earlier_attempts = previous.earlier_attempts;
                    old.earlier_attempts.push(RefusedAttempt {
                        applications: previous
                            .candidates
                            .into_iter()
                            .map(|c| c.application.id)
                            .collect(),
                        reasons: previous.refused,
                    });
                }
            }
            Err(i) => self.lists.insert(i, list),
        }
        Ok(receipt)
    }

    /// The applications on the recommender's lists of other kinds that
    /// stand (not refused whole), with their list's kind (R8).
    fn standing_elsewhere<'a>(
        &'a self,
        recommender: &'a Recommender,
        kind: ProjectKind,
    ) -> impl Iterator<Item = (ProjectKind, &'a ApplicationId)> + 'a {
        self.lists
            .iter()
            .filter(move |l| l.recommender == *recommender && l.kind != kind)
            .filter(|l| l.refused.is_empty())
            .flat_map(|l| {
                l.candidates
                    .iter()
                    .map(move |c| (l.kind, &c.application.id))
            })
    }

    /// An entry must be of its list's kind and carry the round's reference date.
    fn check_entry(
        &self,
        recommender: &Recommender,
        kind: ProjectKind,
        i: usize,
        application: &Application,
    ) -> Result<(), RoundError> {
        if application.kind != kind {
            return Err(RoundError::KindMismatch {
                recommender: recommender.clone(),
                kind,
                position: position(i),
                application: application.id.clone(),
                application_kind: application.kind,
            });
        }
        if application.reference_date != self.reference_date {
            return Err(RoundError::ReferenceDateMismatch {
                application: application.id.clone(),
                date: application.reference_date,
                round_date: self.reference_date,
            });
        }
        Ok(())
    }

    /// Closes submissions (4.1, 4.2). An application, or a unit for the same
    /// kind, that stands on more than one recommender's list is refused on
    /// every one of them; the result does not depend on the order in which
    /// lists arrived.
    ///
    /// # Law
    ///
    /// 4.1, 4.2 and R8: [`Step::CloseSubmissions`], by
    /// [`law::listed_by_others`].
    ///
    /// # Errors
    ///
    /// [`RoundError::OutOfOrder`] unless the round is open.
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::round::{Round, Stage};
    /// use skill_grants::{sample, Policy};
    /// let mut round = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022())?;
    /// for recommendation in sample::recommendations_2022() {
    ///     round.submit(recommendation)?;
    /// }
    /// round.close_submissions()?;
    /// assert_eq!(round.stage(), Stage::Closed);
    /// assert!(round.close_submissions().is_err()); // once only
    /// # Ok::<(), skill_grants::RoundError>(())
    /// ```
    pub fn close_submissions(&mut self) -> Result<(), RoundError> {
        self.expect(Step::CloseSubmissions)?;
        let listed = self.lists.iter().map(RecommendationList::len).sum();
        let mut listings: Vec<Listing<'_>> = Vec::with_capacity(listed);
        for list in &self.lists {
            for c in &list.candidates {
                if matches!(c.verdict, Verdict::Admitted) {
                    listings.push(Listing {
                        recommender: &list.recommender,
                        kind: list.kind,
                        application: &c.application.id,
                        unit: &c.application.unit.id,
                    });
                }
            }
        }
        // By index, in ascending order.
        let mut refused = law::listed_by_others(&listings).into_iter().peekable();
        drop(listings);
        // The admitted candidates again, in the same order.
        let mut i = 0;
        for list in &mut self.lists {
            for c in &mut list.candidates {
                if !matches!(c.verdict, Verdict::Admitted) {
                    continue;
                }
                if let Some((_, others)) = refused.next_if(|(at, _)| *at == i) {
                    c.verdict = Verdict::Refused {
                        reasons: vec![Refusal::ListedByOthers { others }],
                    };
                }
                i += 1;
            }
        }
        self.stage = Stage::Closed;
        Ok(())
    }

    /// The city review (5): records the expert group and the scores, ranks
    /// each kind, selects up to the year's places and what remains of the
    /// programme total, and funds the selected: kinds in
    /// [`Policy::kind_funding_order`], each in ranking order; the funds in
    /// [`Policy::funding_order`], split to the fen; a project the two cannot
    /// pay is not funded, and a cheaper one after it may still be.
    ///
    /// # Law
    ///
    /// 5 and 2.2: [`Step::Review`]. The ranking is R9 ([`law::r9`]: score
    /// descending, recommendation rank ascending, application id ascending),
    /// the limit R3 ([`law::selection_limit`]), the payment R4
    /// ([`law::pay`]).
    ///
    /// # Errors
    ///
    /// Nothing is recorded when: the round is not closed
    /// ([`RoundError::OutOfOrder`]); the expert group is empty or an expert's
    /// name blank ([`RoundError::NoExperts`], [`RoundError::ExpertNameBlank`]);
    /// a score, in the order given, names an application on no list, a refused
    /// one, or one scored before ([`RoundError::ScoreForUnknown`],
    /// [`RoundError::ScoreForRefused`], [`RoundError::ScoreTwice`]); an
    /// admitted candidate, in list order, has no score
    /// ([`RoundError::ScoreMissing`]); money overflows ([`RoundError::Money`]).
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::round::{CandidateScore, CityReview, Round, Stage, Verdict};
    /// use skill_grants::{sample, Policy};
    /// let mut round = Round::set_up(Policy::ordos_2022(), sample::round_setup_2022())?;
    /// for recommendation in sample::recommendations_2022() {
    ///     round.submit(recommendation)?;
    /// }
    /// round.close_submissions()?;
    /// let scores = round
    ///     .lists()
    ///     .iter()
    ///     .flat_map(|l| l.candidates())
    ///     .filter(|c| matches!(c.verdict, Verdict::Admitted))
    ///     .map(|c| CandidateScore {
    ///         application: c.application.id.clone(),
    ///         score: sample::score_2022(&c.application.id),
    ///     })
    ///     .collect();
    /// round.review(CityReview { experts: sample::experts_2022(), scores })?;
    /// assert_eq!(round.stage(), Stage::Reviewed);
    /// # Ok::<(), skill_grants::RoundError>(())
    /// ```
    pub fn review(&mut self, review: CityReview) -> Result<(), RoundError> {
        self.expect(Step::Review)?;
        if review.experts.is_empty() {
            return Err(RoundError::NoExperts);
        }
        if let Some(index) = review.experts.iter().position(|e| e.name.trim().is_empty()) {
            return Err(RoundError::ExpertNameBlank { index });
        }
        let CityReview { experts, scores } = review;
        let scores = self.match_scores(scores)?;
        let (places, counts) = self.rank(&scores);

        // Select the first of each kind (R3) and fund them, kinds in the
        // policy's order, each in ranking order (R4): all paid before
        // anything is recorded, as a payment can fail.
        let mut balances = self.balances;
        let mut fundings: BTreeMap<ProjectKind, Vec<Option<Funding>>> = BTreeMap::new();
        for kind in self.policy.kind_funding_order() {
            let (limit, _) = self.selection_limit(kind);
            let subsidy = self.policy.subsidy(kind);
            let selected = limit.min(counts.of(kind));
            let mut paid = Vec::new();
            for _ in 0..selected {
                paid.push(Some(
                    law::pay(self.policy.funding_order(), &mut balances, subsidy)
                        .map_err(RoundError::Money)?,
                ));
            }
            fundings.insert(kind, paid);
        }

        // Record, in list order: nothing can fail from here on. The first of
        // each kind are selected with their funding, the rest not selected.
        let reasons = ProjectKind::ALL.map(|kind| (kind, self.selection_limit(kind).1));
        let mut admitted = scores.into_iter().zip(places);
        for list in &mut self.lists {
            let reason = reasons
                .iter()
                .find(|(kind, _)| *kind == list.kind)
                .map(|(_, reason)| *reason);
            let mut paid = fundings.get_mut(&list.kind);
            for c in &mut list.candidates {
                if !matches!(c.verdict, Verdict::Admitted) {
                    continue;
                }
                let (Some((score, place)), Some(reason)) = (admitted.next(), reason) else {
                    continue;
                };
                let funding = paid
                    .as_mut()
                    .and_then(|paid| paid.get_mut(place))
                    .and_then(Option::take);
                c.score = Some(score);
                c.city_rank = Some(position(place));
                c.verdict = match funding {
                    Some(funding) => Verdict::Selected {
                        funding,
                        moved_up_for: None,
                    },
                    None => Verdict::NotSelected { reason },
                };
            }
        }
        self.balances = balances;
        self.experts = experts;
        self.stage = Stage::Reviewed;
        Ok(())
    }

    /// The admitted candidates, in list order, with their list's kind.
    fn admitted(&self) -> impl Iterator<Item = (ProjectKind, &Candidate)> {
        self.lists.iter().flat_map(|l| {
            l.candidates
                .iter()
                .filter(|c| matches!(c.verdict, Verdict::Admitted))
                .map(move |c| (l.kind, c))
        })
    }

    /// Each admitted candidate's score, in list order, found by its
    /// application id: a score names an admitted candidate (where two have
    /// the id, the later in list order), or the error names the first score
    /// that names none — a refused candidate or an id on no list — or comes
    /// twice; then the first admitted candidate, in list order, without a
    /// score.
    fn match_scores(&self, scores: Vec<CandidateScore>) -> Result<Vec<Score>, RoundError> {
        let listed = self.lists.iter().map(RecommendationList::len).sum();
        // Each admitted candidate's index in list order, by its id's text
        // (so that a look-up reads the texts, not the candidates). Looked up
        // only, never iterated.
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(listed);
        let mut admitted = 0usize;
        for (i, (_, c)) in self.admitted().enumerate() {
            by_id.insert(c.application.id.as_str(), i);
            admitted = i.saturating_add(1);
        }
        // One slot per admitted candidate (their ids are distinct once
        // submissions close, so every index of `by_id` has its slot).
        let mut found: Vec<Option<Score>> = vec![None; admitted];
        // Each score is dropped as soon as it is matched.
        for s in scores {
            let Some(i) = by_id.get(s.application.as_str()) else {
                let listed = self
                    .lists
                    .iter()
                    .flat_map(|l| l.candidates.iter())
                    .any(|c| c.application.id == s.application);
                let application = s.application;
                return Err(if listed {
                    RoundError::ScoreForRefused { application }
                } else {
                    RoundError::ScoreForUnknown { application }
                });
            };
            if found
                .get_mut(*i)
                .and_then(|slot| slot.replace(s.score))
                .is_some()
            {
                return Err(RoundError::ScoreTwice {
                    application: s.application,
                });
            }
        }
        drop(by_id);
        if let Some(missing) = found.iter().position(Option::is_none) {
            if let Some((_, c)) = self.admitted().nth(missing) {
                return Err(RoundError::ScoreMissing {
                    application: c.application.id.clone(),
                });
            }
        }
        Ok(found.into_iter().flatten().collect())
    }

    /// Ranks each kind (R9): each admitted candidate's place in its kind's
    /// ranking (0 = first), in list order, given their `scores` in list
    /// order; and how many there are of each kind.
    fn rank(&self, scores: &[Score]) -> (Vec<usize>, KindCounts) {
        let mut counts = KindCounts::default();
        for (kind, _) in self.admitted() {
            counts.bump(kind, 1);
        }
        // Each admitted candidate's index in list order, with its R9 key.
        let mut by_kind: BTreeMap<ProjectKind, Vec<(usize, Ranked<'_>)>> = BTreeMap::new();
        for (i, ((kind, c), score)) in self.admitted().zip(scores).enumerate() {
            let size = usize::try_from(counts.of(kind)).unwrap_or(0);
            by_kind
                .entry(kind)
                .or_insert_with(|| Vec::with_capacity(size))
                .push((
                    i,
                    Ranked {
                        score: *score,
                        recommendation_rank: c.recommendation_rank,
                        application: &c.application.id,
                    },
                ));
        }
        let mut places = vec![0; scores.len()];
        for ranked in by_kind.values_mut() {
            // R9 tells any two admitted candidates apart, as no two share an
            // application id once submissions are closed: an unstable sort
            // gives the one order there is.
            ranked.sort_unstable_by(|a, b| law::r9(&a.1, &b.1));
            for (place, (i, _)) in ranked.iter().enumerate() {
                if let Some(slot) = places.get_mut(*i) {
                    *slot = place;
                }
            }
        }
        (places, counts)
    }

    /// How many of a kind this round may select, and what binds (R3).
    fn selection_limit(&self, kind: ProjectKind) -> (u32, NotSelectedReason) {
        law::selection_limit(
            self.places.of(kind),
            self.policy.programme_total(kind),
            self.earlier.by_kind.of(kind),
        )
    }

    /// The candidate held at `at`.
    pub(super) fn candidate(&self, (li, ci): At) -> Option<&Candidate> {
        self.lists.get(li).and_then(|l| l.candidates.get(ci))
    }

    /// The candidate held at `at`, to change it.
    pub(super) fn candidate_mut(&mut self, (li, ci): At) -> Option<&mut Candidate> {
        self.lists
            .get_mut(li)
            .and_then(|l| l.candidates.get_mut(ci))
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

/// 1-based position from a 0-based index.
fn position(i: usize) -> u32 {
    u32::try_from(i).map_or(u32::MAX, |i| i.saturating_add(1))
}
