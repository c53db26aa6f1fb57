//! `lactriage rules check | graph | test | diff` on good and broken files.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::harness::Test;

pub(crate) fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lactriage-rules-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(name);
    fs::write(&path, contents).expect("written");
    path
}

/// The default rules with one edit: `from` must occur exactly once.
fn edited_default(name: &str, from: &str, to: &str) -> PathBuf {
    let text = lactriage::rules::BUILTIN_RULES;
    assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once");
    temp_file(name, &text.replacen(from, to, 1))
}

/// Treats fever at the local step as 38.5 °C: unsafe, the spec says 38.0.
fn unsafe_fever_rules() -> PathBuf {
    edited_default(
        "unsafe-fever.toml",
        "  { at_least = 36.0, below = 38.0, next = \"local_lump_recent_fever\", source = [\"nice_ng255\", \"cdc_hear_her\"] },\n  { at_least = 38.0, next = \"mastitis_duration\", source = \"cdc_hear_her\" },",
        "  { at_least = 36.0, below = 38.5, next = \"local_lump_recent_fever\", source = [\"nice_ng255\", \"cdc_hear_her\"] },\n  { at_least = 38.5, next = \"mastitis_duration\", source = \"cdc_hear_her\" },",
    )
}

#[test]
fn check_proves_the_default_rules_and_says_what_it_checked() {
    let out = Test::new().args(["rules", "check"]).status(0).stdout();
    for text in [
        "Checked mastitis-spectrum 2.3.0:",
        "answer classes: ",
        "combinations: ",
        "paths through the tree",
        "properties:     37 (37 hold)",
        "time: ",
        "cases:          170 passed, 0 failed (rules/mastitis-spectrum.cases.toml (built in))",
        "hazards:        13 of 13 controlled",
        "H1 Sepsis missed or sent to self-care: controlled\n",
        "H8 An answer given by reflex (a default choice, Enter pressed twice): controlled outside the rules, by tests/pty.rs: enter_alone_answers_nothing (run by cargo test)",
        "thresholds:     72, each citing a source",
        "OK: every path ends in an outcome, no question is asked twice, every outcome is reachable, all 37 properties hold, every case passes, every hazard is controlled, and every translation is complete.",
    ] {
        assert!(out.contains(text), "{text:?} missing from:\n{out}");
    }
    Test::new()
        .args(["rules", "check", "examples/custom-rules.toml"])
        .status(0);
}

#[test]
fn check_rejects_unsafe_rules_with_a_counterexample_that_reproduces() {
    let path = unsafe_fever_rules();
    let ran = Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(1);
    let out = ran.stdout();
    assert!(
        out.contains("FAILED: property 'A fever means today, unless under 48 hours of antibiotics and getting better' fails"),
        "{out}"
    );
    // The first reproduce line, run as it is printed, gives a result below today.
    let line = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("reproduce: lactriage "))
        .expect("a reproduce line");
    let args: Vec<&str> = line.split_whitespace().collect();
    let result = Test::new()
        .args(&args)
        .args(["--format", "json"])
        .status(0)
        .json();
    let urgency = result["urgency"].as_str().expect("an urgency");
    assert!(
        ["self_care", "within_days", "within_24h"].contains(&urgency),
        "{urgency}"
    );
    assert!(result["answers"]["temperature"]
        .as_str()
        .is_some_and(|t| t.starts_with("38")));
}

#[test]
fn check_reports_a_monotonicity_failure_with_both_answer_sets() {
    // Worse trend on a lump at 3-7 days gives self-care: lower than "same".
    let path = edited_default(
        "unsafe-trend.toml",
        "on = { better = \"narrowing_recurrent_calm\", same = \"narrowing_recurrent_stuck\", worse = \"narrowing_recurrent_worse\" }",
        "on = { better = \"narrowing_recurrent_calm\", same = \"narrowing_recurrent_stuck\", worse = \"narrowing_recurrent_calm\" }",
    );
    let out = Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(1)
        .stdout();
    assert!(
        out.contains("FAILED: property 'A worse course never lowers the urgency' fails"),
        "{out}"
    );
    assert!(
        out.contains("with trend=same the result is within_days"),
        "{out}"
    );
    assert!(
        out.contains("with trend=worse (worse) it is self_care"),
        "{out}"
    );
    assert!(
        out.matches("reproduce: lactriage assess --rules").count() >= 2,
        "{out}"
    );
}

#[test]
fn check_refuses_files_that_do_not_load() {
    let path = edited_default(
        "bad-property.toml",
        "worse = \"recurrent\"",
        "worse = \"recurrant\"",
    );
    let p = path.display().to_string();
    let line = fs::read_to_string(&path)
        .expect("readable")
        .lines()
        .position(|l| l.contains("recurrant"))
        .expect("present")
        + 1;
    Test::new()
        .args(["rules", "check", &p])
        .status(2)
        .stdout_empty()
        .stderr_has(&format!("{p}:{line}:9: property 'Recurrence never lowers the urgency' names question 'recurrant', which is not declared (did you mean 'recurrent'?)").replace(" (did you mean 'recurrent'?)", "; did you mean 'recurrent'?"));
    let path = edited_default(
        "bad-value.toml",
        "when = { sepsis_signs = [\"yes\", \"unsure\"] }",
        "when = { sepsis_signs = [\"yes\", \"maybe\"] }",
    );
    Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(2)
        .stderr_has("'maybe' is not an answer to 'sepsis_signs' (accepted: yes, no, unsure)");
    let path = temp_file(
        "cycle.toml",
        &fs::read_to_string("examples/custom-rules.toml")
            .expect("readable")
            .replace("no = \"nothing_found\"", "no = \"fever\""),
    );
    Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(2)
        .stderr_has("cycle: step 'lump' leads back to 'fever'");
    Test::new()
        .args(["rules", "check", "no/such/file.toml"])
        .status(2)
        .stderr_has("no such file");
}

#[test]
fn graph_draws_every_node_in_dot_and_mermaid() {
    let dot = Test::new().args(["rules", "graph"]).status(0).stdout();
    assert!(dot.starts_with("digraph \"mastitis-spectrum\" {"));
    let rules = lactriage::rules::Rules::builtin().expect("loads");
    for node in &rules.nodes {
        assert!(
            dot.contains(&format!("\"{}\" [", node.id)),
            "{} missing",
            node.id
        );
    }
    assert!(dot.contains("[label=\"yes / unsure\"]"));
    assert!(
        dot.contains("fillcolor=\"#f4a6a6\""),
        "emergencies are coloured"
    );
    let mermaid = Test::new()
        .args(["rules", "graph", "--format", "mermaid"])
        .status(0)
        .stdout();
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(mermaid.contains("n_screen_sepsis -->|\"yes / unsure\"| n_emergency_sepsis"));
    assert!(mermaid.contains("classDef emergency fill:#f4a6a6"));
}

#[test]
fn graph_renders_with_graphviz_without_warnings() {
    let Ok(probe) = Command::new("dot").arg("-V").output() else {
        eprintln!("Graphviz `dot` is not installed; skipping the rendering check");
        return;
    };
    assert!(probe.status.success());
    let graph = temp_file(
        "graph.dot",
        &Test::new().args(["rules", "graph"]).status(0).stdout(),
    );
    let out = Command::new("dot")
        .arg("-Tsvg")
        .arg(&graph)
        .output()
        .expect("dot runs");
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn test_runs_the_project_cases_for_the_default_rules() {
    let ran = Test::new()
        .args([
            "rules",
            "test",
            "--cases",
            "rules/mastitis-spectrum.cases.toml",
        ])
        .status(0);
    let out = ran.stdout();
    let last = out.lines().last().expect("a closing line");
    assert!(last.ends_with(" passed, 0 failed"), "{out}");
    let passed: usize = last
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(passed >= 60, "{last}");
}

#[test]
fn test_reports_each_failing_case_with_its_path() {
    let cases = temp_file(
        "cases.toml",
        r#"
[[case]]
name = "passes"
answers = { sepsis_signs = "yes" }
expect = { urgency = "emergency" }

[[case]]
name = "wrong on purpose"
answers = { sepsis_signs = "no", skin_emergency = "yes" }
expect = { urgency = "today", condition = "abscess_suspected" }

[[case]]
name = "incomplete"
answers = { sepsis_signs = "no" }
expect = { condition = "no_signs" }
"#,
    );
    let out = Test::new()
        .args(["rules", "test", "--cases"])
        .arg_path(&cases)
        .status(1)
        .stdout();
    let c = cases.display();
    assert!(out.contains(&format!("FAIL {c}: wrong on purpose: expected today/abscess_suspected, got emergency/severe_skin_infection; path: sepsis_signs=no > skin_emergency=yes")), "{out}");
    assert!(
        out.contains(&format!(
            "FAIL {c}: incomplete: no result: missing answers for skin_emergency"
        )),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 2 failed\n"), "{out}");

    let json = temp_file(
        "cases.json",
        r#"[{"id": "vignette style", "story": "ignored", "answers": {"sepsis_signs": "unsure"}, "expect": {"urgency": "emergency", "condition": "sepsis_warning"}}]"#,
    );
    Test::new()
        .args(["rules", "test", "--cases"])
        .arg_path(&json)
        .status(0)
        .stdout_has("1 passed, 0 failed");
}

#[test]
fn test_refuses_broken_case_files() {
    let broken = temp_file(
        "broken.toml",
        "[[case]]\nname = \"x\"\nanswers = { lump = \"yes\" }\nexpect = { urgency = \"soon\" }\n",
    );
    Test::new()
        .args(["rules", "test", "--cases"])
        .arg_path(&broken)
        .status(2)
        .stderr_has(&format!("{}:4:", broken.display()))
        .stderr_has("unknown variant `soon`");
    let empty_dir = std::env::temp_dir().join(format!("lactriage-empty-{}", std::process::id()));
    fs::create_dir_all(&empty_dir).expect("a folder");
    Test::new()
        .args(["rules", "test", "--cases"])
        .arg_path(&empty_dir)
        .status(2)
        .stderr_has("no case files");
}

#[test]
fn diff_of_a_file_with_itself_changes_nothing() {
    Test::new()
        .args([
            "rules",
            "diff",
            "rules/mastitis-spectrum.toml",
            "rules/mastitis-spectrum.toml",
        ])
        .status(0)
        .stdout_has("0 of ")
        .stdout_has("change result, in 0 group(s).");
}

#[test]
fn diff_shows_lowered_urgency_first_with_an_example() {
    let unsafe_rules = unsafe_fever_rules();
    let ran = Test::new()
        .args(["rules", "diff", "rules/mastitis-spectrum.toml"])
        .arg_path(&unsafe_rules)
        .status(1);
    let out = ran.stdout();
    let first_group = out.lines().find(|l| l.contains(" -> ")).expect("a group");
    assert!(first_group.starts_with("LOWERS URGENCY: today ("), "{out}");
    // The example reproduces the change under the new rules.
    let example = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("example: lactriage "))
        .expect("an example");
    let args: Vec<&str> = example.split_whitespace().collect();
    let new = Test::new()
        .args(&args)
        .args(["--format", "json"])
        .status(0)
        .json();
    assert_ne!(new["urgency"], "today");

    let json = Test::new()
        .args([
            "rules",
            "diff",
            "--format",
            "json",
            "rules/mastitis-spectrum.toml",
        ])
        .arg_path(&unsafe_rules)
        .status(1)
        .json();
    let groups = json["groups"].as_array().expect("groups");
    assert!(!groups.is_empty());
    assert_eq!(groups[0]["lowers_urgency"], true);
    assert_eq!(groups[0]["old"]["urgency"], "today");
    assert!(json["changed"].as_f64().is_some_and(|c| c > 0.0));
}

#[test]
fn diff_refuses_questions_that_changed_kind() {
    let changed = edited_default(
        "changed-kind.toml",
        "id = \"lactating\"\nlabel = \"Breastfeeding or pumping\"\nkind = \"yes_no\"",
        "id = \"lactating\"\nlabel = \"Breastfeeding or pumping\"\nkind = \"yes_no_unsure\"\nunsure_counts_as = \"yes\"",
    );
    Test::new()
        .args(["rules", "diff", "rules/mastitis-spectrum.toml"])
        .arg_path(&changed)
        .status(2)
        .stderr_has("question 'lactating' is of kind yes_no in the old rules but of kind yes_no_unsure in the new");
}

#[test]
fn every_subcommand_refuses_a_rules_file_that_does_not_load() {
    let broken = edited_default(
        "dangling.toml",
        "no = \"screen_abscess\"",
        "no = \"screen_absess\"",
    );
    let b = broken.display().to_string();
    let message = "branch points to 'screen_absess', which is neither a step nor an outcome; did you mean 'screen_abscess'?";
    for args in [
        vec!["rules", "check", &b],
        vec!["rules", "graph", &b],
        vec!["rules", "graph", "--format", "mermaid", &b],
        vec![
            "rules",
            "test",
            &b,
            "--cases",
            "rules/mastitis-spectrum.cases.toml",
        ],
        vec!["rules", "diff", "rules/mastitis-spectrum.toml", &b],
        vec!["rules", "diff", &b, "rules/mastitis-spectrum.toml"],
    ] {
        Test::new()
            .args(&args)
            .status(2)
            .stdout_empty()
            .stderr_has(&format!("{b}:"))
            .stderr_has(message);
    }
}

#[test]
fn diff_of_version_1_and_2_lowers_urgency_only_for_engorgement() {
    let json = Test::new()
        .args([
            "rules",
            "diff",
            "rules/history/mastitis-spectrum-1.0.0.toml",
            "rules/mastitis-spectrum.toml",
            "--same-as",
            "redness.streaks=spreading",
            "--format",
            "json",
        ])
        .status(1)
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let groups = report["groups"].as_array().expect("groups");
    assert!(groups.len() > 10, "{json}");
    for g in groups {
        if g["lowers_urgency"] == true {
            assert_eq!(g["new"]["condition"], "engorgement", "{g:#}");
            assert_eq!(g["example"]["both_breasts"], "yes", "{g:#}");
        }
    }
    // Streaks, read as 1.0.0's spreading, now raise the urgency: that group
    // is in the comparison, and the two files say so for one answer set.
    assert!(groups.iter().any(|g| g["old"]["urgency"] == "within_24h"
        && g["new"]["urgency"] == "today"
        && g["new"]["condition"] == "inflammatory_mastitis"));
    let streaks = [
        "sepsis_signs=no",
        "skin_emergency=no",
        "abscess_signs=no",
        "antibiotics_hours=0",
        "lump=no",
        "lactating=yes",
        "temperature=not_measured",
        "feels_feverish=no",
        "flu_like=no",
        "duration_hours=24",
        "trend=better",
        "risk_factors=no",
    ];
    for (rules, extra, urgency) in [
        (
            "rules/history/mastitis-spectrum-1.0.0.toml",
            &["redness=spreading"][..],
            "within_24h",
        ),
        (
            "rules/mastitis-spectrum.toml",
            &["redness=streaks", "recent_fever=no"][..],
            "today",
        ),
    ] {
        let mut args = vec!["assess", "--format", "json", "--rules", rules];
        for a in streaks.iter().chain(extra) {
            args.extend(["--set", a]);
        }
        let result = Test::new().args(&args).status(0).json();
        assert_eq!(result["urgency"], urgency, "{rules}");
    }
}

#[test]
fn diff_without_same_as_gives_a_new_only_answer_no_old_result_and_refuses_a_bad_one() {
    let out = Test::new()
        .args([
            "rules",
            "diff",
            "rules/history/mastitis-spectrum-1.0.0.toml",
            "rules/mastitis-spectrum.toml",
        ])
        .status(1)
        .stdout();
    assert!(
        out.contains("no result -> today (inflammatory_mastitis)"),
        "{out}"
    );
    Test::new()
        .args([
            "rules",
            "diff",
            "rules/history/mastitis-spectrum-1.0.0.toml",
            "rules/mastitis-spectrum.toml",
            "--same-as",
            "redness.streaks=purple",
        ])
        .status(2)
        .stderr_has("--same-as redness.streaks=purple: 'purple' must be a choice of the old rules (none, small, spreading)");
}
