//! `lactriage questions`: the questions of the rules, for people and scripts.

use std::io::{self, Write};

use crate::cli::{QuestionsArgs, QuestionsFormat};
use crate::commands::load_rules_translated;
use crate::error::Error;
use crate::output;
use crate::rules::Audience;

pub(crate) fn run(
    args: &QuestionsArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Error> {
    let (rules, untranslated) = load_rules_translated(args.rules.as_deref())?;
    if let Some(notice) = untranslated {
        let _ = writeln!(stderr, "lactriage: {notice}");
    }
    let audience = Audience::from(args.audience);
    let mut out = io::BufWriter::new(stdout);
    match args.format {
        QuestionsFormat::Text => output::write_questions_text(&mut out, rules, audience),
        QuestionsFormat::Json => output::write_questions_json(&mut out, rules, audience),
        QuestionsFormat::Markdown => output::write_questions_markdown(&mut out, rules, audience),
    }
    .and_then(|()| out.flush())
    .map_err(Error::Output)
}
