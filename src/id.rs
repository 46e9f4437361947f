//! One mechanism for every id type of the crate (编号): the units', people's,
//! applications', projects', bodies' and policies' ids are each a
//! `struct Name(Arc<str>)` made by the one macro [`text_id!`], so that they
//! behave alike.
//!
//! Each id is shared text (cloning is a reference count, so a decision names
//! its application without copying the id), compares, hashes and orders as
//! its text, prints as its text, serializes as the plain JSON string (and has
//! the JSON Schema of a string), and is built with `new`, `From<&str>` or
//! `From<String>`. Being distinct types, ids cannot be swapped by mistake in
//! a constructor.
//!
//! ```
//! use skill_grants::domain::{ApplicationId, UnitId};
//!
//! let unit = UnitId::new("U-001");
//! let app = ApplicationId::from("A-2022-001");
//! assert_eq!(unit.as_str(), "U-001");
//! assert_eq!(app, "A-2022-001");
//! assert_eq!(serde_json::to_string(&unit).unwrap(), "\"U-001\"");
//! assert_eq!(serde_json::from_str::<UnitId>("\"U-001\"").unwrap(), unit);
//! ```

/// Defines an id type: `$(#[doc])* Name` becomes `pub struct Name(Arc<str>)`
/// with `new`, `as_str`, `Display`, `AsRef<str>`, `Borrow<str>`, `From<&str>`,
/// `From<String>`, `From<Name> for String`, comparisons with `str`, `&str` and
/// `String`, serde as the plain string, and (feature `schema`) the JSON Schema
/// of a string.
macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(::std::sync::Arc<str>);

        impl $name {
            /// Wraps a text.
            pub fn new(id: impl Into<String>) -> Self {
                $name(::std::sync::Arc::from(id.into()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(::std::sync::Arc::from(s))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(::std::sync::Arc::from(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0.as_ref().to_owned()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                *self == *other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                <String as ::serde::Deserialize>::deserialize(deserializer).map($name::from)
            }
        }

        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                <String as ::schemars::JsonSchema>::json_schema(generator)
            }
        }
    };
}

pub(crate) use text_id;
