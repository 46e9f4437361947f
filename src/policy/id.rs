//! A policy's id and the reference (id and revision) decisions record.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PolicyId(Arc<str>);

shared_text_id!(PolicyId);

impl std::ops::Deref for PolicyId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for PolicyId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<PolicyId> for String {
    fn from(id: PolicyId) -> Self {
        id.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for PolicyId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for PolicyId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for PolicyId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<PolicyId> for str {
    fn eq(&self, other: &PolicyId) -> bool {
        *self == *other.0
    }
}

impl PartialEq<PolicyId> for &str {
    fn eq(&self, other: &PolicyId) -> bool {
        **self == *other.0
    }
}

impl PartialEq<PolicyId> for String {
    fn eq(&self, other: &PolicyId) -> bool {
        **self == *other.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PolicyId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PolicyId".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String>::json_schema(generator)
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
