//! What a check of the same problem adds to the result: the hours since it
//! started, counted from the first check; how the answers changed since the
//! last one; and any time limit given then that has passed. Pure: it reads
//! the earlier checks and the answers, and decides nothing about the
//! result.
//!
//! The time limits are the ones the results themselves give (triage
//! specification, urgency levels and the antibiotics step): within 24
//! hours for `within_24h`; 48 hours from starting antibiotics; 2-3 days for
//! self-care, counted as 48 hours, the earlier end; and "today" or "now"
//! for the two most urgent levels, which are recalled whatever the time.

use chrono::{DateTime, FixedOffset};

use super::{Check, Episode};
use crate::answers::{parse_answer, Answer, Answers, RawAnswer};
use crate::i18n::number;
use crate::prompt::chosen;
use crate::rules::{Audience, Rules};
use crate::t;

/// The comparison with the last check of the episode.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FollowUp {
    pub episode: i64,
    /// How long ago the last check was, in words.
    pub ago: String,
    /// When the last check was.
    pub previous: DateTime<FixedOffset>,
    /// When the first check of the episode was.
    pub first: DateTime<FixedOffset>,
    /// What changed, one sentence each, and what stayed the same.
    pub changes: Vec<String>,
    /// Time limits given at the last check that have passed.
    pub deadlines: Vec<String>,
}

/// How long ago, in words: "40 minutes ago", "5 hours ago", "3 days ago".
pub fn ago(then: &DateTime<FixedOffset>, now: &DateTime<FixedOffset>) -> String {
    let minutes = (*now - *then).num_minutes().max(0);
    match minutes {
        0..=1 => t!("ago-just-now"),
        2..=119 => t!("ago-minutes", minutes = minutes),
        120..=2879 => t!("ago-hours", hours = minutes / 60),
        _ => t!("ago-days", days = minutes / 1440),
    }
}

/// A date as the prompt and the result say it: `Sat 21 Nov, 22:10`.
pub fn when(time: &DateTime<FixedOffset>) -> String {
    crate::i18n::date_short(time)
}

fn hours_between(from: &DateTime<FixedOffset>, to: &DateTime<FixedOffset>) -> f64 {
    ((*to - *from).num_minutes().max(0) as f64 / 60.0).floor()
}

/// The answers of an earlier check, read back as answers to `rules`
/// (answers the rules no longer accept are left out).
pub fn answers_of(rules: &Rules, check: &Check) -> Vec<(String, Answer)> {
    check
        .answers
        .iter()
        .filter_map(|(id, value)| {
            let q = rules.question(id)?;
            let answer = parse_answer(q, &RawAnswer::from(value.clone())).ok()?;
            Some((id.clone(), answer))
        })
        .collect()
}

/// The hours since the problem started, counted from an earlier check.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceStart {
    pub hours: f64,
    /// The check it is counted from.
    pub from: DateTime<FixedOffset>,
    /// Counted from the top of a range ("1 to 3 days"): at most this many.
    pub at_most: bool,
}

/// A duration answer as the hours it may have been, at most: a range's top
/// (a longer duration never lowers the urgency, so the count errs towards
/// care), a typed number as it is, an open range ("7 days or more") from
/// its start.
fn hours_at_most(answer: &Answer) -> Option<(f64, bool)> {
    match answer {
        Answer::Range { to: Some(to), .. } => Some((*to, true)),
        other => other.numeric_value().map(|x| (x, false)),
    }
}

/// Hours since the problem started, now: the answer at the latest check
/// that gave one, plus the time since that check (`None` if none did).
pub fn hours_since_start(
    rules: &Rules,
    episode: &Episode,
    now: &DateTime<FixedOffset>,
) -> Option<SinceStart> {
    episode.checks.iter().rev().find_map(|check| {
        let answer = answers_of(rules, check)
            .into_iter()
            .find(|(id, _)| id == "duration_hours")?
            .1;
        let (then, at_most) = hours_at_most(&answer)?;
        Some(SinceStart {
            hours: then + hours_between(&check.time, now),
            from: check.time,
            at_most,
        })
    })
}

/// Compares `answers` now with the last check of `episode`.
pub fn compare(
    rules: &Rules,
    audience: Audience,
    episode: &Episode,
    answers: &Answers,
    now: &DateTime<FixedOffset>,
) -> Option<FollowUp> {
    let last = episode.checks.last()?;
    let first = episode.checks.first()?;
    let before = answers_of(rules, last);
    let mut changes = Vec::new();
    let mut same = Vec::new();
    for q in rules.questions.iter().filter(|q| !q.intake) {
        // The hours since it started always move on.
        if q.id == "duration_hours" {
            continue;
        }
        let (Some(then), Some(now_answer)) = (
            before.iter().find(|(id, _)| *id == q.id).map(|(_, a)| a),
            answers.get(&q.id),
        ) else {
            continue;
        };
        match (then, now_answer) {
            (Answer::Temperature(a), Answer::Temperature(b)) => {
                // To a tenth of a degree, as thermometers show: 101.1 °F is
                // 38.4 °C, not 38.388889.
                let tenth = |x: f64| (x * 10.0).round() / 10.0;
                let (a, b) = (tenth(a.celsius), tenth(b.celsius));
                let direction = if b < a {
                    "down"
                } else if b > a {
                    "up"
                } else {
                    ""
                };
                if direction.is_empty() {
                    same.push(t!("follow-temperature-same", celsius = number(a)));
                } else {
                    changes.push(t!(
                        "follow-temperature-changed",
                        direction = direction,
                        from = number(a),
                        to = number(b)
                    ));
                    if direction == "down" {
                        changes.push(t!("follow-pain-reliever"));
                    }
                }
            }
            // With the answer: "sepsis warning signs" alone reads as if
            // they were there.
            (a, b) if a == b => same.push(format!(
                "{}: {}",
                q.label.to_lowercase(),
                chosen(q, a, audience).to_lowercase()
            )),
            (a, b) => changes.push(t!(
                "follow-changed",
                label = q.label.as_str(),
                then = chosen(q, a, audience),
                now = chosen(q, b, audience)
            )),
        }
    }
    if !same.is_empty() {
        changes.push(t!("follow-same", answers = same.join("; ")));
    }
    Some(FollowUp {
        episode: episode.id,
        ago: ago(&last.time, now),
        previous: last.time,
        first: first.time,
        changes,
        deadlines: deadlines(rules, episode, last, now),
    })
}

/// The time limits of the last check's result that have passed by `now`.
fn deadlines(
    rules: &Rules,
    episode: &Episode,
    last: &Check,
    now: &DateTime<FixedOffset>,
) -> Vec<String> {
    let at = when(&last.time);
    let since_last = hours_between(&last.time, now);
    let mut passed = Vec::new();
    match last.urgency.as_str() {
        "emergency" => passed.push(t!("deadline-emergency", at = at.as_str())),
        "today" => passed.push(t!("deadline-today", at = at.as_str())),
        "within_24h" if since_last >= 24.0 => passed.push(t!(
            "deadline-24h",
            hours = number(since_last),
            at = at.as_str()
        )),
        // From the top of a range ("less than 2 days ago"): the reminder
        // may come early, never late.
        "self_care"
            if last.condition == "on_antibiotics" && started_antibiotics(rules, last).is_some() =>
        {
            if let Some((started, at_most)) = started_antibiotics(rules, last) {
                let on = started + since_last;
                // Not yet due at the last check (or maybe not: a range).
                if on >= 48.0 && (started < 48.0 || at_most) {
                    passed.push(t!(
                        "deadline-antibiotics",
                        at_most = crate::i18n::select(at_most),
                        hours = number(on)
                    ));
                }
            }
        }
        "self_care" => {
            let first = episode.checks.first().map_or(last.time, |c| c.time);
            let since_first = hours_between(&first, now);
            if since_first >= 48.0 {
                passed.push(t!(
                    "deadline-self-care",
                    hours = number(since_first),
                    at = when(&first)
                ));
            }
        }
        _ => {}
    }
    passed
}

/// Hours on antibiotics at a check, at most (see [`hours_at_most`]).
fn started_antibiotics(rules: &Rules, check: &Check) -> Option<(f64, bool)> {
    let answer = answers_of(rules, check)
        .into_iter()
        .find(|(id, _)| id == "antibiotics_hours")?
        .1;
    hours_at_most(&answer)
}
