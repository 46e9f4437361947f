//! The state diagram is generated from the transition table and cannot drift.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::lifecycle::{EventKind, Status, mermaid, transition, transitions};

#[test]
fn diagram_matches_snapshot() {
    insta::assert_snapshot!("lifecycle_state_diagram", mermaid());
}

#[test]
fn diagram_in_the_docs_is_the_generated_one() {
    assert_eq!(include_str!("../src/lifecycle/diagram.mmd"), mermaid());
}

#[test]
fn terminal_states_have_no_way_out() {
    for s in Status::ALL.into_iter().filter(|s| s.is_terminal()) {
        for k in EventKind::ALL {
            if let Some(to) = transition(s, k) {
                assert_eq!(to, s, "{s:?} --{k:?}--> {to:?}");
            }
        }
    }
}

#[test]
fn every_non_terminal_state_can_be_revoked_or_is_reached() {
    let rows = transitions();
    for s in Status::ALL {
        if s != Status::UnderConstruction {
            assert!(
                rows.iter().any(|t| t.to == s && t.from != s),
                "{s:?} unreachable"
            );
        }
    }
    for s in Status::ALL.into_iter().filter(|s| !s.is_terminal()) {
        assert_eq!(
            transition(s, EventKind::Revoked),
            Some(Status::Revoked),
            "{s:?}"
        );
    }
}
