use std::io::{self, Write};

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{describe_answer, Report};
use crate::answers::{Answer, Answers};
use crate::rules::{Audience, Urgency};

/// The result as one JSON object, its keys in this order. Plain structs
/// borrowing from the report, serialised straight to the output: building
/// a `serde_json::Value` first cost a fifth of a scripted `assess`.
#[derive(Serialize)]
struct Result<'a> {
    urgency: Urgency,
    urgency_label: &'a str,
    condition: &'a str,
    title: &'a str,
    summary: &'a str,
    why: String,
    assumed: Vec<String>,
    contact: String,
    advice: &'a [String],
    avoid: &'a [String],
    watch_for: &'a [String],
    path: Vec<Step<'a>>,
    answers: AnswerMap<'a>,
    for_consultant: Vec<Contributor<'a>>,
    outcome: &'a str,
    audience: Audience,
    sources: &'a [String],
    rules: RulesRef<'a>,
    tool: Tool,
    time: &'a str,
    disclaimer: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    follow_up: Option<&'a crate::history::follow_up::FollowUp>,
}

#[derive(Serialize)]
struct Step<'a> {
    question: &'a str,
    label: &'a str,
    answer: &'a Answer,
    description: String,
    branch: &'a str,
}

/// Every answer given, in the order of [`Answers::iter`].
struct AnswerMap<'a>(&'a Answers);

impl Serialize for AnswerMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, answer) in self.0.iter() {
            map.serialize_entry(id, answer)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Contributor<'a> {
    text: &'a str,
    sources: &'a [String],
}

#[derive(Serialize)]
struct RulesRef<'a> {
    name: &'a str,
    version: &'a str,
    digest: String,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// One JSON object with the result, the path taken and every answer given.
pub fn write_json(w: &mut impl Write, report: &Report) -> io::Result<()> {
    let a = report.assessment;
    let result = Result {
        urgency: a.urgency,
        urgency_label: report.label(),
        condition: &a.condition.id,
        title: report.title(),
        summary: report.summary(),
        why: report.why(),
        assumed: report.assumptions(),
        contact: report.contact(),
        advice: &a.condition.advice,
        avoid: &a.condition.avoid,
        watch_for: report.watch_for(),
        path: a
            .path
            .iter()
            .map(|step| Step {
                question: &step.question.id,
                label: &step.question.label,
                answer: &step.answer,
                description: describe_answer(step.question, &step.answer, report.audience),
                branch: &step.branch,
            })
            .collect(),
        answers: AnswerMap(report.answers),
        for_consultant: report
            .contributors()
            .into_iter()
            .map(|c| Contributor {
                text: &c.text,
                sources: &c.sources,
            })
            .collect(),
        outcome: a.outcome_id,
        audience: report.audience,
        sources: &a.condition.sources,
        rules: RulesRef {
            name: &report.rules.name,
            version: &report.rules.version,
            digest: format!("sha256:{}", report.rules.digest),
        },
        tool: Tool {
            name: "lactriage",
            version: env!("CARGO_PKG_VERSION"),
        },
        time: &report.time,
        disclaimer: &report.rules.disclaimer,
        follow_up: report.follow_up,
    };
    serde_json::to_writer_pretty(&mut *w, &result)?;
    writeln!(w)
}
