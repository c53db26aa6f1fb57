//! Every bad input: exit status 2, one message naming what was wrong and
//! what is accepted, and never a partial result on standard output.

use std::fs;

use crate::harness::{project_file, Test};

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lactriage-tests-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(name);
    fs::write(&path, contents).expect("written");
    path
}

fn refused(args: &[&str], message: &str) {
    Test::new()
        .args(args)
        .status(2)
        .stdout_empty()
        .stderr_has(message);
}

#[test]
fn malformed_json_answers_name_the_line_and_column() {
    let path = temp_file(
        "broken.json",
        b"{\n  \"lump\": \"yes\",\n  \"redness\" none\n}",
    );
    let p = path.to_string_lossy();
    refused(
        &["assess", "--answers", &p],
        &format!("{p}:3:13: not valid JSON"),
    );
}

#[test]
fn malformed_toml_answers_name_the_line_and_column() {
    let path = temp_file("broken.toml", b"lump = \"yes\"\nredness = \n");
    let p = path.to_string_lossy();
    refused(&["assess", "--answers", &p], &format!("{p}:2:"));
    refused(&["assess", "--answers", &p], "not valid TOML");
}

#[test]
fn answers_must_be_an_object() {
    Test::new()
        .args(["assess", "--answers", "-"])
        .stdin("[\"yes\"]")
        .status(2)
        .stdout_empty()
        .stderr_has("answers must be an object of question id to answer");
}

#[test]
fn an_unknown_question_id_suggests_the_closest() {
    refused(
        &["assess", "--set", "feels_fevrish=yes"],
        "unknown question 'feels_fevrish' (did you mean 'feels_feverish'?)",
    );
    refused(
        &["assess", "--set", "temprature=38"],
        "(did you mean 'temperature'?)",
    );
    let path = temp_file("unknown.json", br#"{"lumpp": "yes"}"#);
    refused(
        &["assess", "--answers", &path.to_string_lossy()],
        "unknown question 'lumpp' (did you mean 'lump'?)",
    );
}

#[test]
fn a_non_number_where_a_number_belongs() {
    refused(
        &["assess", "--set", "duration_hours=two days"],
        "question 'duration_hours': 'two days' is not accepted; accepted: a number from 0 to 87600 (hours)",
    );
    let path = temp_file("bool.json", br#"{"antibiotics_hours": true}"#);
    refused(
        &["assess", "--answers", &path.to_string_lossy()],
        "question 'antibiotics_hours': 'true' is not accepted",
    );
}

#[test]
fn negative_hours_are_refused() {
    refused(
        &["assess", "--set", "duration_hours=-3"],
        "question 'duration_hours': -3 cannot be right, the accepted values are 0 to 87600 hours; check the reading and the unit",
    );
    refused(
        &["assess", "--set", "antibiotics_hours=-0.5"],
        "question 'antibiotics_hours'",
    );
}

/// A consultant's typo (a heart rate of 1300, breaths per hour, a
/// diastolic reading) is refused, not triaged: hazard H11.
#[test]
fn implausible_vitals_are_refused_as_readings_to_check() {
    for (arg, range) in [
        ("heart_rate=24", "25 to 250 beats per minute"),
        ("heart_rate=1300", "25 to 250 beats per minute"),
        ("resp_rate=3", "4 to 80 breaths per minute"),
        ("resp_rate=81", "4 to 80 breaths per minute"),
        ("systolic_bp=49", "50 to 280 mmHg"),
        ("systolic_bp=281", "50 to 280 mmHg"),
    ] {
        let (id, value) = arg.split_once('=').expect("id=value");
        refused(
            &["assess", "--audience", "consultant", "--set", arg],
            &format!(
                "question '{id}': {value} cannot be right, the accepted values are {range}; check the reading and the unit"
            ),
        );
    }
    // The limits themselves are readings a living adult can show.
    for arg in [
        "heart_rate=25",
        "heart_rate=250",
        "resp_rate=4",
        "resp_rate=80",
    ] {
        Test::new()
            .args(["assess", "--set", "sepsis_signs=no", "--set", arg])
            .args(["--set", "systolic_bp=50"])
            .status(0)
            .stdout_has("EMERGENCY");
    }
}

#[test]
fn implausible_or_ambiguous_temperatures_ask_to_check_the_thermometer() {
    for (value, reason) in [
        (
            "50",
            "50 is neither a reading in °C (30-45) nor in °F (86-113)",
        ),
        ("85", "85 is neither a reading in °C"),
        ("46C", "46 °C is outside 30-45 °C"),
        ("29.9", "29.9 °C is outside 30-45 °C"),
        ("113.5F", "113.5 °F is outside 86-113 °F"),
        ("hot", "not a number"),
    ] {
        refused(
            &["assess", "--set", &format!("temperature={value}")],
            reason,
        );
        refused(
            &["assess", "--set", &format!("temperature={value}")],
            "check the thermometer and the unit",
        );
    }
    let path = temp_file("temp.json", br#"{"temperature": 60}"#);
    refused(
        &["assess", "--answers", &path.to_string_lossy()],
        "60 is neither a reading",
    );
}

#[test]
fn a_choice_not_offered_lists_the_choices() {
    refused(
        &["assess", "--set", "redness=huge"],
        "question 'redness': 'huge' is not accepted; accepted: none, small, spreading",
    );
    refused(
        &["assess", "--set", "trend=improving"],
        "accepted: better, same, worse",
    );
}

#[test]
fn unsure_is_refused_where_the_question_has_no_unsure() {
    refused(
        &["assess", "--set", "lactating=unsure"],
        "accepted: yes or no",
    );
}

#[test]
fn not_measured_only_where_a_measurement_is_optional() {
    refused(
        &["assess", "--set", "duration_hours=not_measured"],
        "question 'duration_hours'",
    );
}

#[test]
fn a_missing_answers_file() {
    refused(
        &["assess", "--answers", "no/such/answers.json"],
        "cannot read the answers file 'no/such/answers.json': no such file",
    );
}

#[test]
fn a_missing_rules_file() {
    refused(
        &["assess", "--rules", "no/such/rules.toml"],
        "cannot read the rules file 'no/such/rules.toml': no such file",
    );
    refused(
        &["questions", "--rules", "no/such/rules.toml"],
        "no such file",
    );
}

#[test]
fn a_broken_rules_file_names_the_file_line_and_column() {
    let text = fs::read_to_string(project_file("examples/custom-rules.toml")).expect("readable");
    let broken = text.replace("no = \"nothing_found\"", "no = \"nothing_foundd\"");
    let path = temp_file("broken-rules.toml", broken.as_bytes());
    let p = path.to_string_lossy();
    let line = broken
        .lines()
        .position(|l| l.contains("nothing_foundd"))
        .expect("present")
        + 1;
    refused(
        &["assess", "--rules", &p, "--set", "sepsis_signs=no"],
        &format!("{p}:{line}:6: branch points to 'nothing_foundd', which is neither a step nor an outcome; did you mean 'nothing_found'?"),
    );
}

#[test]
fn set_without_equals() {
    refused(
        &["assess", "--set", "lump"],
        "--set 'lump' has no '=': write it as ID=VALUE",
    );
}

#[test]
fn binary_garbage_is_refused_not_panicked_on() {
    let garbage: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let path = temp_file("garbage.json", &garbage);
    // The first bad byte is byte 129 of line 11 (bytes 0-127 are ASCII,
    // with newlines at 10): named by line and column.
    refused(
        &["assess", "--answers", &path.to_string_lossy()],
        "garbage.json:2:118: the answers file is not UTF-8 text",
    );
    Test::new()
        .args(["assess", "--answers", "-"])
        .stdin(&garbage)
        .status(2)
        .stdout_empty()
        .stderr_has("cannot read the answers from 'standard input'");
    let path = temp_file("garbage.toml", &garbage);
    refused(
        &["assess", "--rules", &path.to_string_lossy()],
        "not UTF-8 text",
    );
    let text_garbage = "\u{0}\u{1}{{{{]]]]\"\"\"";
    let path = temp_file("garbage2.json", text_garbage.as_bytes());
    refused(
        &["assess", "--answers", &path.to_string_lossy()],
        "not valid JSON",
    );
}

#[test]
fn missing_answers_without_a_terminal_list_what_is_needed() {
    Test::new()
        .args(["assess", "--set", "sepsis_signs=no", "--set", "skin_emergency=no", "--set", "abscess_signs=no"])
        .status(2)
        .stdout_empty()
        .stderr_has("'antibiotics_hours' is needed, and depending on the answers, possibly: lump, lump_features, both_breasts, redness, lactating, temperature, feels_feverish, recent_fever");
    // Only what the tree can still ask: on antibiotics, lump is never needed.
    let ran = Test::new()
        .args([
            "--set",
            "sepsis_signs=no",
            "--set",
            "skin_emergency=no",
            "--set",
            "abscess_signs=no",
            "--set",
            "antibiotics_hours=5",
        ])
        .status(2);
    let stderr = ran.stderr();
    assert!(stderr.contains("'trend' is needed"), "{stderr}");
    assert!(!stderr.contains("lump"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    Test::new()
        .args(["assess", "--format", "yaml"])
        .status(2)
        .stderr_has("invalid value 'yaml'");
    Test::new()
        .args(["--no-such-flag"])
        .status(2)
        .stdout_empty();
    Test::new().args(["frobnicate"]).status(2).stdout_empty();
}

/// Hours beyond ten years are a typo, not a duration (1e308 hours was once
/// triaged as a persistent lump).
#[test]
fn absurd_durations_are_refused() {
    for (id, value) in [
        ("duration_hours", "1e308"),
        ("duration_hours", "87601"),
        ("antibiotics_hours", "1e9"),
    ] {
        refused(
            &["assess", "--set", &format!("{id}={value}")],
            &format!("question '{id}': "),
        );
        refused(
            &["assess", "--set", &format!("{id}={value}")],
            "from 0 to 87600 (hours)",
        );
    }
}

/// An answers file that starts with a byte-order mark is read, in JSON as
/// in TOML; so is the first batch line.
#[test]
fn a_byte_order_mark_is_accepted() {
    let path = temp_file("bom.json", "\u{feff}{\"sepsis_signs\": \"yes\"}".as_bytes());
    Test::new()
        .args(["assess", "--format", "json", "--answers"])
        .arg_path(&path)
        .status(0)
        .stdout_has("\"urgency\": \"emergency\"");
    Test::new()
        .args(["assess", "--format", "json", "--answers", "-"])
        .stdin("\u{feff}{\"sepsis_signs\": \"yes\"}")
        .status(0)
        .stdout_has("\"urgency\": \"emergency\"");
    Test::new()
        .args(["batch"])
        .stdin("\u{feff}{\"sepsis_signs\": \"yes\"}\n")
        .status(0)
        .stdout_has("\"urgency\":\"emergency\"");
}

/// A rules file that is not UTF-8 is refused with the line and column of
/// its first bad byte.
#[test]
fn a_rules_file_that_is_not_utf8_names_the_first_bad_byte() {
    let mut bytes = b"[rules]\nname = \"x\"\ntitle = \"caf".to_vec();
    bytes.extend([0xe9, b'"', b'\n']);
    let path = temp_file("latin1.toml", &bytes);
    refused(
        &["rules", "check", &path.to_string_lossy()],
        "latin1.toml:3:13: the rules file is not UTF-8 text",
    );
}

/// Case files: an error names the line and the field, never "0:0" or "no
/// variant matched".
#[test]
fn case_file_errors_point_at_the_case() {
    let path = temp_file(
        "cases.json",
        b"[\n  {\"name\": \"a\", \"answers\": {}, \"expect\": {\"urgency\": \"today\"}},\n  {\"name\": \"b\", \"answers\": {}, \"expect\": {\"urgncy\": \"today\"}}\n]\n",
    );
    refused(
        &["rules", "test", "--cases", &path.to_string_lossy()],
        "cases.json:3:",
    );
    refused(
        &["rules", "test", "--cases", &path.to_string_lossy()],
        "unknown field `urgncy`",
    );
    let path = temp_file(
        "cases.toml",
        b"[[case]]\nname = \"first\"\nanswers = {}\nexpect = { urgency = \"today\" }\n\n[[case]]\nname = \"second\"\nanswers = {}\nexpect = {}\n",
    );
    refused(
        &["rules", "test", "--cases", &path.to_string_lossy()],
        "cases.toml:7:8: case 'second' expects nothing",
    );
}
