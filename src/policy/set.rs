//! A set of policies with disjoint effective periods (PolicySet).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Policy;
use super::error::PolicyError;

/// A set of policies with disjoint effective periods: which one is in force on a date.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::{Policy, PolicySet};
/// let set = PolicySet::new([Policy::ordos_2022()])?;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(set.in_force(d(2024, 5, 1)).is_some());
/// assert!(set.in_force(d(2022, 6, 5)).is_none());
/// # Ok::<(), skill_grants::PolicyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Policy>", into = "Vec<Policy>")]
pub struct PolicySet {
    policies: Vec<Policy>,
}

impl PolicySet {
    /// Builds a set; two policies in force on the same day are an error. The
    /// order of the input does not matter.
    ///
    /// # Law
    ///
    /// Preamble and 2.1 (R17): a policy executes one document for its
    /// period; a date falls under at most one policy.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Overlap`], naming the two policies and the first day
    /// both are in force.
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::{Policy, PolicyError, PolicySet};
    /// let mut second = Policy::ordos_2022().to_data();
    /// second.revision = 2;
    /// let second = Policy::try_from(second)?;
    /// let err = PolicySet::new([Policy::ordos_2022(), second]).unwrap_err();
    /// assert!(matches!(err, PolicyError::Overlap { .. }));
    /// # Ok::<(), PolicyError>(())
    /// ```
    pub fn new(policies: impl IntoIterator<Item = Policy>) -> Result<PolicySet, PolicyError> {
        let mut policies: Vec<Policy> = policies.into_iter().collect();
        policies.sort_by(|a, b| {
            (a.effective_from, &a.id, a.revision).cmp(&(b.effective_from, &b.id, b.revision))
        });
        for pair in policies.windows(2) {
            if let [a, b] = pair {
                if a.effective_until.is_none_or(|end| end >= b.effective_from) {
                    return Err(PolicyError::Overlap {
                        first: format!("{}#{}", a.id, a.revision),
                        second: format!("{}#{}", b.id, b.revision),
                        day: b.effective_from,
                    });
                }
            }
        }
        Ok(PolicySet { policies })
    }

    /// The policy in force on `date`, if any.
    pub fn in_force(&self, date: NaiveDate) -> Option<&Policy> {
        self.policies.iter().find(|p| p.is_in_force(date))
    }

    /// The policies, in order of their effective periods.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }
}

impl TryFrom<Vec<Policy>> for PolicySet {
    type Error = PolicyError;
    fn try_from(value: Vec<Policy>) -> Result<Self, Self::Error> {
        PolicySet::new(value)
    }
}

impl From<PolicySet> for Vec<Policy> {
    fn from(value: PolicySet) -> Self {
        value.policies
    }
}
