//! `rules check` cannot be fooled: files that once passed without being
//! checked are refused or really checked, and on generated rules files the
//! prover agrees with brute force over every answer combination.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use lactriage::analysis::check::{check, PropertyStatus};
use lactriage::answers::{Answers, RawAnswer};
use lactriage::rules::{Rules, Urgency};
use proptest::prelude::*;

use crate::harness::{Gen, Test};

// ---------------------------------------------------------------------------
// A small rules file: one condition, questions, steps, outcomes, properties.
// ---------------------------------------------------------------------------

/// The levels, a source and one condition `c`; starts at step `s0`.
use shapes::HEADER;

fn number_question(id: &str, extra: &str) -> String {
    format!(
        "\n[[question]]\nid = \"{id}\"\nlabel = \"{id}\"\nkind = \"number\"\nunit = \"units\"\nparent = \"How many?\"\n{extra}\n"
    )
}

fn yes_no_question(id: &str) -> String {
    format!("\n[[question]]\nid = \"{id}\"\nlabel = \"{id}\"\nkind = \"yes_no\"\nparent = \"Is it so?\"\n")
}

fn load(text: &str) -> Rules {
    Rules::parse(text, "generated.toml").unwrap_or_else(|e| panic!("{e}\n--- file ---\n{text}"))
}

fn load_error(text: &str) -> String {
    match Rules::parse(text, "bad.toml") {
        Ok(_) => panic!("the file loaded:\n{text}"),
        Err(e) => e.to_string(),
    }
}

/// One numeric step on `n` at threshold `t`: at least `t` is `high`,
/// below it `low`.
fn threshold_file(t: &str, low: &str, high: &str, property: &str) -> String {
    format!(
        "{HEADER}{}\n[[step]]\nid = \"s0\"\nask = \"n\"\nranges = [\n  {{ below = {t}, next = \"o_{low}\" }},\n  {{ at_least = {t}, next = \"o_{high}\" }},\n]\n{}{property}",
        number_question("n", ""),
        outcomes_used(&[low, high]),
    )
}

/// Only the outcomes named: every outcome must be reachable.
fn outcomes_used(ids: &[&str]) -> String {
    let mut out = String::new();
    for u in Urgency::ALL {
        if ids.contains(&u.id()) {
            let _ = write!(
                out,
                "\n[[outcome]]\nid = \"o_{}\"\ncondition = \"c\"\nurgency = \"{}\"\nwhy = \"Because.\"\n",
                u.id(),
                u.id()
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Files that must be refused, with where.
// ---------------------------------------------------------------------------

#[test]
fn property_bounds_that_are_not_finite_are_refused_where_they_are() {
    for (bound, what) in [
        ("{ at_least = nan }", "nan"),
        ("{ at_least = inf }", "inf"),
        ("{ below = -inf }", "-inf"),
        ("{ above = 1.0, at_most = nan }", "nan upper"),
    ] {
        let text = threshold_file(
            "5",
            "self_care",
            "today",
            &format!(
                "\n[[property]]\nname = \"p\"\nwhen = {{ n = {bound} }}\nat_least = \"today\"\n"
            ),
        );
        let e = load_error(&text);
        assert!(
            e.contains("property 'p': a range bound must be a finite number"),
            "{what}: {e}"
        );
        let line = text
            .lines()
            .position(|l| l.starts_with("when ="))
            .expect("a when line")
            + 1;
        assert!(e.contains(&format!("bad.toml:{line}:")), "{what}: {e}");
    }
}

#[test]
fn a_worse_property_from_infinity_is_refused() {
    let text = threshold_file(
        "5",
        "self_care",
        "today",
        "\n[[property]]\nname = \"p\"\nworse = \"n\"\nfrom = inf\n",
    );
    let e = load_error(&text);
    assert!(
        e.contains("property 'p': 'from' must be a finite number"),
        "{e}"
    );
}

#[test]
fn question_bounds_that_are_not_finite_are_refused() {
    for extra in ["min = nan", "max = inf", "min = -inf"] {
        let text = format!(
            "{HEADER}{}\n[[step]]\nid = \"s0\"\nask = \"n\"\nranges = [{{ below = 5, next = \"o_self_care\" }}, {{ at_least = 5, next = \"o_today\" }}]\n{}",
            number_question("n", extra),
            outcomes_used(&["self_care", "today"]),
        );
        let e = load_error(&text);
        assert!(
            e.contains("min and max must be finite numbers"),
            "{extra}: {e}"
        );
    }
}

#[test]
fn a_property_range_with_two_lower_bounds_or_none_inside_is_refused() {
    for (bound, message) in [
        (
            "{ above = 1, at_least = 2 }",
            "a range has one lower bound (above or at_least) and one upper bound",
        ),
        (
            "{ at_least = 6, below = 6 }",
            "this range is empty: its lower bound is not below its upper bound",
        ),
    ] {
        let text = threshold_file(
            "5",
            "self_care",
            "today",
            &format!(
                "\n[[property]]\nname = \"p\"\nwhen = {{ n = {bound} }}\nat_least = \"today\"\n"
            ),
        );
        let e = load_error(&text);
        assert!(e.contains(message), "{bound}: {e}");
    }
}

// ---------------------------------------------------------------------------
// Files that once passed without being checked.
// ---------------------------------------------------------------------------

/// At 1e17 a float cannot tell `x - 1` from `x`: the class below the
/// threshold must still be checked, with a number that really is below it.
/// Here more is worse, and the urgency drops at 1e17: a check that took
/// 1e17 - 1 as "below" would compare 1e17 with itself and call it safe.
#[test]
fn a_threshold_where_one_less_is_the_same_number_is_still_checked() {
    let text = threshold_file(
        "1e17",
        "today",
        "self_care",
        "\n[[property]]\nname = \"More never lowers\"\nworse = \"n\"\n",
    );
    let path = crate::rules_cmd::temp_file("huge-threshold.toml", &text);
    let ran = Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(1);
    let out = ran.stdout();
    assert!(
        out.contains("FAILED: property 'More never lowers' fails"),
        "{out}"
    );
    // The counterexample is concrete: the first answer is below 1e17 and,
    // run, gives today; the worse one is 1e17 and gives self-care.
    let values: Vec<String> = out
        .lines()
        .filter(|l| l.contains("reproduce: lactriage assess"))
        .filter_map(|l| l.split("--set n=").nth(1))
        .map(|v| v.split_whitespace().next().unwrap_or("").to_string())
        .collect();
    assert_eq!(values.len(), 2, "{out}");
    let below: f64 = values[0].parse().expect("a number");
    assert!(below < 1e17, "{below}");
    for (value, urgency) in [(&values[0], "today"), (&values[1], "self_care")] {
        let result = Test::new()
            .args(["assess", "--format", "json", "--rules"])
            .arg_path(&path)
            .args(["--set", &format!("n={value}")])
            .status(0)
            .json();
        assert_eq!(result["urgency"], urgency, "n={value}");
    }
    // Below, at, and above the threshold: three classes.
    assert_eq!(check(&load(&text)).classes, 3);
}

#[test]
fn a_whole_number_threshold_far_out_keeps_both_sides() {
    let text = threshold_file(
        "1e17",
        "self_care",
        "today",
        "\n[[property]]\nname = \"p\"\nworse = \"n\"\nworse_is = \"lower\"\n",
    )
    .replace("unit = \"units\"", "unit = \"units\"\nwhole = true");
    let rules = load(&text);
    let report = check(&rules);
    // Lower is worse, and below 1e17 is self-care: the check finds it.
    assert_eq!(
        report.properties[0].status,
        PropertyStatus::Fails,
        "{report:?}"
    );
}

#[test]
fn a_property_no_answer_can_match_is_vacuous_and_fails() {
    let text = threshold_file(
        "5",
        "self_care",
        "today",
        "\n[[property]]\nname = \"Above the scale is an emergency\"\nwhen = { n = { above = 50 } }\nat_least = \"emergency\"\n",
    )
    .replace("unit = \"units\"", "unit = \"units\"\nmin = 0\nmax = 10");
    let path = crate::rules_cmd::temp_file("vacuous.toml", &text);
    Test::new()
        .args(["rules", "check"])
        .arg_path(&path)
        .status(1)
        .stdout_has("FAILED: property 'Above the scale is an emergency' is vacuous: no answers the tree accepts match its 'when'");
    // Its unless covering its when is vacuous too.
    let text = threshold_file(
        "5",
        "self_care",
        "today",
        "\n[[property]]\nname = \"p\"\nwhen = { n = { at_least = 5 } }\nunless = { n = { above = 1 } }\nat_least = \"emergency\"\n",
    );
    let report = check(&load(&text));
    assert_eq!(report.properties[0].status, PropertyStatus::Vacuous);
}

#[test]
fn a_worse_property_on_a_question_never_asked_is_vacuous() {
    let text = format!(
        "{}{}\n[[property]]\nname = \"More m never lowers\"\nworse = \"m\"\n",
        threshold_file("5", "self_care", "today", ""),
        yes_no_question("m"),
    );
    let report = check(&load(&text));
    assert_eq!(report.properties[0].status, PropertyStatus::Vacuous);
    assert!(report
        .failures
        .iter()
        .any(|f| f.what.contains("the tree never asks the question")));
}

/// 40 questions of 3 answers: 3^40, about 1.2e19, more than a u64 holds.
#[test]
fn combination_counts_are_exact_past_machine_integers() {
    let mut text = String::from(HEADER);
    let n = 40;
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[question]]\nid = \"q{i}\"\nlabel = \"q{i}\"\nkind = \"yes_no_unsure\"\nunsure_counts_as = \"yes\"\nparent = \"So?\"\n"
        );
        let next = if i + 1 == n {
            "o_self_care".to_string()
        } else {
            format!("s{}", i + 1)
        };
        let _ = write!(
            text,
            "\n[[step]]\nid = \"s{i}\"\nask = \"q{i}\"\nyes = \"o_today\"\nno = \"{next}\"\n"
        );
    }
    text.push_str(&outcomes_used(&["today", "self_care"]));
    let report = check(&load(&text));
    assert_eq!(report.combinations.to_string(), "12157665459056928801");
    assert_eq!(report.combinations.grouped(), "12,157,665,459,056,928,801");
}

// ---------------------------------------------------------------------------
// The prover against brute force, on generated files.
// ---------------------------------------------------------------------------

/// A question of a generated file.
#[derive(Debug, Clone)]
enum Kind {
    YesNo,
    /// "unsure" takes the yes branch.
    YesNoUnsure,
    Choice,
    /// Accepted values 0 to 10; thresholds are whole numbers.
    Number {
        whole: bool,
    },
}

impl Kind {
    /// Every answer brute force tries: each yes/no/choice, and numbers on a
    /// grid of halves, which puts one number strictly between any two
    /// whole thresholds and one on each.
    fn values(&self) -> Vec<RawAnswer> {
        let text = |v: &[&str]| v.iter().map(|s| RawAnswer::Text(s.to_string())).collect();
        match self {
            Kind::YesNo => text(&["no", "yes"]),
            Kind::YesNoUnsure => text(&["no", "yes", "unsure"]),
            Kind::Choice => text(&["a", "b", "c"]),
            Kind::Number { whole: true } => (0..=10).map(|x| RawAnswer::Number(x.into())).collect(),
            Kind::Number { whole: false } => (0..=20)
                .map(|x| RawAnswer::Number(f64::from(x) / 2.0))
                .collect(),
        }
    }
}

/// A constraint on one question: answers by name, or numbers in [lo, hi]
/// with open or closed ends.
#[derive(Debug, Clone)]
enum Constraint {
    Answers(Vec<&'static str>),
    Range {
        lower: Option<(i32, bool)>,
        upper: Option<(i32, bool)>,
    },
}

impl Constraint {
    fn toml(&self) -> String {
        match self {
            Constraint::Answers(list) => format!(
                "[{}]",
                list.iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Constraint::Range { lower, upper } => {
                let mut parts = Vec::new();
                if let Some((v, closed)) = lower {
                    parts.push(format!(
                        "{} = {v}",
                        if *closed { "at_least" } else { "above" }
                    ));
                }
                if let Some((v, closed)) = upper {
                    parts.push(format!(
                        "{} = {v}",
                        if *closed { "at_most" } else { "below" }
                    ));
                }
                format!("{{ {} }}", parts.join(", "))
            }
        }
    }

    /// Brute force's own reading of the constraint, on a raw answer.
    fn allows(&self, raw: &RawAnswer) -> bool {
        match (self, raw) {
            (Constraint::Answers(list), RawAnswer::Text(t)) => list.contains(&t.as_str()),
            (Constraint::Range { lower, upper }, RawAnswer::Number(x)) => {
                lower.is_none_or(|(v, closed)| {
                    if closed {
                        *x >= f64::from(v)
                    } else {
                        *x > f64::from(v)
                    }
                }) && upper.is_none_or(|(v, closed)| {
                    if closed {
                        *x <= f64::from(v)
                    } else {
                        *x < f64::from(v)
                    }
                })
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
enum Prop {
    AtLeast {
        when: Vec<(usize, Constraint)>,
        unless: Vec<(usize, Constraint)>,
        urgency: Urgency,
    },
    /// Chains of answers from better to worse, or numbers from `from` on.
    Worse {
        question: usize,
        order: Option<Vec<&'static str>>,
        from: Option<i32>,
        lower: bool,
    },
}

#[derive(Debug, Clone)]
struct Generated {
    kinds: Vec<Kind>,
    text: String,
    props: Vec<Prop>,
}

fn generate(seed: u64) -> Generated {
    let mut g = Gen(seed | 1);
    let count = 2 + g.below(3);
    let mut kinds = Vec::new();
    let mut numbers = 0;
    for _ in 0..count {
        let kind = match g.below(4) {
            0 => Kind::YesNo,
            1 => Kind::YesNoUnsure,
            2 => Kind::Choice,
            // Two numeric questions at most keep brute force small.
            _ if numbers < 2 => {
                numbers += 1;
                Kind::Number {
                    whole: g.chance(40),
                }
            }
            _ => Kind::YesNo,
        };
        kinds.push(kind);
    }
    let mut text = String::from(HEADER);
    for (i, k) in kinds.iter().enumerate() {
        let _ = match k {
            Kind::YesNo => write!(text, "{}", yes_no_question(&format!("q{i}"))),
            Kind::YesNoUnsure => write!(
                text,
                "\n[[question]]\nid = \"q{i}\"\nlabel = \"q{i}\"\nkind = \"yes_no_unsure\"\nunsure_counts_as = \"yes\"\nparent = \"So?\"\n"
            ),
            Kind::Choice => write!(
                text,
                "\n[[question]]\nid = \"q{i}\"\nlabel = \"q{i}\"\nkind = \"choice\"\nparent = \"Which?\"\nchoices = [{{ id = \"a\", parent = \"A\" }}, {{ id = \"b\", parent = \"B\" }}, {{ id = \"c\", parent = \"C\" }}]\n"
            ),
            Kind::Number { whole } => write!(
                text,
                "{}",
                number_question(
                    &format!("q{i}"),
                    &format!("min = 0\nmax = 10{}", if *whole { "\nwhole = true" } else { "" })
                )
            ),
        };
    }
    let mut used_outcomes: Vec<Urgency> = Vec::new();
    let steps = if g.chance(50) {
        tree_steps(&mut g, &kinds, &mut used_outcomes)
    } else {
        layered_steps(&mut g, &kinds, &mut used_outcomes)
    };
    text.push_str(&steps);
    let ids: Vec<&str> = used_outcomes.iter().map(|u| u.id()).collect();
    text.push_str(&outcomes_used(&ids));

    let mut props = Vec::new();
    for p in 0..1 + g.below(4) {
        let prop = if g.chance(55) {
            let when = (0..1 + g.below(2))
                .map(|_| random_constraint(&mut g, &kinds))
                .collect();
            let unless = if g.chance(40) {
                vec![random_constraint(&mut g, &kinds)]
            } else {
                Vec::new()
            };
            Prop::AtLeast {
                when,
                unless,
                urgency: g.urgency(),
            }
        } else {
            let question = g.below(kinds.len());
            match &kinds[question] {
                Kind::Choice => {
                    let mut order = vec!["a", "b", "c"];
                    let drop = g.below(4);
                    if drop < 3 {
                        order.remove(drop);
                    }
                    if g.chance(50) {
                        order.reverse();
                    }
                    Prop::Worse {
                        question,
                        order: Some(order),
                        from: None,
                        lower: false,
                    }
                }
                Kind::Number { .. } => Prop::Worse {
                    question,
                    order: None,
                    from: g.chance(50).then(|| g.below(12) as i32),
                    lower: g.chance(30),
                },
                _ => Prop::Worse {
                    question,
                    order: None,
                    from: None,
                    lower: false,
                },
            }
        };
        let _ = write!(text, "\n[[property]]\nname = \"p{p}\"\n");
        let _ = match &prop {
            Prop::AtLeast {
                when,
                unless,
                urgency,
            } => {
                let table = |list: &Vec<(usize, Constraint)>| {
                    // One constraint per question in a TOML table.
                    let mut seen = BTreeMap::new();
                    for (q, c) in list {
                        seen.entry(*q).or_insert_with(|| c.toml());
                    }
                    seen.iter()
                        .map(|(q, c)| format!("q{q} = {c}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut s = format!("when = {{ {} }}\n", table(when));
                if !unless.is_empty() {
                    let _ = writeln!(s, "unless = {{ {} }}", table(unless));
                }
                writeln!(text, "{s}at_least = \"{}\"", urgency.id())
            }
            Prop::Worse {
                question,
                order,
                from,
                lower,
            } => {
                let mut s = format!("worse = \"q{question}\"\n");
                if let Some(order) = order {
                    let list: Vec<String> = order.iter().map(|a| format!("\"{a}\"")).collect();
                    let _ = writeln!(s, "order = [{}]", list.join(", "));
                }
                if let Some(from) = from {
                    let _ = writeln!(s, "from = {from}");
                }
                if *lower {
                    s.push_str("worse_is = \"lower\"\n");
                }
                write!(text, "{s}")
            }
        };
        props.push(dedup_constraints(prop));
    }
    Generated { kinds, text, props }
}

/// A tree, built top down: a step asks a question not yet asked on its
/// path, or the path ends in an outcome.
fn tree_steps(g: &mut Gen, kinds: &[Kind], used_outcomes: &mut Vec<Urgency>) -> String {
    let mut steps = String::new();
    let mut next_step = 0usize;
    let leaf = |g: &mut Gen, used: &mut Vec<Urgency>| -> String {
        let u = g.urgency();
        if !used.contains(&u) {
            used.push(u);
        }
        format!("o_{}", u.id())
    };
    let mut todo: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new())];
    next_step += 1;
    while let Some((id, asked)) = todo.pop() {
        let free: Vec<usize> = (0..kinds.len()).filter(|q| !asked.contains(q)).collect();
        let q = free[g.below(free.len())];
        let mut asked_here = asked.clone();
        asked_here.push(q);
        let mut target = |g: &mut Gen, todo: &mut Vec<(usize, Vec<usize>)>| -> String {
            let deeper = asked_here.len() < kinds.len() && g.chance(45);
            if deeper {
                let n = next_step;
                next_step += 1;
                todo.push((n, asked_here.clone()));
                format!("s{n}")
            } else {
                leaf(g, used_outcomes)
            }
        };
        let _ = write!(steps, "\n[[step]]\nid = \"s{id}\"\nask = \"q{q}\"\n");
        match &kinds[q] {
            Kind::YesNo | Kind::YesNoUnsure => {
                let yes = target(g, &mut todo);
                let no = target(g, &mut todo);
                let _ = write!(steps, "yes = \"{yes}\"\nno = \"{no}\"\n");
            }
            Kind::Choice => {
                let a = target(g, &mut todo);
                let b = target(g, &mut todo);
                let c = target(g, &mut todo);
                let _ = writeln!(steps, "on = {{ a = \"{a}\", b = \"{b}\", c = \"{c}\" }}");
            }
            Kind::Number { .. } => {
                // One or two whole thresholds, each end open or closed.
                let t1 = 1 + g.below(8) as i32;
                let two = g.chance(50) && t1 < 9;
                let (low_up, high_low) = if g.chance(50) {
                    ("below", "at_least")
                } else {
                    ("at_most", "above")
                };
                let first = target(g, &mut todo);
                let _ = write!(
                    steps,
                    "ranges = [\n  {{ {low_up} = {t1}, next = \"{first}\" }},\n"
                );
                if two {
                    let t2 = t1 + 1 + g.below((9 - t1) as usize) as i32;
                    let (mid_up, top_low) = if g.chance(50) {
                        ("below", "at_least")
                    } else {
                        ("at_most", "above")
                    };
                    let mid = target(g, &mut todo);
                    let top = target(g, &mut todo);
                    let _ = write!(
                        steps,
                        "  {{ {high_low} = {t1}, {mid_up} = {t2}, next = \"{mid}\" }},\n  {{ {top_low} = {t2}, next = \"{top}\" }},\n]\n"
                    );
                } else {
                    let top = target(g, &mut todo);
                    let _ = write!(steps, "  {{ {high_low} = {t1}, next = \"{top}\" }},\n]\n");
                }
            }
        }
    }
    steps
}

/// Steps in a row, step i asking question i, each branch going to a later
/// step or an outcome: paths share steps (the walks of a comparison meet
/// again), and no path can ask a question twice.
fn layered_steps(g: &mut Gen, kinds: &[Kind], used_outcomes: &mut Vec<Urgency>) -> String {
    let m = kinds.len();
    let mut steps = String::new();
    for (i, kind) in kinds.iter().enumerate() {
        let mut first = true;
        let mut target = |g: &mut Gen| -> String {
            // The first branch keeps the next step reachable.
            let forced = std::mem::replace(&mut first, false);
            if i + 1 < m && (forced || g.chance(50)) {
                let j = if forced {
                    i + 1
                } else {
                    i + 1 + g.below(m - i - 1)
                };
                format!("s{j}")
            } else {
                let u = g.urgency();
                if !used_outcomes.contains(&u) {
                    used_outcomes.push(u);
                }
                format!("o_{}", u.id())
            }
        };
        let _ = write!(steps, "\n[[step]]\nid = \"s{i}\"\nask = \"q{i}\"\n");
        match kind {
            Kind::YesNo | Kind::YesNoUnsure => {
                let yes = target(g);
                let no = target(g);
                let _ = write!(steps, "yes = \"{yes}\"\nno = \"{no}\"\n");
            }
            Kind::Choice => {
                let a = target(g);
                let b = target(g);
                let c = target(g);
                let _ = writeln!(steps, "on = {{ a = \"{a}\", b = \"{b}\", c = \"{c}\" }}");
            }
            Kind::Number { .. } => {
                let t = 1 + g.below(8) as i32;
                let low = target(g);
                let high = target(g);
                let _ = write!(
                    steps,
                    "ranges = [\n  {{ below = {t}, next = \"{low}\" }},\n  {{ at_least = {t}, next = \"{high}\" }},\n]\n"
                );
            }
        }
    }
    steps
}

/// The TOML table keeps the first constraint given for a question; so does
/// brute force.
fn dedup_constraints(prop: Prop) -> Prop {
    let keep_first = |list: Vec<(usize, Constraint)>| {
        let mut out: Vec<(usize, Constraint)> = Vec::new();
        for (q, c) in list {
            if !out.iter().any(|(seen, _)| *seen == q) {
                out.push((q, c));
            }
        }
        out
    };
    match prop {
        Prop::AtLeast {
            when,
            unless,
            urgency,
        } => Prop::AtLeast {
            when: keep_first(when),
            unless: keep_first(unless),
            urgency,
        },
        other => other,
    }
}

fn random_constraint(g: &mut Gen, kinds: &[Kind]) -> (usize, Constraint) {
    let q = g.below(kinds.len());
    let c = match &kinds[q] {
        Kind::YesNo => Constraint::Answers(if g.chance(50) {
            vec!["yes"]
        } else {
            vec!["no"]
        }),
        Kind::YesNoUnsure => Constraint::Answers(match g.below(3) {
            0 => vec!["yes", "unsure"],
            1 => vec!["no"],
            _ => vec!["unsure"],
        }),
        Kind::Choice => Constraint::Answers(match g.below(3) {
            0 => vec!["a"],
            1 => vec!["b", "c"],
            _ => vec!["c"],
        }),
        Kind::Number { .. } => {
            // Now and then outside 0-10: a property no answer can match.
            let lo = g.below(13) as i32;
            let lower = g.chance(70).then(|| (lo, g.chance(50)));
            let upper = if lower.is_none() || g.chance(40) {
                let hi = lower.map_or(0, |(l, _)| l) + 1 + g.below(6) as i32;
                Some((hi, g.chance(50)))
            } else {
                None
            };
            Constraint::Range { lower, upper }
        }
    };
    (q, c)
}

/// What brute force finds for each property: holds, fails or vacuous.
fn brute_force(generated: &Generated, rules: &Rules) -> Vec<PropertyStatus> {
    let values: Vec<Vec<RawAnswer>> = generated.kinds.iter().map(Kind::values).collect();
    let n = values.len();
    // Every combination, as an index per question, with its urgency and
    // the questions its walk asked.
    let mut results: BTreeMap<Vec<usize>, (Urgency, Vec<String>)> = BTreeMap::new();
    let mut combo = vec![0usize; n];
    loop {
        let mut answers = Answers::new();
        for (q, &k) in combo.iter().enumerate() {
            answers
                .insert(rules, &format!("q{q}"), &values[q][k])
                .unwrap_or_else(|e| panic!("brute force answer refused: {e}"));
        }
        let a = lactriage::engine::assess(rules, &answers).expect("every answer is given");
        let asked = a.path.iter().map(|s| s.question.id.clone()).collect();
        results.insert(combo.clone(), (a.urgency, asked));
        // Next combination.
        let mut i = 0;
        loop {
            if i == n {
                return judge(generated, &values, &results);
            }
            combo[i] += 1;
            if combo[i] < values[i].len() {
                break;
            }
            combo[i] = 0;
            i += 1;
        }
    }
}

fn judge(
    generated: &Generated,
    values: &[Vec<RawAnswer>],
    results: &BTreeMap<Vec<usize>, (Urgency, Vec<String>)>,
) -> Vec<PropertyStatus> {
    generated
        .props
        .iter()
        .map(|prop| match prop {
            Prop::AtLeast {
                when,
                unless,
                urgency,
            } => {
                let applies = |combo: &Vec<usize>| {
                    let meets = |list: &Vec<(usize, Constraint)>| {
                        list.iter().all(|(q, c)| c.allows(&values[*q][combo[*q]]))
                    };
                    // An empty unless excepts nothing.
                    meets(when) && (unless.is_empty() || !meets(unless))
                };
                let matching: Vec<&Vec<usize>> = results.keys().filter(|c| applies(c)).collect();
                if matching.is_empty() {
                    PropertyStatus::Vacuous
                } else if matching.iter().any(|c| results[*c].0 < *urgency) {
                    PropertyStatus::Fails
                } else {
                    PropertyStatus::Holds
                }
            }
            Prop::Worse {
                question,
                order,
                from,
                lower,
            } => {
                let q = *question;
                // Pairs of answers (better, worse), by index into values[q].
                let index = |name: &str| {
                    values[q]
                        .iter()
                        .position(|v| matches!(v, RawAnswer::Text(t) if t == name))
                };
                let pairs: Vec<(usize, usize)> = match (&generated.kinds[q], order) {
                    (_, Some(order)) => order
                        .windows(2)
                        .filter_map(|w| Some((index(w[0])?, index(w[1])?)))
                        .collect(),
                    (Kind::YesNo, None) => vec![(0, 1)],
                    (Kind::YesNoUnsure, None) => vec![(0, 1), (0, 2)],
                    (Kind::Number { .. }, None) => {
                        let mut numbered: Vec<(f64, usize)> = values[q]
                            .iter()
                            .enumerate()
                            .filter_map(|(k, v)| match v {
                                RawAnswer::Number(x) => Some((*x, k)),
                                _ => None,
                            })
                            .filter(|(x, _)| {
                                from.is_none_or(|f| {
                                    if *lower {
                                        *x <= f64::from(f)
                                    } else {
                                        *x >= f64::from(f)
                                    }
                                })
                            })
                            .collect();
                        numbered.sort_by(|a, b| a.0.total_cmp(&b.0));
                        if *lower {
                            numbered.reverse();
                        }
                        numbered.windows(2).map(|w| (w[0].1, w[1].1)).collect()
                    }
                    (Kind::Choice, None) => Vec::new(),
                };
                let id = format!("q{q}");
                let asked = results.values().any(|(_, asked)| asked.contains(&id));
                if pairs.is_empty() || !asked {
                    return PropertyStatus::Vacuous;
                }
                let lowers = results.iter().any(|(combo, (u, _))| {
                    pairs.iter().any(|&(better, worse)| {
                        if combo[q] != better {
                            return false;
                        }
                        let mut other = combo.clone();
                        other[q] = worse;
                        results[&other].0 < *u
                    })
                });
                if lowers {
                    PropertyStatus::Fails
                } else {
                    PropertyStatus::Holds
                }
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// On every generated file that loads, `rules check` and brute force
    /// over every answer combination agree on each property: it holds, it
    /// fails, or it constrains nothing.
    #[test]
    fn check_agrees_with_brute_force_on_generated_rules(seed in any::<u64>()) {
        let generated = generate(seed);
        let rules = match Rules::parse(&generated.text, "generated.toml") {
            Ok(rules) => rules,
            Err(e) => panic!("a generated file must load: {e}\n--- file ---\n{}", generated.text),
        };
        let report = check(&rules);
        let proved: Vec<PropertyStatus> = report.properties.iter().map(|p| p.status).collect();
        let brute = brute_force(&generated, &rules);
        prop_assert_eq!(&proved, &brute, "seed {}\n--- file ---\n{}\n--- report ---\n{:?}", seed, generated.text, report.failures);
    }
}

// ---------------------------------------------------------------------------
// Cost follows the size of the tree, not its number of paths.
// ---------------------------------------------------------------------------

#[path = "../benches/shapes.rs"]
mod shapes;

/// 2^40 paths in 13 KB: once more than 8 GB. Checked and compared with
/// itself, and a property that fails deep in it has a concrete
/// counterexample.
#[test]
fn a_diamond_of_40_stages_is_checked_and_compared() {
    let rules = load(&shapes::diamond(40, false));
    let report = check(&rules);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    // Two ways through each stage (a detour whose answers both go on is one
    // way), and two at the end: 2^41.
    assert_eq!(report.paths.to_string(), "2199023255552");
    let same = lactriage::analysis::diff::diff(&rules, &rules, &[]).expect("comparable");
    assert!(same.groups.is_empty());
    assert_eq!(
        same.combinations.to_string(),
        (0..81)
            .map(|_| lactriage::analysis::count::Count::from(2u64))
            .product::<lactriage::analysis::count::Count>()
            .to_string()
    );

    let rules = load(&shapes::diamond(40, true));
    let report = check(&rules);
    let failure = report
        .failures
        .iter()
        .find(|f| f.what == "property 'p39 never lowers' fails")
        .unwrap_or_else(|| panic!("{:?}", report.failures));
    // Both answer sets, run, give what the failure says.
    let run = |line: &str| {
        let mut answers = Answers::new();
        for pair in line.split("--set ").skip(1) {
            let (id, value) = pair.trim().split_once('=').expect("ID=VALUE");
            answers
                .insert(&rules, id, &RawAnswer::Text(value.to_string()))
                .expect("an accepted answer");
        }
        lactriage::engine::assess(&rules, &answers)
            .expect("a result")
            .urgency
    };
    assert_eq!(run(&failure.reproduce[0]), Urgency::Today);
    assert_eq!(run(&failure.reproduce[1]), Urgency::SelfCare);
    assert!(
        failure.reproduce[1].contains("--set p39=yes"),
        "{failure:?}"
    );
}

/// A 10,000-step chain: once 26 s and 5.9 GB.
#[test]
fn a_chain_of_10000_steps_is_checked() {
    let rules = load(&shapes::chain(10_000));
    let report = check(&rules);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.paths.to_string(), "10001");
}

/// Thousands of problems in one file: each is found, the first hundred are
/// shown, and the rest counted (20,000 once took 89 s to print).
#[test]
fn thousands_of_load_problems_are_counted_not_all_printed() {
    let text = shapes::chain(2_000).replace("ask = \"q", "ask = \"x");
    let e = match Rules::parse(&text, "broken.toml") {
        Ok(_) => panic!("a broken file loaded"),
        Err(e) => e,
    };
    assert_eq!(e.problems.len(), 2_000);
    let shown = e.to_string();
    assert!(shown.starts_with("the rules file broken.toml cannot be used (2000 problems):"));
    assert_eq!(shown.lines().count(), 1 + 100 + 1, "{shown}");
    assert!(shown.ends_with("\n  ... and 1900 more"), "{shown}");
}

/// A question one file only records at intake and the other asks: compared
/// over all its answers, not the single class an intake question has.
#[test]
fn diff_compares_a_question_that_one_file_records_only_at_intake() {
    let with = |m_asked: bool| {
        let mut text = format!("{HEADER}{}", yes_no_question("q0"));
        text.push_str(&yes_no_question("m").replace(
            "parent = \"Is it so?\"\n",
            if m_asked {
                "parent = \"Is it so?\"\n"
            } else {
                "parent = \"Is it so?\"\nintake = true\n"
            },
        ));
        if m_asked {
            text.push_str("\n[[step]]\nid = \"s0\"\nask = \"q0\"\nyes = \"s1\"\nno = \"o_self_care\"\n\n[[step]]\nid = \"s1\"\nask = \"m\"\nyes = \"o_today\"\nno = \"o_self_care\"\n");
        } else {
            text.push_str(
                "\n[[step]]\nid = \"s0\"\nask = \"q0\"\nyes = \"o_today\"\nno = \"o_self_care\"\n",
            );
        }
        text.push_str(&outcomes_used(&["today", "self_care"]));
        load(&text)
    };
    let (old, new) = (with(false), with(true));
    let report = lactriage::analysis::diff::diff(&old, &new, &[]).expect("comparable");
    assert_eq!(report.combinations.to_string(), "4");
    assert_eq!(report.groups.len(), 1, "{:?}", report.groups);
    // q0 yes and m no: today before, self-care now.
    assert_eq!(report.groups[0].combinations.to_string(), "1");
    assert!(report.groups[0].lowers_urgency());
}

/// A property about an intake question is refused: the tree never asks it.
#[test]
fn a_property_about_an_intake_question_is_refused() {
    let text = format!(
        "{}{}\n[[property]]\nname = \"p\"\nwhen = {{ m = [\"yes\"] }}\nat_least = \"today\"\n",
        threshold_file("5", "self_care", "today", ""),
        yes_no_question("m").replace(
            "parent = \"Is it so?\"\n",
            "parent = \"Is it so?\"\nintake = true\n"
        ),
    );
    let e = load_error(&text);
    assert!(
        e.contains("property 'p' names 'm', an intake question"),
        "{e}"
    );
}

/// A whole-number question with no whole number between its min and max
/// could accept no answer; its steps would silently drop combinations.
#[test]
fn a_question_that_accepts_no_answer_is_refused() {
    let text = threshold_file("5", "self_care", "today", "").replace(
        "unit = \"units\"",
        "unit = \"units\"\nwhole = true\nmin = 0.2\nmax = 0.8",
    );
    let e = load_error(&text);
    assert!(
        e.contains("no whole number lies between min and max"),
        "{e}"
    );
}
