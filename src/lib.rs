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
pub mod history;
pub mod i18n;
pub mod output;
pub mod output_file;
pub mod process;
pub mod prompt;
pub mod rules;
pub mod session;
pub mod signals;

use std::ffi::OsString;
use std::io::{self, Read, Write};

use colored::Colorize;

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::exit_codes::ExitCode;
use crate::prompt::Prompt;

/// What the process knows about its terminal, decided once by the caller.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// TERM is `dumb`: no cursor movement, so questions are asked in plain
    /// mode.
    pub dumb: bool,
    /// NO_COLOR is set to a non-empty value.
    pub no_color: bool,
    /// Columns of the terminal standard output writes to, if it is one.
    pub width: Option<usize>,
    /// The locale the environment names for messages: the first of
    /// LC_ALL, LC_MESSAGES and LANG that is set and not empty.
    pub locale: Option<String>,
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
/// exit status. `prompt` is the person to ask when answers are missing, at a
/// terminal; `None` when there is no terminal to ask on. Without one, and
/// when standard input is not a terminal, missing answers are read from
/// standard input in plain mode.
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
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // Decided before parsing, so that help and usage errors are in it.
    let (flag, args) = match cli::take_language(args) {
        Ok(taken) => taken,
        Err(e) => {
            let language = i18n::Language::choose(None, terminal.locale.as_deref());
            let _ = write!(stderr, "{}", cli::render_error(&e, language));
            return ExitCode::BadInput.code();
        }
    };
    let language = i18n::Language::choose(flag, terminal.locale.as_deref());
    i18n::set(language);
    // The command line in another language is built only to show help or
    // a usage error: translating every description cost more than the rest
    // of a Spanish run.
    let parse = |language| {
        cli::command_in(language)
            .try_get_matches_from(&args)
            .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches))
    };
    let parsed = match parse(i18n::Language::En) {
        Err(_) if language != i18n::Language::En => parse(language),
        parsed => parsed,
    };
    let cli = match parsed {
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
            let _ = write!(stream, "{}", cli::render_error(&e, language));
            return code.code();
        }
    };
    // Batch writes records for scripts, and the rules commands reports for
    // rules authors in the rules' own words: the same whatever the
    // language, as their ids are.
    if matches!(cli.command, Some(Command::Batch(_) | Command::Rules(_))) {
        i18n::set(i18n::Language::En);
    }
    let color = match &cli.command {
        Some(Command::Assess(a)) => a.color,
        Some(Command::Questions(q)) => q.color,
        Some(
            Command::Rules(_)
            | Command::Batch(_)
            | Command::History(_)
            | Command::Completions { .. }
            | Command::Man,
        ) => cli::ColorWhen::Auto,
        None => cli.assess.color,
    };
    // Plain mode is for screen readers and dumb terminals: no colour unless
    // asked for by name.
    let plain = match &cli.command {
        Some(Command::Assess(a)) => a.plain,
        None => cli.assess.plain,
        _ => false,
    } || terminal.dumb;
    let no_color = terminal.no_color || plain;
    let stderr_color = color.enabled(terminal.stderr_is_terminal, no_color);
    colored::control::set_override(color.enabled(terminal.stdout_is_terminal, no_color));
    console::set_colors_enabled_stderr(stderr_color);

    let result = match cli.command {
        Some(Command::Assess(args)) => {
            commands::assess::run(&args, terminal, stdin, stdout, &mut *stderr, prompt)
                .map(|()| ExitCode::Success)
        }
        Some(Command::Questions(args)) => {
            commands::questions::run(&args, stdout, &mut *stderr).map(|()| ExitCode::Success)
        }
        Some(Command::Rules(command)) => {
            commands::rules::run(command, stdout, terminal.stderr_is_terminal)
        }
        Some(Command::Batch(args)) => {
            commands::batch::run(&args, terminal, stdin, stdout, &mut *stderr)
        }
        Some(Command::History(args)) => commands::history::run(&args, terminal, stdout),
        Some(Command::Completions { shell }) => {
            commands::completions::completions(shell, stdout).map(|()| ExitCode::Success)
        }
        Some(Command::Man) => commands::completions::man(stdout).map(|()| ExitCode::Success),
        None => commands::assess::run(&cli.assess, terminal, stdin, stdout, &mut *stderr, prompt)
            .map(|()| ExitCode::Success),
    };
    match result {
        Ok(code) => code.code(),
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::Success.code(),
        Err(e) => {
            let label = if stderr_color {
                t!("error-label").red().bold().to_string()
            } else {
                t!("error-label")
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
