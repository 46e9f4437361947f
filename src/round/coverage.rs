//! The coverage of 1.2.1 (布局): projects per kind, per seat (banner,
//! district or 4.2 body) and per specialty, so far — an input of a round
//! (the earlier rounds' coverage) and part of its outcome.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::ProjectKind;
use crate::domain::{Seat, Specialty};

/// A count per kind of project.
///
/// ```
/// use skill_grants::{ProjectKind, round::KindCounts};
/// let k = KindCounts { training_bases: 3, studios: 7 };
/// assert_eq!(k.of(ProjectKind::Studio), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindCounts {
    /// Training bases (培训基地).
    pub training_bases: u32,
    /// Skill master studios (技能大师工作室).
    pub studios: u32,
}

impl KindCounts {
    /// The count of one kind.
    pub const fn of(&self, kind: ProjectKind) -> u32 {
        match kind {
            ProjectKind::TrainingBase => self.training_bases,
            ProjectKind::Studio => self.studios,
        }
    }

    pub(super) fn bump(&mut self, kind: ProjectKind, by: u32) {
        let slot = match kind {
            ProjectKind::TrainingBase => &mut self.training_bases,
            ProjectKind::Studio => &mut self.studios,
        };
        *slot = slot.saturating_add(by);
    }
}

/// Projects per seat: per banner or district, or per 4.2 body (1.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SeatCoverage {
    /// The banner, district or body.
    pub seat: Seat,
    /// Its projects per kind.
    pub counts: KindCounts,
}

/// Training bases per specialty (专业（职业）, 6.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpecialtyCoverage {
    /// The specialty.
    pub specialty: Specialty,
    /// Training bases that declared it.
    pub training_bases: u32,
}

/// The coverage of the programme's network (1.2.1: 覆盖全市重点产业和中心城市):
/// projects per kind, per banner, district or body, and per specialty.
///
/// Lists are kept sorted (seats, then specialties), so two coverages with the
/// same counts compare equal whatever order they were built in.
///
/// ```
/// use skill_grants::round::Coverage;
/// let c = Coverage::default();
/// assert_eq!(c.by_kind.training_bases, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Projects per kind; for earlier rounds, what the programme has already
    /// selected (R3).
    #[serde(default)]
    pub by_kind: KindCounts,
    /// Projects per seat.
    #[serde(default)]
    pub by_seat: Vec<SeatCoverage>,
    /// Training bases per specialty.
    #[serde(default)]
    pub by_specialty: Vec<SpecialtyCoverage>,
}

impl Coverage {
    /// Sorted, with duplicate seats and specialties merged.
    pub(super) fn normalized(self) -> Coverage {
        let mut seats: BTreeMap<Seat, KindCounts> = BTreeMap::new();
        for s in self.by_seat {
            let e = seats.entry(s.seat).or_default();
            e.bump(ProjectKind::TrainingBase, s.counts.training_bases);
            e.bump(ProjectKind::Studio, s.counts.studios);
        }
        let mut specs: BTreeMap<Specialty, u32> = BTreeMap::new();
        for s in self.by_specialty {
            let e = specs.entry(s.specialty).or_default();
            *e = e.saturating_add(s.training_bases);
        }
        Coverage {
            by_kind: self.by_kind,
            by_seat: seats
                .into_iter()
                .map(|(seat, counts)| SeatCoverage { seat, counts })
                .collect(),
            by_specialty: specs
                .into_iter()
                .map(|(specialty, training_bases)| SpecialtyCoverage {
                    specialty,
                    training_bases,
                })
                .collect(),
        }
    }
}
