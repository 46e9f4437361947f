//! Shared generators for the benches: varied, deterministic inputs (a fixed
//! seed, no clock), so every run measures the same work.
//!
//! Units, people and bodies are invented; the nine banners are real.
#![allow(dead_code)]

pub mod floor;

use skill_grants::application::{
    Application, Honour, PastProject, SkillLevel, StudioLead, Title, TitleLevel, Unit, UnitKind,
};
use skill_grants::chain::Sealed;
use skill_grants::domain::{BodyId, PersonId, Seat, Specialty, UnitId};
use skill_grants::lifecycle::{
    Action, Actor, Command, EvaluationRating, Event, InspectionResult, Project, ProjectStart,
    SpecialtyIndex, Spend, SpendingCategory,
};
use skill_grants::round::{
    CandidateScore, CityReview, Coverage, ExpertMember, FundBalances, Quota, Recommendation,
    RecommendationReport, Recommender, Round, RoundSetup, Score, Verdict,
};
use skill_grants::{
    AnnualPlaces, Banner, HolidayCalendar, NaiveDate, Policy, PolicyData, ProjectKind,
    UnitCondition, Yuan,
};

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The reference date of the generated rounds.
pub fn reference() -> NaiveDate {
    d(2023, 7, 1)
}

pub const BODIES: [&str; 4] = [
    "body-energy",
    "body-education",
    "body-group-a",
    "body-hospital",
];

const SPECIALTIES: [&str; 8] = [
    "电工",
    "焊工",
    "化工总控工",
    "煤矿机电维修工",
    "汽车维修工",
    "数控车工",
    "工业机器人系统运维员",
    "中式烹调师",
];

/// The 2022 policy with the example host conditions of R16, so a decision has
/// every kind of finding.
pub fn policy_with_conditions() -> Policy {
    let mut data: PolicyData = Policy::ordos_2022().to_data();
    data.unit_conditions = UnitCondition::examples();
    Policy::try_from(data).unwrap()
}

/// Every recommender: the nine banners and the 4.2 bodies.
pub fn recommenders() -> Vec<Recommender> {
    Banner::ALL
        .into_iter()
        .map(Recommender::Banner)
        .chain(BODIES.iter().map(|b| Recommender::Body(BodyId::new(*b))))
        .collect()
}

fn seat_of(r: &Recommender) -> Seat {
    match r {
        Recommender::Banner(b) => Seat::Banner(*b),
        Recommender::Body(id) => Seat::Body(id.clone()),
    }
}

/// A varied history: titles of either kind, funded or not; earlier projects
/// open, accepted (effective or not), revoked or dissolved.
fn history(rng: &mut Rng, unit: &mut Unit, serial: usize, clean_percent: u64) {
    if rng.chance(clean_percent) {
        // Mostly harmless history: an unfunded title, a project long accepted.
        if rng.chance(30) {
            unit.titles.push(Title {
                kind: if rng.chance(50) {
                    ProjectKind::TrainingBase
                } else {
                    ProjectKind::Studio
                },
                level: TitleLevel::Region,
                funded: false,
            });
        }
        return;
    }
    for t in 0..rng.below(3) {
        unit.titles.push(Title {
            kind: if t % 2 == 0 {
                ProjectKind::TrainingBase
            } else {
                ProjectKind::Studio
            },
            level: if rng.chance(30) {
                TitleLevel::National
            } else {
                TitleLevel::Region
            },
            funded: rng.chance(40),
        });
    }
    for p in 0..1 + rng.below(3) {
        let kind = if rng.chance(50) {
            ProjectKind::TrainingBase
        } else {
            ProjectKind::Studio
        };
        let released = d(2019 + rng.below(4) as i32, 1 + rng.below(12) as u32, 1);
        let mut past = PastProject::open(format!("{}-P-{serial}-{p}", 2019), kind, released);
        match rng.below(5) {
            0 => {}
            1 | 2 => {
                let on = released + chrono::Days::new(300 + rng.below(500));
                past.accepted_on = Some(on);
                past.closed_on = Some(on);
                past.rated_effective = rng.chance(80);
            }
            3 => {
                past.revoked = true;
                past.closed_on = Some(released + chrono::Days::new(200));
            }
            _ => past.closed_on = Some(released + chrono::Days::new(100 + rng.below(200))),
        }
        unit.projects.push(past);
    }
}

/// One varied application of `kind` for a unit seated at `seat`.
///
/// `clean_percent` of the units have a harmless history (most are eligible);
/// the rest have titles and projects that may bar them.
pub fn application(
    rng: &mut Rng,
    serial: usize,
    kind: ProjectKind,
    seat: Seat,
    on: NaiveDate,
    clean_percent: u64,
) -> Application {
    let unit_kind = match rng.below(20) {
        0 => UnitKind::Other,
        1..=7 => UnitKind::TechnicalSchool,
        8..=13 => UnitKind::VocationalCollege,
        _ => UnitKind::KeyEnterprise,
    };
    let mut unit = Unit::new(
        UnitId::new(format!("U-{serial:06}")),
        format!("某职业技术学校{serial}"),
        unit_kind,
        seat,
    );
    unit.independent_legal_person = !rng.chance(3);
    if rng.chance(60) {
        unit.facts.site_area_m2 = Some(200 + rng.below(1200) as u32);
    }
    if rng.chance(20) {
        unit.facts.yearly_trainees = Some(rng.below(2000) as u32);
    }
    history(rng, &mut unit, serial, clean_percent);
    let id = format!("A-2023-{serial:06}");
    match kind {
        ProjectKind::TrainingBase => {
            let n = match rng.below(20) {
                0 => 0,
                1 => 3,
                2..=10 => 1,
                _ => 2,
            };
            let specs = (0..n).map(|i| Specialty::new(SPECIALTIES[(serial + i * 3) % 8]));
            Application::training_base(id, unit, on, specs)
        }
        ProjectKind::Studio => {
            let honours: Vec<Honour> = if rng.chance(5) {
                Vec::new()
            } else {
                (0..1 + rng.below(2))
                    .map(|_| *rng.pick(&Honour::ALL))
                    .collect()
            };
            let mut lead =
                StudioLead::new(PersonId::new(format!("P-{serial:06}")), "王某", honours);
            if rng.chance(70) {
                lead.skill_level =
                    Some(*rng.pick(&[SkillLevel::Level3, SkillLevel::Level2, SkillLevel::Level1]));
            }
            if rng.chance(70) {
                lead.born_on = Some(d(1960 + rng.below(35) as i32, 1 + rng.below(12) as u32, 15));
            }
            Application::studio(id, unit, on, lead)
        }
    }
}

/// `n` varied applications of both kinds, in banners and under bodies, for
/// the decision bench (about half have a history that may bar them).
pub fn applications(n: usize, seed: u64) -> Vec<Application> {
    let mut rng = Rng::new(seed);
    let recs = recommenders();
    (0..n)
        .map(|i| {
            let kind = if i % 3 == 0 {
                ProjectKind::TrainingBase
            } else {
                ProjectKind::Studio
            };
            let seat = seat_of(&recs[i % recs.len()]);
            application(&mut rng, i, kind, seat, reference(), 50)
        })
        .collect()
}

fn report() -> RecommendationReport {
    RecommendationReport::new(
        "单位申报、旗区初评、公示后上报",
        "材料审查与现场评审相结合",
        "技工院校、企业专家五人",
    )
}

/// The input of a whole round of `n` candidates: its set-up, the 26 lists
/// (the nine banners and four bodies, each kind) and the review's scores for
/// every candidate the lists admit.
#[derive(Debug, Clone)]
pub struct RoundInput {
    pub setup: RoundSetup,
    pub lists: Vec<Recommendation>,
    pub review: CityReview,
}

/// Builds a round input of about `n` candidates spread unevenly over the
/// recommenders. Most are eligible (a review must score every admitted one);
/// a few are refused for eligibility, placement or being listed twice.
pub fn round_input(n: usize, seed: u64) -> RoundInput {
    let mut rng = Rng::new(seed);
    let recs = recommenders();
    let mut lists = Vec::new();
    let mut quotas = Vec::new();
    let mut serial = 0usize;
    // Uneven shares: banners get more than bodies.
    let weights: Vec<u64> = recs
        .iter()
        .map(|r| match r {
            Recommender::Banner(_) => 10 + rng.below(10),
            Recommender::Body(_) => 2 + rng.below(4),
        })
        .collect();
    let total_weight: u64 = weights.iter().sum::<u64>() * 2;
    let mut placed = 0usize;
    for (ri, r) in recs.iter().enumerate() {
        for kind in ProjectKind::ALL {
            let share = (n as u64 * weights[ri] / total_weight) as usize;
            let share = if ri == recs.len() - 1 && kind == ProjectKind::Studio {
                n.saturating_sub(placed)
            } else {
                share
            };
            placed += share;
            let mut candidates = Vec::with_capacity(share);
            for _ in 0..share {
                // 1 in 200 sits in the wrong place (refused, 4.1 / 4.2).
                let seat = if rng.below(200) == 0 {
                    Seat::Banner(*rng.pick(&Banner::ALL))
                } else {
                    seat_of(r)
                };
                candidates.push(application(&mut rng, serial, kind, seat, reference(), 85));
                serial += 1;
            }
            quotas.push(Quota::new(r.clone(), kind, share as u32));
            lists.push(Recommendation {
                recommender: r.clone(),
                kind,
                report: report(),
                candidates,
            });
        }
    }
    // A few units listed by two recommenders (refused on both at closing, R8).
    // The lists go recommender by recommender, one per kind: `to` is a list
    // of the same kind as `from`, of another recommender.
    let dupes = (n / 1000).max(1);
    for k in 0..dupes {
        let from = (k * 7) % lists.len();
        let to = (from + 2 * (1 + k % 12)) % lists.len();
        if lists[from].kind != lists[to].kind || lists[to].candidates.is_empty() {
            continue;
        }
        if let Some(app) = lists[from].candidates.get(k % 5).cloned() {
            let last = lists[to].candidates.len() - 1;
            let mut app = app;
            app.unit.seat = seat_of(&lists[to].recommender);
            lists[to].candidates[last] = app;
        }
    }
    let setup = RoundSetup {
        year: 2023,
        reference_date: reference(),
        places: Some(AnnualPlaces {
            year: 2023,
            training_bases: 6,
            studios: 12,
        }),
        quotas,
        balances: FundBalances::new(Yuan::from_yuan(1_000_000), Yuan::from_yuan(900_000)),
        earlier: Coverage::default(),
    };
    // Score every candidate the round admits: run submission once here.
    let mut round = Round::set_up(Policy::ordos_2022(), setup.clone()).unwrap();
    for l in &lists {
        round.submit(l.clone()).unwrap();
    }
    round.close_submissions().unwrap();
    let mut scores = Vec::new();
    for list in round.lists() {
        for c in list.candidates() {
            if matches!(c.verdict, Verdict::Admitted) {
                let points = rng.below(4_001) as i64; // 60.00 .. 100.00
                let score = Score::new(skill_grants::Decimal::new(6_000 + points, 2)).unwrap();
                scores.push(CandidateScore {
                    application: c.application.id.clone(),
                    score,
                });
            }
        }
    }
    // Scores arrive in no particular order.
    for i in (1..scores.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        scores.swap(i, j);
    }
    RoundInput {
        setup,
        lists,
        review: CityReview {
            experts: vec![
                ExpertMember::new("专家甲", "市某局"),
                ExpertMember::new("专家乙", "某技工学校"),
            ],
            scores,
        },
    }
}

/// Empties the processor's caches of what was there (L3 here is 32 MiB):
/// reads one byte per cache line of a buffer of 96 MiB, allocated and filled
/// once.
pub fn empty_caches() {
    static BUFFER: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let buffer = BUFFER.get_or_init(|| vec![1; 96 << 20]);
    let sum: u64 = buffer.iter().step_by(64).map(|b| u64::from(*b)).sum();
    std::hint::black_box(sum);
}

/// Runs a round from set-up through the city review (lists, eligibility,
/// ranking, selection, funding).
pub fn run_round(policy: &Policy, input: RoundInput) -> Round {
    let mut round = Round::set_up(policy.clone(), input.setup).unwrap();
    for l in input.lists {
        round.submit(l).unwrap();
    }
    round.close_submissions().unwrap();
    round.review(input.review).unwrap();
    round
}

/// Runs a round to the end: review, notice and release.
pub fn final_round(policy: &Policy, input: RoundInput) -> Round {
    let mut round = run_round(policy, input);
    round
        .start_notice(d(2023, 9, 4), &HolidayCalendar::weekends_only())
        .unwrap();
    round.release(d(2023, 9, 15)).unwrap();
    round
}

/// A project's start record.
pub fn start(policy: &Policy, i: usize, kind: ProjectKind, released_on: NaiveDate) -> ProjectStart {
    let seat = if i % 7 == 6 {
        Seat::Body(BodyId::new(BODIES[i % 4]))
    } else {
        Seat::Banner(Banner::ALL[i % 9])
    };
    let (specialties, lead) = match kind {
        ProjectKind::TrainingBase => (
            vec![
                Specialty::new(SPECIALTIES[i % 8]),
                Specialty::new(SPECIALTIES[(i + 1) % 8]),
            ],
            None,
        ),
        ProjectKind::Studio => (
            Vec::new(),
            Some(StudioLead::new(
                PersonId::new(format!("P-{i:03}")),
                "李某",
                [Honour::OrdosCraftsman],
            )),
        ),
    };
    ProjectStart {
        project: skill_grants::domain::ProjectId::new(format!("2023-{i:02}")),
        kind,
        unit: UnitId::new(format!("U-{i:03}")),
        unit_name: format!("某项目单位{i}"),
        seat,
        specialties,
        lead,
        released: policy.subsidy(kind),
        released_on,
        policy: policy.reference(),
    }
}

/// `n` open projects: 20 bases then studios, released on 1 September 2023.
pub fn projects(policy: &Policy, n: usize) -> Vec<Project> {
    (0..n)
        .map(|i| {
            let kind = if i < 20 {
                ProjectKind::TrainingBase
            } else {
                ProjectKind::Studio
            };
            Project::open(start(policy, i, kind, d(2023, 9, 1)), policy)
                .unwrap()
                .0
        })
        .collect()
}

/// The spending categories the lifecycle allows a kind (6.1, 6.2), in the
/// library's own order.
fn categories(kind: ProjectKind) -> Vec<SpendingCategory> {
    SpendingCategory::ALL
        .into_iter()
        .filter(|c| c.allowed_for() == Some(kind))
        .collect()
}

/// One payment command of the ledger bench: which project, who, when, what.
#[derive(Debug, Clone)]
pub struct PaymentCommand {
    pub project: usize,
    pub by: Actor,
    pub on: NaiveDate,
    pub spend: Spend,
}

/// `n` payment commands over the projects, in date order over 360 days; about
/// 3% are refused (a prohibited category, a zero amount, another unit).
pub fn payment_commands(projects: &[Project], n: usize, seed: u64) -> Vec<PaymentCommand> {
    let mut rng = Rng::new(seed);
    let (base_categories, studio_categories) = (
        categories(ProjectKind::TrainingBase),
        categories(ProjectKind::Studio),
    );
    let first = d(2023, 9, 1);
    // Amounts keep every account in funds: about a fifth of the subsidy per
    // project over the run.
    let per_project = (n / projects.len().max(1)).max(1) as i64;
    (0..n)
        .map(|j| {
            let p = rng.below(projects.len() as u64) as usize;
            let project = &projects[p];
            let on = first + chrono::Days::new((j as u64 * 360) / n as u64);
            let subsidy_fen = project.start().released.fen() as i64;
            let max_fen = (subsidy_fen / per_project / 3).max(2);
            let amount = Yuan::from_fen(1 + rng.below(max_fen as u64) as i64).unwrap();
            let mut spend = match project.kind() {
                ProjectKind::TrainingBase => Spend::base(
                    *rng.pick(&base_categories),
                    amount,
                    SpecialtyIndex(rng.below(2) as u8),
                ),
                ProjectKind::Studio => Spend::studio(*rng.pick(&studio_categories), amount),
            };
            let mut by = Actor::Unit(project.start().unit.clone());
            match rng.below(100) {
                0 => spend.category = SpendingCategory::Travel,
                1 => spend.amount = Yuan::ZERO,
                2 => by = Actor::City,
                _ => {}
            }
            PaymentCommand {
                project: p,
                by,
                on,
                spend,
            }
        })
        .collect()
}

/// The log of one base: `n` events, mostly payments, with inspections and
/// evaluations among them, spread over its two years of construction.
pub fn event_log(policy: &Policy, n: usize, seed: u64) -> Vec<Sealed<Event>> {
    let mut rng = Rng::new(seed);
    let base_categories = categories(ProjectKind::TrainingBase);
    let released_on = d(2023, 9, 1);
    let (mut project, started) = Project::open(
        start(policy, 3, ProjectKind::TrainingBase, released_on),
        policy,
    )
    .unwrap();
    let unit = Actor::Unit(project.start().unit.clone());
    let seat_authority = match &project.start().seat {
        Seat::Banner(b) => Actor::BannerAuthority(*b),
        Seat::Body(id) => Actor::BodyAuthority(id.clone()),
    };
    let mut log = Vec::with_capacity(n);
    log.push(started);
    let days = 720u64;
    let per_event_fen = (20_000_000 / n.max(1) as u64 / 2).max(2);
    let mut stage = 0u32;
    while log.len() < n {
        let j = log.len() as u64;
        let on = released_on + chrono::Days::new(j * days / n as u64);
        let action = match rng.below(100) {
            0 => Action::Inspect {
                result: if rng.chance(90) {
                    InspectionResult::Satisfactory
                } else {
                    InspectionResult::ProblemsFound
                },
                report: format!("INS-{j}"),
            },
            1 => {
                stage += 1;
                Action::Evaluate {
                    stage,
                    rating: EvaluationRating::MeetsRequirements,
                    report: format!("EVAL-{stage}"),
                }
            }
            _ => Action::Pay {
                spend: Spend::base(
                    *rng.pick(&base_categories),
                    Yuan::from_fen(1 + rng.below(per_event_fen) as i64).unwrap(),
                    SpecialtyIndex(rng.below(2) as u8),
                ),
            },
        };
        let by = match &action {
            Action::Inspect { .. } if j % 2 == 0 => seat_authority.clone(),
            Action::Inspect { .. } | Action::Evaluate { .. } => Actor::City,
            _ => unit.clone(),
        };
        let events = project.execute(&Command::new(by, on, action)).unwrap();
        log.extend(events);
    }
    log.truncate(n);
    log
}
