use std::io::{self, Write};

use super::{describe_answer, Report};

/// The result as a note to keep or paste into a chart.
pub fn write_markdown(w: &mut impl Write, report: &Report) -> io::Result<()> {
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
