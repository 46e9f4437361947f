//! Eligibility (申报条件): who may apply. PLACEHOLDER — the rules land with the
//! eligibility issue; the types and the signature of [`decide`] are fixed here
//! so that the round can be built against them.

use serde::{Deserialize, Serialize};

use crate::model::{Application, ApplicationId};
use crate::policy::PolicyRef;
use crate::{ClauseId, Policy, ProjectKind};

/// An application that contradicts itself, refused before any rule runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplicationError {
    /// A field holds something the application's kind forbids.
    #[error("application `{application}`: field `{field}`: {reason}")]
    Malformed {
        /// The application.
        application: ApplicationId,
        /// The field.
        field: String,
        /// What is wrong.
        reason: String,
    },
}

/// The outcome of one rule on one application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule is met.
    Passed,
    /// The rule is not met: the application is not eligible.
    Failed,
    /// The rule does not apply to this kind of project.
    NotApplicable,
}

/// One finding: a rule, its clause and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// The clause it executes.
    pub clause: ClauseId,
    /// Its outcome.
    pub outcome: Outcome,
}

/// An eligibility decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The policy that produced it.
    pub policy: PolicyRef,
    /// The application decided.
    pub application: ApplicationId,
    /// Its kind.
    pub kind: ProjectKind,
    /// One finding per rule.
    pub findings: Vec<Finding>,
}

impl Decision {
    /// True when no finding failed.
    pub fn is_eligible(&self) -> bool {
        self.findings.iter().all(|f| f.outcome != Outcome::Failed)
    }
}

/// Decides an application against a policy.
pub fn decide(policy: &Policy, application: &Application) -> Result<Decision, ApplicationError> {
    Ok(Decision {
        policy: policy.reference(),
        application: application.id.clone(),
        kind: application.kind,
        findings: Vec::new(),
    })
}
