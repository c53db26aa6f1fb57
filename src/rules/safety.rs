//! The parts of a rules file that make its safety case: the hazard log, and
//! the source each numeric threshold cites.
//!
//! The loader only checks that these refer to things that exist (property
//! ids, source ids, loader checks); whether a hazard is controlled is for
//! [`crate::analysis::safety`] to decide, after the properties are proven and
//! the cases run.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::file::{BoundsDef, ConstraintDef, HazardDef, PropertyDef, RangeDef, StepDef};
use super::load::{suggest, Checker};
use super::Question;

/// How bad the harm would be: the five severity categories of the NHS
/// clinical risk management standard DCB0129, least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Minor injury from which recovery is expected in the short term;
    /// minor psychological upset; inconvenience.
    Minor,
    /// Minor injury from which recovery is not expected in the short term;
    /// significant psychological trauma.
    Significant,
    /// Severe injury or incapacity from which recovery is expected in the
    /// short term.
    Considerable,
    /// Death, or permanent life-changing incapacity, of one person.
    Major,
    /// Death, or permanent life-changing incapacity, of several people.
    Catastrophic,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Minor => "minor",
            Severity::Significant => "significant",
            Severity::Considerable => "considerable",
            Severity::Major => "major",
            Severity::Catastrophic => "catastrophic",
        })
    }
}

/// Checks the loader makes of every rules file, which a hazard can name as
/// its control: a file that breaks one does not load.
pub const LOADER_CHECKS: &[(&str, &str)] = &[(
    "avoid_list_below_today",
    "every outcome below 'today' has a condition with a non-empty avoid list",
)];

/// One entry of the hazard log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hazard {
    pub id: String,
    pub title: String,
    pub cause: String,
    pub effect: String,
    pub severity: Severity,
    /// Ids of properties that `rules check` proves.
    pub properties: Vec<String>,
    /// Names of cases of the rules' case file.
    pub cases: Vec<String>,
    /// Tests of the program outside the rules.
    pub tests: Vec<String>,
    /// Names from [`LOADER_CHECKS`].
    pub loader_checks: Vec<String>,
}

impl Hazard {
    pub fn has_controls(&self) -> bool {
        !(self.properties.is_empty()
            && self.cases.is_empty()
            && self.tests.is_empty()
            && self.loader_checks.is_empty())
    }
}

/// A number a step or a property compares an answer with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Threshold {
    pub question: String,
    /// In the question's unit (°C for temperatures).
    pub value: f64,
    /// "step 'vitals_heart_rate'" or "property 'fever_today'".
    pub place: String,
    /// Line of the range or property in the rules file.
    pub line: usize,
    /// Source ids it cites; empty when it cites none.
    pub sources: Vec<String>,
}

pub(super) fn build_hazards(
    c: &mut Checker,
    defs: Vec<HazardDef>,
    property_ids: &HashMap<String, usize>,
) -> Vec<Hazard> {
    let mut seen = HashSet::new();
    let mut hazards = Vec::with_capacity(defs.len());
    for d in defs {
        let id = d.id.get_ref();
        let id_ok = !id.is_empty()
            && id
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-');
        if !id_ok {
            c.report(
                d.id.span(),
                format!("hazard id '{id}' is not valid: use letters, digits, '-' and '_'"),
            );
        }
        if !seen.insert(id.clone()) {
            c.report(d.id.span(), format!("duplicate hazard id '{id}'"));
        }
        c.require_text(&d.title, "a hazard's title");
        c.require_text(&d.cause, "a hazard's cause");
        c.require_text(&d.effect, "a hazard's effect");
        for p in &d.properties {
            if !property_ids.contains_key(p.get_ref()) {
                c.report(
                    p.span(),
                    format!(
                        "hazard '{id}' names property '{}', but no property has that id{}",
                        p.get_ref(),
                        suggest(p.get_ref(), property_ids.keys())
                    ),
                );
            }
        }
        for check in &d.loader_checks {
            if !LOADER_CHECKS
                .iter()
                .any(|(name, _)| name == check.get_ref())
            {
                let known: Vec<&str> = LOADER_CHECKS.iter().map(|(name, _)| *name).collect();
                c.report(
                    check.span(),
                    format!(
                        "hazard '{id}' names loader check '{}', which does not exist (known: {})",
                        check.get_ref(),
                        known.join(", ")
                    ),
                );
            }
        }
        for name in d.cases.iter().chain(&d.tests) {
            c.require_text(name, "a hazard's case or test name");
        }
        let list = |v: Vec<Spanned<String>>| v.into_iter().map(Spanned::into_inner).collect();
        hazards.push(Hazard {
            id: d.id.into_inner(),
            title: d.title.into_inner(),
            cause: d.cause.into_inner(),
            effect: d.effect.into_inner(),
            severity: d.severity.into_inner(),
            properties: list(d.properties),
            cases: list(d.cases),
            tests: list(d.tests),
            loader_checks: list(d.loader_checks),
        });
    }
    hazards
}

/// Every threshold of the steps and properties, with the sources it cites;
/// reports a citation of a source that is not declared.
pub(super) fn thresholds(
    c: &mut Checker,
    steps: &[StepDef],
    properties: &[Spanned<PropertyDef>],
    questions: &[Question],
    question_index: &HashMap<String, usize>,
    source_index: &HashMap<String, usize>,
) -> Vec<Threshold> {
    let cite = |c: &mut Checker, ids: Vec<&str>, span: Range<usize>| -> Vec<String> {
        if ids.is_empty() {
            c.report(
                span.clone(),
                "'source' names no source: give an id, or a list of ids",
            );
        }
        for id in &ids {
            if !source_index.contains_key(*id) {
                c.report(
                    span.clone(),
                    format!(
                        "'{id}' is not a declared [[source]]{}",
                        suggest(id, source_index.keys())
                    ),
                );
            }
        }
        ids.into_iter().map(str::to_string).collect()
    };
    let question_id = |id: &str| question_index.get(id).map(|&i| questions[i].id.clone());
    // Each number of each place, with the source lists of every range or
    // constraint that names it.
    // Found by an index, not a search: a file may have thousands of steps.
    let mut found: Vec<(Threshold, Vec<Vec<String>>)> = Vec::new();
    let mut index: HashMap<(String, String, u64), usize> = HashMap::new();
    let mut add = |question: String, value: f64, place: &str, line: usize, sources: Vec<String>| {
        // `+ 0.0` makes -0 and 0 one key, as they are one number.
        let key = (place.to_string(), question.clone(), (value + 0.0).to_bits());
        match index.get(&key) {
            Some(&i) => found[i].1.push(sources),
            None => {
                index.insert(key, found.len());
                found.push((
                    Threshold {
                        question,
                        value,
                        place: place.to_string(),
                        line,
                        sources: Vec::new(),
                    },
                    vec![sources],
                ));
            }
        }
    };
    for step in steps {
        let Some(ranges) = &step.ranges else { continue };
        let Some(question) = question_id(step.ask.get_ref()) else {
            continue;
        };
        let place = format!("step '{}'", step.id.get_ref());
        for range in ranges.get_ref() {
            let def = range.get_ref();
            let sources = match &def.source {
                Some(s) => cite(c, s.get_ref().ids(), s.span()),
                None => Vec::new(),
            };
            let line = c.line_of(range.span());
            let RangeDef {
                above,
                at_least,
                below,
                at_most,
                ..
            } = def;
            for value in [above, at_least, below, at_most].into_iter().flatten() {
                add(question.clone(), *value, &place, line, sources.clone());
            }
        }
    }
    for property in properties {
        let p = property.get_ref();
        let line = c.line_of(property.span());
        let place = match &p.id {
            Some(id) => format!("property '{}'", id.get_ref()),
            None => format!("property '{}'", p.name.get_ref()),
        };
        for (question, def) in p.when.iter().chain(&p.unless) {
            let ConstraintDef::Range(bounds) = def.get_ref() else {
                continue;
            };
            let Some(question) = question_id(question.get_ref()) else {
                continue;
            };
            let sources = match &bounds.source {
                Some(s) => cite(c, s.ids(), def.span()),
                None => Vec::new(),
            };
            let BoundsDef {
                above,
                at_least,
                below,
                at_most,
                ..
            } = bounds;
            for value in [above, at_least, below, at_most].into_iter().flatten() {
                add(question.clone(), *value, &place, line, sources.clone());
            }
        }
        if let (Some(worse), Some(from)) = (&p.worse, &p.from) {
            if let Some(question) = question_id(worse.get_ref()) {
                let sources = match &p.source {
                    Some(s) => cite(c, s.get_ref().ids(), s.span()),
                    None => Vec::new(),
                };
                add(question, *from.get_ref(), &place, line, sources);
            }
        } else if let Some(s) = &p.source {
            c.report(
                s.span(),
                "a property's own 'source' is for its 'from'; cite the source of a range inside it, such as { at_least = 38.0, source = \"...\" }",
            );
        }
    }
    found
        .into_iter()
        .map(|(mut t, lists)| {
            t.sources = shared_sources(&lists);
            t
        })
        .collect()
}

/// The sources of a number named by several ranges: the two ranges either
/// side of a threshold each cite the sources of both their bounds, so the
/// ones they share are the number's own; with none shared, all of them.
pub fn shared_sources(lists: &[Vec<String>]) -> Vec<String> {
    let cited: Vec<&Vec<String>> = lists.iter().filter(|l| !l.is_empty()).collect();
    let Some((first, rest)) = cited.split_first() else {
        return Vec::new();
    };
    let shared: Vec<String> = first
        .iter()
        .filter(|s| rest.iter().all(|l| l.contains(s)))
        .cloned()
        .collect();
    if !shared.is_empty() {
        return shared;
    }
    let mut all: Vec<String> = Vec::new();
    for s in cited.into_iter().flatten() {
        if !all.contains(s) {
            all.push(s.clone());
        }
    }
    all
}
