//! A policy's id and the reference (id and revision) decisions record.

use serde::{Deserialize, Serialize};

crate::id::text_id!(
    /// A policy's id: shared text, so that every decision, round outcome and
    /// project can name its policy without copying the id (cloning is a reference
    /// count). Reads, compares, prints and serializes as the plain string.
    ///
    /// ```
    /// use skill_grants::policy::PolicyId;
    /// let id = PolicyId::from("ordos-2022-100");
    /// assert_eq!(id, "ordos-2022-100");
    /// assert_eq!(id.as_str().len(), 14);
    /// assert_eq!(serde_json::to_string(&id).unwrap(), "\"ordos-2022-100\"");
    /// ```
    PolicyId
);

impl std::ops::Deref for PolicyId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// Who produced a decision: a policy's id and revision.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyRef {
    /// The policy's id.
    pub id: PolicyId,
    /// Its revision.
    pub revision: u32,
}
