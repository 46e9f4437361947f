//! Each enum's law agrees with its per-case methods: a refusal's, an event's
//! and a transition's clause is always one its law lists, and every clause a
//! law lists is cited by some case. The sample values are built outside the
//! `#[test]` bodies, so that the clause map does not count these checks as
//! exercising the rules.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::application::StudioLead;
use crate::clause::ClauseId;
use crate::date::DateError;
use crate::domain::{Banner, ProjectKind};
use crate::domain::{BodyId, PersonId, Seat, UnitId};
use crate::money::{MoneyError, Yuan};
use crate::policy::PolicyRef;

use super::command::Action;
use super::error::{LifecycleError, LifecycleErrorKind};
use super::event::EventKind;
use super::status::Status;
use super::table::{transition, transitions};
use super::types::{
    Actor, EvaluationRating, InspectionResult, LeadChangeReason, Misconduct, RenameCause, Role,
    SpecialtyIndex, Spend, SpendingCategory,
};

/// Every refusal, in every form whose clause differs: per kind of project,
/// per authority, per (state, event) the table refuses, per (role, event) the
/// access rule refuses.
fn every_refusal_form() -> Vec<LifecycleError> {
    let day = NaiveDate::MIN;
    let policy = PolicyRef {
        id: String::new().into(),
        revision: 0,
    };
    let person = PersonId::new("P");
    let mut out = vec![
        LifecycleError::PolicyMismatch {
            expected: policy.clone(),
            found: policy,
        },
        LifecycleError::SpecialtyCount {
            count: 0,
            min: 1,
            max: 2,
        },
        LifecycleError::SpecialtiesOnStudio { count: 1 },
        LifecycleError::LeadMissing,
        LifecycleError::LeadOnBase,
        LifecycleError::LeadWithoutHonour {
            person: person.clone(),
        },
        LifecycleError::Deadline(DateError::OutOfRange {
            date: day,
            months: 12,
        }),
        LifecycleError::BeforeLastEvent {
            date: day,
            last: day,
        },
        LifecycleError::NotProjectUnit {
            unit: UnitId::new("U"),
        },
        LifecycleError::OutsideJurisdiction {
            actor: Actor::BannerAuthority(Banner::Dongsheng),
            seat: Seat::Banner(Banner::Kangbashi),
        },
        LifecycleError::OutsideJurisdiction {
            actor: Actor::BodyAuthority(BodyId::new("body")),
            seat: Seat::Banner(Banner::Kangbashi),
        },
        LifecycleError::SpecialtyMissing,
        LifecycleError::AboveBalance {
            amount: Yuan::ZERO,
            balance: Yuan::ZERO,
        },
        LifecycleError::AboveOwed {
            amount: Yuan::ZERO,
            owed: Yuan::ZERO,
        },
        LifecycleError::Money(MoneyError::Overflow(Yuan::ZERO, Yuan::ZERO)),
        LifecycleError::NoVerifiedFinding,
        LifecycleError::RenameOnStudio,
        LifecycleError::LeadChangeOnBase,
        LifecycleError::EmptyName,
        LifecycleError::SameName,
        LifecycleError::SameLead {
            person: person.clone(),
        },
        LifecycleError::NewLeadWithoutHonour { person },
        LifecycleError::DuplicateSpecialty {
            specialty: crate::domain::Specialty::new("电工"),
            first: 0,
            second: 1,
        },
        LifecycleError::ReleaseOutsidePolicy {
            released_on: day,
            from: day,
            until: None,
        },
        LifecycleError::DeadlineRecorded {
            expected: day,
            found: day,
        },
        LifecycleError::Unsealable(crate::chain::ChainError::Exhausted { seq: u64::MAX }),
    ];
    for field in ["unit_name", "new_name", "new_lead.name"] {
        out.push(LifecycleError::BadText {
            field: field.to_owned(),
            problem: super::TextProblem::Blank,
        });
    }
    for kind in ProjectKind::ALL {
        out.push(LifecycleError::ReleaseNotSubsidy {
            kind,
            expected: Yuan::ZERO,
            found: Yuan::ZERO,
        });
        out.push(LifecycleError::BeforeRelease {
            date: day,
            released_on: day,
            kind,
        });
        out.push(LifecycleError::ProhibitedCategory {
            category: SpendingCategory::Travel,
            kind,
        });
        out.push(LifecycleError::CategoryOfOtherKind {
            category: SpendingCategory::Travel,
            kind,
        });
        out.push(LifecycleError::SpecialtyNotDeclared {
            index: SpecialtyIndex(2),
            declared: 1,
            kind,
        });
        out.push(LifecycleError::AfterDeadline {
            date: day,
            deadline: day,
            kind,
        });
        for status in Status::ALL {
            for event in EventKind::ALL {
                if transition(status, event).is_none() {
                    out.push(LifecycleError::NotInState {
                        status,
                        event,
                        kind,
                    });
                }
            }
        }
    }
    for event in EventKind::ALL {
        out.push(LifecycleError::ZeroAmount { event });
        for role in Role::ALL {
            if !event.permits(role) {
                out.push(LifecycleError::NotPermitted { role, event });
            }
        }
    }
    out
}

/// One action of each kind.
fn one_action_of_each_kind() -> Vec<Action> {
    vec![
        Action::Pay {
            spend: Spend::studio(SpendingCategory::SkillExchange, Yuan::ZERO),
        },
        Action::CompleteConstruction,
        Action::Inspect {
            result: InspectionResult::Satisfactory,
            report: String::new(),
        },
        Action::Evaluate {
            stage: 1,
            rating: EvaluationRating::MeetsRequirements,
            report: String::new(),
        },
        Action::Accept {
            rated_effective: true,
        },
        Action::Reject,
        Action::VerifyFinding {
            misconduct: Misconduct::Fraud,
            report: String::new(),
        },
        Action::Revoke,
        Action::RequestRename {
            new_name: String::new(),
            cause: RenameCause::Other,
        },
        Action::ApproveRename,
        Action::RefuseRename,
        Action::RequestLeadChange {
            new_lead: StudioLead::new(PersonId::new("P"), "某", []),
            reason: LeadChangeReason::Other,
        },
        Action::ApproveLeadChange,
        Action::RefuseLeadChange,
        Action::Dissolve,
        Action::RecordRepayment { amount: Yuan::ZERO },
    ]
}

fn set(clauses: &[ClauseId]) -> BTreeSet<ClauseId> {
    clauses.iter().copied().collect()
}

#[test]
fn a_refusal_cites_only_what_its_law_lists_and_the_law_lists_only_what_refusals_cite() {
    let forms = every_refusal_form();
    for kind in LifecycleErrorKind::ALL {
        let law = kind.law();
        let cited: BTreeSet<ClauseId> = forms
            .iter()
            .filter(|e| e.kind() == kind)
            .map(LifecycleError::clause)
            .collect();
        assert_eq!(cited, set(law.clauses), "{}", law.id);
    }
}

#[test]
fn refusal_laws_have_unique_ids_named_after_their_kinds() {
    let ids: BTreeSet<&str> = LifecycleErrorKind::ALL.iter().map(|k| k.law().id).collect();
    assert_eq!(ids.len(), LifecycleErrorKind::ALL.len());
    for kind in LifecycleErrorKind::ALL {
        let id = kind.law().id;
        assert!(id.starts_with("lifecycle.refusal."), "{id}");
        // The registry names the variant from the id's last segment.
        let snake: String = format!("{kind:?}")
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                sep.into_iter()
                    .chain(std::iter::once(c.to_ascii_lowercase()))
            })
            .collect();
        assert_eq!(id, format!("lifecycle.refusal.{snake}"));
    }
}

#[test]
fn an_event_cites_by_project_kind_only_what_its_law_lists() {
    for kind in EventKind::ALL {
        let law = kind.law();
        assert_eq!(law.id, format!("lifecycle.event.{}", kind.id()));
        let cited: BTreeSet<ClauseId> = ProjectKind::ALL.map(|k| kind.clause_for(k)).into();
        assert_eq!(cited, set(law.clauses), "{}", law.id);
        assert!(law.cites(kind.clause()), "{}", law.id);
    }
}

#[test]
fn every_action_names_its_event_kinds_action() {
    let actions = one_action_of_each_kind();
    for kind in EventKind::ALL {
        let named: Vec<&Action> = actions.iter().filter(|a| a.kind() == kind).collect();
        match kind.action() {
            None => assert!(named.is_empty(), "{kind:?}"),
            Some(name) => {
                assert_eq!(named.len(), 1, "{kind:?}");
                let debug = format!("{:?}", named.first().unwrap());
                let variant: String = debug
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                assert_eq!(variant, name);
            }
        }
    }
}

#[test]
fn a_transition_cites_its_events_law() {
    for t in transitions() {
        assert!(t.kind.law().cites(t.clause), "{}", t.rule_id());
        assert!(t.rule_id().starts_with("lifecycle.transition."));
    }
}

#[test]
fn state_laws_are_named_after_their_ids() {
    for s in Status::ALL {
        assert_eq!(s.law().id, format!("lifecycle.status.{}", s.id()));
        assert!(!s.law().clauses.is_empty());
    }
}
