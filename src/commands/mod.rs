//! The orchestration of subcommands that do more than one thing: read their
//! files, call the pure layers ([`crate::rules`], [`crate::analysis`]) and
//! write what they return. `lib.rs` keeps the prompt and the result.

pub(crate) mod rules;

use std::path::Path;

use crate::error::Error;
use crate::rules::Rules;

pub(crate) fn read_file(path: &Path, what: &'static str) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        what,
        path: path.to_path_buf(),
        source,
    })
}

/// The rules of `path`, or the built-in rules.
pub(crate) fn load_rules(path: Option<&Path>) -> Result<Rules, Error> {
    match path {
        None => Rules::builtin().map_err(Error::BuiltinRules),
        Some(path) => {
            let text = read_file(path, "rules file")?;
            Ok(Rules::parse(&text, &path.display().to_string())?)
        }
    }
}
