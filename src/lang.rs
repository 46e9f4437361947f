//! Presentation (表述): the two languages of explanations and how a clause is
//! cited in each — the helpers every module's wording uses, defined once.
//!
//! ```
//! use skill_grants::lang::{self, Lang};
//! use skill_grants::clause::ClauseId;
//!
//! assert_eq!(lang::cite(&[ClauseId::C4_1, ClauseId::C5], Lang::Zh), "〔四（一）、五〕");
//! assert_eq!(lang::cite(&[ClauseId::C4_1, ClauseId::C5], Lang::En), "[4.1, 5]");
//! assert_eq!(lang::clause_name(ClauseId::C3_3, Lang::En), "clause 3.3");
//! ```

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::clause::ClauseId;

/// A language for rendered explanations (说明语言).
///
/// ```
/// use skill_grants::{Lang, ProjectKind};
/// assert_eq!(ProjectKind::TrainingBase.name(Lang::Zh), "高技能人才培训基地");
/// assert_eq!(ProjectKind::Studio.name(Lang::En), "skill master studio");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

/// Clauses in brackets: `〔四（一）、五〕` in Chinese, `[4.1, 5]` in English.
///
/// ```
/// use skill_grants::{lang::{cite, Lang}, clause::ClauseId};
/// assert_eq!(cite(&[ClauseId::C6_2], Lang::Zh), "〔六（二）〕");
/// assert_eq!(cite(&[ClauseId::C4_1, ClauseId::C5], Lang::En), "[4.1, 5]");
/// ```
pub fn cite(clauses: &[ClauseId], lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let parts: Vec<&str> = clauses.iter().map(|c| c.heading_zh()).collect();
            format!("〔{}〕", parts.join("、"))
        }
        Lang::En => {
            let parts: Vec<&str> = clauses.iter().map(|c| c.as_str()).collect();
            format!("[{}]", parts.join(", "))
        }
    }
}

/// A sentence with its clauses cited after it: `…〔五〕`, `… [5]`.
///
/// ```
/// use skill_grants::{lang::{cited_after, Lang}, clause::ClauseId};
/// assert_eq!(cited_after("removed", &[ClauseId::C5], Lang::En), "removed [5]");
/// assert_eq!(cited_after("取消", &[ClauseId::C5], Lang::Zh), "取消〔五〕");
/// ```
pub fn cited_after(text: &str, clauses: &[ClauseId], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{text}{}", cite(clauses, lang)),
        Lang::En => format!("{text} {}", cite(clauses, lang)),
    }
}

/// A sentence with its clauses cited before it: `〔七（三）〕…`, `[7.3] …`.
///
/// ```
/// use skill_grants::{lang::{cited_before, Lang}, clause::ClauseId};
/// assert_eq!(cited_before(&[ClauseId::C7_3], "refused", Lang::En), "[7.3] refused");
/// assert_eq!(cited_before(&[ClauseId::C7_3], "不予受理", Lang::Zh), "〔七（三）〕不予受理");
/// ```
pub fn cited_before(clauses: &[ClauseId], text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}{text}", cite(clauses, lang)),
        Lang::En => format!("{} {text}", cite(clauses, lang)),
    }
}

/// A clause named in a sentence: `三（三）` in Chinese, `clause 3.3` in
/// English.
///
/// ```
/// use skill_grants::{lang::{clause_name, Lang}, clause::ClauseId};
/// assert_eq!(clause_name(ClauseId::C3_3, Lang::Zh), "三（三）");
/// ```
pub fn clause_name(clause: ClauseId, lang: Lang) -> String {
    match lang {
        Lang::Zh => clause.heading_zh().to_owned(),
        Lang::En => format!("clause {}", clause.as_str()),
    }
}

/// A date written out in a language (日期的表述): `2024年7月1日` in Chinese,
/// `1 July 2024` in English. Every Chinese text of the crate writes its dates
/// this way; English error messages keep the ISO form (`2024-07-01`) that
/// `NaiveDate` prints.
///
/// ```
/// use skill_grants::NaiveDate;
/// use skill_grants::lang::{Day, Lang};
/// let d = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
/// assert_eq!(Day(d, Lang::Zh).to_string(), "2024年7月1日");
/// assert_eq!(Day(d, Lang::En).to_string(), "1 July 2024");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub NaiveDate, pub Lang);

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Day(d, lang) = self;
        match lang {
            Lang::Zh => write!(f, "{}年{}月{}日", d.year(), d.month(), d.day()),
            Lang::En => {
                let month = match d.month() {
                    1 => "January",
                    2 => "February",
                    3 => "March",
                    4 => "April",
                    5 => "May",
                    6 => "June",
                    7 => "July",
                    8 => "August",
                    9 => "September",
                    10 => "October",
                    11 => "November",
                    _ => "December",
                };
                write!(f, "{} {} {}", d.day(), month, d.year())
            }
        }
    }
}

/// The end of a policy's effective period, to follow its first day in a
/// sentence: ` until 2025-12-31` in English, `，至2025年12月31日止` in
/// Chinese; nothing for a policy without an end. Used by the refusals of a
/// release outside the period (the round's and a project start's), so that
/// both say it alike.
pub(crate) fn last_day_in_force(until: Option<NaiveDate>, lang: Lang) -> String {
    match (until, lang) {
        (None, _) => String::new(),
        (Some(u), Lang::En) => format!(" until {u}"),
        (Some(u), Lang::Zh) => format!("，至{}止", zh_day(u)),
    }
}

/// A date in Chinese: `2024年7月1日` (shorthand for [`Day`] in [`Lang::Zh`]).
pub(crate) fn zh_day(date: NaiveDate) -> Day {
    Day(date, Lang::Zh)
}

/// True when `text` has a Chinese character (for the wording tests: a text in
/// [`Lang::Zh`] is Chinese, not English with a Chinese preface).
#[cfg(test)]
pub(crate) fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_day_in_force_is_said_alike_in_both_languages_or_not_at_all() {
        let end = NaiveDate::from_ymd_opt(2025, 12, 31);
        assert_eq!(last_day_in_force(end, Lang::En), " until 2025-12-31");
        assert_eq!(last_day_in_force(end, Lang::Zh), "，至2025年12月31日止");
        assert_eq!(last_day_in_force(None, Lang::En), "");
        assert_eq!(last_day_in_force(None, Lang::Zh), "");
    }
}
