//! The parameters table: every value of [`Policy::ordos_2022`] beside the
//! clause and reading it comes from, and whether a host may change it.
//!
//! This one table drives [`Policy::ordos_2022`] (the values),
//! [`Policy::sources`] (where each comes from, and the registry's
//! `policy.<field>` rules) and validation (the field each error names). Like
//! OpenFisca keeps each parameter with its legal reference, a value is never
//! written apart from its clause.
//!
//! ```
//! use skill_grants::ClauseId;
//! use skill_grants::policy::parameters::ORDOS_2022;
//!
//! let months = ORDOS_2022.studio.construction_months;
//! assert_eq!(months.value, 12);
//! assert_eq!(months.source.field, "studio.construction_months");
//! assert_eq!(months.source.clause, ClauseId::C6_2);
//! assert_eq!(months.source.reading, Some("R10"));
//! assert!(!months.source.parameter);
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use super::conditions::UnitCondition;
use super::{AnnualPlaces, ConstructionBar, Policy};
use crate::clause::ClauseId;
use crate::domain::{Fund, ProjectKind};

/// Where a value of the Ordos policy comes from.
///
/// ```
/// use skill_grants::{ClauseId, Policy};
/// let s = Policy::sources().iter().find(|s| s.field == "construction_bar").unwrap();
/// assert_eq!((s.clause, s.reading, s.parameter), (ClauseId::C3_3, Some("R6"), true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParameterSource {
    /// The [`PolicyData`](super::PolicyData) field.
    pub field: &'static str,
    /// The clause that fixes or leaves open the value.
    pub clause: ClauseId,
    /// The reading ([`crate::reading`]) the value follows, if one applies (`"R9"`).
    pub reading: Option<&'static str>,
    /// True when the reading marks this a *parameter* a host may change.
    pub parameter: bool,
}

/// One value of the table: the value of 鄂人社发〔2022〕100号 and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<T> {
    /// The value [`Policy::ordos_2022`] takes.
    pub value: T,
    /// Its field, clause and reading.
    pub source: ParameterSource,
}

/// A value the notice fixes.
const fn fixed<T>(
    field: &'static str,
    clause: ClauseId,
    reading: Option<&'static str>,
    value: T,
) -> Entry<T> {
    entry(field, clause, reading, false, value)
}

/// A value the notice leaves open: a *parameter* reading ([`crate::reading`]) a host may change.
const fn parameter<T>(
    field: &'static str,
    clause: ClauseId,
    reading: Option<&'static str>,
    value: T,
) -> Entry<T> {
    entry(field, clause, reading, true, value)
}

/// A value beside its field, clause and reading.
const fn entry<T>(
    field: &'static str,
    clause: ClauseId,
    reading: Option<&'static str>,
    parameter: bool,
    value: T,
) -> Entry<T> {
    Entry {
        value,
        source: ParameterSource {
            field,
            clause,
            reading,
            parameter,
        },
    }
}

/// The document number and its issuing authorities (R17).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentValue {
    /// The number, `鄂人社发〔2022〕100号`.
    pub number: &'static str,
    /// The issuing authorities, in the document's order.
    pub issuers: &'static [&'static str],
}

/// The terms of one kind of project, each beside its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindParameters {
    /// The fixed subsidy per project, in whole yuan (2.2, R4).
    pub subsidy: Entry<u32>,
    /// The programme's total for 2022–2025 (1.2.1, 1.2.2, R3).
    pub programme_total: Entry<u32>,
    /// The construction period in months from release (6.1, 6.2, R10).
    pub construction_months: Entry<u32>,
}

/// The whole table, one entry per field of [`PolicyData`](super::PolicyData)
/// that the notice speaks to (the policy's own id, revision and effective
/// period are the host's record, not the notice's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parameters {
    /// Preamble, R17: the document executed.
    pub document: Entry<DocumentValue>,
    /// Colophon, R17: its date of issue.
    pub issued_on: Entry<NaiveDate>,
    /// 2.1: the programme's first year.
    pub programme_first_year: Entry<i32>,
    /// 2.1: the programme's last year.
    pub programme_last_year: Entry<i32>,
    /// Training bases (培训基地).
    pub training_base: KindParameters,
    /// Studios (技能大师工作室).
    pub studio: KindParameters,
    /// 2.2, R4: the funds in their order of draw.
    pub funding_order: Entry<&'static [Fund]>,
    /// 2.2, R4 (*parameter*): the order in which kinds are paid in a round.
    pub kind_funding_order: Entry<[ProjectKind; 2]>,
    /// 4.3, R3 (*parameter*): places per year, where the policy fixes them.
    pub annual_places: Entry<&'static [AnnualPlaces]>,
    /// 3.3, R6 (*parameter*): how long an earlier project bars its unit.
    pub construction_bar: Entry<ConstructionBar>,
    /// 3.4, R7: months after acceptance before a unit may apply again.
    pub reapply_after_months: Entry<u32>,
    /// 6.1, R11: the fewest specialties a base declares.
    pub specialties_min: Entry<u32>,
    /// 6.1, R11: the most specialties a base declares.
    pub specialties_max: Entry<u32>,
    /// 5, R9 (*parameter*): the public notice's length in working days.
    pub notice_working_days: Entry<u32>,
    /// 5, R9 (*parameter*): whether the next in rank moves up after an upheld objection.
    pub move_up_on_objection: Entry<bool>,
    /// 3.1, R16 (*parameter*): the host's unit conditions; none in the notice.
    pub unit_conditions: Entry<&'static [UnitCondition]>,
}

/// 2022-06-06, the date of issue (印发).
const ISSUED_ON: NaiveDate = match NaiveDate::from_ymd_opt(2022, 6, 6) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

/// The values of 鄂人社发〔2022〕100号, each beside its clause and reading.
pub const ORDOS_2022: Parameters = Parameters {
    document: fixed(
        "document",
        ClauseId::Preamble,
        Some("R17"),
        DocumentValue {
            number: "鄂人社发〔2022〕100号",
            issuers: &["鄂尔多斯市人力资源和社会保障局", "鄂尔多斯市财政局"],
        },
    ),
    issued_on: fixed(
        "document.issued_on",
        ClauseId::Colophon,
        Some("R17"),
        ISSUED_ON,
    ),
    programme_first_year: fixed("programme_first_year", ClauseId::C2_1, None, 2022),
    programme_last_year: fixed("programme_last_year", ClauseId::C2_1, None, 2025),
    training_base: KindParameters {
        // 二（二）: 每个培训基地补助 20 万元.
        subsidy: fixed("training_base.subsidy", ClauseId::C2_2, Some("R4"), 200_000),
        // 一（二）1: 20 个市级高技能人才培训基地.
        programme_total: fixed(
            "training_base.programme_total",
            ClauseId::C1_2_1,
            Some("R3"),
            20,
        ),
        // 六（一）: 资金下达后 2 年内完成.
        construction_months: fixed(
            "training_base.construction_months",
            ClauseId::C6_1,
            Some("R10"),
            24,
        ),
    },
    studio: KindParameters {
        // 二（二）: 每个工作室补助 5 万元.
        subsidy: fixed("studio.subsidy", ClauseId::C2_2, Some("R4"), 50_000),
        // 一（二）2: 40 个市级技能大师工作室.
        programme_total: fixed("studio.programme_total", ClauseId::C1_2_2, Some("R3"), 40),
        // 六（二）: 资金下达后 1 年内完成.
        construction_months: fixed(
            "studio.construction_months",
            ClauseId::C6_2,
            Some("R10"),
            12,
        ),
    },
    // 二（二）: 优先从就业补助资金列支，不足部分从市人才专项资金列支.
    funding_order: fixed(
        "funding_order",
        ClauseId::C2_2,
        Some("R4"),
        &[Fund::EmploymentSubsidy, Fund::TalentSpecial],
    ),
    kind_funding_order: parameter(
        "kind_funding_order",
        ClauseId::C2_2,
        Some("R4"),
        [ProjectKind::TrainingBase, ProjectKind::Studio],
    ),
    annual_places: parameter("annual_places", ClauseId::C4_3, Some("R3"), &[]),
    construction_bar: parameter(
        "construction_bar",
        ClauseId::C3_3,
        Some("R6"),
        ConstructionBar::UntilDeadlineOrClosed,
    ),
    // 三（四）: 验收满 2 年.
    reapply_after_months: fixed("reapply_after_months", ClauseId::C3_4, Some("R7"), 24),
    // 六（一）: 1-2 个急需紧缺专业（职业）.
    specialties_min: fixed("specialties_min", ClauseId::C6_1, Some("R11"), 1),
    specialties_max: fixed("specialties_max", ClauseId::C6_1, Some("R11"), 2),
    notice_working_days: parameter("notice_working_days", ClauseId::C5, Some("R9"), 5),
    move_up_on_objection: parameter("move_up_on_objection", ClauseId::C5, Some("R9"), false),
    unit_conditions: parameter("unit_conditions", ClauseId::C3_1, Some("R16"), &[]),
};

impl Parameters {
    /// Every entry's source, in the order of [`PolicyData`](super::PolicyData)'s fields.
    pub const fn sources(&self) -> [ParameterSource; 20] {
        [
            self.document.source,
            self.issued_on.source,
            self.programme_first_year.source,
            self.programme_last_year.source,
            self.training_base.subsidy.source,
            self.studio.subsidy.source,
            self.training_base.programme_total.source,
            self.studio.programme_total.source,
            self.training_base.construction_months.source,
            self.studio.construction_months.source,
            self.funding_order.source,
            self.kind_funding_order.source,
            self.annual_places.source,
            self.construction_bar.source,
            self.reapply_after_months.source,
            self.specialties_min.source,
            self.specialties_max.source,
            self.notice_working_days.source,
            self.move_up_on_objection.source,
            self.unit_conditions.source,
        ]
    }

    /// The terms of one kind.
    pub const fn kind(&self, kind: ProjectKind) -> &KindParameters {
        match kind {
            ProjectKind::TrainingBase => &self.training_base,
            ProjectKind::Studio => &self.studio,
        }
    }
}

/// The sources of [`ORDOS_2022`], as [`Policy::sources`] returns them.
pub(crate) const SOURCES: [ParameterSource; 20] = ORDOS_2022.sources();

/// The source of the value a field path names: the field itself
/// (`"studio.construction_months"`), or the entry it lies in
/// (`"document.issuers[0]"` → `document`, `"unit_conditions[1].id"` →
/// `unit_conditions`, `"annual_places[0].year"` → `annual_places`).
///
/// ```
/// use skill_grants::policy::parameters::source_of;
/// assert_eq!(source_of("unit_conditions[1].id").unwrap().field, "unit_conditions");
/// assert_eq!(source_of("document.number").unwrap().field, "document");
/// assert_eq!(source_of("document.issued_on").unwrap().field, "document.issued_on");
/// assert!(source_of("revision").is_none());
/// ```
pub fn source_of(field: &str) -> Option<&'static ParameterSource> {
    let path = field.split('[').next().unwrap_or(field);
    SOURCES.iter().find(|s| s.field == path).or_else(|| {
        let head = path.split('.').next().unwrap_or(path);
        SOURCES.iter().find(|s| s.field == head)
    })
}

impl Policy {
    /// Where each value of [`Policy::ordos_2022`] comes from: field, clause,
    /// reading, and whether it is a *parameter* — read from the parameters
    /// table ([`ORDOS_2022`]).
    ///
    /// ```
    /// use skill_grants::{ClauseId, Policy};
    /// let s = Policy::sources().iter().find(|s| s.field == "notice_working_days").unwrap();
    /// assert_eq!(s.clause, ClauseId::C5);
    /// assert!(s.parameter);
    /// ```
    pub fn sources() -> &'static [ParameterSource] {
        &SOURCES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_has_one_entry_and_is_found_by_its_path() {
        for (i, s) in SOURCES.iter().enumerate() {
            assert!(
                SOURCES.iter().skip(i + 1).all(|t| t.field != s.field),
                "{} twice",
                s.field
            );
            assert_eq!(source_of(s.field), Some(s));
            assert!(s.clause.clause().execution.is_executed() || s.reading == Some("R17"));
        }
    }

    #[test]
    fn ordos_2022_takes_its_values_from_the_table() {
        let p = Policy::ordos_2022();
        for kind in ProjectKind::ALL {
            let t = ORDOS_2022.kind(kind);
            assert_eq!(p.programme_total(kind), t.programme_total.value);
            assert_eq!(p.construction_months(kind), t.construction_months.value);
        }
        assert_eq!(p.document().issued_on, ORDOS_2022.issued_on.value);
        assert_eq!(p.funding_order(), ORDOS_2022.funding_order.value);
    }
}
