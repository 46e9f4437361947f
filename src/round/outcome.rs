//! The outcome of a round: every candidate's verdict with its clauses, the
//! money drawn, the projects created, and the coverage of 1.2.1 so far.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, KindCounts, SeatCoverage, SpecialtyCoverage};
use super::error::{RoundError, Stage};
use super::inputs::{
    ExpertMember, FundBalances, NoticePeriod, ObjectionRecord, Recommender, Score,
};
use super::list::{Candidate, RecommendationList};
use super::steps::Round;
use super::verdict::{Draw, Funding, Refusal, Verdict};
use crate::application::StudioLead;
use crate::clause::ClauseId;
use crate::domain::{ApplicationId, ProjectId, Seat, Specialty, UnitId};
use crate::domain::{Fund, ProjectKind};
use crate::money::{MoneyError, Yuan};
use crate::policy::{AnnualPlaces, PolicyRef};

impl Coverage {
    /// This coverage with the given projects added.
    ///
    /// ```
    /// use skill_grants::round::Coverage;
    /// assert_eq!(Coverage::default().with_projects(&[]), Coverage::default());
    /// ```
    pub fn with_projects(&self, projects: &[FundedProject]) -> Coverage {
        let mut c = self.clone();
        for p in projects {
            c.by_kind.bump(p.kind, 1);
            let mut counts = KindCounts::default();
            counts.bump(p.kind, 1);
            c.by_seat.push(SeatCoverage {
                seat: p.unit_seat.clone(),
                counts,
            });
            for s in &p.specialties {
                c.by_specialty.push(SpecialtyCoverage {
                    specialty: s.clone(),
                    training_bases: 1,
                });
            }
        }
        c.normalized()
    }
}

/// A project created by a released round (建设项目), with exactly what the
/// project lifecycle needs to start it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FundedProject {
    /// The project's id: year, kind (`TB` base, `ST` studio) and place in the
    /// city ranking among the funded of its kind (`2022-TB-01`).
    pub id: ProjectId,
    /// The application it came from.
    pub application: ApplicationId,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The unit.
    pub unit: UnitId,
    /// The unit's name.
    pub unit_name: String,
    /// Where the unit sits.
    pub unit_seat: Seat,
    /// For a base: its specialties (6.1).
    pub specialties: Vec<Specialty>,
    /// For a studio: its lead (1.2.2).
    pub lead: Option<StudioLead>,
    /// The subsidy (2.2).
    pub amount: Yuan,
    /// The draws per fund, in order of draw (2.2, R4).
    pub draws: Vec<Draw>,
    /// The release date (资金下达): the construction period counts from it (R10).
    pub released_on: NaiveDate,
    /// The policy that funded it.
    pub policy: PolicyRef,
}

impl FundedProject {
    /// The start record of this project's lifecycle ([`crate::lifecycle`]):
    /// the released subsidy opens the project's own account (7.1, R12).
    ///
    /// ```
    /// # use skill_grants::round::FundedProject;
    /// # fn start(p: &FundedProject) {
    /// let start = p.project_start();
    /// assert_eq!(start.released, p.amount);
    /// # }
    /// ```
    pub fn project_start(&self) -> crate::lifecycle::ProjectStart {
        crate::lifecycle::ProjectStart {
            project: self.id.clone(),
            kind: self.kind,
            unit: self.unit.clone(),
            unit_name: self.unit_name.clone(),
            seat: self.unit_seat.clone(),
            specialties: self.specialties.clone(),
            lead: self.lead.clone(),
            released: self.amount,
            released_on: self.released_on,
            policy: self.policy.clone(),
        }
    }
}

/// One recommender's list in the outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListOutcome {
    /// Who recommends.
    pub recommender: Recommender,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The quota (4.3).
    pub quota: u32,
    /// Candidates on the current list.
    pub listed: u32,
    /// Candidates not refused.
    pub admitted: u32,
    /// Reasons the list was refused whole (R8); empty when it stands.
    pub refused: Vec<Refusal>,
    /// How many earlier submissions were refused whole.
    pub earlier_attempts: u32,
}

/// One candidate in the outcome: where it stands and why, with the clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CandidateOutcome {
    /// The application.
    pub application: ApplicationId,
    /// Base or studio.
    pub kind: ProjectKind,
    /// The unit.
    pub unit: UnitId,
    /// The unit's name.
    pub unit_name: String,
    /// Where the unit sits.
    pub unit_seat: Seat,
    /// Who recommended it.
    pub recommender: Recommender,
    /// Its place on the recommender's list.
    pub recommendation_rank: u32,
    /// Its expert score, once reviewed.
    pub score: Option<Score>,
    /// Its place in the city ranking of its kind, once reviewed.
    pub city_rank: Option<u32>,
    /// Where it stands.
    pub verdict: Verdict,
    /// The clauses behind the verdict, in the notice's order.
    pub clauses: Vec<ClauseId>,
}

/// The subsidy per kind (2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Subsidies {
    /// Per training base.
    pub training_base: Yuan,
    /// Per studio.
    pub studio: Yuan,
}

impl Subsidies {
    /// The subsidy of a kind.
    pub const fn of(&self, kind: ProjectKind) -> Yuan {
        match kind {
            ProjectKind::TrainingBase => self.training_base,
            ProjectKind::Studio => self.studio,
        }
    }
}

/// A round's outcome (评审结果): see [`Round::outcome`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RoundOutcome {
    /// The year.
    pub year: i32,
    /// The reference date.
    pub reference_date: NaiveDate,
    /// The policy.
    pub policy: PolicyRef,
    /// The stage reached.
    pub stage: Stage,
    /// This year's places (R3).
    pub places: AnnualPlaces,
    /// The programme totals (1.2.1, 1.2.2, R3).
    pub programme_totals: KindCounts,
    /// Selected by earlier rounds (R3).
    pub selected_before: KindCounts,
    /// The subsidies (2.2).
    pub subsidies: Subsidies,
    /// The funds at set-up (2.2).
    pub balances: FundBalances,
    /// Drawn per fund by this round.
    pub drawn: FundBalances,
    /// What the funds hold now.
    pub remaining: FundBalances,
    /// The lists, by recommender and kind.
    pub lists: Vec<ListOutcome>,
    /// Every candidate on a current list: each kind (bases first) in city
    /// ranking order, then the refused by recommender and list order.
    pub candidates: Vec<CandidateOutcome>,
    /// The expert group (5).
    pub experts: Vec<ExpertMember>,
    /// The public notice (5, R9).
    pub notice: Option<NoticePeriod>,
    /// The objections, in order of recording.
    pub objections: Vec<ObjectionRecord>,
    /// The release date, once final.
    pub released_on: Option<NaiveDate>,
    /// The projects created (once final).
    pub projects: Vec<FundedProject>,
    /// The coverage of 1.2.1 so far: earlier rounds plus this round's projects.
    pub coverage: Coverage,
}

impl Round {
    /// The outcome so far: every candidate's verdict and clauses, money drawn
    /// per fund, the projects (once final) and the coverage of 1.2.1.
    ///
    /// The result does not depend on the order in which lists, quotas or
    /// scores were supplied.
    ///
    /// # Errors
    ///
    /// [`RoundError`] when a sum of money overflows or the round's state is inconsistent (never for a round built by its own steps or loaded through [`RoundRecord`](super::RoundRecord)).
    pub fn outcome(&self) -> Result<RoundOutcome, RoundError> {
        // Every candidate, in the outcome's order: kind, city rank (the
        // unranked last), recommender, recommendation rank. The key tells
        // any two candidates apart (a recommender has one list of a kind, a
        // list one candidate at a rank), so the sort is unstable and the
        // records are made once, in that order.
        let listed = self.lists.iter().map(RecommendationList::len).sum();
        let mut order = Vec::with_capacity(listed);
        let mut lists = Vec::with_capacity(self.lists.len());
        for list in &self.lists {
            let mut admitted = 0u32;
            for c in list.candidates() {
                if !matches!(c.verdict, Verdict::Refused { .. }) {
                    admitted = admitted.saturating_add(1);
                }
                let key = (
                    list.kind,
                    c.city_rank.unwrap_or(u32::MAX),
                    &list.recommender,
                    c.recommendation_rank,
                );
                order.push((key, list, c));
            }
            lists.push(ListOutcome {
                recommender: list.recommender.clone(),
                kind: list.kind,
                quota: list.quota,
                listed: u32::try_from(list.len()).unwrap_or(u32::MAX),
                admitted,
                refused: list.refused.clone(),
                earlier_attempts: u32::try_from(list.earlier_attempts.len()).unwrap_or(u32::MAX),
            });
        }
        order.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let candidates: Vec<CandidateOutcome> = order
            .into_iter()
            .map(|(_, list, c)| CandidateOutcome {
                application: c.application.id.clone(),
                kind: list.kind,
                unit: c.application.unit.id.clone(),
                unit_name: c.application.unit.name.clone(),
                unit_seat: c.application.unit.seat.clone(),
                recommender: list.recommender.clone(),
                recommendation_rank: c.recommendation_rank,
                score: c.score,
                city_rank: c.city_rank,
                clauses: c.verdict.clauses(list.kind, &list.recommender),
                verdict: c.verdict.clone(),
            })
            .collect();

        let mut drawn = FundBalances::default();
        for c in &candidates {
            if let Verdict::Selected {
                funding: Funding::Funded { draws, .. },
                ..
            } = &c.verdict
            {
                for d in draws {
                    let slot = drawn.slot(d.fund);
                    *slot = slot.checked_add(d.amount).map_err(RoundError::Money)?;
                }
            }
        }

        let projects = self.projects();
        let coverage = self.earlier.with_projects(&projects);
        let totals = KindCounts {
            training_bases: self.policy.programme_total(ProjectKind::TrainingBase),
            studios: self.policy.programme_total(ProjectKind::Studio),
        };
        Ok(RoundOutcome {
            year: self.year,
            reference_date: self.reference_date,
            policy: self.policy.reference(),
            stage: self.stage,
            places: self.places,
            programme_totals: totals,
            selected_before: self.earlier.by_kind,
            subsidies: Subsidies {
                training_base: self.policy.subsidy(ProjectKind::TrainingBase),
                studio: self.policy.subsidy(ProjectKind::Studio),
            },
            balances: self.initial_balances,
            drawn,
            remaining: self.balances,
            lists,
            candidates,
            experts: self.experts.clone(),
            notice: self.notice,
            objections: self.objections.clone(),
            released_on: self.released_on,
            projects,
            coverage,
        })
    }

    /// The projects created, once the round is final (5): one per selected,
    /// funded candidate, bases then studios, each in city ranking order.
    pub fn projects(&self) -> Vec<FundedProject> {
        let Some(released_on) = self.released_on else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for kind in ProjectKind::ALL {
            let mut funded: Vec<(u32, &Candidate, Yuan, &Vec<Draw>)> = self
                .lists
                .iter()
                .filter(|l| l.kind == kind)
                .flat_map(|l| l.candidates())
                .filter_map(|c| match &c.verdict {
                    Verdict::Selected {
                        funding: Funding::Funded { amount, draws },
                        ..
                    } => Some((c.city_rank.unwrap_or(u32::MAX), c, *amount, draws)),
                    _ => None,
                })
                .collect();
            funded.sort_by_key(|f| f.0);
            let code = match kind {
                ProjectKind::TrainingBase => "TB",
                ProjectKind::Studio => "ST",
            };
            for (n, (_, c, amount, draws)) in funded.into_iter().enumerate() {
                let app = &c.application;
                out.push(FundedProject {
                    id: ProjectId::new(format!(
                        "{}-{}-{:02}",
                        self.year,
                        code,
                        n.saturating_add(1)
                    )),
                    application: app.id.clone(),
                    kind,
                    unit: app.unit.id.clone(),
                    unit_name: app.unit.name.clone(),
                    unit_seat: app.unit.seat.clone(),
                    specialties: app.specialties.clone(),
                    lead: app.lead.clone(),
                    amount,
                    draws: draws.clone(),
                    released_on,
                    policy: self.policy.reference(),
                });
            }
        }
        out
    }
}

/// A broken invariant of a round outcome, found by [`check_invariants`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvariantViolation {
    /// More selected than the year's places (R3).
    #[error("{kind}: {selected} selected, past the year's {places} places")]
    PlacesExceeded {
        /// The kind.
        kind: ProjectKind,
        /// Selected.
        selected: u32,
        /// Places.
        places: u32,
    },
    /// Earlier plus this round past the programme total (R3).
    #[error("{kind}: {before} earlier + {selected} selected, past the programme total {total}")]
    ProgrammeTotalExceeded {
        /// The kind.
        kind: ProjectKind,
        /// Earlier rounds.
        before: u32,
        /// This round.
        selected: u32,
        /// The total.
        total: u32,
    },
    /// A standing list admitted more than its quota (4.3).
    #[error("{recommender}'s {kind} list admits {admitted}, past its quota {quota}")]
    QuotaExceeded {
        /// The recommender.
        recommender: Recommender,
        /// The kind.
        kind: ProjectKind,
        /// Admitted.
        admitted: u32,
        /// The quota.
        quota: u32,
    },
    /// A list refused whole still admits candidates (R8).
    #[error("{recommender}'s {kind} list is refused whole but admits {admitted}")]
    RefusedListAdmits {
        /// The recommender.
        recommender: Recommender,
        /// The kind.
        kind: ProjectKind,
        /// Admitted.
        admitted: u32,
    },
    /// A funded candidate's amount differs from its kind's subsidy or from its draws (R4).
    #[error("`{application}`: funded {amount}, draws add to {draws}, subsidy is {subsidy}")]
    WrongAmount {
        /// The application.
        application: ApplicationId,
        /// The amount recorded.
        amount: Yuan,
        /// The sum of its draws.
        draws: Yuan,
        /// The subsidy of its kind.
        subsidy: Yuan,
    },
    /// Drawn from a fund is not the sum of the funded draws, or past its balance,
    /// or the remaining balance does not add up.
    #[error(
        "{fund}: drawn {drawn}, funded draws {funded}, balance {balance}, remaining {remaining}"
    )]
    FundMismatch {
        /// The fund.
        fund: Fund,
        /// Drawn, as the outcome says.
        drawn: Yuan,
        /// The sum of the funded candidates' draws.
        funded: Yuan,
        /// The balance at set-up.
        balance: Yuan,
        /// The balance now.
        remaining: Yuan,
    },
    /// A candidate below the line outranks a selected one (R9).
    #[error("{kind}: `{not_selected}` (rank {rank}) is not selected, but a worse rank is")]
    RankingBroken {
        /// The kind.
        kind: ProjectKind,
        /// The candidate left out.
        not_selected: ApplicationId,
        /// Its rank.
        rank: u32,
    },
    /// The projects are not exactly the funded selected candidates (once final).
    #[error("{projects} projects for {funded} funded candidates")]
    ProjectsMismatch {
        /// Projects.
        projects: usize,
        /// Funded selected candidates (once final).
        funded: usize,
    },
    /// A sum overflowed.
    #[error("money: {0}")]
    Money(MoneyError),
}

/// Checks the invariants of a round outcome, for tests and auditors:
/// places, quotas and programme totals never exceeded (R3, 4.3); lists
/// refused whole admit nobody (R8); every funded amount is its kind's subsidy
/// and the sum of its draws; drawn per fund equals the funded draws and never
/// exceeds the balance, and remaining = balance − drawn (2.2, R4); nobody
/// below the line outranks a selected candidate (R9); once final, one project
/// per funded selected candidate with the same amount.
///
/// # Errors
///
/// [`InvariantViolation`] naming the first invariant that does not hold.
///
/// ```
/// use skill_grants::round::{check_invariants, Coverage, FundBalances, Round, RoundSetup};
/// use skill_grants::{AnnualPlaces, NaiveDate, Policy};
/// let round = Round::set_up(Policy::ordos_2022(), RoundSetup {
///     year: 2023,
///     reference_date: NaiveDate::from_ymd_opt(2023, 5, 1).unwrap(),
///     places: Some(AnnualPlaces { year: 2023, training_bases: 5, studios: 10 }),
///     quotas: vec![],
///     balances: FundBalances::default(),
///     earlier: Coverage::default(),
/// })?;
/// check_invariants(&round.outcome()?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_invariants(outcome: &RoundOutcome) -> Result<(), InvariantViolation> {
    let money = InvariantViolation::Money;
    for kind in ProjectKind::ALL {
        let of_kind = || outcome.candidates.iter().filter(move |c| c.kind == kind);
        let selected = of_kind()
            .filter(|c| matches!(c.verdict, Verdict::Selected { .. }))
            .count();
        let selected = u32::try_from(selected).unwrap_or(u32::MAX);
        let places = outcome.places.of(kind);
        if selected > places {
            return Err(InvariantViolation::PlacesExceeded {
                kind,
                selected,
                places,
            });
        }
        let before = outcome.selected_before.of(kind);
        let total = outcome.programme_totals.of(kind);
        if before.saturating_add(selected) > total {
            return Err(InvariantViolation::ProgrammeTotalExceeded {
                kind,
                before,
                selected,
                total,
            });
        }
        let worst_selected = of_kind()
            .filter(|c| matches!(c.verdict, Verdict::Selected { .. }))
            .filter_map(|c| c.city_rank)
            .max();
        if let Some(worst) = worst_selected {
            if let Some(c) = of_kind().find(|c| {
                matches!(c.verdict, Verdict::NotSelected { .. })
                    && c.city_rank.is_some_and(|r| r < worst)
            }) {
                return Err(InvariantViolation::RankingBroken {
                    kind,
                    not_selected: c.application.clone(),
                    rank: c.city_rank.unwrap_or(0),
                });
            }
        }
    }
    for l in &outcome.lists {
        if !l.refused.is_empty() && l.admitted > 0 {
            return Err(InvariantViolation::RefusedListAdmits {
                recommender: l.recommender.clone(),
                kind: l.kind,
                admitted: l.admitted,
            });
        }
        if l.admitted > l.quota {
            return Err(InvariantViolation::QuotaExceeded {
                recommender: l.recommender.clone(),
                kind: l.kind,
                admitted: l.admitted,
                quota: l.quota,
            });
        }
    }
    let mut funded_draws = FundBalances::default();
    let mut funded = 0usize;
    for c in &outcome.candidates {
        if let Verdict::Selected {
            funding: Funding::Funded { amount, draws },
            ..
        } = &c.verdict
        {
            funded = funded.saturating_add(1);
            let sum = Yuan::checked_sum(draws.iter().map(|d| d.amount)).map_err(money)?;
            let subsidy = outcome.subsidies.of(c.kind);
            if sum != *amount || *amount != subsidy {
                return Err(InvariantViolation::WrongAmount {
                    application: c.application.clone(),
                    amount: *amount,
                    draws: sum,
                    subsidy,
                });
            }
            for d in draws {
                let slot = funded_draws.slot(d.fund);
                *slot = slot.checked_add(d.amount).map_err(money)?;
            }
        }
    }
    for fund in Fund::ALL {
        let drawn = outcome.drawn.of(fund);
        let balance = outcome.balances.of(fund);
        let remaining = outcome.remaining.of(fund);
        let adds_up = balance.checked_sub(drawn).is_ok_and(|r| r == remaining);
        if drawn != funded_draws.of(fund) || drawn > balance || !adds_up {
            return Err(InvariantViolation::FundMismatch {
                fund,
                drawn,
                funded: funded_draws.of(fund),
                balance,
                remaining,
            });
        }
    }
    if outcome.stage == Stage::Final {
        let matches = outcome.projects.len() == funded && projects_match(outcome);
        if !matches {
            return Err(InvariantViolation::ProjectsMismatch {
                projects: outcome.projects.len(),
                funded,
            });
        }
    } else if !outcome.projects.is_empty() {
        return Err(InvariantViolation::ProjectsMismatch {
            projects: outcome.projects.len(),
            funded: 0,
        });
    }
    Ok(())
}

/// Every project is some funded selected candidate: the same application,
/// amount and draws. O(n log n): the candidates' keys in an ordered set.
fn projects_match(outcome: &RoundOutcome) -> bool {
    let funded: BTreeSet<(&ApplicationId, Yuan, &[Draw])> = outcome
        .candidates
        .iter()
        .filter_map(|c| match &c.verdict {
            Verdict::Selected {
                funding: Funding::Funded { amount, draws },
                ..
            } => Some((&c.application, *amount, draws.as_slice())),
            _ => None,
        })
        .collect();
    outcome
        .projects
        .iter()
        .all(|p| funded.contains(&(&p.application, p.amount, p.draws.as_slice())))
}
