//! A writer for the store's crash test: appends one-fen payments to one
//! project, one transaction each, printing `decided SEQ` before each append
//! and `acked SEQ` after the store acknowledged it. The test kills it with
//! SIGKILL at some point and checks that every acknowledged record is there.
//!
//! ```text
//! store-writer sqlite PATH PROJECT PAUSE_MS
//! store-writer postgres URL DBNAME PROJECT PAUSE_MS   (feature `postgres`)
//! ```
//!
//! `PAUSE_MS` is slept between deciding and appending. It stops by itself
//! after 10,000 appends.
#![allow(clippy::print_stdout)]

#[path = "../../support/logs.rs"]
mod logs;

use std::io::Write as _;
use std::time::Duration;

use skill_grants::domain::{ProjectId, UnitId};
use skill_grants::lifecycle::Actor;
use skill_grants_store::{EventStore, SqliteStore};

type Error = Box<dyn std::error::Error>;

fn store(args: &[String]) -> Result<(Box<dyn EventStore>, &[String]), Error> {
    match args {
        [backend, path, rest @ ..] if backend == "sqlite" => {
            Ok((Box::new(SqliteStore::open(path)?), rest))
        }
        #[cfg(feature = "postgres")]
        [backend, url, dbname, rest @ ..] if backend == "postgres" => {
            let mut config: postgres::Config = url.parse()?;
            config.dbname(dbname);
            let client = config.connect(postgres::NoTls)?;
            Ok((Box::new(skill_grants_store::PgStore::from_client(client)?), rest))
        }
        _ => Err("usage: store-writer sqlite PATH PROJECT PAUSE_MS | postgres URL DBNAME PROJECT PAUSE_MS".into()),
    }
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut store, rest) = store(&args)?;
    let [project, pause] = rest else {
        return Err("expected PROJECT PAUSE_MS after the database".into());
    };
    let pause = Duration::from_millis(pause.parse()?);
    let (policy, template) = logs::template()?;
    let mut start = template;
    start.project = ProjectId::new(project.as_str());
    let unit = Actor::Unit(UnitId::new(start.unit.as_str()));
    let released = start.released_on;
    let id = start.project.clone();
    let mut out = std::io::stdout();

    let mut project = match store.head(&id)? {
        Some(_) => store.load_project(&id, &policy)?,
        None => {
            let (project, head) = store.open_project(start, &policy)?;
            writeln!(out, "acked {}", head.seq)?;
            out.flush()?;
            project
        }
    };
    for on in logs::days(released, 10_000) {
        let payment = project.decide_payment(&unit, on, &logs::fen())?;
        let record = project.payment_event(payment)?;
        writeln!(out, "decided {}", record.seq)?;
        out.flush()?;
        std::thread::sleep(pause);
        let head = store.append(&id, project.head().seq, std::slice::from_ref(&record))?;
        project.apply(&record)?;
        writeln!(out, "acked {}", head.seq)?;
        out.flush()?;
    }
    Ok(())
}
