//! The eligibility and round requests: `check`, `round`, `run_round`,
//! `round_outcome` and `restore_round`.

use std::collections::BTreeMap;

use super::request::{RequestId, RoundRun, RoundStep};
use super::response::{ErrorBody, ErrorCode, Response, StepDone};
use crate::application::Application;
use crate::eligibility;
use crate::lang::Lang;
use crate::policy::Policy;
use crate::round::{Round, RoundError};

pub(super) fn check(
    policy: &Policy,
    line: u64,
    id: Option<RequestId>,
    application: &Application,
    lang: Option<Lang>,
) -> Response {
    match eligibility::decide(policy, application) {
        Ok(decision) => Response::Decision {
            line,
            id,
            eligible: decision.is_eligible(),
            eligible_from: decision.eligible_from(),
            text: lang.map(|l| decision.render_with(policy, l)),
            decision: Box::new(decision),
        },
        Err(e) => {
            let field = e.field();
            Response::error(
                line,
                id,
                ErrorBody::new(
                    ErrorCode::ApplicationRefused,
                    None,
                    &format!(
                        "申报材料自相矛盾，未作审查（字段 `{field}`）：{}",
                        e.explain(Lang::Zh)
                    ),
                    &format!(
                        "the application contradicts itself and was not decided (field `{field}`): {e}"
                    ),
                ),
            )
        }
    }
}

/// The round's refusal; `what` names the part of a `run_round` document at fault.
fn refused(line: u64, id: Option<RequestId>, what: Option<&str>, e: &RoundError) -> Response {
    let at = what.map_or(String::new(), |what| format!("{what}: "));
    let zh = format!("评审步骤未执行，评审未改变：{at}{}", e.explain(Lang::Zh));
    let en = format!("{at}{e}");
    Response::error(
        line,
        id,
        ErrorBody::new(ErrorCode::RoundRefused, None, &zh, &en),
    )
}

pub(super) fn unknown(line: u64, id: Option<RequestId>, year: i32) -> Response {
    Response::error(
        line,
        id,
        ErrorBody::new(
            ErrorCode::UnknownRound,
            None,
            &format!("没有 {year} 年度的评审"),
            &format!("no round of {year} is held"),
        ),
    )
}

fn exists(line: u64, id: Option<RequestId>, year: i32) -> Response {
    Response::error(
        line,
        id,
        ErrorBody::new(
            ErrorCode::RoundExists,
            None,
            &format!("{year} 年度的评审已存在"),
            &format!("a round of {year} is already held"),
        ),
    )
}

/// One step on a copy of the round: the copy replaces the round only when
/// the step succeeds, so that a refused step changes nothing.
pub(super) fn step(
    policy: &Policy,
    rounds: &mut BTreeMap<i32, Round>,
    line: u64,
    id: Option<RequestId>,
    year: i32,
    step: RoundStep,
) -> Response {
    if let RoundStep::SetUp { setup } = step {
        if rounds.contains_key(&year) {
            return exists(line, id, year);
        }
        if setup.year != year {
            return Response::error(
                line,
                id,
                ErrorBody::new(
                    ErrorCode::RoundRefused,
                    None,
                    &format!("设置的年度 {} 与请求的年度 {year} 不符", setup.year),
                    &format!("the set-up is for {}, the request for {year}", setup.year),
                ),
            );
        }
        return match Round::set_up(policy.clone(), setup) {
            Ok(round) => {
                let stage = round.stage();
                rounds.insert(year, round);
                done(line, id, year, stage, StepDone::SetUp)
            }
            Err(e) => refused(line, id, None, &e),
        };
    }
    let Some(held) = rounds.get(&year) else {
        return unknown(line, id, year);
    };
    let mut round = held.clone();
    let result = match step {
        RoundStep::SetUp { .. } => return exists(line, id, year),
        RoundStep::Submit { recommendation } => round
            .submit(recommendation)
            .map(|receipt| StepDone::Submit { receipt }),
        RoundStep::CloseSubmissions => round
            .close_submissions()
            .map(|()| StepDone::CloseSubmissions),
        RoundStep::Review { review } => round.review(review).map(|()| StepDone::Review),
        RoundStep::StartNotice {
            starts_on,
            calendar,
        } => round
            .start_notice(starts_on, &calendar)
            .map(|notice| StepDone::StartNotice { notice }),
        RoundStep::RecordObjection { objection } => round
            .record_objection(objection)
            .map(|moved_up| StepDone::RecordObjection { moved_up }),
        RoundStep::Release { on } => round.release(on).map(|()| StepDone::Release {
            projects: round.projects(),
        }),
    };
    match result {
        Ok(what) => {
            let stage = round.stage();
            rounds.insert(year, round);
            done(line, id, year, stage, what)
        }
        Err(e) => refused(line, id, None, &e),
    }
}

fn done(
    line: u64,
    id: Option<RequestId>,
    year: i32,
    stage: crate::round::Stage,
    what: StepDone,
) -> Response {
    Response::Round {
        line,
        id,
        year,
        stage,
        done: Box::new(what),
    }
}

/// A whole round: every step in order; the round is kept only when all of
/// them succeed.
pub(super) fn run(
    policy: &Policy,
    rounds: &mut BTreeMap<i32, Round>,
    line: u64,
    id: Option<RequestId>,
    run: RoundRun,
    lang: Option<Lang>,
) -> Response {
    let year = run.setup.year;
    if rounds.contains_key(&year) {
        return exists(line, id, year);
    }
    let mut round = match Round::set_up(policy.clone(), run.setup) {
        Ok(r) => r,
        Err(e) => return refused(line, id, Some("run_round: set_up"), &e),
    };
    for (i, recommendation) in run.recommendations.into_iter().enumerate() {
        if let Err(e) = round.submit(recommendation) {
            return refused(
                line,
                id,
                Some(&format!("run_round: recommendations[{i}]")),
                &e,
            );
        }
    }
    if let Err(e) = round.close_submissions() {
        return refused(line, id, Some("run_round: close_submissions"), &e);
    }
    if let Err(e) = round.review(run.review) {
        return refused(line, id, Some("run_round: review"), &e);
    }
    if let Err(e) = round.start_notice(run.notice.starts_on, &run.notice.calendar) {
        return refused(line, id, Some("run_round: notice"), &e);
    }
    for (i, objection) in run.objections.into_iter().enumerate() {
        if let Err(e) = round.record_objection(objection) {
            return refused(line, id, Some(&format!("run_round: objections[{i}]")), &e);
        }
    }
    if let Err(e) = round.release(run.release_on) {
        return refused(line, id, Some("run_round: release_on"), &e);
    }
    let answer = outcome_of(&round, line, id, year, lang);
    if !matches!(answer, Response::Error { .. }) {
        rounds.insert(year, round);
    }
    answer
}

fn outcome_of(
    round: &Round,
    line: u64,
    id: Option<RequestId>,
    year: i32,
    lang: Option<Lang>,
) -> Response {
    match round.outcome() {
        Ok(outcome) => Response::RoundOutcome {
            line,
            id,
            year,
            text: lang.map(|l| outcome.render(l)),
            outcome: Box::new(outcome),
        },
        Err(e) => refused(line, id, None, &e),
    }
}

pub(super) fn outcome(
    rounds: &BTreeMap<i32, Round>,
    line: u64,
    id: Option<RequestId>,
    year: i32,
    lang: Option<Lang>,
) -> Response {
    match rounds.get(&year) {
        Some(round) => outcome_of(round, line, id, year, lang),
        None => unknown(line, id, year),
    }
}

/// A stored round, already checked when read; refused if its year is held
/// or it is under another policy than the service's.
pub(super) fn restore(
    policy: &Policy,
    rounds: &mut BTreeMap<i32, Round>,
    line: u64,
    id: Option<RequestId>,
    round: Round,
) -> Response {
    let year = round.year();
    if round.policy() != policy {
        let (theirs, ours) = (round.policy().reference(), policy.reference());
        return Response::error(
            line,
            id,
            ErrorBody::new(
                ErrorCode::RestoreRefused,
                None,
                &format!(
                    "存储的评审依据政策 {} 第 {} 版，本服务依据 {} 第 {} 版，未恢复",
                    theirs.id, theirs.revision, ours.id, ours.revision
                ),
                &format!(
                    "the stored round is under policy {} revision {}, this service under {} revision {}; nothing restored",
                    theirs.id, theirs.revision, ours.id, ours.revision
                ),
            ),
        );
    }
    if rounds.contains_key(&year) {
        return exists(line, id, year);
    }
    let stage = round.stage();
    rounds.insert(year, round);
    Response::RoundRestored {
        line,
        id,
        year,
        stage,
    }
}
