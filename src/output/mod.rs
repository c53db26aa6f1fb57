//! Renderers: the same report as text, JSON or Markdown. They only format;
//! the result is decided by the engine.

mod json;
mod markdown;
mod questions;
mod text;

use crate::answers::{Answer, Answers};
use crate::engine::{Assessment, PathStep};
use crate::history::follow_up::FollowUp;
use crate::history::Check;
use crate::i18n::number;
use crate::rules::{Audience, Contributor, PresetValue, Question, QuestionKind, Rules};
use crate::t;

pub use json::write_json;
pub use markdown::write_markdown;
pub use questions::{write_questions_json, write_questions_markdown, write_questions_text};
pub use text::{write_short_text, write_text};

/// Everything a renderer needs about one result.
pub struct Report<'a> {
    pub rules: &'a Rules,
    pub assessment: &'a Assessment<'a>,
    /// Every answer given, including those the tree did not need.
    pub answers: &'a Answers,
    pub audience: Audience,
    /// When the result was given: ISO 8601 with the local offset.
    pub time: String,
    /// For a check of a problem checked before: what changed, and any
    /// time limit that has passed.
    pub follow_up: Option<&'a FollowUp>,
    /// The earlier checks of the same problem, oldest first (the chart note
    /// lists them).
    pub earlier: &'a [Check],
}

impl Report<'_> {
    /// Whom to contact and when: the condition's own sentence where it has
    /// one (a doctor, not a lactation consultant), else the level's; then
    /// the outcome's note. A consultant reads it as a referral.
    pub fn contact(&self) -> String {
        let a = self.assessment;
        let level = self.rules.urgency(a.urgency);
        let general = match self.audience {
            Audience::Parent => &level.contact,
            Audience::Consultant => &level.referral,
        };
        let sentence = a
            .condition
            .contact(a.urgency, self.audience)
            .unwrap_or(general);
        match &a.outcome.contact_note {
            Some(note) => format!("{sentence} {note}"),
            None => sentence.to_string(),
        }
    }

    /// Why this result, with any quoted answers filled in.
    pub fn why(&self) -> String {
        let template = self.assessment.outcome.why(self.audience);
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                rest = &rest[open..];
                break;
            };
            let id = &after[..close];
            let step = self.assessment.path.iter().find(|s| s.question.id == id);
            match step {
                Some(step) => {
                    out.push_str(&describe_answer(step.question, &step.answer, self.audience))
                }
                // The loader makes sure every path asks a quoted question.
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// What the result assumed where the person was not sure, one line per
    /// "unsure" answer on the path.
    pub fn assumptions(&self) -> Vec<String> {
        self.assessment
            .path
            .iter()
            .filter(|step| step.answer == Answer::Unsure)
            .map(|step| assumption(step.question, self.audience))
            .collect()
    }

    pub fn watch_for(&self) -> &[String] {
        &self.rules.urgency(self.assessment.urgency).watch_for
    }

    pub fn title(&self) -> &str {
        self.assessment.condition.title(self.audience)
    }

    pub fn summary(&self) -> &str {
        self.assessment.condition.summary(self.audience)
    }

    /// Known contributors that the intake answers point to.
    pub fn contributors(&self) -> Vec<&'_ Contributor> {
        self.rules
            .contributors
            .iter()
            .filter(|c| {
                c.when.iter().all(|k| {
                    let id = &self.rules.question_at(k.question).id;
                    self.answers.get(id).is_some_and(|a| k.allows(a))
                })
            })
            .collect()
    }

    /// The contributors as lines for the consultant, each with its sources.
    pub fn consultant_notes(&self) -> Vec<String> {
        self.contributors()
            .iter()
            .map(|c| {
                t!(
                    "contributor-with-sources",
                    text = c.text.as_str(),
                    sources = c.sources.join("; ")
                )
            })
            .collect()
    }

    /// Intake answers given, in declaration order.
    pub fn intake(&self) -> Vec<(&Question, &Answer)> {
        self.rules
            .intake_questions()
            .filter_map(|q| self.answers.get(&q.id).map(|a| (q, a)))
            .collect()
    }

    /// When the result was given, for people: `Sat 21 Nov 2026, 22:10`.
    pub fn local_time(&self) -> String {
        chrono::DateTime::parse_from_rfc3339(&self.time)
            .map(|t| crate::i18n::date_time(&t))
            .unwrap_or_else(|_| self.time.clone())
    }

    pub fn label(&self) -> &str {
        &self.rules.urgency(self.assessment.urgency).label
    }

    /// The path as shown to people: a parent is not shown the vitals that
    /// only a consultant is asked, when they were not measured.
    pub fn shown_path(&self) -> impl Iterator<Item = &PathStep<'_>> {
        let audience = self.audience;
        self.assessment.path.iter().filter(move |step| {
            !(audience == Audience::Parent
                && step.question.consultant_only
                && step.answer == Answer::NotMeasured)
        })
    }
}

/// Runs `render` with colour off, then puts the decision back: a file gets
/// no colour codes whatever the terminal does.
pub fn without_colour<T>(render: impl FnOnce() -> T) -> T {
    let before = colored::control::SHOULD_COLORIZE.should_colorize();
    colored::control::set_override(false);
    let result = render();
    colored::control::set_override(before);
    result
}

/// What an "unsure" answer was taken to mean.
fn assumption(q: &Question, audience: Audience) -> String {
    let as_yes = matches!(
        q.kind,
        QuestionKind::YesNoUnsure {
            unsure_counts_as_yes: true
        }
    );
    match (audience, &q.unsure_means) {
        (Audience::Parent, Some(means)) => {
            let sentence = capitalise(means.trim());
            if sentence.ends_with(['.', '!', '?']) {
                sentence
            } else {
                format!("{sentence}.")
            }
        }
        (Audience::Parent, None) => t!(
            "assumed-parent",
            label = q.label.as_str(),
            as_yes = crate::i18n::select(as_yes)
        ),
        (Audience::Consultant, _) => t!(
            "assumed-consultant",
            label = q.label.as_str(),
            as_yes = crate::i18n::select(as_yes)
        ),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An answer in words: "38.4 °C", "A small patch...", "not sure (counted as yes)".
pub fn describe_answer(q: &Question, answer: &Answer, audience: Audience) -> String {
    match (answer, &q.kind) {
        (Answer::Yes, _) => t!("answer-yes-lower"),
        (Answer::No, _) => t!("answer-no-lower"),
        (
            Answer::Unsure,
            QuestionKind::YesNoUnsure {
                unsure_counts_as_yes,
            },
        ) => t!(
            "answer-unsure-counted",
            as_yes = crate::i18n::select(*unsure_counts_as_yes)
        ),
        (Answer::Unsure, _) => t!("answer-unsure-lower"),
        (Answer::Choice(id), QuestionKind::Choice(choices)) => choices
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.wording(audience).to_string()),
        (Answer::Choice(id), _) => id.clone(),
        (Answer::Number(x), QuestionKind::Number(spec)) => {
            let preset = spec
                .presets
                .iter()
                .find(|p| p.value == PresetValue::Exact(*x));
            match preset {
                Some(p) => p.label.clone(),
                None => format!("{} {}", number(*x), spec.unit_label),
            }
        }
        (Answer::Number(x), _) => number(*x),
        (
            Answer::Range {
                from,
                to,
                exclusive,
            },
            QuestionKind::Number(spec),
        ) => {
            let wanted = PresetValue::Range {
                from: *from,
                to: *to,
                exclusive: *exclusive,
            };
            // In words, without the machine's ">": "over 0 to 48 hours".
            let (from, to) = (number(*from), to.map(number));
            let span = match (exclusive, to) {
                (false, Some(to)) => t!("range-from-to", from = from, to = to),
                (false, None) => t!("range-from", from = from),
                (true, Some(to)) => t!("range-over-under", from = from, to = to),
                (true, None) => t!("range-over", from = from),
            };
            match spec.presets.iter().find(|p| p.value == wanted) {
                Some(p) => format!("{} ({span} {})", p.label, spec.unit_label),
                None => format!("{span} {}", spec.unit_label),
            }
        }
        (Answer::Range { .. }, _) => answer.to_string(),
        (Answer::Temperature(t), _) => t.describe(),
        (Answer::NotMeasured, _) => t!("answer-not-measured"),
        // Free text as typed, but no control character reaches a screen:
        // an ESC in an intake note must not move the cursor.
        (Answer::Text(text), _) => {
            let mut shown = String::with_capacity(text.len());
            for c in text.chars() {
                if c == '\n' {
                    shown.push(c);
                } else {
                    crate::answers::push_escaped(&mut shown, c);
                }
            }
            shown
        }
    }
}

/// Splits `text` into lines of at most `width` characters, at spaces,
/// keeping its own line breaks (a list of signs, one a line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        // A list item's later lines line up under its text.
        match paragraph.trim_start().strip_prefix("- ") {
            Some(item) => {
                for (i, line) in wrap_paragraph(item, width.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                {
                    lines.push(format!("{}{line}", if i == 0 { "- " } else { "  " }));
                }
            }
            None => lines.extend(wrap_paragraph(paragraph, width)),
        }
    }
    lines
}

fn wrap_paragraph(text: &str, width: usize) -> Vec<String> {
    // Most text is ASCII: its words are split and measured in bytes, which
    // halved the cost of writing a result.
    if text.is_ascii() {
        wrap_words(text.split_ascii_whitespace(), width, str::len)
    } else {
        wrap_words(text.split_whitespace(), width, |w| w.chars().count())
    }
}

fn wrap_words<'t>(
    words: impl Iterator<Item = &'t str>,
    width: usize,
    measure: impl Fn(&str) -> usize,
) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut line = String::with_capacity(width + 1);
    let mut len = 0;
    for word in words {
        let wlen = measure(word);
        if len > 0 && len + 1 + wlen > width {
            lines.push(std::mem::replace(
                &mut line,
                String::with_capacity(width + 1),
            ));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += wlen;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
