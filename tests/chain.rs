//! The tamper-evident log (`chain`): round trip, each kind of tampering
//! refused at the right position, truncation and extension against a head,
//! expected-sequence conflicts, the canonical bytes, and a property test that
//! no single mutation of a sealed log is accepted as a different log.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use skill_grants::chain::{
    self, ChainError, DOMAIN, Digest, Head, Sealed, Verified, VerifiedLog, canonical_bytes,
    chain_hash,
};
use skill_grants::{NaiveDate, Yuan};

// ---------- a small event type, shaped like the lifecycle's ----------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Ev {
    Opened {
        project: String,
        amount: Yuan,
        on: NaiveDate,
    },
    Paid {
        amount: Yuan,
        note: Option<String>,
    },
    Renamed(String),
    Closed,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn events() -> Vec<Ev> {
    vec![
        Ev::Opened {
            project: "S-2022-01".into(),
            amount: Yuan::from_yuan(50_000),
            on: date(2022, 9, 1),
        },
        Ev::Paid {
            amount: Yuan::from_yuan(20_000),
            note: Some("first".into()),
        },
        Ev::Renamed("鄂尔多斯技能大师工作室".into()),
        Ev::Paid {
            amount: Yuan::from_yuan(30_000),
            note: None,
        },
        Ev::Closed,
    ]
}

fn sealed(events: Vec<Ev>) -> (Vec<Sealed<Ev>>, Head) {
    let mut head = Head::GENESIS;
    let mut log = Vec::new();
    for event in events {
        let (record, next) = chain::seal(head, event).unwrap();
        log.push(record);
        head = next;
    }
    (log, head)
}

fn log() -> (Vec<Sealed<Ev>>, Head) {
    sealed(events())
}

// ---------- a verified log: a proof made only by verification ----------

#[test]
fn a_verified_log_holds_the_records_and_the_head_verification_found() {
    // Given a sealed log and the head kept apart
    let (log, head) = log();
    // When it is verified, borrowed or owned
    let borrowed = Verified::verify_against(&log, &head).unwrap();
    let owned = VerifiedLog::verify_against(log.clone(), &head).unwrap();
    // Then the proof holds exactly those records, ending at that head
    assert_eq!((borrowed.records(), borrowed.head()), (&log[..], head));
    assert_eq!((owned.records(), owned.head()), (&log[..], head));
    assert_eq!(owned.as_verified().records(), &log[..]);
    assert_eq!(Verified::verify(&log).unwrap().head(), head);
    assert_eq!(
        VerifiedLog::verify(log.clone()).unwrap().into_records(),
        log
    );
}

#[test]
fn no_tampered_log_becomes_verified() {
    // Given a sealed log, and each way of tampering with its records
    let (log, head) = log();
    let mut changed_event = log.clone();
    changed_event[2].event = Ev::Renamed("另一个名称".into());
    let mut changed_hash = log.clone();
    changed_hash[1].hash = Digest::from_bytes([1; 32]);
    let mut changed_prev = log.clone();
    changed_prev[3].prev = Digest::ZERO;
    let mut gap = log.clone();
    gap.remove(2);
    let mut duplicate = log.clone();
    duplicate.insert(2, log[2].clone());
    let mut reorder = log.clone();
    reorder.swap(1, 2);
    let (other, _) = sealed(vec![Ev::Closed, Ev::Closed]);
    let mut spliced = log.clone();
    spliced[1] = other[1].clone();
    for (what, tampered) in [
        ("a changed event", changed_event),
        ("a changed stored hash", changed_hash),
        ("a changed prev", changed_prev),
        ("a gap", gap),
        ("a duplicate", duplicate),
        ("a reorder", reorder),
        ("a record of another log", spliced),
    ] {
        // When it is verified
        let refused = chain::verify(&tampered).unwrap_err();
        // Then no proof is made, borrowed or owned, with or without the
        // head: the error is the chain's, naming the record
        assert!(position(&refused).is_some(), "{what}: {refused}");
        assert_eq!(Verified::verify(&tampered).unwrap_err(), refused, "{what}");
        assert_eq!(
            Verified::verify_against(&tampered, &head).unwrap_err(),
            refused,
            "{what}"
        );
        assert_eq!(VerifiedLog::verify(tampered.clone()).unwrap_err(), refused);
        assert_eq!(
            VerifiedLog::verify_against(tampered, &head).unwrap_err(),
            refused,
            "{what}"
        );
    }
    // And against the head, a truncated or extended log is refused.
    assert!(matches!(
        Verified::verify_against(&log[..3], &head),
        Err(ChainError::Truncated { .. })
    ));
    let (more, _) = chain::seal(head, Ev::Closed).unwrap();
    let mut extended = log.clone();
    extended.push(more);
    assert!(matches!(
        VerifiedLog::verify_against(extended, &head),
        Err(ChainError::Extended { .. })
    ));
}

#[test]
fn an_owned_verified_log_takes_only_records_that_follow_its_head() {
    // Given an owned verified log of the first three records
    let (log, head) = log();
    let mut owned = VerifiedLog::verify(log[..3].to_vec()).unwrap();
    let before = owned.clone();
    // When a record that does not follow, or a changed one, is offered
    let skipped = owned.push(log[4].clone()).unwrap_err();
    let mut changed = log[3].clone();
    changed.event = Ev::Closed;
    let forged = owned.extend(vec![changed, log[4].clone()]).unwrap_err();
    // Then it is refused with the chain's error, and the log is unchanged
    assert_eq!(
        skipped,
        ChainError::Sequence {
            index: 0,
            expected: 4,
            found: 5
        }
    );
    assert!(matches!(
        forged,
        ChainError::Hash {
            index: 0,
            seq: 4,
            ..
        }
    ));
    assert_eq!(owned, before);
    // And the records that follow are taken, reaching the head.
    assert_eq!(owned.push(log[3].clone()).unwrap(), log[3].head());
    assert_eq!(owned.extend(log[4..].to_vec()).unwrap(), head);
    assert_eq!(owned.records(), &log[..]);
    assert_eq!(VerifiedLog::<Ev>::new().head(), Head::GENESIS);
}

// ---------- round trip ----------

#[test]
fn a_sealed_log_round_trips_through_json_and_verifies() {
    let (log, head) = log();
    assert_eq!(head.seq, 5);
    assert_eq!(chain::verify(&log).unwrap(), head);
    assert_eq!(chain::verify_against(&log, &head).unwrap(), head);

    let json = serde_json::to_string(&log).unwrap();
    let back: Vec<Sealed<Ev>> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log);
    assert_eq!(chain::verify_against(&back, &head).unwrap(), head);

    let head_json = serde_json::to_string(&head).unwrap();
    assert_eq!(
        head_json,
        format!("{{\"seq\":5,\"hash\":\"{}\"}}", head.hash)
    );
    assert_eq!(serde_json::from_str::<Head>(&head_json).unwrap(), head);
}

#[test]
fn records_chain_from_genesis() {
    let (log, _) = log();
    assert_eq!(log[0].seq, 1);
    assert_eq!(log[0].prev, Digest::ZERO);
    for pair in log.windows(2) {
        assert_eq!(pair[1].seq, pair[0].seq + 1);
        assert_eq!(pair[1].prev, pair[0].hash);
    }
    assert_eq!(chain::verify::<Ev>(&[]).unwrap(), Head::GENESIS);
    assert_eq!(
        chain::verify_against::<Ev>(&[], &Head::GENESIS).unwrap(),
        Head::GENESIS
    );
}

#[test]
fn sealing_is_deterministic() {
    assert_eq!(log(), log());
}

#[test]
fn the_hash_is_the_documented_formula() {
    let (log, _) = log();
    for record in &log {
        let mut hasher = Sha256::new();
        hasher.update(b"skill-grants/chain/v1");
        hasher.update(record.prev.as_bytes());
        hasher.update(record.seq.to_be_bytes());
        hasher.update(canonical_bytes(&record.event).unwrap());
        let expected: [u8; 32] = hasher.finalize().into();
        assert_eq!(record.hash.as_bytes(), &expected);
        let canonical = canonical_bytes(&record.event).unwrap();
        assert_eq!(
            chain_hash(&record.prev, record.seq, &canonical),
            record.hash
        );
    }
    assert_eq!(DOMAIN, b"skill-grants/chain/v1");
}

/// Known answers: the encoding and the hash are a stored format, so they must
/// not change by accident. (A deliberate change is a new domain version.)
#[test]
fn known_answers_pin_the_format() {
    #[derive(Serialize)]
    struct Pay {
        amount: Yuan,
        note: Option<&'static str>,
    }
    let bytes = canonical_bytes(&Pay {
        amount: Yuan::from_yuan(1),
        note: None,
    })
    .unwrap();
    let mut expected = Vec::new();
    expected.push(b'R');
    expected.extend_from_slice(&3u64.to_be_bytes());
    expected.extend_from_slice(b"Pay");
    expected.extend_from_slice(&2u64.to_be_bytes());
    expected.extend_from_slice(&6u64.to_be_bytes());
    expected.extend_from_slice(b"amount");
    expected.push(b's');
    expected.extend_from_slice(&4u64.to_be_bytes());
    expected.extend_from_slice(b"1.00");
    expected.extend_from_slice(&4u64.to_be_bytes());
    expected.extend_from_slice(b"note");
    expected.push(b'n');
    assert_eq!(bytes, expected);

    assert_eq!(canonical_bytes(&-1i16).unwrap(), b"i\x02\xff\xff");
    assert_eq!(canonical_bytes(&7u8).unwrap(), b"u\x01\x07");
    assert_eq!(canonical_bytes(&'中').unwrap(), b"c\x00\x00\x4e\x2d");

    // Checked apart from the crate with Python's hashlib:
    // sha256(b"skill-grants/chain/v1" + bytes(32) + (1).to_bytes(8, "big")
    //        + b"s" + (6).to_bytes(8, "big") + b"opened")
    let (record, head) = chain::seal(Head::GENESIS, "opened").unwrap();
    assert_eq!(
        record.hash.to_string(),
        "bcd8540bc48d0a91eecc1bff71c05d0fd1d9c46435ee21c4f02ba1ea169dd8e4",
        "the hash of the first record \"opened\" changed: the stored format changed"
    );
    assert_eq!(head.hash, record.hash);
}

// ---------- tampering, each at its position ----------

#[test]
fn a_gap_is_refused_at_its_position() {
    let (mut log, _) = log();
    log.remove(2);
    assert_eq!(
        chain::verify(&log).unwrap_err(),
        ChainError::Sequence {
            index: 2,
            expected: 3,
            found: 4
        }
    );
}

#[test]
fn a_duplicate_is_refused_at_its_position() {
    let (mut log, _) = log();
    let copy = log[1].clone();
    log.insert(2, copy);
    let err = chain::verify(&log).unwrap_err();
    assert_eq!(
        err,
        ChainError::Sequence {
            index: 2,
            expected: 3,
            found: 2
        }
    );
    assert!(err.to_string().contains("record 2"), "{err}");
    assert!(err.to_string().contains("repeated"), "{err}");
}

#[test]
fn a_reorder_is_refused_at_its_position() {
    let (mut log, _) = log();
    log.swap(1, 3);
    assert_eq!(
        chain::verify(&log).unwrap_err(),
        ChainError::Sequence {
            index: 1,
            expected: 2,
            found: 4
        }
    );
}

#[test]
fn a_first_record_that_is_not_seq_1_is_refused() {
    let (log, _) = log();
    assert_eq!(
        chain::verify(&log[1..]).unwrap_err(),
        ChainError::Sequence {
            index: 0,
            expected: 1,
            found: 2
        }
    );
}

#[test]
fn a_changed_event_field_is_refused_at_its_position() {
    let (mut log, _) = log();
    let stored = log[3].hash;
    log[3].event = Ev::Paid {
        amount: Yuan::from_yuan(300_000),
        note: None,
    };
    match chain::verify(&log).unwrap_err() {
        ChainError::Hash {
            index,
            seq,
            expected,
            found,
        } => {
            assert_eq!((index, seq), (3, 4));
            assert_eq!(found, stored);
            assert_ne!(expected, stored);
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_changed_byte_in_the_stored_json_is_refused_at_its_position() {
    let (log, _) = log();
    let json = serde_json::to_string(&log).unwrap();
    assert!(json.contains("\"20000.00\""));
    let forged = json.replacen("\"20000.00\"", "\"29000.00\"", 1);
    let forged: Vec<Sealed<Ev>> = serde_json::from_str(&forged).unwrap();
    assert!(matches!(
        chain::verify(&forged),
        Err(ChainError::Hash {
            index: 1,
            seq: 2,
            ..
        })
    ));
}

#[test]
fn a_changed_stored_hash_is_refused_at_its_position() {
    let (mut log, _) = log();
    let original = log[4].hash;
    let mut bytes = *original.as_bytes();
    bytes[31] ^= 1;
    log[4].hash = Digest::from_bytes(bytes);
    assert_eq!(
        chain::verify(&log).unwrap_err(),
        ChainError::Hash {
            index: 4,
            seq: 5,
            expected: original,
            found: Digest::from_bytes(bytes)
        }
    );
}

#[test]
fn a_changed_hash_in_the_middle_breaks_the_next_link() {
    // Changing a stored hash and fixing nothing else is refused at that
    // record; a forger who also rewrites the next record's `prev` is caught
    // by that record's hash, and so on down the chain.
    let (mut log, _) = log();
    let forged = Digest::from_bytes([9; 32]);
    log[1].hash = forged;
    log[2].prev = forged;
    assert!(matches!(
        chain::verify(&log),
        Err(ChainError::Hash { index: 1, .. })
    ));
}

#[test]
fn a_changed_prev_is_refused_at_its_position() {
    let (mut log, _) = log();
    let expected = log[2].prev;
    log[2].prev = Digest::from_bytes([1; 32]);
    assert_eq!(
        chain::verify(&log).unwrap_err(),
        ChainError::Link {
            index: 2,
            seq: 3,
            expected,
            found: Digest::from_bytes([1; 32])
        }
    );
}

#[test]
fn a_record_from_another_log_is_refused() {
    let (mut log, _) = log();
    let (other, _) = sealed(vec![Ev::Closed, Ev::Closed, Ev::Closed]);
    log[2] = other[2].clone();
    assert!(matches!(
        chain::verify(&log),
        Err(ChainError::Link {
            index: 2,
            seq: 3,
            ..
        })
    ));
}

// ---------- against the host's head ----------

#[test]
fn truncation_is_refused_against_the_head() {
    let (log, head) = log();
    // Without the head, a prefix is a valid log (documented: not detected).
    let prefix = chain::verify(&log[..3]).unwrap();
    assert_eq!(prefix.seq, 3);
    let err = chain::verify_against(&log[..3], &head).unwrap_err();
    assert_eq!(
        err,
        ChainError::Truncated {
            expected: head,
            found: prefix
        }
    );
    assert!(err.to_string().contains("seq 3"), "{err}");
    assert!(matches!(
        chain::verify_against::<Ev>(&[], &head),
        Err(ChainError::Truncated {
            found: Head::GENESIS,
            ..
        })
    ));
}

#[test]
fn extension_past_the_head_is_refused() {
    let (log, head) = log();
    let (extra, longer) = chain::seal(head, Ev::Closed).unwrap();
    let mut extended = log.clone();
    extended.push(extra);
    assert_eq!(chain::verify(&extended).unwrap(), longer);
    assert_eq!(
        chain::verify_against(&extended, &head).unwrap_err(),
        ChainError::Extended {
            expected: head,
            found: longer
        }
    );
    assert!(matches!(
        chain::verify_against(&log, &Head::GENESIS),
        Err(ChainError::Extended { .. })
    ));
}

#[test]
fn a_rewritten_log_is_refused_against_the_head() {
    let (log, head) = log();
    // Re-seal from record 2 on with one event changed: the log chains again…
    let mut changed = events();
    changed[2] = Ev::Renamed("another name".into());
    let (rewritten, rewritten_head) = sealed(changed.clone());
    assert_eq!(rewritten[..2], log[..2]);
    assert_eq!(chain::verify(&rewritten).unwrap(), rewritten_head);
    // …but does not reach the host's head.
    assert_eq!(
        chain::verify_against(&rewritten, &head).unwrap_err(),
        ChainError::Diverged {
            seq: 5,
            expected: head.hash,
            found: rewritten_head.hash
        }
    );
    // Rewritten and extended: refused at the head's seq, not as an extension.
    changed.push(Ev::Closed);
    let (longer, _) = sealed(changed);
    assert!(matches!(
        chain::verify_against(&longer, &head),
        Err(ChainError::Diverged { seq: 5, .. })
    ));
}

#[test]
fn a_rewrite_of_log_and_head_together_is_not_detected() {
    // Documented: the chain is not a signature.
    let mut changed = events();
    changed[0] = Ev::Closed;
    let (rewritten, rewritten_head) = sealed(changed);
    assert_eq!(
        chain::verify_against(&rewritten, &rewritten_head).unwrap(),
        rewritten_head
    );
}

#[test]
fn verify_from_a_verified_head_checks_the_rest() {
    let (log, head) = log();
    let middle = log[1].head();
    assert_eq!(chain::verify_from(&middle, &log[2..]).unwrap(), head);
    assert_eq!(
        chain::verify_from(&middle, &log[3..]).unwrap_err(),
        ChainError::Sequence {
            index: 0,
            expected: 3,
            found: 4
        }
    );
}

// ---------- expected sequence ----------

#[test]
fn append_refuses_a_stale_expected_sequence() {
    let (_, head) = log();
    assert_eq!(
        chain::append(head, 4, Ev::Closed).unwrap_err(),
        ChainError::Conflict {
            expected: 4,
            actual: 5
        }
    );
    assert_eq!(
        chain::append(head, 6, Ev::Closed).unwrap_err(),
        ChainError::Conflict {
            expected: 6,
            actual: 5
        }
    );
    let (record, next) = chain::append(head, 5, Ev::Closed).unwrap();
    assert_eq!((record.seq, record.prev, next.seq), (6, head.hash, 6));
    assert_eq!(
        chain::append(Head::GENESIS, 0, Ev::Closed).unwrap().1.seq,
        1
    );
}

#[test]
fn the_last_sequence_number_cannot_be_followed() {
    let head = Head {
        seq: u64::MAX,
        hash: Digest::ZERO,
    };
    assert_eq!(
        chain::seal(head, ()).unwrap_err(),
        ChainError::Exhausted { seq: u64::MAX }
    );
}

// ---------- digests and records in JSON ----------

#[test]
fn digests_are_64_lowercase_hex_characters() {
    let d = Digest::from_bytes([0xab; 32]);
    let text = d.to_string();
    assert_eq!(text, "ab".repeat(32));
    assert_eq!(text.parse::<Digest>().unwrap(), d);
    assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{text}\""));
    for bad in [
        "AB".repeat(32),
        "ab".repeat(31),
        "ab".repeat(33),
        format!("0x{}", "ab".repeat(31)),
        format!(" {}", &"ab".repeat(32)[1..]),
        "g".repeat(64),
        "é".repeat(32),
        String::new(),
    ] {
        assert!(bad.parse::<Digest>().is_err(), "{bad:?}");
        assert!(
            serde_json::from_str::<Digest>(&format!("\"{bad}\"")).is_err(),
            "{bad:?}"
        );
    }
    assert!(serde_json::from_str::<Digest>("42").is_err());
    let long = "x".repeat(200);
    match long.parse::<Digest>().unwrap_err() {
        ChainError::MalformedDigest(quoted) => assert_eq!(quoted.len(), 80),
        other => panic!("{other}"),
    }
}

#[test]
fn records_and_heads_refuse_unknown_and_missing_fields() {
    let (log, head) = log();
    let mut value = serde_json::to_value(&log[0]).unwrap();
    value["signature"] = serde_json::json!("x");
    assert!(serde_json::from_value::<Sealed<Ev>>(value).is_err());
    let mut value = serde_json::to_value(&log[0]).unwrap();
    value.as_object_mut().unwrap().remove("prev");
    assert!(serde_json::from_value::<Sealed<Ev>>(value).is_err());
    let mut value = serde_json::to_value(head).unwrap();
    value["extra"] = serde_json::json!(1);
    assert!(serde_json::from_value::<Head>(value).is_err());
}

#[cfg(feature = "schema")]
#[test]
fn the_schema_describes_digests_as_64_hex_characters() {
    let head = serde_json::to_string(&schemars::schema_for!(Head)).unwrap();
    assert!(head.contains("^[0-9a-f]{64}$"), "{head}");
    let record = serde_json::to_string(&schemars::schema_for!(Sealed<String>)).unwrap();
    for field in ["seq", "prev", "hash", "event"] {
        assert!(record.contains(&format!("\"{field}\"")), "{record}");
    }
}

// ---------- canonical bytes ----------

fn bytes<T: Serialize>(value: &T) -> Vec<u8> {
    canonical_bytes(value).unwrap()
}

#[test]
fn canonical_bytes_tell_apart_values_that_json_might_confuse() {
    assert_ne!(bytes(&Some("")), bytes(&None::<&str>));
    assert_ne!(bytes(&Some(None::<u8>)), bytes(&None::<Option<u8>>));
    assert_ne!(bytes(&("ab", "c")), bytes(&("a", "bc")));
    assert_ne!(bytes(&vec!["ab", "c"]), bytes(&vec!["a", "bc"]));
    assert_ne!(
        bytes(&vec![vec![1u8], vec![]]),
        bytes(&vec![vec![], vec![1u8]])
    );
    assert_ne!(bytes(&""), bytes(&()));
    assert_ne!(bytes(&0u32), bytes(&0i32));
    assert_ne!(bytes(&1u8), bytes(&true));
}

#[test]
fn canonical_bytes_tell_apart_enum_variants() {
    let all = [
        Ev::Closed,
        Ev::Renamed(String::new()),
        Ev::Renamed("Closed".into()),
        Ev::Paid {
            amount: Yuan::from_yuan(1),
            note: None,
        },
        Ev::Paid {
            amount: Yuan::from_yuan(1),
            note: Some(String::new()),
        },
        Ev::Paid {
            amount: Yuan::from_fen(101).unwrap(),
            note: None,
        },
    ];
    for (i, a) in all.iter().enumerate() {
        for (j, b) in all.iter().enumerate() {
            assert_eq!(i == j, bytes(a) == bytes(b), "{a:?} vs {b:?}");
        }
    }
}

#[test]
fn canonical_bytes_tell_apart_nested_structs() {
    #[derive(Serialize)]
    struct Inner {
        a: String,
        b: String,
    }
    #[derive(Serialize)]
    struct Outer {
        inner: Inner,
        c: String,
    }
    #[derive(Serialize)]
    struct Flat {
        a: String,
        b: String,
        c: String,
    }
    let outer = |a: &str, b: &str, c: &str| Outer {
        inner: Inner {
            a: a.into(),
            b: b.into(),
        },
        c: c.into(),
    };
    assert_ne!(bytes(&outer("x", "", "")), bytes(&outer("", "x", "")));
    assert_ne!(bytes(&outer("x", "y", "")), bytes(&outer("", "xy", "")));
    assert_ne!(bytes(&outer("", "", "x")), bytes(&outer("", "x", "")));
    assert_ne!(
        bytes(&outer("a", "b", "c")),
        bytes(&Flat {
            a: "a".into(),
            b: "b".into(),
            c: "c".into()
        })
    );
}

#[test]
fn canonical_bytes_do_not_depend_on_map_order() {
    let pairs: Vec<(String, u32)> = (0..50).map(|i| (format!("k{i}"), i)).collect();
    let hashed: HashMap<String, u32> = pairs.iter().cloned().collect();
    let sorted: BTreeMap<String, u32> = pairs.iter().cloned().collect();
    assert_eq!(bytes(&hashed), bytes(&sorted));
    let mut other = sorted.clone();
    other.insert("k0".into(), 99);
    assert_ne!(bytes(&other), bytes(&sorted));
}

#[test]
fn skipped_fields_are_not_counted() {
    #[derive(Serialize)]
    struct A {
        #[serde(skip_serializing_if = "Option::is_none")]
        x: Option<u8>,
        y: u8,
    }
    assert_ne!(bytes(&A { x: None, y: 1 }), bytes(&A { x: Some(1), y: 1 }));
    let without = bytes(&A { x: None, y: 1 });
    // name "A", then a count of 1
    assert_eq!(&without[10..18], &1u64.to_be_bytes());
}

#[test]
fn floats_are_refused() {
    assert!(matches!(
        canonical_bytes(&1.5f64),
        Err(ChainError::Encoding { .. })
    ));
    assert!(matches!(
        canonical_bytes(&vec![0.0f32]),
        Err(ChainError::Encoding { .. })
    ));
    assert!(matches!(
        chain::seal(Head::GENESIS, 2.0f64),
        Err(ChainError::Encoding { .. })
    ));
    let forged = Sealed {
        seq: 1,
        prev: Digest::ZERO,
        hash: Digest::ZERO,
        event: 2.0f64,
    };
    assert!(matches!(
        chain::verify(&[forged]),
        Err(ChainError::Unencodable {
            index: 0,
            seq: 1,
            ..
        })
    ));
}

#[test]
fn every_data_model_call_has_bytes() {
    #[derive(Serialize)]
    struct Unit;
    #[derive(Serialize)]
    struct New(u8);
    #[derive(Serialize)]
    struct Pair(u8, i64);
    #[derive(Serialize)]
    enum E {
        A,
        B(u8),
        C(u8, u8),
        D { x: u8 },
    }
    let values: Vec<Vec<u8>> = vec![
        bytes(&Unit),
        bytes(&New(1)),
        bytes(&Pair(1, -1)),
        bytes(&E::A),
        bytes(&E::B(1)),
        bytes(&E::C(1, 2)),
        bytes(&E::D { x: 1 }),
        bytes(&'x'),
        bytes(&u128::MAX),
        bytes(&i128::MIN),
        bytes(&serde_bytes_like(&[1, 2, 3])),
        bytes(&BTreeMap::from([(1u8, "a")])),
        bytes(&(1u8,)),
        bytes(&vec![1u8]),
    ];
    for (i, a) in values.iter().enumerate() {
        for (j, b) in values.iter().enumerate() {
            assert_eq!(i == j, a == b, "{i} vs {j}");
        }
    }
}

/// `serialize_bytes`, without the serde_bytes crate.
fn serde_bytes_like(b: &[u8]) -> impl Serialize + '_ {
    struct B<'a>(&'a [u8]);
    impl Serialize for B<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    B(b)
}

// ---------- properties ----------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Shape {
    Text(String),
    Maybe(Option<String>),
    Pair(String, String),
    List(Vec<String>),
    Rec {
        a: Option<u32>,
        b: Vec<Option<String>>,
    },
    Nothing,
}

fn shape() -> impl Strategy<Value = Shape> {
    let text = "[ab]{0,3}";
    prop_oneof![
        text.prop_map(Shape::Text),
        proptest::option::of(text).prop_map(Shape::Maybe),
        (text, text).prop_map(|(a, b)| Shape::Pair(a, b)),
        proptest::collection::vec(text, 0..3).prop_map(Shape::List),
        (
            proptest::option::of(0u32..3),
            proptest::collection::vec(proptest::option::of(text), 0..3)
        )
            .prop_map(|(a, b)| Shape::Rec { a, b }),
        Just(Shape::Nothing),
    ]
}

fn event() -> impl Strategy<Value = Ev> {
    let amount = (0u32..300_000).prop_map(Yuan::from_yuan);
    prop_oneof![
        ("[A-Z]-[0-9]{2}", amount.clone(), 0u32..365).prop_map(|(project, amount, d)| {
            Ev::Opened {
                project,
                amount,
                on: date(2022, 1, 1) + chrono::Days::new(u64::from(d)),
            }
        }),
        (amount, proptest::option::of("[a-z ]{0,6}"))
            .prop_map(|(amount, note)| Ev::Paid { amount, note }),
        "[a-z中]{0,5}".prop_map(Ev::Renamed),
        Just(Ev::Closed),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit { record: usize, byte: usize, bit: u8 },
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>(), 0u8..8)
            .prop_map(|(record, byte, bit)| Mutation::FlipBit { record, byte, bit }),
        1 => any::<usize>().prop_map(Mutation::Delete),
        1 => any::<usize>().prop_map(Mutation::Duplicate),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
    ]
}

/// The log after the mutation, or `None` when the mutated bytes no longer
/// parse as a record (refused before replay).
fn mutate(log: &[Sealed<Ev>], m: &Mutation) -> Option<Vec<Sealed<Ev>>> {
    let n = log.len();
    let mut out = log.to_vec();
    match *m {
        Mutation::FlipBit { record, byte, bit } => {
            let i = record % n;
            let mut json = serde_json::to_vec(&log[i]).unwrap();
            let at = byte % json.len();
            json[at] ^= 1 << bit;
            out[i] = serde_json::from_slice(&json).ok()?;
        }
        Mutation::Delete(i) => {
            out.remove(i % n);
        }
        Mutation::Duplicate(i) => out.insert(i % n, log[i % n].clone()),
        Mutation::Swap(a, b) => out.swap(a % n, b % n),
    }
    Some(out)
}

/// The index in the log an error names.
fn position(e: &ChainError) -> Option<usize> {
    match *e {
        ChainError::Sequence { index, .. }
        | ChainError::Link { index, .. }
        | ChainError::Hash { index, .. }
        | ChainError::Unencodable { index, .. } => Some(index),
        _ => None,
    }
}

/// Every single-bit flip of every record's stored JSON, exhaustively: each is
/// refused (by the parser or on replay), or parses back to the very same
/// record.
#[test]
fn every_single_bit_flip_is_refused_or_harmless() {
    let (log, head) = log();
    let (mut unparsable, mut refused, mut same) = (0, 0, 0);
    for i in 0..log.len() {
        let json = serde_json::to_vec(&log[i]).unwrap();
        for at in 0..json.len() {
            for bit in 0..8 {
                let mut flipped = json.clone();
                flipped[at] ^= 1 << bit;
                let Ok(record) = serde_json::from_slice::<Sealed<Ev>>(&flipped) else {
                    unparsable += 1;
                    continue;
                };
                let mut mutated = log.clone();
                mutated[i] = record;
                match chain::verify_against(&mutated, &head) {
                    Ok(_) => {
                        assert_eq!(mutated, log, "record {i}, byte {at}, bit {bit}");
                        same += 1;
                    }
                    Err(e) => {
                        assert_ne!(mutated, log);
                        assert_eq!(position(&e), Some(i), "{e}");
                        refused += 1;
                    }
                }
            }
        }
    }
    assert!(
        refused > 100,
        "{unparsable} unparsable, {refused} refused, {same} same"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any single mutation of a sealed log — a flipped bit in one record's
    /// stored JSON, a deleted, duplicated or swapped record — is refused on
    /// replay against the head, or yields exactly the same log (a flip the
    /// parser absorbs); it is never accepted as a different log.
    #[test]
    fn no_single_mutation_is_accepted_as_a_different_log(
        events in proptest::collection::vec(event(), 1..8),
        m in mutation(),
    ) {
        let (log, head) = sealed(events);
        if let Some(mutated) = mutate(&log, &m) {
            match chain::verify_against(&mutated, &head) {
                Ok(found) => {
                    prop_assert_eq!(&mutated, &log, "accepted a different log after {:?}", m);
                    prop_assert_eq!(found, head);
                }
                Err(_) => prop_assert_ne!(&mutated, &log),
            }
            // Nor does it become a verified log.
            prop_assert_eq!(
                Verified::verify_against(&mutated, &head).map(|v| v.head()),
                chain::verify_against(&mutated, &head)
            );
        }
    }

    /// Two values of a structured type have the same canonical bytes exactly
    /// when they are equal.
    #[test]
    fn canonical_bytes_are_injective(a in shape(), b in shape()) {
        prop_assert_eq!(a == b, bytes(&a) == bytes(&b), "{:?} vs {:?}", a, b);
    }

    #[test]
    fn equal_texts_split_differently_differ(a in "[ab]{0,4}", b in "[ab]{0,4}", c in "[ab]{0,4}", d in "[ab]{0,4}") {
        prop_assert_eq!((&a, &b) == (&c, &d), bytes(&(&a, &b)) == bytes(&(&c, &d)));
    }
}
