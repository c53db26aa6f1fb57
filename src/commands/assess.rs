//! `lactriage` and `lactriage assess`: read the answers given, ask for the
//! rest (at a terminal, or line by line in plain mode), and write the
//! result where it was asked for.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::answers::Answers;
use crate::cli::{AssessArgs, Format};
use crate::commands::{load_rules, read_file};
use crate::engine::{self, Stop};
use crate::error::Error;
use crate::output::{self, Report};
use crate::output_file::OutputFile;
use crate::prompt::{PlainPrompt, Prompt};
use crate::rules::{Audience, Rules, Urgency};
use crate::session::Session;
use crate::Terminal;

pub(crate) fn run(
    args: &AssessArgs,
    terminal: &Terminal,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    prompt: Option<&mut dyn Prompt>,
) -> Result<(), Error> {
    let rules = load_rules(args.rules.as_deref())?;
    let fixed = load_answers(args, rules, stdin)?;
    let audience = Audience::from(args.audience);
    // Refused before the first question, not after the last.
    let file = match &args.output {
        Some(path) => Some(OutputFile::create(path, args.force)?),
        None => None,
    };

    let stdin_taken = args.answers.as_deref() == Some(Path::new("-"));
    let plain = args.plain || terminal.dumb || !terminal.stdin_is_terminal;
    let mut session = Session::new(rules, fixed, audience);
    let assessment = if args.no_input || stdin_taken {
        assess_given(rules, &session.answers())?
    } else if plain {
        let mut plain_prompt = PlainPrompt::new(
            io::BufReader::new(stdin),
            &mut *stderr,
            terminal.width.unwrap_or(80),
            !terminal.stdin_is_terminal,
        );
        ask(rules, &mut session, &mut plain_prompt, terminal)?
    } else if let Some(prompt) = prompt {
        ask(rules, &mut session, prompt, terminal)?
    } else {
        assess_given(rules, &session.answers())?
    };
    let asked = session.asked_anything();
    let answers = session.answers();
    let report = Report {
        rules,
        assessment: &assessment,
        answers: &answers,
        audience,
        time: now(),
    };
    let width = terminal_width(terminal);
    match (file, &args.output) {
        (Some(mut file), Some(path)) => {
            // Colour follows the destination: a file never gets it.
            output::without_colour(|| render(file.writer(), &report, args.format, width))
                .map_err(Error::Output)?;
            // A person who answered at the prompt sees the result too.
            if asked {
                render(stdout, &report, Format::Text, width).map_err(Error::Output)?;
            }
            file.commit()?;
            if asked {
                let _ = writeln!(stderr, "Saved to {}", path.display());
            }
            Ok(())
        }
        _ => render(stdout, &report, args.format, width).map_err(Error::Output),
    }
}

/// Asks what the answers lack. A consultant's emergency is shown at once,
/// before the intake is offered.
fn ask<'r>(
    rules: &'r Rules,
    session: &mut Session<'r>,
    prompt: &mut dyn Prompt,
    terminal: &Terminal,
) -> Result<engine::Assessment<'r>, Error> {
    let assessment = match session.run(prompt) {
        // Piped answers ran out: a result if the tree has what it needs (only
        // the optional intake was left), else the list of what is missing.
        Err(Error::EndOfInput) => assess_given(rules, &session.answers())?,
        other => other?,
    };
    if assessment.urgency == Urgency::Emergency && session.audience() == Audience::Consultant {
        let report = Report {
            rules,
            assessment: &assessment,
            answers: &session.answers(),
            audience: Audience::Consultant,
            time: now(),
        };
        let mut short = Vec::new();
        output::write_short_text(&mut short, &report, terminal_width(terminal))
            .map_err(Error::Output)?;
        prompt.notice(&String::from_utf8_lossy(&short))?;
        match session.offer_intake(prompt) {
            // Piped answers that end here simply record no intake.
            Err(Error::EndOfInput) => {}
            other => other?,
        }
    }
    Ok(assessment)
}

fn terminal_width(terminal: &Terminal) -> usize {
    terminal.width.unwrap_or(80).clamp(40, 100)
}

fn render(out: &mut dyn Write, report: &Report, format: Format, width: usize) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    match format {
        Format::Text => output::write_text(&mut out, report, width),
        Format::Json => output::write_json(&mut out, report),
        Format::Markdown => output::write_markdown(&mut out, report),
    }?;
    out.flush()
}

/// Answers given in full: the result, or the list of what is missing.
fn assess_given<'r>(rules: &'r Rules, answers: &Answers) -> Result<engine::Assessment<'r>, Error> {
    engine::assess(rules, answers).map_err(|stop| match stop {
        Stop::Source(missing) => Error::MissingAnswers {
            ids: missing.questions.iter().map(|q| q.id.clone()).collect(),
        },
        Stop::Unfit { question, answer } => Error::Internal(format!(
            "answer '{answer}' does not fit question '{question}'"
        )),
    })
}

fn load_answers(args: &AssessArgs, rules: &Rules, stdin: &mut dyn Read) -> Result<Answers, Error> {
    let mut answers = match args.answers.as_deref() {
        None => Answers::new(),
        Some(path) if path == Path::new("-") => {
            let mut text = String::new();
            stdin
                .read_to_string(&mut text)
                .map_err(|source| Error::Read {
                    what: "answers from",
                    path: "standard input".into(),
                    source,
                })?;
            Answers::from_json(&text, "standard input", rules)?
        }
        Some(path) => {
            let text = read_file(path, "answers file")?;
            let origin = path.display().to_string();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            {
                Answers::from_toml(&text, &origin, rules)?
            } else {
                Answers::from_json(&text, &origin, rules)?
            }
        }
    };
    for arg in &args.set {
        answers.set_from_arg(arg, rules)?;
    }
    Ok(answers)
}

/// The local time with its offset, as ISO 8601: `2026-11-20T22:50:00+01:00`.
fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}
