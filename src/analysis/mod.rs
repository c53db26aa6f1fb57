//! Reasoning about a rules file as a whole rather than one answer set.
//!
//! Every question's answers fall into a few *classes*: each yes/no/unsure,
//! each choice, `not_measured`, and each interval between the numeric
//! thresholds the file uses (and each threshold itself). Two answers of one
//! class take the same branch at every step, so checking one representative
//! per class covers every answer. The analyses work per node of the tree
//! over sets of classes ([`tree`]), and compare two walks over the same
//! answers state by state ([`product`]), so they cover every combination
//! without listing them, at a cost that follows the size of the tree rather
//! than its number of paths.
//!
//! ```
//! use lactriage::analysis::check;
//! use lactriage::rules::Rules;
//!
//! let rules = Rules::builtin().unwrap();
//! let report = check::check(&rules);
//! assert!(report.failures.is_empty());
//! assert!(report.combinations > 1_000_000u64.into());
//! ```

pub mod cases;
pub mod check;
pub mod count;
pub mod diff;
pub mod graph;
pub mod product;
pub mod report;
pub mod safety;
pub mod tree;

use std::collections::HashMap;

use crate::answers::{Answer, Temperature, TemperatureUnit};
use crate::rules::{
    Allowed, Branches, NodeKind, PropertyKind, Question, QuestionKind, Rules, WorseOrder,
};

/// Representative answers, one per class, for each question of `rules`
/// (indexed like `rules.questions`), cut at the thresholds of every file in
/// `cut_by` (the rules themselves, or both sides of a comparison).
pub fn classes(rules: &Rules, cut_by: &[&Rules]) -> Vec<Vec<Answer>> {
    let mut points: HashMap<&str, Vec<f64>> = HashMap::new();
    for r in cut_by {
        thresholds(r, &mut points);
    }
    rules
        .questions
        .iter()
        .map(|q| question_classes(q, points.remove(q.id.as_str()).unwrap_or_default()))
        .collect()
}

/// Every number a file compares answers with, per question id: branch
/// bounds, property bounds, and where a "worse" order starts. One pass over
/// the file, whatever its number of questions.
fn thresholds<'r>(rules: &'r Rules, points: &mut HashMap<&'r str, Vec<f64>>) {
    let mut add = |q: crate::rules::QuestionId, value: f64| {
        points
            .entry(rules.question_at(q).id.as_str())
            .or_default()
            .push(value);
    };
    for node in &rules.nodes {
        if let NodeKind::Step(step) = &node.kind {
            if let Branches::Numeric { ranges, .. } = &step.branches {
                for r in ranges {
                    for bound in r.range.lower.iter().chain(&r.range.upper) {
                        add(step.question, bound.value);
                    }
                }
            }
        }
    }
    for p in &rules.properties {
        match &p.kind {
            PropertyKind::AtLeast { when, unless, .. } => {
                for c in when.iter().chain(unless) {
                    if let Allowed::Range(interval) = &c.allowed {
                        for bound in interval.lower.iter().chain(&interval.upper) {
                            add(c.question, bound.value);
                        }
                    }
                }
            }
            PropertyKind::Worse {
                question,
                order:
                    WorseOrder::Increasing { from: Some(from) }
                    | WorseOrder::Decreasing { from: Some(from) },
            } => add(*question, *from),
            PropertyKind::Worse { .. } => {}
        }
    }
}

fn question_classes(q: &Question, mut points: Vec<f64>) -> Vec<Answer> {
    let mut classes = match &q.kind {
        // Never asked by the tree: one class, so it changes no count.
        _ if q.intake => {
            let mut one = question_classes_of_kind(q, &mut points);
            one.truncate(1);
            return one;
        }
        _ => question_classes_of_kind(q, &mut points),
    };
    // An optional measurement is usually not measured: first, so examples
    // pick it.
    if q.consultant_only {
        classes.insert(0, Answer::NotMeasured);
    } else if q.accepts_not_measured() {
        classes.push(Answer::NotMeasured);
    }
    classes
}

fn question_classes_of_kind(q: &Question, points: &mut Vec<f64>) -> Vec<Answer> {
    match &q.kind {
        QuestionKind::Text => vec![Answer::Text(String::new())],
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::YesNoUnsure { .. } => vec![Answer::Yes, Answer::No, Answer::Unsure],
        QuestionKind::Choice(choices) => choices
            .iter()
            .map(|c| Answer::Choice(c.id.clone()))
            .collect(),
        QuestionKind::Number(spec) => numeric_classes(points, spec.min, spec.max, spec.whole)
            .into_iter()
            .map(Answer::Number)
            .collect(),
        QuestionKind::Temperature => {
            let (lo, hi) = crate::answers::CELSIUS_RANGE;
            numeric_classes(points, Some(lo), Some(hi), false)
                .into_iter()
                .map(|x| {
                    Answer::Temperature(Temperature {
                        reading: x,
                        unit: TemperatureUnit::Celsius,
                        celsius: x,
                    })
                })
                .collect()
        }
    }
}

/// One number per class of answers to a numeric question: each threshold
/// (a closed class of one value) and each open interval between two
/// thresholds or beyond the last, within the accepted values.
///
/// A class is named by the thresholds around it, and its representative is
/// a number inside it found from those thresholds (the midpoint, or the next
/// number a machine can hold), never by adding or subtracting one: above
/// 1e17, `x - 1.0 == x`. A class that holds no number (two adjacent machine
/// numbers, or no whole number for a `whole` question) is left out, since no
/// answer can fall in it.
fn numeric_classes(
    points: &mut Vec<f64>,
    min: Option<f64>,
    max: Option<f64>,
    whole: bool,
) -> Vec<f64> {
    let inside = |x: f64| x.is_finite() && min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
    points.extend(min);
    points.extend(max);
    points.retain(|x| inside(*x));
    points.sort_by(f64::total_cmp);
    points.dedup();
    let is_whole = |x: f64| x.fract() == 0.0;
    let mut out = Vec::with_capacity(points.len() * 2 + 2);
    let mut push = |x: Option<f64>| {
        if let Some(x) = x.filter(|x| inside(*x) && (!whole || is_whole(*x))) {
            out.push(x);
        }
    };
    match points.first() {
        None => push(Some(min.unwrap_or(0.0))),
        Some(&first) if min.is_none() => push(below(first, whole)),
        Some(_) => {}
    }
    for (i, &x) in points.iter().enumerate() {
        push(Some(x));
        if let Some(&next) = points.get(i + 1) {
            push(between(x, next, whole));
        }
    }
    if let (Some(&last), None) = (points.last(), max) {
        push(above(last, whole));
    }
    out
}

/// A number below `t`: a round one where the machine can tell it apart.
fn below(t: f64, whole: bool) -> Option<f64> {
    let x = if whole {
        next_down(t).floor()
    } else if t - 1.0 < t {
        t - 1.0
    } else {
        next_down(t)
    };
    (x.is_finite() && x < t).then_some(x)
}

fn above(t: f64, whole: bool) -> Option<f64> {
    let x = if whole {
        next_up(t).ceil()
    } else if t + 1.0 > t {
        t + 1.0
    } else {
        next_up(t)
    };
    (x.is_finite() && x > t).then_some(x)
}

/// A number strictly between `a` and `b`, if there is one.
fn between(a: f64, b: f64, whole: bool) -> Option<f64> {
    let x = if whole {
        next_up(a).ceil()
    } else {
        // Halves first: `a + b` may overflow.
        a / 2.0 + b / 2.0
    };
    if a < x && x < b {
        return Some(x);
    }
    let x = next_up(a);
    (!whole && x < b).then_some(x)
}

/// The next machine number above `x` (`f64::next_up`, which needs Rust 1.86).
pub(crate) fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let bits = x.to_bits();
    f64::from_bits(if x > 0.0 { bits + 1 } else { bits - 1 })
}

fn next_down(x: f64) -> f64 {
    -next_up(-x)
}

/// `--set` arguments that reproduce an answer set, for the questions listed.
pub fn set_args(
    rules: &Rules,
    classes: &[Vec<Answer>],
    choice: &[usize],
    questions: &[usize],
) -> String {
    questions
        .iter()
        // Unanswered optional measurements count as not measured already.
        .filter(|&&q| {
            !(rules.questions[q].consultant_only && classes[q][choice[q]] == Answer::NotMeasured)
        })
        .map(|&q| format!("--set {}={}", rules.questions[q].id, classes[q][choice[q]]))
        .collect::<Vec<_>>()
        .join(" ")
}
