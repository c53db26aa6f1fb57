//! The private history from scripts: kept only with --save, compared with
//! --follow-up, listed as a table, JSON or CSV, forgotten for good; two
//! runs at once, a damaged file and file modes. (The prompt's side, the
//! question asked once and remembered, is in pty.rs.)

use std::path::{Path, PathBuf};

use chrono::{Duration, FixedOffset, Local};
use lactriage::history::{NewCheck, Store};

use crate::harness::{Test, BASELINE};

/// A folder of the test's own, and the history file in it.
fn history(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("lactriage-history-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("kept/history.sqlite3");
    (dir, file)
}

/// The baseline answers (self-care) with `overrides`, leaving out `without`.
fn answers(overrides: &[(&str, &str)], without: &[&str]) -> Vec<String> {
    let mut args = Vec::new();
    for (id, value) in BASELINE.iter().chain(overrides) {
        if without.contains(id)
            || overrides.iter().any(|(o, _)| o == id) && !overrides.contains(&(id, value))
        {
            continue;
        }
        args.push("--set".to_string());
        args.push(format!("{id}={value}"));
    }
    args
}

fn ago(hours: i64) -> chrono::DateTime<FixedOffset> {
    Local::now().fixed_offset() - Duration::hours(hours)
}

/// A check kept `hours` ago with these answers and result.
fn keep(file: &Path, hours: i64, answers: serde_json::Value, urgency: &str, condition: &str) {
    let store = Store::open(file).expect("the history opens");
    let episode = store.latest_episode("").expect("readable").map(|e| e.id);
    store
        .save(&NewCheck {
            client: "",
            episode,
            time: ago(hours),
            rules: ("mastitis-spectrum", "2.3.0", "x"),
            answers,
            urgency,
            condition,
        })
        .expect("kept");
}

/// The check both follow-up tests start from: 30 hours ago, 38.6 °C and a
/// small red patch, inflammatory mastitis, `within_24h`.
fn keep_inflammatory_30_hours_ago(file: &Path) {
    keep(
        file,
        30,
        serde_json::json!({"sepsis_signs": "no", "temperature": 38.6, "redness": "small", "duration_hours": 10}),
        "within_24h",
        "inflammatory_mastitis",
    );
}

fn run(file: &Path) -> Test {
    Test::new().env("LACTRIAGE_HISTORY", &file.display().to_string())
}

#[test]
fn a_scripted_run_keeps_nothing_without_save() {
    let (_dir, file) = history("nosave");
    run(&file).args(answers(&[], &[])).status(0);
    assert!(!file.exists(), "a history was created");
    run(&file).args(answers(&[], &[])).arg_save().status(0);
    assert!(file.exists());
}

/// Same problem: the hours since it started are counted from the first
/// check, the answers compared, and a 24-hour limit that has passed said.
#[test]
fn a_follow_up_fills_the_duration_compares_and_says_a_passed_limit() {
    let (_dir, file) = history("followup");
    keep_inflammatory_30_hours_ago(&file);
    let result = run(&file)
        .args(answers(
            &[("temperature", "37.2"), ("redness", "small")],
            &["duration_hours"],
        ))
        .args(["--follow-up", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(result["answers"]["duration_hours"], 40, "{result:#}");
    let follow_up = &result["follow_up"];
    let changes = follow_up["changes"].to_string();
    assert!(
        changes.contains("Temperature down from 38.6 to 37.2 °C."),
        "{changes}"
    );
    assert!(
        changes.contains("The same as last time: sepsis warning signs: no; redness: a small patch"),
        "{changes}"
    );
    let deadlines = follow_up["deadlines"].to_string();
    assert!(
        deadlines.contains("not clearly better within 24 hours; it has been 30 hours"),
        "{deadlines}"
    );
}

/// On antibiotics: the 48 hours count from when they were started.
#[test]
fn the_48_hours_on_antibiotics_count_from_their_start() {
    let (_dir, file) = history("antibiotics");
    keep(
        &file,
        30,
        serde_json::json!({"antibiotics_hours": 24, "trend": "better"}),
        "self_care",
        "on_antibiotics",
    );
    run(&file)
        .args(answers(
            &[("antibiotics_hours", "54"), ("trend", "same")],
            &[],
        ))
        .args(["--follow-up"])
        .status(0)
        .stdout_says(
            "within 48 hours of starting antibiotics; it has been 54 hours since you started them",
        );
}

#[test]
fn the_history_is_a_table_json_or_csv_and_is_forgotten_for_good() {
    let (_dir, file) = history("list");
    run(&file)
        .args(answers(&[("temperature", "38.4")], &[]))
        .arg_save()
        .status(0);
    run(&file)
        .args(answers(&[], &[]))
        .args(["--follow-up"])
        .arg_save()
        .status(0);
    run(&file).args(answers(&[], &[])).arg_save().status(0);
    let table = run(&file).args(["history"]).status(0).stdout();
    assert!(table.contains("Episode 1: 2 check(s) since"), "{table}");
    assert!(table.contains("Episode 2: 1 check(s) since"), "{table}");
    assert!(
        table.contains("38.4 °C  today       lump, fever"),
        "{table}"
    );
    // Conditions in words, and every line within 80 columns.
    assert!(table.contains("Mastitis"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    let json = run(&file)
        .args(["history", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(json[0]["checks"].as_array().map(Vec::len), Some(2));
    assert_eq!(json[0]["checks"][0]["answers"]["temperature"], "38.4C");
    assert_eq!(json[0]["checks"][1]["urgency"], "self_care");
    let csv = run(&file)
        .args(["history", "--format", "csv"])
        .status(0)
        .stdout();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "episode,client,check,time,temperature_c,urgency,condition,rules_version,rules_digest,lump,redness,recent_fever"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[1].starts_with("1,,1,"), "{csv}");

    run(&file)
        .args(["history", "--forget", "1"])
        .status(0)
        .stdout_has("Episode 1 and its checks are deleted.");
    let json = run(&file)
        .args(["history", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(json.as_array().map(Vec::len), Some(1));
    run(&file)
        .args(["history", "--forget", "1"])
        .status(2)
        .stderr_has("there is no episode 1");
    run(&file)
        .args(["history", "--forget", "most"])
        .status(2)
        .stderr_has("an episode number");
    run(&file).args(["history", "--forget", "all"]).status(0);
    run(&file)
        .args(["history"])
        .status(0)
        .stdout_has("No checks are kept.");
    // Deleted for good: nothing of the answers is left in the file.
    let bytes = std::fs::read(&file).expect("readable");
    assert!(
        !bytes.windows(12).any(|w| w == b"sepsis_signs"),
        "answers are left in the file"
    );
}

#[test]
fn clients_are_kept_apart_and_the_chart_note_lists_earlier_checks() {
    let (_dir, file) = history("clients");
    let consultant =
        |client: &str| run(&file).args(["--audience", "consultant", "--client", client]);
    consultant("A")
        .args(answers(&[("temperature", "38.9")], &[]))
        .arg_save()
        .status(0);
    consultant("B").args(answers(&[], &[])).arg_save().status(0);
    let note = consultant("A")
        .args(answers(&[], &[]))
        .args(["--follow-up", "--format", "markdown"])
        .arg_save()
        .status(0)
        .stdout();
    assert!(note.contains("## Earlier checks of this episode"), "{note}");
    assert!(note.contains("| 38.9C | `today` |"), "{note}");
    let a = run(&file)
        .args(["history", "--client", "A", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(a.as_array().map(Vec::len), Some(1));
    assert_eq!(a[0]["checks"].as_array().map(Vec::len), Some(2));
    assert_eq!(a[0]["client"], "A");
    let own = run(&file)
        .args(["history", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(own, serde_json::json!([]));
}

/// Two runs at once both keep their check: WAL and a busy timeout.
#[test]
fn runs_at_the_same_time_keep_every_check() {
    let (_dir, file) = history("concurrent");
    let runs: Vec<std::process::Child> = (0..6)
        .map(|_| {
            let mut command = std::process::Command::new(crate::harness::bin());
            crate::harness::isolate(&mut command);
            command
                .env("LACTRIAGE_HISTORY", &file)
                .args(answers(&[], &[]))
                .arg("--save")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("the binary starts")
        })
        .collect();
    for child in runs {
        let out = child.wait_with_output().expect("it ends");
        assert!(out.status.success());
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let json = run(&file)
        .args(["history", "--format", "json"])
        .status(0)
        .json();
    let kept: usize = json.as_array().map_or(0, |e| {
        e.iter()
            .map(|e| e["checks"].as_array().map_or(0, Vec::len))
            .sum()
    });
    assert_eq!(kept, 6);
}

/// A damaged history never stops a triage: the result, then why it was
/// not kept; the status is the result's.
#[test]
fn a_damaged_history_never_stops_a_triage() {
    let (_dir, file) = history("damaged");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("a folder");
    std::fs::write(
        &file,
        b"this is not a database, just some text that got here",
    )
    .expect("written");
    let ran = run(&file)
        .args(answers(&[], &[]))
        .args(["--follow-up"])
        .arg_save()
        .status(0)
        .stdout_has("Self-care at home");
    ran.stderr_says("earlier checks are not compared")
        .stderr_says("the result above stands, but it was not kept in the history")
        .stderr_says("is not a lactriage history, or is damaged");
    run(&file)
        .args(["history"])
        .status(1)
        .stderr_has("is not a lactriage history, or is damaged");
}

#[cfg(unix)]
#[test]
fn the_history_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, file) = history("modes");
    run(&file).args(answers(&[], &[])).arg_save().status(0);
    let mode = |p: &Path| std::fs::metadata(p).expect("there").permissions().mode() & 0o777;
    assert_eq!(mode(file.parent().expect("a folder")), 0o700);
    for entry in std::fs::read_dir(file.parent().expect("a folder")).expect("listed") {
        let path = entry.expect("an entry").path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}

/// A duration given as a range counts from its top: "less than a day" 20
/// hours ago may be 44 hours now, and a longer duration never lowers the
/// urgency. The same for antibiotics "started less than 2 days ago".
#[test]
fn ranges_from_an_earlier_check_count_from_their_top() {
    let (_dir, file) = history("ranges");
    keep(
        &file,
        20,
        serde_json::json!({"duration_hours": "0-24"}),
        "within_24h",
        "inflammatory_mastitis",
    );
    let ran = run(&file)
        .args(answers(&[], &["duration_hours"]))
        .args(["--follow-up", "--format", "json"])
        .status(0);
    assert_eq!(ran.json()["answers"]["duration_hours"], 44);
    ran.stderr_says("hours since it started: 44 (at most; counted from your check on");

    let (_dir, file) = history("ranges-antibiotics");
    keep(
        &file,
        30,
        serde_json::json!({"antibiotics_hours": ">0-48", "trend": "better"}),
        "self_care",
        "on_antibiotics",
    );
    run(&file)
        .args(answers(
            &[("antibiotics_hours", "60"), ("trend", "same")],
            &[],
        ))
        .args(["--follow-up"])
        .status(0)
        .stdout_says("it has been up to 78 hours since you started them");
}

/// --forget keeps to one client's records: a parent's own, by default.
#[test]
fn forgetting_keeps_to_the_client() {
    let (_dir, file) = history("forget-client");
    run(&file)
        .args(["--audience", "consultant", "--client", "A"])
        .args(answers(&[], &[]))
        .arg_save()
        .status(0);
    run(&file).args(answers(&[], &[])).arg_save().status(0);
    run(&file)
        .args(["history", "--forget", "1"])
        .status(2)
        .stderr_has("no episode 1");
    run(&file)
        .args(["history", "--client", "A", "--forget", "all"])
        .status(0);
    let own = run(&file)
        .args(["history", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(
        own.as_array().map(Vec::len),
        Some(1),
        "the parent's own check is kept"
    );
    let a = run(&file)
        .args(["history", "--client", "A", "--format", "json"])
        .status(0)
        .json();
    assert_eq!(a, serde_json::json!([]));
}

/// Another program's database is refused, and left as it was.
#[test]
fn another_programs_database_is_left_alone() {
    let (_dir, file) = history("foreign");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("a folder");
    {
        let conn = rusqlite::Connection::open(&file).expect("a database");
        conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
            .expect("written");
    }
    let before = std::fs::read(&file).expect("readable");
    run(&file)
        .args(answers(&[], &[]))
        .arg_save()
        .status(0)
        .stdout_has("Self-care at home")
        .stderr_says("is a database of another program, not a lactriage history");
    assert_eq!(
        std::fs::read(&file).expect("readable"),
        before,
        "the file was changed"
    );
}

/// In Spanish: the follow-up, the table's urgency words and result titles,
/// and its errors; the ids kept in the file stay as they are.
#[test]
fn the_history_in_spanish() {
    let (_dir, file) = history("spanish");
    keep_inflammatory_30_hours_ago(&file);
    let result = run(&file)
        .args(answers(
            &[("temperature", "37,2"), ("redness", "small")],
            &["duration_hours"],
        ))
        .args(["--lang", "es", "--follow-up"])
        .status(0)
        .stdout();
    assert!(result.contains("Desde su última evaluación"), "{result}");
    assert!(
        result.contains("La temperatura bajó de 38,6 a 37,2 °C."),
        "{result}"
    );
    assert!(!result.contains("Temperature down"), "{result}");
    let table = run(&file)
        .args(["--lang", "es", "history"])
        .status(0)
        .stdout();
    assert!(table.contains("Episodio 1: 1 evaluación"), "{table}");
    assert!(table.contains("en 24 h"), "{table}");
    assert!(table.contains("enrojecimiento pequeño"), "{table}");
    assert!(table.contains("Mastitis"), "{table}");
    assert!(!table.contains("within_24h"), "{table}");
    assert!(!table.contains("Inflammation"), "{table}");
    let csv = run(&file)
        .args(["--lang", "es", "history", "--format", "csv"])
        .status(0)
        .stdout();
    assert!(csv.contains(",within_24h,inflammatory_mastitis,"), "{csv}");
    run(&file)
        .args(["--lang", "es", "history", "--forget", "abc"])
        .status(2)
        .stderr_has("no es ninguno de los dos");
}
