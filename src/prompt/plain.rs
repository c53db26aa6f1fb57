//! The plain prompt: one question per line, numbered choices, and the
//! answer typed as a line: the choice's number, its id (`yes`, `small`) or
//! its first letter. No cursor movement and no colour, so a screen reader
//! reads it in order, a dumb terminal shows it as it comes, and answers can
//! be piped in: `printf '2\n2\n...' | lactriage --plain`.

use std::io::{BufRead, Read, Write};

use super::{
    chosen, empty_line_reply, is_back, menu, retry_message, typing_hint, Asking, MenuAction,
    MenuItem, Prompt, PromptError, Reply, ReviewChoice, ReviewLine,
};
use crate::answers::{parse_answer, push_escaped, RawAnswer};
use crate::output::wrap;
use crate::rules::{Audience, Question};
use crate::t;

/// Reads answers from `input`, one a line, and writes the questions to
/// `output`.
pub struct PlainPrompt<R, W> {
    input: R,
    output: W,
    width: usize,
    /// The input is a pipe or a file, not a person: a question is shown only
    /// once an answer to it is waiting, so that input that has ended gives
    /// the list of missing answers and no stray question.
    piped: bool,
    /// Lines read so far, for messages.
    line: usize,
}

impl<R: BufRead, W: Write> PlainPrompt<R, W> {
    pub fn new(input: R, output: W, width: usize, piped: bool) -> Self {
        PlainPrompt {
            input,
            output,
            width: width.clamp(20, 100),
            piped,
            line: 0,
        }
    }

    fn say(&mut self, text: &str) -> Result<(), PromptError> {
        for line in wrap(text, self.width) {
            writeln!(self.output, "{line}")?;
        }
        Ok(())
    }

    /// The next line typed, without its line break; `None` at the end.
    fn read(&mut self) -> Result<Option<String>, PromptError> {
        let mut bytes = Vec::new();
        // A person's line is short; a longer one is not an answer anyway.
        let n = Read::take(&mut self.input, 64 * 1024).read_until(b'\n', &mut bytes)?;
        if n == 0 {
            return Ok(None);
        }
        self.line += 1;
        let text = String::from_utf8_lossy(&bytes);
        Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()))
    }

    /// Waits for input when it is piped; ends the questions when there is
    /// none left.
    fn input_waiting(&mut self) -> Result<(), PromptError> {
        if self.piped && self.input.fill_buf()?.is_empty() {
            return Err(PromptError::EndOfInput);
        }
        Ok(())
    }

    /// Writes `prompt` wrapped at words like every other line; the answer
    /// is typed after its last line.
    fn write_prompt(&mut self, prompt: &str) -> Result<(), PromptError> {
        let lines = wrap(prompt, self.width.saturating_sub(2));
        for (i, line) in lines.iter().enumerate() {
            if i + 1 < lines.len() {
                writeln!(self.output, "{line}")?;
            } else {
                write!(self.output, "{line} ")?;
            }
        }
        self.output.flush()?;
        Ok(())
    }

    /// Asks for a line until one is given: the end of input ends the run.
    fn answer_line(&mut self, prompt: &str) -> Result<String, PromptError> {
        self.input_waiting()?;
        self.write_prompt(prompt)?;
        let line = self.read()?.ok_or(PromptError::EndOfInput)?;
        if self.piped {
            // Echo piped answers so that the transcript reads as a dialogue.
            writeln!(self.output, "{}", shown(&line))?;
        }
        Ok(line)
    }

    fn typed(
        &mut self,
        q: &Question,
        audience: Audience,
        asking: Asking,
        empty: Option<Reply>,
    ) -> Result<Reply, PromptError> {
        self.say(&typing_hint(q, audience, asking, true))?;
        loop {
            let line = self.answer_line(&format!("{}:", q.label))?;
            if asking.can_go_back && is_back(&line) {
                return Ok(Reply::Back);
            }
            if line.trim().is_empty() {
                if let Some(reply) = &empty {
                    return Ok(reply.clone());
                }
            }
            match parse_answer(q, &RawAnswer::Text(line)) {
                Ok(answer) => return Ok(Reply::Answer(answer)),
                Err(e) => self.say(&format!("  {}", retry_message(q, &e)))?,
            }
        }
    }
}

/// A typed line as it may be shown: control characters escaped.
fn shown(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// The entry a typed line names: its number, its key (`yes`, an id), the
/// unique first letter of a key, or its text.
fn pick(items: &[MenuItem], line: &str) -> Option<usize> {
    let typed = line.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    if let Ok(n) = typed.parse::<usize>() {
        return (1..=items.len()).contains(&n).then(|| n - 1);
    }
    let by_key = items
        .iter()
        .position(|i| i.key.as_deref() == Some(typed.as_str()));
    let by_text = || {
        items
            .iter()
            .position(|i| crate::answers::same_words(&i.text, &typed))
    };
    let by_letter = || {
        let mut letters = typed.chars();
        let letter = letters.next()?;
        if letters.next().is_some() {
            return None;
        }
        let mut matching = items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.key.as_deref().is_some_and(|k| k.starts_with(letter)));
        let first = matching.next()?;
        matching.next().is_none().then_some(first.0)
    };
    by_key.or_else(by_text).or_else(by_letter)
}

impl<R: BufRead, W: Write> Prompt for PlainPrompt<R, W> {
    fn introduce(&mut self, text: &str, _audience: Audience) -> Result<(), PromptError> {
        self.input_waiting()?;
        self.say(text)?;
        writeln!(self.output)?;
        Ok(())
    }

    fn ask(
        &mut self,
        q: &Question,
        audience: Audience,
        asking: Asking,
    ) -> Result<Reply, PromptError> {
        self.input_waiting()?;
        self.say(q.wording(audience))?;
        if audience == Audience::Parent {
            if let Some(help) = &q.help {
                self.say(help)?;
            }
        }
        if let Some(previous) = asking.previous {
            let before = chosen(q, previous, audience);
            self.say(&t!("prompt-answer-before", answer = shown(&before)))?;
        }
        if let Some(last) = asking.last_time {
            let last = chosen(q, last, audience);
            self.say(&t!("prompt-last-time", answer = shown(&last)))?;
        }
        let Some(items) = menu(q, audience, asking.optional) else {
            let empty = empty_line_reply(q, asking);
            let reply = self.typed(q, audience, asking, empty)?;
            writeln!(self.output)?;
            return Ok(reply);
        };
        for (i, item) in items.iter().enumerate() {
            self.say(&format!("{} {}", i + 1, item.text))?;
        }
        let how = if asking.can_go_back {
            t!("plain-type-1-to-n-or-back", n = items.len())
        } else {
            t!("plain-type-1-to-n", n = items.len())
        };
        loop {
            let line = self.answer_line(&format!("{} ({how}):", q.label))?;
            if asking.can_go_back && is_back(&line) {
                writeln!(self.output)?;
                return Ok(Reply::Back);
            }
            // A typed duration ("36 h", "2 days") answers at once.
            if let Ok(answer) = parse_answer(q, &RawAnswer::Text(line.clone())) {
                if line.trim().parse::<usize>().is_err() {
                    writeln!(self.output)?;
                    return Ok(Reply::Answer(answer));
                }
            }
            let Some(i) = pick(&items, &line) else {
                let mut why = format!(
                    "  {}",
                    t!(
                        "plain-not-a-choice",
                        n = items.len(),
                        typed = shown(line.trim())
                    )
                );
                if items.iter().any(|i| i.action == MenuAction::TypeNumber) {
                    why.push(' ');
                    why.push_str(&t!("plain-or-type-time"));
                }
                self.say(&why)?;
                continue;
            };
            let reply = match &items[i].action {
                MenuAction::Answer(answer) => Reply::Answer(answer.clone()),
                MenuAction::Skip => Reply::Skip,
                MenuAction::TypeNumber => {
                    let typing = Asking {
                        can_go_back: true,
                        ..asking
                    };
                    match self.typed(q, audience, typing, None)? {
                        Reply::Back => continue,
                        reply => reply,
                    }
                }
            };
            writeln!(self.output)?;
            return Ok(reply);
        }
    }

    fn kept(&mut self, q: &Question, answer: &str, why: &str) -> Result<(), PromptError> {
        self.say(&format!("{}: {} ({why})", q.label, shown(answer)))
    }

    fn review(
        &mut self,
        lines: &[ReviewLine],
        audience: Audience,
    ) -> Result<ReviewChoice, PromptError> {
        self.say(&match audience {
            Audience::Parent => t!("text-your-answers"),
            Audience::Consultant => t!("plain-findings-recorded"),
        })?;
        // Numbered as on the terminal's review: 1 shows the result.
        self.say(&format!("1 {}", t!("review-see-result")))?;
        for (i, l) in lines.iter().enumerate() {
            self.say(&format!("{} {}: {}", i + 2, l.label, shown(&l.answer)))?;
        }
        loop {
            self.write_prompt(&t!("plain-review-ask"))?;
            // The end of piped answers confirms them: nothing is left to
            // change them with.
            let Some(line) = self.read()? else {
                writeln!(self.output)?;
                return Ok(ReviewChoice::Confirm);
            };
            if self.piped {
                writeln!(self.output, "{}", shown(&line))?;
            }
            let typed = line.trim();
            if typed.is_empty() || typed == "1" {
                writeln!(self.output)?;
                return Ok(ReviewChoice::Confirm);
            }
            // Back from the review is the last question again.
            if is_back(typed) && !lines.is_empty() {
                writeln!(self.output)?;
                return Ok(ReviewChoice::Change(lines.len() - 1));
            }
            match typed.parse::<usize>() {
                Ok(n) if (2..=lines.len() + 1).contains(&n) => {
                    writeln!(self.output)?;
                    return Ok(ReviewChoice::Change(n - 2));
                }
                _ => self.say(&format!(
                    "  {}",
                    t!("plain-review-retry", n = lines.len() + 1)
                ))?,
            }
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        writeln!(self.output, "{text}")?;
        Ok(())
    }

    fn confirm(&mut self, question: &str, label: &str) -> Result<bool, PromptError> {
        // Piped answers that have ended answer no: nothing is asked.
        if self.piped && self.input.fill_buf()?.is_empty() {
            return Ok(false);
        }
        writeln!(self.output)?;
        self.say(question)?;
        self.say(&format!("1 {}", t!("answer-yes")))?;
        self.say(&format!("2 {}", t!("answer-no")))?;
        loop {
            let Some(line) = ({
                write!(self.output, "{label} ({}): ", t!("plain-type-1-or-2"))?;
                self.output.flush()?;
                self.read()?
            }) else {
                writeln!(self.output)?;
                return Ok(false);
            };
            match line.trim().to_lowercase().as_str() {
                // Not "s": in a menu it is the first letter of Skip.
                "1" | "y" | "yes" | "sí" | "si" => return Ok(true),
                "2" | "n" | "no" => return Ok(false),
                _ => self.say(&format!("  {}", t!("plain-please-1-or-2")))?,
            }
        }
    }

    fn finish(&mut self) -> Result<(), PromptError> {
        self.output.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(keys: &[&str]) -> Vec<MenuItem> {
        keys.iter()
            .map(|k| MenuItem {
                text: k.to_uppercase(),
                key: Some((*k).to_string()),
                action: MenuAction::Skip,
            })
            .collect()
    }

    #[test]
    fn a_choice_is_picked_by_number_id_or_unique_first_letter() {
        let menu = items(&["yes", "no", "unsure"]);
        assert_eq!(pick(&menu, "2"), Some(1));
        assert_eq!(pick(&menu, " Unsure "), Some(2));
        assert_eq!(pick(&menu, "u"), Some(2));
        assert_eq!(pick(&menu, "y"), Some(0));
        assert_eq!(pick(&menu, "4"), None);
        assert_eq!(pick(&menu, "0"), None);
        let redness = items(&["none", "small", "spreading", "streaks"]);
        // "s" could be three of them: not a choice.
        assert_eq!(pick(&redness, "s"), None);
        assert_eq!(pick(&redness, "n"), Some(0));
    }
}
