//! The program's own words in the person's language, through Project
//! Fluent: the files of `en/` and `es/` beside this one hold every sentence
//! the program writes itself, one file per concern (answers, results, the
//! prompt, messages, `--help`). Each message is parsed only when it is
//! first needed: a scripted run parses the few dozen it writes. The rules' text is translated by the rules' own
//! translation files (see [`crate::rules::translation`]).
//!
//! The language is decided once, at start (`--lang`, else `LC_ALL`,
//! `LC_MESSAGES` or `LANG`), like colour, and every renderer asks for its
//! words through [`t!`](crate::t).
//!
//! ```
//! use lactriage::i18n::{self, Language};
//!
//! i18n::set(Language::Es);
//! assert_eq!(lactriage::t!("answer-yes"), "Sí");
//! assert_eq!(lactriage::t!("ago-hours", hours = 5), "hace 5 horas");
//! ```

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{OnceLock, PoisonError, RwLock};

use clap::ValueEnum;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use fluent_bundle::FluentValue as Value;

/// A language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Spanish (español).
    Es,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// The code used in flags, file names and JSON: `en`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a locale value names (`es_MX.UTF-8`, `es`, `en_GB`),
    /// if it is one the program speaks.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let code = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::from_code(&code)
    }

    /// `--lang` when given; otherwise the locale's language (the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set, as the C library
    /// reads them), and English when it names another language.
    pub fn choose(flag: Option<Language>, locale: Option<&str>) -> Language {
        flag.or_else(|| locale.and_then(Language::from_locale))
            .unwrap_or_default()
    }

    /// The language's files, in the order messages are looked up: the
    /// ones every result needs first.
    fn sources(self) -> &'static [&'static str; FILES] {
        const EN: [&str; FILES] = [
            include_str!("en/answers.ftl"),
            include_str!("en/results.ftl"),
            include_str!("en/prompt.ftl"),
            include_str!("en/messages.ftl"),
            // English `--help` is the doc comments of `cli/mod.rs`.
            "",
        ];
        const ES: [&str; FILES] = [
            include_str!("es/answers.ftl"),
            include_str!("es/results.ftl"),
            include_str!("es/prompt.ftl"),
            include_str!("es/messages.ftl"),
            include_str!("es/cli.ftl"),
        ];
        match self {
            Language::En => &EN,
            Language::Es => &ES,
        }
    }
}

/// The first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
/// empty, as the C library reads them.
pub fn locale_from_env() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|key| std::env::var(key).ok())
        .find(|value| !value.is_empty())
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language for the rest of the run.
pub fn set(language: Language) {
    CURRENT.store(language as u8, Ordering::Relaxed);
}

pub fn current() -> Language {
    Language::ALL
        .get(usize::from(CURRENT.load(Ordering::Relaxed)))
        .copied()
        .unwrap_or_default()
}

type Bundle = FluentBundle<FluentResource>;

/// Files per language.
const FILES: usize = 5;

/// A language's messages, each parsed the first time it is asked for: a
/// result needs a few dozen of the hundreds in the files, and parsing whole
/// files cost more than the rest of writing a result.
struct Words {
    sources: &'static [&'static str; FILES],
    /// The messages of each file, found when a message is first looked for
    /// in it (the files are looked in in order, so a JSON result reads
    /// only the first).
    files: [Option<Vec<Entry>>; FILES],
    bundle: Bundle,
}

struct Entry {
    id: &'static str,
    /// The whole entry, as Fluent parses it.
    text: &'static str,
    parsed: bool,
}

impl Entry {
    /// Its text, if it is yet to be parsed; it counts as parsed from then.
    fn unparsed(&mut self) -> Option<&'static str> {
        (!std::mem::replace(&mut self.parsed, true)).then_some(self.text)
    }
}

static WORDS: [OnceLock<RwLock<Words>>; Language::ALL.len()] =
    [const { OnceLock::new() }; Language::ALL.len()];

impl Words {
    fn new(language: Language) -> Words {
        let id = language
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: the output is plain
        // left-to-right text, often piped.
        bundle.set_use_isolating(false);
        Words {
            sources: language.sources(),
            files: [const { None }; FILES],
            bundle,
        }
    }

    /// The entry of message `id`, from the first file that has it.
    fn entry(&mut self, id: &str) -> Option<&mut Entry> {
        let sources = self.sources;
        let (file, at) = (0..FILES).find_map(|file| {
            let entries = self.files[file].get_or_insert_with(|| entries(sources[file]));
            entries.iter().position(|e| e.id == id).map(|at| (file, at))
        })?;
        self.files[file].as_mut()?.get_mut(at)
    }

    /// Parses message `id`'s entry, if it has not been; false if the
    /// language has no such message.
    fn parse(&mut self, id: &str) -> bool {
        let Some(entry) = self.entry(id) else {
            return false;
        };
        if let Some(text) = entry.unparsed() {
            add(&mut self.bundle, text);
        }
        true
    }

    /// Parses every entry of every file: what a message that refers to
    /// another message or to a term needs.
    fn parse_all(&mut self) {
        let sources = self.sources;
        for (file, source) in self.files.iter_mut().zip(sources) {
            for entry in file.get_or_insert_with(|| entries(source)) {
                if let Some(text) = entry.unparsed() {
                    add(&mut self.bundle, text);
                }
            }
        }
    }

    /// The message `id` with `args`, if it has been parsed; with the
    /// errors of formatting it.
    fn format(&self, id: &str, args: &[(&str, Value)]) -> Option<(String, bool)> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text: Cow<str> = if args.is_empty() {
            self.bundle.format_pattern(pattern, None, &mut errors)
        } else {
            let mut fluent_args = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                fluent_args.set(*name, value.clone());
            }
            self.bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
        };
        Some((text.into_owned(), errors.is_empty()))
    }
}

/// Adds an entry's messages to `bundle`. The files are compiled in and a
/// test parses them without error; should an entry still fail here, what
/// did parse is used. An id already there keeps its first message.
fn add(bundle: &mut Bundle, text: &str) {
    let resource =
        FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _errors)| partial);
    let _ = bundle.add_resource(resource);
}

/// The entries of a Fluent file, each with its text, from its id to the
/// line before the next entry or comment. In Fluent an entry (a message,
/// or a term: `-name`) or a comment (`#`) starts at the start of a line;
/// what else may (a variant, an attribute, a closing brace) belongs to the
/// entry before it.
fn entries(source: &'static str) -> Vec<Entry> {
    let bytes = source.as_bytes();
    let starts = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
        .filter(|&at| bytes.get(at).is_some_and(|b| !b.is_ascii_whitespace()));
    let mut entries = Vec::new();
    let mut open: Option<usize> = None;
    for at in starts.chain(std::iter::once(bytes.len())) {
        let first = bytes.get(at).copied();
        let starts_entry = first.is_some_and(|b| b.is_ascii_alphabetic() || b == b'-');
        if !(starts_entry || first.is_none() || first == Some(b'#')) {
            continue;
        }
        if let Some(start) = open.take() {
            let text = source.get(start..at).unwrap_or("");
            let id_end = text
                .char_indices()
                .skip(1)
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map_or(text.len(), |(at, _)| at);
            entries.push(Entry {
                id: &text[..id_end],
                text,
                parsed: false,
            });
        }
        if starts_entry {
            open = Some(at);
        }
    }
    entries
}

/// The message `id` in `language`, with `args`; `None` if that language
/// has no such message.
pub fn lookup(language: Language, id: &str, args: &[(&str, Value)]) -> Option<String> {
    let words = WORDS[language as usize].get_or_init(|| RwLock::new(Words::new(language)));
    lookup_in(words, id, args)
}

fn lookup_in(words: &RwLock<Words>, id: &str, args: &[(&str, Value)]) -> Option<String> {
    // Most lookups find their message parsed: formatting needs only to
    // read, so threads (batch's workers) do not wait on each other. A
    // panic elsewhere while holding the lock leaves the words usable.
    let formatted = words
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .format(id, args);
    if let Some((text, true)) = formatted {
        return Some(text);
    }
    let mut words = words.write().unwrap_or_else(PoisonError::into_inner);
    if !words.parse(id) {
        return None;
    }
    match words.format(id, args)? {
        (text, true) => Some(text),
        // An error may be a reference to a message or term not parsed
        // yet (or an argument the caller did not give): parsing the rest
        // settles the first.
        (_, false) => {
            words.parse_all();
            words.format(id, args).map(|(text, _)| text)
        }
    }
}

/// The message `id` in the current language. A message missing there
/// falls back to English, then to its id: a missing translation must not
/// stop a triage (a test checks there is none).
pub fn message(id: &str, args: &[(&str, Value)]) -> String {
    let language = current();
    lookup(language, id, args)
        .or_else(|| lookup(Language::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Every message id of a language's files, with repeats (an id in two
/// files is an error the tests look for).
pub fn message_ids(language: Language) -> Vec<String> {
    let mut ids = Vec::new();
    for source in language.sources() {
        let Ok(resource) = FluentResource::try_new(source.to_string()) else {
            continue;
        };
        ids.extend(resource.entries().filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        }));
    }
    ids
}

/// What in a language's files does not parse.
pub fn parse_errors(language: Language) -> Vec<String> {
    language
        .sources()
        .iter()
        .filter_map(|source| FluentResource::try_new(source.to_string()).err())
        .flat_map(|(_, errors)| errors.into_iter().map(|e| format!("{e:?}")))
        .collect()
}

/// A number as a person of the current language writes it: `38.5` in
/// English, `38,5` in Spanish.
pub fn number(x: f64) -> String {
    decimal(crate::rules::format_number(x))
}

/// A decimal already written with a point, in the current language's way.
pub fn decimal(text: String) -> String {
    match current() {
        Language::En => text,
        Language::Es => text.replace('.', ","),
    }
}

/// A time for people: `Sat 21 Nov 2026, 22:10`, `sáb 21 nov 2026, 22:10`.
pub fn date_time<Tz: chrono::TimeZone>(time: &chrono::DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    date("date-time", time)
}

/// A time within the year, as the prompt and follow-ups say it:
/// `Sat 21 Nov, 22:10`.
pub fn date_short<Tz: chrono::TimeZone>(time: &chrono::DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    date("date-short", time)
}

fn date<Tz: chrono::TimeZone>(id: &str, time: &chrono::DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    use chrono::Datelike;
    crate::t!(
        id,
        weekday = crate::t!(WEEKDAYS[time.weekday().num_days_from_monday() as usize]),
        day = time.day(),
        month = crate::t!(MONTHS[time.month0() as usize]),
        year = time.year(),
        time = time.format("%H:%M").to_string()
    )
}

const WEEKDAYS: [&str; 7] = [
    "weekday-mon",
    "weekday-tue",
    "weekday-wed",
    "weekday-thu",
    "weekday-fri",
    "weekday-sat",
    "weekday-sun",
];
const MONTHS: [&str; 12] = [
    "month-jan",
    "month-feb",
    "month-mar",
    "month-apr",
    "month-may",
    "month-jun",
    "month-jul",
    "month-aug",
    "month-sep",
    "month-oct",
    "month-nov",
    "month-dec",
];

/// A yes/no fact as a Fluent selector, `[yes]` or `[no]`.
pub fn select(fact: bool) -> &'static str {
    if fact {
        "yes"
    } else {
        "no"
    }
}

/// Converts argument values for [`t!`](crate::t).
pub fn value<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// `t!("id")` or `t!("id", name = value, ...)`: the message in the current
/// language.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::message($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::value($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fluent lets a variant, an attribute or a closing brace start at
    /// the start of a line, and a message refer to a term or to another
    /// message (possibly in a later file): each reads as in its file.
    #[test]
    fn entries_are_cut_where_fluent_ends_them() {
        static SOURCES: [&str; FILES] = [
            "# A comment\n\
             plural = { $n ->\n\
             [one] one lump\n\
             *[other] { $n } lumps\n\
             }\n\
             .title = Lumps\n\
             -brand = lactriage\n\
             uses-term = Checked by { -brand }.\n\
             \n\
             uses-message = { later }, then { plural }\n",
            "later = Later text\n",
            "",
            "",
            "",
        ];
        let ids: Vec<&str> = entries(SOURCES[0]).iter().map(|e| e.id).collect();
        assert_eq!(ids, ["plural", "-brand", "uses-term", "uses-message"]);
        let words = RwLock::new(Words {
            sources: &SOURCES,
            ..Words::new(Language::En)
        });
        let n = |n: i64| [("n", Value::from(n))];
        assert_eq!(
            lookup_in(&words, "plural", &n(1)).as_deref(),
            Some("one lump")
        );
        assert_eq!(
            lookup_in(&words, "plural", &n(3)).as_deref(),
            Some("3 lumps")
        );
        assert_eq!(
            lookup_in(&words, "uses-term", &[]).as_deref(),
            Some("Checked by lactriage.")
        );
        assert_eq!(
            lookup_in(&words, "uses-message", &n(2)).as_deref(),
            Some("Later text, then 2 lumps")
        );
        assert_eq!(lookup_in(&words, "missing", &[]), None);
        // A term is not a message.
        assert_eq!(lookup_in(&words, "-brand", &[]), None);
    }

    /// Each message parsed on its own reads as it does in its whole file,
    /// with and without its arguments: the entries are cut where Fluent
    /// ends them.
    #[test]
    fn a_message_parsed_alone_reads_as_in_its_file() {
        let mut seen = std::collections::HashSet::new();
        let mut checked = 0;
        for language in Language::ALL {
            for source in language.sources() {
                let Ok(resource) = FluentResource::try_new(source.to_string()) else {
                    panic!("{language:?}: a file does not parse");
                };
                let mut whole =
                    FluentBundle::new_concurrent(vec![unic_langid::LanguageIdentifier::default()]);
                whole.set_use_isolating(false);
                let _ = whole.add_resource(resource);
                for entry in entries(source) {
                    // The first file with an id is the one looked up.
                    if !seen.insert((language.code(), entry.id)) {
                        continue;
                    }
                    let Some(pattern) = whole.get_message(entry.id).and_then(|m| m.value()) else {
                        continue;
                    };
                    // Every variable the entry names, as text and as a
                    // number (plural selectors read numbers).
                    let names: Vec<&str> = entry
                        .text
                        .split("$")
                        .skip(1)
                        .map(|rest| {
                            let end = rest
                                .find(|c: char| {
                                    !(c.is_ascii_alphanumeric() || c == '-' || c == '_')
                                })
                                .unwrap_or(rest.len());
                            &rest[..end]
                        })
                        .collect();
                    for value in [Value::from("x"), Value::from(1), Value::from(5)] {
                        let mut args = FluentArgs::new();
                        let mut list = Vec::new();
                        for name in &names {
                            args.set(*name, value.clone());
                            list.push((*name, value.clone()));
                        }
                        let mut errors = Vec::new();
                        let expected = whole.format_pattern(pattern, Some(&args), &mut errors);
                        assert_eq!(
                            lookup(language, entry.id, &list).as_deref(),
                            Some(&*expected),
                            "{language:?} {}",
                            entry.id
                        );
                    }
                    checked += 1;
                }
            }
        }
        // Both languages' messages, not a handful.
        assert!(checked > 300, "{checked} messages checked");
    }
}
