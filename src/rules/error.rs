use std::fmt;
use std::ops::Range;

/// One thing wrong in a rules file, at a line and column (both from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    /// Places `message` at the start of the byte range `span` of `text`.
    pub(crate) fn at(text: &str, span: Range<usize>, message: impl Into<String>) -> Problem {
        let offset = span.start.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Problem {
            line,
            column,
            message: message.into(),
        }
    }
}

/// A rules file that could not be used, with every problem found in it.
#[derive(Debug, Clone, thiserror::Error)]
pub struct RulesError {
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        write!(
            f,
            "the rules file {} cannot be used ({} problem{}):",
            self.origin,
            count,
            if count == 1 { "" } else { "s" }
        )?;
        // The first problems are the ones to fix first; thousands more would
        // only scroll them away.
        const SHOWN: usize = 100;
        for p in self.problems.iter().take(SHOWN) {
            write!(
                f,
                "\n  {}:{}:{}: {}",
                self.origin, p.line, p.column, p.message
            )?;
        }
        if count > SHOWN {
            write!(f, "\n  ... and {} more", count - SHOWN)?;
        }
        Ok(())
    }
}
