//! Answers typed as people type them: plain mode through a pipe, durations
//! in days and weeks, a saved result read back, and what a Rust command-line
//! user expects besides (completions, a man page, described arguments).

use crate::harness::{project_file, Test, BASELINE};

/// Every answer of a self-care walk, one a line, as `--plain` numbers them.
const SELF_CARE_LINES: &str = "2\n2\n2\n1\n1\n1\n1\n36.9\n2\n2\n2\n2\n1\n2\n2\n";

#[test]
fn piped_answers_are_read_one_a_line_in_plain_mode() {
    let ran = Test::new()
        .args(["--color", "never"])
        .stdin(SELF_CARE_LINES)
        .status(0)
        .stdout_has("Self-care at home")
        .stdout_has("- Temperature: 36.9 °C")
        .stdout_has("- Hours since it started: Less than 1 day");
    let stderr = ran.stderr();
    // The transcript reads as a dialogue: each question, then its answer.
    assert!(
        stderr.contains("Sepsis warning signs (Type 1 to 3): 2"),
        "{stderr}"
    );
    assert!(stderr.contains("1 Yes\n2 No\n3 Not sure\n"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "escape codes:\n{stderr:?}");
}

#[test]
fn back_and_letters_work_through_a_pipe() {
    // "No" to sepsis, then back, then "u" (not sure): an emergency.
    Test::new()
        .args(["--plain", "--format", "json"])
        .stdin("n\nback\nu\n")
        .status(0)
        .json()
        .get("answers")
        .map(|a| assert_eq!(a["sepsis_signs"], "unsure"))
        .expect("answers in the result");
}

#[test]
fn a_choice_that_is_not_on_the_menu_is_asked_again() {
    let ran = Test::new()
        .args(["--plain"])
        .stdin("7\ns\nyes\n")
        .status(0)
        .stdout_has("EMERGENCY");
    assert!(
        ran.stderr()
            .contains("Please type a number from 1 to 3: \"7\" is not one of them."),
        "{}",
        ran.stderr()
    );
}

/// Input that ends before the questions do: the list of what is missing,
/// status 2. With no input at all, not even a question is printed.
#[test]
fn piped_answers_that_run_out_list_what_is_missing() {
    Test::new()
        .stdin("2\n2\n")
        .status(2)
        .stderr_has("missing")
        .stderr_has("abscess_signs")
        .stdout_empty();
    let ran = Test::new().stdin("").status(2).stdout_empty();
    assert!(
        !ran.stderr().contains("Do you have any of these"),
        "{}",
        ran.stderr()
    );
}

#[test]
fn durations_are_read_in_hours_days_and_weeks() {
    for (typed, hours) in [
        ("36", 36),
        ("36 h", 36),
        ("36hours", 36),
        ("2 days", 48),
        ("3d", 72),
        ("1 week", 168),
        ("2w", 336),
    ] {
        let result = Test::new()
            .baseline_with(&[("duration_hours", typed)])
            .args(["--format", "json"])
            .status(0)
            .json();
        assert_eq!(result["answers"]["duration_hours"], hours, "{typed}");
    }
    // Three days on antibiotics is past 48 hours: the 48-to-168-hour branch.
    let result = Test::new()
        .baseline_with(&[("antibiotics_hours", "3 days"), ("trend", "better")])
        .args(["--format", "json"])
        .status(0)
        .json();
    assert_eq!(result["answers"]["antibiotics_hours"], 72);
    assert_eq!(result["condition"], "on_antibiotics");
    Test::new()
        .baseline_with(&[("duration_hours", "2 fortnights")])
        .status(2)
        .stderr_has("duration_hours")
        .stderr_has("hours");
}

/// The day ranges offered for antibiotics give the result of any number of
/// hours inside them: "less than 2 days" is never "not taking antibiotics".
#[test]
fn antibiotics_day_ranges_take_the_branch_of_the_hours_inside_them() {
    for (range, inside) in [(">0-48", "1"), ("48-168", "100"), ("168+", "200")] {
        let by_range = Test::new()
            .baseline_with(&[("antibiotics_hours", range), ("trend", "same")])
            .args(["--format", "json"])
            .status(0)
            .json();
        let by_hours = Test::new()
            .baseline_with(&[("antibiotics_hours", inside), ("trend", "same")])
            .args(["--format", "json"])
            .status(0)
            .json();
        assert_eq!(by_range["condition"], "on_antibiotics", "{range}");
        assert_eq!(by_range["urgency"], by_hours["urgency"], "{range}");
        assert_eq!(by_range["outcome"], by_hours["outcome"], "{range}");
    }
}

/// A result saved as JSON is read back with --answers: the same answers,
/// the same result.
#[test]
fn a_saved_json_result_can_be_fed_back_as_answers() {
    let dir = std::env::temp_dir().join(format!("lactriage-plain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let saved = dir.join("result.json");
    let _ = std::fs::remove_file(&saved);
    let first = Test::new()
        .baseline_with(&[("temperature", "101.2F"), ("duration_hours", "2 days")])
        .args(["--audience", "consultant", "--set", "allergies=penicillin"])
        .args(["--format", "json", "--output"])
        .arg_path(&saved)
        .status(0)
        .stdout_empty();
    drop(first);
    let again = Test::new()
        .args(["--audience", "consultant", "--format", "json", "--answers"])
        .arg_path(&saved)
        .status(0)
        .json();
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("saved")).expect("JSON");
    assert_eq!(again["answers"], original["answers"]);
    assert_eq!(again["urgency"], original["urgency"]);
    assert_eq!(again["outcome"], original["outcome"]);
    assert_eq!(again["answers"]["allergies"], "penicillin");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn completions_are_printed_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef lactriage"),
        ("fish", "complete -c lactriage"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let ran = Test::new().args(["completions", shell]).status(0);
        let script = ran.stdout();
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        // The subcommands and flags a person completes.
        for word in ["assess", "batch", "plain", "audience"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    Test::new()
        .args(["completions", "tcsh"])
        .status(2)
        .stderr_has("possible values: bash");
}

#[test]
fn the_man_page_documents_the_command() {
    let ran = Test::new().args(["man"]).status(0);
    let page = ran.stdout();
    assert!(
        page.starts_with(".ie") || page.contains(".TH lactriage"),
        "{page}"
    );
    for text in [
        "lactriage",
        "\\-\\-plain",
        "\\-\\-audience",
        "not a diagnosis",
    ] {
        assert!(page.contains(text), "the man page lacks {text:?}");
    }
}

/// `--help` describes every argument of every subcommand.
#[test]
fn every_argument_has_a_description() {
    use clap::CommandFactory;
    fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if arg.is_hide_set() || id == "help" || id == "version" {
                continue;
            }
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                missing.push(format!("{path} {id}"));
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&lactriage::cli::Cli::command(), "lactriage", &mut missing);
    assert!(missing.is_empty(), "arguments without help: {missing:?}");
}

#[test]
fn questions_can_be_listed_as_markdown() {
    let ran = Test::new()
        .args(["questions", "--format", "markdown"])
        .status(0)
        .stdout_has("# Questions of mastitis-spectrum")
        .stdout_has("| id | label | accepts | asked |")
        .stdout_has("- `streaks`: Red streaks");
    for (id, _) in BASELINE {
        assert!(
            ran.stdout().contains(&format!("| `{id}` |")),
            "{id} is not in the table"
        );
    }
}

#[test]
fn the_licences_named_in_cargo_toml_are_shipped() {
    let manifest = std::fs::read_to_string(project_file("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    let mit = std::fs::read_to_string(project_file("LICENSE-MIT")).expect("LICENSE-MIT");
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = std::fs::read_to_string(project_file("LICENSE-APACHE")).expect("LICENSE-APACHE");
    assert!(apache.contains("Apache License"));
    assert!(apache.contains("Version 2.0, January 2004"));
}

/// The messages a person gets after a typed answer that does not fit speak
/// of keys and units they can use, start with a capital letter, and never
/// name the ids a script writes.
#[test]
fn retry_messages_speak_to_the_person_typing() {
    // 385 is 38.5 without its point: said so, not read as °F.
    let ran = Test::new()
        .args(["--plain"])
        .stdin("2\n2\n2\n1\n1\n2\n1\n385\n")
        .status(2);
    ran.stderr_says(
        "385 is neither a reading in °C (30-45) nor in °F (86-113); if you meant 38.5, type the decimal point",
    );
    // A duration that does not parse: days and weeks are offered.
    let ran = Test::new()
        .args(["--plain"])
        .stdin("2\n2\n2\n5\nsoon\n")
        .status(2);
    ran.stderr_says(
        "Please type a number from 0 to 87600 (hours), or days or weeks, such as 2 days or 1 week",
    );
    // A consultant's vital typed as a pair: Enter, not an id, when not measured.
    let ran = Test::new()
        .args(["--plain", "--audience", "consultant"])
        .stdin("2\n120/80\n")
        .status(2)
        .stderr_says(
        "Please type a whole number from 25 to 250 (beats per minute), or press Enter if not measured",
    );
    assert!(!ran.stderr().contains("not_measured"), "{}", ran.stderr());
}

/// A consultant is not told about a thermometer at home.
#[test]
fn the_temperature_hint_speaks_to_the_audience() {
    let parent = Test::new()
        .args(["--plain"])
        .stdin("2\n2\n2\n1\n1\n2\n1\nx\n")
        .status(2);
    parent.stderr_says("press Enter if you have no thermometer");
    let consultant = Test::new()
        .args(["--plain", "--audience", "consultant"])
        .stdin("2\n\n\n\n2\n2\n1\n1\n2\n1\nx\n")
        .status(2)
        .stderr_says("Type it as 38.4 or 101.2F, or press Enter if not measured.");
    assert!(
        !consultant.stderr().contains("thermometer."),
        "{}",
        consultant.stderr()
    );
}

/// `back` at the review asks the last question again, with the answer
/// given before shown.
#[test]
fn back_at_the_review_asks_the_last_question_again() {
    let mut lines = SELF_CARE_LINES.to_string();
    lines.push_str("back\n1\n\n");
    let ran = Test::new()
        .args(["--plain", "--format", "json"])
        .stdin(&lines)
        .status(0);
    let stderr = ran.stderr();
    let asked = stderr.matches("Same spot three or more times (").count();
    assert_eq!(asked, 2, "{stderr}");
    assert!(stderr.contains("Your answer before: No"), "{stderr}");
    assert_eq!(ran.json()["answers"]["recurrent"], "yes");
}
