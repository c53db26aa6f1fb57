use std::io::{self, Write};

use super::{describe_answer, Report};
use crate::answers::Answer;
use crate::rules::{Audience, Question};

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
    writeln!(w, "{}", escape(&report.why()))?;
    writeln!(w)?;
    for assumed in report.assumptions() {
        writeln!(w, "{}", escape(&assumed))?;
        writeln!(w)?;
    }
    follow_up(w, report)?;
    answer_table(
        w,
        ("Question", "Answer"),
        report.shown_path().map(|s| (s.question, &s.answer)),
        report.audience,
    )?;
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
        "Rules: {} {} (sha256:`{}`) · lactriage {} · {}",
        escape(&report.rules.name),
        escape(&report.rules.version),
        report.rules.digest,
        env!("CARGO_PKG_VERSION"),
        report.time
    )?;
    Ok(())
}

/// What changed since the last check of the same problem.
fn follow_up(w: &mut impl Write, report: &Report) -> io::Result<()> {
    let Some(follow_up) = report.follow_up else {
        return Ok(());
    };
    let lines: Vec<String> = follow_up
        .deadlines
        .iter()
        .chain(&follow_up.changes)
        .cloned()
        .collect();
    section(
        w,
        &format!(
            "Since the last check ({}, {})",
            crate::history::follow_up::when(&follow_up.previous),
            follow_up.ago
        ),
        &lines,
    )?;
    writeln!(w)?;
    Ok(())
}

/// The episode's earlier checks, for the chart.
fn earlier_checks(w: &mut impl Write, report: &Report) -> io::Result<()> {
    if report.earlier.is_empty() {
        return Ok(());
    }
    writeln!(w, "## Earlier checks of this episode")?;
    writeln!(w)?;
    writeln!(w, "| Time | Temperature | Urgency | Assessment |")?;
    writeln!(w, "|---|---|---|---|")?;
    for check in report.earlier {
        let temperature = check.answers.get("temperature").map_or_else(
            || "-".to_string(),
            |t| t.to_string().trim_matches('"').to_string(),
        );
        writeln!(
            w,
            "| {} | {} | `{}` | `{}` |",
            cell(&check.time.to_rfc3339()),
            cell(&temperature),
            cell(&check.urgency),
            cell(&check.condition)
        )?;
    }
    writeln!(w)?;
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
        // Control characters as escapes: a CR or ESC would break a table.
        if c.is_control() && c != '\n' {
            crate::answers::push_escaped(&mut out, c);
            continue;
        }
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
    let mut basis = report.why();
    for assumed in report.assumptions() {
        basis.push(' ');
        basis.push_str(&assumed);
    }
    writeln!(w, "| Basis | {} |", cell(&basis))?;
    writeln!(w, "| Time | {} |", cell(&report.time))?;
    writeln!(
        w,
        "| Rules | {} {} (sha256:`{}`), lactriage {} |",
        cell(&report.rules.name),
        cell(&report.rules.version),
        report.rules.digest,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(w)?;
    writeln!(w, "## Findings")?;
    writeln!(w)?;
    answer_table(
        w,
        ("Item", "Finding"),
        report.shown_path().map(|s| (s.question, &s.answer)),
        report.audience,
    )?;
    let intake = report.intake();
    if !intake.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Intake")?;
        writeln!(w)?;
        answer_table(w, ("Item", "Answer"), intake.into_iter(), report.audience)?;
    }
    follow_up(w, report)?;
    earlier_checks(w, report)?;
    let notes = report.consultant_notes();
    section(w, "For the consultant", &notes)?;
    section(w, "Advice given", &a.condition.advice)?;
    section(w, "Advised against", &a.condition.avoid)?;
    section(w, "Safety-netting", report.watch_for())?;
    section(w, "Sources", &a.condition.sources)?;
    writeln!(w)?;
    writeln!(w, "_{}_", escape(&report.rules.disclaimer))?;
    Ok(())
}

/// Questions and answers in words, as a two-column table.
fn answer_table<'q>(
    w: &mut impl Write,
    header: (&str, &str),
    rows: impl Iterator<Item = (&'q Question, &'q Answer)>,
    audience: Audience,
) -> io::Result<()> {
    writeln!(w, "| {} | {} |", header.0, header.1)?;
    writeln!(w, "|---|---|")?;
    for (q, answer) in rows {
        writeln!(
            w,
            "| {} | {} |",
            cell(&q.label),
            cell(&describe_answer(q, answer, audience))
        )?;
    }
    Ok(())
}
