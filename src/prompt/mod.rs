//! Asking questions: the [`Prompt`] trait, the menus both prompts offer, and
//! two prompts built on it: [`TerminalPrompt`] (menus moved with the arrow
//! keys, for a terminal) and [`PlainPrompt`] (one line a question, for
//! screen readers, dumb terminals and pipes). Tests script the trait; the
//! prompts themselves are tested through a pseudo-terminal and a pipe.
//!
//! A prompt only asks: going back, the review and the order of questions are
//! decided by [`crate::session`].

mod plain;
mod terminal;

use std::io;

pub use plain::PlainPrompt;
pub use terminal::TerminalPrompt;

use crate::answers::{Answer, AnswerError};
use crate::rules::{Audience, PresetValue, Question, QuestionKind};
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error("{}", t!("error-interrupted"))]
    Interrupted,
    /// The answers ran out: standard input ended before a question was
    /// answered.
    #[error("{}", t!("error-end-of-input"))]
    EndOfInput,
    #[error("{}", t!("error-terminal-read", reason = .0.to_string()))]
    Io(#[from] io::Error),
}

/// What a person did at one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Answer(Answer),
    /// Go back to the question before.
    Back,
    /// Leave an intake question unanswered.
    Skip,
}

/// How a question is being asked.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Asking<'a> {
    /// There is a question before this one to go back to.
    pub can_go_back: bool,
    /// An intake question: it may be skipped.
    pub optional: bool,
    /// The answer given before, when the person went back to this question
    /// or chose it at the review: shown (never preselected, hazard H8), and
    /// a typed one is offered for editing.
    pub previous: Option<&'a Answer>,
    /// The answer at the last check of the same problem (from the history),
    /// shown beside the question.
    pub last_time: Option<&'a Answer>,
}

/// One line of the review of answers before the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLine {
    pub label: String,
    pub answer: String,
}

/// What a person did at the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewChoice {
    /// The answers are right: show the result.
    Confirm,
    /// Change the answer of this line (counted from 0).
    Change(usize),
}

/// Something that can answer questions: a person at a terminal, or a script.
pub trait Prompt {
    /// Says what is about to happen, before the first question (and once
    /// more before a consultant's intake).
    fn introduce(&mut self, _text: &str, _audience: Audience) -> Result<(), PromptError> {
        Ok(())
    }

    /// Asks `question` until it gets an answer that fits, or Back, or (for an
    /// optional question) Skip.
    fn ask(
        &mut self,
        question: &Question,
        audience: Audience,
        asking: Asking,
    ) -> Result<Reply, PromptError>;

    /// Says that an answer is used without asking, and `why`: one given
    /// before a Back or a change ("as before"), or one counted from the
    /// history.
    fn kept(&mut self, _question: &Question, _answer: &str, _why: &str) -> Result<(), PromptError> {
        Ok(())
    }

    /// Lists the answers and asks whether to see the result or change one.
    fn review(
        &mut self,
        _lines: &[ReviewLine],
        _audience: Audience,
    ) -> Result<ReviewChoice, PromptError> {
        Ok(ReviewChoice::Confirm)
    }

    /// Shows `text` to the person at once (an emergency, before the
    /// consultant's optional intake).
    fn notice(&mut self, _text: &str) -> Result<(), PromptError> {
        Ok(())
    }

    /// A yes/no question of the program's own (not of the rules), such as
    /// "record the intake now?", with a short `label` for its answer line.
    fn confirm(&mut self, _question: &str, _label: &str) -> Result<bool, PromptError> {
        Ok(false)
    }

    /// Called once after the last question, before the result is printed.
    fn finish(&mut self) -> Result<(), PromptError> {
        Ok(())
    }
}

/// One entry of a question's menu.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuItem {
    /// What the person reads.
    pub text: String,
    /// A word that picks it in plain mode (`yes`, a choice's id, `skip`).
    pub key: Option<String>,
    pub action: MenuAction,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MenuAction {
    Answer(Answer),
    /// Type a number instead of picking a range.
    TypeNumber,
    Skip,
}

/// The menu of a question, or `None` for one answered by typing (a reading,
/// a number without ready-made answers, free text).
pub fn menu(q: &Question, audience: Audience, optional: bool) -> Option<Vec<MenuItem>> {
    let answer = |text: String, key: &str, answer: Answer| MenuItem {
        text,
        key: Some(key.to_string()),
        action: MenuAction::Answer(answer),
    };
    let mut items = match &q.kind {
        QuestionKind::YesNo => vec![
            answer(t!("answer-yes"), "yes", Answer::Yes),
            answer(t!("answer-no"), "no", Answer::No),
        ],
        QuestionKind::YesNoUnsure { .. } => {
            let mut items = vec![
                answer(t!("answer-yes"), "yes", Answer::Yes),
                answer(t!("answer-no"), "no", Answer::No),
            ];
            // An intake question has nothing to triage up: skipping it is
            // the honest answer when unsure.
            if !optional {
                items.push(answer(t!("answer-unsure"), "unsure", Answer::Unsure));
            }
            items
        }
        QuestionKind::Choice(choices) => choices
            .iter()
            .map(|c| {
                answer(
                    c.wording(audience).to_string(),
                    &c.id,
                    Answer::Choice(c.id.clone()),
                )
            })
            .collect(),
        QuestionKind::Number(spec) if !spec.presets.is_empty() => {
            let mut items: Vec<MenuItem> = spec
                .presets
                .iter()
                .map(|p| MenuItem {
                    text: p.label.clone(),
                    key: None,
                    action: MenuAction::Answer(match p.value {
                        PresetValue::Exact(x) => Answer::Number(x),
                        PresetValue::Range {
                            from,
                            to,
                            exclusive,
                        } => Answer::Range {
                            from,
                            to,
                            exclusive,
                        },
                    }),
                })
                .collect();
            let text = if spec.is_hours() {
                t!("menu-type-hours")
            } else {
                t!("menu-type-number", unit = spec.unit_label.as_str())
            };
            items.push(MenuItem {
                text,
                key: None,
                action: MenuAction::TypeNumber,
            });
            items
        }
        _ => return None,
    };
    if optional {
        items.push(MenuItem {
            text: t!("menu-skip"),
            key: Some("skip".to_string()),
            action: MenuAction::Skip,
        });
    }
    Some(items)
}

/// An answer as the person chose it: the menu's words where it was picked
/// from a menu ("Yes", "Less than 1 day"), else as a result describes it.
pub fn chosen(q: &Question, answer: &Answer, audience: Audience) -> String {
    menu(q, audience, q.intake)
        .and_then(|items| {
            items
                .into_iter()
                .find(|i| i.action == MenuAction::Answer(answer.clone()))
        })
        .map_or_else(
            || crate::output::describe_answer(q, answer, audience),
            |i| i.text,
        )
}

/// The line under a typed question that says what to type.
pub fn typing_hint(q: &Question, audience: Audience, asking: Asking, plain: bool) -> String {
    let mut hint = match &q.kind {
        QuestionKind::Temperature => match audience {
            Audience::Parent => t!("hint-temperature-parent"),
            Audience::Consultant => t!("hint-temperature-consultant"),
        },
        QuestionKind::Number(spec) => {
            let what = if spec.is_hours() {
                t!("hint-hours")
            } else {
                t!("hint-number", unit = spec.unit_label.as_str())
            };
            if q.accepts_not_measured() {
                format!("{what} {}", t!("hint-not-measured"))
            } else {
                what
            }
        }
        _ => t!("hint-type-it"),
    };
    if asking.optional {
        hint.push(' ');
        hint.push_str(&t!("hint-skip"));
    }
    if asking.can_go_back {
        hint.push(' ');
        hint.push_str(&if plain {
            t!("hint-back-plain")
        } else {
            t!("hint-back")
        });
    }
    hint
}

/// What an empty typed line means: Skip for an intake question,
/// `not_measured` where that is accepted, else nothing (ask again).
pub fn empty_line_reply(q: &Question, asking: Asking) -> Option<Reply> {
    if asking.optional {
        Some(Reply::Skip)
    } else {
        q.accepts_not_measured()
            .then_some(Reply::Answer(Answer::NotMeasured))
    }
}

/// Whether a typed line asks to go back: `back`, or the word of the
/// person's language (`atrás`).
pub fn is_back(line: &str) -> bool {
    let line = line.trim();
    line.eq_ignore_ascii_case("back") || crate::answers::same_words(line, &t!("word-back"))
}

/// What to say before asking again, in the prompt's terms (keys, not the
/// ids a script writes): shorter than the error a script gets.
pub fn retry_message(q: &Question, e: &AnswerError) -> String {
    let message = match (e, &q.kind) {
        (AnswerError::Temperature { reason, .. }, _) => {
            t!("retry-temperature", reason = reason.as_str())
        }
        (
            AnswerError::Invalid { .. } | AnswerError::OutOfRange { .. },
            QuestionKind::Number(spec),
        ) => {
            let mut message = match e {
                AnswerError::OutOfRange { value, range, .. } => {
                    t!(
                        "retry-out-of-range",
                        value = value.as_str(),
                        range = range.as_str()
                    )
                }
                _ => t!("retry-number", wanted = crate::answers::number_wanted(spec)),
            };
            if spec.is_hours() {
                message.push_str(&t!("retry-or-days"));
            }
            if q.accepts_not_measured() {
                message.push_str(&t!("retry-or-not-measured"));
            }
            message
        }
        (AnswerError::Invalid { accepted, .. }, _) => {
            t!("retry-invalid", accepted = accepted.as_str())
        }
        (other, _) => other.to_string(),
    };
    capitalised(&message)
}

/// A message starts with a capital letter, whatever its first word.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
