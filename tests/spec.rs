//! The default rules against the triage specification, version 2
//! (`shared/clinical/triage-spec.md`).
//!
//! `oracle` restates the specification's decision order (steps 1-11 and the
//! derived terms) in plain Rust, written from the specification alone. The
//! engine, walking the TOML tree, must agree with it on several focused
//! grids that put values on both sides of every threshold; each grid is
//! assessed once and its results are shared by the tests below, which check
//! the agreement, every safety property, monotonicity and the questions
//! asked. Named tests spell out each boundary for a reader, and a mutation
//! test makes sure that lowering any urgent outcome is caught.

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

use lactriage::analysis::cases::{parse_cases, run_case, Case as ProjectCase, Verdict};
use lactriage::answers::{parse_temperature, Answer, Answers, RawAnswer};
use lactriage::engine::{self, PathStep};
use lactriage::rules::{QuestionKind, Rules, Urgency};

use crate::harness::{project_file, BASELINE};

use Urgency::{Emergency, SelfCare, Today, Within24h, WithinDays};

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules::builtin().expect("the built-in rules load"))
}

/// `(urgency, condition)` the engine gives for the baseline answers with
/// `overrides` (a later answer for the same question wins, as with `--set`).
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

/// The baseline with `overrides` gets `urgency` and `condition`: first
/// according to the oracle (so that a named test and the oracle can never
/// drift apart), then according to the engine.
fn check(overrides: &[(&str, &str)], urgency: Urgency, condition: &str) {
    let step = check_oracle(overrides, urgency, condition);
    let got = result_of(rules(), overrides);
    assert_eq!(
        got,
        (urgency, condition.to_string()),
        "engine, answers: baseline with {overrides:?} (specification step {step})"
    );
}

/// The oracle's half of [`check`]; returns the step that decides.
fn check_oracle(overrides: &[(&str, &str)], urgency: Urgency, condition: &str) -> u8 {
    let raw: Vec<(&str, RawAnswer)> = BASELINE
        .iter()
        .chain(overrides)
        .map(|(id, value)| (*id, RawAnswer::Text(value.to_string())))
        .collect();
    let case = case_from_answers(raw.iter().map(|(id, r)| (*id, r)))
        .unwrap_or_else(|e| panic!("baseline with {overrides:?}: {e}"));
    let want = oracle(&case);
    assert_eq!(
        (want.urgency, want.condition),
        (urgency, condition),
        "the specification (step {}) disagrees with this test for baseline with {overrides:?}",
        want.step
    );
    want.step
}

/// A vital reading between two whole numbers. The specification does not
/// say whether such a reading is accepted; if the rules accept it, it gets
/// the result of the ranges of [`moderate_vitals`] and [`high_risk_vitals`]
/// (triaged up); if they refuse it, it is never triaged at all.
/// Vitals are whole readings: the rules refuse a fraction as a reading to
/// check (never triaged down); the oracle still says where it would fall.
fn check_fraction(id: &str, value: &str, urgency: Urgency, condition: &str) {
    let refused = Answers::new().insert(rules(), id, &RawAnswer::Text(value.to_string()));
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("a whole number")),
        "{id}={value}: {refused:?}"
    );
    check_oracle(&[(id, value)], urgency, condition);
}

// ---------------------------------------------------------------------------
// An answer set, and the oracle: the specification's decision order.
// ---------------------------------------------------------------------------

/// A temperature answer: a reading (°C, or °F when `fahrenheit`) or not
/// measured, and the answer to feels_feverish.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Temp {
    reading: Option<f64>,
    fahrenheit: bool,
    feels: bool,
}

impl Temp {
    /// In °C. Readings have one decimal at most, so °F converts exactly in
    /// tenths: 100.4 °F is 38.0 °C, as the specification says.
    fn celsius(self) -> Option<f64> {
        self.reading.map(|r| {
            if self.fahrenheit {
                ((r * 10.0).round() - 320.0) * 5.0 / 90.0
            } else {
                r
            }
        })
    }

    fn text(self) -> String {
        match self.reading {
            None => "not_measured".to_string(),
            Some(r) if self.fahrenheit => format!("{r:.1}F"),
            Some(r) => format!("{r:.1}"),
        }
    }
}

const fn celsius(r: f64) -> Temp {
    Temp {
        reading: Some(r),
        fahrenheit: false,
        feels: false,
    }
}

const fn fahrenheit(r: f64) -> Temp {
    Temp {
        reading: Some(r),
        fahrenheit: true,
        feels: false,
    }
}

const NOT_MEASURED: Temp = Temp {
    reading: None,
    fahrenheit: false,
    feels: false,
};

const FEELS_FEVERISH: Temp = Temp {
    reading: None,
    fahrenheit: false,
    feels: true,
};

/// One full answer set. Warning-sign answers are booleans: "unsure" counts
/// as yes, which a test of its own checks on the engine.
#[derive(Clone, Copy, Debug)]
struct Case {
    sepsis: bool,
    skin: bool,
    abscess: bool,
    antibiotics_hours: f64,
    lactating: bool,
    lump: bool,
    lump_features: bool,
    both_breasts: bool,
    redness: u8, // 0 none, 1 small, 2 spreading, 3 streaks
    temperature: Temp,
    recent_fever: bool,
    flu_like: bool,
    duration_hours: f64,
    trend: u8, // 0 better, 1 same, 2 worse
    risk_factors: bool,
    nipple_damage: bool,
    recurrent: bool,
    /// Consultant vitals; None is not measured (and is left out: not given,
    /// a vital counts as not measured).
    heart_rate: Option<f64>,
    resp_rate: Option<f64>,
    systolic_bp: Option<f64>,
}

/// The baseline of `harness::BASELINE`: the classic ductal narrowing.
const BASE: Case = Case {
    sepsis: false,
    skin: false,
    abscess: false,
    antibiotics_hours: 0.0,
    lactating: true,
    lump: true,
    lump_features: false,
    both_breasts: false,
    redness: 0,
    temperature: celsius(36.9),
    recent_fever: false,
    flu_like: false,
    duration_hours: 6.0,
    trend: 1,
    risk_factors: false,
    nipple_damage: false,
    recurrent: false,
    heart_rate: None,
    resp_rate: None,
    systolic_bp: None,
};

const REDNESS: [&str; 4] = ["none", "small", "spreading", "streaks"];
const TREND: [&str; 3] = ["better", "same", "worse"];

/// The questions every full answer set gives (the vitals are optional).
const FULL_ANSWER_SET: [&str; 18] = [
    "sepsis_signs",
    "skin_emergency",
    "abscess_signs",
    "antibiotics_hours",
    "lactating",
    "lump",
    "lump_features",
    "both_breasts",
    "redness",
    "temperature",
    "feels_feverish",
    "recent_fever",
    "flu_like",
    "duration_hours",
    "trend",
    "risk_factors",
    "nipple_damage",
    "recurrent",
];

fn number(x: f64) -> String {
    format!("{x}")
}

impl Case {
    /// The answers as `--set` would take them.
    fn answer_texts(&self) -> Vec<(&'static str, String)> {
        let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
        let mut answers = vec![
            ("sepsis_signs", yn(self.sepsis)),
            ("skin_emergency", yn(self.skin)),
            ("abscess_signs", yn(self.abscess)),
            ("antibiotics_hours", number(self.antibiotics_hours)),
            ("lactating", yn(self.lactating)),
            ("lump", yn(self.lump)),
            ("lump_features", yn(self.lump_features)),
            ("both_breasts", yn(self.both_breasts)),
            ("redness", REDNESS[usize::from(self.redness)].to_string()),
            ("temperature", self.temperature.text()),
            ("feels_feverish", yn(self.temperature.feels)),
            ("recent_fever", yn(self.recent_fever)),
            ("flu_like", yn(self.flu_like)),
            ("duration_hours", number(self.duration_hours)),
            ("trend", TREND[usize::from(self.trend)].to_string()),
            ("risk_factors", yn(self.risk_factors)),
            ("nipple_damage", yn(self.nipple_damage)),
            ("recurrent", yn(self.recurrent)),
        ];
        for (id, value) in [
            ("heart_rate", self.heart_rate),
            ("resp_rate", self.resp_rate),
            ("systolic_bp", self.systolic_bp),
        ] {
            if let Some(x) = value {
                answers.push((id, number(x)));
            }
        }
        answers
    }

    /// `id=value ...`, to read or to paste after `--set`.
    fn describe(&self) -> String {
        self.answer_texts()
            .iter()
            .map(|(id, v)| format!("{id}={v}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The answers, as the prompt records them; the temperature is read by
    /// the library's own parser (its conversion to °C is under test).
    /// Recording skips the per-answer checks of an answers file, which would
    /// make the grids several times slower; `check` and the case files go
    /// through them.
    fn answers(&self) -> Answers {
        let flag = |b: bool| if b { Answer::Yes } else { Answer::No };
        let choice = |s: &str| Answer::Choice(s.to_string());
        let temperature = match self.temperature.reading {
            None => Answer::NotMeasured,
            Some(_) => parse_temperature(&RawAnswer::Text(self.temperature.text()))
                .unwrap_or_else(|e| panic!("{}: {e}", self.temperature.text())),
        };
        let mut a = Answers::new();
        a.record("sepsis_signs", flag(self.sepsis));
        a.record("skin_emergency", flag(self.skin));
        a.record("abscess_signs", flag(self.abscess));
        a.record("antibiotics_hours", Answer::Number(self.antibiotics_hours));
        a.record("lactating", flag(self.lactating));
        a.record("lump", flag(self.lump));
        a.record("lump_features", flag(self.lump_features));
        a.record("both_breasts", flag(self.both_breasts));
        a.record("redness", choice(REDNESS[usize::from(self.redness)]));
        a.record("temperature", temperature);
        a.record("feels_feverish", flag(self.temperature.feels));
        a.record("recent_fever", flag(self.recent_fever));
        a.record("flu_like", flag(self.flu_like));
        a.record("duration_hours", Answer::Number(self.duration_hours));
        a.record("trend", choice(TREND[usize::from(self.trend)]));
        a.record("risk_factors", flag(self.risk_factors));
        a.record("nipple_damage", flag(self.nipple_damage));
        a.record("recurrent", flag(self.recurrent));
        for (id, value) in [
            ("heart_rate", self.heart_rate),
            ("resp_rate", self.resp_rate),
            ("systolic_bp", self.systolic_bp),
        ] {
            if let Some(x) = value {
                a.record(id, Answer::Number(x));
            }
        }
        a
    }

    /// The same answers, each checked by the rules as an answers file is.
    fn checked_answers(&self) -> Answers {
        let rules = rules();
        let mut answers = Answers::new();
        for (id, value) in self.answer_texts() {
            answers
                .insert(rules, id, &RawAnswer::Text(value.clone()))
                .unwrap_or_else(|e| panic!("{id}={value}: {e}"));
        }
        answers
    }
}

/// Reads an answer set as given to the engine (a case file, or the baseline
/// with overrides) into a [`Case`]; every question of a full answer set must
/// be there. Later answers for the same question win.
fn case_from_answers<'a>(
    answers: impl Iterator<Item = (&'a str, &'a RawAnswer)>,
) -> Result<Case, String> {
    fn text(raw: &RawAnswer) -> String {
        match raw {
            RawAnswer::Text(t) => t.trim().to_ascii_lowercase(),
            RawAnswer::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
            RawAnswer::Number(x) => number(*x),
        }
    }
    fn flag(id: &str, raw: &RawAnswer) -> Result<bool, String> {
        match text(raw).as_str() {
            "yes" | "unsure" => Ok(true),
            "no" => Ok(false),
            other => Err(format!("{id}={other}: not yes, no or unsure")),
        }
    }
    fn num(id: &str, raw: &RawAnswer) -> Result<f64, String> {
        match raw {
            RawAnswer::Number(x) => Ok(*x),
            other => text(other)
                .parse()
                .map_err(|_| format!("{id}={other}: not a number")),
        }
    }
    fn vital(id: &str, raw: &RawAnswer) -> Result<Option<f64>, String> {
        match text(raw).as_str() {
            "not_measured" | "not measured" => Ok(None),
            _ => num(id, raw).map(Some),
        }
    }
    fn index(id: &str, raw: &RawAnswer, of: &[&str]) -> Result<u8, String> {
        let t = text(raw);
        of.iter()
            .position(|c| *c == t)
            .map(|i| i as u8)
            .ok_or_else(|| format!("{id}={t}: not one of {of:?}"))
    }
    fn temperature(raw: &RawAnswer) -> Result<Temp, String> {
        let t = text(raw);
        if t == "not_measured" || t == "not measured" {
            return Ok(NOT_MEASURED);
        }
        let (body, unit) = if let Some(b) = t.strip_suffix('f') {
            (b, Some(true))
        } else if let Some(b) = t.strip_suffix('c') {
            (b, Some(false))
        } else {
            (t.as_str(), None)
        };
        let body = body.trim().trim_end_matches('°').trim();
        let r: f64 = body
            .parse()
            .map_err(|_| format!("temperature={t}: not a reading"))?;
        Ok(Temp {
            reading: Some(r),
            fahrenheit: unit.unwrap_or(r >= 86.0),
            feels: false,
        })
    }

    let mut c = BASE;
    let mut feels = false;
    let mut given = HashSet::new();
    for (id, raw) in answers {
        given.insert(id.to_string());
        match id {
            "sepsis_signs" => c.sepsis = flag(id, raw)?,
            "skin_emergency" => c.skin = flag(id, raw)?,
            "abscess_signs" => c.abscess = flag(id, raw)?,
            "antibiotics_hours" => c.antibiotics_hours = num(id, raw)?,
            "lactating" => c.lactating = flag(id, raw)?,
            "lump" => c.lump = flag(id, raw)?,
            "lump_features" => c.lump_features = flag(id, raw)?,
            "both_breasts" => c.both_breasts = flag(id, raw)?,
            "redness" => c.redness = index(id, raw, &REDNESS)?,
            "temperature" => c.temperature = temperature(raw)?,
            "feels_feverish" => feels = flag(id, raw)?,
            "recent_fever" => c.recent_fever = flag(id, raw)?,
            "flu_like" => c.flu_like = flag(id, raw)?,
            "duration_hours" => c.duration_hours = num(id, raw)?,
            "trend" => c.trend = index(id, raw, &TREND)?,
            "risk_factors" => c.risk_factors = flag(id, raw)?,
            "nipple_damage" => c.nipple_damage = flag(id, raw)?,
            "recurrent" => c.recurrent = flag(id, raw)?,
            "heart_rate" => c.heart_rate = vital(id, raw)?,
            "resp_rate" => c.resp_rate = vital(id, raw)?,
            "systolic_bp" => c.systolic_bp = vital(id, raw)?,
            other => return Err(format!("'{other}' is not a question of the specification")),
        }
    }
    c.temperature.feels = feels;
    let missing: Vec<&str> = FULL_ANSWER_SET
        .iter()
        .copied()
        .filter(|id| !given.contains(*id))
        .collect();
    if missing.is_empty() {
        Ok(c)
    } else {
        Err(format!("not a full answer set: missing {missing:?}"))
    }
}

/// Moderate vitals (NICE NG255 table 1, moderate to high risk). A reading
/// between two whole numbers, if the rules accept one, is triaged up: a
/// heart rate of 130.5 is above 130, a breathing rate of 24.5 is above 24
/// (while 20.5 is normal), a systolic pressure of 90.5 is below 91.
fn moderate_vitals(c: &Case) -> bool {
    c.heart_rate.is_some_and(|x| (100.0..=130.0).contains(&x))
        || c.resp_rate.is_some_and(|x| (21.0..=24.0).contains(&x))
        || c.systolic_bp.is_some_and(|x| (91.0..=100.0).contains(&x))
}

/// High-risk vitals: heart rate above 130, breathing rate 25 or more,
/// systolic pressure 90 or less (fractions triaged up, see above).
fn high_risk_vitals(c: &Case) -> bool {
    c.heart_rate.is_some_and(|x| x > 130.0)
        || c.resp_rate.is_some_and(|x| x > 24.0)
        || c.systolic_bp.is_some_and(|x| x < 91.0)
}

/// fever: 38.0 °C or more measured; not measured, feels_feverish.
fn fever(c: &Case) -> bool {
    match c.temperature.celsius() {
        Some(t) => t >= 38.0,
        None => c.temperature.feels,
    }
}

/// low temperature: below 36.0 °C measured.
fn low_temperature(c: &Case) -> bool {
    c.temperature.celsius().is_some_and(|t| t < 36.0)
}

/// systemic: fever, low temperature, recent_fever, flu_like, or moderate vitals.
fn systemic(c: &Case) -> bool {
    fever(c) || low_temperature(c) || c.recent_fever || c.flu_like || moderate_vitals(c)
}

/// breast signs: a lump, or any redness.
fn breast_signs(c: &Case) -> bool {
    c.lump || c.redness > 0
}

/// What the specification says, and the step of the decision order that
/// says it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Want {
    urgency: Urgency,
    condition: &'static str,
    step: u8,
}

fn oracle(c: &Case) -> Want {
    let want = |urgency, condition, step| Want {
        urgency,
        condition,
        step,
    };
    let systemic = systemic(c);
    let breast_signs = breast_signs(c);
    let worse = c.trend == 2;
    let better = c.trend == 0;
    let streaks = c.redness == 3;
    let hours = c.duration_hours;

    // 1.
    if c.sepsis || high_risk_vitals(c) {
        return want(Emergency, "sepsis_warning", 1);
    }
    // 2.
    if c.skin {
        return want(Emergency, "severe_skin_infection", 2);
    }
    // 3.
    if c.abscess {
        return want(Today, "abscess_suspected", 3);
    }
    // 4.
    let ab = c.antibiotics_hours;
    if ab > 0.0 {
        let today =
            worse || (ab >= 48.0 && (!better || systemic)) || ((systemic || streaks) && !better);
        if today {
            return want(Today, "on_antibiotics", 4);
        }
        if ab >= 168.0 && breast_signs {
            return want(WithinDays, "not_resolving", 4);
        }
        return want(SelfCare, "on_antibiotics", 4);
    }
    // 5.
    if !c.lactating && breast_signs {
        let urgency = if systemic || worse || streaks {
            Today
        } else if c.redness > 0 {
            Within24h
        } else {
            WithinDays
        };
        return want(urgency, "non_lactational", 5);
    }
    // 6.
    if !breast_signs {
        return if systemic {
            want(Today, "fever_without_breast_signs", 6)
        } else {
            want(SelfCare, "no_signs", 6)
        };
    }
    // 7.
    if systemic {
        let bacterial = hours >= 24.0 || worse || c.nipple_damage || c.risk_factors;
        let condition = if bacterial {
            "bacterial_mastitis_likely"
        } else {
            "inflammatory_mastitis"
        };
        return want(Today, condition, 7);
    }
    // 8.
    if streaks {
        return want(Today, "inflammatory_mastitis", 8);
    }
    // 9.
    if c.redness == 2 {
        let today = c.risk_factors || worse || (hours >= 24.0 && !better);
        let urgency = if today { Today } else { Within24h };
        return want(urgency, "inflammatory_mastitis", 9);
    }
    // 10.
    if c.both_breasts {
        let urgency = if worse {
            Within24h
        } else if hours >= 72.0 && !better {
            WithinDays
        } else {
            SelfCare
        };
        return want(urgency, "engorgement", 10);
    }
    // 11.
    let exam = c.lump && c.lump_features;
    let condition = if exam {
        "lump_needs_exam"
    } else if c.recurrent {
        "recurrent_ductal_narrowing"
    } else if hours >= 168.0 {
        "persistent_lump"
    } else {
        "ductal_narrowing"
    };
    let urgency = if worse {
        Within24h
    } else if exam || c.recurrent || hours >= 168.0 || (hours >= 72.0 && !better) {
        WithinDays
    } else {
        SelfCare
    };
    want(urgency, condition, 11)
}

/// Every condition of the specification.
const CONDITIONS: [&str; 15] = [
    "sepsis_warning",
    "severe_skin_infection",
    "abscess_suspected",
    "on_antibiotics",
    "not_resolving",
    "non_lactational",
    "fever_without_breast_signs",
    "no_signs",
    "bacterial_mastitis_likely",
    "inflammatory_mastitis",
    "engorgement",
    "lump_needs_exam",
    "recurrent_ductal_narrowing",
    "persistent_lump",
    "ductal_narrowing",
];

// ---------------------------------------------------------------------------
// The safety properties of the specification, as checks of one result.
// ---------------------------------------------------------------------------

struct SafetyProperty {
    text: &'static str,
    applies: fn(&Case) -> bool,
    at_least: Urgency,
}

fn on_antibiotics(c: &Case) -> bool {
    c.antibiotics_hours > 0.0
}

const SEPSIS_SKIN_OR_HIGH_RISK_VITALS: SafetyProperty = SafetyProperty {
    text: "sepsis_signs or skin_emergency (yes or unsure), or high-risk vitals: emergency",
    applies: |c| c.sepsis || c.skin || high_risk_vitals(c),
    at_least: Emergency,
};

const SYSTEMIC: SafetyProperty = SafetyProperty {
    text:
        "a systemic sign: today or higher, except under 48 hours of antibiotics and getting better",
    applies: |c| systemic(c) && !(on_antibiotics(c) && c.antibiotics_hours < 48.0 && c.trend == 0),
    at_least: Today,
};

const ABSCESS: SafetyProperty = SafetyProperty {
    text: "abscess_signs (yes or unsure): today or higher",
    applies: |c| c.abscess,
    at_least: Today,
};

const STREAKS: SafetyProperty = SafetyProperty {
    text: "redness streaks: today or higher, except on antibiotics and getting better",
    applies: |c| c.redness == 3 && !(on_antibiotics(c) && c.trend == 0),
    at_least: Today,
};

const A_WEEK_OF_ANTIBIOTICS: SafetyProperty = SafetyProperty {
    text: "168 hours or more on antibiotics with breast signs: within_days or higher",
    applies: |c| c.antibiotics_hours >= 168.0 && breast_signs(c),
    at_least: WithinDays,
};

const NOT_LACTATING_REDNESS: SafetyProperty = SafetyProperty {
    text: "not lactating with any redness, not on antibiotics: within_24h or higher",
    applies: |c| !c.lactating && c.redness > 0 && !on_antibiotics(c),
    at_least: Within24h,
};

const LUMP_FEATURES: SafetyProperty = SafetyProperty {
    text: "a lump with lump_features in one area (both_breasts no): within_days or higher, except under 168 hours of antibiotics",
    applies: |c| {
        c.lump
            && c.lump_features
            && !c.both_breasts
            && !(on_antibiotics(c) && c.antibiotics_hours < 168.0)
    },
    at_least: WithinDays,
};

const SAFETY_PROPERTIES: [&SafetyProperty; 7] = [
    &SEPSIS_SKIN_OR_HIGH_RISK_VITALS,
    &SYSTEMIC,
    &ABSCESS,
    &STREAKS,
    &A_WEEK_OF_ANTIBIOTICS,
    &NOT_LACTATING_REDNESS,
    &LUMP_FEATURES,
];

// ---------------------------------------------------------------------------
// Grids: focused products of answer values, each assessed once.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Field {
    Sepsis,
    Skin,
    Abscess,
    Antibiotics,
    Lactating,
    Lump,
    LumpFeatures,
    BothBreasts,
    Redness,
    Temperature,
    RecentFever,
    FluLike,
    Duration,
    Trend,
    RiskFactors,
    NippleDamage,
    Recurrent,
    HeartRate,
    RespRate,
    SystolicBp,
}

#[derive(Clone, Copy, Debug)]
enum Value {
    Flag(bool),
    Hours(f64),
    Level(u8),
    Temperature(Temp),
    Vital(Option<f64>),
}

impl Field {
    fn set(self, c: &mut Case, v: Value) {
        use Field as F;
        use Value as V;
        match (self, v) {
            (F::Sepsis, V::Flag(b)) => c.sepsis = b,
            (F::Skin, V::Flag(b)) => c.skin = b,
            (F::Abscess, V::Flag(b)) => c.abscess = b,
            (F::Antibiotics, V::Hours(h)) => c.antibiotics_hours = h,
            (F::Lactating, V::Flag(b)) => c.lactating = b,
            (F::Lump, V::Flag(b)) => c.lump = b,
            (F::LumpFeatures, V::Flag(b)) => c.lump_features = b,
            (F::BothBreasts, V::Flag(b)) => c.both_breasts = b,
            (F::Redness, V::Level(l)) => c.redness = l,
            (F::Temperature, V::Temperature(t)) => c.temperature = t,
            (F::RecentFever, V::Flag(b)) => c.recent_fever = b,
            (F::FluLike, V::Flag(b)) => c.flu_like = b,
            (F::Duration, V::Hours(h)) => c.duration_hours = h,
            (F::Trend, V::Level(l)) => c.trend = l,
            (F::RiskFactors, V::Flag(b)) => c.risk_factors = b,
            (F::NippleDamage, V::Flag(b)) => c.nipple_damage = b,
            (F::Recurrent, V::Flag(b)) => c.recurrent = b,
            (F::HeartRate, V::Vital(x)) => c.heart_rate = x,
            (F::RespRate, V::Vital(x)) => c.resp_rate = x,
            (F::SystolicBp, V::Vital(x)) => c.systolic_bp = x,
            (field, value) => panic!("{field:?} cannot take {value:?}"),
        }
    }

    /// Whether `to` is a worse answer than `from`, in the specification's
    /// monotonicity property: a warning sign or risk from no to yes, redness
    /// and trend up, a measured temperature raised from 36.0 °C up, more
    /// hours, a higher heart or breathing rate, a lower systolic pressure.
    /// lactating, both_breasts and antibiotics_hours have no worse direction.
    fn worse(self, from: Value, to: Value) -> bool {
        use Field as F;
        use Value as V;
        match (self, from, to) {
            (F::Lactating | F::BothBreasts | F::Antibiotics, _, _) => false,
            (_, V::Flag(a), V::Flag(b)) => !a && b,
            (_, V::Level(a), V::Level(b)) => b > a,
            (F::Duration, V::Hours(a), V::Hours(b)) => b > a,
            (F::HeartRate | F::RespRate, V::Vital(Some(a)), V::Vital(Some(b))) => b > a,
            (F::SystolicBp, V::Vital(Some(a)), V::Vital(Some(b))) => b < a,
            (F::Temperature, V::Temperature(a), V::Temperature(b)) => {
                match (a.celsius(), b.celsius()) {
                    (Some(x), Some(y)) => x >= 36.0 && y > x,
                    (None, None) => !a.feels && b.feels,
                    _ => false,
                }
            }
            _ => false,
        }
    }
}

struct Axis {
    field: Field,
    values: Vec<Value>,
}

struct Grid {
    name: &'static str,
    axes: Vec<Axis>,
}

impl Grid {
    fn len(&self) -> usize {
        self.axes.iter().map(|a| a.values.len()).product()
    }

    /// How far apart two points differing by one step on each axis are.
    fn strides(&self) -> Vec<usize> {
        let mut strides = vec![1; self.axes.len()];
        for k in (0..self.axes.len().saturating_sub(1)).rev() {
            strides[k] = strides[k + 1] * self.axes[k + 1].values.len();
        }
        strides
    }

    fn case(&self, i: usize) -> Case {
        let mut c = BASE;
        let mut rest = i;
        for axis in self.axes.iter().rev() {
            let n = axis.values.len();
            axis.field.set(&mut c, axis.values[rest % n]);
            rest /= n;
        }
        c
    }
}

fn flags() -> Vec<Value> {
    vec![Value::Flag(false), Value::Flag(true)]
}

fn hours(xs: &[f64]) -> Vec<Value> {
    xs.iter().map(|&x| Value::Hours(x)).collect()
}

fn levels(xs: &[u8]) -> Vec<Value> {
    xs.iter().map(|&x| Value::Level(x)).collect()
}

fn temperatures(ts: &[Temp]) -> Vec<Value> {
    ts.iter().map(|&t| Value::Temperature(t)).collect()
}

fn vitals(xs: &[Option<f64>]) -> Vec<Value> {
    xs.iter().map(|&x| Value::Vital(x)).collect()
}

fn axis(field: Field, values: Vec<Value>) -> Axis {
    Axis { field, values }
}

const ALL_REDNESS: &[u8] = &[0, 1, 2, 3];
const ALL_TRENDS: &[u8] = &[0, 1, 2];
/// Not taking any, just started, both sides of 48 and 168 hours.
const ANTIBIOTICS: &[f64] = &[0.0, 0.5, 47.0, 48.0, 167.0, 168.0];

// Each grid varies what its steps depend on and keeps the rest at the
// baseline; together they cover both sides of every threshold, each
// redness class and both answers of every yes/no question ("unsure" is
// checked on a sample, against "yes"). Their sizes keep the whole suite fast
// in debug builds: the engine is assessed about 45,000 times in all.

/// Steps 5, 6 and 8-11 off antibiotics: breast signs, lactating, both
/// breasts, lump features, the course in time (both sides of 24, 72 and 168
/// hours), with and without a systemic sign.
fn grid_off_antibiotics() -> Grid {
    use Field as F;
    Grid {
        name: "off antibiotics",
        axes: vec![
            axis(F::Lactating, flags()),
            axis(F::Lump, flags()),
            axis(F::LumpFeatures, flags()),
            axis(F::BothBreasts, flags()),
            axis(F::Redness, levels(ALL_REDNESS)),
            axis(
                F::Temperature,
                temperatures(&[celsius(37.9), celsius(38.0), NOT_MEASURED, FEELS_FEVERISH]),
            ),
            axis(F::RecentFever, flags()),
            axis(F::Duration, hours(&[23.0, 24.0, 71.0, 72.0, 167.0, 168.0])),
            axis(F::Trend, levels(ALL_TRENDS)),
            axis(F::Recurrent, flags()),
        ],
    }
}

/// Steps 5-7 and 9: every way to be systemic (temperatures on both sides of
/// 36.0 and 38.0 °C, 100.3/100.4 °F, feeling feverish, a recent fever,
/// flu-like), what makes mastitis bacterial, and the risk factors of step 9.
fn grid_systemic() -> Grid {
    use Field as F;
    Grid {
        name: "systemic signs",
        axes: vec![
            axis(F::Lactating, flags()),
            axis(F::Lump, flags()),
            axis(F::Redness, levels(ALL_REDNESS)),
            axis(
                F::Temperature,
                temperatures(&[
                    celsius(35.9),
                    celsius(36.0),
                    celsius(37.9),
                    fahrenheit(100.3),
                    celsius(38.0),
                    fahrenheit(100.4),
                    NOT_MEASURED,
                    FEELS_FEVERISH,
                ]),
            ),
            axis(F::RecentFever, flags()),
            axis(F::FluLike, flags()),
            axis(F::Duration, hours(&[23.0, 24.0])),
            axis(F::Trend, levels(ALL_TRENDS)),
            axis(F::RiskFactors, flags()),
            axis(F::NippleDamage, flags()),
        ],
    }
}

/// Step 4: antibiotics on both sides of 48 and 168 hours, with each
/// redness, trend and systemic sign, and the answers of later steps.
fn grid_antibiotics() -> Grid {
    use Field as F;
    Grid {
        name: "on antibiotics",
        axes: vec![
            axis(F::Antibiotics, hours(ANTIBIOTICS)),
            axis(F::Lactating, flags()),
            axis(F::Lump, flags()),
            axis(F::LumpFeatures, flags()),
            axis(F::BothBreasts, flags()),
            axis(F::Redness, levels(ALL_REDNESS)),
            axis(
                F::Temperature,
                temperatures(&[celsius(37.9), celsius(38.0), FEELS_FEVERISH]),
            ),
            axis(F::RecentFever, flags()),
            axis(F::Trend, levels(ALL_TRENDS)),
        ],
    }
}

/// Step 1 and the systemic sign of moderate vitals: each vital on both
/// sides of both of its limits, on and off antibiotics.
fn grid_vitals() -> Grid {
    use Field as F;
    Grid {
        name: "vitals",
        axes: vec![
            axis(
                F::HeartRate,
                vitals(&[None, Some(99.0), Some(100.0), Some(130.0), Some(131.0)]),
            ),
            axis(
                F::RespRate,
                vitals(&[None, Some(20.0), Some(21.0), Some(24.0), Some(25.0)]),
            ),
            axis(
                F::SystolicBp,
                vitals(&[None, Some(101.0), Some(100.0), Some(91.0), Some(90.0)]),
            ),
            axis(F::Antibiotics, hours(&[0.0, 10.0, 48.0])),
            axis(F::Lump, flags()),
            axis(F::Redness, levels(&[0, 2])),
            axis(F::Trend, levels(ALL_TRENDS)),
        ],
    }
}

/// Readings between two whole numbers at every vital limit.
fn grid_fractional_vitals() -> Grid {
    use Field as F;
    Grid {
        name: "fractional vitals",
        axes: vec![
            axis(
                F::HeartRate,
                vitals(&[
                    None,
                    Some(99.0),
                    Some(99.5),
                    Some(100.0),
                    Some(130.0),
                    Some(130.5),
                    Some(131.0),
                ]),
            ),
            axis(
                F::RespRate,
                vitals(&[
                    None,
                    Some(20.0),
                    Some(20.5),
                    Some(21.0),
                    Some(24.0),
                    Some(24.5),
                    Some(25.0),
                ]),
            ),
            axis(
                F::SystolicBp,
                vitals(&[
                    None,
                    Some(101.0),
                    Some(100.5),
                    Some(100.0),
                    Some(91.0),
                    Some(90.5),
                    Some(90.0),
                ]),
            ),
            axis(F::Lump, flags()),
            axis(F::Trend, levels(ALL_TRENDS)),
        ],
    }
}

/// Steps 1-3 over what follows them.
fn grid_emergencies() -> Grid {
    use Field as F;
    Grid {
        name: "emergencies and abscess",
        axes: vec![
            axis(F::Sepsis, flags()),
            axis(F::Skin, flags()),
            axis(F::Abscess, flags()),
            axis(F::Antibiotics, hours(&[0.0, 10.0, 168.0])),
            axis(F::Lactating, flags()),
            axis(F::Lump, flags()),
            axis(F::Redness, levels(&[0, 3])),
            axis(
                F::Temperature,
                temperatures(&[celsius(36.9), celsius(38.0)]),
            ),
            axis(F::Trend, levels(ALL_TRENDS)),
            axis(F::HeartRate, vitals(&[None, Some(131.0)])),
        ],
    }
}

const GRIDS: [fn() -> Grid; 6] = [
    grid_off_antibiotics,
    grid_systemic,
    grid_antibiotics,
    grid_vitals,
    grid_fractional_vitals,
    grid_emergencies,
];

/// A grid and what the specification says at each point; what the engine
/// gives is assessed once, on first use.
struct Evaluated {
    grid: Grid,
    want: Vec<Want>,
    engine: OnceLock<EngineResults>,
}

/// What the engine gives at each point of a grid (None: no result), and the
/// faults found on its paths.
struct EngineResults {
    got: Vec<Option<(Urgency, &'static str)>>,
    path_faults: Vec<String>,
}

impl Evaluated {
    fn case(&self, i: usize) -> Case {
        self.grid.case(i)
    }

    fn got(&self) -> &[Option<(Urgency, &'static str)>] {
        &self.engine().got
    }

    fn engine(&self) -> &EngineResults {
        self.engine.get_or_init(|| assess_grid(&self.grid))
    }
}

fn evaluate(grid: Grid) -> Evaluated {
    let want = (0..grid.len()).map(|i| oracle(&grid.case(i))).collect();
    Evaluated {
        grid,
        want,
        engine: OnceLock::new(),
    }
}

fn assess_grid(grid: &Grid) -> EngineResults {
    let rules = rules();
    let n = grid.len();
    let mut got = Vec::with_capacity(n);
    let mut path_faults = Vec::new();
    for i in 0..n {
        let case = grid.case(i);
        match engine::assess(rules, &case.answers()) {
            Ok(result) => {
                got.push(Some((result.urgency, result.condition.id.as_str())));
                if let Some(fault) = path_fault(&result.path) {
                    path_faults.push(format!("{fault}: {}", case.describe()));
                }
            }
            Err(e) => {
                got.push(None);
                path_faults.push(format!("no result ({e}): {}", case.describe()));
            }
        }
    }
    EngineResults { got, path_faults }
}

fn evaluated(k: usize) -> &'static Evaluated {
    static CACHE: [OnceLock<Evaluated>; GRIDS.len()] = [const { OnceLock::new() }; GRIDS.len()];
    CACHE[k].get_or_init(|| evaluate(GRIDS[k]()))
}

/// Index of the grid of fractional vitals in [`GRIDS`].
const FRACTIONAL_VITALS: usize = 4;

/// Every grid whose answers the rules accept: the grid of fractional vitals
/// only if the rules take readings between whole numbers (the specification
/// does not say whether they must; refused, they cannot be triaged down).
fn all_evaluated() -> impl Iterator<Item = &'static Evaluated> {
    (0..GRIDS.len())
        .filter(|&k| k != FRACTIONAL_VITALS || fractional_vitals_accepted())
        .map(evaluated)
}

/// Whether the rules accept a vital reading between two whole numbers.
fn fractional_vitals_accepted() -> bool {
    let accepted = |id: &str| {
        Answers::new()
            .insert(rules(), id, &RawAnswer::Text("99.5".to_string()))
            .is_ok()
    };
    let answers: Vec<bool> = ["heart_rate", "resp_rate", "systolic_bp"]
        .into_iter()
        .map(accepted)
        .collect();
    assert!(
        answers.iter().all(|a| *a == answers[0]),
        "fractional readings accepted for some vitals only: {answers:?}"
    );
    answers[0]
}

/// What the questions asked so far on a path have established.
#[derive(Default)]
struct Known {
    temperature: Option<Option<f64>>,
    lump: Option<bool>,
    redness: Option<u8>,
    antibiotics_hours: Option<f64>,
    lactating: Option<bool>,
    abscess: bool,
    systemic: bool,
}

impl Known {
    fn learn(&mut self, id: &str, answer: &Answer) {
        let yes = matches!(answer, Answer::Yes | Answer::Unsure);
        match id {
            "temperature" => {
                let t = match answer {
                    Answer::Temperature(t) => Some(t.celsius),
                    _ => None,
                };
                self.temperature = Some(t);
                if t.is_some_and(|t| !(36.0..38.0).contains(&t)) {
                    self.systemic = true;
                }
            }
            "feels_feverish" | "recent_fever" | "flu_like" => self.systemic |= yes,
            "heart_rate" | "resp_rate" | "systolic_bp" => {
                let mut c = BASE;
                let x = answer.numeric_value();
                match id {
                    "heart_rate" => c.heart_rate = x,
                    "resp_rate" => c.resp_rate = x,
                    _ => c.systolic_bp = x,
                }
                self.systemic |= moderate_vitals(&c);
            }
            "lump" => self.lump = Some(yes),
            "redness" => {
                if let Answer::Choice(choice) = answer {
                    self.redness = REDNESS.iter().position(|r| r == choice).map(|i| i as u8);
                }
            }
            "antibiotics_hours" => self.antibiotics_hours = answer.numeric_value(),
            "lactating" => self.lactating = Some(yes),
            "abscess_signs" => self.abscess = yes,
            _ => {}
        }
    }

    /// Whether step 10 (engorgement) can still be reached.
    fn engorgement_reachable(&self) -> bool {
        let breast_signs = self.lump == Some(true) || self.redness.is_some_and(|r| r > 0);
        let no_breast_signs = self.lump == Some(false) && self.redness == Some(0);
        !(self.abscess
            || self.antibiotics_hours.is_some_and(|h| h > 0.0)
            || no_breast_signs
            || (self.lactating == Some(false) && breast_signs)
            || self.systemic
            || self.redness.is_some_and(|r| r >= 2))
    }

    /// No breast signs and no antibiotics: only systemic signs can matter.
    fn only_systemic_matters(&self) -> bool {
        self.lump == Some(false) && self.redness == Some(0) && self.antibiotics_hours == Some(0.0)
    }
}

/// A question asked twice, or asked where the specification says the result
/// cannot depend on it (given the answers before it on the path).
fn path_fault(path: &[PathStep]) -> Option<String> {
    let mut seen: Vec<&str> = Vec::with_capacity(path.len());
    let mut known = Known::default();
    let asked = || {
        path.iter()
            .map(|s| format!("{}={}", s.question.id, s.answer))
            .collect::<Vec<_>>()
            .join(" > ")
    };
    for step in path {
        let id = step.question.id.as_str();
        if seen.contains(&id) {
            return Some(format!("'{id}' asked twice on path {}", asked()));
        }
        let fault = match id {
            "feels_feverish" if known.temperature != Some(None) => Some(
                "feels_feverish asked although temperature was not answered not_measured before it",
            ),
            "recent_fever" if known.temperature.flatten().is_some_and(|t| t >= 38.0) => {
                Some("recent_fever asked once a fever was measured")
            }
            "lump_features" if known.lump != Some(true) => {
                Some("lump_features asked without a lump (yes or unsure) before it")
            }
            "both_breasts" if !known.engorgement_reachable() => {
                Some("both_breasts asked where step 10 can no longer be reached")
            }
            "lactating" | "duration_hours" | "trend" | "both_breasts" | "lump_features"
            | "risk_factors" | "nipple_damage" | "recurrent"
                if known.only_systemic_matters() =>
            {
                Some("asked after no breast signs and no antibiotics were established")
            }
            _ => None,
        };
        if let Some(fault) = fault {
            return Some(format!("{fault} ('{id}'), path {}", asked()));
        }
        seen.push(id);
        known.learn(id, &step.answer);
    }
    None
}

// ---------------------------------------------------------------------------
// The grids against the specification.
// ---------------------------------------------------------------------------

fn assert_engine_matches(k: usize) {
    let e = evaluated(k);
    let mut mismatches = Vec::new();
    let mut count = 0;
    for (i, (want, got)) in e.want.iter().zip(e.got()).enumerate() {
        if *got != Some((want.urgency, want.condition)) {
            count += 1;
            if mismatches.len() < 12 {
                mismatches.push(format!(
                    "{}\n    specification step {}: {}/{}; engine: {}",
                    e.case(i).describe(),
                    want.step,
                    want.urgency,
                    want.condition,
                    got.map_or("no result".to_string(), |(u, c)| format!("{u}/{c}"))
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "grid '{}': {count} of {} points differ from the specification, for example:\n{}",
        e.grid.name,
        e.want.len(),
        mismatches.join("\n")
    );
}

#[test]
fn engine_matches_the_specification_off_antibiotics() {
    assert_engine_matches(0);
}

#[test]
fn engine_matches_the_specification_on_systemic_signs() {
    assert_engine_matches(1);
}

#[test]
fn engine_matches_the_specification_on_antibiotics() {
    assert_engine_matches(2);
}

#[test]
fn engine_matches_the_specification_on_vitals() {
    assert_engine_matches(3);
}

#[test]
fn fractional_vitals_are_refused_as_readings_to_check() {
    assert!(!fractional_vitals_accepted());
    for (id, value) in [
        ("heart_rate", "99.5"),
        ("heart_rate", "130.5"),
        ("resp_rate", "20.5"),
        ("resp_rate", "24.5"),
        ("systolic_bp", "100.5"),
        ("systolic_bp", "90.5"),
    ] {
        let answer = Answers::new().insert(rules(), id, &RawAnswer::Text(value.to_string()));
        assert!(answer.is_err(), "{id}={value} is accepted");
    }
}

#[test]
fn engine_matches_the_specification_on_emergencies_and_abscess() {
    assert_engine_matches(5);
}

#[test]
fn the_grids_reach_every_condition_of_the_specification() {
    let spec: BTreeSet<&str> = CONDITIONS.into_iter().collect();
    let wanted: BTreeSet<&str> = all_evaluated()
        .flat_map(|e| e.want.iter().map(|w| w.condition))
        .collect();
    assert_eq!(wanted, spec, "the grids as the oracle sees them");
    let got: BTreeSet<&str> = all_evaluated()
        .flat_map(|e| e.got().iter().flatten().map(|(_, c)| *c))
        .collect();
    assert_eq!(got, spec, "the grids as the engine assesses them");
}

#[test]
fn the_rules_name_exactly_the_conditions_of_the_specification() {
    let spec: BTreeSet<&str> = CONDITIONS.into_iter().collect();
    let declared: BTreeSet<&str> = rules().conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(declared, spec);
}

#[test]
fn the_rules_ask_the_questions_of_the_specification() {
    let rules = rules();
    let kind = |id: &str| {
        &rules
            .question(id)
            .unwrap_or_else(|| panic!("{id} declared"))
            .kind
    };
    for id in [
        "sepsis_signs",
        "skin_emergency",
        "lump",
        "lump_features",
        "feels_feverish",
        "recent_fever",
        "flu_like",
        "abscess_signs",
    ] {
        assert!(
            matches!(
                kind(id),
                QuestionKind::YesNoUnsure {
                    unsure_counts_as_yes: true
                }
            ),
            "{id}: yes / no / unsure, unsure counted as yes"
        );
    }
    for id in [
        "lactating",
        "both_breasts",
        "risk_factors",
        "nipple_damage",
        "recurrent",
    ] {
        assert!(matches!(kind(id), QuestionKind::YesNo), "{id}: yes / no");
    }
    let QuestionKind::Choice(choices) = kind("redness") else {
        panic!("redness is a choice");
    };
    let ids: BTreeSet<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, REDNESS.into_iter().collect());
    let QuestionKind::Choice(choices) = kind("trend") else {
        panic!("trend is a choice");
    };
    let ids: BTreeSet<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, TREND.into_iter().collect());
    assert!(matches!(kind("temperature"), QuestionKind::Temperature));
    for id in ["duration_hours", "antibiotics_hours"] {
        assert!(matches!(kind(id), QuestionKind::Number(_)), "{id}");
    }
    for id in ["heart_rate", "resp_rate", "systolic_bp"] {
        let q = rules.question(id).expect("declared");
        assert!(matches!(q.kind, QuestionKind::Number(_)), "{id}");
        assert!(q.consultant_only, "{id} is asked of consultants only");
        assert!(q.accepts_not_measured(), "{id} accepts not_measured");
    }
}

/// Ends no path without a result, never asks a question twice, and asks
/// none where the result can no longer depend on it: feels_feverish only
/// after not_measured, recent_fever not once a fever is measured,
/// lump_features only of a lump, both_breasts only where step 10 can be
/// reached, and nothing but systemic signs once no breast signs and no
/// antibiotics are established.
#[test]
fn every_path_ends_in_a_result_and_asks_only_what_can_matter() {
    let mut faults = Vec::new();
    let mut total = 0;
    for e in all_evaluated() {
        total += e.engine().path_faults.len();
        faults.extend(
            e.engine()
                .path_faults
                .iter()
                .take(5)
                .map(|f| format!("[{}] {f}", e.grid.name)),
        );
    }
    assert!(
        faults.is_empty(),
        "{total} faults, for example:\n{}",
        faults.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Safety properties, on the engine's results over every grid.
// ---------------------------------------------------------------------------

fn violations(property: &SafetyProperty, engine: bool) -> (usize, usize, Vec<String>) {
    let mut applied = 0;
    let mut failed = 0;
    let mut examples = Vec::new();
    for e in all_evaluated() {
        for i in 0..e.want.len() {
            let case = e.case(i);
            if !(property.applies)(&case) {
                continue;
            }
            applied += 1;
            let urgency = if engine {
                e.got()[i].map(|(u, _)| u)
            } else {
                Some(e.want[i].urgency)
            };
            if urgency.is_none_or(|u| u < property.at_least) {
                failed += 1;
                if examples.len() < 8 {
                    examples.push(format!(
                        "{}: {}",
                        urgency.map_or("no result".to_string(), |u| u.to_string()),
                        case.describe()
                    ));
                }
            }
        }
    }
    (applied, failed, examples)
}

fn assert_engine_keeps(property: &SafetyProperty) {
    let (applied, failed, examples) = violations(property, true);
    assert!(applied > 0, "no grid point to check '{}'", property.text);
    assert!(
        failed == 0,
        "'{}' fails on {failed} of {applied} grid points, for example:\n{}",
        property.text,
        examples.join("\n")
    );
}

#[test]
fn safety_sepsis_skin_emergency_or_high_risk_vitals_is_an_emergency() {
    assert_engine_keeps(&SEPSIS_SKIN_OR_HIGH_RISK_VITALS);
}

#[test]
fn safety_a_systemic_sign_is_today_except_early_antibiotics_getting_better() {
    assert_engine_keeps(&SYSTEMIC);
}

#[test]
fn safety_abscess_signs_are_today_or_more() {
    assert_engine_keeps(&ABSCESS);
}

#[test]
fn safety_streaks_are_today_except_on_antibiotics_getting_better() {
    assert_engine_keeps(&STREAKS);
}

#[test]
fn safety_a_week_of_antibiotics_with_breast_signs_is_within_days_or_more() {
    assert_engine_keeps(&A_WEEK_OF_ANTIBIOTICS);
}

#[test]
fn safety_not_lactating_with_redness_is_within_24h_or_more() {
    assert_engine_keeps(&NOT_LACTATING_REDNESS);
}

#[test]
fn safety_a_lump_with_features_in_one_area_is_within_days_or_more() {
    assert_engine_keeps(&LUMP_FEATURES);
}

/// The decision order and the safety properties of the specification agree
/// with each other (on the oracle: no engine involved).
#[test]
fn the_specification_s_decision_order_keeps_its_own_safety_properties() {
    for property in SAFETY_PROPERTIES {
        let (applied, failed, examples) = violations(property, false);
        assert!(applied > 0, "{}", property.text);
        assert!(
            failed == 0,
            "the oracle breaks '{}' on {failed} of {applied} points:\n{}",
            property.text,
            examples.join("\n")
        );
    }
}

/// Every pair of grid points differing in one answer along a "worse"
/// direction; `urgency_of` gives a point's urgency.
fn monotonicity_failures(
    urgency_of: impl Fn(&Evaluated, usize) -> Option<Urgency>,
) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut failures = Vec::new();
    for e in all_evaluated() {
        let strides = e.grid.strides();
        for i in 0..e.want.len() {
            let Some(base) = urgency_of(e, i) else {
                continue;
            };
            for (axis, &stride) in e.grid.axes.iter().zip(&strides) {
                let n = axis.values.len();
                let d = (i / stride) % n;
                for (k, &to) in axis.values.iter().enumerate() {
                    if !axis.field.worse(axis.values[d], to) {
                        continue;
                    }
                    let j = i - d * stride + k * stride;
                    checked += 1;
                    let after = urgency_of(e, j);
                    if after.is_none_or(|a| a < base) && failures.len() < 10 {
                        failures.push(format!(
                            "worse {:?} lowers {base} to {}:\n    {}\n    {}",
                            axis.field,
                            after.map_or("no result".to_string(), |a| a.to_string()),
                            e.case(i).describe(),
                            e.case(j).describe()
                        ));
                    }
                }
            }
        }
    }
    (checked, failures)
}

#[test]
fn making_one_answer_worse_never_lowers_the_urgency() {
    let (checked, failures) = monotonicity_failures(|e, i| e.got()[i].map(|(u, _)| u));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 150_000, "checked {checked}");
}

#[test]
fn the_specification_s_decision_order_is_monotone() {
    let (checked, failures) = monotonicity_failures(|e, i| Some(e.want[i].urgency));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 150_000, "checked {checked}");
}

/// A sample of every grid, for tests that assess more answer sets per point.
fn sample(every: usize) -> Vec<Case> {
    all_evaluated()
        .flat_map(|e| (0..e.want.len()).step_by(every).map(|i| e.case(i)))
        .collect()
}

/// The grids record their answers directly (for speed); the rules read them
/// the same way from text.
#[test]
fn recorded_grid_answers_are_what_the_rules_read_from_text() {
    for case in sample(53) {
        assert_eq!(
            case.answers(),
            case.checked_answers(),
            "{}",
            case.describe()
        );
    }
}

#[test]
fn unsure_on_every_warning_sign_counts_as_yes() {
    let rules = rules();
    let cases = sample(97);
    for id in [
        "sepsis_signs",
        "skin_emergency",
        "lump",
        "lump_features",
        "feels_feverish",
        "recent_fever",
        "flu_like",
        "abscess_signs",
    ] {
        for case in &cases {
            let assess = |value: &str| {
                let mut answers = case.answers();
                answers
                    .insert(rules, id, &RawAnswer::Text(value.to_string()))
                    .expect("valid");
                let r = engine::assess(rules, &answers).expect("a result");
                (r.urgency, r.condition.id.clone())
            };
            assert_eq!(
                assess("unsure"),
                assess("yes"),
                "{id}=unsure differs from yes for {}",
                case.describe()
            );
        }
    }
}

#[test]
fn sepsis_and_skin_emergencies_override_everything_else() {
    let rules = rules();
    for case in sample(151) {
        for (id, condition) in [
            ("sepsis_signs", "sepsis_warning"),
            ("skin_emergency", "severe_skin_infection"),
        ] {
            // Step 1 (sepsis signs, high-risk vitals) comes before step 2.
            if id == "skin_emergency" && high_risk_vitals(&case) {
                continue;
            }
            for answer in ["yes", "unsure"] {
                let mut answers = case.answers();
                if id == "skin_emergency" {
                    answers
                        .insert(rules, "sepsis_signs", &RawAnswer::Text("no".into()))
                        .expect("valid");
                }
                answers
                    .insert(rules, id, &RawAnswer::Text(answer.into()))
                    .expect("valid");
                let r = engine::assess(rules, &answers).expect("a result");
                assert_eq!(
                    (r.urgency, r.condition.id.as_str()),
                    (Emergency, condition),
                    "{id}={answer} with {}",
                    case.describe()
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The project's case files against the specification (no engine involved;
// `rules test` and `rules_cmd.rs` run them against the engine).
// ---------------------------------------------------------------------------

fn project_cases() -> Vec<ProjectCase> {
    let file = project_file("rules/mastitis-spectrum.cases.toml");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    parse_cases(&text, &file.display().to_string(), true)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        // A refused answer gives no result to compare; `rules test` runs them.
        .filter(|c| c.expect.refused.is_none())
        .collect()
}

#[test]
fn every_project_case_is_a_full_answer_set_that_the_specification_agrees_with() {
    let mut wrong = Vec::new();
    let mut conditions = BTreeSet::new();
    let cases = project_cases();
    for pc in &cases {
        let case = match case_from_answers(pc.answers.iter().map(|(id, r)| (id.as_str(), r))) {
            Ok(case) => case,
            Err(e) => {
                wrong.push(format!("{}: {e}", pc.name));
                continue;
            }
        };
        let want = oracle(&case);
        conditions.insert(want.condition);
        let urgency_ok = pc.expect.urgency.is_none_or(|u| u == want.urgency);
        let condition_ok = pc
            .expect
            .condition
            .as_deref()
            .is_none_or(|c| c == want.condition);
        if !(urgency_ok && condition_ok) {
            wrong.push(format!(
                "{}: expects {:?}/{:?}, the specification (step {}) says {}/{}",
                pc.name,
                pc.expect.urgency,
                pc.expect.condition,
                want.step,
                want.urgency,
                want.condition
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        conditions,
        CONDITIONS.into_iter().collect(),
        "every condition has a case"
    );
    let names: HashSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}

// ---------------------------------------------------------------------------
// Mutation: lowering any urgent outcome by one level must be caught by
// `rules check`, by the project's cases, or by the loader.
// ---------------------------------------------------------------------------

/// The built-in rules with one outcome's urgency lowered.
struct Mutant {
    outcome: String,
    from: &'static str,
    to: &'static str,
    text: String,
}

/// One level lower, for the levels that have one worth testing.
fn lowered(urgency: &str) -> Option<(&'static str, &'static str)> {
    match urgency {
        "emergency" => Some(("emergency", "today")),
        "today" => Some(("today", "within_24h")),
        "within_24h" => Some(("within_24h", "within_days")),
        _ => None,
    }
}

/// `key = "value"` or `key = 'value'` on one line, outside any string.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, rest) = line.split_once('=')?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let body = &rest[1..];
    let end = body.find(quote)?;
    Some((key, &body[..end]))
}

/// A table header, `[name]` or `[[name]]`, and its name.
fn table_header(line: &str) -> Option<&str> {
    let t = line.split('#').next().unwrap_or("").trim();
    let inner = t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]"));
    let inner = inner.or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')))?;
    inner
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
        .then(|| inner.trim())
}

fn lowered_outcomes(text: &str) -> Vec<Mutant> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Which lines are inside a multi-line string (and so neither headers nor keys).
    let mut in_string = vec![false; lines.len()];
    let mut open: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        in_string[i] = open.is_some();
        for q in ["\"\"\"", "'''"] {
            if open.is_none_or(|o| o == q) && line.matches(q).count() % 2 == 1 {
                open = if open.is_some() { None } else { Some(q) };
            }
        }
    }
    let headers: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_string[*i])
        .filter_map(|(i, l)| table_header(l).map(|name| (i, name)))
        .collect();
    let mut mutants = Vec::new();
    for (h, &(start, name)) in headers.iter().enumerate() {
        let is_outcome = lines[start].trim_start().starts_with("[[") && name == "outcome";
        if !is_outcome {
            continue;
        }
        let end = headers.get(h + 1).map_or(lines.len(), |&(next, _)| next);
        let block = start + 1..end;
        let field = |key: &str| {
            block.clone().filter(|&i| !in_string[i]).find_map(|i| {
                key_value(lines[i])
                    .filter(|(k, _)| *k == key)
                    .map(|(_, v)| (i, v))
            })
        };
        let outcome = field("id").map_or(format!("outcome at line {}", start + 1), |(_, v)| {
            v.to_string()
        });
        let Some((line, urgency)) = field("urgency") else {
            continue;
        };
        let Some((from, to)) = lowered(urgency) else {
            continue;
        };
        let mut copy = lines.clone();
        let quoted = |u: &str| [format!("\"{u}\""), format!("'{u}'")];
        let [dq, sq] = quoted(from);
        let edited = if lines[line].contains(&dq) {
            lines[line].replacen(&dq, &format!("\"{to}\""), 1)
        } else {
            lines[line].replacen(&sq, &format!("'{to}'"), 1)
        };
        copy[line] = &edited;
        mutants.push(Mutant {
            outcome,
            from,
            to,
            text: copy.concat(),
        });
    }
    mutants
}

#[test]
fn the_mutation_helper_lowers_one_outcome_at_a_time() {
    let text = "[rules]\nname = \"x\"\n\n[[outcome]]\nid = \"a\"\nwhy = \"\"\"\n[[outcome]]\nurgency = \"today\"\n\"\"\"\nurgency = \"emergency\"\n\n[[outcome]]\nid = 'b'\nurgency='within_days'\n\n[[outcome]]\nurgency = \"within_24h\" # comment\nid = \"c\"\n[[step]]\nurgency = \"today\"\n";
    let mutants = lowered_outcomes(text);
    let summary: Vec<(String, &str, &str)> = mutants
        .iter()
        .map(|m| (m.outcome.clone(), m.from, m.to))
        .collect();
    assert_eq!(
        summary,
        [
            ("a".to_string(), "emergency", "today"),
            ("c".to_string(), "within_24h", "within_days")
        ]
    );
    assert!(mutants[0]
        .text
        .contains("[[outcome]]\nurgency = \"today\"\n\"\"\"\nurgency = \"today\"\n"));
    assert!(mutants[1]
        .text
        .contains("urgency = \"within_days\" # comment\nid = \"c\""));
    assert_eq!(mutants[1].text.len(), text.len() + 1);
}

#[test]
fn lowering_any_urgent_outcome_by_one_level_is_caught() {
    let text = lactriage::rules::BUILTIN_RULES;
    let cases = project_cases();
    // The unmutated rules must pass, or every mutant would be "caught".
    let rules = Rules::parse(text, "built-in").expect("the built-in rules load");
    let report = lactriage::analysis::check::check(&rules);
    assert!(
        report.failures.is_empty(),
        "the built-in rules fail `rules check`: {:?}",
        report.failures.iter().map(|f| &f.what).collect::<Vec<_>>()
    );
    for case in &cases {
        if let Verdict::Failed(why) = run_case(&rules, case) {
            panic!("the built-in rules fail case '{}': {why}", case.name);
        }
    }

    let mutants = lowered_outcomes(text);
    assert!(
        mutants.len() >= 10,
        "only {} outcomes at within_24h or above were found",
        mutants.len()
    );
    let mut survivors = Vec::new();
    for m in &mutants {
        let Ok(rules) = Rules::parse(&m.text, "mutant") else {
            continue;
        };
        // The cases first: they are cheap, and catch most mutants.
        if cases
            .iter()
            .any(|c| matches!(run_case(&rules, c), Verdict::Failed(_)))
        {
            continue;
        }
        if !lactriage::analysis::check::check(&rules)
            .failures
            .is_empty()
        {
            continue;
        }
        survivors.push(format!(
            "outcome '{}' lowered from {} to {}",
            m.outcome, m.from, m.to
        ));
    }
    assert!(
        survivors.is_empty(),
        "{} of {} mutants survive (neither the loader, `rules check` nor the cases notice):\n{}",
        survivors.len(),
        mutants.len(),
        survivors.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Each boundary, by name.
// ---------------------------------------------------------------------------

const FEVER: (&str, &str) = ("temperature", "38.4");

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
fn a_recent_fever_masked_by_a_pain_reliever_is_systemic() {
    check(&[("recent_fever", "no")], SelfCare, "ductal_narrowing");
    check(&[("recent_fever", "yes")], Today, "inflammatory_mastitis");
    check(
        &[("recent_fever", "unsure")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[("temperature", "not_measured"), ("recent_fever", "yes")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[("recent_fever", "yes"), ("duration_hours", "24")],
        Today,
        "bacterial_mastitis_likely",
    );
}

#[test]
fn a_recent_fever_without_breast_signs_is_fever_without_breast_signs() {
    check(
        &[("recent_fever", "yes"), ("lump", "no")],
        Today,
        "fever_without_breast_signs",
    );
    check(
        &[("recent_fever", "yes"), ("lump", "no"), ("lactating", "no")],
        Today,
        "fever_without_breast_signs",
    );
}

#[test]
fn flu_like_is_systemic() {
    check(&[("flu_like", "yes")], Today, "inflammatory_mastitis");
    check(&[("flu_like", "unsure")], Today, "inflammatory_mastitis");
}

#[test]
fn mastitis_with_fever_turns_bacterial_at_24_hours() {
    let at = |hours: &'static str| [FEVER, ("duration_hours", hours)];
    check(&at("23"), Today, "inflammatory_mastitis");
    check(&at("23.9"), Today, "inflammatory_mastitis");
    check(&at("24"), Today, "bacterial_mastitis_likely");
}

#[test]
fn mastitis_with_fever_turns_bacterial_when_worse_cracked_or_at_risk() {
    check(
        &[FEVER, ("trend", "worse")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[FEVER, ("nipple_damage", "yes")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[FEVER, ("risk_factors", "yes")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[FEVER, ("trend", "better")],
        Today,
        "inflammatory_mastitis",
    );
}

#[test]
fn heart_rate_99_is_not_systemic() {
    check(&[("heart_rate", "99")], SelfCare, "ductal_narrowing");
    check_fraction("heart_rate", "99.5", SelfCare, "ductal_narrowing");
}

#[test]
fn heart_rate_100_is_systemic() {
    check(&[("heart_rate", "100")], Today, "inflammatory_mastitis");
}

#[test]
fn heart_rate_130_is_systemic_and_above_130_is_an_emergency() {
    check(&[("heart_rate", "130")], Today, "inflammatory_mastitis");
    check_fraction("heart_rate", "130.5", Emergency, "sepsis_warning");
    check(&[("heart_rate", "131")], Emergency, "sepsis_warning");
}

#[test]
fn resp_rate_20_is_normal_and_21_is_systemic() {
    check(&[("resp_rate", "20")], SelfCare, "ductal_narrowing");
    check_fraction("resp_rate", "20.5", SelfCare, "ductal_narrowing");
    check(&[("resp_rate", "21")], Today, "inflammatory_mastitis");
}

#[test]
fn resp_rate_24_is_systemic_and_above_24_is_an_emergency() {
    check(&[("resp_rate", "24")], Today, "inflammatory_mastitis");
    check_fraction("resp_rate", "24.5", Emergency, "sepsis_warning");
    check(&[("resp_rate", "25")], Emergency, "sepsis_warning");
}

#[test]
fn systolic_101_is_normal_and_100_is_systemic() {
    check(&[("systolic_bp", "101")], SelfCare, "ductal_narrowing");
    check_fraction("systolic_bp", "100.5", SelfCare, "ductal_narrowing");
    check(&[("systolic_bp", "100")], Today, "inflammatory_mastitis");
}

#[test]
fn systolic_91_is_systemic_and_below_91_is_an_emergency() {
    check(&[("systolic_bp", "91")], Today, "inflammatory_mastitis");
    check_fraction("systolic_bp", "90.5", Emergency, "sepsis_warning");
    check(&[("systolic_bp", "90")], Emergency, "sepsis_warning");
}

#[test]
fn vitals_not_measured_or_not_given_change_nothing() {
    for id in ["heart_rate", "resp_rate", "systolic_bp"] {
        check(&[(id, "not_measured")], SelfCare, "ductal_narrowing");
    }
    check(
        &[
            ("heart_rate", "80"),
            ("resp_rate", "16"),
            ("systolic_bp", "120"),
        ],
        SelfCare,
        "ductal_narrowing",
    );
}

#[test]
fn moderate_vitals_are_systemic_at_every_step() {
    check(
        &[("heart_rate", "110"), ("lump", "no")],
        Today,
        "fever_without_breast_signs",
    );
    check(
        &[("heart_rate", "110"), ("duration_hours", "24")],
        Today,
        "bacterial_mastitis_likely",
    );
    check(
        &[("systolic_bp", "95"), ("lactating", "no")],
        Today,
        "non_lactational",
    );
    check(
        &[("resp_rate", "22"), ("antibiotics_hours", "10")],
        Today,
        "on_antibiotics",
    );
    check(
        &[
            ("resp_rate", "22"),
            ("antibiotics_hours", "10"),
            ("trend", "better"),
        ],
        SelfCare,
        "on_antibiotics",
    );
    check(
        &[("resp_rate", "22"), ("both_breasts", "yes")],
        Today,
        "inflammatory_mastitis",
    );
}

#[test]
fn high_risk_vitals_come_before_everything_else() {
    check(
        &[("resp_rate", "30"), ("skin_emergency", "yes")],
        Emergency,
        "sepsis_warning",
    );
    check(
        &[
            ("heart_rate", "140"),
            ("antibiotics_hours", "10"),
            ("trend", "better"),
        ],
        Emergency,
        "sepsis_warning",
    );
    check(
        &[("systolic_bp", "85"), ("lump", "no")],
        Emergency,
        "sepsis_warning",
    );
}

#[test]
fn implausible_vitals_are_refused_as_typos() {
    let rules = rules();
    let accepts = |id: &str, value: &str| {
        Answers::new()
            .insert(rules, id, &RawAnswer::Text(value.to_string()))
            .is_ok()
    };
    for (id, low, high) in [
        ("heart_rate", 25.0, 250.0),
        ("resp_rate", 4.0, 80.0),
        ("systolic_bp", 50.0, 280.0),
    ] {
        assert!(accepts(id, &number(low)), "{id}={low} is plausible");
        assert!(accepts(id, &number(high)), "{id}={high} is plausible");
        assert!(
            !accepts(id, &number(low - 1.0)),
            "{id}={} is refused",
            low - 1.0
        );
        assert!(
            !accepts(id, &number(high + 1.0)),
            "{id}={} is refused",
            high + 1.0
        );
        assert!(accepts(id, "not_measured"), "{id}=not_measured");
    }
}

#[test]
fn streaks_without_fever_is_today() {
    check(&[("redness", "streaks")], Today, "inflammatory_mastitis");
    check(
        &[("redness", "streaks"), ("trend", "better")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[("redness", "streaks"), ("lump", "no")],
        Today,
        "inflammatory_mastitis",
    );
    // Step 8 comes before steps 10 and 11.
    for answer in [
        ("recurrent", "yes"),
        ("both_breasts", "yes"),
        ("lump_features", "yes"),
    ] {
        check(
            &[("redness", "streaks"), answer],
            Today,
            "inflammatory_mastitis",
        );
    }
    // Step 7 comes before step 8.
    check(
        &[("redness", "streaks"), FEVER, ("duration_hours", "24")],
        Today,
        "bacterial_mastitis_likely",
    );
}

#[test]
fn streaks_on_antibiotics_are_today_unless_getting_better() {
    let on = |hours: &'static str, trend: &'static str| {
        [
            ("redness", "streaks"),
            ("antibiotics_hours", hours),
            ("trend", trend),
        ]
    };
    check(&on("10", "same"), Today, "on_antibiotics");
    check(&on("10", "better"), SelfCare, "on_antibiotics");
    check(&on("48", "better"), SelfCare, "on_antibiotics");
    check(&on("168", "better"), WithinDays, "not_resolving");
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
    // Step 9 comes before steps 10 and 11.
    for answer in [
        ("recurrent", "yes"),
        ("both_breasts", "yes"),
        ("lump_features", "yes"),
    ] {
        check(&[spreading, answer], Within24h, "inflammatory_mastitis");
    }
}

#[test]
fn not_lactating_small_redness_is_within_24h() {
    check(
        &[("lactating", "no"), ("redness", "small")],
        Within24h,
        "non_lactational",
    );
    check(
        &[
            ("lactating", "no"),
            ("lump", "no"),
            ("redness", "small"),
            ("trend", "better"),
        ],
        Within24h,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("redness", "spreading")],
        Within24h,
        "non_lactational",
    );
}

#[test]
fn not_lactating_lump_without_redness_is_within_days() {
    check(&[("lactating", "no")], WithinDays, "non_lactational");
    check(
        &[("lactating", "no"), ("trend", "better")],
        WithinDays,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("lump", "unsure")],
        WithinDays,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("lump_features", "yes")],
        WithinDays,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("both_breasts", "yes")],
        WithinDays,
        "non_lactational",
    );
}

#[test]
fn not_lactating_is_today_with_streaks_a_systemic_sign_or_worse() {
    check(
        &[("lactating", "no"), ("redness", "streaks")],
        Today,
        "non_lactational",
    );
    check(
        &[
            ("lactating", "no"),
            ("redness", "streaks"),
            ("trend", "better"),
        ],
        Today,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("temperature", "38.0")],
        Today,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("recent_fever", "yes")],
        Today,
        "non_lactational",
    );
    check(
        &[("lactating", "no"), ("trend", "worse")],
        Today,
        "non_lactational",
    );
}

#[test]
fn painless_lump_needs_exam() {
    check(&[("lump_features", "yes")], WithinDays, "lump_needs_exam");
    check(
        &[("lump_features", "unsure")],
        WithinDays,
        "lump_needs_exam",
    );
    check(
        &[("lump", "unsure"), ("lump_features", "unsure")],
        WithinDays,
        "lump_needs_exam",
    );
    check(
        &[("lump_features", "yes"), ("trend", "better")],
        WithinDays,
        "lump_needs_exam",
    );
    check(
        &[("lump_features", "yes"), ("trend", "worse")],
        Within24h,
        "lump_needs_exam",
    );
    // The condition comes before recurrence and persistence.
    check(
        &[("lump_features", "yes"), ("recurrent", "yes")],
        WithinDays,
        "lump_needs_exam",
    );
    check(
        &[("lump_features", "yes"), ("duration_hours", "168")],
        WithinDays,
        "lump_needs_exam",
    );
}

#[test]
fn lump_features_without_a_lump_do_not_count() {
    check(
        &[
            ("lump", "no"),
            ("redness", "small"),
            ("lump_features", "yes"),
        ],
        SelfCare,
        "ductal_narrowing",
    );
}

#[test]
fn engorgement_newborn_is_self_care() {
    check(&[("both_breasts", "yes")], SelfCare, "engorgement");
    check(
        &[("both_breasts", "yes"), ("redness", "small")],
        SelfCare,
        "engorgement",
    );
    // Step 10 comes before step 11.
    check(
        &[("both_breasts", "yes"), ("lump_features", "yes")],
        SelfCare,
        "engorgement",
    );
    check(
        &[("both_breasts", "yes"), ("recurrent", "yes")],
        SelfCare,
        "engorgement",
    );
}

#[test]
fn engorgement_not_better_goes_to_a_visit_at_72_hours() {
    let at = |hours: &'static str, trend: &'static str| {
        [
            ("both_breasts", "yes"),
            ("duration_hours", hours),
            ("trend", trend),
        ]
    };
    check(&at("71", "same"), SelfCare, "engorgement");
    check(&at("72", "same"), WithinDays, "engorgement");
    check(&at("72", "better"), SelfCare, "engorgement");
    check(&at("168", "better"), SelfCare, "engorgement");
    check(&at("6", "worse"), Within24h, "engorgement");
}

#[test]
fn engorgement_with_a_fever_is_mastitis() {
    check(
        &[("both_breasts", "yes"), FEVER],
        Today,
        "inflammatory_mastitis",
    );
}

#[test]
fn both_breasts_without_a_lump_or_redness_is_no_signs() {
    check(
        &[("both_breasts", "yes"), ("lump", "no")],
        SelfCare,
        "no_signs",
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
    let with = |hours: &'static str, trend: &'static str, extra: (&'static str, &'static str)| {
        let [a, b] = on(hours, trend);
        [a, b, extra]
    };
    check(&on("0.5", "same"), SelfCare, "on_antibiotics");
    check(&on("47", "same"), SelfCare, "on_antibiotics");
    check(&on("48", "same"), Today, "on_antibiotics");
    check(&on("47", "better"), SelfCare, "on_antibiotics");
    check(&on("48", "better"), SelfCare, "on_antibiotics");
    check(&on("1", "worse"), Today, "on_antibiotics");
    // From 48 hours, a systemic sign keeps it at today even when better...
    check(
        &with("48", "better", ("temperature", "38.2")),
        Today,
        "on_antibiotics",
    );
    check(
        &with("48", "better", ("recent_fever", "yes")),
        Today,
        "on_antibiotics",
    );
    // ...but not before 48 hours.
    check(
        &with("47", "better", ("temperature", "38.2")),
        SelfCare,
        "on_antibiotics",
    );
    check(
        &with("10", "better", ("flu_like", "yes")),
        SelfCare,
        "on_antibiotics",
    );
    // Under 48 hours, a systemic sign without getting better is today (step 4).
    check(
        &with("10", "same", ("temperature", "38.2")),
        Today,
        "on_antibiotics",
    );
    check(
        &with("10", "same", ("flu_like", "unsure")),
        Today,
        "on_antibiotics",
    );
    check(
        &with("10", "same", ("recent_fever", "yes")),
        Today,
        "on_antibiotics",
    );
    // Redness short of streaks does not change step 4.
    check(
        &with("10", "same", ("redness", "spreading")),
        SelfCare,
        "on_antibiotics",
    );
    // Zero hours means not taking any.
    check(&on("0", "same"), SelfCare, "ductal_narrowing");
}

#[test]
fn antibiotics_168_hours_lump_still_there_is_not_resolving() {
    let on = |hours: &'static str| [("antibiotics_hours", hours), ("trend", "better")];
    check(&on("167"), SelfCare, "on_antibiotics");
    check(&on("168"), WithinDays, "not_resolving");
    let [a, b] = on("168");
    check(&[a, b, ("lump", "unsure")], WithinDays, "not_resolving");
    check(
        &[a, b, ("lump_features", "yes")],
        WithinDays,
        "not_resolving",
    );
    check(&[a, b, ("lactating", "no")], WithinDays, "not_resolving");
    check(
        &[a, b, ("lump", "no"), ("redness", "small")],
        WithinDays,
        "not_resolving",
    );
    // Not better at 168 hours is today, as from 48 hours.
    check(&[a, ("trend", "same")], Today, "on_antibiotics");
    check(&[a, b, FEVER], Today, "on_antibiotics");
}

#[test]
fn antibiotics_168_hours_without_breast_signs_is_self_care() {
    for hours in ["167", "168"] {
        check(
            &[
                ("antibiotics_hours", hours),
                ("trend", "better"),
                ("lump", "no"),
            ],
            SelfCare,
            "on_antibiotics",
        );
    }
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
    // 3 over 4 and 5.
    check(
        &[("abscess_signs", "yes"), ("antibiotics_hours", "10")],
        Today,
        "abscess_suspected",
    );
    check(
        &[("abscess_signs", "yes"), ("lactating", "no")],
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
    // Without breast signs, lactating does not matter (6).
    check(&[("lactating", "no"), ("lump", "no")], SelfCare, "no_signs");
    check(
        &[("lactating", "no"), ("lump", "no"), ("flu_like", "yes")],
        Today,
        "fever_without_breast_signs",
    );
    // 7 over 8 and 9.
    check(
        &[("redness", "streaks"), ("flu_like", "yes")],
        Today,
        "inflammatory_mastitis",
    );
    check(
        &[("redness", "spreading"), ("flu_like", "yes")],
        Today,
        "inflammatory_mastitis",
    );
    // 9 over 11.
    check(
        &[("redness", "spreading"), ("recurrent", "yes")],
        Within24h,
        "inflammatory_mastitis",
    );
    // 10 over 11.
    check(
        &[
            ("both_breasts", "yes"),
            ("duration_hours", "168"),
            ("trend", "same"),
        ],
        WithinDays,
        "engorgement",
    );
    // A small patch of redness without a lump is a breast sign (11).
    check(
        &[("lump", "no"), ("redness", "small")],
        SelfCare,
        "ductal_narrowing",
    );
}

#[test]
fn only_needed_questions_are_asked() {
    let rules = rules();
    let mut answers = Answers::new();
    answers
        .insert(rules, "sepsis_signs", &RawAnswer::Text("yes".into()))
        .expect("valid");
    let result = engine::assess(rules, &answers).expect("sepsis alone gives a result");
    let asked: Vec<&str> = result
        .path
        .iter()
        .filter(|s| !s.question.consultant_only)
        .map(|s| s.question.id.as_str())
        .collect();
    assert_eq!(asked, ["sepsis_signs"]);

    // No breast signs, no antibiotics, a normal reading: duration, trend and
    // the questions of steps 10 and 11 are never needed, nor feels_feverish.
    let case = Case {
        lump: false,
        temperature: celsius(36.5),
        ..BASE
    };
    let result = engine::assess(rules, &case.answers()).expect("a result");
    assert_eq!(path_fault(&result.path), None);
    let asked: HashSet<&str> = result.path.iter().map(|s| s.question.id.as_str()).collect();
    for id in [
        "duration_hours",
        "trend",
        "feels_feverish",
        "lump_features",
        "both_breasts",
        "recurrent",
    ] {
        assert!(!asked.contains(id), "{id} was asked: {asked:?}");
    }

    // A measured fever: recent_fever is not asked after it.
    let case = Case {
        temperature: celsius(38.4),
        ..BASE
    };
    let result = engine::assess(rules, &case.answers()).expect("a result");
    assert_eq!(path_fault(&result.path), None);

    // The classic lump in one area asks about its features and both breasts.
    let result = engine::assess(rules, &BASE.checked_answers()).expect("a result");
    let asked: HashSet<&str> = result.path.iter().map(|s| s.question.id.as_str()).collect();
    for id in ["lump_features", "both_breasts", "recent_fever"] {
        assert!(asked.contains(id), "{id} was not asked: {asked:?}");
    }
}
