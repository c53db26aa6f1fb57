//! The fast path and the parallel run of `batch` against the general path,
//! line by line, on generated input: every spelling, id, mistake and line
//! shape a file can have, cut into chunks of every size. The general path
//! (`batch::run_general`) is the reference: one line at a time, every
//! answer through the ordinary parser and the engine.

use lactriage::analysis::classes;
use lactriage::answers::Answer;
use lactriage::batch::{self, Options, Summary};
use lactriage::rules::{QuestionKind, Rules};

use crate::harness::Gen;

/// Draws for the generated lines, on the suite's seeded generator.
trait Draw {
    fn one_in(&mut self, n: usize) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Draw for Gen {
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// An answer to `q` as a file may give it: the record's spelling, another
/// accepted one, or one that is refused.
fn answer_text(random: &mut Gen, kind: &QuestionKind, class: &Answer) -> String {
    let canonical = match class {
        Answer::Number(x) => format!("{x}"),
        Answer::Temperature(t) => format!("{}", t.celsius),
        Answer::Text(_) => "\"ibuprofen\"".to_string(),
        other => format!("\"{other}\""),
    };
    match random.below(12) {
        0 => match (kind, class) {
            (_, Answer::Yes) => random
                .pick(&["true", "\"Yes\"", "\"y\"", "\" yes \""])
                .to_string(),
            (_, Answer::No) => random.pick(&["false", "\"NO\"", "\"n\""]).to_string(),
            (_, Answer::Unsure) => random.pick(&["\"not sure\"", "\"Unsure\""]).to_string(),
            (_, Answer::Temperature(t)) => {
                format!("\"{:.1}F\"", t.celsius * 9.0 / 5.0 + 32.0)
            }
            (QuestionKind::Number(spec), Answer::Number(x)) if spec.unit == "hours" => {
                format!("\"{} days\"", x / 24.0)
            }
            (_, Answer::Number(x)) => format!("\"{x}\""),
            _ => canonical,
        },
        // Refused, or not for this question.
        1 if random.one_in(8) => random
            .pick(&[
                "\"maybe\"",
                "null",
                "[1]",
                "{}",
                "1e999",
                "-3",
                "\"\"",
                "\"a\\u0000b\"",
            ])
            .to_string(),
        // An escape in a string the parser reads anyway.
        2 if random.one_in(8) => canonical.replacen('e', "\\u0065", 1),
        // The edges of JSON's grammar: numbers spelled every way, a raw
        // control character or other letters in a string, near-literals.
        3 if random.one_in(16) => random
            .pick(&[
                "38.50",
                "3.85e1",
                "385E-1",
                "0.385e+2",
                "-0",
                "-0.0",
                "01",
                "1.",
                "+1",
                ".5",
                "1e",
                "0.0",
                "1E400",
                "12345678901234567",
                "-12",
                "\"ye\ts\"",
                "\"s\u{ed}\"",
                "\"no s\u{e9}\"",
                LONG_NOTE,
                "True",
                "nul",
                "truex",
                "falsey",
                "\"yes",
            ])
            .to_string(),
        _ => canonical,
    }
}

/// A note longer than the pairs the fast path keeps whole.
const LONG_NOTE: &str = "\"she has had this lump since the weekend, it is a little sore when the baby feeds on that side, and it seems to come and go with feeds\"";

/// The line's whitespace, moved about: JSON's four kinds of space before
/// and after every brace, colon and comma, or none at all (a line break
/// inside a line would make it two lines, so that one is left out).
fn respace(random: &mut Gen, line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            ' ' => {}
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '}' | ':' | ',' => {
                let before: &&str = random.pick(&["", "", " ", "\t", "\r", " \t "]);
                let after: &&str = random.pick(&["", "", " ", "\t", "\r"]);
                out.push_str(before);
                out.push(c);
                out.push_str(after);
            }
            _ => out.push(c),
        }
    }
    out
}

const IDS: &[&str] = &[
    "7",
    "\"case-1\"",
    "\"with \\\"quotes\\\"\"",
    "\"caf\\u00e9\"",
    "\"café\"",
    "1.5",
    "-0",
    "-12",
    "007",
    "12345678901234567890",
    "null",
    "{\"site\": 3}",
    "[1, 2]",
    "true",
];

/// Lines of every shape, from `seed`.
fn lines(rules: &Rules, seed: u64, count: usize) -> Vec<u8> {
    let classes = classes(rules, &[rules]);
    // xorshift needs a seed that is not 0.
    let mut random = Gen(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut out = Vec::new();
    for _ in 0..count {
        let mut pairs = Vec::new();
        for (q, options) in rules.questions.iter().zip(&classes) {
            // Leave some out: missing answers, or unanswered optional ones.
            if random.one_in(if q.consultant_only || q.intake { 2 } else { 25 }) {
                continue;
            }
            let class = random.pick(options);
            let value = answer_text(&mut random, &q.kind, class);
            let key = if random.one_in(200) {
                format!("{}x", q.id)
            } else {
                q.id.clone()
            };
            pairs.push(format!(
                "\"{key}\":{}{value}",
                if random.one_in(2) { " " } else { "" }
            ));
            if random.one_in(300) {
                pairs.push(format!("\"{}\": \"no\"", q.id));
            }
        }
        let body = format!("{{{}}}", pairs.join(","));
        let line = match random.below(10) {
            0..=2 => format!("{{\"id\": {}, \"answers\": {body}}}", random.pick(IDS)),
            3 if random.one_in(4) => format!("{{\"answers\": {body}, \"id\": \"late\"}}"),
            3 if random.one_in(4) => format!("{{\"id\": 1, \"answers\": {body}, \"x\": 2}}"),
            3 if random.one_in(4) => "{\"id\": 1}".to_string(),
            4 if random.one_in(3) => body[..body.len() / 2].to_string(),
            4 if random.one_in(3) => String::new(),
            4 if random.one_in(3) => format!("\u{feff}{body}"),
            // Mistakes a reader of JSON must refuse, and two keys given twice.
            5 if random.one_in(3) => match random.below(8) {
                0 => format!("{body} x"),
                1 => format!("{body}}}"),
                2 => body.replacen('}', ",}", 1),
                3 => body.replacen(',', "", 1),
                4 => format!("{{\"id\": 1, \"id\": 2, \"answers\": {body}}}"),
                5 => format!("{{\"id\": 1, \"answers\": {body}, \"answers\": {{}}}}"),
                6 => format!("{{\"id\": 1, \"answers\": {{\"nested\": {body}}}}}"),
                _ => random
                    .pick(&["{}", " { } ", "{\"answers\": {}}", "[]", "\"text\""])
                    .to_string(),
            },
            6 if random.one_in(2) => respace(&mut random, &body),
            _ => body,
        };
        out.extend_from_slice(line.as_bytes());
        match random.below(40) {
            0 => out.extend_from_slice(b"\r\n"),
            1 => out.extend_from_slice(b"\xff\n"),
            _ => out.push(b'\n'),
        }
    }
    // Sometimes no line break after the last line.
    if random.one_in(2) {
        out.pop();
    }
    out
}

fn general(rules: &Rules, input: &[u8]) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let summary = batch::run_general(rules, &mut &input[..], &mut out).expect("in memory");
    (out, summary)
}

fn fast(rules: &Rules, input: &[u8], options: Options) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let summary = batch::run(rules, &mut &input[..], &mut out, |_| {}, options).expect("in memory");
    (out, summary)
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    for (x, y) in a.lines().zip(b.lines()) {
        if x != y {
            return format!("general: {x}\nfast:    {y}");
        }
    }
    format!("{} lines against {}", a.lines().count(), b.lines().count())
}

/// The same lines, the same result lines, byte for byte: on one thread and
/// on several, in chunks from a few bytes to many lines.
#[test]
fn the_fast_path_writes_what_the_general_path_writes() {
    let rules = Rules::builtin().expect("the built-in rules");
    let mut fast_lines = 0;
    let mut all_lines = 0;
    for seed in 0..40 {
        let input = lines(&rules, seed, 150);
        let (expected, summary) = general(&rules, &input);
        all_lines += summary.lines;
        for (jobs, chunk) in [
            (1, 256 * 1024),
            (1, 1),
            (1, 700),
            (2, 1),
            (2, 3000),
            (3, 64 * 1024),
        ] {
            let (got, got_summary) = fast(&rules, &input, Options { jobs, chunk });
            assert!(
                got == expected,
                "seed {seed}, {jobs} jobs, chunks of {chunk}:\n{}",
                first_difference(&expected, &got)
            );
            fast_lines += got_summary.fast;
            assert_eq!(
                Summary {
                    fast: 0,
                    ..got_summary
                },
                summary,
                "seed {seed}, {jobs} jobs"
            );
        }
    }
    // Both paths were taken: most lines fast, the odd ones not.
    let share = fast_lines as f64 / (all_lines * 6) as f64;
    assert!(
        (0.3..0.95).contains(&share),
        "{share} of lines took the fast path"
    );
}

/// More spellings of an answer than the fast path keeps for a question (a
/// new temperature, heart rate and note on every line): past the kept ones,
/// numbers are still answered on the fast path, new text goes to the
/// general path, and either way the lines are those the general path
/// writes.
#[test]
fn answers_spelled_more_ways_than_are_kept() {
    let rules = Rules::builtin().expect("the built-in rules");
    let mut input = String::new();
    for n in 0..400 {
        input.push_str(&format!(
            concat!(
                r#"{{"sepsis_signs": "no", "heart_rate": {}, "skin_emergency": "no", "#,
                r#""abscess_signs": "no", "antibiotics_hours": 0, "lump": "yes", "#,
                r#""redness": "none", "lactating": "yes", "temperature": {}, "#,
                r#""recent_fever": "no", "flu_like": "no", "both_breasts": "no", "#,
                r#""lump_features": "no", "duration_hours": {}, "trend": "same", "#,
                r#""recurrent": "no", "note": "note {}"}}"#,
                "\n"
            ),
            60 + n % 30,
            36.0 + f64::from(n) / 1000.0,
            n % 24,
            n
        ));
    }
    let (expected, summary) = general(&rules, input.as_bytes());
    assert_eq!(summary.errors, 0, "{}", String::from_utf8_lossy(&expected));
    let (got, got_summary) = fast(&rules, input.as_bytes(), Options::default());
    assert!(got == expected, "{}", first_difference(&expected, &got));
    // The notes past the kept ones took the general path; the rest did not.
    assert_eq!(got_summary.fast, 64, "{got_summary:?}");
}

/// A line longer than a line may be is skipped and reported with its
/// length, wherever it falls in a chunk, and the lines around it are
/// answered and numbered as usual.
#[test]
fn an_overlong_line_is_skipped_in_place() {
    let rules = Rules::builtin().expect("the built-in rules");
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"sepsis_signs\": \"yes\"}\n");
    input.extend_from_slice(b"{\"note\": \"");
    input.resize(input.len() + batch::MAX_LINE + 10, b'a');
    input.extend_from_slice(b"\"}\n{\"sepsis_signs\": \"unsure\"}\n");
    let (expected, summary) = general(&rules, &input);
    assert_eq!(summary.lines, 3);
    assert_eq!(summary.errors, 1);
    for (jobs, chunk) in [(1, 256 * 1024), (1, 10), (2, 4096)] {
        let (got, got_summary) = fast(&rules, &input, Options { jobs, chunk });
        assert!(got == expected, "{}", first_difference(&expected, &got));
        assert_eq!(
            Summary {
                fast: 0,
                ..got_summary
            },
            summary
        );
    }
    let text = String::from_utf8_lossy(&expected);
    assert!(
        text.contains("\"line\":2,\"error\":\"the line is 1048599 bytes long"),
        "{text}"
    );
    assert!(text.contains("\"line\":3,"), "{text}");
}

/// Allocations made by this thread, counted by the test binary's allocator.
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
    }

    // SAFETY: every call is passed on to the system allocator unchanged.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    pub fn allocations() -> u64 {
        ALLOCATIONS.try_with(Cell::get).unwrap_or(0)
    }
}

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

#[path = "../benches/workload.rs"]
#[allow(dead_code)]
mod workload;

/// The benchmark's workload: ten times the lines cost no more allocations
/// than the few a run makes to start (buffers, spellings seen once) and
/// those of its bad lines, which take the general path.
#[test]
fn batch_allocates_nothing_per_line() {
    let rules = Rules::builtin().expect("the built-in rules");
    let count = |lines: usize| {
        let mut input = Vec::new();
        workload::write(&rules, lines, 7, &mut input).expect("in memory");
        let mut out = Vec::with_capacity(input.len());
        let before = counting::allocations();
        let summary = batch::run(
            &rules,
            &mut &input[..],
            &mut out,
            |_| {},
            Options::default(),
        )
        .expect("in memory");
        let made = counting::allocations() - before;
        assert_eq!(summary.lines, lines as u64);
        (made, summary.errors)
    };
    let (few, few_errors) = count(2_000);
    let (many, many_errors) = count(20_000);
    eprintln!("allocations: {few} for 2,000 lines, {many} for 20,000");
    // The bad lines (one in ten thousand) allocate for their messages.
    let per_error = 200;
    assert!(
        many <= few + (many_errors - few_errors) * per_error,
        "2,000 lines: {few} allocations; 20,000 lines: {many}"
    );
}

/// Input that fails part way: every line read before the failure is
/// answered and written, on one thread as on several, and the run ends
/// with the error.
#[test]
fn a_read_error_keeps_the_lines_read_before_it() {
    struct Failing {
        data: Vec<u8>,
        at: usize,
    }
    impl std::io::Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.at >= self.data.len() {
                return Err(std::io::Error::other("the disk went away"));
            }
            let n = buf.len().min(64).min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }
    let rules = Rules::builtin().expect("the built-in rules");
    let mut data = Vec::new();
    for _ in 0..50 {
        data.extend_from_slice(b"{\"sepsis_signs\": \"yes\"}\n");
    }
    let mut outputs = Vec::new();
    for (jobs, chunk) in [(1, 100), (2, 100), (3, 1)] {
        let mut input = std::io::BufReader::with_capacity(
            64,
            Failing {
                data: data.clone(),
                at: 0,
            },
        );
        let mut out = Vec::new();
        let result = batch::run(
            &rules,
            &mut input,
            &mut out,
            |_| {},
            Options { jobs, chunk },
        );
        assert!(result.is_err(), "{jobs} jobs");
        outputs.push(out);
    }
    let lines = |out: &[u8]| out.iter().filter(|b| **b == b'\n').count();
    assert_eq!(lines(&outputs[0]), 50);
    assert!(outputs.iter().all(|o| *o == outputs[0]));
}
