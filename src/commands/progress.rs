//! A spinner on standard error for work that takes more than a second
//! (checking or comparing a very large rules file), shown only when a
//! person is watching a terminal. Short work shows nothing.

use std::sync::mpsc;
use std::time::Duration;

/// How long work runs before the spinner appears. `LACTRIAGE_PROGRESS_AFTER_MS`
/// sets it, so that a test can see the spinner without a slow file.
fn delay() -> Duration {
    std::env::var("LACTRIAGE_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::from_secs(1), Duration::from_millis)
}

/// Runs `work`; if `show` and it is still running after the delay, a
/// spinner saying `what` turns until it ends, then is cleared.
pub(crate) fn with_spinner<T>(show: bool, what: &str, work: impl FnOnce() -> T) -> T {
    if !show {
        return work();
    }
    let message = what.to_string();
    let after = delay();
    if after.is_zero() {
        // Shown before the work starts: no thread to race the work.
        let bar = spinner(message);
        let result = work();
        bar.finish_and_clear();
        return result;
    }
    let (done, wait) = mpsc::channel::<()>();
    let spinner = std::thread::spawn(move || {
        if wait.recv_timeout(after) != Err(mpsc::RecvTimeoutError::Timeout) {
            return;
        }
        let bar = spinner(message);
        let _ = wait.recv();
        bar.finish_and_clear();
    });
    let result = work();
    let _ = done.send(());
    let _ = spinner.join();
    result
}

/// A spinner saying `message`, drawn the moment it appears (not at its
/// first tick), then turning.
fn spinner(message: String) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(message);
    bar.tick();
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}
