//! `lactriage completions SHELL` and `lactriage man`: generated from the
//! same argument definitions as `--help`, so they never drift from it.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

pub(crate) fn completions(
    shell: clap_complete::Shell,
    stdout: &mut dyn Write,
) -> Result<(), Error> {
    // Into memory first: the generator panics on a failed write, and a
    // closed pipe must be an error, not a panic.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "lactriage", &mut script);
    stdout
        .write_all(&script)
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)
}

pub(crate) fn man(stdout: &mut dyn Write) -> Result<(), Error> {
    let mut out = io::BufWriter::new(stdout);
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}
