//! The orchestration of subcommands that do more than one thing: read their
//! files, call the pure layers ([`crate::rules`], [`crate::analysis`]) and
//! write what they return. `lib.rs` parses the arguments, decides colour
//! once and turns errors into exit statuses.

pub(crate) mod assess;
pub(crate) mod batch;
pub(crate) mod completions;
pub(crate) mod history;
mod progress;
pub(crate) mod questions;
pub(crate) mod rules;

use std::path::Path;

use crate::error::Error;
use crate::rules::Rules;

/// A file's text; one that is not UTF-8 is refused with the line and
/// column of its first bad byte. A byte-order mark is dropped.
pub(crate) fn read_file(path: &Path, what: &'static str) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        what,
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(Error::NotUtf8 {
                what,
                path: path.to_path_buf(),
                line,
                column,
            })
        }
    }
}

/// The rules of `path`, or the built-in rules.
///
/// The rules live until the process ends: they are read once per run, and
/// freeing their thousands of strings just before exit cost a tenth of a
/// scripted `assess`.
pub(crate) fn load_rules(path: Option<&Path>) -> Result<&'static Rules, Error> {
    let rules = match path {
        None => Rules::builtin().map_err(Error::BuiltinRules)?,
        Some(path) => {
            let text = read_file(path, "rules file")?;
            Rules::parse(&text, &path.display().to_string())?
        }
    };
    Ok(Box::leak(Box::new(rules)))
}
