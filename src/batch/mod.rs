//! `lactriage batch`: JSON Lines in, one JSON line out per input line, in
//! order. A line is an answers object, or `{"id": ..., "answers": {...}}`.
//! A bad line gets an `error` line and never stops the run.
//!
//! Lines are read in chunks of whole lines into reused buffers, so memory
//! stays flat however long the input. Each line goes first to the fast path
//! (`fast.rs`), which answers the common line without allocating, and
//! otherwise to the general path here, which gives every message. With more
//! than one job, workers answer chunks while this thread reads the next and
//! writes the finished ones in order.

mod fast;

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

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
    /// Lines the fast path answered (the rest took the general path).
    pub fast: u64,
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

/// A result line. The fast path writes the same shape (`fast::Given`).
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

/// Writes the error line of line `line`.
fn refuse_line(
    out: &mut dyn Write,
    line: u64,
    id: Option<&Value>,
    error: String,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Refused { line, id, error })?;
    out.write_all(b"\n")
}

/// Why a line longer than [`MAX_LINE`] has no result.
fn too_long(bytes: usize) -> String {
    format!(
        "the line is {bytes} bytes long, more than the {MAX_LINE} a line may have; it was skipped"
    )
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
            refuse_line(out, number, id, error).map(|()| None)
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

/// Reads one line (with its newline) onto the end of `data`, keeping at
/// most `cap` bytes of it: returns the bytes read and whether the line was
/// kept whole (if not, `data` is left as it was).
fn read_line_capped(
    input: &mut dyn BufRead,
    data: &mut Vec<u8>,
    cap: usize,
) -> io::Result<(usize, bool)> {
    let start = data.len();
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
        if whole && data.len() - start + n <= cap {
            data.extend_from_slice(chunk);
        } else {
            whole = false;
            data.truncate(start);
        }
        read += n;
        input.consume(n);
        if done {
            return Ok((read, whole));
        }
    }
}

/// How `run` works.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Threads answering lines: 1 answers on the calling thread.
    pub jobs: usize,
    /// Bytes of whole lines read at a time.
    pub chunk: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 1,
            chunk: 256 * 1024,
        }
    }
}

/// Whole lines read together, or a line too long to hold.
enum Chunk {
    Lines {
        /// Number of the first line (from 1).
        first: u64,
        data: Vec<u8>,
    },
    TooLong {
        line: u64,
        bytes: usize,
    },
}

/// Cuts the input into chunks of whole lines, read a block at a time: a
/// line longer than [`MAX_LINE`] is read past without being held, and
/// becomes a chunk of its own.
struct Reader<'i> {
    input: &'i mut dyn BufRead,
    next_line: u64,
    bytes: u64,
    /// The start of a line read with the block before.
    carry: Vec<u8>,
    /// A line too long to hold, found while filling the chunk before.
    pending: Option<Chunk>,
    /// A read error met after whole lines: those go first, then this.
    failed: Option<io::Error>,
    done: bool,
}

impl Reader<'_> {
    /// The next chunk, in `data`: whole lines, at least `size` bytes of them
    /// unless the input ends first. `None` at the end.
    fn next(&mut self, mut data: Vec<u8>, size: usize) -> io::Result<Option<Chunk>> {
        data.clear();
        if let Some(chunk) = self.pending.take() {
            return Ok(Some(chunk));
        }
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        data.append(&mut self.carry);
        // Where the line being read starts, and how far lines were checked.
        let mut line_start = 0;
        let mut scanned = 0;
        loop {
            // Every line completed so far must fit.
            for end in memchr::memchr_iter(b'\n', &data[scanned..]).map(|i| scanned + i + 1) {
                if end - line_start > MAX_LINE {
                    // Lines after it start the next chunk.
                    self.carry.extend_from_slice(&data[end..]);
                    let bytes = end - line_start;
                    data.truncate(line_start);
                    return Ok(Some(self.chunk_before_too_long(data, bytes)));
                }
                line_start = end;
            }
            scanned = data.len();
            if data.len() - line_start > MAX_LINE {
                let held = data.len() - line_start;
                data.truncate(line_start);
                let bytes = self.skip_line(held)?;
                return Ok(Some(self.chunk_before_too_long(data, bytes)));
            }
            if self.done || (data.len() >= size && line_start > 0) {
                break;
            }
            let block = match self.input.fill_buf() {
                Ok(block) => block,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // The whole lines read so far are answered first.
                Err(e) if line_start > 0 => {
                    self.failed = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            };
            if block.is_empty() {
                self.done = true;
                continue;
            }
            let n = block.len();
            data.extend_from_slice(block);
            self.input.consume(n);
            self.bytes += n as u64;
        }
        // Whole lines go now; the rest starts the next chunk (at the end of
        // the input, the last line goes as it is).
        if (!self.done || self.failed.is_some()) && line_start < data.len() {
            self.carry.extend_from_slice(&data[line_start..]);
            data.truncate(line_start);
        }
        if data.is_empty() {
            return Ok(None);
        }
        let first = self.next_line;
        self.next_line += count_lines(&data);
        Ok(Some(Chunk::Lines { first, data }))
    }

    /// `data`, whole lines, then a line of `bytes` too long to hold: the
    /// lines now (if any), the long line as the next chunk.
    fn chunk_before_too_long(&mut self, data: Vec<u8>, bytes: usize) -> Chunk {
        let first = self.next_line;
        let lines = count_lines(&data);
        let too_long = Chunk::TooLong {
            line: first + lines,
            bytes,
        };
        self.next_line += lines + 1;
        if data.is_empty() {
            return too_long;
        }
        self.pending = Some(too_long);
        Chunk::Lines { first, data }
    }

    /// Reads past the rest of a line too long to hold, of which `held`
    /// bytes were read already: its length.
    fn skip_line(&mut self, held: usize) -> io::Result<usize> {
        let mut bytes = held;
        loop {
            let block = match self.input.fill_buf() {
                Ok(block) => block,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if block.is_empty() {
                self.done = true;
                break;
            }
            let (n, end) = match memchr::memchr(b'\n', block) {
                Some(i) => (i + 1, true),
                None => (block.len(), false),
            };
            self.input.consume(n);
            self.bytes += n as u64;
            bytes += n;
            if end {
                break;
            }
        }
        Ok(bytes)
    }
}

/// Lines in whole-line data: its line breaks, and a last line without one.
fn count_lines(data: &[u8]) -> u64 {
    let breaks = memchr::memchr_iter(b'\n', data).count() as u64;
    breaks + u64::from(data.last().is_some_and(|b| *b != b'\n'))
}

/// Answers the lines of `chunk` into `out`.
fn answer_chunk(
    rules: &Rules,
    fast: &mut fast::Fast,
    chunk: &Chunk,
    out: &mut Vec<u8>,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    match chunk {
        Chunk::TooLong { line, bytes } => {
            summary.lines = 1;
            summary.errors = 1;
            refuse_line(out, *line, None, too_long(*bytes))?;
        }
        Chunk::Lines { first, data } => {
            let mut start = 0;
            let ends = memchr::memchr_iter(b'\n', data).map(|i| i + 1);
            // The last line may have no line break.
            let last = (data.last() != Some(&b'\n')).then_some(data.len());
            for (i, end) in ends.chain(last).enumerate() {
                let number = first + i as u64;
                summary.count(answer_line(
                    rules,
                    Some(&mut *fast),
                    number,
                    &data[start..end],
                    out,
                )?);
                start = end;
            }
        }
    }
    Ok(summary)
}

/// Which path answered a line, and its urgency (none for an error line).
enum Answered {
    Fast(Urgency),
    General(Option<Urgency>),
}

/// One line, with its line break: the fast path (when given), else the
/// general one.
fn answer_line(
    rules: &Rules,
    fast: Option<&mut fast::Fast>,
    number: u64,
    raw: &[u8],
    out: &mut Vec<u8>,
) -> io::Result<Answered> {
    // A line that is not UTF-8 is a bad line, not the end of the run.
    let Ok(text) = std::str::from_utf8(raw) else {
        refuse_line(out, number, None, "the line is not UTF-8 text".to_string())?;
        return Ok(Answered::General(None));
    };
    // A byte-order mark may start the file.
    let text = text
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['\n', '\r']);
    if let Some(fast) = fast {
        if let Ok(urgency) = fast.line(number, text, out) {
            return Ok(Answered::Fast(urgency));
        }
    }
    one_line(rules, number, text, out).map(Answered::General)
}

impl Summary {
    /// Counts one line, by how it was answered.
    fn count(&mut self, answered: Answered) {
        self.lines += 1;
        match answered {
            Answered::Fast(u) => {
                self.results[u as usize] += 1;
                self.fast += 1;
            }
            Answered::General(Some(u)) => self.results[u as usize] += 1,
            Answered::General(None) => self.errors += 1,
        }
    }

    fn add(&mut self, other: &Summary) {
        self.lines += other.lines;
        self.errors += other.errors;
        self.fast += other.fast;
        for (total, n) in self.results.iter_mut().zip(other.results) {
            *total += n;
        }
    }
}

/// Reads every line of `input` and writes one line per input line to `out`.
/// `progress` is told the bytes read so far, after each chunk.
pub fn run(
    rules: &Rules,
    input: &mut dyn BufRead,
    out: &mut impl Write,
    progress: impl FnMut(u64),
    options: Options,
) -> io::Result<Summary> {
    let mut reader = Reader {
        input,
        next_line: 1,
        bytes: 0,
        carry: Vec::new(),
        pending: None,
        failed: None,
        done: false,
    };
    if options.jobs <= 1 {
        run_here(rules, &mut reader, out, progress, options)
    } else {
        run_in_parallel(rules, &mut reader, out, progress, options)
    }
}

fn run_here(
    rules: &Rules,
    reader: &mut Reader,
    out: &mut impl Write,
    mut progress: impl FnMut(u64),
    options: Options,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut fast = fast::Fast::new(rules);
    let mut data = Vec::with_capacity(options.chunk + 4096);
    let mut answered = Vec::with_capacity(options.chunk);
    while let Some(chunk) = reader.next(std::mem::take(&mut data), options.chunk)? {
        answered.clear();
        summary.add(&answer_chunk(rules, &mut fast, &chunk, &mut answered)?);
        out.write_all(&answered)?;
        progress(reader.bytes);
        if let Chunk::Lines { data: d, .. } = chunk {
            data = d;
        }
    }
    progress(reader.bytes);
    Ok(summary)
}

/// A chunk to answer, numbered in reading order, with a buffer to write to.
struct Job {
    seq: u64,
    chunk: Chunk,
    out: Vec<u8>,
}

/// A chunk answered.
struct Done {
    seq: u64,
    chunk: Chunk,
    out: io::Result<(Vec<u8>, Summary)>,
}

/// This thread reads and writes (input and output need not be `Send`);
/// `options.jobs` workers answer chunks. At most two chunks per worker are
/// in flight, and their buffers are reused, so memory stays flat.
fn run_in_parallel(
    rules: &Rules,
    reader: &mut Reader,
    out: &mut impl Write,
    mut progress: impl FnMut(u64),
    options: Options,
) -> io::Result<Summary> {
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let in_flight_max = options.jobs * 2;
    std::thread::scope(|scope| {
        for _ in 0..options.jobs {
            let job_rx = Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                let mut fast = fast::Fast::new(rules);
                loop {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(Job {
                        seq,
                        chunk,
                        mut out,
                    }) = job
                    else {
                        return;
                    };
                    out.clear();
                    // A panic here must reach the main thread as an error:
                    // left alone, the main thread would wait for this chunk
                    // for ever.
                    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        answer_chunk(rules, &mut fast, &chunk, &mut out)
                    }))
                    .unwrap_or_else(|_| Err(io::Error::other("a batch worker failed")));
                    let done = Done {
                        seq,
                        chunk,
                        out: answered.map(|s| (out, s)),
                    };
                    if done_tx.send(done).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut summary = Summary::default();
        let mut spare_data: Vec<Vec<u8>> = Vec::new();
        let mut spare_out: Vec<Vec<u8>> = Vec::new();
        let mut finished: BTreeMap<u64, (Vec<u8>, Summary)> = BTreeMap::new();
        let (mut sent, mut written) = (0u64, 0u64);
        let mut input_ended = false;
        // A read error ends the input; the chunks read before it are still
        // written, as on one thread.
        let mut read_error = None;
        let result = loop {
            if !input_ended && sent - written < in_flight_max as u64 {
                let data = spare_data
                    .pop()
                    .unwrap_or_else(|| Vec::with_capacity(options.chunk + 4096));
                match reader.next(data, options.chunk) {
                    Ok(Some(chunk)) => {
                        let out = spare_out
                            .pop()
                            .unwrap_or_else(|| Vec::with_capacity(options.chunk));
                        if job_tx
                            .send(Job {
                                seq: sent,
                                chunk,
                                out,
                            })
                            .is_err()
                        {
                            break Err(io::Error::other("a batch worker stopped"));
                        }
                        sent += 1;
                        continue;
                    }
                    Ok(None) => input_ended = true,
                    Err(e) => {
                        read_error = Some(e);
                        input_ended = true;
                    }
                }
            }
            if written == sent {
                break read_error.take().map_or(Ok(()), Err);
            }
            let Ok(done) = done_rx.recv() else {
                break Err(io::Error::other("a batch worker stopped"));
            };
            if let Chunk::Lines { data, .. } = done.chunk {
                spare_data.push(data);
            }
            match done.out {
                Ok(answered) => {
                    finished.insert(done.seq, answered);
                }
                Err(e) => break Err(e),
            }
            let mut failed = None;
            while let Some((answered, part)) = finished.remove(&written) {
                if let Err(e) = out.write_all(&answered) {
                    failed = Some(e);
                    break;
                }
                summary.add(&part);
                written += 1;
                spare_out.push(answered);
            }
            if let Some(e) = failed {
                break Err(e);
            }
            progress(reader.bytes);
        };
        // Workers end when the job channel closes.
        drop(job_tx);
        progress(reader.bytes);
        result.map(|()| summary)
    })
}

/// Every line through the general path, one at a time: the reference the
/// fast path and the parallel run are tested against.
pub fn run_general(
    rules: &Rules,
    input: &mut dyn BufRead,
    out: &mut impl Write,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut raw = Vec::new();
    let mut line = Vec::new();
    loop {
        raw.clear();
        let (read, whole) = read_line_capped(input, &mut raw, MAX_LINE)?;
        if read == 0 {
            break;
        }
        let number = summary.lines + 1;
        if !whole {
            refuse_line(out, number, None, too_long(read))?;
            summary.count(Answered::General(None));
            continue;
        }
        line.clear();
        let answered = answer_line(rules, None, number, &raw, &mut line)?;
        out.write_all(&line)?;
        summary.count(answered);
    }
    Ok(summary)
}
