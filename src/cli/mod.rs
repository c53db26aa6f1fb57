//! Command-line arguments; [`language`] has them in another language.

mod language;

pub use language::{command_in, help_texts, render_error, take_language};

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Language;
use crate::rules::Audience;

const AFTER_HELP: &str = "\
Examples:
  lactriage                                  ask the questions and give a result
  lactriage --plain                          one question a line, for screen readers
  lactriage --audience consultant            clinical wording, with measured vitals
  lactriage assess --answers case.json --format json
  lactriage assess --set lump=yes --set temperature=38.4 ...
  lactriage questions                        list question ids and accepted values

Exit status: 0 a result was given (whatever the urgency), 2 bad input or usage,
1 another failure, 130 interrupted.

This is a triage aid, not a diagnosis. In an emergency, call your local
emergency number.";

#[derive(Debug, Parser)]
#[command(
    name = "lactriage",
    version,
    about = "Triage a sore breast during lactation: ductal narrowing, mastitis, abscess or an emergency, and when to contact whom.",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    // Taken out of the arguments before they are parsed (see
    // `language::take_language`): declared for `--help` and completions.
    /// The language to ask and answer in; by default the one LC_ALL,
    /// LC_MESSAGES or LANG names (`es_MX.UTF-8` is Spanish), else English.
    /// Ids in files, flags and JSON stay as they are.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Language>,

    /// Without a subcommand, `lactriage` assesses.
    #[command(flatten)]
    pub assess: AssessArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ask (or read) the answers and give a result: the default.
    Assess(AssessArgs),
    /// List the questions of the rules: ids, kinds and accepted values.
    Questions(QuestionsArgs),
    /// Assess many answer sets from JSON Lines, one result line each.
    Batch(BatchArgs),
    /// Show the checks kept in the private history, or forget them.
    History(HistoryArgs),
    /// Check, draw, test and compare rules files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Print a shell completion script, such as
    /// `lactriage completions bash > ~/.local/share/bash-completion/completions/lactriage`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), such as `lactriage man | man -l -`.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Prove the tree complete and its declared safety properties, over every
    /// combination of answers (exit status 1 with a counterexample if not).
    ///
    /// It also runs the rules' cases and reports each hazard of their hazard
    /// log as controlled or not (exit status 1 if any is not), the
    /// thresholds that cite no source, and the rules' digest.
    Check {
        /// The rules file; the built-in rules when left out.
        file: Option<PathBuf>,
        /// The rules' case file (or a folder of them); by default
        /// NAME.cases.toml beside NAME.toml, if there is one.
        #[arg(long, value_name = "PATH")]
        cases: Option<PathBuf>,
        /// Prove the built-in rules again now, rather than show the proof
        /// made when this lactriage was built.
        #[arg(long)]
        again: bool,
    },
    /// Write the clinical safety case as Markdown: hazards and their
    /// controls, properties, cases, thresholds and their sources, the
    /// changelog (exit status 1 when a hazard is not controlled).
    SafetyCase {
        /// The rules file; the built-in rules when left out.
        file: Option<PathBuf>,
        /// The rules' case file (or a folder of them); by default
        /// NAME.cases.toml beside NAME.toml, if there is one.
        #[arg(long, value_name = "PATH")]
        cases: Option<PathBuf>,
        /// The rules' changelog; by default CHANGELOG.md beside the rules.
        #[arg(long, value_name = "PATH")]
        changelog: Option<PathBuf>,
        /// Write the document to FILE (whole or not at all) instead of
        /// standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With --output, replace FILE if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Draw the tree as Graphviz DOT or Mermaid.
    Graph {
        /// The rules file; the built-in rules when left out.
        file: Option<PathBuf>,
        /// The drawing language.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// Run case files (answers and the expected result) against the rules.
    Test {
        /// The rules file; the built-in rules when left out.
        file: Option<PathBuf>,
        /// A case file (TOML or JSON), or a folder of them.
        #[arg(long, value_name = "PATH")]
        cases: PathBuf,
    },
    /// Show which answers change result between two rules files (exit
    /// status 1 when any do).
    Diff {
        /// The rules file as it was (an earlier version).
        old: PathBuf,
        /// The rules file as it is now.
        new: PathBuf,
        /// Compare an answer only the new rules accept as one of the old
        /// rules' answers, where the new file split an old answer in two:
        /// QUESTION.NEW_ANSWER=OLD_ANSWER, such as redness.streaks=spreading.
        /// Without it such answers get no result from the old rules.
        #[arg(long, value_name = "QUESTION.NEW=OLD")]
        same_as: Vec<crate::analysis::diff::SameAs>,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz: render with `dot -Tsvg`.
    Dot,
    /// Mermaid, for Markdown viewers that draw it.
    Mermaid,
}

#[derive(Debug, Args, Clone, Default)]
pub struct AssessArgs {
    /// Use this rules file instead of the built-in mastitis-spectrum rules.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Read answers from a JSON file (TOML when it ends in .toml); `-` reads
    /// JSON from standard input.
    #[arg(long, value_name = "FILE|-")]
    pub answers: Option<PathBuf>,

    /// Answer one question, such as `--set temperature=38.4`; repeatable, and
    /// wins over --answers.
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub set: Vec<String>,

    /// How to print the result.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Whose wording to use; `consultant` also asks measured vitals.
    #[arg(long, value_enum, default_value_t = AudienceArg::Parent)]
    pub audience: AudienceArg,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Never ask: with answers missing, list them and exit with status 2.
    #[arg(long)]
    pub no_input: bool,

    /// Ask one question a line, with numbered choices typed as a number,
    /// an id or a first letter: for screen readers and dumb terminals. On
    /// whenever TERM=dumb, and when standard input is not a terminal (piped
    /// answers, one a line).
    #[arg(long)]
    pub plain: bool,

    /// Write the result to FILE (whole or not at all, owner-only) instead
    /// of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --output, replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Keep this check in the private history, whatever was chosen before
    /// (a scripted run keeps nothing without it).
    #[arg(long, conflicts_with = "no_save")]
    pub save: bool,

    /// Keep nothing of this check, whatever was chosen before.
    #[arg(long)]
    pub no_save: bool,

    /// This check is about the same problem as the last one kept: fill in
    /// the hours since it started and compare (at a terminal, the prompt
    /// asks instead).
    #[arg(long)]
    pub follow_up: bool,

    /// The history file to read and keep checks in; by default
    /// LACTRIAGE_HISTORY, else history.sqlite3 in the platform's data
    /// folder.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,

    /// A consultant's client: each client's checks are kept and compared
    /// apart.
    #[arg(long, value_name = "ID")]
    pub client: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct HistoryArgs {
    /// The history file; by default LACTRIAGE_HISTORY, else history.sqlite3
    /// in the platform's data folder.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,

    /// A consultant's client: show (or forget) that client's checks.
    #[arg(long, value_name = "ID")]
    pub client: Option<String>,

    /// How to print the checks.
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,

    /// Delete an episode (by its number in the table) and its checks for
    /// good, or `all`: every check (with --client, that client's).
    #[arg(long, value_name = "EPISODE|all")]
    pub forget: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// A table per episode, with a small chart of temperature and urgency
    /// on a terminal.
    Table,
    /// Every episode and check, with every answer, as one JSON array.
    Json,
    /// One row per check, for a spreadsheet.
    Csv,
}

#[derive(Debug, Args, Clone)]
pub struct BatchArgs {
    /// Use this rules file instead of the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// JSON Lines to read: each line an answers object, or
    /// {"id": ..., "answers": {...}}; `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,

    /// Write the result lines to FILE (whole or not at all, owner-only)
    /// instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --output, replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Threads answering lines; by default one per core this process may
    /// use. The output is in input order whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Debug, Args, Clone)]
pub struct QuestionsArgs {
    /// Use this rules file instead of the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// How to print the list.
    #[arg(long, value_enum, default_value_t = QuestionsFormat::Text)]
    pub format: QuestionsFormat,

    /// Whose wording to show.
    #[arg(long, value_enum, default_value_t = AudienceArg::Parent)]
    pub audience: AudienceArg,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// For reading in a terminal.
    #[default]
    Text,
    /// One JSON object, for scripts.
    Json,
    /// A note to keep or paste.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For reading in a terminal.
    Text,
    /// A JSON array, for scripts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuestionsFormat {
    /// For reading in a terminal.
    Text,
    /// A JSON array, for scripts.
    Json,
    /// A table and each question's wording, for documents.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum AudienceArg {
    /// A parent checking at home: plain words.
    #[default]
    Parent,
    /// A lactation consultant: clinical wording and measured vitals.
    Consultant,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Audience {
        match a {
            AudienceArg::Parent => Audience::Parent,
            AudienceArg::Consultant => Audience::Consultant,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file.
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    /// Decides once whether to colour a stream.
    pub fn enabled(self, stream_is_terminal: bool, no_color_set: bool) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => stream_is_terminal && !no_color_set,
        }
    }
}
