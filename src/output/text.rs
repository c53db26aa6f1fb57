use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use super::{describe_answer, wrap, Report};
use crate::rules::{Audience, Urgency};

/// The result for a person at a terminal, wrapped to `width` columns. The
/// urgency is always spelt out in words: colour only repeats it.
pub fn write_text(w: &mut impl Write, report: &Report, width: usize) -> io::Result<()> {
    let a = report.assessment;
    let rule = "=".repeat(width.min(72));
    writeln!(w, "{}", paint(a.urgency, &rule))?;
    for line in wrap(report.label(), width) {
        writeln!(w, "{}", paint(a.urgency, &line).bold())?;
    }
    writeln!(w, "{}", paint(a.urgency, &rule))?;
    paragraph(w, &report.contact(), width, "")?;

    writeln!(w)?;
    let (assessment, answers) = match report.audience {
        Audience::Parent => ("Most likely:", "Your answers:"),
        Audience::Consultant => ("Assessment:", "Findings:"),
    };
    writeln!(w, "{} {}", assessment.bold(), report.title())?;
    paragraph(w, report.summary(), width, "  ")?;

    writeln!(w)?;
    writeln!(w, "{}", "Why".bold())?;
    paragraph(w, &report.why(), width, "  ")?;
    for assumed in report.assumptions() {
        paragraph(w, &assumed, width, "  ")?;
    }
    writeln!(w, "  {answers}")?;
    for step in report.shown_path() {
        let line = format!(
            "{}: {}",
            step.question.label,
            describe_answer(step.question, &step.answer, report.audience)
        );
        for (i, l) in wrap(&line, width.saturating_sub(6)).iter().enumerate() {
            writeln!(w, "{}{l}", if i == 0 { "    - " } else { "      " })?;
        }
    }

    if report.audience == Audience::Consultant {
        let intake: Vec<String> = report
            .intake()
            .iter()
            .map(|(q, answer)| {
                format!(
                    "{}: {}",
                    q.label,
                    describe_answer(q, answer, report.audience)
                )
            })
            .collect();
        list(w, "Intake", &intake, width)?;
        let notes = report.consultant_notes();
        list(w, "For the consultant", &notes, width)?;
    }

    list(w, "What to do", &a.condition.advice, width)?;
    list(
        w,
        "What to avoid (older advice that is still around)",
        &a.condition.avoid,
        width,
    )?;
    list(
        w,
        "Check again now, or contact a provider, if you notice",
        report.watch_for(),
        width,
    )?;

    writeln!(w)?;
    for line in wrap(&report.rules.disclaimer, width) {
        writeln!(w, "{}", line.italic())?;
    }
    list(w, "Sources", &a.condition.sources, width)?;
    writeln!(w)?;
    writeln!(
        w,
        "{}",
        format!(
            "Rules: {} {} (sha256:{}), lactriage {}",
            report.rules.name,
            report.rules.version,
            report.rules.short_digest(),
            env!("CARGO_PKG_VERSION")
        )
        .dimmed()
    )?;
    Ok(())
}

fn paint(urgency: Urgency, text: &str) -> ColoredString {
    match urgency {
        Urgency::Emergency => text.white().on_red(),
        Urgency::Today => text.red(),
        Urgency::Within24h => text.yellow(),
        Urgency::WithinDays => text.blue(),
        Urgency::SelfCare => text.green(),
    }
}

fn paragraph(w: &mut impl Write, text: &str, width: usize, indent: &str) -> io::Result<()> {
    for line in wrap(text, width.saturating_sub(indent.len())) {
        writeln!(w, "{indent}{line}")?;
    }
    Ok(())
}

fn list(w: &mut impl Write, heading: &str, items: &[String], width: usize) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "{}", heading.bold())?;
    for item in items {
        for (i, line) in wrap(item, width.saturating_sub(4)).iter().enumerate() {
            writeln!(w, "{}{line}", if i == 0 { "  - " } else { "    " })?;
        }
    }
    Ok(())
}
