//! The auditors' property suite: the proptest invariants of the whole crate,
//! gathered as one test target —
//!
//! - `foundation`: months arithmetic (R10), money, working days (R9), clause
//!   look-up, policy validation;
//! - `eligibility`: decisions independent of the order of a unit's history,
//!   eligible exactly when no finding failed, every finding citing a clause of
//!   the rule registry, remedies that hold, the exact boundaries of 3.3 and
//!   3.4 (deadline day, day after, 24 months after acceptance, 29 February);
//! - `round`: places, quotas and programme totals never exceeded, money drawn
//!   equal to the subsidies funded and within the balances (zero balances and
//!   whole-subsidy balances included), outcomes independent of the order of
//!   inputs, every refusal and verdict citing the registry;
//! - `lifecycle`: random command sequences keep money conserved, terminal
//!   states terminal, replay equal to the live state, every refusal citing the
//!   registry;
//! - `arbitrary_input`: nothing panics on arbitrary serialized applications,
//!   rounds, projects, events and commands.
//!
//! Default case counts keep the target to a few seconds in debug. Scale it:
//!
//! ```sh
//! PROPTEST_CASES=100000 cargo test --release --test properties
//! ```
//!
//! `PROPTEST_CASES`, when set, replaces every property's default count (see
//! [`config`]); the other `PROPTEST_*` variables of proptest apply as usual. A
//! failing case is saved to `tests/properties/<module>.proptest-regressions`
//! and replayed first on every later run: commit that file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod eligibility_support;
mod round_support;

#[path = "properties/arbitrary_input.rs"]
mod arbitrary_input;
#[path = "properties/eligibility.rs"]
mod eligibility;
#[path = "properties/foundation.rs"]
mod foundation;
#[path = "properties/lifecycle.rs"]
mod lifecycle;
#[path = "properties/round.rs"]
mod round;

use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};

/// The configuration of a property: proptest's defaults (which read the
/// `PROPTEST_*` environment variables), with `default_cases` cases unless
/// `PROPTEST_CASES` is set; rejections allowed in proportion to the cases
/// (a property that assumes, e.g. "some candidate is selected", rejects some
/// inputs at any scale); failing seeds saved beside the module's source,
/// `tests/properties/<module>.proptest-regressions`.
pub fn config(default_cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    if std::env::var_os("PROPTEST_MAX_GLOBAL_REJECTS").is_none() {
        config.max_global_rejects = config
            .max_global_rejects
            .max(config.cases.saturating_mul(2));
    }
    if std::env::var_os("PROPTEST_MAX_LOCAL_REJECTS").is_none() {
        config.max_local_rejects = config.max_local_rejects.max(config.cases.saturating_mul(2));
    }
    config.failure_persistence = Some(Box::new(FileFailurePersistence::WithSource(
        "proptest-regressions",
    )));
    config
}
