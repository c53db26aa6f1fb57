//! Command-line arguments.

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

/// Takes `--lang` out of `args`: the language must be known before the
/// arguments are parsed, so that `--help` and usage errors are in it, and
/// it may come before or after a subcommand (which the parser, where
/// arguments of `lactriage` alone conflict with subcommands, would
/// refuse). A value it does not name is the parser's usual error.
pub fn take_language(
    args: Vec<std::ffi::OsString>,
) -> Result<(Option<Language>, Vec<std::ffi::OsString>), clap::Error> {
    let mut kept = Vec::with_capacity(args.len());
    let mut language = None;
    let mut args = args.into_iter();
    kept.extend(args.next());
    while let Some(arg) = args.next() {
        if arg == "--" {
            kept.push(arg);
            kept.extend(args.by_ref());
            break;
        }
        let text = arg.to_string_lossy();
        let value = if text == "--lang" {
            match args.next() {
                Some(value) => value.to_string_lossy().into_owned(),
                // Missing: the parser says a value is needed.
                None => {
                    kept.push(arg);
                    break;
                }
            }
        } else if let Some(value) = text.strip_prefix("--lang=") {
            value.to_string()
        } else {
            kept.push(arg);
            continue;
        };
        match Language::from_code(&value) {
            Some(named) => language = Some(named),
            // The parser's own error, which lists the languages.
            None => {
                command_in(Language::En).try_get_matches_from([
                    "lactriage",
                    "--lang",
                    value.as_str(),
                ])?;
            }
        }
    }
    Ok((language, kept))
}

/// The command line in `language`: English as written above; in another
/// language, every description, heading and the help and version flags
/// from its Fluent file (`cli-...` messages). Value names, flags and the
/// lists of accepted values stay as they are: they are what is typed.
pub fn command_in(language: Language) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    if language == Language::En {
        return command;
    }
    let version = env!("CARGO_PKG_VERSION");
    let command = translate(command, "cli", language)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help_heading(crate::i18n::message("cli-heading-options", &[]))
                .help(crate::i18n::message("cli-version-flag", &[])),
        );
    command.version(version)
}

/// Every description the command line shows, with the id of its message
/// in the Fluent files: what a translation must give.
pub fn help_texts() -> Vec<(String, String)> {
    fn walk(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(about) = command.get_about() {
            out.push((format!("{path}-about"), about.to_string()));
        }
        if let Some(after) = command.get_after_help() {
            out.push((format!("{path}-after-help"), after.to_string()));
        }
        for arg in command.get_arguments() {
            let id = arg_message(path, arg.get_id().as_str());
            for value in arg.get_possible_values() {
                if let Some(help) = value.get_help() {
                    out.push((format!("{id}-{}", value.get_name()), help.to_string()));
                }
            }
            let help = arg.get_long_help().or(arg.get_help());
            if let Some(help) = help {
                out.push((id, help.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(&<Cli as clap::CommandFactory>::command(), "cli", &mut out);
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The message of an argument's description: the arguments of `lactriage`
/// alone are those of `lactriage assess`, and share their messages.
fn arg_message(path: &str, id: &str) -> String {
    let path = if path == "cli" { "cli-assess" } else { path };
    format!("{path}-{}", id.replace('_', "-"))
}

fn translate(mut command: clap::Command, path: &str, language: Language) -> clap::Command {
    let text = |id: &str| crate::i18n::lookup(language, id, &[]);
    if let Some(about) = text(&format!("{path}-about")) {
        command = command.about(about).long_about(None);
    }
    if let Some(after) = text(&format!("{path}-after-help")) {
        command = command.after_help(after).after_long_help(None);
    }
    let options = text("cli-heading-options").unwrap_or_else(|| "Options".to_string());
    let arguments = text("cli-heading-arguments").unwrap_or_else(|| "Arguments".to_string());
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let message = arg_message(path, &id);
        let help = text(&message);
        let heading = if positional { &arguments } else { &options };
        command = command.mut_arg(id.as_str(), |arg| {
            // clap writes "Possible values" and "default" in English: here
            // they are part of the description, in the language, and the
            // values keep their names.
            let mut help = help.unwrap_or_default();
            let values = arg.get_possible_values();
            if values.iter().any(|v| v.get_help().is_some()) && !arg.is_hide_possible_values_set() {
                help.push_str(&format!(
                    "\n\n{}:",
                    text("cli-possible-values").unwrap_or_default()
                ));
                for value in &values {
                    let name = value.get_name();
                    let described = text(&format!("{message}-{name}"));
                    help.push_str(&format!("\n- {name}: {}", described.unwrap_or_default()));
                }
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && !arg.is_hide_default_value_set() {
                help.push_str(&format!(
                    "\n[{}: {}]",
                    text("cli-default").unwrap_or_default(),
                    defaults.join(", ")
                ));
            }
            let arg = arg.help_heading(heading.clone());
            let arg = if arg.get_action().takes_values() {
                arg.hide_possible_values(true).hide_default_value(true)
            } else {
                arg
            };
            if help.is_empty() {
                arg
            } else {
                arg.help(help).long_help(None)
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |sub| translate(sub, &sub_path, language));
    }
    let usage = text("cli-heading-usage").unwrap_or_else(|| "Usage".to_string());
    command
        .subcommand_help_heading(text("cli-heading-commands").unwrap_or_else(|| "Commands".to_string()))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help_heading(options)
                .help(text("cli-help-flag").unwrap_or_else(|| "Print help".to_string())),
        )
}

/// A usage error in `language`. clap writes its errors in English; the
/// common ones (an unknown argument or subcommand, a refused value, a
/// missing argument, two that conflict) are written here from their
/// parts, the others as clap writes them.
pub fn render_error(error: &clap::Error, language: Language) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if language == Language::En {
        return error.render().to_string();
    }
    let text = |id: &str, args: &[(&str, crate::i18n::Value)]| {
        crate::i18n::lookup(language, id, args).unwrap_or_default()
    };
    let one = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => list.first().cloned(),
        _ => None,
    };
    let all = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => Vec::new(),
    };
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => {
            let mut m = text("clap-unknown-argument", &[("arg", arg.into())]);
            if let Some(suggested) = one(ContextKind::SuggestedArg) {
                m.push_str(&format!(
                    "\n\n  {}",
                    text("clap-tip-argument", &[("arg", suggested.into())])
                ));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            let name = one(ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut m = text("clap-unknown-subcommand", &[("name", name.into())]);
            if let Some(suggested) = one(ContextKind::SuggestedSubcommand) {
                m.push_str(&format!(
                    "\n\n  {}",
                    text("clap-tip-subcommand", &[("name", suggested.into())])
                ));
            }
            m
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = one(ContextKind::InvalidValue).unwrap_or_default();
            let mut m = text(
                "clap-invalid-value",
                &[("value", value.into()), ("arg", arg.into())],
            );
            if let Some(cause) = std::error::Error::source(error) {
                m.push_str(&format!(": {cause}"));
            }
            let valid = all(ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!(
                    "\n  [{}: {}]",
                    text("cli-possible-values", &[]).to_lowercase(),
                    valid.join(", ")
                ));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => {
            let mut m = text("clap-missing-arguments", &[]);
            for missing in all(ContextKind::InvalidArg) {
                m.push_str(&format!("\n  {missing}"));
            }
            m
        }
        ErrorKind::ArgumentConflict => {
            let prior = one(ContextKind::PriorArg).unwrap_or_default();
            text(
                "clap-conflict",
                &[("arg", arg.into()), ("other", prior.into())],
            )
        }
        _ => return error.render().to_string(),
    };
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let heading = text("cli-heading-usage", &[]);
        let body = usage
            .trim_start()
            .strip_prefix("Usage:")
            .unwrap_or(&usage)
            .trim();
        // Later lines of the usage line up under the first.
        let indent = " ".repeat(heading.chars().count() + 2);
        let body = body
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(&format!("\n{indent}"));
        message.push_str(&format!("\n\n{heading}: {body}"));
    }
    format!(
        "{} {message}\n\n{}\n",
        text("error-label", &[]),
        text("clap-more-information", &[])
    )
}
