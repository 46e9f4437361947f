//! The built-in 2022 round, end to end: set-up, lists, review, notice with an
//! objection, release, and every funded project run forward through its
//! construction period. See [`annual_round_2022`].

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{applications_2022, bodies, reference_date_2022, ymd};
use crate::application::{Honour, SkillLevel, StudioLead};
use crate::chain::Sealed;
use crate::clause::ClauseId;
use crate::date::{DateError, HolidayCalendar};
use crate::domain::{ApplicationId, PersonId, ProjectId, Seat};
use crate::domain::{Banner, ProjectKind};
use crate::lang::Lang;
use crate::lifecycle::{
    Action, Actor, Command, EvaluationRating, Event, InspectionResult, LeadChangeReason,
    LifecycleError, Misconduct, Project, RenameCause, SpecialtyIndex, Spend, SpendingCategory,
    Status,
};
use crate::money::{MoneyError, Yuan};
use crate::policy::{AnnualPlaces, Policy};
use crate::round::{
    CandidateScore, CityReview, Coverage, ExpertMember, FundBalances, Objection, Quota,
    Recommendation, RecommendationReport, Recommender, Round, RoundError, RoundOutcome, RoundSetup,
    Score, Verdict,
};

/// This year's places in the sample round (R3): 5 bases and 10 studios, a
/// quarter of the programme's 20 and 40.
///
/// ```
/// assert_eq!(skill_grants::sample::places_2022().studios, 10);
/// ```
pub fn places_2022() -> AnnualPlaces {
    AnnualPlaces {
        year: 2022,
        training_bases: 5,
        studios: 10,
    }
}

/// The sample quotas (4.3): each banner or district may list 5 bases and 3
/// studios, each 4.2 body one of each.
///
/// ```
/// use skill_grants::{Banner, ProjectKind, round::Recommender};
/// let q = skill_grants::sample::quotas_2022();
/// assert!(q.iter().any(|q| q.recommender == Recommender::Banner(Banner::Kangbashi)
///     && q.kind == ProjectKind::TrainingBase && q.places == 5));
/// ```
pub fn quotas_2022() -> Vec<Quota> {
    let mut out = Vec::new();
    for b in Banner::ALL {
        out.push(Quota::new(
            Recommender::Banner(b),
            ProjectKind::TrainingBase,
            5,
        ));
        out.push(Quota::new(Recommender::Banner(b), ProjectKind::Studio, 3));
    }
    for (body, _) in bodies() {
        for kind in ProjectKind::ALL {
            out.push(Quota::new(Recommender::Body(body.clone()), kind, 1));
        }
    }
    out
}

/// The two funds' balances for the sample round (2.2): the employment
/// subsidy fund pays the five bases and the first two studios, then runs out
/// in the middle of the third, whose subsidy is split between the two funds.
///
/// ```
/// use skill_grants::Yuan;
/// let b = skill_grants::sample::balances_2022();
/// assert_eq!(b.employment_subsidy, Yuan::from_yuan(1_120_000));
/// ```
pub fn balances_2022() -> FundBalances {
    FundBalances::new(Yuan::from_yuan(1_120_000), Yuan::from_yuan(500_000))
}

/// The sample round's set-up (2.1, 4.3, R3).
///
/// ```
/// assert_eq!(skill_grants::sample::round_setup_2022().year, 2022);
/// ```
pub fn round_setup_2022() -> RoundSetup {
    RoundSetup {
        year: 2022,
        reference_date: reference_date_2022(),
        places: Some(places_2022()),
        quotas: quotas_2022(),
        balances: balances_2022(),
        earlier: Coverage::default(),
    }
}

/// Who recommends a unit: its banner (4.1) or its 4.2 body.
fn recommender_of(seat: &Seat) -> Recommender {
    match seat {
        Seat::Banner(b) => Recommender::Banner(*b),
        Seat::Body(body) => Recommender::Body(body.clone()),
    }
}

/// The sample lists (4.1, 4.2): [`applications_2022`] grouped by recommender
/// and kind, each in the order of its application ids, with a complete
/// report.
///
/// ```
/// let recs = skill_grants::sample::recommendations_2022();
/// let listed: usize = recs.iter().map(|r| r.candidates.len()).sum();
/// assert_eq!(listed, skill_grants::sample::applications_2022().len());
/// ```
pub fn recommendations_2022() -> Vec<Recommendation> {
    let mut out: Vec<Recommendation> = Vec::new();
    for app in applications_2022() {
        let recommender = recommender_of(&app.unit.seat);
        let kind = app.kind;
        match out
            .iter_mut()
            .find(|r| r.recommender == recommender && r.kind == kind)
        {
            Some(r) => r.candidates.push(app),
            None => out.push(Recommendation {
                recommender,
                kind,
                report: RecommendationReport::new(
                    "单位申报、旗区（主管部门）初评、公示后上报",
                    "材料审查与现场评审相结合",
                    "技工院校、企业专家五人（示例）",
                ),
                candidates: vec![app],
            }),
        }
    }
    out
}

/// The sample city expert group (5): invented people.
///
/// ```
/// assert_eq!(skill_grants::sample::experts_2022().len(), 5);
/// ```
pub fn experts_2022() -> Vec<ExpertMember> {
    vec![
        ExpertMember::new("张某（示例）", "某技工学校"),
        ExpertMember::new("李某（示例）", "某能源企业"),
        ExpertMember::new("赵某（示例）", "某职业技术学院"),
        ExpertMember::new("钱某（示例）", "某装备制造企业"),
        ExpertMember::new("孙某（示例）", "某会计师事务所"),
    ]
}

/// The expert group's score for a sample application: invented, fixed,
/// between 60.00 and 97.99.
///
/// ```
/// use skill_grants::domain::ApplicationId;
/// let s = skill_grants::sample::score_2022(&ApplicationId::new("A-2022-001"));
/// assert!(s.value() >= 60.into());
/// ```
pub fn score_2022(application: &ApplicationId) -> Score {
    let n: i64 = application
        .as_str()
        .rsplit('-')
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let hundredths = 6_000 + (n.wrapping_mul(7_919) % 3_800);
    Score::new(Decimal::new(hundredths, 2)).unwrap_or(Score::points(60))
}

/// The holiday calendar of the sample notice (R9): weekends, the Mid-Autumn
/// Festival on Monday 2022-09-12, and the National Day week with its two
/// worked weekend days.
///
/// # Errors
///
/// [`DateError`] never for the built-in dates; the type is the calendar's.
///
/// ```
/// use skill_grants::NaiveDate;
/// let c = skill_grants::sample::calendar_2022()?;
/// assert!(!c.is_working_day(NaiveDate::from_ymd_opt(2022, 9, 12).unwrap()));
/// # Ok::<(), skill_grants::DateError>(())
/// ```
pub fn calendar_2022() -> Result<HolidayCalendar, DateError> {
    let mut holidays = vec![ymd(2022, 9, 12)];
    holidays.extend((1..=7).map(|d| ymd(2022, 10, d)));
    HolidayCalendar::new(holidays, [ymd(2022, 10, 8), ymd(2022, 10, 9)])
}

/// A command the lifecycle refused, kept with the reason and its clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RefusedCommand {
    /// The command.
    pub command: Command,
    /// The clause the refusal cites.
    pub clause: ClauseId,
    /// The reason in Chinese.
    pub reason_zh: String,
    /// The reason in English.
    pub reason_en: String,
}

impl RefusedCommand {
    fn new(command: Command, error: &LifecycleError) -> RefusedCommand {
        RefusedCommand {
            command,
            clause: error.clause(),
            reason_zh: error.explain(Lang::Zh),
            reason_en: error.explain(Lang::En),
        }
    }

    /// The reason in a language.
    pub fn reason(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.reason_zh,
            Lang::En => &self.reason_en,
        }
    }
}

/// A project's money (7.1, 7.2, 7.3): what was released into its account and
/// where it went.
///
/// `released = spent + recovered + balance` always holds; after a
/// revocation the unit also owes what it spent, and `repaid + owed` is that
/// debt (R13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MoneyLine {
    /// Released into the account (5).
    pub released: Yuan,
    /// Paid out of the account (6.1, 6.2).
    pub spent: Yuan,
    /// Taken back from the account by city finance (7.2, 7.3).
    pub recovered: Yuan,
    /// Left in the account.
    pub balance: Yuan,
    /// Repaid by the unit after a revocation (R13).
    pub repaid: Yuan,
    /// Still owed by the unit after a revocation (R13).
    pub owed: Yuan,
}

impl MoneyLine {
    /// All zero.
    pub const ZERO: MoneyLine = MoneyLine {
        released: Yuan::ZERO,
        spent: Yuan::ZERO,
        recovered: Yuan::ZERO,
        balance: Yuan::ZERO,
        repaid: Yuan::ZERO,
        owed: Yuan::ZERO,
    };

    /// A project's line, from its ledger.
    pub fn of(project: &Project) -> MoneyLine {
        let l = project.ledger();
        MoneyLine {
            released: l.released,
            spent: l.spent,
            recovered: l.returned_from_account,
            balance: l.balance,
            repaid: l.repaid,
            owed: l.owed,
        }
    }

    /// True when `released = spent + recovered + balance`.
    ///
    /// ```
    /// use skill_grants::sample::MoneyLine;
    /// use skill_grants::Yuan;
    /// let mut m = MoneyLine::ZERO;
    /// m.released = Yuan::from_yuan(10);
    /// m.spent = Yuan::from_yuan(4);
    /// m.balance = Yuan::from_yuan(6);
    /// assert!(m.balances());
    /// ```
    pub fn balances(&self) -> bool {
        self.spent
            .checked_add(self.recovered)
            .and_then(|s| s.checked_add(self.balance))
            .is_ok_and(|s| s == self.released)
    }

    /// The sum of two lines.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when a sum overflows.
    pub fn checked_add(&self, other: &MoneyLine) -> Result<MoneyLine, MoneyError> {
        Ok(MoneyLine {
            released: self.released.checked_add(other.released)?,
            spent: self.spent.checked_add(other.spent)?,
            recovered: self.recovered.checked_add(other.recovered)?,
            balance: self.balance.checked_add(other.balance)?,
            repaid: self.repaid.checked_add(other.repaid)?,
            owed: self.owed.checked_add(other.owed)?,
        })
    }
}

/// One funded project run forward: its event log, the commands refused on the
/// way, its final state and its money. An output only: a [`Project`] is
/// restored through [`Project::replay`] of its log, never deserialized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProjectRun {
    /// The project as its log leaves it.
    pub project: Project,
    /// The stored, sealed event log, [`crate::lifecycle::Change::Started`] first.
    pub log: Vec<Sealed<Event>>,
    /// Commands refused, in the order given.
    pub refused: Vec<RefusedCommand>,
    /// Its status on the scenario's last day ([`Project::status_on`]).
    pub status: Status,
    /// Its money.
    pub money: MoneyLine,
}

/// The whole built-in 2022 programme run: the round's outcome, then every
/// project through its construction period. What `cargo run --example
/// annual_round -- --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AnnualRun {
    /// The round's outcome (lists, candidates, ranking, funding, notice, projects).
    pub round: RoundOutcome,
    /// The last day the scenario runs to.
    pub as_of: NaiveDate,
    /// Each funded project, in the round's order.
    pub projects: Vec<ProjectRun>,
    /// The money of all projects together.
    pub money_total: MoneyLine,
}

impl AnnualRun {
    /// True when every project's money, and the total, satisfy
    /// `released = spent + recovered + balance`.
    pub fn money_balances(&self) -> bool {
        self.money_total.balances() && self.projects.iter().all(|p| p.money.balances())
    }
}

/// Why the built-in scenario could not run (it never fails on the crate's
/// own data; the error says which step broke).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// A round step failed.
    #[error("round: {0}")]
    Round(#[from] RoundError),
    /// A project could not be opened.
    #[error("project {project}: {error}")]
    Open {
        /// The project.
        project: ProjectId,
        /// Why.
        error: LifecycleError,
    },
    /// The calendar is invalid.
    #[error("calendar: {0}")]
    Calendar(#[from] DateError),
    /// A sum overflowed.
    #[error("money: {0}")]
    Money(#[from] MoneyError),
    /// A project broke an invariant.
    #[error("project {project}: {message}")]
    Invariant {
        /// The project.
        project: ProjectId,
        /// What broke.
        message: String,
    },
}

/// The day the sample notice starts (a Wednesday; the Mid-Autumn holiday
/// falls inside it).
pub fn notice_start_2022() -> NaiveDate {
    ymd(2022, 9, 7)
}

/// The day the sample round releases its subsidies.
pub fn release_2022() -> NaiveDate {
    ymd(2022, 9, 20)
}

/// The last day the sample scenario runs to.
pub fn as_of_2022() -> NaiveDate {
    ymd(2024, 12, 31)
}

/// Runs the sample 2022 round up to its release: lists, review with
/// [`score_2022`], a notice per [`calendar_2022`] with one dismissed and one
/// upheld objection, release on [`release_2022`].
///
/// # Errors
///
/// [`ScenarioError`] naming the step that broke (never on the crate's own data; a test runs it).
///
/// ```
/// let round = skill_grants::sample::round_2022()?;
/// let outcome = round.outcome()?;
/// assert_eq!(outcome.objections.len(), 2);
/// skill_grants::round::check_invariants(&outcome)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn round_2022() -> Result<Round, ScenarioError> {
    let mut round = Round::set_up(Policy::ordos_2022(), round_setup_2022())?;
    for rec in recommendations_2022() {
        round.submit(rec)?;
    }
    round.close_submissions()?;
    let scores = round
        .outcome()?
        .candidates
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Admitted))
        .map(|c| CandidateScore {
            application: c.application.clone(),
            score: score_2022(&c.application),
        })
        .collect();
    round.review(CityReview {
        experts: experts_2022(),
        scores,
    })?;
    round.start_notice(notice_start_2022(), &calendar_2022()?)?;
    let outcome = round.outcome()?;
    let selected = |kind: ProjectKind, rank: u32| {
        outcome
            .candidates
            .iter()
            .find(|c| {
                c.kind == kind
                    && c.city_rank == Some(rank)
                    && matches!(c.verdict, Verdict::Selected { .. })
            })
            .map(|c| c.application.clone())
    };
    if let Some(application) = selected(ProjectKind::TrainingBase, 2) {
        round.record_objection(Objection {
            application,
            received_on: ymd(2022, 9, 8),
            summary: "反映实训场地面积不足，经核查不属实".into(),
            upheld: false,
        })?;
    }
    if let Some(application) = selected(ProjectKind::Studio, 6) {
        round.record_objection(Objection {
            application,
            received_on: ymd(2022, 9, 13),
            summary: "反映领办人荣誉证书与申报材料不符，经核查属实".into(),
            upheld: true,
        })?;
    }
    round.release(release_2022())?;
    Ok(round)
}

/// The whole sample programme: [`round_2022`], then each funded project run
/// forward to [`as_of_2022`] with the commands of [`commands_2022`]; each
/// project's log replays to its state and its invariants hold.
///
/// # Errors
///
/// [`ScenarioError`] naming the step or project that broke (never on the crate's own data; a test runs it).
///
/// ```
/// let run = skill_grants::sample::annual_round_2022()?;
/// assert!(run.money_balances());
/// assert!(run.projects.iter().any(|p| !p.refused.is_empty()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn annual_round_2022() -> Result<AnnualRun, ScenarioError> {
    let round = round_2022()?;
    let outcome = round.outcome()?;
    let policy = round.policy();
    let as_of = as_of_2022();
    let mut projects = Vec::with_capacity(outcome.projects.len());
    let mut total = MoneyLine::ZERO;
    for funded in &outcome.projects {
        let (mut project, started) =
            Project::open(funded.project_start(), policy).map_err(|error| ScenarioError::Open {
                project: funded.id.clone(),
                error,
            })?;
        let mut log = vec![started];
        let mut refused = Vec::new();
        for command in commands_2022(&project) {
            match project.execute(&command) {
                Ok(events) => log.extend(events),
                Err(error) => refused.push(RefusedCommand::new(command, &error)),
            }
        }
        let broken = |message: String| ScenarioError::Invariant {
            project: funded.id.clone(),
            message,
        };
        project
            .check_invariants()
            .map_err(|e| broken(e.to_string()))?;
        match Project::replay(&log, policy, Some(&project.head())) {
            Ok(replayed) if replayed == project => {}
            Ok(_) => return Err(broken("the log replays to another state".into())),
            Err(e) => return Err(broken(e.to_string())),
        }
        let money = MoneyLine::of(&project);
        total = total.checked_add(&money)?;
        projects.push(ProjectRun {
            status: project.status_on(as_of),
            project,
            log,
            refused,
            money,
        });
    }
    Ok(AnnualRun {
        round: outcome,
        as_of,
        projects,
        money_total: total,
    })
}

/// The scripted commands of a sample project, in date order. Every project
/// spends, is evaluated and (unless something ends it first) completes and
/// is accepted; some carry one of the special cases, chosen by the project id:
///
/// | project | case |
/// |---|---|
/// | `2022-TB-01` | rename after an institutional reform (7.3) |
/// | `2022-TB-02` | a travel payment, refused (6.1) |
/// | `2022-TB-05` | the unit is dissolved during construction (7.3) |
/// | `2022-ST-01` | inspected by its banner or body (7.1) |
/// | `2022-ST-02` | a payment after the deadline, refused (6.2) |
/// | `2022-ST-03` | the lead retires and is replaced (7.4) |
/// | `2022-ST-04` | fraud verified, title revoked, money recovered (7.2, R13) |
///
/// ```
/// let round = skill_grants::sample::round_2022()?;
/// let p = &round.projects()[0];
/// let (project, _) = skill_grants::lifecycle::Project::open(p.project_start(), round.policy())?;
/// assert!(!skill_grants::sample::commands_2022(&project).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn commands_2022(project: &Project) -> Vec<Command> {
    let start = project.start();
    let unit = Actor::Unit(start.unit.clone());
    let local = match &start.seat {
        Seat::Banner(b) => Actor::BannerAuthority(*b),
        Seat::Body(body) => Actor::BodyAuthority(body.clone()),
    };
    let id = start.project.as_str();
    let y = |n: u32| Yuan::from_yuan(n);
    let pay = |on: NaiveDate, spend: Spend| Command::new(unit.clone(), on, Action::Pay { spend });
    let evaluate = |on: NaiveDate, stage: u32, rating: EvaluationRating| {
        Command::new(
            Actor::ExpertGroup,
            on,
            Action::Evaluate {
                stage,
                rating,
                report: format!("{id} 第{stage}阶段评估报告（示例）"),
            },
        )
    };
    let city = |on: NaiveDate, action: Action| Command::new(Actor::City, on, action);
    let mut out = Vec::new();
    match start.kind {
        ProjectKind::TrainingBase => {
            let last = SpecialtyIndex(
                u8::try_from(start.specialties.len().saturating_sub(1)).unwrap_or(0),
            );
            let first = SpecialtyIndex(0);
            let base = |c: SpendingCategory, n: u32, s: SpecialtyIndex| Spend::base(c, y(n), s);
            out.push(pay(
                ymd(2022, 11, 15),
                base(SpendingCategory::TrainingEquipment, 80_000, first),
            ));
            if id.ends_with("-02") {
                out.push(pay(
                    ymd(2023, 1, 12),
                    base(SpendingCategory::Travel, 6_000, first),
                ));
            }
            out.push(pay(
                ymd(2023, 3, 10),
                base(SpendingCategory::CurriculumAndTextbooks, 20_000, last),
            ));
            if id.ends_with("-01") {
                let new_name = format!("{}（机构改革后更名）", start.unit_name);
                out.push(Command::new(
                    unit.clone(),
                    ymd(2023, 4, 10),
                    Action::RequestRename {
                        new_name,
                        cause: RenameCause::InstitutionalReform,
                    },
                ));
                out.push(city(ymd(2023, 4, 25), Action::ApproveRename));
            }
            out.push(pay(
                ymd(2023, 6, 1),
                base(SpendingCategory::InstructorHire, 30_000, first),
            ));
            if id.ends_with("-05") {
                out.push(city(ymd(2023, 8, 1), Action::Dissolve));
                return out;
            }
            out.push(evaluate(
                ymd(2023, 9, 25),
                1,
                EvaluationRating::MeetsRequirements,
            ));
            out.push(pay(
                ymd(2024, 3, 5),
                base(SpendingCategory::RawMaterials, 40_000, last),
            ));
            out.push(evaluate(
                ymd(2024, 3, 20),
                2,
                if id.ends_with("-03") {
                    EvaluationRating::PartlyMeets
                } else {
                    EvaluationRating::MeetsRequirements
                },
            ));
            out.push(pay(
                ymd(2024, 6, 18),
                base(SpendingCategory::TeacherTraining, 25_000, first),
            ));
            out.push(Command::new(
                unit.clone(),
                ymd(2024, 8, 30),
                Action::CompleteConstruction,
            ));
            out.push(city(
                ymd(2024, 11, 20),
                Action::Accept {
                    rated_effective: !id.ends_with("-03"),
                },
            ));
        }
        ProjectKind::Studio => {
            let studio = |c: SpendingCategory, n: u32| Spend::studio(c, y(n));
            out.push(pay(
                ymd(2022, 10, 20),
                studio(SpendingCategory::TrainingSupplies, 12_000),
            ));
            if id.ends_with("-01") {
                out.push(Command::new(
                    local,
                    ymd(2022, 12, 8),
                    Action::Inspect {
                        result: InspectionResult::Satisfactory,
                        report: format!("{id} 属地检查记录（示例）"),
                    },
                ));
            }
            out.push(pay(
                ymd(2023, 2, 15),
                studio(SpendingCategory::InnovationResearch, 18_000),
            ));
            if id.ends_with("-03") {
                let mut new_lead = StudioLead::new(
                    PersonId::new(format!("P-{id}-2")),
                    "刘某（示例）",
                    [Honour::CityTechnicalExpert],
                );
                new_lead.skill_level = Some(SkillLevel::Level1);
                out.push(Command::new(
                    unit.clone(),
                    ymd(2023, 3, 1),
                    Action::RequestLeadChange {
                        new_lead,
                        reason: LeadChangeReason::Retirement,
                    },
                ));
                out.push(city(ymd(2023, 3, 20), Action::ApproveLeadChange));
            }
            if id.ends_with("-04") {
                out.push(city(
                    ymd(2023, 5, 10),
                    Action::Inspect {
                        result: InspectionResult::ProblemsFound,
                        report: format!("{id} 专项检查记录（示例）"),
                    },
                ));
                out.push(city(
                    ymd(2023, 5, 30),
                    Action::VerifyFinding {
                        misconduct: Misconduct::Fraud,
                        report: format!("{id} 核查结论（示例）"),
                    },
                ));
                out.push(city(ymd(2023, 6, 5), Action::Revoke));
                out.push(Command::new(
                    Actor::CityFinance,
                    ymd(2023, 8, 1),
                    Action::RecordRepayment { amount: y(20_000) },
                ));
                out.push(Command::new(
                    Actor::CityFinance,
                    ymd(2023, 11, 1),
                    Action::RecordRepayment { amount: y(10_000) },
                ));
                return out;
            }
            out.push(evaluate(
                ymd(2023, 4, 3),
                1,
                EvaluationRating::MeetsRequirements,
            ));
            out.push(pay(
                ymd(2023, 7, 10),
                studio(SpendingCategory::SkillExchange, 10_000),
            ));
            if id.ends_with("-02") {
                out.push(pay(
                    ymd(2023, 10, 8),
                    studio(SpendingCategory::TrainingSupplies, 5_000),
                ));
            }
            out.push(city(
                ymd(2023, 10, 20),
                Action::Accept {
                    rated_effective: true,
                },
            ));
        }
    }
    out
}
