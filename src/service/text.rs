//! Error texts of bounded length: an error quotes at most a short prefix of
//! what it refuses, whatever the size of the input (issue 16).

use crate::money::quoted;

/// How many characters of a quoted segment an error message keeps.
const SEGMENT: usize = 40;

/// How many characters an error message keeps in all.
const MESSAGE: usize = 400;

/// The message with every quoted segment (between backticks or double
/// quotes, as serde's messages quote what they refuse) cut to its first 40
/// characters with `…`, and the whole cut to 400 characters.
pub(super) fn bounded(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MESSAGE.saturating_mul(4)));
    let mut chars = message.chars();
    let mut written = 0usize;
    while let Some(c) = chars.next() {
        if written >= MESSAGE {
            out.push('…');
            return out;
        }
        out.push(c);
        written = written.saturating_add(1);
        if c == '`' || c == '"' {
            // A quoted segment: keep its first characters, skip the rest up
            // to the closing delimiter (a backslash escapes one character
            // inside double quotes, as `Debug` writes them).
            let mut kept = 0usize;
            let mut cut = false;
            let mut escaped = false;
            for d in chars.by_ref() {
                let closes = d == c && !escaped;
                escaped = c == '"' && d == '\\' && !escaped;
                if closes {
                    if cut {
                        out.push('…');
                    }
                    out.push(d);
                    written = written.saturating_add(1);
                    break;
                }
                if kept < SEGMENT {
                    out.push(d);
                    kept = kept.saturating_add(1);
                    written = written.saturating_add(1);
                } else {
                    cut = true;
                }
            }
        }
    }
    out
}

/// At most 40 characters of a refused text, with `…` where it was cut.
pub(super) fn prefix(text: &str) -> String {
    quoted(text)
}

/// At most 40 characters of refused bytes: the valid UTF-8 they start with
/// (a character cut by the end of the bytes is left out), with `…` where cut.
pub(super) fn byte_prefix(bytes: &[u8]) -> String {
    let head = bytes
        .get(..bytes.len().min(SEGMENT.saturating_mul(4)))
        .unwrap_or_default();
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => {
            std::str::from_utf8(head.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or_default()
        }
    };
    let mut q = quoted(valid);
    if valid.len() < bytes.len() && !q.ends_with('…') {
        q.push('…');
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_quoted_segment_is_cut() {
        let long = "x".repeat(10_000);
        let m = bounded(&format!("unknown variant `{long}`, expected `open`"));
        assert_eq!(
            m,
            format!("unknown variant `{}…`, expected `open`", "x".repeat(40))
        );
        let m = bounded(&format!(
            "invalid type: string \"{long}\\\"{long}\", expected x"
        ));
        assert_eq!(
            m,
            format!("invalid type: string \"{}…\", expected x", "x".repeat(40))
        );
    }

    #[test]
    fn a_long_message_is_cut() {
        let m = bounded(&"y".repeat(100_000));
        assert_eq!(m.chars().count(), 401);
        assert_eq!(bounded("short `ok`"), "short `ok`");
    }

    #[test]
    fn a_byte_prefix_is_short_and_valid() {
        assert_eq!(byte_prefix(b"abc"), "abc");
        let mut bytes = "中".repeat(100).into_bytes();
        bytes.insert(5, 0xff);
        assert_eq!(byte_prefix(&bytes), "中…");
        assert_eq!(byte_prefix(&[b'a'; 1000]).chars().count(), 41);
    }
}
