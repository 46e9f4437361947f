//! Eligibility: the full rendered decision, in Chinese and English, for
//! representative applications (insta snapshots, reviewed by reading them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod eligibility_support;

use eligibility_support::*;
use skill_grants::application::*;
use skill_grants::domain::*;
use skill_grants::eligibility::decide;
use skill_grants::{Banner, Lang, Policy, ProjectKind};

use ProjectKind::{Studio, TrainingBase};

/// Both languages, as a reader would see them.
fn both(policy: &Policy, app: &Application) -> String {
    let decision = decide(policy, app).unwrap();
    format!(
        "{}\n{}",
        decision.render_with(policy, Lang::Zh),
        decision.render_with(policy, Lang::En)
    )
}

#[test]
fn snapshot_01_eligible_base() {
    let mut unit = Unit::new(
        UnitId::new("U-KBS-02"),
        "康巴什区某职业技术学院",
        UnitKind::VocationalCollege,
        Seat::Banner(Banner::Kangbashi),
    );
    unit.titles.push(Title {
        kind: Studio,
        level: TitleLevel::Region,
        funded: true,
    });
    let app = Application::training_base(
        "A-2023-B-014",
        unit,
        d(2023, 7, 1),
        ["工业机器人系统运维员", "电工"].map(Specialty::new),
    );
    insta::assert_snapshot!("01_eligible_base", both(&Policy::ordos_2022(), &app));
}

#[test]
fn snapshot_02_base_by_another_kind_with_three_specialties() {
    let unit = Unit::new(
        UnitId::new("U-DS-11"),
        "东胜区某商贸有限公司",
        UnitKind::Other,
        Seat::Banner(Banner::Dongsheng),
    );
    let app = Application::training_base(
        "A-2023-B-021",
        unit,
        d(2023, 7, 1),
        ["电子商务师", "物流服务师", "营销员"].map(Specialty::new),
    );
    insta::assert_snapshot!(
        "02_base_other_kind_three_specialties",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn snapshot_03_studio_without_honour_under_a_body_not_a_legal_person() {
    let mut unit = Unit::new(
        UnitId::new("U-BODY-03"),
        "某市属能源集团检修分公司",
        UnitKind::KeyEnterprise,
        Seat::Body(BodyId::new("city-energy-group")),
    );
    unit.independent_legal_person = false;
    let lead = StudioLead::new(PersonId::new("P-031"), "张某", []);
    let app = Application::studio("A-2023-S-031", unit, d(2023, 7, 1), lead);
    insta::assert_snapshot!(
        "03_studio_no_honour_not_legal_person",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn snapshot_04_base_barred_by_a_studio_in_construction() {
    let mut unit = Unit::new(
        UnitId::new("U-HJ-04"),
        "杭锦旗某技工学校",
        UnitKind::TechnicalSchool,
        Seat::Banner(Banner::HangginBanner),
    );
    unit.projects.push(open("2023-S-07", Studio, d(2023, 9, 1)));
    let app = Application::training_base(
        "A-2024-B-004",
        unit,
        d(2024, 7, 1),
        [Specialty::new("汽车维修工")],
    );
    insta::assert_snapshot!(
        "04_base_in_construction_period",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn snapshot_05_studio_reapplying_too_soon() {
    let mut unit = Unit::new(
        UnitId::new("U-UX-05"),
        "乌审旗某天然气化工企业",
        UnitKind::KeyEnterprise,
        Seat::Banner(Banner::UxinBanner),
    );
    unit.projects.push(accepted(
        "2022-S-12",
        Studio,
        d(2022, 9, 1),
        d(2023, 8, 20),
        true,
    ));
    unit.projects.push(accepted(
        "2022-B-03",
        TrainingBase,
        d(2022, 8, 1),
        d(2024, 6, 30),
        true,
    ));
    let lead = StudioLead::new(
        PersonId::new("P-051"),
        "赵某",
        [Honour::RegionTechnicalExpert, Honour::OrdosCraftsman],
    );
    let app = Application::studio("A-2025-S-005", unit, d(2025, 7, 1), lead);
    insta::assert_snapshot!(
        "05_studio_reapplying_too_soon",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn snapshot_06_base_with_a_funded_national_title() {
    let mut unit = Unit::new(
        UnitId::new("U-JG-06"),
        "准格尔旗某煤炭企业",
        UnitKind::KeyEnterprise,
        Seat::Banner(Banner::JungarBanner),
    );
    unit.titles.push(Title {
        kind: TrainingBase,
        level: TitleLevel::Region,
        funded: false,
    });
    unit.titles.push(Title {
        kind: TrainingBase,
        level: TitleLevel::National,
        funded: true,
    });
    let app = Application::training_base(
        "A-2023-B-006",
        unit,
        d(2023, 7, 1),
        [Specialty::new("采煤机司机")],
    );
    insta::assert_snapshot!(
        "06_base_funded_national_title",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn snapshot_07_studio_after_a_revoked_studio() {
    let mut unit = Unit::new(
        UnitId::new("U-ETK-07"),
        "鄂托克旗某职业技术学校",
        UnitKind::VocationalCollege,
        Seat::Banner(Banner::OtogBanner),
    );
    let mut revoked = accepted("2022-S-20", Studio, d(2022, 9, 1), d(2023, 8, 31), true);
    revoked.revoked = true;
    unit.projects.push(revoked);
    unit.projects.push(open("2024-S-02", Studio, d(2024, 9, 1)));
    let lead = StudioLead::new(
        PersonId::new("P-071"),
        "刘某",
        [Honour::TraditionalSkillMaster],
    );
    let app = Application::studio("A-2025-S-007", unit, d(2025, 7, 1), lead);
    insta::assert_snapshot!(
        "07_studio_after_revoked_studio",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn snapshot_08_stricter_reading_open_base_past_its_deadline() {
    let mut unit = Unit::new(
        UnitId::new("U-YJ-08"),
        "伊金霍洛旗某技工学校",
        UnitKind::TechnicalSchool,
        Seat::Banner(Banner::EjinHoroBanner),
    );
    unit.projects
        .push(open("2022-B-09", TrainingBase, d(2022, 8, 15)));
    let lead = StudioLead::new(
        PersonId::new("P-081"),
        "孙某",
        [Honour::NationalTechnicalExpert],
    );
    let app = Application::studio("A-2025-S-008", unit, d(2025, 7, 1), lead);
    insta::assert_snapshot!("08_strict_reading_open_base", both(&strict_policy(), &app));
}

#[test]
fn snapshot_09_studio_against_example_host_conditions() {
    let mut unit = Unit::new(
        UnitId::new("U-ETQ-09"),
        "鄂托克前旗某农牧业企业",
        UnitKind::KeyEnterprise,
        Seat::Banner(Banner::OtogFrontBanner),
    );
    unit.facts.site_area_m2 = Some(300);
    let mut lead = StudioLead::new(PersonId::new("P-091"), "周某", [Honour::ChinaSkillsAward]);
    lead.skill_level = Some(SkillLevel::Level3);
    lead.born_on = Some(d(1966, 3, 1));
    let app = Application::studio("A-2025-S-009", unit, d(2025, 7, 1), lead);
    insta::assert_snapshot!(
        "09_studio_example_host_conditions",
        both(&policy_with_examples(), &app)
    );
}

#[test]
fn snapshot_10_eligible_studio_reapplying_after_two_years() {
    let mut unit = Unit::new(
        UnitId::new("U-BODY-10"),
        "某市直医院",
        UnitKind::Other,
        Seat::Body(BodyId::new("city-health-commission")),
    );
    unit.projects.push(accepted(
        "2022-S-30",
        Studio,
        d(2022, 9, 1),
        d(2023, 6, 30),
        true,
    ));
    let lead = StudioLead::new(
        PersonId::new("P-101"),
        "陈某",
        [Honour::CityTechnicalExpert],
    );
    let app = Application::studio("A-2025-S-010", unit, d(2025, 6, 30), lead);
    insta::assert_snapshot!(
        "10_eligible_studio_reapplying",
        both(&Policy::ordos_2022(), &app)
    );
}

#[test]
fn rendering_without_the_policy_names_host_conditions_by_position() {
    let policy = policy_with_examples();
    let app = base(school(), d(2023, 7, 1));
    let decision = decide(&policy, &app).unwrap();
    let zh = decision.render(Lang::Zh);
    assert!(
        zh.contains("三（一） 实施细则单位条件第 1 项（R16）"),
        "{zh}"
    );
    let en = decision.render(Lang::En);
    assert!(
        en.contains("clause 3.1 unit condition no. 1 of the implementation rules (R16)"),
        "{en}"
    );
    // A policy that did not make the decision is not used for labels.
    let other = strict_policy();
    assert_eq!(decision.render_with(&other, Lang::En), en);
    assert_ne!(decision.render_with(&policy, Lang::En), en);
}
