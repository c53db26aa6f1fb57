//! `lactriage rules diff OLD NEW`: which answers change result, over every
//! combination of answer classes cut at the thresholds of both files.

use std::io::{self, Write};

use serde_json::json;

use super::classes;
use super::count::Count;
use super::product::{Product, TooLarge, STATE_LIMIT};
use super::tree::{pick, ClassSet, Tree};
use crate::answers::Answer;
use crate::rules::{NodeId, NodeKind, Question, QuestionKind, Rules, Urgency};

/// The result at one end of a walk: urgency and condition, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Result {
    pub urgency: Option<Urgency>,
    pub condition: String,
}

impl std::fmt::Display for Result {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.urgency {
            Some(u) => write!(f, "{u} ({})", self.condition),
            None => f.write_str("no result"),
        }
    }
}

/// Answer sets that went from `old` to `new`.
#[derive(Debug)]
pub struct Group {
    pub old: Result,
    pub new: Result,
    pub combinations: Count,
    /// One answer set of the group: question id and answer, for the
    /// questions either file asks on the way.
    pub example: Vec<(String, Answer)>,
}

impl Group {
    pub fn lowers_urgency(&self) -> bool {
        match (self.old.urgency, self.new.urgency) {
            (Some(o), Some(n)) => n < o,
            (Some(_), None) => true,
            _ => false,
        }
    }
}

#[derive(Debug)]
pub struct DiffReport {
    pub questions: usize,
    pub combinations: Count,
    /// Changed groups: lowering ones first, then the largest.
    pub groups: Vec<Group>,
    /// New-only answers compared as old ones.
    pub same_as: Vec<SameAs>,
}

/// Why two files cannot be compared.
#[derive(Debug, thiserror::Error)]
pub enum Incomparable {
    /// The two files ask a question of the same id in different ways.
    #[error(
        "question '{id}' is {old} in the old rules but {new} in the new: they cannot be compared"
    )]
    Shape {
        id: String,
        old: String,
        new: String,
    },
    #[error("--same-as {given}: {reason}; write it as QUESTION.NEW_ANSWER=OLD_ANSWER, such as redness.streaks=spreading")]
    SameAs { given: String, reason: String },
    /// The two trees ask their questions in orders so different that the
    /// comparison would need more states than it may use.
    #[error("the comparison needs more than {limit} states: the two files ask their questions in very different orders, and it stopped rather than exhaust memory")]
    TooLarge { limit: usize },
}

/// An answer only the new rules accept, compared as an old one: the new
/// file split an old answer in two (`redness.streaks=spreading`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameAs {
    pub question: String,
    pub new_answer: String,
    pub old_answer: String,
}

impl std::str::FromStr for SameAs {
    type Err = Incomparable;

    fn from_str(given: &str) -> std::result::Result<SameAs, Incomparable> {
        let bad = |reason: &str| Incomparable::SameAs {
            given: given.to_string(),
            reason: reason.to_string(),
        };
        let (left, old_answer) = given.split_once('=').ok_or_else(|| bad("no '='"))?;
        let (question, new_answer) = left.split_once('.').ok_or_else(|| bad("no '.'"))?;
        if [question, new_answer, old_answer]
            .iter()
            .any(|s| s.trim().is_empty())
        {
            return Err(bad("a part is empty"));
        }
        Ok(SameAs {
            question: question.trim().to_string(),
            new_answer: new_answer.trim().to_string(),
            old_answer: old_answer.trim().to_string(),
        })
    }
}

fn choice_ids(q: &Question) -> Vec<&str> {
    match &q.kind {
        QuestionKind::Choice(choices) => choices.iter().map(|c| c.id.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// Every choice of the old question is still a choice of the new one.
fn only_adds_choices(old: &Question, new: &Question) -> bool {
    let new_ids = choice_ids(new);
    matches!(
        (&old.kind, &new.kind),
        (QuestionKind::Choice(_), QuestionKind::Choice(_))
    ) && choice_ids(old).iter().all(|id| new_ids.contains(id))
}

fn shape(q: &Question) -> String {
    match &q.kind {
        QuestionKind::Choice(choices) => format!(
            "a choice of {}",
            choices
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join("/")
        ),
        kind => format!("of kind {}", kind.name()),
    }
}

pub fn diff(
    old: &Rules,
    new: &Rules,
    same_as: &[SameAs],
) -> std::result::Result<DiffReport, Incomparable> {
    // One list of questions: the old file's, then those only the new one has.
    // A choice the new file added is asked with the new file's choices.
    let mut universe: Vec<(&Question, &Rules)> = old.questions.iter().map(|q| (q, old)).collect();
    for q in &new.questions {
        match old.question(&q.id) {
            Some(o) if shape(o) != shape(q) && only_adds_choices(o, q) => {
                if let Some(slot) = universe.iter_mut().find(|(x, _)| x.id == q.id) {
                    *slot = (q, new);
                }
            }
            Some(o)
                if shape(o) != shape(q) || o.accepts_not_measured() != q.accepts_not_measured() =>
            {
                return Err(Incomparable::Shape {
                    id: q.id.clone(),
                    old: shape(o),
                    new: shape(q),
                });
            }
            // Numbers are cut within what the new file accepts (its range,
            // whole readings only): those are the answers people can give.
            Some(_) if matches!(q.kind, QuestionKind::Number(_)) => {
                if let Some(slot) = universe.iter_mut().find(|(x, _)| x.id == q.id) {
                    *slot = (q, new);
                }
            }
            Some(_) => {}
            None => universe.push((q, new)),
        }
    }
    for alias in same_as {
        let bad = |reason: String| Incomparable::SameAs {
            given: format!(
                "{}.{}={}",
                alias.question, alias.new_answer, alias.old_answer
            ),
            reason,
        };
        let (Some(o), Some(n)) = (old.question(&alias.question), new.question(&alias.question))
        else {
            return Err(bad(format!(
                "both files must have a choice question '{}'",
                alias.question
            )));
        };
        if !choice_ids(n).contains(&alias.new_answer.as_str())
            || choice_ids(o).contains(&alias.new_answer.as_str())
        {
            return Err(bad(format!(
                "'{}' must be a choice only the new rules have (new: {})",
                alias.new_answer,
                choice_ids(n).join(", ")
            )));
        }
        if !choice_ids(o).contains(&alias.old_answer.as_str()) {
            return Err(bad(format!(
                "'{}' must be a choice of the old rules ({})",
                alias.old_answer,
                choice_ids(o).join(", ")
            )));
        }
    }
    // Each file's classes once, cut at both files' thresholds.
    let mut old_classes = classes(old, &[old, new]).into_iter();
    let mut new_classes = classes(new, &[old, new]).into_iter();
    let mut by_id: std::collections::HashMap<(&str, bool), Vec<Answer>> = old
        .questions
        .iter()
        .map(|q| {
            (
                (q.id.as_str(), false),
                old_classes.next().unwrap_or_default(),
            )
        })
        .chain(new.questions.iter().map(|q| {
            (
                (q.id.as_str(), true),
                new_classes.next().unwrap_or_default(),
            )
        }))
        .collect();
    let class_lists: Vec<Vec<Answer>> = universe
        .iter()
        .map(|(q, owner)| {
            let is_new = std::ptr::eq(*owner, new) && !std::ptr::eq(old, new);
            // A question one file only records at intake (one class) and
            // the other asks: its answers are the asking file's.
            let other = if is_new { old } else { new };
            let use_other = q.intake && other.question(&q.id).is_some_and(|o| !o.intake);
            by_id
                .remove(&(q.id.as_str(), is_new != use_other))
                .unwrap_or_default()
        })
        .collect();
    let positions: std::collections::HashMap<&str, usize> = universe
        .iter()
        .enumerate()
        .map(|(i, (q, _))| (q.id.as_str(), i))
        .collect();
    let index_of = |id: &str| positions.get(id).copied();
    // The old file walks with the new-only choices it was told to read as
    // old ones; any other new-only choice has no branch there (no result).
    let old_class_lists: Vec<Vec<Answer>> = universe
        .iter()
        .zip(&class_lists)
        .map(|((q, _), list)| {
            list.iter()
                .map(|answer| match answer {
                    Answer::Choice(id) => same_as
                        .iter()
                        .find(|a| a.question == q.id && &a.new_answer == id)
                        .map_or_else(|| answer.clone(), |a| Answer::Choice(a.old_answer.clone())),
                    other => other.clone(),
                })
                .collect()
        })
        .collect();

    // Both walks over the same answers at once (see `product`): cost
    // follows the size of the two trees, not their number of paths.
    let universe_index =
        |rules: &Rules, q: crate::rules::QuestionId| index_of(&rules.question_at(q).id);
    let old_tree = Tree::new(old, &old_class_lists, |q| universe_index(old, q));
    let new_tree = Tree::new(new, &class_lists, |q| universe_index(new, q));
    let mut product = Product::new(&old_tree, &new_tree, STATE_LIMIT, true);
    let (old_start, new_start) = (Some(old.start), Some(new.start));
    let too_large = |e: TooLarge| Incomparable::TooLarge { limit: e.limit };
    let ends = product.ends(old_start, new_start).map_err(too_large)?;
    let result = |end: Option<NodeId>, rules: &Rules| match end.map(|n| &rules.node(n).kind) {
        Some(NodeKind::Outcome(o)) => Result {
            urgency: Some(o.urgency),
            condition: rules.condition(o.condition).id.clone(),
        },
        _ => Result {
            urgency: None,
            condition: String::new(),
        },
    };
    let mut groups: Vec<Group> = Vec::new();
    for (&(end_old, end_new), count) in &ends {
        let (ra, rb) = (result(end_old, old), result(end_new, new));
        if ra == rb {
            continue;
        }
        match groups.iter_mut().find(|g| g.old == ra && g.new == rb) {
            Some(g) => g.combinations += count,
            None => {
                let mut choice: Vec<ClassSet> = class_lists
                    .iter()
                    .map(|c| ClassSet::full(c.len()))
                    .collect();
                let mut asked = Vec::new();
                product
                    .witness(
                        old_start,
                        new_start,
                        (end_old, end_new),
                        &mut choice,
                        &mut asked,
                    )
                    .map_err(too_large)?;
                let picked = pick(&choice);
                let example = asked
                    .iter()
                    .map(|&q| (universe[q].0, class_lists[q][picked[q]].clone()))
                    // Unanswered optional measurements count as not measured;
                    // the example runs with the new rules, so only their
                    // questions are given.
                    .filter(|(q, a)| !(q.consultant_only && *a == Answer::NotMeasured))
                    .filter(|(q, _)| new.question(&q.id).is_some())
                    .map(|(q, a)| (q.id.clone(), a))
                    .collect();
                groups.push(Group {
                    old: ra,
                    new: rb,
                    combinations: count.clone(),
                    example,
                });
            }
        }
    }
    groups.sort_by(|x, y| {
        y.lowers_urgency()
            .cmp(&x.lowers_urgency())
            .then(y.combinations.cmp(&x.combinations))
            // Ties in a fixed order, so that the output is the same each run.
            .then_with(|| x.old.to_string().cmp(&y.old.to_string()))
            .then_with(|| x.new.to_string().cmp(&y.new.to_string()))
    });
    Ok(DiffReport {
        questions: universe.len(),
        combinations: Count::product_of(class_lists.iter().map(Vec::len)),
        groups,
        same_as: same_as.to_vec(),
    })
}

fn example_args(example: &[(String, Answer)]) -> String {
    example
        .iter()
        .map(|(id, a)| format!("--set {id}={a}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn write_text(
    w: &mut impl Write,
    old: (&Rules, &str),
    new: (&Rules, &str),
    report: &DiffReport,
) -> io::Result<()> {
    writeln!(
        w,
        "Comparing {} {} ({}) with {} {} ({})",
        old.0.name, old.0.version, old.1, new.0.name, new.0.version, new.1
    )?;
    let changed: Count = report.groups.iter().map(|g| &g.combinations).sum();
    writeln!(
        w,
        "{} of {} answer combinations change result, in {} group(s).",
        changed.grouped(),
        report.combinations.grouped(),
        report.groups.len()
    )?;
    for a in &report.same_as {
        writeln!(
            w,
            "{}={} is compared with the old rules' {}={}.",
            a.question, a.new_answer, a.question, a.old_answer
        )?;
    }
    for g in &report.groups {
        writeln!(w)?;
        let flag = if g.lowers_urgency() {
            "LOWERS URGENCY: "
        } else {
            ""
        };
        writeln!(
            w,
            "{flag}{} -> {}: {} combination(s)",
            g.old,
            g.new,
            g.combinations.grouped()
        )?;
        writeln!(
            w,
            "  example: lactriage assess --rules {} {}",
            new.1,
            example_args(&g.example)
        )?;
    }
    Ok(())
}

pub fn write_json(
    w: &mut impl Write,
    old: (&Rules, &str),
    new: (&Rules, &str),
    report: &DiffReport,
) -> io::Result<()> {
    let side = |r: &Result| json!({ "urgency": r.urgency, "condition": if r.urgency.is_some() { json!(r.condition) } else { json!(null) } });
    let value = json!({
        "old": { "name": old.0.name, "version": old.0.version, "file": old.1 },
        "new": { "name": new.0.name, "version": new.0.version, "file": new.1 },
        "questions": report.questions,
        "combinations": report.combinations.to_json(),
        "changed": report.groups.iter().map(|g| &g.combinations).sum::<Count>().to_json(),
        "groups": report.groups.iter().map(|g| json!({
            "old": side(&g.old),
            "new": side(&g.new),
            "lowers_urgency": g.lowers_urgency(),
            "combinations": g.combinations.to_json(),
            "example": g.example.iter().map(|(id, a)| (id.clone(), a.to_json())).collect::<serde_json::Map<_, _>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_writer_pretty(&mut *w, &value)?;
    writeln!(w)
}
