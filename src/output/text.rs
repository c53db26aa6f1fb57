use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use super::{describe_answer, wrap, Report};
use crate::rules::{Audience, Urgency};
use crate::t;

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
        Audience::Parent => (t!("text-most-likely"), t!("text-do-now")),
        Audience::Consultant => (t!("text-assessment"), t!("text-refer")),
    };
    labelled(w, &likely, report.title(), width)?;
    labelled(w, &now, &report.contact(), width)?;
    let when = t!("text-when-not-diagnosis", time = report.local_time());
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
            &t!(
                "text-since-last-check",
                when = crate::history::follow_up::when(&follow_up.previous),
                ago = follow_up.ago.as_str()
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
        Audience::Parent => t!("text-your-answers"),
        Audience::Consultant => t!("text-findings"),
    };
    heading(w, &t!("text-details"), width)?;
    paragraph(w, report.summary(), width, "  ")?;
    writeln!(w)?;
    heading(w, &t!("text-why"), width)?;
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
        list(w, &t!("text-intake"), &intake, width)?;
        let notes = report.consultant_notes();
        list(w, &t!("text-for-consultant"), &notes, width)?;
    }

    list(w, &t!("text-what-to-do"), &a.condition.advice, width)?;
    list(w, &t!("text-what-to-avoid"), &a.condition.avoid, width)?;
    list(w, &t!("text-check-again-if"), report.watch_for(), width)?;

    writeln!(w)?;
    for line in wrap(&report.rules.disclaimer, width) {
        writeln!(w, "{}", line.italic())?;
    }
    list(w, &t!("text-sources"), &a.condition.sources, width)?;
    writeln!(w)?;
    let footer = t!(
        "text-footer",
        name = report.rules.name.as_str(),
        version = report.rules.version.as_str(),
        digest = report.rules.short_digest(),
        program = env!("CARGO_PKG_VERSION")
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
