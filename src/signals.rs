//! Ctrl-C, SIGTERM and SIGHUP stop any command at once, with exit status
//! 130: a half-written `--output` file is removed, and the terminal is put
//! back as it was (echo on, cursor shown), whatever the program was doing.
//!
//! The handler runs on its own thread while the main thread may hold the
//! standard streams' locks, so it touches none of them: it writes to file
//! descriptor 2 directly and leaves with `_exit`, which flushes nothing.
//! (Inside a prompt's raw mode Ctrl-C is a key, and the prompt returns
//! `Interrupted` the ordinary way.)

use std::path::PathBuf;
use std::sync::Mutex;

use crate::exit_codes::ExitCode;

/// Temporary files to remove if a signal stops the program.
static TEMP_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

pub(crate) fn register_temp_file(path: PathBuf) {
    if let Ok(mut files) = TEMP_FILES.lock() {
        files.push(path);
    }
}

pub(crate) fn forget_temp_file(path: &std::path::Path) {
    if let Ok(mut files) = TEMP_FILES.lock() {
        files.retain(|p| p != path);
    }
}

#[cfg(unix)]
mod terminal {
    use std::sync::OnceLock;

    /// The terminal settings of standard input when the program started.
    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    pub fn save() {
        // SAFETY: tcgetattr fills the struct it is given, and is only kept
        // when it succeeds (standard input is a terminal).
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0 {
                let _ = SAVED.set(t);
            }
        }
    }

    pub fn restore_and_exit(code: i32) -> ! {
        // Show the cursor (a menu hides it) and end the line.
        let bytes = b"\x1b[?25h\n";
        // SAFETY: plain system calls on the standard descriptors, with a
        // valid buffer; `_exit` ends the process without running Rust code
        // that could wait on a lock the main thread holds.
        unsafe {
            if let Some(t) = SAVED.get() {
                libc::tcsetattr(0, libc::TCSANOW, t);
            }
            if libc::isatty(2) == 1 {
                libc::write(2, bytes.as_ptr().cast(), bytes.len());
            }
            libc::_exit(code)
        }
    }
}

#[cfg(not(unix))]
mod terminal {
    pub fn save() {}

    pub fn restore_and_exit(code: i32) -> ! {
        let _ = console::Term::stderr().show_cursor();
        std::process::exit(code)
    }
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP; the binary calls it
/// once, first thing.
pub fn install() {
    terminal::save();
    let _ = ctrlc::set_handler(|| {
        // try_lock: the main thread holds this lock only for a moment, and
        // a handler must never wait.
        if let Ok(files) = TEMP_FILES.try_lock() {
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        terminal::restore_and_exit(ExitCode::Interrupted.code());
    });
}
