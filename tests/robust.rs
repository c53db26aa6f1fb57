//! No input makes lactriage panic: rules files mutated at random (numbers
//! made NaN, infinite or huge, lines dropped or repeated, lists emptied, ids
//! swapped, text cut short), arbitrary answers, answer files and batch
//! lines. Whatever loads is also checked, compared with itself and assessed.

use std::io::Cursor;

use lactriage::analysis::{check, diff};
use lactriage::answers::{Answers, RawAnswer};
use lactriage::rules::Rules;
use proptest::prelude::*;

use crate::harness::Gen;

const SMALL_RULES: &str = include_str!("../examples/custom-rules.toml");

/// Numbers that have broken parsers before.
const NUMBERS: &[&str] = &[
    "nan",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "0",
    "-0.0",
    "1e17",
    "5e-324",
    "3.5",
    "-1",
    "18446744073709551616",
];

/// Applies a few random edits to `text`.
fn mutate(text: &str, seed: u64) -> String {
    let mut g = Gen(seed | 1);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..1 + g.below(4) {
        let i = g.below(lines.len());
        match g.below(7) {
            0 => {
                // A number replaced.
                let line = &lines[i];
                let starts: Vec<usize> = line
                    .char_indices()
                    .filter(|(k, c)| {
                        c.is_ascii_digit()
                            && (*k == 0 || !line.as_bytes()[k - 1].is_ascii_alphanumeric())
                    })
                    .map(|(k, _)| k)
                    .collect();
                if let Some(&at) = starts.get(g.below(starts.len())) {
                    let end = line[at..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .map_or(line.len(), |e| at + e);
                    let number = NUMBERS[g.below(NUMBERS.len())];
                    lines[i] = format!("{}{number}{}", &line[..at], &line[end..]);
                }
            }
            1 => {
                lines.remove(i);
            }
            2 => {
                let copy = lines[i].clone();
                lines.insert(i, copy);
            }
            3 => {
                // A list emptied.
                if let (Some(a), Some(b)) = (lines[i].find('['), lines[i].rfind(']')) {
                    if a < b {
                        lines[i] = format!("{}[]{}", &lines[i][..a], &lines[i][b + 1..]);
                    }
                }
            }
            4 => {
                // A quoted string replaced by another from the file.
                let j = g.below(lines.len());
                let other = lines[j].split('"').nth(1).unwrap_or("").to_string();
                let line = lines[i].clone();
                let mut parts: Vec<&str> = line.split('"').collect();
                if parts.len() >= 3 {
                    parts[1] = &other;
                    lines[i] = parts.join("\"");
                }
            }
            5 => {
                let j = g.below(lines.len());
                lines.swap(i, j);
            }
            _ => {
                let cut = g.below(lines[i].len() + 1);
                let line = lines[i].clone();
                let cut = (0..=cut)
                    .rev()
                    .find(|c| line.is_char_boundary(*c))
                    .unwrap_or(0);
                lines[i] = line[..cut].to_string();
            }
        }
        if lines.is_empty() {
            break;
        }
    }
    lines.join("\n")
}

/// Everything a loaded file goes through.
fn exercise(rules: &Rules, seed: u64) {
    let report = check::check(rules);
    let _ = report.failures.len();
    let _ = diff::diff(rules, rules, &[]);
    let mut g = Gen(seed.rotate_left(17) | 1);
    let mut answers = Answers::new();
    for q in &rules.questions {
        let raw = match g.below(4) {
            0 => RawAnswer::Text(
                ["yes", "no", "unsure", "not_measured", "38.2", "101F"][g.below(6)].into(),
            ),
            1 => RawAnswer::Number([f64::NAN, f64::INFINITY, 1e308, -1.0, 0.0, 24.0][g.below(6)]),
            2 => RawAnswer::Bool(g.below(2) == 0),
            _ => continue,
        };
        let _ = answers.insert(rules, &q.id, &raw);
    }
    let _ = lactriage::engine::assess(rules, &answers);
}

fn any_answer() -> impl Strategy<Value = RawAnswer> {
    prop_oneof![
        any::<String>().prop_map(RawAnswer::Text),
        "[0-9.,eE+-]{0,12}[cCfF°]{0,2}".prop_map(RawAnswer::Text),
        any::<f64>().prop_map(RawAnswer::Number),
        any::<bool>().prop_map(RawAnswer::Bool),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mutated_rules_files_never_panic(seed in any::<u64>()) {
        let base = if seed % 3 == 0 { lactriage::rules::BUILTIN_RULES } else { SMALL_RULES };
        let text = mutate(base, seed);
        if let Ok(rules) = Rules::parse(&text, "mutated.toml") {
            // The built-in rules are large: checking each copy is slow in a
            // debug build, and the loader is what the mutations aim at.
            if seed % 3 != 0 {
                exercise(&rules, seed);
            }
        }
    }

    #[test]
    fn arbitrary_answers_never_panic(values in proptest::collection::vec(any_answer(), 21)) {
        let rules = Rules::builtin().expect("the built-in rules load");
        let mut answers = Answers::new();
        for (q, raw) in rules.questions.iter().zip(&values) {
            let _ = answers.insert(&rules, &q.id, raw);
        }
        let _ = lactriage::engine::assess(&rules, &answers);
    }

    #[test]
    fn arbitrary_answer_files_and_batch_lines_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let rules = Rules::builtin().expect("the built-in rules load");
        let text = String::from_utf8_lossy(&bytes);
        let _ = Answers::from_json(&text, "answers.json", &rules);
        let _ = Answers::from_toml(&text, "answers.toml", &rules);
        let mut out = Vec::new();
        let mut input = Cursor::new(bytes.clone());
        let options = lactriage::batch::Options { jobs: 1, chunk: 16 };
        let summary = lactriage::batch::run(&rules, &mut input, &mut out, |_| {}, options).expect("in memory");
        // One output line per input line, always, as the general path.
        prop_assert_eq!(out.iter().filter(|b| **b == b'\n').count() as u64, summary.lines);
        let mut general = Vec::new();
        let _ = lactriage::batch::run_general(&rules, &mut Cursor::new(bytes.clone()), &mut general);
        prop_assert_eq!(out, general);
    }
}

/// Any JSON value for an answer: what a history file edited by hand, or
/// written by another version, may hold.
fn any_kept_answer() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|x| serde_json::json!(x)),
        (-1000i64..100_000).prop_map(serde_json::Value::from),
        "[a-z0-9 .,>+\\-]{0,12}".prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "yes", "no", "unsure", "0-24", "24-72", ">0-48", "168+", "38.6C", "101F", "small",
            "worse"
        ])
        .prop_map(serde_json::Value::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Earlier checks with any answers and times never make a follow-up
    /// panic, and a duration counted from them is never below the time
    /// since the check it is counted from.
    #[test]
    fn follow_ups_from_any_earlier_checks_never_panic(
        checks in prop::collection::vec(
            (prop::collection::btree_map(
                prop::sample::select(vec!["duration_hours", "antibiotics_hours", "temperature", "redness", "sepsis_signs", "trend", "nonsense"]),
                any_kept_answer(),
                0..6,
            ), 0i64..2000, prop::sample::select(vec!["emergency", "today", "within_24h", "within_days", "self_care", "??"])),
            1..4,
        )
    ) {
        use lactriage::history::{follow_up, Check, Episode};
        let rules = Rules::builtin().expect("the built-in rules load");
        let now = chrono::Local::now().fixed_offset();
        let episode = Episode {
            id: 1,
            client: String::new(),
            checks: checks
                .iter()
                .enumerate()
                .map(|(i, (answers, hours_ago, urgency))| Check {
                    id: i as i64,
                    time: now - chrono::Duration::hours(*hours_ago),
                    rules_name: "mastitis-spectrum".into(),
                    rules_version: "2.3.0".into(),
                    rules_digest: "x".into(),
                    answers: answers.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
                    urgency: urgency.to_string(),
                    condition: if i % 2 == 0 { "on_antibiotics".into() } else { "ductal_narrowing".into() },
                })
                .collect(),
        };
        if let Some(since) = follow_up::hours_since_start(&rules, &episode, &now) {
            let elapsed = (now - since.from).num_minutes() as f64 / 60.0;
            prop_assert!(since.hours + 1.0 >= elapsed.floor(), "{since:?}");
            prop_assert!(since.hours.is_finite());
        }
        let answers = Answers::new();
        let _ = follow_up::compare(&rules, lactriage::rules::Audience::Parent, &episode, &answers, &now);
    }
}
