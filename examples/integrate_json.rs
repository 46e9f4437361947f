//! An integrator's service: JSON lines on stdin, one JSON line answered on stdout for each.
//!
//! ```sh
//! cargo run --example integrate_json < examples/data/commands.jsonl
//! cargo run --example integrate_json -- --max-line-bytes 4194304   # a 4 MiB limit
//! cargo run --example integrate_json -- --help
//! ```
//!
//! The protocol is `skill_grants::service` (docs/protocol.md; `schema/request.json` and
//! `schema/response.json`): each input line is a `Request` tagged by `"type"`; each answer is a
//! `Response` carrying the input's line number and id. This host only moves bytes:
//!
//! - it reads a line with a bounded buffer: a line over the limit (default 1 MiB) is skipped as it
//!   streams past, never stored, and answered with `line_too_long`; memory stays bounded by the
//!   limit, not by the input;
//! - it hands every other line's bytes to `Service::handle_line`, which answers `not_utf8`,
//!   `malformed` or the request's answer, and skips blank lines;
//! - it flushes after every answer, so a client that keeps the pipe open gets each answer at once;
//! - the stream goes on after any bad line; it ends at the end of stdin (exit 0), or when stdout
//!   closes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use skill_grants::Policy;
use skill_grants::service::{DEFAULT_MAX_LINE_BYTES, Format, Response, Service};

const USAGE: &str = "\
usage: integrate_json [--max-line-bytes N] [--help]

Reads requests as JSON lines on stdin and writes one JSON line per request on
stdout, flushed at once (the protocol: docs/protocol.md, skill_grants::service).

  --max-line-bytes N   the longest line read, in bytes, without its newline
                       (default 1048576 = 1 MiB); a longer line is skipped
                       unread and answered with an error `line_too_long`
  -h, --help           print this and exit
";

/// serde_json as the service's format.
struct Json;

impl Format for Json {
    type Error = serde_json::Error;
    fn parse<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, Self::Error> {
        serde_json::from_str(text)
    }
}

/// How many bytes of an over-long line are kept to quote (40 characters at most are quoted).
const KEPT: usize = 160;

/// One line read with a bounded buffer.
enum Line {
    /// The line's bytes, without its newline.
    Read,
    /// Over the limit: how many bytes it had; `buf` holds its first bytes.
    TooLong(u64),
    /// The end of the input.
    End,
}

/// Reads one line into `buf` (cleared first), storing at most `limit` bytes; the rest of an
/// over-long line is consumed and dropped as it comes.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<Line> {
    buf.clear();
    let mut seen: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, used, ended) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        seen += part.len() as u64;
        if !too_long {
            if seen > limit {
                too_long = true;
                let room = KEPT.saturating_sub(buf.len());
                buf.truncate(KEPT);
                buf.extend_from_slice(&part[..part.len().min(room)]);
            } else {
                buf.extend_from_slice(part);
            }
        }
        input.consume(used);
        if ended {
            return Ok(if too_long {
                Line::TooLong(seen)
            } else {
                Line::Read
            });
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong(seen),
        (true, false) => Line::Read,
    })
}

/// The limit from the arguments, or the exit code.
fn parse_args() -> Result<u64, ExitCode> {
    let mut limit = DEFAULT_MAX_LINE_BYTES;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            "--max-line-bytes" => args.next(),
            other => match other.strip_prefix("--max-line-bytes=") {
                Some(v) => Some(v.to_owned()),
                None => {
                    eprintln!("integrate_json: unknown argument `{other}`\n\n{USAGE}");
                    return Err(ExitCode::from(2));
                }
            },
        };
        match value.as_deref().map(str::parse::<u64>) {
            Some(Ok(n)) if n > 0 => limit = n,
            _ => {
                eprintln!(
                    "integrate_json: --max-line-bytes needs a positive number of bytes\n\n{USAGE}"
                );
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(limit)
}

fn main() -> ExitCode {
    let limit = match parse_args() {
        Ok(limit) => limit,
        Err(code) => return code,
    };
    match serve(limit) {
        Ok(()) => ExitCode::SUCCESS,
        // The client closed our stdout: nobody is left to answer.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("integrate_json: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(limit: u64) -> io::Result<()> {
    // One policy for the whole stream; a host with several would pick it per project.
    let mut service = Service::new(Policy::ordos_2022());
    let mut input = io::stdin().lock();
    let mut out = io::stdout().lock();
    let mut buf = Vec::new();
    let mut number: u64 = 0;
    loop {
        let read = read_line(&mut input, &mut buf, limit)?;
        number += 1;
        let response = match read {
            Line::End => return Ok(()),
            Line::TooLong(seen) => Some(Response::line_too_long(number, seen, limit, &buf)),
            Line::Read => service.handle_line(number, &buf, &Json),
        };
        if let Some(response) = response {
            serde_json::to_writer(&mut out, &response)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
    }
}
