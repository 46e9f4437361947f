//! `annual_round_db --db FILE | --resume FILE | --help`: the persisting main job.
//! Shared by the example's `main` and its test.

use std::io::Write;
use std::path::{Path, PathBuf};

use skill_grants::Lang;
use skill_grants::lifecycle::Project;
use skill_grants::round::Round;
use skill_grants::sample::{self, MoneyLine};
use skill_grants_store::{EventStore, SqliteStore};

/// The key the sample round is stored under.
pub const ROUND_KEY: &str = "2022";

pub const USAGE: &str = "\
usage: annual_round_db [--db FILE | --resume FILE | --help]

  (no option)     run the sample 2022 round and every project in memory; print the money
  --db FILE       run it and write the round and every project's sealed log to a new SQLite
                  file; print the money
  --resume FILE   read the round and every log back from FILE, verify each log against its
                  stored head and replay it; print the same money
  --help          this text

Exit status: 0 done, 1 failed (the reason on stderr), 2 bad arguments.";

/// What the arguments ask for.
#[derive(Debug, PartialEq, Eq)]
pub enum Mode {
    Memory,
    Db(PathBuf),
    Resume(PathBuf),
    Help,
}

/// Parses the arguments; `Err` holds what is wrong with them.
pub fn parse(args: &[String]) -> Result<Mode, String> {
    match args {
        [] => Ok(Mode::Memory),
        [flag] if flag == "--help" || flag == "-h" => Ok(Mode::Help),
        [flag, file] if flag == "--db" => Ok(Mode::Db(PathBuf::from(file))),
        [flag, file] if flag == "--resume" => Ok(Mode::Resume(PathBuf::from(file))),
        [flag] if flag == "--db" || flag == "--resume" => Err(format!("{flag} needs a FILE")),
        _ => Err(format!("unexpected arguments: {}", args.join(" "))),
    }
}

/// Runs the job; returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mode = match parse(args) {
        Ok(mode) => mode,
        Err(problem) => {
            let _ = writeln!(err, "annual_round_db: {problem}\n\n{USAGE}");
            return 2;
        }
    };
    let result = match mode {
        Mode::Help => writeln!(out, "{USAGE}").map_err(|e| e.to_string()),
        Mode::Memory => memory().and_then(|s| print(&s, out)),
        Mode::Db(path) => write_db(&path, err).and_then(|s| print(&s, out)),
        Mode::Resume(path) => resume(&path, err).and_then(|s| print(&s, out)),
    };
    match result {
        Ok(()) => 0,
        Err(problem) => {
            let _ = writeln!(err, "annual_round_db: {problem}");
            1
        }
    }
}

/// The money summary: each project's line and the total, from the
/// library's ledgers.
pub struct Summary {
    pub year: i32,
    pub rows: Vec<(String, &'static str, u64, MoneyLine)>,
    pub total: MoneyLine,
}

fn summary(round: &Round, projects: &[Project]) -> Result<Summary, String> {
    let mut total = MoneyLine::ZERO;
    let mut rows = Vec::new();
    for p in projects {
        let money = MoneyLine::of(p);
        total = total.checked_add(&money).map_err(|e| e.to_string())?;
        rows.push((
            p.id().to_string(),
            p.status_on(sample::as_of_2022()).name(Lang::En),
            p.event_count(),
            money,
        ));
    }
    Ok(Summary {
        year: round.year(),
        rows,
        total,
    })
}

fn print(s: &Summary, out: &mut dyn Write) -> Result<(), String> {
    let mut text = format!(
        "The {} round: money of each project on {} (released = spent + recovered + balance)\n",
        s.year,
        sample::as_of_2022()
    );
    text.push_str(&format!(
        "{:<12} {:>6} {:>15} {:>15} {:>15} {:>15} {:>13} {:>13}  {}\n",
        "project",
        "events",
        "released",
        "spent",
        "recovered",
        "balance",
        "repaid",
        "owed",
        "status"
    ));
    let line = |name: &str, events: String, m: &MoneyLine, status: &str| {
        format!(
            "{:<12} {:>6} {:>15} {:>15} {:>15} {:>15} {:>13} {:>13}  {}\n",
            name,
            events,
            m.released.to_string(),
            m.spent.to_string(),
            m.recovered.to_string(),
            m.balance.to_string(),
            m.repaid.to_string(),
            m.owed.to_string(),
            status
        )
    };
    for (id, status, events, money) in &s.rows {
        text.push_str(&line(id, events.to_string(), money, status));
    }
    let events: u64 = s.rows.iter().map(|r| r.2).sum();
    text.push_str(&line("total", events.to_string(), &s.total, ""));
    let balanced = s.total.balances() && s.rows.iter().all(|r| r.3.balances());
    text.push_str(&format!(
        "money balances in every project and in total: {}\n",
        if balanced { "yes" } else { "NO" }
    ));
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    if balanced {
        Ok(())
    } else {
        Err("the money does not balance".into())
    }
}

fn memory() -> Result<Summary, String> {
    let round = sample::round_2022().map_err(|e| e.to_string())?;
    let run = sample::annual_round_2022().map_err(|e| e.to_string())?;
    let projects: Vec<Project> = run.projects.into_iter().map(|p| p.project).collect();
    summary(&round, &projects)
}

fn write_db(path: &Path, err: &mut dyn Write) -> Result<Summary, String> {
    if path.exists() {
        return Err(format!(
            "{} exists: --db writes a new file (use --resume to read one)",
            path.display()
        ));
    }
    let round = sample::round_2022().map_err(|e| e.to_string())?;
    let run = sample::annual_round_2022().map_err(|e| e.to_string())?;
    let mut store = SqliteStore::open(path).map_err(|e| e.to_string())?;
    store
        .save_round(ROUND_KEY, &round)
        .map_err(|e| e.to_string())?;
    let mut events = 0usize;
    for p in &run.projects {
        store
            .append(p.project.id(), 0, &p.log)
            .map_err(|e| e.to_string())?;
        events += p.log.len();
    }
    let _ = writeln!(
        err,
        "wrote round {ROUND_KEY} and {} projects' logs ({events} events) to {}",
        run.projects.len(),
        path.display()
    );
    let projects: Vec<Project> = run.projects.into_iter().map(|p| p.project).collect();
    summary(&round, &projects)
}

fn resume(path: &Path, err: &mut dyn Write) -> Result<Summary, String> {
    if !path.is_file() {
        return Err(format!(
            "{} does not exist: write it with --db first",
            path.display()
        ));
    }
    let mut store = SqliteStore::open(path).map_err(|e| e.to_string())?;
    let round = store
        .load_round(ROUND_KEY)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("{} holds no round `{ROUND_KEY}`", path.display()))?;
    // Every project the round funded must be there, and nothing else.
    let mut funded: Vec<String> = round.projects().iter().map(|p| p.id.to_string()).collect();
    funded.sort();
    let stored: Vec<String> = store
        .projects()
        .map_err(|e| e.to_string())?
        .iter()
        .map(ToString::to_string)
        .collect();
    if stored != funded {
        return Err(format!(
            "{} holds the logs of {stored:?}, but the round funded {funded:?}",
            path.display()
        ));
    }
    let mut projects = Vec::new();
    for p in round.projects() {
        projects.push(
            store
                .load_project(&p.id, round.policy())
                .map_err(|e| e.to_string())?,
        );
    }
    let _ = writeln!(
        err,
        "read round {ROUND_KEY} (stage `{}`) and {} projects' logs from {}: every log verified against its head and replayed",
        round.stage().name(Lang::En),
        projects.len(),
        path.display()
    );
    summary(&round, &projects)
}
