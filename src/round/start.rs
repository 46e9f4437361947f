//! A released round's funded project as the start of its lifecycle.

use super::outcome::FundedProject;
use crate::lifecycle::ProjectStart;

/// The start record of a funded project of a released round: the same as
/// [`FundedProject::project_start`].
///
/// ```
/// use skill_grants::lifecycle::{Project, ProjectStart};
/// let round = skill_grants::sample::round_2022()?;
/// let funded = &round.projects()[0];
/// let start = ProjectStart::from(funded);
/// assert_eq!(start, funded.project_start());
/// assert!(Project::open(start, round.policy()).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl From<&FundedProject> for ProjectStart {
    fn from(funded: &FundedProject) -> ProjectStart {
        funded.project_start()
    }
}
