//! The readings R1–R17 (解读): where the notice leaves a choice, the one the
//! crate takes, as data — each with its statement in Chinese and English, the
//! clauses it reads, and whether it is a *parameter* (a policy field a host
//! may set to the other reading).
//!
//! The statements are the crate's own copy of the readings of the
//! programme's clause index (a document kept with the notice, outside this
//! crate: [`READINGS`] is the copy a reader of the crate has); the English
//! one is that text, the Chinese one our translation of it. Each rule's
//! [`Law`] names the reading it follows by id; [`crate::rules::all`] lists
//! the rules of each reading, and `cargo run --example policy` prints them all
//! in either language.
//!
//! | reading | clauses | parameter | in short |
//! |---|---|---|---|
//! | R1 | 1.2.1 |  | only technical schools, vocational colleges and key enterprises may hold a base |
//! | R2 | 1.2.2, 7.4 |  | a studio's lead holds one of the seven honours, at application and at every lead change |
//! | R3 | 1.2.1, 1.2.2 | yes | 20 bases and 40 studios are programme totals; each year's places are set per round |
//! | R4 | 2.2 | yes | the subsidy is fixed; employment subsidy fund first, talent fund for the rest; nothing paid in part; ranking order, bases first |
//! | R5 | 3.2 |  | only a funded region-or-national title of the same kind bars |
//! | R6 | 3.3 | yes | any funded city project bars the whole round from release through its deadline, or until it closes |
//! | R7 | 3.4 |  | reapply only when every earlier project of the kind was accepted 24+ months before and rated effective |
//! | R8 | 4.1, 4.2 |  | a list over quota or without a full report is refused whole; bad entries one by one |
//! | R9 | 5 | yes | rank by score, then recommendation rank, then application; a notice of 5 working days; objections |
//! | R10 | 6.1, 6.2 |  | deadlines are release + 24/12 months; a missing day (29 February) falls to the month's last day |
//! | R11 | 6.1 |  | a base declares one or two specialties |
//! | R12 | 7.1 |  | one account per project; never below zero; nothing moves between projects |
//! | R13 | 7.2 |  | revocation needs a verified finding and recovers every yuan released; the spent part is owed |
//! | R14 | 7.3 |  | dissolution recovers released − spent; renames keep the project; renames for bases only |
//! | R15 | 7.4 |  | a pending lead change is marked; the new lead is checked like R2 |
//! | R16 | 3.1 | yes | the implementation rules' unit conditions enter as host-supplied checks |
//! | R17 | preamble |  | the policy records the issuing authorities and the date with the document number |
//!
//! (The table is the [`Reading::gloss_en`] of each reading; a test keeps it
//! in step with [`READINGS`].)
//!
//! ```
//! use skill_grants::reading;
//!
//! let r10 = reading::find("R10").unwrap();
//! assert!(r10.statement_en.contains("29 February"));
//! assert!(!r10.parameter);
//! assert!(reading::READINGS.iter().filter(|r| r.parameter).count() >= 4);
//! assert!(reading::find("R18").is_none());
//! ```
//!
//! [`Law`]: crate::clause::Law

use serde::Serialize;

use crate::clause::ClauseId;

/// A reading of the clause index (`R1`–`R17`, 解读): where the notice leaves
/// a choice, the one the crate takes.
///
/// ```
/// let r = skill_grants::reading::find("R9").unwrap();
/// assert_eq!(r.clauses, &[skill_grants::ClauseId::C5]);
/// assert!(r.parameter);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// `"R1"` … `"R17"`.
    pub id: &'static str,
    /// The clauses it reads.
    pub clauses: &'static [ClauseId],
    /// True when a host may choose the other reading through the policy.
    pub parameter: bool,
    /// A one-line English gloss (ours), for tables.
    pub gloss_en: &'static str,
    /// The reading in full, in English (the clause index's text).
    pub statement_en: &'static str,
    /// The reading in full, in Chinese (our translation).
    pub statement_zh: &'static str,
}

/// The readings R1–R17, in order.
pub const READINGS: [Reading; 17] = [
    Reading {
        id: "R1",
        clauses: &[ClauseId::C1_2_1],
        parameter: false,
        gloss_en: "only technical schools, vocational colleges and key enterprises may hold a base",
        statement_en: "Only the three host kinds may hold a base. Other unit kinds are ineligible, with the reason.",
        statement_zh: "只有技工院校、职业院校和重点企业三类单位可以承建培训基地；其他类型的单位不符合条件，并说明理由。",
    },
    Reading {
        id: "R2",
        clauses: &[ClauseId::C1_2_2, ClauseId::C7_4],
        parameter: false,
        gloss_en: "a studio's lead holds one of the seven honours, at application and at every lead change",
        statement_en: "A studio's lead must hold at least one honour of the list; checked at application and at every lead change.",
        statement_zh: "技能大师工作室的领办人须至少获得所列七项荣誉之一；申报时审查，每次更换领办人时再审查。",
    },
    Reading {
        id: "R3",
        clauses: &[ClauseId::C1_2_1, ClauseId::C1_2_2],
        parameter: true,
        gloss_en: "20 bases and 40 studios are programme totals; each year's places are set per round",
        statement_en: "20 bases and 40 studios are the programme's totals for 2022–2025: no round may select past what remains. Each year's places are set by the city (*parameter* per round).",
        statement_zh: "20个基地、40个工作室是2022—2025年整个项目的总数：任何一轮遴选都不得超出剩余名额。每年的名额由市里确定（参数，按轮次设置）。",
    },
    Reading {
        id: "R4",
        clauses: &[ClauseId::C2_2],
        parameter: true,
        gloss_en: "the subsidy is fixed; employment subsidy fund first, talent fund for the rest; nothing paid in part; ranking order, bases first",
        statement_en: "The subsidy is a fixed amount, not a cap. One project's subsidy may be split between the two funds: the employment subsidy fund pays what it can, the talent fund the rest. A project that the two together cannot pay is not funded, and the round says so; nothing is paid in part. Within a round the subsidies are drawn in the city's ranking order, bases before studios (*parameter*: the order of the kinds); a project that cannot be paid does not stop a cheaper one after it from being paid.",
        statement_zh: "补助是固定金额，不是上限。一个项目的补助可由两项资金分担：就业补助资金先付其所能付，其余由市人才专项资金支付。两项资金合计仍不足以支付的项目不予资助，并在本轮中说明；不部分支付。本轮按全市排名顺序支付，先基地后工作室（参数：两类项目的先后）；一个无法支付的项目不妨碍其后较便宜的项目获得支付。",
    },
    Reading {
        id: "R5",
        clauses: &[ClauseId::C3_2],
        parameter: false,
        gloss_en: "only a funded region-or-national title of the same kind bars",
        statement_en: "\"Same project\" means the same kind (base or studio). A region-or-national title that was never funded does not bar; one of the other kind does not bar.",
        statement_zh: "“同类项目”指同一类型（基地或工作室）。未获资助的自治区级或国家级称号不构成限制；另一类型的称号也不构成限制。",
    },
    Reading {
        id: "R6",
        clauses: &[ClauseId::C3_3],
        parameter: true,
        gloss_en: "any funded city project bars the whole round from release through its deadline, or until it closes",
        statement_en: "Any funded city-level project of either kind bars the unit from the whole round while the round's reference date lies inside that project's construction period: from the release date through the completion deadline of R10 (2 years for a base, 1 for a studio), both days included, or until the project is closed (accepted, revoked, dissolved), whichever is first — from its closing day on it no longer bars (*parameter*: a stricter reading keeps the bar until acceptance).",
        statement_zh: "任何已获资助的市级项目（任一类型），在本轮基准日处于其建设期内时，该单位不得参加本轮全部遴选：建设期自资金下达之日起至R10计算的完成期限止（基地2年、工作室1年），首尾两日均计入；项目结项（验收、撤销、解散）的，自结项之日起不再限制，以先到者为准（参数：从严理解为限制至验收）。",
    },
    Reading {
        id: "R7",
        clauses: &[ClauseId::C3_4],
        parameter: false,
        gloss_en: "reapply only when every earlier project of the kind was accepted 24+ months before and rated effective",
        statement_en: "A unit that already had a city-level project of the same kind may apply again only if that project passed acceptance at least two calendar years before the round's reference date (acceptance date plus 24 months, by R10, is on or before the reference date) and was rated as effective. With several such projects, every one must meet this. A revoked or never-accepted earlier project gives no path back.",
        statement_zh: "已承建过同类市级项目的单位，只有在该项目于本轮基准日两个日历年前通过验收（验收日加24个月，按R10计算，不晚于基准日）且评定成效显著时，方可再次申报。有多个此类项目的，每一个都须满足。被撤销或从未验收的项目不能据此再次申报。",
    },
    Reading {
        id: "R8",
        clauses: &[ClauseId::C4_1, ClauseId::C4_2],
        parameter: false,
        gloss_en: "a list over quota or without a full report is refused whole; bad entries one by one",
        statement_en: "A list longer than the recommender's quota is refused whole; the recommender must choose. A banner may list only units in its own jurisdiction; a body of 4.2 only units directly under it that are independent legal persons. A list without a complete report (procedure, methods, expert composition) is refused. Ineligible entries are refused one by one, each with its reasons, and the rest stand.",
        statement_zh: "推荐名单超出推荐单位名额的，整份退回，由推荐单位自行取舍。旗区只能推荐本辖区内的单位；四（二）所列单位只能推荐直属且具有独立法人资格的单位。未附完整推荐报告（推荐程序、方法、专家组成）的名单不予受理。不符合条件的申报逐一退回并说明理由，其余有效。",
    },
    Reading {
        id: "R9",
        clauses: &[ClauseId::C5],
        parameter: true,
        gloss_en: "rank by score, then recommendation rank, then application; a notice of 5 working days; objections",
        statement_en: "The city ranks by expert score; ties go to the better recommendation rank, then to the earlier application. The public-notice period is 5 working days by default (*parameter*; the notice names none), counted from its first day if that is a working day, and it ends at the close of the last of them. An upheld objection removes that candidate; whether the next in rank moves up is a *parameter*.",
        statement_zh: "全市按专家评分排名；分数相同的，推荐排名靠前者优先，再相同的，申报编号在前者优先。公示期默认5个工作日（参数；通知未规定天数），首日为工作日的自首日起算，至最后一个工作日结束时止。异议成立的，取消该候选；是否由下一名递补是参数。",
    },
    Reading {
        id: "R10",
        clauses: &[ClauseId::C6_1, ClauseId::C6_2],
        parameter: false,
        gloss_en: "deadlines are release + 24/12 months; a missing day (29 February) falls to the month's last day",
        statement_en: "Deadlines are calendar dates: release date plus 24 or 12 months; where that day does not exist (29 February), the last day of that month. Spending on the deadline day is allowed; after it, it is refused.",
        statement_zh: "期限按日历日期计算：资金下达之日加24个月或12个月；该日不存在的（2月29日），取该月最后一日。期限当日支出允许，逾期支出不予受理。",
    },
    Reading {
        id: "R11",
        clauses: &[ClauseId::C6_1],
        parameter: false,
        gloss_en: "a base declares one or two specialties",
        statement_en: "A base declares one or two specialties when it applies; none or three and more is ineligible.",
        statement_zh: "培训基地申报时须申报一至两个专业（职业）；没有或三个及以上的，不符合条件。",
    },
    Reading {
        id: "R12",
        clauses: &[ClauseId::C7_1],
        parameter: false,
        gloss_en: "one account per project; never below zero; nothing moves between projects",
        statement_en: "Each project has its own account; a payment never takes it below zero; nothing moves between projects.",
        statement_zh: "每个项目单独建账；支付不得使账户余额低于零；资金不得在项目之间调剂。",
    },
    Reading {
        id: "R13",
        clauses: &[ClauseId::C7_2],
        parameter: false,
        gloss_en: "revocation needs a verified finding and recovers every yuan released; the spent part is owed",
        statement_en: "Revocation needs a verified finding first (查明属实); it can come during construction or after acceptance; it orders the recovery of every yuan released, spent or not. The account's balance goes back first; the spent part is owed by the unit until city finance records its repayment. At every moment: released = spent + balance + returned from the account, and recovery ordered = returned from the account + repaid by the unit + still owed.",
        statement_zh: "撤销须先查明属实；可在建设期内，也可在验收后；撤销时追回已下达的全部资金，无论是否已支出。账户余额先行退回；已支出部分由单位承担，直至市财政记录其缴回。任何时点：已下达 = 已支出 + 余额 + 账户退回，且应追回 = 账户退回 + 单位缴回 + 尚欠。",
    },
    Reading {
        id: "R14",
        clauses: &[ClauseId::C7_3],
        parameter: false,
        gloss_en: "dissolution recovers released − spent; renames keep the project; renames for bases only",
        statement_en: "Dissolution recovers released − spent; the spent part is marked for handling under asset rules. Renames keep the project and its history under the new name. The notice provides renames for bases only.",
        statement_zh: "单位解散的，追回已下达减已支出的部分；已支出部分按资产管理规定处理。单位更名的，项目及其历史在新名称下继续。通知只对基地规定了更名。",
    },
    Reading {
        id: "R15",
        clauses: &[ClauseId::C7_4],
        parameter: false,
        gloss_en: "a pending lead change is marked; the new lead is checked like R2",
        statement_en: "While a lead change awaits approval, the studio is marked so; the new lead is checked like R2.",
        statement_zh: "更换领办人待批期间，工作室标记为待批；新领办人按R2同样审查。",
    },
    Reading {
        id: "R16",
        clauses: &[ClauseId::C3_1],
        parameter: true,
        gloss_en: "the implementation rules' unit conditions enter as host-supplied checks",
        statement_en: "The two implementation rules (实施细则) that 3.1 points to are not public here. Their unit conditions enter as host-supplied checks: the policy carries a list of named conditions (for example a minimum site area, the lead's skill level, retirement age, yearly training output), each evaluated and explained like every other rule and cited as 3.1 plus the host's own reference. The crate ships such a list only as a clearly labelled example, never as the Ordos rule.",
        statement_zh: "三（一）所指的两个实施细则在此未公开。其单位条件以承办系统提供的检查项录入：政策中列出具名条件（例如最小场地面积、领办人技能等级、退休年龄、年培训量），每项与其他规则一样评估和说明，引用三（一）及承办方自己的依据。本库只以明确标注的示例提供此类清单，绝不作为鄂尔多斯的规定。",
    },
    Reading {
        id: "R17",
        clauses: &[ClauseId::Preamble],
        parameter: false,
        gloss_en: "the policy records the issuing authorities and the date with the document number",
        statement_en: "A document number alone is ambiguous (the prefix 鄂 is also Hubei's): the policy records the issuing authorities and the date with the number.",
        statement_zh: "文号本身有歧义（“鄂”也是湖北的简称）：政策随文号记录发文机关和日期。",
    },
];

/// The reading with this id (`"R6"`), if there is one.
///
/// ```
/// assert_eq!(skill_grants::reading::find("R6").map(|r| r.parameter), Some(true));
/// ```
pub fn find(id: &str) -> Option<&'static Reading> {
    READINGS.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module documentation's table says what [`READINGS`] says.
    #[test]
    fn the_documented_table_matches_the_data() {
        let source = include_str!("reading.rs");
        for r in READINGS.iter() {
            let clauses: Vec<&str> = r.clauses.iter().map(|c| c.as_str()).collect();
            let row = format!(
                "//! | {} | {} | {} | {} |",
                r.id,
                clauses.join(", "),
                if r.parameter { "yes" } else { "" },
                r.gloss_en
            );
            assert!(source.contains(&row), "missing or stale row: {row}");
        }
    }
}
