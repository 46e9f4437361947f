//! The persisting main job (`examples/annual_round_db`): `--db FILE` then
//! `--resume FILE` print the same money summary as the run in memory; a
//! tampered file is refused on resume; `--help` and bad arguments.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../examples/annual_round_db/cli.rs"]
#[allow(dead_code)]
mod cli;

use std::path::PathBuf;

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sg-annual-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn db_then_resume_prints_the_same_money() {
    let dir = TempDir::new("roundtrip");
    let db = dir.0.join("grants.db");
    let db = db.to_str().unwrap();

    let (code, memory, _) = run(&[]);
    assert_eq!(code, 0);
    let (code, written, err) = run(&["--db", db]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote round 2022 and 14 projects"), "{err}");
    let (code, resumed, err) = run(&["--resume", db]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("verified against its head and replayed"),
        "{err}"
    );

    assert_eq!(written, memory);
    assert_eq!(resumed, written);
    // The summary is the library's: each project's ledger, and the total.
    let sample = skill_grants::sample::annual_round_2022().unwrap();
    assert!(resumed.contains("money balances in every project and in total: yes"));
    for p in &sample.projects {
        assert!(resumed.contains(p.project.id().as_str()));
    }
    let total = resumed.lines().find(|l| l.starts_with("total")).unwrap();
    assert!(
        total.contains(&sample.money_total.released.to_string()),
        "{total}"
    );
    assert!(
        total.contains(&sample.money_total.spent.to_string()),
        "{total}"
    );

    // --db does not overwrite.
    let (code, _, err) = run(&["--db", db]);
    assert_eq!(code, 1);
    assert!(err.contains("exists"), "{err}");
}

#[test]
fn resume_refuses_a_tampered_file() {
    let dir = TempDir::new("tampered");
    let db = dir.0.join("grants.db");
    assert_eq!(run(&["--db", db.to_str().unwrap()]).0, 0);
    let conn = rusqlite::Connection::open(&db).unwrap();
    // A payment's amount raised in the first project's log, record 1 (seq 2).
    let changed = conn
        .execute(
            "UPDATE events SET event = replace(event, '\"amount\":\"', '\"amount\":\"1') \
             WHERE seq = 2 AND project = (SELECT MIN(project) FROM events)",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let (code, out, err) = run(&["--resume", db.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("`2022-ST-01`") && err.contains("record 1 (seq 2)"),
        "{err}"
    );

    let (code, _, err) = run(&["--resume", dir.0.join("missing.db").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn help_and_bad_arguments() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: annual_round_db"));
    for bad in [
        &["--frobnicate"][..],
        &["--db"],
        &["--db", "a", "b"],
        &["--resume"],
    ] {
        let (code, out, err) = run(bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(out.is_empty());
        assert!(err.contains("usage: annual_round_db"), "{err}");
    }
}
