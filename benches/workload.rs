//! The `batch` workload of the speed figures: N lines of answers, seeded,
//! each question of the rules answered with one of its answer classes (as
//! `rules check` divides them), one line in three wrapped as
//! `{"id": ..., "answers": {...}}`, and one in ten thousand bad.
//!
//! Shared by `benches/batch.rs` (criterion, in memory) and
//! `examples/batch-workload.rs` (a file for `scripts/bench-batch.sh`).

use std::io::{self, Write};

use lactriage::analysis::classes;
use lactriage::answers::Answer;
use lactriage::rules::{QuestionKind, Rules};

/// splitmix64: a seeded sequence, the same on every machine.
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Seeded {
        Seeded(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Words for the free-text intake questions.
const WORDS: &[&str] = &["ibuprofen", "none", "penicillin", "paracetamol 1 g"];

/// Bad lines, in turn: each is refused with its own message.
const BAD: &[&str] = &[
    r#"{"sepsis_signs": "maybe"}"#,
    r#"{"sepsis_signs": "no", "temprature": 38.5}"#,
    r#"{"sepsis_signs": "no""#,
    r#"{"id": 7, "answers": {"heart_rate": 1300}}"#,
];

/// Writes `lines` lines of the workload for `rules` from `seed`.
pub fn write(rules: &Rules, lines: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let classes = classes(rules, &[rules]);
    let mut random = Seeded::new(seed);
    let mut line = String::new();
    for n in 0..lines {
        line.clear();
        if n % 10_000 == 9_999 {
            line.push_str(BAD[(n / 10_000) % BAD.len()]);
        } else {
            let wrapped = n % 3 == 2;
            if wrapped {
                line.push_str(&format!(r#"{{"id": "case-{n}", "answers": {{"#));
            } else {
                line.push('{');
            }
            let mut first = true;
            for (q, options) in rules.questions.iter().zip(&classes) {
                // Intake questions, half the time.
                if q.intake && random.below(2) == 0 {
                    continue;
                }
                let value = match &q.kind {
                    QuestionKind::Text => format!("\"{}\"", WORDS[random.below(WORDS.len())]),
                    _ => match &options[random.below(options.len())] {
                        Answer::Number(x) => format!("{x}"),
                        Answer::Temperature(t) => format!("{}", t.celsius),
                        other => format!("\"{other}\""),
                    },
                };
                if !first {
                    line.push_str(", ");
                }
                first = false;
                line.push_str(&format!("\"{}\": {value}", q.id));
            }
            line.push('}');
            if wrapped {
                line.push('}');
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
