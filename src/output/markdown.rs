use std::io::{self, Write};

use super::{describe_answer, Report};
use crate::rules::Audience;

/// The result as a note to keep; for a consultant, a chart note.
pub fn write_markdown(w: &mut impl Write, report: &Report) -> io::Result<()> {
    if report.audience == Audience::Consultant {
        return write_chart_note(w, report);
    }
    let a = report.assessment;
    writeln!(w, "# {}", escape(report.label()))?;
    writeln!(w)?;
    writeln!(
        w,
        "**Urgency:** `{}`. {}",
        a.urgency,
        escape(&report.contact())
    )?;
    writeln!(w)?;
    writeln!(
        w,
        "**Most likely:** {} (`{}`)",
        escape(report.title()),
        a.condition.id
    )?;
    writeln!(w)?;
    writeln!(w, "{}", escape(report.summary()))?;
    writeln!(w)?;
    writeln!(w, "## Why")?;
    writeln!(w)?;
    writeln!(w, "{}", escape(&a.outcome.why))?;
    writeln!(w)?;
    writeln!(w, "| Question | Answer |")?;
    writeln!(w, "|---|---|")?;
    for step in report.shown_path() {
        writeln!(
            w,
            "| {} | {} |",
            cell(&step.question.label),
            cell(&describe_answer(
                step.question,
                &step.answer,
                report.audience
            ))
        )?;
    }
    section(w, "What to do", &a.condition.advice)?;
    section(w, "What to avoid", &a.condition.avoid)?;
    section(
        w,
        "Check again now, or contact a provider, if",
        report.watch_for(),
    )?;
    section(w, "Sources", &a.condition.sources)?;
    writeln!(w)?;
    writeln!(w, "---")?;
    writeln!(w)?;
    writeln!(w, "_{}_", escape(&report.rules.disclaimer))?;
    writeln!(w)?;
    writeln!(
        w,
        "Rules: {} {} · lactriage {} · {}",
        escape(&report.rules.name),
        escape(&report.rules.version),
        env!("CARGO_PKG_VERSION"),
        report.time
    )?;
    Ok(())
}

fn section(w: &mut impl Write, heading: &str, items: &[String]) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "## {heading}")?;
    writeln!(w)?;
    for item in items {
        writeln!(w, "- {}", escape(item))?;
    }
    Ok(())
}

/// Text from a rules file is data: characters that Markdown would read as
/// markup are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell(text: &str) -> String {
    escape(text).replace('\n', " ")
}

/// A short, structured note in clinical wording, to paste into a chart.
fn write_chart_note(w: &mut impl Write, report: &Report) -> io::Result<()> {
    let a = report.assessment;
    writeln!(w, "# Lactation triage: {}", escape(report.title()))?;
    writeln!(w)?;
    writeln!(w, "| | |")?;
    writeln!(w, "|---|---|")?;
    writeln!(
        w,
        "| Urgency | `{}`: {} |",
        a.urgency,
        cell(&report.contact())
    )?;
    writeln!(
        w,
        "| Assessment | {} (`{}`) |",
        cell(report.title()),
        a.condition.id
    )?;
    writeln!(w, "| Summary | {} |", cell(report.summary()))?;
    writeln!(w, "| Basis | {} |", cell(&a.outcome.why))?;
    writeln!(w, "| Time | {} |", cell(&report.time))?;
    writeln!(
        w,
        "| Rules | {} {}, lactriage {} |",
        cell(&report.rules.name),
        cell(&report.rules.version),
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(w)?;
    writeln!(w, "## Findings")?;
    writeln!(w)?;
    writeln!(w, "| Item | Finding |")?;
    writeln!(w, "|---|---|")?;
    for step in report.shown_path() {
        writeln!(
            w,
            "| {} | {} |",
            cell(&step.question.label),
            cell(&describe_answer(
                step.question,
                &step.answer,
                report.audience
            ))
        )?;
    }
    let intake = report.intake();
    if !intake.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Intake")?;
        writeln!(w)?;
        writeln!(w, "| Item | Answer |")?;
        writeln!(w, "|---|---|")?;
        for (q, answer) in intake {
            writeln!(
                w,
                "| {} | {} |",
                cell(&q.label),
                cell(&describe_answer(q, answer, report.audience))
            )?;
        }
    }
    let notes: Vec<String> = report
        .contributors()
        .iter()
        .map(|c| format!("{} (Sources: {})", c.text, c.sources.join("; ")))
        .collect();
    section(w, "For the consultant", &notes)?;
    section(w, "Advice given", &a.condition.advice)?;
    section(w, "Advised against", &a.condition.avoid)?;
    section(w, "Safety-netting", report.watch_for())?;
    section(w, "Sources", &a.condition.sources)?;
    writeln!(w)?;
    writeln!(w, "_{}_", escape(&report.rules.disclaimer))?;
    Ok(())
}
