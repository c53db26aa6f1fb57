//! What the binary does before anything else, in place of the Rust
//! runtime's start.
//!
//! The binary starts at its own C `main` (`#![no_main]`), not through
//! `std::rt::lang_start`, because that start reads `/proc/self/maps` to
//! find the main thread's stack (for its stack overflow message) and maps
//! an alternate signal stack: together about a tenth of a scripted
//! assessment. Of what it does besides, the program keeps the two parts it
//! relies on, here: standard descriptors that are closed are opened on
//! `/dev/null` (so that no file the program opens becomes its standard
//! output), and SIGPIPE is ignored (so that a closed pipe is a write error
//! the program handles, not a signal that kills it). A stack overflow
//! still stops the program, with SIGSEGV and no message.

use std::ffi::OsString;

/// Prepares the process; the binary calls it first.
///
/// # Safety
///
/// Call it before any other thread exists: it changes the process's
/// descriptors and signal dispositions.
pub unsafe fn start() {
    #[cfg(unix)]
    // SAFETY: fcntl only reads the state of descriptors 0 to 2; open is
    // given a NUL-terminated path; signal sets SIGPIPE's disposition to
    // SIG_IGN; no other thread exists (the caller's promise).
    unsafe {
        for fd in 0..=2 {
            if libc::fcntl(fd, libc::F_GETFD) == -1
                && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
            {
                // The lowest free descriptor: this one. Without it, the
                // next file opened (an `--output`) would take its place,
                // so the program stops here, as the Rust runtime does.
                if libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) != fd {
                    libc::abort();
                }
            }
        }
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

/// The program's arguments, from those C's `main` was given. The Rust
/// runtime's start is what hands them to `std::env::args` on most Unix
/// systems (glibc is the exception), so they are read here.
///
/// # Safety
///
/// `argv` must hold `argc` pointers to NUL-terminated strings, as C's
/// `main` is given.
#[cfg(unix)]
pub unsafe fn args(argc: std::ffi::c_int, argv: *const *const std::ffi::c_char) -> Vec<OsString> {
    use std::os::unix::ffi::OsStrExt;
    let count = usize::try_from(argc).unwrap_or(0);
    (0..count)
        .filter_map(|i| {
            // SAFETY: i < argc, and each pointer is a C string (see above).
            let arg = unsafe { *argv.add(i) };
            (!arg.is_null()).then(|| {
                // SAFETY: as above.
                let bytes = unsafe { std::ffi::CStr::from_ptr(arg) }.to_bytes();
                std::ffi::OsStr::from_bytes(bytes).to_os_string()
            })
        })
        .collect()
}

/// The program's arguments: elsewhere the standard library reads them
/// from the system, whatever `main` was given.
///
/// # Safety
///
/// Nothing is read through the pointer; unsafe only to match Unix.
#[cfg(not(unix))]
pub unsafe fn args(_argc: std::ffi::c_int, _argv: *const *const std::ffi::c_char) -> Vec<OsString> {
    std::env::args_os().collect()
}
