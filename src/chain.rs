//! A tamper-evident event log: every event is sealed with its sequence number
//! and a SHA-256 hash that chains it to the event before.
//!
//! The crate keeps no log itself: the host stores the [`Sealed`] records (one
//! per event, serde) and, **somewhere else**, the [`Head`] — the sequence number
//! and hash of the last record. [`seal`] (or [`append`], with an expected
//! sequence number) makes the next record and the next head; [`verify`] replays
//! a log and returns the head it ends at; [`verify_against`] also compares that
//! with the head the host kept. A log verified once can be read again and
//! again without hashing it again: [`Verified`] borrows the records it was
//! made from (the proof that they were verified, which only verification
//! makes), [`VerifiedLog`] owns them and grows only by verification.
//!
//! ```
//! use skill_grants::chain::{self, Head};
//!
//! let (first, head) = chain::seal(Head::GENESIS, "account opened")?;
//! let (second, head) = chain::append(head, 1, "first payment")?;
//! let log = vec![first, second];
//! assert_eq!(chain::verify_against(&log, &head)?, head);
//!
//! let mut forged = log.clone();
//! forged[1].event = "second payment";                 // one changed event…
//! assert!(chain::verify(&forged).is_err());           // …is refused, naming record 1
//! assert!(chain::verify_against(&log[..1], &head).is_err()); // truncation, against the head
//! # Ok::<(), chain::ChainError>(())
//! ```
//!
//! ## The hash
//!
//! Record `n` (sequence numbers start at 1) stores `seq = n`, `prev` (the hash
//! of record `n − 1`, or 32 zero bytes for the first record) and
//!
//! ```text
//! hash = SHA-256( b"skill-grants/chain/v1"        (21 bytes, the domain and version)
//!              || prev                            (32 bytes)
//!              || seq as 8 bytes big-endian
//!              || canonical_bytes(event) )
//! ```
//!
//! ([`chain_hash`], SHA-256 from the RustCrypto `sha2` crate). The canonical
//! bytes ([`canonical_bytes`]) are a tagged, length-prefixed encoding of the
//! event's serde form, described in full on that function: the same value
//! always gives the same bytes, and two different values never give the same
//! bytes. Digests are written as 64 lowercase hexadecimal characters.
//!
//! ## What is detected
//!
//! [`verify`] replays a log from the start (sequence 1, `prev` all zeros) and
//! refuses, naming the record by its index in the log and its sequence number:
//!
//! - a **gap** (a record removed from the middle), a **duplicate** (a record
//!   stored twice) or a **reorder** (two records swapped):
//!   [`ChainError::Sequence`], with the sequence number expected and found;
//! - a **changed byte in an event** (any change to its serde form), or a
//!   **changed stored hash**: [`ChainError::Hash`], with the hash recomputed
//!   and the hash stored;
//! - a **changed `prev`**, or a record spliced in from another log:
//!   [`ChainError::Link`].
//!
//! [`verify_against`] also compares the end of the log with the head the host
//! kept apart:
//!
//! - **truncation** (records removed from the end): [`ChainError::Truncated`];
//! - **extension** (records appended past the head without moving it):
//!   [`ChainError::Extended`];
//! - a **rewritten log** (recomputed from some record on, so that it chains
//!   again but no longer reaches the head's hash): [`ChainError::Diverged`].
//!
//! ## What is not detected
//!
//! The chain is a checksum with memory, not a signature: anyone can compute
//! SHA-256. So it does **not** detect
//!
//! - a rewrite of the whole log **and** the head by someone who can write to
//!   both — keep the head where the log's writers cannot change it (another
//!   table, database or system, a write-once store, or a signed or published
//!   copy) and compare before trusting the log;
//! - truncation when there is no head to compare with: a log cut short after
//!   any record is itself a valid log, so [`verify`] alone accepts it;
//! - a whole valid log replayed as another project's: the chain does not name
//!   its project. The host keys each head by its project and stores the project
//!   in the events (or verifies each log against its own project's head);
//! - changes that do not change the event's value: JSON whitespace, key order,
//!   or an unknown field the event type ignores — they deserialize to the same
//!   event and so to the same hash (the `Sealed` record itself refuses unknown
//!   fields).
//!
//! The encoding follows the event type: renaming a type, field or variant, or
//! changing an integer's width, changes every hash. Keep serialized names with
//! `#[serde(rename)]`, or re-seal the log under a new head as a migration.
//!
//! ## Optimistic concurrency
//!
//! [`append`] takes the sequence number the writer last saw (0 for a new log),
//! as an event store takes an expected revision, and refuses with
//! [`ChainError::Conflict`] when the head has moved on. The host compares and
//! swaps the stored head in the same transaction as it stores the record.

mod canonical;
mod verified;
mod wording;

pub use verified::{Verified, VerifiedLog};

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256};

/// The domain and version that start every hashed message.
///
/// ```
/// assert_eq!(skill_grants::chain::DOMAIN, b"skill-grants/chain/v1");
/// ```
pub const DOMAIN: &[u8] = b"skill-grants/chain/v1";

/// A refused log, record or digest. Faults in a log name the record by its
/// index in the log (from 0) and its sequence number, with what was expected
/// and what was found.
///
/// ```
/// use skill_grants::chain::{self, ChainError, Head};
///
/// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
/// let (b, _) = chain::seal(head, "paid")?;
/// match chain::verify(&[a.clone(), a, b]) {
///     Err(ChainError::Sequence { index, expected, found }) => {
///         assert_eq!((index, expected, found), (1, 2, 1)); // record 1 repeats seq 1
///     }
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), ChainError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// A record's sequence number is not the previous one plus one (the first
    /// is 1): a gap, a duplicate or a reorder.
    #[error(
        "record {index} of the log has sequence number {found} where {expected} was expected: {}",
        sequence_hint(.expected, .found)
    )]
    Sequence {
        /// The record's index in the log (from 0).
        index: usize,
        /// The sequence number the record should have.
        expected: u64,
        /// The sequence number it has.
        found: u64,
    },
    /// A record's `prev` is not the hash of the record before it.
    #[error(
        "record {index} (seq {seq}) names {found} as the previous hash, but the record before it hashes to {expected}: the chain is broken here"
    )]
    Link {
        /// The record's index in the log (from 0).
        index: usize,
        /// Its sequence number.
        seq: u64,
        /// The previous record's hash (all zeros before the first).
        expected: Digest,
        /// The `prev` the record stores.
        found: Digest,
    },
    /// A record's stored hash is not the hash of its contents: the event or
    /// the stored hash was changed.
    #[error(
        "record {index} (seq {seq}) stores hash {found}, but its contents hash to {expected}: the event or its stored hash was changed"
    )]
    Hash {
        /// The record's index in the log (from 0).
        index: usize,
        /// Its sequence number.
        seq: u64,
        /// The hash recomputed from `prev`, `seq` and the event.
        expected: Digest,
        /// The hash the record stores.
        found: Digest,
    },
    /// The log ends before the host's head: records were removed from its end.
    #[error("the log ends at {found} but the host's head is at {expected}: the log was truncated")]
    Truncated {
        /// The head the host kept.
        expected: Head,
        /// The head the log ends at.
        found: Head,
    },
    /// The log goes on past the host's head, which it does reach: records were
    /// added without moving the head.
    #[error(
        "the log goes on to {found} past the host's head at {expected}: records were added without moving the head"
    )]
    Extended {
        /// The head the host kept.
        expected: Head,
        /// The head the log ends at.
        found: Head,
    },
    /// The log's record at the head's sequence number does not have the head's
    /// hash: the log was rewritten (or the head belongs to another log).
    #[error(
        "at seq {seq} the log hashes to {found} but the host's head says {expected}: the log was rewritten, or the head is another log's"
    )]
    Diverged {
        /// The head's sequence number.
        seq: u64,
        /// The head's hash.
        expected: Digest,
        /// The log's hash at that sequence number.
        found: Digest,
    },
    /// The head is not at the sequence number the writer expected: someone else
    /// appended first.
    #[error(
        "expected the log at seq {expected} but it is at seq {actual}: another writer appended first"
    )]
    Conflict {
        /// The sequence number the writer last saw.
        expected: u64,
        /// The head's sequence number.
        actual: u64,
    },
    /// The head is at the largest sequence number; nothing can follow it.
    #[error("the log is at seq {seq}, the largest sequence number; no event can follow")]
    Exhausted {
        /// The head's sequence number.
        seq: u64,
    },
    /// A value has no canonical encoding (a float, or a `Serialize` impl that
    /// failed).
    #[error("the event has no canonical encoding: {reason}")]
    Encoding {
        /// What serde or the encoder reported.
        reason: String,
    },
    /// A record of the log has no canonical encoding.
    #[error("record {index} (seq {seq}) has no canonical encoding: {reason}")]
    Unencodable {
        /// The record's index in the log (from 0).
        index: usize,
        /// Its sequence number.
        seq: u64,
        /// What serde or the encoder reported.
        reason: String,
    },
    /// Text that is not a digest: 64 lowercase hexadecimal characters. The text
    /// is quoted up to its first 80 characters.
    #[error("`{0}` is not a digest: expected 64 lowercase hexadecimal characters")]
    MalformedDigest(String),
}

fn sequence_hint(expected: &u64, found: &u64) -> &'static str {
    if found > expected {
        "records are missing before it, or out of order"
    } else {
        "a record is repeated or out of order"
    }
}

/// A SHA-256 digest: 32 bytes, written as 64 lowercase hexadecimal characters.
///
/// ```
/// use skill_grants::chain::Digest;
///
/// let zero: Digest = "0".repeat(64).parse()?;
/// assert_eq!(zero, Digest::ZERO);
/// assert_eq!(zero.to_string(), "0".repeat(64));
/// assert!("ABCD".parse::<Digest>().is_err());
/// # Ok::<(), skill_grants::chain::ChainError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest([u8; 32]);

impl Digest {
    /// 32 zero bytes: the `prev` of the first record and the hash of
    /// [`Head::GENESIS`].
    ///
    /// ```
    /// assert_eq!(skill_grants::chain::Digest::ZERO.as_bytes(), &[0u8; 32]);
    /// ```
    pub const ZERO: Digest = Digest([0; 32]);

    /// The digest of these 32 bytes.
    ///
    /// ```
    /// use skill_grants::chain::Digest;
    /// assert_eq!(Digest::from_bytes([0; 32]), Digest::ZERO);
    /// ```
    pub const fn from_bytes(bytes: [u8; 32]) -> Digest {
        Digest(bytes)
    }

    /// The 32 bytes.
    ///
    /// ```
    /// use skill_grants::chain::Digest;
    /// assert_eq!(Digest::from_bytes([7; 32]).as_bytes(), &[7; 32]);
    /// ```
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Reads 64 lowercase hexadecimal characters (also [`str::parse`]).
    ///
    /// ```
    /// use skill_grants::chain::Digest;
    /// let text = "ab".repeat(32);
    /// assert_eq!(Digest::from_hex(&text)?.as_bytes(), &[0xab; 32]);
    /// # Ok::<(), skill_grants::chain::ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ChainError::MalformedDigest`] for any other text: another length,
    /// upper case, a prefix such as `0x`, spaces.
    pub fn from_hex(text: &str) -> Result<Digest, ChainError> {
        let malformed = || ChainError::MalformedDigest(text.chars().take(80).collect());
        if text.len() != 64 {
            return Err(malformed());
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
            match pair {
                [high, low] => {
                    *byte = (nibble(*high).ok_or_else(malformed)? << 4)
                        | nibble(*low).ok_or_else(malformed)?;
                }
                _ => return Err(malformed()),
            }
        }
        Ok(Digest(bytes))
    }
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in &self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

impl FromStr for Digest {
    type Err = ChainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Digest::from_hex(s)
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Digest::from_hex(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Digest {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Digest".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "A SHA-256 digest: 64 lowercase hexadecimal characters.",
        })
    }
}

/// Where a log ends: the sequence number and hash of its last record. The host
/// keeps it apart from the log and compares it on replay ([`verify_against`]).
///
/// ```
/// use skill_grants::chain::{self, Head};
///
/// let (_, head) = chain::seal(Head::GENESIS, 42u32)?;
/// assert_eq!(head.seq, 1);
/// let json = serde_json::to_string(&head).unwrap();
/// assert_eq!(serde_json::from_str::<Head>(&json).unwrap(), head);
/// # Ok::<(), chain::ChainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Head {
    /// The last record's sequence number; 0 for an empty log.
    pub seq: u64,
    /// The last record's hash; all zeros for an empty log.
    pub hash: Digest,
}

impl Head {
    /// The head of an empty log: seq 0, hash all zeros.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head};
    /// assert_eq!(chain::verify::<u8>(&[])?, Head::GENESIS);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    pub const GENESIS: Head = Head {
        seq: 0,
        hash: Digest::ZERO,
    };
}

impl fmt::Display for Head {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "seq {} (hash {})", self.seq, self.hash)
    }
}

/// One event of a log with its place in the chain, as the host stores it.
///
/// ```
/// use skill_grants::chain::{self, Head};
///
/// let (record, head) = chain::seal(Head::GENESIS, "opened")?;
/// assert_eq!((record.seq, record.prev, record.hash), (1, Head::GENESIS.hash, head.hash));
/// assert_eq!(record.head(), head);
/// # Ok::<(), chain::ChainError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sealed<T> {
    /// The sequence number, from 1.
    pub seq: u64,
    /// The hash of the record before (all zeros for the first).
    pub prev: Digest,
    /// `SHA-256(DOMAIN || prev || seq (8 bytes, big-endian) || canonical_bytes(event))`.
    pub hash: Digest,
    /// The event.
    pub event: T,
}

impl<T> Sealed<T> {
    /// The head of a log that ends with this record.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head};
    /// let (record, head) = chain::seal(Head::GENESIS, ())?;
    /// assert_eq!(record.head(), head);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    pub fn head(&self) -> Head {
        Head {
            seq: self.seq,
            hash: self.hash,
        }
    }
}

/// The canonical bytes of a value, which [`chain_hash`] hashes: deterministic,
/// and different for different values. Each call of the serde data model is
/// written as a one-byte tag (an ASCII letter or digit) and its contents:
///
/// | serde call                 | tag  | then                                                        |
/// |----------------------------|------|-------------------------------------------------------------|
/// | `bool`                     | `b`  | one byte, `0` or `1`                                        |
/// | `i8` … `i128`              | `i`  | the width in bytes (1, 2, 4, 8, 16), two's complement, big-endian |
/// | `u8` … `u128`              | `u`  | the width in bytes, big-endian                              |
/// | `char`                     | `c`  | the scalar value, 4 bytes big-endian                        |
/// | `str` (and `collect_str`)  | `s`  | *text*                                                      |
/// | `bytes`                    | `y`  | the length, then the bytes                                  |
/// | `none` / `some`            | `n` / `o` | nothing / the value                                    |
/// | `unit`                     | `0`  | nothing                                                     |
/// | `unit_struct`              | `U`  | *name*                                                      |
/// | `unit_variant`             | `E`  | *enum name*, *variant name*                                 |
/// | `newtype_struct`           | `W`  | *name*, the value                                           |
/// | `newtype_variant`          | `V`  | *enum name*, *variant name*, the value                      |
/// | `seq`                      | `L`  | the count, then each element                                |
/// | `tuple`                    | `T`  | the count, then each element                                |
/// | `tuple_struct`             | `P`  | *name*, the count, then each field                          |
/// | `tuple_variant`            | `Q`  | *enum name*, *variant name*, the count, then each field     |
/// | `map`                      | `M`  | the count, then each key and value, sorted by the key's bytes (then the value's) |
/// | `struct`                   | `R`  | *name*, the count, then each field's *name* and value       |
/// | `struct_variant`           | `X`  | *enum name*, *variant name*, the count, then each field's *name* and value |
/// | `f32`, `f64`               | —    | refused: [`ChainError::Encoding`]                           |
///
/// A *text* or *name* is its length in bytes, then its UTF-8 bytes; every
/// length and count is 8 bytes big-endian. Counts are of what was written
/// (a field skipped with `skip_serializing_if` is not counted). Variant
/// indexes are not encoded (reordering an enum's variants keeps every
/// hash); names are those serde reports, so `#[serde(rename)]` controls them.
///
/// Every value's encoding is self-delimiting (the tag says what follows and
/// every variable part carries its length), so a concatenation of encodings
/// splits in one way only, and two values that make different serde calls get
/// different bytes. The serializer reports itself human-readable, as JSON does,
/// so dates and money encode as the same strings they are in JSON.
///
/// ```
/// use skill_grants::chain::canonical_bytes;
///
/// assert_eq!(canonical_bytes(&true)?, b"b\x01");
/// assert_eq!(canonical_bytes(&"ab")?, b"s\0\0\0\0\0\0\0\x02ab");
/// assert_ne!(canonical_bytes(&("ab", "c"))?, canonical_bytes(&("a", "bc"))?);
/// assert_ne!(canonical_bytes(&Some(""))?, canonical_bytes(&None::<&str>)?);
/// assert!(canonical_bytes(&1.5f64).is_err());
/// # Ok::<(), skill_grants::chain::ChainError>(())
/// ```
///
/// # Errors
///
/// [`ChainError::Encoding`] for a float (`f32`, `f64`: the crate stores none,
/// and their serde form has no single canonical value) or when the value's
/// `Serialize` impl fails.
pub fn canonical_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, ChainError> {
    canonical::encode(value)
}

/// `SHA-256(DOMAIN || prev || seq as 8 bytes big-endian || canonical)`: the
/// hash of the record with sequence number `seq`, following `prev`, whose
/// event has the canonical bytes `canonical`.
///
/// ```
/// use skill_grants::chain::{self, canonical_bytes, chain_hash, Head};
///
/// let (record, _) = chain::seal(Head::GENESIS, "opened")?;
/// let bytes = canonical_bytes(&"opened")?;
/// assert_eq!(chain_hash(&record.prev, record.seq, &bytes), record.hash);
/// # Ok::<(), chain::ChainError>(())
/// ```
pub fn chain_hash(prev: &Digest, seq: u64, canonical: &[u8]) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    hasher.update(prev.as_bytes());
    hasher.update(seq.to_be_bytes());
    hasher.update(canonical);
    Digest(hasher.finalize().into())
}

/// Seals `event` as the record after `head`: the record to store and the new
/// head to keep.
///
/// ```
/// use skill_grants::chain::{self, Head};
///
/// let (first, head) = chain::seal(Head::GENESIS, "opened")?;
/// let (second, head) = chain::seal(head, "paid")?;
/// assert_eq!((first.seq, second.seq, second.prev), (1, 2, first.hash));
/// assert_eq!(chain::verify(&[first, second])?, head);
/// # Ok::<(), chain::ChainError>(())
/// ```
///
/// # Errors
///
/// [`ChainError::Encoding`] when the event has no canonical bytes (see
/// [`canonical_bytes`]); [`ChainError::Exhausted`] after `u64::MAX` records.
pub fn seal<T: Serialize>(head: Head, event: T) -> Result<(Sealed<T>, Head), ChainError> {
    let seq = head
        .seq
        .checked_add(1)
        .ok_or(ChainError::Exhausted { seq: head.seq })?;
    let hash = chain_hash(&head.hash, seq, &canonical_bytes(&event)?);
    let record = Sealed {
        seq,
        prev: head.hash,
        hash,
        event,
    };
    Ok((record, Head { seq, hash }))
}

/// [`seal`], if the head is at the sequence number the writer expected (the
/// one it last saw; 0 for a new log) — the check an event store makes on an
/// expected revision.
///
/// ```
/// use skill_grants::chain::{self, ChainError, Head};
///
/// let (_, head) = chain::append(Head::GENESIS, 0, "opened")?;
/// let (_, head) = chain::append(head, 1, "paid")?;
/// // A writer that still believes the log is at seq 1 is refused:
/// assert_eq!(
///     chain::append(head, 1, "paid again").unwrap_err(),
///     ChainError::Conflict { expected: 1, actual: 2 },
/// );
/// # Ok::<(), ChainError>(())
/// ```
///
/// # Errors
///
/// [`ChainError::Conflict`] when `head.seq != expected`; otherwise as [`seal`].
pub fn append<T: Serialize>(
    head: Head,
    expected: u64,
    event: T,
) -> Result<(Sealed<T>, Head), ChainError> {
    if head.seq != expected {
        return Err(ChainError::Conflict {
            expected,
            actual: head.seq,
        });
    }
    seal(head, event)
}

/// Replays a whole log from its start and returns the head it ends at
/// ([`Head::GENESIS`] for an empty log).
///
/// ```
/// use skill_grants::chain::{self, ChainError, Head};
///
/// let (a, head) = chain::seal(Head::GENESIS, 'a')?;
/// let (b, head) = chain::seal(head, 'b')?;
/// let (c, _) = chain::seal(head, 'c')?;
/// let gap = [a.clone(), c.clone()];
/// assert!(matches!(
///     chain::verify(&gap),
///     Err(ChainError::Sequence { index: 1, expected: 2, found: 3 })
/// ));
/// assert_eq!(chain::verify(&[a, b, c])?.seq, 3);
/// # Ok::<(), ChainError>(())
/// ```
///
/// # Errors
///
/// The first fault, by record: [`ChainError::Sequence`] (gap, duplicate,
/// reorder), [`ChainError::Link`] (a changed `prev`), [`ChainError::Hash`]
/// (a changed event or stored hash), [`ChainError::Unencodable`].
pub fn verify<T: Serialize>(log: &[Sealed<T>]) -> Result<Head, ChainError> {
    verify_from(&Head::GENESIS, log)
}

/// Replays a part of a log that follows `start` (a head verified earlier) and
/// returns the head it ends at; the positions in errors are indexes into
/// `log`.
///
/// ```
/// use skill_grants::chain::{self, Head};
///
/// let (a, middle) = chain::seal(Head::GENESIS, 1u8)?;
/// let (b, end) = chain::seal(middle, 2u8)?;
/// assert_eq!(chain::verify_from(&middle, &[b])?, end);
/// assert!(chain::verify_from(&middle, &[a]).is_err()); // seq 1 cannot follow seq 1
/// # Ok::<(), chain::ChainError>(())
/// ```
///
/// # Errors
///
/// As [`verify`], the first record being checked against `start`.
pub fn verify_from<T: Serialize>(start: &Head, log: &[Sealed<T>]) -> Result<Head, ChainError> {
    let mut head = *start;
    // One buffer for every record's canonical bytes.
    let mut bytes = Vec::with_capacity(512);
    for (index, record) in log.iter().enumerate() {
        let expected = head
            .seq
            .checked_add(1)
            .ok_or(ChainError::Exhausted { seq: head.seq })?;
        if record.seq != expected {
            return Err(ChainError::Sequence {
                index,
                expected,
                found: record.seq,
            });
        }
        if record.prev != head.hash {
            return Err(ChainError::Link {
                index,
                seq: record.seq,
                expected: head.hash,
                found: record.prev,
            });
        }
        canonical::encode_into(&record.event, &mut bytes).map_err(|e| ChainError::Unencodable {
            index,
            seq: record.seq,
            reason: match e {
                ChainError::Encoding { reason } => reason,
                other => other.to_string(),
            },
        })?;
        let hash = chain_hash(&record.prev, record.seq, &bytes);
        if hash != record.hash {
            return Err(ChainError::Hash {
                index,
                seq: record.seq,
                expected: hash,
                found: record.hash,
            });
        }
        head = record.head();
    }
    Ok(head)
}

/// [`verify`], then compares the log's end with the head the host kept apart:
/// detects truncation, extension past the head and a rewritten log. Returns
/// the head (equal to `head`).
///
/// ```
/// use skill_grants::chain::{self, ChainError, Head};
///
/// let (a, middle) = chain::seal(Head::GENESIS, "opened")?;
/// let (b, end) = chain::seal(middle, "paid")?;
/// let log = [a, b];
/// assert_eq!(chain::verify_against(&log, &end)?, end);
/// assert!(matches!(chain::verify_against(&log[..1], &end), Err(ChainError::Truncated { .. })));
/// assert!(matches!(chain::verify_against(&log, &middle), Err(ChainError::Extended { .. })));
/// # Ok::<(), ChainError>(())
/// ```
///
/// # Errors
///
/// As [`verify`]; then [`ChainError::Truncated`] when the log ends before the
/// head, [`ChainError::Extended`] when it reaches the head and goes on,
/// [`ChainError::Diverged`] when its hash at the head's sequence number is not
/// the head's.
pub fn verify_against<T: Serialize>(log: &[Sealed<T>], head: &Head) -> Result<Head, ChainError> {
    let found = verify(log)?;
    if found == *head {
        return Ok(found);
    }
    if found.seq < head.seq {
        return Err(ChainError::Truncated {
            expected: *head,
            found,
        });
    }
    // The log reaches the head's sequence number: what is its hash there?
    let at_head = match head.seq.checked_sub(1) {
        None => Digest::ZERO,
        Some(index) => usize::try_from(index)
            .ok()
            .and_then(|i| log.get(i))
            .map_or(found.hash, |record| record.hash),
    };
    if at_head != head.hash {
        return Err(ChainError::Diverged {
            seq: head.seq,
            expected: head.hash,
            found: at_head,
        });
    }
    Err(ChainError::Extended {
        expected: *head,
        found,
    })
}
