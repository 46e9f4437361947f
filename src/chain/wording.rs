//! The chain's errors in words ([`ChainError::explain`]): the English is
//! the error's `Display`, the Chinese says the same.

use crate::lang::Lang;

use super::{ChainError, Head};

impl ChainError {
    /// The error explained in a language.
    ///
    /// ```
    /// use skill_grants::{Lang, chain::ChainError};
    /// let e = ChainError::Sequence { index: 2, expected: 3, found: 5 };
    /// assert_eq!(e.explain(Lang::Zh), "日志第 2 条记录（从 0 起算）的序号为 5，应为 3：其前缺少记录，或顺序错乱");
    /// assert_eq!(e.explain(Lang::En), e.to_string());
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.zh(),
        }
    }

    fn zh(&self) -> String {
        match self {
            ChainError::Sequence {
                index,
                expected,
                found,
            } => {
                let hint = if found > expected {
                    "其前缺少记录，或顺序错乱"
                } else {
                    "记录重复，或顺序错乱"
                };
                format!(
                    "日志第 {index} 条记录（从 0 起算）的序号为 {found}，应为 {expected}：{hint}"
                )
            }
            ChainError::Link {
                index,
                seq,
                expected,
                found,
            } => format!(
                "第 {index} 条记录（序号 {seq}）所记前一哈希为 {found}，而前一条记录的哈希为 {expected}：链在此断开"
            ),
            ChainError::Hash {
                index,
                seq,
                expected,
                found,
            } => format!(
                "第 {index} 条记录（序号 {seq}）存储的哈希为 {found}，而其内容的哈希为 {expected}：事件或其存储的哈希已被改动"
            ),
            ChainError::Truncated { expected, found } => format!(
                "日志止于{}，而承办系统保存的链头为{}：日志末尾的记录被删除",
                head(found),
                head(expected)
            ),
            ChainError::Extended { expected, found } => format!(
                "日志越过承办系统保存的链头{}，延续到{}：有记录被追加而链头未随之更新",
                head(expected),
                head(found)
            ),
            ChainError::Diverged {
                seq,
                expected,
                found,
            } => format!(
                "序号 {seq} 处日志的哈希为 {found}，而承办系统保存的链头为 {expected}：日志被改写，或该链头属于另一日志"
            ),
            ChainError::Conflict { expected, actual } => format!(
                "写入方以为日志在序号 {expected}，实际已到序号 {actual}：另一写入方已先行追加"
            ),
            ChainError::Exhausted { seq } => {
                format!("日志已到序号 {seq}，即最大序号，不能再追加事件")
            }
            ChainError::Encoding { reason } => {
                format!("事件没有规范编码（{reason}）")
            }
            ChainError::Unencodable { index, seq, reason } => {
                format!("第 {index} 条记录（序号 {seq}）没有规范编码（{reason}）")
            }
            ChainError::MalformedDigest(text) => {
                format!("`{text}` 不是摘要：应为 64 个小写十六进制字符")
            }
        }
    }
}

/// A head in Chinese: its sequence number and hash.
fn head(h: &Head) -> String {
    format!("序号 {}（哈希 {}）", h.seq, h.hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::Digest;

    #[test]
    fn every_chain_error_is_worded_in_chinese_and_keeps_its_numbers() {
        let head = Head {
            seq: 7,
            hash: Digest::ZERO,
        };
        let every = [
            ChainError::Sequence {
                index: 2,
                expected: 13,
                found: 15,
            },
            ChainError::Sequence {
                index: 2,
                expected: 13,
                found: 12,
            },
            ChainError::Link {
                index: 21,
                seq: 22,
                expected: Digest::ZERO,
                found: Digest::ZERO,
            },
            ChainError::Hash {
                index: 21,
                seq: 22,
                expected: Digest::ZERO,
                found: Digest::ZERO,
            },
            ChainError::Truncated {
                expected: head,
                found: Head::GENESIS,
            },
            ChainError::Extended {
                expected: Head::GENESIS,
                found: head,
            },
            ChainError::Diverged {
                seq: 17,
                expected: Digest::ZERO,
                found: Digest::ZERO,
            },
            ChainError::Conflict {
                expected: 13,
                actual: 14,
            },
            ChainError::Exhausted { seq: u64::MAX },
            ChainError::Encoding {
                reason: "float".into(),
            },
            ChainError::Unencodable {
                index: 11,
                seq: 12,
                reason: "float".into(),
            },
            ChainError::MalformedDigest("xyz".into()),
        ];
        for e in every {
            let (zh, en) = (e.explain(Lang::Zh), e.explain(Lang::En));
            assert_eq!(en, e.to_string());
            assert!(crate::lang::has_chinese(&zh), "{zh}");
            for token in en
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| t.len() > 1 && t.chars().all(|c| c.is_ascii_digit()))
            {
                assert!(zh.contains(token), "{token} missing from {zh}");
            }
        }
    }
}
