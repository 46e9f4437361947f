//! The clause registry: every clause of 鄂人社发〔2022〕100号 by our citation id.
//!
//! Every rule in this crate names the clause it executes with a [`ClauseId`]. The
//! registry holds, for each clause, its Chinese heading (for example `三（二）`), its
//! original text verbatim, an English gloss, and whether the crate executes it
//! ([`Execution`]).
//!
//! ```
//! use skill_grants::{Clause, ClauseId};
//!
//! let c = Clause::lookup("3.2")?;
//! assert_eq!(c.id, ClauseId::C3_2);
//! assert_eq!(c.heading_zh, "三（二）");
//! assert_eq!(Clause::lookup("三（二）")?.id, ClauseId::C3_2);
//! assert!(Clause::lookup("9.9").is_err());
//! # Ok::<(), skill_grants::ClauseError>(())
//! ```
//!
//! Design note: the texts are compiled in (no I/O), so a lookup is a scan of a
//! 21-element static table and never allocates.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An error from the clause registry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClauseError {
    /// The id is neither one of our ids (`"3.2"`) nor a Chinese heading (`三（二）`).
    #[error(
        "unknown clause id `{0}`: expected an id such as \"3.2\" or a heading such as \"三（二）\""
    )]
    Unknown(String),
}

/// The id of one clause of the notice (条款), as listed in the crate's clause index.
///
/// Serializes as our id string (`"3.2"`).
///
/// ```
/// use skill_grants::ClauseId;
/// let id: ClauseId = "6.1".parse()?;
/// assert_eq!(id, ClauseId::C6_1);
/// assert_eq!(id.as_str(), "6.1");
/// assert_eq!(id.to_string(), "6.1");
/// # Ok::<(), skill_grants::ClauseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClauseId {
    /// 序言 — the preamble and legal basis.
    Preamble,
    /// 一（一） — guiding principle.
    C1_1,
    /// 一（二）1 — training bases: hosts and the total of 20.
    C1_2_1,
    /// 一（二）2 — studios: the seven honours and the total of 40.
    C1_2_2,
    /// 二（一） — implementation rules and annual rounds.
    C2_1,
    /// 二（二） — subsidy amounts and the order of funds.
    C2_2,
    /// 三（一） — unit conditions of the implementation rules.
    C3_1,
    /// 三（二） — region-or-national title already funded.
    C3_2,
    /// 三（三） — still inside a construction period.
    C3_3,
    /// 三（四） — reapplication after acceptance.
    C3_4,
    /// 四（一） — recommendation by banners and districts.
    C4_1,
    /// 四（二） — recommendation by directly recommending bodies.
    C4_2,
    /// 四（三） — recommendation quotas.
    C4_3,
    /// 五 — city review, public notice, release of funds.
    C5,
    /// 六（一） — use of a base's funds and its two-year period.
    C6_1,
    /// 六（二） — use of a studio's funds and its one-year period.
    C6_2,
    /// 七（一） — earmarked funds, separate accounts.
    C7_1,
    /// 七（二） — inspection, evaluation, acceptance, revocation.
    C7_2,
    /// 七（三） — renamed or dissolved base units.
    C7_3,
    /// 七（四） — change of a studio's lead.
    C7_4,
    /// 印发 — the colophon (date of issue).
    Colophon,
}

impl ClauseId {
    /// Every clause id, in the order of the notice.
    pub const ALL: [ClauseId; 21] = [
        ClauseId::Preamble,
        ClauseId::C1_1,
        ClauseId::C1_2_1,
        ClauseId::C1_2_2,
        ClauseId::C2_1,
        ClauseId::C2_2,
        ClauseId::C3_1,
        ClauseId::C3_2,
        ClauseId::C3_3,
        ClauseId::C3_4,
        ClauseId::C4_1,
        ClauseId::C4_2,
        ClauseId::C4_3,
        ClauseId::C5,
        ClauseId::C6_1,
        ClauseId::C6_2,
        ClauseId::C7_1,
        ClauseId::C7_2,
        ClauseId::C7_3,
        ClauseId::C7_4,
        ClauseId::Colophon,
    ];

    /// Our citation id, as the crate cites it (`"3.2"`, `"preamble"`).
    ///
    /// ```
    /// assert_eq!(skill_grants::ClauseId::C1_2_1.as_str(), "1.2.1");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ClauseId::Preamble => "preamble",
            ClauseId::C1_1 => "1.1",
            ClauseId::C1_2_1 => "1.2.1",
            ClauseId::C1_2_2 => "1.2.2",
            ClauseId::C2_1 => "2.1",
            ClauseId::C2_2 => "2.2",
            ClauseId::C3_1 => "3.1",
            ClauseId::C3_2 => "3.2",
            ClauseId::C3_3 => "3.3",
            ClauseId::C3_4 => "3.4",
            ClauseId::C4_1 => "4.1",
            ClauseId::C4_2 => "4.2",
            ClauseId::C4_3 => "4.3",
            ClauseId::C5 => "5",
            ClauseId::C6_1 => "6.1",
            ClauseId::C6_2 => "6.2",
            ClauseId::C7_1 => "7.1",
            ClauseId::C7_2 => "7.2",
            ClauseId::C7_3 => "7.3",
            ClauseId::C7_4 => "7.4",
            ClauseId::Colophon => "colophon",
        }
    }

    /// The registry entry of this clause.
    ///
    /// ```
    /// use skill_grants::ClauseId;
    /// assert!(ClauseId::C6_2.clause().text_zh.contains("一年内完成"));
    /// ```
    pub fn clause(self) -> &'static Clause {
        // The table is in the order of `ALL`; the fallback keeps this total.
        CLAUSES.get(self as usize).unwrap_or(&FALLBACK)
    }

    /// The Chinese heading (`三（二）`).
    ///
    /// ```
    /// assert_eq!(skill_grants::ClauseId::C5.heading_zh(), "五");
    /// ```
    pub fn heading_zh(self) -> &'static str {
        self.clause().heading_zh
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClauseId {
    type Err = ClauseError;

    /// Parses our id (`"3.2"`) or the Chinese heading (`三（二）`); surrounding
    /// white space is ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Clause::lookup(s).map(|c| c.id)
    }
}

impl Serialize for ClauseId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ClauseId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether the crate executes a clause, and if not, why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Execution {
    /// At least one rule of the crate executes this clause.
    Executed,
    /// The clause is a statement the crate cannot compute.
    NotComputable {
        /// Why not (English).
        why: &'static str,
        /// Why not (Chinese, 原因).
        why_zh: &'static str,
    },
    /// The clause is metadata about the document, recorded in the policy.
    Metadata {
        /// Where it is recorded (English).
        why: &'static str,
        /// Where it is recorded (Chinese, 记录位置).
        why_zh: &'static str,
    },
}

impl Execution {
    /// True when the crate has a rule for the clause.
    ///
    /// ```
    /// use skill_grants::ClauseId;
    /// assert!(ClauseId::C3_3.clause().execution.is_executed());
    /// assert!(!ClauseId::C1_1.clause().execution.is_executed());
    /// ```
    pub const fn is_executed(&self) -> bool {
        matches!(self, Execution::Executed)
    }

    /// Why the clause is not executed, or where it is recorded, in English;
    /// `None` for an executed clause.
    ///
    /// ```
    /// use skill_grants::ClauseId;
    /// let why = ClauseId::C1_1.clause().execution;
    /// assert_eq!(why.why_en(), Some("a statement of principle; it sets no condition a rule can test"));
    /// assert_eq!(ClauseId::C3_3.clause().execution.why_en(), None);
    /// ```
    pub const fn why_en(&self) -> Option<&'static str> {
        match self {
            Execution::Executed => None,
            Execution::NotComputable { why, .. } | Execution::Metadata { why, .. } => Some(why),
        }
    }

    /// As [`Execution::why_en`], in Chinese (未执行的原因或记录位置).
    ///
    /// ```
    /// use skill_grants::ClauseId;
    /// let why = ClauseId::C1_1.clause().execution;
    /// assert_eq!(why.why_zh(), Some("原则性表述，未设定可由规则检验的条件"));
    /// ```
    pub const fn why_zh(&self) -> Option<&'static str> {
        match self {
            Execution::Executed => None,
            Execution::NotComputable { why_zh, .. } | Execution::Metadata { why_zh, .. } => {
                Some(why_zh)
            }
        }
    }
}

/// One clause of the notice (条款): heading, verbatim text, gloss and execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Our citation id.
    pub id: ClauseId,
    /// The Chinese heading, e.g. `三（二）`.
    pub heading_zh: &'static str,
    /// The original text, verbatim, without our bracketed id.
    pub text_zh: &'static str,
    /// An English gloss (ours, not an official translation).
    pub gloss_en: &'static str,
    /// Whether the crate executes this clause.
    pub execution: Execution,
}

impl Clause {
    /// Every clause of the notice, in its order.
    ///
    /// ```
    /// assert_eq!(skill_grants::Clause::all().len(), 21);
    /// ```
    pub fn all() -> &'static [Clause] {
        &CLAUSES
    }

    /// Looks a clause up by our id (`"3.2"`) or by its Chinese heading
    /// (`三（二）`). Half-width parentheses in the heading are accepted too.
    ///
    /// # Errors
    ///
    /// [`ClauseError::Unknown`] when no clause has this id or heading.
    ///
    /// ```
    /// use skill_grants::{Clause, ClauseError, ClauseId};
    /// assert_eq!(Clause::lookup("一（二）2")?.id, ClauseId::C1_2_2);
    /// assert_eq!(Clause::lookup("三(四)")?.id, ClauseId::C3_4);
    /// assert_eq!(Clause::lookup("8"), Err(ClauseError::Unknown("8".into())));
    /// # Ok::<(), ClauseError>(())
    /// ```
    pub fn lookup(id: &str) -> Result<&'static Clause, ClauseError> {
        let key = id.trim();
        CLAUSES
            .iter()
            .find(|c| {
                c.id.as_str() == key || c.heading_zh == key || same_heading(c.heading_zh, key)
            })
            .ok_or_else(|| ClauseError::Unknown(id.to_owned()))
    }
}

/// Compares a heading allowing half-width parentheses for full-width ones.
fn same_heading(heading: &str, key: &str) -> bool {
    let mut a = heading.chars();
    let mut b = key.chars().map(|c| match c {
        '(' => '（',
        ')' => '）',
        other => other,
    });
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

const FALLBACK: Clause = Clause {
    id: ClauseId::Preamble,
    heading_zh: "",
    text_zh: "",
    gloss_en: "",
    execution: Execution::Metadata {
        why: "",
        why_zh: "",
    },
};

static CLAUSES: [Clause; 21] = [
    Clause {
        id: ClauseId::Preamble,
        heading_zh: "序言",
        text_zh: "鄂尔多斯市人力资源和社会保障局 财政局关于组织实施“十四五”高技能人才培训基地建设项目和技能大师工作室建设项目的通知\n\n各旗区人力资源和社会保障局、财政局，市直各有关委、办、室、局，各大企业、事业单位：\n\n为深入贯彻党的十九大精神，落实习近平总书记对技能人才工作的重要指示批示，进一步加强高技能人才培养工作，根据《鄂尔多斯市委 市人民政府关于印发〈鄂尔多斯市对标先进提升创建工作行动方案〉的通知》（鄂党发〔2022〕10 号）、《鄂尔多斯市委 市人民政府关于印发〈鄂尔多斯市关于加强新时代人才工作助推高质量发展的若干政策〉的通知》（鄂党发〔2021〕22 号），以及鄂尔多斯市人力资源和社会保障局、财政局《转发关于组织实施“十四五”高技能人才培训基地建设项目和技能大师工作室建设项目的通知》（鄂人社发〔2021〕304 号），决定在“十四五”期间组织实施鄂尔多斯市高技能人才培训基地建设项目和技能大师工作室建设项目（以下简称“培训基地建设项目”和“工作室建设项目”），现就有关工作通知如下。",
        gloss_en: "Legal basis (鄂党发〔2022〕10号, 鄂党发〔2021〕22号, 鄂人社发〔2021〕304号): the city runs the high-skill training base and skill master studio projects during the 14th Five-Year Plan.",
        execution: Execution::Metadata {
            why: "the document's identity and legal basis; recorded in `Policy::document`",
            why_zh: "文件的身份与制定依据；记录于 `Policy::document`",
        },
    },
    Clause {
        id: ClauseId::C1_1,
        heading_zh: "一（一）",
        text_zh: "以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大精神和习近平总书记对技能人才工作的重要指示批示精神，按照“整体规划、合理布局、技术先进、资源共享”的原则，对现有实训设备进行改建升级，扩大培训规模和提升培训能力，为我市以生态优先、绿色发展为导向的高质量发展提供技能人才支持。",
        gloss_en: "Guiding principle: overall planning, rational layout, advanced technology, resource sharing; upgrade existing training equipment.",
        execution: Execution::NotComputable {
            why: "a statement of principle; it sets no condition a rule can test",
            why_zh: "原则性表述，未设定可由规则检验的条件",
        },
    },
    Clause {
        id: ClauseId::C1_2_1,
        heading_zh: "一（二）1",
        text_zh: "1.培训基地建设项目。按照“整体规划、合理布局、技术先进、资源共享”的原则，在技工院校、职业院校和重点企业，组织实施 20 个市级培训基地建设项目，主要对现有实训设备进行改建升级，扩大高技能人才培训规模并提升培训能力，到 2025 年，基本形成覆盖全市重点产业和中心城市的高技能人才培养网络。",
        gloss_en: "Training bases are hosted by technical schools, vocational colleges and key enterprises; 20 city-level bases; by 2025 a network covering key industries and the central city.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C1_2_2,
        heading_zh: "一（二）2",
        text_zh: "2.工作室建设项目。发挥高技能领军人才在带徒传技、技能攻关、技艺传承、技能推广等方面的重要作用，依托中华技能大奖获得者、全国技术能手、自治区技师高级技师突出贡献奖获得者、全区技术能手、全市技术能手、鄂尔多斯工匠和掌握传统技能、民间绝技的技能大师，组织实施 40 个市级工作室建设项目，重点开展培训、研修、攻关、交流等活动，将技术技能革新成果和绝技绝活加以推广。",
        gloss_en: "Studios rely on a master holding one of seven honours; 40 city-level studios; training, study, tackling technical problems, exchange.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C2_1,
        heading_zh: "二（一）",
        text_zh: "（一）鄂尔多斯市人力资源和社会保障局、财政局负责制定《鄂尔多斯市高技能人才培训基地建设项目实施细则（2022-2025 年）》和《鄂尔多斯市技能大师工作室建设项目实施细则（2022-2025 年）》，并按年度组织实施培训基地和工作室建设项目。",
        gloss_en: "The city issues the implementation rules (2022–2025) and runs the programme in annual rounds.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C2_2,
        heading_zh: "二（二）",
        text_zh: "（二）依据鄂党发〔2021〕22 号文件规定，对市级培训基地建设项目和技能大师工作室建设项目分别给予 20 万元和 5 万元资金补助。补助资金优先从就业补助资金中列支，就业补助资金不足，从市人才专项资金中列支。",
        gloss_en: "Subsidy of ¥200,000 per base and ¥50,000 per studio, paid first from the employment subsidy fund, any shortfall from the city talent special fund.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C3_1,
        heading_zh: "三（一）",
        text_zh: "（一）申请培训基地和工作室建设项目的单位条件应符合《鄂尔多斯市高技能人才培训基地建设项目实施细则（2022-2025 年）》和《鄂尔多斯市技能大师工作室建设项目实施细则（2022-2025 年）》相关规定。",
        gloss_en: "Applicants must meet the unit conditions of the two implementation rules (host-supplied checks, R16).",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C3_2,
        heading_zh: "三（二）",
        text_zh: "（二）已获评自治区级以上高技能人才培训基地或技能大师工作室单位，并获得过资金资助的，不再申报市级同一建设项目。",
        gloss_en: "A unit already rated region-level or above for a base or studio, and funded for it, does not apply for the same city-level project.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C3_3,
        heading_zh: "三（三）",
        text_zh: "（三）已获得市级建设项目资金支持，仍在项目建设期内的单位，不参加当年申报。",
        gloss_en: "A unit with city-level funding still inside its construction period does not take part in that year's round.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C3_4,
        heading_zh: "三（四）",
        text_zh: "（四）培训基地和工作室建设项目验收合格 2 年及以上，建设项目效能显著，高技能人才培养取得明显效果的单位，可以再次申报。",
        gloss_en: "A unit whose project passed acceptance two or more years ago, with notable effectiveness and clear results, may apply again.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C4_1,
        heading_zh: "四（一）",
        text_zh: "（一）旗区推荐。各旗区人力资源社会保障部门会同财政部门，按照鄂尔多斯市人力资源和社会保障局、财政局年度通知要求，依据申报条件和推荐名额，组织辖区内单位申报，进行初评后，将本地区推荐报告（主要包括评审程序、评审方法、专家组成等情况）和申报项目候选单位名单（按推荐顺序排序），报市人力资源社会保障局和财政局。在评审工作中，各旗区要严格把握标准、规范操作程序，严格评审纪律。",
        gloss_en: "Banner and district HR&SS with finance organise applications in their jurisdiction, review them and send a report (procedure, methods, expert composition) and a ranked candidate list, within quota.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C4_2,
        heading_zh: "四（二）",
        text_zh: "（二）直属单位推荐。市直相关委办室局、各大企业、事业单位和驻我市中央、自治区直属单位，按照市人力资源和社会保障局、财政局年度通知要求，依据申报条件和推荐名额，在本部门直属的具有独立法人资格的单位中，进行遴选和初评，形成推荐报告，报市人力资源社会保障局和财政局。在评审工作中，要严格把握标准、规范操作程序，严格评审纪律。",
        gloss_en: "City departments, large enterprises, institutions and central or region units in the city select among their directly affiliated units that are independent legal persons, and report.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C4_3,
        heading_zh: "四（三）",
        text_zh: "（三）推荐名额。根据各旗区、各部门实际情况，市人力资源和社会保障局、财政局按年度下达推荐名额。",
        gloss_en: "The city sets each recommender's quota every year.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C5,
        heading_zh: "五",
        text_zh: "市人力资源社会保障局会同财政局组成专家组，对各旗区、部门推荐的建设项目候选单位进行评审，确定培训基地和工作室建设项目单位，向社会公示无异议后，下达年度建设项目补助资金。",
        gloss_en: "A city expert group reviews the candidates and decides the project units; after a public notice without objection the year's subsidy is released.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C6_1,
        heading_zh: "六（一）",
        text_zh: "（一）培训基地建设项目经费。主要用于支持 1－2 个急需紧缺专业（职业）建设所需技能研修实训设备的购置改造与维护、原材料消耗、指导教师聘用、师资培训、培训基础设施完善、课程设置和教材开发、与教学活动有关的科研活动及其他培训成本等方面的支出。培训基地建设项目应在资金下达后两年内完成，建设项目资金不得用于差旅费、劳务费等与项目资金使用范围无关的其他支出。",
        gloss_en: "Base funds serve one or two urgently needed specialties, in the listed categories; the project is finished within two years of release; never travel, labour fees or unrelated spending.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C6_2,
        heading_zh: "六（二）",
        text_zh: "（二）技能大师工作室建设项目经费。主要用于技术技能创新研发、培训用品购置、技能交流推广等费用。工作室建设项目应在资金下达后一年内完成，建设项目资金不得用于差旅费、劳务费等与项目资金使用范围无关的其他支出。",
        gloss_en: "Studio funds go to innovation R&D, training supplies, and skill exchange and promotion; the project is finished within one year of release; same prohibitions.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C7_1,
        heading_zh: "七（一）",
        text_zh: "（一）各旗区人力资源社会保障部门和财政部门要高度重视此项工作，加强对培训基地和工作室建设项目的管理和指导。项目建设单位要严格加强项目资金管理，实行专款专用，单独建账，确保资金安全和效益，为高技能人才培养创造条件。",
        gloss_en: "Funds are earmarked and kept in a separate account per project; banner HR&SS and finance manage and guide.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C7_2,
        heading_zh: "七（二）",
        text_zh: "（二）市人力资源社会保障局和财政局将定期对培训基地和技能大师工作室建设情况进行检查，并按照项目产出要求，对建设项目实施情况进行分阶段评估。建设项目验收合格后，由市人力资源社会保障局和财政局向社会公布，颁发牌匾。对未按照规定开展高技能人才培训工作以及弄虚作假的，经查明属实，撤销其基地或技能大师工作室称号，追回项目建设资金。",
        gloss_en: "Regular inspection and phased evaluation; acceptance is announced with a plaque; training not carried out or fraud, once verified, revokes the title and recovers the funds.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C7_3,
        heading_zh: "七（三）",
        text_zh: "（三）培训基地建设项目单位在建设期内因机构改革、机构重组等原因变更单位名称的，由变更后的单位向当地人力资源社会保障、财政部门或其主管部门提交申请，报市人力资源和社会保障局、财政局核准后，可继续实施建设项目。项目建设单位在建设期内撤销的，已经实施的项目资金，按照国家、自治区和市资产管理有关规定执行，未实施的项目资金，由市财政部门予以收回。",
        gloss_en: "A base renamed during construction continues after city approval; a unit dissolved during construction: spent funds under asset rules, unspent funds recovered by city finance.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::C7_4,
        heading_zh: "七（四）",
        text_zh: "（四）工作室建设项目在建设期内因调离、解聘、退休等原因变更技能大师工作室领办人的，由建设项目实施单位向当地人力资源社会保障、财政部门或其主管部门提交申请，按照技能大师的条件，重新确定工作室领办人，报市人力资源和社会保障局、财政局核准后，可继续实施建设项目。对……",
        gloss_en: "A studio whose lead changes during construction (transfer, dismissal, retirement, ...) applies; the new lead must meet the master conditions; city approval; it continues. The source text stops mid-sentence here.",
        execution: Execution::Executed,
    },
    Clause {
        id: ClauseId::Colophon,
        heading_zh: "印发",
        text_zh: "鄂尔多斯市人力资源和社会保障局 2022 年 6 月 6 日印发",
        gloss_en: "Issued by the Ordos Municipal HR&SS Bureau on 2022-06-06.",
        execution: Execution::Metadata {
            why: "the date of issue; recorded in `Policy::document`",
            why_zh: "印发日期；记录于 `Policy::document`",
        },
    },
];

/// Where one rule of the crate stands in the law (法条依据): its stable id,
/// every clause it may cite, the reading of the clause index it follows, and
/// a one-line English gloss.
///
/// Every enum that names a rule or an outcome (an eligibility rule, a round's
/// refusal or verdict, a lifecycle event, status or refusal, an error that
/// cites) gives its `Law` in one exhaustive `match` beside its variants, and
/// the registry ([`crate::rules`]) only collects them. Where the clause
/// depends on the case (4.1 for a banner's list, 4.2 for a body's; 6.1 for a
/// base, 6.2 for a studio), `clauses` lists every clause the rule may cite.
///
/// ```
/// use skill_grants::clause::{ClauseId, Law};
///
/// const LAW: Law = Law {
///     id: "round.refusal.over_quota",
///     clauses: &[ClauseId::C4_1, ClauseId::C4_2],
///     reading: Some("R8"),
///     gloss: "a list longer than the recommender's quota is refused whole",
/// };
/// assert!(LAW.cites(ClauseId::C4_2));
/// assert!(!LAW.cites(ClauseId::C5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Law {
    /// The rule's stable id, `<area>.<kind>.<name>` (for example
    /// `round.refusal.over_quota`); never derived from `Debug`.
    pub id: &'static str,
    /// Every clause the rule may cite.
    pub clauses: &'static [ClauseId],
    /// The reading (`"R1"`–`"R17"`) it follows, if any.
    pub reading: Option<&'static str>,
    /// A one-line English gloss of the rule.
    pub gloss: &'static str,
}

impl Law {
    /// True when the rule may cite `clause`.
    pub fn cites(&self, clause: ClauseId) -> bool {
        self.clauses.contains(&clause)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_the_order_of_all() {
        for (c, id) in CLAUSES.iter().zip(ClauseId::ALL) {
            assert_eq!(c.id, id);
            assert!(!c.text_zh.is_empty());
            assert!(!c.text_zh.contains('['));
        }
    }
}
