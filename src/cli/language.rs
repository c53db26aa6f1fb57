//! The command line in another language: `--lang` taken out before the
//! arguments are parsed, the descriptions, headings and accepted values of
//! `--help` from the language's Fluent file (`cli.ftl`), and clap's usage
//! errors written in it from their parts. English is clap's own, from the
//! doc comments of `mod.rs`.

use super::Cli;
use crate::i18n::Language;

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
                .help_heading(
                    crate::i18n::lookup(language, "cli-heading-options", &[]).unwrap_or_default(),
                )
                .help(crate::i18n::lookup(language, "cli-version-flag", &[]).unwrap_or_default()),
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
            } else if !values.is_empty() && !arg.is_hide_possible_values_set() {
                let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
                help.push_str(&format!(
                    "\n[{}: {}]",
                    text("cli-possible-values")
                        .unwrap_or_default()
                        .to_lowercase(),
                    names.join(", ")
                ));
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
        // clap reports a value left out at the end of the line as an empty one.
        ErrorKind::InvalidValue if one(ContextKind::InvalidValue).is_none_or(|v| v.is_empty()) => {
            text("clap-value-required", &[("arg", arg.into())])
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
        // Help is written by clap from the translated command, but for
        // the `help` subcommand, which clap adds only when it builds it.
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let help = error.render().to_string();
            return match text("cli-help-subcommand", &[]) {
                description if !description.is_empty() => help.replace(
                    "Print this message or the help of the given subcommand(s)",
                    &description,
                ),
                _ => help,
            };
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
