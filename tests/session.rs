//! The order of questions, scripted through the `Prompt` trait: Back, kept
//! answers, the review and the consultant's intake, without a terminal.

use std::collections::VecDeque;

use lactriage::answers::{Answer, Answers};
use lactriage::prompt::{Asking, Prompt, PromptError, Reply, ReviewChoice, ReviewLine};
use lactriage::rules::{Audience, Question, Rules, Urgency};
use lactriage::session::Session;

/// Replies from a script, in order, and records what it was asked.
#[derive(Default)]
struct Script {
    replies: VecDeque<(&'static str, Reply)>,
    reviews: VecDeque<ReviewChoice>,
    confirm: bool,
    /// `ask id`, `kept id`, `review N`, `confirm` in order.
    log: Vec<String>,
    /// The answer shown as "before" at each question asked, if any.
    previous: Vec<(String, Option<Answer>)>,
    /// The answer shown from the last check, at each question asked.
    last_time: Vec<(String, Option<Answer>)>,
    back_offered: Vec<(String, bool)>,
}

impl Script {
    fn reply(mut self, id: &'static str, reply: Reply) -> Script {
        self.replies.push_back((id, reply));
        self
    }

    fn answer(self, id: &'static str, answer: Answer) -> Script {
        self.reply(id, Reply::Answer(answer))
    }

    fn no(self, id: &'static str) -> Script {
        self.answer(id, Answer::No)
    }
}

impl Prompt for Script {
    fn ask(&mut self, q: &Question, _: Audience, asking: Asking) -> Result<Reply, PromptError> {
        self.log.push(format!("ask {}", q.id));
        self.back_offered.push((q.id.clone(), asking.can_go_back));
        self.previous.push((q.id.clone(), asking.previous.cloned()));
        self.last_time
            .push((q.id.clone(), asking.last_time.cloned()));
        match self.replies.pop_front() {
            Some((id, reply)) => {
                assert_eq!(
                    id, q.id,
                    "the script expected another question; {:?}",
                    self.log
                );
                Ok(reply)
            }
            None => Err(PromptError::EndOfInput),
        }
    }

    fn kept(&mut self, q: &Question, _: &str, _: &str) -> Result<(), PromptError> {
        self.log.push(format!("kept {}", q.id));
        Ok(())
    }

    fn review(&mut self, lines: &[ReviewLine], _: Audience) -> Result<ReviewChoice, PromptError> {
        self.log.push(format!("review {}", lines.len()));
        Ok(self.reviews.pop_front().unwrap_or(ReviewChoice::Confirm))
    }

    fn confirm(&mut self, _: &str, _: &str) -> Result<bool, PromptError> {
        self.log.push("confirm".to_string());
        Ok(self.confirm)
    }
}

/// The intake questions after the baby's age, in order.
const INTAKE_AFTER_AGE: [&str; 8] = [
    "feeding",
    "pumping_sessions",
    "nipple_shield",
    "deep_massage",
    "previous_mastitis",
    "medicines",
    "allergies",
    "note",
];

fn rules() -> Rules {
    Rules::builtin().expect("the built-in rules load")
}

/// The first questions of every walk to a breast diagnosis.
fn to_the_lump(script: Script) -> Script {
    script
        .no("sepsis_signs")
        .no("skin_emergency")
        .no("abscess_signs")
        .answer("antibiotics_hours", Answer::Number(0.0))
        .answer("lump", Answer::Yes)
}

#[test]
fn back_asks_the_previous_question_again_and_keeps_the_answers_after_it() {
    let rules = rules();
    let mut script = to_the_lump(Script::default())
        .answer("redness", Answer::Choice("none".into()))
        .answer("lactating", Answer::Yes)
        // At the temperature: back, and back again, to the redness.
        .reply("temperature", Reply::Back)
        .reply("lactating", Reply::Back)
        .answer("redness", Answer::Choice("small".into()))
        // lactating is kept: the temperature comes next.
        .answer("temperature", Answer::NotMeasured)
        .answer("feels_feverish", Answer::Yes)
        .answer("duration_hours", Answer::Number(30.0));
    let mut session = Session::new(&rules, Answers::new(), Audience::Parent);
    let result = session.run(&mut script).expect("a result");
    assert_eq!(result.urgency, Urgency::Today);
    let log = script.log.join(", ");
    assert!(
        log.contains(
            "ask temperature, ask lactating, ask redness, kept lactating, ask temperature"
        ),
        "{log}"
    );
    let answers = session.answers();
    assert_eq!(
        answers.get("redness"),
        Some(&Answer::Choice("small".into()))
    );
    assert_eq!(answers.get("lactating"), Some(&Answer::Yes));
    // Back is offered on every question but the first.
    assert_eq!(script.back_offered[0], ("sepsis_signs".to_string(), false));
    assert!(script.back_offered[1..].iter().all(|(_, offered)| *offered));
    // A question gone back to shows the answer given before; a question
    // asked for the first time shows none.
    let before: Vec<(String, Option<Answer>)> = script
        .previous
        .iter()
        .filter(|(_, p)| p.is_some())
        .cloned()
        .collect();
    assert_eq!(
        before,
        [
            ("lactating".to_string(), Some(Answer::Yes)),
            ("redness".to_string(), Some(Answer::Choice("none".into()))),
        ]
    );
}

#[test]
fn a_change_at_the_review_drops_the_answers_off_the_new_path() {
    let rules = rules();
    let mut script = to_the_lump(Script::default())
        .answer("redness", Answer::Choice("none".into()))
        .answer("lactating", Answer::Yes)
        .answer("temperature", temperature("36.9"))
        .no("recent_fever")
        .no("flu_like")
        .no("both_breasts")
        .no("lump_features")
        .answer("duration_hours", Answer::Number(6.0))
        .answer("trend", Answer::Choice("same".into()))
        .no("recurrent")
        // Changed at the review: a fever.
        .answer("temperature", temperature("38.6"))
        .no("nipple_damage")
        .no("risk_factors");
    // Review 1: change the 8th answer (the temperature); review 2: confirm.
    script.reviews.push_back(ReviewChoice::Change(7));
    let mut session = Session::new(&rules, Answers::new(), Audience::Parent);
    let result = session.run(&mut script).expect("a result");
    assert_eq!(result.urgency, Urgency::Today);
    let answers = session.answers();
    // Off the new path: gone from the record, not silently kept.
    for id in ["recent_fever", "flu_like", "recurrent"] {
        assert_eq!(answers.get(id), None, "{id} is still recorded");
    }
    let log = script.log.join(", ");
    assert!(log.contains("review 15"), "{log}");
    assert!(log.contains("kept duration_hours, kept trend"), "{log}");
    assert_eq!(
        script
            .log
            .iter()
            .filter(|l| l.starts_with("review"))
            .count(),
        2
    );
}

#[test]
fn an_emergency_comes_at_once_without_a_review() {
    let rules = rules();
    let mut script = Script::default()
        .no("sepsis_signs")
        .answer("skin_emergency", Answer::Unsure);
    let mut session = Session::new(&rules, Answers::new(), Audience::Parent);
    let result = session.run(&mut script).expect("a result");
    assert_eq!(result.urgency, Urgency::Emergency);
    assert!(
        !script.log.iter().any(|l| l.starts_with("review")),
        "{:?}",
        script.log
    );
}

#[test]
fn a_consultant_emergency_offers_the_intake_afterwards() {
    let rules = rules();
    for wanted in [false, true] {
        let mut script = Script {
            confirm: wanted,
            ..Script::default()
        }
        .answer("sepsis_signs", Answer::Yes);
        if wanted {
            script = script.answer("baby_age_weeks", Answer::Number(5.0));
            for id in INTAKE_AFTER_AGE {
                script = script.reply(id, Reply::Skip);
            }
        }
        let mut session = Session::new(&rules, Answers::new(), Audience::Consultant);
        let result = session.run(&mut script).expect("a result");
        assert_eq!(result.urgency, Urgency::Emergency);
        // Nothing was asked between the emergency answer and the result.
        assert_eq!(script.log, ["ask sepsis_signs"]);
        session.offer_intake(&mut script).expect("the intake");
        assert_eq!(script.log[1], "confirm");
        let asked = script.log.iter().filter(|l| l.starts_with("ask")).count();
        assert_eq!(asked, if wanted { 10 } else { 1 }, "{:?}", script.log);
        assert_eq!(
            session.answers().get("baby_age_weeks").is_some(),
            wanted,
            "{:?}",
            script.log
        );
    }
}

/// The intake recorded after an emergency has its own review: a change
/// there asks that intake question again, and the triage stays as it was.
#[test]
fn the_intake_after_an_emergency_is_reviewed() {
    let rules = rules();
    let mut script = Script {
        confirm: true,
        ..Script::default()
    }
    .answer("sepsis_signs", Answer::Yes)
    .answer("baby_age_weeks", Answer::Number(5.0));
    for id in INTAKE_AFTER_AGE {
        script = script.reply(id, Reply::Skip);
    }
    script = script.answer("baby_age_weeks", Answer::Number(6.0));
    script.reviews.push_back(ReviewChoice::Change(0));
    let mut session = Session::new(&rules, Answers::new(), Audience::Consultant);
    let result = session.run(&mut script).expect("a result");
    assert_eq!(result.urgency, Urgency::Emergency);
    session.offer_intake(&mut script).expect("the intake");
    let log = script.log.join(", ");
    // Nine intake questions reviewed (not the triage's), the age changed,
    // the skipped ones kept, then reviewed again.
    assert!(
        log.contains("review 9, ask baby_age_weeks, kept feeding"),
        "{log}"
    );
    assert!(log.ends_with("kept note, review 9"), "{log}");
    assert_eq!(
        session.answers().get("baby_age_weeks"),
        Some(&Answer::Number(6.0))
    );
    assert_eq!(session.answers().get("sepsis_signs"), Some(&Answer::Yes));
}

/// The last check's answers are shown beside their questions, except the
/// warning signs; a duration counted from the history is used without
/// asking, and the review can change it.
#[test]
fn the_last_check_is_shown_beside_questions_but_warning_signs() {
    let rules = rules();
    let mut script = to_the_lump(Script::default())
        .answer("redness", Answer::Choice("none".into()))
        .answer("lactating", Answer::Yes)
        .answer("temperature", Answer::NotMeasured)
        .answer("feels_feverish", Answer::Yes)
        // Changed at the review: under 24 hours asks about the course.
        .answer("duration_hours", Answer::Number(12.0))
        .answer("trend", Answer::Choice("better".into()))
        .no("nipple_damage")
        .no("risk_factors");
    let mut session = Session::new(&rules, Answers::new(), Audience::Parent);
    session.show_last_time([
        ("sepsis_signs".to_string(), Answer::No),
        ("redness".to_string(), Answer::Choice("small".into())),
    ]);
    session.prefill(
        "duration_hours",
        Answer::Number(40.0),
        "counted".to_string(),
    );
    // Review: change the duration (the last of ten answers, the kept one),
    // then confirm.
    script.reviews.push_back(ReviewChoice::Change(9));
    let result = session.run(&mut script).expect("a result");
    let shown = |id: &str| {
        script
            .last_time
            .iter()
            .find(|(q, _)| q == id)
            .and_then(|(_, a)| a.clone())
    };
    assert_eq!(shown("sepsis_signs"), None);
    assert_eq!(shown("redness"), Some(Answer::Choice("small".into())));
    let log = script.log.join(", ");
    assert!(log.contains("kept duration_hours"), "{log}");
    assert!(log.contains("review 10, ask duration_hours"), "{log}");
    assert_eq!(
        session.answers().get("duration_hours"),
        Some(&Answer::Number(12.0))
    );
    assert_eq!(result.condition.id, "inflammatory_mastitis", "{log}");
}

fn temperature(text: &str) -> Answer {
    lactriage::answers::parse_temperature(&lactriage::answers::RawAnswer::Text(text.to_string()))
        .expect("a reading")
}
