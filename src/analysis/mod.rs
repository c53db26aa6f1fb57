//! Reasoning about a rules file as a whole rather than one answer set.
//!
//! Every question's answers fall into a few *classes*: each yes/no/unsure,
//! each choice, `not_measured`, and each interval between the numeric
//! thresholds the file uses (and each threshold itself). Two answers of one
//! class take the same branch at every step, so checking one representative
//! per class covers every answer. The tree splits the combinations of classes
//! into *paths*: one per way through it, each a set of allowed classes per
//! question. Properties and comparisons work on paths, so they cover every
//! combination without listing them.
//!
//! ```
//! use lactriage::analysis::check;
//! use lactriage::rules::Rules;
//!
//! let rules = Rules::builtin().unwrap();
//! let report = check::check(&rules);
//! assert!(report.failures.is_empty());
//! assert!(report.combinations > 1e6);
//! ```

pub mod cases;
pub mod check;
pub mod diff;
pub mod graph;

use crate::answers::{Answer, Temperature, TemperatureUnit};
use crate::engine;
use crate::rules::{
    Allowed, Branches, NodeId, NodeKind, PropertyKind, Question, QuestionKind, Rules, WorseOrder,
};

/// Representative answers, one per class, for each question of `rules`
/// (indexed like `rules.questions`), cut at the thresholds of every file in
/// `cut_by` (the rules themselves, or both sides of a comparison).
pub fn classes(rules: &Rules, cut_by: &[&Rules]) -> Vec<Vec<Answer>> {
    rules
        .questions
        .iter()
        .map(|q| {
            let mut points = Vec::new();
            for r in cut_by {
                if let Some(other) = r.question(&q.id) {
                    points.extend(thresholds(r, other));
                }
            }
            question_classes(q, points)
        })
        .collect()
}

/// Every number a file compares answers to `q` with: branch bounds,
/// property bounds, and where a "worse" order starts.
fn thresholds(rules: &Rules, q: &Question) -> Vec<f64> {
    let mut points = Vec::new();
    for node in &rules.nodes {
        if let NodeKind::Step(step) = &node.kind {
            if rules.question_at(step.question).id != q.id {
                continue;
            }
            if let Branches::Numeric { ranges, .. } = &step.branches {
                for r in ranges {
                    points.extend(r.range.lower.map(|b| b.value));
                    points.extend(r.range.upper.map(|b| b.value));
                }
            }
        }
    }
    for p in &rules.properties {
        match &p.kind {
            PropertyKind::AtLeast { when, unless, .. } => {
                for c in when.iter().chain(unless) {
                    if rules.question_at(c.question).id != q.id {
                        continue;
                    }
                    if let Allowed::Range(interval) = &c.allowed {
                        points.extend(interval.lower.map(|b| b.value));
                        points.extend(interval.upper.map(|b| b.value));
                    }
                }
            }
            PropertyKind::Worse {
                question,
                order:
                    WorseOrder::Increasing { from: Some(from) }
                    | WorseOrder::Decreasing { from: Some(from) },
            } if rules.question_at(*question).id == q.id => points.push(*from),
            PropertyKind::Worse { .. } => {}
        }
    }
    points
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
        QuestionKind::Number(spec) => {
            let mut numbers = numeric_points(points, spec.min, spec.max);
            if spec.whole {
                numbers = whole_points(&numbers, points, spec.min, spec.max);
            }
            numbers.into_iter().map(Answer::Number).collect()
        }
        QuestionKind::Temperature => {
            let (lo, hi) = crate::answers::CELSIUS_RANGE;
            numeric_points(points, Some(lo), Some(hi))
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

/// One whole number per class that holds any: only whole readings exist, so
/// a class between two adjacent whole thresholds is empty. The smallest whole
/// number of a class is next to a representative, and `thresholds` (sorted)
/// tell two classes apart.
fn whole_points(
    representatives: &[f64],
    thresholds: &[f64],
    min: Option<f64>,
    max: Option<f64>,
) -> Vec<f64> {
    let inside = |x: f64| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
    let mut candidates: Vec<f64> = representatives
        .iter()
        .flat_map(|x| [x.floor(), x.floor() + 1.0])
        .filter(|x| inside(*x))
        .collect();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    let class_of =
        |x: f64| -> Vec<std::cmp::Ordering> { thresholds.iter().map(|t| x.total_cmp(t)).collect() };
    let mut out: Vec<f64> = Vec::new();
    for x in candidates {
        if out.last().is_none_or(|last| class_of(*last) != class_of(x)) {
            out.push(x);
        }
    }
    out
}

/// One number per class: every threshold, a number between each pair, and
/// one beyond each end, all within the accepted values.
fn numeric_points(points: &mut Vec<f64>, min: Option<f64>, max: Option<f64>) -> Vec<f64> {
    let inside = |x: f64| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
    points.extend(min);
    points.extend(max);
    points.retain(|x| x.is_finite() && inside(*x));
    points.sort_by(f64::total_cmp);
    points.dedup();
    let mut out = Vec::with_capacity(points.len() * 2 + 2);
    match (points.first(), min) {
        (Some(first), None) => out.push(first - 1.0),
        (None, m) => out.push(m.unwrap_or(0.0)),
        _ => {}
    }
    for (i, x) in points.iter().enumerate() {
        out.push(*x);
        if let Some(next) = points.get(i + 1) {
            out.push((x + next) / 2.0);
        }
    }
    if let (Some(last), None) = (points.last(), max) {
        out.push(last + 1.0);
    }
    out.retain(|x| inside(*x));
    out.dedup();
    out
}

/// One way through the tree: for each question, which classes lead along
/// it (all of them for a question the path does not ask).
#[derive(Debug, Clone)]
pub struct Path {
    pub allowed: Vec<Vec<bool>>,
    /// Questions asked, in order.
    pub asked: Vec<usize>,
    pub end: PathEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathEnd {
    Outcome(NodeId),
    /// Classes that no branch of a step takes: a gap.
    Nowhere(NodeId),
    /// A question asked a second time on the path.
    AskedTwice(NodeId),
}

impl Path {
    /// The first allowed class of each question: one concrete answer set.
    pub fn example(&self) -> Vec<usize> {
        self.allowed
            .iter()
            .map(|set| set.iter().position(|a| *a).unwrap_or(0))
            .collect()
    }
}

/// Every path through `rules`, with answers split into `classes`.
pub fn paths(rules: &Rules, classes: &[Vec<Answer>]) -> Vec<Path> {
    let all: Vec<Vec<bool>> = classes.iter().map(|c| vec![true; c.len()]).collect();
    let mut out = Vec::new();
    let mut stack = vec![(rules.start, all, Vec::new())];
    while let Some((node, allowed, asked)) = stack.pop() {
        let step = match &rules.node(node).kind {
            NodeKind::Outcome(_) => {
                out.push(Path {
                    allowed,
                    asked,
                    end: PathEnd::Outcome(node),
                });
                continue;
            }
            NodeKind::Step(step) => step,
        };
        let q = step.question.0;
        if asked.contains(&q) {
            out.push(Path {
                allowed,
                asked,
                end: PathEnd::AskedTwice(node),
            });
            continue;
        }
        let question = rules.question_at(step.question);
        let groups = split_by_branch(&step.branches, question, &classes[q], &allowed[q]);
        for (next, set) in groups.into_iter().rev() {
            let mut allowed = allowed.clone();
            allowed[q] = set;
            let mut asked = asked.clone();
            asked.push(q);
            match next {
                Some(n) => stack.push((n, allowed, asked)),
                None => out.push(Path {
                    allowed,
                    asked,
                    end: PathEnd::Nowhere(node),
                }),
            }
        }
    }
    out
}

/// The `allowed` classes of `question`, grouped by the node each leads to
/// from a step (`None`: no branch takes them).
pub(crate) fn split_by_branch(
    branches: &Branches,
    question: &Question,
    classes: &[Answer],
    allowed: &[bool],
) -> Vec<(Option<NodeId>, Vec<bool>)> {
    let mut groups: Vec<(Option<NodeId>, Vec<bool>)> = Vec::new();
    for (k, answer) in classes.iter().enumerate() {
        if !allowed[k] {
            continue;
        }
        let next = engine::next_node(branches, question, answer);
        match groups.iter_mut().find(|(n, _)| *n == next) {
            Some((_, set)) => set[k] = true,
            None => {
                let mut set = vec![false; classes.len()];
                set[k] = true;
                groups.push((next, set));
            }
        }
    }
    groups
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

/// `1,101,463,552`; very large counts in scientific notation.
pub(crate) fn group_thousands(x: f64) -> String {
    if x >= 1e18 {
        return scientific(x);
    }
    let digits = format!("{}", x.round() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(crate) fn scientific(x: f64) -> String {
    format!("{x:.2e}")
}
