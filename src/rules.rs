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
//! | [`Area::Round`] | [`Refusal::clauses`], [`Verdict::clauses`], the steps ([`Step`]) | `round.refusal.<reason>`, `round.verdict.<verdict>`, `round.step.<step>` |
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

use crate::eligibility::RuleId;
use crate::lifecycle::{EventKind, LifecycleError, LifecycleErrorKind, transitions};
use crate::model::{ApplicationId, BodyId, Seat, UnitId};
use crate::round::{
    Draw, Funding, NotSelectedReason, Recommender, Refusal, ReportPart, Step, Verdict,
};
use crate::{Banner, ClauseId, Fund, Lang, Policy, ProjectKind, Yuan};

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
    format!("round.refusal.{}", snake(&variant(&format!("{refusal:?}"))))
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
    let inner = match verdict {
        Verdict::Refused { .. } => return None,
        Verdict::Admitted | Verdict::Removed { .. } => None,
        Verdict::Selected { funding, .. } => Some(variant(&format!("{funding:?}"))),
        Verdict::NotSelected { reason } => Some(variant(&format!("{reason:?}"))),
    };
    let outer = snake(&variant(&format!("{verdict:?}")));
    Some(match inner {
        Some(i) => format!("round.verdict.{outer}.{}", snake(&i)),
        None => format!("round.verdict.{outer}"),
    })
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

/// The variant name at the start of a `Debug` rendering (`"OverQuota"` of
/// `"OverQuota { listed: 3, quota: 2 }"`).
fn variant(debug: &str) -> String {
    debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// `OverQuota` → `over_quota`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
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
/// variant whose law has this id.
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

/// The reading a round refusal follows.
const fn refusal_reading(r: &Refusal) -> Option<&'static str> {
    match r {
        Refusal::OverQuota { .. }
        | Refusal::ReportIncomplete { .. }
        | Refusal::UnitListedTwice { .. }
        | Refusal::ApplicationListedTwice { .. }
        | Refusal::OutsideJurisdiction { .. }
        | Refusal::NotUnderBody { .. }
        | Refusal::NotIndependentLegalPerson { .. }
        | Refusal::ListedByOthers { .. } => Some("R8"),
        // Cites the failed findings, each with its own rule and reading.
        Refusal::Ineligible { .. } => None,
    }
}

/// The reading a verdict follows.
const fn verdict_reading(v: &Verdict) -> Option<&'static str> {
    match v {
        Verdict::Refused { .. } | Verdict::Admitted => Some("R8"),
        Verdict::Selected { .. } => Some("R4"),
        Verdict::NotSelected { .. } => Some("R3"),
        Verdict::Removed { .. } => Some("R9"),
    }
}

/// The steps of a round (the module's table) and what they cite.
const fn step_clauses(step: Step) -> (&'static [ClauseId], Option<&'static str>, &'static str) {
    match step {
        Step::Submit => (
            &[ClauseId::C4_1, ClauseId::C4_2, ClauseId::C4_3],
            Some("R8"),
            "a recommender submits its ranked list and report",
        ),
        Step::CloseSubmissions => (
            &[ClauseId::C4_1, ClauseId::C4_2],
            Some("R8"),
            "submissions close; an entry on two recommenders' lists is refused on both",
        ),
        Step::Review => (
            &[ClauseId::C5, ClauseId::C2_2],
            Some("R9"),
            "the city ranks, selects within places and totals, and funds",
        ),
        Step::StartNotice => (
            &[ClauseId::C5],
            Some("R9"),
            "the public notice runs for the policy's working days",
        ),
        Step::RecordObjection => (
            &[ClauseId::C5],
            Some("R9"),
            "an objection during the notice; an upheld one removes the candidate",
        ),
        Step::Release => (
            &[ClauseId::C5],
            None,
            "the subsidies are released after the notice; the projects are created",
        ),
    }
}

fn round_rules(b: &mut Builder) {
    let by_banner = Recommender::Banner(Banner::Dongsheng);
    let recommenders = [by_banner.clone(), Recommender::Body(BodyId::new("body"))];
    b.add(
        "round.step.set_up".into(),
        Area::Round,
        [ClauseId::C2_1, ClauseId::C4_3],
        Some("R3"),
        vec!["set_up".into(), "RoundSetup".into()],
        "the city sets up the year's round: places, quotas, balances, earlier rounds".into(),
    );
    for step in [
        Step::Submit,
        Step::CloseSubmissions,
        Step::Review,
        Step::StartNotice,
        Step::RecordObjection,
        Step::Release,
    ] {
        let name = snake(&variant(&format!("{step:?}")));
        let (clauses, reading, summary) = step_clauses(step);
        let code = match step {
            Step::CloseSubmissions | Step::StartNotice | Step::RecordObjection => {
                vec![name.clone()]
            }
            // `submit`, `review`, `release` are common words; not scanned.
            Step::Submit | Step::Review | Step::Release => Vec::new(),
        };
        b.add(
            format!("round.step.{name}"),
            Area::Round,
            clauses.iter().copied(),
            reading,
            code,
            summary.into(),
        );
    }
    let seat = Seat::Banner(Banner::Kangbashi);
    let ineligible_clauses: Vec<ClauseId> = RuleId::ALL.iter().map(|r| r.clause()).collect();
    let refusals = [
        Refusal::OverQuota {
            listed: 2,
            quota: 1,
        },
        Refusal::ReportIncomplete {
            missing: vec![ReportPart::Procedure],
        },
        Refusal::UnitListedTwice {
            unit: UnitId::new("U"),
        },
        Refusal::ApplicationListedTwice {
            application: ApplicationId::new("A"),
        },
        Refusal::OutsideJurisdiction {
            banner: Banner::Dongsheng,
            seat: seat.clone(),
        },
        Refusal::NotUnderBody {
            body: BodyId::new("body"),
            seat,
        },
        Refusal::NotIndependentLegalPerson {
            body: BodyId::new("body"),
        },
        Refusal::ListedByOthers { others: Vec::new() },
    ];
    for r in &refusals {
        let clauses: Vec<ClauseId> = recommenders.iter().flat_map(|by| r.clauses(by)).collect();
        b.add(
            refusal_id(r),
            Area::Round,
            clauses,
            refusal_reading(r),
            vec![format!("Refusal::{}", variant(&format!("{r:?}")))],
            r.explain(Lang::En, &by_banner),
        );
    }
    b.add(
        "round.refusal.ineligible".into(),
        Area::Round,
        ineligible_clauses,
        None,
        vec!["Refusal::Ineligible".into()],
        "an entry whose eligibility decision failed is refused, citing the failed findings' clauses"
            .into(),
    );
    let draw = Draw {
        fund: Fund::EmploymentSubsidy,
        amount: Yuan::ZERO,
    };
    let verdicts = [
        Verdict::Admitted,
        Verdict::Selected {
            funding: Funding::Funded {
                amount: Yuan::ZERO,
                draws: vec![draw],
            },
            moved_up_for: None,
        },
        Verdict::Selected {
            funding: Funding::NotFunded {
                subsidy: Yuan::ZERO,
                available: Yuan::ZERO,
            },
            moved_up_for: None,
        },
        Verdict::NotSelected {
            reason: NotSelectedReason::PlacesFilled { places: 0 },
        },
        Verdict::NotSelected {
            reason: NotSelectedReason::ProgrammeTotalReached {
                total: 0,
                before: 0,
            },
        },
        Verdict::Removed {
            objection: 0,
            returned: Vec::new(),
        },
    ];
    for v in &verdicts {
        let Some(id) = verdict_id(v) else { continue };
        let mut clauses = Vec::new();
        for kind in ProjectKind::ALL {
            for by in &recommenders {
                clauses.extend(v.clauses(kind, by));
            }
        }
        let summary = match v {
            Verdict::Admitted => "an entry admitted to the city review",
            Verdict::Selected {
                funding: Funding::Funded { .. },
                ..
            } => "selected and funded: the fixed subsidy drawn from the funds in order",
            Verdict::Selected { .. } => {
                "selected, but the two funds together cannot pay it: not funded, nothing drawn"
            }
            Verdict::NotSelected {
                reason: NotSelectedReason::PlacesFilled { .. },
            } => "below the line: the year's places are filled",
            Verdict::NotSelected { .. } => {
                "below the line: what remains of the programme total is filled"
            }
            Verdict::Removed { .. } | Verdict::Refused { .. } => {
                "removed by an upheld objection during the notice; its draws go back"
            }
        };
        let code = match v {
            Verdict::Selected {
                funding: Funding::NotFunded { .. },
                ..
            } => vec!["Funding::NotFunded".into()],
            Verdict::NotSelected { reason } => {
                vec![format!(
                    "NotSelectedReason::{}",
                    variant(&format!("{reason:?}"))
                )]
            }
            other => vec![format!("Verdict::{}", variant(&format!("{other:?}")))],
        };
        b.add(
            id,
            Area::Round,
            clauses,
            verdict_reading(v),
            code,
            summary.into(),
        );
    }
}

/// The Rust name of a variant whose rule id ends in its snake-case name
/// (`after_deadline` → `AfterDeadline`), for the rule's `code`: read from the
/// id, never from `Debug`.
fn upper_camel(snake: &str) -> String {
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
        let name = upper_camel(last_segment(law.id));
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
        let name = upper_camel(last_segment(law.id));
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
    fn names_come_from_debug() {
        assert_eq!(variant("OverQuota { listed: 1 }"), "OverQuota");
        assert_eq!(variant("Admitted"), "Admitted");
        assert_eq!(snake("OverQuota"), "over_quota");
        assert_eq!(snake("C3_3"), "c3_3");
    }

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
