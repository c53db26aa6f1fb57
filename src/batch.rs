//! `lactriage batch`: JSON Lines in, one JSON line out per input line, in
//! order. A line is an answers object, or `{"id": ..., "answers": {...}}`.
//! A bad line gets an `error` line and never stops the run. Lines are read
//! one at a time into one buffer, so memory stays flat however long the
//! input.

use std::io::{self, BufRead, Write};

use std::borrow::Cow;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answers::{excerpt, excerpt_of, Answer, Answers, RawAnswer};
use crate::engine::{self, Stop};
use crate::rules::{Rules, Urgency};

/// What a run read and gave, for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub lines: u64,
    /// Results per urgency, least urgent first (as [`Urgency::ALL`]).
    pub results: [u64; 5],
    pub errors: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let given: u64 = self.results.iter().sum();
        write!(f, "{} line(s) read: {given} result(s)", self.lines)?;
        let per: Vec<String> = Urgency::ALL
            .iter()
            .rev()
            .map(|u| format!("{u} {}", self.results[*u as usize]))
            .collect();
        write!(f, " ({}), {} error(s)", per.join(", "), self.errors)
    }
}

#[derive(Serialize)]
struct Given<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    urgency: Urgency,
    condition: &'a str,
    path: Vec<Asked<'a>>,
}

#[derive(Serialize)]
struct Asked<'a> {
    question: &'a str,
    answer: &'a Answer,
}

#[derive(Serialize)]
struct Refused<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: String,
}

/// One input line as read: its id and answers, straight from the JSON.
struct Line {
    id: Option<Value>,
    answers: Vec<(String, RawAnswer)>,
    /// A key beside "id" and "answers" in a wrapped line: an error.
    extra: Option<String>,
}

/// The answers of a wrapped line: an object of question id to answer.
struct AnswerList(Vec<(String, RawAnswer)>);

impl<'de> Deserialize<'de> for AnswerList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = AnswerList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of question id to answer")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<AnswerList, A::Error> {
                let mut list = Vec::with_capacity(map.size_hint().unwrap_or(16));
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    list.push((key.into_owned(), map.next_value::<RawAnswer>()?));
                }
                Ok(AnswerList(list))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Line;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object: answers, or {\"id\": ..., \"answers\": {...}}")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
                let mut id = None;
                let mut wrapped = None;
                let mut plain = Vec::with_capacity(map.size_hint().unwrap_or(16));
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "id" => id = Some(map.next_value::<Value>()?),
                        "answers" => wrapped = Some(map.next_value::<AnswerList>()?.0),
                        _ => plain.push((key.into_owned(), map.next_value::<RawAnswer>()?)),
                    }
                }
                match wrapped {
                    Some(answers) => Ok(Line {
                        id,
                        answers,
                        extra: plain.into_iter().next().map(|(key, _)| key),
                    }),
                    None => {
                        // Without "answers", an "id" is just an unknown question.
                        if let Some(v) = id {
                            plain.push(("id".to_string(), RawAnswer::from(v)));
                        }
                        Ok(Line {
                            id: None,
                            answers: plain,
                            extra: None,
                        })
                    }
                }
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// Assesses one line, writing its result or its error.
fn one_line(
    rules: &Rules,
    number: u64,
    text: &str,
    out: &mut impl Write,
) -> io::Result<Option<Urgency>> {
    let refuse =
        |out: &mut dyn Write, id: Option<&Value>, error: String| -> io::Result<Option<Urgency>> {
            serde_json::to_writer(
                &mut *out,
                &Refused {
                    line: number,
                    id,
                    error,
                },
            )?;
            out.write_all(b"\n")?;
            Ok(None)
        };
    if text.trim().is_empty() {
        return refuse(
            out,
            None,
            "empty line: expected an answers object".to_string(),
        );
    }
    let line: Line = match serde_json::from_str(text) {
        Ok(line) => line,
        // serde_json quotes the input it could not use: keep that short.
        Err(e) => {
            return refuse(
                out,
                None,
                format!("not a valid line: {}", excerpt_of(&e.to_string(), 200)),
            )
        }
    };
    let id = line.id;
    if let Some(extra) = line.extra {
        return refuse(
            out,
            id.as_ref(),
            format!(
                "unexpected key '{}' beside 'answers': a wrapped line has only \"id\" and \"answers\"",
                excerpt(&extra)
            ),
        );
    }
    let mut answers = Answers::new();
    for (question, raw) in &line.answers {
        if let Err(e) = answers.insert(rules, question, raw) {
            return refuse(out, id.as_ref(), e.to_string());
        }
    }
    match engine::assess(rules, &answers) {
        Ok(result) => {
            let path = result
                .path
                .iter()
                // Unanswered optional measurements are not part of the record.
                .filter(|s| {
                    !(s.question.consultant_only
                        && s.answer == Answer::NotMeasured
                        && answers.get(&s.question.id).is_none())
                })
                .map(|s| Asked {
                    question: &s.question.id,
                    answer: &s.answer,
                })
                .collect();
            serde_json::to_writer(
                &mut *out,
                &Given {
                    line: number,
                    id: id.as_ref(),
                    urgency: result.urgency,
                    condition: &result.condition.id,
                    path,
                },
            )?;
            out.write_all(b"\n")?;
            Ok(Some(result.urgency))
        }
        Err(Stop::Source(missing)) => {
            let ids: Vec<&str> = missing.questions.iter().map(|q| q.id.as_str()).collect();
            refuse(
                out,
                id.as_ref(),
                format!("missing answers: {}", ids.join(", ")),
            )
        }
        Err(Stop::Unfit { question, answer }) => refuse(
            out,
            id.as_ref(),
            format!("answer '{answer}' does not fit question '{question}'"),
        ),
    }
}

/// The longest line batch reads (1 MiB): a whole answer set is a few
/// hundred bytes, and a longer line is read past without being held.
pub const MAX_LINE: usize = 1 << 20;

/// Reads one line (with its newline) into `line`, keeping at most `cap`
/// bytes: returns the bytes read and whether the line was kept whole.
fn read_line_capped(
    input: &mut dyn BufRead,
    line: &mut Vec<u8>,
    cap: usize,
) -> io::Result<(usize, bool)> {
    let mut read = 0usize;
    let mut whole = true;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((read, whole));
        }
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        if whole && line.len() + n <= cap {
            line.extend_from_slice(chunk);
        } else {
            whole = false;
            line.clear();
        }
        read += n;
        input.consume(n);
        if done {
            return Ok((read, whole));
        }
    }
}

/// Reads every line of `input` and writes one line per input line to `out`.
/// `progress` is told the bytes read so far, every few thousand lines.
pub fn run(
    rules: &Rules,
    input: &mut dyn BufRead,
    out: &mut impl Write,
    mut progress: impl FnMut(u64),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut bytes = 0u64;
    let mut raw = Vec::new();
    loop {
        raw.clear();
        let (read, whole) = read_line_capped(input, &mut raw, MAX_LINE)?;
        if read == 0 {
            break;
        }
        bytes += read as u64;
        summary.lines += 1;
        if !whole {
            serde_json::to_writer(
                &mut *out,
                &Refused {
                    line: summary.lines,
                    id: None,
                    error: format!(
                        "the line is {read} bytes long, more than the {MAX_LINE} a line may have; it was skipped"
                    ),
                },
            )?;
            out.write_all(b"\n")?;
            summary.errors += 1;
            continue;
        }
        // A line that is not UTF-8 is a bad line, not the end of the run.
        let outcome = match std::str::from_utf8(&raw) {
            Ok(text) => one_line(
                rules,
                summary.lines,
                // A byte-order mark may start the file.
                text.trim_start_matches('\u{feff}')
                    .trim_end_matches(['\n', '\r']),
                out,
            )?,
            Err(_) => {
                serde_json::to_writer(
                    &mut *out,
                    &Refused {
                        line: summary.lines,
                        id: None,
                        error: "the line is not UTF-8 text".to_string(),
                    },
                )?;
                out.write_all(b"\n")?;
                None
            }
        };
        match outcome {
            Some(u) => summary.results[u as usize] += 1,
            None => summary.errors += 1,
        }
        if summary.lines % 4096 == 0 {
            progress(bytes);
        }
    }
    progress(bytes);
    Ok(summary)
}
