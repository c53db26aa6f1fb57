use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use super::{describe_answer, wrap, Report};
use crate::rules::{Audience, Urgency};

/// The short answer: what a person needs first, on one screen even at 40
/// columns by 20 lines. The urgency in words, what it most likely is, the
/// one thing to do now, and when the check was made.
pub fn write_short_text(w: &mut impl Write, report: &Report, width: usize) -> io::Result<()> {
    let a = report.assessment;
    let rule = "=".repeat(width.min(72));
    writeln!(w, "{}", paint(a.urgency, &rule))?;
    for line in wrap(report.label(), width) {
        writeln!(w, "{}", paint(a.urgency, &line).bold())?;
    }
    writeln!(w, "{}", paint(a.urgency, &rule))?;
    let (likely, now) = match report.audience {
        Audience::Parent => ("Most likely:", "Do now:"),
        Audience::Consultant => ("Assessment:", "Refer:"),
    };
    labelled(w, likely, report.title(), width)?;
    labelled(w, now, &report.contact(), width)?;
    let when = format!("{}. Not a diagnosis.", report.local_time());
    paragraph(w, &when, width, "")?;
    Ok(())
}

/// The result for a person at a terminal, wrapped to `width` columns: the
/// short answer, then the details, then the urgency again as the last line,
/// so that it is on screen when the output stops. The urgency is always
/// spelt out in words: colour only repeats it.
pub fn write_text(w: &mut impl Write, report: &Report, width: usize) -> io::Result<()> {
    let a = report.assessment;
    write_short_text(w, report, width)?;

    if let Some(follow_up) = report.follow_up {
        writeln!(w)?;
        heading(
            w,
            &format!(
                "Since your last check ({}, {})",
                crate::history::follow_up::when(&follow_up.previous),
                follow_up.ago
            ),
            width,
        )?;
        for line in follow_up.deadlines.iter().chain(&follow_up.changes) {
            for (i, l) in wrap(line, width.saturating_sub(4)).iter().enumerate() {
                writeln!(w, "{}{l}", if i == 0 { "  - " } else { "    " })?;
            }
        }
    }

    writeln!(w)?;
    let answers = match report.audience {
        Audience::Parent => "Your answers:",
        Audience::Consultant => "Findings:",
    };
    heading(w, "Details", width)?;
    paragraph(w, report.summary(), width, "  ")?;
    writeln!(w)?;
    heading(w, "Why", width)?;
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
    let footer = format!(
        "Rules: {} {} (sha256:{}), lactriage {}",
        report.rules.name,
        report.rules.version,
        report.rules.short_digest(),
        env!("CARGO_PKG_VERSION")
    );
    for line in wrap(&footer, width) {
        writeln!(w, "{}", line.dimmed())?;
    }
    // The urgency again, last, where the eye lands when the output stops.
    writeln!(w, "{}", paint(a.urgency, &"=".repeat(width.min(72))))?;
    for line in wrap(report.label(), width) {
        writeln!(w, "{}", paint(a.urgency, &line).bold())?;
    }
    Ok(())
}

/// `label text`, wrapped with later lines indented under the text when
/// there is room, else under the label.
fn labelled(w: &mut impl Write, label: &str, text: &str, width: usize) -> io::Result<()> {
    let lines = wrap(&format!("{label} {text}"), width);
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let rest = line.strip_prefix(label).unwrap_or(line);
            writeln!(w, "{}{rest}", label.bold())?;
        } else {
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

/// A heading, bold, wrapped like any text.
fn heading(w: &mut impl Write, text: &str, width: usize) -> io::Result<()> {
    for line in wrap(text, width) {
        writeln!(w, "{}", line.bold())?;
    }
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
    self::heading(w, heading, width)?;
    for item in items {
        for (i, line) in wrap(item, width.saturating_sub(4)).iter().enumerate() {
            writeln!(w, "{}{line}", if i == 0 { "  - " } else { "    " })?;
        }
    }
    Ok(())
}
