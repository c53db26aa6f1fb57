//! The rules file as written: plain serde structs that mirror the TOML.
//!
//! Nothing here is checked beyond what serde checks (types, unknown keys,
//! required keys); [`super::load`] turns a [`RulesFile`] into validated
//! [`super::Rules`]. Spans are kept wherever a later check may need to point
//! at the text.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::Urgency;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    pub rules: Meta,
    pub urgency: UrgencyTexts,
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub source: Vec<SourceDef>,
    #[serde(default)]
    pub question: Vec<QuestionDef>,
    #[serde(default)]
    pub step: Vec<StepDef>,
    #[serde(default)]
    pub condition: Vec<ConditionDef>,
    #[serde(default)]
    pub outcome: Vec<OutcomeDef>,
    #[serde(default)]
    pub property: Vec<Spanned<PropertyDef>>,
    #[serde(default)]
    pub contributor: Vec<ContributorDef>,
    #[serde(default)]
    pub hazard: Vec<HazardDef>,
}

/// One entry of the hazard log: what can go wrong, and the controls that
/// keep it from happening.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HazardDef {
    pub id: Spanned<String>,
    /// What can go wrong, in a few words.
    pub title: Spanned<String>,
    pub cause: Spanned<String>,
    pub effect: Spanned<String>,
    pub severity: Spanned<super::Severity>,
    /// Ids of `[[property]]` entries `rules check` proves.
    #[serde(default)]
    pub properties: Vec<Spanned<String>>,
    /// Names of cases in the rules' case file.
    #[serde(default)]
    pub cases: Vec<Spanned<String>>,
    /// Tests of the program itself, for a control that lives outside the
    /// rules (the prompt, say): `tests/pty.rs: test_name`.
    #[serde(default)]
    pub tests: Vec<Spanned<String>>,
    /// Checks the loader makes of every rules file, by name.
    #[serde(default)]
    pub loader_checks: Vec<Spanned<String>>,
}

/// One source id, or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum SourceRefDef {
    One(String),
    Many(Vec<String>),
}

impl SourceRefDef {
    pub fn ids(&self) -> Vec<&str> {
        match self {
            SourceRefDef::One(id) => vec![id.as_str()],
            SourceRefDef::Many(ids) => ids.iter().map(String::as_str).collect(),
        }
    }
}

/// A known contributor the record points out to the consultant when the
/// intake answers match.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributorDef {
    pub when: BTreeMap<Spanned<String>, Spanned<ConstraintDef>>,
    pub text: Spanned<String>,
    pub sources: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub name: Spanned<String>,
    pub version: Spanned<String>,
    #[serde(default)]
    pub title: String,
    pub start: Spanned<String>,
    pub disclaimer: Spanned<String>,
}

/// One table per level: a missing or misspelt level is a serde error that
/// already carries its position.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyTexts {
    pub emergency: UrgencyDef,
    pub today: UrgencyDef,
    pub within_24h: UrgencyDef,
    pub within_days: UrgencyDef,
    pub self_care: UrgencyDef,
}

impl UrgencyTexts {
    pub fn into_levels(self) -> [(Urgency, UrgencyDef); 5] {
        [
            (Urgency::Emergency, self.emergency),
            (Urgency::Today, self.today),
            (Urgency::Within24h, self.within_24h),
            (Urgency::WithinDays, self.within_days),
            (Urgency::SelfCare, self.self_care),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyDef {
    pub label: Spanned<String>,
    pub contact: Spanned<String>,
    /// The contact line in a consultant's words: a referral.
    pub referral: Option<Spanned<String>>,
    pub watch_for: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindDef {
    YesNo,
    YesNoUnsure,
    Choice,
    Number,
    Temperature,
    /// Free text: intake questions only.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNoDef {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AskedDef {
    #[default]
    Always,
    Consultant,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDef {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub kind: Spanned<KindDef>,
    pub parent: Spanned<String>,
    pub consultant: Option<Spanned<String>>,
    pub help: Option<String>,
    #[serde(default)]
    pub asked: AskedDef,
    /// Recorded for the consultant's chart; never asked by the tree.
    #[serde(default)]
    pub intake: bool,
    pub unsure_counts_as: Option<Spanned<YesNoDef>>,
    /// What a result assumes when the person was not sure, in the parent's
    /// words: "you were not sure whether there is pus, so this assumes there
    /// may be".
    pub unsure_means: Option<Spanned<String>>,
    pub choices: Option<Spanned<Vec<ChoiceDef>>>,
    pub unit: Option<Spanned<String>>,
    /// The unit in the words of a translation; `unit` stays as the rules
    /// write it, since the program reads it ("hours").
    #[serde(skip)]
    pub unit_label: Option<String>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    /// Whole numbers only: a count, such as beats or breaths a minute.
    pub whole: Option<Spanned<bool>>,
    pub presets: Option<Spanned<Vec<Spanned<PresetDef>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceDef {
    pub id: Spanned<String>,
    pub parent: String,
    pub consultant: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetDef {
    pub label: String,
    pub value: Option<f64>,
    pub from: Option<f64>,
    /// A lower end left out of the range: `above = 0, to = 48` is more
    /// than 0 and under 48.
    pub above: Option<f64>,
    pub to: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    pub id: Spanned<String>,
    pub ask: Spanned<String>,
    pub yes: Option<Spanned<String>>,
    pub no: Option<Spanned<String>>,
    pub on: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    pub not_measured: Option<Spanned<String>>,
    pub ranges: Option<Spanned<Vec<Spanned<RangeDef>>>>,
}

/// A numeric branch: any of the four bounds, at most one lower and one upper.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeDef {
    pub above: Option<f64>,
    pub at_least: Option<f64>,
    pub below: Option<f64>,
    pub at_most: Option<f64>,
    pub next: Spanned<String>,
    /// Where its numbers come from: a source id, or several.
    pub source: Option<Spanned<SourceRefDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionDef {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub clinical_title: Option<String>,
    pub summary: Spanned<String>,
    pub clinical_summary: Option<String>,
    /// Whom to contact, per urgency level, where the level's own sentence
    /// would send the person to the wrong place.
    pub contact: Option<Spanned<BTreeMap<Urgency, Spanned<String>>>>,
    /// The same, as a referral in a consultant's words.
    pub referral: Option<Spanned<BTreeMap<Urgency, Spanned<String>>>>,
    pub advice: Spanned<Vec<Spanned<String>>>,
    pub avoid: Spanned<Vec<Spanned<String>>>,
    pub sources: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeDef {
    pub id: Spanned<String>,
    pub condition: Spanned<String>,
    pub urgency: Spanned<Urgency>,
    /// Why, in the parent's words; `{question_id}` stands for that answer.
    pub why: Spanned<String>,
    /// Why, in clinical voice, for the consultant.
    pub clinical_why: Option<Spanned<String>>,
    pub contact_note: Option<String>,
}

/// A safety property, checked by `lactriage rules check` over every
/// combination of answers. Either `at_least` (these answers force at least
/// this urgency) or `worse` (making this answer worse never lowers it).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropertyDef {
    /// A short id a hazard names it by.
    pub id: Option<Spanned<String>>,
    pub name: Spanned<String>,
    #[serde(default)]
    pub when: BTreeMap<Spanned<String>, Spanned<ConstraintDef>>,
    #[serde(default)]
    pub unless: BTreeMap<Spanned<String>, Spanned<ConstraintDef>>,
    pub at_least: Option<Spanned<Urgency>>,
    pub worse: Option<Spanned<String>>,
    /// For `worse` on a yes/no or choice question: the answers from better
    /// to worse (default: no, then yes; unsure counts as worse than no).
    pub order: Option<Spanned<Vec<Spanned<String>>>>,
    /// For `worse` on a numeric question: it counts from this value on
    /// (upward, or downward with `worse_is = "lower"`).
    pub from: Option<Spanned<f64>>,
    /// For `worse` on a numeric question: whether a higher (the default) or
    /// a lower number is worse.
    pub worse_is: Option<Spanned<WorseIsDef>>,
    /// Where `from` comes from: a source id, or several.
    pub source: Option<Spanned<SourceRefDef>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorseIsDef {
    Higher,
    Lower,
}

/// The answers a property is about: a list of answers, or a numeric range.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ConstraintDef {
    Values(Vec<String>),
    Range(BoundsDef),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundsDef {
    pub above: Option<f64>,
    pub at_least: Option<f64>,
    pub below: Option<f64>,
    pub at_most: Option<f64>,
    /// Where these numbers come from: a source id, or several.
    pub source: Option<SourceRefDef>,
}
