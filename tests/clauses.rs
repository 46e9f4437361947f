//! The clause registry: look-up of every clause id in both forms, and unknown ids.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::{Clause, ClauseError, ClauseId, Execution};

/// Our ids and Chinese headings, as in the crate's clause registry (`skill_grants::clause`).
const EXPECTED: [(&str, &str, ClauseId); 21] = [
    ("preamble", "序言", ClauseId::Preamble),
    ("1.1", "一（一）", ClauseId::C1_1),
    ("1.2.1", "一（二）1", ClauseId::C1_2_1),
    ("1.2.2", "一（二）2", ClauseId::C1_2_2),
    ("2.1", "二（一）", ClauseId::C2_1),
    ("2.2", "二（二）", ClauseId::C2_2),
    ("3.1", "三（一）", ClauseId::C3_1),
    ("3.2", "三（二）", ClauseId::C3_2),
    ("3.3", "三（三）", ClauseId::C3_3),
    ("3.4", "三（四）", ClauseId::C3_4),
    ("4.1", "四（一）", ClauseId::C4_1),
    ("4.2", "四（二）", ClauseId::C4_2),
    ("4.3", "四（三）", ClauseId::C4_3),
    ("5", "五", ClauseId::C5),
    ("6.1", "六（一）", ClauseId::C6_1),
    ("6.2", "六（二）", ClauseId::C6_2),
    ("7.1", "七（一）", ClauseId::C7_1),
    ("7.2", "七（二）", ClauseId::C7_2),
    ("7.3", "七（三）", ClauseId::C7_3),
    ("7.4", "七（四）", ClauseId::C7_4),
    ("colophon", "印发", ClauseId::Colophon),
];

#[test]
fn every_clause_is_found_by_our_id_and_by_its_chinese_heading() {
    for (id, heading, expected) in EXPECTED {
        let by_id = Clause::lookup(id).unwrap();
        assert_eq!(by_id.id, expected, "by id {id}");
        assert_eq!(by_id.heading_zh, heading);
        let by_heading = Clause::lookup(heading).unwrap();
        assert_eq!(by_heading.id, expected, "by heading {heading}");
        assert_eq!(id.parse::<ClauseId>().unwrap(), expected);
        assert_eq!(expected.as_str(), id);
        assert_eq!(expected.clause().id, expected);
    }
    assert_eq!(Clause::all().len(), EXPECTED.len());
}

#[test]
fn unknown_ids_are_errors_not_panics() {
    for bad in [
        "",
        "3",
        "3.5",
        "8.1",
        "三（五）",
        "1.2",
        "Preamble ",
        "３.２",
    ] {
        assert_eq!(
            Clause::lookup(bad),
            Err(ClauseError::Unknown(bad.to_owned())),
            "{bad:?}"
        );
    }
    assert!("9.9".parse::<ClauseId>().is_err());
}

#[test]
fn surrounding_white_space_and_half_width_parentheses_are_accepted() {
    assert_eq!(Clause::lookup(" 3.3 ").unwrap().id, ClauseId::C3_3);
    assert_eq!(Clause::lookup("七(二)").unwrap().id, ClauseId::C7_2);
}

#[test]
fn texts_are_verbatim_excerpts_of_the_notice() {
    assert!(
        ClauseId::C2_2
            .clause()
            .text_zh
            .contains("分别给予 20 万元和 5 万元资金补助")
    );
    assert!(
        ClauseId::C3_3
            .clause()
            .text_zh
            .starts_with("（三）已获得市级建设项目资金支持")
    );
    assert!(ClauseId::C6_1.clause().text_zh.contains("两年内完成"));
    assert!(ClauseId::C7_4.clause().text_zh.ends_with("对……"));
    assert_eq!(
        ClauseId::Colophon.clause().text_zh,
        "鄂尔多斯市人力资源和社会保障局 2022 年 6 月 6 日印发"
    );
    for c in Clause::all() {
        assert!(!c.text_zh.contains('['), "{} keeps a bracketed id", c.id);
        assert!(!c.gloss_en.is_empty());
    }
}

#[test]
fn non_executed_clauses_say_why() {
    let not_executed: Vec<_> = Clause::all()
        .iter()
        .filter(|c| !c.execution.is_executed())
        .map(|c| c.id)
        .collect();
    assert_eq!(
        not_executed,
        [ClauseId::Preamble, ClauseId::C1_1, ClauseId::Colophon]
    );
    for c in Clause::all() {
        match c.execution {
            Execution::Executed => {}
            Execution::NotComputable { why, why_zh } | Execution::Metadata { why, why_zh } => {
                assert!(!why.is_empty());
                // The Chinese reason is Chinese, not a copy of the English.
                assert!(
                    why_zh
                        .chars()
                        .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
                );
            }
        }
    }
}

#[test]
fn clause_ids_serialize_as_our_ids() {
    assert_eq!(
        serde_json::to_string(&ClauseId::C1_2_1).unwrap(),
        "\"1.2.1\""
    );
    let back: ClauseId = serde_json::from_str("\"7.3\"").unwrap();
    assert_eq!(back, ClauseId::C7_3);
    assert!(serde_json::from_str::<ClauseId>("\"7.5\"").is_err());
}
