//! `lactriage batch` and `--output`: streams, order, ids, errors that do not
//! stop the run, the summary, and files written whole, owner-only, never
//! over an existing file without --force.

use std::fs;
use std::path::PathBuf;

use crate::harness::Test;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lactriage-batch-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

const MIXED: &str = concat!(
    "{\"sepsis_signs\": \"yes\"}\n",
    "{\"id\": 7, \"answers\": {\"sepsis_signs\": \"no\", \"skin_emergency\": \"unsure\"}}\n",
    "not json\n",
    "{\"id\": \"typo\", \"answers\": {\"feels_fevrish\": \"yes\"}}\n",
    "\n",
    "{\"id\": \"short\", \"answers\": {\"sepsis_signs\": \"no\"}}\n",
    "{\"id\": \"extra\", \"answers\": {}, \"note\": 1}\n",
    "{\"id\": \"last\", \"answers\": {\"sepsis_signs\": \"no\", \"skin_emergency\": \"no\", \"abscess_signs\": \"yes\"}}\n",
);

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn every_input_line_gets_one_output_line_in_order() {
    let ran = Test::new().args(["batch"]).stdin(MIXED).status(2);
    let out = lines(&ran.stdout());
    assert_eq!(out.len(), 8);
    for (i, line) in out.iter().enumerate() {
        assert_eq!(line["line"], i + 1);
    }
    assert_eq!(out[0]["urgency"], "emergency");
    assert!(out[0].get("id").is_none());
    assert_eq!(out[0]["path"][0]["question"], "sepsis_signs");
    assert_eq!(out[1]["id"], 7);
    assert_eq!(out[1]["condition"], "severe_skin_infection");
    assert!(out[2]["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("not a valid line")));
    assert_eq!(out[3]["id"], "typo");
    assert!(out[3]["error"]
        .as_str()
        .is_some_and(|e| e.contains("did you mean 'feels_feverish'")));
    assert!(out[4]["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("empty line")));
    assert!(out[5]["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("missing answers: skin_emergency")));
    assert_eq!(out[6]["id"], "extra");
    assert!(out[6]["error"]
        .as_str()
        .is_some_and(|e| e.contains("unexpected key 'note'")));
    assert_eq!(out[7]["id"], "last");
    assert_eq!(out[7]["condition"], "abscess_suspected");
    // The summary ties the results to the exact rules text that gave them.
    assert_eq!(
        ran.stderr().trim(),
        format!(
            "lactriage batch: 8 line(s) read: 3 result(s) (emergency 2, today 1, within_24h 0, within_days 0, self_care 0), 5 error(s); rules mastitis-spectrum 2.3.0 (sha256:{})",
            crate::harness::builtin_digest()
        )
    );
}

#[test]
fn all_good_lines_exit_0_and_a_file_reads_like_standard_input() {
    let dir = temp_dir("good");
    let input = dir.join("in.jsonl");
    let good: String = MIXED
        .lines()
        .filter(|l| l.contains("\"sepsis_signs\": \"yes\"") || l.contains("\"last\""))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&input, &good).expect("written");
    let from_file = Test::new()
        .args(["batch"])
        .arg_path(&input)
        .status(0)
        .stdout();
    let from_stdin = Test::new()
        .args(["batch", "-"])
        .stdin(&good)
        .status(0)
        .stdout();
    assert_eq!(from_file, from_stdin);
    assert_eq!(lines(&from_file).len(), 2);
    Test::new()
        .args(["batch", "no/such/input.jsonl"])
        .status(2)
        .stderr_has("cannot read the batch input 'no/such/input.jsonl': no such file");
}

#[test]
fn a_line_that_is_not_utf8_is_one_bad_line() {
    let mut input = b"{\"sepsis_signs\": \"yes\"}\n".to_vec();
    input.extend([0xff, 0xfe, b'\n']);
    input.extend(b"{\"sepsis_signs\": \"yes\"}");
    let out = lines(&Test::new().args(["batch"]).stdin(&input).status(2).stdout());
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["error"], "the line is not UTF-8 text");
    assert_eq!(
        out[2]["urgency"], "emergency",
        "the last line needs no newline"
    );
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

#[test]
fn output_is_written_owner_only_and_never_over_a_file_without_force() {
    let dir = temp_dir("output");
    let target = dir.join("result.json");
    let t = target.display().to_string();
    Test::new()
        .args([
            "--set",
            "sepsis_signs=yes",
            "--format",
            "json",
            "--output",
            &t,
        ])
        .status(0)
        .stdout_empty();
    let first: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&target).expect("written")).expect("JSON");
    assert_eq!(first["urgency"], "emergency");
    assert!(
        first["time"]
            .as_str()
            .is_some_and(|t| t.len() >= 25 && t.contains('T')),
        "{first}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);

    Test::new()
        .args([
            "--set",
            "sepsis_signs=no",
            "--set",
            "skin_emergency=yes",
            "--output",
            &t,
        ])
        .status(2)
        .stderr_has(&format!("'{t}' exists already; give --force to replace it"));
    assert!(fs::read_to_string(&target)
        .expect("kept")
        .contains("sepsis_warning"));

    Test::new()
        .args([
            "--set",
            "sepsis_signs=no",
            "--set",
            "skin_emergency=yes",
            "--format",
            "json",
            "--output",
            &t,
            "--force",
        ])
        .status(0);
    assert!(fs::read_to_string(&target)
        .expect("replaced")
        .contains("severe_skin_infection"));
    // No temporary files are left beside it.
    let left: Vec<_> = fs::read_dir(&dir).expect("listable").collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn a_failed_run_leaves_no_output_file() {
    let dir = temp_dir("failed");
    let target = dir.join("result.md");
    Test::new()
        .args(["--set", "sepsis_signs=no", "--output"])
        .arg_path(&target)
        .status(2)
        .stderr_has("answers are missing");
    assert!(!target.exists());
    assert_eq!(
        fs::read_dir(&dir).expect("listable").count(),
        0,
        "no temporary file left"
    );
    Test::new()
        .args(["--force", "--set", "sepsis_signs=yes"])
        .status(2)
        .stderr_has("--output");
}

#[test]
fn batch_output_goes_to_a_file_whole() {
    let dir = temp_dir("batch-output");
    let target = dir.join("results.jsonl");
    Test::new()
        .args(["batch", "--output"])
        .arg_path(&target)
        .stdin(MIXED)
        .status(2)
        .stdout_empty();
    assert_eq!(
        fs::read_to_string(&target)
            .expect("written")
            .lines()
            .count(),
        8
    );
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);
    Test::new()
        .args(["batch", "--output"])
        .arg_path(&target)
        .stdin(MIXED)
        .status(2)
        .stderr_has("exists already");
}

/// A line longer than 1 MiB is one bad line, read past without being held;
/// the run goes on. (`batch /dev/zero` once ran out of memory.)
#[test]
fn a_line_over_a_mebibyte_is_skipped_and_the_run_goes_on() {
    let mut input = "a".repeat(3 << 20);
    input.push('\n');
    input.push_str("{\"sepsis_signs\": \"yes\"}\n");
    let ran = Test::new().args(["batch"]).stdin(&input).status(2);
    let out: Vec<serde_json::Value> = ran
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(out.len(), 2);
    assert_eq!(
        out[0]["error"],
        "the line is 3145729 bytes long, more than the 1048576 a line may have; it was skipped"
    );
    assert_eq!(out[1]["urgency"], "emergency");
}

/// Input quoted in an error is short and escaped: no terminal escape from
/// the input reaches the output, and an absurd key gets no "did you mean".
#[test]
fn errors_quote_a_short_escaped_excerpt_of_the_input() {
    let key = format!("\u{1b}[2J{}", "k".repeat(100_000));
    let line = serde_json::json!({ key: "yes" }).to_string();
    let ran = Test::new()
        .args(["batch"])
        .stdin(format!("{line}\n"))
        .status(2);
    let out = ran.stdout();
    assert!(out.len() < 400, "{} bytes", out.len());
    let error: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    let error = error["error"].as_str().expect("an error");
    assert!(
        error.starts_with("unknown question '\\u{1b}[2Jkkk"),
        "{error}"
    );
    assert!(error.contains("(100004 bytes in all)"), "{error}");
    assert!(!error.contains('\u{1b}'));
}

#[test]
fn a_folder_as_batch_input_is_bad_input() {
    Test::new()
        .args(["batch", "rules"])
        .status(2)
        .stderr_has("cannot read the batch input 'rules': it is a folder, not a file");
}

/// The result file is owner-only whatever the umask (a umask of 277 once
/// left it read-only), and a target name close to the file-name limit
/// still gets its temporary file.
#[test]
fn output_is_0600_under_any_umask_and_takes_a_long_name() {
    let dir = std::env::temp_dir().join(format!("lactriage-umask-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a folder");
    let target = dir.join("result.txt");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 277; '{}' --set sepsis_signs=yes --output '{}'",
            crate::harness::bin(),
            target.display()
        ))
        .status()
        .expect("sh runs");
    assert!(status.success());
    assert_eq!(mode(&target), 0o600);
    let long = dir.join(format!("{}.txt", "r".repeat(250)));
    Test::new()
        .args(["--set", "sepsis_signs=yes", "--output"])
        .arg_path(&long)
        .status(0);
    assert!(long.exists());
    let left: Vec<_> = fs::read_dir(&dir)
        .expect("readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty());
}

/// A closed standard output is an error: exit 1 and a message, not exit 0
/// with the result lost.
#[test]
fn a_closed_standard_output_is_an_error() {
    let mut command = std::process::Command::new("sh");
    crate::harness::english(&mut command);
    let output = command
        .arg("-c")
        .arg(format!(
            "'{}' --set sepsis_signs=yes >&-",
            crate::harness::bin()
        ))
        .output()
        .expect("sh runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("cannot write the result: standard output is closed"));
}
