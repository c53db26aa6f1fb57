//! Every shipped rules file loads, and every shipped answers file gives the
//! result it was written to show.

use std::fs;
use std::path::PathBuf;

use lactriage::rules::Rules;

use crate::harness::{project_file, Test};

/// Each example answers file, the rules it is for, and what it must give.
const EXPECTED: &[(&str, Option<&str>, &str, &str)] = &[
    (
        "consultant-abscess.json",
        None,
        "today",
        "abscess_suspected",
    ),
    (
        "consultant-intake.json",
        None,
        "today",
        "bacterial_mastitis_likely",
    ),
    (
        "custom-rules-answers.json",
        Some("examples/custom-rules.toml"),
        "self_care",
        "ductal_narrowing",
    ),
    (
        "ductal-narrowing.json",
        None,
        "self_care",
        "ductal_narrowing",
    ),
    ("engorgement-newborn.json", None, "self_care", "engorgement"),
    ("masked-fever.json", None, "today", "inflammatory_mastitis"),
    (
        "mastitis-es.json",
        None,
        "today",
        "bacterial_mastitis_likely",
    ),
    (
        "mastitis-fever.toml",
        None,
        "today",
        "inflammatory_mastitis",
    ),
    (
        "on-antibiotics-not-better.json",
        None,
        "today",
        "on_antibiotics",
    ),
    ("painless-lump.json", None, "within_days", "lump_needs_exam"),
    ("sepsis-emergency.json", None, "emergency", "sepsis_warning"),
];

fn files_in(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(project_file(folder))
        .expect("the folder exists")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    files.sort();
    files
}

fn has_table(path: &PathBuf, table: &str) -> bool {
    path.extension().is_some_and(|e| e == "toml")
        && fs::read_to_string(path)
            .expect("readable")
            .lines()
            .any(|l| l.trim() == table)
}

/// A rules file, not a translation of one (which has `[rules]` too).
fn is_rules_file(path: &PathBuf) -> bool {
    has_table(path, "[rules]") && !has_table(path, "[translation]")
}

#[test]
fn every_rules_file_in_rules_and_examples_loads() {
    let mut loaded = 0;
    for path in files_in("rules").into_iter().chain(files_in("examples")) {
        if is_rules_file(&path) {
            let text = fs::read_to_string(&path).expect("readable");
            if let Err(e) = Rules::parse(&text, &path.display().to_string()) {
                panic!("{e}");
            }
            loaded += 1;
        }
    }
    assert!(loaded >= 2, "found {loaded} rules files");
}

/// Every translation shipped loads with the rules beside it.
#[test]
fn every_translation_loads_with_its_rules() {
    let mut loaded = 0;
    for path in files_in("rules").into_iter().chain(files_in("examples")) {
        if !has_table(&path, "[translation]") {
            continue;
        }
        let name = path.display().to_string();
        let (stem, language) = name
            .strip_suffix(".toml")
            .and_then(|s| s.rsplit_once('.'))
            .expect("NAME.LANG.toml");
        let rules_path = format!("{stem}.toml");
        let rules = fs::read_to_string(&rules_path).expect("the rules beside it");
        let text = fs::read_to_string(&path).expect("readable");
        let translated = Rules::parse_translated(
            &rules,
            &rules_path,
            None,
            lactriage::rules::Translated {
                text: &text,
                origin: &name,
                language,
            },
        );
        if let Err(e) = translated {
            panic!("{e}");
        }
        loaded += 1;
    }
    assert!(loaded >= 1, "found {loaded} translations");
}

#[test]
fn the_shipped_default_rules_are_the_built_in_ones() {
    let shipped =
        fs::read_to_string(project_file("rules/mastitis-spectrum.toml")).expect("readable");
    assert_eq!(shipped, lactriage::rules::BUILTIN_RULES);
}

#[test]
fn every_example_answers_file_gives_its_documented_result() {
    let answer_files: Vec<String> = files_in("examples")
        .into_iter()
        .filter(|p| !is_rules_file(p))
        // Rust examples (the benchmark's workload) are programs, not answers.
        .filter(|p| p.extension().is_none_or(|e| e != "rs"))
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let listed: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(
        answer_files, listed,
        "every example answers file has an expected result here"
    );

    for (file, rules, urgency, condition) in EXPECTED {
        let mut args = vec!["assess".to_string(), "--format".into(), "json".into()];
        args.extend(["--answers".to_string(), format!("examples/{file}")]);
        if let Some(rules) = rules {
            args.extend(["--rules".to_string(), rules.to_string()]);
        }
        let ran = Test::new().args(&args).status(0);
        let result = ran.json();
        assert_eq!(result["urgency"], *urgency, "{file}");
        assert_eq!(result["condition"], *condition, "{file}");
    }
}
