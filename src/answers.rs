//! Answers: what a person said, checked against the questions of the rules.
//!
//! Values come from JSON or TOML answer files, from `--set ID=VALUE`, or from
//! the prompt; all go through [`parse_answer`], so every source accepts the
//! same spellings and refuses the same mistakes.
//!
//! ```
//! use lactriage::answers::{Answer, Answers};
//! use lactriage::rules::Rules;
//!
//! let rules = Rules::builtin().unwrap();
//! let mut answers = Answers::from_json(r#"{"lump": "yes"}"#, "example", &rules).unwrap();
//! answers.set_from_arg("temperature=100.4F", &rules).unwrap();
//! match answers.get("temperature") {
//!     Some(Answer::Temperature(t)) => assert_eq!(t.celsius, 38.0),
//!     other => panic!("unexpected {other:?}"),
//! }
//! assert!(answers.set_from_arg("fevr=yes", &rules).is_err());
//! ```

use std::collections::BTreeMap;
use std::fmt;

use crate::rules::{format_number, PresetValue, Question, QuestionKind, Rules};
use crate::t;

/// The plausible range of a reading, in °C and °F (the same range in each).
pub const CELSIUS_RANGE: (f64, f64) = (30.0, 45.0);
pub const FAHRENHEIT_RANGE: (f64, f64) = (86.0, 113.0);

/// One checked answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Yes,
    No,
    Unsure,
    /// The id of one of the question's choices.
    Choice(String),
    Number(f64),
    /// A range picked from the prompt's presets: `from` up to `to`; with
    /// `exclusive`, `from` itself is left out ("started, but under 48 hours").
    Range {
        from: f64,
        to: Option<f64>,
        exclusive: bool,
    },
    Temperature(Temperature),
    NotMeasured,
    /// Free text, for intake questions.
    Text(String),
}

impl Answer {
    /// The value numeric branches compare: a range's lower end stands for the
    /// whole range, which the loader guarantees lies between two thresholds.
    pub fn numeric_value(&self) -> Option<f64> {
        match self {
            Answer::Number(x) => Some(*x),
            Answer::Range {
                from,
                exclusive: false,
                ..
            } => Some(*from),
            // Any value of the range takes the same branches (the loader
            // checks it): the first one above `from`.
            Answer::Range {
                from,
                exclusive: true,
                ..
            } => Some(crate::analysis::next_up(*from)),
            Answer::Temperature(t) => Some(t.celsius),
            _ => None,
        }
    }

    /// The answer as an answers file would spell it.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// As in JSON output: numbers as numbers, everything else as its spelling.
impl serde::Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                serializer.serialize_i64(*x as i64)
            }
            Answer::Number(x) if x.is_finite() => serializer.serialize_f64(*x),
            Answer::Number(_) => serializer.serialize_none(),
            other => serializer.collect_str(other),
        }
    }
}

/// Machine spelling: `yes`, `small`, `24`, `24-72`, `168+`, `101.8F`.
impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Yes => f.write_str("yes"),
            Answer::No => f.write_str("no"),
            Answer::Unsure => f.write_str("unsure"),
            Answer::Choice(id) => f.write_str(id),
            Answer::Number(x) => f.write_str(&format_number(*x)),
            Answer::Range {
                from,
                to,
                exclusive,
            } => {
                if *exclusive {
                    f.write_str(">")?;
                }
                match to {
                    Some(to) => write!(f, "{}-{}", format_number(*from), format_number(*to)),
                    None => write!(f, "{}+", format_number(*from)),
                }
            }
            Answer::Temperature(t) => write!(f, "{}{}", format_number(t.reading), t.unit.letter()),
            Answer::NotMeasured => f.write_str("not_measured"),
            Answer::Text(text) => f.write_str(text),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemperatureUnit {
    Celsius,
    Fahrenheit,
}

impl TemperatureUnit {
    fn letter(self) -> &'static str {
        match self {
            TemperatureUnit::Celsius => "C",
            TemperatureUnit::Fahrenheit => "F",
        }
    }
}

/// A temperature as read, and in °C for comparing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Temperature {
    pub reading: f64,
    pub unit: TemperatureUnit,
    pub celsius: f64,
}

impl Temperature {
    /// For people: `38.4 °C`, or `101.8 °F (38.8 °C)`.
    pub fn describe(&self) -> String {
        match self.unit {
            TemperatureUnit::Celsius => format!("{} °C", crate::i18n::number(self.reading)),
            TemperatureUnit::Fahrenheit => format!(
                "{} °F ({} °C)",
                crate::i18n::number(self.reading),
                crate::i18n::number((self.celsius * 10.0).round() / 10.0)
            ),
        }
    }
}

/// An answer before it is checked against its question.
#[derive(Debug, Clone, PartialEq)]
pub enum RawAnswer {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// Straight from a JSON or TOML value, without building a tree first (batch
/// reads millions of lines).
impl<'de> serde::Deserialize<'de> for RawAnswer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a number or true/false")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Number(v))
            }
            // Anything else is kept as words that no question accepts, so
            // the error names the question.
            fn visit_unit<E>(self) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Text("null".to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawAnswer, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(RawAnswer::Text(t!("answer-a-list")))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawAnswer, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(RawAnswer::Text(t!("answer-an-object")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl From<serde_json::Value> for RawAnswer {
    fn from(v: serde_json::Value) -> RawAnswer {
        match v {
            serde_json::Value::String(s) => RawAnswer::Text(s),
            serde_json::Value::Bool(b) => RawAnswer::Bool(b),
            serde_json::Value::Number(n) => n
                .as_f64()
                .map_or_else(|| RawAnswer::Text(n.to_string()), RawAnswer::Number),
            other => RawAnswer::Text(other.to_string()),
        }
    }
}

impl From<toml::Value> for RawAnswer {
    fn from(v: toml::Value) -> RawAnswer {
        match v {
            toml::Value::String(s) => RawAnswer::Text(s),
            toml::Value::Boolean(b) => RawAnswer::Bool(b),
            toml::Value::Integer(i) => RawAnswer::Number(i as f64),
            toml::Value::Float(x) => RawAnswer::Number(x),
            other => RawAnswer::Text(other.to_string()),
        }
    }
}

impl fmt::Display for RawAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawAnswer::Text(s) => f.write_str(s),
            RawAnswer::Number(x) => f.write_str(&format_number(*x)),
            RawAnswer::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// What was wrong with an answer, or with the answers as a whole.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AnswerError {
    #[error("{}", t!("error-unknown-question", id = excerpt(id), suggestion = suggestion.as_ref().map(|s| t!("did-you-mean", id = s.as_str())).unwrap_or_default()))]
    UnknownQuestion {
        id: String,
        suggestion: Option<String>,
    },
    #[error("{}", t!("error-answer-invalid", question = question.as_str(), value = excerpt(value), accepted = accepted.as_str()))]
    Invalid {
        question: String,
        value: String,
        accepted: String,
    },
    /// A number that no real reading can be: most often a typo or the
    /// wrong unit, so it is refused rather than triaged.
    #[error("{}", t!("error-answer-out-of-range", question = question.as_str(), value = excerpt(value), range = range.as_str(), accepted = accepted.as_str()))]
    OutOfRange {
        question: String,
        value: String,
        range: String,
        accepted: String,
    },
    #[error("{}", t!("error-answer-temperature", question = question.as_str(), value = excerpt(value), reason = reason.as_str()))]
    Temperature {
        question: String,
        value: String,
        reason: String,
    },
    #[error("{origin}:{line}:{column}: {message}")]
    Malformed {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", t!("error-answers-not-object", origin = origin.as_str()))]
    NotAnObject { origin: String },
    #[error("{}", t!("error-set-without-equals", arg = excerpt(.0)))]
    SetWithoutEquals(String),
}

/// Input quoted in a message: control characters (ESC, NUL, CR...) written
/// as escapes, so that no input can move the cursor or clear the screen, and
/// cut to a short excerpt, so that a message stays one readable line.
pub fn excerpt(text: &str) -> String {
    excerpt_of(text, 60)
}

/// The same, keeping up to `keep` characters.
pub fn excerpt_of(text: &str, keep: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == keep {
            out.push_str(&format!("... ({} bytes in all)", text.len()));
            break;
        }
        push_escaped(&mut out, c);
    }
    out
}

/// Pushes `c`, or its escape (`\u{1b}`, `\r`) if it is a control character.
pub fn push_escaped(out: &mut String, c: char) {
    if c.is_control() {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// Checks a raw answer against its question.
pub fn parse_answer(q: &Question, raw: &RawAnswer) -> Result<Answer, AnswerError> {
    let invalid = |accepted: String| AnswerError::Invalid {
        question: q.id.clone(),
        value: raw.to_string(),
        accepted,
    };
    // Lower case and single spaces: "No  sé" and "NO SÉ" are "no sé".
    let text = match raw {
        RawAnswer::Text(s) => Some(words(s)),
        _ => None,
    };
    // The Spanish words are understood whatever the language of the run:
    // an answer file or a piped line is read the same everywhere.
    if q.accepts_not_measured()
        && matches!(
            text.as_deref(),
            Some("not_measured" | "not measured" | "no medido" | "no medida" | "sin medir")
        )
    {
        return Ok(Answer::NotMeasured);
    }
    match &q.kind {
        QuestionKind::YesNo | QuestionKind::YesNoUnsure { .. } => {
            let unsure_ok = matches!(q.kind, QuestionKind::YesNoUnsure { .. });
            match (raw, text.as_deref()) {
                (RawAnswer::Bool(true), _) | (_, Some("yes" | "y" | "true" | "sí" | "si")) => {
                    Ok(Answer::Yes)
                }
                (RawAnswer::Bool(false), _) | (_, Some("no" | "n" | "false")) => Ok(Answer::No),
                (
                    _,
                    Some(
                        "unsure" | "not sure" | "not_sure" | "no sé" | "no se" | "no lo sé"
                        | "no lo se" | "no estoy segura" | "no estoy seguro",
                    ),
                ) if unsure_ok => Ok(Answer::Unsure),
                _ => Err(invalid(if unsure_ok {
                    t!("accepted-yes-no-unsure")
                } else {
                    t!("accepted-yes-no")
                })),
            }
        }
        QuestionKind::Choice(choices) => text
            .as_deref()
            .and_then(|t| choices.iter().find(|c| c.id == t))
            .map(|c| Answer::Choice(c.id.clone()))
            .ok_or_else(|| {
                let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
                invalid(ids.join(", "))
            }),
        QuestionKind::Number(spec) => {
            if let Some(range) = text.as_deref().and_then(|t| parse_range(t, q)) {
                return Ok(range);
            }
            let value = match (raw, text.as_deref()) {
                (RawAnswer::Number(x), _) => Some(*x),
                (_, Some(t)) if spec.is_hours() => parse_hours(t),
                (_, Some(t)) => parse_decimal(t),
                _ => None,
            };
            // Written out only for an error: batch parses millions of
            // numbers, and an answer that fits allocates nothing.
            let accepted = || number_accepted(spec, q.accepts_not_measured());
            match value {
                Some(v) if spec.whole && v.fract() != 0.0 => Err(invalid(accepted())),
                Some(v) if v.is_finite() && in_bounds(v, spec.min, spec.max) => {
                    Ok(Answer::Number(v))
                }
                Some(v) if v.is_finite() => Err(AnswerError::OutOfRange {
                    question: q.id.clone(),
                    value: format_number(v),
                    range: bounds_text(spec.min, spec.max, &spec.unit_label),
                    accepted: accepted(),
                }),
                _ => Err(invalid(accepted())),
            }
        }
        QuestionKind::Text => {
            let text = raw.to_string();
            if text.trim().is_empty() {
                return Err(invalid(t!("accepted-text")));
            }
            Ok(Answer::Text(text.trim().to_string()))
        }
        QuestionKind::Temperature => {
            parse_temperature(raw).map_err(|reason| AnswerError::Temperature {
                question: q.id.clone(),
                value: raw.to_string(),
                reason,
            })
        }
    }
}

/// "25 to 250 beats per minute", "0 hours or more".
fn bounds_text(min: Option<f64>, max: Option<f64>, unit: &str) -> String {
    let n = crate::i18n::number;
    match (min, max) {
        (Some(lo), Some(hi)) => t!("bounds-from-to", from = n(lo), to = n(hi), unit = unit),
        (Some(lo), None) => t!("bounds-at-least", from = n(lo), unit = unit),
        (None, Some(hi)) => t!("bounds-at-most", to = n(hi), unit = unit),
        (None, None) => t!("bounds-any"),
    }
}

/// Lower case, with runs of white space as one space.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether two phrases are the same words, whatever their case and
/// spacing: `Atrás` is `atrás`.
pub fn same_words(a: &str, b: &str) -> bool {
    words(a) == words(b)
}

fn in_bounds(v: f64, min: Option<f64>, max: Option<f64>) -> bool {
    min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)
}

/// What a number question wants, in words: "a whole number from 25 to 250
/// (beats per minute)".
pub fn number_wanted(spec: &crate::rules::NumberSpec) -> String {
    number_accepted(spec, false)
}

fn number_accepted(spec: &crate::rules::NumberSpec, not_measured: bool) -> String {
    let n = crate::i18n::number;
    let whole = crate::i18n::select(spec.whole);
    let range = match (spec.min, spec.max) {
        (Some(lo), Some(hi)) => t!("number-from-to", whole = whole, from = n(lo), to = n(hi)),
        (Some(lo), None) => t!("number-at-least", whole = whole, from = n(lo)),
        (None, Some(hi)) => t!("number-at-most", whole = whole, to = n(hi)),
        (None, None) => t!("number-any", whole = whole),
    };
    let unit = if spec.unit_label.is_empty() {
        String::new()
    } else {
        format!(" ({})", spec.unit_label)
    };
    let nm = if not_measured {
        t!("or-not-measured-id")
    } else {
        String::new()
    };
    format!("{range}{unit}{nm}")
}

/// A duration in hours: `36`, `36 h`, `36 hours`, `2 days`, `3d`,
/// `1.5 days`, `1 week`, `2w`, and in Spanish `2 días`, `una semana`,
/// `36 horas`. A day is 24 hours, a week 168.
pub fn parse_hours(text: &str) -> Option<f64> {
    let t = text.trim().to_lowercase();
    // "un día", "una semana", "a day", "an hour": one.
    let t = match t.split_once(' ') {
        Some(("un" | "una" | "a" | "an", rest)) => format!("1 {rest}"),
        _ => t,
    };
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let hours_per = match unit.trim() {
        "" | "h" | "hr" | "hrs" | "hour" | "hours" | "hora" | "horas" => 1.0,
        "d" | "day" | "days" | "día" | "días" | "dia" | "dias" => 24.0,
        "w" | "wk" | "wks" | "week" | "weeks" | "sem" | "semana" | "semanas" => 168.0,
        _ => return None,
    };
    parse_decimal(number).map(|x| x * hours_per)
}

/// `38.4` or `38,4`: a plain decimal, nothing else.
fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = if !t.contains('.') && t.matches(',').count() == 1 {
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    let ok = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && t.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return None;
    }
    t.parse::<f64>().ok()
}

/// A range as [`Answer`] displays it (`24-72`, `168+`), accepted only when it
/// is one of the question's presets, so a record can be read back.
fn parse_range(text: &str, q: &Question) -> Option<Answer> {
    let QuestionKind::Number(spec) = &q.kind else {
        return None;
    };
    let (exclusive, text) = match text.strip_prefix('>') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (from, to) = if let Some(from) = text.strip_suffix('+') {
        (parse_decimal(from)?, None)
    } else {
        let (a, b) = text.split_once('-')?;
        (parse_decimal(a)?, Some(parse_decimal(b)?))
    };
    let value = PresetValue::Range {
        from,
        to,
        exclusive,
    };
    spec.presets
        .iter()
        .any(|p| p.value == value)
        .then_some(Answer::Range {
            from,
            to,
            exclusive,
        })
}

/// Reads `38.4`, `38.4C`, `101.2F`, `101.2 °F`; a bare number of 45 or less
/// is Celsius, of 86 or more Fahrenheit, anything between is ambiguous.
pub fn parse_temperature(raw: &RawAnswer) -> Result<Answer, String> {
    let (number, unit) = match raw {
        RawAnswer::Number(x) => (*x, None),
        RawAnswer::Bool(_) => return Err(t!("temperature-not-number")),
        RawAnswer::Text(text) => {
            let t = text.trim().to_ascii_lowercase();
            let (body, unit) = if let Some(b) = strip_unit(&t, &["celsius", "c"]) {
                (b, Some(TemperatureUnit::Celsius))
            } else if let Some(b) = strip_unit(&t, &["fahrenheit", "f"]) {
                (b, Some(TemperatureUnit::Fahrenheit))
            } else {
                (t.as_str(), None)
            };
            let body = body.trim_end();
            // "38,6 grados", "38.6 degrees": the unit is left to the number.
            let body = ["grados", "grado", "degrees", "degree"]
                .iter()
                .find_map(|word| body.strip_suffix(word))
                .unwrap_or(body)
                .trim_end();
            let body = body.strip_suffix('°').unwrap_or(body).trim_end();
            match parse_decimal(body) {
                Some(x) => (x, unit),
                None => return Err(t!("temperature-not-reading")),
            }
        }
    };
    if !number.is_finite() {
        return Err(t!("temperature-not-number"));
    }
    let unit = match unit {
        Some(u) => u,
        None if number <= CELSIUS_RANGE.1 => TemperatureUnit::Celsius,
        // Read as °F, 385 would only be refused as too hot; most often it
        // is 38.5 typed without its point, so say that, without guessing.
        None if number > FAHRENHEIT_RANGE.1 => {
            let tenth = number / 10.0;
            let in_range = |(lo, hi): (f64, f64)| (lo..=hi).contains(&tenth);
            let hint = if in_range(CELSIUS_RANGE) || in_range(FAHRENHEIT_RANGE) {
                t!(
                    "temperature-decimal-point",
                    meant = crate::i18n::number(tenth)
                )
            } else {
                String::new()
            };
            return Err(format!(
                "{}{hint}",
                t!("temperature-neither", value = crate::i18n::number(number))
            ));
        }
        None if number >= FAHRENHEIT_RANGE.0 => TemperatureUnit::Fahrenheit,
        None => {
            return Err(t!(
                "temperature-neither",
                value = crate::i18n::number(number)
            ));
        }
    };
    let (lo, hi, sym) = match unit {
        TemperatureUnit::Celsius => (CELSIUS_RANGE.0, CELSIUS_RANGE.1, "°C"),
        TemperatureUnit::Fahrenheit => (FAHRENHEIT_RANGE.0, FAHRENHEIT_RANGE.1, "°F"),
    };
    if number < lo || number > hi {
        return Err(t!(
            "temperature-outside",
            value = crate::i18n::number(number),
            low = format_number(lo),
            high = format_number(hi),
            unit = sym
        ));
    }
    let celsius = match unit {
        TemperatureUnit::Celsius => number,
        // Rounded to a millionth so that 100.4 °F is exactly 38.0 °C at the
        // threshold, as the specification requires.
        TemperatureUnit::Fahrenheit => ((number - 32.0) * 5.0 / 9.0 * 1e6).round() / 1e6,
    };
    Ok(Answer::Temperature(Temperature {
        reading: number,
        unit,
        celsius,
    }))
}

fn strip_unit<'a>(text: &'a str, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| {
        text.strip_suffix(n)
            .filter(|rest| rest.ends_with(|c: char| c.is_ascii_digit() || c == '°' || c == ' '))
    })
}

/// The closest known id to a misspelt one, if any is close enough.
pub fn closest<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // No id is this long: comparing an absurd key with each id costs time
    // and suggests nothing.
    if wrong.len() > 64 {
        return None;
    }
    let wrong = wrong.to_ascii_lowercase();
    known
        .map(|k| {
            let mut score = strsim::jaro_winkler(&wrong, k);
            if is_subsequence(&wrong, k) {
                score = score.max(0.8);
            }
            (score, k)
        })
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut chars = long.chars();
    short.len() >= 3 && short.chars().all(|c| chars.any(|l| l == c))
}

/// Answers by question id, each checked against the rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    by_id: BTreeMap<String, Answer>,
}

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.by_id.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.by_id.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Checks and records one answer; a later one for the same id wins.
    pub fn insert(&mut self, rules: &Rules, id: &str, raw: &RawAnswer) -> Result<(), AnswerError> {
        let q = rules
            .question(id)
            .ok_or_else(|| AnswerError::UnknownQuestion {
                id: id.to_string(),
                suggestion: closest(id, rules.questions.iter().map(|q| q.id.as_str()))
                    .map(str::to_string),
            })?;
        let answer = parse_answer(q, raw)?;
        self.by_id.insert(q.id.clone(), answer);
        Ok(())
    }

    /// Records an answer given at the prompt, already checked.
    pub fn record(&mut self, id: &str, answer: Answer) {
        self.by_id.insert(id.to_string(), answer);
    }

    /// `ID=VALUE`, as given to `--set`.
    pub fn set_from_arg(&mut self, arg: &str, rules: &Rules) -> Result<(), AnswerError> {
        let (id, value) = arg
            .split_once('=')
            .ok_or_else(|| AnswerError::SetWithoutEquals(arg.to_string()))?;
        self.insert(rules, id.trim(), &RawAnswer::Text(value.trim().to_string()))
    }

    /// A JSON object of question id to answer.
    pub fn from_json(text: &str, origin: &str, rules: &Rules) -> Result<Answers, AnswerError> {
        // Editors on some systems start UTF-8 files with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| AnswerError::Malformed {
                origin: origin.to_string(),
                line: e.line(),
                column: e.column(),
                message: format!("not valid JSON: {e}"),
            })?;
        let serde_json::Value::Object(mut map) = value else {
            return Err(AnswerError::NotAnObject {
                origin: origin.to_string(),
            });
        };
        // A result saved with `--format json` carries its answers: read
        // them, to run the check again or under other rules.
        if map.contains_key("urgency") {
            if let Some(serde_json::Value::Object(answers)) = map.remove("answers") {
                return Answers::from_json_map(answers, rules);
            }
        }
        Answers::from_json_map(map, rules)
    }

    /// A parsed JSON object of question id to answer.
    pub fn from_json_map(
        map: serde_json::Map<String, serde_json::Value>,
        rules: &Rules,
    ) -> Result<Answers, AnswerError> {
        let mut answers = Answers::new();
        for (id, v) in map {
            answers.insert(rules, &id, &RawAnswer::from(v))?;
        }
        Ok(answers)
    }

    /// A TOML table of question id to answer.
    pub fn from_toml(text: &str, origin: &str, rules: &Rules) -> Result<Answers, AnswerError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let p = crate::rules::Problem::at(text, span, e.message().trim());
            AnswerError::Malformed {
                origin: origin.to_string(),
                line: p.line,
                column: p.column,
                message: format!("not valid TOML: {}", p.message),
            }
        })?;
        let mut answers = Answers::new();
        for (id, v) in table {
            let raw = RawAnswer::from(v);
            answers.insert(rules, &id, &raw)?;
        }
        Ok(answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_without_its_point_is_refused_with_the_likely_reading() {
        for (typed, meant) in [
            ("385", Some("38.5")),
            ("1012", Some("101.2")),
            ("500", None),
        ] {
            let Err(why) = temperature(typed) else {
                panic!("{typed} was accepted");
            };
            match meant {
                Some(m) => assert!(why.contains(&format!("if you meant {m},")), "{why}"),
                None => assert!(!why.contains("if you meant"), "{why}"),
            }
        }
    }

    /// Spanish spellings are read whatever the language of the run: an
    /// answer file is the same file everywhere.
    #[test]
    fn spanish_spellings_are_understood() {
        for (text, hours) in [
            ("2 días", 48.0),
            ("2 dias", 48.0),
            ("un día", 24.0),
            ("una semana", 168.0),
            ("3 semanas", 504.0),
            ("36 horas", 36.0),
            ("1,5 días", 36.0),
            ("a day", 24.0),
        ] {
            assert_eq!(parse_hours(text), Some(hours), "{text}");
        }
        for text in ["un", "2 meses", "ayer"] {
            assert_eq!(parse_hours(text), None, "{text}");
        }
        for (text, celsius) in [("38,5", 38.5), ("38,6 grados", 38.6), ("101,2F", 38.444444)] {
            let t = temperature(text).expect("a reading");
            assert!((t.celsius - celsius).abs() < 1e-6, "{text}: {}", t.celsius);
        }
        assert_eq!(words("  No   SÉ "), "no sé");
        assert!(same_words("Atrás", "atrás"));
        // "s" is no answer: at the plain prompt it is the first letter of
        // Skip, and a skipped intake question must not be recorded as yes.
        let rules = Rules::builtin().expect("loads");
        let q = rules.question("nipple_shield").expect("an intake question");
        let text = |t: &str| RawAnswer::Text(t.to_string());
        assert!(parse_answer(q, &text("s")).is_err());
        for yes in ["sí", "SÍ", "si", "yes", "y"] {
            assert_eq!(parse_answer(q, &text(yes)), Ok(Answer::Yes), "{yes}");
        }
    }

    fn temperature(text: &str) -> Result<Temperature, String> {
        match parse_temperature(&RawAnswer::Text(text.to_string()))? {
            Answer::Temperature(t) => Ok(t),
            other => Err(format!("not a temperature: {other:?}")),
        }
    }

    #[test]
    fn every_spelling_of_a_reading_in_the_specification() {
        for (text, celsius) in [
            ("38.4", 38.4),
            ("38.4C", 38.4),
            ("38.4 c", 38.4),
            ("38.4°C", 38.4),
            ("38,4", 38.4),
            ("101.2F", 38.444444),
            ("101.2 °F", 38.444444),
            ("100.4f", 38.0),
            ("100.4", 38.0),
            ("30", 30.0),
            ("45", 45.0),
            ("86", 30.0),
            ("113F", 45.0),
        ] {
            assert_eq!(temperature(text).map(|t| t.celsius), Ok(celsius), "{text}");
        }
    }

    #[test]
    fn the_unit_of_a_bare_number_is_decided_by_its_size() {
        assert_eq!(
            temperature("45").map(|t| t.unit),
            Ok(TemperatureUnit::Celsius)
        );
        assert_eq!(
            temperature("86").map(|t| t.unit),
            Ok(TemperatureUnit::Fahrenheit)
        );
        for between in ["45.1", "60", "85.9"] {
            let e = temperature(between).expect_err(between);
            assert!(
                e.contains("neither a reading in °C (30-45) nor in °F (86-113)"),
                "{between}: {e}"
            );
        }
    }

    #[test]
    fn readings_outside_30_to_45_celsius_are_refused() {
        for text in [
            "29.9", "45.1C", "85.9F", "113.1F", "-38", "NaN", "inf", "38.4K", "", "38..4",
        ] {
            assert!(temperature(text).is_err(), "{text} was accepted");
        }
        assert!(parse_temperature(&RawAnswer::Number(f64::NAN)).is_err());
        assert!(parse_temperature(&RawAnswer::Bool(true)).is_err());
    }

    #[test]
    fn fahrenheit_converts_exactly_onto_the_threshold() {
        assert_eq!(temperature("100.4F").map(|t| t.celsius), Ok(38.0));
        assert!(temperature("100.3F").is_ok_and(|t| t.celsius < 38.0));
        assert_eq!(temperature("96.8F").map(|t| t.celsius), Ok(36.0));
    }

    #[test]
    fn suggestions_for_misspelt_ids() {
        let ids = ["feels_feverish", "flu_like", "temperature", "trend", "lump"];
        assert_eq!(closest("fevr", ids.into_iter()), Some("feels_feverish"));
        assert_eq!(closest("temprature", ids.into_iter()), Some("temperature"));
        assert_eq!(closest("lumpp", ids.into_iter()), Some("lump"));
        assert_eq!(closest("xyz", ids.into_iter()), None);
    }

    #[test]
    fn ranges_read_back_only_as_the_question_s_presets() {
        let rules = Rules::builtin().expect("loads");
        let q = rules.question("duration_hours").expect("declared");
        let raw = |t: &str| RawAnswer::Text(t.to_string());
        assert_eq!(
            parse_answer(q, &raw("24-72")),
            Ok(Answer::Range {
                from: 24.0,
                to: Some(72.0),
                exclusive: false,
            })
        );
        assert_eq!(
            parse_answer(q, &raw("168+")),
            Ok(Answer::Range {
                from: 168.0,
                to: None,
                exclusive: false,
            })
        );
        assert!(parse_answer(q, &raw("20-80")).is_err());
        let answer = Answer::Range {
            from: 72.0,
            to: Some(168.0),
            exclusive: false,
        };
        assert_eq!(parse_answer(q, &raw(&answer.to_string())), Ok(answer));
    }
}
