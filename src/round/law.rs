//! The round's rules as the notice states them, each a plain function over
//! plain data; [`Round`](super::Round) applies them step by step.
//!
//! | reading | clauses | rule | function |
//! |---|---|---|---|
//! | R3 | 1.2, 2.1 | no round selects past the year's places or what remains of the programme total | [`selection_limit`] |
//! | R4 | 2.2 | the fixed subsidy, paid from the employment subsidy fund first, the talent fund the rest; unpaid when the two cannot | [`pay`] |
//! | R8 | 4.1, 4.2 | a banner lists its own units, a body its direct independent legal persons | [`placement`] |
//! | R8 | 4.1, 4.2 | an entry is refused with its placement and eligibility reasons | [`entry_refusals`] |
//! | R8 | 4.1, 4.2 | a list naming a unit or an application twice is refused whole | [`duplicates`] |
//! | R8 | 4.1, 4.2 | a list naming an application that stands on the recommender's list of the other kind is refused whole | [`on_other_list`] |
//! | R8 | 4.1, 4.2 | an application, or a unit for a kind, on several recommenders' lists is refused on each | [`listed_by_others`] |
//! | R9 | 5 | the city ranks by score, then recommendation rank, then application | [`r9`] |

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

use super::inputs::{FundBalances, Recommender, Score};
use super::verdict::{Draw, Funding, NotSelectedReason, Refusal};
use crate::application::{Application, Unit};
use crate::domain::{ApplicationId, Seat, UnitId};
use crate::domain::{Fund, ProjectKind};
use crate::eligibility::{Decision, RuleId};
use crate::money::{MoneyError, Yuan};

/// R3 (1.2, 2.1): how many candidates of a kind a round may select — the
/// year's `places`, or what remains of the programme `total` after the
/// `before` selected by earlier rounds, whichever is smaller — and what
/// binds, as the reason given to those below the line. When the two are
/// equal, the year's places are named.
///
/// ```
/// use skill_grants::round::{NotSelectedReason, law::selection_limit};
/// assert_eq!(selection_limit(6, 20, 5), (6, NotSelectedReason::PlacesFilled { places: 6 }));
/// assert_eq!(
///     selection_limit(6, 20, 17),
///     (3, NotSelectedReason::ProgrammeTotalReached { total: 20, before: 17 })
/// );
/// ```
pub fn selection_limit(places: u32, total: u32, before: u32) -> (u32, NotSelectedReason) {
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

/// R4 (2.2): pays a fixed `subsidy` from the funds in `order` — each fund
/// what it can, the next the rest — or, when the funds together hold less,
/// pays nothing and says so. `balances` are reduced by the draws.
///
/// # Errors
///
/// [`MoneyError`] when a sum overflows.
///
/// ```
/// use skill_grants::round::{law::pay, Draw, FundBalances, Funding};
/// use skill_grants::{Fund, Yuan};
/// let order = [Fund::EmploymentSubsidy, Fund::TalentSpecial];
/// let mut balances = FundBalances::new(Yuan::from_yuan(150_000), Yuan::from_yuan(100_000));
/// let funding = pay(&order, &mut balances, Yuan::from_yuan(200_000))?;
/// assert_eq!(
///     funding,
///     Funding::Funded {
///         amount: Yuan::from_yuan(200_000),
///         draws: vec![
///             Draw { fund: Fund::EmploymentSubsidy, amount: Yuan::from_yuan(150_000) },
///             Draw { fund: Fund::TalentSpecial, amount: Yuan::from_yuan(50_000) },
///         ],
///     }
/// );
/// // ¥50,000 left: the next base is not funded, and nothing is drawn.
/// let next = pay(&order, &mut balances, Yuan::from_yuan(200_000))?;
/// assert!(matches!(next, Funding::NotFunded { .. }));
/// assert_eq!(balances.total()?, Yuan::from_yuan(50_000));
/// # Ok::<(), skill_grants::MoneyError>(())
/// ```
pub fn pay(
    order: &[Fund],
    balances: &mut FundBalances,
    subsidy: Yuan,
) -> Result<Funding, MoneyError> {
    let available = balances.total()?;
    if available < subsidy {
        return Ok(Funding::NotFunded { subsidy, available });
    }
    let mut rest = subsidy;
    let mut draws = Vec::new();
    for fund in order {
        let balance = balances.slot(*fund);
        let take = (*balance).min(rest);
        if take.is_zero() {
            continue;
        }
        *balance = balance.checked_sub(take)?;
        rest = rest.checked_sub(take)?;
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

/// R8 (4.1, 4.2): may this recommender list this unit? A banner lists units
/// in its jurisdiction (4.1); a body of 4.2 lists units directly under it
/// that are independent legal persons. Every reason found.
///
/// ```
/// use skill_grants::round::{law::placement, Recommender, Refusal};
/// use skill_grants::application::{Unit, UnitKind};
/// use skill_grants::domain::{Seat, UnitId};
/// use skill_grants::Banner;
/// let unit = Unit::new(UnitId::new("U-1"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
/// assert!(placement(&Recommender::Banner(Banner::DaladBanner), &unit).is_empty());
/// assert!(matches!(
///     placement(&Recommender::Banner(Banner::Dongsheng), &unit)[..],
///     [Refusal::OutsideJurisdiction { .. }]
/// ));
/// ```
pub fn placement(recommender: &Recommender, unit: &Unit) -> Vec<Refusal> {
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

/// R8 (4.1, 4.2): the reasons an entry of a list that stands is refused —
/// its [`placement`], then its eligibility `decision` if it failed. A body's
/// unit that is not an independent legal person is refused once, by
/// placement: the decision is added only when it says more than that
/// ([`RuleId::DirectlyUnderBody`]). Empty when the entry is admitted.
///
/// ```
/// use skill_grants::round::{law::entry_refusals, Recommender};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{eligibility, Banner, NaiveDate, Policy};
/// let d = NaiveDate::from_ymd_opt(2022, 7, 1).ok_or("date")?;
/// let unit = Unit::new(UnitId::new("U-1"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
/// let app = Application::training_base("A-1", unit, d, [Specialty::new("焊工")]);
/// let decision = eligibility::decide(&Policy::ordos_2022(), &app)?;
/// assert!(entry_refusals(&Recommender::Banner(Banner::DaladBanner), &app, decision).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn entry_refusals(
    recommender: &Recommender,
    application: &Application,
    decision: Decision,
) -> Vec<Refusal> {
    let mut reasons = placement(recommender, &application.unit);
    if decision.is_eligible() {
        return reasons;
    }
    let said_4_2 = reasons
        .iter()
        .any(|r| matches!(r, Refusal::NotIndependentLegalPerson { .. }));
    let says_more = decision
        .failures()
        .any(|f| f.rule != RuleId::DirectlyUnderBody);
    if !said_4_2 || says_more {
        reasons.push(Refusal::Ineligible { decision });
    }
    reasons
}

/// R8 (4.1, 4.2): the units and applications a list names twice, each
/// reported once, in the order their second mention comes. Any of them
/// refuses the list whole.
///
/// ```
/// use skill_grants::round::{law::duplicates, Refusal};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{Banner, NaiveDate};
/// let d = NaiveDate::from_ymd_opt(2022, 7, 1).ok_or("date")?;
/// let unit = Unit::new(UnitId::new("U-1"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
/// let a1 = Application::training_base("A-1", unit.clone(), d, [Specialty::new("焊工")]);
/// let a2 = Application::training_base("A-2", unit, d, [Specialty::new("电工")]);
/// assert!(duplicates(&[a1.clone()]).is_empty());
/// assert_eq!(duplicates(&[a1, a2]), vec![Refusal::UnitListedTwice { unit: UnitId::new("U-1") }]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn duplicates(applications: &[Application]) -> Vec<Refusal> {
    // Looked up only, never iterated: the order of the answer is the list's.
    let mut seen_applications: HashSet<&ApplicationId> = HashSet::with_capacity(applications.len());
    let mut repeated_applications: HashSet<&ApplicationId> = HashSet::new();
    let mut seen_units: HashSet<&UnitId> = HashSet::with_capacity(applications.len());
    let mut repeated_units: HashSet<&UnitId> = HashSet::new();
    let mut out = Vec::new();
    for a in applications {
        if !seen_applications.insert(&a.id) && repeated_applications.insert(&a.id) {
            out.push(Refusal::ApplicationListedTwice {
                application: a.id.clone(),
            });
        }
        if !seen_units.insert(&a.unit.id) && repeated_units.insert(&a.unit.id) {
            out.push(Refusal::UnitListedTwice {
                unit: a.unit.id.clone(),
            });
        }
    }
    out
}

/// R8 (4.1, 4.2): the applications of a list that already stand on another
/// list of the same recommender (`standing`: each application there with its
/// list's kind), each reported once, in the list's order. A recommender names
/// an application once: any of them refuses the list whole, so that no two
/// admitted candidates share an application id and every one can be scored.
///
/// ```
/// use skill_grants::round::{law::on_other_list, Refusal};
/// use skill_grants::application::*;
/// use skill_grants::domain::*;
/// use skill_grants::{Banner, NaiveDate, ProjectKind};
/// let d = NaiveDate::from_ymd_opt(2022, 7, 1).ok_or("date")?;
/// let unit = Unit::new(UnitId::new("U-1"), "达拉特旗某职业技术学校", UnitKind::VocationalCollege, Seat::Banner(Banner::DaladBanner));
/// let a1 = Application::training_base("A-1", unit, d, [Specialty::new("焊工")]);
/// let on_studios = ApplicationId::new("A-1");
/// assert!(on_other_list(&[a1.clone()], []).is_empty());
/// assert_eq!(
///     on_other_list(&[a1], [(ProjectKind::Studio, &on_studios)]),
///     vec![Refusal::ApplicationOnOtherList { application: on_studios.clone(), kind: ProjectKind::Studio }]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn on_other_list<'a>(
    applications: &[Application],
    standing: impl IntoIterator<Item = (ProjectKind, &'a ApplicationId)>,
) -> Vec<Refusal> {
    // Looked up only, never iterated: the order of the answer is the list's.
    let standing: HashMap<&ApplicationId, ProjectKind> =
        standing.into_iter().map(|(kind, id)| (id, kind)).collect();
    let mut reported: HashSet<&ApplicationId> = HashSet::new();
    let mut out = Vec::new();
    for a in applications {
        if let Some(kind) = standing.get(&a.id) {
            if reported.insert(&a.id) {
                out.push(Refusal::ApplicationOnOtherList {
                    application: a.id.clone(),
                    kind: *kind,
                });
            }
        }
    }
    out
}

/// One admitted entry of a list, as [`listed_by_others`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing<'a> {
    /// Who lists it.
    pub recommender: &'a Recommender,
    /// The list's kind.
    pub kind: ProjectKind,
    /// The application.
    pub application: &'a ApplicationId,
    /// Its unit.
    pub unit: &'a UnitId,
}

/// R8 (4.1, 4.2): the listings that other recommenders list too — the same
/// application, or the same unit for the same kind — each by its index in
/// `listings`, with those other recommenders (sorted, each once). Every
/// listing named is refused; the others are not named. The answer does not
/// depend on the order of `listings`.
///
/// ```
/// use skill_grants::round::{law::{listed_by_others, Listing}, Recommender};
/// use skill_grants::domain::{ApplicationId, UnitId};
/// use skill_grants::{Banner, ProjectKind};
/// use std::collections::BTreeMap;
/// let (a, b) = (Recommender::Banner(Banner::Dongsheng), Recommender::Banner(Banner::Kangbashi));
/// let (x, y, z) = (ApplicationId::new("A-1"), ApplicationId::new("A-2"), ApplicationId::new("A-3"));
/// let (u, v) = (UnitId::new("U-1"), UnitId::new("U-2"));
/// let listings = [
///     Listing { recommender: &a, kind: ProjectKind::Studio, application: &x, unit: &u },
///     Listing { recommender: &b, kind: ProjectKind::Studio, application: &y, unit: &u },
///     Listing { recommender: &b, kind: ProjectKind::Studio, application: &z, unit: &v },
/// ];
/// assert_eq!(
///     listed_by_others(&listings),
///     BTreeMap::from([(0, vec![b.clone()]), (1, vec![a.clone()])])
/// );
/// ```
pub fn listed_by_others(listings: &[Listing<'_>]) -> BTreeMap<usize, Vec<Recommender>> {
    // Each distinct application, and each distinct unit for a kind, is a
    // group of the listings that name it, known by the first of them. The
    // maps give each key's first listing; `shared` holds the few groups
    // named more than once. The maps are looked up only, never iterated.
    let mut by_application: HashMap<&ApplicationId, usize> = HashMap::with_capacity(listings.len());
    let mut by_unit: HashMap<(&UnitId, ProjectKind), usize> =
        HashMap::with_capacity(listings.len());
    let mut shared: BTreeMap<(Group, usize), Vec<usize>> = BTreeMap::new();
    for (i, l) in listings.iter().enumerate() {
        if let Some(first) = first_of(&mut by_application, l.application, i) {
            join(&mut shared, (Group::Application, first), i);
        }
        if let Some(first) = first_of(&mut by_unit, (l.unit, l.kind), i) {
            join(&mut shared, (Group::Unit, first), i);
        }
    }
    // Each listing of a shared group, with the group's other recommenders.
    let recommender = |i: usize| listings.get(i).map(|l| l.recommender);
    let mut others: BTreeMap<usize, Vec<Recommender>> = BTreeMap::new();
    for members in shared.values() {
        for &i in members {
            let own = recommender(i);
            let of_group = members
                .iter()
                .filter_map(|&m| recommender(m))
                .filter(|r| Some(*r) != own)
                .cloned();
            others.entry(i).or_default().extend(of_group);
        }
    }
    others.retain(|_, others| {
        others.sort();
        others.dedup();
        !others.is_empty()
    });
    others
}

/// The two kinds of group of [`listed_by_others`]: an application, and a
/// unit for a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Application,
    Unit,
}

/// The first listing that names `key`: none when listing `i` is the first
/// (and is recorded as such).
fn first_of<K: Hash + Eq>(firsts: &mut HashMap<K, usize>, key: K, i: usize) -> Option<usize> {
    match firsts.entry(key) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(i);
            None
        }
    }
}

/// Adds listing `i` to the shared `group`, known by its first listing.
fn join(shared: &mut BTreeMap<(Group, usize), Vec<usize>>, group: (Group, usize), i: usize) {
    let (_, first) = group;
    shared.entry(group).or_insert_with(|| vec![first]).push(i);
}

/// One admitted candidate, as the city ranks it (R9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked<'a> {
    /// The expert score.
    pub score: Score,
    /// Its place on its recommender's list (1 = first).
    pub recommendation_rank: u32,
    /// The application.
    pub application: &'a ApplicationId,
}

/// R9 (5): the city's ranking — score descending, then recommendation rank
/// ascending, then application id ascending — as a comparator for sorting.
///
/// ```
/// use skill_grants::round::{law::{r9, Ranked}, Score};
/// use skill_grants::domain::ApplicationId;
/// use std::cmp::Ordering;
/// let (a1, a2) = (ApplicationId::new("A-1"), ApplicationId::new("A-2"));
/// let a = Ranked { score: Score::points(90), recommendation_rank: 2, application: &a2 };
/// let b = Ranked { score: Score::points(85), recommendation_rank: 1, application: &a1 };
/// assert_eq!(r9(&a, &b), Ordering::Less); // the higher score first
/// let c = Ranked { score: Score::points(90), recommendation_rank: 2, application: &a1 };
/// assert_eq!(r9(&a, &c), Ordering::Greater); // a tie: the earlier application first
/// ```
pub fn r9(a: &Ranked<'_>, b: &Ranked<'_>) -> Ordering {
    // `then_with`: the ids, texts elsewhere in memory, are read only on a tie.
    b.score
        .cmp(&a.score)
        .then(a.recommendation_rank.cmp(&b.recommendation_rank))
        .then_with(|| a.application.cmp(b.application))
}
