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
use crate::i18n::Language;
use crate::rules::{translation, Rules, RulesError, Translated};

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

/// The rules of `path`, or the built-in rules, with their text in the
/// language of this run. A rules file with no translation beside it is
/// used in its own words, with a notice to show the person (the second
/// value); a translation that is there but refused is an error, since its
/// text may no longer match the tree.
pub(crate) fn load_rules_translated(
    path: Option<&Path>,
) -> Result<(&'static Rules, Option<String>), Error> {
    let language = crate::i18n::current();
    let rules = match path {
        None => Rules::builtin_in(language).map_err(Error::BuiltinRules)?,
        Some(_) if language == Language::En => return Ok((load_rules(path)?, None)),
        Some(path) => match load_translation_beside(path, language)? {
            Some(beside) => beside.loaded?,
            None => {
                let notice = crate::t!(
                    "rules-not-translated",
                    file = path.display().to_string(),
                    expected = translation::file_name(&path.display().to_string(), language.code())
                );
                return Ok((load_rules(Some(path))?, Some(notice)));
            }
        },
    };
    Ok((Box::leak(Box::new(rules)), None))
}

/// A translation found beside a rules file, and the rules read with it.
pub(crate) struct TranslationBeside {
    /// The translation's file name, as errors give it.
    pub origin: String,
    pub loaded: Result<Rules, RulesError>,
}

/// The rules of `path` with the text of their translation into `language`
/// beside them (`NAME.es.toml` for `NAME.toml`); `None` when there is no
/// such file.
pub(crate) fn load_translation_beside(
    path: &Path,
    language: Language,
) -> Result<Option<TranslationBeside>, Error> {
    let shown = path.display().to_string();
    let beside = translation::file_name(&shown, language.code());
    if !Path::new(&beside).is_file() {
        return Ok(None);
    }
    let text = read_file(path, "rules file")?;
    let translated = read_file(Path::new(&beside), "translation")?;
    let loaded = Rules::parse_translated(
        &text,
        &shown,
        None,
        Translated {
            text: &translated,
            origin: &beside,
            language: language.code(),
        },
    );
    Ok(Some(TranslationBeside {
        origin: beside,
        loaded,
    }))
}
