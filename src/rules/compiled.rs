//! The built-in rules in compiled form: loaded, validated and proved once,
//! when the program is built, and read back at run time in microseconds
//! instead of parsing and validating 90 kB of TOML on every run.
//!
//! The form is the validated [`Rules`] encoded with postcard, with the
//! report of `rules check` and the fingerprint of everything it was made
//! from (the rules, their cases, and the code of the model, the loader, the
//! prover and the engine; see `build.rs`). It is used only when that fingerprint is
//! the build's own: a form made before any change to them is set aside, and
//! the rules are loaded from the TOML as any other file. `cargo test`
//! checks that the committed form is the one the current code makes, and
//! makes it again with `LACTRIAGE_BLESS=1`.

use serde::{Deserialize, Serialize};

use super::{Rules, BUILTIN_FINGERPRINT};
use crate::i18n::Language;

/// The committed compiled form.
pub const COMPILED: &[u8] = include_bytes!("builtin.postcard");

/// The report of `rules check` on the built-in rules, made when built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCheck {
    /// The whole report, as `rules check` prints it.
    pub report: String,
    /// Problems found: `rules check` fails with any.
    pub problems: usize,
}

/// The rules come after the report, so that `rules check` can read the
/// report alone; each language's rules are stored as bytes of their own,
/// so that a run reads only the ones it speaks.
#[derive(Serialize, Deserialize)]
struct Compiled<'a> {
    fingerprint: &'a str,
    check: StoredCheck,
    /// The rules, encoded.
    english: &'a [u8],
    /// The rules with their Spanish text, encoded.
    spanish: &'a [u8],
}

/// The start of [`Compiled`]: what `rules check` needs.
#[derive(Deserialize)]
struct Head {
    fingerprint: String,
    check: StoredCheck,
}

/// Encodes `rules` (the built-in rules, fully loaded), their check, and
/// the same rules with their Spanish text.
pub fn encode(
    rules: &Rules,
    check: StoredCheck,
    spanish: &Rules,
) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(&Compiled {
        fingerprint: BUILTIN_FINGERPRINT,
        check,
        english: &postcard::to_allocvec(rules)?,
        spanish: &postcard::to_allocvec(spanish)?,
    })
}

/// The compiled form, when it was made from this build's sources.
fn decode() -> Option<Compiled<'static>> {
    let compiled: Compiled = postcard::from_bytes(COMPILED).ok()?;
    (compiled.fingerprint == BUILTIN_FINGERPRINT).then_some(compiled)
}

/// The built-in rules with their text in `language`, if the compiled form
/// is current.
pub(crate) fn builtin_rules_in(language: Language) -> Option<Rules> {
    let compiled = decode()?;
    let bytes = match language {
        Language::En => compiled.english,
        Language::Es => compiled.spanish,
    };
    let mut rules: Rules = postcard::from_bytes(bytes).ok()?;
    rules.index_questions();
    Some(rules)
}

/// The built-in rules' `rules check` report, if the compiled form is current.
pub fn builtin_check() -> Option<StoredCheck> {
    // The fingerprint says the whole form was made by this build's code
    // (which the sync test has read back whole).
    let (head, _rules) = postcard::take_from_bytes::<Head>(COMPILED).ok()?;
    (head.fingerprint == BUILTIN_FINGERPRINT).then_some(head.check)
}

/// Whether the committed form is current: made from this build's sources.
pub fn is_current() -> bool {
    decode().is_some()
}
