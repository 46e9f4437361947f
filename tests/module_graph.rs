//! The crate's module graph: no import cycles between modules, no file under
//! `src/` over 900 lines, and no import of a name through the crate root's
//! re-exports (`use crate::Yuan`) — inside the crate a module imports a name
//! from the module that defines it (issue 14, items 4 and "done when").
//!
//! The graph is read from the source: every path that starts with `crate::`
//! or `super::` (in `use` declarations, grouped or not, and in expressions)
//! is an edge from the module of the file to the deepest module the path
//! names. A parent's edges to its own children (`mod x;`, `pub use x::Y`) are
//! declarations, not dependencies, and are left out; a child's edges to its
//! parent count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 900;

/// Every `.rs` file under `src/`, with its module path (`round::law`).
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            (parts.join("::"), path)
        })
        .collect()
}

/// The text with comments, string literals and unit tests left out (doc
/// examples, messages and tests are not imports).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // A file's unit tests (`#[cfg(test)]`, by convention at its end) are not
    // part of the library's graph.
    let text = match text.find("\n#[cfg(test)]\nmod tests {") {
        Some(at) => text.get(..at).unwrap_or(text),
        None => text,
    };
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            out.push('\n');
            continue;
        }
        let mut in_str = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
                out.push(' ');
            } else if in_str {
                out.push(' ');
            } else {
                out.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
            if !in_str && out.ends_with("//") {
                out.truncate(out.len() - 2);
                break;
            }
        }
        out.push('\n');
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        None => out.push(format!("{prefix}{tree}")),
        Some(open) => {
            let head = &tree[..open];
            let close = tree.rfind('}').unwrap_or(tree.len());
            let inner = &tree[open + 1..close];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&format!("{prefix}{head}"), &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if !inner[start..].trim().is_empty() {
                expand(&format!("{prefix}{head}"), &inner[start..], out);
            }
        }
    }
}

/// Every path a file's code names from `crate::` or `super::`, as written.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `use` declarations, possibly grouped and over several lines.
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().next_back();
        let tail = &rest[at + 4..];
        rest = tail;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = tail.find(';') else { break };
        let tree: String = tail[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        if tree.starts_with("crate::") || tree.starts_with("super::") || tree.starts_with("self::")
        {
            expand("", &tree, &mut out);
        }
    }
    // Paths in expressions and types.
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().next_back();
            let tail = &rest[at..];
            let len = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                out.push(tail[..len].trim_end_matches(':').to_owned());
            }
            rest = &tail[start.len()..];
        }
    }
    out
}

/// The module a path names, resolved from `module`: the deepest known module
/// that is a prefix of it.
fn target(module: &str, path: &str, known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let mut segments: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(str::to_owned).collect()
    };
    let mut parts = path.split("::").map(str::trim).peekable();
    match parts.peek().copied() {
        Some("crate") => {
            segments.clear();
            parts.next();
        }
        Some("super") => {
            while parts.peek() == Some(&"super") {
                segments.pop();
                parts.next();
            }
        }
        Some("self") => {
            parts.next();
        }
        _ => return None,
    }
    let mut best = segments.join("::");
    for part in parts {
        let part = part.split(" as ").next().unwrap_or(part).trim();
        segments.push(part.to_owned());
        let candidate = segments.join("::");
        if known.contains_key(&candidate) {
            best = candidate;
        } else {
            break;
        }
    }
    Some(best)
}

fn is_ancestor(ancestor: &str, module: &str) -> bool {
    ancestor.is_empty() || module.starts_with(&format!("{ancestor}::"))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let known = modules();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in &known {
        // Unit-test files (`#[cfg(test)] mod law_tests;`) are not the library.
        if module.ends_with("tests") {
            continue;
        }
        let code = code_only(&fs::read_to_string(path).unwrap());
        let entry = edges.entry(module.clone()).or_default();
        for p in paths(&code) {
            let Some(to) = target(module, &p, &known) else {
                continue;
            };
            // A module naming itself, or a parent naming its own children.
            if &to == module || is_ancestor(module, &to) {
                continue;
            }
            entry.insert(to);
        }
    }
    edges
}

#[test]
fn no_file_under_src_is_over_900_lines() {
    let long: Vec<(String, usize)> = modules()
        .values()
        .map(|p| {
            (
                p.display().to_string(),
                fs::read_to_string(p).unwrap().lines().count(),
            )
        })
        .filter(|(_, n)| *n > MAX_LINES)
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn modules_import_from_the_defining_module_not_the_crate_root() {
    let known = modules();
    let mut offenders = Vec::new();
    for (module, path) in &known {
        if module.is_empty() {
            continue;
        }
        let code = code_only(&fs::read_to_string(path).unwrap());
        for p in paths(&code) {
            // `crate::Name` (a capitalised item right under the root) is a
            // re-export: the crate root defines no types of its own.
            let Some(rest) = p.strip_prefix("crate::") else {
                continue;
            };
            let first = rest.split("::").next().unwrap_or("");
            if first.chars().next().is_some_and(char::is_uppercase) {
                offenders.push(format!("{module}: {p}"));
            }
        }
    }
    offenders.sort();
    offenders.dedup();
    assert!(
        offenders.is_empty(),
        "imports through the crate root:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_module_graph_has_no_cycle() {
    let edges = graph();
    // Depth-first search with colours; report the first cycle found.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap();
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(node, &edges, &mut state, &mut stack) {
                panic!("import cycle: {}", cycle.join(" -> "));
            }
        }
    }
}

#[test]
fn the_reader_finds_known_edges() {
    // The reader itself must see imports, or the two tests above pass by
    // seeing nothing.
    let edges = graph();
    let all: usize = edges.values().map(BTreeSet::len).sum();
    assert!(all > 20, "only {all} edges read");
    assert!(edges.get("eligibility").is_some_and(|e| !e.is_empty()));
}
