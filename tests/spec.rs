//! The default rules against the triage specification.
//!
//! `oracle` restates the specification's decision order in plain Rust. The
//! engine, walking the TOML tree, must agree with it on a grid that puts
//! values on both sides of every threshold; the safety properties are then
//! checked on the engine's own results. Named tests below spell out each
//! boundary for a reader.

use std::collections::HashSet;

use lactriage::answers::{Answer, Answers, RawAnswer};
use lactriage::engine;
use lactriage::rules::{Rules, Urgency};

use crate::harness::BASELINE;

fn rules() -> Rules {
    Rules::builtin().expect("the built-in rules load")
}

/// `(urgency, condition)` for the baseline answers with `overrides`.
fn result_of(rules: &Rules, overrides: &[(&str, &str)]) -> (Urgency, String) {
    let mut answers = Answers::new();
    for (id, value) in BASELINE.iter().chain(overrides) {
        answers
            .insert(rules, id, &RawAnswer::Text(value.to_string()))
            .unwrap_or_else(|e| panic!("{id}={value}: {e}"));
    }
    let result = engine::assess(rules, &answers).expect("a result");
    (result.urgency, result.condition.id.clone())
}

fn check(overrides: &[(&str, &str)], urgency: Urgency, condition: &str) {
    let rules = rules();
    let got = result_of(&rules, overrides);
    assert_eq!(
        got,
        (urgency, condition.to_string()),
        "answers: baseline with {overrides:?}"
    );
}

use Urgency::{Emergency, SelfCare, Today, Within24h, WithinDays};

// ---------------------------------------------------------------------------
// The oracle: the specification's decision order, step by step.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Case {
    sepsis: bool,
    skin: bool,
    abscess: bool,
    antibiotics_hours: f64,
    lactating: bool,
    lump: bool,
    redness: u8, // 0 none, 1 small, 2 spreading
    /// °C, or None when not measured.
    temperature: Option<f64>,
    feels_feverish: bool,
    flu_like: bool,
    duration_hours: f64,
    trend: u8, // 0 better, 1 same, 2 worse
    risk_factors: bool,
    nipple_damage: bool,
    recurrent: bool,
}

fn oracle(c: &Case) -> (Urgency, &'static str) {
    let fever = match c.temperature {
        Some(t) => t >= 38.0,
        None => c.feels_feverish,
    };
    let low = c.temperature.is_some_and(|t| t < 36.0);
    let systemic = fever || low || c.flu_like;
    let breast_signs = c.lump || c.redness > 0;
    let worse = c.trend == 2;
    let better = c.trend == 0;

    if c.sepsis {
        return (Emergency, "sepsis_warning");
    }
    if c.skin {
        return (Emergency, "severe_skin_infection");
    }
    if c.abscess {
        return (Today, "abscess_suspected");
    }
    if c.antibiotics_hours > 0.0 {
        // Step 4 as written, plus its safety property: a systemic sign means
        // today unless getting better (the property exempts only that case
        // under 48 hours, so the rules triage up where step 4 says self_care).
        let today = worse
            || (c.antibiotics_hours >= 48.0 && (!better || systemic))
            || (systemic && !better);
        return (if today { Today } else { SelfCare }, "on_antibiotics");
    }
    if !c.lactating && breast_signs {
        let today = systemic || worse;
        return (if today { Today } else { WithinDays }, "non_lactational");
    }
    if !breast_signs {
        return if systemic {
            (Today, "fever_without_breast_signs")
        } else {
            (SelfCare, "no_signs")
        };
    }
    if systemic {
        let bacterial = c.duration_hours >= 24.0 || worse || c.nipple_damage || c.risk_factors;
        return (
            Today,
            if bacterial {
                "bacterial_mastitis_likely"
            } else {
                "inflammatory_mastitis"
            },
        );
    }
    if c.redness == 2 {
        let today = c.risk_factors || worse || (c.duration_hours >= 24.0 && !better);
        return (
            if today { Today } else { Within24h },
            "inflammatory_mastitis",
        );
    }
    let condition = if c.recurrent {
        "recurrent_ductal_narrowing"
    } else if c.duration_hours >= 168.0 {
        "persistent_lump"
    } else {
        "ductal_narrowing"
    };
    let urgency = if worse {
        Within24h
    } else if c.recurrent || c.duration_hours >= 168.0 || (c.duration_hours >= 72.0 && !better) {
        WithinDays
    } else {
        SelfCare
    };
    (urgency, condition)
}

fn yes_no(b: bool) -> Answer {
    if b {
        Answer::Yes
    } else {
        Answer::No
    }
}

fn to_answers(c: &Case, temperature: &Answer) -> Answers {
    let mut a = Answers::new();
    a.record("sepsis_signs", yes_no(c.sepsis));
    a.record("skin_emergency", yes_no(c.skin));
    a.record("abscess_signs", yes_no(c.abscess));
    a.record("antibiotics_hours", Answer::Number(c.antibiotics_hours));
    a.record("lactating", yes_no(c.lactating));
    a.record("lump", yes_no(c.lump));
    let redness = ["none", "small", "spreading"][usize::from(c.redness)];
    a.record("redness", Answer::Choice(redness.to_string()));
    a.record("temperature", temperature.clone());
    a.record("feels_feverish", yes_no(c.feels_feverish));
    a.record("flu_like", yes_no(c.flu_like));
    a.record("duration_hours", Answer::Number(c.duration_hours));
    let trend = ["better", "same", "worse"][usize::from(c.trend)];
    a.record("trend", Answer::Choice(trend.to_string()));
    a.record("risk_factors", yes_no(c.risk_factors));
    a.record("nipple_damage", yes_no(c.nipple_damage));
    a.record("recurrent", yes_no(c.recurrent));
    a
}

/// Temperatures on both sides of 36.0 and 38.0 °C, including Fahrenheit
/// readings that convert onto the threshold, and "not measured" with each
/// answer to feels_feverish. Ordered from coolest to warmest among readings.
const TEMPERATURES: &[(&str, bool)] = &[
    ("35.9", false),
    ("36.0", false),
    ("37.9", false),
    ("100.3F", false),
    ("38.0", false),
    ("100.4F", false),
    ("not_measured", false),
    ("not_measured", true),
];
const DURATIONS: &[f64] = &[0.0, 23.0, 23.9, 24.0, 71.0, 72.0, 167.0, 168.0];
const ANTIBIOTICS: &[f64] = &[0.0, 0.5, 47.0, 48.0];

/// Every combination of the grid, as (case, temperature answer, grid index).
fn grid(rules: &Rules) -> Vec<(Case, Answer)> {
    let temperature_question = rules.question("temperature").expect("declared");
    let parsed: Vec<(Answer, Option<f64>, bool)> = TEMPERATURES
        .iter()
        .map(|(text, feels)| {
            let answer = lactriage::answers::parse_answer(
                temperature_question,
                &RawAnswer::Text(text.to_string()),
            )
            .expect("a valid reading");
            let celsius = answer.numeric_value();
            (answer, celsius, *feels)
        })
        .collect();
    let mut cases = Vec::new();
    for lactating in [false, true] {
        for lump in [false, true] {
            for redness in 0..3u8 {
                for (temperature, celsius, feels) in &parsed {
                    for flu_like in [false, true] {
                        for &duration_hours in DURATIONS {
                            for trend in 0..3u8 {
                                for &antibiotics_hours in ANTIBIOTICS {
                                    for flags in 0..8u8 {
                                        let case = Case {
                                            sepsis: false,
                                            skin: false,
                                            abscess: false,
                                            antibiotics_hours,
                                            lactating,
                                            lump,
                                            redness,
                                            temperature: *celsius,
                                            feels_feverish: *feels,
                                            flu_like,
                                            duration_hours,
                                            trend,
                                            risk_factors: flags & 1 != 0,
                                            nipple_damage: flags & 2 != 0,
                                            recurrent: flags & 4 != 0,
                                        };
                                        cases.push((case, temperature.clone()));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    cases
}

#[test]
fn engine_matches_the_specification_on_every_grid_point() {
    let rules = rules();
    let mut mismatches = Vec::new();
    let mut conditions = HashSet::new();
    for (case, temperature) in grid(&rules) {
        let answers = to_answers(&case, &temperature);
        let result = engine::assess(&rules, &answers).expect("every grid point has a result");
        let got = (result.urgency, result.condition.id.as_str());
        conditions.insert(result.condition.id.clone());
        let want = oracle(&case);
        if got != want && mismatches.len() < 10 {
            mismatches.push(format!(
                "{case:?} {temperature}: got {got:?}, want {want:?}"
            ));
        }
        // The walk never asks a question twice.
        let mut seen = HashSet::new();
        assert!(result.path.iter().all(|s| seen.insert(&s.question.id)));
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // The grid reaches every condition below the first three steps.
    assert_eq!(conditions.len(), 9, "{conditions:?}");
}

/// Grid points differing in one answer along a "worse" direction never
/// lower the urgency (the specification's monotonicity property).
#[test]
fn making_one_answer_worse_never_lowers_the_urgency() {
    let rules = rules();
    let eval = |case: &Case, temperature: &Answer| {
        engine::assess(&rules, &to_answers(case, temperature))
            .expect("a result")
            .urgency
    };
    let temp_parse = |t: &str| {
        lactriage::answers::parse_answer(
            rules.question("temperature").expect("declared"),
            &RawAnswer::Text(t.to_string()),
        )
        .expect("valid")
    };
    // Measured temperatures from 36.0 °C up, in increasing order.
    let rising: Vec<Answer> = ["36.0", "37.9", "100.3F", "38.0", "100.4F", "41"]
        .iter()
        .map(|t| temp_parse(t))
        .collect();
    let mut checked = 0;
    for (case, temperature) in grid(&rules).into_iter().step_by(3) {
        let base = eval(&case, &temperature);
        let mut worse: Vec<(String, Case, Answer)> = Vec::new();
        let mut push =
            |name: &str, c: Case, t: &Answer| worse.push((name.to_string(), c, t.clone()));
        if case.redness < 2 {
            push(
                "redness",
                Case {
                    redness: case.redness + 1,
                    ..case
                },
                &temperature,
            );
        }
        if case.trend < 2 {
            push(
                "trend",
                Case {
                    trend: case.trend + 1,
                    ..case
                },
                &temperature,
            );
        }
        if let Some(i) = rising.iter().position(|t| *t == temperature) {
            if let Some(next) = rising.get(i + 1) {
                push("temperature", case, next);
            }
        }
        if let Some(i) = DURATIONS.iter().position(|d| *d == case.duration_hours) {
            if let Some(&next) = DURATIONS.get(i + 1) {
                push(
                    "duration",
                    Case {
                        duration_hours: next,
                        ..case
                    },
                    &temperature,
                );
            }
        }
        for (name, flip) in [
            (
                "sepsis",
                Case {
                    sepsis: true,
                    ..case
                },
            ),
            ("skin", Case { skin: true, ..case }),
            (
                "abscess",
                Case {
                    abscess: true,
                    ..case
                },
            ),
            ("lump", Case { lump: true, ..case }),
            (
                "feels_feverish",
                Case {
                    feels_feverish: true,
                    ..case
                },
            ),
            (
                "flu_like",
                Case {
                    flu_like: true,
                    ..case
                },
            ),
            (
                "risk_factors",
                Case {
                    risk_factors: true,
                    ..case
                },
            ),
            (
                "nipple_damage",
                Case {
                    nipple_damage: true,
                    ..case
                },
            ),
            (
                "recurrent",
                Case {
                    recurrent: true,
                    ..case
                },
            ),
        ] {
            push(name, flip, &temperature);
        }
        for (name, c, t) in worse {
            let after = eval(&c, &t);
            assert!(
                after >= base,
                "worse {name} lowered {base} to {after}: {case:?} {temperature}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100_000, "checked {checked}");
}

#[test]
fn systemic_signs_get_today_or_more_except_early_on_antibiotics_and_better() {
    let rules = rules();
    for (case, temperature) in grid(&rules) {
        let systemic = case
            .temperature
            .map_or(case.feels_feverish, |t| !(36.0..38.0).contains(&t))
            || case.flu_like;
        let exempt =
            case.antibiotics_hours > 0.0 && case.antibiotics_hours < 48.0 && case.trend == 0;
        if systemic && !exempt {
            let urgency = engine::assess(&rules, &to_answers(&case, &temperature))
                .expect("a result")
                .urgency;
            assert!(urgency >= Today, "{case:?} {temperature}: {urgency}");
        }
    }
}

#[test]
fn unsure_on_every_warning_sign_counts_as_yes() {
    let rules = rules();
    let cases: Vec<_> = grid(&rules).into_iter().step_by(41).collect();
    for id in [
        "sepsis_signs",
        "skin_emergency",
        "lump",
        "feels_feverish",
        "flu_like",
        "abscess_signs",
    ] {
        for (case, temperature) in &cases {
            let mut unsure = to_answers(case, temperature);
            unsure.record(id, Answer::Unsure);
            let mut yes = to_answers(case, temperature);
            yes.record(id, Answer::Yes);
            let a = engine::assess(&rules, &unsure).expect("a result");
            let b = engine::assess(&rules, &yes).expect("a result");
            assert_eq!(
                (a.urgency, &a.condition.id),
                (b.urgency, &b.condition.id),
                "{id}=unsure differs from yes for {case:?}"
            );
        }
    }
}

#[test]
fn sepsis_and_skin_emergencies_override_everything_else() {
    let rules = rules();
    for (case, temperature) in grid(&rules).into_iter().step_by(17) {
        for (id, condition) in [
            ("sepsis_signs", "sepsis_warning"),
            ("skin_emergency", "severe_skin_infection"),
        ] {
            for answer in [Answer::Yes, Answer::Unsure] {
                let mut answers = to_answers(&case, &temperature);
                answers.record(id, answer);
                let r = engine::assess(&rules, &answers).expect("a result");
                assert_eq!((r.urgency, r.condition.id.as_str()), (Emergency, condition));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Each boundary, by name.
// ---------------------------------------------------------------------------

const SYSTEMIC_LUMP: &[(&str, &str)] = &[("temperature", "38.4")];

#[test]
fn fever_starts_at_38_0_celsius() {
    check(&[("temperature", "37.9")], SelfCare, "ductal_narrowing");
    check(&[("temperature", "38.0")], Today, "inflammatory_mastitis");
    check(&[("temperature", "38.0C")], Today, "inflammatory_mastitis");
}

#[test]
fn fever_starts_at_100_4_fahrenheit() {
    check(&[("temperature", "100.3F")], SelfCare, "ductal_narrowing");
    check(&[("temperature", "100.4F")], Today, "inflammatory_mastitis");
    check(
        &[("temperature", "100.4 °F")],
        Today,
        "inflammatory_mastitis",
    );
    // A bare 100.4 is Fahrenheit.
    check(&[("temperature", "100.4")], Today, "inflammatory_mastitis");
}

#[test]
fn a_low_temperature_below_36_0_counts_as_systemic() {
    check(&[("temperature", "35.9")], Today, "inflammatory_mastitis");
    check(&[("temperature", "36.0")], SelfCare, "ductal_narrowing");
    check(
        &[("temperature", "35.9"), ("lump", "no")],
        Today,
        "fever_without_breast_signs",
    );
}

#[test]
fn without_a_thermometer_feeling_feverish_is_a_fever() {
    check(
        &[("temperature", "not_measured"), ("feels_feverish", "no")],
        SelfCare,
        "ductal_narrowing",
    );
    check(
        &[("temperature", "not_measured"), ("feels_feverish", "yes")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[
            ("temperature", "not_measured"),
            ("feels_feverish", "unsure"),
        ],
        Today,
        "inflammatory_mastitis",
    );
    // With a reading, feeling feverish does not count.
    check(
        &[("temperature", "36.8"), ("feels_feverish", "yes")],
        SelfCare,
        "ductal_narrowing",
    );
}

#[test]
fn mastitis_with_fever_turns_bacterial_at_24_hours() {
    let at = |hours: &'static str| [SYSTEMIC_LUMP[0], ("duration_hours", hours)];
    check(&at("23"), Today, "inflammatory_mastitis");
    check(&at("23.9"), Today, "inflammatory_mastitis");
    check(&at("24"), Today, "bacterial_mastitis_likely");
}

#[test]
fn mastitis_with_fever_turns_bacterial_when_worse_cracked_or_at_risk() {
    check(
        &[SYSTEMIC_LUMP[0], ("trend", "worse")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[SYSTEMIC_LUMP[0], ("nipple_damage", "yes")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[SYSTEMIC_LUMP[0], ("risk_factors", "yes")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[SYSTEMIC_LUMP[0], ("trend", "better")],
        Today,
        "inflammatory_mastitis",
    );
}

#[test]
fn spreading_redness_without_fever_is_within_24h_until_24_hours_not_better() {
    let spreading = ("redness", "spreading");
    check(
        &[spreading, ("duration_hours", "23")],
        Within24h,
        "inflammatory_mastitis",
    );
    check(
        &[spreading, ("duration_hours", "24")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[spreading, ("duration_hours", "24"), ("trend", "better")],
        Within24h,
        "inflammatory_mastitis",
    );
    check(
        &[spreading, ("trend", "worse")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[spreading, ("risk_factors", "yes")],
        Today,
        "inflammatory_mastitis",
    );
}

#[test]
fn a_lump_not_better_goes_to_a_visit_at_72_hours() {
    check(&[("duration_hours", "71")], SelfCare, "ductal_narrowing");
    check(&[("duration_hours", "72")], WithinDays, "ductal_narrowing");
    check(
        &[("duration_hours", "72"), ("trend", "better")],
        SelfCare,
        "ductal_narrowing",
    );
    check(
        &[("duration_hours", "6"), ("trend", "worse")],
        Within24h,
        "ductal_narrowing",
    );
}

#[test]
fn a_lump_becomes_persistent_at_168_hours() {
    check(&[("duration_hours", "167")], WithinDays, "ductal_narrowing");
    check(
        &[("duration_hours", "167"), ("trend", "better")],
        SelfCare,
        "ductal_narrowing",
    );
    check(&[("duration_hours", "168")], WithinDays, "persistent_lump");
    check(
        &[("duration_hours", "168"), ("trend", "better")],
        WithinDays,
        "persistent_lump",
    );
    check(
        &[("duration_hours", "168"), ("trend", "worse")],
        Within24h,
        "persistent_lump",
    );
}

#[test]
fn recurrence_names_the_condition_and_books_a_visit() {
    check(
        &[("recurrent", "yes")],
        WithinDays,
        "recurrent_ductal_narrowing",
    );
    check(
        &[("recurrent", "yes"), ("duration_hours", "200")],
        WithinDays,
        "recurrent_ductal_narrowing",
    );
    check(
        &[("recurrent", "yes"), ("trend", "worse")],
        Within24h,
        "recurrent_ductal_narrowing",
    );
    check(
        &[("recurrent", "yes"), ("redness", "small")],
        WithinDays,
        "recurrent_ductal_narrowing",
    );
}

#[test]
fn antibiotics_are_reviewed_at_48_hours() {
    let on =
        |hours: &'static str, trend: &'static str| [("antibiotics_hours", hours), ("trend", trend)];
    check(&on("47", "same"), SelfCare, "on_antibiotics");
    check(&on("48", "same"), Today, "on_antibiotics");
    check(&on("47", "better"), SelfCare, "on_antibiotics");
    check(&on("48", "better"), SelfCare, "on_antibiotics");
    check(&on("1", "worse"), Today, "on_antibiotics");
    // Past 48 hours, a fever keeps it at today even when better...
    check(
        &[
            on("48", "better")[0],
            on("48", "better")[1],
            ("temperature", "38.2"),
        ],
        Today,
        "on_antibiotics",
    );
    // ...but not before 48 hours.
    check(
        &[
            on("47", "better")[0],
            on("47", "better")[1],
            ("temperature", "38.2"),
        ],
        SelfCare,
        "on_antibiotics",
    );
    // Under 48 hours, a systemic sign without getting better is today: the
    // specification's safety property over its step 4 (triage up).
    check(
        &[
            on("10", "same")[0],
            on("10", "same")[1],
            ("temperature", "38.2"),
        ],
        Today,
        "on_antibiotics",
    );
    check(
        &[
            on("10", "same")[0],
            on("10", "same")[1],
            ("flu_like", "unsure"),
        ],
        Today,
        "on_antibiotics",
    );
    // Zero hours means not taking any.
    check(&on("0", "same"), SelfCare, "ductal_narrowing");
}

#[test]
fn each_step_takes_priority_over_the_next() {
    // 1 over 2.
    check(
        &[("sepsis_signs", "yes"), ("skin_emergency", "yes")],
        Emergency,
        "sepsis_warning",
    );
    // 2 over 3.
    check(
        &[("skin_emergency", "yes"), ("abscess_signs", "yes")],
        Emergency,
        "severe_skin_infection",
    );
    // 3 over 4.
    check(
        &[("abscess_signs", "yes"), ("antibiotics_hours", "10")],
        Today,
        "abscess_suspected",
    );
    // 4 over 5.
    check(
        &[("antibiotics_hours", "10"), ("lactating", "no")],
        SelfCare,
        "on_antibiotics",
    );
    // 5 over 6 and 7.
    check(&[("lactating", "no")], WithinDays, "non_lactational");
    check(
        &[("lactating", "no"), ("temperature", "38.5")],
        Today,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("trend", "worse")],
        Today,
        "non_lactational",
    );
    // Without breast signs, lactating does not matter (6).
    check(&[("lactating", "no"), ("lump", "no")], SelfCare, "no_signs");
    check(
        &[("lactating", "no"), ("lump", "no"), ("flu_like", "yes")],
        Today,
        "fever_without_breast_signs",
    );
    // 7 over 8.
    check(
        &[("redness", "spreading"), ("flu_like", "yes")],
        Today,
        "inflammatory_mastitis",
    );
    // 8 over 9.
    check(
        &[("redness", "spreading"), ("recurrent", "yes")],
        Within24h,
        "inflammatory_mastitis",
    );
    // A small patch of redness without a lump is a breast sign (9).
    check(
        &[("lump", "no"), ("redness", "small")],
        SelfCare,
        "ductal_narrowing",
    );
}

#[test]
fn measured_vitals_at_the_nice_high_risk_limits_are_an_emergency() {
    let sepsis = |id: &'static str, v: &'static str| [(id, v)];
    check(&sepsis("heart_rate", "130"), SelfCare, "ductal_narrowing");
    check(&sepsis("heart_rate", "130.5"), Emergency, "sepsis_warning");
    check(&sepsis("heart_rate", "131"), Emergency, "sepsis_warning");
    check(&sepsis("resp_rate", "24"), SelfCare, "ductal_narrowing");
    check(&sepsis("resp_rate", "25"), Emergency, "sepsis_warning");
    check(&sepsis("systolic_bp", "91"), SelfCare, "ductal_narrowing");
    check(&sepsis("systolic_bp", "90"), Emergency, "sepsis_warning");
    for id in ["heart_rate", "resp_rate", "systolic_bp"] {
        check(&[(id, "not_measured")], SelfCare, "ductal_narrowing");
    }
}

#[test]
fn only_needed_questions_are_asked() {
    let rules = rules();
    let mut answers = Answers::new();
    answers
        .insert(&rules, "sepsis_signs", &RawAnswer::Text("yes".into()))
        .expect("valid");
    let result = engine::assess(&rules, &answers).expect("sepsis alone gives a result");
    let asked: Vec<&str> = result.path.iter().map(|s| s.question.id.as_str()).collect();
    assert_eq!(asked, ["sepsis_signs"]);

    // No breast signs: lactating, duration and trend are never needed.
    let answers = to_answers(
        &Case {
            sepsis: false,
            skin: false,
            abscess: false,
            antibiotics_hours: 0.0,
            lactating: true,
            lump: false,
            redness: 0,
            temperature: Some(36.5),
            feels_feverish: false,
            flu_like: false,
            duration_hours: 0.0,
            trend: 1,
            risk_factors: false,
            nipple_damage: false,
            recurrent: false,
        },
        &Answer::Number(0.0),
    );
    let mut answers = answers;
    answers
        .insert(&rules, "temperature", &RawAnswer::Text("36.5".into()))
        .expect("valid");
    let result = engine::assess(&rules, &answers).expect("a result");
    let asked: HashSet<&str> = result.path.iter().map(|s| s.question.id.as_str()).collect();
    for id in ["lactating", "duration_hours", "trend", "feels_feverish"] {
        assert!(!asked.contains(id), "{id} was asked: {asked:?}");
    }
}
