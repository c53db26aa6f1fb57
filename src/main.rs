// The program starts at `main` below, not through the Rust runtime's
// start: see `lactriage::process` for why, and what it does in its place.
#![no_main]

use std::io::{self, IsTerminal};

use lactriage::prompt::TerminalPrompt;
use lactriage::{run, Streams, Terminal};

#[unsafe(no_mangle)]
extern "C" fn main(argc: std::ffi::c_int, argv: *const *const std::ffi::c_char) -> std::ffi::c_int {
    // SAFETY: the program's first act, while it has one thread; the C
    // runtime passes main its arguments as argc strings.
    let args = unsafe {
        lactriage::process::start();
        lactriage::process::args(argc, argv)
    };
    // A panic may not unwind out of this function: it ends the run with
    // the status the Rust runtime gives one, after its message.
    let code = std::panic::catch_unwind(|| lactriage_main(args)).unwrap_or(101);
    // Flushes standard output, as the runtime does at the end of `main`.
    std::process::exit(code)
}

fn lactriage_main(args: Vec<std::ffi::OsString>) -> i32 {
    // First: a signal during anything below stops the program cleanly.
    lactriage::signals::install();
    let stdout = io::stdout();
    let terminal = Terminal {
        stdin_is_terminal: io::stdin().is_terminal(),
        dumb: console::is_dumb(),
        stdout_is_terminal: stdout.is_terminal(),
        stderr_is_terminal: io::stderr().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        width: console::Term::stdout()
            .size_checked()
            .map(|(_rows, cols)| usize::from(cols)),
        locale: lactriage::i18n::locale_from_env(),
    };
    // Menus only when a person can answer: input from a terminal, and a
    // terminal that can move its cursor to show them on. Otherwise `run`
    // asks in plain mode, or not at all.
    let interactive = terminal.stdin_is_terminal && terminal.stderr_is_terminal && !terminal.dumb;
    let mut prompt = interactive.then(TerminalPrompt::new);
    // Rust's standard output quietly drops writes to a closed descriptor
    // (`>&-`); a result nobody receives must be an error, not exit 0.
    let mut closed = ClosedStdout;
    let mut open = stdout.lock();
    let stdout: &mut dyn io::Write = if stdout_is_closed() {
        &mut closed
    } else {
        &mut open
    };
    run(
        args,
        &terminal,
        Streams {
            stdin: &mut io::stdin().lock(),
            stdout,
            // Not locked for the whole run: a spinner thread writes to it too.
            stderr: &mut io::stderr(),
        },
        prompt
            .as_mut()
            .map(|p| p as &mut dyn lactriage::prompt::Prompt),
    )
}

/// Standard output when its descriptor is closed: every write fails.
struct ClosedStdout;

impl io::Write for ClosedStdout {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::other("standard output is closed"))
    }

    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::other("standard output is closed"))
    }
}

/// Whether the process started with descriptor 1 closed.
/// `lactriage::process::start` opens `/dev/null` read-write in place of a
/// closed standard descriptor; a shell's `>/dev/null` opens it write-only.
/// So a read-write `/dev/null` on descriptor 1 means it was closed.
#[cfg(unix)]
fn stdout_is_closed() -> bool {
    // SAFETY: fcntl, fstat and stat only read the state of descriptor 1
    // and of `/dev/null` (a NUL-terminated path) into values owned here.
    unsafe {
        let flags = libc::fcntl(1, libc::F_GETFL);
        if flags == -1 {
            return true;
        }
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(1, &mut st) != 0 {
            return true;
        }
        // The device is compared with `/dev/null`'s own, whose numbers
        // differ between systems (1,3 on Linux, 3,2 on macOS).
        let mut null: libc::stat = std::mem::zeroed();
        let is_dev_null = (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
            && libc::stat(c"/dev/null".as_ptr(), &mut null) == 0
            && st.st_rdev == null.st_rdev;
        is_dev_null && (flags & libc::O_ACCMODE) == libc::O_RDWR
    }
}

#[cfg(not(unix))]
fn stdout_is_closed() -> bool {
    false
}
