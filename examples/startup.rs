//! Start-up times, measured as the README's table gives them: each command
//! run in turn, round after round, so that all of them meet the same drift
//! of a shared machine, and the median of each, with its ratio to the
//! first. `scripts/bench.sh` runs it:
//! `cargo run --release --example startup -- ROUNDS 'CMD ARGS' 'CMD ARGS'...`

use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(rounds) = args.next().and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: startup ROUNDS 'CMD ARGS'...");
        return ExitCode::from(2);
    };
    let commands: Vec<Vec<String>> = args
        .map(|c| c.split_whitespace().map(str::to_string).collect())
        .filter(|c: &Vec<String>| !c.is_empty())
        .collect();
    if commands.is_empty() || rounds == 0 {
        eprintln!("usage: startup ROUNDS 'CMD ARGS'...");
        return ExitCode::from(2);
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); commands.len()];
    for round in 0..rounds + 10 {
        for (command, times) in commands.iter().zip(&mut times) {
            let start = Instant::now();
            let status = Command::new(&command[0])
                .args(&command[1..])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            let seconds = start.elapsed().as_secs_f64();
            if let Err(e) = status {
                eprintln!("{}: {e}", command[0]);
                return ExitCode::FAILURE;
            }
            // The first ten rounds warm the caches.
            if round >= 10 {
                times.push(seconds);
            }
        }
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(f64::total_cmp);
            t[t.len() / 2]
        })
        .collect();
    for (command, median) in commands.iter().zip(&medians) {
        println!(
            "{:>8.3} ms  {:>5.2}x  {}",
            median * 1000.0,
            median / medians[0],
            command.join(" ")
        );
    }
    ExitCode::SUCCESS
}
