//! The errors `run` can end with, each with its exit status. The layers have
//! their own error types ([`RulesError`], [`AnswerError`], [`PromptError`]);
//! this is where they meet.

use std::io;
use std::path::PathBuf;

use crate::answers::AnswerError;
use crate::exit_codes::ExitCode;
use crate::prompt::PromptError;
use crate::rules::RulesError;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", t!("error-read", what = what_words(what), path = path.display().to_string(), reason = describe_io(source)))]
    Read {
        what: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("{}:{line}:{column}: {}", path.display(), t!("error-not-utf8", what = what_words(what)))]
    NotUtf8 {
        what: &'static str,
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error(transparent)]
    Rules(#[from] RulesError),
    #[error("the built-in rules do not load; this is a bug in this build of lactriage:\n{0}")]
    BuiltinRules(RulesError),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("{}", missing_message(.ids))]
    MissingAnswers { ids: Vec<String> },
    #[error(transparent)]
    Cases(#[from] crate::analysis::cases::CaseFileError),
    #[error(transparent)]
    Incomparable(#[from] crate::analysis::diff::Incomparable),
    #[error("no case files (.toml or .json) in the folder '{}'", .0.display())]
    NoCases(PathBuf),
    #[error(transparent)]
    OutputFile(#[from] crate::output_file::OutputFileError),
    #[error(transparent)]
    History(#[from] crate::history::HistoryError),
    #[error("{}", t!("error-forget-what", what = .0.as_str()))]
    ForgetWhat(String),
    #[error("{}", t!("error-interrupted"))]
    Interrupted,
    #[error("{}", t!("error-end-of-input"))]
    EndOfInput,
    #[error("{0}")]
    Prompt(io::Error),
    #[error("{}", t!("error-output", reason = .0.to_string()))]
    Output(io::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Read { .. }
            | Error::NotUtf8 { .. }
            | Error::Rules(_)
            | Error::Answer(_)
            | Error::MissingAnswers { .. }
            | Error::EndOfInput
            | Error::Cases(_)
            | Error::Incomparable(_)
            | Error::NoCases(_)
            | Error::ForgetWhat(_)
            | Error::History(crate::history::HistoryError::NoEpisode(_))
            | Error::OutputFile(crate::output_file::OutputFileError::Exists(_)) => {
                ExitCode::BadInput
            }
            Error::History(_) => ExitCode::Failure,
            Error::OutputFile(_) => ExitCode::Failure,
            Error::Interrupted => ExitCode::Interrupted,
            Error::BuiltinRules(_) | Error::Prompt(_) | Error::Output(_) | Error::Internal(_) => {
                ExitCode::Failure
            }
        }
    }
}

impl From<PromptError> for Error {
    fn from(e: PromptError) -> Self {
        match e {
            PromptError::Interrupted => Error::Interrupted,
            PromptError::EndOfInput => Error::EndOfInput,
            PromptError::Io(io) => Error::Prompt(io),
        }
    }
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => t!("io-not-found"),
        io::ErrorKind::InvalidData => t!("io-not-utf8"),
        io::ErrorKind::IsADirectory => t!("io-is-folder"),
        _ => e.to_string(),
    }
}

/// What a file is, in the person's words ("rules file").
fn what_words(what: &str) -> String {
    let id = match what {
        "rules file" => "what-rules-file",
        "answers file" => "what-answers-file",
        "answers from" => "what-answers-from",
        "translation" => "what-translation",
        "case file" => "what-case-file",
        "cases folder" => "what-cases-folder",
        "changelog" => "what-changelog",
        _ => return what.to_string(),
    };
    t!(id)
}

fn missing_message(ids: &[String]) -> String {
    let (first, rest) = match ids.split_first() {
        Some(split) => split,
        None => return t!("error-missing-answers"),
    };
    let mut message = t!("error-missing-first", id = first.as_str());
    if !rest.is_empty() {
        message.push_str(&t!("error-missing-rest", ids = rest.join(", ")));
    }
    message.push('\n');
    message.push_str(&t!("error-missing-how"));
    message
}
