//! A second reading of a whole round (四、五 and 二（二）), written from the
//! notice and the readings R3, R4, R8 and R9, on a plain description of the
//! round (`Spec`) rather than on the crate's types. The property builds the
//! crate's inputs from the same `Spec` and compares.
//!
//! - 4.1, 4.3, R8: a list longer than its quota is refused whole; an entry
//!   outside the banner's jurisdiction, or an ineligible one, is refused, the
//!   rest stand. An application on the lists of two recommenders: the notice
//!   says nothing; the crate's rule (every such entry refused, counting only
//!   entries not refused for another reason) is modelled as the crate
//!   documents it.
//! - 5, R9: the city ranks by score, ties to the better recommendation rank,
//!   then to the earlier application (the application id: the inputs carry no
//!   filing time); it selects, per kind, the year's places, never past what
//!   remains of 20 bases and 40 studios (1.2, R3); an upheld objection removes
//!   a candidate, and the next in rank moves up only under that parameter.
//! - 2.2, R4: fixed subsidies of ¥200,000 and ¥50,000, drawn in ranking order,
//!   bases first (a parameter), from the employment subsidy fund first and the
//!   talent fund for the rest; a subsidy the two together cannot pay is not
//!   paid at all, and a cheaper one after it still is.

use std::collections::BTreeMap;

/// Money in fen (hundredths of a yuan), plain integers.
pub type Fen = i64;

/// The fixed subsidy of 2.2, in fen.
pub fn subsidy(base: bool) -> Fen {
    if base { 20_000_000 } else { 5_000_000 }
}

/// One candidate of the round.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// `A-<n>`; also orders ties (R9).
    pub id: String,
    /// A base (else a studio).
    pub base: bool,
    /// Meets the conditions of application.
    pub eligible: bool,
    /// The recommender in whose jurisdiction the unit sits.
    pub home: usize,
    /// The city's score.
    pub score: u32,
}

/// One recommender's list.
#[derive(Debug, Clone)]
pub struct List {
    /// The recommender (an index).
    pub recommender: usize,
    /// Bases (else studios).
    pub base: bool,
    /// Candidates, by index, in the recommender's order.
    pub entries: Vec<usize>,
}

/// A round described plainly.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The candidates.
    pub candidates: Vec<Candidate>,
    /// The lists, in the order submitted.
    pub lists: Vec<List>,
    /// Quotas by (recommender, base?); none means zero.
    pub quotas: BTreeMap<(usize, bool), u32>,
    /// The year's places: (bases, studios).
    pub places: (u32, u32),
    /// Selected in earlier rounds: (bases, studios).
    pub earlier: (u32, u32),
    /// The two funds' balances: (employment subsidy, talent special).
    pub balances: (Fen, Fen),
    /// Objections: (candidate index, upheld), to candidates selected by the review.
    pub objections: Vec<(usize, bool)>,
    /// The parameter of R9: the next in rank moves up.
    pub move_up: bool,
    /// The parameter of R4: studios are paid before bases.
    pub studios_first: bool,
}

/// Where a candidate ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// Refused at submission.
    Refused,
    /// Ranked, not selected.
    NotSelected,
    /// Selected, then removed by an upheld objection.
    Removed,
    /// Selected (`moved_up` when it took a removed one's place) and paid
    /// (employment, talent), or not paid (`None`).
    Selected {
        /// Took a removed candidate's place.
        moved_up: bool,
        /// What each fund paid.
        paid: Option<(Fen, Fen)>,
    },
}

/// The round's result by candidate id, and what is left in the funds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Result {
    /// By entry (`A-3@1`: candidate and recommender).
    pub ends: BTreeMap<String, End>,
    /// (employment subsidy, talent special) left.
    pub remaining: (Fen, Fen),
}

/// An entry's key: the candidate's id and the recommender that listed it
/// (`A-3@1`); an admitted entry is always on its home recommender's list.
pub fn entry(c: &Candidate, recommender: usize) -> String {
    format!("{}@{recommender}", c.id)
}

/// The model.
pub fn run(spec: &Spec) -> Result {
    let mut ends: BTreeMap<String, End> = BTreeMap::new();
    let quota_of = |l: &List| {
        spec.quotas
            .get(&(l.recommender, l.base))
            .copied()
            .unwrap_or(0)
    };
    // 4.1, 4.3, R8: each entry on its own; the recommendation rank is the
    // place in the list.
    let mut standing: Vec<(usize, usize, u32)> = Vec::new();
    for l in &spec.lists {
        let whole_list_refused = l.entries.len() > quota_of(l) as usize;
        for (place, e) in l.entries.iter().enumerate() {
            let c = &spec.candidates[*e];
            if whole_list_refused || c.home != l.recommender || !c.eligible {
                ends.insert(entry(c, l.recommender), End::Refused);
            } else {
                standing.push((*e, l.recommender, place as u32 + 1));
            }
        }
    }
    // Then an application standing on two recommenders' lists: every such
    // entry is refused (the crate's rule; only entries not refused already count).
    let mut admitted: Vec<(usize, u32)> = Vec::new();
    for (e, r, rank) in &standing {
        if standing.iter().any(|(e2, r2, _)| e2 == e && r2 != r) {
            ends.insert(entry(&spec.candidates[*e], *r), End::Refused);
        } else {
            admitted.push((*e, *rank));
        }
    }
    // 5, R9, R3: ranking and selection, kind by kind.
    let mut ranked_by_kind: BTreeMap<bool, Vec<usize>> = BTreeMap::new();
    let mut selected: Vec<usize> = Vec::new();
    for base in [true, false] {
        let mut ranked: Vec<(usize, u32)> = admitted
            .iter()
            .copied()
            .filter(|(e, _)| spec.candidates[*e].base == base)
            .collect();
        ranked.sort_by(|(a, ra), (b, rb)| {
            let (ca, cb) = (&spec.candidates[*a], &spec.candidates[*b]);
            cb.score
                .cmp(&ca.score)
                .then(ra.cmp(rb))
                .then(ca.id.cmp(&cb.id))
        });
        let (annual, total, earlier) = if base {
            (spec.places.0, 20, spec.earlier.0)
        } else {
            (spec.places.1, 40, spec.earlier.1)
        };
        let places = annual.min(total - earlier.min(total)) as usize;
        selected.extend(ranked.iter().take(places).map(|(e, _)| *e));
        ranked_by_kind.insert(base, ranked.into_iter().map(|(e, _)| e).collect());
    }
    // 2.2, R4: the subsidies drawn for the selection, in the policy's order
    // of kinds, each kind in ranking order.
    let (mut paid, mut balances) = fund(spec, &ranked_by_kind, &selected, spec.balances);
    // The public notice (5) names the selected candidates the funds can pay
    // (disagreement 2 in docs/conformance.md); an upheld objection removes
    // one and gives its subsidy back to the funds it came from; under the
    // parameter of R9 the best candidate below the line takes its place and
    // is paid from what the funds then hold. Candidates selected but not paid
    // stay unpaid (disagreement 3).
    let mut removed: Vec<usize> = Vec::new();
    let mut moved: Vec<usize> = Vec::new();
    for (e, upheld) in &spec.objections {
        let Some(Some((from_employment, from_talent))) = paid.get(e).copied() else {
            continue;
        };
        if !*upheld {
            continue;
        }
        selected.retain(|s| s != e);
        paid.remove(e);
        removed.push(*e);
        balances = (balances.0 + from_employment, balances.1 + from_talent);
        let base = spec.candidates[*e].base;
        if spec.move_up {
            let next = ranked_by_kind[&base]
                .iter()
                .find(|c| !selected.contains(c) && !removed.contains(c))
                .copied();
            if let Some(next) = next {
                selected.push(next);
                moved.push(next);
                let (p, left) = fund(spec, &ranked_by_kind, &[next], balances);
                paid.insert(next, p[&next]);
                balances = left;
            }
        }
    }
    let remaining = balances;
    for ranked in ranked_by_kind.values() {
        for e in ranked {
            let c = &spec.candidates[*e];
            let end = match paid.get(e) {
                Some(p) => End::Selected {
                    moved_up: moved.contains(e),
                    paid: *p,
                },
                None if removed.contains(e) => End::Removed,
                None => End::NotSelected,
            };
            ends.insert(entry(c, c.home), end);
        }
    }
    Result { ends, remaining }
}

/// R4 (2.2): pays the `selected` candidates, kinds in the policy's order,
/// each kind in ranking order: the employment subsidy fund what it can, the
/// talent fund the rest, or nothing when the two together hold less. The
/// payment of each candidate (`None`: not paid) and what is left.
#[allow(clippy::type_complexity)]
fn fund(
    spec: &Spec,
    ranked_by_kind: &BTreeMap<bool, Vec<usize>>,
    selected: &[usize],
    balances: (Fen, Fen),
) -> (BTreeMap<usize, Option<(Fen, Fen)>>, (Fen, Fen)) {
    let order = if spec.studios_first {
        [false, true]
    } else {
        [true, false]
    };
    let (mut employment, mut talent) = balances;
    let mut paid = BTreeMap::new();
    for base in order {
        for e in ranked_by_kind[&base]
            .iter()
            .filter(|e| selected.contains(e))
        {
            let s = subsidy(base);
            let p = if employment + talent >= s {
                let from_employment = employment.min(s);
                employment -= from_employment;
                talent -= s - from_employment;
                Some((from_employment, s - from_employment))
            } else {
                None
            };
            paid.insert(*e, p);
        }
    }
    (paid, (employment, talent))
}
