//! Asking questions: the [`Prompt`] trait, and the terminal prompt built on
//! dialoguer. Tests script the trait; the terminal prompt is tested through a
//! pseudo-terminal.

use std::io;

use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, Select};

use crate::answers::{parse_answer, Answer, AnswerError, RawAnswer};
use crate::output::wrap;
use crate::rules::{Audience, PresetValue, Question, QuestionKind};

#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error("interrupted")]
    Interrupted,
    #[error("could not read the answer from the terminal: {0}")]
    Io(#[from] io::Error),
}

impl From<dialoguer::Error> for PromptError {
    fn from(e: dialoguer::Error) -> Self {
        let dialoguer::Error::IO(io) = e;
        if io.kind() == io::ErrorKind::Interrupted {
            PromptError::Interrupted
        } else {
            PromptError::Io(io)
        }
    }
}

/// Something that can answer a question: a person at a terminal, or a script.
pub trait Prompt {
    /// Says what is about to happen, once, before the first question.
    fn introduce(&mut self, _text: &str) -> Result<(), PromptError> {
        Ok(())
    }

    /// Returns a checked answer to `question`.
    fn ask(&mut self, question: &Question, audience: Audience) -> Result<Answer, PromptError>;

    /// Asks a question that may be skipped (intake): `None` when it is.
    fn ask_optional(
        &mut self,
        question: &Question,
        audience: Audience,
    ) -> Result<Option<Answer>, PromptError> {
        self.ask(question, audience).map(Some)
    }

    /// Called once after the last question, before the result is printed.
    fn finish(&mut self) -> Result<(), PromptError> {
        Ok(())
    }
}

/// The interactive prompt on standard error, so standard output carries only
/// the result.
pub struct TerminalPrompt {
    term: Term,
    theme: Option<Box<dyn Theme>>,
}

impl Default for TerminalPrompt {
    fn default() -> Self {
        TerminalPrompt::new()
    }
}

impl TerminalPrompt {
    /// The theme is chosen at the first question, once the colour decision
    /// for standard error has been made.
    pub fn new() -> TerminalPrompt {
        TerminalPrompt {
            term: Term::stderr(),
            theme: None,
        }
    }

    fn theme(&mut self) -> &dyn Theme {
        let theme = self.theme.get_or_insert_with(|| -> Box<dyn Theme> {
            if console::colors_enabled_stderr() {
                Box::new(ColorfulTheme::default())
            } else {
                Box::new(SimpleTheme)
            }
        });
        &**theme
    }

    fn width(&self) -> usize {
        self.term
            .size_checked()
            .map_or(80, |(_rows, cols)| usize::from(cols))
            .clamp(20, 100)
            - 1
    }

    /// The question printed whole, wrapped to the terminal; the menu itself
    /// carries only the short label, so that it fits on one line and redraws
    /// cleanly on a narrow screen.
    fn show(&mut self, q: &Question, audience: Audience) -> Result<(), PromptError> {
        let width = self.width();
        self.term.write_line("")?;
        for line in wrap(q.wording(audience), width) {
            self.term
                .write_line(&console::style(line).bold().to_string())?;
        }
        if let Some(help) = &q.help {
            for line in wrap(help, width.saturating_sub(2)) {
                self.term
                    .write_line(&console::style(format!("  {line}")).dim().to_string())?;
            }
        }
        Ok(())
    }

    /// A menu that opens on no answer: Enter alone does nothing until the
    /// person has moved to a choice, so no question is answered by reflex
    /// (hazard H8 of the triage specification).
    fn select(&mut self, prompt: &str, items: &[String]) -> Result<usize, PromptError> {
        let term = self.term.clone();
        Ok(Select::with_theme(self.theme())
            .with_prompt(prompt)
            .items(items)
            .interact_on(&term)?)
    }

    /// Free text, asked again until it parses; an empty line is `empty`
    /// when given. The reason for refusing is printed wrapped to the screen
    /// (dialoguer's own validation line is not wrapped, and its redraw cuts
    /// a long message short on a narrow terminal).
    fn text(
        &mut self,
        prompt: &str,
        question: &Question,
        empty: Option<Answer>,
    ) -> Result<Answer, PromptError> {
        let term = self.term.clone();
        let width = self.width();
        loop {
            let line: String = Input::with_theme(self.theme())
                .with_prompt(prompt)
                .allow_empty(empty.is_some())
                .interact_text_on(&term)?;
            if line.trim().is_empty() {
                if let Some(answer) = &empty {
                    return Ok(answer.clone());
                }
            }
            match parse_answer(question, &RawAnswer::Text(line)) {
                Ok(answer) => return Ok(answer),
                Err(e) => {
                    for text in wrap(&retry_message(&e), width.saturating_sub(2)) {
                        let styled = console::style(format!("  {text}")).red();
                        term.write_line(&styled.to_string())?;
                    }
                }
            }
        }
    }
}

impl Prompt for TerminalPrompt {
    fn ask_optional(
        &mut self,
        q: &Question,
        audience: Audience,
    ) -> Result<Option<Answer>, PromptError> {
        self.show(q, audience)?;
        let wording = q.label.as_str();
        let skip = "Skip".to_string();
        let menu: Option<Vec<(String, Answer)>> = match &q.kind {
            QuestionKind::YesNo | QuestionKind::YesNoUnsure { .. } => Some(vec![
                ("Yes".to_string(), Answer::Yes),
                ("No".to_string(), Answer::No),
            ]),
            QuestionKind::Choice(choices) => Some(
                choices
                    .iter()
                    .map(|c| {
                        (
                            c.wording(audience).to_string(),
                            Answer::Choice(c.id.clone()),
                        )
                    })
                    .collect(),
            ),
            _ => None,
        };
        match menu {
            Some(mut options) => {
                let mut items: Vec<String> = options.iter().map(|(t, _)| t.clone()).collect();
                items.push(skip);
                let i = self.select(wording, &items)?;
                Ok((i < options.len()).then(|| options.swap_remove(i).1))
            }
            None => {
                let marker = Answer::Text(String::new());
                let answer = self.text(
                    &format!("{wording} (Enter to skip)"),
                    q,
                    Some(marker.clone()),
                )?;
                Ok((answer != marker).then_some(answer))
            }
        }
    }

    fn finish(&mut self) -> Result<(), PromptError> {
        self.term.write_line("")?;
        Ok(())
    }

    fn introduce(&mut self, text: &str) -> Result<(), PromptError> {
        for line in wrap(text, self.width()) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }

    fn ask(&mut self, q: &Question, audience: Audience) -> Result<Answer, PromptError> {
        self.show(q, audience)?;
        let wording = q.label.as_str();
        match &q.kind {
            QuestionKind::YesNo => {
                let i = self.select(wording, &["Yes".to_string(), "No".to_string()])?;
                Ok(if i == 0 { Answer::Yes } else { Answer::No })
            }
            QuestionKind::YesNoUnsure { .. } => {
                let items = ["Yes".to_string(), "No".to_string(), "Not sure".to_string()];
                Ok(match self.select(wording, &items)? {
                    0 => Answer::Yes,
                    1 => Answer::No,
                    _ => Answer::Unsure,
                })
            }
            QuestionKind::Choice(choices) => {
                let items: Vec<String> = choices
                    .iter()
                    .map(|c| c.wording(audience).to_string())
                    .collect();
                let i = self.select(wording, &items)?;
                Ok(Answer::Choice(choices[i.min(choices.len() - 1)].id.clone()))
            }
            QuestionKind::Number(spec) => {
                let not_measured = q.accepts_not_measured().then_some(Answer::NotMeasured);
                if spec.presets.is_empty() {
                    let hint = if not_measured.is_some() {
                        format!("{wording} (Enter if not measured)")
                    } else {
                        format!("{wording} ({})", spec.unit)
                    };
                    return self.text(&hint, q, not_measured);
                }
                let mut items: Vec<String> = spec.presets.iter().map(|p| p.label.clone()).collect();
                items.push(format!("Enter the number of {}", spec.unit));
                let i = self.select(wording, &items)?;
                match spec.presets.get(i) {
                    Some(p) => Ok(match p.value {
                        PresetValue::Exact(x) => Answer::Number(x),
                        PresetValue::Range { from, to } => Answer::Range { from, to },
                    }),
                    None => self.text(&format!("{wording}: number of {}", spec.unit), q, None),
                }
            }
            QuestionKind::Text => self.text(wording, q, None),
            QuestionKind::Temperature => {
                let prompt = format!("{wording} (Enter if not measured)");
                match self.text(&prompt, q, Some(Answer::NotMeasured))? {
                    Answer::NotMeasured => {
                        self.term
                            .write_line("  No reading: the next question asks how you feel.")?;
                        Ok(Answer::NotMeasured)
                    }
                    reading => Ok(reading),
                }
            }
        }
    }
}

/// What to say before asking again: shorter than the error a script gets.
fn retry_message(e: &AnswerError) -> String {
    match e {
        AnswerError::Temperature { reason, .. } => format!(
            "{reason}. Check the thermometer and the unit: 30-45 °C or 86-113 °F, such as 38.4 or 101.2F"
        ),
        AnswerError::Invalid { accepted, .. } => format!("Please enter {accepted}"),
        AnswerError::OutOfRange { value, range, .. } => format!(
            "{value} cannot be right: the accepted values are {range}. Check the reading and the unit, and enter it again"
        ),
        other => other.to_string(),
    }
}
