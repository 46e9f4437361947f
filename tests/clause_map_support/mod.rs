//! The clause-to-test map: which rules execute each clause of the notice, and
//! which tests and conformance cases exercise it. Shared by
//! `examples/clause_map.rs` (which prints it) and `tests/clause_map.rs`
//! (which fails when an executed clause has no rule or no test).
//!
//! ## How tests are found
//!
//! Every `*.rs` file under `tests/` and `src/` is read. Comments are skipped and
//! string literals set apart; each function marked `#[test]` (plain tests and
//! the tests inside `proptest!` blocks) is found by its name and its body, the
//! braces matched. A test **exercises** a clause when its body
//!
//! 1. names the clause: `ClauseId::C3_3`;
//! 2. quotes it in a string literal: the literal is exactly an id or heading
//!    (`"3.3"`, `"三（三）"`), or cites it as the crate's texts do
//!    (`"clause 3.3"`, `"[3.3]"`, `"〔三（三）〕"`, `"、三（三）〕"`);
//! 3. names a rule of the registry (`skill_grants::rules`) by one of its
//!    `code` names — `RuleId::ConstructionPeriod`, `Refusal::OverQuota`,
//!    `LifecycleError::AfterDeadline`, `Action::Revoke`, `completion_deadline`
//!    … — and then exercises every clause that rule cites.
//!
//! Doctests are not counted. A conformance case (`tests/conformance/*.json`)
//! exercises the clause of its `"clause"` field.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use skill_grants::rules::{self, Rule};
use skill_grants::{Clause, ClauseId};

/// A `#[test]` function and the clauses it exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestFn {
    /// The file, relative to the crate root (`tests/lifecycle.rs`).
    pub file: String,
    /// The function's name.
    pub name: String,
    /// The clauses it exercises.
    pub clauses: BTreeSet<ClauseId>,
}

/// A conformance case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRef {
    /// The file name (`eligibility-....json`).
    pub file: String,
    /// The case's name.
    pub name: String,
    /// The clauses it tests (`"clause"`: one id, or a list of ids).
    pub clauses: Vec<ClauseId>,
    /// The readings it tests.
    pub readings: Vec<String>,
}

/// One line of the map.
#[derive(Debug)]
pub struct Row<'a> {
    /// The clause.
    pub clause: &'static Clause,
    /// The rules citing it.
    pub rules: Vec<&'static Rule>,
    /// The tests exercising it.
    pub tests: Vec<&'a TestFn>,
    /// The conformance cases testing it.
    pub cases: Vec<&'a CaseRef>,
}

impl Row<'_> {
    /// True when the clause is executed but has no rule, or nothing tests it.
    pub fn has_gap(&self) -> bool {
        self.clause.execution.is_executed()
            && (self.rules.is_empty() || (self.tests.is_empty() && self.cases.is_empty()))
    }
}

/// The crate's root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A source file with comments blanked out and string literals set apart.
struct Lexed {
    /// The code, comments and literals replaced by spaces (same byte offsets).
    code: String,
    /// Each string literal: its byte offset and its content.
    strings: Vec<(usize, String)>,
}

fn lex(text: &str) -> Lexed {
    let bytes: Vec<char> = text.chars().collect();
    let mut code = String::with_capacity(text.len());
    let mut strings = Vec::new();
    let mut i = 0;
    // Pushes `c` as blank (keeping newlines and byte width).
    fn blank(code: &mut String, c: char) {
        if c == '\n' {
            code.push('\n');
        } else {
            for _ in 0..c.len_utf8() {
                code.push(' ');
            }
        }
    }
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i] != '\n' {
                blank(&mut code, bytes[i]);
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i] == '/' && bytes.get(i + 1) == Some(&'*') {
                    depth += 1;
                    blank(&mut code, '/');
                    blank(&mut code, '*');
                    i += 2;
                } else if bytes[i] == '*' && bytes.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    blank(&mut code, '*');
                    blank(&mut code, '/');
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut code, bytes[i]);
                    i += 1;
                }
            }
            continue;
        }
        // Raw strings: r"..." r#"..."# (also br"...").
        let prev_ident = i > 0 && (bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        if c == 'r' && !prev_ident && matches!(next, Some('"') | Some('#')) {
            let mut j = i + 1;
            let mut hashes = 0;
            while bytes.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if bytes.get(j) == Some(&'"') {
                let start = code.len();
                for ch in &bytes[i..=j] {
                    blank(&mut code, *ch);
                }
                j += 1;
                let mut content = String::new();
                loop {
                    match bytes.get(j) {
                        None => break,
                        Some('"') if (1..=hashes).all(|h| bytes.get(j + h) == Some(&'#')) => {
                            for ch in &bytes[j..=j + hashes] {
                                blank(&mut code, *ch);
                            }
                            j += hashes + 1;
                            break;
                        }
                        Some(ch) => {
                            content.push(*ch);
                            blank(&mut code, *ch);
                            j += 1;
                        }
                    }
                }
                strings.push((start, content));
                i = j;
                continue;
            }
        }
        if c == '"' {
            let start = code.len();
            blank(&mut code, c);
            i += 1;
            let mut content = String::new();
            while i < bytes.len() {
                let ch = bytes[i];
                if ch == '\\' {
                    if let Some(e) = bytes.get(i + 1) {
                        content.push(match e {
                            'n' => '\n',
                            't' => '\t',
                            other => *other,
                        });
                        blank(&mut code, ch);
                        blank(&mut code, *e);
                    }
                    i += 2;
                    continue;
                }
                blank(&mut code, ch);
                i += 1;
                if ch == '"' {
                    break;
                }
                content.push(ch);
            }
            strings.push((start, content));
            continue;
        }
        // Char literals ('x', '\n', '{'), not lifetimes ('a).
        if c == '\'' {
            let is_char = matches!(
                (next, bytes.get(i + 2)),
                (Some('\\'), _) | (Some(_), Some('\''))
            );
            if is_char {
                blank(&mut code, c);
                i += 1;
                while i < bytes.len() {
                    let ch = bytes[i];
                    blank(&mut code, ch);
                    i += 1;
                    if ch == '\\' {
                        if let Some(e) = bytes.get(i) {
                            blank(&mut code, *e);
                        }
                        i += 1;
                        continue;
                    }
                    if ch == '\'' {
                        break;
                    }
                }
                continue;
            }
        }
        code.push(c);
        i += 1;
    }
    Lexed { code, strings }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `needle` occurs in `hay` as a whole identifier path.
fn mentions(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(is_ident) && !after.is_some_and(is_ident) {
            return true;
        }
        from = end;
    }
    false
}

/// The clauses a string literal cites.
fn clauses_in_string(s: &str) -> Vec<ClauseId> {
    let mut out = Vec::new();
    let trimmed = s.trim();
    for c in Clause::all() {
        let id = c.id.as_str();
        let heading = c.heading_zh;
        let ends_id = |rest: &str| {
            let mut it = rest.chars();
            match it.next() {
                None => true,
                Some(ch) if ch.is_ascii_digit() => false,
                Some('.') => !it.next().is_some_and(|d| d.is_ascii_digit()),
                Some(_) => true,
            }
        };
        let cites_id = trimmed == id
            || s.match_indices(&format!("clause {id}"))
                .any(|(at, m)| ends_id(&s[at + m.len()..]))
            || s.contains(&format!("[{id}]"));
        let cites_heading = trimmed == heading
            || ['〔', '、'].iter().any(|open| {
                s.match_indices(&format!("{open}{heading}")).any(|(at, m)| {
                    matches!(s[at + m.len()..].chars().next(), Some('〕') | Some('、'))
                })
            });
        if cites_id || cites_heading {
            out.push(c.id);
        }
    }
    out
}

/// The `#[test]` functions of one source file and the clauses each exercises.
pub fn scan_source(file: &str, text: &str) -> Vec<TestFn> {
    let lexed = lex(text);
    let code = &lexed.code;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("#[test]") {
        let attr = from + at;
        from = attr + "#[test]".len();
        // The next `fn name`.
        let Some(fn_at) = find_word(code, from, "fn") else {
            break;
        };
        let name: String = code[fn_at + 2..]
            .trim_start()
            .chars()
            .take_while(|c| is_ident(*c))
            .collect();
        let Some(open) = code[fn_at..].find('{').map(|o| fn_at + o) else {
            break;
        };
        let mut depth = 0usize;
        let mut close = code.len();
        for (off, ch) in code[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + off;
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &code[open..close];
        let mut clauses = BTreeSet::new();
        for id in ClauseId::ALL {
            if mentions(body, &format!("ClauseId::{id:?}")) {
                clauses.insert(id);
            }
        }
        for rule in rules::all() {
            if rule.code.iter().any(|c| mentions(body, c)) {
                clauses.extend(rule.clauses.iter().copied());
            }
        }
        for (pos, s) in &lexed.strings {
            if *pos > open && *pos < close {
                clauses.extend(clauses_in_string(s));
            }
        }
        out.push(TestFn {
            file: file.to_owned(),
            name,
            clauses,
        });
        from = close.max(from);
    }
    out
}

/// The byte offset of the next whole word `word` at or after `from`.
fn find_word(code: &str, from: usize, word: &str) -> Option<usize> {
    let mut at = from;
    while let Some(off) = code[at..].find(word) {
        let start = at + off;
        let end = start + word.len();
        let before = code[..start].chars().next_back();
        let after = code[end..].chars().next();
        if !before.is_some_and(is_ident) && !after.is_some_and(is_ident) {
            return Some(start);
        }
        at = end;
    }
    None
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `#[test]` function under `tests/` and `src/`, in file order.
pub fn scan_tests(root: &Path) -> Vec<TestFn> {
    let mut files = Vec::new();
    rust_files(&root.join("tests"), &mut files);
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        out.extend(scan_source(&rel, &text));
    }
    out
}

/// Every conformance case, by file name.
pub fn conformance_cases(root: &Path) -> Vec<CaseRef> {
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("tests/conformance"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|f| {
            let v: serde_json::Value = fs::read_to_string(f)
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default();
            CaseRef {
                file: f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                name: v["name"].as_str().unwrap_or("").to_owned(),
                clauses: match &v["clause"] {
                    serde_json::Value::String(c) => c.parse().ok().into_iter().collect(),
                    serde_json::Value::Array(cs) => cs
                        .iter()
                        .filter_map(|c| c.as_str().and_then(|c| c.parse().ok()))
                        .collect(),
                    _ => Vec::new(),
                },
                readings: v["readings"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|r| r.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The map: one row per clause of the registry, in the order of the notice.
pub fn map<'a>(tests: &'a [TestFn], cases: &'a [CaseRef]) -> Vec<Row<'a>> {
    Clause::all()
        .iter()
        .map(|clause| Row {
            clause,
            rules: rules::for_clause(clause.id).collect(),
            tests: tests
                .iter()
                .filter(|t| t.clauses.contains(&clause.id))
                .collect(),
            cases: cases
                .iter()
                .filter(|c| c.clauses.contains(&clause.id))
                .collect(),
        })
        .collect()
}
