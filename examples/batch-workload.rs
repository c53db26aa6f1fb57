//! Writes the `batch` workload of the README's speed figures to standard
//! output: `cargo run --release --example batch-workload -- LINES [SEED]`.
//! `scripts/bench-batch.sh` runs it.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use lactriage::rules::Rules;

#[path = "../benches/workload.rs"]
mod workload;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let lines = args.next().and_then(|a| a.parse::<usize>().ok());
    let seed = args.next().map_or(Some(1), |a| a.parse::<u64>().ok());
    let (Some(lines), Some(seed)) = (lines, seed) else {
        eprintln!("usage: batch-workload LINES [SEED]");
        return ExitCode::from(2);
    };
    let rules = match Rules::builtin() {
        Ok(rules) => rules,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match workload::write(&rules, lines, seed, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
