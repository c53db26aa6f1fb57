//! The interactive prompt, driven through a pseudo-terminal as a person would
//! use it: read the question, press Down and Enter, type a reading.
//!
//! In a pty, standard error (questions, menus) and standard output (the
//! result) are the same terminal, so every test reads one stream. Colour is
//! off (`--color never`, NO_COLOR=1). A menu opens with `<label>:` and, once
//! answered, leaves the line `<label>: <choice>`; a typed answer is asked
//! after `<label>: `, and a refused line is answered with the reason,
//! indented, before the line opens again. What stays on the screen after
//! the cursor moves is checked in `screen.rs`.

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

use crate::harness::bin;

/// Generous, because two cores may be running several debug builds at once.
const TIMEOUT: Duration = Duration::from_secs(10);
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
/// What the Enter key sends in a terminal.
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
/// The Left arrow: Back in a menu.
const ESC_LEFT: &str = "\x1b[D";
const SHOW_CURSOR: &str = "\x1b[?25h";
const HIDE_CURSOR: &str = "\x1b[?25l";
const TEMPERATURE: &str = "Temperature: ";

/// Every menu and input label of the default rules, to check that a question
/// was not asked.
const LABELS: &[&str] = &[
    "Sepsis warning signs",
    "Heart rate",
    "Breathing rate",
    "Systolic blood pressure",
    "Dark, blistering or fast-spreading skin",
    "Soft lump or pus",
    "Hours on antibiotics",
    "Tender spot or lump",
    "Painless, hard or fixed lump",
    "Both breasts full and hard",
    "Redness",
    "Breastfeeding or pumping",
    "Temperature",
    "Feels feverish",
    "Fever or chills in the last 24 hours",
    "Flu-like symptoms",
    "Hours since it started",
    "Course",
    "Risk factors",
    "Nipple damage",
    "Same spot three or more times",
];

/// A running `lactriage` on a pseudo-terminal, and what it has shown so far.
struct Pty {
    session: OsSession,
    /// Everything read from the terminal so far, with `\r` removed.
    seen: String,
}

/// How the process ended, and what it printed after the last `expect`.
struct Finished {
    status: i32,
    /// Output after the last awaited text, `\r` removed.
    rest: String,
    /// The whole session, for messages.
    transcript: String,
}

impl Pty {
    /// Starts the binary with `args`, colour off and a plain terminal type.
    fn spawn(args: &[&str]) -> Pty {
        Pty::spawn_command(Command::new(bin()), args)
    }

    /// Starts `command` (the binary, or a shell around it) the same way.
    fn spawn_command(mut command: Command, args: &[&str]) -> Pty {
        command
            .args(args)
            .args(["--color", "never"])
            .env("NO_COLOR", "1")
            .env("TERM", "xterm-256color")
            .env_remove("COLUMNS")
            .env_remove("LINES")
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        crate::harness::english(&mut command);
        // A test that gives its own folders keeps them.
        if !command.get_envs().any(|(key, _)| key == "XDG_CONFIG_HOME") {
            crate::harness::isolate(&mut command);
        }
        let mut session = Session::spawn(command).expect("the binary starts on a pty");
        session.set_expect_timeout(Some(TIMEOUT));
        Pty {
            session,
            seen: String::new(),
        }
    }

    /// Waits for `text`; returns what was shown since the previous wait, up to
    /// and including `text`.
    fn expect(&mut self, text: &str) -> String {
        match self.session.expect(text) {
            Ok(found) => {
                let shown = String::from_utf8_lossy(found.as_bytes()).replace('\r', "");
                self.seen.push_str(&shown);
                shown
            }
            Err(e) => {
                let pending = match self.session.check(Regex("(?s-u).+")) {
                    Ok(c) => String::from_utf8_lossy(c.as_bytes()).into_owned(),
                    Err(e) => format!("<{e}>"),
                };
                panic!(
                    "waiting for {text:?}: {e}\n--- shown before ---\n{}\n--- not matched ---\n{}",
                    self.seen,
                    pending.replace('\r', "")
                );
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("write to the pty");
    }

    /// Answers the menu `label` with its choice number `downs` (from 0):
    /// waits for it, presses Down to reach it and Enter, and checks that
    /// `choice` was recorded. A menu opens on no choice, so the first Down
    /// reaches choice 0.
    fn pick(&mut self, label: &str, downs: usize, choice: &str) {
        self.expect(&format!("{label}:"));
        self.send(&format!("{}{ENTER}", DOWN.repeat(downs + 1)));
        self.expect(&format!("{label}: {choice}"));
    }

    /// Answers a text input: waits for `prompt`, types `line` and Enter.
    fn type_line(&mut self, prompt: &str, line: &str) {
        self.expect(prompt);
        self.send(&format!("{line}{ENTER}"));
    }

    /// At the review of answers, chooses "See the result" (where the menu
    /// opens) with Enter.
    fn confirm_answers(&mut self) {
        self.expect("Answers:");
        self.expect("1 See the result");
        self.send(ENTER);
        self.expect("Answers: confirmed");
    }

    /// Reads to the end of the output and reaps the process.
    fn finish(mut self) -> Finished {
        let rest = match self.session.expect(Eof) {
            Ok(found) => String::from_utf8_lossy(found.as_bytes()).replace('\r', ""),
            Err(e) => panic!(
                "waiting for the process to end: {e}\n--- shown ---\n{}",
                self.seen
            ),
        };
        self.seen.push_str(&rest);
        let status = match self.session.get_process().wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!(
                "the process did not exit normally: {other:?}\n{}",
                self.seen
            ),
        };
        Finished {
            status,
            rest,
            transcript: self.seen,
        }
    }
}

impl Finished {
    fn status(&self, code: i32) -> &Finished {
        assert_eq!(
            self.status, code,
            "exit status; the session:\n{}",
            self.transcript
        );
        self
    }

    fn has(&self, text: &str) -> &Finished {
        assert!(
            self.rest.contains(text),
            "the end of the session lacks {text:?}:\n{}",
            self.rest
        );
        self
    }

    fn lacks(&self, text: &str) -> &Finished {
        assert!(
            !self.rest.contains(text),
            "the end of the session shows {text:?}:\n{}",
            self.rest
        );
        self
    }

    /// The result opens with a line of `=` and then the urgency.
    fn banner(&self, urgency: &str) -> &Finished {
        // The cursor is shown again just before it, on the same line.
        let lines: Vec<String> = self.rest.lines().map(strip_escapes).collect();
        let found = lines.windows(2).any(|w| {
            w[0].len() >= 20 && w[0].chars().all(|c| c == '=') && w[1].trim_end() == urgency
        });
        assert!(
            found,
            "no banner with {urgency:?} at the end of the session:\n{}",
            self.rest
        );
        self.has("Rules: mastitis-spectrum 2.3.0")
    }

    /// No question was asked after the last awaited text.
    fn no_question_asked(&self) -> &Finished {
        for label in LABELS {
            // A menu or an input opens with its label at the start of a line;
            // the result only lists answers, indented: "    - <label>: ...".
            let opened = self
                .rest
                .lines()
                .any(|line| strip_escapes(line).starts_with(label));
            assert!(!opened, "the question {label:?} was asked:\n{}", self.rest);
        }
        self
    }

    /// The cursor was shown again after it was last hidden.
    fn cursor_shown(&self) -> &Finished {
        let shown = self.transcript.rfind(SHOW_CURSOR);
        assert!(
            shown.is_some() && shown > self.transcript.rfind(HIDE_CURSOR),
            "the cursor is left hidden; the session:\n{:?}",
            self.transcript
        );
        self.has(SHOW_CURSOR)
    }

    /// The JSON object printed on standard output.
    fn json(&self) -> serde_json::Value {
        // Pretty-printed: the object opens with "{" and a line break.
        let start = self
            .rest
            .find("{\n")
            .unwrap_or_else(|| panic!("no JSON object in:\n{}", self.rest));
        serde_json::Deserializer::from_str(&self.rest[start..])
            .into_iter::<serde_json::Value>()
            .next()
            .expect("a JSON value")
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", &self.rest[start..]))
    }
}

/// Removes CSI escape sequences (cursor moves, line clears) from one line.
fn strip_escapes(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The three warning-sign questions answered No, no antibiotics, and a tender
/// spot: where every walk to a breast diagnosis starts.
fn no_warning_signs_with_lump(p: &mut Pty) {
    p.pick("Sepsis warning signs", 1, "No");
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    p.pick("Soft lump or pus", 1, "No");
    p.pick("Hours on antibiotics", 0, "Not taking antibiotics for this");
    p.pick("Tender spot or lump", 0, "Yes");
}

/// After a tender spot in one area with a normal temperature: no recent
/// fever, no flu, one area, and a lump that is tender and moves.
fn no_systemic_signs_one_tender_area(p: &mut Pty) {
    p.pick("Fever or chills in the last 24 hours", 1, "No");
    p.pick("Flu-like symptoms", 1, "No");
    p.pick("Both breasts full and hard", 1, "No");
    p.pick("Painless, hard or fixed lump", 1, "No");
}

#[test]
fn sepsis_yes_is_an_emergency_at_once() {
    let mut p = Pty::spawn(&[]);
    p.expect("Ctrl-C stops at any time.");
    // The signs are a list, one a line, so each can be read on its own.
    p.expect("Do you have any of these right now?\r\n- New confusion");
    p.expect("\r\n- A rash that does not fade when you press a glass on it\r\n");
    p.pick("Sepsis warning signs", 0, "Yes");
    p.finish()
        .status(0)
        .banner("EMERGENCY: call for help now")
        .has("Most likely: Signs of sepsis")
        .has("- Sepsis warning signs: yes")
        .no_question_asked();
}

/// Hazard H8: no menu opens on an answer. Enter pressed by reflex, at once
/// or twice, answers nothing; the menu waits, and the next question is not
/// asked until an answer is chosen.
#[test]
fn enter_alone_answers_nothing() {
    let mut p = Pty::spawn(&[]);
    p.expect("Nothing is chosen for you");
    p.expect("Sepsis warning signs:");
    p.send(&format!("{ENTER}{ENTER}"));
    // Give the program time to act on the keys before looking.
    std::thread::sleep(Duration::from_millis(300));
    let shown = match p.session.check(Regex("(?s-u).+")) {
        Ok(c) => String::from_utf8_lossy(c.as_bytes()).replace('\r', ""),
        Err(_) => String::new(),
    };
    assert!(
        !shown.contains("Sepsis warning signs: ") && !shown.contains("Dark, blistering"),
        "Enter alone answered the first question:\n{shown}"
    );
    // The same menu still takes a chosen answer.
    p.send(&format!("{DOWN}{DOWN}{ENTER}"));
    p.expect("Sepsis warning signs: No");
    p.expect("Dark, blistering or fast-spreading skin:");
    p.send(&format!("{ENTER}{UP}{ENTER}"));
    p.expect("Dark, blistering or fast-spreading skin: Not sure");
    p.finish().status(0).banner("EMERGENCY: call for help now");
}

#[test]
fn tender_spot_without_fever_is_self_care() {
    let mut p = Pty::spawn(&[]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 0, "No");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    p.type_line(TEMPERATURE, "36.9");
    no_systemic_signs_one_tender_area(&mut p);
    p.pick("Hours since it started", 0, "Less than 1 day");
    p.pick("Course", 1, "About the same");
    p.pick("Same spot three or more times", 1, "No");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Self-care at home")
        .has("Most likely: Ductal narrowing")
        .has("- Temperature: 36.9 °C")
        .has("- Hours since it started: Less than 1 day")
        .no_question_asked();
}

#[test]
fn not_sure_about_a_warning_sign_counts_as_yes() {
    let mut p = Pty::spawn(&[]);
    p.pick("Sepsis warning signs", 1, "No");
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    p.pick("Soft lump or pus", 2, "Not sure");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("Most likely: Possible breast abscess")
        .has("- Soft lump or pus: not sure (counted as yes)")
        .has("You were not sure whether there is a soft lump or pus, so this assumes")
        .lacks("You reported")
        .no_question_asked();
}

#[test]
fn fahrenheit_reading_is_converted_and_means_fever() {
    let mut p = Pty::spawn(&[]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 1, "A small patch");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    p.type_line(TEMPERATURE, "101.2F");
    // A fever: the questions about other signs of fever are skipped.
    let shown = p.expect("Hours since it started:");
    assert!(!shown.contains("Flu-like symptoms:"), "{shown}");
    assert!(
        !shown.contains("Fever or chills in the last 24 hours:"),
        "{shown}"
    );
    p.send(&format!("{DOWN}{DOWN}{ENTER}"));
    p.expect("Hours since it started: 1 to 3 days");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("Most likely: Mastitis")
        .has("- Temperature: 101.2 °F (38.4 °C)");
}

#[test]
fn impossible_temperature_is_refused_and_asked_again() {
    let mut p = Pty::spawn(&[]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 1, "A small patch");
    p.pick("Breastfeeding or pumping", 0, "Yes");

    p.type_line(TEMPERATURE, "50");
    p.expect("50 is neither a reading in °C (30-45) nor in °F (86-113)");
    p.expect("30-45 °C or 86-113 °F");

    p.type_line(TEMPERATURE, "120F");
    p.expect("120 °F is outside 86-113 °F");

    p.type_line(TEMPERATURE, "38.4");
    p.pick("Hours since it started", 1, "1 to 3 days");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("- Temperature: 38.4 °C")
        .lacks("Temperature: 50")
        .lacks("Temperature: 120");
}

#[test]
fn no_reading_asks_how_it_feels_and_hours_can_be_typed() {
    let mut p = Pty::spawn(&[]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 0, "No");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    p.type_line(TEMPERATURE, "");
    p.expect("No reading: the next question asks how you feel.");
    p.pick("Feels feverish", 1, "No");
    no_systemic_signs_one_tender_area(&mut p);
    p.expect("Hours since it started:");
    p.send(&format!("{}{ENTER}", DOWN.repeat(5)));
    p.expect("Type the hours, or days or weeks");
    p.type_line("Hours since it started: ", "30");
    p.pick("Course", 0, "Getting better");
    p.pick("Same spot three or more times", 0, "Yes");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Book a visit in the next few days")
        .has("Most likely: Ductal narrowing that keeps coming back")
        .has("- Temperature: not measured")
        .has("- Hours since it started: 30 hours");
}

#[test]
fn ctrl_c_at_a_menu_exits_130_and_shows_the_cursor() {
    let mut p = Pty::spawn(&[]);
    p.pick("Sepsis warning signs", 1, "No");
    p.expect("Dark, blistering or fast-spreading skin:");
    p.expect("Not sure");
    p.send(CTRL_C);
    p.finish()
        .status(130)
        .cursor_shown()
        .lacks("Rules: mastitis-spectrum")
        .no_question_asked();
}

#[test]
fn ctrl_c_while_typing_a_temperature_exits_130_and_shows_the_cursor() {
    let mut p = Pty::spawn(&[]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 0, "No");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    p.expect(TEMPERATURE);
    p.send("38");
    p.expect("38");
    p.send(CTRL_C);
    p.finish()
        .status(130)
        .cursor_shown()
        .lacks("Rules: mastitis-spectrum")
        .no_question_asked();
}

#[test]
fn json_result_holds_the_prompted_answers_and_path() {
    let mut p = Pty::spawn(&["--format", "json"]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 0, "No");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    p.type_line(TEMPERATURE, "36.9");
    no_systemic_signs_one_tender_area(&mut p);
    p.pick("Hours since it started", 0, "Less than 1 day");
    p.pick("Course", 1, "About the same");
    p.pick("Same spot three or more times", 1, "No");
    p.confirm_answers();
    let end = p.finish();
    end.status(0);
    let json = end.json();
    assert_eq!(json["urgency"], "self_care", "{json:#}");
    let answers = &json["answers"];
    for (id, value) in [
        ("sepsis_signs", "no"),
        ("skin_emergency", "no"),
        ("abscess_signs", "no"),
        ("lump", "yes"),
        ("redness", "none"),
        ("lactating", "yes"),
        ("flu_like", "no"),
        ("recent_fever", "no"),
        ("both_breasts", "no"),
        ("lump_features", "no"),
        ("trend", "same"),
        ("recurrent", "no"),
    ] {
        assert_eq!(answers[id], value, "answers.{id} in {json:#}");
    }
    assert_eq!(answers["antibiotics_hours"], 0, "{json:#}");
    assert_eq!(answers["temperature"], "36.9C", "{json:#}");
    assert_eq!(answers["duration_hours"], "0-24", "{json:#}");
    let path: Vec<&str> = json["path"]
        .as_array()
        .expect("path is a list")
        .iter()
        .map(|step| step["question"].as_str().expect("a question id"))
        .collect();
    assert_eq!(path.first(), Some(&"sepsis_signs"), "{json:#}");
    assert_eq!(path.last(), Some(&"recurrent"), "{json:#}");
    for id in ["lump", "temperature", "flu_like", "duration_hours", "trend"] {
        assert!(path.contains(&id), "{id} missing from the path {path:?}");
    }
}

#[test]
fn consultant_heart_rate_131_is_a_sepsis_emergency() {
    let mut p = Pty::spawn(&["--audience", "consultant", "--format", "json"]);
    p.expect("Sepsis red flags");
    p.pick("Sepsis warning signs", 1, "No");
    p.expect("Heart rate (bpm), if measured");
    p.type_line("Heart rate: ", "131");
    // The emergency is shown at once, before anything else is asked; the
    // intake is only offered, after it.
    let shown = p.expect("Record now:");
    assert!(
        shown.contains("EMERGENCY: call for help now") && shown.contains("Refer:"),
        "{shown}"
    );
    assert!(!shown.contains("Breathing rate"), "{shown}");
    p.send(&format!("2{ENTER}"));
    let end = p.finish();
    end.status(0)
        .lacks("Breathing rate")
        .lacks("Dark, blistering or fast-spreading skin")
        .lacks("Intake for the record");
    let json = end.json();
    assert_eq!(json["urgency"], "emergency", "{json:#}");
    assert_eq!(json["condition"], "sepsis_warning", "{json:#}");
    assert_eq!(json["answers"]["heart_rate"], 131, "{json:#}");
    assert_eq!(
        json["why"], "Heart rate 131 beats per minute, above 130 (NICE NG255 high risk).",
        "{json:#}"
    );
}

#[test]
fn consultant_breathing_rate_22_is_a_systemic_sign_and_temperature_is_not_asked() {
    let mut p = Pty::spawn(&["--audience", "consultant"]);
    p.pick("Sepsis warning signs", 1, "No");
    p.type_line("Heart rate: ", "");
    p.type_line("Breathing rate: ", "22");
    p.type_line("Systolic blood pressure: ", "");
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    p.pick("Soft lump or pus", 1, "No");
    p.pick("Hours on antibiotics", 0, "Not taking antibiotics for this");
    p.pick("Tender spot or lump", 0, "Yes");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    let shown = p.expect("Hours since it started:");
    assert!(!shown.contains(TEMPERATURE), "{shown}");
    p.send(&format!("{DOWN}{ENTER}"));
    p.pick("Course", 1, "Unchanged or just started");
    p.pick("Nipple damage", 1, "No");
    p.pick("Risk factors", 1, "No");
    skip_intake(&mut p);
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("Assessment: Findings consistent with inflammatory mastitis")
        .has("Refer to primary care or obstetrics today")
        .has("- Breathing rate: 22 breaths per minute");
}

#[test]
fn consultant_heart_rate_130_is_not_an_emergency() {
    let mut p = Pty::spawn(&["--audience", "consultant", "--format", "json"]);
    p.pick("Sepsis warning signs", 1, "No");
    p.type_line("Heart rate: ", "130");
    p.type_line("Breathing rate: ", "");
    p.type_line("Systolic blood pressure: ", "");
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    p.pick("Soft lump or pus", 0, "Yes");
    skip_intake(&mut p);
    p.confirm_answers();
    let end = p.finish();
    end.status(0);
    let json = end.json();
    assert_eq!(json["urgency"], "today", "{json:#}");
    assert_ne!(json["condition"], "sepsis_warning", "{json:#}");
    assert_eq!(json["answers"]["heart_rate"], 130, "{json:#}");
}

#[test]
fn answers_given_with_set_are_not_asked() {
    let mut p = Pty::spawn(&["--set", "sepsis_signs=no", "--set", "skin_emergency=no"]);
    let before = p.expect("Soft lump or pus:");
    for label in [
        "Sepsis warning signs:",
        "Dark, blistering or fast-spreading skin:",
    ] {
        assert!(!before.contains(label), "{label} was asked:\n{before}");
    }
    p.send(&format!("{DOWN}{ENTER}"));
    p.expect("Soft lump or pus: Yes");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("- Sepsis warning signs: no")
        .has("- Dark, blistering or fast-spreading skin: no")
        .has("- Soft lump or pus: yes");
}

#[test]
fn the_result_can_be_redirected_to_a_file_while_the_questions_stay_on_screen() {
    let dir = std::env::temp_dir().join(format!("lactriage-pty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("result.txt");
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(format!(
        "exec \"{}\" --color never > \"{}\"",
        bin(),
        file.display()
    ));
    let mut p = Pty::spawn_command(shell, &[]);
    p.pick("Sepsis warning signs", 0, "Yes");
    let finished = p.finish();
    finished.status(0).lacks("EMERGENCY");
    let result = std::fs::read_to_string(&file).expect("the result was written");
    assert!(result.contains("EMERGENCY: call for help now"), "{result}");
    assert!(
        !result.contains("Do you have any of these right now"),
        "questions leaked into the file:\n{result}"
    );
    assert!(!result.contains('\u{1b}'), "escape codes in the file");
}

/// Skips every intake question a consultant is asked after the triage.
fn skip_intake(p: &mut Pty) {
    p.expect("Intake for the record");
    p.type_line("Baby's age (weeks): ", "");
    p.pick("Feeding", 4, "Skip");
    p.type_line("Pumping sessions a day: ", "");
    p.pick("Nipple shield", 2, "Skip");
    p.pick("Deep massage or vibration", 2, "Skip");
    p.pick("Previous mastitis or abscess", 2, "Skip");
    p.type_line("Current medicines: ", "");
    p.type_line("Allergies: ", "");
    p.type_line("Note: ", "");
}

#[test]
fn a_consultant_records_intake_after_the_triage_and_may_skip_any() {
    let mut p = Pty::spawn(&[
        "--audience",
        "consultant",
        "--answers",
        "examples/consultant-abscess.json",
    ]);
    p.expect("Intake for the record: these do not change the result");
    p.type_line("Baby's age (weeks): ", "6");
    p.pick("Feeding", 0, "Direct breastfeeding only");
    p.type_line("Pumping sessions a day: ", "three");
    p.expect("Please type a number, 0 or more (sessions a day)");
    p.type_line("Pumping sessions a day: ", "3");
    p.pick("Nipple shield", 2, "Skip");
    p.pick("Deep massage or vibration", 0, "Yes");
    p.pick("Previous mastitis or abscess", 1, "No");
    p.type_line("Current medicines: ", "ibuprofen");
    p.type_line("Allergies: ", "");
    p.type_line("Note: ", "");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("Intake")
        .has("- Baby's age (weeks): 6 weeks")
        .has("- Feeding: Direct breastfeeding only")
        .has("- Current medicines: ibuprofen")
        .lacks("Nipple shield:")
        .lacks("Allergies:")
        .has("For the consultant")
        .has("Pumping on top of full feeds at the breast suggests oversupply")
        .has("Deep massage or vibration injures breast tissue");
}

/// A temporary folder of its own for a test.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lactriage-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// Starts `command` on a pseudo-terminal, without the colour flags `spawn`
/// adds (batch has none).
fn spawn_plain(mut command: Command) -> Pty {
    command
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    crate::harness::isolate(&mut command);
    let mut session = Session::spawn(command).expect("the command starts on a pty");
    session.set_expect_timeout(Some(TIMEOUT));
    Pty {
        session,
        seen: String::new(),
    }
}

/// Ctrl-C while batch reads answers typed at the terminal into --output:
/// it stops at once with 130, and neither the result file nor its
/// temporary file is left behind (it once waited for the input to end, then
/// exited 0).
#[test]
fn ctrl_c_during_an_interactive_batch_output_exits_130_and_leaves_no_file() {
    let dir = temp_dir("batch");
    let out = dir.join("results.jsonl");
    let mut command = Command::new(bin());
    crate::harness::english(&mut command);
    command.arg("batch").arg("--output").arg(&out);
    let mut p = spawn_plain(command);
    p.send(&format!("{{\"sepsis_signs\": \"yes\"}}{ENTER}"));
    // The pty does not echo; give batch time to read the line.
    std::thread::sleep(Duration::from_millis(300));
    let sent = std::time::Instant::now();
    p.send(CTRL_C);
    let finished = p.finish();
    let took = sent.elapsed();
    finished.status(130);
    assert!(took < TIMEOUT, "{took:?}");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// SIGTERM while a menu is open (raw mode, cursor hidden): the terminal's
/// settings are given back as they were before, the cursor is shown, and
/// the status is 130.
#[test]
fn sigterm_at_a_menu_restores_the_terminal() {
    let mut command = Command::new("sh");
    command.arg("-c").arg(format!(
        "echo BEFORE:$(stty -g); '{}' --color never; echo STATUS:$?; echo AFTER:$(stty -g); echo END",
        bin()
    ));
    let mut p = spawn_plain(command);
    let before = p.expect("Sepsis warning signs:");
    let shell = p.session.get_process().pid().to_string();
    let child = Command::new("pgrep")
        .args(["-P", &shell])
        .output()
        .expect("pgrep runs");
    let pid = String::from_utf8_lossy(&child.stdout).trim().to_string();
    assert!(!pid.is_empty(), "no child of the shell");
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    p.expect("STATUS:130");
    let after = p.expect("END");
    let settings = |text: &str, tag: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(tag))
            .map(str::trim)
            .map(str::to_string)
            .unwrap_or_else(|| panic!("no {tag} in {text}"))
    };
    assert_eq!(
        settings(&before, "BEFORE:"),
        settings(&after, "AFTER:"),
        "the terminal settings changed"
    );
    let finished = p.finish();
    assert!(finished.transcript.contains(SHOW_CURSOR));
}

/// A check that runs longer than a moment shows a spinner on the terminal,
/// and clears it before the report. (The delay is set to 0 here; it is a
/// second otherwise, and nothing is shown when standard error is not a
/// terminal.)
#[test]
fn a_long_check_shows_a_spinner_on_a_terminal() {
    // Through a shell that keeps the terminal open a moment after the
    // check: a release build checks so fast that the terminal could close
    // before the test has read what was drawn on it.
    let mut command = Command::new("sh");
    crate::harness::english(&mut command);
    command
        .arg("-c")
        .arg("\"$0\" rules check --again; status=$?; sleep 0.3; exit $status")
        .arg(bin())
        .env("LACTRIAGE_PROGRESS_AFTER_MS", "0");
    let mut p = spawn_plain(command);
    p.expect("Checking every combination of answers...");
    p.finish()
        .status(0)
        .has("OK: every path ends in an outcome");
    let piped = Command::new(bin())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["rules", "check", "--again"])
        .env("LACTRIAGE_PROGRESS_AFTER_MS", "0")
        .output()
        .expect("the binary runs");
    assert!(piped.status.success());
    assert!(!String::from_utf8_lossy(&piped.stderr).contains("Checking every combination"));
}

/// A consultant who records the intake after an emergency: the result was
/// shown first, the intake follows, and the record carries both.
#[test]
fn a_consultant_may_record_the_intake_after_an_emergency() {
    let mut p = Pty::spawn(&["--audience", "consultant"]);
    p.pick("Sepsis warning signs", 0, "Yes");
    p.expect("EMERGENCY: call for help now");
    p.pick("Record now", 0, "Yes");
    p.expect("Intake for the record");
    p.type_line("Baby's age (weeks): ", "3");
    // Back within the intake: the age is asked again.
    p.expect("Feeding:");
    p.send(ESC_LEFT);
    p.type_line("Baby's age (weeks): ", "4");
    p.pick("Feeding", 4, "Skip");
    p.type_line("Pumping sessions a day: ", "");
    p.pick("Nipple shield", 2, "Skip");
    p.pick("Deep massage or vibration", 2, "Skip");
    p.pick("Previous mastitis or abscess", 2, "Skip");
    p.type_line("Current medicines: ", "");
    p.type_line("Allergies: ", "penicilin");
    // Back from the note: the allergies typed before are there to correct.
    p.type_line("Note: ", "back");
    p.expect("Allergies: penicilin");
    p.send(&format!("\x7f\x7f\x7fllin{ENTER}"));
    p.type_line("Note: ", "");
    // The intake has its own review.
    p.expect("1 See the result");
    p.send(ENTER);
    p.finish()
        .status(0)
        .banner("EMERGENCY: call for help now")
        .has("- Baby's age (weeks): 4 weeks")
        .has("- Allergies: penicillin")
        .lacks("3 weeks");
}

/// Back returns to the question before; going back two questions and
/// changing the first keeps the answer to the second, shown as such.
#[test]
fn back_goes_to_the_previous_question_and_keeps_later_answers() {
    let mut p = Pty::spawn(&[]);
    // No Back on the first question: Left does nothing there.
    p.expect("Sepsis warning signs:");
    p.send(ESC_LEFT);
    p.send(&format!("{DOWN}{DOWN}{ENTER}"));
    p.expect("Sepsis warning signs: No");
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    p.pick("Soft lump or pus", 1, "No");
    p.pick("Hours on antibiotics", 0, "Not taking antibiotics for this");
    p.pick("Tender spot or lump", 0, "Yes");
    p.pick("Redness", 0, "No");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    // At the temperature, "back" is typed: the previous question again.
    p.type_line(TEMPERATURE, "back");
    p.expect("Breastfeeding or pumping:");
    // And Left goes back once more, to the redness.
    p.send(ESC_LEFT);
    p.pick("Redness", 1, "A small patch");
    let shown = p.expect(TEMPERATURE);
    assert!(
        shown.contains("Breastfeeding or pumping: Yes (as before)"),
        "the kept answer is not shown:\n{shown}"
    );
    p.send(&format!("38.6{ENTER}"));
    p.pick("Hours since it started", 1, "1 to 3 days");
    p.confirm_answers();
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("- Redness: A small patch")
        .has("- Breastfeeding or pumping: yes")
        .has("- Temperature: 38.6 °C");
}

/// The review lists the answers; changing one asks only what its new path
/// needs, keeps the rest, and reviews again.
#[test]
fn an_answer_changed_at_the_review_asks_only_where_the_path_changed() {
    let mut p = Pty::spawn(&[]);
    no_warning_signs_with_lump(&mut p);
    p.pick("Redness", 0, "No");
    p.pick("Breastfeeding or pumping", 0, "Yes");
    p.type_line(TEMPERATURE, "36.9");
    no_systemic_signs_one_tender_area(&mut p);
    p.pick("Hours since it started", 0, "Less than 1 day");
    p.pick("Course", 1, "About the same");
    p.pick("Same spot three or more times", 1, "No");
    let review = p.expect("↑↓ or a number, then Enter");
    assert!(review.contains("9 Temperature: 36.9 °C"), "{review}");
    // The temperature is entry 9 of the review (after "See the result").
    p.send(&format!("9{ENTER}"));
    p.expect("Change: Temperature");
    p.type_line(TEMPERATURE, "38.6");
    // A fever: the fever and flu questions drop out, the duration and the
    // course are kept, and the two questions of the new path are asked.
    let shown = p.expect("Nipple damage:");
    assert!(
        shown.contains("Hours since it started: Less than 1 day (as before)"),
        "{shown}"
    );
    assert!(!shown.contains("Flu-like symptoms:"), "{shown}");
    p.send(&format!("{DOWN}{DOWN}{ENTER}"));
    p.pick("Risk factors", 1, "No");
    p.expect("Answers:");
    p.expect("1 See the result");
    p.send(ENTER);
    p.finish()
        .status(0)
        .banner("Contact a provider TODAY")
        .has("- Temperature: 38.6 °C")
        .lacks("- Flu-like symptoms");
}

/// At 40 columns by 20 rows the short answer fits one screen: the urgency,
/// what it most likely is and the one thing to do, then the time; no line
/// is longer than the screen, and the urgency is the last line.
#[test]
fn the_short_answer_fits_a_40_by_20_screen() {
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        // Set after the pty is fully set up (the spawner sizes it too), and
        // checked: the binary reads the size once, at its start.
        .arg(format!(
            "sleep 0.3; stty cols 40 rows 20; [ \"$(stty size)\" = '20 40' ] || exit 99; exec \"{}\" \"$@\"",
            bin()
        ))
        .arg("sh");
    let mut p = Pty::spawn_command(
        shell,
        &["--set", "sepsis_signs=no", "--set", "skin_emergency=no"],
    );
    p.pick("Soft lump or pus", 2, "Not sure");
    p.confirm_answers();
    let end = p.finish();
    end.status(0);
    let lines: Vec<String> = end.rest.lines().map(strip_escapes).collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("====="))
        .unwrap_or_else(|| panic!("no result in:\n{}", end.rest));
    let short_end = lines[start..]
        .iter()
        .position(|l| l.ends_with("Not a diagnosis."))
        .unwrap_or_else(|| panic!("no time line in:\n{}", end.rest));
    let short = &lines[start..=start + short_end];
    assert!(
        short.len() <= 20,
        "{} lines:\n{}",
        short.len(),
        short.join("\n")
    );
    assert_eq!(short[1], "Contact a provider TODAY");
    assert!(
        short[3].starts_with("Most likely: Possible breast"),
        "{short:#?}"
    );
    assert!(short
        .iter()
        .any(|l| l.starts_with("Do now: Contact your health")));
    for line in &lines[start..] {
        assert!(line.chars().count() <= 40, "{line:?} is wider than 40");
    }
    let last = lines.iter().rev().find(|l| !l.trim().is_empty());
    assert_eq!(last.map(String::as_str), Some("Contact a provider TODAY"));
}

/// --output in interactive use: the result on screen and in the file, the
/// file without colour codes even when colour is forced, then "Saved to".
/// An existing file is refused before the first question.
#[test]
fn output_shows_the_result_and_saves_plain_text() {
    let dir = temp_dir("output");
    let file = dir.join("result.txt");
    let path = file.to_str().expect("a UTF-8 path");
    let mut command = Command::new(bin());
    crate::harness::english(&mut command);
    command
        .args(["--output", path, "--color", "always"])
        .env("TERM", "xterm-256color")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let mut p = spawn_plain(command);
    p.pick("Sepsis warning signs", 0, "Yes");
    let end = p.finish();
    end.status(0).has("EMERGENCY: call for help now");
    end.has(&format!("Saved to {path}"));
    let saved = std::fs::read_to_string(&file).expect("the result was saved");
    assert!(saved.contains("EMERGENCY: call for help now"), "{saved}");
    assert!(
        !saved.contains('\u{1b}'),
        "colour codes in the file:\n{saved:?}"
    );

    let again = Pty::spawn(&["--output", path]);
    let refused = again.finish();
    refused
        .status(2)
        .has("exists already; give --force to replace it")
        .no_question_asked();
}

/// Plain mode in a terminal: numbered choices typed as numbers, ids or
/// first letters, a duration in days, and no cursor movement at all.
#[test]
fn plain_mode_takes_typed_numbers_ids_and_letters() {
    let mut p = Pty::spawn(&["--plain"]);
    p.type_line("Sepsis warning signs (Type 1 to 3):", "2");
    p.type_line(
        "Dark, blistering or fast-spreading skin (Type 1 to 3, or back):",
        "no",
    );
    p.type_line("Soft lump or pus (Type 1 to 3, or back):", "n");
    p.type_line("Hours on antibiotics (Type 1 to 5, or back):", "1");
    p.type_line("Tender spot or lump (Type 1 to 3, or back):", "y");
    p.type_line("Redness (Type 1 to 4, or back):", "small");
    p.type_line("Breastfeeding or pumping (Type 1 to 2, or back):", "1");
    p.type_line("Temperature:", "");
    p.type_line("Feels feverish (Type 1 to 3, or back):", "u");
    p.type_line("Hours since it started (Type 1 to 5, or back):", "2 days");
    p.expect("1 See the result");
    p.type_line("change it:", "1");
    let end = p.finish();
    end.status(0)
        .has("Contact a provider TODAY")
        .has("- Hours since it started: 48 hours")
        .has("- Feels feverish: not sure (counted as yes)");
    assert!(
        !end.transcript.contains("\u{1b}["),
        "cursor movement in plain mode:\n{:?}",
        end.transcript
    );
}

/// The history as a person meets it: after the first result, one question
/// (keep a record?), remembered; the next check asks whether it is the
/// same problem, shows the last answers beside the questions, and says
/// what changed and which advice was due.
#[test]
fn the_history_is_offered_once_and_the_next_check_compares() {
    let dir = std::env::temp_dir().join(format!("lactriage-pty-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let with_history = || {
        let mut command = Command::new(bin());
        crate::harness::english(&mut command);
        command
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("LACTRIAGE_HISTORY", dir.join("history.sqlite3"));
        command
    };
    let mut p = Pty::spawn_command(with_history(), &[]);
    p.pick("Sepsis warning signs", 1, "No");
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    p.pick("Soft lump or pus", 0, "Yes");
    p.confirm_answers();
    p.expect("Contact a provider TODAY");
    p.expect("Keep a private record of this check on this computer");
    p.pick("Keep a record", 0, "Yes");
    p.finish()
        .status(0)
        .has("Your choice is remembered in")
        .has("Kept in the history as episode 1");
    let remembered = std::fs::read_to_string(dir.join("config/lactriage/preferences.toml"))
        .expect("the choice is remembered");
    assert!(remembered.contains("keep_history = true"), "{remembered}");

    let mut p = Pty::spawn_command(with_history(), &[]);
    p.expect("Is this the same problem you checked on");
    p.pick("Same problem", 0, "Yes");
    // Warning signs show nothing from last time: an old "No" must not
    // prompt a "No" now (the session tests cover the other questions).
    let shown = p.expect("Sepsis warning signs:");
    assert!(!shown.contains("Last time"), "{shown}");
    p.send(&format!("{DOWN}{DOWN}{ENTER}"));
    p.pick("Dark, blistering or fast-spreading skin", 1, "No");
    let shown = p.expect("Soft lump or pus:");
    assert!(!shown.contains("Last time"), "{shown}");
    p.send(&format!("{DOWN}{ENTER}"));
    p.confirm_answers();
    p.finish()
        .status(0)
        .has("Since your last check")
        .has("you were advised to contact a provider")
        .has("The same as last time: sepsis warning signs: no;")
        .has("Kept in the history as episode 1")
        .lacks("Keep a private record");
}

/// On a terminal, `history` draws a small chart of temperature and urgency
/// under each episode of more than one check; into a pipe, only the table.
#[test]
fn history_draws_a_chart_on_a_terminal() {
    use lactriage::history::{NewCheck, Store};
    let dir = std::env::temp_dir().join(format!("lactriage-pty-chart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let file = dir.join("history.sqlite3");
    let store = Store::open(&file).expect("the history opens");
    let mut episode = None;
    for (hours, temperature, urgency) in [(30, 38.9, "today"), (6, 37.2, "within_24h")] {
        let saved = store
            .save(&NewCheck {
                client: "",
                episode,
                time: chrono::Local::now().fixed_offset() - chrono::Duration::hours(hours),
                rules: ("mastitis-spectrum", "2.3.0", "x"),
                answers: serde_json::json!({ "temperature": temperature, "lump": "yes" }),
                urgency,
                condition: "inflammatory_mastitis",
            })
            .expect("kept");
        episode = Some(saved.episode);
    }
    let mut command = Command::new(bin());
    crate::harness::english(&mut command);
    command.env("LACTRIAGE_HISTORY", &file).arg("history");
    let p = spawn_plain(command);
    p.finish()
        .status(0)
        .has("Episode 1: 2 check(s) since")
        .has("temperature, 36 to 41 °C")
        .has("▮▮▮▮▯ today")
        .has("▮▮▮▯▯ within_24h");
    let piped = Command::new(bin())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LACTRIAGE_HISTORY", &file)
        .arg("history")
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&piped.stdout);
    assert!(text.contains("38.9 °C"), "{text}");
    assert!(!text.contains("temperature, 36 to 41"), "{text}");
}

/// A time typed at a menu that also takes one is read as the time, not as
/// the number of an entry: "1 day" on antibiotics is a day on them, never
/// entry 1, "not taking antibiotics". A number alone picks its entry.
#[test]
fn a_time_typed_at_a_duration_menu_is_the_time() {
    for (typed, shown) in [("1 day", "1 day"), ("2", "Started less than 2 days ago")] {
        let mut p = Pty::spawn(&["--format", "json"]);
        p.pick("Sepsis warning signs", 1, "No");
        p.pick("Dark, blistering or fast-spreading skin", 1, "No");
        p.pick("Soft lump or pus", 1, "No");
        p.expect("Hours on antibiotics:");
        p.send(typed);
        p.expect(&format!("Typed: {typed}"));
        p.send(ENTER);
        p.expect(&format!("Hours on antibiotics: {shown}"));
        // The next question is open: stop there.
        p.expect("↑↓");
        p.send(CTRL_C);
        p.finish().status(130);
    }
}

/// A parent in Spanish, by the locale: the questions, the menus, a
/// reading with a decimal comma, a duration typed in Spanish in the menu
/// that takes a time, "atrás" typed to go back (at a typed question and in
/// that menu), and the result, all in Spanish.
#[test]
fn a_spanish_journey() {
    let mut command = Command::new(bin());
    crate::harness::english(&mut command);
    command.env("LANG", "es_MX.UTF-8");
    let mut p = Pty::spawn_command(command, &[]);
    p.expect("Ctrl-C detiene");
    p.expect("¿Tiene ahora mismo alguna de estas señales?\r\n- Confusión nueva");
    p.pick("Señales de alarma de sepsis", 1, "No");
    p.pick(
        "Piel oscura, ampollas o enrojecimiento que avanza rápido",
        1,
        "No",
    );
    p.pick("Bulto blando o pus", 1, "No");
    p.pick(
        "Horas con antibióticos",
        0,
        "Sin antibióticos para este problema",
    );
    p.pick("Zona adolorida o bulto", 0, "Sí");
    p.pick("Enrojecimiento", 0, "No");
    p.pick("Amamanta o se extrae leche", 0, "Sí");
    // "atrás" at a typed question goes back one.
    p.expect("«atrás»");
    p.type_line("Temperatura: ", "atrás");
    p.expect("Temperatura: (atrás)");
    p.pick("Amamanta o se extrae leche", 0, "Sí");
    p.type_line("Temperatura: ", "36,9");
    p.pick("Fiebre o escalofríos en las últimas 24 horas", 1, "No");
    p.pick("Síntomas parecidos a la gripe", 1, "No");
    p.pick("Ambos pechos llenos y duros", 1, "No");
    p.pick("Bulto sin dolor, duro o fijo", 1, "No");
    // A time typed in Spanish where the menu also takes one; "atrás"
    // typed there goes back, as Esc does.
    p.expect("Horas desde el inicio:");
    p.expect("2 días)");
    p.send("atrás");
    p.expect("Escrito: atrás");
    p.send(ENTER);
    p.expect("Horas desde el inicio: (atrás)");
    p.pick("Bulto sin dolor, duro o fijo", 1, "No");
    p.expect("Horas desde el inicio:");
    p.expect("2 días)");
    p.send("12 horas");
    p.expect("Escrito: 12 horas");
    p.send(ENTER);
    p.expect("Horas desde el inicio: 12 horas");
    p.pick("Evolución", 1, "Más o menos igual, o acaba de empezar");
    p.pick("Misma zona tres veces o más", 1, "No");
    p.expect("Respuestas:");
    p.expect("1 Ver el resultado");
    p.send(ENTER);
    p.expect("Respuestas: confirmadas");
    let end = p.finish();
    end.status(0)
        .has("Lo más probable: Estrechamiento de los conductos")
        .has("- Temperatura: 36,9 °C")
        .has("- Horas desde el inicio: 12 horas")
        .has("Reglas: mastitis-spectrum 2.3.0")
        .has("No es un diagnóstico")
        .lacks("Most likely")
        .lacks("Your answers")
        .lacks("What to do");
    let last = end
        .rest
        .lines()
        .map(strip_escapes)
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_default();
    assert_eq!(last.trim_end(), "Cuidados en casa", "{}", end.rest);
}
