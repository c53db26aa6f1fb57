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

#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error("interrupted")]
    Interrupted,
    /// The answers ran out: standard input ended before a question was
    /// answered.
    #[error("standard input ended before every question was answered")]
    EndOfInput,
    #[error("could not read the answer from the terminal: {0}")]
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
    let answer = |text: &str, key: &str, answer: Answer| MenuItem {
        text: text.to_string(),
        key: Some(key.to_string()),
        action: MenuAction::Answer(answer),
    };
    let mut items = match &q.kind {
        QuestionKind::YesNo => vec![
            answer("Yes", "yes", Answer::Yes),
            answer("No", "no", Answer::No),
        ],
        QuestionKind::YesNoUnsure { .. } => {
            let mut items = vec![
                answer("Yes", "yes", Answer::Yes),
                answer("No", "no", Answer::No),
            ];
            // An intake question has nothing to triage up: skipping it is
            // the honest answer when unsure.
            if !optional {
                items.push(answer("Not sure", "unsure", Answer::Unsure));
            }
            items
        }
        QuestionKind::Choice(choices) => choices
            .iter()
            .map(|c| answer(c.wording(audience), &c.id, Answer::Choice(c.id.clone())))
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
            let text = if spec.unit == "hours" {
                "Type the hours or days".to_string()
            } else {
                format!("Type the number of {}", spec.unit)
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
            text: "Skip".to_string(),
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
            Audience::Parent => {
                "Type it as 38.4 or 101.2F, or press Enter if you have no thermometer.".to_string()
            }
            Audience::Consultant => {
                "Type it as 38.4 or 101.2F, or press Enter if not measured.".to_string()
            }
        },
        QuestionKind::Number(spec) => {
            let what = if spec.unit == "hours" {
                "Type the hours, or days or weeks: 36, 2 days, 1 week.".to_string()
            } else {
                format!("Type the number of {}.", spec.unit)
            };
            if q.accepts_not_measured() {
                format!("{what} Press Enter if not measured.")
            } else {
                what
            }
        }
        _ => "Type it.".to_string(),
    };
    if asking.optional {
        hint.push_str(" Press Enter to skip.");
    }
    if asking.can_go_back {
        hint.push_str(if plain {
            " Type back to go back."
        } else {
            " Type back, or press Esc, to go back."
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

/// Whether a typed line asks to go back.
pub fn is_back(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("back")
}

/// What to say before asking again, in the prompt's terms (keys, not the
/// ids a script writes): shorter than the error a script gets.
pub fn retry_message(q: &Question, e: &AnswerError) -> String {
    let message = match (e, &q.kind) {
        (AnswerError::Temperature { reason, .. }, _) => format!(
            "{reason}. Check the thermometer and the unit: 30-45 °C or 86-113 °F, such as 38.4 or 101.2F"
        ),
        (AnswerError::Invalid { .. } | AnswerError::OutOfRange { .. }, QuestionKind::Number(spec)) => {
            let mut message = match e {
                AnswerError::OutOfRange { value, range, .. } => format!(
                    "{value} cannot be right: the accepted values are {range}. Check it and type it again"
                ),
                _ => format!("Please type {}", crate::answers::number_wanted(spec)),
            };
            if spec.unit == "hours" {
                message.push_str(", or days or weeks, such as 2 days or 1 week");
            }
            if q.accepts_not_measured() {
                message.push_str(", or press Enter if not measured");
            }
            message
        }
        (AnswerError::Invalid { accepted, .. }, _) => format!("Please enter {accepted}"),
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
