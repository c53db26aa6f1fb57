use std::io::{self, Write};

use colored::Colorize;
use serde_json::{json, Value};

use super::wrap;
use crate::rules::{Audience, PresetValue, Question, QuestionKind, Rules};
use crate::t;

/// What a question accepts, in one line.
fn accepted(q: &Question) -> String {
    let mut text = match &q.kind {
        QuestionKind::YesNo => t!("questions-yes-no"),
        QuestionKind::YesNoUnsure {
            unsure_counts_as_yes,
        } => t!(
            "questions-yes-no-unsure",
            as_yes = crate::i18n::select(*unsure_counts_as_yes)
        ),
        QuestionKind::Choice(choices) => choices
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        QuestionKind::Number(spec) => {
            let mut text = t!("questions-number-of", unit = spec.unit_label.as_str());
            let n = crate::i18n::number;
            match (spec.min, spec.max) {
                (Some(lo), Some(hi)) => {
                    text.push_str(&t!("questions-from-to", from = n(lo), to = n(hi)))
                }
                (Some(lo), None) => text.push_str(&t!("questions-at-least", from = n(lo))),
                (None, Some(hi)) => text.push_str(&t!("questions-at-most", to = n(hi))),
                (None, None) => {}
            }
            if spec.is_hours() {
                text.push_str(&t!("questions-also-days"));
            }
            text
        }
        QuestionKind::Temperature => t!("questions-reading"),
        QuestionKind::Text => t!("questions-free-text"),
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
    writeln!(
        w,
        "{}",
        t!(
            "questions-of",
            name = rules.name.as_str(),
            version = rules.version.as_str()
        )
    )?;
    for q in rules.asked_questions().chain(rules.intake_questions()) {
        writeln!(w)?;
        writeln!(w, "{}  ({})", q.id.bold(), q.label)?;
        writeln!(w, "    {}", t!("questions-accepts", accepted = accepted(q)))?;
        if q.consultant_only {
            writeln!(w, "    {}", t!("questions-consultant-only"))?;
        }
        if q.intake {
            writeln!(w, "    {}", t!("questions-intake"))?;
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
    writeln!(
        w,
        "# {}",
        t!(
            "questions-of-md",
            name = rules.name.as_str(),
            version = rules.version.as_str()
        )
    )?;
    writeln!(w)?;
    writeln!(w, "{}", t!("questions-md-header"))?;
    writeln!(w, "|---|---|---|---|")?;
    for q in rules.asked_questions().chain(rules.intake_questions()) {
        let asked = if q.intake {
            t!("questions-asked-intake")
        } else if q.consultant_only {
            t!("questions-asked-consultants")
        } else {
            t!("questions-asked-tree")
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
