//! The engine: walks the tree from the start, one answer per step, to an
//! outcome. It does no I/O: the caller says where answers come from (a file,
//! the prompt, a test script) through a closure.
//!
//! ```
//! use lactriage::answers::Answers;
//! use lactriage::engine;
//! use lactriage::rules::{Rules, Urgency};
//!
//! let rules = Rules::builtin().unwrap();
//! let mut answers = Answers::new();
//! answers.set_from_arg("sepsis_signs=unsure", &rules).unwrap();
//! let result = engine::assess(&rules, &answers).unwrap();
//! assert_eq!(result.urgency, Urgency::Emergency);
//! assert_eq!(result.condition.id, "sepsis_warning");
//! ```

use std::collections::HashSet;

use crate::answers::{Answer, Answers};
use crate::rules::{
    Branches, Condition, NodeId, NodeKind, Outcome, Question, QuestionKind, Rules, Urgency,
};

/// The result of a walk: where it ended and how it got there.
#[derive(Debug)]
pub struct Assessment<'r> {
    pub outcome_id: &'r str,
    pub outcome: &'r Outcome,
    pub condition: &'r Condition,
    pub urgency: Urgency,
    pub path: Vec<PathStep<'r>>,
}

/// One question asked on the way, the answer, and the branch it took.
#[derive(Debug, Clone)]
pub struct PathStep<'r> {
    pub question: &'r Question,
    pub answer: Answer,
    pub branch: String,
}

/// Why a walk stopped without an outcome.
#[derive(Debug, thiserror::Error)]
pub enum Stop<E> {
    /// The answer source gave up (no answer, interrupted...).
    #[error(transparent)]
    Source(E),
    /// An answer that does not fit its question; answers are checked before
    /// they reach the engine, so this means a bug, reported rather than a panic.
    #[error("the answer '{answer}' does not fit question '{question}'")]
    Unfit { question: String, answer: String },
}

/// Answers could not give a result: these questions still need answers.
#[derive(Debug, thiserror::Error)]
#[error("missing answers")]
pub struct Missing<'r> {
    /// The first question without an answer, then every other question the
    /// tree may still ask depending on it, in declaration order.
    pub questions: Vec<&'r Question>,
}

/// The answer recorded for `q`, or, for a measurement asked of consultants
/// only, `not_measured` when none was given.
pub fn given_or_default(q: &Question, answers: &Answers) -> Option<Answer> {
    answers
        .get(&q.id)
        .cloned()
        .or_else(|| q.consultant_only.then_some(Answer::NotMeasured))
}

/// Walks the tree with answers from `answer_for`, called once per step
/// reached, in order.
pub fn walk<'r, E>(
    rules: &'r Rules,
    mut answer_for: impl FnMut(&'r Question) -> Result<Answer, E>,
) -> Result<Assessment<'r>, Stop<E>> {
    let mut node = rules.start;
    let mut path = Vec::new();
    // The loader refuses cycles; the bound keeps even a bug from looping.
    for _ in 0..=rules.nodes.len() {
        let current = rules.node(node);
        match &current.kind {
            NodeKind::Outcome(outcome) => {
                return Ok(Assessment {
                    outcome_id: &current.id,
                    outcome,
                    condition: rules.condition(outcome.condition),
                    urgency: outcome.urgency,
                    path,
                });
            }
            NodeKind::Step(step) => {
                let question = rules.question_at(step.question);
                let answer = answer_for(question).map_err(Stop::Source)?;
                let (next, branch) =
                    follow(&step.branches, question, &answer).ok_or_else(|| Stop::Unfit {
                        question: question.id.clone(),
                        answer: answer.to_string(),
                    })?;
                path.push(PathStep {
                    question,
                    answer,
                    branch,
                });
                node = next;
            }
        }
    }
    Err(Stop::Unfit {
        question: String::new(),
        answer: "a walk longer than the tree".to_string(),
    })
}

/// Assesses answers given in full, without asking anything.
pub fn assess<'r>(
    rules: &'r Rules,
    answers: &Answers,
) -> Result<Assessment<'r>, Stop<Missing<'r>>> {
    walk(rules, |q| given_or_default(q, answers).ok_or(q)).map_err(|stop| match stop {
        Stop::Source(first) => {
            let mut questions = vec![first];
            questions.extend(
                unanswered_ahead(rules, answers)
                    .into_iter()
                    .filter(|q| q.id != first.id),
            );
            Stop::Source(Missing { questions })
        }
        Stop::Unfit { question, answer } => Stop::Unfit { question, answer },
    })
}

/// Every question the tree may still ask, given the answers so far: the walk
/// follows given answers and fans out at each unanswered question.
pub fn unanswered_ahead<'r>(rules: &'r Rules, answers: &Answers) -> Vec<&'r Question> {
    let mut seen = HashSet::new();
    let mut needed = HashSet::new();
    let mut stack = vec![rules.start];
    while let Some(node) = stack.pop() {
        if !seen.insert(node) {
            continue;
        }
        let NodeKind::Step(step) = &rules.node(node).kind else {
            continue;
        };
        let question = rules.question_at(step.question);
        let next = given_or_default(question, answers)
            .and_then(|a| follow(&step.branches, question, &a).map(|(n, _)| n));
        match next {
            Some(n) => stack.push(n),
            None => {
                needed.insert(step.question);
                stack.extend(step.branches.targets());
            }
        }
    }
    let mut list: Vec<_> = needed.into_iter().collect();
    list.sort();
    list.into_iter().map(|id| rules.question_at(id)).collect()
}

/// The node an answer leads to from a step, if any branch takes it. It
/// allocates nothing: batch follows it for every step of every line.
pub fn next_node(branches: &Branches, q: &Question, answer: &Answer) -> Option<NodeId> {
    match (branches, answer) {
        (Branches::YesNo { yes, .. }, Answer::Yes) => Some(*yes),
        (Branches::YesNo { no, .. }, Answer::No) => Some(*no),
        (Branches::YesNo { yes, no }, Answer::Unsure) => match q.kind {
            QuestionKind::YesNoUnsure {
                unsure_counts_as_yes,
            } => Some(if unsure_counts_as_yes { *yes } else { *no }),
            _ => None,
        },
        (Branches::Choice(next), Answer::Choice(id)) => {
            let QuestionKind::Choice(choices) = &q.kind else {
                return None;
            };
            let i = choices.iter().position(|c| &c.id == id)?;
            next.get(i).copied()
        }
        (Branches::Numeric { not_measured, .. }, Answer::NotMeasured) => *not_measured,
        (Branches::Numeric { ranges, .. }, answer) => {
            let x = answer.numeric_value()?;
            ranges.iter().find(|r| r.range.contains(x)).map(|r| r.next)
        }
        _ => None,
    }
}

/// The next node for an answer, and a label for the branch taken.
fn follow(branches: &Branches, q: &Question, answer: &Answer) -> Option<(NodeId, String)> {
    let next = next_node(branches, q, answer)?;
    let label = match (branches, answer) {
        (Branches::YesNo { .. }, Answer::Yes) => "yes".to_string(),
        (Branches::YesNo { .. }, Answer::No) => "no".to_string(),
        (Branches::YesNo { .. }, Answer::Unsure) => match q.kind {
            QuestionKind::YesNoUnsure {
                unsure_counts_as_yes: true,
            } => "unsure, counted as yes".to_string(),
            _ => "unsure, counted as no".to_string(),
        },
        (Branches::Choice(_), Answer::Choice(id)) => id.clone(),
        (Branches::Numeric { .. }, Answer::NotMeasured) => "not measured".to_string(),
        (Branches::Numeric { ranges, .. }, answer) => {
            let x = answer.numeric_value()?;
            let hit = ranges.iter().find(|r| r.range.contains(x))?;
            let unit = match &q.kind {
                QuestionKind::Number(spec) => format!(" {}", spec.unit),
                QuestionKind::Temperature => " °C".to_string(),
                _ => String::new(),
            };
            format!("{}{unit}", hit.range)
        }
        _ => return None,
    };
    Some((next, label))
}
