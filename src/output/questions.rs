use std::io::{self, Write};

use colored::Colorize;
use serde_json::{json, Value};

use super::wrap;
use crate::rules::{format_number, Audience, PresetValue, Question, QuestionKind, Rules};

/// What a question accepts, in one line.
fn accepted(q: &Question) -> String {
    let mut text = match &q.kind {
        QuestionKind::YesNo => "yes | no".to_string(),
        QuestionKind::YesNoUnsure {
            unsure_counts_as_yes,
        } => format!(
            "yes | no | unsure (unsure counts as {})",
            if *unsure_counts_as_yes { "yes" } else { "no" }
        ),
        QuestionKind::Choice(choices) => choices
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        QuestionKind::Number(spec) => {
            let mut t = format!("number of {}", spec.unit);
            match (spec.min, spec.max) {
                (Some(lo), Some(hi)) => {
                    t.push_str(&format!(", {} to {}", format_number(lo), format_number(hi)))
                }
                (Some(lo), None) => t.push_str(&format!(", {} or more", format_number(lo))),
                (None, Some(hi)) => t.push_str(&format!(", {} or less", format_number(hi))),
                (None, None) => {}
            }
            if spec.unit == "hours" {
                t.push_str(" (also in days or weeks: 36h, 2 days, 1 week)");
            }
            t
        }
        QuestionKind::Temperature => {
            "a reading: 38.4, 38.4C, 101.2F (30-45 °C, 86-113 °F)".to_string()
        }
        QuestionKind::Text => "free text".to_string(),
    };
    if q.accepts_not_measured() {
        text.push_str(" | not_measured");
    }
    text
}

/// Questions the tree asks, for people.
pub fn write_questions_text(
    w: &mut impl Write,
    rules: &Rules,
    audience: Audience,
) -> io::Result<()> {
    writeln!(w, "Questions of {} {}:", rules.name, rules.version)?;
    for q in rules.asked_questions().chain(rules.intake_questions()) {
        writeln!(w)?;
        writeln!(w, "{}  ({})", q.id.bold(), q.label)?;
        writeln!(w, "    accepts: {}", accepted(q))?;
        if q.consultant_only {
            writeln!(
                w,
                "    asked of consultants only; unanswered counts as not_measured"
            )?;
        }
        if q.intake {
            writeln!(
                w,
                "    intake: asked of consultants for the record; never changes the result"
            )?;
        }
        for line in wrap(q.wording(audience), 72) {
            writeln!(w, "    {line}")?;
        }
    }
    Ok(())
}

/// Questions the tree asks, as a Markdown document: a table to scan, then
/// each question's wording.
pub fn write_questions_markdown(
    w: &mut impl Write,
    rules: &Rules,
    audience: Audience,
) -> io::Result<()> {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    writeln!(w, "# Questions of {} {}", rules.name, rules.version)?;
    writeln!(w)?;
    writeln!(w, "| id | label | accepts | asked |")?;
    writeln!(w, "|---|---|---|---|")?;
    for q in rules.asked_questions().chain(rules.intake_questions()) {
        let asked = if q.intake {
            "consultant intake; never changes the result"
        } else if q.consultant_only {
            "consultants only; unanswered counts as not_measured"
        } else {
            "when the tree needs it"
        };
        writeln!(
            w,
            "| `{}` | {} | {} | {asked} |",
            q.id,
            cell(&q.label),
            cell(&accepted(q))
        )?;
    }
    for q in rules.asked_questions().chain(rules.intake_questions()) {
        writeln!(w)?;
        writeln!(w, "## `{}`: {}", q.id, q.label)?;
        writeln!(w)?;
        for line in q.wording(audience).lines() {
            writeln!(w, "{line}")?;
        }
        if let QuestionKind::Choice(choices) = &q.kind {
            writeln!(w)?;
            for c in choices {
                writeln!(w, "- `{}`: {}", c.id, c.wording(audience))?;
            }
        }
    }
    Ok(())
}

/// Questions the tree asks, as a JSON array.
pub fn write_questions_json(
    w: &mut impl Write,
    rules: &Rules,
    audience: Audience,
) -> io::Result<()> {
    let list: Vec<Value> = rules
        .asked_questions()
        .chain(rules.intake_questions())
        .map(|q| {
            let mut v = json!({
                "id": q.id,
                "label": q.label,
                "kind": q.kind.name(),
                "text": q.wording(audience),
                "accepts": accepted(q),
                "not_measured_allowed": q.accepts_not_measured(),
                "consultant_only": q.consultant_only,
                "intake": q.intake,
            });
            match &q.kind {
                QuestionKind::YesNoUnsure {
                    unsure_counts_as_yes,
                } => {
                    v["unsure_counts_as"] = json!(if *unsure_counts_as_yes { "yes" } else { "no" });
                }
                QuestionKind::Choice(choices) => {
                    v["choices"] = choices
                        .iter()
                        .map(|c| json!({"id": c.id, "text": c.wording(audience)}))
                        .collect();
                }
                QuestionKind::Number(spec) => {
                    v["unit"] = json!(spec.unit);
                    v["min"] = json!(spec.min);
                    v["max"] = json!(spec.max);
                    v["presets"] = spec
                        .presets
                        .iter()
                        .map(|p| match p.value {
                            PresetValue::Exact(x) => json!({"label": p.label, "value": x}),
                            PresetValue::Range {
                                from,
                                to,
                                exclusive: false,
                            } => json!({"label": p.label, "from": from, "to": to}),
                            PresetValue::Range {
                                from,
                                to,
                                exclusive: true,
                            } => json!({"label": p.label, "above": from, "to": to}),
                        })
                        .collect();
                }
                QuestionKind::YesNo | QuestionKind::Temperature | QuestionKind::Text => {}
            }
            v
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &list)?;
    writeln!(w)
}
