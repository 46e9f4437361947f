//! The built `integrate_json` example driven as a separate process over pipes, one line at a
//! time, with a timeout per answer (issue 16): this is the test that catches an output that is
//! buffered until stdin closes. Also each failure of the issue: a non-UTF-8 line that ended the
//! stream, a 400 MB line that aborted on allocation (streamed here, never built in memory), a
//! 50 MB unknown id echoed whole; and the arguments (`--help`, an unknown one, `--max-line-bytes`).
//!
//! `cargo test` builds the examples first; the binary is found next to this test's own
//! (`target/<profile>/deps/<test>` → `target/<profile>/examples/integrate_json`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::Value;

/// The answer of an ordinary line must come within this (debug build, busy machine).
const ANSWER: Duration = Duration::from_secs(20);

fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let name = format!("integrate_json{}", std::env::consts::EXE_SUFFIX);
    let path = profile.join("examples").join(name);
    assert!(
        path.is_file(),
        "the example binary {} is absent: run `cargo test` (which builds the examples) or \
         `cargo build --example integrate_json`",
        path.display()
    );
    // `cargo test --test service_pipe` alone does not rebuild the examples: refuse a binary
    // older than its sources rather than test stale code.
    let built = std::fs::metadata(&path).unwrap().modified().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![root.join("examples/integrate_json.rs")];
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                dirs.push(p)
            } else {
                sources.push(p)
            }
        }
    }
    for source in sources {
        let changed = std::fs::metadata(&source).unwrap().modified().unwrap();
        assert!(
            changed <= built,
            "the example binary {} is older than {}: run `cargo build --example integrate_json` \
             (or the whole `cargo test`, which builds the examples)",
            path.display(),
            source.display()
        );
    }
    path
}

/// A running service: its stdin, and its stdout lines arriving on a channel.
struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
}

impl Running {
    fn start(args: &[&str]) -> Running {
        let mut child = Command::new(binary())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Running {
            child,
            stdin,
            lines,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// The next answer, within `timeout`, the pipe still open.
    fn answer(&self, timeout: Duration) -> Value {
        let line = self.lines.recv_timeout(timeout).unwrap_or_else(|e| {
            panic!(
                "no answer within {timeout:?} with stdin still open ({e}): is the output buffered?"
            )
        });
        serde_json::from_str(&line).unwrap()
    }

    /// Closes stdin and waits: the exit status and stderr.
    fn finish(mut self) -> (std::process::ExitStatus, String) {
        drop(self.stdin.take());
        let status = self.child.wait().unwrap();
        let mut err = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(
            self.lines.recv_timeout(Duration::from_secs(5)).is_err(),
            "an answer after the end"
        );
        (status, err)
    }

    /// The peak resident memory of the process, in kB (Linux only).
    fn peak_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

const OPEN: &str = r#"{"type":"open","id":1,"start":{"project":"2022-ST-90","kind":"studio","unit":"U-900","unit_name":"杭锦旗某化工企业（示例）","seat":{"banner":"hanggin_banner"},"specialties":[],"lead":{"id":"P-900","name":"王某（示例）","honours":["ordos_craftsman"]},"released":"50000.00","released_on":"2022-09-20","policy":{"id":"ordos-2022-100","revision":1}}}"#;
const PAY: &str = r#"{"type":"command","id":"pay","project":"2022-ST-90","command":{"by":{"unit":"U-900"},"on":"2022-11-02","action":{"action":"pay","spend":{"category":"training_supplies","amount":"12000.00"}}}}"#;

/// Issue 16: the output was buffered, so a client keeping its pipe open never got an answer.
#[test]
fn each_answer_comes_while_the_pipe_stays_open() {
    let mut s = Running::start(&[]);
    s.send(format!("{OPEN}\n").as_bytes());
    let a = s.answer(ANSWER);
    assert_eq!(
        (a["type"].as_str(), a["line"].as_u64(), a["id"].as_u64()),
        (Some("events"), Some(1), Some(1))
    );
    s.send(b"\n"); // blank: no answer, but counted
    s.send(format!("{PAY}\n").as_bytes());
    let a = s.answer(ANSWER);
    assert_eq!(
        (a["type"].as_str(), a["line"].as_u64(), a["id"].as_str()),
        (Some("events"), Some(3), Some("pay"))
    );
    // A request split across two writes is one line.
    let (first, second) = PAY.split_at(40);
    s.send(first.as_bytes());
    std::thread::sleep(Duration::from_millis(50));
    s.send(format!("{second}\r\n").as_bytes());
    let a = s.answer(ANSWER);
    assert_eq!(
        (a["type"].as_str(), a["line"].as_u64()),
        (Some("events"), Some(4))
    );
    let (status, err) = s.finish();
    assert!(status.success(), "{status}: {err}");
}

/// Issue 16: one line of invalid UTF-8 ended the stream (exit 1, later lines unanswered).
#[test]
fn a_line_that_is_not_utf8_gets_an_error_and_the_stream_goes_on() {
    let mut s = Running::start(&[]);
    s.send(b"{\"type\":\"policy\",\"id\":\"\xff\xfe\"}\n");
    let a = s.answer(ANSWER);
    assert_eq!(a["error"]["code"], "not_utf8", "{a}");
    assert_eq!(a["line"], 1);
    assert!(
        a["error"]["en"].as_str().unwrap().contains("from byte 23"),
        "{a}"
    );
    s.send(b"{\"type\":\"clauses\",\"id\":2}\n");
    let a = s.answer(ANSWER);
    assert_eq!(
        (a["type"].as_str(), a["line"].as_u64()),
        (Some("clauses"), Some(2))
    );
    let (status, err) = s.finish();
    assert!(status.success(), "{status}: {err}");
}

/// Issue 16: a 400 MB line aborted the process on allocation. It is streamed through the pipe
/// in 1 MiB writes (never built in memory here), skipped unread past the 1 MiB limit, answered
/// with `line_too_long`, and the next line is answered; the service's peak memory stays far
/// below the line's size.
#[test]
fn a_400_mb_line_is_skipped_in_bounded_memory() {
    const SIZE: usize = 400 << 20;
    let mut s = Running::start(&[]);
    let mut stdin = s.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 20];
        stdin.write_all(br#"{"type":"state","project":""#).unwrap();
        let mut sent = 0;
        while sent < SIZE {
            stdin.write_all(&chunk).unwrap();
            sent += chunk.len();
        }
        stdin
            .write_all(b"\"}\n{\"type\":\"clause\",\"id\":\"after\",\"clause\":\"7.1\"}\n")
            .unwrap();
        stdin.flush().unwrap();
        stdin
    });
    let a = s.answer(Duration::from_secs(120));
    assert_eq!(a["error"]["code"], "line_too_long", "{a}");
    assert_eq!(a["line"], 1);
    let en = a["error"]["en"].as_str().unwrap();
    assert!(en.contains(&format!("has {} bytes", SIZE + 29)), "{en}");
    assert!(
        en.contains("{\"type\":\"state\",\"project\":\"xxxxxxxxxxxxx…"),
        "{en}"
    );
    assert!(serde_json::to_string(&a).unwrap().len() < 1_000);
    let a = s.answer(ANSWER);
    assert_eq!(
        (a["type"].as_str(), a["line"].as_u64(), a["id"].as_str()),
        (Some("clause"), Some(2), Some("after"))
    );
    if let Some(kb) = s.peak_kb() {
        eprintln!("peak resident memory: {kb} kB");
        assert!(
            kb < 64 * 1024,
            "peak resident memory {kb} kB for a 400 MB line"
        );
    }
    s.stdin = Some(writer.join().unwrap());
    let (status, err) = s.finish();
    assert!(status.success(), "{status}: {err}");
}

/// Issue 16: a 50 MB unknown id came back as a 100 MB error line. With the limit raised to let
/// the line in, the error quotes 40 characters of it.
#[test]
fn a_50_mb_unknown_id_is_not_echoed_whole() {
    let mut s = Running::start(&["--max-line-bytes", "60000000"]);
    let mut stdin = s.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        stdin
            .write_all(br#"{"type":"command","id":7,"project":""#)
            .unwrap();
        let chunk = vec![b'Y'; 1 << 20];
        for _ in 0..50 {
            stdin.write_all(&chunk).unwrap();
        }
        stdin
            .write_all(
                br#"","command":{"by":"city","on":"2023-04-03","action":{"action":"revoke"}}}"#,
            )
            .unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin
    });
    let a = s.answer(Duration::from_secs(120));
    s.stdin = Some(writer.join().unwrap());
    assert_eq!(a["error"]["code"], "unknown_project", "{a}");
    assert_eq!(a["id"], 7);
    let text = serde_json::to_string(&a).unwrap();
    assert!(text.len() < 1_000, "{} bytes", text.len());
    assert!(text.contains(&format!("{}…", "Y".repeat(40))));
    let (status, err) = s.finish();
    assert!(status.success(), "{status}: {err}");
}

/// The error transcript (`tests/service/errors.in.jsonl`, raw bytes: not UTF-8, over a
/// 400-byte limit, blank, CRLF, malformed, an unknown type) through the binary gives exactly
/// `tests/service/errors.out.jsonl` (`UPDATE_GOLDEN=1` regenerates it).
#[test]
fn the_error_transcript_through_the_binary() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/service");
    let input = std::fs::read(dir.join("errors.in.jsonl")).unwrap();
    let out = Command::new(binary())
        .args(["--max-line-bytes", "400"])
        .stdin(std::fs::File::open(dir.join("errors.in.jsonl")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    let path = dir.join("errors.out.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v != "0" && !v.is_empty()) {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    assert_eq!(
        got,
        std::fs::read_to_string(&path).unwrap(),
        "UPDATE_GOLDEN=1 to regenerate"
    );
    // One answer per non-blank line, in order, with its number.
    let answered: Vec<u64> = got
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["line"]
                .as_u64()
                .unwrap()
        })
        .collect();
    let expected: Vec<u64> = input
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(i, _)| i as u64 + 1)
        .collect();
    assert_eq!(answered, expected);
}

/// The sample stream of the README answers every line, the malformed one included.
#[test]
fn the_sample_stream_answers_every_line() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/commands.jsonl");
    let out = Command::new(binary())
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = std::fs::read_to_string(&path).unwrap().lines().count();
    let got: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), lines);
    assert_eq!(got[3]["error"]["code"], "malformed");
}

#[test]
fn help_exits_0_and_an_unknown_argument_exits_2() {
    let help = Command::new(binary()).arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    let usage = String::from_utf8(help.stdout).unwrap();
    assert!(
        usage.starts_with("usage: integrate_json") && usage.contains("--max-line-bytes"),
        "{usage}"
    );
    for args in [
        &["--bogus"][..],
        &["--max-line-bytes"],
        &["--max-line-bytes", "0"],
        &["--max-line-bytes=ten"],
    ] {
        let out = Command::new(binary())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8(out.stderr)
                .unwrap()
                .contains("usage: integrate_json"),
            "{args:?}"
        );
    }
    let ok = Command::new(binary())
        .arg("--max-line-bytes=10")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
}
