//! Money: parsing, formatting, overflow and below-zero cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use skill_grants::{Decimal, MoneyError, Yuan};

#[test]
fn parses_plain_decimals_to_two_places() {
    assert_eq!("200000".parse::<Yuan>().unwrap(), Yuan::from_yuan(200_000));
    assert_eq!(
        "200000.00".parse::<Yuan>().unwrap(),
        Yuan::from_yuan(200_000)
    );
    assert_eq!("0.5".parse::<Yuan>().unwrap().fen(), 50);
    assert_eq!(
        "0.50".parse::<Yuan>().unwrap().as_decimal().to_string(),
        "0.50"
    );
    assert_eq!("007".parse::<Yuan>().unwrap().fen(), 700);
}

/// Issue 15: one grammar for amounts — digits, an optional point and one or
/// two places; no sign, spaces, separators or exponent. Each of these was
/// accepted before.
#[test]
fn refuses_what_the_grammar_does_not_allow() {
    for bad in [
        "1_000", "+1", " 7 ", "7 ", ".5", "5.", "-0.00", "-0", "0x10", "１",
    ] {
        assert_eq!(
            bad.parse::<Yuan>(),
            Err(MoneyError::Malformed(bad.into())),
            "{bad:?}"
        );
    }
    // Three places are three places, even when they are zeros.
    assert_eq!(
        "100.000".parse::<Yuan>(),
        Err(MoneyError::TooManyPlaces(Decimal::new(100_000, 3)))
    );
    assert!(serde_json::from_str::<Yuan>("\" 7\"").is_err());
}

#[test]
fn a_too_large_amount_says_too_large() {
    let huge = "9".repeat(40);
    let err = huge.parse::<Yuan>().unwrap_err();
    assert_eq!(err, MoneyError::TooLarge(Decimal::MAX));
    assert!(err.to_string().contains("too large"), "{err}");
    // Past the fen but within the decimal type.
    assert!(matches!(
        "79228162514264337593543950335".parse::<Yuan>(),
        Err(MoneyError::TooLarge(_))
    ));
}

#[test]
fn an_error_quotes_a_short_prefix_of_a_long_input() {
    let long = format!("x{}", "0".repeat(10_000));
    let Err(MoneyError::Malformed(quoted)) = long.parse::<Yuan>() else {
        panic!("not malformed");
    };
    assert!(quoted.chars().count() <= 41, "{}", quoted.len());
    assert!(quoted.starts_with("x000"));
}

#[test]
fn refuses_more_than_two_places_instead_of_rounding() {
    assert_eq!(
        "1.005".parse::<Yuan>(),
        Err(MoneyError::TooManyPlaces(Decimal::new(1005, 3)))
    );
    assert!("0.001".parse::<Yuan>().is_err());
}

#[test]
fn refuses_negative_and_malformed_input() {
    assert_eq!(
        Yuan::new(Decimal::new(-1, 0)),
        Err(MoneyError::Negative(Decimal::new(-1, 0)))
    );
    assert_eq!(
        "-1".parse::<Yuan>(),
        Err(MoneyError::Malformed("-1".into()))
    );
    for bad in ["", "abc", "1,000", "¥5", "1e3", "1.2.3", "NaN"] {
        assert_eq!(
            bad.parse::<Yuan>(),
            Err(MoneyError::Malformed(bad.into())),
            "{bad}"
        );
    }
    assert!(Yuan::from_fen(-1).is_err());
}

#[test]
fn displays_with_the_yuan_sign_and_thousands_separators() {
    let cases = [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (99_999, "¥999.99"),
        (100_000, "¥1,000.00"),
        (20_000_000, "¥200,000.00"),
        (123_456_789_012, "¥1,234,567,890.12"),
    ];
    for (fen, text) in cases {
        assert_eq!(Yuan::from_fen(fen).unwrap().to_string(), text);
    }
}

#[test]
fn chinese_form_uses_wan_for_whole_hundreds() {
    assert_eq!(Yuan::from_yuan(200_000).to_chinese(), "20万元");
    assert_eq!(Yuan::from_yuan(50_000).to_chinese(), "5万元");
    assert_eq!(Yuan::from_yuan(25_000).to_chinese(), "2.5万元");
    assert_eq!(Yuan::from_yuan(100).to_chinese(), "0.01万元");
    assert_eq!(Yuan::from_yuan(150).to_chinese(), "150.00元");
    assert_eq!(Yuan::from_fen(1).unwrap().to_chinese(), "0.01元");
}

#[test]
fn serializes_as_a_string_with_two_places() {
    let y = Yuan::from_yuan(200_000);
    assert_eq!(serde_json::to_string(&y).unwrap(), "\"200000.00\"");
    assert_eq!(serde_json::from_str::<Yuan>("\"200000.00\"").unwrap(), y);
    assert_eq!(serde_json::from_str::<Yuan>("\"7.1\"").unwrap().fen(), 710);
    assert!(serde_json::from_str::<Yuan>("\"-5.00\"").is_err());
    assert!(serde_json::from_str::<Yuan>("\"5.001\"").is_err());
    assert!(
        serde_json::from_str::<Yuan>("5").is_err(),
        "numbers are not accepted"
    );
}

#[test]
fn subtraction_below_zero_is_an_error() {
    let a = Yuan::from_yuan(10);
    let b = Yuan::from_fen(1001).unwrap();
    assert_eq!(
        a.checked_sub(b),
        Err(MoneyError::BelowZero {
            minuend: a,
            subtrahend: b
        })
    );
    assert_eq!(b.checked_sub(a).unwrap().fen(), 1);
    assert_eq!(a.checked_sub(a).unwrap(), Yuan::ZERO);
}

#[test]
fn addition_overflow_is_an_error() {
    // The largest amount held exactly to the fen: the 96-bit mantissa at scale 2.
    let max: Yuan = "792281625142643375935439503.35".parse().unwrap();
    assert_eq!(max.fen(), 79_228_162_514_264_337_593_543_950_335);
    let one = Yuan::from_yuan(1);
    assert_eq!(max.checked_add(one), Err(MoneyError::Overflow(max, one)));
    assert!(Yuan::checked_sum([max, one]).is_err());
    assert_eq!(
        Yuan::checked_sum([one, one, Yuan::from_fen(5).unwrap()])
            .unwrap()
            .fen(),
        205
    );
}

#[test]
fn amounts_too_large_for_the_fen_are_refused() {
    assert_eq!(
        Yuan::new(Decimal::MAX),
        Err(MoneyError::TooLarge(Decimal::MAX))
    );
}

#[test]
fn ordering_follows_the_amount() {
    assert!(Yuan::from_yuan(2) > Yuan::from_fen(199).unwrap());
    assert_eq!(
        Yuan::from_yuan(3).min(Yuan::from_yuan(2)),
        Yuan::from_yuan(2)
    );
}

/// The conversions between `Yuan` and `Decimal` keep the amount and apply the
/// same checks as `Yuan::new` (found by mutation testing: no test used them).
#[test]
fn yuan_and_decimal_convert_both_ways_with_the_same_checks() {
    let amount = Decimal::new(12345, 2); // 123.45
    let yuan = Yuan::try_from(amount).unwrap();
    assert_eq!(yuan, "123.45".parse::<Yuan>().unwrap());
    assert_eq!(Decimal::from(yuan), amount);
    assert!(matches!(
        Yuan::try_from(Decimal::new(1, 3)),
        Err(MoneyError::TooManyPlaces(_))
    ));
    assert!(Yuan::try_from(Decimal::new(-1, 2)).is_err());
}
