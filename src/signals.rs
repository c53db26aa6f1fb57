//! Ctrl-C, SIGTERM and SIGHUP stop any command at once, with exit status
//! 130: a half-written `--output` file is removed, and the terminal is put
//! back as it was (echo on, cursor shown), whatever the program was doing.
//!
//! On Unix the handler is a plain signal handler, installed with
//! `sigaction`: a handler thread (as the ctrlc crate starts) cost half a
//! millisecond of every run, as much as the rest of a scripted `assess`.
//! A signal handler may only make async-signal-safe calls, so it touches no
//! lock and no allocation: the files to remove are kept as C strings in a
//! fixed table of atomic pointers, and it leaves with `_exit`, which
//! flushes nothing. (Inside a prompt's raw mode Ctrl-C is a key, and the
//! prompt returns `Interrupted` the ordinary way.)

use std::path::{Path, PathBuf};

#[cfg(unix)]
mod imp {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr;
    use std::sync::atomic::{AtomicPtr, Ordering};
    use std::sync::OnceLock;

    use crate::exit_codes::ExitCode;

    /// Temporary files to remove if a signal stops the program: a run
    /// writes one output file at a time, so a few slots are plenty.
    static TEMP_FILES: [AtomicPtr<libc::c_char>; 8] =
        [const { AtomicPtr::new(ptr::null_mut()) }; 8];

    /// The terminal settings of standard input when the program started.
    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    pub fn register_temp_file(path: &Path) {
        let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
            return;
        };
        let raw = c.into_raw();
        for slot in &TEMP_FILES {
            if slot
                .compare_exchange(ptr::null_mut(), raw, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                return;
            }
        }
        // Every slot taken: not removed on a signal, as before any was.
        // SAFETY: `raw` came from `into_raw` above and was not shared.
        drop(unsafe { CString::from_raw(raw) });
    }

    pub fn forget_temp_file(path: &Path) {
        let bytes = path.as_os_str().as_bytes();
        for slot in &TEMP_FILES {
            let p = slot.load(Ordering::SeqCst);
            if p.is_null() {
                continue;
            }
            // SAFETY: a non-null slot holds a string from `into_raw`, which
            // is never freed (see below), so it is valid here.
            let held = unsafe { std::ffi::CStr::from_ptr(p) };
            if held.to_bytes() == bytes {
                // Left allocated on purpose: a handler running on another
                // thread may have read the pointer just before it was
                // taken out, and must never read freed memory.
                slot.store(ptr::null_mut(), Ordering::SeqCst);
            }
        }
    }

    extern "C" fn on_signal(_: libc::c_int) {
        // SAFETY: only async-signal-safe calls (unlink, tcsetattr, isatty,
        // write, _exit) on strings that are never freed and on a termios
        // set once before the handler was installed.
        unsafe {
            for slot in &TEMP_FILES {
                let p = slot.load(Ordering::SeqCst);
                if !p.is_null() {
                    libc::unlink(p);
                }
            }
            if let Some(t) = SAVED.get() {
                libc::tcsetattr(0, libc::TCSANOW, t);
            }
            // Show the cursor (a menu hides it), end the line, and say why
            // the program ended.
            // The words are fixed here, not looked up: a handler may not
            // allocate. The language is an atomic read.
            let bytes: &[u8] = match crate::i18n::current() {
                crate::i18n::Language::En => b"\x1b[?25h\nlactriage: stopped\n",
                crate::i18n::Language::Es => b"\x1b[?25h\nlactriage: detenido\n",
            };
            if libc::isatty(2) == 1 {
                libc::write(2, bytes.as_ptr().cast(), bytes.len());
            }
            libc::_exit(ExitCode::Interrupted.code());
        }
    }

    pub fn install() {
        // SAFETY: tcgetattr fills the struct it is given, kept only when it
        // succeeds; sigaction is given a handler of the right signature and
        // a zeroed (empty) mask.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0 {
                let _ = SAVED.set(t);
            }
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    use crate::exit_codes::ExitCode;

    static TEMP_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    pub fn register_temp_file(path: &Path) {
        if let Ok(mut files) = TEMP_FILES.lock() {
            files.push(path.to_path_buf());
        }
    }

    pub fn forget_temp_file(path: &Path) {
        if let Ok(mut files) = TEMP_FILES.lock() {
            files.retain(|p| p != path);
        }
    }

    pub fn install() {
        let _ = ctrlc::set_handler(|| {
            // try_lock: a handler must never wait.
            if let Ok(files) = TEMP_FILES.try_lock() {
                for f in files.iter() {
                    let _ = std::fs::remove_file(f);
                }
            }
            let _ = console::Term::stderr().show_cursor();
            std::process::exit(ExitCode::Interrupted.code())
        });
    }
}

pub(crate) fn register_temp_file(path: PathBuf) {
    imp::register_temp_file(&path);
}

pub(crate) fn forget_temp_file(path: &Path) {
    imp::forget_temp_file(path);
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP (Ctrl-C and Ctrl-Break
/// elsewhere); the binary calls it once, first thing.
pub fn install() {
    imp::install();
}
