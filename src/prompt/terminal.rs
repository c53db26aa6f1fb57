//! The prompt for a person at a terminal: each question printed whole and
//! wrapped, then a menu moved with the arrow keys (or a number typed), or a
//! line to type a reading into. It draws only lines it has wrapped itself,
//! so it knows how many to clear, whatever the width: a menu leaves one line,
//! `Label: answer`, and nothing else behind.

use console::{Key, Term};

use super::{
    chosen, empty_line_reply, is_back, menu, retry_message, typing_hint, Asking, MenuAction,
    MenuItem, Prompt, PromptError, Reply, ReviewChoice, ReviewLine,
};
use crate::answers::{parse_answer, Answer, RawAnswer};
use crate::output::wrap;
use crate::rules::{Audience, Question, QuestionKind};
use crate::t;

/// The interactive prompt on standard error, so standard output carries only
/// the result.
pub struct TerminalPrompt {
    term: Term,
    /// Whether a resize may clear the screen to draw the question again:
    /// not after a result is shown (a question of the program's own comes
    /// after it), since that would clear the result.
    may_clear_screen: bool,
    /// What has been written for the question being asked, so that it can
    /// be cleared when the person goes back, and written again, wrapped
    /// anew, when the window changes size.
    block: Vec<Written>,
    /// Screen lines the block takes at the width it was written at.
    block_lines: usize,
}

/// One piece of the block: a blank line, or text wrapped after `indent`.
#[derive(Clone)]
struct Written {
    text: String,
    indent: &'static str,
    style: Style,
}

impl Default for TerminalPrompt {
    fn default() -> Self {
        TerminalPrompt::new()
    }
}

/// What a menu returned.
enum Picked {
    Item(usize),
    Back,
    /// Words typed in a menu that also takes a typed answer ("1 day").
    Typed(String),
}

impl TerminalPrompt {
    pub fn new() -> TerminalPrompt {
        TerminalPrompt {
            term: Term::stderr(),
            may_clear_screen: true,
            block: Vec::new(),
            block_lines: 0,
        }
    }

    /// Rows and columns now: read again before every redraw, since the
    /// window may have changed size while waiting for a key.
    fn size(&self) -> (usize, usize) {
        (self.width(), self.height())
    }

    /// Usable columns: one less than the terminal's, so that a full line
    /// never leaves the cursor waiting at the edge.
    fn width(&self) -> usize {
        self.term
            .size_checked()
            .map_or(80, |(_rows, cols)| usize::from(cols))
            .clamp(20, 100)
            - 1
    }

    /// Rows: a menu taller than this could not be cleared.
    fn height(&self) -> usize {
        self.term
            .size_checked()
            .map_or(24, |(rows, _cols)| usize::from(rows))
            .max(8)
    }

    fn colour(&self) -> bool {
        console::colors_enabled_stderr()
    }

    fn write_wrapped(
        &mut self,
        text: &str,
        indent: &'static str,
        style: Style,
    ) -> Result<(), PromptError> {
        let written = Written {
            text: text.to_string(),
            indent,
            style,
        };
        self.block_lines += self.draw(&written)?;
        self.block.push(written);
        Ok(())
    }

    fn write_blank(&mut self) -> Result<(), PromptError> {
        self.write_wrapped("", "", Style::Plain)
    }

    /// Writes one piece at the current width; the lines it took.
    fn draw(&self, written: &Written) -> Result<usize, PromptError> {
        let width = self.width().saturating_sub(written.indent.len());
        let lines = wrap(&written.text, width);
        if lines.is_empty() {
            self.term.write_line("")?;
            return Ok(1);
        }
        for line in &lines {
            let line = format!("{}{line}", written.indent);
            self.term
                .write_line(&written.style.apply(&line, self.colour()))?;
        }
        Ok(lines.len())
    }

    /// Clears what was written after the first `mark` pieces of the block.
    fn back_to(&mut self, mark: usize) -> Result<(), PromptError> {
        let keep: usize = self.block[..mark.min(self.block.len())]
            .iter()
            .map(|w| self.lines_of(w))
            .sum();
        self.term
            .clear_last_lines(self.block_lines.saturating_sub(keep))?;
        self.block.truncate(mark);
        self.block_lines = keep;
        Ok(())
    }

    fn lines_of(&self, written: &Written) -> usize {
        wrap(
            &written.text,
            self.width().saturating_sub(written.indent.len()),
        )
        .len()
        .max(1)
    }

    /// A new question (or review) starts: what follows is its block.
    fn start_block(&mut self) {
        self.block.clear();
        self.block_lines = 0;
    }

    /// Clears the screen and writes the block again at the new size. A
    /// terminal rewraps (or cuts) what it shows when it is resized, so
    /// the lines drawn before cannot be counted and cleared one by one.
    fn redraw_block(&mut self) -> Result<(), PromptError> {
        self.term.clear_screen()?;
        self.block_lines = 0;
        for written in self.block.clone() {
            self.block_lines += self.draw(&written)?;
        }
        Ok(())
    }

    /// Takes the question being left off the screen, leaving one line that
    /// says so: an abandoned question with an empty answer could be read
    /// later as answered.
    fn went_back(&mut self, label: &str) -> Result<(), PromptError> {
        self.back_to(0)?;
        self.write_wrapped(&format!("{label}: ({})", t!("term-back")), "", Style::Dim)?;
        self.start_block();
        Ok(())
    }

    /// The question printed whole, wrapped to the terminal; the menu itself
    /// carries only the short label.
    fn show(&mut self, q: &Question, audience: Audience) -> Result<(), PromptError> {
        self.start_block();
        self.write_blank()?;
        self.write_wrapped(q.wording(audience), "", Style::Bold)?;
        // The help speaks to a parent; a consultant reads the clinical
        // wording alone. On a screen too small for the question, its help
        // and a menu on one line, the help gives way: the question's first
        // line and its warning signs must stay in view (the Spanish
        // warning signs take three lines more than the English at 40x20).
        if audience == Audience::Parent {
            if let Some(help) = &q.help {
                let (cols, rows) = self.size();
                let help_lines = wrap(help, cols.saturating_sub(2)).len();
                // A blank line, the label and a menu on one line below.
                if self.block_lines + help_lines + 3 <= rows {
                    self.write_wrapped(help, "  ", Style::Dim)?;
                }
            }
        }
        Ok(())
    }

    /// The answer at the last check of the same problem, under the question.
    fn last_time(
        &mut self,
        q: &Question,
        audience: Audience,
        asking: Asking,
    ) -> Result<(), PromptError> {
        if let Some(answer) = asking.last_time {
            let shown = chosen(q, answer, audience);
            self.write_wrapped(
                &t!("prompt-last-time", answer = escaped(&shown)),
                "  ",
                Style::Dim,
            )?;
        }
        Ok(())
    }

    /// A menu that opens on no answer: Enter does nothing until the person
    /// has moved to a choice or typed its number, so no question is answered
    /// by reflex (hazard H8 of the triage specification). `selected` opens
    /// it on an entry instead, for the review, where Enter shows the result.
    ///
    /// Where the question also takes a typed answer (`takes_typing`, a time
    /// such as "1 day"), a digit does not choose at once: what is typed is
    /// read on Enter, as an entry's number if it is one, else as the
    /// answer. Otherwise "1 day" on "Hours on antibiotics" chose entry 1,
    /// "not taking antibiotics".
    fn menu(
        &mut self,
        label: &str,
        items: &[String],
        can_go_back: bool,
        mut selected: Option<usize>,
        takes_typing: bool,
    ) -> Result<Picked, PromptError> {
        let n = items.len();
        let colour = self.colour();
        let mut help = if takes_typing {
            t!("term-keys-typing", n = n)
        } else if n <= 9 {
            t!("term-keys", n = n)
        } else {
            t!("term-keys-long")
        };
        if can_go_back {
            help.push_str(&t!("term-keys-back"));
        }
        let mut typed = String::new();
        let mut drawn = 0;
        let mut first = 0;
        let mut size = self.size();
        self.term.hide_cursor()?;
        let picked = loop {
            if self.size() != size {
                size = self.size();
                if self.may_clear_screen {
                    self.redraw_block()?;
                    drawn = 0;
                }
            }
            let shown_help = if takes_typing && !typed.is_empty() {
                t!("term-typed", typed = escaped(&typed))
            } else {
                help.clone()
            };
            let mut lines = menu_lines(
                label,
                items,
                selected,
                &shown_help,
                size,
                &mut first,
                colour,
            );
            // On a small screen the question above must stay in view (the
            // first warning sign is its first line): short entries go on
            // one line, without the keys line, when the question and a
            // full menu would not fit.
            if self.block_lines + lines.len() + 1 > size.1 {
                if let Some(compact) = compact_menu(label, items, selected, size.0, colour) {
                    lines = compact;
                }
            }
            self.term.clear_last_lines(drawn)?;
            for line in &lines {
                self.term.write_line(line)?;
            }
            drawn = lines.len();
            let key = match self.term.read_key() {
                Ok(key) => key,
                Err(e) => {
                    let _ = self.term.clear_last_lines(drawn);
                    let _ = self.term.show_cursor();
                    return Err(if e.kind() == std::io::ErrorKind::Interrupted {
                        PromptError::Interrupted
                    } else {
                        PromptError::Io(e)
                    });
                }
            };
            match key {
                Key::ArrowDown | Key::Tab => {
                    typed.clear();
                    selected = Some(selected.map_or(0, |i| (i + 1) % n));
                }
                Key::ArrowUp | Key::BackTab => {
                    typed.clear();
                    selected = Some(selected.map_or(n - 1, |i| (i + n - 1) % n));
                }
                Key::Enter if takes_typing && !typed.trim().is_empty() => {
                    match typed.trim().parse::<usize>() {
                        Ok(k) if (1..=n).contains(&k) => break Picked::Item(k - 1),
                        _ => break Picked::Typed(std::mem::take(&mut typed)),
                    }
                }
                Key::Enter => {
                    if let Some(i) = selected {
                        break Picked::Item(i);
                    }
                }
                Key::Char(c)
                    if takes_typing && !c.is_control() && (c != ' ' || !typed.is_empty()) =>
                {
                    typed.push(c);
                }
                Key::Char(c) if c.is_ascii_digit() => {
                    typed.push(c);
                    match typed.parse::<usize>() {
                        // With nine entries or fewer, a number is a choice.
                        Ok(k) if n <= 9 && (1..=n).contains(&k) => break Picked::Item(k - 1),
                        Ok(k) if (1..=n).contains(&k) => selected = Some(k - 1),
                        _ => {
                            typed.clear();
                            typed.push(c);
                            if let Ok(k @ 1..) = typed.parse::<usize>() {
                                if k <= n {
                                    selected = Some(k - 1);
                                }
                            }
                        }
                    }
                }
                // Backspace corrects a number being typed before it goes back.
                Key::Backspace if !typed.is_empty() => {
                    typed.pop();
                    selected = typed
                        .parse::<usize>()
                        .ok()
                        .filter(|k| (1..=n).contains(k))
                        .map(|k| k - 1)
                        .or(selected);
                }
                Key::Escape | Key::ArrowLeft | Key::Backspace if can_go_back => break Picked::Back,
                Key::CtrlC => {
                    let _ = self.term.clear_last_lines(drawn);
                    let _ = self.term.show_cursor();
                    return Err(PromptError::Interrupted);
                }
                _ => {}
            }
        };
        self.term.clear_last_lines(drawn)?;
        self.term.show_cursor()?;
        Ok(picked)
    }

    /// Writes what was chosen where the menu was: `Label: answer`.
    fn answered(&mut self, label: &str, answer: &str) -> Result<(), PromptError> {
        self.write_wrapped(&format!("{label}: {answer}"), "", Style::Plain)
    }

    /// One line typed after `prompt`, starting from `text`, with
    /// Backspace; Esc is Back. The line is redrawn whole on each key, so
    /// that it wraps and unwraps cleanly at any width.
    fn read_line(
        &mut self,
        prompt: &str,
        mut text: String,
        can_go_back: bool,
    ) -> Result<Option<String>, PromptError> {
        // Screen lines above the cursor that the line being typed takes.
        let mut above = 0;
        let mut width = self.width();
        let typed = loop {
            if self.width() != width {
                width = self.width();
                if self.may_clear_screen {
                    self.redraw_block()?;
                    above = 0;
                }
            }
            self.clear_typed(above)?;
            let shown = format!("{prompt}{}", escaped(&text));
            self.term.write_str(&shown)?;
            above = shown.chars().count().saturating_sub(1) / (width + 1);
            let key = self.term.read_key().map_err(|e| {
                if e.kind() == std::io::ErrorKind::Interrupted {
                    PromptError::Interrupted
                } else {
                    PromptError::Io(e)
                }
            })?;
            match key {
                Key::Enter => break Some(text),
                Key::Backspace => {
                    text.pop();
                }
                Key::Escape if can_go_back => break None,
                Key::CtrlC => return Err(PromptError::Interrupted),
                Key::Char(c) if !c.is_control() => text.push(c),
                _ => {}
            }
        };
        // The caller writes what was typed again, wrapped at words.
        self.clear_typed(above)?;
        Ok(typed)
    }

    /// Clears the line being typed, `above` screen lines up from the cursor.
    fn clear_typed(&self, above: usize) -> Result<(), PromptError> {
        self.term.write_str("\r")?;
        if above > 0 {
            self.term.move_cursor_up(above)?;
        }
        self.term.clear_to_end_of_screen()?;
        Ok(())
    }

    /// A typed answer, asked again until it parses; an empty line is
    /// `empty` when given. An answer given before is there to edit.
    fn text(
        &mut self,
        q: &Question,
        audience: Audience,
        asking: Asking,
        empty: Option<Reply>,
    ) -> Result<Reply, PromptError> {
        self.write_wrapped(&typing_hint(q, audience, asking, false), "  ", Style::Dim)?;
        let prompt = format!("{}: ", q.label);
        // Free text is offered to edit; a reading is shown above the line,
        // since retyping it is quicker than deleting it key by key.
        let mut start = match asking.previous {
            Some(Answer::Text(text)) => text.clone(),
            Some(previous) => {
                let shown = chosen(q, previous, audience);
                self.write_wrapped(
                    &t!("prompt-answer-before", answer = shown),
                    "  ",
                    Style::Dim,
                )?;
                String::new()
            }
            None => String::new(),
        };
        loop {
            match self.read_line(&prompt, std::mem::take(&mut start), asking.can_go_back)? {
                Some(line) if !(asking.can_go_back && is_back(&line)) => {
                    if let Some(reply) = self.typed_reply(q, &line, &empty)? {
                        return Ok(reply);
                    }
                }
                // Esc, or "back" typed.
                _ => return Ok(Reply::Back),
            }
        }
    }

    /// What a typed line answers, or `None` (after saying why) when it
    /// must be typed again.
    fn typed_reply(
        &mut self,
        q: &Question,
        line: &str,
        empty: &Option<Reply>,
    ) -> Result<Option<Reply>, PromptError> {
        if line.trim().is_empty() {
            if let Some(reply) = empty {
                let shown = match reply {
                    Reply::Answer(Answer::NotMeasured) => t!("answer-not-measured"),
                    _ => t!("term-skipped"),
                };
                self.answered(&q.label, &shown)?;
                return Ok(Some(reply.clone()));
            }
        }
        self.answered(&q.label, &escaped(line.trim()))?;
        match parse_answer(q, &RawAnswer::Text(line.to_string())) {
            Ok(answer) => Ok(Some(Reply::Answer(answer))),
            Err(e) => {
                self.write_wrapped(&retry_message(q, &e), "  ", Style::Red)?;
                Ok(None)
            }
        }
    }
}

/// Control characters shown, never sent to the terminal.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        crate::answers::push_escaped(&mut out, c);
    }
    out
}

#[derive(Clone, Copy)]
enum Style {
    Plain,
    Bold,
    Dim,
    Red,
}

impl Style {
    fn apply(self, text: &str, colour: bool) -> String {
        if !colour {
            return text.to_string();
        }
        let styled = console::style(text).for_stderr();
        match self {
            Style::Plain => text.to_string(),
            Style::Bold => styled.bold().to_string(),
            Style::Dim => styled.dim().to_string(),
            Style::Red => styled.red().to_string(),
        }
    }
}

/// A menu in two lines, `Label:` and the entries side by side (`[1 Yes]
/// 2 No  3 Not sure`, the selected one in brackets), if they fit `width`.
fn compact_menu(
    label: &str,
    items: &[String],
    selected: Option<usize>,
    width: usize,
    colour: bool,
) -> Option<Vec<String>> {
    let entries: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if selected == Some(i) {
                format!("[{} {item}]", i + 1)
            } else {
                format!(" {} {item} ", i + 1)
            }
        })
        .collect();
    let line = entries.join(" ");
    // A long label (the Spanish ones often are) wraps; the entries stay on
    // one line.
    let mut lines = wrap(&format!("{label}:"), width.saturating_sub(1));
    let fits = line.chars().count() < width && lines.iter().all(|l| l.chars().count() < width);
    (fits && items.len() <= 9).then(|| {
        lines.push(if selected.is_some() {
            Style::Bold.apply(&line, colour)
        } else {
            line
        });
        lines
    })
}

/// The lines of an open menu, each shorter than `width` and no more than
/// `height` in all: the label, the entries numbered (the selected one
/// marked `>`), and the keys. A menu taller than the screen shows a window
/// of entries that follows the selection from `first`, so that it can be
/// cleared and redrawn whole.
fn menu_lines(
    label: &str,
    items: &[String],
    selected: Option<usize>,
    help: &str,
    (width, height): (usize, usize),
    first: &mut usize,
    colour: bool,
) -> Vec<String> {
    let number_width = items.len().to_string().len();
    let entries: Vec<Vec<String>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let active = selected == Some(i);
            let marker = if active { ">" } else { " " };
            let head = format!("{marker} {:>number_width$} ", i + 1);
            let indent = " ".repeat(head.chars().count());
            wrap(item, width.saturating_sub(indent.len()))
                .into_iter()
                .enumerate()
                .map(|(k, line)| {
                    let line = if k == 0 {
                        format!("{head}{line}")
                    } else {
                        format!("{indent}{line}")
                    };
                    if active {
                        Style::Bold.apply(&line, colour)
                    } else {
                        line
                    }
                })
                .collect()
        })
        .collect();
    let mut lines = wrap(&format!("{label}:"), width);
    let help_lines: Vec<String> = wrap(help, width.saturating_sub(2))
        .into_iter()
        .map(|l| Style::Dim.apply(&format!("  {l}"), colour))
        .collect();
    let total: usize = entries.iter().map(Vec::len).sum();
    // Room for the entries, and for a line saying more are hidden.
    let room = height
        .saturating_sub(lines.len() + help_lines.len() + 2)
        .max(3);
    if total <= room {
        lines.extend(entries.into_iter().flatten());
    } else {
        let fits =
            |from: usize, to: usize| entries[from..=to].iter().map(Vec::len).sum::<usize>() <= room;
        let target = selected.unwrap_or(0);
        if target < *first {
            *first = target;
        }
        while *first < target && !fits(*first, target) {
            *first += 1;
        }
        let mut last = *first;
        while last + 1 < entries.len() && fits(*first, last + 1) {
            last += 1;
        }
        let above = *first;
        let below = entries.len() - 1 - last;
        let mut shown: Vec<String> = entries[*first..=last].iter().flatten().cloned().collect();
        shown.truncate(room);
        lines.extend(shown);
        lines.push(Style::Dim.apply(
            &format!("  ({})", t!("term-more", above = above, below = below)),
            colour,
        ));
    }
    lines.extend(help_lines);
    lines
}

impl Prompt for TerminalPrompt {
    fn introduce(&mut self, text: &str, _audience: Audience) -> Result<(), PromptError> {
        self.start_block();
        self.write_blank()?;
        self.write_wrapped(text, "", Style::Plain)
    }

    fn ask(
        &mut self,
        q: &Question,
        audience: Audience,
        asking: Asking,
    ) -> Result<Reply, PromptError> {
        self.show(q, audience)?;
        self.last_time(q, audience, asking)?;
        let Some(items) = menu(q, audience, asking.optional) else {
            let empty = empty_line_reply(q, asking);
            let reply = self.text(q, audience, asking, empty)?;
            if reply == Reply::Back {
                self.went_back(&q.label)?;
                return Ok(reply);
            }
            if reply == Reply::Answer(Answer::NotMeasured)
                && matches!(q.kind, QuestionKind::Temperature)
                && audience == Audience::Parent
            {
                self.write_wrapped(&t!("term-no-reading"), "  ", Style::Plain)?;
            }
            return Ok(reply);
        };
        let before = asking
            .previous
            .map(|previous| MenuAction::Answer(previous.clone()));
        let texts: Vec<String> = items
            .iter()
            .map(|i| {
                if before.as_ref() == Some(&i.action) {
                    format!("{} ({})", i.text, t!("term-your-answer-before"))
                } else {
                    i.text.clone()
                }
            })
            .collect();
        if let Some(previous) = asking.previous {
            if !items.iter().any(|i| before.as_ref() == Some(&i.action)) {
                let shown = chosen(q, previous, audience);
                self.write_wrapped(
                    &t!("prompt-answer-before", answer = shown),
                    "  ",
                    Style::Dim,
                )?;
            }
        }
        loop {
            let takes_typing = items.iter().any(|i| i.action == MenuAction::TypeNumber);
            let picked = self.menu(&q.label, &texts, asking.can_go_back, None, takes_typing)?;
            let item: &MenuItem = match picked {
                Picked::Back => {
                    self.went_back(&q.label)?;
                    return Ok(Reply::Back);
                }
                // "back" typed where a time may be typed: Back, as Esc.
                Picked::Typed(text) if asking.can_go_back && is_back(&text) => {
                    self.went_back(&q.label)?;
                    return Ok(Reply::Back);
                }
                Picked::Typed(text) => {
                    self.answered(&q.label, &escaped(text.trim()))?;
                    match parse_answer(q, &RawAnswer::Text(text)) {
                        Ok(answer) => return Ok(Reply::Answer(answer)),
                        Err(e) => {
                            self.write_wrapped(&retry_message(q, &e), "  ", Style::Red)?;
                            continue;
                        }
                    }
                }
                Picked::Item(i) => &items[i],
            };
            match &item.action {
                MenuAction::Answer(answer) => {
                    self.answered(&q.label, &item.text)?;
                    return Ok(Reply::Answer(answer.clone()));
                }
                MenuAction::Skip => {
                    self.answered(&q.label, &item.text)?;
                    return Ok(Reply::Skip);
                }
                MenuAction::TypeNumber => {
                    let mark = self.block.len();
                    let typing = Asking {
                        can_go_back: true,
                        ..asking
                    };
                    match self.text(q, audience, typing, None)? {
                        // Back from typing returns to this menu.
                        Reply::Back => self.back_to(mark)?,
                        reply => return Ok(reply),
                    }
                }
            }
        }
    }

    fn kept(&mut self, q: &Question, answer: &str, why: &str) -> Result<(), PromptError> {
        self.write_wrapped(
            &format!("{}: {} ({why})", q.label, escaped(answer)),
            "",
            Style::Dim,
        )
    }

    fn review(
        &mut self,
        lines: &[ReviewLine],
        audience: Audience,
    ) -> Result<ReviewChoice, PromptError> {
        self.start_block();
        self.write_blank()?;
        let heading = match audience {
            Audience::Parent => t!("term-review-parent"),
            Audience::Consultant => t!("term-review-consultant"),
        };
        self.write_wrapped(&heading, "", Style::Bold)?;
        let mut items = vec![t!("review-see-result")];
        items.extend(
            lines
                .iter()
                .map(|l| format!("{}: {}", l.label, escaped(&l.answer))),
        );
        // Back from the review is the last question again.
        let can_go_back = !lines.is_empty();
        let answers = t!("term-answers");
        match self.menu(&answers, &items, can_go_back, Some(0), false)? {
            Picked::Item(0) => {
                self.answered(&answers, &t!("term-confirmed"))?;
                Ok(ReviewChoice::Confirm)
            }
            Picked::Item(i) => {
                self.answered(&t!("term-change"), &lines[i - 1].label)?;
                Ok(ReviewChoice::Change(i - 1))
            }
            // Not offered at the review.
            Picked::Typed(_) => Ok(ReviewChoice::Confirm),
            Picked::Back => {
                let last = lines.len() - 1;
                self.answered(&t!("term-change"), &lines[last].label)?;
                Ok(ReviewChoice::Change(last))
            }
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        // The notice stays: what follows it is asked without clearing.
        self.may_clear_screen = false;
        self.term.write_line("")?;
        for line in text.lines() {
            self.term.write_line(line)?;
        }
        Ok(())
    }

    fn confirm(&mut self, question: &str, label: &str) -> Result<bool, PromptError> {
        self.start_block();
        self.write_blank()?;
        self.write_wrapped(question, "", Style::Bold)?;
        let items = [t!("answer-yes"), t!("answer-no")];
        // A result or an emergency notice may be on the screen above.
        self.may_clear_screen = false;
        let picked = self.menu(label, &items, false, None, false);
        self.may_clear_screen = true;
        let picked = picked?;
        let yes = matches!(picked, Picked::Item(0));
        self.answered(
            label,
            &if yes {
                t!("answer-yes")
            } else {
                t!("answer-no")
            },
        )?;
        Ok(yes)
    }

    fn finish(&mut self) -> Result<(), PromptError> {
        self.term.write_line("")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_menu_fits_a_narrow_screen_line_by_line() {
        let items = vec![
            "Red streaks or lines running from the area, or redness that has grown since this morning"
                .to_string(),
            "No".to_string(),
        ];
        let lines = menu_lines(
            "Dark, blistering or fast-spreading skin",
            &items,
            Some(0),
            "↑↓ and Enter, or type 1-2; Esc or ← goes back",
            (39, 20),
            &mut 0,
            false,
        );
        for line in &lines {
            assert!(line.chars().count() <= 39, "{line:?} is too long");
        }
        assert!(lines.iter().any(|l| l.starts_with("> 1 Red streaks")));
        assert!(lines.iter().any(|l| l.starts_with("  2 No")));
    }

    #[test]
    fn a_menu_taller_than_the_screen_shows_a_window_that_follows_the_selection() {
        let items: Vec<String> = (1..=30).map(|i| format!("Answer number {i}")).collect();
        let mut first = 0;
        for selected in [None, Some(0), Some(25), Some(29), Some(3)] {
            let lines = menu_lines(
                "Answers",
                &items,
                selected,
                "keys",
                (39, 20),
                &mut first,
                false,
            );
            assert!(lines.len() <= 20, "{} lines for {selected:?}", lines.len());
            let shown = format!(
                "> {:>2} Answer number {}",
                selected.unwrap_or(0) + 1,
                selected.unwrap_or(0) + 1
            );
            if selected.is_some() {
                assert!(lines.contains(&shown), "{shown:?} not in {lines:#?}");
            }
            assert!(lines
                .iter()
                .any(|l| l.contains("more below") || l.contains("more above")));
        }
    }
}
