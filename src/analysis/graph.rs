//! `lactriage rules graph`: the tree as Graphviz DOT or Mermaid.

use std::io::{self, Write};

use crate::output::wrap;
use crate::rules::{Branches, NodeKind, Question, QuestionKind, Rules, Urgency};

/// Fill colours by urgency, light enough for black text.
fn colour(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Emergency => "#f4a6a6",
        Urgency::Today => "#f8c99b",
        Urgency::Within24h => "#fbe7a1",
        Urgency::WithinDays => "#b9d7f0",
        Urgency::SelfCare => "#bfe3b4",
    }
}

/// Each node a step leads to, with the labels of every branch to it.
fn edges<'r>(rules: &'r Rules, q: &Question, branches: &Branches) -> Vec<(String, &'r str)> {
    let mut merged: Vec<(String, &str)> = Vec::new();
    for (label, next) in branch_labels(rules, q, branches) {
        match merged.iter_mut().find(|(_, n)| *n == next) {
            Some((labels, _)) => {
                labels.push_str(" / ");
                labels.push_str(&label);
            }
            None => merged.push((label, next)),
        }
    }
    merged
}

fn branch_labels<'r>(
    rules: &'r Rules,
    q: &Question,
    branches: &Branches,
) -> Vec<(String, &'r str)> {
    let id = |n: crate::rules::NodeId| rules.node(n).id.as_str();
    match branches {
        Branches::YesNo { yes, no } => {
            let unsure = match q.kind {
                QuestionKind::YesNoUnsure {
                    unsure_counts_as_yes,
                } => Some(unsure_counts_as_yes),
                _ => None,
            };
            vec![
                (
                    if unsure == Some(true) {
                        "yes / unsure"
                    } else {
                        "yes"
                    }
                    .to_string(),
                    id(*yes),
                ),
                (
                    if unsure == Some(false) {
                        "no / unsure"
                    } else {
                        "no"
                    }
                    .to_string(),
                    id(*no),
                ),
            ]
        }
        Branches::Choice(next) => match &q.kind {
            QuestionKind::Choice(choices) => choices
                .iter()
                .zip(next)
                .map(|(c, n)| (c.id.clone(), id(*n)))
                .collect(),
            _ => Vec::new(),
        },
        Branches::Numeric {
            not_measured,
            ranges,
        } => {
            let unit = match &q.kind {
                QuestionKind::Temperature => " °C".to_string(),
                QuestionKind::Number(spec) if spec.is_hours() => " h".to_string(),
                _ => String::new(),
            };
            not_measured
                .iter()
                .map(|n| ("not measured".to_string(), id(*n)))
                .chain(
                    ranges
                        .iter()
                        .map(|r| (format!("{}{unit}", r.range), id(r.next))),
                )
                .collect()
        }
    }
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Graphviz DOT: steps as boxes with their wording, outcomes filled by urgency.
pub fn write_dot(w: &mut impl Write, rules: &Rules) -> io::Result<()> {
    writeln!(w, "digraph \"{}\" {{", dot_escape(&rules.name))?;
    writeln!(
        w,
        "  graph [rankdir=TB, fontname=\"Helvetica\", label=\"{} {}\", labelloc=t];",
        dot_escape(&rules.name),
        dot_escape(&rules.version)
    )?;
    writeln!(
        w,
        "  node [fontname=\"Helvetica\", fontsize=10, shape=box];"
    )?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for node in &rules.nodes {
        match &node.kind {
            NodeKind::Step(step) => {
                let q = rules.question_at(step.question);
                let label = format!("{}\n{}", q.id, wrap(&q.parent, 32).join("\n"));
                writeln!(
                    w,
                    "  \"{}\" [label=\"{}\"];",
                    dot_escape(&node.id),
                    dot_escape(&label)
                )?;
                for (label, next) in edges(rules, q, &step.branches) {
                    writeln!(
                        w,
                        "  \"{}\" -> \"{}\" [label=\"{}\"];",
                        dot_escape(&node.id),
                        dot_escape(next),
                        dot_escape(&label)
                    )?;
                }
            }
            NodeKind::Outcome(o) => {
                writeln!(
                    w,
                    "  \"{}\" [label=\"{}\\n{}\", style=\"rounded,filled\", fillcolor=\"{}\"];",
                    dot_escape(&node.id),
                    dot_escape(&rules.condition(o.condition).id),
                    o.urgency,
                    colour(o.urgency)
                )?;
            }
        }
    }
    writeln!(w, "}}")
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
}

/// A Mermaid flowchart, for Markdown viewers that render it.
pub fn write_mermaid(w: &mut impl Write, rules: &Rules) -> io::Result<()> {
    writeln!(w, "flowchart TD")?;
    for node in &rules.nodes {
        match &node.kind {
            NodeKind::Step(step) => {
                let q = rules.question_at(step.question);
                writeln!(
                    w,
                    "  n_{}[\"{}<br/>{}\"]",
                    node.id,
                    q.id,
                    mermaid_text(&wrap(&q.parent, 32).join("<br/>"))
                )?;
                for (label, next) in edges(rules, q, &step.branches) {
                    writeln!(
                        w,
                        "  n_{} -->|\"{}\"| n_{}",
                        node.id,
                        mermaid_text(&label),
                        next
                    )?;
                }
            }
            NodeKind::Outcome(o) => {
                writeln!(
                    w,
                    "  n_{}([\"{}<br/>{}\"]):::{}",
                    node.id,
                    rules.condition(o.condition).id,
                    o.urgency,
                    o.urgency
                )?;
            }
        }
    }
    for urgency in Urgency::ALL {
        writeln!(
            w,
            "  classDef {urgency} fill:{},color:#000",
            colour(urgency)
        )?;
    }
    Ok(())
}
