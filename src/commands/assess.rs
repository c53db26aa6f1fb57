//! `lactriage` and `lactriage assess`: read the answers given, ask for the
//! rest (at a terminal, or line by line in plain mode), and write the
//! result where it was asked for.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::answers::{Answer, Answers};
use crate::cli::{AssessArgs, Format};
use crate::commands::{load_rules_translated, read_file};
use crate::engine::{self, Stop};
use crate::error::Error;
use crate::history::{self, follow_up, Episode, NewCheck, Store};
use crate::output::{self, Report};
use crate::output_file::OutputFile;
use crate::prompt::{PlainPrompt, Prompt, PromptError};
use crate::rules::{Audience, Rules, Urgency};
use crate::session::Session;
use crate::t;
use crate::Terminal;

pub(crate) fn run(
    args: &AssessArgs,
    terminal: &Terminal,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    prompt: Option<&mut dyn Prompt>,
) -> Result<(), Error> {
    let (rules, untranslated) = load_rules_translated(args.rules.as_deref())?;
    if let Some(notice) = untranslated {
        let _ = writeln!(stderr, "lactriage: {notice}");
    }
    let mut fixed = load_answers(args, rules, stdin)?;
    let audience = Audience::from(args.audience);
    // Refused before the first question, not after the last.
    let file = match &args.output {
        Some(path) => Some(OutputFile::create(path, args.force)?),
        None => None,
    };
    let now = chrono::Local::now().fixed_offset();
    let client = args.client.as_deref().unwrap_or("");
    // Said on standard error once the prompt is done with it.
    let mut notes: Vec<String> = Vec::new();

    let stdin_taken = args.answers.as_deref() == Some(Path::new("-"));
    let scripted = args.no_input || stdin_taken;
    let plain = args.plain || terminal.dumb || !terminal.stdin_is_terminal;
    let mut plain_prompt = (!scripted && plain).then(|| {
        PlainPrompt::new(
            io::BufReader::new(stdin),
            &mut *stderr,
            terminal.width.unwrap_or(80),
            !terminal.stdin_is_terminal,
        )
    });
    let mut terminal_prompt = prompt;
    let mut prompt: Option<&mut dyn Prompt> = match plain_prompt.as_mut() {
        Some(p) => Some(p),
        None if scripted => None,
        None => terminal_prompt.take().map(|p| p as &mut dyn Prompt),
    };
    // Someone at the prompt (not answers piped in, nor a file of them) is
    // asked about the history; a scripted run uses it only when told to.
    let person = prompt.is_some() && terminal.stdin_is_terminal && args.answers.is_none();
    let mut introduced = false;

    // Looked up only when the history is used: most scripted runs never.
    let history_path = || match &args.history {
        Some(path) => Some(path.clone()),
        None => history::default_path().ok(),
    };
    // Told to follow up, or a person not keeping this check out of it.
    let wanted = args.follow_up || (person && !args.no_save);
    let episode = match wanted.then(history_path).flatten() {
        Some(path) => {
            let asker = prompt.as_deref_mut().map(|p| p as &mut dyn Prompt);
            match earlier_episode(
                &path,
                client,
                asker,
                args.follow_up,
                audience,
                &mut introduced,
            ) {
                Ok(episode) => episode,
                Err(EarlierError::Prompt(e)) => return Err(e.into()),
                Err(EarlierError::History(e)) => {
                    notes.push(t!("note-not-compared", reason = e.to_string()));
                    None
                }
            }
        }
        _ => None,
    };
    if args.follow_up && episode.is_none() && notes.is_empty() {
        notes.push(t!("note-no-earlier-check"));
    }
    let mut session_prefill = None;
    if let Some(episode) = &episode {
        if fixed.get("duration_hours").is_none() {
            if let Some(since) = follow_up::hours_since_start(rules, episode, &now) {
                let why = t!(
                    "note-counted-from",
                    at_most = crate::i18n::select(since.at_most),
                    when = follow_up::when(&since.from)
                );
                if person {
                    session_prefill = Some((since.hours, why));
                } else {
                    notes.push(t!(
                        "note-hours-since-start",
                        hours = crate::i18n::number(since.hours),
                        why = why.as_str()
                    ));
                    fixed.record("duration_hours", Answer::Number(since.hours));
                }
            }
        }
    }

    let mut session = Session::new(rules, fixed, audience);
    if introduced {
        session.introduced_already();
    }
    if let Some(episode) = &episode {
        if let Some(last) = episode.checks.last() {
            session.show_last_time(follow_up::answers_of(rules, last));
        }
    }
    if let Some((hours, why)) = session_prefill {
        session.prefill("duration_hours", Answer::Number(hours), why);
    }
    let assessment = match prompt.as_deref_mut().map(|p| p as &mut dyn Prompt) {
        Some(prompt) => ask(rules, &mut session, prompt, terminal)?,
        None => assess_given(rules, &session.answers())?,
    };
    let asked = session.asked_anything();
    let answers = session.answers();
    // The result's time is when it was given, after the questions.
    let now = chrono::Local::now().fixed_offset();
    let follow_up = episode
        .as_ref()
        .and_then(|e| follow_up::compare(rules, audience, e, &answers, &now));
    let earlier = episode.as_ref().map_or(&[][..], |e| e.checks.as_slice());
    let report = Report {
        rules,
        assessment: &assessment,
        answers: &answers,
        audience,
        time: rfc3339(&now),
        follow_up: follow_up.as_ref(),
        earlier,
    };
    let width = terminal_width(terminal);
    let mut saved_to = None;
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
                saved_to = Some(path.display().to_string());
            }
        }
        _ => render(stdout, &report, args.format, width).map_err(Error::Output)?,
    }

    // Whether to keep this check: said for this run, else remembered, else
    // asked once, of a person, after the result (never after an
    // emergency, which must not wait on a question).
    let keep = if args.save {
        true
    } else if args.no_save || !person || !asked {
        false
    } else {
        match history::remembered_choice() {
            Some(keep) => keep,
            None if assessment.urgency == Urgency::Emergency => false,
            None => match prompt.take() {
                Some(prompt) => {
                    // The result is given: a question left unanswered
                    // (Ctrl-C, a closed terminal) keeps nothing and changes
                    // nothing else.
                    match prompt.confirm(&t!("keep-question"), &t!("keep-label")) {
                        Ok(keep) => {
                            match history::remember_choice(keep) {
                                Ok(at) => notes.push(t!(
                                    "note-choice-remembered",
                                    path = at.display().to_string()
                                )),
                                Err(e) => notes
                                    .push(t!("note-choice-not-remembered", reason = e.to_string())),
                            }
                            keep
                        }
                        Err(_) => {
                            notes.push(t!("note-nothing-kept"));
                            false
                        }
                    }
                }
                None => false,
            },
        }
    };
    if keep {
        match history_path() {
            Some(path) => {
                let kept = Store::open(&path).and_then(|store| {
                    store.save(&NewCheck {
                        client,
                        episode: episode.as_ref().map(|e| e.id),
                        time: now,
                        rules: (&rules.name, &rules.version, &rules.digest),
                        answers: serde_json::Value::Object(
                            answers
                                .iter()
                                .map(|(id, a)| (id.to_string(), a.to_json()))
                                .collect(),
                        ),
                        urgency: assessment.urgency.id(),
                        condition: &assessment.condition.id,
                    })
                });
                match kept {
                    Ok(saved) if person => notes.push(t!(
                        "note-kept",
                        episode = saved.episode,
                        path = path.display().to_string()
                    )),
                    Ok(_) => {}
                    Err(e) => notes.push(t!("note-not-kept", reason = e.to_string())),
                }
            }
            None => notes.push(t!(
                "note-not-kept",
                reason = history::HistoryError::NoFolder.to_string()
            )),
        }
    }
    // The plain prompt writes to standard error: done with it now.
    drop(plain_prompt);
    if let Some(path) = saved_to {
        let _ = writeln!(stderr, "{}", t!("note-saved-to", path = path));
    }
    // Wrapped at words like everything else shown: a path or a flag split
    // mid-word is hard to read at night.
    for note in notes {
        for line in output::wrap(&note, terminal_width(terminal) - 1) {
            let _ = writeln!(stderr, "{line}");
        }
    }
    Ok(())
}

enum EarlierError {
    Prompt(PromptError),
    History(history::HistoryError),
}

/// The episode this check continues: the last one kept for `client`, if a
/// person says it is the same problem (or `--follow-up` says so).
fn earlier_episode(
    path: &Path,
    client: &str,
    prompt: Option<&mut dyn Prompt>,
    told: bool,
    audience: Audience,
    introduced: &mut bool,
) -> Result<Option<Episode>, EarlierError> {
    let Some(store) = Store::open_existing(path).map_err(EarlierError::History)? else {
        return Ok(None);
    };
    let Some(episode) = store
        .latest_episode(client)
        .map_err(EarlierError::History)?
    else {
        return Ok(None);
    };
    if told {
        return Ok(Some(episode));
    }
    let Some(last) = episode.checks.last() else {
        return Ok(None);
    };
    let Some(prompt) = prompt else {
        return Ok(None);
    };
    // The introduction first: it tells anyone very unwell to call for help
    // now, before any question, this one included.
    prompt
        .introduce(&crate::session::introduction(audience), audience)
        .map_err(EarlierError::Prompt)?;
    *introduced = true;
    let same = prompt
        .confirm(
            &t!(
                "same-problem-question",
                when = follow_up::when(&last.time),
                ago = follow_up::ago(&last.time, &chrono::Local::now().fixed_offset())
            ),
            &t!("same-problem-label"),
        )
        .map_err(EarlierError::Prompt)?;
    Ok(same.then_some(episode))
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
            time: rfc3339(&chrono::Local::now().fixed_offset()),
            follow_up: None,
            earlier: &[],
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
                    path: t!("standard-input").into(),
                    source,
                })?;
            Answers::from_json(&text, &t!("standard-input"), rules)?
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

/// A time with its offset, as ISO 8601: `2026-11-20T22:50:00+01:00`.
fn rfc3339(time: &chrono::DateTime<chrono::FixedOffset>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}
