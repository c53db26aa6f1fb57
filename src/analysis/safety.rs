//! The clinical safety case: whether each hazard of the rules' hazard log is
//! controlled, from the proof of the properties ([`super::check`]) and the
//! results of the cases ([`super::cases`]), and the document a clinical
//! safety officer reviews and signs (`lactriage rules safety-case`).
//!
//! A hazard is controlled when it names at least one control and every
//! control it names that the tool can check holds: each property is proven
//! (not failing, not vacuous), each case is in the case file and passes.
//! Loader checks hold for any file that loads. A test of the program (a
//! control outside the rules, such as the prompt's) is listed with where it
//! lives; `cargo test` runs it, not `rules check`.

use std::io::{self, Write};

use super::cases::{run_case, Case, Verdict};
use super::check::{CheckReport, PropertyStatus};
use crate::rules::{format_number, shared_sources, Hazard, Rules, Threshold, LOADER_CHECKS};

/// The cases a check ran: where they came from, and each one's verdict.
#[derive(Debug)]
pub struct CaseRun {
    pub origin: String,
    pub results: Vec<(Case, Verdict)>,
}

impl CaseRun {
    pub fn run(rules: &Rules, origin: String, cases: Vec<Case>) -> CaseRun {
        let results = cases
            .into_iter()
            .map(|case| {
                let verdict = run_case(rules, &case);
                (case, verdict)
            })
            .collect();
        CaseRun { origin, results }
    }

    pub fn failed(&self) -> usize {
        self.results
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Failed(_)))
            .count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlKind {
    Property,
    Case,
    Test,
    LoaderCheck,
}

impl ControlKind {
    fn word(self) -> &'static str {
        match self {
            ControlKind::Property => "property",
            ControlKind::Case => "case",
            ControlKind::Test => "test",
            ControlKind::LoaderCheck => "loader check",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ControlStatus {
    /// Proven, passed, or enforced by the loader.
    Holds,
    /// A test of the program: run by `cargo test`, outside the rules.
    Outside,
    /// Checked, and it does not hold: why.
    Fails(String),
}

#[derive(Debug, Clone)]
pub struct Control {
    pub kind: ControlKind,
    pub name: String,
    pub status: ControlStatus,
}

#[derive(Debug)]
pub struct HazardStatus<'r> {
    pub hazard: &'r Hazard,
    pub controls: Vec<Control>,
}

impl HazardStatus<'_> {
    pub fn controlled(&self) -> bool {
        !self.controls.is_empty()
            && self
                .controls
                .iter()
                .all(|c| !matches!(c.status, ControlStatus::Fails(_)))
    }

    /// Why it is not controlled, in a line.
    pub fn problem(&self) -> Option<String> {
        if self.controls.is_empty() {
            return Some("it names no control".into());
        }
        let failing: Vec<String> = self
            .controls
            .iter()
            .filter_map(|c| match &c.status {
                ControlStatus::Fails(why) => Some(format!("{} '{}' {why}", c.kind.word(), c.name)),
                _ => None,
            })
            .collect();
        (!failing.is_empty()).then(|| failing.join("; "))
    }
}

/// The status of every hazard of `rules`, from a check and (if there is a
/// case file) the cases.
pub fn hazards<'r>(
    rules: &'r Rules,
    report: &CheckReport,
    cases: Option<&CaseRun>,
) -> Vec<HazardStatus<'r>> {
    rules
        .hazards
        .iter()
        .map(|hazard| {
            let mut controls = Vec::new();
            for id in &hazard.properties {
                let status = match report.property(id).map(|p| p.status) {
                    Some(PropertyStatus::Holds) => ControlStatus::Holds,
                    Some(PropertyStatus::Fails) => ControlStatus::Fails("fails".into()),
                    Some(PropertyStatus::Vacuous) => {
                        ControlStatus::Fails("is vacuous: it constrains no answers".into())
                    }
                    None => ControlStatus::Fails("is not declared".into()),
                };
                controls.push(Control {
                    kind: ControlKind::Property,
                    name: id.clone(),
                    status,
                });
            }
            for name in &hazard.cases {
                let status = match cases {
                    None => ControlStatus::Fails(
                        "was not run: there is no case file (give --cases PATH)".into(),
                    ),
                    Some(run) => match run.results.iter().find(|(c, _)| c.name == *name) {
                        None => ControlStatus::Fails(format!("is not in {}", run.origin)),
                        Some((_, Verdict::Passed)) => ControlStatus::Holds,
                        Some((_, Verdict::Failed(why))) => {
                            ControlStatus::Fails(format!("fails: {why}"))
                        }
                    },
                };
                controls.push(Control {
                    kind: ControlKind::Case,
                    name: name.clone(),
                    status,
                });
            }
            for name in &hazard.loader_checks {
                controls.push(Control {
                    kind: ControlKind::LoaderCheck,
                    name: name.clone(),
                    status: ControlStatus::Holds,
                });
            }
            for name in &hazard.tests {
                controls.push(Control {
                    kind: ControlKind::Test,
                    name: name.clone(),
                    status: ControlStatus::Outside,
                });
            }
            HazardStatus { hazard, controls }
        })
        .collect()
}

/// Thresholds that cite no source.
pub fn uncited(rules: &Rules) -> Vec<&Threshold> {
    rules
        .thresholds
        .iter()
        .filter(|t| t.sources.is_empty())
        .collect()
}

/// The part of `rules check`'s report about the safety case: hazards,
/// thresholds, cases and the digest.
pub fn write_check_section(
    w: &mut impl Write,
    rules: &Rules,
    origin: &str,
    hazards: &[HazardStatus],
    cases: Option<&CaseRun>,
) -> io::Result<()> {
    match cases {
        Some(run) => writeln!(
            w,
            "  cases:          {} passed, {} failed ({})",
            run.results.len() - run.failed(),
            run.failed(),
            run.origin
        )?,
        None => writeln!(
            w,
            "  cases:          none (no case file beside the rules; give --cases PATH)"
        )?,
    }
    let controlled = hazards.iter().filter(|h| h.controlled()).count();
    if hazards.is_empty() {
        writeln!(
            w,
            "  hazards:        none declared (a [[hazard]] log makes the safety case)"
        )?;
    } else {
        writeln!(
            w,
            "  hazards:        {controlled} of {} controlled",
            hazards.len()
        )?;
        for h in hazards {
            let outside: Vec<&str> = h
                .controls
                .iter()
                .filter(|c| c.status == ControlStatus::Outside)
                .map(|c| c.name.as_str())
                .collect();
            let verdict = match h.problem() {
                Some(why) => format!("NOT CONTROLLED: {why}"),
                None if outside.is_empty() => "controlled".to_string(),
                None => format!(
                    "controlled outside the rules, by {} (run by cargo test)",
                    outside.join(", ")
                ),
            };
            writeln!(w, "    {} {}: {verdict}", h.hazard.id, h.hazard.title)?;
        }
    }
    let uncited = uncited(rules);
    if uncited.is_empty() {
        writeln!(
            w,
            "  thresholds:     {}, each citing a source",
            rules.thresholds.len()
        )?;
    } else {
        writeln!(
            w,
            "  thresholds:     {} of {} cite no source:",
            uncited.len(),
            rules.thresholds.len()
        )?;
        for t in uncited {
            writeln!(
                w,
                "    {origin}:{}: {} {} in {}",
                t.line,
                t.question,
                format_number(t.value),
                t.place
            )?;
        }
    }
    Ok(())
}

/// Everything the safety-case document is made from.
pub struct SafetyCase<'a> {
    pub rules: &'a Rules,
    pub report: &'a CheckReport,
    pub hazards: &'a [HazardStatus<'a>],
    pub cases: Option<&'a CaseRun>,
    /// The rules' changelog, as Markdown, if there is one.
    pub changelog: Option<&'a str>,
}

/// The safety case as one Markdown document, the same for the same rules,
/// cases and changelog (no times, no machine details), so a stored copy can
/// be compared with a fresh one.
pub fn write_document(w: &mut impl Write, case: &SafetyCase) -> io::Result<()> {
    let SafetyCase {
        rules,
        report,
        hazards,
        cases,
        changelog,
    } = case;
    let uncontrolled: Vec<&str> = hazards
        .iter()
        .filter(|h| !h.controlled())
        .map(|h| h.hazard.id.as_str())
        .collect();
    writeln!(
        w,
        "# Clinical safety case: {} {}",
        rules.name, rules.version
    )?;
    writeln!(w)?;
    writeln!(
        w,
        "<!-- Written by `lactriage rules safety-case`; do not edit by hand. -->"
    )?;
    writeln!(w)?;
    writeln!(w, "| | |")?;
    writeln!(w, "|---|---|")?;
    writeln!(w, "| Rules | {} ({}) |", rules.name, cell(&rules.title))?;
    writeln!(w, "| Version | {} |", rules.version)?;
    writeln!(
        w,
        "| Digest (SHA-256 of the file's bytes) | `{}` |",
        rules.digest
    )?;
    writeln!(
        w,
        "| Written by | lactriage {} |",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(w)?;
    if hazards.is_empty() {
        writeln!(w, "**These rules declare no hazard log.**")?;
    } else if uncontrolled.is_empty() {
        writeln!(
            w,
            "**All {} hazards are controlled.** Every property below holds over every combination of answers, and every case passes.",
            hazards.len()
        )?;
    } else {
        writeln!(
            w,
            "**NOT CONTROLLED: {}.** This version must not be released until each is controlled.",
            uncontrolled.join(", ")
        )?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "Reviewed and approved for release by the clinical safety officer:"
    )?;
    writeln!(w)?;
    writeln!(w, "| Name | Role and registration | Date | Signature |")?;
    writeln!(w, "|---|---|---|---|")?;
    writeln!(w, "| | | | |")?;
    writeln!(w)?;

    writeln!(w, "## What this proves, and what it does not")?;
    writeln!(w)?;
    for line in LIMITS {
        writeln!(w, "- {line}")?;
    }
    writeln!(w)?;

    writeln!(w, "## Hazard log")?;
    writeln!(w)?;
    writeln!(
        w,
        "Severity uses the five categories of the NHS clinical risk management standard DCB0129 (minor, significant, considerable, major, catastrophic), as the rules file declares it, for the safety officer to confirm."
    )?;
    writeln!(w)?;
    writeln!(w, "| Id | Hazard | Severity | Controls | Status |")?;
    writeln!(w, "|---|---|---|---|---|")?;
    for h in hazards.iter() {
        writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            h.hazard.id,
            cell(&h.hazard.title),
            h.hazard.severity,
            h.controls.len(),
            if h.controlled() {
                "controlled"
            } else {
                "**NOT CONTROLLED**"
            }
        )?;
    }
    for h in hazards.iter() {
        writeln!(w)?;
        writeln!(w, "### {}: {}", h.hazard.id, h.hazard.title)?;
        writeln!(w)?;
        writeln!(w, "- Cause: {}", h.hazard.cause)?;
        writeln!(w, "- Effect: {}", h.hazard.effect)?;
        writeln!(w, "- Severity: {}", h.hazard.severity)?;
        match h.problem() {
            None => writeln!(w, "- Status: controlled")?,
            Some(why) => writeln!(w, "- Status: **NOT CONTROLLED**: {why}")?,
        }
        writeln!(w, "- Controls:")?;
        for c in &h.controls {
            let (status, what) = match (&c.status, c.kind) {
                (ControlStatus::Holds, ControlKind::Property) => {
                    ("proven", property_name(report, &c.name))
                }
                (ControlStatus::Holds, ControlKind::Case) => ("passes", String::new()),
                (ControlStatus::Holds, ControlKind::LoaderCheck) => {
                    ("enforced", loader_check_text(&c.name))
                }
                (ControlStatus::Holds, ControlKind::Test) => ("", String::new()),
                (ControlStatus::Outside, _) => (
                    "run by `cargo test`",
                    "a test of the program, outside the rules".to_string(),
                ),
                (ControlStatus::Fails(why), _) => ("**FAILS**", why.clone()),
            };
            let what = if what.is_empty() {
                String::new()
            } else {
                format!(": {what}")
            };
            writeln!(w, "  - {} `{}` ({status}){what}", c.kind.word(), c.name)?;
        }
    }
    writeln!(w)?;

    writeln!(w, "## The exhaustive check")?;
    writeln!(w)?;
    writeln!(
        w,
        "Answers fall into classes: each yes, no or not-sure answer, each choice, \"not measured\", each numeric threshold of the file, and each interval between two thresholds. Two answers of one class take the same branch at every step, so one answer per class stands for all of them. The tree splits the combinations of classes into paths, and each property is checked on every path."
    )?;
    writeln!(w)?;
    writeln!(w, "| | |")?;
    writeln!(w, "|---|---|")?;
    writeln!(w, "| Questions | {} |", report.questions)?;
    writeln!(w, "| Answer classes | {} |", report.classes)?;
    writeln!(
        w,
        "| Combinations of answer classes | {} ({}) |",
        report.combinations.grouped(),
        report.combinations.scientific()
    )?;
    writeln!(w, "| Paths through the tree | {} |", report.paths)?;
    writeln!(w, "| Outcomes | {} |", report.outcomes)?;
    writeln!(w)?;
    let structural: Vec<&str> = report
        .failures
        .iter()
        .filter(|f| !f.what.starts_with("property "))
        .map(|f| f.what.as_str())
        .collect();
    if structural.is_empty() {
        writeln!(
            w,
            "Every path ends in an outcome, no question is asked twice on a path, and every outcome is reached by some answers."
        )?;
    } else {
        writeln!(w, "**Problems in the tree:**")?;
        writeln!(w)?;
        for s in structural {
            writeln!(w, "- {}", cell(s))?;
        }
    }
    writeln!(w)?;

    writeln!(w, "## Safety properties")?;
    writeln!(w)?;
    writeln!(w, "| Id | Property | Result | Checked over |")?;
    writeln!(w, "|---|---|---|---|")?;
    for p in &report.properties {
        writeln!(
            w,
            "| {} | {} | {} | {} |",
            p.id.as_deref().unwrap_or(""),
            cell(&p.name),
            p.status.word(),
            cell(&p.coverage)
        )?;
    }
    writeln!(w)?;

    writeln!(w, "## Cases")?;
    writeln!(w)?;
    match cases {
        None => writeln!(w, "No case file was given.")?,
        Some(run) => {
            writeln!(
                w,
                "{} cases from `{}`: {} passed, {} failed.",
                run.results.len(),
                run.origin,
                run.results.len() - run.failed(),
                run.failed()
            )?;
            writeln!(w)?;
            writeln!(w, "| Case | Expected | Result |")?;
            writeln!(w, "|---|---|---|")?;
            for (case, verdict) in &run.results {
                let e = &case.expect;
                let expected = match &e.refused {
                    Some(q) => format!("answer to `{q}` refused"),
                    None => [
                        e.urgency.map(|u| format!("`{u}`")),
                        e.condition.as_ref().map(|c| format!("`{c}`")),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                };
                let result = match verdict {
                    Verdict::Passed => "passes".to_string(),
                    Verdict::Failed(why) => format!("**FAILS**: {}", cell(why)),
                };
                writeln!(w, "| {} | {expected} | {result} |", cell(&case.name))?;
            }
        }
    }
    writeln!(w)?;

    writeln!(w, "## Thresholds and their sources")?;
    writeln!(w)?;
    writeln!(
        w,
        "Every number the steps and properties compare answers with (temperatures in °C), with the sources it cites and where it is used."
    )?;
    writeln!(w)?;
    writeln!(w, "| Question | Threshold | Sources | Used in |")?;
    writeln!(w, "|---|---|---|---|")?;
    for row in threshold_rows(rules) {
        let sources = row.sources();
        let sources = if sources.is_empty() {
            "**none**".to_string()
        } else {
            sources
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            w,
            "| `{}` | {} | {sources} | {} |",
            row.question,
            format_number(row.value),
            row.places.join(", ")
        )?;
    }
    writeln!(w)?;
    writeln!(w, "### Sources")?;
    writeln!(w)?;
    for s in &rules.sources {
        writeln!(w, "- `{}`: {}", s.id, s.text)?;
    }
    writeln!(w)?;

    writeln!(w, "## Change history")?;
    writeln!(w)?;
    match changelog {
        None => writeln!(w, "No changelog was given.")?,
        Some(text) => {
            // Its headings one level down, under this section's.
            for line in text.lines() {
                if line.starts_with('#') {
                    writeln!(w, "##{line}")?;
                } else {
                    writeln!(w, "{line}")?;
                }
            }
        }
    }
    Ok(())
}

const LIMITS: &[&str] = &[
    "It proves the rules: for every combination of answers the tree can be given, each safety property holds, every path ends in a result, and no question is asked twice. It is a proof over answer classes, not a sample of cases.",
    "It does not prove that the questions are understood as meant, that a person's answers are true, or that the advice is followed. The wording is reviewed by reading, not proven, and the cases stand for typical people, not for every person.",
    "It does not prove the sources right: the thresholds are those of the cited guidance, and where the sources disagree the rules take the more urgent reading.",
    "Controls outside the rules (tests of the program, such as the prompt's) are run by the project's test suite, `cargo test`, not by this check.",
    "The result is a triage aid, not a diagnosis; every result says so.",
];

struct ThresholdRow {
    question: String,
    value: f64,
    /// The sources each place cites for it.
    cited: Vec<Vec<String>>,
    places: Vec<String>,
}

impl ThresholdRow {
    /// What the places agree on, as for the ranges of one step.
    fn sources(&self) -> Vec<String> {
        shared_sources(&self.cited)
    }
}

/// One row per question and number, in order. A place that cites no
/// source for it is marked, so one gap is not hidden by the others.
fn threshold_rows(rules: &Rules) -> Vec<ThresholdRow> {
    let mut rows: Vec<ThresholdRow> = Vec::new();
    let mut index: std::collections::HashMap<(&str, u64), usize> = Default::default();
    for t in &rules.thresholds {
        let mut place = t.place.replace('\'', "`");
        if t.sources.is_empty() {
            place.push_str(" (**no source**)");
        }
        // `+ 0.0` makes -0 and 0 one key, as they are one number.
        let key = (t.question.as_str(), (t.value + 0.0).to_bits());
        match index.get(&key) {
            Some(&i) => {
                let row = &mut rows[i];
                row.cited.push(t.sources.clone());
                if !row.places.contains(&place) {
                    row.places.push(place);
                }
            }
            None => {
                index.insert(key, rows.len());
                rows.push(ThresholdRow {
                    question: t.question.clone(),
                    value: t.value,
                    cited: vec![t.sources.clone()],
                    places: vec![place],
                });
            }
        }
    }
    let order = |q: &str| rules.questions.iter().position(|x| x.id == q);
    rows.sort_by(|a, b| {
        order(&a.question)
            .cmp(&order(&b.question))
            .then(a.value.total_cmp(&b.value))
    });
    rows
}

fn property_name(report: &CheckReport, id: &str) -> String {
    report
        .property(id)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn loader_check_text(name: &str) -> String {
    LOADER_CHECKS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| (*text).to_string())
        .unwrap_or_default()
}

/// Text for a Markdown table cell: no line breaks, no stray column bars.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}
