//! Rows to records and back, shared by the back ends: the checks of an
//! append (made inside the transaction, against the head it read) and the
//! decoding of stored rows, each failure naming the record.

use skill_grants::chain::{self, Digest, Head, Sealed};
use skill_grants::domain::ProjectId;
use skill_grants::lifecycle::Event;
use skill_grants::round::Round;

use crate::error::StoreError;

/// A record as a row: the sequence number as the database's integer, the
/// digests as 32 bytes, the event as its JSON text.
pub(crate) struct Row {
    pub(crate) seq: i64,
    pub(crate) prev: [u8; 32],
    pub(crate) hash: [u8; 32],
    pub(crate) event: String,
}

/// The checks of an append against the head read inside the transaction:
/// the expected sequence, the chain from the head, each event the
/// project's. Returns the rows to insert and the new head.
pub(crate) fn prepare_append(
    project: &ProjectId,
    expected: u64,
    current: Head,
    records: &[Sealed<Event>],
) -> Result<(Vec<Row>, Head), StoreError> {
    if current.seq != expected {
        return Err(StoreError::Conflict {
            project: project.clone(),
            expected,
            actual: current.seq,
        });
    }
    let head = chain::verify_from(&current, records).map_err(|source| StoreError::NotChained {
        project: project.clone(),
        source,
    })?;
    let mut rows = Vec::with_capacity(records.len());
    for (position, record) in records.iter().enumerate() {
        if record.event.project != *project {
            return Err(StoreError::WrongProject {
                project: project.clone(),
                position,
                found: record.event.project.clone(),
            });
        }
        let event = serde_json::to_string(&record.event).map_err(|e| StoreError::Encoding {
            project: project.clone(),
            position,
            reason: e.to_string(),
        })?;
        rows.push(Row {
            seq: seq_to_db(project, record.seq)?,
            prev: *record.prev.as_bytes(),
            hash: *record.hash.as_bytes(),
            event,
        });
    }
    Ok((rows, head))
}

/// A sequence number as the database's signed 64-bit integer.
pub(crate) fn seq_to_db(project: &ProjectId, seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::SeqRange {
        project: project.clone(),
        seq,
    })
}

/// A log read with the head row read beside it: a project with neither is
/// unknown; rows without a head row are checked against the genesis head, so
/// verification reports them instead of this read hiding them.
pub(crate) fn log_and_head(
    project: &ProjectId,
    log: Vec<Sealed<Event>>,
    head: Option<Head>,
) -> Result<(Vec<Sealed<Event>>, Head), StoreError> {
    match head {
        Some(head) => Ok((log, head)),
        None if log.is_empty() => Err(StoreError::UnknownProject {
            project: project.clone(),
        }),
        None => Ok((log, Head::GENESIS)),
    }
}

/// A stored head row.
pub(crate) fn head_from_db(project: &ProjectId, seq: i64, hash: &[u8]) -> Result<Head, StoreError> {
    let corrupt = |reason: String| StoreError::CorruptHead {
        project: project.clone(),
        reason,
    };
    let seq = u64::try_from(seq).map_err(|_| corrupt(format!("seq {seq} is negative")))?;
    let hash =
        digest(hash).ok_or_else(|| corrupt(format!("the hash is {} bytes, not 32", hash.len())))?;
    Ok(Head { seq, hash })
}

fn digest(bytes: &[u8]) -> Option<Digest> {
    <[u8; 32]>::try_from(bytes).ok().map(Digest::from_bytes)
}

/// A stored event row, read back: the row's position in the log names it
/// in every error.
pub(crate) fn record_from_db(
    project: &ProjectId,
    position: usize,
    seq: i64,
    prev: &[u8],
    hash: &[u8],
    event: &[u8],
) -> Result<Sealed<Event>, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        project: project.clone(),
        position,
        seq,
        reason,
    };
    let seq_u = u64::try_from(seq).map_err(|_| corrupt("negative sequence number".into()))?;
    let prev =
        digest(prev).ok_or_else(|| corrupt(format!("`prev` is {} bytes, not 32", prev.len())))?;
    let hash =
        digest(hash).ok_or_else(|| corrupt(format!("`hash` is {} bytes, not 32", hash.len())))?;
    let event: Event =
        serde_json::from_slice(event).map_err(|e| corrupt(format!("the event: {e}")))?;
    Ok(Sealed {
        seq: seq_u,
        prev,
        hash,
        event,
    })
}

/// A round as a row: its year, its stage's serde name and its JSON.
pub(crate) fn round_to_db(key: &str, round: &Round) -> Result<(i32, String, String), StoreError> {
    let failed = |e: serde_json::Error| StoreError::Round {
        key: key.to_owned(),
        reason: format!("cannot be encoded: {e}"),
    };
    let stage = match serde_json::to_value(round.stage()).map_err(failed)? {
        serde_json::Value::String(name) => name,
        other => other.to_string(),
    };
    let json = serde_json::to_string(round).map_err(failed)?;
    Ok((round.year(), stage, json))
}

/// A stored round read back through the library's checked record.
pub(crate) fn round_from_db(key: &str, json: &[u8]) -> Result<Round, StoreError> {
    serde_json::from_slice(json).map_err(|e| StoreError::Round {
        key: key.to_owned(),
        reason: format!("refused when read: {e}"),
    })
}
