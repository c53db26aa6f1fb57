//! The compiled form of the built-in rules: the committed one is the one
//! the current rules and code make, and it gives exactly what loading the
//! TOML gives.

use lactriage::analysis::report::compile_builtin;
use lactriage::i18n::Language;
use lactriage::rules::{compiled, Rules};

use crate::harness::Test;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/builtin.postcard");

/// Fails when the rules, their cases, the model or the prover changed and
/// the compiled form was not made again; `LACTRIAGE_BLESS=1 cargo test
/// compiled` makes it.
#[test]
fn the_committed_compiled_form_is_current() {
    let made = compile_builtin().expect("the built-in rules compile");
    if made == compiled::COMPILED && compiled::is_current() {
        return;
    }
    if std::env::var_os("LACTRIAGE_BLESS").is_some() {
        std::fs::write(FILE, &made).expect("src/rules/builtin.postcard is writable");
        eprintln!("wrote {FILE}: build again to use it");
        return;
    }
    panic!(
        "src/rules/builtin.postcard is not the compiled form of the current rules and code \
         (until it is, every run loads the TOML). Make it again with \
         `LACTRIAGE_BLESS=1 cargo test compiled`, and commit it."
    );
}

/// Read back, the compiled form is the same model as the TOML loaded with
/// every check.
#[test]
fn the_compiled_rules_are_the_rules_loaded_from_toml() {
    let from_toml = Rules::builtin_from_toml().expect("the TOML loads");
    let builtin = Rules::builtin().expect("the built-in rules load");
    let spanish_from_toml = Rules::builtin_from_toml_in(Language::Es).expect("the TOML loads");
    let spanish = Rules::builtin_in(Language::Es).expect("the built-in rules load");
    let stored = compiled::builtin_check().unwrap_or(compiled::StoredCheck {
        report: String::new(),
        problems: 0,
    });
    assert_eq!(
        compiled::encode(&builtin, stored.clone(), &spanish).expect("encodes"),
        compiled::encode(&from_toml, stored, &spanish_from_toml).expect("encodes")
    );
    assert_eq!(
        builtin.question("temperature").map(|q| &q.id),
        from_toml.question("temperature").map(|q| &q.id)
    );
}

/// `rules check` shows the proof made when built; `--again` proves it now,
/// with the same findings.
#[test]
fn rules_check_shows_the_proof_made_when_built() {
    let stored = Test::new().args(["rules", "check"]).status(0).stdout();
    let again = Test::new()
        .args(["rules", "check", "--again"])
        .status(0)
        .stdout();
    let without_time = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("time:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_time(&stored), without_time(&again));
    assert!(
        stored.contains("time:           proved when this lactriage was built"),
        "{stored}"
    );
    assert!(again.contains(" ms\n"), "{again}");
}
