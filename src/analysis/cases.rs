//! `lactriage rules test`: run case files (a name, answers, the expected
//! urgency and/or condition) against rules, like a test runner.
//!
//! A TOML case file holds `[[case]]` tables; a JSON one an array of case
//! objects (or one object). `id` may stand for `name`, and a `story` is
//! allowed, so vignette files read as they are.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Deserialize;

use crate::answers::{Answer, AnswerError, Answers, RawAnswer};
use crate::engine::{self, Stop};
use crate::rules::{Problem, Rules, Urgency};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseDef {
    #[serde(alias = "id")]
    name: String,
    #[serde(default)]
    #[allow(dead_code)]
    story: Option<String>,
    answers: BTreeMap<String, RawAnswer>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlCases {
    case: Vec<CaseDef>,
}

/// What a case expects: a result (its urgency and/or condition), or that
/// the answer to one question is refused (`refused = "heart_rate"`), as a
/// typo or a reading in the wrong unit must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub urgency: Option<Urgency>,
    pub condition: Option<String>,
    pub refused: Option<String>,
}

/// One case, its answers not yet checked against any rules.
#[derive(Debug)]
pub struct Case {
    pub origin: String,
    pub name: String,
    pub answers: Vec<(String, RawAnswer)>,
    pub expect: Expect,
}

/// A case file that cannot be read as cases.
#[derive(Debug, thiserror::Error)]
#[error("{origin}:{line}:{column}: {message}")]
pub struct CaseFileError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Reads the cases of one file; `toml` chooses the format.
pub fn parse_cases(text: &str, origin: &str, toml: bool) -> Result<Vec<Case>, CaseFileError> {
    let fail = |line, column, message: String| CaseFileError {
        origin: origin.to_string(),
        line,
        column,
        message,
    };
    let defs: Vec<CaseDef> = if toml {
        let file: TomlCases = toml::from_str(text).map_err(|e| {
            let p = Problem::at(text, e.span().unwrap_or(0..0), e.message().trim());
            fail(p.line, p.column, p.message)
        })?;
        file.case
    } else {
        // A list or one case, chosen by the first character, so that an
        // error names the line and field rather than "no variant matched".
        let list = text.trim_start().starts_with('[');
        let bad = |e: serde_json::Error| {
            fail(
                e.line(),
                e.column(),
                format!("not a case or a list of cases: {e}"),
            )
        };
        if list {
            serde_json::from_str::<Vec<CaseDef>>(text).map_err(bad)?
        } else {
            vec![serde_json::from_str::<CaseDef>(text).map_err(bad)?]
        }
    };
    let cases: Vec<Case> = defs
        .into_iter()
        .map(|c| Case {
            origin: origin.to_string(),
            name: c.name,
            answers: c.answers.into_iter().collect(),
            expect: c.expect,
        })
        .collect();
    for c in &cases {
        let e = &c.expect;
        let result = e.urgency.is_some() || e.condition.is_some();
        let message = match (result, &e.refused) {
            (false, None) => {
                "expects nothing: give expect.urgency and/or expect.condition, or expect.refused"
            }
            (true, Some(_)) => {
                "expects both a result and a refused answer: a refused answer gives no result"
            }
            _ => continue,
        };
        // Point at the case: where its name is written.
        let (line, column) = text
            .find(&format!("\"{}\"", c.name))
            .map(|at| {
                let p = Problem::at(text, at..at, "");
                (p.line, p.column)
            })
            .unwrap_or((1, 1));
        return Err(fail(line, column, format!("case '{}' {message}", c.name)));
    }
    Ok(cases)
}

/// How one case went.
#[derive(Debug)]
pub enum Verdict {
    Passed,
    Failed(String),
}

pub fn run_case(rules: &Rules, case: &Case) -> Verdict {
    let mut answers = Answers::new();
    for (id, raw) in &case.answers {
        if let Err(e) = answers.insert(rules, id, raw) {
            if case.expect.refused.as_deref() == Some(id.as_str()) {
                return Verdict::Passed;
            }
            return Verdict::Failed(format!("bad answer: {}", short(&e)));
        }
    }
    if let Some(id) = &case.expect.refused {
        return Verdict::Failed(format!(
            "expected the answer to '{id}' to be refused, but every answer was accepted"
        ));
    }
    let result = match engine::assess(rules, &answers) {
        Ok(result) => result,
        Err(Stop::Source(missing)) => {
            let ids: Vec<&str> = missing.questions.iter().map(|q| q.id.as_str()).collect();
            return Verdict::Failed(format!("no result: missing answers for {}", ids.join(", ")));
        }
        Err(Stop::Unfit { question, answer }) => {
            return Verdict::Failed(format!("answer '{answer}' does not fit '{question}'"));
        }
    };
    let urgency_ok = case.expect.urgency.is_none_or(|u| u == result.urgency);
    let condition_ok = case
        .expect
        .condition
        .as_ref()
        .is_none_or(|c| *c == result.condition.id);
    if urgency_ok && condition_ok {
        return Verdict::Passed;
    }
    let expected = format!(
        "{}/{}",
        case.expect
            .urgency
            .map_or("*".to_string(), |u| u.to_string()),
        case.expect.condition.as_deref().unwrap_or("*")
    );
    let path: Vec<String> = result
        .path
        .iter()
        // Optional measurements nobody gave are left out, as for a parent.
        .filter(|s| !(s.question.consultant_only && s.answer == Answer::NotMeasured))
        .map(|s| format!("{}={}", s.question.id, s.answer))
        .collect();
    Verdict::Failed(format!(
        "expected {expected}, got {}/{}; path: {}",
        result.urgency,
        result.condition.id,
        path.join(" > ")
    ))
}

fn short(e: &AnswerError) -> String {
    e.to_string()
}

/// Runs every case, printing one line per failure and a closing count.
/// Returns (passed, failed).
pub fn run_all(w: &mut impl Write, rules: &Rules, cases: &[Case]) -> io::Result<(usize, usize)> {
    let mut passed = 0;
    let mut failed = 0;
    for case in cases {
        match run_case(rules, case) {
            Verdict::Passed => passed += 1,
            Verdict::Failed(why) => {
                failed += 1;
                writeln!(w, "FAIL {}: {}: {why}", case.origin, case.name)?;
            }
        }
    }
    writeln!(w, "{passed} passed, {failed} failed")?;
    Ok((passed, failed))
}
