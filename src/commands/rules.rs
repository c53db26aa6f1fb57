//! `lactriage rules check|graph|test|diff|safety-case`.

use std::io::{self, Write};
use std::path::Path;

use super::progress::with_spinner;
use super::{load_rules, read_file};
use crate::analysis;
use crate::analysis::report::TranslationStatus;
use crate::analysis::safety::{self, CaseRun};
use crate::cli::{GraphFormat, ListFormat, RulesCommand};
use crate::error::Error;
use crate::exit_codes::ExitCode;
use crate::i18n::Language;
use crate::output_file::OutputFile;
use crate::rules::{Rules, BUILTIN_CASES, BUILTIN_CASES_ORIGIN, BUILTIN_CHANGELOG};

/// `lactriage rules ...`: the status says whether the check, the cases or
/// the comparison found something (1) or not (0).
/// `spinner`: standard error is a terminal, so long work may show that it
/// is going on.
pub(crate) fn run(
    command: RulesCommand,
    stdout: &mut dyn Write,
    spinner: bool,
) -> Result<ExitCode, Error> {
    let mut out = io::BufWriter::new(stdout);
    let found = |found: bool| {
        if found {
            ExitCode::Failure
        } else {
            ExitCode::Success
        }
    };
    let code = match command {
        RulesCommand::Check { file, cases, again } => {
            // The built-in rules were proved when this program was built.
            let stored = match (&file, &cases, again) {
                (None, None, false) => crate::rules::compiled::builtin_check(),
                _ => None,
            };
            let problems = match stored {
                Some(stored) => {
                    out.write_all(stored.report.as_bytes())
                        .map_err(Error::Output)?;
                    stored.problems
                }
                None => check_now(&mut out, file.as_deref(), cases.as_deref(), spinner)?,
            };
            found(problems > 0)
        }
        RulesCommand::SafetyCase {
            file,
            cases,
            changelog,
            output,
            force,
        } => {
            let rules = load_rules(file.as_deref())?;
            let report = prove(rules, spinner);
            let cases = case_run(rules, file.as_deref(), cases.as_deref())?;
            let hazards = safety::hazards(rules, &report, cases.as_ref());
            let changelog = read_changelog(file.as_deref(), changelog.as_deref())?;
            let document = safety::SafetyCase {
                rules,
                report: &report,
                hazards: &hazards,
                cases: cases.as_ref(),
                changelog: changelog.as_deref(),
            };
            match output {
                None => safety::write_document(&mut out, &document).map_err(Error::Output)?,
                Some(path) => {
                    let mut file = OutputFile::create(&path, force)?;
                    let mut w = io::BufWriter::new(file.writer());
                    safety::write_document(&mut w, &document)
                        .and_then(|()| w.flush())
                        .map_err(Error::Output)?;
                    drop(w);
                    file.commit()?;
                }
            }
            found(hazards.is_empty() || hazards.iter().any(|h| !h.controlled()))
        }
        RulesCommand::Graph { file, format } => {
            let rules = load_rules(file.as_deref())?;
            match format {
                GraphFormat::Dot => analysis::graph::write_dot(&mut out, rules),
                GraphFormat::Mermaid => analysis::graph::write_mermaid(&mut out, rules),
            }
            .map_err(Error::Output)?;
            ExitCode::Success
        }
        RulesCommand::Test { file, cases } => {
            let rules = load_rules(file.as_deref())?;
            let cases = read_cases(&cases)?;
            let (_, failed) =
                analysis::cases::run_all(&mut out, rules, &cases).map_err(Error::Output)?;
            found(failed > 0)
        }
        RulesCommand::Diff {
            old,
            new,
            same_as,
            format,
        } => {
            let old_rules = load_rules(Some(&old))?;
            let new_rules = load_rules(Some(&new))?;
            let report =
                with_spinner(spinner, "Comparing every combination of answers...", || {
                    analysis::diff::diff(old_rules, new_rules, &same_as)
                })?;
            let (o, n) = (old.display().to_string(), new.display().to_string());
            match format {
                ListFormat::Text => {
                    analysis::diff::write_text(&mut out, (old_rules, &o), (new_rules, &n), &report)
                }
                ListFormat::Json => {
                    analysis::diff::write_json(&mut out, (old_rules, &o), (new_rules, &n), &report)
                }
            }
            .map_err(Error::Output)?;
            found(!report.groups.is_empty())
        }
    };
    out.flush().map_err(Error::Output)?;
    Ok(code)
}

/// `rules check` done now: returns the problems found.
fn check_now(
    out: &mut impl Write,
    file: Option<&Path>,
    cases: Option<&Path>,
    spinner: bool,
) -> Result<usize, Error> {
    let rules = load_rules(file)?;
    let started = std::time::Instant::now();
    let report = prove(rules, spinner);
    let seconds = started.elapsed().as_secs_f64();
    let cases = case_run(rules, file, cases)?;
    let hazards = safety::hazards(rules, &report, cases.as_ref());
    let shown = file.map(|f| f.display().to_string());
    let origin = shown.as_deref().unwrap_or(crate::rules::BUILTIN_ORIGIN);
    let translations = check_translations(file)?;
    let findings = analysis::report::CheckFindings {
        report: &report,
        cases: cases.as_ref(),
        hazards: &hazards,
        translations: &translations,
    };
    analysis::report::write_check_report(
        out,
        rules,
        origin,
        shown.as_deref(),
        &findings,
        Some(seconds),
    )
    .map_err(Error::Output)?;
    Ok(findings.problems())
}

/// The translations of the rules: for a rules file, those found beside it
/// (`NAME.es.toml` for `NAME.toml`); for the built-in rules, their own.
fn check_translations(file: Option<&Path>) -> Result<Vec<TranslationStatus>, Error> {
    let mut found = Vec::new();
    for language in Language::ALL {
        let code = language.code();
        let status = match file {
            None => {
                let Some((_, origin)) = crate::rules::builtin_translation(language) else {
                    continue;
                };
                TranslationStatus {
                    language: code,
                    origin: origin.to_string(),
                    problems: Rules::builtin_from_toml_in(language).err(),
                }
            }
            Some(path) => {
                if language == Language::En {
                    continue;
                }
                let Some(beside) = super::load_translation_beside(path, language)? else {
                    continue;
                };
                TranslationStatus {
                    language: code,
                    origin: beside.origin,
                    problems: beside.loaded.err(),
                }
            }
        };
        found.push(status);
    }
    Ok(found)
}

/// The exhaustive check, with a spinner if it takes long on a terminal.
fn prove(rules: &Rules, spinner: bool) -> analysis::check::CheckReport {
    with_spinner(spinner, "Checking every combination of answers...", || {
        analysis::check::check(rules)
    })
}

/// The cases that go with the rules: `--cases PATH`, else the case file
/// beside a rules file (`NAME.cases.toml` for `NAME.toml`), else, for the
/// built-in rules, their own cases. `None` when there are none.
fn case_run(
    rules: &Rules,
    file: Option<&Path>,
    cases: Option<&Path>,
) -> Result<Option<CaseRun>, Error> {
    let (origin, parsed) = match (cases, file) {
        (Some(path), _) => (path.display().to_string(), read_cases(path)?),
        (None, None) => (
            BUILTIN_CASES_ORIGIN.to_string(),
            analysis::cases::parse_cases(BUILTIN_CASES, BUILTIN_CASES_ORIGIN, true)?,
        ),
        (None, Some(file)) => {
            let beside = file.with_extension("cases.toml");
            if !beside.is_file() {
                return Ok(None);
            }
            (beside.display().to_string(), read_cases(&beside)?)
        }
    };
    Ok(Some(CaseRun::run(rules, origin, parsed)))
}

/// `--changelog PATH`, else `CHANGELOG.md` beside a rules file, else the
/// built-in rules' own.
fn read_changelog(file: Option<&Path>, changelog: Option<&Path>) -> Result<Option<String>, Error> {
    match (changelog, file) {
        (Some(path), _) => Ok(Some(read_file(path, "changelog")?)),
        (None, None) => Ok(Some(BUILTIN_CHANGELOG.to_string())),
        (None, Some(file)) => {
            let beside = file.with_file_name("CHANGELOG.md");
            if beside.is_file() {
                Ok(Some(read_file(&beside, "changelog")?))
            } else {
                Ok(None)
            }
        }
    }
}

/// The cases of one file, or of every .toml and .json file in a folder.
fn read_cases(path: &Path) -> Result<Vec<analysis::cases::Case>, Error> {
    let files = if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| Error::Read {
            what: "cases folder",
            path: path.to_path_buf(),
            source,
        })?;
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::NoCases(path.to_path_buf()));
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut cases = Vec::new();
    for file in files {
        let text = read_file(&file, "case file")?;
        let is_toml = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        cases.extend(analysis::cases::parse_cases(
            &text,
            &file.display().to_string(),
            is_toml,
        )?);
    }
    Ok(cases)
}
