//! Money: [`Yuan`], an exact amount in yuan with two decimal places (fen).
//!
//! Amounts are [`rust_decimal::Decimal`] at scale 2, never floats. An amount is
//! never negative: subtraction that would go below zero is an error, and so is
//! input with more than two decimal places (it is refused, not rounded).
//!
//! ```
//! use skill_grants::Yuan;
//!
//! let base: Yuan = "200000".parse()?;
//! let studio = Yuan::from_yuan(50_000);
//! let both = base.checked_add(studio)?;
//! assert_eq!(both.to_string(), "¥250,000.00");
//! assert_eq!(both.to_chinese(), "25万元");
//! assert!(studio.checked_sub(base).is_err());
//! assert!("1.005".parse::<Yuan>().is_err());
//! # Ok::<(), skill_grants::MoneyError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// An error in money input or arithmetic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is not an amount in the crate's grammar: digits, then
    /// optionally a point and one or two digits. The text is quoted up to its
    /// first 40 characters.
    #[error(
        "`{0}` is not an amount of money: expected digits with an optional point and one or two places, such as \"200000.00\" (no sign, spaces, separators or exponent)"
    )]
    Malformed(String),
    /// The amount has more than two decimal places (fen is the smallest unit).
    #[error("amount {0} has more than two decimal places; fen (0.01) is the smallest unit")]
    TooManyPlaces(Decimal),
    /// The amount is below zero.
    #[error("amount {0} is negative; amounts of money are never below zero")]
    Negative(Decimal),
    /// The amount is too large to hold exactly to the fen (the largest is
    /// 792281625142643375935439503.35). From text past even the decimal
    /// type, the amount given is `Decimal::MAX`.
    #[error("amount is too large: {0} or more cannot be held exactly to the fen")]
    TooLarge(Decimal),
    /// A sum overflowed the range of the decimal type.
    #[error("adding {0} and {1} overflows")]
    Overflow(Yuan, Yuan),
    /// A subtraction would go below zero.
    #[error("subtracting {subtrahend} from {minuend} would go below zero")]
    BelowZero {
        /// The amount subtracted from.
        minuend: Yuan,
        /// The amount subtracted.
        subtrahend: Yuan,
    },
}

impl MoneyError {
    /// The error in a language: in Chinese with its sums in 元 with two
    /// places; in English, its `Display` text.
    ///
    /// ```
    /// use skill_grants::{Lang, MoneyError, Yuan};
    /// let e = Yuan::from_fen(100)?.checked_sub(Yuan::from_fen(250)?).unwrap_err();
    /// assert_eq!(e.explain(Lang::Zh), "1.00元减去2.50元将小于零");
    /// assert_eq!(e.explain(Lang::En), e.to_string());
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => match self {
                MoneyError::Malformed(text) => format!(
                    "“{text}”不是金额：应为数字，可带小数点及一至两位小数，如“200000.00”（不含正负号、空格、分隔符或指数）"
                ),
                MoneyError::TooManyPlaces(d) => {
                    format!("金额{d}的小数超过两位；最小单位为分（0.01）")
                }
                MoneyError::Negative(d) => format!("金额{d}为负数；金额不得小于零"),
                MoneyError::TooLarge(d) => format!("金额过大：{d}及以上无法精确到分"),
                // Both sums in 元 with two places, so that they compare at a glance.
                MoneyError::Overflow(a, b) => {
                    format!("{:.2}元与{:.2}元相加超出可表示的范围", a.0, b.0)
                }
                MoneyError::BelowZero {
                    minuend,
                    subtrahend,
                } => format!("{:.2}元减去{:.2}元将小于零", minuend.0, subtrahend.0),
            },
        }
    }
}

/// An amount of money in yuan (元), exact to the fen (分), never negative.
///
/// Serializes as a string with two places (`"200000.00"`); `Display` gives
/// `¥200,000.00`; [`Yuan::to_chinese`] gives `20万元`.
///
/// ```
/// use skill_grants::Yuan;
/// let y = Yuan::from_fen(1_234_567)?;
/// assert_eq!(y.to_string(), "¥12,345.67");
/// assert_eq!(serde_json::to_string(&y).unwrap(), "\"12345.67\"");
/// # Ok::<(), skill_grants::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Yuan(Decimal);

impl Yuan {
    /// Zero yuan.
    pub const ZERO: Yuan = Yuan(Decimal::from_parts(0, 0, 0, false, 2));

    /// A whole number of yuan.
    ///
    /// ```
    /// assert_eq!(skill_grants::Yuan::from_yuan(5).to_string(), "¥5.00");
    /// ```
    pub fn from_yuan(yuan: u32) -> Yuan {
        Yuan(Decimal::new(i64::from(yuan) * 100, 2))
    }

    /// A number of fen (0.01 yuan). Negative is an error.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when the amount is negative.
    ///
    /// ```
    /// assert_eq!(skill_grants::Yuan::from_fen(5)?.to_string(), "¥0.05");
    /// assert!(skill_grants::Yuan::from_fen(-1).is_err());
    /// # Ok::<(), skill_grants::MoneyError>(())
    /// ```
    pub fn from_fen(fen: i64) -> Result<Yuan, MoneyError> {
        Yuan::new(Decimal::new(fen, 2))
    }

    /// Checks a decimal: not negative, at most two places. The result has
    /// exactly two places.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when the amount is negative or has more than two decimal places.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use skill_grants::{MoneyError, Yuan};
    /// assert_eq!(Yuan::new(Decimal::new(15, 1))?.to_string(), "¥1.50");
    /// assert_eq!(Yuan::new(Decimal::new(1, 3)), Err(MoneyError::TooManyPlaces(Decimal::new(1, 3))));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn new(amount: Decimal) -> Result<Yuan, MoneyError> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(MoneyError::Negative(amount));
        }
        let normal = amount.normalize();
        if normal.scale() > 2 {
            return Err(MoneyError::TooManyPlaces(amount));
        }
        let mut exact = normal;
        exact.set_sign_positive(true);
        exact.rescale(2);
        if exact.scale() != 2 {
            return Err(MoneyError::TooLarge(amount));
        }
        Ok(Yuan(exact))
    }

    /// The amount as a decimal with two places.
    ///
    /// ```
    /// assert_eq!(skill_grants::Yuan::from_yuan(3).as_decimal().to_string(), "3.00");
    /// ```
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// True for zero.
    ///
    /// ```
    /// assert!(skill_grants::Yuan::ZERO.is_zero());
    /// ```
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Adds, or says it overflowed.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when the sum overflows.
    ///
    /// ```
    /// use skill_grants::Yuan;
    /// assert_eq!(Yuan::from_yuan(1).checked_add(Yuan::from_yuan(2))?, Yuan::from_yuan(3));
    /// # Ok::<(), skill_grants::MoneyError>(())
    /// ```
    pub fn checked_add(self, other: Yuan) -> Result<Yuan, MoneyError> {
        // Near the top of the range rust_decimal would round away places
        // rather than overflow; a result that is not at scale 2 is an overflow.
        match self.0.checked_add(other.0) {
            Some(sum) if sum.scale() == 2 => Ok(Yuan(sum)),
            _ => Err(MoneyError::Overflow(self, other)),
        }
    }

    /// Subtracts, or says it would go below zero.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when the result would be negative.
    ///
    /// ```
    /// use skill_grants::{MoneyError, Yuan};
    /// let (a, b) = (Yuan::from_yuan(1), Yuan::from_yuan(2));
    /// assert_eq!(b.checked_sub(a)?, a);
    /// assert_eq!(a.checked_sub(b), Err(MoneyError::BelowZero { minuend: a, subtrahend: b }));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn checked_sub(self, other: Yuan) -> Result<Yuan, MoneyError> {
        if other.0 > self.0 {
            return Err(MoneyError::BelowZero {
                minuend: self,
                subtrahend: other,
            });
        }
        // Both are at most the decimal maximum and self >= other: cannot overflow.
        self.0
            .checked_sub(other.0)
            .map(Yuan)
            .ok_or(MoneyError::BelowZero {
                minuend: self,
                subtrahend: other,
            })
    }

    /// The smaller of two amounts.
    ///
    /// ```
    /// use skill_grants::Yuan;
    /// assert_eq!(Yuan::from_yuan(1).min(Yuan::from_yuan(2)), Yuan::from_yuan(1));
    /// ```
    pub fn min(self, other: Yuan) -> Yuan {
        if self <= other { self } else { other }
    }

    /// Sums amounts, or says it overflowed.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] when the sum overflows.
    ///
    /// ```
    /// use skill_grants::Yuan;
    /// let total = Yuan::checked_sum([Yuan::from_yuan(1), Yuan::from_yuan(2)])?;
    /// assert_eq!(total, Yuan::from_yuan(3));
    /// # Ok::<(), skill_grants::MoneyError>(())
    /// ```
    pub fn checked_sum<I: IntoIterator<Item = Yuan>>(amounts: I) -> Result<Yuan, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Yuan::ZERO, |acc, y| acc.checked_add(y))
    }

    /// The amount in fen, as an integer.
    ///
    /// ```
    /// assert_eq!(skill_grants::Yuan::from_yuan(2).fen(), 200);
    /// ```
    pub fn fen(self) -> i128 {
        self.0.mantissa()
    }

    /// The Chinese form: whole hundreds of yuan in 万元 (`20万元`, `1.23万元`),
    /// anything else in 元 with two places (`123.45元`).
    ///
    /// ```
    /// use skill_grants::Yuan;
    /// assert_eq!(Yuan::from_yuan(200_000).to_chinese(), "20万元");
    /// assert_eq!(Yuan::from_yuan(12_300).to_chinese(), "1.23万元");
    /// assert_eq!(Yuan::from_fen(12_345)?.to_chinese(), "123.45元");
    /// assert_eq!(Yuan::ZERO.to_chinese(), "0元");
    /// # Ok::<(), skill_grants::MoneyError>(())
    /// ```
    pub fn to_chinese(self) -> String {
        if self.is_zero() {
            return "0元".to_owned();
        }
        let wan = self.0 / Decimal::from(10_000);
        let wan = wan.normalize();
        if wan.scale() <= 2 && self.0 >= Decimal::ONE_HUNDRED {
            format!("{wan}万元")
        } else {
            format!("{}元", self.0)
        }
    }
}

impl Default for Yuan {
    /// [`Yuan::ZERO`], at two places.
    ///
    /// ```
    /// use skill_grants::Yuan;
    /// assert_eq!(Yuan::default().checked_add(Yuan::default()), Ok(Yuan::ZERO));
    /// ```
    fn default() -> Self {
        Yuan::ZERO
    }
}

impl fmt::Display for Yuan {
    /// `¥200,000.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), "00"));
        f.write_str("¥")?;
        let len = int.len();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                f.write_str(",")?;
            }
            write!(f, "{ch}")?;
        }
        write!(f, ".{frac}")
    }
}

/// How much of a refused text an error quotes.
const QUOTED: usize = 40;

/// At most 40 characters of `s`, with `…` where it was cut: enough to find
/// it, never the whole of a hostile input.
pub(crate) fn quoted(s: &str) -> String {
    match s.char_indices().nth(QUOTED) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or_default()),
        None => s.to_owned(),
    }
}

/// Why a text is not a decimal in the crate's one grammar for amounts and
/// scores.
pub(crate) enum DecimalTextError {
    /// Not digits, an optional point and digits.
    Malformed,
    /// Past the decimal type.
    TooLarge,
    /// More than two places (even zeros).
    TooManyPlaces(Decimal),
}

/// The one grammar for amounts and scores in text: ASCII digits, then
/// optionally a point and one or two digits — no sign, spaces, separators or
/// exponent.
pub(crate) fn two_place_decimal(s: &str) -> Result<Decimal, DecimalTextError> {
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (whole, places) = match s.split_once('.') {
        Some((whole, places)) => (whole, Some(places)),
        None => (s, None),
    };
    if !all_digits(whole) || places.is_some_and(|p| !all_digits(p)) {
        return Err(DecimalTextError::Malformed);
    }
    // Digits only, so the one way to fail is a value past the type.
    let value = Decimal::from_str_exact(s).map_err(|_| DecimalTextError::TooLarge)?;
    if places.is_some_and(|p| p.len() > 2) {
        return Err(DecimalTextError::TooManyPlaces(value));
    }
    Ok(value)
}

impl FromStr for Yuan {
    type Err = MoneyError;

    /// Parses an amount in the one grammar the crate accepts, in text and in
    /// JSON: ASCII digits, then optionally a point and one or two digits
    /// (`"200000"`, `"200000.00"`, `"0.5"`). No sign, no spaces, no
    /// separators, no exponent, no currency sign, no leading or trailing
    /// point (`".5"`, `"5."`), at most two places even when they are zeros
    /// (`"100.000"` is refused).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Malformed`] for text outside the grammar (quoting at most
    /// its first 40 characters), [`MoneyError::TooManyPlaces`] for three or
    /// more places, [`MoneyError::TooLarge`] for an amount past the largest
    /// the crate holds exactly to the fen.
    ///
    /// ```
    /// use skill_grants::{MoneyError, Yuan};
    /// assert_eq!("200000.00".parse::<Yuan>()?, Yuan::from_yuan(200_000));
    /// for bad in ["+1", " 7 ", "1_000", ".5", "-0.00", "1e2"] {
    ///     assert!(matches!(bad.parse::<Yuan>(), Err(MoneyError::Malformed(_))), "{bad}");
    /// }
    /// assert!(matches!("100.000".parse::<Yuan>(), Err(MoneyError::TooManyPlaces(_))));
    /// # Ok::<(), MoneyError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match two_place_decimal(s) {
            Ok(amount) => Yuan::new(amount),
            Err(DecimalTextError::Malformed) => Err(MoneyError::Malformed(quoted(s))),
            Err(DecimalTextError::TooLarge) => Err(MoneyError::TooLarge(Decimal::MAX)),
            Err(DecimalTextError::TooManyPlaces(amount)) => Err(MoneyError::TooManyPlaces(amount)),
        }
    }
}

impl TryFrom<Decimal> for Yuan {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Yuan::new(value)
    }
}

impl From<Yuan> for Decimal {
    fn from(value: Yuan) -> Self {
        value.0
    }
}

impl Serialize for Yuan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Yuan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod wording_tests {
    use super::*;

    #[test]
    fn every_money_error_is_worded_in_chinese() {
        let y = |fen: i64| Yuan::from_fen(fen).unwrap_or_default();
        let every = [
            MoneyError::Malformed("1,000".to_owned()),
            MoneyError::TooManyPlaces(Decimal::new(1234, 3)),
            MoneyError::Negative(Decimal::new(-5, 0)),
            MoneyError::TooLarge(Decimal::MAX),
            MoneyError::Overflow(y(100), y(250)),
            MoneyError::BelowZero {
                minuend: y(100),
                subtrahend: y(250),
            },
        ];
        for e in every {
            let (zh, en) = (e.explain(Lang::Zh), e.explain(Lang::En));
            assert_eq!(en, e.to_string());
            assert!(crate::lang::has_chinese(&zh), "{zh}");
            assert_ne!(zh, en);
        }
        // Sums are in yuan, as the rest of the Chinese texts write them.
        let below = MoneyError::BelowZero {
            minuend: y(100),
            subtrahend: y(250),
        };
        assert_eq!(below.explain(Lang::Zh), "1.00元减去2.50元将小于零");
        // Whole yuan too: both sums with two places, in the same unit.
        assert_eq!(
            MoneyError::Overflow(Yuan::from_yuan(12_300), y(1)).explain(Lang::Zh),
            "12300.00元与0.01元相加超出可表示的范围"
        );
        assert_eq!(
            MoneyError::TooManyPlaces(Decimal::new(1234, 3)).explain(Lang::Zh),
            "金额1.234的小数超过两位；最小单位为分（0.01）"
        );
    }
}
