//! What a user reads: the result in each format, colour, audiences, and the
//! ways of giving answers.

use crate::harness::{Test, BASELINE};

fn fever_case() -> Test {
    Test::new().baseline_with(&[
        ("temperature", "101.8F"),
        ("redness", "spreading"),
        ("duration_hours", "30"),
    ])
}

#[test]
fn json_carries_the_result_the_path_and_its_provenance() {
    let ran = fever_case().args(["--format", "json"]).status(0);
    assert!(ran.stderr().is_empty(), "{}", ran.stderr());
    let r = ran.json();
    assert_eq!(r["urgency"], "today");
    assert_eq!(r["condition"], "bacterial_mastitis_likely");
    for key in [
        "title",
        "summary",
        "why",
        "contact",
        "disclaimer",
        "urgency_label",
    ] {
        assert!(r[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    for key in ["advice", "avoid", "watch_for", "sources"] {
        assert!(r[key].as_array().is_some_and(|a| !a.is_empty()), "{key}");
    }
    assert_eq!(r["rules"]["name"], "mastitis-spectrum");
    assert_eq!(r["rules"]["version"], "2.3.0");
    assert!(r["disclaimer"]
        .as_str()
        .is_some_and(|d| d.contains("not a diagnosis")));
    let path = r["path"].as_array().expect("a path");
    let temperature = path
        .iter()
        .find(|s| s["question"] == "temperature")
        .expect("temperature was asked");
    assert_eq!(temperature["answer"], "101.8F");
    assert_eq!(temperature["description"], "101.8 °F (38.8 °C)");
    assert_eq!(temperature["branch"], "at least 38 °C");
    // Every answer given is recorded, including those the tree did not need.
    assert_eq!(
        r["answers"].as_object().map(|a| a.len()),
        Some(BASELINE.len())
    );
    assert_eq!(r["answers"]["duration_hours"], 30);
}

#[test]
fn text_states_the_urgency_in_words_and_the_disclaimer() {
    fever_case()
        .status(0)
        .stdout_has("Contact a provider TODAY")
        .stdout_has("Most likely: Mastitis, probably with infection")
        .stdout_has("Temperature: 101.8 °F (38.8 °C)")
        .stdout_has("What to avoid")
        .stdout_has("Heat packs and very hot showers")
        .stdout_has("This is a triage aid, not a diagnosis")
        .stdout_has("Sources")
        .stdout_has("Rules: mastitis-spectrum 2.3.0");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let piped = fever_case().status(0).stdout();
    assert!(!piped.contains('\u{1b}'), "piped output has escape codes");
    let never = fever_case().args(["--color", "never"]).status(0).stdout();
    assert!(!never.contains('\u{1b}'));
    let always = fever_case().args(["--color", "always"]).status(0).stdout();
    assert!(always.contains("\u{1b}["), "--color always colours");
    assert!(
        always.contains("Contact a provider TODAY"),
        "the words stay with the colour"
    );
    let no_color = fever_case().env("NO_COLOR", "1").status(0).stdout();
    assert!(!no_color.contains('\u{1b}'));
}

#[test]
fn markdown_is_a_note_with_the_answers_table() {
    let md = fever_case()
        .args(["--format", "markdown"])
        .status(0)
        .stdout();
    assert!(md.starts_with("# Contact a provider TODAY\n"), "{md}");
    assert!(md.contains("**Urgency:** `today`."));
    assert!(md.contains("| Question | Answer |\n|---|---|\n"));
    assert!(md.contains("| Temperature | 101.8 °F (38.8 °C) |"));
    assert!(md.contains("## What to avoid"));
    assert!(md.contains("not a diagnosis"));
}

#[test]
fn consultant_audience_uses_clinical_wording_and_shows_vitals() {
    let ran = fever_case()
        .args([
            "--audience",
            "consultant",
            "--set",
            "heart_rate=118",
            "--format",
            "markdown",
        ])
        .status(0);
    let md = ran.stdout();
    assert!(
        md.starts_with("# Lactation triage: Findings consistent with bacterial mastitis\n"),
        "{md}"
    );
    assert!(md.contains("| Heart rate | 118 beats per minute |"));
    assert!(md.contains("| Breathing rate | not measured |"));
    // A parent is not shown vitals nobody measured.
    let text = fever_case().status(0).stdout();
    assert!(!text.contains("Breathing rate"));
}

#[test]
fn answers_from_standard_input_and_toml_and_set_wins() {
    let json = r#"{"sepsis_signs": "no", "skin_emergency": "yes"}"#;
    let r = Test::new()
        .args(["--answers", "-", "--format", "json"])
        .stdin(json)
        .status(0)
        .json();
    assert_eq!(r["condition"], "severe_skin_infection");
    let r = Test::new()
        .args([
            "--answers",
            "-",
            "--set",
            "skin_emergency=no",
            "--set",
            "abscess_signs=yes",
            "--format",
            "json",
        ])
        .stdin(json)
        .status(0)
        .json();
    assert_eq!(r["condition"], "abscess_suspected");
    let r = Test::new()
        .args([
            "assess",
            "--answers",
            "examples/mastitis-fever.toml",
            "--format",
            "json",
        ])
        .status(0)
        .json();
    assert_eq!(r["answers"]["temperature"], "101.8F");
}

#[test]
fn answers_the_tree_never_reaches_are_accepted_and_ignored() {
    let r = Test::new()
        .args([
            "--set",
            "sepsis_signs=yes",
            "--set",
            "lump=no",
            "--set",
            "recurrent=yes",
            "--format",
            "json",
        ])
        .status(0)
        .json();
    assert_eq!(r["urgency"], "emergency");
    assert_eq!(r["path"].as_array().map(Vec::len), Some(1));
}

#[test]
fn yes_no_answers_accept_json_booleans() {
    let r = Test::new()
        .args(["--answers", "-", "--format", "json"])
        .stdin(r#"{"sepsis_signs": false, "skin_emergency": true}"#)
        .status(0)
        .json();
    assert_eq!(r["urgency"], "emergency");
}

#[test]
fn bare_lactriage_assesses() {
    Test::new()
        .args(["--set", "sepsis_signs=yes"])
        .status(0)
        .stdout_has("EMERGENCY");
}

#[test]
fn questions_lists_ids_and_accepted_values() {
    let text = Test::new().args(["questions"]).status(0).stdout();
    assert!(text.contains("temperature  (Temperature)"));
    assert!(text.contains("accepts: none | small | spreading"));
    assert!(text.contains("asked of consultants only"));
    let list = Test::new()
        .args(["questions", "--format", "json"])
        .status(0)
        .json();
    let ids: Vec<&str> = list
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|q| q["id"].as_str())
        .collect();
    for id in [
        "sepsis_signs",
        "skin_emergency",
        "lactating",
        "lump",
        "redness",
        "temperature",
        "feels_feverish",
        "flu_like",
        "duration_hours",
        "trend",
        "abscess_signs",
        "antibiotics_hours",
        "risk_factors",
        "nipple_damage",
        "recurrent",
        "heart_rate",
        "resp_rate",
        "systolic_bp",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    Test::new()
        .args(["--help"])
        .status(0)
        .stdout_has("assess")
        .stdout_has("Exit status: 0");
    Test::new()
        .args(["--version"])
        .status(0)
        .stdout_has(env!("CARGO_PKG_VERSION"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(crate::harness::bin())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["--set", "sepsis_signs=yes"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The binary starts the process itself: closed standard descriptors are
/// opened on /dev/null first, so the file it writes cannot take their
/// place, and a usage error still ends with status 2 when no one hears it.
#[test]
fn closed_standard_input_and_error_change_nothing() {
    let dir = std::env::temp_dir().join(format!("lactriage-closed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("result.json");
    let run = |script: String| {
        let mut command = std::process::Command::new("sh");
        crate::harness::english(&mut command);
        command.arg("-c").arg(script).output().expect("sh runs")
    };
    let out = run(format!(
        "'{}' --set sepsis_signs=yes --format json --output '{}' <&- 2>&-",
        crate::harness::bin(),
        file.display()
    ));
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&file).expect("the result file");
    let result: serde_json::Value = serde_json::from_str(&written).expect("only the result");
    assert_eq!(result["urgency"], "emergency");
    let out = run(format!(
        "'{}' --no-such-flag <&- 2>&-",
        crate::harness::bin()
    ));
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_consultant_record_has_the_intake_and_the_contributors_with_sources() {
    let md = Test::new()
        .args([
            "--answers",
            "examples/consultant-intake.json",
            "--audience",
            "consultant",
            "--format",
            "markdown",
        ])
        .status(0)
        .stdout();
    assert!(
        md.starts_with("# Lactation triage: Findings consistent with bacterial mastitis\n"),
        "{md}"
    );
    assert!(md.contains("| Urgency | `today`: Refer to primary care or obstetrics today"));
    assert!(md.contains("## Intake\n\n| Item | Answer |\n|---|---|\n| Baby's age (weeks) | 6 weeks |\n| Feeding | Direct breastfeeding only |"), "{md}");
    assert!(md.contains("| Allergies | penicillin (rash) |"));
    assert!(md.contains("## For the consultant\n\n- Pumping on top of full feeds at the breast suggests oversupply"), "{md}");
    assert!(md.contains("- Deep massage or vibration injures breast tissue"));
    assert!(
        md.contains("(Sources: Johnson HM, Mitchell KB. Lactational phlegmon. Breast J. 2020.)")
            || md.contains("Lactational phlegmon")
    );
    assert!(!md.contains("Nipple shield use"), "no shield, no note");
    assert!(md.contains("| Time | 20"), "the record is dated");

    let json = Test::new()
        .args([
            "--answers",
            "examples/consultant-intake.json",
            "--format",
            "json",
        ])
        .status(0)
        .json();
    assert_eq!(json["for_consultant"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["answers"]["medicines"], "ibuprofen 400 mg as needed");

    // Intake never changes the result, and a parent is not shown the notes.
    let text = Test::new()
        .args(["--answers", "examples/consultant-intake.json"])
        .status(0)
        .stdout();
    assert!(!text.contains("For the consultant"));
    let without: serde_json::Value = Test::new()
        .args(["--format", "json"])
        .baseline_with(&[])
        .status(0)
        .json();
    let with_intake = Test::new()
        .args([
            "--format",
            "json",
            "--set",
            "deep_massage=yes",
            "--set",
            "note=seen at home",
        ])
        .baseline_with(&[])
        .status(0)
        .json();
    assert_eq!(without["urgency"], with_intake["urgency"]);
    assert_eq!(without["condition"], with_intake["condition"]);
}

#[test]
fn questions_lists_the_intake_questions_as_such() {
    let text = Test::new().args(["questions"]).status(0).stdout();
    assert!(text.contains("feeding  (Feeding)\n    accepts: breast | pumped | both | formula_too\n    intake: asked of consultants for the record; never changes the result"), "{text}");
    assert!(text.contains("accepts: free text"));
}

/// Control characters typed into a free-text intake answer (ESC, CR, NUL)
/// never reach a screen or a Markdown table as such: they are escaped.
#[test]
fn control_characters_in_free_text_are_escaped_in_text_and_markdown() {
    let note = r#"{"note": "ok\u001b[2J\r\u0000done"}"#;
    // Markdown escapes the backslashes and brackets again, so that the
    // escapes render as written.
    for (format, shown) in [
        ("text", r"ok\u{1b}[2J\r\u{0}done"),
        ("markdown", r"ok\\u{1b}\[2J\\r\\u{0}done"),
    ] {
        let ran = Test::new()
            .args(["assess", "--audience", "consultant", "--format", format])
            .args(["--answers", "-"])
            .baseline_with(&[])
            .stdin(note)
            .status(0);
        let out = ran.stdout();
        assert!(
            !out.contains('\u{1b}') && !out.contains('\r') && !out.contains('\u{0}'),
            "{format}: {out:?}"
        );
        assert!(out.contains(shown), "{format}: {out}");
    }
}
