//! Where a candidate stands and why: the refusals of R8 and eligibility,
//! the verdicts of the city review (5, R3, R4, R9) and how a subsidy is paid
//! from the two funds (2.2, R4).
//!
//! Each refusal and each verdict is a rule of the notice: its kind
//! ([`RefusalKind`], [`VerdictKind`]) gives the rule's stable id, clauses,
//! reading and gloss in one `match` ([`RefusalKind::law`], [`VerdictKind::law`]),
//! which the registry ([`crate::rules`]) collects.

use serde::{Deserialize, Serialize};

use super::inputs::{Recommender, ReportPart};
use crate::clause::{ClauseId, Law};
use crate::domain::{ApplicationId, BodyId, Seat, UnitId};
use crate::domain::{Banner, Fund, ProjectKind};
use crate::eligibility::{self, Decision};
use crate::money::Yuan;

/// Why a list or a candidate is refused (R8, eligibility).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, tag = "reason", rename_all = "snake_case")]
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
    /// An application already stands on the recommender's list of the other
    /// kind: a recommender names an application once, on one list, so this
    /// list is refused whole (4.1, 4.2, R8).
    ApplicationOnOtherList {
        /// The application.
        application: ApplicationId,
        /// The kind of the recommender's list it already stands on.
        kind: ProjectKind,
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

/// The kind of a [`Refusal`], without its data: the rule it applies.
///
/// ```
/// use skill_grants::round::{Refusal, RefusalKind};
/// use skill_grants::ClauseId;
/// let r = Refusal::OverQuota { listed: 3, quota: 2 };
/// assert_eq!(r.kind(), RefusalKind::OverQuota);
/// let law = r.kind().law();
/// assert_eq!(law.id, "round.refusal.over_quota");
/// assert!(law.cites(ClauseId::C4_3));
/// assert_eq!(law.reading, Some("R8"));
/// assert_eq!(RefusalKind::ALL.len(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefusalKind {
    /// [`Refusal::OverQuota`].
    OverQuota,
    /// [`Refusal::ReportIncomplete`].
    ReportIncomplete,
    /// [`Refusal::UnitListedTwice`].
    UnitListedTwice,
    /// [`Refusal::ApplicationListedTwice`].
    ApplicationListedTwice,
    /// [`Refusal::ApplicationOnOtherList`].
    ApplicationOnOtherList,
    /// [`Refusal::OutsideJurisdiction`].
    OutsideJurisdiction,
    /// [`Refusal::NotUnderBody`].
    NotUnderBody,
    /// [`Refusal::NotIndependentLegalPerson`].
    NotIndependentLegalPerson,
    /// [`Refusal::ListedByOthers`].
    ListedByOthers,
    /// [`Refusal::Ineligible`].
    Ineligible,
}

/// 4.1 and 4.2: a refusal cites the clause under which its recommender
/// recommends, whichever it is.
const RECOMMENDATION: &[ClauseId] = &[ClauseId::C4_1, ClauseId::C4_2];

impl RefusalKind {
    /// Every kind of refusal, whole-list reasons first.
    pub const ALL: [RefusalKind; 10] = [
        RefusalKind::OverQuota,
        RefusalKind::ReportIncomplete,
        RefusalKind::UnitListedTwice,
        RefusalKind::ApplicationListedTwice,
        RefusalKind::ApplicationOnOtherList,
        RefusalKind::OutsideJurisdiction,
        RefusalKind::NotUnderBody,
        RefusalKind::NotIndependentLegalPerson,
        RefusalKind::ListedByOthers,
        RefusalKind::Ineligible,
    ];

    /// The rule: its id, every clause it may cite, its reading and gloss.
    /// [`Refusal::clauses`] gives the clauses of one refusal.
    pub const fn law(self) -> Law {
        let (id, clauses, reading, gloss): (_, &'static [ClauseId], _, _) = match self {
            RefusalKind::OverQuota => (
                "round.refusal.over_quota",
                &[ClauseId::C4_1, ClauseId::C4_2, ClauseId::C4_3],
                Some("R8"),
                "a list longer than the recommender's quota is refused whole",
            ),
            RefusalKind::ReportIncomplete => (
                "round.refusal.report_incomplete",
                RECOMMENDATION,
                Some("R8"),
                "a list whose report lacks its procedure, methods or expert composition is refused whole",
            ),
            RefusalKind::UnitListedTwice => (
                "round.refusal.unit_listed_twice",
                RECOMMENDATION,
                Some("R8"),
                "a list naming one unit twice is refused whole",
            ),
            RefusalKind::ApplicationListedTwice => (
                "round.refusal.application_listed_twice",
                RECOMMENDATION,
                Some("R8"),
                "a list naming one application twice is refused whole",
            ),
            RefusalKind::ApplicationOnOtherList => (
                "round.refusal.application_on_other_list",
                RECOMMENDATION,
                Some("R8"),
                "a list naming an application that stands on the recommender's list of the other kind is refused whole",
            ),
            RefusalKind::OutsideJurisdiction => (
                "round.refusal.outside_jurisdiction",
                &[ClauseId::C4_1],
                Some("R8"),
                "a banner lists a unit outside its jurisdiction: that entry is refused",
            ),
            RefusalKind::NotUnderBody => (
                "round.refusal.not_under_body",
                &[ClauseId::C4_2],
                Some("R8"),
                "a body lists a unit not directly under it: that entry is refused",
            ),
            RefusalKind::NotIndependentLegalPerson => (
                "round.refusal.not_independent_legal_person",
                &[ClauseId::C4_2],
                Some("R8"),
                "a body lists a unit that is not an independent legal person: that entry is refused",
            ),
            RefusalKind::ListedByOthers => (
                "round.refusal.listed_by_others",
                RECOMMENDATION,
                Some("R8"),
                "an application, or a unit for one kind, on more than one recommender's list is refused on every one",
            ),
            // Cites the failed findings, each with its own rule and reading:
            // every clause an eligibility rule cites (a test checks the list).
            RefusalKind::Ineligible => (
                "round.refusal.ineligible",
                &[
                    ClauseId::C1_2_1,
                    ClauseId::C1_2_2,
                    ClauseId::C3_1,
                    ClauseId::C3_2,
                    ClauseId::C3_3,
                    ClauseId::C3_4,
                    ClauseId::C4_2,
                    ClauseId::C6_1,
                ],
                None,
                "an entry whose eligibility decision failed is refused, citing the failed findings' clauses",
            ),
        };
        Law {
            id,
            clauses,
            reading,
            gloss,
        }
    }

    /// How Rust code names the rule, for the clause map.
    pub(crate) const fn code(self) -> &'static str {
        match self {
            RefusalKind::OverQuota => "Refusal::OverQuota",
            RefusalKind::ReportIncomplete => "Refusal::ReportIncomplete",
            RefusalKind::UnitListedTwice => "Refusal::UnitListedTwice",
            RefusalKind::ApplicationListedTwice => "Refusal::ApplicationListedTwice",
            RefusalKind::ApplicationOnOtherList => "Refusal::ApplicationOnOtherList",
            RefusalKind::OutsideJurisdiction => "Refusal::OutsideJurisdiction",
            RefusalKind::NotUnderBody => "Refusal::NotUnderBody",
            RefusalKind::NotIndependentLegalPerson => "Refusal::NotIndependentLegalPerson",
            RefusalKind::ListedByOthers => "Refusal::ListedByOthers",
            RefusalKind::Ineligible => "Refusal::Ineligible",
        }
    }

    /// True for the reasons that refuse a whole list (R8).
    pub const fn is_whole_list(self) -> bool {
        match self {
            RefusalKind::OverQuota
            | RefusalKind::ReportIncomplete
            | RefusalKind::UnitListedTwice
            | RefusalKind::ApplicationListedTwice
            | RefusalKind::ApplicationOnOtherList => true,
            RefusalKind::OutsideJurisdiction
            | RefusalKind::NotUnderBody
            | RefusalKind::NotIndependentLegalPerson
            | RefusalKind::ListedByOthers
            | RefusalKind::Ineligible => false,
        }
    }
}

impl Refusal {
    /// Its kind: the rule it applies.
    pub const fn kind(&self) -> RefusalKind {
        match self {
            Refusal::OverQuota { .. } => RefusalKind::OverQuota,
            Refusal::ReportIncomplete { .. } => RefusalKind::ReportIncomplete,
            Refusal::UnitListedTwice { .. } => RefusalKind::UnitListedTwice,
            Refusal::ApplicationListedTwice { .. } => RefusalKind::ApplicationListedTwice,
            Refusal::ApplicationOnOtherList { .. } => RefusalKind::ApplicationOnOtherList,
            Refusal::OutsideJurisdiction { .. } => RefusalKind::OutsideJurisdiction,
            Refusal::NotUnderBody { .. } => RefusalKind::NotUnderBody,
            Refusal::NotIndependentLegalPerson { .. } => RefusalKind::NotIndependentLegalPerson,
            Refusal::ListedByOthers { .. } => RefusalKind::ListedByOthers,
            Refusal::Ineligible { .. } => RefusalKind::Ineligible,
        }
    }

    /// True for the reasons that refuse a whole list.
    ///
    /// ```
    /// use skill_grants::round::Refusal;
    /// assert!(Refusal::OverQuota { listed: 3, quota: 2 }.is_whole_list());
    /// assert!(!Refusal::ListedByOthers { others: vec![] }.is_whole_list());
    /// ```
    pub fn is_whole_list(&self) -> bool {
        self.kind().is_whole_list()
    }

    /// The clauses this refusal cites, given who recommended: always among
    /// its kind's [`Law::clauses`].
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
            | Refusal::ApplicationOnOtherList { .. }
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

/// One fund's share of a subsidy (2.2, R4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Draw {
    /// The fund.
    pub fund: Fund,
    /// The amount drawn from it.
    pub amount: Yuan,
}

/// How a selected candidate's subsidy is paid (2.2, R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, tag = "status", rename_all = "snake_case")]
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
#[serde(deny_unknown_fields, tag = "bound", rename_all = "snake_case")]
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
#[serde(deny_unknown_fields, tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// Refused, with every reason found.
    Refused {
        /// The reasons.
        reasons: Vec<Refusal>,
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
        /// The index of the objection in
        /// [`Round::objections`](super::Round::objections).
        #[cfg_attr(
            feature = "schema",
            schemars(description = "The index of the objection in [`Round::objections`].")
        )]
        objection: usize,
        /// The draws returned to the funds.
        returned: Vec<Draw>,
    },
}

/// The kind of a [`Verdict`] other than [`Verdict::Refused`] (whose
/// reasons are rules of their own, [`RefusalKind`]), with the funding or the
/// bound that names the rule: the rule it applies.
///
/// ```
/// use skill_grants::round::{NotSelectedReason, Verdict, VerdictKind};
/// let v = Verdict::NotSelected { reason: NotSelectedReason::PlacesFilled { places: 2 } };
/// assert_eq!(v.kind(), Some(VerdictKind::NotSelectedPlacesFilled));
/// assert_eq!(VerdictKind::NotSelectedPlacesFilled.law().id, "round.verdict.not_selected.places_filled");
/// assert_eq!(VerdictKind::ALL.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VerdictKind {
    /// [`Verdict::Admitted`].
    Admitted,
    /// [`Verdict::Selected`] with [`Funding::Funded`].
    SelectedFunded,
    /// [`Verdict::Selected`] with [`Funding::NotFunded`].
    SelectedNotFunded,
    /// [`Verdict::NotSelected`] for [`NotSelectedReason::PlacesFilled`].
    NotSelectedPlacesFilled,
    /// [`Verdict::NotSelected`] for [`NotSelectedReason::ProgrammeTotalReached`].
    NotSelectedProgrammeTotalReached,
    /// [`Verdict::Removed`].
    Removed,
}

impl VerdictKind {
    /// Every kind of verdict, in the order of the round.
    pub const ALL: [VerdictKind; 6] = [
        VerdictKind::Admitted,
        VerdictKind::SelectedFunded,
        VerdictKind::SelectedNotFunded,
        VerdictKind::NotSelectedPlacesFilled,
        VerdictKind::NotSelectedProgrammeTotalReached,
        VerdictKind::Removed,
    ];

    /// The rule: its id, every clause it may cite, its reading and gloss.
    /// [`Verdict::clauses`] gives the clauses of one verdict.
    pub const fn law(self) -> Law {
        let (id, clauses, reading, gloss): (_, &'static [ClauseId], _, _) = match self {
            VerdictKind::Admitted => (
                "round.verdict.admitted",
                RECOMMENDATION,
                Some("R8"),
                "an entry admitted to the city review",
            ),
            VerdictKind::SelectedFunded => (
                "round.verdict.selected.funded",
                &[
                    ClauseId::C1_2_1,
                    ClauseId::C1_2_2,
                    ClauseId::C2_2,
                    ClauseId::C5,
                ],
                Some("R4"),
                "selected and funded: the fixed subsidy drawn from the funds in order",
            ),
            VerdictKind::SelectedNotFunded => (
                "round.verdict.selected.not_funded",
                &[ClauseId::C2_2, ClauseId::C5],
                Some("R4"),
                "selected, but the two funds together cannot pay it: not funded, nothing drawn",
            ),
            VerdictKind::NotSelectedPlacesFilled => (
                "round.verdict.not_selected.places_filled",
                &[ClauseId::C2_1, ClauseId::C5],
                Some("R3"),
                "below the line: the year's places are filled",
            ),
            VerdictKind::NotSelectedProgrammeTotalReached => (
                "round.verdict.not_selected.programme_total_reached",
                &[ClauseId::C1_2_1, ClauseId::C1_2_2, ClauseId::C5],
                Some("R3"),
                "below the line: what remains of the programme total is filled",
            ),
            VerdictKind::Removed => (
                "round.verdict.removed",
                &[ClauseId::C5],
                Some("R9"),
                "removed by an upheld objection during the notice; its draws go back",
            ),
        };
        Law {
            id,
            clauses,
            reading,
            gloss,
        }
    }

    /// How Rust code names the rule, for the clause map.
    pub(crate) const fn code(self) -> &'static str {
        match self {
            VerdictKind::Admitted => "Verdict::Admitted",
            VerdictKind::SelectedFunded => "Verdict::Selected",
            VerdictKind::SelectedNotFunded => "Funding::NotFunded",
            VerdictKind::NotSelectedPlacesFilled => "NotSelectedReason::PlacesFilled",
            VerdictKind::NotSelectedProgrammeTotalReached => {
                "NotSelectedReason::ProgrammeTotalReached"
            }
            VerdictKind::Removed => "Verdict::Removed",
        }
    }
}

impl Verdict {
    /// Its kind: the rule it applies; `None` for [`Verdict::Refused`], whose
    /// reasons each have their own ([`Refusal::kind`]).
    pub const fn kind(&self) -> Option<VerdictKind> {
        match self {
            Verdict::Refused { .. } => None,
            Verdict::Admitted => Some(VerdictKind::Admitted),
            Verdict::Selected {
                funding: Funding::Funded { .. },
                ..
            } => Some(VerdictKind::SelectedFunded),
            Verdict::Selected {
                funding: Funding::NotFunded { .. },
                ..
            } => Some(VerdictKind::SelectedNotFunded),
            Verdict::NotSelected {
                reason: NotSelectedReason::PlacesFilled { .. },
            } => Some(VerdictKind::NotSelectedPlacesFilled),
            Verdict::NotSelected {
                reason: NotSelectedReason::ProgrammeTotalReached { .. },
            } => Some(VerdictKind::NotSelectedProgrammeTotalReached),
            Verdict::Removed { .. } => Some(VerdictKind::Removed),
        }
    }

    /// The clauses behind this verdict, for a candidate of `kind` listed by
    /// `by`: always among its kind's [`Law::clauses`] (or, refused, its
    /// reasons').
    ///
    /// ```
    /// use skill_grants::round::{Recommender, Verdict};
    /// use skill_grants::{Banner, ClauseId, ProjectKind};
    /// let by = Recommender::Banner(Banner::Dongsheng);
    /// assert_eq!(Verdict::Admitted.clauses(ProjectKind::Studio, &by), vec![ClauseId::C4_1]);
    /// ```
    pub fn clauses(&self, kind: ProjectKind, by: &Recommender) -> Vec<ClauseId> {
        let mut out = match self {
            Verdict::Refused { reasons } => reasons.iter().flat_map(|r| r.clauses(by)).collect(),
            Verdict::Admitted => vec![by.clause()],
            Verdict::Selected {
                funding: Funding::Funded { .. },
                ..
            } => vec![kind.clause(), ClauseId::C2_2, ClauseId::C5],
            Verdict::Selected {
                funding: Funding::NotFunded { .. },
                ..
            } => vec![ClauseId::C2_2, ClauseId::C5],
            Verdict::NotSelected {
                reason: NotSelectedReason::PlacesFilled { .. },
            } => vec![ClauseId::C2_1, ClauseId::C5],
            Verdict::NotSelected {
                reason: NotSelectedReason::ProgrammeTotalReached { .. },
            } => vec![kind.clause(), ClauseId::C5],
            Verdict::Removed { .. } => vec![ClauseId::C5],
        };
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Banner;
    use crate::eligibility::RuleId;

    fn recommenders() -> [Recommender; 2] {
        [
            Recommender::Banner(Banner::Dongsheng),
            Recommender::Body(BodyId::new("市某局")),
        ]
    }

    /// The clauses of the ineligible refusal are exactly those of the
    /// eligibility rules.
    #[test]
    fn ineligible_cites_every_eligibility_clause() {
        let mut expected: Vec<ClauseId> = RuleId::ALL.iter().map(|r| r.clause()).collect();
        expected.sort();
        expected.dedup();
        assert_eq!(RefusalKind::Ineligible.law().clauses, expected.as_slice());
    }

    /// A refusal cites only clauses of its kind's law, whoever recommends.
    #[test]
    fn refusals_cite_only_their_law() {
        let seat = Seat::Banner(Banner::Kangbashi);
        let body = BodyId::new("市某局");
        let refusals = [
            Refusal::OverQuota {
                listed: 2,
                quota: 1,
            },
            Refusal::ReportIncomplete {
                missing: vec![ReportPart::Methods],
            },
            Refusal::UnitListedTwice {
                unit: UnitId::new("U"),
            },
            Refusal::ApplicationListedTwice {
                application: ApplicationId::new("A"),
            },
            Refusal::ApplicationOnOtherList {
                application: ApplicationId::new("A"),
                kind: ProjectKind::Studio,
            },
            Refusal::OutsideJurisdiction {
                banner: Banner::Dongsheng,
                seat: seat.clone(),
            },
            Refusal::NotUnderBody {
                body: body.clone(),
                seat,
            },
            Refusal::NotIndependentLegalPerson { body },
            Refusal::ListedByOthers { others: Vec::new() },
        ];
        let kinds: Vec<RefusalKind> = refusals.iter().map(Refusal::kind).collect();
        assert_eq!(kinds, RefusalKind::ALL[..9]);
        for r in &refusals {
            for by in &recommenders() {
                for c in r.clauses(by) {
                    assert!(r.kind().law().cites(c), "{:?} cites {c}", r.kind());
                }
            }
        }
    }

    /// A verdict cites only clauses of its kind's law, for every kind of
    /// project and recommender.
    #[test]
    fn verdicts_cite_only_their_law() {
        let draws = vec![Draw {
            fund: Fund::EmploymentSubsidy,
            amount: Yuan::ZERO,
        }];
        let verdicts = [
            Verdict::Admitted,
            Verdict::Selected {
                funding: Funding::Funded {
                    amount: Yuan::ZERO,
                    draws,
                },
                moved_up_for: None,
            },
            Verdict::Selected {
                funding: Funding::NotFunded {
                    subsidy: Yuan::ZERO,
                    available: Yuan::ZERO,
                },
                moved_up_for: None,
            },
            Verdict::NotSelected {
                reason: NotSelectedReason::PlacesFilled { places: 0 },
            },
            Verdict::NotSelected {
                reason: NotSelectedReason::ProgrammeTotalReached {
                    total: 0,
                    before: 0,
                },
            },
            Verdict::Removed {
                objection: 0,
                returned: Vec::new(),
            },
        ];
        let kinds: Vec<Option<VerdictKind>> = verdicts.iter().map(Verdict::kind).collect();
        let all: Vec<Option<VerdictKind>> = VerdictKind::ALL.into_iter().map(Some).collect();
        assert_eq!(kinds, all);
        for v in &verdicts {
            let law = v.kind().map(VerdictKind::law);
            for kind in ProjectKind::ALL {
                for by in &recommenders() {
                    for c in v.clauses(kind, by) {
                        assert!(law.is_some_and(|l| l.cites(c)), "{v:?} cites {c}");
                    }
                }
            }
        }
        assert_eq!(
            Verdict::Refused {
                reasons: Vec::new()
            }
            .kind(),
            None
        );
    }
}
