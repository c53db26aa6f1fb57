//! The decision tree: questions, steps, conditions and outcomes, as loaded
//! from a TOML rules file and validated.
//!
//! Parsing is kept apart from file I/O: [`Rules::parse`] takes the text and a
//! name to report errors against. A loaded [`Rules`] is known to be a
//! complete, acyclic tree in which every branch leads to a node, every node is
//! reachable and no question is asked twice on a path.
//!
//! ```
//! use lactriage::rules::{Rules, Urgency};
//!
//! let rules = Rules::builtin().expect("the built-in rules load");
//! assert_eq!(rules.name, "mastitis-spectrum");
//! assert!(rules.question("temperature").is_some());
//! assert!(Urgency::Emergency > Urgency::Today);
//! ```

pub mod compiled;
mod error;
mod file;
mod load;
mod safety;
pub mod translation;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

pub use error::{Problem, RulesError};
pub use safety::{shared_sources, Hazard, Severity, Threshold, LOADER_CHECKS};

/// The default rules, compiled in so that `lactriage` works from any folder.
pub const BUILTIN_RULES: &str = include_str!("../../rules/mastitis-spectrum.toml");
/// The name errors in the built-in rules are reported against.
pub const BUILTIN_ORIGIN: &str = "rules/mastitis-spectrum.toml (built in)";
include!(concat!(env!("OUT_DIR"), "/builtin_digest.rs"));
/// The cases of the default rules, run by `rules check` and shown in their
/// safety case.
pub const BUILTIN_CASES: &str = include_str!("../../rules/mastitis-spectrum.cases.toml");
pub const BUILTIN_CASES_ORIGIN: &str = "rules/mastitis-spectrum.cases.toml (built in)";
/// The default rules' text in Spanish.
pub const BUILTIN_RULES_ES: &str = include_str!("../../rules/mastitis-spectrum.es.toml");
pub const BUILTIN_ES_ORIGIN: &str = "rules/mastitis-spectrum.es.toml (built in)";
/// The change history of the default rules.
pub const BUILTIN_CHANGELOG: &str = include_str!("../../rules/CHANGELOG.md");

/// How soon to act, least urgent first so that `Ord` means "more urgent".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Urgency {
    #[serde(rename = "self_care")]
    SelfCare,
    #[serde(rename = "within_days")]
    WithinDays,
    #[serde(rename = "within_24h")]
    Within24h,
    #[serde(rename = "today")]
    Today,
    #[serde(rename = "emergency")]
    Emergency,
}

impl Urgency {
    /// Every level, least urgent first.
    pub const ALL: [Urgency; 5] = [
        Urgency::SelfCare,
        Urgency::WithinDays,
        Urgency::Within24h,
        Urgency::Today,
        Urgency::Emergency,
    ];

    /// The id used in rules files, answers and JSON output.
    pub fn id(self) -> &'static str {
        match self {
            Urgency::SelfCare => "self_care",
            Urgency::WithinDays => "within_days",
            Urgency::Within24h => "within_24h",
            Urgency::Today => "today",
            Urgency::Emergency => "emergency",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Who the wording is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// A parent checking at home: plain words.
    #[default]
    Parent,
    /// A lactation consultant doing intake: clinical words and measured vitals.
    Consultant,
}

/// Index of a question in [`Rules::questions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QuestionId(pub(crate) usize);

/// Index of a node in [`Rules::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NodeId(pub(crate) usize);

/// Index of a condition in [`Rules::conditions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConditionId(pub(crate) usize);

/// A validated rules file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Rules {
    pub name: String,
    pub version: String,
    pub title: String,
    pub disclaimer: String,
    pub questions: Vec<Question>,
    pub nodes: Vec<Node>,
    pub conditions: Vec<Condition>,
    pub sources: Vec<Source>,
    pub properties: Vec<Property>,
    pub contributors: Vec<Contributor>,
    /// The hazard log: what can go wrong, and its controls.
    pub hazards: Vec<Hazard>,
    /// Every number a step or property compares answers with, and its
    /// sources.
    pub thresholds: Vec<Threshold>,
    /// SHA-256 of the rules file's bytes, in hex: ties a saved result to the
    /// exact text that produced it.
    pub digest: String,
    pub start: NodeId,
    urgencies: Vec<UrgencyText>,
    /// Question id -> index in `questions`: batch looks ids up per answer.
    /// Rebuilt, not stored, in the compiled form.
    #[serde(skip)]
    question_index: std::collections::HashMap<String, usize>,
}

impl Rules {
    /// Parses and validates rules; `origin` names the text in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Rules, RulesError> {
        load::load(text, origin, None)
    }

    /// The default rules shipped with the tool, with the digest the build
    /// computed.
    pub fn builtin() -> Result<Rules, RulesError> {
        Rules::builtin_in(Language::En)
    }

    /// The default rules loaded from their TOML with every check, as the
    /// compiled form is made.
    pub fn builtin_from_toml() -> Result<Rules, RulesError> {
        load::load(BUILTIN_RULES, BUILTIN_ORIGIN, Some(BUILTIN_DIGEST))
    }

    /// The default rules with their text in `language`.
    pub fn builtin_in(language: Language) -> Result<Rules, RulesError> {
        if let Some(rules) = compiled::builtin_rules_in(language) {
            return Ok(rules);
        }
        Rules::builtin_from_toml_in(language)
    }

    /// [`Rules::builtin_from_toml`] with the text of `language`.
    pub fn builtin_from_toml_in(language: Language) -> Result<Rules, RulesError> {
        match builtin_translation(language) {
            None => Rules::builtin_from_toml(),
            Some((text, origin)) => Rules::parse_translated(
                BUILTIN_RULES,
                BUILTIN_ORIGIN,
                Some(BUILTIN_DIGEST),
                Translated {
                    text,
                    origin,
                    language: language.code(),
                },
            ),
        }
    }

    /// Parses and validates rules, and puts the text of `translation` in
    /// place of their own once it is found complete and made for exactly
    /// these rules. `digest`: the rules' SHA-256 if already known.
    pub fn parse_translated(
        text: &str,
        origin: &str,
        digest: Option<&str>,
        translation: Translated,
    ) -> Result<Rules, RulesError> {
        let digest = digest.map_or_else(|| load::sha256_hex(text), str::to_string);
        // The rules are checked as written first: a problem of theirs is
        // reported against their own file. Checking consumes the parsed
        // file, so it is read again to take the translation's text.
        load::build_file(load::parse_file(text, origin)?, text, origin, Some(&digest))?;
        let mut file = load::parse_file(text, origin)?;
        let parsed = translation::parse(translation.text, translation.origin)?;
        translation::check(
            &parsed,
            translation.text,
            translation.origin,
            translation.language,
            &translation::Original {
                file: &file,
                text,
                origin,
                digest: &digest,
            },
        )?;
        translation::apply(parsed, &mut file);
        // The check above makes this hold; should it not, the positions are
        // the rules file's, so the error names both files.
        let both = format!("{origin} with {}", translation.origin);
        load::build_file(file, text, &both, Some(&digest))
    }

    /// Builds the question id lookup (not part of the compiled form).
    fn index_questions(&mut self) {
        self.question_index = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }

    pub fn question_at(&self, id: QuestionId) -> &Question {
        &self.questions[id.0]
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    pub fn condition(&self, id: ConditionId) -> &Condition {
        &self.conditions[id.0]
    }

    pub fn urgency(&self, urgency: Urgency) -> &UrgencyText {
        &self.urgencies[urgency.index()]
    }

    /// Questions that some step asks, in declaration order.
    pub fn asked_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.used_by_tree)
    }

    /// The first 16 hex digits of the digest: enough to tell versions apart
    /// on a screen; JSON and Markdown carry all of it.
    pub fn short_digest(&self) -> &str {
        self.digest.get(..16).unwrap_or(&self.digest)
    }

    /// Intake questions, recorded for the consultant, in declaration order.
    pub fn intake_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.intake)
    }
}

/// A translation to read rules with: its text, the name errors are
/// reported against, and the language it must be into.
#[derive(Debug, Clone, Copy)]
pub struct Translated<'a> {
    pub text: &'a str,
    pub origin: &'a str,
    pub language: &'a str,
}

/// The built-in translation into `language`, with its origin; `None` for
/// English, the rules' own language.
pub fn builtin_translation(language: Language) -> Option<(&'static str, &'static str)> {
    match language {
        Language::En => None,
        Language::Es => Some((BUILTIN_RULES_ES, BUILTIN_ES_ORIGIN)),
    }
}

/// What a person is told at one urgency level.
#[derive(Debug, Serialize, Deserialize)]
pub struct UrgencyText {
    pub label: String,
    pub contact: String,
    /// The contact line as a referral, in a consultant's words.
    pub referral: String,
    pub watch_for: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub text: String,
}

/// One question, declared once and asked by any number of steps.
#[derive(Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    /// A few words for results and charts: "Temperature".
    pub label: String,
    pub kind: QuestionKind,
    pub parent: String,
    pub consultant: String,
    pub help: Option<String>,
    /// Asked of consultants only; unanswered, it counts as not measured.
    pub consultant_only: bool,
    /// Recorded at a consultant's intake; the tree never asks it.
    pub intake: bool,
    pub used_by_tree: bool,
    /// What a result assumes when the answer was "unsure".
    pub unsure_means: Option<String>,
}

impl Question {
    pub fn wording(&self, audience: Audience) -> &str {
        match audience {
            Audience::Parent => &self.parent,
            Audience::Consultant => &self.consultant,
        }
    }

    /// Whether `not_measured` is an accepted answer.
    pub fn accepts_not_measured(&self) -> bool {
        match &self.kind {
            QuestionKind::Temperature => true,
            QuestionKind::Number(_) => self.consultant_only,
            _ => false,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub enum QuestionKind {
    YesNo,
    /// "unsure" follows the branch named here (the safer one, in the default rules).
    YesNoUnsure {
        unsure_counts_as_yes: bool,
    },
    Choice(Vec<Choice>),
    Number(NumberSpec),
    /// A reading in °C or °F; branches compare in °C.
    Temperature,
    /// Free text, for intake questions.
    Text,
}

impl QuestionKind {
    /// The kind's name as written in rules files.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::YesNoUnsure { .. } => "yes_no_unsure",
            QuestionKind::Choice(_) => "choice",
            QuestionKind::Number(_) => "number",
            QuestionKind::Temperature => "temperature",
            QuestionKind::Text => "text",
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub parent: String,
    pub consultant: String,
}

impl Choice {
    pub fn wording(&self, audience: Audience) -> &str {
        match audience {
            Audience::Parent => &self.parent,
            Audience::Consultant => &self.consultant,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct NumberSpec {
    /// The unit as the rules write it: `hours` is read as a duration.
    pub unit: String,
    /// The unit in the words of the rules' language, for people.
    pub unit_label: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Whole numbers only (a count): a fraction is refused as a typo.
    pub whole: bool,
    /// Ready-made answers the prompt offers before "enter a number".
    pub presets: Vec<Preset>,
}

impl NumberSpec {
    /// A duration in hours: typed as hours, days or weeks.
    pub fn is_hours(&self) -> bool {
        self.unit == "hours"
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Preset {
    pub label: String,
    pub value: PresetValue,
    /// Where the preset is written, for errors found once the tree is built.
    pub(crate) span: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum PresetValue {
    Exact(f64),
    /// From `from` (inclusive, or exclusive with `exclusive`) up to `to`
    /// (exclusive); the loader checks that no threshold of the tree falls
    /// inside, so every value in it leads to the same result.
    Range {
        from: f64,
        to: Option<f64>,
        exclusive: bool,
    },
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum NodeKind {
    Step(Step),
    Outcome(Outcome),
}

/// A node that asks one question and branches on the answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct Step {
    pub question: QuestionId,
    pub branches: Branches,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Branches {
    YesNo {
        yes: NodeId,
        no: NodeId,
    },
    /// One next node per choice, in the question's choice order.
    Choice(Vec<NodeId>),
    Numeric {
        not_measured: Option<NodeId>,
        ranges: Vec<NumericBranch>,
    },
}

impl Branches {
    /// Every node this step can lead to, each once.
    pub fn targets(&self) -> Vec<NodeId> {
        let mut all: Vec<NodeId> = match self {
            Branches::YesNo { yes, no } => vec![*yes, *no],
            Branches::Choice(next) => next.clone(),
            Branches::Numeric {
                not_measured,
                ranges,
            } => not_measured
                .iter()
                .copied()
                .chain(ranges.iter().map(|r| r.next))
                .collect(),
        };
        let mut seen = Vec::with_capacity(all.len());
        all.retain(|n| {
            let new = !seen.contains(n);
            seen.push(*n);
            new
        });
        all
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct NumericBranch {
    pub range: Interval,
    pub next: NodeId,
}

/// A numeric interval; a missing bound is unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

impl Interval {
    pub fn contains(&self, x: f64) -> bool {
        let above_lower = match self.lower {
            None => true,
            Some(b) if b.inclusive => x >= b.value,
            Some(b) => x > b.value,
        };
        let below_upper = match self.upper {
            None => true,
            Some(b) if b.inclusive => x <= b.value,
            Some(b) => x < b.value,
        };
        above_lower && below_upper
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.lower, self.upper) {
            (None, None) => f.write_str("any value"),
            (Some(l), None) => write!(
                f,
                "{} {}",
                if l.inclusive { "at least" } else { "above" },
                format_number(l.value)
            ),
            (None, Some(u)) => write!(
                f,
                "{} {}",
                if u.inclusive { "at most" } else { "below" },
                format_number(u.value)
            ),
            (Some(l), Some(u)) => write!(
                f,
                "{} {} and {} {}",
                if l.inclusive { "at least" } else { "above" },
                format_number(l.value),
                if u.inclusive { "at most" } else { "below" },
                format_number(u.value)
            ),
        }
    }
}

/// A number as a person writes it: no trailing ".0" on whole numbers.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A known contributor to point out to the consultant, with its sources.
#[derive(Debug, Serialize, Deserialize)]
pub struct Contributor {
    pub when: Vec<Constraint>,
    pub text: String,
    pub sources: Vec<String>,
}

/// A safety property the rules declare about themselves.
#[derive(Debug, Serialize, Deserialize)]
pub struct Property {
    /// The short id hazards name it by, if it has one.
    pub id: Option<String>,
    pub name: String,
    pub kind: PropertyKind,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum PropertyKind {
    /// Answers matching every `when` constraint, and not every `unless`
    /// constraint, get at least `urgency`.
    AtLeast {
        when: Vec<Constraint>,
        unless: Vec<Constraint>,
        urgency: Urgency,
    },
    /// Making `question` worse, along `order`, never lowers the urgency.
    Worse {
        question: QuestionId,
        order: WorseOrder,
    },
}

#[derive(Debug, Serialize, Deserialize)]
pub enum WorseOrder {
    /// Chains of answers (as spelt in answer files), each from better to worse.
    Chains(Vec<Vec<String>>),
    /// A higher number is worse, from `from` on (or over all accepted values).
    Increasing { from: Option<f64> },
    /// A lower number is worse, from `from` down (or over all accepted values).
    Decreasing { from: Option<f64> },
}

/// A set of answers to one question.
#[derive(Debug, Serialize, Deserialize)]
pub struct Constraint {
    pub question: QuestionId,
    pub allowed: Allowed,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Allowed {
    /// Answers as spelt in answer files: `yes`, `unsure`, `spreading`, `not_measured`.
    Answers(Vec<String>),
    /// Numbers (°C for temperatures) in an interval.
    Range(Interval),
}

impl Constraint {
    pub fn allows(&self, answer: &crate::answers::Answer) -> bool {
        match &self.allowed {
            Allowed::Answers(list) => {
                let spelt = answer.to_string();
                list.contains(&spelt)
            }
            Allowed::Range(interval) => {
                answer.numeric_value().is_some_and(|x| interval.contains(x))
            }
        }
    }
}

/// A leaf of the tree: a condition at an urgency, and why.
#[derive(Debug, Serialize, Deserialize)]
pub struct Outcome {
    pub condition: ConditionId,
    pub urgency: Urgency,
    /// May hold `{question_id}`, filled with that answer; the loader makes
    /// sure every path to the outcome asks it.
    pub why: String,
    pub clinical_why: Option<String>,
    pub contact_note: Option<String>,
}

impl Outcome {
    pub fn why(&self, audience: Audience) -> &str {
        match (audience, &self.clinical_why) {
            (Audience::Consultant, Some(clinical)) => clinical,
            _ => &self.why,
        }
    }
}

/// What a result most likely is, with its advice.
#[derive(Debug, Serialize, Deserialize)]
pub struct Condition {
    pub id: String,
    pub title: String,
    pub clinical_title: String,
    pub summary: String,
    pub clinical_summary: String,
    /// Whom to contact at a level, in place of the level's own sentence.
    pub contact: Vec<(Urgency, String)>,
    /// The same as a referral, for the consultant.
    pub referral: Vec<(Urgency, String)>,
    pub advice: Vec<String>,
    pub avoid: Vec<String>,
    pub sources: Vec<String>,
}

impl Condition {
    pub fn title(&self, audience: Audience) -> &str {
        match audience {
            Audience::Parent => &self.title,
            Audience::Consultant => &self.clinical_title,
        }
    }

    pub fn summary(&self, audience: Audience) -> &str {
        match audience {
            Audience::Parent => &self.summary,
            Audience::Consultant => &self.clinical_summary,
        }
    }

    /// Whom this condition says to contact at `urgency`, if it says.
    pub fn contact(&self, urgency: Urgency, audience: Audience) -> Option<&str> {
        fn at(list: &[(Urgency, String)], urgency: Urgency) -> Option<&str> {
            list.iter()
                .find(|(level, _)| *level == urgency)
                .map(|(_, text)| text.as_str())
        }
        match audience {
            Audience::Parent => at(&self.contact, urgency),
            Audience::Consultant => {
                at(&self.referral, urgency).or_else(|| at(&self.contact, urgency))
            }
        }
    }
}

#[cfg(test)]
mod tests;
