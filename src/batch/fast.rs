//! The fast path of `batch`: a line as most lines are (an object of known
//! question ids to answers that fit, maybe wrapped with an id, giving a
//! result) is read and answered without allocating. Anything else (an
//! error, a missing answer, a duplicate key, an id that would not be written
//! back byte for byte) is left to the general path in `mod.rs`, which gives
//! the line its full message. So the output is the general path's, byte for
//! byte, and the tests compare the two on generated lines.
//!
//! How it avoids allocating:
//! - keys and string answers are borrowed from the line;
//! - answers are kept in a slot per question (by index), cleared per line;
//! - a string answer is checked by the ordinary parser the first time it is
//!   seen for its question, and the outcome kept: a file uses a handful of
//!   spellings per question, so later lines find theirs in a short list;
//! - numbers and true/false give answers that hold no heap memory;
//! - the walk goes over node indices, and the path is a reused list of
//!   question indices, written straight to the output buffer.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::answers::{parse_answer, Answer, RawAnswer};
use crate::engine::next_node;
use crate::rules::{NodeKind, Rules, Urgency};

/// Distinct spellings kept per question; past this, lines take the general
/// path (a file with that many spellings of one answer is not the common
/// case).
const SPELLINGS: usize = 64;

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

/// Why a line goes to the general path.
#[derive(Debug)]
pub(super) struct Fallback;

/// What the JSON reader is told when a line leaves the fast path.
const LEAVE: &str = "left to the general path";

/// The fast path's state, one per worker: reused from line to line.
pub(super) struct Fast<'r> {
    rules: &'r Rules,
    /// Question ids by hash: open addressing, a power of two long.
    ids: Vec<Option<(u64, &'r str, usize)>>,
    spellings: Vec<Vec<Spelling>>,
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
        let mut de = serde_json::Deserializer::from_str(text);
        let id = LineSeed { fast: self }
            .deserialize(&mut de)
            .map_err(|_| Fallback)?;
        de.end().map_err(|_| Fallback)?;
        let (urgency, condition) = self.walk()?;
        // The general path's `Given`, written piece by piece.
        out.extend_from_slice(b"{\"line\":");
        write_json(out, &number);
        if let Some(id) = id {
            out.extend_from_slice(b",\"id\":");
            out.extend_from_slice(id.get().as_bytes());
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
    fn record(&mut self, id: &str, value: Value<'_>) -> Result<(), Fallback> {
        let q = self.index(id).ok_or(Fallback)?;
        if !matches!(self.slots[q], Slot::Empty) {
            return Err(Fallback);
        }
        let question = &self.rules.questions[q];
        let slot = match value {
            Value::Number(x) => inline(parse_answer(question, &RawAnswer::Number(x)).ok())?,
            Value::Bool(b) => inline(parse_answer(question, &RawAnswer::Bool(b)).ok())?,
            Value::Text(text) => {
                let kept = &mut self.spellings[q];
                let n = match kept
                    .iter()
                    .position(|s| same(s.text.as_bytes(), text.as_bytes()))
                {
                    Some(n) => n,
                    None if kept.len() < SPELLINGS => {
                        let answer =
                            parse_answer(question, &RawAnswer::Text(text.to_string())).ok();
                        let mut json = Vec::new();
                        if let Some(answer) = &answer {
                            write_json(&mut json, answer);
                        }
                        kept.push(Spelling {
                            text: text.into(),
                            answer,
                            json,
                        });
                        kept.len() - 1
                    }
                    None => return Err(Fallback),
                };
                if kept[n].answer.is_none() {
                    return Err(Fallback);
                }
                Slot::Spelled(n)
            }
        };
        self.slots[q] = slot;
        self.filled.push(q);
        Ok(())
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
    let (mut a, mut b) = (a, b);
    while let (Some((x, at)), Some((y, bt))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        if x != y {
            return false;
        }
        a = at;
        b = bt;
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// An answer from a number or true/false, kept only if it holds no heap
/// memory (a number given to a free-text question becomes text).
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

/// A key, borrowed from the line when it has no escapes (serde reads a
/// `Cow<str>` as an owned string).
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// One answer as read: borrowed from the line when it has no escapes.
enum Value<'de> {
    Text(Cow<'de, str>),
    Number(f64),
    Bool(bool),
}

impl<'de> de::Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a number or true/false")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value<'de>, E> {
                Ok(Value::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value<'de>, E> {
                Ok(Value::Text(Cow::Owned(v.to_string())))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value<'de>, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value<'de>, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value<'de>, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value<'de>, E> {
                Ok(Value::Number(v))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Reads a line into the slots; gives its id, if it is wrapped.
struct LineSeed<'f, 'r> {
    fast: &'f mut Fast<'r>,
}

impl<'de> DeserializeSeed<'de> for LineSeed<'_, '_> {
    type Value = Option<&'de RawValue>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_, '_> {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut id = None;
        let mut wrapped = false;
        let mut plain = false;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match &*key.0 {
                "id" if id.is_none() => {
                    let raw: &'de RawValue = map.next_value()?;
                    if !writes_back_as_is(raw.get()) {
                        return Err(de::Error::custom(LEAVE));
                    }
                    id = Some(raw);
                }
                "answers" if !wrapped => {
                    wrapped = true;
                    map.next_value_seed(AnswersSeed {
                        fast: &mut *self.fast,
                    })?;
                }
                _ => {
                    plain = true;
                    let value: Value<'de> = map.next_value()?;
                    self.fast
                        .record(&key.0, value)
                        .map_err(|_| de::Error::custom(LEAVE))?;
                }
            }
        }
        // An id beside plain answers, or a key beside "answers": errors.
        if plain && (wrapped || id.is_some()) || (id.is_some() && !wrapped) {
            return Err(de::Error::custom(LEAVE));
        }
        Ok(id)
    }
}

/// The object of a wrapped line's "answers".
struct AnswersSeed<'f, 'r> {
    fast: &'f mut Fast<'r>,
}

impl<'de> DeserializeSeed<'de> for AnswersSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AnswersSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of question id to answer")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let value: Value<'de> = map.next_value()?;
            self.fast
                .record(&key.0, value)
                .map_err(|_| de::Error::custom(LEAVE))?;
        }
        Ok(())
    }
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
