//! `rules check`'s report: the prover's summary, the cases and hazards of
//! the safety case, the failures, and the verdict, as one text. Kept apart
//! from the command so that the built-in rules' report can be made when the
//! program is built and shown as it was made.

use std::io::{self, Write};

use super::check::{self, CheckReport};
use super::safety::{self, CaseRun, HazardStatus};
use crate::i18n::Language;
use crate::rules::Rules;

/// What `rules check` found.
pub struct CheckFindings<'a> {
    pub report: &'a CheckReport,
    pub cases: Option<&'a CaseRun>,
    pub hazards: &'a [HazardStatus<'a>],
    pub translations: &'a [TranslationStatus],
}

/// A translation of the rules found beside them, and whether it is
/// complete and made for exactly these rules.
pub struct TranslationStatus {
    pub language: &'static str,
    pub origin: String,
    /// The problems found, as the loader reports them; `None` if none.
    pub problems: Option<crate::rules::RulesError>,
}

impl CheckFindings<'_> {
    /// Failures of the tree and its properties, failing cases and hazards
    /// not controlled: the command fails with any.
    pub fn problems(&self) -> usize {
        self.report.failures.len()
            + self.cases.map_or(0, CaseRun::failed)
            + self.hazards.iter().filter(|h| !h.controlled()).count()
            + self.failed_translations()
    }

    fn failed_translations(&self) -> usize {
        self.translations
            .iter()
            .filter(|t| t.problems.is_some())
            .count()
    }
}

/// Writes the report of `rules check` on `rules`, read from `origin` (for
/// messages) or shown as `file`. `seconds` is how long the proof took, or
/// `None` for a proof made when the program was built.
pub fn write_check_report(
    w: &mut impl Write,
    rules: &Rules,
    origin: &str,
    file: Option<&str>,
    findings: &CheckFindings,
    seconds: Option<f64>,
) -> io::Result<()> {
    let report = findings.report;
    check::write_summary(w, rules, report, seconds)?;
    safety::write_check_section(w, rules, origin, findings.hazards, findings.cases)?;
    for t in findings.translations {
        match &t.problems {
            None => writeln!(
                w,
                "Translation '{}' ({}): complete, made for version {} (sha256:{}).",
                t.language,
                t.origin,
                rules.version,
                rules.short_digest()
            )?,
            Some(error) => writeln!(w, "Translation '{}' refused: {error}", t.language)?,
        }
    }
    check::write_failures(w, report, file)?;
    let problems = findings.problems();
    let translated = if findings.translations.is_empty() {
        ""
    } else {
        ", and every translation is complete"
    };
    if problems == 0 {
        writeln!(w, "OK: every path ends in an outcome, no question is asked twice, every outcome is reachable, all {} properties hold, every case passes, every hazard is controlled{translated}.", report.properties.len())
    } else {
        let failed_cases = findings.cases.map_or(0, CaseRun::failed);
        let uncontrolled = findings.hazards.iter().filter(|h| !h.controlled()).count();
        let translations = findings.failed_translations();
        writeln!(w, "\n{problems} problem(s) found: {} in the tree and its properties, {failed_cases} failing case(s), {uncontrolled} hazard(s) not controlled, {translations} translation(s) refused.", report.failures.len())
    }
}

/// The compiled form of the built-in rules (see
/// [`crate::rules::compiled`]): loaded from their TOML with every check,
/// proved, their cases run, and the report written as `rules check` would
/// write it.
pub fn compile_builtin() -> Result<Vec<u8>, String> {
    use crate::rules::{compiled, BUILTIN_CASES, BUILTIN_CASES_ORIGIN, BUILTIN_ORIGIN};
    let rules = Rules::builtin_from_toml().map_err(|e| e.to_string())?;
    let report = check::check(&rules);
    let parsed = super::cases::parse_cases(BUILTIN_CASES, BUILTIN_CASES_ORIGIN, true)
        .map_err(|e| e.to_string())?;
    let cases = CaseRun::run(&rules, BUILTIN_CASES_ORIGIN.to_string(), parsed);
    let hazards = safety::hazards(&rules, &report, Some(&cases));
    let spanish = Rules::builtin_from_toml_in(Language::Es);
    let translations = [TranslationStatus {
        language: Language::Es.code(),
        origin: crate::rules::BUILTIN_ES_ORIGIN.to_string(),
        problems: spanish.as_ref().err().cloned(),
    }];
    let findings = CheckFindings {
        report: &report,
        cases: Some(&cases),
        hazards: &hazards,
        translations: &translations,
    };
    let mut text = Vec::new();
    write_check_report(&mut text, &rules, BUILTIN_ORIGIN, None, &findings, None)
        .map_err(|e| e.to_string())?;
    let stored = compiled::StoredCheck {
        report: String::from_utf8(text).map_err(|e| e.to_string())?,
        problems: findings.problems(),
    };
    let spanish = spanish.map_err(|e| e.to_string())?;
    compiled::encode(&rules, stored, &spanish).map_err(|e| e.to_string())
}
