//! The exit statuses scripts can rely on.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// A result was given, whatever its urgency.
    Success,
    /// Something failed that was not the user's input (writing output, a
    /// terminal error).
    Failure,
    /// Bad input or usage: answers, rules, flags.
    BadInput,
    /// Ctrl-C.
    Interrupted,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Failure => 1,
            ExitCode::BadInput => 2,
            ExitCode::Interrupted => 130,
        }
    }
}
