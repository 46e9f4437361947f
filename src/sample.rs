//! Built-in sample data: the 2022 round's invented applicants.
//!
//! Every unit and person here is **invented**. Units are named after the nine
//! real banners and districts with a generic description (for example
//! `达拉特旗某职业技术学校`, "a vocational school in Dalad Banner"); no real
//! school, company or person is meant, and nothing here suggests that a real
//! unit applied, was funded or was revoked. [`name`] gives every name and
//! text of the sample in English; [`AnnualRun::summary`] and
//! [`AnnualRun::report`] are what `cargo run -p annual-round` prints.
//!
//! ```
//! use skill_grants::sample;
//! let apps = sample::applications_2022();
//! assert!(apps.len() >= 60);
//! assert!(apps.iter().all(|a| a.unit.name.contains('某')));
//! ```

mod names;
mod report;
mod scenario;

pub use names::name;

pub use scenario::{
    AnnualRun, MoneyLine, ProjectRun, RefusedCommand, ScenarioError, annual_round_2022, as_of_2022,
    balances_2022, calendar_2022, commands_2022, experts_2022, notice_start_2022, places_2022,
    quotas_2022, recommendations_2022, release_2022, round_2022, round_setup_2022, score_2022,
};

use chrono::NaiveDate;

use crate::application::{
    Application, Honour, PastProject, SkillLevel, StudioLead, Title, TitleLevel, Unit, UnitKind,
};
use crate::domain::{Banner, ProjectKind};
use crate::domain::{BodyId, PersonId, Seat, Specialty, UnitId};
use crate::lang::Lang;

/// The reference date of the sample 2022 round.
///
/// ```
/// assert_eq!(skill_grants::sample::reference_date_2022().to_string(), "2022-07-01");
/// ```
pub fn reference_date_2022() -> NaiveDate {
    ymd(2022, 7, 1)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The invented directly recommending bodies of 4.2 in the sample, with names.
///
/// ```
/// assert_eq!(skill_grants::sample::bodies().len(), 4);
/// ```
pub fn bodies() -> Vec<(BodyId, &'static str)> {
    vec![
        (BodyId::new("市某能源主管部门"), "市某能源主管部门（示例）"),
        (BodyId::new("市某教育主管部门"), "市某教育主管部门（示例）"),
        (
            BodyId::new("某驻市大型企业集团"),
            "某驻市大型企业集团（示例）",
        ),
        (BodyId::new("市某事业单位"), "市某事业单位（示例）"),
    ]
}

const SPECIALTIES: [&str; 12] = [
    "电工",
    "焊工",
    "化工总控工",
    "煤矿机电维修工",
    "汽车维修工",
    "数控车工",
    "工业机器人系统运维员",
    "中式烹调师",
    "育婴员",
    "建筑信息模型技术员",
    "电子商务师",
    "无人机驾驶员",
];

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
];

fn specialty(i: usize) -> Specialty {
    Specialty::new(
        SPECIALTIES
            .get(i % SPECIALTIES.len())
            .copied()
            .unwrap_or("电工"),
    )
}

fn lead(i: usize, honours: &[Honour]) -> StudioLead {
    let surname = SURNAMES.get(i % SURNAMES.len()).copied().unwrap_or("王");
    let mut lead = StudioLead::new(
        PersonId::new(format!("P-{i:03}")),
        format!("{surname}某{i}"),
        honours.iter().copied(),
    );
    lead.skill_level = Some(if i % 3 == 0 {
        SkillLevel::Level1
    } else {
        SkillLevel::Level2
    });
    lead.born_on = Some(ymd(
        1968 + (i % 20) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    ));
    lead
}

/// Unit descriptions by kind: (kind, Chinese description, English
/// description); [`name`] reads the English one.
const DESCRIPTIONS: [(UnitKind, &str, &str); 6] = [
    (UnitKind::TechnicalSchool, "技工学校", "technical school"),
    (
        UnitKind::VocationalCollege,
        "职业技术学校",
        "vocational school",
    ),
    (UnitKind::KeyEnterprise, "能源企业", "energy company"),
    (UnitKind::KeyEnterprise, "装备制造企业", "equipment maker"),
    (UnitKind::KeyEnterprise, "化工企业", "chemical company"),
    (UnitKind::Other, "培训服务中心", "training centre"),
];

/// The sample applications of the 2022 round: six per banner or district and
/// a few per 4.2 body — about sixty, most eligible, some ineligible for
/// different reasons (each marked in the unit's name with its reason code in
/// brackets, e.g. `〔R1〕`, so a reader of the output can check the decision).
///
/// ```
/// let apps = skill_grants::sample::applications_2022();
/// assert!(apps.iter().any(|a| a.unit.name.contains("〔R2〕")));
/// ```
pub fn applications_2022() -> Vec<Application> {
    let reference = reference_date_2022();
    let mut apps = Vec::new();
    let mut n = 0usize;
    for (b, banner) in Banner::ALL.iter().enumerate() {
        for (k, (kind, description, _)) in DESCRIPTIONS.iter().enumerate() {
            n += 1;
            let name = format!("{}某{}", banner.name(Lang::Zh), description);
            let unit = Unit::new(
                UnitId::new(format!("U-{n:03}")),
                name,
                *kind,
                Seat::Banner(*banner),
            );
            // Schools and colleges apply for bases; enterprises alternate;
            // the "other" unit applies for a studio.
            let base = match kind {
                UnitKind::TechnicalSchool | UnitKind::VocationalCollege => true,
                UnitKind::KeyEnterprise => (b + k) % 2 == 0,
                UnitKind::Other => false,
            };
            let id = format!("A-2022-{n:03}");
            let app = if base {
                let first = specialty(b * 2 + k);
                let second = specialty(b * 2 + k + 5);
                let specs = if (b + k) % 3 == 0 {
                    vec![first]
                } else {
                    vec![first, second]
                };
                Application::training_base(id, unit, reference, specs)
            } else {
                let honour = Honour::ALL
                    .get((b + k) % Honour::ALL.len())
                    .copied()
                    .unwrap_or(Honour::CityTechnicalExpert);
                Application::studio(id, unit, reference, lead(n, &[honour]))
            };
            apps.push(app);
        }
    }
    for (i, (body, body_name)) in bodies().iter().enumerate() {
        for j in 0..2 {
            n += 1;
            let unit_kind = if j == 0 {
                UnitKind::VocationalCollege
            } else {
                UnitKind::KeyEnterprise
            };
            let name = format!(
                "{}直属某{}",
                body_name.trim_end_matches("（示例）"),
                if j == 0 { "学院" } else { "公司" }
            );
            let unit = Unit::new(
                UnitId::new(format!("U-{n:03}")),
                name,
                unit_kind,
                Seat::Body(body.clone()),
            );
            let id = format!("A-2022-{n:03}");
            let app = if j == 0 {
                Application::training_base(id, unit, reference, [specialty(i + 7)])
            } else {
                Application::studio(id, unit, reference, lead(n, &[Honour::OrdosCraftsman]))
            };
            apps.push(app);
        }
    }
    mark_ineligible(&mut apps);
    apps
}

/// Gives some sample applications a reason to be refused, one reason each.
fn mark_ineligible(apps: &mut [Application]) {
    for app in apps.iter_mut() {
        let n: usize = app
            .id
            .as_str()
            .trim_start_matches("A-2022-")
            .parse()
            .unwrap_or(0);
        let tag = match n {
            // R1: an "other" unit applying for a base.
            6 => {
                app.kind = ProjectKind::TrainingBase;
                app.lead = None;
                app.specialties = vec![specialty(3)];
                "R1"
            }
            // R2: a studio lead with no honour of 1.2.2.
            12 => {
                if let Some(lead) = app.lead.as_mut() {
                    lead.honours.clear();
                }
                "R2"
            }
            // R11: a base declaring three specialties.
            13 => {
                app.specialties = vec![specialty(0), specialty(1), specialty(2)];
                "R11"
            }
            // R5: a funded national title of the same kind.
            19 => {
                let kind = app.kind;
                app.unit.titles.push(Title {
                    kind,
                    level: TitleLevel::National,
                    funded: true,
                });
                "R5"
            }
            // R6: an earlier city-level studio still in its construction period.
            26 => {
                app.unit.projects.push(PastProject::open(
                    "2021-S-07",
                    ProjectKind::Studio,
                    ymd(2021, 12, 20),
                ));
                "R6"
            }
            // R7: an earlier base accepted less than two years before.
            31 => {
                let kind = app.kind;
                let mut p = PastProject::open("2019-B-02", kind, ymd(2019, 3, 1));
                p.accepted_on = Some(ymd(2021, 3, 15));
                p.closed_on = Some(ymd(2021, 3, 15));
                p.rated_effective = true;
                app.unit.projects.push(p);
                "R7"
            }
            // 4.2: a body's unit that is not an independent legal person.
            56 => {
                app.unit.independent_legal_person = false;
                "4.2"
            }
            _ => continue,
        };
        app.unit.name = format!("{}〔{tag}〕", app.unit.name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_ids_are_unique_and_cover_every_banner() {
        let apps = applications_2022();
        let mut ids: Vec<_> = apps.iter().map(|a| a.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), apps.len());
        for banner in Banner::ALL {
            assert!(apps.iter().any(|a| a.unit.seat == Seat::Banner(banner)));
        }
        assert_eq!(
            apps.iter().filter(|a| a.unit.name.contains('〔')).count(),
            7
        );
    }
}
