use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::{describe_answer, Report};

/// One JSON object with the result, the path taken and every answer given.
pub fn write_json(w: &mut impl Write, report: &Report) -> io::Result<()> {
    let a = report.assessment;
    let path: Vec<Value> = a
        .path
        .iter()
        .map(|step| {
            json!({
                "question": step.question.id,
                "label": step.question.label,
                "answer": step.answer.to_json(),
                "description": describe_answer(step.question, &step.answer, report.audience),
                "branch": step.branch,
            })
        })
        .collect();
    let answers: Map<String, Value> = report
        .answers
        .iter()
        .map(|(id, answer)| (id.to_string(), answer.to_json()))
        .collect();
    let for_consultant: Vec<Value> = report
        .contributors()
        .iter()
        .map(|c| json!({ "text": c.text, "sources": c.sources }))
        .collect();
    let value = json!({
        "urgency": a.urgency,
        "urgency_label": report.label(),
        "condition": a.condition.id,
        "title": report.title(),
        "summary": report.summary(),
        "why": report.why(),
        "assumed": report.assumptions(),
        "contact": report.contact(),
        "advice": a.condition.advice,
        "avoid": a.condition.avoid,
        "watch_for": report.watch_for(),
        "path": path,
        "answers": answers,
        "for_consultant": for_consultant,
        "outcome": a.outcome_id,
        "audience": report.audience,
        "sources": a.condition.sources,
        "rules": { "name": report.rules.name, "version": report.rules.version, "digest": format!("sha256:{}", report.rules.digest) },
        "tool": { "name": "lactriage", "version": env!("CARGO_PKG_VERSION") },
        "time": report.time,
        "disclaimer": report.rules.disclaimer,
    });
    serde_json::to_writer_pretty(&mut *w, &value)?;
    writeln!(w)
}
