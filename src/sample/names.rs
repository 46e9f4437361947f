//! The sample's invented names and texts in English: every name and text
//! the sample writes in Chinese (units, bodies, experts, leads, objections)
//! has its English form here, so the English report is English throughout.

use super::DESCRIPTIONS;
use crate::domain::Banner;
use crate::lang::Lang;

/// The sample's directly recommending bodies (4.2): Chinese and English.
const BODIES: [(&str, &str); 4] = [
    ("市某能源主管部门", "city energy authority"),
    ("市某教育主管部门", "city education authority"),
    ("某驻市大型企业集团", "enterprise group"),
    ("市某事业单位", "city public institution"),
];

/// Surnames (the sample's leads and experts) in pinyin.
const PINYIN: [(&str, &str); 13] = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
    ("黄", "Huang"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("钱", "Qian"),
];

/// Whole texts of the sample (objections, expert affiliations).
const TEXTS: [(&str, &str); 7] = [
    (
        "反映实训场地面积不足，经核查不属实",
        "the training floor is said to be too small; not borne out on inspection",
    ),
    (
        "反映领办人荣誉证书与申报材料不符，经核查属实",
        "the lead's honour certificate is said not to match the application; borne out on inspection",
    ),
    ("某技工学校", "a technical school"),
    ("某能源企业", "an energy company"),
    ("某职业技术学院", "a vocational college"),
    ("某装备制造企业", "an equipment maker"),
    ("某会计师事务所", "an accounting firm"),
];

/// Suffixes the sample adds to a name, and their English.
const SUFFIXES: [(&str, &str); 2] = [
    ("（示例）", " (sample)"),
    ("（机构改革后更名）", " (renamed in a reorganisation)"),
];

/// A name or text of the built-in sample in a language: unchanged in
/// Chinese; in English, the sample's own English form. A text the sample did
/// not write is returned unchanged in either language.
///
/// ```
/// use skill_grants::{Lang, sample};
/// assert_eq!(sample::name("达拉特旗某技工学校〔R11〕", Lang::En), "Dalad Banner technical school [R11]");
/// assert_eq!(sample::name("达拉特旗某技工学校〔R11〕", Lang::Zh), "达拉特旗某技工学校〔R11〕");
/// assert_eq!(sample::name("市某教育主管部门直属某学院", Lang::En), "city education authority college");
/// assert_eq!(sample::name("孙某23", Lang::En), "Sun 23");
/// assert_eq!(sample::name("not from the sample", Lang::En), "not from the sample");
/// ```
pub fn name(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => text.to_owned(),
        Lang::En => english(text).unwrap_or_else(|| text.to_owned()),
    }
}

fn english(text: &str) -> Option<String> {
    if let Some((_, en)) = TEXTS.iter().find(|(zh, _)| *zh == text) {
        return Some((*en).to_owned());
    }
    // Peel the suffixes the sample adds (a reason tag, `（示例）`, a rename).
    let mut core = text;
    let mut tail: Vec<String> = Vec::new();
    loop {
        if let Some((rest, en)) = SUFFIXES
            .iter()
            .find_map(|(zh, en)| core.strip_suffix(zh).map(|rest| (rest, *en)))
        {
            tail.push(en.to_owned());
            core = rest;
        } else if let Some((rest, tag)) = core
            .strip_suffix('〕')
            .and_then(|inner| inner.rsplit_once('〔'))
        {
            tail.push(format!(" [{tag}]"));
            core = rest;
        } else {
            break;
        }
    }
    let head = core_name(core)?;
    tail.reverse();
    Some(format!("{head}{}", tail.concat()))
}

fn core_name(core: &str) -> Option<String> {
    for banner in Banner::ALL {
        if let Some(rest) = core
            .strip_prefix(banner.name(Lang::Zh))
            .and_then(|r| r.strip_prefix('某'))
        {
            let (_, _, en) = DESCRIPTIONS.iter().find(|(_, zh, _)| *zh == rest)?;
            return Some(format!("{} {en}", banner.name(Lang::En)));
        }
    }
    for (zh, en) in BODIES {
        if core == zh {
            return Some(en.to_owned());
        }
        if let Some(rest) = core.strip_prefix(zh).and_then(|r| r.strip_prefix("直属某")) {
            return match rest {
                "学院" => Some(format!("{en} college")),
                "公司" => Some(format!("{en} company")),
                _ => None,
            };
        }
    }
    // A person: a surname, 某, and an optional number.
    let (surname, en) = PINYIN.iter().find(|(zh, _)| core.starts_with(zh))?;
    let number = core.strip_prefix(surname)?.strip_prefix('某')?;
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(if number.is_empty() {
        (*en).to_owned()
    } else {
        format!("{en} {number}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{annual_round_2022, applications_2022, experts_2022};

    /// Every name and text the sample run shows has an English form with no
    /// Chinese left in it.
    #[test]
    fn every_sample_name_has_an_english_form() {
        let han = |s: &str| s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        let mut texts: Vec<String> = Vec::new();
        for a in applications_2022() {
            texts.push(a.unit.name.clone());
            if let Some(l) = a.lead {
                texts.push(l.name);
            }
        }
        for e in experts_2022() {
            texts.push(e.name);
            texts.push(e.affiliation);
        }
        for (_, n) in super::super::bodies() {
            texts.push(n.to_owned());
        }
        let run = annual_round_2022().unwrap_or_else(|e| panic!("{e}"));
        for o in &run.round.objections {
            texts.push(o.objection.summary.clone());
        }
        for p in &run.projects {
            texts.push(p.project.unit_name().to_owned());
        }
        for t in texts {
            let en = name(&t, Lang::En);
            assert!(!han(&en), "{t} -> {en}");
            assert_eq!(name(&t, Lang::Zh), t);
        }
    }
}
