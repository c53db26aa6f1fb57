use std::io::{self, Write};

use super::{describe_answer, Report};
use crate::answers::Answer;
use crate::rules::{Audience, Question};
use crate::t;

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
        "**{}** `{}`. {}",
        t!("md-urgency"),
        a.urgency,
        escape(&report.contact())
    )?;
    writeln!(w)?;
    writeln!(
        w,
        "**{}** {} (`{}`)",
        t!("text-most-likely"),
        escape(report.title()),
        a.condition.id
    )?;
    writeln!(w)?;
    writeln!(w, "{}", escape(report.summary()))?;
    writeln!(w)?;
    writeln!(w, "## {}", t!("text-why"))?;
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
        (&t!("md-question"), &t!("md-answer")),
        report.shown_path().map(|s| (s.question, &s.answer)),
        report.audience,
    )?;
    section(w, &t!("text-what-to-do"), &a.condition.advice)?;
    section(w, &t!("md-what-to-avoid"), &a.condition.avoid)?;
    section(w, &t!("md-check-again-if"), report.watch_for())?;
    section(w, &t!("text-sources"), &a.condition.sources)?;
    writeln!(w)?;
    writeln!(w, "---")?;
    writeln!(w)?;
    writeln!(w, "_{}_", escape(&report.rules.disclaimer))?;
    writeln!(w)?;
    writeln!(
        w,
        "{} {} {} (sha256:`{}`) · lactriage {} · {}",
        t!("md-rules"),
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
        &t!(
            "md-since-last-check",
            when = crate::history::follow_up::when(&follow_up.previous),
            ago = follow_up.ago.as_str()
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
    writeln!(w, "## {}", t!("md-earlier-checks"))?;
    writeln!(w)?;
    writeln!(w, "{}", t!("md-earlier-header"))?;
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
    writeln!(w, "# {}", t!("chart-title", title = escape(report.title())))?;
    writeln!(w)?;
    writeln!(w, "| | |")?;
    writeln!(w, "|---|---|")?;
    writeln!(
        w,
        "| {} | `{}`: {} |",
        t!("chart-urgency"),
        a.urgency,
        cell(&report.contact())
    )?;
    writeln!(
        w,
        "| {} | {} (`{}`) |",
        t!("chart-assessment"),
        cell(report.title()),
        a.condition.id
    )?;
    writeln!(
        w,
        "| {} | {} |",
        t!("chart-summary"),
        cell(report.summary())
    )?;
    let mut basis = report.why();
    for assumed in report.assumptions() {
        basis.push(' ');
        basis.push_str(&assumed);
    }
    writeln!(w, "| {} | {} |", t!("chart-basis"), cell(&basis))?;
    writeln!(w, "| {} | {} |", t!("chart-time"), cell(&report.time))?;
    writeln!(
        w,
        "| {} | {} {} (sha256:`{}`), lactriage {} |",
        t!("chart-rules"),
        cell(&report.rules.name),
        cell(&report.rules.version),
        report.rules.digest,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(w)?;
    writeln!(w, "## {}", t!("chart-findings"))?;
    writeln!(w)?;
    answer_table(
        w,
        (&t!("chart-item"), &t!("chart-finding")),
        report.shown_path().map(|s| (s.question, &s.answer)),
        report.audience,
    )?;
    let intake = report.intake();
    if !intake.is_empty() {
        writeln!(w)?;
        writeln!(w, "## {}", t!("text-intake"))?;
        writeln!(w)?;
        answer_table(
            w,
            (&t!("chart-item"), &t!("md-answer")),
            intake.into_iter(),
            report.audience,
        )?;
    }
    follow_up(w, report)?;
    earlier_checks(w, report)?;
    let notes = report.consultant_notes();
    section(w, &t!("text-for-consultant"), &notes)?;
    section(w, &t!("chart-advice-given"), &a.condition.advice)?;
    section(w, &t!("chart-advised-against"), &a.condition.avoid)?;
    section(w, &t!("chart-safety-netting"), report.watch_for())?;
    section(w, &t!("text-sources"), &a.condition.sources)?;
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
