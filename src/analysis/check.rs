//! `lactriage rules check`: every path ends in an outcome, no question is
//! asked twice, every outcome is reachable, and every declared property
//! holds, over every combination of answer classes.

use std::io::{self, Write};

use super::count::Count;
use super::{classes, paths, set_args, Path, PathEnd};
use crate::answers::Answer;
use crate::rules::{Constraint, NodeId, NodeKind, PropertyKind, Rules, Urgency, WorseOrder};

/// What was checked, and what failed.
#[derive(Debug)]
pub struct CheckReport {
    pub questions: usize,
    pub classes: usize,
    pub paths: usize,
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
    let paths = paths(rules, &classes);
    let mut failures = Vec::new();
    let urgency_of = |path: &Path| match path.end {
        PathEnd::Outcome(node) => match &rules.node(node).kind {
            NodeKind::Outcome(o) => Some(o.urgency),
            NodeKind::Step(_) => None,
        },
        _ => None,
    };
    let describe = |path: &Path| match path.end {
        PathEnd::Outcome(node) => outcome_text(rules, node),
        PathEnd::Nowhere(node) => format!("no branch at step '{}'", rules.node(node).id),
        PathEnd::AskedTwice(node) => format!("step '{}' asks again", rules.node(node).id),
    };

    for path in &paths {
        let what = match path.end {
            PathEnd::Outcome(_) => continue,
            PathEnd::Nowhere(node) => format!(
                "step '{}' has no branch for some answers: the path ends without a result",
                rules.node(node).id
            ),
            PathEnd::AskedTwice(node) => format!(
                "step '{}' asks a question already asked on the path",
                rules.node(node).id
            ),
        };
        let example = path.example();
        failures.push(Failure {
            what,
            details: vec![],
            reproduce: vec![set_args(rules, &classes, &example, &path.asked)],
        });
    }

    let mut reached = vec![false; rules.nodes.len()];
    for path in &paths {
        if let PathEnd::Outcome(node) = path.end {
            reached[node.0] = true;
        }
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

    let mut results = Vec::with_capacity(rules.properties.len());
    for property in &rules.properties {
        let (status, coverage, failure) = match &property.kind {
            PropertyKind::AtLeast {
                when,
                unless,
                urgency,
            } => {
                let mut applies_paths = 0usize;
                let mut applies = Count::zero();
                for path in &paths {
                    let matched = matching_count(path, &classes, when, unless);
                    if !matched.is_zero() {
                        applies_paths += 1;
                        applies += &matched;
                    }
                }
                let failure = paths.iter().find_map(|path| {
                    let got = urgency_of(path)?;
                    if got >= *urgency {
                        return None;
                    }
                    let choice = forced_example(path, &classes, when, unless)?;
                    let mut shown = path.asked.clone();
                    for c in when.iter().chain(unless) {
                        if !shown.contains(&c.question.0) {
                            shown.push(c.question.0);
                        }
                    }
                    Some(Failure {
                        what: format!("property '{}' fails", property.name),
                        details: vec![format!(
                            "these answers give {}, below {urgency}",
                            describe(path)
                        )],
                        reproduce: vec![set_args(rules, &classes, &choice, &shown)],
                    })
                });
                let coverage = format!(
                    "{} answer combinations on {} of {} paths",
                    applies.grouped(),
                    applies_paths,
                    paths.len()
                );
                if applies.is_zero() {
                    let failure = Failure {
                        what: format!(
                            "property '{}' is vacuous: no answers the tree accepts match its 'when' (and escape its 'unless'), so it protects nothing",
                            property.name
                        ),
                        details: vec![],
                        reproduce: vec![],
                    };
                    (PropertyStatus::Vacuous, coverage, Some(failure))
                } else if let Some(f) = failure {
                    (PropertyStatus::Fails, coverage, Some(f))
                } else {
                    (PropertyStatus::Holds, coverage, None)
                }
            }
            PropertyKind::Worse { question, order } => {
                let q = question.0;
                let pairs = worse_pairs(&classes[q], order);
                let asking = paths.iter().filter(|p| p.asked.contains(&q)).count();
                let coverage = format!(
                    "{} pair(s) of neighbouring answers of '{}', compared across {} paths ({} ask it)",
                    pairs.len(),
                    rules.questions[q].id,
                    paths.len(),
                    asking
                );
                let vacuous = if pairs.is_empty() {
                    Some("it has no two accepted answers to compare")
                } else if asking == 0 {
                    Some("the tree never asks the question")
                } else {
                    None
                };
                if let Some(reason) = vacuous {
                    let failure = Failure {
                        what: format!(
                            "property '{}' is vacuous: {reason}, so it protects nothing",
                            property.name
                        ),
                        details: vec![],
                        reproduce: vec![],
                    };
                    (PropertyStatus::Vacuous, coverage, Some(failure))
                } else {
                    match find_lowering(&paths, &pairs, q, urgency_of) {
                        None => (PropertyStatus::Holds, coverage, None),
                        Some((a, b, pa, pb, choice)) => {
                            let mut asked: Vec<usize> = paths[pa].asked.clone();
                            for extra in &paths[pb].asked {
                                if !asked.contains(extra) {
                                    asked.push(*extra);
                                }
                            }
                            let mut worse_choice = choice.clone();
                            worse_choice[q] = b;
                            let failure = Failure {
                                what: format!("property '{}' fails", property.name),
                                details: vec![
                                    format!(
                                        "with {}={} the result is {}",
                                        rules.questions[q].id,
                                        classes[q][a],
                                        describe(&paths[pa])
                                    ),
                                    format!(
                                        "with {}={} (worse) it is {}",
                                        rules.questions[q].id,
                                        classes[q][b],
                                        describe(&paths[pb])
                                    ),
                                ],
                                reproduce: vec![
                                    set_args(rules, &classes, &choice, &asked),
                                    set_args(rules, &classes, &worse_choice, &asked),
                                ],
                            };
                            (PropertyStatus::Fails, coverage, Some(failure))
                        }
                    }
                }
            }
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
        paths: paths.len(),
        outcomes,
        combinations: Count::product_of(classes.iter().map(Vec::len)),
        properties: results,
        failures,
    }
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

/// How many combinations of classes on `path` match every `when`
/// constraint and fail at least one `unless` constraint.
fn matching_count(
    path: &Path,
    classes: &[Vec<Answer>],
    when: &[Constraint],
    unless: &[Constraint],
) -> Count {
    let count = |extra: &[Constraint]| -> Count {
        Count::product_of(path.allowed.iter().enumerate().map(|(q, set)| {
            (0..set.len())
                .filter(|&k| {
                    set[k]
                        && when
                            .iter()
                            .chain(extra)
                            .filter(|c| c.question.0 == q)
                            .all(|c| c.allows(&classes[q][k]))
                })
                .count()
        }))
    };
    let matching = count(&[]);
    if unless.is_empty() {
        return matching;
    }
    // Failing at least one `unless` constraint: all of `when`, minus those
    // that also meet every `unless` constraint.
    matching.saturating_sub(&count(unless))
}

/// A class for each question, on `path`, matching every `when` constraint
/// and failing at least one `unless` constraint, if there is one.
fn forced_example(
    path: &Path,
    classes: &[Vec<Answer>],
    when: &[Constraint],
    unless: &[Constraint],
) -> Option<Vec<usize>> {
    let mut allowed = path.allowed.clone();
    for c in when {
        let q = c.question.0;
        for (k, ok) in allowed[q].iter_mut().enumerate() {
            *ok = *ok && c.allows(&classes[q][k]);
        }
    }
    if allowed.iter().any(|set| !set.iter().any(|a| *a)) {
        return None;
    }
    let mut choice: Vec<usize> = allowed
        .iter()
        .map(|set| set.iter().position(|a| *a).unwrap_or(0))
        .collect();
    if unless.is_empty() {
        return Some(choice);
    }
    for c in unless {
        let q = c.question.0;
        let escape = (0..classes[q].len()).find(|&k| allowed[q][k] && !c.allows(&classes[q][k]));
        if let Some(k) = escape {
            choice[q] = k;
            return Some(choice);
        }
    }
    None
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

type Lowering = (usize, usize, usize, usize, Vec<usize>);

/// Two paths that differ only in question `q`, from a class to a worse one,
/// where the worse one has a lower urgency.
fn find_lowering(
    paths: &[Path],
    pairs: &[(usize, usize)],
    q: usize,
    urgency_of: impl Fn(&Path) -> Option<Urgency>,
) -> Option<Lowering> {
    for &(a, b) in pairs {
        for (pa, path_a) in paths.iter().enumerate() {
            let Some(ua) = urgency_of(path_a) else {
                continue;
            };
            if !path_a.allowed[q][a] || path_a.allowed[q][b] {
                continue;
            }
            for (pb, path_b) in paths.iter().enumerate() {
                if !path_b.allowed[q][b] || urgency_of(path_b).is_none_or(|ub| ub >= ua) {
                    continue;
                }
                let mut choice = Vec::with_capacity(path_a.allowed.len());
                let shared =
                    path_a
                        .allowed
                        .iter()
                        .zip(&path_b.allowed)
                        .enumerate()
                        .all(|(r, (sa, sb))| {
                            if r == q {
                                choice.push(a);
                                return true;
                            }
                            match sa.iter().zip(sb).position(|(x, y)| *x && *y) {
                                Some(k) => {
                                    choice.push(k);
                                    true
                                }
                                None => false,
                            }
                        });
                if shared {
                    return Some((a, b, pa, pb, choice));
                }
            }
        }
    }
    None
}

/// What was checked, as the first lines of `rules check`'s report.
pub fn write_summary(
    w: &mut impl Write,
    rules: &Rules,
    report: &CheckReport,
    seconds: f64,
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
        report.paths
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
    writeln!(w, "  time:           {:.2} ms", seconds * 1000.0)
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
