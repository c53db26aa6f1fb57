//! A rules file's text in another language: a TOML file beside the rules
//! (`mastitis-spectrum.es.toml` for `mastitis-spectrum.toml`), keyed by
//! the rules' own ids, that holds every sentence a person reads and
//! nothing else. The tree, its thresholds and its properties stay in the
//! rules file, so a translation cannot change a result.
//!
//! A translation is checked against the rules it translates: it must give
//! every text the rules have (no more, no fewer list items, a label for
//! each preset value, the same `{question_id}` quotes in a why), name no id
//! the rules lack, and record
//! the rules' name, version and SHA-256 digest, so that a translation made
//! for other rules, or for an earlier version of these, is refused.
//!
//! ```
//! use lactriage::i18n::Language;
//! use lactriage::rules::{translation, Rules};
//!
//! let rules = Rules::builtin_in(Language::Es).expect("they load");
//! assert!(rules.question("lump").expect("asked").parent.starts_with("¿"));
//! assert_eq!(translation::file_name("rules/a.toml", "es"), "rules/a.es.toml");
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::file::{PresetDef, RulesFile};
use super::{Problem, RulesError};

type Text = Spanned<String>;
type Map<T> = BTreeMap<Text, T>;

/// The translation file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    pub translation: Header,
    pub rules: MetaText,
    #[serde(default)]
    pub contributors: Option<Spanned<Vec<Text>>>,
    #[serde(default)]
    pub urgency: Map<UrgencyText>,
    #[serde(default)]
    pub lists: Map<Spanned<Vec<Text>>>,
    #[serde(default)]
    pub source: Map<SourceText>,
    #[serde(default)]
    pub question: Map<QuestionText>,
    #[serde(default)]
    pub condition: Map<ConditionText>,
    #[serde(default)]
    pub outcome: Map<OutcomeText>,
}

/// What the translation is of: checked against the rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub language: Text,
    pub rules: Text,
    pub version: Text,
    /// SHA-256 of the rules file's bytes, in hex.
    pub digest: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaText {
    pub title: Option<Text>,
    pub disclaimer: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyText {
    pub label: Text,
    pub contact: Text,
    pub referral: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceText {
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub label: Text,
    pub parent: Text,
    pub consultant: Option<Text>,
    pub help: Option<Text>,
    pub unsure_means: Option<Text>,
    pub unit: Option<Text>,
    /// Each preset's label by the value it records, written as answers
    /// write it (`0`, `>0-48`, `168+`): keyed, not in order, so that a
    /// label cannot end up on another value.
    pub presets: Option<Map<Text>>,
    pub choices: Option<Map<ChoiceText>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceText {
    pub parent: Text,
    pub consultant: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionText {
    pub title: Text,
    pub clinical_title: Option<Text>,
    pub summary: Text,
    pub clinical_summary: Option<Text>,
    pub contact: Option<Map<Text>>,
    pub referral: Option<Map<Text>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeText {
    pub why: Text,
    pub clinical_why: Option<Text>,
    pub contact_note: Option<Text>,
}

/// Where the translation of `rules_path` into `language` is looked for:
/// `a.toml` -> `a.es.toml`.
pub fn file_name(rules_path: &str, language: &str) -> String {
    let stem = rules_path.strip_suffix(".toml").unwrap_or(rules_path);
    format!("{stem}.{language}.toml")
}

/// Parses a translation; `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<TranslationFile, RulesError> {
    toml::from_str(text).map_err(|e| RulesError {
        origin: origin.to_string(),
        problems: vec![Problem::at(
            text,
            e.span().unwrap_or(0..0),
            e.message().trim().to_string(),
        )],
    })
}

/// What the translation is checked against: the rules as written, where
/// their text is, and their digest.
pub(super) struct Original<'a> {
    pub file: &'a RulesFile,
    pub text: &'a str,
    pub origin: &'a str,
    pub digest: &'a str,
}

/// Collects the problems of a translation, at their place in it.
struct Findings<'a> {
    text: &'a str,
    original: &'a Original<'a>,
    problems: Vec<Problem>,
}

impl Findings<'_> {
    fn at(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Problem::at(self.text, span, message));
    }

    /// Where the rules declare something, for messages: `file:line`.
    fn in_rules(&self, span: Range<usize>) -> String {
        let line = Problem::at(self.original.text, span, "").line;
        format!("{}:{line}", self.original.origin)
    }

    /// A text that must be there, and not be empty.
    fn text(&mut self, value: &Text, what: &str) {
        if value.get_ref().trim().is_empty() {
            self.at(value.span(), format!("{what} must not be empty"));
        }
    }

    /// An optional text that the rules have (`has`) or not.
    fn optional(
        &mut self,
        value: Option<&Text>,
        has: bool,
        key: &str,
        table: &str,
        table_span: Range<usize>,
    ) {
        match (value, has) {
            (Some(v), true) => self.text(v, &format!("{table} {key}")),
            (None, true) => self.at(
                table_span,
                format!("{table} has no {key}: the rules have one"),
            ),
            (Some(v), false) => self.at(
                v.span(),
                format!("{table} has a {key}, but the rules have none to translate"),
            ),
            (None, false) => {}
        }
    }

    /// A list with one text per item of the rules' list.
    fn list(&mut self, list: &Spanned<Vec<Text>>, expected: usize, what: &str) {
        if list.get_ref().len() != expected {
            self.at(
                list.span(),
                format!(
                    "{what} has {} item(s); the rules have {expected}",
                    list.get_ref().len()
                ),
            );
        }
        for item in list.get_ref() {
            self.text(item, &format!("an item of {what}"));
        }
    }

    /// Entries of `map` whose key is not among `known`.
    fn unknown<T>(&mut self, map: &Map<T>, known: &BTreeSet<&str>, what: &str) {
        for key in map.keys() {
            if !known.contains(key.get_ref().as_str()) {
                self.at(
                    key.span(),
                    format!("the rules have no {what} '{}' to translate", key.get_ref()),
                );
            }
        }
    }
}

fn take<T>(map: &mut Map<T>, id: &str) -> Option<T> {
    let key = map.keys().find(|k| k.get_ref() == id)?.clone();
    map.remove(&key)
}

/// A preset's value as answers write it: `0`, `0-24`, `>0-48`, `168+`.
fn preset_key(preset: &PresetDef) -> String {
    let n = super::format_number;
    let (from, exclusive) = match (preset.value, preset.from, preset.above) {
        (Some(value), _, _) => return n(value),
        (None, Some(from), _) => (from, false),
        (None, None, Some(above)) => (above, true),
        (None, None, None) => (0.0, false),
    };
    let start = if exclusive { ">" } else { "" };
    match preset.to {
        Some(to) => format!("{start}{}-{}", n(from), n(to)),
        None => format!("{start}{}+", n(from)),
    }
}

fn get<'m, T>(map: &'m Map<T>, id: &str) -> Option<(&'m Text, &'m T)> {
    map.iter().find(|(k, _)| k.get_ref() == id)
}

/// The `{question_id}` quotes of a why, which must be the same in every
/// language: the loader has checked that each path asks them. `None` when
/// a brace is left open.
fn quotes(text: &str) -> Option<BTreeSet<&str>> {
    super::load::placeholders(text)
        .into_iter()
        .collect::<Result<_, ()>>()
        .ok()
}

/// Every problem of `translation` (its `text`, named `origin`) as a
/// translation into `language` of `original`.
pub(super) fn check(
    translation: &TranslationFile,
    text: &str,
    origin: &str,
    language: &str,
    original: &Original,
) -> Result<(), RulesError> {
    let rules = original.file;
    let mut f = Findings {
        text,
        original,
        problems: Vec::new(),
    };
    let header = &translation.translation;
    if header.language.get_ref() != language {
        f.at(
            header.language.span(),
            format!(
                "this translation is into '{}', but it is read as the '{language}' one (by its file name or --lang)",
                header.language.get_ref()
            ),
        );
    }
    if header.rules.get_ref() != rules.rules.name.get_ref() {
        f.at(
            header.rules.span(),
            format!(
                "this translation is of the rules '{}', not of '{}' ({})",
                header.rules.get_ref(),
                rules.rules.name.get_ref(),
                original.origin
            ),
        );
    }
    if header.version.get_ref() != rules.rules.version.get_ref() {
        f.at(
            header.version.span(),
            format!(
                "this translation is of version {}, but the rules are version {}: translate what changed (see their changelog), then update the version and the digest",
                header.version.get_ref(),
                rules.rules.version.get_ref()
            ),
        );
    } else if header.digest.get_ref() != original.digest {
        f.at(
            header.digest.span(),
            format!(
                "this translation was made for other text of the rules (digest {}); the rules' digest is {}: translate what changed, then record that digest",
                header.digest.get_ref(),
                original.digest
            ),
        );
    }

    let meta = &translation.rules;
    f.text(&meta.disclaimer, "[rules] disclaimer");
    f.optional(
        meta.title.as_ref(),
        !rules.rules.title.trim().is_empty(),
        "title",
        "[rules]",
        0..0,
    );

    let expected_contributors = rules.contributor.len();
    match &translation.contributors {
        Some(list) => f.list(list, expected_contributors, "contributors"),
        None if expected_contributors > 0 => f.at(
            0..0,
            format!("contributors is missing: the rules have {expected_contributors} contributor text(s)"),
        ),
        None => {}
    }

    check_urgencies(&mut f, translation, rules);
    check_lists(&mut f, translation, rules);

    let sources: BTreeSet<&str> = rules
        .source
        .iter()
        .map(|s| s.id.get_ref().as_str())
        .collect();
    f.unknown(&translation.source, &sources, "source");
    for s in &rules.source {
        match get(&translation.source, s.id.get_ref()) {
            Some((_, t)) => f.text(&t.text, &format!("[source.{}] text", s.id.get_ref())),
            None => {
                let place = f.in_rules(s.id.span());
                f.at(
                    0..0,
                    format!(
                        "[source.{}] is missing (declared at {place})",
                        s.id.get_ref()
                    ),
                );
            }
        }
    }

    check_questions(&mut f, translation, rules);
    check_conditions(&mut f, translation, rules);
    check_outcomes(&mut f, translation, rules);

    if f.problems.is_empty() {
        Ok(())
    } else {
        let mut problems = f.problems;
        problems.sort_by_key(|p| (p.line, p.column));
        problems.dedup();
        Err(RulesError {
            origin: origin.to_string(),
            problems,
        })
    }
}

fn check_urgencies(f: &mut Findings, translation: &TranslationFile, rules: &RulesFile) {
    let levels: BTreeSet<&str> = super::Urgency::ALL.iter().map(|u| u.id()).collect();
    f.unknown(&translation.urgency, &levels, "urgency level");
    let u = &rules.urgency;
    for (id, def) in [
        ("emergency", &u.emergency),
        ("today", &u.today),
        ("within_24h", &u.within_24h),
        ("within_days", &u.within_days),
        ("self_care", &u.self_care),
    ] {
        let table = format!("[urgency.{id}]");
        match get(&translation.urgency, id) {
            Some((key, t)) => {
                f.text(&t.label, &format!("{table} label"));
                f.text(&t.contact, &format!("{table} contact"));
                f.optional(
                    t.referral.as_ref(),
                    def.referral.is_some(),
                    "referral",
                    &table,
                    key.span(),
                );
            }
            None => f.at(0..0, format!("{table} is missing")),
        }
    }
}

fn check_lists(f: &mut Findings, translation: &TranslationFile, rules: &RulesFile) {
    let names: BTreeSet<&str> = rules.lists.keys().map(String::as_str).collect();
    f.unknown(&translation.lists, &names, "list");
    for (name, items) in &rules.lists {
        match get(&translation.lists, name) {
            Some((_, list)) => f.list(list, items.len(), &format!("list '{name}'")),
            None => f.at(0..0, format!("[lists] has no '{name}'")),
        }
    }
}

fn check_questions(f: &mut Findings, translation: &TranslationFile, rules: &RulesFile) {
    let ids: BTreeSet<&str> = rules
        .question
        .iter()
        .map(|q| q.id.get_ref().as_str())
        .collect();
    f.unknown(&translation.question, &ids, "question");
    for q in &rules.question {
        let id = q.id.get_ref();
        let table = format!("[question.{id}]");
        let Some((key, t)) = get(&translation.question, id) else {
            let place = f.in_rules(q.id.span());
            f.at(0..0, format!("{table} is missing (declared at {place})"));
            continue;
        };
        let span = key.span();
        f.text(&t.label, &format!("{table} label"));
        f.text(&t.parent, &format!("{table} parent"));
        f.optional(
            t.consultant.as_ref(),
            q.consultant.is_some(),
            "consultant",
            &table,
            span.clone(),
        );
        f.optional(
            t.help.as_ref(),
            q.help.is_some(),
            "help",
            &table,
            span.clone(),
        );
        f.optional(
            t.unsure_means.as_ref(),
            q.unsure_means.is_some(),
            "unsure_means",
            &table,
            span.clone(),
        );
        f.optional(
            t.unit.as_ref(),
            q.unit.is_some(),
            "unit",
            &table,
            span.clone(),
        );
        match (&t.presets, &q.presets) {
            (Some(given), Some(presets)) => {
                let keys: Vec<String> = presets
                    .get_ref()
                    .iter()
                    .map(|p| preset_key(p.get_ref()))
                    .collect();
                let known: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
                f.unknown(
                    given,
                    &known,
                    &format!(
                        "preset value of question '{id}' (as answers write it: {})",
                        keys.join(", ")
                    ),
                );
                for key in &keys {
                    match get(given, key) {
                        Some((_, label)) => f.text(label, &format!("{table} preset \"{key}\"")),
                        None => f.at(
                            span.clone(),
                            format!("{table} has no label for the preset \"{key}\""),
                        ),
                    }
                }
            }
            (None, Some(_)) => f.at(
                span.clone(),
                format!("{table} has no presets: the rules have some"),
            ),
            (Some(_), None) => f.at(
                span.clone(),
                format!("{table} has presets, but the rules have none to translate"),
            ),
            (None, None) => {}
        }
        let choices = q.choices.as_ref().map(|c| c.get_ref());
        match (&t.choices, choices) {
            (Some(given), Some(choices)) => {
                let known: BTreeSet<&str> =
                    choices.iter().map(|c| c.id.get_ref().as_str()).collect();
                f.unknown(given, &known, &format!("choice of question '{id}'"));
                for choice in choices {
                    let cid = choice.id.get_ref();
                    let ctable = format!("[question.{id}.choices.{cid}]");
                    match get(given, cid) {
                        Some((ckey, c)) => {
                            f.text(&c.parent, &format!("{ctable} parent"));
                            f.optional(
                                c.consultant.as_ref(),
                                choice.consultant.is_some(),
                                "consultant",
                                &ctable,
                                ckey.span(),
                            );
                        }
                        None => f.at(span.clone(), format!("{ctable} is missing")),
                    }
                }
            }
            (None, Some(_)) => f.at(
                span.clone(),
                format!("{table} has no choices: the rules have some"),
            ),
            (Some(_), None) => f.at(
                span.clone(),
                format!("{table} has choices, but the rules have none to translate"),
            ),
            (None, None) => {}
        }
    }
}

fn check_conditions(f: &mut Findings, translation: &TranslationFile, rules: &RulesFile) {
    let ids: BTreeSet<&str> = rules
        .condition
        .iter()
        .map(|c| c.id.get_ref().as_str())
        .collect();
    f.unknown(&translation.condition, &ids, "condition");
    for c in &rules.condition {
        let id = c.id.get_ref();
        let table = format!("[condition.{id}]");
        let Some((key, t)) = get(&translation.condition, id) else {
            let place = f.in_rules(c.id.span());
            f.at(0..0, format!("{table} is missing (declared at {place})"));
            continue;
        };
        let span = key.span();
        f.text(&t.title, &format!("{table} title"));
        f.text(&t.summary, &format!("{table} summary"));
        f.optional(
            t.clinical_title.as_ref(),
            c.clinical_title.is_some(),
            "clinical_title",
            &table,
            span.clone(),
        );
        f.optional(
            t.clinical_summary.as_ref(),
            c.clinical_summary.is_some(),
            "clinical_summary",
            &table,
            span.clone(),
        );
        for (what, given, original) in [
            ("contact", &t.contact, &c.contact),
            ("referral", &t.referral, &c.referral),
        ] {
            let levels: BTreeSet<&str> = original
                .iter()
                .flat_map(|m| m.get_ref().keys().map(|u| u.id()))
                .collect();
            let given_levels: BTreeSet<&str> = given
                .iter()
                .flat_map(|m| m.keys().map(|k| k.get_ref().as_str()))
                .collect();
            if let Some(given) = given {
                f.unknown(given, &levels, &format!("{what} level of condition '{id}'"));
                for text in given.values() {
                    f.text(text, &format!("{table} {what}"));
                }
            }
            for level in levels.difference(&given_levels) {
                f.at(
                    span.clone(),
                    format!("{table} has no {what} for '{level}': the rules have one"),
                );
            }
        }
    }
}

fn check_outcomes(f: &mut Findings, translation: &TranslationFile, rules: &RulesFile) {
    let ids: BTreeSet<&str> = rules
        .outcome
        .iter()
        .map(|o| o.id.get_ref().as_str())
        .collect();
    f.unknown(&translation.outcome, &ids, "outcome");
    for o in &rules.outcome {
        let id = o.id.get_ref();
        let table = format!("[outcome.{id}]");
        let Some((key, t)) = get(&translation.outcome, id) else {
            let place = f.in_rules(o.id.span());
            f.at(0..0, format!("{table} is missing (declared at {place})"));
            continue;
        };
        let span = key.span();
        f.text(&t.why, &format!("{table} why"));
        f.optional(
            t.clinical_why.as_ref(),
            o.clinical_why.is_some(),
            "clinical_why",
            &table,
            span.clone(),
        );
        f.optional(
            t.contact_note.as_ref(),
            o.contact_note.is_some(),
            "contact_note",
            &table,
            span,
        );
        for (what, given, original) in [
            ("why", Some(&t.why), Some(&o.why)),
            (
                "clinical_why",
                t.clinical_why.as_ref(),
                o.clinical_why.as_ref(),
            ),
        ] {
            if let (Some(given), Some(original)) = (given, original) {
                let want = quotes(original.get_ref()).unwrap_or_default();
                let Some(got) = quotes(given.get_ref()) else {
                    f.at(
                        given.span(),
                        format!("{table} {what} has a '{{' that is not closed: a quote is written {{question_id}}"),
                    );
                    continue;
                };
                if want != got {
                    let list = |s: &BTreeSet<&str>| {
                        if s.is_empty() {
                            "none".to_string()
                        } else {
                            s.iter()
                                .map(|q| format!("{{{q}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    };
                    f.at(
                        given.span(),
                        format!(
                            "{table} {what} quotes {}, but the rules quote {}: keep the same {{question_id}} quotes",
                            list(&got),
                            list(&want)
                        ),
                    );
                }
            }
        }
    }
}

/// Puts the translation's text in place of the rules' own, in a file that
/// [`check`] found it complete for.
pub(super) fn apply(translation: TranslationFile, rules: &mut RulesFile) {
    fn put(target: &mut Text, text: Option<Text>) {
        if let Some(text) = text {
            *target.get_mut() = text.into_inner();
        }
    }
    let TranslationFile {
        rules: meta,
        contributors,
        mut urgency,
        mut lists,
        mut source,
        mut question,
        mut condition,
        mut outcome,
        ..
    } = translation;
    if let Some(title) = meta.title {
        rules.rules.title = title.into_inner();
    }
    put(&mut rules.rules.disclaimer, Some(meta.disclaimer));
    if let Some(list) = contributors {
        for (c, text) in rules.contributor.iter_mut().zip(list.into_inner()) {
            put(&mut c.text, Some(text));
        }
    }
    let u = &mut rules.urgency;
    for (id, def) in [
        ("emergency", &mut u.emergency),
        ("today", &mut u.today),
        ("within_24h", &mut u.within_24h),
        ("within_days", &mut u.within_days),
        ("self_care", &mut u.self_care),
    ] {
        if let Some(t) = take(&mut urgency, id) {
            put(&mut def.label, Some(t.label));
            put(&mut def.contact, Some(t.contact));
            if let Some(referral) = &mut def.referral {
                put(referral, t.referral);
            }
        }
    }
    for (name, items) in rules.lists.iter_mut() {
        if let Some(list) = take(&mut lists, name) {
            *items = list
                .into_inner()
                .into_iter()
                .map(Spanned::into_inner)
                .collect();
        }
    }
    for s in &mut rules.source {
        if let Some(t) = take(&mut source, s.id.get_ref()) {
            put(&mut s.text, Some(t.text));
        }
    }
    for q in &mut rules.question {
        let Some(t) = take(&mut question, q.id.get_ref()) else {
            continue;
        };
        put(&mut q.label, Some(t.label));
        put(&mut q.parent, Some(t.parent));
        if let Some(consultant) = &mut q.consultant {
            put(consultant, t.consultant);
        }
        if let Some(help) = t.help {
            q.help = Some(help.into_inner());
        }
        if let Some(means) = &mut q.unsure_means {
            put(means, t.unsure_means);
        }
        q.unit_label = t.unit.map(Spanned::into_inner);
        if let (Some(presets), Some(mut labels)) = (&mut q.presets, t.presets) {
            for preset in presets.get_mut().iter_mut() {
                if let Some(label) = take(&mut labels, &preset_key(preset.get_ref())) {
                    preset.get_mut().label = label.into_inner();
                }
            }
        }
        if let (Some(choices), Some(mut texts)) = (&mut q.choices, t.choices) {
            for choice in choices.get_mut() {
                if let Some(c) = take(&mut texts, choice.id.get_ref()) {
                    choice.parent = c.parent.into_inner();
                    if let Some(consultant) = c.consultant {
                        choice.consultant = Some(consultant.into_inner());
                    }
                }
            }
        }
    }
    for c in &mut rules.condition {
        let Some(t) = take(&mut condition, c.id.get_ref()) else {
            continue;
        };
        put(&mut c.title, Some(t.title));
        put(&mut c.summary, Some(t.summary));
        if let Some(title) = t.clinical_title {
            c.clinical_title = Some(title.into_inner());
        }
        if let Some(summary) = t.clinical_summary {
            c.clinical_summary = Some(summary.into_inner());
        }
        for (target, texts) in [(&mut c.contact, t.contact), (&mut c.referral, t.referral)] {
            if let (Some(target), Some(mut texts)) = (target, texts) {
                for (level, text) in target.get_mut().iter_mut() {
                    put(text, take(&mut texts, level.id()));
                }
            }
        }
    }
    for o in &mut rules.outcome {
        let Some(t) = take(&mut outcome, o.id.get_ref()) else {
            continue;
        };
        put(&mut o.why, Some(t.why));
        if let Some(clinical) = &mut o.clinical_why {
            put(clinical, t.clinical_why);
        }
        if let Some(note) = t.contact_note {
            o.contact_note = Some(note.into_inner());
        }
    }
}
