//! Constructors of the start record ([`ProjectStart`]) from a policy, for a
//! base or a studio (from a funded project of a released round:
//! `ProjectStart::from(&FundedProject)`, in the round) — typed ids,
//! so that the project, the unit and the person cannot be swapped, and the
//! amount and policy reference taken from the policy, not typed by hand.

use chrono::NaiveDate;

use super::types::ProjectStart;
use crate::application::StudioLead;
use crate::domain::{ProjectId, ProjectKind, Seat, Specialty, UnitId};
use crate::policy::Policy;

impl ProjectStart {
    /// A training base's start record under `policy`: the amount released is
    /// the policy's subsidy of a base (2.2), the policy reference is the
    /// policy's. [`super::Project::open`] checks the rest (specialties 6.1,
    /// dates, text).
    ///
    /// ```
    /// use skill_grants::lifecycle::{Project, ProjectStart};
    /// use skill_grants::domain::{ProjectId, Seat, Specialty, UnitId};
    /// use skill_grants::{Banner, NaiveDate, Policy, ProjectKind, Yuan};
    ///
    /// let policy = Policy::ordos_2022();
    /// let start = ProjectStart::training_base(
    ///     ProjectId::new("2022-B-01"),
    ///     UnitId::new("U-001"),
    ///     "准格尔旗某煤炭企业",
    ///     Seat::Banner(Banner::JungarBanner),
    ///     [Specialty::new("煤矿机电")],
    ///     NaiveDate::from_ymd_opt(2022, 9, 1).unwrap(),
    ///     &policy,
    /// );
    /// assert_eq!(start.released, Yuan::from_yuan(200_000));
    /// assert!(Project::open(start, &policy).is_ok());
    /// ```
    pub fn training_base(
        project: ProjectId,
        unit: UnitId,
        unit_name: impl Into<String>,
        seat: Seat,
        specialties: impl IntoIterator<Item = Specialty>,
        released_on: NaiveDate,
        policy: &Policy,
    ) -> ProjectStart {
        ProjectStart {
            project,
            kind: ProjectKind::TrainingBase,
            unit,
            unit_name: unit_name.into(),
            seat,
            specialties: specialties.into_iter().collect(),
            lead: None,
            released: policy.subsidy(ProjectKind::TrainingBase),
            released_on,
            policy: policy.reference(),
        }
    }

    /// A skill master studio's start record under `policy`: the amount
    /// released is the policy's subsidy of a studio (2.2), the policy
    /// reference is the policy's. [`super::Project::open`] checks the lead
    /// (1.2.2, R2) and the rest.
    ///
    /// ```
    /// use skill_grants::application::{Honour, StudioLead};
    /// use skill_grants::lifecycle::{Project, ProjectStart};
    /// use skill_grants::domain::{PersonId, ProjectId, Seat, UnitId};
    /// use skill_grants::{Banner, NaiveDate, Policy, Yuan};
    ///
    /// let policy = Policy::ordos_2022();
    /// let lead = StudioLead::new(PersonId::new("P-1"), "王某", [Honour::OrdosCraftsman]);
    /// let start = ProjectStart::studio(
    ///     ProjectId::new("2022-S-01"),
    ///     UnitId::new("U-002"),
    ///     "乌审旗某化工企业",
    ///     Seat::Banner(Banner::UxinBanner),
    ///     lead,
    ///     NaiveDate::from_ymd_opt(2022, 9, 1).unwrap(),
    ///     &policy,
    /// );
    /// assert_eq!(start.released, Yuan::from_yuan(50_000));
    /// assert!(Project::open(start, &policy).is_ok());
    /// ```
    pub fn studio(
        project: ProjectId,
        unit: UnitId,
        unit_name: impl Into<String>,
        seat: Seat,
        lead: StudioLead,
        released_on: NaiveDate,
        policy: &Policy,
    ) -> ProjectStart {
        ProjectStart {
            project,
            kind: ProjectKind::Studio,
            unit,
            unit_name: unit_name.into(),
            seat,
            specialties: Vec::new(),
            lead: Some(lead),
            released: policy.subsidy(ProjectKind::Studio),
            released_on,
            policy: policy.reference(),
        }
    }
}
