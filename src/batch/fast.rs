//! The fast path of `batch`: a line as most lines are (an object of known
//! question ids to answers that fit, maybe wrapped with an id, giving a
//! result) is read and answered without allocating. Anything else (an
//! error, a missing answer, a duplicate key, an id that would not be written
//! back byte for byte) is left to the general path in `mod.rs`, which gives
//! the line its full message. So the output is the general path's, byte for
//! byte, and the tests compare the two on generated lines.
//!
//! How it reads a line: by hand, not through serde. It takes only the
//! plainest JSON (strings without escapes, numbers, true and false, one
//! level of nesting for a wrapped line), reads it as serde_json would, and
//! leaves anything else, even valid JSON, to the general path. A serde
//! visitor per key and value, and serde_json's checks, were most of the
//! time of a line.
//!
//! How it avoids allocating:
//! - keys and string answers are borrowed from the line;
//! - answers are kept in a slot per question (by index), cleared per line;
//! - an answer is checked by the ordinary parser the first time its
//!   spelling (as written: `"38.5"` and `38.5` are two) is seen for its
//!   question, and the outcome kept with its JSON for the result line. A
//!   file uses a handful of spellings per question, and a whole
//!   `"key": answer` pair seen before is found with one lookup;
//! - the walk goes over node indices, and the path is a reused list of
//!   question indices, written straight to the output buffer.

use serde::Serialize;

use crate::answers::{parse_answer, Answer, RawAnswer};
use crate::engine::next_node;
use crate::rules::{NodeKind, Rules, Urgency};

/// Distinct spellings kept per question; past this, lines take the general
/// path (a file with that many spellings of one answer is not the common
/// case).
const SPELLINGS: usize = 64;

/// A longer spelling (free text: a note) is checked each time it is met,
/// not kept: what is kept stays small whatever the input.
const LONGEST_SPELLING: usize = 128;

/// What a question has been answered with on the current line.
#[derive(Debug, Clone)]
enum Slot {
    Empty,
    /// From a number or true/false: an answer that holds no heap memory.
    Inline(Answer),
    /// The `n`th spelling kept for the question.
    Spelled(usize),
}

/// A string answer seen before, and what it checked to: `None` when it is
/// refused (the general path writes the message).
struct Spelling {
    text: Box<str>,
    answer: Option<Answer>,
    /// The answer as the result line writes it.
    json: Vec<u8>,
}

/// Whole `"key": answer` pairs as written, each with its question and the
/// spelling of its answer: open addressing over a table a power of two
/// long, the pairs' text kept in one buffer.
struct Pairs {
    table: Vec<Option<Pair>>,
    text: Vec<u8>,
    count: usize,
}

#[derive(Clone, Copy)]
struct Pair {
    hash: u64,
    start: u32,
    len: u32,
    question: u32,
    spelling: u32,
}

impl Pairs {
    /// Slots of the table; it holds at most half as many pairs, and a
    /// pair seen once the table is full is looked up in two steps.
    const SLOTS: usize = 4096;
    /// A longer pair (free text) is not kept.
    const LONGEST: usize = 128;

    fn new() -> Pairs {
        Pairs {
            table: vec![None; Self::SLOTS],
            text: Vec::new(),
            count: 0,
        }
    }

    /// The question and spelling of the pair `text`, if it was kept.
    fn find(&self, hash: u64, text: &[u8]) -> Option<(usize, usize)> {
        let mask = Self::SLOTS - 1;
        let mut at = hash as usize & mask;
        while let Some(pair) = self.table[at] {
            if pair.hash == hash {
                let start = pair.start as usize;
                let kept = self.text.get(start..start + pair.len as usize)?;
                if same(kept, text) {
                    return Some((pair.question as usize, pair.spelling as usize));
                }
            }
            at = (at + 1) & mask;
        }
        None
    }

    fn insert(&mut self, hash: u64, text: &[u8], question: usize, spelling: usize) {
        if self.count >= Self::SLOTS / 2 || text.len() > Self::LONGEST {
            return;
        }
        let mask = Self::SLOTS - 1;
        let mut at = hash as usize & mask;
        while self.table[at].is_some() {
            at = (at + 1) & mask;
        }
        // Both fit in u32: the table and the lengths are bounded above.
        self.table[at] = Some(Pair {
            hash,
            start: self.text.len() as u32,
            len: text.len() as u32,
            question: question as u32,
            spelling: spelling as u32,
        });
        self.text.extend_from_slice(text);
        self.count += 1;
    }
}

/// Why a line goes to the general path.
#[derive(Debug)]
pub(super) struct Fallback;

/// The fast path's state, one per worker: reused from line to line.
pub(super) struct Fast<'r> {
    rules: &'r Rules,
    /// Question ids by hash: open addressing, a power of two long.
    ids: Vec<Option<(u64, &'r str, usize)>>,
    spellings: Vec<Vec<Spelling>>,
    pairs: Pairs,
    /// `hash` of each spelling's text, beside it: a short, dense list to
    /// search, where most spellings are told apart by the hash alone.
    spelling_hashes: Vec<Vec<u64>>,
    slots: Vec<Slot>,
    /// Indices of the slots filled on this line, to clear them.
    filled: Vec<usize>,
    /// Questions asked on the way, in order.
    path: Vec<usize>,
    /// The result line's fixed pieces, written once: per question
    /// `{"question":ID,"answer":`, per urgency `,"urgency":U`, per condition
    /// `,"condition":ID,"path":[`.
    step_heads: Vec<Vec<u8>>,
    urgency_parts: Vec<Vec<u8>>,
    condition_parts: Vec<Vec<u8>>,
}

static NOT_MEASURED: Answer = Answer::NotMeasured;

impl<'r> Fast<'r> {
    pub(super) fn new(rules: &'r Rules) -> Fast<'r> {
        let n = rules.questions.len();
        let mut ids = vec![None; (n * 4).next_power_of_two()];
        let mask = ids.len() - 1;
        for (i, q) in rules.questions.iter().enumerate() {
            let hash = hash(q.id.as_bytes());
            let mut at = hash as usize & mask;
            while ids[at].is_some() {
                at = (at + 1) & mask;
            }
            ids[at] = Some((hash, q.id.as_str(), i));
        }
        Fast {
            rules,
            ids,
            spellings: (0..n).map(|_| Vec::new()).collect(),
            pairs: Pairs::new(),
            spelling_hashes: (0..n).map(|_| Vec::new()).collect(),
            slots: vec![Slot::Empty; n],
            filled: Vec::with_capacity(n),
            path: Vec::with_capacity(n),
            step_heads: rules
                .questions
                .iter()
                .map(|q| {
                    [
                        b"{\"question\":".as_slice(),
                        &to_json(&q.id),
                        b",\"answer\":",
                    ]
                    .concat()
                })
                .collect(),
            urgency_parts: Urgency::ALL
                .iter()
                .map(|u| [b",\"urgency\":".as_slice(), &to_json(u)].concat())
                .collect(),
            condition_parts: rules
                .conditions
                .iter()
                .map(|c| {
                    [
                        b",\"condition\":".as_slice(),
                        &to_json(&c.id),
                        b",\"path\":[",
                    ]
                    .concat()
                })
                .collect(),
        }
    }

    /// Writes the result line of `text` (line `number`) to `out` and gives
    /// its urgency, or leaves `out` as it was and gives `Fallback`.
    pub(super) fn line(
        &mut self,
        number: u64,
        text: &str,
        out: &mut Vec<u8>,
    ) -> Result<Urgency, Fallback> {
        for i in self.filled.drain(..) {
            self.slots[i] = Slot::Empty;
        }
        self.path.clear();
        let id = self.read(text)?;
        let (urgency, condition) = self.walk()?;
        // The general path's `Given`, written piece by piece.
        out.extend_from_slice(b"{\"line\":");
        write_json(out, &number);
        if let Some(id) = id {
            out.extend_from_slice(b",\"id\":");
            out.extend_from_slice(id.as_bytes());
        }
        out.extend_from_slice(&self.urgency_parts[urgency as usize]);
        out.extend_from_slice(&self.condition_parts[condition]);
        let mut first = true;
        for &q in &self.path {
            // Unanswered optional measurements are not part of the record.
            let written = match &self.slots[q] {
                Slot::Empty => continue,
                Slot::Inline(answer) => Err(answer),
                Slot::Spelled(n) => Ok(&self.spellings[q][*n].json),
            };
            if !first {
                out.push(b',');
            }
            first = false;
            out.extend_from_slice(&self.step_heads[q]);
            match written {
                Ok(json) => out.extend_from_slice(json),
                Err(answer) => write_json(out, answer),
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"]}\n");
        Ok(urgency)
    }

    /// Reads a line into the slots, as serde_json would read it on the
    /// general path: gives its id as written, if it is wrapped.
    fn read<'a>(&mut self, text: &'a str) -> Result<Option<&'a str>, Fallback> {
        let mut line = Scan { text, at: 0 };
        let mut id = None;
        let mut wrapped = false;
        let mut plain = false;
        if !line.object_opens()? {
            loop {
                let start = line.key_start();
                let key = line.string()?;
                line.eat(b':')?;
                match key {
                    "id" if id.is_none() => id = Some(line.id()?),
                    "answers" if !wrapped => {
                        wrapped = true;
                        self.read_answers(&mut line)?;
                    }
                    _ => {
                        plain = true;
                        self.pair(&mut line, start, key)?;
                    }
                }
                if line.object_ends()? {
                    break;
                }
            }
        }
        line.ends()?;
        // An id beside plain answers, or a key beside "answers": errors.
        if plain && (wrapped || id.is_some()) || (id.is_some() && !wrapped) {
            return Err(Fallback);
        }
        Ok(id)
    }

    /// The object of a wrapped line's "answers".
    fn read_answers(&mut self, line: &mut Scan<'_>) -> Result<(), Fallback> {
        if line.object_opens()? {
            return Ok(());
        }
        loop {
            let start = line.key_start();
            let key = line.string()?;
            line.eat(b':')?;
            self.pair(line, start, key)?;
            if line.object_ends()? {
                return Ok(());
            }
        }
    }

    /// Reads the answer of the pair whose key, `key`, starts at `start`,
    /// and records it. A pair written as before (the same key, spacing and
    /// spelling of the answer) is found whole in `pairs`, with one lookup
    /// in place of two.
    fn pair(&mut self, line: &mut Scan<'_>, start: usize, key: &str) -> Result<(), Fallback> {
        let value = line.value()?;
        let text = line.text.as_bytes().get(start..line.at).ok_or(Fallback)?;
        let hash = hash(text);
        if let Some((q, n)) = self.pairs.find(hash, text) {
            if !matches!(self.slots[q], Slot::Empty) {
                return Err(Fallback);
            }
            self.slots[q] = Slot::Spelled(n);
            self.filled.push(q);
            return Ok(());
        }
        let q = self.record(key, value)?;
        if let Slot::Spelled(n) = self.slots[q] {
            self.pairs.insert(hash, text, q, n);
        }
        Ok(())
    }

    fn index(&self, id: &str) -> Option<usize> {
        let hash = hash(id.as_bytes());
        let mask = self.ids.len() - 1;
        let mut at = hash as usize & mask;
        // The table is at most a quarter full: a probe ends at a gap.
        while let Some((h, known, i)) = self.ids[at] {
            if h == hash && same(known.as_bytes(), id.as_bytes()) {
                return Some(i);
            }
            at = (at + 1) & mask;
        }
        None
    }

    fn answer(&self, q: usize) -> Option<&Answer> {
        match &self.slots[q] {
            Slot::Empty => None,
            Slot::Inline(answer) => Some(answer),
            Slot::Spelled(n) => self.spellings[q][*n].answer.as_ref(),
        }
    }

    /// Records the answer to question `id`: a line that answers a question
    /// twice, or not as the ordinary parser accepts, is left to the general
    /// path.
    fn record(&mut self, id: &str, value: Value<'_>) -> Result<usize, Fallback> {
        let q = self.index(id).ok_or(Fallback)?;
        if !matches!(self.slots[q], Slot::Empty) {
            return Err(Fallback);
        }
        let question = &self.rules.questions[q];
        let kept = &mut self.spellings[q];
        let hashes = &mut self.spelling_hashes[q];
        let hash = hash(value.raw.as_bytes());
        let slot = match hashes
            .iter()
            .zip(kept.iter())
            .position(|(h, s)| *h == hash && same(s.text.as_bytes(), value.raw.as_bytes()))
        {
            Some(n) if kept[n].answer.is_some() => Slot::Spelled(n),
            Some(_) => return Err(Fallback),
            None => {
                let raw = match value.kind {
                    Kind::Text(text) => RawAnswer::Text(text.into()),
                    Kind::Number => RawAnswer::Number(number_value(value.raw)?),
                    Kind::Bool(b) => RawAnswer::Bool(b),
                };
                let answer = parse_answer(question, &raw).ok();
                if kept.len() < SPELLINGS && value.raw.len() <= LONGEST_SPELLING {
                    let mut json = Vec::new();
                    if let Some(answer) = &answer {
                        write_json(&mut json, answer);
                    }
                    let refused = answer.is_none();
                    hashes.push(hash);
                    kept.push(Spelling {
                        text: value.raw.into(),
                        answer,
                        json,
                    });
                    if refused {
                        return Err(Fallback);
                    }
                    Slot::Spelled(kept.len() - 1)
                } else {
                    inline(answer)?
                }
            }
        };
        self.slots[q] = slot;
        self.filled.push(q);
        Ok(q)
    }

    /// The tree walked on indices, as [`crate::engine::walk`] walks it: the
    /// urgency and the index of the condition.
    fn walk(&mut self) -> Result<(Urgency, usize), Fallback> {
        let rules = self.rules;
        let mut node = rules.start;
        for _ in 0..=rules.nodes.len() {
            match &rules.node(node).kind {
                NodeKind::Outcome(outcome) => {
                    return Ok((outcome.urgency, outcome.condition.0));
                }
                NodeKind::Step(step) => {
                    let q = step.question.0;
                    let question = &rules.questions[q];
                    let answer = match self.answer(q) {
                        Some(answer) => answer,
                        None if question.consultant_only => &NOT_MEASURED,
                        None => return Err(Fallback),
                    };
                    node = next_node(&step.branches, question, answer).ok_or(Fallback)?;
                    self.path.push(q);
                }
            }
        }
        Err(Fallback)
    }
}

/// A hash of a short string from its length and its first and last eight
/// bytes: ids differ there, and a line has a few dozen to look up (a call to
/// the C library's `memcmp` per comparison cost more than the rest of
/// reading a line).
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let (first, last) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
        _ => {
            let short = bytes.iter().fold(0u64, |h, b| h << 8 | u64::from(*b));
            (short, short)
        }
    };
    ((first.rotate_left(5) ^ last).wrapping_mul(K) ^ bytes.len() as u64).wrapping_mul(K)
}

/// Byte equality, eight bytes at a time, without a call out.
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match (a.last_chunk::<8>(), b.last_chunk::<8>()) {
        // The whole eights, then the last eight bytes (which may overlap
        // them).
        (Some(a_last), Some(b_last)) => {
            a_last == b_last
                && a.chunks_exact(8)
                    .zip(b.chunks_exact(8))
                    .all(|(x, y)| u64::from_le_bytes(eight(x)) == u64::from_le_bytes(eight(y)))
        }
        _ => a.iter().zip(b).all(|(x, y)| x == y),
    }
}

/// A chunk of `chunks_exact(8)` as an array.
fn eight(chunk: &[u8]) -> [u8; 8] {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(chunk);
    bytes
}

/// An answer from a number or true/false once the spellings kept for its
/// question are full: used only if it holds no heap memory (a number given
/// to a free-text question becomes text).
fn inline(answer: Option<Answer>) -> Result<Slot, Fallback> {
    match answer {
        Some(a @ (Answer::Choice(_) | Answer::Text(_))) => {
            drop(a);
            Err(Fallback)
        }
        Some(a) => Ok(Slot::Inline(a)),
        None => Err(Fallback),
    }
}

/// One answer as read, borrowed from the line.
struct Value<'a> {
    /// As written, quotes and all: the spelling kept for its question
    /// (`"38.5"` and `38.5` are two).
    raw: &'a str,
    kind: Kind<'a>,
}

enum Kind<'a> {
    /// A string's text, without its quotes.
    Text(&'a str),
    /// The number is read only the first time its spelling is seen.
    Number,
    Bool(bool),
}

/// Bytes that end the fast reading of a string: its closing quote, an
/// escape, or a control character (JSON refuses those inside a string).
const STRING_STOP: [bool; 256] = {
    let mut stop = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stop[b] = true;
        b += 1;
    }
    stop[b'"' as usize] = true;
    stop[b'\\' as usize] = true;
    stop
};

/// The high bit of each byte of `word` (read little-endian) where a
/// string's reading stops, as [`STRING_STOP`] says: the lowest set bit is
/// exact, which is all the reader uses (a borrow may mark bytes after it).
fn stops(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
        | below(word, 0x20)
}

/// A reader of one line's JSON that takes only its plainest form: strings
/// without escapes, numbers, true and false, and no deeper nesting than a
/// wrapped line's "answers". Anything else (an escape, null, an array, a
/// mistake anywhere) gives `Fallback`, and serde_json reads the line on the
/// general path. So what this reader accepts, it reads as serde_json would,
/// at a fraction of the cost: a serde visitor per key and value, and
/// serde_json's checks for every case, were most of the time of a line.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    /// The next byte after JSON's whitespace, not taken.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.at) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    fn eat(&mut self, byte: u8) -> Result<(), Fallback> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(Fallback)
        }
    }

    /// After a key's value: true at the end of the object, false if a
    /// comma says another pair follows.
    fn object_ends(&mut self) -> Result<bool, Fallback> {
        let end = self.peek() == Some(b'}');
        if !end {
            self.eat(b',')?;
        } else {
            self.at += 1;
        }
        Ok(end)
    }

    /// Where the next key starts (its quote, if it is one).
    fn key_start(&mut self) -> usize {
        self.peek();
        self.at
    }

    /// An object's `{`, and whether it is empty (then its `}` is taken).
    fn object_opens(&mut self) -> Result<bool, Fallback> {
        self.eat(b'{')?;
        let empty = self.peek() == Some(b'}');
        if empty {
            self.at += 1;
        }
        Ok(empty)
    }

    /// A string without escapes: its text, without the quotes.
    fn string(&mut self) -> Result<&'a str, Fallback> {
        self.eat(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut at = start;
        // Eight bytes at a time, then one at a time for the last few.
        while let Some(eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            let stops = stops(u64::from_le_bytes(*eight));
            if stops != 0 {
                at += (stops.trailing_zeros() / 8) as usize;
                return self.string_ends(start, at);
            }
            at += 8;
        }
        while let Some(&b) = bytes.get(at) {
            if STRING_STOP[usize::from(b)] {
                return self.string_ends(start, at);
            }
            at += 1;
        }
        Err(Fallback)
    }

    /// The string from `start` stops at `at`: its text if that is its
    /// closing quote.
    fn string_ends(&mut self, start: usize, at: usize) -> Result<&'a str, Fallback> {
        if self.text.as_bytes().get(at) != Some(&b'"') {
            return Err(Fallback);
        }
        self.at = at + 1;
        // Both ends are quotes, so this is on character boundaries.
        self.text.get(start..at).ok_or(Fallback)
    }

    /// The text of a number: the run of bytes a JSON number is made of
    /// (whether they make one is for whoever reads it).
    fn number(&mut self) -> &'a str {
        let bytes = self.text.as_bytes();
        let start = self.at;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = bytes.get(self.at) {
            self.at += 1;
        }
        self.text.get(start..self.at).unwrap_or("")
    }

    /// `word` (true or false), if it comes next.
    fn word(&mut self, word: &str) -> bool {
        let found = self.text.as_bytes()[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self) -> Result<Value<'a>, Fallback> {
        let start = match self.peek() {
            Some(_) => self.at,
            None => return Err(Fallback),
        };
        let kind = match self.text.as_bytes()[start] {
            b'"' => Kind::Text(self.string()?),
            b'-' | b'0'..=b'9' => {
                self.number();
                Kind::Number
            }
            b't' if self.word("true") => Kind::Bool(true),
            b'f' if self.word("false") => Kind::Bool(false),
            _ => return Err(Fallback),
        };
        let raw = self.text.get(start..self.at).ok_or(Fallback)?;
        Ok(Value { raw, kind })
    }

    /// A wrapped line's id, as written in the line, if it is written back
    /// as it is.
    fn id(&mut self) -> Result<&'a str, Fallback> {
        let raw = match self.peek() {
            Some(b'"') => {
                let start = self.at;
                self.string()?;
                self.text.get(start..self.at).ok_or(Fallback)?
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => return Err(Fallback),
        };
        if writes_back_as_is(raw) {
            Ok(raw)
        } else {
            Err(Fallback)
        }
    }

    /// Nothing but whitespace is left.
    fn ends(&mut self) -> Result<(), Fallback> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Fallback),
        }
    }
}

/// A number as serde_json gives it to a visitor: a whole number of up to 15
/// digits is worked out here (serde_json reads it as an integer, made an
/// f64 exactly); any other is handed to serde_json itself, so that every
/// rounding and refusal is its own.
fn number_value(text: &str) -> Result<f64, Fallback> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', digits @ ..] => (true, digits),
        digits => (false, digits),
    };
    let whole = matches!(digits, [b'1'..=b'9', ..] | [b'0'])
        && digits.len() <= 15
        && digits.iter().all(u8::is_ascii_digit)
        && !(negative && digits == b"0");
    if whole {
        let n = digits
            .iter()
            .fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64;
        return Ok(if negative { -n } else { n });
    }
    serde_json::from_str::<f64>(text).map_err(|_| Fallback)
}

/// Whether an id is written back exactly as it was read: a string without
/// escapes, or a short whole number. Anything else (a float, an escape,
/// spaces inside an object) the general path normalises.
fn writes_back_as_is(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    match bytes {
        [b'"', inner @ .., b'"'] => !inner.contains(&b'\\'),
        // JSON allows no leading zero; "-0" would come back as 0.
        [b'-', b'0', ..] => false,
        [b'-', digits @ ..] | digits => {
            !digits.is_empty()
                && digits.len() <= 18
                && digits.iter().all(u8::is_ascii_digit)
                && !(digits.len() > 1 && digits[0] == b'0')
        }
    }
}

/// Appends `value` as JSON (serde_json's own spelling of it: numbers with
/// itoa and ryu); writing to memory cannot fail.
fn write_json(out: &mut Vec<u8>, value: &impl Serialize) {
    let _ = serde_json::to_writer(out, value);
}

/// A value as JSON, for the pieces written once when the fast path is set
/// up.
fn to_json(value: &impl Serialize) -> Vec<u8> {
    let mut out = Vec::new();
    write_json(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where [`Scan::string`] stops in eight bytes, one at a time.
    fn first_stop(bytes: [u8; 8]) -> Option<usize> {
        bytes.iter().position(|b| STRING_STOP[usize::from(*b)])
    }

    fn stop_of(bytes: [u8; 8]) -> Option<usize> {
        match stops(u64::from_le_bytes(bytes)) {
            0 => None,
            found => Some((found.trailing_zeros() / 8) as usize),
        }
    }

    /// Every byte value at every place of the eight, after bytes that do
    /// not stop a string and before bytes that may.
    #[test]
    fn eight_bytes_at_a_time_stop_where_one_at_a_time_does() {
        for at in 0..8 {
            for b in 0..=255u8 {
                for after in [b'a', b'"', 0, 0xff, b'\\', 0x1f, 0x20, 0x80] {
                    let mut bytes = [b'a'; 8];
                    bytes[at] = b;
                    for later in &mut bytes[at + 1..] {
                        *later = after;
                    }
                    for before in [b'a', b' ', 0x7f, 0x80, 0xc3, 0xff, b'!', b'#', b'[', b']'] {
                        let mut bytes = bytes;
                        for earlier in &mut bytes[..at] {
                            *earlier = before;
                        }
                        assert_eq!(stop_of(bytes), first_stop(bytes), "{bytes:?}");
                    }
                }
            }
        }
        let mut random = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            let bytes = random.to_le_bytes();
            assert_eq!(stop_of(bytes), first_stop(bytes), "{bytes:?}");
        }
    }

    /// What serde_json makes of a number, read as the general path reads
    /// an answer.
    fn serde_number(text: &str) -> Option<f64> {
        match serde_json::from_str::<serde_json::Value>(text).ok()? {
            serde_json::Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// Whole numbers worked out here are serde_json's, to the bit; other
    /// numbers are serde_json's own reading, refusals included.
    #[test]
    fn numbers_are_read_as_serde_json_reads_them() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "7",
            "-7",
            "01",
            "-01",
            "1.",
            ".5",
            "+1",
            "1e",
            "1e5",
            "1E-5",
            "38.50",
            "-0.0",
            "1E400",
            "999999999999999",
            "-999999999999999",
            "1000000000000000",
            "9007199254740993",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "--1",
            "1-",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend((0..2000).map(|n| (n * 7919 % 100_003).to_string()));
        for text in &texts {
            let ours = number_value(text).ok();
            let theirs = serde_number(text);
            assert_eq!(
                ours.map(f64::to_bits),
                theirs.map(f64::to_bits),
                "{text:?}: {ours:?} against {theirs:?}"
            );
        }
    }
}
