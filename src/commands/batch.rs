//! `lactriage batch`: many answer sets from JSON Lines, one result line each.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::batch;
use crate::cli::BatchArgs;
use crate::commands::load_rules;
use crate::error::Error;
use crate::exit_codes::ExitCode;
use crate::{output_file, Terminal};

pub(crate) fn run(
    args: &BatchArgs,
    terminal: &Terminal,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ExitCode, Error> {
    let rules = load_rules(args.rules.as_deref())?;
    let from_file = args.input.as_deref().filter(|p| *p != Path::new("-"));
    let (mut input, size): (Box<dyn io::BufRead + '_>, Option<u64>) = match from_file {
        None => (Box::new(io::BufReader::new(stdin)), None),
        Some(path) => {
            let read_error = |source| Error::Read {
                what: "batch input",
                path: path.to_path_buf(),
                source,
            };
            if path.is_dir() {
                return Err(read_error(io::Error::from(io::ErrorKind::IsADirectory)));
            }
            let file = std::fs::File::open(path).map_err(read_error)?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(io::BufReader::with_capacity(1 << 16, file)), size)
        }
    };
    // A progress bar only for a person watching a file being read.
    let bar = match size {
        Some(len) if terminal.stderr_is_terminal => {
            let bar = indicatif::ProgressBar::new(len);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            ) {
                bar.set_style(style);
            }
            Some(bar)
        }
        _ => None,
    };
    let progress = |bytes: u64| {
        if let Some(bar) = &bar {
            bar.set_position(bytes);
        }
    };
    let options = batch::Options {
        jobs: args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, usize::from),
            usize::from,
        ),
        ..batch::Options::default()
    };
    let summary = match &args.output {
        None => {
            let mut out = io::BufWriter::with_capacity(1 << 16, stdout);
            let summary = batch::run(rules, &mut input, &mut out, progress, options)
                .and_then(|s| out.flush().map(|()| s));
            summary.map_err(Error::Output)?
        }
        Some(path) => {
            let mut file = output_file::OutputFile::create(path, args.force)?;
            let summary = batch::run(rules, &mut input, &mut file.writer(), progress, options)
                .map_err(Error::Output)?;
            file.commit()?;
            summary
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let _ = writeln!(
        stderr,
        "lactriage batch: {summary}; rules {} {} (sha256:{})",
        rules.name, rules.version, rules.digest
    );
    Ok(if summary.errors > 0 {
        ExitCode::BadInput
    } else {
        ExitCode::Success
    })
}
