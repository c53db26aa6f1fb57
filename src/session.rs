//! An interactive check: the questions the tree needs, asked one by one at
//! a [`Prompt`], with Back on every question, a review of the answers before
//! the result, and, for a consultant, the intake. It decides only the order
//! of questions; the result is the engine's, from the answers alone.
//!
//! Going back keeps what was answered after: when the way through the tree
//! comes to such a question again, its answer is used as before (and shown
//! as such) rather than asked again. So a changed answer asks again only
//! where the path changed.
//!
//! ```
//! use lactriage::answers::{Answer, Answers};
//! use lactriage::prompt::{Asking, Prompt, PromptError, Reply};
//! use lactriage::rules::{Audience, Question, Rules, Urgency};
//! use lactriage::session::Session;
//!
//! /// Says yes to the first warning sign.
//! struct Yes;
//! impl Prompt for Yes {
//!     fn ask(&mut self, _: &Question, _: Audience, _: Asking) -> Result<Reply, PromptError> {
//!         Ok(Reply::Answer(Answer::Yes))
//!     }
//! }
//!
//! let rules = Rules::builtin().unwrap();
//! let mut session = Session::new(&rules, Answers::new(), Audience::Parent);
//! let result = session.run(&mut Yes).unwrap();
//! assert_eq!(result.urgency, Urgency::Emergency);
//! ```

use std::collections::HashMap;

use crate::answers::{Answer, Answers};
use crate::engine::{self, given_or_default, Assessment, Stop};
use crate::error::Error;
use crate::prompt::{chosen, Asking, Prompt, PromptError, Reply, ReviewChoice, ReviewLine};
use crate::rules::{Audience, Question, Rules, Urgency};
use crate::t;

/// One question answered at the prompt: `None` for a skipped intake question.
struct Given<'r> {
    question: &'r Question,
    answer: Option<Answer>,
}

/// What the walk needs next.
enum Next<'r> {
    Ask(&'r Question),
    Done(Assessment<'r>),
}

pub struct Session<'r> {
    rules: &'r Rules,
    audience: Audience,
    /// Answers from files and `--set`: never asked.
    fixed: Answers,
    /// Answers given at the prompt, in the order asked.
    given: Vec<Given<'r>>,
    /// Answers from before a Back or a change, used again if the walk comes
    /// back to their question.
    kept: HashMap<&'r str, Option<Answer>>,
    /// The question gone back to: asked again even though it has a kept
    /// answer.
    reask: Option<&'r str>,
    /// Why a kept answer is used without asking, where it is not "as
    /// before": one counted from the history.
    filled: HashMap<String, String>,
    /// Answers at the last check of the same problem, shown beside their
    /// questions.
    last_time: HashMap<String, Answer>,
    /// The consultant's intake is asked after the triage.
    with_intake: bool,
    introduced: bool,
    intake_introduced: bool,
}

/// What a check starts with, for `audience`.
pub fn introduction(audience: Audience) -> String {
    match audience {
        Audience::Parent => t!("intro-parent"),
        Audience::Consultant => t!("intro-consultant"),
    }
}

impl<'r> Session<'r> {
    /// A check of `rules` that asks whatever `fixed` does not answer.
    pub fn new(rules: &'r Rules, fixed: Answers, audience: Audience) -> Session<'r> {
        Session {
            rules,
            audience,
            fixed,
            given: Vec::new(),
            kept: HashMap::new(),
            reask: None,
            filled: HashMap::new(),
            last_time: HashMap::new(),
            with_intake: audience == Audience::Consultant,
            introduced: false,
            intake_introduced: false,
        }
    }

    /// Uses `answer` for question `id` without asking, saying `why`; it can
    /// be changed at the review like any other. Ignored for a question
    /// answered already (from a file or `--set`).
    pub fn prefill(&mut self, id: &str, answer: Answer, why: String) {
        let Some(q) = self.rules.question(id) else {
            return;
        };
        if self.fixed.get(id).is_some() {
            return;
        }
        self.kept.insert(q.id.as_str(), Some(answer));
        self.filled.insert(q.id.clone(), why);
    }

    /// Shows each of `answers` beside its question: the last check's. Not
    /// beside a warning sign ("unsure" counts as yes): a "No" from last
    /// time must not prompt a "No" now (hazard H8). Nor beside a time in
    /// hours, which has moved on since: "24 hours" then would invite
    /// typing 24 again.
    pub fn show_last_time(&mut self, answers: impl IntoIterator<Item = (String, Answer)>) {
        use crate::rules::QuestionKind;
        let rules = self.rules;
        self.last_time.extend(answers.into_iter().filter(|(id, _)| {
            match rules.question(id).map(|q| &q.kind) {
                Some(QuestionKind::YesNoUnsure {
                    unsure_counts_as_yes: true,
                }) => false,
                Some(QuestionKind::Number(spec)) => !spec.is_hours(),
                _ => true,
            }
        }));
    }

    /// Every answer: the fixed ones, then those given at the prompt.
    pub fn answers(&self) -> Answers {
        let mut answers = self.fixed.clone();
        for g in &self.given {
            if let Some(answer) = &g.answer {
                answers.record(&g.question.id, answer.clone());
            }
        }
        answers
    }

    pub fn audience(&self) -> Audience {
        self.audience
    }

    /// Whether any question was answered at the prompt.
    pub fn asked_anything(&self) -> bool {
        !self.given.is_empty()
    }

    /// Asks until the tree gives a result and the person has confirmed the
    /// answers (an emergency is given at once, without the review).
    pub fn run(&mut self, prompt: &mut dyn Prompt) -> Result<Assessment<'r>, Error> {
        loop {
            let assessment = self.ask_until_done(prompt)?;
            if assessment.urgency == Urgency::Emergency || self.given.is_empty() {
                return Ok(assessment);
            }
            if self.reviewed(prompt, 0)? {
                prompt.finish()?;
                return Ok(assessment);
            }
        }
    }

    /// Shows the answers from the `from`th on for review: true when
    /// confirmed, false when one was chosen to change (it is then asked
    /// again).
    fn reviewed(&mut self, prompt: &mut dyn Prompt, from: usize) -> Result<bool, Error> {
        let lines: Vec<ReviewLine> = self.given[from..]
            .iter()
            .map(|g| ReviewLine {
                label: g.question.label.clone(),
                answer: g.answer.as_ref().map_or_else(
                    || t!("term-skipped"),
                    |a| chosen(g.question, a, self.audience),
                ),
            })
            .collect();
        match prompt.review(&lines, self.audience)? {
            ReviewChoice::Confirm => Ok(true),
            ReviewChoice::Change(i) if from + i < self.given.len() => {
                self.go_back_to(from + i);
                Ok(false)
            }
            ReviewChoice::Change(_) => Ok(false),
        }
    }

    /// After an emergency shown at once: offers a consultant the intake
    /// that was not asked, and asks it if wanted, with its own review.
    pub fn offer_intake(&mut self, prompt: &mut dyn Prompt) -> Result<(), Error> {
        if self.audience != Audience::Consultant || self.pending_intake().is_none() {
            return Ok(());
        }
        if !prompt.confirm(&t!("intake-after-emergency"), &t!("intake-record-now"))? {
            return Ok(());
        }
        // The triage is over: Back and the review stay within the intake.
        let first = self.given.len();
        loop {
            while let Some(q) = self.pending_intake() {
                if self.use_kept(q, prompt)? {
                    continue;
                }
                self.introduce_intake(prompt)?;
                let asking = Asking {
                    can_go_back: self.given.len() > first,
                    optional: true,
                    previous: self.kept.get(q.id.as_str()).and_then(Option::as_ref),
                    last_time: self.last_time.get(&q.id),
                };
                self.reply(q, prompt.ask(q, self.audience, asking)?);
            }
            if self.given.len() == first || self.reviewed(prompt, first)? {
                break;
            }
        }
        prompt.finish()?;
        Ok(())
    }

    /// Uses the answer kept from before a Back for `q`, unless `q` is the
    /// question gone back to: true when it was used.
    fn use_kept(&mut self, q: &'r Question, prompt: &mut dyn Prompt) -> Result<bool, Error> {
        if self.reask == Some(q.id.as_str()) {
            return Ok(false);
        }
        let Some(answer) = self.kept.remove(q.id.as_str()) else {
            return Ok(false);
        };
        let shown = answer
            .as_ref()
            .map_or_else(|| t!("term-skipped"), |a| chosen(q, a, self.audience));
        let why = self
            .filled
            .get(&q.id)
            .cloned()
            .unwrap_or_else(|| t!("kept-as-before"));
        prompt.kept(q, &shown, &why)?;
        self.given.push(Given {
            question: q,
            answer,
        });
        Ok(true)
    }

    fn ask_until_done(&mut self, prompt: &mut dyn Prompt) -> Result<Assessment<'r>, Error> {
        loop {
            let q = match self.next()? {
                Next::Done(assessment) => return Ok(assessment),
                Next::Ask(q) => q,
            };
            if self.use_kept(q, prompt)? {
                continue;
            }
            self.introduce(prompt)?;
            if q.intake {
                self.introduce_intake(prompt)?;
            }
            let previous = self.kept.get(q.id.as_str()).and_then(Option::as_ref);
            let asking = Asking {
                can_go_back: !self.given.is_empty(),
                optional: q.intake,
                previous,
                last_time: self.last_time.get(&q.id),
            };
            let reply = prompt.ask(q, self.audience, asking)?;
            self.reply(q, reply);
        }
    }

    /// Says what is about to happen (and that an emergency number is there
    /// for anyone very unwell), once, before anything is asked.
    pub fn introduce(&mut self, prompt: &mut dyn Prompt) -> Result<(), PromptError> {
        if !self.introduced {
            self.introduced = true;
            prompt.introduce(&introduction(self.audience), self.audience)?;
        }
        Ok(())
    }

    /// The introduction was said already (before a question of the
    /// program's own, such as "the same problem as last time?").
    pub fn introduced_already(&mut self) {
        self.introduced = true;
    }

    fn introduce_intake(&mut self, prompt: &mut dyn Prompt) -> Result<(), PromptError> {
        if !self.intake_introduced {
            self.intake_introduced = true;
            prompt.introduce(&t!("intake-intro"), self.audience)?;
        }
        Ok(())
    }

    fn reply(&mut self, q: &'r Question, reply: Reply) {
        match reply {
            Reply::Answer(answer) => self.push(q, Some(answer)),
            Reply::Skip => self.push(q, None),
            Reply::Back => {
                if !self.given.is_empty() {
                    self.go_back_to(self.given.len() - 1);
                }
            }
        }
    }

    fn push(&mut self, q: &'r Question, answer: Option<Answer>) {
        if self.reask == Some(q.id.as_str()) {
            self.reask = None;
        }
        self.kept.remove(q.id.as_str());
        self.filled.remove(&q.id);
        self.given.push(Given {
            question: q,
            answer,
        });
    }

    /// Asks the `i`th answer again, keeping those after it.
    fn go_back_to(&mut self, i: usize) {
        let reask = self.given.get(i).map(|g| g.question.id.as_str());
        for g in self.given.drain(i..) {
            self.kept.insert(g.question.id.as_str(), g.answer);
        }
        self.reask = reask;
    }

    /// The first question the answers so far leave open, or the result.
    fn next(&self) -> Result<Next<'r>, Error> {
        let answers = self.answers();
        let audience = self.audience;
        let walked = engine::walk(self.rules, |q| {
            let consultant_asks = audience == Audience::Consultant && q.consultant_only;
            if let Some(answer) = answers.get(&q.id) {
                return Ok(answer.clone());
            }
            if !consultant_asks {
                if let Some(answer) = given_or_default(q, &answers) {
                    return Ok(answer);
                }
            }
            Err(q)
        });
        let assessment = match walked {
            Ok(assessment) => assessment,
            Err(Stop::Source(q)) => return Ok(Next::Ask(q)),
            Err(Stop::Unfit { question, answer }) => {
                return Err(Error::Internal(format!(
                    "answer '{answer}' does not fit question '{question}'"
                )))
            }
        };
        // An emergency is shown at once: the intake, if wanted, comes after.
        if self.with_intake && assessment.urgency != Urgency::Emergency {
            if let Some(q) = self.pending_intake() {
                return Ok(Next::Ask(q));
            }
        }
        Ok(Next::Done(assessment))
    }

    /// The first intake question neither answered nor skipped.
    fn pending_intake(&self) -> Option<&'r Question> {
        self.rules.intake_questions().find(|q| {
            self.fixed.get(&q.id).is_none() && !self.given.iter().any(|g| g.question.id == q.id)
        })
    }
}
