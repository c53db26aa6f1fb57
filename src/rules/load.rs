//! From a [`RulesFile`] to validated [`Rules`], collecting every problem
//! with its position rather than stopping at the first.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use toml::Spanned;

use crate::bitset::BitSet;

use super::file::{
    AskedDef, BoundsDef, ConditionDef, ConstraintDef, KindDef, OutcomeDef, PresetDef, PropertyDef,
    QuestionDef, RangeDef, RulesFile, StepDef, WorseIsDef, YesNoDef,
};
use super::{
    format_number, Allowed, Bound, Branches, Choice, Condition, ConditionId, Constraint, Interval,
    Node, NodeId, NodeKind, NumberSpec, NumericBranch, Outcome, Preset, PresetValue, Problem,
    Property, PropertyKind, Question, QuestionId, QuestionKind, Rules, RulesError, Source, Step,
    Urgency, UrgencyText, WorseOrder,
};

/// The plausible range of a temperature reading, in °C: the same range the
/// answer parser accepts, so numeric branches must cover exactly this.
pub const TEMPERATURE_RANGE_C: (f64, f64) = (30.0, 45.0);

pub(super) struct Checker<'t> {
    text: &'t str,
    problems: Vec<Problem>,
    /// Byte offsets where lines start, built on first use.
    line_starts: Vec<usize>,
}

impl Checker<'_> {
    /// Records a problem at a span; the line comes from the index of line
    /// starts, so that thousands of problems cost no more than one pass.
    pub(super) fn report(&mut self, span: Range<usize>, message: impl Into<String>) {
        let offset = span.start.min(self.text.len());
        let line = self.line_of(offset..offset);
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(0)
            .min(offset);
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |before| before.chars().count() + 1);
        self.problems.push(Problem {
            line,
            column,
            message: message.into(),
        });
    }

    /// The line (from 1) of a span's start, found in an index of line
    /// starts: many thresholds ask, and counting newlines from the top of
    /// the file each time made loading quadratic.
    pub(super) fn line_of(&mut self, span: Range<usize>) -> usize {
        if self.line_starts.is_empty() {
            self.line_starts = std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
        }
        self.line_starts
            .partition_point(|&start| start <= span.start)
    }

    pub(super) fn require_text(&mut self, value: &Spanned<String>, what: &str) {
        if value.get_ref().trim().is_empty() {
            self.report(value.span(), format!("{what} must not be empty"));
        }
    }

    /// Reports ids that are empty or declared twice, and returns id -> index.
    fn index_ids<'a>(
        &mut self,
        ids: impl Iterator<Item = &'a Spanned<String>>,
        what: &str,
    ) -> HashMap<String, usize> {
        let mut index = HashMap::new();
        for (i, id) in ids.enumerate() {
            if !is_valid_id(id.get_ref()) {
                self.report(
                    id.span(),
                    format!(
                        "{what} id '{}' is not valid: use lower-case letters, digits and '_'",
                        id.get_ref()
                    ),
                );
            }
            if index.insert(id.get_ref().clone(), i).is_some() {
                self.report(id.span(), format!("duplicate {what} id '{}'", id.get_ref()));
            }
        }
        index
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `digest`: the file's SHA-256 when already known (the built-in rules'),
/// else it is computed here.
pub fn load(text: &str, origin: &str, digest: Option<&str>) -> Result<Rules, RulesError> {
    let file = parse_file(text, origin)?;
    build_file(file, text, origin, digest)
}

/// The file as written, or the first error serde met in it.
pub(super) fn parse_file(text: &str, origin: &str) -> Result<RulesFile, RulesError> {
    toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        RulesError {
            origin: origin.to_string(),
            problems: vec![Problem::at(text, span, e.message().trim().to_string())],
        }
    })
}

/// Validates a parsed file; `text` is what its spans point into.
pub(super) fn build_file(
    file: RulesFile,
    text: &str,
    origin: &str,
    digest: Option<&str>,
) -> Result<Rules, RulesError> {
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        line_starts: Vec::new(),
    };
    let rules = build(&mut checker, file).map(|mut rules| {
        rules.digest = digest.map_or_else(|| sha256_hex(text), str::to_string);
        rules
    });
    match rules {
        Some(rules) if checker.problems.is_empty() => Ok(rules),
        _ => {
            let mut problems = checker.problems;
            // Every refusal names its reason; this is the net under that.
            if problems.is_empty() {
                problems.push(Problem::at(
                    text,
                    0..0,
                    "the file was refused without a reason being recorded; this is a bug in lactriage, please report it with the file",
                ));
            }
            problems.sort_by_key(|p| (p.line, p.column));
            problems.dedup();
            Err(RulesError {
                origin: origin.to_string(),
                problems,
            })
        }
    }
}

fn build(c: &mut Checker, file: RulesFile) -> Option<Rules> {
    let RulesFile {
        rules: meta,
        urgency,
        lists,
        source,
        question,
        step,
        condition,
        outcome,
        property,
        contributor,
        hazard,
    } = file;
    c.require_text(&meta.name, "the rules name");
    c.require_text(&meta.version, "the rules version");
    c.require_text(&meta.disclaimer, "the disclaimer");

    let source_index = c.index_ids(source.iter().map(|s| &s.id), "source");
    for s in &source {
        c.require_text(&s.text, "a source's text");
    }

    let mut urgencies = Vec::new();
    for (level, def) in urgency.into_levels() {
        c.require_text(&def.label, "an urgency label");
        c.require_text(&def.contact, "an urgency's contact text");
        if let Some(referral) = &def.referral {
            c.require_text(referral, "an urgency's referral text");
        }
        let watch_for = resolve_lists(c, &lists, def.watch_for.get_ref());
        // Every result below `today` repeats the warning signs.
        if level < Urgency::Today && watch_for.is_empty() {
            c.report(
                def.watch_for.span(),
                format!(
                    "urgency '{level}' must list warning signs in watch_for: every result below 'today' repeats them"
                ),
            );
        }
        urgencies.push((
            level,
            UrgencyText {
                referral: def
                    .referral
                    .map(Spanned::into_inner)
                    .unwrap_or_else(|| def.contact.get_ref().clone()),
                label: def.label.into_inner(),
                contact: def.contact.into_inner(),
                watch_for,
            },
        ));
    }
    // `Rules::urgency` indexes by level, least urgent first.
    urgencies.sort_by_key(|(level, _)| *level);
    let urgencies: Vec<UrgencyText> = urgencies.into_iter().map(|(_, text)| text).collect();

    let question_index = c.index_ids(question.iter().map(|q| &q.id), "question");
    let questions: Vec<Question> = question.into_iter().map(|q| build_question(c, q)).collect();

    let condition_index = c.index_ids(condition.iter().map(|d| &d.id), "condition");
    let table_span = |d: &ConditionDef, t: &Option<Spanned<BTreeMap<Urgency, Spanned<String>>>>| {
        t.as_ref().map_or_else(|| d.id.span(), Spanned::span)
    };
    let condition_spans: Vec<(Range<usize>, Range<usize>)> = condition
        .iter()
        .map(|d| (table_span(d, &d.contact), table_span(d, &d.referral)))
        .collect();
    let conditions: Vec<Condition> = condition
        .into_iter()
        .map(|d| build_condition(c, d, &lists, &source, &source_index))
        .collect();

    // Steps and outcomes share one id space: a branch names either.
    let node_ids: Vec<&Spanned<String>> = step
        .iter()
        .map(|s| &s.id)
        .chain(outcome.iter().map(|o| &o.id))
        .collect();
    let node_index = c.index_ids(node_ids.into_iter(), "node");

    let mut nodes = Vec::with_capacity(step.len() + outcome.len());
    let mut complete = true;
    for s in &step {
        match build_step(c, s, &questions, &question_index, &node_index) {
            Some(built) => nodes.push(Node {
                id: s.id.get_ref().clone(),
                kind: NodeKind::Step(built),
            }),
            None => complete = false,
        }
    }
    for o in &outcome {
        match build_outcome(c, o, &condition_index) {
            Some(built) => nodes.push(Node {
                id: o.id.get_ref().clone(),
                kind: NodeKind::Outcome(built),
            }),
            None => complete = false,
        }
    }

    let start = match node_index.get(meta.start.get_ref()) {
        Some(&i) => Some(NodeId(i)),
        None => {
            c.report(
                meta.start.span(),
                format!(
                    "start names node '{}', which is neither a step nor an outcome{}",
                    meta.start.get_ref(),
                    suggest(meta.start.get_ref(), node_index.keys())
                ),
            );
            None
        }
    };
    if !complete {
        return None;
    }
    let start = start?;

    let mut questions = questions;
    check_graph(c, &nodes, start, &step, &outcome, &questions);
    check_presets(c, &nodes, &questions);
    check_outcome_texts(c, &nodes, &conditions, &condition_spans, &outcome);
    for node in &nodes {
        if let NodeKind::Step(s) = &node.kind {
            questions[s.question.0].used_by_tree = true;
        }
    }
    let thresholds = super::safety::thresholds(
        c,
        &step,
        &property,
        &questions,
        &question_index,
        &source_index,
    );
    let property_ids = c.index_ids(
        property.iter().filter_map(|p| p.get_ref().id.as_ref()),
        "property",
    );
    let properties = property
        .into_iter()
        .filter_map(|p| build_property(c, p, &questions, &question_index))
        .collect();
    let hazards = super::safety::build_hazards(c, hazard, &property_ids);
    let contributors = contributor
        .into_iter()
        .filter_map(|d| {
            build_contributor(c, d, &questions, &question_index, &source, &source_index)
        })
        .collect();

    Some(Rules {
        name: meta.name.into_inner(),
        version: meta.version.into_inner(),
        title: meta.title,
        disclaimer: meta.disclaimer.into_inner(),
        questions,
        nodes,
        conditions,
        sources: source
            .into_iter()
            .map(|s| Source {
                id: s.id.into_inner(),
                text: s.text.into_inner(),
            })
            .collect(),
        properties,
        contributors,
        hazards,
        thresholds,
        digest: String::new(),
        start,
        urgencies,
        question_index,
    })
}

/// SHA-256 of the file's bytes, in lower-case hex.
pub(super) fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let hash = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in hash {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Flattens named lists into their items, reporting unknown names.
fn resolve_lists(
    c: &mut Checker,
    lists: &BTreeMap<String, Vec<String>>,
    names: &[Spanned<String>],
) -> Vec<String> {
    let mut items = Vec::new();
    for name in names {
        match lists.get(name.get_ref()) {
            Some(list) => items.extend(list.iter().cloned()),
            None => c.report(
                name.span(),
                format!(
                    "no list named '{}' in [lists]{}",
                    name.get_ref(),
                    suggest(name.get_ref(), lists.keys())
                ),
            ),
        }
    }
    items
}

pub(super) fn suggest<'a>(wrong: &str, known: impl ExactSizeIterator<Item = &'a String>) -> String {
    // Past a few hundred ids a suggestion is a guess, and comparing every
    // wrong name with every id made a large broken file take minutes.
    if known.len() > 500 {
        return String::new();
    }
    crate::answers::closest(wrong, known.map(String::as_str))
        .map(|s| format!("; did you mean '{s}'?"))
        .unwrap_or_default()
}

fn build_question(c: &mut Checker, q: QuestionDef) -> Question {
    let kind_span = q.kind.span();
    let kind_name = match q.kind.get_ref() {
        KindDef::YesNo => "yes_no",
        KindDef::YesNoUnsure => "yes_no_unsure",
        KindDef::Choice => "choice",
        KindDef::Number => "number",
        KindDef::Temperature => "temperature",
        KindDef::Text => "text",
    };
    let not_for_kind = |c: &mut Checker, present: Option<Range<usize>>, key: &str| {
        if let Some(span) = present {
            c.report(
                span,
                format!(
                    "'{key}' does not apply to a question of kind \"{kind_name}\" ('{}')",
                    q.id.get_ref()
                ),
            );
        }
    };
    let kind = *q.kind.get_ref();
    if kind != KindDef::YesNoUnsure {
        not_for_kind(
            c,
            q.unsure_counts_as.as_ref().map(Spanned::span),
            "unsure_counts_as",
        );
        not_for_kind(
            c,
            q.unsure_means.as_ref().map(Spanned::span),
            "unsure_means",
        );
    }
    if let Some(means) = &q.unsure_means {
        c.require_text(means, "a question's unsure_means");
    }
    if kind != KindDef::Choice {
        not_for_kind(c, q.choices.as_ref().map(Spanned::span), "choices");
    }
    if kind != KindDef::Number {
        not_for_kind(c, q.unit.as_ref().map(Spanned::span), "unit");
        not_for_kind(c, q.min.as_ref().map(Spanned::span), "min");
        not_for_kind(c, q.max.as_ref().map(Spanned::span), "max");
        not_for_kind(c, q.presets.as_ref().map(Spanned::span), "presets");
        not_for_kind(c, q.whole.as_ref().map(Spanned::span), "whole");
    }
    if q.asked == AskedDef::Consultant && kind != KindDef::Number {
        c.report(
            kind_span.clone(),
            format!(
                "asked = \"consultant\" is for optional measurements: question '{}' must be of kind \"number\"",
                q.id.get_ref()
            ),
        );
    }
    c.require_text(&q.parent, "a question's parent wording");
    c.require_text(&q.label, "a question's label");

    let built_kind = match kind {
        KindDef::YesNo => QuestionKind::YesNo,
        KindDef::YesNoUnsure => match &q.unsure_counts_as {
            Some(u) => QuestionKind::YesNoUnsure {
                unsure_counts_as_yes: *u.get_ref() == YesNoDef::Yes,
            },
            None => {
                c.report(
                    kind_span,
                    format!(
                        "question '{}' of kind \"yes_no_unsure\" needs unsure_counts_as = \"yes\" or \"no\"",
                        q.id.get_ref()
                    ),
                );
                QuestionKind::YesNoUnsure {
                    unsure_counts_as_yes: true,
                }
            }
        },
        KindDef::Choice => {
            let defs = q.choices.map(Spanned::into_inner).unwrap_or_default();
            if defs.len() < 2 {
                c.report(
                    kind_span,
                    format!(
                        "question '{}' of kind \"choice\" needs at least two choices",
                        q.id.get_ref()
                    ),
                );
            }
            c.index_ids(defs.iter().map(|d| &d.id), "choice");
            QuestionKind::Choice(
                defs.into_iter()
                    .map(|d| Choice {
                        consultant: d.consultant.unwrap_or_else(|| d.parent.clone()),
                        id: d.id.into_inner(),
                        parent: d.parent,
                    })
                    .collect(),
            )
        }
        KindDef::Number => {
            let unit = match q.unit {
                Some(u) => u.into_inner(),
                None => {
                    c.report(
                        kind_span,
                        format!(
                            "question '{}' of kind \"number\" needs a unit",
                            q.id.get_ref()
                        ),
                    );
                    String::new()
                }
            };
            for bound in [&q.min, &q.max].into_iter().flatten() {
                if !bound.get_ref().is_finite() {
                    c.report(bound.span(), "min and max must be finite numbers");
                }
            }
            let min = q.min.map(Spanned::into_inner).filter(|x| x.is_finite());
            let max = q
                .max
                .as_ref()
                .map(|m| *m.get_ref())
                .filter(|x| x.is_finite());
            if let (Some(lo), Some(hi)) = (min, &q.max) {
                if lo > *hi.get_ref() {
                    c.report(hi.span(), "max is below min");
                } else if q.whole.as_ref().is_some_and(|w| *w.get_ref())
                    && lo.ceil() > hi.get_ref().floor()
                {
                    c.report(
                        hi.span(),
                        "no whole number lies between min and max: the question could accept no answer",
                    );
                }
            }
            let presets = q
                .presets
                .map(Spanned::into_inner)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| build_preset(c, p, min, max))
                .collect();
            QuestionKind::Number(NumberSpec {
                unit_label: q.unit_label.unwrap_or_else(|| unit.clone()),
                unit,
                min,
                max,
                whole: q.whole.is_some_and(|w| *w.get_ref()),
                presets,
            })
        }
        KindDef::Temperature => QuestionKind::Temperature,
        KindDef::Text => {
            if !q.intake {
                c.report(
                    kind_span.clone(),
                    format!(
                        "question '{}': free text is for intake questions (intake = true): the tree cannot branch on it",
                        q.id.get_ref()
                    ),
                );
            }
            QuestionKind::Text
        }
    };
    Question {
        consultant: q
            .consultant
            .map(Spanned::into_inner)
            .unwrap_or_else(|| q.parent.get_ref().clone()),
        id: q.id.into_inner(),
        label: q.label.into_inner(),
        kind: built_kind,
        parent: q.parent.into_inner(),
        help: q.help,
        consultant_only: q.asked == AskedDef::Consultant,
        intake: q.intake,
        used_by_tree: false,
        unsure_means: q.unsure_means.map(Spanned::into_inner),
    }
}

fn build_preset(
    c: &mut Checker,
    p: Spanned<PresetDef>,
    min: Option<f64>,
    max: Option<f64>,
) -> Option<Preset> {
    let span = p.span();
    let def = p.into_inner();
    let report_span = span.clone();
    let in_bounds = |x: f64| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
    let value = match (def.value, def.from, def.above, def.to) {
        (Some(v), None, None, None) => PresetValue::Exact(v),
        (None, Some(from), None, to) => PresetValue::Range {
            from,
            to,
            exclusive: false,
        },
        (None, None, Some(from), to) => PresetValue::Range {
            from,
            to,
            exclusive: true,
        },
        _ => {
            c.report(
                report_span,
                "a preset has either value = N, or from = N (or above = N) with an optional to = N",
            );
            return None;
        }
    };
    let finite = [def.value, def.from, def.above, def.to]
        .into_iter()
        .flatten()
        .all(f64::is_finite);
    let ok = finite
        && match value {
            PresetValue::Exact(v) => in_bounds(v),
            PresetValue::Range { from, to, .. } => {
                in_bounds(from) && to.is_none_or(|t| t > from && max.is_none_or(|m| t <= m))
            }
        };
    if !ok {
        c.report(
            report_span,
            format!(
                "preset '{}' lies outside the question's accepted values",
                def.label
            ),
        );
        return None;
    }
    Some(Preset {
        label: def.label,
        value,
        span,
    })
}

fn build_condition(
    c: &mut Checker,
    d: ConditionDef,
    lists: &BTreeMap<String, Vec<String>>,
    sources: &[super::file::SourceDef],
    source_index: &HashMap<String, usize>,
) -> Condition {
    c.require_text(&d.title, "a condition's title");
    c.require_text(&d.summary, "a condition's summary");
    let advice = resolve_lists(c, lists, d.advice.get_ref());
    if advice.is_empty() && d.advice.get_ref().is_empty() {
        c.report(
            d.advice.span(),
            format!("condition '{}' needs advice", d.id.get_ref()),
        );
    }
    let avoid = resolve_lists(c, lists, d.avoid.get_ref());
    let mut cited = Vec::new();
    for s in d.sources.get_ref() {
        match source_index.get(s.get_ref()) {
            Some(&i) => cited.push(sources[i].text.get_ref().clone()),
            None => c.report(
                s.span(),
                format!(
                    "no source with id '{}'{}",
                    s.get_ref(),
                    suggest(s.get_ref(), source_index.keys())
                ),
            ),
        }
    }
    if d.sources.get_ref().is_empty() {
        c.report(
            d.sources.span(),
            format!(
                "condition '{}' must cite at least one source",
                d.id.get_ref()
            ),
        );
    }
    let mut per_level = |table: &Option<Spanned<BTreeMap<Urgency, Spanned<String>>>>| {
        let mut out = Vec::new();
        for (level, text) in table.iter().flat_map(|t| t.get_ref()) {
            c.require_text(text, "a condition's contact text");
            out.push((*level, text.get_ref().clone()));
        }
        out
    };
    let contact = per_level(&d.contact);
    let referral = per_level(&d.referral);
    Condition {
        contact,
        referral,
        clinical_title: d
            .clinical_title
            .unwrap_or_else(|| d.title.get_ref().clone()),
        clinical_summary: d
            .clinical_summary
            .unwrap_or_else(|| d.summary.get_ref().clone()),
        id: d.id.into_inner(),
        title: d.title.into_inner(),
        summary: d.summary.into_inner(),
        advice,
        avoid,
        sources: cited,
    }
}

fn node_ref(
    c: &mut Checker,
    name: &Spanned<String>,
    node_index: &HashMap<String, usize>,
) -> Option<NodeId> {
    match node_index.get(name.get_ref()) {
        Some(&i) => Some(NodeId(i)),
        None => {
            c.report(
                name.span(),
                format!(
                    "branch points to '{}', which is neither a step nor an outcome{}",
                    name.get_ref(),
                    suggest(name.get_ref(), node_index.keys())
                ),
            );
            None
        }
    }
}

fn build_step(
    c: &mut Checker,
    s: &StepDef,
    questions: &[Question],
    question_index: &HashMap<String, usize>,
    node_index: &HashMap<String, usize>,
) -> Option<Step> {
    let step_id = s.id.get_ref();
    let Some(&qi) = question_index.get(s.ask.get_ref()) else {
        c.report(
            s.ask.span(),
            format!(
                "step '{step_id}' asks '{}', which is not a declared question{}",
                s.ask.get_ref(),
                suggest(s.ask.get_ref(), question_index.keys())
            ),
        );
        return None;
    };
    let q = &questions[qi];
    if q.intake {
        c.report(
            s.ask.span(),
            format!(
                "step '{step_id}' asks '{}', an intake question (intake = true), which the tree must not use",
                q.id
            ),
        );
        return None;
    }
    let kind = q.kind.name();
    let unexpected = |c: &mut Checker, present: Option<Range<usize>>, key: &str| {
        if let Some(span) = present {
            c.report(
                span,
                format!(
                    "step '{step_id}' asks '{}' (kind \"{kind}\"), which does not branch with '{key}'",
                    q.id
                ),
            );
        }
    };
    let missing = |c: &mut Checker, key: &str| {
        c.report(
            s.id.span(),
            format!(
                "step '{step_id}' asks '{}' (kind \"{kind}\") and needs '{key}'",
                q.id
            ),
        );
    };
    let span_of = |x: &Option<Spanned<String>>| x.as_ref().map(Spanned::span);

    let branches = match &q.kind {
        QuestionKind::YesNo | QuestionKind::YesNoUnsure { .. } => {
            unexpected(c, s.on.as_ref().map(Spanned::span), "on");
            unexpected(c, s.ranges.as_ref().map(Spanned::span), "ranges");
            unexpected(c, span_of(&s.not_measured), "not_measured");
            let (Some(yes), Some(no)) = (&s.yes, &s.no) else {
                if s.yes.is_none() {
                    missing(c, "yes");
                }
                if s.no.is_none() {
                    missing(c, "no");
                }
                return None;
            };
            Branches::YesNo {
                yes: node_ref(c, yes, node_index)?,
                no: node_ref(c, no, node_index)?,
            }
        }
        QuestionKind::Choice(choices) => {
            unexpected(c, span_of(&s.yes), "yes");
            unexpected(c, span_of(&s.no), "no");
            unexpected(c, s.ranges.as_ref().map(Spanned::span), "ranges");
            unexpected(c, span_of(&s.not_measured), "not_measured");
            let Some(on) = &s.on else {
                missing(c, "on");
                return None;
            };
            for key in on.get_ref().keys() {
                if !choices.iter().any(|ch| &ch.id == key) {
                    let ids: Vec<&str> = choices.iter().map(|ch| ch.id.as_str()).collect();
                    c.report(
                        on.span(),
                        format!(
                            "step '{step_id}' branches on '{key}', which is not a choice of '{}' (choices: {})",
                            q.id,
                            ids.join(", ")
                        ),
                    );
                }
            }
            let mut next = Vec::with_capacity(choices.len());
            let mut ok = true;
            for ch in choices {
                match on.get_ref().get(&ch.id) {
                    Some(target) => match node_ref(c, target, node_index) {
                        Some(n) => next.push(n),
                        None => ok = false,
                    },
                    None => {
                        c.report(
                            on.span(),
                            format!(
                                "step '{step_id}' has no branch for choice '{}' of '{}'",
                                ch.id, q.id
                            ),
                        );
                        ok = false;
                    }
                }
            }
            if !ok {
                return None;
            }
            Branches::Choice(next)
        }
        QuestionKind::Text => {
            c.report(
                s.ask.span(),
                format!("step '{step_id}' cannot branch on free text ('{}')", q.id),
            );
            return None;
        }
        QuestionKind::Number(_) | QuestionKind::Temperature => {
            unexpected(c, span_of(&s.yes), "yes");
            unexpected(c, span_of(&s.no), "no");
            unexpected(c, s.on.as_ref().map(Spanned::span), "on");
            let not_measured = match (&s.not_measured, q.accepts_not_measured()) {
                (Some(n), true) => Some(node_ref(c, n, node_index)?),
                (Some(n), false) => {
                    c.report(
                        n.span(),
                        format!(
                            "step '{step_id}': question '{}' does not accept not_measured (only temperatures and measurements asked of consultants do)",
                            q.id
                        ),
                    );
                    return None;
                }
                (None, true) => {
                    missing(c, "not_measured");
                    return None;
                }
                (None, false) => None,
            };
            let Some(ranges) = &s.ranges else {
                missing(c, "ranges");
                return None;
            };
            let mut built = Vec::new();
            for r in ranges.get_ref() {
                let range = interval(c, r)?;
                built.push(NumericBranch {
                    range,
                    next: node_ref(c, &r.get_ref().next, node_index)?,
                });
            }
            let domain = match &q.kind {
                QuestionKind::Number(n) => (n.min, n.max),
                _ => (Some(TEMPERATURE_RANGE_C.0), Some(TEMPERATURE_RANGE_C.1)),
            };
            check_coverage(c, ranges, &built, domain, step_id, &q.id)?;
            Branches::Numeric {
                not_measured,
                ranges: built,
            }
        }
    };
    Some(Step {
        question: QuestionId(qi),
        branches,
    })
}

fn interval(c: &mut Checker, r: &Spanned<RangeDef>) -> Option<Interval> {
    let d = r.get_ref();
    let lower = match (d.above, d.at_least) {
        (Some(_), Some(_)) => {
            c.report(
                r.span(),
                "a range has either 'above' or 'at_least', not both",
            );
            return None;
        }
        (Some(v), None) => Some(Bound {
            value: v,
            inclusive: false,
        }),
        (None, Some(v)) => Some(Bound {
            value: v,
            inclusive: true,
        }),
        (None, None) => None,
    };
    let upper = match (d.below, d.at_most) {
        (Some(_), Some(_)) => {
            c.report(
                r.span(),
                "a range has either 'below' or 'at_most', not both",
            );
            return None;
        }
        (Some(v), None) => Some(Bound {
            value: v,
            inclusive: false,
        }),
        (None, Some(v)) => Some(Bound {
            value: v,
            inclusive: true,
        }),
        (None, None) => None,
    };
    let all = [d.above, d.at_least, d.below, d.at_most];
    if all.iter().flatten().any(|v| !v.is_finite()) {
        c.report(r.span(), "a range bound must be a finite number");
        return None;
    }
    if lower.is_none() && upper.is_none() {
        c.report(
            r.span(),
            "a range needs a bound: above, at_least, below or at_most",
        );
        return None;
    }
    if let (Some(l), Some(u)) = (lower, upper) {
        if l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) {
            c.report(
                r.span(),
                "this range is empty: its lower bound is not below its upper bound",
            );
            return None;
        }
    }
    Some(Interval { lower, upper })
}

/// The ranges of one step must cover the question's accepted values exactly
/// once: a gap would leave answers with nowhere to go, an overlap two places.
fn check_coverage(
    c: &mut Checker,
    defs: &Spanned<Vec<Spanned<RangeDef>>>,
    built: &[NumericBranch],
    domain: (Option<f64>, Option<f64>),
    step_id: &str,
    question_id: &str,
) -> Option<()> {
    if built.is_empty() {
        c.report(
            defs.span(),
            format!("step '{step_id}' ({question_id}): 'ranges' is empty; give at least one range, such as {{ at_least = 0, next = \"...\" }}"),
        );
        return None;
    }
    let mut order: Vec<usize> = (0..built.len()).collect();
    // Sort by lower bound; an unbounded lower bound comes first, and at the
    // same value an inclusive bound starts before an exclusive one.
    order.sort_by(|&a, &b| {
        let key = |i: usize| match built[i].range.lower {
            None => (f64::NEG_INFINITY, 0),
            Some(l) => (l.value, if l.inclusive { 0 } else { 1 }),
        };
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.cmp(&kb.1))
    });
    let span_of = |i: usize| defs.get_ref()[i].span();
    let here = format!("step '{step_id}' ({question_id})");
    let mut ok = true;

    // The first range must start at or below the smallest accepted value.
    let first = order[0];
    if let Some(l) = built[first].range.lower {
        let covered = match domain.0 {
            Some(min) => l.value < min || (l.value == min && l.inclusive),
            None => false,
        };
        if !covered {
            c.report(
                span_of(first),
                format!(
                    "{here}: no range covers values below {} ({})",
                    format_number(l.value),
                    match domain.0 {
                        Some(min) => format!("accepted values start at {}", format_number(min)),
                        None => "the question has no minimum".to_string(),
                    }
                ),
            );
            ok = false;
        }
    }
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(upper) = built[a].range.upper else {
            c.report(
                span_of(b),
                format!("{here}: this range overlaps another that has no upper bound"),
            );
            ok = false;
            continue;
        };
        let Some(lower) = built[b].range.lower else {
            // Sorted first, both lack a lower bound.
            c.report(
                span_of(b),
                format!("{here}: two ranges have no lower bound (no 'above' or 'at_least'), so they overlap; only one range may start from the lowest values"),
            );
            ok = false;
            continue;
        };
        if upper.value < lower.value
            || (upper.value == lower.value && !upper.inclusive && !lower.inclusive)
        {
            // Values outside the accepted range need no branch.
            let outside = domain.1.is_some_and(|max| upper.value >= max)
                || domain.0.is_some_and(|min| lower.value <= min);
            if !outside {
                c.report(
                    span_of(b),
                    format!(
                        "{here}: gap in the ranges: nothing covers values between {} and {}",
                        format_number(upper.value),
                        format_number(lower.value)
                    ),
                );
                ok = false;
            }
        } else if upper.value > lower.value || (upper.inclusive && lower.inclusive) {
            c.report(
                span_of(b),
                format!(
                    "{here}: ranges overlap around {}: each value must lead to one branch",
                    format_number(lower.value)
                ),
            );
            ok = false;
        }
    }
    let last = order[order.len() - 1];
    if let Some(u) = built[last].range.upper {
        let covered = match domain.1 {
            Some(max) => u.value > max || (u.value == max && u.inclusive),
            None => false,
        };
        if !covered {
            c.report(
                span_of(last),
                format!(
                    "{here}: no range covers values above {} ({})",
                    format_number(u.value),
                    match domain.1 {
                        Some(max) => format!("accepted values go up to {}", format_number(max)),
                        None => "the question has no maximum".to_string(),
                    }
                ),
            );
            ok = false;
        }
    }
    ok.then_some(())
}

fn build_outcome(
    c: &mut Checker,
    o: &OutcomeDef,
    condition_index: &HashMap<String, usize>,
) -> Option<Outcome> {
    c.require_text(&o.why, "an outcome's why");
    let Some(&ci) = condition_index.get(o.condition.get_ref()) else {
        c.report(
            o.condition.span(),
            format!(
                "outcome '{}' names condition '{}', which is not declared{}",
                o.id.get_ref(),
                o.condition.get_ref(),
                suggest(o.condition.get_ref(), condition_index.keys())
            ),
        );
        return None;
    };
    if let Some(clinical) = &o.clinical_why {
        c.require_text(clinical, "an outcome's clinical_why");
    }
    Some(Outcome {
        condition: ConditionId(ci),
        urgency: *o.urgency.get_ref(),
        why: o.why.get_ref().clone(),
        clinical_why: o.clinical_why.as_ref().map(|w| w.get_ref().clone()),
        contact_note: o.contact_note.clone(),
    })
}

/// Cycles, unreachable nodes, and questions asked twice on one path.
fn check_graph(
    c: &mut Checker,
    nodes: &[Node],
    start: NodeId,
    steps: &[StepDef],
    outcomes: &[OutcomeDef],
    questions: &[Question],
) {
    let span_of = |n: NodeId| -> Range<usize> {
        match steps.get(n.0) {
            Some(s) => s.id.span(),
            None => outcomes[n.0 - steps.len()].id.span(),
        }
    };
    let targets: Vec<Vec<NodeId>> = nodes
        .iter()
        .map(|n| match &n.kind {
            NodeKind::Step(s) => s.branches.targets(),
            NodeKind::Outcome(_) => Vec::new(),
        })
        .collect();

    // Depth-first search from the start, iteratively so that no file can
    // overflow the stack: 0 unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; nodes.len()];
    let mut order = Vec::with_capacity(nodes.len());
    let mut stack = vec![(start, 0usize)];
    state[start.0] = 1;
    let mut cyclic = false;
    while let Some((node, child)) = stack.pop() {
        if let Some(&next) = targets[node.0].get(child) {
            stack.push((node, child + 1));
            match state[next.0] {
                0 => {
                    state[next.0] = 1;
                    stack.push((next, 0));
                }
                1 => {
                    cyclic = true;
                    c.report(
                        span_of(node),
                        format!(
                            "cycle: step '{}' leads back to '{}', which comes before it",
                            nodes[node.0].id, nodes[next.0].id
                        ),
                    );
                }
                _ => {}
            }
        } else {
            state[node.0] = 2;
            order.push(node);
        }
    }
    for (i, s) in state.iter().enumerate() {
        if *s == 0 {
            c.report(
                span_of(NodeId(i)),
                format!("node '{}' is never reached from the start", nodes[i].id),
            );
        }
    }
    if cyclic {
        return;
    }

    // In reverse post-order every node comes after all its parents, so the
    // questions asked before a node are complete when it is visited. Only a
    // question two steps ask can be asked twice on a path, so only those are
    // tracked: a long chain of distinct questions costs nothing here.
    let mut askers = vec![0usize; questions.len()];
    for node in nodes {
        if let NodeKind::Step(step) = &node.kind {
            askers[step.question.0] += 1;
        }
    }
    let repeated = BitIndex::new(askers.iter().map(|&n| n > 1));
    let mut asked_before: Vec<BitSet> = vec![repeated.empty(); nodes.len()];
    for &node in order.iter().rev() {
        let NodeKind::Step(step) = &nodes[node.0].kind else {
            continue;
        };
        let Some(bit) = repeated.bit(step.question.0) else {
            continue_to_children(&mut asked_before, node, &targets, None);
            continue;
        };
        if asked_before[node.0].contains(bit) {
            c.report(
                span_of(node),
                format!(
                    "step '{}' asks '{}', which an earlier step on some path already asked",
                    nodes[node.0].id, questions[step.question.0].id
                ),
            );
        }
        continue_to_children(&mut asked_before, node, &targets, Some(bit));
    }

    // The questions asked on every path to a node: an outcome's why may
    // quote only those answers. Only quoted questions are tracked.
    let mut quoted = vec![false; questions.len()];
    for def in outcomes {
        for text in std::iter::once(&def.why).chain(def.clinical_why.as_ref()) {
            for id in placeholders(text.get_ref()).into_iter().flatten() {
                if let Some(q) = questions.iter().position(|x| x.id == id) {
                    quoted[q] = true;
                }
            }
        }
    }
    let quoted = BitIndex::new(quoted.into_iter());
    let mut always: Vec<Option<BitSet>> = vec![None; nodes.len()];
    always[start.0] = Some(quoted.empty());
    for &node in order.iter().rev() {
        let NodeKind::Step(step) = &nodes[node.0].kind else {
            continue;
        };
        let mut passed = always[node.0].clone().unwrap_or_else(|| quoted.empty());
        if let Some(bit) = quoted.bit(step.question.0) {
            passed.insert(bit);
        }
        for &next in &targets[node.0] {
            always[next.0] = Some(match always[next.0].take() {
                None => passed.clone(),
                Some(seen) => seen.and(&passed),
            });
        }
    }
    for (i, def) in outcomes.iter().enumerate() {
        let node = steps.len() + i;
        let asked = always[node].clone().unwrap_or_else(|| quoted.empty());
        let texts = std::iter::once(&def.why).chain(def.clinical_why.as_ref());
        for text in texts {
            for placeholder in placeholders(text.get_ref()) {
                let problem = match placeholder {
                    Err(()) => Some(format!(
                        "outcome '{}': a '{{' without its '}}'; write {{question_id}} to quote an answer",
                        def.id.get_ref()
                    )),
                    Ok(id) => match questions.iter().position(|q| q.id == id) {
                        None => Some(format!(
                            "outcome '{}' quotes {{{id}}}, which is not a declared question",
                            def.id.get_ref()
                        )),
                        Some(q) if !quoted.bit(q).is_some_and(|b| asked.contains(b)) => Some(format!(
                            "outcome '{}' quotes {{{id}}}, but not every path to it asks '{id}'",
                            def.id.get_ref()
                        )),
                        Some(_) => None,
                    },
                };
                if let Some(message) = problem {
                    c.report(text.span(), message);
                }
            }
        }
    }
}

/// Passes the questions asked before `node` (and `bit`, its own, if
/// tracked) on to its children.
fn continue_to_children(
    asked_before: &mut [BitSet],
    node: NodeId,
    targets: &[Vec<NodeId>],
    bit: Option<usize>,
) {
    let mut passed = asked_before[node.0].clone();
    if let Some(bit) = bit {
        passed.insert(bit);
    }
    for &next in &targets[node.0] {
        asked_before[next.0].union_with(&passed);
    }
}

/// Numbers for a few tracked questions, so that a set of them is a
/// [`BitSet`] of a few bits, however many questions the file has.
struct BitIndex {
    /// Question index -> bit, for tracked questions.
    bits: Vec<Option<usize>>,
    width: usize,
}

impl BitIndex {
    fn new(tracked: impl Iterator<Item = bool>) -> BitIndex {
        let mut width = 0;
        let bits = tracked
            .map(|t| {
                t.then(|| {
                    width += 1;
                    width - 1
                })
            })
            .collect();
        BitIndex { bits, width }
    }

    fn empty(&self) -> BitSet {
        BitSet::empty(self.width)
    }

    fn bit(&self, question: usize) -> Option<usize> {
        self.bits.get(question).copied().flatten()
    }
}

/// The `{question_id}` placeholders of a text, in order; `Err` for a brace
/// that is not closed.
pub(crate) fn placeholders(text: &str) -> Vec<Result<&str, ()>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(Ok(&after[..close]));
                rest = &after[close + 1..];
            }
            None => {
                out.push(Err(()));
                break;
            }
        }
    }
    out
}

/// A condition that names whom to contact must say it at every level its
/// outcomes reach, and only there; a result below `today` carries what to
/// avoid, so outdated advice is always countered.
fn check_outcome_texts(
    c: &mut Checker,
    nodes: &[Node],
    conditions: &[Condition],
    condition_spans: &[(Range<usize>, Range<usize>)],
    outcome_defs: &[OutcomeDef],
) {
    let mut levels_used: Vec<Vec<Urgency>> = vec![Vec::new(); conditions.len()];
    let outcomes = nodes.iter().filter_map(|n| match &n.kind {
        NodeKind::Outcome(o) => Some(o),
        NodeKind::Step(_) => None,
    });
    for (o, def) in outcomes.zip(outcome_defs) {
        let condition = &conditions[o.condition.0];
        levels_used[o.condition.0].push(o.urgency);
        for (table, list) in [
            ("contact", &condition.contact),
            ("referral", &condition.referral),
        ] {
            if !list.is_empty() && !list.iter().any(|(level, _)| *level == o.urgency) {
                c.report(
                    def.urgency.span(),
                    format!(
                        "outcome '{}' is at '{}', but condition '{}' has no {table} text for '{}'",
                        def.id.get_ref(),
                        o.urgency,
                        condition.id,
                        o.urgency
                    ),
                );
            }
        }
        if o.urgency < Urgency::Today && condition.avoid.is_empty() {
            c.report(
                def.urgency.span(),
                format!(
                    "outcome '{}' is below 'today', so condition '{}' must list what to avoid (the outdated advice a person may follow while waiting)",
                    def.id.get_ref(),
                    condition.id
                ),
            );
        }
    }
    for (i, condition) in conditions.iter().enumerate() {
        for (table, list, span) in [
            ("contact", &condition.contact, &condition_spans[i].0),
            ("referral", &condition.referral, &condition_spans[i].1),
        ] {
            for (level, _) in list {
                if !levels_used[i].contains(level) {
                    c.report(
                        span.clone(),
                        format!(
                            "condition '{}' has {table} text for '{level}', but none of its outcomes is at '{level}'",
                            condition.id
                        ),
                    );
                }
            }
        }
    }
}

/// A range preset must not straddle a threshold of any step asking its
/// question, or the range would not say which branch to take.
fn check_presets(c: &mut Checker, nodes: &[Node], questions: &[Question]) {
    for node in nodes {
        let NodeKind::Step(step) = &node.kind else {
            continue;
        };
        let Branches::Numeric { ranges, .. } = &step.branches else {
            continue;
        };
        let q = &questions[step.question.0];
        let QuestionKind::Number(spec) = &q.kind else {
            continue;
        };
        for preset in &spec.presets {
            let PresetValue::Range {
                from,
                to,
                exclusive,
            } = preset.value
            else {
                continue;
            };
            // A bound splits values at `value`; an inclusive lower bound (or
            // exclusive upper) puts `value` itself on the upper side.
            let splits = ranges.iter().flat_map(|r| {
                let lower = r.range.lower.map(|b| (b.value, b.inclusive));
                let upper = r.range.upper.map(|b| (b.value, !b.inclusive));
                lower.into_iter().chain(upper)
            });
            for (t, t_goes_up) in splits {
                // Values above an excluded `from` all pass `t` when `from`
                // is `t` or more, whichever side `t` itself goes.
                let all_above = if t_goes_up || exclusive {
                    from >= t
                } else {
                    from > t
                };
                let all_below = to.is_some_and(|to| to <= t);
                if !(all_above || all_below) {
                    c.report(
                        preset.span.clone(),
                        format!(
                            "preset '{}' of question '{}' spans the threshold {} of step '{}': split it there",
                            preset.label,
                            q.id,
                            format_number(t),
                            node.id
                        ),
                    );
                }
            }
        }
    }
}

fn build_property(
    c: &mut Checker,
    p: Spanned<PropertyDef>,
    questions: &[Question],
    question_index: &HashMap<String, usize>,
) -> Option<Property> {
    let span = p.span();
    let p = p.into_inner();
    c.require_text(&p.name, "a property's name");
    let name = p.name.get_ref().clone();
    let id = p.id.as_ref().map(|i| i.get_ref().clone());
    let find = |c: &mut Checker, id: &Spanned<String>| -> Option<usize> {
        match question_index.get(id.get_ref()) {
            // The tree never asks an intake question: a property about it
            // would constrain nothing.
            Some(&i) if questions[i].intake => {
                c.report(
                    id.span(),
                    format!(
                        "property '{name}' names '{}', an intake question (intake = true) the tree never asks; a property can name only questions the tree asks",
                        id.get_ref()
                    ),
                );
                None
            }
            Some(&i) => Some(i),
            None => {
                c.report(
                    id.span(),
                    format!(
                        "property '{name}' names question '{}', which is not declared{}",
                        id.get_ref(),
                        suggest(id.get_ref(), question_index.keys())
                    ),
                );
                None
            }
        }
    };
    let constraints = |c: &mut Checker,
                       table: &BTreeMap<Spanned<String>, Spanned<ConstraintDef>>|
     -> Option<Vec<Constraint>> {
        let mut built = Vec::new();
        let mut ok = true;
        for (id, def) in table {
            let Some(qi) = find(c, id) else {
                ok = false;
                continue;
            };
            match constraint(c, &questions[qi], def, &name) {
                Some(allowed) => built.push(Constraint {
                    question: QuestionId(qi),
                    allowed,
                }),
                None => ok = false,
            }
        }
        ok.then_some(built)
    };
    match (&p.at_least, &p.worse) {
        (Some(urgency), None) => {
            if p.order.is_some() || p.from.is_some() || p.worse_is.is_some() {
                c.report(
                    span,
                    format!(
                        "property '{name}': 'order', 'from' and 'worse_is' go with 'worse', not 'at_least'"
                    ),
                );
                return None;
            }
            if p.when.is_empty() {
                c.report(
                    span,
                    format!("property '{name}' needs 'when': the answers that force the urgency"),
                );
                return None;
            }
            let when = constraints(c, &p.when)?;
            let unless = constraints(c, &p.unless)?;
            Some(Property {
                id,
                name,
                kind: PropertyKind::AtLeast {
                    when,
                    unless,
                    urgency: *urgency.get_ref(),
                },
            })
        }
        (None, Some(worse)) => {
            if !p.when.is_empty() || !p.unless.is_empty() {
                c.report(
                    span,
                    format!(
                        "property '{name}': 'when' and 'unless' go with 'at_least', not 'worse'"
                    ),
                );
                return None;
            }
            let qi = find(c, worse)?;
            let q = &questions[qi];
            if let Some(worse_is) = &p.worse_is {
                if !matches!(q.kind, QuestionKind::Number(_) | QuestionKind::Temperature) {
                    c.report(
                        worse_is.span(),
                        format!("property '{name}': 'worse_is' applies to numeric questions only"),
                    );
                    return None;
                }
            }
            let order = match (&q.kind, &p.order, &p.from) {
                (QuestionKind::Number(_) | QuestionKind::Temperature, None, from) => {
                    if let Some(f) = from.as_ref().filter(|f| !f.get_ref().is_finite()) {
                        c.report(
                            f.span(),
                            format!("property '{name}': 'from' must be a finite number"),
                        );
                        return None;
                    }
                    let from = from.as_ref().map(|f| *f.get_ref());
                    match p.worse_is.as_ref().map(|w| *w.get_ref()) {
                        Some(WorseIsDef::Lower) => WorseOrder::Decreasing { from },
                        _ => WorseOrder::Increasing { from },
                    }
                }
                (_, Some(order), None) => {
                    let mut chain = Vec::new();
                    for value in order.get_ref() {
                        match spelt_answer(q, value.get_ref()) {
                            Some(a) => chain.push(a),
                            None => {
                                c.report(
                                    value.span(),
                                    format!(
                                        "property '{name}': '{}' is not an answer to '{}' ({})",
                                        value.get_ref(),
                                        q.id,
                                        accepted_spellings(q)
                                    ),
                                );
                                return None;
                            }
                        }
                    }
                    if chain.len() < 2 {
                        c.report(
                            order.span(),
                            format!("property '{name}': an order needs at least two answers"),
                        );
                        return None;
                    }
                    WorseOrder::Chains(vec![chain])
                }
                (QuestionKind::YesNo, None, None) => {
                    WorseOrder::Chains(vec![vec!["no".into(), "yes".into()]])
                }
                (QuestionKind::YesNoUnsure { .. }, None, None) => WorseOrder::Chains(vec![
                    vec!["no".into(), "yes".into()],
                    vec!["no".into(), "unsure".into()],
                ]),
                (QuestionKind::Choice(_), None, None) => {
                    c.report(worse.span(), format!("property '{name}': give the order of '{}' from better to worse, such as order = [...]", q.id));
                    return None;
                }
                (QuestionKind::Text, None, None) => {
                    c.report(
                        worse.span(),
                        format!(
                            "property '{name}': '{}' is free text, which has no order",
                            q.id
                        ),
                    );
                    return None;
                }
                (_, _, Some(from)) => {
                    c.report(
                        from.span(),
                        format!("property '{name}': 'from' applies to numeric questions only"),
                    );
                    return None;
                }
            };
            Some(Property {
                id,
                name,
                kind: PropertyKind::Worse {
                    question: QuestionId(qi),
                    order,
                },
            })
        }
        _ => {
            c.report(
                span,
                format!("property '{name}' needs either 'at_least' (with 'when') or 'worse'"),
            );
            None
        }
    }
}

/// An answer spelt as answer files spell it, if `q` accepts it as a value
/// (not a number).
fn spelt_answer(q: &Question, value: &str) -> Option<String> {
    let answer =
        crate::answers::parse_answer(q, &crate::answers::RawAnswer::Text(value.to_string()))
            .ok()?;
    answer.numeric_value().is_none().then(|| answer.to_string())
}

fn accepted_spellings(q: &Question) -> String {
    let mut list: Vec<String> = match &q.kind {
        QuestionKind::YesNo => vec!["yes".into(), "no".into()],
        QuestionKind::YesNoUnsure { .. } => vec!["yes".into(), "no".into(), "unsure".into()],
        QuestionKind::Choice(choices) => choices.iter().map(|ch| ch.id.clone()).collect(),
        QuestionKind::Number(_) | QuestionKind::Temperature => {
            vec!["a range such as { at_least = 38.0 }".into()]
        }
        QuestionKind::Text => vec!["free text, which constraints cannot name".into()],
    };
    if q.accepts_not_measured() {
        list.push("not_measured".into());
    }
    format!("accepted: {}", list.join(", "))
}

fn constraint(
    c: &mut Checker,
    q: &Question,
    def: &Spanned<ConstraintDef>,
    name: &str,
) -> Option<Allowed> {
    match def.get_ref() {
        ConstraintDef::Values(values) => {
            let mut spelt = Vec::new();
            for v in values {
                match spelt_answer(q, v) {
                    Some(a) => spelt.push(a),
                    None => {
                        c.report(
                            def.span(),
                            format!(
                                "property '{name}': '{v}' is not an answer to '{}' ({})",
                                q.id,
                                accepted_spellings(q)
                            ),
                        );
                        return None;
                    }
                }
            }
            Some(Allowed::Answers(spelt))
        }
        ConstraintDef::Range(BoundsDef {
            above,
            at_least,
            below,
            at_most,
            source: _,
        }) => {
            if !matches!(q.kind, QuestionKind::Number(_) | QuestionKind::Temperature) {
                c.report(
                    def.span(),
                    format!(
                        "property '{name}': '{}' is not numeric; list its answers instead ({})",
                        q.id,
                        accepted_spellings(q)
                    ),
                );
                return None;
            }
            if [above, at_least, below, at_most]
                .into_iter()
                .flatten()
                .any(|v| !v.is_finite())
            {
                c.report(
                    def.span(),
                    format!("property '{name}': a range bound must be a finite number"),
                );
                return None;
            }
            if above.is_some() && at_least.is_some() || below.is_some() && at_most.is_some() {
                c.report(
                    def.span(),
                    format!(
                        "property '{name}': a range has one lower bound (above or at_least) and one upper bound (below or at_most)"
                    ),
                );
                return None;
            }
            let bound =
                |value: Option<f64>, inclusive| value.map(|value| Bound { value, inclusive });
            let lower = bound(*above, false).or(bound(*at_least, true));
            let upper = bound(*below, false).or(bound(*at_most, true));
            if lower.is_none() && upper.is_none() {
                c.report(
                    def.span(),
                    format!("property '{name}': a range needs above, at_least, below or at_most"),
                );
                return None;
            }
            if let (Some(l), Some(u)) = (lower, upper) {
                if l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) {
                    c.report(
                        def.span(),
                        format!("property '{name}': this range is empty: its lower bound is not below its upper bound"),
                    );
                    return None;
                }
            }
            Some(Allowed::Range(Interval { lower, upper }))
        }
    }
}

fn build_contributor(
    c: &mut Checker,
    d: super::file::ContributorDef,
    questions: &[Question],
    question_index: &HashMap<String, usize>,
    sources: &[super::file::SourceDef],
    source_index: &HashMap<String, usize>,
) -> Option<super::Contributor> {
    c.require_text(&d.text, "a contributor's text");
    let name = d.text.get_ref().chars().take(40).collect::<String>();
    let mut when = Vec::new();
    for (id, def) in &d.when {
        let Some(&qi) = question_index.get(id.get_ref()) else {
            c.report(
                id.span(),
                format!(
                    "contributor '{name}...' names question '{}', which is not declared{}",
                    id.get_ref(),
                    suggest(id.get_ref(), question_index.keys())
                ),
            );
            return None;
        };
        let allowed = constraint(c, &questions[qi], def, &name)?;
        when.push(Constraint {
            question: QuestionId(qi),
            allowed,
        });
    }
    if when.is_empty() {
        c.report(
            d.text.span(),
            "a contributor needs 'when': the answers it applies to",
        );
        return None;
    }
    let mut cited = Vec::new();
    for s in d.sources.get_ref() {
        match source_index.get(s.get_ref()) {
            Some(&i) => cited.push(sources[i].text.get_ref().clone()),
            None => {
                c.report(
                    s.span(),
                    format!(
                        "no source with id '{}'{}",
                        s.get_ref(),
                        suggest(s.get_ref(), source_index.keys())
                    ),
                );
                return None;
            }
        }
    }
    if cited.is_empty() {
        c.report(
            d.sources.span(),
            "a contributor must cite at least one source",
        );
        return None;
    }
    Some(super::Contributor {
        when,
        text: d.text.into_inner(),
        sources: cited,
    })
}
