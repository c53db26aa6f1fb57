//! `lactriage rules check`: every path ends in an outcome, no question is
//! asked twice, every outcome is reachable, and every declared property
//! holds, over every combination of answer classes.

use std::io::{self, Write};

use super::count::Count;
use super::product::{Product, TooLarge, STATE_LIMIT};
use super::tree::{pick, ClassSet, Tree};
use super::{classes, set_args};
use crate::answers::Answer;
use crate::rules::{Constraint, NodeId, NodeKind, PropertyKind, Rules, Urgency, WorseOrder};

/// What was checked, and what failed.
#[derive(Debug)]
pub struct CheckReport {
    pub questions: usize,
    pub classes: usize,
    /// Ways through the tree: one per set of classes a branch takes.
    pub paths: Count,
    pub outcomes: usize,
    /// Combinations of answer classes, all covered by the paths.
    pub combinations: Count,
    /// Each declared property, in file order, with what its check covered.
    pub properties: Vec<PropertyResult>,
    pub failures: Vec<Failure>,
}

impl CheckReport {
    /// The result of the property with this id, if the rules declare one.
    pub fn property(&self, id: &str) -> Option<&PropertyResult> {
        self.properties.iter().find(|p| p.id.as_deref() == Some(id))
    }
}

/// One property's verdict.
#[derive(Debug, Clone)]
pub struct PropertyResult {
    pub id: Option<String>,
    pub name: String,
    pub status: PropertyStatus,
    /// What the exhaustive check went over, in words.
    pub coverage: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropertyStatus {
    Holds,
    Fails,
    /// It constrains no answer set the tree can be given: a safety property
    /// that protects nothing is a failure too.
    Vacuous,
}

impl PropertyStatus {
    pub fn word(self) -> &'static str {
        match self {
            PropertyStatus::Holds => "holds",
            PropertyStatus::Fails => "FAILS",
            PropertyStatus::Vacuous => "VACUOUS",
        }
    }
}

/// One thing that does not hold, with answers that show it.
#[derive(Debug)]
pub struct Failure {
    pub what: String,
    pub details: Vec<String>,
    /// `--set` arguments reproducing it (one line per answer set shown).
    pub reproduce: Vec<String>,
}

pub fn check(rules: &Rules) -> CheckReport {
    let classes = classes(rules, &[rules]);
    let tree = Tree::new(rules, &classes, |q| Some(q.0));
    let reached = tree.reached();
    let all: Vec<ClassSet> = classes.iter().map(|c| ClassSet::full(c.len())).collect();
    let mut failures = Vec::new();

    // Answers no branch of a step takes: the walk ends without a result.
    for &node in &tree.order {
        let Some(step) = &tree.steps[node.0] else {
            continue;
        };
        if !reached[node.0] || step.branches.iter().all(|(next, _)| next.is_some()) {
            continue;
        }
        let path = tree.find_path(&all, |end| end.is_none());
        let reproduce = path
            .map(|p| {
                let mut choice = all.clone();
                p.constrain(&mut choice);
                set_args(rules, &classes, &pick(&choice), &p.asked())
            })
            .into_iter()
            .collect();
        failures.push(Failure {
            what: format!(
                "step '{}' has no branch for some answers: the path ends without a result",
                rules.node(node).id
            ),
            details: vec![],
            reproduce,
        });
        break;
    }

    let mut outcomes = 0;
    for (i, node) in rules.nodes.iter().enumerate() {
        if let NodeKind::Outcome(_) = node.kind {
            outcomes += 1;
            if !reached[i] {
                failures.push(Failure {
                    what: format!("outcome '{}' is reached by no answers", node.id),
                    details: vec![],
                    reproduce: vec![],
                });
            }
        }
    }

    // Only which ends are reached matters here, not how many answers.
    let mut product = Product::new(&tree, &tree, STATE_LIMIT, false);
    let mut results = Vec::with_capacity(rules.properties.len());
    for property in &rules.properties {
        let (status, coverage, failure) = match &property.kind {
            PropertyKind::AtLeast {
                when,
                unless,
                urgency,
            } => at_least(
                rules,
                &tree,
                &classes,
                &property.name,
                when,
                unless,
                *urgency,
            ),
            PropertyKind::Worse { question, order } => worse(
                rules,
                &tree,
                &mut product,
                &reached,
                &classes,
                &property.name,
                question.0,
                order,
            ),
        };
        failures.extend(failure);
        results.push(PropertyResult {
            id: property.id.clone(),
            name: property.name.clone(),
            status,
            coverage,
        });
    }

    // Intake questions have one class each and no say in the result.
    let tree_questions: Vec<usize> = (0..rules.questions.len())
        .filter(|&q| !rules.questions[q].intake)
        .collect();
    CheckReport {
        questions: tree_questions.len(),
        classes: tree_questions.iter().map(|&q| classes[q].len()).sum(),
        paths: tree.path_counts()[rules.start.0].clone(),
        outcomes,
        combinations: Count::product_of(classes.iter().map(Vec::len)),
        properties: results,
        failures,
    }
}

type Verdict = (PropertyStatus, String, Option<Failure>);

/// The classes of each question that every constraint on it allows.
fn allowed_by(classes: &[Vec<Answer>], constraints: &[Constraint]) -> Vec<ClassSet> {
    classes
        .iter()
        .enumerate()
        .map(|(q, list)| {
            let mut set = ClassSet::empty(list.len());
            for (k, answer) in list.iter().enumerate() {
                if constraints
                    .iter()
                    .filter(|c| c.question.0 == q)
                    .all(|c| c.allows(answer))
                {
                    set.insert(k);
                }
            }
            set
        })
        .collect()
}

/// Answers matching every `when` constraint and failing some `unless` one
/// get at least `urgency`. Such answers form boxes (a set of classes per
/// question), one for each `unless` constraint they fail; a box that reaches
/// an outcome below `urgency` along some path is a counterexample.
fn at_least(
    rules: &Rules,
    tree: &Tree,
    classes: &[Vec<Answer>],
    name: &str,
    when: &[Constraint],
    unless: &[Constraint],
    urgency: Urgency,
) -> Verdict {
    let when_sets = allowed_by(classes, when);
    let matching = Count::product_of(when_sets.iter().map(ClassSet::len));
    let applies = if unless.is_empty() {
        matching
    } else {
        let unless_sets = allowed_by(classes, unless);
        let both = when_sets
            .iter()
            .zip(&unless_sets)
            .map(|(w, u)| w.and(u).len());
        matching.saturating_sub(&Count::product_of(both))
    };
    let coverage = format!("{} answer combinations", applies.grouped());
    if applies.is_zero() {
        let failure = Failure {
            what: format!(
                "property '{name}' is vacuous: no answers the tree accepts match its 'when' (and escape its 'unless'), so it protects nothing"
            ),
            details: vec![],
            reproduce: vec![],
        };
        return (PropertyStatus::Vacuous, coverage, Some(failure));
    }
    let boxes: Vec<Vec<ClassSet>> = if unless.is_empty() {
        vec![when_sets]
    } else {
        unless
            .iter()
            .map(|c| {
                let mut b = when_sets.clone();
                let q = c.question.0;
                let escape = ClassSet::full(classes[q].len())
                    .minus(&allowed_by(classes, std::slice::from_ref(c))[q]);
                b[q] = b[q].and(&escape);
                b
            })
            .collect()
    };
    let below = |end: Option<NodeId>| match end.map(|n| &rules.node(n).kind) {
        Some(NodeKind::Outcome(o)) => o.urgency < urgency,
        _ => false,
    };
    for b in boxes.iter().filter(|b| b.iter().all(|s| !s.is_empty())) {
        let Some(path) = tree.find_path(b, below) else {
            continue;
        };
        let mut choice = b.clone();
        path.constrain(&mut choice);
        let mut shown = path.asked();
        for c in when.iter().chain(unless) {
            if !shown.contains(&c.question.0) {
                shown.push(c.question.0);
            }
        }
        let failure = Failure {
            what: format!("property '{name}' fails"),
            details: vec![format!(
                "these answers give {}, below {urgency}",
                outcome_text(rules, path.end)
            )],
            reproduce: vec![set_args(rules, classes, &pick(&choice), &shown)],
        };
        return (PropertyStatus::Fails, coverage, Some(failure));
    }
    (PropertyStatus::Holds, coverage, None)
}

/// Making question `q` worse never lowers the urgency. Only a step that asks
/// `q` can tell two answers apart, and what was asked before it is asked
/// again by neither branch, so it is enough to compare, at each such step,
/// the two branches a better and a worse answer take, walked together over
/// the same other answers.
#[allow(clippy::too_many_arguments)]
fn worse(
    rules: &Rules,
    tree: &Tree,
    product: &mut Product,
    reached: &[bool],
    classes: &[Vec<Answer>],
    name: &str,
    q: usize,
    order: &WorseOrder,
) -> Verdict {
    let pairs = worse_pairs(&classes[q], order);
    let askers: Vec<NodeId> = tree
        .order
        .iter()
        .copied()
        .filter(|n| reached[n.0])
        .filter(|n| tree.steps[n.0].as_ref().is_some_and(|s| s.question == q))
        .collect();
    let coverage = format!(
        "{} pair(s) of neighbouring answers of '{}', compared at {} step(s) that ask it",
        pairs.len(),
        rules.questions[q].id,
        askers.len()
    );
    let vacuous = if pairs.is_empty() {
        Some("it has no two accepted answers to compare")
    } else if askers.is_empty() {
        Some("the tree never asks the question")
    } else {
        None
    };
    if let Some(reason) = vacuous {
        let failure = Failure {
            what: format!("property '{name}' is vacuous: {reason}, so it protects nothing"),
            details: vec![],
            reproduce: vec![],
        };
        return (PropertyStatus::Vacuous, coverage, Some(failure));
    }
    let urgency_of = |end: Option<NodeId>| match end.map(|n| &rules.node(n).kind) {
        Some(NodeKind::Outcome(o)) => Some(o.urgency),
        _ => None,
    };
    let all: Vec<ClassSet> = classes.iter().map(|c| ClassSet::full(c.len())).collect();
    for &node in &askers {
        let Some(step) = &tree.steps[node.0] else {
            continue;
        };
        let branch_of = |k: usize| {
            step.branches
                .iter()
                .find(|(_, set)| set.contains(k))
                .map(|(next, _)| *next)
        };
        for &(a, b) in &pairs {
            let (Some(from_a), Some(from_b)) = (branch_of(a), branch_of(b)) else {
                continue;
            };
            if from_a == from_b {
                continue;
            }
            let ends = match product.ends(from_a, from_b) {
                Ok(ends) => ends,
                Err(TooLarge { limit }) => {
                    let failure = Failure {
                        what: format!(
                            "property '{name}' could not be decided: comparing the branches of step '{}' needs more than {limit} states",
                            rules.node(node).id
                        ),
                        details: vec!["the two branches ask their questions in very different orders".into()],
                        reproduce: vec![],
                    };
                    return (PropertyStatus::Fails, coverage, Some(failure));
                }
            };
            let lowering = ends.keys().find(|(ea, eb)| {
                matches!((urgency_of(*ea), urgency_of(*eb)), (Some(ua), Some(ub)) if ub < ua)
            });
            let Some(&(end_a, end_b)) = lowering else {
                continue;
            };
            let mut choice = all.clone();
            let mut shown = Vec::new();
            if let Some(prefix) = tree.find_path(&all, |n| n == Some(node)) {
                prefix.constrain(&mut choice);
                shown = prefix.asked();
            }
            shown.push(q);
            choice[q] = ClassSet::empty(classes[q].len());
            choice[q].insert(a);
            let found = product.witness(from_a, from_b, (end_a, end_b), &mut choice, &mut shown);
            if !matches!(found, Ok(true)) {
                continue;
            }
            let better = pick(&choice);
            let mut worse_choice = better.clone();
            worse_choice[q] = b;
            let failure = Failure {
                what: format!("property '{name}' fails"),
                details: vec![
                    format!(
                        "with {}={} the result is {}",
                        rules.questions[q].id,
                        classes[q][a],
                        end_text(rules, end_a)
                    ),
                    format!(
                        "with {}={} (worse) it is {}",
                        rules.questions[q].id,
                        classes[q][b],
                        end_text(rules, end_b)
                    ),
                ],
                reproduce: vec![
                    set_args(rules, classes, &better, &shown),
                    set_args(rules, classes, &worse_choice, &shown),
                ],
            };
            return (PropertyStatus::Fails, coverage, Some(failure));
        }
    }
    (PropertyStatus::Holds, coverage, None)
}

fn outcome_text(rules: &Rules, node: NodeId) -> String {
    match &rules.node(node).kind {
        NodeKind::Outcome(o) => format!(
            "{} ({}, outcome '{}')",
            o.urgency,
            rules.condition(o.condition).id,
            rules.node(node).id
        ),
        NodeKind::Step(_) => rules.node(node).id.clone(),
    }
}

/// Pairs of classes (better, worse) that are next to each other in `order`.
fn worse_pairs(classes: &[Answer], order: &WorseOrder) -> Vec<(usize, usize)> {
    match order {
        WorseOrder::Chains(chains) => chains
            .iter()
            .flat_map(|chain| chain.windows(2))
            .filter_map(|w| {
                let a = classes.iter().position(|c| c.to_string() == w[0])?;
                let b = classes.iter().position(|c| c.to_string() == w[1])?;
                Some((a, b))
            })
            .collect(),
        WorseOrder::Increasing { from } => numeric_pairs(classes, *from, false),
        WorseOrder::Decreasing { from } => numeric_pairs(classes, *from, true),
    }
}

/// Numeric classes from `from` on, in the order they get worse (upward, or
/// downward when `lower_is_worse`), paired with the next one.
fn numeric_pairs(
    classes: &[Answer],
    from: Option<f64>,
    lower_is_worse: bool,
) -> Vec<(usize, usize)> {
    let mut numeric: Vec<(f64, usize)> = classes
        .iter()
        .enumerate()
        .filter_map(|(k, c)| Some((c.numeric_value()?, k)))
        .filter(|(x, _)| from.is_none_or(|f| if lower_is_worse { *x <= f } else { *x >= f }))
        .collect();
    numeric.sort_by(|a, b| a.0.total_cmp(&b.0));
    if lower_is_worse {
        numeric.reverse();
    }
    numeric.windows(2).map(|w| (w[0].1, w[1].1)).collect()
}

fn end_text(rules: &Rules, end: Option<NodeId>) -> String {
    match end {
        Some(node) => outcome_text(rules, node),
        None => "no result".to_string(),
    }
}

/// What was checked, as the first lines of `rules check`'s report.
pub fn write_summary(
    w: &mut impl Write,
    rules: &Rules,
    report: &CheckReport,
    seconds: Option<f64>,
) -> io::Result<()> {
    writeln!(w, "Checked {} {}:", rules.name, rules.version)?;
    writeln!(w, "  digest:         sha256:{}", rules.digest)?;
    writeln!(
        w,
        "  answer classes: {} over {} questions",
        report.classes, report.questions
    )?;
    writeln!(
        w,
        "  combinations:   {} ({}), covered by {} paths through the tree",
        report.combinations.grouped(),
        report.combinations.scientific(),
        report.paths.grouped()
    )?;
    writeln!(w, "  outcomes:       {}", report.outcomes)?;
    let failing = report
        .properties
        .iter()
        .filter(|p| p.status != PropertyStatus::Holds)
        .count();
    writeln!(
        w,
        "  properties:     {} ({} hold)",
        report.properties.len(),
        report.properties.len() - failing
    )?;
    match seconds {
        Some(seconds) => writeln!(w, "  time:           {:.2} ms", seconds * 1000.0),
        None => writeln!(
            w,
            "  time:           proved when this lactriage was built (--again proves it now)"
        ),
    }
}

/// Each failure with answers that reproduce it; `rules_arg` names the rules
/// file in the reproduce lines.
pub fn write_failures(
    w: &mut impl Write,
    report: &CheckReport,
    rules_arg: Option<&str>,
) -> io::Result<()> {
    let rules_flag = rules_arg
        .map(|r| format!(" --rules {r}"))
        .unwrap_or_default();
    for f in &report.failures {
        writeln!(w)?;
        writeln!(w, "FAILED: {}", f.what)?;
        for d in &f.details {
            writeln!(w, "  {d}")?;
        }
        for r in &f.reproduce {
            writeln!(w, "  reproduce: lactriage assess{rules_flag} {r}")?;
        }
    }
    Ok(())
}
