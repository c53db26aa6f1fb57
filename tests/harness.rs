//! A chainable helper that runs the built binary:
//! `Test::new().args(["assess"]).stdin("{}").status(2).stderr_has("...")`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The binary under test: the one cargo built for the tests, or the build
/// of it that `LACTRIAGE_TEST_BIN` names (CI runs the suite again with the
/// static build of `scripts/build-static.sh`).
pub fn bin() -> &'static str {
    static BIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        std::env::var("LACTRIAGE_TEST_BIN")
            .ok()
            .filter(|path| !path.is_empty())
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_lactriage").to_string())
    })
}

/// A whole answer set for the default rules (specification version 2): the
/// classic ductal narrowing case, self_care. Tests change one or two answers
/// with `--set`. The consultant's vitals are left out: not given, they count
/// as not measured.
pub const BASELINE: &[(&str, &str)] = &[
    ("sepsis_signs", "no"),
    ("skin_emergency", "no"),
    ("abscess_signs", "no"),
    ("antibiotics_hours", "0"),
    ("lactating", "yes"),
    ("lump", "yes"),
    ("lump_features", "no"),
    ("both_breasts", "no"),
    ("redness", "none"),
    ("temperature", "36.9"),
    ("feels_feverish", "no"),
    ("recent_fever", "no"),
    ("flu_like", "no"),
    ("duration_hours", "6"),
    ("trend", "same"),
    ("risk_factors", "no"),
    ("nipple_damage", "no"),
    ("recurrent", "no"),
];

/// A home of the tests' own, so that no test reads or writes the real
/// history or preferences: its configuration remembers "keep no record"
/// (the answer of a person who said no), so that the prompt tests end at
/// the result. The history tests give their own folders.
pub fn isolated_home() -> PathBuf {
    let home = std::env::temp_dir().join(format!("lactriage-tests-home-{}", std::process::id()));
    let config = home.join("config/lactriage");
    if !config.join("preferences.toml").exists() {
        std::fs::create_dir_all(&config).expect("a temporary folder");
        std::fs::write(config.join("preferences.toml"), "keep_history = false\n")
            .expect("a temporary file");
    }
    home
}

/// English unless a test asks for another language: the machine's locale
/// must not change what the tests read.
pub fn english(command: &mut Command) {
    for key in LOCALE {
        if !command.get_envs().any(|(k, v)| k == key && v.is_some()) {
            command.env_remove(key);
        }
    }
}

/// What the program reads its language from.
pub const LOCALE: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// Points a command at [`isolated_home`].
pub fn isolate(command: &mut Command) {
    let home = isolated_home();
    // A history the test gave is kept; the one of the environment is not.
    let given = command
        .get_envs()
        .any(|(key, value)| key == "LACTRIAGE_HISTORY" && value.is_some());
    command
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
    english(command);
    if !given {
        command.env_remove("LACTRIAGE_HISTORY");
    }
}

/// SHA-256 of the default rules file, in hex, computed here rather than
/// taken from the program, so that tests check what the program reports.
pub fn builtin_digest() -> String {
    sha256_hex(
        &std::fs::read(project_file("rules/mastitis-spectrum.toml")).expect("the rules file"),
    )
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `text` as one line of words, whatever its wrapping.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub struct Test {
    command: Command,
    stdin: Vec<u8>,
}

pub struct Ran {
    pub output: Output,
}

impl Test {
    pub fn new() -> Test {
        let mut command = Command::new(bin());
        command
            .env_remove("NO_COLOR")
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        isolate(&mut command);
        Test {
            command,
            stdin: Vec::new(),
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn arg_path(mut self, path: &std::path::Path) -> Test {
        self.command.arg(path);
        self
    }

    /// `--set ID=VALUE` for every baseline answer, then for each override.
    pub fn baseline_with(mut self, overrides: &[(&str, &str)]) -> Test {
        for (id, value) in BASELINE.iter().chain(overrides) {
            self.command.arg("--set").arg(format!("{id}={value}"));
        }
        self
    }

    /// `--save`: keep the check in the history.
    pub fn arg_save(mut self) -> Test {
        self.command.arg("--save");
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.command.env(key, value);
        self
    }

    pub fn stdin(mut self, input: impl AsRef<[u8]>) -> Test {
        self.stdin = input.as_ref().to_vec();
        self
    }

    pub fn run(mut self) -> Ran {
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // A process that exits before reading closes the pipe; that is fine.
        let _ = pipe.write_all(&self.stdin);
        drop(pipe);
        Ran {
            output: child.wait_with_output().expect("the binary runs"),
        }
    }

    pub fn status(self, code: i32) -> Ran {
        self.run().status(code)
    }
}

impl Ran {
    pub fn status(self, code: i32) -> Ran {
        assert_eq!(
            self.output.status.code(),
            Some(code),
            "exit status; stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn stdout_has(self, text: &str) -> Ran {
        assert!(
            self.stdout().contains(text),
            "stdout lacks {text:?}:\n{}",
            self.stdout()
        );
        self
    }

    pub fn stderr_has(self, text: &str) -> Ran {
        assert!(
            self.stderr().contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr()
        );
        self
    }

    /// `text` in standard output, whatever the line breaks of its wrapping.
    pub fn stdout_says(self, text: &str) -> Ran {
        assert!(
            words(&self.stdout()).contains(&words(text)),
            "stdout lacks {text:?}:\n{}",
            self.stdout()
        );
        self
    }

    /// `text` in standard error, whatever the line breaks of its wrapping.
    pub fn stderr_says(self, text: &str) -> Ran {
        assert!(
            words(&self.stderr()).contains(&words(text)),
            "stderr lacks {text:?}:\n{}",
            self.stderr()
        );
        self
    }

    pub fn stdout_empty(self) -> Ran {
        assert!(
            self.output.stdout.is_empty(),
            "stdout is not empty:\n{}",
            self.stdout()
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout()))
    }
}

/// A small deterministic generator (xorshift64*), seeded by proptest: a
/// generated file is built from one number, so a failure prints the seed and
/// the file, and runs again from it.
pub struct Gen(pub u64);

impl Gen {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn urgency(&mut self) -> lactriage::rules::Urgency {
        lactriage::rules::Urgency::ALL[self.below(5)]
    }
}
