//! An integrator's service: commands as JSON lines on stdin, events or errors as JSON lines on stdout.
//!
//! ```sh
//! cargo run --example integrate_json < examples/data/commands.jsonl
//! ```
//!
//! The line format is defined and documented in `skill_grants::service` (and described by
//! `schema/request.json` and `schema/response.json`): each input line is a `Request` tagged by
//! `"type"` (`open`, `command`, `state`); each output line is a `Response` (`events`, `state`,
//! `error`) carrying the input's line number. A line that is not valid JSON, or not a request,
//! gets an `error` line with code `malformed` and its line number, and the stream goes on; blank
//! lines are skipped. Nothing here is specific to the example: a real service does the same
//! around its own storage.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{self, BufRead, Write};

use skill_grants::Policy;
use skill_grants::service::{Request, Response, Service};

fn main() -> io::Result<()> {
    // One policy for the whole stream; a host with several would pick it per project.
    let mut service = Service::new(Policy::ordos_2022());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (i, line) in io::stdin().lock().lines().enumerate() {
        let number = i as u64 + 1;
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        // Parse, decide, answer: the crate never sees the raw text.
        let response = match serde_json::from_str::<Request>(&line) {
            Ok(request) => service.handle(number, request),
            Err(e) => Response::malformed(number, e),
        };
        serde_json::to_writer(&mut out, &response)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
