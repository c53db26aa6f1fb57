//! lactriage: triage a sore breast during lactation.
//!
//! The crate is layered so that every part can be tested on its own:
//! [`rules`] loads and validates a decision tree from TOML, [`answers`]
//! checks what a person said, [`engine`] walks the tree (no I/O), [`prompt`]
//! asks at a terminal behind a trait, and [`output`] renders a result as
//! text, JSON or Markdown. [`run`] ties them together for the binary and for
//! in-process tests.
//!
//! ```
//! use lactriage::{Streams, Terminal, run};
//!
//! let mut out = Vec::new();
//! let mut err = Vec::new();
//! let code = run(
//!     ["lactriage", "assess", "--set", "sepsis_signs=yes", "--format", "json"],
//!     &Terminal::none(),
//!     Streams { stdin: &mut std::io::empty(), stdout: &mut out, stderr: &mut err },
//!     None,
//! );
//! assert_eq!(code, 0);
//! let result: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(result["urgency"], "emergency");
//! ```

pub mod analysis;
pub mod answers;
pub mod batch;
pub mod bitset;
pub mod cli;
mod commands;
pub mod engine;
pub mod error;
pub mod exit_codes;
pub mod output;
pub mod output_file;
pub mod prompt;
pub mod rules;
pub mod signals;

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::Path;

use clap::Parser;
use colored::Colorize;

use crate::answers::Answers;
use crate::cli::{AssessArgs, BatchArgs, Cli, Command, Format, ListFormat, QuestionsArgs};
use crate::commands::{load_rules, read_file};
use crate::engine::{given_or_default, Stop};
use crate::error::Error;
use crate::exit_codes::ExitCode;
use crate::output::Report;
use crate::prompt::Prompt;
use crate::rules::{Audience, Question, Rules, Urgency};

/// What the process knows about its terminal, decided once by the caller.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// NO_COLOR is set to a non-empty value.
    pub no_color: bool,
    /// Columns of the terminal standard output writes to, if it is one.
    pub width: Option<usize>,
}

impl Terminal {
    /// No terminal anywhere: a script, a pipe, a test.
    pub fn none() -> Terminal {
        Terminal::default()
    }
}

/// The three standard streams.
pub struct Streams<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
}

/// Runs lactriage with `args` (the first is the program name) and returns the
/// exit status. `prompt` is the person to ask when answers are missing; `None`
/// when there is no terminal to ask on.
pub fn run<I, T>(
    args: I,
    terminal: &Terminal,
    streams: Streams,
    prompt: Option<&mut dyn Prompt>,
) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let Streams {
        stdin,
        stdout,
        stderr,
    } = streams;
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let informational =
                matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
            let (stream, code): (&mut dyn Write, ExitCode) = if informational {
                (stdout, ExitCode::Success)
            } else {
                (stderr, ExitCode::BadInput)
            };
            let _ = write!(stream, "{}", e.render());
            return code.code();
        }
    };
    let color = match &cli.command {
        Some(Command::Assess(a)) => a.color,
        Some(Command::Questions(q)) => q.color,
        Some(Command::Rules(_) | Command::Batch(_)) => cli::ColorWhen::Auto,
        None => cli.assess.color,
    };
    let stderr_color = color.enabled(terminal.stderr_is_terminal, terminal.no_color);
    colored::control::set_override(color.enabled(terminal.stdout_is_terminal, terminal.no_color));
    console::set_colors_enabled_stderr(stderr_color);

    let result = match cli.command {
        Some(Command::Assess(args)) => {
            assess(&args, terminal, stdin, stdout, prompt).map(|()| ExitCode::Success)
        }
        Some(Command::Questions(args)) => questions(&args, stdout).map(|()| ExitCode::Success),
        Some(Command::Rules(command)) => {
            commands::rules::run(command, stdout, terminal.stderr_is_terminal)
        }
        Some(Command::Batch(args)) => batch(&args, terminal, stdin, stdout, &mut *stderr),
        None => assess(&cli.assess, terminal, stdin, stdout, prompt).map(|()| ExitCode::Success),
    };
    match result {
        Ok(code) => code.code(),
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::Success.code(),
        Err(e) => {
            let label = if stderr_color {
                "error:".red().bold().to_string()
            } else {
                "error:".to_string()
            };
            if matches!(e, Error::Interrupted) {
                // The prompt hides the cursor while a menu is open.
                let _ = console::Term::stderr().show_cursor();
            } else {
                let _ = writeln!(stderr, "lactriage: {label} {e}");
            }
            e.exit_code().code()
        }
    }
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

fn assess(
    args: &AssessArgs,
    terminal: &Terminal,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    prompt: Option<&mut dyn Prompt>,
) -> Result<(), Error> {
    let rules = load_rules(args.rules.as_deref())?;
    let mut answers = load_answers(args, &rules, stdin)?;
    let audience = Audience::from(args.audience);
    let stdin_taken = args.answers.as_deref() == Some(Path::new("-"));
    let prompt = prompt.filter(|_| !args.no_input && !stdin_taken);

    let assessment = match prompt {
        None => engine::assess(&rules, &answers).map_err(|stop| match stop {
            Stop::Source(missing) => Error::MissingAnswers {
                ids: missing.questions.iter().map(|q| q.id.clone()).collect(),
            },
            Stop::Unfit { question, answer } => unfit(question, answer),
        })?,
        Some(prompt) => ask_and_assess(&rules, &mut answers, audience, prompt)?,
    };
    let report = Report {
        rules: &rules,
        assessment: &assessment,
        answers: &answers,
        audience,
        time: now(),
    };
    let render = |out: &mut dyn Write| -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        match args.format {
            Format::Text => {
                let width = terminal.width.unwrap_or(80).clamp(40, 100);
                output::write_text(&mut out, &report, width)
            }
            Format::Json => output::write_json(&mut out, &report),
            Format::Markdown => output::write_markdown(&mut out, &report),
        }?;
        out.flush()
    };
    match &args.output {
        None => render(stdout).map_err(Error::Output),
        Some(path) => {
            let mut file = output_file::OutputFile::create(path, args.force)?;
            render(file.writer()).map_err(Error::Output)?;
            Ok(file.commit()?)
        }
    }
}

/// The local time with its offset, as ISO 8601: `2026-11-20T22:50:00+01:00`.
fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// An answer that reached the engine without fitting its question: a bug
/// in the checks before it, reported instead of a panic.
fn unfit(question: String, answer: String) -> Error {
    Error::Internal(format!(
        "answer '{answer}' does not fit question '{question}'"
    ))
}

/// Walks the tree, asking at the prompt for whatever the answers lack.
fn ask_and_assess<'r>(
    rules: &'r Rules,
    answers: &mut Answers,
    audience: Audience,
    prompt: &mut dyn Prompt,
) -> Result<engine::Assessment<'r>, Error> {
    let mut introduced = false;
    let walked = engine::walk(rules, |q| {
        let consultant_asks = audience == Audience::Consultant && q.consultant_only;
        if let Some(answer) = answers.get(&q.id) {
            return Ok(answer.clone());
        }
        if !consultant_asks {
            if let Some(answer) = given_or_default(q, answers) {
                return Ok(answer);
            }
        }
        if !introduced {
            introduced = true;
            prompt.introduce(INTRO)?;
        }
        let answer = prompt.ask(q, audience)?;
        answers.record(&q.id, answer.clone());
        Ok::<_, prompt::PromptError>(answer)
    });
    let assessment = match walked {
        Ok(assessment) => assessment,
        Err(Stop::Source(e)) => return Err(Error::from(e)),
        Err(Stop::Unfit { question, answer }) => return Err(unfit(question, answer)),
    };
    // A consultant also records the intake details the tree does not use;
    // an emergency is shown at once instead, with nothing asked in between.
    if audience == Audience::Consultant && assessment.urgency != Urgency::Emergency {
        let pending: Vec<&Question> = rules
            .intake_questions()
            .filter(|q| answers.get(&q.id).is_none())
            .collect();
        if !pending.is_empty() {
            introduced = true;
            prompt.introduce(INTAKE_INTRO)?;
        }
        for q in pending {
            if let Some(answer) = prompt.ask_optional(q, audience)? {
                answers.record(&q.id, answer);
            }
        }
    }
    if introduced {
        prompt.finish()?;
    }
    Ok(assessment)
}

const INTAKE_INTRO: &str =
    "\nIntake for the record: these do not change the result, and each may be skipped.";

const INTRO: &str = "lactriage asks a few questions about your breast symptoms, then says \
what it most likely is and when to contact whom. It is not a diagnosis. If you feel very \
unwell, call your local emergency number now. Choose each answer with the arrow keys, then \
Enter: nothing is chosen for you. Ctrl-C stops at any time.";

fn questions(args: &QuestionsArgs, stdout: &mut dyn Write) -> Result<(), Error> {
    let rules = load_rules(args.rules.as_deref())?;
    let audience = Audience::from(args.audience);
    let mut out = io::BufWriter::new(stdout);
    match args.format {
        ListFormat::Text => output::write_questions_text(&mut out, &rules, audience),
        ListFormat::Json => output::write_questions_json(&mut out, &rules, audience),
    }
    .and_then(|()| out.flush())
    .map_err(Error::Output)
}

fn batch(
    args: &BatchArgs,
    terminal: &Terminal,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ExitCode, Error> {
    let rules = load_rules(args.rules.as_deref())?;
    let from_file = args.input.as_deref().filter(|p| *p != Path::new("-"));
    let (mut input, size): (Box<dyn io::BufRead + '_>, Option<u64>) = match from_file {
        None => (Box::new(io::BufReader::new(stdin)), None),
        Some(path) => {
            let read_error = |source| Error::Read {
                what: "batch input",
                path: path.to_path_buf(),
                source,
            };
            if path.is_dir() {
                return Err(read_error(io::Error::from(io::ErrorKind::IsADirectory)));
            }
            let file = std::fs::File::open(path).map_err(read_error)?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(io::BufReader::with_capacity(1 << 16, file)), size)
        }
    };
    // A progress bar only for a person watching a file being read.
    let bar = match size {
        Some(len) if terminal.stderr_is_terminal => {
            let bar = indicatif::ProgressBar::new(len);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            ) {
                bar.set_style(style);
            }
            Some(bar)
        }
        _ => None,
    };
    let progress = |bytes: u64| {
        if let Some(bar) = &bar {
            bar.set_position(bytes);
        }
    };
    let summary = match &args.output {
        None => {
            let mut out = io::BufWriter::with_capacity(1 << 16, stdout);
            let summary = batch::run(&rules, &mut input, &mut out, progress)
                .and_then(|s| out.flush().map(|()| s));
            summary.map_err(Error::Output)?
        }
        Some(path) => {
            let mut file = output_file::OutputFile::create(path, args.force)?;
            let summary = batch::run(&rules, &mut input, &mut file.writer(), progress)
                .map_err(Error::Output)?;
            file.commit()?;
            summary
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let _ = writeln!(
        stderr,
        "lactriage batch: {summary}; rules {} {} (sha256:{})",
        rules.name, rules.version, rules.digest
    );
    Ok(if summary.errors > 0 {
        ExitCode::BadInput
    } else {
        ExitCode::Success
    })
}
