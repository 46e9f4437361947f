//! Ids and names: not blank, no control character, something visible
//! (the start record's and a request's text, checked as an application's).

/// What is wrong with an id or a name ([`super::LifecycleError::BadText`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextProblem {
    /// Empty or only white space.
    #[error("is blank")]
    Blank,
    /// Holds a control character (at this character position).
    #[error("holds a control character at character {at}")]
    ControlCharacter {
        /// The character's position (0-based, in characters).
        at: usize,
    },
    /// Only zero-width, format or white-space characters: nothing visible.
    #[error("holds nothing visible (only zero-width, format or white-space characters)")]
    Invisible,
}

impl TextProblem {
    /// What is wrong with `text` as an id or a name, if anything.
    ///
    /// ```
    /// use skill_grants::lifecycle::TextProblem;
    /// assert_eq!(TextProblem::of("准格尔旗某煤炭企业"), None);
    /// assert_eq!(TextProblem::of("  "), Some(TextProblem::Blank));
    /// assert_eq!(TextProblem::of("\u{200B}"), Some(TextProblem::Invisible));
    /// assert_eq!(TextProblem::of("a\nb"), Some(TextProblem::ControlCharacter { at: 1 }));
    /// ```
    pub fn of(text: &str) -> Option<TextProblem> {
        if text.chars().all(char::is_whitespace) {
            return Some(TextProblem::Blank);
        }
        if let Some(at) = text.chars().position(char::is_control) {
            return Some(TextProblem::ControlCharacter { at });
        }
        if text.chars().all(|c| c.is_whitespace() || invisible(c)) {
            return Some(TextProblem::Invisible);
        }
        None
    }
}

/// Zero-width and format characters (Unicode Cf, the ones met in text) and
/// the other invisible fillers.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}
