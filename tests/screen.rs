//! What the screen shows, not only what was written to it: the prompt run
//! inside tmux, whose `capture-pane` gives the screen as a person sees it
//! after the cursor movements and clears. A pty test reads the byte stream,
//! which cannot tell a cleared line from one left behind.
//!
//! Without tmux these tests say so and pass: the prompt's logic is covered
//! by the pty tests, these check its drawing.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

/// The prompt running in a detached tmux session on a server of its own.
struct Screen {
    socket: String,
}

impl Screen {
    /// Starts `lactriage ARGS` on a `cols` x `rows` screen, or `None` when
    /// tmux is not installed.
    fn start(cols: u16, rows: u16, args: &str) -> Option<Screen> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "lactriage-test-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let home = crate::harness::isolated_home();
        let command = format!(
            "env -u LACTRIAGE_HISTORY -u LC_ALL -u LC_MESSAGES -u LANG NO_COLOR=1 XDG_CONFIG_HOME={0}/config XDG_DATA_HOME={0}/data {bin} --color never {args}",
            home.display(),
            bin = crate::harness::bin()
        );
        let started = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &cols.to_string(), "-y", &rows.to_string()])
            .args(["-s", "t", &command])
            .env_remove("TMUX")
            .output();
        match started {
            Ok(out) if out.status.success() => Some(Screen { socket }),
            Ok(out) => panic!(
                "tmux could not start the prompt: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(_) => {
                eprintln!("tmux is not installed: the screen tests are skipped");
                None
            }
        }
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Presses keys, in tmux's names (`Down`, `Enter`, `Left`) or as text.
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "t", key]);
        }
    }

    fn resize(&self, cols: u16, rows: u16) {
        let out = self.tmux(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
        assert!(out.status.success(), "{out:?}");
    }

    /// The screen's lines, trailing blanks removed.
    fn capture(&self) -> Vec<String> {
        let out = self.tmux(&["capture-pane", "-p", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    fn wait_for(&self, text: &str) -> Vec<String> {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.iter().any(|l| l.contains(text)) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waiting for {text:?}; the screen shows:\n{}",
                screen.join("\n")
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// The screen's text as one line of words: a word cut at the edge of the
/// screen shows up split in two.
fn words(screen: &[String]) -> String {
    screen
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

fn count(screen: &[String], text: &str) -> usize {
    screen.iter().filter(|l| l.contains(text)).count()
}

const ABSCESS_WORDING: &str = "Is there a lump that feels soft, squishy or full of fluid? Or pus (not milk) coming from the nipple or the skin?";

/// Narrowing the window while a menu is open: at the next key the question
/// and the menu are written again at the new width, once, wrapped at words.
#[test]
fn a_menu_is_redrawn_whole_when_the_window_is_resized() {
    let Some(screen) = Screen::start(80, 24, "") else {
        return;
    };
    screen.wait_for("Sepsis warning signs:");
    screen.keys(&["2"]);
    screen.wait_for("Dark, blistering or fast-spreading skin:");
    screen.keys(&["2"]);
    screen.wait_for("Soft lump or pus:");
    screen.resize(40, 20);
    screen.keys(&["Down"]);
    let shown = screen.wait_for("> 1 Yes");
    let text = words(&shown);
    assert!(text.contains(ABSCESS_WORDING), "{}", shown.join("\n"));
    assert_eq!(
        count(&shown, "Soft lump or pus:"),
        1,
        "{}",
        shown.join("\n")
    );
    assert_eq!(count(&shown, "2 No"), 1, "{}", shown.join("\n"));
    // Widening again: still once.
    screen.resize(80, 24);
    screen.keys(&["Down"]);
    let shown = screen.wait_for("> 2 No");
    assert_eq!(
        count(&shown, "Soft lump or pus:"),
        1,
        "{}",
        shown.join("\n")
    );
    assert_eq!(count(&shown, "1 Yes"), 1, "{}", shown.join("\n"));
}

/// Going back takes the question being left off the screen: only a line
/// `Label: (back)` stays, and the question before is asked again below it.
#[test]
fn going_back_clears_the_question_left() {
    let Some(screen) = Screen::start(80, 40, "") else {
        return;
    };
    screen.wait_for("Sepsis warning signs:");
    screen.keys(&["2"]);
    screen.wait_for("Dark, blistering or fast-spreading skin:");
    screen.keys(&["2"]);
    screen.wait_for("Soft lump or pus:");
    screen.keys(&["Left"]);
    let shown = screen.wait_for("Soft lump or pus: (back)");
    let shown = if count(&shown, "↑↓") == 0 {
        screen.wait_for("↑↓")
    } else {
        shown
    };
    let text = words(&shown);
    assert!(
        !text.contains("squishy"),
        "the question left is still shown:\n{}",
        shown.join("\n")
    );
    // The question before, open again, with the answer given before marked.
    assert!(
        text.contains("2 No (your answer before)"),
        "{}",
        shown.join("\n")
    );
}

/// A typed question left with Back leaves no empty `Temperature:` line that
/// could later be read as "no thermometer".
#[test]
fn going_back_from_a_typed_answer_leaves_no_empty_answer_line() {
    let Some(screen) = Screen::start(80, 50, "") else {
        return;
    };
    for (label, key) in [
        ("Sepsis warning signs:", "2"),
        ("Dark, blistering or fast-spreading skin:", "2"),
        ("Soft lump or pus:", "2"),
        // A menu that also takes a typed time waits for Enter.
        ("Hours on antibiotics:", "1 Enter"),
        ("Tender spot or lump:", "1"),
        ("Redness:", "2"),
        ("Breastfeeding or pumping:", "1"),
    ] {
        screen.wait_for(label);
        screen.keys(&key.split(' ').collect::<Vec<_>>());
    }
    screen.wait_for("Temperature:");
    screen.keys(&["Escape"]);
    let shown = screen.wait_for("Temperature: (back)");
    assert!(
        !shown.iter().any(|l| l.trim() == "Temperature:"),
        "{}",
        shown.join("\n")
    );
    assert!(
        !words(&shown).contains("press Enter if you have no thermometer"),
        "{}",
        shown.join("\n")
    );
}

/// At 40 by 20, a phone-sized terminal, the first question stays whole on
/// the screen (its first warning sign is its first line): its short
/// entries go side by side when a full menu would push it off the top.
#[test]
fn the_first_question_stays_in_view_on_a_small_screen() {
    let Some(screen) = Screen::start(40, 20, "") else {
        return;
    };
    let shown = screen.wait_for("Sepsis warning signs:");
    let text = words(&shown);
    assert!(
        text.contains("Do you have any of these right now? - New confusion, slurred speech"),
        "{}",
        shown.join("\n")
    );
    assert!(
        text.contains("1 Yes 2 No 3 Not sure"),
        "{}",
        shown.join("\n")
    );
    // The entries still work as in a full menu.
    screen.keys(&["2"]);
    screen.wait_for("Sepsis warning signs: No");
}
