//! The rule registry: every rule the crate executes, by area, with the
//! clauses it cites and the reading it follows — for auditors and for the
//! clause-to-test map (`cargo run --example clause_map`).
//!
//! The registry is not typed out a second time: it is built from the modules'
//! own tables and enums.
//!
//! | area | built from | rule ids |
//! |---|---|---|
//! | [`Area::Policy`] | [`Policy::sources`] | `policy.<field>` |
//! | [`Area::Dates`] | [`ProjectKind::fund_clause`] (R10), the notice of 5 (R9) | `dates.completion_deadline.<kind>`, `dates.public_notice` |
//! | [`Area::Eligibility`] | [`RuleId::ALL`], [`RuleId::law`] | `eligibility.<rule>` |
//! | [`Area::Round`] | [`Step::law`], [`RefusalKind::law`], [`VerdictKind::law`] over each `ALL` | `round.step.<step>`, `round.refusal.<reason>`, `round.verdict.<verdict>` |
//! | [`Area::Lifecycle`] | [`EventKind::law`], [`transitions`], [`LifecycleErrorKind::law`] | `lifecycle.event.<kind>`, `lifecycle.transition.<from>.<event>`, `lifecycle.refusal.<error>` |
//!
//! Where a rule's clause depends on the case (a refusal cites 4.1 for a
//! banner's list, 4.2 for a body's; a refusal in the lifecycle cites 6.1 for
//! a base, 6.2 for a studio), the rule lists every clause it may cite: the
//! registry evaluates the module's own `clause()` method over every kind,
//! recommender, state and event, rather than restating it.
//!
//! ```
//! use skill_grants::rules::{self, Area};
//! use skill_grants::ClauseId;
//!
//! let r = rules::find("eligibility.construction_period").unwrap();
//! assert_eq!(r.area, Area::Eligibility);
//! assert_eq!(r.clauses, vec![ClauseId::C3_3]);
//! assert_eq!(r.reading, Some("R6"));
//!
//! // Every executed clause has at least one rule.
//! for clause in skill_grants::Clause::all() {
//!     if clause.execution.is_executed() {
//!         assert!(rules::for_clause(clause.id).next().is_some(), "{}", clause.id);
//!     }
//! }
//! ```

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

use crate::clause::ClauseId;
use crate::domain::ProjectKind;
use crate::eligibility::RuleId;
use crate::lang::Lang;
use crate::lifecycle::{EventKind, LifecycleError, LifecycleErrorKind, transitions};
use crate::policy::Policy;
use crate::round::error::Step;
use crate::round::verdict::{Refusal, RefusalKind, Verdict, VerdictKind};

/// The area of the crate a rule belongs to.
///
/// ```
/// use skill_grants::rules::Area;
/// assert_eq!(Area::Lifecycle.as_str(), "lifecycle");
/// assert_eq!(Area::ALL.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The policy's values, each tied to its clause ([`Policy::sources`]).
    Policy,
    /// Deadlines (R10) and the working days of the public notice (R9).
    Dates,
    /// Who may apply ([`crate::eligibility`]).
    Eligibility,
    /// The annual round ([`crate::round`]).
    Round,
    /// A funded project's life ([`crate::lifecycle`]).
    Lifecycle,
}

impl Area {
    /// Every area, in the order of the registry.
    pub const ALL: [Area; 5] = [
        Area::Policy,
        Area::Dates,
        Area::Eligibility,
        Area::Round,
        Area::Lifecycle,
    ];

    /// The area's name, as in rule ids.
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Policy => "policy",
            Area::Dates => "dates",
            Area::Eligibility => "eligibility",
            Area::Round => "round",
            Area::Lifecycle => "lifecycle",
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

pub use crate::reading::{READINGS, Reading};

/// The reading with this id (`"R6"`), if there is one (see [`crate::reading`]).
///
/// ```
/// let r = skill_grants::rules::reading("R10").unwrap();
/// assert!(r.gloss_en.contains("29 February"));
/// assert!(skill_grants::rules::reading("R18").is_none());
/// ```
pub fn reading(id: &str) -> Option<&'static Reading> {
    crate::reading::find(id)
}

/// One rule of the crate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// A stable id: the area, then the module's own name for the rule
    /// (`"eligibility.construction_period"`, `"round.refusal.over_quota"`).
    pub id: String,
    /// Its area.
    pub area: Area,
    /// The clauses it may cite, in the order of the notice; never empty.
    pub clauses: Vec<ClauseId>,
    /// The reading it follows, if any (`"R6"`).
    pub reading: Option<&'static str>,
    /// How Rust code names it (`"RuleId::ConstructionPeriod"`,
    /// `"LifecycleError::AfterDeadline"`): the clause map counts a test that
    /// names one of these as exercising the rule's clauses.
    pub code: Vec<String>,
    /// What it does, in English.
    pub summary: String,
}

impl Rule {
    /// True when the rule cites `clause`.
    ///
    /// ```
    /// use skill_grants::{rules, ClauseId};
    /// let r = rules::find("round.refusal.over_quota").unwrap();
    /// assert!(r.cites(ClauseId::C4_3));
    /// assert!(!r.cites(ClauseId::C7_1));
    /// ```
    pub fn cites(&self, clause: ClauseId) -> bool {
        self.clauses.contains(&clause)
    }
}

/// Every rule, area by area (policy, dates, eligibility, round, lifecycle).
/// Built once, on first use.
///
/// ```
/// use skill_grants::rules;
/// let all = rules::all();
/// assert!(all.iter().all(|r| !r.clauses.is_empty()));
/// // Ids are unique.
/// let ids: std::collections::BTreeSet<_> = all.iter().map(|r| r.id.as_str()).collect();
/// assert_eq!(ids.len(), all.len());
/// ```
pub fn all() -> &'static [Rule] {
    static REGISTRY: OnceLock<Vec<Rule>> = OnceLock::new();
    REGISTRY.get_or_init(build)
}

/// The rule with this id.
///
/// ```
/// assert!(skill_grants::rules::find("lifecycle.refusal.no_verified_finding").is_some());
/// assert!(skill_grants::rules::find("nothing").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static Rule> {
    all().iter().find(|r| r.id == id)
}

/// The rules that cite `clause`.
///
/// ```
/// use skill_grants::{rules, ClauseId};
/// assert!(rules::for_clause(ClauseId::C7_3).any(|r| r.id == "lifecycle.event.dissolved"));
/// assert_eq!(rules::for_clause(ClauseId::C1_1).count(), 0);
/// ```
pub fn for_clause(clause: ClauseId) -> impl Iterator<Item = &'static Rule> {
    all().iter().filter(move |r| r.cites(clause))
}

/// True when the registry has the rule `id` and it cites `clause`: what a
/// finding, refusal or error citing `clause` must satisfy.
///
/// ```
/// use skill_grants::{rules, ClauseId};
/// assert!(rules::cites("eligibility.specialties", ClauseId::C6_1));
/// assert!(!rules::cites("eligibility.specialties", ClauseId::C6_2));
/// ```
pub fn cites(id: &str, clause: ClauseId) -> bool {
    find(id).is_some_and(|r| r.cites(clause))
}

/// The registry id of an eligibility rule (`"eligibility.host_kind"`).
///
/// ```
/// use skill_grants::eligibility::RuleId;
/// assert_eq!(skill_grants::rules::eligibility_id(RuleId::DirectlyUnderBody), "eligibility.directly_under_body");
/// ```
pub fn eligibility_id(rule: RuleId) -> String {
    rule.law().id.to_owned()
}

/// The registry id of a round refusal (`"round.refusal.over_quota"`).
///
/// ```
/// use skill_grants::round::Refusal;
/// let r = Refusal::OverQuota { listed: 3, quota: 2 };
/// assert_eq!(skill_grants::rules::refusal_id(&r), "round.refusal.over_quota");
/// ```
pub fn refusal_id(refusal: &Refusal) -> String {
    refusal.kind().law().id.to_owned()
}

/// The registry id of a candidate's verdict (`"round.verdict.selected.funded"`);
/// `None` for [`Verdict::Refused`], whose refusals have their own ids.
///
/// ```
/// use skill_grants::round::{NotSelectedReason, Verdict};
/// let v = Verdict::NotSelected { reason: NotSelectedReason::PlacesFilled { places: 2 } };
/// assert_eq!(skill_grants::rules::verdict_id(&v).as_deref(), Some("round.verdict.not_selected.places_filled"));
/// ```
pub fn verdict_id(verdict: &Verdict) -> Option<String> {
    verdict.kind().map(|k| k.law().id.to_owned())
}

/// The registry id of a lifecycle refusal (`"lifecycle.refusal.after_deadline"`).
///
/// ```
/// use skill_grants::lifecycle::LifecycleError;
/// assert_eq!(skill_grants::rules::lifecycle_error_id(&LifecycleError::NoVerifiedFinding), "lifecycle.refusal.no_verified_finding");
/// ```
pub fn lifecycle_error_id(error: &LifecycleError) -> String {
    error.kind().law().id.to_owned()
}

/// The registry id of a kind of lifecycle event (`"lifecycle.event.revoked"`).
///
/// ```
/// use skill_grants::lifecycle::EventKind;
/// assert_eq!(skill_grants::rules::event_id(EventKind::Repaid), "lifecycle.event.repaid");
/// ```
pub fn event_id(kind: EventKind) -> String {
    kind.law().id.to_owned()
}

/// Collects rules, merging the clauses of entries with the same id.
#[derive(Default)]
struct Builder {
    rules: Vec<Rule>,
}

impl Builder {
    fn add(
        &mut self,
        id: String,
        area: Area,
        clauses: impl IntoIterator<Item = ClauseId>,
        reading: Option<&'static str>,
        code: Vec<String>,
        summary: String,
    ) {
        let clauses: BTreeSet<ClauseId> = clauses.into_iter().collect();
        if let Some(r) = self.rules.iter_mut().find(|r| r.id == id) {
            let mut merged: BTreeSet<ClauseId> = r.clauses.iter().copied().collect();
            merged.extend(clauses);
            r.clauses = merged.into_iter().collect();
            for c in code {
                if !r.code.contains(&c) {
                    r.code.push(c);
                }
            }
            if r.reading.is_none() {
                r.reading = reading;
            }
            return;
        }
        if clauses.is_empty() {
            return;
        }
        self.rules.push(Rule {
            id,
            area,
            clauses: clauses.into_iter().collect(),
            reading,
            code,
            summary,
        });
    }
}

fn build() -> Vec<Rule> {
    let mut b = Builder::default();
    policy_rules(&mut b);
    date_rules(&mut b);
    eligibility_rules(&mut b);
    round_rules(&mut b);
    lifecycle_rules(&mut b);
    b.rules
}

fn policy_rules(b: &mut Builder) {
    for s in Policy::sources() {
        let kind = if s.parameter {
            "a parameter a host may change"
        } else {
            "fixed by the notice"
        };
        b.add(
            format!("policy.{}", s.field),
            Area::Policy,
            [s.clause],
            s.reading,
            Vec::new(),
            format!("the policy's `{}`, {kind}; validated on load", s.field),
        );
    }
}

fn date_rules(b: &mut Builder) {
    for kind in ProjectKind::ALL {
        let name = match kind {
            ProjectKind::TrainingBase => "training_base",
            ProjectKind::Studio => "studio",
        };
        b.add(
            format!("dates.completion_deadline.{name}"),
            Area::Dates,
            [kind.fund_clause()],
            Some("R10"),
            vec!["completion_deadline".into(), "add_months".into()],
            format!(
                "the completion deadline of a {}: release plus its months, a missing day falling to the month's last day",
                kind.name(Lang::En)
            ),
        );
    }
    b.add(
        "dates.public_notice".into(),
        Area::Dates,
        [ClauseId::C5],
        Some("R9"),
        vec!["nth_working_day".into(), "HolidayCalendar".into()],
        "the last day of the public notice: the n-th working day from its first".into(),
    );
}

fn eligibility_rules(b: &mut Builder) {
    for rule in RuleId::ALL {
        let law = rule.law();
        let name = law.id.strip_prefix("eligibility.").unwrap_or(law.id);
        b.add(
            law.id.to_owned(),
            Area::Eligibility,
            law.clauses.iter().copied(),
            law.reading,
            vec![format!("RuleId::{}", camel(name))],
            law.gloss.to_owned(),
        );
    }
}

/// `construction_period` → `ConstructionPeriod`: how Rust code names the
/// variant whose law has this id — read from the id, never from `Debug`.
fn camel(snake: &str) -> String {
    snake
        .split('_')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

fn round_rules(b: &mut Builder) {
    let steps = Step::ALL.map(|s| (s.law(), s.code().iter().map(|c| (*c).to_owned()).collect()));
    let refusals = RefusalKind::ALL.map(|r| (r.law(), vec![r.code().to_owned()]));
    let verdicts = VerdictKind::ALL.map(|v| (v.law(), vec![v.code().to_owned()]));
    for (law, code) in steps.into_iter().chain(refusals).chain(verdicts) {
        b.add(
            law.id.to_owned(),
            Area::Round,
            law.clauses.iter().copied(),
            law.reading,
            code,
            law.gloss.to_owned(),
        );
    }
}

/// The last segment of a rule id (`lifecycle.refusal.after_deadline` →
/// `after_deadline`).
fn last_segment(id: &str) -> &str {
    id.rsplit('.').next().unwrap_or(id)
}

/// The lifecycle's rules, collected from the enums' own laws: one per kind
/// of event ([`EventKind::law`]), one per row of the transition table
/// ([`transitions`], citing its event's law), one per kind of refusal
/// ([`LifecycleErrorKind::law`]).
fn lifecycle_rules(b: &mut Builder) {
    for kind in EventKind::ALL {
        let law = kind.law();
        let name = camel(last_segment(law.id));
        let mut code = vec![format!("EventKind::{name}"), format!("Change::{name}")];
        code.extend(kind.action().map(|action| format!("Action::{action}")));
        b.add(
            law.id.to_owned(),
            Area::Lifecycle,
            law.clauses.iter().copied(),
            law.reading,
            code,
            law.gloss.to_owned(),
        );
    }
    for t in transitions() {
        let law = t.kind.law();
        b.add(
            t.rule_id(),
            Area::Lifecycle,
            law.clauses.iter().copied(),
            law.reading,
            Vec::new(),
            format!(
                "{}: {} → {}",
                t.kind.name(Lang::En),
                t.from.name(Lang::En),
                t.to.name(Lang::En)
            ),
        );
    }
    for kind in LifecycleErrorKind::ALL {
        let law = kind.law();
        let name = camel(last_segment(law.id));
        b.add(
            law.id.to_owned(),
            Area::Lifecycle,
            law.clauses.iter().copied(),
            law.reading,
            vec![format!("LifecycleError::{name}")],
            format!("refused: {}", law.gloss),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_is_followed_by_some_rule() {
        for r in READINGS {
            assert!(
                all().iter().any(|rule| rule.reading == Some(r.id)),
                "{} has no rule",
                r.id
            );
        }
        for rule in all() {
            if let Some(id) = rule.reading {
                assert!(reading(id).is_some(), "{}: unknown reading {id}", rule.id);
            }
        }
    }

    #[test]
    fn lifecycle_refusals_cite_per_kind() {
        let r = find("lifecycle.refusal.after_deadline").unwrap();
        assert_eq!(r.clauses, vec![ClauseId::C6_1, ClauseId::C6_2]);
        let r = find("round.refusal.over_quota").unwrap();
        assert_eq!(
            r.clauses,
            vec![ClauseId::C4_1, ClauseId::C4_2, ClauseId::C4_3]
        );
    }
}
