//! The clinical safety case: the hazard log and its controls, the sources of
//! every threshold, the digest every result names, the changelog that
//! records it, and `rules safety-case`'s document.

use std::fs;

use crate::harness::{builtin_digest, project_file, sha256_hex, Test};
use crate::rules_cmd::temp_file;

/// `rules check FILE` with the default rules' cases: its output, after
/// checking the exit status.
fn check_with_cases(path: &std::path::Path, status: i32) -> String {
    Test::new()
        .args(["rules", "check"])
        .arg_path(path)
        .args(["--cases", "rules/mastitis-spectrum.cases.toml"])
        .status(status)
        .stdout()
}

/// The default rules with one edit: `from` must occur exactly once.
fn edited(name: &str, from: &str, to: &str) -> std::path::PathBuf {
    let text = lactriage::rules::BUILTIN_RULES;
    assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once");
    temp_file(name, &text.replacen(from, to, 1))
}

// ---------------------------------------------------------------------------
// Provenance
// ---------------------------------------------------------------------------

#[test]
fn every_result_names_the_rules_and_their_digest() {
    let digest = builtin_digest();
    let json = Test::new()
        .args(["assess", "--format", "json"])
        .baseline_with(&[])
        .status(0)
        .json();
    assert_eq!(json["rules"]["digest"], format!("sha256:{digest}"));
    assert_eq!(json["rules"]["version"], "2.3.0");
    Test::new()
        .args(["assess"])
        .baseline_with(&[])
        .status(0)
        .stdout_has(&format!(
            "Rules: mastitis-spectrum 2.3.0 (sha256:{}), lactriage",
            &digest[..16]
        ));
    for audience in ["parent", "consultant"] {
        Test::new()
            .args(["assess", "--format", "markdown", "--audience", audience])
            .baseline_with(&[])
            .status(0)
            .stdout_has(&format!("mastitis-spectrum 2.3.0 (sha256:`{digest}`)"));
    }
    // A saved record carries it too.
    let dir = std::env::temp_dir().join(format!("lactriage-provenance-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a folder");
    let saved = dir.join("result.json");
    let _ = fs::remove_file(&saved);
    Test::new()
        .args(["assess", "--format", "json", "--output"])
        .arg_path(&saved)
        .baseline_with(&[])
        .status(0);
    let record: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&saved).expect("saved")).expect("JSON");
    assert_eq!(record["rules"]["digest"], format!("sha256:{digest}"));
    // And `rules check` prints it.
    Test::new()
        .args(["rules", "check"])
        .status(0)
        .stdout_has(&format!("digest:         sha256:{digest}"));
}

#[test]
fn a_rules_file_given_is_named_by_its_own_digest() {
    let path = edited(
        "retitled.toml",
        "title = \"Sore breast during lactation: ductal narrowing, mastitis, abscess\"",
        "title = \"Retitled\"",
    );
    let own = sha256_hex(&fs::read(&path).expect("written"));
    assert_ne!(own, builtin_digest());
    let json = Test::new()
        .args(["assess", "--format", "json", "--rules"])
        .arg_path(&path)
        .baseline_with(&[])
        .status(0)
        .json();
    assert_eq!(json["rules"]["digest"], format!("sha256:{own}"));
}

/// Changing the default rules without a new version and a changelog entry
/// that records the new digest fails here.
#[test]
fn the_changelog_records_the_digest_of_every_version_of_the_default_rules() {
    let changelog = fs::read_to_string(project_file("rules/CHANGELOG.md")).expect("a changelog");
    let rules = lactriage::rules::Rules::builtin().expect("the default rules");
    let entries: Vec<(&str, &str)> = changelog
        .split("\n## ")
        .skip(1)
        .map(|entry| {
            let version = entry.lines().next().unwrap_or("").trim();
            let digest = entry
                .split("Digest: `sha256:")
                .nth(1)
                .and_then(|rest| rest.split('`').next())
                .unwrap_or_else(|| panic!("the changelog entry {version} records no digest"));
            (version, digest)
        })
        .collect();
    let (latest, recorded) = entries.first().expect("at least one entry");
    assert_eq!(
        *latest, rules.version,
        "the newest changelog entry is {latest}, but the rules say {}: add an entry for the new version",
        rules.version
    );
    assert_eq!(
        *recorded,
        builtin_digest(),
        "rules/mastitis-spectrum.toml changed since {latest} was recorded: bump its version, and add a changelog entry with its new digest"
    );
    assert!(entries.iter().any(|(v, _)| *v == "1.0.0"));
    // Versions kept in rules/history/ match the digest recorded for them.
    for (version, digest) in &entries {
        let kept = project_file(&format!("rules/history/mastitis-spectrum-{version}.toml"));
        if let Ok(bytes) = fs::read(&kept) {
            assert_eq!(&sha256_hex(&bytes), digest, "{}", kept.display());
        }
    }
}

// ---------------------------------------------------------------------------
// The hazard log
// ---------------------------------------------------------------------------

#[test]
fn the_default_rules_carry_the_specification_hazard_log() {
    let rules = lactriage::rules::Rules::builtin().expect("the default rules");
    let ids: Vec<&str> = rules.hazards.iter().map(|h| h.id.as_str()).collect();
    let expected: Vec<String> = (1..=13).map(|i| format!("H{i}")).collect();
    assert_eq!(ids, expected);
    for h in &rules.hazards {
        assert!(h.has_controls(), "{} names no control", h.id);
    }
}

/// A control that lives outside the rules names a test: that test exists.
#[test]
fn every_test_a_hazard_names_exists() {
    let rules = lactriage::rules::Rules::builtin().expect("the default rules");
    let mut named = 0;
    for h in &rules.hazards {
        for test in &h.tests {
            let (file, name) = test
                .split_once(": ")
                .unwrap_or_else(|| panic!("{}: write a test as FILE: NAME, not {test:?}", h.id));
            let source = fs::read_to_string(project_file(file))
                .unwrap_or_else(|e| panic!("{}: {file}: {e}", h.id));
            assert!(
                source.contains(&format!("#[test]\nfn {name}()")),
                "{}: no test {name} in {file}",
                h.id
            );
            named += 1;
        }
    }
    assert!(named > 0, "H8's control is a test");
}

#[test]
fn a_hazard_with_no_control_fails_the_check() {
    let path = edited(
        "no-control.toml",
        "loader_checks = [\"avoid_list_below_today\"]",
        "",
    );
    let out = check_with_cases(&path, 1);
    assert!(out.contains("hazards:        12 of 13 controlled"), "{out}");
    assert!(
        out.contains("H12 Outdated advice (heat, deep massage, extra pumping) doing harm: NOT CONTROLLED: it names no control"),
        "{out}"
    );
    assert!(out.contains("1 hazard(s) not controlled"), "{out}");
}

#[test]
fn a_hazard_whose_property_fails_is_not_controlled() {
    // Fever from 38.5 °C at one step: the fever property fails, so H3 does.
    let path = edited(
        "late-fever.toml",
        "  { at_least = 36.0, below = 38.0, next = \"local_lump_recent_fever\", source = [\"nice_ng255\", \"cdc_hear_her\"] },\n  { at_least = 38.0, next = \"mastitis_duration\", source = \"cdc_hear_her\" },",
        "  { at_least = 36.0, below = 38.5, next = \"local_lump_recent_fever\", source = [\"nice_ng255\", \"cdc_hear_her\"] },\n  { at_least = 38.5, next = \"mastitis_duration\", source = \"cdc_hear_her\" },",
    );
    let out = check_with_cases(&path, 1);
    assert!(
        out.contains("H3 A fever hidden by a pain reliever, or by waiting on early antibiotics: NOT CONTROLLED: property 'fever_today' fails"),
        "{out}"
    );
    // The safety case says so, and exits 1.
    let doc = Test::new()
        .args(["rules", "safety-case"])
        .arg_path(&path)
        .args(["--cases", "rules/mastitis-spectrum.cases.toml"])
        .status(1)
        .stdout();
    assert!(doc.contains("**NOT CONTROLLED: H3"), "{doc}");
    assert!(doc.contains("| fever_today | A fever means today"), "{doc}");
    assert!(doc.contains("| FAILS |"), "{doc}");
}

#[test]
fn a_case_control_needs_the_case_file_and_the_case() {
    // Copied away from its cases, the file's case controls cannot be run.
    let path = temp_file("alone.toml", lactriage::rules::BUILTIN_RULES);
    let out = Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(1)
        .stdout();
    assert!(
        out.contains("cases:          none (no case file beside the rules; give --cases PATH)"),
        "{out}"
    );
    assert!(
        out.contains("H2 Necrotising skin infection missed: NOT CONTROLLED: case 'skin emergency' was not run: there is no case file (give --cases PATH)"),
        "{out}"
    );
    // Beside it as NAME.cases.toml, the cases are found; one renamed is
    // missing.
    let cases = lactriage::rules::BUILTIN_CASES.replacen(
        "name = \"skin emergency\"\n",
        "name = \"skin emergency, renamed\"\n",
        1,
    );
    temp_file("alone.cases.toml", &cases);
    let out = Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(1)
        .stdout();
    assert!(
        out.contains(
            "H2 Necrotising skin infection missed: NOT CONTROLLED: case 'skin emergency' is not in"
        ),
        "{out}"
    );
    fs::remove_file(path.with_extension("cases.toml")).expect("removed");
}

#[test]
fn a_failing_case_fails_the_check() {
    let cases = lactriage::rules::BUILTIN_CASES.replacen(
        "expect = { urgency = \"emergency\", condition = \"sepsis_warning\" }",
        "expect = { urgency = \"today\", condition = \"sepsis_warning\" }",
        1,
    );
    let path = temp_file("wrong.cases.toml", &cases);
    let out = Test::new()
        .args(["rules", "check", "--cases"])
        .arg_path(&path)
        .status(1)
        .stdout();
    assert!(
        out.contains("cases:          169 passed, 1 failed"),
        "{out}"
    );
    assert!(
        out.contains("H1 Sepsis missed or sent to self-care: NOT CONTROLLED: case 'sepsis sign' fails: expected today/sepsis_warning, got emergency/sepsis_warning"),
        "{out}"
    );
}

#[test]
fn a_hazard_must_name_controls_that_exist() {
    for (from, to, message) in [
        (
            "properties = [\"skin_emergency_emergency\", ",
            "properties = [\"skin_emergency_emergncy\", ",
            "hazard 'H2' names property 'skin_emergency_emergncy', but no property has that id; did you mean 'skin_emergency_emergency'?",
        ),
        (
            "loader_checks = [\"avoid_list_below_today\"]",
            "loader_checks = [\"avoid_heat\"]",
            "hazard 'H12' names loader check 'avoid_heat', which does not exist (known: avoid_list_below_today)",
        ),
        (
            "severity = \"considerable\"\nproperties = [\"streaks_today\"",
            "severity = \"serious\"\nproperties = [\"streaks_today\"",
            "unknown variant `serious`, expected one of `minor`, `significant`, `considerable`, `major`, `catastrophic`",
        ),
    ] {
        let path = edited("bad-hazard.toml", from, to);
        let err = Test::new()
            .args(["rules", "check"])
            .arg_path(&path)
            .status(2)
            .stderr();
        assert!(err.contains(message), "{err}");
        assert!(err.contains("bad-hazard.toml:"), "{err}");
    }
}

// ---------------------------------------------------------------------------
// Sources of thresholds
// ---------------------------------------------------------------------------

#[test]
fn a_threshold_without_a_source_is_listed_with_its_line() {
    // Both ranges either side of 168 hours on antibiotics lose their
    // citation (48 is still cited by the range below it).
    let text = lactriage::rules::BUILTIN_RULES
        .replacen(
            "  { at_least = 48, below = 168, next = \"antibiotics_mid_trend\", source = [\"mayo\", \"ibc\"] },",
            "  { at_least = 48, below = 168, next = \"antibiotics_mid_trend\" },",
            1,
        )
        .replacen(
            "  { at_least = 168, next = \"antibiotics_late_trend\", source = \"ibc\" },",
            "  { at_least = 168, next = \"antibiotics_late_trend\" },",
            1,
        );
    let line = text
        .lines()
        .position(|l| l.contains("at_least = 48, below = 168, next = \"antibiotics_mid_trend\""))
        .expect("the range")
        + 1;
    let path = temp_file("uncited.toml", &text);
    // Listed, not refused: a file under development may lack them.
    let out = Test::new()
        .args([
            "rules",
            "check",
            "--cases",
            "rules/mastitis-spectrum.cases.toml",
        ])
        .arg_path(&path)
        .status(0)
        .stdout();
    assert!(
        out.contains(&format!(
            "thresholds:     1 of 72 cite no source:\n    {}:{line}: antibiotics_hours 168 in step 'antibiotics'\n",
            path.display()
        )),
        "{out}"
    );
    let doc = Test::new()
        .args([
            "rules",
            "safety-case",
            "--cases",
            "rules/mastitis-spectrum.cases.toml",
        ])
        .arg_path(&path)
        .status(0)
        .stdout();
    assert!(
        doc.contains(
            "| `antibiotics_hours` | 168 | `ibc` | step `antibiotics` (**no source**), property"
        ),
        "{doc}"
    );
}

#[test]
fn a_source_that_is_not_declared_is_refused() {
    let path = edited(
        "unknown-source.toml",
        "  { above = 130, next = \"emergency_heart_rate\", source = \"nice_ng255\" },",
        "  { above = 130, next = \"emergency_heart_rate\", source = \"nice_ng51\" },",
    );
    Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(2)
        .stderr_has("unknown-source.toml:")
        .stderr_has("'nice_ng51' is not a declared [[source]]");
}

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

/// `rules/SAFETY-CASE.md` is what `rules safety-case` writes for the default
/// rules today: regenerate it with
/// `cargo run -- rules safety-case --output rules/SAFETY-CASE.md --force`.
#[test]
fn the_shipped_safety_case_is_current() {
    let fresh = Test::new()
        .args(["rules", "safety-case"])
        .status(0)
        .stdout();
    let shipped = fs::read_to_string(project_file("rules/SAFETY-CASE.md")).expect("shipped");
    assert!(
        fresh == shipped,
        "rules/SAFETY-CASE.md is stale: run `cargo run -- rules safety-case --output rules/SAFETY-CASE.md --force`"
    );
}

#[test]
fn the_safety_case_has_what_a_safety_officer_signs() {
    let doc = Test::new()
        .args(["rules", "safety-case"])
        .status(0)
        .stdout();
    for text in [
        "# Clinical safety case: mastitis-spectrum 2.3.0",
        &format!(
            "| Digest (SHA-256 of the file's bytes) | `{}` |",
            builtin_digest()
        ),
        "**All 13 hazards are controlled.**",
        "| Name | Role and registration | Date | Signature |",
        "## What this proves, and what it does not",
        "It does not prove that the questions are understood as meant",
        "| H1 | Sepsis missed or sent to self-care | major | 22 | controlled |",
        "### H8: An answer given by reflex (a default choice, Enter pressed twice)",
        "  - test `tests/pty.rs: enter_alone_answers_nothing` (run by `cargo test`)",
        "  - loader check `avoid_list_below_today` (enforced): every outcome below 'today'",
        "| high_heart_rate_emergency | A heart rate above 130 is an emergency | holds |",
        "## Cases",
        "| heart rate 300 is refused | answer to `heart_rate` refused | passes |",
        "| `temperature` | 38 | `cdc_hear_her` |",
        "| `heart_rate` | 130 | `nice_ng255` |",
        "| `antibiotics_hours` | 48 | `mayo` |",
        "### 2.1.0",
        "### 1.0.0",
    ] {
        assert!(doc.contains(text), "{text:?} missing from the safety case");
    }
    assert!(!doc.contains("**none**"), "every threshold cites a source");
    // Written to a file, whole, and not over an existing one.
    let dir = std::env::temp_dir().join(format!("lactriage-safety-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a folder");
    let out = dir.join("SAFETY-CASE.md");
    let _ = fs::remove_file(&out);
    Test::new()
        .args(["rules", "safety-case", "--output"])
        .arg_path(&out)
        .status(0)
        .stdout_empty();
    assert_eq!(fs::read_to_string(&out).expect("written"), doc);
    Test::new()
        .args(["rules", "safety-case", "--output"])
        .arg_path(&out)
        .status(2)
        .stderr_has("exists already; give --force to replace it");
}
