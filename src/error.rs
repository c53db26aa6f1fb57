//! The errors `run` can end with, each with its exit status. The layers have
//! their own error types ([`RulesError`], [`AnswerError`], [`PromptError`]);
//! this is where they meet.

use std::io;
use std::path::PathBuf;

use crate::answers::AnswerError;
use crate::exit_codes::ExitCode;
use crate::prompt::PromptError;
use crate::rules::RulesError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the {what} '{}': {}", path.display(), describe_io(source))]
    Read {
        what: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("{}:{line}:{column}: the {what} is not UTF-8 text (the first byte that is not is here); save it as UTF-8", path.display())]
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
    #[error(
        "--forget takes an episode number from `lactriage history`, or `all`; '{0}' is neither"
    )]
    ForgetWhat(String),
    #[error("interrupted")]
    Interrupted,
    #[error("standard input ended before every question was answered")]
    EndOfInput,
    #[error("{0}")]
    Prompt(io::Error),
    #[error("cannot write the result: {0}")]
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
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".to_string(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
        _ => e.to_string(),
    }
}

fn missing_message(ids: &[String]) -> String {
    let (first, rest) = match ids.split_first() {
        Some(split) => split,
        None => return "answers are missing".to_string(),
    };
    let mut message =
        format!("answers are missing and there is no terminal to ask on: '{first}' is needed");
    if !rest.is_empty() {
        message.push_str(&format!(
            ", and depending on the answers, possibly: {}",
            rest.join(", ")
        ));
    }
    message.push_str(
        "\nGive them with --answers FILE or --set ID=VALUE; `lactriage questions` lists what each accepts.",
    );
    message
}
